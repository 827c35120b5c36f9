/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cr-partner"

#include "config.h"

#include "cr-enum-types.h"
#include "cr-partner.h"

/**
 * CrPartner:
 *
 * A partner organisation: police zone, fire and EMS, commune, regional public body…
 */
struct _CrPartner
{
  CrRecord parent_instance;
};

enum
{
  PROP_0,
  PROP_NAME,
  PROP_PARTNER_TYPE,
  PROP_LANGUAGES,
  PROP_ADDRESS,
  PROP_NOTES,
  PROP_AREA_FEATURE_ID,
  PROP_VERSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (CrPartner, cr_partner, CR_TYPE_RECORD)

static void
cr_partner_class_init (CrPartnerClass *klass)
{
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PARTNER_TYPE] =
    g_param_spec_enum ("partner-type", NULL, NULL, CR_TYPE_PARTNER_TYPE, CR_PARTNER_TYPE_OTHER,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LANGUAGES] =
    g_param_spec_string ("languages", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ADDRESS] =
    g_param_spec_string ("address", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NOTES] =
    g_param_spec_string ("notes", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_AREA_FEATURE_ID] =
    g_param_spec_int64 ("area-feature-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_VERSION] =
    g_param_spec_int64 ("version", NULL, NULL, G_MININT64, G_MAXINT64, 1,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  cr_record_class_install_fields (CR_RECORD_CLASS (klass), "partners", N_PROPS, properties);
}

static void
cr_partner_init (CrPartner *self)
{
}

CrPartner *
cr_partner_new (void)
{
  return g_object_new (CR_TYPE_PARTNER, NULL);
}

const char *
cr_partner_get_name (CrPartner *self)
{
  g_return_val_if_fail (CR_IS_PARTNER (self), NULL);

  return cr_record_get_string (CR_RECORD (self), properties[PROP_NAME]);
}

void
cr_partner_set_name (CrPartner  *self,
                     const char *value)
{
  g_return_if_fail (CR_IS_PARTNER (self));

  cr_record_set_string (CR_RECORD (self), properties[PROP_NAME], value);
}

CrPartnerType
cr_partner_get_partner_type (CrPartner *self)
{
  g_return_val_if_fail (CR_IS_PARTNER (self), 0);

  return cr_record_get_enum (CR_RECORD (self), properties[PROP_PARTNER_TYPE]);
}

void
cr_partner_set_partner_type (CrPartner     *self,
                             CrPartnerType value)
{
  g_return_if_fail (CR_IS_PARTNER (self));

  cr_record_set_enum (CR_RECORD (self), properties[PROP_PARTNER_TYPE], value);
}

const char *
cr_partner_get_languages (CrPartner *self)
{
  g_return_val_if_fail (CR_IS_PARTNER (self), NULL);

  return cr_record_get_string (CR_RECORD (self), properties[PROP_LANGUAGES]);
}

void
cr_partner_set_languages (CrPartner  *self,
                          const char *value)
{
  g_return_if_fail (CR_IS_PARTNER (self));

  cr_record_set_string (CR_RECORD (self), properties[PROP_LANGUAGES], value);
}

const char *
cr_partner_get_address (CrPartner *self)
{
  g_return_val_if_fail (CR_IS_PARTNER (self), NULL);

  return cr_record_get_string (CR_RECORD (self), properties[PROP_ADDRESS]);
}

void
cr_partner_set_address (CrPartner  *self,
                        const char *value)
{
  g_return_if_fail (CR_IS_PARTNER (self));

  cr_record_set_string (CR_RECORD (self), properties[PROP_ADDRESS], value);
}

const char *
cr_partner_get_notes (CrPartner *self)
{
  g_return_val_if_fail (CR_IS_PARTNER (self), NULL);

  return cr_record_get_string (CR_RECORD (self), properties[PROP_NOTES]);
}

void
cr_partner_set_notes (CrPartner  *self,
                      const char *value)
{
  g_return_if_fail (CR_IS_PARTNER (self));

  cr_record_set_string (CR_RECORD (self), properties[PROP_NOTES], value);
}

gint64
cr_partner_get_area_feature_id (CrPartner *self)
{
  g_return_val_if_fail (CR_IS_PARTNER (self), 0);

  return cr_record_get_int64 (CR_RECORD (self), properties[PROP_AREA_FEATURE_ID]);
}

void
cr_partner_set_area_feature_id (CrPartner *self,
                                gint64    value)
{
  g_return_if_fail (CR_IS_PARTNER (self));

  cr_record_set_int64 (CR_RECORD (self), properties[PROP_AREA_FEATURE_ID], value);
}

gint64
cr_partner_get_version (CrPartner *self)
{
  g_return_val_if_fail (CR_IS_PARTNER (self), 0);

  return cr_record_get_int64 (CR_RECORD (self), properties[PROP_VERSION]);
}

void
cr_partner_set_version (CrPartner *self,
                        gint64    value)
{
  g_return_if_fail (CR_IS_PARTNER (self));

  cr_record_set_int64 (CR_RECORD (self), properties[PROP_VERSION], value);
}
