/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-geojson"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "cr-audit-entry.h"
#include "cr-geojson.h"
#include "cr-partner.h"
#include "cr-test-utils.h"
#include "cr-time.h"
#include "cr-waypoint.h"
#include "cr-wkb.h"

/* Helpers */

static char *
fixture (const char *name)
{
  g_autofree char *relative = g_build_filename ("geojson", name, NULL);

  return cr_test_fixture_path (relative);
}

static CrGeojsonImportResult *
import_fixture (CrStore                      *store,
                const char                   *name,
                const char                   *event_name,
                const CrGeojsonImportOptions *options,
                GError                      **error)
{
  g_autofree char *path = fixture (name);

  return cr_geojson_import_file (store, path, event_name, options, NULL, error);
}

static CrGeojsonImportResult *
import_text (CrStore                      *store,
             const char                   *text,
             const char                   *event_name,
             const CrGeojsonImportOptions *options,
             GError                      **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));

  return cr_geojson_import_bytes (store, bytes, "test.geojson", event_name, options, NULL, error);
}

static gint64
count (CrStore *store,
       GType    type)
{
  g_autoptr(GError) error = NULL;
  gint64 n = cr_store_count (store, type, NULL, 0, &error);

  g_assert_no_error (error);
  return n;
}

static GListModel *
features_of (CrStore *store,
             gint64   event_id)
{
  g_autoptr(GError) error = NULL;
  GListModel *list = cr_store_list_features (store, event_id, &error);

  g_assert_no_error (error);
  return list;
}

static CrFeature *
nth_feature (CrStore *store,
             gint64   event_id,
             guint    n)
{
  g_autoptr(GListModel) list = features_of (store, event_id);

  g_assert_cmpuint (n, <, g_list_model_get_n_items (list));
  return g_list_model_get_item (list, n);
}

static char *
time_text (GDateTime *time)
{
  return cr_time_to_storage (time);
}

static void
assert_time (GDateTime  *time,
             const char *expected)
{
  g_autofree char *text = time_text (time);

  g_assert_cmpstr (text, ==, expected);
}

static cJSON *
properties_json (CrFeature *feature)
{
  const char *text = cr_feature_get_properties (feature);

  return text != NULL ? cJSON_Parse (text) : NULL;
}

static gint64
add_partner (CrStore    *store,
             const char *name)
{
  g_autoptr(CrPartner) partner = cr_partner_new ();
  g_autoptr(GError) error = NULL;

  cr_partner_set_name (partner, name);
  cr_store_insert (store, CR_RECORD (partner), &error);
  g_assert_no_error (error);
  return cr_record_get_id (CR_RECORD (partner));
}

static GListModel *
waypoints_of (CrStore   *store,
              CrFeature *feature)
{
  g_autoptr(GError) error = NULL;
  GListModel *list = cr_store_list (store, CR_TYPE_WAYPOINT, "feature_id",
                                    cr_record_get_id (CR_RECORD (feature)), &error);

  g_assert_no_error (error);
  return list;
}

/* Geometry types */

static void
test_import_geometry_types (void)
{
  g_autoptr(CrStore) store = cr_test_open_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(CrGeojsonImportResult) result = NULL;
  g_autoptr(GListModel) list = NULL;
  static const struct
  {
    const char *name;
    CrGeometryType type;
    guint n_parts;
    guint n_coords; /* all positions */
    const char *kind;
  } expected[] = {
    { "Command post", CR_GEOMETRY_POINT, 0, 1, "point" },
    { "Route", CR_GEOMETRY_LINESTRING, 0, 3, "line" },
    { "Zone with hole", CR_GEOMETRY_POLYGON, 2, 10, "area" },
    { "Posts", CR_GEOMETRY_MULTIPOINT, 2, 2, "point" },
    { "Two routes", CR_GEOMETRY_MULTILINESTRING, 2, 5, "line" },
    { "Two zones", CR_GEOMETRY_MULTIPOLYGON, 2, 13, "area" },
    { "Mixed collection", CR_GEOMETRY_COLLECTION, 2, 5, "area" },
    { "Point collection", CR_GEOMETRY_COLLECTION, 2, 2, "point" },
    { "3D line", CR_GEOMETRY_LINESTRING, 0, 2, "line" },
    { "Clockwise zone", CR_GEOMETRY_POLYGON, 2, 10, "area" },
  };

  result = import_fixture (store, "all-types.geojson", "Types", NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (result);
  g_assert_true (result->event_created);
  g_assert_cmpuint (result->n_features, ==, G_N_ELEMENTS (expected));
  g_assert_cmpuint (result->skipped->len, ==, 0);

  list = features_of (store, result->event_id);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr(CrFeature) feature = g_list_model_get_item (list, i);
      CrGeometry *geometry = cr_feature_get_geometry (feature);

      g_assert_cmpstr (cr_feature_get_name (feature), ==, expected[i].name);
      g_assert_nonnull (geometry);
      g_assert_cmpint (geometry->type, ==, expected[i].type);
      g_assert_cmpuint (geometry->n_parts, ==, expected[i].n_parts);
      g_assert_cmpuint (cr_geometry_count_coords (geometry), ==, expected[i].n_coords);
      g_assert_cmpstr (cr_feature_get_kind (feature), ==, expected[i].kind);
      /* Only what the mapping did not take is kept. */
      g_assert_null (cr_feature_get_properties (feature));
    }

  /* Exact values: the point, the hole, and z dropped from the 3D line. */
  {
    g_autoptr(CrFeature) point = g_list_model_get_item (list, 0);
    g_autoptr(CrFeature) holed = g_list_model_get_item (list, 2);
    g_autoptr(CrFeature) line = g_list_model_get_item (list, 8);
    CrGeometry *g;

    g = cr_feature_get_geometry (point);
    g_assert_cmpfloat (g->coords[0], ==, 4.3517);
    g_assert_cmpfloat (g->coords[1], ==, 50.8466);
    g = cr_feature_get_geometry (holed);
    g_assert_cmpuint (g->parts[1]->n_coords, ==, 5);
    g_assert_cmpfloat (g->parts[1]->coords[0], ==, 4.33);
    g_assert_cmpfloat (g->parts[1]->coords[3], ==, 50.87);
    g = cr_feature_get_geometry (line);
    g_assert_cmpfloat (g->coords[0], ==, 4.35);
    g_assert_cmpfloat (g->coords[1], ==, 50.84);
    g_assert_cmpfloat (g->coords[2], ==, 4.36);
    g_assert_cmpfloat (g->coords[3], ==, 50.85);
  }
}

static void
test_import_single_feature_and_geometry (void)
{
  g_autoptr(CrStore) store = cr_test_open_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(CrGeojsonImportResult) feature = NULL;
  g_autoptr(CrGeojsonImportResult) bare = NULL;
  g_autoptr(CrGeojsonImportResult) bom = NULL;
  g_autoptr(CrFeature) first = NULL;
  g_autoptr(CrFeature) second = NULL;

  feature = import_text (store,
                         "{\"properties\": {\"name\": \"Lone\", \"kind\": \"checkpoint\"},"
                         " \"geometry\": {\"coordinates\": [4.35, 50.84], \"type\": \"Point\"},"
                         " \"type\": \"Feature\"}",
                         "Single", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (feature->n_features, ==, 1);

  bare = import_text (store,
                      "{\"type\": \"MultiLineString\", \"coordinates\": [[[4.35, 50.84], [4.36, 50.85]]]}",
                      "single", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (bare->n_features, ==, 1);
  /* Same event, whatever the case. */
  g_assert_false (bare->event_created);
  g_assert_cmpint (bare->event_id, ==, feature->event_id);

  first = nth_feature (store, feature->event_id, 0);
  second = nth_feature (store, feature->event_id, 1);
  g_assert_cmpstr (cr_feature_get_name (first), ==, "Lone");
  g_assert_cmpstr (cr_feature_get_kind (first), ==, "checkpoint");
  g_assert_null (cr_feature_get_name (second));
  g_assert_cmpstr (cr_feature_get_kind (second), ==, "line");
  g_assert_cmpint (cr_feature_get_geometry (second)->type, ==, CR_GEOMETRY_MULTILINESTRING);

  /* "features" before "type", and a foreign member after. */
  {
    g_autoptr(CrGeojsonImportResult) reordered = NULL;

    reordered = import_text (store,
                             "{\"features\": [{\"geometry\": {\"type\": \"Point\", \"coordinates\": [4.35, 50.84]},"
                             " \"type\": \"Feature\", \"properties\": null, \"id\": \"a\"}],"
                             " \"type\": \"FeatureCollection\", \"bbox\": [4, 50, 5, 51]}",
                             "Single", NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (reordered->n_features, ==, 1);
  }

  /* A byte order mark, as Windows editors write. */
  bom = import_text (store,
                     "\xef\xbb\xbf{\"type\": \"FeatureCollection\", \"features\": []}",
                     "Empty", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (bom->n_features, ==, 0);
  g_assert_true (bom->event_created);
}

/* Winding: stored as given, exported by the right-hand rule. */

static gboolean
rings_follow_rhr (const cJSON *rings)
{
  guint index = 0;
  const cJSON *ring;

  cJSON_ArrayForEach (ring, rings)
    {
      g_autoptr(GArray) xy = g_array_new (FALSE, FALSE, sizeof (double));
      const cJSON *position;
      double area;

      cJSON_ArrayForEach (position, ring)
        {
          double x = cJSON_GetArrayItem (position, 0)->valuedouble;
          double y = cJSON_GetArrayItem (position, 1)->valuedouble;

          g_array_append_val (xy, x);
          g_array_append_val (xy, y);
        }
      area = cr_ring_signed_area ((double *) (gpointer) xy->data, xy->len / 2);
      if ((index == 0 && area <= 0) || (index > 0 && area >= 0))
        return FALSE;
      index++;
    }
  return TRUE;
}

static void
test_export_winding (void)
{
  g_autoptr(CrStore) store = cr_test_open_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(CrGeojsonImportResult) result = NULL;
  g_autoptr(CrFeature) clockwise = NULL;
  g_autofree char *text = NULL;
  g_autoptr(cJSON) json = NULL;
  const cJSON *feature;
  guint n_polygons = 0;

  result = import_fixture (store, "all-types.geojson", "Winding", NULL, &error);
  g_assert_no_error (error);

  /* The clockwise zone is stored as the file has it. */
  clockwise = nth_feature (store, result->event_id, 9);
  g_assert_cmpfloat (cr_ring_signed_area (cr_feature_get_geometry (clockwise)->parts[0]->coords,
                                          cr_feature_get_geometry (clockwise)->parts[0]->n_coords), <, 0);

  text = cr_geojson_export_string (store, result->event_id, &error);
  g_assert_no_error (error);
  json = cJSON_Parse (text);
  g_assert_nonnull (json);
  g_assert_cmpstr (cJSON_GetObjectItem (json, "type")->valuestring, ==, "FeatureCollection");
  g_assert_null (cJSON_GetObjectItem (json, "crs"));
  cJSON_ArrayForEach (feature, cJSON_GetObjectItem (json, "features"))
    {
      const cJSON *geometry = cJSON_GetObjectItem (feature, "geometry");
      const char *type = cJSON_GetObjectItem (geometry, "type")->valuestring;
      const cJSON *coordinates = cJSON_GetObjectItem (geometry, "coordinates");
      const cJSON *polygon;

      if (g_str_equal (type, "Polygon"))
        {
          g_assert_true (rings_follow_rhr (coordinates));
          n_polygons++;
        }
      else if (g_str_equal (type, "MultiPolygon"))
        cJSON_ArrayForEach (polygon, coordinates)
          {
            g_assert_true (rings_follow_rhr (polygon));
            n_polygons++;
          }
    }
  g_assert_cmpuint (n_polygons, ==, 4);
}

/* CRS */

static void
test_import_crs (void)
{
  g_autoptr(CrStore) store = cr_test_open_store ();
  static const char *const accepted[] = {
    "{\"type\": \"name\", \"properties\": {\"name\": \"urn:ogc:def:crs:OGC:1.3:CRS84\"}}",
    "{\"type\": \"name\", \"properties\": {\"name\": \"EPSG:4326\"}}",
    "{\"type\": \"name\", \"properties\": {\"name\": \"urn:ogc:def:crs:EPSG::4326\"}}",
    "{\"type\": \"name\", \"properties\": {\"name\": \"http://www.opengis.net/def/crs/OGC/1.3/CRS84\"}}",
    "{\"type\": \"EPSG\", \"properties\": {\"code\": 4326}}",
    "null",
  };
  static const struct
  {
    const char *crs;
    const char *named;
  } refused[] = {
    { "{\"type\": \"name\", \"properties\": {\"name\": \"urn:ogc:def:crs:EPSG::3857\"}}", "EPSG::3857" },
    { "{\"type\": \"name\", \"properties\": {\"name\": \"EPSG:43260\"}}", "EPSG:43260" },
    { "{\"type\": \"EPSG\", \"properties\": {\"code\": 31370}}", "EPSG:31370" },
  };
  gint64 n_features, n_audit;

  for (guint i = 0; i < G_N_ELEMENTS (accepted); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(CrGeojsonImportResult) result = NULL;
      g_autofree char *text = g_strdup_printf ("{\"type\": \"FeatureCollection\", \"crs\": %s, \"features\": ["
                                               "{\"type\": \"Feature\", \"properties\": {},"
                                               " \"geometry\": {\"type\": \"Point\", \"coordinates\": [4.35, 50.84]}}]}",
                                               accepted[i]);

      result = import_text (store, text, "CRS", NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (result->n_features, ==, 1);
    }

  n_features = count (store, CR_TYPE_FEATURE);
  n_audit = count (store, CR_TYPE_AUDIT_ENTRY);
  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(CrGeojsonImportResult) result = NULL;
      /* The crs may come after the features, too. */
      g_autofree char *text = g_strdup_printf ("{\"type\": \"FeatureCollection\", \"features\": ["
                                               "{\"type\": \"Feature\", \"properties\": {},"
                                               " \"geometry\": {\"type\": \"Point\", \"coordinates\": [4.35, 50.84]}}],"
                                               " \"crs\": %s}",
                                               refused[i].crs);

      result = import_text (store, text, "CRS refused", NULL, &error);
      g_assert_error (error, CR_GEOJSON_ERROR, CR_GEOJSON_ERROR_CRS);
      g_assert_null (result);
      g_assert_nonnull (strstr (error->message, refused[i].named));
    }

  /* From a file, with the crs first. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(CrGeojsonImportResult) result = import_fixture (store, "crs-refused.geojson", "Lambert", NULL, &error);

    g_assert_error (error, CR_GEOJSON_ERROR, CR_GEOJSON_ERROR_CRS);
    g_assert_nonnull (strstr (error->message, "urn:ogc:def:crs:EPSG::31370"));
    g_assert_nonnull (strstr (error->message, "crs-refused.geojson"));
  }
  g_assert_cmpint (count (store, CR_TYPE_FEATURE), ==, n_features);
  g_assert_cmpint (count (store, CR_TYPE_AUDIT_ENTRY), ==, n_audit);
  g_assert_cmpint (count (store, CR_TYPE_EVENT), ==, 1);
}

/* Bad input */

static void
test_import_bad_input (void)
{
  g_autoptr(CrStore) store = cr_test_open_store ();
  static const struct
  {
    const char *file;
    CrGeojsonError code;
    const char *message[3]; /* all must be in the message */
  } cases[] = {
    { "bad-syntax.geojson", CR_GEOJSON_ERROR_SYNTAX, { "Feature 2 (“Broken”)", "line 6, column 59", NULL } },
    { "bad-truncated.geojson", CR_GEOJSON_ERROR_SYNTAX, { "Feature 2:", "line 5, column 50", NULL } },
    { "bad-longitude.geojson", CR_GEOJSON_ERROR_FEATURE, { "Feature 2 (“Far east”)", "200.5", NULL } },
    { "bad-latitude.geojson", CR_GEOJSON_ERROR_FEATURE, { "Feature 2 (“South of the pole”)", "-95", NULL } },
    { "bad-nan.geojson", CR_GEOJSON_ERROR_FEATURE, { "Feature 2 (“Not a number”)", "NaN", NULL } },
    { "bad-unclosed-ring.geojson", CR_GEOJSON_ERROR_FEATURE, { "Feature 2 (“Open zone”)", "not closed", NULL } },
    { "bad-short-ring.geojson", CR_GEOJSON_ERROR_FEATURE, { "Feature 2 (“Flat zone”)", "3 positions", NULL } },
    { "bad-empty-geometry.geojson", CR_GEOJSON_ERROR_FEATURE, { "Feature 2 (“Nothing”)", "empty", NULL } },
    { "bad-no-geometry.geojson", CR_GEOJSON_ERROR_FEATURE, { "Feature 2 (“Nowhere”)", "no geometry", NULL } },
    { "not-geojson.json", CR_GEOJSON_ERROR_NOT_GEOJSON, { "not-geojson.json", "type", NULL } },
  };
  gint64 n_features, n_audit, n_events;
  g_autoptr(CrGeojsonImportResult) seed = NULL;
  g_autoptr(GError) seed_error = NULL;

  /* Something to keep: the database must stay exactly as it is. */
  seed = import_fixture (store, "all-types.geojson", "Existing", NULL, &seed_error);
  g_assert_no_error (seed_error);
  n_features = count (store, CR_TYPE_FEATURE);
  n_audit = count (store, CR_TYPE_AUDIT_ENTRY);
  n_events = count (store, CR_TYPE_EVENT);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(CrGeojsonImportResult) result = NULL;

      g_test_message ("%s", cases[i].file);
      result = import_fixture (store, cases[i].file, "Bad", NULL, &error);
      g_assert_null (result);
      g_assert_error (error, CR_GEOJSON_ERROR, (int) cases[i].code);
      g_test_message ("%s", error->message);
      for (guint j = 0; j < G_N_ELEMENTS (cases[i].message) && cases[i].message[j] != NULL; j++)
        g_assert_nonnull (strstr (error->message, cases[i].message[j]));
      g_assert_cmpint (count (store, CR_TYPE_FEATURE), ==, n_features);
      g_assert_cmpint (count (store, CR_TYPE_AUDIT_ENTRY), ==, n_audit);
      g_assert_cmpint (count (store, CR_TYPE_EVENT), ==, n_events);
    }
}

static void
test_import_bad_text (void)
{
  g_autoptr(CrStore) store = cr_test_open_store ();
  static const struct
  {
    const char *text;
    CrGeojsonError code;
    const char *message;
  } cases[] = {
    { "", CR_GEOJSON_ERROR_NOT_GEOJSON, "empty" },
    { "  \n ", CR_GEOJSON_ERROR_NOT_GEOJSON, "empty" },
    { "[1, 2, 3]", CR_GEOJSON_ERROR_NOT_GEOJSON, "“{”" },
    { "<kml></kml>", CR_GEOJSON_ERROR_NOT_GEOJSON, "“{”" },
    { "{\"type\": \"Topology\", \"objects\": {}}", CR_GEOJSON_ERROR_NOT_GEOJSON, "Topology" },
    { "{\"type\": \"FeatureCollection\"}", CR_GEOJSON_ERROR_NOT_GEOJSON, "features" },
    { "{\"type\": \"FeatureCollection\", \"features\": [}", CR_GEOJSON_ERROR_SYNTAX, "Feature 1: the JSON is invalid at line 1, column 44" },
    { "{\"type\": \"FeatureCollection\", \"features\": []} x", CR_GEOJSON_ERROR_SYNTAX, "line 1, column 47" },
    { "{\"type\": \"FeatureCollection\",\n \"features\": [\n\"x\"]}", CR_GEOJSON_ERROR_FEATURE, "Feature 1:" },
    { "{\"type\": \"FeatureCollection\", \"features\": [{\"type\": \"Feature\", \"properties\": {\"name\": \"P\"},"
      " \"geometry\": {\"type\": \"Point\", \"coordinates\": []}}]}",
      CR_GEOJSON_ERROR_FEATURE, "Feature 1 (“P”)" },
    { "{\"type\": \"FeatureCollection\", \"features\": [{\"type\": \"Feature\", \"properties\": {\"name\": \"C\"},"
      " \"geometry\": {\"type\": \"GeometryCollection\", \"geometries\": []}}]}",
      CR_GEOJSON_ERROR_FEATURE, "empty" },
    { "{\"type\": \"FeatureCollection\", \"features\": [{\"type\": \"Feature\", \"properties\": {\"name\": \"Q\"}}]}",
      CR_GEOJSON_ERROR_FEATURE, "Feature 1 (“Q”): the feature has no geometry" },
    { "{\"type\": \"FeatureCollection\", \"features\": [{\"type\": \"Feature\", \"properties\": {\"name\": \"R\"},"
      " \"geometry\": {\"type\": \"Circle\", \"coordinates\": [4, 50]}}]}",
      CR_GEOJSON_ERROR_FEATURE, "Circle" },
    { "{\"type\": \"FeatureCollection\", \"features\": [{\"type\": \"Feature\", \"properties\": {\"name\": \"S\"},"
      " \"geometry\": {\"type\": \"Point\", \"coordinates\": [4, 1e999]}}]}",
      CR_GEOJSON_ERROR_FEATURE, "latitude" },
    { "{\"type\": \"Point\", \"coordinates\": [4.35]}", CR_GEOJSON_ERROR_FEATURE, "single number" },
    /* GeoJSON 2008 let features carry their own crs. */
    { "{\"type\": \"FeatureCollection\", \"features\": [{\"type\": \"Feature\", \"properties\": {\"name\": \"M\"},"
      " \"crs\": {\"type\": \"name\", \"properties\": {\"name\": \"EPSG:3857\"}},"
      " \"geometry\": {\"type\": \"Point\", \"coordinates\": [4, 50]}}]}",
      CR_GEOJSON_ERROR_CRS, "Feature 1 (“M”): the coordinate reference system “EPSG:3857”" },
    { "{\"type\": \"FeatureCollection\", \"features\": [{\"type\": \"Feature\", \"properties\": {\"name\": \"\xff\xfe\"},"
      " \"geometry\": {\"type\": \"Point\", \"coordinates\": [4, 50]}}]}",
      CR_GEOJSON_ERROR_FEATURE, "UTF-8" },
    { "{\"features\": [{\"type\": \"Feature\", \"properties\": {},"
      " \"geometry\": {\"type\": \"Point\", \"coordinates\": [4, 50]}}], \"type\": \"Feature\"}",
      CR_GEOJSON_ERROR_NOT_GEOJSON, "not a FeatureCollection" },
    { "{\"type\": \"FeatureCollection\", \"features\": [{\"type\": \"Point\", \"coordinates\": [4, 50]}]}",
      CR_GEOJSON_ERROR_FEATURE, "“Point”, not a GeoJSON Feature" },
  };
  gint64 n_features = count (store, CR_TYPE_FEATURE);
  gint64 n_audit = count (store, CR_TYPE_AUDIT_ENTRY);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(CrGeojsonImportResult) result = NULL;

      result = import_text (store, cases[i].text, "Bad", NULL, &error);
      g_assert_null (result);
      {
        /* Some cases are not UTF-8 on purpose; the TAP stream must be. */
        g_autofree char *shown = g_utf8_make_valid (cases[i].text, -1);

        g_test_message ("%s → %s", shown, error->message);
      }
      g_assert_error (error, CR_GEOJSON_ERROR, (int) cases[i].code);
      g_assert_nonnull (strstr (error->message, cases[i].message));
      g_assert_cmpint (count (store, CR_TYPE_FEATURE), ==, n_features);
      g_assert_cmpint (count (store, CR_TYPE_AUDIT_ENTRY), ==, n_audit);
      g_assert_cmpint (count (store, CR_TYPE_EVENT), ==, 0);
    }
}

static void
test_import_missing_file (void)
{
  g_autoptr(CrStore) store = cr_test_open_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(CrGeojsonImportResult) result = NULL;
  g_autofree char *path = cr_test_tmp_path ("missing.geojson");

  result = cr_geojson_import_file (store, path, "Missing", NULL, NULL, &error);
  g_assert_null (result);
  g_assert_error (error, CR_GEOJSON_ERROR, CR_GEOJSON_ERROR_READ);
  g_assert_nonnull (strstr (error->message, "missing.geojson"));
  g_assert_cmpint (count (store, CR_TYPE_EVENT), ==, 0);
}

static void
test_import_skip_invalid (void)
{
  g_autoptr(CrStore) store = cr_test_open_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(CrGeojsonImportResult) result = NULL;
  g_autoptr(GListModel) list = NULL;
  CrGeojsonImportOptions options = { 0 };
  static const char *const kept[] = { "Zero", "Two", "Five" };
  static const guint skipped[] = { 1, 3, 4 };
  static const char *const reasons[] = { "“One”: latitude 95", "“Three”: the outer ring has 3 positions", "line 6, column 57" };

  /* All or nothing by default... */
  result = import_fixture (store, "skip-invalid.geojson", "Skip", NULL, &error);
  g_assert_error (error, CR_GEOJSON_ERROR, CR_GEOJSON_ERROR_FEATURE);
  g_assert_nonnull (strstr (error->message, "Feature 2 (“One”)"));
  g_assert_cmpint (count (store, CR_TYPE_FEATURE), ==, 0);
  g_clear_error (&error);

  /* ...or the valid ones, with a list of the others. */
  options.skip_invalid = TRUE;
  result = import_fixture (store, "skip-invalid.geojson", "Skip", &options, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (result->n_features, ==, G_N_ELEMENTS (kept));
  g_assert_cmpuint (result->skipped->len, ==, G_N_ELEMENTS (skipped));
  for (guint i = 0; i < G_N_ELEMENTS (skipped); i++)
    {
      CrGeojsonSkipped *s = &g_array_index (result->skipped, CrGeojsonSkipped, i);

      g_test_message ("%u: %s", s->index, s->reason);
      g_assert_cmpuint (s->index, ==, skipped[i]);
      g_assert_nonnull (strstr (s->reason, reasons[i]));
    }
  list = features_of (store, result->event_id);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, G_N_ELEMENTS (kept));
  for (guint i = 0; i < G_N_ELEMENTS (kept); i++)
    {
      g_autoptr(CrFeature) feature = g_list_model_get_item (list, i);

      g_assert_cmpstr (cr_feature_get_name (feature), ==, kept[i]);
    }

  /* Every feature invalid: an error, not an empty new event. */
  {
    g_autoptr(CrGeojsonImportResult) none = NULL;
    g_autoptr(CrEvent) event = NULL;

    none = import_text (store,
                        "{\"type\": \"FeatureCollection\", \"features\": ["
                        "{\"type\": \"Feature\", \"properties\": {\"name\": \"North\"},"
                        " \"geometry\": {\"type\": \"Point\", \"coordinates\": [4.35, 95]}},"
                        "{\"type\": \"Feature\", \"properties\": {\"name\": \"South\"},"
                        " \"geometry\": {\"type\": \"Point\", \"coordinates\": [4.35, -95]}}]}",
                        "All invalid", &options, &error);
    g_assert_error (error, CR_GEOJSON_ERROR, CR_GEOJSON_ERROR_FEATURE);
    g_assert_null (none);
    g_assert_nonnull (strstr (error->message, "None of the 2 features"));
    g_assert_nonnull (strstr (error->message, "“North”"));
    g_clear_error (&error);
    event = cr_store_find_event (store, "All invalid", NULL);
    g_assert_null (event);
    g_assert_cmpint (count (store, CR_TYPE_FEATURE), ==, G_N_ELEMENTS (kept));
  }

  /* A broken file structure cannot be skipped over. */
  {
    g_autoptr(CrGeojsonImportResult) broken = import_fixture (store, "bad-truncated.geojson", "Skip", &options, &error);

    g_assert_error (error, CR_GEOJSON_ERROR, CR_GEOJSON_ERROR_SYNTAX);
    g_assert_null (broken);
    g_assert_cmpint (count (store, CR_TYPE_FEATURE), ==, G_N_ELEMENTS (kept));
  }
}

/* The event imported into is named as the window's dialogs name one:
 * trimmed, never blank. */
static void
test_import_event_name (void)
{
  g_autoptr(CrStore) store = cr_test_open_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(CrGeojsonImportResult) blank = NULL;
  g_autoptr(CrGeojsonImportResult) padded = NULL;
  g_autoptr(CrEvent) event = NULL;
  const char *point = "{\"type\": \"Point\", \"coordinates\": [4.35, 50.84]}";

  blank = import_text (store, point, "   ", NULL, &error);
  g_assert_null (blank);
  g_assert_error (error, CR_STORE_ERROR, CR_STORE_ERROR_INVALID);
  g_assert_cmpint (count (store, CR_TYPE_EVENT), ==, 0);
  g_clear_error (&error);

  padded = import_text (store, point, "  Marathon  ", NULL, &error);
  g_assert_no_error (error);
  event = cr_store_get (store, CR_TYPE_EVENT, padded->event_id, &error);
  g_assert_cmpstr (cr_event_get_name (event), ==, "Marathon");
}

/* Properties */

static void
test_import_properties (void)
{
  g_autoptr(CrStore) store = cr_test_open_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(CrGeojsonImportResult) result = NULL;
  g_autoptr(GListModel) list = NULL;
  gint64 police = add_partner (store, "Police Bruxelles-Capitale Ixelles");

  result = import_fixture (store, "properties.geojson", "Papal visit", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (result->n_features, ==, 5);
  g_assert_cmpuint (result->n_waypoints, ==, 2);
  list = features_of (store, result->event_id);

  /* English keys, a partner, and everything else kept. */
  {
    g_autoptr(CrFeature) f = g_list_model_get_item (list, 0);
    g_autoptr(cJSON) props = properties_json (f);
    g_autoptr(cJSON) expected = cJSON_Parse ("{\"capacity\": 1200, \"tags\": [\"papal\", \"visit\"],"
                                             " \"contact\": {\"desk\": \"CP-Ops\", \"phone\": \"+32 2 000 00 00\"},"
                                             " \"type\": \"residential\"}");

    g_assert_cmpstr (cr_feature_get_name (f), ==, "Red zone Basilica");
    g_assert_cmpstr (cr_feature_get_kind (f), ==, "red_zone");
    assert_time (cr_feature_get_active_from (f), "2024-09-26T08:00:00.000Z");
    assert_time (cr_feature_get_active_to (f), "2024-09-26T16:30:00.000Z");
    g_assert_cmpstr (cr_feature_get_notes (f), ==, "Closed to all traffic");
    g_assert_cmpint (cr_feature_get_partner_id (f), ==, police);
    g_assert_true (isnan (cr_feature_get_radius_m (f)));
    g_assert_true (cJSON_Compare (props, expected, TRUE));
  }
  /* French keys in any case, a French kind label, dd-mm-yyyy Brussels
   * times; an unknown partner stays a property. */
  {
    g_autoptr(CrFeature) f = g_list_model_get_item (list, 1);
    g_autoptr(cJSON) props = properties_json (f);
    g_autoptr(cJSON) expected = cJSON_Parse ("{\"partner\": \"Unknown Org\", \"étage\": 2}");

    g_assert_cmpstr (cr_feature_get_name (f), ==, "Poste médical avancé Koekelberg");
    g_assert_cmpstr (cr_feature_get_kind (f), ==, "medical_post");
    assert_time (cr_feature_get_active_from (f), "2024-09-26T08:00:00.000Z");
    assert_time (cr_feature_get_active_to (f), "2024-09-26T20:15:30.000Z");
    g_assert_cmpint (cr_feature_get_partner_id (f), ==, 0);
    g_assert_true (cJSON_Compare (props, expected, TRUE));
  }
  /* Dutch keys and label, and waypoints in order. */
  {
    g_autoptr(CrFeature) f = g_list_model_get_item (list, 2);
    g_autoptr(GListModel) waypoints = waypoints_of (store, f);
    g_autoptr(CrWaypoint) first = NULL;
    g_autoptr(CrWaypoint) second = NULL;

    g_assert_cmpstr (cr_feature_get_name (f), ==, "Konvooi naar de Basiliek");
    g_assert_cmpstr (cr_feature_get_kind (f), ==, "motorcade");
    assert_time (cr_feature_get_active_from (f), "2024-09-26T07:00:00.000Z");
    assert_time (cr_feature_get_active_to (f), "2024-09-26T11:00:00.000Z");
    g_assert_null (cr_feature_get_properties (f));
    g_assert_cmpuint (g_list_model_get_n_items (waypoints), ==, 2);
    first = g_list_model_get_item (waypoints, 0);
    second = g_list_model_get_item (waypoints, 1);
    g_assert_cmpstr (cr_waypoint_get_name (first), ==, "Zaventem");
    g_assert_cmpfloat (cr_waypoint_get_lon (first), ==, 4.48);
    g_assert_cmpfloat (cr_waypoint_get_lat (first), ==, 50.90);
    assert_time (cr_waypoint_get_planned_at (first), "2024-09-26T09:00:00.000Z");
    g_assert_cmpstr (cr_waypoint_get_name (second), ==, "Basiliek");
    assert_time (cr_waypoint_get_planned_at (second), "2024-09-26T10:30:00.000Z");
  }
  /* An unknown kind falls through to the next key; a "from" that is no
   * time stays a property; a circle. */
  {
    g_autoptr(CrFeature) f = g_list_model_get_item (list, 3);
    g_autoptr(cJSON) props = properties_json (f);
    g_autoptr(cJSON) expected = cJSON_Parse ("{\"kind\": \"unknown-kind\", \"from\": \"Gare du Midi\"}");

    g_assert_cmpstr (cr_feature_get_name (f), ==, "Drone ban");
    g_assert_cmpstr (cr_feature_get_kind (f), ==, "drone_ban_zone");
    g_assert_null (cr_feature_get_active_from (f));
    g_assert_cmpfloat (cr_feature_get_center_lon (f), ==, 4.3517);
    g_assert_cmpfloat (cr_feature_get_center_lat (f), ==, 50.8466);
    g_assert_cmpfloat (cr_feature_get_radius_m (f), ==, 1500);
    g_assert_true (cJSON_Compare (props, expected, TRUE));
  }
  /* A number as name; no kind key: the geometry's generic kind. */
  {
    g_autoptr(CrFeature) f = g_list_model_get_item (list, 4);
    g_autoptr(cJSON) props = properties_json (f);
    g_autoptr(cJSON) expected = cJSON_Parse ("{\"cp\": \"cp_ops\"}");

    g_assert_cmpstr (cr_feature_get_name (f), ==, "42");
    g_assert_cmpstr (cr_feature_get_kind (f), ==, "point");
    g_assert_true (cJSON_Compare (props, expected, TRUE));
  }
}

static void
test_import_override_keys (void)
{
  g_autoptr(CrStore) store = cr_test_open_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(CrGeojsonImportResult) result = NULL;
  g_autoptr(CrFeature) first = NULL;
  g_autoptr(CrFeature) second = NULL;
  g_autoptr(cJSON) props = NULL;
  g_autoptr(cJSON) expected = NULL;
  CrGeojsonImportOptions options = {
    .name_key = "titre_fr",
    .kind_key = "CATEGORIE",
    .from_key = "heure_debut",
    .to_key = "heure_fin",
    .default_kind = "checkpoint",
  };

  result = import_fixture (store, "override-keys.geojson", "Overrides", &options, &error);
  g_assert_no_error (error);
  first = nth_feature (store, result->event_id, 0);
  second = nth_feature (store, result->event_id, 1);

  g_assert_cmpstr (cr_feature_get_name (first), ==, "Point presse Schuman");
  g_assert_cmpstr (cr_feature_get_kind (first), ==, "media_point");
  assert_time (cr_feature_get_active_from (first), "2024-09-27T05:45:00.000Z");
  assert_time (cr_feature_get_active_to (first), "2024-09-27T12:00:00.000Z");
  /* The usual keys are ordinary properties now. */
  props = properties_json (first);
  expected = cJSON_Parse ("{\"name\": \"Not this one\", \"start\": \"2030-01-01T00:00:00Z\"}");
  g_assert_true (cJSON_Compare (props, expected, TRUE));

  /* An unknown kind: the default kind, the value kept. */
  g_assert_cmpstr (cr_feature_get_name (second), ==, "Sans catégorie");
  g_assert_cmpstr (cr_feature_get_kind (second), ==, "checkpoint");
  g_clear_pointer (&props, cJSON_Delete);
  g_clear_pointer (&expected, cJSON_Delete);
  props = properties_json (second);
  expected = cJSON_Parse ("{\"categorie\": \"n'existe pas\"}");
  g_assert_true (cJSON_Compare (props, expected, TRUE));

  /* A named time key whose value is no time is an error. */
  {
    g_autoptr(CrGeojsonImportResult) bad = NULL;
    CrGeojsonImportOptions time_options = { .from_key = "titre_fr" };

    bad = import_fixture (store, "override-keys.geojson", "Overrides", &time_options, &error);
    g_assert_error (error, CR_GEOJSON_ERROR, CR_GEOJSON_ERROR_FEATURE);
    g_assert_nonnull (strstr (error->message, "Feature 1 (“Not this one”)"));
    g_assert_nonnull (strstr (error->message, "titre_fr"));
    g_clear_error (&error);
  }
  /* An unknown default kind is refused before anything is written. */
  {
    g_autoptr(CrGeojsonImportResult) bad = NULL;
    CrGeojsonImportOptions kind_options = { .default_kind = "no_such_kind" };

    bad = import_fixture (store, "override-keys.geojson", "Overrides", &kind_options, &error);
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
    g_assert_nonnull (strstr (error->message, "no_such_kind"));
  }
  g_assert_cmpint (count (store, CR_TYPE_FEATURE), ==, 2);
}

/* Events and audit */

static void
test_import_event_and_audit (void)
{
  g_autoptr(CrStore) store = cr_test_open_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(CrGeojsonImportResult) first = NULL;
  g_autoptr(CrGeojsonImportResult) second = NULL;
  g_autoptr(CrGeojsonImportResult) named = NULL;
  g_autoptr(GListModel) audit = NULL;
  g_autoptr(CrAuditEntry) entry = NULL;
  g_autoptr(cJSON) json = NULL;
  g_autoptr(CrEvent) event = NULL;
  gint64 n_audit;

  first = import_fixture (store, "all-types.geojson", "Papal Visit 2024", NULL, &error);
  g_assert_no_error (error);
  g_assert_true (first->event_created);
  n_audit = count (store, CR_TYPE_AUDIT_ENTRY);

  second = import_fixture (store, "all-types.geojson", "PAPAL visit 2024", NULL, &error);
  g_assert_no_error (error);
  g_assert_false (second->event_created);
  g_assert_cmpint (second->event_id, ==, first->event_id);
  g_assert_cmpint (count (store, CR_TYPE_EVENT), ==, 1);
  g_assert_cmpint (count (store, CR_TYPE_FEATURE), ==, 20);

  /* One audit row per import, naming the file and the count. */
  g_assert_cmpint (count (store, CR_TYPE_AUDIT_ENTRY), ==, n_audit + 1);
  audit = cr_store_list (store, CR_TYPE_AUDIT_ENTRY, NULL, 0, &error);
  g_assert_no_error (error);
  entry = g_list_model_get_item (audit, g_list_model_get_n_items (audit) - 1);
  g_assert_cmpstr (cr_audit_entry_get_action (entry), ==, "import");
  json = cJSON_Parse (cr_audit_entry_get_after (entry));
  g_assert_nonnull (json);
  g_assert_cmpstr (cJSON_GetObjectItem (json, "source")->valuestring, ==, "all-types.geojson");
  g_assert_cmpint (cJSON_GetObjectItem (json, "features")->valueint, ==, 10);

  /* Without an event name, the file names the event. */
  named = import_fixture (store, "properties.geojson", NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (named->event_created);
  event = cr_store_get (store, CR_TYPE_EVENT, named->event_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cr_event_get_name (event), ==, "properties");
}

/* Cancellation and progress */

static char *
generate_collection (guint n,
                     guint seed)
{
  GString *out = g_string_new ("{\"type\": \"FeatureCollection\", \"features\": [\n");
  GRand *rand = g_rand_new_with_seed (seed);

  for (guint i = 0; i < n; i++)
    {
      double cx = g_rand_double_range (rand, 4.24, 4.48);
      double cy = g_rand_double_range (rand, 50.76, 50.92);
      double r = g_rand_double_range (rand, 0.001, 0.004);
      guint vertices = 4 + i % 20;
      static const char *const kinds[] = { "red_zone", "orange_zone", "motorcade", "cp_ops" };

      if (i > 0)
        g_string_append (out, ",\n");
      g_string_append_printf (out,
                              "{\"type\": \"Feature\", \"properties\": {\"name\": \"Feature %u\", \"kind\": \"%s\","
                              " \"start\": \"2024-09-%02uT%02u:00:00Z\", \"seq\": %u, \"note\": \"n\\u00e9 %u\"},"
                              " \"geometry\": ",
                              i, kinds[i % 4], 1 + i % 28, i % 24, i, i);
      if (i % 4 == 3)
        g_string_append_printf (out, "{\"type\": \"Point\", \"coordinates\": [%.7f, %.7f]}", cx, cy);
      else if (i % 4 == 2)
        g_string_append_printf (out, "{\"type\": \"LineString\", \"coordinates\": [[%.7f, %.7f], [%.7f, %.7f]]}",
                                cx, cy, cx + r, cy + r);
      else
        {
          g_string_append (out, "{\"type\": \"Polygon\", \"coordinates\": [[");
          for (guint k = 0; k < vertices; k++)
            {
              double a = 2 * G_PI * k / vertices;

              g_string_append_printf (out, "[%.7f, %.7f], ", cx + r * cos (a), cy + 0.63 * r * sin (a));
            }
          g_string_append_printf (out, "[%.7f, %.7f]]]}", cx + r, cy);
        }
      g_string_append (out, "}");
    }
  g_string_append (out, "\n]}\n");
  g_rand_free (rand);
  return g_string_free (out, FALSE);
}

typedef struct
{
  GCancellable *cancellable;
  double last;
  guint calls;
  gboolean monotonic;
} ProgressData;

static void
progress_cb (double   fraction,
             gpointer user_data)
{
  ProgressData *data = user_data;

  if (fraction < data->last || fraction < 0 || fraction > 1)
    data->monotonic = FALSE;
  data->last = fraction;
  data->calls++;
  if (data->cancellable != NULL)
    g_cancellable_cancel (data->cancellable);
}

static void
test_import_cancel (void)
{
  g_autoptr(CrStore) store = cr_test_open_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(CrGeojsonImportResult) result = NULL;
  g_autofree char *text = generate_collection (3000, 7);
  g_autoptr(GBytes) bytes = g_bytes_new_take (g_steal_pointer (&text), strlen (text));
  ProgressData data = { cancellable, 0, 0, TRUE };
  CrGeojsonImportOptions options = { .n_threads = 2, .progress = progress_cb, .progress_data = &data };

  /* Cancelled before it starts. */
  g_cancellable_cancel (cancellable);
  result = cr_geojson_import_bytes (store, bytes, "big.geojson", "Cancelled", NULL, cancellable, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (result);
  g_clear_error (&error);

  /* Cancelled half-way, from the progress callback. */
  g_cancellable_reset (cancellable);
  result = cr_geojson_import_bytes (store, bytes, "big.geojson", "Cancelled", &options, cancellable, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (result);
  g_assert_cmpuint (data.calls, >=, 1);
  g_assert_cmpfloat (data.last, <, 1.0);

  g_assert_cmpint (count (store, CR_TYPE_FEATURE), ==, 0);
  g_assert_cmpint (count (store, CR_TYPE_EVENT), ==, 0);
  g_assert_cmpint (count (store, CR_TYPE_AUDIT_ENTRY), ==, 0);
}

/* Threads: the same rows in the same order as with one thread. */

static void
assert_same_features (CrStore *store,
                      gint64   event_a,
                      gint64   event_b,
                      gboolean exact_geometry)
{
  g_autoptr(GListModel) a = features_of (store, event_a);
  g_autoptr(GListModel) b = features_of (store, event_b);
  guint n = g_list_model_get_n_items (a);

  g_assert_cmpuint (g_list_model_get_n_items (b), ==, n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CrFeature) fa = g_list_model_get_item (a, i);
      g_autoptr(CrFeature) fb = g_list_model_get_item (b, i);
      g_autoptr(CrGeometry) ga = cr_geometry_copy (cr_feature_get_geometry (fa));
      g_autoptr(CrGeometry) gb = cr_geometry_copy (cr_feature_get_geometry (fb));
      g_autoptr(cJSON) pa = properties_json (fa);
      g_autoptr(cJSON) pb = properties_json (fb);
      g_autofree char *from_a = time_text (cr_feature_get_active_from (fa));
      g_autofree char *from_b = time_text (cr_feature_get_active_from (fb));
      g_autofree char *to_a = time_text (cr_feature_get_active_to (fa));
      g_autofree char *to_b = time_text (cr_feature_get_active_to (fb));
      g_autoptr(GListModel) wa = waypoints_of (store, fa);
      g_autoptr(GListModel) wb = waypoints_of (store, fb);

      g_assert_cmpstr (cr_feature_get_name (fa), ==, cr_feature_get_name (fb));
      g_assert_cmpstr (cr_feature_get_kind (fa), ==, cr_feature_get_kind (fb));
      g_assert_cmpstr (cr_feature_get_notes (fa), ==, cr_feature_get_notes (fb));
      g_assert_cmpstr (from_a, ==, from_b);
      g_assert_cmpstr (to_a, ==, to_b);
      g_assert_cmpint (cr_feature_get_partner_id (fa), ==, cr_feature_get_partner_id (fb));
      g_assert_true ((pa == NULL && pb == NULL) || cJSON_Compare (pa, pb, TRUE));
      if (isnan (cr_feature_get_radius_m (fa)))
        g_assert_true (isnan (cr_feature_get_radius_m (fb)));
      else
        {
          g_assert_cmpfloat (cr_feature_get_radius_m (fa), ==, cr_feature_get_radius_m (fb));
          g_assert_cmpfloat (cr_feature_get_center_lon (fa), ==, cr_feature_get_center_lon (fb));
          g_assert_cmpfloat (cr_feature_get_center_lat (fa), ==, cr_feature_get_center_lat (fb));
        }
      if (!exact_geometry)
        {
          cr_geometry_orient_rhr (ga);
          cr_geometry_orient_rhr (gb);
        }
      g_assert_true (cr_geometry_equal (ga, gb));

      g_assert_cmpuint (g_list_model_get_n_items (wa), ==, g_list_model_get_n_items (wb));
      for (guint w = 0; w < g_list_model_get_n_items (wa); w++)
        {
          g_autoptr(CrWaypoint) xa = g_list_model_get_item (wa, w);
          g_autoptr(CrWaypoint) xb = g_list_model_get_item (wb, w);
          g_autofree char *ta = time_text (cr_waypoint_get_planned_at (xa));
          g_autofree char *tb = time_text (cr_waypoint_get_planned_at (xb));

          g_assert_cmpstr (cr_waypoint_get_name (xa), ==, cr_waypoint_get_name (xb));
          g_assert_cmpfloat (cr_waypoint_get_lon (xa), ==, cr_waypoint_get_lon (xb));
          g_assert_cmpfloat (cr_waypoint_get_lat (xa), ==, cr_waypoint_get_lat (xb));
          g_assert_cmpstr (ta, ==, tb);
        }
    }
}

static void
test_import_threads (void)
{
  g_autoptr(CrStore) store = cr_test_open_store ();
  g_autofree char *text = generate_collection (4000, 42);
  g_autoptr(GBytes) bytes = g_bytes_new_take (g_steal_pointer (&text), strlen (text));
  g_autoptr(CrGeojsonImportResult) single = NULL;
  g_autoptr(CrGeojsonImportResult) multi = NULL;
  g_autoptr(GError) error = NULL;
  ProgressData data = { NULL, 0, 0, TRUE };
  CrGeojsonImportOptions one = { .n_threads = 1 };
  CrGeojsonImportOptions four = { .n_threads = 4, .progress = progress_cb, .progress_data = &data };
  g_autoptr(CrFeature) sample = NULL;

  single = cr_geojson_import_bytes (store, bytes, "gen.geojson", "One thread", &one, NULL, &error);
  g_assert_no_error (error);
  multi = cr_geojson_import_bytes (store, bytes, "gen.geojson", "Four threads", &four, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (single->n_features, ==, 4000);
  g_assert_cmpuint (multi->n_features, ==, 4000);
  assert_same_features (store, single->event_id, multi->event_id, TRUE);

  /* In file order. */
  for (guint i = 0; i < 4000; i += 997)
    {
      g_autoptr(CrFeature) f = nth_feature (store, multi->event_id, i);
      g_autofree char *name = g_strdup_printf ("Feature %u", i);

      g_assert_cmpstr (cr_feature_get_name (f), ==, name);
    }
  sample = nth_feature (store, multi->event_id, 5);
  g_assert_cmpstr (cr_feature_get_properties (sample), ==, "{\"seq\":5,\"note\":\"né 5\"}");

  g_assert_true (data.monotonic);
  g_assert_cmpuint (data.calls, >=, 2);
  g_assert_cmpfloat (data.last, ==, 1.0);
}

/* Export */

static void
test_export_round_trip (void)
{
  g_autoptr(CrStore) store = cr_test_open_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(CrGeojsonImportResult) types = NULL;
  g_autoptr(CrGeojsonImportResult) props = NULL;
  g_autoptr(CrGeojsonImportResult) back = NULL;
  g_autoptr(CrGeojsonImportResult) back_again = NULL;
  g_autofree char *text = NULL;
  g_autofree char *text_again = NULL;
  g_autofree char *path = cr_test_tmp_path ("export.geojson");
  g_autofree char *name_collision = NULL;

  add_partner (store, "Police Bruxelles-Capitale Ixelles");
  types = import_fixture (store, "all-types.geojson", "Source", NULL, &error);
  g_assert_no_error (error);
  props = import_fixture (store, "properties.geojson", "Source", NULL, &error);
  g_assert_no_error (error);
  /* A stored "name" that is no text must not hide the feature's name. */
  name_collision = g_strdup ("{\"type\": \"Feature\", \"properties\": {\"name\": {\"fr\": \"Gare\", \"nl\": \"Station\"},"
                             " \"nom\": \"Gare du Nord\", \"kind\": \"nope\", \"type\": \"checkpoint\"},"
                             " \"geometry\": {\"type\": \"Point\", \"coordinates\": [4.36, 50.86]}}");
  g_clear_pointer (&back, cr_geojson_import_result_free);
  back = import_text (store, name_collision, "Source", NULL, &error);
  g_assert_no_error (error);

  g_assert_true (cr_geojson_export_file (store, types->event_id, path, &error));
  g_assert_no_error (error);
  g_clear_pointer (&back, cr_geojson_import_result_free);
  back = cr_geojson_import_file (store, path, "Copy", NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (back->n_features, ==, 16);
  g_assert_cmpuint (back->n_waypoints, ==, 2);
  assert_same_features (store, types->event_id, back->event_id, FALSE);

  /* And the export of the copy is the export of the original. */
  text = cr_geojson_export_string (store, types->event_id, &error);
  g_assert_no_error (error);
  text_again = cr_geojson_export_string (store, back->event_id, &error);
  g_assert_no_error (error);
  {
    g_autoptr(cJSON) a = cJSON_Parse (text);
    g_autoptr(cJSON) b = cJSON_Parse (text_again);

    cJSON_DeleteItemFromObject (a, "name");
    cJSON_DeleteItemFromObject (b, "name");
    g_assert_true (cJSON_Compare (a, b, TRUE));
  }
  /* Times are UTC ISO 8601. */
  g_assert_nonnull (strstr (text, "\"active_from\":\"2024-09-26T08:00:00.000Z\""));

  /* A second round trip changes nothing either. */
  back_again = import_text (store, text_again, "Copy of copy", NULL, &error);
  g_assert_no_error (error);
  assert_same_features (store, back->event_id, back_again->event_id, TRUE);
}

static void
test_export_errors (void)
{
  g_autoptr(CrStore) store = cr_test_open_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(CrGeojsonImportResult) result = NULL;
  g_autofree char *dir = cr_test_tmp_path ("no-such-dir");
  g_autofree char *path = g_build_filename (dir, "out.geojson", NULL);
  g_autofree char *existing = cr_test_tmp_path ("existing.geojson");
  g_autofree char *contents = NULL;

  result = import_fixture (store, "all-types.geojson", "Export", NULL, &error);
  g_assert_no_error (error);

  g_assert_false (cr_geojson_export_file (store, result->event_id, path, &error));
  g_assert_error (error, CR_GEOJSON_ERROR, CR_GEOJSON_ERROR_WRITE);
  g_assert_nonnull (strstr (error->message, "out.geojson"));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  /* An unknown event writes nothing over an existing file. */
  g_assert_true (g_file_set_contents (existing, "keep me", -1, NULL));
  g_assert_false (cr_geojson_export_file (store, 9999, existing, &error));
  g_assert_nonnull (error);
  g_assert_true (g_file_get_contents (existing, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "keep me");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/geojson/import/geometry-types", test_import_geometry_types);
  g_test_add_func ("/geojson/import/single-feature-and-geometry", test_import_single_feature_and_geometry);
  g_test_add_func ("/geojson/import/crs", test_import_crs);
  g_test_add_func ("/geojson/import/bad-input", test_import_bad_input);
  g_test_add_func ("/geojson/import/bad-text", test_import_bad_text);
  g_test_add_func ("/geojson/import/missing-file", test_import_missing_file);
  g_test_add_func ("/geojson/import/skip-invalid", test_import_skip_invalid);
  g_test_add_func ("/geojson/import/event-name", test_import_event_name);
  g_test_add_func ("/geojson/import/properties", test_import_properties);
  g_test_add_func ("/geojson/import/override-keys", test_import_override_keys);
  g_test_add_func ("/geojson/import/event-and-audit", test_import_event_and_audit);
  g_test_add_func ("/geojson/import/cancel", test_import_cancel);
  g_test_add_func ("/geojson/import/threads", test_import_threads);
  g_test_add_func ("/geojson/export/winding", test_export_winding);
  g_test_add_func ("/geojson/export/round-trip", test_export_round_trip);
  g_test_add_func ("/geojson/export/errors", test_export_errors);

  return g_test_run ();
}
