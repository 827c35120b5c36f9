/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "cr-application.h"
#include "cr-basemap.h"
#include "cr-event-sidebar.h"
#include "cr-feature-layer.h"
#include "cr-history.h"

G_BEGIN_DECLS

#define CR_TYPE_WINDOW (cr_window_get_type ())
G_DECLARE_FINAL_TYPE (CrWindow, cr_window, CR, WINDOW, AdwApplicationWindow)

CrWindow       *cr_window_new               (CrApplication *application);
gboolean        cr_window_select_event      (CrWindow      *self,
                                             const char    *name);
CrEvent        *cr_window_get_event         (CrWindow      *self);
CrFeatureLayer *cr_window_get_feature_layer (CrWindow      *self);
ShumateMap     *cr_window_get_map           (CrWindow      *self);
CrBasemap      *cr_window_get_basemap       (CrWindow      *self);
GListModel     *cr_window_get_events        (CrWindow      *self);
CrEventSidebar *cr_window_get_event_sidebar (CrWindow      *self);

CrHistory      *cr_window_get_history       (CrWindow      *self);
CrMapRenderer  *cr_window_get_renderer      (CrWindow      *self);
void            cr_window_add_toast         (CrWindow      *self,
                                             AdwToast      *toast);

void            cr_window_add_page          (CrWindow      *self,
                                             GtkWidget     *page,
                                             const char    *name,
                                             const char    *title,
                                             const char    *icon_name);
void            cr_window_show_page         (CrWindow      *self,
                                             const char    *name);

G_END_DECLS
