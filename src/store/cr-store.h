/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "cr-record.h"
#include "cr-records.h"

G_BEGIN_DECLS

#define CR_STORE_ERROR (cr_store_error_quark ())
GQuark cr_store_error_quark (void);

typedef enum
{
  CR_STORE_ERROR_OPEN,       /* the file cannot be opened or created */
  CR_STORE_ERROR_NOT_OURS,   /* not a GeoPackage written by Crisis Room */
  CR_STORE_ERROR_CORRUPT,    /* damaged file */
  CR_STORE_ERROR_TOO_NEW,    /* written by a newer Crisis Room */
  CR_STORE_ERROR_NOT_FOUND,  /* the row is gone */
  CR_STORE_ERROR_CONSTRAINT, /* duplicate name, dangling reference… */
  CR_STORE_ERROR_CONFLICT,   /* someone else changed the row meanwhile */
  CR_STORE_ERROR_READ_ONLY,  /* append-only table, or read-only file */
  CR_STORE_ERROR_FULL,       /* the disk is full */
  CR_STORE_ERROR_BUSY,       /* another process holds the file too long */
  CR_STORE_ERROR_INVALID,    /* a value the model does not accept */
  CR_STORE_ERROR_FAILED,
} CrStoreError;

typedef enum
{
  CR_STORE_CHANGE_INSERT,
  CR_STORE_CHANGE_UPDATE,
  CR_STORE_CHANGE_DELETE,
  CR_STORE_CHANGE_RELOAD, /* many rows of the table changed */
} CrStoreChange;

#define CR_TYPE_STORE (cr_store_get_type ())
G_DECLARE_FINAL_TYPE (CrStore, cr_store, CR, STORE, GObject)

/* Opening */
char       *cr_store_default_path            (void);
char       *cr_store_demo_path               (void);
CrStore    *cr_store_open                    (const char     *path,
                                              GError        **error);
CrStore    *cr_store_open_unwatched          (const char     *path,
                                              GError        **error);
CrStore    *cr_store_open_read_only          (const char     *path,
                                              GError        **error);
CrStore    *cr_store_open_at_version         (const char     *path,
                                              int             version,
                                              GError        **error);
int         cr_store_latest_schema_version   (void);
int         cr_store_get_schema_version      (CrStore        *self);
const char *cr_store_get_path                (CrStore        *self);
gboolean    cr_store_is_own_file             (CrStore        *self,
                                              const char     *path);
const char *cr_store_get_operator            (CrStore        *self);
void        cr_store_set_operator            (CrStore        *self,
                                              const char     *operator_name);

/* Live sharing: changes committed by other processes on the same file
 * arrive as "changed" signals; "available" turns FALSE while the file is
 * gone. */
guint       cr_store_sync                    (CrStore        *self);
gboolean    cr_store_get_available           (CrStore        *self);
GDateTime  *cr_store_get_unavailable_since   (CrStore        *self);

/* Transactions: every public write is one transaction by itself; wrap
 * several in begin/commit to make them one. Nestable. */
gboolean    cr_store_begin                   (CrStore        *self,
                                              GError        **error);
gboolean    cr_store_commit                  (CrStore        *self,
                                              GError        **error);
void        cr_store_rollback                (CrStore        *self);

/* Generic rows: any CrRecord subclass */
gboolean    cr_store_insert                  (CrStore        *self,
                                              CrRecord       *record,
                                              GError        **error);
gboolean    cr_store_update                  (CrStore        *self,
                                              CrRecord       *record,
                                              GError        **error);
gboolean    cr_store_delete                  (CrStore        *self,
                                              CrRecord       *record,
                                              GError        **error);
gpointer    cr_store_get                     (CrStore        *self,
                                              GType           type,
                                              gint64          id,
                                              GError        **error);
GListModel *cr_store_list                    (CrStore        *self,
                                              GType           type,
                                              const char     *column,
                                              gint64          value,
                                              GError        **error);
gint64      cr_store_count                   (CrStore        *self,
                                              GType           type,
                                              const char     *column,
                                              gint64          value,
                                              GError        **error);
void        cr_store_emit_changed            (CrStore        *self,
                                              const char     *table,
                                              gint64          row_id,
                                              CrStoreChange   change);

/* Events */
GListModel *cr_store_list_events             (CrStore        *self,
                                              gboolean        include_archived,
                                              GError        **error);
CrEvent    *cr_store_find_event              (CrStore        *self,
                                              const char     *name,
                                              GError        **error);
gboolean    cr_store_check_event_name        (CrStore        *self,
                                              const char     *name,
                                              gint64          except_id,
                                              GError        **error);

/* What cr_store_copy_event() copies besides the event row. Activations
 * and logbook entries are the record of what happened: never copied. */
typedef enum
{
  CR_EVENT_COPY_FEATURES = 1 << 0, /* with their itinerary waypoints */
  CR_EVENT_COPY_ROLES = 1 << 1,
  CR_EVENT_COPY_ALL = CR_EVENT_COPY_FEATURES | CR_EVENT_COPY_ROLES,
} CrEventCopyFlags;

gboolean    cr_store_copy_event              (CrStore        *self,
                                              gint64          source_event_id,
                                              const char     *new_name,
                                              GTimeSpan       shift,
                                              CrEventCopyFlags flags,
                                              gint64         *new_id,
                                              GError        **error);
char       *cr_store_copy_event_name         (CrStore        *self,
                                              const char     *name,
                                              GError        **error);
gboolean    cr_store_duplicate_event         (CrStore        *self,
                                              gint64          event_id,
                                              gint64         *new_id,
                                              GError        **error);

/* Feature kinds */
GListModel *cr_store_list_feature_kinds      (CrStore        *self,
                                              GError        **error);
CrFeatureKind *cr_store_find_feature_kind    (CrStore        *self,
                                              const char     *code,
                                              GError        **error);

/* Features */
GListModel *cr_store_list_features           (CrStore        *self,
                                              gint64          event_id,
                                              GError        **error);
gboolean    cr_store_get_event_extent        (CrStore        *self,
                                              gint64          event_id,
                                              CrBBox         *bbox,
                                              GError        **error);

/**
 * CrFeatureView:
 * @id: the feature id
 * @kind: the kind code
 * @name: (nullable): the name
 * @active_from: (nullable): start of the active window, storage form
 *   (UTC ISO 8601 text, which sorts like the times it holds)
 * @active_to: (nullable): end of the active window, storage form
 * @blob: (array length=blob_len): the GeoPackage geometry
 * @bbox: the geometry's envelope, from the R*Tree (rounded outwards to
 *   32-bit floats), so a renderer can draw a feature smaller than a pixel
 *   or two without decoding its geometry
 *
 * What drawing and hit-testing need of a feature; valid only during the
 * #CrFeatureViewFunc call.
 */
typedef struct
{
  gint64 id;
  const char *kind;
  const char *name;
  const char *active_from;
  const char *active_to;
  const guint8 *blob;
  gsize blob_len;
  CrBBox bbox;
} CrFeatureView;

/* Return %FALSE to stop. */
typedef gboolean (*CrFeatureViewFunc) (const CrFeatureView *feature,
                                       gpointer             user_data);

gboolean    cr_store_foreach_feature_in_bbox (CrStore        *self,
                                              gint64          event_id,
                                              const CrBBox   *bbox,
                                              CrFeatureViewFunc func,
                                              gpointer        user_data,
                                              GError        **error);

/* Reference layers: region-wide features that belong to no event. */
GListModel *cr_store_list_reference_layers   (CrStore        *self,
                                              GError        **error);
CrReferenceLayer *cr_store_find_reference_layer (CrStore     *self,
                                              const char     *name,
                                              GError        **error);
gboolean    cr_store_set_reference_layer_visible (CrStore    *self,
                                              gint64          layer_id,
                                              gboolean        visible,
                                              GError        **error);
gboolean    cr_store_foreach_reference_feature_in_bbox (CrStore *self,
                                              const CrBBox   *bbox,
                                              CrFeatureViewFunc func,
                                              gpointer        user_data,
                                              GError        **error);
GListModel *cr_store_find_areas_at           (CrStore        *self,
                                              double          lon,
                                              double          lat,
                                              GError        **error);
GListModel *cr_store_list_area_partners      (CrStore        *self,
                                              gint64          area_feature_id,
                                              GError        **error);
gboolean    cr_store_set_partner_area        (CrStore        *self,
                                              gint64          partner_id,
                                              gint64          area_feature_id,
                                              GError        **error);
GListModel *cr_store_list_spoc_chain         (CrStore        *self,
                                              gint64          partner_id,
                                              GError        **error);

/* Checklists and activations (cr-store-activations.c). Every time is a
 * UTC GDateTime; "now" is a parameter wherever a query depends on it, so
 * the caller (and the tests) decide what now is. */
GListModel *cr_store_list_checklist_templates (CrStore        *self,
                                              int             event_kind,
                                              GError        **error);
GListModel *cr_store_list_template_items     (CrStore        *self,
                                              gint64          template_id,
                                              guint           cells,
                                              GError        **error);
gboolean    cr_store_append_template_item    (CrStore        *self,
                                              CrChecklistTemplateItem *item,
                                              GError        **error);
gboolean    cr_store_move_template_item      (CrStore        *self,
                                              gint64          item_id,
                                              int             position,
                                              GError        **error);

/**
 * CrActivationRequest:
 * @event_id: the event, or 0 for an unplanned incident
 * @name: the name, starting with the commune ("SCHAERBEEK – building fire")
 * @level: monitoring, partial or full
 * @cells: the activated cells, CR_CELL_MASK() bits; at least one
 * @opened_at: (nullable): the start of the activation, T; %NULL for now
 * @template_id: the checklist template to use, or 0 for every template
 *   of the event's kind (%CR_EVENT_KIND_INCIDENT without an event) and
 *   every template without a kind
 */
typedef struct
{
  gint64 event_id;
  const char *name;
  CrActivationLevel level;
  guint cells;
  GDateTime *opened_at;
  gint64 template_id;
} CrActivationRequest;

/**
 * CrCellProgress:
 * @cell: the cell
 * @total: its items
 * @done: ticked done
 * @not_applicable: ticked not applicable
 * @overdue: open, and due before "now"
 *
 * Progress is (@done + @not_applicable) / @total.
 */
typedef struct
{
  CrCell cell;
  guint total;
  guint done;
  guint not_applicable;
  guint overdue;
} CrCellProgress;

gint64      cr_store_open_activation         (CrStore        *self,
                                              const CrActivationRequest *request,
                                              GError        **error);
gboolean    cr_store_close_activation        (CrStore        *self,
                                              gint64          activation_id,
                                              const char     *closing_note,
                                              GDateTime      *closed_at,
                                              GError        **error);
GListModel *cr_store_list_activations        (CrStore        *self,
                                              gboolean        include_closed,
                                              GError        **error);
GListModel *cr_store_list_activation_items   (CrStore        *self,
                                              gint64          activation_id,
                                              guint           cells,
                                              GError        **error);
gboolean    cr_store_set_item_state          (CrStore        *self,
                                              gint64          item_id,
                                              CrItemState     state,
                                              const char     *note,
                                              GDateTime      *at,
                                              GError        **error);
GListModel *cr_store_list_overdue_items      (CrStore        *self,
                                              gint64          activation_id,
                                              GDateTime      *now,
                                              GError        **error);
GListModel *cr_store_list_item_ticks         (CrStore        *self,
                                              gint64          activation_id,
                                              GError        **error);
GArray     *cr_store_get_activation_progress (CrStore        *self,
                                              gint64          activation_id,
                                              GDateTime      *now,
                                              GError        **error);
GListModel *cr_store_list_audit              (CrStore        *self,
                                              const char     *table,
                                              GDateTime      *from,
                                              GDateTime      *to,
                                              GError        **error);

/* The logbook (cr-store-logbook.c): append-only, hash-chained. */
#define CR_LOG_CATEGORY_MASK(category) (1u << (guint) (category))

/**
 * CrLogFilter:
 * @categories: CR_LOG_CATEGORY_MASK() bits, or 0 for every category
 * @author: (nullable): only this author, without regard to case
 * @from: (nullable): only entries that occurred at or after this time
 * @to: (nullable): only entries that occurred before this time
 * @text: (nullable): only entries whose text holds every word of this,
 *   without regard to case or accents ("securite" finds "Sécurité")
 * @activation_id: only entries linked to this activation, or 0 for all
 */
typedef struct
{
  guint categories;
  const char *author;
  GDateTime *from;
  GDateTime *to;
  const char *text;
  gint64 activation_id;
} CrLogFilter;

gboolean    cr_store_append_log_entry        (CrStore        *self,
                                              CrLogEntry     *entry,
                                              GError        **error);
gboolean    cr_store_correct_log_entry       (CrStore        *self,
                                              gint64          corrected_id,
                                              CrLogEntry     *correction,
                                              GError        **error);
GListModel *cr_store_list_log_entries        (CrStore        *self,
                                              const CrLogFilter *filter,
                                              GError        **error);
gint64      cr_store_find_log_correction     (CrStore        *self,
                                              gint64          entry_id,
                                              GError        **error);
GHashTable *cr_store_get_log_corrections     (CrStore        *self,
                                              GError        **error);
gboolean    cr_store_verify_logbook          (CrStore        *self,
                                              guint          *n_ok,
                                              gint64         *first_bad_id,
                                              GError        **error);
char       *cr_store_get_logbook_head        (CrStore        *self,
                                              gint64         *last_id,
                                              GError        **error);

/* The audit log: the database's revision for printed documents, and
 * what left the database. */
gboolean    cr_store_get_revision            (CrStore        *self,
                                              gint64         *revision,
                                              GDateTime     **last_change,
                                              GError        **error);
gboolean    cr_store_audit_export            (CrStore        *self,
                                              const char     *table,
                                              gint64          row_id,
                                              const char     *details,
                                              GError        **error);

/* Bulk feature writing, for imports: one transaction, no GObject per row.
 * A store, and its writer, belong to one thread at a time. */
typedef struct
{
  gint64 event_id;
  const char *kind;
  const char *name;
  const char *active_from; /* storage form, or NULL */
  const char *active_to;
  gint64 partner_id;
  const char *notes;
  const char *properties; /* JSON object text, or NULL */
  const guint8 *geometry; /* GeoPackage blob */
  gsize geometry_len;
  double center_lon; /* NaN when not a circle */
  double center_lat;
  double radius_m;
  gint64 layer_id; /* a reference layer, with event_id 0; or 0 */
} CrFeatureRow;

typedef struct _CrFeatureWriter CrFeatureWriter;

CrFeatureWriter *cr_store_feature_writer_new (CrStore          *self,
                                              GError          **error);
gint64      cr_feature_writer_ensure_event   (CrFeatureWriter  *writer,
                                              const char       *name,
                                              gboolean         *created,
                                              GError          **error);
gint64      cr_feature_writer_ensure_layer   (CrFeatureWriter  *writer,
                                              const char       *name,
                                              const char       *source,
                                              gboolean         *created,
                                              GError          **error);
gboolean    cr_feature_writer_add            (CrFeatureWriter  *writer,
                                              const CrFeatureRow *row,
                                              gint64           *id,
                                              GError          **error);
gboolean    cr_feature_writer_add_waypoint   (CrFeatureWriter  *writer,
                                              gint64            feature_id,
                                              int               position,
                                              const char       *name,
                                              double            lon,
                                              double            lat,
                                              const char       *planned_at,
                                              GError          **error);
gboolean    cr_feature_writer_commit         (CrFeatureWriter  *writer,
                                              const char       *audit_action,
                                              const char       *audit_json,
                                              GError          **error);
void        cr_feature_writer_free           (CrFeatureWriter  *writer);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrFeatureWriter, cr_feature_writer_free)

G_END_DECLS
