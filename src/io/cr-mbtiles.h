/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "cr-geometry.h"

G_BEGIN_DECLS

#define CR_MBTILES_ERROR (cr_mbtiles_error_quark ())
GQuark cr_mbtiles_error_quark (void);

/* Every message names the file and says what to do. */
typedef enum
{
  CR_MBTILES_ERROR_NOT_FOUND,   /* the file does not exist or cannot be opened */
  CR_MBTILES_ERROR_NOT_MBTILES, /* not SQLite, or no `tiles` table */
  CR_MBTILES_ERROR_CORRUPT,     /* SQLite says the file is damaged */
  CR_MBTILES_ERROR_UNSUPPORTED, /* vector or other non-PNG/JPEG tiles */
  CR_MBTILES_ERROR_EMPTY,       /* a tiles table without any tile */
} CrMbtilesError;

typedef enum
{
  CR_MBTILES_FORMAT_UNKNOWN,
  CR_MBTILES_FORMAT_PNG,
  CR_MBTILES_FORMAT_JPEG,
} CrMbtilesFormat;

#define CR_TYPE_MBTILES (cr_mbtiles_get_type ())
G_DECLARE_FINAL_TYPE (CrMbtiles, cr_mbtiles, CR, MBTILES, GObject)

CrMbtiles       *cr_mbtiles_open            (const char  *path,
                                             GError     **error);
const char      *cr_mbtiles_get_path        (CrMbtiles   *self);
const char      *cr_mbtiles_get_name        (CrMbtiles   *self);
const char      *cr_mbtiles_get_attribution (CrMbtiles   *self);
CrMbtilesFormat  cr_mbtiles_get_format      (CrMbtiles   *self);
void             cr_mbtiles_get_bounds      (CrMbtiles   *self,
                                             CrBBox      *bounds);
guint            cr_mbtiles_get_min_zoom    (CrMbtiles   *self);
guint            cr_mbtiles_get_max_zoom    (CrMbtiles   *self);
gboolean         cr_mbtiles_covers          (CrMbtiles   *self,
                                             int          zoom,
                                             int          x,
                                             int          y);
GBytes          *cr_mbtiles_get_tile        (CrMbtiles   *self,
                                             int          zoom,
                                             int          x,
                                             int          y,
                                             GError     **error);

CrMbtilesFormat  cr_mbtiles_sniff_format    (GBytes      *bytes);

G_END_DECLS
