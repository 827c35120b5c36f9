/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "cr-contact-editor.h"
#include "cr-review-session.h"

G_BEGIN_DECLS

#define CR_TYPE_REVIEW_WINDOW (cr_review_window_get_type ())
G_DECLARE_FINAL_TYPE (CrReviewWindow, cr_review_window, CR, REVIEW_WINDOW, AdwApplicationWindow)

CrReviewWindow  *cr_review_window_new          (GtkApplication  *application,
                                                CrReviewSession *session);
CrReviewSession *cr_review_window_get_session  (CrReviewWindow  *self);
CrContactEditor *cr_review_window_edit_contact (CrReviewWindow  *self,
                                                gint64           contact_id);
gboolean         cr_review_window_save         (CrReviewWindow  *self,
                                                GError         **error);

G_END_DECLS
