/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cr-store"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cr-email.h"
#include "cr-search.h"
#include "cr-store-contacts.h"
#include "cr-store-private.h"
#include "cr-time.h"

/* Partners, contacts and SPOC chains over the generic mapping, and search
 * as you type over the contact_search full-text index (migration 6). */

#define CHAIN_RANK(partner_param)                                                               \
  "(SELECT rank FROM spoc_assignments s WHERE s.contact_id = contacts.id"                       \
  " AND s.partner_id = " partner_param ")"

/**
 * cr_store_find_partner:
 *
 * Names are unique without regard to case.
 *
 * Returns: (transfer full) (nullable): the partner, or %NULL without an
 *   error when there is none of that name
 */
CrPartner *
cr_store_find_partner (CrStore    *self,
                       const char *name,
                       GError    **error)
{
  g_autoptr(GListModel) list = NULL;
  g_autofree char *trimmed = NULL;

  g_return_val_if_fail (CR_IS_STORE (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  trimmed = g_strstrip (g_strdup (name));
  list = _cr_store_list_where (self, CR_TYPE_PARTNER, "\"name\" = ?", trimmed, 0, error);
  if (list == NULL || g_list_model_get_n_items (list) == 0)
    return NULL;
  return g_list_model_get_item (list, 0);
}

/**
 * cr_store_list_partners_by_type:
 *
 * Returns: (transfer full): the #CrPartner grouped by type (police
 *   zones, fire and EMS, civil protection, communes, regional bodies,
 *   federal services, others), by name within a type
 */
GListModel *
cr_store_list_partners_by_type (CrStore *self,
                                GError **error)
{
  g_return_val_if_fail (CR_IS_STORE (self), NULL);

  return _cr_store_list_query (self, CR_TYPE_PARTNER, NULL,
                               "CASE \"partner_type\" WHEN 'police-zone' THEN 0"
                               " WHEN 'fire-ems' THEN 1 WHEN 'civil-protection' THEN 2"
                               " WHEN 'commune' THEN 3 WHEN 'regional-body' THEN 4"
                               " WHEN 'federal-service' THEN 5 ELSE 6 END,"
                               " \"name\" COLLATE NOCASE, \"id\"",
                               NULL, 0, error);
}

/**
 * cr_store_list_partner_contacts:
 *
 * Returns: (transfer full): the partner's #CrContact: the SPOC, the
 *   deputies in order, then the other contacts by name
 */
GListModel *
cr_store_list_partner_contacts (CrStore *self,
                                gint64   partner_id,
                                GError **error)
{
  g_return_val_if_fail (CR_IS_STORE (self), NULL);

  return _cr_store_list_query (self, CR_TYPE_CONTACT, "\"partner_id\" = ?1",
                               CHAIN_RANK ("?1") " IS NULL, " CHAIN_RANK ("?1") ","
                               " \"name\" COLLATE NOCASE, \"id\"",
                               &(CrStoreParam) { .value = partner_id }, 1, error);
}

/**
 * cr_store_get_spoc_rank:
 *
 * Returns: 0 for the SPOC, 1… for the deputies in order, -1 when the
 *   contact is not in the partner's chain (or on error)
 */
int
cr_store_get_spoc_rank (CrStore *self,
                        gint64   partner_id,
                        gint64   contact_id,
                        GError **error)
{
  g_autoptr(GListModel) chain = NULL;
  guint n;

  g_return_val_if_fail (CR_IS_STORE (self), -1);

  chain = cr_store_list_spoc_chain (self, partner_id, error);
  if (chain == NULL)
    return -1;
  n = g_list_model_get_n_items (chain);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CrContact) contact = g_list_model_get_item (chain, i);

      if (cr_record_get_id (CR_RECORD (contact)) == contact_id)
        return (int) i;
    }
  return -1;
}

static CrContact *
get_partner_contact (CrStore *self,
                     gint64   partner_id,
                     gint64   contact_id,
                     GError **error)
{
  g_autoptr(CrContact) contact = cr_store_get (self, CR_TYPE_CONTACT, contact_id, error);

  if (contact == NULL)
    return NULL;
  if (cr_contact_get_partner_id (contact) != partner_id)
    {
      g_set_error (error, CR_STORE_ERROR, CR_STORE_ERROR_INVALID,
                   _("%s is not a contact of this partner: only the partner’s own contacts "
                     "can be its SPOC or deputies."), cr_contact_get_name (contact));
      return NULL;
    }
  return g_steal_pointer (&contact);
}

/**
 * cr_store_check_spoc_chain:
 * @contact_ids: (array length=n_contacts): the SPOC, then the deputies
 *   in order
 *
 * Checks what the schema cannot: every contact of the chain is one of
 * the partner's, and none is in it twice. Whoever writes a chain (this
 * store, or a #CrHistory step that records each row) checks it here.
 *
 * Returns: %TRUE when the chain can be written; else %FALSE with
 *   %CR_STORE_ERROR_INVALID (or %CR_STORE_ERROR_NOT_FOUND)
 */
gboolean
cr_store_check_spoc_chain (CrStore      *self,
                           gint64        partner_id,
                           const gint64 *contact_ids,
                           guint         n_contacts,
                           GError      **error)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_int64_hash, g_int64_equal);

  g_return_val_if_fail (CR_IS_STORE (self), FALSE);
  g_return_val_if_fail (contact_ids != NULL || n_contacts == 0, FALSE);

  for (guint i = 0; i < n_contacts; i++)
    {
      g_autoptr(CrContact) contact = get_partner_contact (self, partner_id, contact_ids[i], error);

      if (contact == NULL)
        return FALSE;
      if (!g_hash_table_add (seen, (gpointer) &contact_ids[i]))
        {
          g_set_error (error, CR_STORE_ERROR, CR_STORE_ERROR_INVALID,
                       _("%s appears twice in the SPOC chain: keep each contact once."),
                       cr_contact_get_name (contact));
          return FALSE;
        }
    }
  return TRUE;
}

/**
 * cr_store_write_spoc_chain:
 * @contact_ids: (array length=n_contacts): the SPOC, then the deputies
 *   in order; contacts of the partner
 * @delete_row: deletes one of the partner's assignment rows
 * @insert_row: inserts one new assignment row
 * @writer: what @delete_row and @insert_row write through
 *
 * Checks the chain (cr_store_check_spoc_chain()), then replaces the
 * partner's assignment rows with it, row by row through @writer, in the
 * transaction (or #CrHistory step) the caller has begun: the one way a
 * chain is written, whether or not it can be undone.
 */
gboolean
cr_store_write_spoc_chain (CrStore          *self,
                           gint64            partner_id,
                           const gint64     *contact_ids,
                           guint             n_contacts,
                           CrStoreWriteFunc  delete_row,
                           CrStoreWriteFunc  insert_row,
                           gpointer          writer,
                           GError          **error)
{
  g_autoptr(GListModel) old = NULL;

  g_return_val_if_fail (CR_IS_STORE (self), FALSE);
  g_return_val_if_fail (contact_ids != NULL || n_contacts == 0, FALSE);
  g_return_val_if_fail (delete_row != NULL && insert_row != NULL, FALSE);

  if (!cr_store_check_spoc_chain (self, partner_id, contact_ids, n_contacts, error))
    return FALSE;
  old = cr_store_list (self, CR_TYPE_SPOC_ASSIGNMENT, "partner_id", partner_id, error);
  if (old == NULL)
    return FALSE;
  for (guint i = 0; i < g_list_model_get_n_items (old); i++)
    {
      g_autoptr(CrRecord) assignment = g_list_model_get_item (old, i);

      if (!delete_row (writer, assignment, error))
        return FALSE;
    }
  for (guint i = 0; i < n_contacts; i++)
    {
      g_autoptr(CrSpocAssignment) assignment = cr_spoc_assignment_new ();

      cr_spoc_assignment_set_partner_id (assignment, partner_id);
      cr_spoc_assignment_set_contact_id (assignment, contact_ids[i]);
      cr_spoc_assignment_set_rank (assignment, (int) i);
      if (!insert_row (writer, CR_RECORD (assignment), error))
        return FALSE;
    }
  return TRUE;
}

/**
 * cr_store_set_spoc_chain:
 * @contact_ids: (array length=n_contacts): the SPOC, then the deputies
 *   in order; contacts of the partner
 *
 * Replaces the partner's SPOC chain, in one transaction. An empty chain
 * leaves the partner without a SPOC.
 */
gboolean
cr_store_set_spoc_chain (CrStore      *self,
                         gint64        partner_id,
                         const gint64 *contact_ids,
                         guint         n_contacts,
                         GError      **error)
{
  g_autoptr(CrPartner) partner = NULL;

  g_return_val_if_fail (CR_IS_STORE (self), FALSE);
  g_return_val_if_fail (contact_ids != NULL || n_contacts == 0, FALSE);

  if (!cr_store_begin (self, error))
    return FALSE;
  partner = cr_store_get (self, CR_TYPE_PARTNER, partner_id, error);
  if (partner == NULL ||
      !cr_store_write_spoc_chain (self, partner_id, contact_ids, n_contacts, (CrStoreWriteFunc) cr_store_delete,
                                  (CrStoreWriteFunc) cr_store_insert, self, error))
    {
      cr_store_rollback (self);
      return FALSE;
    }
  return cr_store_commit (self, error);
}

/**
 * cr_store_add_deputy:
 *
 * Adds a contact of the partner at the end of its SPOC chain: the fix of
 * "SPOC without a deputy" (and of "no SPOC" when the chain is empty).
 */
gboolean
cr_store_add_deputy (CrStore *self,
                     gint64   partner_id,
                     gint64   contact_id,
                     GError **error)
{
  g_autoptr(GListModel) chain = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(CrContact) contact = NULL;
  guint n;

  g_return_val_if_fail (CR_IS_STORE (self), FALSE);

  if (!cr_store_begin (self, error))
    return FALSE;
  contact = get_partner_contact (self, partner_id, contact_id, error);
  if (contact == NULL)
    goto fail;
  chain = cr_store_list_spoc_chain (self, partner_id, error);
  if (chain == NULL)
    goto fail;
  n = g_list_model_get_n_items (chain);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CrRecord) member = g_list_model_get_item (chain, i);
      gint64 id = cr_record_get_id (member);

      if (id == contact_id)
        {
          g_set_error (error, CR_STORE_ERROR, CR_STORE_ERROR_INVALID,
                       i == 0 ? _("%s is already the SPOC: choose another contact as deputy.")
                              : _("%s is already a deputy: choose another contact."),
                       cr_contact_get_name (contact));
          goto fail;
        }
      g_array_append_val (ids, id);
    }
  g_array_append_val (ids, contact_id);
  if (!cr_store_set_spoc_chain (self, partner_id, (const gint64 *) ids->data, ids->len, error))
    goto fail;
  return cr_store_commit (self, error);

fail:
  cr_store_rollback (self);
  return FALSE;
}

/**
 * cr_store_set_contact_phone:
 * @typed: (nullable): the number as typed, or %NULL/"" to remove it
 *
 * The fix of an invalid or missing number: refuses a number that is not
 * valid (a #CR_PHONE_ERROR that says why), keeps what was typed.
 */
gboolean
cr_store_set_contact_phone (CrStore      *self,
                            gint64        contact_id,
                            CrPhoneField  field,
                            const char   *typed,
                            GError      **error)
{
  g_autoptr(CrContact) contact = NULL;
  g_autofree char *trimmed = NULL;
  g_autofree char *e164 = NULL;

  g_return_val_if_fail (CR_IS_STORE (self), FALSE);
  g_return_val_if_fail ((guint) field < CR_N_PHONE_FIELDS, FALSE);

  trimmed = g_strstrip (g_strdup (typed != NULL ? typed : ""));
  if (*trimmed != '\0')
    {
      e164 = cr_phone_to_e164 (trimmed, error);
      if (e164 == NULL)
        return FALSE;
    }

  if (!cr_store_begin (self, error))
    return FALSE;
  contact = cr_store_get (self, CR_TYPE_CONTACT, contact_id, error);
  if (contact == NULL)
    goto fail;
  cr_phone_field_set (contact, field, *trimmed != '\0' ? trimmed : NULL);
  if (!cr_store_update (self, CR_RECORD (contact), error))
    goto fail;
  return cr_store_commit (self, error);

fail:
  cr_store_rollback (self);
  return FALSE;
}

/**
 * cr_store_set_contact_email:
 * @email: (nullable): the address, or %NULL/"" to remove it
 *
 * Refuses an address that is not valid (a #CR_EMAIL_ERROR).
 */
gboolean
cr_store_set_contact_email (CrStore    *self,
                            gint64      contact_id,
                            const char *email,
                            GError    **error)
{
  g_autoptr(CrContact) contact = NULL;
  g_autofree char *trimmed = NULL;

  g_return_val_if_fail (CR_IS_STORE (self), FALSE);

  trimmed = g_strstrip (g_strdup (email != NULL ? email : ""));
  if (*trimmed != '\0' && !cr_email_check (trimmed, error))
    return FALSE;

  if (!cr_store_begin (self, error))
    return FALSE;
  contact = cr_store_get (self, CR_TYPE_CONTACT, contact_id, error);
  if (contact == NULL)
    goto fail;
  cr_contact_set_email (contact, *trimmed != '\0' ? trimmed : NULL);
  if (!cr_store_update (self, CR_RECORD (contact), error))
    goto fail;
  return cr_store_commit (self, error);

fail:
  cr_store_rollback (self);
  return FALSE;
}

/**
 * cr_store_confirm_contacts:
 * @contact_ids: (array length=n_contacts): the contacts confirmed
 * @by: (nullable): who confirmed, or %NULL for the store's operator
 * @at: (nullable): when, or %NULL for now
 *
 * "Confirmed today": records who checked the contacts and when, in one
 * transaction with their audit rows. Reads each contact afresh, so a
 * confirmation never conflicts with an edit made meanwhile.
 */
gboolean
cr_store_confirm_contacts (CrStore      *self,
                           const gint64 *contact_ids,
                           guint         n_contacts,
                           const char   *by,
                           GDateTime    *at,
                           GError      **error)
{
  g_autoptr(GDateTime) now = NULL;

  g_return_val_if_fail (CR_IS_STORE (self), FALSE);
  g_return_val_if_fail (contact_ids != NULL || n_contacts == 0, FALSE);

  if (at == NULL)
    at = now = cr_time_now_utc ();
  if (by == NULL || *by == '\0')
    by = cr_store_get_operator (self);

  if (!cr_store_begin (self, error))
    return FALSE;
  for (guint i = 0; i < n_contacts; i++)
    {
      g_autoptr(CrContact) contact = cr_store_get (self, CR_TYPE_CONTACT, contact_ids[i], error);

      if (contact == NULL)
        goto fail;
      cr_contact_set_verified_at (contact, at);
      cr_contact_set_verified_by (contact, by);
      if (!cr_store_update (self, CR_RECORD (contact), error))
        goto fail;
    }
  return cr_store_commit (self, error);

fail:
  cr_store_rollback (self);
  return FALSE;
}

/* Confirms every contact of the partner. */
gboolean
cr_store_confirm_partner (CrStore    *self,
                          gint64      partner_id,
                          const char *by,
                          GDateTime  *at,
                          GError    **error)
{
  g_autoptr(GListModel) contacts = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  g_return_val_if_fail (CR_IS_STORE (self), FALSE);

  if (!cr_store_begin (self, error))
    return FALSE;
  contacts = cr_store_list (self, CR_TYPE_CONTACT, "partner_id", partner_id, error);
  if (contacts == NULL)
    goto fail;
  for (guint i = 0; i < g_list_model_get_n_items (contacts); i++)
    {
      g_autoptr(CrRecord) contact = g_list_model_get_item (contacts, i);
      gint64 id = cr_record_get_id (contact);

      g_array_append_val (ids, id);
    }
  if (!cr_store_confirm_contacts (self, (const gint64 *) ids->data, ids->len, by, at, error))
    goto fail;
  return cr_store_commit (self, error);

fail:
  cr_store_rollback (self);
  return FALSE;
}

/* ---- Search ---- */

typedef struct
{
  gint64 id;
  int tier;
  char *key;
} Hit;

static void
hit_clear (gpointer data)
{
  Hit *hit = data;

  g_free (hit->key);
}

static int
compare_hits (gconstpointer a,
              gconstpointer b)
{
  const Hit *x = a, *y = b;
  int c;

  if (x->tier != y->tier)
    return x->tier - y->tier;
  c = strcmp (x->key, y->key);
  if (c != 0)
    return c;
  return x->id < y->id ? -1 : x->id > y->id;
}

/* How well a contact matched, best first: its name starts with the
 * query; every word is in its name; in its partner's name; elsewhere
 * (function, numbers, e-mail). */
static int
rank_hit (const char        *name_key,
          const char        *organisation,
          const char *const *tokens)
{
  g_autofree char *organisation_key = NULL;

  if (cr_search_matches (name_key, tokens))
    return cr_search_starts_with (name_key, tokens[0]) ? 0 : 1;
  organisation_key = cr_search_fold (organisation);
  if (cr_search_matches (organisation_key, tokens))
    return 2;
  return 3;
}

/* The longest prefix the full-text index has a prefix index for
 * (migration 6). */
#define PREFIX_INDEX_CHARS 6
/* A longer word typed is searched as the whole words it starts, up to
 * this many of them; beyond, as its first letters, checked here. */
#define MAX_WHOLE_WORDS 32

static void
append_quoted (GString    *match,
               const char *word,
               gssize      len)
{
  g_string_append_c (match, '"');
  for (const char *p = word; len < 0 ? *p != '\0' : p < word + len; p++)
    {
      if (*p == '"')
        g_string_append_c (match, '"');
      g_string_append_c (match, *p);
    }
  g_string_append_c (match, '"');
}

/* The words of the index that start with @token, or %NULL with @error. */
static GPtrArray *
whole_words (CrStore    *self,
             const char *token,
             GError    **error)
{
  g_autoptr(GPtrArray) words = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *upper = g_strconcat (token, "\xF4\x8F\xBF\xBF", NULL); /* U+10FFFF */
  sqlite3_stmt *stmt;
  int rc;

  stmt = _cr_store_prepare (self,
                            "SELECT term FROM contact_search_terms WHERE term >= ?1 AND term < ?2 LIMIT ?3",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, token, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, upper, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 3, MAX_WHOLE_WORDS + 1);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (words, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _cr_store_set_error (error, self->db, rc);
      return NULL;
    }
  return g_steal_pointer (&words);
}

/* The MATCH expression of @tokens, every one to start a word. A token of
 * up to 6 letters is a prefix query, which the prefix indexes serve; a
 * longer one becomes the whole words of the index it starts (exact
 * words are read lazily too), or, when it starts too many, its first 6
 * letters, and @check_words tells the caller to check the whole tokens.
 * Sets @none when a token starts no word at all. */
static char *
match_expression (CrStore            *self,
                  const char *const  *tokens,
                  gboolean           *check_words,
                  gboolean           *none,
                  GError            **error)
{
  g_autoptr(GString) match = g_string_new (NULL);

  *check_words = *none = FALSE;
  for (guint i = 0; tokens[i] != NULL; i++)
    {
      const char *end = tokens[i];
      g_autoptr(GPtrArray) words = NULL;

      for (guint n = 0; *end != '\0' && n < PREFIX_INDEX_CHARS; n++)
        end = g_utf8_next_char (end);
      /* FTS5 joins a phrase and a bracket only with an explicit AND. */
      if (i > 0)
        g_string_append (match, " AND ");
      if (*end == '\0')
        {
          append_quoted (match, tokens[i], -1);
          g_string_append_c (match, '*');
          continue;
        }
      words = whole_words (self, tokens[i], error);
      if (words == NULL)
        return NULL;
      if (words->len == 0)
        {
          *none = TRUE;
          return g_strdup ("");
        }
      if (words->len > MAX_WHOLE_WORDS)
        {
          append_quoted (match, tokens[i], end - tokens[i]);
          g_string_append_c (match, '*');
          *check_words = TRUE;
          continue;
        }
      g_string_append_c (match, '(');
      for (guint k = 0; k < words->len; k++)
        {
          if (k > 0)
            g_string_append (match, " OR ");
          append_quoted (match, g_ptr_array_index (words, k), -1);
        }
      g_string_append_c (match, ')');
    }
  return g_string_free (g_steal_pointer (&match), FALSE);
}

/* TRUE when every token starts a word of the contact's indexed text. */
static gboolean
whole_words_match (sqlite3_stmt       *stmt,
                   const char *const  *tokens)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *folded = NULL;

  for (int column = 1; column <= 4; column++)
    {
      const char *value = (const char *) sqlite3_column_text (stmt, column);

      if (value != NULL)
        g_string_append_printf (text, "%s ", value);
    }
  folded = cr_search_fold (text->str);
  return cr_search_matches (folded, tokens);
}

/* Steps @stmt, adding the contacts not seen yet to @hits, up to @max. */
static gboolean
collect_hits (CrStore            *self,
              sqlite3_stmt       *stmt,
              const char *const  *tokens,
              gboolean            check_words,
              GArray             *hits,
              GHashTable         *seen,
              guint               max,
              GError            **error)
{
  int rc;

  while (hits->len < max && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Hit hit = { 0 };

      hit.id = sqlite3_column_int64 (stmt, 0);
      if (check_words && !whole_words_match (stmt, tokens))
        continue;
      if (!g_hash_table_add (seen, g_memdup2 (&hit.id, sizeof hit.id)))
        continue;
      hit.key = cr_search_fold ((const char *) sqlite3_column_text (stmt, 1));
      if (tokens[0] != NULL)
        hit.tier = rank_hit (hit.key, (const char *) sqlite3_column_text (stmt, 2), tokens);
      g_array_append_val (hits, hit);
    }
  if (hits->len >= max)
    rc = SQLITE_DONE;
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return _cr_store_set_error (error, self->db, rc);
  return TRUE;
}

/**
 * cr_store_search_contacts:
 * @query: what was typed: words that each start a word of the contact's
 *   name, partner, function or e-mail (accents and case do not matter),
 *   or digits that start one of its numbers in any usual form
 * @limit: the most ids to return
 * @truncated: (out) (optional): set to %TRUE when more contacts match
 *
 * Search as you type: words through the full-text index, digits through
 * the numbers' B-tree (and the full-text index, for a desk named
 * "Dispatching 5339"). The contacts whose name matches come first, then
 * those whose partner matches, then the rest, each group by name. When
 * more than @limit contacts match, the ranking is done among the first
 * @limit + 1 the indexes yield, so a keystroke costs about the same
 * however many contacts match: keep typing to narrow it.
 *
 * Returns: (transfer full) (element-type gint64): contact ids, best first
 */
GArray *
cr_store_search_contacts (CrStore    *self,
                          const char *query,
                          guint       limit,
                          gboolean   *truncated,
                          GError    **error)
{
  g_auto(GStrv) tokens = NULL;
  g_autofree char *match = NULL;
  g_autoptr(GArray) hits = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  const char *const *words;
  guint max = limit + 1;
  GArray *ids;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CR_IS_STORE (self), NULL);
  g_return_val_if_fail (limit > 0 && limit < G_MAXUINT, NULL);

  if (truncated != NULL)
    *truncated = FALSE;
  hits = g_array_sized_new (FALSE, FALSE, sizeof (Hit), max);
  g_array_set_clear_func (hits, hit_clear);
  tokens = cr_search_query_tokens (query);
  words = (const char *const *) tokens;

  if (words[0] == NULL)
    {
      stmt = _cr_store_prepare (self,
                                "SELECT id, name, NULL FROM contacts"
                                " ORDER BY name COLLATE NOCASE, id LIMIT ?1",
                                error);
      if (stmt == NULL)
        return NULL;
      sqlite3_bind_int64 (stmt, 1, max);
      if (!collect_hits (self, stmt, words, FALSE, hits, seen, max, error))
        return NULL;
    }
  else
    {
      if (cr_search_is_phone_query (query))
        {
          g_autofree char *upper = g_strconcat (words[0], ":", NULL);

          /* Digits only, so every number that starts with them sorts
           * between them and them followed by ':' ('9' + 1). */
          stmt = _cr_store_prepare (self,
                                    "SELECT c.id, c.name, p.name FROM contacts c"
                                    " LEFT JOIN partners p ON p.id = c.partner_id"
                                    " WHERE c.id IN (SELECT DISTINCT contact_id FROM contact_phones"
                                    "  WHERE digits >= ?1 AND digits < ?2 LIMIT ?3)",
                                    error);
          if (stmt == NULL)
            return NULL;
          sqlite3_bind_text (stmt, 1, words[0], -1, SQLITE_STATIC);
          sqlite3_bind_text (stmt, 2, upper, -1, SQLITE_STATIC);
          sqlite3_bind_int64 (stmt, 3, max);
          if (!collect_hits (self, stmt, words, FALSE, hits, seen, max, error))
            return NULL;
        }
      if (hits->len < max)
        {
          gboolean check_words, none;

          match = match_expression (self, words, &check_words, &none, error);
          if (match == NULL)
            return NULL;
          /* No LIMIT: when words are checked here, some rows are not
           * matches; rows are read lazily anyway. */
          stmt = none ? NULL : _cr_store_prepare (self,
                                                  "SELECT rowid, name, organisation, function, email"
                                                  " FROM contact_search WHERE contact_search MATCH ?1",
                                                  error);
          if (!none && stmt == NULL)
            return NULL;
          if (stmt != NULL)
            {
              sqlite3_bind_text (stmt, 1, match, -1, SQLITE_STATIC);
              if (!collect_hits (self, stmt, words, check_words, hits, seen, max, error))
                return NULL;
            }
        }
    }

  if (hits->len > limit && truncated != NULL)
    *truncated = TRUE;
  /* Without words the rows came in order; with words which one is left
   * out is the indexes' choice, not the ranking's: rank all, then cut. */
  if (words[0] != NULL)
    g_array_sort (hits, compare_hits);
  ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), MIN (hits->len, limit));
  for (guint i = 0; i < hits->len && i < limit; i++)
    g_array_append_val (ids, g_array_index (hits, Hit, i).id);
  return ids;
}

/**
 * cr_store_log_export:
 * @format: what was written: "csv", "vcard", "review"…
 * @path: the file
 * @partner_id: the partner exported, or 0 for every partner
 * @n_contacts: how many contacts' personal data the file holds
 *
 * Writes to the audit log, with cr_store_audit_export(), that contacts'
 * personal data left the database. Call it inside the transaction of the
 * export, so an export that cannot be logged does not happen.
 */
gboolean
cr_store_log_export (CrStore    *self,
                     const char *format,
                     const char *path,
                     gint64      partner_id,
                     guint       n_contacts,
                     GError    **error)
{
  g_autoptr(cJSON) json = cJSON_CreateObject ();
  g_autofree char *text = NULL;

  g_return_val_if_fail (CR_IS_STORE (self), FALSE);
  g_return_val_if_fail (format != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  cJSON_AddStringToObject (json, "format", format);
  cJSON_AddStringToObject (json, "file", path);
  if (partner_id > 0)
    cJSON_AddNumberToObject (json, "partner_id", (double) partner_id);
  else
    cJSON_AddNullToObject (json, "partner_id");
  cJSON_AddNumberToObject (json, "contacts", n_contacts);
  cJSON_AddBoolToObject (json, "personal_data", n_contacts > 0);
  text = cJSON_PrintUnformatted (json);
  return cr_store_audit_export (self, "contacts", 0, text, error);
}
