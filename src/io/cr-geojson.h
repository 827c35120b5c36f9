/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "cr-store.h"

G_BEGIN_DECLS

#define CR_GEOJSON_ERROR (cr_geojson_error_quark ())
GQuark cr_geojson_error_quark (void);

typedef enum
{
  CR_GEOJSON_ERROR_READ,        /* the file cannot be read */
  CR_GEOJSON_ERROR_SYNTAX,      /* not valid JSON */
  CR_GEOJSON_ERROR_NOT_GEOJSON, /* JSON, but not GeoJSON */
  CR_GEOJSON_ERROR_CRS,         /* a CRS other than CRS84 / EPSG:4326 */
  CR_GEOJSON_ERROR_FEATURE,     /* a feature is invalid; the message names it */
  CR_GEOJSON_ERROR_WRITE,       /* the export cannot be written */
} CrGeojsonError;

typedef void (*CrProgressFunc) (double   fraction,
                                gpointer user_data);

typedef struct
{
  /* Property keys to read name, kind and active times from; NULL means
   * the usual keys (name/nom/naam/…, kind/type/…, start/from/…). */
  const char *name_key;
  const char *kind_key;
  const char *from_key;
  const char *to_key;
  /* Kind for features without a known one; NULL picks the generic kind
   * of the geometry ("area", "line", "point"). */
  const char *default_kind;
  /* Import valid features and list the invalid ones instead of failing. */
  gboolean skip_invalid;
  /* Parser threads; 0 means one per processor. */
  guint n_threads;
  CrProgressFunc progress;
  gpointer progress_data;
} CrGeojsonImportOptions;

typedef struct
{
  guint index;  /* 0-based position of the feature in the file (messages
                 * count features from 1, as people do) */
  char *reason; /* translated, names the problem (and the feature's name) */
} CrGeojsonSkipped;

typedef struct
{
  gint64 event_id;   /* 0 for a reference layer */
  gboolean event_created;
  guint n_features;  /* imported */
  guint n_waypoints; /* imported */
  GArray *skipped;   /* CrGeojsonSkipped, with skip_invalid */
  gint64 layer_id;   /* reference imports only, else 0 */
  gboolean layer_created;
} CrGeojsonImportResult;

CrGeojsonImportResult *cr_geojson_import_file   (CrStore                      *store,
                                                 const char                   *path,
                                                 const char                   *event_name,
                                                 const CrGeojsonImportOptions *options,
                                                 GCancellable                 *cancellable,
                                                 GError                      **error);
CrGeojsonImportResult *cr_geojson_import_bytes  (CrStore                      *store,
                                                 GBytes                       *data,
                                                 const char                   *source_name,
                                                 const char                   *event_name,
                                                 const CrGeojsonImportOptions *options,
                                                 GCancellable                 *cancellable,
                                                 GError                      **error);
CrGeojsonImportResult *cr_geojson_import_reference_file  (CrStore                      *store,
                                                          const char                   *path,
                                                          const char                   *layer_name,
                                                          const CrGeojsonImportOptions *options,
                                                          GCancellable                 *cancellable,
                                                          GError                      **error);
CrGeojsonImportResult *cr_geojson_import_reference_bytes (CrStore                      *store,
                                                          GBytes                       *data,
                                                          const char                   *source_name,
                                                          const char                   *layer_name,
                                                          const CrGeojsonImportOptions *options,
                                                          GCancellable                 *cancellable,
                                                          GError                      **error);
void                   cr_geojson_import_result_free (CrGeojsonImportResult *result);

gboolean               cr_geojson_export_file   (CrStore                      *store,
                                                 gint64                        event_id,
                                                 const char                   *path,
                                                 GError                      **error);
char                  *cr_geojson_export_string (CrStore                      *store,
                                                 gint64                        event_id,
                                                 GError                      **error);
gboolean               cr_geojson_export_features (CrStore                    *store,
                                                   const gint64               *ids,
                                                   guint                       n_ids,
                                                   const char                 *path,
                                                   GError                    **error);
char                  *cr_geojson_export_features_string (CrStore             *store,
                                                          const gint64        *ids,
                                                          guint                n_ids,
                                                          GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrGeojsonImportResult, cr_geojson_import_result_free)

G_END_DECLS
