/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cr-enums.h"
#include "cr-record.h"

G_BEGIN_DECLS

#define CR_TYPE_ROLE (cr_role_get_type ())
G_DECLARE_FINAL_TYPE (CrRole, cr_role, CR, ROLE, CrRecord)

CrRole      *cr_role_new                (void);
gint64       cr_role_get_event_id       (CrRole *self);
void         cr_role_set_event_id       (CrRole *self,
                                         gint64 value);
gint64       cr_role_get_partner_id     (CrRole *self);
void         cr_role_set_partner_id     (CrRole *self,
                                         gint64 value);
CrDiscipline cr_role_get_discipline     (CrRole *self);
void         cr_role_set_discipline     (CrRole       *self,
                                         CrDiscipline value);
const char  *cr_role_get_responsibility (CrRole *self);
void         cr_role_set_responsibility (CrRole     *self,
                                         const char *value);
gint64       cr_role_get_sector_id      (CrRole *self);
void         cr_role_set_sector_id      (CrRole *self,
                                         gint64 value);
gint64       cr_role_get_contact_id     (CrRole *self);
void         cr_role_set_contact_id     (CrRole *self,
                                         gint64 value);
gint64       cr_role_get_version        (CrRole *self);
void         cr_role_set_version        (CrRole *self,
                                         gint64 value);

G_END_DECLS
