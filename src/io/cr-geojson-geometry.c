/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cr-geojson"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "cr-geojson-private.h"

/* GeoJSON geometry text straight into a CrGeometry, and a CrGeometry into
 * cJSON for export. Coordinates are most of a GeoJSON file, so this reader
 * does not go through cJSON: a cJSON tree costs an allocation per number
 * and a strtod() per coordinate, several times the cost of everything else
 * an import does. It is strict JSON all the same. */

static void
feature_problem (CrGeojsonGeometryParser *parser,
                 const char              *format,
                 ...) G_GNUC_PRINTF (2, 3);

static void
feature_problem (CrGeojsonGeometryParser *parser,
                 const char              *format,
                 ...)
{
  g_autofree char *reason = NULL;
  va_list args;

  va_start (args, format);
  reason = g_strdup_vprintf (format, args);
  va_end (args);
  _cr_geojson_problem_set (parser->problem, CR_GEOJSON_ERROR_FEATURE, -1, "%s", reason);
}

static void
syntax_problem (CrGeojsonGeometryParser *parser,
                const char              *at,
                const char              *expected)
{
  if (at >= parser->end)
    _cr_geojson_problem_set (parser->problem, CR_GEOJSON_ERROR_SYNTAX, at - parser->base, "%s",
                             _("the text ends too early"));
  else
    _cr_geojson_problem_set (parser->problem, CR_GEOJSON_ERROR_SYNTAX, at - parser->base, "%s",
                             expected);
}

static inline const char *
skip_ws (const char *p,
         const char *end)
{
  while (p < end && (*p == ' ' || *p == '\n' || *p == '\r' || *p == '\t'))
    p++;
  return p;
}

/**
 * _cr_geojson_position_valid:
 * @reason: (out) (optional): why not, translated
 *
 * Whether (@lon, @lat) is a WGS 84 position.
 */
gboolean
_cr_geojson_position_valid (double   lon,
                            double   lat,
                            char   **reason)
{
  if (isnan (lon) || isnan (lat))
    {
      if (reason != NULL)
        *reason = g_strdup (_("a coordinate is not a number (NaN); correct or remove that position"));
      return FALSE;
    }
  if (!(lon >= -180 && lon <= 180))
    {
      if (reason != NULL)
        *reason = g_strdup_printf (_("longitude %g is outside −180…180; the file must use WGS 84 "
                                     "longitude/latitude (EPSG:4326), reproject it first"),
                                   lon);
      return FALSE;
    }
  if (!(lat >= -90 && lat <= 90))
    {
      if (reason != NULL)
        *reason = g_strdup_printf (_("latitude %g is outside −90…90; the file must use WGS 84 "
                                     "longitude/latitude (EPSG:4326), reproject it first"),
                                   lat);
      return FALSE;
    }
  return TRUE;
}

/* NaN, Infinity and null are not numbers, but some writers put them in
 * coordinates: say so rather than "invalid JSON". */
static const char *
non_number (const char *p,
            const char *end)
{
  static const char *const words[] = { "NaN", "Infinity", "-Infinity", "null", "nan", "-nan" };

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    {
      gsize n = strlen (words[i]);

      if ((gsize) (end - p) >= n && memcmp (p, words[i], n) == 0)
        return p + n;
    }
  return NULL;
}

/* `[lon, lat, ...]`: z and beyond are dropped. */
static gboolean
parse_position (CrGeojsonGeometryParser *parser,
                const char             **pp,
                double                  *xy)
{
  const char *p = *pp, *end = parser->end;
  guint n = 0;

  if (p >= end || *p != '[')
    {
      syntax_problem (parser, p, _("a position “[longitude, latitude]” was expected"));
      return FALSE;
    }
  p = skip_ws (p + 1, end);
  for (;;)
    {
      double v;
      const char *next = _cr_json_parse_number (p, end, &v);

      if (next == NULL)
        {
          if (p < end && *p == ']' && n == 0)
            {
              feature_problem (parser, "%s", _("a position is empty; it needs a longitude and a latitude"));
              return FALSE;
            }
          if ((next = non_number (p, end)) != NULL)
            {
              feature_problem (parser, "%s", _("a coordinate is not a number (NaN); correct or remove that position"));
              return FALSE;
            }
          syntax_problem (parser, p, _("a number was expected"));
          return FALSE;
        }
      if (n < 2)
        xy[n] = v;
      n++;
      p = skip_ws (next, end);
      if (p < end && *p == ',')
        {
          p = skip_ws (p + 1, end);
          continue;
        }
      if (p < end && *p == ']')
        break;
      syntax_problem (parser, p, _("a “,” or “]” was expected"));
      return FALSE;
    }
  if (n < 2)
    {
      feature_problem (parser, "%s", _("a position has a single number; it needs a longitude and a latitude"));
      return FALSE;
    }
  if (G_UNLIKELY (!(xy[0] >= -180 && xy[0] <= 180 && xy[1] >= -90 && xy[1] <= 90)))
    {
      g_autofree char *reason = NULL;

      _cr_geojson_position_valid (xy[0], xy[1], &reason);
      feature_problem (parser, "%s", reason);
      return FALSE;
    }
  *pp = p + 1;
  return TRUE;
}

/* `[ ... ]` of items read by @item; @item leaves *pp after the item. */
typedef gboolean (*ItemFunc) (CrGeojsonGeometryParser *parser,
                              const char             **pp,
                              gpointer                 data);

static gboolean
parse_array (CrGeojsonGeometryParser *parser,
             const char             **pp,
             ItemFunc                 item,
             gpointer                 data)
{
  const char *p = skip_ws (*pp, parser->end), *end = parser->end;

  if (p >= end || *p != '[')
    {
      syntax_problem (parser, p, _("an array “[…]” was expected"));
      return FALSE;
    }
  p = skip_ws (p + 1, end);
  if (p < end && *p == ']')
    {
      *pp = p + 1;
      return TRUE;
    }
  for (;;)
    {
      if (!item (parser, &p, data))
        return FALSE;
      p = skip_ws (p, end);
      if (p < end && *p == ',')
        {
          p = skip_ws (p + 1, end);
          continue;
        }
      if (p < end && *p == ']')
        break;
      syntax_problem (parser, p, _("a “,” or “]” was expected"));
      return FALSE;
    }
  *pp = p + 1;
  return TRUE;
}

static gboolean
position_item (CrGeojsonGeometryParser *parser,
               const char             **pp,
               gpointer                 data)
{
  double xy[2];

  if (!parse_position (parser, pp, xy))
    return FALSE;
  g_array_append_vals (parser->coords, xy, 2);
  return TRUE;
}

/* A list of positions, as a LINESTRING (also used for rings). */
static CrGeometry *
parse_positions (CrGeojsonGeometryParser *parser,
                 const char             **pp)
{
  g_array_set_size (parser->coords, 0);
  if (!parse_array (parser, pp, position_item, NULL))
    return NULL;
  return cr_geometry_new_linestring ((const double *) (gpointer) parser->coords->data,
                                     parser->coords->len / 2);
}

static gboolean
check_ring (CrGeojsonGeometryParser *parser,
            const CrGeometry        *ring,
            guint                    ring_index,
            guint                    polygon_index)
{
  const double *c = ring->coords;
  guint n = ring->n_coords;
  g_autofree char *where = NULL;

  if (polygon_index == 0)
    where = ring_index == 0 ? g_strdup (_("the outer ring"))
                            : g_strdup_printf (_("hole %u"), ring_index);
  else
    where = ring_index == 0 ? g_strdup_printf (_("the outer ring of polygon %u"), polygon_index)
                            : g_strdup_printf (_("hole %u of polygon %u"), ring_index, polygon_index);

  if (n < 4)
    {
      feature_problem (parser,
                       _("%s has %u positions; a ring needs at least 4, the last one repeating the first"),
                       where, n);
      return FALSE;
    }
  if (c[0] != c[2 * (n - 1)] || c[1] != c[2 * (n - 1) + 1])
    {
      feature_problem (parser,
                       _("%s is not closed; its last position must repeat the first"),
                       where);
      return FALSE;
    }
  return TRUE;
}

typedef struct
{
  CrGeometry *geometry;
  guint polygon_index; /* 1-based within a MultiPolygon, 0 for a Polygon */
} PartData;

static gboolean
ring_item (CrGeojsonGeometryParser *parser,
           const char             **pp,
           gpointer                 data)
{
  PartData *part = data;
  CrGeometry *ring = parse_positions (parser, pp);

  if (ring == NULL)
    return FALSE;
  if (!check_ring (parser, ring, part->geometry->n_parts, part->polygon_index))
    {
      cr_geometry_unref (ring);
      return FALSE;
    }
  cr_geometry_add_part (part->geometry, ring);
  return TRUE;
}

static CrGeometry *
parse_polygon (CrGeojsonGeometryParser *parser,
               const char             **pp,
               guint                    polygon_index)
{
  g_autoptr(CrGeometry) polygon = cr_geometry_new (CR_GEOMETRY_POLYGON);
  PartData part = { polygon, polygon_index };

  if (!parse_array (parser, pp, ring_item, &part))
    return NULL;
  if (polygon->n_parts == 0)
    {
      if (polygon_index == 0)
        feature_problem (parser, "%s", _("the polygon has no rings"));
      else
        feature_problem (parser, _("polygon %u has no rings"), polygon_index);
      return NULL;
    }
  return g_steal_pointer (&polygon);
}

static gboolean
point_part_item (CrGeojsonGeometryParser *parser,
                 const char             **pp,
                 gpointer                 data)
{
  PartData *part = data;
  double xy[2];

  if (!parse_position (parser, pp, xy))
    return FALSE;
  cr_geometry_add_part (part->geometry, cr_geometry_new_point (xy[0], xy[1]));
  return TRUE;
}

static gboolean
line_part_item (CrGeojsonGeometryParser *parser,
                const char             **pp,
                gpointer                 data)
{
  PartData *part = data;
  CrGeometry *line = parse_positions (parser, pp);

  if (line == NULL)
    return FALSE;
  cr_geometry_add_part (part->geometry, line);
  if (line->n_coords < 2)
    {
      feature_problem (parser, _("line %u has %u position(s); a line needs at least 2"),
                       part->geometry->n_parts, line->n_coords);
      return FALSE;
    }
  return TRUE;
}

static gboolean
polygon_part_item (CrGeojsonGeometryParser *parser,
                   const char             **pp,
                   gpointer                 data)
{
  PartData *part = data;
  CrGeometry *polygon = parse_polygon (parser, pp, part->geometry->n_parts + 1);

  if (polygon == NULL)
    return FALSE;
  cr_geometry_add_part (part->geometry, polygon);
  return TRUE;
}

static CrGeometry *
parse_coordinates (CrGeojsonGeometryParser *parser,
                   CrGeometryType           type,
                   const char             **pp)
{
  g_autoptr(CrGeometry) geometry = NULL;
  PartData part;
  double xy[2];
  ItemFunc item;

  *pp = skip_ws (*pp, parser->end);
  switch (type)
    {
    case CR_GEOMETRY_POINT:
      if (*pp < parser->end && **pp == '[')
        {
          const char *inside = skip_ws (*pp + 1, parser->end);

          if (inside < parser->end && *inside == ']')
            {
              *pp = inside + 1;
              break; /* reported as empty below */
            }
        }
      if (!parse_position (parser, pp, xy))
        return NULL;
      return cr_geometry_new_point (xy[0], xy[1]);

    case CR_GEOMETRY_LINESTRING:
      geometry = parse_positions (parser, pp);
      if (geometry == NULL)
        return NULL;
      if (geometry->n_coords == 1)
        {
          feature_problem (parser, "%s", _("the line has a single position; a line needs at least 2"));
          return NULL;
        }
      break;

    case CR_GEOMETRY_POLYGON:
      {
        g_autoptr(CrGeometry) polygon = cr_geometry_new (CR_GEOMETRY_POLYGON);

        part.geometry = polygon;
        part.polygon_index = 0;
        if (!parse_array (parser, pp, ring_item, &part))
          return NULL;
        geometry = g_steal_pointer (&polygon);
      }
      break;

    case CR_GEOMETRY_MULTIPOINT:
    case CR_GEOMETRY_MULTILINESTRING:
    case CR_GEOMETRY_MULTIPOLYGON:
      geometry = cr_geometry_new (type);
      part.geometry = geometry;
      part.polygon_index = 0;
      item = type == CR_GEOMETRY_MULTIPOINT ? point_part_item
             : type == CR_GEOMETRY_MULTILINESTRING ? line_part_item
                                                   : polygon_part_item;
      if (!parse_array (parser, pp, item, &part))
        return NULL;
      break;

    case CR_GEOMETRY_COLLECTION:
    default:
      g_assert_not_reached ();
    }

  if (geometry == NULL || cr_geometry_is_empty (geometry))
    {
      feature_problem (parser, "%s", _("the geometry is empty (no coordinates); give it coordinates or remove the feature"));
      return NULL;
    }
  return g_steal_pointer (&geometry);
}

static gboolean
geometry_item (CrGeojsonGeometryParser *parser,
               const char             **pp,
               gpointer                 data)
{
  CrGeometry *collection = data;
  CrGeometry *member = _cr_geojson_parse_geometry (parser, pp);

  if (member == NULL)
    return FALSE;
  cr_geometry_add_part (collection, member);
  return TRUE;
}

static gboolean
type_from_span (CrGeojsonGeometryParser *parser,
                const char              *raw,
                gsize                    len,
                gboolean                 escaped,
                CrGeometryType          *type)
{
  g_autofree char *name = escaped ? _cr_json_decode_string (raw, len) : g_strndup (raw, len);
  g_autofree char *printable = NULL;

  if (name != NULL && cr_geometry_type_from_geojson (name, type))
    return TRUE;
  if (name != NULL && g_str_equal (name, "Feature"))
    {
      feature_problem (parser, "%s", _("a Feature is nested where a geometry was expected"));
      return FALSE;
    }
  printable = _cr_geojson_printable (name);
  feature_problem (parser,
                   _("“%s” is not a GeoJSON geometry type (Point, LineString, Polygon, MultiPoint, "
                     "MultiLineString, MultiPolygon or GeometryCollection)"),
                   printable);
  return FALSE;
}

/**
 * _cr_geojson_parse_geometry:
 * @p: (inout): on the "{" of a geometry object; moved past its "}" on
 *   success
 *
 * Members may come in any order ("coordinates" before "type" happens).
 * Positions are checked (WGS 84 range, at least two numbers), and so are
 * rings (closed, four positions or more) and lines (two or more).
 *
 * Returns: (transfer full) (nullable): the geometry, or %NULL with the
 *   parser's problem set; *@p is then unchanged
 */
CrGeometry *
_cr_geojson_parse_geometry (CrGeojsonGeometryParser *parser,
                            const char             **p)
{
  const char *q = skip_ws (*p, parser->end), *end = parser->end;
  const char *deferred = NULL;
  g_autoptr(CrGeometry) geometry = NULL;
  g_autoptr(CrGeometry) members = NULL;
  CrGeometryType type = 0;
  gboolean have_type = FALSE;
  gboolean have_coordinates = FALSE;
  gboolean more = TRUE;

  if (q >= end || *q != '{')
    {
      feature_problem (parser, "%s", _("the geometry is not an object"));
      return NULL;
    }
  if (++parser->depth > 32)
    {
      feature_problem (parser, "%s", _("geometry collections are nested too deeply"));
      parser->depth--;
      return NULL;
    }
  q = skip_ws (q + 1, end);
  if (q < end && *q == '}')
    {
      q++;
      more = FALSE;
    }
  while (more)
    {
      const char *key;
      gsize key_len;
      gboolean escaped;

      q = _cr_json_member_key (parser->base, q, end, &key, &key_len, &escaped, parser->problem);
      if (q == NULL)
        goto fail;
      if (_cr_json_key_equal (key, key_len, escaped, "type"))
        {
          const char *raw;
          gsize len;
          gboolean raw_escaped;

          if (!_cr_json_string_span (parser->base, &q, end, &raw, &len, &raw_escaped, parser->problem) ||
              !type_from_span (parser, raw, len, raw_escaped, &type))
            goto fail;
          have_type = TRUE;
        }
      else if (_cr_json_key_equal (key, key_len, escaped, "coordinates"))
        {
          have_coordinates = TRUE;
          if (end - q >= 4 && memcmp (q, "null", 4) == 0)
            q += 4;
          else if (have_type && type != CR_GEOMETRY_COLLECTION)
            {
              g_clear_pointer (&geometry, cr_geometry_unref);
              geometry = parse_coordinates (parser, type, &q);
              if (geometry == NULL)
                goto fail;
            }
          else
            {
              /* The type comes later: find the end now, parse then. */
              deferred = q;
              q = _cr_json_skip_value (parser->base, q, end, parser->problem);
              if (q == NULL)
                goto fail;
            }
        }
      else if (_cr_json_key_equal (key, key_len, escaped, "geometries"))
        {
          g_clear_pointer (&members, cr_geometry_unref);
          members = cr_geometry_new (CR_GEOMETRY_COLLECTION);
          if (end - q >= 4 && memcmp (q, "null", 4) == 0)
            q += 4;
          else if (!parse_array (parser, &q, geometry_item, members))
            goto fail;
        }
      else if (_cr_json_key_equal (key, key_len, escaped, "crs"))
        {
          const char *start = q;

          q = _cr_json_skip_value (parser->base, q, end, parser->problem);
          if (q == NULL || !_cr_geojson_check_crs_span (parser->base, start, q, parser->problem))
            goto fail;
        }
      else
        {
          /* "bbox" and foreign members: checked, not kept. */
          const char *start = q;
          g_autoptr(cJSON) ignored = NULL;

          q = _cr_json_skip_value (parser->base, q, end, parser->problem);
          if (q == NULL)
            goto fail;
          ignored = _cr_json_parse_span (parser->base, start, q, parser->problem);
          if (ignored == NULL)
            goto fail;
        }
      q = _cr_json_after_member (parser->base, q, end, &more, parser->problem);
      if (q == NULL)
        goto fail;
    }

  if (!have_type)
    {
      feature_problem (parser, "%s", _("the geometry has no “type”"));
      goto fail;
    }
  if (type == CR_GEOMETRY_COLLECTION)
    {
      if (members == NULL || members->n_parts == 0)
        {
          feature_problem (parser, "%s", _("the geometry collection is empty; give it geometries or remove the feature"));
          goto fail;
        }
      geometry = g_steal_pointer (&members);
    }
  else if (geometry == NULL)
    {
      if (deferred != NULL)
        {
          geometry = parse_coordinates (parser, type, &deferred);
          if (geometry == NULL)
            goto fail;
        }
      else
        {
          feature_problem (parser, "%s",
                           have_coordinates
                             ? _("the geometry is empty (no coordinates); give it coordinates or remove the feature")
                             : _("the geometry has no “coordinates”"));
          goto fail;
        }
    }
  parser->depth--;
  *p = q;
  return g_steal_pointer (&geometry);

fail:
  parser->depth--;
  return NULL;
}

/* Both spellings GeoJSON files use for WGS 84 longitude/latitude. */
static gboolean
crs_name_is_wgs84 (const char *name)
{
  g_autofree char *lower = g_ascii_strdown (name, -1);
  const char *digits;
  gsize len = strlen (lower);

  g_strstrip (lower);
  len = strlen (lower);
  /* urn:ogc:def:crs:OGC:1.3:CRS84, OGC:CRS84, http://www.opengis.net/def/crs/OGC/1.3/CRS84 */
  if (g_str_has_suffix (lower, "crs84"))
    return len == 5 || strstr (lower, "ogc") != NULL;
  /* EPSG:4326, urn:ogc:def:crs:EPSG::4326, urn:ogc:def:crs:EPSG:6.6:4326,
   * http://www.opengis.net/def/crs/EPSG/0/4326 */
  if (strstr (lower, "epsg") == NULL)
    return FALSE;
  digits = lower + len;
  while (digits > lower && g_ascii_isdigit (digits[-1]))
    digits--;
  return g_str_equal (digits, "4326") && digits > lower &&
         (digits[-1] == ':' || digits[-1] == '/' || digits[-1] == '#');
}

/**
 * _cr_geojson_crs_is_wgs84:
 * @name: (out) (optional): how the CRS names itself, for messages
 *
 * Whether a GeoJSON 2008 "crs" member names WGS 84 longitude/latitude.
 * A null crs is the default, WGS 84.
 */
gboolean
_cr_geojson_crs_is_wgs84 (const cJSON *crs,
                          char       **name)
{
  const cJSON *type, *props, *value;

  if (name != NULL)
    *name = NULL;
  if (crs == NULL || cJSON_IsNull (crs))
    return TRUE;
  type = cJSON_GetObjectItemCaseSensitive (crs, "type");
  props = cJSON_GetObjectItemCaseSensitive (crs, "properties");
  if (cJSON_IsString (type) && g_ascii_strcasecmp (type->valuestring, "name") == 0 &&
      (value = cJSON_GetObjectItemCaseSensitive (props, "name")) != NULL && cJSON_IsString (value))
    {
      if (name != NULL)
        *name = g_strdup (value->valuestring);
      return crs_name_is_wgs84 (value->valuestring);
    }
  if (cJSON_IsString (type) && g_ascii_strcasecmp (type->valuestring, "EPSG") == 0 &&
      (value = cJSON_GetObjectItemCaseSensitive (props, "code")) != NULL)
    {
      if (cJSON_IsNumber (value))
        {
          if (name != NULL)
            *name = g_strdup_printf ("EPSG:%d", value->valueint);
          return value->valuedouble == 4326;
        }
      if (cJSON_IsString (value))
        {
          if (name != NULL)
            *name = g_strdup_printf ("EPSG:%s", value->valuestring);
          return g_str_equal (value->valuestring, "4326");
        }
    }
  if (name != NULL)
    {
      char *text = cJSON_PrintUnformatted (crs);

      *name = g_strdup (text != NULL ? text : "?");
      cJSON_free (text);
    }
  return FALSE;
}

gboolean
_cr_geojson_check_crs_span (const char       *base,
                            const char       *start,
                            const char       *end,
                            CrGeojsonProblem *problem)
{
  g_autoptr(cJSON) crs = _cr_json_parse_span (base, start, end, problem);
  g_autofree char *name = NULL;
  g_autofree char *printable = NULL;

  if (crs == NULL)
    return FALSE;
  if (_cr_geojson_crs_is_wgs84 (crs, &name))
    return TRUE;
  printable = _cr_geojson_printable (name);
  _cr_geojson_problem_set (problem, CR_GEOJSON_ERROR_CRS, -1,
                           _("the coordinate reference system “%s” is not supported; Crisis Room reads "
                             "WGS 84 longitude/latitude (CRS84 or EPSG:4326) only: reproject the file "
                             "first, for example with “ogr2ogr -t_srs EPSG:4326”"),
                           printable);
  return FALSE;
}

static guint
geometry_dimension_mask (const CrGeometry *geometry)
{
  guint mask = 0;

  switch (geometry->type)
    {
    case CR_GEOMETRY_POINT:
    case CR_GEOMETRY_MULTIPOINT:
      return 1;
    case CR_GEOMETRY_LINESTRING:
    case CR_GEOMETRY_MULTILINESTRING:
      return 2;
    case CR_GEOMETRY_POLYGON:
    case CR_GEOMETRY_MULTIPOLYGON:
      return 4;
    case CR_GEOMETRY_COLLECTION:
    default:
      for (guint i = 0; i < geometry->n_parts; i++)
        mask |= geometry_dimension_mask (geometry->parts[i]);
      return mask;
    }
}

/* The catch-all kind for features that name none: "point", "line" or
 * "area"; a collection mixing dimensions is an area. */
const char *
_cr_geojson_generic_kind (const CrGeometry *geometry)
{
  switch (geometry_dimension_mask (geometry))
    {
    case 1:
      return "point";
    case 2:
      return "line";
    default:
      return "area";
    }
}

static cJSON *
position_to_json (const double *xy)
{
  return cJSON_CreateDoubleArray (xy, 2);
}

static cJSON *
positions_to_json (const CrGeometry *line)
{
  cJSON *array = cJSON_CreateArray ();

  for (guint i = 0; i < line->n_coords; i++)
    cJSON_AddItemToArray (array, position_to_json (&line->coords[2 * i]));
  return array;
}

static cJSON *
polygon_to_json (const CrGeometry *polygon)
{
  cJSON *rings = cJSON_CreateArray ();

  for (guint i = 0; i < polygon->n_parts; i++)
    cJSON_AddItemToArray (rings, positions_to_json (polygon->parts[i]));
  return rings;
}

/**
 * _cr_geojson_geometry_to_json:
 *
 * A GeoJSON geometry object, as stored: orient it first for RFC 7946.
 *
 * Returns: (transfer full): the object
 */
cJSON *
_cr_geojson_geometry_to_json (const CrGeometry *geometry)
{
  cJSON *object = cJSON_CreateObject ();
  cJSON *coordinates = NULL;

  cJSON_AddStringToObject (object, "type", cr_geometry_type_to_geojson (geometry->type));
  switch (geometry->type)
    {
    case CR_GEOMETRY_POINT:
      coordinates = geometry->n_coords > 0 ? position_to_json (geometry->coords) : cJSON_CreateArray ();
      break;
    case CR_GEOMETRY_LINESTRING:
      coordinates = positions_to_json (geometry);
      break;
    case CR_GEOMETRY_POLYGON:
      coordinates = polygon_to_json (geometry);
      break;
    case CR_GEOMETRY_MULTIPOINT:
      coordinates = cJSON_CreateArray ();
      for (guint i = 0; i < geometry->n_parts; i++)
        if (geometry->parts[i]->n_coords > 0)
          cJSON_AddItemToArray (coordinates, position_to_json (geometry->parts[i]->coords));
      break;
    case CR_GEOMETRY_MULTILINESTRING:
      coordinates = cJSON_CreateArray ();
      for (guint i = 0; i < geometry->n_parts; i++)
        cJSON_AddItemToArray (coordinates, positions_to_json (geometry->parts[i]));
      break;
    case CR_GEOMETRY_MULTIPOLYGON:
      coordinates = cJSON_CreateArray ();
      for (guint i = 0; i < geometry->n_parts; i++)
        cJSON_AddItemToArray (coordinates, polygon_to_json (geometry->parts[i]));
      break;
    case CR_GEOMETRY_COLLECTION:
    default:
      {
        cJSON *members = cJSON_AddArrayToObject (object, "geometries");

        for (guint i = 0; i < geometry->n_parts; i++)
          cJSON_AddItemToArray (members, _cr_geojson_geometry_to_json (geometry->parts[i]));
      }
      return object;
    }
  cJSON_AddItemToObject (object, "coordinates", coordinates);
  return object;
}
