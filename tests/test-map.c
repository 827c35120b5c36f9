/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>
#include <pango/pangocairo.h>
#include <shumate/shumate.h>

#include "cr-coverage.h"
#include "cr-itinerary.h"
#include "cr-label-placer.h"
#include "cr-map-renderer.h"
#include "cr-map-tiles.h"
#include "cr-test-utils.h"
#include "cr-time.h"

/* The map's drawing without a window: projection, what is drawn at a
 * given time, hit-testing order, convoy positions, labels. Pixels are
 * sampled from an image surface. */

#define W 800
#define H 600

typedef struct
{
  CrStore *store;
  gint64 event_id;
  gint64 zone;      /* red zone around (4.35, 50.85) */
  gint64 route;     /* motorcade crossing it */
  gint64 post;      /* CP-Ops at its centre */
  CrMapRenderer *renderer;
  CrProjection proj;
} Fixture;

static gint64
add_feature (CrStore    *store,
             gint64      event_id,
             const char *kind,
             const char *name,
             CrGeometry *geometry,
             const char *from,
             const char *to)
{
  g_autoptr(CrFeature) feature = cr_feature_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) t_from = from ? cr_time_parse (from) : NULL;
  g_autoptr(GDateTime) t_to = to ? cr_time_parse (to) : NULL;

  cr_feature_set_event_id (feature, event_id);
  cr_feature_set_kind (feature, kind);
  cr_feature_set_name (feature, name);
  cr_feature_set_geometry (feature, geometry);
  cr_feature_set_active_from (feature, t_from);
  cr_feature_set_active_to (feature, t_to);
  g_assert_true (cr_store_insert (store, CR_RECORD (feature), &error));
  g_assert_no_error (error);
  return cr_record_get_id (CR_RECORD (feature));
}

static void
add_waypoint (CrStore    *store,
              gint64      feature_id,
              int         position,
              double      lon,
              double      lat,
              const char *at)
{
  g_autoptr(CrWaypoint) wp = cr_waypoint_new ();
  g_autoptr(GDateTime) t = cr_time_parse (at);
  g_autoptr(GError) error = NULL;

  cr_waypoint_set_feature_id (wp, feature_id);
  cr_waypoint_set_position (wp, position);
  cr_waypoint_set_lon (wp, lon);
  cr_waypoint_set_lat (wp, lat);
  cr_waypoint_set_planned_at (wp, t);
  g_assert_true (cr_store_insert (store, CR_RECORD (wp), &error));
}

static void
fixture_setup (Fixture      *f,
               gconstpointer data)
{
  g_autoptr(CrEvent) event = cr_event_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(CrGeometry) zone = cr_geometry_new_circle (4.35, 50.85, 800, 64);
  const double line[] = { 4.33, 50.85, 4.37, 50.85 };
  g_autoptr(CrGeometry) route = cr_geometry_new_linestring (line, 2);
  g_autoptr(CrGeometry) post = cr_geometry_new_point (4.35, 50.85);

  f->store = cr_test_open_store ();
  cr_event_set_name (event, "Map test");
  g_assert_true (cr_store_insert (f->store, CR_RECORD (event), &error));
  f->event_id = cr_record_get_id (CR_RECORD (event));
  /* Active 28 Sep 08:00–12:00 local time; the route and post always. */
  f->zone = add_feature (f->store, f->event_id, "red_zone", "Zone A", zone,
                         "2024-09-28T08:00:00+02:00", "2024-09-28T12:00:00+02:00");
  f->route = add_feature (f->store, f->event_id, "motorcade", "Motorcade", route, NULL, NULL);
  f->post = add_feature (f->store, f->event_id, "cp_ops", "CP-Ops", post, NULL, NULL);
  /* 10 minutes from one end to the other. */
  add_waypoint (f->store, f->route, 0, 4.33, 50.85, "2024-09-28T09:00:00+02:00");
  add_waypoint (f->store, f->route, 1, 4.37, 50.85, "2024-09-28T09:10:00+02:00");

  f->renderer = cr_map_renderer_new (f->store);
  cr_map_renderer_set_event_id (f->renderer, f->event_id);
  /* Frames wait for all their tiles, however slow the machine (valgrind). */
  cr_map_renderer_set_tile_wait (f->renderer, -1);
  cr_projection_init (&f->proj, 4.35, 50.85, 14, W, H, 256);
}

static void
fixture_teardown (Fixture      *f,
                  gconstpointer data)
{
  g_clear_object (&f->renderer);
  g_clear_object (&f->store);
}

static cairo_surface_t *
render (Fixture *f,
        guint   *n_drawn)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, W, H);
  cairo_t *cr = cairo_create (surface);
  guint n;

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  n = cr_map_renderer_draw (f->renderer, cr, &f->proj);
  if (n_drawn != NULL)
    *n_drawn = n;
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

static void
pixel_at (cairo_surface_t *surface,
          double           lon,
          double           lat,
          const CrProjection *proj,
          guint8           rgb[3])
{
  double x, y;
  guint32 px;

  cr_projection_to_screen (proj, lon, lat, &x, &y);
  px = *(guint32 *) (cairo_image_surface_get_data (surface) +
                     (int) y * cairo_image_surface_get_stride (surface) + 4 * (int) x);
  rgb[0] = (px >> 16) & 0xff;
  rgb[1] = (px >> 8) & 0xff;
  rgb[2] = px & 0xff;
}

static void
test_projection_matches_shumate (void)
{
  g_autoptr(ShumateRasterRenderer) source =
    shumate_raster_renderer_new_from_url ("https://tile.openstreetmap.org/{z}/{x}/{y}.png");
  double zooms[] = { 3, 11, 14.4, 17 };

  for (guint i = 0; i < G_N_ELEMENTS (zooms); i++)
    {
      CrProjection proj;
      double x, y, lon, lat;
      double sx, sy;

      cr_projection_init (&proj, 4.35, 50.85, zooms[i], 1000, 700, 256);
      cr_projection_to_screen (&proj, 4.40, 50.80, &x, &y);
      /* What ShumateViewport computes for the same view. */
      sx = shumate_map_source_get_x (SHUMATE_MAP_SOURCE (source), zooms[i], 4.40) -
           shumate_map_source_get_x (SHUMATE_MAP_SOURCE (source), zooms[i], 4.35) + 500;
      sy = shumate_map_source_get_y (SHUMATE_MAP_SOURCE (source), zooms[i], 50.80) -
           shumate_map_source_get_y (SHUMATE_MAP_SOURCE (source), zooms[i], 50.85) + 350;
      g_assert_cmpfloat_with_epsilon (x, sx, 1e-6);
      g_assert_cmpfloat_with_epsilon (y, sy, 1e-6);
      cr_projection_to_lonlat (&proj, x, y, &lon, &lat);
      g_assert_cmpfloat_with_epsilon (lon, 4.40, 1e-9);
      g_assert_cmpfloat_with_epsilon (lat, 50.80, 1e-9);
    }
}

static void
test_fit (void)
{
  CrBBox bbox = { 4.30, 50.80, 4.40, 50.90 };
  CrProjection proj;
  double x1, y1, x2, y2;

  cr_projection_init_fit (&proj, &bbox, 800, 600, 256, 20, 19);
  cr_projection_to_screen (&proj, bbox.min_x, bbox.max_y, &x1, &y1);
  cr_projection_to_screen (&proj, bbox.max_x, bbox.min_y, &x2, &y2);
  /* Inside the margins, and touching them on the tighter axis. */
  g_assert_cmpfloat (x1, >=, 20 - 1e-6);
  g_assert_cmpfloat (y1, >=, 20 - 1e-6);
  g_assert_cmpfloat (x2, <=, 780 + 1e-6);
  g_assert_cmpfloat (y2, <=, 580 + 1e-6);
  g_assert_true (fabs (y1 - 20) < 1e-6 || fabs (x1 - 20) < 1e-6);
}

static void
test_time_filter (Fixture      *f,
                  gconstpointer data)
{
  g_autoptr(GDateTime) inside = cr_time_parse ("2024-09-28T09:00:00+02:00");
  g_autoptr(GDateTime) after = cr_time_parse ("2024-09-28T12:00:00+02:00");
  cairo_surface_t *surface;
  guint n;
  guint8 rgb[3], faded[3];

  /* No time: everything. */
  surface = render (f, &n);
  g_assert_cmpuint (n, ==, 3);
  cairo_surface_destroy (surface);

  cr_map_renderer_set_fade_inactive (f->renderer, FALSE);
  cr_map_renderer_set_time (f->renderer, inside);
  surface = render (f, &n);
  g_assert_cmpuint (n, ==, 3);
  /* Inside the zone, away from the line and the point: the zone's red. */
  pixel_at (surface, 4.35, 50.853, &f->proj, rgb);
  g_assert_cmpuint (rgb[0], >, rgb[1] + 40);
  cairo_surface_destroy (surface);

  /* The end is exclusive: at 12:00 the zone is gone. */
  cr_map_renderer_set_time (f->renderer, after);
  surface = render (f, &n);
  g_assert_cmpuint (n, ==, 2);
  pixel_at (surface, 4.35, 50.853, &f->proj, rgb);
  g_assert_cmpuint (rgb[0], ==, 255);
  g_assert_cmpuint (rgb[1], ==, 255);
  cairo_surface_destroy (surface);

  /* Faded: drawn, but paler than when active. */
  cr_map_renderer_set_fade_inactive (f->renderer, TRUE);
  surface = render (f, &n);
  g_assert_cmpuint (n, ==, 3);
  pixel_at (surface, 4.35, 50.853, &f->proj, faded);
  cairo_surface_destroy (surface);
  cr_map_renderer_set_time (f->renderer, inside);
  surface = render (f, NULL);
  pixel_at (surface, 4.35, 50.853, &f->proj, rgb);
  cairo_surface_destroy (surface);
  g_assert_cmpuint (faded[1], >, rgb[1]);
  g_assert_cmpuint (faded[0], >=, faded[1]);

  g_assert_true (cr_map_renderer_is_active (f->renderer, NULL, NULL));
  g_assert_false (cr_map_renderer_is_active (f->renderer, "2024-09-28T08:00:00.000Z", NULL));
  g_assert_true (cr_map_renderer_is_active (f->renderer, "2024-09-28T07:00:00.000Z",
                                            "2024-09-28T07:00:00.001Z"));
}

static void
test_visibility (Fixture      *f,
                 gconstpointer data)
{
  cairo_surface_t *surface;
  guint n;

  cr_map_renderer_set_kind_visible (f->renderer, "red_zone", FALSE);
  surface = render (f, &n);
  g_assert_cmpuint (n, ==, 2);
  cairo_surface_destroy (surface);
  g_assert_cmpint (cr_map_renderer_hit_test (f->renderer, &f->proj, 400, 280, 2), !=, f->zone);

  cr_map_renderer_set_kind_visible (f->renderer, "red_zone", TRUE);
  cr_map_renderer_set_group_visible (f->renderer, CR_KIND_GROUP_POINT, FALSE);
  surface = render (f, &n);
  g_assert_cmpuint (n, ==, 2);
  cairo_surface_destroy (surface);
  g_assert_false (cr_map_renderer_get_group_visible (f->renderer, CR_KIND_GROUP_POINT));
}

static void
test_hit_order (Fixture      *f,
                gconstpointer data)
{
  double x, y;

  /* At the centre: point, line and polygon overlap; the point wins. */
  cr_projection_to_screen (&f->proj, 4.35, 50.85, &x, &y);
  g_assert_cmpint (cr_map_renderer_hit_test (f->renderer, &f->proj, x, y, 4), ==, f->post);
  /* On the line, away from the point: the line wins over the polygon. */
  cr_projection_to_screen (&f->proj, 4.345, 50.85, &x, &y);
  g_assert_cmpint (cr_map_renderer_hit_test (f->renderer, &f->proj, x, y + 3, 4), ==, f->route);
  /* Inside the polygon only. */
  cr_projection_to_screen (&f->proj, 4.35, 50.854, &x, &y);
  g_assert_cmpint (cr_map_renderer_hit_test (f->renderer, &f->proj, x, y, 4), ==, f->zone);
  /* Tolerance: just off the line is still the line, far off is nothing. */
  cr_projection_to_screen (&f->proj, 4.362, 50.85, &x, &y);
  g_assert_cmpint (cr_map_renderer_hit_test (f->renderer, &f->proj, x, y + 7, 6), ==, f->route);
  cr_projection_to_screen (&f->proj, 4.40, 50.87, &x, &y);
  g_assert_cmpint (cr_map_renderer_hit_test (f->renderer, &f->proj, x, y, 6), ==, 0);
}

static void
test_convoy (Fixture      *f,
             gconstpointer data)
{
  g_autoptr(GDateTime) before = cr_time_parse ("2024-09-28T08:59:00+02:00");
  g_autoptr(GDateTime) halfway = cr_time_parse ("2024-09-28T09:05:00+02:00");
  g_autoptr(GDateTime) end = cr_time_parse ("2024-09-28T09:10:00+02:00");
  g_autoptr(GDateTime) after = cr_time_parse ("2024-09-28T09:11:00+02:00");
  double lon, lat;

  g_assert_false (cr_map_renderer_get_convoy (f->renderer, f->route, &lon, &lat));
  cr_map_renderer_set_time (f->renderer, before);
  g_assert_false (cr_map_renderer_get_convoy (f->renderer, f->route, &lon, &lat));
  cr_map_renderer_set_time (f->renderer, halfway);
  g_assert_true (cr_map_renderer_get_convoy (f->renderer, f->route, &lon, &lat));
  g_assert_cmpfloat_with_epsilon (lon, 4.35, 1e-6);
  g_assert_cmpfloat_with_epsilon (lat, 50.85, 1e-9);
  cr_map_renderer_set_time (f->renderer, end);
  g_assert_true (cr_map_renderer_get_convoy (f->renderer, f->route, &lon, &lat));
  g_assert_cmpfloat_with_epsilon (lon, 4.37, 1e-6);
  cr_map_renderer_set_time (f->renderer, after);
  g_assert_false (cr_map_renderer_get_convoy (f->renderer, f->route, &lon, &lat));
}

/* Interpolation along a bent line follows the line, not the chord, and
 * respects uneven legs. */
static void
test_itinerary_math (void)
{
  const double coords[] = { 4.30, 50.80, 4.31, 50.80, 4.31, 50.81 };
  g_autoptr(CrGeometry) line = cr_geometry_new_linestring (coords, 3);
  g_autoptr(GPtrArray) wps = g_ptr_array_new_with_free_func (g_object_unref);
  const char *times[] = { "2024-09-28T10:00:00Z", NULL, "2024-09-28T10:20:00Z" };
  const double pts[][2] = { { 4.30, 50.80 }, { 4.31, 50.80 }, { 4.31, 50.81 } };
  g_autoptr(GDateTime) t = cr_time_parse ("2024-09-28T10:10:00Z");
  double total = cr_line_length_m (line);
  double leg1 = cr_geodesic_distance_m (4.30, 50.80, 4.31, 50.80);
  double x, y, along;

  for (guint i = 0; i < 3; i++)
    {
      CrWaypoint *wp = cr_waypoint_new ();
      g_autoptr(GDateTime) at = times[i] ? cr_time_parse (times[i]) : NULL;

      cr_waypoint_set_lon (wp, pts[i][0]);
      cr_waypoint_set_lat (wp, pts[i][1]);
      cr_waypoint_set_planned_at (wp, at);
      g_ptr_array_add (wps, wp);
    }
  /* The untimed middle waypoint is skipped: half the time is half the
   * length of the whole line. */
  g_assert_true (cr_itinerary_position_at (line, wps, t, &x, &y));
  along = cr_line_locate_m (line, x, y);
  g_assert_cmpfloat (fabs (along - total / 2), <, 1.0);
  g_assert_cmpfloat (fabs (cr_line_locate_m (line, 4.31, 50.80) - leg1), <, 0.01);
  /* 20 minutes for the whole line. */
  g_assert_cmpfloat (fabs (cr_itinerary_leg_speed_kmh (line, g_ptr_array_index (wps, 0),
                                                       g_ptr_array_index (wps, 2)) -
                           total / 1000 * 3), <, 0.01);
  g_assert_true (isnan (cr_itinerary_leg_speed_kmh (line, g_ptr_array_index (wps, 0),
                                                    g_ptr_array_index (wps, 1))));
}

static void
pixel_xy (cairo_surface_t *surface,
          int              x,
          int              y,
          guint8           rgb[3])
{
  guint32 px;

  cairo_surface_flush (surface);
  px = *(guint32 *) (cairo_image_surface_get_data (surface) + y * cairo_image_surface_get_stride (surface) +
                     4 * x);
  rgb[0] = (px >> 16) & 0xff;
  rgb[1] = (px >> 8) & 0xff;
  rgb[2] = px & 0xff;
}

/* The renderer keeps the event's decoded geometry between frames: an
 * insert, an update, a delete and a change of event must each show in
 * the very next frame. */
static void
test_cache_follows_store (Fixture      *f,
                          gconstpointer data)
{
  g_autoptr(CrGeometry) square = cr_geometry_new_circle (4.36, 50.845, 150, 4);
  g_autoptr(CrGeometry) moved = cr_geometry_new_circle (4.34, 50.845, 150, 4);
  g_autoptr(CrEvent) other = cr_event_new ();
  g_autoptr(CrFeature) feature = NULL;
  g_autoptr(GError) error = NULL;
  cairo_surface_t *surface;
  gint64 id;
  guint n;
  guint8 rgb[3];

  surface = render (f, &n);
  g_assert_cmpuint (n, ==, 3);
  pixel_at (surface, 4.36, 50.845, &f->proj, rgb);
  g_assert_cmpuint (rgb[2], ==, 255);
  cairo_surface_destroy (surface);

  /* Inserted: drawn in the traffic closure's blue. */
  id = add_feature (f->store, f->event_id, "traffic_closure", "New", square, NULL, NULL);
  surface = render (f, &n);
  g_assert_cmpuint (n, ==, 4);
  pixel_at (surface, 4.36, 50.845, &f->proj, rgb);
  g_assert_cmpuint (rgb[2], >, rgb[0] + 20);
  cairo_surface_destroy (surface);

  /* Moved: gone from there, drawn here. */
  feature = cr_store_get (f->store, CR_TYPE_FEATURE, id, &error);
  g_assert_no_error (error);
  cr_feature_set_geometry (feature, moved);
  g_assert_true (cr_store_update (f->store, CR_RECORD (feature), &error));
  g_assert_no_error (error);
  surface = render (f, &n);
  g_assert_cmpuint (n, ==, 4);
  pixel_at (surface, 4.36, 50.845, &f->proj, rgb);
  g_assert_cmpuint (rgb[2], ==, 255);
  g_assert_cmpuint (rgb[0], ==, 255);
  pixel_at (surface, 4.34, 50.845, &f->proj, rgb);
  g_assert_cmpuint (rgb[2], >, rgb[0] + 20);
  cairo_surface_destroy (surface);

  /* Deleted. */
  g_assert_true (cr_store_delete (f->store, CR_RECORD (feature), &error));
  g_assert_no_error (error);
  surface = render (f, &n);
  g_assert_cmpuint (n, ==, 3);
  pixel_at (surface, 4.34, 50.845, &f->proj, rgb);
  g_assert_cmpuint (rgb[0], ==, 255);
  cairo_surface_destroy (surface);

  /* Another event: none of this one's features. */
  cr_event_set_name (other, "Other");
  g_assert_true (cr_store_insert (f->store, CR_RECORD (other), &error));
  g_assert_no_error (error);
  cr_map_renderer_set_event_id (f->renderer, cr_record_get_id (CR_RECORD (other)));
  surface = render (f, &n);
  g_assert_cmpuint (n, ==, 0);
  cairo_surface_destroy (surface);
  cr_map_renderer_set_event_id (f->renderer, f->event_id);
  surface = render (f, &n);
  g_assert_cmpuint (n, ==, 3);
  cairo_surface_destroy (surface);
}

/* A dense scene: overlapping zones of every style (hatched and dashed
 * too), a hole, zones small enough to be dots, on the fixture's lines and
 * points, with a zone selected. */
static void
add_dense_scene (Fixture *f)
{
  const char *kinds[] = { "red_zone", "orange_zone", "yellow_zone", "drone_ban_zone", "traffic_closure",
                          "pedestrian_zone" };
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  g_autoptr(CrGeometry) holed = cr_geometry_new (CR_GEOMETRY_POLYGON);
  g_autoptr(CrGeometry) outer = cr_geometry_new_circle (4.34, 50.855, 500, 40);
  g_autoptr(CrGeometry) inner = cr_geometry_new_circle (4.34, 50.855, 250, 40);

  cr_geometry_add_part (holed, cr_geometry_ref (outer->parts[0]));
  cr_geometry_add_part (holed, cr_geometry_ref (inner->parts[0]));
  add_feature (f->store, f->event_id, "orange_zone", "Holed", holed, NULL, NULL);
  for (guint i = 0; i < 300; i++)
    {
      g_autoptr(CrGeometry) zone = cr_geometry_new_circle (g_rand_double_range (rand, 4.325, 4.375),
                                                           g_rand_double_range (rand, 50.84, 50.86),
                                                           g_rand_double_range (rand, 5, 300), 24);

      add_feature (f->store, f->event_id, kinds[i % G_N_ELEMENTS (kinds)], NULL, zone, NULL, NULL);
    }
  cr_map_renderer_set_selected (f->renderer, f->zone);
}

/* How far apart two images are: the mean of each pixel's largest channel
 * difference, and how many pixels differ by more than 40. */
static double
image_difference (cairo_surface_t *a,
                  cairo_surface_t *b,
                  guint           *n_far)
{
  int w = cairo_image_surface_get_width (a), h = cairo_image_surface_get_height (a);
  double total = 0;

  g_assert_cmpint (cairo_image_surface_get_width (b), ==, w);
  g_assert_cmpint (cairo_image_surface_get_height (b), ==, h);
  *n_far = 0;
  for (int y = 0; y < h; y++)
    for (int x = 0; x < w; x++)
      {
        guint8 p[3], q[3];
        int diff = 0;

        pixel_xy (a, x, y, p);
        pixel_xy (b, x, y, q);
        for (int c = 0; c < 3; c++)
          diff = MAX (diff, ABS (p[c] - q[c]));
        total += diff;
        if (diff > 40)
          (*n_far)++;
      }
  return total / ((double) w * h);
}

/* On an image the zones are rasterized by CrCoverage, elsewhere (a PDF,
 * here a recording surface) drawn as cairo paths: both must look the
 * same. */
static void
test_raster_matches_paths (Fixture      *f,
                           gconstpointer data)
{
  cairo_surface_t *raster, *paths, *recording;
  cairo_t *cr;
  guint n_raster, n_paths, n_far = 0;
  double mean;

  add_dense_scene (f);
  raster = render (f, &n_raster);
  {
    cairo_rectangle_t extents = { 0, 0, W, H };

    recording = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, &extents);
    cr = cairo_create (recording);
    cairo_set_source_rgb (cr, 1, 1, 1);
    cairo_paint (cr);
    n_paths = cr_map_renderer_draw (f->renderer, cr, &f->proj);
    cairo_destroy (cr);
  }
  paths = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, W, H);
  cr = cairo_create (paths);
  cairo_set_source_surface (cr, recording, 0, 0);
  cairo_paint (cr);
  cairo_destroy (cr);
  cairo_surface_destroy (recording);
  g_assert_cmpuint (n_raster, ==, n_paths);
  g_assert_cmpuint (n_raster, >, 300);

  /* Anti-aliasing differs along edges by a few levels; nothing else may. */
  mean = image_difference (raster, paths, &n_far);
  g_test_message ("mean difference %.3f, %u pixels more than 40 apart", mean, n_far);
  g_assert_cmpfloat (mean, <, 1.0);
  g_assert_cmpuint (n_far, <, W * H / 500);
  cairo_surface_destroy (raster);
  cairo_surface_destroy (paths);
}

/* The map view's nodes for @proj, the layer @dx, @dy view pixels into
 * the frame. */
static GskRenderNode *
view_node (Fixture            *f,
           const CrProjection *proj,
           int                 device_scale,
           double              dx,
           double              dy,
           guint              *n_drawn)
{
  GtkSnapshot *snapshot = gtk_snapshot_new ();

  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (dx, dy));
  *n_drawn = cr_map_renderer_snapshot_view (f->renderer, snapshot, proj, device_scale);
  return gtk_snapshot_free_to_node (snapshot);
}

/* Draws on white @proj's view at @device_scale afresh, or (@node non-NULL)
 * @node (and frees it) as GTK's cairo renderer draws a frame, the layer's
 * corner at the image's. */
static cairo_surface_t *
draw_on_white (CrMapRenderer      *renderer,
               GskRenderNode      *node,
               const CrProjection *proj,
               int                 device_scale,
               double              dx,
               double              dy,
               guint              *n_drawn)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, proj->width * device_scale,
                                                         proj->height * device_scale);
  cairo_t *cr;

  cairo_surface_set_device_scale (surface, device_scale, device_scale);
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  if (renderer != NULL)
    *n_drawn = cr_map_renderer_draw (renderer, cr, proj);
  else if (node != NULL)
    {
      cairo_translate (cr, -dx, -dy);
      gsk_render_node_draw (node, cr);
      gsk_render_node_unref (node);
    }
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

/* Draws @proj's view at @device_scale, on white, afresh or (@view) as the
 * map view does, from tiles. */
static cairo_surface_t *
render_at (Fixture            *f,
           const CrProjection *proj,
           int                 device_scale,
           gboolean            view,
           guint              *n_drawn)
{
  if (view)
    return draw_on_white (NULL, view_node (f, proj, device_scale, 0, 0, n_drawn), proj, device_scale, 0, 0,
                          n_drawn);
  return draw_on_white (f->renderer, NULL, proj, device_scale, 0, 0, n_drawn);
}

/* The map view draws zones from tiles, and must look like a frame drawn
 * afresh: where tiles are drawn, kept and reused after a pan, and after
 * each change that must drop them. */
static void
assert_view_matches (Fixture            *f,
                     const CrProjection *proj,
                     int                 device_scale,
                     const char         *when)
{
  cairo_surface_t *view, *fresh;
  guint n_view, n_fresh, n_far;
  double mean;

  view = render_at (f, proj, device_scale, TRUE, &n_view);
  fresh = render_at (f, proj, device_scale, FALSE, &n_fresh);
  mean = image_difference (view, fresh, &n_far);
  g_test_message ("%s: %u tiles drawn, mean difference %.3f, %u pixels more than 40 apart", when,
                  cr_map_renderer_get_n_tiles_drawn (f->renderer), mean, n_far);
  /* A tile composited on the background rounds a level apart from a
   * zone drawn on it; a stale or missing tile is far more. */
  g_assert_cmpuint (n_view, ==, n_fresh);
  g_assert_cmpfloat (mean, <, 0.6);
  g_assert_cmpuint (n_far, <, W * H / 2000);
  cairo_surface_destroy (view);
  cairo_surface_destroy (fresh);
}

static void
test_tiles (Fixture      *f,
            gconstpointer data)
{
  g_autoptr(CrGeometry) square = cr_geometry_new_circle (4.352, 50.851, 200, 4);
  g_autoptr(GDateTime) outside = cr_time_parse ("2024-09-28T14:00:00+02:00");
  CrProjection proj = f->proj;
  cairo_surface_t *first, *again;
  guint n, n_far, n_tiles;
  gint64 new_zone;
  g_autoptr(GError) error = NULL;

  add_dense_scene (f);
  /* Tiles sit on whole pixels; so does this view, to compare exactly. */
  proj.origin_x = round (proj.origin_x);
  proj.origin_y = round (proj.origin_y);

  assert_view_matches (f, &proj, 1, "first");
  /* 800 × 600 from a whole pixel, in tiles of 128 px: 7 or 8 across, 5 or 6
   * down. */
  n_tiles = cr_map_renderer_get_n_tiles_drawn (f->renderer);
  g_assert_cmpuint (n_tiles, >=, 35);
  g_assert_cmpuint (n_tiles, <=, 48);

  /* The same view again: every tile reused, the same image. */
  first = render_at (f, &proj, 1, TRUE, &n);
  g_assert_cmpuint (cr_map_renderer_get_n_tiles_drawn (f->renderer), ==, 0);
  again = render_at (f, &proj, 1, TRUE, &n);
  g_assert_cmpfloat (image_difference (first, again, &n_far), ==, 0);
  cairo_surface_destroy (first);
  cairo_surface_destroy (again);

  /* Panned: only the tiles coming into view are drawn. */
  proj.origin_x += 300;
  proj.origin_y -= 170;
  assert_view_matches (f, &proj, 1, "panned");
  g_assert_cmpuint (cr_map_renderer_get_n_tiles_drawn (f->renderer), >, 0);
  g_assert_cmpuint (cr_map_renderer_get_n_tiles_drawn (f->renderer), <, n_tiles);
  /* Once the view is complete, the ring of tiles around it is drawn
   * ahead, from after the frame (an idle): a pan by a tile finds them
   * all. */
  {
    gint64 end = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

    while (cr_map_renderer_get_tiles_busy (f->renderer))
      {
        g_assert_cmpint (g_get_monotonic_time (), <, end);
        if (!g_main_context_iteration (NULL, FALSE))
          g_usleep (1000);
      }
    proj.origin_x += 128;
    assert_view_matches (f, &proj, 1, "panned a tile");
    g_assert_cmpuint (cr_map_renderer_get_n_tiles_drawn (f->renderer), ==, 0);
    proj.origin_x -= 128;
  }
  /* And back: the tiles are still there. */
  proj.origin_x -= 300;
  proj.origin_y += 170;
  assert_view_matches (f, &proj, 1, "back");
  g_assert_cmpuint (cr_map_renderer_get_n_tiles_drawn (f->renderer), ==, 0);
  proj.origin_x += 300;
  proj.origin_y -= 170;

  /* Each change that alters zones drops the tiles. */
  cr_map_renderer_set_kind_visible (f->renderer, "orange_zone", FALSE);
  assert_view_matches (f, &proj, 1, "kind hidden");
  g_assert_cmpuint (cr_map_renderer_get_n_tiles_drawn (f->renderer), >=, 35);
  cr_map_renderer_set_kind_visible (f->renderer, "orange_zone", TRUE);
  cr_map_renderer_set_group_visible (f->renderer, CR_KIND_GROUP_PERIMETER, FALSE);
  assert_view_matches (f, &proj, 1, "perimeters hidden");
  cr_map_renderer_set_group_visible (f->renderer, CR_KIND_GROUP_PERIMETER, TRUE);
  assert_view_matches (f, &proj, 1, "perimeters shown");

  /* Zone A is inactive at 14:00: faded, then hidden. */
  cr_map_renderer_set_time (f->renderer, outside);
  assert_view_matches (f, &proj, 1, "zone A faded");
  g_assert_cmpuint (cr_map_renderer_get_n_tiles_drawn (f->renderer), >, 0);
  cr_map_renderer_set_fade_inactive (f->renderer, FALSE);
  assert_view_matches (f, &proj, 1, "zone A hidden");
  /* Another time at which the same features are active keeps them. */
  {
    g_autoptr(GDateTime) later = cr_time_parse ("2024-09-28T15:00:00+02:00");

    cr_map_renderer_set_time (f->renderer, later);
    assert_view_matches (f, &proj, 1, "later");
    g_assert_cmpuint (cr_map_renderer_get_n_tiles_drawn (f->renderer), ==, 0);
  }
  cr_map_renderer_set_time (f->renderer, NULL);
  assert_view_matches (f, &proj, 1, "any time");

  /* A zone added to the store: only the tiles it touches are drawn again;
   * moved, those where it was and where it is; deleted, where it was. */
  new_zone = add_feature (f->store, f->event_id, "traffic_closure", "New", square, NULL, NULL);
  assert_view_matches (f, &proj, 1, "zone added");
  g_assert_cmpuint (cr_map_renderer_get_n_tiles_drawn (f->renderer), >, 0);
  g_assert_cmpuint (cr_map_renderer_get_n_tiles_drawn (f->renderer), <=, 4);
  {
    g_autoptr(CrGeometry) moved = cr_geometry_new_circle (4.357, 50.853, 200, 4);
    g_autoptr(CrRecord) record = cr_store_get (f->store, CR_TYPE_FEATURE, new_zone, &error);

    g_assert_no_error (error);
    cr_feature_set_geometry (CR_FEATURE (record), moved);
    g_assert_true (cr_store_update (f->store, record, &error));
    g_assert_no_error (error);
    assert_view_matches (f, &proj, 1, "zone moved");
    g_assert_cmpuint (cr_map_renderer_get_n_tiles_drawn (f->renderer), >, 1);
    g_assert_cmpuint (cr_map_renderer_get_n_tiles_drawn (f->renderer), <=, 8);
    g_assert_true (cr_store_delete (f->store, record, &error));
    g_assert_no_error (error);
    assert_view_matches (f, &proj, 1, "zone deleted");
    g_assert_cmpuint (cr_map_renderer_get_n_tiles_drawn (f->renderer), >, 0);
    g_assert_cmpuint (cr_map_renderer_get_n_tiles_drawn (f->renderer), <=, 4);
  }

  /* The wall screen's scale. */
  cr_map_renderer_set_scale (f->renderer, 2);
  assert_view_matches (f, &proj, 1, "scale 2");
  cr_map_renderer_set_scale (f->renderer, 1);

  /* A HiDPI screen: tiles of device pixels. */
  assert_view_matches (f, &proj, 2, "device scale 2");

  /* During a zoom animation, no tiles: each frame has its own zoom. */
  cr_projection_init (&proj, 4.35, 50.85, 14.37, W, H, 256);
  assert_view_matches (f, &proj, 1, "zooming");
  g_assert_cmpuint (cr_map_renderer_get_n_tiles_drawn (f->renderer), ==, 0);
  /* Settled at that zoom, the next frame draws tiles. */
  proj.origin_x = round (proj.origin_x);
  proj.origin_y = round (proj.origin_y);
  assert_view_matches (f, &proj, 1, "settled");
  g_assert_cmpuint (cr_map_renderer_get_n_tiles_drawn (f->renderer), >=, 35);
}

static void
count_cb (guint *n)
{
  (*n)++;
}

/* Draws frames as the map view does, the next once the renderer says
 * more tiles are ready, until none is missing. */
static void
draw_until_complete (Fixture            *f,
                     const CrProjection *proj)
{
  guint frames = 0;

  for (;;)
    {
      guint n_changed = 0;
      gulong handler;
      gint64 end = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;
      cairo_surface_t *surface;
      guint n;

      handler = g_signal_connect_swapped (f->renderer, "changed", G_CALLBACK (count_cb), &n_changed);
      surface = render_at (f, proj, 1, TRUE, &n);
      cairo_surface_destroy (surface);
      g_assert_cmpuint (++frames, <, 1000);
      if (!cr_map_renderer_get_tiles_pending (f->renderer))
        {
          g_signal_handler_disconnect (f->renderer, handler);
          return;
        }
      while (n_changed == 0)
        {
          g_assert_cmpint (g_get_monotonic_time (), <, end);
          if (!g_main_context_iteration (NULL, FALSE))
            g_usleep (1000);
        }
      g_signal_handler_disconnect (f->renderer, handler);
    }
}

/* Draws (and frees) @node on white, the layer's corner at the image's. */
static cairo_surface_t *
draw_node (GskRenderNode      *node,
           const CrProjection *proj,
           int                 device_scale,
           double              dx,
           double              dy)
{
  return draw_on_white (NULL, node, proj, device_scale, dx, dy, NULL);
}

static cairo_surface_t *
render_node (Fixture            *f,
             const CrProjection *proj,
             int                 device_scale,
             double              dx,
             double              dy)
{
  guint n;

  return draw_node (view_node (f, proj, device_scale, dx, dy, &n), proj, device_scale, dx, dy);
}

/* Like assert_view_matches(), for the view's nodes at an offset. */
static void
assert_node_matches (Fixture            *f,
                     const CrProjection *proj,
                     int                 device_scale,
                     double              dx,
                     double              dy,
                     const char         *when)
{
  cairo_surface_t *node, *fresh;
  guint n, n_far;
  double mean;

  node = render_node (f, proj, device_scale, dx, dy);
  fresh = render_at (f, proj, device_scale, FALSE, &n);
  mean = image_difference (node, fresh, &n_far);
  g_test_message ("%s: %u tiles drawn, mean difference %.3f, %u pixels more than 40 apart", when,
                  cr_map_renderer_get_n_tiles_drawn (f->renderer), mean, n_far);
  g_assert_cmpfloat (mean, <, 0.6);
  g_assert_cmpuint (n_far, <, W * H * device_scale * device_scale / 2000);
  cairo_surface_destroy (node);
  cairo_surface_destroy (fresh);
}

/* A cairo node under a node: its bounds, and where its parents put it. */
typedef struct
{
  graphene_rect_t bounds;
  float dx, dy;
} PlacedNode;

/* Adds to @placed (PlacedNode) the cairo nodes under @node, at (@dx, @dy). */
static void
collect_cairo_nodes (GskRenderNode *node,
                     float          dx,
                     float          dy,
                     GArray        *placed)
{
  PlacedNode cairo_node = { .dx = dx, .dy = dy };
  float tx, ty;

  switch ((int) gsk_render_node_get_node_type (node))
    {
    case GSK_CAIRO_NODE:
      gsk_render_node_get_bounds (node, &cairo_node.bounds);
      g_array_append_val (placed, cairo_node);
      break;
    case GSK_CONTAINER_NODE:
      for (guint i = 0; i < gsk_container_node_get_n_children (node); i++)
        collect_cairo_nodes (gsk_container_node_get_child (node, i), dx, dy, placed);
      break;
    case GSK_TRANSFORM_NODE:
      g_assert_cmpint (gsk_transform_get_category (gsk_transform_node_get_transform (node)), >=,
                       GSK_TRANSFORM_CATEGORY_2D_TRANSLATE);
      gsk_transform_to_translate (gsk_transform_node_get_transform (node), &tx, &ty);
      collect_cairo_nodes (gsk_transform_node_get_child (node), dx + tx, dy + ty, placed);
      break;
    default:
      g_assert_not_reached ();
    }
}

/* Asserts that the cairo nodes under @node lie within @proj's view grown
 * by @margin: what is out of view costs the GL renderer an image and its
 * upload all the same. */
static void
assert_nodes_near_view (GskRenderNode      *node,
                        const CrProjection *proj,
                        double              margin)
{
  g_autoptr(GArray) placed = g_array_new (FALSE, FALSE, sizeof (PlacedNode));

  collect_cairo_nodes (node, 0, 0, placed);
  for (guint i = 0; i < placed->len; i++)
    {
      const PlacedNode *p = &g_array_index (placed, PlacedNode, i);

      g_assert_cmpfloat (p->bounds.origin.x + p->dx, >=, -margin);
      g_assert_cmpfloat (p->bounds.origin.y + p->dy, >=, -margin);
      g_assert_cmpfloat (p->bounds.origin.x + p->dx + p->bounds.size.width, <=, proj->width + margin);
      g_assert_cmpfloat (p->bounds.origin.y + p->dy + p->bounds.size.height, <=, proj->height + margin);
    }
}

/* The map view's nodes (a node per tile, one for what goes over them)
 * show what a fresh drawing does, at the layer's place in the frame and
 * at each scale; where tiles cannot serve, and under many lines, the
 * view goes through an image. */
static void
test_tiles_node (Fixture      *f,
                 gconstpointer data)
{
  CrProjection proj = f->proj;
  cairo_surface_t *first, *again;
  guint n, n_far;

  add_dense_scene (f);
  proj.origin_x = round (proj.origin_x);
  proj.origin_y = round (proj.origin_y);
  for (int scale = 1; scale <= 2; scale++)
    {
      cr_map_renderer_clear_tiles (f->renderer);
      assert_node_matches (f, &proj, scale, 180, 47, "node");
      g_assert_cmpuint (cr_map_renderer_get_n_tiles_drawn (f->renderer), >=, 35);
      /* From the tiles, not drawn again: the same picture. */
      first = render_node (f, &proj, scale, 180, 47);
      g_assert_cmpuint (cr_map_renderer_get_n_tiles_drawn (f->renderer), ==, 0);
      again = render_node (f, &proj, scale, 0, 0);
      g_assert_cmpuint (cr_map_renderer_get_n_tiles_drawn (f->renderer), ==, 0);
      g_assert_cmpfloat (image_difference (first, again, &n_far), ==, 0);
      cairo_surface_destroy (first);
      cairo_surface_destroy (again);
    }

  /* While the zoom changes past what tiles cover, the view is drawn
   * afresh through an image, and so is the next frame: the node before,
   * which GTK may still hold, shows its own frame. */
  {
    CrProjection out, further;
    cairo_surface_t *before, *frame, *fresh;
    GskRenderNode *node, *next;

    cr_projection_init (&out, 4.35, 50.85, 12.5, W, H, 256);
    cr_projection_init (&further, 4.35, 50.85, 12.6, W, H, 256);
    before = render_at (f, &out, 1, FALSE, &n);
    node = view_node (f, &out, 1, 0, 0, &n);
    g_assert_cmpuint (cr_map_renderer_get_n_tiles_drawn (f->renderer), ==, 0);
    cr_map_renderer_set_kind_visible (f->renderer, "orange_zone", FALSE);
    next = view_node (f, &further, 1, 0, 0, &n);
    frame = draw_node (node, &out, 1, 0, 0);
    g_test_message ("first node after the next frame: %.3f from its own",
                    image_difference (frame, before, &n_far));
    g_assert_cmpfloat (image_difference (frame, before, &n_far), <, 0.6);
    cairo_surface_destroy (frame);
    frame = draw_node (next, &further, 1, 0, 0);
    fresh = render_at (f, &further, 1, FALSE, &n);
    g_assert_cmpfloat (image_difference (frame, fresh, &n_far), <, 0.6);
    cairo_surface_destroy (frame);
    cairo_surface_destroy (fresh);
    cairo_surface_destroy (before);
    cr_map_renderer_set_kind_visible (f->renderer, "orange_zone", TRUE);
  }

  /* A line running kilometres out of view on both sides: the node over
   * the tiles stays within the view, the tiles' within a tile of it. */
  {
    g_autoptr(CrGeometry) line = cr_geometry_new (CR_GEOMETRY_LINESTRING);
    GskRenderNode *node;

    cr_geometry_append_coord (line, 4.25, 50.84);
    cr_geometry_append_coord (line, 4.35, 50.851);
    cr_geometry_append_coord (line, 4.45, 50.86);
    add_feature (f->store, f->event_id, "motorcade", "Far", line, NULL, NULL);
    node = view_node (f, &proj, 1, 0, 0, &n);
    assert_nodes_near_view (node, &proj, 128);
    gsk_render_node_unref (node);
    assert_node_matches (f, &proj, 1, 0, 0, "node under a far line");
  }

  /* An itinerary of many vertices: lines go over the tiles through an
   * image. */
  {
    g_autoptr(CrGeometry) line = cr_geometry_new (CR_GEOMETRY_LINESTRING);

    for (guint i = 0; i < 12000; i++)
      cr_geometry_append_coord (line, 4.33 + 0.03 * i / 12000.0, 50.845 + 0.004 * sin (i / 300.0));
    add_feature (f->store, f->event_id, "motorcade", "Long", line, NULL, NULL);
  }
  assert_node_matches (f, &proj, 1, 180, 47, "node under a long line");
}

/* Tiles of a translucent colour, at once. */
static void
quick_draw (gpointer            data,
            cairo_t            *cr,
            const CrProjection *proj,
            CrCoverage         *coverage,
            const gint         *cancelled)
{
  cairo_set_source_rgba (cr, 0.9, 0.1, 0.1, 0.3);
  cairo_paint (cr);
}

/* The same, taking a worker 100 ms a region: slow, whatever the machine
 * and its load. */
static void
slow_draw (gpointer            data,
           cairo_t            *cr,
           const CrProjection *proj,
           CrCoverage         *coverage,
           const gint         *cancelled)
{
  g_usleep (100000);
  quick_draw (data, cr, proj, coverage, cancelled);
}

static gboolean
ignore_ready (gpointer data)
{
  return G_SOURCE_REMOVE;
}

/* A frame of @tiles' nodes at @scale (NULL if none), @shown what
 * cr_map_tiles_snapshot() said. */
static GskRenderNode *
tiles_node (CrMapTiles         *tiles,
            const CrProjection *proj,
            int                 scale,
            gboolean           *shown)
{
  GtkSnapshot *snapshot = gtk_snapshot_new ();

  *shown = cr_map_tiles_snapshot (tiles, snapshot, proj, scale);
  return gtk_snapshot_free_to_node (snapshot);
}

/* A frame of @tiles' nodes, dropped. */
static gboolean
snapshot_tiles (CrMapTiles         *tiles,
                const CrProjection *proj)
{
  gboolean shown;
  GskRenderNode *node = tiles_node (tiles, proj, 1, &shown);

  g_clear_pointer (&node, gsk_render_node_unref);
  return shown;
}

/* Turns the main loop until @tiles' workers are done, started or not. */
static void
wait_tiles_idle (CrMapTiles *tiles)
{
  gint64 end = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  while (cr_map_tiles_get_busy (tiles))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, end);
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
    }
}

/* A frame waits for tiles only when, by what they have cost so far, they
 * can be done in time: else it shows the stale ones at once. */
static void
test_tiles_wait (void)
{
  CrMapTiles *tiles = cr_map_tiles_new (slow_draw, ignore_ready, NULL);
  CrProjection proj;

  cr_projection_init (&proj, 4.35, 50.85, 14, W, H, 256);
  proj.origin_x = round (proj.origin_x);
  proj.origin_y = round (proj.origin_y);

  /* The first time, all of them: now it knows what a tile costs. */
  cr_map_tiles_set_wait (tiles, -1);
  g_assert_true (snapshot_tiles (tiles, &proj));
  g_assert_cmpuint (cr_map_tiles_get_n_drawn (tiles), >=, 35);
  g_assert_false (cr_map_tiles_get_pending (tiles));

  /* 35 tiles and more, 2 × 2 in 100 ms on two workers: some 450 ms. Not
   * within 150 ms: no wait, no tile yet. */
  cr_map_tiles_set_wait (tiles, 150000);
  cr_map_tiles_expire (tiles, NULL, 0);
  g_assert_true (snapshot_tiles (tiles, &proj));
  g_assert_cmpuint (cr_map_tiles_get_n_drawn (tiles), ==, 0);
  g_assert_true (cr_map_tiles_get_pending (tiles));
  /* Nor do the workers start on them while the frame is being made and
   * rendered (they would take its cores): only once the main loop turns. */
  g_usleep (300000);
  cr_map_tiles_set_wait (tiles, 0);
  g_assert_true (snapshot_tiles (tiles, &proj));
  g_assert_cmpuint (cr_map_tiles_get_n_drawn (tiles), ==, 0);
  g_assert_true (cr_map_tiles_get_busy (tiles));
  wait_tiles_idle (tiles);
  g_assert_true (snapshot_tiles (tiles, &proj));
  g_assert_cmpuint (cr_map_tiles_get_n_drawn (tiles), >=, 35);
  g_assert_false (cr_map_tiles_get_pending (tiles));
  cr_map_tiles_stop (tiles);

  /* Within 10 s: the frame waits, and has them all. */
  cr_map_tiles_set_wait (tiles, 10 * G_USEC_PER_SEC);
  cr_map_tiles_expire (tiles, NULL, 0);
  g_assert_true (snapshot_tiles (tiles, &proj));
  g_assert_cmpuint (cr_map_tiles_get_n_drawn (tiles), >=, 35);
  g_assert_false (cr_map_tiles_get_pending (tiles));

  cr_map_tiles_free (tiles);
}

/* A square of 20 × 10 px at (@x, @y) of the view @at, scaled with the
 * zoom. */
typedef struct
{
  CrProjection at;
  double x, y;
} Square;

static void
square_draw (gpointer            data,
             cairo_t            *cr,
             const CrProjection *proj,
             CrCoverage         *coverage,
             const gint         *cancelled)
{
  const Square *square = data;
  double k = proj->world / square->at.world;

  cairo_set_source_rgba (cr, 0.9, 0.1, 0.1, 0.5);
  cairo_rectangle (cr, (square->at.origin_x + square->x) * k - proj->origin_x,
                   (square->at.origin_y + square->y) * k - proj->origin_y, 20 * k, 10 * k);
  cairo_fill (cr);
}

/* The area of the cairo nodes under @node (their pixels, composited).
 * Asserts each is on whole view pixels: GTK 4.8's GL renderer draws one
 * that is not a device pixel off, its last row and column cut. */
static double
cairo_nodes_area (GskRenderNode *node)
{
  g_autoptr(GArray) placed = g_array_new (FALSE, FALSE, sizeof (PlacedNode));
  double area = 0;

  collect_cairo_nodes (node, 0, 0, placed);
  for (guint i = 0; i < placed->len; i++)
    {
      const graphene_rect_t *bounds = &g_array_index (placed, PlacedNode, i).bounds;

      g_assert_cmpfloat (bounds->origin.x, ==, round (bounds->origin.x));
      g_assert_cmpfloat (bounds->origin.y, ==, round (bounds->origin.y));
      g_assert_cmpfloat (bounds->size.width, ==, round (bounds->size.width));
      g_assert_cmpfloat (bounds->size.height, ==, round (bounds->size.height));
      area += bounds->size.width * bounds->size.height;
    }
  return area;
}

/* The pixels of @surface (drawn on white) that are not white, in @ink;
 * how many. Asserts they are all of one colour (none blended twice). */
static guint
tinted_pixels (cairo_surface_t       *surface,
               cairo_rectangle_int_t *ink)
{
  int w = cairo_image_surface_get_width (surface), h = cairo_image_surface_get_height (surface);
  int stride = cairo_image_surface_get_stride (surface);
  int x0 = w, y0 = h, x1 = -1, y1 = -1;
  guint32 tint = 0;
  guint n = 0;

  for (int y = 0; y < h; y++)
    for (int x = 0; x < w; x++)
      {
        guint32 pixel = *(const guint32 *) (cairo_image_surface_get_data (surface) + (gsize) y * stride + 4 * x);

        if (pixel == 0xffffffff)
          continue;
        if (n == 0)
          tint = pixel;
        g_assert_cmphex (pixel, ==, tint);
        n++;
        x0 = MIN (x0, x);
        y0 = MIN (y0, y);
        x1 = MAX (x1, x);
        y1 = MAX (y1, y);
      }
  *ink = (cairo_rectangle_int_t) { x0, y0, x1 - x0 + 1, y1 - y0 + 1 };
  return n;
}

/* The square as a level's tiles hold it at @scale, scaled (nearest
 * pixels) into @view at @scale, on white: what stand-ins must show. */
static cairo_surface_t *
square_scaled (const Square       *square,
               const CrProjection *view,
               int                 scale)
{
  double f = view->world / square->at.world;
  cairo_surface_t *frame = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, view->width * scale,
                                                       view->height * scale);
  cairo_surface_t *ink = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 20 * scale, 10 * scale);
  cairo_t *cr = cairo_create (ink);

  cairo_set_source_rgba (cr, 0.9, 0.1, 0.1, 0.5);
  cairo_paint (cr);
  cairo_destroy (cr);
  cr = cairo_create (frame);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_translate (cr, -view->origin_x * scale, -view->origin_y * scale);
  cairo_scale (cr, f, f);
  cairo_set_source_surface (cr, ink, (square->at.origin_x + square->x) * scale,
                            (square->at.origin_y + square->y) * scale);
  cairo_pattern_set_filter (cairo_get_source (cr), CAIRO_FILTER_FAST);
  cairo_paint (cr);
  cairo_destroy (cr);
  cairo_surface_destroy (ink);
  cairo_surface_flush (frame);
  return frame;
}

/* Tiles, at device @scale, of a square @dx px right of 10 px and 5 px
 * short of a corner of tiles (of 128 device pixels) in a view at z14:
 * complete, the view has a node for each tile's part of the square, on
 * whole view pixels, and shows it exactly; then, before their tiles,
 * views at each of @zooms show it from the stand-ins exactly as the z14
 * tiles scaled (nearest pixels), none blended twice, none lost. */
static void
check_square_tiles (double        dx,
                    int           scale,
                    const double *zooms,
                    guint         n_zooms)
{
  Square square;
  CrProjection *proj = &square.at;
  CrMapTiles *tiles = cr_map_tiles_new (square_draw, ignore_ready, &square);
  cairo_surface_t *frame, *expected;
  cairo_rectangle_int_t ink;
  GskRenderNode *node;
  gboolean shown;
  guint n_far;

  cr_projection_init (proj, 4.35, 50.85, 14, W, H, 256);
  proj->origin_x = round (proj->origin_x);
  proj->origin_y = round (proj->origin_y);
  square.x = ceil ((proj->origin_x + 300) * scale / 128) * 128 / scale - proj->origin_x - 10 + dx;
  square.y = ceil ((proj->origin_y + 200) * scale / 128) * 128 / scale - proj->origin_y - 5;
  cr_map_tiles_set_wait (tiles, -1);
  node = tiles_node (tiles, proj, scale, &shown);
  g_assert_true (shown);
  g_assert_false (cr_map_tiles_get_pending (tiles));
  g_assert_cmpuint (gsk_container_node_get_n_children (node), ==, 4);
  /* A view pixel more where the square ends on half of one. */
  g_assert_cmpfloat (cairo_nodes_area (node), ==, (20 + ceil (dx) - floor (dx)) * 10);
  frame = draw_node (node, proj, scale, 0, 0);
  expected = square_scaled (&square, proj, scale);
  g_assert_cmpuint (tinted_pixels (frame, &ink), ==, 20 * 10 * scale * scale);
  g_assert_cmpfloat (image_difference (frame, expected, &n_far), ==, 0);
  cairo_surface_destroy (frame);
  cairo_surface_destroy (expected);
  wait_tiles_idle (tiles);

  cr_map_tiles_set_wait (tiles, 0);
  for (guint i = 0; i < n_zooms; i++)
    {
      CrProjection in;
      double f = pow (2, zooms[i] - 14);

      cr_projection_init (&in, 4.35, 50.85, zooms[i], W, H, 256);
      in.origin_x = round ((proj->origin_x + 300) * f) - 300;
      in.origin_y = round ((proj->origin_y + 200) * f) - 200;
      node = tiles_node (tiles, &in, scale, &shown);
      g_assert_true (shown);
      g_assert_true (cr_map_tiles_get_pending (tiles));
      cairo_nodes_area (node);
      frame = draw_node (node, &in, scale, 0, 0);
      expected = square_scaled (&square, &in, scale);
      g_test_message ("square %+.1f at scale %d, zoom %.1f: %u pixels tinted, %.4f apart", dx, scale,
                      zooms[i], tinted_pixels (frame, &ink), image_difference (frame, expected, &n_far));
      g_assert_cmpuint (tinted_pixels (frame, &ink), ==, tinted_pixels (expected, &ink));
      g_assert_cmpuint (tinted_pixels (frame, &ink), >, 0);
      g_assert_cmpfloat (image_difference (frame, expected, &n_far), ==, 0);
      cairo_surface_destroy (frame);
      cairo_surface_destroy (expected);
    }
  cr_map_tiles_free (tiles);
}

/* Each tile keeps, and composites, only the rectangle of its ink; the
 * former level's stand in by a node for each tile's: at device scales 1
 * and 2, with the square's edges on whole and half view pixels (odd
 * device pixels), zooming in and out by whole levels and by a zoom
 * animation's fractions. */
static void
test_tiles_ink (void)
{
  const double in[] = { 14.4, 15 }, out[] = { 13.6, 13 };
  /* (At 13.6 and device scale 2, the z14 tiles do not cover the view:
   * the view is then drawn afresh.) */
  const double out_hidpi[] = { 13 };

  check_square_tiles (0, 1, in, G_N_ELEMENTS (in));
  check_square_tiles (0, 2, in, G_N_ELEMENTS (in));
  check_square_tiles (0.5, 2, in, G_N_ELEMENTS (in));
  check_square_tiles (0, 1, out, G_N_ELEMENTS (out));
  check_square_tiles (1, 1, out, G_N_ELEMENTS (out));
  check_square_tiles (0.5, 2, out_hidpi, G_N_ELEMENTS (out_hidpi));
}

/* What a frame leaves for after it is dropped by the next frame, which
 * plans its own: a view left before the main loop turned is not drawn. */
static void
test_tiles_replan (void)
{
  CrMapTiles *tiles = cr_map_tiles_new (quick_draw, ignore_ready, NULL);
  CrProjection here, away;

  cr_projection_init (&here, 4.35, 50.85, 14, W, H, 256);
  cr_projection_init (&away, 4.45, 50.85, 14, W, H, 256);
  here.origin_x = round (here.origin_x);
  here.origin_y = round (here.origin_y);
  away.origin_x = round (away.origin_x);
  away.origin_y = round (away.origin_y);

  /* Complete, and the ring around it too. */
  cr_map_tiles_set_wait (tiles, -1);
  g_assert_true (snapshot_tiles (tiles, &here));
  wait_tiles_idle (tiles);
  g_assert_true (snapshot_tiles (tiles, &here));
  g_assert_false (cr_map_tiles_get_busy (tiles));

  /* A frame away, not waiting: its tiles are left for after it. */
  cr_map_tiles_set_wait (tiles, 0);
  g_assert_true (snapshot_tiles (tiles, &away));
  g_assert_true (cr_map_tiles_get_pending (tiles));
  g_assert_true (cr_map_tiles_get_busy (tiles));
  /* Back before the main loop turns: nothing left to draw. */
  g_assert_true (snapshot_tiles (tiles, &here));
  g_assert_false (cr_map_tiles_get_pending (tiles));
  g_assert_false (cr_map_tiles_get_busy (tiles));

  cr_map_tiles_free (tiles);
}

/* Frames that do not wait for tiles: the stale ones show until the new
 * ones are drawn, a former zoom level's stand in scaled, changes while
 * workers draw stop them, and the view ends up as if drawn afresh. */
static void
test_tiles_progressive (Fixture      *f,
                        gconstpointer data)
{
  cairo_surface_t *before, *frame, *fresh, *blank;
  CrProjection proj = f->proj;
  guint n, n_far;
  double zones;

  add_dense_scene (f);
  proj.origin_x = round (proj.origin_x);
  proj.origin_y = round (proj.origin_y);
  before = render_at (f, &proj, 1, TRUE, &n);
  g_assert_false (cr_map_renderer_get_tiles_pending (f->renderer));
  cr_map_renderer_set_tile_wait (f->renderer, 0);

  /* A change: the first frame shows the stale tiles, none new yet. */
  cr_map_renderer_set_kind_visible (f->renderer, "orange_zone", FALSE);
  frame = render_at (f, &proj, 1, TRUE, &n);
  fresh = render_at (f, &proj, 1, FALSE, &n);
  g_assert_true (cr_map_renderer_get_tiles_pending (f->renderer));
  g_assert_cmpuint (cr_map_renderer_get_n_tiles_drawn (f->renderer), ==, 0);
  g_test_message ("stale: %.3f from before, %.3f from fresh", image_difference (frame, before, &n_far),
                  image_difference (frame, fresh, &n_far));
  g_assert_cmpfloat (image_difference (frame, before, &n_far), <, image_difference (frame, fresh, &n_far));
  cairo_surface_destroy (frame);
  cairo_surface_destroy (fresh);
  cairo_surface_destroy (before);
  draw_until_complete (f, &proj);
  assert_view_matches (f, &proj, 1, "complete");
  g_assert_cmpuint (cr_map_renderer_get_n_tiles_drawn (f->renderer), ==, 0);

  /* Changes while the workers draw: they stop, and start again. */
  cr_map_renderer_set_kind_visible (f->renderer, "orange_zone", TRUE);
  frame = render_at (f, &proj, 1, TRUE, &n);
  cairo_surface_destroy (frame);
  cr_map_renderer_set_group_visible (f->renderer, CR_KIND_GROUP_PERIMETER, FALSE);
  cr_map_renderer_set_group_visible (f->renderer, CR_KIND_GROUP_PERIMETER, TRUE);
  cr_map_renderer_set_scale (f->renderer, 1.5);
  frame = render_at (f, &proj, 1, TRUE, &n);
  cairo_surface_destroy (frame);
  {
    g_autoptr(CrGeometry) late = cr_geometry_new_circle (4.345, 50.852, 150, 24);

    add_feature (f->store, f->event_id, "red_zone", "Late", late, NULL, NULL);
  }
  draw_until_complete (f, &proj);
  assert_view_matches (f, &proj, 1, "after changes");

  /* A zoom level further in: until its tiles are drawn, the last level's
   * stand in, scaled: closer to the fresh view than a blank one (outlines
   * twice as wide, and blurred, make up the difference). */
  blank = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, W, H);
  cr_projection_init (&proj, 4.35, 50.85, 15, W, H, 256);
  proj.origin_x = round (proj.origin_x);
  proj.origin_y = round (proj.origin_y);
  frame = render_at (f, &proj, 1, TRUE, &n);
  g_assert_true (cr_map_renderer_get_tiles_pending (f->renderer));
  g_assert_cmpuint (cr_map_renderer_get_n_tiles_drawn (f->renderer), ==, 0);
  fresh = render_at (f, &proj, 1, FALSE, &n);
  {
    cairo_t *cr = cairo_create (blank);

    cairo_set_source_rgb (cr, 1, 1, 1);
    cairo_paint (cr);
    cairo_destroy (cr);
  }
  zones = image_difference (fresh, blank, &n_far);
  g_test_message ("zoomed in: %.3f from fresh, zones %.3f", image_difference (frame, fresh, &n_far), zones);
  g_assert_cmpfloat (image_difference (frame, fresh, &n_far), <, zones / 3);
  cairo_surface_destroy (frame);
  cairo_surface_destroy (fresh);
  draw_until_complete (f, &proj);
  assert_view_matches (f, &proj, 1, "zoomed in, complete");

  /* A zoom animation's frame: no tile drawn, the level's tiles scaled. */
  cr_projection_init (&proj, 4.35, 50.85, 15.4, W, H, 256);
  proj.origin_x = round (proj.origin_x);
  proj.origin_y = round (proj.origin_y);
  frame = render_at (f, &proj, 1, TRUE, &n);
  g_assert_cmpuint (cr_map_renderer_get_n_tiles_drawn (f->renderer), ==, 0);
  fresh = render_at (f, &proj, 1, FALSE, &n);
  g_test_message ("zooming: %.3f from fresh", image_difference (frame, fresh, &n_far));
  g_assert_cmpfloat (image_difference (frame, fresh, &n_far), <, zones / 4);
  g_assert_cmpfloat (image_difference (frame, fresh, &n_far), >, 0);
  cairo_surface_destroy (frame);
  cairo_surface_destroy (fresh);
  /* Where it stops, the next frame settles and draws its tiles. */
  g_assert_true (cr_map_renderer_get_tiles_pending (f->renderer));
  draw_until_complete (f, &proj);
  assert_view_matches (f, &proj, 1, "settled");

  /* Zoomed out past what tiles cover: drawn directly, exactly. */
  cr_projection_init (&proj, 4.35, 50.85, 12.5, W, H, 256);
  assert_view_matches (f, &proj, 1, "zooming out");
  g_assert_cmpuint (cr_map_renderer_get_n_tiles_drawn (f->renderer), ==, 0);
  cairo_surface_destroy (blank);
}

/* The rasterizer itself: holes cancel, overlaps merge, dashes leave gaps,
 * and it declines surfaces it cannot draw on. */
static void
test_coverage (void)
{
  g_autoptr(CrCoverage) coverage = cr_coverage_new ();
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 200, 100);
  cairo_rectangle_t extents = { 0, 0, 10, 10 };
  cairo_surface_t *recording = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, &extents);
  cairo_t *cr = cairo_create (surface);
  cairo_t *rec = cairo_create (recording);
  /* Clockwise on screen, and the hole the other way. */
  const double square[] = { 10.5, 10, 90, 10, 90, 90, 10.5, 90 };
  const double hole[] = { 30, 30, 30, 70, 70, 70, 70, 30 };
  const double overlap[] = { 50, 10, 90, 10, 90, 50, 50, 50 };
  const double line[] = { 110, 50, 190, 50 };
  const double dash[] = { 10, 10 };
  guint8 rgb[3];

  g_assert_false (cr_coverage_begin (coverage, rec));
  cairo_rotate (cr, 0.3);
  g_assert_false (cr_coverage_begin (coverage, cr));
  cairo_identity_matrix (cr);
  g_assert_true (cr_coverage_begin (coverage, cr));

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cr_coverage_add_ring (coverage, square, 4);
  cr_coverage_add_ring (coverage, hole, 4);
  cr_coverage_add_ring (coverage, overlap, 4);
  cairo_set_source_rgba (cr, 0, 0, 0, 0.5);
  cr_coverage_paint (coverage, cr, 1);
  cr_coverage_add_stroke (coverage, line, 2, FALSE, 4, dash, 2);
  cairo_set_source_rgb (cr, 0, 0, 1);
  cr_coverage_paint (coverage, cr, 1);
  cairo_destroy (cr);
  cairo_destroy (rec);
  cairo_surface_destroy (recording);

  /* In the ring: half grey; in the hole: white; where two rings overlap:
   * still half grey, not darker; outside: white. */
  pixel_xy (surface, 20, 20, rgb);
  g_assert_cmpint (ABS (rgb[0] - 128), <=, 2);
  pixel_xy (surface, 50, 50, rgb);
  g_assert_cmpuint (rgb[0], ==, 255);
  pixel_xy (surface, 80, 20, rgb);
  g_assert_cmpint (ABS (rgb[0] - 128), <=, 2);
  pixel_xy (surface, 95, 50, rgb);
  g_assert_cmpuint (rgb[0], ==, 255);
  /* An edge pixel half covered: half way between. */
  pixel_xy (surface, 10, 50, rgb);
  g_assert_cmpint (ABS (rgb[0] - 191), <=, 3);
  pixel_xy (surface, 9, 50, rgb);
  g_assert_cmpuint (rgb[0], ==, 255);
  /* The dashed line: blue on the first dash, white in the first gap. */
  pixel_xy (surface, 115, 50, rgb);
  g_assert_cmpuint (rgb[0], <, 10);
  g_assert_cmpuint (rgb[2], ==, 255);
  pixel_xy (surface, 125, 50, rgb);
  g_assert_cmpuint (rgb[0], >, 200);
  pixel_xy (surface, 135, 50, rgb);
  g_assert_cmpuint (rgb[0], <, 10);
  cairo_surface_destroy (surface);
}

static void
test_labels_do_not_pile_up (void)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 400, 300);
  cairo_t *cr = cairo_create (surface);
  PangoContext *context = pango_cairo_create_context (cr);
  g_autoptr(CrLabelPlacer) placer = cr_label_placer_new (context, 12);

  cr_label_placer_add (placer, "Low", 100, 100, 0, 1, FALSE);
  cr_label_placer_add (placer, "High priority", 102, 101, 0, 3, FALSE);
  cr_label_placer_add (placer, "Elsewhere", 300, 250, 0, 1, FALSE);
  cr_label_placer_add (placer, "Off screen", 900, 900, 0, 5, FALSE);
  g_assert_cmpuint (cr_label_placer_draw (placer, cr, 400, 300), ==, 2);

  g_object_unref (context);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* @n labels from "Label 0" on, @dx pixels right of their places, over a
 * white image of 400 × 300 view pixels at @scale, from @cache or (NULL)
 * as outlines. *@n_drawn: how many fit. */
static cairo_surface_t *
draw_labels (CrLabelCache *cache,
             int           scale,
             guint         first,
             guint         n,
             double        dx,
             guint        *n_drawn)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 400 * scale, 300 * scale);
  cairo_t *cr;
  PangoContext *context;
  g_autoptr(CrLabelPlacer) placer = NULL;

  cairo_surface_set_device_scale (surface, scale, scale);
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  context = pango_cairo_create_context (cr);
  placer = cr_label_placer_new (context, 12);
  cr_label_placer_set_cache (placer, cache, scale);
  for (guint i = first; i < first + n; i++)
    {
      g_autofree char *text = g_strdup_printf ("Label %u", i);

      /* Ten a row, at fractional places: cached labels go to whole
       * pixels. */
      cr_label_placer_add (placer, text, 40.3 + dx + 80 * (i % 5), 20.6 + 30 * ((i / 5) % 10), 0, 1, i % 2);
    }
  cr_label_placer_add (placer, " ", 200, 290, 0, 0, FALSE);
  *n_drawn = cr_label_placer_draw (placer, cr, 400, 300);
  g_object_unref (context);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

/* Labels for the screen are drawn once into images and copied after: they
 * look as the outlines drawn for a PDF do, at each scale; a frame with the
 * same labels makes none; the cache stays bounded. */
static void
test_labels_cached (void)
{
  g_autoptr(CrLabelCache) cache = cr_label_cache_new ();
  cairo_surface_t *outlines, *first, *again, *shifted;
  guint n_outlines, n_first, n_again, n_far, made;
  double cached_apart, shifted_apart;

  for (int scale = 1; scale <= 2; scale++)
    {
      outlines = draw_labels (NULL, scale, 0, 20, 0, &n_outlines);
      made = cr_label_cache_get_n_made (cache);
      first = draw_labels (cache, scale, 0, 20, 0, &n_first);
      g_assert_cmpuint (n_first, ==, n_outlines);
      g_assert_cmpuint (n_first, >=, 20);
      /* A new scale draws them all anew. */
      g_assert_cmpuint (cr_label_cache_get_n_made (cache), ==, made + 21);
      /* They go to whole pixels, half a pixel at most from the outlines:
       * closer to them than the outlines a pixel aside. */
      shifted = draw_labels (NULL, scale, 0, 20, 1, &n_again);
      cached_apart = image_difference (first, outlines, &n_far);
      shifted_apart = image_difference (shifted, outlines, &n_far);
      g_test_message ("scale %d: cached %.3f from outlines, a pixel aside %.3f", scale, cached_apart,
                      shifted_apart);
      g_assert_cmpfloat (cached_apart, <, shifted_apart);
      /* In fact on the same whole pixels as the outlines, not merely
       * close: one device pixel off would be 1.3. */
      g_assert_cmpfloat (cached_apart, <, 0.05);
      cairo_surface_destroy (shifted);

      /* The same labels again: none made, the same picture. */
      again = draw_labels (cache, scale, 0, 20, 0, &n_again);
      g_assert_cmpuint (cr_label_cache_get_n_made (cache), ==, made + 21);
      g_assert_cmpfloat (image_difference (first, again, &n_far), ==, 0);
      cairo_surface_destroy (outlines);
      cairo_surface_destroy (first);
      cairo_surface_destroy (again);
    }

  /* Labels that do not fit are measured, not drawn: one image for ten
   * labels on one spot. */
  {
    cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 400, 300);
    cairo_t *cr = cairo_create (surface);
    PangoContext *context = pango_cairo_create_context (cr);
    g_autoptr(CrLabelPlacer) placer = cr_label_placer_new (context, 12);

    cr_label_placer_set_cache (placer, cache, 2);
    made = cr_label_cache_get_n_made (cache);
    for (guint i = 0; i < 10; i++)
      {
        g_autofree char *text = g_strdup_printf ("Piled %u", i);

        cr_label_placer_add (placer, text, 200, 150, 0, 1, FALSE);
      }
    g_assert_cmpuint (cr_label_placer_draw (placer, cr, 400, 300), ==, 1);
    g_assert_cmpuint (cr_label_cache_get_n_made (cache), ==, made + 1);
    g_object_unref (context);
    cairo_destroy (cr);
    cairo_surface_destroy (surface);
  }

  /* Many labels over many frames: those of the last frames are kept, and
   * not many more. */
  for (guint i = 0; i < 100; i++)
    {
      cairo_surface_t *frame = draw_labels (cache, 2, 20 * i, 20, 0, &n_again);

      cairo_surface_destroy (frame);
      g_assert_cmpuint (cr_label_cache_get_size (cache), <=, 512 + 21);
    }
  g_assert_cmpuint (cr_label_cache_get_size (cache), >=, 21);
}

/* The map view's labels come from the cache; what is drawn for a PDF or a
 * PNG (cr_map_renderer_draw()) draws them as outlines. */
static void
test_labels_cached_view (Fixture      *f,
                         gconstpointer data)
{
  guint n, made;
  cairo_surface_t *surface;

  /* A PNG first: outlines, no image made. */
  surface = render_at (f, &f->proj, 1, FALSE, &n);
  cairo_surface_destroy (surface);
  g_assert_cmpuint (cr_map_renderer_get_n_labels_made (f->renderer), ==, 0);
  surface = render_at (f, &f->proj, 1, TRUE, &n);
  cairo_surface_destroy (surface);
  made = cr_map_renderer_get_n_labels_made (f->renderer);
  g_assert_cmpuint (made, >, 0);
  surface = render_at (f, &f->proj, 1, TRUE, &n);
  cairo_surface_destroy (surface);
  g_assert_cmpuint (cr_map_renderer_get_n_labels_made (f->renderer), ==, made);
  surface = render_at (f, &f->proj, 1, FALSE, &n);
  cairo_surface_destroy (surface);
  g_assert_cmpuint (cr_map_renderer_get_n_labels_made (f->renderer), ==, made);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  /* Render nodes without a display: gtk_init() would register their
   * types. */
  g_type_ensure (GSK_TYPE_CAIRO_NODE);

  g_test_add_func ("/map/projection", test_projection_matches_shumate);
  g_test_add_func ("/map/fit", test_fit);
  g_test_add ("/map/time-filter", Fixture, NULL, fixture_setup, test_time_filter, fixture_teardown);
  g_test_add ("/map/visibility", Fixture, NULL, fixture_setup, test_visibility, fixture_teardown);
  g_test_add ("/map/hit-order", Fixture, NULL, fixture_setup, test_hit_order, fixture_teardown);
  g_test_add ("/map/convoy", Fixture, NULL, fixture_setup, test_convoy, fixture_teardown);
  g_test_add_func ("/map/itinerary-math", test_itinerary_math);
  g_test_add_func ("/map/labels", test_labels_do_not_pile_up);
  g_test_add_func ("/map/labels-cached", test_labels_cached);
  g_test_add ("/map/labels-cached-view", Fixture, NULL, fixture_setup, test_labels_cached_view,
              fixture_teardown);
  g_test_add ("/map/cache-follows-store", Fixture, NULL, fixture_setup, test_cache_follows_store,
              fixture_teardown);
  g_test_add ("/map/raster-matches-paths", Fixture, NULL, fixture_setup, test_raster_matches_paths,
              fixture_teardown);
  g_test_add_func ("/map/coverage", test_coverage);
  g_test_add ("/map/tiles", Fixture, NULL, fixture_setup, test_tiles, fixture_teardown);
  g_test_add_func ("/map/tiles-wait", test_tiles_wait);
  g_test_add_func ("/map/tiles-replan", test_tiles_replan);
  g_test_add_func ("/map/tiles-ink", test_tiles_ink);
  g_test_add ("/map/tiles-node", Fixture, NULL, fixture_setup, test_tiles_node, fixture_teardown);
  g_test_add ("/map/tiles-progressive", Fixture, NULL, fixture_setup, test_tiles_progressive,
              fixture_teardown);

  return g_test_run ();
}
