/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cr-store.h"

G_BEGIN_DECLS

/* Exports of the directory, for one partner or all: CSV (the columns
 * cr-contact-import.c reads back, SPOC rank included) and vCard 4.0
 * (RFC 6350). Contacts are personal data: the *_file() functions write
 * the audit log in the same transaction, so an export that cannot be
 * logged is not written, and the window asks first with the text of
 * cr_contacts_export_describe(). */

typedef enum
{
  CR_CONTACTS_FORMAT_CSV,
  CR_CONTACTS_FORMAT_VCARD,
} CrContactsFormat;

/**
 * CrCsvExportOptions:
 * @delimiter: ',' or ';' (what Belgian spreadsheets expect)
 * @bom: start with a UTF-8 byte-order mark, so that spreadsheets read
 *   the accents right
 */
typedef struct
{
  char delimiter;
  gboolean bom;
} CrCsvExportOptions;

char     *cr_contacts_export_csv       (CrStore                  *store,
                                        gint64                    partner_id,
                                        const CrCsvExportOptions *options,
                                        guint                    *n_contacts,
                                        GError                  **error);
char     *cr_contacts_export_vcard     (CrStore                  *store,
                                        gint64                    partner_id,
                                        guint                    *n_contacts,
                                        GError                  **error);
gboolean  cr_contacts_export_file      (CrStore                  *store,
                                        gint64                    partner_id,
                                        CrContactsFormat          format,
                                        const CrCsvExportOptions *options,
                                        const char               *path,
                                        guint                    *n_contacts,
                                        GError                  **error);
char     *cr_contacts_export_describe  (CrStore                  *store,
                                        gint64                    partner_id,
                                        GError                  **error);

G_END_DECLS
