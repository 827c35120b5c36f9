/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <gdk-pixbuf/gdk-pixbuf.h>

#include "cr-mbtiles-source.h"
#include "cr-mbtiles.h"
#include "cr-test-mbtiles.h"
#include "cr-test-utils.h"

/* The MBTiles reader and the ShumateDataSource over it, on files the
 * tests build themselves. */

#define RED 0xff0000
#define BLUE 0x0000ff

static void
assert_same_bytes (GBytes *a,
                   GBytes *b)
{
  g_assert_nonnull (a);
  g_assert_nonnull (b);
  g_assert_true (g_bytes_equal (a, b));
}

/* A file over the whole world, zooms 0 to 2, with a red tile in the TMS
 * row 0 of zoom 1 (the south) and a blue one in row 1 (the north). */
static char *
world_file (GBytes **south,
            GBytes **north)
{
  char *path = cr_test_tmp_path ("world.mbtiles");
  sqlite3 *db = cr_test_mbtiles_create (path, TRUE);

  *south = cr_test_tile_png (RED, NULL);
  *north = cr_test_tile_png (BLUE, NULL);
  cr_test_mbtiles_set_metadata (db, "name", "World");
  cr_test_mbtiles_set_metadata (db, "format", "png");
  cr_test_mbtiles_set_metadata (db, "minzoom", "0");
  cr_test_mbtiles_set_metadata (db, "maxzoom", "2");
  cr_test_mbtiles_put_tile (db, 1, 0, 0, *south);
  cr_test_mbtiles_put_tile (db, 1, 0, 1, *north);
  cr_test_mbtiles_close (db);
  return path;
}

static char *
brussels_file (void)
{
  char *path = cr_test_tmp_path ("brussels.mbtiles");

  cr_test_mbtiles_brussels (path, 10, 12, FALSE);
  return path;
}

static void
test_metadata (void)
{
  g_autofree char *path = brussels_file ();
  g_autoptr(GError) error = NULL;
  g_autoptr(CrMbtiles) mbtiles = cr_mbtiles_open (path, &error);
  CrBBox bounds;

  g_assert_no_error (error);
  g_assert_nonnull (mbtiles);
  g_assert_cmpstr (cr_mbtiles_get_path (mbtiles), ==, path);
  g_assert_cmpstr (cr_mbtiles_get_name (mbtiles), ==, "Brussels test tiles");
  g_assert_cmpint (cr_mbtiles_get_format (mbtiles), ==, CR_MBTILES_FORMAT_PNG);
  g_assert_cmpuint (cr_mbtiles_get_min_zoom (mbtiles), ==, 10);
  g_assert_cmpuint (cr_mbtiles_get_max_zoom (mbtiles), ==, 12);
  /* The HTML link is reduced to its text for the map's licence label. */
  g_assert_cmpstr (cr_mbtiles_get_attribution (mbtiles), ==, "© Test tiles");
  cr_mbtiles_get_bounds (mbtiles, &bounds);
  g_assert_cmpfloat_with_epsilon (bounds.min_x, 4.24, 1e-9);
  g_assert_cmpfloat_with_epsilon (bounds.min_y, 50.76, 1e-9);
  g_assert_cmpfloat_with_epsilon (bounds.max_x, 4.48, 1e-9);
  g_assert_cmpfloat_with_epsilon (bounds.max_y, 50.92, 1e-9);
}

/* Without a metadata table: the name is the file's, the zooms are those
 * of the tiles, the format is read from a tile, the bounds are the world. */
static void
test_metadata_fallbacks (void)
{
  g_autofree char *path = cr_test_tmp_path ("bare.mbtiles");
  sqlite3 *db = cr_test_mbtiles_create (path, FALSE);
  g_autoptr(GBytes) jpeg = cr_test_tile_jpeg (RED);
  g_autoptr(GError) error = NULL;
  g_autoptr(CrMbtiles) mbtiles = NULL;
  g_autofree char *basename = g_path_get_basename (path);
  CrBBox bounds;

  cr_test_mbtiles_put_tile (db, 3, 1, 1, jpeg);
  cr_test_mbtiles_put_tile (db, 5, 1, 1, jpeg);
  cr_test_mbtiles_close (db);

  mbtiles = cr_mbtiles_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cr_mbtiles_get_name (mbtiles), ==, basename);
  g_assert_cmpint (cr_mbtiles_get_format (mbtiles), ==, CR_MBTILES_FORMAT_JPEG);
  g_assert_cmpuint (cr_mbtiles_get_min_zoom (mbtiles), ==, 3);
  g_assert_cmpuint (cr_mbtiles_get_max_zoom (mbtiles), ==, 5);
  g_assert_null (cr_mbtiles_get_attribution (mbtiles));
  cr_mbtiles_get_bounds (mbtiles, &bounds);
  g_assert_cmpfloat (bounds.min_x, ==, -180);
  g_assert_cmpfloat (bounds.max_x, ==, 180);
  g_assert_cmpfloat (bounds.max_y, >, 85);
}

/* libshumate counts rows from the north, MBTiles from the south. */
static void
test_tms_flip (void)
{
  g_autoptr(GBytes) south = NULL;
  g_autoptr(GBytes) north = NULL;
  g_autofree char *path = world_file (&south, &north);
  g_autoptr(GError) error = NULL;
  g_autoptr(CrMbtiles) mbtiles = cr_mbtiles_open (path, &error);
  g_autoptr(GBytes) top = NULL;
  g_autoptr(GBytes) bottom = NULL;

  g_assert_no_error (error);
  top = cr_mbtiles_get_tile (mbtiles, 1, 0, 0, &error);
  g_assert_no_error (error);
  assert_same_bytes (top, north);
  bottom = cr_mbtiles_get_tile (mbtiles, 1, 0, 1, &error);
  g_assert_no_error (error);
  assert_same_bytes (bottom, south);
}

static void
test_missing_tile (void)
{
  g_autoptr(GBytes) south = NULL;
  g_autoptr(GBytes) north = NULL;
  g_autofree char *path = world_file (&south, &north);
  g_autoptr(GError) error = NULL;
  g_autoptr(CrMbtiles) mbtiles = cr_mbtiles_open (path, &error);
  g_autoptr(GBytes) none = NULL;

  g_assert_no_error (error);
  none = cr_mbtiles_get_tile (mbtiles, 1, 1, 0, &error);
  g_assert_no_error (error);
  g_assert_null (none);
  g_assert_true (cr_mbtiles_covers (mbtiles, 1, 1, 0));
}

/* Outside the bounds or the zoom range there is nothing, even where the
 * table has a row. */
static void
test_out_of_range (void)
{
  g_autofree char *path = cr_test_tmp_path ("range.mbtiles");
  sqlite3 *db = cr_test_mbtiles_create (path, TRUE);
  g_autoptr(GBytes) png = cr_test_tile_png (RED, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CrMbtiles) mbtiles = NULL;
  int bx, by, x13, y13;
  GBytes *bytes;

  cr_test_lonlat_to_tile (4.35, 50.85, 11, &bx, &by);
  cr_test_lonlat_to_tile (4.35, 50.85, 13, &x13, &y13);
  cr_test_mbtiles_set_metadata (db, "format", "png");
  cr_test_mbtiles_set_metadata (db, "bounds", CR_TEST_BRUSSELS_BOUNDS);
  cr_test_mbtiles_set_metadata (db, "minzoom", "10");
  cr_test_mbtiles_set_metadata (db, "maxzoom", "12");
  cr_test_mbtiles_put_tile (db, 11, bx, (1 << 11) - 1 - by, png);
  cr_test_mbtiles_put_tile (db, 11, 0, (1 << 11) - 1, png);    /* far away, outside bounds */
  cr_test_mbtiles_put_tile (db, 13, x13, (1 << 13) - 1 - y13, png); /* above maxzoom */
  cr_test_mbtiles_close (db);

  mbtiles = cr_mbtiles_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (cr_mbtiles_covers (mbtiles, 11, bx, by));
  bytes = cr_mbtiles_get_tile (mbtiles, 11, bx, by, &error);
  g_assert_no_error (error);
  assert_same_bytes (bytes, png);
  g_bytes_unref (bytes);

  g_assert_false (cr_mbtiles_covers (mbtiles, 11, 0, 0));
  g_assert_null (cr_mbtiles_get_tile (mbtiles, 11, 0, 0, &error));
  g_assert_no_error (error);
  g_assert_false (cr_mbtiles_covers (mbtiles, 13, x13, y13));
  g_assert_null (cr_mbtiles_get_tile (mbtiles, 13, x13, y13, &error));
  g_assert_no_error (error);
  g_assert_false (cr_mbtiles_covers (mbtiles, 9, bx / 4, by / 4));
  g_assert_false (cr_mbtiles_covers (mbtiles, 11, -1, by));
  g_assert_false (cr_mbtiles_covers (mbtiles, 11, bx, 1 << 11));
  /* The neighbours of the corner tiles are out, the corners in. */
  cr_test_lonlat_to_tile (4.24, 50.92, 12, &bx, &by);
  g_assert_true (cr_mbtiles_covers (mbtiles, 12, bx, by));
  g_assert_false (cr_mbtiles_covers (mbtiles, 12, bx - 1, by));
  g_assert_false (cr_mbtiles_covers (mbtiles, 12, bx, by - 1));
}

static void
assert_open_fails (const char *path,
                   int         code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrMbtiles) mbtiles = cr_mbtiles_open (path, &error);
  g_autofree char *basename = g_path_get_basename (path);

  g_assert_null (mbtiles);
  g_assert_error (error, CR_MBTILES_ERROR, code);
  /* The message names the file. */
  g_assert_nonnull (strstr (error->message, basename));
}

static void
test_errors (void)
{
  g_autofree char *missing = cr_test_tmp_path ("missing.mbtiles");
  g_autofree char *text = cr_test_tmp_path ("text.mbtiles");
  g_autofree char *no_tiles = cr_test_tmp_path ("no-tiles.mbtiles");
  g_autofree char *vector = cr_test_tmp_path ("vector.mbtiles");
  g_autofree char *empty = cr_test_tmp_path ("empty.mbtiles");
  g_autofree char *bad_columns = cr_test_tmp_path ("columns.mbtiles");
  sqlite3 *db = NULL;

  assert_open_fails (missing, CR_MBTILES_ERROR_NOT_FOUND);
  assert_open_fails (cr_test_tmpdir (), CR_MBTILES_ERROR_NOT_FOUND);

  g_assert_true (g_file_set_contents (text, "This is not a database, it is a text file.\n"
                                      "SQLite needs 100 bytes of header to notice; "
                                      "here they are, and more.\n", -1, NULL));
  assert_open_fails (text, CR_MBTILES_ERROR_NOT_MBTILES);

  g_assert_cmpint (sqlite3_open (no_tiles, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE features (id INTEGER)", NULL, NULL, NULL), ==,
                   SQLITE_OK);
  sqlite3_close (db);
  assert_open_fails (no_tiles, CR_MBTILES_ERROR_NOT_MBTILES);

  g_assert_cmpint (sqlite3_open (bad_columns, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE tiles (z INTEGER, data BLOB)", NULL, NULL,
                                 NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  assert_open_fails (bad_columns, CR_MBTILES_ERROR_NOT_MBTILES);

  db = cr_test_mbtiles_create (vector, TRUE);
  cr_test_mbtiles_set_metadata (db, "format", "pbf");
  cr_test_mbtiles_close (db);
  assert_open_fails (vector, CR_MBTILES_ERROR_UNSUPPORTED);

  db = cr_test_mbtiles_create (empty, FALSE);
  cr_test_mbtiles_close (db);
  assert_open_fails (empty, CR_MBTILES_ERROR_EMPTY);
}

/* A damaged schema page: SQLite's own check, reported as such. */
static void
test_corrupt (void)
{
  g_autofree char *path = brussels_file ();
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 4096);
  memset (contents + 100, 0xab, 4096 - 100);
  g_assert_true (g_file_set_contents (path, contents, length, NULL));
  assert_open_fails (path, CR_MBTILES_ERROR_CORRUPT);
}

static void
test_sniff (void)
{
  g_autoptr(GBytes) png = cr_test_tile_png (RED, NULL);
  g_autoptr(GBytes) jpeg = cr_test_tile_jpeg (RED);
  g_autoptr(GBytes) html = g_bytes_new_static ("<html>", 6);
  g_autoptr(GBytes) empty = g_bytes_new_static ("", 0);

  g_assert_cmpint (cr_mbtiles_sniff_format (png), ==, CR_MBTILES_FORMAT_PNG);
  g_assert_cmpint (cr_mbtiles_sniff_format (jpeg), ==, CR_MBTILES_FORMAT_JPEG);
  g_assert_cmpint (cr_mbtiles_sniff_format (html), ==, CR_MBTILES_FORMAT_UNKNOWN);
  g_assert_cmpint (cr_mbtiles_sniff_format (empty), ==, CR_MBTILES_FORMAT_UNKNOWN);
  g_assert_cmpint (cr_mbtiles_sniff_format (NULL), ==, CR_MBTILES_FORMAT_UNKNOWN);
}

/* Through the ShumateDataSource, as libshumate asks. */
typedef struct
{
  GMainLoop *loop;
  GBytes *result;
  GError *error;
  GBytes *received;
  int received_x, received_y, received_zoom;
  guint n_received;
} Request;

static void
received_data_cb (ShumateDataSource *source,
                  int                x,
                  int                y,
                  int                zoom,
                  GBytes            *bytes,
                  Request           *request)
{
  /* Before the request completes, as libshumate 1.0.3 needs. */
  g_assert_null (request->result);
  g_assert_null (request->error);
  request->n_received++;
  request->received_x = x;
  request->received_y = y;
  request->received_zoom = zoom;
  g_clear_pointer (&request->received, g_bytes_unref);
  request->received = g_bytes_ref (bytes);
}

static void
tile_data_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  Request *request = user_data;

  request->result = shumate_data_source_get_tile_data_finish (SHUMATE_DATA_SOURCE (object), result,
                                                              &request->error);
  g_main_loop_quit (request->loop);
}

static void
request_tile (ShumateDataSource *source,
              int                zoom,
              int                x,
              int                y,
              GCancellable      *cancellable,
              Request           *request)
{
  gulong handler = g_signal_connect (source, "received-data", G_CALLBACK (received_data_cb),
                                     request);

  request->loop = g_main_loop_new (NULL, FALSE);
  shumate_data_source_get_tile_data_async (source, x, y, zoom, cancellable, tile_data_cb, request);
  g_main_loop_run (request->loop);
  g_signal_handler_disconnect (source, handler);
  g_clear_pointer (&request->loop, g_main_loop_unref);
}

static void
request_clear (Request *request)
{
  g_clear_pointer (&request->result, g_bytes_unref);
  g_clear_pointer (&request->received, g_bytes_unref);
  g_clear_error (&request->error);
  memset (request, 0, sizeof *request);
}

static void
assert_transparent_tile (GBytes *bytes)
{
  /* By type: the isolated test directories hide the MIME database that
   * guessing needs. */
  g_autoptr(GdkPixbufLoader) loader = gdk_pixbuf_loader_new_with_type ("png", NULL);
  g_autoptr(GError) error = NULL;
  GdkPixbuf *pixbuf;

  g_assert_true (gdk_pixbuf_loader_write_bytes (loader, bytes, &error));
  g_assert_true (gdk_pixbuf_loader_close (loader, &error));
  g_assert_no_error (error);
  pixbuf = gdk_pixbuf_loader_get_pixbuf (loader);
  g_assert_cmpint (gdk_pixbuf_get_width (pixbuf), ==, 1);
  g_assert_true (gdk_pixbuf_get_has_alpha (pixbuf));
  g_assert_cmpint (gdk_pixbuf_get_pixels (pixbuf)[3], ==, 0);
}

static void
test_source (void)
{
  g_autoptr(GBytes) south = NULL;
  g_autoptr(GBytes) north = NULL;
  g_autofree char *path = world_file (&south, &north);
  g_autoptr(GError) error = NULL;
  g_autoptr(CrMbtiles) mbtiles = cr_mbtiles_open (path, &error);
  g_autoptr(CrMbtilesSource) source = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  Request request = { 0 };

  g_assert_no_error (error);
  source = cr_mbtiles_source_new (mbtiles);
  g_assert_true (cr_mbtiles_source_get_mbtiles (source) == mbtiles);

  /* A tile of the file, read in a thread, signalled then returned. */
  request_tile (SHUMATE_DATA_SOURCE (source), 1, 0, 0, NULL, &request);
  g_assert_no_error (request.error);
  assert_same_bytes (request.result, north);
  g_assert_cmpuint (request.n_received, ==, 1);
  assert_same_bytes (request.received, north);
  g_assert_cmpint (request.received_x, ==, 0);
  g_assert_cmpint (request.received_y, ==, 0);
  g_assert_cmpint (request.received_zoom, ==, 1);
  request_clear (&request);

  /* A hole in the file and a zoom beyond it: a transparent tile, no error. */
  request_tile (SHUMATE_DATA_SOURCE (source), 1, 1, 1, NULL, &request);
  g_assert_no_error (request.error);
  g_assert_cmpuint (request.n_received, ==, 1);
  assert_transparent_tile (request.result);
  request_clear (&request);
  request_tile (SHUMATE_DATA_SOURCE (source), 7, 3, 3, NULL, &request);
  g_assert_no_error (request.error);
  g_assert_cmpuint (request.n_received, ==, 1);
  assert_transparent_tile (request.result);
  request_clear (&request);

  /* A cancelled request ends with G_IO_ERROR_CANCELLED and paints nothing. */
  g_cancellable_cancel (cancellable);
  request_tile (SHUMATE_DATA_SOURCE (source), 1, 0, 1, cancellable, &request);
  g_assert_error (request.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (request.result);
  g_assert_cmpuint (request.n_received, ==, 0);
  request_clear (&request);
}

/* A tile the renderer could not decode is answered as a transparent one:
 * libshumate would print a warning for each. */
static void
test_source_undecodable_tile (void)
{
  g_autofree char *path = cr_test_tmp_path ("garbage.mbtiles");
  sqlite3 *db = cr_test_mbtiles_create (path, TRUE);
  g_autoptr(GBytes) garbage = g_bytes_new_static ("not an image", 12);
  g_autoptr(GError) error = NULL;
  g_autoptr(CrMbtiles) mbtiles = NULL;
  g_autoptr(CrMbtilesSource) source = NULL;
  Request request = { 0 };

  cr_test_mbtiles_set_metadata (db, "format", "png");
  cr_test_mbtiles_set_metadata (db, "minzoom", "0");
  cr_test_mbtiles_set_metadata (db, "maxzoom", "0");
  cr_test_mbtiles_put_tile (db, 0, 0, 0, garbage);
  cr_test_mbtiles_close (db);
  mbtiles = cr_mbtiles_open (path, &error);
  g_assert_no_error (error);
  source = cr_mbtiles_source_new (mbtiles);

  request_tile (SHUMATE_DATA_SOURCE (source), 0, 0, 0, NULL, &request);
  g_assert_no_error (request.error);
  assert_transparent_tile (request.result);
  request_clear (&request);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/mbtiles/metadata", test_metadata);
  g_test_add_func ("/mbtiles/metadata-fallbacks", test_metadata_fallbacks);
  g_test_add_func ("/mbtiles/tms-flip", test_tms_flip);
  g_test_add_func ("/mbtiles/missing-tile", test_missing_tile);
  g_test_add_func ("/mbtiles/out-of-range", test_out_of_range);
  g_test_add_func ("/mbtiles/errors", test_errors);
  g_test_add_func ("/mbtiles/corrupt", test_corrupt);
  g_test_add_func ("/mbtiles/sniff", test_sniff);
  g_test_add_func ("/mbtiles/source", test_source);
  g_test_add_func ("/mbtiles/source-undecodable-tile", test_source_undecodable_tile);

  return g_test_run ();
}
