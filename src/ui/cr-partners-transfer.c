/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cr-partners-page"

#include "config.h"

#include <glib/gi18n.h>

#include "cr-contact-export.h"
#include "cr-contact-import-dialog.h"
#include "cr-ops-utils.h"
#include "cr-partners-page-private.h"
#include "cr-review-file.h"
#include "cr-review-import-dialog.h"
#include "cr-review-import.h"

/* Personal data out of and into the directory, from the Partners page.
 * An export first says, in a dialog, what leaves (the store's own
 * description of it), then asks where; it runs in a worker thread with
 * a store of its own on the same file, and the export functions write
 * the audit log in the same transaction as the file. A bar under the
 * search shows the progress, a toast the result. */

typedef struct
{
  CrPartnersPage *page;
  CrPartnersExport what;
  gint64 partner_id;
  char *partner_name;
  char *db_path;
  char *operator_name;
  char *path;
  guint n_contacts;
} ExportJob;

static void
export_job_free (gpointer data)
{
  ExportJob *job = data;

  g_clear_object (&job->page);
  g_free (job->partner_name);
  g_free (job->db_path);
  g_free (job->operator_name);
  g_free (job->path);
  g_free (job);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ExportJob, export_job_free)

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportJob *job = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(CrStore) store = cr_store_open_unwatched (job->db_path, &error);
  gboolean ok;

  if (store == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  cr_store_set_operator (store, job->operator_name);
  switch (job->what)
    {
    case CR_PARTNERS_EXPORT_REVIEW_FILE:
      ok = cr_review_file_export (store, job->partner_id, job->path, &job->n_contacts, &error);
      break;
    case CR_PARTNERS_EXPORT_VCARD:
      ok = cr_contacts_export_file (store, job->partner_id, CR_CONTACTS_FORMAT_VCARD, NULL, job->path,
                                    &job->n_contacts, &error);
      break;
    case CR_PARTNERS_EXPORT_CSV:
    case CR_PARTNERS_EXPORT_REVIEW_SHEET:
    default:
      ok = cr_contacts_export_file (store, job->partner_id, CR_CONTACTS_FORMAT_CSV, NULL, job->path,
                                    &job->n_contacts, &error);
      break;
    }
  if (ok)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

static void
export_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  ExportJob *job = g_task_get_task_data (G_TASK (result));
  CrPartnersPage *page = job->page;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  g_autofree char *basename = g_path_get_basename (job->path);
  AdwToast *toast;

  if (--page->transfers == 0)
    _cr_partners_page_progress (page, NULL);
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      _cr_partners_page_error (page, error->message);
      _cr_partners_page_transfer_finished (page, FALSE, error->message);
      return;
    }
  if (job->what == CR_PARTNERS_EXPORT_REVIEW_FILE)
    /* Translators: %s is a file name. */
    title = g_strdup_printf (_("Review file written to %s: send it to the SPOC"), basename);
  else
    title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Exported %u contact to %s",
                                          "Exported %u contacts to %s", job->n_contacts),
                             job->n_contacts, basename);
  if (job->what == CR_PARTNERS_EXPORT_REVIEW_FILE)
    toast = adw_toast_new (title);
  else
    {
      g_autoptr(GFile) file = g_file_new_for_path (job->path);

      toast = cr_ops_open_toast_new (GTK_WIDGET (page), title, _("_Open"), file);
    }
  _cr_partners_page_toast (page, toast);
  _cr_partners_page_transfer_finished (page, TRUE, title);
}

static void
start_export (ExportJob *job)
{
  g_autoptr(GTask) task = g_task_new (NULL, NULL, export_done_cb, NULL);

  _cr_partners_page_progress (job->page, _("Exporting the contacts…"));
  job->page->transfers++;
  g_task_set_task_data (task, job, export_job_free);
  g_task_run_in_thread (task, export_thread);
}

static void
export_path_cb (gpointer    data,
                const char *path)
{
  ExportJob *job = data;

  job->path = g_strdup (path);
  start_export (job);
}

static void
choose_export_file (ExportJob *job)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = NULL;
  const char *suffix;
  const char *title;

  switch (job->what)
    {
    case CR_PARTNERS_EXPORT_REVIEW_FILE:
      title = _("Export Review File");
      gtk_file_filter_set_name (filter, _("Crisis Room review files"));
      gtk_file_filter_add_suffix (filter, "crreview");
      suffix = ".crreview";
      break;
    case CR_PARTNERS_EXPORT_VCARD:
      title = _("Export Contacts as vCard");
      gtk_file_filter_set_name (filter, _("vCard files"));
      gtk_file_filter_add_mime_type (filter, "text/vcard");
      gtk_file_filter_add_suffix (filter, "vcf");
      suffix = ".vcf";
      break;
    case CR_PARTNERS_EXPORT_REVIEW_SHEET:
      title = _("Export Review Sheet");
      gtk_file_filter_set_name (filter, _("CSV files"));
      gtk_file_filter_add_mime_type (filter, "text/csv");
      gtk_file_filter_add_suffix (filter, "csv");
      /* Translators: added to a partner's name to make a file name. */
      suffix = _(" – review sheet.csv");
      break;
    case CR_PARTNERS_EXPORT_CSV:
    default:
      title = _("Export Contacts as CSV");
      gtk_file_filter_set_name (filter, _("CSV files"));
      gtk_file_filter_add_mime_type (filter, "text/csv");
      gtk_file_filter_add_suffix (filter, "csv");
      suffix = ".csv";
      break;
    }
  name = cr_ops_file_name_or (job->partner_name, _("Crisis contacts"), suffix);
  cr_ops_choose_path (GTK_WIDGET (job->page), GTK_FILE_CHOOSER_ACTION_SAVE, title, filter, name, export_path_cb,
                      job, export_job_free);
}

static void
confirm_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     gpointer          user_data)
{
  g_autoptr(ExportJob) job = user_data;

  if (g_strcmp0 (response, "export") != 0)
    return;
  if (job->path != NULL)
    start_export (g_steal_pointer (&job));
  else
    choose_export_file (g_steal_pointer (&job));
}

/**
 * cr_partners_page_export:
 * @partner_id: the partner, or 0 for the whole directory (CSV, vCard)
 * @path: (nullable): the file to write; %NULL to ask with a file chooser
 *
 * Starts an export of personal data: first the dialog that says what
 * leaves the application, in the window.
 *
 * Returns: (transfer none) (nullable): the confirmation dialog
 */
AdwMessageDialog *
cr_partners_page_export (CrPartnersPage   *self,
                         CrPartnersExport  what,
                         gint64            partner_id,
                         const char       *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *description = NULL;
  g_autofree char *body = NULL;
  g_autoptr(CrPartner) partner = NULL;
  AdwMessageDialog *dialog;
  ExportJob *job;

  g_return_val_if_fail (CR_IS_PARTNERS_PAGE (self), NULL);
  g_return_val_if_fail (partner_id > 0 || what == CR_PARTNERS_EXPORT_CSV || what == CR_PARTNERS_EXPORT_VCARD,
                        NULL);

  if (partner_id > 0 && (partner = cr_store_get (self->store, CR_TYPE_PARTNER, partner_id, &error)) == NULL)
    {
      _cr_partners_page_error (self, error->message);
      return NULL;
    }
  description = cr_contacts_export_describe (self->store, partner_id, &error);
  if (description == NULL)
    {
      _cr_partners_page_error (self, error->message);
      return NULL;
    }
  /* The description already says that the audit log records it. */
  switch (what)
    {
    case CR_PARTNERS_EXPORT_REVIEW_FILE:
      body = g_strconcat (description, "\n\n",
                          _("The SPOC opens the file with Crisis Room (crisis-room --review FILE), "
                            "corrects and confirms the contacts, and sends it back for you to "
                            "import."),
                          NULL);
      break;
    case CR_PARTNERS_EXPORT_REVIEW_SHEET:
      body = g_strconcat (description, "\n\n",
                          _("A spreadsheet for the SPOC to check their organisation’s list."), NULL);
      break;
    case CR_PARTNERS_EXPORT_CSV:
    case CR_PARTNERS_EXPORT_VCARD:
    default:
      body = g_strdup (description);
      break;
    }

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (_cr_partners_page_window (self),
                                                       _("Export Personal Data?"), body));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"),
                                    "export", path != NULL ? _("_Export") : _("_Export…"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "export", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "export");
  adw_message_dialog_set_close_response (dialog, "cancel");

  job = g_new0 (ExportJob, 1);
  job->page = g_object_ref (self);
  job->what = what;
  job->partner_id = partner_id;
  job->partner_name = g_strdup (partner != NULL ? cr_partner_get_name (partner) : NULL);
  job->db_path = g_strdup (cr_store_get_path (self->store));
  job->operator_name = g_strdup (cr_store_get_operator (self->store));
  job->path = g_strdup (path);
  g_signal_connect (dialog, "response", G_CALLBACK (confirm_response_cb), job);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

/* ---- Imports ---- */

static void
import_finished_cb (CrContactImportDialog *dialog,
                    gboolean               success,
                    const char            *message,
                    CrPartnersPage        *self)
{
  if (success)
    _cr_partners_page_toast (self, adw_toast_new (message));
  cr_partners_page_refresh (self);
  _cr_partners_page_transfer_finished (self, success, message);
}

static GtkWindow *
open_import_dialog (CrPartnersPage *self,
                    const char     *path)
{
  CrContactImportDialog *dialog = cr_contact_import_dialog_new (_cr_partners_page_window (self), self->store);

  g_signal_connect_object (dialog, "finished", G_CALLBACK (import_finished_cb), self, 0);
  cr_contact_import_dialog_load_file (dialog, path);
  gtk_window_present (GTK_WINDOW (dialog));
  return GTK_WINDOW (dialog);
}

static void
review_applied_cb (CrReviewImportDialog *dialog,
                   guint                 n_applied,
                   CrPartnersPage       *self)
{
  g_autofree char *title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u change from the SPOC applied",
                                                         "%u changes from the SPOC applied", n_applied),
                                            n_applied);

  cr_partners_page_select_partner (self, cr_review_import_get_partner_id (cr_review_import_dialog_get_import (dialog)));
  cr_partners_page_refresh (self);
  _cr_partners_page_toast (self, adw_toast_new (title));
}

static GtkWindow *
open_review_dialog (CrPartnersPage *self,
                    const char     *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrReviewImport) import = cr_review_import_load (self->store, path, &error);
  CrReviewImportDialog *dialog;

  if (import == NULL)
    {
      g_autofree char *basename = g_path_get_basename (path);
      /* Translators: a file name, then what is wrong with it. */
      g_autofree char *message = g_strdup_printf (_("%s: %s"), basename, error->message);

      _cr_partners_page_error (self, message);
      return NULL;
    }
  dialog = cr_review_import_dialog_new (_cr_partners_page_window (self), self->store, import);
  g_signal_connect_object (dialog, "applied", G_CALLBACK (review_applied_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return GTK_WINDOW (dialog);
}

static void
contacts_path_cb (gpointer    self,
                  const char *path)
{
  open_import_dialog (self, path);
  g_object_unref (self);
}

static void
review_path_cb (gpointer    self,
                const char *path)
{
  open_review_dialog (self, path);
  g_object_unref (self);
}

static void
choose_import_file (CrPartnersPage *self,
                    gboolean        review)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  if (review)
    {
      gtk_file_filter_set_name (filter, _("Crisis Room review files"));
      gtk_file_filter_add_suffix (filter, "crreview");
    }
  else
    {
      gtk_file_filter_set_name (filter, _("CSV and vCard files"));
      gtk_file_filter_add_mime_type (filter, "text/csv");
      gtk_file_filter_add_mime_type (filter, "text/vcard");
      gtk_file_filter_add_suffix (filter, "csv");
      gtk_file_filter_add_suffix (filter, "vcf");
    }
  cr_ops_choose_path (GTK_WIDGET (self), GTK_FILE_CHOOSER_ACTION_OPEN,
                      review ? _("Import Review File") : _("Import Contacts"), filter, NULL,
                      review ? review_path_cb : contacts_path_cb, g_object_ref (self), g_object_unref);
}

/**
 * cr_partners_page_import_contacts:
 * @path: (nullable): a CSV or vCard file; %NULL to ask with a file chooser
 *
 * Returns: (transfer none) (nullable): the import dialog, on @path
 */
GtkWindow *
cr_partners_page_import_contacts (CrPartnersPage *self,
                                  const char     *path)
{
  g_return_val_if_fail (CR_IS_PARTNERS_PAGE (self), NULL);

  if (path == NULL)
    {
      choose_import_file (self, FALSE);
      return NULL;
    }
  return open_import_dialog (self, path);
}

/**
 * cr_partners_page_import_review_file:
 * @path: (nullable): a review file back from a SPOC; %NULL to ask
 *
 * Returns: (transfer none) (nullable): the dialog of the changes, on @path
 */
GtkWindow *
cr_partners_page_import_review_file (CrPartnersPage *self,
                                     const char     *path)
{
  g_return_val_if_fail (CR_IS_PARTNERS_PAGE (self), NULL);

  if (path == NULL)
    {
      choose_import_file (self, TRUE);
      return NULL;
    }
  return open_review_dialog (self, path);
}

/* ---- Actions ---- */

static void
transfer_activated (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  CrPartnersPage *self = CR_PARTNERS_PAGE (widget);

  if (g_str_equal (action_name, "partners.import-contacts"))
    cr_partners_page_import_contacts (self, NULL);
  else if (g_str_equal (action_name, "partners.import-review"))
    cr_partners_page_import_review_file (self, NULL);
  else if (g_str_equal (action_name, "partners.export-all-csv"))
    cr_partners_page_export (self, CR_PARTNERS_EXPORT_CSV, 0, NULL);
  else if (g_str_equal (action_name, "partners.export-all-vcard"))
    cr_partners_page_export (self, CR_PARTNERS_EXPORT_VCARD, 0, NULL);
  else if (self->selected_id == 0)
    return;
  else if (g_str_equal (action_name, "partners.export-csv"))
    cr_partners_page_export (self, CR_PARTNERS_EXPORT_CSV, self->selected_id, NULL);
  else if (g_str_equal (action_name, "partners.export-vcard"))
    cr_partners_page_export (self, CR_PARTNERS_EXPORT_VCARD, self->selected_id, NULL);
  else if (g_str_equal (action_name, "partners.export-review-sheet"))
    cr_partners_page_export (self, CR_PARTNERS_EXPORT_REVIEW_SHEET, self->selected_id, NULL);
  else if (g_str_equal (action_name, "partners.export-review-file"))
    cr_partners_page_export (self, CR_PARTNERS_EXPORT_REVIEW_FILE, self->selected_id, NULL);
}

void
_cr_partners_transfer_install (GtkWidgetClass *widget_class)
{
  const char *const actions[] = {
    "partners.import-contacts", "partners.import-review", "partners.export-all-csv",
    "partners.export-all-vcard", "partners.export-csv", "partners.export-vcard",
    "partners.export-review-sheet", "partners.export-review-file",
  };

  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    gtk_widget_class_install_action (widget_class, actions[i], NULL, transfer_activated);
}
