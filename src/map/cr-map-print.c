/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cr-map"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <gdk/gdk.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>
#include <unistd.h>

#include "cr-map-print-private.h"

/**
 * CrMapPrint:
 *
 * The map as a document: the event's features drawn by the window's own
 * #CrMapRenderer into any cairo context — a PDF page, a printer, a PNG —
 * fitted to the event (or to a given view), over an offline MBTiles
 * basemap painted at the zoom the page needs, with a legend of the kinds
 * shown, a scale bar, a north arrow and the attribution.
 *
 * Everything is vector except the basemap tiles: on a PDF surface the
 * zones, lines, labels and legend stay sharp at any zoom.
 *
 * Sizes are given in the context's units (points on a page, pixels in an
 * image) with @scale, the size of one map pixel in those units: the map
 * projection, the renderer and the decorations all work in map pixels,
 * so the same drawing gets bigger or smaller as a whole.
 *
 * Online basemaps are not drawn: a document must not depend on the
 * network, and tile servers forbid bulk downloads for printing.
 */
G_DEFINE_FINAL_TYPE (CrMapPrint, cr_map_print, G_TYPE_OBJECT)

#define TILE_SIZE 256.0
#define MAX_FIT_ZOOM 18.0
#define MAX_TILES 600
#define LABEL_ROOM 0.1
/* Brussels, for an event without any feature yet. */
#define DEFAULT_LAT 50.8467
#define DEFAULT_LON 4.3525
#define DEFAULT_ZOOM 12.0

static void
cr_map_print_dispose (GObject *object)
{
  CrMapPrint *self = CR_MAP_PRINT (object);

  g_clear_object (&self->renderer);
  g_clear_object (&self->reference);
  g_clear_object (&self->mbtiles);
  g_clear_object (&self->catalog);

  G_OBJECT_CLASS (cr_map_print_parent_class)->dispose (object);
}

static void
cr_map_print_class_init (CrMapPrintClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = cr_map_print_dispose;
}

static void
cr_map_print_init (CrMapPrint *self)
{
  self->decorations = CR_MAP_PRINT_ALL;
}


static cairo_surface_t *
decode_tile (GBytes *bytes)
{
  g_autoptr(GdkPixbufLoader) loader = NULL;
  CrMbtilesFormat format = cr_mbtiles_sniff_format (bytes);
  GdkPixbuf *pixbuf;

  /* By its bytes, not by the MIME database, which a sandbox may lack. */
  if (format == CR_MBTILES_FORMAT_PNG)
    loader = gdk_pixbuf_loader_new_with_mime_type ("image/png", NULL);
  else if (format == CR_MBTILES_FORMAT_JPEG)
    loader = gdk_pixbuf_loader_new_with_mime_type ("image/jpeg", NULL);
  if (loader == NULL)
    return NULL;
  cairo_surface_t *surface;
  cairo_t *cr;

  if (!gdk_pixbuf_loader_write_bytes (loader, bytes, NULL) || !gdk_pixbuf_loader_close (loader, NULL))
    return NULL;
  pixbuf = gdk_pixbuf_loader_get_pixbuf (loader);
  if (pixbuf == NULL)
    return NULL;
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, gdk_pixbuf_get_width (pixbuf),
                                        gdk_pixbuf_get_height (pixbuf));
  cr = cairo_create (surface);
  gdk_cairo_set_source_pixbuf (cr, pixbuf, 0, 0);
  cairo_paint (cr);
  cairo_destroy (cr);
  return surface;
}

static double
mercator_y (double world,
            double lat)
{
  double s = sin (CLAMP (lat, -85.0511287798, 85.0511287798) * G_PI / 180.0);

  return (0.5 - log ((1.0 + s) / (1.0 - s)) / (4.0 * G_PI)) * world;
}

/* The offline basemap's tiles at the zoom nearest to the page's, put
 * together into one image first: a single image has no seams between
 * tiles in PDF viewers, and is one object in the file. */
static void
draw_basemap (CrMapPrint         *self,
              cairo_t            *cr,
              const CrProjection *proj)
{
  int z = (int) floor (proj->zoom + 0.5);
  int x0, x1, y0, y1, n;
  double f, tile, origin_x, origin_y;
  cairo_surface_t *mosaic;
  cairo_t *mcr;
  guint drawn = 0;

  z = CLAMP (z, (int) cr_mbtiles_get_min_zoom (self->mbtiles), (int) cr_mbtiles_get_max_zoom (self->mbtiles));
  f = pow (2, proj->zoom - z);
  tile = TILE_SIZE * f;
  n = 1 << z;
  origin_x = (proj->center_lon + 180.0) / 360.0 * proj->world - proj->width / 2;
  origin_y = mercator_y (proj->world, proj->center_lat) - proj->height / 2;
  x0 = MAX (0, (int) floor (origin_x / tile));
  y0 = MAX (0, (int) floor (origin_y / tile));
  x1 = MIN (n - 1, (int) floor ((origin_x + proj->width) / tile));
  y1 = MIN (n - 1, (int) floor ((origin_y + proj->height) / tile));
  if (x1 < x0 || y1 < y0 || (x1 - x0 + 1) * (y1 - y0 + 1) > MAX_TILES)
    return;

  mosaic = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (x1 - x0 + 1) * (int) TILE_SIZE,
                                       (y1 - y0 + 1) * (int) TILE_SIZE);
  mcr = cairo_create (mosaic);
  cairo_set_source_rgb (mcr, 1, 1, 1);
  cairo_paint (mcr);
  for (int y = y0; y <= y1; y++)
    for (int x = x0; x <= x1; x++)
      {
        g_autoptr(GError) error = NULL;
        g_autoptr(GBytes) bytes = NULL;
        cairo_surface_t *image;

        if (!cr_mbtiles_covers (self->mbtiles, z, x, y))
          continue;
        bytes = cr_mbtiles_get_tile (self->mbtiles, z, x, y, &error);
        if (bytes == NULL)
          {
            if (error != NULL)
              g_warning ("%s", error->message);
            continue;
          }
        image = decode_tile (bytes);
        if (image == NULL)
          continue;
        cairo_save (mcr);
        cairo_translate (mcr, (x - x0) * TILE_SIZE, (y - y0) * TILE_SIZE);
        cairo_scale (mcr, TILE_SIZE / cairo_image_surface_get_width (image),
                     TILE_SIZE / cairo_image_surface_get_height (image));
        cairo_set_source_surface (mcr, image, 0, 0);
        cairo_paint (mcr);
        cairo_restore (mcr);
        cairo_surface_destroy (image);
        drawn++;
      }
  cairo_destroy (mcr);

  if (drawn > 0)
    {
      cairo_save (cr);
      cairo_rectangle (cr, 0, 0, proj->width, proj->height);
      cairo_clip (cr);
      cairo_translate (cr, x0 * tile - origin_x, y0 * tile - origin_y);
      cairo_scale (cr, f, f);
      cairo_set_source_surface (cr, mosaic, 0, 0);
      cairo_pattern_set_filter (cairo_get_source (cr), CAIRO_FILTER_GOOD);
      cairo_paint (cr);
      cairo_restore (cr);
    }
  cairo_surface_destroy (mosaic);
}

/* The event fitted into the part of the map the legend leaves free. */
static void
fit_to_event (CrMapPrint   *self,
              double        width,
              double        height,
              double        reserved_right,
              double        reserved_bottom,
              CrProjection *proj)
{
  CrStore *store = cr_map_renderer_get_store (self->renderer);
  gint64 event_id = cr_map_renderer_get_event_id (self->renderer);
  g_autoptr(GError) error = NULL;
  double s = cr_map_renderer_get_scale (self->renderer);
  double margin = MAX (24 * s, 0.04 * MIN (width, height));
  /* Labels go to the right of points and waypoints: room for them too. */
  double avail = MAX (width - reserved_right - LABEL_ROOM * width, width / 2);
  double avail_h = MAX (height - reserved_bottom, height / 2);
  CrProjection fit;
  CrBBox bbox;
  double lon, lat;

  if (event_id == 0 || !cr_store_get_event_extent (store, event_id, &bbox, &error))
    {
      if (error != NULL)
        g_warning ("Cannot read the extent of the event: %s", error->message);
      cr_projection_init (proj, DEFAULT_LON, DEFAULT_LAT, DEFAULT_ZOOM, width, height, TILE_SIZE);
      return;
    }
  cr_projection_init_fit (&fit, &bbox, avail, avail_h, TILE_SIZE, margin, MAX_FIT_ZOOM);
  /* Same zoom and top left corner, full size: the centre moves right
   * or down. */
  cr_projection_to_lonlat (&fit, width / 2, height / 2, &lon, &lat);
  cr_projection_init (proj, lon, lat, fit.zoom, width, height, TILE_SIZE);
}

static void
event_bbox (CrMapPrint *self,
            CrBBox     *bbox)
{
  CrStore *store = cr_map_renderer_get_store (self->renderer);
  gint64 event_id = cr_map_renderer_get_event_id (self->renderer);

  if (event_id == 0 || !cr_store_get_event_extent (store, event_id, bbox, NULL))
    {
      bbox->min_x = bbox->max_x = DEFAULT_LON;
      bbox->min_y = bbox->max_y = DEFAULT_LAT;
    }
}

/**
 * cr_map_print_draw:
 * @cr: where to draw, from (0, 0)
 * @width: the map's width, in @cr's units
 * @height: its height
 * @scale: the size of a map pixel in @cr's units: 0.75 draws a page at
 *   the size a screen shows it (a pixel is 0.75 pt); 2 makes an image
 *   twice as big as the screen, for slides
 * @projection: (out) (optional): the projection used, in map pixels (multiply by @scale)
 *
 * Draws the basemap, the features and the decorations, clipped to the
 * rectangle. Safe in a worker thread when the renderer's store belongs to it.
 *
 * Returns: %FALSE when the size is too small to draw anything
 */
gboolean
cr_map_print_draw (CrMapPrint   *self,
                   cairo_t      *cr,
                   double        width,
                   double        height,
                   double        scale,
                   CrProjection *projection)
{
  PangoContext *context;
  Legend legend = { 0 };
  CrProjection proj;
  CrBBox bbox;
  double pw, ph, s, legend_x, legend_y, scale_bottom;
  gboolean with_legend;

  g_return_val_if_fail (CR_IS_MAP_PRINT (self), FALSE);
  g_return_val_if_fail (cr != NULL, FALSE);
  g_return_val_if_fail (scale > 0, FALSE);

  pw = width / scale;
  ph = height / scale;
  if (pw < 16 || ph < 16)
    return FALSE;
  s = cr_map_renderer_get_scale (self->renderer);
  with_legend = (self->decorations & CR_MAP_PRINT_LEGEND) != 0;

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_clip (cr);
  cairo_scale (cr, scale, scale);
  context = pango_cairo_create_context (cr);

  legend_x = legend_y = 10 * s;
  scale_bottom = ph - 10 * s;
  if (self->has_view)
    {
      cr_projection_init (&proj, self->view.center_lon, self->view.center_lat, self->view.zoom, pw,
                          ph, self->view.tile_size);
      cr_projection_get_bbox (&proj, 0, &bbox);
      if (with_legend)
        {
          _cr_map_print_build_legend (self, context, &bbox, &legend);
          _cr_map_print_arrange_legend_in_height (&legend, ph - 20 * s);
          legend_x = pw - legend.width - 10 * s;
        }
    }
  else if (with_legend)
    {
      CrProjection right, below;
      double band;

      /* Beside the event or under it, whichever leaves it bigger. */
      event_bbox (self, &bbox);
      _cr_map_print_build_legend (self, context, &bbox, &legend);
      _cr_map_print_arrange_legend_in_width (&legend, pw - 20 * s);
      band = legend.height + 32 * s;
      fit_to_event (self, pw, ph, 0, band, &below);
      _cr_map_print_arrange_legend_in_height (&legend, ph - 20 * s);
      fit_to_event (self, pw, ph, legend.width + 10 * s, 0, &right);
      if (below.zoom > right.zoom + 0.01)
        {
          _cr_map_print_arrange_legend_in_width (&legend, pw - 20 * s);
          proj = below;
          legend_x = pw - legend.width - 10 * s;
          legend_y = ph - 26 * s - legend.height;
          /* The scale bar above the legend when they do not fit side by side. */
          if (legend.width + 190 * s > pw)
            scale_bottom = legend_y - 6 * s;
        }
      else
        {
          proj = right;
          legend_x = pw - legend.width - 10 * s;
        }
    }
  else
    {
      event_bbox (self, &bbox);
      fit_to_event (self, pw, ph, 0, 0, &proj);
    }

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  if (self->mbtiles != NULL)
    draw_basemap (self, cr, &proj);
  if (self->reference != NULL)
    cr_map_renderer_draw (self->reference, cr, &proj);
  cr_map_renderer_draw (self->renderer, cr, &proj);

  if (with_legend)
    _cr_map_print_draw_legend (self, cr, &legend, legend_x, legend_y);
  if (self->decorations & CR_MAP_PRINT_SCALE_BAR)
    _cr_map_print_draw_scale_bar (cr, context, &proj, scale_bottom, s);
  if (self->decorations & CR_MAP_PRINT_NORTH_ARROW)
    _cr_map_print_draw_north_arrow (cr, context, s);
  if (self->decorations & CR_MAP_PRINT_ATTRIBUTION)
    _cr_map_print_draw_attribution (self, cr, context, &proj, s);
  if (self->decorations & CR_MAP_PRINT_FRAME)
    {
      cairo_rectangle (cr, 0, 0, pw, ph);
      cairo_set_source_rgb (cr, 0.2, 0.2, 0.2);
      cairo_set_line_width (cr, 1.5 * s);
      cairo_stroke (cr);
    }

  _cr_map_print_legend_clear (&legend);
  g_object_unref (context);
  cairo_restore (cr);
  if (projection != NULL)
    *projection = proj;
  return TRUE;
}

/**
 * cr_map_print_write_png:
 * @scale: the size of a map pixel in image pixels, e.g. from
 *   cr_map_print_png_scale()
 *
 * Writes the map as a PNG image of @width × @height pixels, under a
 * temporary name renamed when complete: a failed export leaves nothing
 * half-written, and an older image of that name as it was.
 */
gboolean
cr_map_print_write_png (CrMapPrint  *self,
                        const char  *path,
                        int          width,
                        int          height,
                        double       scale,
                        GError     **error)
{
  g_autofree char *tmp = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  int fd, saved;

  g_return_val_if_fail (CR_IS_MAP_PRINT (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (width > 0 && height > 0, FALSE);

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
    {
      cairo_surface_destroy (surface);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE,
                   _("An image of %d × %d pixels is too big. Choose a smaller size."), width,
                   height);
      return FALSE;
    }
  cr = cairo_create (surface);
  cr_map_print_draw (self, cr, width, height, scale, NULL);
  cairo_destroy (cr);

  tmp = g_strdup_printf ("%s.XXXXXX", path);
  fd = g_mkstemp_full (tmp, O_RDWR, 0644);
  if (fd < 0)
    {
      saved = errno;
      cairo_surface_destroy (surface);
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Cannot write “%s”: %s. Choose another folder."), path, g_strerror (saved));
      return FALSE;
    }
  close (fd);
  status = cairo_surface_write_to_png (surface, tmp);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_unlink (tmp);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Cannot write “%s”: %s. Free some space or choose another folder."), path,
                   cairo_status_to_string (status));
      return FALSE;
    }
  if (g_rename (tmp, path) != 0)
    {
      saved = errno;
      g_unlink (tmp);
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Cannot write “%s”: %s. Choose another folder."), path, g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}

/* Lines and labels that read on a slide: an image as big as a 1280 × 720
 * screen magnified. */
double
cr_map_print_png_scale (int width,
                        int height)
{
  return MAX (1.0, MIN (width / 1280.0, height / 720.0));
}

/* "1920x1080" (or with ×): TRUE when both are between 16 and 10000. */
gboolean
cr_map_print_parse_size (const char *text,
                         int        *width,
                         int        *height)
{
  char *end;
  gint64 w, h;

  if (text == NULL)
    return FALSE;
  w = g_ascii_strtoll (text, &end, 10);
  if (end == text)
    return FALSE;
  if (*end == 'x' || *end == 'X')
    end++;
  else if (g_str_has_prefix (end, "×"))
    end += strlen ("×");
  else
    return FALSE;
  text = end;
  h = g_ascii_strtoll (text, &end, 10);
  if (end == text || *end != '\0' || w < 16 || h < 16 || w > 10000 || h > 10000)
    return FALSE;
  *width = (int) w;
  *height = (int) h;
  return TRUE;
}

/**
 * cr_map_print_new:
 * @renderer: draws the features: its event, time, scale and the kinds
 *   and groups it shows are what gets printed
 *
 * Returns: (transfer full): a new map printer
 */
CrMapPrint *
cr_map_print_new (CrMapRenderer *renderer)
{
  CrMapPrint *self;

  g_return_val_if_fail (CR_IS_MAP_RENDERER (renderer), NULL);

  self = g_object_new (CR_TYPE_MAP_PRINT, NULL);
  self->renderer = g_object_ref (renderer);
  self->catalog = cr_catalog_new_for_ui ();
  return self;
}

CrMapRenderer *
cr_map_print_get_renderer (CrMapPrint *self)
{
  g_return_val_if_fail (CR_IS_MAP_PRINT (self), NULL);

  return self->renderer;
}

/* Region-wide reference layers drawn under the event, as in the window. */
void
cr_map_print_set_reference (CrMapPrint    *self,
                            CrMapRenderer *reference)
{
  g_return_if_fail (CR_IS_MAP_PRINT (self));
  g_return_if_fail (reference == NULL || CR_IS_MAP_RENDERER (reference));

  g_set_object (&self->reference, reference);
}

/* An offline basemap; %NULL draws a plain white background. */
void
cr_map_print_set_basemap (CrMapPrint *self,
                          CrMbtiles  *mbtiles)
{
  g_return_if_fail (CR_IS_MAP_PRINT (self));
  g_return_if_fail (mbtiles == NULL || CR_IS_MBTILES (mbtiles));

  g_set_object (&self->mbtiles, mbtiles);
}

/* The language of the legend; the interface's by default. */
void
cr_map_print_set_catalog (CrMapPrint *self,
                          CrCatalog  *catalog)
{
  g_return_if_fail (CR_IS_MAP_PRINT (self));
  g_return_if_fail (CR_IS_CATALOG (catalog));

  g_set_object (&self->catalog, catalog);
}

/**
 * cr_map_print_set_view:
 * @view: (nullable): a view to keep the centre and zoom of (the window's
 *   map), or %NULL to fit the event
 */
void
cr_map_print_set_view (CrMapPrint         *self,
                       const CrProjection *view)
{
  g_return_if_fail (CR_IS_MAP_PRINT (self));

  self->has_view = view != NULL;
  if (view != NULL)
    self->view = *view;
}

void
cr_map_print_set_decorations (CrMapPrint            *self,
                              CrMapPrintDecorations  decorations)
{
  g_return_if_fail (CR_IS_MAP_PRINT (self));

  self->decorations = decorations;
}
