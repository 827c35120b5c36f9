/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cr-checklist-template-item"

#include "config.h"

#include "cr-enum-types.h"
#include "cr-checklist-template-item.h"

/**
 * CrChecklistTemplateItem:
 *
 * One step of a checklist template.
 */
struct _CrChecklistTemplateItem
{
  CrRecord parent_instance;
};

enum
{
  PROP_0,
  PROP_TEMPLATE_ID,
  PROP_POSITION,
  PROP_CELL,
  PROP_TEXT,
  PROP_RESPONSIBLE,
  PROP_DUE_OFFSET_MIN,
  PROP_MANDATORY,
  PROP_PARTNER_ID,
  PROP_PARTNER_TYPE,
  PROP_VERSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (CrChecklistTemplateItem, cr_checklist_template_item, CR_TYPE_RECORD)

static void
cr_checklist_template_item_class_init (CrChecklistTemplateItemClass *klass)
{
  properties[PROP_TEMPLATE_ID] =
    g_param_spec_int64 ("template-id", NULL, NULL, 0, G_MAXINT64, 0,
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
  properties[PROP_DUE_OFFSET_MIN] =
    g_param_spec_int ("due-offset-min", NULL, NULL, G_MININT, G_MAXINT, 0,
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
  properties[PROP_VERSION] =
    g_param_spec_int64 ("version", NULL, NULL, G_MININT64, G_MAXINT64, 1,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  cr_record_class_install_fields (CR_RECORD_CLASS (klass), "checklist_template_items", N_PROPS, properties);
}

static void
cr_checklist_template_item_init (CrChecklistTemplateItem *self)
{
}

CrChecklistTemplateItem *
cr_checklist_template_item_new (void)
{
  return g_object_new (CR_TYPE_CHECKLIST_TEMPLATE_ITEM, NULL);
}

gint64
cr_checklist_template_item_get_template_id (CrChecklistTemplateItem *self)
{
  g_return_val_if_fail (CR_IS_CHECKLIST_TEMPLATE_ITEM (self), 0);

  return cr_record_get_int64 (CR_RECORD (self), properties[PROP_TEMPLATE_ID]);
}

void
cr_checklist_template_item_set_template_id (CrChecklistTemplateItem *self,
                                            gint64                  value)
{
  g_return_if_fail (CR_IS_CHECKLIST_TEMPLATE_ITEM (self));

  cr_record_set_int64 (CR_RECORD (self), properties[PROP_TEMPLATE_ID], value);
}

int
cr_checklist_template_item_get_position (CrChecklistTemplateItem *self)
{
  g_return_val_if_fail (CR_IS_CHECKLIST_TEMPLATE_ITEM (self), 0);

  return cr_record_get_int (CR_RECORD (self), properties[PROP_POSITION]);
}

void
cr_checklist_template_item_set_position (CrChecklistTemplateItem *self,
                                         int                     value)
{
  g_return_if_fail (CR_IS_CHECKLIST_TEMPLATE_ITEM (self));

  cr_record_set_int (CR_RECORD (self), properties[PROP_POSITION], value);
}

CrCell
cr_checklist_template_item_get_cell (CrChecklistTemplateItem *self)
{
  g_return_val_if_fail (CR_IS_CHECKLIST_TEMPLATE_ITEM (self), 0);

  return cr_record_get_enum (CR_RECORD (self), properties[PROP_CELL]);
}

void
cr_checklist_template_item_set_cell (CrChecklistTemplateItem *self,
                                     CrCell                  value)
{
  g_return_if_fail (CR_IS_CHECKLIST_TEMPLATE_ITEM (self));

  cr_record_set_enum (CR_RECORD (self), properties[PROP_CELL], value);
}

const char *
cr_checklist_template_item_get_text (CrChecklistTemplateItem *self)
{
  g_return_val_if_fail (CR_IS_CHECKLIST_TEMPLATE_ITEM (self), NULL);

  return cr_record_get_string (CR_RECORD (self), properties[PROP_TEXT]);
}

void
cr_checklist_template_item_set_text (CrChecklistTemplateItem *self,
                                     const char              *value)
{
  g_return_if_fail (CR_IS_CHECKLIST_TEMPLATE_ITEM (self));

  cr_record_set_string (CR_RECORD (self), properties[PROP_TEXT], value);
}

const char *
cr_checklist_template_item_get_responsible (CrChecklistTemplateItem *self)
{
  g_return_val_if_fail (CR_IS_CHECKLIST_TEMPLATE_ITEM (self), NULL);

  return cr_record_get_string (CR_RECORD (self), properties[PROP_RESPONSIBLE]);
}

void
cr_checklist_template_item_set_responsible (CrChecklistTemplateItem *self,
                                            const char              *value)
{
  g_return_if_fail (CR_IS_CHECKLIST_TEMPLATE_ITEM (self));

  cr_record_set_string (CR_RECORD (self), properties[PROP_RESPONSIBLE], value);
}

int
cr_checklist_template_item_get_due_offset_min (CrChecklistTemplateItem *self)
{
  g_return_val_if_fail (CR_IS_CHECKLIST_TEMPLATE_ITEM (self), 0);

  return cr_record_get_int (CR_RECORD (self), properties[PROP_DUE_OFFSET_MIN]);
}

void
cr_checklist_template_item_set_due_offset_min (CrChecklistTemplateItem *self,
                                               int                     value)
{
  g_return_if_fail (CR_IS_CHECKLIST_TEMPLATE_ITEM (self));

  cr_record_set_int (CR_RECORD (self), properties[PROP_DUE_OFFSET_MIN], value);
}

gboolean
cr_checklist_template_item_get_mandatory (CrChecklistTemplateItem *self)
{
  g_return_val_if_fail (CR_IS_CHECKLIST_TEMPLATE_ITEM (self), 0);

  return cr_record_get_boolean (CR_RECORD (self), properties[PROP_MANDATORY]);
}

void
cr_checklist_template_item_set_mandatory (CrChecklistTemplateItem *self,
                                          gboolean                value)
{
  g_return_if_fail (CR_IS_CHECKLIST_TEMPLATE_ITEM (self));

  cr_record_set_boolean (CR_RECORD (self), properties[PROP_MANDATORY], value);
}

gint64
cr_checklist_template_item_get_partner_id (CrChecklistTemplateItem *self)
{
  g_return_val_if_fail (CR_IS_CHECKLIST_TEMPLATE_ITEM (self), 0);

  return cr_record_get_int64 (CR_RECORD (self), properties[PROP_PARTNER_ID]);
}

void
cr_checklist_template_item_set_partner_id (CrChecklistTemplateItem *self,
                                           gint64                  value)
{
  g_return_if_fail (CR_IS_CHECKLIST_TEMPLATE_ITEM (self));

  cr_record_set_int64 (CR_RECORD (self), properties[PROP_PARTNER_ID], value);
}

const char *
cr_checklist_template_item_get_partner_type (CrChecklistTemplateItem *self)
{
  g_return_val_if_fail (CR_IS_CHECKLIST_TEMPLATE_ITEM (self), NULL);

  return cr_record_get_string (CR_RECORD (self), properties[PROP_PARTNER_TYPE]);
}

void
cr_checklist_template_item_set_partner_type (CrChecklistTemplateItem *self,
                                             const char              *value)
{
  g_return_if_fail (CR_IS_CHECKLIST_TEMPLATE_ITEM (self));

  cr_record_set_string (CR_RECORD (self), properties[PROP_PARTNER_TYPE], value);
}

gint64
cr_checklist_template_item_get_version (CrChecklistTemplateItem *self)
{
  g_return_val_if_fail (CR_IS_CHECKLIST_TEMPLATE_ITEM (self), 0);

  return cr_record_get_int64 (CR_RECORD (self), properties[PROP_VERSION]);
}

void
cr_checklist_template_item_set_version (CrChecklistTemplateItem *self,
                                        gint64                  value)
{
  g_return_if_fail (CR_IS_CHECKLIST_TEMPLATE_ITEM (self));

  cr_record_set_int64 (CR_RECORD (self), properties[PROP_VERSION], value);
}
