/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "cr-records.h"

G_BEGIN_DECLS

/**
 * CrAlertRowState:
 * @partner: the partner called
 * @calls: (element-type CrAlertTest): the partner's calls in the
 *   campaign, in the order they were opened; the last one is current
 * @chain: (element-type CrContact): the partner's SPOC chain, SPOC first
 * @contacts: contact id (gint64 *) → #CrContact, for calls to contacts
 *   that left the chain since
 * @now: what time it is
 * @channel: the channel of the next call
 * @target_minutes: the campaign's target
 * @ended: the campaign is over: nothing more can be recorded
 *
 * Everything a row shows; the row keeps none of it.
 */
typedef struct
{
  CrPartner *partner;
  GListModel *calls;
  GListModel *chain;
  GHashTable *contacts;
  GDateTime *now;
  CrAlertChannel channel;
  guint target_minutes;
  gboolean ended;
} CrAlertRowState;

#define CR_TYPE_ALERT_ROW (cr_alert_row_get_type ())
G_DECLARE_FINAL_TYPE (CrAlertRow, cr_alert_row, CR, ALERT_ROW, GtkListBoxRow)

CrAlertRow *cr_alert_row_new               (gint64                 partner_id);
gint64      cr_alert_row_get_partner_id    (CrAlertRow            *self);
void        cr_alert_row_update            (CrAlertRow            *self,
                                            const CrAlertRowState *state);
gboolean    cr_alert_row_tick              (CrAlertRow            *self,
                                            GDateTime             *now);
gboolean    cr_alert_row_get_calling       (CrAlertRow            *self);
const char *cr_alert_row_get_status        (CrAlertRow            *self);
const char *cr_alert_row_get_callee        (CrAlertRow            *self);
const char *cr_alert_row_get_history       (CrAlertRow            *self);
GPtrArray  *cr_alert_row_get_links         (CrAlertRow            *self);

char       *cr_alert_format_stopwatch      (GTimeSpan              span);
char       *cr_alert_format_duration       (GTimeSpan              span);

G_END_DECLS
