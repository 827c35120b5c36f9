/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cr-enums.h"
#include "cr-record.h"

G_BEGIN_DECLS

#define CR_TYPE_CONTACT (cr_contact_get_type ())
G_DECLARE_FINAL_TYPE (CrContact, cr_contact, CR, CONTACT, CrRecord)

CrContact     *cr_contact_new              (void);
gint64         cr_contact_get_partner_id   (CrContact *self);
void           cr_contact_set_partner_id   (CrContact *self,
                                            gint64    value);
const char    *cr_contact_get_name         (CrContact *self);
void           cr_contact_set_name         (CrContact  *self,
                                            const char *value);
const char    *cr_contact_get_function     (CrContact *self);
void           cr_contact_set_function     (CrContact  *self,
                                            const char *value);
const char    *cr_contact_get_phone_mobile (CrContact *self);
void           cr_contact_set_phone_mobile (CrContact  *self,
                                            const char *value);
const char    *cr_contact_get_phone_office (CrContact *self);
void           cr_contact_set_phone_office (CrContact  *self,
                                            const char *value);
const char    *cr_contact_get_phone_24_7   (CrContact *self);
void           cr_contact_set_phone_24_7   (CrContact  *self,
                                            const char *value);
const char    *cr_contact_get_email        (CrContact *self);
void           cr_contact_set_email        (CrContact  *self,
                                            const char *value);
const char    *cr_contact_get_language     (CrContact *self);
void           cr_contact_set_language     (CrContact  *self,
                                            const char *value);
CrAvailability cr_contact_get_availability (CrContact *self);
void           cr_contact_set_availability (CrContact      *self,
                                            CrAvailability value);
GDateTime     *cr_contact_get_verified_at  (CrContact *self);
void           cr_contact_set_verified_at  (CrContact *self,
                                            GDateTime *value);
const char    *cr_contact_get_verified_by  (CrContact *self);
void           cr_contact_set_verified_by  (CrContact  *self,
                                            const char *value);
const char    *cr_contact_get_notes        (CrContact *self);
void           cr_contact_set_notes        (CrContact  *self,
                                            const char *value);
gint64         cr_contact_get_version      (CrContact *self);
void           cr_contact_set_version      (CrContact *self,
                                            gint64    value);

G_END_DECLS
