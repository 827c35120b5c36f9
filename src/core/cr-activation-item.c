/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cr-activation-item"

#include "config.h"

#include "cr-enum-types.h"
#include "cr-activation-item.h"

/**
 * CrActivationItem:
 *
 * A checklist step of an activation and its state.
 */
struct _CrActivationItem
{
  CrRecord parent_instance;
};

enum
{
  PROP_0,
  PROP_ACTIVATION_ID,
  PROP_TEMPLATE_ITEM_ID,
  PROP_POSITION,
  PROP_CELL,
  PROP_TEXT,
  PROP_RESPONSIBLE,
  PROP_DUE_AT,
  PROP_MANDATORY,
  PROP_PARTNER_ID,
  PROP_PARTNER_TYPE,
  PROP_STATE,
  PROP_STATE_AT,
  PROP_STATE_BY,
  PROP_STATE_NOTE,
  PROP_VERSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (CrActivationItem, cr_activation_item, CR_TYPE_RECORD)

static void
cr_activation_item_class_init (CrActivationItemClass *klass)
{
  properties[PROP_ACTIVATION_ID] =
    g_param_spec_int64 ("activation-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TEMPLATE_ITEM_ID] =
    g_param_spec_int64 ("template-item-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_POSITION] =
    g_param_spec_int ("position", NULL, NULL, G_MININT, G_MAXINT, 0,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CELL] =
    g_param_spec_enum ("cell", NULL, NULL, CR_TYPE_CELL, CR_CELL_OPERATIONS,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RESPONSIBLE] =
    g_param_spec_string ("responsible", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DUE_AT] =
    g_param_spec_boxed ("due-at", NULL, NULL, G_TYPE_DATE_TIME,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MANDATORY] =
    g_param_spec_boolean ("mandatory", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PARTNER_ID] =
    g_param_spec_int64 ("partner-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PARTNER_TYPE] =
    g_param_spec_string ("partner-type", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL, CR_TYPE_ITEM_STATE, CR_ITEM_STATE_OPEN,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATE_AT] =
    g_param_spec_boxed ("state-at", NULL, NULL, G_TYPE_DATE_TIME,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATE_BY] =
    g_param_spec_string ("state-by", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATE_NOTE] =
    g_param_spec_string ("state-note", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_VERSION] =
    g_param_spec_int64 ("version", NULL, NULL, G_MININT64, G_MAXINT64, 1,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  cr_record_class_install_fields (CR_RECORD_CLASS (klass), "activation_items", N_PROPS, properties);
}

static void
cr_activation_item_init (CrActivationItem *self)
{
}

CrActivationItem *
cr_activation_item_new (void)
{
  return g_object_new (CR_TYPE_ACTIVATION_ITEM, NULL);
}

gint64
cr_activation_item_get_activation_id (CrActivationItem *self)
{
  g_return_val_if_fail (CR_IS_ACTIVATION_ITEM (self), 0);

  return cr_record_get_int64 (CR_RECORD (self), properties[PROP_ACTIVATION_ID]);
}

void
cr_activation_item_set_activation_id (CrActivationItem *self,
                                      gint64           value)
{
  g_return_if_fail (CR_IS_ACTIVATION_ITEM (self));

  cr_record_set_int64 (CR_RECORD (self), properties[PROP_ACTIVATION_ID], value);
}

gint64
cr_activation_item_get_template_item_id (CrActivationItem *self)
{
  g_return_val_if_fail (CR_IS_ACTIVATION_ITEM (self), 0);

  return cr_record_get_int64 (CR_RECORD (self), properties[PROP_TEMPLATE_ITEM_ID]);
}

void
cr_activation_item_set_template_item_id (CrActivationItem *self,
                                         gint64           value)
{
  g_return_if_fail (CR_IS_ACTIVATION_ITEM (self));

  cr_record_set_int64 (CR_RECORD (self), properties[PROP_TEMPLATE_ITEM_ID], value);
}

int
cr_activation_item_get_position (CrActivationItem *self)
{
  g_return_val_if_fail (CR_IS_ACTIVATION_ITEM (self), 0);

  return cr_record_get_int (CR_RECORD (self), properties[PROP_POSITION]);
}

void
cr_activation_item_set_position (CrActivationItem *self,
                                 int              value)
{
  g_return_if_fail (CR_IS_ACTIVATION_ITEM (self));

  cr_record_set_int (CR_RECORD (self), properties[PROP_POSITION], value);
}

CrCell
cr_activation_item_get_cell (CrActivationItem *self)
{
  g_return_val_if_fail (CR_IS_ACTIVATION_ITEM (self), 0);

  return cr_record_get_enum (CR_RECORD (self), properties[PROP_CELL]);
}

void
cr_activation_item_set_cell (CrActivationItem *self,
                             CrCell           value)
{
  g_return_if_fail (CR_IS_ACTIVATION_ITEM (self));

  cr_record_set_enum (CR_RECORD (self), properties[PROP_CELL], value);
}

const char *
cr_activation_item_get_text (CrActivationItem *self)
{
  g_return_val_if_fail (CR_IS_ACTIVATION_ITEM (self), NULL);

  return cr_record_get_string (CR_RECORD (self), properties[PROP_TEXT]);
}

void
cr_activation_item_set_text (CrActivationItem *self,
                             const char       *value)
{
  g_return_if_fail (CR_IS_ACTIVATION_ITEM (self));

  cr_record_set_string (CR_RECORD (self), properties[PROP_TEXT], value);
}

const char *
cr_activation_item_get_responsible (CrActivationItem *self)
{
  g_return_val_if_fail (CR_IS_ACTIVATION_ITEM (self), NULL);

  return cr_record_get_string (CR_RECORD (self), properties[PROP_RESPONSIBLE]);
}

void
cr_activation_item_set_responsible (CrActivationItem *self,
                                    const char       *value)
{
  g_return_if_fail (CR_IS_ACTIVATION_ITEM (self));

  cr_record_set_string (CR_RECORD (self), properties[PROP_RESPONSIBLE], value);
}

/**
 * cr_activation_item_get_due_at:
 *
 * Returns: (transfer none) (nullable): the due at
 */
GDateTime *
cr_activation_item_get_due_at (CrActivationItem *self)
{
  g_return_val_if_fail (CR_IS_ACTIVATION_ITEM (self), NULL);

  return cr_record_get_boxed (CR_RECORD (self), properties[PROP_DUE_AT]);
}

void
cr_activation_item_set_due_at (CrActivationItem *self,
                               GDateTime        *value)
{
  g_return_if_fail (CR_IS_ACTIVATION_ITEM (self));

  cr_record_set_boxed (CR_RECORD (self), properties[PROP_DUE_AT], value);
}

gboolean
cr_activation_item_get_mandatory (CrActivationItem *self)
{
  g_return_val_if_fail (CR_IS_ACTIVATION_ITEM (self), 0);

  return cr_record_get_boolean (CR_RECORD (self), properties[PROP_MANDATORY]);
}

void
cr_activation_item_set_mandatory (CrActivationItem *self,
                                  gboolean         value)
{
  g_return_if_fail (CR_IS_ACTIVATION_ITEM (self));

  cr_record_set_boolean (CR_RECORD (self), properties[PROP_MANDATORY], value);
}

gint64
cr_activation_item_get_partner_id (CrActivationItem *self)
{
  g_return_val_if_fail (CR_IS_ACTIVATION_ITEM (self), 0);

  return cr_record_get_int64 (CR_RECORD (self), properties[PROP_PARTNER_ID]);
}

void
cr_activation_item_set_partner_id (CrActivationItem *self,
                                   gint64           value)
{
  g_return_if_fail (CR_IS_ACTIVATION_ITEM (self));

  cr_record_set_int64 (CR_RECORD (self), properties[PROP_PARTNER_ID], value);
}

const char *
cr_activation_item_get_partner_type (CrActivationItem *self)
{
  g_return_val_if_fail (CR_IS_ACTIVATION_ITEM (self), NULL);

  return cr_record_get_string (CR_RECORD (self), properties[PROP_PARTNER_TYPE]);
}

void
cr_activation_item_set_partner_type (CrActivationItem *self,
                                     const char       *value)
{
  g_return_if_fail (CR_IS_ACTIVATION_ITEM (self));

  cr_record_set_string (CR_RECORD (self), properties[PROP_PARTNER_TYPE], value);
}

CrItemState
cr_activation_item_get_state (CrActivationItem *self)
{
  g_return_val_if_fail (CR_IS_ACTIVATION_ITEM (self), 0);

  return cr_record_get_enum (CR_RECORD (self), properties[PROP_STATE]);
}

void
cr_activation_item_set_state (CrActivationItem *self,
                              CrItemState      value)
{
  g_return_if_fail (CR_IS_ACTIVATION_ITEM (self));

  cr_record_set_enum (CR_RECORD (self), properties[PROP_STATE], value);
}

/**
 * cr_activation_item_get_state_at:
 *
 * Returns: (transfer none) (nullable): the state at
 */
GDateTime *
cr_activation_item_get_state_at (CrActivationItem *self)
{
  g_return_val_if_fail (CR_IS_ACTIVATION_ITEM (self), NULL);

  return cr_record_get_boxed (CR_RECORD (self), properties[PROP_STATE_AT]);
}

void
cr_activation_item_set_state_at (CrActivationItem *self,
                                 GDateTime        *value)
{
  g_return_if_fail (CR_IS_ACTIVATION_ITEM (self));

  cr_record_set_boxed (CR_RECORD (self), properties[PROP_STATE_AT], value);
}

const char *
cr_activation_item_get_state_by (CrActivationItem *self)
{
  g_return_val_if_fail (CR_IS_ACTIVATION_ITEM (self), NULL);

  return cr_record_get_string (CR_RECORD (self), properties[PROP_STATE_BY]);
}

void
cr_activation_item_set_state_by (CrActivationItem *self,
                                 const char       *value)
{
  g_return_if_fail (CR_IS_ACTIVATION_ITEM (self));

  cr_record_set_string (CR_RECORD (self), properties[PROP_STATE_BY], value);
}

const char *
cr_activation_item_get_state_note (CrActivationItem *self)
{
  g_return_val_if_fail (CR_IS_ACTIVATION_ITEM (self), NULL);

  return cr_record_get_string (CR_RECORD (self), properties[PROP_STATE_NOTE]);
}

void
cr_activation_item_set_state_note (CrActivationItem *self,
                                   const char       *value)
{
  g_return_if_fail (CR_IS_ACTIVATION_ITEM (self));

  cr_record_set_string (CR_RECORD (self), properties[PROP_STATE_NOTE], value);
}

gint64
cr_activation_item_get_version (CrActivationItem *self)
{
  g_return_val_if_fail (CR_IS_ACTIVATION_ITEM (self), 0);

  return cr_record_get_int64 (CR_RECORD (self), properties[PROP_VERSION]);
}

void
cr_activation_item_set_version (CrActivationItem *self,
                                gint64           value)
{
  g_return_if_fail (CR_IS_ACTIVATION_ITEM (self));

  cr_record_set_int64 (CR_RECORD (self), properties[PROP_VERSION], value);
}
