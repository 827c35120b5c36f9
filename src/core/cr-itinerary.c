/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cr-itinerary"

#include "config.h"

#include <math.h>

#include "cr-itinerary.h"

/* Walks the line's segments in order, whatever its nesting. */
typedef gboolean (*SegmentFunc) (double   x1,
                                 double   y1,
                                 double   x2,
                                 double   y2,
                                 double   length_m,
                                 gpointer user_data);

static gboolean
foreach_segment (const CrGeometry *line,
                 SegmentFunc       func,
                 gpointer          user_data)
{
  if (line->type == CR_GEOMETRY_LINESTRING)
    {
      for (guint i = 1; i < line->n_coords; i++)
        {
          const double *a = &line->coords[2 * (i - 1)], *b = &line->coords[2 * i];

          if (!func (a[0], a[1], b[0], b[1], cr_geodesic_distance_m (a[0], a[1], b[0], b[1]), user_data))
            return FALSE;
        }
      return TRUE;
    }
  if (line->type == CR_GEOMETRY_MULTILINESTRING || line->type == CR_GEOMETRY_COLLECTION)
    for (guint i = 0; i < line->n_parts; i++)
      if (!foreach_segment (line->parts[i], func, user_data))
        return FALSE;
  return TRUE;
}

static gboolean
add_length (double x1, double y1, double x2, double y2, double length_m, gpointer user_data)
{
  *(double *) user_data += length_m;
  return TRUE;
}

double
cr_line_length_m (const CrGeometry *line)
{
  double total = 0;

  g_return_val_if_fail (line != NULL, 0);

  foreach_segment (line, add_length, &total);
  return total;
}

typedef struct
{
  double x, y;
  double best_d2;
  double best_along;
  double walked;
} Locate;

static gboolean
locate_segment (double x1, double y1, double x2, double y2, double length_m, gpointer user_data)
{
  Locate *l = user_data;
  /* A local plane with metres-like axes: good enough to find the nearest
   * point on a street-length segment. */
  double k = cos (y1 * G_PI / 180.0);
  double t;
  double d2 = cr_segment_nearest (0, 0, (x2 - x1) * k, y2 - y1, (l->x - x1) * k, l->y - y1, &t);

  if (d2 < l->best_d2)
    {
      l->best_d2 = d2;
      l->best_along = l->walked + t * length_m;
    }
  l->walked += length_m;
  return TRUE;
}

/* How far along @line the point nearest to (@x, @y) is. */
double
cr_line_locate_m (const CrGeometry *line,
                  double            x,
                  double            y)
{
  Locate l = { x, y, INFINITY, 0, 0 };

  g_return_val_if_fail (line != NULL, 0);

  foreach_segment (line, locate_segment, &l);
  return l.best_along;
}

typedef struct
{
  double target;
  double walked;
  double x, y, bearing;
  gboolean found;
} PointAt;

static gboolean
point_at_segment (double x1, double y1, double x2, double y2, double length_m, gpointer user_data)
{
  PointAt *p = user_data;
  double t;

  if (p->walked + length_m < p->target && length_m >= 0)
    {
      p->walked += length_m;
      /* Remember the end, for a target past the line's end. */
      p->x = x2;
      p->y = y2;
      p->bearing = atan2 ((x2 - x1) * cos (y1 * G_PI / 180.0), y2 - y1) * 180.0 / G_PI;
      return TRUE;
    }
  t = length_m > 0 ? (p->target - p->walked) / length_m : 0;
  p->x = x1 + t * (x2 - x1);
  p->y = y1 + t * (y2 - y1);
  p->bearing = atan2 ((x2 - x1) * cos (y1 * G_PI / 180.0), y2 - y1) * 180.0 / G_PI;
  p->found = TRUE;
  return FALSE;
}

/**
 * cr_line_point_at_m:
 * @bearing_deg: (out) (optional): direction of travel there, degrees
 *   clockwise from north
 *
 * The point @distance_m along @line, clamped to its ends. FALSE for a
 * line without segments.
 */
gboolean
cr_line_point_at_m (const CrGeometry *line,
                    double            distance_m,
                    double           *x,
                    double           *y,
                    double           *bearing_deg)
{
  PointAt p = { MAX (distance_m, 0), 0, NAN, NAN, 0, FALSE };

  g_return_val_if_fail (line != NULL, FALSE);

  foreach_segment (line, point_at_segment, &p);
  if (isnan (p.x))
    return FALSE;
  *x = p.x;
  *y = p.y;
  if (bearing_deg != NULL)
    *bearing_deg = p.bearing;
  return TRUE;
}

/**
 * cr_itinerary_position_at:
 * @waypoints: (element-type CrWaypoint): the itinerary's waypoints in
 *   route order; those without a planned time are ignored
 *
 * Where the convoy is planned to be at @time: between the two timed
 * waypoints around @time, moving along the line at the constant speed
 * their times imply. FALSE before the first planned time, after the last,
 * or with fewer than two timed waypoints: then there is no convoy to show.
 */
gboolean
cr_itinerary_position_at (const CrGeometry *line,
                          GPtrArray        *waypoints,
                          GDateTime        *time,
                          double           *x,
                          double           *y)
{
  CrWaypoint *prev = NULL;

  g_return_val_if_fail (line != NULL, FALSE);
  g_return_val_if_fail (waypoints != NULL, FALSE);
  g_return_val_if_fail (time != NULL, FALSE);

  for (guint i = 0; i < waypoints->len; i++)
    {
      CrWaypoint *wp = g_ptr_array_index (waypoints, i);
      GDateTime *at = cr_waypoint_get_planned_at (wp);
      double d0, d1;
      gint64 span, done;

      if (at == NULL)
        continue;
      if (prev == NULL)
        {
          if (g_date_time_compare (time, at) < 0)
            return FALSE;
          prev = wp;
          continue;
        }
      if (g_date_time_compare (time, at) > 0)
        {
          prev = wp;
          continue;
        }
      d0 = cr_line_locate_m (line, cr_waypoint_get_lon (prev), cr_waypoint_get_lat (prev));
      d1 = cr_line_locate_m (line, cr_waypoint_get_lon (wp), cr_waypoint_get_lat (wp));
      span = g_date_time_difference (at, cr_waypoint_get_planned_at (prev));
      done = g_date_time_difference (time, cr_waypoint_get_planned_at (prev));
      return cr_line_point_at_m (line, span > 0 ? d0 + (d1 - d0) * done / (double) span : d1,
                                 x, y, NULL);
    }
  /* Exactly at the last planned time: at the last waypoint. */
  if (prev != NULL && g_date_time_compare (time, cr_waypoint_get_planned_at (prev)) == 0)
    return cr_line_point_at_m (line,
                               cr_line_locate_m (line, cr_waypoint_get_lon (prev),
                                                 cr_waypoint_get_lat (prev)),
                               x, y, NULL);
  return FALSE;
}

/* The average speed the two waypoints' times imply along the line; NaN
 * when a time is missing or not after the other. */
double
cr_itinerary_leg_speed_kmh (const CrGeometry *line,
                            CrWaypoint       *from,
                            CrWaypoint       *to)
{
  GDateTime *t0 = cr_waypoint_get_planned_at (from);
  GDateTime *t1 = cr_waypoint_get_planned_at (to);
  double d;
  gint64 us;

  if (t0 == NULL || t1 == NULL)
    return NAN;
  us = g_date_time_difference (t1, t0);
  if (us <= 0)
    return NAN;
  d = fabs (cr_line_locate_m (line, cr_waypoint_get_lon (to), cr_waypoint_get_lat (to)) -
            cr_line_locate_m (line, cr_waypoint_get_lon (from), cr_waypoint_get_lat (from)));
  return (d / 1000.0) / (us / (double) G_USEC_PER_SEC / 3600.0);
}
