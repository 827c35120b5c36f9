/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cr-enums.h"
#include "cr-record.h"

G_BEGIN_DECLS

#define CR_TYPE_CHECKLIST_TEMPLATE (cr_checklist_template_get_type ())
G_DECLARE_FINAL_TYPE (CrChecklistTemplate, cr_checklist_template, CR, CHECKLIST_TEMPLATE, CrRecord)

CrChecklistTemplate *cr_checklist_template_new             (void);
const char          *cr_checklist_template_get_name        (CrChecklistTemplate *self);
void                 cr_checklist_template_set_name        (CrChecklistTemplate *self,
                                                            const char          *value);
const char          *cr_checklist_template_get_event_kind  (CrChecklistTemplate *self);
void                 cr_checklist_template_set_event_kind  (CrChecklistTemplate *self,
                                                            const char          *value);
const char          *cr_checklist_template_get_description (CrChecklistTemplate *self);
void                 cr_checklist_template_set_description (CrChecklistTemplate *self,
                                                            const char          *value);
gint64               cr_checklist_template_get_version     (CrChecklistTemplate *self);
void                 cr_checklist_template_set_version     (CrChecklistTemplate *self,
                                                            gint64              value);

G_END_DECLS
