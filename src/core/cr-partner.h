/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cr-enums.h"
#include "cr-record.h"

G_BEGIN_DECLS

#define CR_TYPE_PARTNER (cr_partner_get_type ())
G_DECLARE_FINAL_TYPE (CrPartner, cr_partner, CR, PARTNER, CrRecord)

CrPartner    *cr_partner_new                 (void);
const char   *cr_partner_get_name            (CrPartner *self);
void          cr_partner_set_name            (CrPartner  *self,
                                              const char *value);
CrPartnerType cr_partner_get_partner_type    (CrPartner *self);
void          cr_partner_set_partner_type    (CrPartner     *self,
                                              CrPartnerType value);
const char   *cr_partner_get_languages       (CrPartner *self);
void          cr_partner_set_languages       (CrPartner  *self,
                                              const char *value);
const char   *cr_partner_get_address         (CrPartner *self);
void          cr_partner_set_address         (CrPartner  *self,
                                              const char *value);
const char   *cr_partner_get_notes           (CrPartner *self);
void          cr_partner_set_notes           (CrPartner  *self,
                                              const char *value);
gint64        cr_partner_get_area_feature_id (CrPartner *self);
void          cr_partner_set_area_feature_id (CrPartner *self,
                                              gint64    value);
gint64        cr_partner_get_version         (CrPartner *self);
void          cr_partner_set_version         (CrPartner *self,
                                              gint64    value);

G_END_DECLS
