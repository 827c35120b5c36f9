/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cr-geojson"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "cr-geojson-private.h"
#include "cr-input.h"

/* How an import runs:
 *
 * The file is mapped, not read. Threads take turns at the light scanner,
 * which cuts the FeatureCollection into batches of feature spans, numbered
 * in file order; the thread that cut a batch turns its spans into ready
 * rows (GeoPackage blob and strings); the calling thread inserts the
 * batches in order, in one transaction, and is the only one to touch the
 * store. Only a bounded window of batches is in flight, so memory does not
 * grow with the file, and pages of the file already written are handed
 * back to the kernel.
 *
 * While the batch it must write next is not ready, the calling thread
 * cuts and parses one itself instead of sleeping; with one thread it does
 * everything. */

/* A batch is a few hundred features: enough to make handing it over
 * cheap, small enough to keep memory flat. */
#define BATCH_MAX_FEATURES 256
#define BATCH_MAX_BYTES (512 * 1024)

G_DEFINE_QUARK (cr-geojson-error-quark, cr_geojson_error)

typedef enum
{
  PHASE_HEADER,   /* members of the top-level object before "features" */
  PHASE_FEATURES, /* inside the "features" array */
  PHASE_DONE,
} Phase;

typedef struct
{
  CrGeojsonRowBuffer buffer;
  gboolean bare_geometry;
  gboolean done; /* under Import.lock */
  guint64 seq;
} Batch;

typedef struct
{
  CrStore *store;
  const char *base; /* the input, after a byte order mark */
  gsize len;
  gboolean mapped;
  gsize released; /* bytes of the mapping given back to the kernel */
  const char *source_name;
  CrGeojsonImportOptions options;
  GCancellable *cancellable;
  CrGeojsonContext context;
  CrJsonLineCursor lines;

  /* The scanner, under lock. */
  Phase phase;
  gsize pos;
  gboolean first_feature;
  gboolean streamed; /* a "features" array was read */
  gboolean features_invalid;
  guint next_index;
  char *root_type;
  CrGeojsonProblem tail; /* what stopped the scanner */
  guint tail_index;      /* the feature it was in, or G_MAXUINT */

  /* Batches in flight, under lock: seq write_seq .. next_seq - 1 sit in
   * window[seq % window_size]. */
  GMutex lock;
  GCond cond;
  Batch **window;
  guint window_size;
  guint64 next_seq;
  guint64 write_seq;
  GPtrArray *pool; /* idle batches */
  gboolean stopping;
  gint abort;

  GThread **workers;
  guint n_workers;
  CrGeojsonScratch scratch; /* the calling thread's */

  double last_progress;
} Import;

static Batch *
batch_new (void)
{
  Batch *batch = g_new0 (Batch, 1);

  _cr_geojson_row_buffer_init (&batch->buffer);
  return batch;
}

static void
batch_free (Batch *batch)
{
  _cr_geojson_row_buffer_clear (&batch->buffer);
  g_free (batch);
}

static Batch *
take_batch (Import *self)
{
  Batch *batch = self->pool->len > 0 ? g_ptr_array_steal_index_fast (self->pool, self->pool->len - 1)
                                     : batch_new ();

  _cr_geojson_row_buffer_reset (&batch->buffer);
  batch->bare_geometry = FALSE;
  batch->done = FALSE;
  return batch;
}

static void
process_batch (Import           *self,
               CrGeojsonScratch *scratch,
               Batch            *batch)
{
  GArray *rows = batch->buffer.rows;

  for (guint i = 0; i < rows->len; i++)
    {
      if (g_atomic_int_get (&self->abort))
        break;
      _cr_geojson_parse_feature (&self->context, scratch, self->base, self->len, batch->bare_geometry,
                                 &batch->buffer, &g_array_index (rows, CrGeojsonRow, i));
    }
}

/* The scanner */

static gboolean
is_big_member (const char *key,
               gsize       len,
               gboolean    escaped)
{
  return _cr_json_key_equal (key, len, escaped, "geometry") ||
         _cr_json_key_equal (key, len, escaped, "properties") ||
         _cr_json_key_equal (key, len, escaped, "coordinates") ||
         _cr_json_key_equal (key, len, escaped, "geometries") ||
         _cr_json_key_equal (key, len, escaped, "features");
}

/* Reads top-level members from self->pos until the "features" array
 * starts (PHASE_FEATURES) or the object ends (PHASE_DONE). */
static void
scan_header (Import *self,
             gboolean after_open)
{
  const char *base = self->base, *end = base + self->len;
  const char *p = base + self->pos;
  gboolean more = TRUE;

  if (after_open)
    {
      p = _cr_json_skip_ws (p, end);
      if (p < end && *p == '}')
        {
          p++;
          more = FALSE;
        }
    }
  else
    {
      p = _cr_json_after_member (base, p, end, &more, &self->tail);
      if (p == NULL)
        {
          self->phase = PHASE_DONE;
          return;
        }
    }

  while (more)
    {
      const char *key, *value;
      gsize key_len;
      gboolean escaped;

      p = _cr_json_member_key (base, p, end, &key, &key_len, &escaped, &self->tail);
      if (p == NULL)
        {
          self->phase = PHASE_DONE;
          return;
        }
      value = p;
      if (_cr_json_key_equal (key, key_len, escaped, "features") && *p == '[' &&
          (self->root_type == NULL || g_str_equal (self->root_type, "FeatureCollection")))
        {
          self->pos = p + 1 - base;
          self->phase = PHASE_FEATURES;
          self->first_feature = TRUE;
          self->streamed = TRUE;
          return;
        }
      if (_cr_json_key_equal (key, key_len, escaped, "type") && *p == '"')
        {
          const char *raw;
          gsize raw_len;
          gboolean raw_escaped;

          if (!_cr_json_string_span (base, &p, end, &raw, &raw_len, &raw_escaped, &self->tail))
            {
              self->phase = PHASE_DONE;
              return;
            }
          g_autofree char *type = raw_escaped ? _cr_json_decode_string (raw, raw_len)
                                              : g_strndup (raw, raw_len);

          /* Only ASCII names mean anything; the rest is for messages. */
          g_free (self->root_type);
          self->root_type = _cr_geojson_printable (type);
        }
      else
        {
          p = _cr_json_skip_value (base, p, end, &self->tail);
          if (p == NULL)
            {
              self->phase = PHASE_DONE;
              return;
            }
          if (_cr_json_key_equal (key, key_len, escaped, "features"))
            self->features_invalid = TRUE;
          if (_cr_json_key_equal (key, key_len, escaped, "crs"))
            {
              if (!_cr_geojson_check_crs_span (base, value, p, &self->tail))
                {
                  self->phase = PHASE_DONE;
                  return;
                }
            }
          else if (!is_big_member (key, key_len, escaped))
            {
              g_autoptr(cJSON) ignored = _cr_json_parse_span (base, value, p, &self->tail);

              if (ignored == NULL)
                {
                  self->phase = PHASE_DONE;
                  return;
                }
            }
        }
      p = _cr_json_after_member (base, p, end, &more, &self->tail);
      if (p == NULL)
        {
          self->phase = PHASE_DONE;
          return;
        }
    }

  p = _cr_json_skip_ws (p, end);
  if (p < end)
    _cr_geojson_problem_set (&self->tail, CR_GEOJSON_ERROR_SYNTAX, p - base, "%s",
                             _("there is more text after the end of the GeoJSON object"));
  self->pos = p - base;
  self->phase = PHASE_DONE;
}

/* The next element of the "features" array, or FALSE at its end (the
 * scanner then reads the rest of the top-level object). */
static gboolean
next_feature (Import *self,
              gsize  *start,
              gsize  *stop)
{
  const char *base = self->base, *end = base + self->len;
  const char *p = _cr_json_skip_ws (base + self->pos, end);
  const char *q;

  if (self->first_feature)
    self->first_feature = FALSE;
  else if (p < end && *p == ',')
    p = _cr_json_skip_ws (p + 1, end);
  else if (p < end && *p == ']')
    {
      self->pos = p + 1 - base;
      scan_header (self, FALSE);
      return FALSE;
    }
  else
    {
      _cr_geojson_problem_set (&self->tail, CR_GEOJSON_ERROR_SYNTAX, p - base, "%s",
                               p < end ? _("a “,” or “]” was expected after a feature")
                                       : _("the text ends too early"));
      self->tail_index = self->next_index;
      self->phase = PHASE_DONE;
      return FALSE;
    }

  if (p < end && *p == ']' && self->next_index == 0)
    {
      self->pos = p + 1 - base;
      scan_header (self, FALSE);
      return FALSE;
    }
  q = _cr_json_skip_value (base, p, end, &self->tail);
  if (q == NULL)
    {
      self->tail_index = self->next_index;
      self->phase = PHASE_DONE;
      return FALSE;
    }
  *start = p - base;
  *stop = q - base;
  self->pos = *stop;
  return TRUE;
}

static void
produce_batch (Import *self,
               Batch  *batch)
{
  gsize bytes = 0;

  while (self->phase == PHASE_FEATURES && batch->buffer.rows->len < BATCH_MAX_FEATURES &&
         bytes < BATCH_MAX_BYTES)
    {
      CrGeojsonRow row = { 0 };

      if (!next_feature (self, &row.start, &row.end))
        break;
      row.index = self->next_index++;
      row.problem = (CrGeojsonProblem) CR_GEOJSON_PROBLEM_INIT;
      g_array_append_val (batch->buffer.rows, row);
      bytes += row.end - row.start;
    }
}

/* Cuts the next batch, if the window has room. Called under lock. */
static Batch *
claim_batch_locked (Import *self)
{
  Batch *batch;

  if (self->stopping || self->phase != PHASE_FEATURES ||
      self->next_seq - self->write_seq >= self->window_size)
    return NULL;
  batch = take_batch (self);
  produce_batch (self, batch);
  if (batch->buffer.rows->len == 0)
    {
      g_ptr_array_add (self->pool, batch);
      g_cond_broadcast (&self->cond); /* the scanner is done */
      return NULL;
    }
  batch->seq = self->next_seq++;
  self->window[batch->seq % self->window_size] = batch;
  return batch;
}

/* Parses @batch outside the lock, then marks it done. Called under lock. */
static void
parse_claimed_locked (Import           *self,
                      CrGeojsonScratch *scratch,
                      Batch            *batch)
{
  g_mutex_unlock (&self->lock);
  process_batch (self, scratch, batch);
  g_mutex_lock (&self->lock);
  batch->done = TRUE;
  g_cond_broadcast (&self->cond);
}

static gpointer
worker_main (gpointer data)
{
  Import *self = data;
  CrGeojsonScratch scratch;

  _cr_geojson_scratch_init (&scratch);
  g_mutex_lock (&self->lock);
  while (!self->stopping && self->phase == PHASE_FEATURES)
    {
      Batch *batch = claim_batch_locked (self);

      if (batch != NULL)
        parse_claimed_locked (self, &scratch, batch);
      else if (!self->stopping && self->phase == PHASE_FEATURES)
        g_cond_wait (&self->cond, &self->lock);
    }
  g_mutex_unlock (&self->lock);
  _cr_geojson_scratch_clear (&scratch);
  return NULL;
}

/* The next batch in file order, parsed; %NULL after the last. */
static Batch *
next_parsed_batch (Import *self)
{
  Batch *batch = NULL;

  g_mutex_lock (&self->lock);
  for (;;)
    {
      Batch *other;

      if (self->write_seq < self->next_seq)
        {
          batch = self->window[self->write_seq % self->window_size];
          if (batch->done)
            break;
        }
      else if (self->phase != PHASE_FEATURES)
        {
          batch = NULL;
          break;
        }
      /* When the workers are behind, cut and parse the next batch here
       * rather than wait; never another one, which would delay writing. */
      if (self->write_seq == self->next_seq && (other = claim_batch_locked (self)) != NULL)
        parse_claimed_locked (self, &self->scratch, other);
      else if (self->write_seq < self->next_seq || self->phase == PHASE_FEATURES)
        g_cond_wait (&self->cond, &self->lock);
    }
  g_mutex_unlock (&self->lock);
  return batch;
}

static void
release_batch (Import *self,
               Batch  *batch)
{
  g_mutex_lock (&self->lock);
  self->window[batch->seq % self->window_size] = NULL;
  self->write_seq++;
  g_ptr_array_add (self->pool, batch);
  g_cond_broadcast (&self->cond);
  g_mutex_unlock (&self->lock);
}

/* Writing */

/* What is wrong with @row, with the line and column of a syntax error. */
static char *
problem_text (Import             *self,
              const CrGeojsonRow *row)
{
  guint line, column;

  if (row->problem.code != CR_GEOJSON_ERROR_SYNTAX || row->problem.offset < 0)
    return g_strdup (row->problem.reason);
  _cr_json_line_cursor_locate (&self->lines, row->problem.offset, &line, &column);
  return g_strdup_printf (_("the JSON is invalid at line %u, column %u: %s; correct the file"),
                          line, column, row->problem.reason);
}

/* The error message for @row. Features are counted from 1 in messages,
 * as people count them (CrGeojsonSkipped.index is 0-based). */
static char *
describe_row (Import                   *self,
              const CrGeojsonRow       *row,
              const CrGeojsonRowBuffer *buffer,
              gboolean                  bare_geometry)
{
  const char *name = _cr_geojson_row_string (buffer, row->name);
  g_autofree char *text = problem_text (self, row);

  if (bare_geometry)
    return g_strdup_printf (_("The geometry in “%s” cannot be imported: %s."), self->source_name, text);
  if (name != NULL && *name != '\0')
    return g_strdup_printf (_("Feature %u (“%s”): %s."), row->index + 1, name, text);
  return g_strdup_printf (_("Feature %u: %s."), row->index + 1, text);
}

/* The reason listed for a skipped feature, which the list shows next to
 * its number: the feature's name, if any, and the problem. */
static char *
skip_reason (Import                   *self,
             const CrGeojsonRow       *row,
             const CrGeojsonRowBuffer *buffer)
{
  const char *name = _cr_geojson_row_string (buffer, row->name);
  g_autofree char *text = problem_text (self, row);

  if (name != NULL && *name != '\0')
    return g_strdup_printf (_("“%s”: %s"), name, text);
  return g_steal_pointer (&text);
}

static gboolean
write_batch (Import                *self,
             CrFeatureWriter       *writer,
             Batch                 *batch,
             CrGeojsonImportResult *result,
             GError               **error)
{
  CrGeojsonRowBuffer *buffer = &batch->buffer;

  for (guint i = 0; i < buffer->rows->len; i++)
    {
      const CrGeojsonRow *row = &g_array_index (buffer->rows, CrGeojsonRow, i);
      CrFeatureRow out = { 0 };
      gint64 id = 0;

      if (_cr_geojson_problem_is_set (&row->problem))
        {
          g_autofree char *message = NULL;

          if (self->options.skip_invalid)
            {
              CrGeojsonSkipped skipped = { row->index, skip_reason (self, row, buffer) };

              g_array_append_val (result->skipped, skipped);
              continue;
            }
          message = describe_row (self, row, buffer, batch->bare_geometry);
          g_set_error_literal (error, CR_GEOJSON_ERROR, row->problem.code, message);
          return FALSE;
        }

      out.event_id = result->event_id;
      out.layer_id = result->layer_id;
      out.kind = row->kind;
      out.name = _cr_geojson_row_string (buffer, row->name);
      out.active_from = _cr_geojson_row_string (buffer, row->active_from);
      out.active_to = _cr_geojson_row_string (buffer, row->active_to);
      out.partner_id = row->partner_id;
      out.notes = _cr_geojson_row_string (buffer, row->notes);
      out.properties = _cr_geojson_row_string (buffer, row->properties);
      out.geometry = buffer->blobs->data + row->geometry;
      out.geometry_len = row->geometry_len;
      out.center_lon = row->center_lon;
      out.center_lat = row->center_lat;
      out.radius_m = row->radius_m;
      if (!cr_feature_writer_add (writer, &out, &id, error))
        return FALSE;
      for (guint w = 0; w < row->n_waypoints; w++)
        {
          const CrGeojsonWaypointRow *wp =
            &g_array_index (buffer->waypoints, CrGeojsonWaypointRow, row->first_waypoint + w);

          if (!cr_feature_writer_add_waypoint (writer, id, w, _cr_geojson_row_string (buffer, wp->name),
                                               wp->lon, wp->lat,
                                               _cr_geojson_row_string (buffer, wp->planned_at), error))
            return FALSE;
          result->n_waypoints++;
        }
      result->n_features++;
    }
  return TRUE;
}

/* Pages already imported are clean copies of the file: hand them back,
 * so that resident memory stays flat however large the file. */
static void
release_pages (Import *self,
               gsize   upto)
{
#ifdef MADV_DONTNEED
  static gsize page;
  guintptr from, to;

  if (!self->mapped)
    return;
  if (page == 0)
    page = sysconf (_SC_PAGESIZE);
  from = ((guintptr) self->base + self->released + page - 1) & ~(guintptr) (page - 1);
  to = ((guintptr) self->base + upto) & ~(guintptr) (page - 1);
  if (to >= from + 4 * 1024 * 1024)
    {
      madvise ((void *) from, to - from, MADV_DONTNEED);
      self->released = to - (guintptr) self->base;
    }
#endif
}

static void
report_progress (Import *self,
                 double  fraction)
{
  if (self->options.progress == NULL)
    return;
  if (fraction < 1.0 && fraction - self->last_progress < 0.002)
    return;
  self->last_progress = fraction;
  self->options.progress (fraction, self->options.progress_data);
}

static void
start_workers (Import *self)
{
  guint n = self->options.n_threads != 0 ? self->options.n_threads : g_get_num_processors ();

  n = MIN (n, 64);

  /* The calling thread parses too, when it has nothing to write. */
  self->n_workers = n > 1 ? n - 1 : 0;
  self->window_size = 4 * n + 2;
  self->window = g_new0 (Batch *, self->window_size);
  if (self->n_workers == 0)
    return;
  self->workers = g_new0 (GThread *, self->n_workers);
  for (guint i = 0; i < self->n_workers; i++)
    self->workers[i] = g_thread_new ("cr-geojson", worker_main, self);
}

static void
stop_workers (Import *self)
{
  g_mutex_lock (&self->lock);
  self->stopping = TRUE;
  g_cond_broadcast (&self->cond);
  g_mutex_unlock (&self->lock);
  g_atomic_int_set (&self->abort, TRUE);
  for (guint i = 0; i < self->n_workers; i++)
    g_thread_join (self->workers[i]);
  g_clear_pointer (&self->workers, g_free);

  /* Batches cut but not written. */
  for (guint64 seq = self->write_seq; seq < self->next_seq; seq++)
    g_ptr_array_add (self->pool, self->window[seq % self->window_size]);
  self->write_seq = self->next_seq;
  g_clear_pointer (&self->window, g_free);
}

static void
set_file_error (Import                 *self,
                const CrGeojsonProblem *problem,
                guint                   index,
                GError                **error)
{
  if (index != G_MAXUINT)
    {
      CrGeojsonRow row = { 0 };
      g_autofree char *message = NULL;

      row.index = index;
      row.name = -1;
      row.problem = *problem;
      message = describe_row (self, &row, NULL, FALSE);
      g_set_error_literal (error, CR_GEOJSON_ERROR, problem->code, message);
    }
  else if (problem->code == CR_GEOJSON_ERROR_SYNTAX && problem->offset >= 0)
    {
      guint line, column;

      _cr_json_line_cursor_locate (&self->lines, problem->offset, &line, &column);
      g_set_error (error, CR_GEOJSON_ERROR, CR_GEOJSON_ERROR_SYNTAX,
                   _("“%s” is not valid JSON: at line %u, column %u, %s. Correct the file and import it again."),
                   self->source_name, line, column, problem->reason);
    }
  else
    g_set_error (error, CR_GEOJSON_ERROR, problem->code, _("“%s” cannot be imported: %s."),
                 self->source_name, problem->reason);
}

/* Starts the scanner on the top-level object; FALSE with @error when the
 * input is no GeoJSON object at all. */
static gboolean
start_scan (Import  *self,
            GError **error)
{
  const char *p = _cr_json_skip_ws (self->base, self->base + self->len);

  if (p == self->base + self->len)
    {
      g_set_error (error, CR_GEOJSON_ERROR, CR_GEOJSON_ERROR_NOT_GEOJSON,
                   _("“%s” is empty. Choose a GeoJSON file."), self->source_name);
      return FALSE;
    }
  if (*p != '{')
    {
      g_set_error (error, CR_GEOJSON_ERROR, CR_GEOJSON_ERROR_NOT_GEOJSON,
                   _("“%s” is not a GeoJSON file: GeoJSON is a JSON object with a “type”, and this "
                     "file does not start with “{”. Choose a GeoJSON file."),
                   self->source_name);
      return FALSE;
    }
  self->pos = p + 1 - self->base;
  self->tail_index = G_MAXUINT;
  scan_header (self, TRUE);
  return TRUE;
}

/* After the header: what the file is, if not a FeatureCollection being
 * streamed. Queues the single row of a Feature or geometry file. */
static gboolean
classify_root (Import  *self,
               Batch   *single,
               GError **error)
{
  CrGeometryType type;
  const char *p = _cr_json_skip_ws (self->base, self->base + self->len);
  CrGeojsonRow row = { 0 };

  if (_cr_geojson_problem_is_set (&self->tail))
    return TRUE; /* reported in order, after the features */
  if (self->root_type == NULL)
    {
      g_set_error (error, CR_GEOJSON_ERROR, CR_GEOJSON_ERROR_NOT_GEOJSON,
                   _("“%s” is JSON but not GeoJSON: its object has no “type”. Choose a GeoJSON file."),
                   self->source_name);
      return FALSE;
    }
  if (g_str_equal (self->root_type, "FeatureCollection"))
    {
      if (self->streamed)
        return TRUE;
      g_set_error (error, CR_GEOJSON_ERROR, CR_GEOJSON_ERROR_NOT_GEOJSON,
                   _("“%s” is a FeatureCollection without a “features” array. Correct the file."),
                   self->source_name);
      return FALSE;
    }
  if (self->streamed)
    {
      g_set_error (error, CR_GEOJSON_ERROR, CR_GEOJSON_ERROR_NOT_GEOJSON,
                   _("“%s” has a “features” array but is a “%s”, not a FeatureCollection. Correct the file."),
                   self->source_name, self->root_type);
      return FALSE;
    }
  if (g_str_equal (self->root_type, "Feature"))
    single->bare_geometry = FALSE;
  else if (cr_geometry_type_from_geojson (self->root_type, &type))
    single->bare_geometry = TRUE;
  else
    {
      g_set_error (error, CR_GEOJSON_ERROR, CR_GEOJSON_ERROR_NOT_GEOJSON,
                   _("“%s” is not GeoJSON: its type is “%s”, where GeoJSON has a FeatureCollection, "
                     "a Feature or a geometry. Choose a GeoJSON file."),
                   self->source_name, self->root_type);
      return FALSE;
    }
  row.index = self->next_index++;
  row.start = p - self->base;
  row.end = self->pos;
  row.problem = (CrGeojsonProblem) CR_GEOJSON_PROBLEM_INIT;
  g_array_append_val (single->buffer.rows, row);
  return TRUE;
}

static char *
audit_json (Import                      *self,
            const char                  *target_name,
            const CrGeojsonImportResult *result)
{
  g_autoptr(cJSON) json = cJSON_CreateObject ();
  char *printed, *text;

  cJSON_AddStringToObject (json, "source", self->source_name);
  cJSON_AddStringToObject (json, result->layer_id > 0 ? "layer" : "event", target_name);
  cJSON_AddNumberToObject (json, "features", result->n_features);
  cJSON_AddNumberToObject (json, "waypoints", result->n_waypoints);
  cJSON_AddNumberToObject (json, "skipped", result->skipped->len);
  printed = cJSON_PrintUnformatted (json);
  text = g_strdup (printed);
  cJSON_free (printed);
  return text;
}

static gboolean
write_and_report (Import                *self,
                  CrFeatureWriter       *writer,
                  Batch                 *batch,
                  CrGeojsonImportResult *result,
                  GError               **error)
{
  gsize upto;

  if (!write_batch (self, writer, batch, result, error))
    return FALSE;
  if (batch->buffer.rows->len == 0)
    return TRUE;
  upto = g_array_index (batch->buffer.rows, CrGeojsonRow, batch->buffer.rows->len - 1).end;
  release_pages (self, upto);
  report_progress (self, (double) upto / MAX (self->len, 1));
  return TRUE;
}

static gboolean
run_import (Import                *self,
            CrFeatureWriter       *writer,
            CrGeojsonImportResult *result,
            GError               **error)
{
  gboolean ok = FALSE;

  if (g_cancellable_set_error_if_cancelled (self->cancellable, error) || !start_scan (self, error))
    return FALSE;

  if (self->phase == PHASE_DONE)
    {
      /* A single Feature or geometry, or a file that stopped early. */
      Batch *single = take_batch (self);

      g_ptr_array_add (self->pool, single);
      if (!classify_root (self, single, error))
        return FALSE;
      process_batch (self, &self->scratch, single);
      if (!write_and_report (self, writer, single, result, error))
        return FALSE;
    }
  else
    {
      start_workers (self);
      for (;;)
        {
          Batch *batch;

          if (g_cancellable_set_error_if_cancelled (self->cancellable, error))
            goto out;
          batch = next_parsed_batch (self);
          if (batch == NULL)
            break;
          if (g_cancellable_set_error_if_cancelled (self->cancellable, error) ||
              !write_and_report (self, writer, batch, result, error))
            {
              release_batch (self, batch);
              goto out;
            }
          release_batch (self, batch);
        }
    }

  if (_cr_geojson_problem_is_set (&self->tail))
    {
      set_file_error (self, &self->tail, self->tail_index, error);
      goto out;
    }
  if (self->streamed && !classify_root (self, NULL, error))
    goto out;
  ok = TRUE;

out:
  if (self->window != NULL)
    stop_workers (self);
  return ok;
}

static char *
event_name_from_source (const char *source_name)
{
  g_autofree char *base = g_path_get_basename (source_name);
  char *dot = strrchr (base, '.');

  if (dot != NULL && dot != base)
    *dot = '\0';
  return g_steal_pointer (&base);
}

/* @target_name is the event, or the layer when @reference: a reference
 * layer's features are rows with the layer and no event. */
static CrGeojsonImportResult *
import_data (CrStore                      *store,
             const char                   *data,
             gsize                         len,
             gboolean                      mapped,
             const char                   *source_name,
             const char                   *target_name,
             gboolean                      reference,
             const CrGeojsonImportOptions *options,
             GCancellable                 *cancellable,
             GError                      **error)
{
  g_autoptr(CrGeojsonImportResult) result = NULL;
  g_autoptr(CrFeatureWriter) writer = NULL;
  g_autofree char *derived_name = NULL;
  g_autofree char *audit = NULL;
  Import self = { 0 };
  gboolean ok = FALSE;

  if (options != NULL)
    self.options = *options;
  self.store = store;
  self.base = data != NULL ? data : "";
  self.len = len;
  self.mapped = mapped;
  /* Windows editors start UTF-8 files with a byte order mark. */
  if (len >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    {
      self.base += 3;
      self.len -= 3;
    }
  self.source_name = source_name;
  self.cancellable = cancellable;
  self.pool = g_ptr_array_new_with_free_func ((GDestroyNotify) batch_free);
  self.tail = (CrGeojsonProblem) CR_GEOJSON_PROBLEM_INIT;
  self.tail_index = G_MAXUINT;
  g_mutex_init (&self.lock);
  g_cond_init (&self.cond);
  _cr_json_line_cursor_init (&self.lines, self.base);
  _cr_geojson_context_init (&self.context);
  _cr_geojson_scratch_init (&self.scratch);

  if (target_name == NULL)
    target_name = derived_name = event_name_from_source (source_name);

  result = g_new0 (CrGeojsonImportResult, 1);
  result->skipped = g_array_new (FALSE, FALSE, sizeof (CrGeojsonSkipped));

  if (!_cr_geojson_context_load (&self.context, store, options, error))
    goto out;
  writer = cr_store_feature_writer_new (store, error);
  if (writer == NULL)
    goto out;
  if (reference)
    {
      result->layer_id = cr_feature_writer_ensure_layer (writer, target_name, source_name,
                                                         &result->layer_created, error);
      if (result->layer_id == 0)
        goto out;
    }
  else
    {
      result->event_id = cr_feature_writer_ensure_event (writer, target_name, &result->event_created,
                                                         error);
      if (result->event_id == 0)
        goto out;
    }
  if (!run_import (&self, writer, result, error))
    goto out;
  /* Every feature skipped: no new event or layer, empty, and no
   * success. (An empty collection makes its event, as a start.) */
  if (result->n_features == 0 && result->skipped->len > 0)
    {
      const CrGeojsonSkipped *first = &g_array_index (result->skipped, CrGeojsonSkipped, 0);

      if (result->skipped->len == 1)
        g_set_error (error, CR_GEOJSON_ERROR, CR_GEOJSON_ERROR_FEATURE,
                     _("The only feature of “%s” is not valid, so nothing was imported: feature %u: %s"),
                     source_name, first->index + 1, first->reason);
      else
        g_set_error (error, CR_GEOJSON_ERROR, CR_GEOJSON_ERROR_FEATURE,
                     g_dngettext (GETTEXT_PACKAGE,
                                  "None of the %u feature of “%s” is valid, so nothing was imported. "
                                  "The first: feature %u: %s",
                                  "None of the %u features of “%s” is valid, so nothing was imported. "
                                  "The first: feature %u: %s",
                                  result->skipped->len),
                     result->skipped->len, source_name, first->index + 1, first->reason);
      goto out;
    }
  audit = audit_json (&self, target_name, result);
  if (!cr_feature_writer_commit (writer, "import", audit, error))
    goto out;
  report_progress (&self, 1.0);
  ok = TRUE;

out:
  g_clear_pointer (&writer, cr_feature_writer_free);
  _cr_geojson_problem_clear (&self.tail);
  g_free (self.root_type);
  g_ptr_array_unref (self.pool);
  _cr_geojson_scratch_clear (&self.scratch);
  _cr_geojson_context_clear (&self.context);
  g_mutex_clear (&self.lock);
  g_cond_clear (&self.cond);
  return ok ? g_steal_pointer (&result) : NULL;
}

static CrGeojsonImportResult *
import_file (CrStore                      *store,
             const char                   *path,
             const char                   *target_name,
             gboolean                      reference,
             const CrGeojsonImportOptions *options,
             GCancellable                 *cancellable,
             GError                      **error)
{
  g_autoptr(GMappedFile) file = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *display = NULL;

  display = g_filename_display_basename (path);
  if (!cr_input_check_file (path, &local_error))
    {
      g_set_error_literal (error, CR_GEOJSON_ERROR, CR_GEOJSON_ERROR_READ, local_error->message);
      return NULL;
    }
  file = g_mapped_file_new (path, FALSE, &local_error);
  if (file == NULL)
    {
      g_set_error (error, CR_GEOJSON_ERROR, CR_GEOJSON_ERROR_READ,
                   _("“%s” cannot be read: %s. Check that the file exists and that you may read it."),
                   display, local_error->message);
      return NULL;
    }
  return import_data (store, g_mapped_file_get_contents (file), g_mapped_file_get_length (file), TRUE,
                      display, target_name, reference, options, cancellable, error);
}

/**
 * cr_geojson_import_file:
 * @event_name: (nullable): the event to import into, found without regard
 *   to case or created; %NULL names it after the file
 * @options: (nullable): %NULL for the defaults
 *
 * Imports a GeoJSON FeatureCollection, Feature or geometry into an event,
 * in one transaction: on error nothing is written (unless
 * @options->skip_invalid, which skips invalid features and lists them).
 * Blocks; run it in a thread (with its own #CrStore) to keep a UI
 * responsive. Progress is reported from the calling thread.
 *
 * Returns: (transfer full) (nullable): what was imported
 */
CrGeojsonImportResult *
cr_geojson_import_file (CrStore                      *store,
                        const char                   *path,
                        const char                   *event_name,
                        const CrGeojsonImportOptions *options,
                        GCancellable                 *cancellable,
                        GError                      **error)
{
  g_return_val_if_fail (CR_IS_STORE (store), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  return import_file (store, path, event_name, FALSE, options, cancellable, error);
}

/**
 * cr_geojson_import_bytes:
 * @source_name: (nullable): how messages and the audit log name the data
 *
 * Like cr_geojson_import_file(), from memory.
 */
CrGeojsonImportResult *
cr_geojson_import_bytes (CrStore                      *store,
                         GBytes                       *data,
                         const char                   *source_name,
                         const char                   *event_name,
                         const CrGeojsonImportOptions *options,
                         GCancellable                 *cancellable,
                         GError                      **error)
{
  gsize len;
  const char *bytes;

  g_return_val_if_fail (CR_IS_STORE (store), NULL);
  g_return_val_if_fail (data != NULL, NULL);

  bytes = g_bytes_get_data (data, &len);
  return import_data (store, bytes, len, FALSE, source_name != NULL ? source_name : "GeoJSON",
                      event_name, FALSE, options, cancellable, error);
}

/**
 * cr_geojson_import_reference_file:
 * @layer_name: (nullable): the reference layer to import into, found
 *   without regard to case or created (visible) in the same transaction;
 *   %NULL names it after the file
 * @options: (nullable): %NULL for the defaults
 *
 * Like cr_geojson_import_file(), but into a region-wide reference layer
 * (commune or police-zone boundaries, hospitals…): the features get the
 * layer and no event. A feature keeps its kind when the file gives a
 * known one, else gets the generic kind of its geometry ("area", "line",
 * "point"), unless @options names a default kind.
 *
 * Returns: (transfer full) (nullable): what was imported; its layer_id
 *   is set and its event_id is 0
 */
CrGeojsonImportResult *
cr_geojson_import_reference_file (CrStore                      *store,
                                  const char                   *path,
                                  const char                   *layer_name,
                                  const CrGeojsonImportOptions *options,
                                  GCancellable                 *cancellable,
                                  GError                      **error)
{
  g_return_val_if_fail (CR_IS_STORE (store), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  return import_file (store, path, layer_name, TRUE, options, cancellable, error);
}

/**
 * cr_geojson_import_reference_bytes:
 * @source_name: (nullable): how messages, the audit log and a new
 *   layer's source name the data
 *
 * Like cr_geojson_import_reference_file(), from memory.
 */
CrGeojsonImportResult *
cr_geojson_import_reference_bytes (CrStore                      *store,
                                   GBytes                       *data,
                                   const char                   *source_name,
                                   const char                   *layer_name,
                                   const CrGeojsonImportOptions *options,
                                   GCancellable                 *cancellable,
                                   GError                      **error)
{
  gsize len;
  const char *bytes;

  g_return_val_if_fail (CR_IS_STORE (store), NULL);
  g_return_val_if_fail (data != NULL, NULL);

  bytes = g_bytes_get_data (data, &len);
  return import_data (store, bytes, len, FALSE, source_name != NULL ? source_name : "GeoJSON",
                      layer_name, TRUE, options, cancellable, error);
}

void
cr_geojson_import_result_free (CrGeojsonImportResult *result)
{
  if (result == NULL)
    return;
  if (result->skipped != NULL)
    {
      for (guint i = 0; i < result->skipped->len; i++)
        g_free (g_array_index (result->skipped, CrGeojsonSkipped, i).reason);
      g_array_unref (result->skipped);
    }
  g_free (result);
}
