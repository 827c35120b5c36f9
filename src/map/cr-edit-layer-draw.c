/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cr-edit"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <pango/pangocairo.h>

#include "cr-edit-layer-private.h"
#include "cr-geometry-edit.h"

/* What the edit layer draws over the features: the sketch with its
 * rubber band, the selected feature's handles, and the geometry a drag
 * would store, all in the accent blue the selection outline uses. */

/* Handles closer than this to the last one drawn are skipped: a dense
 * imported ring would otherwise be a solid bead necklace. */
#define MIN_HANDLE_SPACING_PX 4.0

static void
set_accent (cairo_t *cr,
            double   alpha)
{
  cairo_set_source_rgba (cr, 0.21, 0.52, 0.89, alpha);
}

/* Lines and rings of @g into @cr's path; TRUE if it has an area. */
static gboolean
geometry_path (cairo_t            *cr,
               const CrProjection *proj,
               const CrGeometry   *g,
               gboolean            in_polygon)
{
  gboolean area = FALSE;

  if (g->type == CR_GEOMETRY_LINESTRING)
    {
      for (guint i = 0; i < g->n_coords; i++)
        {
          double x, y;

          cr_projection_to_screen (proj, g->coords[2 * i], g->coords[2 * i + 1], &x, &y);
          if (i == 0)
            cairo_move_to (cr, x, y);
          else
            cairo_line_to (cr, x, y);
        }
      if (in_polygon)
        cairo_close_path (cr);
      return in_polygon;
    }
  for (guint i = 0; i < g->n_parts; i++)
    area |= geometry_path (cr, proj, g->parts[i], g->type == CR_GEOMETRY_POLYGON);
  return area;
}

static void
draw_handle (cairo_t *cr,
             double   x,
             double   y,
             double   radius,
             gboolean selected)
{
  cairo_new_path (cr);
  cairo_arc (cr, x, y, radius, 0, 2 * G_PI);
  if (selected)
    set_accent (cr, 1);
  else
    cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_fill_preserve (cr);
  if (selected)
    cairo_set_source_rgb (cr, 1, 1, 1);
  else
    set_accent (cr, 1);
  cairo_set_line_width (cr, 2);
  cairo_stroke (cr);
}

static void
draw_square_handle (cairo_t *cr,
                    double   x,
                    double   y,
                    double   half)
{
  cairo_new_path (cr);
  cairo_rectangle (cr, x - half, y - half, 2 * half, 2 * half);
  set_accent (cr, 1);
  cairo_fill_preserve (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_set_line_width (cr, 2);
  cairo_stroke (cr);
}

/* A dark pill with @text, its left end near (@x, @y), kept in view. */
static void
draw_label (CrEditLayer        *self,
            cairo_t            *cr,
            const CrProjection *proj,
            double              x,
            double              y,
            const char         *text)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
  PangoAttrList *attrs = pango_attr_list_new ();
  int width, height;
  double pad = 6;

  pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);
  pango_layout_get_pixel_size (layout, &width, &height);

  x = CLAMP (x + 14, pad, proj->width - width - 2 * pad);
  y = CLAMP (y - height - 14, pad, proj->height - height - 2 * pad);
  cairo_new_path (cr);
  cairo_arc (cr, x + height / 2.0, y + height / 2.0 + pad / 2, (height + pad) / 2, G_PI / 2, 3 * G_PI / 2);
  cairo_arc (cr, x + width + 2 * pad - height / 2.0, y + height / 2.0 + pad / 2, (height + pad) / 2,
             -G_PI / 2, G_PI / 2);
  cairo_close_path (cr);
  cairo_set_source_rgba (cr, 0.1, 0.1, 0.12, 0.85);
  cairo_fill (cr);
  cairo_move_to (cr, x + pad, y + pad / 2);
  cairo_set_source_rgb (cr, 1, 1, 1);
  pango_cairo_show_layout (cr, layout);
}

/* The geometry a drag would store: a white casing under the blue. */
static void
draw_preview (cairo_t            *cr,
              const CrProjection *proj,
              const CrGeometry   *g)
{
  gboolean area;

  cairo_new_path (cr);
  area = geometry_path (cr, proj, g, FALSE);
  if (area)
    {
      cairo_set_fill_rule (cr, CAIRO_FILL_RULE_EVEN_ODD);
      set_accent (cr, 0.18);
      cairo_fill_preserve (cr);
    }
  cairo_set_source_rgba (cr, 1, 1, 1, 0.9);
  cairo_set_line_width (cr, 5);
  cairo_stroke_preserve (cr);
  set_accent (cr, 1);
  cairo_set_line_width (cr, 2.5);
  cairo_stroke (cr);
}

static gboolean
in_view (const CrProjection *proj,
         double              x,
         double              y)
{
  return x > -20 && y > -20 && x < proj->width + 20 && y < proj->height + 20;
}

static void
draw_circle_handles (CrEditLayer        *self,
                     cairo_t            *cr,
                     const CrProjection *proj,
                     const CrGeometry   *geometry)
{
  gboolean dragging = self->preview != NULL &&
                      (self->drag == CR_EDIT_DRAG_CENTRE || self->drag == CR_EDIT_DRAG_RADIUS ||
                       self->drag == CR_EDIT_DRAG_FEATURE);
  double lon = dragging ? self->preview_centre_lon : cr_feature_get_center_lon (self->feature);
  double lat = dragging ? self->preview_centre_lat : cr_feature_get_center_lat (self->feature);
  double radius = dragging ? self->preview_radius_m : cr_feature_get_radius_m (self->feature);
  const double dash[] = { 4, 4 };
  double cx, cy, rx, ry;

  cr_projection_to_screen (proj, lon, lat, &cx, &cy);
  if (!cr_geometry_edit_get_vertex (geometry, 0, 0, &rx, &ry))
    return;
  cr_projection_to_screen (proj, rx, ry, &rx, &ry);

  cairo_new_path (cr);
  cairo_move_to (cr, cx, cy);
  cairo_line_to (cr, rx, ry);
  set_accent (cr, 0.9);
  cairo_set_line_width (cr, 1.5);
  cairo_set_dash (cr, dash, G_N_ELEMENTS (dash), 0);
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);
  draw_square_handle (cr, cx, cy, CR_EDIT_HANDLE_RADIUS);
  draw_handle (cr, rx, ry, CR_EDIT_HANDLE_RADIUS + 1, FALSE);
  if (self->drag == CR_EDIT_DRAG_RADIUS && self->preview != NULL)
    {
      g_autofree char *text = _cr_edit_format_distance (radius);

      draw_label (self, cr, proj, rx, ry, text);
    }
}

static void
draw_handles (CrEditLayer        *self,
              cairo_t            *cr,
              const CrProjection *proj)
{
  const CrGeometry *geometry = self->preview != NULL ? self->preview
                                                    : cr_feature_get_geometry (self->feature);
  guint n_paths = cr_geometry_edit_n_paths (geometry);
  gboolean dragging = self->drag != CR_EDIT_DRAG_NONE && self->drag != CR_EDIT_DRAG_CANCELLED;

  if (_cr_edit_layer_feature_is_circle (self->feature))
    {
      draw_circle_handles (self, cr, proj, geometry);
      return;
    }

  /* Midpoints first, under the vertices; not while dragging. */
  for (guint p = 0; p < n_paths && !dragging; p++)
    {
      gboolean is_ring = FALSE;
      guint n = cr_geometry_edit_n_vertices (geometry, p);
      guint n_segments;

      cr_geometry_edit_get_path (geometry, p, &is_ring);
      n_segments = is_ring ? n : (n > 0 ? n - 1 : 0);
      for (guint i = 0; i < n_segments && n >= 2; i++)
        {
          double ax, ay, bx, by;

          cr_geometry_edit_get_vertex (geometry, p, i, &ax, &ay);
          cr_geometry_edit_get_vertex (geometry, p, (i + 1) % n, &bx, &by);
          cr_projection_to_screen (proj, ax, ay, &ax, &ay);
          cr_projection_to_screen (proj, bx, by, &bx, &by);
          if (hypot (bx - ax, by - ay) < CR_EDIT_MIDPOINT_MIN_SEGMENT_PX ||
              !in_view (proj, (ax + bx) / 2, (ay + by) / 2))
            continue;
          cairo_new_path (cr);
          cairo_arc (cr, (ax + bx) / 2, (ay + by) / 2, CR_EDIT_MIDPOINT_RADIUS, 0, 2 * G_PI);
          cairo_set_source_rgba (cr, 1, 1, 1, 0.75);
          cairo_fill_preserve (cr);
          set_accent (cr, 0.8);
          cairo_set_line_width (cr, 1.5);
          cairo_stroke (cr);
        }
    }

  for (guint p = 0; p < n_paths; p++)
    {
      guint n = cr_geometry_edit_n_vertices (geometry, p);
      double last_x = -1000, last_y = -1000;

      for (guint i = 0; i < n; i++)
        {
          gboolean selected = self->has_vertex && self->vertex_path == p && self->vertex_index == i;
          gboolean dragged = dragging && self->drag_path == p && self->drag_index == i &&
                             (self->drag == CR_EDIT_DRAG_VERTEX || self->drag == CR_EDIT_DRAG_MIDPOINT);
          double x, y;

          cr_geometry_edit_get_vertex (geometry, p, i, &x, &y);
          cr_projection_to_screen (proj, x, y, &x, &y);
          if (!in_view (proj, x, y) ||
              (!selected && !dragged && hypot (x - last_x, y - last_y) < MIN_HANDLE_SPACING_PX))
            continue;
          last_x = x;
          last_y = y;
          draw_handle (cr, x, y, selected || dragged ? CR_EDIT_HANDLE_RADIUS + 1.5 : CR_EDIT_HANDLE_RADIUS,
                       selected || dragged);
        }
    }
}

/* The sketch's vertices as a path in @cr; the last one in @lx, @ly. */
static void
sketch_path (CrEditLayer        *self,
             cairo_t            *cr,
             const CrProjection *proj,
             double             *fx,
             double             *fy,
             double             *lx,
             double             *ly)
{
  guint n = self->sketch->len / 2;

  cairo_new_path (cr);
  for (guint i = 0; i < n; i++)
    {
      double x, y;

      cr_projection_to_screen (proj, g_array_index (self->sketch, double, 2 * i),
                               g_array_index (self->sketch, double, 2 * i + 1), &x, &y);
      if (i == 0)
        {
          *fx = x;
          *fy = y;
          cairo_move_to (cr, x, y);
        }
      else
        cairo_line_to (cr, x, y);
      *lx = x;
      *ly = y;
    }
}

static void
draw_polyline_sketch (CrEditLayer        *self,
                      cairo_t            *cr,
                      const CrProjection *proj)
{
  const double dash[] = { 6, 4 };
  guint n = self->sketch->len / 2;
  gboolean zone = self->tool == CR_EDIT_TOOL_POLYGON;
  gboolean rubber = self->has_pointer;
  double fx = 0, fy = 0, lx = 0, ly = 0;

  if (zone)
    {
      sketch_path (self, cr, proj, &fx, &fy, &lx, &ly);
      if (rubber)
        cairo_line_to (cr, self->pointer_x, self->pointer_y);
      cairo_close_path (cr);
      set_accent (cr, 0.15);
      cairo_fill (cr);
    }

  sketch_path (self, cr, proj, &fx, &fy, &lx, &ly);
  cairo_set_source_rgba (cr, 1, 1, 1, 0.9);
  cairo_set_line_width (cr, 5);
  cairo_stroke_preserve (cr);
  set_accent (cr, 1);
  cairo_set_line_width (cr, 2.5);
  cairo_stroke (cr);

  /* The rubber band to the pointer, and back to the first corner. */
  cairo_set_dash (cr, dash, G_N_ELEMENTS (dash), 0);
  set_accent (cr, 0.9);
  cairo_set_line_width (cr, 2);
  if (rubber)
    {
      cairo_move_to (cr, lx, ly);
      cairo_line_to (cr, self->pointer_x, self->pointer_y);
      if (zone && n >= 2)
        cairo_line_to (cr, fx, fy);
      cairo_stroke (cr);
    }
  else if (zone && n >= 3)
    {
      cairo_move_to (cr, lx, ly);
      cairo_line_to (cr, fx, fy);
      cairo_stroke (cr);
    }
  cairo_set_dash (cr, NULL, 0, 0);

  for (guint i = 0; i < n; i++)
    {
      double x, y;

      cr_projection_to_screen (proj, g_array_index (self->sketch, double, 2 * i),
                               g_array_index (self->sketch, double, 2 * i + 1), &x, &y);
      /* The first corner of a zone is bigger: a click there closes it. */
      draw_handle (cr, x, y, zone && i == 0 && n >= 3 ? CR_EDIT_HANDLE_RADIUS + 2 : CR_EDIT_HANDLE_RADIUS,
                   i == n - 1);
    }
}

static void
draw_circle_sketch (CrEditLayer        *self,
                    cairo_t            *cr,
                    const CrProjection *proj)
{
  double cx, cy, lon, lat, radius;

  cr_projection_to_screen (proj, self->centre_lon, self->centre_lat, &cx, &cy);
  if (self->has_pointer && self->drag != CR_EDIT_DRAG_CANCELLED)
    {
      cr_projection_to_lonlat (proj, self->pointer_x, self->pointer_y, &lon, &lat);
      radius = cr_geodesic_distance_m (self->centre_lon, self->centre_lat, lon, lat);
      if (radius > 0.5)
        {
          g_autoptr(CrGeometry) circle = cr_geometry_new_circle (self->centre_lon, self->centre_lat, radius,
                                                                 CR_EDIT_CIRCLE_SEGMENTS);
          g_autofree char *text = _cr_edit_format_distance (radius);
          const double dash[] = { 4, 4 };

          draw_preview (cr, proj, circle);
          cairo_new_path (cr);
          cairo_move_to (cr, cx, cy);
          cairo_line_to (cr, self->pointer_x, self->pointer_y);
          set_accent (cr, 0.9);
          cairo_set_line_width (cr, 1.5);
          cairo_set_dash (cr, dash, G_N_ELEMENTS (dash), 0);
          cairo_stroke (cr);
          cairo_set_dash (cr, NULL, 0, 0);
          draw_label (self, cr, proj, self->pointer_x, self->pointer_y, text);
        }
    }
  draw_square_handle (cr, cx, cy, CR_EDIT_HANDLE_RADIUS);
}

void
_cr_edit_layer_draw (CrEditLayer        *self,
                     cairo_t            *cr,
                     const CrProjection *proj)
{
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);

  if (self->preview != NULL)
    draw_preview (cr, proj, self->preview);
  if (self->feature != NULL && cr_feature_get_geometry (self->feature) != NULL &&
      (self->tool == CR_EDIT_TOOL_SELECT || self->tool == CR_EDIT_TOOL_MOVE))
    draw_handles (self, cr, proj);
  if (self->sketch->len > 0)
    draw_polyline_sketch (self, cr, proj);
  if (self->has_centre)
    draw_circle_sketch (self, cr, proj);
}
