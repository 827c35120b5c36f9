/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cr-reference-layer"

#include "config.h"

#include "cr-reference-layer.h"

/**
 * CrReferenceLayer:
 *
 * A region-wide layer that belongs to no event: commune or police-zone
 * boundaries, hospitals, fire stations… Its features are rows of the
 * feature table with this layer's id and no event.
 */
struct _CrReferenceLayer
{
  CrRecord parent_instance;
};

enum
{
  PROP_0,
  PROP_NAME,
  PROP_DESCRIPTION,
  PROP_SOURCE,
  PROP_VISIBLE,
  PROP_VERSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (CrReferenceLayer, cr_reference_layer, CR_TYPE_RECORD)

static void
cr_reference_layer_class_init (CrReferenceLayerClass *klass)
{
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SOURCE] =
    g_param_spec_string ("source", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_VISIBLE] =
    g_param_spec_boolean ("visible", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_VERSION] =
    g_param_spec_int64 ("version", NULL, NULL, G_MININT64, G_MAXINT64, 1,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  cr_record_class_install_fields (CR_RECORD_CLASS (klass), "reference_layers", N_PROPS, properties);
}

static void
cr_reference_layer_init (CrReferenceLayer *self)
{
}

CrReferenceLayer *
cr_reference_layer_new (void)
{
  return g_object_new (CR_TYPE_REFERENCE_LAYER, NULL);
}

const char *
cr_reference_layer_get_name (CrReferenceLayer *self)
{
  g_return_val_if_fail (CR_IS_REFERENCE_LAYER (self), NULL);

  return cr_record_get_string (CR_RECORD (self), properties[PROP_NAME]);
}

void
cr_reference_layer_set_name (CrReferenceLayer *self,
                             const char       *value)
{
  g_return_if_fail (CR_IS_REFERENCE_LAYER (self));

  cr_record_set_string (CR_RECORD (self), properties[PROP_NAME], value);
}

const char *
cr_reference_layer_get_description (CrReferenceLayer *self)
{
  g_return_val_if_fail (CR_IS_REFERENCE_LAYER (self), NULL);

  return cr_record_get_string (CR_RECORD (self), properties[PROP_DESCRIPTION]);
}

void
cr_reference_layer_set_description (CrReferenceLayer *self,
                                    const char       *value)
{
  g_return_if_fail (CR_IS_REFERENCE_LAYER (self));

  cr_record_set_string (CR_RECORD (self), properties[PROP_DESCRIPTION], value);
}

/* Where the layer came from: the file it was imported from. */
const char *
cr_reference_layer_get_source (CrReferenceLayer *self)
{
  g_return_val_if_fail (CR_IS_REFERENCE_LAYER (self), NULL);

  return cr_record_get_string (CR_RECORD (self), properties[PROP_SOURCE]);
}

void
cr_reference_layer_set_source (CrReferenceLayer *self,
                               const char       *value)
{
  g_return_if_fail (CR_IS_REFERENCE_LAYER (self));

  cr_record_set_string (CR_RECORD (self), properties[PROP_SOURCE], value);
}

/* Whether the map draws the layer and "who is responsible here?" looks
 * into it. Kept in the file, so every window on it agrees. */
gboolean
cr_reference_layer_get_visible (CrReferenceLayer *self)
{
  g_return_val_if_fail (CR_IS_REFERENCE_LAYER (self), FALSE);

  return cr_record_get_boolean (CR_RECORD (self), properties[PROP_VISIBLE]);
}

void
cr_reference_layer_set_visible (CrReferenceLayer *self,
                                gboolean          value)
{
  g_return_if_fail (CR_IS_REFERENCE_LAYER (self));

  cr_record_set_boolean (CR_RECORD (self), properties[PROP_VISIBLE], !!value);
}

gint64
cr_reference_layer_get_version (CrReferenceLayer *self)
{
  g_return_val_if_fail (CR_IS_REFERENCE_LAYER (self), 0);

  return cr_record_get_int64 (CR_RECORD (self), properties[PROP_VERSION]);
}

void
cr_reference_layer_set_version (CrReferenceLayer *self,
                                gint64            value)
{
  g_return_if_fail (CR_IS_REFERENCE_LAYER (self));

  cr_record_set_int64 (CR_RECORD (self), properties[PROP_VERSION], value);
}
