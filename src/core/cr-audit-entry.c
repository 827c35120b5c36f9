/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cr-audit-entry"

#include "config.h"

#include "cr-audit-entry.h"

/**
 * CrAuditEntry:
 *
 * A row of the audit log: who changed what, when, before and after.
 */
struct _CrAuditEntry
{
  CrRecord parent_instance;
};

enum
{
  PROP_0,
  PROP_AT,
  PROP_OPERATOR,
  PROP_TABLE_NAME,
  PROP_ROW_ID,
  PROP_ACTION,
  PROP_BEFORE,
  PROP_AFTER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (CrAuditEntry, cr_audit_entry, CR_TYPE_RECORD)

static void
cr_audit_entry_class_init (CrAuditEntryClass *klass)
{
  properties[PROP_AT] =
    g_param_spec_boxed ("at", NULL, NULL, G_TYPE_DATE_TIME,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_OPERATOR] =
    g_param_spec_string ("operator", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TABLE_NAME] =
    g_param_spec_string ("table-name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ROW_ID] =
    g_param_spec_int64 ("row-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ACTION] =
    g_param_spec_string ("action", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BEFORE] =
    g_param_spec_string ("before", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_AFTER] =
    g_param_spec_string ("after", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  cr_record_class_install_fields (CR_RECORD_CLASS (klass), "audit", N_PROPS, properties);
}

static void
cr_audit_entry_init (CrAuditEntry *self)
{
}

CrAuditEntry *
cr_audit_entry_new (void)
{
  return g_object_new (CR_TYPE_AUDIT_ENTRY, NULL);
}

/**
 * cr_audit_entry_get_at:
 *
 * Returns: (transfer none) (nullable): the at
 */
GDateTime *
cr_audit_entry_get_at (CrAuditEntry *self)
{
  g_return_val_if_fail (CR_IS_AUDIT_ENTRY (self), NULL);

  return cr_record_get_boxed (CR_RECORD (self), properties[PROP_AT]);
}

void
cr_audit_entry_set_at (CrAuditEntry *self,
                       GDateTime    *value)
{
  g_return_if_fail (CR_IS_AUDIT_ENTRY (self));

  cr_record_set_boxed (CR_RECORD (self), properties[PROP_AT], value);
}

const char *
cr_audit_entry_get_operator (CrAuditEntry *self)
{
  g_return_val_if_fail (CR_IS_AUDIT_ENTRY (self), NULL);

  return cr_record_get_string (CR_RECORD (self), properties[PROP_OPERATOR]);
}

void
cr_audit_entry_set_operator (CrAuditEntry *self,
                             const char   *value)
{
  g_return_if_fail (CR_IS_AUDIT_ENTRY (self));

  cr_record_set_string (CR_RECORD (self), properties[PROP_OPERATOR], value);
}

const char *
cr_audit_entry_get_table_name (CrAuditEntry *self)
{
  g_return_val_if_fail (CR_IS_AUDIT_ENTRY (self), NULL);

  return cr_record_get_string (CR_RECORD (self), properties[PROP_TABLE_NAME]);
}

void
cr_audit_entry_set_table_name (CrAuditEntry *self,
                               const char   *value)
{
  g_return_if_fail (CR_IS_AUDIT_ENTRY (self));

  cr_record_set_string (CR_RECORD (self), properties[PROP_TABLE_NAME], value);
}

gint64
cr_audit_entry_get_row_id (CrAuditEntry *self)
{
  g_return_val_if_fail (CR_IS_AUDIT_ENTRY (self), 0);

  return cr_record_get_int64 (CR_RECORD (self), properties[PROP_ROW_ID]);
}

void
cr_audit_entry_set_row_id (CrAuditEntry *self,
                           gint64       value)
{
  g_return_if_fail (CR_IS_AUDIT_ENTRY (self));

  cr_record_set_int64 (CR_RECORD (self), properties[PROP_ROW_ID], value);
}

const char *
cr_audit_entry_get_action (CrAuditEntry *self)
{
  g_return_val_if_fail (CR_IS_AUDIT_ENTRY (self), NULL);

  return cr_record_get_string (CR_RECORD (self), properties[PROP_ACTION]);
}

void
cr_audit_entry_set_action (CrAuditEntry *self,
                           const char   *value)
{
  g_return_if_fail (CR_IS_AUDIT_ENTRY (self));

  cr_record_set_string (CR_RECORD (self), properties[PROP_ACTION], value);
}

const char *
cr_audit_entry_get_before (CrAuditEntry *self)
{
  g_return_val_if_fail (CR_IS_AUDIT_ENTRY (self), NULL);

  return cr_record_get_string (CR_RECORD (self), properties[PROP_BEFORE]);
}

void
cr_audit_entry_set_before (CrAuditEntry *self,
                           const char   *value)
{
  g_return_if_fail (CR_IS_AUDIT_ENTRY (self));

  cr_record_set_string (CR_RECORD (self), properties[PROP_BEFORE], value);
}

const char *
cr_audit_entry_get_after (CrAuditEntry *self)
{
  g_return_val_if_fail (CR_IS_AUDIT_ENTRY (self), NULL);

  return cr_record_get_string (CR_RECORD (self), properties[PROP_AFTER]);
}

void
cr_audit_entry_set_after (CrAuditEntry *self,
                          const char   *value)
{
  g_return_if_fail (CR_IS_AUDIT_ENTRY (self));

  cr_record_set_string (CR_RECORD (self), properties[PROP_AFTER], value);
}
