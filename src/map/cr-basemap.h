/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <shumate/shumate.h>

G_BEGIN_DECLS

/* The values of the "basemap" settings key. */
typedef enum
{
  CR_BASEMAP_NONE = 0,
  CR_BASEMAP_OSM = 1,
  CR_BASEMAP_CUSTOM = 2,
  CR_BASEMAP_MBTILES = 3,
} CrBasemapKind;

#define CR_BASEMAP_ERROR (cr_basemap_error_quark ())
GQuark cr_basemap_error_quark (void);

typedef enum
{
  CR_BASEMAP_ERROR_INVALID_URL, /* a custom URL template that cannot work */
} CrBasemapError;

#define CR_BASEMAP_OSM_URL "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
#define CR_BASEMAP_OSM_POLICY_URL "https://operations.osmfoundation.org/policies/tiles/"

#define CR_TYPE_BASEMAP (cr_basemap_get_type ())
G_DECLARE_FINAL_TYPE (CrBasemap, cr_basemap, CR, BASEMAP, GObject)

CrBasemap        *cr_basemap_new             (GSettings        *settings,
                                              const char       *mbtiles_override);
void              cr_basemap_attach          (CrBasemap        *self,
                                              ShumateSimpleMap *map);
CrBasemapKind     cr_basemap_get_kind        (CrBasemap        *self);
ShumateMapSource *cr_basemap_get_source      (CrBasemap        *self);
ShumateMapLayer  *cr_basemap_get_layer       (CrBasemap        *self);
const char       *cr_basemap_get_location    (CrBasemap        *self);
const char       *cr_basemap_get_error       (CrBasemap        *self);

/* The building blocks, for the preferences and the tests. */
void              cr_basemap_init_user_agent (void);
char             *cr_basemap_get_cache_dir   (void);
gboolean          cr_basemap_check_url       (const char       *url_template,
                                              GError          **error);
ShumateMapSource *cr_basemap_new_source      (CrBasemapKind     kind,
                                              const char       *location,
                                              GError          **error);

G_END_DECLS
