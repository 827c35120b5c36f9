/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "cr-enums.h"

G_BEGIN_DECLS

/**
 * CrAlertPartnerResult:
 * @partner_id: the partner
 * @outcome: how the partner's part of the test ended:
 *   %CR_ALERT_OUTCOME_CONFIRMED or %CR_ALERT_OUTCOME_NOT_CONFIRMED when
 *   someone answered, %CR_ALERT_OUTCOME_UNREACHABLE when nobody of the
 *   SPOC chain did, %CR_ALERT_OUTCOME_PENDING while calls go on
 * @answered_by: the contact who answered, or 0
 * @channel: the channel of the answered call (else of the last call)
 * @n_calls: calls made to the partner (escalations included)
 * @first_call: (nullable): when the first call started
 * @response: first call to answer, or -1 when nobody answered
 * @within_target: answered within the campaign's target
 */
typedef struct
{
  gint64 partner_id;
  CrAlertOutcome outcome;
  gint64 answered_by;
  CrAlertChannel channel;
  guint n_calls;
  GDateTime *first_call;
  GTimeSpan response;
  gboolean within_target;
} CrAlertPartnerResult;

/**
 * CrAlertSummary:
 * @target_minutes: the target the campaign was measured against
 * @n_partners: partners in the campaign
 * @n_reached: partners where someone answered
 * @n_confirmed: partners that confirmed
 * @n_within_target: partners reached within the target
 * @n_unreachable: partners nobody answered for
 * @n_pending: partners still being called, or not called yet
 * @share_within_target: @n_within_target / @n_partners (0 without partners)
 * @median_response: median time to answer of the reached partners, or -1
 * @partners: (element-type CrAlertPartnerResult): one per partner, in
 *   the order of their first call row
 * @unreachable: (element-type gint64): the unreachable partners' ids
 */
typedef struct
{
  guint target_minutes;
  guint n_partners;
  guint n_reached;
  guint n_confirmed;
  guint n_within_target;
  guint n_unreachable;
  guint n_pending;
  double share_within_target;
  GTimeSpan median_response;
  GArray *partners;
  GArray *unreachable;
} CrAlertSummary;

/**
 * CrAlertCoverage:
 * @since: the start of the period (12 months before the time asked about)
 * @n_partners: every partner of the directory
 * @n_tested: partners reached in at least one test of the period
 * @share: @n_tested / @n_partners (0 without partners)
 * @untested: (element-type gint64): the other partners' ids, by name
 */
typedef struct
{
  GDateTime *since;
  guint n_partners;
  guint n_tested;
  double share;
  GArray *untested;
} CrAlertCoverage;

#define CR_TYPE_ALERT_SUMMARY (cr_alert_summary_get_type ())
GType            cr_alert_summary_get_type  (void) G_GNUC_CONST;
CrAlertSummary  *cr_alert_summary_compute   (GListModel     *tests,
                                             guint           target_minutes);
CrAlertSummary  *cr_alert_summary_copy      (const CrAlertSummary *summary);
void             cr_alert_summary_free      (CrAlertSummary *summary);
const CrAlertPartnerResult *cr_alert_summary_find (const CrAlertSummary *summary,
                                             gint64          partner_id);

#define CR_TYPE_ALERT_COVERAGE (cr_alert_coverage_get_type ())
GType            cr_alert_coverage_get_type (void) G_GNUC_CONST;
CrAlertCoverage *cr_alert_coverage_copy     (const CrAlertCoverage *coverage);
void             cr_alert_coverage_free     (CrAlertCoverage *coverage);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrAlertSummary, cr_alert_summary_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrAlertCoverage, cr_alert_coverage_free)

G_END_DECLS
