/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cr-geojson"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "cr-geojson-private.h"
#include "cr-partner.h"
#include "cr-time.h"
#include "cr-waypoint.h"

/* Export of an event as an RFC 7946 FeatureCollection: WGS 84 lon/lat, no
 * "crs", polygons wound by the right-hand rule. Properties use the keys
 * the importer reads first, so that importing an export gives the same
 * features back. */

typedef struct
{
  CrStore *store;
  GHashTable *partner_names; /* gint64 id -> name, or NULL when gone */
} Export;

static char *
print_json (cJSON *json)
{
  char *printed = cJSON_PrintUnformatted (json);
  char *text = g_strdup (printed);

  cJSON_free (printed);
  return text;
}

static const char *
partner_name (Export *self,
              gint64  id)
{
  gpointer name;

  if (!g_hash_table_lookup_extended (self->partner_names, &id, NULL, &name))
    {
      g_autoptr(CrPartner) partner = cr_store_get (self->store, CR_TYPE_PARTNER, id, NULL);

      name = partner != NULL ? g_strdup (cr_partner_get_name (partner)) : NULL;
      g_hash_table_insert (self->partner_names, g_memdup2 (&id, sizeof id), name);
    }
  return name;
}

/* The keys of a JSON object, folded as the importer matches them. */
static GHashTable *
folded_keys (const cJSON *object)
{
  GHashTable *keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  const cJSON *item;

  cJSON_ArrayForEach (item, object)
    if (item->string != NULL)
      g_hash_table_add (keys, _cr_geojson_fold (item->string, -1));
  return keys;
}

static gboolean
has_folded_key (GHashTable *keys,
                const char *key)
{
  g_autofree char *folded = _cr_geojson_fold (key, -1);

  return g_hash_table_contains (keys, folded);
}

/* The first key the importer reads for @slot that the feature's other
 * properties do not already use: a stored property "name" that was no
 * text (say, {"fr": …, "nl": …}) must not hide the feature's name. */
static const char *
free_key (GHashTable    *others,
          CrGeojsonSlot  slot)
{
  const char *const *keys = _cr_geojson_default_keys (slot);

  for (guint i = 0; keys[i] != NULL; i++)
    if (!has_folded_key (others, keys[i]))
      return keys[i];
  return keys[0];
}

static void
add_time (cJSON      *object,
          const char *key,
          GDateTime  *time)
{
  g_autofree char *text = cr_time_to_storage (time);

  if (text != NULL)
    cJSON_AddStringToObject (object, key, text);
}

static gboolean
add_waypoints (Export   *self,
               cJSON    *properties,
               gint64    feature_id,
               GError  **error)
{
  g_autoptr(GListModel) waypoints = cr_store_list (self->store, CR_TYPE_WAYPOINT, "feature_id",
                                                   feature_id, error);
  cJSON *array;
  guint n;

  if (waypoints == NULL)
    return FALSE;
  n = g_list_model_get_n_items (waypoints);
  if (n == 0)
    return TRUE;
  array = cJSON_AddArrayToObject (properties, "waypoints");
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CrWaypoint) waypoint = g_list_model_get_item (waypoints, i);
      cJSON *item = cJSON_CreateObject ();
      double xy[2] = { cr_waypoint_get_lon (waypoint), cr_waypoint_get_lat (waypoint) };

      if (cr_waypoint_get_name (waypoint) != NULL)
        cJSON_AddStringToObject (item, "name", cr_waypoint_get_name (waypoint));
      add_time (item, "time", cr_waypoint_get_planned_at (waypoint));
      cJSON_AddItemToObject (item, "coordinates", cJSON_CreateDoubleArray (xy, 2));
      cJSON_AddItemToArray (array, item);
    }
  return TRUE;
}

static cJSON *
feature_to_json (Export     *self,
                 CrFeature  *feature,
                 GError    **error)
{
  g_autoptr(cJSON) json = cJSON_CreateObject ();
  g_autoptr(cJSON) others = NULL;
  g_autoptr(GHashTable) other_keys = NULL;
  g_autoptr(GHashTable) mapped_keys = NULL;
  cJSON *properties;
  CrGeometry *geometry = cr_feature_get_geometry (feature);
  const char *stored = cr_feature_get_properties (feature);

  if (stored != NULL)
    {
      others = cJSON_Parse (stored);
      if (others != NULL && !cJSON_IsObject (others))
        g_clear_pointer (&others, cJSON_Delete);
    }
  other_keys = folded_keys (others);

  cJSON_AddStringToObject (json, "type", "Feature");
  properties = cJSON_AddObjectToObject (json, "properties");
  if (cr_feature_get_name (feature) != NULL)
    cJSON_AddStringToObject (properties, free_key (other_keys, CR_GEOJSON_SLOT_NAME), cr_feature_get_name (feature));
  cJSON_AddStringToObject (properties, free_key (other_keys, CR_GEOJSON_SLOT_KIND), cr_feature_get_kind (feature));
  if (cr_feature_get_active_from (feature) != NULL)
    add_time (properties, free_key (other_keys, CR_GEOJSON_SLOT_FROM), cr_feature_get_active_from (feature));
  if (cr_feature_get_active_to (feature) != NULL)
    add_time (properties, free_key (other_keys, CR_GEOJSON_SLOT_TO), cr_feature_get_active_to (feature));
  if (cr_feature_get_partner_id (feature) > 0)
    {
      const char *name = partner_name (self, cr_feature_get_partner_id (feature));

      if (name != NULL)
        cJSON_AddStringToObject (properties, "partner", name);
    }
  if (cr_feature_get_notes (feature) != NULL)
    cJSON_AddStringToObject (properties, "notes", cr_feature_get_notes (feature));
  if (!isnan (cr_feature_get_radius_m (feature)) && !isnan (cr_feature_get_center_lon (feature)))
    {
      cJSON *circle = cJSON_AddObjectToObject (properties, "circle");
      double xy[2] = { cr_feature_get_center_lon (feature), cr_feature_get_center_lat (feature) };

      cJSON_AddItemToObject (circle, "center", cJSON_CreateDoubleArray (xy, 2));
      cJSON_AddNumberToObject (circle, "radius_m", cr_feature_get_radius_m (feature));
    }
  if (!add_waypoints (self, properties, cr_record_get_id (CR_RECORD (feature)), error))
    return NULL;

  /* Then every other property, as imported. */
  mapped_keys = folded_keys (properties);
  while (others != NULL && others->child != NULL)
    {
      cJSON *item = cJSON_DetachItemViaPointer (others, others->child);

      if (item->string != NULL && !has_folded_key (mapped_keys, item->string))
        cJSON_AddItemToObject (properties, item->string, item);
      else
        cJSON_Delete (item);
    }

  if (geometry != NULL)
    {
      g_autoptr(CrGeometry) oriented = cr_geometry_copy (geometry);

      cr_geometry_orient_rhr (oriented);
      cJSON_AddItemToObject (json, "geometry", _cr_geojson_geometry_to_json (oriented));
    }
  else
    cJSON_AddNullToObject (json, "geometry");
  return g_steal_pointer (&json);
}

/* The FeatureCollection of @features, one feature a line. */
static char *
export_features (CrStore     *store,
                 const char  *collection_name,
                 GListModel  *features,
                 GError     **error)
{
  g_autoptr(GHashTable) partner_names = NULL;
  g_autoptr(GString) out = NULL;
  g_autoptr(cJSON) name = NULL;
  g_autofree char *name_text = NULL;
  Export self;
  guint n;

  partner_names = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  self.store = store;
  self.partner_names = partner_names;

  name = cJSON_CreateString (collection_name != NULL ? collection_name : "");
  name_text = print_json (name);
  out = g_string_new (NULL);
  g_string_append_printf (out, "{\"type\":\"FeatureCollection\",\"name\":%s,\"features\":[\n", name_text);
  n = g_list_model_get_n_items (features);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CrFeature) feature = g_list_model_get_item (features, i);
      g_autoptr(cJSON) json = feature_to_json (&self, feature, error);
      char *printed;

      if (json == NULL)
        return NULL;
      printed = cJSON_PrintUnformatted (json);
      g_string_append (out, printed);
      cJSON_free (printed);
      if (i + 1 < n)
        g_string_append (out, ",\n");
    }
  g_string_append (out, "\n]}\n");
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* Replaces @path in one step: a failed export leaves whatever was there. */
static gboolean
write_file (const char  *path,
            const char  *text,
            GError     **error)
{
  g_autoptr(GError) local_error = NULL;

  if (!g_file_set_contents (path, text, -1, &local_error))
    {
      g_autofree char *display = g_filename_display_name (path);

      g_set_error (error, CR_GEOJSON_ERROR, CR_GEOJSON_ERROR_WRITE,
                   _("“%s” cannot be written: %s. Choose another folder, or free some disk space."),
                   display, local_error->message);
      return FALSE;
    }
  return TRUE;
}

/**
 * cr_geojson_export_string:
 *
 * The features of an event as an RFC 7946 FeatureCollection, one feature
 * a line.
 *
 * Returns: (transfer full) (nullable): the GeoJSON text
 */
char *
cr_geojson_export_string (CrStore *store,
                          gint64   event_id,
                          GError **error)
{
  g_autoptr(CrEvent) event = NULL;
  g_autoptr(GListModel) features = NULL;

  g_return_val_if_fail (CR_IS_STORE (store), NULL);

  event = cr_store_get (store, CR_TYPE_EVENT, event_id, error);
  if (event == NULL)
    return NULL;
  features = cr_store_list_features (store, event_id, error);
  if (features == NULL)
    return NULL;
  return export_features (store, cr_event_get_name (event), features, error);
}

/**
 * cr_geojson_export_features_string:
 * @ids: (array length=n_ids): the features, in the order to write them
 *
 * Like cr_geojson_export_string(), for some features only (the
 * selection); the collection is named after the first one's event.
 *
 * Returns: (transfer full) (nullable): the GeoJSON text
 */
char *
cr_geojson_export_features_string (CrStore      *store,
                                   const gint64 *ids,
                                   guint         n_ids,
                                   GError      **error)
{
  g_autoptr(GListStore) features = NULL;
  g_autoptr(CrEvent) event = NULL;

  g_return_val_if_fail (CR_IS_STORE (store), NULL);
  g_return_val_if_fail (ids != NULL || n_ids == 0, NULL);

  features = g_list_store_new (CR_TYPE_FEATURE);
  for (guint i = 0; i < n_ids; i++)
    {
      g_autoptr(CrFeature) feature = cr_store_get (store, CR_TYPE_FEATURE, ids[i], error);

      if (feature == NULL)
        return NULL;
      if (event == NULL && cr_feature_get_event_id (feature) > 0)
        event = cr_store_get (store, CR_TYPE_EVENT, cr_feature_get_event_id (feature), NULL);
      g_list_store_append (features, feature);
    }
  return export_features (store, event != NULL ? cr_event_get_name (event) : NULL,
                          G_LIST_MODEL (features), error);
}

/**
 * cr_geojson_export_file:
 *
 * Writes cr_geojson_export_string() to @path atomically: a failed export
 * leaves whatever was there before.
 */
gboolean
cr_geojson_export_file (CrStore    *store,
                        gint64      event_id,
                        const char *path,
                        GError    **error)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (CR_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  text = cr_geojson_export_string (store, event_id, error);
  return text != NULL && write_file (path, text, error);
}

/**
 * cr_geojson_export_features:
 * @ids: (array length=n_ids): the features to export
 *
 * Writes cr_geojson_export_features_string() to @path atomically.
 */
gboolean
cr_geojson_export_features (CrStore      *store,
                            const gint64 *ids,
                            guint         n_ids,
                            const char   *path,
                            GError      **error)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (CR_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  text = cr_geojson_export_features_string (store, ids, n_ids, error);
  return text != NULL && write_file (path, text, error);
}
