/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cr-labels"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cr-labels.h"

#define LABEL(array, value) \
  (((guint) (value) < G_N_ELEMENTS (array)) ? _(array[value]) : "")

const char *
cr_event_kind_label (CrEventKind kind)
{
  static const char *const labels[] = {
    [CR_EVENT_KIND_VISIT] = N_("Visit"),
    [CR_EVENT_KIND_DEMONSTRATION] = N_("Demonstration"),
    [CR_EVENT_KIND_SUMMIT] = N_("Summit"),
    [CR_EVENT_KIND_MATCH] = N_("Football match"),
    [CR_EVENT_KIND_FESTIVAL] = N_("Festival"),
    [CR_EVENT_KIND_NATIONAL_DAY] = N_("National day"),
    [CR_EVENT_KIND_NEW_YEAR] = N_("New Year's Eve"),
    [CR_EVENT_KIND_DELEGATION] = N_("Delegation visit"),
    [CR_EVENT_KIND_INCIDENT] = N_("Unplanned incident"),
    [CR_EVENT_KIND_EXERCISE] = N_("Exercise"),
  };

  return LABEL (labels, kind);
}

const char *
cr_event_status_label (CrEventStatus status)
{
  static const char *const labels[] = {
    [CR_EVENT_STATUS_PLANNING] = N_("Planning"),
    [CR_EVENT_STATUS_READY] = N_("Ready"),
    [CR_EVENT_STATUS_ACTIVE] = N_("Active"),
    [CR_EVENT_STATUS_CLOSED] = N_("Closed"),
  };

  return LABEL (labels, status);
}

const char *
cr_partner_type_label (CrPartnerType type)
{
  static const char *const labels[] = {
    [CR_PARTNER_TYPE_POLICE_ZONE] = N_("Police zone"),
    [CR_PARTNER_TYPE_FIRE_EMS] = N_("Fire and EMS"),
    [CR_PARTNER_TYPE_CIVIL_PROTECTION] = N_("Civil protection"),
    [CR_PARTNER_TYPE_COMMUNE] = N_("Commune"),
    [CR_PARTNER_TYPE_REGIONAL_BODY] = N_("Regional public body"),
    [CR_PARTNER_TYPE_FEDERAL_SERVICE] = N_("Federal service"),
    [CR_PARTNER_TYPE_OTHER] = N_("Other"),
  };

  return LABEL (labels, type);
}

const char *
cr_discipline_label (CrDiscipline discipline)
{
  static const char *const labels[] = {
    [CR_DISCIPLINE_D1] = N_("D1 Rescue"),
    [CR_DISCIPLINE_D2] = N_("D2 Medical and psychosocial"),
    [CR_DISCIPLINE_D3] = N_("D3 Police"),
    [CR_DISCIPLINE_D4] = N_("D4 Logistics"),
    [CR_DISCIPLINE_D5] = N_("D5 Information"),
    [CR_DISCIPLINE_OTHER] = N_("Other"),
  };

  return LABEL (labels, discipline);
}

const char *
cr_cell_label (CrCell cell)
{
  static const char *const labels[] = {
    [CR_CELL_SITUATION] = N_("Situation"),
    [CR_CELL_OPERATIONS] = N_("Operations"),
    [CR_CELL_INFORMATION] = N_("Information (D5)"),
    [CR_CELL_PARTNER_LIAISON] = N_("Partner liaison"),
    [CR_CELL_LOGISTICS] = N_("Logistics"),
    [CR_CELL_LEGAL] = N_("Legal"),
  };

  return LABEL (labels, cell);
}

const char *
cr_activation_level_label (CrActivationLevel level)
{
  static const char *const labels[] = {
    [CR_ACTIVATION_LEVEL_MONITORING] = N_("Monitoring"),
    [CR_ACTIVATION_LEVEL_PARTIAL] = N_("Partial"),
    [CR_ACTIVATION_LEVEL_FULL] = N_("Full"),
  };

  return LABEL (labels, level);
}

const char *
cr_item_state_label (CrItemState state)
{
  static const char *const labels[] = {
    [CR_ITEM_STATE_OPEN] = N_("Open"),
    [CR_ITEM_STATE_DONE] = N_("Done"),
    [CR_ITEM_STATE_NOT_APPLICABLE] = N_("Not applicable"),
  };

  return LABEL (labels, state);
}

const char *
cr_log_category_label (CrLogCategory category)
{
  static const char *const labels[] = {
    [CR_LOG_CATEGORY_INFORMATION] = N_("Information"),
    [CR_LOG_CATEGORY_DECISION] = N_("Decision"),
    [CR_LOG_CATEGORY_ACTION] = N_("Action"),
    [CR_LOG_CATEGORY_INCIDENT] = N_("Incident"),
  };

  return LABEL (labels, category);
}

const char *
cr_alert_channel_label (CrAlertChannel channel)
{
  static const char *const labels[] = {
    [CR_ALERT_CHANNEL_PHONE] = N_("Phone"),
    [CR_ALERT_CHANNEL_SMS] = N_("SMS"),
    [CR_ALERT_CHANNEL_EMAIL] = N_("E-mail"),
  };

  return LABEL (labels, channel);
}

const char *
cr_alert_outcome_label (CrAlertOutcome outcome)
{
  static const char *const labels[] = {
    [CR_ALERT_OUTCOME_PENDING] = N_("Pending"),
    [CR_ALERT_OUTCOME_CONFIRMED] = N_("Confirmed"),
    [CR_ALERT_OUTCOME_NOT_CONFIRMED] = N_("Not confirmed"),
    [CR_ALERT_OUTCOME_NO_ANSWER] = N_("No answer"),
    [CR_ALERT_OUTCOME_UNREACHABLE] = N_("Unreachable"),
  };

  return LABEL (labels, outcome);
}

const char *
cr_availability_label (CrAvailability availability)
{
  static const char *const labels[] = {
    [CR_AVAILABILITY_ALWAYS] = N_("24/7"),
    [CR_AVAILABILITY_OFFICE_HOURS] = N_("Office hours"),
  };

  return LABEL (labels, availability);
}

/**
 * cr_ui_language:
 *
 * "fr", "nl" or "en": the language the interface is shown in, for data
 * that carries its own translations (feature-kind labels).
 */
const char *
cr_ui_language (void)
{
  const char *const *names = g_get_language_names ();

  for (guint i = 0; names[i] != NULL; i++)
    {
      if (g_str_has_prefix (names[i], "fr"))
        return "fr";
      if (g_str_has_prefix (names[i], "nl"))
        return "nl";
      if (g_str_has_prefix (names[i], "en") || strcmp (names[i], "C") == 0)
        return "en";
    }
  return "en";
}

const char *
cr_feature_kind_get_label (CrFeatureKind *kind)
{
  const char *lang = cr_ui_language ();
  const char *label = NULL;

  g_return_val_if_fail (CR_IS_FEATURE_KIND (kind), NULL);

  if (g_str_equal (lang, "fr"))
    label = cr_feature_kind_get_label_fr (kind);
  else if (g_str_equal (lang, "nl"))
    label = cr_feature_kind_get_label_nl (kind);
  if (label == NULL || *label == '\0')
    label = cr_feature_kind_get_label_en (kind);
  return label;
}
