/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cr-datetime-row.h"
#include "cr-logbook-page.h"

G_BEGIN_DECLS

/* Shared by cr-logbook-page.c (the list, its filters, the integrity
 * check) and cr-logbook-page-composer.c (writing entries). */
struct _CrLogbookPage
{
  AdwBin parent_instance;

  /* Template widgets */
  GtkSearchEntry *search_entry;
  GtkBox *category_box;
  GtkDropDown *author_dropdown;
  GtkMenuButton *filter_button;
  GtkLabel *filter_label;
  CrDatetimeRow *from_row;
  CrDatetimeRow *to_row;
  GtkToggleButton *order_button;
  GtkLabel *shift_label;
  GtkRevealer *verify_revealer;
  GtkWidget *verify_box;
  GtkImage *verify_icon;
  GtkLabel *verify_title;
  GtkLabel *verify_detail;
  GtkButton *verify_show_button;
  GtkStack *list_stack;
  GtkListView *entries_view;
  AdwStatusPage *empty_page;
  GtkWidget *composer;
  GtkRevealer *correcting_revealer;
  GtkLabel *correcting_label;
  GtkDropDown *category_dropdown;
  CrDatetimeRow *occurred_row;
  GtkDropDown *feature_dropdown;
  GtkDropDown *partner_dropdown;
  GtkCheckButton *activation_check;
  GtkLabel *activation_label;
  GtkTextView *text_view;
  GtkButton *append_button;
  AdwButtonContent *append_content;

  GtkToggleButton *category_buttons[CR_LOG_CATEGORY_INCIDENT + 1];

  CrStore *store;
  GSettings *settings;
  gint64 event_id;
  gint64 open_activation_id;

  GListStore *entries;           /* shown, in the chosen order */
  GtkSingleSelection *selection;
  GHashTable *all_entries;       /* id -> CrLogEntry, the whole logbook */
  GHashTable *corrections;       /* corrected id -> latest correction id */
  GHashTable *feature_names;     /* id -> name */
  GHashTable *partner_names;     /* id -> name */
  GHashTable *activation_names;  /* id -> name */
  GArray *feature_ids;           /* per row of feature_dropdown */
  GArray *partner_ids;           /* per row of partner_dropdown */
  GtkStringList *authors;        /* "All Authors", then each author */

  gint64 correcting_id;
  gint64 verify_bad_id;
  gboolean occurred_touched;
  guint updating;
  guint refresh_source;
  guint clock_source;
};

gint64     *_cr_logbook_page_id_key                  (gint64         id);
const char *_cr_logbook_page_name_of                 (GHashTable    *names,
                                                      gint64         id);
void        _cr_logbook_page_show_entry              (CrLogbookPage *self,
                                                      gint64         id);
void        _cr_logbook_page_load_choices            (CrLogbookPage *self);
void        _cr_logbook_page_update_activation_check (CrLogbookPage *self);
void        _cr_logbook_page_setup_dropdown          (GtkDropDown   *dropdown);
void        _cr_logbook_page_name_dropdown           (GtkDropDown   *dropdown,
                                                      const char    *name);
void        _cr_logbook_page_composer_class_init     (GtkWidgetClass *widget_class);
void        _cr_logbook_page_composer_init           (CrLogbookPage *self);

G_END_DECLS
