/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <gtk/gtk.h>
#include <sqlite3.h>
#include <string.h>

#include "cr-application.h"
#include "cr-demo.h"
#include "cr-logbook-page.h"
#include "cr-test-widgets.h"
#include "cr-text-prompt.h"
#include "cr-time.h"
#include "cr-window.h"

/* The Logbook page and the shift handover, in the whole application on
 * the demo database (entries by two operators, one corrected): appending,
 * correcting (the original struck through, never changed), filtering,
 * verifying the hash chain — also after the file was changed behind the
 * application's back — and the handover. Runs in its own X server. */

#define ALICE "Alice Exemple"

typedef struct _Fixture Fixture;
struct _Fixture
{
  CrWindow *window;
  CrLogbookPage *page;
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
  f->store = cr_application_get_store (app);
  f->page = cr_test_show_page (f->window, CR_TYPE_LOGBOOK_PAGE, "logbook");
  f->body (f);
}

/* `crisis-room --database PATH --demo`, Alice on shift. */
static void
run_on (const char *path,
        void (*body) (Fixture *f))
{
  g_autoptr(GSettings) settings = cr_test_settings ();
  Fixture f = { .body = body };

  g_settings_set_string (settings, "operator-name", ALICE);
  cr_test_run_database (path, TRUE, activate_cb, &f);
}

static void
run_in_application (void (*body) (Fixture *f))
{
  g_autofree char *path = cr_test_tmp_path ("logbook-page.gpkg");

  run_on (path, body);
}

static CrLogEntry *
shown_entry (Fixture *f,
             guint    position)
{
  return g_list_model_get_item (cr_logbook_page_get_entries (f->page), position);
}

static guint
n_shown (Fixture *f)
{
  return g_list_model_get_n_items (cr_logbook_page_get_entries (f->page));
}

static CrLogEntry *
find_entry (Fixture    *f,
            const char *text)
{
  g_autoptr(GListModel) all = cr_store_list_log_entries (f->store, NULL, NULL);

  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    {
      g_autoptr(CrLogEntry) entry = g_list_model_get_item (all, i);

      if (strstr (cr_log_entry_get_text (entry), text) != NULL)
        return g_steal_pointer (&entry);
    }
  g_assert_not_reached ();
  return NULL;
}

/* ---- Appending, correcting ---- */

static void
appends (Fixture *f)
{
  g_autoptr(GListModel) open = cr_store_list_activations (f->store, FALSE, NULL);
  g_autoptr(CrActivation) activation = g_list_model_get_item (open, 0);
  g_autoptr(CrLogEntry) first = NULL;
  g_autoptr(CrLogEntry) stored = NULL;
  guint before = n_shown (f);

  /* Newest first, by default. */
  g_assert_cmpuint (before, >=, 5);
  first = shown_entry (f, 0);
  {
    g_autoptr(CrLogEntry) last = shown_entry (f, before - 1);

    g_assert_cmpint (cr_record_get_id (CR_RECORD (first)), >, cr_record_get_id (CR_RECORD (last)));
  }
  g_clear_object (&first);

  /* A blank text appends nothing. */
  cr_logbook_page_compose (f->page, CR_LOG_CATEGORY_DECISION, "   ");
  g_assert_false (cr_logbook_page_append (f->page));
  g_assert_cmpuint (n_shown (f), ==, before);

  cr_logbook_page_compose (f->page, CR_LOG_CATEGORY_DECISION, "Ring road closed at the Simonis exit.");
  g_assert_true (cr_logbook_page_append (f->page));
  g_assert_cmpuint (n_shown (f), ==, before + 1);
  first = shown_entry (f, 0);
  stored = cr_store_get (f->store, CR_TYPE_LOG_ENTRY, cr_record_get_id (CR_RECORD (first)), NULL);
  g_assert_cmpstr (cr_log_entry_get_text (stored), ==, "Ring road closed at the Simonis exit.");
  g_assert_cmpint (cr_log_entry_get_category (stored), ==, CR_LOG_CATEGORY_DECISION);
  /* The store's: the author on shift, the time recorded. */
  g_assert_cmpstr (cr_log_entry_get_author (stored), ==, ALICE);
  g_assert_nonnull (cr_log_entry_get_recorded_at (stored));
  /* Linked to the activation in progress, by default. */
  g_assert_cmpint (cr_log_entry_get_activation_id (stored), ==, cr_record_get_id (CR_RECORD (activation)));

  /* Oldest first on request. */
  cr_logbook_page_set_newest_first (f->page, FALSE);
  g_clear_object (&first);
  first = shown_entry (f, 0);
  g_assert_cmpint (cr_record_get_id (CR_RECORD (first)), ==, 1);
}

static gint64 watched_id;

static gboolean
row_made (gpointer data)
{
  Fixture *f = data;

  return cr_logbook_page_find_row (f->page, watched_id) != NULL;
}

static void
corrects (Fixture *f)
{
  g_autoptr(CrLogEntry) original = find_entry (f, "Crowd surge at gate C");
  gint64 original_id = cr_record_get_id (CR_RECORD (original));
  g_autofree char *original_text = g_strdup (cr_log_entry_get_text (original));
  g_autoptr(CrLogEntry) again = NULL;
  g_autoptr(CrLogEntry) correction = NULL;
  g_autoptr(CrLogEntry) newest = NULL;
  CrLogEntryRow *row;

  g_assert_cmpint (cr_store_find_log_correction (f->store, original_id, NULL), ==, 0);
  cr_logbook_page_start_correction (f->page, original_id);
  g_assert_cmpint (cr_logbook_page_get_correcting_id (f->page), ==, original_id);
  cr_logbook_page_compose (f->page, CR_LOG_CATEGORY_INCIDENT,
                           "Crowd surge at gate B, not C; D3 directs people to gate D.");
  g_assert_true (cr_logbook_page_append (f->page));
  g_assert_cmpint (cr_logbook_page_get_correcting_id (f->page), ==, 0);

  /* A new entry that points at the original, which never changed. */
  newest = shown_entry (f, 0);
  correction = cr_store_get (f->store, CR_TYPE_LOG_ENTRY, cr_record_get_id (CR_RECORD (newest)), NULL);
  g_assert_cmpint (cr_log_entry_get_corrects_id (correction), ==, original_id);
  g_assert_cmpstr (cr_log_entry_get_author (correction), ==, ALICE);
  g_assert_cmpint (cr_store_find_log_correction (f->store, original_id, NULL), ==,
                   cr_record_get_id (CR_RECORD (correction)));
  again = cr_store_get (f->store, CR_TYPE_LOG_ENTRY, original_id, NULL);
  g_assert_cmpstr (cr_log_entry_get_text (again), ==, original_text);
  g_assert_cmpstr (cr_log_entry_get_hash (again), ==, cr_log_entry_get_hash (original));

  /* On screen: the original struck through, with a link to its
   * correction; the correction says what it corrects. */
  watched_id = original_id;
  g_assert_true (cr_test_wait_until (row_made, f, 20));
  row = cr_logbook_page_find_row (f->page, original_id);
  g_assert_true (cr_log_entry_row_get_struck_through (row));
  g_assert_nonnull (strstr (cr_log_entry_row_get_note (row), "Corrected by entry"));
  watched_id = cr_record_get_id (CR_RECORD (correction));
  g_assert_true (cr_test_wait_until (row_made, f, 20));
  row = cr_logbook_page_find_row (f->page, watched_id);
  g_assert_false (cr_log_entry_row_get_struck_through (row));
  g_assert_nonnull (strstr (cr_log_entry_row_get_note (row), "Crowd surge at gate C"));
  /* The demo's correction too. */
  {
    g_autoptr(CrLogEntry) tunnel = find_entry (f, "from 09:00 to 13:00, at the request");

    watched_id = cr_record_get_id (CR_RECORD (tunnel));
    g_assert_true (cr_test_wait_until (row_made, f, 20));
    g_assert_true (cr_log_entry_row_get_struck_through (cr_logbook_page_find_row (f->page, watched_id)));
  }
}

/* ---- Filters ---- */

static void
filters (Fixture *f)
{
  guint all = n_shown (f);
  CrLogFilter filter = { 0 };
  g_autoptr(GListModel) expected = NULL;

  cr_logbook_page_set_categories (f->page, CR_LOG_CATEGORY_MASK (CR_LOG_CATEGORY_INCIDENT));
  filter.categories = CR_LOG_CATEGORY_MASK (CR_LOG_CATEGORY_INCIDENT);
  expected = cr_store_list_log_entries (f->store, &filter, NULL);
  g_assert_cmpuint (n_shown (f), ==, g_list_model_get_n_items (expected));
  g_assert_cmpuint (n_shown (f), >=, 2);
  for (guint i = 0; i < n_shown (f); i++)
    {
      g_autoptr(CrLogEntry) entry = shown_entry (f, i);

      g_assert_cmpint (cr_log_entry_get_category (entry), ==, CR_LOG_CATEGORY_INCIDENT);
    }

  /* Categories and author together. */
  cr_logbook_page_set_author (f->page, "Thomas Testeur");
  g_assert_cmpuint (n_shown (f), ==, 1);
  {
    g_autoptr(CrLogEntry) entry = shown_entry (f, 0);

    g_assert_cmpstr (cr_log_entry_get_author (entry), ==, "Thomas Testeur");
    g_assert_nonnull (strstr (cr_log_entry_get_text (entry), "Crowd surge"));
  }
  cr_logbook_page_set_categories (f->page, 0);
  g_assert_cmpuint (n_shown (f), >, 1);
  for (guint i = 0; i < n_shown (f); i++)
    {
      g_autoptr(CrLogEntry) entry = shown_entry (f, i);

      g_assert_cmpstr (cr_log_entry_get_author (entry), ==, "Thomas Testeur");
    }
  cr_logbook_page_set_author (f->page, NULL);
  g_assert_cmpuint (n_shown (f), ==, all);

  /* Words, without regard to case or accents. */
  cr_logbook_page_set_search_text (f->page, "leopold TUNNEL");
  g_assert_cmpuint (n_shown (f), ==, 2);
  for (guint i = 0; i < n_shown (f); i++)
    {
      g_autoptr(CrLogEntry) entry = shown_entry (f, i);

      g_assert_nonnull (strstr (cr_log_entry_get_text (entry), "Léopold II tunnel"));
    }
  cr_logbook_page_set_search_text (f->page, "nothing like this in the logbook");
  g_assert_cmpuint (n_shown (f), ==, 0);
  cr_logbook_page_set_search_text (f->page, NULL);
  g_assert_cmpuint (n_shown (f), ==, all);
}

/* ---- Integrity ---- */

static void
verify_intact (Fixture *f)
{
  g_assert_true (cr_logbook_page_verify (f->page));
  g_assert_nonnull (strstr (cr_logbook_page_get_verify_title (f->page), "intact"));
  g_assert_cmpint (cr_logbook_page_get_verify_bad_id (f->page), ==, 0);
}

static void
verify_tampered (Fixture *f)
{
  g_assert_false (cr_logbook_page_verify (f->page));
  g_assert_cmpint (cr_logbook_page_get_verify_bad_id (f->page), ==, 3);
  g_assert_nonnull (strstr (cr_logbook_page_get_verify_title (f->page), "#3"));
}

static void
raw_exec (const char *path,
          const char *sql)
{
  sqlite3 *db = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
  sqlite3_close (db);
}

static void
test_verify (void)
{
  g_autofree char *path = cr_test_tmp_path ("logbook-page.gpkg");
  g_autofree char *copy = cr_test_tmp_path ("edited.gpkg");
  g_autofree char *backup = NULL;

  run_on (path, verify_intact);

  /* Someone copies the file, drops the append-only trigger in the copy
   * with sqlite3 and rewrites an entry… */
  backup = g_strdup_printf ("VACUUM INTO '%s'", copy);
  raw_exec (path, backup);
  raw_exec (copy, "DROP TRIGGER logbook_no_update; "
                  "UPDATE logbook SET text = 'Rien à signaler' WHERE id = 3;");
  /* …and "Verify" names the entry. */
  run_on (copy, verify_tampered);
}

/* ---- Handover ---- */

static char *clipboard_text;

static void
clipboard_read_cb (GObject      *clipboard,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  clipboard_text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (clipboard), result, NULL);
  if (clipboard_text == NULL)
    clipboard_text = g_strdup ("");
}

static gboolean
clipboard_read (gpointer data)
{
  return clipboard_text != NULL;
}

static AdwMessageDialog *record_prompt;

static gboolean
record_prompt_shown (gpointer data)
{
  record_prompt = cr_text_prompt_find ("Record Handover?");
  return record_prompt != NULL;
}

static void
handover (Fixture *f)
{
  g_autoptr(GListModel) open = cr_store_list_activations (f->store, FALSE, NULL);
  g_autoptr(CrActivation) activation = g_list_model_get_item (open, 0);
  g_autoptr(GDateTime) now = cr_time_now_utc ();
  g_autoptr(GDateTime) from = g_date_time_add_hours (cr_activation_get_opened_at (activation), -1);
  g_autoptr(GSettings) settings = cr_test_settings ();
  g_autoptr(GListModel) log = NULL;
  g_autoptr(CrLogEntry) last = NULL;
  g_autofree char *shown = NULL;
  g_autofree char *operator_name = NULL;
  CrHandoverDialog *dialog = cr_logbook_page_open_handover (f->page);
  const char *markdown;

  gtk_window_present (GTK_WINDOW (dialog));
  /* By default since the last handover in the logbook: the demo's. */
  {
    g_autoptr(CrLogEntry) demo_handover = find_entry (f, "Shift handover to Thomas Testeur");

    g_assert_true (g_date_time_equal (cr_handover_dialog_get_from (dialog),
                                      cr_log_entry_get_occurred_at (demo_handover)));
  }

  cr_handover_dialog_set_period (dialog, from, now);
  markdown = cr_handover_dialog_get_markdown (dialog);
  g_assert_nonnull (markdown);
  /* The seeded decisions and incidents, the correction struck through. */
  g_assert_nonnull (strstr (markdown, "Drone seen over the Basilica car park"));
  g_assert_nonnull (strstr (markdown, "Crowd surge at gate C"));
  g_assert_nonnull (strstr (markdown, "~~"));
  g_assert_nonnull (strstr (markdown, "from 09:30, not 09:00"));
  g_assert_nonnull (strstr (markdown, cr_activation_get_name (activation)));
  /* What the dialog shows is that text, without the Markdown marks. */
  shown = cr_handover_dialog_get_shown_text (dialog);
  g_assert_nonnull (strstr (shown, "Crowd surge at gate C"));
  g_assert_nonnull (strstr (shown, "from 09:30, not 09:00"));
  g_assert_null (strstr (shown, "**"));

  /* Copy to Clipboard: the Markdown. */
  cr_handover_dialog_copy (dialog);
  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (GTK_WIDGET (dialog)), NULL, clipboard_read_cb, NULL);
  g_assert_true (cr_test_wait_until (clipboard_read, f, 20));
  g_assert_cmpstr (clipboard_text, ==, markdown);
  g_clear_pointer (&clipboard_text, g_free);

  /* Record: written by Alice, then Bruno is on shift. */
  cr_handover_dialog_record (dialog);
  g_assert_true (cr_test_wait_until (record_prompt_shown, f, 20));
  g_assert_false (cr_text_prompt_accept (record_prompt));
  cr_text_prompt_set_text (record_prompt, "Bruno Exemple");
  g_assert_true (cr_text_prompt_accept (record_prompt));
  log = cr_store_list_log_entries (f->store, NULL, NULL);
  last = g_list_model_get_item (log, g_list_model_get_n_items (log) - 1);
  g_assert_true (g_str_has_prefix (cr_log_entry_get_text (last), "Shift handover to Bruno Exemple."));
  g_assert_cmpstr (cr_log_entry_get_author (last), ==, ALICE);
  g_assert_cmpint (cr_log_entry_get_category (last), ==, CR_LOG_CATEGORY_INFORMATION);
  g_assert_cmpstr (cr_store_get_operator (f->store), ==, "Bruno Exemple");
  operator_name = g_settings_get_string (settings, "operator-name");
  g_assert_cmpstr (operator_name, ==, "Bruno Exemple");

  /* The next entry is Bruno's. */
  cr_logbook_page_compose (f->page, CR_LOG_CATEGORY_ACTION, "Called the CP-Ops to confirm the handover.");
  g_assert_true (cr_logbook_page_append (f->page));
  {
    g_autoptr(CrLogEntry) newest = shown_entry (f, 0);

    g_assert_cmpstr (cr_log_entry_get_author (newest), ==, "Bruno Exemple");
  }
}

/* Ctrl+Shift+L goes to the composer from any page. */
static void
compose_shortcut (Fixture *f)
{
  cr_window_show_page (f->window, "map");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.logbook-compose", NULL));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (f->page)));
  g_assert_true (GTK_IS_TEXT_VIEW (gtk_window_get_focus (GTK_WINDOW (f->window))));
  g_assert_true (gtk_widget_is_ancestor (gtk_window_get_focus (GTK_WINDOW (f->window)), GTK_WIDGET (f->page)));
}

static void
test_append (void)
{
  run_in_application (appends);
}

static void
test_correct (void)
{
  run_in_application (corrects);
}

static void
test_filters (void)
{
  run_in_application (filters);
}

static void
test_handover (void)
{
  run_in_application (handover);
}

static void
test_compose_shortcut (void)
{
  run_in_application (compose_shortcut);
}

int
main (int   argc,
      char *argv[])
{
  cr_test_widgets_init (&argc, &argv);

  g_test_add_func ("/logbook-page/append", test_append);
  g_test_add_func ("/logbook-page/correct", test_correct);
  g_test_add_func ("/logbook-page/filters", test_filters);
  g_test_add_func ("/logbook-page/verify", test_verify);
  g_test_add_func ("/logbook-page/handover", test_handover);
  g_test_add_func ("/logbook-page/compose-shortcut", test_compose_shortcut);

  return g_test_run ();
}
