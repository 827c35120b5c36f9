/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "cr-activation-dialog.h"
#include "cr-checklist-row.h"
#include "cr-window.h"

G_BEGIN_DECLS

#define CR_TYPE_ACTIVATION_PAGE (cr_activation_page_get_type ())
G_DECLARE_FINAL_TYPE (CrActivationPage, cr_activation_page, CR, ACTIVATION_PAGE, AdwBin)

GtkWidget          *cr_activation_page_new                (CrWindow         *window);
CrActivationPage   *cr_activation_page_new_for_store      (CrStore          *store,
                                                           GSettings        *settings);
void                cr_activation_page_set_event          (CrActivationPage *self,
                                                           CrEvent          *event);
gint64              cr_activation_page_get_activation_id  (CrActivationPage *self);
void                cr_activation_page_show_activation    (CrActivationPage *self,
                                                           gint64            activation_id);
gboolean            cr_activation_page_get_read_only      (CrActivationPage *self);
void                cr_activation_page_set_now            (CrActivationPage *self,
                                                           GDateTime        *now);
void                cr_activation_page_set_overdue_only   (CrActivationPage *self,
                                                           gboolean          overdue_only);
guint               cr_activation_page_get_n_overdue      (CrActivationPage *self);
CrChecklistRow     *cr_activation_page_find_row           (CrActivationPage *self,
                                                           gint64            item_id);
void                cr_activation_page_refresh            (CrActivationPage *self);
CrActivationDialog *cr_activation_page_open_dialog        (CrActivationPage *self);
AdwMessageDialog   *cr_activation_page_ask_close          (CrActivationPage *self);
void                cr_activation_page_export_report      (CrActivationPage *self,
                                                           const char       *path);

G_END_DECLS
