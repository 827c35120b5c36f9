/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <glib-object.h>

#include "cr-catalog.h"
#include "cr-map-renderer.h"
#include "cr-mbtiles.h"
#include "cr-projection.h"

G_BEGIN_DECLS

/* What is drawn around the features. */
typedef enum
{
  CR_MAP_PRINT_LEGEND = 1 << 0,
  CR_MAP_PRINT_SCALE_BAR = 1 << 1,
  CR_MAP_PRINT_NORTH_ARROW = 1 << 2,
  CR_MAP_PRINT_ATTRIBUTION = 1 << 3,
  CR_MAP_PRINT_FRAME = 1 << 4,
  CR_MAP_PRINT_ALL = 0x1f,
} CrMapPrintDecorations;

#define CR_MAP_PRINT_DEFAULT_WIDTH 1920
#define CR_MAP_PRINT_DEFAULT_HEIGHT 1080

#define CR_TYPE_MAP_PRINT (cr_map_print_get_type ())
G_DECLARE_FINAL_TYPE (CrMapPrint, cr_map_print, CR, MAP_PRINT, GObject)

CrMapPrint    *cr_map_print_new              (CrMapRenderer         *renderer);
CrMapRenderer *cr_map_print_get_renderer     (CrMapPrint            *self);
void           cr_map_print_set_reference    (CrMapPrint            *self,
                                              CrMapRenderer         *reference);
void           cr_map_print_set_basemap      (CrMapPrint            *self,
                                              CrMbtiles             *mbtiles);
void           cr_map_print_set_catalog      (CrMapPrint            *self,
                                              CrCatalog             *catalog);
void           cr_map_print_set_view         (CrMapPrint            *self,
                                              const CrProjection    *view);
void           cr_map_print_set_decorations  (CrMapPrint            *self,
                                              CrMapPrintDecorations  decorations);

gboolean       cr_map_print_draw             (CrMapPrint            *self,
                                              cairo_t               *cr,
                                              double                 width,
                                              double                 height,
                                              double                 scale,
                                              CrProjection          *projection);
gboolean       cr_map_print_write_png        (CrMapPrint            *self,
                                              const char            *path,
                                              int                    width,
                                              int                    height,
                                              double                 scale,
                                              GError               **error);
double         cr_map_print_png_scale        (int                    width,
                                              int                    height);
gboolean       cr_map_print_parse_size       (const char            *text,
                                              int                   *width,
                                              int                   *height);

G_END_DECLS
