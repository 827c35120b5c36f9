/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define CR_CATALOG_ERROR (cr_catalog_error_quark ())
GQuark cr_catalog_error_quark (void);

typedef enum
{
  CR_CATALOG_ERROR_NOT_FOUND, /* no compiled catalogue for that language */
  CR_CATALOG_ERROR_INVALID,   /* not a GNU .mo file, or a damaged one */
} CrCatalogError;

#define CR_TYPE_CATALOG (cr_catalog_get_type ())
G_DECLARE_FINAL_TYPE (CrCatalog, cr_catalog, CR, CATALOG, GObject)

CrCatalog  *cr_catalog_new_for_ui       (void);
CrCatalog  *cr_catalog_new_for_language (const char  *language,
                                         GError     **error);
CrCatalog  *cr_catalog_new_from_file    (const char  *path,
                                         const char  *language,
                                         GError     **error);
const char *cr_catalog_get_language     (CrCatalog   *self);
const char *cr_catalog_gettext          (CrCatalog   *self,
                                         const char  *msgid) G_GNUC_FORMAT (2);
const char *cr_catalog_pgettext         (CrCatalog   *self,
                                         const char  *context,
                                         const char  *msgid) G_GNUC_FORMAT (3);
const char *cr_catalog_ngettext         (CrCatalog   *self,
                                         const char  *msgid,
                                         const char  *msgid_plural,
                                         gulong       n) G_GNUC_FORMAT (3);
char       *cr_catalog_find_file        (const char  *language);

G_END_DECLS
