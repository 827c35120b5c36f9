/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <glib-object.h>

#include "cr-projection.h"
#include "cr-store.h"

G_BEGIN_DECLS

#define CR_TYPE_MAP_RENDERER (cr_map_renderer_get_type ())
G_DECLARE_FINAL_TYPE (CrMapRenderer, cr_map_renderer, CR, MAP_RENDERER, GObject)

CrMapRenderer *cr_map_renderer_new          (CrStore            *store);
CrStore       *cr_map_renderer_get_store    (CrMapRenderer      *self);
gint64         cr_map_renderer_get_event_id (CrMapRenderer      *self);
void           cr_map_renderer_set_event_id (CrMapRenderer      *self,
                                             gint64              event_id);
gint64         cr_map_renderer_get_selected (CrMapRenderer      *self);
void           cr_map_renderer_set_selected (CrMapRenderer      *self,
                                             gint64              feature_id);
guint          cr_map_renderer_draw         (CrMapRenderer      *self,
                                             cairo_t            *cr,
                                             const CrProjection *proj);
void           cr_map_renderer_draw_swatch  (CrMapRenderer      *self,
                                             cairo_t            *cr,
                                             const char         *kind,
                                             double              x,
                                             double              y,
                                             double              width,
                                             double              height);

G_END_DECLS
