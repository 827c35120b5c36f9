/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cr-sheet"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "cr-sheet-private.h"

/* The pages of the sheet: the first one with the title block and the
 * map, then the sections flowing over as many pages as they need, a
 * table breaking between rows with its header repeated, a heading never
 * left alone at the bottom of a page; a running header, and the page
 * numbers in the footer.
 *
 * Text is measured with unhinted metrics at 72 dpi, so one point is one
 * unit and the pages break the same way on a PDF surface, on a printer
 * and in the tests. */

#define A4_SHORT 595.276
#define A4_LONG 841.890
#define A3_LONG 1190.551

#define MARGIN_X 40.0
#define MARGIN_TOP 46.0
#define MARGIN_BOTTOM 46.0
#define HEADER_Y 24.0
#define FOOTER_GAP 22.0

#define FONT_FAMILY "Cantarell, Sans"
#define BODY_SIZE 8.5
#define TABLE_HEAD_SIZE 8.0
#define HEADING_SIZE 13.0
#define SUBHEADING_SIZE 10.5
#define SMALL_SIZE 7.5

#define CELL_PAD_X 3.5
#define CELL_PAD_Y 3.0
#define HEADING_SPACE 14.0
#define BLOCK_SPACE 5.0
#define TABLE_SPACE 8.0
#define DESCRIPTION_LINES 4
#define SMALL_TABLE 0.4

/* Points per map pixel: the map reads as on a screen at 96 dpi. */
#define MAP_SCALE 0.75

static void
configure_context (PangoContext *context)
{
  cairo_font_options_t *options = cairo_font_options_create ();

  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, options);
  cairo_font_options_destroy (options);
  pango_cairo_context_set_resolution (context, 72);
  pango_context_set_round_glyph_positions (context, FALSE);
}

static PangoContext *
context_for (cairo_t *cr)
{
  PangoContext *context = pango_cairo_create_context (cr);

  configure_context (context);
  return context;
}

static PangoContext *
measuring_context (void)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_A8, 1, 1);
  cairo_t *cr = cairo_create (surface);
  PangoContext *context = context_for (cr);

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return context;
}

static PangoLayout *
text_layout (PangoContext *context,
             const char   *text,
             gboolean      markup,
             double        size,
             gboolean      bold,
             double        width)
{
  PangoLayout *layout = pango_layout_new (context);
  PangoFontDescription *font = pango_font_description_from_string (FONT_FAMILY);

  pango_font_description_set_size (font, size * PANGO_SCALE);
  if (bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  if (width > 0)
    {
      pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
    }
  if (markup)
    pango_layout_set_markup (layout, text != NULL ? text : "", -1);
  else
    pango_layout_set_text (layout, text != NULL ? text : "", -1);
  /* A hyphen added where an e-mail address or a name breaks would be
   * read as part of it. */
  {
    PangoAttrList *attrs = pango_layout_get_attributes (layout);

    attrs = attrs != NULL ? pango_attr_list_copy (attrs) : pango_attr_list_new ();
    pango_attr_list_insert (attrs, pango_attr_insert_hyphens_new (FALSE));
    pango_layout_set_attributes (layout, attrs);
    pango_attr_list_unref (attrs);
  }
  return layout;
}

static double
layout_height (PangoLayout *layout)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  return (double) logical.height / PANGO_SCALE;
}

static double
layout_width (PangoLayout *layout)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  return (double) logical.width / PANGO_SCALE;
}

static void
show (cairo_t     *cr,
      PangoLayout *layout,
      double       x,
      double       y)
{
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

void
_cr_sheet_page_free (gpointer data)
{
  SheetPage *page = data;

  g_array_unref (page->placed);
  g_free (page);
}

static SheetPage *
add_page (CrSheet  *self,
          double    width,
          double    height,
          gboolean  is_map)
{
  SheetPage *page = g_new0 (SheetPage, 1);

  page->width = width;
  page->height = height;
  page->is_map = is_map;
  page->placed = g_array_new (FALSE, TRUE, sizeof (SheetPlaced));
  g_ptr_array_add (self->pages, page);
  return page;
}

static double
content_width (double page_width)
{
  return page_width - 2 * MARGIN_X;
}

static double
column_width (SheetBlock *table,
              guint       column,
              double      width)
{
  double total = 0;

  if (table->widths != NULL)
    return table->widths[column];
  for (guint i = 0; i < table->n_columns; i++)
    total += fabs (table->weights[i]);
  return width * fabs (table->weights[column]) / total;
}

/* The layout of a text block, or of a table's title for "(continued)". */
static PangoLayout *
block_layout (CrSheet      *self,
              PangoContext *context,
              SheetBlock   *block,
              double        width)
{
  switch (block->type)
    {
    case SHEET_BLOCK_HEADING:
      return text_layout (context, block->markup, FALSE, HEADING_SIZE, TRUE, width);
    case SHEET_BLOCK_SUBHEADING:
      return text_layout (context, block->markup, TRUE, SUBHEADING_SIZE, TRUE, width);
    case SHEET_BLOCK_PARAGRAPH:
      return text_layout (context, block->markup, TRUE, BODY_SIZE, FALSE, width);
    case SHEET_BLOCK_NOTE:
      {
        g_autofree char *markup = g_strdup_printf ("<span foreground='#555555'>%s</span>",
                                                   block->markup);

        return text_layout (context, markup, TRUE, BODY_SIZE, FALSE, width);
      }
    case SHEET_BLOCK_TABLE:
      {
        g_autofree char *escaped = g_markup_escape_text (block->markup ? block->markup : "", -1);
        /* Translators: above the rest of a table on the next page. */
        g_autofree char *text = g_strdup_printf (_cr_sheet_tr (self, N_("%s (continued)")), escaped);
        g_autofree char *markup = g_strdup_printf ("<i>%s</i>", text);

        return text_layout (context, markup, TRUE, BODY_SIZE, FALSE, width);
      }
    default:
      g_assert_not_reached ();
    }
}

static PangoLayout *
cell_layout (PangoContext *context,
             const char   *markup,
             double        width,
             gboolean      header)
{
  return text_layout (context, markup, !header, header ? TABLE_HEAD_SIZE : BODY_SIZE, header,
                      MAX (width - 2 * CELL_PAD_X, 1));
}

/* A row of a group (a partner's contacts) that starts a page shows the
 * group's name again, and may be taller for it. */
static gboolean
shows_group_label (SheetRow *row)
{
  return row->group_label != NULL && (row->cells[0] == NULL || *row->cells[0] == '\0');
}

static double
row_height (SheetRow *row,
            gboolean  first_on_page)
{
  return first_on_page ? row->height_first : row->height;
}

/* The widest word of a cell: where it would have to break inside a word. */
static double
widest_word (PangoContext *context,
             const char   *text,
             gboolean      header)
{
  g_autoptr(PangoLayout) layout = NULL;

  if (text == NULL || *text == '\0')
    return 0;
  layout = text_layout (context, text, !header, header ? TABLE_HEAD_SIZE : BODY_SIZE, header, 1);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD);
  return layout_width (layout) + 2 * CELL_PAD_X + 1;
}

/* The columns' widths: as their weights share @width, but a column
 * whose words do not fit ("Plaatsvervanger", a phone number) takes up
 * to twice its share from those that have room to spare, none of which
 * goes below half its share or its own longest word. A column of e-mail
 * addresses (a negative weight) breaks inside them instead. */
static void
lay_out_columns (PangoContext *context,
                 SheetBlock   *table,
                 double        width)
{
  guint n = table->n_columns;
  g_autofree double *share = g_new0 (double, n);
  g_autofree double *need = g_new0 (double, n);
  double extra = 0, room = 0;

  g_clear_pointer (&table->widths, g_free);
  for (guint c = 0; c < n; c++)
    {
      share[c] = column_width (table, c, width);
      if (table->weights[c] < 0)
        continue;
      need[c] = widest_word (context, table->titles[c], TRUE);
      for (guint r = 0; r < table->rows->len; r++)
        {
          SheetRow *row = g_ptr_array_index (table->rows, r);

          need[c] = MAX (need[c], widest_word (context, row->cells[c], FALSE));
        }
      need[c] = MIN (need[c], 2 * share[c]);
      if (need[c] > share[c])
        extra += need[c] - share[c];
      else
        room += share[c] - MAX (need[c], share[c] / 2);
    }
  table->widths = g_new0 (double, n);
  for (guint c = 0; c < n; c++)
    {
      if (need[c] > share[c])
        table->widths[c] = share[c] + (need[c] - share[c]) * (extra > room ? room / extra : 1);
      else if (room > 0)
        table->widths[c] = share[c] - (share[c] - MAX (need[c], share[c] / 2)) * MIN (extra / room, 1);
      else
        table->widths[c] = share[c];
    }
}

/* Measures every text block and table row for the text pages' width. */
static void
measure (CrSheet      *self,
         PangoContext *context,
         double        width)
{
  for (guint i = 0; i < self->blocks->len; i++)
    {
      SheetBlock *block = g_ptr_array_index (self->blocks, i);
      g_autoptr(PangoLayout) layout = block_layout (self, context, block, width);

      if (block->type != SHEET_BLOCK_TABLE)
        {
          block->height = layout_height (layout);
          continue;
        }
      lay_out_columns (context, block, width);
      block->height = 0;
      for (guint c = 0; c < block->n_columns; c++)
        {
          g_autoptr(PangoLayout) cell = cell_layout (context, block->titles[c],
                                                     column_width (block, c, width), TRUE);

          block->height = MAX (block->height, layout_height (cell) + 2 * CELL_PAD_Y);
        }
      for (guint r = 0; r < block->rows->len; r++)
        {
          SheetRow *row = g_ptr_array_index (block->rows, r);

          row->height = 0;
          for (guint c = 0; c < block->n_columns; c++)
            {
              g_autoptr(PangoLayout) cell = cell_layout (context, row->cells[c],
                                                         column_width (block, c, width), FALSE);

              row->height = MAX (row->height, layout_height (cell) + 2 * CELL_PAD_Y);
            }
          row->height_first = row->height;
          if (shows_group_label (row))
            {
              g_autoptr(PangoLayout) cell = cell_layout (context, row->group_label,
                                                         column_width (block, 0, width), FALSE);

              row->height_first = MAX (row->height, layout_height (cell) + 2 * CELL_PAD_Y);
            }
        }
    }
}

static double
table_height (SheetBlock *table)
{
  double height = table->height;

  for (guint r = 0; r < table->rows->len; r++)
    height += row_height (g_ptr_array_index (table->rows, r), r == 0);
  return height;
}

/* A table this small (a convoy's timetable) is not split: it goes whole
 * to the next page when it does not fit. */
static gboolean
is_small_table (SheetBlock *table,
                double      page_height)
{
  return table->type == SHEET_BLOCK_TABLE && table_height (table) <= SMALL_TABLE * page_height;
}

/* What must fit with a block for it not to end a page alone. */
static double
keep_height (CrSheet *self,
             guint    index,
             double   page_height)
{
  SheetBlock *block;

  if (index >= self->blocks->len)
    return 0;
  block = g_ptr_array_index (self->blocks, index);
  switch (block->type)
    {
    case SHEET_BLOCK_TABLE:
      if (is_small_table (block, page_height))
        return table_height (block);
      return block->height +
             (block->rows->len > 0 ? row_height (g_ptr_array_index (block->rows, 0), TRUE) : 0);
    case SHEET_BLOCK_SUBHEADING:
      return HEADING_SPACE / 2 + block->height + BLOCK_SPACE + keep_height (self, index + 1, page_height);
    case SHEET_BLOCK_NOTE:
      /* An itinerary's line goes with its timetable. */
      if (index + 1 < self->blocks->len &&
          ((SheetBlock *) g_ptr_array_index (self->blocks, index + 1))->type == SHEET_BLOCK_TABLE)
        return block->height + BLOCK_SPACE + keep_height (self, index + 1, page_height);
      return block->height;
    case SHEET_BLOCK_HEADING:
    case SHEET_BLOCK_PARAGRAPH:
    default:
      return block->height;
    }
}

static void
place (SheetPage  *page,
       SheetBlock *block,
       double      y,
       guint       first_row,
       guint       end_row,
       gboolean    continued)
{
  SheetPlaced placed = { block, first_row, end_row, continued, y };

  g_array_append_val (page->placed, placed);
}

/* The event's description does not fit in the title block: it gets a
 * section of its own on the first text page. */
static void
add_full_description (CrSheet      *self,
                      PangoContext *context,
                      double        map_page_width)
{
  g_autoptr(PangoLayout) layout = NULL;
  g_autofree char *escaped = NULL;

  if (self->title.description == NULL || *self->title.description == '\0')
    return;
  layout = text_layout (context, self->title.description, FALSE, BODY_SIZE, FALSE,
                        content_width (map_page_width));
  if (pango_layout_get_line_count (layout) <= DESCRIPTION_LINES)
    return;
  escaped = g_markup_escape_text (self->title.description, -1);
  g_ptr_array_insert (self->blocks, 0, _cr_sheet_block_new (SHEET_BLOCK_PARAGRAPH, escaped));
  g_ptr_array_insert (self->blocks, 0,
                      _cr_sheet_block_new (SHEET_BLOCK_HEADING, _cr_sheet_tr (self, N_("Event"))));
}

void
_cr_sheet_paginate (CrSheet *self)
{
  PangoContext *context = measuring_context ();
  gboolean landscape = self->options.landscape;
  double page_w = landscape ? A4_LONG : A4_SHORT;
  double page_h = landscape ? A4_SHORT : A4_LONG;
  double map_w = self->options.a3_map ? A3_LONG : page_w;
  double map_h = self->options.a3_map ? A4_LONG : page_h;
  double width = content_width (page_w);
  double top = MARGIN_TOP, bottom = page_h - MARGIN_BOTTOM;
  SheetPage *page;
  double y;

  g_ptr_array_set_size (self->pages, 0);
  add_page (self, map_w, map_h, TRUE);
  add_full_description (self, context, map_w);
  measure (self, context, width);

  page = add_page (self, page_w, page_h, FALSE);
  y = top;
  for (guint i = 0; i < self->blocks->len; i++)
    {
      SheetBlock *block = g_ptr_array_index (self->blocks, i);
      double before = 0, after = BLOCK_SPACE;

      if (block->type == SHEET_BLOCK_HEADING)
        before = y > top ? HEADING_SPACE : 0;
      else if (block->type == SHEET_BLOCK_SUBHEADING)
        before = y > top ? HEADING_SPACE / 2 : 0;

      if (block->type != SHEET_BLOCK_TABLE)
        {
          double need = before + block->height + after;

          if (block->type == SHEET_BLOCK_HEADING || block->type == SHEET_BLOCK_SUBHEADING)
            need += keep_height (self, i + 1, bottom - top);
          else if (block->type == SHEET_BLOCK_NOTE)
            need = before + keep_height (self, i, bottom - top);
          if (y + need > bottom && y > top)
            {
              page = add_page (self, page_w, page_h, FALSE);
              y = top;
              before = 0;
            }
          y += before;
          place (page, block, y, 0, 0, FALSE);
          y += block->height + after;
          continue;
        }

      /* A table: as many rows as fit, then the rest on the next page
       * under its title "(continued)" and its header again. */
      {
        guint r = 0, n = block->rows->len;
        gboolean continued = FALSE;
        g_autoptr(PangoLayout) title = block_layout (self, context, block, width);
        double title_h = layout_height (title) + BLOCK_SPACE;

        if (is_small_table (block, bottom - top) && y + table_height (block) > bottom && y > top)
          {
            page = add_page (self, page_w, page_h, FALSE);
            y = top;
          }

        while (r < n || (n == 0 && !continued))
          {
            double head = block->height + (continued ? title_h : 0);
            double first = r < n ? row_height (g_ptr_array_index (block->rows, r), TRUE) : 0;
            guint start = r;
            double row_y;

            if (y + head + first > bottom && y > top)
              {
                page = add_page (self, page_w, page_h, FALSE);
                y = top;
                continued = r > 0;
                head = block->height + (continued ? title_h : 0);
              }
            row_y = y + head;
            while (r < n)
              {
                SheetRow *row = g_ptr_array_index (block->rows, r);

                double h = row_height (row, r == start);

                /* A row taller than a page goes alone, clipped, rather
                 * than never. */
                if (row_y + h > bottom && r > start)
                  break;
                row_y += h;
                r++;
              }
            place (page, block, y, start, r, continued);
            y = row_y + TABLE_SPACE;
            if (r < n)
              {
                page = add_page (self, page_w, page_h, FALSE);
                y = top;
                continued = TRUE;
              }
            else
              break;
          }
      }
    }
  g_object_unref (context);
}

static void
set_hex (cairo_t *cr,
         guint32  rgb)
{
  cairo_set_source_rgb (cr, ((rgb >> 16) & 0xff) / 255.0, ((rgb >> 8) & 0xff) / 255.0,
                        (rgb & 0xff) / 255.0);
}

static void
hline (cairo_t *cr,
       double   x1,
       double   x2,
       double   y,
       double   width,
       guint32  rgb)
{
  cairo_move_to (cr, x1, y);
  cairo_line_to (cr, x2, y);
  cairo_set_line_width (cr, width);
  set_hex (cr, rgb);
  cairo_stroke (cr);
}

static void
draw_table (CrSheet      *self,
            cairo_t      *cr,
            PangoContext *context,
            SheetPlaced  *placed,
            double        width)
{
  SheetBlock *table = placed->block;
  double y = placed->y;
  double x;

  if (placed->continued)
    {
      g_autoptr(PangoLayout) title = block_layout (self, context, table, width);

      set_hex (cr, 0x555555);
      show (cr, title, MARGIN_X, y);
      y += layout_height (title) + BLOCK_SPACE;
    }

  cairo_rectangle (cr, MARGIN_X, y, width, table->height);
  set_hex (cr, 0xdeddda);
  cairo_fill (cr);
  x = MARGIN_X;
  for (guint c = 0; c < table->n_columns; c++)
    {
      double w = column_width (table, c, width);
      g_autoptr(PangoLayout) cell = cell_layout (context, table->titles[c], w, TRUE);

      set_hex (cr, 0x241f31);
      show (cr, cell, x + CELL_PAD_X, y + CELL_PAD_Y);
      x += w;
    }
  y += table->height;
  hline (cr, MARGIN_X, MARGIN_X + width, y, 0.8, 0x77767b);

  for (guint r = placed->first_row; r < placed->end_row; r++)
    {
      SheetRow *row = g_ptr_array_index (table->rows, r);
      double h = row_height (row, r == placed->first_row);

      if (row->shaded)
        {
          cairo_rectangle (cr, MARGIN_X, y, width, h);
          set_hex (cr, 0xf4f4f2);
          cairo_fill (cr);
        }
      x = MARGIN_X;
      for (guint c = 0; c < table->n_columns; c++)
        {
          double w = column_width (table, c, width);
          const char *text = row->cells[c];
          g_autoptr(PangoLayout) cell = NULL;

          if (c == 0 && r == placed->first_row && shows_group_label (row))
            text = row->group_label;
          if (text != NULL && *text != '\0')
            {
              cell = cell_layout (context, text, w, FALSE);
              set_hex (cr, 0x1e1e1e);
              cairo_save (cr);
              cairo_rectangle (cr, x, y, w, h);
              cairo_clip (cr);
              show (cr, cell, x + CELL_PAD_X, y + CELL_PAD_Y);
              cairo_restore (cr);
            }
          x += w;
        }
      y += h;
      hline (cr, MARGIN_X, MARGIN_X + width, y, 0.4, 0xc0bfbc);
    }
}

static void
draw_footer (CrSheet      *self,
             cairo_t      *cr,
             PangoContext *context,
             SheetPage    *page,
             guint         index)
{
  double width = content_width (page->width);
  double y = page->height - MARGIN_BOTTOM + FOOTER_GAP / 2;
  /* Translators: the page number at the bottom of each page of the sheet. */
  g_autofree char *number = g_strdup_printf (_cr_sheet_tr (self, N_("Page %u of %u")), index + 1,
                                             self->pages->len);
  g_autofree char *left = g_strdup_printf ("%s · %s", self->title.version, self->title.generated);
  g_autoptr(PangoLayout) right = text_layout (context, number, FALSE, BODY_SIZE, TRUE, -1);
  double right_w = layout_width (right);
  g_autoptr(PangoLayout) info = text_layout (context, left, FALSE, SMALL_SIZE, FALSE,
                                             width - right_w - 12);

  hline (cr, MARGIN_X, MARGIN_X + width, y - 4, 0.5, 0x9a9996);
  set_hex (cr, 0x5e5c64);
  show (cr, info, MARGIN_X, y);
  set_hex (cr, 0x1e1e1e);
  show (cr, right, MARGIN_X + width - right_w, y);
}

static void
draw_header (CrSheet      *self,
             cairo_t      *cr,
             PangoContext *context,
             SheetPage    *page)
{
  double width = content_width (page->width);
  g_autoptr(PangoLayout) classification = text_layout (context, self->title.classification, FALSE,
                                                       SMALL_SIZE + 0.5, TRUE, -1);
  double class_w = MIN (layout_width (classification), width / 2);
  g_autoptr(PangoLayout) name = text_layout (context, self->title.event_name, FALSE,
                                             SMALL_SIZE + 0.5, TRUE, width - class_w - 16);

  pango_layout_set_ellipsize (name, PANGO_ELLIPSIZE_END);
  pango_layout_set_height (name, 0);
  set_hex (cr, 0x241f31);
  show (cr, name, MARGIN_X, HEADER_Y);
  set_hex (cr, 0xa51d2d);
  show (cr, classification, MARGIN_X + width - layout_width (classification), HEADER_Y);
  hline (cr, MARGIN_X, MARGIN_X + width, HEADER_Y + layout_height (name) + 3, 0.5, 0x9a9996);
}

/* The title block: what this paper is, for which event, of when. */
static double
draw_title (CrSheet      *self,
            cairo_t      *cr,
            PangoContext *context,
            SheetPage    *page)
{
  SheetTitle *title = &self->title;
  double width = content_width (page->width);
  double y = 28, x = MARGIN_X, h;
  g_autofree char *kind_upper = g_utf8_strup (_cr_sheet_tr (self, N_("Operational sheet")), -1);
  g_autofree char *class_upper = g_utf8_strup (title->classification, -1);
  g_autoptr(PangoLayout) label = text_layout (context, kind_upper, FALSE, SMALL_SIZE + 0.5, TRUE, -1);
  g_autoptr(PangoLayout) classification = text_layout (context, class_upper, FALSE, 9, TRUE,
                                                       width / 2);
  g_autoptr(PangoLayout) name = NULL;
  g_autoptr(PangoLayout) line = NULL;
  g_autoptr(PangoLayout) description = NULL;
  g_autoptr(PangoLayout) map_time = NULL;
  g_autoptr(PangoLayout) meta = NULL;
  g_autofree char *dates = g_strdup_printf ("%s · %s", title->kind_status, title->dates);
  g_autofree char *meta_text = g_strdup_printf ("%s\n%s", title->version, title->generated);
  double class_w = layout_width (classification), class_h = layout_height (classification);

  /* The distribution line, boxed, where the eye lands first. */
  cairo_rectangle (cr, x + width - class_w - 10, y - 3, class_w + 10, class_h + 6);
  cairo_set_line_width (cr, 1.2);
  set_hex (cr, 0xa51d2d);
  cairo_stroke (cr);
  show (cr, classification, x + width - class_w - 5, y);
  set_hex (cr, 0x5e5c64);
  show (cr, label, x, y);
  y += MAX (layout_height (label), class_h) + 6;

  name = text_layout (context, title->event_name, FALSE, 18, TRUE, width);
  set_hex (cr, 0x1e1e1e);
  show (cr, name, x, y);
  y += layout_height (name) + 2;

  line = text_layout (context, dates, FALSE, 9.5, FALSE, width);
  set_hex (cr, 0x241f31);
  show (cr, line, x, y);
  y += layout_height (line) + 4;

  if (title->description != NULL && *title->description != '\0')
    {
      description = text_layout (context, title->description, FALSE, BODY_SIZE, FALSE, width);
      pango_layout_set_height (description, -DESCRIPTION_LINES);
      pango_layout_set_ellipsize (description, PANGO_ELLIPSIZE_END);
      set_hex (cr, 0x3d3846);
      show (cr, description, x, y);
      y += layout_height (description) + 5;
    }

  meta = text_layout (context, meta_text, FALSE, SMALL_SIZE, FALSE, width * 0.55);
  pango_layout_set_alignment (meta, PANGO_ALIGN_RIGHT);
  {
    g_autofree char *text = NULL;

    if (title->no_phones)
      text = g_strdup_printf ("<b>%s</b>\n<span foreground='#5e5c64'>%s</span>", title->map_time,
                              _cr_sheet_tr (self, N_("Phone numbers left out for wide distribution.")));
    else
      text = g_strdup_printf ("<b>%s</b>", title->map_time);
    map_time = text_layout (context, text, TRUE, 9, FALSE, width * 0.45);
  }
  set_hex (cr, 0x1e1e1e);
  show (cr, map_time, x, y);
  set_hex (cr, 0x5e5c64);
  show (cr, meta, x + width * 0.45, y);
  h = MAX (layout_height (map_time), layout_height (meta));
  return y + h + 6;
}

static void
draw_map_page (CrSheet      *self,
               cairo_t      *cr,
               PangoContext *context,
               SheetPage    *page)
{
  double width = content_width (page->width);
  double y = draw_title (self, cr, context, page);
  double height = page->height - MARGIN_BOTTOM - 4 - y;
  CrProjection projection;

  cairo_save (cr);
  cairo_translate (cr, MARGIN_X, y);
  if (cr_map_print_draw (self->map, cr, width, height, MAP_SCALE, &projection))
    {
      self->map_drawn = TRUE;
      self->map_x = MARGIN_X;
      self->map_y = y;
      self->map_scale = MAP_SCALE;
      self->map_projection = projection;
    }
  cairo_restore (cr);
}

void
_cr_sheet_draw_page (CrSheet *self,
                     cairo_t *cr,
                     guint    index)
{
  SheetPage *page = g_ptr_array_index (self->pages, index);
  PangoContext *context;
  double width = content_width (page->width);

  cairo_save (cr);
  context = context_for (cr);
  if (page->is_map)
    draw_map_page (self, cr, context, page);
  else
    {
      draw_header (self, cr, context, page);
      for (guint i = 0; i < page->placed->len; i++)
        {
          SheetPlaced *placed = &g_array_index (page->placed, SheetPlaced, i);
          SheetBlock *block = placed->block;
          g_autoptr(PangoLayout) layout = NULL;

          if (block->type == SHEET_BLOCK_TABLE)
            {
              draw_table (self, cr, context, placed, width);
              continue;
            }
          layout = block_layout (self, context, block, width);
          set_hex (cr, block->type == SHEET_BLOCK_HEADING ? 0x1a5fb4 : 0x1e1e1e);
          show (cr, layout, MARGIN_X, placed->y);
          if (block->type == SHEET_BLOCK_HEADING)
            hline (cr, MARGIN_X, MARGIN_X + width, placed->y + block->height + 1.5, 0.8, 0x1a5fb4);
        }
    }
  draw_footer (self, cr, context, page, index);
  g_object_unref (context);
  cairo_restore (cr);
}
