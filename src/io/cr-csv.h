/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* CSV as spreadsheets write it (RFC 4180 and its dialects): UTF-8 with
 * or without a byte-order mark, comma, semicolon (Belgian and French
 * exports) or tab separated, fields in double quotes that may hold the
 * separator, quotes ("") and line breaks; CRLF, LF or CR line ends. */

#define CR_CSV_ERROR (cr_csv_error_quark ())
GQuark cr_csv_error_quark (void);

typedef enum
{
  CR_CSV_ERROR_EMPTY,
  CR_CSV_ERROR_ENCODING,           /* not UTF-8 */
  CR_CSV_ERROR_UNTERMINATED_QUOTE,
} CrCsvError;

/**
 * CrCsvRow:
 * @line: the 1-based line of the file where the record starts
 * @n_fields: the number of fields
 * @fields: (array length=n_fields): the fields, unquoted
 */
typedef struct
{
  guint line;
  guint n_fields;
  char **fields;
} CrCsvRow;

/**
 * CrCsvTable:
 * @delimiter: the separator found (or given)
 * @had_bom: the file started with a UTF-8 byte-order mark
 * @rows: (element-type CrCsvRow): the records, header included, blank
 *   lines left out
 */
typedef struct
{
  char delimiter;
  gboolean had_bom;
  GPtrArray *rows;
} CrCsvTable;

char        cr_csv_detect_delimiter (const char        *data,
                                     gsize              len);
CrCsvTable *cr_csv_parse            (const char        *data,
                                     gsize              len,
                                     char               delimiter,
                                     GError           **error);
CrCsvTable *cr_csv_table_new        (char               delimiter);
CrCsvRow   *cr_csv_table_add_row    (CrCsvTable        *table,
                                     guint              line,
                                     const char *const *fields,
                                     guint              n_fields);
void        cr_csv_table_free       (CrCsvTable        *table);
void        cr_csv_append_row       (GString           *out,
                                     const char *const *fields,
                                     guint              n_fields,
                                     char               delimiter);
char       *cr_csv_unguard          (const char        *field);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrCsvTable, cr_csv_table_free)

G_END_DECLS
