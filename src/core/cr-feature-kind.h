/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cr-enums.h"
#include "cr-record.h"

G_BEGIN_DECLS

#define CR_TYPE_FEATURE_KIND (cr_feature_kind_get_type ())
G_DECLARE_FINAL_TYPE (CrFeatureKind, cr_feature_kind, CR, FEATURE_KIND, CrRecord)

CrFeatureKind *cr_feature_kind_new              (void);
const char    *cr_feature_kind_get_code         (CrFeatureKind *self);
void           cr_feature_kind_set_code         (CrFeatureKind *self,
                                                 const char    *value);
CrKindGroup    cr_feature_kind_get_group        (CrFeatureKind *self);
void           cr_feature_kind_set_group        (CrFeatureKind *self,
                                                 CrKindGroup   value);
const char    *cr_feature_kind_get_label_en     (CrFeatureKind *self);
void           cr_feature_kind_set_label_en     (CrFeatureKind *self,
                                                 const char    *value);
const char    *cr_feature_kind_get_label_fr     (CrFeatureKind *self);
void           cr_feature_kind_set_label_fr     (CrFeatureKind *self,
                                                 const char    *value);
const char    *cr_feature_kind_get_label_nl     (CrFeatureKind *self);
void           cr_feature_kind_set_label_nl     (CrFeatureKind *self,
                                                 const char    *value);
const char    *cr_feature_kind_get_stroke_color (CrFeatureKind *self);
void           cr_feature_kind_set_stroke_color (CrFeatureKind *self,
                                                 const char    *value);
const char    *cr_feature_kind_get_fill_color   (CrFeatureKind *self);
void           cr_feature_kind_set_fill_color   (CrFeatureKind *self,
                                                 const char    *value);
double         cr_feature_kind_get_fill_opacity (CrFeatureKind *self);
void           cr_feature_kind_set_fill_opacity (CrFeatureKind *self,
                                                 double        value);
CrLineStyle    cr_feature_kind_get_line_style   (CrFeatureKind *self);
void           cr_feature_kind_set_line_style   (CrFeatureKind *self,
                                                 CrLineStyle   value);
double         cr_feature_kind_get_line_width   (CrFeatureKind *self);
void           cr_feature_kind_set_line_width   (CrFeatureKind *self,
                                                 double        value);
const char    *cr_feature_kind_get_icon_name    (CrFeatureKind *self);
void           cr_feature_kind_set_icon_name    (CrFeatureKind *self,
                                                 const char    *value);
int            cr_feature_kind_get_sort_order   (CrFeatureKind *self);
void           cr_feature_kind_set_sort_order   (CrFeatureKind *self,
                                                 int           value);
gboolean       cr_feature_kind_get_builtin      (CrFeatureKind *self);
void           cr_feature_kind_set_builtin      (CrFeatureKind *self,
                                                 gboolean      value);
gint64         cr_feature_kind_get_version      (CrFeatureKind *self);
void           cr_feature_kind_set_version      (CrFeatureKind *self,
                                                 gint64        value);

G_END_DECLS
