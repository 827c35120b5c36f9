/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cr-phone"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cr-phone.h"

/* The Belgian numbering plan, as far as a directory needs it: after the
 * trunk 0, mobile numbers (045x–049x) have 9 digits, every other number
 * (fixed lines with a one- or two-digit area code, 0800, 070, 090x) has
 * 8. Numbers with another country code are checked against E.164's
 * length only: the app does not know every country's plan. */

#define MIN_FOREIGN_DIGITS 7
#define MAX_E164_DIGITS 15

G_DEFINE_QUARK (cr-phone-error-quark, cr_phone_error)

G_DEFINE_ENUM_TYPE (CrPhoneField, cr_phone_field,
                    G_DEFINE_ENUM_VALUE (CR_PHONE_FIELD_MOBILE, "mobile"),
                    G_DEFINE_ENUM_VALUE (CR_PHONE_FIELD_OFFICE, "office"),
                    G_DEFINE_ENUM_VALUE (CR_PHONE_FIELD_24_7, "24-7"))

static gboolean
is_separator (gunichar c)
{
  /* Spaces of every width (a copied number often has U+00A0 or U+202F),
   * dots, slashes, hyphens and typographic dashes. */
  return g_unichar_isspace (c) || c == '.' || c == '/' || c == '-' || c == '(' || c == ')' ||
         (c >= 0x2010 && c <= 0x2015) || c == 0x2212;
}

/* The digits of @typed, with "+" or "00" turned into the international
 * prefix, written to @intl without the "+"; or the leading "0" kept when
 * the number is national. */
static gboolean
read_digits (const char *typed,
             GString    *digits,
             gboolean   *plus,
             GError    **error)
{
  const char *p = typed;

  *plus = FALSE;
  while (*p != '\0')
    {
      gunichar c = g_utf8_get_char (p);

      if (c >= '0' && c <= '9')
        g_string_append_c (digits, (char) c);
      else if (c == '+' && digits->len == 0 && !*plus)
        *plus = TRUE;
      /* "+32 (0)2 …": the trunk 0 in brackets is not dialled after the
       * country code. */
      else if (c == '(' && g_str_has_prefix (p, "(0)") && digits->len > 0 &&
               (*plus || g_str_has_prefix (digits->str, "00")))
        p += 2;
      else if (!is_separator (c))
        {
          char bad[8] = { 0 };

          g_unichar_to_utf8 (c, bad);
          g_set_error (error, CR_PHONE_ERROR, CR_PHONE_ERROR_CHARACTERS,
                       /* Translators: the first %s is a phone number, the second one character of it. */
                       _("“%s” contains “%s”: keep only the digits, spaces and a leading +."),
                       typed, bad);
          return FALSE;
        }
      p = g_utf8_next_char (p);
    }
  return TRUE;
}

static gboolean
is_belgian_mobile (const char *nsn)
{
  return nsn[0] == '4' && nsn[1] >= '5' && nsn[1] <= '9';
}

/**
 * cr_phone_to_e164:
 * @typed: a number as typed
 *
 * Returns: (transfer full) (nullable): "+" and the digits, or %NULL with
 *   a #CR_PHONE_ERROR that says what is wrong and how to write it
 */
char *
cr_phone_to_e164 (const char *typed,
                  GError    **error)
{
  g_autoptr(GString) digits = g_string_new (NULL);
  g_autofree char *trimmed = NULL;
  const char *intl;
  gboolean plus;

  trimmed = g_strstrip (g_strdup (typed != NULL ? typed : ""));
  if (*trimmed == '\0')
    {
      g_set_error_literal (error, CR_PHONE_ERROR, CR_PHONE_ERROR_EMPTY,
                           _("The phone number is empty: type it, or leave the field out."));
      return NULL;
    }
  if (!g_utf8_validate (trimmed, -1, NULL))
    {
      g_set_error_literal (error, CR_PHONE_ERROR, CR_PHONE_ERROR_CHARACTERS,
                           _("The phone number is not readable text: type it again."));
      return NULL;
    }
  if (!read_digits (trimmed, digits, &plus, error))
    return NULL;

  if (plus)
    intl = digits->str;
  else if (g_str_has_prefix (digits->str, "00"))
    intl = digits->str + 2;
  else if (digits->str[0] == '0')
    {
      g_string_overwrite (digits, 0, "2");
      g_string_prepend_c (digits, '3');
      intl = digits->str;
    }
  else
    {
      g_set_error (error, CR_PHONE_ERROR, CR_PHONE_ERROR_NO_PREFIX,
                   _("“%s” does not start with 0 or +: write Belgian numbers with their 0 "
                     "(02 123 45 67, 0470 12 34 56) and foreign ones with + and the country code."),
                   trimmed);
      return NULL;
    }

  if (*intl == '\0' || *intl == '0')
    {
      g_set_error (error, CR_PHONE_ERROR, CR_PHONE_ERROR_NO_PREFIX,
                   _("“%s” has no country code after + or 00: write it as +32 2 123 45 67."),
                   trimmed);
      return NULL;
    }

  if (g_str_has_prefix (intl, "32"))
    {
      const char *nsn = intl + 2;
      gsize expected;

      /* "+32 0470 …": the trunk 0 written after the country code. */
      if (*nsn == '0')
        nsn++;
      expected = is_belgian_mobile (nsn) ? 9 : 8;
      if (strlen (nsn) < expected)
        {
          if (is_belgian_mobile (nsn))
            g_set_error (error, CR_PHONE_ERROR, CR_PHONE_ERROR_TOO_SHORT,
                         _("“%s” is too short for a Belgian mobile number (0470 12 34 56): "
                           "check for missing digits."), trimmed);
          else
            g_set_error (error, CR_PHONE_ERROR, CR_PHONE_ERROR_TOO_SHORT,
                         _("“%s” is too short for a Belgian number (02 123 45 67, "
                           "071 12 34 56, 0470 12 34 56): check for missing digits."), trimmed);
          return NULL;
        }
      if (strlen (nsn) > expected)
        {
          if (is_belgian_mobile (nsn))
            g_set_error (error, CR_PHONE_ERROR, CR_PHONE_ERROR_TOO_LONG,
                         _("“%s” is too long for a Belgian mobile number (0470 12 34 56): "
                           "check for extra digits."), trimmed);
          else
            g_set_error (error, CR_PHONE_ERROR, CR_PHONE_ERROR_TOO_LONG,
                         _("“%s” is too long for a Belgian number (02 123 45 67, "
                           "071 12 34 56): check for extra digits, or add the extension "
                           "in the notes."), trimmed);
          return NULL;
        }
      return g_strconcat ("+32", nsn, NULL);
    }

  if (strlen (intl) < MIN_FOREIGN_DIGITS)
    {
      g_set_error (error, CR_PHONE_ERROR, CR_PHONE_ERROR_TOO_SHORT,
                   _("“%s” is too short for an international number: check the country code "
                     "and the digits."), trimmed);
      return NULL;
    }
  if (strlen (intl) > MAX_E164_DIGITS)
    {
      g_set_error (error, CR_PHONE_ERROR, CR_PHONE_ERROR_TOO_LONG,
                   _("“%s” is too long: an international number has at most 15 digits. "
                     "Check for extra digits, or add the extension in the notes."), trimmed);
      return NULL;
    }
  return g_strconcat ("+", intl, NULL);
}

gboolean
cr_phone_is_valid (const char *typed)
{
  g_autofree char *e164 = cr_phone_to_e164 (typed, NULL);

  return e164 != NULL;
}

/* TRUE for a valid Belgian mobile number (045x–049x): the one an SMS
 * reaches. */
gboolean
cr_phone_is_mobile (const char *typed)
{
  g_autofree char *e164 = cr_phone_to_e164 (typed, NULL);

  return e164 != NULL && g_str_has_prefix (e164, "+32") && is_belgian_mobile (e164 + 3);
}

/* Groups a Belgian national significant number the way Belgians write
 * it: "470 12 34 56", "2 123 45 67", "71 12 34 56", "800 12 345". */
static void
append_belgian_groups (GString    *out,
                       const char *nsn)
{
  gsize head;

  if (is_belgian_mobile (nsn))
    head = 3;
  else if (nsn[0] == '8' && nsn[1] == '0' && nsn[2] == '0')
    {
      g_string_append_printf (out, "%.3s %.2s %s", nsn, nsn + 3, nsn + 5);
      return;
    }
  else if (nsn[0] == '9' && nsn[1] == '0')
    {
      g_string_append_printf (out, "%.3s %.2s %s", nsn, nsn + 3, nsn + 5);
      return;
    }
  else if (strchr ("2349", nsn[0]) != NULL)
    head = 1;
  else
    head = 2;

  g_string_append_len (out, nsn, (gssize) head);
  nsn += head;
  /* The rest in pairs, the first group taking three digits when the
   * rest is odd: "2 123 45 67". */
  if (strlen (nsn) % 2 == 1)
    {
      g_string_append_printf (out, " %.3s", nsn);
      nsn += 3;
    }
  for (; *nsn != '\0'; nsn += 2)
    g_string_append_printf (out, " %.2s", nsn);
}

/**
 * cr_phone_format:
 *
 * Returns: (transfer full) (nullable): the number in international form
 *   with the usual groups ("+32 470 12 34 56"), or %NULL when @typed is
 *   not a valid number
 */
char *
cr_phone_format (const char *typed)
{
  g_autofree char *e164 = cr_phone_to_e164 (typed, NULL);
  GString *out;

  if (e164 == NULL)
    return NULL;
  if (!g_str_has_prefix (e164, "+32"))
    return g_steal_pointer (&e164);
  out = g_string_new ("+32 ");
  append_belgian_groups (out, e164 + 3);
  return g_string_free (out, FALSE);
}

/**
 * cr_phone_format_national:
 *
 * Returns: (transfer full) (nullable): a Belgian number as dialled in
 *   Belgium ("0470 12 34 56"), a foreign one in international form, or
 *   %NULL when @typed is not a valid number
 */
char *
cr_phone_format_national (const char *typed)
{
  g_autofree char *e164 = cr_phone_to_e164 (typed, NULL);
  GString *out;

  if (e164 == NULL)
    return NULL;
  if (!g_str_has_prefix (e164, "+32"))
    return g_steal_pointer (&e164);
  out = g_string_new ("0");
  append_belgian_groups (out, e164 + 3);
  return g_string_free (out, FALSE);
}

/**
 * cr_phone_to_uri:
 *
 * Returns: (transfer full) (nullable): the RFC 3966 "tel:" URI of the
 *   number, for the system's dialler, or %NULL when it is not valid
 */
char *
cr_phone_to_uri (const char *typed)
{
  g_autofree char *e164 = cr_phone_to_e164 (typed, NULL);

  return e164 != NULL ? g_strconcat ("tel:", e164, NULL) : NULL;
}

/* TRUE when both are valid and the same number, however typed. */
gboolean
cr_phone_equal (const char *a,
                const char *b)
{
  g_autofree char *ea = cr_phone_to_e164 (a, NULL);
  g_autofree char *eb = cr_phone_to_e164 (b, NULL);

  return ea != NULL && eb != NULL && g_str_equal (ea, eb);
}

const char *
cr_phone_field_label (CrPhoneField field)
{
  switch (field)
    {
    case CR_PHONE_FIELD_MOBILE:
      return _("Mobile");
    case CR_PHONE_FIELD_OFFICE:
      return _("Office phone");
    case CR_PHONE_FIELD_24_7:
      return _("24/7 phone");
    default:
      g_return_val_if_reached ("");
    }
}

/* The contacts column of the field. */
const char *
cr_phone_field_column (CrPhoneField field)
{
  static const char *const columns[] = { "phone_mobile", "phone_office", "phone_24_7" };

  g_return_val_if_fail ((guint) field < G_N_ELEMENTS (columns), NULL);

  return columns[field];
}

const char *
cr_phone_field_get (CrContact    *contact,
                    CrPhoneField  field)
{
  g_return_val_if_fail (CR_IS_CONTACT (contact), NULL);

  switch (field)
    {
    case CR_PHONE_FIELD_MOBILE:
      return cr_contact_get_phone_mobile (contact);
    case CR_PHONE_FIELD_OFFICE:
      return cr_contact_get_phone_office (contact);
    case CR_PHONE_FIELD_24_7:
      return cr_contact_get_phone_24_7 (contact);
    default:
      g_return_val_if_reached (NULL);
    }
}

void
cr_phone_field_set (CrContact    *contact,
                    CrPhoneField  field,
                    const char   *typed)
{
  g_return_if_fail (CR_IS_CONTACT (contact));

  switch (field)
    {
    case CR_PHONE_FIELD_MOBILE:
      cr_contact_set_phone_mobile (contact, typed);
      break;
    case CR_PHONE_FIELD_OFFICE:
      cr_contact_set_phone_office (contact, typed);
      break;
    case CR_PHONE_FIELD_24_7:
      cr_contact_set_phone_24_7 (contact, typed);
      break;
    default:
      g_return_if_reached ();
    }
}
