/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cr-review-file.h"
#include "cr-store.h"

G_BEGIN_DECLS

/* `crisis-room --review FILE` at the SPOC's: the review file loaded into
 * a store of its own, in a private temporary folder, that holds that one
 * partner and its contacts and nothing else; the window edits it with
 * the usual store functions, confirms contacts here, and saves the
 * review back into the file for the SPOC to return. */

#define CR_TYPE_REVIEW_SESSION (cr_review_session_get_type ())
G_DECLARE_FINAL_TYPE (CrReviewSession, cr_review_session, CR, REVIEW_SESSION, GObject)

CrReviewSession *cr_review_session_open           (const char      *path,
                                                   GError         **error);
CrStore         *cr_review_session_get_store      (CrReviewSession *self);
const char      *cr_review_session_get_path       (CrReviewSession *self);
gint64           cr_review_session_get_partner_id (CrReviewSession *self);
const char      *cr_review_session_get_partner_name (CrReviewSession *self);
GDateTime       *cr_review_session_get_exported_at (CrReviewSession *self);
const char      *cr_review_session_get_exported_by (CrReviewSession *self);
const char      *cr_review_session_get_reviewer   (CrReviewSession *self);
void             cr_review_session_set_reviewer   (CrReviewSession *self,
                                                   const char      *name);
gboolean         cr_review_session_confirm        (CrReviewSession *self,
                                                   gint64           contact_id,
                                                   GDateTime       *at,
                                                   GError         **error);
gboolean         cr_review_session_confirm_all    (CrReviewSession *self,
                                                   GDateTime       *at,
                                                   GError         **error);
gboolean         cr_review_session_is_confirmed   (CrReviewSession *self,
                                                   gint64           contact_id);
gboolean         cr_review_session_save           (CrReviewSession *self,
                                                   GDateTime       *at,
                                                   GError         **error);

G_END_DECLS
