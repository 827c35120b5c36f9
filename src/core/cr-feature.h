/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cr-enums.h"
#include "cr-geometry.h"
#include "cr-record.h"

G_BEGIN_DECLS

#define CR_TYPE_FEATURE (cr_feature_get_type ())
G_DECLARE_FINAL_TYPE (CrFeature, cr_feature, CR, FEATURE, CrRecord)

CrFeature  *cr_feature_new             (void);
gint64      cr_feature_get_event_id    (CrFeature *self);
void        cr_feature_set_event_id    (CrFeature *self,
                                        gint64    value);
gint64      cr_feature_get_layer_id    (CrFeature *self);
void        cr_feature_set_layer_id    (CrFeature *self,
                                        gint64    value);
const char *cr_feature_get_kind        (CrFeature *self);
void        cr_feature_set_kind        (CrFeature  *self,
                                        const char *value);
const char *cr_feature_get_name        (CrFeature *self);
void        cr_feature_set_name        (CrFeature  *self,
                                        const char *value);
CrGeometry *cr_feature_get_geometry    (CrFeature *self);
void        cr_feature_set_geometry    (CrFeature  *self,
                                        CrGeometry *value);
GDateTime  *cr_feature_get_active_from (CrFeature *self);
void        cr_feature_set_active_from (CrFeature *self,
                                        GDateTime *value);
GDateTime  *cr_feature_get_active_to   (CrFeature *self);
void        cr_feature_set_active_to   (CrFeature *self,
                                        GDateTime *value);
gint64      cr_feature_get_partner_id  (CrFeature *self);
void        cr_feature_set_partner_id  (CrFeature *self,
                                        gint64    value);
const char *cr_feature_get_notes       (CrFeature *self);
void        cr_feature_set_notes       (CrFeature  *self,
                                        const char *value);
const char *cr_feature_get_properties  (CrFeature *self);
void        cr_feature_set_properties  (CrFeature  *self,
                                        const char *value);
double      cr_feature_get_center_lon  (CrFeature *self);
void        cr_feature_set_center_lon  (CrFeature *self,
                                        double    value);
double      cr_feature_get_center_lat  (CrFeature *self);
void        cr_feature_set_center_lat  (CrFeature *self,
                                        double    value);
double      cr_feature_get_radius_m    (CrFeature *self);
void        cr_feature_set_radius_m    (CrFeature *self,
                                        double    value);
gint64      cr_feature_get_version     (CrFeature *self);
void        cr_feature_set_version     (CrFeature *self,
                                        gint64    value);

G_END_DECLS
