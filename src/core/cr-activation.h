/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cr-enums.h"
#include "cr-record.h"

G_BEGIN_DECLS

/* The cells of an activation as a bit set: CR_CELL_MASK (CR_CELL_LEGAL). */
#define CR_CELL_MASK(cell) (1u << (guint) (cell))
#define CR_CELL_MASK_ALL ((1u << (CR_CELL_LEGAL + 1)) - 1)

#define CR_TYPE_ACTIVATION (cr_activation_get_type ())
G_DECLARE_FINAL_TYPE (CrActivation, cr_activation, CR, ACTIVATION, CrRecord)

CrActivation     *cr_activation_new              (void);
gint64            cr_activation_get_event_id     (CrActivation *self);
void              cr_activation_set_event_id     (CrActivation *self,
                                                  gint64       value);
const char       *cr_activation_get_name         (CrActivation *self);
void              cr_activation_set_name         (CrActivation *self,
                                                  const char   *value);
CrActivationLevel cr_activation_get_level        (CrActivation *self);
void              cr_activation_set_level        (CrActivation      *self,
                                                  CrActivationLevel value);
const char       *cr_activation_get_cells        (CrActivation *self);
void              cr_activation_set_cells        (CrActivation *self,
                                                  const char   *value);
GDateTime        *cr_activation_get_opened_at    (CrActivation *self);
void              cr_activation_set_opened_at    (CrActivation *self,
                                                  GDateTime    *value);
const char       *cr_activation_get_opened_by    (CrActivation *self);
void              cr_activation_set_opened_by    (CrActivation *self,
                                                  const char   *value);
GDateTime        *cr_activation_get_closed_at    (CrActivation *self);
void              cr_activation_set_closed_at    (CrActivation *self,
                                                  GDateTime    *value);
const char       *cr_activation_get_closed_by    (CrActivation *self);
void              cr_activation_set_closed_by    (CrActivation *self,
                                                  const char   *value);
const char       *cr_activation_get_closing_note (CrActivation *self);
void              cr_activation_set_closing_note (CrActivation *self,
                                                  const char   *value);
guint             cr_activation_get_cell_mask    (CrActivation *self);
void              cr_activation_set_cell_mask    (CrActivation *self,
                                                  guint        mask);
gboolean          cr_activation_is_closed        (CrActivation *self);
gint64            cr_activation_get_version      (CrActivation *self);
void              cr_activation_set_version      (CrActivation *self,
                                                  gint64       value);

guint             cr_cells_from_text             (const char   *text);
char             *cr_cells_to_text               (guint         mask);

G_END_DECLS
