/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <gtk/gtk.h>
#include <string.h>

#include "cr-application.h"
#include "cr-contact-card.h"
#include "cr-event-sidebar.h"
#include "cr-labels.h"
#include "cr-partners-page.h"
#include "cr-store-contacts.h"
#include "cr-test-widgets.h"
#include "cr-time.h"
#include "cr-window.h"

/* The Partners page as an operator uses it, in the application's window
 * on the demo database: partners grouped by type, search as you type,
 * "Needs review" with its fixes, "Confirmed today", editing a contact.
 * Runs in its own X server (tests/xvfb-run-test). */

typedef struct _Fixture Fixture;
struct _Fixture
{
  CrWindow *window;
  CrPartnersPage *page;
  CrStore *store;
  void (*body) (Fixture *f);
};

static CrContact *
find_contact (CrStore    *store,
              const char *name)
{
  CrContact *contact = cr_test_find_contact (store, name);

  g_assert_nonnull (contact);
  return contact;
}

static gint64
row_id (GtkWidget  *row,
        const char *key)
{
  gint64 *id = g_object_get_data (G_OBJECT (row), key);

  return id != NULL ? *id : 0;
}

static void
activate_cb (CrApplication *app,
             GtkWindow     *window,
             gpointer       data)
{
  Fixture *f = data;

  f->window = CR_WINDOW (window);
  f->store = cr_application_get_store (app);
  cr_store_set_operator (f->store, "Test Operator");
  f->page = cr_test_show_page (f->window, CR_TYPE_PARTNERS_PAGE, "partners");
  cr_partners_page_refresh (f->page);
  f->body (f);
}

static void
run_in_application (void (*body) (Fixture *f))
{
  Fixture f = { .body = body };

  cr_test_run_window (TRUE, activate_cb, &f);
}

/* The partner rows of the list, in order. */
static GPtrArray *
partner_rows (Fixture *f)
{
  GPtrArray *rows = g_ptr_array_new ();
  GtkWidget *list = cr_partners_page_get_partner_list (f->page);

  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL; row = gtk_widget_get_next_sibling (row))
    if (GTK_IS_LIST_BOX_ROW (row) && row_id (row, "cr-partner") != 0 &&
        g_object_get_data (G_OBJECT (row), "cr-contact") == NULL)
      g_ptr_array_add (rows, row);
  return rows;
}

/* ---- Partners grouped by type ---- */

static void
grouped_by_type (Fixture *f)
{
  g_autoptr(GPtrArray) rows = partner_rows (f);
  g_autoptr(GHashTable) headers = g_hash_table_new (g_str_hash, g_str_equal);
  int last_type = -1;

  /* The demo's twenty partners, each once. */
  g_assert_cmpuint (rows->len, ==, 20);
  for (guint i = 0; i < rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (rows, i);
      g_autoptr(CrPartner) partner = cr_store_get (f->store, CR_TYPE_PARTNER, row_id (row, "cr-partner"), NULL);
      int type = cr_partner_get_partner_type (partner);
      GtkWidget *header = gtk_list_box_row_get_header (GTK_LIST_BOX_ROW (row));

      /* Grouped: the types come in order, and each group has its heading
       * on its first row only. */
      g_assert_cmpint (type, >=, last_type);
      if (type != last_type)
        {
          g_assert_nonnull (header);
          g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (header)), ==, cr_partner_type_label (type));
          g_hash_table_add (headers, (gpointer) cr_partner_type_label (type));
        }
      else
        g_assert_null (header);
      last_type = type;
    }
  /* Police zones, fire and EMS, civil protection, communes, regional
   * bodies, federal services, others: all seven in the demo. */
  g_assert_cmpuint (g_hash_table_size (headers), ==, 7);

  /* Choosing a partner shows its details: SPOC first, with its place. */
  cr_partners_page_select_partner (f->page,
                                   cr_test_partner_id (f->store, "Zone de police Midi – Politiezone Zuid (5341)"));
  {
    g_autoptr(GPtrArray) cards = cr_test_find_widgets (cr_partners_page_get_detail (f->page),
                                                       CR_TYPE_CONTACT_CARD);
    g_autofree char *text = cr_test_widget_text (cr_partners_page_get_detail (f->page), CR_TEST_TEXT_ALL);

    g_assert_cmpuint (cards->len, ==, 2);
    g_assert_cmpstr (cr_contact_get_name (cr_contact_card_get_contact (g_ptr_array_index (cards, 0))), ==,
                     "Gaëlle Modèle");
    g_assert_nonnull (strstr (text, "1060 Saint-Gilles / Sint-Gillis"));
    g_assert_nonnull (strstr (text, "SPOC\n"));
    g_assert_nonnull (strstr (text, "Deputy 1\n"));
    /* Numbers as typed, with their E.164 form beside them. */
    g_assert_nonnull (strstr (text, "E.164 +3240960371"));
  }
}

static void
test_grouped_by_type (void)
{
  run_in_application (grouped_by_type);
}

/* ---- Search as you type ---- */

static gboolean
list_has_partner (Fixture    *f,
                  const char *name)
{
  gint64 id = cr_test_partner_id (f->store, name);
  g_autoptr(GPtrArray) rows = partner_rows (f);

  for (guint i = 0; i < rows->len; i++)
    if (row_id (g_ptr_array_index (rows, i), "cr-partner") == id)
      return TRUE;
  return FALSE;
}

static GtkWidget *
contact_row (Fixture *f,
             gint64   contact_id)
{
  GtkWidget *list = cr_partners_page_get_partner_list (f->page);

  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL; row = gtk_widget_get_next_sibling (row))
    if (GTK_IS_LIST_BOX_ROW (row) && row_id (row, "cr-contact") == contact_id)
      return row;
  return NULL;
}

static void
search (Fixture *f)
{
  g_autoptr(CrContact) added = cr_contact_new ();
  gint64 midi = cr_test_partner_id (f->store, "Zone de police Midi – Politiezone Zuid (5341)");
  GtkWidget *row;

  /* "saint gilles" finds the zone whose address is "Saint-Gilles". */
  cr_partners_page_set_search_text (f->page, "saint gilles");
  g_assert_true (list_has_partner (f, "Zone de police Midi – Politiezone Zuid (5341)"));
  g_assert_false (list_has_partner (f, "SIAMU / DBDMH"));

  /* "bruxelles" finds every "Bruxelles", whatever the case. */
  cr_partners_page_set_search_text (f->page, "BRUXELLES");
  g_assert_true (list_has_partner (f, "Ville de Bruxelles / Stad Brussel"));
  g_assert_true (list_has_partner (f, "Zone de police Bruxelles-Nord – Politiezone Brussel-Noord (5344)"));
  g_assert_false (list_has_partner (f, "Commune de Jette / Gemeente Jette"));

  /* Accents and partial words: "gael mod" finds Gaëlle Modèle. */
  cr_partners_page_set_search_text (f->page, "gael mod");
  g_assert_nonnull (contact_row (f, cr_test_contact_id (f->store, "Gaëlle Modèle")));

  /* "0470" finds a number written "+32 470 …". */
  cr_contact_set_partner_id (added, midi);
  cr_contact_set_name (added, "Xavier Recrue");
  cr_contact_set_phone_mobile (added, "+32 470 12 34 56");
  g_assert_true (cr_store_insert (f->store, CR_RECORD (added), NULL));
  cr_test_drain ();
  cr_partners_page_set_search_text (f->page, "0470");
  row = contact_row (f, cr_record_get_id (CR_RECORD (added)));
  g_assert_nonnull (row);
  g_assert_true (list_has_partner (f, "Zone de police Midi – Politiezone Zuid (5341)"));
  /* The demo's numbers are all "+32 4 0…" (04, not 0470): none of them. */
  g_assert_null (contact_row (f, cr_test_contact_id (f->store, "Gaëlle Modèle")));

  /* Choosing the result shows its partner, the contact among its cards. */
  g_signal_emit_by_name (cr_partners_page_get_partner_list (f->page), "row-activated", row);
  g_assert_cmpint (cr_partners_page_get_selected_partner (f->page), ==, midi);
  {
    g_autofree char *text = cr_test_widget_text (cr_partners_page_get_detail (f->page), CR_TEST_TEXT_ALL);

    g_assert_nonnull (strstr (text, "Xavier Recrue"));
  }

  /* Nothing matches: the list says so; clearing shows every partner. */
  cr_partners_page_set_search_text (f->page, "zzzqqq");
  {
    g_autoptr(GPtrArray) rows = partner_rows (f);

    g_assert_cmpuint (rows->len, ==, 0);
  }
  cr_partners_page_set_search_text (f->page, "");
  {
    g_autoptr(GPtrArray) rows = partner_rows (f);

    g_assert_cmpuint (rows->len, ==, 20);
  }
}

static void
test_search (void)
{
  run_in_application (search);
}

/* ---- Needs review ---- */

static CrReviewProblem *
find_problem (GListModel   *problems,
              CrReviewKind  kind,
              const char   *name)
{
  for (guint i = 0; i < g_list_model_get_n_items (problems); i++)
    {
      g_autoptr(CrReviewProblem) problem = g_list_model_get_item (problems, i);

      if (cr_review_problem_get_kind (problem) == kind &&
          (g_strcmp0 (cr_review_problem_get_contact_name (problem), name) == 0 ||
           g_strcmp0 (cr_review_problem_get_partner_name (problem), name) == 0))
        return g_steal_pointer (&problem);
    }
  return NULL;
}

static gboolean
has_problem (GListModel   *problems,
             CrReviewKind  kind,
             const char   *name)
{
  g_autoptr(CrReviewProblem) problem = find_problem (problems, kind, name);

  return problem != NULL;
}

static GtkWidget *
fix_button_for (GtkWidget       *list,
                CrReviewProblem *problem)
{
  g_autoptr(GPtrArray) buttons = cr_test_find_widgets (list, GTK_TYPE_BUTTON);

  for (guint i = 0; i < buttons->len; i++)
    {
      CrReviewProblem *p = g_object_get_data (G_OBJECT (g_ptr_array_index (buttons, i)), "cr-problem");

      if (p != NULL && cr_review_problem_get_kind (p) == cr_review_problem_get_kind (problem) &&
          cr_review_problem_get_contact_id (p) == cr_review_problem_get_contact_id (problem) &&
          cr_review_problem_get_partner_id (p) == cr_review_problem_get_partner_id (problem))
        return g_ptr_array_index (buttons, i);
    }
  return NULL;
}

static void
needs_review (Fixture *f)
{
  GListModel *problems = cr_partners_page_get_problems (f->page);
  GtkWidget *list = cr_partners_page_get_review_list (f->page);
  g_autoptr(CrReviewProblem) stale = NULL;
  g_autoptr(CrContact) floris = NULL;
  GtkWidget *button;
  guint n_rows = 0;

  /* The demo's deliberate flaws, each listed. */
  g_assert_true (has_problem (problems, CR_REVIEW_KIND_INVALID_PHONE, "Hendrik Proef"));
  g_assert_true (has_problem (problems, CR_REVIEW_KIND_INVALID_EMAIL, "Victor Pseudonyme"));
  g_assert_true (has_problem (problems, CR_REVIEW_KIND_INVALID_EMAIL, "Joris Veronderstel"));
  g_assert_true (has_problem (problems, CR_REVIEW_KIND_NEVER_VERIFIED, "Pieter Verzonnen"));
  g_assert_true (has_problem (problems, CR_REVIEW_KIND_STALE, "Marc Factice"));
  g_assert_true (has_problem (problems, CR_REVIEW_KIND_NO_24_7, "Vivaqua"));
  g_assert_true (has_problem (problems, CR_REVIEW_KIND_NO_DEPUTY, "Bruxelles-Propreté / Net Brussel"));
  stale = find_problem (problems, CR_REVIEW_KIND_STALE, "Floris Fictief");
  g_assert_nonnull (stale);

  /* Every problem is a row of the list, with its fix one click away. */
  cr_partners_page_show_review (f->page, TRUE);
  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL; row = gtk_widget_get_next_sibling (row))
    n_rows += GTK_IS_LIST_BOX_ROW (row);
  g_assert_cmpuint (n_rows, ==, g_list_model_get_n_items (problems));
  {
    g_autoptr(CrReviewProblem) invalid = find_problem (problems, CR_REVIEW_KIND_INVALID_PHONE, "Hendrik Proef");

    g_assert_nonnull (fix_button_for (list, invalid));
  }

  /* "Confirmed today" on the stale contact: the problem goes. */
  button = fix_button_for (list, stale);
  g_assert_nonnull (button);
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (button)), ==, cr_review_problem_get_fix_label (stale));
  g_signal_emit_by_name (button, "clicked");
  cr_test_drain ();
  problems = cr_partners_page_get_problems (f->page);
  g_assert_false (has_problem (problems, CR_REVIEW_KIND_STALE, "Floris Fictief"));
  g_assert_null (fix_button_for (cr_partners_page_get_review_list (f->page), stale));
  floris = cr_store_get (f->store, CR_TYPE_CONTACT, cr_review_problem_get_contact_id (stale), NULL);
  g_assert_cmpstr (cr_contact_get_verified_by (floris), ==, "Test Operator");

  /* A SPOC without a deputy: choosing the deputy is the fix. */
  {
    g_autoptr(CrReviewProblem) no_deputy = find_problem (problems, CR_REVIEW_KIND_NO_DEPUTY,
                                                         "Bruxelles-Propreté / Net Brussel");
    gint64 partner = cr_review_problem_get_partner_id (no_deputy);
    g_autoptr(CrContact) zeger = find_contact (f->store, "Zeger Schets");
    AdwMessageDialog *dialog;

    g_signal_emit_by_name (fix_button_for (cr_partners_page_get_review_list (f->page), no_deputy), "clicked");
    dialog = ADW_MESSAGE_DIALOG (cr_test_find_window (ADW_TYPE_MESSAGE_DIALOG));
    g_assert_nonnull (dialog);
    adw_message_dialog_response (dialog, "choose");
    cr_test_drain ();
    g_assert_cmpint (cr_store_get_spoc_rank (f->store, partner, cr_record_get_id (CR_RECORD (zeger)), NULL), ==, 1);
    g_assert_false (has_problem (cr_partners_page_get_problems (f->page), CR_REVIEW_KIND_NO_DEPUTY,
                                 "Bruxelles-Propreté / Net Brussel"));
  }
}

static void
test_needs_review (void)
{
  run_in_application (needs_review);
}

/* ---- Confirmed today ---- */

static void
confirmed_today (Fixture *f)
{
  gint64 id = cr_test_partner_id (f->store, "Vivaqua");
  g_autoptr(GDateTime) before = cr_time_now_utc ();
  g_autoptr(GListModel) contacts = NULL;
  g_autoptr(CrContact) kevin = find_contact (f->store, "Kevin Inventé");

  /* A partner: every contact, by the store's operator. */
  cr_partners_page_select_partner (f->page, id);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "partners.confirm", NULL));
  contacts = cr_store_list_partner_contacts (f->store, id, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (contacts), ==, 2);
  for (guint i = 0; i < g_list_model_get_n_items (contacts); i++)
    {
      g_autoptr(CrContact) contact = g_list_model_get_item (contacts, i);

      g_assert_cmpstr (cr_contact_get_verified_by (contact), ==, "Test Operator");
      g_assert_cmpint (g_date_time_compare (cr_contact_get_verified_at (contact), before), >=, 0);
    }

  /* One contact, from its card's button. */
  cr_partners_page_select_partner (f->page, cr_contact_get_partner_id (kevin));
  {
    g_autoptr(CrContact) lies = find_contact (f->store, "Lies Gefingeerd");
    gint64 lies_id = cr_record_get_id (CR_RECORD (lies));
    GtkWidget *confirm;

    g_assert_null (cr_contact_get_verified_at (lies));
    confirm = cr_test_find_button (cr_partners_page_get_detail (f->page), "contacts.confirm",
                                   g_variant_new_int64 (lies_id));
    g_assert_nonnull (confirm);
    g_signal_emit_by_name (confirm, "clicked");
    g_clear_object (&lies);
    lies = find_contact (f->store, "Lies Gefingeerd");
    g_assert_nonnull (cr_contact_get_verified_at (lies));
    g_assert_cmpstr (cr_contact_get_verified_by (lies), ==, "Test Operator");
  }
}

static void
test_confirmed_today (void)
{
  run_in_application (confirmed_today);
}

/* ---- Editing ---- */

static void
edit_contact (Fixture *f)
{
  g_autoptr(CrContact) hendrik = find_contact (f->store, "Hendrik Proef");
  g_autoptr(CrContact) gaelle = find_contact (f->store, "Gaëlle Modèle");
  gint64 hendrik_id = cr_record_get_id (CR_RECORD (hendrik));
  gint64 midi = cr_contact_get_partner_id (hendrik);
  CrHistory *history = cr_window_get_history (f->window);
  g_autoptr(GError) error = NULL;
  CrContactEditor *editor;

  cr_partners_page_select_partner (f->page, midi);
  editor = cr_partners_page_edit_contact (f->page, hendrik_id);
  g_assert_nonnull (editor);
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  g_assert_cmpstr (gtk_editable_get_text (cr_contact_editor_get_field (editor, "phone_mobile")), ==,
                   "+32 4 070 04");

  /* An invalid number is refused, in the dialog, and nothing is written. */
  gtk_editable_set_text (cr_contact_editor_get_field (editor, "phone_mobile"), "0470 12");
  g_assert_false (cr_contact_editor_save (editor, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_nonnull (editor);
  g_clear_object (&hendrik);
  hendrik = cr_store_get (f->store, CR_TYPE_CONTACT, hendrik_id, NULL);
  g_assert_cmpstr (cr_contact_get_phone_mobile (hendrik), ==, "+32 4 070 04");

  /* A valid one is written as typed, with the function, in one step. */
  gtk_editable_set_text (cr_contact_editor_get_field (editor, "phone_mobile"), "0470/12.34.56");
  gtk_editable_set_text (cr_contact_editor_get_field (editor, "function"), "Deputy crisis SPOC");
  g_assert_true (cr_contact_editor_save (editor, &error));
  g_assert_no_error (error);
  g_assert_null (editor);
  g_clear_object (&hendrik);
  hendrik = cr_store_get (f->store, CR_TYPE_CONTACT, hendrik_id, NULL);
  g_assert_cmpstr (cr_contact_get_phone_mobile (hendrik), ==, "0470/12.34.56");
  g_assert_cmpstr (cr_contact_get_function (hendrik), ==, "Deputy crisis SPOC");
  cr_test_drain ();
  g_assert_false (has_problem (cr_partners_page_get_problems (f->page), CR_REVIEW_KIND_INVALID_PHONE,
                               "Hendrik Proef"));
  {
    g_autofree char *text = cr_test_widget_text (cr_partners_page_get_detail (f->page), CR_TEST_TEXT_ALL);

    g_assert_nonnull (strstr (text, "E.164 +32470123456"));
  }

  /* The edit is one undoable step. */
  g_assert_true (cr_history_can_undo (history));
  g_assert_true (cr_history_undo (history, &error));
  g_assert_no_error (error);
  g_clear_object (&hendrik);
  hendrik = cr_store_get (f->store, CR_TYPE_CONTACT, hendrik_id, NULL);
  g_assert_cmpstr (cr_contact_get_phone_mobile (hendrik), ==, "+32 4 070 04");

  /* Reordering the chain: the deputy moves up and becomes the SPOC. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "contacts.move-up", "x", hendrik_id));
  g_assert_cmpint (cr_store_get_spoc_rank (f->store, midi, hendrik_id, NULL), ==, 0);
  g_assert_cmpint (cr_store_get_spoc_rank (f->store, midi, cr_record_get_id (CR_RECORD (gaelle)), NULL), ==, 1);
  g_assert_true (cr_history_undo (history, &error));
  g_assert_no_error (error);
  g_assert_cmpint (cr_store_get_spoc_rank (f->store, midi, hendrik_id, NULL), ==, 1);

  /* A new contact as deputy: the contact and its place, one step. */
  editor = cr_partners_page_edit_contact (f->page, 0);
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  gtk_editable_set_text (cr_contact_editor_get_field (editor, "name"), "Nouvelle Adjointe");
  gtk_editable_set_text (cr_contact_editor_get_field (editor, "phone_24_7"), "02 123 45 67");
  cr_contact_editor_set_role (editor, CR_CHAIN_ROLE_DEPUTY);
  g_assert_true (cr_contact_editor_save (editor, &error));
  g_assert_no_error (error);
  {
    g_autoptr(CrContact) added = find_contact (f->store, "Nouvelle Adjointe");

    g_assert_cmpint (cr_contact_get_partner_id (added), ==, midi);
    g_assert_cmpint (cr_store_get_spoc_rank (f->store, midi, cr_record_get_id (CR_RECORD (added)), NULL), ==, 2);
  }

  /* Removing it, and undoing that, brings back its place in the chain. */
  {
    g_autoptr(CrContact) added = find_contact (f->store, "Nouvelle Adjointe");
    gint64 added_id = cr_record_get_id (CR_RECORD (added));

    g_assert_true (cr_directory_remove_contact (history, added_id, &error));
    g_assert_no_error (error);
    {
      g_autoptr(GError) gone = NULL;
      g_autoptr(CrContact) removed = cr_store_get (f->store, CR_TYPE_CONTACT, added_id, &gone);

      g_assert_null (removed);
      g_assert_error (gone, CR_STORE_ERROR, CR_STORE_ERROR_NOT_FOUND);
    }
    g_assert_true (cr_history_undo (history, &error));
    g_assert_no_error (error);
    g_assert_cmpint (cr_store_get_spoc_rank (f->store, midi, added_id, NULL), ==, 2);
  }
}

static void
test_edit_contact (void)
{
  run_in_application (edit_contact);
}

/* Ctrl+F searches the page that is shown: here the partners, on the
 * map the events. */
static gboolean
focus_in (GtkWindow *window,
          GtkWidget *widget)
{
  GtkWidget *focus = gtk_window_get_focus (window);

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

static void
search_shortcut (Fixture *f)
{
  GtkWidget *entry = cr_test_find_widget (GTK_WIDGET (f->page), GTK_TYPE_SEARCH_ENTRY);
  GtkWidget *sidebar = cr_test_find_widget (GTK_WIDGET (f->window), CR_TYPE_EVENT_SIDEBAR);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.search", NULL));
  g_assert_true (focus_in (GTK_WINDOW (f->window), entry));
  cr_window_show_page (f->window, "map");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.search", NULL));
  g_assert_false (focus_in (GTK_WINDOW (f->window), entry));
  g_assert_true (focus_in (GTK_WINDOW (f->window), sidebar));
}

static void
test_search_shortcut (void)
{
  run_in_application (search_shortcut);
}

int
main (int   argc,
      char *argv[])
{
  cr_test_widgets_init (&argc, &argv);

  g_test_add_func ("/partners/grouped-by-type", test_grouped_by_type);
  g_test_add_func ("/partners/search", test_search);
  g_test_add_func ("/partners/needs-review", test_needs_review);
  g_test_add_func ("/partners/confirmed-today", test_confirmed_today);
  g_test_add_func ("/partners/edit-contact", test_edit_contact);
  g_test_add_func ("/partners/search-shortcut", test_search_shortcut);

  return g_test_run ();
}
