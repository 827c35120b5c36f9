/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cr-labels"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cr-enum-types.h"
#include "cr-labels.h"

/* The labels' messages, untranslated: the interface translates them
 * into its language, the bilingual sheet into each of its own. */
static const char *const event_kind_msgids[] = {
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

static const char *const event_status_msgids[] = {
  [CR_EVENT_STATUS_PLANNING] = N_("Planning"),
  [CR_EVENT_STATUS_READY] = N_("Ready"),
  [CR_EVENT_STATUS_ACTIVE] = N_("Active"),
  [CR_EVENT_STATUS_CLOSED] = N_("Closed"),
};

static const char *const partner_type_msgids[] = {
  [CR_PARTNER_TYPE_POLICE_ZONE] = N_("Police zone"),
  [CR_PARTNER_TYPE_FIRE_EMS] = N_("Fire and EMS"),
  [CR_PARTNER_TYPE_CIVIL_PROTECTION] = N_("Civil protection"),
  [CR_PARTNER_TYPE_COMMUNE] = N_("Commune"),
  [CR_PARTNER_TYPE_REGIONAL_BODY] = N_("Regional public body"),
  [CR_PARTNER_TYPE_FEDERAL_SERVICE] = N_("Federal service"),
  [CR_PARTNER_TYPE_OTHER] = N_("Other"),
};

static const char *const discipline_msgids[] = {
  [CR_DISCIPLINE_D1] = N_("D1 Rescue"),
  [CR_DISCIPLINE_D2] = N_("D2 Medical and psychosocial"),
  [CR_DISCIPLINE_D3] = N_("D3 Police"),
  [CR_DISCIPLINE_D4] = N_("D4 Logistics"),
  [CR_DISCIPLINE_D5] = N_("D5 Information"),
  [CR_DISCIPLINE_OTHER] = N_("Other"),
};

static const char *const cell_msgids[] = {
  [CR_CELL_SITUATION] = N_("Situation"),
  [CR_CELL_OPERATIONS] = N_("Operations"),
  [CR_CELL_INFORMATION] = N_("Information (D5)"),
  [CR_CELL_PARTNER_LIAISON] = N_("Partner liaison"),
  [CR_CELL_LOGISTICS] = N_("Logistics"),
  [CR_CELL_LEGAL] = N_("Legal"),
};

static const char *const activation_level_msgids[] = {
  [CR_ACTIVATION_LEVEL_MONITORING] = N_("Monitoring"),
  [CR_ACTIVATION_LEVEL_PARTIAL] = N_("Partial"),
  [CR_ACTIVATION_LEVEL_FULL] = N_("Full"),
};

static const char *const item_state_msgids[] = {
  [CR_ITEM_STATE_OPEN] = N_("Open"),
  [CR_ITEM_STATE_DONE] = N_("Done"),
  [CR_ITEM_STATE_NOT_APPLICABLE] = N_("Not applicable"),
};

static const char *const log_category_msgids[] = {
  [CR_LOG_CATEGORY_INFORMATION] = N_("Information"),
  [CR_LOG_CATEGORY_DECISION] = N_("Decision"),
  [CR_LOG_CATEGORY_ACTION] = N_("Action"),
  [CR_LOG_CATEGORY_INCIDENT] = N_("Incident"),
};

static const char *const alert_channel_msgids[] = {
  [CR_ALERT_CHANNEL_PHONE] = N_("Phone"),
  [CR_ALERT_CHANNEL_SMS] = N_("SMS"),
  [CR_ALERT_CHANNEL_EMAIL] = N_("E-mail"),
};

static const char *const alert_outcome_msgids[] = {
  [CR_ALERT_OUTCOME_PENDING] = N_("Pending"),
  [CR_ALERT_OUTCOME_CONFIRMED] = N_("Confirmed"),
  [CR_ALERT_OUTCOME_NOT_CONFIRMED] = N_("Not confirmed"),
  [CR_ALERT_OUTCOME_NO_ANSWER] = N_("No answer"),
  [CR_ALERT_OUTCOME_UNREACHABLE] = N_("Unreachable"),
};

static const char *const availability_msgids[] = {
  [CR_AVAILABILITY_ALWAYS] = N_("24/7"),
  [CR_AVAILABILITY_OFFICE_HOURS] = N_("Office hours"),
};

#define MSGID(array, value) (((guint) (value) < G_N_ELEMENTS (array)) ? array[value] : "")

/* "" stays "": translated, it would be the catalogue's header. */
static const char *
translate (const char *msgid)
{
  return *msgid != '\0' ? _(msgid) : "";
}

/**
 * cr_label_msgid:
 * @enum_type: the GType of one of the enumerations with a label
 *
 * The untranslated label of @value, for text written in another language
 * than the interface's (see cr-sheet.c).
 *
 * Returns: the message, or "" for a value out of range
 */
const char *
cr_label_msgid (GType enum_type,
                int   value)
{
  static const struct
  {
    GType (*get_type) (void);
    const char *const *msgids;
    guint n;
  } enums[] = {
    { cr_event_kind_get_type, event_kind_msgids, G_N_ELEMENTS (event_kind_msgids) },
    { cr_event_status_get_type, event_status_msgids, G_N_ELEMENTS (event_status_msgids) },
    { cr_partner_type_get_type, partner_type_msgids, G_N_ELEMENTS (partner_type_msgids) },
    { cr_discipline_get_type, discipline_msgids, G_N_ELEMENTS (discipline_msgids) },
    { cr_cell_get_type, cell_msgids, G_N_ELEMENTS (cell_msgids) },
    { cr_activation_level_get_type, activation_level_msgids, G_N_ELEMENTS (activation_level_msgids) },
    { cr_item_state_get_type, item_state_msgids, G_N_ELEMENTS (item_state_msgids) },
    { cr_log_category_get_type, log_category_msgids, G_N_ELEMENTS (log_category_msgids) },
    { cr_alert_channel_get_type, alert_channel_msgids, G_N_ELEMENTS (alert_channel_msgids) },
    { cr_alert_outcome_get_type, alert_outcome_msgids, G_N_ELEMENTS (alert_outcome_msgids) },
    { cr_availability_get_type, availability_msgids, G_N_ELEMENTS (availability_msgids) },
  };

  for (guint i = 0; i < G_N_ELEMENTS (enums); i++)
    if (enums[i].get_type () == enum_type)
      return (guint) value < enums[i].n ? enums[i].msgids[value] : "";
  g_return_val_if_reached ("");
}

const char *
cr_event_kind_label (CrEventKind kind)
{
  return translate (MSGID (event_kind_msgids, kind));
}

const char *
cr_event_status_label (CrEventStatus status)
{
  return translate (MSGID (event_status_msgids, status));
}

const char *
cr_partner_type_label (CrPartnerType type)
{
  return translate (MSGID (partner_type_msgids, type));
}

const char *
cr_discipline_label (CrDiscipline discipline)
{
  return translate (MSGID (discipline_msgids, discipline));
}

const char *
cr_cell_label (CrCell cell)
{
  return translate (MSGID (cell_msgids, cell));
}

const char *
cr_activation_level_label (CrActivationLevel level)
{
  return translate (MSGID (activation_level_msgids, level));
}

const char *
cr_item_state_label (CrItemState state)
{
  return translate (MSGID (item_state_msgids, state));
}

const char *
cr_log_category_label (CrLogCategory category)
{
  return translate (MSGID (log_category_msgids, category));
}

const char *
cr_alert_channel_label (CrAlertChannel channel)
{
  return translate (MSGID (alert_channel_msgids, channel));
}

const char *
cr_alert_outcome_label (CrAlertOutcome outcome)
{
  return translate (MSGID (alert_outcome_msgids, outcome));
}

const char *
cr_availability_label (CrAvailability availability)
{
  return translate (MSGID (availability_msgids, availability));
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
