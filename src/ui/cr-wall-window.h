/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "cr-application.h"
#include "cr-feature-layer.h"

G_BEGIN_DECLS

#define CR_TYPE_WALL_WINDOW (cr_wall_window_get_type ())
G_DECLARE_FINAL_TYPE (CrWallWindow, cr_wall_window, CR, WALL_WINDOW, AdwApplicationWindow)

CrWallWindow   *cr_wall_window_new              (CrApplication *application,
                                                 const char    *event_name);
CrEvent        *cr_wall_window_get_event        (CrWallWindow  *self);
gboolean        cr_wall_window_get_stale        (CrWallWindow  *self);
CrFeatureLayer *cr_wall_window_get_feature_layer (CrWallWindow *self);
void            cr_wall_window_set_now          (CrWallWindow  *self,
                                                 GDateTime     *now);
void            cr_wall_window_refresh          (CrWallWindow  *self);

G_END_DECLS
