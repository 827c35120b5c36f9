/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cr-edit"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "cr-edit-layer-private.h"
#include "cr-geometry-edit.h"

/**
 * CrEditLayer:
 *
 * The drawing and editing tools of the map: a layer above the features
 * that owns the pointer on the map. It sketches new zones, lines, points
 * and circles, gives the selected feature handles (vertices, midpoints to
 * insert one, a circle's centre and radius) and stores every finished
 * gesture at once as one undoable step of the window's #CrHistory.
 *
 * In the select tool a press that is not on a handle (nor an Alt+drag)
 * is left to the map, so dragging still pans it; in the drawing tools a
 * click adds to the sketch and a drag pans too, except for the circle,
 * whose radius is dragged out from its centre.
 */

G_DEFINE_ENUM_TYPE (CrEditTool, cr_edit_tool,
                    G_DEFINE_ENUM_VALUE (CR_EDIT_TOOL_SELECT, "select"),
                    G_DEFINE_ENUM_VALUE (CR_EDIT_TOOL_MOVE, "move"),
                    G_DEFINE_ENUM_VALUE (CR_EDIT_TOOL_POLYGON, "polygon"),
                    G_DEFINE_ENUM_VALUE (CR_EDIT_TOOL_LINE, "line"),
                    G_DEFINE_ENUM_VALUE (CR_EDIT_TOOL_POINT, "point"),
                    G_DEFINE_ENUM_VALUE (CR_EDIT_TOOL_CIRCLE, "circle"))

G_DEFINE_FINAL_TYPE (CrEditLayer, cr_edit_layer, SHUMATE_TYPE_LAYER)

enum
{
  PROP_0,
  PROP_TOOL,
  PROP_HINT,
  N_PROPS
};

enum
{
  CHANGED,
  MESSAGE,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static const char *const default_kinds[CR_EDIT_TOOL_N_TOOLS] = {
  NULL, NULL, "area", "line", "point", "area",
};

/* Helpers */

const char *
cr_edit_tool_to_string (CrEditTool tool)
{
  GEnumClass *klass = g_type_class_ref (CR_TYPE_EDIT_TOOL);
  GEnumValue *value = g_enum_get_value (klass, tool);

  g_type_class_unref (klass);
  return value != NULL ? value->value_nick : NULL;
}

gboolean
cr_edit_tool_from_string (const char *name,
                          CrEditTool *tool)
{
  GEnumClass *klass;
  GEnumValue *value;

  g_return_val_if_fail (tool != NULL, FALSE);

  if (name == NULL)
    return FALSE;
  klass = g_type_class_ref (CR_TYPE_EDIT_TOOL);
  value = g_enum_get_value_by_nick (klass, name);
  g_type_class_unref (klass);
  if (value == NULL)
    return FALSE;
  *tool = value->value;
  return TRUE;
}

gboolean
_cr_edit_tool_is_drawing (CrEditTool tool)
{
  return tool == CR_EDIT_TOOL_POLYGON || tool == CR_EDIT_TOOL_LINE || tool == CR_EDIT_TOOL_POINT ||
         tool == CR_EDIT_TOOL_CIRCLE;
}

gboolean
_cr_edit_layer_feature_is_circle (CrFeature *feature)
{
  CrGeometry *geometry = cr_feature_get_geometry (feature);

  return geometry != NULL && geometry->type == CR_GEOMETRY_POLYGON &&
         !isnan (cr_feature_get_center_lon (feature)) && !isnan (cr_feature_get_center_lat (feature)) &&
         cr_feature_get_radius_m (feature) > 0;
}

char *
_cr_edit_format_distance (double metres)
{
  if (metres < 1000)
    /* Translators: a distance in metres, e.g. a circle's radius */
    return g_strdup_printf (_("%.0f m"), metres);
  /* Translators: a distance in kilometres, e.g. a circle's radius */
  return g_strdup_printf (_("%.2f km"), metres / 1000);
}

void
_cr_edit_layer_emit_message (CrEditLayer *self,
                             const char  *message)
{
  g_signal_emit (self, signals[MESSAGE], 0, message);
}

static void
update_hint (CrEditLayer *self)
{
  const char *hint = NULL;
  guint n = self->sketch->len / 2;

  switch (self->tool)
    {
    case CR_EDIT_TOOL_POLYGON:
      hint = n == 0 ? _("Click to place the first corner of the zone.")
                    : _("Click to add corners. Enter or a double-click finishes; Backspace removes the last corner; Esc cancels.");
      break;
    case CR_EDIT_TOOL_LINE:
      hint = n == 0 ? _("Click to place the start of the line.")
                    : _("Click to add points. Enter or a double-click finishes; Backspace removes the last point; Esc cancels.");
      break;
    case CR_EDIT_TOOL_POINT:
      hint = _("Click where the point goes.");
      break;
    case CR_EDIT_TOOL_CIRCLE:
      hint = !self->has_centre ? _("Click the centre, then drag or click again to set the radius.")
                               : _("Click to set the radius; Esc cancels.");
      break;
    case CR_EDIT_TOOL_MOVE:
      hint = _("Drag a feature to move it.");
      break;
    case CR_EDIT_TOOL_SELECT:
    default:
      if (self->feature != NULL)
        hint = _("Drag a handle to reshape, Alt+drag to move; Delete removes the selected vertex or the feature.");
      break;
    }
  if (g_strcmp0 (hint, self->hint) == 0)
    return;
  g_free (self->hint);
  self->hint = g_strdup (hint);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HINT]);
}

/* Something the tools' actions depend on changed. */
void
_cr_edit_layer_state_changed (CrEditLayer *self)
{
  update_hint (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_signal_emit (self, signals[CHANGED], 0);
}

gboolean
cr_edit_layer_get_projection (CrEditLayer  *self,
                              CrProjection *proj)
{
  ShumateViewport *viewport;
  ShumateMapSource *source;

  g_return_val_if_fail (CR_IS_EDIT_LAYER (self), FALSE);

  viewport = shumate_layer_get_viewport (SHUMATE_LAYER (self));
  source = shumate_viewport_get_reference_map_source (viewport);
  if (source == NULL || gtk_widget_get_width (GTK_WIDGET (self)) <= 0)
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

CrStore *
_cr_edit_layer_get_store (CrEditLayer *self)
{
  return cr_map_renderer_get_store (self->renderer);
}

/* Reads the selected feature again, after a change or a new selection. */
void
_cr_edit_layer_reload_feature (CrEditLayer *self)
{
  gint64 id = cr_map_renderer_get_selected (self->renderer);

  g_clear_object (&self->feature);
  if (id != 0)
    {
      g_autoptr(GError) error = NULL;

      self->feature = cr_store_get (_cr_edit_layer_get_store (self), CR_TYPE_FEATURE, id, &error);
      if (self->feature == NULL && !g_error_matches (error, CR_STORE_ERROR, CR_STORE_ERROR_NOT_FOUND))
        g_warning ("Cannot read the selected feature: %s", error->message);
    }
  if (self->has_vertex &&
      (self->feature == NULL || cr_feature_get_geometry (self->feature) == NULL ||
       self->vertex_index >= cr_geometry_edit_n_vertices (cr_feature_get_geometry (self->feature),
                                                          self->vertex_path)))
    self->has_vertex = FALSE;
}

CrGeometry *
_cr_edit_layer_feature_geometry (CrEditLayer *self)
{
  return self->feature != NULL ? cr_feature_get_geometry (self->feature) : NULL;
}

/* Handles are for the select and move tools, when nothing is sketched. */
gboolean
_cr_edit_layer_shows_handles (CrEditLayer *self)
{
  return (self->tool == CR_EDIT_TOOL_SELECT || self->tool == CR_EDIT_TOOL_MOVE) &&
         _cr_edit_layer_feature_geometry (self) != NULL;
}

/* Callbacks */

static void
selected_changed_cb (CrEditLayer *self)
{
  gint64 selected = cr_map_renderer_get_selected (self->renderer);

  if (self->drag != CR_EDIT_DRAG_NONE && self->drag != CR_EDIT_DRAG_CIRCLE_SKETCH)
    _cr_edit_layer_cancel_drag (self);
  self->has_vertex = FALSE;
  if (selected != self->last_drawn_id)
    self->last_drawn_id = 0;
  _cr_edit_layer_reload_feature (self);
  _cr_edit_layer_state_changed (self);
}

static void
event_changed_cb (CrEditLayer *self)
{
  _cr_edit_layer_cancel_drag (self);
  _cr_edit_layer_clear_sketch (self);
  self->last_drawn_id = 0;
  _cr_edit_layer_state_changed (self);
}

static void
features_changed_cb (CrStore     *store,
                     const char  *table,
                     gint64       row_id,
                     int          change,
                     CrEditLayer *self)
{
  gint64 selected = cr_map_renderer_get_selected (self->renderer);

  if (selected == 0 || (row_id != selected && change != CR_STORE_CHANGE_RELOAD))
    return;
  _cr_edit_layer_reload_feature (self);
  if (self->feature == NULL)
    {
      /* Deleted, here or elsewhere: nothing is selected any more. */
      _cr_edit_layer_cancel_drag (self);
      cr_map_renderer_set_selected (self->renderer, 0);
      return;
    }
  _cr_edit_layer_state_changed (self);
}

static void
queue_draw_cb (CrEditLayer *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
click_pressed_cb (GtkGestureClick *gesture,
                  int              n_press,
                  double           x,
                  double           y,
                  CrEditLayer     *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self));
  self->press_x = x;
  self->press_y = y;
  /* The second press of a double-click finishes the sketch; the map
   * must not zoom in on it. */
  if (n_press == 2 && (self->tool == CR_EDIT_TOOL_POLYGON || self->tool == CR_EDIT_TOOL_LINE) &&
      self->sketch->len > 0)
    {
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
      cr_edit_layer_click (self, x, y, 2);
    }
  else if (n_press >= 2 && _cr_edit_tool_is_drawing (self->tool))
    gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

/* GtkGestureClick reports a release even after the pointer wandered off
 * (the map panned) or the drag gesture took the press (a handle): only
 * a press released where it started is a click. */
static void
click_released_cb (GtkGestureClick *gesture,
                   int              n_press,
                   double           x,
                   double           y,
                   CrEditLayer     *self)
{
  if (n_press == 1 && !self->press_taken &&
      hypot (x - self->press_x, y - self->press_y) < CR_EDIT_CLICK_SLOP_PX)
    cr_edit_layer_click (self, x, y, 1);
}

static void
drag_begin_cb (GtkGestureDrag *gesture,
               double          x,
               double          y,
               CrEditLayer    *self)
{
  GdkModifierType modifiers = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (gesture));

  gtk_widget_grab_focus (GTK_WIDGET (self));
  self->press_taken = cr_edit_layer_drag_begin (self, x, y, modifiers);
  if (self->press_taken)
    gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  else
    gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
}

static void
drag_update_cb (GtkGestureDrag *gesture,
                double          dx,
                double          dy,
                CrEditLayer    *self)
{
  double x, y;

  if (self->drag == CR_EDIT_DRAG_NONE || !gtk_gesture_drag_get_start_point (gesture, &x, &y))
    return;
  cr_edit_layer_drag_update (self, x + dx, y + dy);
}

static void
drag_end_cb (GtkGestureDrag *gesture,
             double          dx,
             double          dy,
             CrEditLayer    *self)
{
  double x, y;

  if (self->drag == CR_EDIT_DRAG_NONE || !gtk_gesture_drag_get_start_point (gesture, &x, &y))
    return;
  cr_edit_layer_drag_end (self, x + dx, y + dy);
}

static void
motion_cb (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           CrEditLayer              *self)
{
  cr_edit_layer_motion (self, x, y);
}

static void
leave_cb (GtkEventControllerMotion *controller,
          CrEditLayer              *self)
{
  self->has_pointer = FALSE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* A right-click on a vertex offers to delete it. It runs in the capture
 * phase of the map's parent, before the map's own right-click (who is
 * responsible here?) takes the press; anywhere else it lets it through. */
static void
secondary_pressed_cb (GtkGestureClick *gesture,
                      int              n_press,
                      double           x,
                      double           y,
                      CrEditLayer     *self)
{
  GtkWidget *parent = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (gesture));
  graphene_point_t point;
  CrProjection proj;
  guint path = 0, index = 0;
  double vx, vy;

  if (gtk_widget_pick (parent, x, y, GTK_PICK_DEFAULT) != GTK_WIDGET (self) ||
      !gtk_widget_compute_point (parent, GTK_WIDGET (self), &GRAPHENE_POINT_INIT (x, y), &point) ||
      !cr_edit_layer_get_projection (self, &proj) ||
      _cr_edit_layer_handle_at (self, &proj, point.x, point.y, &path, &index) != CR_EDIT_HIT_VERTEX)
    return;

  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  cr_edit_layer_select_vertex (self, path, index);
  cr_geometry_edit_get_vertex (_cr_edit_layer_feature_geometry (self), path, index, &vx, &vy);
  cr_projection_to_screen (&proj, vx, vy, &vx, &vy);
  gtk_popover_set_pointing_to (GTK_POPOVER (self->menu),
                               &(GdkRectangle) { (int) vx - 1, (int) vy - 1, 2, 2 });
  gtk_popover_popup (GTK_POPOVER (self->menu));
}

/* Overrides */

static void
cr_edit_layer_snapshot (GtkWidget   *widget,
                        GtkSnapshot *snapshot)
{
  CrEditLayer *self = CR_EDIT_LAYER (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  CrProjection proj;
  cairo_t *cr;

  /* Reached with Tab, the map shows it has the keyboard. */
  if (gtk_widget_has_visible_focus (widget))
    {
      GdkRGBA accent = { 0.21, 0.52, 0.89, 0.7 };

      gtk_snapshot_append_border (snapshot,
                                  &GSK_ROUNDED_RECT_INIT (2, 2, MAX (width - 4, 0), MAX (height - 4, 0)),
                                  (const float[4]) { 2, 2, 2, 2 },
                                  (const GdkRGBA[4]) { accent, accent, accent, accent });
    }
  if (self->sketch->len == 0 && !self->has_centre && self->preview == NULL &&
      !_cr_edit_layer_shows_handles (self))
    return;
  if (!cr_edit_layer_get_projection (self, &proj))
    return;
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  _cr_edit_layer_draw (self, cr, &proj);
  cairo_destroy (cr);
}

/* ShumateLayer lets every pointer event fall through to the map; the
 * tools need them first (they pass on what is not theirs). */
static gboolean
cr_edit_layer_contains (GtkWidget *widget,
                        double     x,
                        double     y)
{
  return x >= 0 && y >= 0 && x < gtk_widget_get_width (widget) && y < gtk_widget_get_height (widget);
}

static void
cr_edit_layer_size_allocate (GtkWidget *widget,
                             int        width,
                             int        height,
                             int        baseline)
{
  CrEditLayer *self = CR_EDIT_LAYER (widget);

  GTK_WIDGET_CLASS (cr_edit_layer_parent_class)->size_allocate (widget, width, height, baseline);
  if (self->menu != NULL)
    gtk_popover_present (GTK_POPOVER (self->menu));
}

static void
cr_edit_layer_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  CrEditLayer *self = CR_EDIT_LAYER (object);

  switch (prop_id)
    {
    case PROP_TOOL:
      g_value_set_enum (value, self->tool);
      break;
    case PROP_HINT:
      g_value_set_string (value, self->hint);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cr_edit_layer_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  CrEditLayer *self = CR_EDIT_LAYER (object);

  switch (prop_id)
    {
    case PROP_TOOL:
      cr_edit_layer_set_tool (self, g_value_get_enum (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cr_edit_layer_constructed (GObject *object)
{
  CrEditLayer *self = CR_EDIT_LAYER (object);

  G_OBJECT_CLASS (cr_edit_layer_parent_class)->constructed (object);

  g_signal_connect_object (shumate_layer_get_viewport (SHUMATE_LAYER (self)), "notify",
                           G_CALLBACK (queue_draw_cb), self, G_CONNECT_SWAPPED);
}

static void
cr_edit_layer_dispose (GObject *object)
{
  CrEditLayer *self = CR_EDIT_LAYER (object);

  if (self->renderer != NULL)
    g_signal_handlers_disconnect_by_data (_cr_edit_layer_get_store (self), self);
  g_clear_pointer (&self->menu, gtk_widget_unparent);
  g_clear_object (&self->feature);
  g_clear_pointer (&self->drag_origin, cr_geometry_unref);
  g_clear_pointer (&self->preview, cr_geometry_unref);
  g_clear_object (&self->renderer);
  g_clear_object (&self->history);

  G_OBJECT_CLASS (cr_edit_layer_parent_class)->dispose (object);
}

static void
cr_edit_layer_finalize (GObject *object)
{
  CrEditLayer *self = CR_EDIT_LAYER (object);

  for (guint i = 0; i < CR_EDIT_TOOL_N_TOOLS; i++)
    g_free (self->kinds[i]);
  g_free (self->hint);
  g_array_unref (self->sketch);

  G_OBJECT_CLASS (cr_edit_layer_parent_class)->finalize (object);
}

static void
cr_edit_layer_class_init (CrEditLayerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = cr_edit_layer_constructed;
  object_class->dispose = cr_edit_layer_dispose;
  object_class->finalize = cr_edit_layer_finalize;
  object_class->get_property = cr_edit_layer_get_property;
  object_class->set_property = cr_edit_layer_set_property;
  widget_class->snapshot = cr_edit_layer_snapshot;
  widget_class->size_allocate = cr_edit_layer_size_allocate;
  widget_class->contains = cr_edit_layer_contains;

  properties[PROP_TOOL] =
    g_param_spec_enum ("tool", NULL, NULL, CR_TYPE_EDIT_TOOL, CR_EDIT_TOOL_SELECT,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_HINT] =
    g_param_spec_string ("hint", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CrEditLayer::changed:
   *
   * The sketch, the drag or the vertex selection changed: what the tool
   * actions can do may have too.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                   NULL, NULL, G_TYPE_NONE, 0);
  /**
   * CrEditLayer::message:
   * @message: what to tell the user, translated
   *
   * An edit was refused or failed.
   */
  signals[MESSAGE] = g_signal_new ("message", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                   NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
cr_edit_layer_init (CrEditLayer *self)
{
  GtkEventController *motion;
  g_autoptr(GMenu) menu = g_menu_new ();

  self->sketch = g_array_new (FALSE, FALSE, sizeof (double));
  for (guint i = 0; i < CR_EDIT_TOOL_N_TOOLS; i++)
    self->kinds[i] = g_strdup (default_kinds[i]);

  /* Clicks and keys on the map land here, so the tool shortcuts work
   * after a click on the map. */
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "notify::has-focus", G_CALLBACK (queue_draw_cb), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Map drawing and editing area"), -1);

  self->click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (self->click), GDK_BUTTON_PRIMARY);
  g_signal_connect (self->click, "pressed", G_CALLBACK (click_pressed_cb), self);
  g_signal_connect (self->click, "released", G_CALLBACK (click_released_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (self->click));

  self->drag_gesture = gtk_gesture_drag_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (self->drag_gesture), GDK_BUTTON_PRIMARY);
  g_signal_connect (self->drag_gesture, "drag-begin", G_CALLBACK (drag_begin_cb), self);
  g_signal_connect (self->drag_gesture, "drag-update", G_CALLBACK (drag_update_cb), self);
  g_signal_connect (self->drag_gesture, "drag-end", G_CALLBACK (drag_end_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (self->drag_gesture));

  motion = gtk_event_controller_motion_new ();
  g_signal_connect (motion, "motion", G_CALLBACK (motion_cb), self);
  g_signal_connect (motion, "leave", G_CALLBACK (leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);

  g_menu_append (menu, _("Delete Vertex"), "tool.delete-vertex");
  self->menu = gtk_popover_menu_new_from_model (G_MENU_MODEL (menu));
  gtk_popover_set_has_arrow (GTK_POPOVER (self->menu), TRUE);
  gtk_widget_set_parent (self->menu, GTK_WIDGET (self));
}

/* Public API */

/**
 * cr_edit_layer_new:
 * @history: where every edit goes, so it can be undone
 *
 * Returns: (transfer floating): the layer editing @renderer's event
 */
CrEditLayer *
cr_edit_layer_new (ShumateViewport *viewport,
                   CrMapRenderer   *renderer,
                   CrHistory       *history)
{
  CrEditLayer *self;

  g_return_val_if_fail (SHUMATE_IS_VIEWPORT (viewport), NULL);
  g_return_val_if_fail (CR_IS_MAP_RENDERER (renderer), NULL);
  g_return_val_if_fail (CR_IS_HISTORY (history), NULL);

  self = g_object_new (CR_TYPE_EDIT_LAYER, "viewport", viewport, NULL);
  self->renderer = g_object_ref (renderer);
  self->history = g_object_ref (history);
  g_signal_connect_object (renderer, "notify::selected", G_CALLBACK (selected_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (renderer, "notify::event-id", G_CALLBACK (event_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect (_cr_edit_layer_get_store (self), "changed::features", G_CALLBACK (features_changed_cb),
                    self);
  _cr_edit_layer_reload_feature (self);
  update_hint (self);
  return self;
}

/**
 * cr_edit_layer_attach:
 *
 * Puts the layer on top of @map's layers, and takes the right-click on
 * the selected feature's vertices before the map does.
 */
void
cr_edit_layer_attach (CrEditLayer      *self,
                      ShumateSimpleMap *map)
{
  GtkWidget *parent;
  GtkGesture *secondary;

  g_return_if_fail (CR_IS_EDIT_LAYER (self));
  g_return_if_fail (SHUMATE_IS_SIMPLE_MAP (map));

  shumate_simple_map_add_overlay_layer (map, SHUMATE_LAYER (self));

  parent = gtk_widget_get_parent (GTK_WIDGET (map));
  if (parent == NULL)
    parent = GTK_WIDGET (map);
  secondary = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (secondary), GDK_BUTTON_SECONDARY);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (secondary), GTK_PHASE_CAPTURE);
  g_signal_connect_object (secondary, "pressed", G_CALLBACK (secondary_pressed_cb), self, 0);
  gtk_widget_add_controller (parent, GTK_EVENT_CONTROLLER (secondary));
}

/**
 * cr_edit_layer_get_renderer:
 *
 * Returns: (transfer none): the renderer whose selection the layer edits
 */
CrMapRenderer *
cr_edit_layer_get_renderer (CrEditLayer *self)
{
  g_return_val_if_fail (CR_IS_EDIT_LAYER (self), NULL);

  return self->renderer;
}

/**
 * cr_edit_layer_get_history:
 *
 * Returns: (transfer none): the history every edit goes through
 */
CrHistory *
cr_edit_layer_get_history (CrEditLayer *self)
{
  g_return_val_if_fail (CR_IS_EDIT_LAYER (self), NULL);

  return self->history;
}

CrEditTool
cr_edit_layer_get_tool (CrEditLayer *self)
{
  g_return_val_if_fail (CR_IS_EDIT_LAYER (self), CR_EDIT_TOOL_SELECT);

  return self->tool;
}

/* Changing tools drops the sketch in progress. */
void
cr_edit_layer_set_tool (CrEditLayer *self,
                        CrEditTool   tool)
{
  g_return_if_fail (CR_IS_EDIT_LAYER (self));
  g_return_if_fail (tool < CR_EDIT_TOOL_N_TOOLS);

  if (self->tool == tool)
    return;
  _cr_edit_layer_cancel_drag (self);
  _cr_edit_layer_clear_sketch (self);
  self->tool = tool;
  self->has_vertex = FALSE;
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), _cr_edit_tool_is_drawing (tool) ? "crosshair" : NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TOOL]);
  _cr_edit_layer_state_changed (self);
}

/**
 * cr_edit_layer_get_kind:
 *
 * Returns: (nullable): the kind code new features of @tool get
 */
const char *
cr_edit_layer_get_kind (CrEditLayer *self,
                        CrEditTool   tool)
{
  g_return_val_if_fail (CR_IS_EDIT_LAYER (self), NULL);
  g_return_val_if_fail (tool < CR_EDIT_TOOL_N_TOOLS, NULL);

  return self->kinds[tool];
}

/**
 * cr_edit_layer_set_kind:
 *
 * The kind of the next features drawn with @tool. Chosen right after
 * drawing, while the new feature is still selected, it is that
 * feature's kind too.
 */
void
cr_edit_layer_set_kind (CrEditLayer *self,
                        CrEditTool   tool,
                        const char  *kind)
{
  g_return_if_fail (CR_IS_EDIT_LAYER (self));
  g_return_if_fail (_cr_edit_tool_is_drawing (tool));
  g_return_if_fail (kind != NULL);

  if (g_strcmp0 (self->kinds[tool], kind) == 0)
    return;
  g_free (self->kinds[tool]);
  self->kinds[tool] = g_strdup (kind);

  if (self->last_drawn_id != 0 && self->last_drawn_tool == tool && self->sketch->len == 0 &&
      !self->has_centre && self->feature != NULL &&
      cr_record_get_id (CR_RECORD (self->feature)) == self->last_drawn_id)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(CrFeature) changed = _cr_edit_layer_fresh_copy (self, &error);

      if (changed != NULL)
        cr_feature_set_kind (changed, kind);
      if (changed == NULL || !_cr_edit_layer_commit_update (self, _("Change Kind"), changed, NULL, &error))
        _cr_edit_layer_emit_message (self, error->message);
      else
        _cr_edit_layer_show_kind (self, kind);
      _cr_edit_layer_reload_feature (self);
    }
}

/**
 * cr_edit_layer_get_hint:
 *
 * Returns: (nullable): a line telling what the current tool expects
 */
const char *
cr_edit_layer_get_hint (CrEditLayer *self)
{
  g_return_val_if_fail (CR_IS_EDIT_LAYER (self), NULL);

  return self->hint;
}

gboolean
cr_edit_layer_is_sketching (CrEditLayer *self)
{
  g_return_val_if_fail (CR_IS_EDIT_LAYER (self), FALSE);

  return self->sketch->len > 0 || self->has_centre;
}

gboolean
cr_edit_layer_is_dragging (CrEditLayer *self)
{
  g_return_val_if_fail (CR_IS_EDIT_LAYER (self), FALSE);

  return self->drag != CR_EDIT_DRAG_NONE && self->drag != CR_EDIT_DRAG_CANCELLED;
}

guint
cr_edit_layer_get_n_sketch_vertices (CrEditLayer *self)
{
  g_return_val_if_fail (CR_IS_EDIT_LAYER (self), 0);

  return self->sketch->len / 2;
}

gboolean
cr_edit_layer_can_finish (CrEditLayer *self)
{
  g_return_val_if_fail (CR_IS_EDIT_LAYER (self), FALSE);

  return (self->tool == CR_EDIT_TOOL_POLYGON || self->tool == CR_EDIT_TOOL_LINE) && self->sketch->len > 0;
}

gboolean
cr_edit_layer_get_selected_vertex (CrEditLayer *self,
                                   guint       *path,
                                   guint       *index)
{
  g_return_val_if_fail (CR_IS_EDIT_LAYER (self), FALSE);

  if (!self->has_vertex)
    return FALSE;
  if (path != NULL)
    *path = self->vertex_path;
  if (index != NULL)
    *index = self->vertex_index;
  return TRUE;
}
