/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "cr-handover-dialog.h"
#include "cr-log-entry-row.h"
#include "cr-store.h"
#include "cr-window.h"

G_BEGIN_DECLS

#define CR_TYPE_LOGBOOK_PAGE (cr_logbook_page_get_type ())
G_DECLARE_FINAL_TYPE (CrLogbookPage, cr_logbook_page, CR, LOGBOOK_PAGE, AdwBin)

GtkWidget        *cr_logbook_page_new                (CrWindow      *window);
CrLogbookPage    *cr_logbook_page_new_for_store      (CrStore       *store,
                                                      GSettings     *settings);
void              cr_logbook_page_set_event          (CrLogbookPage *self,
                                                      CrEvent       *event);
void              cr_logbook_page_refresh            (CrLogbookPage *self);
GListModel       *cr_logbook_page_get_entries        (CrLogbookPage *self);
void              cr_logbook_page_set_newest_first   (CrLogbookPage *self,
                                                      gboolean       newest_first);

/* Filters */
void              cr_logbook_page_set_categories     (CrLogbookPage *self,
                                                      guint          categories);
void              cr_logbook_page_set_author         (CrLogbookPage *self,
                                                      const char    *author);
void              cr_logbook_page_set_search_text    (CrLogbookPage *self,
                                                      const char    *text);
void              cr_logbook_page_set_range          (CrLogbookPage *self,
                                                      GDateTime     *from,
                                                      GDateTime     *to);

/* Composer */
void              cr_logbook_page_focus_composer     (CrLogbookPage *self);
void              cr_logbook_page_compose            (CrLogbookPage *self,
                                                      CrLogCategory  category,
                                                      const char    *text);
void              cr_logbook_page_set_link_activation (CrLogbookPage *self,
                                                      gboolean       link);
gboolean          cr_logbook_page_append             (CrLogbookPage *self);
void              cr_logbook_page_start_correction   (CrLogbookPage *self,
                                                      gint64         entry_id);
gint64            cr_logbook_page_get_correcting_id  (CrLogbookPage *self);

/* Integrity */
gboolean          cr_logbook_page_verify             (CrLogbookPage *self);
const char       *cr_logbook_page_get_verify_title   (CrLogbookPage *self);
gint64            cr_logbook_page_get_verify_bad_id  (CrLogbookPage *self);

CrHandoverDialog *cr_logbook_page_open_handover      (CrLogbookPage *self);
CrLogEntryRow    *cr_logbook_page_find_row           (CrLogbookPage *self,
                                                      gint64         entry_id);

G_END_DECLS
