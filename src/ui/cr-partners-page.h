/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "cr-contact-editor.h"
#include "cr-history.h"

G_BEGIN_DECLS

/* What leaves the database from the Partners page. */
typedef enum
{
  CR_PARTNERS_EXPORT_CSV,          /* the directory's CSV, for re-import */
  CR_PARTNERS_EXPORT_VCARD,        /* vCard 4.0 */
  CR_PARTNERS_EXPORT_REVIEW_SHEET, /* one partner's CSV, for its SPOC to check */
  CR_PARTNERS_EXPORT_REVIEW_FILE,  /* one partner's .crreview, for --review */
} CrPartnersExport;

#define CR_TYPE_PARTNERS_PAGE (cr_partners_page_get_type ())
G_DECLARE_FINAL_TYPE (CrPartnersPage, cr_partners_page, CR, PARTNERS_PAGE, AdwBin)

CrPartnersPage *cr_partners_page_new                (CrStore          *store,
                                                     CrHistory        *history,
                                                     GSettings        *settings);
void            cr_partners_page_focus_search       (CrPartnersPage   *self);
void            cr_partners_page_set_search_text    (CrPartnersPage   *self,
                                                     const char       *text);
void            cr_partners_page_select_partner     (CrPartnersPage   *self,
                                                     gint64            partner_id);
gint64          cr_partners_page_get_selected_partner (CrPartnersPage *self);
void            cr_partners_page_show_review        (CrPartnersPage   *self,
                                                     gboolean          review);
GListModel     *cr_partners_page_get_problems       (CrPartnersPage   *self);
void            cr_partners_page_refresh            (CrPartnersPage   *self);
CrContactEditor *cr_partners_page_edit_contact      (CrPartnersPage   *self,
                                                     gint64            contact_id);
GtkWidget      *cr_partners_page_get_partner_list   (CrPartnersPage   *self);
GtkWidget      *cr_partners_page_get_review_list    (CrPartnersPage   *self);
GtkWidget      *cr_partners_page_get_detail         (CrPartnersPage   *self);

/* Personal data out and in (cr-partners-transfer.c). The export asks
 * first, in a dialog saying what leaves; with @path the file chooser is
 * skipped. #CrPartnersPage::transfer-finished says when it is done. */
AdwMessageDialog *cr_partners_page_export           (CrPartnersPage   *self,
                                                     CrPartnersExport  what,
                                                     gint64            partner_id,
                                                     const char       *path);
GtkWindow      *cr_partners_page_import_contacts    (CrPartnersPage   *self,
                                                     const char       *path);
GtkWindow      *cr_partners_page_import_review_file (CrPartnersPage   *self,
                                                     const char       *path);

G_END_DECLS
