/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cr-geometry.h"

G_BEGIN_DECLS

#define CR_GEOMETRY_EDIT_ERROR (cr_geometry_edit_error_quark ())
GQuark cr_geometry_edit_error_quark (void);

typedef enum
{
  CR_GEOMETRY_EDIT_ERROR_TOO_FEW,   /* the ring or line would become degenerate */
  CR_GEOMETRY_EDIT_ERROR_NO_VERTEX, /* no such path or vertex */
} CrGeometryEditError;

/*
 * Vertex editing on a geometry of any type, holes and multi-geometries
 * included. A vertex is addressed by a path (the geometry's coordinate
 * sequences — points, lines, polygon rings — numbered depth first, so a
 * polygon's exterior is path 0 and its holes follow) and an index in that
 * path. A ring's closing position is not a vertex of its own: it follows
 * the first one.
 *
 * Every edit returns a changed copy and leaves @self alone, since a
 * geometry can be shared with a record the undo history keeps.
 */

guint             cr_geometry_edit_n_paths        (const CrGeometry *self);
const CrGeometry *cr_geometry_edit_get_path       (const CrGeometry *self,
                                                   guint             path,
                                                   gboolean         *is_ring);
guint             cr_geometry_edit_n_vertices     (const CrGeometry *self,
                                                   guint             path);
gboolean          cr_geometry_edit_get_vertex     (const CrGeometry *self,
                                                   guint             path,
                                                   guint             index,
                                                   double           *x,
                                                   double           *y);
CrGeometry       *cr_geometry_edit_move_vertex    (const CrGeometry *self,
                                                   guint             path,
                                                   guint             index,
                                                   double            x,
                                                   double            y,
                                                   GError          **error);
CrGeometry       *cr_geometry_edit_insert_vertex  (const CrGeometry *self,
                                                   guint             path,
                                                   guint             index,
                                                   double            x,
                                                   double            y,
                                                   GError          **error);
CrGeometry       *cr_geometry_edit_delete_vertex  (const CrGeometry *self,
                                                   guint             path,
                                                   guint             index,
                                                   GError          **error);
CrGeometry       *cr_geometry_edit_translate      (const CrGeometry *self,
                                                   double            dx,
                                                   double            dy);
void              cr_geometry_edit_follow         (const CrGeometry *before,
                                                   const CrGeometry *after,
                                                   double           *x,
                                                   double           *y);
gboolean          cr_geometry_edit_crosses_itself (const CrGeometry *self);
guint             cr_geometry_edit_count_distinct (const double     *coords,
                                                   guint             n_coords,
                                                   guint             limit);

G_END_DECLS
