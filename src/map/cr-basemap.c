/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cr-map"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cr-basemap.h"
#include "cr-mbtiles-source.h"
#include "cr-tile-downloader.h"

/**
 * CrBasemap:
 *
 * The map's background, as the settings choose it: none, OpenStreetMap,
 * a custom XYZ tile service or an offline MBTiles file.
 *
 * Attached to a ShumateSimpleMap, it keeps one ShumateMapLayer at the
 * bottom of the map, under every overlay, and follows the settings while
 * the window is open. When the chosen basemap cannot be used it falls back
 * to none and emits #CrBasemap::failed with a message for the user.
 *
 * Without a basemap the viewport still needs a reference map source for
 * its projection and zoom range: a hidden OpenStreetMap source whose tiles
 * are never requested, so nothing goes to the network or the disk.
 */
struct _CrBasemap
{
  GObject parent_instance;

  GSettings *settings;
  char *mbtiles_override;
  ShumateSimpleMap *map;
  ShumateMapSource *reference;

  /* What is shown. */
  CrBasemapKind kind;
  char *location;
  ShumateMapSource *source;
  ShumateMapLayer *layer;
  char *error;
};

G_DEFINE_FINAL_TYPE (CrBasemap, cr_basemap, G_TYPE_OBJECT)

G_DEFINE_QUARK (cr-basemap-error-quark, cr_basemap_error)

enum
{
  FAILED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

#define USER_AGENT "CrisisRoom/" PACKAGE_VERSION " (+https://github.com/crisisroom/crisis-room)"
#define ONLINE_MAX_ZOOM 19
#define TILE_SIZE 256

/**
 * cr_basemap_init_user_agent:
 *
 * Makes libshumate (and our own downloads) name Crisis Room to tile
 * servers, as OpenStreetMap's tile policy asks. Called before any online
 * source exists; later calls do nothing.
 */
void
cr_basemap_init_user_agent (void)
{
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
      shumate_set_user_agent (USER_AGENT);
      g_once_init_leave (&done, 1);
    }
}

/**
 * cr_basemap_get_cache_dir:
 *
 * Returns: (transfer full): where online tiles are cached
 */
char *
cr_basemap_get_cache_dir (void)
{
  return g_build_filename (g_get_user_cache_dir (), "crisis-room", "tiles", NULL);
}

/**
 * cr_basemap_check_url:
 * @url_template: an XYZ URL template, e.g. https://tiles.example.org/{z}/{x}/{y}.png
 *
 * Checks that tiles can be downloaded with it: http or https, a host, and
 * {z}, {x} and {y} and no other placeholder.
 */
gboolean
cr_basemap_check_url (const char  *url_template,
                      GError     **error)
{
  g_autoptr(GString) expanded = NULL;
  g_autoptr(GUri) uri = NULL;
  const char *scheme;
  const char *p;

  if (url_template == NULL || *url_template == '\0')
    {
      g_set_error (error, CR_BASEMAP_ERROR, CR_BASEMAP_ERROR_INVALID_URL,
                   _("Enter the URL of the tile service, e.g. "
                     "https://tiles.example.org/{z}/{x}/{y}.png."));
      return FALSE;
    }
  if (strstr (url_template, "{z}") == NULL || strstr (url_template, "{x}") == NULL ||
      strstr (url_template, "{y}") == NULL)
    {
      g_set_error (error, CR_BASEMAP_ERROR, CR_BASEMAP_ERROR_INVALID_URL,
                   _("The URL must contain {z}, {x} and {y}, e.g. "
                     "https://tiles.example.org/{z}/{x}/{y}.png."));
      return FALSE;
    }

  expanded = g_string_new (url_template);
  g_string_replace (expanded, "{z}", "0", 0);
  g_string_replace (expanded, "{x}", "0", 0);
  g_string_replace (expanded, "{y}", "0", 0);
  if ((p = strchr (expanded->str, '{')) != NULL)
    {
      const char *end = strchr (p, '}');
      g_autofree char *placeholder = g_strndup (p, end != NULL ? (gsize) (end - p + 1) : strlen (p));

      g_set_error (error, CR_BASEMAP_ERROR, CR_BASEMAP_ERROR_INVALID_URL,
                   _("Unknown placeholder “%s” in the URL: only {z}, {x} and {y} can be used."),
                   placeholder);
      return FALSE;
    }

  uri = g_uri_parse (expanded->str, G_URI_FLAGS_NONE, NULL);
  scheme = uri != NULL ? g_uri_get_scheme (uri) : NULL;
  if (scheme == NULL || (g_ascii_strcasecmp (scheme, "https") != 0 &&
                         g_ascii_strcasecmp (scheme, "http") != 0))
    {
      g_set_error (error, CR_BASEMAP_ERROR, CR_BASEMAP_ERROR_INVALID_URL,
                   _("The URL must start with https:// or http://."));
      return FALSE;
    }
  if (g_uri_get_host (uri) == NULL || *g_uri_get_host (uri) == '\0')
    {
      g_set_error (error, CR_BASEMAP_ERROR, CR_BASEMAP_ERROR_INVALID_URL,
                   _("The URL has no server name, e.g. https://tiles.example.org/{z}/{x}/{y}.png."));
      return FALSE;
    }
  return TRUE;
}

/* libshumate's map layer caches textures by source id: every tile set
 * needs its own. */
static char *
source_id (const char *prefix,
           const char *location)
{
  g_autofree char *hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, location, -1);

  return g_strdup_printf ("%s-%.16s", prefix, hash);
}

static ShumateMapSource *
new_online_source (const char *id,
                   const char *name,
                   const char *license,
                   const char *license_uri,
                   const char *url_template)
{
  g_autoptr(CrTileDownloader) downloader = NULL;
  g_autofree char *cache_dir = cr_basemap_get_cache_dir ();

  cr_basemap_init_user_agent ();
  downloader = cr_tile_downloader_new (url_template, cache_dir, id);
  return SHUMATE_MAP_SOURCE (shumate_raster_renderer_new_full (id, name, license, license_uri,
                                                               0, ONLINE_MAX_ZOOM, TILE_SIZE,
                                                               SHUMATE_MAP_PROJECTION_MERCATOR,
                                                               SHUMATE_DATA_SOURCE (downloader)));
}

static ShumateMapSource *
new_custom_source (const char  *url_template,
                   GError     **error)
{
  g_autoptr(GUri) uri = NULL;
  g_autofree char *id = NULL;
  g_autofree char *license = NULL;
  g_autofree char *license_uri = NULL;
  const char *host;

  if (!cr_basemap_check_url (url_template, error))
    return NULL;
  uri = g_uri_parse (url_template, G_URI_FLAGS_PARSE_RELAXED, NULL);
  host = uri != NULL && g_uri_get_host (uri) != NULL ? g_uri_get_host (uri) : url_template;
  id = source_id ("custom", url_template);
  /* Translators: the attribution of a custom tile service; %s is its server. */
  license = g_strdup_printf (_("Tiles: %s"), host);
  if (uri != NULL)
    license_uri = g_strdup_printf ("%s://%s/", g_uri_get_scheme (uri), host);
  return new_online_source (id, host, license, license_uri, url_template);
}

static ShumateMapSource *
new_mbtiles_source (const char  *path,
                    GError     **error)
{
  g_autoptr(CrMbtiles) mbtiles = NULL;
  g_autoptr(CrMbtilesSource) data_source = NULL;
  g_autofree char *id = NULL;

  mbtiles = cr_mbtiles_open (path, error);
  if (mbtiles == NULL)
    return NULL;
  data_source = cr_mbtiles_source_new (mbtiles);
  id = source_id ("mbtiles", path);
  return SHUMATE_MAP_SOURCE (shumate_raster_renderer_new_full (id, cr_mbtiles_get_name (mbtiles),
                                                               cr_mbtiles_get_attribution (mbtiles),
                                                               NULL,
                                                               cr_mbtiles_get_min_zoom (mbtiles),
                                                               cr_mbtiles_get_max_zoom (mbtiles),
                                                               TILE_SIZE,
                                                               SHUMATE_MAP_PROJECTION_MERCATOR,
                                                               SHUMATE_DATA_SOURCE (data_source)));
}

/**
 * cr_basemap_new_source:
 * @kind: the kind of basemap
 * @location: the URL template (%CR_BASEMAP_CUSTOM) or the file
 *   (%CR_BASEMAP_MBTILES); ignored otherwise
 * @error: a %CR_BASEMAP_ERROR or a %CR_MBTILES_ERROR
 *
 * Returns: (transfer full) (nullable): the map source; %NULL without an
 *   error for %CR_BASEMAP_NONE
 */
ShumateMapSource *
cr_basemap_new_source (CrBasemapKind   kind,
                       const char     *location,
                       GError        **error)
{
  switch (kind)
    {
    case CR_BASEMAP_NONE:
      return NULL;
    case CR_BASEMAP_OSM:
      return new_online_source ("osm-mapnik", "OpenStreetMap", "© OpenStreetMap contributors",
                                "https://www.openstreetmap.org/copyright", CR_BASEMAP_OSM_URL);
    case CR_BASEMAP_CUSTOM:
      return new_custom_source (location, error);
    case CR_BASEMAP_MBTILES:
      g_return_val_if_fail (location != NULL, NULL);
      return new_mbtiles_source (location, error);
    default:
      g_return_val_if_reached (NULL);
    }
}

/* What the settings (or the command line) ask for. An empty URL or path
 * means the choice is not finished yet: no basemap, and no complaint. */
static CrBasemapKind
wanted_basemap (CrBasemap  *self,
                char      **location)
{
  CrBasemapKind kind;
  const char *key = NULL;

  *location = NULL;
  if (self->mbtiles_override != NULL)
    {
      *location = g_strdup (self->mbtiles_override);
      return CR_BASEMAP_MBTILES;
    }
  kind = g_settings_get_enum (self->settings, "basemap");
  if (kind == CR_BASEMAP_CUSTOM)
    key = "basemap-url";
  else if (kind == CR_BASEMAP_MBTILES)
    key = "basemap-mbtiles";
  if (key != NULL)
    {
      *location = g_strstrip (g_settings_get_string (self->settings, key));
      if (**location == '\0')
        {
          g_clear_pointer (location, g_free);
          return CR_BASEMAP_NONE;
        }
    }
  return kind;
}

static void
show_source (CrBasemap        *self,
             ShumateMapSource *source)
{
  ShumateViewport *viewport = shumate_simple_map_get_viewport (self->map);
  ShumateMap *map = shumate_simple_map_get_map (self->map);
  ShumateLicense *license = shumate_simple_map_get_license (self->map);

  if (self->layer != NULL)
    {
      shumate_map_remove_layer (map, SHUMATE_LAYER (self->layer));
      g_clear_object (&self->layer);
    }
  if (self->source != NULL)
    {
      shumate_license_remove_map_source (license, self->source);
      g_clear_object (&self->source);
    }

  /* The viewport refuses a maximum zoom below its minimum one, and the
   * new source sets the maximum first. */
  shumate_viewport_set_min_zoom_level (viewport, 0);
  if (source == NULL)
    {
      shumate_viewport_set_reference_map_source (viewport, self->reference);
      gtk_widget_add_css_class (GTK_WIDGET (map), "cr-no-basemap");
      return;
    }

  self->source = g_object_ref (source);
  shumate_viewport_set_reference_map_source (viewport, source);
  self->layer = g_object_ref_sink (shumate_map_layer_new (source, viewport));
  /* At the bottom, under the event's features and any other overlay. */
  shumate_map_insert_layer_above (map, SHUMATE_LAYER (self->layer), NULL);
  shumate_license_append_map_source (license, source);
  gtk_widget_remove_css_class (GTK_WIDGET (map), "cr-no-basemap");
}

static void
reload (CrBasemap *self,
        gboolean   force)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ShumateMapSource) source = NULL;
  g_autofree char *location = NULL;
  CrBasemapKind kind;

  kind = wanted_basemap (self, &location);
  if (!force && kind == self->kind && g_strcmp0 (location, self->location) == 0)
    return;

  source = cr_basemap_new_source (kind, location, &error);
  g_clear_pointer (&self->error, g_free);
  if (error != NULL)
    {
      /* Translators: %s is why the basemap cannot be shown, a sentence. */
      self->error = g_strdup_printf (_("%s Showing the map without a basemap."), error->message);
      kind = CR_BASEMAP_NONE;
    }
  self->kind = kind;
  g_free (self->location);
  self->location = g_steal_pointer (&location);
  show_source (self, source);

  if (self->error != NULL)
    g_signal_emit (self, signals[FAILED], 0, self->error);
}

static void
settings_changed_cb (GSettings  *settings,
                     const char *key,
                     CrBasemap  *self)
{
  if (!g_str_equal (key, "basemap") && !g_str_equal (key, "basemap-url") &&
      !g_str_equal (key, "basemap-mbtiles"))
    return;
  /* A choice made in Preferences wins over the command line's. */
  g_clear_pointer (&self->mbtiles_override, g_free);
  if (self->map != NULL)
    reload (self, FALSE);
}

static void
cr_basemap_dispose (GObject *object)
{
  CrBasemap *self = CR_BASEMAP (object);

  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);
  g_clear_object (&self->settings);
  g_clear_object (&self->map);
  g_clear_object (&self->layer);
  g_clear_object (&self->source);
  g_clear_object (&self->reference);

  G_OBJECT_CLASS (cr_basemap_parent_class)->dispose (object);
}

static void
cr_basemap_finalize (GObject *object)
{
  CrBasemap *self = CR_BASEMAP (object);

  g_free (self->mbtiles_override);
  g_free (self->location);
  g_free (self->error);

  G_OBJECT_CLASS (cr_basemap_parent_class)->finalize (object);
}

static void
cr_basemap_class_init (CrBasemapClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cr_basemap_dispose;
  object_class->finalize = cr_basemap_finalize;

  /**
   * CrBasemap::failed:
   * @message: what went wrong and what is shown instead, for the user
   *
   * The chosen basemap cannot be shown; the map has none.
   */
  signals[FAILED] = g_signal_new ("failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
cr_basemap_init (CrBasemap *self)
{
  self->kind = CR_BASEMAP_NONE;
}

/**
 * cr_basemap_new:
 * @settings: the application's settings
 * @mbtiles_override: (nullable): an MBTiles file to show instead of what
 *   the settings say, until they change (`--basemap-mbtiles`)
 */
CrBasemap *
cr_basemap_new (GSettings  *settings,
                const char *mbtiles_override)
{
  CrBasemap *self;

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (CR_TYPE_BASEMAP, NULL);
  self->settings = g_object_ref (settings);
  if (mbtiles_override != NULL && *mbtiles_override != '\0')
    self->mbtiles_override = g_strdup (mbtiles_override);
  self->reference = cr_basemap_new_source (CR_BASEMAP_OSM, NULL, NULL);
  g_signal_connect (settings, "changed", G_CALLBACK (settings_changed_cb), self);
  return self;
}

/**
 * cr_basemap_attach:
 * @map: the map to show the basemap on
 *
 * Shows the basemap on @map now and whenever the settings change. Connect
 * to #CrBasemap::failed first to hear about a basemap that cannot be
 * shown.
 */
void
cr_basemap_attach (CrBasemap        *self,
                   ShumateSimpleMap *map)
{
  g_return_if_fail (CR_IS_BASEMAP (self));
  g_return_if_fail (SHUMATE_IS_SIMPLE_MAP (map));
  g_return_if_fail (self->map == NULL);

  self->map = g_object_ref (map);
  reload (self, TRUE);
}

/* What is shown: %CR_BASEMAP_NONE after a failure. */
CrBasemapKind
cr_basemap_get_kind (CrBasemap *self)
{
  g_return_val_if_fail (CR_IS_BASEMAP (self), CR_BASEMAP_NONE);

  return self->kind;
}

/**
 * cr_basemap_get_source:
 *
 * Returns: (transfer none) (nullable): the source of the basemap shown
 */
ShumateMapSource *
cr_basemap_get_source (CrBasemap *self)
{
  g_return_val_if_fail (CR_IS_BASEMAP (self), NULL);

  return self->source;
}

/**
 * cr_basemap_get_layer:
 *
 * Returns: (transfer none) (nullable): the map layer drawing the basemap
 */
ShumateMapLayer *
cr_basemap_get_layer (CrBasemap *self)
{
  g_return_val_if_fail (CR_IS_BASEMAP (self), NULL);

  return self->layer;
}

/**
 * cr_basemap_get_location:
 *
 * Returns: (nullable): the MBTiles file or the URL template shown, or
 *   %NULL for none and OpenStreetMap; the printed map reads the file again
 */
const char *
cr_basemap_get_location (CrBasemap *self)
{
  g_return_val_if_fail (CR_IS_BASEMAP (self), NULL);

  return self->location;
}

/**
 * cr_basemap_get_error:
 *
 * Returns: (nullable): why the chosen basemap is not shown, or %NULL
 */
const char *
cr_basemap_get_error (CrBasemap *self)
{
  g_return_val_if_fail (CR_IS_BASEMAP (self), NULL);

  return self->error;
}
