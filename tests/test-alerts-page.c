/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <gtk/gtk.h>
#include <string.h>

#include "cr-alerts-page.h"
#include "cr-application.h"
#include "cr-phone.h"
#include "cr-store-alerts.h"
#include "cr-store-contacts.h"
#include "cr-test-widgets.h"
#include "cr-time.h"
#include "cr-window.h"

/* The alert tests page of the running application on the demo database,
 * as test-window.c runs it: a campaign run end to end through the
 * page's actions and dialog with the page's clock set by the test (call,
 * no answer and escalation to the deputy, answered, confirmed; another
 * partner unreachable), the summary and the coverage as the page shows
 * them, and past campaigns. Runs in its own X server
 * (tests/xvfb-run-test). */

#define POLICE_5339 "Zone de police Bruxelles-Capitale/Ixelles – Politiezone Brussel Hoofdstad/Elsene (5339)"

typedef struct _Fixture Fixture;
struct _Fixture
{
  CrWindow *window;
  CrAlertsPage *page;
  CrStore *store;
  void (*body) (Fixture *f);
};

static void
activate_cb (CrApplication *app,
             GtkWindow     *window,
             gpointer       data)
{
  Fixture *f = data;

  f->window = CR_WINDOW (window);
  f->store = cr_application_get_store (app);
  f->page = cr_test_show_page (f->window, CR_TYPE_ALERTS_PAGE, "alerts");
  g_assert_true (cr_test_wait_until (cr_test_widget_is_mapped, f->page, 20));
  f->body (f);
}

/* The application's whole life on the demo database. */
static void
run_in_application (void (*body) (Fixture *f))
{
  Fixture f = { .body = body };

  cr_test_run_window (TRUE, activate_cb, &f);
}

static CrContact *
chain_contact (Fixture *f,
               gint64   partner,
               guint    rank)
{
  g_autoptr(GListModel) chain = cr_store_list_spoc_chain (f->store, partner, NULL);

  g_assert_cmpuint (g_list_model_get_n_items (chain), >, rank);
  return g_list_model_get_item (chain, rank);
}

/* T0: 10:00 in Brussels on this day two years from now. The demo's
 * alert tests are then all older than the 12 months the coverage counts,
 * so it starts from nobody whenever the suite runs. */
static GDateTime *
t0_new (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now (cr_time_zone_local ());
  g_autoptr(GDateTime) later = g_date_time_add_years (now, 2);

  return g_date_time_new (cr_time_zone_local (), g_date_time_get_year (later), g_date_time_get_month (later),
                          g_date_time_get_day_of_month (later), 10, 0, 0);
}

/* The page's clock at T0 + @seconds. */
static GDateTime *
at (Fixture *f,
    int      seconds)
{
  g_autoptr(GDateTime) t0 = t0_new ();
  GDateTime *t = g_date_time_add_seconds (t0, seconds);

  cr_alerts_page_set_now (f->page, t);
  return t;
}

static void
press (Fixture    *f,
       const char *action,
       gint64      partner)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), action, "x", partner));
}

static gboolean
has_link (CrAlertRow *row,
          const char *typed)
{
  g_autoptr(GPtrArray) links = cr_alert_row_get_links (row);
  g_autofree char *uri = cr_phone_to_uri (typed);

  g_assert_nonnull (uri);
  g_assert_true (g_str_has_prefix (uri, "tel:"));
  for (guint i = 0; i < links->len; i++)
    if (g_str_equal (g_ptr_array_index (links, i), uri))
      return TRUE;
  return FALSE;
}

static CrAlertTest *
current_call (Fixture *f,
              gint64   partner)
{
  CrAlertTest *call = cr_store_get_alert_call (f->store, cr_alerts_page_get_campaign (f->page), partner, NULL);

  g_assert_nonnull (call);
  return call;
}

/* ---- Tests ---- */

static void
campaign_end_to_end (Fixture *f)
{
  gint64 police = cr_test_partner_id (f->store, POLICE_5339);
  gint64 vivaqua = cr_test_partner_id (f->store, "Vivaqua");
  g_autoptr(CrContact) alice = chain_contact (f, police, 0);
  g_autoptr(CrContact) bram = chain_contact (f, police, 1);
  g_autoptr(CrContact) amelie = chain_contact (f, vivaqua, 0);
  g_autoptr(GListModel) vivaqua_chain = cr_store_list_spoc_chain (f->store, vivaqua, NULL);
  g_autoptr(GDateTime) t0 = at (f, 0);
  g_autofree char *expected_name = NULL;
  g_autoptr(GDateTime) t_answer = NULL;
  g_autoptr(CrAlertTest) call = NULL;
  g_autoptr(GListModel) tests = NULL;
  g_autoptr(CrAlertSummary) summary = NULL;
  g_autoptr(GArray) partners = NULL;
  CrAlertCampaignDialog *dialog;
  CrAlertRow *police_row, *vivaqua_row;
  GDateTime *t;

  g_assert_cmpuint (g_list_model_get_n_items (vivaqua_chain), ==, 2);
  /* The page opens on the demo's latest alert test, its quarterly one;
   * two years on, none of its partners counts any more. */
  g_assert_cmpint (cr_alerts_page_get_campaign (f->page), >, 0);
  cr_test_assert_shows (f->page, "Test d’alerte SPOC trimestriel");
  cr_test_assert_shows (f->page, "0 of 20 partners took part");

  /* The dialog proposes a name and the target setting; two partners. */
  dialog = cr_alerts_page_new_campaign (f->page);
  expected_name = g_date_time_format (t0, "Alert test %-d %B %Y");
  g_assert_cmpstr (cr_alert_campaign_dialog_get_name (dialog), ==, expected_name);
  g_assert_cmpuint (cr_alert_campaign_dialog_get_target (dialog), ==, 15);
  g_assert_cmpint (cr_alert_campaign_dialog_get_channel (dialog), ==, CR_ALERT_CHANNEL_PHONE);
  cr_alert_campaign_dialog_set_all (dialog, FALSE);
  /* A selection proposes the partners without a test this year: all. */
  partners = cr_alert_campaign_dialog_get_partners (dialog);
  g_assert_cmpuint (partners->len, ==, 20);
  for (guint i = 0; i < partners->len; i++)
    cr_alert_campaign_dialog_set_partner (dialog, g_array_index (partners, gint64, i), FALSE);
  g_clear_pointer (&partners, g_array_unref);
  g_assert_false (cr_alert_campaign_dialog_start (dialog));
  g_assert_nonnull (cr_alert_campaign_dialog_get_error (dialog));
  cr_alert_campaign_dialog_set_partner (dialog, police, TRUE);
  cr_alert_campaign_dialog_set_partner (dialog, vivaqua, TRUE);
  partners = cr_alert_campaign_dialog_get_partners (dialog);
  g_assert_cmpuint (partners->len, ==, 2);
  g_assert_true (cr_alert_campaign_dialog_start (dialog));
  cr_test_iterate ();
  g_assert_cmpint (cr_alerts_page_get_campaign (f->page), >, 0);
  tests = cr_store_list_alert_tests (f->store, cr_alerts_page_get_campaign (f->page), NULL);
  g_assert_cmpuint (g_list_model_get_n_items (tests), ==, 2);
  cr_test_assert_shows (f->page, expected_name);

  /* Before the call: who to call, with their numbers as tel: links. */
  police_row = cr_alerts_page_get_row (f->page, police);
  vivaqua_row = cr_alerts_page_get_row (f->page, vivaqua);
  g_assert_nonnull (police_row);
  g_assert_nonnull (vivaqua_row);
  g_assert_cmpstr (cr_alert_row_get_status (police_row), ==, "Not called yet");
  g_assert_cmpstr (cr_alert_row_get_callee (police_row), ==, "Call Alice Exemple (SPOC)");
  g_assert_true (has_link (police_row, cr_contact_get_phone_24_7 (alice)));
  g_assert_true (has_link (police_row, cr_contact_get_phone_mobile (alice)));

  /* Call the SPOC: the stopwatch runs. */
  press (f, "alerts.call", police);
  call = current_call (f, police);
  g_assert_cmpint (cr_alert_test_get_contact_id (call), ==, cr_record_get_id (CR_RECORD (alice)));
  g_assert_true (g_date_time_equal (cr_alert_test_get_started_at (call), t0));
  g_assert_cmpint (cr_alert_test_get_channel (call), ==, CR_ALERT_CHANNEL_PHONE);
  g_assert_cmpstr (cr_alert_row_get_status (police_row), ==, "Calling Alice Exemple (SPOC)… 00:00");
  t = at (f, 42);
  g_date_time_unref (t);
  g_assert_cmpstr (cr_alert_row_get_status (police_row), ==, "Calling Alice Exemple (SPOC)… 00:42");
  cr_test_assert_shows (f->page, "If nobody answers: Bram Voorbeeld (Deputy 1)");

  /* No answer: on to deputy 1, with his numbers; the clock goes on. */
  t = at (f, 120);
  g_date_time_unref (t);
  press (f, "alerts.no-answer", police);
  g_clear_object (&call);
  call = current_call (f, police);
  g_assert_cmpint (cr_alert_test_get_contact_id (call), ==, cr_record_get_id (CR_RECORD (bram)));
  g_assert_cmpstr (cr_alert_row_get_status (police_row), ==, "Calling Bram Voorbeeld (Deputy 1)… 02:00");
  g_assert_cmpstr (cr_alert_row_get_history (police_row), ==, "No answer from Alice Exemple (SPOC)");
  g_assert_true (has_link (police_row, cr_contact_get_phone_mobile (bram)));
  g_assert_false (has_link (police_row, cr_contact_get_phone_mobile (alice)));
  cr_test_assert_shows (f->page, "Calling Bram Voorbeeld (Deputy 1)… 02:00");

  /* Vivaqua: nobody in its chain answers. */
  t = at (f, 180);
  g_date_time_unref (t);
  press (f, "alerts.call", vivaqua);
  t = at (f, 300);
  g_date_time_unref (t);
  press (f, "alerts.no-answer", vivaqua);
  g_assert_cmpstr (cr_alert_row_get_history (vivaqua_row), ==, "No answer from Amélie Ébauche (SPOC)");
  cr_test_assert_shows (f->page, "If nobody answers, the partner is unreachable");
  t = at (f, 480);
  g_date_time_unref (t);
  press (f, "alerts.no-answer", vivaqua);
  g_clear_object (&call);
  call = current_call (f, vivaqua);
  g_assert_cmpint (cr_alert_test_get_outcome (call), ==, CR_ALERT_OUTCOME_UNREACHABLE);
  g_assert_cmpstr (cr_alert_row_get_status (vivaqua_row), ==, "Unreachable: nobody answered (2 calls)");
  g_assert_cmpstr (cr_contact_get_name (amelie), ==, "Amélie Ébauche");

  /* The police's deputy answers after 6 minutes; the outcome comes a
   * minute later, and the answer keeps its time. */
  t_answer = at (f, 360);
  press (f, "alerts.answered", police);
  g_assert_cmpstr (cr_alert_row_get_status (police_row), ==,
                   "Bram Voorbeeld (Deputy 1) answered after 6 min 00 s. Was the alert confirmed?");
  /* In the file at once, for the other windows: nothing waits in this one. */
  g_clear_object (&call);
  call = current_call (f, police);
  g_assert_true (g_date_time_equal (cr_alert_test_get_answered_at (call), t_answer));
  g_assert_cmpint (cr_alert_test_get_outcome (call), ==, CR_ALERT_OUTCOME_PENDING);
  t = at (f, 420);
  g_date_time_unref (t);
  press (f, "alerts.confirmed", police);
  g_clear_object (&call);
  call = current_call (f, police);
  g_assert_cmpint (cr_alert_test_get_outcome (call), ==, CR_ALERT_OUTCOME_CONFIRMED);
  g_assert_true (g_date_time_equal (cr_alert_test_get_answered_at (call), t_answer));
  g_assert_cmpstr (cr_alert_row_get_status (police_row), ==, "Confirmed by Bram Voorbeeld (Deputy 1) after 6 min 00 s");

  /* The summary as the store computes it, and as the page shows it. */
  summary = cr_store_get_alert_summary (f->store, cr_alerts_page_get_campaign (f->page), NULL);
  g_assert_cmpuint (summary->n_within_target, ==, 1);
  g_assert_cmpint (summary->median_response, ==, 6 * G_TIME_SPAN_MINUTE);
  cr_test_assert_shows (f->page, "Reached within 15 min");
  cr_test_assert_shows (f->page, "1 of 2 partners (50%)");
  cr_test_assert_shows (f->page, "6 min 00 s");
  cr_test_assert_shows (f->page, "Unreachable");
  cr_test_assert_shows (f->page, "Vivaqua");

  /* Coverage: the police zone took part, Vivaqua did not. */
  cr_test_assert_shows (f->page, "1 of 20 partners took part");
  cr_test_assert_shows (f->page, "19 partners without a test");
  {
    GtkWidget *expander = cr_test_find_widget (GTK_WIDGET (f->page), ADW_TYPE_EXPANDER_ROW);
    g_autofree char *untested = cr_test_widget_text (expander, CR_TEST_TEXT_ALL);

    g_assert_nonnull (strstr (untested, "19 partners without a test"));
    g_assert_nonnull (strstr (untested, "Vivaqua"));
    g_assert_null (strstr (untested, POLICE_5339));
  }

  /* Ending it: nothing left to call, so no question asked. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "alerts.end-campaign", NULL));
  {
    g_autoptr(CrAlertCampaign) campaign = cr_store_get (f->store, CR_TYPE_ALERT_CAMPAIGN,
                                                        cr_alerts_page_get_campaign (f->page), NULL);

    g_assert_nonnull (cr_alert_campaign_get_ended_at (campaign));
  }
  cr_test_assert_shows (f->page, "1 of 2 within 15 min");

  /* The next campaign proposes the 19 partners the aim still misses. */
  dialog = cr_alerts_page_new_campaign (f->page);
  cr_alert_campaign_dialog_set_all (dialog, FALSE);
  g_clear_pointer (&partners, g_array_unref);
  partners = cr_alert_campaign_dialog_get_partners (dialog);
  g_assert_cmpuint (partners->len, ==, 19);
  for (guint i = 0; i < partners->len; i++)
    g_assert_cmpint (g_array_index (partners, gint64, i), !=, police);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* "Back" undoes an "Answered" pressed by mistake; give up ends a
 * partner at once; past campaigns stay listed and can be shown again. */
static void
back_give_up_and_past_campaigns (Fixture *f)
{
  gint64 police = cr_test_partner_id (f->store, POLICE_5339);
  gint64 sibelga = cr_test_partner_id (f->store, "Sibelga");
  const gint64 first_ids[] = { police, sibelga };
  g_autoptr(GError) error = NULL;
  g_autoptr(CrAlertTest) call = NULL;
  g_autoptr(GDateTime) t = at (f, 0);
  CrAlertRow *row;
  gint64 first, second;

  first = cr_alerts_page_start_campaign (f->page, "March test", first_ids, G_N_ELEMENTS (first_ids),
                                         CR_ALERT_CHANNEL_SMS, 10, &error);
  g_assert_no_error (error);
  g_assert_cmpint (first, >, 0);
  row = cr_alerts_page_get_row (f->page, police);
  g_assert_nonnull (row);

  /* By SMS: "SMS Sent" starts the clock, only mobiles are offered. */
  cr_test_assert_shows (f->page, "SMS Sent");
  press (f, "alerts.call", police);
  call = current_call (f, police);
  g_assert_cmpint (cr_alert_test_get_channel (call), ==, CR_ALERT_CHANNEL_SMS);
  g_assert_cmpstr (cr_alert_row_get_status (row), ==, "Waiting for Alice Exemple (SPOC) to reply… 00:00");

  g_clear_pointer (&t, g_date_time_unref);
  t = at (f, 60);
  press (f, "alerts.answered", police);
  press (f, "alerts.back", police);
  g_assert_cmpstr (cr_alert_row_get_status (row), ==, "Waiting for Alice Exemple (SPOC) to reply… 01:00");
  g_clear_object (&call);
  call = current_call (f, police);
  g_assert_cmpint (cr_alert_test_get_outcome (call), ==, CR_ALERT_OUTCOME_PENDING);

  press (f, "alerts.give-up", sibelga);
  g_clear_object (&call);
  call = current_call (f, sibelga);
  g_assert_cmpint (cr_alert_test_get_outcome (call), ==, CR_ALERT_OUTCOME_UNREACHABLE);

  /* A second campaign over every partner, the next day. */
  g_clear_pointer (&t, g_date_time_unref);
  t = at (f, 24 * 3600);
  second = cr_alerts_page_start_campaign (f->page, "All partners", NULL, 0, CR_ALERT_CHANNEL_PHONE, 15, &error);
  g_assert_no_error (error);
  g_assert_cmpint (second, >, first);
  g_assert_cmpint (cr_alerts_page_get_campaign (f->page), ==, second);
  g_assert_nonnull (cr_alerts_page_get_row (f->page, cr_test_partner_id (f->store, "Vivaqua")));
  cr_test_assert_shows (f->page, "0 of 20 partners (0%)");

  /* The first one, listed below, shows again as it was left. */
  g_assert_true (cr_alerts_page_select_campaign (f->page, first));
  g_assert_null (cr_alerts_page_get_row (f->page, cr_test_partner_id (f->store, "Vivaqua")));
  cr_test_assert_shows (f->page, "March test");
  cr_test_assert_shows (f->page, "All partners");
  cr_test_assert_shows (f->page, "Reached within 10 min");
  row = cr_alerts_page_get_row (f->page, police);
  g_assert_cmpstr (cr_alert_row_get_status (row), ==, "Waiting for Alice Exemple (SPOC) to reply… 24:00:00");
}

static void
test_campaign (void)
{
  run_in_application (campaign_end_to_end);
}

static void
test_past_campaigns (void)
{
  run_in_application (back_give_up_and_past_campaigns);
}

int
main (int   argc,
      char *argv[])
{
  cr_test_widgets_init (&argc, &argv);

  g_test_add_func ("/alerts-page/campaign-end-to-end", test_campaign);
  g_test_add_func ("/alerts-page/back-give-up-past-campaigns", test_past_campaigns);

  return g_test_run ();
}
