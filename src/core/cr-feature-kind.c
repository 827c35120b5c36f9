/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cr-feature-kind"

#include "config.h"

#include <math.h>

#include "cr-enum-types.h"
#include "cr-feature-kind.h"

/**
 * CrFeatureKind:
 *
 * An entry of the feature-kind catalogue: what a feature is and how it is drawn.
 */
struct _CrFeatureKind
{
  CrRecord parent_instance;
};

enum
{
  PROP_0,
  PROP_CODE,
  PROP_GROUP,
  PROP_LABEL_EN,
  PROP_LABEL_FR,
  PROP_LABEL_NL,
  PROP_STROKE_COLOR,
  PROP_FILL_COLOR,
  PROP_FILL_OPACITY,
  PROP_LINE_STYLE,
  PROP_LINE_WIDTH,
  PROP_ICON_NAME,
  PROP_SORT_ORDER,
  PROP_BUILTIN,
  PROP_VERSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (CrFeatureKind, cr_feature_kind, CR_TYPE_RECORD)

static void
cr_feature_kind_class_init (CrFeatureKindClass *klass)
{
  properties[PROP_CODE] =
    g_param_spec_string ("code", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_GROUP] =
    g_param_spec_enum ("group", NULL, NULL, CR_TYPE_KIND_GROUP, CR_KIND_GROUP_PERIMETER,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LABEL_EN] =
    g_param_spec_string ("label-en", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LABEL_FR] =
    g_param_spec_string ("label-fr", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LABEL_NL] =
    g_param_spec_string ("label-nl", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STROKE_COLOR] =
    g_param_spec_string ("stroke-color", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FILL_COLOR] =
    g_param_spec_string ("fill-color", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FILL_OPACITY] =
    g_param_spec_double ("fill-opacity", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0.0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LINE_STYLE] =
    g_param_spec_enum ("line-style", NULL, NULL, CR_TYPE_LINE_STYLE, CR_LINE_STYLE_SOLID,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LINE_WIDTH] =
    g_param_spec_double ("line-width", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0.0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ICON_NAME] =
    g_param_spec_string ("icon-name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SORT_ORDER] =
    g_param_spec_int ("sort-order", NULL, NULL, G_MININT, G_MAXINT, 0,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BUILTIN] =
    g_param_spec_boolean ("builtin", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_VERSION] =
    g_param_spec_int64 ("version", NULL, NULL, G_MININT64, G_MAXINT64, 1,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  cr_record_class_install_fields (CR_RECORD_CLASS (klass), "feature_kinds", N_PROPS, properties);
}

static void
cr_feature_kind_init (CrFeatureKind *self)
{
}

CrFeatureKind *
cr_feature_kind_new (void)
{
  return g_object_new (CR_TYPE_FEATURE_KIND, NULL);
}

const char *
cr_feature_kind_get_code (CrFeatureKind *self)
{
  g_return_val_if_fail (CR_IS_FEATURE_KIND (self), NULL);

  return cr_record_get_string (CR_RECORD (self), properties[PROP_CODE]);
}

void
cr_feature_kind_set_code (CrFeatureKind *self,
                          const char    *value)
{
  g_return_if_fail (CR_IS_FEATURE_KIND (self));

  cr_record_set_string (CR_RECORD (self), properties[PROP_CODE], value);
}

CrKindGroup
cr_feature_kind_get_group (CrFeatureKind *self)
{
  g_return_val_if_fail (CR_IS_FEATURE_KIND (self), 0);

  return cr_record_get_enum (CR_RECORD (self), properties[PROP_GROUP]);
}

void
cr_feature_kind_set_group (CrFeatureKind *self,
                           CrKindGroup   value)
{
  g_return_if_fail (CR_IS_FEATURE_KIND (self));

  cr_record_set_enum (CR_RECORD (self), properties[PROP_GROUP], value);
}

const char *
cr_feature_kind_get_label_en (CrFeatureKind *self)
{
  g_return_val_if_fail (CR_IS_FEATURE_KIND (self), NULL);

  return cr_record_get_string (CR_RECORD (self), properties[PROP_LABEL_EN]);
}

void
cr_feature_kind_set_label_en (CrFeatureKind *self,
                              const char    *value)
{
  g_return_if_fail (CR_IS_FEATURE_KIND (self));

  cr_record_set_string (CR_RECORD (self), properties[PROP_LABEL_EN], value);
}

const char *
cr_feature_kind_get_label_fr (CrFeatureKind *self)
{
  g_return_val_if_fail (CR_IS_FEATURE_KIND (self), NULL);

  return cr_record_get_string (CR_RECORD (self), properties[PROP_LABEL_FR]);
}

void
cr_feature_kind_set_label_fr (CrFeatureKind *self,
                              const char    *value)
{
  g_return_if_fail (CR_IS_FEATURE_KIND (self));

  cr_record_set_string (CR_RECORD (self), properties[PROP_LABEL_FR], value);
}

const char *
cr_feature_kind_get_label_nl (CrFeatureKind *self)
{
  g_return_val_if_fail (CR_IS_FEATURE_KIND (self), NULL);

  return cr_record_get_string (CR_RECORD (self), properties[PROP_LABEL_NL]);
}

void
cr_feature_kind_set_label_nl (CrFeatureKind *self,
                              const char    *value)
{
  g_return_if_fail (CR_IS_FEATURE_KIND (self));

  cr_record_set_string (CR_RECORD (self), properties[PROP_LABEL_NL], value);
}

const char *
cr_feature_kind_get_stroke_color (CrFeatureKind *self)
{
  g_return_val_if_fail (CR_IS_FEATURE_KIND (self), NULL);

  return cr_record_get_string (CR_RECORD (self), properties[PROP_STROKE_COLOR]);
}

void
cr_feature_kind_set_stroke_color (CrFeatureKind *self,
                                  const char    *value)
{
  g_return_if_fail (CR_IS_FEATURE_KIND (self));

  cr_record_set_string (CR_RECORD (self), properties[PROP_STROKE_COLOR], value);
}

const char *
cr_feature_kind_get_fill_color (CrFeatureKind *self)
{
  g_return_val_if_fail (CR_IS_FEATURE_KIND (self), NULL);

  return cr_record_get_string (CR_RECORD (self), properties[PROP_FILL_COLOR]);
}

void
cr_feature_kind_set_fill_color (CrFeatureKind *self,
                                const char    *value)
{
  g_return_if_fail (CR_IS_FEATURE_KIND (self));

  cr_record_set_string (CR_RECORD (self), properties[PROP_FILL_COLOR], value);
}

double
cr_feature_kind_get_fill_opacity (CrFeatureKind *self)
{
  g_return_val_if_fail (CR_IS_FEATURE_KIND (self), NAN);

  return cr_record_get_double (CR_RECORD (self), properties[PROP_FILL_OPACITY]);
}

void
cr_feature_kind_set_fill_opacity (CrFeatureKind *self,
                                  double        value)
{
  g_return_if_fail (CR_IS_FEATURE_KIND (self));

  cr_record_set_double (CR_RECORD (self), properties[PROP_FILL_OPACITY], value);
}

CrLineStyle
cr_feature_kind_get_line_style (CrFeatureKind *self)
{
  g_return_val_if_fail (CR_IS_FEATURE_KIND (self), 0);

  return cr_record_get_enum (CR_RECORD (self), properties[PROP_LINE_STYLE]);
}

void
cr_feature_kind_set_line_style (CrFeatureKind *self,
                                CrLineStyle   value)
{
  g_return_if_fail (CR_IS_FEATURE_KIND (self));

  cr_record_set_enum (CR_RECORD (self), properties[PROP_LINE_STYLE], value);
}

double
cr_feature_kind_get_line_width (CrFeatureKind *self)
{
  g_return_val_if_fail (CR_IS_FEATURE_KIND (self), NAN);

  return cr_record_get_double (CR_RECORD (self), properties[PROP_LINE_WIDTH]);
}

void
cr_feature_kind_set_line_width (CrFeatureKind *self,
                                double        value)
{
  g_return_if_fail (CR_IS_FEATURE_KIND (self));

  cr_record_set_double (CR_RECORD (self), properties[PROP_LINE_WIDTH], value);
}

const char *
cr_feature_kind_get_icon_name (CrFeatureKind *self)
{
  g_return_val_if_fail (CR_IS_FEATURE_KIND (self), NULL);

  return cr_record_get_string (CR_RECORD (self), properties[PROP_ICON_NAME]);
}

void
cr_feature_kind_set_icon_name (CrFeatureKind *self,
                               const char    *value)
{
  g_return_if_fail (CR_IS_FEATURE_KIND (self));

  cr_record_set_string (CR_RECORD (self), properties[PROP_ICON_NAME], value);
}

int
cr_feature_kind_get_sort_order (CrFeatureKind *self)
{
  g_return_val_if_fail (CR_IS_FEATURE_KIND (self), 0);

  return cr_record_get_int (CR_RECORD (self), properties[PROP_SORT_ORDER]);
}

void
cr_feature_kind_set_sort_order (CrFeatureKind *self,
                                int           value)
{
  g_return_if_fail (CR_IS_FEATURE_KIND (self));

  cr_record_set_int (CR_RECORD (self), properties[PROP_SORT_ORDER], value);
}

gboolean
cr_feature_kind_get_builtin (CrFeatureKind *self)
{
  g_return_val_if_fail (CR_IS_FEATURE_KIND (self), 0);

  return cr_record_get_boolean (CR_RECORD (self), properties[PROP_BUILTIN]);
}

void
cr_feature_kind_set_builtin (CrFeatureKind *self,
                             gboolean      value)
{
  g_return_if_fail (CR_IS_FEATURE_KIND (self));

  cr_record_set_boolean (CR_RECORD (self), properties[PROP_BUILTIN], value);
}

gint64
cr_feature_kind_get_version (CrFeatureKind *self)
{
  g_return_val_if_fail (CR_IS_FEATURE_KIND (self), 0);

  return cr_record_get_int64 (CR_RECORD (self), properties[PROP_VERSION]);
}

void
cr_feature_kind_set_version (CrFeatureKind *self,
                             gint64        value)
{
  g_return_if_fail (CR_IS_FEATURE_KIND (self));

  cr_record_set_int64 (CR_RECORD (self), properties[PROP_VERSION], value);
}
