/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cr-store"

#include "config.h"

#include <glib/gi18n.h>

#include "cr-labels.h"
#include "cr-store-alerts.h"
#include "cr-store-private.h"
#include "cr-time.h"

/* One alert_tests row is one call (or SMS, or e-mail) to one contact.
 * A campaign starts with one row per partner, for its SPOC, not yet
 * called; "no answer" closes a row and opens the next one, for the next
 * deputy of the chain not called yet, started at once on the same
 * channel; when the chain is exhausted the last row says "unreachable".
 * cr_alert_summary_compute() reads the rows back into results. */

static CrAlertTest *
get_open_call (CrStore  *self,
               gint64    test_id,
               gboolean  must_be_started,
               GError  **error)
{
  g_autoptr(CrAlertTest) test = cr_store_get (self, CR_TYPE_ALERT_TEST, test_id, error);

  if (test == NULL)
    return NULL;
  if (cr_alert_test_get_outcome (test) != CR_ALERT_OUTCOME_PENDING)
    {
      g_set_error (error, CR_STORE_ERROR, CR_STORE_ERROR_INVALID,
                   _("This call is already over (%s): go on with the partner’s current call."),
                   cr_alert_outcome_label (cr_alert_test_get_outcome (test)));
      return NULL;
    }
  if (must_be_started && cr_alert_test_get_started_at (test) == NULL)
    {
      g_set_error (error, CR_STORE_ERROR, CR_STORE_ERROR_INVALID,
                   _("This call has not started: start it before recording how it went."));
      return NULL;
    }
  if (cr_alert_test_get_campaign_id (test) > 0)
    {
      g_autoptr(CrAlertCampaign) campaign = cr_store_get (self, CR_TYPE_ALERT_CAMPAIGN,
                                                          cr_alert_test_get_campaign_id (test), error);

      if (campaign == NULL)
        return NULL;
      if (cr_alert_campaign_get_ended_at (campaign) != NULL)
        {
          g_set_error (error, CR_STORE_ERROR, CR_STORE_ERROR_INVALID,
                       _("The campaign “%s” has ended: start a new campaign to call again."),
                       cr_alert_campaign_get_name (campaign));
          return NULL;
        }
    }
  return g_steal_pointer (&test);
}

static gboolean
check_not_before (GDateTime  *at,
                  GDateTime  *start,
                  GError    **error)
{
  if (start != NULL && g_date_time_compare (at, start) < 0)
    {
      g_set_error (error, CR_STORE_ERROR, CR_STORE_ERROR_INVALID,
                   _("The answer cannot come before the call started: check the clock."));
      return FALSE;
    }
  return TRUE;
}

/**
 * cr_store_start_alert_campaign:
 * @partner_ids: (array length=n_partners) (nullable): the partners to
 *   test, or %NULL (with 0) for every partner
 * @target_minutes: the time within which a partner should answer (the
 *   alert-target-minutes setting)
 * @at: when the campaign starts
 * @campaign_id: (out) (optional): the new campaign
 *
 * Creates the campaign and, for each partner, its first call: to the
 * SPOC, not started yet (a partner without a SPOC gets a call to nobody,
 * which can only be given up as unreachable).
 */
gboolean
cr_store_start_alert_campaign (CrStore      *self,
                               const char   *name,
                               const gint64 *partner_ids,
                               guint         n_partners,
                               guint         target_minutes,
                               GDateTime    *at,
                               gint64       *campaign_id,
                               GError      **error)
{
  g_autoptr(CrAlertCampaign) campaign = cr_alert_campaign_new ();
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  g_return_val_if_fail (CR_IS_STORE (self), FALSE);
  g_return_val_if_fail (at != NULL, FALSE);
  g_return_val_if_fail (partner_ids != NULL || n_partners == 0, FALSE);

  if (name == NULL || *name == '\0')
    {
      g_set_error (error, CR_STORE_ERROR, CR_STORE_ERROR_INVALID,
                   _("Name the alert test, e.g. “Alert test March”."));
      return FALSE;
    }
  if (target_minutes == 0)
    {
      g_set_error (error, CR_STORE_ERROR, CR_STORE_ERROR_INVALID,
                   _("The target must be at least one minute."));
      return FALSE;
    }

  if (!cr_store_begin (self, error))
    return FALSE;
  if (partner_ids != NULL && n_partners > 0)
    g_array_append_vals (ids, partner_ids, n_partners);
  else
    {
      g_autoptr(GListModel) partners = _cr_store_list_query (self, CR_TYPE_PARTNER, NULL,
                                                             "\"name\" COLLATE NOCASE, \"id\"",
                                                             NULL, 0, error);

      if (partners == NULL)
        goto fail;
      for (guint i = 0; i < g_list_model_get_n_items (partners); i++)
        {
          g_autoptr(CrRecord) partner = g_list_model_get_item (partners, i);
          gint64 id = cr_record_get_id (partner);

          g_array_append_val (ids, id);
        }
    }
  if (ids->len == 0)
    {
      g_set_error (error, CR_STORE_ERROR, CR_STORE_ERROR_INVALID,
                   _("There is no partner to test: add the partners first."));
      goto fail;
    }

  cr_alert_campaign_set_name (campaign, name);
  cr_alert_campaign_set_started_at (campaign, at);
  cr_alert_campaign_set_target_minutes (campaign, (int) MIN (target_minutes, G_MAXINT));
  if (!cr_store_insert (self, CR_RECORD (campaign), error))
    goto fail;

  for (guint i = 0; i < ids->len; i++)
    {
      gint64 partner_id = g_array_index (ids, gint64, i);
      g_autoptr(CrPartner) partner = cr_store_get (self, CR_TYPE_PARTNER, partner_id, error);
      g_autoptr(GListModel) chain = NULL;
      g_autoptr(CrAlertTest) test = cr_alert_test_new ();

      if (partner == NULL)
        goto fail;
      chain = cr_store_list_spoc_chain (self, partner_id, error);
      if (chain == NULL)
        goto fail;
      cr_alert_test_set_campaign_id (test, cr_record_get_id (CR_RECORD (campaign)));
      cr_alert_test_set_partner_id (test, partner_id);
      if (g_list_model_get_n_items (chain) > 0)
        {
          g_autoptr(CrRecord) spoc = g_list_model_get_item (chain, 0);

          cr_alert_test_set_contact_id (test, cr_record_get_id (spoc));
        }
      if (!cr_store_insert (self, CR_RECORD (test), error))
        goto fail;
    }
  if (!cr_store_commit (self, error))
    return FALSE;
  if (campaign_id != NULL)
    *campaign_id = cr_record_get_id (CR_RECORD (campaign));
  return TRUE;

fail:
  cr_store_rollback (self);
  return FALSE;
}

/* Ends the campaign: no more calls. Partners still pending stay so. */
gboolean
cr_store_end_alert_campaign (CrStore   *self,
                             gint64     campaign_id,
                             GDateTime *at,
                             GError   **error)
{
  g_autoptr(CrAlertCampaign) campaign = NULL;

  g_return_val_if_fail (CR_IS_STORE (self), FALSE);
  g_return_val_if_fail (at != NULL, FALSE);

  if (!cr_store_begin (self, error))
    return FALSE;
  campaign = cr_store_get (self, CR_TYPE_ALERT_CAMPAIGN, campaign_id, error);
  if (campaign == NULL)
    goto fail;
  if (cr_alert_campaign_get_ended_at (campaign) == NULL)
    {
      cr_alert_campaign_set_ended_at (campaign, at);
      if (!cr_store_update (self, CR_RECORD (campaign), error))
        goto fail;
    }
  return cr_store_commit (self, error);

fail:
  cr_store_rollback (self);
  return FALSE;
}

/**
 * cr_store_list_alert_campaigns:
 *
 * Returns: (transfer full): the #CrAlertCampaign, latest first
 */
GListModel *
cr_store_list_alert_campaigns (CrStore *self,
                               GError **error)
{
  g_return_val_if_fail (CR_IS_STORE (self), NULL);

  return _cr_store_list_query (self, CR_TYPE_ALERT_CAMPAIGN, NULL,
                               "\"started_at\" DESC, \"id\" DESC", NULL, 0, error);
}

/**
 * cr_store_list_alert_tests:
 *
 * Returns: (transfer full): the campaign's #CrAlertTest calls, in the
 *   order they were opened
 */
GListModel *
cr_store_list_alert_tests (CrStore *self,
                           gint64   campaign_id,
                           GError **error)
{
  g_return_val_if_fail (CR_IS_STORE (self), NULL);

  return _cr_store_list_query (self, CR_TYPE_ALERT_TEST, "\"campaign_id\" = ?1", "\"id\"",
                               &(CrStoreParam) { .value = campaign_id }, 1, error);
}

/**
 * cr_store_get_alert_call:
 *
 * Returns: (transfer full) (nullable): the partner's latest call in the
 *   campaign: the one the stopwatch shows
 */
CrAlertTest *
cr_store_get_alert_call (CrStore *self,
                         gint64   campaign_id,
                         gint64   partner_id,
                         GError **error)
{
  const CrStoreParam args[] = { { .value = campaign_id }, { .value = partner_id } };
  g_autoptr(GListModel) list = NULL;
  guint n;

  g_return_val_if_fail (CR_IS_STORE (self), NULL);

  list = _cr_store_list_query (self, CR_TYPE_ALERT_TEST, "\"campaign_id\" = ?1 AND \"partner_id\" = ?2",
                               "\"id\"", args, 2, error);
  if (list == NULL || (n = g_list_model_get_n_items (list)) == 0)
    return NULL;
  return g_list_model_get_item (list, n - 1);
}

/* What a step of the stopwatch is given, and what it gives back. */
typedef struct
{
  GDateTime *at;
  CrAlertChannel channel;
  CrAlertOutcome outcome;
  gint64 next_test_id;
} CallStep;

typedef gboolean (*CallStepFunc) (CrStore     *self,
                                  CrAlertTest *test,
                                  CallStep    *step,
                                  GError     **error);

/* Every step of the stopwatch, in one transaction: the call must be open
 * (and started, with @must_be_started, and then not answered before its
 * start); @func changes it, and may write more rows; the call is stored. */
static gboolean
step_call (CrStore      *self,
           gint64        test_id,
           gboolean      must_be_started,
           CallStepFunc  func,
           CallStep     *step,
           GError      **error)
{
  g_autoptr(CrAlertTest) test = NULL;

  if (!cr_store_begin (self, error))
    return FALSE;
  test = get_open_call (self, test_id, must_be_started, error);
  if (test == NULL ||
      (must_be_started && step->at != NULL &&
       !check_not_before (step->at, cr_alert_test_get_started_at (test), error)) ||
      !func (self, test, step, error) || !cr_store_update (self, CR_RECORD (test), error))
    {
      cr_store_rollback (self);
      return FALSE;
    }
  return cr_store_commit (self, error);
}

static gboolean
start_step (CrStore     *self,
            CrAlertTest *test,
            CallStep    *step,
            GError     **error)
{
  if (cr_alert_test_get_started_at (test) != NULL)
    {
      g_set_error (error, CR_STORE_ERROR, CR_STORE_ERROR_INVALID,
                   _("This call has already started: record the answer, or “No answer”."));
      return FALSE;
    }
  if (cr_alert_test_get_contact_id (test) == 0)
    {
      g_set_error (error, CR_STORE_ERROR, CR_STORE_ERROR_INVALID,
                   _("This partner has no SPOC to call: record it as unreachable, and choose "
                     "its SPOC in the directory."));
      return FALSE;
    }
  cr_alert_test_set_channel (test, step->channel);
  cr_alert_test_set_started_at (test, step->at);
  return TRUE;
}

/**
 * cr_store_alert_call_start:
 *
 * "Calling…": the call to the row's contact starts at @at.
 */
gboolean
cr_store_alert_call_start (CrStore        *self,
                           gint64          test_id,
                           CrAlertChannel  channel,
                           GDateTime      *at,
                           GError        **error)
{
  CallStep step = { .at = at, .channel = channel };

  g_return_val_if_fail (CR_IS_STORE (self), FALSE);
  g_return_val_if_fail (at != NULL, FALSE);

  return step_call (self, test_id, FALSE, start_step, &step, error);
}

static gboolean
picked_up_step (CrStore     *self,
                CrAlertTest *test,
                CallStep    *step,
                GError     **error)
{
  cr_alert_test_set_answered_at (test, step->at);
  return TRUE;
}

/**
 * cr_store_alert_call_picked_up:
 * @at: (nullable): when the contact answered; %NULL takes back an answer
 *   recorded by mistake, and the call goes on
 *
 * "Answered": stops the stopwatch of a call while the operator learns
 * whether the alert is confirmed. Stored at once, like every step, so
 * that the other windows on the file show it and nothing is lost if
 * this one closes; the outcome follows with
 * cr_store_alert_call_answered().
 */
gboolean
cr_store_alert_call_picked_up (CrStore   *self,
                               gint64     test_id,
                               GDateTime *at,
                               GError   **error)
{
  CallStep step = { .at = at };

  g_return_val_if_fail (CR_IS_STORE (self), FALSE);

  return step_call (self, test_id, TRUE, picked_up_step, &step, error);
}

static gboolean
answered_step (CrStore     *self,
               CrAlertTest *test,
               CallStep    *step,
               GError     **error)
{
  if (cr_alert_test_get_answered_at (test) == NULL)
    cr_alert_test_set_answered_at (test, step->at);
  cr_alert_test_set_outcome (test, step->outcome);
  return TRUE;
}

/**
 * cr_store_alert_call_answered:
 * @outcome: %CR_ALERT_OUTCOME_CONFIRMED, or
 *   %CR_ALERT_OUTCOME_NOT_CONFIRMED when the person answered but could
 *   not confirm the alert
 * @at: when the contact answered, unless cr_store_alert_call_picked_up()
 *   recorded it already: that time stays
 *
 * Ends the partner's part of the campaign.
 */
gboolean
cr_store_alert_call_answered (CrStore        *self,
                              gint64          test_id,
                              CrAlertOutcome  outcome,
                              GDateTime      *at,
                              GError        **error)
{
  CallStep step = { .at = at, .outcome = outcome };

  g_return_val_if_fail (CR_IS_STORE (self), FALSE);
  g_return_val_if_fail (at != NULL, FALSE);
  g_return_val_if_fail (outcome == CR_ALERT_OUTCOME_CONFIRMED ||
                        outcome == CR_ALERT_OUTCOME_NOT_CONFIRMED, FALSE);

  return step_call (self, test_id, TRUE, answered_step, &step, error);
}

/* The next contact of the chain not called yet in this campaign, or 0. */
static gint64
next_in_chain (CrStore     *self,
               CrAlertTest *test,
               GError     **error)
{
  const CrStoreParam args[] = { { .value = cr_alert_test_get_campaign_id (test) },
                                { .value = cr_alert_test_get_partner_id (test) } };
  g_autoptr(GListModel) chain = NULL;
  g_autoptr(GListModel) calls = NULL;
  g_autoptr(GHashTable) called = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GArray) called_ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  chain = cr_store_list_spoc_chain (self, cr_alert_test_get_partner_id (test), error);
  if (chain == NULL)
    return -1;
  if (args[0].value > 0)
    {
      calls = _cr_store_list_query (self, CR_TYPE_ALERT_TEST,
                                    "\"campaign_id\" = ?1 AND \"partner_id\" = ?2", "\"id\"",
                                    args, 2, error);
      if (calls == NULL)
        return -1;
      for (guint i = 0; i < g_list_model_get_n_items (calls); i++)
        {
          g_autoptr(CrAlertTest) call = g_list_model_get_item (calls, i);
          gint64 contact_id = cr_alert_test_get_contact_id (call);

          g_array_append_val (called_ids, contact_id);
        }
    }
  else
    {
      /* A call outside any campaign: only its own contact was called. */
      gint64 contact_id = cr_alert_test_get_contact_id (test);

      g_array_append_val (called_ids, contact_id);
    }
  for (guint i = 0; i < called_ids->len; i++)
    g_hash_table_add (called, &g_array_index (called_ids, gint64, i));
  for (guint i = 0; i < g_list_model_get_n_items (chain); i++)
    {
      g_autoptr(CrRecord) contact = g_list_model_get_item (chain, i);
      gint64 id = cr_record_get_id (contact);

      if (!g_hash_table_contains (called, &id))
        return id;
    }
  return 0;
}

static gboolean
no_answer_step (CrStore     *self,
                CrAlertTest *test,
                CallStep    *step,
                GError     **error)
{
  g_autoptr(CrAlertTest) call = NULL;
  gint64 next = next_in_chain (self, test, error);

  if (next < 0)
    return FALSE;
  cr_alert_test_set_outcome (test, next > 0 ? CR_ALERT_OUTCOME_NO_ANSWER : CR_ALERT_OUTCOME_UNREACHABLE);
  if (next == 0)
    return TRUE;
  call = cr_alert_test_new ();
  cr_alert_test_set_campaign_id (call, cr_alert_test_get_campaign_id (test));
  cr_alert_test_set_partner_id (call, cr_alert_test_get_partner_id (test));
  cr_alert_test_set_contact_id (call, next);
  cr_alert_test_set_channel (call, cr_alert_test_get_channel (test));
  cr_alert_test_set_started_at (call, step->at);
  if (!cr_store_insert (self, CR_RECORD (call), error))
    return FALSE;
  step->next_test_id = cr_record_get_id (CR_RECORD (call));
  return TRUE;
}

/**
 * cr_store_alert_call_no_answer:
 * @at: when the operator gave up on this contact
 * @next_test_id: (out) (optional): the call to the next deputy, started
 *   at @at on the same channel; 0 when nobody is left and the partner
 *   is unreachable
 *
 * "No answer": escalates to the next deputy of the SPOC chain not called
 * yet in this campaign, or, when there is none, ends the partner's part
 * as unreachable.
 */
gboolean
cr_store_alert_call_no_answer (CrStore   *self,
                               gint64     test_id,
                               GDateTime *at,
                               gint64    *next_test_id,
                               GError   **error)
{
  CallStep step = { .at = at };
  gboolean ok;

  g_return_val_if_fail (CR_IS_STORE (self), FALSE);
  g_return_val_if_fail (at != NULL, FALSE);

  ok = step_call (self, test_id, TRUE, no_answer_step, &step, error);
  if (next_test_id != NULL)
    *next_test_id = ok ? step.next_test_id : 0;
  return ok;
}

static gboolean
give_up_step (CrStore     *self,
              CrAlertTest *test,
              CallStep    *step,
              GError     **error)
{
  cr_alert_test_set_outcome (test, CR_ALERT_OUTCOME_UNREACHABLE);
  return TRUE;
}

/**
 * cr_store_alert_give_up:
 *
 * Ends the partner's part of the campaign as unreachable without calling
 * the rest of the chain (or when there is nobody to call).
 */
gboolean
cr_store_alert_give_up (CrStore   *self,
                        gint64     test_id,
                        GDateTime *at,
                        GError   **error)
{
  CallStep step = { .at = at };

  g_return_val_if_fail (CR_IS_STORE (self), FALSE);
  g_return_val_if_fail (at != NULL, FALSE);

  return step_call (self, test_id, FALSE, give_up_step, &step, error);
}

/**
 * cr_store_get_alert_summary:
 *
 * Returns: (transfer full): how the campaign went, against its own target
 */
CrAlertSummary *
cr_store_get_alert_summary (CrStore *self,
                            gint64   campaign_id,
                            GError **error)
{
  g_autoptr(CrAlertCampaign) campaign = NULL;
  g_autoptr(GListModel) tests = NULL;

  g_return_val_if_fail (CR_IS_STORE (self), NULL);

  campaign = cr_store_get (self, CR_TYPE_ALERT_CAMPAIGN, campaign_id, error);
  if (campaign == NULL)
    return NULL;
  tests = cr_store_list_alert_tests (self, campaign_id, error);
  if (tests == NULL)
    return NULL;
  return cr_alert_summary_compute (tests, (guint) MAX (cr_alert_campaign_get_target_minutes (campaign), 0));
}

/**
 * cr_store_get_alert_coverage:
 * @now: the end of the period
 *
 * The network's aim is that every partner takes part in at least one
 * alert test a year: a partner took part when someone of it answered a
 * test call started in the 12 months before @now.
 *
 * Returns: (transfer full): the coverage, with the partners that did not
 *   take part, by name
 */
CrAlertCoverage *
cr_store_get_alert_coverage (CrStore   *self,
                             GDateTime *now,
                             GError   **error)
{
  g_autoptr(CrAlertCoverage) coverage = g_new0 (CrAlertCoverage, 1);
  g_autofree char *since_text = NULL;
  g_autofree char *now_text = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (CR_IS_STORE (self), NULL);
  g_return_val_if_fail (now != NULL, NULL);

  coverage->since = g_date_time_add_months (now, -12);
  coverage->untested = g_array_new (FALSE, FALSE, sizeof (gint64));
  since_text = cr_time_to_storage (coverage->since);
  now_text = cr_time_to_storage (now);

  stmt = _cr_store_prepare (self,
                            "SELECT p.id, EXISTS (SELECT 1 FROM alert_tests t"
                            "  WHERE t.partner_id = p.id AND t.outcome IN ('confirmed', 'not-confirmed')"
                            "  AND t.started_at >= ?1 AND t.started_at <= ?2)"
                            " FROM partners p ORDER BY p.name COLLATE NOCASE, p.id",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, since_text, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, now_text, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      coverage->n_partners++;
      if (sqlite3_column_int (stmt, 1))
        coverage->n_tested++;
      else
        g_array_append_val (coverage->untested, id);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _cr_store_set_error (error, self->db, rc);
      return NULL;
    }
  if (coverage->n_partners > 0)
    coverage->share = (double) coverage->n_tested / coverage->n_partners;
  return g_steal_pointer (&coverage);
}
