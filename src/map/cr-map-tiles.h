/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "cr-coverage.h"
#include "cr-projection.h"

G_BEGIN_DECLS

/**
 * CrMapTiles:
 *
 * The map view's zones, kept in tiles of the world's pixel grid at the
 * zoom level drawn, and drawn by two worker threads while the main thread
 * goes on: a frame waits for them at most a set time, and only when they
 * can be ready by then, then shows what it has. A tile whose content changed stays on screen, stale, until its
 * successor is ready; where a new zoom level has no tile yet, the last
 * level's tiles stand in, scaled. See cr_map_renderer_snapshot_view().
 */
typedef struct _CrMapTiles CrMapTiles;

/**
 * CrMapTilesDraw:
 * @cr: a context on an image of the region's size
 * @proj: the region, in the view's projection
 * @coverage: the calling thread's own rasterizer
 * @cancelled: non-zero (read it with g_atomic_int_get()) when the work is
 *   to be abandoned
 *
 * Draws the zones of @proj's region. Called on a worker thread: it may
 * only read what the owner does not change until cr_map_tiles_stop().
 */
typedef void (*CrMapTilesDraw) (gpointer            user_data,
                                cairo_t            *cr,
                                const CrProjection *proj,
                                CrCoverage         *coverage,
                                const gint         *cancelled);

CrMapTiles *cr_map_tiles_new         (CrMapTilesDraw      draw,
                                      GSourceFunc         ready,
                                      gpointer            user_data);
void        cr_map_tiles_free        (CrMapTiles         *self);
gboolean    cr_map_tiles_snapshot    (CrMapTiles         *self,
                                      GtkSnapshot        *snapshot,
                                      const CrProjection *proj,
                                      double              device_scale);
void        cr_map_tiles_start       (CrMapTiles         *self);
void        cr_map_tiles_stop        (CrMapTiles         *self);
void        cr_map_tiles_expire      (CrMapTiles         *self,
                                      const CrBBox       *box,
                                      double              margin);
void        cr_map_tiles_drop        (CrMapTiles         *self);
void        cr_map_tiles_set_wait    (CrMapTiles         *self,
                                      gint64              usec);
void        cr_map_tiles_set_feature_size (CrMapTiles    *self,
                                           double         size);
gboolean    cr_map_tiles_get_pending (CrMapTiles         *self);
gboolean    cr_map_tiles_get_busy    (CrMapTiles         *self);
guint       cr_map_tiles_get_n_drawn (CrMapTiles         *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrMapTiles, cr_map_tiles_free)

G_END_DECLS
