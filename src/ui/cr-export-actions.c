/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cr-window"

#include "config.h"

#include <glib/gi18n.h>

#include "cr-application.h"
#include "cr-export-actions.h"
#include "cr-map-print.h"
#include "cr-ops-utils.h"
#include "cr-sheet-dialog.h"
#include "cr-sheet-print.h"
#include "cr-time.h"

/* The window's exports of the selected event: the operational sheet as
 * a PDF (in a worker thread, with progress and cancel) or on a printer,
 * and the map as it is shown as a PNG image. The sheet carries personal
 * data when it has phone numbers: the options dialog asks, and the
 * audit log records every sheet that left. */

static CrStore *
window_store (CrWindow *window)
{
  return cr_application_get_store (CR_APPLICATION (gtk_window_get_application (GTK_WINDOW (window))));
}

/* What every sheet of this window shares: the event, the distribution
 * line of the settings, the offline basemap the map shows. */
static void
base_options (CrWindow       *window,
              CrEvent        *event,
              CrSheetOptions *options)
{
  CrApplication *app = CR_APPLICATION (gtk_window_get_application (GTK_WINDOW (window)));
  GSettings *settings = cr_application_get_settings (app);
  CrBasemap *basemap = cr_window_get_basemap (window);

  options->event_id = cr_record_get_id (CR_RECORD (event));
  options->classification = g_settings_get_string (settings, "sheet-classification");
  if (basemap != NULL && cr_basemap_get_kind (basemap) == CR_BASEMAP_MBTILES)
    options->basemap_mbtiles = g_strdup (cr_basemap_get_location (basemap));
}

static gboolean
audit_sheet (CrWindow             *window,
             const CrSheetOptions *options,
             const char           *what,
             const char           *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *details = cr_sheet_audit_details (options, what, path);

  if (cr_store_audit_export (window_store (window), "events", options->event_id, details, &error))
    return TRUE;
  cr_ops_show_error (GTK_WIDGET (window), error->message);
  return FALSE;
}

/* The PDF export, from the file chooser to the toast. */
typedef struct
{
  CrWindow *window;
  CrSheetOptions options;
  char *event_name;
  char *path;
  GCancellable *cancellable;
  AdwToast *toast;
  GtkProgressBar *progress;
} SheetJob;

static void
sheet_job_free (gpointer data)
{
  SheetJob *job = data;

  g_clear_object (&job->window);
  cr_sheet_options_clear (&job->options);
  g_free (job->event_name);
  g_free (job->path);
  g_clear_object (&job->cancellable);
  g_clear_object (&job->toast);
  g_clear_object (&job->progress);
  g_free (job);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SheetJob, sheet_job_free)

static void
sheet_progress_cb (double   fraction,
                   gpointer user_data)
{
  SheetJob *job = user_data;

  gtk_progress_bar_set_fraction (job->progress, fraction);
}

static void
sheet_exported_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(SheetJob) job = user_data;
  g_autoptr(GError) error = NULL;

  cr_ops_progress_toast_dismiss (job->toast);
  /* Not written when the audit log could not say so. */
  if (!cr_sheet_export_pdf_finish (result, &error))
    {
      cr_ops_show_export_error (GTK_WIDGET (job->window), error);
      return;
    }
  cr_ops_show_done (GTK_WIDGET (job->window), _("Operational sheet exported"), job->path);
}

static void
start_sheet_export (gpointer    data,
                    const char *path)
{
  SheetJob *job = data;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);

  job->path = g_strdup (path);
  job->progress = g_object_ref_sink (GTK_PROGRESS_BAR (gtk_progress_bar_new ()));
  gtk_widget_set_valign (GTK_WIDGET (job->progress), GTK_ALIGN_CENTER);
  gtk_widget_set_size_request (GTK_WIDGET (job->progress), 120, -1);
  gtk_box_append (GTK_BOX (box), gtk_label_new (_("Exporting the operational sheet…")));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (job->progress));

  job->cancellable = g_cancellable_new ();
  job->toast = cr_ops_progress_toast (GTK_WIDGET (job->window), "", box, job->cancellable);
  cr_sheet_export_pdf_async (window_store (job->window), &job->options, job->path, job->cancellable,
                             sheet_progress_cb, job, sheet_exported_cb, job);
}

static void
choose_sheet_file (SheetJob *job)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = NULL;
  g_autofree char *suffix = NULL;

  gtk_file_filter_set_name (filter, _("PDF documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_filter_add_suffix (filter, "pdf");
  suffix = g_strdup_printf (" (%s).pdf", job->options.language);
  name = cr_ops_file_name (job->event_name, suffix);
  cr_ops_choose_path (GTK_WIDGET (job->window), GTK_FILE_CHOOSER_ACTION_SAVE, _("Export Operational Sheet"), filter,
                      name, start_sheet_export, job, sheet_job_free);
}

static void
print_done_cb (GtkPrintOperation       *operation,
               GtkPrintOperationResult  result,
               gpointer                 user_data)
{
  SheetJob *job = user_data;
  g_autoptr(GError) error = NULL;

  if (result == GTK_PRINT_OPERATION_RESULT_APPLY)
    {
      if (audit_sheet (job->window, &job->options, "print", NULL))
        cr_ops_add_toast (GTK_WIDGET (job->window), adw_toast_new (_("Operational sheet sent to the printer")));
    }
  else if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      gtk_print_operation_get_error (operation, &error);
      if (error != NULL)
        cr_ops_show_error (GTK_WIDGET (job->window), error->message);
    }
}

static void
print_sheet (SheetJob *job)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrSheet) sheet = NULL;
  g_autoptr(CrSheetPrint) operation = NULL;

  /* A few hundred rows: laid out here, on the window's own store. */
  sheet = cr_sheet_new (window_store (job->window), &job->options, &error);
  if (sheet == NULL)
    {
      cr_ops_show_error (GTK_WIDGET (job->window), error->message);
      sheet_job_free (job);
      return;
    }
  operation = cr_sheet_print_new (sheet);
  gtk_print_operation_set_allow_async (GTK_PRINT_OPERATION (operation), TRUE);
  g_signal_connect_data (operation, "done", G_CALLBACK (print_done_cb), job,
                         (GClosureNotify) (void (*) (void)) sheet_job_free, 0);
  gtk_print_operation_run (GTK_PRINT_OPERATION (operation), GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                           GTK_WINDOW (job->window), NULL);
}

static void
sheet_dialog_response_cb (CrSheetDialog *dialog,
                          const char    *response,
                          CrWindow      *window)
{
  g_autoptr(CrEvent) event = NULL;
  SheetJob *job;

  if (!g_str_equal (response, "export") || (event = cr_window_get_event (window)) == NULL)
    return;
  job = g_new0 (SheetJob, 1);
  job->window = g_object_ref (window);
  job->event_name = g_strdup (cr_event_get_name (event));
  base_options (window, event, &job->options);
  cr_sheet_dialog_get_options (dialog, &job->options);
  if (g_object_get_data (G_OBJECT (dialog), "cr-print") != NULL)
    print_sheet (job);
  else
    choose_sheet_file (job);
}

static void
sheet_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  CrWindow *window = CR_WINDOW (widget);
  g_autoptr(CrEvent) event = cr_window_get_event (window);
  gboolean print = g_str_equal (action_name, "win.print-sheet");
  CrSheetDialog *dialog;

  if (event == NULL)
    return;
  dialog = cr_sheet_dialog_new (GTK_WINDOW (window), print,
                                cr_map_renderer_get_time (cr_window_get_renderer (window)));
  if (print)
    g_object_set_data (G_OBJECT (dialog), "cr-print", GINT_TO_POINTER (TRUE));
  g_signal_connect_object (dialog, "response", G_CALLBACK (sheet_dialog_response_cb), window, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The map image: what the map shows now, in a worker thread of its own
 * store connection, at the size chosen. */
typedef struct
{
  CrWindow *window;
  char *database;
  char *event_name;
  gint64 event_id;
  GDateTime *time;
  gboolean fade;
  GPtrArray *hidden_kinds;
  gboolean hidden_groups[3];
  gboolean has_view;
  CrProjection view;
  char *mbtiles;
  int width;
  int height;
  double scale;
  char *path;
} ImageJob;

static void
image_job_free (gpointer data)
{
  ImageJob *job = data;

  g_clear_object (&job->window);
  g_free (job->database);
  g_free (job->event_name);
  g_clear_pointer (&job->time, g_date_time_unref);
  g_clear_pointer (&job->hidden_kinds, g_ptr_array_unref);
  g_free (job->mbtiles);
  g_free (job->path);
  g_free (job);
}

static void
image_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  ImageJob *job = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(CrStore) store = NULL;
  g_autoptr(CrMapRenderer) renderer = NULL;
  g_autoptr(CrMapRenderer) reference = NULL;
  g_autoptr(CrMapPrint) print = NULL;

  if ((store = cr_store_open_unwatched (job->database, &error)) == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  renderer = cr_map_renderer_new (store);
  cr_map_renderer_set_event_id (renderer, job->event_id);
  cr_map_renderer_set_time (renderer, job->time);
  cr_map_renderer_set_fade_inactive (renderer, job->fade);
  for (guint i = 0; i < job->hidden_kinds->len; i++)
    cr_map_renderer_set_kind_visible (renderer, g_ptr_array_index (job->hidden_kinds, i), FALSE);
  for (guint g = 0; g < G_N_ELEMENTS (job->hidden_groups); g++)
    if (job->hidden_groups[g])
      cr_map_renderer_set_group_visible (renderer, g, FALSE);
  reference = cr_map_renderer_new_reference (store);

  print = cr_map_print_new (renderer);
  cr_map_print_set_reference (print, reference);
  if (job->has_view)
    cr_map_print_set_view (print, &job->view);
  if (job->mbtiles != NULL)
    {
      g_autoptr(CrMbtiles) mbtiles = cr_mbtiles_open (job->mbtiles, &error);

      if (mbtiles == NULL)
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
      cr_map_print_set_basemap (print, mbtiles);
    }
  if (!cr_map_print_write_png (print, job->path, job->width, job->height, job->scale, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_task_return_boolean (task, TRUE);
}

static void
image_exported_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  ImageJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    cr_ops_show_error (GTK_WIDGET (job->window), error->message);
  else
    cr_ops_show_done (GTK_WIDGET (job->window), _("Map image exported"), job->path);
}

static void
start_image_export (gpointer    data,
                    const char *path)
{
  ImageJob *job = data;
  g_autoptr(GTask) task = NULL;

  job->path = g_strdup (path);
  task = g_task_new (NULL, NULL, image_exported_cb, NULL);
  g_task_set_task_data (task, job, image_job_free);
  g_task_run_in_thread (task, image_thread);
}

/* The sizes offered, in the order of the drop-down; 0 × 0 is the map
 * on screen, twice as sharp. */
static const struct
{
  int width;
  int height;
} image_sizes[] = {
  { 1920, 1080 },
  { 3840, 2160 },
  { 1280, 720 },
  { 0, 0 },
};

static void
image_dialog_response_cb (AdwMessageDialog *dialog,
                          const char       *response,
                          ImageJob         *job)
{
  GtkDropDown *sizes = g_object_get_data (G_OBJECT (dialog), "cr-sizes");
  guint choice = gtk_drop_down_get_selected (sizes);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = NULL;

  if (!g_str_equal (response, "export"))
    {
      image_job_free (job);
      return;
    }
  choice = MIN (choice, G_N_ELEMENTS (image_sizes) - 1);
  job->width = image_sizes[choice].width;
  job->height = image_sizes[choice].height;
  if (job->has_view)
    {
      if (job->width == 0)
        {
          job->width = (int) (2 * job->view.width);
          job->height = (int) (2 * job->view.height);
        }
      /* At least what the screen shows, magnified to the image. */
      job->scale = MIN (job->width / job->view.width, job->height / job->view.height);
    }
  else
    {
      if (job->width == 0)
        {
          job->width = CR_MAP_PRINT_DEFAULT_WIDTH;
          job->height = CR_MAP_PRINT_DEFAULT_HEIGHT;
        }
      job->scale = cr_map_print_png_scale (job->width, job->height);
    }

  gtk_file_filter_set_name (filter, _("PNG images"));
  gtk_file_filter_add_mime_type (filter, "image/png");
  gtk_file_filter_add_suffix (filter, "png");
  name = cr_ops_file_name (job->event_name, ".png");
  cr_ops_choose_path (GTK_WIDGET (job->window), GTK_FILE_CHOOSER_ACTION_SAVE, _("Export Map Image"), filter, name,
                      start_image_export, job, image_job_free);
}

static void
map_image_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  CrWindow *window = CR_WINDOW (widget);
  g_autoptr(CrEvent) event = cr_window_get_event (window);
  CrMapRenderer *renderer = cr_window_get_renderer (window);
  CrBasemap *basemap = cr_window_get_basemap (window);
  g_autoptr(GListModel) kinds = NULL;
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  g_autofree char *screen = NULL;
  AdwMessageDialog *dialog;
  GtkWidget *sizes;
  ImageJob *job;

  if (event == NULL)
    return;
  job = g_new0 (ImageJob, 1);
  job->window = g_object_ref (window);
  job->database = g_strdup (cr_store_get_path (window_store (window)));
  job->event_name = g_strdup (cr_event_get_name (event));
  job->event_id = cr_record_get_id (CR_RECORD (event));
  job->time = cr_map_renderer_get_time (renderer) ? g_date_time_ref (cr_map_renderer_get_time (renderer))
                                                  : NULL;
  job->fade = cr_map_renderer_get_fade_inactive (renderer);
  job->hidden_kinds = g_ptr_array_new_with_free_func (g_free);
  kinds = cr_store_list_feature_kinds (window_store (window), NULL);
  for (guint i = 0; kinds != NULL && i < g_list_model_get_n_items (kinds); i++)
    {
      g_autoptr(CrFeatureKind) kind = g_list_model_get_item (kinds, i);

      if (!cr_map_renderer_get_kind_visible (renderer, cr_feature_kind_get_code (kind)))
        g_ptr_array_add (job->hidden_kinds, g_strdup (cr_feature_kind_get_code (kind)));
    }
  for (guint g = 0; g < G_N_ELEMENTS (job->hidden_groups); g++)
    job->hidden_groups[g] = !cr_map_renderer_get_group_visible (renderer, g);
  job->has_view = cr_feature_layer_get_projection (cr_window_get_feature_layer (window), &job->view) &&
                  job->view.width > 1 && job->view.height > 1;
  if (basemap != NULL && cr_basemap_get_kind (basemap) == CR_BASEMAP_MBTILES)
    job->mbtiles = g_strdup (cr_basemap_get_location (basemap));

  gtk_string_list_append (labels, _("1920 × 1080, for slides"));
  gtk_string_list_append (labels, _("3840 × 2160, for large screens"));
  gtk_string_list_append (labels, _("1280 × 720"));
  if (job->has_view)
    {
      /* Translators: an image size: the map as big as on screen, with
       * twice the pixels. */
      screen = g_strdup_printf (_("%d × %d, the map on screen, twice as sharp"),
                                (int) (2 * job->view.width), (int) (2 * job->view.height));
      gtk_string_list_append (labels, screen);
    }
  sizes = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (labels)), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (sizes), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Image size"), -1);

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (window), _("Export Map Image"),
                                                       _("The map as it is shown now, with the "
                                                         "visible layers, the legend, a scale and "
                                                         "the attribution, for slides and reports. "
                                                         "Online basemaps are left out; an offline "
                                                         "one is drawn.")));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "export", _("_Export…"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "export", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "export");
  adw_message_dialog_set_close_response (dialog, "cancel");
  adw_message_dialog_set_extra_child (dialog, sizes);
  g_object_set_data (G_OBJECT (dialog), "cr-sizes", sizes);
  g_signal_connect (dialog, "response", G_CALLBACK (image_dialog_response_cb), job);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
cr_export_actions_install (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.export-sheet", NULL, sheet_activated);
  gtk_widget_class_install_action (widget_class, "win.print-sheet", NULL, sheet_activated);
  gtk_widget_class_install_action (widget_class, "win.export-map-image", NULL, map_image_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "win.print-sheet",
                                       NULL);
}

/* Exports need an event. */
void
cr_export_actions_update (CrWindow *window)
{
  g_autoptr(CrEvent) event = cr_window_get_event (window);

  gtk_widget_action_set_enabled (GTK_WIDGET (window), "win.export-sheet", event != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (window), "win.print-sheet", event != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (window), "win.export-map-image", event != NULL);
}
