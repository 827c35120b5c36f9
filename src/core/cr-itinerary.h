/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "cr-geometry.h"
#include "cr-waypoint.h"

G_BEGIN_DECLS

/* Distances along an itinerary's line, and where the convoy is planned
 * to be at a given time. Lines are LineStrings (a MultiLineString counts
 * as its parts end to end). Distances in metres. */

double   cr_line_length_m            (const CrGeometry  *line);
double   cr_line_locate_m            (const CrGeometry  *line,
                                      double             x,
                                      double             y);
gboolean cr_line_point_at_m          (const CrGeometry  *line,
                                      double             distance_m,
                                      double            *x,
                                      double            *y,
                                      double            *bearing_deg);
gboolean cr_itinerary_position_at    (const CrGeometry  *line,
                                      GPtrArray         *waypoints,
                                      GDateTime         *time,
                                      double            *x,
                                      double            *y);
double   cr_itinerary_leg_speed_kmh  (const CrGeometry  *line,
                                      CrWaypoint        *from,
                                      CrWaypoint        *to);

G_END_DECLS
