/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "cr-geometry.h"

G_BEGIN_DECLS

/**
 * CrProjection:
 *
 * Web Mercator from lon/lat to the pixels of a view of @width × @height
 * centred on (@center_lon, @center_lat) at a (fractional) @zoom, with
 * tiles of @tile_size pixels: the same formulas as libshumate's
 * ShumateMapSource and ShumateViewport (without rotation), so overlays
 * drawn with it sit exactly on the basemap — and the same projection draws
 * the map into a PNG or a PDF page.
 */
typedef struct
{
  double center_lon;
  double center_lat;
  double zoom;
  double width;
  double height;
  double tile_size;

  /*< private >*/
  double world; /* tile_size * 2^zoom */
  double origin_x;
  double origin_y;
  double k;        /* world / 2π: pixels per radian of Mercator */
  double center_y; /* Mercator y of the centre, in pixels */
  double taylor[4]; /* derivatives of Mercator y at the centre latitude */
} CrProjection;

void   cr_projection_init        (CrProjection       *proj,
                                  double              center_lon,
                                  double              center_lat,
                                  double              zoom,
                                  double              width,
                                  double              height,
                                  double              tile_size);
void   cr_projection_init_fit    (CrProjection       *proj,
                                  const CrBBox       *bbox,
                                  double              width,
                                  double              height,
                                  double              tile_size,
                                  double              margin_px,
                                  double              max_zoom);
void   cr_projection_to_screen   (const CrProjection *proj,
                                  double              lon,
                                  double              lat,
                                  double             *x,
                                  double             *y);
void   cr_projection_to_lonlat   (const CrProjection *proj,
                                  double              x,
                                  double              y,
                                  double             *lon,
                                  double             *lat);
void   cr_projection_get_bbox    (const CrProjection *proj,
                                  double              margin_px,
                                  CrBBox             *bbox);
double cr_projection_metres_per_pixel (const CrProjection *proj);

G_END_DECLS
