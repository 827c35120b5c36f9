/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <gtk/gtk.h>

#include "cr-application.h"
#include "cr-demo.h"
#include "cr-roles-page.h"
#include "cr-store-contacts.h"
#include "cr-test-widgets.h"
#include "cr-window.h"

/* The roles page of the running application on the demo database, as
 * test-window.c runs it: the demo event's roles listed, filtered by
 * partner and discipline, added, edited and removed through the page's
 * actions and dialog, each change undoable, and the map following the
 * selected role's sector. Runs in its own X server (tests/xvfb-run-test). */

typedef struct _Fixture Fixture;
struct _Fixture
{
  CrWindow *window;
  CrRolesPage *page;
  CrStore *store;
  CrEvent *event;
  void (*body) (Fixture *f);
};

/* Whether the page's button for @action can be pressed. */
static gboolean
action_enabled (Fixture    *f,
                const char *action)
{
  GtkWidget *button = cr_test_find_button (GTK_WIDGET (f->page), action, NULL);

  g_assert_nonnull (button);
  return gtk_widget_get_sensitive (button);
}

static void
activate_cb (CrApplication *app,
             GtkWindow     *window,
             gpointer       data)
{
  Fixture *f = data;

  f->window = CR_WINDOW (window);
  f->store = cr_application_get_store (app);
  f->event = cr_window_get_event (f->window);
  g_assert_nonnull (f->event);
  g_assert_cmpstr (cr_event_get_name (f->event), ==, CR_DEMO_EVENT_NAME);
  f->page = cr_test_show_page (f->window, CR_TYPE_ROLES_PAGE, "roles");
  cr_test_iterate ();
  f->body (f);
  g_clear_object (&f->event);
}

/* The application's whole life on the demo database. */
static void
run_in_application (void (*body) (Fixture *f))
{
  Fixture f = { .body = body };

  cr_test_run_window (TRUE, activate_cb, &f);
}

static guint
n_shown (Fixture *f)
{
  return g_list_model_get_n_items (cr_roles_page_get_roles (f->page));
}

static gint64
event_id (Fixture *f)
{
  return cr_record_get_id (CR_RECORD (f->event));
}

static CrPartner *
partner (Fixture    *f,
         const char *name)
{
  g_autoptr(GError) error = NULL;
  CrPartner *found = cr_store_find_partner (f->store, name, &error);

  g_assert_no_error (error);
  g_assert_nonnull (found);
  return found;
}

static CrFeature *
feature (Fixture    *f,
         const char *name)
{
  g_autoptr(GListModel) features = cr_store_list_features (f->store, event_id (f), NULL);

  for (guint i = 0; i < g_list_model_get_n_items (features); i++)
    {
      CrFeature *found = g_list_model_get_item (features, i);

      if (g_strcmp0 (cr_feature_get_name (found), name) == 0)
        return found;
      g_object_unref (found);
    }
  g_assert_not_reached ();
}

static CrRole *
role_in_store (Fixture *f,
               gint64   id)
{
  return cr_store_get (f->store, CR_TYPE_ROLE, id, NULL);
}

/* Every shown role passes the filter. */
static void
assert_all (Fixture *f,
            gint64   partner_id,
            int      discipline)
{
  GListModel *roles = cr_roles_page_get_roles (f->page);

  for (guint i = 0; i < g_list_model_get_n_items (roles); i++)
    {
      g_autoptr(CrRole) role = g_list_model_get_item (roles, i);

      g_assert_cmpint (cr_role_get_event_id (role), ==, event_id (f));
      if (partner_id > 0)
        g_assert_cmpint (cr_role_get_partner_id (role), ==, partner_id);
      if (discipline >= 0)
        g_assert_cmpint (cr_role_get_discipline (role), ==, discipline);
    }
}

typedef struct
{
  Fixture *f;
  guint count;
} Count;

static gboolean
count_shown (gpointer data)
{
  Count *c = data;

  return n_shown (c->f) == c->count;
}

static gboolean
wait_for_count (Fixture *f,
                guint    count)
{
  Count c = { f, count };

  return cr_test_wait_until (count_shown, &c, 10);
}

/* ---- Tests ---- */

static void
roles_shown (Fixture *f)
{
  g_assert_cmpint (cr_store_count (f->store, CR_TYPE_ROLE, "event_id", event_id (f), NULL), ==, 16);
  g_assert_cmpuint (n_shown (f), ==, 16);
  assert_all (f, 0, -1);
  g_assert_cmpint (cr_roles_page_get_partner_filter (f->page), ==, 0);
  g_assert_cmpint (cr_roles_page_get_discipline_filter (f->page), ==, -1);
  /* Nothing selected yet: nothing to edit, remove or show. */
  g_assert_null (cr_roles_page_get_selected_role (f->page));
  g_assert_true (action_enabled (f, "roles.add"));
  g_assert_false (action_enabled (f, "roles.edit"));
  g_assert_false (action_enabled (f, "roles.remove"));
  g_assert_false (action_enabled (f, "roles.show-on-map"));
}

static void
filters (Fixture *f)
{
  g_autoptr(CrPartner) siamu = partner (f, "SIAMU / DBDMH");
  gint64 siamu_id = cr_record_get_id (CR_RECORD (siamu));

  /* SIAMU has two roles: D1 and D2. */
  cr_roles_page_set_partner_filter (f->page, siamu_id);
  g_assert_cmpint (cr_roles_page_get_partner_filter (f->page), ==, siamu_id);
  g_assert_cmpuint (n_shown (f), ==, 2);
  assert_all (f, siamu_id, -1);

  cr_roles_page_set_discipline_filter (f->page, CR_DISCIPLINE_D2);
  g_assert_cmpuint (n_shown (f), ==, 1);
  assert_all (f, siamu_id, CR_DISCIPLINE_D2);

  /* SIAMU has no police role. */
  cr_roles_page_set_discipline_filter (f->page, CR_DISCIPLINE_D3);
  g_assert_cmpuint (n_shown (f), ==, 0);

  /* Five police roles, of four police zones. */
  cr_roles_page_set_partner_filter (f->page, 0);
  g_assert_cmpuint (n_shown (f), ==, 5);
  assert_all (f, 0, CR_DISCIPLINE_D3);

  cr_roles_page_set_discipline_filter (f->page, -1);
  g_assert_cmpuint (n_shown (f), ==, 16);
}

static void
add_edit_remove_undo (Fixture *f)
{
  CrHistory *history = cr_window_get_history (f->window);
  g_autoptr(CrPartner) civil = partner (f, "Protection civile / Civiele Bescherming");
  g_autoptr(CrFeature) staging = feature (f, "Regroupement des moyens Tour & Taxis / Verzamelplaats hulpmiddelen Thurn & Taxis");
  g_autoptr(GListModel) chain = cr_store_list_spoc_chain (f->store, cr_record_get_id (CR_RECORD (civil)), NULL);
  g_autoptr(CrContact) spoc = g_list_model_get_item (chain, 0);
  g_autoptr(CrContact) deputy = g_list_model_get_item (chain, 1);
  g_autoptr(CrRole) added = NULL;
  g_autoptr(CrRole) edited = NULL;
  g_autoptr(GError) error = NULL;
  CrRoleDialog *dialog;
  GListModel *contacts;
  gint64 role_id;

  /* Add: the dialog proposes the partner's SPOC, listed first. */
  dialog = cr_roles_page_add_role (f->page);
  g_assert_true (CR_IS_ROLE_DIALOG (dialog));
  cr_role_dialog_set_partner (dialog, cr_record_get_id (CR_RECORD (civil)));
  contacts = cr_role_dialog_get_contact_names (dialog);
  g_assert_cmpuint (g_list_model_get_n_items (contacts), >=, 3);
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (contacts), 1), ==, cr_contact_get_name (spoc));
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (contacts), 2), ==, cr_contact_get_name (deputy));
  g_assert_cmpint (cr_role_dialog_get_contact (dialog), ==, cr_record_get_id (CR_RECORD (spoc)));
  /* The sector chooser lists the event's features, none of another event. */
  g_assert_cmpuint (g_list_model_get_n_items (cr_role_dialog_get_sector_names (dialog)), ==,
                    1 + cr_store_count (f->store, CR_TYPE_FEATURE, "event_id", event_id (f), NULL));

  cr_role_dialog_set_discipline (dialog, CR_DISCIPLINE_D4);
  /* Nothing saved without a responsibility. */
  g_assert_false (cr_role_dialog_save (dialog));
  g_assert_nonnull (cr_role_dialog_get_error (dialog));
  g_assert_cmpint (cr_store_count (f->store, CR_TYPE_ROLE, "event_id", event_id (f), NULL), ==, 16);

  cr_role_dialog_set_responsibility (dialog, "Tents and heaters at the Basilica's gathering point.");
  g_assert_true (cr_role_dialog_set_sector (dialog, cr_record_get_id (CR_RECORD (staging))));
  g_assert_true (cr_role_dialog_set_contact (dialog, cr_record_get_id (CR_RECORD (deputy))));
  g_assert_true (cr_role_dialog_save (dialog));
  cr_test_iterate ();

  g_assert_cmpint (cr_store_count (f->store, CR_TYPE_ROLE, "event_id", event_id (f), NULL), ==, 17);
  g_assert_cmpuint (n_shown (f), ==, 17);
  g_assert_nonnull (cr_roles_page_get_selected_role (f->page));
  role_id = cr_record_get_id (CR_RECORD (cr_roles_page_get_selected_role (f->page)));
  added = role_in_store (f, role_id);
  g_assert_nonnull (added);
  g_assert_cmpint (cr_role_get_partner_id (added), ==, cr_record_get_id (CR_RECORD (civil)));
  g_assert_cmpint (cr_role_get_discipline (added), ==, CR_DISCIPLINE_D4);
  g_assert_cmpstr (cr_role_get_responsibility (added), ==, "Tents and heaters at the Basilica's gathering point.");
  g_assert_cmpint (cr_role_get_sector_id (added), ==, cr_record_get_id (CR_RECORD (staging)));
  g_assert_cmpint (cr_role_get_contact_id (added), ==, cr_record_get_id (CR_RECORD (deputy)));
  g_assert_cmpstr (cr_history_get_undo_label (history), ==, "Add Role");

  /* Undo the addition; redo it. */
  g_assert_true (cr_history_undo (history, &error));
  g_assert_no_error (error);
  g_assert_true (wait_for_count (f, 16));
  g_assert_null (role_in_store (f, role_id));
  g_assert_true (cr_history_redo (history, &error));
  g_assert_no_error (error);
  g_assert_true (wait_for_count (f, 17));

  /* Edit: one undoable step. A contact of another partner is refused. */
  g_assert_true (cr_roles_page_select_role (f->page, role_id));
  dialog = cr_roles_page_edit_role (f->page);
  g_assert_nonnull (dialog);
  g_assert_cmpint (cr_role_dialog_get_contact (dialog), ==, cr_record_get_id (CR_RECORD (deputy)));
  {
    g_autoptr(CrPartner) siamu = partner (f, "SIAMU / DBDMH");
    g_autoptr(GListModel) siamu_chain = cr_store_list_spoc_chain (f->store, cr_record_get_id (CR_RECORD (siamu)), NULL);
    g_autoptr(CrContact) other = g_list_model_get_item (siamu_chain, 0);

    g_assert_false (cr_role_dialog_set_contact (dialog, cr_record_get_id (CR_RECORD (other))));
  }
  cr_role_dialog_set_responsibility (dialog, "Tents, heaters and drinking water.");
  cr_role_dialog_set_discipline (dialog, CR_DISCIPLINE_OTHER);
  g_assert_true (cr_role_dialog_save (dialog));
  cr_test_iterate ();
  edited = role_in_store (f, role_id);
  g_assert_cmpstr (cr_role_get_responsibility (edited), ==, "Tents, heaters and drinking water.");
  g_assert_cmpint (cr_role_get_discipline (edited), ==, CR_DISCIPLINE_OTHER);
  g_assert_cmpstr (cr_history_get_undo_label (history), ==, "Edit Role");
  g_assert_true (cr_history_undo (history, &error));
  g_assert_no_error (error);
  g_clear_object (&edited);
  edited = role_in_store (f, role_id);
  g_assert_cmpstr (cr_role_get_responsibility (edited), ==, "Tents and heaters at the Basilica's gathering point.");
  g_assert_cmpint (cr_role_get_discipline (edited), ==, CR_DISCIPLINE_D4);

  /* Remove, through the page's action; undo brings the same role back. */
  cr_test_iterate ();
  g_assert_true (cr_roles_page_select_role (f->page, role_id));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "roles.remove", NULL));
  g_assert_null (role_in_store (f, role_id));
  g_assert_cmpuint (n_shown (f), ==, 16);
  g_assert_cmpstr (cr_history_get_undo_label (history), ==, "Remove Role");
  g_assert_true (cr_history_undo (history, &error));
  g_assert_no_error (error);
  g_clear_object (&edited);
  edited = role_in_store (f, role_id);
  g_assert_nonnull (edited);
  g_assert_cmpstr (cr_role_get_responsibility (edited), ==, "Tents and heaters at the Basilica's gathering point.");
  g_assert_true (wait_for_count (f, 17));
}

/* Selecting a role selects its sector on the map; "Show on Map" goes
 * there. A role without a sector clears the map's selection. */
static void
selection_highlights_sector (Fixture *f)
{
  CrMapRenderer *renderer = cr_window_get_renderer (f->window);
  g_autoptr(CrPartner) vivaqua = partner (f, "Vivaqua");
  g_autoptr(CrPartner) stib = partner (f, "STIB-MIVB");
  g_autoptr(CrFeature) heysel = feature (f, "Zone jaune Heysel / Gele zone Heizel");
  GListModel *roles = cr_roles_page_get_roles (f->page);
  g_autoptr(CrRole) stib_role = NULL;
  g_autoptr(CrRole) vivaqua_role = NULL;
  AdwViewStack *stack;

  cr_roles_page_set_partner_filter (f->page, cr_record_get_id (CR_RECORD (stib)));
  g_assert_cmpuint (n_shown (f), ==, 1);
  stib_role = g_list_model_get_item (roles, 0);
  g_assert_cmpint (cr_role_get_sector_id (stib_role), ==, cr_record_get_id (CR_RECORD (heysel)));
  g_assert_true (cr_roles_page_select_role (f->page, cr_record_get_id (CR_RECORD (stib_role))));
  g_assert_cmpint (cr_map_renderer_get_selected (renderer), ==, cr_record_get_id (CR_RECORD (heysel)));

  /* Vivaqua's role has no sector: nothing to highlight, nothing to show. */
  cr_roles_page_set_partner_filter (f->page, cr_record_get_id (CR_RECORD (vivaqua)));
  g_assert_cmpuint (n_shown (f), ==, 1);
  vivaqua_role = g_list_model_get_item (roles, 0);
  g_assert_cmpint (cr_role_get_sector_id (vivaqua_role), ==, 0);
  g_assert_true (cr_roles_page_select_role (f->page, cr_record_get_id (CR_RECORD (vivaqua_role))));
  g_assert_cmpint (cr_map_renderer_get_selected (renderer), ==, 0);
  g_assert_false (action_enabled (f, "roles.show-on-map"));
  g_assert_true (action_enabled (f, "roles.edit"));

  cr_roles_page_set_partner_filter (f->page, cr_record_get_id (CR_RECORD (stib)));
  g_assert_true (cr_roles_page_select_role (f->page, cr_record_get_id (CR_RECORD (stib_role))));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "roles.show-on-map", NULL));
  stack = ADW_VIEW_STACK (gtk_widget_get_ancestor (GTK_WIDGET (f->page), ADW_TYPE_VIEW_STACK));
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, "map");
  g_assert_cmpint (cr_map_renderer_get_selected (renderer), ==, cr_record_get_id (CR_RECORD (heysel)));
}

/* The page follows the window's event: none, no roles. */
static void
follows_event (Fixture *f)
{
  g_autoptr(CrEvent) other = cr_event_new ();
  g_autoptr(GError) error = NULL;

  cr_event_set_name (other, "Fête de l'Iris 2025");
  cr_event_set_kind (other, CR_EVENT_KIND_FESTIVAL);
  g_assert_true (cr_store_insert (f->store, CR_RECORD (other), &error));
  g_assert_no_error (error);
  cr_test_iterate ();
  g_assert_true (cr_window_select_event (f->window, "Fête de l'Iris 2025"));
  g_assert_cmpuint (n_shown (f), ==, 0);
  g_assert_true (cr_window_select_event (f->window, CR_DEMO_EVENT_NAME));
  g_assert_cmpuint (n_shown (f), ==, 16);
}

static void
test_roles_shown (void)
{
  run_in_application (roles_shown);
}

static void
test_filters (void)
{
  run_in_application (filters);
}

static void
test_add_edit_remove (void)
{
  run_in_application (add_edit_remove_undo);
}

static void
test_selection (void)
{
  run_in_application (selection_highlights_sector);
}

static void
test_follows_event (void)
{
  run_in_application (follows_event);
}

int
main (int   argc,
      char *argv[])
{
  cr_test_widgets_init (&argc, &argv);

  g_test_add_func ("/roles-page/demo-roles-shown", test_roles_shown);
  g_test_add_func ("/roles-page/filters", test_filters);
  g_test_add_func ("/roles-page/add-edit-remove-undo", test_add_edit_remove);
  g_test_add_func ("/roles-page/selection-highlights-sector", test_selection);
  g_test_add_func ("/roles-page/follows-event", test_follows_event);

  return g_test_run ();
}
