/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cr-event"

#include "config.h"

#include "cr-enum-types.h"
#include "cr-event.h"

/**
 * CrEvent:
 *
 * An event the crisis centre prepares or follows: a visit, a match, a demonstration, an unplanned incident…
 */
struct _CrEvent
{
  CrRecord parent_instance;
};

enum
{
  PROP_0,
  PROP_NAME,
  PROP_KIND,
  PROP_STATUS,
  PROP_STARTS,
  PROP_ENDS,
  PROP_DESCRIPTION,
  PROP_ARCHIVED,
  PROP_VERSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (CrEvent, cr_event, CR_TYPE_RECORD)

static void
cr_event_class_init (CrEventClass *klass)
{
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL, CR_TYPE_EVENT_KIND, CR_EVENT_KIND_VISIT,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL, CR_TYPE_EVENT_STATUS, CR_EVENT_STATUS_PLANNING,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STARTS] =
    g_param_spec_boxed ("starts", NULL, NULL, G_TYPE_DATE_TIME,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ENDS] =
    g_param_spec_boxed ("ends", NULL, NULL, G_TYPE_DATE_TIME,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ARCHIVED] =
    g_param_spec_boolean ("archived", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_VERSION] =
    g_param_spec_int64 ("version", NULL, NULL, G_MININT64, G_MAXINT64, 1,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  cr_record_class_install_fields (CR_RECORD_CLASS (klass), "events", N_PROPS, properties);
}

static void
cr_event_init (CrEvent *self)
{
}

CrEvent *
cr_event_new (void)
{
  return g_object_new (CR_TYPE_EVENT, NULL);
}

const char *
cr_event_get_name (CrEvent *self)
{
  g_return_val_if_fail (CR_IS_EVENT (self), NULL);

  return cr_record_get_string (CR_RECORD (self), properties[PROP_NAME]);
}

void
cr_event_set_name (CrEvent    *self,
                   const char *value)
{
  g_return_if_fail (CR_IS_EVENT (self));

  cr_record_set_string (CR_RECORD (self), properties[PROP_NAME], value);
}

CrEventKind
cr_event_get_kind (CrEvent *self)
{
  g_return_val_if_fail (CR_IS_EVENT (self), 0);

  return cr_record_get_enum (CR_RECORD (self), properties[PROP_KIND]);
}

void
cr_event_set_kind (CrEvent     *self,
                   CrEventKind value)
{
  g_return_if_fail (CR_IS_EVENT (self));

  cr_record_set_enum (CR_RECORD (self), properties[PROP_KIND], value);
}

CrEventStatus
cr_event_get_status (CrEvent *self)
{
  g_return_val_if_fail (CR_IS_EVENT (self), 0);

  return cr_record_get_enum (CR_RECORD (self), properties[PROP_STATUS]);
}

void
cr_event_set_status (CrEvent       *self,
                     CrEventStatus value)
{
  g_return_if_fail (CR_IS_EVENT (self));

  cr_record_set_enum (CR_RECORD (self), properties[PROP_STATUS], value);
}

/**
 * cr_event_get_starts:
 *
 * Returns: (transfer none) (nullable): the starts
 */
GDateTime *
cr_event_get_starts (CrEvent *self)
{
  g_return_val_if_fail (CR_IS_EVENT (self), NULL);

  return cr_record_get_boxed (CR_RECORD (self), properties[PROP_STARTS]);
}

void
cr_event_set_starts (CrEvent   *self,
                     GDateTime *value)
{
  g_return_if_fail (CR_IS_EVENT (self));

  cr_record_set_boxed (CR_RECORD (self), properties[PROP_STARTS], value);
}

/**
 * cr_event_get_ends:
 *
 * Returns: (transfer none) (nullable): the ends
 */
GDateTime *
cr_event_get_ends (CrEvent *self)
{
  g_return_val_if_fail (CR_IS_EVENT (self), NULL);

  return cr_record_get_boxed (CR_RECORD (self), properties[PROP_ENDS]);
}

void
cr_event_set_ends (CrEvent   *self,
                   GDateTime *value)
{
  g_return_if_fail (CR_IS_EVENT (self));

  cr_record_set_boxed (CR_RECORD (self), properties[PROP_ENDS], value);
}

const char *
cr_event_get_description (CrEvent *self)
{
  g_return_val_if_fail (CR_IS_EVENT (self), NULL);

  return cr_record_get_string (CR_RECORD (self), properties[PROP_DESCRIPTION]);
}

void
cr_event_set_description (CrEvent    *self,
                          const char *value)
{
  g_return_if_fail (CR_IS_EVENT (self));

  cr_record_set_string (CR_RECORD (self), properties[PROP_DESCRIPTION], value);
}

gboolean
cr_event_get_archived (CrEvent *self)
{
  g_return_val_if_fail (CR_IS_EVENT (self), 0);

  return cr_record_get_boolean (CR_RECORD (self), properties[PROP_ARCHIVED]);
}

void
cr_event_set_archived (CrEvent  *self,
                       gboolean value)
{
  g_return_if_fail (CR_IS_EVENT (self));

  cr_record_set_boolean (CR_RECORD (self), properties[PROP_ARCHIVED], value);
}

gint64
cr_event_get_version (CrEvent *self)
{
  g_return_val_if_fail (CR_IS_EVENT (self), 0);

  return cr_record_get_int64 (CR_RECORD (self), properties[PROP_VERSION]);
}

void
cr_event_set_version (CrEvent *self,
                      gint64  value)
{
  g_return_if_fail (CR_IS_EVENT (self));

  cr_record_set_int64 (CR_RECORD (self), properties[PROP_VERSION], value);
}
