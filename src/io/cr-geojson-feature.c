/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cr-geojson"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "cr-geojson-private.h"
#include "cr-partner.h"
#include "cr-time.h"
#include "cr-wkb.h"

/* One GeoJSON feature into one ready row: GeoPackage geometry bytes and
 * the strings the feature table wants. Runs in worker threads: it reads
 * the shared context and writes into the batch's own buffer only. */

/* Keys read for each property, most specific first; "type" is a kind only
 * when its value is a known kind. */
static const char *const default_keys[CR_GEOJSON_N_SLOTS][8] = {
  [CR_GEOJSON_SLOT_NAME] = { "name", "nom", "naam", "title", "label", NULL },
  [CR_GEOJSON_SLOT_KIND] = { "kind", "type", "category", NULL },
  [CR_GEOJSON_SLOT_FROM] = { "active_from", "start", "from", "begin", "debut", "début", "van", NULL },
  [CR_GEOJSON_SLOT_TO] = { "active_to", "end", "to", "until", "fin", "tot", NULL },
  [CR_GEOJSON_SLOT_NOTES] = { "notes", NULL },
  [CR_GEOJSON_SLOT_PARTNER] = { "partner", NULL },
  [CR_GEOJSON_SLOT_WAYPOINTS] = { "waypoints", NULL },
  [CR_GEOJSON_SLOT_CIRCLE] = { "circle", NULL },
};

#define MAX_CANDIDATES 8

/* The keys read for @slot, NULL-terminated, most specific first. */
const char *const *
_cr_geojson_default_keys (CrGeojsonSlot slot)
{
  g_return_val_if_fail (slot < CR_GEOJSON_N_SLOTS, NULL);

  return default_keys[slot];
}

/**
 * _cr_geojson_fold:
 *
 * A key for case-insensitive matching: ASCII lowered, anything else
 * case-folded and composed (so "DÉBUT" and a decomposed "début" match).
 */
char *
_cr_geojson_fold (const char *text,
                  gssize      len)
{
  g_autofree char *folded = NULL;

  if (len < 0)
    len = strlen (text);
  for (gssize i = 0; i < len; i++)
    if ((guchar) text[i] >= 0x80)
      {
        if (!g_utf8_validate_len (text, len, NULL))
          return g_ascii_strdown (text, len);
        folded = g_utf8_casefold (text, len);
        return g_utf8_normalize (folded, -1, G_NORMALIZE_DEFAULT_COMPOSE);
      }
  return g_ascii_strdown (text, len);
}

/* Looks @text up in a table keyed by folded strings, without allocating
 * for short ASCII text (the usual case, once per property). */
static gpointer
lookup_folded (GHashTable *table,
               const char *text)
{
  char buffer[64];
  gsize i;

  for (i = 0; text[i] != '\0' && i < sizeof buffer - 1; i++)
    {
      if ((guchar) text[i] >= 0x80)
        break;
      buffer[i] = g_ascii_tolower (text[i]);
    }
  if (text[i] == '\0')
    {
      buffer[i] = '\0';
      return g_hash_table_lookup (table, buffer);
    }
  else
    {
      g_autofree char *folded = _cr_geojson_fold (text, -1);

      return g_hash_table_lookup (table, folded);
    }
}

void
_cr_geojson_context_init (CrGeojsonContext *context)
{
  memset (context, 0, sizeof *context);
  context->kinds = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  context->partners = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  context->keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

void
_cr_geojson_context_clear (CrGeojsonContext *context)
{
  g_clear_pointer (&context->kinds, g_hash_table_unref);
  g_clear_pointer (&context->partners, g_hash_table_unref);
  g_clear_pointer (&context->keys, g_hash_table_unref);
}

static void
add_key (CrGeojsonContext *context,
         const char       *key,
         CrGeojsonSlot     slot,
         guint             priority)
{
  char *folded = _cr_geojson_fold (key, -1);

  /* A key claimed by a more specific slot (an override) keeps it. */
  if (g_hash_table_contains (context->keys, folded))
    {
      g_free (folded);
      return;
    }
  g_hash_table_insert (context->keys, folded, GUINT_TO_POINTER (((guint) slot << 8 | priority) + 1));
}

static void
add_kind_name (CrGeojsonContext *context,
               const char       *name,
               const char       *code)
{
  if (name == NULL || *name == '\0')
    return;
  /* Codes first, then labels: a label never shadows a code. */
  g_hash_table_insert (context->kinds, _cr_geojson_fold (name, -1), g_strdup (code));
}

/**
 * _cr_geojson_context_load:
 *
 * Reads the kind catalogue and the partners from @store, and the
 * property keys from @options.
 */
gboolean
_cr_geojson_context_load (CrGeojsonContext             *context,
                          CrStore                      *store,
                          const CrGeojsonImportOptions *options,
                          GError                      **error)
{
  g_autoptr(GListModel) kinds = NULL;
  g_autoptr(GListModel) partners = NULL;
  const char *overrides[CR_GEOJSON_N_SLOTS] = { NULL };
  guint n;

  kinds = cr_store_list_feature_kinds (store, error);
  if (kinds == NULL)
    return FALSE;
  n = g_list_model_get_n_items (kinds);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CrFeatureKind) kind = g_list_model_get_item (kinds, i);
      const char *code = cr_feature_kind_get_code (kind);

      add_kind_name (context, cr_feature_kind_get_label_nl (kind), code);
      add_kind_name (context, cr_feature_kind_get_label_fr (kind), code);
      add_kind_name (context, cr_feature_kind_get_label_en (kind), code);
    }
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CrFeatureKind) kind = g_list_model_get_item (kinds, i);

      add_kind_name (context, cr_feature_kind_get_code (kind), cr_feature_kind_get_code (kind));
    }

  partners = cr_store_list (store, CR_TYPE_PARTNER, NULL, 0, error);
  if (partners == NULL)
    return FALSE;
  n = g_list_model_get_n_items (partners);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CrPartner) partner = g_list_model_get_item (partners, i);
      gint64 id = cr_record_get_id (CR_RECORD (partner));

      if (cr_partner_get_name (partner) != NULL)
        g_hash_table_insert (context->partners, _cr_geojson_fold (cr_partner_get_name (partner), -1),
                             g_memdup2 (&id, sizeof id));
    }

  if (options != NULL)
    {
      overrides[CR_GEOJSON_SLOT_NAME] = options->name_key;
      overrides[CR_GEOJSON_SLOT_KIND] = options->kind_key;
      overrides[CR_GEOJSON_SLOT_FROM] = options->from_key;
      overrides[CR_GEOJSON_SLOT_TO] = options->to_key;
    }
  /* Overrides first, so that their keys are theirs even when they are
   * another slot's usual key (say, name_key = "label" and kind_key unset). */
  for (guint slot = 0; slot < CR_GEOJSON_N_SLOTS; slot++)
    if (overrides[slot] != NULL && *overrides[slot] != '\0')
      add_key (context, overrides[slot], slot, 0);
  for (guint slot = 0; slot < CR_GEOJSON_N_SLOTS; slot++)
    if (overrides[slot] == NULL || *overrides[slot] == '\0')
      for (guint i = 0; default_keys[slot][i] != NULL; i++)
        add_key (context, default_keys[slot][i], slot, i);
  context->from_key_explicit = overrides[CR_GEOJSON_SLOT_FROM] != NULL && *overrides[CR_GEOJSON_SLOT_FROM] != '\0';
  context->to_key_explicit = overrides[CR_GEOJSON_SLOT_TO] != NULL && *overrides[CR_GEOJSON_SLOT_TO] != '\0';

  if (options != NULL && options->default_kind != NULL)
    {
      context->default_kind = lookup_folded (context->kinds, options->default_kind);
      if (context->default_kind == NULL)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                       _("“%s” is not a feature kind. Choose a kind from the catalogue."),
                       options->default_kind);
          return FALSE;
        }
    }
  return TRUE;
}

void
_cr_geojson_scratch_init (CrGeojsonScratch *scratch)
{
  scratch->coords = g_array_sized_new (FALSE, FALSE, sizeof (double), 256);
  scratch->print_size = 1024;
  scratch->print_buffer = g_malloc (scratch->print_size);
}

void
_cr_geojson_scratch_clear (CrGeojsonScratch *scratch)
{
  g_clear_pointer (&scratch->coords, g_array_unref);
  g_clear_pointer (&scratch->print_buffer, g_free);
}

void
_cr_geojson_row_buffer_init (CrGeojsonRowBuffer *buffer)
{
  buffer->rows = g_array_new (FALSE, TRUE, sizeof (CrGeojsonRow));
  buffer->waypoints = g_array_new (FALSE, FALSE, sizeof (CrGeojsonWaypointRow));
  buffer->blobs = g_byte_array_new ();
  buffer->strings = g_string_new (NULL);
}

void
_cr_geojson_row_buffer_reset (CrGeojsonRowBuffer *buffer)
{
  for (guint i = 0; i < buffer->rows->len; i++)
    _cr_geojson_problem_clear (&g_array_index (buffer->rows, CrGeojsonRow, i).problem);
  g_array_set_size (buffer->rows, 0);
  g_array_set_size (buffer->waypoints, 0);
  g_byte_array_set_size (buffer->blobs, 0);
  g_string_truncate (buffer->strings, 0);
}

void
_cr_geojson_row_buffer_clear (CrGeojsonRowBuffer *buffer)
{
  if (buffer->rows != NULL)
    _cr_geojson_row_buffer_reset (buffer);
  g_clear_pointer (&buffer->rows, g_array_unref);
  g_clear_pointer (&buffer->waypoints, g_array_unref);
  g_clear_pointer (&buffer->blobs, g_byte_array_unref);
  if (buffer->strings != NULL)
    g_string_free (g_steal_pointer (&buffer->strings), TRUE);
}

const char *
_cr_geojson_row_string (const CrGeojsonRowBuffer *buffer,
                        gssize                    offset)
{
  return offset < 0 ? NULL : buffer->strings->str + offset;
}

static gssize
add_string (CrGeojsonRowBuffer *buffer,
            const char         *text)
{
  gssize offset = buffer->strings->len;

  g_string_append_len (buffer->strings, text, strlen (text) + 1);
  return offset;
}

static gssize
add_time (CrGeojsonRowBuffer *buffer,
          GDateTime          *time)
{
  g_autofree char *text = cr_time_to_storage (time);

  return add_string (buffer, text);
}

/* [lon, lat, ...] of numbers */
static gboolean
json_position (const cJSON *array,
               double      *lon,
               double      *lat)
{
  const cJSON *x, *y;

  if (!cJSON_IsArray (array) || (x = array->child) == NULL || (y = x->next) == NULL ||
      !cJSON_IsNumber (x) || !cJSON_IsNumber (y))
    return FALSE;
  *lon = x->valuedouble;
  *lat = y->valuedouble;
  return TRUE;
}

static const cJSON *
member (const cJSON *object,
        const char  *name)
{
  return cJSON_GetObjectItemCaseSensitive (object, name);
}

typedef struct
{
  const CrGeojsonContext *context;
  CrGeojsonRowBuffer *buffer;
  CrGeojsonRow *row;
} MapState;

static gboolean
accept_time (MapState    *state,
             const cJSON *item,
             gboolean     explicit_key,
             gssize      *out)
{
  g_autoptr(GDateTime) time = NULL;

  if (cJSON_IsString (item))
    time = cr_time_parse (item->valuestring);
  if (time == NULL)
    {
      /* "from", "to" and "end" are ordinary words: a value that is no time
       * stays an ordinary property, unless the caller named the key. */
      if (explicit_key)
        {
          g_autofree char *text = cJSON_PrintUnformatted (item);

          _cr_geojson_problem_set (&state->row->problem, CR_GEOJSON_ERROR_FEATURE, -1,
                                   _("%s in “%s” is not a time; write it as ISO 8601 "
                                     "(2024-09-26T08:00:00Z) or dd-mm-yyyy HH:MM:SS"),
                                   text != NULL ? text : "?", item->string);
          return TRUE;
        }
      return FALSE;
    }
  *out = add_time (state->buffer, time);
  return TRUE;
}

static gboolean
accept_waypoints (MapState    *state,
                  const cJSON *item)
{
  const cJSON *waypoint;
  guint position = 0;
  double lon, lat;

  if (!cJSON_IsArray (item))
    return FALSE;
  /* Only an array of objects with coordinates is itinerary waypoints;
   * anything else is someone else's property of the same name. */
  cJSON_ArrayForEach (waypoint, item)
    if (!cJSON_IsObject (waypoint) || !json_position (member (waypoint, "coordinates"), &lon, &lat))
      return FALSE;

  state->row->first_waypoint = state->buffer->waypoints->len;
  cJSON_ArrayForEach (waypoint, item)
    {
      CrGeojsonWaypointRow wp = { -1, -1, 0, 0 };
      const cJSON *name = member (waypoint, "name");
      const cJSON *time = member (waypoint, "time");
      g_autofree char *reason = NULL;

      position++;
      json_position (member (waypoint, "coordinates"), &wp.lon, &wp.lat);
      if (!_cr_geojson_position_valid (wp.lon, wp.lat, &reason))
        {
          _cr_geojson_problem_set (&state->row->problem, CR_GEOJSON_ERROR_FEATURE, -1,
                                   _("waypoint %u: %s"), position, reason);
          return TRUE;
        }
      if (cJSON_IsString (name))
        wp.name = add_string (state->buffer, name->valuestring);
      if (cJSON_IsString (time) && *time->valuestring != '\0')
        {
          g_autoptr(GDateTime) planned = cr_time_parse (time->valuestring);

          if (planned == NULL)
            {
              _cr_geojson_problem_set (&state->row->problem, CR_GEOJSON_ERROR_FEATURE, -1,
                                       _("waypoint %u: “%s” is not a time; write it as ISO 8601 "
                                         "(2024-09-26T08:00:00Z) or dd-mm-yyyy HH:MM:SS"),
                                       position, time->valuestring);
              return TRUE;
            }
          wp.planned_at = add_time (state->buffer, planned);
        }
      g_array_append_val (state->buffer->waypoints, wp);
      state->row->n_waypoints++;
    }
  return TRUE;
}

static gboolean
accept_circle (MapState    *state,
               const cJSON *item)
{
  const cJSON *radius = member (item, "radius_m");
  double lon, lat;
  g_autofree char *reason = NULL;

  if (!cJSON_IsObject (item) || !json_position (member (item, "center"), &lon, &lat) ||
      !cJSON_IsNumber (radius))
    return FALSE;
  if (!_cr_geojson_position_valid (lon, lat, &reason))
    _cr_geojson_problem_set (&state->row->problem, CR_GEOJSON_ERROR_FEATURE, -1,
                             _("circle centre: %s"), reason);
  else if (!(radius->valuedouble > 0) || isinf (radius->valuedouble))
    _cr_geojson_problem_set (&state->row->problem, CR_GEOJSON_ERROR_FEATURE, -1,
                             _("circle radius %g m is not a positive number of metres"),
                             radius->valuedouble);
  else
    {
      state->row->center_lon = lon;
      state->row->center_lat = lat;
      state->row->radius_m = radius->valuedouble;
    }
  return TRUE;
}

/* Whether @item feeds @slot; if so its value is in the row. */
static gboolean
accept (MapState      *state,
        CrGeojsonSlot  slot,
        const cJSON   *item)
{
  CrGeojsonRow *row = state->row;
  const char *code;
  gpointer id;

  switch (slot)
    {
    case CR_GEOJSON_SLOT_NAME:
      if (cJSON_IsString (item))
        row->name = add_string (state->buffer, item->valuestring);
      else if (cJSON_IsNumber (item))
        {
          char text[G_ASCII_DTOSTR_BUF_SIZE];

          if (item->valuedouble == (double) (gint64) item->valuedouble)
            g_snprintf (text, sizeof text, "%" G_GINT64_FORMAT, (gint64) item->valuedouble);
          else
            g_ascii_dtostr (text, sizeof text, item->valuedouble);
          row->name = add_string (state->buffer, text);
        }
      else
        return FALSE;
      return TRUE;

    case CR_GEOJSON_SLOT_KIND:
      if (!cJSON_IsString (item) || (code = lookup_folded (state->context->kinds, item->valuestring)) == NULL)
        return FALSE;
      row->kind = code;
      return TRUE;

    case CR_GEOJSON_SLOT_FROM:
      return accept_time (state, item, state->context->from_key_explicit, &row->active_from);

    case CR_GEOJSON_SLOT_TO:
      return accept_time (state, item, state->context->to_key_explicit, &row->active_to);

    case CR_GEOJSON_SLOT_NOTES:
      if (!cJSON_IsString (item))
        return FALSE;
      row->notes = add_string (state->buffer, item->valuestring);
      return TRUE;

    case CR_GEOJSON_SLOT_PARTNER:
      /* An unknown partner stays a property: nothing is lost, and it can
       * be linked once the partner exists. */
      if (!cJSON_IsString (item) || (id = lookup_folded (state->context->partners, item->valuestring)) == NULL)
        return FALSE;
      row->partner_id = *(gint64 *) id;
      return TRUE;

    case CR_GEOJSON_SLOT_WAYPOINTS:
      return accept_waypoints (state, item);

    case CR_GEOJSON_SLOT_CIRCLE:
      return accept_circle (state, item);

    case CR_GEOJSON_N_SLOTS:
    default:
      g_assert_not_reached ();
    }
}

typedef struct
{
  cJSON *item;
  guint priority;
} Candidate;

static void
map_properties (const CrGeojsonContext *context,
                CrGeojsonScratch       *scratch,
                cJSON                  *properties,
                CrGeojsonRowBuffer     *buffer,
                CrGeojsonRow           *row)
{
  Candidate candidates[CR_GEOJSON_N_SLOTS][MAX_CANDIDATES];
  guint n_candidates[CR_GEOJSON_N_SLOTS] = { 0 };
  MapState state = { context, buffer, row };
  cJSON *item;

  for (item = properties->child; item != NULL; item = item->next)
    {
      guint value, slot, priority, n;

      if (item->string == NULL || (value = GPOINTER_TO_UINT (lookup_folded (context->keys, item->string))) == 0)
        continue;
      slot = (value - 1) >> 8;
      priority = (value - 1) & 0xff;
      n = n_candidates[slot];
      if (n == MAX_CANDIDATES)
        continue;
      /* Insertion keeps them by priority, then file order. */
      while (n > 0 && candidates[slot][n - 1].priority > priority)
        {
          candidates[slot][n] = candidates[slot][n - 1];
          n--;
        }
      candidates[slot][n].item = item;
      candidates[slot][n].priority = priority;
      n_candidates[slot]++;
    }

  for (guint slot = 0; slot < CR_GEOJSON_N_SLOTS; slot++)
    for (guint i = 0; i < n_candidates[slot]; i++)
      if (accept (&state, slot, candidates[slot][i].item))
        {
          cJSON_Delete (cJSON_DetachItemViaPointer (properties, candidates[slot][i].item));
          break;
        }

  /* Everything else is kept, as JSON. */
  if (properties->child != NULL)
    {
      while (!cJSON_PrintPreallocated (properties, scratch->print_buffer, scratch->print_size, FALSE))
        {
          scratch->print_size *= 2;
          scratch->print_buffer = g_realloc (scratch->print_buffer, scratch->print_size);
        }
      row->properties = add_string (buffer, scratch->print_buffer);
    }
}

static void
not_a_feature (CrGeojsonRow *row,
               const char   *what)
{
  _cr_geojson_problem_set (&row->problem, CR_GEOJSON_ERROR_FEATURE, -1,
                           _("this is %s, not a GeoJSON Feature object; correct the file"), what);
}

/**
 * _cr_geojson_parse_feature:
 * @base: the whole input
 * @bare_geometry: the span is a geometry, not a Feature
 * @row: (inout): its span and index set; filled in, or its problem set
 *
 * Turns the feature at @row's span into a row, appending its strings,
 * blob and waypoints to @buffer.
 */
void
_cr_geojson_parse_feature (const CrGeojsonContext *context,
                           CrGeojsonScratch       *scratch,
                           const char             *base,
                           gsize                   len,
                           gboolean                bare_geometry,
                           CrGeojsonRowBuffer     *buffer,
                           CrGeojsonRow           *row)
{
  const char *p = base + row->start, *end = base + row->end;
  const char *properties_start = NULL, *properties_end = NULL;
  CrGeojsonGeometryParser parser = { base, end, scratch->coords, &row->problem, 0 };
  g_autoptr(CrGeometry) geometry = NULL;
  gboolean more = TRUE;

  g_assert (row->end <= len);

  row->name = row->notes = row->properties = row->active_from = row->active_to = -1;
  row->kind = NULL;
  row->partner_id = 0;
  row->center_lon = row->center_lat = row->radius_m = NAN;
  row->geometry = row->geometry_len = 0;
  row->first_waypoint = row->n_waypoints = 0;

  p = _cr_json_skip_ws (p, end);
  if (bare_geometry)
    {
      geometry = _cr_geojson_parse_geometry (&parser, &p);
      if (geometry == NULL)
        return;
      more = FALSE;
    }
  else if (p >= end || *p != '{')
    {
      char c = p < end ? *p : '\0';

      not_a_feature (row, c == '[' ? _("an array") : c == '"' ? _("a text") : _("a number or a literal"));
      return;
    }
  else
    {
      p = _cr_json_skip_ws (p + 1, end);
      if (p < end && *p == '}')
        {
          p++;
          more = FALSE;
        }
    }

  while (more)
    {
      const char *key, *value;
      gsize key_len;
      gboolean escaped;

      p = _cr_json_member_key (base, p, end, &key, &key_len, &escaped, &row->problem);
      if (p == NULL)
        return;
      value = p;
      if (_cr_json_key_equal (key, key_len, escaped, "geometry"))
        {
          if (end - p >= 4 && memcmp (p, "null", 4) == 0)
            p += 4;
          else
            {
              g_clear_pointer (&geometry, cr_geometry_unref);
              geometry = _cr_geojson_parse_geometry (&parser, &p);
              /* Go on to the properties for the name the message gives. */
              if (geometry == NULL)
                p = _cr_json_skip_value (base, value, end, &row->problem);
            }
        }
      else if (_cr_json_key_equal (key, key_len, escaped, "properties"))
        {
          p = _cr_json_skip_value (base, p, end, &row->problem);
          if (p != NULL && *value == '{')
            {
              properties_start = value;
              properties_end = p;
            }
          else if (p != NULL && !(p - value == 4 && memcmp (value, "null", 4) == 0))
            _cr_geojson_problem_set (&row->problem, CR_GEOJSON_ERROR_FEATURE, -1, "%s",
                                     _("“properties” is not an object; correct the file"));
        }
      else if (_cr_json_key_equal (key, key_len, escaped, "type"))
        {
          const char *raw;
          gsize raw_len;
          gboolean raw_escaped;

          if (!_cr_json_string_span (base, &p, end, &raw, &raw_len, &raw_escaped, &row->problem))
            return;
          if (!_cr_json_key_equal (raw, raw_len, raw_escaped, "Feature"))
            {
              g_autofree char *type = raw_escaped ? _cr_json_decode_string (raw, raw_len)
                                                  : g_strndup (raw, raw_len);
              g_autofree char *printable = _cr_geojson_printable (type);
              g_autofree char *what = g_strdup_printf (_("a “%s”"), printable);

              not_a_feature (row, what);
            }
        }
      else if (_cr_json_key_equal (key, key_len, escaped, "crs"))
        {
          p = _cr_json_skip_value (base, p, end, &row->problem);
          if (p != NULL)
            _cr_geojson_check_crs_span (base, value, p, &row->problem);
        }
      else
        {
          /* "id", "bbox" and foreign members: checked, not kept. */
          g_autoptr(cJSON) ignored = NULL;

          p = _cr_json_skip_value (base, p, end, &row->problem);
          if (p != NULL)
            ignored = _cr_json_parse_span (base, value, p, &row->problem);
        }
      if (p == NULL)
        return;
      p = _cr_json_after_member (base, p, end, &more, &row->problem);
      if (p == NULL)
        return;
    }
  p = _cr_json_skip_ws (p, end);
  if (p != end)
    {
      _cr_geojson_problem_set (&row->problem, CR_GEOJSON_ERROR_SYNTAX, p - base, "%s",
                               _("a “,” or “]” was expected"));
      return;
    }

  if (properties_start != NULL)
    {
      g_autoptr(cJSON) properties = NULL;

      /* cJSON copies bytes as they are; the database and GTK want UTF-8. */
      if (!g_utf8_validate_len (properties_start, properties_end - properties_start, NULL))
        _cr_geojson_problem_set (&row->problem, CR_GEOJSON_ERROR_FEATURE, -1, "%s",
                                 _("the properties contain text that is not UTF-8; save the file "
                                   "as UTF-8 and import it again"));
      else if ((properties = _cr_json_parse_span (base, properties_start, properties_end,
                                                  &row->problem)) != NULL)
        map_properties (context, scratch, properties, buffer, row);
    }

  if (geometry == NULL)
    _cr_geojson_problem_set (&row->problem, CR_GEOJSON_ERROR_FEATURE, -1, "%s",
                             _("the feature has no geometry; give it one or remove it from the file"));
  if (_cr_geojson_problem_is_set (&row->problem))
    return;

  if (row->kind == NULL)
    row->kind = context->default_kind != NULL ? context->default_kind
                                              : _cr_geojson_generic_kind (geometry);
  row->geometry = buffer->blobs->len;
  cr_gpkg_blob_append (buffer->blobs, geometry, CR_SRS_WGS84);
  row->geometry_len = buffer->blobs->len - row->geometry;
}
