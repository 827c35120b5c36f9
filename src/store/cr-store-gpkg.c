/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cr-store"

#include "config.h"

#include <math.h>

#include "cr-store-private.h"
#include "cr-wkb.h"

/* The SQL functions the GeoPackage R*Tree triggers call (GeoPackage 1.2,
 * annex F.3). They read the envelope from the blob header when there is
 * one, so keeping the index costs no WKB parsing for lines and polygons. */

typedef enum
{
  MIN_X,
  MAX_X,
  MIN_Y,
  MAX_Y,
} Bound;

static gboolean
blob_envelope (sqlite3_value *value,
               CrBBox        *bbox,
               gboolean      *empty)
{
  const guint8 *data;
  int len;

  if (sqlite3_value_type (value) != SQLITE_BLOB)
    return FALSE;
  data = sqlite3_value_blob (value);
  len = sqlite3_value_bytes (value);
  return cr_gpkg_blob_envelope (data, (gsize) len, bbox, empty);
}

static void
st_bound (sqlite3_context *ctx,
          int              argc,
          sqlite3_value  **argv)
{
  Bound which = GPOINTER_TO_INT (sqlite3_user_data (ctx));
  CrBBox bbox;
  gboolean empty;

  if (!blob_envelope (argv[0], &bbox, &empty) || empty)
    {
      sqlite3_result_null (ctx);
      return;
    }
  switch (which)
    {
    case MIN_X:
      sqlite3_result_double (ctx, bbox.min_x);
      break;
    case MAX_X:
      sqlite3_result_double (ctx, bbox.max_x);
      break;
    case MIN_Y:
      sqlite3_result_double (ctx, bbox.min_y);
      break;
    case MAX_Y:
    default:
      sqlite3_result_double (ctx, bbox.max_y);
      break;
    }
}

static void
st_is_empty (sqlite3_context *ctx,
             int              argc,
             sqlite3_value  **argv)
{
  CrBBox bbox;
  gboolean empty;

  if (!blob_envelope (argv[0], &bbox, &empty))
    {
      sqlite3_result_null (ctx);
      return;
    }
  sqlite3_result_int (ctx, empty ? 1 : 0);
}

void
_cr_store_register_functions (sqlite3 *db)
{
  static const struct
  {
    const char *name;
    Bound bound;
  } bounds[] = {
    { "ST_MinX", MIN_X },
    { "ST_MaxX", MAX_X },
    { "ST_MinY", MIN_Y },
    { "ST_MaxY", MAX_Y },
  };
  const int flags = SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS;

  for (guint i = 0; i < G_N_ELEMENTS (bounds); i++)
    sqlite3_create_function_v2 (db, bounds[i].name, 1, flags, GINT_TO_POINTER (bounds[i].bound),
                                st_bound, NULL, NULL, NULL);
  sqlite3_create_function_v2 (db, "ST_IsEmpty", 1, flags, NULL, st_is_empty, NULL, NULL, NULL);
}
