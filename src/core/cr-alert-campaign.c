/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cr-alert-campaign"

#include "config.h"

#include "cr-alert-campaign.h"

/**
 * CrAlertCampaign:
 *
 * An alert test campaign over partners' SPOCs.
 */
struct _CrAlertCampaign
{
  CrRecord parent_instance;
};

enum
{
  PROP_0,
  PROP_NAME,
  PROP_STARTED_AT,
  PROP_ENDED_AT,
  PROP_TARGET_MINUTES,
  PROP_NOTES,
  PROP_VERSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (CrAlertCampaign, cr_alert_campaign, CR_TYPE_RECORD)

static void
cr_alert_campaign_class_init (CrAlertCampaignClass *klass)
{
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STARTED_AT] =
    g_param_spec_boxed ("started-at", NULL, NULL, G_TYPE_DATE_TIME,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ENDED_AT] =
    g_param_spec_boxed ("ended-at", NULL, NULL, G_TYPE_DATE_TIME,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TARGET_MINUTES] =
    g_param_spec_int ("target-minutes", NULL, NULL, 1, 24 * 60, 15,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NOTES] =
    g_param_spec_string ("notes", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_VERSION] =
    g_param_spec_int64 ("version", NULL, NULL, G_MININT64, G_MAXINT64, 1,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  cr_record_class_install_fields (CR_RECORD_CLASS (klass), "alert_campaigns", N_PROPS, properties);
}

static void
cr_alert_campaign_init (CrAlertCampaign *self)
{
}

CrAlertCampaign *
cr_alert_campaign_new (void)
{
  return g_object_new (CR_TYPE_ALERT_CAMPAIGN, NULL);
}

const char *
cr_alert_campaign_get_name (CrAlertCampaign *self)
{
  g_return_val_if_fail (CR_IS_ALERT_CAMPAIGN (self), NULL);

  return cr_record_get_string (CR_RECORD (self), properties[PROP_NAME]);
}

void
cr_alert_campaign_set_name (CrAlertCampaign *self,
                            const char      *value)
{
  g_return_if_fail (CR_IS_ALERT_CAMPAIGN (self));

  cr_record_set_string (CR_RECORD (self), properties[PROP_NAME], value);
}

/**
 * cr_alert_campaign_get_started_at:
 *
 * Returns: (transfer none) (nullable): the started at
 */
GDateTime *
cr_alert_campaign_get_started_at (CrAlertCampaign *self)
{
  g_return_val_if_fail (CR_IS_ALERT_CAMPAIGN (self), NULL);

  return cr_record_get_boxed (CR_RECORD (self), properties[PROP_STARTED_AT]);
}

void
cr_alert_campaign_set_started_at (CrAlertCampaign *self,
                                  GDateTime       *value)
{
  g_return_if_fail (CR_IS_ALERT_CAMPAIGN (self));

  cr_record_set_boxed (CR_RECORD (self), properties[PROP_STARTED_AT], value);
}

/**
 * cr_alert_campaign_get_ended_at:
 *
 * Returns: (transfer none) (nullable): the ended at
 */
GDateTime *
cr_alert_campaign_get_ended_at (CrAlertCampaign *self)
{
  g_return_val_if_fail (CR_IS_ALERT_CAMPAIGN (self), NULL);

  return cr_record_get_boxed (CR_RECORD (self), properties[PROP_ENDED_AT]);
}

void
cr_alert_campaign_set_ended_at (CrAlertCampaign *self,
                                GDateTime       *value)
{
  g_return_if_fail (CR_IS_ALERT_CAMPAIGN (self));

  cr_record_set_boxed (CR_RECORD (self), properties[PROP_ENDED_AT], value);
}

int
cr_alert_campaign_get_target_minutes (CrAlertCampaign *self)
{
  g_return_val_if_fail (CR_IS_ALERT_CAMPAIGN (self), 0);

  return cr_record_get_int (CR_RECORD (self), properties[PROP_TARGET_MINUTES]);
}

void
cr_alert_campaign_set_target_minutes (CrAlertCampaign *self,
                                      int             value)
{
  g_return_if_fail (CR_IS_ALERT_CAMPAIGN (self));

  cr_record_set_int (CR_RECORD (self), properties[PROP_TARGET_MINUTES], value);
}

const char *
cr_alert_campaign_get_notes (CrAlertCampaign *self)
{
  g_return_val_if_fail (CR_IS_ALERT_CAMPAIGN (self), NULL);

  return cr_record_get_string (CR_RECORD (self), properties[PROP_NOTES]);
}

void
cr_alert_campaign_set_notes (CrAlertCampaign *self,
                             const char      *value)
{
  g_return_if_fail (CR_IS_ALERT_CAMPAIGN (self));

  cr_record_set_string (CR_RECORD (self), properties[PROP_NOTES], value);
}

gint64
cr_alert_campaign_get_version (CrAlertCampaign *self)
{
  g_return_val_if_fail (CR_IS_ALERT_CAMPAIGN (self), 0);

  return cr_record_get_int64 (CR_RECORD (self), properties[PROP_VERSION]);
}

void
cr_alert_campaign_set_version (CrAlertCampaign *self,
                               gint64          value)
{
  g_return_if_fail (CR_IS_ALERT_CAMPAIGN (self));

  cr_record_set_int64 (CR_RECORD (self), properties[PROP_VERSION], value);
}
