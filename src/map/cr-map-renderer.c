/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cr-map"

#include "config.h"

#include <gdk/gdk.h>
#include <glib/gi18n.h>
#include <math.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <pango/pangocairo.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cr-coverage.h"
#include "cr-itinerary.h"
#include "cr-label-placer.h"
#include "cr-labels.h"
#include "cr-map-renderer.h"
#include "cr-map-tiles.h"
#include "cr-screen-path.h"
#include "cr-time.h"
#include "cr-waypoint.h"
#include "cr-wkb.h"

/**
 * CrMapRenderer:
 *
 * Draws an event's features with cairo in their kind's style: only what
 * the view shows, vertices closer than a fraction of a pixel dropped,
 * which is the zoom-dependent simplification.
 *
 * The event's geometry is read from the store and decoded once, into
 * Web Mercator coordinates: a frame only scales and offsets them, with no
 * query, no WKB and no trigonometry. The cache is dropped when the store
 * says features changed or the event changes. On an image surface the
 * dense layers (zones and their outlines) are rasterized by #CrCoverage
 * rather than cairo's stroker; on other surfaces (PDF) they stay paths.
 * For the map view they are kept in tiles between frames at one zoom, so
 * a pan draws only the tiles coming into view.
 *
 * On top of the geometry: direction arrows on itineraries, their
 * waypoints with planned times, where each convoy is planned to be at the
 * renderer's time, symbols on points, and labels that do not pile up.
 * Features outside their active window at that time are hidden or faded.
 *
 * The map widget, the PNG export and the printed sheet share it.
 */

/* Vertices closer than this to the last drawn one are skipped; a
 * feature a few pixels across needs fewer: up to MAX_SEGMENT_PX, an
 * eighth of its size. */
#define MIN_SEGMENT_PX 1.0
#define MAX_SEGMENT_PX 3.0
/* Features smaller than this on screen are drawn as a dot the size of
 * their envelope, without decoding their geometry and without an outline:
 * at city scale, ten thousand zones are ten thousand coloured dots. */
#define LOD_PX 14.0
/* A batch with more vertices than this strokes with cairo's fast
 * antialiasing: stroking is what costs most in a dense view. */
#define DENSE_VERTICES 10000
/* Batches with more vertices than this go through CrCoverage where it
 * can: below, cairo is as fast (a few large zones), above, much slower
 * (thousands of small ones, whose outlines cost most). Tiles always go
 * through it, so that a zone drawn in two parts of the view, each with
 * its own batches, is drawn the same way in both. */
#define RASTER_VERTICES 500
#define POINT_RADIUS 9.0
#define ICON_SIZE 12
#define HATCH_SPACING 9
#define ARROW_SPACING 110.0
#define FADED_ALPHA 0.25
#define LABEL_FONT_PX 12.0
/* Web Mercator stops here, like libshumate and CrProjection. */
#define MAX_LAT 85.0511287798
/* Polygons smaller than this on screen get no label. */
#define MIN_LABELLED_PX 60.0

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
  char *icon_name;
  cairo_surface_t *icon; /* alpha mask, loaded on first use */
  gboolean icon_tried;
  guint index; /* in the catalogue's order */
} KindStyle;

/* A feature of the event as frames need it, decoded once. */
typedef struct
{
  gint64 id;
  const char *kind; /* interned */
  char *name;
  char *active_from;
  char *active_to;
  CrBBox bbox;      /* lon/lat envelope, from the R*Tree */
  double x0, y0;    /* the envelope in Web Mercator (world = 1, y down) */
  double x1, y1;
  guint first_part;
  guint n_parts;
  guint first_point;
  guint n_points;
  gboolean damaged;
} CachedFeature;

/* A line or ring of a cached feature: @n positions from @start in
 * cache_xy, oriented like CrScreenPath's (exteriors one way, holes the
 * other). */
typedef struct
{
  guint start;
  guint n;
  gboolean closed;
} CachedPart;

struct _CrMapRenderer
{
  GObject parent_instance;

  CrStore *store;
  gint64 event_id;
  gint64 selected;
  GDateTime *time;
  char *time_text; /* storage form of @time, compared with active_from/to */
  gboolean fade_inactive;
  gboolean show_labels;
  double scale;

  GHashTable *styles;       /* kind code -> KindStyle */
  GPtrArray *order;         /* KindStyle in catalogue order, fallback last */
  KindStyle fallback;
  GHashTable *hidden_kinds; /* kind code set */
  guint hidden_groups;      /* bit per CrKindGroup */
  GHashTable *waypoints;    /* feature id -> GPtrArray of CrWaypoint, a cache */
  gboolean reference;       /* draws the visible reference layers instead */

  GArray *cache;            /* CachedFeature in id order */
  GArray *cache_parts;      /* CachedPart */
  GArray *cache_xy;         /* float x, y from the feature's (x0, y0), world = 1 */
  GArray *cache_points;     /* double x, y of point geometries, world = 1 */
  /* The cache's envelopes in a grid of cells, for the features near a
   * place (a tile's region, the view): see cache_query(). */
  guint grid_n;             /* cells per side; 0: no grid */
  double grid_x0, grid_y0, grid_x1, grid_y1; /* its bounds, world = 1 */
  guint32 *grid_start;      /* per cell, where its items start; grid_n² + 1 */
  GArray *grid_items;       /* guint32 indices in cache */
  GArray *grid_wide;        /* guint32 indices of features across many cells */
  gboolean cache_valid;
  GHashTable *lines;        /* feature id -> CrGeometry, itineraries for convoys */
  CrCoverage *coverage;

  /* The map view's zones and dots, kept in tiles: see snapshot_view(). */
  CrMapTiles *tiles;
  GArray *dirty;            /* gint64 ids of features changed since the cache was loaded */
  gboolean dirty_all;       /* or too many to count */
  guint64 tiles_digest;     /* of which features were active at the time they show */
  char *tiles_time_text;    /* that time, which workers read: changed only while they stop */
  guint dirty_found;        /* of the dirty, how many were in the cache */
  CrLabelCache *label_cache; /* labels drawn for the screen */
  double screen_scale;       /* while snapshot_pass() draws, its device scale; else 0 */
  guint over_vertices;      /* the cache's vertices of lines, and points: drawn over the tiles */
};

G_DEFINE_FINAL_TYPE (CrMapRenderer, cr_map_renderer, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_EVENT_ID,
  PROP_SELECTED,
  PROP_TIME,
  PROP_FADE_INACTIVE,
  PROP_SHOW_LABELS,
  PROP_SCALE,
  N_PROPS
};

enum
{
  CHANGED,
  VISIBILITY_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

typedef enum
{
  SHOWN,
  FADED,
  HIDDEN,
} Visibility;

/* Features of the cache changed one by one, beyond which all tiles go
 * stale. */
#define MAX_DIRTY 256

/* Vertices of lines and points in the event beyond which what goes over
 * the tiles is drawn through an image rather than recorded. */
#define MAX_OVER_RECORDED 10000

static gboolean expire_feature (CrMapRenderer *self,
                                gint64         id);
static void follow_time (CrMapRenderer *self);
static guint64 activity_digest (CrMapRenderer *self);

static void
kind_style_free (gpointer data)
{
  KindStyle *style = data;

  g_clear_pointer (&style->hatch, cairo_pattern_destroy);
  g_clear_pointer (&style->icon, cairo_surface_destroy);
  g_free (style->icon_name);
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

  cairo_set_source_rgba (cr, style->fill[0], style->fill[1], style->fill[2], style->fill_opacity * 0.4);
  cairo_paint (cr);
  cairo_set_source_rgba (cr, style->stroke[0], style->stroke[1], style->stroke[2], 0.7);
  cairo_set_line_width (cr, 1.25);
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

  if (self->tiles != NULL)
    cr_map_tiles_expire (self->tiles, NULL, 0);
  g_ptr_array_set_size (self->order, 0);
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
      style->icon_name = g_strdup (cr_feature_kind_get_icon_name (kind));
      if (style->line_style == CR_LINE_STYLE_HATCHED)
        style->hatch = create_hatch (style);
      style->index = self->order->len;
      g_ptr_array_add (self->order, style);
      g_hash_table_insert (self->styles, g_strdup (cr_feature_kind_get_code (kind)), style);
    }
  /* Features of unknown kinds are drawn first, under everything. */
  self->fallback.index = self->order->len;
  g_ptr_array_add (self->order, &self->fallback);
}

static KindStyle *
style_for (CrMapRenderer *self,
           const char    *kind)
{
  KindStyle *style = kind ? g_hash_table_lookup (self->styles, kind) : NULL;

  return style ? style : &self->fallback;
}

/* The kind's symbol as an alpha mask, from the app's icons. Needs no
 * display, so the PDF sheet gets the same symbols. */
static cairo_surface_t *
style_icon (KindStyle *style,
            int        size)
{
  g_autofree char *path = NULL;
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  cairo_t *cr;

  if (style->icon_tried)
    return style->icon;
  style->icon_tried = TRUE;
  if (style->icon_name == NULL)
    return NULL;
  path = g_strdup_printf (RESOURCE_PREFIX "/icons/scalable/actions/%s.svg", style->icon_name);
  pixbuf = gdk_pixbuf_new_from_resource_at_scale (path, size, size, TRUE, NULL);
  if (pixbuf == NULL)
    return NULL;
  style->icon = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, size, size);
  cr = cairo_create (style->icon);
  gdk_cairo_set_source_pixbuf (cr, pixbuf, 0, 0);
  cairo_paint (cr);
  cairo_destroy (cr);
  return style->icon;
}

static void
emit_changed (CrMapRenderer *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
kinds_changed_cb (CrStore       *store,
                  const char    *table,
                  gint64         row_id,
                  int            change,
                  CrMapRenderer *self)
{
  load_styles (self);
  emit_changed (self);
}

static void
waypoints_changed_cb (CrStore       *store,
                      const char    *table,
                      gint64         row_id,
                      int            change,
                      CrMapRenderer *self)
{
  g_hash_table_remove_all (self->waypoints);
}

static void
cached_feature_clear (gpointer data)
{
  CachedFeature *cf = data;

  g_free (cf->name);
  g_free (cf->active_from);
  g_free (cf->active_to);
}

/* Empties the cache, once the tiles' workers, which read it, stopped. */
static void
clear_cache (CrMapRenderer *self)
{
  cr_map_tiles_stop (self->tiles);
  g_array_set_size (self->cache, 0);
  g_array_set_size (self->cache_parts, 0);
  g_array_set_size (self->cache_xy, 0);
  g_array_set_size (self->cache_points, 0);
  g_array_set_size (self->grid_items, 0);
  g_array_set_size (self->grid_wide, 0);
  g_clear_pointer (&self->grid_start, g_free);
  self->grid_n = 0;
  self->over_vertices = 0;
}

/* Has the cache read again before its next use. Until then it holds the
 * features as the tiles show them. */
static void
invalidate_cache (CrMapRenderer *self)
{
  self->cache_valid = FALSE;
  g_hash_table_remove_all (self->lines);
}

static void
features_changed_cb (CrStore       *store,
                     const char    *table,
                     gint64         row_id,
                     int            change,
                     CrMapRenderer *self)
{
  g_hash_table_remove_all (self->waypoints);
  /* Where a feature was goes stale now, where it is once it is read. */
  if (row_id > 0 && change != CR_STORE_CHANGE_RELOAD && !self->dirty_all &&
      self->dirty_found < MAX_DIRTY && self->dirty->len < 16 * MAX_DIRTY)
    {
      /* Features of other events are not in the cache, and do not count. */
      self->dirty_found += expire_feature (self, row_id);
      g_array_append_val (self->dirty, row_id);
    }
  else
    {
      self->dirty_all = TRUE;
      cr_map_tiles_expire (self->tiles, NULL, 0);
    }
  invalidate_cache (self);
}

static double
unit_x (double lon)
{
  return (CLAMP (lon, -180.0, 180.0) + 180.0) / 360.0;
}

static double
unit_y (double lat)
{
  double s = sin (CLAMP (lat, -MAX_LAT, MAX_LAT) * G_PI / 180.0);

  return 0.5 - log ((1.0 + s) / (1.0 - s)) / (4.0 * G_PI);
}

/* Stores a line or ring; @ring_sign as in CrScreenPath: 0 as it comes,
 * +1 exteriors, -1 holes (Mercator y grows downwards like the screen's,
 * so the orientation holds at any zoom). */
static void
cache_part (CrMapRenderer *self,
            CachedFeature *cf,
            const double  *coords,
            guint          n,
            gboolean       closed,
            int            ring_sign)
{
  CachedPart part = { self->cache_xy->len / 2, n, closed };
  double area = 0, last_x = 0, last_y = 0;
  float *v;

  if (n == 0)
    return;
  g_array_set_size (self->cache_xy, self->cache_xy->len + 2 * n);
  v = &g_array_index (self->cache_xy, float, 2 * part.start);
  for (guint i = 0; i < n; i++)
    {
      /* Offsets from the envelope's corner: floats keep a hundredth of a
       * pixel at zoom 19 on features up to a country's size. */
      double x = unit_x (coords[2 * i]) - cf->x0, y = unit_y (coords[2 * i + 1]) - cf->y0;

      if (i > 0)
        area += last_x * y - x * last_y;
      v[2 * i] = (float) x;
      v[2 * i + 1] = (float) y;
      last_x = x;
      last_y = y;
    }
  if (ring_sign != 0 && n > 2)
    {
      area += last_x * v[1] - v[0] * last_y;
      if ((area > 0) != (ring_sign > 0))
        for (guint i = 0, j = n - 1; i < j; i++, j--)
          {
            float tx = v[2 * i], ty = v[2 * i + 1];

            v[2 * i] = v[2 * j];
            v[2 * i + 1] = v[2 * j + 1];
            v[2 * j] = tx;
            v[2 * j + 1] = ty;
          }
    }
  g_array_append_val (self->cache_parts, part);
  cf->n_parts++;
  if (!closed)
    self->over_vertices += n;
}

static void
cache_geometry (CrMapRenderer    *self,
                CachedFeature    *cf,
                const CrGeometry *geometry)
{
  switch (geometry->type)
    {
    case CR_GEOMETRY_POINT:
      if (geometry->n_coords > 0 && !isnan (geometry->coords[0]) && !isnan (geometry->coords[1]))
        {
          double xy[2] = { unit_x (geometry->coords[0]), unit_y (geometry->coords[1]) };

          g_array_append_vals (self->cache_points, xy, 2);
          cf->n_points++;
          self->over_vertices++;
        }
      break;
    case CR_GEOMETRY_LINESTRING:
      cache_part (self, cf, geometry->coords, geometry->n_coords, FALSE, 0);
      break;
    case CR_GEOMETRY_POLYGON:
      for (guint i = 0; i < geometry->n_parts; i++)
        cache_part (self, cf, geometry->parts[i]->coords, geometry->parts[i]->n_coords, TRUE,
                    i == 0 ? 1 : -1);
      break;
    case CR_GEOMETRY_MULTIPOINT:
    case CR_GEOMETRY_MULTILINESTRING:
    case CR_GEOMETRY_MULTIPOLYGON:
    case CR_GEOMETRY_COLLECTION:
    default:
      for (guint i = 0; i < geometry->n_parts; i++)
        cache_geometry (self, cf, geometry->parts[i]);
      break;
    }
}

static gboolean
cache_feature_cb (const CrFeatureView *feature,
                  gpointer             user_data)
{
  CrMapRenderer *self = user_data;
  g_autoptr(CrGeometry) geometry = cr_gpkg_blob_read (feature->blob, feature->blob_len, NULL, NULL);
  CachedFeature cf = {
    .id = feature->id,
    .kind = g_intern_string (feature->kind),
    .name = g_strdup (feature->name),
    .active_from = g_strdup (feature->active_from),
    .active_to = g_strdup (feature->active_to),
    .bbox = feature->bbox,
    .x0 = unit_x (feature->bbox.min_x),
    .y0 = unit_y (feature->bbox.max_y),
    .x1 = unit_x (feature->bbox.max_x),
    .y1 = unit_y (feature->bbox.min_y),
    .first_part = self->cache_parts->len,
    .first_point = self->cache_points->len / 2,
    .damaged = geometry == NULL,
  };

  if (geometry != NULL)
    cache_geometry (self, &cf, geometry);
  g_array_append_val (self->cache, cf);
  return TRUE;
}

static int
compare_cached_ids (gconstpointer a,
                    gconstpointer b)
{
  gint64 x = ((const CachedFeature *) a)->id, y = ((const CachedFeature *) b)->id;

  return (x > y) - (x < y);
}

/* Cells across (and down) the grid, and how many a feature may span
 * before it is rather listed as wide. */
#define GRID_MAX 256
#define GRID_SPAN 64

static void
grid_cells (CrMapRenderer *self,
            double         x0,
            double         y0,
            double         x1,
            double         y1,
            guint         *cx0,
            guint         *cy0,
            guint         *cx1,
            guint         *cy1)
{
  double n = self->grid_n;
  double kx = n / (self->grid_x1 - self->grid_x0), ky = n / (self->grid_y1 - self->grid_y0);

  *cx0 = (guint) CLAMP ((x0 - self->grid_x0) * kx, 0, n - 1);
  *cy0 = (guint) CLAMP ((y0 - self->grid_y0) * ky, 0, n - 1);
  *cx1 = (guint) CLAMP ((x1 - self->grid_x0) * kx, 0, n - 1);
  *cy1 = (guint) CLAMP ((y1 - self->grid_y0) * ky, 0, n - 1);
}

static int
compare_extents (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/* Files the cache's envelopes into cells: a tile or a view far smaller
 * than the event then looks at its own features, not at all of them. */
static void
build_grid (CrMapRenderer *self)
{
  g_autofree double *extents = NULL;
  double median, size;
  guint n_cells;
  guint32 *fill = NULL;

  self->grid_n = 0;
  if (self->cache->len == 0)
    return;
  /* The median feature's size: cells of twice that hold most features
   * in one to four of them; tiles are drawn in chunks of that size too. */
  extents = g_new (double, self->cache->len);
  self->grid_x0 = self->grid_y0 = G_MAXDOUBLE;
  self->grid_x1 = self->grid_y1 = -G_MAXDOUBLE;
  for (guint i = 0; i < self->cache->len; i++)
    {
      const CachedFeature *cf = &g_array_index (self->cache, CachedFeature, i);

      self->grid_x0 = MIN (self->grid_x0, cf->x0);
      self->grid_y0 = MIN (self->grid_y0, cf->y0);
      self->grid_x1 = MAX (self->grid_x1, cf->x1);
      self->grid_y1 = MAX (self->grid_y1, cf->y1);
      extents[i] = MAX (cf->x1 - cf->x0, cf->y1 - cf->y0);
    }
  qsort (extents, self->cache->len, sizeof (double), compare_extents);
  median = extents[self->cache->len / 2];
  cr_map_tiles_set_feature_size (self->tiles, median);
  size = MAX (self->grid_x1 - self->grid_x0, self->grid_y1 - self->grid_y0);
  if (self->cache->len < 64 || !(self->grid_x1 > self->grid_x0) || !(self->grid_y1 > self->grid_y0))
    return;
  self->grid_n = median > 0 ? (guint) CLAMP (ceil (size / (2 * median)), 1, GRID_MAX) : GRID_MAX;
  n_cells = self->grid_n * self->grid_n;
  self->grid_start = g_new0 (guint32, n_cells + 1);
  for (int pass = 0; pass < 2; pass++)
    {
      if (pass == 1)
        {
          /* Counts to starts. */
          for (guint c = 0, sum = 0; c <= n_cells; c++)
            {
              guint count = self->grid_start[c];

              self->grid_start[c] = sum;
              sum += count;
            }
          g_array_set_size (self->grid_items, self->grid_start[n_cells]);
          fill = g_memdup2 (self->grid_start, sizeof (guint32) * n_cells);
        }
      for (guint32 i = 0; i < self->cache->len; i++)
        {
          const CachedFeature *cf = &g_array_index (self->cache, CachedFeature, i);
          guint cx0, cy0, cx1, cy1;

          grid_cells (self, cf->x0, cf->y0, cf->x1, cf->y1, &cx0, &cy0, &cx1, &cy1);
          if ((cx1 - cx0 + 1) * (cy1 - cy0 + 1) > GRID_SPAN)
            {
              if (pass == 1)
                g_array_append_val (self->grid_wide, i);
              continue;
            }
          for (guint cy = cy0; cy <= cy1; cy++)
            for (guint cx = cx0; cx <= cx1; cx++)
              if (pass == 0)
                self->grid_start[cy * self->grid_n + cx]++;
              else
                g_array_index (self->grid_items, guint32, fill[cy * self->grid_n + cx]++) = i;
        }
    }
  g_free (fill);
}

static int
compare_indices (gconstpointer a,
                 gconstpointer b)
{
  guint32 x = *(const guint32 *) a, y = *(const guint32 *) b;

  return (x > y) - (x < y);
}

/* The indices in the cache of the features whose cells meet the world
 * rectangle, in the cache's order, into @found. FALSE when the rectangle
 * covers more than @max_share of the grid: look at each feature then.
 * Only reads the renderer. */
static gboolean
cache_query (CrMapRenderer *self,
             double         x0,
             double         y0,
             double         x1,
             double         y1,
             double         max_share,
             GArray        *found)
{
  guint cx0, cy0, cx1, cy1;

  g_array_set_size (found, 0);
  if (self->grid_n == 0 ||
      (x1 - x0) * (y1 - y0) > max_share * (self->grid_x1 - self->grid_x0) * (self->grid_y1 - self->grid_y0))
    return FALSE;
  /* Nothing is outside the grid. */
  if (x1 < self->grid_x0 || y1 < self->grid_y0 || x0 > self->grid_x1 || y0 > self->grid_y1)
    return TRUE;
  grid_cells (self, x0, y0, x1, y1, &cx0, &cy0, &cx1, &cy1);
  for (guint cy = cy0; cy <= cy1; cy++)
    for (guint cx = cx0; cx <= cx1; cx++)
      {
        guint c = cy * self->grid_n + cx;

        for (guint32 k = self->grid_start[c]; k < self->grid_start[c + 1]; k++)
          {
            guint32 i = g_array_index (self->grid_items, guint32, k);
            const CachedFeature *cf = &g_array_index (self->cache, CachedFeature, i);
            guint fx0, fy0, fx1, fy1;

            /* A feature in several cells counts once: in the first of
             * them the rectangle meets. */
            grid_cells (self, cf->x0, cf->y0, cf->x1, cf->y1, &fx0, &fy0, &fx1, &fy1);
            if (cx == MAX (cx0, fx0) && cy == MAX (cy0, fy0))
              g_array_append_val (found, i);
          }
      }
  g_array_append_vals (found, self->grid_wide->data, self->grid_wide->len);
  g_array_sort (found, compare_indices);
  return TRUE;
}

/* Reads and decodes the event's features, if the cache was dropped. In
 * id order: among overlapping labels, the latest feature's wins, as it
 * does in hit tests. */
static void
ensure_cache (CrMapRenderer *self)
{
  const CrBBox world = { -180, -90, 180, 90 };
  g_autoptr(GError) error = NULL;

  if (self->cache_valid)
    return;
  clear_cache (self);
  if (!cr_store_foreach_feature_in_bbox (self->store, self->event_id, &world, cache_feature_cb, self,
                                         &error))
    {
      g_warning ("Cannot read the features to draw: %s", error->message);
      clear_cache (self);
      /* Changes meanwhile cannot say where they were: all go stale once
       * a read succeeds. */
      self->dirty_all = TRUE;
      return;
    }
  g_array_sort (self->cache, compare_cached_ids);
  build_grid (self);
  self->cache_valid = TRUE;
  /* Where changed features are now (or, after a failed read, anywhere). */
  if (self->dirty_all)
    cr_map_tiles_expire (self->tiles, NULL, 0);
  for (guint i = 0; i < self->dirty->len; i++)
    expire_feature (self, g_array_index (self->dirty, gint64, i));
  g_array_set_size (self->dirty, 0);
  self->dirty_found = 0;
  self->dirty_all = FALSE;
  /* The workers are stopped (clear_cache()): their time may follow. */
  g_free (self->tiles_time_text);
  self->tiles_time_text = g_strdup (self->time_text);
  self->tiles_digest = activity_digest (self);
}

/* Appends the feature's lines and rings in view pixels to @path, with the
 * same simplification as cr_screen_path_add_blob(), and its points to
 * @points. @ring is scratch space. */
static void
cached_feature_path (CrMapRenderer       *self,
                     const CrProjection  *proj,
                     const CachedFeature *cf,
                     double               min_segment,
                     CrScreenPath        *path,
                     GArray              *points,
                     GArray              *ring)
{
  double world = proj->world;
  double bx = cf->x0 * world - proj->origin_x, by = cf->y0 * world - proj->origin_y;

  for (guint p = 0; p < cf->n_parts; p++)
    {
      const CachedPart *part = &g_array_index (self->cache_parts, CachedPart, cf->first_part + p);
      const float *v = &g_array_index (self->cache_xy, float, 2 * part->start);
      double last_x = 0, last_y = 0, *out;
      guint kept = 0;

      g_array_set_size (ring, 2 * part->n);
      out = (double *) ring->data;
      for (guint i = 0; i < part->n; i++)
        {
          double x = bx + v[2 * i] * world, y = by + v[2 * i + 1] * world;

          if (i > 0 && i < part->n - 1 && fabs (x - last_x) + fabs (y - last_y) < min_segment)
            continue;
          out[2 * kept] = x;
          out[2 * kept + 1] = y;
          kept++;
          last_x = x;
          last_y = y;
        }
      cr_screen_path_add_part (path, out, kept, part->closed);
    }
  for (guint i = 0; points != NULL && i < cf->n_points; i++)
    {
      const double *xy = &g_array_index (self->cache_points, double, 2 * (cf->first_point + i));
      double x = xy[0] * world - proj->origin_x, y = xy[1] * world - proj->origin_y;

      g_array_append_val (points, x);
      g_array_append_val (points, y);
    }
}

/* An itinerary's line, for where its convoy is: read on demand, kept
 * until features change. */
static CrGeometry *
itinerary_line (CrMapRenderer *self,
                gint64         feature_id)
{
  CrGeometry *line = g_hash_table_lookup (self->lines, &feature_id);

  if (line == NULL)
    {
      g_autoptr(CrFeature) feature = cr_store_get (self->store, CR_TYPE_FEATURE, feature_id, NULL);

      if (feature == NULL || cr_feature_get_geometry (feature) == NULL)
        return NULL;
      line = cr_geometry_ref (cr_feature_get_geometry (feature));
      g_hash_table_insert (self->lines, g_memdup2 (&feature_id, sizeof feature_id), line);
    }
  return line;
}

/* Whether a feature is active at @time_text (storage form; NULL: at any
 * time). */
static gboolean
active_at (const char *time_text,
           const char *active_from,
           const char *active_to)
{
  if (time_text == NULL)
    return TRUE;
  /* Storage times are fixed-width UTC text: comparing text compares time. */
  if (active_from != NULL && strcmp (time_text, active_from) < 0)
    return FALSE;
  if (active_to != NULL && strcmp (time_text, active_to) >= 0)
    return FALSE;
  return TRUE;
}

/* Visibility of a feature: kind and group switched on, active at
 * @time_text (the renderer's, or the one its tiles show). */
static Visibility
feature_visibility (CrMapRenderer       *self,
                    const CrFeatureView *feature,
                    const KindStyle     *style,
                    const char          *time_text)
{
  if ((self->hidden_groups & (1u << style->group)) != 0 ||
      (feature->kind != NULL && g_hash_table_contains (self->hidden_kinds, feature->kind)))
    return HIDDEN;
  if (!active_at (time_text, feature->active_from, feature->active_to))
    return self->fade_inactive ? FADED : HIDDEN;
  return SHOWN;
}

static GPtrArray *
waypoints_for (CrMapRenderer *self,
               gint64         feature_id)
{
  GPtrArray *waypoints = g_hash_table_lookup (self->waypoints, &feature_id);

  if (waypoints == NULL)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GListModel) list = cr_store_list (self->store, CR_TYPE_WAYPOINT, "feature_id",
                                                  feature_id, &error);
      gint64 *key = g_new (gint64, 1);

      waypoints = g_ptr_array_new_with_free_func (g_object_unref);
      for (guint i = 0; list != NULL && i < g_list_model_get_n_items (list); i++)
        g_ptr_array_add (waypoints, g_list_model_get_item (list, i));
      *key = feature_id;
      g_hash_table_insert (self->waypoints, key, waypoints);
    }
  return waypoints;
}

/* Builds the feature's path in @cr (points go to @points), for hit
 * tests and the selection outline. */
static gboolean
feature_path (cairo_t            *cr,
              const CrProjection *proj,
              const guint8       *blob,
              gsize               blob_len,
              GArray             *points)
{
  g_autoptr(CrScreenPath) path = cr_screen_path_new ();

  g_array_set_size (points, 0);
  cairo_new_path (cr);
  if (!cr_screen_path_add_blob (path, proj, blob, blob_len, MIN_SEGMENT_PX, points))
    return FALSE;
  cr_screen_path_replay (path, cr);
  return TRUE;
}

typedef struct
{
  double x;
  double y;
  KindStyle *style;
  double alpha;
} Marker;

/* What a frame draws: everything (a PNG, a page), or, on the map view,
 * the zones and the features small enough to be dots into tiles
 * (PASS_TILES), then the rest over them (PASS_OVER_TILES). */
typedef enum
{
  PASS_ALL,
  PASS_TILES,
  PASS_OVER_TILES,
} Pass;

/* One frame's drawing, batched: every feature of a style (and faded or
 * not) goes into one screen path, drawn with one fill and one stroke. */
typedef struct
{
  CrMapRenderer *self;
  cairo_t *cr;
  const CrProjection *proj;
  CrScreenPath *scratch;
  GArray *points;
  GPtrArray *areas;    /* CrScreenPath per style index × faded */
  GPtrArray *lines;    /* idem, for itineraries and other strokes */
  GPtrArray *dots;     /* idem, for features a few pixels across */
  GArray *markers;     /* Marker */
  CrLabelPlacer *labels;
  GArray *itineraries; /* gint64 ids, visible itineraries of this frame */
  GHashTable *kinds;   /* itinerary id -> kind code */
  GHashTable *geoms;   /* itinerary id -> CrGeometry, for convoys */
  GArray *ring;        /* scratch: one ring in view pixels */
  GArray *found;       /* scratch: guint32 indices in the cache */
  const CachedFeature *selected;
  CrCoverage *coverage; /* the rasterizer of areas and dots */
  gboolean fast;       /* areas and dots through it */
  const gint *cancelled; /* tiles: non-zero when abandoned (atomic) */
  Pass pass;
  guint n_drawn;
} Frame;

/* Whether the frame's tiles were abandoned. */
static gboolean
frame_cancelled (const Frame *frame)
{
  return frame->cancelled != NULL && g_atomic_int_get (frame->cancelled);
}

static CrScreenPath *
batch_for (GPtrArray *batches,
           guint      style_index,
           gboolean   faded)
{
  guint i = 2 * style_index + (faded ? 1 : 0);

  if (i >= batches->len)
    g_ptr_array_set_size (batches, i + 1);
  if (g_ptr_array_index (batches, i) == NULL)
    g_ptr_array_index (batches, i) = cr_screen_path_new ();
  return g_ptr_array_index (batches, i);
}

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
             double           scale,
             double           alpha)
{
  const double dash[] = { 8 * scale, 5 * scale };

  set_rgb (cr, style->stroke, alpha);
  cairo_set_line_width (cr, style->width * scale);
  if (style->line_style == CR_LINE_STYLE_DASHED)
    cairo_set_dash (cr, dash, G_N_ELEMENTS (dash), 0);
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);
}

static void
draw_point_marker (cairo_t         *cr,
                   KindStyle       *style,
                   double           x,
                   double           y,
                   double           scale,
                   double           alpha)
{
  double r = POINT_RADIUS * scale;
  cairo_surface_t *icon = style_icon (style, ICON_SIZE);

  cairo_new_path (cr);
  cairo_arc (cr, x, y, r + 1.5 * scale, 0, 2 * G_PI);
  cairo_set_source_rgba (cr, 1, 1, 1, 0.95 * alpha);
  cairo_fill (cr);
  cairo_arc (cr, x, y, r, 0, 2 * G_PI);
  set_rgb (cr, style->stroke, alpha);
  cairo_fill (cr);
  if (icon != NULL)
    {
      double s = scale * (ICON_SIZE + 2) / (double) ICON_SIZE;

      cairo_save (cr);
      cairo_translate (cr, x - ICON_SIZE * s / 2, y - ICON_SIZE * s / 2);
      cairo_scale (cr, s, s);
      cairo_set_source_rgba (cr, 1, 1, 1, alpha);
      cairo_mask_surface (cr, icon, 0, 0);
      cairo_restore (cr);
    }
}

static void
draw_feature (Frame               *frame,
              const CachedFeature *cf)
{
  CrMapRenderer *self = frame->self;
  const CrFeatureView view = {
    cf->id, cf->kind, cf->name, cf->active_from, cf->active_to, NULL, 0, cf->bbox,
  };
  const CrFeatureView *feature = &view;
  KindStyle *style = style_for (self, feature->kind);
  double scale = self->scale, world = frame->proj->world;
  /* The envelope in view pixels. */
  double x1 = cf->x0 * world - frame->proj->origin_x, y1 = cf->y0 * world - frame->proj->origin_y;
  double x2 = cf->x1 * world - frame->proj->origin_x, y2 = cf->y1 * world - frame->proj->origin_y;
  double extent = MAX (x2 - x1, y2 - y1);
  Visibility visibility;
  gboolean faded, labelled, tiny, in_tiles;
  double alpha;

  visibility = feature_visibility (self, feature, style,
                                   frame->pass == PASS_TILES ? self->tiles_time_text : self->time_text);
  if (visibility == HIDDEN)
    return;
  faded = visibility == FADED;
  /* Not on workers (no labels there), which must not read show_labels. */
  labelled = frame->labels != NULL && self->show_labels && !faded;
  alpha = faded ? FADED_ALPHA : 1.0;
  /* A feature a few pixels across becomes its envelope's ellipse, in the
   * dots' batch; drawn alone, the selected one stays itself. */
  tiny = style->group != CR_KIND_GROUP_POINT && extent < LOD_PX &&
         (frame->pass != PASS_ALL || feature->id != self->selected);
  in_tiles = tiny || style->group == CR_KIND_GROUP_PERIMETER;

  if (frame->pass == PASS_TILES && !in_tiles)
    return;
  if (frame->pass != PASS_TILES)
    {
      if (tiny || !cf->damaged)
        frame->n_drawn++;
      if (feature->id == self->selected && !cf->damaged)
        frame->selected = cf;
      if (style->group == CR_KIND_GROUP_PERIMETER && labelled && !tiny &&
          x2 - x1 >= MIN_LABELLED_PX * scale)
        cr_label_placer_add (frame->labels, feature->name, (x1 + x2) / 2, (y1 + y2) / 2, 0, 1, FALSE);
      /* Over the tiles, only the points a zone may have (a collection). */
      if (frame->pass == PASS_OVER_TILES && in_tiles && (tiny || cf->n_points == 0))
        return;
    }

  cr_screen_path_clear (frame->scratch);
  g_array_set_size (frame->points, 0);
  if (tiny)
    {
      cr_screen_path_add_ellipse (frame->scratch, x1, y1, MAX (x2 - x1, 2), MAX (y2 - y1, 2), 8);
      cr_screen_path_append (batch_for (frame->dots, style->index, faded), frame->scratch);
      return;
    }
  if (cf->damaged)
    {
      g_debug ("Feature %" G_GINT64_FORMAT " has damaged geometry; not drawn", feature->id);
      return;
    }
  cached_feature_path (self, frame->proj, cf, CLAMP (extent / 8, MIN_SEGMENT_PX, MAX_SEGMENT_PX),
                       frame->scratch, frame->points, frame->ring);

  if (frame->pass == PASS_TILES)
    {
      cr_screen_path_append (batch_for (frame->areas, style->index, faded), frame->scratch);
      return;
    }
  if (!cr_screen_path_is_empty (frame->scratch) && !(frame->pass == PASS_OVER_TILES && in_tiles))
    {
      if (style->group == CR_KIND_GROUP_PERIMETER)
        cr_screen_path_append (batch_for (frame->areas, style->index, faded), frame->scratch);
      else
        {
          double mx, my;

          cr_screen_path_append (batch_for (frame->lines, style->index, faded), frame->scratch);
          if (labelled && cr_screen_path_midpoint (frame->scratch, &mx, &my))
            cr_label_placer_add (frame->labels, feature->name, mx, my, 0, 2, FALSE);
        }
    }

  if (style->group == CR_KIND_GROUP_ITINERARY && !faded)
    {
      g_array_append_val (frame->itineraries, feature->id);
      g_hash_table_insert (frame->kinds, g_memdup2 (&feature->id, sizeof (gint64)),
                           g_strdup (feature->kind));
      if (self->time != NULL)
        {
          CrGeometry *line = itinerary_line (self, feature->id);

          if (line != NULL)
            g_hash_table_insert (frame->geoms, g_memdup2 (&feature->id, sizeof (gint64)),
                                 cr_geometry_ref (line));
        }
    }

  for (guint i = 0; i + 1 < frame->points->len; i += 2)
    {
      Marker marker = {
        g_array_index (frame->points, double, i), g_array_index (frame->points, double, i + 1),
        style, alpha
      };

      g_array_append_val (frame->markers, marker);
      if (labelled)
        cr_label_placer_add (frame->labels, feature->name, marker.x, marker.y,
                             (POINT_RADIUS + 4) * scale, 3, FALSE);
    }
}

/* The hatching as source, its lines fixed to the world rather than to
 * the view: they do not slide over the zone as the map pans, and tiles
 * drawn apart join up. */
static void
set_hatch (Frame           *frame,
           const KindStyle *style)
{
  cairo_pattern_t *pattern;
  cairo_matrix_t m;

  /* A pattern and image of this frame's own: tiles are drawn on worker
   * threads, and cairo does not share one image among threads safely (a
   * shared pattern's matrix would be set by each, and pixman's reference
   * count of the image is not atomic). 9 × 9 pixels are quickly drawn. */
  pattern = create_hatch (style);
  cairo_matrix_init_translate (&m, fmod (frame->proj->origin_x, HATCH_SPACING),
                               fmod (frame->proj->origin_y, HATCH_SPACING));
  cairo_pattern_set_matrix (pattern, &m);
  cairo_set_source (frame->cr, pattern);
  cairo_pattern_destroy (pattern);
}

/* Whether @path goes through the frame's CrCoverage (see RASTER_VERTICES). */
static gboolean
rasterize (const Frame        *frame,
           const CrScreenPath *path)
{
  return frame->fast &&
         (frame->pass == PASS_TILES || cr_screen_path_get_n_positions (path) > RASTER_VERTICES);
}

/* draw_areas() through CrCoverage: the same fill, hatch and outline. */
static void
fill_and_stroke_fast (Frame           *frame,
                      CrScreenPath    *path,
                      const KindStyle *style,
                      double           alpha)
{
  CrCoverage *coverage = frame->coverage;
  cairo_t *cr = frame->cr;
  double scale = frame->self->scale;
  const double dash[] = { 8 * scale, 5 * scale };
  gboolean dashed = style->line_style == CR_LINE_STYLE_DASHED;

  for (guint i = 0; i < cr_screen_path_get_n_parts (path); i++)
    {
      guint n;
      gboolean closed;
      const double *xy = cr_screen_path_get_part (path, i, &n, &closed);

      cr_coverage_add_ring (coverage, xy, n);
    }
  if (style->hatch != NULL)
    {
      set_hatch (frame, style);
      cr_coverage_paint (coverage, cr, alpha);
    }
  else
    {
      set_rgb (cr, style->fill, style->fill_opacity * alpha);
      cr_coverage_paint (coverage, cr, 1);
    }

  for (guint i = 0; i < cr_screen_path_get_n_parts (path); i++)
    {
      guint n;
      gboolean closed;
      const double *xy = cr_screen_path_get_part (path, i, &n, &closed);

      cr_coverage_add_stroke (coverage, xy, n, closed, style->width * scale, dashed ? dash : NULL,
                              dashed ? G_N_ELEMENTS (dash) : 0);
    }
  set_rgb (cr, style->stroke, alpha);
  cr_coverage_paint (coverage, cr, 1);
}

static void
draw_areas (Frame *frame)
{
  CrMapRenderer *self = frame->self;
  cairo_t *cr = frame->cr;

  /* Perimeters, in catalogue order (red over orange over yellow… as
   * their sort order says), faded ones first. */
  cairo_set_fill_rule (cr, CAIRO_FILL_RULE_WINDING);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_BEVEL);
  for (int faded = 1; faded >= 0; faded--)
    for (guint i = self->order->len; i-- > 0;)
      {
        KindStyle *style = g_ptr_array_index (self->order, i);
        guint index = 2 * style->index + faded;
        CrScreenPath *path = index < frame->areas->len ? g_ptr_array_index (frame->areas, index) : NULL;
        double alpha = faded ? FADED_ALPHA : 1.0;

        if (path == NULL || frame_cancelled (frame))
          continue;
        if (rasterize (frame, path))
          {
            fill_and_stroke_fast (frame, path, style, alpha);
            continue;
          }
        cairo_new_path (cr);
        cr_screen_path_replay (path, cr);
        if (style->hatch != NULL)
          {
            /* A clip, not a pushed group: a group is a whole-view
             * surface, far too costly per frame. */
            cairo_save (cr);
            cairo_clip_preserve (cr);
            set_hatch (frame, style);
            cairo_paint_with_alpha (cr, alpha);
            cairo_restore (cr);
          }
        else
          {
            set_rgb (cr, style->fill, style->fill_opacity * alpha);
            cairo_fill_preserve (cr);
          }
        if (cr_screen_path_get_n_positions (path) > DENSE_VERTICES)
          cairo_set_antialias (cr, CAIRO_ANTIALIAS_FAST);
        stroke_path (cr, style, self->scale, alpha);
        cairo_set_antialias (cr, CAIRO_ANTIALIAS_DEFAULT);
      }
}

/* Features a few pixels across: a dot in the kind's outline colour, no
 * outline of its own (stroking is what costs most in a dense view). */
static void
draw_dots (Frame *frame)
{
  CrMapRenderer *self = frame->self;
  cairo_t *cr = frame->cr;

  cairo_set_fill_rule (cr, CAIRO_FILL_RULE_WINDING);
  for (int faded = 1; faded >= 0; faded--)
    for (guint i = self->order->len; i-- > 0;)
      {
        KindStyle *style = g_ptr_array_index (self->order, i);
        guint index = 2 * style->index + faded;
        CrScreenPath *path = index < frame->dots->len ? g_ptr_array_index (frame->dots, index) : NULL;

        if (path == NULL || frame_cancelled (frame))
          continue;
        set_rgb (cr, style->stroke, (faded ? FADED_ALPHA : 1.0) * 0.75);
        if (rasterize (frame, path))
          {
            for (guint k = 0; k < cr_screen_path_get_n_parts (path); k++)
              {
                guint n;
                gboolean closed;
                const double *xy = cr_screen_path_get_part (path, k, &n, &closed);

                cr_coverage_add_ring (frame->coverage, xy, n);
              }
            cr_coverage_paint (frame->coverage, cr, 1);
            continue;
          }
        cairo_new_path (cr);
        cr_screen_path_replay (path, cr);
        cairo_fill (cr);
      }
}

static void
draw_lines (Frame *frame)
{
  CrMapRenderer *self = frame->self;
  cairo_t *cr = frame->cr;
  double scale = self->scale;

  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  for (int faded = 1; faded >= 0; faded--)
    for (guint i = self->order->len; i-- > 0;)
      {
        KindStyle *style = g_ptr_array_index (self->order, i);
        guint index = 2 * style->index + faded;
        CrScreenPath *path = index < frame->lines->len ? g_ptr_array_index (frame->lines, index) : NULL;
        double alpha = faded ? FADED_ALPHA : 1.0;

        if (path == NULL)
          continue;
        cairo_new_path (cr);
        cr_screen_path_replay (path, cr);
        if (style->group == CR_KIND_GROUP_ITINERARY)
          {
            /* A light casing keeps the line readable over any basemap. */
            cairo_set_source_rgba (cr, 1, 1, 1, 0.8 * alpha);
            cairo_set_line_width (cr, (style->width + 3) * scale);
            cairo_stroke_preserve (cr);
          }
        stroke_path (cr, style, scale, alpha);
        if (style->group == CR_KIND_GROUP_ITINERARY)
          {
            cr_screen_path_arrows (path, cr, ARROW_SPACING * scale, (3 + style->width) * scale);
            cairo_set_source_rgba (cr, 1, 1, 1, 0.95 * alpha);
            cairo_set_line_width (cr, 2 * scale);
            cairo_stroke (cr);
          }
      }
}

static KindStyle *
style_for_id (Frame  *frame,
              gint64  id)
{
  return style_for (frame->self, g_hash_table_lookup (frame->kinds, &id));
}

static void
draw_waypoints_and_convoys (Frame *frame)
{
  CrMapRenderer *self = frame->self;
  cairo_t *cr = frame->cr;
  double scale = self->scale;

  for (guint i = 0; i < frame->itineraries->len; i++)
    {
      gint64 id = g_array_index (frame->itineraries, gint64, i);
      GPtrArray *waypoints = waypoints_for (self, id);
      CrGeometry *line = g_hash_table_lookup (frame->geoms, &id);
      double x, y, lon, lat;

      for (guint k = 0; k < waypoints->len; k++)
        {
          CrWaypoint *wp = g_ptr_array_index (waypoints, k);
          g_autofree char *when = cr_time_format_local (cr_waypoint_get_planned_at (wp), "%H:%M");
          g_autofree char *text = NULL;

          cr_projection_to_screen (frame->proj, cr_waypoint_get_lon (wp), cr_waypoint_get_lat (wp),
                                   &x, &y);
          cairo_new_path (cr);
          cairo_arc (cr, x, y, 4 * scale, 0, 2 * G_PI);
          cairo_set_source_rgb (cr, 1, 1, 1);
          cairo_fill_preserve (cr);
          cairo_set_source_rgb (cr, 0.14, 0.15, 0.16);
          cairo_set_line_width (cr, 1.5 * scale);
          cairo_stroke (cr);
          if (!self->show_labels)
            continue;
          if (when != NULL && cr_waypoint_get_name (wp) != NULL)
            /* Translators: a waypoint on the map: planned time, then its name. */
            text = g_strdup_printf (_("%s %s"), when, cr_waypoint_get_name (wp));
          else
            text = g_strdup (when ? when : cr_waypoint_get_name (wp));
          cr_label_placer_add (frame->labels, text, x, y, 6 * scale, 4, FALSE);
        }

      if (line == NULL || !cr_itinerary_position_at (line, waypoints, self->time, &lon, &lat))
        continue;
      /* The convoy: a ring bigger than any point, in the itinerary's
       * colour, so it reads as "the one moving thing". */
      cr_projection_to_screen (frame->proj, lon, lat, &x, &y);
      cairo_new_path (cr);
      cairo_arc (cr, x, y, (POINT_RADIUS + 4) * scale, 0, 2 * G_PI);
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_fill_preserve (cr);
      set_rgb (cr, style_for_id (frame, id)->stroke, 1);
      cairo_set_line_width (cr, 4 * scale);
      cairo_stroke (cr);
      cairo_arc (cr, x, y, 4 * scale, 0, 2 * G_PI);
      set_rgb (cr, style_for_id (frame, id)->stroke, 1);
      cairo_fill (cr);
    }
}

/* The selected feature's outline once more, on top of everything. */
static void
draw_selection (Frame *frame)
{
  CrMapRenderer *self = frame->self;
  cairo_t *cr = frame->cr;
  KindStyle *style;

  if (frame->selected == NULL)
    return;
  style = style_for (self, frame->selected->kind);
  cr_screen_path_clear (frame->scratch);
  g_array_set_size (frame->points, 0);
  cached_feature_path (self, frame->proj, frame->selected, MIN_SEGMENT_PX, frame->scratch, frame->points,
                       frame->ring);
  cairo_new_path (cr);
  cr_screen_path_replay (frame->scratch, cr);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_source_rgba (cr, 0.21, 0.52, 0.89, 0.9);
  cairo_set_line_width (cr, (style->width + 6) * self->scale);
  cairo_stroke_preserve (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_set_line_width (cr, 2 * self->scale);
  cairo_stroke (cr);
  for (guint i = 0; i + 1 < frame->points->len; i += 2)
    {
      double x = g_array_index (frame->points, double, i);
      double y = g_array_index (frame->points, double, i + 1);

      cairo_new_path (cr);
      cairo_arc (cr, x, y, (POINT_RADIUS + 5) * self->scale, 0, 2 * G_PI);
      cairo_set_source_rgba (cr, 0.21, 0.52, 0.89, 0.9);
      cairo_set_line_width (cr, 3 * self->scale);
      cairo_stroke (cr);
    }
}

/* Reference mode: the region-wide layers under the event, lighter than
 * it (thin outlines, faint fill, small dots) so that the event's own
 * perimeters and itineraries stay what the eye finds first. */

#define REFERENCE_FILL_ALPHA 0.07
#define REFERENCE_STROKE_ALPHA 0.65
#define REFERENCE_STROKE_WIDTH 1.25
#define REFERENCE_POINT_RADIUS 4.0

/* Labels for @cr; for the screen (in snapshot_pass()), from the cache. */
static CrLabelPlacer *
label_placer_new (CrMapRenderer *self,
                  cairo_t       *cr,
                  double         font_px)
{
  PangoContext *context = pango_cairo_create_context (cr);
  CrLabelPlacer *labels = cr_label_placer_new (context, font_px);

  cr_label_placer_set_cache (labels, self->label_cache, self->screen_scale);
  g_object_unref (context);
  return labels;
}

static gboolean
draw_reference_feature_cb (const CrFeatureView *feature,
                           gpointer             user_data)
{
  Frame *frame = user_data;
  CrMapRenderer *self = frame->self;
  KindStyle *style = style_for (self, feature->kind);
  cairo_t *cr = frame->cr;
  double scale = self->scale;
  double x1, y1, x2, y2;

  if (!feature_path (cr, frame->proj, feature->blob, feature->blob_len, frame->points))
    {
      g_debug ("Reference feature %" G_GINT64_FORMAT " has damaged geometry; not drawn", feature->id);
      return TRUE;
    }

  cairo_path_extents (cr, &x1, &y1, &x2, &y2);
  if (style->group == CR_KIND_GROUP_PERIMETER)
    {
      cairo_set_fill_rule (cr, CAIRO_FILL_RULE_EVEN_ODD);
      set_rgb (cr, style->fill, REFERENCE_FILL_ALPHA);
      cairo_fill_preserve (cr);
      if (self->show_labels && x2 - x1 >= 2 * MIN_LABELLED_PX * scale)
        cr_label_placer_add (frame->labels, feature->name, (x1 + x2) / 2, (y1 + y2) / 2, 0, 0, FALSE);
    }
  set_rgb (cr, style->stroke, REFERENCE_STROKE_ALPHA);
  cairo_set_line_width (cr, REFERENCE_STROKE_WIDTH * scale);
  cairo_stroke (cr);

  for (guint i = 0; i + 1 < frame->points->len; i += 2)
    {
      double x = g_array_index (frame->points, double, i);
      double y = g_array_index (frame->points, double, i + 1);

      cairo_new_path (cr);
      cairo_arc (cr, x, y, REFERENCE_POINT_RADIUS * scale, 0, 2 * G_PI);
      cairo_set_source_rgba (cr, 1, 1, 1, 0.9);
      cairo_fill_preserve (cr);
      set_rgb (cr, style->stroke, 0.85);
      cairo_set_line_width (cr, 1.5 * scale);
      cairo_stroke (cr);
      if (self->show_labels)
        cr_label_placer_add (frame->labels, feature->name, x, y, (REFERENCE_POINT_RADIUS + 3) * scale, 0,
                             FALSE);
    }
  frame->n_drawn++;
  return TRUE;
}

static guint
draw_reference (CrMapRenderer      *self,
                cairo_t            *cr,
                const CrProjection *proj)
{
  g_autoptr(GArray) points = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GError) error = NULL;
  g_autoptr(CrLabelPlacer) labels = NULL;
  Frame frame = { 0 };
  CrBBox bbox;

  labels = label_placer_new (self, cr, 0.9 * LABEL_FONT_PX * self->scale);
  cr_projection_get_bbox (proj, 2 * REFERENCE_POINT_RADIUS * self->scale, &bbox);

  frame.self = self;
  frame.cr = cr;
  frame.proj = proj;
  frame.points = points;
  frame.labels = labels;

  cairo_save (cr);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  if (!cr_store_foreach_reference_feature_in_bbox (self->store, &bbox, draw_reference_feature_cb, &frame,
                                                   &error))
    g_warning ("Cannot read the reference features to draw: %s", error->message);
  if (self->show_labels)
    cr_label_placer_draw (labels, cr, proj->width, proj->height);
  cairo_restore (cr);
  return frame.n_drawn;
}

static void
frame_init (Frame              *frame,
            CrMapRenderer      *self,
            cairo_t            *cr,
            const CrProjection *proj,
            Pass                pass)
{
  memset (frame, 0, sizeof *frame);
  frame->self = self;
  frame->cr = cr;
  frame->proj = proj;
  frame->pass = pass;
  frame->coverage = self->coverage;
  frame->scratch = cr_screen_path_new ();
  frame->points = g_array_new (FALSE, FALSE, sizeof (double));
  frame->ring = g_array_new (FALSE, FALSE, sizeof (double));
  frame->found = g_array_new (FALSE, FALSE, sizeof (guint32));
  frame->areas = g_ptr_array_new_with_free_func ((GDestroyNotify) cr_screen_path_free);
  frame->dots = g_ptr_array_new_with_free_func ((GDestroyNotify) cr_screen_path_free);
  if (pass == PASS_TILES)
    return;
  frame->lines = g_ptr_array_new_with_free_func ((GDestroyNotify) cr_screen_path_free);
  frame->markers = g_array_new (FALSE, FALSE, sizeof (Marker));
  frame->itineraries = g_array_new (FALSE, FALSE, sizeof (gint64));
  frame->geoms = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                        (GDestroyNotify) cr_geometry_unref);
  frame->kinds = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  if (self->show_labels)
    frame->labels = label_placer_new (self, cr, LABEL_FONT_PX * self->scale);
}

static void
frame_clear (Frame *frame)
{
  g_clear_pointer (&frame->scratch, cr_screen_path_free);
  g_clear_pointer (&frame->points, g_array_unref);
  g_clear_pointer (&frame->ring, g_array_unref);
  g_clear_pointer (&frame->found, g_array_unref);
  g_clear_pointer (&frame->areas, g_ptr_array_unref);
  g_clear_pointer (&frame->dots, g_ptr_array_unref);
  g_clear_pointer (&frame->lines, g_ptr_array_unref);
  g_clear_pointer (&frame->markers, g_array_unref);
  g_clear_pointer (&frame->itineraries, g_array_unref);
  g_clear_pointer (&frame->geoms, g_hash_table_unref);
  g_clear_pointer (&frame->kinds, g_hash_table_unref);
  g_clear_pointer (&frame->labels, cr_label_placer_free);
}

/* Whether the feature's envelope meets the frame's view, @margin pixels
 * around. */
static gboolean
in_view (const CrProjection  *proj,
         const CachedFeature *cf,
         double               margin)
{
  return !(cf->x0 * proj->world - proj->origin_x > proj->width + margin ||
           cf->x1 * proj->world - proj->origin_x < -margin ||
           cf->y0 * proj->world - proj->origin_y > proj->height + margin ||
           cf->y1 * proj->world - proj->origin_y < -margin);
}

/* Batches the features in the frame's view, a marker's radius around. */
static void
frame_collect (Frame *frame)
{
  CrMapRenderer *self = frame->self;
  const CrProjection *proj = frame->proj;
  double margin = 2 * POINT_RADIUS * self->scale;

  /* A tile's region, or a view of a small part of the event, through
   * the grid; else, sorting what the grid finds costs more than looking
   * at each feature. */
  if (cache_query (self, (proj->origin_x - margin) / proj->world, (proj->origin_y - margin) / proj->world,
                   (proj->origin_x + proj->width + margin) / proj->world,
                   (proj->origin_y + proj->height + margin) / proj->world,
                   frame->pass == PASS_TILES ? 0.5 : 1.0 / 16, frame->found))
    {
      for (guint k = 0; k < frame->found->len; k++)
        {
          const CachedFeature *cf =
            &g_array_index (self->cache, CachedFeature, g_array_index (frame->found, guint32, k));

          if ((k & 1023) == 0 && frame_cancelled (frame))
            return;
          if (in_view (proj, cf, margin))
            draw_feature (frame, cf);
        }
      return;
    }
  for (guint i = 0; i < self->cache->len; i++)
    {
      const CachedFeature *cf = &g_array_index (self->cache, CachedFeature, i);

      if ((i & 1023) == 0 && frame_cancelled (frame))
        return;
      if (in_view (proj, cf, margin))
        draw_feature (frame, cf);
    }
}

/* What the tiles hold: zones, and the dots of tiny features. */
static void
frame_draw_zones (Frame *frame)
{
  frame->fast = cr_coverage_begin (frame->coverage, frame->cr);
  draw_areas (frame);
  draw_dots (frame);
}

/* Everything but what the tiles hold, over them. */
static void
frame_draw_over (Frame *frame)
{
  CrMapRenderer *self = frame->self;
  cairo_t *cr = frame->cr;

  draw_lines (frame);
  for (guint i = 0; i < frame->markers->len; i++)
    {
      const Marker *m = &g_array_index (frame->markers, Marker, i);

      draw_point_marker (cr, m->style, m->x, m->y, self->scale, m->alpha);
    }
  draw_waypoints_and_convoys (frame);
  draw_selection (frame);
  if (frame->labels != NULL)
    cr_label_placer_draw (frame->labels, cr, frame->proj->width, frame->proj->height);
}

/* A frame: everything (PASS_ALL) or what goes over the tiles. */
static guint
draw_frame (CrMapRenderer      *self,
            cairo_t            *cr,
            const CrProjection *proj,
            Pass                pass)
{
  Frame frame;
  guint n_drawn;

  frame_init (&frame, self, cr, proj, pass);
  frame_collect (&frame);
  cairo_save (cr);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  if (pass == PASS_ALL)
    frame_draw_zones (&frame);
  frame_draw_over (&frame);
  cairo_restore (cr);
  n_drawn = frame.n_drawn;
  frame_clear (&frame);
  return n_drawn;
}

/**
 * cr_map_renderer_draw:
 *
 * Draws the features the projection's view shows: perimeters, then
 * itineraries, then points, so the small things stay on top; then
 * waypoints, convoys, the selection and the labels. One fill and stroke
 * per style. Everything is drawn afresh: for a PNG or a page.
 *
 * Returns: the number of features drawn
 */
guint
cr_map_renderer_draw (CrMapRenderer      *self,
                      cairo_t            *cr,
                      const CrProjection *proj)
{
  g_return_val_if_fail (CR_IS_MAP_RENDERER (self), 0);

  if (self->reference)
    return draw_reference (self, cr, proj);
  if (self->event_id == 0)
    return 0;

  ensure_cache (self);
  return draw_frame (self, cr, proj, PASS_ALL);
}

/* Tiles.
 *
 * Zones are what costs in a dense view: thousands of translucent
 * polygons with outlines. The map view keeps them, and the dots of
 * features too small to be more, in tiles (CrMapTiles) drawn on worker
 * threads, so that a pan only draws the tiles coming into view and no
 * frame waits long for them; lines, symbols, waypoints, convoys, the
 * selection and labels, which are few, are drawn over them each frame.
 * Tiles go stale, and are drawn again, where what they show changes: a
 * feature (where it was and where it is), or everywhere when kinds, the
 * kinds or groups shown, the fading, the scale or which features are
 * active at the time shown change. The event's change drops them. */

/* Which features are active at the renderer's time, as one number. */
static guint64
activity_digest (CrMapRenderer *self)
{
  guint64 digest = G_GUINT64_CONSTANT (14695981039346656037);

  for (guint i = 0; i < self->cache->len; i++)
    {
      const CachedFeature *cf = &g_array_index (self->cache, CachedFeature, i);

      digest = (digest ^ (guint64) cr_map_renderer_is_active (self, cf->active_from, cf->active_to)) *
               G_GUINT64_CONSTANT (1099511628211);
    }
  return digest;
}

/* The feature's tiles go stale: those its envelope in the loaded cache
 * touches. */
static gboolean
expire_feature (CrMapRenderer *self,
                gint64         id)
{
  const CachedFeature key = { .id = id };
  const CachedFeature *cf = bsearch (&key, self->cache->data, self->cache->len, sizeof (CachedFeature),
                                     compare_cached_ids);

  if (cf == NULL)
    return FALSE;
  cr_map_tiles_expire (self->tiles, &(CrBBox) { cf->x0, cf->y0, cf->x1, cf->y1 },
                       2 * POINT_RADIUS * self->scale);
  return TRUE;
}

/* After the time shown changed: when other features are active then
 * (the cache still holds them as the tiles show them), every tile goes
 * stale, and the workers, stopped, take the new time. Else they go on:
 * what they draw does not change. */
static void
follow_time (CrMapRenderer *self)
{
  guint64 digest = activity_digest (self);

  if (digest == self->tiles_digest)
    return;
  cr_map_tiles_expire (self->tiles, NULL, 0);
  g_free (self->tiles_time_text);
  self->tiles_time_text = g_strdup (self->time_text);
  self->tiles_digest = digest;
}

/* On a worker thread: the zones and dots of @proj's region. It only reads
 * the renderer, which stops the workers before it changes (see
 * cr_map_tiles_stop()). */
static void
draw_tile_region (gpointer            data,
                  cairo_t            *cr,
                  const CrProjection *proj,
                  CrCoverage         *coverage,
                  const gint         *cancelled)
{
  CrMapRenderer *self = data;
  Frame frame;

  frame_init (&frame, self, cr, proj, PASS_TILES);
  frame.coverage = coverage;
  frame.cancelled = cancelled;
  frame_collect (&frame);
  frame_draw_zones (&frame);
  frame_clear (&frame);
}

/* On the main thread, when more tiles are ready. */
static gboolean
tiles_ready_cb (gpointer data)
{
  emit_changed (CR_MAP_RENDERER (data));
  return G_SOURCE_REMOVE;
}

/* Draws @pass onto @cr: everything (PASS_ALL, reference layers
 * included) or what goes over the tiles. */
static guint
draw_pass (CrMapRenderer      *self,
           cairo_t            *cr,
           const CrProjection *proj,
           Pass                pass)
{
  return pass == PASS_ALL ? cr_map_renderer_draw (self, cr, proj) : draw_frame (self, cr, proj, pass);
}

/* Appends what @recording holds as a cairo node of its ink's bounds
 * within @proj's view: a cairo node costs GTK's cairo renderer an image
 * of its size each frame (to replay it onto what is below), the GL one
 * an image and its upload, all of it, in view or not (the demo event at
 * z17, with lines and labels reaching beyond the view: 350 ms a frame on
 * the GL renderer without a GPU; within the view, 31 ms). */
static void
append_recording (GtkSnapshot        *snapshot,
                  cairo_surface_t    *recording,
                  const CrProjection *proj)
{
  double x, y, w, h, x0, y0, x1, y1;
  GskRenderNode *node;
  cairo_t *cr;

  cairo_recording_surface_ink_extents (recording, &x, &y, &w, &h);
  if (w <= 0 || h <= 0 || cairo_surface_status (recording) != CAIRO_STATUS_SUCCESS)
    return;
  x0 = MAX (floor (x), 0);
  y0 = MAX (floor (y), 0);
  x1 = MIN (ceil (x + w), ceil (proj->width));
  y1 = MIN (ceil (y + h), ceil (proj->height));
  if (x1 <= x0 || y1 <= y0)
    return;
  node = gsk_cairo_node_new (&GRAPHENE_RECT_INIT (x0, y0, x1 - x0, y1 - y0));
  cr = gsk_cairo_node_get_draw_context (node);
  cairo_set_source_surface (cr, recording, 0, 0);
  cairo_paint (cr);
  cairo_destroy (cr);
  gtk_snapshot_append_node (snapshot, node);
  gsk_render_node_unref (node);
}

/* Appends @pass. @through_image: drawn into an image of the view in
 * device pixels, which the node then paints, so that zones and lines are
 * rasterized by CrCoverage (on an image only) rather than recorded by
 * the thousand and replayed each frame. A new image each time: one kept
 * for the next frame would be copied by cairo before it changes, as long
 * as a node recorded it. */
static guint
snapshot_pass (CrMapRenderer      *self,
               GtkSnapshot        *snapshot,
               const CrProjection *proj,
               double              device_scale,
               Pass                pass,
               gboolean            through_image)
{
  int width = (int) ceil (proj->width * device_scale), height = (int) ceil (proj->height * device_scale);
  cairo_surface_t *recording = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cairo_t *cr = cairo_create (recording);
  guint n_drawn;

  /* For the screen: labels from the cache. */
  self->screen_scale = device_scale;
  if (through_image && width > 0 && height > 0)
    {
      cairo_surface_t *image = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
      cairo_t *image_cr;

      cairo_surface_set_device_scale (image, device_scale, device_scale);
      image_cr = cairo_create (image);
      n_drawn = draw_pass (self, image_cr, proj, pass);
      cairo_destroy (image_cr);
      if (n_drawn > 0 && cairo_surface_status (image) == CAIRO_STATUS_SUCCESS)
        {
          cairo_set_source_surface (cr, image, 0, 0);
          cairo_paint (cr);
        }
      cairo_surface_destroy (image);
    }
  else
    n_drawn = draw_pass (self, cr, proj, pass);
  self->screen_scale = 0;
  cairo_destroy (cr);
  append_recording (snapshot, recording, proj);
  cairo_surface_destroy (recording);
  return n_drawn;
}

/**
 * cr_map_renderer_snapshot_view:
 * @device_scale: device pixels per view pixel of the frame
 *
 * Appends to @snapshot what cr_map_renderer_draw() would draw, for the
 * map view: zones come from tiles kept between frames at the same zoom
 * and drawn on worker threads (see CrMapTiles), each a node GTK keeps,
 * so a frame after a pan draws only what came into view, and no frame
 * waits for tiles longer than cr_map_renderer_set_tile_wait() says: the
 * renderer emits #CrMapRenderer::changed when more are ready. Lines,
 * symbols and labels go over them in a cairo node as they are drawn, or
 * through an image when there are many. Where tiles cannot serve (while
 * the zoom changes with no tiles to stand in), and for the reference
 * layers, it draws everything through an image.
 *
 * Returns: the number of features drawn
 */
guint
cr_map_renderer_snapshot_view (CrMapRenderer      *self,
                               GtkSnapshot        *snapshot,
                               const CrProjection *proj,
                               double              device_scale)
{
  g_return_val_if_fail (CR_IS_MAP_RENDERER (self), 0);

  if (self->reference || self->event_id == 0)
    return snapshot_pass (self, snapshot, proj, device_scale, PASS_ALL, TRUE);
  ensure_cache (self);
  /* Tiles of what could not be read would stay. */
  if (!self->cache_valid || !cr_map_tiles_snapshot (self->tiles, snapshot, proj, device_scale))
    return snapshot_pass (self, snapshot, proj, device_scale, PASS_ALL, TRUE);
  return snapshot_pass (self, snapshot, proj, device_scale, PASS_OVER_TILES,
                        self->over_vertices > MAX_OVER_RECORDED);
}

/* How many label images the map view's labels have needed so far (see
 * CrLabelCache): for tests. */
guint
cr_map_renderer_get_n_labels_made (CrMapRenderer *self)
{
  g_return_val_if_fail (CR_IS_MAP_RENDERER (self), 0);

  return cr_label_cache_get_n_made (self->label_cache);
}

/**
 * cr_map_renderer_keep_frame_memory:
 *
 * Has the process keep the memory of images freed, rather than give it
 * back and fault it in again: each frame, GTK's cairo renderer makes and
 * frees an image of what a cairo node covers (8 MB for a 1080p view),
 * and glibc's defaults return it to the system each time (page faults
 * were 40 % of a frame). Call it once, before any window.
 */
void
cr_map_renderer_keep_frame_memory (void)
{
#ifdef __GLIBC__
  /* glibc's largest mmap threshold: 32 MiB on 64 bits. For the whole
   * process, which then keeps what it freed up to its peak. */
  if (!mallopt (M_MMAP_THRESHOLD, (int) MIN (32 * 1024 * 1024, 4 * 1024 * 1024 * sizeof (long))) ||
      !mallopt (M_TRIM_THRESHOLD, 128 * 1024 * 1024))
    g_debug ("glibc refused to keep freed memory: frames fault it in again");
#endif
}

/**
 * cr_map_renderer_clear_tiles:
 *
 * Drops the map view's tiles: the next cr_map_renderer_snapshot_view() starts
 * from none. Benchmarks call it to time a frame from scratch.
 */
void
cr_map_renderer_clear_tiles (CrMapRenderer *self)
{
  g_return_if_fail (CR_IS_MAP_RENDERER (self));

  cr_map_tiles_drop (self->tiles);
}

/**
 * cr_map_renderer_expire_tiles:
 *
 * Has every tile drawn again, as any change to what they all show does
 * (they stay on screen until then). For benchmarks.
 */
void
cr_map_renderer_expire_tiles (CrMapRenderer *self)
{
  g_return_if_fail (CR_IS_MAP_RENDERER (self));

  cr_map_tiles_expire (self->tiles, NULL, 0);
}

/**
 * cr_map_renderer_start_tiles:
 *
 * Starts drawing the tiles the last cr_map_renderer_snapshot_view() left
 * for after its frame. In GTK's main loop an idle does that after the
 * frame is rendered; a benchmark that renders frames itself calls this
 * after each.
 */
void
cr_map_renderer_start_tiles (CrMapRenderer *self)
{
  g_return_if_fail (CR_IS_MAP_RENDERER (self));

  cr_map_tiles_start (self->tiles);
}

/**
 * cr_map_renderer_set_tile_wait:
 * @usec: how long a frame of cr_map_renderer_snapshot_view() may wait for
 *   tiles being drawn (it does not when they cannot be ready by then);
 *   < 0: until they all are (tests)
 */
void
cr_map_renderer_set_tile_wait (CrMapRenderer *self,
                               gint64         usec)
{
  g_return_if_fail (CR_IS_MAP_RENDERER (self));

  cr_map_tiles_set_wait (self->tiles, usec);
}

/* Whether the last cr_map_renderer_snapshot_view() lacked tiles: more are
 * coming. */
gboolean
cr_map_renderer_get_tiles_pending (CrMapRenderer *self)
{
  g_return_val_if_fail (CR_IS_MAP_RENDERER (self), FALSE);

  return cr_map_tiles_get_pending (self->tiles);
}

/* Whether tiles are being drawn, for the view or ahead of a pan, or are
 * to be once the frame is rendered: for tests. */
gboolean
cr_map_renderer_get_tiles_busy (CrMapRenderer *self)
{
  g_return_val_if_fail (CR_IS_MAP_RENDERER (self), FALSE);

  return cr_map_tiles_get_busy (self->tiles);
}

/* How many tiles the last cr_map_renderer_snapshot_view() got drawn, rather
 * than reused: for tests and benchmarks. */
guint
cr_map_renderer_get_n_tiles_drawn (CrMapRenderer *self)
{
  g_return_val_if_fail (CR_IS_MAP_RENDERER (self), 0);

  return cr_map_tiles_get_n_drawn (self->tiles);
}

typedef struct
{
  CrMapRenderer *self;
  const CrProjection *proj;
  cairo_t *cr;
  GArray *points;
  double x, y, tolerance;
  gint64 best;
  int best_rank;
} HitTest;

static gboolean
hit_feature_cb (const CrFeatureView *feature,
                gpointer             user_data)
{
  HitTest *hit = user_data;
  KindStyle *style = style_for (hit->self, feature->kind);
  double scale = hit->self->scale;
  gboolean inside = FALSE;
  int rank;

  if (feature_visibility (hit->self, feature, style, hit->self->time_text) != SHOWN)
    return TRUE;
  if (!feature_path (hit->cr, hit->proj, feature->blob, feature->blob_len, hit->points))
    return TRUE;

  /* Points over lines over polygons; among equals, the one drawn last. */
  for (guint i = 0; i + 1 < hit->points->len && !inside; i += 2)
    inside = hypot (g_array_index (hit->points, double, i) - hit->x,
                    g_array_index (hit->points, double, i + 1) - hit->y) <=
             POINT_RADIUS * scale + hit->tolerance;
  if (inside)
    rank = 3;
  else
    {
      cairo_set_line_width (hit->cr, style->width * scale + 2 * hit->tolerance);
      if (cairo_in_stroke (hit->cr, hit->x, hit->y))
        rank = style->group == CR_KIND_GROUP_PERIMETER ? 1 : 2;
      else if (style->group == CR_KIND_GROUP_PERIMETER &&
               (cairo_set_fill_rule (hit->cr, CAIRO_FILL_RULE_EVEN_ODD),
                cairo_in_fill (hit->cr, hit->x, hit->y)))
        rank = 1;
      else
        return TRUE;
    }
  /* Among equals, the latest feature is the one drawn on top. */
  if (rank > hit->best_rank || (rank == hit->best_rank && feature->id > hit->best))
    {
      hit->best_rank = rank;
      hit->best = feature->id;
    }
  return TRUE;
}

/**
 * cr_map_renderer_hit_test:
 * @x: widget x
 * @y: widget y
 * @tolerance: pixels of slack around lines and points
 *
 * The topmost visible feature at (@x, @y): points over lines over
 * polygons, and among those the one drawn last.
 *
 * Returns: its id, or 0
 */
gint64
cr_map_renderer_hit_test (CrMapRenderer      *self,
                          const CrProjection *proj,
                          double              x,
                          double              y,
                          double              tolerance)
{
  g_autoptr(GArray) points = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GError) error = NULL;
  cairo_surface_t *surface;
  HitTest hit = { self, proj, NULL, points, x, y, tolerance, 0, 0 };
  double slack = POINT_RADIUS * self->scale + tolerance;
  CrBBox bbox;

  g_return_val_if_fail (CR_IS_MAP_RENDERER (self), 0);

  if (self->event_id == 0)
    return 0;
  cr_projection_to_lonlat (proj, x - slack, y + slack, &bbox.min_x, &bbox.min_y);
  cr_projection_to_lonlat (proj, x + slack, y - slack, &bbox.max_x, &bbox.max_y);

  surface = cairo_image_surface_create (CAIRO_FORMAT_A8, 1, 1);
  hit.cr = cairo_create (surface);
  cairo_set_line_join (hit.cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (hit.cr, CAIRO_LINE_CAP_ROUND);
  if (!cr_store_foreach_feature_in_bbox (self->store, self->event_id, &bbox, hit_feature_cb, &hit,
                                         &error))
    g_warning ("Cannot read the features under the pointer: %s", error->message);
  cairo_destroy (hit.cr);
  cairo_surface_destroy (surface);
  return hit.best;
}

/**
 * cr_map_renderer_get_convoy:
 *
 * Where the convoy of itinerary @feature_id is planned to be at the
 * renderer's time. FALSE when no time is set or the convoy is not on
 * the road then.
 */
gboolean
cr_map_renderer_get_convoy (CrMapRenderer *self,
                            gint64         feature_id,
                            double        *lon,
                            double        *lat)
{
  g_autoptr(CrFeature) feature = NULL;
  CrGeometry *line;

  g_return_val_if_fail (CR_IS_MAP_RENDERER (self), FALSE);

  if (self->time == NULL)
    return FALSE;
  feature = cr_store_get (self->store, CR_TYPE_FEATURE, feature_id, NULL);
  if (feature == NULL || (line = cr_feature_get_geometry (feature)) == NULL)
    return FALSE;
  return cr_itinerary_position_at (line, waypoints_for (self, feature_id), self->time, lon, lat);
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
  KindStyle *style;

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
      stroke_path (cr, style, 1, 1);
      break;
    case CR_KIND_GROUP_ITINERARY:
      cairo_move_to (cr, x + 2, y + height - 3);
      cairo_curve_to (cr, x + width / 2, y + height - 3, x + width / 2, y + 3, x + width - 2, y + 3);
      stroke_path (cr, style, 1, 1);
      break;
    case CR_KIND_GROUP_POINT:
    default:
      draw_point_marker (cr, style, x + width / 2, y + height / 2, MIN (width, height) / 22.0, 1);
      break;
    }
  cairo_restore (cr);
}

/**
 * cr_map_renderer_is_active:
 *
 * Whether a feature active from @active_from to @active_to (storage
 * form, either %NULL for open-ended) shows at the renderer's time. With
 * no time set, everything shows.
 */
gboolean
cr_map_renderer_is_active (CrMapRenderer *self,
                           const char    *active_from,
                           const char    *active_to)
{
  g_return_val_if_fail (CR_IS_MAP_RENDERER (self), TRUE);

  return active_at (self->time_text, active_from, active_to);
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
    case PROP_TIME:
      g_value_set_boxed (value, self->time);
      break;
    case PROP_FADE_INACTIVE:
      g_value_set_boolean (value, self->fade_inactive);
      break;
    case PROP_SHOW_LABELS:
      g_value_set_boolean (value, self->show_labels);
      break;
    case PROP_SCALE:
      g_value_set_double (value, self->scale);
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
    case PROP_TIME:
      cr_map_renderer_set_time (self, g_value_get_boxed (value));
      break;
    case PROP_FADE_INACTIVE:
      cr_map_renderer_set_fade_inactive (self, g_value_get_boolean (value));
      break;
    case PROP_SHOW_LABELS:
      cr_map_renderer_set_show_labels (self, g_value_get_boolean (value));
      break;
    case PROP_SCALE:
      cr_map_renderer_set_scale (self, g_value_get_double (value));
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

  /* First: its workers read the rest. */
  g_clear_pointer (&self->tiles, cr_map_tiles_free);
  g_clear_pointer (&self->order, g_ptr_array_unref);
  g_clear_pointer (&self->styles, g_hash_table_unref);
  g_clear_pointer (&self->hidden_kinds, g_hash_table_unref);
  g_clear_pointer (&self->waypoints, g_hash_table_unref);
  g_clear_pointer (&self->cache, g_array_unref);
  g_clear_pointer (&self->cache_parts, g_array_unref);
  g_clear_pointer (&self->cache_xy, g_array_unref);
  g_clear_pointer (&self->cache_points, g_array_unref);
  g_clear_pointer (&self->grid_start, g_free);
  g_clear_pointer (&self->grid_items, g_array_unref);
  g_clear_pointer (&self->grid_wide, g_array_unref);
  g_clear_pointer (&self->lines, g_hash_table_unref);
  g_clear_pointer (&self->coverage, cr_coverage_free);
  g_clear_pointer (&self->label_cache, cr_label_cache_free);
  g_clear_pointer (&self->dirty, g_array_unref);
  g_clear_pointer (&self->time, g_date_time_unref);
  g_free (self->time_text);
  g_free (self->tiles_time_text);

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
  properties[PROP_TIME] =
    g_param_spec_boxed ("time", NULL, NULL, G_TYPE_DATE_TIME,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FADE_INACTIVE] =
    g_param_spec_boolean ("fade-inactive", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SHOW_LABELS] =
    g_param_spec_boolean ("show-labels", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SCALE] =
    g_param_spec_double ("scale", NULL, NULL, 0.25, 16, 1,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CrMapRenderer::changed:
   *
   * Something that changes the drawing changed: redraw.
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  /**
   * CrMapRenderer::visibility-changed:
   *
   * A kind or a group was shown or hidden (by the layers panel, or by a
   * feature drawn in a hidden kind): for views of those switches, which
   * "changed" would wake at every tile drawn.
   */
  signals[VISIBILITY_CHANGED] =
    g_signal_new ("visibility-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
cr_map_renderer_init (CrMapRenderer *self)
{
  self->styles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, kind_style_free);
  self->order = g_ptr_array_new ();
  self->hidden_kinds = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->waypoints = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                           (GDestroyNotify) g_ptr_array_unref);
  self->cache = g_array_new (FALSE, FALSE, sizeof (CachedFeature));
  g_array_set_clear_func (self->cache, cached_feature_clear);
  self->cache_parts = g_array_new (FALSE, FALSE, sizeof (CachedPart));
  self->cache_xy = g_array_new (FALSE, FALSE, sizeof (float));
  self->cache_points = g_array_new (FALSE, FALSE, sizeof (double));
  self->grid_items = g_array_new (FALSE, FALSE, sizeof (guint32));
  self->grid_wide = g_array_new (FALSE, FALSE, sizeof (guint32));
  self->lines = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                       (GDestroyNotify) cr_geometry_unref);
  self->coverage = cr_coverage_new ();
  self->label_cache = cr_label_cache_new ();
  self->tiles = cr_map_tiles_new (draw_tile_region, tiles_ready_cb, self);
  self->dirty = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->fade_inactive = TRUE;
  self->show_labels = TRUE;
  self->scale = 1;
  self->fallback.group = CR_KIND_GROUP_PERIMETER;
  parse_color ("#5e5c64", self->fallback.stroke);
  parse_color ("#77767b", self->fallback.fill);
  self->fallback.has_fill = TRUE;
  self->fallback.fill_opacity = 0.15;
  self->fallback.width = 2;
  self->fallback.icon_tried = TRUE;
}

CrMapRenderer *
cr_map_renderer_new (CrStore *store)
{
  CrMapRenderer *self;

  g_return_val_if_fail (CR_IS_STORE (store), NULL);

  self = g_object_new (CR_TYPE_MAP_RENDERER, NULL);
  self->store = g_object_ref (store);
  load_styles (self);
  g_signal_connect (store, "changed::feature_kinds", G_CALLBACK (kinds_changed_cb), self);
  g_signal_connect (store, "changed::waypoints", G_CALLBACK (waypoints_changed_cb), self);
  g_signal_connect (store, "changed::features", G_CALLBACK (features_changed_cb), self);
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
  cr_map_tiles_drop (self->tiles);
  g_array_set_size (self->dirty, 0);
  self->dirty_found = 0;
  self->dirty_all = FALSE;
  invalidate_cache (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EVENT_ID]);
  emit_changed (self);
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
  emit_changed (self);
}

/**
 * cr_map_renderer_get_time:
 *
 * Returns: (transfer none) (nullable): the time the map shows, or %NULL
 *   for every feature whatever its active window
 */
GDateTime *
cr_map_renderer_get_time (CrMapRenderer *self)
{
  g_return_val_if_fail (CR_IS_MAP_RENDERER (self), NULL);

  return self->time;
}

void
cr_map_renderer_set_time (CrMapRenderer *self,
                          GDateTime     *time)
{
  g_return_if_fail (CR_IS_MAP_RENDERER (self));

  if (self->time == time ||
      (self->time != NULL && time != NULL && g_date_time_compare (self->time, time) == 0))
    return;
  g_clear_pointer (&self->time, g_date_time_unref);
  g_clear_pointer (&self->time_text, g_free);
  if (time != NULL)
    {
      self->time = g_date_time_ref (time);
      self->time_text = cr_time_to_storage (time);
    }
  follow_time (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TIME]);
  emit_changed (self);
}

gboolean
cr_map_renderer_get_fade_inactive (CrMapRenderer *self)
{
  g_return_val_if_fail (CR_IS_MAP_RENDERER (self), FALSE);

  return self->fade_inactive;
}

/* Features outside their active window: faded (TRUE) or hidden. */
void
cr_map_renderer_set_fade_inactive (CrMapRenderer *self,
                                   gboolean       fade)
{
  g_return_if_fail (CR_IS_MAP_RENDERER (self));

  fade = !!fade;
  if (self->fade_inactive == fade)
    return;
  cr_map_tiles_stop (self->tiles);
  self->fade_inactive = fade;
  cr_map_tiles_expire (self->tiles, NULL, 0);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FADE_INACTIVE]);
  emit_changed (self);
}

gboolean
cr_map_renderer_get_show_labels (CrMapRenderer *self)
{
  g_return_val_if_fail (CR_IS_MAP_RENDERER (self), FALSE);

  return self->show_labels;
}

void
cr_map_renderer_set_show_labels (CrMapRenderer *self,
                                 gboolean       show)
{
  g_return_if_fail (CR_IS_MAP_RENDERER (self));

  show = !!show;
  if (self->show_labels == show)
    return;
  self->show_labels = show;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_LABELS]);
  emit_changed (self);
}

double
cr_map_renderer_get_scale (CrMapRenderer *self)
{
  g_return_val_if_fail (CR_IS_MAP_RENDERER (self), 1);

  return self->scale;
}

/* Size of markers, lines and labels: 1 on screen, more on a wall screen
 * seen from afar or a page printed at high resolution. */
void
cr_map_renderer_set_scale (CrMapRenderer *self,
                           double         scale)
{
  g_return_if_fail (CR_IS_MAP_RENDERER (self));
  g_return_if_fail (scale > 0);

  if (self->scale == scale)
    return;
  cr_map_tiles_stop (self->tiles);
  self->scale = scale;
  cr_map_tiles_expire (self->tiles, NULL, 0);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCALE]);
  emit_changed (self);
}

gboolean
cr_map_renderer_get_kind_visible (CrMapRenderer *self,
                                  const char    *kind)
{
  g_return_val_if_fail (CR_IS_MAP_RENDERER (self), FALSE);
  g_return_val_if_fail (kind != NULL, FALSE);

  return !g_hash_table_contains (self->hidden_kinds, kind);
}

void
cr_map_renderer_set_kind_visible (CrMapRenderer *self,
                                  const char    *kind,
                                  gboolean       visible)
{
  g_return_if_fail (CR_IS_MAP_RENDERER (self));
  g_return_if_fail (kind != NULL);

  if (cr_map_renderer_get_kind_visible (self, kind) == !!visible)
    return;
  cr_map_tiles_stop (self->tiles);
  if (visible)
    g_hash_table_remove (self->hidden_kinds, kind);
  else
    g_hash_table_add (self->hidden_kinds, g_strdup (kind));
  cr_map_tiles_expire (self->tiles, NULL, 0);
  g_signal_emit (self, signals[VISIBILITY_CHANGED], 0);
  emit_changed (self);
}

gboolean
cr_map_renderer_get_group_visible (CrMapRenderer *self,
                                   CrKindGroup    group)
{
  g_return_val_if_fail (CR_IS_MAP_RENDERER (self), FALSE);

  return (self->hidden_groups & (1u << group)) == 0;
}

void
cr_map_renderer_set_group_visible (CrMapRenderer *self,
                                   CrKindGroup    group,
                                   gboolean       visible)
{
  guint hidden;

  g_return_if_fail (CR_IS_MAP_RENDERER (self));

  hidden = visible ? self->hidden_groups & ~(1u << group) : self->hidden_groups | (1u << group);
  if (hidden == self->hidden_groups)
    return;
  cr_map_tiles_stop (self->tiles);
  self->hidden_groups = hidden;
  cr_map_tiles_expire (self->tiles, NULL, 0);
  g_signal_emit (self, signals[VISIBILITY_CHANGED], 0);
  emit_changed (self);
}

/**
 * cr_map_renderer_show_kind:
 *
 * Shows @kind's features: the kind, and its group, visible again. For a
 * feature just drawn or given @kind, which would otherwise vanish.
 *
 * Returns: (transfer full) (nullable): when either was hidden, a message
 *   that says so, for the user
 */
char *
cr_map_renderer_show_kind (CrMapRenderer *self,
                           const char    *kind)
{
  g_autoptr(CrFeatureKind) found = NULL;
  CrKindGroup group;

  g_return_val_if_fail (CR_IS_MAP_RENDERER (self), NULL);
  g_return_val_if_fail (kind != NULL, NULL);

  group = style_for (self, kind)->group;
  if (cr_map_renderer_get_kind_visible (self, kind) && cr_map_renderer_get_group_visible (self, group))
    return NULL;
  cr_map_renderer_set_kind_visible (self, kind, TRUE);
  cr_map_renderer_set_group_visible (self, group, TRUE);
  found = cr_store_find_feature_kind (self->store, kind, NULL);
  /* Translators: %s is a kind of feature, e.g. "Red zone" */
  return g_strdup_printf (_("“%s” was hidden in the layers panel: it is shown again."),
                          found != NULL ? cr_feature_kind_get_label (found) : kind);
}

static void
reference_layers_changed_cb (CrStore       *store,
                             const char    *table,
                             gint64         row_id,
                             int            change,
                             CrMapRenderer *self)
{
  emit_changed (self);
}

/**
 * cr_map_renderer_new_reference:
 *
 * A renderer in reference mode: it draws the features of the visible
 * reference layers (features of no event), whatever its event, in a
 * muted style meant to lie under an event's renderer. It never
 * hit-tests: reference features are not selected on the map.
 *
 * Returns: (transfer full): a new renderer
 */
CrMapRenderer *
cr_map_renderer_new_reference (CrStore *store)
{
  CrMapRenderer *self = cr_map_renderer_new (store);

  self->reference = TRUE;
  /* Showing or hiding a layer changes the drawing. */
  g_signal_connect (store, "changed::reference_layers", G_CALLBACK (reference_layers_changed_cb), self);
  return self;
}

gboolean
cr_map_renderer_get_reference (CrMapRenderer *self)
{
  g_return_val_if_fail (CR_IS_MAP_RENDERER (self), FALSE);

  return self->reference;
}
