/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cr-map"

#include "config.h"

#include <glib/gi18n.h>
#include <libsoup/soup.h>

#include "cr-mbtiles.h"
#include "cr-tile-downloader.h"

/**
 * CrTileDownloader:
 *
 * Online XYZ tiles, cached on disk.
 *
 * libshumate 1.0.3 has its own ShumateTileDownloader, but built with
 * libsoup 3 (as Debian 12 does) it sends "libshumate/1.0.3" whatever
 * shumate_set_user_agent() says, and it always caches under
 * ~/.cache/shumate. OpenStreetMap's tile policy asks for a User-Agent
 * naming the application, and our cache belongs under our own name, so
 * this data source does the same work with those two things right. It
 * uses libshumate's ShumateFileCache for the disk cache.
 *
 * A failed download (no network, HTTP error, not an image) fails the
 * request quietly: libshumate leaves the tile empty. A cached tile is
 * used when the network fails, however old it is.
 */
struct _CrTileDownloader
{
  ShumateDataSource parent_instance;

  char *url_template;
  char *user_agent;
  char *cache_dir;
  char *cache_key;
  gboolean offline;

  /* Both made on the first request, so a source that is never shown
   * touches neither the disk nor the network. */
  SoupSession *session;
  ShumateFileCache *cache;
};

G_DEFINE_FINAL_TYPE (CrTileDownloader, cr_tile_downloader, SHUMATE_TYPE_DATA_SOURCE)

/* OpenStreetMap's tile policy: at most 2 connections per application. */
#define MAX_CONNECTIONS 2
/* Cached tiles newer than this are used without asking the server. */
#define CACHE_FRESH (7 * G_TIME_SPAN_DAY)
#define CACHE_SIZE_LIMIT (100 * 1000 * 1000)
#define NETWORK_TIMEOUT_SECONDS 20

typedef struct
{
  int x;
  int y;
  int zoom;
  GBytes *cached;
  char *etag;
  SoupMessage *message;
} TileFetch;

static void
tile_fetch_free (TileFetch *fetch)
{
  g_clear_pointer (&fetch->cached, g_bytes_unref);
  g_clear_pointer (&fetch->etag, g_free);
  g_clear_object (&fetch->message);
  g_free (fetch);
}

static ShumateFileCache *
get_cache (CrTileDownloader *self)
{
  if (self->cache == NULL)
    self->cache = shumate_file_cache_new_full (CACHE_SIZE_LIMIT, self->cache_key, self->cache_dir);
  return self->cache;
}

static SoupSession *
get_session (CrTileDownloader *self)
{
  if (self->session == NULL)
    self->session = soup_session_new_with_options ("user-agent", self->user_agent,
                                                   "max-conns", MAX_CONNECTIONS,
                                                   "max-conns-per-host", MAX_CONNECTIONS,
                                                   "timeout", NETWORK_TIMEOUT_SECONDS,
                                                   NULL);
  return self->session;
}

/* Hands the tile to the raster renderer, then completes the request.
 * libshumate 1.0.x paints tiles from "received-data" only. */
static void
return_tile (GTask  *task,
             GBytes *bytes)
{
  CrTileDownloader *self = g_task_get_source_object (task);
  TileFetch *fetch = g_task_get_task_data (task);

  g_signal_emit_by_name (self, "received-data", fetch->x, fetch->y, fetch->zoom, bytes);
  g_task_return_pointer (task, g_bytes_ref (bytes), (GDestroyNotify) g_bytes_unref);
}

/* The network failed: an old tile is better than none. */
static void
return_cached_or_error (GTask  *task,
                        GError *error)
{
  TileFetch *fetch = g_task_get_task_data (task);

  if (fetch->cached != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_error_free (error);
      g_task_return_pointer (task, g_bytes_ref (fetch->cached), (GDestroyNotify) g_bytes_unref);
    }
  else
    g_task_return_error (task, error);
}

static void
response_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  CrTileDownloader *self = g_task_get_source_object (task);
  TileFetch *fetch = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) body = NULL;
  guint status;

  body = soup_session_send_and_read_finish (SOUP_SESSION (object), result, &error);
  if (body == NULL)
    {
      return_cached_or_error (task, g_steal_pointer (&error));
      return;
    }

  status = soup_message_get_status (fetch->message);
  if (status == SOUP_STATUS_NOT_MODIFIED && fetch->cached != NULL)
    {
      shumate_file_cache_mark_up_to_date (get_cache (self), fetch->x, fetch->y, fetch->zoom);
      g_task_return_pointer (task, g_bytes_ref (fetch->cached), (GDestroyNotify) g_bytes_unref);
      return;
    }
  /* A captive portal answers 200 with a web page: that is not a tile,
   * and the renderer would warn about every one. */
  if (!SOUP_STATUS_IS_SUCCESSFUL (status) || cr_mbtiles_sniff_format (body) == CR_MBTILES_FORMAT_UNKNOWN)
    {
      return_cached_or_error (task, g_error_new (SHUMATE_TILE_DOWNLOADER_ERROR,
                                                 SHUMATE_TILE_DOWNLOADER_ERROR_BAD_RESPONSE,
                                                 "HTTP %u, %s", status,
                                                 SOUP_STATUS_IS_SUCCESSFUL (status) ?
                                                 "not an image" : "no tile"));
      return;
    }

  shumate_file_cache_store_tile_async (get_cache (self), fetch->x, fetch->y, fetch->zoom, body,
                                       soup_message_headers_get_one (
                                         soup_message_get_response_headers (fetch->message), "ETag"),
                                       NULL, NULL, NULL);
  return_tile (task, body);
}

static void
fetch_from_network (GTask *task)
{
  CrTileDownloader *self = g_task_get_source_object (task);
  TileFetch *fetch = g_task_get_task_data (task);
  g_autofree char *uri = cr_tile_downloader_get_tile_uri (self, fetch->zoom, fetch->x, fetch->y);

  if (self->offline || !g_network_monitor_get_network_available (g_network_monitor_get_default ()))
    {
      return_cached_or_error (task, g_error_new (SHUMATE_TILE_DOWNLOADER_ERROR,
                                                 SHUMATE_TILE_DOWNLOADER_ERROR_OFFLINE,
                                                 "Offline"));
      return;
    }
  fetch->message = soup_message_new (SOUP_METHOD_GET, uri);
  if (fetch->message == NULL)
    {
      return_cached_or_error (task, g_error_new (SHUMATE_TILE_DOWNLOADER_ERROR,
                                                 SHUMATE_TILE_DOWNLOADER_ERROR_MALFORMED_URL,
                                                 "Not a URL: %s", uri));
      return;
    }
  if (fetch->etag != NULL)
    soup_message_headers_append (soup_message_get_request_headers (fetch->message),
                                 "If-None-Match", fetch->etag);
  soup_session_send_and_read_async (get_session (self), fetch->message, G_PRIORITY_DEFAULT,
                                    g_task_get_cancellable (task), response_cb,
                                    g_object_ref (task));
}

static void
cache_lookup_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  TileFetch *fetch = g_task_get_task_data (task);
  g_autoptr(GDateTime) modified = NULL;
  g_autoptr(GDateTime) now = NULL;

  fetch->cached = shumate_file_cache_get_tile_finish (SHUMATE_FILE_CACHE (object), &fetch->etag,
                                                      &modified, result, NULL);
  if (fetch->cached != NULL && cr_mbtiles_sniff_format (fetch->cached) == CR_MBTILES_FORMAT_UNKNOWN)
    {
      g_clear_pointer (&fetch->cached, g_bytes_unref);
      g_clear_pointer (&fetch->etag, g_free);
    }
  if (g_task_return_error_if_cancelled (task))
    return;
  if (fetch->cached != NULL)
    {
      now = g_date_time_new_now_utc ();
      if (modified != NULL && g_date_time_difference (now, modified) < CACHE_FRESH)
        {
          return_tile (task, fetch->cached);
          return;
        }
      /* Show the old tile at once; the network may bring a newer one. */
      g_signal_emit_by_name (g_task_get_source_object (task), "received-data",
                             fetch->x, fetch->y, fetch->zoom, fetch->cached);
    }
  fetch_from_network (task);
}

static void
cr_tile_downloader_get_tile_data_async (ShumateDataSource   *source,
                                        int                  x,
                                        int                  y,
                                        int                  zoom,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  CrTileDownloader *self = CR_TILE_DOWNLOADER (source);
  g_autoptr(GTask) task = NULL;
  TileFetch *fetch;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, cr_tile_downloader_get_tile_data_async);
  fetch = g_new0 (TileFetch, 1);
  fetch->x = x;
  fetch->y = y;
  fetch->zoom = zoom;
  g_task_set_task_data (task, fetch, (GDestroyNotify) tile_fetch_free);

  shumate_file_cache_get_tile_async (get_cache (self), x, y, zoom, cancellable, cache_lookup_cb,
                                     g_steal_pointer (&task));
}

static GBytes *
cr_tile_downloader_get_tile_data_finish (ShumateDataSource  *source,
                                         GAsyncResult       *result,
                                         GError            **error)
{
  g_return_val_if_fail (g_task_is_valid (result, source), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
cr_tile_downloader_finalize (GObject *object)
{
  CrTileDownloader *self = CR_TILE_DOWNLOADER (object);

  g_clear_object (&self->session);
  g_clear_object (&self->cache);
  g_free (self->url_template);
  g_free (self->user_agent);
  g_free (self->cache_dir);
  g_free (self->cache_key);

  G_OBJECT_CLASS (cr_tile_downloader_parent_class)->finalize (object);
}

static void
cr_tile_downloader_class_init (CrTileDownloaderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  ShumateDataSourceClass *source_class = SHUMATE_DATA_SOURCE_CLASS (klass);

  object_class->finalize = cr_tile_downloader_finalize;
  source_class->get_tile_data_async = cr_tile_downloader_get_tile_data_async;
  source_class->get_tile_data_finish = cr_tile_downloader_get_tile_data_finish;
}

static void
cr_tile_downloader_init (CrTileDownloader *self)
{
}

/**
 * cr_tile_downloader_new:
 * @url_template: an http(s) URL with {z}, {x} and {y}
 * @cache_dir: the directory of the disk cache
 * @cache_key: the cache's name for this tile set (letters, digits, _ and -)
 *
 * The User-Agent is shumate_get_user_agent() as it is now: set it first.
 */
CrTileDownloader *
cr_tile_downloader_new (const char *url_template,
                        const char *cache_dir,
                        const char *cache_key)
{
  CrTileDownloader *self;

  g_return_val_if_fail (url_template != NULL, NULL);
  g_return_val_if_fail (cache_dir != NULL, NULL);
  g_return_val_if_fail (cache_key != NULL, NULL);

  self = g_object_new (CR_TYPE_TILE_DOWNLOADER, NULL);
  self->url_template = g_strdup (url_template);
  self->user_agent = g_strdup (shumate_get_user_agent ());
  self->cache_dir = g_strdup (cache_dir);
  self->cache_key = g_strdup (cache_key);
  return self;
}

const char *
cr_tile_downloader_get_url_template (CrTileDownloader *self)
{
  g_return_val_if_fail (CR_IS_TILE_DOWNLOADER (self), NULL);

  return self->url_template;
}

/* What the downloads send as User-Agent. */
const char *
cr_tile_downloader_get_user_agent (CrTileDownloader *self)
{
  g_return_val_if_fail (CR_IS_TILE_DOWNLOADER (self), NULL);

  return self->user_agent;
}

const char *
cr_tile_downloader_get_cache_dir (CrTileDownloader *self)
{
  g_return_val_if_fail (CR_IS_TILE_DOWNLOADER (self), NULL);

  return self->cache_dir;
}

/**
 * cr_tile_downloader_set_offline:
 * @offline: %TRUE to show cached tiles only
 *
 * Keeps the downloader off the network: tiles come from the disk cache,
 * however old, or not at all.
 */
void
cr_tile_downloader_set_offline (CrTileDownloader *self,
                                gboolean          offline)
{
  g_return_if_fail (CR_IS_TILE_DOWNLOADER (self));

  self->offline = !!offline;
}

gboolean
cr_tile_downloader_get_offline (CrTileDownloader *self)
{
  g_return_val_if_fail (CR_IS_TILE_DOWNLOADER (self), FALSE);

  return self->offline;
}

/* The template with {z}, {x} and {y} replaced; other text is kept. */
char *
cr_tile_downloader_get_tile_uri (CrTileDownloader *self,
                                 int               zoom,
                                 int               x,
                                 int               y)
{
  GString *uri;

  g_return_val_if_fail (CR_IS_TILE_DOWNLOADER (self), NULL);

  uri = g_string_new (NULL);
  for (const char *p = self->url_template; *p != '\0'; p++)
    {
      if (g_str_has_prefix (p, "{z}"))
        g_string_append_printf (uri, "%d", zoom);
      else if (g_str_has_prefix (p, "{x}"))
        g_string_append_printf (uri, "%d", x);
      else if (g_str_has_prefix (p, "{y}"))
        g_string_append_printf (uri, "%d", y);
      else
        {
          g_string_append_c (uri, *p);
          continue;
        }
      p += 2;
    }
  return g_string_free (uri, FALSE);
}
