/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-alerts"

#include "config.h"

#include <glib/gi18n.h>

#include "cr-alert-summary.h"
#include "cr-store-alerts.h"
#include "cr-store-contacts.h"
#include "cr-test-utils.h"

/* Alert-test campaigns: escalation along the SPOC chain, response times,
 * the summary against the target, coverage over a year. Every time is
 * given, never read from the clock. */

typedef struct
{
  CrStore *store;
  gint64 police, fire, commune, empty;
  gint64 police_spoc, police_deputy1, police_deputy2;
  gint64 fire_spoc, fire_deputy, commune_spoc;
} Network;

static gint64
add_contact (CrStore    *store,
             gint64      partner_id,
             const char *name)
{
  g_autoptr(CrContact) contact = cr_contact_new ();

  cr_contact_set_partner_id (contact, partner_id);
  cr_contact_set_name (contact, name);
  g_assert_true (cr_store_insert (store, CR_RECORD (contact), NULL));
  return cr_record_get_id (CR_RECORD (contact));
}

static void
network_init (Network *n)
{
  g_autoptr(GError) error = NULL;

  n->store = cr_test_open_store ();
  /* Names chosen so that the partners sort as declared. */
  n->police = cr_test_add_partner (n->store, "A police zone", CR_PARTNER_TYPE_OTHER);
  n->fire = cr_test_add_partner (n->store, "B fire service", CR_PARTNER_TYPE_OTHER);
  n->commune = cr_test_add_partner (n->store, "C commune", CR_PARTNER_TYPE_OTHER);
  n->empty = cr_test_add_partner (n->store, "D body without SPOC", CR_PARTNER_TYPE_OTHER);
  n->police_spoc = add_contact (n->store, n->police, "Police SPOC");
  n->police_deputy1 = add_contact (n->store, n->police, "Police deputy 1");
  n->police_deputy2 = add_contact (n->store, n->police, "Police deputy 2");
  n->fire_spoc = add_contact (n->store, n->fire, "Fire SPOC");
  n->fire_deputy = add_contact (n->store, n->fire, "Fire deputy");
  n->commune_spoc = add_contact (n->store, n->commune, "Commune SPOC");
  g_assert_true (cr_store_set_spoc_chain (n->store, n->police,
                                          (gint64[]) { n->police_spoc, n->police_deputy1, n->police_deputy2 },
                                          3, &error));
  g_assert_true (cr_store_set_spoc_chain (n->store, n->fire, (gint64[]) { n->fire_spoc, n->fire_deputy },
                                          2, &error));
  g_assert_true (cr_store_set_spoc_chain (n->store, n->commune, (gint64[]) { n->commune_spoc }, 1, &error));
  g_assert_no_error (error);
}

static GDateTime *
at (int hour,
    int minute,
    int second)
{
  return g_date_time_new_utc (2024, 3, 12, hour, minute, second);
}

static gint64
current_call (Network *n,
              gint64   campaign,
              gint64   partner)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrAlertTest) call = cr_store_get_alert_call (n->store, campaign, partner, &error);

  g_assert_no_error (error);
  g_assert_nonnull (call);
  return cr_record_get_id (CR_RECORD (call));
}

static void
test_campaign_start (void)
{
  Network n;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) t0 = at (9, 0, 0);
  g_autoptr(GListModel) calls = NULL;
  g_autoptr(GListModel) campaigns = NULL;
  gint64 all = 0, some = 0;

  network_init (&n);

  /* Every partner: one call each, to its SPOC, not started. */
  g_assert_true (cr_store_start_alert_campaign (n.store, "Alert test March", NULL, 0, 15, t0, &all, &error));
  g_assert_no_error (error);
  calls = cr_store_list_alert_tests (n.store, all, &error);
  g_assert_cmpuint (g_list_model_get_n_items (calls), ==, 4);
  for (guint i = 0; i < 4; i++)
    {
      g_autoptr(CrAlertTest) call = g_list_model_get_item (calls, i);

      g_assert_null (cr_alert_test_get_started_at (call));
      g_assert_cmpint (cr_alert_test_get_outcome (call), ==, CR_ALERT_OUTCOME_PENDING);
      if (cr_alert_test_get_partner_id (call) == n.police)
        g_assert_cmpint (cr_alert_test_get_contact_id (call), ==, n.police_spoc);
      if (cr_alert_test_get_partner_id (call) == n.empty)
        g_assert_cmpint (cr_alert_test_get_contact_id (call), ==, 0);
    }
  g_clear_object (&calls);

  /* A selection. */
  g_assert_true (cr_store_start_alert_campaign (n.store, "Police and fire", (gint64[]) { n.police, n.fire },
                                                2, 10, t0, &some, &error));
  g_assert_no_error (error);
  calls = cr_store_list_alert_tests (n.store, some, &error);
  g_assert_cmpuint (g_list_model_get_n_items (calls), ==, 2);

  /* Refused: no name, no target, an unknown partner (nothing left). */
  g_assert_false (cr_store_start_alert_campaign (n.store, "", NULL, 0, 15, t0, NULL, &error));
  g_assert_error (error, CR_STORE_ERROR, CR_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (cr_store_start_alert_campaign (n.store, "x", NULL, 0, 0, t0, NULL, &error));
  g_assert_error (error, CR_STORE_ERROR, CR_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (cr_store_start_alert_campaign (n.store, "x", (gint64[]) { n.police, 4242 }, 2, 15, t0,
                                                 NULL, &error));
  g_assert_error (error, CR_STORE_ERROR, CR_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  campaigns = cr_store_list_alert_campaigns (n.store, &error);
  g_assert_cmpuint (g_list_model_get_n_items (campaigns), ==, 2);
  g_assert_cmpint (cr_store_count (n.store, CR_TYPE_ALERT_TEST, NULL, 0, NULL), ==, 6);
  g_clear_object (&n.store);
}

static void
test_escalation (void)
{
  Network n;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) t0 = at (9, 0, 0);
  g_autoptr(GDateTime) t1 = at (9, 2, 0);
  g_autoptr(GDateTime) t2 = at (9, 4, 30);
  g_autoptr(GDateTime) t3 = at (9, 7, 0);
  g_autoptr(GDateTime) t4 = at (9, 9, 0);
  g_autoptr(CrAlertTest) second = NULL;
  g_autoptr(CrAlertTest) last = NULL;
  gint64 campaign, call, next = -1;

  network_init (&n);
  g_assert_true (cr_store_start_alert_campaign (n.store, "Escalation", NULL, 0, 15, t0, &campaign, &error));

  /* Police: SPOC no answer → deputy 1 no answer → deputy 2 answers. */
  call = current_call (&n, campaign, n.police);
  g_assert_true (cr_store_alert_call_start (n.store, call, CR_ALERT_CHANNEL_PHONE, t0, &error));
  g_assert_no_error (error);
  g_assert_true (cr_store_alert_call_no_answer (n.store, call, t1, &next, &error));
  g_assert_no_error (error);
  g_assert_cmpint (next, >, call);
  second = cr_store_get (n.store, CR_TYPE_ALERT_TEST, next, &error);
  g_assert_cmpint (cr_alert_test_get_contact_id (second), ==, n.police_deputy1);
  g_assert_true (g_date_time_equal (cr_alert_test_get_started_at (second), t1));
  g_assert_cmpint (cr_alert_test_get_channel (second), ==, CR_ALERT_CHANNEL_PHONE);
  g_assert_cmpint (current_call (&n, campaign, n.police), ==, next);
  {
    g_autoptr(CrAlertTest) first = cr_store_get (n.store, CR_TYPE_ALERT_TEST, call, &error);

    g_assert_cmpint (cr_alert_test_get_outcome (first), ==, CR_ALERT_OUTCOME_NO_ANSWER);
  }
  call = next;
  g_assert_true (cr_store_alert_call_no_answer (n.store, call, t2, &next, &error));
  call = next;
  g_assert_true (cr_store_alert_call_answered (n.store, call, CR_ALERT_OUTCOME_CONFIRMED, t3, &error));
  g_assert_no_error (error);
  last = cr_store_get (n.store, CR_TYPE_ALERT_TEST, call, &error);
  g_assert_cmpint (cr_alert_test_get_contact_id (last), ==, n.police_deputy2);
  g_assert_cmpint (cr_alert_test_get_outcome (last), ==, CR_ALERT_OUTCOME_CONFIRMED);

  /* Commune: the SPOC alone does not answer → unreachable, no next call. */
  call = current_call (&n, campaign, n.commune);
  g_assert_true (cr_store_alert_call_start (n.store, call, CR_ALERT_CHANNEL_SMS, t0, &error));
  g_assert_true (cr_store_alert_call_no_answer (n.store, call, t4, &next, &error));
  g_assert_no_error (error);
  g_assert_cmpint (next, ==, 0);
  g_clear_object (&last);
  last = cr_store_get (n.store, CR_TYPE_ALERT_TEST, call, &error);
  g_assert_cmpint (cr_alert_test_get_outcome (last), ==, CR_ALERT_OUTCOME_UNREACHABLE);

  /* No SPOC at all: nobody to call; given up as unreachable. */
  call = current_call (&n, campaign, n.empty);
  g_assert_false (cr_store_alert_call_start (n.store, call, CR_ALERT_CHANNEL_PHONE, t0, &error));
  g_assert_error (error, CR_STORE_ERROR, CR_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (cr_store_alert_give_up (n.store, call, t0, &error));
  g_assert_no_error (error);

  /* Three calls to the police, each to someone else. */
  g_assert_cmpint (cr_store_count (n.store, CR_TYPE_ALERT_TEST, "partner_id", n.police, NULL), ==, 3);
  g_clear_object (&n.store);
}

static void
test_transitions (void)
{
  Network n;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) t0 = at (9, 0, 0);
  g_autoptr(GDateTime) before = at (8, 59, 0);
  g_autoptr(GDateTime) t1 = at (9, 1, 0);
  gint64 campaign, call;

  network_init (&n);
  g_assert_true (cr_store_start_alert_campaign (n.store, "Rules", NULL, 0, 15, t0, &campaign, &error));
  call = current_call (&n, campaign, n.fire);

  /* An answer needs a started call, after its start. */
  g_assert_false (cr_store_alert_call_answered (n.store, call, CR_ALERT_OUTCOME_CONFIRMED, t1, &error));
  g_assert_error (error, CR_STORE_ERROR, CR_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (cr_store_alert_call_no_answer (n.store, call, t1, NULL, &error));
  g_assert_error (error, CR_STORE_ERROR, CR_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (cr_store_alert_call_start (n.store, call, CR_ALERT_CHANNEL_EMAIL, t0, &error));
  g_assert_false (cr_store_alert_call_start (n.store, call, CR_ALERT_CHANNEL_EMAIL, t0, &error));
  g_assert_error (error, CR_STORE_ERROR, CR_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (cr_store_alert_call_answered (n.store, call, CR_ALERT_OUTCOME_CONFIRMED, before, &error));
  g_assert_error (error, CR_STORE_ERROR, CR_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (cr_store_alert_call_answered (n.store, call, CR_ALERT_OUTCOME_NOT_CONFIRMED, t1, &error));
  g_assert_no_error (error);
  /* Over is over. */
  g_assert_false (cr_store_alert_call_answered (n.store, call, CR_ALERT_OUTCOME_CONFIRMED, t1, &error));
  g_assert_error (error, CR_STORE_ERROR, CR_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* After the end of the campaign nobody is called any more. */
  g_assert_true (cr_store_end_alert_campaign (n.store, campaign, t1, &error));
  call = current_call (&n, campaign, n.police);
  g_assert_false (cr_store_alert_call_start (n.store, call, CR_ALERT_CHANNEL_PHONE, t1, &error));
  g_assert_error (error, CR_STORE_ERROR, CR_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Rules"));
  g_clear_object (&n.store);
}

/* "Answered" before the outcome is known is stored at once: another
 * window on the file sees it, "Back" takes it back, and the outcome
 * keeps the time of the answer, not of the outcome. */
static void
test_picked_up (void)
{
  Network n;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) t0 = at (9, 0, 0);
  g_autoptr(GDateTime) before = at (8, 59, 0);
  g_autoptr(GDateTime) t_answer = at (9, 2, 10);
  g_autoptr(GDateTime) t_outcome = at (9, 4, 0);
  g_autoptr(CrStore) other = NULL;
  g_autoptr(CrAlertTest) seen = NULL;
  g_autoptr(CrAlertSummary) summary = NULL;
  gint64 campaign, call;

  network_init (&n);
  g_assert_true (cr_store_start_alert_campaign (n.store, "Answers", NULL, 0, 15, t0, &campaign, &error));
  call = current_call (&n, campaign, n.fire);

  /* Not before the call started, nor before its start. */
  g_assert_false (cr_store_alert_call_picked_up (n.store, call, t_answer, &error));
  g_assert_error (error, CR_STORE_ERROR, CR_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (cr_store_alert_call_start (n.store, call, CR_ALERT_CHANNEL_PHONE, t0, &error));
  g_assert_false (cr_store_alert_call_picked_up (n.store, call, before, &error));
  g_assert_error (error, CR_STORE_ERROR, CR_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (cr_store_alert_call_picked_up (n.store, call, t_answer, &error));
  g_assert_no_error (error);
  other = cr_store_open_unwatched (cr_store_get_path (n.store), &error);
  g_assert_no_error (error);
  seen = cr_store_get (other, CR_TYPE_ALERT_TEST, call, &error);
  g_assert_nonnull (seen);
  g_assert_true (g_date_time_equal (cr_alert_test_get_answered_at (seen), t_answer));
  g_assert_cmpint (cr_alert_test_get_outcome (seen), ==, CR_ALERT_OUTCOME_PENDING);
  /* Pending: the summary does not count it as reached yet. */
  summary = cr_store_get_alert_summary (n.store, campaign, &error);
  g_assert_cmpuint (summary->n_within_target, ==, 0);
  g_clear_pointer (&summary, cr_alert_summary_free);

  /* "Back": the call goes on. */
  g_assert_true (cr_store_alert_call_picked_up (n.store, call, NULL, &error));
  g_clear_object (&seen);
  seen = cr_store_get (other, CR_TYPE_ALERT_TEST, call, &error);
  g_assert_null (cr_alert_test_get_answered_at (seen));

  g_assert_true (cr_store_alert_call_picked_up (n.store, call, t_answer, &error));
  g_assert_true (cr_store_alert_call_answered (n.store, call, CR_ALERT_OUTCOME_CONFIRMED, t_outcome, &error));
  g_assert_no_error (error);
  g_clear_object (&seen);
  seen = cr_store_get (other, CR_TYPE_ALERT_TEST, call, &error);
  g_assert_true (g_date_time_equal (cr_alert_test_get_answered_at (seen), t_answer));
  g_assert_cmpint (cr_alert_test_get_outcome (seen), ==, CR_ALERT_OUTCOME_CONFIRMED);
  summary = cr_store_get_alert_summary (n.store, campaign, &error);
  g_assert_cmpuint (summary->n_within_target, ==, 1);
  g_assert_cmpint (summary->median_response, ==, 130 * G_TIME_SPAN_SECOND);
  /* Over is over: no answer to take back. */
  g_assert_false (cr_store_alert_call_picked_up (n.store, call, NULL, &error));
  g_assert_error (error, CR_STORE_ERROR, CR_STORE_ERROR_INVALID);
  g_clear_object (&other);
  g_clear_object (&n.store);
}

static void
test_summary (void)
{
  Network n;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) t0 = at (9, 0, 0);
  g_autoptr(GDateTime) t_police_answer = at (9, 20, 0);  /* 20 min: late */
  g_autoptr(GDateTime) t_fire_answer = at (9, 4, 0);     /* 4 min */
  g_autoptr(GDateTime) t_fire_no_answer = at (9, 2, 0);
  g_autoptr(GDateTime) t_commune_give_up = at (9, 30, 0);
  g_autoptr(CrAlertSummary) summary = NULL;
  g_autoptr(CrAlertSummary) copy = NULL;
  const CrAlertPartnerResult *police, *fire, *commune, *empty;
  gint64 campaign, call, next;

  network_init (&n);
  g_assert_true (cr_store_start_alert_campaign (n.store, "Summary", NULL, 0, 15, t0, &campaign, &error));

  call = current_call (&n, campaign, n.police);
  g_assert_true (cr_store_alert_call_start (n.store, call, CR_ALERT_CHANNEL_PHONE, t0, &error));
  g_assert_true (cr_store_alert_call_answered (n.store, call, CR_ALERT_OUTCOME_CONFIRMED, t_police_answer, &error));
  /* Fire: SPOC no answer at 2 min, deputy answers at 4 min: the response
   * time runs from the first call. */
  call = current_call (&n, campaign, n.fire);
  g_assert_true (cr_store_alert_call_start (n.store, call, CR_ALERT_CHANNEL_PHONE, t0, &error));
  g_assert_true (cr_store_alert_call_no_answer (n.store, call, t_fire_no_answer, &next, &error));
  g_assert_true (cr_store_alert_call_answered (n.store, next, CR_ALERT_OUTCOME_CONFIRMED, t_fire_answer, &error));
  call = current_call (&n, campaign, n.commune);
  g_assert_true (cr_store_alert_call_start (n.store, call, CR_ALERT_CHANNEL_PHONE, t0, &error));
  g_assert_true (cr_store_alert_give_up (n.store, call, t_commune_give_up, &error));
  g_assert_no_error (error);
  /* The body without SPOC is still pending. */

  summary = cr_store_get_alert_summary (n.store, campaign, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (summary->target_minutes, ==, 15);
  g_assert_cmpuint (summary->n_partners, ==, 4);
  g_assert_cmpuint (summary->n_reached, ==, 2);
  g_assert_cmpuint (summary->n_confirmed, ==, 2);
  g_assert_cmpuint (summary->n_within_target, ==, 1);
  g_assert_cmpuint (summary->n_unreachable, ==, 1);
  g_assert_cmpuint (summary->n_pending, ==, 1);
  g_assert_cmpfloat_with_epsilon (summary->share_within_target, 0.25, 1e-9);
  /* Median of 4 and 20 minutes. */
  g_assert_cmpint (summary->median_response, ==, 12 * G_TIME_SPAN_MINUTE);
  g_assert_cmpuint (summary->unreachable->len, ==, 1);
  g_assert_cmpint (g_array_index (summary->unreachable, gint64, 0), ==, n.commune);

  police = cr_alert_summary_find (summary, n.police);
  fire = cr_alert_summary_find (summary, n.fire);
  commune = cr_alert_summary_find (summary, n.commune);
  empty = cr_alert_summary_find (summary, n.empty);
  g_assert_cmpint (police->response, ==, 20 * G_TIME_SPAN_MINUTE);
  g_assert_false (police->within_target);
  g_assert_cmpint (police->answered_by, ==, n.police_spoc);
  g_assert_cmpint (fire->response, ==, 4 * G_TIME_SPAN_MINUTE);
  g_assert_true (fire->within_target);
  g_assert_cmpuint (fire->n_calls, ==, 2);
  g_assert_cmpint (fire->answered_by, ==, n.fire_deputy);
  g_assert_cmpint (commune->outcome, ==, CR_ALERT_OUTCOME_UNREACHABLE);
  g_assert_cmpint (commune->response, ==, -1);
  g_assert_cmpint (empty->outcome, ==, CR_ALERT_OUTCOME_PENDING);
  g_assert_cmpuint (empty->n_calls, ==, 0);
  g_assert_null (cr_alert_summary_find (summary, 4242));

  /* The boxed copy is deep. */
  copy = cr_alert_summary_copy (summary);
  g_assert_cmpuint (copy->partners->len, ==, 4);
  g_assert_cmpint (cr_alert_summary_find (copy, n.fire)->response, ==, 4 * G_TIME_SPAN_MINUTE);
  g_clear_object (&n.store);
}

static CrAlertTest *
new_call (gint64          partner,
          gint64          contact,
          GDateTime      *started,
          GDateTime      *answered,
          CrAlertOutcome  outcome)
{
  CrAlertTest *test = cr_alert_test_new ();

  cr_alert_test_set_partner_id (test, partner);
  cr_alert_test_set_contact_id (test, contact);
  cr_alert_test_set_started_at (test, started);
  cr_alert_test_set_answered_at (test, answered);
  cr_alert_test_set_outcome (test, outcome);
  return test;
}

/* The summary from rows alone: median of an odd count, the target's
 * edge, an empty campaign. */
static void
test_summary_compute (void)
{
  g_autoptr(GListStore) calls = g_list_store_new (CR_TYPE_ALERT_TEST);
  g_autoptr(GDateTime) t0 = at (10, 0, 0);
  g_autoptr(GDateTime) t5 = at (10, 5, 0);
  g_autoptr(GDateTime) t10 = at (10, 10, 0);
  g_autoptr(GDateTime) t15 = at (10, 15, 0);
  g_autoptr(GDateTime) t16 = at (10, 15, 1);
  g_autoptr(CrAlertSummary) summary = NULL;
  g_autoptr(CrAlertSummary) nothing = NULL;
  CrAlertTest *rows[] = {
    new_call (1, 11, t0, t5, CR_ALERT_OUTCOME_CONFIRMED),
    new_call (2, 21, t0, t15, CR_ALERT_OUTCOME_CONFIRMED),  /* exactly the target */
    new_call (3, 31, t0, t16, CR_ALERT_OUTCOME_CONFIRMED),  /* one second late */
    new_call (4, 41, t0, NULL, CR_ALERT_OUTCOME_NO_ANSWER),
    new_call (4, 42, t10, NULL, CR_ALERT_OUTCOME_UNREACHABLE),
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_list_store_append (calls, rows[i]);
      g_object_unref (rows[i]);
    }
  summary = cr_alert_summary_compute (G_LIST_MODEL (calls), 15);
  g_assert_cmpuint (summary->n_partners, ==, 4);
  g_assert_cmpuint (summary->n_within_target, ==, 2);
  g_assert_cmpuint (summary->n_unreachable, ==, 1);
  g_assert_cmpint (summary->median_response, ==, 15 * G_TIME_SPAN_MINUTE);
  g_assert_cmpuint (cr_alert_summary_find (summary, 4)->n_calls, ==, 2);

  g_list_store_remove_all (calls);
  nothing = cr_alert_summary_compute (G_LIST_MODEL (calls), 15);
  g_assert_cmpuint (nothing->n_partners, ==, 0);
  g_assert_cmpfloat (nothing->share_within_target, ==, 0);
  g_assert_cmpint (nothing->median_response, ==, -1);
}

/* Coverage over a year: who took part in a test in the 12 months. */
static void
test_coverage (void)
{
  Network n;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_utc (2025, 3, 12, 12, 0, 0);
  g_autoptr(GDateTime) thirteen_months_ago = g_date_time_add_months (now, -13);
  g_autoptr(GDateTime) eleven_months_ago = g_date_time_add_months (now, -11);
  g_autoptr(GDateTime) last_week = g_date_time_add_days (now, -7);
  g_autoptr(GDateTime) tomorrow = g_date_time_add_days (now, 1);
  g_autoptr(CrAlertCoverage) coverage = NULL;
  g_autoptr(CrAlertCoverage) copy = NULL;
  gint64 old_campaign, recent_campaign, future_campaign, call;

  network_init (&n);

  /* 13 months ago every partner answered: too old to count. */
  g_assert_true (cr_store_start_alert_campaign (n.store, "Old", NULL, 0, 15, thirteen_months_ago,
                                                &old_campaign, &error));
  for (gint64 p = n.police; p <= n.commune; p++)
    {
      g_autoptr(GDateTime) answered = g_date_time_add_minutes (thirteen_months_ago, 3);

      call = current_call (&n, old_campaign, p);
      g_assert_true (cr_store_alert_call_start (n.store, call, CR_ALERT_CHANNEL_PHONE, thirteen_months_ago, &error));
      g_assert_true (cr_store_alert_call_answered (n.store, call, CR_ALERT_OUTCOME_CONFIRMED, answered, &error));
    }
  /* 11 months ago the police answered, the fire service was unreachable;
   * last week the commune answered without confirming: it took part. */
  g_assert_true (cr_store_start_alert_campaign (n.store, "Recent", (gint64[]) { n.police, n.fire }, 2, 15,
                                                eleven_months_ago, &recent_campaign, &error));
  call = current_call (&n, recent_campaign, n.police);
  g_assert_true (cr_store_alert_call_start (n.store, call, CR_ALERT_CHANNEL_PHONE, eleven_months_ago, &error));
  g_assert_true (cr_store_alert_call_answered (n.store, call, CR_ALERT_OUTCOME_CONFIRMED, eleven_months_ago, &error));
  call = current_call (&n, recent_campaign, n.fire);
  g_assert_true (cr_store_alert_give_up (n.store, call, eleven_months_ago, &error));
  g_assert_true (cr_store_start_alert_campaign (n.store, "Last week", (gint64[]) { n.commune }, 1, 15,
                                                last_week, &recent_campaign, &error));
  call = current_call (&n, recent_campaign, n.commune);
  g_assert_true (cr_store_alert_call_start (n.store, call, CR_ALERT_CHANNEL_SMS, last_week, &error));
  g_assert_true (cr_store_alert_call_answered (n.store, call, CR_ALERT_OUTCOME_NOT_CONFIRMED, last_week, &error));
  /* A test after "now" is not in the period either. */
  g_assert_true (cr_store_start_alert_campaign (n.store, "Tomorrow", (gint64[]) { n.fire }, 1, 15,
                                                tomorrow, &future_campaign, &error));
  call = current_call (&n, future_campaign, n.fire);
  g_assert_true (cr_store_alert_call_start (n.store, call, CR_ALERT_CHANNEL_PHONE, tomorrow, &error));
  g_assert_true (cr_store_alert_call_answered (n.store, call, CR_ALERT_OUTCOME_CONFIRMED, tomorrow, &error));
  g_assert_no_error (error);

  coverage = cr_store_get_alert_coverage (n.store, now, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (coverage->n_partners, ==, 4);
  g_assert_cmpuint (coverage->n_tested, ==, 2);
  g_assert_cmpfloat_with_epsilon (coverage->share, 0.5, 1e-9);
  g_assert_cmpint (g_date_time_get_year (coverage->since), ==, 2024);
  g_assert_cmpint (g_date_time_get_month (coverage->since), ==, 3);
  /* The others, by name. */
  g_assert_cmpuint (coverage->untested->len, ==, 2);
  g_assert_cmpint (g_array_index (coverage->untested, gint64, 0), ==, n.fire);
  g_assert_cmpint (g_array_index (coverage->untested, gint64, 1), ==, n.empty);

  copy = cr_alert_coverage_copy (coverage);
  g_assert_cmpuint (copy->untested->len, ==, 2);

  /* Two years on, nobody is covered any more. */
  {
    g_autoptr(GDateTime) later = g_date_time_add_years (now, 2);
    g_autoptr(CrAlertCoverage) stale = cr_store_get_alert_coverage (n.store, later, &error);

    g_assert_cmpuint (stale->n_tested, ==, 0);
    g_assert_cmpuint (stale->untested->len, ==, 4);
  }
  g_clear_object (&n.store);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/alerts/campaign-start", test_campaign_start);
  g_test_add_func ("/alerts/escalation", test_escalation);
  g_test_add_func ("/alerts/transitions", test_transitions);
  g_test_add_func ("/alerts/picked-up", test_picked_up);
  g_test_add_func ("/alerts/summary", test_summary);
  g_test_add_func ("/alerts/summary-compute", test_summary_compute);
  g_test_add_func ("/alerts/coverage", test_coverage);

  return g_test_run ();
}
