/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cr-review-change.h"
#include "cr-review-file.h"
#include "cr-store.h"

G_BEGIN_DECLS

/* A review file returned by a SPOC, at the crisis centre: the changes it
 * holds against the database (a list of #CrReviewChange the operator
 * accepts or rejects one by one), then applied in one transaction. The
 * accepted confirmations set "last verified" to the SPOC's time and
 * name. */

#define CR_TYPE_REVIEW_IMPORT (cr_review_import_get_type ())
G_DECLARE_FINAL_TYPE (CrReviewImport, cr_review_import, CR, REVIEW_IMPORT, GObject)

CrReviewImport *cr_review_import_load             (CrStore        *store,
                                                   const char     *path,
                                                   GError        **error);
CrReviewImport *cr_review_import_new              (CrStore        *store,
                                                   CrReviewFile   *file,
                                                   GError        **error);
GListModel     *cr_review_import_get_changes      (CrReviewImport *self);
gint64          cr_review_import_get_partner_id   (CrReviewImport *self);
const char     *cr_review_import_get_partner_name (CrReviewImport *self);
const char     *cr_review_import_get_reviewer     (CrReviewImport *self);
GDateTime      *cr_review_import_get_reviewed_at  (CrReviewImport *self);
gboolean        cr_review_import_apply            (CrReviewImport *self,
                                                   CrStore        *store,
                                                   guint          *n_applied,
                                                   GError        **error);

G_END_DECLS
