/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "cr-catalog.h"
#include "cr-projection.h"
#include "cr-store.h"

G_BEGIN_DECLS

/**
 * CrSheetOptions:
 * @event_id: the event
 * @at: (nullable): the time the map shows, or %NULL for every feature
 *   whatever its active window
 * @language: "fr", "nl" or "en"; %NULL for the language of the interface
 * @no_phones: leave every phone number out, for wide distribution
 * @landscape: A4 landscape pages instead of portrait
 * @a3_map: the map page on A3 landscape
 * @classification: (nullable): the distribution line; %NULL or empty
 *   for "Restricted distribution" in the sheet's language
 * @basemap_mbtiles: (nullable): an offline basemap under the map
 */
typedef struct
{
  gint64 event_id;
  GDateTime *at;
  char *language;
  gboolean no_phones;
  gboolean landscape;
  gboolean a3_map;
  char *classification;
  char *basemap_mbtiles;
} CrSheetOptions;

void cr_sheet_options_clear (CrSheetOptions       *options);
void cr_sheet_options_copy  (const CrSheetOptions *options,
                             CrSheetOptions       *copy);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CrSheetOptions, cr_sheet_options_clear)

/* Called as pages are written, from the thread that writes them. */
typedef void (*CrSheetProgressFunc) (double   fraction,
                                     gpointer user_data);

#define CR_TYPE_SHEET (cr_sheet_get_type ())
G_DECLARE_FINAL_TYPE (CrSheet, cr_sheet, CR, SHEET, GObject)

CrSheet    *cr_sheet_new               (CrStore              *store,
                                        const CrSheetOptions *options,
                                        GError              **error);
CrCatalog  *cr_sheet_get_catalog       (CrSheet              *self);
guint       cr_sheet_get_n_pages       (CrSheet              *self);
void        cr_sheet_get_page_size     (CrSheet              *self,
                                        guint                 page,
                                        double               *width,
                                        double               *height);
gboolean    cr_sheet_page_is_map       (CrSheet              *self,
                                        guint                 page);
void        cr_sheet_draw_page         (CrSheet              *self,
                                        cairo_t              *cr,
                                        guint                 page);
gboolean    cr_sheet_get_map_projection (CrSheet             *self,
                                        double               *x,
                                        double               *y,
                                        double               *scale,
                                        CrProjection         *projection);
gboolean    cr_sheet_export_pdf        (CrSheet              *self,
                                        const char           *path,
                                        GCancellable         *cancellable,
                                        CrSheetProgressFunc   progress,
                                        gpointer              progress_data,
                                        GError              **error);
char       *cr_sheet_audit_details     (const CrSheetOptions *options,
                                        const char           *what,
                                        const char           *path);

/* In a worker thread, on a connection of its own to the store's file. */
void        cr_sheet_export_pdf_async  (CrStore              *store,
                                        const CrSheetOptions *options,
                                        const char           *path,
                                        GCancellable         *cancellable,
                                        CrSheetProgressFunc   progress,
                                        gpointer              progress_data,
                                        GAsyncReadyCallback   callback,
                                        gpointer              user_data);
gboolean    cr_sheet_export_pdf_finish (GAsyncResult         *result,
                                        GError              **error);

G_END_DECLS
