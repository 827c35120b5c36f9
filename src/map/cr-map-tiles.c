/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cr-map"

#include "config.h"

#include <math.h>
#include <string.h>
#ifdef __linux__
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

#include "cr-map-tiles.h"

/* Zones are what costs in a dense view: thousands of translucent polygons
 * with outlines. The map view keeps them in tiles of TILE_PX device pixels
 * on the world's pixel grid at the zoom level drawn, so that a pan only
 * draws the tiles coming into view.
 *
 * Tiles are drawn by N_WORKERS threads, in square chunks of tiles, those
 * nearest the view's centre first. A frame waits for them at most `wait`
 * µs, and not at all when, by what tiles have cost lately, they cannot
 * all be drawn by then: it shows what it has, and the workers start once
 * it is rendered (from an idle: on the same two cores they made a first
 * frame two to three times slower). What it has: the tiles ready, the
 * stale ones (whose content changed) until their successors are, and
 * where a tile is missing after a zoom, the last zoom level's tiles,
 * scaled. When more tiles are ready, the owner's `ready` callback runs
 * on the main thread (it redraws). Once the view is complete, the
 * workers draw the ring of tiles around it, which a pan brings in next;
 * the view's own tiles go first whenever it lacks any.
 *
 * While workers run they read the owner's data: the owner calls
 * cr_map_tiles_stop() before it changes any of it. */

#define TILE_PX 128
/* Chunks of at least CHUNK_MIN tiles across and at most CHUNK_MAX, and
 * twice the typical feature across: a feature across two chunks is
 * prepared in both. */
#define CHUNK_MIN 2
#define CHUNK_MAX 8
#define N_WORKERS 2
#define DEFAULT_WAIT_US 4000
/* Tiles drawn ahead around a complete view. */
#define AHEAD 1
/* While workers draw, the owner redraws this often. */
#define PROGRESS_MS 50
#define WORKER_NICE 10
/* More of the last level's tiles than this behind a view: not worth it. */
#define MAX_STAND_INS 4096

/* TILE_PX device pixels square, at (x, y) × TILE_PX of the world's grid;
 * no surface when nothing is in it. What the surface holds is the
 * rectangle of its ink: the compositing of each node costs GTK's cairo
 * renderer three passes over its pixels (a cleared image, the recording
 * replayed into it, the blend), the clear ones around a zone's edge
 * included. */
typedef struct
{
  gint64 key;
  cairo_surface_t *surface; /* of its ink only: the pixels not clear */
  int ink_x, ink_y;         /* where in the tile the surface goes, device pixels */
  GskRenderNode *node; /* that paints it, made on the main thread when first shown */
  guint64 used;     /* the frame that last showed it */
  gboolean stale;   /* what it shows changed since it was drawn */
} Tile;

/* Tiles @tx .. @tx + @nx - 1, @ty .. @ty + @ny - 1, drawn in one go (a
 * zone across two of them is prepared once). */
typedef struct
{
  gint64 tx, ty;
  int nx, ny;
  double distance; /* of its centre from the view's, in tiles */
} Rect;

typedef struct
{
  CrMapTiles *owner;
  CrCoverage *coverage;
  guint8 *pixels; /* kept from one rect to the next */
  gsize size;
  GThread *thread;
} Worker;

struct _CrMapTiles
{
  CrMapTilesDraw draw;
  GSourceFunc ready;
  gpointer user_data;

  GHashTable *tiles;    /* &Tile.key -> Tile, at @world */
  double world;         /* the world's size in device pixels; 0: none yet */
  double device_scale;
  guint64 frame;
  GHashTable *previous; /* a former zoom level's, standing in; or NULL */
  double previous_world;
  gint64 wait;
  double feature_size;  /* a typical feature's, world = 1 */
  guint n_drawn;        /* by the last frame */
  gboolean pending;     /* the last frame lacked tiles */

  /* The job. Main thread only, but what the lock guards. */
  gboolean busy;        /* workers started and not joined */
  gboolean planned;     /* @rects set, workers not started yet */
  guint launch_id;      /* the idle that starts them, after the frame */
  gboolean ahead;       /* they draw the ring around the view, ahead of a pan */
  GArray *rects;        /* Rect, nearest first; fixed while busy */
  CrProjection job_view;
  gint next;            /* atomic: the next rect to take */
  gint cancelled;       /* atomic */
  Worker workers[N_WORKERS];
  GMutex lock;
  GCond cond;
  guint running;        /* workers still at work */
  gboolean waiting;     /* the main thread waits for them */
  guint idle_id;        /* the ready callback, scheduled */
  gboolean idle_now;    /* as an idle, not after PROGRESS_MS */
  GPtrArray *done;      /* Tile, drawn and not yet kept */
  double tile_usec;     /* what a tile has cost a worker lately at this level; 0: not known yet */
};

static void
tile_free (gpointer data)
{
  Tile *tile = data;

  /* The node first: else its recording, still holding the surface,
   * would copy it as it goes. */
  g_clear_pointer (&tile->node, gsk_render_node_unref);
  g_clear_pointer (&tile->surface, cairo_surface_destroy);
  g_free (tile);
}

static gint64
tile_key (gint64 x,
          gint64 y)
{
  return (gint64) (((guint64) (guint32) x << 32) | (guint32) y);
}

static gint64
floor_div (gint64 a,
           gint64 b)
{
  return a >= 0 ? a / b : -((-a + b - 1) / b);
}

static GHashTable *
tile_table_new (void)
{
  return g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, tile_free);
}

CrMapTiles *
cr_map_tiles_new (CrMapTilesDraw draw,
                  GSourceFunc    ready,
                  gpointer       user_data)
{
  CrMapTiles *self = g_new0 (CrMapTiles, 1);

  self->draw = draw;
  self->ready = ready;
  self->user_data = user_data;
  self->tiles = tile_table_new ();
  self->wait = DEFAULT_WAIT_US;
  self->rects = g_array_new (FALSE, FALSE, sizeof (Rect));
  self->done = g_ptr_array_new ();
  g_mutex_init (&self->lock);
  g_cond_init (&self->cond);
  for (guint i = 0; i < N_WORKERS; i++)
    {
      self->workers[i].owner = self;
      self->workers[i].coverage = cr_coverage_new ();
    }
  return self;
}

void
cr_map_tiles_free (CrMapTiles *self)
{
  if (self == NULL)
    return;
  cr_map_tiles_stop (self);
  if (self->idle_id != 0)
    g_source_remove (self->idle_id);
  g_assert (self->launch_id == 0);
  for (guint i = 0; i < N_WORKERS; i++)
    {
      cr_coverage_free (self->workers[i].coverage);
      g_free (self->workers[i].pixels);
    }
  g_hash_table_unref (self->tiles);
  g_clear_pointer (&self->previous, g_hash_table_unref);
  g_array_unref (self->rects);
  g_ptr_array_unref (self->done);
  g_mutex_clear (&self->lock);
  g_cond_clear (&self->cond);
  g_free (self);
}

/* The rectangle of the @width × @height pixels at @data that are not
 * transparent, in @ink; FALSE if none. */
static gboolean
pixels_ink (const guint8          *data,
            int                    stride,
            int                    width,
            int                    height,
            cairo_rectangle_int_t *ink)
{
  int x0 = width, x1 = -1, y0 = -1, y1 = -1;

  for (int y = 0; y < height; y++)
    {
      const guint32 *row = (const guint32 *) (data + (gsize) y * stride);
      int first = 0, last = width - 1;

      while (first < width && row[first] == 0)
        first++;
      if (first == width)
        continue;
      while (row[last] == 0)
        last--;
      if (y0 < 0)
        y0 = y;
      y1 = y;
      x0 = MIN (x0, first);
      x1 = MAX (x1, last);
    }
  if (y0 < 0)
    return FALSE;
  *ink = (cairo_rectangle_int_t) { x0, y0, x1 - x0 + 1, y1 - y0 + 1 };
  return TRUE;
}

/* On a worker: draws @rect's tiles. NULL when cancelled. */
static GPtrArray *
draw_rect (CrMapTiles *self,
           Worker     *worker,
           const Rect *rect)
{
  double scale = self->device_scale;
  int stride = cairo_format_stride_for_width (CAIRO_FORMAT_ARGB32, rect->nx * TILE_PX);
  gsize size = (gsize) stride * rect->ny * TILE_PX;
  CrProjection proj = self->job_view;
  cairo_surface_t *region;
  GPtrArray *made;
  cairo_t *cr;

  /* The same memory each time: a new image costs its page faults. */
  if (worker->size < size)
    {
      g_free (worker->pixels);
      worker->pixels = g_malloc (size);
      worker->size = size;
    }
  memset (worker->pixels, 0, size);
  region = cairo_image_surface_create_for_data (worker->pixels, CAIRO_FORMAT_ARGB32, rect->nx * TILE_PX,
                                                rect->ny * TILE_PX, stride);
  cairo_surface_set_device_scale (region, scale, scale);
  proj.origin_x = rect->tx * TILE_PX / scale;
  proj.origin_y = rect->ty * TILE_PX / scale;
  proj.width = rect->nx * TILE_PX / scale;
  proj.height = rect->ny * TILE_PX / scale;
  cr = cairo_create (region);
  self->draw (self->user_data, cr, &proj, worker->coverage, &self->cancelled);
  cairo_destroy (cr);
  cairo_surface_finish (region);
  cairo_surface_destroy (region);
  if (g_atomic_int_get (&self->cancelled))
    return NULL;

  made = g_ptr_array_new ();
  for (int j = 0; j < rect->ny; j++)
    for (int i = 0; i < rect->nx; i++)
      {
        Tile *tile = g_new0 (Tile, 1);
        const guint8 *in = worker->pixels + (gsize) j * TILE_PX * stride + 4 * i * TILE_PX;
        cairo_rectangle_int_t ink;

        if (pixels_ink (in, stride, TILE_PX, TILE_PX, &ink))
          {
            guint8 *out;
            int out_stride;

            tile->surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, ink.width, ink.height);
            tile->ink_x = ink.x;
            tile->ink_y = ink.y;
            out = cairo_image_surface_get_data (tile->surface);
            out_stride = cairo_image_surface_get_stride (tile->surface);
            in += (gsize) ink.y * stride + 4 * ink.x;
            for (int y = 0; y < ink.height; y++)
              memcpy (out + (gsize) y * out_stride, in + (gsize) y * stride, 4 * ink.width);
            cairo_surface_mark_dirty (tile->surface);
            cairo_surface_set_device_scale (tile->surface, scale, scale);
          }
        tile->key = tile_key (rect->tx + i, rect->ty + j);
        g_ptr_array_add (made, tile);
      }
  return made;
}

static gboolean
ready_cb (gpointer data)
{
  CrMapTiles *self = data;

  g_mutex_lock (&self->lock);
  /* A worker may have replaced this source with another meanwhile. */
  if (self->idle_id == g_source_get_id (g_main_current_source ()))
    self->idle_id = 0;
  g_mutex_unlock (&self->lock);
  if (self->ready != NULL)
    self->ready (self->user_data);
  return G_SOURCE_REMOVE;
}

/* With the lock held: has the ready callback run, @now (replacing a
 * progress update still to come) or after PROGRESS_MS, unless it is due. */
static void
schedule_ready_locked (CrMapTiles *self,
                       gboolean    now)
{
  if (now && self->idle_id != 0 && !self->idle_now)
    {
      g_source_remove (self->idle_id);
      self->idle_id = 0;
    }
  if (self->idle_id == 0)
    {
      self->idle_id = now ? g_idle_add (ready_cb, self) : g_timeout_add (PROGRESS_MS, ready_cb, self);
      self->idle_now = now;
    }
}

/* With the lock held: wakes the main thread if it waits for tiles, or
 * has it redraw: when the job is @done, at once, and before that, every
 * PROGRESS_MS (a redraw per rect would take the workers' time). */
static void
tell_locked (CrMapTiles *self,
             gboolean    done)
{
  g_cond_broadcast (&self->cond);
  if (self->waiting || self->ahead || g_atomic_int_get (&self->cancelled))
    return;
  schedule_ready_locked (self, done);
}

static gpointer
worker_run (gpointer data)
{
  Worker *worker = data;
  CrMapTiles *self = worker->owner;

#ifdef __linux__
  /* Behind the main thread, which must keep its frames short: on Linux a
   * thread has a nice value of its own. */
  setpriority (PRIO_PROCESS, (id_t) syscall (SYS_gettid), WORKER_NICE);
#endif
  for (;;)
    {
      guint i = (guint) g_atomic_int_add (&self->next, 1);
      gint64 start;
      GPtrArray *made;
      double usec;

      if (i >= self->rects->len || g_atomic_int_get (&self->cancelled))
        break;
      start = g_get_monotonic_time ();
      made = draw_rect (self, worker, &g_array_index (self->rects, Rect, i));
      if (made == NULL)
        break;
      usec = (double) (g_get_monotonic_time () - start) / made->len;
      g_mutex_lock (&self->lock);
      /* From the view's tiles only: those of the ring around it, often
       * emptier, would promise too much. */
      if (!self->ahead)
        self->tile_usec = self->tile_usec == 0 ? usec : 0.7 * self->tile_usec + 0.3 * usec;
      g_ptr_array_extend_and_steal (self->done, made);
      tell_locked (self, FALSE);
      g_mutex_unlock (&self->lock);
    }
  g_mutex_lock (&self->lock);
  self->running--;
  tell_locked (self, self->running == 0);
  g_mutex_unlock (&self->lock);
  return NULL;
}

static void
join_workers (CrMapTiles *self)
{
  for (guint i = 0; i < N_WORKERS; i++)
    if (self->workers[i].thread != NULL)
      {
        g_thread_join (self->workers[i].thread);
        self->workers[i].thread = NULL;
      }
  self->busy = FALSE;
}

/* Keeps the tiles the workers have drawn so far; with @count, as tiles
 * the frame got drawn. */
static void
harvest (CrMapTiles *self,
         gboolean    count)
{
  g_autoptr(GPtrArray) done = NULL;
  gboolean finished;

  if (!self->busy)
    return;
  g_mutex_lock (&self->lock);
  done = self->done;
  self->done = g_ptr_array_new ();
  finished = self->running == 0;
  g_mutex_unlock (&self->lock);
  for (guint i = 0; i < done->len; i++)
    {
      Tile *tile = g_ptr_array_index (done, i);

      tile->used = self->frame;
      g_hash_table_replace (self->tiles, &tile->key, tile);
      self->n_drawn += count && !self->ahead;
    }
  if (finished)
    join_workers (self);
}

/* Forgets what plan() planned and the workers have not started on. */
static void
unplan (CrMapTiles *self)
{
  self->planned = FALSE;
  if (self->launch_id != 0)
    {
      g_source_remove (self->launch_id);
      self->launch_id = 0;
    }
}

/**
 * cr_map_tiles_stop:
 *
 * Abandons the tiles being drawn and waits until the workers are done
 * reading the owner's data: call it before changing any, then expire
 * what the change alters. The tiles they finished are kept: they show
 * the data as it was, like the others.
 */
void
cr_map_tiles_stop (CrMapTiles *self)
{
  unplan (self);
  if (!self->busy)
    return;
  g_atomic_int_set (&self->cancelled, 1);
  g_mutex_lock (&self->lock);
  while (self->running > 0)
    g_cond_wait (&self->cond, &self->lock);
  g_mutex_unlock (&self->lock);
  harvest (self, FALSE);
  g_atomic_int_set (&self->cancelled, 0);
}

static int
compare_rects (gconstpointer a,
               gconstpointer b)
{
  double x = ((const Rect *) a)->distance, y = ((const Rect *) b)->distance;

  return (x > y) - (x < y);
}

/* Plans drawing the tiles @needed flags among the @nx × @ny from (@tx0,
 * @ty0), for launch(): in rectangles (a run along a row, as many rows
 * down as need those tiles too) within chunks of the world's grid,
 * nearest the view's centre first. The workers must not be busy. */
static void
plan (CrMapTiles         *self,
      const CrProjection *proj,
      guint8             *needed,
      gint64              tx0,
      gint64              ty0,
      int                 nx,
      int                 ny,
      gboolean            ahead)
{
  int chunk = (int) CLAMP (ceil (2 * self->feature_size * self->world / TILE_PX), CHUNK_MIN, CHUNK_MAX);

  g_array_set_size (self->rects, 0);
  for (int j = 0; j < ny; j++)
    for (int i = 0; i < nx; i++)
      {
        Rect rect = { tx0 + i, ty0 + j, 0, 1, 0 };
        int i_end, j_end;

        if (!needed[j * nx + i])
          continue;
        i_end = (int) MIN (nx, (floor_div (tx0 + i, chunk) + 1) * chunk - tx0);
        j_end = (int) MIN (ny, (floor_div (ty0 + j, chunk) + 1) * chunk - ty0);
        while (i + rect.nx < i_end && needed[j * nx + i + rect.nx])
          rect.nx++;
        while (j + rect.ny < j_end && memchr (needed + (j + rect.ny) * nx + i, 0, rect.nx) == NULL)
          rect.ny++;
        for (int y = j; y < j + rect.ny; y++)
          memset (needed + y * nx + i, 0, rect.nx);
        rect.distance = hypot (i + rect.nx / 2.0 - nx / 2.0, j + rect.ny / 2.0 - ny / 2.0);
        g_array_append_val (self->rects, rect);
      }
  self->planned = self->rects->len > 0;
  if (!self->planned)
    return;
  g_array_sort (self->rects, compare_rects);
  self->job_view = *proj;
  self->ahead = ahead;
  g_atomic_int_set (&self->next, 0);
  g_atomic_int_set (&self->cancelled, 0);
}

/* Starts the workers on what plan() planned, if they have not started. */
static void
launch (CrMapTiles *self)
{
  gboolean planned = self->planned;
  guint n_workers;

  unplan (self);
  if (!planned)
    return;
  n_workers = MIN (N_WORKERS, self->rects->len);
  g_mutex_lock (&self->lock);
  self->running = n_workers;
  g_mutex_unlock (&self->lock);
  self->busy = TRUE;
  for (guint i = 0; i < n_workers; i++)
    self->workers[i].thread = g_thread_new ("cr-map-tiles", worker_run, &self->workers[i]);
}

static gboolean
launch_cb (gpointer data)
{
  CrMapTiles *self = data;

  self->launch_id = 0;
  launch (self);
  return G_SOURCE_REMOVE;
}

/* Has the workers start on what plan() planned once the frame being made
 * is rendered: they would take the cores from it. An idle added while
 * GTK makes a frame runs after the frame is drawn; before the next one,
 * as it comes first. */
static void
launch_after_frame (CrMapTiles *self)
{
  if (self->planned && self->launch_id == 0)
    self->launch_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, launch_cb, self, NULL);
}

/**
 * cr_map_tiles_start:
 *
 * Starts the workers on the tiles the last frame left to be drawn after
 * it, now rather than from the idle: for what renders frames itself,
 * outside GTK's main loop (the bench).
 */
void
cr_map_tiles_start (CrMapTiles *self)
{
  launch (self);
}

/* Waits for the workers to finish, until @deadline (monotonic µs; < 0:
 * as long as it takes). */
static void
wait_for_workers (CrMapTiles *self,
                  gint64      deadline)
{
  g_mutex_lock (&self->lock);
  self->waiting = TRUE;
  while (self->running > 0)
    {
      if (deadline < 0)
        g_cond_wait (&self->cond, &self->lock);
      else if (!g_cond_wait_until (&self->cond, &self->lock, deadline))
        break;
    }
  self->waiting = FALSE;
  g_mutex_unlock (&self->lock);
}

/* Whether the workers can draw @n_needed tiles by @deadline, by what
 * tiles have cost lately at this zoom level. Waiting for tiles that
 * cannot come would only delay the frame that shows what there is. Not
 * known yet: only when the frame would show no zones otherwise, without
 * a former level's tiles to stand in. */
static gboolean
can_finish (CrMapTiles *self,
            guint       n_needed,
            gint64      deadline)
{
  gint64 now = g_get_monotonic_time ();
  gint next = g_atomic_int_get (&self->next);
  guint rects_left = self->rects->len > (guint) next ? self->rects->len - (guint) next : 0;
  guint in_hand;
  double tile_usec;

  if (now >= deadline)
    return FALSE;
  g_mutex_lock (&self->lock);
  tile_usec = self->tile_usec;
  in_hand = self->running;
  g_mutex_unlock (&self->lock);
  if (tile_usec == 0)
    return self->previous == NULL;
  /* A chunk is one worker's: fewer chunks than workers leave some idle. */
  return tile_usec * n_needed / CLAMP (rects_left + in_hand, 1, N_WORKERS) <= deadline - now;
}

/* The former zoom level's tiles, @i0 .. @i1, @j0 .. @j1, under the
 * view's device pixels (@x, @y) + (@w, @h), the view's corner being at
 * (@ox, @oy) on the world's grid; FALSE if there are none or too many. */
static gboolean
previous_range (CrMapTiles *self,
                double      ox,
                double      oy,
                double      x,
                double      y,
                double      w,
                double      h,
                gint64     *i0,
                gint64     *j0,
                gint64     *i1,
                gint64     *j1)
{
  double f = self->world / self->previous_world;

  if (self->previous == NULL)
    return FALSE;
  *i0 = (gint64) floor ((ox + x) / f / TILE_PX);
  *j0 = (gint64) floor ((oy + y) / f / TILE_PX);
  *i1 = (gint64) floor ((ox + x + w) / f / TILE_PX - 1e-9);
  *j1 = (gint64) floor ((oy + y + h) / f / TILE_PX - 1e-9);
  return (*i1 - *i0 + 1) * (*j1 - *j0 + 1) <= MAX_STAND_INS;
}

/* Whether the former zoom level's tiles stand in for all of the view's
 * device pixels (@x, @y) + (@w, @h), as previous_range(); adds to
 * @cells, for each with ink there, the device pixels its node takes
 * (cairo_rectangle_int_t): of the tile's cell, the pixels whose centre
 * its fill covers (cells do not overlap, so neither do the nodes, which
 * would blend an edge twice), those about its ink, a pixel more each
 * side for nearest sampling's ties (it takes the lower pixel, as when
 * zooming out a level); and of those, what was asked for. */
static gboolean
previous_cells (CrMapTiles *self,
                double      ox,
                double      oy,
                double      x,
                double      y,
                double      w,
                double      h,
                GArray     *cells)
{
  double f = self->world / self->previous_world;
  gboolean all = TRUE;
  gint64 i0, j0, i1, j1;

  if (!previous_range (self, ox, oy, x, y, w, h, &i0, &j0, &i1, &j1))
    return FALSE;
  for (gint64 j = j0; j <= j1; j++)
    for (gint64 i = i0; i <= i1; i++)
      {
        gint64 key = tile_key (i, j);
        Tile *tile = g_hash_table_lookup (self->previous, &key);
        double ax, ay, bx, by, x0, y0, x1, y1;

        all &= tile != NULL;
        if (tile == NULL || tile->surface == NULL)
          continue;
        ax = (i * TILE_PX + tile->ink_x) * f - ox;
        ay = (j * TILE_PX + tile->ink_y) * f - oy;
        bx = ax + cairo_image_surface_get_width (tile->surface) * f;
        by = ay + cairo_image_surface_get_height (tile->surface) * f;
        x0 = MAX (MAX (ceil (i * TILE_PX * f - ox - 0.5), floor (ax) - 1), x);
        y0 = MAX (MAX (ceil (j * TILE_PX * f - oy - 0.5), floor (ay) - 1), y);
        x1 = MIN (MIN (ceil ((i + 1) * TILE_PX * f - ox - 0.5), ceil (bx) + 1), x + w);
        y1 = MIN (MIN (ceil ((j + 1) * TILE_PX * f - oy - 0.5), ceil (by) + 1), y + h);
        if (x1 > x0 && y1 > y0)
          g_array_append_val (cells, ((cairo_rectangle_int_t) { (int) x0, (int) y0, (int) (x1 - x0),
                                                                (int) (y1 - y0) }));
      }
  return all;
}

/* Paints, from the former zoom level's tiles scaled, the view's device
 * pixels (@x, @y) + (@w, @h), as previous_range(). */
static void
paint_previous (CrMapTiles *self,
                cairo_t    *cr,
                double      ox,
                double      oy,
                double      x,
                double      y,
                double      w,
                double      h)
{
  double f = self->world / self->previous_world, scale = self->device_scale;
  gint64 i0, j0, i1, j1;

  if (!previous_range (self, ox, oy, x, y, w, h, &i0, &j0, &i1, &j1))
    return;
  cairo_save (cr);
  /* Copied, not blended: the tiles do not overlap, and what they paint
   * on is a node's own image, clear. */
  cairo_set_operator (cr, CAIRO_OPERATOR_SOURCE);
  /* On device pixels: without antialiasing, cairo would round the clip
   * to whole view pixels. */
  cairo_rectangle (cr, x / scale, y / scale, w / scale, h / scale);
  cairo_clip (cr);
  cairo_set_antialias (cr, CAIRO_ANTIALIAS_NONE);
  for (gint64 j = j0; j <= j1; j++)
    for (gint64 i = i0; i <= i1; i++)
      {
        gint64 key = tile_key (i, j);
        Tile *tile = g_hash_table_lookup (self->previous, &key);

        if (tile == NULL || tile->surface == NULL)
          continue;
        /* Nearest pixels, and edges on whole pixels: the scaled tiles
         * meet without a seam, and it is quick; they are soon replaced. */
        cairo_save (cr);
        cairo_translate (cr, (i * TILE_PX * f - ox) / scale, (j * TILE_PX * f - oy) / scale);
        cairo_scale (cr, f, f);
        cairo_set_source_surface (cr, tile->surface, tile->ink_x / scale, tile->ink_y / scale);
        cairo_pattern_set_filter (cairo_get_source (cr), CAIRO_FILTER_FAST);
        cairo_rectangle (cr, 0, 0, TILE_PX / scale, TILE_PX / scale);
        cairo_fill (cr);
        cairo_restore (cr);
      }
  cairo_restore (cr);
}

static void
schedule_ready (CrMapTiles *self)
{
  g_mutex_lock (&self->lock);
  schedule_ready_locked (self, TRUE);
  g_mutex_unlock (&self->lock);
}

static int
compare_tiles_by_use (gconstpointer a,
                      gconstpointer b)
{
  guint64 x = (*(Tile *const *) a)->used, y = (*(Tile *const *) b)->used;

  return (x > y) - (x < y);
}

/* Keeps at most @max tiles, the view's and then the most recently used. */
static void
evict (CrMapTiles *self,
       guint       max)
{
  g_autoptr(GPtrArray) old = NULL;
  GHashTableIter iter;
  Tile *tile;

  if (g_hash_table_size (self->tiles) <= max)
    return;
  old = g_ptr_array_new ();
  g_hash_table_iter_init (&iter, self->tiles);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &tile))
    if (tile->used != self->frame)
      g_ptr_array_add (old, tile);
  g_ptr_array_sort (old, compare_tiles_by_use);
  for (guint i = 0; i < old->len && g_hash_table_size (self->tiles) > max; i++)
    g_hash_table_remove (self->tiles, &((Tile *) g_ptr_array_index (old, i))->key);
}

/* Marks which of the view's tiles are to be drawn: missing or stale. */
static guint
mark_needed (CrMapTiles *self,
             guint8     *needed,
             gint64      tx0,
             gint64      ty0,
             int         nx,
             int         ny)
{
  guint n = 0;

  for (int j = 0; j < ny; j++)
    for (int i = 0; i < nx; i++)
      {
        gint64 key = tile_key (tx0 + i, ty0 + j);
        Tile *tile = g_hash_table_lookup (self->tiles, &key);

        needed[j * nx + i] = tile == NULL || tile->stale;
        n += needed[j * nx + i];
        if (tile != NULL)
          tile->used = self->frame;
      }
  return n;
}

/* With the view complete and the workers idle: has them draw the ring of
 * tiles around the view, which a pan brings in next. */
static void
draw_ahead (CrMapTiles         *self,
            const CrProjection *proj,
            gint64              tx0,
            gint64              ty0,
            int                 nx,
            int                 ny)
{
  int w = nx + 2 * AHEAD, h = ny + 2 * AHEAD;
  g_autofree guint8 *ring = g_new0 (guint8, (gsize) w * h);
  gboolean any = FALSE;

  for (int j = 0; j < h; j++)
    for (int i = 0; i < w; i++)
      if (i < AHEAD || j < AHEAD || i >= nx + AHEAD || j >= ny + AHEAD)
        {
          gint64 key = tile_key (tx0 - AHEAD + i, ty0 - AHEAD + j);
          Tile *tile = g_hash_table_lookup (self->tiles, &key);

          ring[j * w + i] = tile == NULL || tile->stale;
          any |= ring[j * w + i];
        }
  if (any)
    {
      plan (self, proj, ring, tx0 - AHEAD, ty0 - AHEAD, w, h, TRUE);
      launch_after_frame (self);
    }
}

/* In @bounds, the view pixels that device pixels (@x, @y) + (@w, @h)
 * touch: a node's bounds. GTK 4.8's GL renderer draws a node that starts
 * on half a view pixel (at device scale 2) a device pixel off, its last
 * row and column cut; what is painted in it stays on device pixels. */
static const graphene_rect_t *
whole_view_pixels (double           x,
                   double           y,
                   double           w,
                   double           h,
                   double           scale,
                   graphene_rect_t *bounds)
{
  double x0 = floor (x / scale), y0 = floor (y / scale);

  *bounds = GRAPHENE_RECT_INIT (x0, y0, ceil ((x + w) / scale) - x0, ceil ((y + h) / scale) - y0);
  return bounds;
}

/* A node that paints @tile (which has pixels), the tile's corner at the
 * origin; of its ink's bounds, which is what GTK composites. GTK keeps
 * what it made of a node it saw before: the GL renderer its texture. */
static GskRenderNode *
tile_node (Tile  *tile,
           double scale)
{
  if (tile->node == NULL)
    {
      graphene_rect_t bounds;
      cairo_t *cr;

      tile->node = gsk_cairo_node_new (whole_view_pixels (tile->ink_x, tile->ink_y,
                                                          cairo_image_surface_get_width (tile->surface),
                                                          cairo_image_surface_get_height (tile->surface), scale,
                                                          &bounds));
      cr = gsk_cairo_node_get_draw_context (tile->node);
      cairo_set_source_surface (cr, tile->surface, tile->ink_x / scale, tile->ink_y / scale);
      cairo_paint (cr);
      cairo_destroy (cr);
    }
  return tile->node;
}

/* Appends nodes that show, from the former zoom level's tiles scaled,
 * the view's device pixels (@x, @y) + (@w, @h), the view's corner being
 * at (@ox, @oy). With @whole, FALSE and nothing appended if they do not
 * cover all of it. A node for each tile's cell there, of its ink (GTK
 * composites all of a node, the clear pixels too; see previous_cells()),
 * the tiles scaled in it: a scaled node of each tile would have its
 * edges smoothed, and seams between them. */
static gboolean
snapshot_previous (CrMapTiles  *self,
                   GtkSnapshot *snapshot,
                   double       ox,
                   double       oy,
                   double       x,
                   double       y,
                   double       w,
                   double       h,
                   gboolean     whole)
{
  double scale = self->device_scale;
  g_autoptr(GArray) cells = g_array_new (FALSE, FALSE, sizeof (cairo_rectangle_int_t));
  graphene_rect_t bounds;

  if (self->previous == NULL || (!previous_cells (self, ox, oy, x, y, w, h, cells) && whole))
    return FALSE;
  for (guint i = 0; i < cells->len; i++)
    {
      const cairo_rectangle_int_t *cell = &g_array_index (cells, cairo_rectangle_int_t, i);
      GskRenderNode *node;
      cairo_t *cr;

      node = gsk_cairo_node_new (whole_view_pixels (cell->x, cell->y, cell->width, cell->height, scale,
                                                    &bounds));
      cr = gsk_cairo_node_get_draw_context (node);
      /* The tiles scaled there: pixels on an edge between two go to
       * the one that holds their centre, as in one node. */
      paint_previous (self, cr, ox, oy, cell->x, cell->y, cell->width, cell->height);
      cairo_destroy (cr);
      gtk_snapshot_append_node (snapshot, node);
      gsk_render_node_unref (node);
    }
  return TRUE;
}

/**
 * cr_map_tiles_snapshot:
 * @device_scale: device pixels per view pixel of the frame
 *
 * Appends the view's zones from tiles, having the missing and stale ones
 * drawn; waits for them as long as cr_map_tiles_set_wait() says, if they
 * can be ready by then. Each tile is a node of its own, kept while the
 * tile is: GTK composites only the tiles with something in them, and the
 * GL renderer keeps their textures. FALSE, having appended nothing, when
 * tiles cannot serve and the caller must draw the zones itself: the zoom
 * is changing (each frame of a zoom animation has its own zoom; the
 * former level's tiles, scaled, stand in when they cover the view).
 */
gboolean
cr_map_tiles_snapshot (CrMapTiles         *self,
                       GtkSnapshot        *snapshot,
                       const CrProjection *proj,
                       double              device_scale)
{
  double world, ox, oy;
  gint64 tx0, ty0, tx1, ty1, deadline;
  int nx, ny;
  g_autofree guint8 *needed = NULL;

  self->n_drawn = 0;
  if (device_scale <= 0)
    return FALSE;
  /* What the last frame left for after it is this frame's to plan: it
   * may need none of it. */
  unplan (self);

  /* The view's corner, on whole device pixels so tiles are copied, not
   * resampled: zones may sit half a pixel off the lines drawn over them. */
  ox = round (proj->origin_x * device_scale);
  oy = round (proj->origin_y * device_scale);
  world = proj->world * device_scale;
  if (world != self->world || device_scale != self->device_scale)
    {
      gboolean settled = self->world == 0 || fabs (proj->zoom - round (proj->zoom)) < 1e-9;

      cr_map_tiles_stop (self);
      /* The last complete level's tiles stand in for the new one's. */
      if (device_scale != self->device_scale)
        g_clear_pointer (&self->previous, g_hash_table_unref);
      else if (!self->pending && g_hash_table_size (self->tiles) > 0)
        {
          g_clear_pointer (&self->previous, g_hash_table_unref);
          self->previous = g_steal_pointer (&self->tiles);
          self->previous_world = self->world;
          self->tiles = tile_table_new ();
        }
      g_hash_table_remove_all (self->tiles);
      self->world = world;
      self->device_scale = device_scale;
      /* What a tile costs depends on the level. The workers are stopped. */
      self->tile_usec = 0;
      /* At a whole zoom level a view settles; at any other, wait for a
       * second frame at the same one. */
      if (!settled)
        {
          if (!snapshot_previous (self, snapshot, ox, oy, 0, 0, ceil (proj->width * device_scale),
                                  ceil (proj->height * device_scale), TRUE))
            return FALSE;
          self->pending = TRUE;
          schedule_ready (self);
          return TRUE;
        }
    }

  self->frame++;
  tx0 = (gint64) floor (ox / TILE_PX);
  ty0 = (gint64) floor (oy / TILE_PX);
  tx1 = (gint64) floor ((ox + ceil (proj->width * device_scale) - 1) / TILE_PX);
  ty1 = (gint64) floor ((oy + ceil (proj->height * device_scale) - 1) / TILE_PX);
  nx = (int) (tx1 - tx0 + 1);
  ny = (int) (ty1 - ty0 + 1);
  if (nx <= 0 || ny <= 0 || (gint64) nx * ny > 16384)
    return FALSE;

  needed = g_new0 (guint8, (gsize) nx * ny);
  deadline = self->wait < 0 ? -1 : g_get_monotonic_time () + self->wait;
  for (;;)
    {
      guint n_needed;

      harvest (self, TRUE);
      n_needed = mark_needed (self, needed, tx0, ty0, nx, ny);
      if (n_needed == 0)
        break;
      /* The view first. */
      if ((self->busy || self->planned) && self->ahead)
        cr_map_tiles_stop (self);
      if (!self->busy)
        plan (self, proj, needed, tx0, ty0, nx, ny, FALSE);
      /* Not to be had in time: they are drawn once this frame is. */
      if (deadline >= 0 && !can_finish (self, n_needed, deadline))
        {
          launch_after_frame (self);
          break;
        }
      launch (self);
      wait_for_workers (self, deadline);
    }

  /* Where tiles are missing, the former level's stand in: for each run
   * of them along a row, a node per former tile with ink there. */
  if (self->previous != NULL)
    for (int j = 0; j < ny; j++)
      for (int i = 0; i < nx;)
        {
          gint64 key = tile_key (tx0 + i, ty0 + j);
          int run = 0;

          while (i + run < nx && g_hash_table_lookup (self->tiles, &key) == NULL)
            {
              run++;
              key = tile_key (tx0 + i + run, ty0 + j);
            }
          if (run > 0)
            snapshot_previous (self, snapshot, ox, oy, (tx0 + i) * TILE_PX - ox, (ty0 + j) * TILE_PX - oy,
                               run * TILE_PX, TILE_PX, FALSE);
          i += MAX (run, 1);
        }
  for (int j = 0; j < ny; j++)
    for (int i = 0; i < nx; i++)
      {
        gint64 key = tile_key (tx0 + i, ty0 + j);
        Tile *tile = g_hash_table_lookup (self->tiles, &key);

        if (tile == NULL || tile->surface == NULL)
          continue;
        gtk_snapshot_save (snapshot);
        gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (((tx0 + i) * TILE_PX - ox) / device_scale,
                                                                ((ty0 + j) * TILE_PX - oy) / device_scale));
        gtk_snapshot_append_node (snapshot, tile_node (tile, device_scale));
        gtk_snapshot_restore (snapshot);
      }

  self->pending = mark_needed (self, needed, tx0, ty0, nx, ny) > 0;
  if (!self->pending)
    {
      g_clear_pointer (&self->previous, g_hash_table_unref);
      if (!self->busy)
        draw_ahead (self, proj, tx0, ty0, nx, ny);
    }
  else if (!self->busy && !self->planned)
    schedule_ready (self);
  /* The view three times over: panning back finds its tiles. */
  evict (self, MAX (3 * nx * ny, 64));
  return TRUE;
}

/* Whether @tile is among tiles @x0 .. @x1, @y0 .. @y1. */
static gboolean
tile_in (const Tile *tile,
         gint64      x0,
         gint64      y0,
         gint64      x1,
         gint64      y1)
{
  gint64 x = (gint32) (tile->key >> 32), y = (gint32) (tile->key & 0xffffffff);

  return x >= x0 && x <= x1 && y >= y0 && y <= y1;
}

/**
 * cr_map_tiles_expire:
 * @box: (nullable): where the content changed, in Web Mercator of a world
 *   of 1 (y down); %NULL: everywhere
 * @margin: pixels around @box that a change may reach (outlines, dots)
 *
 * Marks the tiles there stale: they are shown until drawn again.
 */
void
cr_map_tiles_expire (CrMapTiles   *self,
                     const CrBBox *box,
                     double        margin)
{
  GHashTableIter iter;
  Tile *tile;
  gint64 x0, y0, x1, y1;

  cr_map_tiles_stop (self);
  if (box == NULL)
    g_clear_pointer (&self->previous, g_hash_table_unref);
  else if (self->previous != NULL)
    {
      /* The former level's tiles there may not stand in any more. */
      double m = margin * self->device_scale;

      x0 = (gint64) floor ((box->min_x * self->previous_world - m) / TILE_PX);
      y0 = (gint64) floor ((box->min_y * self->previous_world - m) / TILE_PX);
      x1 = (gint64) floor ((box->max_x * self->previous_world + m) / TILE_PX);
      y1 = (gint64) floor ((box->max_y * self->previous_world + m) / TILE_PX);
      g_hash_table_iter_init (&iter, self->previous);
      while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &tile))
        if (tile_in (tile, x0, y0, x1, y1))
          g_hash_table_iter_remove (&iter);
    }
  if (box != NULL)
    {
      double m = margin * self->device_scale;

      x0 = (gint64) floor ((box->min_x * self->world - m) / TILE_PX);
      y0 = (gint64) floor ((box->min_y * self->world - m) / TILE_PX);
      x1 = (gint64) floor ((box->max_x * self->world + m) / TILE_PX);
      y1 = (gint64) floor ((box->max_y * self->world + m) / TILE_PX);
    }
  else
    {
      x0 = y0 = G_MININT64;
      x1 = y1 = G_MAXINT64;
    }
  g_hash_table_iter_init (&iter, self->tiles);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &tile))
    if (tile_in (tile, x0, y0, x1, y1))
      tile->stale = TRUE;
}

/* Drops every tile: the next frame starts from nothing. */
void
cr_map_tiles_drop (CrMapTiles *self)
{
  cr_map_tiles_stop (self);
  g_hash_table_remove_all (self->tiles);
  g_clear_pointer (&self->previous, g_hash_table_unref);
  self->world = 0;
  self->pending = FALSE;
}

/**
 * cr_map_tiles_set_wait:
 * @usec: how long a frame waits for tiles being drawn; < 0: until all are
 *
 * Past that, the frame shows what it has and the rest follows.
 */
void
cr_map_tiles_set_wait (CrMapTiles *self,
                       gint64      usec)
{
  self->wait = usec;
}

/**
 * cr_map_tiles_set_feature_size:
 * @size: how large a typical feature is, in Web Mercator of a world of 1
 *
 * Sizes the chunks of tiles drawn in one go.
 */
void
cr_map_tiles_set_feature_size (CrMapTiles *self,
                               double      size)
{
  self->feature_size = size;
}

/* Whether the last frame lacked tiles (more are coming). */
gboolean
cr_map_tiles_get_pending (CrMapTiles *self)
{
  return self->pending;
}

/* Whether workers are drawing tiles (for the view or ahead of a pan), or
 * are to start after the frame. */
gboolean
cr_map_tiles_get_busy (CrMapTiles *self)
{
  gboolean busy;

  g_mutex_lock (&self->lock);
  busy = self->planned || self->running > 0;
  g_mutex_unlock (&self->lock);
  return busy;
}

/* How many tiles the last frame got drawn. */
guint
cr_map_tiles_get_n_drawn (CrMapTiles *self)
{
  return self->n_drawn;
}
