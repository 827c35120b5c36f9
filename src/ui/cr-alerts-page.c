/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cr-alerts-page"

#include "config.h"

#include <glib/gi18n.h>

#include "cr-a11y.h"
#include "cr-alerts-page-private.h"
#include "cr-labels.h"
#include "cr-ops-utils.h"
#include "cr-store-alerts.h"
#include "cr-store-contacts.h"
#include "cr-time.h"

/**
 * CrAlertsPage:
 *
 * Alert tests with the partners' crisis SPOCs. A campaign calls every
 * partner it covers (all, or a selection): the operator starts the
 * stopwatch as they dial the SPOC, records "Answered" or "No answer" —
 * no answer moves on to the next deputy of the chain — and then whether
 * the alert was confirmed. The summary (share reached within the
 * target, median response time, who was unreachable) follows each call;
 * past campaigns stay listed with theirs; the coverage says which
 * partners took part in no test in the last 12 months.
 *
 * Every call is written as it happens, with the page's clock, which the
 * tests set.
 */

G_DEFINE_FINAL_TYPE (CrAlertsPage, cr_alerts_page, ADW_TYPE_BIN)

static void reload (CrAlertsPage *self);

static gint64 *
id_key (gint64 id)
{
  return g_memdup2 (&id, sizeof id);
}

static GDateTime *
page_now (CrAlertsPage *self)
{
  return self->fixed_now ? g_date_time_ref (self->fixed_now) : cr_time_now_utc ();
}

static void
show_error (CrAlertsPage *self,
            const char   *message)
{
  cr_ops_show_error (GTK_WIDGET (self), message);
}

/* The channel of the campaign's next calls: as chosen for it, else that
 * of its latest call, else the phone. */
static CrAlertChannel
campaign_channel (CrAlertsPage *self,
                  GListModel   *tests)
{
  gpointer value;

  if (g_hash_table_lookup_extended (self->channels, &self->campaign_id, NULL, &value))
    return GPOINTER_TO_INT (value);
  for (guint i = tests ? g_list_model_get_n_items (tests) : 0; i > 0; i--)
    {
      g_autoptr(CrAlertTest) test = g_list_model_get_item (tests, i - 1);

      if (cr_alert_test_get_started_at (test) != NULL)
        return cr_alert_test_get_channel (test);
    }
  return CR_ALERT_CHANNEL_PHONE;
}

/* ---- The stopwatch ---- */

static gboolean
tick_cb (gpointer user_data)
{
  CrAlertsPage *self = user_data;
  g_autoptr(GDateTime) now = page_now (self);
  GHashTableIter iter;
  gpointer row;
  gboolean calling = FALSE;

  g_hash_table_iter_init (&iter, self->rows);
  while (g_hash_table_iter_next (&iter, NULL, &row))
    calling |= cr_alert_row_tick (row, now);
  if (!calling)
    {
      self->tick_id = 0;
      return G_SOURCE_REMOVE;
    }
  return G_SOURCE_CONTINUE;
}

static void
update_tick (CrAlertsPage *self)
{
  GHashTableIter iter;
  gpointer row;
  gboolean calling = FALSE;

  g_hash_table_iter_init (&iter, self->rows);
  while (g_hash_table_iter_next (&iter, NULL, &row))
    calling |= cr_alert_row_get_calling (row);
  if (calling && self->tick_id == 0)
    self->tick_id = g_timeout_add_seconds (1, tick_cb, self);
  else if (!calling)
    g_clear_handle_id (&self->tick_id, g_source_remove);
}

/* ---- Loading ---- */

static gboolean
load_directory (CrAlertsPage *self,
                GError      **error)
{
  g_autoptr(GListModel) partners = NULL;
  g_autoptr(GListModel) contacts = NULL;

  if ((partners = cr_store_list (self->store, CR_TYPE_PARTNER, NULL, 0, error)) == NULL ||
      (contacts = cr_store_list (self->store, CR_TYPE_CONTACT, NULL, 0, error)) == NULL)
    return FALSE;
  g_hash_table_remove_all (self->partners);
  for (guint i = 0; i < g_list_model_get_n_items (partners); i++)
    {
      CrRecord *partner = g_list_model_get_item (partners, i);

      g_hash_table_insert (self->partners, id_key (cr_record_get_id (partner)), partner);
    }
  g_hash_table_remove_all (self->contacts);
  for (guint i = 0; i < g_list_model_get_n_items (contacts); i++)
    {
      CrRecord *contact = g_list_model_get_item (contacts, i);

      g_hash_table_insert (self->contacts, id_key (cr_record_get_id (contact)), contact);
    }
  return TRUE;
}

static void
update_rows (CrAlertsPage    *self,
             CrAlertCampaign *campaign,
             GListModel      *tests,
             CrAlertSummary  *summary,
             GDateTime       *now)
{
  g_autoptr(GHashTable) calls = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  gboolean ended = cr_alert_campaign_get_ended_at (campaign) != NULL;
  CrAlertChannel channel = campaign_channel (self, tests);
  gboolean same = g_hash_table_size (self->rows) == summary->partners->len;

  for (guint i = 0; i < g_list_model_get_n_items (tests); i++)
    {
      g_autoptr(CrAlertTest) test = g_list_model_get_item (tests, i);
      gint64 partner_id = cr_alert_test_get_partner_id (test);
      GListStore *list = g_hash_table_lookup (calls, &partner_id);

      if (list == NULL)
        {
          list = g_list_store_new (CR_TYPE_ALERT_TEST);
          g_hash_table_insert (calls, id_key (partner_id), list);
        }
      g_list_store_append (list, test);
    }

  for (guint i = 0; same && i < summary->partners->len; i++)
    same = g_hash_table_contains (self->rows, &g_array_index (summary->partners, CrAlertPartnerResult, i).partner_id);
  if (!same)
    {
      GtkWidget *child;

      g_hash_table_remove_all (self->rows);
      while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->partners_list))) != NULL)
        gtk_list_box_remove (self->partners_list, child);
      for (guint i = 0; i < summary->partners->len; i++)
        {
          gint64 partner_id = g_array_index (summary->partners, CrAlertPartnerResult, i).partner_id;
          CrAlertRow *row = cr_alert_row_new (partner_id);

          gtk_list_box_append (self->partners_list, GTK_WIDGET (row));
          g_hash_table_insert (self->rows, id_key (partner_id), row);
        }
    }

  for (guint i = 0; i < summary->partners->len; i++)
    {
      gint64 partner_id = g_array_index (summary->partners, CrAlertPartnerResult, i).partner_id;
      CrPartner *partner = g_hash_table_lookup (self->partners, &partner_id);
      g_autoptr(GListModel) chain = cr_store_list_spoc_chain (self->store, partner_id, NULL);
      g_autoptr(GListStore) no_chain = g_list_store_new (CR_TYPE_CONTACT);
      CrAlertRowState state = { 0 };

      if (partner == NULL)
        continue;
      state.partner = partner;
      state.calls = g_hash_table_lookup (calls, &partner_id);
      state.chain = chain != NULL ? chain : G_LIST_MODEL (no_chain);
      state.contacts = self->contacts;
      state.now = now;
      state.channel = channel;
      state.target_minutes = summary->target_minutes;
      state.ended = ended;
      cr_alert_row_update (g_hash_table_lookup (self->rows, &partner_id), &state);
    }
}

static void
update_detail (CrAlertsPage *self,
               GDateTime    *now)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrAlertCampaign) campaign = NULL;
  g_autoptr(GListModel) tests = NULL;
  g_autoptr(CrAlertSummary) summary = NULL;
  g_autofree char *started = NULL;
  g_autofree char *subtitle = NULL;
  gboolean ended;

  if (self->campaign_id <= 0)
    {
      g_hash_table_remove_all (self->rows);
      gtk_stack_set_visible_child_name (self->detail_stack, "none");
      return;
    }
  campaign = cr_store_get (self->store, CR_TYPE_ALERT_CAMPAIGN, self->campaign_id, &error);
  if (campaign != NULL)
    tests = cr_store_list_alert_tests (self->store, self->campaign_id, &error);
  if (tests == NULL)
    {
      g_warning ("Cannot read the alert test: %s", error->message);
      return;
    }
  summary = cr_alert_summary_compute (tests, (guint) MAX (cr_alert_campaign_get_target_minutes (campaign), 1));
  ended = cr_alert_campaign_get_ended_at (campaign) != NULL;
  gtk_stack_set_visible_child_name (self->detail_stack, "campaign");

  gtk_label_set_text (self->title_label, cr_alert_campaign_get_name (campaign));
  started = _cr_alerts_page_format_local (cr_alert_campaign_get_started_at (campaign), "%A %-d %B %Y, %H:%M");
  if (ended)
    {
      g_autofree char *end = _cr_alerts_page_format_local (cr_alert_campaign_get_ended_at (campaign), "%H:%M");

      /* Translators: e.g. "Started Thursday 26 September 2024, 14:02, ended 15:10" */
      subtitle = g_strdup_printf (_("Started %s, ended %s"), started, end);
    }
  else
    /* Translators: e.g. "Started Thursday 26 September 2024, 14:02" */
    subtitle = g_strdup_printf (_("Started %s"), started);
  gtk_label_set_text (self->subtitle_label, subtitle);
  gtk_widget_set_visible (GTK_WIDGET (self->end_button), !ended);
  gtk_widget_set_sensitive (GTK_WIDGET (self->channel_dropdown), !ended);
  self->filling = TRUE;
  gtk_drop_down_set_selected (self->channel_dropdown, (guint) campaign_channel (self, tests));
  self->filling = FALSE;

  _cr_alerts_page_update_summary (self, summary, ended);
  update_rows (self, campaign, tests, summary, now);
}

static void
reload (CrAlertsPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) campaigns = NULL;
  g_autoptr(GDateTime) now = page_now (self);
  gboolean found = FALSE;

  g_clear_handle_id (&self->reload_idle, g_source_remove);
  if (self->store == NULL)
    return;
  if (!load_directory (self, &error) || (campaigns = cr_store_list_alert_campaigns (self->store, &error)) == NULL)
    {
      g_warning ("Cannot read the alert tests: %s", error->message);
      return;
    }
  for (guint i = 0; i < g_list_model_get_n_items (campaigns) && !found; i++)
    {
      g_autoptr(CrRecord) campaign = g_list_model_get_item (campaigns, i);

      found = cr_record_get_id (campaign) == self->campaign_id;
    }
  if (!found)
    {
      /* The latest campaign, or none. */
      g_autoptr(CrRecord) latest = g_list_model_get_item (campaigns, 0);

      self->campaign_id = latest != NULL ? cr_record_get_id (latest) : 0;
    }
  _cr_alerts_page_update_campaign_list (self, campaigns);
  _cr_alerts_page_update_coverage (self, now);
  update_detail (self, now);
  update_tick (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "alerts.end-campaign",
                                 self->campaign_id > 0 && gtk_widget_get_visible (GTK_WIDGET (self->end_button)));
}

/* Starting a campaign writes a row per partner: reload once. Changes by
 * other windows and processes arrive here too. */
static void
store_changed_cb (CrAlertsPage *self)
{
  cr_ops_queue_idle (&self->reload_idle, (CrOpsPageFunc) reload, self);
}

/* ---- Callbacks ---- */

static void
campaign_selected_cb (CrAlertsPage  *self,
                      GtkListBoxRow *row)
{
  int index;

  if (self->filling || row == NULL)
    return;
  index = gtk_list_box_row_get_index (row);
  if (index < 0 || (guint) index >= self->campaign_ids->len ||
      g_array_index (self->campaign_ids, gint64, index) == self->campaign_id)
    return;
  cr_alerts_page_select_campaign (self, g_array_index (self->campaign_ids, gint64, index));
}

static void
channel_changed_cb (CrAlertsPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->channel_dropdown);

  if (self->filling || self->campaign_id <= 0 || selected > CR_ALERT_CHANNEL_EMAIL)
    return;
  g_hash_table_insert (self->channels, id_key (self->campaign_id), GINT_TO_POINTER (selected));
  reload (self);
}

/* The stopwatch's buttons, each with the partner's id. */
static void
call_action_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  CrAlertsPage *self = CR_ALERTS_PAGE (widget);
  gint64 partner_id = g_variant_get_int64 (parameter);
  const char *action = action_name + strlen ("alerts.");
  g_autoptr(GDateTime) now = page_now (self);
  g_autoptr(CrAlertTest) call = NULL;
  g_autoptr(GListModel) tests = NULL;
  g_autoptr(GError) error = NULL;
  gint64 call_id;
  gboolean ok = TRUE;

  call = cr_store_get_alert_call (self->store, self->campaign_id, partner_id, &error);
  if (call == NULL)
    {
      show_error (self, error != NULL ? error->message
                                      : _("This partner is not part of the alert test: choose one in the list."));
      return;
    }
  call_id = cr_record_get_id (CR_RECORD (call));

  if (g_str_equal (action, "call"))
    {
      tests = cr_store_list_alert_tests (self->store, self->campaign_id, NULL);
      ok = cr_store_alert_call_start (self->store, call_id, campaign_channel (self, tests), now, &error);
    }
  else if (g_str_equal (action, "answered"))
    {
      /* The stopwatch stops now; the outcome comes once the operator
       * knows it, and keeps this time. */
      ok = cr_store_alert_call_picked_up (self->store, call_id, now, &error);
    }
  else if (g_str_equal (action, "back"))
    ok = cr_store_alert_call_picked_up (self->store, call_id, NULL, &error);
  else if (g_str_equal (action, "confirmed") || g_str_equal (action, "not-confirmed"))
    ok = cr_store_alert_call_answered (self->store, call_id,
                                       g_str_equal (action, "confirmed") ? CR_ALERT_OUTCOME_CONFIRMED
                                                                        : CR_ALERT_OUTCOME_NOT_CONFIRMED,
                                       now, &error);
  else if (g_str_equal (action, "no-answer"))
    ok = cr_store_alert_call_no_answer (self->store, call_id, now, NULL, &error);
  else if (g_str_equal (action, "give-up"))
    ok = cr_store_alert_give_up (self->store, call_id, now, &error);
  else
    g_assert_not_reached ();

  if (!ok)
    show_error (self, error->message);
  reload (self);
}

static gboolean
dialog_start_cb (CrAlertsPage          *self,
                 CrAlertCampaignDialog *dialog)
{
  g_autoptr(GArray) ids = cr_alert_campaign_dialog_get_partners (dialog);
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_strstrip (g_strdup (cr_alert_campaign_dialog_get_name (dialog)));
  gint64 id;

  id = cr_alerts_page_start_campaign (self, name, ids->len > 0 ? (const gint64 *) ids->data : NULL, ids->len,
                                      cr_alert_campaign_dialog_get_channel (dialog),
                                      cr_alert_campaign_dialog_get_target (dialog), &error);
  if (id <= 0)
    {
      cr_alert_campaign_dialog_set_error (dialog, error->message);
      return FALSE;
    }
  return TRUE;
}

static void
new_campaign_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  cr_alerts_page_new_campaign (CR_ALERTS_PAGE (widget));
}

static void
end_campaign (CrAlertsPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = page_now (self);

  if (!cr_store_end_alert_campaign (self->store, self->campaign_id, now, &error))
    show_error (self, error->message);
  reload (self);
}

static void
end_response_cb (AdwMessageDialog *dialog,
                 const char       *response,
                 CrAlertsPage     *self)
{
  if (g_str_equal (response, "end"))
    end_campaign (self);
}

/* Ending with partners not reached yet counts them as not reached: ask. */
static void
end_campaign_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  CrAlertsPage *self = CR_ALERTS_PAGE (widget);
  g_autoptr(CrAlertSummary) summary = cr_store_get_alert_summary (self->store, self->campaign_id, NULL);
  GtkWidget *dialog;
  g_autofree char *body = NULL;

  if (summary == NULL || summary->n_pending == 0)
    {
      end_campaign (self);
      return;
    }
  body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%u partner has not been reached yet: it will count as not reached.",
                                       "%u partners have not been reached yet: they will count as not reached.",
                                       summary->n_pending),
                          summary->n_pending);
  dialog = adw_message_dialog_new (cr_ops_parent_window (widget), _("End the Alert Test?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Keep Calling"), "end",
                                    _("_End Alert Test"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "end", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (end_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- GObject ---- */

static void
cr_alerts_page_dispose (GObject *object)
{
  CrAlertsPage *self = CR_ALERTS_PAGE (object);

  g_clear_handle_id (&self->reload_idle, g_source_remove);
  g_clear_handle_id (&self->tick_id, g_source_remove);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_pointer (&self->rows, g_hash_table_unref);
  cr_ops_dispose_template (GTK_WIDGET (self), CR_TYPE_ALERTS_PAGE);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (cr_alerts_page_parent_class)->dispose (object);
}

static void
cr_alerts_page_finalize (GObject *object)
{
  CrAlertsPage *self = CR_ALERTS_PAGE (object);

  g_clear_pointer (&self->fixed_now, g_date_time_unref);
  g_clear_pointer (&self->campaign_ids, g_array_unref);
  g_clear_pointer (&self->untested_rows, g_ptr_array_unref);
  g_clear_pointer (&self->channels, g_hash_table_unref);
  g_clear_pointer (&self->partners, g_hash_table_unref);
  g_clear_pointer (&self->contacts, g_hash_table_unref);

  G_OBJECT_CLASS (cr_alerts_page_parent_class)->finalize (object);
}

static void
cr_alerts_page_class_init (CrAlertsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  static const char *const call_actions[] = {
    "alerts.call", "alerts.answered", "alerts.no-answer", "alerts.give-up",
    "alerts.confirmed", "alerts.not-confirmed", "alerts.back",
  };

  object_class->dispose = cr_alerts_page_dispose;
  object_class->finalize = cr_alerts_page_finalize;

  g_type_ensure (CR_TYPE_ALERT_ROW);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/cr-alerts-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CrAlertsPage, coverage_group);
  gtk_widget_class_bind_template_child (widget_class, CrAlertsPage, coverage_row);
  gtk_widget_class_bind_template_child (widget_class, CrAlertsPage, coverage_bar);
  gtk_widget_class_bind_template_child (widget_class, CrAlertsPage, untested_row);
  gtk_widget_class_bind_template_child (widget_class, CrAlertsPage, campaigns_list);
  gtk_widget_class_bind_template_child (widget_class, CrAlertsPage, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, CrAlertsPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, CrAlertsPage, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, CrAlertsPage, channel_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CrAlertsPage, end_button);
  gtk_widget_class_bind_template_child (widget_class, CrAlertsPage, within_row);
  gtk_widget_class_bind_template_child (widget_class, CrAlertsPage, within_label);
  gtk_widget_class_bind_template_child (widget_class, CrAlertsPage, median_label);
  gtk_widget_class_bind_template_child (widget_class, CrAlertsPage, confirmed_label);
  gtk_widget_class_bind_template_child (widget_class, CrAlertsPage, unreachable_row);
  gtk_widget_class_bind_template_child (widget_class, CrAlertsPage, unreachable_label);
  gtk_widget_class_bind_template_child (widget_class, CrAlertsPage, pending_row);
  gtk_widget_class_bind_template_child (widget_class, CrAlertsPage, pending_label);
  gtk_widget_class_bind_template_child (widget_class, CrAlertsPage, partners_list);
  gtk_widget_class_bind_template_callback (widget_class, campaign_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, channel_changed_cb);

  for (guint i = 0; i < G_N_ELEMENTS (call_actions); i++)
    gtk_widget_class_install_action (widget_class, call_actions[i], "x", call_action_activated);
  gtk_widget_class_install_action (widget_class, "alerts.new-campaign", NULL, new_campaign_activated);
  gtk_widget_class_install_action (widget_class, "alerts.end-campaign", NULL, end_campaign_activated);
}

static void
cr_alerts_page_init (CrAlertsPage *self)
{
  g_autoptr(GtkStringList) channels = gtk_string_list_new (NULL);
  GtkEventController *shortcuts;

  gtk_widget_init_template (GTK_WIDGET (self));
  cr_a11y_name_mnemonic_buttons (GTK_WIDGET (self));

  self->campaign_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->untested_rows = g_ptr_array_new ();
  self->rows = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->channels = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->partners = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  self->contacts = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);

  for (CrAlertChannel c = CR_ALERT_CHANNEL_PHONE; c <= CR_ALERT_CHANNEL_EMAIL; c++)
    gtk_string_list_append (channels, cr_alert_channel_label (c));
  self->filling = TRUE;
  gtk_drop_down_set_model (self->channel_dropdown, G_LIST_MODEL (channels));
  self->filling = FALSE;
  cr_ops_name_drop_down (self->channel_dropdown, _("Channel of the next calls"));

  shortcuts = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (shortcuts), GTK_SHORTCUT_SCOPE_MANAGED);
  cr_ops_add_page_shortcut (GTK_WIDGET (self), GTK_SHORTCUT_CONTROLLER (shortcuts), GDK_KEY_t, GDK_CONTROL_MASK,
                            "alerts.new-campaign");
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);
}

/**
 * cr_alerts_page_new:
 * @window: the main window: its database and settings
 *
 * Returns: (transfer floating): the alert tests page
 */
CrAlertsPage *
cr_alerts_page_new (CrWindow *window)
{
  CrAlertsPage *self;
  GtkApplication *application;

  g_return_val_if_fail (CR_IS_WINDOW (window), NULL);

  self = g_object_new (CR_TYPE_ALERTS_PAGE, NULL);
  self->store = g_object_ref (cr_history_get_store (cr_window_get_history (window)));
  application = gtk_window_get_application (GTK_WINDOW (window));
  if (CR_IS_APPLICATION (application))
    self->settings = g_object_ref (cr_application_get_settings (CR_APPLICATION (application)));

  for (guint i = 0; i < 4; i++)
    {
      static const char *const signals[] = { "changed::alert_campaigns", "changed::alert_tests",
                                             "changed::partners", "changed::contacts" };

      g_signal_connect_swapped (self->store, signals[i], G_CALLBACK (store_changed_cb), self);
    }
  g_signal_connect_swapped (self->store, "changed::spoc_assignments", G_CALLBACK (store_changed_cb), self);
  reload (self);
  return self;
}

/**
 * cr_alerts_page_set_now:
 * @now: (nullable): the time the page takes as now, or %NULL for the
 *   system clock
 *
 * Every call recorded from then on is at @now, and the stopwatches show
 * @now.
 */
void
cr_alerts_page_set_now (CrAlertsPage *self,
                        GDateTime    *now)
{
  g_return_if_fail (CR_IS_ALERTS_PAGE (self));

  g_clear_pointer (&self->fixed_now, g_date_time_unref);
  if (now != NULL)
    self->fixed_now = g_date_time_ref (now);
  reload (self);
}

/**
 * cr_alerts_page_get_now:
 *
 * Returns: (transfer full): what the page takes as now
 */
GDateTime *
cr_alerts_page_get_now (CrAlertsPage *self)
{
  g_return_val_if_fail (CR_IS_ALERTS_PAGE (self), NULL);

  return page_now (self);
}

/**
 * cr_alerts_page_new_campaign:
 *
 * Opens the dialog of a new alert test, with a name and the target
 * setting proposed.
 *
 * Returns: (transfer none): the dialog
 */
CrAlertCampaignDialog *
cr_alerts_page_new_campaign (CrAlertsPage *self)
{
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(CrAlertCoverage) coverage = NULL;
  g_autofree char *date = NULL;
  g_autofree char *name = NULL;
  CrAlertCampaignDialog *dialog;
  guint target = 15;

  g_return_val_if_fail (CR_IS_ALERTS_PAGE (self), NULL);

  now = page_now (self);
  date = _cr_alerts_page_format_local (now, "%-d %B %Y");
  /* Translators: the name proposed for a new alert test, e.g. "Alert test 12 March 2025" */
  name = g_strdup_printf (_("Alert test %s"), date);
  if (self->settings != NULL)
    target = g_settings_get_uint (self->settings, "alert-target-minutes");
  dialog = cr_alert_campaign_dialog_new (self->store, name, target, cr_ops_parent_window (GTK_WIDGET (self)));
  /* A selection starts with those the yearly aim still misses. */
  coverage = cr_store_get_alert_coverage (self->store, now, NULL);
  for (guint i = 0; coverage != NULL && i < coverage->untested->len; i++)
    cr_alert_campaign_dialog_set_partner (dialog, g_array_index (coverage->untested, gint64, i), TRUE);
  g_signal_connect_object (dialog, "start", G_CALLBACK (dialog_start_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

/**
 * cr_alerts_page_start_campaign:
 * @partner_ids: (array length=n_partners) (nullable): the partners, or
 *   %NULL for all
 * @channel: the channel of its calls, which the page remembers
 *
 * Starts an alert test now (the page's clock) and shows it.
 *
 * Returns: the new campaign's id, or 0 with @error set
 */
gint64
cr_alerts_page_start_campaign (CrAlertsPage  *self,
                               const char    *name,
                               const gint64  *partner_ids,
                               guint          n_partners,
                               CrAlertChannel channel,
                               guint          target_minutes,
                               GError       **error)
{
  g_autoptr(GDateTime) now = NULL;
  gint64 id = 0;

  g_return_val_if_fail (CR_IS_ALERTS_PAGE (self), 0);

  now = page_now (self);
  if (!cr_store_start_alert_campaign (self->store, name, partner_ids, n_partners, target_minutes, now, &id,
                                      error))
    return 0;
  g_hash_table_insert (self->channels, id_key (id), GINT_TO_POINTER (channel));
  cr_alerts_page_select_campaign (self, id);
  return id;
}

/* Shows the campaign; FALSE when there is none of that id. */
gboolean
cr_alerts_page_select_campaign (CrAlertsPage *self,
                                gint64        campaign_id)
{
  g_return_val_if_fail (CR_IS_ALERTS_PAGE (self), FALSE);

  self->campaign_id = campaign_id;
  reload (self);
  return self->campaign_id == campaign_id;
}

gint64
cr_alerts_page_get_campaign (CrAlertsPage *self)
{
  g_return_val_if_fail (CR_IS_ALERTS_PAGE (self), 0);

  return self->campaign_id;
}

/**
 * cr_alerts_page_get_row:
 *
 * Returns: (transfer none) (nullable): the stopwatch row of the partner
 *   in the campaign shown
 */
CrAlertRow *
cr_alerts_page_get_row (CrAlertsPage *self,
                        gint64        partner_id)
{
  g_return_val_if_fail (CR_IS_ALERTS_PAGE (self), NULL);

  return g_hash_table_lookup (self->rows, &partner_id);
}
