/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>
#include <shumate/shumate.h>

#include "cr-edit-layer.h"

G_BEGIN_DECLS

#define CR_TYPE_EDIT_TOOLS (cr_edit_tools_get_type ())
G_DECLARE_FINAL_TYPE (CrEditTools, cr_edit_tools, CR, EDIT_TOOLS, GtkWidget)

CrEditTools *cr_edit_tools_new             (ShumateSimpleMap *map,
                                            CrMapRenderer    *renderer,
                                            CrHistory        *history);
CrEditLayer *cr_edit_tools_get_layer       (CrEditTools      *self);
GActionGroup *cr_edit_tools_get_actions    (CrEditTools      *self);
CrEditTools *cr_edit_tools_from_window     (GtkWindow        *window);

G_END_DECLS
