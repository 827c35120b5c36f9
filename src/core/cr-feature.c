/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cr-feature"

#include "config.h"

#include <math.h>

#include "cr-feature.h"

/**
 * CrFeature:
 *
 * A perimeter, itinerary or point of an event, or of a reference layer.
 */
struct _CrFeature
{
  CrRecord parent_instance;
};

enum
{
  PROP_0,
  PROP_EVENT_ID,
  PROP_LAYER_ID,
  PROP_KIND,
  PROP_NAME,
  PROP_GEOMETRY,
  PROP_ACTIVE_FROM,
  PROP_ACTIVE_TO,
  PROP_PARTNER_ID,
  PROP_NOTES,
  PROP_PROPERTIES,
  PROP_CENTER_LON,
  PROP_CENTER_LAT,
  PROP_RADIUS_M,
  PROP_VERSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (CrFeature, cr_feature, CR_TYPE_RECORD)

static void
cr_feature_class_init (CrFeatureClass *klass)
{
  properties[PROP_EVENT_ID] =
    g_param_spec_int64 ("event-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LAYER_ID] =
    g_param_spec_int64 ("layer-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_KIND] =
    g_param_spec_string ("kind", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_GEOMETRY] =
    g_param_spec_boxed ("geometry", NULL, NULL, CR_TYPE_GEOMETRY,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ACTIVE_FROM] =
    g_param_spec_boxed ("active-from", NULL, NULL, G_TYPE_DATE_TIME,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ACTIVE_TO] =
    g_param_spec_boxed ("active-to", NULL, NULL, G_TYPE_DATE_TIME,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PARTNER_ID] =
    g_param_spec_int64 ("partner-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NOTES] =
    g_param_spec_string ("notes", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PROPERTIES] =
    g_param_spec_string ("properties", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CENTER_LON] =
    g_param_spec_double ("center-lon", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0.0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CENTER_LAT] =
    g_param_spec_double ("center-lat", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0.0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RADIUS_M] =
    g_param_spec_double ("radius-m", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0.0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_VERSION] =
    g_param_spec_int64 ("version", NULL, NULL, G_MININT64, G_MAXINT64, 1,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  cr_record_class_install_fields (CR_RECORD_CLASS (klass), "features", N_PROPS, properties);
}

static void
cr_feature_init (CrFeature *self)
{
  /* NaN: not a circle. The store keeps NaN as NULL. */
  cr_feature_set_center_lon (self, NAN);
  cr_feature_set_center_lat (self, NAN);
  cr_feature_set_radius_m (self, NAN);
}

CrFeature *
cr_feature_new (void)
{
  return g_object_new (CR_TYPE_FEATURE, NULL);
}

gint64
cr_feature_get_event_id (CrFeature *self)
{
  g_return_val_if_fail (CR_IS_FEATURE (self), 0);

  return cr_record_get_int64 (CR_RECORD (self), properties[PROP_EVENT_ID]);
}

void
cr_feature_set_event_id (CrFeature *self,
                         gint64    value)
{
  g_return_if_fail (CR_IS_FEATURE (self));

  cr_record_set_int64 (CR_RECORD (self), properties[PROP_EVENT_ID], value);
}

/* The reference layer of a feature that belongs to no event, or 0. */
gint64
cr_feature_get_layer_id (CrFeature *self)
{
  g_return_val_if_fail (CR_IS_FEATURE (self), 0);

  return cr_record_get_int64 (CR_RECORD (self), properties[PROP_LAYER_ID]);
}

void
cr_feature_set_layer_id (CrFeature *self,
                         gint64    value)
{
  g_return_if_fail (CR_IS_FEATURE (self));

  cr_record_set_int64 (CR_RECORD (self), properties[PROP_LAYER_ID], value);
}

const char *
cr_feature_get_kind (CrFeature *self)
{
  g_return_val_if_fail (CR_IS_FEATURE (self), NULL);

  return cr_record_get_string (CR_RECORD (self), properties[PROP_KIND]);
}

void
cr_feature_set_kind (CrFeature  *self,
                     const char *value)
{
  g_return_if_fail (CR_IS_FEATURE (self));

  cr_record_set_string (CR_RECORD (self), properties[PROP_KIND], value);
}

const char *
cr_feature_get_name (CrFeature *self)
{
  g_return_val_if_fail (CR_IS_FEATURE (self), NULL);

  return cr_record_get_string (CR_RECORD (self), properties[PROP_NAME]);
}

void
cr_feature_set_name (CrFeature  *self,
                     const char *value)
{
  g_return_if_fail (CR_IS_FEATURE (self));

  cr_record_set_string (CR_RECORD (self), properties[PROP_NAME], value);
}

/**
 * cr_feature_get_geometry:
 *
 * Returns: (transfer none) (nullable): the geometry
 */
CrGeometry *
cr_feature_get_geometry (CrFeature *self)
{
  g_return_val_if_fail (CR_IS_FEATURE (self), NULL);

  return cr_record_get_boxed (CR_RECORD (self), properties[PROP_GEOMETRY]);
}

void
cr_feature_set_geometry (CrFeature  *self,
                         CrGeometry *value)
{
  g_return_if_fail (CR_IS_FEATURE (self));

  cr_record_set_boxed (CR_RECORD (self), properties[PROP_GEOMETRY], value);
}

/**
 * cr_feature_get_active_from:
 *
 * Returns: (transfer none) (nullable): the active from
 */
GDateTime *
cr_feature_get_active_from (CrFeature *self)
{
  g_return_val_if_fail (CR_IS_FEATURE (self), NULL);

  return cr_record_get_boxed (CR_RECORD (self), properties[PROP_ACTIVE_FROM]);
}

void
cr_feature_set_active_from (CrFeature *self,
                            GDateTime *value)
{
  g_return_if_fail (CR_IS_FEATURE (self));

  cr_record_set_boxed (CR_RECORD (self), properties[PROP_ACTIVE_FROM], value);
}

/**
 * cr_feature_get_active_to:
 *
 * Returns: (transfer none) (nullable): the active to
 */
GDateTime *
cr_feature_get_active_to (CrFeature *self)
{
  g_return_val_if_fail (CR_IS_FEATURE (self), NULL);

  return cr_record_get_boxed (CR_RECORD (self), properties[PROP_ACTIVE_TO]);
}

void
cr_feature_set_active_to (CrFeature *self,
                          GDateTime *value)
{
  g_return_if_fail (CR_IS_FEATURE (self));

  cr_record_set_boxed (CR_RECORD (self), properties[PROP_ACTIVE_TO], value);
}

gint64
cr_feature_get_partner_id (CrFeature *self)
{
  g_return_val_if_fail (CR_IS_FEATURE (self), 0);

  return cr_record_get_int64 (CR_RECORD (self), properties[PROP_PARTNER_ID]);
}

void
cr_feature_set_partner_id (CrFeature *self,
                           gint64    value)
{
  g_return_if_fail (CR_IS_FEATURE (self));

  cr_record_set_int64 (CR_RECORD (self), properties[PROP_PARTNER_ID], value);
}

const char *
cr_feature_get_notes (CrFeature *self)
{
  g_return_val_if_fail (CR_IS_FEATURE (self), NULL);

  return cr_record_get_string (CR_RECORD (self), properties[PROP_NOTES]);
}

void
cr_feature_set_notes (CrFeature  *self,
                      const char *value)
{
  g_return_if_fail (CR_IS_FEATURE (self));

  cr_record_set_string (CR_RECORD (self), properties[PROP_NOTES], value);
}

const char *
cr_feature_get_properties (CrFeature *self)
{
  g_return_val_if_fail (CR_IS_FEATURE (self), NULL);

  return cr_record_get_string (CR_RECORD (self), properties[PROP_PROPERTIES]);
}

void
cr_feature_set_properties (CrFeature  *self,
                           const char *value)
{
  g_return_if_fail (CR_IS_FEATURE (self));

  cr_record_set_string (CR_RECORD (self), properties[PROP_PROPERTIES], value);
}

double
cr_feature_get_center_lon (CrFeature *self)
{
  g_return_val_if_fail (CR_IS_FEATURE (self), NAN);

  return cr_record_get_double (CR_RECORD (self), properties[PROP_CENTER_LON]);
}

void
cr_feature_set_center_lon (CrFeature *self,
                           double    value)
{
  g_return_if_fail (CR_IS_FEATURE (self));

  cr_record_set_double (CR_RECORD (self), properties[PROP_CENTER_LON], value);
}

double
cr_feature_get_center_lat (CrFeature *self)
{
  g_return_val_if_fail (CR_IS_FEATURE (self), NAN);

  return cr_record_get_double (CR_RECORD (self), properties[PROP_CENTER_LAT]);
}

void
cr_feature_set_center_lat (CrFeature *self,
                           double    value)
{
  g_return_if_fail (CR_IS_FEATURE (self));

  cr_record_set_double (CR_RECORD (self), properties[PROP_CENTER_LAT], value);
}

double
cr_feature_get_radius_m (CrFeature *self)
{
  g_return_val_if_fail (CR_IS_FEATURE (self), NAN);

  return cr_record_get_double (CR_RECORD (self), properties[PROP_RADIUS_M]);
}

void
cr_feature_set_radius_m (CrFeature *self,
                         double    value)
{
  g_return_if_fail (CR_IS_FEATURE (self));

  cr_record_set_double (CR_RECORD (self), properties[PROP_RADIUS_M], value);
}

gint64
cr_feature_get_version (CrFeature *self)
{
  g_return_val_if_fail (CR_IS_FEATURE (self), 0);

  return cr_record_get_int64 (CR_RECORD (self), properties[PROP_VERSION]);
}

void
cr_feature_set_version (CrFeature *self,
                        gint64    value)
{
  g_return_if_fail (CR_IS_FEATURE (self));

  cr_record_set_int64 (CR_RECORD (self), properties[PROP_VERSION], value);
}
