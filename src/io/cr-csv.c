/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cr-csv"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cr-csv.h"

G_DEFINE_QUARK (cr-csv-error-quark, cr_csv_error)

#define BOM "\xEF\xBB\xBF"

static void
row_free (gpointer data)
{
  CrCsvRow *row = data;

  g_strfreev (row->fields);
  g_free (row);
}

CrCsvTable *
cr_csv_table_new (char delimiter)
{
  CrCsvTable *table = g_new0 (CrCsvTable, 1);

  table->delimiter = delimiter;
  table->rows = g_ptr_array_new_with_free_func (row_free);
  return table;
}

void
cr_csv_table_free (CrCsvTable *table)
{
  if (table == NULL)
    return;
  g_ptr_array_unref (table->rows);
  g_free (table);
}

/**
 * cr_csv_table_add_row:
 * @fields: (array length=n_fields): copied
 *
 * Returns: (transfer none): the new row
 */
CrCsvRow *
cr_csv_table_add_row (CrCsvTable        *table,
                      guint              line,
                      const char *const *fields,
                      guint              n_fields)
{
  CrCsvRow *row = g_new0 (CrCsvRow, 1);

  row->line = line;
  row->n_fields = n_fields;
  row->fields = g_new0 (char *, n_fields + 1);
  for (guint i = 0; i < n_fields; i++)
    row->fields[i] = g_strdup (fields[i] != NULL ? fields[i] : "");
  g_ptr_array_add (table->rows, row);
  return row;
}

static gsize
skip_bom (const char *data,
          gsize       len)
{
  return len >= 3 && memcmp (data, BOM, 3) == 0 ? 3 : 0;
}

/**
 * cr_csv_detect_delimiter:
 *
 * The separator of the first record: the most frequent of semicolon,
 * comma and tab outside quotes; a semicolon wins a tie, as Belgian
 * spreadsheets write them. A single column reads as comma separated.
 */
char
cr_csv_detect_delimiter (const char *data,
                         gsize       len)
{
  static const char candidates[] = { ';', ',', '\t' };
  guint counts[G_N_ELEMENTS (candidates)] = { 0 };
  gboolean quoted = FALSE;
  guint best = 0;

  for (gsize i = skip_bom (data, len); i < len; i++)
    {
      char c = data[i];

      if (c == '"')
        quoted = !quoted;
      else if (!quoted && (c == '\n' || c == '\r'))
        break;
      else if (!quoted)
        for (guint k = 0; k < G_N_ELEMENTS (candidates); k++)
          if (c == candidates[k])
            counts[k]++;
    }
  for (guint k = 1; k < G_N_ELEMENTS (candidates); k++)
    if (counts[k] > counts[best])
      best = k;
  return counts[best] > 0 ? candidates[best] : ',';
}

static guint
line_of (const char *data,
         gsize       offset)
{
  guint line = 1;

  for (gsize i = 0; i < offset; i++)
    if (data[i] == '\n' || (data[i] == '\r' && data[i + 1] != '\n'))
      line++;
  return line;
}

static gboolean
check_encoding (const char *data,
                gsize       len,
                GError    **error)
{
  const char *end = NULL;

  if (len >= 2 && (((guchar) data[0] == 0xFF && (guchar) data[1] == 0xFE) ||
                   ((guchar) data[0] == 0xFE && (guchar) data[1] == 0xFF)))
    {
      g_set_error_literal (error, CR_CSV_ERROR, CR_CSV_ERROR_ENCODING,
                           _("The file is in UTF-16. Save it from the spreadsheet as "
                             "“CSV UTF-8” and import it again."));
      return FALSE;
    }
  if (!g_utf8_validate_len (data, len, &end))
    {
      g_set_error (error, CR_CSV_ERROR, CR_CSV_ERROR_ENCODING,
                   _("Line %u is not UTF-8 text (it may be Windows-1252). Save the file from "
                     "the spreadsheet as “CSV UTF-8” and import it again."),
                   line_of (data, (gsize) (end - data)));
      return FALSE;
    }
  return TRUE;
}

/**
 * cr_csv_parse:
 * @delimiter: the separator, or 0 to detect it
 *
 * Returns: (transfer full): the records, or %NULL with a #CR_CSV_ERROR
 *   that names the line
 */
CrCsvTable *
cr_csv_parse (const char *data,
              gsize       len,
              char        delimiter,
              GError    **error)
{
  g_autoptr(CrCsvTable) table = NULL;
  g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) field = g_string_new (NULL);
  gsize start, i;
  guint line = 1, record_line = 1, quote_line = 0;
  gboolean quoted = FALSE, was_quoted = FALSE;

  g_return_val_if_fail (data != NULL || len == 0, NULL);

  if (!check_encoding (data, len, error))
    return NULL;
  start = skip_bom (data, len);
  if (delimiter == 0)
    delimiter = cr_csv_detect_delimiter (data, len);
  table = cr_csv_table_new (delimiter);
  table->had_bom = start > 0;

  for (i = start; i <= len; i++)
    {
      char c = i < len ? data[i] : '\0';
      gboolean at_end = i == len;

      if (quoted)
        {
          if (at_end)
            {
              g_set_error (error, CR_CSV_ERROR, CR_CSV_ERROR_UNTERMINATED_QUOTE,
                           _("The quoted field that starts on line %u never ends: "
                             "add the closing quote (\") and import again."), quote_line);
              return NULL;
            }
          if (c == '"')
            {
              if (i + 1 < len && data[i + 1] == '"')
                {
                  g_string_append_c (field, '"');
                  i++;
                }
              else
                quoted = FALSE;
            }
          /* Line breaks inside a field become "\n", whatever the file
           * used. */
          else if (c == '\r' && i + 1 < len && data[i + 1] == '\n')
            continue;
          else if (c == '\r' || c == '\n')
            {
              line++;
              g_string_append_c (field, '\n');
            }
          else
            g_string_append_c (field, c);
          continue;
        }

      if (c == '"' && field->len == 0 && !was_quoted)
        {
          quoted = was_quoted = TRUE;
          quote_line = line;
        }
      else if (c == delimiter)
        {
          g_ptr_array_add (fields, g_strdup (field->str));
          g_string_truncate (field, 0);
          was_quoted = FALSE;
        }
      else if (at_end || c == '\n' || c == '\r')
        {
          gboolean blank = fields->len == 0 && field->len == 0 && !was_quoted;

          if (!blank)
            {
              g_ptr_array_add (fields, g_strdup (field->str));
              cr_csv_table_add_row (table, record_line, (const char *const *) fields->pdata,
                                    fields->len);
            }
          g_ptr_array_set_size (fields, 0);
          g_string_truncate (field, 0);
          was_quoted = FALSE;
          if (c == '\r' && i + 1 < len && data[i + 1] == '\n')
            i++;
          line++;
          record_line = line;
        }
      else
        /* Text after a closing quote, or a quote inside an unquoted
         * field: kept as written, as spreadsheets do. */
        g_string_append_c (field, c);
    }

  if (table->rows->len == 0)
    {
      g_set_error_literal (error, CR_CSV_ERROR, CR_CSV_ERROR_EMPTY,
                           _("The file is empty: export the contacts with a header line "
                             "and at least one contact."));
      return NULL;
    }
  return g_steal_pointer (&table);
}

/* Spreadsheets run a cell that starts with "=", "@", "+" or "-" as a
 * formula ("CSV injection"; "+1+HYPERLINK(…)" as much as "=…"), and
 * some skip a leading tab or carriage return first: such fields get a
 * leading apostrophe, which cr_csv_unguard() takes off again. Phone
 * numbers ("+32 2 …", "+32 (0)2 …") and negative numbers stay as they
 * are: after the sign, nothing but digits, spaces, parentheses and a
 * decimal point ("+32-2-501…" would be computed: guarded). */
static gboolean
needs_guard (const char *field)
{
  char c = field[0];

  if (c == '=' || c == '@' || c == '\t' || c == '\r')
    return TRUE;
  if (c == '+' || c == '-')
    return field[1] != '\0' && field[strspn (field + 1, "0123456789 ().") + 1] != '\0';
  return FALSE;
}

/* A field as written before cr_csv_append_row() guarded it. */
char *
cr_csv_unguard (const char *field)
{
  if (field != NULL && field[0] == '\'' && needs_guard (field + 1))
    return g_strdup (field + 1);
  return g_strdup (field);
}

/**
 * cr_csv_append_row:
 * @fields: (array length=n_fields): %NULL fields are written empty
 *
 * Appends one record with CRLF, quoting the fields that need it.
 */
void
cr_csv_append_row (GString           *out,
                   const char *const *fields,
                   guint              n_fields,
                   char               delimiter)
{
  for (guint i = 0; i < n_fields; i++)
    {
      const char *f = fields[i] != NULL ? fields[i] : "";
      gboolean guard = needs_guard (f);
      gboolean quote = guard || strchr (f, delimiter) != NULL || strchr (f, '"') != NULL ||
                       strchr (f, '\n') != NULL || strchr (f, '\r') != NULL ||
                       g_ascii_isspace (f[0]) || (f[0] != '\0' && g_ascii_isspace (f[strlen (f) - 1]));

      if (i > 0)
        g_string_append_c (out, delimiter);
      if (!quote)
        {
          g_string_append (out, f);
          continue;
        }
      g_string_append_c (out, '"');
      if (guard)
        g_string_append_c (out, '\'');
      for (const char *p = f; *p != '\0'; p++)
        {
          if (*p == '"')
            g_string_append_c (out, '"');
          g_string_append_c (out, *p);
        }
      g_string_append_c (out, '"');
    }
  g_string_append (out, "\r\n");
}
