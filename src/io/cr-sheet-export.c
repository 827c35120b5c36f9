/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cr-sheet"

#include "config.h"

#include <cairo-pdf.h>
#include <cjson/cJSON.h>
#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "cr-sheet-private.h"
#include "cr-time.h"

/* The sheet as a PDF file, here or in a worker thread. The file is
 * written under a temporary name beside the target and renamed when
 * complete: a cancelled or failed export leaves nothing half-written,
 * and an older sheet of the same name as it was. */

static char *
temporary_beside (const char  *path,
                  GError     **error)
{
  g_autofree char *template = g_strdup_printf ("%s.XXXXXX", path);
  int fd;

  /* Owner only: a sheet with phone numbers holds personal data. */
  fd = g_mkstemp_full (template, O_RDWR, 0600);
  if (fd < 0)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Cannot write “%s”: %s. Choose another folder."), path, g_strerror (saved));
      return NULL;
    }
  close (fd);
  return g_steal_pointer (&template);
}

/**
 * cr_sheet_export_pdf:
 * @cancellable: (nullable): checked between pages
 * @progress: (nullable): told the share of pages written
 *
 * Writes every page into a PDF file: text and map as vectors, pages of
 * their own size (an A3 map page among A4 pages). The names and numbers
 * leave the database only with an entry in the audit log saying so,
 * written before the file takes its name; if it cannot be, there is no
 * file, and an older one of that name is as it was. (Should the rename
 * then fail, the log names an export that left nothing: it errs on the
 * side of saying too much.)
 */
gboolean
cr_sheet_export_pdf (CrSheet              *self,
                     const char           *path,
                     GCancellable         *cancellable,
                     CrSheetProgressFunc   progress,
                     gpointer              progress_data,
                     GError              **error)
{
  g_autofree char *tmp = NULL;
  g_autofree char *title = NULL;
  g_autofree char *creator = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  double width, height;
  g_autofree char *details = NULL;
  guint n;

  g_return_val_if_fail (CR_IS_SHEET (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  tmp = temporary_beside (path, error);
  if (tmp == NULL)
    return FALSE;
  n = cr_sheet_get_n_pages (self);
  cr_sheet_get_page_size (self, 0, &width, &height);
  surface = cairo_pdf_surface_create (tmp, width, height);
  title = g_strdup_printf ("%s — %s", self->title.event_name,
                           _cr_sheet_tr (self, N_("Operational sheet")));
  creator = g_strdup_printf ("Crisis Room %s", PACKAGE_VERSION);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR, cr_store_get_operator (self->store));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, creator);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_SUBJECT, self->title.classification);
  cr = cairo_create (surface);

  for (guint i = 0; i < n; i++)
    {
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          cairo_destroy (cr);
          cairo_surface_destroy (surface);
          g_unlink (tmp);
          return FALSE;
        }
      cr_sheet_get_page_size (self, i, &width, &height);
      cairo_pdf_surface_set_size (surface, width, height);
      cr_sheet_draw_page (self, cr, i);
      cairo_show_page (cr);
      if (progress != NULL)
        progress ((double) (i + 1) / n, progress_data);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_unlink (tmp);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Cannot write “%s”: %s. Free some space or choose another folder."), path,
                   cairo_status_to_string (status));
      return FALSE;
    }
  details = cr_sheet_audit_details (&self->options, "operational-sheet", path);
  if (!cr_store_audit_export (self->store, "events", self->options.event_id, details, error))
    {
      g_unlink (tmp);
      return FALSE;
    }
  if (g_rename (tmp, path) != 0)
    {
      int saved = errno;

      g_unlink (tmp);
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Cannot write “%s”: %s. Choose another folder."), path, g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}

/**
 * cr_sheet_audit_details:
 * @what: "operational-sheet", "print"…
 * @path: (nullable): the file
 *
 * Returns: (transfer full): the JSON the audit log keeps about an export
 */
char *
cr_sheet_audit_details (const CrSheetOptions *options,
                        const char           *what,
                        const char           *path)
{
  g_autoptr(cJSON) json = cJSON_CreateObject ();
  g_autofree char *at = cr_time_to_storage (options->at);

  cJSON_AddStringToObject (json, "export", what);
  if (path != NULL)
    cJSON_AddStringToObject (json, "file", path);
  cJSON_AddStringToObject (json, "language", options->language != NULL ? options->language : "ui");
  cJSON_AddBoolToObject (json, "phone_numbers", !options->no_phones);
  if (at != NULL)
    cJSON_AddStringToObject (json, "at", at);
  return cJSON_PrintUnformatted (json);
}

typedef struct
{
  char *database;
  char *operator_name;
  CrSheetOptions options;
  char *path;
  CrSheetProgressFunc progress;
  gpointer progress_data;
  GMainContext *context;
} ExportData;

static void
export_data_free (gpointer data)
{
  ExportData *export = data;

  g_free (export->database);
  g_free (export->operator_name);
  cr_sheet_options_clear (&export->options);
  g_free (export->path);
  g_main_context_unref (export->context);
  g_free (export);
}

typedef struct
{
  CrSheetProgressFunc func;
  gpointer data;
  double fraction;
} Progress;

static gboolean
progress_cb (gpointer user_data)
{
  Progress *progress = user_data;

  progress->func (progress->fraction, progress->data);
  return G_SOURCE_REMOVE;
}

/* From the worker to the thread that asked, where the UI lives. */
static void
thread_progress (double   fraction,
                 gpointer user_data)
{
  ExportData *export = user_data;
  Progress *progress = g_new (Progress, 1);

  progress->func = export->progress;
  progress->data = export->progress_data;
  progress->fraction = fraction;
  g_main_context_invoke_full (export->context, G_PRIORITY_DEFAULT, progress_cb, progress, g_free);
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportData *export = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(CrStore) store = NULL;
  g_autoptr(CrSheet) sheet = NULL;

  /* A connection of its own: a store belongs to one thread. */
  store = cr_store_open_unwatched (export->database, &error);
  if (store != NULL && export->operator_name != NULL)
    cr_store_set_operator (store, export->operator_name);
  if (store != NULL)
    sheet = cr_sheet_new (store, &export->options, &error);
  if (sheet == NULL ||
      !cr_sheet_export_pdf (sheet, export->path, cancellable,
                           export->progress != NULL ? thread_progress : NULL, export, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_task_return_boolean (task, TRUE);
}

/**
 * cr_sheet_export_pdf_async:
 * @progress: (nullable): called in the caller's thread-default main
 *   context; @progress_data must stay valid until @callback is called
 *
 * Writes the sheet in a worker thread, which opens the store's file
 * again: the caller's store is not used from another thread.
 */
void
cr_sheet_export_pdf_async (CrStore              *store,
                           const CrSheetOptions *options,
                           const char           *path,
                           GCancellable         *cancellable,
                           CrSheetProgressFunc   progress,
                           gpointer              progress_data,
                           GAsyncReadyCallback   callback,
                           gpointer              user_data)
{
  g_autoptr(GTask) task = NULL;
  ExportData *export;

  g_return_if_fail (CR_IS_STORE (store));
  g_return_if_fail (options != NULL);
  g_return_if_fail (path != NULL);

  export = g_new0 (ExportData, 1);
  export->database = g_strdup (cr_store_get_path (store));
  export->operator_name = g_strdup (cr_store_get_operator (store));
  cr_sheet_options_copy (options, &export->options);
  export->path = g_strdup (path);
  export->progress = progress;
  export->progress_data = progress_data;
  export->context = g_main_context_ref_thread_default ();

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, cr_sheet_export_pdf_async);
  g_task_set_task_data (task, export, export_data_free);
  g_task_run_in_thread (task, export_thread);
}

gboolean
cr_sheet_export_pdf_finish (GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
