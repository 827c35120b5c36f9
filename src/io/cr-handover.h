/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "cr-store.h"

G_BEGIN_DECLS

/**
 * CrHandoverActivation:
 * @activation: an activation in progress during the period
 * @open_items: (element-type CrActivationItem): its items still open, the
 *   overdue ones first, then by due time; empty once closed
 * @n_overdue: how many of @open_items were due before the end of the
 *   period
 * @progress: (element-type CrCellProgress): its progress per cell
 */
typedef struct
{
  CrActivation *activation;
  GPtrArray *open_items;
  guint n_overdue;
  GArray *progress;
} CrHandoverActivation;

/**
 * CrHandover:
 * @operator_name: who made the summary (the outgoing operator)
 * @from: start of the period
 * @to: end of the period
 * @generated_at: when the summary was made
 * @activations: (element-type CrHandoverActivation): the activations open
 *   at some time during the period, latest opened first
 * @log_entries: (element-type CrLogEntry): decisions and incidents
 *   recorded or occurred in the period, in the order written
 * @corrections: (element-type gint64 gint64): corrected entry -> its
 *   latest correction, for every entry of the logbook
 * @feature_changes: (element-type CrAuditEntry): changes of map features
 *   in the period
 * @alert_tests: (element-type CrAlertTest): alert tests started in the
 *   period
 * @partner_names: (element-type gint64 utf8): partner id -> name, for the
 *   alert tests
 * @logbook_last_id: the last logbook entry at the time of the summary
 * @logbook_head: (nullable): its hash, which seals the logbook up to it
 *
 * A shift handover summary: plain data, read-only once made, so it can be
 * written out in a worker thread while the window shows it.
 */
typedef struct
{
  char *operator_name;
  GDateTime *from;
  GDateTime *to;
  GDateTime *generated_at;
  GPtrArray *activations;
  GPtrArray *log_entries;
  GHashTable *corrections;
  GPtrArray *feature_changes;
  GPtrArray *alert_tests;
  GHashTable *partner_names;
  gint64 logbook_last_id;
  char *logbook_head;
} CrHandover;

CrHandover *cr_handover_new              (CrStore              *store,
                                          GDateTime            *from,
                                          GDateTime            *to,
                                          GDateTime            *now,
                                          GError              **error);
CrHandover *cr_handover_ref              (CrHandover           *self);
void        cr_handover_unref            (CrHandover           *self);

char       *cr_handover_to_markdown      (CrHandover           *self);
gboolean    cr_handover_write_pdf        (CrHandover           *self,
                                          const char           *path,
                                          GCancellable         *cancellable,
                                          GError              **error);
gboolean    cr_handover_export           (CrHandover           *self,
                                          const char           *path,
                                          GCancellable         *cancellable,
                                          GError              **error);
void        cr_handover_export_async     (CrHandover           *self,
                                          const char           *path,
                                          GCancellable         *cancellable,
                                          GAsyncReadyCallback   callback,
                                          gpointer              user_data);
gboolean    cr_handover_export_finish    (GAsyncResult         *result,
                                          GError              **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrHandover, cr_handover_unref)

G_END_DECLS
