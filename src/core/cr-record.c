/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cr-record"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "cr-enums.h"
#include "cr-geometry.h"
#include "cr-record.h"
#include "cr-time.h"

/* Why a generic value store instead of one struct field per property: the
 * model has some fifteen row types whose only behaviour is holding values.
 * Keeping the values here lets each subclass be its list of GParamSpecs
 * plus typed accessors, and lets the store map any record to its table
 * and the audit log serialise any record without per-type code. */

typedef struct
{
  gint64 id;
  GValue *values; /* one per field, indexed by param_id - 1 */
} CrRecordPrivate;

enum
{
  PROP_0,
  PROP_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (CrRecord, cr_record, G_TYPE_OBJECT)

static GValue *
ensure_values (CrRecord *self)
{
  CrRecordPrivate *priv = cr_record_get_instance_private (self);
  CrRecordClass *klass = CR_RECORD_GET_CLASS (self);

  if (priv->values == NULL && klass->n_fields > 0)
    {
      priv->values = g_new0 (GValue, klass->n_fields);
      for (guint i = 0; i < klass->n_fields; i++)
        {
          g_value_init (&priv->values[i], klass->fields[i]->value_type);
          g_param_value_set_default (klass->fields[i], &priv->values[i]);
        }
    }
  return priv->values;
}

static GValue *
field_value (CrRecord   *self,
             GParamSpec *field)
{
  CrRecordClass *klass = CR_RECORD_GET_CLASS (self);
  GValue *values = ensure_values (self);

  g_assert (field->param_id >= 1 && field->param_id <= klass->n_fields);
  g_assert (klass->fields[field->param_id - 1] == field);
  return &values[field->param_id - 1];
}

static gboolean
values_equal (GParamSpec   *pspec,
              const GValue *a,
              const GValue *b)
{
  if (G_VALUE_HOLDS (a, G_TYPE_DATE_TIME))
    {
      GDateTime *da = g_value_get_boxed (a), *db = g_value_get_boxed (b);

      if (da == NULL || db == NULL)
        return da == db;
      return g_date_time_compare (da, db) == 0;
    }
  if (G_VALUE_HOLDS (a, CR_TYPE_GEOMETRY))
    return cr_geometry_equal (g_value_get_boxed (a), g_value_get_boxed (b));
  /* GParamSpecDouble's comparison finds NaN equal to every number. */
  if (G_VALUE_HOLDS_DOUBLE (a) && (isnan (g_value_get_double (a)) || isnan (g_value_get_double (b))))
    return isnan (g_value_get_double (a)) && isnan (g_value_get_double (b));
  return g_param_values_cmp (pspec, a, b) == 0;
}

static void
field_get_property (GObject    *object,
                    guint       prop_id,
                    GValue     *value,
                    GParamSpec *pspec)
{
  g_value_copy (field_value (CR_RECORD (object), pspec), value);
}

/* Stores without GParamSpec validation: NaN, which GObject refuses for
 * doubles, is how a record says "no value" (NULL) for a REAL column. */
static void
store_field (CrRecord     *self,
             GParamSpec   *field,
             const GValue *value)
{
  GValue *slot = field_value (self, field);

  if (values_equal (field, slot, value))
    return;
  g_value_reset (slot);
  g_value_copy (value, slot);
  g_object_notify_by_pspec (G_OBJECT (self), field);
}

static void
field_set_property (GObject      *object,
                    guint         prop_id,
                    const GValue *value,
                    GParamSpec   *pspec)
{
  store_field (CR_RECORD (object), pspec, value);
}

static void
cr_record_finalize (GObject *object)
{
  CrRecord *self = CR_RECORD (object);
  CrRecordPrivate *priv = cr_record_get_instance_private (self);
  CrRecordClass *klass = CR_RECORD_GET_CLASS (self);

  if (priv->values != NULL)
    {
      for (guint i = 0; i < klass->n_fields; i++)
        g_value_unset (&priv->values[i]);
      g_free (priv->values);
    }

  G_OBJECT_CLASS (cr_record_parent_class)->finalize (object);
}

static void
cr_record_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  CrRecord *self = CR_RECORD (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, cr_record_get_id (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cr_record_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  CrRecord *self = CR_RECORD (object);

  switch (prop_id)
    {
    case PROP_ID:
      cr_record_set_id (self, g_value_get_int64 (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cr_record_class_init (CrRecordClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cr_record_finalize;
  object_class->get_property = cr_record_get_property;
  object_class->set_property = cr_record_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cr_record_init (CrRecord *self)
{
}

/**
 * cr_record_class_install_fields:
 * @table: the SQL table the records live in
 * @n_pspecs: the subclass's N_PROPS
 * @pspecs: the subclass's properties array; entry 0 unused
 *
 * Installs the fields as properties whose values the record keeps.
 */
void
cr_record_class_install_fields (CrRecordClass *klass,
                                const char    *table,
                                guint          n_pspecs,
                                GParamSpec   **pspecs)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  g_return_if_fail (CR_IS_RECORD_CLASS (klass));
  g_return_if_fail (n_pspecs >= 2 && pspecs[0] == NULL);

  object_class->get_property = field_get_property;
  object_class->set_property = field_set_property;
  g_object_class_install_properties (object_class, n_pspecs, pspecs);

  klass->table = table;
  klass->n_fields = n_pspecs - 1;
  klass->fields = pspecs + 1;
}

const char *
cr_record_class_get_table (CrRecordClass *klass)
{
  g_return_val_if_fail (CR_IS_RECORD_CLASS (klass), NULL);

  return klass->table;
}

/**
 * cr_record_class_get_fields:
 *
 * Returns: (transfer none) (array length=n_fields): the fields
 */
GParamSpec **
cr_record_class_get_fields (CrRecordClass *klass,
                            guint         *n_fields)
{
  g_return_val_if_fail (CR_IS_RECORD_CLASS (klass), NULL);

  *n_fields = klass->n_fields;
  return klass->fields;
}

char *
cr_record_field_column (GParamSpec *field)
{
  return g_strdelimit (g_strdup (field->name), "-", '_');
}

gint64
cr_record_get_id (CrRecord *self)
{
  CrRecordPrivate *priv = cr_record_get_instance_private (self);

  g_return_val_if_fail (CR_IS_RECORD (self), 0);

  return priv->id;
}

void
cr_record_set_id (CrRecord *self,
                  gint64    id)
{
  CrRecordPrivate *priv = cr_record_get_instance_private (self);

  g_return_if_fail (CR_IS_RECORD (self));

  if (priv->id == id)
    return;
  priv->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

const GValue *
cr_record_get_field (CrRecord   *self,
                     GParamSpec *field)
{
  g_return_val_if_fail (CR_IS_RECORD (self), NULL);

  return field_value (self, field);
}

void
cr_record_set_field (CrRecord     *self,
                     GParamSpec   *field,
                     const GValue *value)
{
  g_return_if_fail (CR_IS_RECORD (self));
  g_return_if_fail (G_VALUE_TYPE (value) == field->value_type);

  store_field (self, field, value);
}

const char *
cr_record_get_string (CrRecord   *self,
                      GParamSpec *field)
{
  return g_value_get_string (cr_record_get_field (self, field));
}

gint64
cr_record_get_int64 (CrRecord   *self,
                     GParamSpec *field)
{
  return g_value_get_int64 (cr_record_get_field (self, field));
}

int
cr_record_get_int (CrRecord   *self,
                   GParamSpec *field)
{
  return g_value_get_int (cr_record_get_field (self, field));
}

int
cr_record_get_enum (CrRecord   *self,
                    GParamSpec *field)
{
  return g_value_get_enum (cr_record_get_field (self, field));
}

gboolean
cr_record_get_boolean (CrRecord   *self,
                       GParamSpec *field)
{
  return g_value_get_boolean (cr_record_get_field (self, field));
}

double
cr_record_get_double (CrRecord   *self,
                      GParamSpec *field)
{
  return g_value_get_double (cr_record_get_field (self, field));
}

gpointer
cr_record_get_boxed (CrRecord   *self,
                     GParamSpec *field)
{
  return g_value_get_boxed (cr_record_get_field (self, field));
}

#define DEFINE_SETTER(name, ctype, gtype, setter)                       \
  void                                                                  \
  cr_record_set_##name (CrRecord   *self,                               \
                        GParamSpec *field,                              \
                        ctype       value)                              \
  {                                                                     \
    g_auto(GValue) v = G_VALUE_INIT;                                    \
                                                                        \
    g_value_init (&v, gtype);                                           \
    setter (&v, value);                                                 \
    cr_record_set_field (self, field, &v);                              \
  }

DEFINE_SETTER (string, const char *, G_TYPE_STRING, g_value_set_string)
DEFINE_SETTER (int64, gint64, G_TYPE_INT64, g_value_set_int64)
DEFINE_SETTER (int, int, G_TYPE_INT, g_value_set_int)
DEFINE_SETTER (boolean, gboolean, G_TYPE_BOOLEAN, g_value_set_boolean)
DEFINE_SETTER (double, double, G_TYPE_DOUBLE, g_value_set_double)

#undef DEFINE_SETTER

void
cr_record_set_enum (CrRecord   *self,
                    GParamSpec *field,
                    int         value)
{
  g_auto(GValue) v = G_VALUE_INIT;

  g_value_init (&v, field->value_type);
  g_value_set_enum (&v, value);
  cr_record_set_field (self, field, &v);
}

void
cr_record_set_boxed (CrRecord      *self,
                     GParamSpec    *field,
                     gconstpointer  value)
{
  g_auto(GValue) v = G_VALUE_INIT;

  g_value_init (&v, field->value_type);
  g_value_set_boxed (&v, value);
  cr_record_set_field (self, field, &v);
}

/**
 * cr_record_copy:
 *
 * Returns: (transfer full) (type CrRecord): a record of the same type with
 *   the same id and values
 */
gpointer
cr_record_copy (CrRecord *self)
{
  CrRecordClass *klass;
  CrRecord *copy;
  GValue *src, *dst;

  g_return_val_if_fail (CR_IS_RECORD (self), NULL);

  klass = CR_RECORD_GET_CLASS (self);
  copy = g_object_new (G_OBJECT_TYPE (self), NULL);
  cr_record_set_id (copy, cr_record_get_id (self));
  src = ensure_values (self);
  dst = ensure_values (copy);
  for (guint i = 0; i < klass->n_fields; i++)
    g_value_copy (&src[i], &dst[i]);
  return copy;
}

gboolean
cr_record_equal (CrRecord *a,
                 CrRecord *b)
{
  CrRecordClass *klass;

  g_return_val_if_fail (CR_IS_RECORD (a), FALSE);
  g_return_val_if_fail (CR_IS_RECORD (b), FALSE);

  if (G_OBJECT_TYPE (a) != G_OBJECT_TYPE (b) || cr_record_get_id (a) != cr_record_get_id (b))
    return FALSE;
  klass = CR_RECORD_GET_CLASS (a);
  for (guint i = 0; i < klass->n_fields; i++)
    if (!values_equal (klass->fields[i], field_value (a, klass->fields[i]),
                       field_value (b, klass->fields[i])))
      return FALSE;
  return TRUE;
}

/* Geometry is summarised, not dumped: the audit log records what changed
 * in a way a person can read, and the geometry itself stays in its table. */
static cJSON *
geometry_summary_json (const CrGeometry *geometry)
{
  cJSON *obj = cJSON_CreateObject ();
  CrBBox bbox;

  cJSON_AddStringToObject (obj, "type", cr_geometry_type_to_geojson (geometry->type));
  cJSON_AddNumberToObject (obj, "positions", cr_geometry_count_coords (geometry));
  if (cr_geometry_get_bbox (geometry, &bbox))
    {
      const double b[4] = { bbox.min_x, bbox.min_y, bbox.max_x, bbox.max_y };

      cJSON_AddItemToObject (obj, "bbox", cJSON_CreateDoubleArray (b, 4));
    }
  return obj;
}

/**
 * cr_record_to_json:
 *
 * The record as a JSON object keyed by column name, for the audit log.
 *
 * Returns: (transfer full): a new cJSON object
 */
cJSON *
cr_record_to_json (CrRecord *self)
{
  CrRecordClass *klass;
  cJSON *obj;

  g_return_val_if_fail (CR_IS_RECORD (self), NULL);

  klass = CR_RECORD_GET_CLASS (self);
  obj = cJSON_CreateObject ();
  cJSON_AddNumberToObject (obj, "id", (double) cr_record_get_id (self));
  for (guint i = 0; i < klass->n_fields; i++)
    {
      GParamSpec *field = klass->fields[i];
      const GValue *v = field_value (self, field);
      g_autofree char *column = cr_record_field_column (field);
      cJSON *item = NULL;

      if (G_VALUE_HOLDS_STRING (v))
        item = g_value_get_string (v) ? cJSON_CreateString (g_value_get_string (v)) : cJSON_CreateNull ();
      else if (G_VALUE_HOLDS_INT64 (v))
        item = (g_value_get_int64 (v) == 0 && g_str_has_suffix (field->name, "-id"))
                 ? cJSON_CreateNull () : cJSON_CreateNumber ((double) g_value_get_int64 (v));
      else if (G_VALUE_HOLDS_INT (v))
        item = cJSON_CreateNumber (g_value_get_int (v));
      else if (G_VALUE_HOLDS_BOOLEAN (v))
        item = cJSON_CreateBool (g_value_get_boolean (v));
      else if (G_VALUE_HOLDS_DOUBLE (v))
        item = isnan (g_value_get_double (v)) ? cJSON_CreateNull ()
                                              : cJSON_CreateNumber (g_value_get_double (v));
      else if (G_VALUE_HOLDS_ENUM (v))
        item = cJSON_CreateString (cr_enum_to_nick (G_VALUE_TYPE (v), g_value_get_enum (v)));
      else if (G_VALUE_HOLDS (v, G_TYPE_DATE_TIME))
        {
          g_autofree char *text = cr_time_to_storage (g_value_get_boxed (v));

          item = text ? cJSON_CreateString (text) : cJSON_CreateNull ();
        }
      else if (G_VALUE_HOLDS (v, CR_TYPE_GEOMETRY))
        item = g_value_get_boxed (v) ? geometry_summary_json (g_value_get_boxed (v)) : cJSON_CreateNull ();
      else
        g_assert_not_reached ();

      cJSON_AddItemToObject (obj, column, item);
    }
  return obj;
}
