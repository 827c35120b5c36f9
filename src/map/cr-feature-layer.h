/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <shumate/shumate.h>

#include "cr-map-renderer.h"
#include "cr-projection.h"

G_BEGIN_DECLS

#define CR_TYPE_FEATURE_LAYER (cr_feature_layer_get_type ())
G_DECLARE_FINAL_TYPE (CrFeatureLayer, cr_feature_layer, CR, FEATURE_LAYER, ShumateLayer)

CrFeatureLayer *cr_feature_layer_new             (ShumateViewport *viewport,
                                                  CrMapRenderer   *renderer);
CrMapRenderer  *cr_feature_layer_get_renderer    (CrFeatureLayer  *self);
gboolean        cr_feature_layer_get_projection  (CrFeatureLayer  *self,
                                                  CrProjection    *proj);
guint           cr_feature_layer_get_n_drawn     (CrFeatureLayer  *self);

G_END_DECLS
