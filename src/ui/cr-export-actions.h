/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cr-window.h"

G_BEGIN_DECLS

/* The window's win.export-sheet, win.print-sheet and win.export-map-image. */
void cr_export_actions_install (GtkWidgetClass *widget_class);
void cr_export_actions_update  (CrWindow       *window);

G_END_DECLS
