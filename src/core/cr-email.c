/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cr-email"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cr-email.h"

#define MAX_LOCAL_PART 64
#define MAX_ADDRESS 254

G_DEFINE_QUARK (cr-email-error-quark, cr_email_error)

static gboolean
local_part_ok (const char *local,
               gsize       len)
{
  if (len == 0 || len > MAX_LOCAL_PART || local[0] == '.' || local[len - 1] == '.')
    return FALSE;
  for (gsize i = 0; i < len; i++)
    {
      guchar c = (guchar) local[i];

      if (c == '.' && local[i + 1] == '.')
        return FALSE;
      /* RFC 5322 atext, plus any UTF-8 (RFC 6531). */
      if (!(g_ascii_isalnum (c) || c >= 0x80 || strchr (".!#$%&'*+/=?^_`{|}~-", c) != NULL))
        return FALSE;
    }
  return TRUE;
}

static gboolean
domain_ok (const char *domain)
{
  g_auto(GStrv) labels = NULL;
  guint n;

  if (*domain == '\0' || strlen (domain) > 253)
    return FALSE;
  labels = g_strsplit (domain, ".", -1);
  n = g_strv_length (labels);
  if (n < 2)
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      const char *label = labels[i];
      gsize len = strlen (label);

      if (len == 0 || len > 63 || label[0] == '-' || label[len - 1] == '-')
        return FALSE;
      for (const char *p = label; *p != '\0'; p++)
        if (!(g_ascii_isalnum (*p) || *p == '-' || (guchar) *p >= 0x80))
          return FALSE;
    }
  /* The top-level domain is letters (or an IDN in UTF-8), never digits. */
  for (const char *p = labels[n - 1]; *p != '\0'; p++)
    if (g_ascii_isdigit (*p))
      return FALSE;
  return strlen (labels[n - 1]) >= 2;
}

/**
 * cr_email_check:
 * @email: an address, without a display name
 *
 * Returns: %TRUE when @email can be an address; else %FALSE with a
 *   #CR_EMAIL_ERROR that says what to correct
 */
gboolean
cr_email_check (const char *email,
                GError    **error)
{
  const char *at;

  if (email == NULL || *email == '\0')
    {
      g_set_error_literal (error, CR_EMAIL_ERROR, CR_EMAIL_ERROR_EMPTY,
                           _("The e-mail address is empty: type it, or leave the field out."));
      return FALSE;
    }
  if (!g_utf8_validate (email, -1, NULL))
    {
      g_set_error_literal (error, CR_EMAIL_ERROR, CR_EMAIL_ERROR_LOCAL_PART,
                           _("The e-mail address is not readable text: type it again."));
      return FALSE;
    }
  for (const char *p = email; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_isspace (g_utf8_get_char (p)))
      {
        g_set_error (error, CR_EMAIL_ERROR, CR_EMAIL_ERROR_SPACE,
                     _("“%s” contains a space: remove it (an address is written as "
                       "name@organisation.be)."), email);
        return FALSE;
      }
  at = strchr (email, '@');
  if (at == NULL)
    {
      g_set_error (error, CR_EMAIL_ERROR, CR_EMAIL_ERROR_NO_AT,
                   _("“%s” has no “@”: write the address as name@organisation.be."), email);
      return FALSE;
    }
  if (strchr (at + 1, '@') != NULL)
    {
      g_set_error (error, CR_EMAIL_ERROR, CR_EMAIL_ERROR_MANY_AT,
                   _("“%s” has more than one “@”: keep a single address in the field."), email);
      return FALSE;
    }
  if (strlen (email) > MAX_ADDRESS || !local_part_ok (email, (gsize) (at - email)))
    {
      g_set_error (error, CR_EMAIL_ERROR, CR_EMAIL_ERROR_LOCAL_PART,
                   _("The part of “%s” before the “@” is not a valid mailbox name: "
                     "check for commas, brackets or double dots."), email);
      return FALSE;
    }
  if (!domain_ok (at + 1))
    {
      g_set_error (error, CR_EMAIL_ERROR, CR_EMAIL_ERROR_DOMAIN,
                   _("The part of “%s” after the “@” is not a domain name like "
                     "organisation.be: check its spelling."), email);
      return FALSE;
    }
  return TRUE;
}

gboolean
cr_email_is_valid (const char *email)
{
  return cr_email_check (email, NULL);
}

/**
 * cr_email_normalize:
 *
 * The form two spellings of one address share, to find duplicates:
 * trimmed and in lower case. (Mail servers may tell case apart before the
 * "@"; no directory relies on it.)
 *
 * Returns: (transfer full) (nullable): the key, or %NULL when @email is
 *   empty
 */
char *
cr_email_normalize (const char *email)
{
  g_autofree char *trimmed = NULL;

  if (email == NULL)
    return NULL;
  trimmed = g_strstrip (g_strdup (email));
  if (*trimmed == '\0' || !g_utf8_validate (trimmed, -1, NULL))
    return NULL;
  return g_utf8_strdown (trimmed, -1);
}

/**
 * cr_email_to_uri:
 *
 * Returns: (transfer full) (nullable): the "mailto:" URI for the system's
 *   mail program, or %NULL when @email is not valid
 */
char *
cr_email_to_uri (const char *email)
{
  g_autofree char *escaped = NULL;

  if (!cr_email_is_valid (email))
    return NULL;
  escaped = g_uri_escape_string (email, "@!$&'*+=._~-", FALSE);
  return g_strconcat ("mailto:", escaped, NULL);
}
