/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cr-record.h"

G_BEGIN_DECLS

#define CR_TYPE_REFERENCE_LAYER (cr_reference_layer_get_type ())
G_DECLARE_FINAL_TYPE (CrReferenceLayer, cr_reference_layer, CR, REFERENCE_LAYER, CrRecord)

CrReferenceLayer *cr_reference_layer_new             (void);
const char       *cr_reference_layer_get_name        (CrReferenceLayer *self);
void              cr_reference_layer_set_name        (CrReferenceLayer *self,
                                                      const char       *value);
const char       *cr_reference_layer_get_description (CrReferenceLayer *self);
void              cr_reference_layer_set_description (CrReferenceLayer *self,
                                                      const char       *value);
const char       *cr_reference_layer_get_source      (CrReferenceLayer *self);
void              cr_reference_layer_set_source      (CrReferenceLayer *self,
                                                      const char       *value);
gboolean          cr_reference_layer_get_visible     (CrReferenceLayer *self);
void              cr_reference_layer_set_visible     (CrReferenceLayer *self,
                                                      gboolean          value);
gint64            cr_reference_layer_get_version     (CrReferenceLayer *self);
void              cr_reference_layer_set_version     (CrReferenceLayer *self,
                                                      gint64            value);

G_END_DECLS
