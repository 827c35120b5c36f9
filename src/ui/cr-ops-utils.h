/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "cr-store.h"
#include "cr-window.h"

G_BEGIN_DECLS

/* What the operations pages (activation, logbook, alert tests, roles,
 * handover) and the window's exports share: toasts on the window, times
 * as an operator reads them, file choosers, exporting a file in a worker
 * thread with progress and Cancel, and the pages' own plumbing (following
 * the window's event, refreshing once after a burst of changes, tearing
 * down their template). */

GtkWindow *cr_ops_parent_window   (GtkWidget   *widget);

void      cr_ops_add_toast        (GtkWidget   *widget,
                                   AdwToast    *toast);
void      cr_ops_show_error       (GtkWidget   *widget,
                                   const char  *message);
AdwToast *cr_ops_open_toast_new   (GtkWidget   *widget,
                                   const char  *title,
                                   const char  *button_label,
                                   GFile       *file);
void      cr_ops_show_done        (GtkWidget   *widget,
                                   const char  *title,
                                   const char  *path);
AdwToast *cr_ops_progress_toast   (GtkWidget    *widget,
                                   const char   *title,
                                   GtkWidget    *custom_title,
                                   GCancellable *cancellable);
void      cr_ops_progress_toast_dismiss (AdwToast *toast);
void      cr_ops_show_export_error (GtkWidget    *widget,
                                    const GError *error);

char     *cr_ops_format_time      (GDateTime   *dt,
                                   GDateTime   *now);
char     *cr_ops_format_duration  (GTimeSpan    span);
char     *cr_ops_format_offset    (GTimeSpan    span);
char     *cr_ops_file_name        (const char  *name,
                                   const char  *suffix);
char     *cr_ops_file_name_or     (const char  *name,
                                   const char  *fallback,
                                   const char  *suffix);

/* @file: (nullable): what was chosen; %NULL when the chooser was
 * cancelled */
typedef void (*CrOpsFileFunc) (GFile    *file,
                               gpointer  user_data);

GtkFileChooserNative *cr_ops_file_chooser_new (GtkWidget            *widget,
                                               GtkFileChooserAction  action,
                                               const char           *title,
                                               GtkFileFilter        *filter,
                                               const char           *current_name);
void      cr_ops_file_chooser_run (GtkFileChooserNative *chooser,
                                   CrOpsFileFunc         callback,
                                   gpointer              user_data);

/* @path: the local file chosen; @job is the callback's from then on */
typedef void (*CrOpsPathFunc) (gpointer    job,
                               const char *path);

void      cr_ops_choose_path      (GtkWidget            *widget,
                                   GtkFileChooserAction  action,
                                   const char           *title,
                                   GtkFileFilter        *filter,
                                   const char           *current_name,
                                   CrOpsPathFunc         chosen,
                                   gpointer              job,
                                   GDestroyNotify        job_free);

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

/* The pages' plumbing. */
typedef void     (*CrOpsPageFunc)      (gpointer   page);
typedef gpointer (*CrOpsPageNewFunc)   (CrStore   *store,
                                        GSettings *settings);
typedef void     (*CrOpsPageEventFunc) (gpointer   page,
                                        CrEvent   *event);

GtkWidget *cr_ops_page_new_for_window (CrWindow           *window,
                                       CrOpsPageNewFunc    new_for_store,
                                       CrOpsPageEventFunc  set_event);
void      cr_ops_page_watch       (gpointer            page,
                                   CrStore           **page_store,
                                   GSettings         **page_settings,
                                   CrStore            *store,
                                   GSettings          *settings,
                                   GCallback           store_changed,
                                   GCallback           operator_changed);
void      cr_ops_page_unwatch     (GtkWidget          *page,
                                   GType               page_type,
                                   CrStore           **page_store,
                                   GSettings         **page_settings,
                                   guint              *refresh_source,
                                   guint              *clock_source);
void      cr_ops_queue_idle       (guint              *source_id,
                                   CrOpsPageFunc       func,
                                   gpointer            page);
void      cr_ops_update_shift     (GtkLabel          *label,
                                   CrStore           *store);
void      cr_ops_name_drop_down   (GtkDropDown       *drop_down,
                                   const char        *name);
void      cr_ops_set_label_factories (GtkDropDown   *drop_down,
                                      int            button_width_chars,
                                      int            list_width_chars,
                                      PangoWrapMode  list_wrap_mode);
gint64    cr_ops_id_at            (GArray            *ids,
                                   guint              position);
guint     cr_ops_position_of      (GArray            *ids,
                                   gint64             id);
void      cr_ops_add_page_shortcut (GtkWidget             *page,
                                    GtkShortcutController *controller,
                                    guint                  keyval,
                                    GdkModifierType        modifiers,
                                    const char            *action);
void      cr_ops_dispose_template (GtkWidget         *bin,
                                   GType              bin_type);

G_END_DECLS
