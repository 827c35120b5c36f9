/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-geometry"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "cr-geometry.h"
#include "cr-test-utils.h"
#include "cr-wkb.h"

/* Brussels, Grand-Place, and Paris, Notre-Dame. */
#define BXL_X 4.3517
#define BXL_Y 50.8467
#define PARIS_X 2.3499
#define PARIS_Y 48.8530

/* A ring from x, y pairs; closed by the caller. */
static CrGeometry *
ring_new (const double *xy,
          guint         n)
{
  return cr_geometry_new_linestring (xy, n);
}

static CrGeometry *
multipoint_new (void)
{
  CrGeometry *g = cr_geometry_new (CR_GEOMETRY_MULTIPOINT);

  cr_geometry_add_part (g, cr_geometry_new_point (1, 2));
  cr_geometry_add_part (g, cr_geometry_new_point (-3, 4.5));
  return g;
}

static CrGeometry *
multilinestring_new (void)
{
  const double a[] = { 0, 0, 1, 1, 2, 0 };
  const double b[] = { 10, 10, 11, 12 };
  CrGeometry *g = cr_geometry_new (CR_GEOMETRY_MULTILINESTRING);

  cr_geometry_add_part (g, cr_geometry_new_linestring (a, 3));
  cr_geometry_add_part (g, cr_geometry_new_linestring (b, 2));
  return g;
}

static CrGeometry *
multipolygon_new (void)
{
  CrGeometry *g = cr_geometry_new (CR_GEOMETRY_MULTIPOLYGON);

  cr_geometry_add_part (g, cr_test_square_with_hole_new (0, 0));
  cr_geometry_add_part (g, cr_test_square_with_hole_new (20, 0));
  return g;
}

/* A collection holding every type, and a collection inside it. */
static CrGeometry *
nested_collection_new (void)
{
  const double line[] = { 4.35, 50.84, 4.36, 50.85, 4.37, 50.83 };
  CrGeometry *inner = cr_geometry_new (CR_GEOMETRY_COLLECTION);
  CrGeometry *outer = cr_geometry_new (CR_GEOMETRY_COLLECTION);

  cr_geometry_add_part (inner, cr_geometry_new_point (-1, -1));
  cr_geometry_add_part (inner, multipoint_new ());
  cr_geometry_add_part (outer, cr_geometry_new_point (BXL_X, BXL_Y));
  cr_geometry_add_part (outer, cr_geometry_new_linestring (line, 3));
  cr_geometry_add_part (outer, cr_test_square_with_hole_new (100, 40));
  cr_geometry_add_part (outer, multilinestring_new ());
  cr_geometry_add_part (outer, multipolygon_new ());
  cr_geometry_add_part (outer, inner);
  return outer;
}

static GBytes *
wkb_of (const CrGeometry *g)
{
  GByteArray *out = g_byte_array_new ();

  cr_wkb_append (out, g);
  return g_byte_array_free_to_bytes (out);
}

static CrGeometry *
wkb_round_trip (const CrGeometry *g)
{
  g_autoptr(GBytes) bytes = wkb_of (g);
  g_autoptr(GError) error = NULL;
  gsize len;
  const guint8 *data = g_bytes_get_data (bytes, &len);
  CrGeometry *back = cr_wkb_read (data, len, &error);

  g_assert_no_error (error);
  g_assert_nonnull (back);
  return back;
}

/* Little helpers to write WKB by hand, in either byte order. */
typedef struct
{
  GByteArray *out;
  gboolean big_endian;
} Writer;

static void
put_u32 (Writer  *w,
         guint32  v)
{
  v = w->big_endian ? GUINT32_TO_BE (v) : GUINT32_TO_LE (v);
  g_byte_array_append (w->out, (const guint8 *) &v, 4);
}

static void
put_double (Writer *w,
            double  d)
{
  guint64 bits;

  memcpy (&bits, &d, 8);
  bits = w->big_endian ? GUINT64_TO_BE (bits) : GUINT64_TO_LE (bits);
  g_byte_array_append (w->out, (const guint8 *) &bits, 8);
}

static void
put_header (Writer  *w,
            guint32  code)
{
  guint8 order = w->big_endian ? 0 : 1;

  g_byte_array_append (w->out, &order, 1);
  put_u32 (w, code);
}

static CrGeometry *
read_ok (GByteArray *bytes)
{
  g_autoptr(GError) error = NULL;
  CrGeometry *g = cr_wkb_read (bytes->data, bytes->len, &error);

  g_assert_no_error (error);
  g_assert_nonnull (g);
  return g;
}

static void
assert_wkb_invalid (const guint8 *data,
                    gsize         len)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrGeometry) g = cr_wkb_read (data, len, &error);

  g_assert_null (g);
  g_assert_error (error, CR_WKB_ERROR, CR_WKB_ERROR_INVALID);
  g_assert_nonnull (error->message);
}

static void
test_construction (void)
{
  const double xy[] = { 1, 2, 3, 4, 5, 6 };
  g_autoptr(CrGeometry) point = cr_geometry_new_point (4.35, 50.85);
  g_autoptr(CrGeometry) empty = cr_geometry_new (CR_GEOMETRY_POINT);
  g_autoptr(CrGeometry) line = cr_geometry_new_linestring (xy, 3);
  g_autoptr(CrGeometry) grown = cr_geometry_new (CR_GEOMETRY_LINESTRING);
  g_autoptr(CrGeometry) polygon = cr_test_square_with_hole_new (0, 0);
  CrGeometry *ref;

  g_assert_cmpint (point->type, ==, CR_GEOMETRY_POINT);
  g_assert_cmpuint (point->n_coords, ==, 1);
  g_assert_cmpfloat (point->coords[0], ==, 4.35);
  g_assert_cmpfloat (point->coords[1], ==, 50.85);
  g_assert_cmpuint (point->n_parts, ==, 0);

  g_assert_cmpuint (empty->n_coords, ==, 0);
  g_assert_cmpuint (empty->n_parts, ==, 0);

  g_assert_cmpint (line->type, ==, CR_GEOMETRY_LINESTRING);
  g_assert_cmpuint (line->n_coords, ==, 3);
  g_assert_cmpmem (line->coords, 6 * sizeof (double), xy, sizeof xy);
  /* The linestring has its own copy of the positions. */
  g_assert_true (line->coords != xy);

  /* Appending grows past any initial allocation. */
  for (guint i = 0; i < 100; i++)
    cr_geometry_append_coord (grown, i, -(double) i);
  g_assert_cmpuint (grown->n_coords, ==, 100);
  for (guint i = 0; i < 100; i++)
    {
      g_assert_cmpfloat (grown->coords[2 * i], ==, i);
      g_assert_cmpfloat (grown->coords[2 * i + 1], ==, -(double) i);
    }

  g_assert_cmpuint (polygon->n_parts, ==, 2);
  g_assert_cmpuint (polygon->parts[0]->n_coords, ==, 5);
  g_assert_cmpuint (cr_geometry_count_coords (polygon), ==, 10);
  g_assert_cmpuint (cr_geometry_count_coords (point), ==, 1);
  g_assert_cmpuint (cr_geometry_count_coords (empty), ==, 0);

  ref = cr_geometry_ref (polygon);
  g_assert_true (ref == polygon);
  cr_geometry_unref (ref);
  /* Still alive: the autoptr owns the last reference. */
  g_assert_cmpuint (polygon->n_parts, ==, 2);

  g_assert_true (G_TYPE_IS_BOXED (CR_TYPE_GEOMETRY));

  for (CrGeometryType t = CR_GEOMETRY_POINT; t <= CR_GEOMETRY_COLLECTION; t++)
    {
      CrGeometryType back = 0;

      g_assert_true (cr_geometry_type_from_geojson (cr_geometry_type_to_geojson (t), &back));
      g_assert_cmpint (back, ==, t);
      g_assert_nonnull (cr_geometry_type_to_sql (t));
    }
  g_assert_cmpstr (cr_geometry_type_to_geojson (CR_GEOMETRY_MULTIPOLYGON), ==, "MultiPolygon");
  g_assert_cmpstr (cr_geometry_type_to_sql (CR_GEOMETRY_COLLECTION), ==, "GEOMETRYCOLLECTION");
  {
    CrGeometryType unused = CR_GEOMETRY_POINT;

    g_assert_false (cr_geometry_type_from_geojson ("Circle", &unused));
    g_assert_false (cr_geometry_type_from_geojson ("point", &unused));
    g_assert_false (cr_geometry_type_from_geojson (NULL, &unused));
  }
}

static void
test_copy_equal (void)
{
  g_autoptr(CrGeometry) a = nested_collection_new ();
  g_autoptr(CrGeometry) b = nested_collection_new ();
  g_autoptr(CrGeometry) copy = cr_geometry_copy (a);
  g_autoptr(CrGeometry) p1 = cr_geometry_new_point (1, 2);
  g_autoptr(CrGeometry) p2 = cr_geometry_new (CR_GEOMETRY_MULTIPOINT);
  g_autoptr(CrGeometry) empty1 = cr_geometry_new (CR_GEOMETRY_POINT);
  g_autoptr(CrGeometry) empty2 = cr_geometry_new (CR_GEOMETRY_POINT);
  g_autoptr(CrGeometry) empty_line = cr_geometry_new (CR_GEOMETRY_LINESTRING);
  g_autoptr(CrGeometry) empty_copy = NULL;

  g_assert_true (cr_geometry_equal (a, a));
  g_assert_true (cr_geometry_equal (a, b));
  g_assert_true (cr_geometry_equal (a, copy));
  g_assert_true (cr_geometry_equal (NULL, NULL));
  g_assert_false (cr_geometry_equal (a, NULL));
  g_assert_false (cr_geometry_equal (NULL, a));

  /* Deep: no member is shared. */
  g_assert_true (copy != a);
  g_assert_true (copy->parts != a->parts);
  for (guint i = 0; i < a->n_parts; i++)
    g_assert_true (copy->parts[i] != a->parts[i]);
  g_assert_true (copy->parts[2]->parts[1]->coords != a->parts[2]->parts[1]->coords);

  /* Changing a position deep inside the copy leaves the original. */
  copy->parts[2]->parts[1]->coords[3] += 0.5;
  g_assert_false (cr_geometry_equal (a, copy));
  g_assert_cmpfloat (a->parts[2]->parts[1]->coords[3], ==, b->parts[2]->parts[1]->coords[3]);
  copy->parts[2]->parts[1]->coords[3] -= 0.5;
  g_assert_true (cr_geometry_equal (a, copy));

  /* One member more, or another type, is a difference. */
  cr_geometry_add_part (copy, cr_geometry_new_point (0, 0));
  g_assert_false (cr_geometry_equal (a, copy));
  cr_geometry_add_part (p2, cr_geometry_new_point (1, 2));
  g_assert_false (cr_geometry_equal (p1, p2));
  g_assert_false (cr_geometry_equal (empty1, empty_line));

  g_assert_true (cr_geometry_equal (empty1, empty2));
  empty_copy = cr_geometry_copy (empty1);
  g_assert_true (cr_geometry_equal (empty_copy, empty1));
  g_assert_cmpuint (empty_copy->n_coords, ==, 0);
  g_assert_cmpint (empty_copy->type, ==, CR_GEOMETRY_POINT);
  /* A copy can grow like any geometry. */
  cr_geometry_append_coord (empty_copy, 5, 6);
  g_assert_cmpuint (empty_copy->n_coords, ==, 1);
  g_assert_false (cr_geometry_equal (empty_copy, empty1));
}

static void
test_bbox (void)
{
  g_autoptr(CrGeometry) polygon = cr_test_square_with_hole_new (2, -3);
  g_autoptr(CrGeometry) collection = nested_collection_new ();
  g_autoptr(CrGeometry) empty = cr_geometry_new (CR_GEOMETRY_COLLECTION);
  CrBBox bbox, other, empty_box;

  g_assert_true (cr_geometry_get_bbox (polygon, &bbox));
  g_assert_cmpfloat (bbox.min_x, ==, 2);
  g_assert_cmpfloat (bbox.min_y, ==, -3);
  g_assert_cmpfloat (bbox.max_x, ==, 12);
  g_assert_cmpfloat (bbox.max_y, ==, 7);

  /* Members at every depth count. */
  g_assert_true (cr_geometry_get_bbox (collection, &bbox));
  g_assert_cmpfloat (bbox.min_x, ==, -3);
  g_assert_cmpfloat (bbox.min_y, ==, -1);
  g_assert_cmpfloat (bbox.max_x, ==, 110);
  g_assert_cmpfloat (bbox.max_y, ==, 50.85);

  cr_geometry_add_part (empty, cr_geometry_new (CR_GEOMETRY_POINT));
  g_assert_false (cr_geometry_get_bbox (empty, &empty_box));
  g_assert_true (cr_bbox_is_empty (&empty_box));

  /* Union with an empty box changes nothing; the other way round gives
   * the other box. */
  cr_geometry_get_bbox (polygon, &bbox);
  other = bbox;
  cr_bbox_union (&other, &empty_box);
  g_assert_cmpmem (&other, sizeof other, &bbox, sizeof bbox);
  cr_bbox_init_empty (&other);
  g_assert_true (cr_bbox_is_empty (&other));
  cr_bbox_union (&other, &bbox);
  g_assert_cmpmem (&other, sizeof other, &bbox, sizeof bbox);

  cr_bbox_init_empty (&other);
  cr_bbox_add (&other, 5, 5);
  g_assert_false (cr_bbox_is_empty (&other));
  g_assert_cmpfloat (other.min_x, ==, 5);
  g_assert_cmpfloat (other.max_x, ==, 5);
  cr_bbox_add (&other, -1, 9);
  g_assert_cmpfloat (other.min_x, ==, -1);
  g_assert_cmpfloat (other.max_y, ==, 9);
  g_assert_cmpfloat (other.min_y, ==, 5);

  /* Touching boxes meet; disjoint ones do not. */
  {
    CrBBox a = { 0, 0, 1, 1 };
    CrBBox touching = { 1, 1, 2, 2 };
    CrBBox inside = { 0.2, 0.2, 0.3, 0.3 };
    CrBBox left = { -2, 0, -0.001, 1 };
    CrBBox above = { 0, 1.001, 1, 2 };

    g_assert_true (cr_bbox_intersects (&a, &touching));
    g_assert_true (cr_bbox_intersects (&touching, &a));
    g_assert_true (cr_bbox_intersects (&a, &inside));
    g_assert_true (cr_bbox_intersects (&inside, &a));
    g_assert_false (cr_bbox_intersects (&a, &left));
    g_assert_false (cr_bbox_intersects (&above, &a));
  }
}

static void
test_empty (void)
{
  g_autoptr(CrGeometry) point = cr_geometry_new (CR_GEOMETRY_POINT);
  g_autoptr(CrGeometry) line = cr_geometry_new (CR_GEOMETRY_LINESTRING);
  g_autoptr(CrGeometry) polygon = cr_geometry_new (CR_GEOMETRY_POLYGON);
  g_autoptr(CrGeometry) polygon_empty_ring = cr_geometry_new (CR_GEOMETRY_POLYGON);
  g_autoptr(CrGeometry) collection = cr_geometry_new (CR_GEOMETRY_COLLECTION);
  g_autoptr(CrGeometry) full = cr_geometry_new_point (0, 0);
  CrBBox bbox;

  cr_geometry_add_part (polygon_empty_ring, cr_geometry_new (CR_GEOMETRY_LINESTRING));
  cr_geometry_add_part (collection, cr_geometry_new (CR_GEOMETRY_MULTIPOINT));
  cr_geometry_add_part (collection, cr_geometry_new (CR_GEOMETRY_POINT));

  g_assert_true (cr_geometry_is_empty (point));
  g_assert_true (cr_geometry_is_empty (line));
  g_assert_true (cr_geometry_is_empty (polygon));
  g_assert_true (cr_geometry_is_empty (polygon_empty_ring));
  g_assert_true (cr_geometry_is_empty (collection));
  g_assert_false (cr_geometry_is_empty (full));

  g_assert_false (cr_geometry_get_bbox (polygon_empty_ring, &bbox));
  g_assert_cmpfloat (cr_geometry_length_m (line), ==, 0);
  g_assert_cmpfloat (cr_geometry_area_m2 (polygon), ==, 0);
  g_assert_cmpfloat (cr_geometry_area_m2 (polygon_empty_ring), ==, 0);
  g_assert_false (cr_geometry_contains_point (polygon, 0, 0));
  g_assert_false (cr_geometry_contains_point (polygon_empty_ring, 0, 0));

  /* Orienting an empty ring must not walk off its (missing) positions. */
  cr_geometry_orient_rhr (polygon_empty_ring);
  g_assert_cmpuint (polygon_empty_ring->parts[0]->n_coords, ==, 0);

  /* As soon as one member has a position, the whole is not empty. */
  cr_geometry_append_coord (collection->parts[1], 1, 1);
  g_assert_false (cr_geometry_is_empty (collection));
}

static void
check_round_trip (CrGeometry *g)
{
  g_autoptr(CrGeometry) back = wkb_round_trip (g);

  g_assert_true (cr_geometry_equal (g, back));
}

static void
test_wkb_round_trip (void)
{
  const double line[] = { 4.35, 50.84, 4.36, 50.85, -180, -90, 180, 90 };
  g_autoptr(CrGeometry) point = cr_geometry_new_point (BXL_X, BXL_Y);
  g_autoptr(CrGeometry) linestring = cr_geometry_new_linestring (line, 4);
  g_autoptr(CrGeometry) polygon = cr_test_square_with_hole_new (4.3, 50.8);
  g_autoptr(CrGeometry) multipoint = multipoint_new ();
  g_autoptr(CrGeometry) multilinestring = multilinestring_new ();
  g_autoptr(CrGeometry) multipolygon = multipolygon_new ();
  g_autoptr(CrGeometry) collection = nested_collection_new ();
  g_autoptr(CrGeometry) empty_point = cr_geometry_new (CR_GEOMETRY_POINT);
  g_autoptr(CrGeometry) empty_line = cr_geometry_new (CR_GEOMETRY_LINESTRING);
  g_autoptr(CrGeometry) empty_collection = cr_geometry_new (CR_GEOMETRY_COLLECTION);
  g_autoptr(CrGeometry) deep = cr_geometry_new (CR_GEOMETRY_COLLECTION);
  g_autoptr(GBytes) point_wkb = wkb_of (point);
  g_autoptr(GBytes) empty_point_wkb = wkb_of (empty_point);
  const guint8 *data;
  gsize len;
  double x;

  check_round_trip (point);
  check_round_trip (linestring);
  check_round_trip (polygon);
  check_round_trip (multipoint);
  check_round_trip (multilinestring);
  check_round_trip (multipolygon);
  check_round_trip (collection);
  check_round_trip (empty_point);
  check_round_trip (empty_line);
  check_round_trip (empty_collection);

  /* Collections nested a few levels deep still read. */
  {
    CrGeometry *level = deep;

    for (guint i = 0; i < 10; i++)
      {
        CrGeometry *child = cr_geometry_new (CR_GEOMETRY_COLLECTION);

        cr_geometry_add_part (level, child);
        level = child;
      }
    cr_geometry_add_part (level, cr_geometry_new_point (7, 8));
    check_round_trip (deep);
  }

  /* The layout: little-endian, ISO type code, x then y. */
  data = g_bytes_get_data (point_wkb, &len);
  g_assert_cmpuint (len, ==, 21);
  g_assert_cmpuint (data[0], ==, 1);
  g_assert_cmpuint (data[1], ==, 1);
  g_assert_cmpuint (data[2] | data[3] | data[4], ==, 0);
  {
    guint64 bits;

    memcpy (&bits, data + 5, 8);
    bits = GUINT64_FROM_LE (bits);
    memcpy (&x, &bits, 8);
    g_assert_cmpfloat (x, ==, BXL_X);
  }

  /* An empty point is POINT(NaN NaN), the GeoPackage way. */
  data = g_bytes_get_data (empty_point_wkb, &len);
  g_assert_cmpuint (len, ==, 21);
  memcpy (&x, data + 5, 8);
  g_assert_true (isnan (x));
  memcpy (&x, data + 13, 8);
  g_assert_true (isnan (x));
}

static void
test_wkb_big_endian (void)
{
  Writer w = { g_byte_array_new (), TRUE };
  g_autoptr(GByteArray) point = w.out;
  g_autoptr(GByteArray) polygon = NULL;
  g_autoptr(GByteArray) mixed = NULL;
  g_autoptr(CrGeometry) g = NULL;
  g_autoptr(CrGeometry) p = NULL;
  g_autoptr(CrGeometry) m = NULL;

  put_header (&w, CR_GEOMETRY_POINT);
  put_double (&w, BXL_X);
  put_double (&w, BXL_Y);
  g = read_ok (point);
  g_assert_cmpint (g->type, ==, CR_GEOMETRY_POINT);
  g_assert_cmpuint (g->n_coords, ==, 1);
  g_assert_cmpfloat (g->coords[0], ==, BXL_X);
  g_assert_cmpfloat (g->coords[1], ==, BXL_Y);

  /* A polygon with a hole. */
  w.out = polygon = g_byte_array_new ();
  put_header (&w, CR_GEOMETRY_POLYGON);
  put_u32 (&w, 2);
  put_u32 (&w, 4);
  put_double (&w, 0), put_double (&w, 0);
  put_double (&w, 3), put_double (&w, 0);
  put_double (&w, 0), put_double (&w, 3);
  put_double (&w, 0), put_double (&w, 0);
  put_u32 (&w, 4);
  put_double (&w, 0.5), put_double (&w, 0.5);
  put_double (&w, 0.5), put_double (&w, 1);
  put_double (&w, 1), put_double (&w, 0.5);
  put_double (&w, 0.5), put_double (&w, 0.5);
  p = read_ok (polygon);
  g_assert_cmpint (p->type, ==, CR_GEOMETRY_POLYGON);
  g_assert_cmpuint (p->n_parts, ==, 2);
  g_assert_cmpuint (p->parts[1]->n_coords, ==, 4);
  g_assert_cmpfloat (p->parts[0]->coords[2], ==, 3);
  g_assert_cmpfloat (p->parts[1]->coords[3], ==, 1);

  /* Every member carries its own byte order. */
  w.out = mixed = g_byte_array_new ();
  w.big_endian = TRUE;
  put_header (&w, CR_GEOMETRY_MULTIPOINT);
  put_u32 (&w, 2);
  w.big_endian = FALSE;
  put_header (&w, CR_GEOMETRY_POINT);
  put_double (&w, 1), put_double (&w, 2);
  w.big_endian = TRUE;
  put_header (&w, CR_GEOMETRY_POINT);
  put_double (&w, 3), put_double (&w, 4);
  m = read_ok (mixed);
  g_assert_cmpuint (m->n_parts, ==, 2);
  g_assert_cmpfloat (m->parts[0]->coords[1], ==, 2);
  g_assert_cmpfloat (m->parts[1]->coords[0], ==, 3);
}

/* A collection of [a point with extra dimensions coded @code, then a
 * plain 2D point]: the reader must keep x, y and skip the rest exactly,
 * or the second member comes out wrong. */
static void
check_dimensions (guint32  point_code,
                  guint32  line_code,
                  guint    extra,
                  gboolean big_endian)
{
  Writer w = { g_byte_array_new (), big_endian };
  g_autoptr(GByteArray) bytes = w.out;
  g_autoptr(CrGeometry) g = NULL;

  put_header (&w, CR_GEOMETRY_COLLECTION);
  put_u32 (&w, 3);
  put_header (&w, point_code);
  put_double (&w, 4.5), put_double (&w, 50.5);
  for (guint i = 0; i < extra; i++)
    put_double (&w, 1000 + i);
  put_header (&w, line_code);
  put_u32 (&w, 2);
  for (guint k = 0; k < 2; k++)
    {
      put_double (&w, 10 + k), put_double (&w, 20 + k);
      for (guint i = 0; i < extra; i++)
        put_double (&w, 2000 + i);
    }
  put_header (&w, CR_GEOMETRY_POINT);
  put_double (&w, 7), put_double (&w, 8);

  g = read_ok (bytes);
  g_assert_cmpint (g->type, ==, CR_GEOMETRY_COLLECTION);
  g_assert_cmpuint (g->n_parts, ==, 3);
  g_assert_cmpint (g->parts[0]->type, ==, CR_GEOMETRY_POINT);
  g_assert_cmpfloat (g->parts[0]->coords[0], ==, 4.5);
  g_assert_cmpfloat (g->parts[0]->coords[1], ==, 50.5);
  g_assert_cmpint (g->parts[1]->type, ==, CR_GEOMETRY_LINESTRING);
  g_assert_cmpuint (g->parts[1]->n_coords, ==, 2);
  g_assert_cmpfloat (g->parts[1]->coords[2], ==, 11);
  g_assert_cmpfloat (g->parts[1]->coords[3], ==, 21);
  g_assert_cmpint (g->parts[2]->type, ==, CR_GEOMETRY_POINT);
  g_assert_cmpfloat (g->parts[2]->coords[0], ==, 7);
  g_assert_cmpfloat (g->parts[2]->coords[1], ==, 8);
}

static void
test_wkb_dimensions (void)
{
  for (guint be = 0; be < 2; be++)
    {
      /* ISO: 1000s for Z, 2000s for M, 3000s for ZM. */
      check_dimensions (1001, 1002, 1, be);
      check_dimensions (2001, 2002, 1, be);
      check_dimensions (3001, 3002, 2, be);
      /* EWKB flags: 0x80000000 Z, 0x40000000 M. */
      check_dimensions (0x80000001u, 0x80000002u, 1, be);
      check_dimensions (0x40000001u, 0x40000002u, 1, be);
      check_dimensions (0xC0000001u, 0xC0000002u, 2, be);
    }

  /* A 3D polygon (ISO code 1003). */
  {
    Writer w = { g_byte_array_new (), FALSE };
    g_autoptr(GByteArray) bytes = w.out;
    g_autoptr(CrGeometry) g = NULL;

    put_header (&w, 1003);
    put_u32 (&w, 1);
    put_u32 (&w, 4);
    put_double (&w, 0), put_double (&w, 0), put_double (&w, 99);
    put_double (&w, 1), put_double (&w, 0), put_double (&w, 99);
    put_double (&w, 0), put_double (&w, 1), put_double (&w, 99);
    put_double (&w, 0), put_double (&w, 0), put_double (&w, 99);
    g = read_ok (bytes);
    g_assert_cmpint (g->type, ==, CR_GEOMETRY_POLYGON);
    g_assert_cmpuint (g->parts[0]->n_coords, ==, 4);
    g_assert_cmpfloat (g->parts[0]->coords[2], ==, 1);
    g_assert_cmpfloat (g->parts[0]->coords[5], ==, 1);
  }

  /* EWKB with an SRID (flag 0x20000000, as PostGIS writes it): the SRID
   * comes before the positions and is not a coordinate. */
  {
    Writer w = { g_byte_array_new (), FALSE };
    g_autoptr(GByteArray) bytes = w.out;
    g_autoptr(CrGeometry) g = NULL;

    put_header (&w, 0x20000000u | 0x80000000u | CR_GEOMETRY_POINT);
    put_u32 (&w, 4326);
    put_double (&w, BXL_X), put_double (&w, BXL_Y), put_double (&w, 55);
    g = read_ok (bytes);
    g_assert_cmpint (g->type, ==, CR_GEOMETRY_POINT);
    g_assert_cmpfloat (g->coords[0], ==, BXL_X);
    g_assert_cmpfloat (g->coords[1], ==, BXL_Y);
  }
}

static void
test_wkb_hostile (void)
{
  g_autoptr(CrGeometry) collection = nested_collection_new ();
  g_autoptr(GBytes) valid = wkb_of (collection);
  const guint8 *data;
  gsize len;

  /* Every truncation of a valid blob is refused. */
  data = g_bytes_get_data (valid, &len);
  for (gsize cut = 0; cut < len; cut++)
    {
      g_autofree guint8 *copy = g_memdup2 (data, cut);

      assert_wkb_invalid (copy, cut);
    }
  assert_wkb_invalid (NULL, 0);

  /* Counts far larger than the data: refused before any allocation. */
  {
    const guint32 codes[] = { CR_GEOMETRY_LINESTRING, CR_GEOMETRY_POLYGON, CR_GEOMETRY_MULTIPOINT,
                              CR_GEOMETRY_MULTILINESTRING, CR_GEOMETRY_MULTIPOLYGON,
                              CR_GEOMETRY_COLLECTION };
    const guint32 counts[] = { 0xffffffffu, 0x80000000u, 0x10000000u, 1000 };

    for (guint i = 0; i < G_N_ELEMENTS (codes); i++)
      for (guint k = 0; k < G_N_ELEMENTS (counts); k++)
        {
          Writer w = { g_byte_array_new (), FALSE };
          g_autoptr(GByteArray) bytes = w.out;

          put_header (&w, codes[i]);
          put_u32 (&w, counts[k]);
          /* A few bytes of content, not nearly enough. */
          put_double (&w, 1), put_double (&w, 2);
          assert_wkb_invalid (bytes->data, bytes->len);
        }
  }

  /* A polygon whose second ring claims too many positions. */
  {
    Writer w = { g_byte_array_new (), FALSE };
    g_autoptr(GByteArray) bytes = w.out;

    put_header (&w, CR_GEOMETRY_POLYGON);
    put_u32 (&w, 2);
    put_u32 (&w, 1);
    put_double (&w, 1), put_double (&w, 2);
    put_u32 (&w, 0x7fffffff);
    put_double (&w, 1), put_double (&w, 2);
    assert_wkb_invalid (bytes->data, bytes->len);
  }

  /* Unknown type codes and byte orders. */
  {
    const guint32 bad_codes[] = { 0, 8, 17, 999, 1000, 1008, 0x0fffffffu };

    for (guint i = 0; i < G_N_ELEMENTS (bad_codes); i++)
      {
        Writer w = { g_byte_array_new (), FALSE };
        g_autoptr(GByteArray) bytes = w.out;

        put_header (&w, bad_codes[i]);
        put_u32 (&w, 0);
        put_double (&w, 1), put_double (&w, 2);
        assert_wkb_invalid (bytes->data, bytes->len);
      }
  }
  {
    Writer w = { g_byte_array_new (), FALSE };
    g_autoptr(GByteArray) bytes = w.out;

    put_header (&w, CR_GEOMETRY_POINT);
    put_double (&w, 1), put_double (&w, 2);
    bytes->data[0] = 7;
    assert_wkb_invalid (bytes->data, bytes->len);
  }

  /* Deep nesting: each level is a valid one-member collection, the blob
   * is small, yet the reader must stop rather than recurse without end. */
  {
    Writer w = { g_byte_array_new (), FALSE };
    g_autoptr(GByteArray) bytes = w.out;

    for (guint i = 0; i < 100000; i++)
      {
        put_header (&w, CR_GEOMETRY_COLLECTION);
        put_u32 (&w, 1);
      }
    put_header (&w, CR_GEOMETRY_POINT);
    put_double (&w, 1), put_double (&w, 2);
    assert_wkb_invalid (bytes->data, bytes->len);
  }
}

static void
test_gpkg_blob (void)
{
  g_autoptr(CrGeometry) polygon = cr_test_square_with_hole_new (4.3, 50.8);
  g_autoptr(CrGeometry) point = cr_geometry_new_point (BXL_X, BXL_Y);
  g_autoptr(CrGeometry) empty_point = cr_geometry_new (CR_GEOMETRY_POINT);
  g_autoptr(CrGeometry) empty_collection = cr_geometry_new (CR_GEOMETRY_COLLECTION);
  g_autoptr(GBytes) poly_blob = cr_gpkg_blob_new (polygon, CR_SRS_WGS84);
  g_autoptr(GBytes) point_blob = cr_gpkg_blob_new (point, CR_SRS_WGS84);
  g_autoptr(GBytes) empty_blob = cr_gpkg_blob_new (empty_point, CR_SRS_WGS84);
  g_autoptr(GBytes) empty_coll_blob = cr_gpkg_blob_new (empty_collection, 0);
  g_autoptr(GBytes) poly_wkb = wkb_of (polygon);
  const guint8 *data;
  gsize len;
  guint32 srs;
  double env[4];

  /* Polygon: magic, version 0, flags = little-endian | envelope xy. */
  data = g_bytes_get_data (poly_blob, &len);
  g_assert_cmpuint (data[0], ==, 'G');
  g_assert_cmpuint (data[1], ==, 'P');
  g_assert_cmpuint (data[2], ==, 0);
  g_assert_cmpuint (data[3], ==, 0x01 | (1 << 1));
  memcpy (&srs, data + 4, 4);
  g_assert_cmpuint (GUINT32_FROM_LE (srs), ==, 4326);
  memcpy (env, data + 8, sizeof env);
  g_assert_cmpfloat (env[0], ==, 4.3);   /* min x */
  g_assert_cmpfloat (env[1], ==, 14.3);  /* max x */
  g_assert_cmpfloat (env[2], ==, 50.8);  /* min y */
  g_assert_cmpfloat (env[3], ==, 60.8);  /* max y */
  g_assert_cmpint (cr_gpkg_blob_wkb_offset (data, len), ==, 40);
  g_assert_cmpuint (len, ==, 40 + g_bytes_get_size (poly_wkb));
  g_assert_cmpmem (data + 40, len - 40, g_bytes_get_data (poly_wkb, NULL), g_bytes_get_size (poly_wkb));

  {
    g_autoptr(GError) error = NULL;
    gint32 srs_id = -42;
    g_autoptr(CrGeometry) back = cr_gpkg_blob_read (data, len, &srs_id, &error);

    g_assert_no_error (error);
    g_assert_cmpint (srs_id, ==, 4326);
    g_assert_true (cr_geometry_equal (back, polygon));
  }

  /* A point has no envelope. */
  data = g_bytes_get_data (point_blob, &len);
  g_assert_cmpuint (data[3], ==, 0x01);
  g_assert_cmpint (cr_gpkg_blob_wkb_offset (data, len), ==, 8);
  g_assert_cmpuint (len, ==, 8 + 21);
  {
    g_autoptr(CrGeometry) back = cr_gpkg_blob_read (data, len, NULL, NULL);

    g_assert_true (cr_geometry_equal (back, point));
  }

  /* An empty geometry: the empty flag, no envelope. */
  data = g_bytes_get_data (empty_blob, &len);
  g_assert_cmpuint (data[3], ==, 0x01 | (1 << 4));
  g_assert_cmpint (cr_gpkg_blob_wkb_offset (data, len), ==, 8);
  {
    g_autoptr(CrGeometry) back = cr_gpkg_blob_read (data, len, NULL, NULL);

    g_assert_nonnull (back);
    g_assert_true (cr_geometry_is_empty (back));
    g_assert_cmpint (back->type, ==, CR_GEOMETRY_POINT);
  }
  data = g_bytes_get_data (empty_coll_blob, &len);
  g_assert_cmpuint (data[3], ==, 0x01 | (1 << 4));
  memcpy (&srs, data + 4, 4);
  g_assert_cmpuint (GUINT32_FROM_LE (srs), ==, 0);

  /* Appending goes after what the array holds already. */
  {
    g_autoptr(GByteArray) out = g_byte_array_new ();

    g_byte_array_append (out, (const guint8 *) "xyz", 3);
    cr_gpkg_blob_append (out, point, CR_SRS_WGS84);
    g_assert_cmpuint (out->len, ==, 3 + 29);
    g_assert_cmpmem (out->data + 3, out->len - 3, g_bytes_get_data (point_blob, NULL),
                     g_bytes_get_size (point_blob));
  }

  /* Not a GeoPackage blob. */
  {
    const guint8 wrong_magic[] = { 'X', 'P', 0, 1, 0xe6, 0x10, 0, 0, 1, 1, 0, 0, 0 };
    const guint8 short_blob[] = { 'G', 'P', 0, 1 };
    g_autoptr(GError) error = NULL;
    g_autoptr(GByteArray) bad_env = g_byte_array_new ();
    CrBBox bbox;
    gboolean is_empty;
    g_autoptr(CrGeometry) g = cr_gpkg_blob_read (wrong_magic, sizeof wrong_magic, NULL, &error);

    g_assert_null (g);
    g_assert_error (error, CR_WKB_ERROR, CR_WKB_ERROR_INVALID);
    g_clear_error (&error);
    g_assert_null (cr_gpkg_blob_read (short_blob, sizeof short_blob, NULL, &error));
    g_assert_error (error, CR_WKB_ERROR, CR_WKB_ERROR_INVALID);
    g_clear_error (&error);
    g_assert_null (cr_gpkg_blob_read (NULL, 0, NULL, &error));
    g_assert_error (error, CR_WKB_ERROR, CR_WKB_ERROR_INVALID);
    g_clear_error (&error);
    g_assert_cmpint (cr_gpkg_blob_wkb_offset (wrong_magic, sizeof wrong_magic), ==, -1);
    g_assert_cmpint (cr_gpkg_blob_wkb_offset (short_blob, sizeof short_blob), ==, -1);
    g_assert_false (cr_gpkg_blob_envelope (wrong_magic, sizeof wrong_magic, &bbox, &is_empty));

    /* Envelope codes 5-7 do not exist. */
    g_byte_array_append (bad_env, g_bytes_get_data (poly_blob, NULL), g_bytes_get_size (poly_blob));
    bad_env->data[3] = 0x01 | (5 << 1);
    g_assert_cmpint (cr_gpkg_blob_wkb_offset (bad_env->data, bad_env->len), ==, -1);
    g_assert_null (cr_gpkg_blob_read (bad_env->data, bad_env->len, NULL, &error));
    g_assert_error (error, CR_WKB_ERROR, CR_WKB_ERROR_INVALID);
    g_clear_error (&error);

    /* An envelope announced but cut off. */
    g_assert_cmpint (cr_gpkg_blob_wkb_offset (g_bytes_get_data (poly_blob, NULL), 30), ==, -1);

    /* A valid header over damaged WKB. */
    bad_env->data[3] = 0x01 | (1 << 1);
    bad_env->data[41] = 99;
    g_assert_null (cr_gpkg_blob_read (bad_env->data, bad_env->len, NULL, &error));
    g_assert_error (error, CR_WKB_ERROR, CR_WKB_ERROR_INVALID);
  }
}

static void
test_gpkg_envelope (void)
{
  g_autoptr(CrGeometry) polygon = cr_test_square_with_hole_new (4.3, 50.8);
  g_autoptr(CrGeometry) point = cr_geometry_new_point (BXL_X, BXL_Y);
  g_autoptr(CrGeometry) empty = cr_geometry_new (CR_GEOMETRY_LINESTRING);
  g_autoptr(GByteArray) blob = g_byte_array_new ();
  g_autoptr(GBytes) point_blob = cr_gpkg_blob_new (point, CR_SRS_WGS84);
  g_autoptr(GBytes) empty_blob = cr_gpkg_blob_new (empty, CR_SRS_WGS84);
  CrBBox bbox;
  gboolean is_empty = TRUE;
  const guint8 *data;
  gsize len;

  /* With an envelope in the header, the header is what counts: change it
   * and the answer follows, though the WKB says otherwise. */
  cr_gpkg_blob_append (blob, polygon, CR_SRS_WGS84);
  g_assert_true (cr_gpkg_blob_envelope (blob->data, blob->len, &bbox, &is_empty));
  g_assert_false (is_empty);
  g_assert_cmpfloat (bbox.min_x, ==, 4.3);
  g_assert_cmpfloat (bbox.max_x, ==, 14.3);
  g_assert_cmpfloat (bbox.min_y, ==, 50.8);
  g_assert_cmpfloat (bbox.max_y, ==, 60.8);
  {
    double fake = -1.5;

    memcpy (blob->data + 8, &fake, 8);
    g_assert_true (cr_gpkg_blob_envelope (blob->data, blob->len, &bbox, &is_empty));
    g_assert_cmpfloat (bbox.min_x, ==, -1.5);
  }

  /* Without an envelope, it is computed from the WKB. */
  data = g_bytes_get_data (point_blob, &len);
  is_empty = TRUE;
  g_assert_true (cr_gpkg_blob_envelope (data, len, &bbox, &is_empty));
  g_assert_false (is_empty);
  g_assert_cmpfloat (bbox.min_x, ==, BXL_X);
  g_assert_cmpfloat (bbox.max_x, ==, BXL_X);
  g_assert_cmpfloat (bbox.min_y, ==, BXL_Y);
  g_assert_cmpfloat (bbox.max_y, ==, BXL_Y);

  data = g_bytes_get_data (empty_blob, &len);
  is_empty = FALSE;
  g_assert_true (cr_gpkg_blob_envelope (data, len, &bbox, &is_empty));
  g_assert_true (is_empty);

  /* An empty geometry whose writer forgot the empty flag. */
  {
    g_autoptr(GByteArray) copy = g_byte_array_new ();

    g_byte_array_append (copy, data, len);
    copy->data[3] = 0x01;
    is_empty = FALSE;
    g_assert_true (cr_gpkg_blob_envelope (copy->data, copy->len, &bbox, &is_empty));
    g_assert_true (is_empty);
  }

  /* Damaged WKB without envelope: not a geometry. */
  {
    g_autoptr(GByteArray) copy = g_byte_array_new ();

    g_byte_array_append (copy, g_bytes_get_data (point_blob, NULL), 20);
    g_assert_false (cr_gpkg_blob_envelope (copy->data, copy->len, &bbox, &is_empty));
  }

  /* A big-endian blob written by another tool: header, envelope and WKB
   * all big-endian. */
  {
    Writer w = { g_byte_array_new (), TRUE };
    g_autoptr(GByteArray) be = w.out;
    const guint8 head[] = { 'G', 'P', 0, 1 << 1 };
    g_autoptr(GError) error = NULL;
    g_autoptr(CrGeometry) g = NULL;
    gint32 srs_id = 0;

    g_byte_array_append (be, head, 4);
    put_u32 (&w, 4326);
    put_double (&w, 1), put_double (&w, 3), put_double (&w, 2), put_double (&w, 4);
    put_header (&w, CR_GEOMETRY_LINESTRING);
    put_u32 (&w, 2);
    put_double (&w, 1), put_double (&w, 2), put_double (&w, 3), put_double (&w, 4);

    g_assert_true (cr_gpkg_blob_envelope (be->data, be->len, &bbox, &is_empty));
    g_assert_false (is_empty);
    g_assert_cmpfloat (bbox.min_x, ==, 1);
    g_assert_cmpfloat (bbox.max_x, ==, 3);
    g_assert_cmpfloat (bbox.min_y, ==, 2);
    g_assert_cmpfloat (bbox.max_y, ==, 4);
    g = cr_gpkg_blob_read (be->data, be->len, &srs_id, &error);
    g_assert_no_error (error);
    g_assert_cmpint (srs_id, ==, 4326);
    g_assert_cmpuint (g->n_coords, ==, 2);
    g_assert_cmpfloat (g->coords[3], ==, 4);
  }
}

static void
test_orientation (void)
{
  const double ccw[] = { 0, 0, 1, 0, 1, 1, 0, 1, 0, 0 };
  const double cw[] = { 0, 0, 0, 1, 1, 1, 1, 0, 0, 0 };
  g_autoptr(CrGeometry) polygon = cr_geometry_new (CR_GEOMETRY_POLYGON);
  g_autoptr(CrGeometry) multi = cr_geometry_new (CR_GEOMETRY_MULTIPOLYGON);
  g_autoptr(CrGeometry) collection = cr_geometry_new (CR_GEOMETRY_COLLECTION);
  g_autoptr(CrGeometry) line = cr_geometry_new_linestring (cw, 5);
  g_autoptr(CrGeometry) line_before = cr_geometry_copy (line);

  /* Positive for counter-clockwise, closed or not; area of the unit square. */
  g_assert_cmpfloat_with_epsilon (cr_ring_signed_area (ccw, 5), 1, 1e-12);
  g_assert_cmpfloat_with_epsilon (cr_ring_signed_area (ccw, 4), 1, 1e-12);
  g_assert_cmpfloat_with_epsilon (cr_ring_signed_area (cw, 5), -1, 1e-12);
  g_assert_cmpfloat_with_epsilon (cr_ring_signed_area (cw, 4), -1, 1e-12);
  g_assert_cmpfloat (cr_ring_signed_area (ccw, 2), ==, 0);
  g_assert_cmpfloat (cr_ring_signed_area (NULL, 0), ==, 0);

  /* Exterior clockwise, hole counter-clockwise: both wrong. */
  {
    const double outer[] = { 0, 0, 0, 10, 10, 10, 10, 0, 0, 0 };
    const double hole[] = { 4, 4, 6, 4, 6, 6, 4, 6, 4, 4 };

    cr_geometry_add_part (polygon, ring_new (outer, 5));
    cr_geometry_add_part (polygon, ring_new (hole, 5));
  }
  g_assert_cmpfloat (cr_ring_signed_area (polygon->parts[0]->coords, 5), <, 0);
  g_assert_cmpfloat (cr_ring_signed_area (polygon->parts[1]->coords, 5), >, 0);
  cr_geometry_add_part (multi, cr_geometry_copy (polygon));
  cr_geometry_add_part (multi, cr_test_square_with_hole_new (20, 20));
  cr_geometry_add_part (collection, cr_geometry_copy (multi));
  cr_geometry_add_part (collection, cr_geometry_copy (line));

  cr_geometry_orient_rhr (polygon);
  g_assert_cmpfloat (cr_ring_signed_area (polygon->parts[0]->coords, 5), >, 0);
  g_assert_cmpfloat (cr_ring_signed_area (polygon->parts[1]->coords, 5), <, 0);
  /* Reversed, still closed, same positions. */
  g_assert_cmpfloat (polygon->parts[0]->coords[0], ==, polygon->parts[0]->coords[8]);
  g_assert_cmpfloat (polygon->parts[0]->coords[1], ==, polygon->parts[0]->coords[9]);
  g_assert_cmpfloat_with_epsilon (cr_ring_signed_area (polygon->parts[0]->coords, 5), 100, 1e-9);
  g_assert_cmpfloat_with_epsilon (cr_ring_signed_area (polygon->parts[1]->coords, 5), -4, 1e-9);

  /* Already right: unchanged. */
  {
    g_autoptr(CrGeometry) before = cr_geometry_copy (polygon);

    cr_geometry_orient_rhr (polygon);
    g_assert_true (cr_geometry_equal (before, polygon));
  }

  cr_geometry_orient_rhr (collection);
  for (guint i = 0; i < 2; i++)
    {
      CrGeometry *p = collection->parts[0]->parts[i];

      g_assert_cmpfloat (cr_ring_signed_area (p->parts[0]->coords, p->parts[0]->n_coords), >, 0);
      g_assert_cmpfloat (cr_ring_signed_area (p->parts[1]->coords, p->parts[1]->n_coords), <, 0);
    }
  g_assert_true (cr_geometry_equal (collection->parts[0]->parts[0], polygon));
  /* Lines have no orientation. */
  g_assert_true (cr_geometry_equal (collection->parts[1], line_before));
  cr_geometry_orient_rhr (line);
  g_assert_true (cr_geometry_equal (line, line_before));
}

static void
test_contains_point (void)
{
  g_autoptr(CrGeometry) polygon = cr_test_square_with_hole_new (0, 0);
  g_autoptr(CrGeometry) multi = multipolygon_new ();
  g_autoptr(CrGeometry) triangle = cr_geometry_new (CR_GEOMETRY_POLYGON);
  g_autoptr(CrGeometry) point = cr_geometry_new_point (1, 1);
  g_autoptr(CrGeometry) lines = multilinestring_new ();
  g_autoptr(CrGeometry) collection = cr_geometry_new (CR_GEOMETRY_COLLECTION);
  const double tri[] = { 0, 0, 4, 0, 0, 4, 0, 0 };

  cr_geometry_add_part (triangle, ring_new (tri, 4));

  /* Inside, outside, in the hole. */
  g_assert_true (cr_geometry_contains_point (polygon, 1, 1));
  g_assert_true (cr_geometry_contains_point (polygon, 9.5, 5));
  g_assert_false (cr_geometry_contains_point (polygon, 11, 5));
  g_assert_false (cr_geometry_contains_point (polygon, -0.001, 5));
  g_assert_false (cr_geometry_contains_point (polygon, 5, 5));
  g_assert_false (cr_geometry_contains_point (polygon, 4.5, 5.5));

  /* On the boundary counts as inside: exterior edges and vertices, and
   * the hole's edges and vertices too (they belong to the polygon). */
  g_assert_true (cr_geometry_contains_point (polygon, 0, 5));
  g_assert_true (cr_geometry_contains_point (polygon, 10, 5));
  g_assert_true (cr_geometry_contains_point (polygon, 5, 0));
  g_assert_true (cr_geometry_contains_point (polygon, 5, 10));
  g_assert_true (cr_geometry_contains_point (polygon, 0, 0));
  g_assert_true (cr_geometry_contains_point (polygon, 10, 10));
  g_assert_true (cr_geometry_contains_point (polygon, 4, 5));
  g_assert_true (cr_geometry_contains_point (polygon, 5, 6));
  g_assert_true (cr_geometry_contains_point (polygon, 4, 4));
  g_assert_true (cr_geometry_contains_point (polygon, 6, 6));

  /* A slanted edge. */
  g_assert_true (cr_geometry_contains_point (triangle, 2, 2));
  g_assert_true (cr_geometry_contains_point (triangle, 1, 1));
  g_assert_false (cr_geometry_contains_point (triangle, 2.1, 2.1));
  g_assert_false (cr_geometry_contains_point (triangle, 4, 4));
  /* On the line through an edge, but past its end. */
  g_assert_false (cr_geometry_contains_point (triangle, 5, 0));
  g_assert_false (cr_geometry_contains_point (triangle, -1, 5));

  /* Multipolygons: either member; the holes of each. */
  g_assert_true (cr_geometry_contains_point (multi, 1, 1));
  g_assert_true (cr_geometry_contains_point (multi, 21, 1));
  g_assert_false (cr_geometry_contains_point (multi, 15, 5));
  g_assert_false (cr_geometry_contains_point (multi, 25, 5));
  g_assert_true (cr_geometry_contains_point (multi, 24, 5));

  /* Points and lines contain nothing, not even their own positions. */
  g_assert_false (cr_geometry_contains_point (point, 1, 1));
  g_assert_false (cr_geometry_contains_point (lines, 0, 0));
  g_assert_false (cr_geometry_contains_point (lines, 1, 1));

  cr_geometry_add_part (collection, cr_geometry_ref (lines));
  cr_geometry_add_part (collection, cr_geometry_ref (triangle));
  g_assert_true (cr_geometry_contains_point (collection, 1, 1));
  g_assert_false (cr_geometry_contains_point (collection, 10, 10));
}

static void
test_distance_length (void)
{
  const double equator[] = { 0, 0, 1, 0, 2, 0 };
  /* One degree of a great circle on the app's sphere. */
  const double degree_m = 6371008.8 * G_PI / 180;
  g_autoptr(CrGeometry) line = cr_geometry_new_linestring (equator, 3);
  g_autoptr(CrGeometry) multi = cr_geometry_new (CR_GEOMETRY_MULTILINESTRING);
  g_autoptr(CrGeometry) square = cr_geometry_new (CR_GEOMETRY_POLYGON);
  g_autoptr(CrGeometry) point = cr_geometry_new_point (BXL_X, BXL_Y);
  double d;

  /* Brussels - Paris: 264 km as the crow flies. */
  d = cr_geodesic_distance_m (BXL_X, BXL_Y, PARIS_X, PARIS_Y);
  g_assert_cmpfloat (fabs (d - 264000) / 264000, <, 0.01);
  g_assert_cmpfloat (cr_geodesic_distance_m (PARIS_X, PARIS_Y, BXL_X, BXL_Y), ==, d);
  g_assert_cmpfloat (cr_geodesic_distance_m (BXL_X, BXL_Y, BXL_X, BXL_Y), ==, 0);
  /* Along a meridian, one degree of latitude. */
  g_assert_cmpfloat_with_epsilon (cr_geodesic_distance_m (4, 50, 4, 51), degree_m, 0.01);
  /* Half the world round. */
  g_assert_cmpfloat_with_epsilon (cr_geodesic_distance_m (0, 0, 180, 0), 180 * degree_m, 1);

  g_assert_cmpfloat_with_epsilon (cr_geometry_length_m (line), 2 * degree_m, 0.01);
  cr_geometry_add_part (multi, cr_geometry_ref (line));
  cr_geometry_add_part (multi, cr_geometry_ref (line));
  g_assert_cmpfloat_with_epsilon (cr_geometry_length_m (multi), 4 * degree_m, 0.01);
  g_assert_cmpfloat (cr_geometry_length_m (point), ==, 0);

  /* A polygon's length is its perimeter, closed or not. */
  {
    const double closed[] = { 0, 0, 1, 0, 1, 1, 0, 1, 0, 0 };
    const double open[] = { 0, 0, 1, 0, 1, 1, 0, 1 };
    g_autoptr(CrGeometry) open_square = cr_geometry_new (CR_GEOMETRY_POLYGON);
    double perimeter;

    cr_geometry_add_part (square, ring_new (closed, 5));
    cr_geometry_add_part (open_square, ring_new (open, 4));
    perimeter = cr_geometry_length_m (square);
    g_assert_cmpfloat (fabs (perimeter - 4 * degree_m) / (4 * degree_m), <, 0.001);
    g_assert_cmpfloat_with_epsilon (cr_geometry_length_m (open_square), perimeter, 1e-6);
  }
}

static void
test_area (void)
{
  /* A 1 km x 1 km square in Brussels. */
  const double lat = 50.85;
  const double dlat = 1000 / (6371008.8 * G_PI / 180);
  const double dlon = dlat / cos (lat * G_PI / 180);
  const double ccw[] = { 4.35, lat, 4.35 + dlon, lat, 4.35 + dlon, lat + dlat, 4.35, lat + dlat,
                         4.35, lat };
  const double cw[] = { 4.35, lat, 4.35, lat + dlat, 4.35 + dlon, lat + dlat, 4.35 + dlon, lat,
                        4.35, lat };
  g_autoptr(CrGeometry) square = cr_geometry_new (CR_GEOMETRY_POLYGON);
  g_autoptr(CrGeometry) square_cw = cr_geometry_new (CR_GEOMETRY_POLYGON);
  g_autoptr(CrGeometry) multi = cr_geometry_new (CR_GEOMETRY_MULTIPOLYGON);
  g_autoptr(CrGeometry) holed = cr_geometry_new (CR_GEOMETRY_POLYGON);
  double area;

  cr_geometry_add_part (square, ring_new (ccw, 5));
  cr_geometry_add_part (square_cw, ring_new (cw, 5));
  area = cr_geometry_area_m2 (square);
  g_assert_cmpfloat (fabs (area - 1e6) / 1e6, <, 0.01);
  /* Whatever the orientation. */
  g_assert_cmpfloat_with_epsilon (cr_geometry_area_m2 (square_cw), area, 1e-3);

  cr_geometry_add_part (multi, cr_geometry_ref (square));
  cr_geometry_add_part (multi, cr_geometry_ref (square_cw));
  g_assert_cmpfloat_with_epsilon (cr_geometry_area_m2 (multi), 2 * area, 1e-3);

  /* A hole a quarter of the square is taken off. */
  {
    const double hole[] = { 4.35 + dlon / 4, lat + dlat / 4, 4.35 + dlon / 4, lat + 3 * dlat / 4,
                            4.35 + 3 * dlon / 4, lat + 3 * dlat / 4, 4.35 + 3 * dlon / 4,
                            lat + dlat / 4, 4.35 + dlon / 4, lat + dlat / 4 };

    cr_geometry_add_part (holed, ring_new (ccw, 5));
    cr_geometry_add_part (holed, ring_new (hole, 5));
    g_assert_cmpfloat (fabs (cr_geometry_area_m2 (holed) - 0.75e6) / 0.75e6, <, 0.01);
  }

  /* Lines and points have no area. */
  g_assert_cmpfloat (cr_geometry_area_m2 (square->parts[0]), ==, 0);
  {
    g_autoptr(CrGeometry) p = cr_geometry_new_point (1, 1);

    g_assert_cmpfloat (cr_geometry_area_m2 (p), ==, 0);
  }
}

static void
test_circle (void)
{
  const double radii[] = { 50, 500, 5000 };

  for (guint r = 0; r < G_N_ELEMENTS (radii); r++)
    {
      g_autoptr(CrGeometry) circle = cr_geometry_new_circle (BXL_X, BXL_Y, radii[r], 64);
      CrGeometry *ring;
      double expected_area = G_PI * radii[r] * radii[r];

      g_assert_cmpint (circle->type, ==, CR_GEOMETRY_POLYGON);
      g_assert_cmpuint (circle->n_parts, ==, 1);
      ring = circle->parts[0];
      g_assert_cmpuint (ring->n_coords, ==, 65);
      /* Closed. */
      g_assert_cmpfloat (ring->coords[0], ==, ring->coords[2 * 64]);
      g_assert_cmpfloat (ring->coords[1], ==, ring->coords[2 * 64 + 1]);
      /* Counter-clockwise. */
      g_assert_cmpfloat (cr_ring_signed_area (ring->coords, ring->n_coords), >, 0);
      /* Every vertex on the circle. */
      for (guint i = 0; i < ring->n_coords; i++)
        {
          double d = cr_geodesic_distance_m (BXL_X, BXL_Y, ring->coords[2 * i], ring->coords[2 * i + 1]);

          g_assert_cmpfloat (fabs (d - radii[r]) / radii[r], <, 0.005);
        }
      g_assert_true (cr_geometry_contains_point (circle, BXL_X, BXL_Y));
      /* A 64-gon has 99.8 % of the circle's area. */
      g_assert_cmpfloat (fabs (cr_geometry_area_m2 (circle) - expected_area) / expected_area, <, 0.01);
    }

  /* A circle needs a radius; the refusal leaks nothing (valgrind). */
  g_test_expect_message ("cr-geometry", G_LOG_LEVEL_CRITICAL, "*radius_m > 0*");
  g_assert_null (cr_geometry_new_circle (0, 0, 0, 16));
  g_test_assert_expected_messages ();
  g_test_expect_message ("cr-geometry", G_LOG_LEVEL_CRITICAL, "*type*");
  g_assert_null (cr_geometry_new (0));
  g_test_assert_expected_messages ();

  /* Too few segments are raised to a usable minimum. */
  {
    g_autoptr(CrGeometry) coarse = cr_geometry_new_circle (0, 0, 100, 3);

    g_assert_cmpuint (coarse->parts[0]->n_coords, >=, 9);
    g_assert_cmpfloat (cr_ring_signed_area (coarse->parts[0]->coords, coarse->parts[0]->n_coords), >, 0);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/geometry/construction", test_construction);
  g_test_add_func ("/geometry/copy-equal", test_copy_equal);
  g_test_add_func ("/geometry/bbox", test_bbox);
  g_test_add_func ("/geometry/empty", test_empty);
  g_test_add_func ("/geometry/wkb/round-trip", test_wkb_round_trip);
  g_test_add_func ("/geometry/wkb/big-endian", test_wkb_big_endian);
  g_test_add_func ("/geometry/wkb/dimensions", test_wkb_dimensions);
  g_test_add_func ("/geometry/wkb/hostile", test_wkb_hostile);
  g_test_add_func ("/geometry/gpkg/blob", test_gpkg_blob);
  g_test_add_func ("/geometry/gpkg/envelope", test_gpkg_envelope);
  g_test_add_func ("/geometry/orientation", test_orientation);
  g_test_add_func ("/geometry/contains-point", test_contains_point);
  g_test_add_func ("/geometry/distance-length", test_distance_length);
  g_test_add_func ("/geometry/area", test_area);
  g_test_add_func ("/geometry/circle", test_circle);

  return g_test_run ();
}
