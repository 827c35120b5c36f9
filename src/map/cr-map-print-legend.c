/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cr-map"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "cr-map-print-private.h"
#include "cr-time.h"

/* What a printed map has around its features: the legend of the kinds it
 * shows (in the catalogue's language), a scale bar, a north arrow and the
 * attribution. Sizes are in map pixels, times the renderer's scale. */

#define FONT_FAMILY "Cantarell, Sans"

static void
legend_entry_free (gpointer data)
{
  LegendEntry *entry = data;

  g_clear_object (&entry->layout);
  g_free (entry->kind);
  g_free (entry->label);
  g_free (entry);
}

void
_cr_map_print_legend_clear (Legend *legend)
{
  g_clear_object (&legend->title);
  g_clear_object (&legend->subtitle);
  g_clear_pointer (&legend->entries, g_ptr_array_unref);
}

static const char *tr (CrMapPrint *self,
                       const char *msgid) G_GNUC_FORMAT (2);

static const char *
tr (CrMapPrint *self,
    const char *msgid)
{
  return cr_catalog_gettext (self->catalog, msgid);
}

static PangoLayout *
new_layout (PangoContext *context,
            const char   *text,
            double        size,
            gboolean      bold,
            double        max_width)
{
  PangoLayout *layout = pango_layout_new (context);
  PangoFontDescription *font = pango_font_description_from_string (FONT_FAMILY);

  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  pango_font_description_set_weight (font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  if (max_width > 0)
    {
      pango_layout_set_width (layout, (int) (max_width * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
    }
  pango_layout_set_text (layout, text, -1);
  return layout;
}

static void
layout_size (PangoLayout *layout,
             double      *width,
             double      *height)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  if (width != NULL)
    *width = (double) logical.width / PANGO_SCALE;
  if (height != NULL)
    *height = (double) logical.height / PANGO_SCALE;
}

/* What the legend lists: the kinds of the features the map shows, in
 * the catalogue's order, then waypoints and convoys when there are. */
typedef struct
{
  CrMapPrint *self;
  GHashTable *kinds;      /* code -> CrFeatureKind, the catalogue */
  GHashTable *present;    /* codes */
  GArray *itineraries;    /* visible itinerary ids */
} Collect;

static CrKindGroup
kind_group (GHashTable *kinds,
            const char *code)
{
  CrFeatureKind *kind = code != NULL ? g_hash_table_lookup (kinds, code) : NULL;

  /* The renderer draws unknown kinds as perimeters. */
  return kind != NULL ? cr_feature_kind_get_group (kind) : CR_KIND_GROUP_PERIMETER;
}

static gboolean
collect_cb (const CrFeatureView *feature,
            gpointer             user_data)
{
  Collect *collect = user_data;
  CrMapRenderer *renderer = collect->self->renderer;
  CrKindGroup group = kind_group (collect->kinds, feature->kind);

  if (!cr_map_renderer_get_group_visible (renderer, group) ||
      (feature->kind != NULL && !cr_map_renderer_get_kind_visible (renderer, feature->kind)))
    return TRUE;
  if (!cr_map_renderer_is_active (renderer, feature->active_from, feature->active_to))
    {
      if (!cr_map_renderer_get_fade_inactive (renderer))
        return TRUE;
    }
  else if (group == CR_KIND_GROUP_ITINERARY)
    g_array_append_val (collect->itineraries, feature->id);
  g_hash_table_add (collect->present, g_strdup (feature->kind != NULL ? feature->kind : ""));
  return TRUE;
}

/* Entries in @n_columns columns, filled top to bottom. */
static void
arrange_legend (Legend *legend,
                guint   n_columns)
{
  double s = legend->scale;
  guint n = legend->entries->len;

  double tallest = 0;

  legend->n_columns = MAX (1, MIN (n_columns, MAX (n, 1)));
  legend->per_column = n == 0 ? 0 : (n + legend->n_columns - 1) / legend->n_columns;
  for (guint c = 0; c < legend->n_columns; c++)
    {
      double column = 0;

      for (guint i = c * legend->per_column; i < MIN (n, (c + 1) * legend->per_column); i++)
        column += ((LegendEntry *) g_ptr_array_index (legend->entries, i))->height;
      tallest = MAX (tallest, column);
    }
  legend->width = MAX (legend->head_width,
                       legend->n_columns * (legend->swatch_w + 6 * s + legend->max_label) +
                         (legend->n_columns - 1) * 12 * s) + 16 * s;
  legend->height = legend->head + tallest + 8 * s;
}

/* As few columns as @max_height allows. */
void
_cr_map_print_arrange_legend_in_height (Legend *legend,
                                        double  max_height)
{
  guint n = MAX (legend->entries->len, 1);

  for (guint columns = 1; columns <= n; columns++)
    {
      arrange_legend (legend, columns);
      if (legend->height <= max_height)
        return;
    }
}

/* As many columns as @max_width allows. */
void
_cr_map_print_arrange_legend_in_width (Legend *legend,
                                       double  max_width)
{
  double s = legend->scale;
  double column = legend->swatch_w + 6 * s + legend->max_label + 12 * s;

  arrange_legend (legend, (guint) MAX (1, floor ((max_width - 16 * s + 12 * s) / column)));
}

void
_cr_map_print_build_legend (CrMapPrint   *self,
                            PangoContext *context,
                            const CrBBox *bbox,
                            Legend       *legend)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) kinds = NULL;
  g_autoptr(GHashTable) by_code = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) present = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GArray) itineraries = g_array_new (FALSE, FALSE, sizeof (gint64));
  CrStore *store = cr_map_renderer_get_store (self->renderer);
  const char *language = cr_catalog_get_language (self->catalog);
  GDateTime *time = cr_map_renderer_get_time (self->renderer);
  double s = cr_map_renderer_get_scale (self->renderer);
  Collect collect = { self, by_code, present, itineraries };
  gboolean waypoints = FALSE, convoys = FALSE;
  double title_w, title_h, sub_w = 0, sub_h = 0;

  memset (legend, 0, sizeof *legend);
  legend->scale = s;
  legend->entries = g_ptr_array_new_with_free_func (legend_entry_free);
  legend->swatch_w = 28 * s;
  legend->label_w = 175 * s;

  kinds = cr_store_list_feature_kinds (store, &error);
  for (guint i = 0; kinds != NULL && i < g_list_model_get_n_items (kinds); i++)
    {
      g_autoptr(CrFeatureKind) kind = g_list_model_get_item (kinds, i);

      g_hash_table_insert (by_code, (gpointer) cr_feature_kind_get_code (kind), kind);
    }
  if (cr_map_renderer_get_event_id (self->renderer) != 0 &&
      !cr_store_foreach_feature_in_bbox (store, cr_map_renderer_get_event_id (self->renderer), bbox,
                                         collect_cb, &collect, &error))
    g_warning ("Cannot list the kinds for the legend: %s", error->message);

  for (guint i = 0; i < itineraries->len && !(waypoints && convoys); i++)
    {
      gint64 id = g_array_index (itineraries, gint64, i);
      double lon, lat;

      if (cr_store_count (store, CR_TYPE_WAYPOINT, "feature_id", id, NULL) > 0)
        waypoints = TRUE;
      if (time != NULL && cr_map_renderer_get_convoy (self->renderer, id, &lon, &lat))
        convoys = TRUE;
    }

  /* Catalogue order first, then kinds the catalogue does not know. */
  for (guint i = 0; kinds != NULL && i < g_list_model_get_n_items (kinds); i++)
    {
      g_autoptr(CrFeatureKind) kind = g_list_model_get_item (kinds, i);
      const char *label = NULL;

      if (!g_hash_table_remove (present, cr_feature_kind_get_code (kind)))
        continue;
      if (g_str_equal (language, "fr"))
        label = cr_feature_kind_get_label_fr (kind);
      else if (g_str_equal (language, "nl"))
        label = cr_feature_kind_get_label_nl (kind);
      if (label == NULL || *label == '\0')
        label = cr_feature_kind_get_label_en (kind);
      {
        LegendEntry *entry = g_new0 (LegendEntry, 1);

        entry->type = ENTRY_KIND;
        entry->kind = g_strdup (cr_feature_kind_get_code (kind));
        entry->label = g_strdup (label != NULL ? label : entry->kind);
        g_ptr_array_add (legend->entries, entry);
      }
    }
  {
    GHashTableIter iter;
    gpointer code;

    g_hash_table_iter_init (&iter, present);
    while (g_hash_table_iter_next (&iter, &code, NULL))
      {
        LegendEntry *entry = g_new0 (LegendEntry, 1);

        entry->type = ENTRY_KIND;
        entry->kind = g_strdup (code);
        entry->label = g_strdup (*(char *) code != '\0' ? code : "?");
        g_ptr_array_add (legend->entries, entry);
      }
  }
  if (waypoints)
    {
      LegendEntry *entry = g_new0 (LegendEntry, 1);

      entry->type = ENTRY_WAYPOINT;
      entry->label = g_strdup (tr (self, N_("Waypoint with planned time")));
      g_ptr_array_add (legend->entries, entry);
    }
  if (convoys)
    {
      LegendEntry *entry = g_new0 (LegendEntry, 1);

      entry->type = ENTRY_CONVOY;
      entry->label = g_strdup (tr (self, N_("Planned position of the convoy")));
      g_ptr_array_add (legend->entries, entry);
    }

  legend->title = new_layout (context, tr (self, N_("Legend")), 12.5 * s, TRUE, -1);
  layout_size (legend->title, &title_w, &title_h);
  if (time != NULL)
    {
      g_autofree char *when = cr_time_format_local (time, "%d/%m/%Y %H:%M");
      /* Translators: under the map legend; %s is a date and time. */
      g_autofree char *text = g_strdup_printf (tr (self, N_("Situation at %s")), when);

      legend->subtitle = new_layout (context, text, 10.5 * s, FALSE, legend->label_w + legend->swatch_w);
    }
  else
    legend->subtitle = new_layout (context, tr (self, N_("All phases")), 10.5 * s, FALSE, -1);
  layout_size (legend->subtitle, &sub_w, &sub_h);

  for (guint i = 0; i < legend->entries->len; i++)
    {
      LegendEntry *entry = g_ptr_array_index (legend->entries, i);
      double w, h;

      entry->layout = new_layout (context, entry->label, 11 * s, FALSE, legend->label_w);
      layout_size (entry->layout, &w, &h);
      legend->max_label = MAX (legend->max_label, w);
      entry->height = MAX (h, 14 * s) + 4 * s;
    }
  legend->head = title_h + sub_h + 8 * s;
  legend->head_width = MAX (title_w, sub_w);
  arrange_legend (legend, 1);
}

void
_cr_map_print_draw_legend (CrMapPrint *self,
                           cairo_t    *cr,
                           Legend     *legend,
                           double      x,
                           double      y)
{
  double s = legend->scale;
  double h, ey = 0, column_w = legend->swatch_w + 6 * s + legend->max_label + 12 * s;

  cairo_save (cr);
  cairo_rectangle (cr, x, y, legend->width, legend->height);
  cairo_set_source_rgba (cr, 1, 1, 1, 0.92);
  cairo_fill_preserve (cr);
  cairo_set_source_rgba (cr, 0, 0, 0, 0.35);
  cairo_set_line_width (cr, 0.75 * s);
  cairo_stroke (cr);

  cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
  cairo_move_to (cr, x + 8 * s, y + 6 * s);
  pango_cairo_show_layout (cr, legend->title);
  layout_size (legend->title, NULL, &h);
  y += 6 * s + h;
  cairo_set_source_rgb (cr, 0.3, 0.3, 0.3);
  cairo_move_to (cr, x + 8 * s, y);
  pango_cairo_show_layout (cr, legend->subtitle);
  layout_size (legend->subtitle, NULL, &h);
  y += h + 6 * s;

  for (guint i = 0; i < legend->entries->len; i++)
    {
      LegendEntry *entry = g_ptr_array_index (legend->entries, i);
      double ex = x + 8 * s + (i / legend->per_column) * column_w;
      double lh, sw = 28, sh = 14;
      double cy;

      if (i % legend->per_column == 0)
        ey = y;
      layout_size (entry->layout, NULL, &lh);
      cy = ey + MAX (lh, 14 * s) / 2;
      ey += entry->height;
      cairo_save (cr);
      cairo_new_path (cr);
      /* The swatch in map pixels, like the map itself. */
      cairo_translate (cr, ex, cy - sh * s / 2);
      cairo_scale (cr, s, s);
      switch (entry->type)
        {
        case ENTRY_KIND:
          cr_map_renderer_draw_swatch (self->renderer, cr, entry->kind, 0, 0, sw, sh);
          break;
        case ENTRY_WAYPOINT:
          cairo_arc (cr, sw / 2, sh / 2, 4, 0, 2 * G_PI);
          cairo_set_source_rgb (cr, 1, 1, 1);
          cairo_fill_preserve (cr);
          cairo_set_source_rgb (cr, 0.14, 0.15, 0.16);
          cairo_set_line_width (cr, 1.5);
          cairo_stroke (cr);
          break;
        case ENTRY_CONVOY:
          cairo_arc (cr, sw / 2, sh / 2, 6, 0, 2 * G_PI);
          cairo_set_source_rgb (cr, 1, 1, 1);
          cairo_fill_preserve (cr);
          cairo_set_source_rgb (cr, 0.2, 0.2, 0.2);
          cairo_set_line_width (cr, 2.5);
          cairo_stroke (cr);
          cairo_arc (cr, sw / 2, sh / 2, 2.5, 0, 2 * G_PI);
          cairo_fill (cr);
          break;
        default:
          g_assert_not_reached ();
        }
      cairo_restore (cr);
      cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
      cairo_move_to (cr, ex + legend->swatch_w + 6 * s, cy - lh / 2);
      pango_cairo_show_layout (cr, entry->layout);
    }
  cairo_restore (cr);
}

/* 1, 2 or 5 times a power of ten, in metres: the longest that fits. */
static double
round_length (double max_metres)
{
  double power = pow (10, floor (log10 (MAX (max_metres, 1))));

  if (5 * power <= max_metres)
    return 5 * power;
  if (2 * power <= max_metres)
    return 2 * power;
  return power;
}

void
_cr_map_print_draw_scale_bar (cairo_t            *cr,
                              PangoContext       *context,
                              const CrProjection *proj,
                              double              bottom,
                              double              s)
{
  double mpp = cr_projection_metres_per_pixel (proj);
  double metres = round_length (MIN (130 * s, proj->width / 4) * mpp);
  double length = metres / mpp;
  double x = 10 * s, bar_h = 5 * s;
  g_autofree char *text = NULL;
  g_autoptr(PangoLayout) layout = NULL;
  double tw, th, y;

  if (metres >= 1000)
    text = g_strdup_printf ("%g km", metres / 1000);
  else
    text = g_strdup_printf ("%g m", metres);
  layout = new_layout (context, text, 10.5 * s, FALSE, -1);
  layout_size (layout, &tw, &th);
  y = bottom - bar_h - th - 10 * s;

  cairo_save (cr);
  cairo_rectangle (cr, x, y, MAX (length, tw) + 16 * s, th + bar_h + 14 * s);
  cairo_set_source_rgba (cr, 1, 1, 1, 0.85);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
  cairo_move_to (cr, x + 8 * s, y + 4 * s);
  pango_cairo_show_layout (cr, layout);
  y += th + 6 * s;
  /* Two halves, black and white, as on paper maps. */
  cairo_rectangle (cr, x + 8 * s, y, length / 2, bar_h);
  cairo_fill (cr);
  cairo_rectangle (cr, x + 8 * s, y, length, bar_h);
  cairo_set_line_width (cr, 1 * s);
  cairo_stroke (cr);
  cairo_restore (cr);
}

void
_cr_map_print_draw_north_arrow (cairo_t      *cr,
                                PangoContext *context,
                                double        s)
{
  g_autoptr(PangoLayout) layout = new_layout (context, "N", 12 * s, TRUE, -1);
  double cx = 26 * s, cy = 30 * s, tw, th;

  layout_size (layout, &tw, &th);
  cairo_save (cr);
  cairo_arc (cr, cx, cy, 19 * s, 0, 2 * G_PI);
  cairo_set_source_rgba (cr, 1, 1, 1, 0.85);
  cairo_fill_preserve (cr);
  cairo_set_source_rgba (cr, 0, 0, 0, 0.35);
  cairo_set_line_width (cr, 0.75 * s);
  cairo_stroke (cr);
  /* Web Mercator: north is straight up everywhere on the map. */
  cairo_move_to (cr, cx, cy - 4 * s);
  cairo_line_to (cr, cx + 6 * s, cy + 14 * s);
  cairo_line_to (cr, cx, cy + 10 * s);
  cairo_close_path (cr);
  cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
  cairo_fill (cr);
  cairo_move_to (cr, cx, cy - 4 * s);
  cairo_line_to (cr, cx - 6 * s, cy + 14 * s);
  cairo_line_to (cr, cx, cy + 10 * s);
  cairo_close_path (cr);
  cairo_set_line_width (cr, 1 * s);
  cairo_stroke (cr);
  cairo_move_to (cr, cx - tw / 2, cy - 5 * s - th);
  pango_cairo_show_layout (cr, layout);
  cairo_restore (cr);
}

void
_cr_map_print_draw_attribution (CrMapPrint         *self,
                                cairo_t            *cr,
                                PangoContext       *context,
                                const CrProjection *proj,
                                double              s)
{
  const char *basemap = self->mbtiles != NULL ? cr_mbtiles_get_attribution (self->mbtiles) : NULL;
  g_autofree char *text = NULL;
  g_autoptr(PangoLayout) layout = NULL;
  double tw, th, x, y;

  if (basemap == NULL && self->mbtiles != NULL)
    basemap = cr_mbtiles_get_name (self->mbtiles);
  if (basemap != NULL && *basemap != '\0')
    text = g_strdup_printf ("%s · Crisis Room", basemap);
  else
    text = g_strdup ("Crisis Room");
  layout = new_layout (context, text, 9.5 * s, FALSE, proj->width * 0.6);
  pango_layout_set_alignment (layout, PANGO_ALIGN_RIGHT);
  layout_size (layout, &tw, &th);
  x = proj->width - tw - 10 * s;
  y = proj->height - th - 6 * s;
  cairo_save (cr);
  cairo_rectangle (cr, x - 4 * s, y - 2 * s, tw + 8 * s, th + 4 * s);
  cairo_set_source_rgba (cr, 1, 1, 1, 0.8);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, 0.25, 0.25, 0.25);
  /* The layout is as wide as its width limit; its text sits on the right. */
  cairo_move_to (cr, x - (proj->width * 0.6 - tw), y);
  pango_cairo_show_layout (cr, layout);
  cairo_restore (cr);
}
