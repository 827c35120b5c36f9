/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Every row type of the data model, one header per type. */
#include "cr-activation-item.h"
#include "cr-activation.h"
#include "cr-alert-campaign.h"
#include "cr-alert-test.h"
#include "cr-audit-entry.h"
#include "cr-checklist-template-item.h"
#include "cr-checklist-template.h"
#include "cr-contact.h"
#include "cr-event.h"
#include "cr-feature-kind.h"
#include "cr-feature.h"
#include "cr-item-tick.h"
#include "cr-log-entry.h"
#include "cr-partner.h"
#include "cr-reference-layer.h"
#include "cr-role.h"
#include "cr-spoc-assignment.h"
#include "cr-waypoint.h"
