/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

/**
 * CrCoverage:
 *
 * A scanline rasterizer for the map's dense layers: filled rings and thin
 * strokes accumulate into a coverage buffer (signed area per pixel, so
 * anti-aliasing is the exact pixel coverage and overlapping rings of one
 * style merge as with the non-zero rule), then one cairo_mask() paints
 * the layer with the cairo context's source. It only works on image
 * surfaces with an axis-aligned transform; elsewhere (PDF, recording
 * surfaces) the renderer draws with cairo paths.
 */
typedef struct _CrCoverage CrCoverage;

CrCoverage *cr_coverage_new         (void);
void        cr_coverage_free        (CrCoverage   *self);
gboolean    cr_coverage_begin       (CrCoverage   *self,
                                     cairo_t      *cr);
void        cr_coverage_add_ring    (CrCoverage   *self,
                                     const double *xy,
                                     guint         n);
void        cr_coverage_add_stroke  (CrCoverage   *self,
                                     const double *xy,
                                     guint         n,
                                     gboolean      closed,
                                     double        width,
                                     const double *dash,
                                     guint         n_dash);
void        cr_coverage_paint       (CrCoverage   *self,
                                     cairo_t      *cr,
                                     double        alpha);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrCoverage, cr_coverage_free)

G_END_DECLS
