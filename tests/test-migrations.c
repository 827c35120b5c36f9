/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-migrations"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cr-audit-entry.h"
#include "cr-contact.h"
#include "cr-log-entry.h"
#include "cr-partner.h"
#include "cr-role.h"
#include "cr-spoc-assignment.h"
#include "cr-store-contacts.h"
#include "cr-store-private.h"
#include "cr-test-utils.h"
#include "cr-time.h"
#include "cr-waypoint.h"
#include "cr-wkb.h"

/* ---- Raw SQLite ---- */

static sqlite3 *
raw_open (const char *path)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 5000);
  /* The R*Tree triggers call these, as any GeoPackage writer provides. */
  _cr_store_register_functions (db);
  return db;
}

static gint64
raw_int (sqlite3    *db,
         const char *sql)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    g_error ("%s: %s", sql, sqlite3_errmsg (db));
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int64 (stmt, 0);
}

static void
raw_exec_ok (sqlite3    *db,
             const char *sql)
{
  char *msg = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &msg) != SQLITE_OK)
    g_error ("%s: %s", sql, msg);
}

/* Inserts a feature with a GeoPackage geometry by hand. */
static gint64
raw_insert_feature (sqlite3    *db,
                    gint64      event_id,
                    const char *kind,
                    const char *name,
                    CrGeometry *geometry)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GBytes) blob = cr_gpkg_blob_new (geometry, CR_SRS_WGS84);

  g_assert_cmpint (sqlite3_prepare_v2 (db, "INSERT INTO features (event_id, kind, name, geometry,"
                                           " active_from, center_lon, center_lat, radius_m)"
                                           " VALUES (?, ?, ?, ?, '2024-09-26T06:00:00.000Z',"
                                           " 4.35, 50.85, 120.5)",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  /* 0: no event, as reference features were written before layers. */
  if (event_id > 0)
    sqlite3_bind_int64 (stmt, 1, event_id);
  sqlite3_bind_text (stmt, 2, kind, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, name, -1, SQLITE_STATIC);
  sqlite3_bind_blob (stmt, 4, g_bytes_get_data (blob, NULL), (int) g_bytes_get_size (blob), SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    g_error ("insert feature: %s", sqlite3_errmsg (db));
  return sqlite3_last_insert_rowid (db);
}

/* The whole schema, as text, in a stable order. */
static char *
schema_dump (const char *path)
{
  sqlite3 *db = raw_open (path);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  GString *out = g_string_new (NULL);

  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT type, name, tbl_name, sql FROM sqlite_master"
                                           " ORDER BY type, name", -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (out, "%s|%s|%s|%s\n", sqlite3_column_text (stmt, 0),
                            sqlite3_column_text (stmt, 1), sqlite3_column_text (stmt, 2),
                            sqlite3_column_text (stmt, 3) ? (const char *) sqlite3_column_text (stmt, 3) : "NULL");
  g_string_append_printf (out, "application_id=%" G_GINT64_FORMAT "\n",
                          raw_int (db, "PRAGMA application_id"));
  g_string_append_printf (out, "user_version=%" G_GINT64_FORMAT "\n", raw_int (db, "PRAGMA user_version"));
  g_clear_pointer (&stmt, sqlite3_finalize);
  sqlite3_close (db);
  return g_string_free (out, FALSE);
}

static char *
fresh_schema (void)
{
  g_autoptr(CrStore) store = cr_test_open_store ();
  g_autofree char *path = g_strdup (cr_store_get_path (store));

  g_clear_object (&store);
  return schema_dump (path);
}

/* Counts the migrations the store runs, from its debug messages. */
static guint n_migrations;

static void
log_cb (const char     *domain,
        GLogLevelFlags  level,
        const char     *message,
        gpointer        user_data)
{
  if (g_str_has_prefix (message, "Migrating schema"))
    n_migrations++;
}

/* ---- Rows a file of each version holds ---- */

typedef struct
{
  gint64 event;
  gint64 zone;
  gint64 point;
  gint64 waypoint;
  gint64 partner;
  gint64 contact;
  gint64 spoc;
  gint64 role;
  gint64 loose;      /* a feature of no event, from before reference layers */
  gint64 template;
  gint64 activation;
  gint64 log_entry;
  gint64 alert_test;
  gint64 layer;
  gint64 area;
  gint64 item;
  gint64 tick;
  gint64 n_audit;
  int version;
} Rows;

static void
insert_rows (sqlite3 *db,
             int      version,
             Rows    *rows)
{
  g_autoptr(CrGeometry) zone = cr_geometry_new_circle (4.35, 50.85, 400, 16);
  g_autoptr(CrGeometry) point = cr_geometry_new_point (4.3517, 50.8467);
  g_autofree char *sql = NULL;

  rows->version = version;
  /* Version 1: events, kinds, features, waypoints, audit. */
  raw_exec_ok (db, "INSERT INTO events (name, kind, status, starts, ends, description, archived, version)"
                   " VALUES ('Visite papale 2024', 'visit', 'ready', '2024-09-26T06:00:00.000Z',"
                   " '2024-09-29T18:00:00.000Z', 'Written by release 1', 0, 3)");
  rows->event = sqlite3_last_insert_rowid (db);
  raw_exec_ok (db, "INSERT INTO feature_kinds (code, \"group\", label_en, label_fr, label_nl,"
                   " stroke_color, sort_order) VALUES ('crowd_barrier', 'perimeter', 'Crowd barrier',"
                   " 'Barrière Nadar', 'Nadarhek', '#000000', 500)");
  rows->zone = raw_insert_feature (db, rows->event, "red_zone", "Zone rouge", zone);
  rows->point = raw_insert_feature (db, rows->event, "crowd_barrier", "Barrière", point);
  rows->loose = raw_insert_feature (db, 0, "area", "Commune", zone);
  sql = g_strdup_printf ("INSERT INTO waypoints (feature_id, position, name, lon, lat, planned_at)"
                         " VALUES (%" G_GINT64_FORMAT ", 0, 'Basilique', 4.3175, 50.8667,"
                         " '2024-09-29T08:00:00.000Z')", rows->zone);
  raw_exec_ok (db, sql);
  rows->waypoint = sqlite3_last_insert_rowid (db);
  raw_exec_ok (db, "INSERT INTO audit (at, operator, table_name, row_id, action, after)"
                   " VALUES ('2024-09-01T10:00:00.000Z', 'Release 1', 'events', 1, 'insert', '{}')");

  if (version >= 2)
    {
      raw_exec_ok (db, "INSERT INTO partners (name, partner_type, languages)"
                       " VALUES ('SIAMU', 'fire-ems', 'fr,nl')");
      rows->partner = sqlite3_last_insert_rowid (db);
      g_free (sql);
      sql = g_strdup_printf ("INSERT INTO contacts (partner_id, name, availability, verified_at)"
                             " VALUES (%" G_GINT64_FORMAT ", 'Dispatching', '24-7',"
                             " '2024-06-01T08:00:00.000Z')", rows->partner);
      raw_exec_ok (db, sql);
      rows->contact = sqlite3_last_insert_rowid (db);
      g_free (sql);
      sql = g_strdup_printf ("INSERT INTO spoc_assignments (partner_id, contact_id, rank)"
                             " VALUES (%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", 1)",
                             rows->partner, rows->contact);
      raw_exec_ok (db, sql);
      rows->spoc = sqlite3_last_insert_rowid (db);
      g_free (sql);
      sql = g_strdup_printf ("INSERT INTO roles (event_id, partner_id, discipline, responsibility, sector_id)"
                             " VALUES (%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", 'd1', 'PMA',"
                             " %" G_GINT64_FORMAT ")", rows->event, rows->partner, rows->zone);
      raw_exec_ok (db, sql);
      rows->role = sqlite3_last_insert_rowid (db);
      g_free (sql);
      sql = g_strdup_printf ("UPDATE features SET partner_id = %" G_GINT64_FORMAT " WHERE id = %"
                             G_GINT64_FORMAT, rows->partner, rows->point);
      raw_exec_ok (db, sql);
    }

  if (version >= 3)
    {
      raw_exec_ok (db, "INSERT INTO checklist_templates (name, event_kind) VALUES ('Visite', 'visit')");
      rows->template = sqlite3_last_insert_rowid (db);
      g_free (sql);
      sql = g_strdup_printf ("INSERT INTO activations (event_id, name, level, opened_at, opened_by)"
                             " VALUES (%" G_GINT64_FORMAT ", 'Activation J1', 'full',"
                             " '2024-09-26T05:00:00.000Z', 'Release 3')", rows->event);
      raw_exec_ok (db, sql);
      rows->activation = sqlite3_last_insert_rowid (db);
      g_free (sql);
      sql = g_strdup_printf ("INSERT INTO logbook (recorded_at, author, category, text, activation_id)"
                             " VALUES ('2024-09-26T05:01:00.000Z', 'Release 3', 'decision',"
                             " 'Ouverture', %" G_GINT64_FORMAT ")", rows->activation);
      raw_exec_ok (db, sql);
      rows->log_entry = sqlite3_last_insert_rowid (db);
      g_free (sql);
      sql = g_strdup_printf ("INSERT INTO alert_tests (partner_id, contact_id, channel, outcome)"
                             " VALUES (%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", 'sms', 'confirmed')",
                             rows->partner, rows->contact);
      raw_exec_ok (db, sql);
      rows->alert_test = sqlite3_last_insert_rowid (db);
    }

  if (version >= 4)
    {
      g_autoptr(CrGeometry) commune = cr_geometry_new_circle (4.36, 50.83, 900, 24);

      raw_exec_ok (db, "INSERT INTO reference_layers (name, source, visible)"
                       " VALUES ('Communes', 'communes.geojson', 0)");
      rows->layer = sqlite3_last_insert_rowid (db);
      rows->area = raw_insert_feature (db, 0, "area", "Ixelles", commune);
      g_free (sql);
      sql = g_strdup_printf ("UPDATE features SET layer_id = %" G_GINT64_FORMAT " WHERE id = %" G_GINT64_FORMAT ";"
                             "UPDATE partners SET area_feature_id = %" G_GINT64_FORMAT
                             " WHERE id = %" G_GINT64_FORMAT,
                             rows->layer, rows->area, rows->area, rows->partner);
      raw_exec_ok (db, sql);
    }

  if (version >= 5)
    {
      g_free (sql);
      sql = g_strdup_printf ("INSERT INTO activation_items (activation_id, cell, text, due_at, state,"
                             " state_at, state_by) VALUES (%" G_GINT64_FORMAT ", 'legal',"
                             " 'Arrêté drones', '2024-09-26T05:15:00.000Z', 'done',"
                             " '2024-09-26T05:10:00.000Z', 'Release 5')", rows->activation);
      raw_exec_ok (db, sql);
      rows->item = sqlite3_last_insert_rowid (db);
      g_free (sql);
      sql = g_strdup_printf ("INSERT INTO item_ticks (item_id, activation_id, state, previous_state,"
                             " at, recorded_at, operator) VALUES (%" G_GINT64_FORMAT ", %"
                             G_GINT64_FORMAT ", 'done', 'open', '2024-09-26T05:10:00.000Z',"
                             " '2024-09-26T05:11:00.000Z', 'Release 5')",
                             rows->item, rows->activation);
      raw_exec_ok (db, sql);
      rows->tick = sqlite3_last_insert_rowid (db);
    }
  rows->n_audit = raw_int (db, "SELECT count(*) FROM audit");
}

static void
check_rows (CrStore *store,
            int      version,
            Rows    *rows)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrEvent) event = NULL;
  g_autoptr(CrFeature) zone = NULL;
  g_autoptr(CrFeature) point = NULL;
  g_autoptr(CrWaypoint) waypoint = NULL;
  g_autoptr(CrFeatureKind) kind = NULL;
  g_autoptr(GListModel) features = NULL;
  g_autofree char *starts = NULL;
  g_autoptr(CrGeometry) expected_zone = cr_geometry_new_circle (4.35, 50.85, 400, 16);
  g_autoptr(CrGeometry) expected_point = cr_geometry_new_point (4.3517, 50.8467);
  CrBBox extent;

  event = cr_store_get (store, CR_TYPE_EVENT, rows->event, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cr_event_get_name (event), ==, "Visite papale 2024");
  g_assert_cmpint (cr_event_get_status (event), ==, CR_EVENT_STATUS_READY);
  g_assert_cmpint (cr_event_get_version (event), ==, 3);
  starts = cr_time_to_storage (cr_event_get_starts (event));
  g_assert_cmpstr (starts, ==, "2024-09-26T06:00:00.000Z");

  kind = cr_store_find_feature_kind (store, "crowd_barrier", &error);
  g_assert_no_error (error);
  g_assert_nonnull (kind);
  g_assert_cmpstr (cr_feature_kind_get_label_nl (kind), ==, "Nadarhek");

  features = cr_store_list_features (store, rows->event, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (features), ==, 2);
  zone = cr_store_get (store, CR_TYPE_FEATURE, rows->zone, &error);
  g_assert_no_error (error);
  g_assert_true (cr_geometry_equal (cr_feature_get_geometry (zone), expected_zone));
  g_assert_cmpfloat (cr_feature_get_radius_m (zone), ==, 120.5);
  g_assert_cmpint (cr_feature_get_version (zone), ==, 1);
  g_assert_cmpint (cr_feature_get_partner_id (zone), ==, 0);
  point = cr_store_get (store, CR_TYPE_FEATURE, rows->point, &error);
  g_assert_no_error (error);
  g_assert_true (cr_geometry_equal (cr_feature_get_geometry (point), expected_point));
  g_assert_cmpint (cr_feature_get_partner_id (point), ==, version >= 2 ? rows->partner : 0);

  waypoint = cr_store_get (store, CR_TYPE_WAYPOINT, rows->waypoint, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cr_waypoint_get_name (waypoint), ==, "Basilique");
  g_assert_cmpint (cr_waypoint_get_feature_id (waypoint), ==, rows->zone);

  /* The R*Tree written before the upgrade still serves. */
  g_assert_true (cr_store_get_event_extent (store, rows->event, &extent, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (extent.min_x, <, 4.35);
  g_assert_cmpfloat (extent.max_y, >, 50.85);

  if (version >= 2)
    {
      g_autoptr(CrPartner) partner = cr_store_get (store, CR_TYPE_PARTNER, rows->partner, &error);
      g_autoptr(CrContact) contact = NULL;
      g_autoptr(CrSpocAssignment) spoc = NULL;
      g_autoptr(CrRole) role = NULL;

      g_assert_no_error (error);
      g_assert_cmpstr (cr_partner_get_name (partner), ==, "SIAMU");
      g_assert_cmpint (cr_partner_get_partner_type (partner), ==, CR_PARTNER_TYPE_FIRE_EMS);
      contact = cr_store_get (store, CR_TYPE_CONTACT, rows->contact, &error);
      g_assert_no_error (error);
      g_assert_cmpint (cr_contact_get_availability (contact), ==, CR_AVAILABILITY_ALWAYS);
      g_assert_nonnull (cr_contact_get_verified_at (contact));
      spoc = cr_store_get (store, CR_TYPE_SPOC_ASSIGNMENT, rows->spoc, &error);
      g_assert_no_error (error);
      g_assert_cmpint (cr_spoc_assignment_get_contact_id (spoc), ==, rows->contact);
      role = cr_store_get (store, CR_TYPE_ROLE, rows->role, &error);
      g_assert_no_error (error);
      g_assert_cmpint (cr_role_get_discipline (role), ==, CR_DISCIPLINE_D1);
      g_assert_cmpint (cr_role_get_sector_id (role), ==, rows->zone);
    }

  if (version >= 3)
    {
      g_autoptr(CrChecklistTemplate) template = cr_store_get (store, CR_TYPE_CHECKLIST_TEMPLATE,
                                                              rows->template, &error);
      g_autoptr(CrActivation) activation = NULL;
      g_autoptr(CrLogEntry) entry = NULL;
      g_autoptr(CrAlertTest) test = NULL;

      g_assert_no_error (error);
      g_assert_cmpstr (cr_checklist_template_get_name (template), ==, "Visite");
      activation = cr_store_get (store, CR_TYPE_ACTIVATION, rows->activation, &error);
      g_assert_no_error (error);
      g_assert_cmpint (cr_activation_get_level (activation), ==, CR_ACTIVATION_LEVEL_FULL);
      g_assert_cmpint (cr_activation_get_event_id (activation), ==, rows->event);
      entry = cr_store_get (store, CR_TYPE_LOG_ENTRY, rows->log_entry, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (cr_log_entry_get_text (entry), ==, "Ouverture");
      g_assert_cmpint (cr_log_entry_get_category (entry), ==, CR_LOG_CATEGORY_DECISION);
      test = cr_store_get (store, CR_TYPE_ALERT_TEST, rows->alert_test, &error);
      g_assert_no_error (error);
      g_assert_cmpint (cr_alert_test_get_outcome (test), ==, CR_ALERT_OUTCOME_CONFIRMED);
      g_assert_cmpint (cr_alert_test_get_contact_id (test), ==, rows->contact);
    }

  /* Version 4: a feature of no event, written before layers existed, is
   * gathered into a layer of its own, visible, and so stays on the map. */
  if (version < 4)
    {
      g_autoptr(CrFeature) loose = cr_store_get (store, CR_TYPE_FEATURE, rows->loose, &error);
      g_autoptr(CrReferenceLayer) layer = NULL;
      g_autoptr(GListModel) layers = cr_store_list_reference_layers (store, &error);

      g_assert_no_error (error);
      g_assert_cmpint (cr_feature_get_event_id (loose), ==, 0);
      g_assert_cmpint (cr_feature_get_layer_id (loose), >, 0);
      layer = cr_store_get (store, CR_TYPE_REFERENCE_LAYER, cr_feature_get_layer_id (loose), &error);
      g_assert_no_error (error);
      g_assert_true (cr_reference_layer_get_visible (layer));
      g_assert_cmpstr (cr_reference_layer_get_name (layer), ==, "Reference features");
      g_assert_cmpuint (g_list_model_get_n_items (layers), ==, 1);
    }
  g_assert_cmpint (cr_feature_get_layer_id (zone), ==, 0);

  if (version >= 5)
    {
      g_autoptr(GListModel) ticks = cr_store_list_item_ticks (store, rows->activation, &error);
      g_autoptr(CrItemTick) tick = NULL;

      g_assert_no_error (error);
      g_assert_cmpuint (g_list_model_get_n_items (ticks), ==, 1);
      tick = g_list_model_get_item (ticks, 0);
      g_assert_cmpint (cr_record_get_id (CR_RECORD (tick)), ==, rows->tick);
      g_assert_cmpint (cr_item_tick_get_state (tick), ==, CR_ITEM_STATE_DONE);
      g_assert_cmpint (cr_item_tick_get_previous_state (tick), ==, CR_ITEM_STATE_OPEN);
      g_assert_cmpstr (cr_item_tick_get_operator (tick), ==, "Release 5");
    }

  /* Version 6: contacts written before the search index are in it. */
  if (version >= 2)
    {
      g_autoptr(GArray) found = cr_store_search_contacts (store, "siamu dispatch", 10, NULL, &error);

      g_assert_no_error (error);
      g_assert_cmpuint (found->len, ==, 1);
      g_assert_cmpint (g_array_index (found, gint64, 0), ==, rows->contact);
    }

  g_assert_cmpint (cr_store_count (store, CR_TYPE_AUDIT_ENTRY, NULL, 0, &error), ==, rows->n_audit);
  g_assert_no_error (error);
}

/* After the upgrade, the tables of every version take new rows. */
static void
check_writable (CrStore *store,
                Rows    *rows)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrPartner) partner = cr_partner_new ();
  g_autoptr(CrLogEntry) entry = cr_log_entry_new ();
  g_autoptr(GDateTime) now = cr_time_now_utc ();
  g_autoptr(CrEvent) event = cr_store_get (store, CR_TYPE_EVENT, rows->event, &error);

  g_assert_no_error (error);
  cr_partner_set_name (partner, "Partner after upgrade");
  g_assert_true (cr_store_insert (store, CR_RECORD (partner), &error));
  g_assert_no_error (error);
  cr_log_entry_set_recorded_at (entry, now);
  cr_log_entry_set_author (entry, "Test Operator");
  cr_log_entry_set_text (entry, "Après la mise à jour");
  cr_log_entry_set_feature_id (entry, rows->zone);
  g_assert_true (cr_store_insert (store, CR_RECORD (entry), &error));
  g_assert_no_error (error);

  /* A row written by the old release updates with its own version. */
  cr_event_set_description (event, "Upgraded");
  g_assert_true (cr_store_update (store, CR_RECORD (event), &error));
  g_assert_no_error (error);
  g_assert_cmpint (cr_event_get_version (event), ==, 4);

  /* The append-only rule holds for the logbook added by a migration. */
  g_assert_false (cr_store_delete (store, CR_RECORD (entry), &error));
  g_assert_error (error, CR_STORE_ERROR, CR_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_false (_cr_store_exec (store->db, "DELETE FROM logbook", &error));
  g_assert_error (error, CR_STORE_ERROR, CR_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);

  /* Version 5: the hash chain starts after the entries written before
   * it, which stay outside it, unsealed; the new entry is sealed. An
   * entry written with raw SQL once the chain exists breaks it. */
  if (rows->version >= 5)
    {
      guint n_ok = 0;
      gint64 bad = 0;

      g_assert_false (cr_store_verify_logbook (store, &n_ok, &bad, &error));
      g_assert_error (error, CR_STORE_ERROR, CR_STORE_ERROR_CORRUPT);
      g_clear_error (&error);
      g_assert_cmpint (bad, ==, rows->log_entry);
      g_assert_cmpuint (n_ok, ==, 0);
    }
  else
    {
      guint n_ok = 0;
      gint64 bad = -1;
      gboolean intact;

      g_assert_nonnull (cr_log_entry_get_hash (entry));
      intact = cr_store_verify_logbook (store, &n_ok, &bad, &error);
      g_assert_no_error (error);
      g_assert_true (intact);
      g_assert_cmpuint (n_ok, ==, 1);
      g_assert_cmpint (bad, ==, 0);
    }

  /* An activation opened by an older release becomes read-only once
   * closed, like one opened now. */
  if (rows->activation > 0)
    {
      g_autoptr(CrActivation) activation = NULL;

      g_assert_true (cr_store_close_activation (store, rows->activation, "Fin", NULL, &error));
      g_assert_no_error (error);
      activation = cr_store_get (store, CR_TYPE_ACTIVATION, rows->activation, &error);
      g_assert_no_error (error);
      cr_activation_set_name (activation, "Renamed");
      g_assert_false (cr_store_update (store, CR_RECORD (activation), &error));
      g_assert_error (error, CR_STORE_ERROR, CR_STORE_ERROR_READ_ONLY);
      g_clear_error (&error);
      g_assert_false (_cr_store_exec (store->db, "DELETE FROM activations", &error));
      g_assert_error (error, CR_STORE_ERROR, CR_STORE_ERROR_READ_ONLY);
    }
}

static void
test_upgrade (gconstpointer data)
{
  int version = GPOINTER_TO_INT (data);
  int latest = cr_store_latest_schema_version ();
  g_autofree char *path = cr_test_tmp_path ("old.gpkg");
  g_autofree char *expected_schema = fresh_schema ();
  g_autofree char *upgraded_schema = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CrStore) store = NULL;
  Rows rows = { 0 };
  guint handler;
  sqlite3 *db;

  store = cr_store_open_at_version (path, version, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cr_store_get_schema_version (store), ==, version);
  g_clear_object (&store);

  db = raw_open (path);
  g_assert_cmpint (raw_int (db, "SELECT value FROM cr_meta WHERE key = 'schema_version'"), ==, version);
  /* Really the old schema: a table of the next version is missing. */
  {
    static const char *const next_table[] = { NULL, "partners", "logbook", "reference_layers",
                                              "item_ticks", "contact_search" };
    g_autofree char *sql = NULL;

    g_assert_cmpint (version, <, G_N_ELEMENTS (next_table));
    sql = g_strdup_printf ("SELECT count(*) FROM sqlite_master WHERE name = '%s'", next_table[version]);
    g_assert_cmpint (raw_int (db, sql), ==, 0);
  }
  insert_rows (db, version, &rows);
  sqlite3_close (db);

  n_migrations = 0;
  handler = g_log_set_handler ("cr-store", G_LOG_LEVEL_DEBUG, log_cb, NULL);
  store = cr_store_open (path, &error);
  g_log_remove_handler ("cr-store", handler);
  g_assert_no_error (error);
  g_assert_nonnull (store);
  g_assert_cmpint (cr_store_get_schema_version (store), ==, latest);
  g_assert_cmpuint (n_migrations, ==, latest - version);

  check_rows (store, version, &rows);
  g_clear_object (&store);

  /* Same schema as a file created by this release. */
  upgraded_schema = schema_dump (path);
  g_assert_cmpstr (upgraded_schema, ==, expected_schema);

  db = raw_open (path);
  g_assert_cmpint (raw_int (db, "SELECT value FROM cr_meta WHERE key = 'schema_version'"), ==, latest);
  g_assert_cmpint (raw_int (db, "SELECT count(*) FROM pragma_foreign_key_check"), ==, 0);
  sqlite3_close (db);

  store = cr_store_open (path, &error);
  g_assert_no_error (error);
  check_writable (store, &rows);
}

static void
test_up_to_date (void)
{
  g_autoptr(CrStore) store = cr_test_open_store ();
  g_autofree char *path = g_strdup (cr_store_get_path (store));
  g_autofree char *schema_before = NULL;
  g_autofree char *schema_after = NULL;
  g_autoptr(GError) error = NULL;
  gint64 n_audit, n_events, n_kinds;
  Rows rows = { 0 };
  guint handler;

  insert_rows (store->db, cr_store_latest_schema_version (), &rows);
  n_audit = cr_store_count (store, CR_TYPE_AUDIT_ENTRY, NULL, 0, NULL);
  n_events = cr_store_count (store, CR_TYPE_EVENT, NULL, 0, NULL);
  n_kinds = cr_store_count (store, CR_TYPE_FEATURE_KIND, NULL, 0, NULL);
  g_clear_object (&store);
  schema_before = schema_dump (path);

  n_migrations = 0;
  handler = g_log_set_handler ("cr-store", G_LOG_LEVEL_DEBUG, log_cb, NULL);
  for (guint i = 0; i < 2; i++)
    {
      store = cr_store_open (path, &error);
      g_assert_no_error (error);
      g_assert_cmpint (cr_store_get_schema_version (store), ==, cr_store_latest_schema_version ());
      g_clear_object (&store);
    }
  g_log_remove_handler ("cr-store", handler);
  g_assert_cmpuint (n_migrations, ==, 0);

  schema_after = schema_dump (path);
  g_assert_cmpstr (schema_after, ==, schema_before);
  store = cr_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cr_store_count (store, CR_TYPE_AUDIT_ENTRY, NULL, 0, NULL), ==, n_audit);
  g_assert_cmpint (cr_store_count (store, CR_TYPE_EVENT, NULL, 0, NULL), ==, n_events);
  /* The seeded kinds are not seeded twice. */
  g_assert_cmpint (cr_store_count (store, CR_TYPE_FEATURE_KIND, NULL, 0, NULL), ==, n_kinds);
  /* A reference layer, its area and the partner linked to it stay. */
  {
    g_autoptr(CrReferenceLayer) layer = cr_store_find_reference_layer (store, "communes", &error);
    g_autoptr(CrFeature) area = NULL;
    g_autoptr(CrPartner) partner = NULL;

    g_assert_no_error (error);
    g_assert_nonnull (layer);
    g_assert_false (cr_reference_layer_get_visible (layer));
    g_assert_cmpstr (cr_reference_layer_get_source (layer), ==, "communes.geojson");
    area = cr_store_get (store, CR_TYPE_FEATURE, rows.area, &error);
    g_assert_no_error (error);
    g_assert_cmpint (cr_feature_get_layer_id (area), ==, rows.layer);
    partner = cr_store_get (store, CR_TYPE_PARTNER, rows.partner, &error);
    g_assert_no_error (error);
    g_assert_cmpint (cr_partner_get_area_feature_id (partner), ==, rows.area);
  }

  /* Opening an up-to-date file "at" an older version changes nothing. */
  g_clear_object (&store);
  store = cr_store_open_at_version (path, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cr_store_get_schema_version (store), ==, cr_store_latest_schema_version ());
}

/* A v1 file holding a table that a later migration wants to create. */
static void
check_failed_upgrade (const char *conflicting_table)
{
  g_autofree char *path = cr_test_tmp_path ("conflict.gpkg");
  g_autofree char *sql = NULL;
  g_autofree char *schema_before = NULL;
  g_autofree char *schema_after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CrStore) store = NULL;
  Rows rows = { 0 };
  sqlite3 *db;

  store = cr_store_open_at_version (path, 1, &error);
  g_assert_no_error (error);
  g_clear_object (&store);

  db = raw_open (path);
  insert_rows (db, 1, &rows);
  sql = g_strdup_printf ("CREATE TABLE %s (id INTEGER PRIMARY KEY, note TEXT);"
                         "INSERT INTO %s (note) VALUES ('mine');",
                         conflicting_table, conflicting_table);
  raw_exec_ok (db, sql);
  sqlite3_close (db);
  schema_before = schema_dump (path);

  store = cr_store_open (path, &error);
  g_assert_null (store);
  g_assert_nonnull (error);
  g_assert_true (error->domain == CR_STORE_ERROR);
  g_assert_nonnull (strstr (error->message, "upgrade"));
  g_clear_error (&error);

  /* Nothing of the upgrade stays: same schema, same version, same rows. */
  schema_after = schema_dump (path);
  g_assert_cmpstr (schema_after, ==, schema_before);
  db = raw_open (path);
  g_assert_cmpint (raw_int (db, "SELECT value FROM cr_meta WHERE key = 'schema_version'"), ==, 1);
  g_assert_cmpint (raw_int (db, "SELECT count(*) FROM events"), ==, 1);
  g_assert_cmpint (raw_int (db, "SELECT count(*) FROM features"), ==, 3);
  g_assert_cmpint (raw_int (db, "SELECT count(*) FROM audit"), ==, rows.n_audit);
  g_free (sql);
  sql = g_strdup_printf ("SELECT count(*) FROM %s WHERE note = 'mine'", conflicting_table);
  g_assert_cmpint (raw_int (db, sql), ==, 1);
  sqlite3_close (db);

  /* The file still opens at its own version, data intact. */
  store = cr_store_open_at_version (path, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cr_store_get_schema_version (store), ==, 1);
  {
    g_autoptr(CrEvent) event = cr_store_get (store, CR_TYPE_EVENT, rows.event, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (cr_event_get_name (event), ==, "Visite papale 2024");
  }
}

static void
test_failed_upgrade (void)
{
  /* Migration 2 fails at once. */
  check_failed_upgrade ("partners");
  /* Migration 2 succeeds, 3 fails: all or nothing, the file stays at 1. */
  check_failed_upgrade ("logbook");
  /* Migrations 2 and 3 succeed, 4 fails. */
  check_failed_upgrade ("reference_layers");
  /* Migrations 2 to 4 succeed, 5 fails. */
  check_failed_upgrade ("item_ticks");
}

/* Opened read-only, a file is looked at as it is: an older one is not
 * migrated (it says how to bring it up to date), a current one reads,
 * and refuses every write. */
static void
test_read_only (void)
{
  g_autofree char *old_path = cr_test_tmp_path ("read-only-old.gpkg");
  g_autofree char *missing = cr_test_tmp_path ("read-only-missing.gpkg");
  g_autoptr(CrStore) current = cr_test_open_store ();
  g_autofree char *path = g_strdup (cr_store_get_path (current));
  g_autoptr(CrStore) store = NULL;
  g_autoptr(CrEvent) event = cr_event_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *schema_before = NULL;
  g_autofree char *schema_after = NULL;

  store = cr_store_open_at_version (old_path, 1, &error);
  g_assert_no_error (error);
  g_clear_object (&store);
  schema_before = schema_dump (old_path);
  store = cr_store_open_read_only (old_path, &error);
  g_assert_null (store);
  g_assert_error (error, CR_STORE_ERROR, CR_STORE_ERROR_OPEN);
  g_assert_nonnull (strstr (error->message, "earlier version"));
  g_clear_error (&error);
  schema_after = schema_dump (old_path);
  g_assert_cmpstr (schema_after, ==, schema_before);

  store = cr_store_open_read_only (missing, &error);
  g_assert_null (store);
  g_assert_error (error, CR_STORE_ERROR, CR_STORE_ERROR_OPEN);
  g_clear_error (&error);
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));

  cr_event_set_name (event, "Marathon");
  g_assert_true (cr_store_insert (current, CR_RECORD (event), &error));
  g_assert_no_error (error);
  g_clear_object (&event);
  store = cr_store_open_read_only (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cr_store_count (store, CR_TYPE_EVENT, NULL, 0, NULL), ==, 1);
  event = cr_event_new ();
  cr_event_set_name (event, "Half-marathon");
  g_assert_false (cr_store_insert (store, CR_RECORD (event), &error));
  g_assert_error (error, CR_STORE_ERROR, CR_STORE_ERROR_READ_ONLY);
  g_assert_cmpint (cr_store_count (current, CR_TYPE_EVENT, NULL, 0, NULL), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  for (int v = 1; v < cr_store_latest_schema_version (); v++)
    {
      g_autofree char *name = g_strdup_printf ("/migrations/from-%d", v);

      g_test_add_data_func (name, GINT_TO_POINTER (v), test_upgrade);
    }
  g_test_add_func ("/migrations/up-to-date", test_up_to_date);
  g_test_add_func ("/migrations/failed", test_failed_upgrade);
  g_test_add_func ("/migrations/read-only", test_read_only);

  return g_test_run ();
}
