/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cr-map"

#include "config.h"

#include <glib/gi18n.h>

#include "cr-mbtiles-source.h"

/**
 * CrMbtilesSource:
 *
 * Tiles from an offline MBTiles file, for a ShumateRasterRenderer
 * (libshumate 1.0.3 cannot read files itself).
 *
 * Reads run in GTask threads, so a slow disk never blocks the map. Where
 * the file has no tile (outside its bounds or zoom range, or a hole in
 * it) the answer is a transparent tile, not an error: the map layer then
 * counts the tile as done and stops showing the previous zoom level's
 * tiles there.
 */
struct _CrMbtilesSource
{
  ShumateDataSource parent_instance;

  CrMbtiles *mbtiles;
};

G_DEFINE_FINAL_TYPE (CrMbtilesSource, cr_mbtiles_source, SHUMATE_TYPE_DATA_SOURCE)

typedef struct
{
  CrMbtiles *mbtiles;
  int x;
  int y;
  int zoom;
} TileRead;

/* A 1×1 transparent PNG; the map layer stretches it over the tile. */
static const guint8 empty_png[] = {
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52,
  0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1f, 0x15, 0xc4,
  0x89, 0x00, 0x00, 0x00, 0x0b, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9c, 0x63, 0x60, 0x00, 0x02, 0x00,
  0x00, 0x05, 0x00, 0x01, 0x7a, 0x5e, 0xab, 0x3f, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4e, 0x44,
  0xae, 0x42, 0x60, 0x82,
};

static void
tile_read_free (TileRead *read)
{
  g_clear_object (&read->mbtiles);
  g_free (read);
}

/**
 * cr_mbtiles_source_empty_tile:
 *
 * Returns: (transfer full): the transparent tile answered where the file
 *   has none
 */
GBytes *
cr_mbtiles_source_empty_tile (void)
{
  return g_bytes_new_static (empty_png, sizeof empty_png);
}

/* Hands the tile to the raster renderer, then completes the request.
 * libshumate 1.0.x paints tiles from "received-data" only. */
static void
return_tile (GTask  *task,
             int     x,
             int     y,
             int     zoom,
             GBytes *bytes)
{
  g_signal_emit_by_name (g_task_get_source_object (task), "received-data", x, y, zoom, bytes);
  g_task_return_pointer (task, g_bytes_ref (bytes), (GDestroyNotify) g_bytes_unref);
}

static void
read_tile_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  TileRead *read = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;

  if (g_task_return_error_if_cancelled (task))
    return;
  bytes = cr_mbtiles_get_tile (read->mbtiles, read->zoom, read->x, read->y, &error);
  if (error != NULL)
    {
      /* Quietly: libshumate leaves a failed tile empty, and one message
       * per tile of a damaged file would flood the log. */
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  /* A tile the renderer cannot decode would make it warn. */
  if (bytes != NULL && cr_mbtiles_sniff_format (bytes) == CR_MBTILES_FORMAT_UNKNOWN)
    g_clear_pointer (&bytes, g_bytes_unref);
  if (bytes == NULL)
    bytes = cr_mbtiles_source_empty_tile ();
  g_task_return_pointer (task, g_steal_pointer (&bytes), (GDestroyNotify) g_bytes_unref);
}

static void
read_tile_done_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  TileRead *read = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = g_task_propagate_pointer (G_TASK (result), &error);

  if (bytes == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    return_tile (task, read->x, read->y, read->zoom, bytes);
}

static void
cr_mbtiles_source_get_tile_data_async (ShumateDataSource   *source,
                                       int                  x,
                                       int                  y,
                                       int                  zoom,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  CrMbtilesSource *self = CR_MBTILES_SOURCE (source);
  g_autoptr(GTask) task = NULL;
  g_autoptr(GTask) read_task = NULL;
  TileRead *read;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, cr_mbtiles_source_get_tile_data_async);

  /* Most of the world is outside a regional file: no thread for that. */
  if (!cr_mbtiles_covers (self->mbtiles, zoom, x, y))
    {
      g_autoptr(GBytes) empty = cr_mbtiles_source_empty_tile ();

      return_tile (task, x, y, zoom, empty);
      return;
    }

  read = g_new0 (TileRead, 1);
  read->mbtiles = g_object_ref (self->mbtiles);
  read->x = x;
  read->y = y;
  read->zoom = zoom;
  /* The read is its own task so that the result comes back to the main
   * thread, where "received-data" must be emitted, before @task ends. */
  read_task = g_task_new (self, cancellable, read_tile_done_cb, g_steal_pointer (&task));
  g_task_set_source_tag (read_task, read_tile_thread);
  g_task_set_task_data (read_task, read, (GDestroyNotify) tile_read_free);
  g_task_run_in_thread (read_task, read_tile_thread);
}

static GBytes *
cr_mbtiles_source_get_tile_data_finish (ShumateDataSource  *source,
                                        GAsyncResult       *result,
                                        GError            **error)
{
  g_return_val_if_fail (g_task_is_valid (result, source), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
cr_mbtiles_source_finalize (GObject *object)
{
  CrMbtilesSource *self = CR_MBTILES_SOURCE (object);

  g_clear_object (&self->mbtiles);

  G_OBJECT_CLASS (cr_mbtiles_source_parent_class)->finalize (object);
}

static void
cr_mbtiles_source_class_init (CrMbtilesSourceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  ShumateDataSourceClass *source_class = SHUMATE_DATA_SOURCE_CLASS (klass);

  object_class->finalize = cr_mbtiles_source_finalize;
  source_class->get_tile_data_async = cr_mbtiles_source_get_tile_data_async;
  source_class->get_tile_data_finish = cr_mbtiles_source_get_tile_data_finish;
}

static void
cr_mbtiles_source_init (CrMbtilesSource *self)
{
}

CrMbtilesSource *
cr_mbtiles_source_new (CrMbtiles *mbtiles)
{
  CrMbtilesSource *self;

  g_return_val_if_fail (CR_IS_MBTILES (mbtiles), NULL);

  self = g_object_new (CR_TYPE_MBTILES_SOURCE, NULL);
  self->mbtiles = g_object_ref (mbtiles);
  return self;
}

/**
 * cr_mbtiles_source_get_mbtiles:
 *
 * Returns: (transfer none): the file the tiles come from
 */
CrMbtiles *
cr_mbtiles_source_get_mbtiles (CrMbtilesSource *self)
{
  g_return_val_if_fail (CR_IS_MBTILES_SOURCE (self), NULL);

  return self->mbtiles;
}
