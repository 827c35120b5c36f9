/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* What the operations pages (activation, logbook, handover) share:
 * toasts on the window, times as an operator reads them, and exporting a
 * report to a file the user picks. */

void      cr_ops_add_toast        (GtkWidget   *widget,
                                   AdwToast    *toast);
void      cr_ops_show_error       (GtkWidget   *widget,
                                   const char  *message);
void      cr_ops_show_done        (GtkWidget   *widget,
                                   const char  *title,
                                   const char  *path);

char     *cr_ops_format_time      (GDateTime   *dt,
                                   GDateTime   *now);
char     *cr_ops_format_duration  (GTimeSpan    span);
char     *cr_ops_format_offset    (GTimeSpan    span);
char     *cr_ops_file_name        (const char  *name,
                                   const char  *suffix);

/* Writes the report to @path in a worker thread; the finish function
 * says whether it worked. */
typedef void     (*CrOpsExportFunc)   (gpointer             report,
                                       const char          *path,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data);
typedef gboolean (*CrOpsFinishFunc)   (GAsyncResult        *result,
                                       GError             **error);

/**
 * CrOpsExport:
 * @title: the file chooser's title
 * @file_name: the name it suggests
 * @filter_name: what the files are ("PDF documents")
 * @suffix: their extension, without the dot
 * @done_message: the toast once written
 * @report: what to write; a reference is taken while the export runs
 * @report_ref: @report's ref function
 * @report_unref: @report's unref function
 * @export: writes @report
 * @finish: finishes @export
 */
typedef struct
{
  const char *title;
  const char *file_name;
  const char *filter_name;
  const char *suffix;
  const char *done_message;
  gpointer report;
  gpointer (*report_ref) (gpointer report);
  void (*report_unref) (gpointer report);
  CrOpsExportFunc export;
  CrOpsFinishFunc finish;
} CrOpsExport;

void      cr_ops_export_choose    (GtkWidget         *widget,
                                   const CrOpsExport *export);
void      cr_ops_export_to_path   (GtkWidget         *widget,
                                   const CrOpsExport *export,
                                   const char        *path);

G_END_DECLS
