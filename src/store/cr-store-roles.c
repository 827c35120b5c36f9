/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cr-store"

#include "config.h"

#include <glib/gi18n.h>

#include "cr-enum-types.h"
#include "cr-store-contacts.h"
#include "cr-store-private.h"

/* The roles matrix of an event: partner × discipline → responsibility,
 * sector (a feature of the event) and contact for the event. Rows are
 * written with the generic cr_store_insert/update/delete; this adds the
 * filtered listings the matrix needs and the checks that keep a role's
 * references inside its event and partner. */

#define ROLE_ORDER                                                                              \
  "(SELECT name FROM partners WHERE partners.id = roles.partner_id) COLLATE NOCASE,"            \
  " \"discipline\", \"id\""

/**
 * cr_store_list_roles:
 * @partner_id: only this partner's roles, or 0 for every partner
 * @discipline: only this #CrDiscipline, or -1 for every discipline
 *
 * Returns: (transfer full): the event's #CrRole, by partner name, then
 *   discipline (D1 … D5, other)
 */
GListModel *
cr_store_list_roles (CrStore *self,
                     gint64   event_id,
                     gint64   partner_id,
                     int      discipline,
                     GError **error)
{
  g_autoptr(GString) where = g_string_new ("\"event_id\" = ?1");
  CrStoreParam args[3] = { { .value = event_id } };
  guint n_args = 1;

  g_return_val_if_fail (CR_IS_STORE (self), NULL);

  if (partner_id > 0)
    {
      args[n_args++].value = partner_id;
      g_string_append_printf (where, " AND \"partner_id\" = ?%u", n_args);
    }
  if (discipline >= 0)
    {
      const char *nick = cr_enum_to_nick (CR_TYPE_DISCIPLINE, discipline);

      g_return_val_if_fail (nick != NULL, NULL);
      /* A nick is a fixed word of the enum, safe to write in SQL. */
      g_string_append_printf (where, " AND \"discipline\" = '%s'", nick);
    }
  return _cr_store_list_query (self, CR_TYPE_ROLE, where->str, ROLE_ORDER, args, n_args, error);
}

/**
 * cr_store_list_role_partners:
 *
 * Returns: (transfer full): the #CrPartner with at least one role in the
 *   event, by name: the rows of the roles matrix
 */
GListModel *
cr_store_list_role_partners (CrStore *self,
                             gint64   event_id,
                             GError **error)
{
  g_return_val_if_fail (CR_IS_STORE (self), NULL);

  return _cr_store_list_query (self, CR_TYPE_PARTNER,
                               "\"id\" IN (SELECT partner_id FROM roles WHERE event_id = ?1)",
                               "\"name\" COLLATE NOCASE, \"id\"",
                               &(CrStoreParam) { .value = event_id }, 1, error);
}

/**
 * cr_store_list_sector_roles:
 *
 * What a sector selected on the map is for.
 *
 * Returns: (transfer full): the #CrRole whose sector is @feature_id
 */
GListModel *
cr_store_list_sector_roles (CrStore *self,
                            gint64   feature_id,
                            GError **error)
{
  g_return_val_if_fail (CR_IS_STORE (self), NULL);

  return _cr_store_list_query (self, CR_TYPE_ROLE, "\"sector_id\" = ?1", ROLE_ORDER,
                               &(CrStoreParam) { .value = feature_id }, 1, error);
}

/**
 * cr_store_check_role:
 *
 * Checks what the schema cannot: the sector is a feature of the role's
 * event, and the contact one of the role's partner.
 *
 * Returns: %TRUE when @role can be saved; else %FALSE with
 *   %CR_STORE_ERROR_INVALID (or %CR_STORE_ERROR_NOT_FOUND)
 */
gboolean
cr_store_check_role (CrStore *self,
                     CrRole  *role,
                     GError **error)
{
  g_autoptr(CrEvent) event = NULL;
  g_autoptr(CrPartner) partner = NULL;
  gint64 sector_id, contact_id;

  g_return_val_if_fail (CR_IS_STORE (self), FALSE);
  g_return_val_if_fail (CR_IS_ROLE (role), FALSE);

  if (cr_role_get_event_id (role) <= 0 || cr_role_get_partner_id (role) <= 0)
    {
      g_set_error (error, CR_STORE_ERROR, CR_STORE_ERROR_INVALID,
                   _("A role needs an event and a partner: choose both."));
      return FALSE;
    }
  event = cr_store_get (self, CR_TYPE_EVENT, cr_role_get_event_id (role), error);
  if (event == NULL)
    return FALSE;
  partner = cr_store_get (self, CR_TYPE_PARTNER, cr_role_get_partner_id (role), error);
  if (partner == NULL)
    return FALSE;

  sector_id = cr_role_get_sector_id (role);
  if (sector_id > 0)
    {
      g_autoptr(CrFeature) sector = cr_store_get (self, CR_TYPE_FEATURE, sector_id, error);

      if (sector == NULL)
        return FALSE;
      if (cr_feature_get_event_id (sector) != cr_role_get_event_id (role))
        {
          g_set_error (error, CR_STORE_ERROR, CR_STORE_ERROR_INVALID,
                       _("The sector “%s” belongs to another event: choose a perimeter, "
                         "itinerary or point of “%s”."),
                       cr_feature_get_name (sector) ? cr_feature_get_name (sector) : "",
                       cr_event_get_name (event));
          return FALSE;
        }
    }

  contact_id = cr_role_get_contact_id (role);
  if (contact_id > 0)
    {
      g_autoptr(CrContact) contact = cr_store_get (self, CR_TYPE_CONTACT, contact_id, error);

      if (contact == NULL)
        return FALSE;
      if (cr_contact_get_partner_id (contact) != cr_role_get_partner_id (role))
        {
          g_set_error (error, CR_STORE_ERROR, CR_STORE_ERROR_INVALID,
                       _("%s is not a contact of %s: choose one of the partner’s contacts."),
                       cr_contact_get_name (contact), cr_partner_get_name (partner));
          return FALSE;
        }
    }
  return TRUE;
}

/**
 * cr_store_save_role:
 *
 * Checks @role with cr_store_check_role(), then adds it (id 0) or
 * updates it, in one transaction.
 */
gboolean
cr_store_save_role (CrStore *self,
                    CrRole  *role,
                    GError **error)
{
  gboolean ok;

  g_return_val_if_fail (CR_IS_STORE (self), FALSE);
  g_return_val_if_fail (CR_IS_ROLE (role), FALSE);

  if (!cr_store_begin (self, error))
    return FALSE;
  if (!cr_store_check_role (self, role, error))
    {
      cr_store_rollback (self);
      return FALSE;
    }
  if (cr_record_get_id (CR_RECORD (role)) > 0)
    ok = cr_store_update (self, CR_RECORD (role), error);
  else
    ok = cr_store_insert (self, CR_RECORD (role), error);
  if (!ok)
    {
      cr_store_rollback (self);
      return FALSE;
    }
  return cr_store_commit (self, error);
}
