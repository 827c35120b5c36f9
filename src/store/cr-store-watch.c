/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cr-store"

#include "config.h"

#include <glib/gi18n.h>

#include "cr-store-private.h"

/* Live sharing between processes on one file.
 *
 * Another process's commit appends to the WAL file; a GFileMonitor on it
 * (inotify: no polling) wakes us, PRAGMA data_version tells whether
 * someone else really committed, and the audit rows written since the
 * last look say what changed, row by row and in order: they become
 * "changed" signals exactly like our own changes. Our own audit rows are
 * skipped: the store knows which ids its own transactions wrote (read
 * under the write lock at BEGIN and at COMMIT).
 *
 * A commit that wrote no audit row (QGIS editing the file) is announced
 * as a reload of every table. When the file disappears the store becomes
 * unavailable ("stale"), and when it comes back it reconnects and
 * announces a reload. */

typedef struct
{
  gint64 first; /* exclusive */
  gint64 last;  /* inclusive */
} OwnRange;

static const char *const all_tables[] = {
  "events", "features", "waypoints", "feature_kinds", "partners", "contacts", "spoc_assignments",
  "roles", "checklist_templates", "checklist_template_items", "activations", "activation_items",
  "logbook", "alert_campaigns", "alert_tests", "reference_layers",
};

static gint64
query_int64 (sqlite3    *db,
             const char *sql)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 value = -1;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) == SQLITE_OK && sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  return value;
}

gint64
_cr_store_max_audit_id (CrStore *self)
{
  return MAX (query_int64 (self->db, "SELECT ifnull(max(id), 0) FROM audit"), 0);
}

static gboolean
is_own (CrStore *self,
        gint64   id)
{
  for (guint i = 0; i < self->own_ranges->len; i++)
    {
      const OwnRange *r = &g_array_index (self->own_ranges, OwnRange, i);

      if (id > r->first && id <= r->last)
        return TRUE;
    }
  return FALSE;
}

/* Called inside our own transaction, under the write lock. */
void
_cr_store_note_own_audit (CrStore *self,
                          gint64   first,
                          gint64   last)
{
  OwnRange range = { first, last };

  if (last > first)
    g_array_append_val (self->own_ranges, range);
}

static CrStoreChange
change_for_action (const char *action)
{
  if (g_strcmp0 (action, "insert") == 0)
    return CR_STORE_CHANGE_INSERT;
  if (g_strcmp0 (action, "update") == 0)
    return CR_STORE_CHANGE_UPDATE;
  if (g_strcmp0 (action, "delete") == 0)
    return CR_STORE_CHANGE_DELETE;
  return CR_STORE_CHANGE_RELOAD;
}

static void
set_available (CrStore  *self,
               gboolean  available)
{
  if (self->available == available)
    return;
  self->available = available;
  g_clear_pointer (&self->unavailable_since, g_date_time_unref);
  if (!available)
    self->unavailable_since = g_date_time_new_now_utc ();
  g_object_notify (G_OBJECT (self), "available");
}

/**
 * cr_store_sync:
 *
 * Looks for changes other processes committed and announces them.
 * Called by the file monitor; public so a caller can force a look.
 *
 * Returns: how many changes were announced
 */
guint
cr_store_sync (CrStore *self)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GArray) changes = NULL;
  gint64 version;
  guint n = 0;
  int rc;

  g_return_val_if_fail (CR_IS_STORE (self), 0);

  if (self->tx_depth > 0 || self->db == NULL)
    return 0;
  version = query_int64 (self->db, "PRAGMA data_version");
  if (version < 0)
    {
      set_available (self, FALSE);
      return 0;
    }
  set_available (self, TRUE);
  if (version == self->data_version)
    return 0;
  self->data_version = version;

  rc = sqlite3_prepare_v2 (self->db,
                           "SELECT id, table_name, row_id, action FROM audit WHERE id > ? ORDER BY id",
                           -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    return 0;
  sqlite3_bind_int64 (stmt, 1, self->last_audit_id);
  changes = g_array_new (FALSE, TRUE, sizeof (CrPendingChange));
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      CrPendingChange c;

      self->last_audit_id = id;
      if (is_own (self, id))
        continue;
      c.table = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      c.row_id = sqlite3_column_int64 (stmt, 2);
      c.change = change_for_action ((const char *) sqlite3_column_text (stmt, 3));
      if (c.change == CR_STORE_CHANGE_RELOAD)
        c.row_id = 0;
      g_array_append_val (changes, c);
    }
  /* Ranges we have read past will never be seen again. */
  for (guint i = self->own_ranges->len; i-- > 0;)
    if (g_array_index (self->own_ranges, OwnRange, i).last <= self->last_audit_id)
      g_array_remove_index_fast (self->own_ranges, i);

  if (changes->len == 0)
    {
      /* Someone wrote without the audit log (another tool): everything
       * may have changed. */
      for (guint i = 0; i < G_N_ELEMENTS (all_tables); i++)
        cr_store_emit_changed (self, all_tables[i], 0, CR_STORE_CHANGE_RELOAD);
      return G_N_ELEMENTS (all_tables);
    }
  for (guint i = 0; i < changes->len; i++)
    {
      CrPendingChange *c = &g_array_index (changes, CrPendingChange, i);

      cr_store_emit_changed (self, c->table, c->row_id, c->change);
      g_free (c->table);
      n++;
    }
  return n;
}

static gboolean
sync_idle_cb (gpointer user_data)
{
  CrStore *self = user_data;

  self->sync_source = 0;
  cr_store_sync (self);
  return G_SOURCE_REMOVE;
}

/* The file came back (restored from a backup, remounted): reconnect. */
static void
reconnect (CrStore *self)
{
  g_autoptr(GError) error = NULL;
  sqlite3 *db;

  db = _cr_store_open_connection (self->path, CR_STORE_OPEN_EXISTING, &error);
  if (db == NULL)
    {
      g_debug ("Cannot reconnect to %s yet: %s", self->path, error->message);
      return;
    }
  g_hash_table_remove_all (self->statements);
  sqlite3_close (self->db);
  self->db = db;
  self->data_version = -1;
  self->last_audit_id = _cr_store_max_audit_id (self);
  set_available (self, TRUE);
  for (guint i = 0; i < G_N_ELEMENTS (all_tables); i++)
    cr_store_emit_changed (self, all_tables[i], 0, CR_STORE_CHANGE_RELOAD);
}

static void
file_changed_cb (GFileMonitor      *monitor,
                 GFile             *file,
                 GFile             *other,
                 GFileMonitorEvent  event,
                 CrStore           *self)
{
  g_autofree char *name = g_file_get_path (file);
  g_autofree char *other_name = other ? g_file_get_path (other) : NULL;
  gboolean is_main = g_strcmp0 (name, self->path) == 0;
  /* A rename within the folder names the new path in @other. */
  gboolean becomes_main = g_strcmp0 (other_name, self->path) == 0;

  if (is_main && (event == G_FILE_MONITOR_EVENT_DELETED || event == G_FILE_MONITOR_EVENT_MOVED_OUT ||
                  event == G_FILE_MONITOR_EVENT_RENAMED))
    {
      set_available (self, FALSE);
      return;
    }
  if (!self->available &&
      ((is_main && (event == G_FILE_MONITOR_EVENT_CREATED || event == G_FILE_MONITOR_EVENT_MOVED_IN ||
                    event == G_FILE_MONITOR_EVENT_CHANGES_DONE_HINT)) ||
       (becomes_main && event == G_FILE_MONITOR_EVENT_RENAMED)))
    {
      reconnect (self);
      return;
    }
  /* Many events per commit: look once, when the loop is idle. */
  if (self->sync_source == 0 && self->available)
    self->sync_source = g_idle_add (sync_idle_cb, self);
}

/* Watches the folder of the database: the WAL file for commits, the
 * file itself for disappearing and coming back. */
void
_cr_store_watch_start (CrStore *self)
{
  g_autoptr(GFile) file = g_file_new_for_path (self->path);
  g_autoptr(GFile) dir = g_file_get_parent (file);
  g_autoptr(GError) error = NULL;

  self->own_ranges = g_array_new (FALSE, FALSE, sizeof (OwnRange));
  self->available = TRUE;
  self->data_version = query_int64 (self->db, "PRAGMA data_version");
  self->last_audit_id = _cr_store_max_audit_id (self);
  if (dir == NULL)
    {
      g_debug ("Changes from other windows will not show: %s has no folder", self->path);
      return;
    }
  self->monitor = g_file_monitor_directory (dir, G_FILE_MONITOR_WATCH_MOVES, NULL, &error);
  if (self->monitor == NULL)
    {
      g_debug ("Changes from other windows will not show: %s", error->message);
      return;
    }
  g_file_monitor_set_rate_limit (self->monitor, 20);
  g_signal_connect (self->monitor, "changed", G_CALLBACK (file_changed_cb), self);
}

/* A store without a watcher still answers cr_store_sync(). */
void
_cr_store_watch_init_unwatched (CrStore *self)
{
  self->own_ranges = g_array_new (FALSE, FALSE, sizeof (OwnRange));
  self->available = TRUE;
  self->data_version = query_int64 (self->db, "PRAGMA data_version");
  self->last_audit_id = _cr_store_max_audit_id (self);
}

void
_cr_store_watch_stop (CrStore *self)
{
  if (self->monitor != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->monitor, self);
      g_file_monitor_cancel (self->monitor);
      g_clear_object (&self->monitor);
    }
  g_clear_handle_id (&self->sync_source, g_source_remove);
  g_clear_pointer (&self->own_ranges, g_array_unref);
  g_clear_pointer (&self->unavailable_since, g_date_time_unref);
}

gboolean
cr_store_get_available (CrStore *self)
{
  g_return_val_if_fail (CR_IS_STORE (self), FALSE);

  return self->available;
}

/**
 * cr_store_get_unavailable_since:
 *
 * Returns: (transfer none) (nullable): since when the file has been
 *   unavailable, or %NULL while it is available
 */
GDateTime *
cr_store_get_unavailable_since (CrStore *self)
{
  g_return_val_if_fail (CR_IS_STORE (self), NULL);

  return self->unavailable_since;
}
