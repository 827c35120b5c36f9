/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cr-geometry"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "cr-geometry-edit.h"

G_DEFINE_QUARK (cr-geometry-edit-error-quark, cr_geometry_edit_error)

/* The @k-th coordinate sequence under @g, depth first. */
static CrGeometry *
leaf_at (CrGeometry *g,
         guint      *k,
         gboolean    in_polygon,
         gboolean   *is_ring)
{
  if (g->type == CR_GEOMETRY_POINT || g->type == CR_GEOMETRY_LINESTRING)
    {
      if (*k == 0)
        {
          if (is_ring != NULL)
            *is_ring = in_polygon && g->type == CR_GEOMETRY_LINESTRING;
          return g;
        }
      (*k)--;
      return NULL;
    }
  for (guint i = 0; i < g->n_parts; i++)
    {
      CrGeometry *found = leaf_at (g->parts[i], k, g->type == CR_GEOMETRY_POLYGON, is_ring);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static guint
count_leaves (const CrGeometry *g)
{
  guint n = 0;

  if (g->type == CR_GEOMETRY_POINT || g->type == CR_GEOMETRY_LINESTRING)
    return 1;
  for (guint i = 0; i < g->n_parts; i++)
    n += count_leaves (g->parts[i]);
  return n;
}

static gboolean
ring_is_closed (const CrGeometry *ring)
{
  guint n = ring->n_coords;

  return n >= 2 && ring->coords[0] == ring->coords[2 * (n - 1)] &&
         ring->coords[1] == ring->coords[2 * (n - 1) + 1];
}

/* Distinct positions of a leaf: a closed ring's last one repeats its first. */
static guint
leaf_n_vertices (const CrGeometry *leaf,
                 gboolean          is_ring)
{
  return is_ring && ring_is_closed (leaf) ? leaf->n_coords - 1 : leaf->n_coords;
}

static void
set_no_vertex (GError **error)
{
  g_set_error_literal (error, CR_GEOMETRY_EDIT_ERROR, CR_GEOMETRY_EDIT_ERROR_NO_VERTEX,
                       _("That vertex is no longer there. Select the feature again and retry."));
}

/* A copy of @self and, in it, the leaf @path refers to. */
static CrGeometry *
copy_with_leaf (const CrGeometry *self,
                guint             path,
                CrGeometry      **leaf,
                gboolean         *is_ring,
                GError          **error)
{
  CrGeometry *copy = cr_geometry_copy (self);
  guint k = path;

  *leaf = leaf_at (copy, &k, FALSE, is_ring);
  if (*leaf == NULL)
    {
      cr_geometry_unref (copy);
      set_no_vertex (error);
      return NULL;
    }
  return copy;
}

/**
 * cr_geometry_edit_n_paths:
 *
 * Returns: how many coordinate sequences (points, lines, rings) @self has
 */
guint
cr_geometry_edit_n_paths (const CrGeometry *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return count_leaves (self);
}

/**
 * cr_geometry_edit_get_path:
 * @is_ring: (out) (optional): whether the path is a polygon ring
 *
 * Returns: (transfer none) (nullable): the point or line geometry holding
 *   the path's coordinates, or %NULL past the last path
 */
const CrGeometry *
cr_geometry_edit_get_path (const CrGeometry *self,
                           guint             path,
                           gboolean         *is_ring)
{
  g_return_val_if_fail (self != NULL, NULL);

  /* leaf_at only reads; the cast avoids a second, const walker. */
  return leaf_at ((CrGeometry *) self, &path, FALSE, is_ring);
}

/* The vertices of @path a user can move: a ring's closing position excluded. */
guint
cr_geometry_edit_n_vertices (const CrGeometry *self,
                             guint             path)
{
  const CrGeometry *leaf;
  gboolean is_ring = FALSE;

  g_return_val_if_fail (self != NULL, 0);

  leaf = cr_geometry_edit_get_path (self, path, &is_ring);
  return leaf != NULL ? leaf_n_vertices (leaf, is_ring) : 0;
}

gboolean
cr_geometry_edit_get_vertex (const CrGeometry *self,
                             guint             path,
                             guint             index,
                             double           *x,
                             double           *y)
{
  const CrGeometry *leaf;
  gboolean is_ring = FALSE;

  g_return_val_if_fail (self != NULL, FALSE);

  leaf = cr_geometry_edit_get_path (self, path, &is_ring);
  if (leaf == NULL || index >= leaf_n_vertices (leaf, is_ring))
    return FALSE;
  *x = leaf->coords[2 * index];
  *y = leaf->coords[2 * index + 1];
  return TRUE;
}

/**
 * cr_geometry_edit_move_vertex:
 *
 * Moving a ring's first vertex moves its closing position too.
 *
 * Returns: (transfer full) (nullable): the changed copy
 */
CrGeometry *
cr_geometry_edit_move_vertex (const CrGeometry *self,
                              guint             path,
                              guint             index,
                              double            x,
                              double            y,
                              GError          **error)
{
  g_autoptr(CrGeometry) copy = NULL;
  CrGeometry *leaf;
  gboolean is_ring;
  gboolean closed;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  copy = copy_with_leaf (self, path, &leaf, &is_ring, error);
  if (copy == NULL)
    return NULL;
  if (index >= leaf_n_vertices (leaf, is_ring))
    {
      set_no_vertex (error);
      return NULL;
    }
  closed = is_ring && ring_is_closed (leaf);
  leaf->coords[2 * index] = x;
  leaf->coords[2 * index + 1] = y;
  if (closed && index == 0)
    {
      leaf->coords[2 * (leaf->n_coords - 1)] = x;
      leaf->coords[2 * (leaf->n_coords - 1) + 1] = y;
    }
  return g_steal_pointer (&copy);
}

/**
 * cr_geometry_edit_insert_vertex:
 * @index: the new vertex's index: it goes between vertices @index - 1 and
 *   @index. On a line, 0 prepends and the vertex count appends; on a
 *   ring, 0 and the vertex count both mean between the last vertex and
 *   the first.
 *
 * Returns: (transfer full) (nullable): the changed copy
 */
CrGeometry *
cr_geometry_edit_insert_vertex (const CrGeometry *self,
                                guint             path,
                                guint             index,
                                double            x,
                                double            y,
                                GError          **error)
{
  g_autoptr(CrGeometry) copy = NULL;
  CrGeometry *leaf;
  gboolean is_ring;
  guint n;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  copy = copy_with_leaf (self, path, &leaf, &is_ring, error);
  if (copy == NULL)
    return NULL;
  n = leaf_n_vertices (leaf, is_ring);
  if (leaf->type == CR_GEOMETRY_POINT || index > n)
    {
      set_no_vertex (error);
      return NULL;
    }
  if (is_ring && index == 0)
    index = n;

  /* Grow by one, then open the gap; a closed ring keeps its closing
   * position last since the gap is never after it. */
  cr_geometry_append_coord (leaf, 0, 0);
  memmove (&leaf->coords[2 * (index + 1)], &leaf->coords[2 * index],
           2 * sizeof (double) * (leaf->n_coords - 1 - index));
  leaf->coords[2 * index] = x;
  leaf->coords[2 * index + 1] = y;
  return g_steal_pointer (&copy);
}

/**
 * cr_geometry_edit_delete_vertex:
 *
 * Refuses (%CR_GEOMETRY_EDIT_ERROR_TOO_FEW) to leave a ring with fewer
 * than three distinct positions, a line with fewer than two, or a point
 * without its position: deleting the feature is what the user wants then.
 *
 * Returns: (transfer full) (nullable): the changed copy
 */
CrGeometry *
cr_geometry_edit_delete_vertex (const CrGeometry *self,
                                guint             path,
                                guint             index,
                                GError          **error)
{
  g_autoptr(CrGeometry) copy = NULL;
  CrGeometry *leaf;
  gboolean is_ring;
  gboolean closed;
  guint n, needed;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  copy = copy_with_leaf (self, path, &leaf, &is_ring, error);
  if (copy == NULL)
    return NULL;
  n = leaf_n_vertices (leaf, is_ring);
  if (index >= n)
    {
      set_no_vertex (error);
      return NULL;
    }
  if (leaf->type == CR_GEOMETRY_POINT)
    {
      g_set_error_literal (error, CR_GEOMETRY_EDIT_ERROR, CR_GEOMETRY_EDIT_ERROR_TOO_FEW,
                           _("A point has only one position. To remove it, delete the whole feature."));
      return NULL;
    }

  closed = is_ring && ring_is_closed (leaf);
  memmove (&leaf->coords[2 * index], &leaf->coords[2 * (index + 1)],
           2 * sizeof (double) * (leaf->n_coords - index - 1));
  leaf->n_coords--;
  if (closed && index == 0)
    {
      leaf->coords[2 * (leaf->n_coords - 1)] = leaf->coords[0];
      leaf->coords[2 * (leaf->n_coords - 1) + 1] = leaf->coords[1];
    }

  needed = is_ring ? 3 : 2;
  if (cr_geometry_edit_count_distinct (leaf->coords, leaf_n_vertices (leaf, is_ring), needed) < needed)
    {
      g_set_error_literal (error, CR_GEOMETRY_EDIT_ERROR, CR_GEOMETRY_EDIT_ERROR_TOO_FEW,
                           is_ring ? _("A zone needs at least three corners. To remove it, delete the whole feature.")
                                   : _("A line needs at least two points. To remove it, delete the whole feature."));
      return NULL;
    }
  return g_steal_pointer (&copy);
}

static void
translate_in_place (CrGeometry *g,
                    double      dx,
                    double      dy)
{
  for (guint i = 0; i < g->n_coords; i++)
    {
      g->coords[2 * i] += dx;
      g->coords[2 * i + 1] += dy;
    }
  for (guint i = 0; i < g->n_parts; i++)
    translate_in_place (g->parts[i], dx, dy);
}

/**
 * cr_geometry_edit_translate:
 *
 * Returns: (transfer full): a copy with every position shifted by @dx, @dy
 */
CrGeometry *
cr_geometry_edit_translate (const CrGeometry *self,
                            double            dx,
                            double            dy)
{
  CrGeometry *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = cr_geometry_copy (self);
  translate_in_place (copy, dx, dy);
  return copy;
}

/* Nearest to (@x, @y) on @self's paths, in degrees as on a flat map (an
 * edit is local): the segment (@path, vertex @index to the next one),
 * how far along it (0 to 1), the point itself, and the distance. FALSE
 * if no segment. */
static gboolean
nearest_segment (const CrGeometry *self,
                 double            x,
                 double            y,
                 guint            *path,
                 guint            *index,
                 double           *t,
                 double           *nx,
                 double           *ny,
                 double           *distance)
{
  double best = INFINITY;

  for (guint p = 0; p < cr_geometry_edit_n_paths (self); p++)
    {
      gboolean ring = FALSE;
      guint n = cr_geometry_edit_n_vertices (self, p);
      guint n_segments;

      cr_geometry_edit_get_path (self, p, &ring);
      n_segments = ring ? n : (n > 0 ? n - 1 : 0);
      for (guint i = 0; i < n_segments; i++)
        {
          double ax, ay, bx, by, u, d2;

          cr_geometry_edit_get_vertex (self, p, i, &ax, &ay);
          cr_geometry_edit_get_vertex (self, p, (i + 1) % n, &bx, &by);
          d2 = cr_segment_nearest (ax, ay, bx, by, x, y, &u);
          if (d2 < best)
            {
              best = d2;
              *path = p;
              *index = i;
              *t = u;
              *nx = ax + u * (bx - ax);
              *ny = ay + u * (by - ay);
            }
        }
    }
  *distance = sqrt (best);
  return isfinite (best);
}

/* The vertex of @after that vertex @index of @path of @before became,
 * the two being one edit apart; -1 if it was deleted. */
static int
follow_vertex (const CrGeometry *before,
               const CrGeometry *after,
               guint             path,
               guint             index)
{
  guint n0 = cr_geometry_edit_n_vertices (before, path), n1 = cr_geometry_edit_n_vertices (after, path);
  guint j = 0;

  if (n1 == n0)
    return (int) index;
  /* The first vertex that differs is the one inserted or deleted. */
  for (; j < MIN (n0, n1); j++)
    {
      double x0, y0, x1, y1;

      cr_geometry_edit_get_vertex (before, path, j, &x0, &y0);
      cr_geometry_edit_get_vertex (after, path, j, &x1, &y1);
      if (x0 != x1 || y0 != y1)
        break;
    }
  if (n1 == n0 + 1)
    return (int) (index < j ? index : index + 1);
  if (n1 + 1 == n0 && index != j)
    return (int) (index < j ? index : index - 1);
  return -1;
}

/* Whether @after is @before shifted as a whole, by (@dx, @dy). */
static gboolean
is_translation (const CrGeometry *before,
                const CrGeometry *after,
                double           *dx,
                double           *dy)
{
  gboolean first = TRUE;

  if (cr_geometry_edit_n_paths (before) != cr_geometry_edit_n_paths (after))
    return FALSE;
  for (guint p = 0; p < cr_geometry_edit_n_paths (before); p++)
    {
      if (cr_geometry_edit_n_vertices (before, p) != cr_geometry_edit_n_vertices (after, p))
        return FALSE;
      for (guint i = 0; i < cr_geometry_edit_n_vertices (before, p); i++)
        {
          double x0, y0, x1, y1;

          cr_geometry_edit_get_vertex (before, p, i, &x0, &y0);
          cr_geometry_edit_get_vertex (after, p, i, &x1, &y1);
          if (first)
            {
              *dx = x1 - x0;
              *dy = y1 - y0;
              first = FALSE;
            }
          else if (fabs (x1 - x0 - *dx) > 1e-12 || fabs (y1 - y0 - *dy) > 1e-12)
            return FALSE;
        }
    }
  return !first;
}

/**
 * cr_geometry_edit_follow:
 * @before: a geometry
 * @after: @before after one edit: a vertex moved, inserted or deleted,
 *   or the whole translated
 * @x: (inout): a point
 * @y: (inout):
 *
 * Moves a point tied to @before (an itinerary's waypoint) with the edit:
 * by the translation; with its vertex when it is on one; at the same
 * share of the way between the two vertices it lies between, when both
 * remain neighbours; else (its vertex deleted, its segment split) to the
 * nearest point of @after. A point off @before stays where it is.
 */
void
cr_geometry_edit_follow (const CrGeometry *before,
                         const CrGeometry *after,
                         double           *x,
                         double           *y)
{
  /* Closer than this (degrees, about a metre) is on the line: a
   * waypoint imported a little off its route still follows it. */
  const double on = 1e-5;
  guint path, index, n1;
  double t, nx, ny, distance, dx, dy, length, ax, ay, bx, by;
  int a, b;

  g_return_if_fail (before != NULL && after != NULL && x != NULL && y != NULL);

  if (is_translation (before, after, &dx, &dy))
    {
      *x += dx;
      *y += dy;
      return;
    }
  if (!nearest_segment (before, *x, *y, &path, &index, &t, &nx, &ny, &distance) || distance > on ||
      cr_geometry_edit_n_paths (before) != cr_geometry_edit_n_paths (after))
    return;
  cr_geometry_edit_get_vertex (before, path, index, &ax, &ay);
  cr_geometry_edit_get_vertex (before, path, (index + 1) % cr_geometry_edit_n_vertices (before, path), &bx, &by);
  length = hypot (bx - ax, by - ay);
  n1 = cr_geometry_edit_n_vertices (after, path);
  a = follow_vertex (before, after, path, index);
  b = follow_vertex (before, after, path, (index + 1) % cr_geometry_edit_n_vertices (before, path));
  if (t * length <= on && a >= 0)
    {
      cr_geometry_edit_get_vertex (after, path, (guint) a, x, y);
      return;
    }
  if ((1 - t) * length <= on && b >= 0)
    {
      cr_geometry_edit_get_vertex (after, path, (guint) b, x, y);
      return;
    }
  if (a >= 0 && b >= 0 && n1 > 0 && (guint) b == ((guint) a + 1) % n1)
    {
      cr_geometry_edit_get_vertex (after, path, (guint) a, &ax, &ay);
      cr_geometry_edit_get_vertex (after, path, (guint) b, &bx, &by);
      *x = ax + t * (bx - ax);
      *y = ay + t * (by - ay);
      return;
    }
  if (nearest_segment (after, *x, *y, &path, &index, &t, &nx, &ny, &distance))
    {
      *x = nx;
      *y = ny;
    }
}

/* Which side of a → b point p is on: > 0 left, < 0 right, 0 on it. */
static double
orient (const double *a,
        const double *b,
        const double *p)
{
  return (b[0] - a[0]) * (p[1] - a[1]) - (b[1] - a[1]) * (p[0] - a[0]);
}

/* Whether p, on the line through a and b, is within their box. */
static gboolean
within (const double *a,
        const double *b,
        const double *p)
{
  return MIN (a[0], b[0]) <= p[0] && p[0] <= MAX (a[0], b[0]) && MIN (a[1], b[1]) <= p[1] &&
         p[1] <= MAX (a[1], b[1]);
}

static gboolean
segments_meet (const double *a,
               const double *b,
               const double *c,
               const double *d)
{
  double o1 = orient (a, b, c), o2 = orient (a, b, d), o3 = orient (c, d, a), o4 = orient (c, d, b);

  if (((o1 > 0 && o2 < 0) || (o1 < 0 && o2 > 0)) && ((o3 > 0 && o4 < 0) || (o3 < 0 && o4 > 0)))
    return TRUE;
  return (o1 == 0 && within (a, b, c)) || (o2 == 0 && within (a, b, d)) || (o3 == 0 && within (c, d, a)) ||
         (o4 == 0 && within (c, d, b));
}

/* Polygons with more corners than this are not checked: imported
 * boundaries, not drawn, and the check is quadratic. */
#define MAX_CHECKED_VERTICES 2000

/* @ring's corners, repeated ones once (a side of no length crosses
 * nothing), the closing one left out. */
static GArray *
ring_corners (const CrGeometry *ring)
{
  GArray *corners = g_array_new (FALSE, FALSE, sizeof (double) * 2);

  for (guint i = 0; i < ring->n_coords; i++)
    {
      const double *c = ring->coords + 2 * i;

      if (corners->len > 0)
        {
          const double *last = (const double *) corners->data + 2 * (corners->len - 1);

          if (last[0] == c[0] && last[1] == c[1])
            continue;
        }
      g_array_append_vals (corners, c, 1);
    }
  if (corners->len > 1)
    {
      const double *first = (const double *) corners->data, *last = first + 2 * (corners->len - 1);

      if (first[0] == last[0] && first[1] == last[1])
        g_array_set_size (corners, corners->len - 1);
    }
  return corners;
}

/* Whether side @i of ring @a and side @j of ring @b meet, other than at
 * a corner two neighbouring sides of one ring share. */
static gboolean
sides_meet (GArray *a,
            guint   i,
            GArray *b,
            guint   j)
{
  const double *va = (const double *) a->data, *vb = (const double *) b->data;
  guint na = a->len, nb = b->len;

  if (a == b && (i == j || j == (i + 1) % na || i == (j + 1) % nb))
    return FALSE;
  return segments_meet (va + 2 * i, va + 2 * ((i + 1) % na), vb + 2 * j, vb + 2 * ((j + 1) % nb));
}

/* Whether two sides of @polygon's rings, its holes included, meet. */
static gboolean
polygon_crosses_itself (const CrGeometry *polygon)
{
  g_autoptr(GPtrArray) rings = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  guint total = 0;

  for (guint r = 0; r < polygon->n_parts; r++)
    {
      GArray *corners = ring_corners (polygon->parts[r]);

      total += corners->len;
      g_ptr_array_add (rings, corners);
    }
  if (total > MAX_CHECKED_VERTICES)
    return FALSE;
  for (guint r = 0; r < rings->len; r++)
    for (guint q = r; q < rings->len; q++)
      {
        GArray *a = g_ptr_array_index (rings, r), *b = g_ptr_array_index (rings, q);

        /* Fewer than three corners: no side to cross (nor a ring). */
        if (a->len < 3 || b->len < 3)
          continue;
        for (guint i = 0; i < a->len; i++)
          for (guint j = a == b ? i + 1 : 0; j < b->len; j++)
            if (sides_meet (a, i, b, j))
              return TRUE;
      }
  return FALSE;
}

/**
 * cr_geometry_edit_crosses_itself:
 *
 * Returns: whether two sides of a polygon of @self (a polygon or a
 *   multipolygon) cross or touch, other than at the corner two
 *   neighbours share: a ring crossing itself (a bow tie) or a hole
 *   crossing its outer ring or another hole, which make its area
 *   meaningless; %FALSE for other types. Different polygons of a
 *   multipolygon may overlap.
 */
gboolean
cr_geometry_edit_crosses_itself (const CrGeometry *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  if (self->type == CR_GEOMETRY_POLYGON)
    return polygon_crosses_itself (self);
  if (self->type == CR_GEOMETRY_MULTIPOLYGON)
    for (guint p = 0; p < self->n_parts; p++)
      if (polygon_crosses_itself (self->parts[p]))
        return TRUE;
  return FALSE;
}

/**
 * cr_geometry_edit_count_distinct:
 * @coords: x, y pairs
 * @limit: stop counting there
 *
 * How many different positions @coords holds, up to @limit: enough to
 * tell a real ring or line from one collapsed onto a point, without
 * looking at every pair of a large ring.
 */
guint
cr_geometry_edit_count_distinct (const double *coords,
                                 guint         n_coords,
                                 guint         limit)
{
  guint n_distinct = 0;
  double seen[2 * 8];

  g_return_val_if_fail (limit <= 8, 0);

  for (guint i = 0; i < n_coords && n_distinct < limit; i++)
    {
      gboolean is_new = TRUE;

      for (guint j = 0; j < n_distinct && is_new; j++)
        is_new = seen[2 * j] != coords[2 * i] || seen[2 * j + 1] != coords[2 * i + 1];
      if (is_new)
        {
          seen[2 * n_distinct] = coords[2 * i];
          seen[2 * n_distinct + 1] = coords[2 * i + 1];
          n_distinct++;
        }
    }
  return n_distinct;
}
