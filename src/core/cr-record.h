/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cjson/cJSON.h>
#include <glib-object.h>

G_BEGIN_DECLS

#define CR_TYPE_RECORD (cr_record_get_type ())
G_DECLARE_DERIVABLE_TYPE (CrRecord, cr_record, CR, RECORD, GObject)

/**
 * CrRecordClass:
 *
 * The base of every row type of the data model. A subclass declares its
 * fields as GParamSpecs with cr_record_class_install_fields(); the record
 * keeps their values, and the store maps each field to the column of the
 * same name (dashes become underscores) in the subclass's table:
 *
 * - string: TEXT; int, int64: INTEGER (an int64 named "…-id" is a
 *   reference, 0 stored as NULL); boolean: BOOLEAN; double: REAL (NaN
 *   stored as NULL); enum: TEXT holding the nick; GDateTime: DATETIME
 *   (UTC ISO 8601); CrGeometry: GeoPackage geometry BLOB.
 * - a field named "version" is the row version for optimistic updates.
 */
struct _CrRecordClass
{
  GObjectClass parent_class;

  /*< private >*/
  const char *table;
  guint n_fields;
  GParamSpec **fields;
  gpointer padding[8];
};

void          cr_record_class_install_fields (CrRecordClass  *klass,
                                              const char     *table,
                                              guint           n_pspecs,
                                              GParamSpec    **pspecs);
const char   *cr_record_class_get_table      (CrRecordClass  *klass);
GParamSpec  **cr_record_class_get_fields     (CrRecordClass  *klass,
                                              guint          *n_fields);
char         *cr_record_field_column         (GParamSpec     *field);

gint64        cr_record_get_id               (CrRecord       *self);
void          cr_record_set_id               (CrRecord       *self,
                                              gint64          id);
const GValue *cr_record_get_field            (CrRecord       *self,
                                              GParamSpec     *field);
void          cr_record_set_field            (CrRecord       *self,
                                              GParamSpec     *field,
                                              const GValue   *value);

const char   *cr_record_get_string           (CrRecord       *self,
                                              GParamSpec     *field);
gint64        cr_record_get_int64            (CrRecord       *self,
                                              GParamSpec     *field);
int           cr_record_get_int              (CrRecord       *self,
                                              GParamSpec     *field);
int           cr_record_get_enum             (CrRecord       *self,
                                              GParamSpec     *field);
gboolean      cr_record_get_boolean          (CrRecord       *self,
                                              GParamSpec     *field);
double        cr_record_get_double           (CrRecord       *self,
                                              GParamSpec     *field);
gpointer      cr_record_get_boxed            (CrRecord       *self,
                                              GParamSpec     *field);

void          cr_record_set_string           (CrRecord       *self,
                                              GParamSpec     *field,
                                              const char     *value);
void          cr_record_set_int64            (CrRecord       *self,
                                              GParamSpec     *field,
                                              gint64          value);
void          cr_record_set_int              (CrRecord       *self,
                                              GParamSpec     *field,
                                              int             value);
void          cr_record_set_enum             (CrRecord       *self,
                                              GParamSpec     *field,
                                              int             value);
void          cr_record_set_boolean          (CrRecord       *self,
                                              GParamSpec     *field,
                                              gboolean        value);
void          cr_record_set_double           (CrRecord       *self,
                                              GParamSpec     *field,
                                              double          value);
void          cr_record_set_boxed            (CrRecord       *self,
                                              GParamSpec     *field,
                                              gconstpointer   value);

gpointer      cr_record_copy                 (CrRecord       *self);
gboolean      cr_record_equal                (CrRecord       *a,
                                              CrRecord       *b);
cJSON        *cr_record_to_json              (CrRecord       *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (cJSON, cJSON_Delete)

G_END_DECLS
