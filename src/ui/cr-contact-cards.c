/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cr-contact-cards"

#include "config.h"

#include <glib/gi18n.h>

#include "cr-contact-cards.h"
#include "cr-directory-edit.h"
#include "cr-store-contacts.h"
#include "cr-ui-utils.h"

/**
 * cr_contact_cards_fill:
 * @chain_box: where the SPOC and the deputies go, in the order they are
 *   called
 * @others_box: where the partner's other contacts go, by name
 * @make_card: makes each card
 *
 * Empties both boxes, then fills them with the cards of the partner's
 * contacts.
 *
 * Returns: %FALSE with @error when the store cannot list them
 */
gboolean
cr_contact_cards_fill (GtkBox             *chain_box,
                       GtkBox             *others_box,
                       CrStore            *store,
                       gint64              partner_id,
                       CrContactCardFunc   make_card,
                       gpointer            user_data,
                       GError            **error)
{
  g_autoptr(GListModel) contacts = NULL;
  g_autoptr(GArray) chain = NULL;

  g_return_val_if_fail (GTK_IS_BOX (chain_box), FALSE);
  g_return_val_if_fail (GTK_IS_BOX (others_box), FALSE);
  g_return_val_if_fail (CR_IS_STORE (store), FALSE);
  g_return_val_if_fail (make_card != NULL, FALSE);

  cr_ui_remove_children (GTK_WIDGET (chain_box));
  cr_ui_remove_children (GTK_WIDGET (others_box));
  contacts = cr_store_list_partner_contacts (store, partner_id, error);
  if (contacts == NULL)
    return FALSE;
  chain = cr_directory_get_chain (store, partner_id, error);
  if (chain == NULL)
    return FALSE;
  for (guint i = 0; i < g_list_model_get_n_items (contacts); i++)
    {
      g_autoptr(CrContact) contact = g_list_model_get_item (contacts, i);
      int rank = cr_directory_chain_index (chain, cr_record_get_id (CR_RECORD (contact)));

      gtk_box_append (rank >= 0 ? chain_box : others_box, make_card (contact, rank, chain->len, user_data));
    }
  return TRUE;
}

/**
 * cr_contact_cards_install_actions:
 * @confirm: "contacts.confirm"
 * @edit: "contacts.edit"
 * @remove: "contacts.remove"
 * @chain: the actions that change the contact's place in the SPOC chain
 *   (see cr_contact_cards_chain_action())
 *
 * Installs the actions the cards activate, each with the contact's id.
 */
void
cr_contact_cards_install_actions (GtkWidgetClass              *widget_class,
                                  GtkWidgetActionActivateFunc  confirm,
                                  GtkWidgetActionActivateFunc  edit,
                                  GtkWidgetActionActivateFunc  remove,
                                  GtkWidgetActionActivateFunc  chain)
{
  const char *const chain_actions[] = {
    "contacts.move-up", "contacts.move-down", "contacts.make-spoc", "contacts.make-deputy",
    "contacts.leave-chain",
  };

  g_return_if_fail (GTK_IS_WIDGET_CLASS (widget_class));

  gtk_widget_class_install_action (widget_class, "contacts.confirm", "x", confirm);
  gtk_widget_class_install_action (widget_class, "contacts.edit", "x", edit);
  gtk_widget_class_install_action (widget_class, "contacts.remove", "x", remove);
  for (guint i = 0; i < G_N_ELEMENTS (chain_actions); i++)
    gtk_widget_class_install_action (widget_class, chain_actions[i], "x", chain);
}

/**
 * cr_contact_cards_chain_action:
 * @action_name: the chain action the card activated
 *
 * Moves the contact up or down the partner's SPOC chain, makes it the
 * SPOC or a deputy, or takes it out of the chain: one undoable step.
 */
gboolean
cr_contact_cards_chain_action (CrHistory   *history,
                               gint64       partner_id,
                               gint64       contact_id,
                               const char  *action_name,
                               GError     **error)
{
  g_return_val_if_fail (CR_IS_HISTORY (history), FALSE);
  g_return_val_if_fail (action_name != NULL, FALSE);

  if (g_str_equal (action_name, "contacts.move-up"))
    return cr_directory_move_in_chain (history, partner_id, contact_id, -1, error);
  if (g_str_equal (action_name, "contacts.move-down"))
    return cr_directory_move_in_chain (history, partner_id, contact_id, 1, error);
  if (g_str_equal (action_name, "contacts.make-spoc"))
    return cr_directory_set_role (history, partner_id, contact_id, CR_CHAIN_ROLE_SPOC, error);
  if (g_str_equal (action_name, "contacts.make-deputy"))
    return cr_directory_set_role (history, partner_id, contact_id, CR_CHAIN_ROLE_DEPUTY, error);
  return cr_directory_set_role (history, partner_id, contact_id, CR_CHAIN_ROLE_NONE, error);
}

/* ---- Removing a contact ---- */

typedef struct
{
  CrHistory *history;
  gint64 contact_id;
  CrContactRemovedFunc done;
} Removal;

static void
removal_free (Removal *removal)
{
  g_object_unref (removal->history);
  g_free (removal);
}

static void
remove_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    GtkWidget        *host)
{
  Removal *removal = g_object_get_data (G_OBJECT (dialog), "cr-removal");
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "remove") != 0)
    return;
  cr_directory_remove_contact (removal->history, removal->contact_id, &error);
  removal->done (host, error);
}

/**
 * cr_contact_cards_ask_remove:
 * @host: the page or window that asks; @done is not called once it is
 *   gone
 * @body: what the removal means where the user is
 * @done: called once the contact is removed, or could not be
 *
 * Asks before removing the contact, with its place in the SPOC chain,
 * as one undoable step.
 *
 * Returns: %FALSE with @error when the contact cannot be read
 */
gboolean
cr_contact_cards_ask_remove (GtkWidget             *host,
                             GtkWindow             *parent,
                             CrHistory             *history,
                             gint64                 contact_id,
                             const char            *body,
                             CrContactRemovedFunc   done,
                             GError               **error)
{
  g_autoptr(CrContact) contact = NULL;
  g_autofree char *heading = NULL;
  AdwMessageDialog *dialog;
  Removal *removal;

  g_return_val_if_fail (GTK_IS_WIDGET (host), FALSE);
  g_return_val_if_fail (CR_IS_HISTORY (history), FALSE);
  g_return_val_if_fail (done != NULL, FALSE);

  contact = cr_store_get (cr_history_get_store (history), CR_TYPE_CONTACT, contact_id, error);
  if (contact == NULL)
    return FALSE;
  /* Translators: %s is a contact's name. */
  heading = g_strdup_printf (_("Remove %s?"), cr_contact_get_name (contact));
  dialog = cr_ui_remove_dialog_new (parent, heading, body);
  removal = g_new0 (Removal, 1);
  removal->history = g_object_ref (history);
  removal->contact_id = contact_id;
  removal->done = done;
  g_object_set_data_full (G_OBJECT (dialog), "cr-removal", removal, (GDestroyNotify) removal_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (remove_response_cb), host, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}
