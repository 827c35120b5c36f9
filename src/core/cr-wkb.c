/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cr-wkb"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "cr-wkb.h"

/* Nested geometry collections deeper than this are refused: real data
 * never needs it, and it keeps a hostile blob from exhausting the stack. */
#define MAX_DEPTH 32

G_DEFINE_QUARK (cr-wkb-error-quark, cr_wkb_error)

static void
append_u32 (GByteArray *out,
            guint32     v)
{
  v = GUINT32_TO_LE (v);
  g_byte_array_append (out, (const guint8 *) &v, 4);
}

static void
append_doubles (GByteArray   *out,
                const double *values,
                gsize         n)
{
#if G_BYTE_ORDER == G_LITTLE_ENDIAN
  g_byte_array_append (out, (const guint8 *) values, n * sizeof (double));
#else
  for (gsize i = 0; i < n; i++)
    {
      guint64 bits;

      memcpy (&bits, &values[i], 8);
      bits = GUINT64_TO_LE (bits);
      g_byte_array_append (out, (const guint8 *) &bits, 8);
    }
#endif
}

/* Appends little-endian ISO WKB (2D). An empty POINT is written as
 * POINT(NaN NaN), the GeoPackage convention. */
void
cr_wkb_append (GByteArray       *out,
               const CrGeometry *geometry)
{
  static const guint8 le = 1;

  g_return_if_fail (out != NULL);
  g_return_if_fail (geometry != NULL);

  g_byte_array_append (out, &le, 1);
  append_u32 (out, geometry->type);

  switch (geometry->type)
    {
    case CR_GEOMETRY_POINT:
      if (geometry->n_coords == 0)
        {
          const double nan_xy[2] = { NAN, NAN };

          append_doubles (out, nan_xy, 2);
        }
      else
        append_doubles (out, geometry->coords, 2);
      break;

    case CR_GEOMETRY_LINESTRING:
      append_u32 (out, geometry->n_coords);
      append_doubles (out, geometry->coords, 2 * (gsize) geometry->n_coords);
      break;

    case CR_GEOMETRY_POLYGON:
      append_u32 (out, geometry->n_parts);
      for (guint i = 0; i < geometry->n_parts; i++)
        {
          append_u32 (out, geometry->parts[i]->n_coords);
          append_doubles (out, geometry->parts[i]->coords, 2 * (gsize) geometry->parts[i]->n_coords);
        }
      break;

    case CR_GEOMETRY_MULTIPOINT:
    case CR_GEOMETRY_MULTILINESTRING:
    case CR_GEOMETRY_MULTIPOLYGON:
    case CR_GEOMETRY_COLLECTION:
    default:
      append_u32 (out, geometry->n_parts);
      for (guint i = 0; i < geometry->n_parts; i++)
        cr_wkb_append (out, geometry->parts[i]);
      break;
    }
}

typedef struct
{
  const guint8 *p;
  const guint8 *end;
  gboolean big_endian;
} Reader;

static gboolean
read_u32 (Reader  *r,
          guint32 *v)
{
  guint32 raw;

  if (r->end - r->p < 4)
    return FALSE;
  memcpy (&raw, r->p, 4);
  r->p += 4;
  *v = r->big_endian ? GUINT32_FROM_BE (raw) : GUINT32_FROM_LE (raw);
  return TRUE;
}

static gboolean
read_coords (Reader     *r,
             CrGeometry *g,
             guint32     n,
             guint       dims)
{
  if (n > (guint32) ((r->end - r->p) / (8 * dims)))
    return FALSE;
  g->coords_alloc = MAX (n, 1);
  g->coords = g_renew (double, g->coords, 2 * g->coords_alloc);
  for (guint32 i = 0; i < n; i++)
    for (guint d = 0; d < dims; d++)
      {
        guint64 bits;
        double v;

        memcpy (&bits, r->p, 8);
        r->p += 8;
        bits = r->big_endian ? GUINT64_FROM_BE (bits) : GUINT64_FROM_LE (bits);
        memcpy (&v, &bits, 8);
        if (d < 2)
          g->coords[2 * i + d] = v;
      }
  g->n_coords = n;
  return TRUE;
}

static CrGeometry *
read_geometry (Reader *r,
               guint   depth)
{
  g_autoptr(CrGeometry) g = NULL;
  guint32 code, base, n;
  guint dims = 2;

  if (depth > MAX_DEPTH || r->p >= r->end || *r->p > 1)
    return NULL;
  r->big_endian = (*r->p++ == 0);
  if (!read_u32 (r, &code))
    return NULL;

  /* ISO Z/M/ZM (1000s) and EWKB-style flags: keep x and y only. */
  if (code & 0x80000000u)
    dims++;
  if (code & 0x40000000u)
    dims++;
  /* EWKB (PostGIS) puts an SRID before the content; WGS84 is assumed. */
  if (code & 0x20000000u)
    {
      guint32 srid;

      if (!read_u32 (r, &srid))
        return NULL;
    }
  code &= 0x0fffffffu;
  base = code % 1000;
  if (code >= 1000 && code < 4000)
    dims += (code / 1000 == 3) ? 2 : 1;
  if (base < CR_GEOMETRY_POINT || base > CR_GEOMETRY_COLLECTION)
    return NULL;

  g = cr_geometry_new (base);
  switch (base)
    {
    case CR_GEOMETRY_POINT:
      if (!read_coords (r, g, 1, dims))
        return NULL;
      if (isnan (g->coords[0]) && isnan (g->coords[1]))
        g->n_coords = 0;
      break;

    case CR_GEOMETRY_LINESTRING:
      if (!read_u32 (r, &n) || !read_coords (r, g, n, dims))
        return NULL;
      break;

    case CR_GEOMETRY_POLYGON:
      if (!read_u32 (r, &n) || n > (guint32) (r->end - r->p) / 4)
        return NULL;
      for (guint32 i = 0; i < n; i++)
        {
          CrGeometry *ring = cr_geometry_new (CR_GEOMETRY_LINESTRING);
          guint32 m;

          cr_geometry_add_part (g, ring);
          if (!read_u32 (r, &m) || !read_coords (r, ring, m, dims))
            return NULL;
        }
      break;

    default:
      if (!read_u32 (r, &n) || n > (guint32) (r->end - r->p) / 5)
        return NULL;
      for (guint32 i = 0; i < n; i++)
        {
          CrGeometry *part = read_geometry (r, depth + 1);

          if (part == NULL)
            return NULL;
          cr_geometry_add_part (g, part);
        }
      break;
    }
  return g_steal_pointer (&g);
}

CrGeometry *
cr_wkb_read (const guint8 *data,
             gsize         len,
             GError      **error)
{
  Reader r = { data, data + len, FALSE };
  CrGeometry *g;

  g_return_val_if_fail (data != NULL || len == 0, NULL);

  g = read_geometry (&r, 0);
  if (g == NULL)
    g_set_error (error, CR_WKB_ERROR, CR_WKB_ERROR_INVALID,
                 _("The stored geometry is damaged (invalid WKB)."));
  return g;
}

/* Flags byte: bit 0 little-endian, bits 1-3 envelope (1 = xy), bit 4 empty. */
void
cr_gpkg_blob_append (GByteArray       *out,
                     const CrGeometry *geometry,
                     gint32            srs_id)
{
  CrBBox bbox;
  gboolean empty;
  guint8 head[4] = { 'G', 'P', 0, 0x01 };
  guint32 srs = GUINT32_TO_LE ((guint32) srs_id);

  g_return_if_fail (out != NULL);
  g_return_if_fail (geometry != NULL);

  empty = !cr_geometry_get_bbox (geometry, &bbox);
  /* Points need no envelope (GeoPackage 1.2 §2.1.3 recommends none). */
  if (!empty && geometry->type != CR_GEOMETRY_POINT)
    head[3] |= 1 << 1;
  if (empty)
    head[3] |= 1 << 4;
  g_byte_array_append (out, head, 4);
  g_byte_array_append (out, (const guint8 *) &srs, 4);
  if (head[3] & (1 << 1))
    {
      double env[4] = { bbox.min_x, bbox.max_x, bbox.min_y, bbox.max_y };

      append_doubles (out, env, 4);
    }
  cr_wkb_append (out, geometry);
}

GBytes *
cr_gpkg_blob_new (const CrGeometry *geometry,
                  gint32            srs_id)
{
  GByteArray *out = g_byte_array_sized_new (64);

  cr_gpkg_blob_append (out, geometry, srs_id);
  return g_byte_array_free_to_bytes (out);
}

static const gsize envelope_sizes[] = { 0, 32, 48, 48, 64 };

gssize
cr_gpkg_blob_wkb_offset (const guint8 *data,
                         gsize         len)
{
  guint env;

  if (data == NULL || len < 8 || data[0] != 'G' || data[1] != 'P')
    return -1;
  env = (data[3] >> 1) & 0x07;
  if (env >= G_N_ELEMENTS (envelope_sizes) || len < 8 + envelope_sizes[env])
    return -1;
  return 8 + envelope_sizes[env];
}

CrGeometry *
cr_gpkg_blob_read (const guint8 *data,
                   gsize         len,
                   gint32       *srs_id,
                   GError      **error)
{
  gssize offset = cr_gpkg_blob_wkb_offset (data, len);

  if (offset < 0)
    {
      g_set_error (error, CR_WKB_ERROR, CR_WKB_ERROR_INVALID,
                   _("The stored geometry is damaged (not a GeoPackage geometry)."));
      return NULL;
    }
  if (srs_id != NULL)
    {
      guint32 raw;

      memcpy (&raw, data + 4, 4);
      *srs_id = (gint32) ((data[3] & 1) ? GUINT32_FROM_LE (raw) : GUINT32_FROM_BE (raw));
    }
  return cr_wkb_read (data + offset, len - offset, error);
}

/* The envelope from the header when there is one, else computed from the
 * WKB. FALSE when the blob is not a GeoPackage geometry. */
gboolean
cr_gpkg_blob_envelope (const guint8 *data,
                       gsize         len,
                       CrBBox       *bbox,
                       gboolean     *is_empty)
{
  gssize offset = cr_gpkg_blob_wkb_offset (data, len);
  guint env;

  if (offset < 0)
    return FALSE;
  env = (data[3] >> 1) & 0x07;
  *is_empty = (data[3] >> 4) & 1;
  if (env != 0)
    {
      double v[4];

      for (guint i = 0; i < 4; i++)
        {
          guint64 bits;

          memcpy (&bits, data + 8 + 8 * i, 8);
          bits = (data[3] & 1) ? GUINT64_FROM_LE (bits) : GUINT64_FROM_BE (bits);
          memcpy (&v[i], &bits, 8);
        }
      bbox->min_x = v[0];
      bbox->max_x = v[1];
      bbox->min_y = v[2];
      bbox->max_y = v[3];
      return TRUE;
    }
  else
    {
      g_autoptr(CrGeometry) g = cr_wkb_read (data + offset, len - offset, NULL);

      if (g == NULL)
        return FALSE;
      if (!cr_geometry_get_bbox (g, bbox))
        *is_empty = TRUE;
      return TRUE;
    }
}
