/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cr-enums.h"
#include "cr-record.h"

G_BEGIN_DECLS

#define CR_TYPE_ACTIVATION_ITEM (cr_activation_item_get_type ())
G_DECLARE_FINAL_TYPE (CrActivationItem, cr_activation_item, CR, ACTIVATION_ITEM, CrRecord)

CrActivationItem *cr_activation_item_new                  (void);
gint64            cr_activation_item_get_activation_id    (CrActivationItem *self);
void              cr_activation_item_set_activation_id    (CrActivationItem *self,
                                                           gint64           value);
gint64            cr_activation_item_get_template_item_id (CrActivationItem *self);
void              cr_activation_item_set_template_item_id (CrActivationItem *self,
                                                           gint64           value);
int               cr_activation_item_get_position         (CrActivationItem *self);
void              cr_activation_item_set_position         (CrActivationItem *self,
                                                           int              value);
CrCell            cr_activation_item_get_cell             (CrActivationItem *self);
void              cr_activation_item_set_cell             (CrActivationItem *self,
                                                           CrCell           value);
const char       *cr_activation_item_get_text             (CrActivationItem *self);
void              cr_activation_item_set_text             (CrActivationItem *self,
                                                           const char       *value);
const char       *cr_activation_item_get_responsible      (CrActivationItem *self);
void              cr_activation_item_set_responsible      (CrActivationItem *self,
                                                           const char       *value);
GDateTime        *cr_activation_item_get_due_at           (CrActivationItem *self);
void              cr_activation_item_set_due_at           (CrActivationItem *self,
                                                           GDateTime        *value);
gboolean          cr_activation_item_get_mandatory        (CrActivationItem *self);
void              cr_activation_item_set_mandatory        (CrActivationItem *self,
                                                           gboolean         value);
gint64            cr_activation_item_get_partner_id       (CrActivationItem *self);
void              cr_activation_item_set_partner_id       (CrActivationItem *self,
                                                           gint64           value);
const char       *cr_activation_item_get_partner_type     (CrActivationItem *self);
void              cr_activation_item_set_partner_type     (CrActivationItem *self,
                                                           const char       *value);
CrItemState       cr_activation_item_get_state            (CrActivationItem *self);
void              cr_activation_item_set_state            (CrActivationItem *self,
                                                           CrItemState      value);
GDateTime        *cr_activation_item_get_state_at         (CrActivationItem *self);
void              cr_activation_item_set_state_at         (CrActivationItem *self,
                                                           GDateTime        *value);
const char       *cr_activation_item_get_state_by         (CrActivationItem *self);
void              cr_activation_item_set_state_by         (CrActivationItem *self,
                                                           const char       *value);
const char       *cr_activation_item_get_state_note       (CrActivationItem *self);
void              cr_activation_item_set_state_note       (CrActivationItem *self,
                                                           const char       *value);
gint64            cr_activation_item_get_version          (CrActivationItem *self);
void              cr_activation_item_set_version          (CrActivationItem *self,
                                                           gint64           value);

G_END_DECLS
