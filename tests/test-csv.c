/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-csv"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <sys/stat.h>

#include "cr-contact-export.h"
#include "cr-contact-import.h"
#include "cr-csv.h"
#include "cr-enum-types.h"
#include "cr-store-contacts.h"
#include "cr-test-utils.h"
#include "cr-time.h"

/* CSV as spreadsheets write it, the contact import (mapping preview, bad
 * rows by line, duplicates offered for merge, all or nothing) and the
 * export it reads back. */

static CrCsvTable *
parse_ok (const char *text)
{
  g_autoptr(GError) error = NULL;
  CrCsvTable *table = cr_csv_parse (text, strlen (text), 0, &error);

  g_assert_no_error (error);
  g_assert_nonnull (table);
  return table;
}

static const char *
field (CrCsvTable *table,
       guint       row,
       guint       column)
{
  CrCsvRow *r = g_ptr_array_index (table->rows, row);

  g_assert_cmpuint (column, <, r->n_fields);
  return r->fields[column];
}

static void
test_delimiters (void)
{
  static const struct
  {
    const char *text;
    char delimiter;
  } cases[] = {
    { "Nom;Organisation;GSM\r\nA;B;C\r\n", ';' },
    { "Name,Organisation,Mobile\nA,B,C\n", ',' },
    { "Name\tOrganisation\nA\tB\n", '\t' },
    { "a;b,c\n", ';' },                    /* a tie: the Belgian way */
    { "\"x;y;z\",b,c\n", ',' },            /* quoted separators do not count */
    { "Name\nAlice\n", ',' },               /* one column */
    { "\xEF\xBB\xBF" "a;b\n", ';' },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(CrCsvTable) table = parse_ok (cases[i].text);

      g_assert_cmpint (cr_csv_detect_delimiter (cases[i].text, strlen (cases[i].text)), ==, cases[i].delimiter);
      g_assert_cmpint (table->delimiter, ==, cases[i].delimiter);
    }
}

static void
test_bom (void)
{
  g_autoptr(CrCsvTable) with = parse_ok ("\xEF\xBB\xBF" "Nom;Organisation\r\nÉlodie;Forest\r\n");
  g_autoptr(CrCsvTable) without = parse_ok ("Nom;Organisation\r\nÉlodie;Forest\r\n");

  g_assert_true (with->had_bom);
  g_assert_false (without->had_bom);
  /* The mark is not part of the first header. */
  g_assert_cmpstr (field (with, 0, 0), ==, "Nom");
  g_assert_cmpstr (field (with, 1, 0), ==, "Élodie");
}

static void
test_quoted (void)
{
  g_autoptr(CrCsvTable) table = parse_ok ("Name;Notes;Phone\r\n"
                                          "\"Alice \"\"Al\"\" Exemple\";\"Line one\r\nline two;\r\n"
                                          "line three\";02 123 45 67\r\n"
                                          "Bram;\"\";\r\n"
                                          "\r\n"
                                          "Chloé;plain \"quote\" inside;\"0470\"x\r"
                                          "Dirk;last;no end of line");

  g_assert_cmpuint (table->rows->len, ==, 5);
  g_assert_cmpstr (field (table, 1, 0), ==, "Alice \"Al\" Exemple");
  /* Line breaks inside a field become "\n", whatever the file used. */
  g_assert_cmpstr (field (table, 1, 1), ==, "Line one\nline two;\nline three");
  g_assert_cmpstr (field (table, 1, 2), ==, "02 123 45 67");
  /* Records count their lines from where they start. */
  g_assert_cmpuint (((CrCsvRow *) g_ptr_array_index (table->rows, 1))->line, ==, 2);
  g_assert_cmpuint (((CrCsvRow *) g_ptr_array_index (table->rows, 2))->line, ==, 5);
  g_assert_cmpstr (field (table, 2, 1), ==, "");
  g_assert_cmpuint (((CrCsvRow *) g_ptr_array_index (table->rows, 2))->n_fields, ==, 3);
  /* The blank line 6 is left out; a lone CR ends a record too. */
  g_assert_cmpuint (((CrCsvRow *) g_ptr_array_index (table->rows, 3))->line, ==, 7);
  g_assert_cmpstr (field (table, 3, 1), ==, "plain \"quote\" inside");
  g_assert_cmpstr (field (table, 3, 2), ==, "0470x");
  g_assert_cmpuint (((CrCsvRow *) g_ptr_array_index (table->rows, 4))->line, ==, 8);
  g_assert_cmpstr (field (table, 4, 2), ==, "no end of line");
}

static void
test_parse_errors (void)
{
  static const struct
  {
    const char *text;
    gsize len;
    CrCsvError code;
    const char *detail;
  } cases[] = {
    { "Name;Notes\nA;\"open\nstill open\n", 0, CR_CSV_ERROR_UNTERMINATED_QUOTE, "line 2" },
    { "Name;Notes\nA;b\nC;caf\xE9\n", 0, CR_CSV_ERROR_ENCODING, "Line 3" },
    { "\xFF\xFEN\0a\0", 6, CR_CSV_ERROR_ENCODING, "UTF-16" },
    { "", 0, CR_CSV_ERROR_EMPTY, NULL },
    { "\r\n\r\n", 0, CR_CSV_ERROR_EMPTY, NULL },
    { "\xEF\xBB\xBF", 0, CR_CSV_ERROR_EMPTY, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      gsize len = cases[i].len ? cases[i].len : strlen (cases[i].text);
      g_autoptr(CrCsvTable) table = cr_csv_parse (cases[i].text, len, 0, &error);

      g_assert_null (table);
      g_assert_error (error, CR_CSV_ERROR, (int) cases[i].code);
      if (cases[i].detail != NULL)
        g_assert_nonnull (strstr (error->message, cases[i].detail));
    }
}

static void
test_write (void)
{
  const char *fields[] = {
    "plain", "with;semicolon", "with \"quotes\"", "two\nlines", " padded ", "",
    "=HYPERLINK(\"http://x\")", "+32 470 12 34 56", "-", "@sum", "-12",
    "+1+HYPERLINK(\"http://evil.example\",\"x\")", "-1+cmd|' /C calc'!A0", "\tx", "+32 (0)2 501.05.11", "+32-2-501-05-11", NULL,
  };
  guint n = G_N_ELEMENTS (fields);
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(CrCsvTable) table = NULL;
  g_autoptr(GError) error = NULL;

  cr_csv_append_row (out, fields, n, ';');
  g_assert_true (g_str_has_suffix (out->str, "\r\n"));
  g_assert_true (g_str_has_prefix (out->str, "plain;\"with;semicolon\";\"with \"\"quotes\"\"\";"));
  /* Formulas are defused for spreadsheets; numbers and a lone dash are not. */
  g_assert_nonnull (strstr (out->str, ";\"'=HYPERLINK(\"\"http://x\"\")\";+32 470 12 34 56;-;\"'@sum\";-12;"));
  /* A sign then a digit is no phone number when a formula follows, nor
   * when it would be computed; a tab in front does not hide one. */
  g_assert_nonnull (strstr (out->str, ";\"'+1+HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\";"
                                      "\"'-1+cmd|' /C calc'!A0\";\"'\tx\";+32 (0)2 501.05.11;\"'+32-2-501-05-11\";\r\n"));

  table = cr_csv_parse (out->str, out->len, ';', &error);
  g_assert_no_error (error);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *back = cr_csv_unguard (field (table, 0, i));

      g_assert_cmpstr (back, ==, fields[i] ? fields[i] : "");
    }
  /* A value that merely starts with an apostrophe keeps it. */
  {
    g_autofree char *kept = cr_csv_unguard ("'t Hooft");

    g_assert_cmpstr (kept, ==, "'t Hooft");
  }
}

/* ---- Mapping ---- */

static CrContactImport *
import_text (const char *text)
{
  g_autoptr(GError) error = NULL;
  CrContactImport *import = cr_contact_import_new_csv (text, strlen (text), &error);

  g_assert_no_error (error);
  g_assert_nonnull (import);
  return import;
}

static void
assert_mapping (CrContactImport       *import,
                const CrContactColumn *expected,
                guint                  n)
{
  guint n_columns;
  const CrContactColumn *mapping = cr_contact_import_get_mapping (import, &n_columns);

  g_assert_cmpuint (n_columns, ==, n);
  for (guint i = 0; i < n; i++)
    if (mapping[i] != expected[i])
      g_error ("Column %u (%s) maps to %s, not %s", i, cr_contact_import_get_headers (import)[i],
               cr_contact_column_label (mapping[i]), cr_contact_column_label (expected[i]));
}

static void
test_mapping (void)
{
  g_autoptr(CrContactImport) french = import_text ("Nom;Prénom;Organisation;GSM;Téléphone;Courriel;"
                                                   "Fonction;Remarques;Couleur préférée\r\n"
                                                   "Exemple;Alice;Zone Midi;0470 12 34 56;;;;;bleu\r\n");
  g_autoptr(CrContactImport) dutch = import_text ("Naam;Organisatie;Functie;Mobiel;Telefoon;"
                                                  "E-mailadres;Taal;Beschikbaarheid;Permanentie\n"
                                                  "Bram Voorbeeld;Net Brussel;;;;;nl;;\n");
  g_autoptr(CrContactImport) english = import_text ("Full name,Organization,Job title,Cell phone,Phone,"
                                                    "Phone,Email address,SPOC rank,Last verified\n"
                                                    "A,B,,,,,,,\n");
  const CrContactColumn french_expected[] = {
    CR_CONTACT_COLUMN_FAMILY_NAME, CR_CONTACT_COLUMN_GIVEN_NAME, CR_CONTACT_COLUMN_PARTNER,
    CR_CONTACT_COLUMN_PHONE_MOBILE, CR_CONTACT_COLUMN_PHONE_OFFICE, CR_CONTACT_COLUMN_EMAIL,
    CR_CONTACT_COLUMN_FUNCTION, CR_CONTACT_COLUMN_NOTES, CR_CONTACT_COLUMN_IGNORE,
  };
  const CrContactColumn dutch_expected[] = {
    CR_CONTACT_COLUMN_NAME, CR_CONTACT_COLUMN_PARTNER, CR_CONTACT_COLUMN_FUNCTION,
    CR_CONTACT_COLUMN_PHONE_MOBILE, CR_CONTACT_COLUMN_PHONE_OFFICE, CR_CONTACT_COLUMN_EMAIL,
    CR_CONTACT_COLUMN_LANGUAGE, CR_CONTACT_COLUMN_AVAILABILITY, CR_CONTACT_COLUMN_PHONE_24_7,
  };
  /* A second "Phone" is left for the user to map. */
  const CrContactColumn english_expected[] = {
    CR_CONTACT_COLUMN_NAME, CR_CONTACT_COLUMN_PARTNER, CR_CONTACT_COLUMN_FUNCTION,
    CR_CONTACT_COLUMN_PHONE_MOBILE, CR_CONTACT_COLUMN_PHONE_OFFICE, CR_CONTACT_COLUMN_IGNORE,
    CR_CONTACT_COLUMN_EMAIL, CR_CONTACT_COLUMN_SPOC_RANK, CR_CONTACT_COLUMN_VERIFIED_AT,
  };
  guint line;

  assert_mapping (french, french_expected, G_N_ELEMENTS (french_expected));
  assert_mapping (dutch, dutch_expected, G_N_ELEMENTS (dutch_expected));
  assert_mapping (english, english_expected, G_N_ELEMENTS (english_expected));
  g_assert_cmpint (cr_contact_import_get_delimiter (english), ==, ',');

  /* The preview: header and rows as read. */
  g_assert_cmpstr (cr_contact_import_get_headers (french)[1], ==, "Prénom");
  g_assert_cmpuint (cr_contact_import_get_n_rows (french), ==, 1);
  g_assert_cmpstr (cr_contact_import_get_row (french, 0, &line)[3], ==, "0470 12 34 56");
  g_assert_cmpuint (line, ==, 2);

  /* The user's choice replaces the proposal. */
  {
    CrContactColumn changed[G_N_ELEMENTS (english_expected)];

    memcpy (changed, english_expected, sizeof changed);
    changed[5] = CR_CONTACT_COLUMN_PHONE_24_7;
    cr_contact_import_set_mapping (english, changed, G_N_ELEMENTS (changed));
    assert_mapping (english, changed, G_N_ELEMENTS (changed));
  }

  /* Every canonical header maps to its column, and a translated label too. */
  for (guint c = 1; c < CR_N_CONTACT_COLUMNS; c++)
    {
      g_assert_cmpint (cr_contact_column_from_header (cr_contact_column_header (c)), ==, c);
      g_assert_cmpint (cr_contact_column_from_header (cr_contact_column_label (c)), ==, c);
    }
}

/* ---- Import ---- */

static guint
n_rows (CrStore *store,
        GType    type)
{
  gint64 n = cr_store_count (store, type, NULL, 0, NULL);

  g_assert_cmpint (n, >=, 0);
  return (guint) n;
}

static void
test_bad_rows (void)
{
  g_autoptr(CrStore) store = cr_test_open_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(CrContactImport) import = import_text (
    "Organisation;Name;Availability;Last verified;Notes;SPOC rank\r\n"
    "Commune de Jette;Isabelle Hypothèse;office hours;2024-06-01;;0\r\n"
    "Commune de Jette;;24/7;;no name here;\r\n"
    "Commune de Jette;Joris Veronderstel;sometimes;;;\r\n"
    "Commune de Jette;Note Writer;;;\"a note\r\non two lines\";\r\n"
    ";Nobody's contact;;;;\r\n"
    "Commune de Jette;Bad Date;;31/31/2024;;\r\n"
    "Commune de Jette;Bad Rank;;;;deputy\r\n"
    "Commune de Jette;Too Many;;;;;extra\r\n"
    ";;;;;\r\n");
  GArray *problems;
  const guint expected_lines[] = { 3, 4, 7, 8, 9, 10 };

  g_assert_true (cr_contact_import_analyse (import, store, &error));
  g_assert_no_error (error);
  problems = cr_contact_import_get_problems (import);
  /* One problem per bad line, by line number; the blank row is no
   * problem at all. */
  g_assert_cmpuint (problems->len, ==, G_N_ELEMENTS (expected_lines));
  for (guint i = 0; i < problems->len; i++)
    g_assert_cmpuint (g_array_index (problems, CrImportProblem, i).line, ==, expected_lines[i]);
  g_assert_nonnull (strstr (g_array_index (problems, CrImportProblem, 0).message, "No name"));
  g_assert_nonnull (strstr (g_array_index (problems, CrImportProblem, 1).message, "“sometimes”"));
  g_assert_nonnull (strstr (g_array_index (problems, CrImportProblem, 2).message, "No organisation"));
  g_assert_cmpuint (cr_contact_import_get_n_contacts (import), ==, 8);

  /* Nothing is imported while a line is bad. */
  g_assert_false (cr_contact_import_run (import, store, NULL, &error));
  g_assert_error (error, CR_IMPORT_ERROR, CR_IMPORT_ERROR_BAD_ROWS);
  g_assert_nonnull (strstr (error->message, "line 3"));
  g_assert_cmpuint (n_rows (store, CR_TYPE_CONTACT), ==, 0);
  g_assert_cmpuint (n_rows (store, CR_TYPE_PARTNER), ==, 0);
  g_clear_error (&error);

  /* Without a name column there is nothing to analyse. */
  {
    g_autoptr(CrContactImport) unnamed = import_text ("Organisation;Colour\nJette;blue\n");

    g_assert_false (cr_contact_import_analyse (unnamed, store, &error));
    g_assert_error (error, CR_IMPORT_ERROR, CR_IMPORT_ERROR_MAPPING);
    g_clear_error (&error);
  }
}

static CrContact *
find_contact (CrStore    *store,
              const char *name)
{
  g_autoptr(GListModel) all = cr_store_list (store, CR_TYPE_CONTACT, NULL, 0, NULL);

  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    {
      g_autoptr(CrContact) contact = g_list_model_get_item (all, i);

      if (g_strcmp0 (cr_contact_get_name (contact), name) == 0)
        return g_steal_pointer (&contact);
    }
  return NULL;
}

/* A Belgian spreadsheet's export: BOM, semicolons, quoted line breaks,
 * first and last names apart, SPOC ranks. */
static void
test_import_belgian (void)
{
  g_autoptr(CrStore) store = cr_test_open_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(CrContactImport) import = import_text (
    "\xEF\xBB\xBF" "Organisation;Type;Prénom;Nom;Fonction;GSM;Tél. 24/7;Courriel;Langue;"
    "Disponibilité;Vérifié le;Vérifié par;Remarques;Rang SPOC\r\n"
    "Ville de Bruxelles;commune;Fabrice;Anonyme;PLANU;0472 17 49 00;02/279.22.11;"
    "fabrice.anonyme@bruxelles.example;Français;24/7;26/09/2024;Nadia;\"Bureau 2.14\r\n"
    "Accès par la rue au Beurre\";0\r\n"
    "Ville de Bruxelles;commune;Griet;Onbekend;Adjointe PLANU;+32 4 070 04;;"
    "griet@bruxelles.example;Nederlands;kantooruren;;;;1\r\n"
    "VILLE DE BRUXELLES;;Hugo;Tijdelijk;Communication;;;hugo.tijdelijk@bruxelles.example;nl;;;;;\r\n"
    "STIB-MIVB;regional-body;Ulla;Proefpersoon;Crisis SPOC;;;ulla proefpersoon@stib.example;NL;;;;;\r\n");
  g_autoptr(CrContact) fabrice = NULL;
  g_autoptr(CrContact) griet = NULL;
  g_autoptr(CrPartner) city = NULL;
  g_autoptr(GListModel) chain = NULL;
  CrContactImportCounts counts = { 0 };
  GArray *warnings;

  g_assert_true (cr_contact_import_get_had_bom (import));
  g_assert_cmpint (cr_contact_import_get_delimiter (import), ==, ';');
  g_assert_true (cr_contact_import_analyse (import, store, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (cr_contact_import_get_problems (import)->len, ==, 0);
  /* Invalid number and address: imported as typed, with a warning. */
  warnings = cr_contact_import_get_warnings (import);
  g_assert_cmpuint (warnings->len, ==, 2);
  g_assert_cmpuint (g_array_index (warnings, CrImportProblem, 0).line, ==, 4);
  g_assert_cmpuint (g_array_index (warnings, CrImportProblem, 1).line, ==, 6);
  /* Partners the file names, once each whatever the case. */
  g_assert_cmpuint (g_strv_length ((char **) cr_contact_import_get_new_partners (import)), ==, 2);

  g_assert_true (cr_contact_import_run (import, store, &counts, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (counts.n_added, ==, 4);
  g_assert_cmpuint (counts.n_partners_created, ==, 2);
  g_assert_cmpuint (n_rows (store, CR_TYPE_PARTNER), ==, 2);

  fabrice = find_contact (store, "Fabrice Anonyme");
  g_assert_nonnull (fabrice);
  g_assert_cmpstr (cr_contact_get_notes (fabrice), ==, "Bureau 2.14\nAccès par la rue au Beurre");
  g_assert_cmpstr (cr_contact_get_language (fabrice), ==, "fr");
  g_assert_cmpint (cr_contact_get_availability (fabrice), ==, CR_AVAILABILITY_ALWAYS);
  g_assert_cmpstr (cr_contact_get_phone_24_7 (fabrice), ==, "02/279.22.11");
  g_assert_cmpstr (cr_contact_get_verified_by (fabrice), ==, "Nadia");
  g_assert_cmpint (g_date_time_get_day_of_month (cr_contact_get_verified_at (fabrice)), ==, 25); /* UTC */
  griet = find_contact (store, "Griet Onbekend");
  g_assert_cmpstr (cr_contact_get_phone_mobile (griet), ==, "+32 4 070 04");
  g_assert_cmpint (cr_contact_get_availability (griet), ==, CR_AVAILABILITY_OFFICE_HOURS);
  g_assert_cmpstr (cr_contact_get_language (griet), ==, "nl");

  city = cr_store_find_partner (store, "Ville de Bruxelles", &error);
  g_assert_cmpint (cr_partner_get_partner_type (city), ==, CR_PARTNER_TYPE_COMMUNE);
  chain = cr_store_list_spoc_chain (store, cr_record_get_id (CR_RECORD (city)), &error);
  g_assert_cmpuint (g_list_model_get_n_items (chain), ==, 2);
  {
    g_autoptr(CrContact) spoc = g_list_model_get_item (chain, 0);

    g_assert_cmpstr (cr_contact_get_name (spoc), ==, "Fabrice Anonyme");
  }
}

static void
test_duplicates (void)
{
  g_autoptr(CrStore) store = cr_test_open_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(CrContactImport) import = NULL;
  g_autoptr(CrPartner) police = cr_partner_new ();
  g_autoptr(CrContact) alice = cr_contact_new ();
  g_autoptr(CrContact) desk = cr_contact_new ();
  g_autoptr(CrContact) merged = NULL;
  CrContactImportCounts counts = { 0 };
  GArray *duplicates;

  cr_partner_set_name (police, "Zone Midi");
  g_assert_true (cr_store_insert (store, CR_RECORD (police), NULL));
  cr_contact_set_partner_id (alice, cr_record_get_id (CR_RECORD (police)));
  cr_contact_set_name (alice, "Alice Exemple");
  cr_contact_set_email (alice, "alice.exemple@pzmidi.example");
  cr_contact_set_function (alice, "Crisis SPOC");
  g_assert_true (cr_store_insert (store, CR_RECORD (alice), NULL));
  cr_contact_set_partner_id (desk, cr_record_get_id (CR_RECORD (police)));
  cr_contact_set_name (desk, "Dispatching Midi");
  cr_contact_set_phone_office (desk, "+32 2 000 05 55");
  g_assert_true (cr_store_insert (store, CR_RECORD (desk), NULL));

  import = import_text (
    "Organisation,Name,Function,Office phone,E-mail\n"
    /* Same address, other case and spaces: the same person. */
    "Zone Midi,Alice Exemple,Crisis SPOC (night),,  Alice.Exemple@PZMIDI.example\n"
    /* Same number and name, typed otherwise: the same desk. */
    "Zone Midi,dispatching MIDI,Dispatch,02/000.05.55,\n"
    /* Same number, another name: a colleague at the same desk. */
    "Zone Midi,Bart Collega,Operator,0032 2 000 05 55,\n"
    /* Nothing shared. */
    "Zone Midi,Someone New,,,new@pzmidi.example\n");
  g_assert_true (cr_contact_import_analyse (import, store, &error));
  g_assert_no_error (error);
  duplicates = cr_contact_import_get_duplicates (import);
  g_assert_cmpuint (duplicates->len, ==, 3);
  {
    CrImportDuplicate *d0 = &g_array_index (duplicates, CrImportDuplicate, 0);
    CrImportDuplicate *d1 = &g_array_index (duplicates, CrImportDuplicate, 1);
    CrImportDuplicate *d2 = &g_array_index (duplicates, CrImportDuplicate, 2);

    g_assert_cmpuint (d0->line, ==, 2);
    g_assert_cmpint (d0->reason, ==, CR_DUPLICATE_SAME_EMAIL);
    g_assert_cmpint (d0->contact_id, ==, cr_record_get_id (CR_RECORD (alice)));
    g_assert_cmpint (d0->action, ==, CR_DUPLICATE_ACTION_MERGE);
    g_assert_cmpstr (d0->partner_name, ==, "Zone Midi");
    g_assert_cmpint (d1->reason, ==, CR_DUPLICATE_SAME_PHONE);
    g_assert_cmpstr (d1->value, ==, "+3220000555");
    g_assert_cmpint (d1->action, ==, CR_DUPLICATE_ACTION_MERGE);
    g_assert_cmpint (d2->contact_id, ==, cr_record_get_id (CR_RECORD (desk)));
    g_assert_cmpint (d2->action, ==, CR_DUPLICATE_ACTION_ADD);
  }
  /* The caller decides: the desk's row is left out. */
  cr_contact_import_set_duplicate_action (import, 1, CR_DUPLICATE_ACTION_SKIP);
  g_assert_true (cr_contact_import_run (import, store, &counts, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (counts.n_merged, ==, 1);
  g_assert_cmpuint (counts.n_skipped, ==, 1);
  g_assert_cmpuint (counts.n_added, ==, 2);
  g_assert_cmpuint (n_rows (store, CR_TYPE_CONTACT), ==, 4);
  merged = cr_store_get (store, CR_TYPE_CONTACT, cr_record_get_id (CR_RECORD (alice)), &error);
  g_assert_cmpstr (cr_contact_get_function (merged), ==, "Crisis SPOC (night)");
  g_assert_cmpstr (cr_contact_get_email (merged), ==, "Alice.Exemple@PZMIDI.example");
  {
    g_autoptr(CrContact) unchanged = cr_store_get (store, CR_TYPE_CONTACT, cr_record_get_id (CR_RECORD (desk)), NULL);

    g_assert_cmpstr (cr_contact_get_name (unchanged), ==, "Dispatching Midi");
    g_assert_null (cr_contact_get_function (unchanged));
  }

  /* Twice the same address in one file is a bad line. */
  {
    g_autoptr(CrContactImport) twice = import_text ("Organisation,Name,E-mail\n"
                                                    "X,One,same@x.example\n"
                                                    "X,Two,SAME@x.example\n");
    GArray *problems;

    g_assert_true (cr_contact_import_analyse (twice, store, &error));
    problems = cr_contact_import_get_problems (twice);
    g_assert_cmpuint (problems->len, ==, 1);
    g_assert_cmpuint (g_array_index (problems, CrImportProblem, 0).line, ==, 3);
    g_assert_nonnull (strstr (g_array_index (problems, CrImportProblem, 0).message, "line 2"));
  }
}

static void
test_default_partner (void)
{
  g_autoptr(CrStore) store = cr_test_open_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(CrContactImport) import = import_text ("Name;GSM\nAmélie Ébauche;0477 14 31 00\n");
  g_autoptr(CrPartner) vivaqua = NULL;

  g_assert_false (cr_contact_import_analyse (import, store, &error));
  g_assert_error (error, CR_IMPORT_ERROR, CR_IMPORT_ERROR_MAPPING);
  g_clear_error (&error);
  cr_contact_import_set_default_partner (import, "Vivaqua");
  g_assert_true (cr_contact_import_run (import, store, NULL, &error));
  g_assert_no_error (error);
  vivaqua = cr_store_find_partner (store, "vivaqua", &error);
  g_assert_nonnull (vivaqua);
  g_assert_cmpint (cr_store_count (store, CR_TYPE_CONTACT, "partner_id",
                                   cr_record_get_id (CR_RECORD (vivaqua)), NULL), ==, 1);
}

/* ---- Round trip ---- */

/* Every contact of @a is in @b, as it was: CSV keeps times exactly. */
static void
assert_same_directory (CrStore *a,
                       CrStore *b)
{
  g_assert_cmpuint (n_rows (a, CR_TYPE_CONTACT), ==, n_rows (b, CR_TYPE_CONTACT));
  g_assert_cmpuint (cr_test_assert_same_directory (a, b, TRUE), >, 40);
}

static void
test_round_trip (void)
{
  g_autoptr(CrStore) demo = cr_test_open_demo_store ();
  const CrCsvExportOptions variants[] = { { ';', TRUE }, { ',', FALSE } };

  for (guint v = 0; v < G_N_ELEMENTS (variants); v++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(CrStore) copy = cr_test_open_store ();
      g_autoptr(CrContactImport) import = NULL;
      g_autofree char *text = NULL;
      guint n = 0;
      CrContactImportCounts counts = { 0 };

      text = cr_contacts_export_csv (demo, 0, &variants[v], &n, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (n, ==, n_rows (demo, CR_TYPE_CONTACT));
      g_assert_true (g_str_has_prefix (text, "\xEF\xBB\xBF") == variants[v].bom);
      import = cr_contact_import_new_csv (text, strlen (text), &error);
      g_assert_no_error (error);
      g_assert_cmpint (cr_contact_import_get_delimiter (import), ==, variants[v].delimiter);
      g_assert_true (cr_contact_import_run (import, copy, &counts, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (counts.n_added, ==, n);
      assert_same_directory (demo, copy);

      /* Imported again, every row is a duplicate merged into itself. */
      g_clear_object (&import);
      import = cr_contact_import_new_csv (text, strlen (text), &error);
      g_assert_true (cr_contact_import_run (import, copy, &counts, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (counts.n_merged, ==, n);
      assert_same_directory (demo, copy);
    }
}

static void
test_export_file (void)
{
  g_autoptr(CrStore) demo = cr_test_open_demo_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(CrPartner) siamu = cr_store_find_partner (demo, "SIAMU / DBDMH", NULL);
  g_autofree char *path = cr_test_tmp_path ("siamu.csv");
  g_autofree char *text = NULL;
  g_autofree char *describe = NULL;
  g_autoptr(GListModel) audit = NULL;
  g_autoptr(CrAuditEntry) last = NULL;
  GStatBuf st;
  guint n = 0;

  describe = cr_contacts_export_describe (demo, cr_record_get_id (CR_RECORD (siamu)), &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (describe, "3 contacts of “SIAMU / DBDMH”"));
  g_assert_true (cr_contacts_export_file (demo, cr_record_get_id (CR_RECORD (siamu)), CR_CONTACTS_FORMAT_CSV,
                                          NULL, path, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 3);
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  g_assert_nonnull (strstr (text, "Quentin Simulé"));
  g_assert_null (strstr (text, "Alice Exemple"));
  /* Personal data: for the owner only, and in the audit log. */
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  audit = cr_store_list (demo, CR_TYPE_AUDIT_ENTRY, NULL, 0, NULL);
  last = g_list_model_get_item (audit, g_list_model_get_n_items (audit) - 1);
  g_assert_cmpstr (cr_audit_entry_get_action (last), ==, "export");
  g_assert_nonnull (strstr (cr_audit_entry_get_after (last), "siamu.csv"));

  /* A file that cannot be written leaves no audit entry. */
  {
    guint n_audit = g_list_model_get_n_items (audit);
    g_autoptr(GListModel) after = NULL;

    g_assert_false (cr_contacts_export_file (demo, 0, CR_CONTACTS_FORMAT_CSV, NULL,
                                             "/nonexistent-folder/contacts.csv", NULL, &error));
    g_assert_nonnull (error);
    after = cr_store_list (demo, CR_TYPE_AUDIT_ENTRY, NULL, 0, NULL);
    g_assert_cmpuint (g_list_model_get_n_items (after), ==, n_audit);
  }
}

/* ---- Command line ---- */

static void
test_cli (void)
{
  g_autofree char *db = cr_test_tmp_path ("cli.gpkg");
  g_autofree char *bad = cr_test_tmp_path ("bad.csv");
  g_autofree char *good = cr_test_tmp_path ("good.csv");
  g_autofree char *exported = cr_test_tmp_path ("exported.csv");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_true (g_file_set_contents (bad, "Organisation;Name;Availability\n"
                                           "Jette;Isabelle;office hours\n"
                                           "Jette;Joris;sometimes\n", -1, NULL));
  g_assert_true (g_file_set_contents (good, "Organisation;Name;Mobile;SPOC rank\n"
                                            "Jette;Isabelle Hypothèse;0479 19 08 00;0\n"
                                            "Jette;Joris Veronderstel;+32 4 070 04;1\n", -1, NULL));

  {
    const char *args[] = { "--import-contacts-csv", bad, NULL };

    g_assert_cmpint (cr_test_run_app_argv (db, args, &out, &err), ==, 1);
    g_assert_nonnull (strstr (err, "bad.csv:3: “sometimes”"));
    g_assert_nonnull (strstr (err, "Nothing was imported"));
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
  }
  {
    const char *args[] = { "--import-contacts-csv", good, NULL };

    g_assert_cmpint (cr_test_run_app_argv (db, args, &out, &err), ==, 0);
    g_assert_nonnull (strstr (out, "Imported 2 contacts"));
    g_assert_nonnull (strstr (err, "good.csv:3: Mobile:"));
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
  }
  /* A partner's own list, without an organisation column: --partner
   * says whose it is, as the message refusing it says. */
  {
    g_autofree char *own = cr_test_tmp_path ("own.csv");
    const char *without[] = { "--import-contacts-csv", own, NULL };
    const char *with[] = { "--import-contacts-csv", own, "--partner", "Jette", NULL };

    g_assert_true (g_file_set_contents (own, "Name;Mobile\nJulie Conjecture;0479 19 08 01\n", -1, NULL));
    g_assert_cmpint (cr_test_run_app_argv (db, without, &out, &err), ==, 1);
    g_assert_nonnull (strstr (err, "import into one partner"));
    g_assert_cmpint (cr_test_run_app_argv (db, with, &out, &err), ==, 0);
    g_assert_nonnull (strstr (out, "Imported 1 contact"));
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
  }
  {
    const char *args[] = { "--export-contacts-csv", exported, "--partner", "JETTE", NULL };
    g_autofree char *text = NULL;

    g_assert_cmpint (cr_test_run_app_argv (db, args, &out, &err), ==, 0);
    g_assert_nonnull (strstr (out, "Exported 3 contacts"));
    g_assert_true (g_file_get_contents (exported, &text, NULL, NULL));
    g_assert_nonnull (strstr (text, "Isabelle Hypothèse"));
    g_assert_nonnull (strstr (text, "Julie Conjecture"));
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
  }
  {
    const char *args[] = { "--export-contacts-csv", exported, "--partner", "Nobody", NULL };

    g_assert_cmpint (cr_test_run_app_argv (db, args, &out, &err), ==, 1);
    g_assert_nonnull (strstr (err, "“Nobody”"));
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
  }
  {
    const char *args[] = { "--list-events", "--partner", "Jette", NULL };

    g_assert_cmpint (cr_test_run_app_argv (db, args, &out, &err), ==, 2);
    g_assert_nonnull (strstr (err, "--partner only applies"));
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
  }
  {
    const char *args[] = { "--import-contacts-csv", good, "--export-vcard", exported, NULL };

    g_assert_cmpint (cr_test_run_app_argv (db, args, &out, &err), ==, 2);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/csv/parse/delimiters", test_delimiters);
  g_test_add_func ("/csv/parse/bom", test_bom);
  g_test_add_func ("/csv/parse/quoted", test_quoted);
  g_test_add_func ("/csv/parse/errors", test_parse_errors);
  g_test_add_func ("/csv/write", test_write);
  g_test_add_func ("/csv/mapping", test_mapping);
  g_test_add_func ("/csv/import/bad-rows", test_bad_rows);
  g_test_add_func ("/csv/import/belgian", test_import_belgian);
  g_test_add_func ("/csv/import/duplicates", test_duplicates);
  g_test_add_func ("/csv/import/default-partner", test_default_partner);
  g_test_add_func ("/csv/round-trip", test_round_trip);
  g_test_add_func ("/csv/export-file", test_export_file);
  g_test_add_func ("/csv/cli", test_cli);

  return g_test_run ();
}
