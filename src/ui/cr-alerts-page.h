/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "cr-alert-campaign-dialog.h"
#include "cr-alert-row.h"
#include "cr-window.h"

G_BEGIN_DECLS

#define CR_TYPE_ALERTS_PAGE (cr_alerts_page_get_type ())
G_DECLARE_FINAL_TYPE (CrAlertsPage, cr_alerts_page, CR, ALERTS_PAGE, AdwBin)

CrAlertsPage          *cr_alerts_page_new             (CrWindow      *window);

/* The page's clock: the system's, unless a time is set (tests, replays). */
void                   cr_alerts_page_set_now         (CrAlertsPage  *self,
                                                       GDateTime     *now);
GDateTime             *cr_alerts_page_get_now         (CrAlertsPage  *self);

CrAlertCampaignDialog *cr_alerts_page_new_campaign    (CrAlertsPage  *self);
gint64                 cr_alerts_page_start_campaign  (CrAlertsPage  *self,
                                                       const char    *name,
                                                       const gint64  *partner_ids,
                                                       guint          n_partners,
                                                       CrAlertChannel channel,
                                                       guint          target_minutes,
                                                       GError       **error);
gboolean               cr_alerts_page_select_campaign (CrAlertsPage  *self,
                                                       gint64         campaign_id);
gint64                 cr_alerts_page_get_campaign    (CrAlertsPage  *self);
CrAlertRow            *cr_alerts_page_get_row         (CrAlertsPage  *self,
                                                       gint64         partner_id);

G_END_DECLS
