/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <pango/pangocairo.h>

#include "cr-map-print.h"

G_BEGIN_DECLS

/* Shared by cr-map-print.c (the map) and cr-map-print-legend.c (the
 * legend, scale bar, north arrow and attribution). */
struct _CrMapPrint
{
  GObject parent_instance;

  CrMapRenderer *renderer;
  CrMapRenderer *reference;
  CrMbtiles *mbtiles;
  CrCatalog *catalog;
  gboolean has_view;
  CrProjection view;
  CrMapPrintDecorations decorations;
};

typedef enum
{
  ENTRY_KIND,
  ENTRY_WAYPOINT,
  ENTRY_CONVOY,
} EntryType;

typedef struct
{
  EntryType type;
  char *kind;
  char *label;
  PangoLayout *layout;
  double height;
} LegendEntry;

typedef struct
{
  PangoLayout *title;
  PangoLayout *subtitle;
  GPtrArray *entries;
  double scale; /* the renderer's: decorations grow with lines and labels */
  double swatch_w;
  double label_w;
  double max_label;
  double head;       /* title and subtitle */
  double head_width;
  guint n_columns;
  guint per_column;
  double width;
  double height;
} Legend;

void _cr_map_print_legend_clear             (Legend             *legend);
void _cr_map_print_build_legend             (CrMapPrint         *self,
                                             PangoContext       *context,
                                             const CrBBox       *bbox,
                                             Legend             *legend);
void _cr_map_print_arrange_legend_in_height (Legend             *legend,
                                             double              max_height);
void _cr_map_print_arrange_legend_in_width  (Legend             *legend,
                                             double              max_width);
void _cr_map_print_draw_legend              (CrMapPrint         *self,
                                             cairo_t            *cr,
                                             Legend             *legend,
                                             double              x,
                                             double              y);
void _cr_map_print_draw_scale_bar           (cairo_t            *cr,
                                             PangoContext       *context,
                                             const CrProjection *proj,
                                             double              bottom,
                                             double              s);
void _cr_map_print_draw_north_arrow         (cairo_t            *cr,
                                             PangoContext       *context,
                                             double              s);
void _cr_map_print_draw_attribution         (CrMapPrint         *self,
                                             cairo_t            *cr,
                                             PangoContext       *context,
                                             const CrProjection *proj,
                                             double              s);

G_END_DECLS
