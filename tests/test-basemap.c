/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <gtk/gtk.h>

#include "cr-application.h"
#include "cr-basemap.h"
#include "cr-mbtiles-source.h"
#include "cr-preferences-window.h"
#include "cr-test-mbtiles.h"
#include "cr-test-widgets.h"
#include "cr-tile-downloader.h"
#include "cr-window.h"

/* The window's basemap as the settings and the command line choose it.
 * Runs in its own X server (tests/xvfb-run-test). Nothing here goes to
 * the network: online sources are set offline before their first
 * download, and a custom URL points at a .invalid host. */

#define USER_AGENT "CrisisRoom/" PACKAGE_VERSION " (+https://github.com/crisisroom/crisis-room)"

typedef struct Fixture Fixture;
struct Fixture
{
  CrApplication *app;
  CrWindow *window;
  const char *basemap;
  const char *mbtiles;
  const char *url;
  const char *override;
  gboolean demo;
  void (*body) (Fixture *f);
};

static char *brussels_path;

/* Brussels at zooms 10 to 14, made once for all the tests. */
static const char *
brussels (void)
{
  if (brussels_path == NULL)
    {
      brussels_path = cr_test_tmp_path ("brussels.mbtiles");
      cr_test_mbtiles_brussels (brussels_path, 10, 14, TRUE);
    }
  return brussels_path;
}

static CrBasemap *
basemap (Fixture *f)
{
  return cr_window_get_basemap (f->window);
}

static ShumateViewport *
viewport (Fixture *f)
{
  return shumate_map_get_viewport (cr_window_get_map (f->window));
}

static guint
count_map_layers (Fixture *f)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (cr_window_get_map (f->window)));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    if (SHUMATE_IS_MAP_LAYER (child))
      n++;
  return n;
}

static ShumateDataSource *
data_source_of (ShumateMapSource *source)
{
  ShumateDataSource *data_source = NULL;

  g_assert_true (SHUMATE_IS_RASTER_RENDERER (source));
  g_object_get (source, "data-source", &data_source, NULL);
  g_object_unref (data_source); /* the renderer keeps it */
  return data_source;
}

static void
assert_no_basemap (Fixture *f)
{
  ShumateMap *map = cr_window_get_map (f->window);

  g_assert_cmpint (cr_basemap_get_kind (basemap (f)), ==, CR_BASEMAP_NONE);
  g_assert_null (cr_basemap_get_layer (basemap (f)));
  g_assert_null (cr_basemap_get_source (basemap (f)));
  g_assert_cmpuint (count_map_layers (f), ==, 0);
  /* The hidden reference source gives the projection and zoom range. */
  g_assert_nonnull (shumate_viewport_get_reference_map_source (viewport (f)));
  g_assert_cmpuint (shumate_viewport_get_max_zoom_level (viewport (f)), ==, 19);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (map), "cr-no-basemap"));
}

/* The offline file is shown at the bottom of the map, under the
 * features, and the viewport takes its zoom range. */
static void
assert_brussels_shown (Fixture *f)
{
  ShumateMap *map = cr_window_get_map (f->window);
  ShumateMapLayer *layer = cr_basemap_get_layer (basemap (f));
  ShumateMapSource *source = cr_basemap_get_source (basemap (f));
  ShumateMapSource *layer_source = NULL;
  ShumateDataSource *data_source;

  g_assert_cmpint (cr_basemap_get_kind (basemap (f)), ==, CR_BASEMAP_MBTILES);
  g_assert_null (cr_basemap_get_error (basemap (f)));
  g_assert_nonnull (layer);
  g_assert_cmpuint (count_map_layers (f), ==, 1);
  g_assert_true (gtk_widget_get_first_child (GTK_WIDGET (map)) == GTK_WIDGET (layer));
  g_assert_true (gtk_widget_get_parent (GTK_WIDGET (cr_window_get_feature_layer (f->window))) ==
                 GTK_WIDGET (map));
  g_object_get (layer, "map-source", &layer_source, NULL);
  g_assert_true (layer_source == source);
  g_object_unref (layer_source);
  data_source = data_source_of (source);
  g_assert_true (CR_IS_MBTILES_SOURCE (data_source));
  g_assert_cmpstr (cr_mbtiles_get_path (cr_mbtiles_source_get_mbtiles (CR_MBTILES_SOURCE (data_source))),
                   ==, brussels ());
  g_assert_cmpstr (shumate_map_source_get_license (source), ==, "© Test tiles");
  g_assert_true (shumate_viewport_get_reference_map_source (viewport (f)) == source);
  g_assert_cmpuint (shumate_viewport_get_max_zoom_level (viewport (f)), ==, 14);
  g_assert_cmpuint (shumate_viewport_get_min_zoom_level (viewport (f)), ==, 10);
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (map), "cr-no-basemap"));
}

static void
startup_cb (CrApplication *app,
            gpointer       data)
{
  Fixture *f = data;
  GSettings *settings = cr_application_get_settings (app);

  f->app = app;
  /* The memory backend lives as long as the process: start clean. */
  g_settings_reset (settings, "basemap");
  g_settings_reset (settings, "basemap-url");
  g_settings_reset (settings, "basemap-mbtiles");
  g_settings_reset (settings, "last-event");
  if (f->basemap != NULL)
    g_settings_set_string (settings, "basemap", f->basemap);
  if (f->mbtiles != NULL)
    g_settings_set_string (settings, "basemap-mbtiles", f->mbtiles);
  if (f->url != NULL)
    g_settings_set_string (settings, "basemap-url", f->url);
}

static void
activate_cb (CrApplication *app,
             GtkWindow     *window,
             gpointer       data)
{
  Fixture *f = data;

  f->window = CR_WINDOW (window);
  f->body (f);
}

static void
run_in_application (Fixture *f)
{
  g_autofree char *path = cr_test_tmp_path ("basemap.gpkg");
  g_autofree char *override = g_strdup (f->override);
  CrOptions options = { 0 };

  options.database = path;
  options.demo = f->demo;
  options.basemap_mbtiles = override;
  cr_test_run_application (&options, startup_cb, activate_cb, f);
  f->app = NULL;
}

/* none */

static void
none_body (Fixture *f)
{
  assert_no_basemap (f);
  g_assert_null (cr_basemap_get_error (basemap (f)));
}

static void
test_none (void)
{
  Fixture f = { .basemap = "none", .body = none_body };

  run_in_application (&f);
}

/* mbtiles */

/* Renders the map as the screen shows it and counts the pixels of the
 * test tiles' two background shades (see cr_test_mbtiles_brussels()). */
static gboolean
tiles_on_screen (gpointer data)
{
  Fixture *f = data;

  GtkWidget *map = GTK_WIDGET (cr_window_get_map (f->window));
  int width = gtk_widget_get_width (map);
  int height = gtk_widget_get_height (map);
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree guchar *pixels = NULL;
  guint n_tile_pixels = 0;

  if (width <= 0 || height <= 0)
    return FALSE;
  paintable = gtk_widget_paintable_new (map);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  if (node == NULL)
    return FALSE;
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (f->window)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  pixels = g_malloc (4 * width * height);
  gdk_texture_download (texture, pixels, 4 * width);
  for (int i = 0; i < width * height; i++)
    {
      /* gdk_texture_download()'s format: blue, green, red, alpha. */
      guchar b = pixels[4 * i], g = pixels[4 * i + 1];

      if ((b == 0xf2 && g == 0xee) || (b == 0xe0 && g == 0xd8))
        n_tile_pixels++;
    }
  return n_tile_pixels > (guint) (width * height / 10);
}

static void
mbtiles_body (Fixture *f)
{
  assert_brussels_shown (f);
  /* The demo event is in Brussels: the map is fitted on it, and the
   * file's tiles reach the screen (received-data on libshumate 1.0.x). */
  g_assert_true (cr_test_wait_until (tiles_on_screen, f, 20));
}

static void
test_mbtiles (void)
{
  Fixture f = { .basemap = "mbtiles", .mbtiles = brussels (), .demo = TRUE, .body = mbtiles_body };

  run_in_application (&f);
}

/* A corrupt file: no basemap, and the toast says why. */

static char *corrupt_path;

static void
corrupt_body (Fixture *f)
{
  const char *error = cr_basemap_get_error (basemap (f));

  assert_no_basemap (f);
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error, "broken.mbtiles"));
  g_assert_nonnull (cr_test_find_label (GTK_WIDGET (f->window), error));
}

static void
test_mbtiles_corrupt (void)
{
  Fixture f = { .basemap = "mbtiles", .body = corrupt_body };

  corrupt_path = cr_test_tmp_path ("broken.mbtiles");
  g_assert_true (g_file_set_contents (corrupt_path, "Not a database. Not a database. "
                                      "Not a database. Not a database. Not a database. "
                                      "Not a database. Not a database.", -1, NULL));
  f.mbtiles = corrupt_path;
  run_in_application (&f);
  g_clear_pointer (&corrupt_path, g_free);
}

/* OpenStreetMap: the right source, our User-Agent, our cache; set
 * offline before any download, so failures are quiet (a warning would
 * abort the test). */

static void
osm_body (Fixture *f)
{
  ShumateMapSource *source = cr_basemap_get_source (basemap (f));
  CrTileDownloader *downloader;
  g_autofree char *cache_dir = g_build_filename (g_get_user_cache_dir (), "crisis-room", "tiles",
                                                 NULL);

  g_assert_cmpint (cr_basemap_get_kind (basemap (f)), ==, CR_BASEMAP_OSM);
  g_assert_nonnull (cr_basemap_get_layer (basemap (f)));
  downloader = CR_TILE_DOWNLOADER (data_source_of (source));
  cr_tile_downloader_set_offline (downloader, TRUE);

  g_assert_cmpstr (shumate_get_user_agent (), ==, USER_AGENT);
  g_assert_cmpstr (cr_tile_downloader_get_user_agent (downloader), ==, USER_AGENT);
  g_assert_cmpstr (cr_tile_downloader_get_url_template (downloader), ==, CR_BASEMAP_OSM_URL);
  g_assert_cmpstr (cr_tile_downloader_get_cache_dir (downloader), ==, cache_dir);
  g_assert_cmpstr (shumate_map_source_get_license (source), ==, "© OpenStreetMap contributors");
  g_assert_cmpstr (shumate_map_source_get_license_uri (source), ==,
                   "https://www.openstreetmap.org/copyright");
  g_assert_cmpuint (shumate_map_source_get_max_zoom_level (source), ==, 19);
  g_assert_cmpuint (shumate_viewport_get_max_zoom_level (viewport (f)), ==, 19);

  /* The tiles fail without network; nothing complains. */
  cr_test_spin (300);
  g_assert_null (cr_basemap_get_error (basemap (f)));
  g_assert_true (cr_basemap_get_layer (basemap (f)) != NULL);
}

static void
test_osm (void)
{
  Fixture f = { .basemap = "osm", .demo = TRUE, .body = osm_body };

  run_in_application (&f);
}

/* Preferences change the open window at once. */

static gboolean
has_layer (gpointer data)
{
  Fixture *f = data;

  return cr_basemap_get_layer (basemap (f)) != NULL;
}

static gboolean
has_no_layer (gpointer data)
{
  Fixture *f = data;

  return cr_basemap_get_layer (basemap (f)) == NULL;
}

static gboolean
has_error (gpointer data)
{
  Fixture *f = data;

  return cr_basemap_get_error (basemap (f)) != NULL;
}

static gboolean
is_custom (gpointer data)
{
  Fixture *f = data;

  return cr_basemap_get_kind (basemap (f)) == CR_BASEMAP_CUSTOM;
}

static void
switch_body (Fixture *f)
{
  GSettings *settings = cr_application_get_settings (f->app);
  CrTileDownloader *downloader;

  assert_no_basemap (f);

  g_settings_set_string (settings, "basemap-mbtiles", brussels ());
  g_settings_set_string (settings, "basemap", "mbtiles");
  g_assert_true (cr_test_wait_until (has_layer, f, 20));
  assert_brussels_shown (f);

  g_settings_set_string (settings, "basemap", "none");
  g_assert_true (cr_test_wait_until (has_no_layer, f, 20));
  assert_no_basemap (f);
  g_assert_null (cr_basemap_get_error (basemap (f)));

  /* Custom without a URL yet: no basemap, no complaint. */
  g_settings_set_string (settings, "basemap", "custom");
  cr_test_spin (10);
  assert_no_basemap (f);
  g_assert_null (cr_basemap_get_error (basemap (f)));

  g_settings_set_string (settings, "basemap-url", "ftp://tiles.invalid/{z}/{x}/{y}.png");
  g_assert_true (cr_test_wait_until (has_error, f, 20));
  assert_no_basemap (f);
  g_assert_nonnull (cr_test_find_label (GTK_WIDGET (f->window), cr_basemap_get_error (basemap (f))));

  g_settings_set_string (settings, "basemap-url", "https://tiles.invalid/base/{z}/{x}/{y}.png");
  g_assert_true (cr_test_wait_until (is_custom, f, 20));
  downloader = CR_TILE_DOWNLOADER (data_source_of (cr_basemap_get_source (basemap (f))));
  cr_tile_downloader_set_offline (downloader, TRUE);
  g_assert_null (cr_basemap_get_error (basemap (f)));
  g_assert_cmpuint (count_map_layers (f), ==, 1);
  g_assert_cmpstr (cr_tile_downloader_get_url_template (downloader), ==,
                   "https://tiles.invalid/base/{z}/{x}/{y}.png");
  g_assert_cmpstr (shumate_map_source_get_license (cr_basemap_get_source (basemap (f))), ==,
                   "Tiles: tiles.invalid");
  cr_test_spin (100);

  g_settings_set_string (settings, "basemap", "none");
  g_assert_true (cr_test_wait_until (has_no_layer, f, 20));
  assert_no_basemap (f);
}

static void
test_switch_at_runtime (void)
{
  Fixture f = { .basemap = "none", .demo = TRUE, .body = switch_body };

  run_in_application (&f);
}

/* --basemap-mbtiles */

static void
override_missing_body (Fixture *f)
{
  const char *error = cr_basemap_get_error (basemap (f));

  assert_no_basemap (f);
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error, "offline.mbtiles"));
}

static void
test_override_missing (void)
{
  g_autofree char *missing = g_build_filename (cr_test_tmpdir (), "nowhere", "offline.mbtiles",
                                               NULL);
  Fixture f = { .basemap = "osm", .override = missing, .body = override_missing_body };

  run_in_application (&f);
}

static void
override_body (Fixture *f)
{
  GSettings *settings = cr_application_get_settings (f->app);
  g_autofree char *saved = g_settings_get_string (settings, "basemap-mbtiles");

  /* Shown for this run, over the settings, which keep their value. */
  assert_brussels_shown (f);
  g_assert_cmpstr (saved, ==, "");

  /* A choice made in Preferences wins (custom, without a URL yet: none). */
  g_settings_set_string (settings, "basemap", "custom");
  g_assert_true (cr_test_wait_until (has_no_layer, f, 20));
  assert_no_basemap (f);
}

static void
test_override (void)
{
  Fixture f = { .override = brussels (), .body = override_body };

  run_in_application (&f);
}

static void
test_option_parsing (void)
{
  const char *window_args[] = { "crisis-room", "--basemap-mbtiles", "offline.mbtiles", NULL };
  const char *headless_args[] = { "crisis-room", "--basemap-mbtiles", "offline.mbtiles",
                                  "--list-events", NULL };
  g_auto(CrOptions) options = { 0 };
  g_auto(CrOptions) headless = { 0 };
  g_autoptr(GError) error = NULL;
  /* GOption takes what it parses out of the array: give it copies. */
  g_autofree char **args = g_memdup2 (window_args, sizeof window_args);
  g_autofree char **args2 = g_memdup2 (headless_args, sizeof headless_args);
  int argc = G_N_ELEMENTS (window_args) - 1;
  int argc2 = G_N_ELEMENTS (headless_args) - 1;

  g_assert_true (cr_options_parse (&options, &argc, &args, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (options.basemap_mbtiles, ==, "offline.mbtiles");
  g_assert_false (cr_options_headless (&options));

  /* It only means something to the window. */
  g_assert_false (cr_options_parse (&headless, &argc2, &args2, &error));
  g_assert_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED);
}

/* PNG and JPEG tiles through libshumate's raster renderer. */

typedef struct
{
  gboolean done;
  gboolean success;
} Fill;

static void
fill_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  Fill *fill = user_data;
  g_autoptr(GError) error = NULL;

  fill->success = shumate_map_source_fill_tile_finish (SHUMATE_MAP_SOURCE (object), result, &error);
  g_assert_no_error (error);
  fill->done = TRUE;
}

static void
assert_tile_painted (ShumateMapSource *source,
                     int               zoom,
                     int               x,
                     int               y,
                     int               width)
{
  ShumateTile *tile = shumate_tile_new_full (x, y, 256, zoom);
  Fill fill = { 0 };

  shumate_map_source_fill_tile_async (source, tile, NULL, fill_cb, &fill);
  while (!fill.done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (fill.success);
  g_assert_nonnull (shumate_tile_get_paintable (tile));
  g_assert_cmpint (gdk_paintable_get_intrinsic_width (shumate_tile_get_paintable (tile)), ==, width);
  g_object_unref (tile);
}

static void
test_renderer_formats (void)
{
  g_autofree char *path = cr_test_tmp_path ("formats.mbtiles");
  sqlite3 *db = cr_test_mbtiles_create (path, TRUE);
  g_autoptr(GBytes) png = cr_test_tile_png (0x336699, "png");
  g_autoptr(GBytes) jpeg = cr_test_tile_jpeg (0x996633);
  g_autoptr(GError) error = NULL;
  g_autoptr(ShumateMapSource) source = NULL;

  cr_test_mbtiles_set_metadata (db, "name", "Formats");
  cr_test_mbtiles_set_metadata (db, "format", "png");
  cr_test_mbtiles_set_metadata (db, "minzoom", "1");
  cr_test_mbtiles_set_metadata (db, "maxzoom", "1");
  cr_test_mbtiles_put_tile (db, 1, 0, 1, png);  /* XYZ 1/0/0 */
  cr_test_mbtiles_put_tile (db, 1, 1, 1, jpeg); /* XYZ 1/1/0 */
  cr_test_mbtiles_close (db);

  source = cr_basemap_new_source (CR_BASEMAP_MBTILES, path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (shumate_map_source_get_name (source), ==, "Formats");
  g_assert_cmpuint (shumate_map_source_get_min_zoom_level (source), ==, 1);
  g_assert_cmpuint (shumate_map_source_get_max_zoom_level (source), ==, 1);
  g_assert_cmpuint (shumate_map_source_get_tile_size (source), ==, 256);

  assert_tile_painted (source, 1, 0, 0, 256);
  assert_tile_painted (source, 1, 1, 0, 256);
  /* Where the file has nothing: a transparent tile, painted all the same. */
  assert_tile_painted (source, 1, 0, 1, 1);
  assert_tile_painted (source, 0, 0, 0, 1);
}

static void
test_check_url (void)
{
  const char *good[] = {
    "https://tile.openstreetmap.org/{z}/{x}/{y}.png",
    "http://tiles.example.org/base/{z}/{y}/{x}.jpg?key=abc",
  };
  const char *bad[] = {
    "", "tiles.example.org/{z}/{x}/{y}.png", "ftp://tiles.example.org/{z}/{x}/{y}.png",
    "https://tiles.example.org/{z}/{x}.png", "https://tiles.example.org/{z}/{x}/{y}/{s}.png",
    "https:///{z}/{x}/{y}.png", "file:///tiles/{z}/{x}/{y}.png",
  };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_true (cr_basemap_check_url (good[i], &error));
      g_assert_no_error (error);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (cr_basemap_check_url (bad[i], &error));
      g_assert_error (error, CR_BASEMAP_ERROR, CR_BASEMAP_ERROR_INVALID_URL);
    }
}

/* Preferences: the settings, and what they do to the window. */

static CrPreferencesWindow *
find_preferences (Fixture *f)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (f->app)); l != NULL; l = l->next)
    if (CR_IS_PREFERENCES_WINDOW (l->data))
      return l->data;
  return NULL;
}

static void
preferences_body (Fixture *f)
{
  GSettings *settings = cr_application_get_settings (f->app);
  g_autofree char *text = cr_test_tmp_path ("notes.mbtiles");
  g_autofree char *saved = NULL;
  CrPreferencesWindow *preferences;
  AdwComboRow *combo;
  GtkWidget *url_row;

  g_action_group_activate_action (G_ACTION_GROUP (f->app), "preferences", NULL);
  preferences = find_preferences (f);
  g_assert_nonnull (preferences);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (preferences)) == GTK_WINDOW (f->window));
  combo = ADW_COMBO_ROW (gtk_widget_get_template_child (GTK_WIDGET (preferences),
                                                        CR_TYPE_PREFERENCES_WINDOW, "basemap_row"));
  url_row = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (preferences),
                                                       CR_TYPE_PREFERENCES_WINDOW, "url_row"));

  /* The combo row follows the setting both ways. */
  g_assert_cmpuint (adw_combo_row_get_selected (combo), ==, CR_BASEMAP_MBTILES);
  adw_combo_row_set_selected (combo, CR_BASEMAP_NONE);
  g_assert_cmpint (g_settings_get_enum (settings, "basemap"), ==, CR_BASEMAP_NONE);
  g_assert_true (cr_test_wait_until (has_no_layer, f, 20));
  g_settings_set_string (settings, "basemap", "mbtiles");
  g_assert_cmpuint (adw_combo_row_get_selected (combo), ==, CR_BASEMAP_MBTILES);

  /* A file that cannot be read is refused, and the setting kept. */
  g_assert_true (g_file_set_contents (text, "Meeting notes, not a map: they are not 100 bytes of "
                                      "SQLite header, which is what the reader checks first.",
                                      -1, NULL));
  g_assert_false (cr_preferences_window_set_mbtiles (preferences, text));
  saved = g_settings_get_string (settings, "basemap-mbtiles");
  g_assert_cmpstr (saved, ==, "");
  g_assert_true (cr_preferences_window_set_mbtiles (preferences, brussels ()));
  g_clear_pointer (&saved, g_free);
  saved = g_settings_get_string (settings, "basemap-mbtiles");
  g_assert_cmpstr (saved, ==, brussels ());
  g_assert_true (cr_test_wait_until (has_layer, f, 20));
  assert_brussels_shown (f);

  /* The URL is checked as it is typed, and only a good one is saved. */
  gtk_editable_set_text (GTK_EDITABLE (url_row), "https://tiles.invalid/{z}/{x}.png");
  g_assert_true (gtk_widget_has_css_class (url_row, "error"));
  g_signal_emit_by_name (url_row, "apply");
  g_clear_pointer (&saved, g_free);
  saved = g_settings_get_string (settings, "basemap-url");
  g_assert_cmpstr (saved, ==, "");
  gtk_editable_set_text (GTK_EDITABLE (url_row), "https://tiles.invalid/{z}/{x}/{y}.png");
  g_assert_false (gtk_widget_has_css_class (url_row, "error"));
  g_signal_emit_by_name (url_row, "apply");
  g_clear_pointer (&saved, g_free);
  saved = g_settings_get_string (settings, "basemap-url");
  g_assert_cmpstr (saved, ==, "https://tiles.invalid/{z}/{x}/{y}.png");

  gtk_window_destroy (GTK_WINDOW (preferences));
}

static void
test_preferences (void)
{
  Fixture f = { .basemap = "mbtiles", .body = preferences_body };

  run_in_application (&f);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *cache = NULL;
  int status;

  /* No G_TEST_OPTION_ISOLATE_DIRS (see test-window.c), but the tile cache
   * goes to the test's own directory, not the user's. */
  cache = g_build_filename (cr_test_tmpdir (), "cache", NULL);
  g_setenv ("XDG_CACHE_HOME", cache, TRUE);
  cr_test_widgets_init (&argc, &argv);

  g_test_add_func ("/basemap/none", test_none);
  g_test_add_func ("/basemap/mbtiles", test_mbtiles);
  g_test_add_func ("/basemap/mbtiles-corrupt", test_mbtiles_corrupt);
  g_test_add_func ("/basemap/osm", test_osm);
  g_test_add_func ("/basemap/switch-at-runtime", test_switch_at_runtime);
  g_test_add_func ("/basemap/override", test_override);
  g_test_add_func ("/basemap/override-missing", test_override_missing);
  g_test_add_func ("/basemap/option-parsing", test_option_parsing);
  g_test_add_func ("/basemap/renderer-formats", test_renderer_formats);
  g_test_add_func ("/basemap/check-url", test_check_url);
  g_test_add_func ("/basemap/preferences", test_preferences);

  status = g_test_run ();
  g_clear_pointer (&brussels_path, g_free);
  return status;
}
