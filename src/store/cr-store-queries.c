/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cr-store"

#include "config.h"

#include <glib/gi18n.h>

#include "cr-store-private.h"
#include "cr-wkb.h"

/* Typed queries the views need, over the generic mapping. */

static gpointer
first_or_null (GListModel *list)
{
  if (list == NULL || g_list_model_get_n_items (list) == 0)
    return NULL;
  return g_list_model_get_item (list, 0);
}

/**
 * cr_store_list_events:
 *
 * Returns: (transfer full): the events, latest first
 */
GListModel *
cr_store_list_events (CrStore  *self,
                      gboolean  include_archived,
                      GError  **error)
{
  g_return_val_if_fail (CR_IS_STORE (self), NULL);

  return _cr_store_list_where (self, CR_TYPE_EVENT,
                               include_archived ? NULL : "\"archived\" = 0", NULL, 0, error);
}

/**
 * cr_store_find_event:
 *
 * Names are unique without regard to case.
 *
 * Returns: (transfer full) (nullable): the event, or %NULL without an
 *   error when there is none of that name
 */
CrEvent *
cr_store_find_event (CrStore    *self,
                     const char *name,
                     GError    **error)
{
  g_autoptr(GListModel) list = NULL;

  g_return_val_if_fail (CR_IS_STORE (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  list = _cr_store_list_where (self, CR_TYPE_EVENT, "\"name\" = ?", name, 0, error);
  return first_or_null (list);
}

GListModel *
cr_store_list_feature_kinds (CrStore *self,
                             GError **error)
{
  g_return_val_if_fail (CR_IS_STORE (self), NULL);

  return _cr_store_list_where (self, CR_TYPE_FEATURE_KIND, NULL, NULL, 0, error);
}

CrFeatureKind *
cr_store_find_feature_kind (CrStore    *self,
                            const char *code,
                            GError    **error)
{
  g_autoptr(GListModel) list = NULL;

  g_return_val_if_fail (CR_IS_STORE (self), NULL);
  g_return_val_if_fail (code != NULL, NULL);

  list = _cr_store_list_where (self, CR_TYPE_FEATURE_KIND, "\"code\" = ?", code, 0, error);
  return first_or_null (list);
}

/**
 * cr_store_list_features:
 *
 * Returns: (transfer full): the event's features in creation order
 */
GListModel *
cr_store_list_features (CrStore *self,
                        gint64   event_id,
                        GError **error)
{
  g_return_val_if_fail (CR_IS_STORE (self), NULL);

  return cr_store_list (self, CR_TYPE_FEATURE, "event_id", event_id, error);
}

/* The extent of an event's features, from the R*Tree. FALSE without an
 * error when the event has no geometry. */
gboolean
cr_store_get_event_extent (CrStore *self,
                           gint64   event_id,
                           CrBBox  *bbox,
                           GError **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (CR_IS_STORE (self), FALSE);
  g_return_val_if_fail (bbox != NULL, FALSE);

  cr_bbox_init_empty (bbox);
  stmt = _cr_store_prepare (self,
                            "SELECT min(r.minx), min(r.miny), max(r.maxx), max(r.maxy)"
                            " FROM rtree_features_geometry r JOIN features f ON f.id = r.id"
                            " WHERE f.event_id IS ?",
                            error);
  if (stmt == NULL)
    return FALSE;
  if (event_id > 0)
    sqlite3_bind_int64 (stmt, 1, event_id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      return _cr_store_set_error (error, self->db, rc);
    }
  if (sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    {
      bbox->min_x = sqlite3_column_double (stmt, 0);
      bbox->min_y = sqlite3_column_double (stmt, 1);
      bbox->max_x = sqlite3_column_double (stmt, 2);
      bbox->max_y = sqlite3_column_double (stmt, 3);
    }
  sqlite3_reset (stmt);
  return !cr_bbox_is_empty (bbox);
}

/**
 * cr_store_foreach_feature_in_bbox:
 * @func: (scope call): called for every feature of the event whose
 *   envelope meets @bbox, in no particular order
 *
 * The viewport query of the map: driven by the R*Tree, no GObject per
 * feature, and no sort — a sort would copy every visible geometry. Callers
 * that need an order (the topmost feature) compare ids.
 */
gboolean
cr_store_foreach_feature_in_bbox (CrStore          *self,
                                  gint64            event_id,
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
                            "SELECT f.id, f.kind, f.geometry, f.name, f.active_from, f.active_to,"
                            " r.minx, r.miny, r.maxx, r.maxy"
                            " FROM rtree_features_geometry r CROSS JOIN features f ON f.id = r.id"
                            " WHERE r.maxx >= ?2 AND r.minx <= ?4 AND r.maxy >= ?3 AND r.miny <= ?5"
                            " AND f.event_id IS ?1"
                            /* The R*Tree rounds outwards to 32-bit floats. */
                            " AND ST_MaxX(f.geometry) >= ?2 AND ST_MinX(f.geometry) <= ?4"
                            " AND ST_MaxY(f.geometry) >= ?3 AND ST_MinY(f.geometry) <= ?5",
                            error);
  if (stmt == NULL)
    return FALSE;
  /* Event 0: the reference layers, as in cr_store_list(). */
  if (event_id > 0)
    sqlite3_bind_int64 (stmt, 1, event_id);
  sqlite3_bind_double (stmt, 2, bbox->min_x);
  sqlite3_bind_double (stmt, 3, bbox->min_y);
  sqlite3_bind_double (stmt, 4, bbox->max_x);
  sqlite3_bind_double (stmt, 5, bbox->max_y);
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
        .bbox = {
          sqlite3_column_double (stmt, 6), sqlite3_column_double (stmt, 7),
          sqlite3_column_double (stmt, 8), sqlite3_column_double (stmt, 9),
        },
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
