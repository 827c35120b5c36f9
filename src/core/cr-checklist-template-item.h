/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cr-enums.h"
#include "cr-record.h"

G_BEGIN_DECLS

#define CR_TYPE_CHECKLIST_TEMPLATE_ITEM (cr_checklist_template_item_get_type ())
G_DECLARE_FINAL_TYPE (CrChecklistTemplateItem, cr_checklist_template_item, CR, CHECKLIST_TEMPLATE_ITEM, CrRecord)

CrChecklistTemplateItem *cr_checklist_template_item_new                (void);
gint64                   cr_checklist_template_item_get_template_id    (CrChecklistTemplateItem *self);
void                     cr_checklist_template_item_set_template_id    (CrChecklistTemplateItem *self,
                                                                        gint64                  value);
int                      cr_checklist_template_item_get_position       (CrChecklistTemplateItem *self);
void                     cr_checklist_template_item_set_position       (CrChecklistTemplateItem *self,
                                                                        int                     value);
CrCell                   cr_checklist_template_item_get_cell           (CrChecklistTemplateItem *self);
void                     cr_checklist_template_item_set_cell           (CrChecklistTemplateItem *self,
                                                                        CrCell                  value);
const char              *cr_checklist_template_item_get_text           (CrChecklistTemplateItem *self);
void                     cr_checklist_template_item_set_text           (CrChecklistTemplateItem *self,
                                                                        const char              *value);
const char              *cr_checklist_template_item_get_responsible    (CrChecklistTemplateItem *self);
void                     cr_checklist_template_item_set_responsible    (CrChecklistTemplateItem *self,
                                                                        const char              *value);
int                      cr_checklist_template_item_get_due_offset_min (CrChecklistTemplateItem *self);
void                     cr_checklist_template_item_set_due_offset_min (CrChecklistTemplateItem *self,
                                                                        int                     value);
gboolean                 cr_checklist_template_item_get_mandatory      (CrChecklistTemplateItem *self);
void                     cr_checklist_template_item_set_mandatory      (CrChecklistTemplateItem *self,
                                                                        gboolean                value);
gint64                   cr_checklist_template_item_get_partner_id     (CrChecklistTemplateItem *self);
void                     cr_checklist_template_item_set_partner_id     (CrChecklistTemplateItem *self,
                                                                        gint64                  value);
const char              *cr_checklist_template_item_get_partner_type   (CrChecklistTemplateItem *self);
void                     cr_checklist_template_item_set_partner_type   (CrChecklistTemplateItem *self,
                                                                        const char              *value);
gint64                   cr_checklist_template_item_get_version        (CrChecklistTemplateItem *self);
void                     cr_checklist_template_item_set_version        (CrChecklistTemplateItem *self,
                                                                        gint64                  value);

G_END_DECLS
