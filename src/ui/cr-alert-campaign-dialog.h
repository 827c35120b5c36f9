/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "cr-store.h"

G_BEGIN_DECLS

#define CR_TYPE_ALERT_CAMPAIGN_DIALOG (cr_alert_campaign_dialog_get_type ())
G_DECLARE_FINAL_TYPE (CrAlertCampaignDialog, cr_alert_campaign_dialog, CR, ALERT_CAMPAIGN_DIALOG, AdwWindow)

CrAlertCampaignDialog *cr_alert_campaign_dialog_new          (CrStore               *store,
                                                              const char            *name,
                                                              guint                  target_minutes,
                                                              GtkWindow             *parent);

void                   cr_alert_campaign_dialog_set_name     (CrAlertCampaignDialog *self,
                                                              const char            *name);
const char            *cr_alert_campaign_dialog_get_name     (CrAlertCampaignDialog *self);
void                   cr_alert_campaign_dialog_set_channel  (CrAlertCampaignDialog *self,
                                                              CrAlertChannel         channel);
CrAlertChannel         cr_alert_campaign_dialog_get_channel  (CrAlertCampaignDialog *self);
void                   cr_alert_campaign_dialog_set_target   (CrAlertCampaignDialog *self,
                                                              guint                  minutes);
guint                  cr_alert_campaign_dialog_get_target   (CrAlertCampaignDialog *self);
void                   cr_alert_campaign_dialog_set_all      (CrAlertCampaignDialog *self,
                                                              gboolean               all);
void                   cr_alert_campaign_dialog_set_partner  (CrAlertCampaignDialog *self,
                                                              gint64                 partner_id,
                                                              gboolean               chosen);
GArray                *cr_alert_campaign_dialog_get_partners (CrAlertCampaignDialog *self);

gboolean               cr_alert_campaign_dialog_start        (CrAlertCampaignDialog *self);
void                   cr_alert_campaign_dialog_set_error    (CrAlertCampaignDialog *self,
                                                              const char            *message);
const char            *cr_alert_campaign_dialog_get_error    (CrAlertCampaignDialog *self);

G_END_DECLS
