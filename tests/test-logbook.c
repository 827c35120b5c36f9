/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-logbook"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "cr-store-private.h"
#include "cr-test-utils.h"
#include "cr-time.h"

/* The logbook: append-only (store and SQL), times and authors set by the
 * store, corrections, filters, and the hash chain that names the first
 * entry changed behind the application's back. */

static GDateTime *
utc (const char *iso)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_iso8601 (iso, NULL);

  g_assert_nonnull (dt);
  return g_date_time_to_utc (dt);
}

static CrLogEntry *
append (CrStore      *store,
        CrLogCategory category,
        const char   *occurred_at,
        const char   *text)
{
  g_autoptr(CrLogEntry) entry = cr_log_entry_new ();
  g_autoptr(GDateTime) occurred = occurred_at != NULL ? utc (occurred_at) : NULL;
  g_autoptr(GError) error = NULL;

  cr_log_entry_set_category (entry, category);
  cr_log_entry_set_occurred_at (entry, occurred);
  cr_log_entry_set_text (entry, text);
  g_assert_true (cr_store_append_log_entry (store, entry, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&entry);
}

static sqlite3 *
raw_open (const char *path)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 5000);
  return db;
}

static void
raw_exec_ok (sqlite3    *db,
             const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
}

static GListModel *
filtered (CrStore           *store,
          const CrLogFilter *filter)
{
  g_autoptr(GError) error = NULL;
  GListModel *entries = cr_store_list_log_entries (store, filter, &error);

  g_assert_no_error (error);
  g_assert_nonnull (entries);
  return entries;
}

/* ---- Appending ---- */

static void
test_append (void)
{
  g_autoptr(CrStore) store = cr_test_open_store ();
  g_autoptr(CrLogEntry) entry = cr_log_entry_new ();
  g_autoptr(CrLogEntry) plain = NULL;
  g_autoptr(CrLogEntry) got = NULL;
  g_autoptr(CrLogEntry) empty = cr_log_entry_new ();
  g_autoptr(GDateTime) forged = utc ("2000-01-01T00:00:00Z");
  g_autoptr(GDateTime) occurred = utc ("2024-09-26T08:12:00+02:00");
  g_autoptr(GDateTime) now = cr_time_now_utc ();
  g_autoptr(GError) error = NULL;
  const char *hash;

  /* What the author cannot choose: the recorded time and the author. */
  cr_log_entry_set_recorded_at (entry, forged);
  cr_log_entry_set_author (entry, "Someone Else");
  cr_log_entry_set_occurred_at (entry, occurred);
  cr_log_entry_set_category (entry, CR_LOG_CATEGORY_DECISION);
  cr_log_entry_set_text (entry, "Fermeture du tunnel Léopold II");
  g_assert_true (cr_store_append_log_entry (store, entry, &error));
  g_assert_no_error (error);
  g_assert_cmpint (cr_record_get_id (CR_RECORD (entry)), ==, 1);
  g_assert_false (g_date_time_equal (cr_log_entry_get_recorded_at (entry), forged));
  g_assert_cmpint (ABS (g_date_time_difference (cr_log_entry_get_recorded_at (entry), now)), <,
                   10 * G_TIME_SPAN_SECOND);
  g_assert_cmpstr (cr_log_entry_get_author (entry), ==, "Test Operator");
  g_assert_true (g_date_time_equal (cr_log_entry_get_occurred_at (entry), occurred));
  hash = cr_log_entry_get_hash (entry);
  g_assert_nonnull (hash);
  g_assert_cmpuint (strlen (hash), ==, 64);
  for (const char *p = hash; *p != '\0'; p++)
    g_assert_true (g_ascii_isdigit (*p) || (*p >= 'a' && *p <= 'f'));

  /* What the caller got is what is stored. */
  got = cr_store_get (store, CR_TYPE_LOG_ENTRY, 1, &error);
  g_assert_no_error (error);
  g_assert_true (cr_record_equal (CR_RECORD (got), CR_RECORD (entry)));

  /* Without a time it occurred: when it was recorded. */
  plain = append (store, CR_LOG_CATEGORY_INFORMATION, NULL, "Point de situation");
  g_assert_true (g_date_time_equal (cr_log_entry_get_occurred_at (plain),
                                    cr_log_entry_get_recorded_at (plain)));
  g_assert_cmpstr (cr_log_entry_get_hash (plain), !=, hash);

  /* An entry needs a text, and is written once. */
  cr_log_entry_set_text (empty, " \n ");
  g_assert_false (cr_store_append_log_entry (store, empty, &error));
  g_assert_error (error, CR_STORE_ERROR, CR_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (cr_store_append_log_entry (store, plain, &error));
  g_assert_error (error, CR_STORE_ERROR, CR_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_cmpint (cr_store_count (store, CR_TYPE_LOG_ENTRY, NULL, 0, NULL), ==, 2);

  /* The generic insert is the same append: time, author and hash set. */
  {
    g_autoptr(CrLogEntry) generic = cr_log_entry_new ();

    cr_log_entry_set_author (generic, "Someone Else");
    cr_log_entry_set_hash (generic, "0000");
    cr_log_entry_set_text (generic, "Par l'insertion générique");
    g_assert_true (cr_store_insert (store, CR_RECORD (generic), &error));
    g_assert_no_error (error);
    g_assert_cmpstr (cr_log_entry_get_author (generic), ==, "Test Operator");
    g_assert_cmpuint (strlen (cr_log_entry_get_hash (generic)), ==, 64);
    g_assert_nonnull (cr_log_entry_get_recorded_at (generic));
  }

  /* Each append is audited. */
  {
    g_autoptr(GListModel) audit = cr_store_list_audit (store, "logbook", NULL, NULL, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (audit), ==, 3);
  }
  g_assert_true (cr_store_verify_logbook (store, NULL, NULL, &error));
  g_assert_no_error (error);
}

static void
test_append_only (void)
{
  g_autoptr(CrStore) store = cr_test_open_store ();
  g_autoptr(CrLogEntry) entry = append (store, CR_LOG_CATEGORY_INCIDENT, NULL, "Foule dense porte C");
  g_autoptr(CrLogEntry) got = NULL;
  g_autoptr(GError) error = NULL;
  const char *raw_writes[] = {
    "UPDATE logbook SET text = 'Porte D'",
    "UPDATE logbook SET occurred_at = '2024-01-01T00:00:00.000Z'",
    "DELETE FROM logbook",
  };
  sqlite3 *db;

  /* The store's API… */
  cr_log_entry_set_text (entry, "Porte D");
  g_assert_false (cr_store_update (store, CR_RECORD (entry), &error));
  g_assert_error (error, CR_STORE_ERROR, CR_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_false (cr_store_delete (store, CR_RECORD (entry), &error));
  g_assert_error (error, CR_STORE_ERROR, CR_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);

  /* …and raw SQL from another program both refuse. */
  db = raw_open (cr_store_get_path (store));
  for (guint i = 0; i < G_N_ELEMENTS (raw_writes); i++)
    {
      int rc = sqlite3_exec (db, raw_writes[i], NULL, NULL, NULL);

      g_assert_cmpint (rc & 0xff, ==, SQLITE_CONSTRAINT);
      g_assert_nonnull (strstr (sqlite3_errmsg (db), "append-only"));
    }
  sqlite3_close (db);

  got = cr_store_get (store, CR_TYPE_LOG_ENTRY, cr_record_get_id (CR_RECORD (entry)), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cr_log_entry_get_text (got), ==, "Foule dense porte C");
  g_assert_true (cr_store_verify_logbook (store, NULL, NULL, &error));
  g_assert_no_error (error);
}

/* ---- Corrections ---- */

static void
test_corrections (void)
{
  g_autoptr(CrStore) store = cr_test_open_store ();
  g_autoptr(CrLogEntry) wrong = NULL;
  g_autoptr(CrLogEntry) other = NULL;
  g_autoptr(CrLogEntry) correction = cr_log_entry_new ();
  g_autoptr(CrLogEntry) second = cr_log_entry_new ();
  g_autoptr(CrLogEntry) nowhere = cr_log_entry_new ();
  g_autoptr(CrLogEntry) got = NULL;
  g_autoptr(GHashTable) corrections = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CrActivation) activation = cr_activation_new ();
  g_autoptr(GDateTime) opened = utc ("2024-09-26T06:00:00Z");
  gint64 wrong_id, *latest;

  cr_activation_set_name (activation, "Visite");
  cr_activation_set_opened_at (activation, opened);
  g_assert_true (cr_store_insert (store, CR_RECORD (activation), &error));
  g_assert_no_error (error);

  wrong = cr_log_entry_new ();
  cr_log_entry_set_category (wrong, CR_LOG_CATEGORY_INCIDENT);
  cr_log_entry_set_text (wrong, "Foule dense porte C");
  cr_log_entry_set_activation_id (wrong, cr_record_get_id (CR_RECORD (activation)));
  g_assert_true (cr_store_append_log_entry (store, wrong, &error));
  g_assert_no_error (error);
  wrong_id = cr_record_get_id (CR_RECORD (wrong));
  other = append (store, CR_LOG_CATEGORY_INFORMATION, NULL, "Météo : averses");
  g_assert_cmpint (cr_store_find_log_correction (store, wrong_id, &error), ==, 0);
  g_assert_no_error (error);

  /* A correction is a new entry pointing at the old one, with its links. */
  cr_store_set_operator (store, "Night Operator");
  cr_log_entry_set_category (correction, CR_LOG_CATEGORY_INCIDENT);
  cr_log_entry_set_text (correction, "Foule dense porte D, pas C");
  g_assert_true (cr_store_correct_log_entry (store, wrong_id, correction, &error));
  g_assert_no_error (error);
  g_assert_cmpint (cr_log_entry_get_corrects_id (correction), ==, wrong_id);
  g_assert_cmpint (cr_log_entry_get_activation_id (correction), ==, cr_record_get_id (CR_RECORD (activation)));
  g_assert_cmpstr (cr_log_entry_get_author (correction), ==, "Night Operator");
  g_assert_cmpint (cr_store_find_log_correction (store, wrong_id, &error), ==,
                   cr_record_get_id (CR_RECORD (correction)));

  /* The corrected entry stays as it was. */
  got = cr_store_get (store, CR_TYPE_LOG_ENTRY, wrong_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cr_log_entry_get_text (got), ==, "Foule dense porte C");

  /* Corrected twice: the latest correction counts. */
  cr_log_entry_set_text (second, "Foule dense porte D, 200 personnes");
  g_assert_true (cr_store_correct_log_entry (store, wrong_id, second, &error));
  g_assert_no_error (error);
  corrections = cr_store_get_log_corrections (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_hash_table_size (corrections), ==, 1);
  latest = g_hash_table_lookup (corrections, &wrong_id);
  g_assert_nonnull (latest);
  g_assert_cmpint (*latest, ==, cr_record_get_id (CR_RECORD (second)));
  g_assert_false (g_hash_table_contains (corrections, &(gint64) { cr_record_get_id (CR_RECORD (other)) }));

  /* An entry that does not exist cannot be corrected. */
  cr_log_entry_set_text (nowhere, "Correction");
  g_assert_false (cr_store_correct_log_entry (store, 999, nowhere, &error));
  g_assert_error (error, CR_STORE_ERROR, CR_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  cr_log_entry_set_corrects_id (nowhere, 999);
  g_assert_false (cr_store_append_log_entry (store, nowhere, &error));
  g_assert_error (error, CR_STORE_ERROR, CR_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (cr_store_count (store, CR_TYPE_LOG_ENTRY, NULL, 0, NULL), ==, 4);
  g_assert_true (cr_store_verify_logbook (store, NULL, NULL, &error));
  g_assert_no_error (error);
}

/* ---- Filters ---- */

static void
assert_texts (GListModel *entries,
              const char *expected)
{
  g_autoptr(GString) texts = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr(CrLogEntry) entry = g_list_model_get_item (entries, i);

      g_string_append_printf (texts, "%s%s", i > 0 ? "|" : "", cr_log_entry_get_text (entry));
    }
  g_assert_cmpstr (texts->str, ==, expected);
}

static void
test_filter (void)
{
  g_autoptr(CrStore) store = cr_test_open_store ();
  g_autoptr(GDateTime) from = utc ("2024-09-26T09:00:00+02:00");
  g_autoptr(GDateTime) to = utc ("2024-09-26T12:00:00+02:00");
  g_autoptr(CrActivation) activation = cr_activation_new ();
  g_autoptr(GDateTime) opened = utc ("2024-09-26T06:00:00Z");
  g_autoptr(GError) error = NULL;
  CrLogFilter filter = { 0 };

  cr_activation_set_name (activation, "Visite");
  cr_activation_set_opened_at (activation, opened);
  g_assert_true (cr_store_insert (store, CR_RECORD (activation), &error));
  g_assert_no_error (error);

  cr_store_set_operator (store, "Émilie Exemple");
  g_object_unref (append (store, CR_LOG_CATEGORY_DECISION, "2024-09-26T08:30:00+02:00",
                          "Sécurité renforcée à la Basilique"));
  g_object_unref (append (store, CR_LOG_CATEGORY_INCIDENT, "2024-09-26T09:15:00+02:00",
                          "Malaise dans la foule, porte C"));
  cr_store_set_operator (store, "Jan Proef");
  g_object_unref (append (store, CR_LOG_CATEGORY_INFORMATION, "2024-09-26T11:59:00+02:00",
                          "STRASSE gesperrt: Straße zu"));
  {
    g_autoptr(CrLogEntry) linked = cr_log_entry_new ();
    g_autoptr(GDateTime) at = utc ("2024-09-26T12:00:00+02:00");

    cr_log_entry_set_category (linked, CR_LOG_CATEGORY_ACTION);
    cr_log_entry_set_occurred_at (linked, at);
    cr_log_entry_set_text (linked, "Securite: barrieres posees");
    cr_log_entry_set_activation_id (linked, cr_record_get_id (CR_RECORD (activation)));
    g_assert_true (cr_store_append_log_entry (store, linked, &error));
    g_assert_no_error (error);
  }

  {
    g_autoptr(GListModel) all = filtered (store, NULL);

    g_assert_cmpuint (g_list_model_get_n_items (all), ==, 4);
  }
  /* Category. */
  filter.categories = CR_LOG_CATEGORY_MASK (CR_LOG_CATEGORY_DECISION) |
                      CR_LOG_CATEGORY_MASK (CR_LOG_CATEGORY_INCIDENT);
  {
    g_autoptr(GListModel) list = filtered (store, &filter);

    assert_texts (list, "Sécurité renforcée à la Basilique|Malaise dans la foule, porte C");
  }
  /* Author, without regard to case. */
  filter = (CrLogFilter) { 0 };
  filter.author = "émilie EXEMPLE";
  {
    g_autoptr(GListModel) list = filtered (store, &filter);

    g_assert_cmpuint (g_list_model_get_n_items (list), ==, 2);
  }
  /* Time range on when it occurred: from included, to excluded. */
  filter = (CrLogFilter) { 0 };
  filter.from = from;
  filter.to = to;
  {
    g_autoptr(GListModel) list = filtered (store, &filter);

    assert_texts (list, "Malaise dans la foule, porte C|STRASSE gesperrt: Straße zu");
  }
  /* Text: every word, without regard to case or accents. */
  filter = (CrLogFilter) { 0 };
  filter.text = "securite";
  {
    g_autoptr(GListModel) list = filtered (store, &filter);

    assert_texts (list, "Sécurité renforcée à la Basilique|Securite: barrieres posees");
  }
  filter.text = "  SÉCURITÉ   basilique ";
  {
    g_autoptr(GListModel) list = filtered (store, &filter);

    assert_texts (list, "Sécurité renforcée à la Basilique");
  }
  filter.text = "strasse";
  {
    g_autoptr(GListModel) list = filtered (store, &filter);

    assert_texts (list, "STRASSE gesperrt: Straße zu");
  }
  filter.text = "porte z";
  {
    g_autoptr(GListModel) list = filtered (store, &filter);

    g_assert_cmpuint (g_list_model_get_n_items (list), ==, 0);
  }
  /* Activation, combined with the rest. */
  filter = (CrLogFilter) { 0 };
  filter.activation_id = cr_record_get_id (CR_RECORD (activation));
  filter.categories = CR_LOG_CATEGORY_MASK (CR_LOG_CATEGORY_ACTION);
  filter.author = "jan proef";
  filter.text = "barrières";
  {
    g_autoptr(GListModel) list = filtered (store, &filter);

    assert_texts (list, "Securite: barrieres posees");
  }
}

/* ---- The hash chain ---- */

/* The canonical form, written again from docs/design-notes.md, so that a
 * change of the form in the code shows here. */
static char *
expected_hash (sqlite3    *db,
               gint64      id,
               const char *prev)
{
  static const char *const columns[] = {
    "id", "recorded_at", "occurred_at", "author", "category", "text",
    "feature_id", "partner_id", "activation_id", "corrects_id",
  };
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GString) form = g_string_new ("crisis-room-logbook-v1\n");

  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT id, recorded_at, occurred_at, author, category, text,"
                                           " feature_id, partner_id, activation_id, corrects_id"
                                           " FROM logbook WHERE id = ?", -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_int64 (stmt, 1, id);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  for (int i = 0; i < (int) G_N_ELEMENTS (columns); i++)
    {
      const char *value = (const char *) sqlite3_column_text (stmt, i);

      if (value == NULL)
        g_string_append_printf (form, "%s:-\n", columns[i]);
      else
        g_string_append_printf (form, "%s:%zu:%s\n", columns[i], strlen (value), value);
    }
  g_string_append_printf (form, "prev:%zu:%s\n", strlen (prev), prev);
  return g_compute_checksum_for_string (G_CHECKSUM_SHA256, form->str, (gssize) form->len);
}

static char *
stored_hash (sqlite3 *db,
             gint64   id)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT hash FROM logbook WHERE id = ?", -1, &stmt, NULL), ==,
                   SQLITE_OK);
  sqlite3_bind_int64 (stmt, 1, id);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
}

/* A store with five entries, of every kind of value: links, NULLs, a
 * text with a new line and a colon. */
static CrStore *
store_with_entries (void)
{
  CrStore *store = cr_test_open_store ();
  g_autoptr(CrPartner) partner = cr_partner_new ();
  g_autoptr(CrLogEntry) linked = cr_log_entry_new ();
  g_autoptr(CrLogEntry) correction = cr_log_entry_new ();
  g_autoptr(GError) error = NULL;

  cr_partner_set_name (partner, "SIAMU");
  g_assert_true (cr_store_insert (store, CR_RECORD (partner), &error));
  g_assert_no_error (error);

  g_object_unref (append (store, CR_LOG_CATEGORY_DECISION, "2024-09-26T08:00:00+02:00",

                          "Activation complète"));
  g_object_unref (append (store, CR_LOG_CATEGORY_INCIDENT, "2024-09-26T08:20:00+02:00",
                          "Foule dense porte C:\nmalaise"));
  cr_log_entry_set_text (linked, "Le SIAMU confirme le PMA");
  cr_log_entry_set_partner_id (linked, cr_record_get_id (CR_RECORD (partner)));
  g_assert_true (cr_store_append_log_entry (store, linked, &error));
  g_assert_no_error (error);
  cr_store_set_operator (store, "Night Operator");
  cr_log_entry_set_text (correction, "Porte D, pas C");
  g_assert_true (cr_store_correct_log_entry (store, 2, correction, &error));
  g_assert_no_error (error);
  g_object_unref (append (store, CR_LOG_CATEGORY_ACTION, NULL, "Barrières posées"));
                          return store;
}

/* What the logbook links to cannot be deleted, and the refusal names
 * the entry that holds it; what it does not link to can. */
static void
test_links_kept (void)
{
  g_autoptr(CrStore) store = cr_test_open_store ();
  g_autoptr(CrEvent) event = cr_event_new ();
  g_autoptr(CrFeature) feature = cr_feature_new ();
  g_autoptr(CrFeature) unlinked = cr_feature_new ();
  g_autoptr(CrGeometry) point = cr_geometry_new_point (4.35, 50.85);
  g_autoptr(CrPartner) partner = cr_partner_new ();
  g_autoptr(CrLogEntry) plain = NULL;
  g_autoptr(CrLogEntry) linked = cr_log_entry_new ();
  g_autoptr(GError) error = NULL;

  cr_event_set_name (event, "Visite papale");
  g_assert_true (cr_store_insert (store, CR_RECORD (event), &error));
  cr_feature_set_event_id (feature, cr_record_get_id (CR_RECORD (event)));
  cr_feature_set_kind (feature, "red_zone");
  cr_feature_set_geometry (feature, point);
  g_assert_true (cr_store_insert (store, CR_RECORD (feature), &error));
  cr_feature_set_event_id (unlinked, cr_record_get_id (CR_RECORD (event)));
  cr_feature_set_kind (unlinked, "red_zone");
  cr_feature_set_geometry (unlinked, point);
  g_assert_true (cr_store_insert (store, CR_RECORD (unlinked), &error));
  cr_partner_set_name (partner, "SIAMU");
  g_assert_true (cr_store_insert (store, CR_RECORD (partner), &error));
  g_assert_no_error (error);

  plain = append (store, CR_LOG_CATEGORY_INFORMATION, NULL, "Début de service");
  cr_log_entry_set_category (linked, CR_LOG_CATEGORY_DECISION);
  cr_log_entry_set_text (linked, "Zone rouge étendue au parvis; le SIAMU prévenu");
  cr_log_entry_set_feature_id (linked, cr_record_get_id (CR_RECORD (feature)));
  cr_log_entry_set_partner_id (linked, cr_record_get_id (CR_RECORD (partner)));
  g_assert_true (cr_store_append_log_entry (store, linked, &error));
  g_assert_no_error (error);

  g_assert_false (cr_store_delete (store, CR_RECORD (feature), &error));
  g_assert_error (error, CR_STORE_ERROR, CR_STORE_ERROR_CONSTRAINT);
  g_assert_cmpstr (error->message, ==,
                   "Logbook entry #2 links to this feature, and the logbook keeps its links for good: the "
                   "feature cannot be deleted. Let its active times end instead.");
  g_clear_error (&error);
  g_assert_false (cr_store_delete (store, CR_RECORD (partner), &error));
  g_assert_error (error, CR_STORE_ERROR, CR_STORE_ERROR_CONSTRAINT);
  g_assert_nonnull (strstr (error->message, "Logbook entry #2 links to this partner"));
  g_clear_error (&error);
  g_assert_cmpint (cr_store_count (store, CR_TYPE_FEATURE, NULL, 0, NULL), ==, 2);
  g_assert_cmpint (cr_store_count (store, CR_TYPE_PARTNER, NULL, 0, NULL), ==, 1);

  g_assert_true (cr_store_delete (store, CR_RECORD (unlinked), &error));
  g_assert_no_error (error);
  g_assert_cmpint (cr_store_count (store, CR_TYPE_FEATURE, NULL, 0, NULL), ==, 1);
}

static void
test_canonical_form (void)
{
  g_autoptr(CrStore) store = store_with_entries ();
  g_autofree char *prev = g_strdup ("");
  g_autoptr(GError) error = NULL;
  g_autofree char *head = NULL;
  sqlite3 *db = raw_open (cr_store_get_path (store));
  guint n_ok = 0;
  gint64 bad = -1, last = 0;

  for (gint64 id = 1; id <= 5; id++)
    {
      g_autofree char *expected = expected_hash (db, id, prev);
      g_autofree char *stored = stored_hash (db, id);

      g_assert_cmpstr (stored, ==, expected);
      g_free (prev);
      prev = g_steal_pointer (&stored);
    }
  sqlite3_close (db);

  g_assert_true (cr_store_verify_logbook (store, &n_ok, &bad, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_ok, ==, 5);
  g_assert_cmpint (bad, ==, 0);
  head = cr_store_get_logbook_head (store, &last, &error);
  g_assert_no_error (error);
  g_assert_cmpint (last, ==, 5);
  g_assert_cmpstr (head, ==, prev);
}

/* Changes someone with the sqlite3 shell could make, and the entry the
 * verification must name. */
static const struct
{
  const char *name;
  const char *sql;
  gint64 bad;
  guint n_ok;
} tampering[] = {
  { "text", "UPDATE logbook SET text = 'Rien à signaler' WHERE id = 3", 3, 2 },
  { "occurred", "UPDATE logbook SET occurred_at = '2024-09-26T05:00:00.000Z' WHERE id = 2", 2, 1 },
  { "author", "UPDATE logbook SET author = 'Test Operator' WHERE id = 4", 4, 3 },
  { "category", "UPDATE logbook SET category = 'information' WHERE id = 1", 1, 0 },
  { "link", "UPDATE logbook SET partner_id = NULL WHERE id = 3", 3, 2 },
  { "correction", "UPDATE logbook SET corrects_id = 1 WHERE id = 4", 4, 3 },
  { "deleted", "DELETE FROM logbook WHERE id = 4", 4, 3 },
  { "last-deleted", "DELETE FROM logbook WHERE id = 5", 5, 4 },
  { "renumbered", "DELETE FROM logbook WHERE id = 2; UPDATE logbook SET id = id - 1 WHERE id > 2", 2, 1 },
  { "hash", "UPDATE logbook SET hash = NULL WHERE id = 5", 5, 4 },
  { "chain-start", "UPDATE cr_meta SET value = '3' WHERE key = 'logbook_chain_start'", 1, 0 },
};

static void
test_tamper (gconstpointer data)
{
  guint i = GPOINTER_TO_UINT (data);
  g_autoptr(CrStore) store = store_with_entries ();
  g_autofree char *path = g_strdup (cr_store_get_path (store));
  g_autoptr(GError) error = NULL;
  guint n_ok = 99;
  gint64 bad = 0;
  sqlite3 *db;

  g_clear_object (&store);
  db = raw_open (path);
  raw_exec_ok (db, "DROP TRIGGER logbook_no_update; DROP TRIGGER logbook_no_delete;");
  raw_exec_ok (db, tampering[i].sql);
  raw_exec_ok (db, "CREATE TRIGGER logbook_no_update BEFORE UPDATE ON logbook"
                   " BEGIN SELECT RAISE(ABORT, 'logbook is append-only'); END;"
                   "CREATE TRIGGER logbook_no_delete BEFORE DELETE ON logbook"
                   " BEGIN SELECT RAISE(ABORT, 'logbook is append-only'); END;");
  sqlite3_close (db);

  store = cr_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_false (cr_store_verify_logbook (store, &n_ok, &bad, &error));
  g_assert_error (error, CR_STORE_ERROR, CR_STORE_ERROR_CORRUPT);
  g_test_message ("%s: %s", tampering[i].name, error->message);
  g_assert_cmpint (bad, ==, tampering[i].bad);
  g_assert_cmpuint (n_ok, ==, tampering[i].n_ok);
  {
    g_autofree char *named = g_strdup_printf ("entry %" G_GINT64_FORMAT " ", tampering[i].bad);

    g_assert_nonnull (strstr (error->message, named));
  }
}

/* Someone who knows the canonical form changes an entry and writes its
 * new hash: the next entry, chained to the old hash, gives it away. */
static void
test_rehashed (void)
{
  g_autoptr(CrStore) store = store_with_entries ();
  g_autofree char *path = g_strdup (cr_store_get_path (store));
  g_autofree char *prev = NULL;
  g_autofree char *forged = NULL;
  g_autofree char *sql = NULL;
  g_autoptr(GError) error = NULL;
  guint n_ok = 0;
  gint64 bad = 0;
  sqlite3 *db;

  g_clear_object (&store);
  db = raw_open (path);
  raw_exec_ok (db, "DROP TRIGGER logbook_no_update");
  raw_exec_ok (db, "UPDATE logbook SET text = 'Rien à signaler' WHERE id = 3");
  prev = stored_hash (db, 2);
  forged = expected_hash (db, 3, prev);
  sql = g_strdup_printf ("UPDATE logbook SET hash = '%s' WHERE id = 3", forged);
  raw_exec_ok (db, sql);
  sqlite3_close (db);

  store = cr_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_false (cr_store_verify_logbook (store, &n_ok, &bad, &error));
  g_assert_error (error, CR_STORE_ERROR, CR_STORE_ERROR_CORRUPT);
  g_assert_cmpint (bad, ==, 4);
  g_assert_cmpuint (n_ok, ==, 3);
}

/* Every entry intact, but the triggers gone: said, without naming an
 * entry. */
static void
test_triggers_removed (void)
{
  g_autoptr(CrStore) store = store_with_entries ();
  g_autofree char *path = g_strdup (cr_store_get_path (store));
  g_autoptr(GError) error = NULL;
  guint n_ok = 0;
  gint64 bad = -1;
  sqlite3 *db;

  g_clear_object (&store);
  db = raw_open (path);
  raw_exec_ok (db, "DROP TRIGGER logbook_no_delete");
  sqlite3_close (db);

  store = cr_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_false (cr_store_verify_logbook (store, &n_ok, &bad, &error));
  g_assert_error (error, CR_STORE_ERROR, CR_STORE_ERROR_CORRUPT);
  g_assert_cmpint (bad, ==, 0);
  g_assert_cmpuint (n_ok, ==, 5);
}

/* Two processes appending in turn chain onto each other's entries. */
static void
test_two_writers (void)
{
  g_autoptr(CrStore) a = cr_test_open_store ();
  g_autoptr(CrStore) b = NULL;
  g_autoptr(GError) error = NULL;
  guint n_ok = 0;

  b = cr_store_open (cr_store_get_path (a), &error);
  g_assert_no_error (error);
  cr_store_set_operator (b, "Wall screen");
  for (guint i = 0; i < 6; i++)
    {
      g_autofree char *text = g_strdup_printf ("Entry %u", i);

      g_object_unref (append (i % 2 ? b : a, CR_LOG_CATEGORY_INFORMATION, NULL, text));

                              }
  g_assert_true (cr_store_verify_logbook (a, &n_ok, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_ok, ==, 6);
  g_assert_true (cr_store_verify_logbook (b, &n_ok, NULL, &error));
  g_assert_no_error (error);
}

/* ---- The command line, and the sqlite3 shell ---- */

static int
run (char      **out,
     char      **err,
     const char *first,
     ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  va_list args;

  g_ptr_array_add (argv, (gpointer) first);
  va_start (args, first);
  for (const char *arg = va_arg (args, const char *); arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);
  return cr_test_run ((const char *const *) argv->pdata, out, err);
}

static void
test_cli_verify (void)
{
  g_autoptr(CrStore) store = store_with_entries ();
  g_autofree char *path = g_strdup (cr_store_get_path (store));
  g_autofree char *copy = cr_test_tmp_path ("edited.gpkg");
  g_autofree char *sqlite3_shell = g_find_program_in_path ("sqlite3");
  g_autofree char *contents = NULL;
  gsize length;

  g_clear_object (&store);

  {
    g_autofree char *out = NULL;
    g_autofree char *err = NULL;

    g_assert_cmpint (run (&out, &err, cr_test_app_binary (), "--database", path, "--verify-logbook", NULL),
                     ==, 0);
    g_assert_nonnull (strstr (out, "all 5 entries"));
    g_assert_nonnull (strstr (out, "Last entry: 5"));
  }

  if (sqlite3_shell == NULL)
    {
      g_test_skip ("the sqlite3 shell is not installed");
      return;
    }

  /* The shell is refused as well… */
  {
    g_autofree char *out = NULL;
    g_autofree char *err = NULL;

    g_assert_cmpint (run (&out, &err, sqlite3_shell, path, "UPDATE logbook SET text = 'x' WHERE id = 3",
                          NULL), !=, 0);
    g_assert_nonnull (strstr (err, "append-only"));
  }

  /* …until someone drops the trigger, in a copy of the file. */
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (copy, contents, (gssize) length, NULL));
  {
    g_autofree char *out = NULL;
    g_autofree char *err = NULL;

    g_assert_cmpint (run (&out, &err, sqlite3_shell, copy,
                          "DROP TRIGGER logbook_no_update; "
                          "UPDATE logbook SET text = 'Rien à signaler' WHERE id = 3;", NULL), ==, 0);
  }
  {
    g_autofree char *out = NULL;
    g_autofree char *err = NULL;

    g_assert_cmpint (run (&out, &err, cr_test_app_binary (), "--database", copy, "--verify-logbook", NULL),
                     ==, 1);
    g_test_message ("%s", err);
    g_assert_nonnull (strstr (err, "Logbook entry 3 does not match its hash"));
    g_assert_nonnull (strstr (err, "2 entries of the chain before it are intact"));
  }
  /* The original is untouched. */
  {
    g_autofree char *out = NULL;
    g_autofree char *err = NULL;

    g_assert_cmpint (run (&out, &err, cr_test_app_binary (), "--database", path, "--verify-logbook", NULL),
                     ==, 0);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/logbook/append", test_append);
  g_test_add_func ("/logbook/append-only", test_append_only);
  g_test_add_func ("/logbook/corrections", test_corrections);
  g_test_add_func ("/logbook/links-kept", test_links_kept);
  g_test_add_func ("/logbook/filter", test_filter);
  g_test_add_func ("/logbook/canonical-form", test_canonical_form);
  for (guint i = 0; i < G_N_ELEMENTS (tampering); i++)
    {
      g_autofree char *name = g_strdup_printf ("/logbook/tamper/%s", tampering[i].name);

      g_test_add_data_func (name, GUINT_TO_POINTER (i), test_tamper);
    }
  g_test_add_func ("/logbook/rehashed", test_rehashed);
  g_test_add_func ("/logbook/triggers-removed", test_triggers_removed);
  g_test_add_func ("/logbook/two-writers", test_two_writers);
  g_test_add_func ("/logbook/cli-verify", test_cli_verify);

  return g_test_run ();
}
