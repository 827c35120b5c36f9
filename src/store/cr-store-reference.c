/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cr-store"

#include "config.h"

#include <glib/gi18n.h>

#include "cr-geometry.h"
#include "cr-store-private.h"

/* Reference layers and "who is responsible here?": the areas of the
 * visible layers that contain a point, the partners linked to them, and
 * their SPOC chains. */

/* Features of visible layers only: a hidden layer is neither drawn nor
 * asked who is responsible. */
#define VISIBLE_LAYER "\"layer_id\" IN (SELECT \"id\" FROM reference_layers WHERE \"visible\" = 1)"

/**
 * cr_store_list_reference_layers:
 *
 * Returns: (transfer full): the reference layers, by name
 */
GListModel *
cr_store_list_reference_layers (CrStore *self,
                                GError **error)
{
  g_return_val_if_fail (CR_IS_STORE (self), NULL);

  return _cr_store_list_where (self, CR_TYPE_REFERENCE_LAYER, NULL, NULL, 0, error);
}

/**
 * cr_store_find_reference_layer:
 *
 * Names are unique without regard to case.
 *
 * Returns: (transfer full) (nullable): the layer, or %NULL without an
 *   error when there is none of that name
 */
CrReferenceLayer *
cr_store_find_reference_layer (CrStore    *self,
                               const char *name,
                               GError    **error)
{
  g_autoptr(GListModel) list = NULL;

  g_return_val_if_fail (CR_IS_STORE (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  list = _cr_store_list_where (self, CR_TYPE_REFERENCE_LAYER, "\"name\" = ?", name, 0, error);
  if (list == NULL || g_list_model_get_n_items (list) == 0)
    return NULL;
  return g_list_model_get_item (list, 0);
}

/**
 * cr_store_set_reference_layer_visible:
 *
 * Shows or hides a layer for every window on the file. Reads the row
 * afresh, so a toggle never conflicts with another window's toggle.
 */
gboolean
cr_store_set_reference_layer_visible (CrStore  *self,
                                      gint64    layer_id,
                                      gboolean  visible,
                                      GError  **error)
{
  g_autoptr(CrReferenceLayer) layer = NULL;

  g_return_val_if_fail (CR_IS_STORE (self), FALSE);

  if (!cr_store_begin (self, error))
    return FALSE;
  layer = cr_store_get (self, CR_TYPE_REFERENCE_LAYER, layer_id, error);
  if (layer == NULL)
    goto fail;
  if (cr_reference_layer_get_visible (layer) != !!visible)
    {
      cr_reference_layer_set_visible (layer, visible);
      if (!cr_store_update (self, CR_RECORD (layer), error))
        goto fail;
    }
  return cr_store_commit (self, error);

fail:
  cr_store_rollback (self);
  return FALSE;
}

/**
 * cr_store_foreach_reference_feature_in_bbox:
 * @func: (scope call): called for every feature of a visible reference
 *   layer whose envelope meets @bbox, layer by layer, in creation order
 *
 * The viewport query of the reference layers: R*Tree first, no GObject
 * per feature.
 */
gboolean
cr_store_foreach_reference_feature_in_bbox (CrStore          *self,
                                            const CrBBox     *bbox,
                                            CrFeatureViewFunc func,
                                            gpointer          user_data,
                                            GError          **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (CR_IS_STORE (self), FALSE);
  g_return_val_if_fail (bbox != NULL, FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  stmt = _cr_store_prepare (self,
                            "SELECT f.id, f.kind, f.geometry, f.name, f.active_from, f.active_to"
                            " FROM features f"
                            " WHERE f.event_id IS NULL AND f." VISIBLE_LAYER " AND f.id IN"
                            " (SELECT id FROM rtree_features_geometry"
                            "  WHERE maxx >= ?1 AND minx <= ?3 AND maxy >= ?2 AND miny <= ?4)"
                            /* The R*Tree rounds outwards to 32-bit floats. */
                            " AND ST_MaxX(f.geometry) >= ?1 AND ST_MinX(f.geometry) <= ?3"
                            " AND ST_MaxY(f.geometry) >= ?2 AND ST_MinY(f.geometry) <= ?4"
                            " ORDER BY f.layer_id, f.id",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_double (stmt, 1, bbox->min_x);
  sqlite3_bind_double (stmt, 2, bbox->min_y);
  sqlite3_bind_double (stmt, 3, bbox->max_x);
  sqlite3_bind_double (stmt, 4, bbox->max_y);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CrFeatureView view = {
        .id = sqlite3_column_int64 (stmt, 0),
        .kind = (const char *) sqlite3_column_text (stmt, 1),
        .blob = sqlite3_column_blob (stmt, 2),
        .blob_len = (gsize) sqlite3_column_bytes (stmt, 2),
        .name = (const char *) sqlite3_column_text (stmt, 3),
        .active_from = (const char *) sqlite3_column_text (stmt, 4),
        .active_to = (const char *) sqlite3_column_text (stmt, 5),
      };

      if (!func (&view, user_data))
        {
          rc = SQLITE_DONE;
          break;
        }
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return _cr_store_set_error (error, self->db, rc);
  return TRUE;
}

typedef struct
{
  CrFeature *feature;
  double area;
} Area;

static int
compare_areas (gconstpointer a,
               gconstpointer b)
{
  const Area *x = a, *y = b;

  if (x->area != y->area)
    return x->area < y->area ? -1 : 1;
  return cr_record_get_id (CR_RECORD (x->feature)) < cr_record_get_id (CR_RECORD (y->feature)) ? -1 : 1;
}

/**
 * cr_store_find_areas_at:
 *
 * The areas of the visible reference layers that contain the point:
 * R*Tree candidates, then an exact test in which holes are outside and
 * borders inside. Points and lines of the layers are never areas.
 *
 * Returns: (transfer full): #CrFeature, the smallest area first, so the
 *   most local responsibility comes first
 */
GListModel *
cr_store_find_areas_at (CrStore *self,
                        double   lon,
                        double   lat,
                        GError **error)
{
  g_autoptr(CrRecordClass) klass = g_type_class_ref (CR_TYPE_FEATURE);
  g_autoptr(GListStore) list = g_list_store_new (CR_TYPE_FEATURE);
  g_autoptr(GArray) found = g_array_new (FALSE, FALSE, sizeof (Area));
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (CR_IS_STORE (self), NULL);

  sql = _cr_store_select_sql (klass,
                              "\"event_id\" IS NULL AND " VISIBLE_LAYER " AND \"id\" IN"
                              " (SELECT id FROM rtree_features_geometry"
                              "  WHERE minx <= ?1 AND maxx >= ?1 AND miny <= ?2 AND maxy >= ?2)",
                              "\"id\"");
  stmt = _cr_store_prepare (self, sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_double (stmt, 1, lon);
  sqlite3_bind_double (stmt, 2, lat);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CrFeature *feature = CR_FEATURE (_cr_store_record_from_row (CR_TYPE_FEATURE, stmt));
      CrGeometry *geometry = cr_feature_get_geometry (feature);

      if (geometry != NULL && cr_geometry_contains_point (geometry, lon, lat))
        {
          Area area = { feature, cr_geometry_area_m2 (geometry) };

          g_array_append_val (found, area);
        }
      else
        g_object_unref (feature);
    }
  sqlite3_reset (stmt);
  g_array_sort (found, compare_areas);
  for (guint i = 0; i < found->len; i++)
    {
      CrFeature *feature = g_array_index (found, Area, i).feature;

      g_list_store_append (list, feature);
      g_object_unref (feature);
    }
  if (rc != SQLITE_DONE)
    {
      _cr_store_set_error (error, self->db, rc);
      return NULL;
    }
  return G_LIST_MODEL (g_steal_pointer (&list));
}

/**
 * cr_store_list_area_partners:
 *
 * Returns: (transfer full): the #CrPartner whose area of responsibility
 *   is @area_feature_id, by name
 */
GListModel *
cr_store_list_area_partners (CrStore *self,
                             gint64   area_feature_id,
                             GError **error)
{
  g_return_val_if_fail (CR_IS_STORE (self), NULL);
  g_return_val_if_fail (area_feature_id > 0, NULL);

  return _cr_store_list_where (self, CR_TYPE_PARTNER, "\"area_feature_id\" = ?", NULL,
                               area_feature_id, error);
}

/**
 * cr_store_set_partner_area:
 * @area_feature_id: an area of a reference layer, or 0 to unlink
 *
 * Makes @area_feature_id the partner's area of responsibility. A partner
 * has one area: linking replaces the link it had. Reads the partner
 * afresh and writes it with cr_store_update(), in one transaction.
 */
gboolean
cr_store_set_partner_area (CrStore *self,
                           gint64   partner_id,
                           gint64   area_feature_id,
                           GError **error)
{
  g_autoptr(CrPartner) partner = NULL;

  g_return_val_if_fail (CR_IS_STORE (self), FALSE);

  if (!cr_store_begin (self, error))
    return FALSE;
  if (area_feature_id > 0)
    {
      g_autoptr(CrFeature) area = cr_store_get (self, CR_TYPE_FEATURE, area_feature_id, error);

      if (area == NULL)
        goto fail;
      if (cr_feature_get_layer_id (area) == 0)
        {
          g_set_error (error, CR_STORE_ERROR, CR_STORE_ERROR_INVALID,
                       _("Only an area of a reference layer can be a partner’s area of "
                         "responsibility. Import the boundaries as a reference layer first."));
          goto fail;
        }
    }
  partner = cr_store_get (self, CR_TYPE_PARTNER, partner_id, error);
  if (partner == NULL)
    goto fail;
  if (cr_partner_get_area_feature_id (partner) != area_feature_id)
    {
      cr_partner_set_area_feature_id (partner, area_feature_id);
      if (!cr_store_update (self, CR_RECORD (partner), error))
        goto fail;
    }
  return cr_store_commit (self, error);

fail:
  cr_store_rollback (self);
  return FALSE;
}

/**
 * cr_store_list_spoc_chain:
 *
 * Returns: (transfer full): the partner's SPOC chain as #CrContact, in
 *   order: the SPOC (rank 0), then the deputies
 */
GListModel *
cr_store_list_spoc_chain (CrStore *self,
                          gint64   partner_id,
                          GError **error)
{
  g_return_val_if_fail (CR_IS_STORE (self), NULL);

  return _cr_store_list_query (self, CR_TYPE_CONTACT,
                               "\"id\" IN"
                               " (SELECT contact_id FROM spoc_assignments WHERE partner_id = ?1)",
                               "(SELECT rank FROM spoc_assignments"
                               " WHERE contact_id = \"contacts\".\"id\" AND partner_id = ?1),"
                               " \"id\"",
                               &(CrStoreParam) { .value = partner_id }, 1, error);
}
