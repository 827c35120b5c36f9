/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>
#include <shumate/shumate.h>

#include "cr-store.h"

G_BEGIN_DECLS

#define CR_TYPE_RESPONSIBILITY_POPOVER (cr_responsibility_popover_get_type ())
G_DECLARE_FINAL_TYPE (CrResponsibilityPopover, cr_responsibility_popover, CR, RESPONSIBILITY_POPOVER, GtkPopover)

CrResponsibilityPopover *cr_responsibility_popover_new          (CrStore                 *store);
CrResponsibilityPopover *cr_responsibility_popover_attach       (ShumateSimpleMap        *map,
                                                                 CrStore                 *store);
void                     cr_responsibility_popover_set_location (CrResponsibilityPopover *self,
                                                                 double                   lon,
                                                                 double                   lat);
void                     cr_responsibility_popover_popup_at     (CrResponsibilityPopover *self,
                                                                 double                   x,
                                                                 double                   y);
GListModel              *cr_responsibility_popover_get_areas    (CrResponsibilityPopover *self);
void                     cr_responsibility_popover_choose_partner (CrResponsibilityPopover *self,
                                                                 gint64                   area_id);

G_END_DECLS
