/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cr-contact"

#include "config.h"

#include "cr-enum-types.h"
#include "cr-contact.h"

/**
 * CrContact:
 *
 * A person or desk of a partner, with the numbers to reach them.
 */
struct _CrContact
{
  CrRecord parent_instance;
};

enum
{
  PROP_0,
  PROP_PARTNER_ID,
  PROP_NAME,
  PROP_FUNCTION,
  PROP_PHONE_MOBILE,
  PROP_PHONE_OFFICE,
  PROP_PHONE_24_7,
  PROP_EMAIL,
  PROP_LANGUAGE,
  PROP_AVAILABILITY,
  PROP_VERIFIED_AT,
  PROP_VERIFIED_BY,
  PROP_NOTES,
  PROP_VERSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (CrContact, cr_contact, CR_TYPE_RECORD)

static void
cr_contact_class_init (CrContactClass *klass)
{
  properties[PROP_PARTNER_ID] =
    g_param_spec_int64 ("partner-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FUNCTION] =
    g_param_spec_string ("function", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PHONE_MOBILE] =
    g_param_spec_string ("phone-mobile", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PHONE_OFFICE] =
    g_param_spec_string ("phone-office", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PHONE_24_7] =
    g_param_spec_string ("phone-24-7", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_EMAIL] =
    g_param_spec_string ("email", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LANGUAGE] =
    g_param_spec_string ("language", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_AVAILABILITY] =
    g_param_spec_enum ("availability", NULL, NULL, CR_TYPE_AVAILABILITY, CR_AVAILABILITY_OFFICE_HOURS,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_VERIFIED_AT] =
    g_param_spec_boxed ("verified-at", NULL, NULL, G_TYPE_DATE_TIME,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_VERIFIED_BY] =
    g_param_spec_string ("verified-by", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NOTES] =
    g_param_spec_string ("notes", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_VERSION] =
    g_param_spec_int64 ("version", NULL, NULL, G_MININT64, G_MAXINT64, 1,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  cr_record_class_install_fields (CR_RECORD_CLASS (klass), "contacts", N_PROPS, properties);
}

static void
cr_contact_init (CrContact *self)
{
}

CrContact *
cr_contact_new (void)
{
  return g_object_new (CR_TYPE_CONTACT, NULL);
}

gint64
cr_contact_get_partner_id (CrContact *self)
{
  g_return_val_if_fail (CR_IS_CONTACT (self), 0);

  return cr_record_get_int64 (CR_RECORD (self), properties[PROP_PARTNER_ID]);
}

void
cr_contact_set_partner_id (CrContact *self,
                           gint64    value)
{
  g_return_if_fail (CR_IS_CONTACT (self));

  cr_record_set_int64 (CR_RECORD (self), properties[PROP_PARTNER_ID], value);
}

const char *
cr_contact_get_name (CrContact *self)
{
  g_return_val_if_fail (CR_IS_CONTACT (self), NULL);

  return cr_record_get_string (CR_RECORD (self), properties[PROP_NAME]);
}

void
cr_contact_set_name (CrContact  *self,
                     const char *value)
{
  g_return_if_fail (CR_IS_CONTACT (self));

  cr_record_set_string (CR_RECORD (self), properties[PROP_NAME], value);
}

const char *
cr_contact_get_function (CrContact *self)
{
  g_return_val_if_fail (CR_IS_CONTACT (self), NULL);

  return cr_record_get_string (CR_RECORD (self), properties[PROP_FUNCTION]);
}

void
cr_contact_set_function (CrContact  *self,
                         const char *value)
{
  g_return_if_fail (CR_IS_CONTACT (self));

  cr_record_set_string (CR_RECORD (self), properties[PROP_FUNCTION], value);
}

const char *
cr_contact_get_phone_mobile (CrContact *self)
{
  g_return_val_if_fail (CR_IS_CONTACT (self), NULL);

  return cr_record_get_string (CR_RECORD (self), properties[PROP_PHONE_MOBILE]);
}

void
cr_contact_set_phone_mobile (CrContact  *self,
                             const char *value)
{
  g_return_if_fail (CR_IS_CONTACT (self));

  cr_record_set_string (CR_RECORD (self), properties[PROP_PHONE_MOBILE], value);
}

const char *
cr_contact_get_phone_office (CrContact *self)
{
  g_return_val_if_fail (CR_IS_CONTACT (self), NULL);

  return cr_record_get_string (CR_RECORD (self), properties[PROP_PHONE_OFFICE]);
}

void
cr_contact_set_phone_office (CrContact  *self,
                             const char *value)
{
  g_return_if_fail (CR_IS_CONTACT (self));

  cr_record_set_string (CR_RECORD (self), properties[PROP_PHONE_OFFICE], value);
}

const char *
cr_contact_get_phone_24_7 (CrContact *self)
{
  g_return_val_if_fail (CR_IS_CONTACT (self), NULL);

  return cr_record_get_string (CR_RECORD (self), properties[PROP_PHONE_24_7]);
}

void
cr_contact_set_phone_24_7 (CrContact  *self,
                           const char *value)
{
  g_return_if_fail (CR_IS_CONTACT (self));

  cr_record_set_string (CR_RECORD (self), properties[PROP_PHONE_24_7], value);
}

const char *
cr_contact_get_email (CrContact *self)
{
  g_return_val_if_fail (CR_IS_CONTACT (self), NULL);

  return cr_record_get_string (CR_RECORD (self), properties[PROP_EMAIL]);
}

void
cr_contact_set_email (CrContact  *self,
                      const char *value)
{
  g_return_if_fail (CR_IS_CONTACT (self));

  cr_record_set_string (CR_RECORD (self), properties[PROP_EMAIL], value);
}

const char *
cr_contact_get_language (CrContact *self)
{
  g_return_val_if_fail (CR_IS_CONTACT (self), NULL);

  return cr_record_get_string (CR_RECORD (self), properties[PROP_LANGUAGE]);
}

void
cr_contact_set_language (CrContact  *self,
                         const char *value)
{
  g_return_if_fail (CR_IS_CONTACT (self));

  cr_record_set_string (CR_RECORD (self), properties[PROP_LANGUAGE], value);
}

CrAvailability
cr_contact_get_availability (CrContact *self)
{
  g_return_val_if_fail (CR_IS_CONTACT (self), 0);

  return cr_record_get_enum (CR_RECORD (self), properties[PROP_AVAILABILITY]);
}

void
cr_contact_set_availability (CrContact      *self,
                             CrAvailability value)
{
  g_return_if_fail (CR_IS_CONTACT (self));

  cr_record_set_enum (CR_RECORD (self), properties[PROP_AVAILABILITY], value);
}

/**
 * cr_contact_get_verified_at:
 *
 * Returns: (transfer none) (nullable): the verified at
 */
GDateTime *
cr_contact_get_verified_at (CrContact *self)
{
  g_return_val_if_fail (CR_IS_CONTACT (self), NULL);

  return cr_record_get_boxed (CR_RECORD (self), properties[PROP_VERIFIED_AT]);
}

void
cr_contact_set_verified_at (CrContact *self,
                            GDateTime *value)
{
  g_return_if_fail (CR_IS_CONTACT (self));

  cr_record_set_boxed (CR_RECORD (self), properties[PROP_VERIFIED_AT], value);
}

const char *
cr_contact_get_verified_by (CrContact *self)
{
  g_return_val_if_fail (CR_IS_CONTACT (self), NULL);

  return cr_record_get_string (CR_RECORD (self), properties[PROP_VERIFIED_BY]);
}

void
cr_contact_set_verified_by (CrContact  *self,
                            const char *value)
{
  g_return_if_fail (CR_IS_CONTACT (self));

  cr_record_set_string (CR_RECORD (self), properties[PROP_VERIFIED_BY], value);
}

const char *
cr_contact_get_notes (CrContact *self)
{
  g_return_val_if_fail (CR_IS_CONTACT (self), NULL);

  return cr_record_get_string (CR_RECORD (self), properties[PROP_NOTES]);
}

void
cr_contact_set_notes (CrContact  *self,
                      const char *value)
{
  g_return_if_fail (CR_IS_CONTACT (self));

  cr_record_set_string (CR_RECORD (self), properties[PROP_NOTES], value);
}

gint64
cr_contact_get_version (CrContact *self)
{
  g_return_val_if_fail (CR_IS_CONTACT (self), 0);

  return cr_record_get_int64 (CR_RECORD (self), properties[PROP_VERSION]);
}

void
cr_contact_set_version (CrContact *self,
                        gint64    value)
{
  g_return_if_fail (CR_IS_CONTACT (self));

  cr_record_set_int64 (CR_RECORD (self), properties[PROP_VERSION], value);
}
