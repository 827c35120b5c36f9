/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cr-store"

#include "config.h"

#include <glib/gi18n.h>

#include "cr-store-private.h"
#include "cr-time.h"

/* What the audit log says about the database as a whole: its revision,
 * printed on exported documents, and the exports themselves. */

#define EXPORT_ACTION "export"

/**
 * cr_store_get_revision:
 * @revision: (out): how many changes the database has seen
 * @last_change: (out) (optional) (transfer full) (nullable): when the
 *   latest of them was made
 *
 * The audit log is append-only and every change writes one row, so the
 * number of rows only grows and two documents printed from the same data
 * carry the same revision. Exports are logged too but change nothing, so
 * they do not count.
 */
gboolean
cr_store_get_revision (CrStore    *self,
                       gint64     *revision,
                       GDateTime **last_change,
                       GError    **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (CR_IS_STORE (self), FALSE);
  g_return_val_if_fail (revision != NULL, FALSE);

  stmt = _cr_store_prepare (self,
                            "SELECT count(*), max(at) FROM audit WHERE action <> '" EXPORT_ACTION "'",
                            error);
  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      return _cr_store_set_error (error, self->db, rc);
    }
  *revision = sqlite3_column_int64 (stmt, 0);
  if (last_change != NULL)
    *last_change = cr_time_from_storage ((const char *) sqlite3_column_text (stmt, 1));
  sqlite3_reset (stmt);
  return TRUE;
}

/**
 * cr_store_audit_export:
 * @table: what was exported ("events")
 * @row_id: which row, or 0
 * @details: (nullable): a JSON object: the file, the options, whether
 *   personal data left with it
 *
 * Writes in the audit log that data left the database, in its own
 * transaction: a sheet with phone numbers carries personal data.
 */
gboolean
cr_store_audit_export (CrStore    *self,
                       const char *table,
                       gint64      row_id,
                       const char *details,
                       GError    **error)
{
  g_return_val_if_fail (CR_IS_STORE (self), FALSE);
  g_return_val_if_fail (table != NULL, FALSE);

  if (!cr_store_begin (self, error))
    return FALSE;
  if (!_cr_store_write_audit (self->db, self->operator_name, table, row_id, EXPORT_ACTION, NULL,
                              details, error))
    {
      cr_store_rollback (self);
      return FALSE;
    }
  _cr_store_queue_change (self, "audit", sqlite3_last_insert_rowid (self->db),
                          CR_STORE_CHANGE_INSERT);
  return cr_store_commit (self, error);
}
