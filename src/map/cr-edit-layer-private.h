/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cr-edit-layer.h"
#include "cr-feature.h"

G_BEGIN_DECLS

/* Shared by cr-edit-layer.c (state, input, edits) and
 * cr-edit-layer-draw.c (what the layer draws). */

#define CR_EDIT_HANDLE_RADIUS 5.0
#define CR_EDIT_MIDPOINT_RADIUS 3.5
/* Segments shorter than this on screen get no midpoint handle: it would
 * sit on top of the vertex handles. */
#define CR_EDIT_MIDPOINT_MIN_SEGMENT_PX 30.0
#define CR_EDIT_CIRCLE_SEGMENTS 64

/* Pixels a press may wander and still be a click. */
#define CR_EDIT_CLICK_SLOP_PX 4.0
#define CR_EDIT_HANDLE_HIT_PX 9.0
#define CR_EDIT_SELECT_TOLERANCE_PX 6.0

/* What is under the pointer among the selected feature's handles. */
typedef enum
{
  CR_EDIT_HIT_NONE,
  CR_EDIT_HIT_VERTEX,
  CR_EDIT_HIT_MIDPOINT,
  CR_EDIT_HIT_CENTRE,
  CR_EDIT_HIT_RADIUS,
} CrEditHit;

typedef enum
{
  CR_EDIT_DRAG_NONE,
  CR_EDIT_DRAG_VERTEX,
  CR_EDIT_DRAG_MIDPOINT,
  CR_EDIT_DRAG_FEATURE,
  CR_EDIT_DRAG_CENTRE,
  CR_EDIT_DRAG_RADIUS,
  CR_EDIT_DRAG_CIRCLE_SKETCH,
  CR_EDIT_DRAG_CANCELLED,
} CrEditDrag;

struct _CrEditLayer
{
  ShumateLayer parent_instance;

  CrMapRenderer *renderer;
  CrHistory *history;
  CrEditTool tool;
  char *kinds[CR_EDIT_TOOL_N_TOOLS];
  char *hint;

  /* The sketch of a new feature: lon, lat pairs */
  GArray *sketch;
  gboolean has_centre;
  double centre_lon, centre_lat;
  gboolean has_pointer;
  double pointer_x, pointer_y;

  /* The selected feature, as the store last gave it */
  CrFeature *feature;
  gboolean has_vertex;
  guint vertex_path, vertex_index;
  gint64 last_drawn_id;
  CrEditTool last_drawn_tool;

  /* The gesture under way */
  CrEditDrag drag;
  guint drag_path, drag_index;
  double drag_x0, drag_y0;
  double drag_lon0, drag_lat0;
  gboolean drag_moved;
  gboolean drag_new_centre;
  CrGeometry *drag_origin; /* the geometry the drag started from */
  CrGeometry *preview;     /* what it would become */
  double preview_centre_lon, preview_centre_lat, preview_radius_m;

  GtkGesture *click;
  GtkGesture *drag_gesture;
  gboolean press_taken; /* by the drag gesture: not a click */
  double press_x, press_y;
  GtkWidget *menu;
};

/* cr-edit-layer.c */
gboolean   _cr_edit_tool_is_drawing          (CrEditTool          tool);
gboolean   _cr_edit_layer_feature_is_circle  (CrFeature          *feature);
char      *_cr_edit_format_distance          (double              metres);
void       _cr_edit_layer_emit_message       (CrEditLayer        *self,
                                              const char         *message);
void       _cr_edit_layer_state_changed      (CrEditLayer        *self);
CrStore   *_cr_edit_layer_get_store          (CrEditLayer        *self);
void       _cr_edit_layer_reload_feature     (CrEditLayer        *self);
CrGeometry *_cr_edit_layer_feature_geometry  (CrEditLayer        *self);
gboolean   _cr_edit_layer_shows_handles      (CrEditLayer        *self);

/* cr-edit-layer-edit.c */
CrEditHit  _cr_edit_layer_handle_at         (CrEditLayer        *self,
                                              const CrProjection *proj,
                                              double              x,
                                              double              y,
                                              guint              *path,
                                              guint              *index);
void       _cr_edit_layer_cancel_drag        (CrEditLayer        *self);
void       _cr_edit_layer_clear_sketch       (CrEditLayer        *self);
CrFeature *_cr_edit_layer_fresh_copy         (CrEditLayer        *self,
                                              GError            **error);
void       _cr_edit_layer_show_kind          (CrEditLayer        *self,
                                              const char         *code);
gboolean   _cr_edit_layer_commit_update      (CrEditLayer        *self,
                                              const char         *label,
                                              CrFeature          *changed,
                                              const CrGeometry   *before,
                                              GError            **error);

/* cr-edit-layer-draw.c */
void       _cr_edit_layer_draw               (CrEditLayer        *self,
                                              cairo_t            *cr,
                                              const CrProjection *proj);

G_END_DECLS
