/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cr-ops"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cr-ops-utils.h"
#include "cr-time.h"
#include "cr-window.h"

/* Toasts go to the nearest overlay: the window's for its pages
 * (cr_window_add_toast()), a dialog's own when it has one, else the
 * window the dialog belongs to; without any (a test), to the log. */
void
cr_ops_add_toast (GtkWidget *widget,
                  AdwToast  *toast)
{
  GtkWidget *overlay;
  GtkRoot *root;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (ADW_IS_TOAST (toast));

  root = gtk_widget_get_root (widget);
  if (CR_IS_WINDOW (root))
    {
      cr_window_add_toast (CR_WINDOW (root), toast);
      return;
    }
  overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);
  if (overlay != NULL)
    {
      adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
      return;
    }
  if (GTK_IS_WINDOW (root) && CR_IS_WINDOW (gtk_window_get_transient_for (GTK_WINDOW (root))))
    {
      cr_window_add_toast (CR_WINDOW (gtk_window_get_transient_for (GTK_WINDOW (root))), toast);
      return;
    }
  g_message ("%s", adw_toast_get_title (toast));
  g_object_ref_sink (toast);
  g_object_unref (toast);
}

/* An error stays until dismissed, and may be long: a wrapping label. */
void
cr_ops_show_error (GtkWidget  *widget,
                   const char *message)
{
  AdwToast *toast = adw_toast_new (message);
  GtkWidget *label = gtk_label_new (message);

  /* libadwaita 1.2 toasts take markup and one line; messages need neither. */
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 60);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  adw_toast_set_custom_title (toast, label);
  adw_toast_set_timeout (toast, 0);
  cr_ops_add_toast (widget, toast);
}

static void
open_file_cb (AdwToast  *toast,
              GtkWidget *widget)
{
  const char *uri = g_object_get_data (G_OBJECT (toast), "cr-uri");
  GtkRoot *root = gtk_widget_get_root (widget);

  gtk_show_uri (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, uri, GDK_CURRENT_TIME);
}

/* "Written", with a button that opens the file. */
void
cr_ops_show_done (GtkWidget  *widget,
                  const char *title,
                  const char *path)
{
  AdwToast *toast = adw_toast_new (title);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  adw_toast_set_button_label (toast, _("_Open"));
  g_object_set_data_full (G_OBJECT (toast), "cr-uri", g_file_get_uri (file), g_free);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (open_file_cb), widget, 0);
  cr_ops_add_toast (widget, toast);
}

/**
 * cr_ops_format_time:
 * @now: (nullable): the time it is; %NULL for the clock
 *
 * Returns: (transfer full): @dt in Brussels time, "14:32" on the day of
 *   @now, "26/09 14:32" on another day of its year, else with the year
 */
char *
cr_ops_format_time (GDateTime *dt,
                    GDateTime *now)
{
  g_autoptr(GDateTime) clock = NULL;
  g_autofree char *day = NULL;
  g_autofree char *today = NULL;

  if (dt == NULL)
    return g_strdup ("");
  if (now == NULL)
    now = clock = cr_time_now_utc ();
  day = cr_time_format_local (dt, "%Y-%m-%d");
  today = cr_time_format_local (now, "%Y-%m-%d");
  if (g_str_equal (day, today))
    return cr_time_format_local (dt, "%H:%M");
  /* Translators: a date and time in Brussels, strftime format; keep it short */
  if (strncmp (day, today, 4) == 0)
    return cr_time_format_local (dt, _("%d/%m %H:%M"));
  /* Translators: a date and time in Brussels, strftime format */
  return cr_time_format_local (dt, _("%d/%m/%Y %H:%M"));
}

/* "25 min", "2 h", "2 h 05", "3 d 4 h": how long, rounded down to the
 * minute. */
char *
cr_ops_format_duration (GTimeSpan span)
{
  gint64 minutes = ABS (span) / G_TIME_SPAN_MINUTE;
  gint64 hours = minutes / 60;
  gint64 days = hours / 24;

  if (minutes < 60)
    /* Translators: a duration in minutes */
    return g_strdup_printf (_("%d min"), (int) minutes);
  if (hours < 24)
    {
      if (minutes % 60 == 0)
        /* Translators: a duration in hours */
        return g_strdup_printf (_("%d h"), (int) hours);
      /* Translators: a duration in hours and minutes, e.g. "2 h 05" */
      return g_strdup_printf (_("%d h %02d"), (int) hours, (int) (minutes % 60));
    }
  /* Translators: a duration in days and hours */
  return g_strdup_printf (_("%d d %d h"), (int) days, (int) (hours % 24));
}

/* "T+0", "T+15 min", "T+2 h": when an item is due after the start. */
char *
cr_ops_format_offset (GTimeSpan span)
{
  g_autofree char *duration = NULL;

  if (span < G_TIME_SPAN_MINUTE && span > -G_TIME_SPAN_MINUTE)
    return g_strdup ("T+0");
  duration = cr_ops_format_duration (span);
  return g_strdup_printf ("T%s%s", span < 0 ? "−" : "+", duration);
}

/* A file name from an activation's or a report's: no slash, no leading
 * dot. */
char *
cr_ops_file_name (const char *name,
                  const char *suffix)
{
  g_autoptr(GString) text = g_string_new (name);

  g_string_replace (text, "/", "-", 0);
  g_string_replace (text, "\\", "-", 0);
  while (text->len > 0 && text->str[0] == '.')
    g_string_erase (text, 0, 1);
  g_string_append (text, suffix);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* ---- Exporting ---- */

typedef struct
{
  GtkWidget *widget;
  CrOpsExport export;
  char *title;
  char *file_name;
  char *filter_name;
  char *suffix;
  char *done_message;
  char *path;
  GCancellable *cancellable;
  AdwToast *toast;
} ExportJob;

static void
export_job_free (ExportJob *job)
{
  g_clear_object (&job->widget);
  if (job->export.report != NULL)
    job->export.report_unref (job->export.report);
  g_free (job->title);
  g_free (job->file_name);
  g_free (job->filter_name);
  g_free (job->suffix);
  g_free (job->done_message);
  g_free (job->path);
  g_clear_object (&job->cancellable);
  g_clear_object (&job->toast);
  g_free (job);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ExportJob, export_job_free)

static ExportJob *
export_job_new (GtkWidget         *widget,
                const CrOpsExport *export)
{
  ExportJob *job = g_new0 (ExportJob, 1);

  job->widget = g_object_ref (widget);
  job->export = *export;
  job->export.report = export->report_ref (export->report);
  job->title = g_strdup (export->title);
  job->file_name = g_strdup (export->file_name);
  job->filter_name = g_strdup (export->filter_name);
  job->suffix = g_strdup (export->suffix);
  job->done_message = g_strdup (export->done_message);
  return job;
}

static void
export_cancel_cb (AdwToast  *toast,
                  ExportJob *job)
{
  g_cancellable_cancel (job->cancellable);
}

static void
exported_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(ExportJob) job = user_data;
  g_autoptr(GError) error = NULL;

  g_signal_handlers_disconnect_by_data (job->toast, job);
  adw_toast_dismiss (job->toast);
  if (!job->export.finish (result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        cr_ops_add_toast (job->widget, adw_toast_new (_("Export cancelled; no file was written")));
      else
        cr_ops_show_error (job->widget, error->message);
      return;
    }
  cr_ops_show_done (job->widget, job->done_message, job->path);
}

static void
start_export (ExportJob *job)
{
  /* Until it is written: a toast that can cancel it. */
  job->toast = g_object_ref (adw_toast_new (_("Exporting…")));
  adw_toast_set_timeout (job->toast, 0);
  adw_toast_set_button_label (job->toast, _("_Cancel"));
  g_signal_connect (job->toast, "button-clicked", G_CALLBACK (export_cancel_cb), job);
  cr_ops_add_toast (job->widget, job->toast);

  job->cancellable = g_cancellable_new ();
  job->export.export (job->export.report, job->path, job->cancellable, exported_cb, job);
}

static void
file_chosen_cb (GtkNativeDialog *chooser,
                int              response,
                gpointer         user_data)
{
  g_autoptr(ExportJob) job = user_data;
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_object_unref (chooser);
  if (file == NULL || (job->path = g_file_get_path (file)) == NULL)
    return;
  /* The chooser may give a name without the extension that says the
   * format. */
  {
    g_autofree char *dot_suffix = g_strdup_printf (".%s", job->suffix);
    g_autofree char *lower = g_ascii_strdown (job->path, -1);

    if (!g_str_has_suffix (lower, dot_suffix))
      {
        char *with_suffix = g_strconcat (job->path, dot_suffix, NULL);

        g_free (job->path);
        job->path = with_suffix;
      }
  }
  start_export (g_steal_pointer (&job));
}

/**
 * cr_ops_export_choose:
 *
 * Asks where to write the report (a native file chooser), then writes it
 * in a worker thread; a toast says when it is done, with a button that
 * opens it, or why not.
 */
void
cr_ops_export_choose (GtkWidget         *widget,
                      const CrOpsExport *export)
{
  ExportJob *job;
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *pattern = NULL;
  GtkRoot *root;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (export != NULL);

  job = export_job_new (widget, export);
  root = gtk_widget_get_root (widget);
  chooser = gtk_file_chooser_native_new (job->title, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_filter_set_name (filter, job->filter_name);
  pattern = g_strdup_printf ("*.%s", job->suffix);
  gtk_file_filter_add_pattern (filter, pattern);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), job->file_name);
  g_signal_connect (chooser, "response", G_CALLBACK (file_chosen_cb), job);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* The same without asking: for tests, and for callers that know where. */
void
cr_ops_export_to_path (GtkWidget         *widget,
                       const CrOpsExport *export,
                       const char        *path)
{
  ExportJob *job;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (export != NULL);
  g_return_if_fail (path != NULL);

  job = export_job_new (widget, export);
  job->path = g_strdup (path);
  start_export (job);
}
