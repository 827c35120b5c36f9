/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <cjson/cJSON.h>
#include <gtk/gtk.h>
#include <string.h>

#include "cr-application.h"
#include "cr-demo.h"
#include "cr-geojson.h"
#include "cr-import-actions.h"
#include "cr-test-widgets.h"
#include "cr-window.h"

/* GeoJSON in and out of the window, through the actions' API: the import
 * dialog's steps (options, progress, error, left out), Cancel, reference
 * layers, drops, and the exports of the event and of the selection. Runs
 * the whole application on the demo database in its own X server
 * (tests/xvfb-run-test), as tests/test-window.c does. */

typedef struct _Fixture Fixture;
struct _Fixture
{
  CrWindow *window;
  CrStore *store;
  void (*body) (Fixture *f);
};

static gboolean
import_done (gpointer data)
{
  return !cr_import_dialog_get_busy (data);
}

static gboolean
features_drawn (gpointer data)
{
  Fixture *f = data;

  return cr_feature_layer_get_n_drawn (cr_window_get_feature_layer (f->window)) > 0;
}

static void
activate_cb (CrApplication *app,
             GtkWindow     *window,
             gpointer       data)
{
  Fixture *f = data;

  f->window = CR_WINDOW (window);
  f->store = cr_application_get_store (app);
  g_assert_true (cr_test_wait_until (features_drawn, f, 60));
  f->body (f);
}

/* The application's whole life on the demo database. */
static void
run_in_application (void (*body) (Fixture *f))
{
  Fixture f = { .body = body };

  cr_test_run_window (TRUE, activate_cb, &f);
}

static gint64
event_id (Fixture *f)
{
  g_autoptr(CrEvent) event = cr_window_get_event (f->window);

  g_assert_nonnull (event);
  return cr_record_get_id (CR_RECORD (event));
}

static gint64
n_features (Fixture *f,
            gint64   id)
{
  return cr_store_count (f->store, CR_TYPE_FEATURE, "event_id", id, NULL);
}

static GFile *
fixture_file (const char *name)
{
  g_autofree char *geojson = g_build_filename ("geojson", name, NULL);
  g_autofree char *path = cr_test_fixture_path (geojson);

  return g_file_new_for_path (path);
}

/* Opens the dialog as the menu item (or a drop) does, and holds it. */
static CrImportDialog *
open_dialog (Fixture    *f,
             const char *fixture,
             gboolean    reference)
{
  g_autoptr(GFile) file = fixture_file (fixture);
  CrImportDialog *dialog = cr_import_actions_open (f->window, file, reference);

  g_assert_nonnull (dialog);
  g_assert_cmpstr (cr_import_dialog_get_page (dialog), ==, "options");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  return g_object_ref (dialog);
}

static void
run_import (CrImportDialog *dialog,
            gboolean        skip_invalid)
{
  cr_import_dialog_start (dialog, skip_invalid);
  g_assert_true (cr_import_dialog_get_busy (dialog));
  g_assert_cmpstr (cr_import_dialog_get_page (dialog), ==, "progress");
  g_assert_true (cr_test_wait_until (import_done, dialog, 60));
}

typedef struct
{
  Fixture *f;
  guint before;
} Drawn;

static gboolean
more_drawn (gpointer data)
{
  Drawn *d = data;

  return cr_feature_layer_get_n_drawn (cr_window_get_feature_layer (d->f->window)) > d->before;
}

/* Import into the event */

static void
import_into_event (Fixture *f)
{
  gint64 id = event_id (f);
  gint64 before = n_features (f, id);
  Drawn drawn = { f, cr_feature_layer_get_n_drawn (cr_window_get_feature_layer (f->window)) };
  g_autoptr(CrImportDialog) dialog = open_dialog (f, "all-types.geojson", FALSE);
  const CrGeojsonImportResult *result;

  run_import (dialog, FALSE);
  g_assert_cmpstr (cr_import_dialog_get_error_message (dialog), ==, NULL);
  result = cr_import_dialog_get_result (dialog);
  g_assert_nonnull (result);
  g_assert_cmpint (result->event_id, ==, id);
  g_assert_false (result->event_created);
  g_assert_cmpuint (result->n_features, ==, 10);
  g_assert_cmpuint (result->skipped->len, ==, 0);
  /* Done: the dialog is gone, the features are in the window's store
   * and the map (synced at once, fitted to the event) draws them. */
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  g_assert_cmpint (n_features (f, id), ==, before + 10);
  g_assert_true (cr_test_wait_until (more_drawn, &drawn, 60));
}

static void
test_import_into_event (void)
{
  run_in_application (import_into_event);
}

/* The options: property keys and the kind for features without one. */
static void
import_with_options (Fixture *f)
{
  gint64 id = event_id (f);
  gint64 before = n_features (f, id);
  g_autoptr(CrImportDialog) dialog = open_dialog (f, "override-keys.geojson", FALSE);
  g_autoptr(GListModel) features = NULL;
  g_autoptr(CrFeature) first = NULL;
  g_autoptr(CrFeature) second = NULL;
  guint n;

  cr_import_dialog_set_property_keys (dialog, "titre_fr", "categorie", "heure_debut", "heure_fin");
  cr_import_dialog_set_default_kind (dialog, "checkpoint");
  run_import (dialog, FALSE);
  g_assert_null (cr_import_dialog_get_error_message (dialog));
  g_assert_cmpint (n_features (f, id), ==, before + 2);

  features = cr_store_list_features (f->store, id, NULL);
  n = g_list_model_get_n_items (features);
  first = g_list_model_get_item (features, n - 2);
  second = g_list_model_get_item (features, n - 1);
  g_assert_cmpstr (cr_feature_get_name (first), ==, "Point presse Schuman");
  g_assert_cmpstr (cr_feature_get_kind (first), ==, "media_point");
  g_assert_nonnull (cr_feature_get_active_from (first));
  g_assert_cmpstr (cr_feature_get_name (second), ==, "Sans catégorie");
  g_assert_cmpstr (cr_feature_get_kind (second), ==, "checkpoint");
}

static void
test_import_with_options (void)
{
  run_in_application (import_with_options);
}

/* Errors */

/* The rows that list what was left out: not the dialog's settings. */
static gboolean
is_listed_row (GtkWidget    *widget,
               gconstpointer data)
{
  return ADW_IS_ACTION_ROW (widget) && !ADW_IS_COMBO_ROW (widget);
}

static void
malformed_then_valid_ones (Fixture *f)
{
  gint64 id = event_id (f);
  gint64 before = n_features (f, id);
  g_autoptr(CrImportDialog) dialog = open_dialog (f, "skip-invalid.geojson", FALSE);
  g_autoptr(GPtrArray) rows = NULL;
  const CrGeojsonImportResult *result;
  GtkStack *stack;
  const char *message;
  static const struct
  {
    const char *title;
    const char *reason; /* the name, or the place of a syntax error */
  } expected[] = {
    { "Feature 2", "“One”" },
    { "Feature 4", "“Three”" },
    { "Feature 5", "line 6, column 57" },
  };

  /* The first invalid feature stops the import: the error names it by
   * its number (counted from 1) and its name, and nothing is written. */
  run_import (dialog, FALSE);
  g_assert_cmpstr (cr_import_dialog_get_page (dialog), ==, "error");
  message = cr_import_dialog_get_error_message (dialog);
  g_assert_nonnull (message);
  g_assert_nonnull (strstr (message, "Feature 2"));
  g_assert_nonnull (strstr (message, "One"));
  g_assert_null (cr_import_dialog_get_result (dialog));
  g_assert_true (cr_import_dialog_get_can_skip (dialog));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  g_assert_cmpint (n_features (f, id), ==, before);

  /* "Import the Valid Ones": the rest goes in, and the dialog lists what
   * was left out, each with its number and why. */
  run_import (dialog, TRUE);
  g_assert_cmpstr (cr_import_dialog_get_page (dialog), ==, "skipped");
  result = cr_import_dialog_get_result (dialog);
  g_assert_nonnull (result);
  g_assert_cmpuint (result->n_features, ==, 3);
  g_assert_cmpuint (result->skipped->len, ==, 3);
  g_assert_cmpint (n_features (f, id), ==, before + 3);

  stack = GTK_STACK (cr_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_STACK));
  rows = cr_test_find_widgets_full (gtk_stack_get_child_by_name (stack, "skipped"), is_listed_row, NULL);
  g_assert_cmpuint (rows->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < rows->len; i++)
    {
      AdwActionRow *row = g_ptr_array_index (rows, i);
      const char *reason = adw_action_row_get_subtitle (row);

      g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, expected[i].title);
      g_assert_nonnull (reason);
      g_assert_nonnull (strstr (reason, expected[i].reason));
    }
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
test_malformed_then_valid_ones (void)
{
  run_in_application (malformed_then_valid_ones);
}

/* A file that is no GeoJSON: the error, and no "Import the Valid Ones". */
static void
not_geojson (Fixture *f)
{
  gint64 id = event_id (f);
  gint64 before = n_features (f, id);
  g_autoptr(CrImportDialog) dialog = open_dialog (f, "not-geojson.json", FALSE);

  run_import (dialog, FALSE);
  g_assert_cmpstr (cr_import_dialog_get_page (dialog), ==, "error");
  g_assert_nonnull (strstr (cr_import_dialog_get_error_message (dialog), "not-geojson.json"));
  g_assert_false (cr_import_dialog_get_can_skip (dialog));
  g_assert_cmpint (n_features (f, id), ==, before);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
test_not_geojson (void)
{
  run_in_application (not_geojson);
}

/* Progress and Cancel, on a generated file of many batches. */

static char *
write_large_file (guint n)
{
  g_autoptr(GString) text = g_string_new ("{\"type\": \"FeatureCollection\", \"features\": [\n");
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < n; i++)
    {
      char lon[G_ASCII_DTOSTR_BUF_SIZE];
      char lat[G_ASCII_DTOSTR_BUF_SIZE];

      g_ascii_dtostr (lon, sizeof lon, 4.30 + 0.1 * (i % 1000) / 1000.0);
      g_ascii_dtostr (lat, sizeof lat, 50.80 + 0.1 * (i / 1000) / (n / 1000 + 1));
      g_string_append_printf (text,
                              "%s{\"type\": \"Feature\", \"properties\": {\"name\": \"Post %u\", "
                              "\"notes\": \"Generated for the cancel test\"}, "
                              "\"geometry\": {\"type\": \"Point\", \"coordinates\": [%s, %s]}}\n",
                              i > 0 ? "," : "", i, lon, lat);
    }
  g_string_append (text, "]}\n");
  path = cr_test_tmp_path ("large.geojson");
  g_assert_true (g_file_set_contents (path, text->str, text->len, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&path);
}

typedef struct
{
  GCancellable *cancellable;
  gint calls;
} CancelHook;

/* In the worker thread, at the first report: the import is under way. */
static void
cancel_from_progress (double   fraction,
                      gpointer user_data)
{
  CancelHook *hook = user_data;

  if (fraction < 1.0 && g_atomic_int_add (&hook->calls, 1) == 0)
    g_cancellable_cancel (hook->cancellable);
}

static void
cancel_mid_way (Fixture *f)
{
  gint64 id = event_id (f);
  gint64 before = n_features (f, id);
  g_autofree char *path = write_large_file (20000);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(CrImportDialog) dialog = g_object_ref (cr_import_actions_open (f->window, file, FALSE));
  gint64 audit_before = cr_store_count (f->store, CR_TYPE_AUDIT_ENTRY, NULL, 0, NULL);
  CancelHook hook = { cr_import_dialog_get_cancellable (dialog), 0 };

  cr_import_dialog_set_worker_progress (dialog, cancel_from_progress, &hook);
  run_import (dialog, FALSE);
  g_assert_cmpint (g_atomic_int_get (&hook.calls), >=, 1);
  g_assert_true (g_cancellable_is_cancelled (hook.cancellable));
  /* Rolled back: not one feature, not one audit row; the dialog is gone. */
  g_assert_null (cr_import_dialog_get_result (dialog));
  g_assert_cmpint (n_features (f, id), ==, before);
  g_assert_cmpint (cr_store_count (f->store, CR_TYPE_AUDIT_ENTRY, NULL, 0, NULL), ==, audit_before);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (dialog)));
}

static void
test_cancel_mid_way (void)
{
  run_in_application (cancel_mid_way);
}

/* Holds the worker at its first report until the test lets it go. */
typedef struct
{
  GMutex lock;
  GCond cond;
  gboolean reached;
  gboolean released;
} Gate;

static void
gate_progress (double   fraction,
               gpointer user_data)
{
  Gate *gate = user_data;

  if (fraction >= 1.0)
    return;
  g_mutex_lock (&gate->lock);
  if (!gate->reached)
    {
      gate->reached = TRUE;
      g_cond_broadcast (&gate->cond);
      while (!gate->released)
        g_cond_wait (&gate->cond, &gate->lock);
    }
  g_mutex_unlock (&gate->lock);
}

static gboolean
gate_reached (gpointer data)
{
  Gate *gate = data;
  gboolean reached;

  g_mutex_lock (&gate->lock);
  reached = gate->reached;
  g_mutex_unlock (&gate->lock);
  return reached;
}

/* Closing the dialog (Escape, the window's close) while it imports
 * cancels: the dialog stays until the worker has rolled back. */
static void
close_cancels (Fixture *f)
{
  gint64 id = event_id (f);
  gint64 before = n_features (f, id);
  g_autofree char *path = write_large_file (5000);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(CrImportDialog) dialog = g_object_ref (cr_import_actions_open (f->window, file, FALSE));
  Gate gate = { 0 };

  g_mutex_init (&gate.lock);
  g_cond_init (&gate.cond);
  cr_import_dialog_set_worker_progress (dialog, gate_progress, &gate);
  cr_import_dialog_start (dialog, FALSE);
  g_assert_true (cr_test_wait_until (gate_reached, &gate, 60));

  gtk_window_close (GTK_WINDOW (dialog));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  g_assert_true (cr_import_dialog_get_busy (dialog));
  g_assert_true (g_cancellable_is_cancelled (cr_import_dialog_get_cancellable (dialog)));

  g_mutex_lock (&gate.lock);
  gate.released = TRUE;
  g_cond_broadcast (&gate.cond);
  g_mutex_unlock (&gate.lock);
  g_assert_true (cr_test_wait_until (import_done, dialog, 60));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  g_assert_null (cr_import_dialog_get_result (dialog));
  g_assert_cmpint (n_features (f, id), ==, before);
  g_mutex_clear (&gate.lock);
  g_cond_clear (&gate.cond);
}

static void
test_close_cancels (void)
{
  run_in_application (close_cancels);
}

static void
fraction_cb (CrImportDialog *dialog,
             GParamSpec     *pspec,
             guint          *n_partial)
{
  double fraction = cr_import_dialog_get_fraction (dialog);

  if (fraction > 0.0 && fraction < 1.0)
    (*n_partial)++;
}

/* The importer's reports reach the progress bar, in the main loop. */
static void
progress_shown (Fixture *f)
{
  gint64 id = event_id (f);
  gint64 before = n_features (f, id);
  g_autofree char *path = write_large_file (5000);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(CrImportDialog) dialog = g_object_ref (cr_import_actions_open (f->window, file, FALSE));
  guint n_partial = 0;

  g_signal_connect (dialog, "notify::fraction", G_CALLBACK (fraction_cb), &n_partial);
  run_import (dialog, FALSE);
  g_assert_cmpuint (n_partial, >, 0);
  g_assert_cmpfloat (cr_import_dialog_get_fraction (dialog), ==, 1.0);
  g_assert_cmpint (n_features (f, id), ==, before + 5000);
}

static void
test_progress_shown (void)
{
  run_in_application (progress_shown);
}

/* Reference layers */

static void
reference_layer (Fixture *f)
{
  gint64 id = event_id (f);
  gint64 before = n_features (f, id);
  g_autoptr(CrImportDialog) dialog = open_dialog (f, "all-types.geojson", TRUE);
  g_autofree char *default_name = cr_import_dialog_get_layer_name (dialog);
  g_autoptr(CrReferenceLayer) layer = NULL;
  const CrGeojsonImportResult *result;

  /* Named after the file; a blank name cannot be imported. */
  g_assert_cmpstr (default_name, ==, "all-types");
  cr_import_dialog_set_layer_name (dialog, "   ");
  cr_import_dialog_start (dialog, FALSE);
  g_assert_false (cr_import_dialog_get_busy (dialog));
  g_assert_cmpstr (cr_import_dialog_get_page (dialog), ==, "options");

  cr_import_dialog_set_layer_name (dialog, "Police zones");
  run_import (dialog, FALSE);
  result = cr_import_dialog_get_result (dialog);
  g_assert_nonnull (result);
  g_assert_true (result->layer_created);
  g_assert_cmpint (result->event_id, ==, 0);
  layer = cr_store_find_reference_layer (f->store, "police zones", NULL);
  g_assert_nonnull (layer);
  g_assert_cmpint (cr_record_get_id (CR_RECORD (layer)), ==, result->layer_id);
  g_assert_cmpint (cr_store_count (f->store, CR_TYPE_FEATURE, "layer_id", result->layer_id, NULL), ==, 10);
  /* The event is untouched. */
  g_assert_cmpint (n_features (f, id), ==, before);
}

static void
test_reference_layer (void)
{
  run_in_application (reference_layer);
}

/* Drops */

static void
drop_files (Fixture *f)
{
  g_autoptr(GFile) text = g_file_new_for_path ("/tmp/notes.txt");
  g_autoptr(GFile) geojson = fixture_file ("all-types.geojson");
  g_autoptr(GSList) only_text = g_slist_prepend (NULL, text);
  g_autoptr(GSList) both = g_slist_prepend (g_slist_prepend (NULL, geojson), text);
  CrImportDialog *dialog;

  g_assert_null (cr_import_actions_drop_files (f->window, only_text));
  dialog = cr_import_actions_drop_files (f->window, both);
  g_assert_nonnull (dialog);
  g_assert_false (cr_import_dialog_get_reference (dialog));
  g_assert_cmpstr (cr_import_dialog_get_page (dialog), ==, "options");
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
test_drop_files (void)
{
  run_in_application (drop_files);
}

/* Exports */

typedef struct
{
  gboolean done;
  gboolean ok;
  guint n_features;
  GError *error;
} Export;

static void
exported_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  Export *export = user_data;

  export->ok = cr_import_actions_export_finish (result, &export->n_features, &export->error);
  export->done = TRUE;
}

static gboolean
export_done (gpointer data)
{
  return ((Export *) data)->done;
}

static void
export_to (Fixture    *f,
           const char *path,
           gboolean    selection,
           guint       expected)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  Export export = { 0 };
  g_autofree char *text = NULL;
  g_autoptr(cJSON) json = NULL;

  cr_import_actions_export_geojson (f->window, file, selection, exported_cb, &export);
  g_assert_true (cr_test_wait_until (export_done, &export, 60));
  g_assert_no_error (export.error);
  g_assert_true (export.ok);
  g_assert_cmpuint (export.n_features, ==, expected);

  /* Valid GeoJSON: a FeatureCollection of that many features. */
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  json = cJSON_Parse (text);
  g_assert_nonnull (json);
  g_assert_cmpstr (cJSON_GetStringValue (cJSON_GetObjectItem (json, "type")), ==, "FeatureCollection");
  g_assert_cmpint (cJSON_GetArraySize (cJSON_GetObjectItem (json, "features")), ==, expected);
}

/* The features of an export, one a line, without the collection's name. */
static char **
feature_lines (CrStore *store,
               gint64   id)
{
  g_autofree char *text = cr_geojson_export_string (store, id, NULL);
  char **lines;
  guint n;

  g_assert_nonnull (text);
  lines = g_strsplit (text, "\n", -1);
  n = g_strv_length (lines);
  /* The header line names the event: drop it, and the closing lines. */
  g_free (lines[0]);
  memmove (lines, lines + 1, n * sizeof (char *));
  return lines;
}

static gint64
reimport (Fixture    *f,
          const char *path,
          const char *event_name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrGeojsonImportResult) result = cr_geojson_import_file (f->store, path, event_name, NULL, NULL,
                                                                    &error);

  g_assert_no_error (error);
  g_assert_true (result->event_created);
  return result->event_id;
}

static void
export_event_and_selection (Fixture *f)
{
  gint64 id = event_id (f);
  gint64 count = n_features (f, id);
  g_autofree char *event_path = cr_test_tmp_path ("event.geojson");
  g_autofree char *selection_path = cr_test_tmp_path ("selection.geojson");
  g_auto(GStrv) original = NULL;
  g_auto(GStrv) copy = NULL;
  g_auto(GStrv) selected_copy = NULL;
  g_autoptr(GListModel) features = NULL;
  g_autoptr(CrFeature) chosen = NULL;
  g_autofree char *without_comma = NULL;
  gint64 copy_id;
  guint position;

  /* The whole event re-imports to the same features. */
  export_to (f, event_path, FALSE, count);
  copy_id = reimport (f, event_path, "Re-imported event");
  original = feature_lines (f->store, id);
  copy = feature_lines (f->store, copy_id);
  g_assert_cmpstrv (copy, original);

  /* The selection: that feature only, the same once re-imported. */
  features = cr_store_list_features (f->store, id, NULL);
  position = g_list_model_get_n_items (features) / 2;
  chosen = g_list_model_get_item (features, position);
  cr_map_renderer_set_selected (cr_window_get_renderer (f->window), cr_record_get_id (CR_RECORD (chosen)));
  export_to (f, selection_path, TRUE, 1);
  selected_copy = feature_lines (f->store, reimport (f, selection_path, "Re-imported selection"));
  /* Lines but the last end with the comma between features. */
  without_comma = g_strdup (original[position]);
  if (g_str_has_suffix (without_comma, ","))
    without_comma[strlen (without_comma) - 1] = '\0';
  g_assert_cmpuint (g_strv_length (selected_copy), ==, 3); /* the feature, "]}", "" */
  g_assert_cmpstr (selected_copy[0], ==, without_comma);

  /* Nothing selected: the export says what to do, and writes nothing. */
  {
    g_autofree char *none_path = cr_test_tmp_path ("none.geojson");
    g_autoptr(GFile) file = g_file_new_for_path (none_path);
    Export export = { 0 };

    cr_map_renderer_set_selected (cr_window_get_renderer (f->window), 0);
    cr_import_actions_export_geojson (f->window, file, TRUE, exported_cb, &export);
    g_assert_true (cr_test_wait_until (export_done, &export, 60));
    g_assert_false (export.ok);
    g_assert_nonnull (export.error);
    g_clear_error (&export.error);
    g_assert_false (g_file_test (none_path, G_FILE_TEST_EXISTS));
  }
}

static void
test_export_event_and_selection (void)
{
  run_in_application (export_event_and_selection);
}

int
main (int   argc,
      char *argv[])
{
  cr_test_widgets_init (&argc, &argv);

  g_test_add_func ("/import-ui/import-into-event", test_import_into_event);
  g_test_add_func ("/import-ui/import-with-options", test_import_with_options);
  g_test_add_func ("/import-ui/malformed-then-valid-ones", test_malformed_then_valid_ones);
  g_test_add_func ("/import-ui/not-geojson", test_not_geojson);
  g_test_add_func ("/import-ui/cancel-mid-way", test_cancel_mid_way);
  g_test_add_func ("/import-ui/close-cancels", test_close_cancels);
  g_test_add_func ("/import-ui/progress-shown", test_progress_shown);
  g_test_add_func ("/import-ui/reference-layer", test_reference_layer);
  g_test_add_func ("/import-ui/drop-files", test_drop_files);
  g_test_add_func ("/import-ui/export-event-and-selection", test_export_event_and_selection);

  return g_test_run ();
}
