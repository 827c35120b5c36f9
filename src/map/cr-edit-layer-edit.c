/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cr-edit"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "cr-edit-layer-private.h"
#include "cr-geometry-edit.h"

/* What the edit layer does with the pointer and the keys: the sketch of
 * a new feature, the drags of the selected one's handles, and the writes
 * they end with, each one step of the history. */

CrEditHit
_cr_edit_layer_handle_at (CrEditLayer        *self,
                          const CrProjection *proj,
                          double              x,
                          double              y,
                          guint              *path,
                          guint              *index)
{
  CrGeometry *geometry = _cr_edit_layer_feature_geometry (self);
  double best = CR_EDIT_HANDLE_HIT_PX;
  CrEditHit kind = CR_EDIT_HIT_NONE;
  guint n_paths;

  if (!_cr_edit_layer_shows_handles (self))
    return CR_EDIT_HIT_NONE;

  if (_cr_edit_layer_feature_is_circle (self->feature))
    {
      double cx, cy, rx, ry;

      cr_projection_to_screen (proj, cr_feature_get_center_lon (self->feature),
                               cr_feature_get_center_lat (self->feature), &cx, &cy);
      if (cr_geometry_edit_get_vertex (geometry, 0, 0, &rx, &ry))
        {
          cr_projection_to_screen (proj, rx, ry, &rx, &ry);
          if (hypot (rx - x, ry - y) <= best)
            return CR_EDIT_HIT_RADIUS;
        }
      return hypot (cx - x, cy - y) <= best ? CR_EDIT_HIT_CENTRE : CR_EDIT_HIT_NONE;
    }

  n_paths = cr_geometry_edit_n_paths (geometry);
  for (guint p = 0; p < n_paths; p++)
    {
      guint n = cr_geometry_edit_n_vertices (geometry, p);

      for (guint i = 0; i < n; i++)
        {
          double vx, vy, d;

          cr_geometry_edit_get_vertex (geometry, p, i, &vx, &vy);
          cr_projection_to_screen (proj, vx, vy, &vx, &vy);
          d = hypot (vx - x, vy - y);
          if (d <= best)
            {
              best = d;
              kind = CR_EDIT_HIT_VERTEX;
              *path = p;
              *index = i;
            }
        }
    }
  if (kind != CR_EDIT_HIT_NONE)
    return kind;

  /* Midpoints: @index is the vertex the segment starts from. */
  for (guint p = 0; p < n_paths; p++)
    {
      gboolean is_ring = FALSE;
      guint n = cr_geometry_edit_n_vertices (geometry, p);
      guint n_segments;

      cr_geometry_edit_get_path (geometry, p, &is_ring);
      n_segments = is_ring ? n : (n > 0 ? n - 1 : 0);
      for (guint i = 0; i < n_segments && n >= 2; i++)
        {
          double ax, ay, bx, by, d;

          cr_geometry_edit_get_vertex (geometry, p, i, &ax, &ay);
          cr_geometry_edit_get_vertex (geometry, p, (i + 1) % n, &bx, &by);
          cr_projection_to_screen (proj, ax, ay, &ax, &ay);
          cr_projection_to_screen (proj, bx, by, &bx, &by);
          if (hypot (bx - ax, by - ay) < CR_EDIT_MIDPOINT_MIN_SEGMENT_PX)
            continue;
          d = hypot ((ax + bx) / 2 - x, (ay + by) / 2 - y);
          if (d <= best)
            {
              best = d;
              kind = CR_EDIT_HIT_MIDPOINT;
              *path = p;
              *index = i;
            }
        }
    }
  return kind;
}

/* Moves @feature's waypoints with the edit of its geometry from
 * @before (cr_geometry_edit_follow()), in the step begun. */
static gboolean
update_waypoints (CrEditLayer      *self,
                  CrFeature        *feature,
                  const CrGeometry *before,
                  GError          **error)
{
  g_autoptr(GListModel) waypoints = NULL;

  waypoints = cr_store_list (_cr_edit_layer_get_store (self), CR_TYPE_WAYPOINT, "feature_id",
                             cr_record_get_id (CR_RECORD (feature)), error);
  if (waypoints == NULL)
    return FALSE;
  for (guint i = 0; i < g_list_model_get_n_items (waypoints); i++)
    {
      g_autoptr(CrWaypoint) waypoint = g_list_model_get_item (waypoints, i);
      double lon = cr_waypoint_get_lon (waypoint), lat = cr_waypoint_get_lat (waypoint);
      g_autoptr(CrWaypoint) moved = NULL;

      cr_geometry_edit_follow (before, cr_feature_get_geometry (feature), &lon, &lat);
      if (lon == cr_waypoint_get_lon (waypoint) && lat == cr_waypoint_get_lat (waypoint))
        continue;
      moved = CR_WAYPOINT (cr_record_copy (CR_RECORD (waypoint)));
      cr_waypoint_set_lon (moved, lon);
      cr_waypoint_set_lat (moved, lat);
      if (!cr_history_update (self->history, CR_RECORD (moved), error))
        return FALSE;
    }
  return TRUE;
}

/* Stores @changed (a copy of the selected feature) as one step; when
 * @before is its geometry before, its waypoints go along. */
gboolean
_cr_edit_layer_commit_update (CrEditLayer      *self,
                              const char       *label,
                              CrFeature        *changed,
                              const CrGeometry *before,
                              GError          **error)
{
  if (!cr_history_begin (self->history, label, error))
    return FALSE;
  if (!cr_history_update (self->history, CR_RECORD (changed), error) ||
      (before != NULL && cr_feature_get_geometry (changed) != NULL &&
       !update_waypoints (self, changed, before, error)))
    {
      cr_history_rollback (self->history);
      return FALSE;
    }
  return cr_history_commit (self->history, error);
}

/* The selected feature as the file has it now, ready to change: the one
 * in hand may be older than a change made in another window. */
CrFeature *
_cr_edit_layer_fresh_copy (CrEditLayer *self,
                           GError     **error)
{
  g_autoptr(CrFeature) current = NULL;

  if (self->feature == NULL)
    {
      g_set_error_literal (error, CR_STORE_ERROR, CR_STORE_ERROR_NOT_FOUND,
                           _("The feature is gone. Select another one."));
      return NULL;
    }
  current = cr_store_get (_cr_edit_layer_get_store (self), CR_TYPE_FEATURE,
                          cr_record_get_id (CR_RECORD (self->feature)), error);
  if (current == NULL)
    return NULL;
  return CR_FEATURE (cr_record_copy (CR_RECORD (current)));
}

static gboolean
store_geometry (CrEditLayer *self,
                const char  *label,
                CrGeometry  *geometry,
                gboolean     keep_circle,
                double       centre_lon,
                double       centre_lat,
                double       radius_m)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrFeature) changed = _cr_edit_layer_fresh_copy (self, &error);

  if (changed != NULL)
    {
      g_autoptr(CrGeometry) before = cr_feature_get_geometry (changed) != NULL
                                       ? cr_geometry_ref (cr_feature_get_geometry (changed))
                                       : NULL;

      /* A zone whose sides would cross is not kept (one that crossed
       * already, as imported, may still be edited into shape). */
      if (cr_geometry_edit_crosses_itself (geometry) &&
          (before == NULL || !cr_geometry_edit_crosses_itself (before)))
        {
          _cr_edit_layer_emit_message (self, _("That would make the zone’s sides cross each other, so the "
                                               "change was not kept."));
          _cr_edit_layer_reload_feature (self);
          return FALSE;
        }
      cr_feature_set_geometry (changed, geometry);
      /* A circle edited vertex by vertex is no longer a circle. */
      cr_feature_set_center_lon (changed, keep_circle ? centre_lon : NAN);
      cr_feature_set_center_lat (changed, keep_circle ? centre_lat : NAN);
      cr_feature_set_radius_m (changed, keep_circle ? radius_m : NAN);
      if (_cr_edit_layer_commit_update (self, label, changed, before, &error))
        {
          _cr_edit_layer_reload_feature (self);
          return TRUE;
        }
    }
  _cr_edit_layer_emit_message (self, error->message);
  _cr_edit_layer_reload_feature (self);
  return FALSE;
}

/* A feature just drawn, or given a kind, in a kind the layers panel
 * hides would vanish at once: the kind is shown again, and the user told. */
void
_cr_edit_layer_show_kind (CrEditLayer *self,
                          const char  *code)
{
  g_autofree char *message = cr_map_renderer_show_kind (self->renderer, code);

  if (message != NULL)
    _cr_edit_layer_emit_message (self, message);
}

static gboolean
insert_feature (CrEditLayer *self,
                const char  *label,
                CrEditTool   tool,
                CrGeometry  *geometry,
                double       centre_lon,
                double       centre_lat,
                double       radius_m)
{
  g_autoptr(CrFeature) feature = cr_feature_new ();
  g_autoptr(GError) error = NULL;
  gint64 event_id = cr_map_renderer_get_event_id (self->renderer);

  if (event_id == 0)
    {
      _cr_edit_layer_emit_message (self, _("Choose an event in the list before drawing on the map."));
      return FALSE;
    }
  cr_feature_set_event_id (feature, event_id);
  cr_feature_set_kind (feature, self->kinds[tool]);
  cr_feature_set_geometry (feature, geometry);
  if (tool == CR_EDIT_TOOL_CIRCLE)
    {
      cr_feature_set_center_lon (feature, centre_lon);
      cr_feature_set_center_lat (feature, centre_lat);
      cr_feature_set_radius_m (feature, radius_m);
    }

  if (!cr_history_begin (self->history, label, &error))
    goto fail;
  if (!cr_history_insert (self->history, CR_RECORD (feature), &error))
    {
      cr_history_rollback (self->history);
      goto fail;
    }
  if (!cr_history_commit (self->history, &error))
    goto fail;

  _cr_edit_layer_show_kind (self, self->kinds[tool]);
  cr_map_renderer_set_selected (self->renderer, cr_record_get_id (CR_RECORD (feature)));
  self->last_drawn_id = cr_record_get_id (CR_RECORD (feature));
  self->last_drawn_tool = tool;
  return TRUE;

fail:
  _cr_edit_layer_emit_message (self, error->message);
  return FALSE;
}

void
_cr_edit_layer_clear_sketch (CrEditLayer *self)
{
  g_array_set_size (self->sketch, 0);
  self->has_centre = FALSE;
}

static gboolean
to_lonlat (CrEditLayer *self,
           double       x,
           double       y,
           double      *lon,
           double      *lat)
{
  CrProjection proj;

  if (!cr_edit_layer_get_projection (self, &proj))
    return FALSE;
  cr_projection_to_lonlat (&proj, x, y, lon, lat);
  return TRUE;
}

static void
sketch_add (CrEditLayer *self,
            double       x,
            double       y)
{
  CrProjection proj;
  double lon, lat;
  guint n = self->sketch->len / 2;

  if (!cr_edit_layer_get_projection (self, &proj))
    return;
  /* A second click on the last vertex (a double-click) adds nothing. */
  if (n > 0)
    {
      double lx, ly;

      cr_projection_to_screen (&proj, g_array_index (self->sketch, double, 2 * n - 2),
                               g_array_index (self->sketch, double, 2 * n - 1), &lx, &ly);
      if (hypot (lx - x, ly - y) < CR_EDIT_CLICK_SLOP_PX)
        return;
    }
  cr_projection_to_lonlat (&proj, x, y, &lon, &lat);
  g_array_append_val (self->sketch, lon);
  g_array_append_val (self->sketch, lat);
}

static gboolean
finish_circle (CrEditLayer *self,
               double       x,
               double       y)
{
  g_autoptr(CrGeometry) circle = NULL;
  double lon, lat, radius;

  if (!self->has_centre || !to_lonlat (self, x, y, &lon, &lat))
    return FALSE;
  radius = cr_geodesic_distance_m (self->centre_lon, self->centre_lat, lon, lat);
  if (radius < 0.5)
    return FALSE;
  circle = cr_geometry_new_circle (self->centre_lon, self->centre_lat, radius, CR_EDIT_CIRCLE_SEGMENTS);
  self->has_centre = FALSE;
  insert_feature (self, _("Draw Circle"), CR_EDIT_TOOL_CIRCLE, circle, self->centre_lon,
                  self->centre_lat, radius);
  _cr_edit_layer_state_changed (self);
  return TRUE;
}

static void
place_point (CrEditLayer *self,
             double       x,
             double       y)
{
  g_autoptr(CrGeometry) point = NULL;
  double lon, lat;

  if (!to_lonlat (self, x, y, &lon, &lat))
    return;
  point = cr_geometry_new_point (lon, lat);
  insert_feature (self, _("Draw Point"), CR_EDIT_TOOL_POINT, point, NAN, NAN, NAN);
  _cr_edit_layer_state_changed (self);
}

/* A click on the first corner closes the zone. */
static gboolean
on_first_vertex (CrEditLayer *self,
                 double       x,
                 double       y)
{
  CrProjection proj;
  double fx, fy;

  if (self->tool != CR_EDIT_TOOL_POLYGON || self->sketch->len < 6 ||
      !cr_edit_layer_get_projection (self, &proj))
    return FALSE;
  cr_projection_to_screen (&proj, g_array_index (self->sketch, double, 0),
                           g_array_index (self->sketch, double, 1), &fx, &fy);
  return hypot (fx - x, fy - y) <= CR_EDIT_HANDLE_HIT_PX;
}

static void
select_at (CrEditLayer *self,
           double       x,
           double       y)
{
  CrProjection proj;
  gint64 hit;

  if (!cr_edit_layer_get_projection (self, &proj))
    return;
  hit = cr_map_renderer_hit_test (self->renderer, &proj, x, y, CR_EDIT_SELECT_TOLERANCE_PX);
  cr_map_renderer_set_selected (self->renderer, hit);
}

static void
set_preview (CrEditLayer *self,
             CrGeometry  *preview)
{
  g_clear_pointer (&self->preview, cr_geometry_unref);
  self->preview = preview;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
end_drag (CrEditLayer *self)
{
  self->drag = CR_EDIT_DRAG_NONE;
  g_clear_pointer (&self->drag_origin, cr_geometry_unref);
  set_preview (self, NULL);
  gtk_widget_set_cursor (GTK_WIDGET (self), NULL);
}

void
_cr_edit_layer_cancel_drag (CrEditLayer *self)
{
  if (self->drag == CR_EDIT_DRAG_NONE)
    return;
  if (self->drag == CR_EDIT_DRAG_CIRCLE_SKETCH && self->drag_new_centre)
    self->has_centre = FALSE;
  g_clear_pointer (&self->drag_origin, cr_geometry_unref);
  set_preview (self, NULL);
  /* The button is still down: the rest of the gesture is ignored. */
  self->drag = CR_EDIT_DRAG_CANCELLED;
  _cr_edit_layer_state_changed (self);
}

static void
update_circle_preview (CrEditLayer *self,
                       double       centre_lon,
                       double       centre_lat,
                       double       radius_m)
{
  self->preview_centre_lon = centre_lon;
  self->preview_centre_lat = centre_lat;
  self->preview_radius_m = radius_m;
  set_preview (self, radius_m > 0 ? cr_geometry_new_circle (centre_lon, centre_lat, radius_m,
                                                            CR_EDIT_CIRCLE_SEGMENTS)
                                  : NULL);
}

/**
 * cr_edit_layer_click:
 * @n_press: 1, or 2 for the second press of a double-click
 *
 * A click that did not drag: selects in the select and move tools, adds
 * to the sketch (or finishes it) in the drawing tools.
 */
void
cr_edit_layer_click (CrEditLayer *self,
                     double       x,
                     double       y,
                     int          n_press)
{
  g_return_if_fail (CR_IS_EDIT_LAYER (self));

  switch (self->tool)
    {
    case CR_EDIT_TOOL_SELECT:
    case CR_EDIT_TOOL_MOVE:
      if (n_press == 1)
        select_at (self, x, y);
      break;
    case CR_EDIT_TOOL_POLYGON:
    case CR_EDIT_TOOL_LINE:
      if (n_press >= 2 || on_first_vertex (self, x, y))
        cr_edit_layer_finish (self);
      else
        {
          sketch_add (self, x, y);
          _cr_edit_layer_state_changed (self);
        }
      break;
    case CR_EDIT_TOOL_POINT:
      if (n_press == 1)
        place_point (self, x, y);
      break;
    case CR_EDIT_TOOL_CIRCLE:
    default:
      if (n_press != 1)
        break;
      if (!self->has_centre)
        {
          if (to_lonlat (self, x, y, &self->centre_lon, &self->centre_lat))
            self->has_centre = TRUE;
          _cr_edit_layer_state_changed (self);
        }
      else
        finish_circle (self, x, y);
      break;
    }
}

/**
 * cr_edit_layer_drag_begin:
 * @modifiers: the keyboard modifiers; Alt moves the feature under the
 *   pointer in the select tool
 *
 * A button went down at (@x, @y).
 *
 * Returns: %TRUE when the layer takes the drag, %FALSE when it is left
 *   to the map (to pan)
 */
gboolean
cr_edit_layer_drag_begin (CrEditLayer     *self,
                          double           x,
                          double           y,
                          GdkModifierType  modifiers)
{
  CrProjection proj;
  guint path = 0, index = 0;
  CrEditHit handle;

  g_return_val_if_fail (CR_IS_EDIT_LAYER (self), FALSE);

  if (self->drag != CR_EDIT_DRAG_NONE)
    end_drag (self);
  if (!cr_edit_layer_get_projection (self, &proj))
    return FALSE;
  self->drag_x0 = x;
  self->drag_y0 = y;
  self->drag_moved = FALSE;
  cr_projection_to_lonlat (&proj, x, y, &self->drag_lon0, &self->drag_lat0);

  if (self->tool == CR_EDIT_TOOL_CIRCLE)
    {
      self->drag_new_centre = !self->has_centre;
      if (!self->has_centre)
        {
          self->centre_lon = self->drag_lon0;
          self->centre_lat = self->drag_lat0;
          self->has_centre = TRUE;
        }
      self->drag = CR_EDIT_DRAG_CIRCLE_SKETCH;
      _cr_edit_layer_state_changed (self);
      return TRUE;
    }
  if (_cr_edit_tool_is_drawing (self->tool))
    return FALSE;

  handle = _cr_edit_layer_handle_at (self, &proj, x, y, &path, &index);
  if (handle == CR_EDIT_HIT_NONE)
    {
      gint64 hit;

      if (self->tool != CR_EDIT_TOOL_MOVE && (modifiers & GDK_ALT_MASK) == 0)
        return FALSE;
      hit = cr_map_renderer_hit_test (self->renderer, &proj, x, y, CR_EDIT_SELECT_TOLERANCE_PX);
      if (hit == 0)
        return FALSE;
      cr_map_renderer_set_selected (self->renderer, hit);
      if (_cr_edit_layer_feature_geometry (self) == NULL)
        return FALSE;
      self->drag = CR_EDIT_DRAG_FEATURE;
    }
  else
    {
      static const CrEditDrag drags[] = {
        [CR_EDIT_HIT_VERTEX] = CR_EDIT_DRAG_VERTEX,
        [CR_EDIT_HIT_MIDPOINT] = CR_EDIT_DRAG_MIDPOINT,
        [CR_EDIT_HIT_CENTRE] = CR_EDIT_DRAG_CENTRE,
        [CR_EDIT_HIT_RADIUS] = CR_EDIT_DRAG_RADIUS,
      };

      self->drag = drags[handle];
    }

  self->drag_path = path;
  self->drag_index = index;
  self->drag_origin = cr_geometry_ref (_cr_edit_layer_feature_geometry (self));
  if (self->drag == CR_EDIT_DRAG_MIDPOINT)
    {
      g_autoptr(CrGeometry) inserted = NULL;
      double ax, ay, bx, by, lon, lat;
      guint n = cr_geometry_edit_n_vertices (self->drag_origin, path);

      /* The new vertex starts where its handle was drawn, halfway on screen. */
      cr_geometry_edit_get_vertex (self->drag_origin, path, index, &ax, &ay);
      cr_geometry_edit_get_vertex (self->drag_origin, path, (index + 1) % n, &bx, &by);
      cr_projection_to_screen (&proj, ax, ay, &ax, &ay);
      cr_projection_to_screen (&proj, bx, by, &bx, &by);
      cr_projection_to_lonlat (&proj, (ax + bx) / 2, (ay + by) / 2, &lon, &lat);
      inserted = cr_geometry_edit_insert_vertex (self->drag_origin, path, index + 1, lon, lat, NULL);
      g_clear_pointer (&self->drag_origin, cr_geometry_unref);
      self->drag_origin = g_steal_pointer (&inserted);
      self->drag_index = index + 1;
      set_preview (self, cr_geometry_ref (self->drag_origin));
    }
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "grabbing");
  _cr_edit_layer_state_changed (self);
  return TRUE;
}

void
cr_edit_layer_drag_update (CrEditLayer *self,
                           double       x,
                           double       y)
{
  double lon, lat;

  g_return_if_fail (CR_IS_EDIT_LAYER (self));

  self->has_pointer = TRUE;
  self->pointer_x = x;
  self->pointer_y = y;
  if (self->drag == CR_EDIT_DRAG_NONE || self->drag == CR_EDIT_DRAG_CANCELLED ||
      !to_lonlat (self, x, y, &lon, &lat))
    return;
  if (hypot (x - self->drag_x0, y - self->drag_y0) >= CR_EDIT_CLICK_SLOP_PX)
    self->drag_moved = TRUE;
  if (!self->drag_moved)
    return;

  switch (self->drag)
    {
    case CR_EDIT_DRAG_VERTEX:
    case CR_EDIT_DRAG_MIDPOINT:
      set_preview (self, cr_geometry_edit_move_vertex (self->drag_origin, self->drag_path,
                                                       self->drag_index, lon, lat, NULL));
      break;
    case CR_EDIT_DRAG_FEATURE:
    case CR_EDIT_DRAG_CENTRE:
      /* A circle moves by its centre and is drawn again there. */
      if (_cr_edit_layer_feature_is_circle (self->feature))
        update_circle_preview (self, cr_feature_get_center_lon (self->feature) + lon - self->drag_lon0,
                               cr_feature_get_center_lat (self->feature) + lat - self->drag_lat0,
                               cr_feature_get_radius_m (self->feature));
      else
        set_preview (self, cr_geometry_edit_translate (self->drag_origin, lon - self->drag_lon0,
                                                       lat - self->drag_lat0));
      break;
    case CR_EDIT_DRAG_RADIUS:
      update_circle_preview (self, cr_feature_get_center_lon (self->feature),
                             cr_feature_get_center_lat (self->feature),
                             cr_geodesic_distance_m (cr_feature_get_center_lon (self->feature),
                                                     cr_feature_get_center_lat (self->feature), lon, lat));
      break;
    case CR_EDIT_DRAG_CIRCLE_SKETCH:
      gtk_widget_queue_draw (GTK_WIDGET (self));
      break;
    case CR_EDIT_DRAG_NONE:
    case CR_EDIT_DRAG_CANCELLED:
    default:
      break;
    }
}

void
cr_edit_layer_drag_end (CrEditLayer *self,
                        double       x,
                        double       y)
{
  CrEditDrag drag;

  g_return_if_fail (CR_IS_EDIT_LAYER (self));

  cr_edit_layer_drag_update (self, x, y);
  drag = self->drag;

  switch (drag)
    {
    case CR_EDIT_DRAG_VERTEX:
      if (self->drag_moved && self->preview != NULL)
        {
          CrGeometry *geometry = cr_feature_get_geometry (self->feature);
          gboolean is_point = geometry->type == CR_GEOMETRY_POINT;

          store_geometry (self, is_point ? _("Move Feature") : _("Move Vertex"), self->preview,
                          FALSE, NAN, NAN, NAN);
        }
      self->has_vertex = TRUE;
      self->vertex_path = self->drag_path;
      self->vertex_index = self->drag_index;
      break;
    case CR_EDIT_DRAG_MIDPOINT:
      if (store_geometry (self, _("Add Vertex"), self->preview, FALSE, NAN, NAN, NAN))
        {
          self->has_vertex = TRUE;
          self->vertex_path = self->drag_path;
          self->vertex_index = self->drag_index;
        }
      break;
    case CR_EDIT_DRAG_FEATURE:
    case CR_EDIT_DRAG_CENTRE:
    case CR_EDIT_DRAG_RADIUS:
      if (self->drag_moved && self->preview != NULL)
        {
          gboolean circle = _cr_edit_layer_feature_is_circle (self->feature);

          store_geometry (self, drag == CR_EDIT_DRAG_RADIUS ? _("Change Radius") : _("Move Feature"),
                          self->preview, circle, self->preview_centre_lon, self->preview_centre_lat,
                          self->preview_radius_m);
        }
      break;
    case CR_EDIT_DRAG_CIRCLE_SKETCH:
      /* A click on the centre waits for a second click for the radius. */
      if (self->drag_moved || !self->drag_new_centre)
        finish_circle (self, x, y);
      break;
    case CR_EDIT_DRAG_NONE:
    case CR_EDIT_DRAG_CANCELLED:
    default:
      break;
    }
  end_drag (self);
  _cr_edit_layer_state_changed (self);
}

void
cr_edit_layer_motion (CrEditLayer *self,
                      double       x,
                      double       y)
{
  CrProjection proj;
  const char *cursor = NULL;
  guint path, index;

  g_return_if_fail (CR_IS_EDIT_LAYER (self));

  self->has_pointer = TRUE;
  self->pointer_x = x;
  self->pointer_y = y;
  if (self->sketch->len > 0 || self->has_centre)
    gtk_widget_queue_draw (GTK_WIDGET (self));
  if (self->drag != CR_EDIT_DRAG_NONE || !cr_edit_layer_get_projection (self, &proj))
    return;

  if (_cr_edit_tool_is_drawing (self->tool))
    cursor = on_first_vertex (self, x, y) ? "pointer" : "crosshair";
  else
    switch (_cr_edit_layer_handle_at (self, &proj, x, y, &path, &index))
      {
      case CR_EDIT_HIT_VERTEX:
      case CR_EDIT_HIT_CENTRE:
      case CR_EDIT_HIT_RADIUS:
        cursor = "move";
        break;
      case CR_EDIT_HIT_MIDPOINT:
        cursor = "copy";
        break;
      case CR_EDIT_HIT_NONE:
      default:
        if (self->tool == CR_EDIT_TOOL_MOVE &&
            cr_map_renderer_hit_test (self->renderer, &proj, x, y, CR_EDIT_SELECT_TOLERANCE_PX) != 0)
          cursor = "move";
        break;
      }
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), cursor);
}

/**
 * cr_edit_layer_finish:
 *
 * Stores the zone or line sketched so far (Enter).
 *
 * Returns: %TRUE when there was a sketch to finish
 */
gboolean
cr_edit_layer_finish (CrEditLayer *self)
{
  g_autoptr(CrGeometry) geometry = NULL;
  const double *coords;
  guint n, needed;
  gboolean zone;

  g_return_val_if_fail (CR_IS_EDIT_LAYER (self), FALSE);

  if ((self->tool != CR_EDIT_TOOL_POLYGON && self->tool != CR_EDIT_TOOL_LINE) || self->sketch->len == 0)
    return FALSE;
  zone = self->tool == CR_EDIT_TOOL_POLYGON;
  coords = (const double *) self->sketch->data;
  n = self->sketch->len / 2;
  needed = zone ? 3 : 2;
  if (cr_geometry_edit_count_distinct (coords, n, needed) < needed)
    {
      _cr_edit_layer_emit_message (self,
                                   zone ? _("A zone needs at least three corners: add more, or press Esc to cancel.")
                                        : _("A line needs at least two points: add more, or press Esc to cancel."));
      return TRUE;
    }

  geometry = cr_geometry_new_linestring (coords, n);
  if (zone)
    {
      CrGeometry *ring = g_steal_pointer (&geometry);

      cr_geometry_append_coord (ring, coords[0], coords[1]);
      geometry = cr_geometry_new (CR_GEOMETRY_POLYGON);
      cr_geometry_add_part (geometry, ring);
      /* A bow tie has no meaningful area: the sketch stays, to mend. */
      if (cr_geometry_edit_crosses_itself (geometry))
        {
          _cr_edit_layer_emit_message (self, _("The zone’s sides cross each other: remove the last corners "
                                               "with Backspace and place them again, or press Esc to cancel."));
          return TRUE;
        }
    }
  _cr_edit_layer_clear_sketch (self);
  insert_feature (self, zone ? _("Draw Zone") : _("Draw Line"), self->tool, geometry, NAN, NAN, NAN);
  _cr_edit_layer_state_changed (self);
  return TRUE;
}

/**
 * cr_edit_layer_cancel:
 *
 * Esc: puts a drag back, else drops the sketch, else goes back to the
 * select tool, else forgets the vertex selection, else the selection.
 *
 * Returns: %FALSE when there was nothing to cancel
 */
gboolean
cr_edit_layer_cancel (CrEditLayer *self)
{
  g_return_val_if_fail (CR_IS_EDIT_LAYER (self), FALSE);

  if (self->drag != CR_EDIT_DRAG_NONE && self->drag != CR_EDIT_DRAG_CANCELLED)
    _cr_edit_layer_cancel_drag (self);
  else if (self->sketch->len > 0 || self->has_centre)
    {
      _cr_edit_layer_clear_sketch (self);
      _cr_edit_layer_state_changed (self);
    }
  else if (self->tool != CR_EDIT_TOOL_SELECT)
    cr_edit_layer_set_tool (self, CR_EDIT_TOOL_SELECT);
  else if (self->has_vertex)
    {
      self->has_vertex = FALSE;
      _cr_edit_layer_state_changed (self);
    }
  else if (cr_map_renderer_get_selected (self->renderer) != 0)
    cr_map_renderer_set_selected (self->renderer, 0);
  else
    return FALSE;
  return TRUE;
}

/* Backspace while sketching. */
gboolean
cr_edit_layer_remove_last_vertex (CrEditLayer *self)
{
  g_return_val_if_fail (CR_IS_EDIT_LAYER (self), FALSE);

  if (self->sketch->len > 0)
    g_array_set_size (self->sketch, self->sketch->len - 2);
  else if (self->has_centre && self->drag == CR_EDIT_DRAG_NONE)
    self->has_centre = FALSE;
  else
    return FALSE;
  _cr_edit_layer_state_changed (self);
  return TRUE;
}

/**
 * cr_edit_layer_delete:
 *
 * The Delete key: the selected vertex if there is one, else the feature.
 */
gboolean
cr_edit_layer_delete (CrEditLayer *self)
{
  g_return_val_if_fail (CR_IS_EDIT_LAYER (self), FALSE);

  if (self->has_vertex)
    return cr_edit_layer_delete_vertex (self);
  return cr_edit_layer_delete_feature (self);
}

/* Refused, with a message, below three corners for a ring or two
 * points for a line. */
gboolean
cr_edit_layer_delete_vertex (CrEditLayer *self)
{
  g_autoptr(CrGeometry) geometry = NULL;
  g_autoptr(GError) error = NULL;
  guint n;

  g_return_val_if_fail (CR_IS_EDIT_LAYER (self), FALSE);

  if (!self->has_vertex || _cr_edit_layer_feature_geometry (self) == NULL || self->drag != CR_EDIT_DRAG_NONE)
    return FALSE;
  geometry = cr_geometry_edit_delete_vertex (_cr_edit_layer_feature_geometry (self), self->vertex_path,
                                             self->vertex_index, &error);
  if (geometry == NULL)
    {
      _cr_edit_layer_emit_message (self, error->message);
      return FALSE;
    }
  if (!store_geometry (self, _("Delete Vertex"), geometry, FALSE, NAN, NAN, NAN))
    return FALSE;
  /* The vertex before takes the selection, for deleting several in a row. */
  n = cr_geometry_edit_n_vertices (_cr_edit_layer_feature_geometry (self), self->vertex_path);
  self->vertex_index = self->vertex_index > 0 ? self->vertex_index - 1 : (n > 0 ? n - 1 : 0);
  self->has_vertex = n > 0;
  _cr_edit_layer_state_changed (self);
  return TRUE;
}

gboolean
cr_edit_layer_delete_feature (CrEditLayer *self)
{
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (CR_IS_EDIT_LAYER (self), FALSE);

  if (self->feature == NULL || self->drag != CR_EDIT_DRAG_NONE)
    return FALSE;
  if (!cr_history_begin (self->history, _("Delete Feature"), &error))
    goto fail;
  if (!cr_history_delete (self->history, CR_RECORD (self->feature), &error))
    {
      cr_history_rollback (self->history);
      goto fail;
    }
  if (!cr_history_commit (self->history, &error))
    goto fail;
  /* The store's change notification has cleared the selection. */
  return TRUE;

fail:
  _cr_edit_layer_emit_message (self, error->message);
  return FALSE;
}

/**
 * cr_edit_layer_set_radius:
 *
 * Gives circle @feature_id a new radius: its polygon is drawn again
 * around the same centre, as one undoable step.
 */
gboolean
cr_edit_layer_set_radius (CrEditLayer *self,
                          gint64       feature_id,
                          double       radius_m,
                          GError     **error)
{
  g_autoptr(CrFeature) current = NULL;
  g_autoptr(CrFeature) changed = NULL;
  g_autoptr(CrGeometry) circle = NULL;

  g_return_val_if_fail (CR_IS_EDIT_LAYER (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!(radius_m > 0))
    {
      g_set_error_literal (error, CR_STORE_ERROR, CR_STORE_ERROR_INVALID,
                           _("A radius must be more than 0 m. Enter a distance in metres."));
      return FALSE;
    }
  current = cr_store_get (_cr_edit_layer_get_store (self), CR_TYPE_FEATURE, feature_id, error);
  if (current == NULL)
    return FALSE;
  if (!_cr_edit_layer_feature_is_circle (current))
    {
      g_set_error_literal (error, CR_STORE_ERROR, CR_STORE_ERROR_INVALID,
                           _("Only circles drawn by radius have a radius. Edit this zone's corners instead."));
      return FALSE;
    }
  changed = CR_FEATURE (cr_record_copy (CR_RECORD (current)));
  circle = cr_geometry_new_circle (cr_feature_get_center_lon (current), cr_feature_get_center_lat (current),
                                   radius_m, CR_EDIT_CIRCLE_SEGMENTS);
  cr_feature_set_geometry (changed, circle);
  cr_feature_set_radius_m (changed, radius_m);
  if (!_cr_edit_layer_commit_update (self, _("Change Radius"), changed, NULL, error))
    return FALSE;
  _cr_edit_layer_reload_feature (self);
  _cr_edit_layer_state_changed (self);
  return TRUE;
}

/* Selects a vertex of the selected feature, for Delete. */
gboolean
cr_edit_layer_select_vertex (CrEditLayer *self,
                             guint        path,
                             guint        index)
{
  g_return_val_if_fail (CR_IS_EDIT_LAYER (self), FALSE);

  if (_cr_edit_layer_feature_geometry (self) == NULL || _cr_edit_layer_feature_is_circle (self->feature) ||
      index >= cr_geometry_edit_n_vertices (_cr_edit_layer_feature_geometry (self), path))
    return FALSE;
  self->has_vertex = TRUE;
  self->vertex_path = path;
  self->vertex_index = index;
  _cr_edit_layer_state_changed (self);
  return TRUE;
}

/* The selected feature's vertex whose handle is at (@x, @y), if any. */
gboolean
cr_edit_layer_vertex_at (CrEditLayer *self,
                         double       x,
                         double       y,
                         guint       *path,
                         guint       *index)
{
  CrProjection proj;
  guint p = 0, i = 0;

  g_return_val_if_fail (CR_IS_EDIT_LAYER (self), FALSE);

  if (!cr_edit_layer_get_projection (self, &proj) ||
      _cr_edit_layer_handle_at (self, &proj, x, y, &p, &i) != CR_EDIT_HIT_VERTEX)
    return FALSE;
  if (path != NULL)
    *path = p;
  if (index != NULL)
    *index = i;
  return TRUE;
}
