/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cr-mbtiles"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <sqlite3.h>
#include <string.h>

#include "cr-mbtiles.h"

/**
 * CrMbtiles:
 *
 * An MBTiles file (https://github.com/mapbox/mbtiles-spec), read-only:
 * its metadata and its raster tiles.
 *
 * This is not the store: an MBTiles file is an input format, like
 * GeoJSON, so its SQL lives here.
 *
 * Thread-safe: tiles are read from GTask threads while the main thread
 * may ask for the metadata, which does not change after opening.
 */
struct _CrMbtiles
{
  GObject parent_instance;

  char *path;
  char *name;
  char *attribution;
  CrMbtilesFormat format;
  CrBBox bounds;
  guint min_zoom;
  guint max_zoom;

  GMutex lock; /* guards db and tile_stmt */
  sqlite3 *db;
  sqlite3_stmt *tile_stmt;
};

G_DEFINE_FINAL_TYPE (CrMbtiles, cr_mbtiles, G_TYPE_OBJECT)

G_DEFINE_QUARK (cr-mbtiles-error-quark, cr_mbtiles_error)

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

/* Web Mercator stops here; tiles beyond do not exist. */
#define MAX_LATITUDE 85.05112878
/* ShumateMapSource's zoom range. */
#define MAX_ZOOM 30

static const guint8 png_signature[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
static const guint8 jpeg_signature[] = { 0xff, 0xd8, 0xff };

static void
set_sqlite_error (CrMbtiles  *self,
                  int         rc,
                  GError    **error)
{
  g_autofree char *display = g_filename_display_basename (self->path);
  const char *detail = self->db != NULL ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc);

  switch (rc & 0xff)
    {
    case SQLITE_NOTADB:
      g_set_error (error, CR_MBTILES_ERROR, CR_MBTILES_ERROR_NOT_MBTILES,
                   _("“%s” is not an MBTiles file: it is not an SQLite database. "
                     "Choose a file exported in the MBTiles format."),
                   display);
      break;
    case SQLITE_CORRUPT:
      g_set_error (error, CR_MBTILES_ERROR, CR_MBTILES_ERROR_CORRUPT,
                   _("The offline map “%s” is damaged (%s). Copy it again from its source, "
                     "or choose another file."),
                   display, detail);
      break;
    default:
      g_set_error (error, CR_MBTILES_ERROR, CR_MBTILES_ERROR_NOT_FOUND,
                   _("The offline map “%s” cannot be read (%s). Check that the file is "
                     "readable, or choose another one."),
                   display, detail);
      break;
    }
}

/* PNG and JPEG are what the raster renderer decodes; anything else
 * (vector tiles, WebP) is UNKNOWN. */
CrMbtilesFormat
cr_mbtiles_sniff_format (GBytes *bytes)
{
  gsize size;
  const guint8 *data;

  if (bytes == NULL)
    return CR_MBTILES_FORMAT_UNKNOWN;
  data = g_bytes_get_data (bytes, &size);
  if (size >= sizeof png_signature && memcmp (data, png_signature, sizeof png_signature) == 0)
    return CR_MBTILES_FORMAT_PNG;
  if (size >= sizeof jpeg_signature && memcmp (data, jpeg_signature, sizeof jpeg_signature) == 0)
    return CR_MBTILES_FORMAT_JPEG;
  return CR_MBTILES_FORMAT_UNKNOWN;
}

static gboolean
parse_zoom (const char *text,
            guint      *zoom)
{
  guint64 value;

  if (text == NULL || !g_ascii_string_to_unsigned (text, 10, 0, MAX_ZOOM, &value, NULL))
    return FALSE;
  *zoom = (guint) value;
  return TRUE;
}

/* "left,bottom,right,top" in degrees; FALSE leaves @bounds alone. */
static gboolean
parse_bounds (const char *text,
              CrBBox     *bounds)
{
  g_auto(GStrv) parts = NULL;
  double v[4];

  if (text == NULL)
    return FALSE;
  parts = g_strsplit (text, ",", -1);
  if (g_strv_length (parts) != 4)
    return FALSE;
  for (guint i = 0; i < 4; i++)
    {
      char *end = NULL;

      g_strstrip (parts[i]);
      v[i] = g_ascii_strtod (parts[i], &end);
      if (end == parts[i] || *end != '\0' || !isfinite (v[i]))
        return FALSE;
    }
  if (v[0] >= v[2] || v[1] >= v[3] || v[0] < -180 || v[2] > 180 || v[1] < -90 || v[3] > 90)
    return FALSE;
  bounds->min_x = v[0];
  bounds->min_y = MAX (v[1], -MAX_LATITUDE);
  bounds->max_x = v[2];
  bounds->max_y = MIN (v[3], MAX_LATITUDE);
  return TRUE;
}

/* Attributions are often HTML links; the map's licence label shows plain
 * text, so keep the words and drop the markup. */
static char *
attribution_to_text (const char *html)
{
  static const struct { const char *entity; const char *text; } entities[] = {
    { "&amp;", "&" }, { "&lt;", "<" }, { "&gt;", ">" }, { "&quot;", "\"" },
    { "&#39;", "'" }, { "&apos;", "'" }, { "&copy;", "©" }, { "&#169;", "©" },
    { "&nbsp;", " " },
  };
  GString *text = g_string_new (NULL);
  gboolean in_tag = FALSE;

  for (const char *p = html; *p != '\0'; p++)
    {
      if (in_tag)
        in_tag = *p != '>';
      else if (*p == '<')
        in_tag = TRUE;
      else if (*p == '&')
        {
          gboolean replaced = FALSE;

          for (guint i = 0; i < G_N_ELEMENTS (entities) && !replaced; i++)
            if (g_str_has_prefix (p, entities[i].entity))
              {
                g_string_append (text, entities[i].text);
                p += strlen (entities[i].entity) - 1;
                replaced = TRUE;
              }
          if (!replaced)
            g_string_append_c (text, *p);
        }
      else
        g_string_append_c (text, *p);
    }
  g_strstrip (text->str);
  text->len = strlen (text->str);
  return g_string_free (text, text->len == 0);
}

static gboolean
check_tiles_table (CrMbtiles  *self,
                   GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *display = g_filename_display_basename (self->path);
  int rc;

  /* The first read: this is where SQLite notices a file that is not a
   * database, or a damaged header. */
  rc = sqlite3_prepare_v2 (self->db,
                           "SELECT 1 FROM sqlite_master WHERE name = 'tiles' "
                           "AND type IN ('table', 'view')",
                           -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, CR_MBTILES_ERROR, CR_MBTILES_ERROR_NOT_MBTILES,
                   _("“%s” is not an MBTiles file: it has no tiles table. "
                     "Choose a file exported in the MBTiles format."),
                   display);
      return FALSE;
    }
  if (rc != SQLITE_ROW)
    {
      set_sqlite_error (self, rc, error);
      return FALSE;
    }

  rc = sqlite3_prepare_v2 (self->db,
                           "SELECT tile_data FROM tiles "
                           "WHERE zoom_level = ?1 AND tile_column = ?2 AND tile_row = ?3",
                           -1, &self->tile_stmt, NULL);
  if (rc == SQLITE_ERROR)
    {
      g_set_error (error, CR_MBTILES_ERROR, CR_MBTILES_ERROR_NOT_MBTILES,
                   _("“%s” is not an MBTiles file: its tiles table lacks the MBTiles columns "
                     "(%s). Choose a file exported in the MBTiles format."),
                   display, sqlite3_errmsg (self->db));
      return FALSE;
    }
  if (rc != SQLITE_OK)
    {
      set_sqlite_error (self, rc, error);
      return FALSE;
    }
  return TRUE;
}

/* Reads the metadata table; a file without one is still usable. */
static gboolean
read_metadata (CrMbtiles   *self,
               GHashTable  *metadata,
               GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (self->db, "SELECT name, value FROM metadata", -1, &stmt, NULL);
  if (rc == SQLITE_ERROR)
    return TRUE; /* no metadata table */
  if (rc != SQLITE_OK)
    {
      set_sqlite_error (self, rc, error);
      return FALSE;
    }
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *name = (const char *) sqlite3_column_text (stmt, 0);
      const char *value = (const char *) sqlite3_column_text (stmt, 1);

      if (name != NULL && value != NULL)
        g_hash_table_replace (metadata, g_ascii_strdown (name, -1), g_strstrip (g_strdup (value)));
    }
  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (self, rc, error);
      return FALSE;
    }
  return TRUE;
}

static gboolean
set_format (CrMbtiles   *self,
            const char  *format,
            GError     **error)
{
  g_autofree char *display = g_filename_display_basename (self->path);

  if (format == NULL)
    {
      g_autoptr(sqlite3_stmt) stmt = NULL;
      g_autoptr(GBytes) first = NULL;
      int rc;

      /* Many files omit the format: look at a tile. */
      rc = sqlite3_prepare_v2 (self->db, "SELECT tile_data FROM tiles LIMIT 1", -1, &stmt, NULL);
      if (rc == SQLITE_OK)
        rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        first = g_bytes_new (sqlite3_column_blob (stmt, 0), sqlite3_column_bytes (stmt, 0));
      else if (rc != SQLITE_DONE)
        {
          set_sqlite_error (self, rc, error);
          return FALSE;
        }
      self->format = cr_mbtiles_sniff_format (first);
      if (first == NULL)
        {
          g_set_error (error, CR_MBTILES_ERROR, CR_MBTILES_ERROR_EMPTY,
                       _("The offline map “%s” has no tiles. Choose another file."), display);
          return FALSE;
        }
    }
  else if (g_ascii_strcasecmp (format, "png") == 0)
    self->format = CR_MBTILES_FORMAT_PNG;
  else if (g_ascii_strcasecmp (format, "jpg") == 0 || g_ascii_strcasecmp (format, "jpeg") == 0)
    self->format = CR_MBTILES_FORMAT_JPEG;

  if (self->format == CR_MBTILES_FORMAT_UNKNOWN)
    {
      g_set_error (error, CR_MBTILES_ERROR, CR_MBTILES_ERROR_UNSUPPORTED,
                   /* Translators: the second %s is a tile format, e.g. "pbf" or "webp". */
                   _("The offline map “%s” holds %s tiles, but only PNG and JPEG tiles can be "
                     "shown. Choose an MBTiles file of raster tiles."),
                   display, format != NULL ? format : _("unknown"));
      return FALSE;
    }
  return TRUE;
}

/* The zoom range the metadata gives, or else the one the tiles have. */
static gboolean
set_zoom_range (CrMbtiles   *self,
                GHashTable  *metadata,
                GError     **error)
{
  gboolean have_min = parse_zoom (g_hash_table_lookup (metadata, "minzoom"), &self->min_zoom);
  gboolean have_max = parse_zoom (g_hash_table_lookup (metadata, "maxzoom"), &self->max_zoom);

  if (!have_min || !have_max)
    {
      g_autoptr(sqlite3_stmt) stmt = NULL;
      int rc;

      rc = sqlite3_prepare_v2 (self->db, "SELECT MIN(zoom_level), MAX(zoom_level) FROM tiles",
                               -1, &stmt, NULL);
      if (rc == SQLITE_OK)
        rc = sqlite3_step (stmt);
      if (rc != SQLITE_ROW)
        {
          set_sqlite_error (self, rc, error);
          return FALSE;
        }
      if (sqlite3_column_type (stmt, 0) == SQLITE_NULL)
        {
          g_autofree char *display = g_filename_display_basename (self->path);

          g_set_error (error, CR_MBTILES_ERROR, CR_MBTILES_ERROR_EMPTY,
                       _("The offline map “%s” has no tiles. Choose another file."), display);
          return FALSE;
        }
      if (!have_min)
        self->min_zoom = CLAMP (sqlite3_column_int (stmt, 0), 0, MAX_ZOOM);
      if (!have_max)
        self->max_zoom = CLAMP (sqlite3_column_int (stmt, 1), 0, MAX_ZOOM);
    }
  if (self->min_zoom > self->max_zoom)
    {
      guint swap = self->min_zoom;

      self->min_zoom = self->max_zoom;
      self->max_zoom = swap;
    }
  return TRUE;
}

static void
cr_mbtiles_finalize (GObject *object)
{
  CrMbtiles *self = CR_MBTILES (object);

  g_clear_pointer (&self->tile_stmt, sqlite3_finalize);
  g_clear_pointer (&self->db, sqlite3_close);
  g_mutex_clear (&self->lock);
  g_free (self->path);
  g_free (self->name);
  g_free (self->attribution);

  G_OBJECT_CLASS (cr_mbtiles_parent_class)->finalize (object);
}

static void
cr_mbtiles_class_init (CrMbtilesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cr_mbtiles_finalize;
}

static void
cr_mbtiles_init (CrMbtiles *self)
{
  g_mutex_init (&self->lock);
  self->bounds.min_x = -180;
  self->bounds.min_y = -MAX_LATITUDE;
  self->bounds.max_x = 180;
  self->bounds.max_y = MAX_LATITUDE;
}

/**
 * cr_mbtiles_open:
 * @path: the file
 *
 * Opens an MBTiles file read-only and reads its metadata. Fails with a
 * %CR_MBTILES_ERROR naming the file when it is missing, not an MBTiles
 * file, damaged or made of tiles the map cannot show.
 *
 * Returns: (transfer full) (nullable): the file
 */
CrMbtiles *
cr_mbtiles_open (const char  *path,
                 GError     **error)
{
  g_autoptr(CrMbtiles) self = NULL;
  g_autoptr(GHashTable) metadata = NULL;
  const char *name, *attribution;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (CR_TYPE_MBTILES, NULL);
  self->path = g_strdup (path);

  /* SQLite would create a missing file, or open a directory and fail
   * with a message about databases: say what is wrong instead. */
  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_autofree char *display = g_filename_display_name (path);

      g_set_error (error, CR_MBTILES_ERROR, CR_MBTILES_ERROR_NOT_FOUND,
                   _("The offline map “%s” does not exist. Check the path, or choose another "
                     "file in Preferences."),
                   display);
      return NULL;
    }

  /* NOMUTEX: self->lock serialises the connection. */
  rc = sqlite3_open_v2 (path, &self->db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, NULL);
  if (rc != SQLITE_OK)
    {
      set_sqlite_error (self, rc, error);
      return NULL;
    }
  sqlite3_extended_result_codes (self->db, TRUE);

  metadata = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  if (!check_tiles_table (self, error) ||
      !read_metadata (self, metadata, error) ||
      !set_format (self, g_hash_table_lookup (metadata, "format"), error) ||
      !set_zoom_range (self, metadata, error))
    return NULL;

  parse_bounds (g_hash_table_lookup (metadata, "bounds"), &self->bounds);
  name = g_hash_table_lookup (metadata, "name");
  if (name != NULL && *name != '\0')
    self->name = g_strdup (name);
  else
    self->name = g_filename_display_basename (path);
  attribution = g_hash_table_lookup (metadata, "attribution");
  if (attribution != NULL)
    self->attribution = attribution_to_text (attribution);

  return g_steal_pointer (&self);
}

const char *
cr_mbtiles_get_path (CrMbtiles *self)
{
  g_return_val_if_fail (CR_IS_MBTILES (self), NULL);

  return self->path;
}

/* The metadata's name, or the file's name. */
const char *
cr_mbtiles_get_name (CrMbtiles *self)
{
  g_return_val_if_fail (CR_IS_MBTILES (self), NULL);

  return self->name;
}

/* Plain text (any HTML removed), or %NULL. */
const char *
cr_mbtiles_get_attribution (CrMbtiles *self)
{
  g_return_val_if_fail (CR_IS_MBTILES (self), NULL);

  return self->attribution;
}

CrMbtilesFormat
cr_mbtiles_get_format (CrMbtiles *self)
{
  g_return_val_if_fail (CR_IS_MBTILES (self), CR_MBTILES_FORMAT_UNKNOWN);

  return self->format;
}

/* Longitudes and latitudes in degrees; the whole world when the file
 * does not say. */
void
cr_mbtiles_get_bounds (CrMbtiles *self,
                       CrBBox    *bounds)
{
  g_return_if_fail (CR_IS_MBTILES (self));
  g_return_if_fail (bounds != NULL);

  *bounds = self->bounds;
}

guint
cr_mbtiles_get_min_zoom (CrMbtiles *self)
{
  g_return_val_if_fail (CR_IS_MBTILES (self), 0);

  return self->min_zoom;
}

guint
cr_mbtiles_get_max_zoom (CrMbtiles *self)
{
  g_return_val_if_fail (CR_IS_MBTILES (self), 0);

  return self->max_zoom;
}

static double
tile_latitude (int    y,
               double n)
{
  return atan (sinh (G_PI * (1 - 2 * y / n))) * 180 / G_PI;
}

/**
 * cr_mbtiles_covers:
 * @zoom: the zoom level
 * @x: the XYZ column (0 on the west)
 * @y: the XYZ row (0 on the north, as libshumate counts)
 *
 * Whether the file may hold that tile: the zoom in its range and the tile
 * touching its bounds. Answers without reading the file.
 */
gboolean
cr_mbtiles_covers (CrMbtiles *self,
                   int        zoom,
                   int        x,
                   int        y)
{
  double n, west, east, north, south;

  g_return_val_if_fail (CR_IS_MBTILES (self), FALSE);

  if (zoom < (int) self->min_zoom || zoom > (int) self->max_zoom)
    return FALSE;
  n = (double) (1 << zoom);
  if (x < 0 || y < 0 || x >= n || y >= n)
    return FALSE;
  west = x / n * 360 - 180;
  east = (x + 1) / n * 360 - 180;
  north = tile_latitude (y, n);
  south = tile_latitude (y + 1, n);
  return east > self->bounds.min_x && west < self->bounds.max_x &&
         north > self->bounds.min_y && south < self->bounds.max_y;
}

/**
 * cr_mbtiles_get_tile:
 * @zoom: the zoom level
 * @x: the XYZ column
 * @y: the XYZ row (north is 0); MBTiles stores TMS rows (south is 0), the
 *   flip is done here
 * @error: set only when the file cannot be read
 *
 * Reads one tile. May be called from any thread.
 *
 * Returns: (transfer full) (nullable): the tile's image, or %NULL without
 *   an error when the file has no such tile
 */
GBytes *
cr_mbtiles_get_tile (CrMbtiles  *self,
                     int         zoom,
                     int         x,
                     int         y,
                     GError    **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  GBytes *bytes = NULL;
  int rc;

  g_return_val_if_fail (CR_IS_MBTILES (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!cr_mbtiles_covers (self, zoom, x, y))
    return NULL;

  locker = g_mutex_locker_new (&self->lock);
  sqlite3_bind_int (self->tile_stmt, 1, zoom);
  sqlite3_bind_int (self->tile_stmt, 2, x);
  sqlite3_bind_int (self->tile_stmt, 3, (1 << zoom) - 1 - y);
  rc = sqlite3_step (self->tile_stmt);
  if (rc == SQLITE_ROW && sqlite3_column_bytes (self->tile_stmt, 0) > 0)
    bytes = g_bytes_new (sqlite3_column_blob (self->tile_stmt, 0),
                         sqlite3_column_bytes (self->tile_stmt, 0));
  else if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    set_sqlite_error (self, rc, error);
  sqlite3_reset (self->tile_stmt);
  sqlite3_clear_bindings (self->tile_stmt);
  return bytes;
}
