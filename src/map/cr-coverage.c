/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cr-map"

#include "config.h"

#include <math.h>
#include <string.h>

#include "cr-coverage.h"

/* Why not cairo_fill() and cairo_stroke(): at city scale a view holds
 * thousands of zones of fifty vertices each, and cairo's general stroker
 * and scan converter take hundreds of milliseconds on them. Here an edge
 * costs a few operations per pixel row it crosses, and a layer one pass
 * over the rows it touched.
 *
 * The method is the signed-area accumulation of font rasterizers: each
 * edge adds, to the pixels it crosses, the signed area it sweeps; a
 * running sum along a row then gives each pixel's winding-weighted
 * coverage, clamped to 1. Rings oriented alike add up (overlapping zones
 * of one style merge like cairo's non-zero rule) and holes, oriented the
 * other way, cancel out.
 *
 * Edges are first collected, then rasterized band by band of BAND rows,
 * so that the accumulation buffer being written stays in the CPU cache;
 * within a band, a bit per block of columns says where there is anything
 * to sum, and a block with nothing is filled with the running value (the
 * inside of a zone) without a sum per pixel. */

#define BAND 16

typedef struct
{
  float x0, y0, x1, y1; /* y0 < y1, both within the target's rows */
  float dir;
} Edge;

struct _CrCoverage
{
  int width;   /* device pixels of the target */
  int height;
  float *acc;  /* (width + 2) × BAND signed areas */
  guint64 blocks[BAND]; /* per row of the band, a bit per 2^shift columns touched */
  int shift;
  GArray *edges;   /* Edge */
  GArray *active;  /* guint32 indices in edges, during paint */
  guint32 *order;  /* edges by first band */
  guint order_len;
  guint *band_start; /* per band, in order */
  int y_min;
  int y_max;
  cairo_surface_t *mask; /* A8, width × height */
  /* user space → device pixels: x * sx + tx, y * sy + ty */
  double sx, sy, tx, ty;
  double dsx, dsy, dox, doy; /* the target's device scale and offset */
  GArray *scratch; /* double pairs: a transformed polyline */
  GArray *piece;   /* double pairs: a dash */
  GArray *outline; /* double pairs: a stroke's outline */
  GArray *directions; /* double triples: a polyline's unit directions, lengths */
};

CrCoverage *
cr_coverage_new (void)
{
  CrCoverage *self = g_new0 (CrCoverage, 1);

  self->scratch = g_array_new (FALSE, FALSE, sizeof (double));
  self->piece = g_array_new (FALSE, FALSE, sizeof (double));
  self->outline = g_array_new (FALSE, FALSE, sizeof (double));
  self->directions = g_array_new (FALSE, FALSE, sizeof (double));
  self->edges = g_array_new (FALSE, FALSE, sizeof (Edge));
  self->active = g_array_new (FALSE, FALSE, sizeof (guint32));
  self->y_min = G_MAXINT;
  self->y_max = -1;
  return self;
}

void
cr_coverage_free (CrCoverage *self)
{
  if (self == NULL)
    return;
  g_free (self->acc);
  g_free (self->order);
  g_free (self->band_start);
  g_clear_pointer (&self->mask, cairo_surface_destroy);
  g_array_unref (self->edges);
  g_array_unref (self->active);
  g_array_unref (self->scratch);
  g_array_unref (self->piece);
  g_array_unref (self->outline);
  g_array_unref (self->directions);
  g_free (self);
}

static void
resize (CrCoverage *self,
        int         width,
        int         height)
{
  if (self->width == width && self->height == height && self->acc != NULL)
    return;
  g_free (self->acc);
  g_free (self->band_start);
  g_clear_pointer (&self->mask, cairo_surface_destroy);
  self->width = width;
  self->height = height;
  self->acc = g_new0 (float, (gsize) (width + 2) * BAND);
  self->band_start = g_new0 (guint, height / BAND + 2);
  g_array_set_size (self->edges, 0);
  /* Columns 0 to width + 1 in at most 64 blocks. */
  for (self->shift = 4; ((width + 1) >> self->shift) > 63; self->shift++)
    ;
  self->mask = cairo_image_surface_create (CAIRO_FORMAT_A8, width, height);
  self->y_min = G_MAXINT;
  self->y_max = -1;
}

/**
 * cr_coverage_begin:
 *
 * Gets ready to draw on @cr's target. FALSE when the target is not an
 * image surface or the transformation rotates or skews: draw with cairo
 * paths then.
 */
gboolean
cr_coverage_begin (CrCoverage *self,
                   cairo_t    *cr)
{
  cairo_surface_t *target = cairo_get_group_target (cr);
  cairo_matrix_t m;
  int width, height;

  if (cairo_surface_get_type (target) != CAIRO_SURFACE_TYPE_IMAGE ||
      cairo_image_surface_get_format (target) != CAIRO_FORMAT_ARGB32)
    return FALSE;
  cairo_get_matrix (cr, &m);
  if (m.xy != 0 || m.yx != 0 || m.xx == 0 || m.yy == 0)
    return FALSE;
  width = cairo_image_surface_get_width (target);
  height = cairo_image_surface_get_height (target);
  if (width <= 0 || height <= 0)
    return FALSE;
  resize (self, width, height);
  cairo_surface_get_device_scale (target, &self->dsx, &self->dsy);
  cairo_surface_get_device_offset (target, &self->dox, &self->doy);
  cairo_surface_set_device_scale (self->mask, self->dsx, self->dsy);
  self->sx = m.xx * self->dsx;
  self->sy = m.yy * self->dsy;
  self->tx = m.x0 * self->dsx + self->dox;
  self->ty = m.y0 * self->dsy + self->doy;
  return TRUE;
}

/* Marks columns @x0 to @x1 of row @y as holding something to sum. */
static inline void
touch (CrCoverage *self,
       int         y,
       int         x0,
       int         x1)
{
  int b0 = x0 >> self->shift, b1 = x1 >> self->shift;

  self->blocks[y % BAND] |= ((G_GUINT64_CONSTANT (2) << b1) - 1) & ~((G_GUINT64_CONSTANT (1) << b0) - 1);
}

static inline int
ceil_positive (double x)
{
  return (int) x + ((int) x < x);
}

/* One edge in device pixels; @dir is +1 or -1 (its ring's orientation).
 * Only what lies within the target's rows is kept. */
static void
add_edge (CrCoverage *self,
          double      x0,
          double      y0,
          double      x1,
          double      y1,
          double      dir)
{
  Edge e;

  if (y0 == y1 || !isfinite (x0) || !isfinite (y0) || !isfinite (x1) || !isfinite (y1))
    return;
  if (y0 > y1)
    {
      double t;

      t = x0, x0 = x1, x1 = t;
      t = y0, y0 = y1, y1 = t;
      dir = -dir;
    }
  if (y1 <= 0 || y0 >= self->height)
    return;
  if (y0 < 0)
    {
      x0 += (x1 - x0) * (0 - y0) / (y1 - y0);
      y0 = 0;
    }
  if (y1 > self->height)
    {
      x1 = x0 + (x1 - x0) * (self->height - y0) / (y1 - y0);
      y1 = self->height;
    }
  /* Far off the sides, an edge only matters for the side it is on. */
  if (x0 < -1 && x1 < -1)
    x0 = x1 = -1;
  else if (x0 > self->width + 1 && x1 > self->width + 1)
    x0 = x1 = self->width + 1;
  e.x0 = x0;
  e.y0 = y0;
  e.x1 = x1;
  e.y1 = y1;
  e.dir = dir;
  if (e.y0 == e.y1)
    return;
  g_array_append_val (self->edges, e);
  self->y_min = MIN (self->y_min, (int) e.y0);
  self->y_max = MAX (self->y_max, ceil_positive (e.y1) - 1);
}

/* Adds the signed areas of @e in rows @row_from to @row_to (excluded) to
 * the band starting at row @band_top. */
static void
rasterize_edge (CrCoverage *self,
                const Edge *e,
                int         band_top,
                int         row_from,
                int         row_to)
{
  const double w = self->width;
  double y0 = e->y0, y1 = e->y1;
  double dxdy = (e->x1 - e->x0) / (y1 - y0);
  double x = e->x0 + (MAX (row_from, y0) - y0) * dxdy;

  for (int y = row_from; y < row_to; y++)
    {
      float *line = self->acc + (gsize) (y - band_top) * (self->width + 2);
      double dy = MIN (y + 1.0, y1) - MAX ((double) y, y0);
      double x_next = x + dxdy * dy;
      double d = dy * e->dir;
      /* Left of the view, an edge still counts (it winds the pixels to
       * its right): it is pushed to column 0. Right of it, to column
       * width, which no pixel reads. */
      double xa = CLAMP (x, 0, w), xb = CLAMP (x_next, 0, w);
      double lo = MIN (xa, xb), hi = MAX (xa, xb);
      /* Both are ≥ 0: truncation is floor(), and cheaper (a libm call
       * on plain SSE2). */
      int lo_i = (int) lo, hi_i = (int) hi + ((int) hi < hi);
      double lo_floor = lo_i, hi_ceil = hi_i;

      if (hi_i <= lo_i + 1)
        {
          double xmf = 0.5 * (xa + xb) - lo_floor;

          line[lo_i] += d - d * xmf;
          line[lo_i + 1] += d * xmf;
          touch (self, y, lo_i, lo_i + 1);
        }
      else
        {
          double s = 1 / (hi - lo);
          double x0f = lo - lo_floor;
          double a0 = 0.5 * s * (1 - x0f) * (1 - x0f);
          double x1f = hi - hi_ceil + 1;
          double am = 0.5 * s * x1f * x1f;

          line[lo_i] += d * a0;
          if (hi_i == lo_i + 2)
            line[lo_i + 1] += d * (1 - a0 - am);
          else
            {
              double a1 = s * (1.5 - x0f);
              double a2 = a1 + (hi_i - lo_i - 3) * s;

              line[lo_i + 1] += d * (a1 - a0);
              for (int xi = lo_i + 2; xi < hi_i - 1; xi++)
                line[xi] += d * s;
              line[hi_i - 1] += d * (1 - a2 - am);
            }
          line[hi_i] += d * am;
          touch (self, y, lo_i, hi_i);
        }
      x = x_next;
    }
}

/**
 * cr_coverage_add_ring:
 * @xy: @n x, y pairs in user space, the ring closed implicitly
 *
 * Adds a filled ring. Rings of opposite orientations cancel out (a hole
 * in its polygon), rings of the same one merge.
 */
void
cr_coverage_add_ring (CrCoverage   *self,
                      const double *xy,
                      guint         n)
{
  double px, py;

  if (n < 3)
    return;
  px = xy[2 * (n - 1)] * self->sx + self->tx;
  py = xy[2 * (n - 1) + 1] * self->sy + self->ty;
  for (guint i = 0; i < n; i++)
    {
      double x = xy[2 * i] * self->sx + self->tx, y = xy[2 * i + 1] * self->sy + self->ty;

      add_edge (self, px, py, x, y, 1);
      px = x;
      py = y;
    }
}

/* Adds a closed outline in device pixels, as it is. */
static void
add_device_ring (CrCoverage   *self,
                 const double *p,
                 guint         n)
{
  if (n < 3)
    return;
  for (guint i = 0, j = n - 1; i < n; j = i++)
    add_edge (self, p[2 * j], p[2 * j + 1], p[2 * i], p[2 * i + 1], 1);
}

/* Appends the point (@x, @y) to @points, double pairs (an outline, a
 * dash, a polyline). */
static void
point_add (GArray *points,
           double  x,
           double  y)
{
  double v[2] = { x, y };

  g_array_append_vals (points, v, 2);
}

/* Half a circle of radius @h around (@x, @y), from (@nx, @ny) off it
 * to the opposite point, through (@dx, @dy) times @h: a round cap. */
static void
outline_add_cap (GArray *outline,
                 double  x,
                 double  y,
                 double  nx,
                 double  ny,
                 double  dx,
                 double  dy,
                 double  h)
{
  /* Within cairo's default tolerance (0.1 px) of the circle. */
  guint n = CLAMP ((guint) ceil (G_PI / (2 * acos (MAX (1 - 0.1 / MAX (h, 0.1), -1)))), 2, 32);

  for (guint i = 0; i <= n; i++)
    {
      double t = G_PI * i / n, c = cos (t), s = sin (t);

      point_add (outline, x + nx * c + dx * h * s, y + ny * c + dy * h * s);
    }
}

/* One side of a polyline's outline at vertex @v between two segments,
 * with @n0 and @n1 their normals to this side times the half-width,
 * @turn the cross product of their directions (positive when this side
 * is the inner one), @dot their dot product and @room half the shorter
 * segment's length.
 *
 * The outer side gets a bevel (cairo's CAIRO_LINE_JOIN_BEVEL); where the
 * line barely turns (the fifty-vertex circles of zones), the point where
 * the offset lines meet instead: the bevel it replaces is a hundredth of
 * a pixel away. On the inner side, where the offset lines cross, the
 * outline goes through their crossing; when that lies farther along than
 * the segments go (a sharp turn), through the vertex itself between the
 * two offsets, as cairo's stroker does, which keeps the winding positive
 * where they overlap. */
static void
outline_add_join (GArray       *outline,
                  const double *v,
                  double        n0x,
                  double        n0y,
                  double        n1x,
                  double        n1y,
                  double        turn,
                  double        dot,
                  double        room,
                  double        h)
{
  if (turn > 0 ? dot > -0.5 && h * turn < room * (1 + dot) : turn > -0.25 && dot > 0)
    {
      point_add (outline, v[0] + (n0x + n1x) / (1 + dot), v[1] + (n0y + n1y) / (1 + dot));
      return;
    }
  point_add (outline, v[0] + n0x, v[1] + n0y);
  if (turn > 0)
    point_add (outline, v[0], v[1]);
  point_add (outline, v[0] + n1x, v[1] + n1y);
}

/* A polyline of half-width @h in device pixels, no two positions alike,
 * as one or two outlines (one for an open line, its round caps included;
 * two for a ring: its outer and inner edges, opposite ways). */
static void
add_polyline (CrCoverage   *self,
              const double *v,
              guint         n,
              gboolean      closed,
              double        h)
{
  GArray *outline = self->outline;
  guint n_segments = closed ? n : n - 1;
  double *d;

  if (n == 1 || (closed && n < 3))
    {
      closed = FALSE;
      n_segments = n - 1;
    }
  if (n_segments == 0)
    {
      /* A dot: a round cap both ways. */
      g_array_set_size (outline, 0);
      outline_add_cap (outline, v[0], v[1], 0, -h, 1, 0, h);
      outline_add_cap (outline, v[0], v[1], 0, h, -1, 0, h);
      add_device_ring (self, (const double *) outline->data, outline->len / 2);
      return;
    }

  /* Unit directions and lengths of the segments. */
  g_array_set_size (self->directions, 3 * n_segments);
  d = (double *) self->directions->data;
  for (guint i = 0; i < n_segments; i++)
    {
      const double *p = v + 2 * i, *q = v + 2 * ((i + 1) % n);
      double len = sqrt ((q[0] - p[0]) * (q[0] - p[0]) + (q[1] - p[1]) * (q[1] - p[1]));

      d[3 * i] = len > 0 ? (q[0] - p[0]) / len : 1;
      d[3 * i + 1] = len > 0 ? (q[1] - p[1]) / len : 0;
      d[3 * i + 2] = len;
    }

  for (int side = 1; side >= -1; side -= 2)
    {
      if (closed || side == 1)
        g_array_set_size (outline, 0);
      for (guint k = 0; k < n; k++)
        {
          /* The left side forwards, the right side backwards. */
          guint i = side > 0 ? k : n - 1 - k;
          const double *p = v + 2 * i;
          gboolean has_in = closed || i > 0, has_out = closed || i < n - 1;
          guint s_in = (i + n_segments - 1) % n_segments, s_out = i % n_segments;
          double in_x, in_y, out_x, out_y;

          if (side < 0)
            {
              /* Backwards, the segments swap roles. */
              gboolean t = has_in;
              guint u = s_in;

              has_in = has_out, has_out = t;
              s_in = s_out, s_out = u;
            }
          /* Normals to this side, times h. */
          in_x = has_in ? -d[3 * s_in + 1] * h * side : 0;
          in_y = has_in ? d[3 * s_in] * h * side : 0;
          out_x = has_out ? -d[3 * s_out + 1] * h * side : 0;
          out_y = has_out ? d[3 * s_out] * h * side : 0;
          if (has_in && has_out)
            outline_add_join (outline, p, in_x, in_y, out_x, out_y,
                              d[3 * s_in] * d[3 * s_out + 1] - d[3 * s_in + 1] * d[3 * s_out],
                              d[3 * s_in] * d[3 * s_out] + d[3 * s_in + 1] * d[3 * s_out + 1],
                              0.5 * MIN (d[3 * s_in + 2], d[3 * s_out + 2]), h);
          else if (has_out)
            point_add (outline, p[0] + out_x, p[1] + out_y);
          else
            {
              /* The line's end: round around to the other side. */
              outline_add_cap (outline, p[0], p[1], in_x, in_y, side * d[3 * s_in],
                               side * d[3 * s_in + 1], h);
            }
        }
      if (closed)
        add_device_ring (self, (const double *) outline->data, outline->len / 2);
    }
  if (!closed)
    add_device_ring (self, (const double *) outline->data, outline->len / 2);
}

static void
piece_add_distinct (GArray *piece,
                    double  x,
                    double  y)
{
  if (piece->len >= 2 && g_array_index (piece, double, piece->len - 2) == x &&
      g_array_index (piece, double, piece->len - 1) == y)
    return;
  point_add (piece, x, y);
}

/**
 * cr_coverage_add_stroke:
 * @xy: @n x, y pairs in user space
 * @width: line width in user space
 * @dash: (nullable): on and off lengths in user space, as cairo_set_dash()
 *
 * Adds a stroked line with bevel joins; dashes get round caps. The dash
 * pattern starts again with each line, as in cairo.
 */
void
cr_coverage_add_stroke (CrCoverage   *self,
                        const double *xy,
                        guint         n,
                        gboolean      closed,
                        double        width,
                        const double *dash,
                        guint         n_dash)
{
  double scale = sqrt (fabs (self->sx * self->sy));
  double h = width * scale / 2;
  GArray *v = self->scratch;
  const double *d;
  guint m, k = 0, n_segments;
  double left;
  gboolean on = TRUE;

  g_array_set_size (v, 0);
  for (guint i = 0; i < n; i++)
    {
      double x = xy[2 * i] * self->sx + self->tx, y = xy[2 * i + 1] * self->sy + self->ty;

      if (v->len > 0 && x == g_array_index (v, double, v->len - 2) &&
          y == g_array_index (v, double, v->len - 1))
        continue;
      point_add (v, x, y);
    }
  m = v->len / 2;
  d = (const double *) v->data;
  if (closed && m > 1 && d[0] == d[2 * (m - 1)] && d[1] == d[2 * (m - 1) + 1])
    m--;
  if (m == 0 || h <= 0)
    return;
  if (dash == NULL || n_dash == 0)
    {
      add_polyline (self, d, m, closed, h);
      return;
    }

  left = dash[0] * scale;
  g_array_set_size (self->piece, 0);
  point_add (self->piece, d[0], d[1]);
  n_segments = closed ? m : m - 1;
  for (guint i = 0; i < n_segments; i++)
    {
      const double *p = d + 2 * i, *q = d + 2 * ((i + 1) % m);
      double len = hypot (q[0] - p[0], q[1] - p[1]), t = 0;

      while (len - t > left)
        {
          double x, y;

          t += left;
          x = p[0] + (q[0] - p[0]) * t / len;
          y = p[1] + (q[1] - p[1]) * t / len;
          if (on)
            {
              piece_add_distinct (self->piece, x, y);
              add_polyline (self, (const double *) self->piece->data, self->piece->len / 2, FALSE, h);
            }
          g_array_set_size (self->piece, 0);
          on = !on;
          k = (k + 1) % n_dash;
          left = MAX (dash[k] * scale, 1e-3);
          if (on)
            point_add (self->piece, x, y);
        }
      left -= len - t;
      if (on)
        piece_add_distinct (self->piece, q[0], q[1]);
    }
  if (on && self->piece->len >= 4)
    add_polyline (self, (const double *) self->piece->data, self->piece->len / 2, FALSE, h);
}

static inline int
lowest_bit (guint64 bits)
{
  return __builtin_ctzll (bits);
}

static inline int
highest_bit (guint64 bits)
{
  return 63 - __builtin_clzll (bits);
}

/**
 * cr_coverage_paint:
 * @alpha: multiplies the coverage (for a pattern source, which has no
 *   alpha of its own)
 *
 * Paints what was added with @cr's source, through @cr's clip, and
 * starts a new layer.
 */
void
cr_coverage_paint (CrCoverage *self,
                   cairo_t    *cr,
                   double      alpha)
{
  int x_min = G_MAXINT, x_max = -1, stride, block = 1 << self->shift;
  int first_band, last_band;
  const Edge *edges = (const Edge *) self->edges->data;
  guint8 *data;
  float k = 255.0f * (float) CLAMP (alpha, 0, 1);

  if (self->edges->len == 0)
    return;

  /* Edges by the band they start in: a counting sort. */
  first_band = self->y_min / BAND;
  last_band = self->y_max / BAND;
  memset (self->band_start, 0, sizeof (guint) * (last_band + 2));
  for (guint i = 0; i < self->edges->len; i++)
    self->band_start[(int) edges[i].y0 / BAND + 1]++;
  for (int b = 1; b <= last_band + 1; b++)
    self->band_start[b] += self->band_start[b - 1];
  if (self->order_len < self->edges->len)
    {
      g_free (self->order);
      self->order_len = MAX (self->edges->len, 2 * self->order_len);
      self->order = g_new (guint32, self->order_len);
    }
  for (guint i = 0; i < self->edges->len; i++)
    self->order[self->band_start[(int) edges[i].y0 / BAND]++] = i;
  /* band_start[b] is now the end of band b, the start of band b + 1. */

  cairo_surface_flush (self->mask);
  data = cairo_image_surface_get_data (self->mask);
  stride = cairo_image_surface_get_stride (self->mask);
  g_array_set_size (self->active, 0);
  for (int b = first_band; b <= last_band; b++)
    {
      int top = b * BAND, bottom = MIN (top + BAND, self->height);
      guint from = b == 0 ? 0 : self->band_start[b - 1], to = self->band_start[b];
      guint kept = 0;

      for (guint i = from; i < to; i++)
        g_array_append_val (self->active, self->order[i]);
      for (guint i = 0; i < self->active->len; i++)
        {
          guint32 index = g_array_index (self->active, guint32, i);
          const Edge *e = &edges[index];

          rasterize_edge (self, e, top, MAX (top, (int) e->y0), MIN (bottom, ceil_positive (e->y1)));
          if (e->y1 > bottom)
            g_array_index (self->active, guint32, kept++) = index;
        }
      g_array_set_size (self->active, kept);

      for (int y = top; y < bottom; y++)
        {
          float *line = self->acc + (gsize) (y - top) * (self->width + 2);
          guint8 *out = data + (gsize) y * stride;
          guint64 bits = self->blocks[y - top];
          float sum = 0;

          if (bits == 0)
            continue;
          for (int bl = lowest_bit (bits), last = highest_bit (bits); bl <= last; bl++)
            {
              int x = bl << self->shift, end = MIN (x + block, self->width + 2);

              if (x >= self->width)
                {
                  memset (line + x, 0, sizeof (float) * (end - x));
                  continue;
                }
              x_min = MIN (x_min, x);
              x_max = MAX (x_max, MIN (end, self->width) - 1);
              if (bits & (G_GUINT64_CONSTANT (1) << bl))
                for (; x < end; x++)
                  {
                    float c;

                    sum += line[x];
                    line[x] = 0;
                    c = MIN (fabsf (sum), 1.0f);
                    if (x < self->width)
                      out[x] = (guint8) (c * k + 0.5f);
                  }
              else
                /* Nothing here but the inside of what started to the
                 * left (or nothing at all). */
                memset (out + x, (guint8) (MIN (fabsf (sum), 1.0f) * k + 0.5f),
                        MIN (end, self->width) - x);
            }
          self->blocks[y - top] = 0;
        }
    }

  g_array_set_size (self->edges, 0);

  if (x_max >= x_min)
    {
      cairo_surface_mark_dirty_rectangle (self->mask, x_min, self->y_min, x_max - x_min + 1,
                                          self->y_max - self->y_min + 1);
      cairo_save (cr);
      cairo_identity_matrix (cr);
      cairo_rectangle (cr, (x_min - self->dox) / self->dsx, (self->y_min - self->doy) / self->dsy,
                       (x_max - x_min + 1) / self->dsx, (self->y_max - self->y_min + 1) / self->dsy);
      cairo_clip (cr);
      cairo_mask_surface (cr, self->mask, -self->dox / self->dsx, -self->doy / self->dsy);
      cairo_restore (cr);
      /* Back to all zeros, which the next layer counts on. */
      cairo_surface_flush (self->mask);
      for (int y = self->y_min; y <= self->y_max; y++)
        memset (data + (gsize) y * stride + x_min, 0, x_max - x_min + 1);
      cairo_surface_mark_dirty_rectangle (self->mask, x_min, self->y_min, x_max - x_min + 1,
                                          self->y_max - self->y_min + 1);
    }
  self->y_min = G_MAXINT;
  self->y_max = -1;
}
