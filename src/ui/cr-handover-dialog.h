/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "cr-store.h"

G_BEGIN_DECLS

#define CR_TYPE_HANDOVER_DIALOG (cr_handover_dialog_get_type ())
G_DECLARE_FINAL_TYPE (CrHandoverDialog, cr_handover_dialog, CR, HANDOVER_DIALOG, AdwWindow)

CrHandoverDialog *cr_handover_dialog_new         (CrStore          *store,
                                                  GSettings        *settings,
                                                  GtkWindow        *parent);
void              cr_handover_dialog_set_period  (CrHandoverDialog *self,
                                                  GDateTime        *from,
                                                  GDateTime        *to);
GDateTime        *cr_handover_dialog_get_from    (CrHandoverDialog *self);
const char       *cr_handover_dialog_get_markdown (CrHandoverDialog *self);
char             *cr_handover_dialog_get_shown_text (CrHandoverDialog *self);
void              cr_handover_dialog_copy        (CrHandoverDialog *self);
void              cr_handover_dialog_export      (CrHandoverDialog *self,
                                                  const char       *path);
AdwMessageDialog *cr_handover_dialog_record      (CrHandoverDialog *self);

G_END_DECLS
