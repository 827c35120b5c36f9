/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cr-enums.h"
#include "cr-record.h"

G_BEGIN_DECLS

#define CR_TYPE_ALERT_TEST (cr_alert_test_get_type ())
G_DECLARE_FINAL_TYPE (CrAlertTest, cr_alert_test, CR, ALERT_TEST, CrRecord)

CrAlertTest   *cr_alert_test_new             (void);
gint64         cr_alert_test_get_campaign_id (CrAlertTest *self);
void           cr_alert_test_set_campaign_id (CrAlertTest *self,
                                              gint64      value);
gint64         cr_alert_test_get_partner_id  (CrAlertTest *self);
void           cr_alert_test_set_partner_id  (CrAlertTest *self,
                                              gint64      value);
gint64         cr_alert_test_get_contact_id  (CrAlertTest *self);
void           cr_alert_test_set_contact_id  (CrAlertTest *self,
                                              gint64      value);
CrAlertChannel cr_alert_test_get_channel     (CrAlertTest *self);
void           cr_alert_test_set_channel     (CrAlertTest    *self,
                                              CrAlertChannel value);
GDateTime     *cr_alert_test_get_started_at  (CrAlertTest *self);
void           cr_alert_test_set_started_at  (CrAlertTest *self,
                                              GDateTime   *value);
GDateTime     *cr_alert_test_get_answered_at (CrAlertTest *self);
void           cr_alert_test_set_answered_at (CrAlertTest *self,
                                              GDateTime   *value);
CrAlertOutcome cr_alert_test_get_outcome     (CrAlertTest *self);
void           cr_alert_test_set_outcome     (CrAlertTest    *self,
                                              CrAlertOutcome value);
const char    *cr_alert_test_get_notes       (CrAlertTest *self);
void           cr_alert_test_set_notes       (CrAlertTest *self,
                                              const char  *value);
gint64         cr_alert_test_get_version     (CrAlertTest *self);
void           cr_alert_test_set_version     (CrAlertTest *self,
                                              gint64      value);

G_END_DECLS
