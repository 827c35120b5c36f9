/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cr-enums.h"
#include "cr-record.h"

G_BEGIN_DECLS

#define CR_TYPE_AUDIT_ENTRY (cr_audit_entry_get_type ())
G_DECLARE_FINAL_TYPE (CrAuditEntry, cr_audit_entry, CR, AUDIT_ENTRY, CrRecord)

CrAuditEntry *cr_audit_entry_new            (void);
GDateTime    *cr_audit_entry_get_at         (CrAuditEntry *self);
void          cr_audit_entry_set_at         (CrAuditEntry *self,
                                             GDateTime    *value);
const char   *cr_audit_entry_get_operator   (CrAuditEntry *self);
void          cr_audit_entry_set_operator   (CrAuditEntry *self,
                                             const char   *value);
const char   *cr_audit_entry_get_table_name (CrAuditEntry *self);
void          cr_audit_entry_set_table_name (CrAuditEntry *self,
                                             const char   *value);
gint64        cr_audit_entry_get_row_id     (CrAuditEntry *self);
void          cr_audit_entry_set_row_id     (CrAuditEntry *self,
                                             gint64       value);
const char   *cr_audit_entry_get_action     (CrAuditEntry *self);
void          cr_audit_entry_set_action     (CrAuditEntry *self,
                                             const char   *value);
const char   *cr_audit_entry_get_before     (CrAuditEntry *self);
void          cr_audit_entry_set_before     (CrAuditEntry *self,
                                             const char   *value);
const char   *cr_audit_entry_get_after      (CrAuditEntry *self);
void          cr_audit_entry_set_after      (CrAuditEntry *self,
                                             const char   *value);

G_END_DECLS
