/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cr-alerts-page.h"
#include "cr-store-alerts.h"

G_BEGIN_DECLS

/* What cr-alerts-page.c and cr-alerts-page-summary.c share. */

struct _CrAlertsPage
{
  AdwBin parent_instance;

  /* Template widgets */
  AdwPreferencesGroup *coverage_group;
  AdwActionRow *coverage_row;
  GtkLevelBar *coverage_bar;
  AdwExpanderRow *untested_row;
  GtkListBox *campaigns_list;
  GtkStack *detail_stack;
  GtkLabel *title_label;
  GtkLabel *subtitle_label;
  GtkDropDown *channel_dropdown;
  GtkButton *end_button;
  AdwActionRow *within_row;
  GtkLabel *within_label;
  GtkLabel *median_label;
  GtkLabel *confirmed_label;
  AdwActionRow *unreachable_row;
  GtkLabel *unreachable_label;
  AdwActionRow *pending_row;
  GtkLabel *pending_label;
  GtkListBox *partners_list;

  CrStore *store;
  GSettings *settings;
  GDateTime *fixed_now; /* the clock, when set */

  gint64 campaign_id;
  GArray *campaign_ids; /* as the campaign list shows them */
  GPtrArray *untested_rows; /* the rows inside untested_row */
  GHashTable *rows; /* partner id → CrAlertRow, of the campaign shown */
  GHashTable *channels; /* campaign id → the channel of its next calls */
  GHashTable *partners; /* id → CrPartner */
  GHashTable *contacts; /* id → CrContact */

  guint reload_idle;
  guint tick_id;
  gboolean filling;
};

char *_cr_alerts_page_format_local         (GDateTime      *dt,
                                            const char     *format);
void  _cr_alerts_page_update_coverage      (CrAlertsPage   *self,
                                            GDateTime      *now);
void  _cr_alerts_page_update_campaign_list (CrAlertsPage   *self,
                                            GListModel     *campaigns);
void  _cr_alerts_page_update_summary       (CrAlertsPage   *self,
                                            CrAlertSummary *summary,
                                            gboolean        ended);

G_END_DECLS
