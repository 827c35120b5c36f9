/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cr-search"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cr-search.h"

/* The store's full-text index (SQLite FTS5, unicode61 tokenizer with
 * remove_diacritics 2) folds the indexed text itself; these functions
 * fold the same way (canonical decomposition, marks dropped, lower case,
 * anything but letters and digits a word break) so that a query and the
 * ranking done here agree with what the index matched. Compatibility
 * forms (ligatures) are left as they are, as the index leaves them. */

/**
 * cr_search_fold:
 *
 * Returns: (transfer full): @text in lower case without accents, its
 *   words separated by single spaces ("Saint-Gilles" gives "saint gilles")
 */
char *
cr_search_fold (const char *text)
{
  g_autofree char *decomposed = NULL;
  g_autofree char *lower = NULL;
  GString *out;
  gboolean pending_space = FALSE;

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return g_strdup ("");

  decomposed = g_utf8_normalize (text, -1, G_NORMALIZE_DEFAULT);
  lower = g_utf8_strdown (decomposed, -1);
  out = g_string_sized_new (strlen (lower));
  for (const char *p = lower; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      GUnicodeType type = g_unichar_type (c);

      if (type == G_UNICODE_NON_SPACING_MARK || type == G_UNICODE_SPACING_MARK ||
          type == G_UNICODE_ENCLOSING_MARK)
        continue;
      if (!g_unichar_isalnum (c))
        {
          pending_space = out->len > 0;
          continue;
        }
      if (pending_space)
        g_string_append_c (out, ' ');
      pending_space = FALSE;
      g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

/**
 * cr_search_is_phone_query:
 *
 * Returns: %TRUE when @query is digits with a phone number's punctuation
 *   ("+32 470", "02/123.45", "0470 12 34"), and nothing else
 */
gboolean
cr_search_is_phone_query (const char *query)
{
  gboolean any_digit = FALSE;

  if (query == NULL)
    return FALSE;
  for (const char *p = query; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        any_digit = TRUE;
      else if (strchr ("+ ./-()\t", *p) == NULL)
        return FALSE;
    }
  return any_digit;
}

/* The digits a phone query must start: what the index holds for every
 * number is its E.164 digits (32470123456), its national form
 * (0470123456) and the digits after the country code (470123456). */
static char *
phone_query_digits (const char *query)
{
  GString *digits = g_string_new (NULL);
  gboolean plus = FALSE;

  for (const char *p = query; *p != '\0'; p++)
    {
      if (*p == '+' && digits->len == 0)
        plus = TRUE;
      else if (*p == '(' && g_str_has_prefix (p, "(0)") && digits->len > 0)
        p += 2;
      else if (g_ascii_isdigit (*p))
        g_string_append_c (digits, *p);
    }
  if (!plus && g_str_has_prefix (digits->str, "00"))
    {
      g_string_erase (digits, 0, 2);
      plus = TRUE;
    }
  /* "+32 0470": the trunk 0 is not part of the international form. */
  if (plus && g_str_has_prefix (digits->str, "320"))
    g_string_erase (digits, 2, 1);
  return g_string_free (digits, FALSE);
}

/**
 * cr_search_query_tokens:
 *
 * Returns: (transfer full): the folded words of @query, each to match
 *   the start of a word; a phone-like query gives one run of digits; an
 *   empty query no words
 */
char **
cr_search_query_tokens (const char *query)
{
  g_autofree char *folded = NULL;
  GPtrArray *tokens = g_ptr_array_new ();

  if (query != NULL && cr_search_is_phone_query (query))
    {
      char *digits = phone_query_digits (query);

      if (*digits != '\0')
        g_ptr_array_add (tokens, digits);
      else
        g_free (digits);
    }
  else
    {
      g_auto(GStrv) words = NULL;

      folded = cr_search_fold (query);
      words = g_strsplit (folded, " ", -1);
      for (guint i = 0; words[i] != NULL; i++)
        if (*words[i] != '\0')
          g_ptr_array_add (tokens, g_strdup (words[i]));
    }
  g_ptr_array_add (tokens, NULL);
  return (char **) g_ptr_array_free (tokens, FALSE);
}

/* TRUE when @token starts a word of @folded_text. */
static gboolean
word_prefix (const char *folded_text,
             const char *token)
{
  gsize len = strlen (token);

  for (const char *p = folded_text; p != NULL && *p != '\0';)
    {
      if (strncmp (p, token, len) == 0)
        return TRUE;
      p = strchr (p, ' ');
      if (p != NULL)
        p++;
    }
  return FALSE;
}

/**
 * cr_search_matches:
 * @folded_text: text folded with cr_search_fold()
 * @tokens: words from cr_search_query_tokens()
 *
 * Returns: %TRUE when every token starts a word of @folded_text (and
 *   when there is no token)
 */
gboolean
cr_search_matches (const char        *folded_text,
                   const char *const *tokens)
{
  g_return_val_if_fail (folded_text != NULL, FALSE);
  g_return_val_if_fail (tokens != NULL, FALSE);

  for (guint i = 0; tokens[i] != NULL; i++)
    if (!word_prefix (folded_text, tokens[i]))
      return FALSE;
  return TRUE;
}

/* TRUE when @folded_text begins with @token: the best kind of match. */
gboolean
cr_search_starts_with (const char *folded_text,
                       const char *token)
{
  g_return_val_if_fail (folded_text != NULL, FALSE);
  g_return_val_if_fail (token != NULL, FALSE);

  return g_str_has_prefix (folded_text, token);
}
