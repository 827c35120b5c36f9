/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cr-enums.h"
#include "cr-record.h"

G_BEGIN_DECLS

#define CR_TYPE_SPOC_ASSIGNMENT (cr_spoc_assignment_get_type ())
G_DECLARE_FINAL_TYPE (CrSpocAssignment, cr_spoc_assignment, CR, SPOC_ASSIGNMENT, CrRecord)

CrSpocAssignment *cr_spoc_assignment_new            (void);
gint64            cr_spoc_assignment_get_partner_id (CrSpocAssignment *self);
void              cr_spoc_assignment_set_partner_id (CrSpocAssignment *self,
                                                     gint64           value);
gint64            cr_spoc_assignment_get_contact_id (CrSpocAssignment *self);
void              cr_spoc_assignment_set_contact_id (CrSpocAssignment *self,
                                                     gint64           value);
int               cr_spoc_assignment_get_rank       (CrSpocAssignment *self);
void              cr_spoc_assignment_set_rank       (CrSpocAssignment *self,
                                                     int              value);
gint64            cr_spoc_assignment_get_version    (CrSpocAssignment *self);
void              cr_spoc_assignment_set_version    (CrSpocAssignment *self,
                                                     gint64           value);

G_END_DECLS
