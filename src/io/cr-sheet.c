/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cr-sheet"

#include "config.h"

#include <glib/gi18n.h>

#include "cr-sheet-private.h"

/**
 * CrSheet:
 *
 * The operational sheet of an event: what each partner needs to run it
 * on paper. A first page with the title block and the map, then the
 * roles, each partner's SPOC chain, a communications plan, the
 * itinerary timetables and the lists of perimeters and points.
 *
 * It is written in the language the options ask for, whatever the
 * language of the interface: its strings are marked with N_() and looked
 * up in a #CrCatalog. The same pages go to a PDF file, to a printer, or
 * to the tests.
 *
 * Radio channels and talkgroups of the communications plan come, for
 * each role, from the first of: a "radio:" or "talkgroup:" line in the
 * notes of the role's contact; a "radio" or "talkgroup" property, or such
 * a line in the notes, of the role's sector (a feature); such a line in
 * the partner's notes.
 *
 * A sheet reads the store when made; it belongs to the thread that made
 * it, like the store.
 */

G_DEFINE_FINAL_TYPE (CrSheet, cr_sheet, G_TYPE_OBJECT)

const char *
_cr_sheet_tr (CrSheet    *self,
              const char *msgid)
{
  return cr_catalog_gettext (self->catalog, msgid);
}

void
cr_sheet_options_clear (CrSheetOptions *options)
{
  g_clear_pointer (&options->at, g_date_time_unref);
  g_clear_pointer (&options->language, g_free);
  g_clear_pointer (&options->classification, g_free);
  g_clear_pointer (&options->basemap_mbtiles, g_free);
}

void
cr_sheet_options_copy (const CrSheetOptions *options,
                       CrSheetOptions       *copy)
{
  *copy = *options;
  copy->at = options->at != NULL ? g_date_time_ref (options->at) : NULL;
  copy->language = g_strdup (options->language);
  copy->classification = g_strdup (options->classification);
  copy->basemap_mbtiles = g_strdup (options->basemap_mbtiles);
}

SheetBlock *
_cr_sheet_block_new (SheetBlockType  type,
                     const char     *markup)
{
  SheetBlock *block = g_new0 (SheetBlock, 1);

  block->type = type;
  block->markup = g_strdup (markup);
  return block;
}

void
_cr_sheet_block_free (gpointer data)
{
  SheetBlock *block = data;

  g_free (block->markup);
  g_strfreev (block->titles);
  g_free (block->weights);
  g_free (block->widths);
  g_clear_pointer (&block->rows, g_ptr_array_unref);
  g_free (block);
}

static void
setup_map (CrSheet *self)
{
  g_autoptr(CrMapRenderer) renderer = cr_map_renderer_new (self->store);

  cr_map_renderer_set_event_id (renderer, self->options.event_id);
  cr_map_renderer_set_time (renderer, self->options.at);
  /* On paper a faded zone reads as a real one: what is not active at
   * the chosen time is left out. */
  cr_map_renderer_set_fade_inactive (renderer, FALSE);
  self->map = cr_map_print_new (renderer);
  cr_map_print_set_catalog (self->map, self->catalog);
  cr_map_print_set_basemap (self->map, self->mbtiles);
}

static void
cr_sheet_dispose (GObject *object)
{
  CrSheet *self = CR_SHEET (object);

  g_clear_object (&self->map);
  g_clear_object (&self->mbtiles);
  g_clear_object (&self->catalog);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (cr_sheet_parent_class)->dispose (object);
}

static void
cr_sheet_finalize (GObject *object)
{
  CrSheet *self = CR_SHEET (object);
  SheetTitle *title = &self->title;

  cr_sheet_options_clear (&self->options);
  g_clear_pointer (&self->blocks, g_ptr_array_unref);
  g_clear_pointer (&self->pages, g_ptr_array_unref);
  g_free (title->event_name);
  g_free (title->kind_status);
  g_free (title->dates);
  g_free (title->description);
  g_free (title->map_time);
  g_free (title->version);
  g_free (title->generated);
  g_free (title->classification);

  G_OBJECT_CLASS (cr_sheet_parent_class)->finalize (object);
}

static void
cr_sheet_class_init (CrSheetClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cr_sheet_dispose;
  object_class->finalize = cr_sheet_finalize;
}

static void
cr_sheet_init (CrSheet *self)
{
  self->blocks = g_ptr_array_new_with_free_func (_cr_sheet_block_free);
  self->pages = g_ptr_array_new_with_free_func (_cr_sheet_page_free);
}

/**
 * cr_sheet_new:
 *
 * Reads the event, its roles, partners, contacts and features, and lays
 * the sheet out on pages. Fails when the event is gone, the language has
 * no translation, or the offline basemap cannot be opened.
 *
 * Returns: (transfer full): the sheet, or %NULL with @error set
 */
CrSheet *
cr_sheet_new (CrStore              *store,
              const CrSheetOptions *options,
              GError              **error)
{
  g_autoptr(CrSheet) self = NULL;
  g_autoptr(CrEvent) event = NULL;

  g_return_val_if_fail (CR_IS_STORE (store), NULL);
  g_return_val_if_fail (options != NULL, NULL);

  self = g_object_new (CR_TYPE_SHEET, NULL);
  self->store = g_object_ref (store);
  cr_sheet_options_copy (options, &self->options);

  if (options->language == NULL)
    self->catalog = cr_catalog_new_for_ui ();
  else if ((self->catalog = cr_catalog_new_for_language (options->language, error)) == NULL)
    return NULL;
  if (options->basemap_mbtiles != NULL &&
      (self->mbtiles = cr_mbtiles_open (options->basemap_mbtiles, error)) == NULL)
    return NULL;
  event = cr_store_get (store, CR_TYPE_EVENT, options->event_id, error);
  if (event == NULL)
    return NULL;
  if (!_cr_sheet_build (self, event, error))
    return NULL;
  setup_map (self);
  _cr_sheet_paginate (self);
  return g_steal_pointer (&self);
}

/**
 * cr_sheet_get_catalog:
 *
 * Returns: (transfer none): the language the sheet is written in
 */
CrCatalog *
cr_sheet_get_catalog (CrSheet *self)
{
  g_return_val_if_fail (CR_IS_SHEET (self), NULL);

  return self->catalog;
}

guint
cr_sheet_get_n_pages (CrSheet *self)
{
  g_return_val_if_fail (CR_IS_SHEET (self), 0);

  return self->pages->len;
}

/* In points. */
void
cr_sheet_get_page_size (CrSheet *self,
                        guint    page,
                        double  *width,
                        double  *height)
{
  SheetPage *p;

  g_return_if_fail (CR_IS_SHEET (self));
  g_return_if_fail (page < self->pages->len);

  p = g_ptr_array_index (self->pages, page);
  *width = p->width;
  *height = p->height;
}

gboolean
cr_sheet_page_is_map (CrSheet *self,
                      guint    page)
{
  g_return_val_if_fail (CR_IS_SHEET (self), FALSE);
  g_return_val_if_fail (page < self->pages->len, FALSE);

  return ((SheetPage *) g_ptr_array_index (self->pages, page))->is_map;
}

/**
 * cr_sheet_draw_page:
 * @cr: a context whose units are points, with (0, 0) at the top left
 *   corner of the paper
 *
 * Draws one page: the same for a PDF file and a printer.
 */
void
cr_sheet_draw_page (CrSheet *self,
                    cairo_t *cr,
                    guint    page)
{
  g_return_if_fail (CR_IS_SHEET (self));
  g_return_if_fail (cr != NULL);
  g_return_if_fail (page < self->pages->len);

  _cr_sheet_draw_page (self, cr, page);
}

/**
 * cr_sheet_get_map_projection:
 * @x: (out): the map's left edge on its page, in points
 * @y: (out): its top edge
 * @scale: (out): points per map pixel
 * @projection: (out): the projection, in map pixels
 *
 * Where the map went, once its page is drawn: a point at @projection's
 * (px, py) is at (@x + px × @scale, @y + py × @scale) on the page.
 */
gboolean
cr_sheet_get_map_projection (CrSheet      *self,
                             double       *x,
                             double       *y,
                             double       *scale,
                             CrProjection *projection)
{
  g_return_val_if_fail (CR_IS_SHEET (self), FALSE);

  if (!self->map_drawn)
    return FALSE;
  *x = self->map_x;
  *y = self->map_y;
  *scale = self->map_scale;
  *projection = self->map_projection;
  return TRUE;
}
