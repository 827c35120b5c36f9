/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cr-report"

#include "config.h"

#include <glib/gi18n.h>

#include "cr-report-writer.h"

/* Writing a report to the file the user named, in the format its
 * extension asks for, on the caller's thread or in a worker thread: the
 * report is plain data, read-only once made. */

/**
 * cr_report_writer_write_pdf:
 *
 * Writes @report as an A4 PDF. May run in a worker thread.
 */
gboolean
cr_report_writer_write_pdf (const CrReportWriter *writer,
                            gpointer              report,
                            const char           *path,
                            GCancellable         *cancellable,
                            GError              **error)
{
  g_autoptr(CrReportDoc) doc = NULL;

  g_return_val_if_fail (report != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  doc = writer->build_pdf (report);
  return cr_report_doc_write_pdf (doc, path, cancellable, error);
}

/**
 * cr_report_writer_export:
 * @path: a file ending in .pdf, or in an extension of the writer's text
 *   format
 *
 * Writes @report in the format the file name asks for.
 *
 * Returns: %FALSE with @error set; %CR_REPORT_ERROR_FORMAT for another
 *   extension
 */
gboolean
cr_report_writer_export (const CrReportWriter *writer,
                         gpointer              report,
                         const char           *path,
                         GCancellable         *cancellable,
                         GError              **error)
{
  CrReportFormat format;

  g_return_val_if_fail (report != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  format = cr_report_format_for_path (path);
  if (format == CR_REPORT_FORMAT_PDF)
    return cr_report_writer_write_pdf (writer, report, path, cancellable, error);
  if (format != CR_REPORT_FORMAT_UNKNOWN && format == writer->text_format)
    {
      gsize length;
      g_autofree char *text = writer->build_text (report, &length);

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      return cr_report_write_text (path, text, (gssize) length, error);
    }
  writer->format_error (path, error);
  return FALSE;
}

typedef struct
{
  const CrReportWriter *writer;
  gpointer report;
  char *path;
} Export;

static void
export_free (gpointer data)
{
  Export *export = data;

  export->writer->unref (export->report);
  g_free (export->path);
  g_free (export);
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  Export *export = task_data;
  GError *error = NULL;

  if (cr_report_writer_export (export->writer, export->report, export->path, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * cr_report_writer_export_async:
 * @source_tag: the report kind's own function, which its finish checks
 *
 * Like cr_report_writer_export(), in a worker thread: the window stays
 * responsive while a long PDF is written. A reference on @report is kept
 * until then.
 */
void
cr_report_writer_export_async (const CrReportWriter *writer,
                               gpointer              report,
                               const char           *path,
                               GCancellable         *cancellable,
                               gpointer              source_tag,
                               GAsyncReadyCallback   callback,
                               gpointer              user_data)
{
  g_autoptr(GTask) task = NULL;
  Export *export;

  g_return_if_fail (report != NULL);
  g_return_if_fail (path != NULL);

  export = g_new (Export, 1);
  export->writer = writer;
  export->report = writer->ref (report);
  export->path = g_strdup (path);
  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, export, export_free);
  g_task_run_in_thread (task, export_thread);
}

gboolean
cr_report_writer_export_finish (GAsyncResult  *result,
                                gpointer       source_tag,
                                GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == source_tag, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Text as Pango markup for a report's document; %NULL as "". */
char *
cr_report_escape (const char *text)
{
  return g_markup_escape_text (text != NULL ? text : "", -1);
}
