/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cr-vcard"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cr-vcard.h"

/* RFC 6350 §3.2: lines SHOULD NOT be longer than 75 octets, excluding
 * the line break; a longer line continues on lines that start with one
 * space, and a multi-octet character is never split. */
#define FOLD_OCTETS 75

G_DEFINE_QUARK (cr-vcard-error-quark, cr_vcard_error)

/**
 * cr_vcard_append_line:
 * @line: a whole content line ("FN:Alice Exemple"), without line break
 *
 * Appends @line folded at 75 octets, each physical line ended by CRLF.
 */
void
cr_vcard_append_line (GString    *out,
                      const char *line)
{
  gsize len = strlen (line);
  gsize pos = 0;
  gboolean first = TRUE;

  do
    {
      gsize room = first ? FOLD_OCTETS : FOLD_OCTETS - 1;
      gsize take = MIN (room, len - pos);

      /* Back off to the start of a UTF-8 character. */
      while (pos + take < len && take > 0 && ((guchar) line[pos + take] & 0xC0) == 0x80)
        take--;
      if (!first)
        g_string_append_c (out, ' ');
      g_string_append_len (out, line + pos, (gssize) take);
      g_string_append (out, "\r\n");
      pos += take;
      first = FALSE;
    }
  while (pos < len);
}

/**
 * cr_vcard_escape:
 *
 * Returns: (transfer full): @text as a vCard text value: backslash,
 *   comma and semicolon escaped, line breaks written "\n" (§3.4)
 */
char *
cr_vcard_escape (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text != NULL ? text : ""; *p != '\0'; p++)
    {
      switch (*p)
        {
        case '\\':
          g_string_append (out, "\\\\");
          break;
        case ',':
          g_string_append (out, "\\,");
          break;
        case ';':
          g_string_append (out, "\\;");
          break;
        case '\r':
          if (p[1] != '\n')
            g_string_append (out, "\\n");
          break;
        case '\n':
          g_string_append (out, "\\n");
          break;
        default:
          g_string_append_c (out, *p);
        }
    }
  return g_string_free (out, FALSE);
}

/**
 * cr_vcard_unescape:
 *
 * Returns: (transfer full): a text value as the text it stands for
 */
char *
cr_vcard_unescape (const char *value)
{
  GString *out = g_string_new (NULL);

  for (const char *p = value != NULL ? value : ""; *p != '\0'; p++)
    {
      if (*p != '\\' || p[1] == '\0')
        {
          g_string_append_c (out, *p);
          continue;
        }
      p++;
      if (*p == 'n' || *p == 'N')
        g_string_append_c (out, '\n');
      else
        g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

/**
 * cr_vcard_split:
 *
 * Splits a structured (";") or list (",") value at the separators that
 * are not escaped, and unescapes the parts.
 *
 * Returns: (transfer full): the parts
 */
char **
cr_vcard_split (const char *value,
                char        separator)
{
  GPtrArray *parts = g_ptr_array_new ();
  GString *part = g_string_new (NULL);

  for (const char *p = value != NULL ? value : ""; ; p++)
    {
      if (*p == '\0' || *p == separator)
        {
          g_ptr_array_add (parts, cr_vcard_unescape (part->str));
          g_string_truncate (part, 0);
          if (*p == '\0')
            break;
          continue;
        }
      g_string_append_c (part, *p);
      if (*p == '\\' && p[1] != '\0')
        g_string_append_c (part, *++p);
    }
  g_string_free (part, TRUE);
  g_ptr_array_add (parts, NULL);
  return (char **) g_ptr_array_free (parts, FALSE);
}

static void
property_free (gpointer data)
{
  CrVcardProperty *property = data;

  g_free (property->name);
  g_strfreev (property->params);
  g_free (property->value);
  g_free (property);
}

static void
card_free (gpointer data)
{
  CrVcard *card = data;

  g_ptr_array_unref (card->properties);
  g_free (card);
}

/* Unquotes a parameter value: quotes may hold ":" and ";". */
static char *
param_value (const char *text,
             gsize       len)
{
  GString *out = g_string_new (NULL);

  for (gsize i = 0; i < len; i++)
    if (text[i] != '"')
      g_string_append_c (out, text[i]);
  return g_string_free (out, FALSE);
}

/* Parses one unfolded content line: [group.]NAME *(;PARAM) : VALUE. */
static CrVcardProperty *
parse_line (const char *text,
            guint       line,
            GError    **error)
{
  g_autoptr(GPtrArray) params = g_ptr_array_new_with_free_func (g_free);
  const char *p = text;
  const char *name_end;
  g_autofree char *name = NULL;
  CrVcardProperty *property;
  gboolean quoted = FALSE;
  const char *param_start = NULL;

  name_end = p + strcspn (p, ";:");
  if (*name_end == '\0')
    {
      g_set_error (error, CR_VCARD_ERROR, CR_VCARD_ERROR_SYNTAX,
                   _("Line %u has no “:” between the property and its value: "
                     "check that the file was not cut or edited by hand."), line);
      return NULL;
    }
  name = g_strndup (p, (gsize) (name_end - p));
  if (strrchr (name, '.') != NULL)
    {
      char *bare = g_strdup (strrchr (name, '.') + 1);

      g_free (name);
      name = bare;
    }
  p = name_end;

  /* Parameters, up to the first ":" outside quotes. */
  for (; *p != '\0'; p++)
    {
      if (*p == '"')
        quoted = !quoted;
      else if (!quoted && (*p == ';' || *p == ':'))
        {
          if (param_start != NULL && p > param_start)
            {
              const char *eq = memchr (param_start, '=', (gsize) (p - param_start));
              g_autofree char *pname = NULL;
              g_autofree char *pvalue = NULL;

              if (eq != NULL)
                {
                  pname = g_ascii_strup (param_start, eq - param_start);
                  pvalue = param_value (eq + 1, (gsize) (p - eq - 1));
                }
              else
                {
                  /* vCard 2.1 writes bare types: "TEL;CELL:…". */
                  pname = g_strdup ("TYPE");
                  pvalue = param_value (param_start, (gsize) (p - param_start));
                }
              g_ptr_array_add (params, g_strconcat (pname, "=", pvalue, NULL));
            }
          if (*p == ':')
            break;
          param_start = p + 1;
        }
    }
  if (*p != ':')
    {
      g_set_error (error, CR_VCARD_ERROR, CR_VCARD_ERROR_SYNTAX,
                   _("Line %u has a parameter whose quotes never close: "
                     "check that the file was not cut or edited by hand."), line);
      return NULL;
    }

  g_ptr_array_add (params, NULL);
  property = g_new0 (CrVcardProperty, 1);
  property->line = line;
  property->name = g_ascii_strup (name, -1);
  property->params = (char **) g_ptr_array_steal (params, NULL);
  property->value = g_strdup (p + 1);
  return property;
}

/* vCard 2.1 (Outlook's): "ENCODING=QUOTED-PRINTABLE", or the bare
 * "QUOTED-PRINTABLE", before the value's ":". */
static gboolean
is_quoted_printable (const char *line)
{
  const char *colon = strchr (line, ':');
  g_autofree char *head = g_ascii_strup (line, colon != NULL ? colon - line : -1);

  return strstr (head, "QUOTED-PRINTABLE") != NULL;
}

/* Quoted-printable bytes ("Dupr=E9") in @charset (UTF-8 when they are
 * valid UTF-8 and none is named, else Windows-1252, which Outlook
 * writes) as UTF-8. */
static gboolean
decode_quoted_printable (CrVcardProperty  *property,
                         GError          **error)
{
  g_autofree char *charset = cr_vcard_property_get_param (property, "CHARSET");
  g_autoptr(GString) bytes = g_string_new (NULL);
  g_autoptr(GError) local_error = NULL;
  char *text;

  for (const char *p = property->value; *p != '\0'; p++)
    {
      if (p[0] == '=' && g_ascii_isxdigit (p[1]) && g_ascii_isxdigit (p[2]))
        {
          g_string_append_c (bytes, (char) (g_ascii_xdigit_value (p[1]) << 4 | g_ascii_xdigit_value (p[2])));
          p += 2;
        }
      else
        g_string_append_c (bytes, *p);
    }
  if (charset == NULL && g_utf8_validate_len (bytes->str, bytes->len, NULL))
    charset = g_strdup ("UTF-8");
  text = g_convert (bytes->str, (gssize) bytes->len, "UTF-8", charset != NULL ? charset : "WINDOWS-1252", NULL,
                    NULL, &local_error);
  if (text == NULL)
    {
      g_set_error (error, CR_VCARD_ERROR, CR_VCARD_ERROR_ENCODING,
                   _("Line %u is in the character set “%s”, which cannot be read: export the contacts "
                     "again as vCard 4.0 (or 3.0), which is UTF-8."),
                   property->line, charset != NULL ? charset : "WINDOWS-1252");
      return FALSE;
    }
  g_free (property->value);
  property->value = text;
  return TRUE;
}

/**
 * cr_vcard_parse:
 *
 * Returns: (transfer full) (element-type CrVcard): the cards of the
 *   file, or %NULL with a #CR_VCARD_ERROR that names the line
 */
GPtrArray *
cr_vcard_parse (const char *data,
                gsize       len,
                GError    **error)
{
  g_autoptr(GPtrArray) cards = g_ptr_array_new_with_free_func (card_free);
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) numbers = g_array_new (FALSE, FALSE, sizeof (guint));
  CrVcard *card = NULL;
  const char *end = NULL;
  gsize pos = 0;
  guint line = 0;

  if (len >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    pos = 3;
  if (!g_utf8_validate_len (data + pos, len - pos, &end))
    {
      g_set_error_literal (error, CR_VCARD_ERROR, CR_VCARD_ERROR_ENCODING,
                           _("The file is not UTF-8 text: export the contacts again as "
                             "vCard 4.0 (or 3.0), which is UTF-8."));
      return NULL;
    }

  /* Physical lines, unfolded into logical ones. */
  while (pos < len)
    {
      gsize eol = pos;
      g_autofree char *text = NULL;

      while (eol < len && data[eol] != '\r' && data[eol] != '\n')
        eol++;
      line++;
      text = g_strndup (data + pos, eol - pos);
      /* A quoted-printable value goes on after a line that ends with
       * "=" (a soft line break), indented or not. */
      if (lines->len > 0 && g_str_has_suffix (g_ptr_array_index (lines, lines->len - 1), "=") &&
          is_quoted_printable (g_ptr_array_index (lines, lines->len - 1)))
        {
          char *previous = g_ptr_array_index (lines, lines->len - 1);

          previous[strlen (previous) - 1] = '\0';
          lines->pdata[lines->len - 1] = g_strconcat (previous, text, NULL);
          g_free (previous);
        }
      else if ((text[0] == ' ' || text[0] == '\t') && lines->len > 0)
        {
          char *previous = g_ptr_array_index (lines, lines->len - 1);

          lines->pdata[lines->len - 1] = g_strconcat (previous, text + 1, NULL);
          g_free (previous);
        }
      else if (*text != '\0')
        {
          g_ptr_array_add (lines, g_steal_pointer (&text));
          g_array_append_val (numbers, line);
        }
      /* CRLF as the RFC wants, or LF, or CR. */
      pos = eol;
      if (pos < len && data[pos] == '\r')
        {
          pos++;
          if (pos < len && data[pos] == '\n')
            pos++;
        }
      else if (pos < len && data[pos] == '\n')
        pos++;
    }

  for (guint i = 0; i < lines->len; i++)
    {
      const char *text = g_ptr_array_index (lines, i);
      guint number = g_array_index (numbers, guint, i);

      if (g_ascii_strcasecmp (text, "BEGIN:VCARD") == 0)
        {
          if (card != NULL)
            {
              g_set_error (error, CR_VCARD_ERROR, CR_VCARD_ERROR_SYNTAX,
                           _("The vCard that starts on line %u has no END:VCARD before the "
                             "next one: check that the file was not cut."), card->line);
              return NULL;
            }
          card = g_new0 (CrVcard, 1);
          card->line = number;
          card->properties = g_ptr_array_new_with_free_func (property_free);
          g_ptr_array_add (cards, card);
        }
      else if (g_ascii_strcasecmp (text, "END:VCARD") == 0)
        {
          if (card == NULL)
            {
              g_set_error (error, CR_VCARD_ERROR, CR_VCARD_ERROR_SYNTAX,
                           _("Line %u ends a vCard that never began: "
                             "check that the file was not cut."), number);
              return NULL;
            }
          card = NULL;
        }
      else if (card != NULL)
        {
          CrVcardProperty *property = parse_line (text, number, error);

          if (property == NULL)
            return NULL;
          if (is_quoted_printable (text) && !decode_quoted_printable (property, error))
            {
              property_free (property);
              return NULL;
            }
          if (g_str_equal (property->name, "VERSION"))
            property_free (property);
          else
            g_ptr_array_add (card->properties, property);
        }
    }

  if (card != NULL)
    {
      g_set_error (error, CR_VCARD_ERROR, CR_VCARD_ERROR_SYNTAX,
                   _("The vCard that starts on line %u has no END:VCARD: "
                     "check that the file was not cut."), card->line);
      return NULL;
    }
  if (cards->len == 0)
    {
      g_set_error_literal (error, CR_VCARD_ERROR, CR_VCARD_ERROR_NOT_VCARD,
                           _("The file holds no vCard (no BEGIN:VCARD line): choose a .vcf "
                             "file exported from a contact list."));
      return NULL;
    }
  return g_steal_pointer (&cards);
}

/**
 * cr_vcard_get:
 *
 * Returns: (transfer none) (nullable): the card's first property @name
 */
const CrVcardProperty *
cr_vcard_get (const CrVcard *card,
              const char    *name)
{
  for (guint i = 0; i < card->properties->len; i++)
    {
      const CrVcardProperty *property = g_ptr_array_index (card->properties, i);

      if (g_ascii_strcasecmp (property->name, name) == 0)
        return property;
    }
  return NULL;
}

/**
 * cr_vcard_property_get_param:
 *
 * Returns: (transfer full) (nullable): the values of the parameters
 *   @name, joined with commas
 */
char *
cr_vcard_property_get_param (const CrVcardProperty *property,
                             const char            *name)
{
  GString *out = NULL;
  gsize len = strlen (name);

  for (guint i = 0; property->params[i] != NULL; i++)
    {
      const char *param = property->params[i];

      if (g_ascii_strncasecmp (param, name, len) == 0 && param[len] == '=')
        {
          if (out == NULL)
            out = g_string_new (param + len + 1);
          else
            g_string_append_printf (out, ",%s", param + len + 1);
        }
    }
  return out != NULL ? g_string_free (out, FALSE) : NULL;
}

/* TRUE when a TYPE of @property is @type, without regard to case. */
gboolean
cr_vcard_property_has_type (const CrVcardProperty *property,
                            const char            *type)
{
  g_autofree char *types = cr_vcard_property_get_param (property, "TYPE");
  g_auto(GStrv) list = NULL;

  if (types == NULL)
    return FALSE;
  list = g_strsplit (types, ",", -1);
  for (guint i = 0; list[i] != NULL; i++)
    if (g_ascii_strcasecmp (g_strstrip (list[i]), type) == 0)
      return TRUE;
  return FALSE;
}
