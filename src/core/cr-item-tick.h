/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cr-enums.h"
#include "cr-record.h"

G_BEGIN_DECLS

#define CR_TYPE_ITEM_TICK (cr_item_tick_get_type ())
G_DECLARE_FINAL_TYPE (CrItemTick, cr_item_tick, CR, ITEM_TICK, CrRecord)

CrItemTick  *cr_item_tick_new                (void);
gint64       cr_item_tick_get_item_id        (CrItemTick *self);
void         cr_item_tick_set_item_id        (CrItemTick *self,
                                              gint64      value);
gint64       cr_item_tick_get_activation_id  (CrItemTick *self);
void         cr_item_tick_set_activation_id  (CrItemTick *self,
                                              gint64      value);
CrItemState  cr_item_tick_get_state          (CrItemTick *self);
void         cr_item_tick_set_state          (CrItemTick  *self,
                                              CrItemState  value);
CrItemState  cr_item_tick_get_previous_state (CrItemTick *self);
void         cr_item_tick_set_previous_state (CrItemTick  *self,
                                              CrItemState  value);
GDateTime   *cr_item_tick_get_at             (CrItemTick *self);
void         cr_item_tick_set_at             (CrItemTick *self,
                                              GDateTime  *value);
GDateTime   *cr_item_tick_get_recorded_at    (CrItemTick *self);
void         cr_item_tick_set_recorded_at    (CrItemTick *self,
                                              GDateTime  *value);
const char  *cr_item_tick_get_operator       (CrItemTick *self);
void         cr_item_tick_set_operator       (CrItemTick *self,
                                              const char *value);
const char  *cr_item_tick_get_note           (CrItemTick *self);
void         cr_item_tick_set_note           (CrItemTick *self,
                                              const char *value);

G_END_DECLS
