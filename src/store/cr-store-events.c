/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cr-store"

#include "config.h"

#include <glib/gi18n.h>

#include "cr-store-private.h"
#include "cr-time.h"

/* Event-level writes: a new event from a past one, duplicates.
 *
 * Recurring events (New Year's Eve, the national day) reuse last year's
 * map: the copy takes the event row, its features with their waypoints
 * and its roles, every time moved by the same span.
 *
 * What is never copied, on purpose: activations and logbook entries are
 * the record of what happened during the past event, not a plan.
 * Checklists need no copying: there is no event-specific checklist table,
 * the templates belong to an event kind, and the copy keeps the kind. */

/* Moves a stored time by @shift; text that is not a stored time (edited
 * outside the app) is kept as it is rather than lost. */
static void
bind_shifted_time (sqlite3_stmt  *insert,
                   int            index,
                   sqlite3_value *value,
                   GTimeSpan      shift)
{
  g_autoptr(GDateTime) dt = NULL;
  g_autoptr(GDateTime) shifted = NULL;

  if (sqlite3_value_type (value) == SQLITE_TEXT)
    dt = cr_time_from_storage ((const char *) sqlite3_value_text (value));
  if (dt != NULL)
    shifted = g_date_time_add (dt, shift);
  if (shifted == NULL)
    {
      sqlite3_bind_value (insert, index, value);
      return;
    }
  sqlite3_bind_text (insert, index, cr_time_to_storage (shifted), -1, g_free);
}

typedef struct
{
  GType type;                /* the CrRecord subclass of the rows */
  const char *parent_column; /* points at the copied parent */
  const char *remap_column;  /* (nullable) a reference to translate */
  GHashTable *remap;         /* old id -> new id for @remap_column */
  gboolean audit_each;       /* one audit row per copy, else the caller summarises */
} CopySpec;

/* Copies the rows of @spec->type whose parent is @old_parent to
 * @new_parent, column by column from the record class, so a field added
 * to the class later is copied too. Times move by @shift; references in
 * @spec->remap_column are translated, or cleared when the row they
 * pointed at was not copied. Records old id -> new id in @id_map. */
static gboolean
copy_rows (CrStore        *self,
           const CopySpec *spec,
           gint64          old_parent,
           gint64          new_parent,
           GTimeSpan       shift,
           GHashTable     *id_map,
           guint          *n_copied,
           GError        **error)
{
  g_autoptr(CrRecordClass) klass = g_type_class_ref (spec->type);
  g_autoptr(GString) where = g_string_new (NULL);
  g_autoptr(GString) insert_sql = g_string_new (NULL);
  g_autofree char *select_sql = NULL;
  g_auto(GStrv) columns = NULL;
  const char *table = cr_record_class_get_table (klass);
  sqlite3_stmt *select, *insert;
  GParamSpec **fields;
  guint n_fields;
  int rc;

  fields = cr_record_class_get_fields (klass, &n_fields);
  columns = g_new0 (char *, n_fields + 1);
  g_string_append_printf (insert_sql, "INSERT INTO \"%s\" (", table);
  for (guint i = 0; i < n_fields; i++)
    {
      columns[i] = cr_record_field_column (fields[i]);
      g_string_append_printf (insert_sql, "%s\"%s\"", i ? ", " : "", columns[i]);
    }
  g_string_append (insert_sql, ") VALUES (");
  for (guint i = 0; i < n_fields; i++)
    g_string_append (insert_sql, i ? ", ?" : "?");
  g_string_append (insert_sql, ")");

  g_string_append_printf (where, "\"%s\" = ?", spec->parent_column);
  select_sql = _cr_store_select_sql (klass, where->str, "\"id\"");

  select = _cr_store_prepare (self, select_sql, error);
  if (select == NULL)
    {
      return FALSE;
    }
  sqlite3_bind_int64 (select, 1, old_parent);
  insert = _cr_store_prepare (self, insert_sql->str, error);
  if (insert == NULL)
    {
      sqlite3_reset (select);
      return FALSE;
    }

  /* New rows point at the new parent, so the running SELECT never meets
   * them. */
  while ((rc = sqlite3_step (select)) == SQLITE_ROW)
    {
      gint64 old_id = sqlite3_column_int64 (select, 0);
      gint64 new_id;

      sqlite3_reset (insert);
      sqlite3_clear_bindings (insert);
      for (guint i = 0; i < n_fields; i++)
        {
          sqlite3_value *value = sqlite3_column_value (select, (int) i + 1);
          int index = (int) i + 1;

          if (g_str_equal (fields[i]->name, "version"))
            sqlite3_bind_int64 (insert, index, 1);
          else if (g_str_equal (columns[i], spec->parent_column))
            sqlite3_bind_int64 (insert, index, new_parent);
          else if (spec->remap_column != NULL && g_str_equal (columns[i], spec->remap_column))
            {
              gint64 old_ref = sqlite3_value_int64 (value);
              gint64 *new_ref = spec->remap ? g_hash_table_lookup (spec->remap, &old_ref) : NULL;

              if (new_ref != NULL)
                sqlite3_bind_int64 (insert, index, *new_ref);
              else
                sqlite3_bind_null (insert, index);
            }
          else if (fields[i]->value_type == G_TYPE_DATE_TIME)
            bind_shifted_time (insert, index, value, shift);
          else
            sqlite3_bind_value (insert, index, value);
        }
      rc = sqlite3_step (insert);
      sqlite3_reset (insert);
      if (rc != SQLITE_DONE)
        break;
      new_id = sqlite3_last_insert_rowid (self->db);
      (*n_copied)++;

      if (id_map != NULL)
        g_hash_table_insert (id_map, g_memdup2 (&old_id, sizeof old_id),
                             g_memdup2 (&new_id, sizeof new_id));
      if (spec->audit_each)
        {
          g_autoptr(CrRecord) record = NULL;
          g_autoptr(cJSON) json = NULL;
          g_autofree char *text = NULL;

          /* Read back as the store would have written it. */
          record = cr_store_get (self, spec->type, new_id, error);
          if (record == NULL)
            {
              sqlite3_reset (select);
                      return FALSE;
            }
          json = cr_record_to_json (record);
          text = cJSON_PrintUnformatted (json);
          if (!_cr_store_write_audit (self->db, self->operator_name, table, new_id, "insert",
                                      NULL, text, error))
            {
              sqlite3_reset (select);
                      return FALSE;
            }
        }
    }
  sqlite3_reset (select);
  if (rc != SQLITE_DONE)
    return _cr_store_set_error (error, self->db, rc);
  return TRUE;
}

/* One audit row for a bulk of copied rows, as imports write it. */
static gboolean
audit_copy (CrStore    *self,
            const char *table,
            gint64      source_event_id,
            gint64      event_id,
            GTimeSpan   shift,
            guint       n_rows,
            GError    **error)
{
  g_autoptr(cJSON) json = cJSON_CreateObject ();
  g_autofree char *text = NULL;

  cJSON_AddNumberToObject (json, "event_id", (double) event_id);
  cJSON_AddNumberToObject (json, "source_event_id", (double) source_event_id);
  cJSON_AddNumberToObject (json, "shift_seconds", (double) (shift / G_TIME_SPAN_SECOND));
  cJSON_AddNumberToObject (json, "rows", n_rows);
  text = cJSON_PrintUnformatted (json);
  return _cr_store_write_audit (self->db, self->operator_name, table, 0, "copy", NULL, text,
                                error);
}

static GHashTable *
id_map_new (void)
{
  return g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
}

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

/**
 * cr_store_check_event_name:
 * @name: a name for an event
 * @except_id: the event being renamed (it may keep its own name, in any
 *   case), or 0
 *
 * Whether @name can name an event: not empty, not another event's name
 * (names are unique without regard to case). The error says what to do,
 * for the dialogs to show as it is.
 *
 * Returns: %TRUE when the name is free
 */
gboolean
cr_store_check_event_name (CrStore    *self,
                           const char *name,
                           gint64      except_id,
                           GError    **error)
{
  g_autoptr(CrEvent) existing = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *stripped = NULL;

  g_return_val_if_fail (CR_IS_STORE (self), FALSE);

  stripped = g_strstrip (g_strdup (name != NULL ? name : ""));
  if (*stripped == '\0')
    {
      g_set_error (error, CR_STORE_ERROR, CR_STORE_ERROR_INVALID,
                   _("Enter a name for the event."));
      return FALSE;
    }
  existing = cr_store_find_event (self, stripped, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (existing != NULL && cr_record_get_id (CR_RECORD (existing)) != except_id)
    {
      g_set_error (error, CR_STORE_ERROR, CR_STORE_ERROR_CONSTRAINT,
                   _("An event named “%s” already exists. Choose another name."),
                   cr_event_get_name (existing));
      return FALSE;
    }
  return TRUE;
}

/**
 * cr_store_copy_event:
 * @source_event_id: the past event
 * @new_name: the new event's name; must be free
 * @shift: how far every time moves (new start − old start); 0 keeps them
 * @flags: what to copy besides the event row
 * @new_id: (out) (optional): the new event's id
 *
 * A new event from a past one, in one transaction: all of it or nothing.
 * The event row is copied with its start and end moved by @shift, in
 * planning and not archived. With %CR_EVENT_COPY_FEATURES its features
 * (geometry, kind, name, notes, partner, properties, circle; active
 * window moved) and their waypoints (planned times moved); with
 * %CR_EVENT_COPY_ROLES its roles, whose sector points at the copied
 * feature (or at nothing when features are not copied). Activations and
 * logbook entries are never copied.
 *
 * The event row is audited as an insert, each role too; features and
 * waypoints get one summarising "copy" row each. #CrStore::changed tells
 * of the new event, and reloads features, waypoints and roles.
 *
 * Returns: %TRUE on success
 */
gboolean
cr_store_copy_event (CrStore          *self,
                     gint64            source_event_id,
                     const char       *new_name,
                     GTimeSpan         shift,
                     CrEventCopyFlags  flags,
                     gint64           *new_id,
                     GError          **error)
{
  g_autoptr(CrEvent) source = NULL;
  g_autoptr(CrEvent) event = NULL;
  g_autoptr(GHashTable) feature_map = id_map_new ();
  g_autofree char *name = NULL;
  GDateTime *starts, *ends;
  gint64 event_id;
  guint n_features = 0, n_waypoints = 0, n_roles = 0;

  g_return_val_if_fail (CR_IS_STORE (self), FALSE);
  g_return_val_if_fail (new_name != NULL, FALSE);

  if (!cr_store_begin (self, error))
    return FALSE;

  source = cr_store_get (self, CR_TYPE_EVENT, source_event_id, error);
  if (source == NULL)
    goto fail;
  name = g_strstrip (g_strdup (new_name));
  if (!cr_store_check_event_name (self, name, 0, error))
    goto fail;

  event = cr_record_copy (CR_RECORD (source));
  cr_record_set_id (CR_RECORD (event), 0);
  cr_event_set_name (event, name);
  cr_event_set_status (event, CR_EVENT_STATUS_PLANNING);
  cr_event_set_archived (event, FALSE);
  starts = cr_event_get_starts (source);
  ends = cr_event_get_ends (source);
  if (starts != NULL)
    {
      g_autoptr(GDateTime) shifted = g_date_time_add (starts, shift);

      cr_event_set_starts (event, shifted);
    }
  if (ends != NULL)
    {
      g_autoptr(GDateTime) shifted = g_date_time_add (ends, shift);

      cr_event_set_ends (event, shifted);
    }
  if (!cr_store_insert (self, CR_RECORD (event), error))
    goto fail;
  event_id = cr_record_get_id (CR_RECORD (event));

  if (flags & CR_EVENT_COPY_FEATURES)
    {
      const CopySpec features = { CR_TYPE_FEATURE, "event_id", NULL, NULL, FALSE };
      const CopySpec waypoints = { CR_TYPE_WAYPOINT, "feature_id", NULL, NULL, FALSE };
      g_autoptr(GList) old_ids = NULL;

      if (!copy_rows (self, &features, source_event_id, event_id, shift, feature_map,
                      &n_features, error))
        goto fail;
      /* In the features' order, so the copies' waypoints are too. */
      old_ids = g_list_sort (g_hash_table_get_keys (feature_map), compare_ids);
      for (GList *l = old_ids; l != NULL; l = l->next)
        {
          gint64 *copy_id = g_hash_table_lookup (feature_map, l->data);

          if (!copy_rows (self, &waypoints, *(gint64 *) l->data, *copy_id, shift, NULL,
                          &n_waypoints, error))
            goto fail;
        }
      if (n_features > 0 &&
          !audit_copy (self, "features", source_event_id, event_id, shift, n_features, error))
        goto fail;
      if (n_waypoints > 0 &&
          !audit_copy (self, "waypoints", source_event_id, event_id, shift, n_waypoints, error))
        goto fail;
    }

  if (flags & CR_EVENT_COPY_ROLES)
    {
      const CopySpec roles = { CR_TYPE_ROLE, "event_id", "sector_id", feature_map, TRUE };

      if (!copy_rows (self, &roles, source_event_id, event_id, shift, NULL, &n_roles, error))
        goto fail;
    }

  if (n_features > 0)
    _cr_store_queue_change (self, "features", 0, CR_STORE_CHANGE_RELOAD);
  if (n_waypoints > 0)
    _cr_store_queue_change (self, "waypoints", 0, CR_STORE_CHANGE_RELOAD);
  if (n_roles > 0)
    _cr_store_queue_change (self, "roles", 0, CR_STORE_CHANGE_RELOAD);
  if (!cr_store_commit (self, error))
    return FALSE;
  if (new_id != NULL)
    *new_id = event_id;
  return TRUE;

fail:
  cr_store_rollback (self);
  return FALSE;
}

/**
 * cr_store_copy_event_name:
 * @name: the name of the event being duplicated
 *
 * A free name for a copy: “@name (copy)”, else “@name (copy 2)”, 3…
 *
 * Returns: (transfer full): the name, or %NULL with @error set
 */
char *
cr_store_copy_event_name (CrStore    *self,
                          const char *name,
                          GError    **error)
{
  g_return_val_if_fail (CR_IS_STORE (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  for (guint n = 1; n < G_MAXUINT; n++)
    {
      g_autoptr(CrEvent) existing = NULL;
      g_autoptr(GError) local_error = NULL;
      g_autofree char *candidate = NULL;

      if (n == 1)
        /* Translators: the name of a duplicated event; %s is the original's name. */
        candidate = g_strdup_printf (_("%s (copy)"), name);
      else
        /* Translators: the name of a further duplicate of an event; %s is
         * the original's name, %u the copy's number (2, 3…). */
        candidate = g_strdup_printf (_("%s (copy %u)"), name, n);
      existing = cr_store_find_event (self, candidate, &local_error);
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
      if (existing == NULL)
        return g_steal_pointer (&candidate);
    }
  g_assert_not_reached ();
}

/**
 * cr_store_duplicate_event:
 * @new_id: (out) (optional): the duplicate's id
 *
 * A copy of the event with everything cr_store_copy_event() copies, at
 * the same times, named by cr_store_copy_event_name().
 *
 * Returns: %TRUE on success
 */
gboolean
cr_store_duplicate_event (CrStore *self,
                          gint64   event_id,
                          gint64  *new_id,
                          GError **error)
{
  g_autoptr(CrEvent) event = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (CR_IS_STORE (self), FALSE);

  /* The name and the copy in one transaction: nobody takes the name
   * in between. */
  if (!cr_store_begin (self, error))
    return FALSE;
  event = cr_store_get (self, CR_TYPE_EVENT, event_id, error);
  if (event == NULL)
    goto fail;
  name = cr_store_copy_event_name (self, cr_event_get_name (event), error);
  if (name == NULL)
    goto fail;
  if (!cr_store_copy_event (self, event_id, name, 0, CR_EVENT_COPY_ALL, new_id, error))
    goto fail;
  return cr_store_commit (self, error);

fail:
  cr_store_rollback (self);
  return FALSE;
}
