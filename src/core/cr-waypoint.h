/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cr-enums.h"
#include "cr-record.h"

G_BEGIN_DECLS

#define CR_TYPE_WAYPOINT (cr_waypoint_get_type ())
G_DECLARE_FINAL_TYPE (CrWaypoint, cr_waypoint, CR, WAYPOINT, CrRecord)

CrWaypoint *cr_waypoint_new            (void);
gint64      cr_waypoint_get_feature_id (CrWaypoint *self);
void        cr_waypoint_set_feature_id (CrWaypoint *self,
                                        gint64     value);
int         cr_waypoint_get_position   (CrWaypoint *self);
void        cr_waypoint_set_position   (CrWaypoint *self,
                                        int        value);
const char *cr_waypoint_get_name       (CrWaypoint *self);
void        cr_waypoint_set_name       (CrWaypoint *self,
                                        const char *value);
double      cr_waypoint_get_lon        (CrWaypoint *self);
void        cr_waypoint_set_lon        (CrWaypoint *self,
                                        double     value);
double      cr_waypoint_get_lat        (CrWaypoint *self);
void        cr_waypoint_set_lat        (CrWaypoint *self,
                                        double     value);
GDateTime  *cr_waypoint_get_planned_at (CrWaypoint *self);
void        cr_waypoint_set_planned_at (CrWaypoint *self,
                                        GDateTime  *value);
gint64      cr_waypoint_get_version    (CrWaypoint *self);
void        cr_waypoint_set_version    (CrWaypoint *self,
                                        gint64     value);

G_END_DECLS
