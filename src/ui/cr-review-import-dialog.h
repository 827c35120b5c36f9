/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "cr-review-import.h"

G_BEGIN_DECLS

#define CR_TYPE_REVIEW_IMPORT_DIALOG (cr_review_import_dialog_get_type ())
G_DECLARE_FINAL_TYPE (CrReviewImportDialog, cr_review_import_dialog, CR, REVIEW_IMPORT_DIALOG, AdwWindow)

CrReviewImportDialog *cr_review_import_dialog_new        (GtkWindow            *parent,
                                                          CrStore              *store,
                                                          CrReviewImport       *import);
CrReviewImport       *cr_review_import_dialog_get_import (CrReviewImportDialog *self);
GtkCheckButton       *cr_review_import_dialog_get_toggle (CrReviewImportDialog *self,
                                                          guint                 index);
gboolean              cr_review_import_dialog_apply      (CrReviewImportDialog *self,
                                                          GError              **error);

G_END_DECLS
