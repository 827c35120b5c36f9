/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cr-map"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "cr-map-renderer.h"
#include "cr-wkb.h"

/**
 * CrMapRenderer:
 *
 * Draws an event's features with cairo in their kind's style, from the
 * store's viewport query: only what the view shows, WKB walked straight
 * into the cairo path (no geometry objects), vertices closer than a
 * fraction of a pixel dropped, which is the zoom-dependent simplification.
 * The map widget, the PNG export and the printed sheet share it.
 */

/* Vertices closer than this to the last drawn one are skipped. */
#define MIN_SEGMENT_PX 0.6
#define POINT_RADIUS 7.0
#define HATCH_SPACING 9

typedef struct
{
  CrKindGroup group;
  double stroke[3];
  double fill[3];
  gboolean has_fill;
  double fill_opacity;
  double width;
  CrLineStyle line_style;
  cairo_pattern_t *hatch;
} KindStyle;

struct _CrMapRenderer
{
  GObject parent_instance;

  CrStore *store;
  gint64 event_id;
  gint64 selected;
  GHashTable *styles; /* kind code -> KindStyle */
  KindStyle fallback;
};

G_DEFINE_FINAL_TYPE (CrMapRenderer, cr_map_renderer, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_EVENT_ID,
  PROP_SELECTED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
kind_style_free (gpointer data)
{
  KindStyle *style = data;

  g_clear_pointer (&style->hatch, cairo_pattern_destroy);
  g_free (style);
}

static gboolean
parse_color (const char *text,
             double      rgb[3])
{
  unsigned int r, g, b;

  if (text == NULL || strlen (text) != 7 || sscanf (text, "#%2x%2x%2x", &r, &g, &b) != 3)
    return FALSE;
  rgb[0] = r / 255.0;
  rgb[1] = g / 255.0;
  rgb[2] = b / 255.0;
  return TRUE;
}

/* Diagonal lines in the stroke colour: drone bans read as "forbidden"
 * even where they overlap coloured zones. */
static cairo_pattern_t *
create_hatch (const KindStyle *style)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, HATCH_SPACING,
                                                         HATCH_SPACING);
  cairo_t *cr = cairo_create (surface);
  cairo_pattern_t *pattern;

  cairo_set_source_rgba (cr, style->fill[0], style->fill[1], style->fill[2], style->fill_opacity * 0.5);
  cairo_paint (cr);
  cairo_set_source_rgba (cr, style->stroke[0], style->stroke[1], style->stroke[2], 0.85);
  cairo_set_line_width (cr, 1.5);
  cairo_move_to (cr, -1, HATCH_SPACING + 1);
  cairo_line_to (cr, HATCH_SPACING + 1, -1);
  cairo_move_to (cr, -1, 1);
  cairo_line_to (cr, 1, -1);
  cairo_move_to (cr, HATCH_SPACING - 1, HATCH_SPACING + 1);
  cairo_line_to (cr, HATCH_SPACING + 1, HATCH_SPACING - 1);
  cairo_stroke (cr);
  cairo_destroy (cr);

  pattern = cairo_pattern_create_for_surface (surface);
  cairo_pattern_set_extend (pattern, CAIRO_EXTEND_REPEAT);
  cairo_surface_destroy (surface);
  return pattern;
}

static void
load_styles (CrMapRenderer *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) kinds = cr_store_list_feature_kinds (self->store, &error);

  g_hash_table_remove_all (self->styles);
  if (kinds == NULL)
    {
      g_warning ("Cannot read the feature kinds: %s", error->message);
      return;
    }
  for (guint i = 0; i < g_list_model_get_n_items (kinds); i++)
    {
      g_autoptr(CrFeatureKind) kind = g_list_model_get_item (kinds, i);
      KindStyle *style = g_new0 (KindStyle, 1);

      style->group = cr_feature_kind_get_group (kind);
      if (!parse_color (cr_feature_kind_get_stroke_color (kind), style->stroke))
        parse_color ("#5e5c64", style->stroke);
      style->has_fill = parse_color (cr_feature_kind_get_fill_color (kind), style->fill);
      if (!style->has_fill)
        memcpy (style->fill, style->stroke, sizeof style->fill);
      style->fill_opacity = CLAMP (cr_feature_kind_get_fill_opacity (kind), 0, 1);
      style->width = CLAMP (cr_feature_kind_get_line_width (kind), 0.5, 20);
      style->line_style = cr_feature_kind_get_line_style (kind);
      if (style->line_style == CR_LINE_STYLE_HATCHED)
        style->hatch = create_hatch (style);
      g_hash_table_insert (self->styles, g_strdup (cr_feature_kind_get_code (kind)), style);
    }
}

static const KindStyle *
style_for (CrMapRenderer *self,
           const char    *kind)
{
  const KindStyle *style = kind ? g_hash_table_lookup (self->styles, kind) : NULL;

  return style ? style : &self->fallback;
}

static void
store_changed_cb (CrStore       *store,
                  const char    *table,
                  gint64         row_id,
                  int            change,
                  CrMapRenderer *self)
{
  load_styles (self);
}

/* WKB walking straight into a cairo path. */

typedef struct
{
  cairo_t *cr;
  const CrProjection *proj;
  GArray *points; /* screen x, y pairs of point geometries */
} Walk;

static gboolean
read_u32 (const guint8 **p,
          const guint8  *end,
          gboolean       big_endian,
          guint32       *v)
{
  guint32 raw;

  if (end - *p < 4)
    return FALSE;
  memcpy (&raw, *p, 4);
  *p += 4;
  *v = big_endian ? GUINT32_FROM_BE (raw) : GUINT32_FROM_LE (raw);
  return TRUE;
}

static inline double
read_double (const guint8 *p,
             gboolean      big_endian)
{
  guint64 bits;
  double v;

  memcpy (&bits, p, 8);
  bits = big_endian ? GUINT64_FROM_BE (bits) : GUINT64_FROM_LE (bits);
  memcpy (&v, &bits, 8);
  return v;
}

static gboolean
walk_path (Walk          *w,
           const guint8 **p,
           const guint8  *end,
           gboolean       big_endian,
           guint          dims,
           gboolean       close)
{
  guint32 n;
  double last_x = 0, last_y = 0;
  gsize stride = 8 * dims;

  if (!read_u32 (p, end, big_endian, &n) || n > (gsize) (end - *p) / stride)
    return FALSE;
  for (guint32 i = 0; i < n; i++, *p += stride)
    {
      double x, y;

      cr_projection_to_screen (w->proj, read_double (*p, big_endian), read_double (*p + 8, big_endian),
                               &x, &y);
      if (i == 0)
        cairo_move_to (w->cr, x, y);
      else if (i == n - 1 || fabs (x - last_x) + fabs (y - last_y) >= MIN_SEGMENT_PX)
        cairo_line_to (w->cr, x, y);
      else
        continue;
      last_x = x;
      last_y = y;
    }
  if (close && n > 0)
    cairo_close_path (w->cr);
  return TRUE;
}

static gboolean
walk_geometry (Walk          *w,
               const guint8 **p,
               const guint8  *end,
               guint          depth)
{
  gboolean big_endian;
  guint32 code, n;
  guint dims = 2;

  if (depth > 8 || *p >= end)
    return FALSE;
  big_endian = (**p == 0);
  (*p)++;
  if (!read_u32 (p, end, big_endian, &code))
    return FALSE;
  if (code & 0x80000000u)
    dims++;
  if (code & 0x40000000u)
    dims++;
  code &= 0x0fffffffu;
  if (code >= 1000 && code < 4000)
    dims += (code / 1000 == 3) ? 2 : 1;

  switch (code % 1000)
    {
    case CR_GEOMETRY_POINT:
      {
        double lon, lat, x, y;

        if ((gsize) (end - *p) < 8 * dims)
          return FALSE;
        lon = read_double (*p, big_endian);
        lat = read_double (*p + 8, big_endian);
        *p += 8 * dims;
        if (isnan (lon) || isnan (lat))
          return TRUE;
        cr_projection_to_screen (w->proj, lon, lat, &x, &y);
        g_array_append_val (w->points, x);
        g_array_append_val (w->points, y);
        return TRUE;
      }
    case CR_GEOMETRY_LINESTRING:
      return walk_path (w, p, end, big_endian, dims, FALSE);
    case CR_GEOMETRY_POLYGON:
      if (!read_u32 (p, end, big_endian, &n))
        return FALSE;
      for (guint32 i = 0; i < n; i++)
        if (!walk_path (w, p, end, big_endian, dims, TRUE))
          return FALSE;
      return TRUE;
    case CR_GEOMETRY_MULTIPOINT:
    case CR_GEOMETRY_MULTILINESTRING:
    case CR_GEOMETRY_MULTIPOLYGON:
    case CR_GEOMETRY_COLLECTION:
      if (!read_u32 (p, end, big_endian, &n))
        return FALSE;
      for (guint32 i = 0; i < n; i++)
        if (!walk_geometry (w, p, end, depth + 1))
          return FALSE;
      return TRUE;
    default:
      return FALSE;
    }
}

typedef struct
{
  CrMapRenderer *self;
  cairo_t *cr;
  const CrProjection *proj;
  CrKindGroup pass;
  GArray *points;
  guint n_drawn;
} DrawPass;

static void
set_rgb (cairo_t      *cr,
         const double  rgb[3],
         double        alpha)
{
  cairo_set_source_rgba (cr, rgb[0], rgb[1], rgb[2], alpha);
}

static void
stroke_path (cairo_t         *cr,
             const KindStyle *style,
             gboolean         selected)
{
  const double dash[] = { 8, 5 };

  if (selected)
    {
      cairo_set_source_rgba (cr, 1, 1, 1, 0.9);
      cairo_set_line_width (cr, style->width + 6);
      cairo_stroke_preserve (cr);
    }
  set_rgb (cr, style->stroke, 1);
  cairo_set_line_width (cr, style->width + (selected ? 1.5 : 0));
  if (style->line_style == CR_LINE_STYLE_DASHED)
    cairo_set_dash (cr, dash, G_N_ELEMENTS (dash), 0);
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);
}

static void
draw_point_marker (cairo_t         *cr,
                   const KindStyle *style,
                   double           x,
                   double           y,
                   gboolean         selected)
{
  double r = POINT_RADIUS + (selected ? 2 : 0);

  cairo_new_path (cr);
  cairo_arc (cr, x, y, r + 2, 0, 2 * G_PI);
  cairo_set_source_rgba (cr, 1, 1, 1, 0.95);
  cairo_fill (cr);
  cairo_arc (cr, x, y, r, 0, 2 * G_PI);
  set_rgb (cr, style->has_fill ? style->fill : style->stroke, 1);
  cairo_fill_preserve (cr);
  set_rgb (cr, style->stroke, 1);
  cairo_set_line_width (cr, selected ? 3 : 1.5);
  cairo_stroke (cr);
}

static gboolean
draw_feature_cb (const CrFeatureView *feature,
                 gpointer             user_data)
{
  DrawPass *pass = user_data;
  gint64 id = feature->id;
  const char *kind = feature->kind;
  const guint8 *blob = feature->blob;
  gsize blob_len = feature->blob_len;
  const KindStyle *style = style_for (pass->self, kind);
  gboolean selected = (id == pass->self->selected);
  gssize offset;
  const guint8 *p, *end;
  Walk w = { pass->cr, pass->proj, pass->points };

  if (style->group != pass->pass)
    return TRUE;
  offset = cr_gpkg_blob_wkb_offset (blob, blob_len);
  if (offset < 0)
    return TRUE;
  p = blob + offset;
  end = blob + blob_len;

  g_array_set_size (pass->points, 0);
  cairo_new_path (pass->cr);
  if (!walk_geometry (&w, &p, end, 0))
    {
      g_debug ("Feature %" G_GINT64_FORMAT " has damaged geometry; not drawn", id);
      cairo_new_path (pass->cr);
      return TRUE;
    }

  switch (style->group)
    {
    case CR_KIND_GROUP_PERIMETER:
      cairo_set_fill_rule (pass->cr, CAIRO_FILL_RULE_EVEN_ODD);
      if (style->hatch != NULL)
        cairo_set_source (pass->cr, style->hatch);
      else
        set_rgb (pass->cr, style->fill, style->fill_opacity);
      cairo_fill_preserve (pass->cr);
      stroke_path (pass->cr, style, selected);
      break;
    case CR_KIND_GROUP_ITINERARY:
      /* A light casing keeps the line readable over any basemap. */
      cairo_set_source_rgba (pass->cr, 1, 1, 1, 0.8);
      cairo_set_line_width (pass->cr, style->width + 3);
      cairo_stroke_preserve (pass->cr);
      stroke_path (pass->cr, style, selected);
      break;
    case CR_KIND_GROUP_POINT:
    default:
      /* Points of other groups' geometries end up here too. */
      stroke_path (pass->cr, style, selected);
      break;
    }
  for (guint i = 0; i + 1 < pass->points->len; i += 2)
    draw_point_marker (pass->cr, style, g_array_index (pass->points, double, i),
                       g_array_index (pass->points, double, i + 1), selected);
  pass->n_drawn++;
  return TRUE;
}

/**
 * cr_map_renderer_draw:
 *
 * Draws the features the projection's view shows: perimeters, then
 * itineraries, then points, so the small things stay on top.
 *
 * Returns: the number of features drawn
 */
guint
cr_map_renderer_draw (CrMapRenderer      *self,
                      cairo_t            *cr,
                      const CrProjection *proj)
{
  static const CrKindGroup passes[] = {
    CR_KIND_GROUP_PERIMETER, CR_KIND_GROUP_ITINERARY, CR_KIND_GROUP_POINT,
  };
  g_autoptr(GArray) points = g_array_new (FALSE, FALSE, sizeof (double));
  CrBBox bbox;
  guint n = 0;

  g_return_val_if_fail (CR_IS_MAP_RENDERER (self), 0);

  if (self->event_id == 0)
    return 0;
  /* A marker's radius of margin, so points just outside still show. */
  cr_projection_get_bbox (proj, 2 * POINT_RADIUS, &bbox);

  cairo_save (cr);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  for (guint i = 0; i < G_N_ELEMENTS (passes); i++)
    {
      g_autoptr(GError) error = NULL;
      DrawPass pass = { self, cr, proj, passes[i], points, 0 };

      if (!cr_store_foreach_feature_in_bbox (self->store, self->event_id, &bbox, draw_feature_cb,
                                             &pass, &error))
        {
          g_warning ("Cannot read the features to draw: %s", error->message);
          break;
        }
      n += pass.n_drawn;
    }
  cairo_restore (cr);
  return n;
}

/* A legend sample of @kind's style in the given rectangle. */
void
cr_map_renderer_draw_swatch (CrMapRenderer *self,
                             cairo_t       *cr,
                             const char    *kind,
                             double         x,
                             double         y,
                             double         width,
                             double         height)
{
  const KindStyle *style;

  g_return_if_fail (CR_IS_MAP_RENDERER (self));

  style = style_for (self, kind);
  cairo_save (cr);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  switch (style->group)
    {
    case CR_KIND_GROUP_PERIMETER:
      cairo_rectangle (cr, x + 1.5, y + 1.5, width - 3, height - 3);
      if (style->hatch != NULL)
        cairo_set_source (cr, style->hatch);
      else
        set_rgb (cr, style->fill, MAX (style->fill_opacity, 0.25));
      cairo_fill_preserve (cr);
      stroke_path (cr, style, FALSE);
      break;
    case CR_KIND_GROUP_ITINERARY:
      cairo_move_to (cr, x + 2, y + height - 3);
      cairo_curve_to (cr, x + width / 2, y + height - 3, x + width / 2, y + 3, x + width - 2, y + 3);
      stroke_path (cr, style, FALSE);
      break;
    case CR_KIND_GROUP_POINT:
    default:
      draw_point_marker (cr, style, x + width / 2, y + height / 2, FALSE);
      break;
    }
  cairo_restore (cr);
}

static void
cr_map_renderer_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  CrMapRenderer *self = CR_MAP_RENDERER (object);

  switch (prop_id)
    {
    case PROP_EVENT_ID:
      g_value_set_int64 (value, self->event_id);
      break;
    case PROP_SELECTED:
      g_value_set_int64 (value, self->selected);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cr_map_renderer_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  CrMapRenderer *self = CR_MAP_RENDERER (object);

  switch (prop_id)
    {
    case PROP_EVENT_ID:
      cr_map_renderer_set_event_id (self, g_value_get_int64 (value));
      break;
    case PROP_SELECTED:
      cr_map_renderer_set_selected (self, g_value_get_int64 (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cr_map_renderer_dispose (GObject *object)
{
  CrMapRenderer *self = CR_MAP_RENDERER (object);

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (cr_map_renderer_parent_class)->dispose (object);
}

static void
cr_map_renderer_finalize (GObject *object)
{
  CrMapRenderer *self = CR_MAP_RENDERER (object);

  g_clear_pointer (&self->styles, g_hash_table_unref);

  G_OBJECT_CLASS (cr_map_renderer_parent_class)->finalize (object);
}

static void
cr_map_renderer_class_init (CrMapRendererClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cr_map_renderer_dispose;
  object_class->finalize = cr_map_renderer_finalize;
  object_class->get_property = cr_map_renderer_get_property;
  object_class->set_property = cr_map_renderer_set_property;

  properties[PROP_EVENT_ID] =
    g_param_spec_int64 ("event-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SELECTED] =
    g_param_spec_int64 ("selected", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cr_map_renderer_init (CrMapRenderer *self)
{
  self->styles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, kind_style_free);
  self->fallback.group = CR_KIND_GROUP_PERIMETER;
  parse_color ("#5e5c64", self->fallback.stroke);
  parse_color ("#77767b", self->fallback.fill);
  self->fallback.has_fill = TRUE;
  self->fallback.fill_opacity = 0.15;
  self->fallback.width = 2;
}

CrMapRenderer *
cr_map_renderer_new (CrStore *store)
{
  CrMapRenderer *self;

  g_return_val_if_fail (CR_IS_STORE (store), NULL);

  self = g_object_new (CR_TYPE_MAP_RENDERER, NULL);
  self->store = g_object_ref (store);
  load_styles (self);
  g_signal_connect (store, "changed::feature_kinds", G_CALLBACK (store_changed_cb), self);
  return self;
}

/**
 * cr_map_renderer_get_store:
 *
 * Returns: (transfer none): the store
 */
CrStore *
cr_map_renderer_get_store (CrMapRenderer *self)
{
  g_return_val_if_fail (CR_IS_MAP_RENDERER (self), NULL);

  return self->store;
}

gint64
cr_map_renderer_get_event_id (CrMapRenderer *self)
{
  g_return_val_if_fail (CR_IS_MAP_RENDERER (self), 0);

  return self->event_id;
}

void
cr_map_renderer_set_event_id (CrMapRenderer *self,
                              gint64         event_id)
{
  g_return_if_fail (CR_IS_MAP_RENDERER (self));

  if (self->event_id == event_id)
    return;
  self->event_id = event_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EVENT_ID]);
}

gint64
cr_map_renderer_get_selected (CrMapRenderer *self)
{
  g_return_val_if_fail (CR_IS_MAP_RENDERER (self), 0);

  return self->selected;
}

void
cr_map_renderer_set_selected (CrMapRenderer *self,
                              gint64         feature_id)
{
  g_return_if_fail (CR_IS_MAP_RENDERER (self));

  if (self->selected == feature_id)
    return;
  self->selected = feature_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
}
