/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "cr-sheet.h"

G_BEGIN_DECLS

#define CR_TYPE_SHEET_PRINT (cr_sheet_print_get_type ())
G_DECLARE_FINAL_TYPE (CrSheetPrint, cr_sheet_print, CR, SHEET_PRINT, GtkPrintOperation)

CrSheetPrint *cr_sheet_print_new       (CrSheet      *sheet);
CrSheet      *cr_sheet_print_get_sheet (CrSheetPrint *self);

G_END_DECLS
