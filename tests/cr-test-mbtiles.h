/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <sqlite3.h>

G_BEGIN_DECLS

/* Builds MBTiles files for the tests, with SQLite directly: the code
 * under test only reads them. */

/* A new file with the MBTiles tables; without @with_metadata, no
 * metadata table at all. */
sqlite3 *cr_test_mbtiles_create       (const char *path,
                                       gboolean    with_metadata);
void     cr_test_mbtiles_set_metadata (sqlite3    *db,
                                       const char *name,
                                       const char *value);
/* @row is the TMS row, as stored (0 is the south). */
void     cr_test_mbtiles_put_tile     (sqlite3    *db,
                                       int         zoom,
                                       int         column,
                                       int         row,
                                       GBytes     *data);
void     cr_test_mbtiles_close        (sqlite3    *db);

/* 256×256 tiles: a colour, a grid and a label. */
GBytes  *cr_test_tile_png             (guint32     rgb,
                                       const char *label);
GBytes  *cr_test_tile_jpeg            (guint32     rgb);

/* The XYZ tile holding a point. */
void     cr_test_lonlat_to_tile       (double      lon,
                                       double      lat,
                                       int         zoom,
                                       int        *x,
                                       int        *y);

/* Brussels (4.24–4.48 E, 50.76–50.92 N) at zooms @min_zoom to @max_zoom,
 * a checkerboard of tiles, with @labels "z/x/y" on them, so a flipped row
 * shows. (Labels need fontconfig, whose set-up valgrind counts as leaks.) */
void     cr_test_mbtiles_brussels     (const char *path,
                                       int         min_zoom,
                                       int         max_zoom,
                                       gboolean    labels);

#define CR_TEST_BRUSSELS_BOUNDS "4.24,50.76,4.48,50.92"

G_END_DECLS
