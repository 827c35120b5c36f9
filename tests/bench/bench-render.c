/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <gtk/gtk.h>
#include <math.h>
#include <stdlib.h>
#include <shumate/shumate.h>

#include "cr-demo.h"
#include "cr-feature-layer.h"
#include "cr-store.h"
#include "cr-test-utils.h"
#include "cr-time.h"
#include "cr-wkb.h"

/* How fast the map view draws: the view (ShumateMap with the feature
 * layer) rendered offscreen to a texture at 1920×1080, over an opaque
 * background as in the window (the basemap, or the neutral background
 * without one: GTK's cairo renderer composites a cairo node onto content
 * through an image of the node's size, onto nothing straight), with 1k, 10k and
 * 100k generated polygons of 50 vertices over the Brussels region, at
 * zooms 11, 14 and 17, on the renderer GSK_RENDERER names (run it with
 * GSK_RENDERER=cairo and with the default). Baselines: the same polygons
 * as libshumate ShumatePathLayers (1k only: one layer per polygon), and
 * the empty map (the floor). Then the demo event as a user sees it (44
 * features of every kind, lines with arrows and waypoint times, symbols,
 * labels), at noon of its main day, centred on it: what the generated
 * zones, which have no names, lines nor points, do not exercise.
 * Last, GSK's own cost of compositing tiles: the background and 70 kept
 * images of 128 px over it as cairo nodes, whatever draws them; and as
 * colour nodes, one blend a pixel, the least a node over them can cost.
 * The process keeps freed memory as the application does
 * (cr_map_renderer_keep_frame_memory()). Asserts nothing.
 *
 * The layer's zones come from tiles drawn on worker threads; a frame
 * waits for them only briefly and shows what it has (stale tiles, or the
 * former zoom level's, scaled), and the layer draws again as more come.
 * So each case prints two figures, ms per frame and ms until complete:
 * - change: every tile goes stale, as after a change to the kinds shown;
 *   the first frame, and the time until the frame with every tile (the
 *   next frames drawn when the map view would draw them). Median of 9
 *   (3 with --quick);
 * - zoom in: a step in from the level before, which was complete: the
 *   same two figures;
 * - unchanged: the view, complete, its layer made again with nothing
 *   changed (GTK would reuse its node; as after a change elsewhere in the
 *   layer): median of 60 frames (20 with --quick);
 * - pan: from there, the view dragged 20 px right and 8 px down a frame,
 *   as a hand drags it, a frame every 1/60 s; median and 95th percentile
 *   of as many frames, and the share of them that lacked tiles (showing
 *   stale ones, or none, where the workers had not drawn them yet).
 *
 * Usage: bench-render [--quick]   (quick: fewer frames, no 100k)
 * CR_BENCH_COUNT=10000 and CR_BENCH_ZOOM=14 run only that count or zoom
 * (and neither baseline nor demo; CR_BENCH_COUNT=demo: the demo event
 * only): for profiling. */

#define WIDTH 1920
#define HEIGHT 1080
#define VERTICES 50

static gboolean quick;

static double
rand_range (GRand *rand,
            double lo,
            double hi)
{
  return g_rand_double_range (rand, lo, hi);
}

static CrGeometry *
random_polygon (GRand *rand)
{
  CrGeometry *polygon = cr_geometry_new (CR_GEOMETRY_POLYGON);
  CrGeometry *ring = cr_geometry_new (CR_GEOMETRY_LINESTRING);
  double cx = rand_range (rand, 4.24, 4.48), cy = rand_range (rand, 50.76, 50.92);
  double r = rand_range (rand, 0.0008, 0.004);

  for (int i = 0; i < VERTICES - 1; i++)
    {
      double a = 2 * G_PI * i / (VERTICES - 1);
      double k = rand_range (rand, 0.7, 1.0);

      cr_geometry_append_coord (ring, cx + r * k * cos (a) / 0.63, cy + r * k * sin (a));
    }
  cr_geometry_append_coord (ring, ring->coords[0], ring->coords[1]);
  cr_geometry_add_part (polygon, ring);
  return polygon;
}

static const char *const kinds[] = {
  "red_zone", "orange_zone", "yellow_zone", "drone_ban_zone", "traffic_closure", "pedestrian_zone",
};

static gint64
fill_store (CrStore *store,
            guint    n)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrFeatureWriter) writer = cr_store_feature_writer_new (store, &error);
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  g_autofree char *name = g_strdup_printf ("Bench %u", n);
  gint64 event_id;

  g_assert_no_error (error);
  event_id = cr_feature_writer_ensure_event (writer, name, NULL, &error);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CrGeometry) g = random_polygon (rand);
      g_autoptr(GBytes) blob = cr_gpkg_blob_new (g, CR_SRS_WGS84);
      CrFeatureRow row = { 0 };

      row.event_id = event_id;
      row.kind = kinds[i % G_N_ELEMENTS (kinds)];
      row.geometry = g_bytes_get_data (blob, &row.geometry_len);
      row.center_lon = row.center_lat = row.radius_m = NAN;
      if (!cr_feature_writer_add (writer, &row, NULL, &error))
        g_error ("%s", error->message);
    }
  if (!cr_feature_writer_commit (writer, "bench", NULL, &error))
    g_error ("%s", error->message);
  return event_id;
}

static void center (ShumateMap *map,
                    double      zoom);

#define PAN_DX 20
#define PAN_DY 8

static CrMapRenderer *bench_renderer; /* of the map timed, if ours */

/* Under the map, what the window always has there (a basemap, or the
 * neutral background without one): the layer is composited onto
 * content, never onto an empty frame. */
static const GdkRGBA background = { 0.95, 0.94, 0.92, 1 };

/* Ms to snapshot the map and render it to a texture: one frame, as GTK
 * draws it. Then, as GTK's main loop would, the idle that starts the
 * tiles the frame lacked. */
static double
frame_ms (GtkWidget   *map,
          GskRenderer *renderer)
{
  GtkSnapshot *snapshot;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  gint64 start = g_get_monotonic_time ();
  double ms;

  snapshot = gtk_snapshot_new ();
  gtk_snapshot_append_color (snapshot, &background, &GRAPHENE_RECT_INIT (0, 0, WIDTH, HEIGHT));
  for (GtkWidget *child = gtk_widget_get_first_child (map); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    gtk_widget_queue_draw (child);
  GTK_WIDGET_GET_CLASS (map)->snapshot (map, snapshot);
  node = gtk_snapshot_free_to_node (snapshot);
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, WIDTH, HEIGHT));
  ms = (g_get_monotonic_time () - start) / 1000.0;
  if (bench_renderer != NULL)
    cr_map_renderer_start_tiles (bench_renderer);
  return ms;
}

/* Frames until the layer has all its tiles: the first at once, the next
 * ones when the map view would draw them, as soon as the workers are done
 * or, while they draw, every 50 ms. (Waiting for the layer's signal in
 * the main loop would let GTK draw the window too, and time that.) The
 * first frame's ms in @first, the wall time until the last frame ends in
 * the result. */
static double
frames_until_complete (GtkWidget     *map,
                       GskRenderer   *renderer,
                       CrMapRenderer *map_renderer,
                       double        *first)
{
  gint64 start = g_get_monotonic_time ();

  *first = frame_ms (map, renderer);
  while (map_renderer != NULL && cr_map_renderer_get_tiles_pending (map_renderer))
    {
      gint64 next = g_get_monotonic_time () + 50000;

      while (cr_map_renderer_get_tiles_busy (map_renderer) && g_get_monotonic_time () < next)
        g_usleep (200);
      frame_ms (map, renderer);
    }
  return (g_get_monotonic_time () - start) / 1000.0;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
median (GArray *times)
{
  g_array_sort (times, compare_doubles);
  return g_array_index (times, double, times->len / 2);
}

static double
percentile_95 (GArray *times)
{
  g_array_sort (times, compare_doubles);
  return g_array_index (times, double, MIN (times->len - 1, (guint) ceil (0.95 * times->len) - 1));
}

typedef enum
{
  FIRST,    /* the first frame after a change */
  COMPLETE, /* until the change is all drawn */
  ZOOM_FIRST,
  ZOOM_COMPLETE,
  PAN_MEDIAN,
  PAN_95,
  PAN_LACKING, /* % of the pan's frames that lacked tiles */
  STILL,    /* the view drawn again, nothing changed */
  N_ROWS
} Row;

static const char *const row_names[N_ROWS] = {
  "change, first frame", "change, complete", "zoom in, first frame", "zoom in, complete",
  "pan, median frame", "pan, 95th percentile", "pan, frames lacking tiles (%)",
  "unchanged, median frame",
};

/* Times, at @zoom: @frames changes (all tiles going stale, as after a
 * change to the kinds shown), @frames steps in from the zoom level
 * before, the complete view drawn again @pan_frames times, and a pan of
 * as many frames from there, each moving the view PAN_DX right and PAN_DY
 * down, as a hand drags it, at 60 frames a second. */
static void
time_zoom (ShumateMap    *map,
           GskRenderer   *renderer,
           CrMapRenderer *map_renderer,
           double         zoom,
           guint          frames,
           guint          pan_frames,
           double         ms[N_ROWS])
{
  ShumateViewport *viewport = shumate_map_get_viewport (map);
  GtkWidget *widget = GTK_WIDGET (map);
  g_autoptr(GArray) first = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) complete = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) zoom_first = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) zoom_complete = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) pan = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) still = g_array_new (FALSE, FALSE, sizeof (double));
  double f, c;
  guint lacking = 0;
  gint64 next, now;

  center (map, zoom);
  frames_until_complete (widget, renderer, map_renderer, &f);
  for (guint i = 0; i < frames; i++)
    {
      if (map_renderer != NULL)
        cr_map_renderer_expire_tiles (map_renderer);
      c = frames_until_complete (widget, renderer, map_renderer, &f);
      g_array_append_val (first, f);
      g_array_append_val (complete, c);
    }

  for (guint i = 0; i < frames; i++)
    {
      center (map, zoom - 1);
      frames_until_complete (widget, renderer, map_renderer, &f);
      /* No main loop turn in between: GTK would draw a frame itself. */
      shumate_viewport_set_zoom_level (viewport, zoom);
      c = frames_until_complete (widget, renderer, map_renderer, &f);
      g_array_append_val (zoom_first, f);
      g_array_append_val (zoom_complete, c);
    }

  /* The view complete (and the ring around it), drawn again: GTK would
   * reuse the layer's node when nothing changed; this has the layer make
   * it again, as after a change elsewhere in it (a selection, a label). */
  center (map, zoom);
  frames_until_complete (widget, renderer, map_renderer, &f);
  while (map_renderer != NULL && cr_map_renderer_get_tiles_busy (map_renderer))
    g_usleep (1000);
  for (guint i = 0; i < pan_frames; i++)
    {
      f = frame_ms (widget, renderer);
      g_array_append_val (still, f);
    }

  /* From there, a pan, a frame every 1/60 s as a display shows them:
   * between frames the workers draw. */
  next = g_get_monotonic_time ();
  for (guint i = 0; i < pan_frames; i++)
    {
      double lat, lon;

      if (i > 0)
        {
          shumate_viewport_widget_coords_to_location (viewport, widget, WIDTH / 2.0 + PAN_DX,
                                                      HEIGHT / 2.0 + PAN_DY, &lat, &lon);
          shumate_location_set_location (SHUMATE_LOCATION (viewport), lat, lon);
        }
      f = frame_ms (widget, renderer);
      g_array_append_val (pan, f);
      if (map_renderer != NULL && cr_map_renderer_get_tiles_pending (map_renderer))
        lacking++;
      /* The next slot; a display skips those a slow frame missed. */
      now = g_get_monotonic_time ();
      do
        next += G_USEC_PER_SEC / 60;
      while (next <= now);
      g_usleep (next - now);
    }

  ms[FIRST] = median (first);
  ms[COMPLETE] = median (complete);
  ms[ZOOM_FIRST] = median (zoom_first);
  ms[ZOOM_COMPLETE] = median (zoom_complete);
  ms[PAN_MEDIAN] = median (pan);
  ms[PAN_95] = percentile_95 (pan);
  ms[STILL] = median (still);
  ms[PAN_LACKING] = 100.0 * lacking / pan_frames;
}

/* The rows for @label, each at every zoom. */
static void
print_rows (const char    *label,
            ShumateMap    *map,
            GskRenderer   *renderer,
            CrMapRenderer *map_renderer,
            guint          frames,
            guint          pan_frames)
{
  static const double zooms[] = { 11, 14, 17 };
  double ms[G_N_ELEMENTS (zooms)][N_ROWS];

  for (guint z = 0; z < G_N_ELEMENTS (zooms); z++)
    {
      for (guint r = 0; r < N_ROWS; r++)
        ms[z][r] = NAN;
      if (g_getenv ("CR_BENCH_ZOOM") && zooms[z] != atoi (g_getenv ("CR_BENCH_ZOOM")))
        continue;
      time_zoom (map, renderer, map_renderer, zooms[z], frames, pan_frames, ms[z]);
    }
  for (guint r = 0; r < N_ROWS; r++)
    {
      g_autofree char *row = g_strdup_printf ("%s, %s", label, row_names[r]);

      g_print ("%-56s %8.2f %8.2f %8.2f\n", row, ms[0][r], ms[1][r], ms[2][r]);
    }
}

static void
settle (void)
{
  for (int i = 0; i < 50; i++)
    while (g_main_context_iteration (NULL, FALSE))
      ;
}

static void
wait_allocated (GtkWidget *widget)
{
  while (gtk_widget_get_width (widget) < WIDTH / 2)
    g_main_context_iteration (NULL, TRUE);
}

static ShumateMap *
new_map (GtkWidget         **window,
         ShumateMapSource   *reference)
{
  ShumateMap *map = shumate_map_new ();

  *window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (*window), WIDTH, HEIGHT);
  gtk_window_set_child (GTK_WINDOW (*window), GTK_WIDGET (map));
  shumate_viewport_set_reference_map_source (shumate_map_get_viewport (map), reference);
  gtk_window_present (GTK_WINDOW (*window));
  while (!gtk_widget_get_mapped (GTK_WIDGET (map)) || gtk_widget_get_width (GTK_WIDGET (map)) < WIDTH / 2)
    g_main_context_iteration (NULL, TRUE);
  settle ();
  return map;
}

/* Where views are centred: the generated zones', or the demo event's. */
static double center_lat = 50.84, center_lon = 4.36;

static void
center (ShumateMap *map,
        double      zoom)
{
  ShumateViewport *viewport = shumate_map_get_viewport (map);

  shumate_viewport_set_zoom_level (viewport, zoom);
  shumate_location_set_location (SHUMATE_LOCATION (viewport), center_lat, center_lon);
  settle ();
}

static GtkWidget *
path_layers (ShumateMap *map,
             guint       n)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  GdkRGBA fill = { 0.88, 0.11, 0.14, 0.3 };

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CrGeometry) g = random_polygon (rand);
      ShumatePathLayer *layer = shumate_path_layer_new (shumate_map_get_viewport (map));
      CrGeometry *ring = g->parts[0];

      shumate_path_layer_set_closed (layer, TRUE);
      shumate_path_layer_set_fill (layer, TRUE);
      shumate_path_layer_set_fill_color (layer, &fill);
      for (guint k = 0; k < ring->n_coords; k++)
        shumate_path_layer_add_node (layer,
                                     SHUMATE_LOCATION (shumate_coordinate_new_full (ring->coords[2 * k + 1],
                                                                                    ring->coords[2 * k])));
      shumate_map_add_layer (map, SHUMATE_LAYER (layer));
    }
  /* Once all are in: waiting after each would have GTK draw the window
   * with each new layer, a thousand frames of up to a thousand layers
   * (hours on the GL renderer without a GPU). */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (map)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    wait_allocated (child);
  return NULL;
}

/* The demo event in @store, shown at noon of its main day by
 * @map_renderer, and views centred on it. */
static void
show_demo (CrStore       *store,
           CrMapRenderer *map_renderer)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrEvent) event = NULL;
  g_autoptr(GDateTime) noon = cr_time_parse ("2024-09-28T12:00:00+02:00");
  gint64 event_id;
  CrBBox extent;

  if (!cr_demo_load (store, NULL, &error))
    g_error ("%s", error->message);
  event = cr_store_find_event (store, CR_DEMO_EVENT_NAME, &error);
  g_assert_no_error (error);
  g_assert_nonnull (event);
  event_id = cr_record_get_id (CR_RECORD (event));
  g_assert_true (cr_store_get_event_extent (store, event_id, &extent, &error));
  center_lon = (extent.min_x + extent.max_x) / 2;
  center_lat = (extent.min_y + extent.max_y) / 2;
  cr_map_renderer_set_event_id (map_renderer, event_id);
  cr_map_renderer_set_time (map_renderer, noon);
}

/* Prints the rows of our layer showing @count generated zones or, with
 * @count 0, the demo event. */
static void
time_layer (ShumateMapSource *reference,
            guint             count,
            guint             frames,
            guint             pan_frames)
{
  g_autoptr(GError) error = NULL;
  /* Removed, with the others, when the process exits. */
  g_autofree char *path = cr_test_tmp_path ("bench.gpkg");
  g_autoptr(CrStore) store = NULL;
  g_autoptr(CrMapRenderer) map_renderer = NULL;
  GtkWidget *window;
  ShumateMap *map;
  GskRenderer *renderer;
  CrFeatureLayer *layer;
  g_autofree char *label = NULL;
  double lat = center_lat, lon = center_lon;

  store = cr_store_open (path, &error);
  g_assert_no_error (error);
  map_renderer = cr_map_renderer_new (store);
  if (count > 0)
    {
      cr_map_renderer_set_event_id (map_renderer, fill_store (store, count));
      label = g_strdup_printf ("Crisis Room layer, %uk", count / 1000);
    }
  else
    {
      show_demo (store, map_renderer);
      label = g_strdup ("Crisis Room layer, demo event");
    }
  map = new_map (&window, reference);
  renderer = gtk_native_get_renderer (GTK_NATIVE (window));
  layer = cr_feature_layer_new (shumate_map_get_viewport (map), map_renderer);
  shumate_map_add_layer (map, SHUMATE_LAYER (layer));
  wait_allocated (GTK_WIDGET (layer));

  bench_renderer = map_renderer;
  print_rows (label, map, renderer, map_renderer, frames, pan_frames);
  bench_renderer = NULL;
  center_lat = lat;
  center_lon = lon;
  gtk_window_destroy (GTK_WINDOW (window));
  settle ();
}

/* Ms for @renderer to render the background and, over it, @n nodes of
 * 128 px each painting a kept, translucent image, as the map view's
 * tiles do: GTK's own cost of compositing tiles, whatever draws them.
 * With @colour, colour nodes of that colour instead: one blend of each
 * pixel, the least any node covering translucent pixels can cost. */
static double
tile_nodes_ms (GskRenderer *renderer,
               guint        n,
               gboolean     colour,
               guint        frames)
{
  const GdkRGBA zone = { 0.9, 0.1, 0.1, 0.3 };
  cairo_surface_t *image = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 128, 128);
  g_autoptr(GPtrArray) nodes = g_ptr_array_new_with_free_func ((GDestroyNotify) gsk_render_node_unref);
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  cairo_t *cr = cairo_create (image);

  gdk_cairo_set_source_rgba (cr, &zone);
  cairo_paint (cr);
  cairo_destroy (cr);
  g_ptr_array_add (nodes, gsk_color_node_new (&background, &GRAPHENE_RECT_INIT (0, 0, WIDTH, HEIGHT)));
  for (guint i = 0; i < n; i++)
    {
      graphene_rect_t rect = GRAPHENE_RECT_INIT ((i % (WIDTH / 128)) * 128, (i / (WIDTH / 128)) * 128, 128, 128);
      GskRenderNode *node;

      if (colour)
        node = gsk_color_node_new (&zone, &rect);
      else
        {
          node = gsk_cairo_node_new (&rect);
          cr = gsk_cairo_node_get_draw_context (node);
          cairo_set_source_surface (cr, image, rect.origin.x, rect.origin.y);
          cairo_paint (cr);
          cairo_destroy (cr);
        }
      g_ptr_array_add (nodes, node);
    }
  for (guint f = 0; f < frames; f++)
    {
      g_autoptr(GskRenderNode) root = gsk_container_node_new ((GskRenderNode **) nodes->pdata, nodes->len);
      g_autoptr(GdkTexture) texture = NULL;
      gint64 start = g_get_monotonic_time ();
      double ms;

      texture = gsk_renderer_render_texture (renderer, root, &GRAPHENE_RECT_INIT (0, 0, WIDTH, HEIGHT));
      ms = (g_get_monotonic_time () - start) / 1000.0;
      g_array_append_val (times, ms);
    }
  cairo_surface_destroy (image);
  return median (times);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(ShumateMapSource) reference = NULL;
  const guint counts[] = { 1000, 10000, 100000 };
  const char *renderer_name = g_getenv ("GSK_RENDERER");
  double gsk_background_ms, gsk_tiles_ms, gsk_colour_ms;
  guint frames, pan_frames;

  quick = argc > 1 && g_str_equal (argv[1], "--quick");
  frames = quick ? 3 : 9;
  pan_frames = quick ? 20 : 60;
  cr_map_renderer_keep_frame_memory ();
  gtk_init ();
  reference = SHUMATE_MAP_SOURCE (shumate_raster_renderer_new_from_url ("https://tile.openstreetmap.org/{z}/{x}/{y}.png"));
  shumate_map_source_set_max_zoom_level (reference, 19);

  g_print ("Map view rendering, %d×%d, GSK renderer: %s\n", WIDTH, HEIGHT,
           renderer_name ? renderer_name : "default");
  g_print ("%-56s %8s %8s %8s\n", "what", "z11 ms", "z14 ms", "z17 ms");

  /* The floor: the map with no overlay at all. */
  {
    GtkWidget *window;
    ShumateMap *map = new_map (&window, reference);
    GskRenderer *renderer = gtk_native_get_renderer (GTK_NATIVE (window));

    print_rows ("empty map", map, renderer, NULL, frames, pan_frames);
    /* What GTK takes to composite tiles, alone. */
    gsk_background_ms = tile_nodes_ms (renderer, 0, FALSE, 10 * pan_frames);
    gsk_tiles_ms = tile_nodes_ms (renderer, 70, FALSE, 10 * pan_frames);
    gsk_colour_ms = tile_nodes_ms (renderer, 70, TRUE, 10 * pan_frames);
    gtk_window_destroy (GTK_WINDOW (window));
  }

  for (guint c = 0; c < G_N_ELEMENTS (counts); c++)
    {
      if (quick && counts[c] > 10000)
        break;
      if (g_getenv ("CR_BENCH_COUNT") && counts[c] != (guint) atoi (g_getenv ("CR_BENCH_COUNT")))
        continue;
      time_layer (reference, counts[c], frames, pan_frames);
    }
  if (!g_getenv ("CR_BENCH_COUNT") || g_str_equal (g_getenv ("CR_BENCH_COUNT"), "demo"))
    time_layer (reference, 0, frames, pan_frames);

  /* The baseline: libshumate's own path layers, one per polygon. */
  if (!g_getenv ("CR_BENCH_COUNT"))
    {
      GtkWidget *window;
      ShumateMap *map = new_map (&window, reference);
      GskRenderer *renderer = gtk_native_get_renderer (GTK_NATIVE (window));

      path_layers (map, 1000);
      settle ();
      /* Each of its frames draws everything: few frames. */
      print_rows ("ShumatePathLayer ×1k (baseline)", map, renderer, NULL, quick ? 1 : 3, quick ? 3 : 9);
      gtk_window_destroy (GTK_WINDOW (window));
    }
  g_print ("GSK alone, the background and over it 70 kept images of 128 px as cairo nodes (as tiles): "
           "%.2f ms (the background alone: %.2f; 70 colour nodes instead, one blend a pixel, the least "
           "any node can cost: %.2f)\n", gsk_tiles_ms, gsk_background_ms, gsk_colour_ms);
  return 0;
}
