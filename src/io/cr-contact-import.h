/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "cr-csv.h"
#include "cr-store.h"

G_BEGIN_DECLS

/* Importing contacts from CSV (with a column mapping the user checks in a
 * preview) or vCard, in steps the window shows one by one:
 *
 * 1. cr_contact_import_new_csv() reads the file, finds the separator and
 *    proposes a mapping from the header; the preview shows the header,
 *    the first rows and the mapping, which cr_contact_import_set_mapping()
 *    changes;
 * 2. cr_contact_import_analyse() checks every row against the store: bad
 *    rows (by line number, nothing is imported while there are any),
 *    warnings (invalid numbers or addresses, imported as typed and listed
 *    by "Needs review"), duplicates of existing contacts (same e-mail or
 *    same number) with a proposed action the caller may change;
 * 3. cr_contact_import_run() imports everything in one transaction.
 *
 * vCard files go the same way, with a fixed mapping. */

#define CR_IMPORT_ERROR (cr_import_error_quark ())
GQuark cr_import_error_quark (void);

typedef enum
{
  CR_IMPORT_ERROR_MAPPING,  /* no column for the name or the organisation */
  CR_IMPORT_ERROR_BAD_ROWS, /* rows that cannot be imported */
  CR_IMPORT_ERROR_NOTHING,  /* no contact in the file */
} CrImportError;

typedef enum
{
  CR_CONTACT_COLUMN_IGNORE,
  CR_CONTACT_COLUMN_PARTNER,
  CR_CONTACT_COLUMN_PARTNER_TYPE,
  CR_CONTACT_COLUMN_NAME,
  CR_CONTACT_COLUMN_GIVEN_NAME,
  CR_CONTACT_COLUMN_FAMILY_NAME,
  CR_CONTACT_COLUMN_FUNCTION,
  CR_CONTACT_COLUMN_PHONE_MOBILE,
  CR_CONTACT_COLUMN_PHONE_OFFICE,
  CR_CONTACT_COLUMN_PHONE_24_7,
  CR_CONTACT_COLUMN_EMAIL,
  CR_CONTACT_COLUMN_LANGUAGE,
  CR_CONTACT_COLUMN_AVAILABILITY,
  CR_CONTACT_COLUMN_VERIFIED_AT,
  CR_CONTACT_COLUMN_VERIFIED_BY,
  CR_CONTACT_COLUMN_NOTES,
  CR_CONTACT_COLUMN_SPOC_RANK,
} CrContactColumn;

#define CR_N_CONTACT_COLUMNS (CR_CONTACT_COLUMN_SPOC_RANK + 1)

typedef enum
{
  CR_DUPLICATE_SAME_EMAIL,
  CR_DUPLICATE_SAME_PHONE,
} CrDuplicateReason;

typedef enum
{
  CR_DUPLICATE_ACTION_MERGE, /* the row's values update the existing contact */
  CR_DUPLICATE_ACTION_ADD,   /* the row becomes a new contact anyway */
  CR_DUPLICATE_ACTION_SKIP,  /* the row is left out */
} CrDuplicateAction;

/**
 * CrImportProblem:
 * @line: the 1-based line of the file
 * @message: what is wrong and what to do, translated
 */
typedef struct
{
  guint line;
  char *message;
} CrImportProblem;

/**
 * CrImportDuplicate:
 * @row: the data row (0-based, header not counted)
 * @line: its line in the file
 * @name: the row's name
 * @contact_id: the existing contact it duplicates
 * @contact_name: that contact's name
 * @partner_name: that contact's partner
 * @reason: what they share
 * @value: the shared e-mail address or number (E.164)
 * @action: what cr_contact_import_run() does with the row: proposed by
 *   the analysis (merge when the e-mail, or the number and the name,
 *   are the same; add when only a number is shared, as a desk's is),
 *   changed with cr_contact_import_set_duplicate_action()
 */
typedef struct
{
  guint row;
  guint line;
  char *name;
  gint64 contact_id;
  char *contact_name;
  char *partner_name;
  CrDuplicateReason reason;
  char *value;
  CrDuplicateAction action;
} CrImportDuplicate;

typedef struct
{
  guint n_added;
  guint n_merged;
  guint n_skipped;
  guint n_partners_created;
} CrContactImportCounts;

#define CR_TYPE_CONTACT_IMPORT (cr_contact_import_get_type ())
G_DECLARE_FINAL_TYPE (CrContactImport, cr_contact_import, CR, CONTACT_IMPORT, GObject)

CrContactImport   *cr_contact_import_new_csv      (const char        *data,
                                                   gsize              len,
                                                   GError           **error);
CrContactImport   *cr_contact_import_new_vcard    (const char        *data,
                                                   gsize              len,
                                                   GError           **error);
CrContactImport   *cr_contact_import_new_for_file (const char        *path,
                                                   GError           **error);

char               cr_contact_import_get_delimiter (CrContactImport  *self);
gboolean           cr_contact_import_get_had_bom  (CrContactImport   *self);
gboolean           cr_contact_import_is_vcard     (CrContactImport   *self);
guint              cr_contact_import_get_n_columns (CrContactImport  *self);
const char *const *cr_contact_import_get_headers  (CrContactImport   *self);
guint              cr_contact_import_get_n_rows   (CrContactImport   *self);
const char *const *cr_contact_import_get_row      (CrContactImport   *self,
                                                   guint              row,
                                                   guint             *line);

const CrContactColumn *cr_contact_import_get_mapping (CrContactImport *self,
                                                   guint             *n_columns);
void               cr_contact_import_set_mapping  (CrContactImport   *self,
                                                   const CrContactColumn *mapping,
                                                   guint              n_columns);
void               cr_contact_import_set_default_partner (CrContactImport *self,
                                                   const char        *partner_name);
CrContactColumn    cr_contact_column_from_header  (const char        *header);
const char        *cr_contact_column_label        (CrContactColumn    column);
const char        *cr_contact_column_header       (CrContactColumn    column);

gboolean           cr_contact_import_analyse      (CrContactImport   *self,
                                                   CrStore           *store,
                                                   GError           **error);
GArray            *cr_contact_import_get_problems (CrContactImport   *self);
GArray            *cr_contact_import_get_warnings (CrContactImport   *self);
GArray            *cr_contact_import_get_duplicates (CrContactImport *self);
const char *const *cr_contact_import_get_new_partners (CrContactImport *self);
guint              cr_contact_import_get_n_contacts (CrContactImport *self);
void               cr_contact_import_set_duplicate_action (CrContactImport *self,
                                                   guint              index,
                                                   CrDuplicateAction  action);
gboolean           cr_contact_import_run          (CrContactImport   *self,
                                                   CrStore           *store,
                                                   CrContactImportCounts *counts,
                                                   GError           **error);

G_END_DECLS
