/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cr-geojson"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "cr-geojson-private.h"

/* The light scanner finds where JSON values start and end, so that a
 * large FeatureCollection can be cut into features without building a
 * tree of the whole file. It checks brackets and strings; what lies in
 * between is checked by whoever parses the value itself. */

enum
{
  CLASS_PLAIN = 0,
  CLASS_OPEN,
  CLASS_CLOSE,
  CLASS_QUOTE,
};

/* Built at compile time so the scanner needs no initialisation. */
static const guint8 structure_class[256] = {
  ['{'] = CLASS_OPEN,
  ['['] = CLASS_OPEN,
  ['}'] = CLASS_CLOSE,
  [']'] = CLASS_CLOSE,
  ['"'] = CLASS_QUOTE,
};

/* Inside a string: the end quote, an escape, or a control character
 * (which JSON forbids in strings; usually a quote is missing). */
static const guint8 string_class[256] = {
  [0x00] = 3, [0x01] = 3, [0x02] = 3, [0x03] = 3, [0x04] = 3, [0x05] = 3, [0x06] = 3, [0x07] = 3,
  [0x08] = 3, [0x09] = 3, [0x0a] = 3, [0x0b] = 3, [0x0c] = 3, [0x0d] = 3, [0x0e] = 3, [0x0f] = 3,
  [0x10] = 3, [0x11] = 3, [0x12] = 3, [0x13] = 3, [0x14] = 3, [0x15] = 3, [0x16] = 3, [0x17] = 3,
  [0x18] = 3, [0x19] = 3, [0x1a] = 3, [0x1b] = 3, [0x1c] = 3, [0x1d] = 3, [0x1e] = 3, [0x1f] = 3,
  ['"'] = 1,
  ['\\'] = 2,
};

void
_cr_geojson_problem_set (CrGeojsonProblem *problem,
                         int               code,
                         gssize            offset,
                         const char       *format,
                         ...)
{
  va_list args;

  /* The first problem found is the one reported. */
  if (problem == NULL || problem->code >= 0)
    return;
  problem->code = code;
  problem->offset = offset;
  va_start (args, format);
  problem->reason = g_strdup_vprintf (format, args);
  va_end (args);
}

void
_cr_geojson_problem_clear (CrGeojsonProblem *problem)
{
  problem->code = -1;
  problem->offset = -1;
  g_clear_pointer (&problem->reason, g_free);
}

gboolean
_cr_geojson_problem_is_set (const CrGeojsonProblem *problem)
{
  return problem->code >= 0;
}

static void
syntax_problem (CrGeojsonProblem *problem,
                const char       *base,
                const char       *at,
                const char       *end,
                const char       *expected)
{
  if (at >= end)
    _cr_geojson_problem_set (problem, CR_GEOJSON_ERROR_SYNTAX, at - base, "%s",
                             _("the text ends too early"));
  else if (expected != NULL)
    _cr_geojson_problem_set (problem, CR_GEOJSON_ERROR_SYNTAX, at - base, "%s", expected);
  else if ((guchar) *at >= 0x20 && (guchar) *at < 0x7f)
    _cr_geojson_problem_set (problem, CR_GEOJSON_ERROR_SYNTAX, at - base,
                             _("“%c” is not expected here"), *at);
  else
    _cr_geojson_problem_set (problem, CR_GEOJSON_ERROR_SYNTAX, at - base, "%s",
                             _("an unexpected character"));
}

const char *
_cr_json_skip_ws (const char *p,
                  const char *end)
{
  while (p < end && (*p == ' ' || *p == '\n' || *p == '\r' || *p == '\t'))
    p++;
  return p;
}

/* @p is on the opening quote; returns after the closing one. */
static const char *
skip_string (const char       *base,
             const char       *p,
             const char       *end,
             CrGeojsonProblem *problem)
{
  const char *start = p++;

  for (;;)
    {
      while (p < end && string_class[(guchar) *p] == 0)
        p++;
      if (p >= end || string_class[(guchar) *p] == 3)
        {
          _cr_geojson_problem_set (problem, CR_GEOJSON_ERROR_SYNTAX, start - base, "%s",
                                   _("a text in quotes is not closed"));
          return NULL;
        }
      if (*p == '"')
        return p + 1;
      /* An escape: whatever follows is part of the string. */
      p += 2;
    }
}

/* Numbers, true, false, null; checked for real by whoever reads them. */
static gboolean
is_scalar_char (char c)
{
  return g_ascii_isalnum (c) || c == '-' || c == '+' || c == '.';
}

/**
 * _cr_json_skip_value:
 * @base: the start of the input, for error offsets
 * @p: where the value starts (whitespace allowed)
 *
 * Returns: (nullable): the end of the value, or %NULL with @problem set
 */
const char *
_cr_json_skip_value (const char       *base,
                     const char       *p,
                     const char       *end,
                     CrGeojsonProblem *problem)
{
  char stack[CR_GEOJSON_MAX_DEPTH];
  guint depth = 0;

  p = _cr_json_skip_ws (p, end);
  if (p >= end)
    {
      syntax_problem (problem, base, p, end, NULL);
      return NULL;
    }
  if (*p == '"')
    return skip_string (base, p, end, problem);
  if (*p != '{' && *p != '[')
    {
      const char *start = p;

      while (p < end && is_scalar_char (*p))
        p++;
      if (p == start)
        {
          syntax_problem (problem, base, p, end, NULL);
          return NULL;
        }
      return p;
    }

  for (;;)
    {
      while (p < end && structure_class[(guchar) *p] == CLASS_PLAIN)
        p++;
      if (p >= end)
        {
          syntax_problem (problem, base, p, end, NULL);
          return NULL;
        }
      switch (structure_class[(guchar) *p])
        {
        case CLASS_OPEN:
          if (depth == G_N_ELEMENTS (stack))
            {
              _cr_geojson_problem_set (problem, CR_GEOJSON_ERROR_SYNTAX, p - base, "%s",
                                       _("values are nested too deeply"));
              return NULL;
            }
          stack[depth++] = *p == '{' ? '}' : ']';
          p++;
          break;

        case CLASS_CLOSE:
          if (stack[depth - 1] != *p)
            {
              _cr_geojson_problem_set (problem, CR_GEOJSON_ERROR_SYNTAX, p - base,
                                       _("“%c” was expected but “%c” was found"),
                                       stack[depth - 1], *p);
              return NULL;
            }
          p++;
          if (--depth == 0)
            return p;
          break;

        case CLASS_QUOTE:
        default:
          p = skip_string (base, p, end, problem);
          if (p == NULL)
            return NULL;
          break;
        }
    }
}

/**
 * _cr_json_string_span:
 * @p: (inout): on the opening quote; moved past the closing one
 * @start: (out): the raw content, escapes not decoded
 *
 * Returns: %FALSE with @problem set when there is no string at @p
 */
gboolean
_cr_json_string_span (const char       *base,
                      const char      **p,
                      const char       *end,
                      const char      **start,
                      gsize            *len,
                      gboolean         *escaped,
                      CrGeojsonProblem *problem)
{
  const char *q = *p;

  if (q >= end || *q != '"')
    {
      syntax_problem (problem, base, q, end, _("a text in quotes was expected"));
      return FALSE;
    }
  *start = ++q;
  *escaped = FALSE;
  for (;;)
    {
      while (q < end && string_class[(guchar) *q] == 0)
        q++;
      if (q >= end || string_class[(guchar) *q] == 3)
        {
          _cr_geojson_problem_set (problem, CR_GEOJSON_ERROR_SYNTAX, *start - 1 - base, "%s",
                                   _("a text in quotes is not closed"));
          return FALSE;
        }
      if (*q == '"')
        break;
      *escaped = TRUE;
      q += 2;
    }
  *len = q - *start;
  *p = q + 1;
  return TRUE;
}

/* Reads `"key" :` at @p (after a "{" or a ","); returns where the value
 * starts. */
const char *
_cr_json_member_key (const char       *base,
                     const char       *p,
                     const char       *end,
                     const char      **key,
                     gsize            *key_len,
                     gboolean         *escaped,
                     CrGeojsonProblem *problem)
{
  p = _cr_json_skip_ws (p, end);
  if (p >= end || *p != '"')
    {
      syntax_problem (problem, base, p, end, _("a member name in quotes was expected"));
      return NULL;
    }
  if (!_cr_json_string_span (base, &p, end, key, key_len, escaped, problem))
    return NULL;
  p = _cr_json_skip_ws (p, end);
  if (p >= end || *p != ':')
    {
      syntax_problem (problem, base, p, end, _("a “:” was expected after the member name"));
      return NULL;
    }
  return _cr_json_skip_ws (p + 1, end);
}

/* After a member's value: sets @more on "," and returns after it, or
 * clears it on "}" and returns after that. */
const char *
_cr_json_after_member (const char       *base,
                       const char       *p,
                       const char       *end,
                       gboolean         *more,
                       CrGeojsonProblem *problem)
{
  p = _cr_json_skip_ws (p, end);
  if (p < end && *p == ',')
    {
      *more = TRUE;
      return p + 1;
    }
  if (p < end && *p == '}')
    {
      *more = FALSE;
      return p + 1;
    }
  syntax_problem (problem, base, p, end, _("a “,” or “}” was expected"));
  return NULL;
}

static int
hex_value (char c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

static gboolean
read_hex4 (const char *p,
           const char *end,
           gunichar   *value)
{
  *value = 0;
  if (end - p < 4)
    return FALSE;
  for (int i = 0; i < 4; i++)
    {
      int h = hex_value (p[i]);

      if (h < 0)
        return FALSE;
      *value = (*value << 4) | (gunichar) h;
    }
  return TRUE;
}

/* The decoded text of a raw string span, or %NULL when an escape is
 * invalid. Lone surrogates become U+FFFD. */
char *
_cr_json_decode_string (const char *raw,
                        gsize       len)
{
  const char *p = raw, *end = raw + len;
  GString *out = g_string_sized_new (len);

  while (p < end)
    {
      gunichar u, low;

      if (*p != '\\')
        {
          g_string_append_c (out, *p++);
          continue;
        }
      if (++p >= end)
        goto invalid;
      switch (*p++)
        {
        case '"': g_string_append_c (out, '"'); break;
        case '\\': g_string_append_c (out, '\\'); break;
        case '/': g_string_append_c (out, '/'); break;
        case 'b': g_string_append_c (out, '\b'); break;
        case 'f': g_string_append_c (out, '\f'); break;
        case 'n': g_string_append_c (out, '\n'); break;
        case 'r': g_string_append_c (out, '\r'); break;
        case 't': g_string_append_c (out, '\t'); break;
        case 'u':
          if (!read_hex4 (p, end, &u))
            goto invalid;
          p += 4;
          if (u >= 0xd800 && u < 0xdc00)
            {
              if (end - p >= 6 && p[0] == '\\' && p[1] == 'u' && read_hex4 (p + 2, end, &low) &&
                  low >= 0xdc00 && low < 0xe000)
                {
                  u = 0x10000 + ((u - 0xd800) << 10) + (low - 0xdc00);
                  p += 6;
                }
              else
                u = 0xfffd;
            }
          else if (u >= 0xdc00 && u < 0xe000)
            u = 0xfffd;
          if (u == 0)
            u = 0xfffd; /* an embedded NUL would cut the text short */
          g_string_append_unichar (out, u);
          break;
        default:
          goto invalid;
        }
    }
  return g_string_free (out, FALSE);

invalid:
  g_string_free (out, TRUE);
  return NULL;
}

/**
 * _cr_geojson_printable:
 *
 * Text from the file made fit for a message: valid UTF-8, and short.
 *
 * Returns: (transfer full): the text
 */
char *
_cr_geojson_printable (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text != NULL ? text : "?", -1);

  if (g_utf8_strlen (valid, -1) <= 60)
    return g_steal_pointer (&valid);
  *g_utf8_offset_to_pointer (valid, 59) = '\0';
  return g_strconcat (valid, "…", NULL);
}

gboolean
_cr_json_key_equal (const char *key,
                    gsize       key_len,
                    gboolean    escaped,
                    const char *name)
{
  g_autofree char *decoded = NULL;

  if (!escaped)
    return strlen (name) == key_len && memcmp (key, name, key_len) == 0;
  decoded = _cr_json_decode_string (key, key_len);
  return decoded != NULL && g_str_equal (decoded, name);
}

static const double exact_powers_of_ten[] = {
  1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
  1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
};

/**
 * _cr_json_parse_number:
 *
 * Reads a JSON number. Coordinates dominate GeoJSON, and strtod() costs
 * several times more than the rest of the parsing: when the digits fit in
 * 53 bits and the power of ten is exact (|exponent| <= 22), one IEEE
 * multiplication or division gives the correctly rounded value (Clinger's
 * fast path). Anything else goes through g_ascii_strtod().
 *
 * Returns: (nullable): the end of the number, or %NULL when @p does not
 *   start a valid JSON number
 */
const char *
_cr_json_parse_number (const char *p,
                       const char *end,
                       double     *value)
{
  const char *start = p;
  gboolean negative = FALSE;
  gboolean inexact = FALSE;
  guint64 mantissa = 0;
  int digits = 0;
  int exponent = 0;

  if (p < end && *p == '-')
    {
      negative = TRUE;
      p++;
    }
  if (p >= end)
    return NULL;
  if (*p == '0')
    p++;
  else if (*p >= '1' && *p <= '9')
    {
      while (p < end && *p >= '0' && *p <= '9')
        {
          if (digits < 19)
            {
              mantissa = mantissa * 10 + (guint64) (*p - '0');
              digits++;
            }
          else
            {
              exponent++;
              inexact = TRUE;
            }
          p++;
        }
    }
  else
    return NULL;

  if (p < end && *p == '.')
    {
      p++;
      if (p >= end || *p < '0' || *p > '9')
        return NULL;
      while (p < end && *p >= '0' && *p <= '9')
        {
          if (digits < 19)
            {
              mantissa = mantissa * 10 + (guint64) (*p - '0');
              if (mantissa != 0)
                digits++;
              exponent--;
            }
          else
            inexact = TRUE;
          p++;
        }
    }

  if (p < end && (*p == 'e' || *p == 'E'))
    {
      gboolean exp_negative = FALSE;
      int e = 0;

      p++;
      if (p < end && (*p == '+' || *p == '-'))
        exp_negative = *p++ == '-';
      if (p >= end || *p < '0' || *p > '9')
        return NULL;
      while (p < end && *p >= '0' && *p <= '9')
        {
          if (e < 100000)
            e = e * 10 + (*p - '0');
          p++;
        }
      exponent += exp_negative ? -e : e;
    }

  if (!inexact && mantissa <= (G_GUINT64_CONSTANT (1) << 53) && exponent >= -22 && exponent <= 22)
    {
      double v = (double) mantissa;

      v = exponent < 0 ? v / exact_powers_of_ten[-exponent] : v * exact_powers_of_ten[exponent];
      *value = negative ? -v : v;
    }
  else
    {
      char buffer[64];
      g_autofree char *copy = NULL;
      gsize len = p - start;
      const char *text;

      if (len < sizeof buffer)
        {
          memcpy (buffer, start, len);
          buffer[len] = '\0';
          text = buffer;
        }
      else
        text = copy = g_strndup (start, len);
      *value = g_ascii_strtod (text, NULL);
    }
  return p;
}

/**
 * _cr_json_parse_span:
 *
 * Parses one JSON value with cJSON; a syntax error sets @problem with the
 * offset cJSON stopped at.
 *
 * Returns: (transfer full) (nullable): the value
 */
cJSON *
_cr_json_parse_span (const char       *base,
                     const char       *start,
                     const char       *end,
                     CrGeojsonProblem *problem)
{
  const char *stop = NULL;
  cJSON *json;

  json = cJSON_ParseWithLengthOpts (start, end - start, &stop, FALSE);
  if (json != NULL)
    {
      if (_cr_json_skip_ws (stop, end) == end)
        return json;
      cJSON_Delete (json);
    }
  if (stop == NULL || stop < start || stop > end)
    stop = start;
  syntax_problem (problem, base, stop, end, NULL);
  return NULL;
}

void
_cr_json_line_cursor_init (CrJsonLineCursor *cursor,
                           const char       *data)
{
  cursor->data = data;
  cursor->offset = 0;
  cursor->line = 1;
  cursor->line_start = 0;
  cursor->chars = 0;
}

static gsize
count_chars (const char *p,
             const char *stop)
{
  gsize chars = 0;

  for (; p < stop; p++)
    if (((guchar) *p & 0xc0) != 0x80)
      chars++;
  return chars;
}

/* Columns count characters, as editors show them. Minified GeoJSON is one
 * long line, so the column is counted on from the last call too. */
void
_cr_json_line_cursor_locate (CrJsonLineCursor *cursor,
                             gsize             offset,
                             guint            *line,
                             guint            *column)
{
  const char *p, *stop, *nl;

  if (offset < cursor->offset)
    _cr_json_line_cursor_init (cursor, cursor->data);
  p = cursor->data + cursor->offset;
  stop = cursor->data + offset;
  while (p < stop && (nl = memchr (p, '\n', stop - p)) != NULL)
    {
      cursor->line++;
      cursor->line_start = nl + 1 - cursor->data;
      cursor->chars = 0;
      p = nl + 1;
    }
  cursor->chars += count_chars (p, stop);
  cursor->offset = offset;
  *line = cursor->line;
  *column = cursor->chars + 1;
}
