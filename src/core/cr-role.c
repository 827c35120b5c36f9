/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cr-role"

#include "config.h"

#include "cr-enum-types.h"
#include "cr-role.h"

/**
 * CrRole:
 *
 * What a partner is responsible for during an event, in which discipline and sector.
 */
struct _CrRole
{
  CrRecord parent_instance;
};

enum
{
  PROP_0,
  PROP_EVENT_ID,
  PROP_PARTNER_ID,
  PROP_DISCIPLINE,
  PROP_RESPONSIBILITY,
  PROP_SECTOR_ID,
  PROP_CONTACT_ID,
  PROP_VERSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (CrRole, cr_role, CR_TYPE_RECORD)

static void
cr_role_class_init (CrRoleClass *klass)
{
  properties[PROP_EVENT_ID] =
    g_param_spec_int64 ("event-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PARTNER_ID] =
    g_param_spec_int64 ("partner-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DISCIPLINE] =
    g_param_spec_enum ("discipline", NULL, NULL, CR_TYPE_DISCIPLINE, CR_DISCIPLINE_OTHER,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RESPONSIBILITY] =
    g_param_spec_string ("responsibility", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SECTOR_ID] =
    g_param_spec_int64 ("sector-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CONTACT_ID] =
    g_param_spec_int64 ("contact-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_VERSION] =
    g_param_spec_int64 ("version", NULL, NULL, G_MININT64, G_MAXINT64, 1,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  cr_record_class_install_fields (CR_RECORD_CLASS (klass), "roles", N_PROPS, properties);
}

static void
cr_role_init (CrRole *self)
{
}

CrRole *
cr_role_new (void)
{
  return g_object_new (CR_TYPE_ROLE, NULL);
}

gint64
cr_role_get_event_id (CrRole *self)
{
  g_return_val_if_fail (CR_IS_ROLE (self), 0);

  return cr_record_get_int64 (CR_RECORD (self), properties[PROP_EVENT_ID]);
}

void
cr_role_set_event_id (CrRole *self,
                      gint64 value)
{
  g_return_if_fail (CR_IS_ROLE (self));

  cr_record_set_int64 (CR_RECORD (self), properties[PROP_EVENT_ID], value);
}

gint64
cr_role_get_partner_id (CrRole *self)
{
  g_return_val_if_fail (CR_IS_ROLE (self), 0);

  return cr_record_get_int64 (CR_RECORD (self), properties[PROP_PARTNER_ID]);
}

void
cr_role_set_partner_id (CrRole *self,
                        gint64 value)
{
  g_return_if_fail (CR_IS_ROLE (self));

  cr_record_set_int64 (CR_RECORD (self), properties[PROP_PARTNER_ID], value);
}

CrDiscipline
cr_role_get_discipline (CrRole *self)
{
  g_return_val_if_fail (CR_IS_ROLE (self), 0);

  return cr_record_get_enum (CR_RECORD (self), properties[PROP_DISCIPLINE]);
}

void
cr_role_set_discipline (CrRole       *self,
                        CrDiscipline value)
{
  g_return_if_fail (CR_IS_ROLE (self));

  cr_record_set_enum (CR_RECORD (self), properties[PROP_DISCIPLINE], value);
}

const char *
cr_role_get_responsibility (CrRole *self)
{
  g_return_val_if_fail (CR_IS_ROLE (self), NULL);

  return cr_record_get_string (CR_RECORD (self), properties[PROP_RESPONSIBILITY]);
}

void
cr_role_set_responsibility (CrRole     *self,
                            const char *value)
{
  g_return_if_fail (CR_IS_ROLE (self));

  cr_record_set_string (CR_RECORD (self), properties[PROP_RESPONSIBILITY], value);
}

gint64
cr_role_get_sector_id (CrRole *self)
{
  g_return_val_if_fail (CR_IS_ROLE (self), 0);

  return cr_record_get_int64 (CR_RECORD (self), properties[PROP_SECTOR_ID]);
}

void
cr_role_set_sector_id (CrRole *self,
                       gint64 value)
{
  g_return_if_fail (CR_IS_ROLE (self));

  cr_record_set_int64 (CR_RECORD (self), properties[PROP_SECTOR_ID], value);
}

gint64
cr_role_get_contact_id (CrRole *self)
{
  g_return_val_if_fail (CR_IS_ROLE (self), 0);

  return cr_record_get_int64 (CR_RECORD (self), properties[PROP_CONTACT_ID]);
}

void
cr_role_set_contact_id (CrRole *self,
                        gint64 value)
{
  g_return_if_fail (CR_IS_ROLE (self));

  cr_record_set_int64 (CR_RECORD (self), properties[PROP_CONTACT_ID], value);
}

gint64
cr_role_get_version (CrRole *self)
{
  g_return_val_if_fail (CR_IS_ROLE (self), 0);

  return cr_record_get_int64 (CR_RECORD (self), properties[PROP_VERSION]);
}

void
cr_role_set_version (CrRole *self,
                     gint64 value)
{
  g_return_if_fail (CR_IS_ROLE (self));

  cr_record_set_int64 (CR_RECORD (self), properties[PROP_VERSION], value);
}
