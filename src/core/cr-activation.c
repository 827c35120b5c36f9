/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cr-activation"

#include "config.h"

#include "cr-enum-types.h"
#include "cr-activation.h"

/**
 * CrActivation:
 *
 * An activation of the crisis centre for an event or an unplanned incident.
 */
struct _CrActivation
{
  CrRecord parent_instance;
};

enum
{
  PROP_0,
  PROP_EVENT_ID,
  PROP_NAME,
  PROP_LEVEL,
  PROP_CELLS,
  PROP_OPENED_AT,
  PROP_OPENED_BY,
  PROP_CLOSED_AT,
  PROP_CLOSED_BY,
  PROP_CLOSING_NOTE,
  PROP_VERSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (CrActivation, cr_activation, CR_TYPE_RECORD)

static void
cr_activation_class_init (CrActivationClass *klass)
{
  properties[PROP_EVENT_ID] =
    g_param_spec_int64 ("event-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LEVEL] =
    g_param_spec_enum ("level", NULL, NULL, CR_TYPE_ACTIVATION_LEVEL, CR_ACTIVATION_LEVEL_MONITORING,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CELLS] =
    g_param_spec_string ("cells", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_OPENED_AT] =
    g_param_spec_boxed ("opened-at", NULL, NULL, G_TYPE_DATE_TIME,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_OPENED_BY] =
    g_param_spec_string ("opened-by", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CLOSED_AT] =
    g_param_spec_boxed ("closed-at", NULL, NULL, G_TYPE_DATE_TIME,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CLOSED_BY] =
    g_param_spec_string ("closed-by", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CLOSING_NOTE] =
    g_param_spec_string ("closing-note", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_VERSION] =
    g_param_spec_int64 ("version", NULL, NULL, G_MININT64, G_MAXINT64, 1,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  cr_record_class_install_fields (CR_RECORD_CLASS (klass), "activations", N_PROPS, properties);
}

static void
cr_activation_init (CrActivation *self)
{
}

CrActivation *
cr_activation_new (void)
{
  return g_object_new (CR_TYPE_ACTIVATION, NULL);
}

gint64
cr_activation_get_event_id (CrActivation *self)
{
  g_return_val_if_fail (CR_IS_ACTIVATION (self), 0);

  return cr_record_get_int64 (CR_RECORD (self), properties[PROP_EVENT_ID]);
}

void
cr_activation_set_event_id (CrActivation *self,
                            gint64       value)
{
  g_return_if_fail (CR_IS_ACTIVATION (self));

  cr_record_set_int64 (CR_RECORD (self), properties[PROP_EVENT_ID], value);
}

const char *
cr_activation_get_name (CrActivation *self)
{
  g_return_val_if_fail (CR_IS_ACTIVATION (self), NULL);

  return cr_record_get_string (CR_RECORD (self), properties[PROP_NAME]);
}

void
cr_activation_set_name (CrActivation *self,
                        const char   *value)
{
  g_return_if_fail (CR_IS_ACTIVATION (self));

  cr_record_set_string (CR_RECORD (self), properties[PROP_NAME], value);
}

CrActivationLevel
cr_activation_get_level (CrActivation *self)
{
  g_return_val_if_fail (CR_IS_ACTIVATION (self), 0);

  return cr_record_get_enum (CR_RECORD (self), properties[PROP_LEVEL]);
}

void
cr_activation_set_level (CrActivation      *self,
                         CrActivationLevel value)
{
  g_return_if_fail (CR_IS_ACTIVATION (self));

  cr_record_set_enum (CR_RECORD (self), properties[PROP_LEVEL], value);
}

const char *
cr_activation_get_cells (CrActivation *self)
{
  g_return_val_if_fail (CR_IS_ACTIVATION (self), NULL);

  return cr_record_get_string (CR_RECORD (self), properties[PROP_CELLS]);
}

void
cr_activation_set_cells (CrActivation *self,
                         const char   *value)
{
  g_return_if_fail (CR_IS_ACTIVATION (self));

  cr_record_set_string (CR_RECORD (self), properties[PROP_CELLS], value);
}

/**
 * cr_activation_get_opened_at:
 *
 * Returns: (transfer none) (nullable): the opened at
 */
GDateTime *
cr_activation_get_opened_at (CrActivation *self)
{
  g_return_val_if_fail (CR_IS_ACTIVATION (self), NULL);

  return cr_record_get_boxed (CR_RECORD (self), properties[PROP_OPENED_AT]);
}

void
cr_activation_set_opened_at (CrActivation *self,
                             GDateTime    *value)
{
  g_return_if_fail (CR_IS_ACTIVATION (self));

  cr_record_set_boxed (CR_RECORD (self), properties[PROP_OPENED_AT], value);
}

const char *
cr_activation_get_opened_by (CrActivation *self)
{
  g_return_val_if_fail (CR_IS_ACTIVATION (self), NULL);

  return cr_record_get_string (CR_RECORD (self), properties[PROP_OPENED_BY]);
}

void
cr_activation_set_opened_by (CrActivation *self,
                             const char   *value)
{
  g_return_if_fail (CR_IS_ACTIVATION (self));

  cr_record_set_string (CR_RECORD (self), properties[PROP_OPENED_BY], value);
}

/**
 * cr_activation_get_closed_at:
 *
 * Returns: (transfer none) (nullable): the closed at
 */
GDateTime *
cr_activation_get_closed_at (CrActivation *self)
{
  g_return_val_if_fail (CR_IS_ACTIVATION (self), NULL);

  return cr_record_get_boxed (CR_RECORD (self), properties[PROP_CLOSED_AT]);
}

void
cr_activation_set_closed_at (CrActivation *self,
                             GDateTime    *value)
{
  g_return_if_fail (CR_IS_ACTIVATION (self));

  cr_record_set_boxed (CR_RECORD (self), properties[PROP_CLOSED_AT], value);
}

const char *
cr_activation_get_closed_by (CrActivation *self)
{
  g_return_val_if_fail (CR_IS_ACTIVATION (self), NULL);

  return cr_record_get_string (CR_RECORD (self), properties[PROP_CLOSED_BY]);
}

void
cr_activation_set_closed_by (CrActivation *self,
                             const char   *value)
{
  g_return_if_fail (CR_IS_ACTIVATION (self));

  cr_record_set_string (CR_RECORD (self), properties[PROP_CLOSED_BY], value);
}

const char *
cr_activation_get_closing_note (CrActivation *self)
{
  g_return_val_if_fail (CR_IS_ACTIVATION (self), NULL);

  return cr_record_get_string (CR_RECORD (self), properties[PROP_CLOSING_NOTE]);
}

void
cr_activation_set_closing_note (CrActivation *self,
                                const char   *value)
{
  g_return_if_fail (CR_IS_ACTIVATION (self));

  cr_record_set_string (CR_RECORD (self), properties[PROP_CLOSING_NOTE], value);
}

/**
 * cr_cells_from_text:
 * @text: (nullable): cell nicks separated by commas, as the activations
 *   table keeps them ("situation,legal")
 *
 * Unknown nicks (written by a newer release, or by hand in QGIS) are
 * skipped rather than failing the whole activation.
 *
 * Returns: the cells as CR_CELL_MASK() bits
 */
guint
cr_cells_from_text (const char *text)
{
  g_auto(GStrv) nicks = NULL;
  guint mask = 0;

  if (text == NULL)
    return 0;
  nicks = g_strsplit (text, ",", -1);
  for (guint i = 0; nicks[i] != NULL; i++)
    {
      int cell;

      if (cr_enum_from_nick (CR_TYPE_CELL, g_strstrip (nicks[i]), &cell))
        mask |= CR_CELL_MASK (cell);
    }
  return mask;
}

/**
 * cr_cells_to_text:
 *
 * Returns: (transfer full) (nullable): the nicks of the cells in @mask,
 *   in the order of #CrCell, separated by commas; %NULL for no cell
 */
char *
cr_cells_to_text (guint mask)
{
  GString *text = g_string_new (NULL);

  for (int cell = CR_CELL_SITUATION; cell <= CR_CELL_LEGAL; cell++)
    if (mask & CR_CELL_MASK (cell))
      g_string_append_printf (text, "%s%s", text->len > 0 ? "," : "",
                              cr_enum_to_nick (CR_TYPE_CELL, cell));
  if (text->len == 0)
    {
      g_string_free (text, TRUE);
      return NULL;
    }
  return g_string_free (text, FALSE);
}

guint
cr_activation_get_cell_mask (CrActivation *self)
{
  g_return_val_if_fail (CR_IS_ACTIVATION (self), 0);

  return cr_cells_from_text (cr_activation_get_cells (self));
}

void
cr_activation_set_cell_mask (CrActivation *self,
                             guint         mask)
{
  g_autofree char *text = NULL;

  g_return_if_fail (CR_IS_ACTIVATION (self));

  text = cr_cells_to_text (mask);
  cr_activation_set_cells (self, text);
}

gboolean
cr_activation_is_closed (CrActivation *self)
{
  g_return_val_if_fail (CR_IS_ACTIVATION (self), FALSE);

  return cr_activation_get_closed_at (self) != NULL;
}

gint64
cr_activation_get_version (CrActivation *self)
{
  g_return_val_if_fail (CR_IS_ACTIVATION (self), 0);

  return cr_record_get_int64 (CR_RECORD (self), properties[PROP_VERSION]);
}

void
cr_activation_set_version (CrActivation *self,
                           gint64       value)
{
  g_return_if_fail (CR_IS_ACTIVATION (self));

  cr_record_set_int64 (CR_RECORD (self), properties[PROP_VERSION], value);
}
