/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cr-activation-page.h"

G_BEGIN_DECLS

/* Shared by cr-activation-page.c (what it shows) and
 * cr-activation-page-actions.c (what it does). */
struct _CrActivationPage
{
  AdwBin parent_instance;

  /* Template widgets */
  GtkMenuButton *activations_button;
  GtkLabel *activations_label;
  GtkPopover *activations_popover;
  GtkLabel *event_heading;
  GtkListBox *event_list;
  GtkListBox *incident_list;
  GtkToggleButton *overdue_button;
  GtkLabel *overdue_label;
  GtkLabel *shift_label;
  GtkButton *close_button;
  GtkStack *stack;
  AdwStatusPage *empty_page;
  AdwPreferencesGroup *past_group;
  GtkListBox *past_list;
  GtkWidget *closed_banner;
  GtkLabel *closed_label;
  GtkLabel *name_label;
  GtkLabel *details_label;
  GtkLevelBar *overall_bar;
  GtkLabel *overall_label;
  GtkLabel *no_overdue_label;
  GtkBox *cells_box;

  CrStore *store;
  GSettings *settings;
  gint64 event_id;
  char *event_name;
  CrActivation *activation; /* shown, or NULL */
  GDateTime *fixed_now;     /* tests */
  GHashTable *rows;         /* item id -> CrChecklistRow */
  GArray *item_ids;         /* the items shown, in order */
  guint n_overdue;
  guint refresh_source;
  guint clock_source;
};

gboolean _cr_activation_page_is_read_only                (CrActivationPage *self);
void     _cr_activation_page_toggle_requested_cb         (CrActivationPage *self,
                                                          CrChecklistRow   *row);
void     _cr_activation_page_not_applicable_requested_cb (CrActivationPage *self,
                                                          CrChecklistRow   *row);
void     _cr_activation_page_install_actions             (GtkWidgetClass   *widget_class);

G_END_DECLS
