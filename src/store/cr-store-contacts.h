/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cr-phone.h"
#include "cr-review-problem.h"
#include "cr-store.h"

G_BEGIN_DECLS

/* The crisis SPOC directory: partners, their contacts and SPOC chains,
 * search as you type, the review rules with their fixes, and the roles of
 * each partner in an event. Every write is one transaction with its
 * audit rows; times are parameters wherever a result depends on "now". */

/* Partners and contacts (cr-store-contacts.c) */
CrPartner  *cr_store_find_partner            (CrStore        *self,
                                              const char     *name,
                                              GError        **error);
GListModel *cr_store_list_partners_by_type   (CrStore        *self,
                                              GError        **error);
GListModel *cr_store_list_partner_contacts   (CrStore        *self,
                                              gint64          partner_id,
                                              GError        **error);
int         cr_store_get_spoc_rank           (CrStore        *self,
                                              gint64          partner_id,
                                              gint64          contact_id,
                                              GError        **error);
gboolean    cr_store_check_spoc_chain        (CrStore        *self,
                                              gint64          partner_id,
                                              const gint64   *contact_ids,
                                              guint           n_contacts,
                                              GError        **error);
gboolean    cr_store_set_spoc_chain          (CrStore        *self,
                                              gint64          partner_id,
                                              const gint64   *contact_ids,
                                              guint           n_contacts,
                                              GError        **error);
/* Deletes or inserts one row for cr_store_write_spoc_chain(): @writer
 * is the store itself (cr_store_delete(), cr_store_insert()) or a
 * #CrHistory that records the row for undo (cr_history_delete(),
 * cr_history_insert()). */
typedef gboolean (*CrStoreWriteFunc)         (gpointer        writer,
                                              CrRecord       *record,
                                              GError        **error);
gboolean    cr_store_write_spoc_chain        (CrStore        *self,
                                              gint64          partner_id,
                                              const gint64   *contact_ids,
                                              guint           n_contacts,
                                              CrStoreWriteFunc delete_row,
                                              CrStoreWriteFunc insert_row,
                                              gpointer        writer,
                                              GError        **error);
gboolean    cr_store_add_deputy              (CrStore        *self,
                                              gint64          partner_id,
                                              gint64          contact_id,
                                              GError        **error);
gboolean    cr_store_set_contact_phone       (CrStore        *self,
                                              gint64          contact_id,
                                              CrPhoneField    field,
                                              const char     *typed,
                                              GError        **error);
gboolean    cr_store_set_contact_email       (CrStore        *self,
                                              gint64          contact_id,
                                              const char     *email,
                                              GError        **error);

/* "Confirmed today": who and when, one transaction. */
gboolean    cr_store_confirm_contacts        (CrStore        *self,
                                              const gint64   *contact_ids,
                                              guint           n_contacts,
                                              const char     *by,
                                              GDateTime      *at,
                                              GError        **error);
gboolean    cr_store_confirm_partner         (CrStore        *self,
                                              gint64          partner_id,
                                              const char     *by,
                                              GDateTime      *at,
                                              GError        **error);

/* Search as you type (cr-store-contacts.c) */
GArray     *cr_store_search_contacts         (CrStore        *self,
                                              const char     *query,
                                              guint           limit,
                                              gboolean       *truncated,
                                              GError        **error);

/* Needs review (cr-store-review.c) */
GListModel *cr_store_list_review_problems    (CrStore        *self,
                                              gint64          partner_id,
                                              guint           period_days,
                                              GDateTime      *now,
                                              GError        **error);

/* Personal data leaving the database (cr-store-contacts.c) */
gboolean    cr_store_log_export              (CrStore        *self,
                                              const char     *format,
                                              const char     *path,
                                              gint64          partner_id,
                                              guint           n_contacts,
                                              GError        **error);

/* Roles of the partners in an event (cr-store-roles.c) */
GListModel *cr_store_list_roles              (CrStore        *self,
                                              gint64          event_id,
                                              gint64          partner_id,
                                              int             discipline,
                                              GError        **error);
GListModel *cr_store_list_role_partners      (CrStore        *self,
                                              gint64          event_id,
                                              GError        **error);
GListModel *cr_store_list_sector_roles       (CrStore        *self,
                                              gint64          feature_id,
                                              GError        **error);
gboolean    cr_store_check_role              (CrStore        *self,
                                              CrRole         *role,
                                              GError        **error);
gboolean    cr_store_save_role               (CrStore        *self,
                                              CrRole         *role,
                                              GError        **error);

G_END_DECLS
