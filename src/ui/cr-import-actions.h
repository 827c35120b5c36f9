/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cr-import-dialog.h"
#include "cr-window.h"

G_BEGIN_DECLS

/* The window's GeoJSON in and out: win.import-geojson (Ctrl+I),
 * win.import-reference-layer, win.export-geojson,
 * win.export-selection-geojson, and files dropped on the map. */
void            cr_import_actions_install        (GtkWidgetClass      *widget_class);
void            cr_import_actions_attach         (CrWindow            *window);

CrImportDialog *cr_import_actions_open           (CrWindow            *window,
                                                  GFile               *file,
                                                  gboolean             reference);
CrImportDialog *cr_import_actions_drop_files     (CrWindow            *window,
                                                  GSList              *files);

void            cr_import_actions_export_geojson (CrWindow            *window,
                                                  GFile               *file,
                                                  gboolean             selection,
                                                  GAsyncReadyCallback  callback,
                                                  gpointer             user_data);
gboolean        cr_import_actions_export_finish  (GAsyncResult        *result,
                                                  guint               *n_features,
                                                  GError             **error);

G_END_DECLS
