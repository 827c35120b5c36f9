/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "cr-sheet.h"

G_BEGIN_DECLS

#define CR_TYPE_SHEET_DIALOG (cr_sheet_dialog_get_type ())
G_DECLARE_FINAL_TYPE (CrSheetDialog, cr_sheet_dialog, CR, SHEET_DIALOG, AdwMessageDialog)

CrSheetDialog *cr_sheet_dialog_new         (GtkWindow      *parent,
                                            gboolean        print,
                                            GDateTime      *map_time);
void           cr_sheet_dialog_get_options (CrSheetDialog  *self,
                                            CrSheetOptions *options);

G_END_DECLS
