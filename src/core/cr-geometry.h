/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* Values are the ISO WKB type codes. */
typedef enum
{
  CR_GEOMETRY_POINT = 1,
  CR_GEOMETRY_LINESTRING = 2,
  CR_GEOMETRY_POLYGON = 3,
  CR_GEOMETRY_MULTIPOINT = 4,
  CR_GEOMETRY_MULTILINESTRING = 5,
  CR_GEOMETRY_MULTIPOLYGON = 6,
  CR_GEOMETRY_COLLECTION = 7,
} CrGeometryType;

typedef struct
{
  double min_x;
  double min_y;
  double max_x;
  double max_y;
} CrBBox;

/**
 * CrGeometry:
 * @type: the geometry type
 * @n_coords: number of positions in @coords (POINT: 0 or 1; LINESTRING and
 *   polygon rings: any)
 * @coords: x (longitude), y (latitude) pairs
 * @n_parts: number of members in @parts
 * @parts: POLYGON: its rings (LINESTRING, exterior first);
 *   MULTI* and COLLECTION: the members
 *
 * A simple-features geometry in WGS84 lon/lat. Reference counted; treat a
 * geometry that another owner can see as read-only and copy it to change it.
 */
typedef struct _CrGeometry CrGeometry;
struct _CrGeometry
{
  /*< private >*/
  gint ref_count;
  /*< public >*/
  CrGeometryType type;
  guint n_coords;
  double *coords;
  guint n_parts;
  CrGeometry **parts;
  /*< private >*/
  guint coords_alloc;
  guint parts_alloc;
};

#define CR_TYPE_GEOMETRY (cr_geometry_get_type ())
GType cr_geometry_get_type (void) G_GNUC_CONST;

CrGeometry     *cr_geometry_new              (CrGeometryType     type);
CrGeometry     *cr_geometry_new_point        (double             x,
                                              double             y);
CrGeometry     *cr_geometry_new_linestring   (const double      *coords,
                                              guint              n_coords);
CrGeometry     *cr_geometry_ref              (CrGeometry        *self);
void            cr_geometry_unref            (CrGeometry        *self);
CrGeometry     *cr_geometry_copy             (const CrGeometry  *self);

void            cr_geometry_append_coord     (CrGeometry        *self,
                                              double             x,
                                              double             y);
void            cr_geometry_add_part         (CrGeometry        *self,
                                              CrGeometry        *part);

gboolean        cr_geometry_is_empty         (const CrGeometry  *self);
gboolean        cr_geometry_get_bbox         (const CrGeometry  *self,
                                              CrBBox            *bbox);
gboolean        cr_geometry_equal            (const CrGeometry  *a,
                                              const CrGeometry  *b);
guint           cr_geometry_count_coords     (const CrGeometry  *self);

const char     *cr_geometry_type_to_geojson  (CrGeometryType     type);
gboolean        cr_geometry_type_from_geojson (const char       *name,
                                              CrGeometryType    *type);
const char     *cr_geometry_type_to_sql      (CrGeometryType     type);

/* Algorithms, all on lon/lat treated as a plane unless the name says metres. */
double          cr_ring_signed_area          (const double      *coords,
                                              guint              n_coords);
double          cr_segment_nearest           (double             ax,
                                              double             ay,
                                              double             bx,
                                              double             by,
                                              double             px,
                                              double             py,
                                              double            *t);
void            cr_geometry_orient_rhr       (CrGeometry        *self);
gboolean        cr_geometry_contains_point   (const CrGeometry  *self,
                                              double             x,
                                              double             y);
double          cr_geometry_length_m         (const CrGeometry  *self);
double          cr_geometry_area_m2          (const CrGeometry  *self);
double          cr_geodesic_distance_m       (double             x1,
                                              double             y1,
                                              double             x2,
                                              double             y2);
CrGeometry     *cr_geometry_new_circle       (double             center_x,
                                              double             center_y,
                                              double             radius_m,
                                              guint              n_segments);

void            cr_bbox_init_empty           (CrBBox            *bbox);
void            cr_bbox_add                  (CrBBox            *bbox,
                                              double             x,
                                              double             y);
void            cr_bbox_union                (CrBBox            *bbox,
                                              const CrBBox      *other);
gboolean        cr_bbox_is_empty             (const CrBBox      *bbox);
gboolean        cr_bbox_intersects           (const CrBBox      *a,
                                              const CrBBox      *b);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrGeometry, cr_geometry_unref)

G_END_DECLS
