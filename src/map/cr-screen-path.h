/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "cr-projection.h"

G_BEGIN_DECLS

/**
 * CrScreenPath:
 *
 * Lines and rings in view pixels, built straight from GeoPackage WKB and
 * drawn with cairo in one go. The map batches every feature of a style
 * into one path, so ten thousand zones cost one fill and one stroke, not
 * ten thousand; vertices closer than a threshold to the last kept one are
 * dropped (the zoom-dependent simplification), and polygon rings are
 * oriented (exteriors one way, holes the other) so overlapping polygons
 * of a batch fill with the non-zero rule without cancelling each other.
 */
typedef struct _CrScreenPath CrScreenPath;

CrScreenPath *cr_screen_path_new      (void);
void          cr_screen_path_free     (CrScreenPath       *self);
void          cr_screen_path_clear    (CrScreenPath       *self);
gboolean      cr_screen_path_is_empty (const CrScreenPath *self);
gboolean      cr_screen_path_add_blob (CrScreenPath       *self,
                                       const CrProjection *proj,
                                       const guint8       *blob,
                                       gsize               blob_len,
                                       double              min_segment_px,
                                       GArray             *points);
void          cr_screen_path_add_ellipse (CrScreenPath    *self,
                                       double              x,
                                       double              y,
                                       double              width,
                                       double              height,
                                       guint               n_sides);
guint         cr_screen_path_get_n_positions (const CrScreenPath *self);
void          cr_screen_path_add_part (CrScreenPath       *self,
                                       const double       *xy,
                                       guint               n,
                                       gboolean            closed);
guint         cr_screen_path_get_n_parts (const CrScreenPath *self);
const double *cr_screen_path_get_part (const CrScreenPath *self,
                                       guint               i,
                                       guint              *n,
                                       gboolean           *closed);
void          cr_screen_path_append   (CrScreenPath       *self,
                                       const CrScreenPath *other);
void          cr_screen_path_replay   (const CrScreenPath *self,
                                       cairo_t            *cr);
gboolean      cr_screen_path_midpoint (const CrScreenPath *self,
                                       double             *x,
                                       double             *y);
void          cr_screen_path_arrows   (const CrScreenPath *self,
                                       cairo_t            *cr,
                                       double              spacing,
                                       double              size);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrScreenPath, cr_screen_path_free)

G_END_DECLS
