/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cr-enums.h"
#include "cr-record.h"

G_BEGIN_DECLS

#define CR_TYPE_LOG_ENTRY (cr_log_entry_get_type ())
G_DECLARE_FINAL_TYPE (CrLogEntry, cr_log_entry, CR, LOG_ENTRY, CrRecord)

CrLogEntry   *cr_log_entry_new               (void);
GDateTime    *cr_log_entry_get_recorded_at   (CrLogEntry *self);
void          cr_log_entry_set_recorded_at   (CrLogEntry *self,
                                              GDateTime  *value);
GDateTime    *cr_log_entry_get_occurred_at   (CrLogEntry *self);
void          cr_log_entry_set_occurred_at   (CrLogEntry *self,
                                              GDateTime  *value);
const char   *cr_log_entry_get_author        (CrLogEntry *self);
void          cr_log_entry_set_author        (CrLogEntry *self,
                                              const char *value);
CrLogCategory cr_log_entry_get_category      (CrLogEntry *self);
void          cr_log_entry_set_category      (CrLogEntry    *self,
                                              CrLogCategory value);
const char   *cr_log_entry_get_text          (CrLogEntry *self);
void          cr_log_entry_set_text          (CrLogEntry *self,
                                              const char *value);
gint64        cr_log_entry_get_feature_id    (CrLogEntry *self);
void          cr_log_entry_set_feature_id    (CrLogEntry *self,
                                              gint64     value);
gint64        cr_log_entry_get_partner_id    (CrLogEntry *self);
void          cr_log_entry_set_partner_id    (CrLogEntry *self,
                                              gint64     value);
gint64        cr_log_entry_get_activation_id (CrLogEntry *self);
void          cr_log_entry_set_activation_id (CrLogEntry *self,
                                              gint64     value);
gint64        cr_log_entry_get_corrects_id   (CrLogEntry *self);
void          cr_log_entry_set_corrects_id   (CrLogEntry *self,
                                              gint64     value);
const char   *cr_log_entry_get_hash          (CrLogEntry *self);
void          cr_log_entry_set_hash          (CrLogEntry *self,
                                              const char *value);

G_END_DECLS
