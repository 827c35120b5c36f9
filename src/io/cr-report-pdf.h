/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define CR_REPORT_ERROR (cr_report_error_quark ())
GQuark cr_report_error_quark (void);

typedef enum
{
  CR_REPORT_ERROR_FORMAT, /* the file name's extension is not a format the report has */
  CR_REPORT_ERROR_WRITE,  /* the file cannot be written */
} CrReportError;

typedef enum
{
  CR_REPORT_FORMAT_UNKNOWN,
  CR_REPORT_FORMAT_PDF,
  CR_REPORT_FORMAT_CSV,
  CR_REPORT_FORMAT_MARKDOWN,
} CrReportFormat;

CrReportFormat cr_report_format_for_path (const char *path);
char          *cr_report_format_time     (GDateTime  *dt);
gboolean       cr_report_write_text      (const char *path,
                                          const char *text,
                                          gssize      length,
                                          GError    **error);

/* A flowing A4 document, written as PDF with cairo and Pango: title,
 * lines under it, headings, paragraphs and tables, with "Page n of N" at
 * the foot of every page. Text is Pango markup: escape what comes from
 * the database (g_markup_escape_text()). The document holds only
 * strings, so it can be written in a worker thread. */
typedef struct _CrReportDoc CrReportDoc;

CrReportDoc   *cr_report_doc_new          (const char          *title);
void           cr_report_doc_free         (CrReportDoc         *doc);
void           cr_report_doc_add_line     (CrReportDoc         *doc,
                                           const char          *markup);
void           cr_report_doc_add_heading  (CrReportDoc         *doc,
                                           const char          *text);
void           cr_report_doc_add_paragraph (CrReportDoc        *doc,
                                           const char          *markup);
void           cr_report_doc_begin_table  (CrReportDoc         *doc,
                                           guint                n_columns,
                                           const double        *widths,
                                           const char *const   *headers);
void           cr_report_doc_add_row      (CrReportDoc         *doc,
                                           const char *const   *cells);
void           cr_report_doc_end_table    (CrReportDoc         *doc);
gboolean       cr_report_doc_write_pdf    (CrReportDoc         *doc,
                                           const char          *path,
                                           GCancellable        *cancellable,
                                           GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrReportDoc, cr_report_doc_free)

G_END_DECLS
