/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cr-directory-edit"

#include "config.h"

#include <glib/gi18n.h>

#include "cr-directory-edit.h"
#include "cr-store-contacts.h"

/* The store's own chain functions (cr_store_set_spoc_chain(),
 * cr_store_add_deputy()) write the assignments behind the history's
 * back, so undo could not restore them; here every assignment goes
 * through the history (cr_store_write_spoc_chain() with the history as
 * its writer), in the same step as the contact it belongs to. */

/**
 * cr_directory_get_chain:
 *
 * Returns: (transfer full) (element-type gint64): the ids of the SPOC,
 *   then the deputies in order
 */
GArray *
cr_directory_get_chain (CrStore *store,
                        gint64   partner_id,
                        GError **error)
{
  g_autoptr(GListModel) chain = cr_store_list_spoc_chain (store, partner_id, error);
  GArray *ids;

  if (chain == NULL)
    return NULL;
  ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (guint i = 0; i < g_list_model_get_n_items (chain); i++)
    {
      g_autoptr(CrRecord) contact = g_list_model_get_item (chain, i);
      gint64 id = cr_record_get_id (contact);

      g_array_append_val (ids, id);
    }
  return ids;
}

/**
 * cr_directory_chain_index:
 * @chain: (element-type gint64): from cr_directory_get_chain()
 *
 * Returns: 0 for the SPOC, 1… for the deputies in order, -1 when the
 *   contact is not in @chain
 */
int
cr_directory_chain_index (GArray *chain,
                          gint64  contact_id)
{
  g_return_val_if_fail (chain != NULL, -1);

  for (guint i = 0; i < chain->len; i++)
    if (g_array_index (chain, gint64, i) == contact_id)
      return (int) i;
  return -1;
}

CrChainRole
cr_directory_get_role (CrStore *store,
                       gint64   partner_id,
                       gint64   contact_id)
{
  int rank = cr_store_get_spoc_rank (store, partner_id, contact_id, NULL);

  return rank < 0 ? CR_CHAIN_ROLE_NONE : rank == 0 ? CR_CHAIN_ROLE_SPOC : CR_CHAIN_ROLE_DEPUTY;
}

static gboolean
same_chain (GArray       *old,
            const gint64 *ids,
            guint         n)
{
  if (old->len != n)
    return FALSE;
  for (guint i = 0; i < n; i++)
    if (g_array_index (old, gint64, i) != ids[i])
      return FALSE;
  return TRUE;
}

/**
 * cr_directory_set_chain:
 * @contact_ids: (array length=n_contacts): the SPOC, then the deputies
 * @label: (nullable): the undo label, when this is a step of its own
 *
 * Replaces the partner's SPOC chain. Nothing is written when the chain
 * is already that one.
 */
gboolean
cr_directory_set_chain (CrHistory    *history,
                        gint64        partner_id,
                        const gint64 *contact_ids,
                        guint         n_contacts,
                        const char   *label,
                        GError      **error)
{
  CrStore *store;
  g_autoptr(GArray) old_chain = NULL;

  g_return_val_if_fail (CR_IS_HISTORY (history), FALSE);
  g_return_val_if_fail (contact_ids != NULL || n_contacts == 0, FALSE);

  store = cr_history_get_store (history);
  if (!cr_history_begin (history, label != NULL ? label : _("Change the SPOC Chain"), error))
    return FALSE;
  old_chain = cr_directory_get_chain (store, partner_id, error);
  if (old_chain == NULL)
    goto fail;
  if (same_chain (old_chain, contact_ids, n_contacts))
    return cr_history_commit (history, error);

  if (!cr_store_write_spoc_chain (store, partner_id, contact_ids, n_contacts, (CrStoreWriteFunc) cr_history_delete,
                                  (CrStoreWriteFunc) cr_history_insert, history, error))
    goto fail;
  return cr_history_commit (history, error);

fail:
  cr_history_rollback (history);
  return FALSE;
}

/* Puts the contact at its role's place: a new SPOC goes first (the old
 * one becomes the first deputy), a new deputy last. */
static void
place_in_chain (GArray     *chain,
                gint64      contact_id,
                CrChainRole role)
{
  int index = cr_directory_chain_index (chain, contact_id);

  switch (role)
    {
    case CR_CHAIN_ROLE_SPOC:
      if (index == 0)
        return;
      if (index > 0)
        g_array_remove_index (chain, index);
      g_array_prepend_val (chain, contact_id);
      break;
    case CR_CHAIN_ROLE_DEPUTY:
      if (index > 0)
        return;
      if (index == 0)
        g_array_remove_index (chain, 0);
      g_array_append_val (chain, contact_id);
      break;
    case CR_CHAIN_ROLE_NONE:
    default:
      if (index >= 0)
        g_array_remove_index (chain, index);
      break;
    }
}

gboolean
cr_directory_set_role (CrHistory   *history,
                       gint64       partner_id,
                       gint64       contact_id,
                       CrChainRole  role,
                       GError     **error)
{
  g_autoptr(GArray) chain = NULL;
  const char *label;

  g_return_val_if_fail (CR_IS_HISTORY (history), FALSE);

  chain = cr_directory_get_chain (cr_history_get_store (history), partner_id, error);
  if (chain == NULL)
    return FALSE;
  place_in_chain (chain, contact_id, role);
  label = role == CR_CHAIN_ROLE_SPOC ? _("Make SPOC")
          : role == CR_CHAIN_ROLE_DEPUTY ? _("Make Deputy")
                                         : _("Remove from the SPOC Chain");
  return cr_directory_set_chain (history, partner_id, (const gint64 *) chain->data, chain->len,
                                 label, error);
}

/* Moves a contact up (@delta < 0) or down the chain; moving a deputy
 * above the SPOC makes it the SPOC. */
gboolean
cr_directory_move_in_chain (CrHistory *history,
                            gint64     partner_id,
                            gint64     contact_id,
                            int        delta,
                            GError   **error)
{
  g_autoptr(GArray) chain = NULL;
  int index, target;

  g_return_val_if_fail (CR_IS_HISTORY (history), FALSE);

  chain = cr_directory_get_chain (cr_history_get_store (history), partner_id, error);
  if (chain == NULL)
    return FALSE;
  index = cr_directory_chain_index (chain, contact_id);
  if (index < 0)
    {
      g_set_error (error, CR_STORE_ERROR, CR_STORE_ERROR_INVALID,
                   _("This contact is not in the SPOC chain: make them the SPOC or a deputy "
                     "first."));
      return FALSE;
    }
  target = CLAMP (index + delta, 0, (int) chain->len - 1);
  if (target == index)
    return TRUE;
  g_array_remove_index (chain, index);
  g_array_insert_val (chain, target, contact_id);
  return cr_directory_set_chain (history, partner_id, (const gint64 *) chain->data, chain->len,
                                 delta < 0 ? _("Move Up in the SPOC Chain")
                                           : _("Move Down in the SPOC Chain"),
                                 error);
}

/**
 * cr_directory_save_contact:
 * @contact: a new contact (id 0), with its partner, or a changed one
 * @role: its place in the partner's SPOC chain
 *
 * Writes the contact and its place in the chain as one step.
 */
gboolean
cr_directory_save_contact (CrHistory   *history,
                           CrContact   *contact,
                           CrChainRole  role,
                           GError     **error)
{
  gboolean is_new;
  gint64 partner_id;
  g_autoptr(GArray) chain = NULL;

  g_return_val_if_fail (CR_IS_HISTORY (history), FALSE);
  g_return_val_if_fail (CR_IS_CONTACT (contact), FALSE);

  is_new = cr_record_get_id (CR_RECORD (contact)) == 0;
  partner_id = cr_contact_get_partner_id (contact);
  if (!cr_history_begin (history, is_new ? _("Add Contact") : _("Edit Contact"), error))
    return FALSE;
  if (!(is_new ? cr_history_insert (history, CR_RECORD (contact), error)
               : cr_history_update (history, CR_RECORD (contact), error)))
    goto fail;
  if (partner_id > 0)
    {
      chain = cr_directory_get_chain (cr_history_get_store (history), partner_id, error);
      if (chain == NULL)
        goto fail;
      place_in_chain (chain, cr_record_get_id (CR_RECORD (contact)), role);
      if (!cr_directory_set_chain (history, partner_id, (const gint64 *) chain->data, chain->len,
                                   NULL, error))
        goto fail;
    }
  return cr_history_commit (history, error);

fail:
  cr_history_rollback (history);
  return FALSE;
}

static gboolean
remove_contact (CrHistory *history,
                CrContact *contact,
                GError   **error)
{
  gint64 partner_id = cr_contact_get_partner_id (contact);
  g_autoptr(GArray) chain = NULL;
  int index;

  if (partner_id > 0)
    {
      chain = cr_directory_get_chain (cr_history_get_store (history), partner_id, error);
      if (chain == NULL)
        return FALSE;
      index = cr_directory_chain_index (chain, cr_record_get_id (CR_RECORD (contact)));
      if (index >= 0)
        {
          g_array_remove_index (chain, index);
          if (!cr_directory_set_chain (history, partner_id, (const gint64 *) chain->data,
                                       chain->len, NULL, error))
            return FALSE;
        }
    }
  return cr_history_delete (history, CR_RECORD (contact), error);
}

/* Removes a contact, and its place in the SPOC chain (the next deputy
 * moves up), as one step. */
gboolean
cr_directory_remove_contact (CrHistory *history,
                             gint64     contact_id,
                             GError   **error)
{
  g_autoptr(CrContact) contact = NULL;

  g_return_val_if_fail (CR_IS_HISTORY (history), FALSE);

  if (!cr_history_begin (history, _("Remove Contact"), error))
    return FALSE;
  contact = cr_store_get (cr_history_get_store (history), CR_TYPE_CONTACT, contact_id, error);
  if (contact == NULL || !remove_contact (history, contact, error))
    {
      cr_history_rollback (history);
      return FALSE;
    }
  return cr_history_commit (history, error);
}

gboolean
cr_directory_save_partner (CrHistory *history,
                           CrPartner *partner,
                           GError   **error)
{
  g_return_val_if_fail (CR_IS_HISTORY (history), FALSE);
  g_return_val_if_fail (CR_IS_PARTNER (partner), FALSE);

  if (cr_record_get_id (CR_RECORD (partner)) == 0)
    {
      if (!cr_history_begin (history, _("Add Partner"), error))
        return FALSE;
      if (!cr_history_insert (history, CR_RECORD (partner), error))
        {
          cr_history_rollback (history);
          return FALSE;
        }
      return cr_history_commit (history, error);
    }
  if (!cr_history_begin (history, _("Edit Partner"), error))
    return FALSE;
  if (!cr_history_update (history, CR_RECORD (partner), error))
    {
      cr_history_rollback (history);
      return FALSE;
    }
  return cr_history_commit (history, error);
}

/* Removes a partner with its contacts and roles, recorded one by one so
 * that undo brings them all back. */
gboolean
cr_directory_remove_partner (CrHistory *history,
                             gint64     partner_id,
                             GError   **error)
{
  CrStore *store;
  g_autoptr(CrPartner) partner = NULL;
  g_autoptr(GListModel) contacts = NULL;
  g_autoptr(GListModel) roles = NULL;

  g_return_val_if_fail (CR_IS_HISTORY (history), FALSE);

  store = cr_history_get_store (history);
  if (!cr_history_begin (history, _("Remove Partner"), error))
    return FALSE;
  partner = cr_store_get (store, CR_TYPE_PARTNER, partner_id, error);
  if (partner == NULL)
    goto fail;
  if (!cr_directory_set_chain (history, partner_id, NULL, 0, NULL, error))
    goto fail;
  roles = cr_store_list (store, CR_TYPE_ROLE, "partner_id", partner_id, error);
  if (roles == NULL)
    goto fail;
  for (guint i = 0; i < g_list_model_get_n_items (roles); i++)
    {
      g_autoptr(CrRecord) role = g_list_model_get_item (roles, i);

      if (!cr_history_delete (history, role, error))
        goto fail;
    }
  contacts = cr_store_list (store, CR_TYPE_CONTACT, "partner_id", partner_id, error);
  if (contacts == NULL)
    goto fail;
  for (guint i = 0; i < g_list_model_get_n_items (contacts); i++)
    {
      g_autoptr(CrRecord) contact = g_list_model_get_item (contacts, i);

      if (!cr_history_delete (history, contact, error))
        goto fail;
    }
  if (!cr_history_delete (history, CR_RECORD (partner), error))
    goto fail;
  return cr_history_commit (history, error);

fail:
  cr_history_rollback (history);
  return FALSE;
}
