/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cr-store"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "cr-store-private.h"

/**
 * CrFeatureWriter:
 *
 * Bulk insertion of features for imports: prepared statements and plain
 * values, no GObject per row. It writes inside a store transaction (a
 * savepoint when the caller already has one open, so an import can be
 * part of a larger write), and a writer freed without a commit rolls back:
 * a failed import leaves the file as it was.
 *
 * Like its store, a writer belongs to one thread at a time. An import
 * that runs in a worker thread opens its own #CrStore on the same file.
 */
struct _CrFeatureWriter
{
  CrStore *store;
  sqlite3_stmt *insert_feature;
  sqlite3_stmt *insert_waypoint;
  gboolean open;
  gboolean event_created;
};

/**
 * cr_store_feature_writer_new:
 *
 * Returns: (transfer full): a writer inside an open transaction, or
 *   %NULL with @error set
 */
CrFeatureWriter *
cr_store_feature_writer_new (CrStore *self,
                             GError **error)
{
  g_autoptr(CrFeatureWriter) writer = NULL;

  g_return_val_if_fail (CR_IS_STORE (self), NULL);

  if (!cr_store_begin (self, error))
    return NULL;
  writer = g_new0 (CrFeatureWriter, 1);
  writer->store = g_object_ref (self);
  writer->open = TRUE;

  /* Statements come from the store's cache, so they stay prepared from
   * one import to the next. */
  writer->insert_feature =
    _cr_store_prepare (self,
                       "INSERT INTO features (event_id, kind, name, active_from, active_to,"
                       " partner_id, notes, properties, geometry, center_lon, center_lat,"
                       " radius_m, layer_id, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)",
                       error);
  if (writer->insert_feature == NULL)
    return NULL;
  writer->insert_waypoint =
    _cr_store_prepare (self,
                       "INSERT INTO waypoints (feature_id, position, name, lon, lat,"
                       " planned_at, version) VALUES (?, ?, ?, ?, ?, ?, 1)",
                       error);
  if (writer->insert_waypoint == NULL)
    return NULL;
  return g_steal_pointer (&writer);
}

/**
 * cr_feature_writer_ensure_event:
 * @created: (out) (optional): whether the event was created
 *
 * The id of the event named @name (without regard to case), created in
 * the writer's transaction when missing.
 *
 * Returns: the event id, or 0 with @error set
 */
gint64
cr_feature_writer_ensure_event (CrFeatureWriter *writer,
                                const char      *name,
                                gboolean        *created,
                                GError         **error)
{
  g_autoptr(CrEvent) existing = NULL;
  g_autoptr(CrEvent) event = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *stripped = NULL;

  g_return_val_if_fail (writer != NULL && writer->open, 0);
  g_return_val_if_fail (name != NULL, 0);

  if (created != NULL)
    *created = FALSE;
  /* As the window's dialogs name events: no blank name, no spaces
   * around it (an import's --event "   " made an event named so). */
  stripped = g_strstrip (g_strdup (name));
  if (*stripped == '\0')
    {
      g_set_error (error, CR_STORE_ERROR, CR_STORE_ERROR_INVALID, _("Enter a name for the event."));
      return 0;
    }
  name = stripped;
  existing = cr_store_find_event (writer->store, name, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return 0;
    }
  if (existing != NULL)
    return cr_record_get_id (CR_RECORD (existing));

  event = cr_event_new ();
  cr_event_set_name (event, name);
  if (!cr_store_insert (writer->store, CR_RECORD (event), error))
    return 0;
  writer->event_created = TRUE;
  if (created != NULL)
    *created = TRUE;
  return cr_record_get_id (CR_RECORD (event));
}

/**
 * cr_feature_writer_ensure_layer:
 * @source: (nullable): where a new layer comes from (a file name)
 * @created: (out) (optional): whether the layer was created
 *
 * The id of the reference layer named @name (without regard to case),
 * created, visible, in the writer's transaction when missing.
 *
 * Returns: the layer id, or 0 with @error set
 */
gint64
cr_feature_writer_ensure_layer (CrFeatureWriter *writer,
                                const char      *name,
                                const char      *source,
                                gboolean        *created,
                                GError         **error)
{
  g_autoptr(CrReferenceLayer) existing = NULL;
  g_autoptr(CrReferenceLayer) layer = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (writer != NULL && writer->open, 0);
  g_return_val_if_fail (name != NULL, 0);

  if (created != NULL)
    *created = FALSE;
  existing = cr_store_find_reference_layer (writer->store, name, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return 0;
    }
  if (existing != NULL)
    return cr_record_get_id (CR_RECORD (existing));

  layer = cr_reference_layer_new ();
  cr_reference_layer_set_name (layer, name);
  cr_reference_layer_set_source (layer, source);
  if (!cr_store_insert (writer->store, CR_RECORD (layer), error))
    return 0;
  if (created != NULL)
    *created = TRUE;
  return cr_record_get_id (CR_RECORD (layer));
}

static void
bind_optional_double (sqlite3_stmt *stmt,
                      int           index,
                      double        value)
{
  if (isnan (value))
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_double (stmt, index, value);
}

static gboolean
step (CrFeatureWriter *writer,
      sqlite3_stmt    *stmt,
      GError         **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (rc != SQLITE_DONE)
    return _cr_store_set_error (error, writer->store->db, rc);
  return TRUE;
}

gboolean
cr_feature_writer_add (CrFeatureWriter    *writer,
                       const CrFeatureRow *row,
                       gint64             *id,
                       GError            **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (writer != NULL && writer->open, FALSE);
  g_return_val_if_fail (row != NULL, FALSE);

  stmt = writer->insert_feature;
  /* 0 is no event (a reference layer): NULL, as for records. */
  if (row->event_id > 0)
    sqlite3_bind_int64 (stmt, 1, row->event_id);
  sqlite3_bind_text (stmt, 2, row->kind, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, row->name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, row->active_from, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, row->active_to, -1, SQLITE_STATIC);
  if (row->partner_id > 0)
    sqlite3_bind_int64 (stmt, 6, row->partner_id);
  sqlite3_bind_text (stmt, 7, row->notes, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 8, row->properties, -1, SQLITE_STATIC);
  sqlite3_bind_blob64 (stmt, 9, row->geometry, row->geometry_len, SQLITE_STATIC);
  bind_optional_double (stmt, 10, row->center_lon);
  bind_optional_double (stmt, 11, row->center_lat);
  bind_optional_double (stmt, 12, row->radius_m);
  if (row->layer_id > 0)
    sqlite3_bind_int64 (stmt, 13, row->layer_id);
  if (!step (writer, stmt, error))
    return FALSE;
  if (id != NULL)
    *id = sqlite3_last_insert_rowid (writer->store->db);
  return TRUE;
}

gboolean
cr_feature_writer_add_waypoint (CrFeatureWriter *writer,
                                gint64           feature_id,
                                int              position,
                                const char      *name,
                                double           lon,
                                double           lat,
                                const char      *planned_at,
                                GError         **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (writer != NULL && writer->open, FALSE);

  stmt = writer->insert_waypoint;
  sqlite3_bind_int64 (stmt, 1, feature_id);
  sqlite3_bind_int (stmt, 2, position);
  sqlite3_bind_text (stmt, 3, name, -1, SQLITE_STATIC);
  sqlite3_bind_double (stmt, 4, lon);
  sqlite3_bind_double (stmt, 5, lat);
  sqlite3_bind_text (stmt, 6, planned_at, -1, SQLITE_STATIC);
  return step (writer, stmt, error);
}

/**
 * cr_feature_writer_commit:
 * @audit_action: what the audit log calls this ("import")
 * @audit_json: (nullable): a JSON summary for the audit log
 *
 * Writes one audit row for the whole batch and commits; views hear of it
 * as a %CR_STORE_CHANGE_RELOAD of "features" and "waypoints".
 */
gboolean
cr_feature_writer_commit (CrFeatureWriter *writer,
                          const char      *audit_action,
                          const char      *audit_json,
                          GError         **error)
{
  g_return_val_if_fail (writer != NULL && writer->open, FALSE);

  if (!_cr_store_write_audit (writer->store->db, writer->store->operator_name, "features", 0,
                              audit_action, NULL, audit_json, error))
    return FALSE;
  _cr_store_queue_change (writer->store, "features", 0, CR_STORE_CHANGE_RELOAD);
  _cr_store_queue_change (writer->store, "waypoints", 0, CR_STORE_CHANGE_RELOAD);
  writer->open = FALSE;
  return cr_store_commit (writer->store, error);
}

/* Rolls back whatever was not committed. */
void
cr_feature_writer_free (CrFeatureWriter *writer)
{
  if (writer == NULL)
    return;
  if (writer->open)
    cr_store_rollback (writer->store);
  g_clear_object (&writer->store);
  g_free (writer);
}
