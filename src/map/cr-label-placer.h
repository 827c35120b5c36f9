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

/**
 * CrLabelCache:
 *
 * Labels as drawn for the screen, kept from frame to frame: the size of
 * each text offered and, once it has been placed, an image of it (halo
 * and text, in device pixels), which a frame copies where drawing the
 * text's outline again would cost it far more.
 */
typedef struct _CrLabelCache CrLabelCache;

CrLabelCache  *cr_label_cache_new        (void);
void           cr_label_cache_free       (CrLabelCache  *self);
guint          cr_label_cache_get_size   (CrLabelCache  *self);
guint          cr_label_cache_get_n_made (CrLabelCache  *self);

CrLabelPlacer *cr_label_placer_new   (PangoContext  *context,
                                      double         font_size_px);
void           cr_label_placer_free  (CrLabelPlacer *self);
void           cr_label_placer_set_cache (CrLabelPlacer *self,
                                          CrLabelCache  *cache,
                                          double         device_scale);
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
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrLabelCache, cr_label_cache_free)

G_END_DECLS
