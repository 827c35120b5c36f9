/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <sqlite3.h>

#include "cr-store.h"

G_BEGIN_DECLS

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3, sqlite3_close)

/* How long a writer waits for another process's transaction before
 * SQLITE_BUSY; the store retries once more on top of that. */
#define CR_STORE_BUSY_TIMEOUT_MS 5000

typedef struct
{
  char *table;
  gint64 row_id;
  CrStoreChange change;
} CrPendingChange;

/* A parameter of a query: @text when it is not %NULL, else @value. */
typedef struct
{
  const char *text;
  gint64 value;
} CrStoreParam;

struct _CrStore
{
  GObject parent_instance;

  sqlite3 *db;
  char *path;
  char *operator_name;
  int schema_version;

  guint tx_depth;
  GArray *pending; /* CrPendingChange, emitted after the outermost commit */
  GArray *marks;   /* pending->len when each savepoint began */
  GHashTable *statements; /* SQL text -> sqlite3_stmt */

  /* cr-store-watch.c */
  GFileMonitor *monitor;
  guint sync_source;
  gint64 data_version;
  gint64 last_audit_id;
  gint64 tx_audit_start;
  GArray *own_ranges;
  gboolean available;
  GDateTime *unavailable_since;
};

/* cr-store.c */
sqlite3_stmt *_cr_store_prepare                (CrStore        *self,
                                                const char     *sql,
                                                GError        **error);
void          _cr_store_queue_change           (CrStore        *self,
                                                const char     *table,
                                                gint64          row_id,
                                                CrStoreChange   change);
gboolean      _cr_store_set_error              (GError        **error,
                                                sqlite3        *db,
                                                int             rc);
typedef enum
{
  CR_STORE_OPEN_EXISTING,
  CR_STORE_OPEN_CREATE,    /* the file made when missing */
  CR_STORE_OPEN_READ_ONLY, /* nothing written: not even WAL mode set */
} CrStoreOpenMode;

sqlite3      *_cr_store_open_connection        (const char     *path,
                                                CrStoreOpenMode mode,
                                                GError        **error);
gboolean      _cr_store_check_version          (sqlite3        *db,
                                                int             target,
                                                int            *version,
                                                GError        **error);
gboolean      _cr_store_exec                   (sqlite3        *db,
                                                const char     *sql,
                                                GError        **error);
gboolean      _cr_store_has_text               (const char     *text);
gboolean      _cr_store_write_audit            (sqlite3        *db,
                                                const char     *operator_name,
                                                const char     *table,
                                                gint64          row_id,
                                                const char     *action,
                                                const char     *before,
                                                const char     *after,
                                                GError        **error);

/* cr-store-records.c */
void          _cr_store_bind_field             (sqlite3_stmt   *stmt,
                                                int             index,
                                                GParamSpec     *field,
                                                const GValue   *value);
void          _cr_store_read_field             (sqlite3_stmt   *stmt,
                                                int             index,
                                                GParamSpec     *field,
                                                GValue         *value);
char         *_cr_store_select_sql             (CrRecordClass  *klass,
                                                const char     *where,
                                                const char     *order_by);
CrRecord     *_cr_store_record_from_row        (GType           type,
                                                sqlite3_stmt   *stmt);
GListModel   *_cr_store_list_rows              (CrStore        *self,
                                                GType           type,
                                                sqlite3_stmt   *stmt,
                                                GError        **error);
GListModel   *_cr_store_list_query             (CrStore        *self,
                                                GType           type,
                                                const char     *where,
                                                const char     *order_by,
                                                const CrStoreParam *params,
                                                guint           n_params,
                                                GError        **error);
GListModel   *_cr_store_list_where             (CrStore        *self,
                                                GType           type,
                                                const char     *where,
                                                const char     *text_arg,
                                                gint64          int_arg,
                                                GError        **error);

/* cr-store-schema.c */
gboolean      _cr_store_migrate                (sqlite3        *db,
                                                int             target,
                                                int            *version,
                                                GError        **error);

/* cr-store-watch.c */
void          _cr_store_watch_start            (CrStore        *self);
void          _cr_store_watch_init_unwatched   (CrStore        *self);
void          _cr_store_watch_stop             (CrStore        *self);
gint64        _cr_store_max_audit_id           (CrStore        *self);
void          _cr_store_note_own_audit         (CrStore        *self,
                                                gint64          first,
                                                gint64          last);

/* cr-store-gpkg.c */
void          _cr_store_register_functions     (sqlite3        *db);

G_END_DECLS
