/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cr-report"

#include "config.h"

#include <glib/gi18n.h>
#include <cairo-pdf.h>
#include <errno.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "cr-report-pdf.h"
#include "cr-time.h"

/* The PDF is laid out twice: once into a stream that goes nowhere, to
 * count the pages, then for real, so every foot says "Page n of N". Both
 * passes lay out on the same kind of surface, so they break pages at the
 * same places. The second goes into memory, then to the file in one go,
 * as the text reports do: a failed or cancelled export leaves what was
 * there before, or nothing. */

#define PAGE_WIDTH 595.276 /* A4, in points */
#define PAGE_HEIGHT 841.890
#define MARGIN_SIDE 56.7  /* 20 mm */
#define MARGIN_TOP 56.7
#define MARGIN_BOTTOM 70.0 /* room for the foot */
#define CELL_PADDING 3.0

#define FONT_TITLE "Sans Bold 17"
#define FONT_LINE "Sans 10"
#define FONT_HEADING "Sans Bold 12.5"
#define FONT_BODY "Sans 9.5"
#define FONT_TABLE "Sans 8.5"
#define FONT_TABLE_HEADER "Sans Bold 8.5"
#define FONT_FOOT "Sans 8"

G_DEFINE_QUARK (cr-report-error-quark, cr_report_error)

typedef enum
{
  BLOCK_LINE,
  BLOCK_HEADING,
  BLOCK_PARAGRAPH,
  BLOCK_TABLE,
  BLOCK_ROW,
  BLOCK_END_TABLE,
} BlockType;

typedef struct
{
  BlockType type;
  char **cells; /* one markup for a line, heading or paragraph */
  guint n_columns;
  double *widths; /* of a table, fractions of the text width */
} Block;

struct _CrReportDoc
{
  char *title;
  GArray *blocks;
  guint n_columns; /* of the open table, 0 outside one */
};

typedef struct
{
  CrReportDoc *doc;
  cairo_t *cr;
  guint page;
  guint n_pages; /* 0 while counting */
  double y;
  const Block *table; /* its header repeats at the top of a new page */
  GCancellable *cancellable;
} Layout;

static void
block_clear (gpointer data)
{
  Block *block = data;

  g_strfreev (block->cells);
  g_free (block->widths);
}

CrReportFormat
cr_report_format_for_path (const char *path)
{
  g_autofree char *lower = NULL;

  g_return_val_if_fail (path != NULL, CR_REPORT_FORMAT_UNKNOWN);

  lower = g_ascii_strdown (path, -1);
  if (g_str_has_suffix (lower, ".pdf"))
    return CR_REPORT_FORMAT_PDF;
  if (g_str_has_suffix (lower, ".csv"))
    return CR_REPORT_FORMAT_CSV;
  if (g_str_has_suffix (lower, ".md") || g_str_has_suffix (lower, ".markdown") ||
      g_str_has_suffix (lower, ".txt"))
    return CR_REPORT_FORMAT_MARKDOWN;
  return CR_REPORT_FORMAT_UNKNOWN;
}

/**
 * cr_report_format_time:
 *
 * A time as reports show it: local Brussels time with its zone, so a
 * reader can tell 02:30 CEST from 02:30 CET on the night the clocks go
 * back ("2024-10-27 02:30 CEST").
 *
 * Returns: (transfer full): the text; a dash for %NULL
 */
char *
cr_report_format_time (GDateTime *dt)
{
  if (dt == NULL)
    return g_strdup ("–");
  return cr_time_format_local (dt, "%Y-%m-%d %H:%M %Z");
}

static gboolean
write_error (GError    **error,
             const char *path,
             GError     *cause)
{
  g_set_error (error, CR_REPORT_ERROR, CR_REPORT_ERROR_WRITE,
               _("The report could not be written to “%s” (%s). "
                 "Choose a folder you may write to, with free space."),
               path, cause != NULL ? cause->message : g_strerror (EIO));
  return FALSE;
}

/**
 * cr_report_write_text:
 *
 * Writes @text to @path in one go: the file is either all there or as it
 * was.
 */
gboolean
cr_report_write_text (const char *path,
                      const char *text,
                      gssize      length,
                      GError    **error)
{
  g_autoptr(GError) local_error = NULL;

  /* Reports carry operators' names and what the logbook says of people:
   * readable by their owner only, like the database. */
  if (!g_file_set_contents_full (path, text, length, G_FILE_SET_CONTENTS_CONSISTENT, 0600, &local_error))
    return write_error (error, path, local_error);
  return TRUE;
}

CrReportDoc *
cr_report_doc_new (const char *title)
{
  CrReportDoc *doc = g_new0 (CrReportDoc, 1);

  doc->title = g_strdup (title);
  doc->blocks = g_array_new (FALSE, TRUE, sizeof (Block));
  g_array_set_clear_func (doc->blocks, block_clear);
  return doc;
}

void
cr_report_doc_free (CrReportDoc *doc)
{
  if (doc == NULL)
    return;
  g_free (doc->title);
  g_array_unref (doc->blocks);
  g_free (doc);
}

static void
add_block (CrReportDoc *doc,
           BlockType    type,
           const char  *markup)
{
  Block block = { type, NULL, 1, NULL };

  block.cells = g_new0 (char *, 2);
  block.cells[0] = g_strdup (markup);
  g_array_append_val (doc->blocks, block);
}

/* A line under the title: the period, the operator… */
void
cr_report_doc_add_line (CrReportDoc *doc,
                        const char  *markup)
{
  g_return_if_fail (doc != NULL && doc->n_columns == 0);

  add_block (doc, BLOCK_LINE, markup);
}

void
cr_report_doc_add_heading (CrReportDoc *doc,
                           const char  *text)
{
  g_autofree char *markup = g_markup_escape_text (text, -1);

  g_return_if_fail (doc != NULL && doc->n_columns == 0);

  add_block (doc, BLOCK_HEADING, markup);
}

void
cr_report_doc_add_paragraph (CrReportDoc *doc,
                             const char  *markup)
{
  g_return_if_fail (doc != NULL && doc->n_columns == 0);

  add_block (doc, BLOCK_PARAGRAPH, markup);
}

/**
 * cr_report_doc_begin_table:
 * @widths: (array length=n_columns): the share of the text width of each
 *   column; they add up to 1
 * @headers: (array length=n_columns): the column titles, plain text
 */
void
cr_report_doc_begin_table (CrReportDoc       *doc,
                           guint              n_columns,
                           const double      *widths,
                           const char *const *headers)
{
  Block block = { BLOCK_TABLE, NULL, n_columns, NULL };

  g_return_if_fail (doc != NULL && doc->n_columns == 0 && n_columns > 0);

  block.cells = g_new0 (char *, n_columns + 1);
  for (guint i = 0; i < n_columns; i++)
    block.cells[i] = g_markup_escape_text (headers[i], -1);
  block.widths = g_memdup2 (widths, n_columns * sizeof (double));
  g_array_append_val (doc->blocks, block);
  doc->n_columns = n_columns;
}

/* @cells: as many markup texts as the table has columns. */
void
cr_report_doc_add_row (CrReportDoc       *doc,
                       const char *const *cells)
{
  Block block = { BLOCK_ROW, NULL, 0, NULL };

  g_return_if_fail (doc != NULL && doc->n_columns > 0);

  block.n_columns = doc->n_columns;
  block.cells = g_new0 (char *, doc->n_columns + 1);
  for (guint i = 0; i < doc->n_columns; i++)
    block.cells[i] = g_strdup (cells[i] != NULL ? cells[i] : "");
  g_array_append_val (doc->blocks, block);
}

void
cr_report_doc_end_table (CrReportDoc *doc)
{
  Block block = { BLOCK_END_TABLE, NULL, 0, NULL };

  g_return_if_fail (doc != NULL && doc->n_columns > 0);

  g_array_append_val (doc->blocks, block);
  doc->n_columns = 0;
}

/* ---- Layout ---- */

static PangoLayout *
make_layout (Layout     *l,
             const char *font,
             const char *markup,
             double      width)
{
  PangoLayout *layout = pango_cairo_create_layout (l->cr);
  g_autoptr(PangoFontDescription) desc = pango_font_description_from_string (font);

  pango_layout_set_font_description (layout, desc);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_markup (layout, markup, -1);
  return layout;
}

static double
text_width (void)
{
  return PAGE_WIDTH - 2 * MARGIN_SIDE;
}

static void
draw_foot (Layout *l)
{
  g_autofree char *page = NULL;
  g_autofree char *title = NULL;
  g_autoptr(PangoLayout) left = NULL;
  g_autoptr(PangoLayout) right = NULL;
  int w, h;

  if (l->n_pages == 0)
    return;
  /* Translators: at the foot of every page of a report. */
  page = g_strdup_printf (_("Page %u of %u"), l->page, l->n_pages);
  title = g_markup_escape_text (l->doc->title, -1);
  left = make_layout (l, FONT_FOOT, title, text_width () * 0.75);
  right = make_layout (l, FONT_FOOT, page, text_width () * 0.25);
  pango_layout_set_alignment (right, PANGO_ALIGN_RIGHT);
  pango_layout_set_ellipsize (left, PANGO_ELLIPSIZE_END);
  pango_layout_get_pixel_size (left, &w, &h);

  cairo_save (l->cr);
  cairo_set_source_rgb (l->cr, 0.4, 0.4, 0.4);
  cairo_set_line_width (l->cr, 0.5);
  cairo_move_to (l->cr, MARGIN_SIDE, PAGE_HEIGHT - MARGIN_BOTTOM + 18);
  cairo_line_to (l->cr, PAGE_WIDTH - MARGIN_SIDE, PAGE_HEIGHT - MARGIN_BOTTOM + 18);
  cairo_stroke (l->cr);
  cairo_move_to (l->cr, MARGIN_SIDE, PAGE_HEIGHT - MARGIN_BOTTOM + 24);
  pango_cairo_show_layout (l->cr, left);
  cairo_move_to (l->cr, MARGIN_SIDE + text_width () * 0.75, PAGE_HEIGHT - MARGIN_BOTTOM + 24);
  pango_cairo_show_layout (l->cr, right);
  cairo_restore (l->cr);
}

static void draw_row (Layout      *l,
                      const Block *row,
                      const Block *table,
                      gboolean     header);

static void
new_page (Layout *l)
{
  draw_foot (l);
  cairo_show_page (l->cr);
  l->page++;
  l->y = MARGIN_TOP;
  if (l->table != NULL)
    draw_row (l, l->table, l->table, TRUE);
}

static double
bottom (void)
{
  return PAGE_HEIGHT - MARGIN_BOTTOM;
}

/* Draws @layout line by line at the left margin, going to a new page
 * where a line does not fit. */
static void
flow_layout (Layout      *l,
             PangoLayout *layout)
{
  PangoLayoutIter *iter = pango_layout_get_iter (layout);

  do
    {
      PangoRectangle logical;
      double height, baseline;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      height = (double) logical.height / PANGO_SCALE;
      baseline = (double) (pango_layout_iter_get_baseline (iter) - logical.y) / PANGO_SCALE;
      if (l->y + height > bottom () && l->y > MARGIN_TOP)
        new_page (l);
      cairo_move_to (l->cr, MARGIN_SIDE + (double) logical.x / PANGO_SCALE, l->y + baseline);
      pango_cairo_show_layout_line (l->cr, pango_layout_iter_get_line_readonly (iter));
      l->y += height;
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
}

static void
draw_row (Layout      *l,
          const Block *row,
          const Block *table,
          gboolean     header)
{
  g_autoptr(GPtrArray) layouts = g_ptr_array_new_with_free_func (g_object_unref);
  double height = 0, x = MARGIN_SIDE;

  for (guint i = 0; i < table->n_columns; i++)
    {
      double width = text_width () * table->widths[i] - 2 * CELL_PADDING;
      PangoLayout *layout = make_layout (l, header ? FONT_TABLE_HEADER : FONT_TABLE, row->cells[i],
                                         width);
      int w, h;

      pango_layout_get_pixel_size (layout, &w, &h);
      height = MAX (height, h + 2 * CELL_PADDING);
      g_ptr_array_add (layouts, layout);
    }
  /* A row taller than a page is cut at the foot rather than lost. */
  if (l->y + height > bottom () && l->y > MARGIN_TOP + 1)
    {
      new_page (l);
      if (header)
        return;
    }

  cairo_save (l->cr);
  if (header)
    {
      cairo_set_source_rgb (l->cr, 0.90, 0.90, 0.90);
      cairo_rectangle (l->cr, MARGIN_SIDE, l->y, text_width (), height);
      cairo_fill (l->cr);
    }
  cairo_set_source_rgb (l->cr, 0, 0, 0);
  for (guint i = 0; i < layouts->len; i++)
    {
      cairo_move_to (l->cr, x + CELL_PADDING, l->y + CELL_PADDING);
      pango_cairo_show_layout (l->cr, g_ptr_array_index (layouts, i));
      x += text_width () * table->widths[i];
    }
  cairo_set_source_rgb (l->cr, 0.75, 0.75, 0.75);
  cairo_set_line_width (l->cr, 0.4);
  cairo_move_to (l->cr, MARGIN_SIDE, l->y + height);
  cairo_line_to (l->cr, MARGIN_SIDE + text_width (), l->y + height);
  cairo_stroke (l->cr);
  cairo_restore (l->cr);
  l->y += height;
}

static void
draw_text_block (Layout     *l,
                 const char *font,
                 const char *markup,
                 double      space_before,
                 double      space_after,
                 double      keep_with_next)
{
  g_autoptr(PangoLayout) layout = make_layout (l, font, markup, text_width ());
  int w, h;

  pango_layout_get_pixel_size (layout, &w, &h);
  if (l->y > MARGIN_TOP)
    l->y += space_before;
  /* A heading does not stay alone at the foot of a page. */
  if (keep_with_next > 0 && l->y + h + keep_with_next > bottom () && l->y > MARGIN_TOP)
    new_page (l);
  flow_layout (l, layout);
  l->y += space_after;
}

/* Lays the whole document out; returns the number of pages, or 0 when
 * cancelled. */
static guint
layout_document (Layout *l)
{
  g_autofree char *title = g_markup_escape_text (l->doc->title, -1);

  l->page = 1;
  l->y = MARGIN_TOP;
  l->table = NULL;
  cairo_set_source_rgb (l->cr, 0, 0, 0);
  draw_text_block (l, FONT_TITLE, title, 0, 6, 0);
  for (guint i = 0; i < l->doc->blocks->len; i++)
    {
      const Block *block = &g_array_index (l->doc->blocks, Block, i);

      if (i % 64 == 0 && g_cancellable_is_cancelled (l->cancellable))
        return 0;
      switch (block->type)
        {
        case BLOCK_LINE:
          draw_text_block (l, FONT_LINE, block->cells[0], 0, 1, 0);
          break;
        case BLOCK_HEADING:
          draw_text_block (l, FONT_HEADING, block->cells[0], 12, 4, 48);
          break;
        case BLOCK_PARAGRAPH:
          draw_text_block (l, FONT_BODY, block->cells[0], 0, 4, 0);
          break;
        case BLOCK_TABLE:
          if (l->y + 48 > bottom ())
            new_page (l);
          l->table = block;
          draw_row (l, block, block, TRUE);
          break;
        case BLOCK_ROW:
          g_assert (l->table != NULL);
          draw_row (l, block, l->table, FALSE);
          break;
        case BLOCK_END_TABLE:
          l->table = NULL;
          l->y += 6;
          break;
        default:
          g_assert_not_reached ();
        }
    }
  draw_foot (l);
  cairo_show_page (l->cr);
  return l->page;
}

static cairo_status_t
discard_cb (void                *closure,
            const unsigned char *data,
            unsigned int         length)
{
  return CAIRO_STATUS_SUCCESS;
}

static cairo_status_t
append_cb (void                *closure,
           const unsigned char *data,
           unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static guint
run_layout (CrReportDoc     *doc,
            cairo_surface_t *surface,
            guint            n_pages,
            GCancellable    *cancellable)
{
  Layout l = { doc, NULL, 0, n_pages, 0, NULL, cancellable };
  guint pages;

  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, doc->title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Crisis Room " PACKAGE_VERSION);
  l.cr = cairo_create (surface);
  pages = layout_document (&l);
  cairo_destroy (l.cr);
  cairo_surface_finish (surface);
  return pages;
}

/**
 * cr_report_doc_write_pdf:
 *
 * Writes the document as an A4 PDF. May run in a worker thread.
 *
 * Returns: %FALSE with @error set (%G_IO_ERROR_CANCELLED when cancelled);
 *   the file is then as it was
 */
gboolean
cr_report_doc_write_pdf (CrReportDoc  *doc,
                         const char   *path,
                         GCancellable *cancellable,
                         GError      **error)
{
  g_autoptr(GByteArray) pdf = g_byte_array_new ();
  cairo_surface_t *surface;
  cairo_status_t status;
  guint n_pages;

  g_return_val_if_fail (doc != NULL && doc->n_columns == 0, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  surface = cairo_pdf_surface_create_for_stream (discard_cb, NULL, PAGE_WIDTH, PAGE_HEIGHT);
  n_pages = run_layout (doc, surface, 0, cancellable);
  cairo_surface_destroy (surface);
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  g_assert (n_pages > 0);

  surface = cairo_pdf_surface_create_for_stream (append_cb, pdf, PAGE_WIDTH, PAGE_HEIGHT);
  run_layout (doc, surface, n_pages, cancellable);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_autoptr(GError) cause = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_FAILED,
                                                     cairo_status_to_string (status));

      return write_error (error, path, cause);
    }
  return cr_report_write_text (path, (const char *) pdf->data, pdf->len, error);
}
