/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "cr-report-pdf.h"

G_BEGIN_DECLS

/**
 * CrReportWriter:
 * @build_pdf: lays the report out as a document
 * @text_format: the other format the report is written in (CSV, Markdown)
 * @build_text: the report as that text, and its length
 * @format_error: sets the error for a file name of another format
 * @ref: takes a reference on a report
 * @unref: drops it
 *
 * What writing a kind of report (an activation's, a shift handover) to
 * a file needs: the same for each kind, from the file name's extension
 * to the worker thread.
 */
typedef struct
{
  CrReportDoc *(*build_pdf)    (gpointer     report);
  CrReportFormat text_format;
  char        *(*build_text)   (gpointer     report,
                                gsize       *length);
  void         (*format_error) (const char  *path,
                                GError     **error);
  gpointer     (*ref)          (gpointer     report);
  void         (*unref)        (gpointer     report);
} CrReportWriter;

gboolean cr_report_writer_write_pdf     (const CrReportWriter *writer,
                                         gpointer              report,
                                         const char           *path,
                                         GCancellable         *cancellable,
                                         GError              **error);
gboolean cr_report_writer_export        (const CrReportWriter *writer,
                                         gpointer              report,
                                         const char           *path,
                                         GCancellable         *cancellable,
                                         GError              **error);
void     cr_report_writer_export_async  (const CrReportWriter *writer,
                                         gpointer              report,
                                         const char           *path,
                                         GCancellable         *cancellable,
                                         gpointer              source_tag,
                                         GAsyncReadyCallback   callback,
                                         gpointer              user_data);
gboolean cr_report_writer_export_finish (GAsyncResult         *result,
                                         gpointer              source_tag,
                                         GError              **error);

char    *cr_report_escape               (const char           *text);

G_END_DECLS
