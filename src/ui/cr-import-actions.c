/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cr-import"

#include "config.h"

#include <glib/gi18n.h>

#include "cr-application.h"
#include "cr-geojson.h"
#include "cr-import-actions.h"
#include "cr-ops-utils.h"

/* GeoJSON in and out of the window. Imports go through CrImportDialog
 * (options, progress and Cancel, errors); exports of the event or of the
 * selected feature run in a worker thread on a store of their own and
 * replace the file in one step, then a toast offers the folder. */

static CrStore *
window_store (CrWindow *window)
{
  return cr_application_get_store (CR_APPLICATION (gtk_window_get_application (GTK_WINDOW (window))));
}

static void
show_message (CrWindow   *window,
              const char *message)
{
  g_autofree char *escaped = g_markup_escape_text (message, -1);

  cr_window_add_toast (window, adw_toast_new (escaped));
}

/* A file name from a feature's or an event's: no slash, no leading dot. */
static char *
file_name_for (const char *name)
{
  return cr_ops_file_name_or (name, _("Features"), ".geojson");
}

/* What a chooser was opened for: an import (as a reference layer or
 * not) or an export (of the selection or the event). */
typedef struct
{
  CrWindow *window;
  gboolean export;
  gboolean option;
} Choice;

static Choice *
choice_new (CrWindow *window,
            gboolean  export,
            gboolean  option)
{
  Choice *choice = g_new (Choice, 1);

  choice->window = g_object_ref (window);
  choice->export = export;
  choice->option = option;
  return choice;
}

static void
choice_free (Choice *choice)
{
  g_object_unref (choice->window);
  g_free (choice);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Choice, choice_free)

static void
file_chosen_cb (GFile    *file,
                gpointer  user_data)
{
  g_autoptr(Choice) choice = user_data;

  if (file == NULL)
    return;
  if (choice->export)
    cr_import_actions_export_geojson (choice->window, file, choice->option, NULL, NULL);
  else
    cr_import_actions_open (choice->window, file, choice->option);
}

static GtkFileFilter *
geojson_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("GeoJSON files"));
  gtk_file_filter_add_mime_type (filter, "application/geo+json");
  gtk_file_filter_add_suffix (filter, "geojson");
  gtk_file_filter_add_suffix (filter, "json");
  return filter;
}

static gboolean
is_geojson_name (GFile *file)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *folded = name != NULL ? g_utf8_strdown (name, -1) : NULL;

  return folded != NULL && (g_str_has_suffix (folded, ".geojson") || g_str_has_suffix (folded, ".json"));
}

/* Import */

static void
import_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  CrWindow *window = CR_WINDOW (widget);
  gboolean reference = g_str_equal (action_name, "win.import-reference-layer");
  g_autoptr(GtkFileFilter) filter = geojson_filter ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();
  GtkFileChooserNative *chooser;

  if (!reference)
    {
      g_autoptr(CrEvent) event = cr_window_get_event (window);

      if (event == NULL)
        return;
    }
  chooser = cr_ops_file_chooser_new (widget, GTK_FILE_CHOOSER_ACTION_OPEN,
                                     reference ? _("Import Reference Layer") : _("Import GeoJSON"), filter, NULL);
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);
  gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (chooser), filter);
  cr_ops_file_chooser_run (chooser, file_chosen_cb, choice_new (window, FALSE, reference));
}

static gboolean
drop_cb (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         CrWindow      *window)
{
  g_autoptr(GSList) files = NULL;

  if (G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    files = gdk_file_list_get_files (g_value_get_boxed (value));
  else if (G_VALUE_HOLDS (value, G_TYPE_FILE) && g_value_get_object (value) != NULL)
    files = g_slist_prepend (NULL, g_value_get_object (value));
  return cr_import_actions_drop_files (window, files) != NULL;
}

/* Export */

typedef struct
{
  char *database;
  char *path;
  gint64 event_id;
  gint64 feature_id; /* the selection, or 0 for the whole event */
  guint n_features;
} ExportJob;

static void
export_job_free (gpointer data)
{
  ExportJob *job = data;

  g_free (job->database);
  g_free (job->path);
  g_free (job);
}

/* What the caller gave, for the main thread only. */
typedef struct
{
  CrWindow *window;
  GAsyncReadyCallback callback;
  gpointer user_data;
} ExportCall;

static void
export_call_free (ExportCall *call)
{
  g_object_unref (call->window);
  g_free (call);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ExportCall, export_call_free)

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportJob *job = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(CrStore) store = NULL;
  gboolean ok = FALSE;

  /* A worker's store: unwatched, so the main loop never calls into it. */
  store = cr_store_open_unwatched (job->database, &error);
  if (store != NULL && job->feature_id > 0)
    {
      ok = cr_geojson_export_features (store, &job->feature_id, 1, job->path, &error);
      job->n_features = 1;
    }
  else if (store != NULL)
    {
      gint64 n = cr_store_count (store, CR_TYPE_FEATURE, "event_id", job->event_id, NULL);

      ok = cr_geojson_export_file (store, job->event_id, job->path, &error);
      job->n_features = (guint) MAX (n, 0);
    }
  g_clear_object (&store);

  if (ok)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

static void
export_done_cb (GObject      *source,
                GAsyncResult *res,
                gpointer      user_data)
{
  g_autoptr(ExportCall) call = user_data;
  ExportJob *job = g_task_get_task_data (G_TASK (res));
  g_autoptr(GError) error = NULL;
  g_autoptr(GTask) outer = NULL;

  if (g_task_propagate_boolean (G_TASK (res), &error))
    {
      g_autoptr(GFile) file = g_file_new_for_path (job->path);
      g_autoptr(GFile) folder = g_file_get_parent (file);
      g_autofree char *display = g_filename_display_basename (job->path);
      g_autofree char *text = g_strdup_printf (ngettext ("Exported %u feature to “%s”",
                                                         "Exported %u features to “%s”", job->n_features),
                                               job->n_features, display);
      g_autofree char *escaped = g_markup_escape_text (text, -1);

      cr_window_add_toast (call->window,
                           folder != NULL ? cr_ops_open_toast_new (GTK_WIDGET (call->window), escaped,
                                                                   _("Open _Folder"), folder)
                                          : adw_toast_new (escaped));
    }
  else
    cr_ops_show_error (GTK_WIDGET (call->window), error->message);

  if (call->callback == NULL)
    return;
  outer = g_task_new (NULL, NULL, call->callback, call->user_data);
  g_task_set_source_tag (outer, cr_import_actions_export_geojson);
  g_task_set_task_data (outer, GUINT_TO_POINTER (job->n_features), NULL);
  if (error != NULL)
    g_task_return_error (outer, g_steal_pointer (&error));
  else
    g_task_return_boolean (outer, TRUE);
}

static void
export_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  CrWindow *window = CR_WINDOW (widget);
  gboolean selection = g_str_equal (action_name, "win.export-selection-geojson");
  g_autoptr(CrEvent) event = cr_window_get_event (window);
  g_autoptr(GtkFileFilter) filter = geojson_filter ();
  g_autofree char *name = NULL;

  if (event == NULL)
    return;
  if (selection)
    {
      gint64 id = cr_map_renderer_get_selected (cr_window_get_renderer (window));
      g_autoptr(CrFeature) feature = id > 0 ? cr_store_get (window_store (window), CR_TYPE_FEATURE, id, NULL)
                                            : NULL;

      if (feature == NULL)
        return;
      name = file_name_for (cr_feature_get_name (feature) != NULL ? cr_feature_get_name (feature)
                                                                  : cr_event_get_name (event));
    }
  else
    name = file_name_for (cr_event_get_name (event));

  cr_ops_file_chooser_run (cr_ops_file_chooser_new (widget, GTK_FILE_CHOOSER_ACTION_SAVE,
                                                    selection ? _("Export Selection as GeoJSON")
                                                              : _("Export GeoJSON"),
                                                    filter, name),
                           file_chosen_cb, choice_new (window, TRUE, selection));
}

/* Imports need an event (a reference layer does not); exporting the
 * selection needs one. */
static void
update_actions (CrWindow *window)
{
  g_autoptr(CrEvent) event = cr_window_get_event (window);
  gboolean selected = cr_map_renderer_get_selected (cr_window_get_renderer (window)) > 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (window), "win.import-geojson", event != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (window), "win.export-geojson", event != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (window), "win.export-selection-geojson",
                                 event != NULL && selected);
}

void
cr_import_actions_install (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.import-geojson", NULL, import_activated);
  gtk_widget_class_install_action (widget_class, "win.import-reference-layer", NULL, import_activated);
  gtk_widget_class_install_action (widget_class, "win.export-geojson", NULL, export_activated);
  gtk_widget_class_install_action (widget_class, "win.export-selection-geojson", NULL, export_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_i, GDK_CONTROL_MASK, "win.import-geojson",
                                       NULL);
}

/* After the window's map, sidebar and renderer exist: a GeoJSON file
 * dropped on the map is imported into the event it shows. */
void
cr_import_actions_attach (CrWindow *window)
{
  GtkDropTarget *target;
  GType types[] = { GDK_TYPE_FILE_LIST, G_TYPE_FILE };

  g_return_if_fail (CR_IS_WINDOW (window));

  target = gtk_drop_target_new (G_TYPE_INVALID, GDK_ACTION_COPY);
  gtk_drop_target_set_gtypes (target, types, G_N_ELEMENTS (types));
  g_signal_connect_object (target, "drop", G_CALLBACK (drop_cb), window, 0);
  gtk_widget_add_controller (GTK_WIDGET (cr_window_get_map (window)), GTK_EVENT_CONTROLLER (target));

  g_signal_connect_object (cr_window_get_event_sidebar (window), "notify::selected-event",
                           G_CALLBACK (update_actions), window, G_CONNECT_SWAPPED);
  g_signal_connect_object (cr_window_get_renderer (window), "notify::selected", G_CALLBACK (update_actions),
                           window, G_CONNECT_SWAPPED);
  update_actions (window);
}

/**
 * cr_import_actions_open:
 * @reference: as a reference layer rather than into the window's event
 *
 * Opens the import dialog for @file, on its options page.
 *
 * Returns: (transfer none) (nullable): the dialog, or %NULL when there is
 *   no event to import into
 */
CrImportDialog *
cr_import_actions_open (CrWindow *window,
                        GFile    *file,
                        gboolean  reference)
{
  CrImportDialog *dialog;

  g_return_val_if_fail (CR_IS_WINDOW (window), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  if (!reference)
    {
      g_autoptr(CrEvent) event = cr_window_get_event (window);

      if (event == NULL)
        {
          show_message (window, _("Choose an event first, then import the file into it."));
          return NULL;
        }
    }
  dialog = cr_import_dialog_new (window, file, reference);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

/**
 * cr_import_actions_drop_files:
 * @files: (element-type GFile): what was dropped on the map
 *
 * Opens the import dialog for the first GeoJSON file of @files, into the
 * window's event.
 *
 * Returns: (transfer none) (nullable): the dialog, or %NULL when nothing
 *   dropped can be imported (a toast says why)
 */
CrImportDialog *
cr_import_actions_drop_files (CrWindow *window,
                              GSList   *files)
{
  GFile *file = NULL;
  guint n_geojson = 0;

  g_return_val_if_fail (CR_IS_WINDOW (window), NULL);

  for (GSList *l = files; l != NULL; l = l->next)
    if (is_geojson_name (l->data))
      {
        if (file == NULL)
          file = l->data;
        n_geojson++;
      }
  if (file == NULL)
    {
      show_message (window, _("Only GeoJSON files (.geojson or .json) can be dropped on the map."));
      return NULL;
    }
  if (n_geojson > 1)
    show_message (window, _("One file at a time: the first is imported. Drop the others after it."));
  return cr_import_actions_open (window, file, FALSE);
}

/**
 * cr_import_actions_export_geojson:
 * @selection: only the selected feature, rather than the whole event
 * @callback: (nullable): called when the file is written (or not), after
 *   the window's toast
 *
 * Exports the window's event, or its selected feature, to @file in a
 * worker thread; the file is replaced in one step.
 */
void
cr_import_actions_export_geojson (CrWindow            *window,
                                  GFile               *file,
                                  gboolean             selection,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(CrEvent) event = NULL;
  g_autoptr(GTask) task = NULL;
  ExportCall *call;
  ExportJob *job;

  g_return_if_fail (CR_IS_WINDOW (window));
  g_return_if_fail (G_IS_FILE (file));

  call = g_new0 (ExportCall, 1);
  call->window = g_object_ref (window);
  call->callback = callback;
  call->user_data = user_data;
  job = g_new0 (ExportJob, 1);
  job->database = g_strdup (cr_store_get_path (window_store (window)));
  job->path = g_file_get_path (file);
  event = cr_window_get_event (window);
  job->event_id = event != NULL ? cr_record_get_id (CR_RECORD (event)) : 0;
  if (selection)
    job->feature_id = cr_map_renderer_get_selected (cr_window_get_renderer (window));

  task = g_task_new (NULL, NULL, export_done_cb, call);
  g_task_set_source_tag (task, cr_import_actions_export_geojson);
  g_task_set_task_data (task, job, export_job_free);
  if (job->path == NULL)
    g_task_return_new_error (task, CR_GEOJSON_ERROR, CR_GEOJSON_ERROR_WRITE, "%s",
                             _("Choose a folder on this computer to export to."));
  else if (job->event_id == 0)
    g_task_return_new_error (task, CR_GEOJSON_ERROR, CR_GEOJSON_ERROR_WRITE, "%s",
                             _("Choose an event first, then export it."));
  else if (selection && job->feature_id <= 0)
    g_task_return_new_error (task, CR_GEOJSON_ERROR, CR_GEOJSON_ERROR_WRITE, "%s",
                             _("Select a feature on the map, then export it."));
  else
    g_task_run_in_thread (task, export_thread);
}

gboolean
cr_import_actions_export_finish (GAsyncResult  *result,
                                 guint         *n_features,
                                 GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  if (n_features != NULL)
    *n_features = GPOINTER_TO_UINT (g_task_get_task_data (G_TASK (result)));
  return g_task_propagate_boolean (G_TASK (result), error);
}
