/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "cr-contact-import.h"

G_BEGIN_DECLS

#define CR_TYPE_CONTACT_IMPORT_DIALOG (cr_contact_import_dialog_get_type ())
G_DECLARE_FINAL_TYPE (CrContactImportDialog, cr_contact_import_dialog, CR, CONTACT_IMPORT_DIALOG, AdwWindow)

CrContactImportDialog *cr_contact_import_dialog_new          (GtkWindow             *parent,
                                                              CrStore               *store);
void                   cr_contact_import_dialog_load_file    (CrContactImportDialog *self,
                                                              const char            *path);
gboolean               cr_contact_import_dialog_get_busy     (CrContactImportDialog *self);
const char            *cr_contact_import_dialog_get_step     (CrContactImportDialog *self);
CrContactImport       *cr_contact_import_dialog_get_import   (CrContactImportDialog *self);
void                   cr_contact_import_dialog_set_column   (CrContactImportDialog *self,
                                                              guint                  column,
                                                              CrContactColumn        what);
void                   cr_contact_import_dialog_check        (CrContactImportDialog *self);
void                   cr_contact_import_dialog_set_duplicate_action (CrContactImportDialog *self,
                                                              guint                  index,
                                                              CrDuplicateAction      action);
void                   cr_contact_import_dialog_import       (CrContactImportDialog *self);
char                  *cr_contact_import_dialog_get_text     (CrContactImportDialog *self);

G_END_DECLS
