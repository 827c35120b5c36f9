/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <gtk/gtk.h>
#include <string.h>

#include "cr-activation-page.h"
#include "cr-application.h"
#include "cr-demo.h"
#include "cr-test-widgets.h"
#include "cr-text-prompt.h"
#include "cr-time.h"
#include "cr-window.h"

/* The Activation page as an operator uses it, in the whole application
 * on the demo database (an activation in progress, ticked across two
 * shifts): the operator's name asked at the first start, ticks and
 * un-ticks with the operator, reasons required, overdue items, closing,
 * opening from the dialog, the report. Runs in its own X server. */

#define ALICE "Alice Exemple"

typedef struct _Fixture Fixture;
struct _Fixture
{
  CrApplication *app;
  CrWindow *window;
  CrActivationPage *page;
  CrStore *store;
  void (*body) (Fixture *f);
};

static void
activate_cb (CrApplication *app,
             GtkWindow     *window,
             gpointer       data)
{
  Fixture *f = data;

  f->app = app;
  f->window = CR_WINDOW (window);
  f->store = cr_application_get_store (app);
  f->page = cr_test_show_page (f->window, CR_TYPE_ACTIVATION_PAGE, "activation");
  f->body (f);
}

/* `crisis-room --database FILE --demo`, with @operator_name remembered
 * from an earlier shift ("" for the first start). */
static void
run_in_application (const char *operator_name,
                    void (*body) (Fixture *f))
{
  g_autoptr(GSettings) settings = cr_test_settings ();
  Fixture f = { .body = body };

  g_settings_set_string (settings, "operator-name", operator_name);
  cr_test_run_window (TRUE, activate_cb, &f);
}

static CrActivation *
demo_activation (Fixture *f)
{
  g_autoptr(GListModel) open = cr_store_list_activations (f->store, FALSE, NULL);

  g_assert_nonnull (open);
  g_assert_cmpuint (g_list_model_get_n_items (open), ==, 1);
  return g_list_model_get_item (open, 0);
}

/* The first item of the activation in that state. */
static CrActivationItem *
item_in_state (Fixture     *f,
               gint64       activation_id,
               CrItemState  state)
{
  g_autoptr(GListModel) items = cr_store_list_activation_items (f->store, activation_id, 0, NULL);

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(CrActivationItem) item = g_list_model_get_item (items, i);

      if (cr_activation_item_get_state (item) == state)
        return g_steal_pointer (&item);
    }
  g_assert_not_reached ();
  return NULL;
}

static CrActivationItem *
stored_item (Fixture *f,
             gint64   id)
{
  g_autoptr(GError) error = NULL;
  CrActivationItem *item = cr_store_get (f->store, CR_TYPE_ACTIVATION_ITEM, id, &error);

  g_assert_no_error (error);
  return item;
}

static gboolean
prompt_shown (gpointer heading)
{
  return cr_text_prompt_find (heading) != NULL;
}

/* Waits for the prompt with that heading. */
static AdwMessageDialog *
wait_for_prompt (const char *heading)
{
  g_assert_true (cr_test_wait_until (prompt_shown, (gpointer) heading, 20));
  return cr_text_prompt_find (heading);
}

static gint64
last_tick_operator_is (Fixture    *f,
                       gint64      activation_id,
                       gint64      item_id,
                       CrItemState state,
                       const char *operator_name)
{
  g_autoptr(GListModel) ticks = cr_store_list_item_ticks (f->store, activation_id, NULL);
  g_autoptr(CrItemTick) last = g_list_model_get_item (ticks, g_list_model_get_n_items (ticks) - 1);

  g_assert_cmpint (cr_item_tick_get_item_id (last), ==, item_id);
  g_assert_cmpint (cr_item_tick_get_state (last), ==, state);
  g_assert_cmpstr (cr_item_tick_get_operator (last), ==, operator_name);
  return cr_record_get_id (CR_RECORD (last));
}

/* ---- The operator ---- */

static void
first_start_asks_operator (Fixture *f)
{
  g_autoptr(GSettings) settings = cr_test_settings ();
  g_autoptr(CrActivation) activation = demo_activation (f);
  gint64 activation_id = cr_record_get_id (CR_RECORD (activation));
  g_autoptr(CrActivationItem) item = item_in_state (f, activation_id, CR_ITEM_STATE_OPEN);
  g_autoptr(CrActivationItem) ticked = NULL;
  AdwMessageDialog *dialog = wait_for_prompt ("Who Is on Shift?");
  CrChecklistRow *row;

  /* No name, no shift. */
  g_assert_false (cr_text_prompt_can_accept (dialog));
  cr_text_prompt_set_text (dialog, "   ");
  g_assert_false (cr_text_prompt_accept (dialog));
  cr_text_prompt_set_text (dialog, "  " ALICE " ");
  g_assert_true (cr_text_prompt_accept (dialog));
  g_assert_cmpstr (cr_store_get_operator (f->store), ==, ALICE);
  {
    g_autofree char *remembered = g_settings_get_string (settings, "operator-name");

    g_assert_cmpstr (remembered, ==, ALICE);
  }

  /* Every tick carries it. */
  cr_activation_page_refresh (f->page);
  row = cr_activation_page_find_row (f->page, cr_record_get_id (CR_RECORD (item)));
  g_assert_nonnull (row);
  g_assert_true (gtk_widget_activate (GTK_WIDGET (cr_checklist_row_get_check_button (row))));
  ticked = stored_item (f, cr_record_get_id (CR_RECORD (item)));
  g_assert_cmpint (cr_activation_item_get_state (ticked), ==, CR_ITEM_STATE_DONE);
  g_assert_cmpstr (cr_activation_item_get_state_by (ticked), ==, ALICE);
}

/* ---- Ticking ---- */

static void
tick_and_untick (Fixture *f)
{
  g_autoptr(CrActivation) activation = demo_activation (f);
  gint64 activation_id = cr_record_get_id (CR_RECORD (activation));
  g_autoptr(CrActivationItem) item = item_in_state (f, activation_id, CR_ITEM_STATE_OPEN);
  gint64 item_id = cr_record_get_id (CR_RECORD (item));
  g_autoptr(CrActivationItem) after = NULL;
  g_autoptr(GListModel) log = NULL;
  g_autoptr(CrLogEntry) last_entry = NULL;
  CrChecklistRow *row;
  GtkCheckButton *check;
  AdwMessageDialog *dialog;
  guint n_log;

  g_assert_cmpstr (cr_store_get_operator (f->store), ==, ALICE);
  g_assert_cmpint (cr_activation_page_get_activation_id (f->page), ==, activation_id);
  g_assert_false (cr_activation_page_get_read_only (f->page));
  row = cr_activation_page_find_row (f->page, item_id);
  g_assert_nonnull (row);
  check = cr_checklist_row_get_check_button (row);
  g_assert_false (gtk_check_button_get_active (check));

  /* One click ticks it done, with the time and the operator. */
  g_assert_true (gtk_widget_activate (GTK_WIDGET (check)));
  after = stored_item (f, item_id);
  g_assert_cmpint (cr_activation_item_get_state (after), ==, CR_ITEM_STATE_DONE);
  g_assert_cmpstr (cr_activation_item_get_state_by (after), ==, ALICE);
  g_assert_nonnull (cr_activation_item_get_state_at (after));
  last_tick_operator_is (f, activation_id, item_id, CR_ITEM_STATE_DONE, ALICE);
  g_assert_true (gtk_check_button_get_active (check));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (row), "done"));
  g_clear_object (&after);

  /* Un-ticking asks a reason, and no reason changes nothing. */
  log = cr_store_list_log_entries (f->store, NULL, NULL);
  n_log = g_list_model_get_n_items (log);
  g_clear_object (&log);
  g_assert_true (gtk_widget_activate (GTK_WIDGET (check)));
  dialog = wait_for_prompt ("Un-tick Item?");
  g_assert_true (gtk_check_button_get_active (check));
  g_assert_false (cr_text_prompt_accept (dialog));
  after = stored_item (f, item_id);
  g_assert_cmpint (cr_activation_item_get_state (after), ==, CR_ITEM_STATE_DONE);
  g_clear_object (&after);
  cr_text_prompt_set_text (dialog, "Ticked by mistake: the SPOC did not answer");
  g_assert_true (cr_text_prompt_accept (dialog));

  after = stored_item (f, item_id);
  g_assert_cmpint (cr_activation_item_get_state (after), ==, CR_ITEM_STATE_OPEN);
  g_assert_cmpstr (cr_activation_item_get_state_note (after), ==, "Ticked by mistake: the SPOC did not answer");
  last_tick_operator_is (f, activation_id, item_id, CR_ITEM_STATE_OPEN, ALICE);
  g_assert_false (gtk_check_button_get_active (check));

  /* …and the logbook says so, in Alice's name. */
  log = cr_store_list_log_entries (f->store, NULL, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (log), ==, n_log + 1);
  last_entry = g_list_model_get_item (log, n_log);
  g_assert_cmpstr (cr_log_entry_get_author (last_entry), ==, ALICE);
  g_assert_nonnull (strstr (cr_log_entry_get_text (last_entry), "Ticked by mistake"));
}

static void
not_applicable_needs_reason (Fixture *f)
{
  g_autoptr(CrActivation) activation = demo_activation (f);
  gint64 activation_id = cr_record_get_id (CR_RECORD (activation));
  g_autoptr(CrActivationItem) item = item_in_state (f, activation_id, CR_ITEM_STATE_OPEN);
  gint64 item_id = cr_record_get_id (CR_RECORD (item));
  g_autoptr(CrActivationItem) after = NULL;
  CrChecklistRow *row = cr_activation_page_find_row (f->page, item_id);
  GtkButton *na;
  AdwMessageDialog *dialog;

  g_assert_nonnull (row);
  na = cr_checklist_row_get_not_applicable_button (row);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (na)));
  g_assert_true (gtk_widget_activate (GTK_WIDGET (na)));
  dialog = wait_for_prompt ("Not Applicable?");
  g_assert_false (cr_text_prompt_can_accept (dialog));
  g_assert_false (cr_text_prompt_accept (dialog));
  after = stored_item (f, item_id);
  g_assert_cmpint (cr_activation_item_get_state (after), ==, CR_ITEM_STATE_OPEN);
  g_clear_object (&after);

  cr_text_prompt_set_text (dialog, "No federal liaison officer for this exercise");
  g_assert_true (cr_text_prompt_accept (dialog));
  after = stored_item (f, item_id);
  g_assert_cmpint (cr_activation_item_get_state (after), ==, CR_ITEM_STATE_NOT_APPLICABLE);
  g_assert_cmpstr (cr_activation_item_get_state_note (after), ==, "No federal liaison officer for this exercise");
  g_assert_cmpstr (cr_activation_item_get_state_by (after), ==, ALICE);
  last_tick_operator_is (f, activation_id, item_id, CR_ITEM_STATE_NOT_APPLICABLE, ALICE);

  /* Shown as such: neither done nor open, and no second "N/A". */
  g_assert_true (gtk_check_button_get_inconsistent (cr_checklist_row_get_check_button (row)));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (row), "not-applicable"));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (na)));
}

/* ---- Overdue ---- */

static guint
check_overdue_rows (Fixture   *f,
                    gint64     activation_id,
                    GDateTime *now)
{
  g_autoptr(GListModel) items = cr_store_list_activation_items (f->store, activation_id, 0, NULL);
  g_autoptr(GListModel) overdue = cr_store_list_overdue_items (f->store, activation_id, now, NULL);
  guint n = 0;

  cr_activation_page_set_now (f->page, now);
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(CrActivationItem) item = g_list_model_get_item (items, i);
      CrChecklistRow *row = cr_activation_page_find_row (f->page, cr_record_get_id (CR_RECORD (item)));
      gboolean late = cr_activation_item_get_state (item) == CR_ITEM_STATE_OPEN &&
                      g_date_time_compare (cr_activation_item_get_due_at (item), now) < 0;

      g_assert_nonnull (row);
      g_assert_cmpint (cr_checklist_row_get_overdue (row), ==, late);
      g_assert_cmpint (gtk_widget_has_css_class (GTK_WIDGET (row), "overdue"), ==, late);
      n += late;
    }
  g_assert_cmpuint (n, ==, g_list_model_get_n_items (overdue));
  g_assert_cmpuint (cr_activation_page_get_n_overdue (f->page), ==, n);
  return n;
}

static void
overdue_items_stand_out (Fixture *f)
{
  g_autoptr(CrActivation) activation = demo_activation (f);
  gint64 activation_id = cr_record_get_id (CR_RECORD (activation));
  GDateTime *opened = cr_activation_get_opened_at (activation);
  g_autoptr(GDateTime) at_start = g_date_time_add_minutes (opened, 1);
  g_autoptr(GDateTime) later = g_date_time_add_hours (opened, 5);
  g_autoptr(GListModel) items = cr_store_list_activation_items (f->store, activation_id, 0, NULL);
  guint n_start, n_later;

  /* At T+1 min only the open items due at T are late; five hours on,
   * every open item is. */
  n_start = check_overdue_rows (f, activation_id, at_start);
  n_later = check_overdue_rows (f, activation_id, later);
  g_assert_cmpuint (n_later, >, n_start);

  /* The filter shows the overdue items alone. */
  cr_activation_page_set_overdue_only (f->page, TRUE);
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(CrActivationItem) item = g_list_model_get_item (items, i);
      CrChecklistRow *row = cr_activation_page_find_row (f->page, cr_record_get_id (CR_RECORD (item)));

      g_assert_cmpint (gtk_widget_get_visible (GTK_WIDGET (row)), ==, cr_checklist_row_get_overdue (row));
    }
  cr_activation_page_set_overdue_only (f->page, FALSE);
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(CrActivationItem) item = g_list_model_get_item (items, i);

      g_assert_true (gtk_widget_get_visible (GTK_WIDGET (cr_activation_page_find_row (f->page,
                                                                                    cr_record_get_id (CR_RECORD (item))))));
    }
}

/* ---- Closing, opening ---- */

static void
closing_makes_read_only (Fixture *f)
{
  g_autoptr(CrActivation) activation = demo_activation (f);
  gint64 activation_id = cr_record_get_id (CR_RECORD (activation));
  g_autoptr(CrActivationItem) item = item_in_state (f, activation_id, CR_ITEM_STATE_OPEN);
  g_autoptr(CrActivationItem) done = item_in_state (f, activation_id, CR_ITEM_STATE_DONE);
  g_autoptr(CrActivation) closed = NULL;
  g_autoptr(CrActivationItem) after = NULL;
  AdwMessageDialog *dialog;
  CrChecklistRow *row;

  dialog = cr_activation_page_ask_close (f->page);
  g_assert_nonnull (dialog);
  /* A closing note is required. */
  g_assert_false (cr_text_prompt_accept (dialog));
  cr_text_prompt_set_text (dialog, "Motorcade arrived; partners stood down.");
  g_assert_true (cr_text_prompt_accept (dialog));

  closed = cr_store_get (f->store, CR_TYPE_ACTIVATION, activation_id, NULL);
  g_assert_true (cr_activation_is_closed (closed));
  g_assert_cmpstr (cr_activation_get_closed_by (closed), ==, ALICE);
  g_assert_cmpstr (cr_activation_get_closing_note (closed), ==, "Motorcade arrived; partners stood down.");

  /* Still shown, read-only: nothing in it edits any more. */
  g_assert_cmpint (cr_activation_page_get_activation_id (f->page), ==, activation_id);
  g_assert_true (cr_activation_page_get_read_only (f->page));
  g_assert_null (cr_activation_page_ask_close (f->page));
  row = cr_activation_page_find_row (f->page, cr_record_get_id (CR_RECORD (item)));
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (cr_checklist_row_get_check_button (row))));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (cr_checklist_row_get_not_applicable_button (row))));
  /* Even a click that reaches the check changes nothing. */
  gtk_widget_activate (GTK_WIDGET (cr_checklist_row_get_check_button (row)));
  g_assert_false (gtk_check_button_get_active (cr_checklist_row_get_check_button (row)));
  row = cr_activation_page_find_row (f->page, cr_record_get_id (CR_RECORD (done)));
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (cr_checklist_row_get_check_button (row))));
  gtk_widget_activate (GTK_WIDGET (cr_checklist_row_get_check_button (row)));
  g_assert_true (gtk_check_button_get_active (cr_checklist_row_get_check_button (row)));
  cr_test_spin (100);
  g_assert_null (cr_text_prompt_find (NULL));
  after = stored_item (f, cr_record_get_id (CR_RECORD (item)));
  g_assert_cmpint (cr_activation_item_get_state (after), ==, CR_ITEM_STATE_OPEN);
  gtk_widget_activate_action (GTK_WIDGET (f->page), "activation.close", NULL);
  g_assert_null (cr_text_prompt_find ("Close Activation?"));
}

static void
open_from_dialog (Fixture *f)
{
  g_autoptr(CrActivation) old = demo_activation (f);
  g_autoptr(CrEvent) event = cr_window_get_event (f->window);
  g_autoptr(GListModel) items = NULL;
  g_autoptr(CrActivation) opened = NULL;
  CrActivationDialog *dialog;
  guint cells = CR_CELL_MASK (CR_CELL_SITUATION) | CR_CELL_MASK (CR_CELL_LEGAL);
  guint n_expected = 0;
  gint64 id;

  g_assert_true (cr_store_close_activation (f->store, cr_record_get_id (CR_RECORD (old)), "End of the exercise",
                                            NULL, NULL));
  cr_activation_page_set_event (f->page, event);

  dialog = cr_activation_page_open_dialog (f->page);
  gtk_window_present (GTK_WINDOW (dialog));
  /* Without a name the store refuses, and the dialog stays. */
  cr_activation_dialog_set_cells (dialog, cells);
  g_assert_cmpint (cr_activation_dialog_save (dialog), ==, 0);

  {
    g_autoptr(GListModel) templates = cr_store_list_checklist_templates (f->store, cr_event_get_kind (event), NULL);

    for (guint i = 0; i < g_list_model_get_n_items (templates); i++)
      {
        g_autoptr(CrRecord) template = g_list_model_get_item (templates, i);
        g_autoptr(GListModel) template_items = cr_store_list_template_items (f->store, cr_record_get_id (template),
                                                                             cells, NULL);

        n_expected += g_list_model_get_n_items (template_items);
      }
  }
  g_assert_cmpuint (n_expected, >, 0);
  g_assert_cmpuint (cr_activation_dialog_get_n_items (dialog), ==, n_expected);

  cr_activation_dialog_set_name (dialog, "KOEKELBERG – second exercise");
  cr_activation_dialog_set_level (dialog, CR_ACTIVATION_LEVEL_PARTIAL);
  id = cr_activation_dialog_save (dialog);
  g_assert_cmpint (id, >, 0);

  /* The page shows it, with every item of the chosen cells, open. */
  g_assert_cmpint (cr_activation_page_get_activation_id (f->page), ==, id);
  opened = cr_store_get (f->store, CR_TYPE_ACTIVATION, id, NULL);
  g_assert_cmpint (cr_activation_get_event_id (opened), ==, cr_record_get_id (CR_RECORD (event)));
  g_assert_cmpint (cr_activation_get_level (opened), ==, CR_ACTIVATION_LEVEL_PARTIAL);
  g_assert_cmpuint (cr_activation_get_cell_mask (opened), ==, cells);
  g_assert_cmpstr (cr_activation_get_opened_by (opened), ==, ALICE);
  items = cr_store_list_activation_items (f->store, id, 0, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, n_expected);
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(CrActivationItem) item = g_list_model_get_item (items, i);

      g_assert_cmpint (cr_activation_item_get_state (item), ==, CR_ITEM_STATE_OPEN);
      g_assert_true (cells & CR_CELL_MASK (cr_activation_item_get_cell (item)));
      g_assert_nonnull (cr_activation_page_find_row (f->page, cr_record_get_id (CR_RECORD (item))));
    }
  g_assert_false (cr_activation_page_get_read_only (f->page));
}

/* ---- Changes from elsewhere, the report ---- */

static gint64 watched_item;

static gboolean
row_shows_done (gpointer data)
{
  Fixture *f = data;
  CrChecklistRow *row = cr_activation_page_find_row (f->page, watched_item);

  return row != NULL && gtk_check_button_get_active (cr_checklist_row_get_check_button (row));
}

static void
follows_other_process (Fixture *f)
{
  g_autoptr(CrActivation) activation = demo_activation (f);
  g_autoptr(CrActivationItem) item = item_in_state (f, cr_record_get_id (CR_RECORD (activation)), CR_ITEM_STATE_OPEN);
  g_autoptr(GError) error = NULL;
  g_autoptr(CrStore) other = cr_store_open (cr_store_get_path (f->store), &error);

  /* Another workstation on the same file ticks an item… */
  g_assert_no_error (error);
  cr_store_set_operator (other, "Thomas Testeur");
  watched_item = cr_record_get_id (CR_RECORD (item));
  g_assert_false (row_shows_done (f));
  g_assert_true (cr_store_set_item_state (other, watched_item, CR_ITEM_STATE_DONE, NULL, NULL, &error));
  g_assert_no_error (error);
  /* …and this page shows it without being asked. */
  g_assert_true (cr_test_wait_until (row_shows_done, f, 20));
}

static char *report_path;

static gboolean
report_written (gpointer data)
{
  return g_file_test (report_path, G_FILE_TEST_EXISTS);
}

static void
exports_report (Fixture *f)
{
  g_autoptr(CrActivation) activation = demo_activation (f);
  g_autofree char *contents = NULL;

  report_path = cr_test_tmp_path ("report.csv");
  cr_activation_page_export_report (f->page, report_path);
  g_assert_true (cr_test_wait_until (report_written, NULL, 20));
  cr_test_spin (200);
  g_assert_true (g_file_get_contents (report_path, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "Crowd surge at gate C"));
  g_clear_pointer (&report_path, g_free);
}

static void
test_first_start (void)
{
  run_in_application ("", first_start_asks_operator);
}

static void
test_tick_untick (void)
{
  run_in_application (ALICE, tick_and_untick);
}

static void
test_not_applicable (void)
{
  run_in_application (ALICE, not_applicable_needs_reason);
}

static void
test_overdue (void)
{
  run_in_application (ALICE, overdue_items_stand_out);
}

static void
test_close (void)
{
  run_in_application (ALICE, closing_makes_read_only);
}

static void
test_open (void)
{
  run_in_application (ALICE, open_from_dialog);
}

static void
test_other_process (void)
{
  run_in_application (ALICE, follows_other_process);
}

static void
test_report (void)
{
  run_in_application (ALICE, exports_report);
}

int
main (int   argc,
      char *argv[])
{
  cr_test_widgets_init (&argc, &argv);

  g_test_add_func ("/activation-page/first-start-operator", test_first_start);
  g_test_add_func ("/activation-page/tick-untick", test_tick_untick);
  g_test_add_func ("/activation-page/not-applicable", test_not_applicable);
  g_test_add_func ("/activation-page/overdue", test_overdue);
  g_test_add_func ("/activation-page/close", test_close);
  g_test_add_func ("/activation-page/open", test_open);
  g_test_add_func ("/activation-page/other-process", test_other_process);
  g_test_add_func ("/activation-page/report", test_report);

  return g_test_run ();
}
