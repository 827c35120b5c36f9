/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <gtk/gtk.h>

#include "cr-application.h"
#include "cr-demo.h"
#include "cr-test-utils.h"
#include "cr-window.h"

/* The window as a user first sees it: opened on the demo database, the
 * demo event listed and selected, its features drawn on the map. Runs in
 * its own X server (tests/xvfb-run-test). */

typedef struct
{
  CrApplication *app;
  CrWindow *window;
  void (*body) (gpointer f, gconstpointer data);
  gconstpointer data;
} Fixture;

static gboolean
wait_for (gboolean (*done) (Fixture *), Fixture *f)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (!done (f))
    {
      if (g_get_monotonic_time () > deadline)
        return FALSE;
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  return TRUE;
}

static gboolean
features_drawn (Fixture *f)
{
  return cr_feature_layer_get_n_drawn (cr_window_get_feature_layer (f->window)) > 0;
}

/* Runs after the application's own activate, which opened the window. */
static void
activate_cb (GApplication *app,
             Fixture      *f)
{
  f->window = CR_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  g_assert_nonnull (f->window);
  f->body (f, f->data);
  /* The last window closing ends g_application_run(). */
  gtk_window_destroy (GTK_WINDOW (f->window));
}

/* The application's whole life, as `crisis-room --database FILE [--demo]`
 * runs it: g_application_run() with its start-up and shut-down. */
static void
run_in_application (gconstpointer data,
                    void (*body) (Fixture *f, gconstpointer data))
{
  g_autofree char *path = cr_test_tmp_path ("window.gpkg");
  char *argv[] = { (char *) "crisis-room", NULL };
  CrOptions options = { 0 };
  Fixture f = { 0 };

  options.database = path;
  options.demo = GPOINTER_TO_INT (data);
  f.app = cr_application_new (&options);
  f.body = (void (*) (gpointer, gconstpointer)) body;
  f.data = data;
  g_signal_connect_after (f.app, "activate", G_CALLBACK (activate_cb), &f);
  g_assert_cmpint (g_application_run (G_APPLICATION (f.app), 1, argv), ==, 0);
  g_object_add_weak_pointer (G_OBJECT (f.app), (gpointer *) &f.app);
  g_object_unref (f.app);
  g_assert_null (f.app);
}

static void
demo_event_shown (Fixture      *f,
                  gconstpointer data)
{
  g_autoptr(CrEvent) event = NULL;
  CrStore *store = cr_application_get_store (f->app);
  gint64 n_features;

  g_assert_cmpuint (g_list_model_get_n_items (cr_window_get_events (f->window)), ==, 1);
  event = cr_window_get_event (f->window);
  g_assert_nonnull (event);
  g_assert_cmpstr (cr_event_get_name (event), ==, CR_DEMO_EVENT_NAME);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (f->window)), !=, NULL);

  /* The map is fitted to the event, so every feature is on screen. */
  g_assert_true (wait_for (features_drawn, f));
  n_features = cr_store_count (store, CR_TYPE_FEATURE, "event_id",
                               cr_record_get_id (CR_RECORD (event)), NULL);
  g_assert_cmpint (n_features, >, 10);
  g_assert_cmpint (cr_feature_layer_get_n_drawn (cr_window_get_feature_layer (f->window)), ==,
                   n_features);
}

static void
empty_database (Fixture      *f,
                gconstpointer data)
{
  g_assert_cmpuint (g_list_model_get_n_items (cr_window_get_events (f->window)), ==, 0);
  g_assert_null (cr_window_get_event (f->window));
  g_assert_false (cr_window_select_event (f->window, "Anything"));
}

static void
event_appears_when_added (Fixture      *f,
                          gconstpointer data)
{
  CrStore *store = cr_application_get_store (f->app);
  g_autoptr(CrEvent) event = cr_event_new ();
  g_autoptr(CrEvent) shown = NULL;
  g_autoptr(GError) error = NULL;

  cr_event_set_name (event, "New Year's Eve 2025");
  cr_event_set_kind (event, CR_EVENT_KIND_NEW_YEAR);
  g_assert_true (cr_store_insert (store, CR_RECORD (event), &error));
  g_assert_no_error (error);

  /* The store's change signal refreshes the list without a restart. */
  g_assert_cmpuint (g_list_model_get_n_items (cr_window_get_events (f->window)), ==, 1);
  g_assert_true (cr_window_select_event (f->window, "new year's eve 2025"));
  shown = cr_window_get_event (f->window);
  g_assert_cmpint (cr_record_get_id (CR_RECORD (shown)), ==, cr_record_get_id (CR_RECORD (event)));
}

static void
test_demo_event_shown (void)
{
  run_in_application (GINT_TO_POINTER (TRUE), demo_event_shown);
}

static void
test_empty_database (void)
{
  run_in_application (GINT_TO_POINTER (FALSE), empty_database);
}

static void
test_event_appears_when_added (void)
{
  run_in_application (GINT_TO_POINTER (FALSE), event_appears_when_added);
}

int
main (int   argc,
      char *argv[])
{
  /* No G_TEST_OPTION_ISOLATE_DIRS: it hides the system's XDG_DATA_DIRS,
   * where GTK finds the MIME database it needs to load SVG icons. The
   * window uses only the database file the test names. */
  g_test_init (&argc, &argv, NULL);
  gtk_init ();

  g_test_add_func ("/window/demo-event-shown", test_demo_event_shown);
  g_test_add_func ("/window/empty-database", test_empty_database);
  g_test_add_func ("/window/event-appears", test_event_appears_when_added);

  return g_test_run ();
}
