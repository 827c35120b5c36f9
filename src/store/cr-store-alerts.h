/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cr-alert-summary.h"
#include "cr-store.h"

G_BEGIN_DECLS

/* Alert tests: a campaign calls the SPOC chain of every partner it
 * covers, escalating to the next deputy when nobody answers, and records
 * each call (cr-store-alerts.c). Times are parameters, so the caller's
 * stopwatch (and the tests) decide what "now" is. */

gboolean         cr_store_start_alert_campaign (CrStore       *self,
                                                const char    *name,
                                                const gint64  *partner_ids,
                                                guint          n_partners,
                                                guint          target_minutes,
                                                GDateTime     *at,
                                                gint64        *campaign_id,
                                                GError       **error);
gboolean         cr_store_end_alert_campaign   (CrStore       *self,
                                                gint64         campaign_id,
                                                GDateTime     *at,
                                                GError       **error);
GListModel      *cr_store_list_alert_campaigns (CrStore       *self,
                                                GError       **error);
GListModel      *cr_store_list_alert_tests     (CrStore       *self,
                                                gint64         campaign_id,
                                                GError       **error);
CrAlertTest     *cr_store_get_alert_call       (CrStore       *self,
                                                gint64         campaign_id,
                                                gint64         partner_id,
                                                GError       **error);

/* The stopwatch: "Calling…" → "Answered" or "No answer". */
gboolean         cr_store_alert_call_start     (CrStore       *self,
                                                gint64         test_id,
                                                CrAlertChannel channel,
                                                GDateTime     *at,
                                                GError       **error);
gboolean         cr_store_alert_call_picked_up (CrStore       *self,
                                                gint64         test_id,
                                                GDateTime     *at,
                                                GError       **error);
gboolean         cr_store_alert_call_answered  (CrStore       *self,
                                                gint64         test_id,
                                                CrAlertOutcome outcome,
                                                GDateTime     *at,
                                                GError       **error);
gboolean         cr_store_alert_call_no_answer (CrStore       *self,
                                                gint64         test_id,
                                                GDateTime     *at,
                                                gint64        *next_test_id,
                                                GError       **error);
gboolean         cr_store_alert_give_up        (CrStore       *self,
                                                gint64         test_id,
                                                GDateTime     *at,
                                                GError       **error);

CrAlertSummary  *cr_store_get_alert_summary    (CrStore       *self,
                                                gint64         campaign_id,
                                                GError       **error);
CrAlertCoverage *cr_store_get_alert_coverage   (CrStore       *self,
                                                GDateTime     *now,
                                                GError       **error);

G_END_DECLS
