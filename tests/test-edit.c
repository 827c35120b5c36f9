/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <gtk/gtk.h>
#include <math.h>

#include "cr-application.h"
#include "cr-edit-tools.h"
#include "cr-feature-kind.h"
#include "cr-geometry-edit.h"
#include "cr-test-widgets.h"
#include "cr-window.h"

/* The drawing and editing tools in the real window, driven through the
 * edit layer's input API with widget coordinates, checked in the store:
 * every tool draws, every edit is one undoable step that undo puts back
 * exactly, and what is refused or cancelled writes nothing. Runs in its
 * own X server (tests/xvfb-run-test). */

typedef struct _Fixture
{
  CrWindow *window;
  CrEditTools *tools;
  CrEditLayer *layer;
  CrStore *store;
  CrHistory *history;
  CrMapRenderer *renderer;
  gint64 event_id;
  guint n_messages;
  void (*body) (struct _Fixture *f);
} Fixture;

static gboolean
layer_ready (gpointer data)
{
  Fixture *f = data;

  CrProjection proj;

  return cr_edit_layer_get_projection (f->layer, &proj) && proj.width > 300 && proj.height > 300;
}

/* Widget coordinates of a position, with the projection the layer uses
 * now: call it right before the layer call it feeds, with no main loop
 * iteration in between (the details pane opening resizes the map). */
static void
to_xy (Fixture *f,
       double   lon,
       double   lat,
       double  *x,
       double  *y)
{
  CrProjection proj;

  g_assert_true (cr_edit_layer_get_projection (f->layer, &proj));
  cr_projection_to_screen (&proj, lon, lat, x, y);
}

static void
to_lonlat (Fixture *f,
           double   x,
           double   y,
           double  *lon,
           double  *lat)
{
  CrProjection proj;

  g_assert_true (cr_edit_layer_get_projection (f->layer, &proj));
  cr_projection_to_lonlat (&proj, x, y, lon, lat);
}

/* A point of the view, @dx, @dy pixels from its centre. */
static void
view_point (Fixture *f,
            double   dx,
            double   dy,
            double  *x,
            double  *y)
{
  CrProjection proj;

  g_assert_true (cr_edit_layer_get_projection (f->layer, &proj));
  *x = proj.width / 2 + dx;
  *y = proj.height / 2 + dy;
}

static gint64
audit_count (Fixture *f)
{
  return cr_store_count (f->store, CR_TYPE_AUDIT_ENTRY, NULL, 0, NULL);
}

static gint64
feature_count (Fixture *f)
{
  return cr_store_count (f->store, CR_TYPE_FEATURE, "event_id", f->event_id, NULL);
}

static CrFeature *
get_feature (Fixture *f,
             gint64   id)
{
  g_autoptr(GError) error = NULL;
  CrFeature *feature = cr_store_get (f->store, CR_TYPE_FEATURE, id, &error);

  g_assert_no_error (error);
  return feature;
}

static gboolean
feature_exists (Fixture *f,
                gint64   id)
{
  g_autoptr(CrFeature) feature = cr_store_get (f->store, CR_TYPE_FEATURE, id, NULL);

  return feature != NULL;
}

static CrGeometry *
stored_geometry (Fixture *f,
                 gint64   id)
{
  g_autoptr(CrFeature) feature = get_feature (f, id);

  return cr_geometry_ref (cr_feature_get_geometry (feature));
}

/* Writes a feature straight to the store, outside the history. */
static gint64
add_feature (Fixture    *f,
             const char *kind,
             CrGeometry *geometry)
{
  g_autoptr(CrFeature) feature = cr_feature_new ();
  g_autoptr(GError) error = NULL;

  cr_feature_set_event_id (feature, f->event_id);
  cr_feature_set_kind (feature, kind);
  cr_feature_set_geometry (feature, geometry);
  g_assert_true (cr_store_insert (f->store, CR_RECORD (feature), &error));
  g_assert_no_error (error);
  return cr_record_get_id (CR_RECORD (feature));
}

/* A square zone of 2 × @half pixels around the view point (@dx, @dy),
 * with a hole of 2 × @hole pixels in its middle. */
static CrGeometry *
square_zone (Fixture *f,
             double   dx,
             double   dy,
             double   half,
             double   hole)
{
  const int corners[][2] = { { -1, -1 }, { 1, -1 }, { 1, 1 }, { -1, 1 }, { -1, -1 } };
  CrGeometry *polygon = cr_geometry_new (CR_GEOMETRY_POLYGON);
  double size[2] = { half, hole };

  for (guint r = 0; r < (hole > 0 ? 2 : 1); r++)
    {
      CrGeometry *ring = cr_geometry_new (CR_GEOMETRY_LINESTRING);

      for (guint i = 0; i < G_N_ELEMENTS (corners); i++)
        {
          /* The hole runs the other way round. */
          guint k = r == 0 ? i : G_N_ELEMENTS (corners) - 1 - i;
          double x, y, lon, lat;

          view_point (f, dx + corners[k][0] * size[r], dy + corners[k][1] * size[r], &x, &y);
          to_lonlat (f, x, y, &lon, &lat);
          cr_geometry_append_coord (ring, lon, lat);
        }
      cr_geometry_add_part (polygon, ring);
    }
  return polygon;
}

static void
select_feature (Fixture *f,
                gint64   id)
{
  cr_map_renderer_set_selected (f->renderer, id);
  g_assert_cmpint (cr_map_renderer_get_selected (f->renderer), ==, id);
}

/* Undo puts the geometry back exactly, redo brings the edit back. */
static void
assert_undo_redo (Fixture    *f,
                  gint64      id,
                  const char *label,
                  CrGeometry *before)
{
  g_autoptr(CrGeometry) after = stored_geometry (f, id);
  g_autoptr(CrGeometry) undone = NULL;
  g_autoptr(CrGeometry) redone = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpstr (cr_history_get_undo_label (f->history), ==, label);
  g_assert_false (cr_geometry_equal (before, after));
  g_assert_true (cr_history_undo (f->history, &error));
  g_assert_no_error (error);
  undone = stored_geometry (f, id);
  g_assert_true (cr_geometry_equal (undone, before));
  g_assert_true (cr_history_redo (f->history, &error));
  g_assert_no_error (error);
  redone = stored_geometry (f, id);
  g_assert_true (cr_geometry_equal (redone, after));
}

static void
message_cb (CrEditLayer *layer,
            const char  *message,
            Fixture     *f)
{
  g_assert_nonnull (message);
  g_assert_cmpstr (message, !=, "");
  f->n_messages++;
}

/* Drawing */

static void
draw_polygon (Fixture *f)
{
  const double offsets[][2] = { { -100, -80 }, { 60, -90 }, { 90, 70 }, { -70, 50 } };
  double expected[G_N_ELEMENTS (offsets)][2];
  g_autoptr(CrFeature) feature = NULL;
  const CrGeometry *ring;
  CrGeometry *geometry;
  gint64 n_before = feature_count (f);
  gint64 id;

  cr_edit_layer_set_tool (f->layer, CR_EDIT_TOOL_POLYGON);
  for (guint i = 0; i < G_N_ELEMENTS (offsets); i++)
    {
      double x, y;

      view_point (f, offsets[i][0], offsets[i][1], &x, &y);
      to_lonlat (f, x, y, &expected[i][0], &expected[i][1]);
      cr_edit_layer_click (f->layer, x, y, 1);
    }
  g_assert_cmpuint (cr_edit_layer_get_n_sketch_vertices (f->layer), ==, 4);
  /* Sketching writes nothing. */
  g_assert_cmpint (feature_count (f), ==, n_before);
  g_assert_true (cr_edit_layer_finish (f->layer));
  g_assert_false (cr_edit_layer_is_sketching (f->layer));

  g_assert_cmpint (feature_count (f), ==, n_before + 1);
  id = cr_map_renderer_get_selected (f->renderer);
  g_assert_cmpint (id, !=, 0);
  feature = get_feature (f, id);
  g_assert_cmpint (cr_feature_get_event_id (feature), ==, f->event_id);
  g_assert_cmpstr (cr_feature_get_kind (feature), ==, "area");
  g_assert_true (isnan (cr_feature_get_radius_m (feature)));
  geometry = cr_feature_get_geometry (feature);
  g_assert_cmpint (geometry->type, ==, CR_GEOMETRY_POLYGON);
  g_assert_cmpuint (cr_geometry_edit_n_paths (geometry), ==, 1);
  ring = cr_geometry_edit_get_path (geometry, 0, NULL);
  g_assert_cmpuint (ring->n_coords, ==, 5);
  for (guint i = 0; i < G_N_ELEMENTS (offsets); i++)
    {
      g_assert_cmpfloat_with_epsilon (ring->coords[2 * i], expected[i][0], 1e-9);
      g_assert_cmpfloat_with_epsilon (ring->coords[2 * i + 1], expected[i][1], 1e-9);
    }
  g_assert_cmpfloat (ring->coords[8], ==, ring->coords[0]);
  g_assert_cmpfloat (ring->coords[9], ==, ring->coords[1]);
  g_assert_cmpstr (cr_history_get_undo_label (f->history), ==, "Draw Zone");

  /* Undo removes it, redo brings it back. */
  g_assert_true (cr_history_undo (f->history, NULL));
  g_assert_false (feature_exists (f, id));
  g_assert_cmpint (cr_map_renderer_get_selected (f->renderer), ==, 0);
  g_assert_true (cr_history_redo (f->history, NULL));
  g_assert_true (feature_exists (f, id));

  /* Too few corners: refused with a message, the sketch kept. */
  {
    double x, y;
    guint n_messages = f->n_messages;

    view_point (f, 0, 0, &x, &y);
    cr_edit_layer_click (f->layer, x, y, 1);
    cr_edit_layer_click (f->layer, x + 50, y, 1);
    g_assert_true (cr_edit_layer_finish (f->layer));
    g_assert_cmpuint (f->n_messages, ==, n_messages + 1);
    g_assert_true (cr_edit_layer_is_sketching (f->layer));
    g_assert_cmpint (feature_count (f), ==, n_before + 1);
    /* Backspace removes the last vertex. */
    g_assert_true (cr_edit_layer_remove_last_vertex (f->layer));
    g_assert_cmpuint (cr_edit_layer_get_n_sketch_vertices (f->layer), ==, 1);
    g_assert_true (cr_edit_layer_cancel (f->layer));
  }
}

static void
draw_line (Fixture *f)
{
  g_autoptr(CrFeature) feature = NULL;
  const CrGeometry *line;
  double x, y, last_lon, last_lat;
  gint64 id;

  cr_edit_layer_set_tool (f->layer, CR_EDIT_TOOL_LINE);
  view_point (f, -120, 0, &x, &y);
  cr_edit_layer_click (f->layer, x, y, 1);
  view_point (f, 0, -60, &x, &y);
  cr_edit_layer_click (f->layer, x, y, 1);
  /* A double-click: its first click adds the last vertex, its second
   * finishes without adding it twice. */
  view_point (f, 110, 40, &x, &y);
  to_lonlat (f, x, y, &last_lon, &last_lat);
  cr_edit_layer_click (f->layer, x, y, 1);
  cr_edit_layer_click (f->layer, x, y, 2);
  g_assert_false (cr_edit_layer_is_sketching (f->layer));

  id = cr_map_renderer_get_selected (f->renderer);
  feature = get_feature (f, id);
  g_assert_cmpstr (cr_feature_get_kind (feature), ==, "line");
  line = cr_feature_get_geometry (feature);
  g_assert_cmpint (line->type, ==, CR_GEOMETRY_LINESTRING);
  g_assert_cmpuint (line->n_coords, ==, 3);
  g_assert_cmpfloat_with_epsilon (line->coords[4], last_lon, 1e-9);
  g_assert_cmpfloat_with_epsilon (line->coords[5], last_lat, 1e-9);
  g_assert_cmpstr (cr_history_get_undo_label (f->history), ==, "Draw Line");
}

static void
store_message (char      **message,
               const char *text)
{
  g_free (*message);
  *message = g_strdup (text);
}

static void
draw_point (Fixture *f)
{
  g_autoptr(CrFeature) first = NULL;
  g_autoptr(CrFeature) second = NULL;
  g_autoptr(CrFeature) changed = NULL;
  double x, y, lon, lat;
  gint64 first_id, second_id;

  cr_edit_layer_set_tool (f->layer, CR_EDIT_TOOL_POINT);
  view_point (f, 30, 30, &x, &y);
  to_lonlat (f, x, y, &lon, &lat);
  cr_edit_layer_click (f->layer, x, y, 1);
  first_id = cr_map_renderer_get_selected (f->renderer);
  first = get_feature (f, first_id);
  g_assert_cmpstr (cr_feature_get_kind (first), ==, "point");
  g_assert_cmpint (cr_feature_get_geometry (first)->type, ==, CR_GEOMETRY_POINT);
  g_assert_cmpfloat_with_epsilon (cr_feature_get_geometry (first)->coords[0], lon, 1e-9);
  g_assert_cmpfloat_with_epsilon (cr_feature_get_geometry (first)->coords[1], lat, 1e-9);
  g_assert_cmpstr (cr_history_get_undo_label (f->history), ==, "Draw Point");

  /* The kind chosen right after drawing applies to that point, as one
   * step, and to the next ones. */
  cr_edit_layer_set_kind (f->layer, CR_EDIT_TOOL_POINT, "medical_post");
  changed = get_feature (f, first_id);
  g_assert_cmpstr (cr_feature_get_kind (changed), ==, "medical_post");
  g_assert_cmpstr (cr_history_get_undo_label (f->history), ==, "Change Kind");
  view_point (f, -30, 30, &x, &y);
  cr_edit_layer_click (f->layer, x, y, 1);
  second_id = cr_map_renderer_get_selected (f->renderer);
  g_assert_cmpint (second_id, !=, first_id);
  second = get_feature (f, second_id);
  g_assert_cmpstr (cr_feature_get_kind (second), ==, "medical_post");
  g_assert_cmpstr (cr_edit_layer_get_kind (f->layer, CR_EDIT_TOOL_POINT), ==, "medical_post");
  /* Other tools keep their own kind. */
  g_assert_cmpstr (cr_edit_layer_get_kind (f->layer, CR_EDIT_TOOL_POLYGON), ==, "area");

  /* A point drawn in a kind, or a group, the layers panel hides would
   * vanish: they are shown again, and the user is told. */
  {
    g_autofree char *message = NULL;
    gulong handler = g_signal_connect_swapped (f->layer, "message", G_CALLBACK (store_message), &message);

    cr_map_renderer_set_kind_visible (f->renderer, "medical_post", FALSE);
    view_point (f, 0, -30, &x, &y);
    cr_edit_layer_click (f->layer, x, y, 1);
    g_assert_true (cr_map_renderer_get_kind_visible (f->renderer, "medical_post"));
    g_assert_nonnull (message);
    g_assert_nonnull (strstr (message, "shown again"));
    g_clear_pointer (&message, g_free);
    cr_map_renderer_set_group_visible (f->renderer, CR_KIND_GROUP_POINT, FALSE);
    view_point (f, 0, 60, &x, &y);
    cr_edit_layer_click (f->layer, x, y, 1);
    g_assert_true (cr_map_renderer_get_group_visible (f->renderer, CR_KIND_GROUP_POINT));
    g_assert_nonnull (message);
    g_clear_pointer (&message, g_free);
    /* Nothing hidden, nothing said. */
    view_point (f, 60, 60, &x, &y);
    cr_edit_layer_click (f->layer, x, y, 1);
    g_assert_null (message);
    g_signal_handler_disconnect (f->layer, handler);
  }
}

static void
assert_circle (CrFeature *feature,
               double     lon,
               double     lat,
               double     radius)
{
  const CrGeometry *ring = cr_geometry_edit_get_path (cr_feature_get_geometry (feature), 0, NULL);

  g_assert_cmpfloat_with_epsilon (cr_feature_get_center_lon (feature), lon, 1e-9);
  g_assert_cmpfloat_with_epsilon (cr_feature_get_center_lat (feature), lat, 1e-9);
  g_assert_cmpfloat_with_epsilon (cr_feature_get_radius_m (feature), radius, radius * 1e-9);
  g_assert_cmpint (cr_feature_get_geometry (feature)->type, ==, CR_GEOMETRY_POLYGON);
  g_assert_cmpuint (ring->n_coords, >=, 33);
  for (guint i = 0; i < ring->n_coords; i++)
    {
      double d = cr_geodesic_distance_m (lon, lat, ring->coords[2 * i], ring->coords[2 * i + 1]);

      g_assert_cmpfloat (fabs (d - radius), <, radius * 0.01);
    }
}

static void
draw_circle (Fixture *f)
{
  g_autoptr(CrFeature) dragged = NULL;
  g_autoptr(CrFeature) clicked = NULL;
  g_autoptr(CrFeature) resized = NULL;
  g_autoptr(CrGeometry) before = NULL;
  g_autoptr(GError) error = NULL;
  double cx, cy, clon, clat, elon, elat, radius;
  gint64 id;

  /* Press on the centre, drag out the radius. */
  cr_edit_layer_set_tool (f->layer, CR_EDIT_TOOL_CIRCLE);
  view_point (f, 0, 0, &cx, &cy);
  to_lonlat (f, cx, cy, &clon, &clat);
  to_lonlat (f, cx + 100, cy, &elon, &elat);
  radius = cr_geodesic_distance_m (clon, clat, elon, elat);
  g_assert_true (cr_edit_layer_drag_begin (f->layer, cx, cy, 0));
  cr_edit_layer_drag_update (f->layer, cx + 50, cy);
  cr_edit_layer_drag_end (f->layer, cx + 100, cy);
  id = cr_map_renderer_get_selected (f->renderer);
  dragged = get_feature (f, id);
  assert_circle (dragged, clon, clat, radius);
  g_assert_cmpstr (cr_feature_get_kind (dragged), ==, "area");
  g_assert_cmpstr (cr_history_get_undo_label (f->history), ==, "Draw Circle");

  /* Or click the centre, then click for the radius. */
  view_point (f, -40, 20, &cx, &cy);
  to_lonlat (f, cx, cy, &clon, &clat);
  cr_edit_layer_click (f->layer, cx, cy, 1);
  g_assert_true (cr_edit_layer_is_sketching (f->layer));
  to_lonlat (f, cx, cy - 60, &elon, &elat);
  radius = cr_geodesic_distance_m (clon, clat, elon, elat);
  cr_edit_layer_click (f->layer, cx, cy - 60, 1);
  g_assert_false (cr_edit_layer_is_sketching (f->layer));
  id = cr_map_renderer_get_selected (f->renderer);
  clicked = get_feature (f, id);
  assert_circle (clicked, clon, clat, radius);

  /* A new radius draws the polygon again around the same centre. */
  before = stored_geometry (f, id);
  g_assert_true (cr_edit_layer_set_radius (f->layer, id, 250, &error));
  g_assert_no_error (error);
  resized = get_feature (f, id);
  assert_circle (resized, clon, clat, 250);
  assert_undo_redo (f, id, "Change Radius", before);

  /* Dragging the radius handle (the ring's first vertex) does the same. */
  {
    g_autoptr(CrFeature) handled = NULL;
    g_autoptr(CrGeometry) old = stored_geometry (f, id);
    double hx, hy, rlon, rlat;

    cr_edit_layer_set_tool (f->layer, CR_EDIT_TOOL_SELECT);
    select_feature (f, id);
    cr_geometry_edit_get_vertex (old, 0, 0, &rlon, &rlat);
    to_xy (f, rlon, rlat, &hx, &hy);
    g_assert_true (cr_edit_layer_drag_begin (f->layer, hx, hy, 0));
    cr_edit_layer_drag_update (f->layer, hx + 20, hy);
    cr_edit_layer_drag_end (f->layer, hx + 40, hy);
    to_lonlat (f, hx + 40, hy, &elon, &elat);
    handled = get_feature (f, id);
    assert_circle (handled, clon, clat, cr_geodesic_distance_m (clon, clat, elon, elat));
    assert_undo_redo (f, id, "Change Radius", old);
  }

  /* Only circles have a radius. */
  {
    g_autoptr(CrGeometry) square = square_zone (f, 0, 0, 40, 0);
    gint64 plain = add_feature (f, "area", square);

    g_assert_false (cr_edit_layer_set_radius (f->layer, plain, 100, &error));
    g_assert_error (error, CR_STORE_ERROR, CR_STORE_ERROR_INVALID);
  }
}

/* Editing vertices */

static void
drag_vertex (Fixture *f)
{
  g_autoptr(CrGeometry) zone = square_zone (f, 0, 0, 100, 30);
  g_autoptr(CrGeometry) before = NULL;
  g_autoptr(CrGeometry) moved = NULL;
  gint64 id = add_feature (f, "red_zone", zone);
  double vlon, vlat, x, y, tlon, tlat;
  guint path = 9, index = 9;

  cr_edit_layer_set_tool (f->layer, CR_EDIT_TOOL_SELECT);
  select_feature (f, id);
  before = stored_geometry (f, id);

  /* Vertex 2 of the exterior, dragged 30 px right and 20 px down. */
  cr_geometry_edit_get_vertex (before, 0, 2, &vlon, &vlat);
  to_xy (f, vlon, vlat, &x, &y);
  g_assert_true (cr_edit_layer_vertex_at (f->layer, x + 2, y - 2, &path, &index));
  g_assert_cmpuint (path, ==, 0);
  g_assert_cmpuint (index, ==, 2);
  g_assert_true (cr_edit_layer_drag_begin (f->layer, x + 2, y - 2, 0));
  g_assert_true (cr_edit_layer_is_dragging (f->layer));
  cr_edit_layer_drag_update (f->layer, x + 15, y + 10);
  to_lonlat (f, x + 30, y + 20, &tlon, &tlat);
  cr_edit_layer_drag_end (f->layer, x + 30, y + 20);
  g_assert_false (cr_edit_layer_is_dragging (f->layer));

  moved = stored_geometry (f, id);
  {
    double mx, my;

    g_assert_true (cr_geometry_edit_get_vertex (moved, 0, 2, &mx, &my));
    g_assert_cmpfloat_with_epsilon (mx, tlon, 1e-9);
    g_assert_cmpfloat_with_epsilon (my, tlat, 1e-9);
  }
  /* The other vertices and the hole did not move. */
  g_assert_true (cr_geometry_equal (cr_geometry_edit_get_path (moved, 1, NULL),
                                    cr_geometry_edit_get_path (before, 1, NULL)));
  for (guint i = 0; i < 4; i++)
    if (i != 2)
      {
        double ax, ay, bx, by;

        cr_geometry_edit_get_vertex (moved, 0, i, &ax, &ay);
        cr_geometry_edit_get_vertex (before, 0, i, &bx, &by);
        g_assert_cmpfloat (ax, ==, bx);
        g_assert_cmpfloat (ay, ==, by);
      }
  /* The dragged vertex is the selected one now. */
  g_assert_true (cr_edit_layer_get_selected_vertex (f->layer, &path, &index));
  g_assert_cmpuint (index, ==, 2);
  assert_undo_redo (f, id, "Move Vertex", before);

  /* A press off the handles is left to the map, to pan. */
  view_point (f, 0, -60, &x, &y);
  g_assert_false (cr_edit_layer_drag_begin (f->layer, x, y, 0));
  g_assert_false (cr_edit_layer_is_dragging (f->layer));
}

static void
insert_vertex (Fixture *f)
{
  g_autoptr(CrGeometry) zone = square_zone (f, 0, 0, 100, 30);
  g_autoptr(CrGeometry) before = NULL;
  g_autoptr(CrGeometry) after = NULL;
  gint64 id = add_feature (f, "orange_zone", zone);
  double ax, ay, bx, by, mx, my, tlon, tlat, lon, lat;
  guint path, index;

  cr_edit_layer_set_tool (f->layer, CR_EDIT_TOOL_SELECT);
  select_feature (f, id);
  before = stored_geometry (f, id);

  /* The midpoint handle of the exterior's segment 0-1, pulled outwards. */
  cr_geometry_edit_get_vertex (before, 0, 0, &lon, &lat);
  to_xy (f, lon, lat, &ax, &ay);
  cr_geometry_edit_get_vertex (before, 0, 1, &lon, &lat);
  to_xy (f, lon, lat, &bx, &by);
  mx = (ax + bx) / 2;
  my = (ay + by) / 2;
  g_assert_false (cr_edit_layer_vertex_at (f->layer, mx, my, NULL, NULL));
  g_assert_true (cr_edit_layer_drag_begin (f->layer, mx, my, 0));
  cr_edit_layer_drag_update (f->layer, mx, my - 20);
  to_lonlat (f, mx, my - 40, &tlon, &tlat);
  cr_edit_layer_drag_end (f->layer, mx, my - 40);

  after = stored_geometry (f, id);
  g_assert_cmpuint (cr_geometry_edit_n_vertices (after, 0), ==, 5);
  g_assert_cmpuint (cr_geometry_edit_n_vertices (after, 1), ==, 4);
  g_assert_true (cr_geometry_edit_get_vertex (after, 0, 1, &lon, &lat));
  g_assert_cmpfloat_with_epsilon (lon, tlon, 1e-9);
  g_assert_cmpfloat_with_epsilon (lat, tlat, 1e-9);
  g_assert_true (cr_edit_layer_get_selected_vertex (f->layer, &path, &index));
  g_assert_cmpuint (path, ==, 0);
  g_assert_cmpuint (index, ==, 1);
  assert_undo_redo (f, id, "Add Vertex", before);
}

static void
delete_vertex (Fixture *f)
{
  g_autoptr(CrGeometry) zone = square_zone (f, 0, 0, 100, 30);
  g_autoptr(CrGeometry) before = NULL;
  g_autoptr(CrGeometry) after = NULL;
  g_autoptr(CrGeometry) triangle = NULL;
  gint64 id = add_feature (f, "yellow_zone", zone);
  gint64 triangle_id, line_id, audit;
  double x, y, lon, lat;
  guint n_messages;

  cr_edit_layer_set_tool (f->layer, CR_EDIT_TOOL_SELECT);
  select_feature (f, id);
  before = stored_geometry (f, id);

  /* A click on a vertex handle selects it; Delete removes it. */
  cr_geometry_edit_get_vertex (before, 1, 3, &lon, &lat);
  to_xy (f, lon, lat, &x, &y);
  g_assert_true (cr_edit_layer_drag_begin (f->layer, x, y, 0));
  cr_edit_layer_drag_end (f->layer, x + 1, y);
  g_assert_true (cr_edit_layer_get_selected_vertex (f->layer, NULL, NULL));
  {
    g_autoptr(CrGeometry) unchanged = stored_geometry (f, id);

    g_assert_true (cr_geometry_equal (unchanged, before));
  }
  g_assert_true (cr_edit_layer_delete (f->layer));
  after = stored_geometry (f, id);
  g_assert_cmpuint (cr_geometry_edit_n_vertices (after, 0), ==, 4);
  g_assert_cmpuint (cr_geometry_edit_n_vertices (after, 1), ==, 3);
  g_assert_true (feature_exists (f, id));
  assert_undo_redo (f, id, "Delete Vertex", before);

  /* Not below three corners: refused, with a message, nothing written. */
  {
    const double xy[] = { -80, -60, 80, -60, 0, 70 };
    CrGeometry *ring = cr_geometry_new (CR_GEOMETRY_LINESTRING);

    triangle = cr_geometry_new (CR_GEOMETRY_POLYGON);
    for (guint i = 0; i <= 3; i++)
      {
        view_point (f, xy[2 * (i % 3)], xy[2 * (i % 3) + 1], &x, &y);
        to_lonlat (f, x, y, &lon, &lat);
        cr_geometry_append_coord (ring, lon, lat);
      }
    cr_geometry_add_part (triangle, ring);
  }
  triangle_id = add_feature (f, "area", triangle);
  select_feature (f, triangle_id);
  g_assert_true (cr_edit_layer_select_vertex (f->layer, 0, 1));
  audit = audit_count (f);
  n_messages = f->n_messages;
  g_assert_false (cr_edit_layer_delete_vertex (f->layer));
  g_assert_false (cr_edit_layer_delete (f->layer));
  g_assert_cmpuint (f->n_messages, ==, n_messages + 2);
  g_assert_cmpint (audit_count (f), ==, audit);
  g_assert_true (feature_exists (f, triangle_id));
  {
    g_autoptr(CrGeometry) same = stored_geometry (f, triangle_id);

    g_assert_true (cr_geometry_equal (same, triangle));
  }

  /* Nor below two points for a line. */
  {
    g_autoptr(CrGeometry) line = cr_geometry_new (CR_GEOMETRY_LINESTRING);

    for (int i = 0; i < 2; i++)
      {
        view_point (f, -50 + 100 * i, 90, &x, &y);
        to_lonlat (f, x, y, &lon, &lat);
        cr_geometry_append_coord (line, lon, lat);
      }
    line_id = add_feature (f, "motorcade", line);
  }
  audit = audit_count (f);
  select_feature (f, line_id);
  g_assert_true (cr_edit_layer_select_vertex (f->layer, 0, 0));
  g_assert_false (cr_edit_layer_delete_vertex (f->layer));
  g_assert_cmpint (audit_count (f), ==, audit);
  g_assert_cmpuint (f->n_messages, ==, n_messages + 3);
}

static void
assert_translated (const CrGeometry *before,
                   const CrGeometry *after,
                   double            dlon,
                   double            dlat)
{
  guint n_paths = cr_geometry_edit_n_paths (before);

  g_assert_cmpint (after->type, ==, before->type);
  g_assert_cmpuint (cr_geometry_edit_n_paths (after), ==, n_paths);
  for (guint p = 0; p < n_paths; p++)
    {
      const CrGeometry *a = cr_geometry_edit_get_path (before, p, NULL);
      const CrGeometry *b = cr_geometry_edit_get_path (after, p, NULL);

      g_assert_cmpuint (a->n_coords, ==, b->n_coords);
      for (guint i = 0; i < a->n_coords; i++)
        {
          g_assert_cmpfloat_with_epsilon (b->coords[2 * i] - a->coords[2 * i], dlon, 1e-9);
          g_assert_cmpfloat_with_epsilon (b->coords[2 * i + 1] - a->coords[2 * i + 1], dlat, 1e-9);
        }
    }
}

static void
move_feature (Fixture *f)
{
  g_autoptr(CrGeometry) zone = square_zone (f, 0, 0, 100, 30);
  g_autoptr(CrGeometry) before = NULL;
  g_autoptr(CrGeometry) after = NULL;
  g_autoptr(CrGeometry) again = NULL;
  gint64 id = add_feature (f, "pedestrian_zone", zone);
  double x, y, slon, slat, elon, elat;

  /* The move tool: a press on the zone (not in its hole) selects it and
   * drags it whole. */
  cr_edit_layer_set_tool (f->layer, CR_EDIT_TOOL_MOVE);
  before = stored_geometry (f, id);
  view_point (f, -60, -60, &x, &y);
  to_lonlat (f, x, y, &slon, &slat);
  to_lonlat (f, x + 40, y + 30, &elon, &elat);
  g_assert_true (cr_edit_layer_drag_begin (f->layer, x, y, 0));
  g_assert_cmpint (cr_map_renderer_get_selected (f->renderer), ==, id);
  cr_edit_layer_drag_update (f->layer, x + 20, y + 10);
  cr_edit_layer_drag_end (f->layer, x + 40, y + 30);
  after = stored_geometry (f, id);
  assert_translated (before, after, elon - slon, elat - slat);
  g_assert_cmpuint (after->n_parts, ==, 2);
  assert_undo_redo (f, id, "Move Feature", before);

  /* Alt+drag in the select tool does the same. */
  cr_edit_layer_set_tool (f->layer, CR_EDIT_TOOL_SELECT);
  view_point (f, 100, 90, &x, &y);
  g_assert_false (cr_edit_layer_drag_begin (f->layer, x, y, 0));
  g_assert_true (cr_edit_layer_drag_begin (f->layer, x, y, GDK_ALT_MASK));
  to_lonlat (f, x, y, &slon, &slat);
  to_lonlat (f, x - 25, y + 35, &elon, &elat);
  cr_edit_layer_drag_end (f->layer, x - 25, y + 35);
  again = stored_geometry (f, id);
  assert_translated (after, again, elon - slon, elat - slat);
}

static void
move_circle (Fixture *f)
{
  g_autoptr(CrFeature) moved = NULL;
  double cx, cy, clon, clat, elon, elat, radius;
  gint64 id;

  cr_edit_layer_set_tool (f->layer, CR_EDIT_TOOL_CIRCLE);
  view_point (f, 0, 0, &cx, &cy);
  cr_edit_layer_click (f->layer, cx, cy, 1);
  cr_edit_layer_click (f->layer, cx + 50, cy, 1);
  id = cr_map_renderer_get_selected (f->renderer);
  {
    g_autoptr(CrFeature) circle = get_feature (f, id);

    radius = cr_feature_get_radius_m (circle);
    clon = cr_feature_get_center_lon (circle);
    clat = cr_feature_get_center_lat (circle);
  }

  /* Its centre handle moves it; it stays a circle of the same radius. */
  cr_edit_layer_set_tool (f->layer, CR_EDIT_TOOL_SELECT);
  to_xy (f, clon, clat, &cx, &cy);
  g_assert_true (cr_edit_layer_drag_begin (f->layer, cx, cy, 0));
  to_lonlat (f, cx - 30, cy + 30, &elon, &elat);
  cr_edit_layer_drag_end (f->layer, cx - 30, cy + 30);
  moved = get_feature (f, id);
  assert_circle (moved, elon, elat, radius);
  g_assert_cmpstr (cr_history_get_undo_label (f->history), ==, "Move Feature");
}

static void
delete_feature (Fixture *f)
{
  g_autoptr(CrGeometry) zone = square_zone (f, 0, 0, 50, 0);
  g_autoptr(GError) error = NULL;
  gint64 id = add_feature (f, "area", zone);
  GActionGroup *actions = cr_edit_tools_get_actions (f->tools);

  cr_edit_layer_set_tool (f->layer, CR_EDIT_TOOL_SELECT);
  g_assert_false (g_action_group_get_action_enabled (actions, "delete"));
  select_feature (f, id);
  g_assert_true (g_action_group_get_action_enabled (actions, "delete"));

  /* Delete with no vertex selected removes the feature. */
  g_assert_true (cr_edit_layer_delete (f->layer));
  g_assert_false (feature_exists (f, id));
  g_assert_cmpint (cr_map_renderer_get_selected (f->renderer), ==, 0);
  g_assert_cmpstr (cr_history_get_undo_label (f->history), ==, "Delete Feature");
  g_assert_true (cr_history_undo (f->history, &error));
  g_assert_no_error (error);
  {
    g_autoptr(CrGeometry) back = stored_geometry (f, id);

    g_assert_true (cr_geometry_equal (back, zone));
  }
  g_assert_true (cr_history_redo (f->history, &error));
  g_assert_false (feature_exists (f, id));
  g_assert_true (cr_history_undo (f->history, &error));

  /* The details pane's way: the "tool.delete" action on the window. */
  select_feature (f, id);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "tool.delete", NULL));
  g_assert_false (feature_exists (f, id));
}

/* Cancelling */

static void
escape_cancels (Fixture *f)
{
  g_autoptr(CrGeometry) zone = square_zone (f, 0, 0, 100, 0);
  g_autoptr(CrGeometry) before = NULL;
  gint64 id, audit = audit_count (f), n_features;
  double x, y, lon, lat;

  /* Esc drops the sketch; nothing was written. */
  n_features = feature_count (f);
  cr_edit_layer_set_tool (f->layer, CR_EDIT_TOOL_POLYGON);
  for (int i = 0; i < 3; i++)
    {
      view_point (f, -80 + 70 * i, 40 * (i % 2), &x, &y);
      cr_edit_layer_click (f->layer, x, y, 1);
    }
  g_assert_true (cr_edit_layer_is_sketching (f->layer));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "tool.cancel", NULL));
  g_assert_false (cr_edit_layer_is_sketching (f->layer));
  g_assert_false (cr_edit_layer_finish (f->layer));
  g_assert_cmpint (audit_count (f), ==, audit);
  g_assert_cmpint (feature_count (f), ==, n_features);
  /* Esc again leaves the drawing tool. */
  g_assert_true (cr_edit_layer_cancel (f->layer));
  g_assert_cmpint (cr_edit_layer_get_tool (f->layer), ==, CR_EDIT_TOOL_SELECT);

  /* The same for a circle waiting for its radius. */
  cr_edit_layer_set_tool (f->layer, CR_EDIT_TOOL_CIRCLE);
  view_point (f, 0, 0, &x, &y);
  cr_edit_layer_click (f->layer, x, y, 1);
  g_assert_true (cr_edit_layer_cancel (f->layer));
  g_assert_false (cr_edit_layer_is_sketching (f->layer));
  g_assert_cmpint (audit_count (f), ==, audit);

  /* Esc during a drag puts the vertex back. */
  id = add_feature (f, "area", zone);
  audit = audit_count (f);
  cr_edit_layer_set_tool (f->layer, CR_EDIT_TOOL_SELECT);
  select_feature (f, id);
  before = stored_geometry (f, id);
  cr_geometry_edit_get_vertex (before, 0, 0, &lon, &lat);
  to_xy (f, lon, lat, &x, &y);
  g_assert_true (cr_edit_layer_drag_begin (f->layer, x, y, 0));
  cr_edit_layer_drag_update (f->layer, x - 50, y - 50);
  g_assert_true (cr_edit_layer_cancel (f->layer));
  g_assert_false (cr_edit_layer_is_dragging (f->layer));
  cr_edit_layer_drag_update (f->layer, x - 60, y - 60);
  cr_edit_layer_drag_end (f->layer, x - 60, y - 60);
  g_assert_cmpint (audit_count (f), ==, audit);
  {
    g_autoptr(CrGeometry) same = stored_geometry (f, id);

    g_assert_true (cr_geometry_equal (same, before));
  }
  /* The selection survives the cancelled drag. */
  g_assert_cmpint (cr_map_renderer_get_selected (f->renderer), ==, id);
}

/* Selecting */

static void
click_selects_topmost (Fixture *f)
{
  g_autoptr(CrGeometry) zone = square_zone (f, 0, 0, 100, 0);
  g_autoptr(CrGeometry) point = NULL;
  gint64 zone_id, point_id;
  double x, y, lon, lat;

  zone_id = add_feature (f, "red_zone", zone);
  view_point (f, 20, 20, &x, &y);
  to_lonlat (f, x, y, &lon, &lat);
  point = cr_geometry_new_point (lon, lat);
  point_id = add_feature (f, "cp_ops", point);

  cr_edit_layer_set_tool (f->layer, CR_EDIT_TOOL_SELECT);
  view_point (f, 22, 19, &x, &y);
  cr_edit_layer_click (f->layer, x, y, 1);
  g_assert_cmpint (cr_map_renderer_get_selected (f->renderer), ==, point_id);
  view_point (f, -50, -50, &x, &y);
  cr_edit_layer_click (f->layer, x, y, 1);
  g_assert_cmpint (cr_map_renderer_get_selected (f->renderer), ==, zone_id);
  /* Off every feature: nothing. */
  view_point (f, 0, 160, &x, &y);
  cr_edit_layer_click (f->layer, x, y, 1);
  g_assert_cmpint (cr_map_renderer_get_selected (f->renderer), ==, 0);
}

static GtkDropDown *
find_drop_down (GtkWidget *widget)
{
  if (GTK_IS_DROP_DOWN (widget))
    return GTK_DROP_DOWN (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkDropDown *found = find_drop_down (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static const char *
shown_kind (GtkDropDown *drop_down)
{
  CrFeatureKind *kind = gtk_drop_down_get_selected_item (drop_down);

  return kind != NULL ? cr_feature_kind_get_code (kind) : NULL;
}

/* The kind drop-down shows the tool's kinds and sets the tool's kind. */
static void
kind_drop_down (Fixture *f)
{
  GtkDropDown *drop_down = find_drop_down (GTK_WIDGET (f->tools));
  GListModel *kinds;
  guint n;

  g_assert_nonnull (drop_down);
  cr_edit_layer_set_tool (f->layer, CR_EDIT_TOOL_SELECT);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (drop_down)));
  cr_edit_layer_set_tool (f->layer, CR_EDIT_TOOL_POLYGON);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (drop_down)));
  g_assert_cmpstr (shown_kind (drop_down), ==, "area");

  /* Only perimeter kinds for a zone. */
  kinds = gtk_drop_down_get_model (drop_down);
  n = g_list_model_get_n_items (kinds);
  g_assert_cmpuint (n, >, 3);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CrFeatureKind) kind = g_list_model_get_item (kinds, i);

      g_assert_cmpint (cr_feature_kind_get_group (kind), ==, CR_KIND_GROUP_PERIMETER);
      if (g_str_equal (cr_feature_kind_get_code (kind), "drone_ban_zone"))
        gtk_drop_down_set_selected (drop_down, i);
    }
  g_assert_cmpstr (cr_edit_layer_get_kind (f->layer, CR_EDIT_TOOL_POLYGON), ==, "drone_ban_zone");

  cr_edit_layer_set_tool (f->layer, CR_EDIT_TOOL_LINE);
  g_assert_cmpstr (shown_kind (drop_down), ==, "line");
  cr_edit_layer_set_tool (f->layer, CR_EDIT_TOOL_POLYGON);
  g_assert_cmpstr (shown_kind (drop_down), ==, "drone_ban_zone");
  g_assert_cmpstr (cr_edit_layer_get_kind (f->layer, CR_EDIT_TOOL_LINE), ==, "line");
}

/* The actions on the window drive the layer, and the layer's tool shows
 * in the "tool" action's state (the toggle buttons). */
static void
tool_actions (Fixture *f)
{
  GActionGroup *actions = cr_edit_tools_get_actions (f->tools);
  g_autoptr(GVariant) state = NULL;
  const char *const names[] = { "select", "move", "polygon", "line", "point", "circle" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *action = g_strconcat ("tool.", names[i], NULL);
      g_autoptr(GVariant) now = NULL;
      CrEditTool tool;

      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), action, NULL));
      g_assert_true (cr_edit_tool_from_string (names[i], &tool));
      g_assert_cmpint (cr_edit_layer_get_tool (f->layer), ==, tool);
      now = g_action_group_get_action_state (actions, "tool");
      g_assert_cmpstr (g_variant_get_string (now, NULL), ==, names[i]);
    }
  g_action_group_change_action_state (actions, "tool", g_variant_new_string ("polygon"));
  g_assert_cmpint (cr_edit_layer_get_tool (f->layer), ==, CR_EDIT_TOOL_POLYGON);
  cr_edit_layer_set_tool (f->layer, CR_EDIT_TOOL_LINE);
  state = g_action_group_get_action_state (actions, "tool");
  g_assert_cmpstr (g_variant_get_string (state, NULL), ==, "line");
  g_assert_true (cr_edit_tools_from_window (GTK_WINDOW (f->window)) == f->tools);
  g_assert_nonnull (cr_edit_layer_get_hint (f->layer));
  g_assert_false (g_action_group_get_action_enabled (actions, "finish"));
}

/* The application, as test-window.c runs it */

static void
activate_cb (CrApplication *app,
             GtkWindow     *window,
             gpointer       data)
{
  Fixture *f = data;
  g_autoptr(CrEvent) event = cr_event_new ();
  g_autoptr(GError) error = NULL;
  ShumateViewport *viewport;

  f->window = CR_WINDOW (window);
  f->store = cr_application_get_store (app);
  f->history = cr_window_get_history (f->window);
  f->renderer = cr_window_get_renderer (f->window);
  f->tools = cr_edit_tools_from_window (GTK_WINDOW (f->window));
  g_assert_nonnull (f->tools);
  f->layer = cr_edit_tools_get_layer (f->tools);
  g_signal_connect (f->layer, "message", G_CALLBACK (message_cb), f);

  cr_event_set_name (event, "Edit test");
  g_assert_true (cr_store_insert (f->store, CR_RECORD (event), &error));
  g_assert_no_error (error);
  f->event_id = cr_record_get_id (CR_RECORD (event));
  g_assert_true (cr_window_select_event (f->window, "Edit test"));
  g_assert_cmpint (cr_map_renderer_get_event_id (f->renderer), ==, f->event_id);

  /* Zoom 15 over the Brussels Grand-Place: about 3 m a pixel. */
  viewport = shumate_map_get_viewport (cr_window_get_map (f->window));
  shumate_viewport_set_zoom_level (viewport, 15);
  shumate_location_set_location (SHUMATE_LOCATION (viewport), 50.8467, 4.3525);
  g_assert_true (cr_test_wait_until (layer_ready, f, 20));

  f->body (f);
  g_signal_handlers_disconnect_by_data (f->layer, f);
}

/* An itinerary's waypoint, by its position. */
static void
waypoint_at (Fixture *f,
             gint64   feature_id,
             guint    position,
             double  *lon,
             double  *lat)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) waypoints = cr_store_list (f->store, CR_TYPE_WAYPOINT, "feature_id", feature_id, &error);
  g_autoptr(CrWaypoint) waypoint = NULL;

  g_assert_no_error (error);
  waypoint = g_list_model_get_item (waypoints, position);
  g_assert_nonnull (waypoint);
  *lon = cr_waypoint_get_lon (waypoint);
  *lat = cr_waypoint_get_lat (waypoint);
}

/* Moving an itinerary, or the vertex of a waypoint, takes the waypoints
 * along, in the same step: undone together. */
static void
waypoints_follow (Fixture *f)
{
  CrGeometry *line = cr_geometry_new (CR_GEOMETRY_LINESTRING);
  g_autoptr(CrGeometry) owned = line;
  const double dx[] = { -120, -40, 40, 120 };
  double x, y, slon, slat, elon, elat, lon0, lat0, lon1, lat1, lon, lat;
  gint64 id;

  for (guint i = 0; i < G_N_ELEMENTS (dx); i++)
    {
      view_point (f, dx[i], i % 2 == 0 ? 0 : 40, &x, &y);
      to_lonlat (f, x, y, &lon, &lat);
      cr_geometry_append_coord (line, lon, lat);
    }
  id = add_feature (f, "motorcade", line);
  for (guint i = 1; i < 4; i += 2)
    {
      g_autoptr(CrWaypoint) waypoint = cr_waypoint_new ();
      g_autoptr(GError) error = NULL;

      cr_waypoint_set_feature_id (waypoint, id);
      cr_waypoint_set_position (waypoint, (int) i / 2);
      cr_waypoint_set_lon (waypoint, line->coords[2 * i]);
      cr_waypoint_set_lat (waypoint, line->coords[2 * i + 1]);
      g_assert_true (cr_store_insert (f->store, CR_RECORD (waypoint), &error));
      g_assert_no_error (error);
    }
  waypoint_at (f, id, 0, &lon0, &lat0);
  waypoint_at (f, id, 1, &lon1, &lat1);

  /* The whole line moved: both waypoints with it. */
  cr_edit_layer_set_tool (f->layer, CR_EDIT_TOOL_MOVE);
  view_point (f, 0, 20, &x, &y);
  to_lonlat (f, x, y, &slon, &slat);
  to_lonlat (f, x + 30, y - 25, &elon, &elat);
  g_assert_true (cr_edit_layer_drag_begin (f->layer, x, y, 0));
  g_assert_cmpint (cr_map_renderer_get_selected (f->renderer), ==, id);
  cr_edit_layer_drag_end (f->layer, x + 30, y - 25);
  g_assert_cmpstr (cr_history_get_undo_label (f->history), ==, "Move Feature");
  waypoint_at (f, id, 0, &lon, &lat);
  g_assert_cmpfloat_with_epsilon (lon, lon0 + elon - slon, 1e-9);
  g_assert_cmpfloat_with_epsilon (lat, lat0 + elat - slat, 1e-9);
  waypoint_at (f, id, 1, &lon, &lat);
  g_assert_cmpfloat_with_epsilon (lon, lon1 + elon - slon, 1e-9);
  g_assert_cmpfloat_with_epsilon (lat, lat1 + elat - slat, 1e-9);

  /* Undone: both back, with the line. */
  g_assert_true (cr_history_undo (f->history, NULL));
  waypoint_at (f, id, 0, &lon, &lat);
  g_assert_cmpfloat (lon, ==, lon0);
  g_assert_cmpfloat (lat, ==, lat0);

  /* The vertex of the first waypoint dragged: it follows; the other
   * stays. */
  cr_edit_layer_set_tool (f->layer, CR_EDIT_TOOL_SELECT);
  select_feature (f, id);
  to_xy (f, lon0, lat0, &x, &y);
  to_lonlat (f, x + 15, y + 35, &elon, &elat);
  g_assert_true (cr_edit_layer_drag_begin (f->layer, x, y, 0));
  cr_edit_layer_drag_update (f->layer, x + 8, y + 20);
  cr_edit_layer_drag_end (f->layer, x + 15, y + 35);
  g_assert_cmpstr (cr_history_get_undo_label (f->history), ==, "Move Vertex");
  waypoint_at (f, id, 0, &lon, &lat);
  g_assert_cmpfloat_with_epsilon (lon, elon, 1e-9);
  g_assert_cmpfloat_with_epsilon (lat, elat, 1e-9);
  waypoint_at (f, id, 1, &lon, &lat);
  g_assert_cmpfloat (lon, ==, lon1);
  g_assert_cmpfloat (lat, ==, lat1);
  g_assert_true (cr_history_undo (f->history, NULL));
  waypoint_at (f, id, 0, &lon, &lat);
  g_assert_cmpfloat (lon, ==, lon0);
  g_assert_true (cr_history_redo (f->history, NULL));
  waypoint_at (f, id, 0, &lon, &lat);
  g_assert_cmpfloat_with_epsilon (lon, elon, 1e-9);
}

/* A zone whose sides cross (a bow tie) has no meaningful area: not
 * drawn, and no edit makes one. */
static void
crossing_sides (Fixture *f)
{
  const double bow_tie[][2] = { { -80, -60 }, { 80, 60 }, { 80, -60 }, { -80, 60 } };
  g_autoptr(CrGeometry) zone = square_zone (f, 0, 0, 100, 0);
  g_autoptr(CrGeometry) before = NULL;
  g_autoptr(CrGeometry) after = NULL;
  g_autofree char *message = NULL;
  gint64 n_before, id;
  gulong handler;
  double x, y, lon, lat;

  handler = g_signal_connect_swapped (f->layer, "message", G_CALLBACK (store_message), &message);
  n_before = feature_count (f);
  cr_edit_layer_set_tool (f->layer, CR_EDIT_TOOL_POLYGON);
  for (guint i = 0; i < G_N_ELEMENTS (bow_tie); i++)
    {
      view_point (f, bow_tie[i][0], bow_tie[i][1], &x, &y);
      cr_edit_layer_click (f->layer, x, y, 1);
    }
  g_assert_true (cr_edit_layer_finish (f->layer));
  g_assert_cmpint (feature_count (f), ==, n_before);
  g_assert_nonnull (message);
  g_assert_nonnull (strstr (message, "cross"));
  /* The sketch stays, to mend. */
  g_assert_true (cr_edit_layer_is_sketching (f->layer));
  g_assert_cmpuint (cr_edit_layer_get_n_sketch_vertices (f->layer), ==, 4);
  g_assert_true (cr_edit_layer_cancel (f->layer));
  g_clear_pointer (&message, g_free);

  /* A corner of a square dragged across the opposite side: not kept. */
  id = add_feature (f, "yellow_zone", zone);
  cr_edit_layer_set_tool (f->layer, CR_EDIT_TOOL_SELECT);
  select_feature (f, id);
  before = stored_geometry (f, id);
  cr_geometry_edit_get_vertex (before, 0, 0, &lon, &lat);
  to_xy (f, lon, lat, &x, &y);
  g_assert_true (cr_edit_layer_drag_begin (f->layer, x, y, 0));
  cr_edit_layer_drag_update (f->layer, x + 150, y + 250);
  cr_edit_layer_drag_end (f->layer, x + 300, y + 100);
  after = stored_geometry (f, id);
  g_assert_true (cr_geometry_equal (after, before));
  g_assert_nonnull (message);
  g_assert_nonnull (strstr (message, "cross"));
  g_signal_handler_disconnect (f->layer, handler);
}

typedef struct
{
  const char *path;
  void (*body) (Fixture *f);
} TestCase;

static void
run_in_application (gconstpointer data)
{
  const TestCase *test = data;
  Fixture f = { .body = test->body };

  cr_test_run_window (FALSE, activate_cb, &f);
}

static const TestCase tests[] = {
  { "/edit/draw-polygon", draw_polygon },
  { "/edit/draw-line", draw_line },
  { "/edit/draw-point", draw_point },
  { "/edit/draw-circle", draw_circle },
  { "/edit/drag-vertex", drag_vertex },
  { "/edit/insert-vertex", insert_vertex },
  { "/edit/delete-vertex", delete_vertex },
  { "/edit/move-feature", move_feature },
  { "/edit/move-circle", move_circle },
  { "/edit/waypoints-follow", waypoints_follow },
  { "/edit/crossing-sides", crossing_sides },
  { "/edit/delete-feature", delete_feature },
  { "/edit/escape-cancels", escape_cancels },
  { "/edit/click-selects-topmost", click_selects_topmost },
  { "/edit/tool-actions", tool_actions },
  { "/edit/kind-drop-down", kind_drop_down },
};

int
main (int   argc,
      char *argv[])
{
  cr_test_widgets_init (&argc, &argv);

  for (guint i = 0; i < G_N_ELEMENTS (tests); i++)
    g_test_add_data_func (tests[i].path, &tests[i], run_in_application);

  return g_test_run ();
}
