/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-contacts"

#include "config.h"

#include <glib/gi18n.h>

#include "cr-email.h"
#include "cr-store-contacts.h"
#include "cr-store-private.h"
#include "cr-test-utils.h"
#include "cr-time.h"

/* The directory in the store: search as you type, partners and SPOC
 * chains, the fixes of "Needs review", "Confirmed today", roles. */

static gint64
add_contact (CrStore    *store,
             gint64      partner_id,
             const char *name,
             const char *function,
             const char *mobile,
             const char *email)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrContact) contact = cr_contact_new ();

  cr_contact_set_partner_id (contact, partner_id);
  cr_contact_set_name (contact, name);
  cr_contact_set_function (contact, function);
  cr_contact_set_phone_mobile (contact, mobile);
  cr_contact_set_email (contact, email);
  g_assert_true (cr_store_insert (store, CR_RECORD (contact), &error));
  g_assert_no_error (error);
  return cr_record_get_id (CR_RECORD (contact));
}

/* The ids a query finds, as "id,id,…" in rank order. */
static char *
search (CrStore    *store,
        const char *query)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = cr_store_search_contacts (store, query, 50, NULL, &error);
  GString *out = g_string_new (NULL);

  g_assert_no_error (error);
  g_assert_nonnull (ids);
  for (guint i = 0; i < ids->len; i++)
    g_string_append_printf (out, "%s%" G_GINT64_FORMAT, i ? "," : "", g_array_index (ids, gint64, i));
  return g_string_free (out, FALSE);
}

static gboolean
finds (CrStore    *store,
       const char *query,
       gint64      id)
{
  g_autofree char *found = search (store, query);
  g_auto(GStrv) ids = g_strsplit (found, ",", -1);
  g_autofree char *wanted = g_strdup_printf ("%" G_GINT64_FORMAT, id);

  return g_strv_contains ((const char *const *) ids, wanted);
}

typedef struct
{
  CrStore *store;
  gint64 saint_gilles, mobility, police;
  gint64 chloe, marc, dirk, desk, amelie;
} Directory;

static void
directory_init (Directory *d)
{
  d->store = cr_test_open_store ();
  d->saint_gilles = cr_test_add_partner (d->store, "Commune de Saint-Gilles",
                                         CR_PARTNER_TYPE_COMMUNE);
  d->mobility = cr_test_add_partner (d->store, "BRUXELLES MOBILITÉ",
                                     CR_PARTNER_TYPE_REGIONAL_BODY);
  d->police = cr_test_add_partner (d->store, "Zone de police Midi", CR_PARTNER_TYPE_POLICE_ZONE);
  d->chloe = add_contact (d->store, d->saint_gilles, "Chloé Fictif", "Emergency planning officer",
                          "+32 470 12 34 56", "chloe.fictif@stgilles.example");
  d->marc = add_contact (d->store, d->mobility, "Marc Factice", "Crisis SPOC", "0475/11.22.33",
                         "marc.factice@mobility.example");
  d->dirk = add_contact (d->store, d->police, "Dirk Demo", "Deputy SPOC", "0032 476 00 00 01",
                         "dirk.demo@pzmidi.example");
  d->desk = add_contact (d->store, d->police, "Dispatching 5341 (exercice)", "Dispatch desk", NULL,
                         "dispatch@pzmidi.example");
  d->amelie = add_contact (d->store, d->mobility, "Amélie Ébauche", "Liaison Saint-Gilles", NULL, NULL);
  {
    g_autoptr(CrContact) desk = cr_store_get (d->store, CR_TYPE_CONTACT, d->desk, NULL);

    cr_contact_set_phone_office (desk, "02/123.45.67");
    cr_contact_set_phone_24_7 (desk, "+32 (0)2 000 00 99");
    g_assert_true (cr_store_update (d->store, CR_RECORD (desk), NULL));
  }
}

static void
directory_clear (Directory *d)
{
  g_clear_object (&d->store);
}

static void
test_search_accents_case (void)
{
  Directory d;

  directory_init (&d);
  g_assert_true (finds (d.store, "chloe", d.chloe));
  g_assert_true (finds (d.store, "CHLOÉ", d.chloe));
  g_assert_true (finds (d.store, "Chloe\xCC\x81", d.chloe)); /* decomposed é */
  g_assert_true (finds (d.store, "ebauche", d.amelie));
  g_assert_true (finds (d.store, "ÉBAUCHE amélie", d.amelie));
  /* "bruxelles" finds the partner written in capitals, "mobilite" its
   * accented name. */
  g_assert_true (finds (d.store, "bruxelles", d.marc));
  g_assert_true (finds (d.store, "mobilite", d.amelie));
  g_assert_false (finds (d.store, "bruxelles", d.chloe));
  directory_clear (&d);
}

static void
test_search_partial (void)
{
  Directory d;
  g_autofree char *none = NULL;

  directory_init (&d);
  /* "saint gilles" finds "Saint-Gilles", in any order, as prefixes. */
  g_assert_true (finds (d.store, "saint gilles", d.chloe));
  g_assert_true (finds (d.store, "Saint-Gilles", d.chloe));
  g_assert_true (finds (d.store, "gil sai", d.chloe));
  g_assert_true (finds (d.store, "sai", d.chloe));
  /* Every word must match: Dirk is not in Saint-Gilles. */
  g_assert_false (finds (d.store, "saint dirk", d.dirk));
  /* Words match at their start, not in their middle. */
  g_assert_false (finds (d.store, "illes", d.chloe));
  /* Functions, e-mail addresses and desks' numbers in their names. */
  g_assert_true (finds (d.store, "spoc", d.marc));
  g_assert_true (finds (d.store, "spoc", d.dirk));
  g_assert_true (finds (d.store, "chloe.fictif@stg", d.chloe));
  g_assert_true (finds (d.store, "dispatching 5341", d.desk));
  none = search (d.store, "nobody-here");
  g_assert_cmpstr (none, ==, "");
  directory_clear (&d);
}

static void
test_search_phones (void)
{
  Directory d;

  directory_init (&d);
  /* "0470" finds "+32 470 …", and every usual way of typing it. */
  g_assert_true (finds (d.store, "0470", d.chloe));
  g_assert_true (finds (d.store, "0470 12 34", d.chloe));
  g_assert_true (finds (d.store, "0470/12.34.56", d.chloe));
  g_assert_true (finds (d.store, "+32 470 12", d.chloe));
  g_assert_true (finds (d.store, "0032 470", d.chloe));
  g_assert_true (finds (d.store, "+32 (0)470", d.chloe));
  g_assert_true (finds (d.store, "470 12", d.chloe));
  g_assert_false (finds (d.store, "0475", d.chloe));
  /* Numbers typed nationally are found in international form. */
  g_assert_true (finds (d.store, "+32 475", d.marc));
  g_assert_true (finds (d.store, "0476 00", d.dirk));
  g_assert_true (finds (d.store, "+32 2 123", d.desk));
  g_assert_true (finds (d.store, "02 123 45", d.desk));
  g_assert_true (finds (d.store, "02 000 00 99", d.desk));
  g_assert_false (finds (d.store, "0499", d.desk));
  directory_clear (&d);
}

static void
test_search_ranking (void)
{
  Directory d;
  g_autofree char *found = NULL;
  g_autofree char *expected = NULL;
  gint64 gilles;

  directory_init (&d);
  /* A contact named Gilles, a contact of Saint-Gilles, a contact whose
   * function mentions Saint-Gilles: the name first, then the partner,
   * then the rest. */
  gilles = add_contact (d.store, d.police, "Gilles Zorro", NULL, NULL, NULL);
  found = search (d.store, "gilles");
  expected = g_strdup_printf ("%" G_GINT64_FORMAT ",%" G_GINT64_FORMAT ",%" G_GINT64_FORMAT,
                              gilles, d.chloe, d.amelie);
  g_assert_cmpstr (found, ==, expected);

  /* Among name matches: the names that start with the query first, then
   * by name. */
  g_clear_pointer (&found, g_free);
  g_clear_pointer (&expected, g_free);
  found = search (d.store, "d");
  expected = g_strdup_printf ("%" G_GINT64_FORMAT ",%" G_GINT64_FORMAT, d.dirk, d.desk);
  g_assert_true (g_str_has_prefix (found, expected));
  directory_clear (&d);
}

static void
test_search_limit (void)
{
  g_autoptr(CrStore) store = cr_test_open_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = NULL;
  gint64 partner = cr_test_add_partner (store, "Protection civile",
                                        CR_PARTNER_TYPE_CIVIL_PROTECTION);
  gboolean truncated = FALSE;

  g_assert_true (cr_store_begin (store, &error));
  for (guint i = 0; i < 30; i++)
    {
      g_autofree char *name = g_strdup_printf ("Volontaire %02u", 29 - i);

      add_contact (store, partner, name, NULL, NULL, NULL);
    }
  g_assert_true (cr_store_commit (store, &error));

  ids = cr_store_search_contacts (store, "volontaire", 10, &truncated, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, ==, 10);
  g_assert_true (truncated);
  g_clear_pointer (&ids, g_array_unref);

  ids = cr_store_search_contacts (store, "volontaire 1", 50, &truncated, &error);
  g_assert_no_error (error);
  g_assert_false (truncated);
  /* 10…19: "01" does not start with 1. */
  g_assert_cmpuint (ids->len, ==, 10);
  g_clear_pointer (&ids, g_array_unref);

  /* No words: everyone, by name. */
  ids = cr_store_search_contacts (store, "  ", 5, &truncated, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, ==, 5);
  g_assert_true (truncated);
  {
    g_autoptr(CrContact) first = cr_store_get (store, CR_TYPE_CONTACT, g_array_index (ids, gint64, 0), NULL);

    g_assert_cmpstr (cr_contact_get_name (first), ==, "Volontaire 00");
  }
}

/* Words longer than the prefix indexes: searched as the whole words they
 * start, or, when they start too many, checked one by one. */
static void
test_search_long_words (void)
{
  Directory d;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = NULL;
  gint64 testers[40];
  gboolean truncated;

  directory_init (&d);
  g_assert_true (finds (d.store, "BRUXELLES", d.marc));
  g_assert_true (finds (d.store, "bruxelle", d.marc));
  g_assert_true (finds (d.store, "MOBILITÉ", d.amelie));
  g_assert_true (finds (d.store, "dispatchi 5341", d.desk));
  g_assert_true (finds (d.store, "planning offic", d.chloe));
  /* A typo after the sixth letter finds nothing, at once. */
  g_assert_false (finds (d.store, "bruxellesz", d.marc));
  g_assert_false (finds (d.store, "dispatchx", d.desk));

  /* Forty words start with "testeurx": too many to list, so the first
   * six letters are searched and the whole word checked. */
  g_assert_true (cr_store_begin (d.store, &error));
  for (guint i = 0; i < G_N_ELEMENTS (testers); i++)
    {
      g_autofree char *name = g_strdup_printf ("Testeurx%c%c Quarante", 'a' + i / 26, 'a' + i % 26);

      testers[i] = add_contact (d.store, d.police, name, NULL, NULL, NULL);
    }
  add_contact (d.store, d.police, "Testeurs Autres", NULL, NULL, NULL);
  g_assert_true (cr_store_commit (d.store, &error));
  ids = cr_store_search_contacts (d.store, "testeurx", 100, &truncated, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, ==, 40);
  g_assert_false (truncated);
  g_assert_cmpint (g_array_index (ids, gint64, 0), ==, testers[0]);
  g_clear_pointer (&ids, g_array_unref);
  ids = cr_store_search_contacts (d.store, "testeurxbb", 100, NULL, &error);
  g_assert_cmpuint (ids->len, ==, 1);
  g_assert_cmpint (g_array_index (ids, gint64, 0), ==, testers[27]);
  directory_clear (&d);
}

static void
test_search_kept_up_to_date (void)
{
  Directory d;
  g_autoptr(GError) error = NULL;
  g_autoptr(CrContact) chloe = NULL;
  g_autoptr(CrPartner) commune = NULL;
  g_autofree char *sql = NULL;
  gint64 raw_id;

  directory_init (&d);

  /* A new number replaces the old one in the index. */
  chloe = cr_store_get (d.store, CR_TYPE_CONTACT, d.chloe, &error);
  g_assert_no_error (error);
  cr_contact_set_phone_mobile (chloe, "0499 88 77 66");
  g_assert_true (cr_store_update (d.store, CR_RECORD (chloe), &error));
  g_assert_no_error (error);
  g_assert_false (finds (d.store, "0470", d.chloe));
  g_assert_true (finds (d.store, "0499 88", d.chloe));

  /* A verification does not lose the contact from the index. */
  g_assert_true (cr_store_confirm_contacts (d.store, &d.chloe, 1, "Test", NULL, &error));
  g_assert_true (finds (d.store, "chloe", d.chloe));

  /* Renaming the partner renames it in its contacts' entries. */
  commune = cr_store_get (d.store, CR_TYPE_PARTNER, d.saint_gilles, &error);
  g_assert_no_error (error);
  cr_partner_set_name (commune, "Commune d'Anderlecht");
  g_assert_true (cr_store_update (d.store, CR_RECORD (commune), &error));
  g_assert_true (finds (d.store, "anderlecht", d.chloe));
  g_assert_false (finds (d.store, "saint gilles", d.chloe));

  /* Moving a contact to another partner moves it in the index. */
  g_clear_object (&chloe);
  chloe = cr_store_get (d.store, CR_TYPE_CONTACT, d.chloe, &error);
  cr_contact_set_partner_id (chloe, d.police);
  g_assert_true (cr_store_update (d.store, CR_RECORD (chloe), &error));
  g_assert_no_error (error);
  g_assert_true (finds (d.store, "midi chloe", d.chloe));

  /* A row written by another tool (QGIS, the sqlite3 shell) is indexed
   * too: the triggers are plain SQL. */
  sql = g_strdup_printf ("INSERT INTO contacts (partner_id, name, phone_office)"
                         " VALUES (%" G_GINT64_FORMAT ", 'Written Elsewhere', '02 555 66 77')",
                         d.mobility);
  g_assert_true (_cr_store_exec (d.store->db, sql, &error));
  raw_id = sqlite3_last_insert_rowid (d.store->db);
  g_assert_true (finds (d.store, "elsewhere", raw_id));
  g_assert_true (finds (d.store, "+32 2 555", raw_id));

  /* Deleting a contact, or its partner, removes it. */
  g_assert_true (cr_store_delete (d.store, CR_RECORD (chloe), &error));
  g_assert_false (finds (d.store, "chloe", d.chloe));
  {
    g_autoptr(CrPartner) mobility = cr_store_get (d.store, CR_TYPE_PARTNER, d.mobility, &error);

    g_assert_true (cr_store_delete (d.store, CR_RECORD (mobility), &error));
    g_assert_no_error (error);
  }
  g_assert_false (finds (d.store, "marc", d.marc));
  g_assert_false (finds (d.store, "elsewhere", raw_id));
  directory_clear (&d);
}

static void
test_partners (void)
{
  Directory d;
  g_autoptr(GError) error = NULL;
  g_autoptr(CrPartner) found = NULL;
  g_autoptr(GListModel) by_type = NULL;
  g_autoptr(GListModel) contacts = NULL;
  g_autoptr(CrPartner) first = NULL;
  g_autoptr(CrContact) spoc = NULL;

  directory_init (&d);
  found = cr_store_find_partner (d.store, "  zone de POLICE midi ", &error);
  g_assert_no_error (error);
  g_assert_nonnull (found);
  g_assert_cmpint (cr_record_get_id (CR_RECORD (found)), ==, d.police);
  g_assert_null (cr_store_find_partner (d.store, "Nobody", &error));
  g_assert_no_error (error);

  /* By type: police zones first, communes before regional bodies. */
  by_type = cr_store_list_partners_by_type (d.store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (by_type), ==, 3);
  first = g_list_model_get_item (by_type, 0);
  g_assert_cmpint (cr_record_get_id (CR_RECORD (first)), ==, d.police);

  /* The SPOC chain first, in order, then the others by name. */
  {
    const gint64 ids[] = { d.desk, d.dirk };

    g_assert_true (cr_store_set_spoc_chain (d.store, d.police, ids, 2, &error));
    g_assert_no_error (error);
  }
  add_contact (d.store, d.police, "Aaron Premier", NULL, NULL, NULL);
  contacts = cr_store_list_partner_contacts (d.store, d.police, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (contacts), ==, 3);
  spoc = g_list_model_get_item (contacts, 0);
  g_assert_cmpint (cr_record_get_id (CR_RECORD (spoc)), ==, d.desk);
  {
    g_autoptr(CrContact) second = g_list_model_get_item (contacts, 1);
    g_autoptr(CrContact) third = g_list_model_get_item (contacts, 2);

    g_assert_cmpint (cr_record_get_id (CR_RECORD (second)), ==, d.dirk);
    g_assert_cmpstr (cr_contact_get_name (third), ==, "Aaron Premier");
  }
  g_assert_cmpint (cr_store_get_spoc_rank (d.store, d.police, d.dirk, NULL), ==, 1);
  g_assert_cmpint (cr_store_get_spoc_rank (d.store, d.police, d.chloe, NULL), ==, -1);
  directory_clear (&d);
}

static void
test_spoc_chain (void)
{
  Directory d;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) chain = NULL;

  directory_init (&d);

  /* Only the partner's own contacts, each once. */
  {
    const gint64 foreign[] = { d.dirk, d.chloe };
    const gint64 twice[] = { d.dirk, d.dirk };

    g_assert_false (cr_store_set_spoc_chain (d.store, d.police, foreign, 2, &error));
    g_assert_error (error, CR_STORE_ERROR, CR_STORE_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "Chloé Fictif"));
    g_clear_error (&error);
    g_assert_false (cr_store_set_spoc_chain (d.store, d.police, twice, 2, &error));
    g_assert_error (error, CR_STORE_ERROR, CR_STORE_ERROR_INVALID);
    g_clear_error (&error);
    g_assert_cmpint (cr_store_count (d.store, CR_TYPE_SPOC_ASSIGNMENT, NULL, 0, NULL), ==, 0);
  }

  /* "Add a deputy" on an empty chain makes the SPOC, then deputies. */
  g_assert_true (cr_store_add_deputy (d.store, d.police, d.dirk, &error));
  g_assert_no_error (error);
  g_assert_true (cr_store_add_deputy (d.store, d.police, d.desk, &error));
  g_assert_no_error (error);
  g_assert_false (cr_store_add_deputy (d.store, d.police, d.dirk, &error));
  g_assert_error (error, CR_STORE_ERROR, CR_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "already the SPOC"));
  g_clear_error (&error);
  chain = cr_store_list_spoc_chain (d.store, d.police, &error);
  g_assert_cmpuint (g_list_model_get_n_items (chain), ==, 2);

  /* Reordering replaces the chain; an empty chain removes it. */
  {
    const gint64 swapped[] = { d.desk, d.dirk };

    g_assert_true (cr_store_set_spoc_chain (d.store, d.police, swapped, 2, &error));
    g_assert_no_error (error);
    g_assert_cmpint (cr_store_get_spoc_rank (d.store, d.police, d.desk, NULL), ==, 0);
    g_assert_true (cr_store_set_spoc_chain (d.store, d.police, NULL, 0, &error));
    g_assert_no_error (error);
    g_assert_cmpint (cr_store_get_spoc_rank (d.store, d.police, d.desk, NULL), ==, -1);
  }
  directory_clear (&d);
}

static void
test_fix_phone_email (void)
{
  Directory d;
  g_autoptr(GError) error = NULL;
  g_autoptr(CrContact) dirk = NULL;

  directory_init (&d);

  /* An invalid number is refused with the reason; the row is unchanged. */
  g_assert_false (cr_store_set_contact_phone (d.store, d.dirk, CR_PHONE_FIELD_24_7, "+32 4 070 04", &error));
  g_assert_error (error, CR_PHONE_ERROR, CR_PHONE_ERROR_TOO_SHORT);
  g_clear_error (&error);

  /* A valid one is kept as typed. */
  g_assert_true (cr_store_set_contact_phone (d.store, d.dirk, CR_PHONE_FIELD_24_7, " 02/000.00.11 ", &error));
  g_assert_no_error (error);
  dirk = cr_store_get (d.store, CR_TYPE_CONTACT, d.dirk, &error);
  g_assert_cmpstr (cr_contact_get_phone_24_7 (dirk), ==, "02/000.00.11");
  g_clear_object (&dirk);

  /* Emptying the field removes the number. */
  g_assert_true (cr_store_set_contact_phone (d.store, d.dirk, CR_PHONE_FIELD_MOBILE, "", &error));
  dirk = cr_store_get (d.store, CR_TYPE_CONTACT, d.dirk, &error);
  g_assert_null (cr_contact_get_phone_mobile (dirk));
  g_clear_object (&dirk);

  g_assert_false (cr_store_set_contact_email (d.store, d.dirk, "dirk demo@pzmidi.example", &error));
  g_assert_error (error, CR_EMAIL_ERROR, CR_EMAIL_ERROR_SPACE);
  g_clear_error (&error);
  g_assert_true (cr_store_set_contact_email (d.store, d.dirk, "dirk.demo@pzmidi.example ", &error));
  g_assert_no_error (error);
  dirk = cr_store_get (d.store, CR_TYPE_CONTACT, d.dirk, &error);
  g_assert_cmpstr (cr_contact_get_email (dirk), ==, "dirk.demo@pzmidi.example");
  directory_clear (&d);
}

static void
test_confirm (void)
{
  Directory d;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) at = g_date_time_new_utc (2024, 9, 20, 9, 30, 0);
  g_autoptr(CrContact) marc = NULL;
  g_autoptr(CrContact) amelie = NULL;
  gint64 n_audit;

  directory_init (&d);
  n_audit = cr_store_count (d.store, CR_TYPE_AUDIT_ENTRY, NULL, 0, NULL);

  /* "Confirmed today": who and when, with an audit row each. */
  g_assert_true (cr_store_confirm_contacts (d.store, &d.marc, 1, "Nadia Exercice", at, &error));
  g_assert_no_error (error);
  marc = cr_store_get (d.store, CR_TYPE_CONTACT, d.marc, &error);
  g_assert_true (g_date_time_equal (cr_contact_get_verified_at (marc), at));
  g_assert_cmpstr (cr_contact_get_verified_by (marc), ==, "Nadia Exercice");
  g_assert_cmpint (cr_store_count (d.store, CR_TYPE_AUDIT_ENTRY, NULL, 0, NULL), ==, n_audit + 1);

  /* The whole partner, by the operator, now. */
  g_assert_true (cr_store_confirm_partner (d.store, d.mobility, NULL, NULL, &error));
  g_assert_no_error (error);
  amelie = cr_store_get (d.store, CR_TYPE_CONTACT, d.amelie, &error);
  g_assert_nonnull (cr_contact_get_verified_at (amelie));
  g_assert_cmpstr (cr_contact_get_verified_by (amelie), ==, "Test Operator");
  g_assert_cmpint (cr_store_count (d.store, CR_TYPE_AUDIT_ENTRY, NULL, 0, NULL), ==, n_audit + 3);

  /* One transaction: a missing contact confirms nobody. */
  g_assert_false (cr_store_confirm_contacts (d.store, (gint64[]) { d.chloe, 999999 }, 2, "X", at, &error));
  g_assert_error (error, CR_STORE_ERROR, CR_STORE_ERROR_NOT_FOUND);
  g_clear_object (&marc);
  {
    g_autoptr(CrContact) chloe = cr_store_get (d.store, CR_TYPE_CONTACT, d.chloe, NULL);

    g_assert_null (cr_contact_get_verified_at (chloe));
  }
  g_assert_cmpint (cr_store_count (d.store, CR_TYPE_AUDIT_ENTRY, NULL, 0, NULL), ==, n_audit + 3);
  directory_clear (&d);
}

static gint64
add_event (CrStore    *store,
           const char *name)
{
  g_autoptr(CrEvent) event = cr_event_new ();

  cr_event_set_name (event, name);
  g_assert_true (cr_store_insert (store, CR_RECORD (event), NULL));
  return cr_record_get_id (CR_RECORD (event));
}

static gint64
add_feature (CrStore    *store,
             gint64      event_id,
             const char *name)
{
  g_autoptr(CrFeature) feature = cr_feature_new ();
  g_autoptr(CrGeometry) point = cr_geometry_new_point (4.35, 50.85);

  cr_feature_set_event_id (feature, event_id);
  cr_feature_set_kind (feature, "point");
  cr_feature_set_name (feature, name);
  cr_feature_set_geometry (feature, point);
  g_assert_true (cr_store_insert (store, CR_RECORD (feature), NULL));
  return cr_record_get_id (CR_RECORD (feature));
}

static CrRole *
new_role (gint64       event_id,
          gint64       partner_id,
          CrDiscipline discipline,
          const char  *responsibility)
{
  CrRole *role = cr_role_new ();

  cr_role_set_event_id (role, event_id);
  cr_role_set_partner_id (role, partner_id);
  cr_role_set_discipline (role, discipline);
  cr_role_set_responsibility (role, responsibility);
  return role;
}

static void
test_roles (void)
{
  Directory d;
  g_autoptr(GError) error = NULL;
  g_autoptr(CrRole) police = NULL;
  g_autoptr(CrRole) medical = NULL;
  g_autoptr(CrRole) mobility = NULL;
  g_autoptr(GListModel) list = NULL;
  gint64 visit, match, sector, other_sector;

  directory_init (&d);
  visit = add_event (d.store, "Visite papale 2024");
  match = add_event (d.store, "Belgique – France");
  sector = add_feature (d.store, visit, "Secteur Basilique");
  other_sector = add_feature (d.store, match, "Secteur stade");

  /* Add: checked, then saved. */
  police = new_role (visit, d.police, CR_DISCIPLINE_D3, "Perimeter and access control");
  cr_role_set_sector_id (police, sector);
  cr_role_set_contact_id (police, d.dirk);
  g_assert_true (cr_store_save_role (d.store, police, &error));
  g_assert_no_error (error);
  g_assert_cmpint (cr_record_get_id (CR_RECORD (police)), >, 0);
  medical = new_role (visit, d.police, CR_DISCIPLINE_D2, "First aid at the gates");
  g_assert_true (cr_store_save_role (d.store, medical, &error));
  mobility = new_role (visit, d.mobility, CR_DISCIPLINE_D4, "Traffic diversions");
  g_assert_true (cr_store_save_role (d.store, mobility, &error));
  g_assert_no_error (error);

  /* A sector of another event, a contact of another partner: refused. */
  {
    g_autoptr(CrRole) wrong = new_role (visit, d.mobility, CR_DISCIPLINE_D4, "x");

    cr_role_set_sector_id (wrong, other_sector);
    g_assert_false (cr_store_save_role (d.store, wrong, &error));
    g_assert_error (error, CR_STORE_ERROR, CR_STORE_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "Secteur stade"));
    g_clear_error (&error);
    cr_role_set_sector_id (wrong, 0);
    cr_role_set_contact_id (wrong, d.chloe);
    g_assert_false (cr_store_save_role (d.store, wrong, &error));
    g_assert_error (error, CR_STORE_ERROR, CR_STORE_ERROR_INVALID);
    g_clear_error (&error);
    g_assert_cmpint (cr_record_get_id (CR_RECORD (wrong)), ==, 0);
  }

  /* The matrix: every role of the event, by partner then discipline. */
  list = cr_store_list_roles (d.store, visit, 0, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 3);
  {
    g_autoptr(CrRole) first = g_list_model_get_item (list, 0);
    g_autoptr(CrRole) second = g_list_model_get_item (list, 1);
    g_autoptr(CrRole) third = g_list_model_get_item (list, 2);

    /* "BRUXELLES MOBILITÉ" < "Zone de police Midi"; D2 < D3. */
    g_assert_cmpint (cr_record_get_id (CR_RECORD (first)), ==, cr_record_get_id (CR_RECORD (mobility)));
    g_assert_cmpint (cr_record_get_id (CR_RECORD (second)), ==, cr_record_get_id (CR_RECORD (medical)));
    g_assert_cmpint (cr_record_get_id (CR_RECORD (third)), ==, cr_record_get_id (CR_RECORD (police)));
  }
  g_clear_object (&list);

  /* Filtered by partner, by discipline, by both. */
  list = cr_store_list_roles (d.store, visit, d.police, -1, &error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 2);
  g_clear_object (&list);
  list = cr_store_list_roles (d.store, visit, 0, CR_DISCIPLINE_D4, &error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);
  g_clear_object (&list);
  list = cr_store_list_roles (d.store, visit, d.police, CR_DISCIPLINE_D4, &error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 0);
  g_clear_object (&list);
  list = cr_store_list_roles (d.store, match, 0, -1, &error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 0);
  g_clear_object (&list);

  /* The rows of the matrix, and what a sector on the map is for. */
  list = cr_store_list_role_partners (d.store, visit, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 2);
  g_clear_object (&list);
  list = cr_store_list_sector_roles (d.store, sector, &error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);
  g_clear_object (&list);

  /* Edit and remove. */
  cr_role_set_responsibility (medical, "PMA at the Basilica");
  cr_role_set_discipline (medical, CR_DISCIPLINE_D1);
  g_assert_true (cr_store_save_role (d.store, medical, &error));
  g_assert_no_error (error);
  list = cr_store_list_roles (d.store, visit, 0, CR_DISCIPLINE_D1, &error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);
  {
    g_autoptr(CrRole) edited = g_list_model_get_item (list, 0);

    g_assert_cmpstr (cr_role_get_responsibility (edited), ==, "PMA at the Basilica");
  }
  g_clear_object (&list);
  g_assert_true (cr_store_delete (d.store, CR_RECORD (police), &error));
  list = cr_store_list_roles (d.store, visit, 0, -1, &error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 2);
  g_clear_object (&list);

  /* The sector's feature going away leaves the role, without sector. */
  {
    g_autoptr(CrFeature) feature = cr_store_get (d.store, CR_TYPE_FEATURE, sector, NULL);
    g_autoptr(CrRole) again = new_role (visit, d.police, CR_DISCIPLINE_D3, "Back");
    g_autoptr(CrRole) reread = NULL;

    cr_role_set_sector_id (again, sector);
    g_assert_true (cr_store_save_role (d.store, again, &error));
    g_assert_true (cr_store_delete (d.store, CR_RECORD (feature), &error));
    reread = cr_store_get (d.store, CR_TYPE_ROLE, cr_record_get_id (CR_RECORD (again)), &error);
    g_assert_no_error (error);
    g_assert_cmpint (cr_role_get_sector_id (reread), ==, 0);
  }
  directory_clear (&d);
}

static void
test_export_audit (void)
{
  g_autoptr(CrStore) store = cr_test_open_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) audit = NULL;
  g_autoptr(CrAuditEntry) last = NULL;
  guint n;

  g_assert_true (cr_store_log_export (store, "vcard", "/tmp/contacts.vcf", 0, 42, &error));
  g_assert_no_error (error);
  audit = cr_store_list (store, CR_TYPE_AUDIT_ENTRY, NULL, 0, &error);
  n = g_list_model_get_n_items (audit);
  g_assert_cmpuint (n, >, 0);
  last = g_list_model_get_item (audit, n - 1);
  g_assert_cmpstr (cr_audit_entry_get_action (last), ==, "export");
  g_assert_cmpstr (cr_audit_entry_get_operator (last), ==, "Test Operator");
  g_assert_nonnull (strstr (cr_audit_entry_get_after (last), "\"contacts\":42"));
  g_assert_nonnull (strstr (cr_audit_entry_get_after (last), "contacts.vcf"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/contacts/search/accents-case", test_search_accents_case);
  g_test_add_func ("/contacts/search/partial", test_search_partial);
  g_test_add_func ("/contacts/search/phones", test_search_phones);
  g_test_add_func ("/contacts/search/ranking", test_search_ranking);
  g_test_add_func ("/contacts/search/limit", test_search_limit);
  g_test_add_func ("/contacts/search/long-words", test_search_long_words);
  g_test_add_func ("/contacts/search/kept-up-to-date", test_search_kept_up_to_date);
  g_test_add_func ("/contacts/partners", test_partners);
  g_test_add_func ("/contacts/spoc-chain", test_spoc_chain);
  g_test_add_func ("/contacts/fix-phone-email", test_fix_phone_email);
  g_test_add_func ("/contacts/confirm", test_confirm);
  g_test_add_func ("/contacts/roles", test_roles);
  g_test_add_func ("/contacts/export-audit", test_export_audit);

  return g_test_run ();
}
