/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <gtk/gtk.h>
#include <string.h>

#include "cr-application.h"
#include "cr-datetime-row.h"
#include "cr-demo.h"
#include "cr-event-copy-dialog.h"
#include "cr-event-dialog.h"
#include "cr-event-sidebar.h"
#include "cr-test-widgets.h"
#include "cr-time.h"
#include "cr-window.h"

/* The events sidebar in the running application, as test-window.c runs
 * it: search and filters, and every action on events, driven through
 * the "sidebar.*" actions and the dialogs' API, checked in the store.
 * Runs in its own X server (tests/xvfb-run-test). */

typedef struct _Fixture Fixture;
struct _Fixture
{
  CrWindow *window;
  CrEventSidebar *sidebar;
  CrStore *store;
  void (*body) (Fixture *f);
};

static void
activate_cb (CrApplication *app,
             GtkWindow     *window,
             gpointer       data)
{
  Fixture *f = data;

  f->window = CR_WINDOW (window);
  f->sidebar = cr_window_get_event_sidebar (f->window);
  f->store = cr_application_get_store (app);
  g_assert_true (CR_IS_EVENT_SIDEBAR (f->sidebar));
  f->body (f);
}

static void
run_in_application (gboolean demo,
                    void (*body) (Fixture *f))
{
  Fixture f = { .body = body };

  cr_test_run_window (demo, activate_cb, &f);
}

static GDateTime *
brussels (int year,
          int month,
          int day,
          int hour,
          int minute)
{
  g_autoptr(GDateTime) local = g_date_time_new (cr_time_zone_local (), year, month, day, hour,
                                                minute, 0);

  return g_date_time_to_utc (local);
}

static gint64
add_event (Fixture       *f,
           const char    *name,
           CrEventKind    kind,
           CrEventStatus  status,
           int            year,
           gboolean       archived)
{
  g_autoptr(CrEvent) event = cr_event_new ();
  g_autoptr(GDateTime) starts = brussels (year, 6, 1, 9, 0);
  g_autoptr(GError) error = NULL;

  cr_event_set_name (event, name);
  cr_event_set_kind (event, kind);
  cr_event_set_status (event, status);
  cr_event_set_starts (event, starts);
  cr_event_set_archived (event, archived);
  g_assert_true (cr_store_insert (f->store, CR_RECORD (event), &error));
  g_assert_no_error (error);
  return cr_record_get_id (CR_RECORD (event));
}

static void
add_sample_events (Fixture *f)
{
  add_event (f, "Papal visit 2024", CR_EVENT_KIND_VISIT, CR_EVENT_STATUS_ACTIVE, 2024, FALSE);
  add_event (f, "Fête de l'Iris 2025", CR_EVENT_KIND_FESTIVAL, CR_EVENT_STATUS_PLANNING, 2025, FALSE);
  add_event (f, "Farmers on rue de la Loi", CR_EVENT_KIND_DEMONSTRATION, CR_EVENT_STATUS_READY, 2025,
             FALSE);
  add_event (f, "Belgium – Slovakia 2024", CR_EVENT_KIND_MATCH, CR_EVENT_STATUS_CLOSED, 2024, FALSE);
  add_event (f, "National day 2023", CR_EVENT_KIND_NATIONAL_DAY, CR_EVENT_STATUS_CLOSED, 2023, TRUE);
}

static guint
n_shown (Fixture *f)
{
  return g_list_model_get_n_items (cr_event_sidebar_get_model (f->sidebar));
}

static gboolean
shown (Fixture    *f,
       const char *name)
{
  GListModel *model = cr_event_sidebar_get_model (f->sidebar);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(CrEvent) event = g_list_model_get_item (model, i);

      if (g_str_equal (cr_event_get_name (event), name))
        return TRUE;
    }
  return FALSE;
}

static const char *
selected_name (Fixture *f)
{
  CrEvent *event = cr_event_sidebar_get_selected_event (f->sidebar);

  return event != NULL ? cr_event_get_name (event) : NULL;
}

/* The page the sidebar shows: the list's stack. */
static const char *
sidebar_page (Fixture *f)
{
  GtkWidget *list = cr_test_find_widget (GTK_WIDGET (f->sidebar), GTK_TYPE_LIST_VIEW);
  GtkWidget *stack = list ? gtk_widget_get_ancestor (list, GTK_TYPE_STACK) : NULL;

  g_assert_nonnull (stack);
  return gtk_stack_get_visible_child_name (GTK_STACK (stack));
}

/* The dialog an action opened, once it has. */
static gpointer
find_dialog (GType type)
{
  cr_test_iterate ();
  return cr_test_find_window (type);
}

static CrEvent *
find_event (Fixture    *f,
            const char *name)
{
  g_autoptr(GError) error = NULL;
  CrEvent *event = cr_store_find_event (f->store, name, &error);

  g_assert_no_error (error);
  return event;
}

static void
activate (Fixture    *f,
          const char *action)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->sidebar), action, NULL));
  cr_test_iterate ();
}

/* ---- Search and filters ---- */

static void
filters (Fixture *f)
{
  g_autoptr(CrEvent) papal = NULL;

  g_assert_cmpstr (sidebar_page (f), ==, "empty");
  add_sample_events (f);
  /* Archived events are hidden until asked for. */
  g_assert_cmpuint (n_shown (f), ==, 4);
  g_assert_false (shown (f, "National day 2023"));
  g_assert_cmpstr (sidebar_page (f), ==, "list");

  g_assert_true (cr_window_select_event (f->window, "papal visit 2024"));
  papal = cr_window_get_event (f->window);
  g_assert_cmpstr (cr_event_get_name (papal), ==, "Papal visit 2024");

  /* Search as you type: case and accents do not matter, every word must
   * be found, in the name, kind or status. */
  cr_event_sidebar_set_search_text (f->sidebar, "fete");
  g_assert_cmpuint (n_shown (f), ==, 1);
  g_assert_true (shown (f, "Fête de l'Iris 2025"));
  cr_event_sidebar_set_search_text (f->sidebar, "IRIS");
  g_assert_cmpuint (n_shown (f), ==, 1);
  cr_event_sidebar_set_search_text (f->sidebar, "2024");
  g_assert_cmpuint (n_shown (f), ==, 2);
  cr_event_sidebar_set_search_text (f->sidebar, "2024 papal");
  g_assert_cmpuint (n_shown (f), ==, 1);
  cr_event_sidebar_set_search_text (f->sidebar, "demonstration");
  g_assert_cmpuint (n_shown (f), ==, 1);
  g_assert_true (shown (f, "Farmers on rue de la Loi"));
  /* Searching does not change the event on the map. */
  g_assert_cmpstr (selected_name (f), ==, "Papal visit 2024");
  cr_event_sidebar_set_search_text (f->sidebar, "nothing like this");
  g_assert_cmpuint (n_shown (f), ==, 0);
  g_assert_cmpstr (sidebar_page (f), ==, "no-match");
  g_assert_cmpstr (selected_name (f), ==, "Papal visit 2024");
  cr_event_sidebar_set_search_text (f->sidebar, "");
  g_assert_cmpuint (n_shown (f), ==, 4);

  /* By status, through the filter menu's action. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->sidebar), "sidebar.filter-status", "s",
                                             "closed"));
  g_assert_cmpuint (n_shown (f), ==, 1);
  g_assert_true (shown (f, "Belgium – Slovakia 2024"));
  g_object_set (f->sidebar, "show-archived", TRUE, NULL);
  g_assert_cmpuint (n_shown (f), ==, 2);
  g_assert_true (shown (f, "National day 2023"));
  g_object_set (f->sidebar, "show-archived", FALSE, NULL);
  g_object_set (f->sidebar, "filter-status", "planning", NULL);
  g_assert_cmpuint (n_shown (f), ==, 1);
  g_assert_true (shown (f, "Fête de l'Iris 2025"));

  /* By kind, with the status: both must match. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->sidebar), "sidebar.filter-kind", "s",
                                             "festival"));
  g_assert_cmpuint (n_shown (f), ==, 1);
  g_object_set (f->sidebar, "filter-kind", "match", NULL);
  g_assert_cmpuint (n_shown (f), ==, 0);
  g_assert_cmpstr (sidebar_page (f), ==, "no-match");
  g_object_set (f->sidebar, "filter-status", "", NULL);
  g_assert_cmpuint (n_shown (f), ==, 1);
  g_assert_true (shown (f, "Belgium – Slovakia 2024"));

  /* "Clear" brings everything back, and the selection's row. */
  cr_event_sidebar_set_search_text (f->sidebar, "slovakia");
  activate (f, "sidebar.clear-filters");
  g_assert_cmpuint (n_shown (f), ==, 4);
  {
    g_autofree char *status = NULL;
    g_autofree char *kind = NULL;

    g_object_get (f->sidebar, "filter-status", &status, "filter-kind", &kind, NULL);
    g_assert_cmpstr (status, ==, "");
    g_assert_cmpstr (kind, ==, "");
  }
  g_assert_cmpuint (gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (cr_event_sidebar_get_model (f->sidebar))),
                    !=, GTK_INVALID_LIST_POSITION);

  /* A new event appears as soon as the store has it. */
  add_event (f, "New Year's Eve 2025", CR_EVENT_KIND_NEW_YEAR, CR_EVENT_STATUS_PLANNING, 2025, FALSE);
  g_assert_true (shown (f, "New Year's Eve 2025"));
  g_assert_cmpstr (selected_name (f), ==, "Papal visit 2024");
}

/* ---- New event ---- */

static void
create (Fixture *f)
{
  g_autoptr(GDateTime) starts = brussels (2025, 12, 31, 20, 0);
  g_autoptr(GDateTime) ends = brussels (2026, 1, 1, 4, 0);
  g_autoptr(CrEvent) created = NULL;
  CrEventDialog *dialog;
  CrDatetimeRow *row;
  GtkWidget *entry;

  add_sample_events (f);
  activate (f, "sidebar.new");
  dialog = find_dialog (CR_TYPE_EVENT_DIALOG);
  g_assert_nonnull (dialog);

  /* A name is required, and must be free. */
  g_assert_false (cr_event_dialog_save (dialog));
  g_assert_nonnull (cr_event_dialog_get_error (dialog));
  cr_event_dialog_set_name (dialog, "PAPAL VISIT 2024");
  g_assert_nonnull (strstr (cr_event_dialog_get_error (dialog), "Papal visit 2024"));
  g_assert_false (cr_event_dialog_save (dialog));

  /* The end cannot come before the start. */
  cr_event_dialog_set_name (dialog, "New Year's Eve 2025");
  g_assert_null (cr_event_dialog_get_error (dialog));
  cr_event_dialog_set_starts (dialog, ends);
  cr_event_dialog_set_ends (dialog, starts);
  g_assert_nonnull (cr_event_dialog_get_error (dialog));
  g_assert_false (cr_event_dialog_save (dialog));

  /* Typed nonsense in a time: an inline message, not a crash. */
  row = CR_DATETIME_ROW (cr_test_find_widget (GTK_WIDGET (dialog), CR_TYPE_DATETIME_ROW));
  entry = cr_test_find_widget (GTK_WIDGET (row), GTK_TYPE_ENTRY);
  gtk_editable_set_text (GTK_EDITABLE (entry), "31/02/2025 25:99");
  g_assert_false (cr_datetime_row_get_valid (row));
  g_assert_nonnull (cr_datetime_row_get_error (row));
  g_signal_emit_by_name (entry, "activate");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (row), "error"));
  g_assert_false (cr_event_dialog_save (dialog));
  /* Typed right, in Brussels time. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "31/12/2025 20:00");
  g_assert_true (cr_datetime_row_get_valid (row));
  g_assert_true (g_date_time_equal (cr_datetime_row_get_datetime (row), starts));
  g_signal_emit_by_name (entry, "activate");
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (row), "error"));

  cr_event_dialog_set_ends (dialog, ends);
  cr_event_dialog_set_kind (dialog, CR_EVENT_KIND_NEW_YEAR);
  cr_event_dialog_set_status (dialog, CR_EVENT_STATUS_READY);
  g_assert_true (cr_event_dialog_save (dialog));
  cr_test_iterate ();
  g_assert_null (find_dialog (CR_TYPE_EVENT_DIALOG));

  created = find_event (f, "New Year's Eve 2025");
  g_assert_nonnull (created);
  g_assert_cmpint (cr_event_get_kind (created), ==, CR_EVENT_KIND_NEW_YEAR);
  g_assert_cmpint (cr_event_get_status (created), ==, CR_EVENT_STATUS_READY);
  g_assert_true (g_date_time_equal (cr_event_get_starts (created), starts));
  g_assert_true (g_date_time_equal (cr_event_get_ends (created), ends));
  /* Selected, so the window shows it. */
  g_assert_cmpstr (selected_name (f), ==, "New Year's Eve 2025");
  {
    g_autoptr(CrEvent) shown_event = cr_window_get_event (f->window);

    g_assert_cmpint (cr_record_get_id (CR_RECORD (shown_event)), ==,
                     cr_record_get_id (CR_RECORD (created)));
  }

  /* Created while a filter would hide it: the filter gives way. */
  g_object_set (f->sidebar, "filter-status", "closed", NULL);
  activate (f, "sidebar.new");
  dialog = find_dialog (CR_TYPE_EVENT_DIALOG);
  cr_event_dialog_set_name (dialog, "Unplanned incident");
  g_assert_true (cr_event_dialog_save (dialog));
  g_assert_true (shown (f, "Unplanned incident"));
  g_assert_cmpstr (selected_name (f), ==, "Unplanned incident");
}

/* ---- Rename ---- */

static void
rename_event (Fixture *f)
{
  g_autoptr(CrEvent) renamed = NULL;
  g_autoptr(CrEvent) still = NULL;
  CrEventDialog *dialog;
  gint64 id;

  add_sample_events (f);
  g_assert_true (cr_window_select_event (f->window, "Fête de l'Iris 2025"));
  id = cr_record_get_id (CR_RECORD (cr_event_sidebar_get_selected_event (f->sidebar)));
  activate (f, "sidebar.rename");
  dialog = find_dialog (CR_TYPE_EVENT_DIALOG);
  g_assert_nonnull (dialog);

  /* Another event's name: said in the dialog, nothing written. */
  cr_event_dialog_set_name (dialog, "papal visit 2024");
  g_assert_false (cr_event_dialog_save (dialog));
  g_assert_nonnull (strstr (cr_event_dialog_get_error (dialog), "Papal visit 2024"));
  still = cr_store_get (f->store, CR_TYPE_EVENT, id, NULL);
  g_assert_cmpstr (cr_event_get_name (still), ==, "Fête de l'Iris 2025");
  g_assert_nonnull (find_dialog (CR_TYPE_EVENT_DIALOG));

  /* Its own name in another case is fine; a new one too. */
  cr_event_dialog_set_name (dialog, "FÊTE DE L'IRIS 2025");
  g_assert_null (cr_event_dialog_get_error (dialog));
  cr_event_dialog_set_name (dialog, "Iris Festival 2025");
  g_assert_null (cr_event_dialog_get_error (dialog));
  g_assert_true (cr_event_dialog_save (dialog));
  renamed = cr_store_get (f->store, CR_TYPE_EVENT, id, NULL);
  g_assert_cmpstr (cr_event_get_name (renamed), ==, "Iris Festival 2025");
  g_assert_cmpint (cr_event_get_kind (renamed), ==, CR_EVENT_KIND_FESTIVAL);
  /* Still selected, under its new name; the window title follows. */
  g_assert_cmpstr (selected_name (f), ==, "Iris Festival 2025");
  g_assert_true (shown (f, "Iris Festival 2025"));
  g_assert_false (shown (f, "Fête de l'Iris 2025"));
}

/* ---- Duplicate, archive ---- */

static void
duplicate_and_archive (Fixture *f)
{
  g_autofree char *copy_name = g_strdup_printf ("%s (copy)", CR_DEMO_EVENT_NAME);
  g_autofree char *copy2_name = g_strdup_printf ("%s (copy 2)", CR_DEMO_EVENT_NAME);
  g_autoptr(CrEvent) demo = find_event (f, CR_DEMO_EVENT_NAME);
  g_autoptr(CrEvent) copy = NULL;
  g_autoptr(CrEvent) archived = NULL;
  g_autoptr(CrEvent) back = NULL;
  gint64 demo_id = cr_record_get_id (CR_RECORD (demo));

  g_assert_cmpstr (selected_name (f), ==, CR_DEMO_EVENT_NAME);
  activate (f, "sidebar.duplicate");
  g_assert_cmpstr (selected_name (f), ==, copy_name);
  g_assert_true (cr_window_select_event (f->window, CR_DEMO_EVENT_NAME));
  activate (f, "sidebar.duplicate");
  g_assert_cmpstr (selected_name (f), ==, copy2_name);
  g_assert_cmpuint (n_shown (f), ==, 3);

  copy = find_event (f, copy_name);
  g_assert_nonnull (copy);
  g_assert_cmpint (cr_store_count (f->store, CR_TYPE_FEATURE, "event_id",
                                   cr_record_get_id (CR_RECORD (copy)), NULL), ==,
                   cr_store_count (f->store, CR_TYPE_FEATURE, "event_id", demo_id, NULL));
  g_assert_cmpint (cr_store_count (f->store, CR_TYPE_ROLE, "event_id",
                                   cr_record_get_id (CR_RECORD (copy)), NULL), ==,
                   cr_store_count (f->store, CR_TYPE_ROLE, "event_id", demo_id, NULL));
  g_assert_true (g_date_time_equal (cr_event_get_starts (copy), cr_event_get_starts (demo)));

  /* Archive: gone from the list, and from the window. */
  g_assert_true (cr_window_select_event (f->window, copy_name));
  activate (f, "sidebar.archive");
  archived = find_event (f, copy_name);
  g_assert_true (cr_event_get_archived (archived));
  g_assert_false (shown (f, copy_name));
  g_assert_cmpuint (n_shown (f), ==, 2);
  g_assert_null (cr_event_sidebar_get_selected_event (f->sidebar));
  g_assert_null (cr_window_get_event (f->window));
  g_assert_false (cr_window_select_event (f->window, copy_name));

  /* …unless archived events are shown; then it can come back. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->sidebar), "sidebar.show-archived", NULL));
  g_assert_true (shown (f, copy_name));
  g_assert_true (cr_window_select_event (f->window, copy_name));
  activate (f, "sidebar.unarchive");
  back = find_event (f, copy_name);
  g_assert_false (cr_event_get_archived (back));
  g_assert_cmpstr (selected_name (f), ==, copy_name);

  /* The row menu opens on the selected row (the Menu key), once the
   * window is on screen. */
  {
    gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

    while (!gtk_widget_get_mapped (GTK_WIDGET (f->sidebar)) && g_get_monotonic_time () < deadline)
      g_main_context_iteration (NULL, TRUE);
  }
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (f->sidebar)));
  activate (f, "sidebar.context-menu");
  {
    /* The row menu is the sidebar's own popover, after its content. */
    GtkWidget *popover = gtk_widget_get_last_child (GTK_WIDGET (f->sidebar));

    g_assert_true (GTK_IS_POPOVER_MENU (popover));
    g_assert_true (gtk_widget_get_visible (popover));
    gtk_popover_popdown (GTK_POPOVER (popover));
  }
}

/* ---- New event from a past one ---- */

static void
new_from_past (Fixture *f)
{
  g_autoptr(CrEvent) demo = find_event (f, CR_DEMO_EVENT_NAME);
  g_autoptr(CrEvent) copy = NULL;
  g_autoptr(CrEvent) bare = NULL;
  g_autoptr(GDateTime) starts = NULL;
  g_autoptr(GListModel) old_features = NULL;
  g_autoptr(GListModel) new_features = NULL;
  g_autofree char *features_text = NULL;
  g_autofree char *roles_text = NULL;
  GTimeSpan shift = 365 * G_TIME_SPAN_DAY;
  gint64 demo_id = cr_record_get_id (CR_RECORD (demo));
  gint64 n_features = cr_store_count (f->store, CR_TYPE_FEATURE, "event_id", demo_id, NULL);
  gint64 n_roles = cr_store_count (f->store, CR_TYPE_ROLE, "event_id", demo_id, NULL);
  CrEventCopyDialog *dialog;

  g_assert_cmpint (n_features, >, 10);
  g_assert_cmpint (n_roles, >, 0);
  /* From the New menu: the dialog offers the latest past event. */
  activate (f, "sidebar.new-from-past");
  dialog = find_dialog (CR_TYPE_EVENT_COPY_DIALOG);
  g_assert_nonnull (dialog);

  /* Prefilled for the same event a year on, and it says what it copies. */
  g_assert_cmpstr (cr_event_copy_dialog_get_name (dialog), ==, "Papal visit 2025 — exercise");
  features_text = g_strdup_printf ("%" G_GINT64_FORMAT " features", n_features);
  roles_text = g_strdup_printf ("%" G_GINT64_FORMAT " roles", n_roles);
  g_assert_nonnull (strstr (cr_event_copy_dialog_get_summary (dialog), features_text));
  g_assert_nonnull (strstr (cr_event_copy_dialog_get_summary (dialog), roles_text));
  g_assert_nonnull (strstr (cr_event_copy_dialog_get_summary (dialog), "365 days later"));

  /* A taken name is refused in the dialog. */
  cr_event_copy_dialog_set_name (dialog, CR_DEMO_EVENT_NAME);
  g_assert_nonnull (cr_event_copy_dialog_get_error (dialog));
  g_assert_false (cr_event_copy_dialog_save (dialog));

  cr_event_copy_dialog_set_name (dialog, "Papal visit 2025");
  starts = g_date_time_add (cr_event_get_starts (demo), shift);
  cr_event_copy_dialog_set_starts (dialog, starts);
  g_assert_true (cr_event_copy_dialog_save (dialog));
  cr_test_iterate ();
  g_assert_null (find_dialog (CR_TYPE_EVENT_COPY_DIALOG));

  copy = find_event (f, "Papal visit 2025");
  g_assert_nonnull (copy);
  g_assert_cmpint (g_date_time_difference (cr_event_get_starts (copy), cr_event_get_starts (demo)),
                   ==, shift);
  g_assert_cmpint (cr_event_get_status (copy), ==, CR_EVENT_STATUS_PLANNING);
  g_assert_cmpint (cr_store_count (f->store, CR_TYPE_ROLE, "event_id",
                                   cr_record_get_id (CR_RECORD (copy)), NULL), ==, n_roles);
  old_features = cr_store_list_features (f->store, demo_id, NULL);
  new_features = cr_store_list_features (f->store, cr_record_get_id (CR_RECORD (copy)), NULL);
  g_assert_cmpuint (g_list_model_get_n_items (new_features), ==, n_features);
  for (guint i = 0; i < g_list_model_get_n_items (old_features); i++)
    {
      g_autoptr(CrFeature) o = g_list_model_get_item (old_features, i);
      g_autoptr(CrFeature) n = g_list_model_get_item (new_features, i);

      g_assert_cmpstr (cr_feature_get_name (n), ==, cr_feature_get_name (o));
      if (cr_feature_get_active_from (o) != NULL)
        g_assert_cmpint (g_date_time_difference (cr_feature_get_active_from (n),
                                                 cr_feature_get_active_from (o)), ==, shift);
    }
  /* Selected and shown. */
  g_assert_cmpstr (selected_name (f), ==, "Papal visit 2025");
  {
    g_autoptr(CrEvent) on_map = cr_window_get_event (f->window);

    g_assert_cmpint (cr_record_get_id (CR_RECORD (on_map)), ==, cr_record_get_id (CR_RECORD (copy)));
  }

  /* From the row's menu, without the roles nor the map. */
  g_assert_true (cr_window_select_event (f->window, CR_DEMO_EVENT_NAME));
  activate (f, "sidebar.new-from-selected");
  dialog = find_dialog (CR_TYPE_EVENT_COPY_DIALOG);
  g_assert_nonnull (dialog);
  cr_event_copy_dialog_set_copy_roles (dialog, FALSE);
  cr_event_copy_dialog_set_copy_features (dialog, FALSE);
  g_assert_nonnull (strstr (cr_event_copy_dialog_get_summary (dialog), "alone"));
  cr_event_copy_dialog_set_name (dialog, "Papal visit, bare");
  g_assert_true (cr_event_copy_dialog_save (dialog));
  bare = find_event (f, "Papal visit, bare");
  g_assert_cmpint (cr_store_count (f->store, CR_TYPE_FEATURE, "event_id",
                                   cr_record_get_id (CR_RECORD (bare)), NULL), ==, 0);
  g_assert_cmpint (cr_store_count (f->store, CR_TYPE_ROLE, "event_id",
                                   cr_record_get_id (CR_RECORD (bare)), NULL), ==, 0);
}

static void
test_filters (void)
{
  run_in_application (FALSE, filters);
}

static void
test_create (void)
{
  run_in_application (FALSE, create);
}

static void
test_rename (void)
{
  run_in_application (FALSE, rename_event);
}

static void
test_duplicate_and_archive (void)
{
  run_in_application (TRUE, duplicate_and_archive);
}

static void
test_new_from_past (void)
{
  run_in_application (TRUE, new_from_past);
}

int
main (int   argc,
      char *argv[])
{
  /* The times shown are Brussels time whatever TZ says. */
  cr_test_widgets_init (&argc, &argv);

  g_test_add_func ("/event-sidebar/filters", test_filters);
  g_test_add_func ("/event-sidebar/create", test_create);
  g_test_add_func ("/event-sidebar/rename", test_rename);
  g_test_add_func ("/event-sidebar/duplicate-and-archive", test_duplicate_and_archive);
  g_test_add_func ("/event-sidebar/new-from-past", test_new_from_past);

  return g_test_run ();
}
