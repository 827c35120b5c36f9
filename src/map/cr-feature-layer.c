/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cr-map"

#include "config.h"

#include <glib/gi18n.h>

#include "cr-feature-layer.h"

/**
 * CrFeatureLayer:
 *
 * The map overlay showing the current event's features. It redraws when
 * the viewport moves or the store says features changed; the drawing
 * itself is #CrMapRenderer's (cr_map_renderer_snapshot_view()): a node
 * for each tile of zones it keeps while the zoom stays, and one for what
 * goes over them.
 */
struct _CrFeatureLayer
{
  ShumateLayer parent_instance;

  CrMapRenderer *renderer;
  guint n_drawn;
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
  CrProjection proj;

  self->n_drawn = 0;
  if (width <= 0 || height <= 0 ||
      (cr_map_renderer_get_event_id (self->renderer) == 0 && !cr_map_renderer_get_reference (self->renderer)) ||
      !cr_feature_layer_get_projection (self, &proj))
    return;

  self->n_drawn = cr_map_renderer_snapshot_view (self->renderer, snapshot, &proj,
                                                 gtk_widget_get_scale_factor (widget));
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
