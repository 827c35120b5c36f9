/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-phone"

#include "config.h"

#include <glib/gi18n.h>

#include "cr-email.h"
#include "cr-phone.h"
#include "cr-search.h"

/* Phone numbers as Belgians type them, their E.164 form, and the reasons
 * invalid ones are refused; e-mail addresses; the search folding that
 * lets "0470" find "+32 470 …". */

static const struct
{
  const char *typed;
  const char *e164;
} valid_numbers[] = {
  /* Brussels, one-digit area code, every usual separator. */
  { "02 123 45 67", "+3221234567" },
  { "02/123.45.67", "+3221234567" },
  { "02-123-45-67", "+3221234567" },
  { "021234567", "+3221234567" },
  { "  02 123 45 67  ", "+3221234567" },
  { "+32 2 123 45 67", "+3221234567" },
  { "+32 (0)2 123 45 67", "+3221234567" },
  { "+32(0)2/123.45.67", "+3221234567" },
  { "0032 2 123 45 67", "+3221234567" },
  { "0032 (0)2 123 45 67", "+3221234567" },
  /* The trunk 0 written after the country code. */
  { "+32 02 123 45 67", "+3221234567" },
  /* Non-breaking and narrow non-breaking spaces, a typographic dash. */
  { "02\xC2\xA0" "123\xC2\xA0" "45\xC2\xA0" "67", "+3221234567" },
  { "02\xE2\x80\xAF" "123 45\xE2\x80\x93" "67", "+3221234567" },
  /* Mobiles: 04[5-9]x, nine digits after the 0. */
  { "0470 12 34 56", "+32470123456" },
  { "0470/12.34.56", "+32470123456" },
  { "+32 470 12 34 56", "+32470123456" },
  { "+32470123456", "+32470123456" },
  { "0032470123456", "+32470123456" },
  { "0456 78 90 12", "+32456789012" },
  { "0499.99.99.99", "+32499999999" },
  /* Two-digit area codes: Charleroi, Leuven, Gent. */
  { "071 12 34 56", "+3271123456" },
  { "016/12.34.56", "+3216123456" },
  { "09 123 45 67", "+3291234567" },
  /* Liège (04 + 7 digits) is a fixed line, not a mobile. */
  { "04 123 45 67", "+3241234567" },
  /* The demo's numbers: structurally valid, never dialled. */
  { "+32 4 072 00 53", "+3240720053" },
  { "+32 2 000 00 37", "+3220000037" },
  /* Freephone and premium. */
  { "0800 12 345", "+3280012345" },
  { "070 23 32 33", "+3270233233" },
  /* Foreign numbers keep their country code. */
  { "+33 1 23 45 67 89", "+33123456789" },
  { "0033 1 23 45 67 89", "+33123456789" },
  { "+31 20 123 4567", "+31201234567" },
  { "+49 30 1234567", "+49301234567" },
  { "+352 621 123 456", "+352621123456" },
};

static void
test_valid (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (valid_numbers); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *e164 = cr_phone_to_e164 (valid_numbers[i].typed, &error);

      g_assert_no_error (error);
      g_assert_cmpstr (e164, ==, valid_numbers[i].e164);
      g_assert_true (cr_phone_is_valid (valid_numbers[i].typed));
    }
}

static const struct
{
  const char *typed;
  CrPhoneError code;
} invalid_numbers[] = {
  { "", CR_PHONE_ERROR_EMPTY },
  { "   ", CR_PHONE_ERROR_EMPTY },
  { "02 123 45 6x", CR_PHONE_ERROR_CHARACTERS },
  { "phone: 02 123 45 67", CR_PHONE_ERROR_CHARACTERS },
  { "02 123 45 67 ext. 12", CR_PHONE_ERROR_CHARACTERS },
  { "02 123 45 67 #2", CR_PHONE_ERROR_CHARACTERS },
  { "+32 2 123+45", CR_PHONE_ERROR_CHARACTERS },
  { "2 123 45 67", CR_PHONE_ERROR_NO_PREFIX },
  { "470 12 34 56", CR_PHONE_ERROR_NO_PREFIX },
  { "112", CR_PHONE_ERROR_NO_PREFIX },
  { "+", CR_PHONE_ERROR_NO_PREFIX },
  { "+0 123 45 67", CR_PHONE_ERROR_NO_PREFIX },
  { "00", CR_PHONE_ERROR_NO_PREFIX },
  /* The demo's two flawed numbers. */
  { "+32 4 070 04", CR_PHONE_ERROR_TOO_SHORT },
  { "+32 2 000 21 83 56", CR_PHONE_ERROR_TOO_LONG },
  { "0470 12 34 5", CR_PHONE_ERROR_TOO_SHORT },
  { "0470 12 34 567", CR_PHONE_ERROR_TOO_LONG },
  { "02 123 45 6", CR_PHONE_ERROR_TOO_SHORT },
  { "02 123 45 678", CR_PHONE_ERROR_TOO_LONG },
  { "071 12 34 5", CR_PHONE_ERROR_TOO_SHORT },
  { "0", CR_PHONE_ERROR_TOO_SHORT },
  { "+33 12 34", CR_PHONE_ERROR_TOO_SHORT },
  { "+33 1234 5678 9012 3456", CR_PHONE_ERROR_TOO_LONG },
};

static void
test_invalid (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (invalid_numbers); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *e164 = cr_phone_to_e164 (invalid_numbers[i].typed, &error);

      if (e164 != NULL)
        g_error ("“%s” was accepted as %s", invalid_numbers[i].typed, e164);
      g_assert_error (error, CR_PHONE_ERROR, (int) invalid_numbers[i].code);
      g_assert_false (cr_phone_is_valid (invalid_numbers[i].typed));
    }
  g_assert_false (cr_phone_is_valid (NULL));
}

static void
test_reasons (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *e164 = NULL;

  /* The message quotes the number and says what to do. */
  e164 = cr_phone_to_e164 ("+32 4 070 04", &error);
  g_assert_null (e164);
  g_assert_nonnull (strstr (error->message, "+32 4 070 04"));
  g_assert_nonnull (strstr (error->message, "missing digits"));
  g_clear_error (&error);

  e164 = cr_phone_to_e164 ("0470 12 34 56 (GSM)", &error);
  g_assert_null (e164);
  g_assert_nonnull (strstr (error->message, "“G”"));
  g_clear_error (&error);

  e164 = cr_phone_to_e164 ("470 12 34 56", &error);
  g_assert_null (e164);
  g_assert_nonnull (strstr (error->message, "start with 0 or +"));
}

static void
test_format (void)
{
  static const struct
  {
    const char *typed;
    const char *international;
    const char *national;
  } cases[] = {
    { "0470/12.34.56", "+32 470 12 34 56", "0470 12 34 56" },
    { "02/123.45.67", "+32 2 123 45 67", "02 123 45 67" },
    { "+32 (0)71 123456", "+32 71 12 34 56", "071 12 34 56" },
    { "0800 12345", "+32 800 12 345", "0800 12 345" },
    { "+33 1 23 45 67 89", "+33123456789", "+33123456789" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *international = cr_phone_format (cases[i].typed);
      g_autofree char *national = cr_phone_format_national (cases[i].typed);

      g_assert_cmpstr (international, ==, cases[i].international);
      g_assert_cmpstr (national, ==, cases[i].national);
    }
  g_assert_null (cr_phone_format ("+32 4 070 04"));
}

static void
test_uri_and_equal (void)
{
  g_autofree char *uri = cr_phone_to_uri ("0470 12 34 56");
  g_autofree char *none = cr_phone_to_uri ("12");
  g_autofree char *mail = cr_email_to_uri ("chloe.fictif@polbru.example");
  g_autofree char *bad_mail = cr_email_to_uri ("victor pseudonyme@stib-mivb.example");

  g_assert_cmpstr (uri, ==, "tel:+32470123456");
  g_assert_null (none);
  g_assert_cmpstr (mail, ==, "mailto:chloe.fictif@polbru.example");
  g_assert_null (bad_mail);

  g_assert_true (cr_phone_equal ("+32 470 12 34 56", "0470/12.34.56"));
  g_assert_true (cr_phone_equal ("0032 2 123 45 67", "+32 (0)2 123 45 67"));
  g_assert_false (cr_phone_equal ("0470 12 34 56", "0470 12 34 57"));
  g_assert_false (cr_phone_equal ("+32 4 070 04", "+32 4 070 04"));

  g_assert_true (cr_phone_is_mobile ("0470 12 34 56"));
  g_assert_false (cr_phone_is_mobile ("04 123 45 67"));
  g_assert_false (cr_phone_is_mobile ("+33 6 12 34 56 78"));
}

static void
test_fields (void)
{
  g_autoptr(CrContact) contact = cr_contact_new ();

  cr_phone_field_set (contact, CR_PHONE_FIELD_MOBILE, "0470 12 34 56");
  cr_phone_field_set (contact, CR_PHONE_FIELD_OFFICE, "02 123 45 67");
  cr_phone_field_set (contact, CR_PHONE_FIELD_24_7, "02 000 00 00");
  g_assert_cmpstr (cr_contact_get_phone_mobile (contact), ==, "0470 12 34 56");
  g_assert_cmpstr (cr_contact_get_phone_office (contact), ==, "02 123 45 67");
  g_assert_cmpstr (cr_contact_get_phone_24_7 (contact), ==, "02 000 00 00");
  g_assert_cmpstr (cr_phone_field_get (contact, CR_PHONE_FIELD_24_7), ==, "02 000 00 00");
  g_assert_cmpstr (cr_phone_field_column (CR_PHONE_FIELD_24_7), ==, "phone_24_7");
  g_assert_cmpstr (cr_phone_field_label (CR_PHONE_FIELD_MOBILE), ==, "Mobile");
}

static void
test_email (void)
{
  static const char *const valid[] = {
    "alice.exemple@polbru.example",
    "dispatch-desk@siamu-dbdmh.example",
    "a+b@x.be",
    "crise@bruxelles.brussels",
    "élodie@commune.be",
    "x@sub.domain.example.org",
  };
  static const struct
  {
    const char *email;
    CrEmailError code;
  } invalid[] = {
    { "", CR_EMAIL_ERROR_EMPTY },
    { "victor pseudonyme@stib-mivb.example", CR_EMAIL_ERROR_SPACE },
    { "alice@polbru.example ", CR_EMAIL_ERROR_SPACE },
    { "joris.veronderstel.jette.example", CR_EMAIL_ERROR_NO_AT },
    { "a@b@c.be", CR_EMAIL_ERROR_MANY_AT },
    { "@polbru.example", CR_EMAIL_ERROR_LOCAL_PART },
    { ".alice@polbru.example", CR_EMAIL_ERROR_LOCAL_PART },
    { "alice..exemple@polbru.example", CR_EMAIL_ERROR_LOCAL_PART },
    { "alice,exemple@polbru.example", CR_EMAIL_ERROR_LOCAL_PART },
    { "alice@", CR_EMAIL_ERROR_DOMAIN },
    { "alice@localhost", CR_EMAIL_ERROR_DOMAIN },
    { "alice@polbru..example", CR_EMAIL_ERROR_DOMAIN },
    { "alice@-polbru.example", CR_EMAIL_ERROR_DOMAIN },
    { "alice@polbru.b", CR_EMAIL_ERROR_DOMAIN },
    { "alice@polbru.123", CR_EMAIL_ERROR_DOMAIN },
  };

  for (guint i = 0; i < G_N_ELEMENTS (valid); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_true (cr_email_check (valid[i], &error));
      g_assert_no_error (error);
    }
  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    {
      g_autoptr(GError) error = NULL;

      if (cr_email_check (invalid[i].email, &error))
        g_error ("“%s” was accepted", invalid[i].email);
      g_assert_error (error, CR_EMAIL_ERROR, (int) invalid[i].code);
    }

  {
    g_autofree char *key = cr_email_normalize ("  Alice.Exemple@PolBru.Example ");

    g_assert_cmpstr (key, ==, "alice.exemple@polbru.example");
    g_assert_null (cr_email_normalize ("   "));
  }
}

static void
test_search_fold (void)
{
  static const struct
  {
    const char *text;
    const char *folded;
  } cases[] = {
    { "Saint-Gilles", "saint gilles" },
    { "BRUXELLES", "bruxelles" },
    { "Chloé Fictif", "chloe fictif" },
    { "Gaëlle Modèle", "gaelle modele" },
    { "Amélie Ébauche", "amelie ebauche" },
    /* Decomposed input (macOS) folds the same. */
    { "Chloe\xCC\x81", "chloe" },
    { "Zone de police Bruxelles-Capitale/Ixelles – Politiezone (5339)",
      "zone de police bruxelles capitale ixelles politiezone 5339" },
    { "  alice.exemple@polbru.example ", "alice exemple polbru example" },
    { "", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *folded = cr_search_fold (cases[i].text);

      g_assert_cmpstr (folded, ==, cases[i].folded);
    }
}

static void
test_search_tokens (void)
{
  static const struct
  {
    const char *query;
    const char *tokens; /* joined with "|" */
  } cases[] = {
    { "saint gilles", "saint|gilles" },
    { "Saint-Gilles", "saint|gilles" },
    { "  ÉBAU  ", "ebau" },
    { "0470", "0470" },
    { "0470 12 34", "04701234" },
    { "+32 470", "32470" },
    { "0032 470", "32470" },
    { "+32 (0)470", "32470" },
    { "+32 0470", "32470" },
    { "02/123.45", "0212345" },
    { "dispatch 5339", "dispatch|5339" },
    { "", "" },
    { "  -  ", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(GStrv) tokens = cr_search_query_tokens (cases[i].query);
      g_autofree char *joined = g_strjoinv ("|", tokens);

      g_assert_cmpstr (joined, ==, cases[i].tokens);
    }
  g_assert_true (cr_search_is_phone_query ("+32 (0)2 123"));
  g_assert_false (cr_search_is_phone_query ("5339 police"));
  g_assert_false (cr_search_is_phone_query (" - "));
}

static void
test_search_matches (void)
{
  g_autofree char *text = cr_search_fold ("Commune de Saint-Gilles");
  const char *const both[] = { "saint", "gil", NULL };
  const char *const infix[] = { "illes", NULL };
  const char *const none[] = { NULL };

  g_assert_true (cr_search_matches (text, both));
  g_assert_false (cr_search_matches (text, infix));
  g_assert_true (cr_search_matches (text, none));
  g_assert_true (cr_search_starts_with (text, "comm"));
  g_assert_false (cr_search_starts_with (text, "saint"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/phone/valid", test_valid);
  g_test_add_func ("/phone/invalid", test_invalid);
  g_test_add_func ("/phone/reasons", test_reasons);
  g_test_add_func ("/phone/format", test_format);
  g_test_add_func ("/phone/uri-and-equal", test_uri_and_equal);
  g_test_add_func ("/phone/fields", test_fields);
  g_test_add_func ("/phone/email", test_email);
  g_test_add_func ("/phone/search-fold", test_search_fold);
  g_test_add_func ("/phone/search-tokens", test_search_tokens);
  g_test_add_func ("/phone/search-matches", test_search_matches);

  return g_test_run ();
}
