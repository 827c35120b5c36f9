/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cr-map"

#include "config.h"

#include <math.h>
#include <string.h>

#include "cr-geometry.h"
#include "cr-screen-path.h"
#include "cr-wkb.h"

typedef struct
{
  guint start;  /* index of the first position in xy */
  guint n;      /* positions */
  gboolean closed;
} Part;

struct _CrScreenPath
{
  GArray *xy;    /* double x, y pairs */
  GArray *parts; /* Part */
};

CrScreenPath *
cr_screen_path_new (void)
{
  CrScreenPath *self = g_new0 (CrScreenPath, 1);

  self->xy = g_array_new (FALSE, FALSE, sizeof (double));
  self->parts = g_array_new (FALSE, FALSE, sizeof (Part));
  return self;
}

void
cr_screen_path_free (CrScreenPath *self)
{
  if (self == NULL)
    return;
  g_array_unref (self->xy);
  g_array_unref (self->parts);
  g_free (self);
}

void
cr_screen_path_clear (CrScreenPath *self)
{
  g_array_set_size (self->xy, 0);
  g_array_set_size (self->parts, 0);
}

gboolean
cr_screen_path_is_empty (const CrScreenPath *self)
{
  return self->parts->len == 0;
}

static gboolean
read_u32 (const guint8 **p,
          const guint8  *end,
          gboolean       big_endian,
          guint32       *v)
{
  guint32 raw;

  if (end - *p < 4)
    return FALSE;
  memcpy (&raw, *p, 4);
  *p += 4;
  *v = big_endian ? GUINT32_FROM_BE (raw) : GUINT32_FROM_LE (raw);
  return TRUE;
}

static inline double
read_double (const guint8 *p,
             gboolean      big_endian)
{
  guint64 bits;
  double v;

  memcpy (&bits, p, 8);
  if (big_endian)
    bits = GUINT64_FROM_BE (bits);
  else
    bits = GUINT64_FROM_LE (bits);
  memcpy (&v, &bits, 8);
  return v;
}

typedef struct
{
  CrScreenPath *path;
  const CrProjection *proj;
  double min_segment;
  GArray *points;
} Walk;

/* Projects a line or ring, keeping a vertex only when it is at least
 * min_segment pixels (Manhattan) from the last kept one; the last vertex
 * is always kept. A ring is stored in the orientation @ring_sign asks for
 * (0: as it comes, +1/-1: signed area sign in screen space). */
static gboolean
walk_path (Walk          *w,
           const guint8 **p,
           const guint8  *end,
           gboolean       big_endian,
           guint          dims,
           gboolean       closed,
           int            ring_sign)
{
  GArray *xy = w->path->xy;
  Part part = { xy->len / 2, 0, closed };
  gsize stride = 8 * dims;
  double last_x = 0, last_y = 0, area = 0;
  guint32 n;

  if (!read_u32 (p, end, big_endian, &n) || n > (gsize) (end - *p) / stride)
    return FALSE;
  for (guint32 i = 0; i < n; i++, *p += stride)
    {
      double xyv[2];

      cr_projection_to_screen (w->proj, read_double (*p, big_endian), read_double (*p + 8, big_endian),
                               &xyv[0], &xyv[1]);
      if (i > 0 && i < n - 1 && fabs (xyv[0] - last_x) + fabs (xyv[1] - last_y) < w->min_segment)
        continue;
      if (i > 0)
        area += last_x * xyv[1] - xyv[0] * last_y;
      g_array_append_vals (xy, xyv, 2);
      last_x = xyv[0];
      last_y = xyv[1];
      part.n++;
    }
  if (part.n == 0)
    return TRUE;
  if (ring_sign != 0 && part.n > 2)
    {
      double *v = &g_array_index (xy, double, 2 * part.start);

      area += last_x * v[1] - v[0] * last_y;
      if ((area > 0) != (ring_sign > 0))
        for (guint i = 0, j = part.n - 1; i < j; i++, j--)
          {
            double tx = v[2 * i], ty = v[2 * i + 1];

            v[2 * i] = v[2 * j];
            v[2 * i + 1] = v[2 * j + 1];
            v[2 * j] = tx;
            v[2 * j + 1] = ty;
          }
    }
  g_array_append_val (w->path->parts, part);
  return TRUE;
}

static gboolean
walk_geometry (Walk          *w,
               const guint8 **p,
               const guint8  *end,
               guint          depth)
{
  gboolean big_endian;
  guint32 code, n;
  guint dims = 2;

  if (depth > 8 || *p >= end)
    return FALSE;
  big_endian = (**p == 0);
  (*p)++;
  if (!read_u32 (p, end, big_endian, &code))
    return FALSE;
  if (code & 0x80000000u)
    dims++;
  if (code & 0x40000000u)
    dims++;
  if (code & 0x20000000u)
    {
      /* EWKB SRID: skip it. */
      guint32 srid;

      if (!read_u32 (p, end, big_endian, &srid))
        return FALSE;
    }
  code &= 0x0fffffffu;
  if (code >= 1000 && code < 4000)
    dims += (code / 1000 == 3) ? 2 : 1;

  switch (code % 1000)
    {
    case CR_GEOMETRY_POINT:
      {
        double lon, lat, x, y;

        if ((gsize) (end - *p) < 8 * dims)
          return FALSE;
        lon = read_double (*p, big_endian);
        lat = read_double (*p + 8, big_endian);
        *p += 8 * dims;
        if (isnan (lon) || isnan (lat) || w->points == NULL)
          return TRUE;
        cr_projection_to_screen (w->proj, lon, lat, &x, &y);
        g_array_append_val (w->points, x);
        g_array_append_val (w->points, y);
        return TRUE;
      }
    case CR_GEOMETRY_LINESTRING:
      return walk_path (w, p, end, big_endian, dims, FALSE, 0);
    case CR_GEOMETRY_POLYGON:
      if (!read_u32 (p, end, big_endian, &n))
        return FALSE;
      /* Screen y grows downwards: exteriors get a positive area, holes a
       * negative one, whatever the file's winding. */
      for (guint32 i = 0; i < n; i++)
        if (!walk_path (w, p, end, big_endian, dims, TRUE, i == 0 ? 1 : -1))
          return FALSE;
      return TRUE;
    case CR_GEOMETRY_MULTIPOINT:
    case CR_GEOMETRY_MULTILINESTRING:
    case CR_GEOMETRY_MULTIPOLYGON:
    case CR_GEOMETRY_COLLECTION:
      if (!read_u32 (p, end, big_endian, &n))
        return FALSE;
      for (guint32 i = 0; i < n; i++)
        if (!walk_geometry (w, p, end, depth + 1))
          return FALSE;
      return TRUE;
    default:
      return FALSE;
    }
}

/**
 * cr_screen_path_add_blob:
 * @points: (nullable): where point geometries go, as screen x, y pairs
 *
 * Appends a GeoPackage geometry's lines and rings. On damaged geometry
 * returns FALSE and leaves the path as it was.
 */
gboolean
cr_screen_path_add_blob (CrScreenPath       *self,
                         const CrProjection *proj,
                         const guint8       *blob,
                         gsize               blob_len,
                         double              min_segment_px,
                         GArray             *points)
{
  gssize offset = cr_gpkg_blob_wkb_offset (blob, blob_len);
  guint xy_len = self->xy->len, parts_len = self->parts->len;
  guint points_len = points ? points->len : 0;
  Walk w = { self, proj, min_segment_px, points };
  const guint8 *p, *end;

  if (offset < 0)
    return FALSE;
  p = blob + offset;
  end = blob + blob_len;
  if (!walk_geometry (&w, &p, end, 0))
    {
      g_array_set_size (self->xy, xy_len);
      g_array_set_size (self->parts, parts_len);
      if (points != NULL)
        g_array_set_size (points, points_len);
      return FALSE;
    }
  return TRUE;
}

/* A closed ellipse of @n_sides inscribed in the rectangle, oriented
 * like the exteriors of polygons: a feature a few pixels across. */
void
cr_screen_path_add_ellipse (CrScreenPath *self,
                            double        x,
                            double        y,
                            double        width,
                            double        height,
                            guint         n_sides)
{
  Part part = { self->xy->len / 2, n_sides, TRUE };
  double cx = x + width / 2, cy = y + height / 2;

  for (guint i = 0; i < n_sides; i++)
    {
      /* Clockwise on screen: the same sign as oriented exteriors. */
      double a = 2 * G_PI * i / n_sides;
      double v[2] = { cx + width / 2 * cos (a), cy + height / 2 * sin (a) };

      g_array_append_vals (self->xy, v, 2);
    }
  g_array_append_val (self->parts, part);
}

guint
cr_screen_path_get_n_positions (const CrScreenPath *self)
{
  return self->xy->len / 2;
}

/* A line or ring already in view pixels, as it is. */
void
cr_screen_path_add_part (CrScreenPath *self,
                         const double *xy,
                         guint         n,
                         gboolean      closed)
{
  Part part = { self->xy->len / 2, n, closed };

  if (n == 0)
    return;
  g_array_append_vals (self->xy, xy, 2 * n);
  g_array_append_val (self->parts, part);
}

guint
cr_screen_path_get_n_parts (const CrScreenPath *self)
{
  return self->parts->len;
}

/* The @i-th line or ring: its positions as x, y pairs. */
const double *
cr_screen_path_get_part (const CrScreenPath *self,
                         guint               i,
                         guint              *n,
                         gboolean           *closed)
{
  const Part *part = &g_array_index (self->parts, Part, i);

  *n = part->n;
  *closed = part->closed;
  return &g_array_index (self->xy, double, 2 * part->start);
}

void
cr_screen_path_append (CrScreenPath       *self,
                       const CrScreenPath *other)
{
  guint offset = self->xy->len / 2;

  g_array_append_vals (self->xy, other->xy->data, other->xy->len);
  for (guint i = 0; i < other->parts->len; i++)
    {
      Part part = g_array_index (other->parts, Part, i);

      part.start += offset;
      g_array_append_val (self->parts, part);
    }
}

void
cr_screen_path_replay (const CrScreenPath *self,
                       cairo_t            *cr)
{
  const double *xy = (const double *) self->xy->data;

  for (guint i = 0; i < self->parts->len; i++)
    {
      const Part *part = &g_array_index (self->parts, Part, i);
      const double *v = xy + 2 * part->start;

      cairo_move_to (cr, v[0], v[1]);
      for (guint k = 1; k < part->n; k++)
        cairo_line_to (cr, v[2 * k], v[2 * k + 1]);
      if (part->closed)
        cairo_close_path (cr);
    }
}

/* Half-way along the path's total length; for a line's label. */
gboolean
cr_screen_path_midpoint (const CrScreenPath *self,
                         double             *x,
                         double             *y)
{
  const double *xy = (const double *) self->xy->data;
  double total = 0, walked = 0;

  for (int pass = 0; pass < 2; pass++)
    for (guint i = 0; i < self->parts->len; i++)
      {
        const Part *part = &g_array_index (self->parts, Part, i);
        const double *v = xy + 2 * part->start;

        for (guint k = 1; k < part->n; k++)
          {
            double len = hypot (v[2 * k] - v[2 * k - 2], v[2 * k + 1] - v[2 * k - 1]);

            if (pass == 0)
              total += len;
            else if (walked + len >= total / 2 && len > 0)
              {
                double t = (total / 2 - walked) / len;

                *x = v[2 * k - 2] + t * (v[2 * k] - v[2 * k - 2]);
                *y = v[2 * k - 1] + t * (v[2 * k + 1] - v[2 * k - 1]);
                return TRUE;
              }
            else
              walked += len;
          }
      }
  return FALSE;
}

/* Adds chevrons every @spacing pixels along the lines to @cr's path,
 * pointing the way each line was drawn: an itinerary's direction. */
void
cr_screen_path_arrows (const CrScreenPath *self,
                       cairo_t            *cr,
                       double              spacing,
                       double              size)
{
  const double *xy = (const double *) self->xy->data;

  for (guint i = 0; i < self->parts->len; i++)
    {
      const Part *part = &g_array_index (self->parts, Part, i);
      const double *v = xy + 2 * part->start;
      double since = spacing / 2;

      for (guint k = 1; k < part->n; k++)
        {
          double dx = v[2 * k] - v[2 * k - 2], dy = v[2 * k + 1] - v[2 * k - 1];
          double len = hypot (dx, dy), t = 0;

          while (len > 0 && since + (len - t) >= spacing)
            {
              double ux = dx / len, uy = dy / len, ax, ay;

              t += spacing - since;
              since = 0;
              ax = v[2 * k - 2] + ux * t;
              ay = v[2 * k - 1] + uy * t;
              cairo_move_to (cr, ax - ux * size - uy * size, ay - uy * size + ux * size);
              cairo_line_to (cr, ax, ay);
              cairo_line_to (cr, ax - ux * size + uy * size, ay - uy * size - ux * size);
            }
          since += len - t;
        }
    }
}

