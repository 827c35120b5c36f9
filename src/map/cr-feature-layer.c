/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cr-map"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cr-feature-layer.h"

/**
 * CrFeatureLayer:
 *
 * The map overlay showing the current event's features. It redraws when
 * the viewport moves or the store says features changed; the drawing
 * itself is #CrMapRenderer's (cr_map_renderer_draw_view(): zones from
 * tiles kept while the zoom stays), into an image the size of the widget (in
 * device pixels) that one cairo node paints. An image rather than drawing
 * into the node: the renderer rasterizes its dense layers itself, which
 * only an image surface allows (a node records cairo calls to replay
 * them later). Not a texture node: GTK 4.8's cairo renderer converts a
 * texture pixel by pixel, about 20 ms a frame at 1920×1080.
 */
struct _CrFeatureLayer
{
  ShumateLayer parent_instance;

  CrMapRenderer *renderer;
  guint n_drawn;
  cairo_surface_t *surface; /* the last frame's image, reused once GTK lets go */
};

G_DEFINE_FINAL_TYPE (CrFeatureLayer, cr_feature_layer, SHUMATE_TYPE_LAYER)

static void
queue_draw_cb (CrFeatureLayer *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
store_changed_cb (CrStore        *store,
                  const char     *table,
                  gint64          row_id,
                  int             change,
                  CrFeatureLayer *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * cr_feature_layer_get_projection:
 *
 * The projection of what the layer shows now. FALSE until the viewport
 * has a reference map source.
 */
gboolean
cr_feature_layer_get_projection (CrFeatureLayer *self,
                                 CrProjection   *proj)
{
  ShumateViewport *viewport;
  ShumateMapSource *source;

  g_return_val_if_fail (CR_IS_FEATURE_LAYER (self), FALSE);

  viewport = shumate_layer_get_viewport (SHUMATE_LAYER (self));
  source = shumate_viewport_get_reference_map_source (viewport);
  if (source == NULL)
    return FALSE;
  cr_projection_init (proj,
                      shumate_location_get_longitude (SHUMATE_LOCATION (viewport)),
                      shumate_location_get_latitude (SHUMATE_LOCATION (viewport)),
                      shumate_viewport_get_zoom_level (viewport),
                      gtk_widget_get_width (GTK_WIDGET (self)),
                      gtk_widget_get_height (GTK_WIDGET (self)),
                      shumate_map_source_get_tile_size (source));
  return TRUE;
}

static void
cr_feature_layer_snapshot (GtkWidget   *widget,
                           GtkSnapshot *snapshot)
{
  CrFeatureLayer *self = CR_FEATURE_LAYER (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  int scale = gtk_widget_get_scale_factor (widget);
  cairo_surface_t *surface;
  CrProjection proj;
  cairo_t *cr;

  self->n_drawn = 0;
  if (width <= 0 || height <= 0 ||
      (cr_map_renderer_get_event_id (self->renderer) == 0 && !cr_map_renderer_get_reference (self->renderer)) ||
      !cr_feature_layer_get_projection (self, &proj))
    return;

  /* A new 8 MB image costs its page faults every frame; the last one,
   * cleared, does not. */
  surface = self->surface;
  if (surface != NULL && cairo_surface_get_reference_count (surface) == 1 &&
      cairo_image_surface_get_width (surface) == width * scale &&
      cairo_image_surface_get_height (surface) == height * scale)
    {
      cairo_surface_flush (surface);
      memset (cairo_image_surface_get_data (surface), 0,
              (gsize) cairo_image_surface_get_stride (surface) * height * scale);
      cairo_surface_mark_dirty (surface);
    }
  else
    {
      g_clear_pointer (&self->surface, cairo_surface_destroy);
      surface = self->surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width * scale,
                                                            height * scale);
    }
  cairo_surface_set_device_scale (surface, scale, scale);
  cr = cairo_create (surface);
  self->n_drawn = cr_map_renderer_draw_view (self->renderer, cr, &proj);
  cairo_destroy (cr);
  if (self->n_drawn > 0 && cairo_surface_status (surface) == CAIRO_STATUS_SUCCESS)
    {
      /* A node that only paints an image: GTK's cairo renderer composites
       * it straight, the GL one uploads it. */
      cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
      cairo_set_source_surface (cr, surface, 0, 0);
      cairo_paint (cr);
      cairo_destroy (cr);
    }
}

static void
cr_feature_layer_constructed (GObject *object)
{
  CrFeatureLayer *self = CR_FEATURE_LAYER (object);
  ShumateViewport *viewport;

  G_OBJECT_CLASS (cr_feature_layer_parent_class)->constructed (object);

  viewport = shumate_layer_get_viewport (SHUMATE_LAYER (self));
  g_signal_connect_object (viewport, "notify", G_CALLBACK (queue_draw_cb), self, G_CONNECT_SWAPPED);
}

static void
cr_feature_layer_dispose (GObject *object)
{
  CrFeatureLayer *self = CR_FEATURE_LAYER (object);

  if (self->renderer != NULL)
    g_signal_handlers_disconnect_by_data (cr_map_renderer_get_store (self->renderer), self);
  g_clear_object (&self->renderer);
  g_clear_pointer (&self->surface, cairo_surface_destroy);

  G_OBJECT_CLASS (cr_feature_layer_parent_class)->dispose (object);
}

static void
cr_feature_layer_class_init (CrFeatureLayerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = cr_feature_layer_constructed;
  object_class->dispose = cr_feature_layer_dispose;
  widget_class->snapshot = cr_feature_layer_snapshot;
}

static void
cr_feature_layer_init (CrFeatureLayer *self)
{
  /* The layer only draws; clicks go to the map underneath. */
  gtk_widget_set_can_target (GTK_WIDGET (self), FALSE);
}

CrFeatureLayer *
cr_feature_layer_new (ShumateViewport *viewport,
                      CrMapRenderer   *renderer)
{
  CrFeatureLayer *self;
  CrStore *store;

  g_return_val_if_fail (SHUMATE_IS_VIEWPORT (viewport), NULL);
  g_return_val_if_fail (CR_IS_MAP_RENDERER (renderer), NULL);

  self = g_object_new (CR_TYPE_FEATURE_LAYER, "viewport", viewport, NULL);
  self->renderer = g_object_ref (renderer);
  g_signal_connect_object (renderer, "changed", G_CALLBACK (queue_draw_cb), self, G_CONNECT_SWAPPED);
  store = cr_map_renderer_get_store (renderer);
  g_signal_connect (store, "changed::features", G_CALLBACK (store_changed_cb), self);
  g_signal_connect (store, "changed::waypoints", G_CALLBACK (store_changed_cb), self);
  return self;
}

/**
 * cr_feature_layer_get_renderer:
 *
 * Returns: (transfer none): the renderer
 */
CrMapRenderer *
cr_feature_layer_get_renderer (CrFeatureLayer *self)
{
  g_return_val_if_fail (CR_IS_FEATURE_LAYER (self), NULL);

  return self->renderer;
}

/* How many features the last frame drew; for tests and benchmarks. */
guint
cr_feature_layer_get_n_drawn (CrFeatureLayer *self)
{
  g_return_val_if_fail (CR_IS_FEATURE_LAYER (self), 0);

  return self->n_drawn;
}
