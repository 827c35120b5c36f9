/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "cr-records.h"

G_BEGIN_DECLS

#define CR_TYPE_CHECKLIST_ROW (cr_checklist_row_get_type ())
G_DECLARE_FINAL_TYPE (CrChecklistRow, cr_checklist_row, CR, CHECKLIST_ROW, AdwActionRow)

CrChecklistRow   *cr_checklist_row_new                     (void);
void              cr_checklist_row_update                  (CrChecklistRow   *self,
                                                            CrActivationItem *item,
                                                            GDateTime        *opened_at,
                                                            GDateTime        *now,
                                                            gboolean          read_only);
CrActivationItem *cr_checklist_row_get_item                (CrChecklistRow   *self);
gboolean          cr_checklist_row_get_overdue             (CrChecklistRow   *self);
GtkCheckButton   *cr_checklist_row_get_check_button        (CrChecklistRow   *self);
GtkButton        *cr_checklist_row_get_not_applicable_button (CrChecklistRow *self);

G_END_DECLS
