/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cr-item-tick"

#include "config.h"

#include "cr-enum-types.h"
#include "cr-item-tick.h"

/**
 * CrItemTick:
 *
 * One change of state of an activation item (ticked done, not
 * applicable, or un-ticked), as the append-only journal of ticks keeps
 * it: when it was done (#CrItemTick:at, given by the operator), when the
 * store wrote it (#CrItemTick:recorded-at), by whom and why.
 */
struct _CrItemTick
{
  CrRecord parent_instance;
};

enum
{
  PROP_0,
  PROP_ITEM_ID,
  PROP_ACTIVATION_ID,
  PROP_STATE,
  PROP_PREVIOUS_STATE,
  PROP_AT,
  PROP_RECORDED_AT,
  PROP_OPERATOR,
  PROP_NOTE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (CrItemTick, cr_item_tick, CR_TYPE_RECORD)

static void
cr_item_tick_class_init (CrItemTickClass *klass)
{
  properties[PROP_ITEM_ID] =
    g_param_spec_int64 ("item-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ACTIVATION_ID] =
    g_param_spec_int64 ("activation-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL, CR_TYPE_ITEM_STATE, CR_ITEM_STATE_OPEN,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PREVIOUS_STATE] =
    g_param_spec_enum ("previous-state", NULL, NULL, CR_TYPE_ITEM_STATE, CR_ITEM_STATE_OPEN,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_AT] =
    g_param_spec_boxed ("at", NULL, NULL, G_TYPE_DATE_TIME,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RECORDED_AT] =
    g_param_spec_boxed ("recorded-at", NULL, NULL, G_TYPE_DATE_TIME,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_OPERATOR] =
    g_param_spec_string ("operator", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NOTE] =
    g_param_spec_string ("note", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  cr_record_class_install_fields (CR_RECORD_CLASS (klass), "item_ticks", N_PROPS, properties);
}

static void
cr_item_tick_init (CrItemTick *self)
{
}

CrItemTick *
cr_item_tick_new (void)
{
  return g_object_new (CR_TYPE_ITEM_TICK, NULL);
}

gint64
cr_item_tick_get_item_id (CrItemTick *self)
{
  g_return_val_if_fail (CR_IS_ITEM_TICK (self), 0);

  return cr_record_get_int64 (CR_RECORD (self), properties[PROP_ITEM_ID]);
}

void
cr_item_tick_set_item_id (CrItemTick *self,
                          gint64      value)
{
  g_return_if_fail (CR_IS_ITEM_TICK (self));

  cr_record_set_int64 (CR_RECORD (self), properties[PROP_ITEM_ID], value);
}

gint64
cr_item_tick_get_activation_id (CrItemTick *self)
{
  g_return_val_if_fail (CR_IS_ITEM_TICK (self), 0);

  return cr_record_get_int64 (CR_RECORD (self), properties[PROP_ACTIVATION_ID]);
}

void
cr_item_tick_set_activation_id (CrItemTick *self,
                                gint64      value)
{
  g_return_if_fail (CR_IS_ITEM_TICK (self));

  cr_record_set_int64 (CR_RECORD (self), properties[PROP_ACTIVATION_ID], value);
}

CrItemState
cr_item_tick_get_state (CrItemTick *self)
{
  g_return_val_if_fail (CR_IS_ITEM_TICK (self), 0);

  return cr_record_get_enum (CR_RECORD (self), properties[PROP_STATE]);
}

void
cr_item_tick_set_state (CrItemTick  *self,
                        CrItemState  value)
{
  g_return_if_fail (CR_IS_ITEM_TICK (self));

  cr_record_set_enum (CR_RECORD (self), properties[PROP_STATE], value);
}

CrItemState
cr_item_tick_get_previous_state (CrItemTick *self)
{
  g_return_val_if_fail (CR_IS_ITEM_TICK (self), 0);

  return cr_record_get_enum (CR_RECORD (self), properties[PROP_PREVIOUS_STATE]);
}

void
cr_item_tick_set_previous_state (CrItemTick  *self,
                                 CrItemState  value)
{
  g_return_if_fail (CR_IS_ITEM_TICK (self));

  cr_record_set_enum (CR_RECORD (self), properties[PROP_PREVIOUS_STATE], value);
}

/**
 * cr_item_tick_get_at:
 *
 * Returns: (transfer none) (nullable): the time
 */
GDateTime *
cr_item_tick_get_at (CrItemTick *self)
{
  g_return_val_if_fail (CR_IS_ITEM_TICK (self), NULL);

  return cr_record_get_boxed (CR_RECORD (self), properties[PROP_AT]);
}

void
cr_item_tick_set_at (CrItemTick *self,
                     GDateTime  *value)
{
  g_return_if_fail (CR_IS_ITEM_TICK (self));

  cr_record_set_boxed (CR_RECORD (self), properties[PROP_AT], value);
}

/**
 * cr_item_tick_get_recorded_at:
 *
 * Returns: (transfer none) (nullable): the time
 */
GDateTime *
cr_item_tick_get_recorded_at (CrItemTick *self)
{
  g_return_val_if_fail (CR_IS_ITEM_TICK (self), NULL);

  return cr_record_get_boxed (CR_RECORD (self), properties[PROP_RECORDED_AT]);
}

void
cr_item_tick_set_recorded_at (CrItemTick *self,
                              GDateTime  *value)
{
  g_return_if_fail (CR_IS_ITEM_TICK (self));

  cr_record_set_boxed (CR_RECORD (self), properties[PROP_RECORDED_AT], value);
}

const char *
cr_item_tick_get_operator (CrItemTick *self)
{
  g_return_val_if_fail (CR_IS_ITEM_TICK (self), NULL);

  return cr_record_get_string (CR_RECORD (self), properties[PROP_OPERATOR]);
}

void
cr_item_tick_set_operator (CrItemTick *self,
                           const char *value)
{
  g_return_if_fail (CR_IS_ITEM_TICK (self));

  cr_record_set_string (CR_RECORD (self), properties[PROP_OPERATOR], value);
}

const char *
cr_item_tick_get_note (CrItemTick *self)
{
  g_return_val_if_fail (CR_IS_ITEM_TICK (self), NULL);

  return cr_record_get_string (CR_RECORD (self), properties[PROP_NOTE]);
}

void
cr_item_tick_set_note (CrItemTick *self,
                       const char *value)
{
  g_return_if_fail (CR_IS_ITEM_TICK (self));

  cr_record_set_string (CR_RECORD (self), properties[PROP_NOTE], value);
}
