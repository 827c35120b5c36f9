/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cr-contact-editor.h"
#include "cr-directory-edit.h"
#include "cr-partners-page.h"
#include "cr-records.h"
#include "cr-review-problem.h"

G_BEGIN_DECLS

struct _CrPartnersPage
{
  AdwBin parent_instance;

  /* Template widgets */
  AdwLeaflet *leaflet;
  GtkSearchEntry *search_entry;
  GtkMenuButton *menu_button;
  AdwViewStack *sidebar_stack;
  AdwViewStackPage *review_stack_page;
  GtkStack *list_stack;
  GtkListBox *partner_list;
  AdwStatusPage *no_match_page;
  GtkLabel *period_label;
  GtkStack *review_stack;
  GtkListBox *review_list;
  GtkStack *detail_stack;
  GtkScrolledWindow *detail_scroll;
  GtkLabel *partner_name;
  GtkLabel *partner_summary;
  GtkGrid *info_grid;
  GtkWidget *problems_group;
  GtkListBox *partner_problems;
  GtkBox *chain_box;
  GtkLabel *chain_empty;
  GtkBox *others_box;
  GtkLabel *others_empty;
  GtkMenuButton *export_button;
  GtkButton *back_button;
  GtkRevealer *progress_revealer;
  GtkLabel *progress_label;
  GtkProgressBar *progress_bar;

  CrStore *store;
  CrHistory *history;
  GSettings *settings;

  GListModel *partners;    /* CrPartner, grouped by type */
  GListModel *problems;    /* CrReviewProblem, the whole directory */
  GHashTable *n_problems;  /* partner id -> problems count */
  GHashTable *spoc_names;  /* partner id -> SPOC name */
  GHashTable *n_contacts;  /* partner id -> contacts count */
  char *search_text;
  gint64 selected_id;
  gint64 focus_contact_id; /* a search hit to scroll to */
  guint reload_id;
  guint transfers;         /* exports running */
  guint pulse_id;
};

/* cr-partners-page.c */
void        _cr_partners_page_toast          (CrPartnersPage  *self,
                                              AdwToast        *toast);
void        _cr_partners_page_error          (CrPartnersPage  *self,
                                              const char      *message);
GtkWindow  *_cr_partners_page_window         (CrPartnersPage  *self);
GDateTime  *_cr_partners_page_stale_before   (CrPartnersPage  *self);
void        _cr_partners_page_schedule_reload (CrPartnersPage *self);
void        _cr_partners_page_transfer_finished (CrPartnersPage *self,
                                              gboolean         success,
                                              const char      *message);
CrContactEditor *_cr_partners_page_edit_contact (CrPartnersPage *self,
                                              gint64           partner_id,
                                              gint64           contact_id,
                                              const char      *field,
                                              CrChainRole      role);

void        _cr_partners_page_progress       (CrPartnersPage  *self,
                                              const char      *text);

/* cr-partners-review.c */
void        _cr_partners_review_fill         (CrPartnersPage  *self);
GtkWidget  *_cr_partners_review_row          (CrPartnersPage  *self,
                                              CrReviewProblem *problem,
                                              gboolean         wide);
void        _cr_partners_review_fix          (CrPartnersPage  *self,
                                              CrReviewProblem *problem);

/* cr-partners-transfer.c */
void        _cr_partners_transfer_install    (GtkWidgetClass  *widget_class);

G_END_DECLS
