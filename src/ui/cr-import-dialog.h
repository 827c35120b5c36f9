/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "cr-geojson.h"
#include "cr-window.h"

G_BEGIN_DECLS

#define CR_TYPE_IMPORT_DIALOG (cr_import_dialog_get_type ())
G_DECLARE_FINAL_TYPE (CrImportDialog, cr_import_dialog, CR, IMPORT_DIALOG, AdwWindow)

CrImportDialog *cr_import_dialog_new                 (CrWindow       *window,
                                                      GFile          *file,
                                                      gboolean        reference);
gboolean        cr_import_dialog_get_reference       (CrImportDialog *self);
const char     *cr_import_dialog_get_page            (CrImportDialog *self);
gboolean        cr_import_dialog_get_busy            (CrImportDialog *self);
double          cr_import_dialog_get_fraction        (CrImportDialog *self);

/* The choices of the options page. */
void            cr_import_dialog_set_layer_name      (CrImportDialog *self,
                                                      const char     *name);
char           *cr_import_dialog_get_layer_name      (CrImportDialog *self);
void            cr_import_dialog_set_default_kind    (CrImportDialog *self,
                                                      const char     *code);
void            cr_import_dialog_set_property_keys   (CrImportDialog *self,
                                                      const char     *name_key,
                                                      const char     *kind_key,
                                                      const char     *from_key,
                                                      const char     *to_key);

/* The buttons: Import (or Import the Valid Ones), and Cancel. */
void            cr_import_dialog_start               (CrImportDialog *self,
                                                      gboolean        skip_invalid);
void            cr_import_dialog_cancel              (CrImportDialog *self);

/* What the last run said. */
const char     *cr_import_dialog_get_error_message   (CrImportDialog *self);
gboolean        cr_import_dialog_get_can_skip        (CrImportDialog *self);
const CrGeojsonImportResult *cr_import_dialog_get_result (CrImportDialog *self);
GCancellable   *cr_import_dialog_get_cancellable     (CrImportDialog *self);
void            cr_import_dialog_set_worker_progress (CrImportDialog *self,
                                                      CrProgressFunc  func,
                                                      gpointer        user_data);

G_END_DECLS
