/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cjson/cJSON.h>

#include "cr-geojson.h"
#include "cr-geometry.h"

G_BEGIN_DECLS

/* Shared between the GeoJSON scanner, the per-feature parser (which runs
 * in worker threads) and the writer. Everything here is plain data: a
 * worker only reads the context and writes into its own row buffer. */

/* Nesting deeper than this is refused; real GeoJSON needs about 8 levels,
 * and a bound keeps hostile input from exhausting the stack. */
#define CR_GEOJSON_MAX_DEPTH 256

/* A problem found in the input. The writer turns it into a message in
 * file order, adding the feature index and name, and the line and column
 * of a syntax error (counting lines is done once, in order). */
typedef struct
{
  int code;      /* CrGeojsonError, or -1 for none */
  gssize offset; /* syntax errors: byte offset in the input; else -1 */
  char *reason;  /* translated */
} CrGeojsonProblem;

#define CR_GEOJSON_PROBLEM_INIT { -1, -1, NULL }

void        _cr_geojson_problem_set       (CrGeojsonProblem  *problem,
                                           int                code,
                                           gssize             offset,
                                           const char        *format,
                                           ...) G_GNUC_PRINTF (4, 5);
void        _cr_geojson_problem_clear     (CrGeojsonProblem  *problem);
gboolean    _cr_geojson_problem_is_set    (const CrGeojsonProblem *problem);

/* cr-geojson-scan.c: a light scanner, enough to find where values start
 * and end without building anything. */
const char *_cr_json_skip_ws              (const char        *p,
                                           const char        *end);
const char *_cr_json_skip_value           (const char        *base,
                                           const char        *p,
                                           const char        *end,
                                           CrGeojsonProblem  *problem);
gboolean    _cr_json_string_span          (const char        *base,
                                           const char       **p,
                                           const char        *end,
                                           const char       **start,
                                           gsize             *len,
                                           gboolean          *escaped,
                                           CrGeojsonProblem  *problem);
const char *_cr_json_member_key           (const char        *base,
                                           const char        *p,
                                           const char        *end,
                                           const char       **key,
                                           gsize             *key_len,
                                           gboolean          *escaped,
                                           CrGeojsonProblem  *problem);
const char *_cr_json_after_member         (const char        *base,
                                           const char        *p,
                                           const char        *end,
                                           gboolean          *more,
                                           CrGeojsonProblem  *problem);
gboolean    _cr_json_key_equal            (const char        *key,
                                           gsize              key_len,
                                           gboolean           escaped,
                                           const char        *name);
char       *_cr_json_decode_string        (const char        *raw,
                                           gsize              len);
char       *_cr_geojson_printable         (const char        *text);
const char *_cr_json_parse_number         (const char        *p,
                                           const char        *end,
                                           double            *value);
cJSON      *_cr_json_parse_span           (const char        *base,
                                           const char        *start,
                                           const char        *end,
                                           CrGeojsonProblem  *problem);

/* Line and column (1-based, column in characters) of an offset; the
 * cursor makes successive calls with growing offsets cost what lies
 * between them. */
typedef struct
{
  const char *data;
  gsize offset;
  guint line;
  gsize line_start;
  gsize chars; /* characters from line_start to offset */
} CrJsonLineCursor;

void        _cr_json_line_cursor_init     (CrJsonLineCursor  *cursor,
                                           const char        *data);
void        _cr_json_line_cursor_locate   (CrJsonLineCursor  *cursor,
                                           gsize              offset,
                                           guint             *line,
                                           guint             *column);

/* cr-geojson-geometry.c */
typedef struct
{
  const char *base; /* the whole input, for error offsets */
  const char *end;
  GArray *coords;   /* scratch doubles, reused from feature to feature */
  CrGeojsonProblem *problem;
  guint depth;
} CrGeojsonGeometryParser;

CrGeometry *_cr_geojson_parse_geometry    (CrGeojsonGeometryParser *parser,
                                           const char       **p);
gboolean    _cr_geojson_crs_is_wgs84      (const cJSON       *crs,
                                           char             **name);
gboolean    _cr_geojson_check_crs_span    (const char        *base,
                                           const char        *start,
                                           const char        *end,
                                           CrGeojsonProblem  *problem);
const char *_cr_geojson_generic_kind      (const CrGeometry  *geometry);
cJSON      *_cr_geojson_geometry_to_json  (const CrGeometry  *geometry);
gboolean    _cr_geojson_position_valid    (double             lon,
                                           double             lat,
                                           char             **reason);

/* cr-geojson-feature.c: one feature span into one ready row. */

/* Which property a key feeds. */
typedef enum
{
  CR_GEOJSON_SLOT_NAME,
  CR_GEOJSON_SLOT_KIND,
  CR_GEOJSON_SLOT_FROM,
  CR_GEOJSON_SLOT_TO,
  CR_GEOJSON_SLOT_NOTES,
  CR_GEOJSON_SLOT_PARTNER,
  CR_GEOJSON_SLOT_WAYPOINTS,
  CR_GEOJSON_SLOT_CIRCLE,
  CR_GEOJSON_N_SLOTS
} CrGeojsonSlot;

/* Read-only once the import starts, so workers share it without locks. */
typedef struct
{
  GHashTable *kinds;    /* folded code or label -> code */
  GHashTable *partners; /* folded name -> gint64 id (boxed) */
  GHashTable *keys;     /* folded property key -> slot << 8 | priority */
  gboolean from_key_explicit;
  gboolean to_key_explicit;
  const char *default_kind; /* a code, or NULL */
} CrGeojsonContext;

typedef struct
{
  guint index;
  gsize start; /* the feature's span in the input */
  gsize end;
  CrGeojsonProblem problem;
  gssize name; /* offsets into the buffer's strings, -1 for NULL */
  gssize notes;
  gssize properties;
  gssize active_from;
  gssize active_to;
  const char *kind; /* owned by the context or static */
  gint64 partner_id;
  double center_lon;
  double center_lat;
  double radius_m;
  gsize geometry; /* offset and length in the buffer's blobs */
  gsize geometry_len;
  guint first_waypoint;
  guint n_waypoints;
} CrGeojsonRow;

typedef struct
{
  gssize name;
  gssize planned_at;
  double lon;
  double lat;
} CrGeojsonWaypointRow;

/* Rows of one batch. Offsets rather than pointers, since the arrays grow;
 * the arrays keep their memory when a batch is reused. */
typedef struct
{
  GArray *rows;      /* CrGeojsonRow */
  GArray *waypoints; /* CrGeojsonWaypointRow */
  GByteArray *blobs;
  GString *strings;
} CrGeojsonRowBuffer;

/* Per-thread scratch memory. */
typedef struct
{
  GArray *coords;
  char *print_buffer;
  int print_size;
} CrGeojsonScratch;

void        _cr_geojson_context_init      (CrGeojsonContext  *context);
void        _cr_geojson_context_clear     (CrGeojsonContext  *context);
gboolean    _cr_geojson_context_load      (CrGeojsonContext  *context,
                                           CrStore           *store,
                                           const CrGeojsonImportOptions *options,
                                           GError           **error);
void        _cr_geojson_scratch_init      (CrGeojsonScratch  *scratch);
void        _cr_geojson_scratch_clear     (CrGeojsonScratch  *scratch);
void        _cr_geojson_row_buffer_init   (CrGeojsonRowBuffer *buffer);
void        _cr_geojson_row_buffer_reset  (CrGeojsonRowBuffer *buffer);
void        _cr_geojson_row_buffer_clear  (CrGeojsonRowBuffer *buffer);
const char *_cr_geojson_row_string        (const CrGeojsonRowBuffer *buffer,
                                           gssize             offset);
void        _cr_geojson_parse_feature     (const CrGeojsonContext *context,
                                           CrGeojsonScratch  *scratch,
                                           const char        *base,
                                           gsize              len,
                                           gboolean           bare_geometry,
                                           CrGeojsonRowBuffer *buffer,
                                           CrGeojsonRow      *row);
char       *_cr_geojson_fold              (const char        *text,
                                           gssize             len);
const char *const *_cr_geojson_default_keys (CrGeojsonSlot   slot);

G_END_DECLS
