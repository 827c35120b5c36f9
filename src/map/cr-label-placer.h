/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <glib.h>
#include <pango/pango.h>

G_BEGIN_DECLS

/**
 * CrLabelPlacer:
 *
 * Collects map labels with a priority, then draws those that fit without
 * overlapping, most important first: labels that do not pile up.
 */
typedef struct _CrLabelPlacer CrLabelPlacer;

CrLabelPlacer *cr_label_placer_new   (PangoContext  *context,
                                      double         font_size_px);
void           cr_label_placer_free  (CrLabelPlacer *self);
void           cr_label_placer_add   (CrLabelPlacer *self,
                                      const char    *text,
                                      double         x,
                                      double         y,
                                      double         offset_x,
                                      int            priority,
                                      gboolean       bold);
guint          cr_label_placer_draw  (CrLabelPlacer *self,
                                      cairo_t       *cr,
                                      double         width,
                                      double         height);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrLabelPlacer, cr_label_placer_free)

G_END_DECLS
