/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cr-event-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "cr-datetime-row.h"
#include "cr-enum-types.h"
#include "cr-event-dialog.h"
#include "cr-labels.h"
#include "cr-ui-utils.h"

/**
 * CrEventDialog:
 *
 * Creates an event (name, kind, status, start and end) or renames one.
 * The accept button writes at once through the store; what the store
 * refuses (a name taken meanwhile, a full disk) shows in the dialog,
 * which stays open so nothing typed is lost. #CrEventDialog::saved
 * tells the new or renamed event's id.
 */
struct _CrEventDialog
{
  AdwWindow parent_instance;

  AdwWindowTitle *window_title;
  GtkButton *accept_button;
  AdwEntryRow *name_row;
  AdwComboRow *kind_row;
  AdwComboRow *status_row;
  CrDatetimeRow *starts_row;
  CrDatetimeRow *ends_row;
  GtkLabel *error_label;

  CrStore *store;
  CrEvent *event; /* the event renamed, or NULL when creating */
};

G_DEFINE_FINAL_TYPE (CrEventDialog, cr_event_dialog, ADW_TYPE_WINDOW)

enum
{
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
set_row_error (GtkWidget *row,
               gboolean   error)
{
  if (error)
    gtk_widget_add_css_class (row, "error");
  else
    gtk_widget_remove_css_class (row, "error");
}

/* Checks the form; @error (when given) says what is wrong first. An
 * empty name disables the button without a message until the user tries
 * to save. */
static gboolean
check (CrEventDialog *self,
       gboolean       saving,
       char         **message)
{
  const char *name = gtk_editable_get_text (GTK_EDITABLE (self->name_row));
  gint64 except_id = self->event ? cr_record_get_id (CR_RECORD (self->event)) : 0;
  g_autoptr(GError) error = NULL;
  GDateTime *starts, *ends;
  gboolean name_ok, range_ok;

  name_ok = cr_store_check_event_name (self->store, name, except_id, &error);
  set_row_error (GTK_WIDGET (self->name_row),
                 !name_ok && (saving || !g_error_matches (error, CR_STORE_ERROR,
                                                          CR_STORE_ERROR_INVALID)));
  if (!name_ok)
    {
      if (saving || !g_error_matches (error, CR_STORE_ERROR, CR_STORE_ERROR_INVALID))
        *message = g_strdup (error->message);
      return FALSE;
    }
  if (self->event != NULL)
    return TRUE;

  if (!cr_datetime_row_get_valid (self->starts_row) || !cr_datetime_row_get_valid (self->ends_row))
    {
      const char *row_error = cr_datetime_row_get_error (self->starts_row);

      if (row_error == NULL)
        row_error = cr_datetime_row_get_error (self->ends_row);
      if (saving)
        *message = g_strdup (row_error);
      return FALSE;
    }
  starts = cr_datetime_row_get_datetime (self->starts_row);
  ends = cr_datetime_row_get_datetime (self->ends_row);
  range_ok = starts == NULL || ends == NULL || g_date_time_compare (ends, starts) >= 0;
  set_row_error (GTK_WIDGET (self->ends_row), !range_ok);
  if (!range_ok)
    {
      *message = g_strdup (_("The event cannot end before it starts. Change its end or its start."));
      return FALSE;
    }
  return TRUE;
}

static void
validate_cb (CrEventDialog *self)
{
  g_autofree char *message = NULL;
  gboolean ok;

  if (self->store == NULL)
    return;
  ok = check (self, FALSE, &message);
  gtk_widget_set_sensitive (GTK_WIDGET (self->accept_button), ok);
  cr_ui_show_error_label (self->error_label, message);
}

static gboolean
save_create (CrEventDialog *self,
             const char    *name,
             GError       **error)
{
  g_autoptr(CrEvent) event = cr_event_new ();

  cr_event_set_name (event, name);
  cr_event_set_kind (event, adw_combo_row_get_selected (self->kind_row));
  cr_event_set_status (event, adw_combo_row_get_selected (self->status_row));
  cr_event_set_starts (event, cr_datetime_row_get_datetime (self->starts_row));
  cr_event_set_ends (event, cr_datetime_row_get_datetime (self->ends_row));
  if (!cr_store_insert (self->store, CR_RECORD (event), error))
    return FALSE;
  g_signal_emit (self, signals[SAVED], 0, cr_record_get_id (CR_RECORD (event)));
  return TRUE;
}

static gboolean
save_rename (CrEventDialog *self,
             const char    *name,
             GError       **error)
{
  g_autoptr(CrEvent) event = cr_record_copy (CR_RECORD (self->event));

  cr_event_set_name (event, name);
  if (!cr_store_update (self->store, CR_RECORD (event), error))
    return FALSE;
  g_signal_emit (self, signals[SAVED], 0, cr_record_get_id (CR_RECORD (event)));
  return TRUE;
}

static void
accept_clicked_cb (CrEventDialog *self)
{
  cr_event_dialog_save (self);
}

static void
cr_event_dialog_dispose (GObject *object)
{
  CrEventDialog *self = CR_EVENT_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CR_TYPE_EVENT_DIALOG);
  g_clear_object (&self->store);
  g_clear_object (&self->event);

  G_OBJECT_CLASS (cr_event_dialog_parent_class)->dispose (object);
}

static void
cr_event_dialog_class_init (CrEventDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cr_event_dialog_dispose;

  /**
   * CrEventDialog::saved:
   * @event_id: the event created or renamed
   *
   * Emitted once the store has the change, before the dialog closes.
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                 NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  g_type_ensure (CR_TYPE_DATETIME_ROW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/cr-event-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CrEventDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, CrEventDialog, accept_button);
  gtk_widget_class_bind_template_child (widget_class, CrEventDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, CrEventDialog, kind_row);
  gtk_widget_class_bind_template_child (widget_class, CrEventDialog, status_row);
  gtk_widget_class_bind_template_child (widget_class, CrEventDialog, starts_row);
  gtk_widget_class_bind_template_child (widget_class, CrEventDialog, ends_row);
  gtk_widget_class_bind_template_child (widget_class, CrEventDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, validate_cb);
  gtk_widget_class_bind_template_callback (widget_class, accept_clicked_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

/* The labels of an enumeration, in the order of its values. */
static GListModel *
enum_labels (GType        type,
             const char *(*label) (int value))
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (type);
  GtkStringList *list = gtk_string_list_new (NULL);

  for (guint i = 0; i < klass->n_values; i++)
    gtk_string_list_append (list, label (klass->values[i].value));
  return G_LIST_MODEL (list);
}

static const char *
kind_label (int value)
{
  return cr_event_kind_label (value);
}

static const char *
status_label (int value)
{
  return cr_event_status_label (value);
}

static void
cr_event_dialog_init (CrEventDialog *self)
{
  g_autoptr(GListModel) kinds = enum_labels (CR_TYPE_EVENT_KIND, kind_label);
  g_autoptr(GListModel) statuses = enum_labels (CR_TYPE_EVENT_STATUS, status_label);

  gtk_widget_init_template (GTK_WIDGET (self));
  adw_combo_row_set_model (self->kind_row, kinds);
  adw_combo_row_set_model (self->status_row, statuses);
}

static CrEventDialog *
dialog_new (CrStore   *store,
            GtkWindow *parent)
{
  CrEventDialog *self = g_object_new (CR_TYPE_EVENT_DIALOG, "transient-for", parent, NULL);

  self->store = g_object_ref (store);
  return self;
}

/**
 * cr_event_dialog_new_create:
 * @parent: (nullable): the window it belongs to
 *
 * Returns: (transfer none): a dialog for a new event, not yet shown;
 *   it is destroyed when closed
 */
CrEventDialog *
cr_event_dialog_new_create (CrStore   *store,
                            GtkWindow *parent)
{
  CrEventDialog *self;

  g_return_val_if_fail (CR_IS_STORE (store), NULL);

  self = dialog_new (store, parent);
  gtk_window_set_title (GTK_WINDOW (self), _("New Event"));
  adw_window_title_set_title (self->window_title, _("New Event"));
  gtk_button_set_label (self->accept_button, _("C_reate"));
  adw_combo_row_set_selected (self->kind_row, CR_EVENT_KIND_VISIT);
  adw_combo_row_set_selected (self->status_row, CR_EVENT_STATUS_PLANNING);
  validate_cb (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
  return self;
}

/**
 * cr_event_dialog_new_rename:
 * @parent: (nullable): the window it belongs to
 *
 * Returns: (transfer none): a dialog to rename @event, not yet shown;
 *   it is destroyed when closed
 */
CrEventDialog *
cr_event_dialog_new_rename (CrStore   *store,
                            CrEvent   *event,
                            GtkWindow *parent)
{
  CrEventDialog *self;

  g_return_val_if_fail (CR_IS_STORE (store), NULL);
  g_return_val_if_fail (CR_IS_EVENT (event), NULL);

  self = dialog_new (store, parent);
  self->event = cr_record_copy (CR_RECORD (event));
  gtk_window_set_title (GTK_WINDOW (self), _("Rename Event"));
  adw_window_title_set_title (self->window_title, _("Rename Event"));
  adw_window_title_set_subtitle (self->window_title, cr_event_get_name (event));
  gtk_button_set_label (self->accept_button, _("_Rename"));
  gtk_widget_set_visible (GTK_WIDGET (self->kind_row), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->status_row), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->starts_row), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->ends_row), FALSE);
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), cr_event_get_name (event));
  validate_cb (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
  return self;
}

void
cr_event_dialog_set_name (CrEventDialog *self,
                          const char    *name)
{
  g_return_if_fail (CR_IS_EVENT_DIALOG (self));

  gtk_editable_set_text (GTK_EDITABLE (self->name_row), name != NULL ? name : "");
}

void
cr_event_dialog_set_kind (CrEventDialog *self,
                          CrEventKind    kind)
{
  g_return_if_fail (CR_IS_EVENT_DIALOG (self));

  adw_combo_row_set_selected (self->kind_row, kind);
}

void
cr_event_dialog_set_status (CrEventDialog *self,
                            CrEventStatus  status)
{
  g_return_if_fail (CR_IS_EVENT_DIALOG (self));

  adw_combo_row_set_selected (self->status_row, status);
}

void
cr_event_dialog_set_starts (CrEventDialog *self,
                            GDateTime     *starts)
{
  g_return_if_fail (CR_IS_EVENT_DIALOG (self));

  cr_datetime_row_set_datetime (self->starts_row, starts);
}

void
cr_event_dialog_set_ends (CrEventDialog *self,
                          GDateTime     *ends)
{
  g_return_if_fail (CR_IS_EVENT_DIALOG (self));

  cr_datetime_row_set_datetime (self->ends_row, ends);
}

/**
 * cr_event_dialog_save:
 *
 * What the accept button does: checks the form, writes through the
 * store, emits #CrEventDialog::saved and closes. When something is wrong
 * the dialog stays open and says what.
 *
 * Returns: %TRUE when the change is stored
 */
gboolean
cr_event_dialog_save (CrEventDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  g_autofree char *name = NULL;
  gboolean ok;

  g_return_val_if_fail (CR_IS_EVENT_DIALOG (self), FALSE);

  if (!check (self, TRUE, &message))
    {
      cr_ui_show_error_label (self->error_label, message);
      gtk_widget_set_sensitive (GTK_WIDGET (self->accept_button), FALSE);
      return FALSE;
    }
  name = cr_ui_entry_text (self->name_row);
  if (self->event != NULL)
    ok = save_rename (self, name, &error);
  else
    ok = save_create (self, name, &error);
  if (!ok)
    {
      cr_ui_show_error_label (self->error_label, error->message);
      return FALSE;
    }
  gtk_window_close (GTK_WINDOW (self));
  return TRUE;
}

/**
 * cr_event_dialog_get_error:
 *
 * Returns: (nullable): the message the dialog shows, or %NULL
 */
const char *
cr_event_dialog_get_error (CrEventDialog *self)
{
  g_return_val_if_fail (CR_IS_EVENT_DIALOG (self), NULL);

  if (!gtk_widget_get_visible (GTK_WIDGET (self->error_label)))
    return NULL;
  return gtk_label_get_text (self->error_label);
}
