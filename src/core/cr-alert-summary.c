/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cr-alert-summary"

#include "config.h"

#include "cr-alert-summary.h"
#include "cr-alert-test.h"

/* How an alert-test campaign went, from its call rows alone: the store
 * reads the rows, this computes, so the rules are tested without SQL.
 *
 * A partner's response time runs from the first call to its SPOC chain
 * to the answer, escalations included: what matters in a crisis is how
 * long the crisis centre waited for that partner, not for one person. */

G_DEFINE_BOXED_TYPE (CrAlertSummary, cr_alert_summary, cr_alert_summary_copy, cr_alert_summary_free)
G_DEFINE_BOXED_TYPE (CrAlertCoverage, cr_alert_coverage, cr_alert_coverage_copy, cr_alert_coverage_free)

static void
partner_result_clear (gpointer data)
{
  CrAlertPartnerResult *result = data;

  g_clear_pointer (&result->first_call, g_date_time_unref);
}

static GArray *
new_results (void)
{
  GArray *results = g_array_new (FALSE, TRUE, sizeof (CrAlertPartnerResult));

  g_array_set_clear_func (results, partner_result_clear);
  return results;
}

static gboolean
is_answered (CrAlertOutcome outcome)
{
  return outcome == CR_ALERT_OUTCOME_CONFIRMED || outcome == CR_ALERT_OUTCOME_NOT_CONFIRMED;
}

static int
compare_spans (gconstpointer a,
               gconstpointer b)
{
  GTimeSpan x = *(const GTimeSpan *) a, y = *(const GTimeSpan *) b;

  return x < y ? -1 : x > y;
}

/* Folds one call row into its partner's result. */
static void
add_call (CrAlertPartnerResult *result,
          CrAlertTest          *test)
{
  CrAlertOutcome outcome = cr_alert_test_get_outcome (test);
  GDateTime *started = cr_alert_test_get_started_at (test);
  GDateTime *answered = cr_alert_test_get_answered_at (test);

  if (started != NULL)
    {
      result->n_calls++;
      if (result->first_call == NULL || g_date_time_compare (started, result->first_call) < 0)
        {
          g_clear_pointer (&result->first_call, g_date_time_unref);
          result->first_call = g_date_time_ref (started);
        }
    }

  /* An answer settles the partner; a later row (a deputy called by
   * mistake after the answer) does not undo it. */
  if (is_answered (result->outcome))
    return;
  result->channel = cr_alert_test_get_channel (test);
  if (is_answered (outcome))
    {
      result->outcome = outcome;
      result->answered_by = cr_alert_test_get_contact_id (test);
      if (answered != NULL && result->first_call != NULL)
        result->response = g_date_time_difference (answered, result->first_call);
    }
  else if (outcome == CR_ALERT_OUTCOME_UNREACHABLE)
    result->outcome = CR_ALERT_OUTCOME_UNREACHABLE;
}

/**
 * cr_alert_summary_compute:
 * @tests: (element-type CrAlertTest): the call rows of one campaign, in
 *   the order they were made
 * @target_minutes: the campaign's target
 *
 * Returns: (transfer full): the summary
 */
CrAlertSummary *
cr_alert_summary_compute (GListModel *tests,
                          guint       target_minutes)
{
  g_autoptr(GHashTable) index = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GArray) responses = g_array_new (FALSE, FALSE, sizeof (GTimeSpan));
  CrAlertSummary *summary;
  guint n;

  g_return_val_if_fail (G_IS_LIST_MODEL (tests), NULL);

  summary = g_new0 (CrAlertSummary, 1);
  summary->target_minutes = target_minutes;
  summary->partners = new_results ();
  summary->unreachable = g_array_new (FALSE, FALSE, sizeof (gint64));
  summary->median_response = -1;

  n = g_list_model_get_n_items (tests);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CrAlertTest) test = g_list_model_get_item (tests, i);
      gint64 partner_id = cr_alert_test_get_partner_id (test);
      gpointer position;
      CrAlertPartnerResult *result;

      if (!g_hash_table_lookup_extended (index, &partner_id, NULL, &position))
        {
          CrAlertPartnerResult fresh = {
            .partner_id = partner_id,
            .outcome = CR_ALERT_OUTCOME_PENDING,
            .response = -1,
          };

          position = GUINT_TO_POINTER (summary->partners->len);
          g_array_append_val (summary->partners, fresh);
          g_hash_table_insert (index, g_memdup2 (&partner_id, sizeof partner_id), position);
        }
      result = &g_array_index (summary->partners, CrAlertPartnerResult, GPOINTER_TO_UINT (position));
      add_call (result, test);
    }

  summary->n_partners = summary->partners->len;
  for (guint i = 0; i < summary->partners->len; i++)
    {
      CrAlertPartnerResult *result = &g_array_index (summary->partners, CrAlertPartnerResult, i);

      switch (result->outcome)
        {
        case CR_ALERT_OUTCOME_CONFIRMED:
        case CR_ALERT_OUTCOME_NOT_CONFIRMED:
          summary->n_reached++;
          if (result->outcome == CR_ALERT_OUTCOME_CONFIRMED)
            summary->n_confirmed++;
          if (result->response >= 0)
            {
              g_array_append_val (responses, result->response);
              result->within_target = result->response <= (GTimeSpan) target_minutes * G_TIME_SPAN_MINUTE;
            }
          if (result->within_target)
            summary->n_within_target++;
          break;
        case CR_ALERT_OUTCOME_UNREACHABLE:
          summary->n_unreachable++;
          g_array_append_val (summary->unreachable, result->partner_id);
          break;
        case CR_ALERT_OUTCOME_PENDING:
        case CR_ALERT_OUTCOME_NO_ANSWER:
        default:
          result->outcome = CR_ALERT_OUTCOME_PENDING;
          summary->n_pending++;
          break;
        }
    }

  if (summary->n_partners > 0)
    summary->share_within_target = (double) summary->n_within_target / summary->n_partners;
  if (responses->len > 0)
    {
      guint mid = responses->len / 2;

      g_array_sort (responses, compare_spans);
      if (responses->len % 2 == 1)
        summary->median_response = g_array_index (responses, GTimeSpan, mid);
      else
        summary->median_response = (g_array_index (responses, GTimeSpan, mid - 1) +
                                    g_array_index (responses, GTimeSpan, mid)) / 2;
    }
  return summary;
}

/**
 * cr_alert_summary_find:
 *
 * Returns: (transfer none) (nullable): the result of @partner_id
 */
const CrAlertPartnerResult *
cr_alert_summary_find (const CrAlertSummary *summary,
                       gint64                partner_id)
{
  g_return_val_if_fail (summary != NULL, NULL);

  for (guint i = 0; i < summary->partners->len; i++)
    {
      const CrAlertPartnerResult *result = &g_array_index (summary->partners, CrAlertPartnerResult, i);

      if (result->partner_id == partner_id)
        return result;
    }
  return NULL;
}

CrAlertSummary *
cr_alert_summary_copy (const CrAlertSummary *summary)
{
  CrAlertSummary *copy;

  g_return_val_if_fail (summary != NULL, NULL);

  copy = g_memdup2 (summary, sizeof *summary);
  copy->partners = new_results ();
  for (guint i = 0; i < summary->partners->len; i++)
    {
      CrAlertPartnerResult result = g_array_index (summary->partners, CrAlertPartnerResult, i);

      if (result.first_call != NULL)
        g_date_time_ref (result.first_call);
      g_array_append_val (copy->partners, result);
    }
  copy->unreachable = g_array_copy (summary->unreachable);
  return copy;
}

void
cr_alert_summary_free (CrAlertSummary *summary)
{
  if (summary == NULL)
    return;
  g_array_unref (summary->partners);
  g_array_unref (summary->unreachable);
  g_free (summary);
}

CrAlertCoverage *
cr_alert_coverage_copy (const CrAlertCoverage *coverage)
{
  CrAlertCoverage *copy;

  g_return_val_if_fail (coverage != NULL, NULL);

  copy = g_memdup2 (coverage, sizeof *coverage);
  if (copy->since != NULL)
    g_date_time_ref (copy->since);
  copy->untested = g_array_copy (coverage->untested);
  return copy;
}

void
cr_alert_coverage_free (CrAlertCoverage *coverage)
{
  if (coverage == NULL)
    return;
  g_clear_pointer (&coverage->since, g_date_time_unref);
  g_clear_pointer (&coverage->untested, g_array_unref);
  g_free (coverage);
}
