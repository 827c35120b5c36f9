/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <cairo.h>
#include <gdk-pixbuf/gdk-pixbuf.h>
#include <glib/gstdio.h>
#include <math.h>

#include "cr-test-mbtiles.h"

#define TILE_SIZE 256

static void
exec (sqlite3    *db,
      const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
}

sqlite3 *
cr_test_mbtiles_create (const char *path,
                        gboolean    with_metadata)
{
  sqlite3 *db = NULL;

  g_unlink (path);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  if (with_metadata)
    exec (db, "CREATE TABLE metadata (name TEXT, value TEXT)");
  exec (db, "CREATE TABLE tiles (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER, "
            "tile_data BLOB)");
  exec (db, "CREATE UNIQUE INDEX tile_index ON tiles (zoom_level, tile_column, tile_row)");
  exec (db, "BEGIN");
  return db;
}

void
cr_test_mbtiles_set_metadata (sqlite3    *db,
                              const char *name,
                              const char *value)
{
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, "INSERT INTO metadata VALUES (?1, ?2)", -1, &stmt,
                                       NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, value, -1, SQLITE_TRANSIENT);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_finalize (stmt);
}

void
cr_test_mbtiles_put_tile (sqlite3 *db,
                          int      zoom,
                          int      column,
                          int      row,
                          GBytes  *data)
{
  sqlite3_stmt *stmt = NULL;
  gsize size;
  gconstpointer bytes = g_bytes_get_data (data, &size);

  g_assert_cmpint (sqlite3_prepare_v2 (db, "INSERT INTO tiles VALUES (?1, ?2, ?3, ?4)", -1,
                                       &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_int (stmt, 1, zoom);
  sqlite3_bind_int (stmt, 2, column);
  sqlite3_bind_int (stmt, 3, row);
  sqlite3_bind_blob (stmt, 4, bytes, (int) size, SQLITE_TRANSIENT);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_finalize (stmt);
}

void
cr_test_mbtiles_close (sqlite3 *db)
{
  exec (db, "COMMIT");
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
}

static cairo_status_t
append_cb (void                *closure,
           const unsigned char *data,
           unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

GBytes *
cr_test_tile_png (guint32     rgb,
                  const char *label)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, TILE_SIZE, TILE_SIZE);
  cairo_t *cr = cairo_create (surface);
  GByteArray *png = g_byte_array_new ();

  cairo_set_source_rgb (cr, ((rgb >> 16) & 0xff) / 255.0, ((rgb >> 8) & 0xff) / 255.0,
                        (rgb & 0xff) / 255.0);
  cairo_paint (cr);
  cairo_set_source_rgba (cr, 0, 0, 0, 0.35);
  cairo_set_line_width (cr, 1);
  for (int i = 0; i <= TILE_SIZE; i += 64)
    {
      cairo_move_to (cr, i + 0.5, 0);
      cairo_line_to (cr, i + 0.5, TILE_SIZE);
      cairo_move_to (cr, 0, i + 0.5);
      cairo_line_to (cr, TILE_SIZE, i + 0.5);
    }
  cairo_stroke (cr);
  if (label != NULL)
    {
      cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
      cairo_select_font_face (cr, "sans-serif", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_BOLD);
      cairo_set_font_size (cr, 22);
      cairo_move_to (cr, 12, 36);
      cairo_show_text (cr, "N ↑");
      cairo_move_to (cr, 12, TILE_SIZE / 2 + 8);
      cairo_show_text (cr, label);
    }
  cairo_destroy (cr);
  g_assert_cmpint (cairo_surface_write_to_png_stream (surface, append_cb, png), ==,
                   CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
  return g_byte_array_free_to_bytes (png);
}

GBytes *
cr_test_tile_jpeg (guint32 rgb)
{
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, TILE_SIZE, TILE_SIZE);
  g_autoptr(GError) error = NULL;
  char *buffer = NULL;
  gsize size = 0;

  gdk_pixbuf_fill (pixbuf, (rgb << 8) | 0xff);
  g_assert_true (gdk_pixbuf_save_to_buffer (pixbuf, &buffer, &size, "jpeg", &error, NULL));
  g_assert_no_error (error);
  return g_bytes_new_take (buffer, size);
}

void
cr_test_lonlat_to_tile (double  lon,
                        double  lat,
                        int     zoom,
                        int    *x,
                        int    *y)
{
  double n = 1 << zoom;
  double rad = lat * G_PI / 180;

  *x = (int) floor ((lon + 180) / 360 * n);
  *y = (int) floor ((1 - log (tan (rad) + 1 / cos (rad)) / G_PI) / 2 * n);
}

void
cr_test_mbtiles_brussels (const char *path,
                          int         min_zoom,
                          int         max_zoom,
                          gboolean    labels)
{
  sqlite3 *db = cr_test_mbtiles_create (path, TRUE);
  g_autofree char *min_text = g_strdup_printf ("%d", min_zoom);
  g_autofree char *max_text = g_strdup_printf ("%d", max_zoom);

  cr_test_mbtiles_set_metadata (db, "name", "Brussels test tiles");
  cr_test_mbtiles_set_metadata (db, "format", "png");
  cr_test_mbtiles_set_metadata (db, "bounds", CR_TEST_BRUSSELS_BOUNDS);
  cr_test_mbtiles_set_metadata (db, "minzoom", min_text);
  cr_test_mbtiles_set_metadata (db, "maxzoom", max_text);
  cr_test_mbtiles_set_metadata (db, "attribution", "<a href=\"https://example.org\">© Test tiles</a>");
  for (int z = min_zoom; z <= max_zoom; z++)
    {
      int x0, y0, x1, y1;

      cr_test_lonlat_to_tile (4.24, 50.92, z, &x0, &y0);
      cr_test_lonlat_to_tile (4.48, 50.76, z, &x1, &y1);
      for (int x = x0; x <= x1; x++)
        for (int y = y0; y <= y1; y++)
          {
            g_autofree char *label = g_strdup_printf ("%d/%d/%d", z, x, y);
            /* Light and darker squares, warmer towards the south. */
            guint32 rgb = (x + y) % 2 == 0 ? 0xe8eef2 : 0xc8d8e0;
            g_autoptr(GBytes) png = NULL;

            rgb += (guint32) MIN (y - y0, 10) * 0x020000;
            png = cr_test_tile_png (rgb, labels ? label : NULL);
            cr_test_mbtiles_put_tile (db, z, x, (1 << z) - 1 - y, png);
          }
    }
  cr_test_mbtiles_close (db);
}
