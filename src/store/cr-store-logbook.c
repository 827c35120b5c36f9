/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cr-store"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "cr-enum-types.h"
#include "cr-store-private.h"
#include "cr-time.h"

/* The logbook (main courante): append-only and hash-chained.
 *
 * Append-only: triggers refuse UPDATE and DELETE (migration 3), and
 * cr_store_update()/cr_store_delete() refuse logbook entries before SQL
 * is reached. A correction is a new entry whose corrects_id names the
 * corrected one.
 *
 * Hash chain: each entry's hash is the SHA-256, in lowercase hex, of its
 * canonical form, which ends with the hash of the entry before it. The
 * canonical form (version 1) is the UTF-8 bytes of:
 *
 *   "crisis-room-logbook-v1\n"
 *   then, for each of id, recorded_at, occurred_at, author, category,
 *   text, feature_id, partner_id, activation_id, corrects_id, prev,
 *   in this order:
 *     NAME ":" LENGTH ":" VALUE "\n"   when the value is not NULL
 *     NAME ":-\n"                      when it is NULL
 *
 * where NAME is the column name, VALUE the column's text exactly as
 * stored (integers in decimal without leading zeros, times as the
 * storage text "2024-09-26T08:00:00.000Z", the category as its nick)
 * and LENGTH its length in bytes, in decimal. The length prefix makes
 * the form unambiguous whatever the text holds (newlines, colons). "prev"
 * is the stored hash of the entry with the next lower id, or the empty
 * string (length 0) for the first entry of the chain.
 *
 * The chain starts at cr_meta.logbook_chain_start (migration 5); entries
 * before it were written before the chain existed and have no hash. The
 * store writes the hash inside the insert's transaction, which holds the
 * write lock (BEGIN IMMEDIATE), so two processes cannot both chain onto
 * the same entry. Ids are given by the store (sequence + 1), so the
 * chain has no gaps and a deleted entry shows as a missing id.
 *
 * docs/design-notes.md says what this protects against and what not.
 */

#define CHAIN_TAG "crisis-room-logbook-v1\n"

enum
{
  COL_ID,
  COL_RECORDED_AT,
  COL_OCCURRED_AT,
  COL_AUTHOR,
  COL_CATEGORY,
  COL_TEXT,
  COL_FEATURE_ID,
  COL_PARTNER_ID,
  COL_ACTIVATION_ID,
  COL_CORRECTS_ID,
  N_HASHED,
  COL_HASH = N_HASHED,
};

static const char *const hashed_columns[N_HASHED] = {
  "id", "recorded_at", "occurred_at", "author", "category", "text",
  "feature_id", "partner_id", "activation_id", "corrects_id",
};

/* A column's value in the canonical form: @data NULL for SQL NULL. */
typedef struct
{
  const char *data;
  gsize len;
} ChainValue;

static void
chain_field (GChecksum  *sum,
             const char *name,
             const char *data,
             gsize       len)
{
  char head[64];

  if (data == NULL)
    {
      g_snprintf (head, sizeof head, "%s:-\n", name);
      g_checksum_update (sum, (const guchar *) head, -1);
      return;
    }
  g_snprintf (head, sizeof head, "%s:%" G_GSIZE_FORMAT ":", name, len);
  g_checksum_update (sum, (const guchar *) head, -1);
  g_checksum_update (sum, (const guchar *) data, (gssize) len);
  g_checksum_update (sum, (const guchar *) "\n", 1);
}

static char *
chain_hash (const ChainValue values[N_HASHED],
            const char      *prev_hash)
{
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);

  g_checksum_update (sum, (const guchar *) CHAIN_TAG, -1);
  for (guint i = 0; i < N_HASHED; i++)
    chain_field (sum, hashed_columns[i], values[i].data, values[i].len);
  chain_field (sum, "prev", prev_hash, strlen (prev_hash));
  return g_strdup (g_checksum_get_string (sum));
}

static gint64
query_int (CrStore    *self,
           const char *sql,
           gint64      fallback,
           GError    **error)
{
  sqlite3_stmt *stmt = _cr_store_prepare (self, sql, error);
  gint64 value = fallback;
  int rc;

  if (stmt == NULL)
    return -1;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      _cr_store_set_error (error, self->db, rc);
      return -1;
    }
  return value;
}

static gint64
chain_start (CrStore *self,
             GError **error)
{
  return query_int (self, "SELECT value FROM cr_meta WHERE key = 'logbook_chain_start'", 1, error);
}

/* The last id the logbook ever gave, deleted or not. */
static gint64
last_given_id (CrStore *self,
               GError **error)
{
  return query_int (self,
                    "SELECT max(COALESCE((SELECT seq FROM sqlite_sequence WHERE name = 'logbook'), 0),"
                    " COALESCE((SELECT max(id) FROM logbook), 0))",
                    0, error);
}

static char *
id_text (gint64 id)
{
  return id > 0 ? g_strdup_printf ("%" G_GINT64_FORMAT, id) : NULL;
}

static void
bind_id (sqlite3_stmt *stmt,
         int           index,
         gint64        id)
{
  if (id > 0)
    sqlite3_bind_int64 (stmt, index, id);
  else
    sqlite3_bind_null (stmt, index);
}

/* The store's own append: sets the entry's id, recorded_at, author and
 * hash; the caller's values for those are ignored. Inside the caller's
 * transaction when there is one. */
static gboolean
append_entry (CrStore    *self,
              CrLogEntry *entry,
              GError    **error)
{
  g_autoptr(GDateTime) now = cr_time_now_utc ();
  g_autoptr(GDateTime) recorded_at = NULL;
  g_autoptr(GDateTime) occurred_at = NULL;
  g_autofree char *recorded = cr_time_to_storage (now);
  g_autofree char *occurred = NULL;
  g_autofree char *id_str = NULL;
  g_autofree char *feature_str = id_text (cr_log_entry_get_feature_id (entry));
  g_autofree char *partner_str = id_text (cr_log_entry_get_partner_id (entry));
  g_autofree char *activation_str = id_text (cr_log_entry_get_activation_id (entry));
  g_autofree char *corrects_str = id_text (cr_log_entry_get_corrects_id (entry));
  g_autofree char *prev = NULL;
  g_autofree char *hash = NULL;
  g_autoptr(cJSON) json = NULL;
  g_autofree char *json_text = NULL;
  const char *category = cr_enum_to_nick (CR_TYPE_LOG_CATEGORY, cr_log_entry_get_category (entry));
  const char *author = cr_store_get_operator (self);
  const char *text = cr_log_entry_get_text (entry);
  ChainValue values[N_HASHED];
  sqlite3_stmt *stmt;
  gint64 id, start;
  int rc;

  /* Occurred when it was recorded, unless the author says otherwise. */
  occurred = cr_log_entry_get_occurred_at (entry) != NULL
               ? cr_time_to_storage (cr_log_entry_get_occurred_at (entry))
               : g_strdup (recorded);

  start = chain_start (self, error);
  if (start < 0)
    return FALSE;
  id = last_given_id (self, error);
  if (id < 0)
    return FALSE;
  id++;
  id_str = id_text (id);

  stmt = _cr_store_prepare (self, "SELECT id, hash FROM logbook ORDER BY id DESC LIMIT 1", error);
  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW && sqlite3_column_int64 (stmt, 0) >= start &&
      sqlite3_column_type (stmt, 1) != SQLITE_NULL)
    prev = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return _cr_store_set_error (error, self->db, rc);
  if (prev == NULL)
    prev = g_strdup ("");

#define VALUE(i, s) values[i] = (ChainValue) { (s), (s) != NULL ? strlen (s) : 0 }
  VALUE (COL_ID, id_str);
  VALUE (COL_RECORDED_AT, recorded);
  VALUE (COL_OCCURRED_AT, occurred);
  VALUE (COL_AUTHOR, author);
  VALUE (COL_CATEGORY, category);
  VALUE (COL_TEXT, text);
  VALUE (COL_FEATURE_ID, feature_str);
  VALUE (COL_PARTNER_ID, partner_str);
  VALUE (COL_ACTIVATION_ID, activation_str);
  VALUE (COL_CORRECTS_ID, corrects_str);
#undef VALUE
  hash = chain_hash (values, prev);

  stmt = _cr_store_prepare (self,
                            "INSERT INTO logbook (id, recorded_at, occurred_at, author, category, text,"
                            " feature_id, partner_id, activation_id, corrects_id, hash)"
                            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_text (stmt, 2, recorded, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, occurred, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, author, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, category, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, text, -1, SQLITE_STATIC);
  bind_id (stmt, 7, cr_log_entry_get_feature_id (entry));
  bind_id (stmt, 8, cr_log_entry_get_partner_id (entry));
  bind_id (stmt, 9, cr_log_entry_get_activation_id (entry));
  bind_id (stmt, 10, cr_log_entry_get_corrects_id (entry));
  sqlite3_bind_text (stmt, 11, hash, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (rc != SQLITE_DONE)
    return _cr_store_set_error (error, self->db, rc);

  /* The entry as stored: times at the stored precision. */
  recorded_at = cr_time_from_storage (recorded);
  occurred_at = cr_time_from_storage (occurred);
  g_object_freeze_notify (G_OBJECT (entry));
  cr_record_set_id (CR_RECORD (entry), id);
  cr_log_entry_set_recorded_at (entry, recorded_at);
  cr_log_entry_set_occurred_at (entry, occurred_at);
  cr_log_entry_set_author (entry, author);
  cr_log_entry_set_hash (entry, hash);
  g_object_thaw_notify (G_OBJECT (entry));

  json = cr_record_to_json (CR_RECORD (entry));
  json_text = cJSON_PrintUnformatted (json);
  if (!_cr_store_write_audit (self->db, self->operator_name, "logbook", id, "insert", NULL,
                              json_text, error))
    return FALSE;
  _cr_store_queue_change (self, "logbook", id, CR_STORE_CHANGE_INSERT);
  return TRUE;
}

/**
 * cr_store_append_log_entry:
 * @entry: the entry: text (required), category, occurred-at (%NULL for
 *   now), and the optional links (feature, partner, activation, corrected
 *   entry)
 *
 * Appends @entry to the logbook, in one transaction with its audit row.
 * The store sets what the author cannot choose: the id, the time it is
 * recorded (the system clock), the author (cr_store_get_operator()) and
 * the chained hash; @entry holds them on return. cr_store_insert() on a
 * #CrLogEntry comes here too.
 *
 * Returns: %FALSE with @error set (%CR_STORE_ERROR_INVALID without text)
 */
gboolean
cr_store_append_log_entry (CrStore    *self,
                           CrLogEntry *entry,
                           GError    **error)
{
  g_return_val_if_fail (CR_IS_STORE (self), FALSE);
  g_return_val_if_fail (CR_IS_LOG_ENTRY (entry), FALSE);

  if (!_cr_store_has_text (cr_log_entry_get_text (entry)))
    {
      g_set_error (error, CR_STORE_ERROR, CR_STORE_ERROR_INVALID,
                   _("A logbook entry needs a text. Write what happened, was decided or was done."));
      return FALSE;
    }
  if (cr_record_get_id (CR_RECORD (entry)) > 0)
    {
      g_set_error (error, CR_STORE_ERROR, CR_STORE_ERROR_READ_ONLY,
                   _("This logbook entry is already written and can never be changed; "
                     "write a correction instead."));
      return FALSE;
    }

  if (!cr_store_begin (self, error))
    return FALSE;
  if (cr_log_entry_get_corrects_id (entry) > 0)
    {
      g_autoptr(CrLogEntry) corrected = cr_store_get (self, CR_TYPE_LOG_ENTRY,
                                                      cr_log_entry_get_corrects_id (entry), NULL);

      if (corrected == NULL)
        {
          cr_store_rollback (self);
          g_set_error (error, CR_STORE_ERROR, CR_STORE_ERROR_NOT_FOUND,
                       _("The logbook entry %lld to correct does not exist. "
                         "Choose the entry to correct in the logbook."),
                       (long long) cr_log_entry_get_corrects_id (entry));
          return FALSE;
        }
    }
  if (!append_entry (self, entry, error))
    {
      cr_store_rollback (self);
      cr_record_set_id (CR_RECORD (entry), 0);
      return FALSE;
    }
  if (!cr_store_commit (self, error))
    {
      cr_record_set_id (CR_RECORD (entry), 0);
      return FALSE;
    }
  return TRUE;
}

/**
 * cr_store_correct_log_entry:
 * @corrected_id: the entry that @correction corrects
 * @correction: the new entry; links it does not set (feature, partner,
 *   activation) are those of the corrected entry, so the correction shows
 *   wherever the corrected entry does
 *
 * Appends @correction as a correction of @corrected_id, which stays as it
 * was (shown struck through; see cr_store_find_log_correction()).
 */
gboolean
cr_store_correct_log_entry (CrStore    *self,
                            gint64      corrected_id,
                            CrLogEntry *correction,
                            GError    **error)
{
  g_autoptr(CrLogEntry) corrected = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (CR_IS_STORE (self), FALSE);
  g_return_val_if_fail (CR_IS_LOG_ENTRY (correction), FALSE);

  corrected = cr_store_get (self, CR_TYPE_LOG_ENTRY, corrected_id, &local_error);
  if (corrected == NULL)
    {
      if (g_error_matches (local_error, CR_STORE_ERROR, CR_STORE_ERROR_NOT_FOUND))
        g_set_error (error, CR_STORE_ERROR, CR_STORE_ERROR_NOT_FOUND,
                     _("The logbook entry %lld to correct does not exist. "
                       "Choose the entry to correct in the logbook."),
                     (long long) corrected_id);
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  cr_log_entry_set_corrects_id (correction, corrected_id);
  if (cr_log_entry_get_feature_id (correction) == 0)
    cr_log_entry_set_feature_id (correction, cr_log_entry_get_feature_id (corrected));
  if (cr_log_entry_get_partner_id (correction) == 0)
    cr_log_entry_set_partner_id (correction, cr_log_entry_get_partner_id (corrected));
  if (cr_log_entry_get_activation_id (correction) == 0)
    cr_log_entry_set_activation_id (correction, cr_log_entry_get_activation_id (corrected));
  return cr_store_append_log_entry (self, correction, error);
}

/* Text folded for search: decomposed, without accents, casefolded, so
 * "securite" finds "Sécurité" and "STRASSE" finds "Straße". */
static char *
fold (const char *text)
{
  g_autofree char *decomposed = g_utf8_normalize (text, -1, G_NORMALIZE_NFKD);
  g_autoptr(GString) bare = g_string_new (NULL);

  if (decomposed == NULL)
    return g_utf8_casefold (text, -1);
  for (const char *p = decomposed; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_ismark (c))
        g_string_append_unichar (bare, c);
    }
  return g_utf8_casefold (bare->str, -1);
}

static gboolean
matches_words (const char  *text,
               char *const *folded_words)
{
  g_autofree char *folded = NULL;

  if (folded_words == NULL || folded_words[0] == NULL)
    return TRUE;
  if (text == NULL)
    return FALSE;
  folded = fold (text);
  for (guint i = 0; folded_words[i] != NULL; i++)
    if (strstr (folded, folded_words[i]) == NULL)
      return FALSE;
  return TRUE;
}

static char **
fold_words (const char *text)
{
  g_autofree char *folded = NULL;
  g_auto(GStrv) words = NULL;
  g_autoptr(GPtrArray) kept = g_ptr_array_new ();

  if (text == NULL)
    return NULL;
  folded = fold (text);
  words = g_strsplit_set (folded, " \t\n", -1);
  for (guint i = 0; words[i] != NULL; i++)
    if (*words[i] != '\0')
      g_ptr_array_add (kept, g_strdup (words[i]));
  g_ptr_array_add (kept, NULL);
  return (char **) g_ptr_array_free (g_steal_pointer (&kept), FALSE);
}

/**
 * cr_store_list_log_entries:
 * @filter: (nullable): what to keep; %NULL for every entry
 *
 * The time range applies to when an entry occurred (its recorded time
 * when it has none).
 *
 * Returns: (transfer full): a #GListModel of #CrLogEntry in the order
 *   they were written, or %NULL with @error set
 */
GListModel *
cr_store_list_log_entries (CrStore           *self,
                           const CrLogFilter *filter,
                           GError           **error)
{
  static const CrLogFilter all = { 0 };
  g_autoptr(CrRecordClass) klass = NULL;
  g_autoptr(GListStore) list = NULL;
  g_autoptr(GString) where = g_string_new ("1");
  g_autofree char *sql = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *author = NULL;
  g_auto(GStrv) words = NULL;
  sqlite3_stmt *stmt;
  int n = 0, rc;

  g_return_val_if_fail (CR_IS_STORE (self), NULL);

  if (filter == NULL)
    filter = &all;
  klass = g_type_class_ref (CR_TYPE_LOG_ENTRY);
  list = g_list_store_new (CR_TYPE_LOG_ENTRY);

  if (filter->categories != 0)
    {
      gboolean first = TRUE;

      /* Nicks come from the enum, never from the caller. */
      g_string_append (where, " AND \"category\" IN (");
      for (int c = CR_LOG_CATEGORY_INFORMATION; c <= CR_LOG_CATEGORY_INCIDENT; c++)
        if (filter->categories & CR_LOG_CATEGORY_MASK (c))
          {
            g_string_append_printf (where, "%s'%s'", first ? "" : ", ",
                                    cr_enum_to_nick (CR_TYPE_LOG_CATEGORY, c));
            first = FALSE;
          }
      g_string_append (where, first ? "NULL)" : ")");
    }
  if (filter->from != NULL)
    {
      from = cr_time_to_storage (filter->from);
      g_string_append (where, " AND coalesce(\"occurred_at\", \"recorded_at\") >= ?");
    }
  if (filter->to != NULL)
    {
      to = cr_time_to_storage (filter->to);
      g_string_append (where, " AND coalesce(\"occurred_at\", \"recorded_at\") < ?");
    }
  if (filter->activation_id > 0)
    g_string_append (where, " AND \"activation_id\" = ?");
  if (filter->author != NULL && *filter->author != '\0')
    author = g_utf8_casefold (filter->author, -1);
  words = fold_words (filter->text);

  sql = _cr_store_select_sql (klass, where->str, "\"id\"");
  stmt = _cr_store_prepare (self, sql, error);
  if (stmt == NULL)
    return NULL;
  if (from != NULL)
    sqlite3_bind_text (stmt, ++n, from, -1, SQLITE_TRANSIENT);
  if (to != NULL)
    sqlite3_bind_text (stmt, ++n, to, -1, SQLITE_TRANSIENT);
  if (filter->activation_id > 0)
    sqlite3_bind_int64 (stmt, ++n, filter->activation_id);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(CrRecord) record = _cr_store_record_from_row (CR_TYPE_LOG_ENTRY, stmt);
      CrLogEntry *entry = CR_LOG_ENTRY (record);

      if (author != NULL)
        {
          const char *name = cr_log_entry_get_author (entry);
          g_autofree char *entry_author = g_utf8_casefold (name != NULL ? name : "", -1);

          if (!g_str_equal (author, entry_author))
            continue;
        }
      if (!matches_words (cr_log_entry_get_text (entry), words))
        continue;
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

/**
 * cr_store_find_log_correction:
 *
 * Returns: the id of the latest entry that corrects @entry_id, 0 when
 *   none does (the entry is current), -1 with @error set
 */
gint64
cr_store_find_log_correction (CrStore *self,
                              gint64   entry_id,
                              GError **error)
{
  sqlite3_stmt *stmt;
  gint64 id = 0;
  int rc;

  g_return_val_if_fail (CR_IS_STORE (self), -1);

  stmt = _cr_store_prepare (self, "SELECT max(id) FROM logbook WHERE corrects_id = ?", error);
  if (stmt == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, entry_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    {
      _cr_store_set_error (error, self->db, rc);
      return -1;
    }
  return id;
}

/**
 * cr_store_get_log_corrections:
 *
 * For showing a list: which entries are corrected, in one query.
 *
 * Returns: (transfer full) (element-type gint64 gint64): corrected entry
 *   id -> id of its latest correction (keys and values point to gint64),
 *   or %NULL with @error set
 */
GHashTable *
cr_store_get_log_corrections (CrStore *self,
                              GError **error)
{
  g_autoptr(GHashTable) corrections = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (CR_IS_STORE (self), NULL);

  stmt = _cr_store_prepare (self,
                            "SELECT corrects_id, max(id) FROM logbook"
                            " WHERE corrects_id IS NOT NULL GROUP BY corrects_id",
                            error);
  if (stmt == NULL)
    return NULL;
  corrections = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 *corrected = g_new (gint64, 1);
      gint64 *correction = g_new (gint64, 1);

      *corrected = sqlite3_column_int64 (stmt, 0);
      *correction = sqlite3_column_int64 (stmt, 1);
      g_hash_table_insert (corrections, corrected, correction);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _cr_store_set_error (error, self->db, rc);
      return NULL;
    }
  return g_steal_pointer (&corrections);
}

/* The column as the canonical form reads it: the stored text, integers
 * in decimal. @buffer holds the decimal form of an integer. */
static ChainValue
column_value (sqlite3_stmt *stmt,
              int           index,
              char         *buffer,
              gsize         size)
{
  switch (sqlite3_column_type (stmt, index))
    {
    case SQLITE_NULL:
      return (ChainValue) { NULL, 0 };
    case SQLITE_INTEGER:
      g_snprintf (buffer, size, "%" G_GINT64_FORMAT, (gint64) sqlite3_column_int64 (stmt, index));
      return (ChainValue) { buffer, strlen (buffer) };
    default:
      {
        const char *text = (const char *) sqlite3_column_text (stmt, index);

        return (ChainValue) { text, (gsize) sqlite3_column_bytes (stmt, index) };
      }
    }
}

static gboolean
verify_failed (GError    **error,
               gint64     *first_bad_id,
               gint64      id,
               guint       n_ok,
               const char *why)
{
  g_autofree char *intact = NULL;

  *first_bad_id = id;
  intact = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "The %u entry of the chain before it is intact.",
                                         "The %u entries of the chain before it are intact.", n_ok),
                            n_ok);
  /* Translators: the first %s says what is wrong with the entry, the
   * second how many entries before it are intact. */
  g_set_error (error, CR_STORE_ERROR, CR_STORE_ERROR_CORRUPT,
               _("Logbook entry %lld %s %s Keep a copy of this file as evidence "
                 "and compare the entry with an exported report or a backup."),
               (long long) id, why, intact);
  return FALSE;
}

/**
 * cr_store_verify_logbook:
 * @n_ok: (out) (optional): entries of the chain found intact, before the
 *   first that is not
 * @first_bad_id: (out) (optional): the id of the first entry that does
 *   not match (changed, or missing), or 0
 *
 * Walks the hash chain from its first entry and recomputes every hash.
 * Finds an entry whose text, times, author, category or links were
 * changed outside Crisis Room, an entry deleted (a missing id, also at
 * the end), and an append-only trigger removed.
 *
 * Returns: %TRUE when the whole chain is intact; %FALSE with @error set
 *   (%CR_STORE_ERROR_CORRUPT naming the entry when it is not)
 */
gboolean
cr_store_verify_logbook (CrStore *self,
                         guint   *n_ok,
                         gint64  *first_bad_id,
                         GError **error)
{
  g_autofree char *prev = g_strdup ("");
  sqlite3_stmt *stmt;
  gint64 start, expected, last_given, dummy_id, n_triggers;
  guint dummy_n, ok = 0;
  int rc;

  g_return_val_if_fail (CR_IS_STORE (self), FALSE);

  if (n_ok == NULL)
    n_ok = &dummy_n;
  if (first_bad_id == NULL)
    first_bad_id = &dummy_id;
  *n_ok = 0;
  *first_bad_id = 0;

  start = chain_start (self, error);
  if (start < 0)
    return FALSE;
  expected = start;

  stmt = _cr_store_prepare (self,
                            "SELECT id, recorded_at, occurred_at, author, category, text, feature_id,"
                            " partner_id, activation_id, corrects_id, hash FROM logbook ORDER BY id",
                            error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      char buffers[N_HASHED][24];
      ChainValue values[N_HASHED];
      g_autofree char *hash = NULL;
      const char *stored = (const char *) sqlite3_column_text (stmt, COL_HASH);
      gint64 id = sqlite3_column_int64 (stmt, COL_ID);

      if (id < start)
        {
          /* Before the chain: only entries without a hash, written before
           * it existed. A hash here means the start was moved. */
          if (stored == NULL)
            continue;
          sqlite3_reset (stmt);
          *n_ok = ok;
          return verify_failed (error, first_bad_id, id, ok,
                                _("lies before the start of the hash chain, which was moved "
                                  "outside Crisis Room."));
        }
      if (id != expected)
        {
          sqlite3_reset (stmt);
          *n_ok = ok;
          return verify_failed (error, first_bad_id, expected, ok,
                                _("is missing: it was deleted outside Crisis Room."));
        }
      for (int i = 0; i < N_HASHED; i++)
        values[i] = column_value (stmt, i, buffers[i], sizeof buffers[i]);
      hash = chain_hash (values, prev);
      if (stored == NULL || !g_str_equal (hash, stored))
        {
          sqlite3_reset (stmt);
          *n_ok = ok;
          return verify_failed (error, first_bad_id, id, ok,
                                _("does not match its hash: it was changed outside Crisis Room."));
        }
      g_free (prev);
      prev = g_strdup (stored);
      ok++;
      expected++;
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return _cr_store_set_error (error, self->db, rc);
  *n_ok = ok;

  /* The last entries deleted leave no gap, but the sequence remembers. */
  last_given = query_int (self, "SELECT seq FROM sqlite_sequence WHERE name = 'logbook'", 0, error);
  if (last_given < 0)
    return FALSE;
  if (last_given >= expected)
    return verify_failed (error, first_bad_id, expected, ok,
                          _("is missing: it was deleted outside Crisis Room."));

  n_triggers = query_int (self,
                          "SELECT count(*) FROM sqlite_master WHERE type = 'trigger'"
                          " AND name IN ('logbook_no_update', 'logbook_no_delete')",
                          0, error);
  if (n_triggers < 0)
    return FALSE;
  if (n_triggers != 2)
    {
      g_set_error (error, CR_STORE_ERROR, CR_STORE_ERROR_CORRUPT,
                   _("Every logbook entry matches its hash, but the protection that keeps the "
                     "logbook append-only was removed outside Crisis Room. Keep a copy of this "
                     "file as evidence and restore the database from a backup."));
      return FALSE;
    }
  return TRUE;
}

/**
 * cr_store_get_logbook_head:
 * @last_id: (out) (optional): the id of the last entry, or 0
 *
 * The hash of the last entry seals everything before it: printed on a
 * handover or a report, it lets a reader check later that the logbook
 * was not rewritten since (even by someone who recomputed every hash).
 *
 * Returns: (transfer full) (nullable): the last entry's hash; %NULL for
 *   an empty logbook, or with @error set
 */
char *
cr_store_get_logbook_head (CrStore *self,
                           gint64  *last_id,
                           GError **error)
{
  sqlite3_stmt *stmt;
  char *hash = NULL;
  int rc;

  g_return_val_if_fail (CR_IS_STORE (self), NULL);

  if (last_id != NULL)
    *last_id = 0;
  stmt = _cr_store_prepare (self, "SELECT id, hash FROM logbook ORDER BY id DESC LIMIT 1", error);
  if (stmt == NULL)
    return NULL;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      if (last_id != NULL)
        *last_id = sqlite3_column_int64 (stmt, 0);
      hash = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    _cr_store_set_error (error, self->db, rc);
  return hash;
}
