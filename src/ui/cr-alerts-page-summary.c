/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cr-alerts-page"

#include "config.h"

#include <glib/gi18n.h>

#include "cr-alerts-page-private.h"
#include "cr-labels.h"
#include "cr-time.h"

/* What the alerts page says of the tests as a whole: the coverage of the
 * last 12 months, the campaigns with their result, and the summary of
 * the campaign shown. */

static const char *
partner_name (CrAlertsPage *self,
              gint64        id)
{
  CrPartner *partner = g_hash_table_lookup (self->partners, &id);

  return partner != NULL ? cr_partner_get_name (partner) : "";
}

/* "75%", as the language writes a share. */
static char *
format_share (double share)
{
  /* Translators: a share, e.g. "75%"; French puts a narrow no-break space before the sign */
  return g_strdup_printf (_("%.0f%%"), share * 100);
}

char *
_cr_alerts_page_format_local (GDateTime  *dt,
                              const char *format)
{
  return dt != NULL ? cr_time_format_local (dt, format) : g_strdup ("");
}

void
_cr_alerts_page_update_coverage (CrAlertsPage *self,
                                 GDateTime    *now)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrAlertCoverage) coverage = cr_store_get_alert_coverage (self->store, now, &error);
  g_autofree char *title = NULL;
  g_autofree char *share = NULL;
  g_autofree char *since = NULL;
  g_autofree char *subtitle = NULL;

  if (coverage == NULL)
    {
      g_warning ("Cannot compute the alert test coverage: %s", error->message);
      return;
    }
  /* Translators: the coverage of alert tests, e.g. "14 of 20 partners took part" */
  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u partner took part",
                                        "%u of %u partners took part", coverage->n_partners),
                           coverage->n_tested, coverage->n_partners);
  share = format_share (coverage->share);
  since = _cr_alerts_page_format_local (coverage->since, "%-d %B %Y");
  /* Translators: e.g. "70 % since 12 March 2024" */
  subtitle = g_strdup_printf (_("%s since %s"), share, since);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->coverage_row), title);
  adw_action_row_set_subtitle (self->coverage_row, subtitle);
  gtk_level_bar_set_value (self->coverage_bar, coverage->share);

  for (guint i = 0; i < self->untested_rows->len; i++)
    adw_expander_row_remove (self->untested_row, g_ptr_array_index (self->untested_rows, i));
  g_ptr_array_set_size (self->untested_rows, 0);
  if (coverage->untested->len == 0)
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->untested_row),
                                     _("Every partner took part"));
      adw_expander_row_set_subtitle (self->untested_row, NULL);
      adw_expander_row_set_enable_expansion (self->untested_row, FALSE);
      return;
    }
  g_free (title);
  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u partner without a test",
                                        "%u partners without a test", coverage->untested->len),
                           coverage->untested->len);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->untested_row), title);
  adw_expander_row_set_subtitle (self->untested_row, _("Include them in the next alert test"));
  adw_expander_row_set_enable_expansion (self->untested_row, TRUE);
  for (guint i = 0; i < coverage->untested->len; i++)
    {
      gint64 id = g_array_index (coverage->untested, gint64, i);
      CrPartner *partner = g_hash_table_lookup (self->partners, &id);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), partner_name (self, id));
      if (partner != NULL)
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                     cr_partner_type_label (cr_partner_get_partner_type (partner)));
      adw_expander_row_add_row (self->untested_row, row);
      g_ptr_array_add (self->untested_rows, row);
    }
}

/* "26 Sep 2024, 14:02 · in progress · 12 of 16 within 15 min" */
static char *
describe_campaign (CrAlertsPage    *self,
                   CrAlertCampaign *campaign)
{
  g_autoptr(CrAlertSummary) summary = NULL;
  g_autofree char *started = _cr_alerts_page_format_local (cr_alert_campaign_get_started_at (campaign), "%-d %b %Y, %H:%M");
  g_autofree char *result = NULL;

  summary = cr_store_get_alert_summary (self->store, cr_record_get_id (CR_RECORD (campaign)), NULL);
  if (summary == NULL)
    return g_steal_pointer (&started);
  /* Translators: e.g. "12 of 16 within 15 min" */
  result = g_strdup_printf (_("%u of %u within %u min"), summary->n_within_target, summary->n_partners,
                            summary->target_minutes);
  if (cr_alert_campaign_get_ended_at (campaign) == NULL)
    /* Translators: a campaign's start, that it is still running, and its result so far */
    return g_strdup_printf (_("%s · in progress · %s"), started, result);
  return g_strdup_printf ("%s · %s", started, result);
}

static gboolean
same_ids (GArray     *ids,
          GListModel *campaigns)
{
  if (ids->len != g_list_model_get_n_items (campaigns))
    return FALSE;
  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(CrRecord) campaign = g_list_model_get_item (campaigns, i);

      if (cr_record_get_id (campaign) != g_array_index (ids, gint64, i))
        return FALSE;
    }
  return TRUE;
}

/* The campaigns, latest first; rows are kept (and the keyboard focus on
 * them) unless campaigns came or went. */
void
_cr_alerts_page_update_campaign_list (CrAlertsPage *self,
                                      GListModel   *campaigns)
{
  guint n = g_list_model_get_n_items (campaigns);

  self->filling = TRUE;
  if (!same_ids (self->campaign_ids, campaigns))
    {
      GtkWidget *child;

      while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->campaigns_list))) != NULL)
        gtk_list_box_remove (self->campaigns_list, child);
      g_array_set_size (self->campaign_ids, 0);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(CrRecord) campaign = g_list_model_get_item (campaigns, i);
          GtkWidget *row = adw_action_row_new ();
          gint64 id = cr_record_get_id (campaign);

          adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
          adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);
          gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
          gtk_list_box_append (self->campaigns_list, row);
          g_array_append_val (self->campaign_ids, id);
        }
    }
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CrAlertCampaign) campaign = g_list_model_get_item (campaigns, i);
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->campaigns_list, (int) i);
      g_autofree char *subtitle = describe_campaign (self, campaign);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), cr_alert_campaign_get_name (campaign));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      if (cr_record_get_id (CR_RECORD (campaign)) == self->campaign_id)
        gtk_list_box_select_row (self->campaigns_list, row);
    }
  self->filling = FALSE;
}

void
_cr_alerts_page_update_summary (CrAlertsPage   *self,
                                CrAlertSummary *summary,
                                gboolean        ended)
{
  g_autofree char *within_title = NULL;
  g_autofree char *within = NULL;
  g_autofree char *share = format_share (summary->share_within_target);
  g_autofree char *median = NULL;
  g_autofree char *count = NULL;
  g_autoptr(GString) names = g_string_new (NULL);

  /* Translators: the share of partners reached within the target, e.g. "Reached within 15 min" */
  within_title = g_strdup_printf (_("Reached within %u min"), summary->target_minutes);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->within_row), within_title);
  /* Translators: e.g. "12 of 16 partners (75 %)" */
  within = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u partner (%s)", "%u of %u partners (%s)",
                                         summary->n_partners),
                            summary->n_within_target, summary->n_partners, share);
  gtk_label_set_text (self->within_label, within);

  median = summary->median_response >= 0 ? cr_alert_format_duration (summary->median_response) : g_strdup ("—");
  gtk_label_set_text (self->median_label, median);

  count = g_strdup_printf ("%u", summary->n_confirmed);
  gtk_label_set_text (self->confirmed_label, count);
  g_free (count);

  for (guint i = 0; i < summary->unreachable->len; i++)
    {
      if (names->len > 0)
        g_string_append (names, "\n");
      g_string_append (names, partner_name (self, g_array_index (summary->unreachable, gint64, i)));
    }
  adw_action_row_set_subtitle (self->unreachable_row, names->len > 0 ? names->str : _("Nobody so far"));
  count = g_strdup_printf ("%u", summary->n_unreachable);
  gtk_label_set_text (self->unreachable_label, count);
  g_free (count);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->pending_row),
                                 ended ? _("Not Reached") : _("Still to Reach"));
  count = g_strdup_printf ("%u", summary->n_pending);
  gtk_label_set_text (self->pending_label, count);
}
