/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cr-waypoint"

#include "config.h"

#include <math.h>

#include "cr-waypoint.h"

/**
 * CrWaypoint:
 *
 * A point of an itinerary with its planned passage time.
 */
struct _CrWaypoint
{
  CrRecord parent_instance;
};

enum
{
  PROP_0,
  PROP_FEATURE_ID,
  PROP_POSITION,
  PROP_NAME,
  PROP_LON,
  PROP_LAT,
  PROP_PLANNED_AT,
  PROP_VERSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (CrWaypoint, cr_waypoint, CR_TYPE_RECORD)

static void
cr_waypoint_class_init (CrWaypointClass *klass)
{
  properties[PROP_FEATURE_ID] =
    g_param_spec_int64 ("feature-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_POSITION] =
    g_param_spec_int ("position", NULL, NULL, G_MININT, G_MAXINT, 0,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LON] =
    g_param_spec_double ("lon", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0.0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LAT] =
    g_param_spec_double ("lat", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0.0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PLANNED_AT] =
    g_param_spec_boxed ("planned-at", NULL, NULL, G_TYPE_DATE_TIME,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_VERSION] =
    g_param_spec_int64 ("version", NULL, NULL, G_MININT64, G_MAXINT64, 1,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  cr_record_class_install_fields (CR_RECORD_CLASS (klass), "waypoints", N_PROPS, properties);
}

static void
cr_waypoint_init (CrWaypoint *self)
{
}

CrWaypoint *
cr_waypoint_new (void)
{
  return g_object_new (CR_TYPE_WAYPOINT, NULL);
}

gint64
cr_waypoint_get_feature_id (CrWaypoint *self)
{
  g_return_val_if_fail (CR_IS_WAYPOINT (self), 0);

  return cr_record_get_int64 (CR_RECORD (self), properties[PROP_FEATURE_ID]);
}

void
cr_waypoint_set_feature_id (CrWaypoint *self,
                            gint64     value)
{
  g_return_if_fail (CR_IS_WAYPOINT (self));

  cr_record_set_int64 (CR_RECORD (self), properties[PROP_FEATURE_ID], value);
}

int
cr_waypoint_get_position (CrWaypoint *self)
{
  g_return_val_if_fail (CR_IS_WAYPOINT (self), 0);

  return cr_record_get_int (CR_RECORD (self), properties[PROP_POSITION]);
}

void
cr_waypoint_set_position (CrWaypoint *self,
                          int        value)
{
  g_return_if_fail (CR_IS_WAYPOINT (self));

  cr_record_set_int (CR_RECORD (self), properties[PROP_POSITION], value);
}

const char *
cr_waypoint_get_name (CrWaypoint *self)
{
  g_return_val_if_fail (CR_IS_WAYPOINT (self), NULL);

  return cr_record_get_string (CR_RECORD (self), properties[PROP_NAME]);
}

void
cr_waypoint_set_name (CrWaypoint *self,
                      const char *value)
{
  g_return_if_fail (CR_IS_WAYPOINT (self));

  cr_record_set_string (CR_RECORD (self), properties[PROP_NAME], value);
}

double
cr_waypoint_get_lon (CrWaypoint *self)
{
  g_return_val_if_fail (CR_IS_WAYPOINT (self), NAN);

  return cr_record_get_double (CR_RECORD (self), properties[PROP_LON]);
}

void
cr_waypoint_set_lon (CrWaypoint *self,
                     double     value)
{
  g_return_if_fail (CR_IS_WAYPOINT (self));

  cr_record_set_double (CR_RECORD (self), properties[PROP_LON], value);
}

double
cr_waypoint_get_lat (CrWaypoint *self)
{
  g_return_val_if_fail (CR_IS_WAYPOINT (self), NAN);

  return cr_record_get_double (CR_RECORD (self), properties[PROP_LAT]);
}

void
cr_waypoint_set_lat (CrWaypoint *self,
                     double     value)
{
  g_return_if_fail (CR_IS_WAYPOINT (self));

  cr_record_set_double (CR_RECORD (self), properties[PROP_LAT], value);
}

/**
 * cr_waypoint_get_planned_at:
 *
 * Returns: (transfer none) (nullable): the planned at
 */
GDateTime *
cr_waypoint_get_planned_at (CrWaypoint *self)
{
  g_return_val_if_fail (CR_IS_WAYPOINT (self), NULL);

  return cr_record_get_boxed (CR_RECORD (self), properties[PROP_PLANNED_AT]);
}

void
cr_waypoint_set_planned_at (CrWaypoint *self,
                            GDateTime  *value)
{
  g_return_if_fail (CR_IS_WAYPOINT (self));

  cr_record_set_boxed (CR_RECORD (self), properties[PROP_PLANNED_AT], value);
}

gint64
cr_waypoint_get_version (CrWaypoint *self)
{
  g_return_val_if_fail (CR_IS_WAYPOINT (self), 0);

  return cr_record_get_int64 (CR_RECORD (self), properties[PROP_VERSION]);
}

void
cr_waypoint_set_version (CrWaypoint *self,
                         gint64     value)
{
  g_return_if_fail (CR_IS_WAYPOINT (self));

  cr_record_set_int64 (CR_RECORD (self), properties[PROP_VERSION], value);
}
