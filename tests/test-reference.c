/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-reference"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "cr-geojson.h"
#include "cr-map-renderer.h"
#include "cr-store-private.h"
#include "cr-test-utils.h"
#include "cr-wkb.h"

/* Reference layers and "who is responsible here?" below the window: the
 * schema, the import (API and command line), the areas at a point, the
 * partners linked to them, the SPOC chains, and the muted drawing.
 *
 * The layers are synthetic squares (tests/fixtures/reference/): no real
 * boundary is invented. */

/* Points of tests/fixtures/reference/sectors.geojson. */
#define INNER_LON 4.35 /* in Inner and Outer */
#define INNER_LAT 50.85
#define RING_LON 4.312 /* in the Donut's ring and Outer */
#define RING_LAT 50.82
#define HOLE_LON 4.32 /* in the Donut's hole: Outer only */
#define HOLE_LAT 50.82
#define HOLE_EDGE_LON 4.315 /* on the hole's border: still the Donut */
#define HOLE_EDGE_LAT 50.82
#define OUTER_EDGE_LON 4.30 /* on Outer's border */
#define OUTER_EDGE_LAT 50.85
#define OUTSIDE_LON 4.20
#define OUTSIDE_LAT 50.85

static CrGeojsonImportResult *
import_sectors (CrStore    *store,
                const char *fixture,
                const char *layer,
                gboolean    skip_invalid,
                GError    **error)
{
  g_autofree char *name = g_build_filename ("reference", fixture, NULL);
  g_autofree char *path = cr_test_fixture_path (name);
  CrGeojsonImportOptions options = { 0 };

  options.skip_invalid = skip_invalid;
  options.n_threads = 2;
  return cr_geojson_import_reference_file (store, path, layer, &options, NULL, error);
}

static gint64
import_layer_ok (CrStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrGeojsonImportResult) result = import_sectors (store, "sectors.geojson", "Sectors", FALSE,
                                                            &error);

  g_assert_no_error (error);
  if (result == NULL)
    g_error ("The synthetic sectors did not import");
  return result->layer_id;
}

static CrFeature *
feature_named (CrStore    *store,
               const char *name)
{
  g_autoptr(GListModel) all = cr_store_list (store, CR_TYPE_FEATURE, NULL, 0, NULL);

  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    {
      g_autoptr(CrFeature) feature = g_list_model_get_item (all, i);

      if (g_strcmp0 (cr_feature_get_name (feature), name) == 0)
        return g_steal_pointer (&feature);
    }
  g_error ("No feature named %s", name);
  return NULL;
}

static gint64
feature_id (CrStore    *store,
            const char *name)
{
  g_autoptr(CrFeature) feature = feature_named (store, name);

  return cr_record_get_id (CR_RECORD (feature));
}

/* The names of the areas at the point, comma-separated, in order. */
static char *
areas_at (CrStore *store,
          double   lon,
          double   lat)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) areas = cr_store_find_areas_at (store, lon, lat, &error);
  GString *names = g_string_new (NULL);

  g_assert_no_error (error);
  g_assert_nonnull (areas);
  for (guint i = 0; i < g_list_model_get_n_items (areas); i++)
    {
      g_autoptr(CrFeature) area = g_list_model_get_item (areas, i);

      g_string_append_printf (names, "%s%s", i ? "," : "", cr_feature_get_name (area));
    }
  return g_string_free (names, FALSE);
}

static GBytes *
json_bytes (const char *text)
{
  return g_bytes_new (text, strlen (text));
}

static gint64
insert_partner (CrStore    *store,
                const char *name)
{
  g_autoptr(CrPartner) partner = cr_partner_new ();
  g_autoptr(GError) error = NULL;

  cr_partner_set_name (partner, name);
  g_assert_true (cr_store_insert (store, CR_RECORD (partner), &error));
  g_assert_no_error (error);
  return cr_record_get_id (CR_RECORD (partner));
}

static gint64
insert_contact (CrStore    *store,
                gint64      partner,
                const char *name)
{
  g_autoptr(CrContact) contact = cr_contact_new ();
  g_autoptr(GError) error = NULL;

  cr_contact_set_partner_id (contact, partner);
  cr_contact_set_name (contact, name);
  g_assert_true (cr_store_insert (store, CR_RECORD (contact), &error));
  g_assert_no_error (error);
  return cr_record_get_id (CR_RECORD (contact));
}

static void
assign_spoc (CrStore *store,
             gint64   partner,
             gint64   contact,
             int      rank)
{
  g_autoptr(CrSpocAssignment) assignment = cr_spoc_assignment_new ();
  g_autoptr(GError) error = NULL;

  cr_spoc_assignment_set_partner_id (assignment, partner);
  cr_spoc_assignment_set_contact_id (assignment, contact);
  cr_spoc_assignment_set_rank (assignment, rank);
  g_assert_true (cr_store_insert (store, CR_RECORD (assignment), &error));
  g_assert_no_error (error);
}

/* ---- Schema ---- */

static gint64
raw_feature (CrStore    *store,
             gint64      event_id,
             const char *name,
             CrGeometry *geometry)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GBytes) blob = cr_gpkg_blob_new (geometry, CR_SRS_WGS84);

  g_assert_cmpint (sqlite3_prepare_v2 (store->db, "INSERT INTO features (event_id, kind, name, geometry)"
                                                  " VALUES (?, 'area', ?, ?)", -1, &stmt, NULL),
                   ==, SQLITE_OK);
  if (event_id > 0)
    sqlite3_bind_int64 (stmt, 1, event_id);
  sqlite3_bind_text (stmt, 2, name, -1, SQLITE_STATIC);
  sqlite3_bind_blob (stmt, 3, g_bytes_get_data (blob, NULL), (int) g_bytes_get_size (blob), SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  return sqlite3_last_insert_rowid (store->db);
}

/* A version 3 file (before reference layers) upgrades with its data; its
 * event-less polygons become a visible layer that the lookup sees. */
static void
test_migration (void)
{
  g_autofree char *path = cr_test_tmp_path ("v3.gpkg");
  g_autoptr(GError) error = NULL;
  g_autoptr(CrStore) store = NULL;
  g_autoptr(CrEvent) event = cr_event_new ();
  g_autoptr(CrGeometry) zone = cr_geometry_new_circle (4.35, 50.85, 300, 24);
  g_autoptr(CrGeometry) commune = cr_geometry_new_circle (4.36, 50.83, 900, 24);
  g_autoptr(CrFeature) event_feature = NULL;
  g_autoptr(CrFeature) loose = NULL;
  g_autoptr(CrReferenceLayer) layer = NULL;
  g_autoptr(CrPartner) partner = NULL;
  g_autofree char *found = NULL;
  gint64 event_feature_id, loose_id, partner_id;

  store = cr_store_open_at_version (path, 3, &error);
  g_assert_no_error (error);
  cr_event_set_name (event, "Before layers");
  g_assert_true (cr_store_insert (store, CR_RECORD (event), &error));
  g_assert_no_error (error);
  event_feature_id = raw_feature (store, cr_record_get_id (CR_RECORD (event)), "Zone", zone);
  loose_id = raw_feature (store, 0, "Old commune", commune);
  partner_id = insert_partner (store, "Commune partner");
  {
    g_autofree char *sql = g_strdup_printf ("UPDATE partners SET area_feature_id = %" G_GINT64_FORMAT, loose_id);

    g_assert_true (_cr_store_exec (store->db, sql, &error));
    g_assert_no_error (error);
  }
  g_clear_object (&store);

  store = cr_store_open (path, &error);
  g_assert_no_error (error);
  /* Up to date, whatever migrations came after the layers (4). */
  g_assert_cmpint (cr_store_get_schema_version (store), >=, 4);
  g_assert_cmpint (cr_store_get_schema_version (store), ==, cr_store_latest_schema_version ());

  event_feature = cr_store_get (store, CR_TYPE_FEATURE, event_feature_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cr_feature_get_event_id (event_feature), ==, cr_record_get_id (CR_RECORD (event)));
  g_assert_cmpint (cr_feature_get_layer_id (event_feature), ==, 0);
  g_assert_true (cr_geometry_equal (cr_feature_get_geometry (event_feature), zone));

  loose = cr_store_get (store, CR_TYPE_FEATURE, loose_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cr_feature_get_event_id (loose), ==, 0);
  layer = cr_store_get (store, CR_TYPE_REFERENCE_LAYER, cr_feature_get_layer_id (loose), &error);
  g_assert_no_error (error);
  g_assert_true (cr_reference_layer_get_visible (layer));
  partner = cr_store_get (store, CR_TYPE_PARTNER, partner_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cr_partner_get_area_feature_id (partner), ==, loose_id);

  found = areas_at (store, 4.36, 50.83);
  g_assert_cmpstr (found, ==, "Old commune");
}

/* ---- Import ---- */

static void
test_import (void)
{
  g_autoptr(CrStore) store = cr_test_open_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(CrGeojsonImportResult) result = NULL;
  g_autoptr(CrGeojsonImportResult) again = NULL;
  g_autoptr(CrReferenceLayer) layer = NULL;
  g_autoptr(GListModel) features = NULL;
  g_autoptr(GListModel) audit = NULL;
  g_autoptr(CrAuditEntry) last = NULL;
  static const struct
  {
    const char *name;
    const char *kind;
  } expected[] = {
    { "Outer sector", "area" },
    { "Inner sector", "red_zone" }, /* a known kind is kept */
    { "Donut sector", "area" },
    { "Depot", "point" },           /* "hospital" is no kind: the generic one */
    { "Boundary road", "line" },
  };

  result = import_sectors (store, "sectors.geojson", "Synthetic sectors", FALSE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (result);
  g_assert_cmpint (result->layer_id, >, 0);
  g_assert_true (result->layer_created);
  g_assert_cmpint (result->event_id, ==, 0);
  g_assert_false (result->event_created);
  g_assert_cmpuint (result->n_features, ==, G_N_ELEMENTS (expected));

  /* The layer is new, visible, and knows where it came from; no event. */
  layer = cr_store_get (store, CR_TYPE_REFERENCE_LAYER, result->layer_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cr_reference_layer_get_name (layer), ==, "Synthetic sectors");
  g_assert_cmpstr (cr_reference_layer_get_source (layer), ==, "sectors.geojson");
  g_assert_true (cr_reference_layer_get_visible (layer));
  g_assert_cmpint (cr_store_count (store, CR_TYPE_EVENT, NULL, 0, NULL), ==, 0);

  features = cr_store_list (store, CR_TYPE_FEATURE, "layer_id", result->layer_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (features), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr(CrFeature) feature = g_list_model_get_item (features, i);

      g_assert_cmpstr (cr_feature_get_name (feature), ==, expected[i].name);
      g_assert_cmpstr (cr_feature_get_kind (feature), ==, expected[i].kind);
      g_assert_cmpint (cr_feature_get_event_id (feature), ==, 0);
      g_assert_cmpint (cr_feature_get_layer_id (feature), ==, result->layer_id);
    }

  /* One audit row for the batch names the layer. */
  audit = cr_store_list (store, CR_TYPE_AUDIT_ENTRY, NULL, 0, &error);
  g_assert_no_error (error);
  last = g_list_model_get_item (audit, g_list_model_get_n_items (audit) - 1);
  g_assert_cmpstr (cr_audit_entry_get_action (last), ==, "import");
  g_assert_nonnull (strstr (cr_audit_entry_get_after (last), "\"layer\":\"Synthetic sectors\""));

  /* Same layer again, whatever the case: found, not created. */
  again = import_sectors (store, "sectors.geojson", "SYNTHETIC SECTORS", FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (again->layer_id, ==, result->layer_id);
  g_assert_false (again->layer_created);
  g_assert_cmpint (cr_store_count (store, CR_TYPE_REFERENCE_LAYER, NULL, 0, NULL), ==, 1);
  g_assert_cmpint (cr_store_count (store, CR_TYPE_FEATURE, "layer_id", result->layer_id, NULL), ==,
                   2 * G_N_ELEMENTS (expected));
}

static void
test_import_bytes_named_after_source (void)
{
  g_autoptr(CrStore) store = cr_test_open_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) data = json_bytes (
    "{\"type\": \"Feature\", \"properties\": {\"name\": \"Fire station\"},"
    " \"geometry\": {\"type\": \"Point\", \"coordinates\": [4.36, 50.84]}}");
  g_autoptr(CrGeojsonImportResult) result = NULL;
  g_autoptr(CrReferenceLayer) layer = NULL;

  result = cr_geojson_import_reference_bytes (store, data, "fire-stations.geojson", NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (result->n_features, ==, 1);
  layer = cr_store_get (store, CR_TYPE_REFERENCE_LAYER, result->layer_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cr_reference_layer_get_name (layer), ==, "fire-stations");
}

static void
test_import_all_or_nothing (void)
{
  g_autoptr(CrStore) store = cr_test_open_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(CrGeojsonImportResult) result = NULL;
  gint64 n_audit = cr_store_count (store, CR_TYPE_AUDIT_ENTRY, NULL, 0, NULL);

  /* The second feature is bad: nothing is written, not even the layer. */
  result = import_sectors (store, "sectors-bad.geojson", "Bad sectors", FALSE, &error);
  g_assert_null (result);
  g_assert_error (error, CR_GEOJSON_ERROR, CR_GEOJSON_ERROR_FEATURE);
  g_assert_nonnull (strstr (error->message, "Beyond the pole"));
  g_clear_error (&error);
  g_assert_cmpint (cr_store_count (store, CR_TYPE_REFERENCE_LAYER, NULL, 0, NULL), ==, 0);
  g_assert_cmpint (cr_store_count (store, CR_TYPE_FEATURE, NULL, 0, NULL), ==, 0);
  g_assert_cmpint (cr_store_count (store, CR_TYPE_AUDIT_ENTRY, NULL, 0, NULL), ==, n_audit);

  /* Skipping the invalid ones: the good one lands, the bad one is listed. */
  result = import_sectors (store, "sectors-bad.geojson", "Bad sectors", TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (result->n_features, ==, 1);
  g_assert_cmpuint (result->skipped->len, ==, 1);
  g_assert_cmpuint (g_array_index (result->skipped, CrGeojsonSkipped, 0).index, ==, 1);
  g_assert_true (result->layer_created);
  g_assert_cmpint (cr_store_count (store, CR_TYPE_FEATURE, "layer_id", result->layer_id, NULL), ==, 1);
}

static void
test_cli (void)
{
  g_autofree char *db = cr_test_tmp_path ("cli.gpkg");
  g_autofree char *good = cr_test_fixture_path ("reference/sectors.geojson");
  g_autofree char *bad = cr_test_fixture_path ("reference/sectors-bad.geojson");
  g_autoptr(GError) error = NULL;
  g_autoptr(CrStore) store = NULL;
  g_autoptr(CrReferenceLayer) layer = NULL;

  {
    g_autofree char *out = NULL;
    g_autofree char *err = NULL;

    g_assert_cmpint (cr_test_run_app (&out, &err, "--database", db, "--import-reference", good,
                                      "--layer", "Sectors", NULL), ==, 0);
    g_assert_nonnull (strstr (out, "Imported 5 features into the reference layer “Sectors” (new layer)."));
  }
  {
    g_autofree char *out = NULL;
    g_autofree char *err = NULL;

    /* A bad file: exit 1, says why, and leaves the file as it was. */
    g_assert_cmpint (cr_test_run_app (&out, &err, "--database", db, "--import-reference", bad,
                                      "--layer", "Bad", NULL), ==, 1);
    g_assert_nonnull (strstr (err, "Beyond the pole"));
    g_assert_nonnull (strstr (err, "Nothing was imported"));
  }
  {
    g_autofree char *out = NULL;
    g_autofree char *err = NULL;

    /* Usage errors: exit 2. */
    g_assert_cmpint (cr_test_run_app (&out, &err, "--database", db, "--import-reference", good,
                                      NULL), ==, 2);
    g_assert_nonnull (strstr (err, "--layer"));
  }
  {
    g_autofree char *out = NULL;
    g_autofree char *err = NULL;

    g_assert_cmpint (cr_test_run_app (&out, &err, "--database", db, "--layer", "Sectors", NULL),
                     ==, 2);
    g_assert_nonnull (strstr (err, "--import-reference"));
  }
  {
    g_autofree char *out = NULL;
    g_autofree char *err = NULL;

    g_assert_cmpint (cr_test_run_app (&out, &err, "--database", db, "--import-reference", good,
                                      "--layer", "Sectors", "--event", "Visit", NULL), ==, 2);
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
    g_assert_cmpint (cr_test_run_app (&out, &err, "--database", db, "--import-reference", good,
                                      "--layer", "Sectors", "--import-geojson", good, NULL),
                     ==, 2);
  }

  store = cr_store_open (db, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cr_store_count (store, CR_TYPE_REFERENCE_LAYER, NULL, 0, NULL), ==, 1);
  layer = cr_store_find_reference_layer (store, "sectors", &error);
  g_assert_no_error (error);
  g_assert_nonnull (layer);
  g_assert_cmpint (cr_store_count (store, CR_TYPE_FEATURE, NULL, 0, NULL), ==, 5);
  g_assert_cmpint (cr_store_count (store, CR_TYPE_EVENT, NULL, 0, NULL), ==, 0);
}

/* ---- Areas at a point ---- */

static void
test_areas_at (void)
{
  g_autoptr(CrStore) store = cr_test_open_store ();
  struct
  {
    double lon, lat;
    const char *areas;
  } cases[] = {
    /* Nested: the smallest first. */
    { INNER_LON, INNER_LAT, "Inner sector,Outer sector" },
    { RING_LON, RING_LAT, "Donut sector,Outer sector" },
    /* In the hole: not the Donut. On the hole's border: the Donut. */
    { HOLE_LON, HOLE_LAT, "Outer sector" },
    { HOLE_EDGE_LON, HOLE_EDGE_LAT, "Donut sector,Outer sector" },
    { OUTER_EDGE_LON, OUTER_EDGE_LAT, "Outer sector" },
    { OUTSIDE_LON, OUTSIDE_LAT, "" },
  };

  /* Nothing imported yet: no area anywhere. */
  {
    g_autofree char *none = areas_at (store, INNER_LON, INNER_LAT);

    g_assert_cmpstr (none, ==, "");
  }
  import_layer_ok (store);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *found = areas_at (store, cases[i].lon, cases[i].lat);

      g_test_message ("(%g, %g)", cases[i].lon, cases[i].lat);
      g_assert_cmpstr (found, ==, cases[i].areas);
    }
}

static void
test_areas_visible_layers_only (void)
{
  g_autoptr(CrStore) store = cr_test_open_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) zones = json_bytes (
    "{\"type\": \"Feature\", \"properties\": {\"name\": \"Zone X\"}, \"geometry\": {\"type\": \"Polygon\","
    " \"coordinates\": [[[4.345, 50.845], [4.355, 50.845], [4.355, 50.855], [4.345, 50.855], [4.345, 50.845]]]}}");
  g_autoptr(CrGeojsonImportResult) result = NULL;
  g_autoptr(CrReferenceLayer) layer = NULL;
  g_autofree char *path = NULL;
  gint64 sectors;

  sectors = import_layer_ok (store);
  result = cr_geojson_import_reference_bytes (store, zones, "zones", "Police zones", NULL, NULL, &error);
  g_assert_no_error (error);

  {
    g_autofree char *found = areas_at (store, INNER_LON, INNER_LAT);

    g_assert_cmpstr (found, ==, "Zone X,Inner sector,Outer sector");
  }

  /* Hidden, in the file: not asked any more, by this store or another. */
  g_assert_true (cr_store_set_reference_layer_visible (store, sectors, FALSE, &error));
  g_assert_no_error (error);
  {
    g_autofree char *found = areas_at (store, INNER_LON, INNER_LAT);

    g_assert_cmpstr (found, ==, "Zone X");
  }
  path = g_strdup (cr_store_get_path (store));
  g_clear_object (&store);
  store = cr_store_open (path, &error);
  g_assert_no_error (error);
  layer = cr_store_get (store, CR_TYPE_REFERENCE_LAYER, sectors, &error);
  g_assert_no_error (error);
  g_assert_false (cr_reference_layer_get_visible (layer));
  {
    g_autofree char *found = areas_at (store, INNER_LON, INNER_LAT);

    g_assert_cmpstr (found, ==, "Zone X");
  }

  /* The toggle is an ordinary update: versioned and audited. */
  g_assert_cmpint (cr_reference_layer_get_version (layer), ==, 2);
  g_assert_true (cr_store_set_reference_layer_visible (store, sectors, TRUE, &error));
  g_assert_no_error (error);
  g_assert_true (cr_store_set_reference_layer_visible (store, result->layer_id, FALSE, &error));
  g_assert_no_error (error);
  {
    g_autofree char *found = areas_at (store, INNER_LON, INNER_LAT);

    g_assert_cmpstr (found, ==, "Inner sector,Outer sector");
  }

  /* The layers, by name. */
  {
    g_autoptr(GListModel) layers = cr_store_list_reference_layers (store, &error);
    g_autoptr(CrReferenceLayer) first = NULL;

    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (layers), ==, 2);
    first = g_list_model_get_item (layers, 0);
    g_assert_cmpstr (cr_reference_layer_get_name (first), ==, "Police zones");
  }

  /* A layer that goes takes its features with it. */
  g_clear_object (&layer);
  layer = cr_store_get (store, CR_TYPE_REFERENCE_LAYER, sectors, &error);
  g_assert_true (cr_store_delete (store, CR_RECORD (layer), &error));
  g_assert_no_error (error);
  g_assert_cmpint (cr_store_count (store, CR_TYPE_FEATURE, "layer_id", sectors, NULL), ==, 0);
}

/* Event features are never areas, even without layers hidden. */
static void
test_areas_not_event_features (void)
{
  g_autoptr(CrStore) store = cr_test_open_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) data = json_bytes (
    "{\"type\": \"Feature\", \"properties\": {\"name\": \"Red\"}, \"geometry\": {\"type\": \"Polygon\","
    " \"coordinates\": [[[4.3, 50.8], [4.4, 50.8], [4.4, 50.9], [4.3, 50.9], [4.3, 50.8]]]}}");
  g_autoptr(CrGeojsonImportResult) result = cr_geojson_import_bytes (store, data, "zone", "Visit", NULL, NULL,
                                                                     &error);
  g_autofree char *found = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (result->layer_id, ==, 0);
  found = areas_at (store, INNER_LON, INNER_LAT);
  g_assert_cmpstr (found, ==, "");
}

/* ---- Partners and SPOC chains ---- */

static char *
partner_names (CrStore *store,
               gint64   area)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) partners = cr_store_list_area_partners (store, area, &error);
  GString *names = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (partners); i++)
    {
      g_autoptr(CrPartner) partner = g_list_model_get_item (partners, i);

      g_string_append_printf (names, "%s%s", i ? "," : "", cr_partner_get_name (partner));
    }
  return g_string_free (names, FALSE);
}

static void
test_area_partners (void)
{
  g_autoptr(CrStore) store = cr_test_open_store ();
  g_autoptr(GError) error = NULL;
  gint64 inner, outer, police, fire, commune;

  import_layer_ok (store);
  inner = feature_id (store, "Inner sector");
  outer = feature_id (store, "Outer sector");
  police = insert_partner (store, "Police zone (test)");
  fire = insert_partner (store, "Fire service (test)");
  commune = insert_partner (store, "Commune (test)");

  g_assert_true (cr_store_set_partner_area (store, police, inner, &error));
  g_assert_no_error (error);
  g_assert_true (cr_store_set_partner_area (store, fire, inner, &error));
  g_assert_no_error (error);
  g_assert_true (cr_store_set_partner_area (store, commune, outer, &error));
  g_assert_no_error (error);
  {
    g_autofree char *at_inner = partner_names (store, inner);
    g_autofree char *at_outer = partner_names (store, outer);

    /* By name. */
    g_assert_cmpstr (at_inner, ==, "Fire service (test),Police zone (test)");
    g_assert_cmpstr (at_outer, ==, "Commune (test)");
  }

  /* One area per partner: a new link replaces the old one. */
  g_assert_true (cr_store_set_partner_area (store, fire, outer, &error));
  g_assert_no_error (error);
  {
    g_autofree char *at_inner = partner_names (store, inner);
    g_autofree char *at_outer = partner_names (store, outer);

    g_assert_cmpstr (at_inner, ==, "Police zone (test)");
    g_assert_cmpstr (at_outer, ==, "Commune (test),Fire service (test)");
  }

  /* Unlink. */
  g_assert_true (cr_store_set_partner_area (store, police, 0, &error));
  g_assert_no_error (error);
  {
    g_autofree char *at_inner = partner_names (store, inner);
    g_autoptr(CrPartner) partner = cr_store_get (store, CR_TYPE_PARTNER, police, &error);

    g_assert_cmpstr (at_inner, ==, "");
    g_assert_cmpint (cr_partner_get_area_feature_id (partner), ==, 0);
    /* Linked, then unlinked: version 1 + 2 updates. */
    g_assert_cmpint (cr_partner_get_version (partner), ==, 3);
  }

  /* An event's feature is no area of responsibility; nothing changes. */
  {
    g_autoptr(GBytes) data = json_bytes (
      "{\"type\": \"Feature\", \"properties\": {}, \"geometry\": {\"type\": \"Point\", \"coordinates\": [4.3, 50.8]}}");
    g_autoptr(CrGeojsonImportResult) result = cr_geojson_import_bytes (store, data, "p", "Visit", NULL, NULL,
                                                                       &error);
    g_autoptr(GListModel) features = NULL;
    g_autoptr(CrFeature) event_feature = NULL;
    g_autoptr(CrPartner) partner = NULL;

    g_assert_no_error (error);
    features = cr_store_list_features (store, result->event_id, &error);
    event_feature = g_list_model_get_item (features, 0);
    g_assert_false (cr_store_set_partner_area (store, commune, cr_record_get_id (CR_RECORD (event_feature)),
                                               &error));
    g_assert_error (error, CR_STORE_ERROR, CR_STORE_ERROR_INVALID);
    g_clear_error (&error);
    partner = cr_store_get (store, CR_TYPE_PARTNER, commune, &error);
    g_assert_cmpint (cr_partner_get_area_feature_id (partner), ==, outer);
  }

  /* A missing area or partner is refused too. */
  g_assert_false (cr_store_set_partner_area (store, commune, 999999, &error));
  g_assert_error (error, CR_STORE_ERROR, CR_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (cr_store_set_partner_area (store, 999999, inner, &error));
  g_assert_error (error, CR_STORE_ERROR, CR_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpuint (store->tx_depth, ==, 0);

  /* An area that goes leaves its partners without one. */
  {
    g_autoptr(CrFeature) area = cr_store_get (store, CR_TYPE_FEATURE, outer, &error);
    g_autoptr(CrPartner) partner = NULL;

    g_assert_true (cr_store_delete (store, CR_RECORD (area), &error));
    g_assert_no_error (error);
    partner = cr_store_get (store, CR_TYPE_PARTNER, commune, &error);
    g_assert_cmpint (cr_partner_get_area_feature_id (partner), ==, 0);
  }
}

static void
test_spoc_chain (void)
{
  g_autoptr(CrStore) store = cr_test_open_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) chain = NULL;
  g_autoptr(GListModel) empty = NULL;
  gint64 partner = insert_partner (store, "Police zone (test)");
  gint64 other = insert_partner (store, "Other partner (test)");
  gint64 spoc = insert_contact (store, partner, "Anna SPOC");
  gint64 first = insert_contact (store, partner, "Bert Deputy");
  gint64 second = insert_contact (store, partner, "Carla Deputy");
  gint64 desk = insert_contact (store, partner, "Duty desk");
  gint64 elsewhere = insert_contact (store, other, "Erik Elsewhere");
  static const char *const expected[] = { "Anna SPOC", "Bert Deputy", "Carla Deputy" };

  /* Written out of order; the chain follows the ranks. A contact with no
   * rank (the desk) is not in the chain. */
  assign_spoc (store, partner, second, 2);
  assign_spoc (store, partner, spoc, 0);
  assign_spoc (store, partner, first, 1);
  assign_spoc (store, other, elsewhere, 0);
  (void) desk;

  chain = cr_store_list_spoc_chain (store, partner, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (chain), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr(CrContact) contact = g_list_model_get_item (chain, i);

      g_assert_cmpstr (cr_contact_get_name (contact), ==, expected[i]);
    }

  empty = cr_store_list_spoc_chain (store, insert_partner (store, "No SPOC (test)"), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (empty), ==, 0);
}

/* ---- Drawing ---- */

static void
count_changed_cb (CrMapRenderer *renderer,
                  guint         *n)
{
  (*n)++;
}

static void
test_renderer (void)
{
  g_autoptr(CrStore) store = cr_test_open_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(CrMapRenderer) reference = cr_map_renderer_new_reference (store);
  g_autoptr(CrMapRenderer) event_renderer = cr_map_renderer_new (store);
  g_autoptr(GBytes) data = json_bytes (
    "{\"type\": \"Feature\", \"properties\": {\"name\": \"Red\"}, \"geometry\": {\"type\": \"Polygon\","
    " \"coordinates\": [[[4.3, 50.8], [4.4, 50.8], [4.4, 50.9], [4.3, 50.9], [4.3, 50.8]]]}}");
  g_autoptr(CrGeojsonImportResult) event_import = NULL;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 400, 300);
  cairo_t *cr = cairo_create (surface);
  CrProjection proj;
  guint n_changed = 0;
  gint64 layer;

  cr_projection_init (&proj, 4.35, 50.85, 12, 400, 300, 256);
  g_assert_true (cr_map_renderer_get_reference (reference));
  g_assert_false (cr_map_renderer_get_reference (event_renderer));
  g_assert_cmpuint (cr_map_renderer_draw (reference, cr, &proj), ==, 0);

  layer = import_layer_ok (store);
  event_import = cr_geojson_import_bytes (store, data, "zone", "Visit", NULL, NULL, &error);
  g_assert_no_error (error);
  cr_map_renderer_set_event_id (event_renderer, event_import->event_id);

  /* Every feature of the visible layer, and none of the event's. */
  g_assert_cmpuint (cr_map_renderer_draw (reference, cr, &proj), ==, 5);
  g_assert_cmpuint (cr_map_renderer_draw (event_renderer, cr, &proj), ==, 1);
  /* Reference features are not selectable on the map. */
  g_assert_cmpint (cr_map_renderer_hit_test (reference, &proj, 200, 150, 4), ==, 0);

  /* Hiding the layer redraws, without it. */
  g_signal_connect (reference, "changed", G_CALLBACK (count_changed_cb), &n_changed);
  g_assert_true (cr_store_set_reference_layer_visible (store, layer, FALSE, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_changed, >=, 1);
  g_assert_cmpuint (cr_map_renderer_draw (reference, cr, &proj), ==, 0);
  g_assert_cmpuint (cr_map_renderer_draw (event_renderer, cr, &proj), ==, 1);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* ---- Other programs read the file ---- */

static void
test_gdal (void)
{
  const char *validator = "/usr/lib/python3/dist-packages/osgeo_utils/samples/validate_gpkg.py";
  g_autoptr(CrStore) store = cr_test_open_store ();
  g_autofree char *path = g_strdup (cr_store_get_path (store));
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status;

  if (!g_file_test ("/usr/bin/python3", G_FILE_TEST_IS_EXECUTABLE) ||
      !g_file_test (validator, G_FILE_TEST_EXISTS) || !cr_test_have_program ("ogrinfo"))
    {
      g_test_skip ("GDAL's validate_gpkg.py or ogrinfo is missing");
      return;
    }
  import_layer_ok (store);
  g_assert_true (cr_store_set_partner_area (store, insert_partner (store, "Partner"),
                                            feature_id (store, "Inner sector"), &error));
  g_assert_no_error (error);
  g_clear_object (&store);

  {
    const char *argv[] = { "/usr/bin/python3", validator, "-k", "--warning-as-error", "--extra", path, NULL };

    status = cr_test_run (argv, &out, &err);
    if (status != 0 || *out != '\0' || strstr (err, "Warning") != NULL || strstr (err, "Error") != NULL)
      g_error ("validate_gpkg.py exited with %d:\n%s\n%s", status, out, err);
  }
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  {
    g_autofree char *ogrinfo = g_find_program_in_path ("ogrinfo");
    const char *argv[] = { ogrinfo, "-ro", "-so", path, "features", NULL };

    status = cr_test_run (argv, &out, &err);
    g_assert_cmpint (status, ==, 0);
    g_assert_nonnull (strstr (out, "Feature Count: 5\n"));
    g_assert_nonnull (strstr (out, "layer_id: Integer"));
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/reference/migration", test_migration);
  g_test_add_func ("/reference/import", test_import);
  g_test_add_func ("/reference/import-bytes", test_import_bytes_named_after_source);
  g_test_add_func ("/reference/import-all-or-nothing", test_import_all_or_nothing);
  g_test_add_func ("/reference/cli", test_cli);
  g_test_add_func ("/reference/areas-at", test_areas_at);
  g_test_add_func ("/reference/areas-visible-layers", test_areas_visible_layers_only);
  g_test_add_func ("/reference/areas-not-event-features", test_areas_not_event_features);
  g_test_add_func ("/reference/area-partners", test_area_partners);
  g_test_add_func ("/reference/spoc-chain", test_spoc_chain);
  g_test_add_func ("/reference/renderer", test_renderer);
  g_test_add_func ("/reference/gdal", test_gdal);

  return g_test_run ();
}
