/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "cr-history.h"
#include "cr-map-renderer.h"

G_BEGIN_DECLS

#define CR_TYPE_FEATURE_DETAILS (cr_feature_details_get_type ())
G_DECLARE_FINAL_TYPE (CrFeatureDetails, cr_feature_details, CR, FEATURE_DETAILS, AdwBin)

CrFeatureDetails *cr_feature_details_new            (CrMapRenderer    *renderer,
                                                     CrHistory        *history);
gint64            cr_feature_details_get_feature_id (CrFeatureDetails *self);
CrFeature        *cr_feature_details_get_feature    (CrFeatureDetails *self);
const char       *cr_feature_details_get_problem    (CrFeatureDetails *self);
void              cr_feature_details_reload         (CrFeatureDetails *self);

G_END_DECLS
