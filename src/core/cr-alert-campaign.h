/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cr-enums.h"
#include "cr-record.h"

G_BEGIN_DECLS

#define CR_TYPE_ALERT_CAMPAIGN (cr_alert_campaign_get_type ())
G_DECLARE_FINAL_TYPE (CrAlertCampaign, cr_alert_campaign, CR, ALERT_CAMPAIGN, CrRecord)

CrAlertCampaign *cr_alert_campaign_new                (void);
const char      *cr_alert_campaign_get_name           (CrAlertCampaign *self);
void             cr_alert_campaign_set_name           (CrAlertCampaign *self,
                                                       const char      *value);
GDateTime       *cr_alert_campaign_get_started_at     (CrAlertCampaign *self);
void             cr_alert_campaign_set_started_at     (CrAlertCampaign *self,
                                                       GDateTime       *value);
GDateTime       *cr_alert_campaign_get_ended_at       (CrAlertCampaign *self);
void             cr_alert_campaign_set_ended_at       (CrAlertCampaign *self,
                                                       GDateTime       *value);
int              cr_alert_campaign_get_target_minutes (CrAlertCampaign *self);
void             cr_alert_campaign_set_target_minutes (CrAlertCampaign *self,
                                                       int             value);
const char      *cr_alert_campaign_get_notes          (CrAlertCampaign *self);
void             cr_alert_campaign_set_notes          (CrAlertCampaign *self,
                                                       const char      *value);
gint64           cr_alert_campaign_get_version        (CrAlertCampaign *self);
void             cr_alert_campaign_set_version        (CrAlertCampaign *self,
                                                       gint64          value);

G_END_DECLS
