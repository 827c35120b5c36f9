/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cr-alert-test"

#include "config.h"

#include "cr-enum-types.h"
#include "cr-alert-test.h"

/**
 * CrAlertTest:
 *
 * One call of an alert test to a partner's contact, and how it went.
 */
struct _CrAlertTest
{
  CrRecord parent_instance;
};

enum
{
  PROP_0,
  PROP_CAMPAIGN_ID,
  PROP_PARTNER_ID,
  PROP_CONTACT_ID,
  PROP_CHANNEL,
  PROP_STARTED_AT,
  PROP_ANSWERED_AT,
  PROP_OUTCOME,
  PROP_NOTES,
  PROP_VERSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (CrAlertTest, cr_alert_test, CR_TYPE_RECORD)

static void
cr_alert_test_class_init (CrAlertTestClass *klass)
{
  properties[PROP_CAMPAIGN_ID] =
    g_param_spec_int64 ("campaign-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PARTNER_ID] =
    g_param_spec_int64 ("partner-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CONTACT_ID] =
    g_param_spec_int64 ("contact-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CHANNEL] =
    g_param_spec_enum ("channel", NULL, NULL, CR_TYPE_ALERT_CHANNEL, CR_ALERT_CHANNEL_PHONE,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STARTED_AT] =
    g_param_spec_boxed ("started-at", NULL, NULL, G_TYPE_DATE_TIME,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ANSWERED_AT] =
    g_param_spec_boxed ("answered-at", NULL, NULL, G_TYPE_DATE_TIME,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_OUTCOME] =
    g_param_spec_enum ("outcome", NULL, NULL, CR_TYPE_ALERT_OUTCOME, CR_ALERT_OUTCOME_PENDING,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NOTES] =
    g_param_spec_string ("notes", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_VERSION] =
    g_param_spec_int64 ("version", NULL, NULL, G_MININT64, G_MAXINT64, 1,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  cr_record_class_install_fields (CR_RECORD_CLASS (klass), "alert_tests", N_PROPS, properties);
}

static void
cr_alert_test_init (CrAlertTest *self)
{
}

CrAlertTest *
cr_alert_test_new (void)
{
  return g_object_new (CR_TYPE_ALERT_TEST, NULL);
}

gint64
cr_alert_test_get_campaign_id (CrAlertTest *self)
{
  g_return_val_if_fail (CR_IS_ALERT_TEST (self), 0);

  return cr_record_get_int64 (CR_RECORD (self), properties[PROP_CAMPAIGN_ID]);
}

void
cr_alert_test_set_campaign_id (CrAlertTest *self,
                               gint64      value)
{
  g_return_if_fail (CR_IS_ALERT_TEST (self));

  cr_record_set_int64 (CR_RECORD (self), properties[PROP_CAMPAIGN_ID], value);
}

gint64
cr_alert_test_get_partner_id (CrAlertTest *self)
{
  g_return_val_if_fail (CR_IS_ALERT_TEST (self), 0);

  return cr_record_get_int64 (CR_RECORD (self), properties[PROP_PARTNER_ID]);
}

void
cr_alert_test_set_partner_id (CrAlertTest *self,
                              gint64      value)
{
  g_return_if_fail (CR_IS_ALERT_TEST (self));

  cr_record_set_int64 (CR_RECORD (self), properties[PROP_PARTNER_ID], value);
}

gint64
cr_alert_test_get_contact_id (CrAlertTest *self)
{
  g_return_val_if_fail (CR_IS_ALERT_TEST (self), 0);

  return cr_record_get_int64 (CR_RECORD (self), properties[PROP_CONTACT_ID]);
}

void
cr_alert_test_set_contact_id (CrAlertTest *self,
                              gint64      value)
{
  g_return_if_fail (CR_IS_ALERT_TEST (self));

  cr_record_set_int64 (CR_RECORD (self), properties[PROP_CONTACT_ID], value);
}

CrAlertChannel
cr_alert_test_get_channel (CrAlertTest *self)
{
  g_return_val_if_fail (CR_IS_ALERT_TEST (self), 0);

  return cr_record_get_enum (CR_RECORD (self), properties[PROP_CHANNEL]);
}

void
cr_alert_test_set_channel (CrAlertTest    *self,
                           CrAlertChannel value)
{
  g_return_if_fail (CR_IS_ALERT_TEST (self));

  cr_record_set_enum (CR_RECORD (self), properties[PROP_CHANNEL], value);
}

/**
 * cr_alert_test_get_started_at:
 *
 * Returns: (transfer none) (nullable): the started at
 */
GDateTime *
cr_alert_test_get_started_at (CrAlertTest *self)
{
  g_return_val_if_fail (CR_IS_ALERT_TEST (self), NULL);

  return cr_record_get_boxed (CR_RECORD (self), properties[PROP_STARTED_AT]);
}

void
cr_alert_test_set_started_at (CrAlertTest *self,
                              GDateTime   *value)
{
  g_return_if_fail (CR_IS_ALERT_TEST (self));

  cr_record_set_boxed (CR_RECORD (self), properties[PROP_STARTED_AT], value);
}

/**
 * cr_alert_test_get_answered_at:
 *
 * Returns: (transfer none) (nullable): the answered at
 */
GDateTime *
cr_alert_test_get_answered_at (CrAlertTest *self)
{
  g_return_val_if_fail (CR_IS_ALERT_TEST (self), NULL);

  return cr_record_get_boxed (CR_RECORD (self), properties[PROP_ANSWERED_AT]);
}

void
cr_alert_test_set_answered_at (CrAlertTest *self,
                               GDateTime   *value)
{
  g_return_if_fail (CR_IS_ALERT_TEST (self));

  cr_record_set_boxed (CR_RECORD (self), properties[PROP_ANSWERED_AT], value);
}

CrAlertOutcome
cr_alert_test_get_outcome (CrAlertTest *self)
{
  g_return_val_if_fail (CR_IS_ALERT_TEST (self), 0);

  return cr_record_get_enum (CR_RECORD (self), properties[PROP_OUTCOME]);
}

void
cr_alert_test_set_outcome (CrAlertTest    *self,
                           CrAlertOutcome value)
{
  g_return_if_fail (CR_IS_ALERT_TEST (self));

  cr_record_set_enum (CR_RECORD (self), properties[PROP_OUTCOME], value);
}

const char *
cr_alert_test_get_notes (CrAlertTest *self)
{
  g_return_val_if_fail (CR_IS_ALERT_TEST (self), NULL);

  return cr_record_get_string (CR_RECORD (self), properties[PROP_NOTES]);
}

void
cr_alert_test_set_notes (CrAlertTest *self,
                         const char  *value)
{
  g_return_if_fail (CR_IS_ALERT_TEST (self));

  cr_record_set_string (CR_RECORD (self), properties[PROP_NOTES], value);
}

gint64
cr_alert_test_get_version (CrAlertTest *self)
{
  g_return_val_if_fail (CR_IS_ALERT_TEST (self), 0);

  return cr_record_get_int64 (CR_RECORD (self), properties[PROP_VERSION]);
}

void
cr_alert_test_set_version (CrAlertTest *self,
                           gint64      value)
{
  g_return_if_fail (CR_IS_ALERT_TEST (self));

  cr_record_set_int64 (CR_RECORD (self), properties[PROP_VERSION], value);
}
