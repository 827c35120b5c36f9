/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cr-map"

#include "config.h"

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
};

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
  guint n = 0;

  pango_font_description_set_family (font, "Cantarell, Sans");
  pango_font_description_set_absolute_size (font, self->font_size_px * PANGO_SCALE);
  g_array_sort (self->labels, compare_labels);

  cairo_save (cr);
  for (guint i = 0; i < self->labels->len; i++)
    {
      const Label *label = &g_array_index (self->labels, Label, i);
      PangoRectangle ink, logical;
      cairo_rectangle_t box;
      double pad = 2;

      pango_font_description_set_weight (font, label->bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
      pango_layout_set_font_description (layout, font);
      pango_layout_set_text (layout, label->text, -1);
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

      cairo_move_to (cr, box.x + pad, box.y + pad);
      pango_cairo_layout_path (cr, layout);
      cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
      cairo_set_line_width (cr, 3.5);
      cairo_set_source_rgba (cr, 1, 1, 1, 0.9);
      cairo_stroke_preserve (cr);
      cairo_set_source_rgb (cr, 0.14, 0.15, 0.16);
      cairo_fill (cr);
      n++;
    }
  cairo_restore (cr);
  pango_font_description_free (font);
  return n;
}
