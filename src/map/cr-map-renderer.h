/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "cr-projection.h"
#include "cr-store.h"

G_BEGIN_DECLS

#define CR_TYPE_MAP_RENDERER (cr_map_renderer_get_type ())
G_DECLARE_FINAL_TYPE (CrMapRenderer, cr_map_renderer, CR, MAP_RENDERER, GObject)

CrMapRenderer *cr_map_renderer_new               (CrStore            *store);
CrMapRenderer *cr_map_renderer_new_reference     (CrStore            *store);
gboolean       cr_map_renderer_get_reference     (CrMapRenderer      *self);
CrStore       *cr_map_renderer_get_store         (CrMapRenderer      *self);
gint64         cr_map_renderer_get_event_id      (CrMapRenderer      *self);
void           cr_map_renderer_set_event_id      (CrMapRenderer      *self,
                                                  gint64              event_id);
gint64         cr_map_renderer_get_selected      (CrMapRenderer      *self);
void           cr_map_renderer_set_selected      (CrMapRenderer      *self,
                                                  gint64              feature_id);
GDateTime     *cr_map_renderer_get_time          (CrMapRenderer      *self);
void           cr_map_renderer_set_time          (CrMapRenderer      *self,
                                                  GDateTime          *time);
gboolean       cr_map_renderer_get_fade_inactive (CrMapRenderer      *self);
void           cr_map_renderer_set_fade_inactive (CrMapRenderer      *self,
                                                  gboolean            fade);
gboolean       cr_map_renderer_get_show_labels   (CrMapRenderer      *self);
void           cr_map_renderer_set_show_labels   (CrMapRenderer      *self,
                                                  gboolean            show);
double         cr_map_renderer_get_scale         (CrMapRenderer      *self);
void           cr_map_renderer_set_scale         (CrMapRenderer      *self,
                                                  double              scale);
gboolean       cr_map_renderer_get_kind_visible  (CrMapRenderer      *self,
                                                  const char         *kind);
void           cr_map_renderer_set_kind_visible  (CrMapRenderer      *self,
                                                  const char         *kind,
                                                  gboolean            visible);
gboolean       cr_map_renderer_get_group_visible (CrMapRenderer      *self,
                                                  CrKindGroup         group);
void           cr_map_renderer_set_group_visible (CrMapRenderer      *self,
                                                  CrKindGroup         group,
                                                  gboolean            visible);
char          *cr_map_renderer_show_kind         (CrMapRenderer      *self,
                                                  const char         *kind);
gboolean       cr_map_renderer_is_active         (CrMapRenderer      *self,
                                                  const char         *active_from,
                                                  const char         *active_to);

guint          cr_map_renderer_draw              (CrMapRenderer      *self,
                                                  cairo_t            *cr,
                                                  const CrProjection *proj);
guint          cr_map_renderer_snapshot_view     (CrMapRenderer      *self,
                                                  GtkSnapshot        *snapshot,
                                                  const CrProjection *proj,
                                                  double              device_scale);
void           cr_map_renderer_keep_frame_memory (void);
void           cr_map_renderer_clear_tiles       (CrMapRenderer      *self);
void           cr_map_renderer_expire_tiles      (CrMapRenderer      *self);
void           cr_map_renderer_start_tiles       (CrMapRenderer      *self);
void           cr_map_renderer_set_tile_wait     (CrMapRenderer      *self,
                                                  gint64              usec);
gboolean       cr_map_renderer_get_tiles_pending (CrMapRenderer      *self);
gboolean       cr_map_renderer_get_tiles_busy    (CrMapRenderer      *self);
guint          cr_map_renderer_get_n_tiles_drawn (CrMapRenderer      *self);
guint          cr_map_renderer_get_n_labels_made (CrMapRenderer      *self);
gint64         cr_map_renderer_hit_test          (CrMapRenderer      *self,
                                                  const CrProjection *proj,
                                                  double              x,
                                                  double              y,
                                                  double              tolerance);
gboolean       cr_map_renderer_get_convoy        (CrMapRenderer      *self,
                                                  gint64              feature_id,
                                                  double             *lon,
                                                  double             *lat);
void           cr_map_renderer_draw_swatch       (CrMapRenderer      *self,
                                                  cairo_t            *cr,
                                                  const char         *kind,
                                                  double              x,
                                                  double              y,
                                                  double              width,
                                                  double              height);

G_END_DECLS
