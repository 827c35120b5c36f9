/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "cr-enums.h"
#include "cr-feature-kind.h"

G_BEGIN_DECLS

/* Translated, human-readable names of the domain enumerations. */
const char *cr_event_kind_label        (CrEventKind        kind);
const char *cr_event_status_label      (CrEventStatus      status);
const char *cr_partner_type_label      (CrPartnerType      type);
const char *cr_discipline_label        (CrDiscipline       discipline);
const char *cr_cell_label              (CrCell             cell);
const char *cr_activation_level_label  (CrActivationLevel  level);
const char *cr_item_state_label        (CrItemState        state);
const char *cr_log_category_label      (CrLogCategory      category);
const char *cr_alert_channel_label     (CrAlertChannel     channel);
const char *cr_alert_outcome_label     (CrAlertOutcome     outcome);
const char *cr_availability_label      (CrAvailability     availability);

const char *cr_label_msgid             (GType              enum_type,
                                        int                value);

/* The kind's label in the language of the user interface (fr, nl, else en). */
const char *cr_feature_kind_get_label  (CrFeatureKind     *kind);
const char *cr_ui_language             (void);

G_END_DECLS
