/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cr-store"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "cr-enums.h"
#include "cr-geometry.h"
#include "cr-store-private.h"
#include "cr-time.h"
#include "cr-wkb.h"

/* Generic mapping between CrRecord subclasses and their tables; see
 * CrRecordClass for the rules. Column names come from the record classes,
 * never from callers, so they are safe to paste into SQL. */

static const struct
{
  const char *table;
  const char *order_by;
} default_order[] = {
  { "events", "\"starts\" DESC, \"name\"" },
  { "feature_kinds", "\"sort_order\", \"code\"" },
  { "waypoints", "\"position\", \"id\"" },
  { "partners", "\"name\"" },
  { "contacts", "\"name\"" },
  { "spoc_assignments", "\"rank\"" },
  { "checklist_templates", "\"name\"" },
  { "checklist_template_items", "\"position\", \"id\"" },
  { "activations", "\"opened_at\" DESC" },
  { "activation_items", "\"position\", \"id\"" },
  { "logbook", "\"recorded_at\", \"id\"" },
  { "item_ticks", "\"at\", \"id\"" },
  { "alert_tests", "\"started_at\", \"id\"" },
  { "reference_layers", "\"name\"" },
};

static const char *
order_for (const char *table)
{
  for (guint i = 0; i < G_N_ELEMENTS (default_order); i++)
    if (g_str_equal (default_order[i].table, table))
      return default_order[i].order_by;
  return "\"id\"";
}

static gboolean
is_reference (GParamSpec *field)
{
  return field->value_type == G_TYPE_INT64 && g_str_has_suffix (field->name, "-id");
}

static gboolean
is_version (GParamSpec *field)
{
  return g_str_equal (field->name, "version");
}

static gboolean
is_append_only (const char *table)
{
  return g_str_equal (table, "logbook") || g_str_equal (table, "audit") ||
         g_str_equal (table, "item_ticks");
}

void
_cr_store_bind_field (sqlite3_stmt *stmt,
                      int           index,
                      GParamSpec   *field,
                      const GValue *value)
{
  GType type = G_VALUE_TYPE (value);

  if (type == G_TYPE_STRING)
    sqlite3_bind_text (stmt, index, g_value_get_string (value), -1, SQLITE_TRANSIENT);
  else if (type == G_TYPE_INT64)
    {
      gint64 v = g_value_get_int64 (value);

      if (v == 0 && is_reference (field))
        sqlite3_bind_null (stmt, index);
      else
        sqlite3_bind_int64 (stmt, index, v);
    }
  else if (type == G_TYPE_INT)
    sqlite3_bind_int (stmt, index, g_value_get_int (value));
  else if (type == G_TYPE_BOOLEAN)
    sqlite3_bind_int (stmt, index, g_value_get_boolean (value) ? 1 : 0);
  else if (type == G_TYPE_DOUBLE)
    {
      double v = g_value_get_double (value);

      if (isnan (v))
        sqlite3_bind_null (stmt, index);
      else
        sqlite3_bind_double (stmt, index, v);
    }
  else if (G_TYPE_IS_ENUM (type))
    sqlite3_bind_text (stmt, index, cr_enum_to_nick (type, g_value_get_enum (value)), -1,
                       SQLITE_STATIC);
  else if (type == G_TYPE_DATE_TIME)
    {
      char *text = cr_time_to_storage (g_value_get_boxed (value));

      sqlite3_bind_text (stmt, index, text, -1, g_free);
    }
  else if (type == CR_TYPE_GEOMETRY)
    {
      const CrGeometry *g = g_value_get_boxed (value);

      if (g == NULL)
        sqlite3_bind_null (stmt, index);
      else
        {
          GByteArray *blob = g_byte_array_sized_new (128);
          gsize len;

          cr_gpkg_blob_append (blob, g, CR_SRS_WGS84);
          len = blob->len;
          sqlite3_bind_blob64 (stmt, index, g_byte_array_free (blob, FALSE), len, g_free);
        }
    }
  else
    g_assert_not_reached ();
}

void
_cr_store_read_field (sqlite3_stmt *stmt,
                      int           index,
                      GParamSpec   *field,
                      GValue       *value)
{
  GType type = field->value_type;
  gboolean is_null = sqlite3_column_type (stmt, index) == SQLITE_NULL;

  g_value_init (value, type);
  if (is_null)
    {
      g_param_value_set_default (field, value);
      if (type == G_TYPE_DOUBLE)
        g_value_set_double (value, NAN);
      return;
    }

  if (type == G_TYPE_STRING)
    g_value_set_string (value, (const char *) sqlite3_column_text (stmt, index));
  else if (type == G_TYPE_INT64)
    g_value_set_int64 (value, sqlite3_column_int64 (stmt, index));
  else if (type == G_TYPE_INT)
    g_value_set_int (value, sqlite3_column_int (stmt, index));
  else if (type == G_TYPE_BOOLEAN)
    g_value_set_boolean (value, sqlite3_column_int (stmt, index) != 0);
  else if (type == G_TYPE_DOUBLE)
    g_value_set_double (value, sqlite3_column_double (stmt, index));
  else if (G_TYPE_IS_ENUM (type))
    {
      const char *nick = (const char *) sqlite3_column_text (stmt, index);
      int v;

      /* A value edited outside the app (QGIS) that is not a known nick
       * reads as the default rather than failing the whole list. */
      if (cr_enum_from_nick (type, nick, &v))
        g_value_set_enum (value, v);
      else
        {
          g_debug ("Unknown %s value “%s”", g_type_name (type), nick);
          g_param_value_set_default (field, value);
        }
    }
  else if (type == G_TYPE_DATE_TIME)
    g_value_take_boxed (value, cr_time_from_storage ((const char *) sqlite3_column_text (stmt, index)));
  else if (type == CR_TYPE_GEOMETRY)
    {
      const guint8 *data = sqlite3_column_blob (stmt, index);
      int len = sqlite3_column_bytes (stmt, index);
      g_autoptr(GError) error = NULL;
      CrGeometry *g = cr_gpkg_blob_read (data, (gsize) len, NULL, &error);

      if (g == NULL)
        g_warning ("Feature geometry unreadable: %s", error->message);
      g_value_take_boxed (value, g);
    }
  else
    g_assert_not_reached ();
}

char *
_cr_store_select_sql (CrRecordClass *klass,
                      const char    *where,
                      const char    *order_by)
{
  GString *sql = g_string_new ("SELECT \"id\"");
  GParamSpec **fields;
  guint n_fields;

  fields = cr_record_class_get_fields (klass, &n_fields);
  for (guint i = 0; i < n_fields; i++)
    {
      g_autofree char *column = cr_record_field_column (fields[i]);

      g_string_append_printf (sql, ", \"%s\"", column);
    }
  g_string_append_printf (sql, " FROM \"%s\"", cr_record_class_get_table (klass));
  if (where != NULL)
    g_string_append_printf (sql, " WHERE %s", where);
  if (order_by != NULL)
    g_string_append_printf (sql, " ORDER BY %s", order_by);
  return g_string_free (sql, FALSE);
}

CrRecord *
_cr_store_record_from_row (GType         type,
                           sqlite3_stmt *stmt)
{
  CrRecord *record = g_object_new (type, NULL);
  CrRecordClass *klass = CR_RECORD_GET_CLASS (record);
  GParamSpec **fields;
  guint n_fields;

  cr_record_set_id (record, sqlite3_column_int64 (stmt, 0));
  fields = cr_record_class_get_fields (klass, &n_fields);
  g_object_freeze_notify (G_OBJECT (record));
  for (guint i = 0; i < n_fields; i++)
    {
      g_auto(GValue) value = G_VALUE_INIT;

      _cr_store_read_field (stmt, (int) i + 1, fields[i], &value);
      cr_record_set_field (record, fields[i], &value);
    }
  g_object_thaw_notify (G_OBJECT (record));
  return record;
}

static GParamSpec *
find_field (CrRecordClass *klass,
            const char    *column)
{
  GParamSpec **fields;
  guint n_fields;

  fields = cr_record_class_get_fields (klass, &n_fields);
  for (guint i = 0; i < n_fields; i++)
    {
      g_autofree char *c = cr_record_field_column (fields[i]);

      if (g_str_equal (c, column))
        return fields[i];
    }
  return NULL;
}

/* The records of @type that the bound @stmt selects (a
 * _cr_store_select_sql() statement), in its order; @stmt is reset. */
GListModel *
_cr_store_list_rows (CrStore      *self,
                     GType         type,
                     sqlite3_stmt *stmt,
                     GError      **error)
{
  g_autoptr(GListStore) list = g_list_store_new (type);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(CrRecord) record = _cr_store_record_from_row (type, stmt);

      g_list_store_append (list, record);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _cr_store_set_error (error, self->db, rc);
      return NULL;
    }
  return G_LIST_MODEL (g_steal_pointer (&list));
}

/* Rows of @type matching @where, whose parameters ?1…?n are @params, in
 * the order @order_by (SQL, column names from the record class). */
GListModel *
_cr_store_list_query (CrStore            *self,
                      GType               type,
                      const char         *where,
                      const char         *order_by,
                      const CrStoreParam *params,
                      guint               n_params,
                      GError            **error)
{
  g_autoptr(CrRecordClass) klass = g_type_class_ref (type);
  g_autofree char *sql = _cr_store_select_sql (klass, where, order_by);
  sqlite3_stmt *stmt;

  stmt = _cr_store_prepare (self, sql, error);
  if (stmt == NULL)
    return NULL;
  for (guint i = 0; i < n_params; i++)
    if (params[i].text != NULL)
      sqlite3_bind_text (stmt, (int) i + 1, params[i].text, -1, SQLITE_TRANSIENT);
    else
      sqlite3_bind_int64 (stmt, (int) i + 1, params[i].value);
  return _cr_store_list_rows (self, type, stmt, error);
}

/* Lists rows of @type matching @where, an SQL condition with at most one
 * parameter: @text_arg when not %NULL, else @int_arg when @where has a "?",
 * in the table's natural order. */
GListModel *
_cr_store_list_where (CrStore    *self,
                      GType       type,
                      const char *where,
                      const char *text_arg,
                      gint64      int_arg,
                      GError    **error)
{
  g_autoptr(CrRecordClass) klass = g_type_class_ref (type);
  const CrStoreParam param = { text_arg, int_arg };

  return _cr_store_list_query (self, type, where, order_for (cr_record_class_get_table (klass)),
                               &param, where != NULL && strchr (where, '?') != NULL ? 1 : 0, error);
}

/**
 * cr_store_get:
 * @type: a #CrRecord subclass
 *
 * Returns: (transfer full) (type CrRecord): the row, or %NULL with
 *   %CR_STORE_ERROR_NOT_FOUND
 */
gpointer
cr_store_get (CrStore *self,
              GType    type,
              gint64   id,
              GError **error)
{
  g_autoptr(GListModel) list = NULL;

  g_return_val_if_fail (CR_IS_STORE (self), NULL);
  g_return_val_if_fail (g_type_is_a (type, CR_TYPE_RECORD), NULL);

  list = _cr_store_list_where (self, type, "\"id\" = ?", NULL, id, error);
  if (list == NULL)
    return NULL;
  if (g_list_model_get_n_items (list) == 0)
    {
      g_set_error (error, CR_STORE_ERROR, CR_STORE_ERROR_NOT_FOUND,
                   _("This entry no longer exists; someone may have deleted it."));
      return NULL;
    }
  return g_list_model_get_item (list, 0);
}

/**
 * cr_store_list:
 * @type: a #CrRecord subclass
 * @column: (nullable): a column of @type's table to filter on, or %NULL
 *   for every row
 * @value: the value @column must have (0 matches NULL for references)
 *
 * Returns: (transfer full): a #GListModel of @type, in the table's
 *   natural order
 */
GListModel *
cr_store_list (CrStore    *self,
               GType       type,
               const char *column,
               gint64      value,
               GError    **error)
{
  g_autoptr(CrRecordClass) klass = NULL;
  g_autofree char *where = NULL;
  GParamSpec *field;

  g_return_val_if_fail (CR_IS_STORE (self), NULL);
  g_return_val_if_fail (g_type_is_a (type, CR_TYPE_RECORD), NULL);

  if (column == NULL)
    return _cr_store_list_where (self, type, NULL, NULL, 0, error);

  klass = g_type_class_ref (type);
  field = find_field (klass, column);
  g_return_val_if_fail (field != NULL, NULL);
  if (value == 0 && is_reference (field))
    where = g_strdup_printf ("\"%s\" IS NULL", column);
  else
    where = g_strdup_printf ("\"%s\" = ?", column);
  return _cr_store_list_where (self, type, where, NULL, value, error);
}

gint64
cr_store_count (CrStore    *self,
                GType       type,
                const char *column,
                gint64      value,
                GError    **error)
{
  g_autoptr(CrRecordClass) klass = NULL;
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  gint64 count;
  int rc;

  g_return_val_if_fail (CR_IS_STORE (self), -1);
  g_return_val_if_fail (g_type_is_a (type, CR_TYPE_RECORD), -1);

  klass = g_type_class_ref (type);
  if (column != NULL)
    {
      GParamSpec *field = find_field (klass, column);

      g_return_val_if_fail (field != NULL, -1);
      /* As in cr_store_list(): 0 matches NULL for references. */
      if (value == 0 && is_reference (field))
        sql = g_strdup_printf ("SELECT count(*) FROM \"%s\" WHERE \"%s\" IS NULL",
                               cr_record_class_get_table (klass), column);
      else
        sql = g_strdup_printf ("SELECT count(*) FROM \"%s\" WHERE \"%s\" = ?",
                               cr_record_class_get_table (klass), column);
    }
  else
    sql = g_strdup_printf ("SELECT count(*) FROM \"%s\"", cr_record_class_get_table (klass));
  stmt = _cr_store_prepare (self, sql, error);
  if (stmt == NULL)
    return -1;
  if (strchr (sql, '?') != NULL)
    sqlite3_bind_int64 (stmt, 1, value);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      _cr_store_set_error (error, self->db, rc);
      return -1;
    }
  count = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return count;
}

static char *
record_json (CrRecord *record)
{
  g_autoptr(cJSON) json = cr_record_to_json (record);

  return cJSON_PrintUnformatted (json);
}

static gboolean
audit (CrStore    *self,
       CrRecord   *record,
       const char *action,
       CrRecord   *before,
       CrRecord   *after,
       GError    **error)
{
  g_autofree char *before_json = before ? record_json (before) : NULL;
  g_autofree char *after_json = after ? record_json (after) : NULL;

  return _cr_store_write_audit (self->db, self->operator_name,
                                cr_record_class_get_table (CR_RECORD_GET_CLASS (record)),
                                cr_record_get_id (record), action, before_json, after_json, error);
}

static gboolean
step_done (CrStore      *self,
           sqlite3_stmt *stmt,
           GError      **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return _cr_store_set_error (error, self->db, rc);
  return TRUE;
}

/**
 * cr_store_insert:
 *
 * Adds @record as a new row, in one transaction with its audit entry, and
 * sets its id (and version 1). A record that already has an id keeps it
 * (undoing a delete brings back the same row); set the id to 0 to add a
 * copy.
 */
gboolean
cr_store_insert (CrStore  *self,
                 CrRecord *record,
                 GError  **error)
{
  CrRecordClass *klass;
  g_autoptr(GString) sql = NULL;
  GParamSpec **fields;
  guint n_fields;
  sqlite3_stmt *stmt;
  const char *table;
  gboolean with_id;

  g_return_val_if_fail (CR_IS_STORE (self), FALSE);
  g_return_val_if_fail (CR_IS_RECORD (record), FALSE);

  klass = CR_RECORD_GET_CLASS (record);
  table = cr_record_class_get_table (klass);
  g_return_val_if_fail (!g_str_equal (table, "audit"), FALSE);
  /* The store sets a logbook entry's time, author and chained hash. */
  if (g_str_equal (table, "logbook"))
    return cr_store_append_log_entry (self, CR_LOG_ENTRY (record), error);

  fields = cr_record_class_get_fields (klass, &n_fields);
  with_id = cr_record_get_id (record) > 0;
  sql = g_string_new (NULL);
  g_string_append_printf (sql, "INSERT INTO \"%s\" (%s", table, with_id ? "\"id\", " : "");
  for (guint i = 0; i < n_fields; i++)
    {
      g_autofree char *column = cr_record_field_column (fields[i]);

      g_string_append_printf (sql, "%s\"%s\"", i ? ", " : "", column);
    }
  g_string_append (sql, with_id ? ") VALUES (?, " : ") VALUES (");
  for (guint i = 0; i < n_fields; i++)
    g_string_append (sql, i ? ", ?" : "?");
  g_string_append (sql, ")");

  if (!cr_store_begin (self, error))
    return FALSE;

  stmt = _cr_store_prepare (self, sql->str, error);
  if (stmt == NULL)
    goto fail;
  if (with_id)
    sqlite3_bind_int64 (stmt, 1, cr_record_get_id (record));
  for (guint i = 0; i < n_fields; i++)
    {
      int index = (int) i + 1 + (with_id ? 1 : 0);

      if (is_version (fields[i]))
        sqlite3_bind_int64 (stmt, index, 1);
      else
        _cr_store_bind_field (stmt, index, fields[i], cr_record_get_field (record, fields[i]));
    }
  if (!step_done (self, stmt, error))
    goto fail;

  g_object_freeze_notify (G_OBJECT (record));
  cr_record_set_id (record, sqlite3_last_insert_rowid (self->db));
  for (guint i = 0; i < n_fields; i++)
    if (is_version (fields[i]))
      cr_record_set_int64 (record, fields[i], 1);
  g_object_thaw_notify (G_OBJECT (record));

  if (!audit (self, record, "insert", NULL, record, error))
    goto fail;
  _cr_store_queue_change (self, table, cr_record_get_id (record), CR_STORE_CHANGE_INSERT);
  return cr_store_commit (self, error);

fail:
  cr_store_rollback (self);
  return FALSE;
}

/**
 * cr_store_update:
 *
 * Writes every field of @record to its row. When the table has a row
 * version and the row changed since @record was read, fails with
 * %CR_STORE_ERROR_CONFLICT and changes nothing; on success the record's
 * version is the new one.
 */
gboolean
cr_store_update (CrStore  *self,
                 CrRecord *record,
                 GError  **error)
{
  CrRecordClass *klass;
  g_autoptr(GString) sql = NULL;
  g_autoptr(CrRecord) before = NULL;
  GParamSpec **fields;
  GParamSpec *version_field = NULL;
  guint n_fields;
  sqlite3_stmt *stmt;
  const char *table;
  int n_bound = 0;

  g_return_val_if_fail (CR_IS_STORE (self), FALSE);
  g_return_val_if_fail (CR_IS_RECORD (record), FALSE);

  klass = CR_RECORD_GET_CLASS (record);
  table = cr_record_class_get_table (klass);
  if (is_append_only (table))
    {
      g_set_error (error, CR_STORE_ERROR, CR_STORE_ERROR_READ_ONLY,
                   _("Logbook and audit entries can never be changed or deleted; "
                     "write a correction instead."));
      return FALSE;
    }

  fields = cr_record_class_get_fields (klass, &n_fields);
  sql = g_string_new (NULL);
  g_string_append_printf (sql, "UPDATE \"%s\" SET ", table);
  for (guint i = 0; i < n_fields; i++)
    {
      g_autofree char *column = cr_record_field_column (fields[i]);

      if (is_version (fields[i]))
        {
          version_field = fields[i];
          g_string_append_printf (sql, "%s\"version\" = \"version\" + 1", i ? ", " : "");
        }
      else
        g_string_append_printf (sql, "%s\"%s\" = ?", i ? ", " : "", column);
    }
  g_string_append (sql, " WHERE \"id\" = ?");

  if (!cr_store_begin (self, error))
    return FALSE;

  before = cr_store_get (self, G_OBJECT_TYPE (record), cr_record_get_id (record), error);
  if (before == NULL)
    goto fail;
  if (version_field != NULL &&
      cr_record_get_int64 (before, version_field) != cr_record_get_int64 (record, version_field))
    {
      g_set_error (error, CR_STORE_ERROR, CR_STORE_ERROR_CONFLICT,
                   _("Someone else changed this entry since you opened it. "
                     "Reload it to see their change, or overwrite it with yours."));
      goto fail;
    }

  stmt = _cr_store_prepare (self, sql->str, error);
  if (stmt == NULL)
    goto fail;
  for (guint i = 0; i < n_fields; i++)
    if (!is_version (fields[i]))
      _cr_store_bind_field (stmt, ++n_bound, fields[i], cr_record_get_field (record, fields[i]));
  sqlite3_bind_int64 (stmt, ++n_bound, cr_record_get_id (record));
  if (!step_done (self, stmt, error))
    goto fail;

  if (version_field != NULL)
    cr_record_set_int64 (record, version_field, cr_record_get_int64 (before, version_field) + 1);

  if (!audit (self, record, "update", before, record, error))
    goto fail;
  _cr_store_queue_change (self, table, cr_record_get_id (record), CR_STORE_CHANGE_UPDATE);
  return cr_store_commit (self, error);

fail:
  cr_store_rollback (self);
  return FALSE;
}

/* The first logbook entry linking to @id of @table, or 0. The logbook
 * keeps its links for good (its rows can never change), so such a row
 * cannot be deleted; the user is told which entry holds it. */
static gint64
logbook_link (CrStore    *self,
              const char *table,
              gint64      id)
{
  static const struct { const char *table, *column; } links[] = {
    { "features", "feature_id" },
    { "partners", "partner_id" },
    { "activations", "activation_id" },
  };
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  gint64 entry = 0;

  for (guint i = 0; i < G_N_ELEMENTS (links); i++)
    if (g_str_equal (table, links[i].table))
      sql = g_strdup_printf ("SELECT min(\"id\") FROM \"logbook\" WHERE \"%s\" = ?", links[i].column);
  if (sql == NULL)
    return 0;
  stmt = _cr_store_prepare (self, sql, NULL);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    entry = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return entry;
}

static void
set_logbook_link_error (GError    **error,
                        const char *table,
                        gint64      entry)
{
  g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, entry);

  if (g_str_equal (table, "features"))
    g_set_error (error, CR_STORE_ERROR, CR_STORE_ERROR_CONSTRAINT,
                 _("Logbook entry #%s links to this feature, and the logbook keeps its links "
                   "for good: the feature cannot be deleted. Let its active times end instead."),
                 number);
  else if (g_str_equal (table, "partners"))
    g_set_error (error, CR_STORE_ERROR, CR_STORE_ERROR_CONSTRAINT,
                 _("Logbook entry #%s links to this partner, and the logbook keeps its links "
                   "for good: the partner cannot be deleted."),
                 number);
  else
    g_set_error (error, CR_STORE_ERROR, CR_STORE_ERROR_CONSTRAINT,
                 _("Logbook entry #%s links to this activation, and the logbook keeps its "
                   "links for good: the activation cannot be deleted."),
                 number);
}

gboolean
cr_store_delete (CrStore  *self,
                 CrRecord *record,
                 GError  **error)
{
  g_autoptr(CrRecord) before = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  const char *table;

  g_return_val_if_fail (CR_IS_STORE (self), FALSE);
  g_return_val_if_fail (CR_IS_RECORD (record), FALSE);

  table = cr_record_class_get_table (CR_RECORD_GET_CLASS (record));
  if (is_append_only (table))
    {
      g_set_error (error, CR_STORE_ERROR, CR_STORE_ERROR_READ_ONLY,
                   _("Logbook and audit entries can never be changed or deleted; "
                     "write a correction instead."));
      return FALSE;
    }

  if (!cr_store_begin (self, error))
    return FALSE;
  before = cr_store_get (self, G_OBJECT_TYPE (record), cr_record_get_id (record), error);
  if (before == NULL)
    goto fail;
  sql = g_strdup_printf ("DELETE FROM \"%s\" WHERE \"id\" = ?", table);
  stmt = _cr_store_prepare (self, sql, error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, cr_record_get_id (record));
  if (!step_done (self, stmt, &local_error))
    {
      gint64 entry = 0;

      if (g_error_matches (local_error, CR_STORE_ERROR, CR_STORE_ERROR_CONSTRAINT))
        entry = logbook_link (self, table, cr_record_get_id (record));
      if (entry > 0)
        set_logbook_link_error (error, table, entry);
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      goto fail;
    }
  if (!audit (self, record, "delete", before, NULL, error))
    goto fail;
  _cr_store_queue_change (self, table, cr_record_get_id (record), CR_STORE_CHANGE_DELETE);
  return cr_store_commit (self, error);

fail:
  cr_store_rollback (self);
  return FALSE;
}
