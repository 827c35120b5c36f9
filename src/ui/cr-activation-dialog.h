/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "cr-store.h"

G_BEGIN_DECLS

#define CR_TYPE_ACTIVATION_DIALOG (cr_activation_dialog_get_type ())
G_DECLARE_FINAL_TYPE (CrActivationDialog, cr_activation_dialog, CR, ACTIVATION_DIALOG, AdwWindow)

CrActivationDialog *cr_activation_dialog_new          (CrStore            *store,
                                                       CrEvent            *event,
                                                       GtkWindow          *parent);
void                cr_activation_dialog_set_name     (CrActivationDialog *self,
                                                       const char         *name);
void                cr_activation_dialog_set_level    (CrActivationDialog *self,
                                                       CrActivationLevel   level);
void                cr_activation_dialog_set_cells    (CrActivationDialog *self,
                                                       guint               cells);
guint               cr_activation_dialog_get_cells    (CrActivationDialog *self);
void                cr_activation_dialog_set_incident (CrActivationDialog *self,
                                                       gboolean            incident);
void                cr_activation_dialog_set_start    (CrActivationDialog *self,
                                                       GDateTime          *start);
guint               cr_activation_dialog_get_n_items  (CrActivationDialog *self);
gint64              cr_activation_dialog_save         (CrActivationDialog *self);

G_END_DECLS
