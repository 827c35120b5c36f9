/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "cr-store.h"

G_BEGIN_DECLS

#define CR_TYPE_EVENT_SIDEBAR (cr_event_sidebar_get_type ())
G_DECLARE_FINAL_TYPE (CrEventSidebar, cr_event_sidebar, CR, EVENT_SIDEBAR, GtkWidget)

GtkWidget  *cr_event_sidebar_new                (void);
CrStore    *cr_event_sidebar_get_store          (CrEventSidebar *self);
void        cr_event_sidebar_set_store          (CrEventSidebar *self,
                                                 CrStore        *store);
CrEvent    *cr_event_sidebar_get_selected_event (CrEventSidebar *self);
gboolean    cr_event_sidebar_select_event       (CrEventSidebar *self,
                                                 const char     *name);
gboolean    cr_event_sidebar_select_event_id    (CrEventSidebar *self,
                                                 gint64          event_id);
GListModel *cr_event_sidebar_get_model          (CrEventSidebar *self);
void        cr_event_sidebar_set_search_text    (CrEventSidebar *self,
                                                 const char     *text);
void        cr_event_sidebar_focus_search       (CrEventSidebar *self);

/* The line under an event's name: "Visit · 26/09/2024 – 29/09/2024". */
char       *cr_event_sidebar_describe           (CrEvent        *event);

G_END_DECLS
