/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cr-map"

#include "config.h"

#include <math.h>

#include "cr-projection.h"

/* Web Mercator stops at ±85.0511°, like libshumate. */
#define MAX_LAT 85.0511287798
/* Within this many degrees of the centre latitude, y comes from a
 * fourth-order Taylor series instead of log and sin: the map projects
 * millions of vertices a frame. The error is below 0.05 px at zoom 19;
 * the tests compare with libshumate's own formula. */
#define TAYLOR_SPAN_DEG 0.5
#define EARTH_CIRCUMFERENCE_M 40075016.686

static double
mercator_x (double world,
            double lon)
{
  lon = CLAMP (lon, -180.0, 180.0);
  return (lon + 180.0) / 360.0 * world;
}

static double
mercator_y (double world,
            double lat)
{
  double s;

  lat = CLAMP (lat, -MAX_LAT, MAX_LAT);
  s = sin (lat * G_PI / 180.0);
  return (0.5 - log ((1.0 + s) / (1.0 - s)) / (4.0 * G_PI)) * world;
}

void
cr_projection_init (CrProjection *proj,
                    double        center_lon,
                    double        center_lat,
                    double        zoom,
                    double        width,
                    double        height,
                    double        tile_size)
{
  proj->center_lon = center_lon;
  proj->center_lat = center_lat;
  proj->zoom = zoom;
  proj->width = width;
  proj->height = height;
  proj->tile_size = tile_size;
  proj->world = tile_size * pow (2.0, zoom);
  proj->origin_x = mercator_x (proj->world, center_lon) - width / 2;
  proj->origin_y = mercator_y (proj->world, center_lat) - height / 2;
  proj->k = proj->world / (2 * G_PI);
  proj->center_y = mercator_y (proj->world, center_lat);
  {
    double phi = CLAMP (center_lat, -MAX_LAT, MAX_LAT) * G_PI / 180.0;
    double sec = 1 / cos (phi), tan_phi = tan (phi);

    /* d^n/dφ^n of ln tan(π/4 + φ/2), divided by n! */
    proj->taylor[0] = sec;
    proj->taylor[1] = sec * tan_phi / 2;
    proj->taylor[2] = (sec * tan_phi * tan_phi + sec * sec * sec) / 6;
    proj->taylor[3] = (sec * tan_phi * tan_phi * tan_phi + 5 * sec * sec * sec * tan_phi) / 24;
  }
}

/* The largest zoom (≤ @max_zoom) at which @bbox fits in the view with
 * @margin_px on every side, centred on it. */
void
cr_projection_init_fit (CrProjection *proj,
                        const CrBBox *bbox,
                        double        width,
                        double        height,
                        double        tile_size,
                        double        margin_px,
                        double        max_zoom)
{
  double span_x, span_y, zoom, center_lat;
  double usable_w = MAX (width - 2 * margin_px, 1);
  double usable_h = MAX (height - 2 * margin_px, 1);

  /* Spans at zoom 0, in pixels. */
  span_x = mercator_x (tile_size, bbox->max_x) - mercator_x (tile_size, bbox->min_x);
  span_y = mercator_y (tile_size, bbox->min_y) - mercator_y (tile_size, bbox->max_y);
  zoom = max_zoom;
  if (span_x > 0)
    zoom = MIN (zoom, log2 (usable_w / span_x));
  if (span_y > 0)
    zoom = MIN (zoom, log2 (usable_h / span_y));

  /* Centre in Mercator space, not in degrees, so the fit is symmetric. */
  center_lat = (mercator_y (tile_size, bbox->min_y) + mercator_y (tile_size, bbox->max_y)) / 2;
  center_lat = atan (sinh (G_PI * (1 - 2 * center_lat / tile_size))) * 180.0 / G_PI;
  cr_projection_init (proj, (bbox->min_x + bbox->max_x) / 2, center_lat, zoom, width, height,
                      tile_size);
}

void
cr_projection_to_screen (const CrProjection *proj,
                         double              lon,
                         double              lat,
                         double             *x,
                         double             *y)
{
  double d = lat - proj->center_lat;

  *x = mercator_x (proj->world, lon) - proj->origin_x;
  if (fabs (d) < TAYLOR_SPAN_DEG)
    {
      const double *a = proj->taylor;

      d *= G_PI / 180.0;
      *y = proj->center_y - proj->k * d * (a[0] + d * (a[1] + d * (a[2] + d * a[3]))) - proj->origin_y;
    }
  else
    *y = mercator_y (proj->world, lat) - proj->origin_y;
}

void
cr_projection_to_lonlat (const CrProjection *proj,
                         double              x,
                         double              y,
                         double             *lon,
                         double             *lat)
{
  double mx = (x + proj->origin_x) / proj->world;
  double my = (y + proj->origin_y) / proj->world;

  *lon = mx * 360.0 - 180.0;
  *lat = atan (sinh (G_PI * (1 - 2 * my))) * 180.0 / G_PI;
}

/* The lon/lat box the view shows, grown by @margin_px. */
void
cr_projection_get_bbox (const CrProjection *proj,
                        double              margin_px,
                        CrBBox             *bbox)
{
  cr_projection_to_lonlat (proj, -margin_px, proj->height + margin_px, &bbox->min_x, &bbox->min_y);
  cr_projection_to_lonlat (proj, proj->width + margin_px, -margin_px, &bbox->max_x, &bbox->max_y);
}

double
cr_projection_metres_per_pixel (const CrProjection *proj)
{
  return EARTH_CIRCUMFERENCE_M * cos (proj->center_lat * G_PI / 180.0) / proj->world;
}
