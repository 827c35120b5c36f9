/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-vcard"

#include "config.h"

#include <glib/gi18n.h>

#include "cr-contact-export.h"
#include "cr-contact-import.h"
#include "cr-store-contacts.h"
#include "cr-test-utils.h"
#include "cr-vcard.h"

/* vCard 4.0 export checked against RFC 6350 (line ends, folding,
 * escaping, the properties' forms), its round trip through the app's own
 * import, and vCards written by others. */

static char *
export_all (CrStore *store,
            guint   *n)
{
  g_autoptr(GError) error = NULL;
  char *text = cr_contacts_export_vcard (store, 0, n, &error);

  g_assert_no_error (error);
  g_assert_nonnull (text);
  return text;
}

/* The logical lines of @text: physical lines unfolded, after checking
 * the physical form (§3.2). */
static GPtrArray *
check_physical_lines (const char *text)
{
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) physical = NULL;
  guint n;

  g_assert_true (g_str_has_suffix (text, "\r\n"));
  physical = g_strsplit (text, "\r\n", -1);
  n = g_strv_length (physical);
  g_assert_cmpstr (physical[n - 1], ==, "");
  for (guint i = 0; i + 1 < n; i++)
    {
      const char *line = physical[i];

      /* CRLF only, 75 octets at most, never a split character. */
      g_assert_null (strchr (line, '\n'));
      g_assert_null (strchr (line, '\r'));
      if (strlen (line) > 75)
        g_error ("Line %u has %zu octets: %s", i + 1, strlen (line), line);
      g_assert_true (g_utf8_validate (line, -1, NULL));
      g_assert_cmpuint (strlen (line), >, 0);
      if (line[0] == ' ')
        {
          char *previous = g_ptr_array_index (lines, lines->len - 1);

          lines->pdata[lines->len - 1] = g_strconcat (previous, line + 1, NULL);
          g_free (previous);
        }
      else
        g_ptr_array_add (lines, g_strdup (line));
    }
  return g_steal_pointer (&lines);
}

static void
test_rfc6350 (void)
{
  g_autoptr(CrStore) demo = cr_test_open_demo_store ();
  g_autoptr(GPtrArray) lines = NULL;
  g_autofree char *text = NULL;
  guint n = 0, n_cards = 0, n_fn = 0, n_tel_text = 0, n_tel_uri = 0, n_rev = 0;
  gboolean in_card = FALSE;

  text = export_all (demo, &n);
  g_assert_cmpuint (n, ==, (guint) cr_store_count (demo, CR_TYPE_CONTACT, NULL, 0, NULL));
  lines = check_physical_lines (text);

  for (guint i = 0; i < lines->len; i++)
    {
      const char *line = g_ptr_array_index (lines, i);

      if (g_str_equal (line, "BEGIN:VCARD"))
        {
          g_assert_false (in_card);
          in_card = TRUE;
          n_cards++;
          /* VERSION comes right after BEGIN (§6.7.9). */
          g_assert_cmpstr (g_ptr_array_index (lines, i + 1), ==, "VERSION:4.0");
          continue;
        }
      g_assert_true (in_card);
      if (g_str_equal (line, "END:VCARD"))
        {
          g_assert_cmpuint (n_fn, ==, 1);
          n_fn = 0;
          in_card = FALSE;
        }
      else if (g_str_has_prefix (line, "FN:"))
        n_fn++;
      else if (g_str_has_prefix (line, "TEL;"))
        {
          if (strstr (line, ";VALUE=uri:") != NULL)
            {
              /* A tel: URI (RFC 3966) with visual separators only. */
              g_assert_true (g_regex_match_simple ("^TEL;TYPE=[a-z0-9,-]+(;PREF=1)?;VALUE=uri:tel:\\+[0-9][0-9-]*$",
                                                   line, 0, 0));
              n_tel_uri++;
            }
          else
            {
              g_assert_nonnull (strstr (line, ";VALUE=text:"));
              n_tel_text++;
            }
        }
      else if (g_str_has_prefix (line, "REV:"))
        {
          g_assert_true (g_regex_match_simple ("^REV:[0-9]{8}T[0-9]{6}Z$", line, 0, 0));
          n_rev++;
        }
      else if (g_str_has_prefix (line, "N:"))
        {
          g_auto(GStrv) parts = cr_vcard_split (line + 2, ';');

          /* family;given;additional;prefixes;suffixes */
          g_assert_cmpuint (g_strv_length (parts), ==, 5);
        }
      else
        /* Every other property is one this export means to write. */
        g_assert_true (g_regex_match_simple ("^(VERSION|PRODID|ORG|TITLE|EMAIL;TYPE=work|LANG|NOTE|"
                                             "X-CRISISROOM-[A-Z-]+):", line, 0, 0));
    }
  g_assert_false (in_card);
  g_assert_cmpuint (n_cards, ==, n);
  /* The demo's two invalid numbers stay as typed text. */
  g_assert_cmpuint (n_tel_text, ==, 2);
  g_assert_cmpuint (n_tel_uri, >, 100);
  /* Two contacts were never verified. */
  g_assert_cmpuint (n_rev, ==, n - 2);
  g_assert_nonnull (strstr (text, "TEL;TYPE=cell,voice;VALUE=text:+32 4 070 04\r\n"));
  g_assert_nonnull (strstr (text, "TEL;TYPE=cell,voice;VALUE=uri:tel:+32-4-072-00-53\r\n"));
  g_assert_nonnull (strstr (text, "TEL;TYPE=voice,x-24-7;PREF=1;VALUE=uri:tel:+32-2-000-00-74\r\n"));
  g_assert_nonnull (strstr (text, "FN:Alice Exemple\r\nN:Exemple;Alice;;;\r\n"));
}

static void
test_escaping (void)
{
  g_autoptr(CrStore) store = cr_test_open_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(CrPartner) partner = cr_partner_new ();
  g_autoptr(CrContact) contact = cr_contact_new ();
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(GPtrArray) cards = NULL;
  g_autofree char *text = NULL;
  const char *note = "Bureau 2.14; accès rue au Beurre, porte C\nBadge \\ code 1234\n"
                     "Ne pas appeler après 22 h sauf crise — prévenir le permanent régional, merci.";
  const CrVcard *card;
  const CrVcardProperty *p;

  cr_partner_set_name (partner, "Commune de Saint-Gilles; Sint-Gillis");
  g_assert_true (cr_store_insert (store, CR_RECORD (partner), NULL));
  cr_contact_set_partner_id (contact, cr_record_get_id (CR_RECORD (partner)));
  cr_contact_set_name (contact, "Van den Berg, Élodie");
  cr_contact_set_notes (contact, note);
  cr_contact_set_phone_office (contact, "+32 (0)2 123 45 67");
  g_assert_true (cr_store_insert (store, CR_RECORD (contact), NULL));

  text = cr_contacts_export_vcard (store, 0, NULL, &error);
  g_assert_no_error (error);
  lines = check_physical_lines (text);
  /* The NOTE is longer than a line: it was folded, and escaped. */
  g_assert_nonnull (strstr (text, "\r\n "));
  g_assert_true (g_ptr_array_find_with_equal_func (lines,
                                                   "NOTE:Bureau 2.14\\; accès rue au Beurre\\, porte C\\nBadge "
                                                   "\\\\ code 1234\\nNe pas appeler après 22 h sauf crise — "
                                                   "prévenir le permanent régional\\, merci.",
                                                   g_str_equal, NULL));
  g_assert_true (g_ptr_array_find_with_equal_func (lines, "FN:Van den Berg\\, Élodie", g_str_equal, NULL));
  g_assert_true (g_ptr_array_find_with_equal_func (lines, "N:den Berg\\, Élodie;Van;;;", g_str_equal, NULL));
  g_assert_true (g_ptr_array_find_with_equal_func (lines, "ORG:Commune de Saint-Gilles\\; Sint-Gillis",
                                                   g_str_equal, NULL));
  /* "(0)" is not dialled: the URI is built from the E.164 form. */
  g_assert_true (g_ptr_array_find_with_equal_func (lines, "TEL;TYPE=work,voice;VALUE=uri:tel:+32-2-123-45-67",
                                                   g_str_equal, NULL));

  /* And read back as written. */
  cards = cr_vcard_parse (text, strlen (text), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cards->len, ==, 1);
  card = g_ptr_array_index (cards, 0);
  p = cr_vcard_get (card, "NOTE");
  {
    g_autofree char *unescaped = cr_vcard_unescape (p->value);

    g_assert_cmpstr (unescaped, ==, note);
  }
  p = cr_vcard_get (card, "ORG");
  {
    g_auto(GStrv) parts = cr_vcard_split (p->value, ';');

    /* An escaped ";" is not a component separator. */
    g_assert_cmpuint (g_strv_length (parts), ==, 1);
    g_assert_cmpstr (parts[0], ==, "Commune de Saint-Gilles; Sint-Gillis");
  }
}

static void
test_folding (void)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GString) long_line = g_string_new ("NOTE:");
  g_autoptr(GPtrArray) lines = NULL;

  for (guint i = 0; i < 100; i++)
    g_string_append (long_line, i % 3 ? "é" : "a€");
  cr_vcard_append_line (out, long_line->str);
  lines = check_physical_lines (out->str);
  g_assert_cmpuint (lines->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (lines, 0), ==, long_line->str);

  /* 75 octets fit on one line, 76 do not. */
  {
    g_autofree char *digits = g_strnfill (71, '7');
    g_autofree char *line75 = g_strdup_printf ("NOTE:%.70s", digits);
    g_autofree char *line76 = g_strdup_printf ("NOTE:%s", digits);
    g_autofree char *expected = g_strdup_printf ("NOTE:%.70s\r\n 7\r\n", digits);

    g_string_truncate (out, 0);
    cr_vcard_append_line (out, line75);
    g_assert_cmpuint (out->len, ==, 77);
    g_string_truncate (out, 0);
    cr_vcard_append_line (out, line76);
    g_assert_cmpstr (out->str, ==, expected);
  }
}

static void
test_round_trip (void)
{
  g_autoptr(CrStore) demo = cr_test_open_demo_store ();
  g_autoptr(CrStore) copy = cr_test_open_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(CrContactImport) import = NULL;
  g_autofree char *text = NULL;
  CrContactImportCounts counts = { 0 };
  guint n = 0;

  text = export_all (demo, &n);
  import = cr_contact_import_new_vcard (text, strlen (text), &error);
  g_assert_no_error (error);
  g_assert_true (cr_contact_import_is_vcard (import));
  g_assert_cmpuint (cr_contact_import_get_n_rows (import), ==, n);
  g_assert_true (cr_contact_import_run (import, copy, &counts, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (counts.n_added, ==, n);
  g_assert_cmpuint (counts.n_partners_created, ==, (guint) cr_store_count (demo, CR_TYPE_PARTNER, NULL, 0, NULL));
  g_assert_cmpint (cr_store_count (demo, CR_TYPE_CONTACT, NULL, 0, NULL), ==,
                   cr_store_count (copy, CR_TYPE_CONTACT, NULL, 0, NULL));
  /* REV has whole seconds. */
  cr_test_assert_same_directory (demo, copy, FALSE);

  /* The copy exports to the same vCards, but for the time of export. */
  {
    g_autofree char *again = export_all (copy, NULL);

    g_assert_cmpstr (again, ==, text);
  }
}

static void
test_foreign (void)
{
  g_autoptr(CrStore) store = cr_test_open_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(CrContactImport) import = NULL;
  g_autoptr(GListModel) contacts = NULL;
  g_autoptr(CrContact) alice = NULL;
  g_autoptr(CrContact) bram = NULL;
  /* As a phone writes it: vCard 3.0, LF line ends, a group, upper-case
   * types, N without FN, a REV that is not a verification, a folded line
   * (space and tab). */
  const char *text =
    "BEGIN:VCARD\n"
    "VERSION:3.0\n"
    "N:Exemple;Alice;;;\n"
    "ORG:Zone de police Midi;Direction opérationnelle\n"
    "TITLE:Officier de garde\n"
    "TEL;TYPE=CELL:+32 470 12 34 56\n"
    "TEL;TYPE=WORK,VOICE:02 123 45 67\n"
    "TEL;TYPE=WORK,VOICE:02 123 45 68\n"
    "item1.EMAIL;type=INTERNET:alice@pzmidi.example\n"
    "NOTE:Prefers SMS\\, not calls\n"
    "  after 22 h\n"
    "REV:2024-01-01T00:00:00Z\n"
    "END:VCARD\n"
    "begin:vcard\r\n"
    "version:4.0\r\n"
    "fn:Bram Voorbeeld\r\n"
    "org:Net Brussel\r\n"
    "tel;value=uri;type=\"voice,x-24-7\":tel:+32-2-000-19-61\r\n"
    "lang:nl\r\n"
    "end:vcard\r\n";
  CrContactImportCounts counts = { 0 };

  import = cr_contact_import_new_vcard (text, strlen (text), &error);
  g_assert_no_error (error);
  g_assert_true (cr_contact_import_run (import, store, &counts, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (counts.n_added, ==, 2);

  contacts = cr_store_list (store, CR_TYPE_CONTACT, NULL, 0, NULL);
  alice = g_list_model_get_item (contacts, 0);
  bram = g_list_model_get_item (contacts, 1);
  g_assert_cmpstr (cr_contact_get_name (alice), ==, "Alice Exemple");
  g_assert_cmpstr (cr_contact_get_function (alice), ==, "Officier de garde");
  g_assert_cmpstr (cr_contact_get_phone_mobile (alice), ==, "+32 470 12 34 56");
  g_assert_cmpstr (cr_contact_get_phone_office (alice), ==, "02 123 45 67");
  /* A second work number goes where there is room. */
  g_assert_cmpstr (cr_contact_get_phone_24_7 (alice), ==, "02 123 45 68");
  g_assert_cmpstr (cr_contact_get_email (alice), ==, "alice@pzmidi.example");
  g_assert_cmpstr (cr_contact_get_notes (alice), ==, "Prefers SMS, not calls after 22 h");
  g_assert_null (cr_contact_get_verified_at (alice));
  {
    g_autoptr(CrPartner) midi = cr_store_find_partner (store, "Zone de police Midi", NULL);

    g_assert_nonnull (midi);
    g_assert_cmpint (cr_contact_get_partner_id (alice), ==, cr_record_get_id (CR_RECORD (midi)));
  }
  g_assert_cmpstr (cr_contact_get_phone_24_7 (bram), ==, "+32 2 000 19 61");
  g_assert_cmpstr (cr_contact_get_language (bram), ==, "nl");
}

/* As Outlook exports: vCard 2.1, accented text quoted-printable in
 * Windows-1252 or UTF-8, a soft line break. */
static void
test_outlook (void)
{
  g_autoptr(CrStore) store = cr_test_open_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(CrContactImport) import = NULL;
  g_autoptr(CrContactImport) unreadable = NULL;
  g_autoptr(GListModel) contacts = NULL;
  g_autoptr(CrContact) helene = NULL;
  g_autoptr(CrPartner) partner = NULL;
  const char *text =
    "BEGIN:VCARD\r\n"
    "VERSION:2.1\r\n"
    "N;CHARSET=Windows-1252;ENCODING=QUOTED-PRINTABLE:Exemple;H=E9l=E8ne\r\n"
    "FN;ENCODING=QUOTED-PRINTABLE:H=E9l=E8ne Exemple\r\n"
    "ORG;CHARSET=Windows-1252;ENCODING=QUOTED-PRINTABLE:Commune d'=C9chantillon;Pr=E9vention\r\n"
    "TEL;CELL;VOICE:+32 470 00 00 01\r\n"
    "NOTE;QUOTED-PRINTABLE;CHARSET=UTF-8:Joignable 24/7 =C3=A0 la permanence, =\r\n"
    "sauf le dimanche\r\n"
    "END:VCARD\r\n";
  const char *unknown =
    "BEGIN:VCARD\r\n"
    "VERSION:2.1\r\n"
    "FN;CHARSET=X-NO-SUCH-SET;ENCODING=QUOTED-PRINTABLE:H=E9l=E8ne\r\n"
    "END:VCARD\r\n";
  CrContactImportCounts counts = { 0 };

  import = cr_contact_import_new_vcard (text, strlen (text), &error);
  g_assert_no_error (error);
  g_assert_true (cr_contact_import_run (import, store, &counts, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (counts.n_added, ==, 1);
  contacts = cr_store_list (store, CR_TYPE_CONTACT, NULL, 0, NULL);
  helene = g_list_model_get_item (contacts, 0);
  g_assert_cmpstr (cr_contact_get_name (helene), ==, "Hélène Exemple");
  g_assert_cmpstr (cr_contact_get_phone_mobile (helene), ==, "+32 470 00 00 01");
  g_assert_cmpstr (cr_contact_get_notes (helene), ==, "Joignable 24/7 à la permanence, sauf le dimanche");
  partner = cr_store_find_partner (store, "Commune d'Échantillon", NULL);
  g_assert_nonnull (partner);

  unreadable = cr_contact_import_new_vcard (unknown, strlen (unknown), &error);
  g_assert_null (unreadable);
  g_assert_error (error, CR_VCARD_ERROR, CR_VCARD_ERROR_ENCODING);
  g_assert_nonnull (strstr (error->message, "Line 3"));
}

static void
test_errors (void)
{
  static const struct
  {
    const char *text;
    CrVcardError code;
    const char *detail;
  } cases[] = {
    { "Name;Organisation\nAlice;Midi\n", CR_VCARD_ERROR_NOT_VCARD, NULL },
    { "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Alice\r\n", CR_VCARD_ERROR_SYNTAX, "line 1" },
    { "BEGIN:VCARD\r\nVERSION:4.0\r\nFN Alice\r\nEND:VCARD\r\n", CR_VCARD_ERROR_SYNTAX, "Line 3" },
    { "BEGIN:VCARD\r\nFN:A\r\nBEGIN:VCARD\r\nFN:B\r\nEND:VCARD\r\n", CR_VCARD_ERROR_SYNTAX, "line 1" },
    { "END:VCARD\r\n", CR_VCARD_ERROR_SYNTAX, "Line 1" },
    { "BEGIN:VCARD\r\nTEL;TYPE=\"cell:+32 470\r\nEND:VCARD\r\n", CR_VCARD_ERROR_SYNTAX, "Line 2" },
    { "BEGIN:VCARD\r\nFN:caf\xE9\r\nEND:VCARD\r\n", CR_VCARD_ERROR_ENCODING, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) cards = cr_vcard_parse (cases[i].text, strlen (cases[i].text), &error);

      g_assert_null (cards);
      g_assert_error (error, CR_VCARD_ERROR, (int) cases[i].code);
      if (cases[i].detail != NULL && strstr (error->message, cases[i].detail) == NULL)
        g_error ("“%s” does not name %s", error->message, cases[i].detail);
    }

  /* A card without a name is a bad line, named by its BEGIN. */
  {
    g_autoptr(CrStore) store = cr_test_open_store ();
    g_autoptr(GError) error = NULL;
    const char *text = "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Alice\r\nORG:Midi\r\nEND:VCARD\r\n"
                       "BEGIN:VCARD\r\nVERSION:4.0\r\nORG:Midi\r\nEMAIL:x@midi.example\r\nEND:VCARD\r\n";
    g_autoptr(CrContactImport) import = cr_contact_import_new_vcard (text, strlen (text), &error);
    GArray *problems;

    g_assert_true (cr_contact_import_analyse (import, store, &error));
    problems = cr_contact_import_get_problems (import);
    g_assert_cmpuint (problems->len, ==, 1);
    g_assert_cmpuint (g_array_index (problems, CrImportProblem, 0).line, ==, 6);
    g_assert_false (cr_contact_import_run (import, store, NULL, &error));
    g_assert_error (error, CR_IMPORT_ERROR, CR_IMPORT_ERROR_BAD_ROWS);
    g_assert_cmpint (cr_store_count (store, CR_TYPE_CONTACT, NULL, 0, NULL), ==, 0);
  }
}

static void
test_cli (void)
{
  g_autofree char *db = cr_test_tmp_path ("demo.gpkg");
  g_autofree char *copy = cr_test_tmp_path ("copy.gpkg");
  g_autofree char *vcf = cr_test_tmp_path ("siamu.vcf");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *text = NULL;

  {
    const char *argv[] = { cr_test_app_binary (), "--demo", "--database", db, "--export-vcard", vcf,
                           "--partner", "SIAMU / DBDMH", NULL };

    g_assert_cmpint (cr_test_run (argv, &out, &err), ==, 0);
    g_assert_nonnull (strstr (out, "Exported 3 contacts"));
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
  }
  g_assert_true (g_file_get_contents (vcf, &text, NULL, NULL));
  g_assert_true (g_str_has_prefix (text, "BEGIN:VCARD\r\nVERSION:4.0\r\n"));
  g_assert_nonnull (strstr (text, "ORG:SIAMU / DBDMH\r\n"));
  g_assert_null (strstr (text, "Alice Exemple"));
  {
    /* The import tells vCard from CSV by the content. */
    const char *argv[] = { cr_test_app_binary (), "--database", copy, "--import-contacts-csv", vcf, NULL };

    g_assert_cmpint (cr_test_run (argv, &out, &err), ==, 0);
    g_assert_nonnull (strstr (out, "Imported 3 contacts"));
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/vcard/rfc6350", test_rfc6350);
  g_test_add_func ("/vcard/escaping", test_escaping);
  g_test_add_func ("/vcard/folding", test_folding);
  g_test_add_func ("/vcard/round-trip", test_round_trip);
  g_test_add_func ("/vcard/foreign", test_foreign);
  g_test_add_func ("/vcard/outlook", test_outlook);
  g_test_add_func ("/vcard/errors", test_errors);
  g_test_add_func ("/vcard/cli", test_cli);

  return g_test_run ();
}
