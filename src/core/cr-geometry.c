/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cr-geometry"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "cr-geometry.h"

/* Mean Earth radius (IUGG), good to 0.5 % for lengths and areas at the
 * scale of a city, which is what perimeters and itineraries are. */
#define EARTH_RADIUS_M 6371008.8

G_DEFINE_BOXED_TYPE (CrGeometry, cr_geometry, cr_geometry_ref, cr_geometry_unref)

static const struct
{
  CrGeometryType type;
  const char *geojson;
  const char *sql;
} type_names[] = {
  { CR_GEOMETRY_POINT, "Point", "POINT" },
  { CR_GEOMETRY_LINESTRING, "LineString", "LINESTRING" },
  { CR_GEOMETRY_POLYGON, "Polygon", "POLYGON" },
  { CR_GEOMETRY_MULTIPOINT, "MultiPoint", "MULTIPOINT" },
  { CR_GEOMETRY_MULTILINESTRING, "MultiLineString", "MULTILINESTRING" },
  { CR_GEOMETRY_MULTIPOLYGON, "MultiPolygon", "MULTIPOLYGON" },
  { CR_GEOMETRY_COLLECTION, "GeometryCollection", "GEOMETRYCOLLECTION" },
};

CrGeometry *
cr_geometry_new (CrGeometryType type)
{
  CrGeometry *self;

  g_return_val_if_fail (type >= CR_GEOMETRY_POINT && type <= CR_GEOMETRY_COLLECTION, NULL);

  self = g_slice_new0 (CrGeometry);
  self->ref_count = 1;
  self->type = type;
  return self;
}

CrGeometry *
cr_geometry_new_point (double x,
                       double y)
{
  CrGeometry *self = cr_geometry_new (CR_GEOMETRY_POINT);

  cr_geometry_append_coord (self, x, y);
  return self;
}

CrGeometry *
cr_geometry_new_linestring (const double *coords,
                            guint         n_coords)
{
  CrGeometry *self = cr_geometry_new (CR_GEOMETRY_LINESTRING);

  self->coords_alloc = MAX (n_coords, 1);
  self->coords = g_new (double, 2 * self->coords_alloc);
  if (n_coords > 0)
    memcpy (self->coords, coords, sizeof (double) * 2 * n_coords);
  self->n_coords = n_coords;
  return self;
}

CrGeometry *
cr_geometry_ref (CrGeometry *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_int_inc (&self->ref_count);
  return self;
}

void
cr_geometry_unref (CrGeometry *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_int_dec_and_test (&self->ref_count))
    return;

  for (guint i = 0; i < self->n_parts; i++)
    cr_geometry_unref (self->parts[i]);
  g_free (self->parts);
  g_free (self->coords);
  g_slice_free (CrGeometry, self);
}

CrGeometry *
cr_geometry_copy (const CrGeometry *self)
{
  CrGeometry *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = cr_geometry_new_linestring (self->coords, self->n_coords);
  copy->type = self->type;
  if (self->n_parts > 0)
    {
      copy->parts = g_new (CrGeometry *, self->n_parts);
      copy->parts_alloc = self->n_parts;
      for (guint i = 0; i < self->n_parts; i++)
        copy->parts[i] = cr_geometry_copy (self->parts[i]);
      copy->n_parts = self->n_parts;
    }
  return copy;
}

void
cr_geometry_append_coord (CrGeometry *self,
                          double      x,
                          double      y)
{
  g_return_if_fail (self != NULL);

  if (self->n_coords == self->coords_alloc)
    {
      self->coords_alloc = MAX (4, self->coords_alloc * 2);
      self->coords = g_renew (double, self->coords, 2 * self->coords_alloc);
    }
  self->coords[2 * self->n_coords] = x;
  self->coords[2 * self->n_coords + 1] = y;
  self->n_coords++;
}

/**
 * cr_geometry_add_part:
 * @part: (transfer full): a ring or a member
 */
void
cr_geometry_add_part (CrGeometry *self,
                      CrGeometry *part)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (part != NULL);

  if (self->n_parts == self->parts_alloc)
    {
      self->parts_alloc = MAX (2, self->parts_alloc * 2);
      self->parts = g_renew (CrGeometry *, self->parts, self->parts_alloc);
    }
  self->parts[self->n_parts++] = part;
}

gboolean
cr_geometry_is_empty (const CrGeometry *self)
{
  g_return_val_if_fail (self != NULL, TRUE);

  if (self->n_coords > 0)
    return FALSE;
  for (guint i = 0; i < self->n_parts; i++)
    if (!cr_geometry_is_empty (self->parts[i]))
      return FALSE;
  return TRUE;
}

void
cr_bbox_init_empty (CrBBox *bbox)
{
  bbox->min_x = bbox->min_y = INFINITY;
  bbox->max_x = bbox->max_y = -INFINITY;
}

void
cr_bbox_add (CrBBox *bbox,
             double  x,
             double  y)
{
  if (x < bbox->min_x)
    bbox->min_x = x;
  if (x > bbox->max_x)
    bbox->max_x = x;
  if (y < bbox->min_y)
    bbox->min_y = y;
  if (y > bbox->max_y)
    bbox->max_y = y;
}

void
cr_bbox_union (CrBBox       *bbox,
               const CrBBox *other)
{
  if (cr_bbox_is_empty (other))
    return;
  cr_bbox_add (bbox, other->min_x, other->min_y);
  cr_bbox_add (bbox, other->max_x, other->max_y);
}

gboolean
cr_bbox_is_empty (const CrBBox *bbox)
{
  return bbox->min_x > bbox->max_x || bbox->min_y > bbox->max_y;
}

gboolean
cr_bbox_intersects (const CrBBox *a,
                    const CrBBox *b)
{
  return !(a->max_x < b->min_x || b->max_x < a->min_x ||
           a->max_y < b->min_y || b->max_y < a->min_y);
}

static void
bbox_add_geometry (CrBBox           *bbox,
                   const CrGeometry *self)
{
  for (guint i = 0; i < self->n_coords; i++)
    cr_bbox_add (bbox, self->coords[2 * i], self->coords[2 * i + 1]);
  for (guint i = 0; i < self->n_parts; i++)
    bbox_add_geometry (bbox, self->parts[i]);
}

/* Returns FALSE, and an empty @bbox, for an empty geometry. */
gboolean
cr_geometry_get_bbox (const CrGeometry *self,
                      CrBBox           *bbox)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (bbox != NULL, FALSE);

  cr_bbox_init_empty (bbox);
  bbox_add_geometry (bbox, self);
  return !cr_bbox_is_empty (bbox);
}

gboolean
cr_geometry_equal (const CrGeometry *a,
                   const CrGeometry *b)
{
  if (a == b)
    return TRUE;
  if (a == NULL || b == NULL)
    return FALSE;
  if (a->type != b->type || a->n_coords != b->n_coords || a->n_parts != b->n_parts)
    return FALSE;
  if (a->n_coords > 0 && memcmp (a->coords, b->coords, sizeof (double) * 2 * a->n_coords) != 0)
    return FALSE;
  for (guint i = 0; i < a->n_parts; i++)
    if (!cr_geometry_equal (a->parts[i], b->parts[i]))
      return FALSE;
  return TRUE;
}

guint
cr_geometry_count_coords (const CrGeometry *self)
{
  guint n;

  g_return_val_if_fail (self != NULL, 0);

  n = self->n_coords;
  for (guint i = 0; i < self->n_parts; i++)
    n += cr_geometry_count_coords (self->parts[i]);
  return n;
}

const char *
cr_geometry_type_to_geojson (CrGeometryType type)
{
  for (guint i = 0; i < G_N_ELEMENTS (type_names); i++)
    if (type_names[i].type == type)
      return type_names[i].geojson;
  g_return_val_if_reached (NULL);
}

gboolean
cr_geometry_type_from_geojson (const char     *name,
                               CrGeometryType *type)
{
  g_return_val_if_fail (type != NULL, FALSE);

  if (name == NULL)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (type_names); i++)
    if (strcmp (type_names[i].geojson, name) == 0)
      {
        *type = type_names[i].type;
        return TRUE;
      }
  return FALSE;
}

const char *
cr_geometry_type_to_sql (CrGeometryType type)
{
  for (guint i = 0; i < G_N_ELEMENTS (type_names); i++)
    if (type_names[i].type == type)
      return type_names[i].sql;
  g_return_val_if_reached (NULL);
}

/* Shoelace formula: positive for a counter-clockwise ring. */
double
cr_ring_signed_area (const double *coords,
                     guint         n_coords)
{
  double sum = 0;

  if (n_coords < 3)
    return 0;
  for (guint i = 0; i + 1 < n_coords; i++)
    sum += coords[2 * i] * coords[2 * i + 3] - coords[2 * i + 2] * coords[2 * i + 1];
  /* Close the ring if the caller did not. */
  sum += coords[2 * (n_coords - 1)] * coords[1] - coords[0] * coords[2 * (n_coords - 1) + 1];
  return sum / 2;
}

/**
 * cr_segment_nearest:
 * @t: (out): where on a → b the point nearest to p is, 0 at a, 1 at b
 *
 * Returns: the squared distance from p to the segment a → b
 */
double
cr_segment_nearest (double  ax,
                    double  ay,
                    double  bx,
                    double  by,
                    double  px,
                    double  py,
                    double *t)
{
  double dx = bx - ax, dy = by - ay, len2 = dx * dx + dy * dy;
  double u = len2 > 0 ? CLAMP (((px - ax) * dx + (py - ay) * dy) / len2, 0, 1) : 0;
  double ex = ax + u * dx - px, ey = ay + u * dy - py;

  *t = u;
  return ex * ex + ey * ey;
}

static void
ring_reverse (CrGeometry *ring)
{
  for (guint i = 0, j = ring->n_coords - 1; i < j; i++, j--)
    {
      double x = ring->coords[2 * i], y = ring->coords[2 * i + 1];

      ring->coords[2 * i] = ring->coords[2 * j];
      ring->coords[2 * i + 1] = ring->coords[2 * j + 1];
      ring->coords[2 * j] = x;
      ring->coords[2 * j + 1] = y;
    }
}

/* RFC 7946 §3.1.6: exterior rings counter-clockwise, holes clockwise. */
void
cr_geometry_orient_rhr (CrGeometry *self)
{
  g_return_if_fail (self != NULL);

  if (self->type == CR_GEOMETRY_POLYGON)
    {
      for (guint i = 0; i < self->n_parts; i++)
        {
          CrGeometry *ring = self->parts[i];
          double area = cr_ring_signed_area (ring->coords, ring->n_coords);

          if ((i == 0 && area < 0) || (i > 0 && area > 0))
            ring_reverse (ring);
        }
      return;
    }
  for (guint i = 0; i < self->n_parts; i++)
    cr_geometry_orient_rhr (self->parts[i]);
}

/* Even-odd crossing test; a point on an edge counts as inside. */
static gboolean
ring_contains (const CrGeometry *ring,
               double            x,
               double            y)
{
  gboolean inside = FALSE;
  guint n = ring->n_coords;

  for (guint i = 0, j = n - 1; i < n; j = i++)
    {
      double xi = ring->coords[2 * i], yi = ring->coords[2 * i + 1];
      double xj = ring->coords[2 * j], yj = ring->coords[2 * j + 1];
      double cross = (xj - xi) * (y - yi) - (x - xi) * (yj - yi);

      if (cross == 0 && MIN (xi, xj) <= x && x <= MAX (xi, xj) &&
          MIN (yi, yj) <= y && y <= MAX (yi, yj))
        return TRUE;
      if ((yi > y) != (yj > y) && x < (xj - xi) * (y - yi) / (yj - yi) + xi)
        inside = !inside;
    }
  return inside;
}

/* TRUE when (x, y) lies in a polygon of @self, holes excluded. Points and
 * lines contain nothing. */
gboolean
cr_geometry_contains_point (const CrGeometry *self,
                            double            x,
                            double            y)
{
  g_return_val_if_fail (self != NULL, FALSE);

  switch (self->type)
    {
    case CR_GEOMETRY_POLYGON:
      if (self->n_parts == 0 || !ring_contains (self->parts[0], x, y))
        return FALSE;
      for (guint i = 1; i < self->n_parts; i++)
        {
          const CrGeometry *hole = self->parts[i];
          gboolean on_edge = FALSE;

          if (!ring_contains (hole, x, y))
            continue;
          /* On the hole's boundary still belongs to the polygon. */
          for (guint k = 0, j = hole->n_coords - 1; k < hole->n_coords && !on_edge; j = k++)
            {
              double xk = hole->coords[2 * k], yk = hole->coords[2 * k + 1];
              double xj = hole->coords[2 * j], yj = hole->coords[2 * j + 1];

              on_edge = (xj - xk) * (y - yk) - (x - xk) * (yj - yk) == 0 &&
                        MIN (xk, xj) <= x && x <= MAX (xk, xj) &&
                        MIN (yk, yj) <= y && y <= MAX (yk, yj);
            }
          if (!on_edge)
            return FALSE;
        }
      return TRUE;

    case CR_GEOMETRY_MULTIPOLYGON:
    case CR_GEOMETRY_COLLECTION:
      for (guint i = 0; i < self->n_parts; i++)
        if (cr_geometry_contains_point (self->parts[i], x, y))
          return TRUE;
      return FALSE;

    case CR_GEOMETRY_POINT:
    case CR_GEOMETRY_LINESTRING:
    case CR_GEOMETRY_MULTIPOINT:
    case CR_GEOMETRY_MULTILINESTRING:
    default:
      return FALSE;
    }
}

static double
deg2rad (double d)
{
  return d * G_PI / 180.0;
}

/* Haversine distance. */
double
cr_geodesic_distance_m (double x1,
                        double y1,
                        double x2,
                        double y2)
{
  double dlat = deg2rad (y2 - y1);
  double dlon = deg2rad (x2 - x1);
  double a = sin (dlat / 2) * sin (dlat / 2) +
             cos (deg2rad (y1)) * cos (deg2rad (y2)) * sin (dlon / 2) * sin (dlon / 2);

  return 2 * EARTH_RADIUS_M * atan2 (sqrt (a), sqrt (1 - a));
}

static double
path_length_m (const CrGeometry *path,
               gboolean          closed)
{
  double len = 0;

  for (guint i = 1; i < path->n_coords; i++)
    len += cr_geodesic_distance_m (path->coords[2 * i - 2], path->coords[2 * i - 1],
                                   path->coords[2 * i], path->coords[2 * i + 1]);
  if (closed && path->n_coords > 2)
    {
      guint l = path->n_coords - 1;

      len += cr_geodesic_distance_m (path->coords[2 * l], path->coords[2 * l + 1],
                                     path->coords[0], path->coords[1]);
    }
  return len;
}

/* Length of lines; for polygons, the perimeter of every ring. */
double
cr_geometry_length_m (const CrGeometry *self)
{
  double len = 0;

  g_return_val_if_fail (self != NULL, 0);

  switch (self->type)
    {
    case CR_GEOMETRY_LINESTRING:
      return path_length_m (self, FALSE);
    case CR_GEOMETRY_POLYGON:
      for (guint i = 0; i < self->n_parts; i++)
        len += path_length_m (self->parts[i], TRUE);
      return len;
    case CR_GEOMETRY_POINT:
    case CR_GEOMETRY_MULTIPOINT:
      return 0;
    case CR_GEOMETRY_MULTILINESTRING:
    case CR_GEOMETRY_MULTIPOLYGON:
    case CR_GEOMETRY_COLLECTION:
    default:
      for (guint i = 0; i < self->n_parts; i++)
        len += cr_geometry_length_m (self->parts[i]);
      return len;
    }
}

/* Area of a ring on the sphere (Chamberlain & Duquette, JPL 2007). */
static double
ring_area_m2 (const CrGeometry *ring)
{
  double sum = 0;
  guint n = ring->n_coords;

  if (n < 3)
    return 0;
  for (guint i = 0; i < n; i++)
    {
      guint j = (i + 1) % n;

      sum += deg2rad (ring->coords[2 * j] - ring->coords[2 * i]) *
             (2 + sin (deg2rad (ring->coords[2 * i + 1])) + sin (deg2rad (ring->coords[2 * j + 1])));
    }
  return fabs (sum * EARTH_RADIUS_M * EARTH_RADIUS_M / 2);
}

double
cr_geometry_area_m2 (const CrGeometry *self)
{
  double area = 0;

  g_return_val_if_fail (self != NULL, 0);

  switch (self->type)
    {
    case CR_GEOMETRY_POLYGON:
      for (guint i = 0; i < self->n_parts; i++)
        area += (i == 0 ? 1 : -1) * ring_area_m2 (self->parts[i]);
      return MAX (area, 0);
    case CR_GEOMETRY_MULTIPOLYGON:
    case CR_GEOMETRY_COLLECTION:
      for (guint i = 0; i < self->n_parts; i++)
        area += cr_geometry_area_m2 (self->parts[i]);
      return area;
    case CR_GEOMETRY_POINT:
    case CR_GEOMETRY_LINESTRING:
    case CR_GEOMETRY_MULTIPOINT:
    case CR_GEOMETRY_MULTILINESTRING:
    default:
      return 0;
    }
}

/* A closed, counter-clockwise polygon approximating the circle of
 * @radius_m metres around the centre (destination-point formula). */
CrGeometry *
cr_geometry_new_circle (double center_x,
                        double center_y,
                        double radius_m,
                        guint  n_segments)
{
  CrGeometry *polygon, *ring;
  double lat1 = deg2rad (center_y), lon1 = deg2rad (center_x);
  double d = radius_m / EARTH_RADIUS_M;

  g_return_val_if_fail (radius_m > 0, NULL);
  n_segments = MAX (n_segments, 8);
  polygon = cr_geometry_new (CR_GEOMETRY_POLYGON);
  ring = cr_geometry_new (CR_GEOMETRY_LINESTRING);

  for (guint i = 0; i <= n_segments; i++)
    {
      /* Bearing runs counter-clockwise from east so the ring is CCW. */
      double bearing = G_PI / 2 - 2 * G_PI * (i % n_segments) / n_segments;
      double lat2 = asin (sin (lat1) * cos (d) + cos (lat1) * sin (d) * cos (bearing));
      double lon2 = lon1 + atan2 (sin (bearing) * sin (d) * cos (lat1),
                                  cos (d) - sin (lat1) * sin (lat2));

      cr_geometry_append_coord (ring, lon2 * 180.0 / G_PI, lat2 * 180.0 / G_PI);
    }
  cr_geometry_add_part (polygon, ring);
  return polygon;
}
