/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cr-map"

#include "config.h"

#include <math.h>
#include <pango/pangocairo.h>

#include "cr-label-placer.h"

typedef struct
{
  char *text;
  double x;
  double y;
  double offset_x; /* > 0: to the right of the anchor (points); 0: centred */
  int priority;
  guint order;
  gboolean bold;
} Label;

struct _CrLabelPlacer
{
  PangoContext *context;
  double font_size_px;
  GArray *labels;
  CrLabelCache *cache;  /* or NULL: labels drawn as outlines (PDF, SVG) */
  double device_scale;  /* the cache's images' */
};

/* The halo around the text, and what it reaches. */
#define HALO_WIDTH 3.5

/* A label's text measured and, once it has been placed, drawn: halo
 * and text in device pixels. */
typedef struct
{
  int width, height;      /* the text's logical size */
  PangoRectangle ink;     /* its ink's, from the text's origin */
  gboolean drawn;         /* @image made (or nothing to draw) */
  cairo_surface_t *image; /* device scale set; NULL: nothing to draw */
  double left, top;       /* its corner from the text's origin, in user units */
  guint64 used;           /* the cache's generation that last looked it up */
} CachedLabel;

/* More labels than this kept, those not drawn in the last frame go. */
#define MAX_CACHED_LABELS 512

struct _CrLabelCache
{
  GHashTable *labels;   /* "b" or "n" (bold or not), then the text -> CachedLabel */
  double font_size_px;  /* of all of them */
  double device_scale;  /* idem */
  guint64 generation;   /* frames drawn with it */
  guint n_made;
};

static void
cached_label_free (gpointer data)
{
  CachedLabel *cached = data;

  g_clear_pointer (&cached->image, cairo_surface_destroy);
  g_free (cached);
}

CrLabelCache *
cr_label_cache_new (void)
{
  CrLabelCache *self = g_new0 (CrLabelCache, 1);

  self->labels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, cached_label_free);
  return self;
}

void
cr_label_cache_free (CrLabelCache *self)
{
  if (self == NULL)
    return;
  g_hash_table_unref (self->labels);
  g_free (self);
}

/* How many labels it keeps. */
guint
cr_label_cache_get_size (CrLabelCache *self)
{
  return g_hash_table_size (self->labels);
}

/* How many label images it has made (one per label placed the first
 * time): for tests. */
guint
cr_label_cache_get_n_made (CrLabelCache *self)
{
  return self->n_made;
}

/* The text's origin goes at (@x, @y), user units: draws the halo, then
 * the text. */
static void
draw_outline (cairo_t     *cr,
              PangoLayout *layout,
              double       x,
              double       y)
{
  cairo_move_to (cr, x, y);
  pango_cairo_layout_path (cr, layout);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_width (cr, HALO_WIDTH);
  cairo_set_source_rgba (cr, 1, 1, 1, 0.9);
  cairo_stroke_preserve (cr);
  cairo_set_source_rgb (cr, 0.14, 0.15, 0.16);
  cairo_fill (cr);
}

/* Draws @layout (the label's text and font set) into @cached's image at
 * @scale, on whole device pixels around its ink and halo. */
static void
cached_label_draw (CachedLabel *cached,
                   PangoLayout *layout,
                   double       scale)
{
  const PangoRectangle *ink = &cached->ink;
  double margin = HALO_WIDTH / 2 + 1;
  int width, height;
  cairo_t *cr;

  cached->drawn = TRUE;
  cached->left = floor ((ink->x - margin) * scale) / scale;
  cached->top = floor ((ink->y - margin) * scale) / scale;
  width = (int) ceil ((ink->x + ink->width + margin) * scale - cached->left * scale);
  height = (int) ceil ((ink->y + ink->height + margin) * scale - cached->top * scale);
  if (ink->width <= 0 || ink->height <= 0)
    return;
  cached->image = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_surface_set_device_scale (cached->image, scale, scale);
  cr = cairo_create (cached->image);
  draw_outline (cr, layout, -cached->left, -cached->top);
  cairo_destroy (cr);
  if (cairo_surface_status (cached->image) != CAIRO_STATUS_SUCCESS)
    g_clear_pointer (&cached->image, cairo_surface_destroy);
}

/* The cached drawing of @key's label, drawn this frame; NULL if none. */
static CachedLabel *
cache_get (CrLabelCache *self,
           const char   *key)
{
  CachedLabel *cached = g_hash_table_lookup (self->labels, key);

  if (cached != NULL)
    cached->used = self->generation;
  return cached;
}

/* Measures @layout (its text and font set) for the cache, as @key's:
 * its image is made when it is first placed, for most labels of a dense
 * view are not. */
static CachedLabel *
cache_add (CrLabelCache *self,
           const char   *key,
           PangoLayout  *layout)
{
  CachedLabel *cached = g_new0 (CachedLabel, 1);
  PangoRectangle logical;

  pango_layout_get_pixel_extents (layout, &cached->ink, &logical);
  cached->width = logical.width;
  cached->height = logical.height;
  cached->used = self->generation;
  g_hash_table_insert (self->labels, g_strdup (key), cached);
  return cached;
}

/* Before a frame: its font and scale, for which the cache keeps labels. */
static void
cache_begin (CrLabelCache *self,
             double        font_size_px,
             double        scale)
{
  if (font_size_px != self->font_size_px || scale != self->device_scale)
    {
      g_hash_table_remove_all (self->labels);
      self->font_size_px = font_size_px;
      self->device_scale = scale;
    }
  self->generation++;
}

/* After a frame: keeps those it looked up, and others up to a bound. */
static void
cache_end (CrLabelCache *self)
{
  GHashTableIter iter;
  CachedLabel *cached;

  if (g_hash_table_size (self->labels) <= MAX_CACHED_LABELS)
    return;
  g_hash_table_iter_init (&iter, self->labels);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &cached))
    if (cached->used != self->generation)
      g_hash_table_iter_remove (&iter);
}

static void
label_clear (gpointer data)
{
  Label *label = data;

  g_free (label->text);
}

CrLabelPlacer *
cr_label_placer_new (PangoContext *context,
                     double        font_size_px)
{
  CrLabelPlacer *self = g_new0 (CrLabelPlacer, 1);

  self->context = g_object_ref (context);
  self->font_size_px = font_size_px;
  self->labels = g_array_new (FALSE, FALSE, sizeof (Label));
  g_array_set_clear_func (self->labels, label_clear);
  return self;
}

void
cr_label_placer_free (CrLabelPlacer *self)
{
  if (self == NULL)
    return;
  g_array_unref (self->labels);
  g_object_unref (self->context);
  g_free (self);
}

/**
 * cr_label_placer_set_cache:
 * @cache: (nullable): where labels drawn for the screen are kept
 * @device_scale: device pixels per user unit of the target
 *
 * Has labels drawn from @cache's images, on whole device pixels: for an
 * image, or what is replayed onto one at @device_scale. Without a cache
 * they are drawn as outlines, which suit vector output.
 */
void
cr_label_placer_set_cache (CrLabelPlacer *self,
                           CrLabelCache  *cache,
                           double         device_scale)
{
  self->cache = device_scale > 0 ? cache : NULL;
  self->device_scale = device_scale;
}

void
cr_label_placer_add (CrLabelPlacer *self,
                     const char    *text,
                     double         x,
                     double         y,
                     double         offset_x,
                     int            priority,
                     gboolean       bold)
{
  Label label = { g_strdup (text), x, y, offset_x, priority, self->labels->len, bold };

  if (text == NULL || *text == '\0')
    {
      g_free (label.text);
      return;
    }
  g_array_append_val (self->labels, label);
}

/* Paints @cached's image, the text's origin at (@x, @y) rounded to a
 * whole device pixel of @scale. @cr's user units are view pixels, as the
 * callers have them: no transform but the target's scale. */
static void
paint_cached (cairo_t           *cr,
              const CachedLabel *cached,
              double             x,
              double             y,
              double             scale)
{
  if (cached->image == NULL)
    return;
  x = round (x * scale) / scale + cached->left;
  y = round (y * scale) / scale + cached->top;
  cairo_set_source_surface (cr, cached->image, x, y);
  cairo_rectangle (cr, x, y, cairo_image_surface_get_width (cached->image) / scale,
                   cairo_image_surface_get_height (cached->image) / scale);
  cairo_fill (cr);
}

/* Has @layout show @label with @font. */
static void
set_label (PangoLayout          *layout,
           PangoFontDescription *font,
           const Label          *label)
{
  pango_font_description_set_weight (font, label->bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, label->text, -1);
}

static int
compare_labels (gconstpointer a,
                gconstpointer b)
{
  const Label *la = a, *lb = b;

  if (la->priority != lb->priority)
    return lb->priority - la->priority;
  /* Later features are drawn on top, so their labels win ties. */
  return (int) lb->order - (int) la->order;
}

static gboolean
overlaps (GArray                      *placed,
          const cairo_rectangle_t     *r)
{
  for (guint i = 0; i < placed->len; i++)
    {
      const cairo_rectangle_t *p = &g_array_index (placed, cairo_rectangle_t, i);

      if (r->x < p->x + p->width && p->x < r->x + r->width &&
          r->y < p->y + p->height && p->y < r->y + r->height)
        return TRUE;
    }
  return FALSE;
}

/* Draws what fits, text dark on a light halo so it reads over any fill.
 * Returns how many labels were drawn. */
guint
cr_label_placer_draw (CrLabelPlacer *self,
                      cairo_t       *cr,
                      double         width,
                      double         height)
{
  g_autoptr(GArray) placed = g_array_new (FALSE, FALSE, sizeof (cairo_rectangle_t));
  g_autoptr(PangoLayout) layout = pango_layout_new (self->context);
  PangoFontDescription *font = pango_font_description_new ();
  const Label *laid_out = NULL; /* the label @layout shows */
  guint n = 0;

  pango_font_description_set_family (font, "Cantarell, Sans");
  pango_font_description_set_absolute_size (font, self->font_size_px * PANGO_SCALE);
  g_array_sort (self->labels, compare_labels);
  if (self->cache != NULL)
    cache_begin (self->cache, self->font_size_px, self->device_scale);

  cairo_save (cr);
  for (guint i = 0; i < self->labels->len; i++)
    {
      const Label *label = &g_array_index (self->labels, Label, i);
      CachedLabel *cached = NULL;
      PangoRectangle ink, logical;
      cairo_rectangle_t box;
      double pad = 2, x, y;
      g_autofree char *key = NULL;

      if (self->cache != NULL)
        {
          key = g_strconcat (label->bold ? "b" : "n", label->text, NULL);
          cached = cache_get (self->cache, key);
        }
      if (cached == NULL)
        {
          set_label (layout, font, label);
          laid_out = label;
          if (self->cache != NULL)
            cached = cache_add (self->cache, key, layout);
        }
      if (cached != NULL)
        {
          logical.width = cached->width;
          logical.height = cached->height;
        }
      else
        pango_layout_get_pixel_extents (layout, &ink, &logical);

      box.width = logical.width + 2 * pad;
      box.height = logical.height + 2 * pad;
      box.x = label->offset_x > 0 ? label->x + label->offset_x - pad : label->x - box.width / 2;
      box.y = label->y - box.height / 2;
      if (box.x + box.width < 0 || box.y + box.height < 0 || box.x > width || box.y > height)
        continue;
      if (overlaps (placed, &box))
        continue;
      g_array_append_val (placed, box);

      /* The text's origin on a whole device pixel: a cached image's
       * pixels fall on the target's, and outlines go where it would. */
      x = box.x + pad;
      y = box.y + pad;
      if (cached == NULL)
        {
          double sx, sy;

          /* Device space, to cairo, is before the target's scale. */
          cairo_surface_get_device_scale (cairo_get_target (cr), &sx, &sy);
          cairo_user_to_device (cr, &x, &y);
          x = round (x * sx) / sx;
          y = round (y * sy) / sy;
          cairo_device_to_user (cr, &x, &y);
          draw_outline (cr, layout, x, y);
        }
      else
        {
          if (!cached->drawn)
            {
              if (laid_out != label)
                set_label (layout, font, label);
              cached_label_draw (cached, layout, self->device_scale);
              self->cache->n_made++;
            }
          paint_cached (cr, cached, x, y, self->device_scale);
        }
      n++;
    }
  cairo_restore (cr);
  pango_font_description_free (font);
  if (self->cache != NULL)
    cache_end (self->cache);
  return n;
}
