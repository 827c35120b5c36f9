/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cr-store"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "cr-audit-entry.h"
#include "cr-log-entry.h"
#include "cr-store-private.h"
#include "cr-time.h"

/**
 * CrStore:
 *
 * The one place that talks SQL. Opens the GeoPackage file, keeps its
 * schema current, maps records to rows, writes the audit log, and tells
 * views what changed with the #CrStore::changed signal, after the
 * transaction that changed it has committed.
 */

enum
{
  CHANGED,
  N_SIGNALS
};

enum
{
  PROP_0,
  PROP_AVAILABLE,
  N_PROPS
};

static guint signals[N_SIGNALS];
static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (CrStore, cr_store, G_TYPE_OBJECT)

G_DEFINE_QUARK (cr-store-error-quark, cr_store_error)

static void
statement_free (gpointer data)
{
  sqlite3_finalize (data);
}

static void
pending_change_clear (gpointer data)
{
  CrPendingChange *change = data;

  g_free (change->table);
}

/* "UNIQUE constraint failed: events.name" in words. */
static const char *
unique_message (const char *detail)
{
  static const struct
  {
    const char *column;
    const char *message;
  } known[] = {
    { "events.name", N_("Another event already has this name. Choose a different one.") },
    { "partners.name", N_("Another partner already has this name. Choose a different one.") },
    { "checklist_templates.name",
      N_("Another checklist template already has this name. Choose a different one.") },
    { "reference_layers.name",
      N_("Another reference layer already has this name. Choose a different one.") },
    { "feature_kinds.code", N_("Another feature kind already has this code. Choose a different one.") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (known); i++)
    if (strstr (detail, known[i].column) != NULL)
      return _(known[i].message);
  return _("Another entry already has this name or place. Choose a different one.");
}

/* Maps an SQLite failure to an error a user can act on. */
gboolean
_cr_store_set_error (GError **error,
                     sqlite3 *db,
                     int      rc)
{
  const char *detail = db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc);

  switch (rc & 0xff)
    {
    case SQLITE_FULL:
      g_set_error (error, CR_STORE_ERROR, CR_STORE_ERROR_FULL,
                   _("The disk is full, so the change was not saved. "
                     "Free some space and try again."));
      break;
    case SQLITE_READONLY:
      g_set_error (error, CR_STORE_ERROR, CR_STORE_ERROR_READ_ONLY,
                   _("The database file is read-only, so the change was not saved. "
                     "Check the file's permissions."));
      break;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, CR_STORE_ERROR, CR_STORE_ERROR_BUSY,
                   _("Another Crisis Room window kept the database busy for too long. "
                     "Try again in a moment."));
      break;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      g_set_error (error, CR_STORE_ERROR, CR_STORE_ERROR_CORRUPT,
                   _("The database file is damaged (%s). Restore it from a backup."), detail);
      break;
    case SQLITE_CANTOPEN:
    case SQLITE_PERM:
    case SQLITE_AUTH:
      g_set_error (error, CR_STORE_ERROR, CR_STORE_ERROR_OPEN,
                   _("The database file cannot be opened (%s). "
                     "Check that its folder exists and that you may write to it."), detail);
      break;
    case SQLITE_IOERR:
      g_set_error (error, CR_STORE_ERROR, CR_STORE_ERROR_FAILED,
                   _("The disk could not be written or read (%s). "
                     "The change was not saved."), detail);
      break;
    case SQLITE_CONSTRAINT:
      if (g_str_has_suffix (detail, "is append-only"))
        g_set_error (error, CR_STORE_ERROR, CR_STORE_ERROR_READ_ONLY,
                     _("Logbook and audit entries can never be changed or deleted; "
                       "write a correction instead."));
      else if (g_str_has_suffix (detail, "activation is closed"))
        g_set_error (error, CR_STORE_ERROR, CR_STORE_ERROR_READ_ONLY,
                     _("This activation is closed, so neither it nor its checklist can be "
                       "changed any more. Write a logbook entry to add to its record."));
      else if (g_str_has_prefix (detail, "UNIQUE"))
        g_set_error_literal (error, CR_STORE_ERROR, CR_STORE_ERROR_CONSTRAINT,
                             unique_message (detail));
      else if (g_str_has_prefix (detail, "FOREIGN KEY"))
        g_set_error (error, CR_STORE_ERROR, CR_STORE_ERROR_CONSTRAINT,
                     _("This refers to an entry that does not exist, "
                       "or is still referred to by others."));
      else
        g_set_error (error, CR_STORE_ERROR, CR_STORE_ERROR_CONSTRAINT,
                     _("The values are not valid (%s)."), detail);
      break;
    default:
      g_set_error (error, CR_STORE_ERROR, CR_STORE_ERROR_FAILED,
                   _("The database reported an error: %s."), detail);
      break;
    }
  return FALSE;
}

gboolean
_cr_store_exec (sqlite3    *db,
                const char *sql,
                GError    **error)
{
  int rc = sqlite3_exec (db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    return _cr_store_set_error (error, db, rc);
  return TRUE;
}

/* Whether @text has more than white space: what a required text needs. */
gboolean
_cr_store_has_text (const char *text)
{
  if (text == NULL)
    return FALSE;
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return TRUE;
  return FALSE;
}

static gboolean
has_user_tables (sqlite3  *db,
                 gboolean *has_meta,
                 GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean any = FALSE;
  int rc;

  *has_meta = FALSE;
  rc = sqlite3_prepare_v2 (db, "SELECT name FROM sqlite_master WHERE type = 'table'", -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    return _cr_store_set_error (error, db, rc);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *name = (const char *) sqlite3_column_text (stmt, 0);

      any = TRUE;
      if (g_strcmp0 (name, "cr_meta") == 0)
        *has_meta = TRUE;
    }
  if (rc != SQLITE_DONE)
    return _cr_store_set_error (error, db, rc);
  return any;
}

/* A connection with the app's settings: WAL, foreign keys, busy timeout,
 * durable commits, and the GeoPackage SQL functions. */
sqlite3 *
_cr_store_open_connection (const char     *path,
                           CrStoreOpenMode mode,
                           GError        **error)
{
  g_autoptr(sqlite3) db = NULL;
  g_autoptr(GError) local_error = NULL;
  int flags = mode == CR_STORE_OPEN_READ_ONLY ? SQLITE_OPEN_READONLY
            : mode == CR_STORE_OPEN_CREATE    ? SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE
                                              : SQLITE_OPEN_READWRITE;
  gboolean has_meta;
  int rc;

  rc = sqlite3_open_v2 (path, &db, flags, NULL);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, CR_STORE_ERROR, CR_STORE_ERROR_OPEN,
                   _("The database “%s” cannot be opened (%s). "
                     "Check that its folder exists and that you may write to it."),
                   path, db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
      return NULL;
    }
  sqlite3_extended_result_codes (db, 1);
  sqlite3_busy_timeout (db, CR_STORE_BUSY_TIMEOUT_MS);
  _cr_store_register_functions (db);

  /* The first statement reads the header: a file that is not SQLite
   * fails here. */
  rc = sqlite3_exec (db, "SELECT count(*) FROM sqlite_master", NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      if ((rc & 0xff) == SQLITE_NOTADB || (rc & 0xff) == SQLITE_CORRUPT)
        g_set_error (error, CR_STORE_ERROR, CR_STORE_ERROR_CORRUPT,
                     _("“%s” is not a Crisis Room database, or it is damaged. "
                       "Open another file, or restore this one from a backup."), path);
      else
        _cr_store_set_error (error, db, rc);
      return NULL;
    }

  /* Before changing anything (WAL mode is kept in the file): another
   * application's database is left exactly as it was. */
  if (has_user_tables (db, &has_meta, &local_error) && !has_meta)
    {
      g_set_error (error, CR_STORE_ERROR, CR_STORE_ERROR_NOT_OURS,
                   _("“%s” is a database, but not one of Crisis Room. "
                     "Open another file, or import its layers as GeoJSON."), path);
      return NULL;
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  /* WAL mode is kept in the file, so setting it writes (a file made
   * elsewhere may be in another mode): not for a read-only look. */
  if (mode != CR_STORE_OPEN_READ_ONLY && !_cr_store_exec (db, "PRAGMA journal_mode = WAL;", error))
    return NULL;
  if (!_cr_store_exec (db,
                       "PRAGMA foreign_keys = ON;"
                       "PRAGMA synchronous = FULL;"
                       /* Statement journals in memory: once one R*Tree
                        * update spills its journal to a temporary file,
                        * every later INSERT of a bulk import writes there
                        * (40 % slower GeoJSON import). */
                       "PRAGMA temp_store = MEMORY;",
                       error))
    return NULL;
  return g_steal_pointer (&db);
}

/* With @mode CR_STORE_OPEN_READ_ONLY: the file as it is, nothing made,
 * migrated nor watched. */
static CrStore *
store_open (const char     *path,
            int             version,
            gboolean        watch,
            CrStoreOpenMode mode,
            GError        **error)
{
  g_autoptr(CrStore) self = NULL;
  g_autofree char *dir = NULL;
  gboolean existed;

  g_return_val_if_fail (path != NULL, NULL);

  /* To SQLite, no name is a temporary database, gone at exit with
   * whatever was written to it. */
  if (*path == '\0')
    {
      g_set_error (error, CR_STORE_ERROR, CR_STORE_ERROR_OPEN,
                   _("No database file was named: give the path of one."));
      return NULL;
    }
  existed = g_file_test (path, G_FILE_TEST_EXISTS);
  dir = g_path_get_dirname (path);
  /* Read-only, a missing file is SQLite's to refuse: nothing is made. */
  if (!existed && mode != CR_STORE_OPEN_READ_ONLY && g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, CR_STORE_ERROR, CR_STORE_ERROR_OPEN,
                   _("The folder “%s” cannot be created (%s)."), dir, g_strerror (saved_errno));
      return NULL;
    }

  self = g_object_new (CR_TYPE_STORE, NULL);
  self->path = g_strdup (path);
  self->db = _cr_store_open_connection (path, mode, error);
  if (self->db == NULL)
    return NULL;
  if (mode == CR_STORE_OPEN_READ_ONLY)
    {
      if (!_cr_store_check_version (self->db, version, &self->schema_version, error))
        return NULL;
      _cr_store_watch_init_unwatched (self);
      return g_steal_pointer (&self);
    }

  /* Contacts are personal data: the file is for its owner only. SQLite
   * gives the -wal and -shm files the same mode. */
  if (!existed && g_chmod (path, 0600) != 0)
    g_warning ("Could not restrict the permissions of %s: %s", path, g_strerror (errno));

  if (!_cr_store_migrate (self->db, version, &self->schema_version, error))
    return NULL;

  if (watch)
    _cr_store_watch_start (self);
  else
    _cr_store_watch_init_unwatched (self);
  return g_steal_pointer (&self);
}

static void
cr_store_finalize (GObject *object)
{
  CrStore *self = CR_STORE (object);

  if (self->tx_depth > 0)
    g_critical ("Store finalized inside a transaction; rolling back");
  _cr_store_watch_stop (self);
  g_clear_pointer (&self->statements, g_hash_table_unref);
  if (self->db != NULL)
    {
      if (self->tx_depth > 0)
        sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
      sqlite3_close (self->db);
    }
  g_clear_pointer (&self->pending, g_array_unref);
  g_clear_pointer (&self->marks, g_array_unref);
  g_free (self->path);
  g_free (self->operator_name);

  G_OBJECT_CLASS (cr_store_parent_class)->finalize (object);
}

static void
cr_store_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  CrStore *self = CR_STORE (object);

  switch (prop_id)
    {
    case PROP_AVAILABLE:
      g_value_set_boolean (value, self->available);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cr_store_class_init (CrStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cr_store_finalize;
  object_class->get_property = cr_store_get_property;

  /**
   * CrStore:available:
   *
   * FALSE while the database file is gone (deleted, moved, unmounted);
   * the store reconnects by itself when it comes back.
   */
  properties[PROP_AVAILABLE] =
    g_param_spec_boolean ("available", NULL, NULL, TRUE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CrStore::changed:
   * @table: the table that changed
   * @row_id: the row, or 0 with %CR_STORE_CHANGE_RELOAD
   * @change: a #CrStoreChange
   *
   * Emitted after a committed change. The detail is the table name, so a
   * view connects to "changed::features".
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST | G_SIGNAL_DETAILED, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 3, G_TYPE_STRING, G_TYPE_INT64, G_TYPE_INT);
}

static void
cr_store_init (CrStore *self)
{
  const char *real_name = g_get_real_name ();

  self->pending = g_array_new (FALSE, TRUE, sizeof (CrPendingChange));
  g_array_set_clear_func (self->pending, pending_change_clear);
  self->marks = g_array_new (FALSE, FALSE, sizeof (guint));
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, statement_free);
  self->operator_name = g_strdup (g_strcmp0 (real_name, "Unknown") != 0 && *real_name
                                    ? real_name : g_get_user_name ());
}

char *
cr_store_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "crisis-room", "crisis-room.gpkg", NULL);
}

char *
cr_store_demo_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "crisis-room", "demo.gpkg", NULL);
}

/**
 * cr_store_open:
 * @path: the GeoPackage file; created when missing
 *
 * Opens the database and brings its schema up to date.
 *
 * Returns: (transfer full): the store, or %NULL with @error set
 */
CrStore *
cr_store_open (const char *path,
               GError    **error)
{
  return store_open (path, cr_store_latest_schema_version (), TRUE, CR_STORE_OPEN_CREATE, error);
}

/**
 * cr_store_open_unwatched:
 *
 * Like cr_store_open(), for a worker thread: the store does not watch
 * the file for other processes' changes, because the watcher reports
 * on the main loop, where it would touch the store behind the worker's
 * back. The window's own store hears of what the worker wrote through
 * its watcher, or through cr_store_sync().
 */
CrStore *
cr_store_open_unwatched (const char *path,
                         GError    **error)
{
  return store_open (path, cr_store_latest_schema_version (), FALSE, CR_STORE_OPEN_CREATE, error);
}

/**
 * cr_store_open_read_only:
 *
 * Like cr_store_open(), to look only: the file is opened read-only and
 * left byte for byte as it was (not switched to WAL mode, not migrated,
 * not checkpointed), as a copy kept as evidence must be; a file on
 * read-only media opens too when SQLite can. Every write fails. Refused,
 * with what to do, when the file is missing or of an older schema.
 */
CrStore *
cr_store_open_read_only (const char *path,
                         GError    **error)
{
  return store_open (path, cr_store_latest_schema_version (), FALSE, CR_STORE_OPEN_READ_ONLY, error);
}

/**
 * cr_store_open_at_version:
 *
 * Like cr_store_open() but builds the schema only up to @version; for
 * the tests that migrate files written by earlier releases.
 */
CrStore *
cr_store_open_at_version (const char *path,
                          int         version,
                          GError    **error)
{
  g_return_val_if_fail (version >= 1 && version <= cr_store_latest_schema_version (), NULL);

  return store_open (path, version, TRUE, CR_STORE_OPEN_CREATE, error);
}

int
cr_store_get_schema_version (CrStore *self)
{
  g_return_val_if_fail (CR_IS_STORE (self), 0);

  return self->schema_version;
}

const char *
cr_store_get_path (CrStore *self)
{
  g_return_val_if_fail (CR_IS_STORE (self), NULL);

  return self->path;
}

/**
 * cr_store_is_own_file:
 *
 * Returns: whether @path is the store's database file or one SQLite
 *   keeps beside it (under any name: a link, another spelling), which an
 *   export written there would replace, the database with it
 */
gboolean
cr_store_is_own_file (CrStore    *self,
                      const char *path)
{
  const char *const suffixes[] = { "", "-wal", "-shm", "-journal" };
  GStatBuf target;

  g_return_val_if_fail (CR_IS_STORE (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (g_stat (path, &target) != 0)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *own = g_strconcat (self->path, suffixes[i], NULL);
      GStatBuf buf;

      if (g_stat (own, &buf) == 0 && buf.st_dev == target.st_dev && buf.st_ino == target.st_ino)
        return TRUE;
    }
  return FALSE;
}

const char *
cr_store_get_operator (CrStore *self)
{
  g_return_val_if_fail (CR_IS_STORE (self), NULL);

  return self->operator_name;
}

/* The name written in the audit log for every change this store makes. */
void
cr_store_set_operator (CrStore    *self,
                       const char *operator_name)
{
  g_return_if_fail (CR_IS_STORE (self));
  g_return_if_fail (operator_name != NULL && *operator_name != '\0');

  g_free (self->operator_name);
  self->operator_name = g_strdup (operator_name);
}

sqlite3_stmt *
_cr_store_prepare (CrStore    *self,
                   const char *sql,
                   GError    **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->statements, sql);
  int rc;

  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }
  rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      _cr_store_set_error (error, self->db, rc);
      return NULL;
    }
  g_hash_table_insert (self->statements, g_strdup (sql), stmt);
  return stmt;
}

/* SQLite already waits CR_STORE_BUSY_TIMEOUT_MS for another process's
 * transaction; a second wait keeps SQLITE_BUSY from ever reaching the
 * user short of a process stuck mid-transaction. */
static gboolean
begin_with_retry (CrStore    *self,
                  const char *sql,
                  GError    **error)
{
  for (guint attempt = 0;; attempt++)
    {
      int rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);

      if (rc == SQLITE_OK)
        return TRUE;
      if ((rc & 0xff) != SQLITE_BUSY || attempt >= 1)
        return _cr_store_set_error (error, self->db, rc);
      g_debug ("Database busy; waiting once more");
    }
}

gboolean
cr_store_begin (CrStore *self,
                GError **error)
{
  g_autofree char *sql = NULL;

  g_return_val_if_fail (CR_IS_STORE (self), FALSE);

  /* IMMEDIATE takes the write lock now, so a transaction never fails
   * half-way because another process started writing. */
  if (self->tx_depth == 0)
    sql = g_strdup ("BEGIN IMMEDIATE");
  else
    sql = g_strdup_printf ("SAVEPOINT cr_%u", self->tx_depth);
  if (!begin_with_retry (self, sql, error))
    return FALSE;
  /* Under the write lock: the audit rows this transaction writes come
   * after this id, so the live-sharing watcher can tell them apart. */
  if (self->tx_depth == 0)
    self->tx_audit_start = _cr_store_max_audit_id (self);
  g_array_append_val (self->marks, self->pending->len);
  self->tx_depth++;
  return TRUE;
}

/* On failure the level being committed is rolled back: callers never
 * call cr_store_rollback() after a failed commit. */
gboolean
cr_store_commit (CrStore *self,
                 GError **error)
{
  g_autoptr(GArray) changes = NULL;

  g_return_val_if_fail (CR_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->tx_depth > 0, FALSE);

  if (self->tx_depth > 1)
    {
      g_autofree char *sql = g_strdup_printf ("RELEASE cr_%u", self->tx_depth - 1);

      if (!_cr_store_exec (self->db, sql, error))
        {
          cr_store_rollback (self);
          return FALSE;
        }
      self->tx_depth--;
      g_array_set_size (self->marks, self->tx_depth);
      return TRUE;
    }

  _cr_store_note_own_audit (self, self->tx_audit_start, _cr_store_max_audit_id (self));
  if (!_cr_store_exec (self->db, "COMMIT", error))
    {
      cr_store_rollback (self);
      return FALSE;
    }
  self->tx_depth = 0;
  g_array_set_size (self->marks, 0);

  /* Emit after the commit, and from a copy: a handler may write. */
  changes = g_steal_pointer (&self->pending);
  self->pending = g_array_new (FALSE, TRUE, sizeof (CrPendingChange));
  g_array_set_clear_func (self->pending, pending_change_clear);
  for (guint i = 0; i < changes->len; i++)
    {
      CrPendingChange *c = &g_array_index (changes, CrPendingChange, i);

      g_signal_emit (self, signals[CHANGED], g_quark_from_string (c->table),
                     c->table, c->row_id, (int) c->change);
    }
  return TRUE;
}

/* Undoes the innermost transaction level; nothing it queued is emitted. */
void
cr_store_rollback (CrStore *self)
{
  g_return_if_fail (CR_IS_STORE (self));
  g_return_if_fail (self->tx_depth > 0);

  if (self->tx_depth > 1)
    {
      g_autofree char *sql = g_strdup_printf ("ROLLBACK TO cr_%u; RELEASE cr_%u",
                                              self->tx_depth - 1, self->tx_depth - 1);

      sqlite3_exec (self->db, sql, NULL, NULL, NULL);
      self->tx_depth--;
      g_array_set_size (self->pending, g_array_index (self->marks, guint, self->tx_depth));
      g_array_set_size (self->marks, self->tx_depth);
      return;
    }
  sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
  self->tx_depth = 0;
  g_array_set_size (self->marks, 0);
  g_array_set_size (self->pending, 0);
}

void
_cr_store_queue_change (CrStore      *self,
                        const char   *table,
                        gint64        row_id,
                        CrStoreChange change)
{
  CrPendingChange c = { g_strdup (table), row_id, change };

  g_array_append_val (self->pending, c);
}

/**
 * cr_store_emit_changed:
 *
 * Tells views about a change made outside this store's connection (a
 * bulk import through a #CrFeatureWriter), once it has committed.
 */
void
cr_store_emit_changed (CrStore      *self,
                       const char   *table,
                       gint64        row_id,
                       CrStoreChange change)
{
  g_return_if_fail (CR_IS_STORE (self));

  g_signal_emit (self, signals[CHANGED], g_quark_from_string (table), table, row_id, (int) change);
}

gboolean
_cr_store_write_audit (sqlite3    *db,
                       const char *operator_name,
                       const char *table,
                       gint64      row_id,
                       const char *action,
                       const char *before,
                       const char *after,
                       GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GDateTime) now = cr_time_now_utc ();
  g_autofree char *at = cr_time_to_storage (now);
  int rc;

  rc = sqlite3_prepare_v2 (db,
                           "INSERT INTO audit (at, operator, table_name, row_id, action, before, after)"
                           " VALUES (?, ?, ?, ?, ?, ?, ?)",
                           -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    return _cr_store_set_error (error, db, rc);
  sqlite3_bind_text (stmt, 1, at, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, operator_name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, table, -1, SQLITE_STATIC);
  if (row_id > 0)
    sqlite3_bind_int64 (stmt, 4, row_id);
  sqlite3_bind_text (stmt, 5, action, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, before, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, after, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    return _cr_store_set_error (error, db, rc);
  return TRUE;
}
