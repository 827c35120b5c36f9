/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cr-activation-page"

#include "config.h"

#include <glib/gi18n.h>

#include "cr-activation-page-private.h"
#include "cr-activation-report.h"
#include "cr-handover-dialog.h"
#include "cr-ops-utils.h"
#include "cr-text-prompt.h"

/* What the Activation page does to the store: ticking (a reason asked
 * for "not applicable" and un-ticking), opening and closing activations,
 * the handover and the report. Every write goes through the store, and
 * the page then shows what the store says. */

/* What a prompt's answer applies to: an item and the state asked for
 * it, or the activation to close. */
typedef struct
{
  CrActivationPage *page;
  gint64 id;
  CrItemState state;
} Request;

static Request *
request_new (CrActivationPage *page,
             gint64            id,
             CrItemState       state)
{
  Request *request = g_new (Request, 1);

  request->page = g_object_ref (page);
  request->id = id;
  request->state = state;
  return request;
}

static void
request_free (gpointer data)
{
  Request *request = data;

  g_clear_object (&request->page);
  g_free (request);
}

/* ---- Ticking ---- */

static void
set_state (CrActivationPage *self,
           gint64            item_id,
           CrItemState       state,
           const char       *reason)
{
  g_autoptr(GError) error = NULL;

  if (!cr_store_set_item_state (self->store, item_id, state, reason, NULL, &error))
    cr_ops_show_error (GTK_WIDGET (self), error->message);
  cr_activation_page_refresh (self);
}

static void
reason_given_cb (const char *reason,
                 gpointer    user_data)
{
  Request *request = user_data;

  set_state (request->page, request->id, request->state, reason);
}

static void
ask_reason (CrActivationPage *self,
            CrActivationItem *item,
            CrItemState       state)
{
  Request *request = request_new (self, cr_record_get_id (CR_RECORD (item)), state);
  const char *text = cr_activation_item_get_text (item);
  g_autofree char *body = NULL;

  if (state == CR_ITEM_STATE_NOT_APPLICABLE)
    {
      /* Translators: %s is a checklist item */
      body = g_strdup_printf (_("Say why “%s” does not apply to this activation. The reason stays "
                                "with the item and in the activation report."),
                              text);
      cr_text_prompt_new (GTK_WIDGET (self), _("Not Applicable?"), body, _("Reason"),
                          _("Mark _Not Applicable"), FALSE, reason_given_cb, request, request_free);
      return;
    }
  if (cr_activation_item_get_state (item) == CR_ITEM_STATE_DONE)
    /* Translators: %s is a checklist item */
    body = g_strdup_printf (_("“%s” is ticked done. Say why it is not done after all: the reason goes "
                              "into the logbook."),
                            text);
  else
    /* Translators: %s is a checklist item */
    body = g_strdup_printf (_("“%s” is marked not applicable. Say why it applies after all: the reason "
                              "goes into the logbook."),
                            text);
  cr_text_prompt_new (GTK_WIDGET (self), _("Un-tick Item?"), body, _("Reason"), _("_Un-tick"), FALSE,
                      reason_given_cb, request, request_free);
}

void
_cr_activation_page_toggle_requested_cb (CrActivationPage *self,
                     CrChecklistRow   *row)
{
  CrActivationItem *item = cr_checklist_row_get_item (row);

  if (item == NULL || _cr_activation_page_is_read_only (self))
    return;
  /* Ticking done is one click; going back needs a reason. */
  if (cr_activation_item_get_state (item) == CR_ITEM_STATE_OPEN)
    set_state (self, cr_record_get_id (CR_RECORD (item)), CR_ITEM_STATE_DONE, NULL);
  else
    ask_reason (self, item, CR_ITEM_STATE_OPEN);
}

void
_cr_activation_page_not_applicable_requested_cb (CrActivationPage *self,
                             CrChecklistRow   *row)
{
  CrActivationItem *item = cr_checklist_row_get_item (row);

  if (item == NULL || _cr_activation_page_is_read_only (self) || cr_activation_item_get_state (item) != CR_ITEM_STATE_OPEN)
    return;
  ask_reason (self, item, CR_ITEM_STATE_NOT_APPLICABLE);
}

/* ---- Actions ---- */

static void
opened_cb (CrActivationPage   *self,
           gint64              activation_id,
           CrActivationDialog *dialog)
{
  cr_activation_page_show_activation (self, activation_id);
  cr_ops_add_toast (GTK_WIDGET (self), adw_toast_new (_("Activation opened; its checklist is ready")));
}

static void
page_action_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  CrActivationPage *self = CR_ACTIVATION_PAGE (widget);

  if (g_str_equal (action_name, "activation.open"))
    gtk_window_present (GTK_WINDOW (cr_activation_page_open_dialog (self)));
  else if (g_str_equal (action_name, "activation.close"))
    cr_activation_page_ask_close (self);
  else
    gtk_window_present (GTK_WINDOW (cr_handover_dialog_new (self->store, self->settings,
                                                            cr_ops_parent_window (widget))));
}

static gpointer
report_ref (gpointer report)
{
  return cr_activation_report_ref (report);
}

static void
report_unref (gpointer report)
{
  cr_activation_report_unref (report);
}

static void
report_export (gpointer             report,
               const char          *path,
               GCancellable        *cancellable,
               GAsyncReadyCallback  callback,
               gpointer             user_data)
{
  cr_activation_report_export_async (report, path, cancellable, callback, user_data);
}

/* The report, as the store has it now; %NULL after a toast saying why. */
static CrActivationReport *
make_report (CrActivationPage *self)
{
  g_autoptr(GError) error = NULL;
  CrActivationReport *report;

  if (self->activation == NULL)
    return NULL;
  report = cr_activation_report_new (self->store, cr_record_get_id (CR_RECORD (self->activation)), &error);
  if (report == NULL)
    cr_ops_show_error (GTK_WIDGET (self), error->message);
  return report;
}

static void
export_report (CrActivationPage *self,
               const char       *format,
               const char       *path)
{
  g_autoptr(CrActivationReport) report = make_report (self);
  g_autofree char *suffix = NULL;
  g_autofree char *file_name = NULL;
  gboolean pdf = g_strcmp0 (format, "pdf") == 0;
  CrOpsExport export = { 0 };

  if (report == NULL)
    return;
  suffix = g_strdup_printf (" – %s.%s", _("report"), pdf ? "pdf" : "csv");
  file_name = cr_ops_file_name (cr_activation_get_name (self->activation), suffix);
  export.title = _("Export Activation Report");
  export.file_name = file_name;
  export.filter_name = pdf ? _("PDF documents") : _("CSV spreadsheets");
  export.suffix = pdf ? "pdf" : "csv";
  export.done_message = _("Activation report exported");
  export.report = report;
  export.report_ref = report_ref;
  export.report_unref = report_unref;
  export.export = report_export;
  export.finish = cr_activation_report_export_finish;
  if (path != NULL)
    cr_ops_export_to_path (GTK_WIDGET (self), &export, path);
  else
    cr_ops_export_choose (GTK_WIDGET (self), &export);
}

static void
export_report_activated (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  export_report (CR_ACTIVATION_PAGE (widget), g_variant_get_string (parameter, NULL), NULL);
}

void
_cr_activation_page_install_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "activation.open", NULL, page_action_activated);
  gtk_widget_class_install_action (widget_class, "activation.close", NULL, page_action_activated);
  gtk_widget_class_install_action (widget_class, "activation.handover", NULL, page_action_activated);
  gtk_widget_class_install_action (widget_class, "activation.export-report", "s", export_report_activated);
}

/**
 * cr_activation_page_open_dialog:
 *
 * What "Open Activation…" does: a dialog for the event shown (or an
 * incident), which shows the new activation here once opened.
 *
 * Returns: (transfer none): the dialog, not yet presented
 */
CrActivationDialog *
cr_activation_page_open_dialog (CrActivationPage *self)
{
  g_autoptr(CrEvent) event = NULL;
  CrActivationDialog *dialog;

  g_return_val_if_fail (CR_IS_ACTIVATION_PAGE (self), NULL);

  if (self->event_id > 0)
    event = cr_store_get (self->store, CR_TYPE_EVENT, self->event_id, NULL);
  dialog = cr_activation_dialog_new (self->store, event, cr_ops_parent_window (GTK_WIDGET (self)));
  g_signal_connect_object (dialog, "opened", G_CALLBACK (opened_cb), self, G_CONNECT_SWAPPED);
  return dialog;
}

static void
closing_note_cb (const char *note,
                 gpointer    user_data)
{
  Request *request = user_data;
  g_autoptr(GError) error = NULL;

  if (!cr_store_close_activation (request->page->store, request->id, note, NULL, &error))
    cr_ops_show_error (GTK_WIDGET (request->page), error->message);
  else
    cr_ops_add_toast (GTK_WIDGET (request->page),
                      adw_toast_new (_("Activation closed; its checklist is now read-only")));
  cr_activation_page_refresh (request->page);
}

/**
 * cr_activation_page_ask_close:
 *
 * What "Close Activation…" does: asks the closing note, then closes the
 * activation shown.
 *
 * Returns: (transfer none) (nullable): the prompt, or %NULL when there
 *   is nothing to close
 */
AdwMessageDialog *
cr_activation_page_ask_close (CrActivationPage *self)
{
  Request *request;
  g_autofree char *body = NULL;
  g_autoptr(GListModel) items = NULL;
  guint n_open = 0;

  g_return_val_if_fail (CR_IS_ACTIVATION_PAGE (self), NULL);

  if (_cr_activation_page_is_read_only (self))
    return NULL;
  items = cr_store_list_activation_items (self->store, cr_record_get_id (CR_RECORD (self->activation)), 0, NULL);
  for (guint i = 0; items != NULL && i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(CrActivationItem) item = g_list_model_get_item (items, i);

      n_open += cr_activation_item_get_state (item) == CR_ITEM_STATE_OPEN;
    }
  request = request_new (self, cr_record_get_id (CR_RECORD (self->activation)), CR_ITEM_STATE_OPEN);
  /* Translators: %s is the activation's name */
  body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "Closing makes “%s” and its checklist read-only; %u item is still "
                                       "open. Write why the activation ends and what, if anything, remains "
                                       "to do: the note goes into the logbook.",
                                       "Closing makes “%s” and its checklist read-only; %u items are still "
                                       "open. Write why the activation ends and what, if anything, remains "
                                       "to do: the note goes into the logbook.",
                                       n_open),
                          cr_activation_get_name (self->activation), n_open);
  return cr_text_prompt_new (GTK_WIDGET (self), _("Close Activation?"), body, _("Closing note"),
                             _("_Close Activation"), TRUE, closing_note_cb, request, request_free);
}

/* Exports the report of the activation shown to @path (.pdf or .csv), in
 * a worker thread; a toast says when it is done. */
void
cr_activation_page_export_report (CrActivationPage *self,
                                  const char       *path)
{
  g_return_if_fail (CR_IS_ACTIVATION_PAGE (self));
  g_return_if_fail (path != NULL);

  export_report (self, g_str_has_suffix (path, ".csv") ? "csv" : "pdf", path);
}
