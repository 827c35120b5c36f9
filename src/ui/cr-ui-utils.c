/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cr-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "cr-a11y.h"
#include "cr-ui-utils.h"

/**
 * cr_ui_error_toast_new:
 * @timeout: seconds it shows, or 0 to stay until dismissed
 *
 * Returns: (transfer full): a toast for @message, which may be longer
 *   than a toast's line
 */
AdwToast *
cr_ui_error_toast_new (const char *message,
                       guint       timeout)
{
  /* The title too (escaped: a title is markup): it is what is logged of
   * a toast with no overlay to show in. */
  g_autofree char *title = g_markup_escape_text (message, -1);
  AdwToast *toast = adw_toast_new (title);
  GtkWidget *label = gtk_label_new (message);

  /* libadwaita 1.2 toasts take markup and one line; messages need neither. */
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 60);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  adw_toast_set_custom_title (toast, label);
  adw_toast_set_timeout (toast, timeout);
  return toast;
}

/* Empties a list box, a box or a grid, before it is filled again. */
void
cr_ui_remove_children (GtkWidget *container)
{
  GtkWidget *child;

  g_return_if_fail (GTK_IS_LIST_BOX (container) || GTK_IS_BOX (container) || GTK_IS_GRID (container));

  while ((child = gtk_widget_get_first_child (container)) != NULL)
    {
      if (GTK_IS_LIST_BOX (container))
        gtk_list_box_remove (GTK_LIST_BOX (container), child);
      else if (GTK_IS_BOX (container))
        gtk_box_remove (GTK_BOX (container), child);
      else
        gtk_grid_remove (GTK_GRID (container), child);
    }
}

/* A new label for a button with a mnemonic ("_Import"), which screen
 * readers would otherwise say twice (see cr_a11y_name_mnemonic_buttons()). */
void
cr_ui_set_button_label (GtkButton  *button,
                        const char *label)
{
  g_return_if_fail (GTK_IS_BUTTON (button));

  gtk_button_set_label (button, label);
  cr_a11y_name_mnemonic_buttons (GTK_WIDGET (button));
}

/* What was typed in an entry or an entry row, without the spaces around
 * it; free with g_free(). */
char *
cr_ui_entry_text (gpointer editable)
{
  g_return_val_if_fail (GTK_IS_EDITABLE (editable), NULL);

  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (editable))));
}

/* A dialog's error label: @message, or hidden when it is %NULL. */
void
cr_ui_show_error_label (GtkLabel   *label,
                        const char *message)
{
  g_return_if_fail (GTK_IS_LABEL (label));

  gtk_label_set_text (label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (label), message != NULL);
}

/* Whether two times, either of them unset (%NULL), are the same. */
gboolean
cr_ui_same_time (GDateTime *a,
                 GDateTime *b)
{
  if (a == NULL || b == NULL)
    return a == b;
  return g_date_time_equal (a, b);
}

/* A record id kept on a row or a dialog, for its callbacks. */
void
cr_ui_set_id (gpointer    object,
              const char *key,
              gint64      id)
{
  g_return_if_fail (G_IS_OBJECT (object));

  g_object_set_data_full (G_OBJECT (object), key, g_memdup2 (&id, sizeof id), g_free);
}

/* The id cr_ui_set_id() kept, or 0. */
gint64
cr_ui_get_id (gpointer    object,
              const char *key)
{
  gint64 *id;

  g_return_val_if_fail (G_IS_OBJECT (object), 0);

  id = g_object_get_data (G_OBJECT (object), key);
  return id != NULL ? *id : 0;
}

/**
 * cr_ui_remove_dialog_new:
 * @heading: what is removed, as a question
 * @body: what the removal takes with it, and how to get it back
 *
 * Asks before a removal. The "remove" response removes; Escape and
 * Enter cancel ("cancel"), so a removal is never one keystroke away.
 *
 * Returns: (transfer none): the dialog, not shown yet
 */
AdwMessageDialog *
cr_ui_remove_dialog_new (GtkWindow  *parent,
                         const char *heading,
                         const char *body)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent, heading, body));

  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "remove", _("_Remove"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "remove", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  return dialog;
}

/**
 * cr_ui_history_step:
 * @label: what Undo will say it undoes, e.g. "Remove Role"
 * @write: the change: cr_history_insert(), cr_history_update() or
 *   cr_history_delete()
 *
 * Writes @record as one undoable step of @history: nothing is written
 * when the store refuses it.
 *
 * Returns: %TRUE when the step is committed; else %FALSE with @error set
 */
gboolean
cr_ui_history_step (CrHistory           *history,
                    const char          *label,
                    CrUiHistoryWriteFunc write,
                    CrRecord            *record,
                    GError             **error)
{
  g_return_val_if_fail (CR_IS_HISTORY (history), FALSE);
  g_return_val_if_fail (write != NULL, FALSE);
  g_return_val_if_fail (CR_IS_RECORD (record), FALSE);

  if (!cr_history_begin (history, label, error))
    return FALSE;
  if (!write (history, record, error))
    {
      cr_history_rollback (history);
      return FALSE;
    }
  return cr_history_commit (history, error);
}

/* ---- Combo rows ---- */

/* Lists in the combo rows: long names wrap instead of being cut short
 * ("Service de tuiles pers…") or widening the popover past the window,
 * and the current choice has a check mark. */

static void
list_item_setup_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *item,
                    gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new (NULL);
  GtkWidget *check = gtk_image_new_from_icon_name ("object-select-symbolic");

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 36);
  gtk_label_set_width_chars (GTK_LABEL (label), 20);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Chosen"), -1);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), check);
  gtk_list_item_set_child (item, box);
}

static void
update_check (GtkListItem *item,
              AdwComboRow *row)
{
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *check = gtk_widget_get_last_child (box);

  gtk_widget_set_visible (check, gtk_list_item_get_position (item) == adw_combo_row_get_selected (row));
}

static void
combo_selected_cb (AdwComboRow *row,
                   GParamSpec  *pspec,
                   GtkListItem *item)
{
  update_check (item, row);
}

/* The row's text for @item: by its expression, as the row shows it. */
static char *
item_text (AdwComboRow *row,
           GObject     *item)
{
  GtkExpression *expression = adw_combo_row_get_expression (row);
  g_auto(GValue) value = G_VALUE_INIT;

  if (expression != NULL && gtk_expression_evaluate (expression, item, &value) &&
      G_VALUE_HOLDS_STRING (&value))
    return g_value_dup_string (&value);
  if (GTK_IS_STRING_OBJECT (item))
    return g_strdup (gtk_string_object_get_string (GTK_STRING_OBJECT (item)));
  return NULL;
}

static void
list_item_bind_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *item,
                   AdwComboRow              *row)
{
  GtkWidget *label = gtk_widget_get_first_child (gtk_list_item_get_child (item));
  g_autofree char *text = item_text (row, gtk_list_item_get_item (item));

  gtk_label_set_text (GTK_LABEL (label), text != NULL ? text : "");
  update_check (item, row);
  g_signal_connect_object (row, "notify::selected", G_CALLBACK (combo_selected_cb), item, 0);
}

static void
list_item_unbind_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *item,
                     AdwComboRow              *row)
{
  g_signal_handlers_disconnect_by_func (row, combo_selected_cb, item);
}

/**
 * cr_ui_combo_row_set_list_factory:
 *
 * Gives @row's list the choices whole, wrapped when long, and a check
 * mark on the current one. Items are strings (#GtkStringObject) or
 * shown by the row's expression.
 */
void
cr_ui_combo_row_set_list_factory (AdwComboRow *row)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (list_item_setup_cb), row);
  g_signal_connect (factory, "bind", G_CALLBACK (list_item_bind_cb), row);
  g_signal_connect (factory, "unbind", G_CALLBACK (list_item_unbind_cb), row);
  adw_combo_row_set_list_factory (row, factory);
}
