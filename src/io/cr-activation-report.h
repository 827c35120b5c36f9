/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "cr-store.h"

G_BEGIN_DECLS

typedef enum
{
  CR_TIMELINE_TICK, /* an item ticked, marked not applicable or un-ticked */
  CR_TIMELINE_LOG,  /* a logbook entry linked to the activation */
} CrTimelineKind;

/**
 * CrTimelineEntry:
 * @kind: a tick or a logbook entry
 * @at: when it happened: the time the item was done, or the time the
 *   entry occurred
 * @recorded_at: when the store wrote it (the system clock)
 * @operator_name: who ticked, or the entry's author
 * @text: the item's text, or the entry's text
 * @note: (nullable): the reason or note of a tick
 * @cell: the item's cell (ticks)
 * @state: the item's new state (ticks)
 * @previous_state: its state before (ticks)
 * @category: the entry's category (logbook)
 * @item_id: the item (ticks), or 0
 * @log_id: the entry (logbook), or 0
 * @corrects_id: the entry it corrects, or 0
 * @corrected_by: the entry's latest correction, or 0
 */
typedef struct
{
  CrTimelineKind kind;
  GDateTime *at;
  GDateTime *recorded_at;
  char *operator_name;
  char *text;
  char *note;
  CrCell cell;
  CrItemState state;
  CrItemState previous_state;
  CrLogCategory category;
  gint64 item_id;
  gint64 log_id;
  gint64 corrects_id;
  gint64 corrected_by;
} CrTimelineEntry;

/**
 * CrActivationReport:
 * @activation: the activation
 * @event_name: (nullable): its event's name; %NULL for an incident
 * @progress: (element-type CrCellProgress): its progress per cell, at
 *   its closing or at the time of the report
 * @n_items: its checklist items
 * @timeline: (element-type CrTimelineEntry): its ticks and logbook
 *   entries in the order they happened
 * @operator_name: who made the report
 * @generated_at: when
 * @logbook_last_id: the last logbook entry at the time of the report
 * @logbook_head: (nullable): its hash
 *
 * Plain data, read-only once made: it can be written out in a worker
 * thread.
 */
typedef struct
{
  CrActivation *activation;
  char *event_name;
  GArray *progress;
  guint n_items;
  GPtrArray *timeline;
  char *operator_name;
  GDateTime *generated_at;
  gint64 logbook_last_id;
  char *logbook_head;
} CrActivationReport;

CrActivationReport *cr_activation_report_new          (CrStore             *store,
                                                       gint64               activation_id,
                                                       GError             **error);
CrActivationReport *cr_activation_report_ref          (CrActivationReport  *self);
void                cr_activation_report_unref        (CrActivationReport  *self);

char               *cr_activation_report_to_csv       (CrActivationReport  *self,
                                                       gsize               *length);
gboolean            cr_activation_report_write_pdf    (CrActivationReport  *self,
                                                       const char          *path,
                                                       GCancellable        *cancellable,
                                                       GError             **error);
gboolean            cr_activation_report_export       (CrActivationReport  *self,
                                                       const char          *path,
                                                       GCancellable        *cancellable,
                                                       GError             **error);
void                cr_activation_report_export_async (CrActivationReport  *self,
                                                       const char          *path,
                                                       GCancellable        *cancellable,
                                                       GAsyncReadyCallback  callback,
                                                       gpointer             user_data);
gboolean            cr_activation_report_export_finish (GAsyncResult       *result,
                                                       GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrActivationReport, cr_activation_report_unref)

G_END_DECLS
