/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "cr-map-renderer.h"

G_BEGIN_DECLS

#define CR_TYPE_LAYERS_PANEL (cr_layers_panel_get_type ())
G_DECLARE_FINAL_TYPE (CrLayersPanel, cr_layers_panel, CR, LAYERS_PANEL, GtkWidget)

CrLayersPanel *cr_layers_panel_new (CrMapRenderer *renderer);

G_END_DECLS
