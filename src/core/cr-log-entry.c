/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cr-log-entry"

#include "config.h"

#include "cr-enum-types.h"
#include "cr-log-entry.h"

/**
 * CrLogEntry:
 *
 * An entry of the append-only logbook.
 */
struct _CrLogEntry
{
  CrRecord parent_instance;
};

enum
{
  PROP_0,
  PROP_RECORDED_AT,
  PROP_OCCURRED_AT,
  PROP_AUTHOR,
  PROP_CATEGORY,
  PROP_TEXT,
  PROP_FEATURE_ID,
  PROP_PARTNER_ID,
  PROP_ACTIVATION_ID,
  PROP_CORRECTS_ID,
  PROP_HASH,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (CrLogEntry, cr_log_entry, CR_TYPE_RECORD)

static void
cr_log_entry_class_init (CrLogEntryClass *klass)
{
  properties[PROP_RECORDED_AT] =
    g_param_spec_boxed ("recorded-at", NULL, NULL, G_TYPE_DATE_TIME,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_OCCURRED_AT] =
    g_param_spec_boxed ("occurred-at", NULL, NULL, G_TYPE_DATE_TIME,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_AUTHOR] =
    g_param_spec_string ("author", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CATEGORY] =
    g_param_spec_enum ("category", NULL, NULL, CR_TYPE_LOG_CATEGORY, CR_LOG_CATEGORY_INFORMATION,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FEATURE_ID] =
    g_param_spec_int64 ("feature-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PARTNER_ID] =
    g_param_spec_int64 ("partner-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ACTIVATION_ID] =
    g_param_spec_int64 ("activation-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CORRECTS_ID] =
    g_param_spec_int64 ("corrects-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_HASH] =
    g_param_spec_string ("hash", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  cr_record_class_install_fields (CR_RECORD_CLASS (klass), "logbook", N_PROPS, properties);
}

static void
cr_log_entry_init (CrLogEntry *self)
{
}

CrLogEntry *
cr_log_entry_new (void)
{
  return g_object_new (CR_TYPE_LOG_ENTRY, NULL);
}

/**
 * cr_log_entry_get_recorded_at:
 *
 * Returns: (transfer none) (nullable): the recorded at
 */
GDateTime *
cr_log_entry_get_recorded_at (CrLogEntry *self)
{
  g_return_val_if_fail (CR_IS_LOG_ENTRY (self), NULL);

  return cr_record_get_boxed (CR_RECORD (self), properties[PROP_RECORDED_AT]);
}

void
cr_log_entry_set_recorded_at (CrLogEntry *self,
                              GDateTime  *value)
{
  g_return_if_fail (CR_IS_LOG_ENTRY (self));

  cr_record_set_boxed (CR_RECORD (self), properties[PROP_RECORDED_AT], value);
}

/**
 * cr_log_entry_get_occurred_at:
 *
 * Returns: (transfer none) (nullable): the occurred at
 */
GDateTime *
cr_log_entry_get_occurred_at (CrLogEntry *self)
{
  g_return_val_if_fail (CR_IS_LOG_ENTRY (self), NULL);

  return cr_record_get_boxed (CR_RECORD (self), properties[PROP_OCCURRED_AT]);
}

void
cr_log_entry_set_occurred_at (CrLogEntry *self,
                              GDateTime  *value)
{
  g_return_if_fail (CR_IS_LOG_ENTRY (self));

  cr_record_set_boxed (CR_RECORD (self), properties[PROP_OCCURRED_AT], value);
}

const char *
cr_log_entry_get_author (CrLogEntry *self)
{
  g_return_val_if_fail (CR_IS_LOG_ENTRY (self), NULL);

  return cr_record_get_string (CR_RECORD (self), properties[PROP_AUTHOR]);
}

void
cr_log_entry_set_author (CrLogEntry *self,
                         const char *value)
{
  g_return_if_fail (CR_IS_LOG_ENTRY (self));

  cr_record_set_string (CR_RECORD (self), properties[PROP_AUTHOR], value);
}

CrLogCategory
cr_log_entry_get_category (CrLogEntry *self)
{
  g_return_val_if_fail (CR_IS_LOG_ENTRY (self), 0);

  return cr_record_get_enum (CR_RECORD (self), properties[PROP_CATEGORY]);
}

void
cr_log_entry_set_category (CrLogEntry    *self,
                           CrLogCategory value)
{
  g_return_if_fail (CR_IS_LOG_ENTRY (self));

  cr_record_set_enum (CR_RECORD (self), properties[PROP_CATEGORY], value);
}

const char *
cr_log_entry_get_text (CrLogEntry *self)
{
  g_return_val_if_fail (CR_IS_LOG_ENTRY (self), NULL);

  return cr_record_get_string (CR_RECORD (self), properties[PROP_TEXT]);
}

void
cr_log_entry_set_text (CrLogEntry *self,
                       const char *value)
{
  g_return_if_fail (CR_IS_LOG_ENTRY (self));

  cr_record_set_string (CR_RECORD (self), properties[PROP_TEXT], value);
}

gint64
cr_log_entry_get_feature_id (CrLogEntry *self)
{
  g_return_val_if_fail (CR_IS_LOG_ENTRY (self), 0);

  return cr_record_get_int64 (CR_RECORD (self), properties[PROP_FEATURE_ID]);
}

void
cr_log_entry_set_feature_id (CrLogEntry *self,
                             gint64     value)
{
  g_return_if_fail (CR_IS_LOG_ENTRY (self));

  cr_record_set_int64 (CR_RECORD (self), properties[PROP_FEATURE_ID], value);
}

gint64
cr_log_entry_get_partner_id (CrLogEntry *self)
{
  g_return_val_if_fail (CR_IS_LOG_ENTRY (self), 0);

  return cr_record_get_int64 (CR_RECORD (self), properties[PROP_PARTNER_ID]);
}

void
cr_log_entry_set_partner_id (CrLogEntry *self,
                             gint64     value)
{
  g_return_if_fail (CR_IS_LOG_ENTRY (self));

  cr_record_set_int64 (CR_RECORD (self), properties[PROP_PARTNER_ID], value);
}

gint64
cr_log_entry_get_activation_id (CrLogEntry *self)
{
  g_return_val_if_fail (CR_IS_LOG_ENTRY (self), 0);

  return cr_record_get_int64 (CR_RECORD (self), properties[PROP_ACTIVATION_ID]);
}

void
cr_log_entry_set_activation_id (CrLogEntry *self,
                                gint64     value)
{
  g_return_if_fail (CR_IS_LOG_ENTRY (self));

  cr_record_set_int64 (CR_RECORD (self), properties[PROP_ACTIVATION_ID], value);
}

gint64
cr_log_entry_get_corrects_id (CrLogEntry *self)
{
  g_return_val_if_fail (CR_IS_LOG_ENTRY (self), 0);

  return cr_record_get_int64 (CR_RECORD (self), properties[PROP_CORRECTS_ID]);
}

void
cr_log_entry_set_corrects_id (CrLogEntry *self,
                              gint64     value)
{
  g_return_if_fail (CR_IS_LOG_ENTRY (self));

  cr_record_set_int64 (CR_RECORD (self), properties[PROP_CORRECTS_ID], value);
}

const char *
cr_log_entry_get_hash (CrLogEntry *self)
{
  g_return_val_if_fail (CR_IS_LOG_ENTRY (self), NULL);

  return cr_record_get_string (CR_RECORD (self), properties[PROP_HASH]);
}

void
cr_log_entry_set_hash (CrLogEntry *self,
                       const char *value)
{
  g_return_if_fail (CR_IS_LOG_ENTRY (self));

  cr_record_set_string (CR_RECORD (self), properties[PROP_HASH], value);
}
