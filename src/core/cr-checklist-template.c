/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cr-checklist-template"

#include "config.h"

#include "cr-checklist-template.h"

/**
 * CrChecklistTemplate:
 *
 * A checklist the crisis centre instantiates when it activates.
 */
struct _CrChecklistTemplate
{
  CrRecord parent_instance;
};

enum
{
  PROP_0,
  PROP_NAME,
  PROP_EVENT_KIND,
  PROP_DESCRIPTION,
  PROP_VERSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (CrChecklistTemplate, cr_checklist_template, CR_TYPE_RECORD)

static void
cr_checklist_template_class_init (CrChecklistTemplateClass *klass)
{
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_EVENT_KIND] =
    g_param_spec_string ("event-kind", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_VERSION] =
    g_param_spec_int64 ("version", NULL, NULL, G_MININT64, G_MAXINT64, 1,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  cr_record_class_install_fields (CR_RECORD_CLASS (klass), "checklist_templates", N_PROPS, properties);
}

static void
cr_checklist_template_init (CrChecklistTemplate *self)
{
}

CrChecklistTemplate *
cr_checklist_template_new (void)
{
  return g_object_new (CR_TYPE_CHECKLIST_TEMPLATE, NULL);
}

const char *
cr_checklist_template_get_name (CrChecklistTemplate *self)
{
  g_return_val_if_fail (CR_IS_CHECKLIST_TEMPLATE (self), NULL);

  return cr_record_get_string (CR_RECORD (self), properties[PROP_NAME]);
}

void
cr_checklist_template_set_name (CrChecklistTemplate *self,
                                const char          *value)
{
  g_return_if_fail (CR_IS_CHECKLIST_TEMPLATE (self));

  cr_record_set_string (CR_RECORD (self), properties[PROP_NAME], value);
}

const char *
cr_checklist_template_get_event_kind (CrChecklistTemplate *self)
{
  g_return_val_if_fail (CR_IS_CHECKLIST_TEMPLATE (self), NULL);

  return cr_record_get_string (CR_RECORD (self), properties[PROP_EVENT_KIND]);
}

void
cr_checklist_template_set_event_kind (CrChecklistTemplate *self,
                                      const char          *value)
{
  g_return_if_fail (CR_IS_CHECKLIST_TEMPLATE (self));

  cr_record_set_string (CR_RECORD (self), properties[PROP_EVENT_KIND], value);
}

const char *
cr_checklist_template_get_description (CrChecklistTemplate *self)
{
  g_return_val_if_fail (CR_IS_CHECKLIST_TEMPLATE (self), NULL);

  return cr_record_get_string (CR_RECORD (self), properties[PROP_DESCRIPTION]);
}

void
cr_checklist_template_set_description (CrChecklistTemplate *self,
                                       const char          *value)
{
  g_return_if_fail (CR_IS_CHECKLIST_TEMPLATE (self));

  cr_record_set_string (CR_RECORD (self), properties[PROP_DESCRIPTION], value);
}

gint64
cr_checklist_template_get_version (CrChecklistTemplate *self)
{
  g_return_val_if_fail (CR_IS_CHECKLIST_TEMPLATE (self), 0);

  return cr_record_get_int64 (CR_RECORD (self), properties[PROP_VERSION]);
}

void
cr_checklist_template_set_version (CrChecklistTemplate *self,
                                   gint64              value)
{
  g_return_if_fail (CR_IS_CHECKLIST_TEMPLATE (self));

  cr_record_set_int64 (CR_RECORD (self), properties[PROP_VERSION], value);
}
