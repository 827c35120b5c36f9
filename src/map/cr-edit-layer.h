/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <shumate/shumate.h>

#include "cr-history.h"
#include "cr-map-renderer.h"
#include "cr-projection.h"

G_BEGIN_DECLS

typedef enum
{
  CR_EDIT_TOOL_SELECT,
  CR_EDIT_TOOL_MOVE,
  CR_EDIT_TOOL_POLYGON,
  CR_EDIT_TOOL_LINE,
  CR_EDIT_TOOL_POINT,
  CR_EDIT_TOOL_CIRCLE,
} CrEditTool;

#define CR_EDIT_TOOL_N_TOOLS (CR_EDIT_TOOL_CIRCLE + 1)

#define CR_TYPE_EDIT_TOOL (cr_edit_tool_get_type ())
GType cr_edit_tool_get_type (void) G_GNUC_CONST;

const char *cr_edit_tool_to_string   (CrEditTool  tool);
gboolean    cr_edit_tool_from_string (const char *name,
                                      CrEditTool *tool);

#define CR_TYPE_EDIT_LAYER (cr_edit_layer_get_type ())
G_DECLARE_FINAL_TYPE (CrEditLayer, cr_edit_layer, CR, EDIT_LAYER, ShumateLayer)

CrEditLayer *cr_edit_layer_new                (ShumateViewport  *viewport,
                                               CrMapRenderer    *renderer,
                                               CrHistory        *history);
void         cr_edit_layer_attach             (CrEditLayer      *self,
                                               ShumateSimpleMap *map);
CrMapRenderer *cr_edit_layer_get_renderer     (CrEditLayer      *self);
CrHistory   *cr_edit_layer_get_history        (CrEditLayer      *self);
gboolean     cr_edit_layer_get_projection     (CrEditLayer      *self,
                                               CrProjection     *proj);

CrEditTool   cr_edit_layer_get_tool           (CrEditLayer      *self);
void         cr_edit_layer_set_tool           (CrEditLayer      *self,
                                               CrEditTool        tool);
const char  *cr_edit_layer_get_kind           (CrEditLayer      *self,
                                               CrEditTool        tool);
void         cr_edit_layer_set_kind           (CrEditLayer      *self,
                                               CrEditTool        tool,
                                               const char       *kind);
const char  *cr_edit_layer_get_hint           (CrEditLayer      *self);

/* Pointer input, in widget coordinates, as the layer's gestures give it;
 * tests drive the tools through the same calls. */
void         cr_edit_layer_click              (CrEditLayer      *self,
                                               double            x,
                                               double            y,
                                               int               n_press);
gboolean     cr_edit_layer_drag_begin         (CrEditLayer      *self,
                                               double            x,
                                               double            y,
                                               GdkModifierType   modifiers);
void         cr_edit_layer_drag_update        (CrEditLayer      *self,
                                               double            x,
                                               double            y);
void         cr_edit_layer_drag_end           (CrEditLayer      *self,
                                               double            x,
                                               double            y);
void         cr_edit_layer_motion             (CrEditLayer      *self,
                                               double            x,
                                               double            y);

/* What the keys and the "tool" actions do. */
gboolean     cr_edit_layer_finish             (CrEditLayer      *self);
gboolean     cr_edit_layer_cancel             (CrEditLayer      *self);
gboolean     cr_edit_layer_remove_last_vertex (CrEditLayer      *self);
gboolean     cr_edit_layer_delete             (CrEditLayer      *self);
gboolean     cr_edit_layer_delete_vertex      (CrEditLayer      *self);
gboolean     cr_edit_layer_delete_feature     (CrEditLayer      *self);
gboolean     cr_edit_layer_set_radius         (CrEditLayer      *self,
                                               gint64            feature_id,
                                               double            radius_m,
                                               GError          **error);

gboolean     cr_edit_layer_is_sketching       (CrEditLayer      *self);
gboolean     cr_edit_layer_is_dragging        (CrEditLayer      *self);
guint        cr_edit_layer_get_n_sketch_vertices (CrEditLayer   *self);
gboolean     cr_edit_layer_can_finish         (CrEditLayer      *self);
gboolean     cr_edit_layer_get_selected_vertex (CrEditLayer     *self,
                                               guint            *path,
                                               guint            *index);
gboolean     cr_edit_layer_select_vertex      (CrEditLayer      *self,
                                               guint             path,
                                               guint             index);
gboolean     cr_edit_layer_vertex_at          (CrEditLayer      *self,
                                               double            x,
                                               double            y,
                                               guint            *path,
                                               guint            *index);

G_END_DECLS
