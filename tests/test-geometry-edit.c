/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-geometry-edit"

#include "config.h"

#include "cr-geometry-edit.h"
#include "cr-test-utils.h"

/* Vertex editing on geometries: what the map's handles do, without a
 * display. Holes and multi-geometries must come through every edit. */

static CrGeometry *
triangle_new (void)
{
  const double xy[] = { 0, 0, 4, 0, 0, 3, 0, 0 };
  CrGeometry *polygon = cr_geometry_new (CR_GEOMETRY_POLYGON);

  cr_geometry_add_part (polygon, cr_geometry_new_linestring (xy, 4));
  return polygon;
}

/* Two squares, the second with a hole: paths 0, 1 and 2 (the hole). */
static CrGeometry *
multipolygon_new (void)
{
  const double xy[] = { -20, -20, -15, -20, -15, -15, -20, -20 };
  CrGeometry *multi = cr_geometry_new (CR_GEOMETRY_MULTIPOLYGON);
  CrGeometry *first = cr_geometry_new (CR_GEOMETRY_POLYGON);

  cr_geometry_add_part (first, cr_geometry_new_linestring (xy, 4));
  cr_geometry_add_part (multi, first);
  cr_geometry_add_part (multi, cr_test_square_with_hole_new (100, 100));
  return multi;
}

static void
assert_vertex (const CrGeometry *g,
               guint             path,
               guint             index,
               double            x,
               double            y)
{
  double vx, vy;

  g_assert_true (cr_geometry_edit_get_vertex (g, path, index, &vx, &vy));
  g_assert_cmpfloat (vx, ==, x);
  g_assert_cmpfloat (vy, ==, y);
}

/* A ring's last position repeats its first. */
static void
assert_closed (const CrGeometry *g,
               guint             path)
{
  const CrGeometry *ring = cr_geometry_edit_get_path (g, path, NULL);

  g_assert_nonnull (ring);
  g_assert_cmpuint (ring->n_coords, >=, 4);
  g_assert_cmpfloat (ring->coords[0], ==, ring->coords[2 * ring->n_coords - 2]);
  g_assert_cmpfloat (ring->coords[1], ==, ring->coords[2 * ring->n_coords - 1]);
}

static void
test_paths (void)
{
  g_autoptr(CrGeometry) polygon = cr_test_square_with_hole_new (0, 0);
  g_autoptr(CrGeometry) multi = multipolygon_new ();
  g_autoptr(CrGeometry) point = cr_geometry_new_point (4.35, 50.85);
  g_autoptr(CrGeometry) lines = cr_geometry_new (CR_GEOMETRY_MULTILINESTRING);
  g_autoptr(CrGeometry) collection = cr_geometry_new (CR_GEOMETRY_COLLECTION);
  const double a[] = { 0, 0, 1, 1, 2, 0 };
  const double b[] = { 5, 5, 6, 6 };
  gboolean is_ring = FALSE;

  g_assert_cmpuint (cr_geometry_edit_n_paths (polygon), ==, 2);
  g_assert_nonnull (cr_geometry_edit_get_path (polygon, 1, &is_ring));
  g_assert_true (is_ring);
  g_assert_null (cr_geometry_edit_get_path (polygon, 2, NULL));
  /* The closing position is not a vertex of its own. */
  g_assert_cmpuint (cr_geometry_edit_n_vertices (polygon, 0), ==, 4);
  g_assert_false (cr_geometry_edit_get_vertex (polygon, 0, 4, &(double) { 0 }, &(double) { 0 }));
  assert_vertex (polygon, 1, 2, 6, 6);

  g_assert_cmpuint (cr_geometry_edit_n_paths (multi), ==, 3);
  assert_vertex (multi, 1, 0, 100, 100);
  assert_vertex (multi, 2, 0, 104, 104);

  g_assert_cmpuint (cr_geometry_edit_n_paths (point), ==, 1);
  g_assert_cmpuint (cr_geometry_edit_n_vertices (point, 0), ==, 1);
  cr_geometry_edit_get_path (point, 0, &is_ring);
  g_assert_false (is_ring);

  cr_geometry_add_part (lines, cr_geometry_new_linestring (a, 3));
  cr_geometry_add_part (lines, cr_geometry_new_linestring (b, 2));
  g_assert_cmpuint (cr_geometry_edit_n_paths (lines), ==, 2);
  g_assert_cmpuint (cr_geometry_edit_n_vertices (lines, 0), ==, 3);
  cr_geometry_edit_get_path (lines, 1, &is_ring);
  g_assert_false (is_ring);

  /* A collection walks its members in order, polygons' rings as rings. */
  cr_geometry_add_part (collection, cr_geometry_new_point (1, 2));
  cr_geometry_add_part (collection, cr_test_square_with_hole_new (0, 0));
  cr_geometry_add_part (collection, cr_geometry_new_linestring (b, 2));
  g_assert_cmpuint (cr_geometry_edit_n_paths (collection), ==, 4);
  cr_geometry_edit_get_path (collection, 2, &is_ring);
  g_assert_true (is_ring);
  cr_geometry_edit_get_path (collection, 3, &is_ring);
  g_assert_false (is_ring);
}

static void
test_move_vertex (void)
{
  g_autoptr(CrGeometry) polygon = cr_test_square_with_hole_new (0, 0);
  g_autoptr(CrGeometry) original = cr_geometry_copy (polygon);
  g_autoptr(CrGeometry) moved = NULL;
  g_autoptr(CrGeometry) first = NULL;
  g_autoptr(CrGeometry) multi = multipolygon_new ();
  g_autoptr(CrGeometry) hole_moved = NULL;
  g_autoptr(GError) error = NULL;

  moved = cr_geometry_edit_move_vertex (polygon, 0, 2, 12, 11, &error);
  g_assert_no_error (error);
  assert_vertex (moved, 0, 2, 12, 11);
  assert_vertex (moved, 0, 1, 10, 0);
  /* The hole and the input are untouched. */
  g_assert_true (cr_geometry_equal (cr_geometry_edit_get_path (moved, 1, NULL),
                                    cr_geometry_edit_get_path (original, 1, NULL)));
  g_assert_true (cr_geometry_equal (polygon, original));

  /* The first vertex takes the closing position with it. */
  first = cr_geometry_edit_move_vertex (polygon, 0, 0, -1, -2, &error);
  g_assert_no_error (error);
  assert_vertex (first, 0, 0, -1, -2);
  assert_closed (first, 0);
  g_assert_cmpuint (cr_geometry_edit_get_path (first, 0, NULL)->n_coords, ==, 5);

  /* A hole of the second member of a multipolygon. */
  hole_moved = cr_geometry_edit_move_vertex (multi, 2, 0, 103, 103, &error);
  g_assert_no_error (error);
  assert_vertex (hole_moved, 2, 0, 103, 103);
  assert_closed (hole_moved, 2);
  g_assert_cmpuint (hole_moved->n_parts, ==, 2);
  g_assert_cmpuint (hole_moved->parts[1]->n_parts, ==, 2);
  g_assert_true (cr_geometry_equal (hole_moved->parts[0], multi->parts[0]));

  /* Out of range. */
  g_assert_null (cr_geometry_edit_move_vertex (polygon, 0, 4, 0, 0, &error));
  g_assert_error (error, CR_GEOMETRY_EDIT_ERROR, CR_GEOMETRY_EDIT_ERROR_NO_VERTEX);
  g_clear_error (&error);
  g_assert_null (cr_geometry_edit_move_vertex (polygon, 5, 0, 0, 0, &error));
  g_assert_error (error, CR_GEOMETRY_EDIT_ERROR, CR_GEOMETRY_EDIT_ERROR_NO_VERTEX);
}

static void
test_insert_vertex (void)
{
  g_autoptr(CrGeometry) polygon = cr_test_square_with_hole_new (0, 0);
  g_autoptr(CrGeometry) inserted = NULL;
  g_autoptr(CrGeometry) closing = NULL;
  g_autoptr(CrGeometry) line = NULL;
  g_autoptr(CrGeometry) prepended = NULL;
  g_autoptr(CrGeometry) appended = NULL;
  g_autoptr(CrGeometry) point = cr_geometry_new_point (1, 1);
  g_autoptr(GError) error = NULL;
  const double xy[] = { 0, 0, 1, 1, 2, 0 };

  /* Between vertices 0 and 1 of the exterior. */
  inserted = cr_geometry_edit_insert_vertex (polygon, 0, 1, 5, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cr_geometry_edit_n_vertices (inserted, 0), ==, 5);
  assert_vertex (inserted, 0, 0, 0, 0);
  assert_vertex (inserted, 0, 1, 5, -1);
  assert_vertex (inserted, 0, 2, 10, 0);
  assert_closed (inserted, 0);
  g_assert_cmpuint (cr_geometry_edit_n_vertices (inserted, 1), ==, 4);

  /* 0 on a ring is the segment from the last vertex back to the first. */
  closing = cr_geometry_edit_insert_vertex (polygon, 1, 0, 3, 5, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cr_geometry_edit_n_vertices (closing, 1), ==, 5);
  assert_vertex (closing, 1, 4, 3, 5);
  assert_vertex (closing, 1, 0, 4, 4);
  assert_closed (closing, 1);

  line = cr_geometry_new_linestring (xy, 3);
  prepended = cr_geometry_edit_insert_vertex (line, 0, 0, -1, -1, &error);
  g_assert_no_error (error);
  assert_vertex (prepended, 0, 0, -1, -1);
  assert_vertex (prepended, 0, 1, 0, 0);
  appended = cr_geometry_edit_insert_vertex (line, 0, 3, 3, 3, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cr_geometry_edit_n_vertices (appended, 0), ==, 4);
  assert_vertex (appended, 0, 3, 3, 3);
  assert_vertex (appended, 0, 2, 2, 0);

  g_assert_null (cr_geometry_edit_insert_vertex (line, 0, 4, 0, 0, &error));
  g_assert_error (error, CR_GEOMETRY_EDIT_ERROR, CR_GEOMETRY_EDIT_ERROR_NO_VERTEX);
  g_clear_error (&error);
  g_assert_null (cr_geometry_edit_insert_vertex (point, 0, 0, 0, 0, &error));
  g_assert_error (error, CR_GEOMETRY_EDIT_ERROR, CR_GEOMETRY_EDIT_ERROR_NO_VERTEX);
}

static void
test_delete_vertex (void)
{
  g_autoptr(CrGeometry) polygon = cr_test_square_with_hole_new (0, 0);
  g_autoptr(CrGeometry) three = NULL;
  g_autoptr(CrGeometry) first_gone = NULL;
  g_autoptr(CrGeometry) triangle = triangle_new ();
  g_autoptr(CrGeometry) line = NULL;
  g_autoptr(CrGeometry) shorter = NULL;
  g_autoptr(CrGeometry) point = cr_geometry_new_point (1, 1);
  g_autoptr(CrGeometry) collapsed = cr_geometry_new (CR_GEOMETRY_POLYGON);
  g_autoptr(GError) error = NULL;
  const double xy[] = { 0, 0, 1, 1, 2, 0 };
  const double dup[] = { 0, 0, 1, 0, 1, 0, 0, 1, 0, 0 };

  three = cr_geometry_edit_delete_vertex (polygon, 0, 2, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cr_geometry_edit_n_vertices (three, 0), ==, 3);
  assert_vertex (three, 0, 2, 0, 10);
  assert_closed (three, 0);
  g_assert_cmpuint (cr_geometry_edit_n_paths (three), ==, 2);

  /* The first vertex: the closing position follows the new first one. */
  first_gone = cr_geometry_edit_delete_vertex (polygon, 0, 0, &error);
  g_assert_no_error (error);
  assert_vertex (first_gone, 0, 0, 10, 0);
  assert_closed (first_gone, 0);
  g_assert_cmpuint (cr_geometry_edit_get_path (first_gone, 0, NULL)->n_coords, ==, 4);

  /* Never below three distinct corners. */
  g_assert_null (cr_geometry_edit_delete_vertex (triangle, 0, 1, &error));
  g_assert_error (error, CR_GEOMETRY_EDIT_ERROR, CR_GEOMETRY_EDIT_ERROR_TOO_FEW);
  g_clear_error (&error);

  /* A hole loses a corner, the exterior stays as it was. */
  {
    g_autoptr(CrGeometry) hole = cr_geometry_edit_delete_vertex (three, 1, 0, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (cr_geometry_edit_n_vertices (hole, 1), ==, 3);
    assert_closed (hole, 1);
    g_assert_true (cr_geometry_equal (cr_geometry_edit_get_path (hole, 0, NULL),
                                      cr_geometry_edit_get_path (three, 0, NULL)));
  }

  /* Four vertices, but only three distinct: one more delete collapses it. */
  cr_geometry_add_part (collapsed, cr_geometry_new_linestring (dup, 5));
  g_assert_null (cr_geometry_edit_delete_vertex (collapsed, 0, 3, &error));
  g_assert_error (error, CR_GEOMETRY_EDIT_ERROR, CR_GEOMETRY_EDIT_ERROR_TOO_FEW);
  g_clear_error (&error);

  line = cr_geometry_new_linestring (xy, 3);
  shorter = cr_geometry_edit_delete_vertex (line, 0, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cr_geometry_edit_n_vertices (shorter, 0), ==, 2);
  g_assert_null (cr_geometry_edit_delete_vertex (shorter, 0, 0, &error));
  g_assert_error (error, CR_GEOMETRY_EDIT_ERROR, CR_GEOMETRY_EDIT_ERROR_TOO_FEW);
  g_clear_error (&error);

  g_assert_null (cr_geometry_edit_delete_vertex (point, 0, 0, &error));
  g_assert_error (error, CR_GEOMETRY_EDIT_ERROR, CR_GEOMETRY_EDIT_ERROR_TOO_FEW);
  g_clear_error (&error);
  g_assert_null (cr_geometry_edit_delete_vertex (polygon, 0, 7, &error));
  g_assert_error (error, CR_GEOMETRY_EDIT_ERROR, CR_GEOMETRY_EDIT_ERROR_NO_VERTEX);
}

static void
test_translate (void)
{
  g_autoptr(CrGeometry) multi = multipolygon_new ();
  g_autoptr(CrGeometry) moved = cr_geometry_edit_translate (multi, 0.25, -0.5);
  guint n_paths = cr_geometry_edit_n_paths (multi);

  g_assert_cmpuint (cr_geometry_edit_n_paths (moved), ==, n_paths);
  g_assert_cmpint (moved->type, ==, CR_GEOMETRY_MULTIPOLYGON);
  g_assert_cmpuint (moved->parts[1]->n_parts, ==, 2);
  for (guint p = 0; p < n_paths; p++)
    {
      const CrGeometry *a = cr_geometry_edit_get_path (multi, p, NULL);
      const CrGeometry *b = cr_geometry_edit_get_path (moved, p, NULL);

      g_assert_cmpuint (a->n_coords, ==, b->n_coords);
      for (guint i = 0; i < a->n_coords; i++)
        {
          g_assert_cmpfloat_with_epsilon (b->coords[2 * i], a->coords[2 * i] + 0.25, 1e-12);
          g_assert_cmpfloat_with_epsilon (b->coords[2 * i + 1], a->coords[2 * i + 1] - 0.5, 1e-12);
        }
    }
  /* The input is left alone. */
  assert_vertex (multi, 0, 0, -20, -20);
}

/* Where a waypoint goes when its itinerary is edited. */
static void
assert_follows (const CrGeometry *before,
                const CrGeometry *after,
                double            x,
                double            y,
                double            expected_x,
                double            expected_y)
{
  cr_geometry_edit_follow (before, after, &x, &y);
  g_assert_cmpfloat_with_epsilon (x, expected_x, 1e-9);
  g_assert_cmpfloat_with_epsilon (y, expected_y, 1e-9);
}

static void
test_follow (void)
{
  const double straight_xy[] = { 0, 0, 1, 0, 2, 0, 3, 0 };
  const double bent_xy[] = { 0, 0, 1, 1, 2, 0, 3, 0 };
  g_autoptr(CrGeometry) straight = cr_geometry_new_linestring (straight_xy, 4);
  g_autoptr(CrGeometry) bent = cr_geometry_new_linestring (bent_xy, 4);
  g_autoptr(CrGeometry) moved = cr_geometry_edit_translate (straight, 0.5, 0.25);
  g_autoptr(CrGeometry) dragged = cr_geometry_edit_move_vertex (straight, 0, 1, 1, 1, NULL);
  g_autoptr(CrGeometry) inserted = cr_geometry_edit_insert_vertex (straight, 0, 2, 1.5, 1, NULL);
  g_autoptr(CrGeometry) deleted = cr_geometry_edit_delete_vertex (bent, 0, 1, NULL);

  /* The whole moved: every point with it, off the line too. */
  assert_follows (straight, moved, 1, 0, 1.5, 0.25);
  assert_follows (straight, moved, 1, 5, 1.5, 5.25);
  /* A vertex dragged: its point with it; one between it and the next at
   * the same share of the way; the others, and a point off the line,
   * where they were. */
  assert_follows (straight, dragged, 1, 0, 1, 1);
  assert_follows (straight, dragged, 1.5, 0, 1.5, 0.5);
  assert_follows (straight, dragged, 0.5, 0, 0.5, 0.5);
  assert_follows (straight, dragged, 3, 0, 3, 0);
  assert_follows (straight, dragged, 2.5, 3, 2.5, 3);
  /* A vertex inserted: the others keep theirs; a point on the segment
   * split goes to the nearest point of the new line. */
  assert_follows (straight, inserted, 2, 0, 2, 0);
  assert_follows (straight, inserted, 0.5, 0, 0.5, 0);
  assert_follows (straight, inserted, 1.25, 0, 1.05, 0.1);
  /* A vertex deleted: its point to the nearest of the new line; the
   * others keep theirs, numbered down. */
  assert_follows (bent, deleted, 1, 1, 1, 0);
  assert_follows (bent, deleted, 3, 0, 3, 0);
  assert_follows (bent, deleted, 2.5, 0, 2.5, 0);
}

static void
test_crosses_itself (void)
{
  const double bow_tie[] = { 0, 0, 2, 2, 2, 0, 0, 2, 0, 0 };
  const double square[] = { 0, 0, 2, 0, 2, 2, 2, 2, 0, 2, 0, 0 };
  const double touching[] = { 0, 0, 4, 0, 4, 4, 2, 0, 0, 4, 0, 0 };
  g_autoptr(CrGeometry) with_hole = cr_test_square_with_hole_new (0, 0);
  g_autoptr(CrGeometry) line = cr_geometry_new_linestring (bow_tie, 5);
  const struct
  {
    const double *xy;
    guint n;
    gboolean crosses;
  } rings[] = {
    { bow_tie, 5, TRUE },
    /* A repeated corner is no side. */
    { square, 6, FALSE },
    /* A corner on another side. */
    { touching, 6, TRUE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (rings); i++)
    {
      g_autoptr(CrGeometry) polygon = cr_geometry_new (CR_GEOMETRY_POLYGON);

      cr_geometry_add_part (polygon, cr_geometry_new_linestring (rings[i].xy, rings[i].n));
      g_assert_cmpint (cr_geometry_edit_crosses_itself (polygon), ==, rings[i].crosses);
    }
  g_assert_false (cr_geometry_edit_crosses_itself (with_hole));
  /* A route may cross itself. */
  g_assert_false (cr_geometry_edit_crosses_itself (line));

  /* A hole across its outer ring; two polygons of a multipolygon that
   * overlap (allowed), then one of them a bow tie. */
  {
    const double shell[] = { 0, 0, 4, 0, 4, 4, 0, 4, 0, 0 };
    const double hole[] = { 3, 1, 3, 3, 5, 3, 5, 1, 3, 1 };
    const double other[] = { 2, 2, 6, 2, 6, 6, 2, 6, 2, 2 };
    g_autoptr(CrGeometry) holed = cr_geometry_new (CR_GEOMETRY_POLYGON);
    g_autoptr(CrGeometry) multi = cr_geometry_new (CR_GEOMETRY_MULTIPOLYGON);
    CrGeometry *first = cr_geometry_new (CR_GEOMETRY_POLYGON);
    CrGeometry *second = cr_geometry_new (CR_GEOMETRY_POLYGON);
    CrGeometry *third = cr_geometry_new (CR_GEOMETRY_POLYGON);

    cr_geometry_add_part (holed, cr_geometry_new_linestring (shell, 5));
    cr_geometry_add_part (holed, cr_geometry_new_linestring (hole, 5));
    g_assert_true (cr_geometry_edit_crosses_itself (holed));

    cr_geometry_add_part (first, cr_geometry_new_linestring (shell, 5));
    cr_geometry_add_part (second, cr_geometry_new_linestring (other, 5));
    cr_geometry_add_part (multi, first);
    cr_geometry_add_part (multi, second);
    g_assert_false (cr_geometry_edit_crosses_itself (multi));
    cr_geometry_add_part (third, cr_geometry_new_linestring (bow_tie, 5));
    cr_geometry_add_part (multi, third);
    g_assert_true (cr_geometry_edit_crosses_itself (multi));
  }
}

static void
test_count_distinct (void)
{
  const double xy[] = { 0, 0, 0, 0, 1, 0, 0, 0, 1, 0, 2, 2 };

  g_assert_cmpuint (cr_geometry_edit_count_distinct (xy, 6, 8), ==, 3);
  g_assert_cmpuint (cr_geometry_edit_count_distinct (xy, 6, 2), ==, 2);
  g_assert_cmpuint (cr_geometry_edit_count_distinct (xy, 2, 8), ==, 1);
  g_assert_cmpuint (cr_geometry_edit_count_distinct (xy, 0, 8), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/geometry-edit/paths", test_paths);
  g_test_add_func ("/geometry-edit/move-vertex", test_move_vertex);
  g_test_add_func ("/geometry-edit/insert-vertex", test_insert_vertex);
  g_test_add_func ("/geometry-edit/delete-vertex", test_delete_vertex);
  g_test_add_func ("/geometry-edit/translate", test_translate);
  g_test_add_func ("/geometry-edit/follow", test_follow);
  g_test_add_func ("/geometry-edit/crosses-itself", test_crosses_itself);
  g_test_add_func ("/geometry-edit/count-distinct", test_count_distinct);

  return g_test_run ();
}
