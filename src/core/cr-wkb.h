/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "cr-geometry.h"

G_BEGIN_DECLS

#define CR_WKB_ERROR (cr_wkb_error_quark ())
GQuark cr_wkb_error_quark (void);

typedef enum
{
  CR_WKB_ERROR_INVALID,
} CrWkbError;

/* EPSG:4326, the only SRS the app writes. */
#define CR_SRS_WGS84 4326

void        cr_wkb_append           (GByteArray        *out,
                                     const CrGeometry  *geometry);
CrGeometry *cr_wkb_read             (const guint8      *data,
                                     gsize              len,
                                     GError           **error);

/* GeoPackage binary: "GP", version, flags, srs_id, envelope, WKB. */
void        cr_gpkg_blob_append     (GByteArray        *out,
                                     const CrGeometry  *geometry,
                                     gint32             srs_id);
GBytes     *cr_gpkg_blob_new        (const CrGeometry  *geometry,
                                     gint32             srs_id);
CrGeometry *cr_gpkg_blob_read       (const guint8      *data,
                                     gsize              len,
                                     gint32            *srs_id,
                                     GError           **error);
gboolean    cr_gpkg_blob_envelope   (const guint8      *data,
                                     gsize              len,
                                     CrBBox            *bbox,
                                     gboolean          *is_empty);
/* Where the WKB starts inside a GeoPackage blob, or -1 when the header is
 * not valid. */
gssize      cr_gpkg_blob_wkb_offset (const guint8      *data,
                                     gsize              len);

G_END_DECLS
