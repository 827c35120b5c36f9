/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-record"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "cr-contact.h"
#include "cr-enum-types.h"
#include "cr-enums.h"
#include "cr-event.h"
#include "cr-feature.h"
#include "cr-feature-kind.h"
#include "cr-spoc-assignment.h"
#include "cr-test-utils.h"
#include "cr-time.h"
#include "cr-waypoint.h"

static void
count_cb (GObject    *object,
          GParamSpec *pspec,
          gpointer    user_data)
{
  guint *count = user_data;

  (*count)++;
}

static GParamSpec *
field (gpointer    record,
       const char *name)
{
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (record), name);

  g_assert_nonnull (pspec);
  return pspec;
}

static GDateTime *
utc (const char *text)
{
  GDateTime *dt = cr_time_from_storage (text);

  g_assert_nonnull (dt);
  return dt;
}

static CrGeometry *
triangle_new (void)
{
  const double xy[] = { 4.35, 50.84, 4.36, 50.84, 4.355, 50.85, 4.35, 50.84 };
  CrGeometry *polygon = cr_geometry_new (CR_GEOMETRY_POLYGON);

  cr_geometry_add_part (polygon, cr_geometry_new_linestring (xy, 4));
  return polygon;
}

static void
test_class (void)
{
  g_autoptr(CrContact) contact = cr_contact_new ();
  CrRecordClass *klass = CR_RECORD_GET_CLASS (contact);
  GParamSpec **fields;
  guint n_fields = 0;
  g_autofree char *column = NULL;

  g_assert_cmpstr (cr_record_class_get_table (klass), ==, "contacts");
  fields = cr_record_class_get_fields (klass, &n_fields);
  g_assert_cmpuint (n_fields, ==, 13);
  g_assert_cmpstr (fields[0]->name, ==, "partner-id");
  g_assert_cmpstr (fields[n_fields - 1]->name, ==, "version");
  column = cr_record_field_column (field (contact, "phone-24-7"));
  g_assert_cmpstr (column, ==, "phone_24_7");

  {
    g_autoptr(CrFeature) feature = cr_feature_new ();

    g_assert_cmpstr (cr_record_class_get_table (CR_RECORD_GET_CLASS (feature)), ==, "features");
  }
}

static void
test_defaults (void)
{
  g_autoptr(CrEvent) event = cr_event_new ();
  g_autoptr(CrFeature) feature = cr_feature_new ();
  g_autoptr(CrContact) contact = cr_contact_new ();
  g_autoptr(CrWaypoint) waypoint = cr_waypoint_new ();
  gint64 id = -1;

  g_assert_cmpint (cr_record_get_id (CR_RECORD (event)), ==, 0);
  g_object_get (event, "id", &id, NULL);
  g_assert_cmpint (id, ==, 0);
  g_assert_null (cr_event_get_name (event));
  g_assert_cmpint (cr_event_get_kind (event), ==, CR_EVENT_KIND_VISIT);
  g_assert_cmpint (cr_event_get_status (event), ==, CR_EVENT_STATUS_PLANNING);
  g_assert_null (cr_event_get_starts (event));
  g_assert_false (cr_event_get_archived (event));
  g_assert_cmpint (cr_event_get_version (event), ==, 1);

  /* A feature is not a circle until told so: NaN, not 0 (0 would be a
   * circle of no size at 0°, 0°). */
  g_assert_true (isnan (cr_feature_get_center_lon (feature)));
  g_assert_true (isnan (cr_feature_get_center_lat (feature)));
  g_assert_true (isnan (cr_feature_get_radius_m (feature)));
  g_assert_null (cr_feature_get_geometry (feature));
  g_assert_cmpint (cr_feature_get_event_id (feature), ==, 0);
  g_assert_null (cr_feature_get_active_from (feature));

  g_assert_cmpint (cr_contact_get_availability (contact), ==, CR_AVAILABILITY_OFFICE_HOURS);
  g_assert_cmpfloat (cr_waypoint_get_lon (waypoint), ==, 0);
  g_assert_cmpint (cr_waypoint_get_position (waypoint), ==, 0);
}

static void
test_accessors (void)
{
  g_autoptr(CrFeature) feature = cr_feature_new ();
  g_autoptr(CrEvent) event = cr_event_new ();
  g_autoptr(CrSpocAssignment) spoc = cr_spoc_assignment_new ();
  g_autoptr(GDateTime) from = utc ("2024-09-26T06:00:00.000Z");
  g_autoptr(CrGeometry) geometry = triangle_new ();
  g_autofree char *name = NULL;
  g_autoptr(GDateTime) got_from = NULL;
  g_autoptr(CrGeometry) got_geometry = NULL;
  double radius = 0;
  CrEventKind kind = 0;
  gboolean archived = FALSE;
  int rank = 0;

  /* Typed accessors. */
  cr_feature_set_name (feature, "Zone rouge Basilique");
  cr_feature_set_kind (feature, "red_zone");
  cr_feature_set_event_id (feature, 42);
  cr_feature_set_geometry (feature, geometry);
  cr_feature_set_active_from (feature, from);
  cr_feature_set_radius_m (feature, 250.5);
  cr_feature_set_version (feature, 7);
  g_assert_cmpstr (cr_feature_get_name (feature), ==, "Zone rouge Basilique");
  g_assert_cmpstr (cr_feature_get_kind (feature), ==, "red_zone");
  g_assert_cmpint (cr_feature_get_event_id (feature), ==, 42);
  g_assert_true (cr_geometry_equal (cr_feature_get_geometry (feature), geometry));
  g_assert_cmpint (g_date_time_compare (cr_feature_get_active_from (feature), from), ==, 0);
  g_assert_cmpfloat (cr_feature_get_radius_m (feature), ==, 250.5);
  g_assert_cmpint (cr_feature_get_version (feature), ==, 7);

  cr_event_set_kind (event, CR_EVENT_KIND_NATIONAL_DAY);
  cr_event_set_archived (event, TRUE);
  g_assert_cmpint (cr_event_get_kind (event), ==, CR_EVENT_KIND_NATIONAL_DAY);
  g_assert_true (cr_event_get_archived (event));

  cr_spoc_assignment_set_rank (spoc, -3);
  g_assert_cmpint (cr_spoc_assignment_get_rank (spoc), ==, -3);

  /* The string is the record's own copy. */
  {
    char buffer[] = "Procession";

    cr_feature_set_notes (feature, buffer);
    buffer[0] = 'X';
    g_assert_cmpstr (cr_feature_get_notes (feature), ==, "Procession");
  }

  /* The same values through GObject properties. */
  g_object_get (feature, "name", &name, "active-from", &got_from, "geometry", &got_geometry,
                "radius-m", &radius, NULL);
  g_assert_cmpstr (name, ==, "Zone rouge Basilique");
  g_assert_cmpint (g_date_time_compare (got_from, from), ==, 0);
  g_assert_true (cr_geometry_equal (got_geometry, geometry));
  g_assert_cmpfloat (radius, ==, 250.5);
  g_object_get (event, "kind", &kind, "archived", &archived, NULL);
  g_assert_cmpint (kind, ==, CR_EVENT_KIND_NATIONAL_DAY);
  g_assert_true (archived);
  g_object_set (spoc, "rank", 2, NULL);
  g_object_get (spoc, "rank", &rank, NULL);
  g_assert_cmpint (rank, ==, 2);
  g_object_set (feature, "kind", "cp_ops", "partner-id", (gint64) 9, NULL);
  g_assert_cmpstr (cr_feature_get_kind (feature), ==, "cp_ops");
  g_assert_cmpint (cr_feature_get_partner_id (feature), ==, 9);

  /* And through the generic field API. */
  cr_record_set_string (CR_RECORD (feature), field (feature, "name"), "Generic");
  g_assert_cmpstr (cr_record_get_string (CR_RECORD (feature), field (feature, "name")), ==, "Generic");
  cr_record_set_int64 (CR_RECORD (feature), field (feature, "event-id"), 5);
  g_assert_cmpint (cr_record_get_int64 (CR_RECORD (feature), field (feature, "event-id")), ==, 5);
  cr_record_set_int (CR_RECORD (spoc), field (spoc, "rank"), 11);
  g_assert_cmpint (cr_record_get_int (CR_RECORD (spoc), field (spoc, "rank")), ==, 11);
  cr_record_set_enum (CR_RECORD (event), field (event, "status"), CR_EVENT_STATUS_ACTIVE);
  g_assert_cmpint (cr_record_get_enum (CR_RECORD (event), field (event, "status")), ==, CR_EVENT_STATUS_ACTIVE);
  g_assert_cmpint (cr_event_get_status (event), ==, CR_EVENT_STATUS_ACTIVE);
  cr_record_set_boolean (CR_RECORD (event), field (event, "archived"), FALSE);
  g_assert_false (cr_record_get_boolean (CR_RECORD (event), field (event, "archived")));
  cr_record_set_double (CR_RECORD (feature), field (feature, "center-lat"), 50.5);
  g_assert_cmpfloat (cr_record_get_double (CR_RECORD (feature), field (feature, "center-lat")), ==, 50.5);
  cr_record_set_boxed (CR_RECORD (feature), field (feature, "active-to"), from);
  g_assert_true (cr_record_get_boxed (CR_RECORD (feature), field (feature, "active-to")) == from);

  /* Clearing boxed and string values. */
  cr_feature_set_geometry (feature, NULL);
  cr_feature_set_active_from (feature, NULL);
  cr_feature_set_name (feature, NULL);
  g_assert_null (cr_feature_get_geometry (feature));
  g_assert_null (cr_feature_get_active_from (feature));
  g_assert_null (cr_feature_get_name (feature));

  cr_record_set_id (CR_RECORD (feature), 123);
  g_assert_cmpint (cr_record_get_id (CR_RECORD (feature)), ==, 123);
}

static void
test_notify (void)
{
  g_autoptr(CrFeature) feature = cr_feature_new ();
  g_autoptr(CrEvent) event = cr_event_new ();
  g_autoptr(GDateTime) t1 = utc ("2024-09-26T06:00:00.000Z");
  g_autoptr(GDateTime) t1_again = utc ("2024-09-26T06:00:00.000Z");
  g_autoptr(GDateTime) t2 = utc ("2024-09-26T07:00:00.000Z");
  g_autoptr(CrGeometry) g1 = triangle_new ();
  g_autoptr(CrGeometry) g1_again = triangle_new ();
  guint n_name = 0, n_radius = 0, n_from = 0, n_geometry = 0, n_kind = 0, n_archived = 0;
  guint n_event_id = 0, n_id = 0, n_any = 0;

  g_signal_connect (feature, "notify::name", G_CALLBACK (count_cb), &n_name);
  g_signal_connect (feature, "notify::radius-m", G_CALLBACK (count_cb), &n_radius);
  g_signal_connect (feature, "notify::active-from", G_CALLBACK (count_cb), &n_from);
  g_signal_connect (feature, "notify::geometry", G_CALLBACK (count_cb), &n_geometry);
  g_signal_connect (feature, "notify::event-id", G_CALLBACK (count_cb), &n_event_id);
  g_signal_connect (feature, "notify::id", G_CALLBACK (count_cb), &n_id);
  g_signal_connect (event, "notify::kind", G_CALLBACK (count_cb), &n_kind);
  g_signal_connect (event, "notify::archived", G_CALLBACK (count_cb), &n_archived);
  g_signal_connect (event, "notify", G_CALLBACK (count_cb), &n_any);

  cr_feature_set_name (feature, "A");
  g_assert_cmpuint (n_name, ==, 1);
  cr_feature_set_name (feature, "A");
  g_assert_cmpuint (n_name, ==, 1);
  cr_feature_set_name (feature, "B");
  g_assert_cmpuint (n_name, ==, 2);
  cr_feature_set_name (feature, NULL);
  g_assert_cmpuint (n_name, ==, 3);
  cr_feature_set_name (feature, NULL);
  g_assert_cmpuint (n_name, ==, 3);
  g_object_set (feature, "name", "C", NULL);
  g_assert_cmpuint (n_name, ==, 4);
  g_object_set (feature, "name", "C", NULL);
  g_assert_cmpuint (n_name, ==, 4);

  /* NaN to NaN is no change; NaN to a number is one, and is kept. */
  cr_feature_set_radius_m (feature, NAN);
  g_assert_cmpuint (n_radius, ==, 0);
  cr_feature_set_radius_m (feature, 300);
  g_assert_cmpuint (n_radius, ==, 1);
  g_assert_cmpfloat (cr_feature_get_radius_m (feature), ==, 300);
  cr_feature_set_radius_m (feature, 300);
  g_assert_cmpuint (n_radius, ==, 1);
  cr_feature_set_radius_m (feature, 300.25);
  g_assert_cmpuint (n_radius, ==, 2);
  cr_feature_set_radius_m (feature, NAN);
  g_assert_cmpuint (n_radius, ==, 3);
  g_assert_true (isnan (cr_feature_get_radius_m (feature)));
  cr_feature_set_radius_m (feature, 0);
  g_assert_cmpuint (n_radius, ==, 4);
  g_assert_cmpfloat (cr_feature_get_radius_m (feature), ==, 0);

  /* Times compare by instant, geometries by value. */
  cr_feature_set_active_from (feature, t1);
  g_assert_cmpuint (n_from, ==, 1);
  cr_feature_set_active_from (feature, t1_again);
  g_assert_cmpuint (n_from, ==, 1);
  cr_feature_set_active_from (feature, t2);
  g_assert_cmpuint (n_from, ==, 2);
  cr_feature_set_active_from (feature, NULL);
  g_assert_cmpuint (n_from, ==, 3);

  cr_feature_set_geometry (feature, g1);
  g_assert_cmpuint (n_geometry, ==, 1);
  cr_feature_set_geometry (feature, g1_again);
  g_assert_cmpuint (n_geometry, ==, 1);
  cr_feature_set_geometry (feature, NULL);
  g_assert_cmpuint (n_geometry, ==, 2);

  cr_feature_set_event_id (feature, 3);
  cr_feature_set_event_id (feature, 3);
  g_assert_cmpuint (n_event_id, ==, 1);
  cr_record_set_id (CR_RECORD (feature), 8);
  cr_record_set_id (CR_RECORD (feature), 8);
  g_assert_cmpuint (n_id, ==, 1);

  cr_event_set_kind (event, CR_EVENT_KIND_VISIT);
  g_assert_cmpuint (n_kind, ==, 0);
  cr_event_set_kind (event, CR_EVENT_KIND_SUMMIT);
  g_assert_cmpuint (n_kind, ==, 1);
  cr_event_set_archived (event, FALSE);
  g_assert_cmpuint (n_archived, ==, 0);
  cr_event_set_archived (event, TRUE);
  g_assert_cmpuint (n_archived, ==, 1);
  g_object_set (event, "archived", TRUE, NULL);
  g_assert_cmpuint (n_archived, ==, 1);
  /* Nothing else was notified. */
  g_assert_cmpuint (n_any, ==, 2);
}

static void
test_copy_equal (void)
{
  g_autoptr(CrFeature) feature = cr_feature_new ();
  g_autoptr(CrFeature) copy = NULL;
  g_autoptr(CrFeature) other = cr_feature_new ();
  g_autoptr(CrEvent) event = cr_event_new ();
  g_autoptr(GDateTime) from = utc ("2024-09-26T06:00:00.000Z");
  g_autoptr(CrGeometry) geometry = triangle_new ();

  cr_record_set_id (CR_RECORD (feature), 17);
  cr_feature_set_name (feature, "Parcours");
  cr_feature_set_kind (feature, "motorcade");
  cr_feature_set_geometry (feature, geometry);
  cr_feature_set_active_from (feature, from);
  cr_feature_set_center_lon (feature, 4.35);
  cr_feature_set_version (feature, 3);

  copy = cr_record_copy (CR_RECORD (feature));
  g_assert_true (CR_IS_FEATURE (copy));
  g_assert_true (copy != feature);
  g_assert_cmpint (cr_record_get_id (CR_RECORD (copy)), ==, 17);
  g_assert_cmpstr (cr_feature_get_name (copy), ==, "Parcours");
  g_assert_cmpfloat (cr_feature_get_center_lon (copy), ==, 4.35);
  g_assert_true (isnan (cr_feature_get_center_lat (copy)));
  g_assert_true (cr_geometry_equal (cr_feature_get_geometry (copy), geometry));
  g_assert_cmpint (cr_feature_get_version (copy), ==, 3);
  g_assert_true (cr_record_equal (CR_RECORD (feature), CR_RECORD (copy)));
  g_assert_true (cr_record_equal (CR_RECORD (copy), CR_RECORD (feature)));

  /* Independent: changing the copy leaves the original. */
  cr_feature_set_name (copy, "Autre");
  g_assert_cmpstr (cr_feature_get_name (feature), ==, "Parcours");
  g_assert_false (cr_record_equal (CR_RECORD (feature), CR_RECORD (copy)));
  cr_feature_set_name (copy, "Parcours");
  g_assert_true (cr_record_equal (CR_RECORD (feature), CR_RECORD (copy)));
  cr_feature_set_center_lat (copy, 50.8);
  g_assert_true (isnan (cr_feature_get_center_lat (feature)));
  g_assert_false (cr_record_equal (CR_RECORD (feature), CR_RECORD (copy)));
  cr_feature_set_center_lat (copy, NAN);
  g_assert_true (cr_record_equal (CR_RECORD (feature), CR_RECORD (copy)));
  cr_record_set_id (CR_RECORD (copy), 18);
  g_assert_cmpint (cr_record_get_id (CR_RECORD (feature)), ==, 17);
  g_assert_false (cr_record_equal (CR_RECORD (feature), CR_RECORD (copy)));
  cr_record_set_id (CR_RECORD (copy), 17);
  cr_feature_set_active_from (copy, NULL);
  g_assert_nonnull (cr_feature_get_active_from (feature));
  g_assert_false (cr_record_equal (CR_RECORD (feature), CR_RECORD (copy)));

  /* Records of different types are never equal, even both blank. */
  g_assert_false (cr_record_equal (CR_RECORD (other), CR_RECORD (event)));
  {
    g_autoptr(CrFeature) blank = cr_feature_new ();

    g_assert_true (cr_record_equal (CR_RECORD (other), CR_RECORD (blank)));
  }

  /* Copy of a record that never had a value set. */
  {
    g_autoptr(CrEvent) blank_copy = cr_record_copy (CR_RECORD (event));

    g_assert_true (cr_record_equal (CR_RECORD (event), CR_RECORD (blank_copy)));
  }
}

static cJSON *
json_of (gpointer record)
{
  g_autoptr(cJSON) json = cr_record_to_json (CR_RECORD (record));
  g_autofree char *text = cJSON_PrintUnformatted (json);

  /* What the audit log gets must parse back. */
  return cJSON_Parse (text);
}

static void
test_to_json (void)
{
  g_autoptr(CrFeature) feature = cr_feature_new ();
  g_autoptr(CrEvent) event = cr_event_new ();
  g_autoptr(CrContact) contact = cr_contact_new ();
  g_autoptr(GDateTime) from = utc ("2024-09-26T06:00:00.250Z");
  g_autoptr(CrGeometry) geometry = triangle_new ();
  g_autoptr(cJSON) json = NULL;
  cJSON *item, *bbox;

  cr_record_set_id (CR_RECORD (feature), 5);
  cr_feature_set_name (feature, "Zone « rouge »");
  cr_feature_set_partner_id (feature, 12);
  cr_feature_set_geometry (feature, geometry);
  cr_feature_set_active_from (feature, from);
  cr_feature_set_radius_m (feature, 150);
  json = json_of (feature);

  g_assert_cmpfloat (cJSON_GetObjectItem (json, "id")->valuedouble, ==, 5);
  g_assert_cmpstr (cJSON_GetObjectItem (json, "name")->valuestring, ==, "Zone « rouge »");
  /* A reference of 0 is no reference. */
  g_assert_true (cJSON_IsNull (cJSON_GetObjectItem (json, "event_id")));
  g_assert_cmpfloat (cJSON_GetObjectItem (json, "partner_id")->valuedouble, ==, 12);
  g_assert_true (cJSON_IsNull (cJSON_GetObjectItem (json, "kind")));
  g_assert_cmpstr (cJSON_GetObjectItem (json, "active_from")->valuestring, ==, "2024-09-26T06:00:00.250Z");
  g_assert_true (cJSON_IsNull (cJSON_GetObjectItem (json, "active_to")));
  /* NaN is no value. */
  g_assert_true (cJSON_IsNull (cJSON_GetObjectItem (json, "center_lon")));
  g_assert_cmpfloat (cJSON_GetObjectItem (json, "radius_m")->valuedouble, ==, 150);
  g_assert_cmpfloat (cJSON_GetObjectItem (json, "version")->valuedouble, ==, 1);

  /* The geometry is summarised: type, size and extent, not positions. */
  item = cJSON_GetObjectItem (json, "geometry");
  g_assert_true (cJSON_IsObject (item));
  g_assert_cmpstr (cJSON_GetObjectItem (item, "type")->valuestring, ==, "Polygon");
  g_assert_cmpfloat (cJSON_GetObjectItem (item, "positions")->valuedouble, ==, 4);
  bbox = cJSON_GetObjectItem (item, "bbox");
  g_assert_cmpint (cJSON_GetArraySize (bbox), ==, 4);
  g_assert_cmpfloat (cJSON_GetArrayItem (bbox, 0)->valuedouble, ==, 4.35);
  g_assert_cmpfloat (cJSON_GetArrayItem (bbox, 1)->valuedouble, ==, 50.84);
  g_assert_cmpfloat (cJSON_GetArrayItem (bbox, 2)->valuedouble, ==, 4.36);
  g_assert_cmpfloat (cJSON_GetArrayItem (bbox, 3)->valuedouble, ==, 50.85);
  g_assert_null (cJSON_GetObjectItem (item, "coordinates"));

  /* Enums as their nick, booleans as booleans. */
  g_clear_pointer (&json, cJSON_Delete);
  cr_event_set_name (event, "Fête nationale");
  cr_event_set_kind (event, CR_EVENT_KIND_NATIONAL_DAY);
  cr_event_set_archived (event, TRUE);
  json = json_of (event);
  g_assert_cmpstr (cJSON_GetObjectItem (json, "kind")->valuestring, ==, "national-day");
  g_assert_cmpstr (cJSON_GetObjectItem (json, "status")->valuestring, ==, "planning");
  g_assert_true (cJSON_IsTrue (cJSON_GetObjectItem (json, "archived")));
  g_assert_true (cJSON_IsNull (cJSON_GetObjectItem (json, "starts")));
  /* id plus one key per field. */
  g_assert_cmpint (cJSON_GetArraySize (json), ==, 9);

  /* Column names, not property names. */
  g_clear_pointer (&json, cJSON_Delete);
  cr_contact_set_phone_24_7 (contact, "+32 2 000 00 00");
  cr_contact_set_availability (contact, CR_AVAILABILITY_ALWAYS);
  json = json_of (contact);
  g_assert_cmpstr (cJSON_GetObjectItem (json, "phone_24_7")->valuestring, ==, "+32 2 000 00 00");
  g_assert_null (cJSON_GetObjectItem (json, "phone-24-7"));
  g_assert_cmpstr (cJSON_GetObjectItem (json, "availability")->valuestring, ==, "24-7");
  g_assert_true (cJSON_IsNull (cJSON_GetObjectItem (json, "partner_id")));

  /* An empty geometry has no extent. */
  g_clear_pointer (&json, cJSON_Delete);
  {
    g_autoptr(CrGeometry) empty = cr_geometry_new (CR_GEOMETRY_LINESTRING);

    cr_feature_set_geometry (feature, empty);
    json = json_of (feature);
    item = cJSON_GetObjectItem (json, "geometry");
    g_assert_cmpstr (cJSON_GetObjectItem (item, "type")->valuestring, ==, "LineString");
    g_assert_cmpfloat (cJSON_GetObjectItem (item, "positions")->valuedouble, ==, 0);
    g_assert_null (cJSON_GetObjectItem (item, "bbox"));
  }
}

static void
test_enums (void)
{
  int value = -1;

  g_assert_cmpstr (cr_enum_to_nick (CR_TYPE_AVAILABILITY, CR_AVAILABILITY_ALWAYS), ==, "24-7");
  g_assert_cmpstr (cr_enum_to_nick (CR_TYPE_EVENT_KIND, CR_EVENT_KIND_NEW_YEAR), ==, "new-year");
  g_assert_true (cr_enum_from_nick (CR_TYPE_ITEM_STATE, "not-applicable", &value));
  g_assert_cmpint (value, ==, CR_ITEM_STATE_NOT_APPLICABLE);
  value = -1;
  g_assert_false (cr_enum_from_nick (CR_TYPE_ITEM_STATE, "Done", &value));
  g_assert_false (cr_enum_from_nick (CR_TYPE_ITEM_STATE, NULL, &value));
  g_assert_cmpint (value, ==, -1);

  /* Every value of every enum round-trips through its nick. */
  {
    const GType types[] = {
      CR_TYPE_EVENT_KIND, CR_TYPE_EVENT_STATUS, CR_TYPE_KIND_GROUP, CR_TYPE_LINE_STYLE,
      CR_TYPE_PARTNER_TYPE, CR_TYPE_AVAILABILITY, CR_TYPE_DISCIPLINE, CR_TYPE_CELL,
      CR_TYPE_ACTIVATION_LEVEL, CR_TYPE_ITEM_STATE, CR_TYPE_LOG_CATEGORY, CR_TYPE_ALERT_CHANNEL,
      CR_TYPE_ALERT_OUTCOME,
    };

    for (guint i = 0; i < G_N_ELEMENTS (types); i++)
      {
        g_autoptr(GEnumClass) klass = g_type_class_ref (types[i]);

        for (guint k = 0; k < klass->n_values; k++)
          {
            int back = -1;

            g_assert_true (cr_enum_from_nick (types[i], cr_enum_to_nick (types[i], klass->values[k].value), &back));
            g_assert_cmpint (back, ==, klass->values[k].value);
          }
      }
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/record/class", test_class);
  g_test_add_func ("/record/defaults", test_defaults);
  g_test_add_func ("/record/accessors", test_accessors);
  g_test_add_func ("/record/notify", test_notify);
  g_test_add_func ("/record/copy-equal", test_copy_equal);
  g_test_add_func ("/record/to-json", test_to_json);
  g_test_add_func ("/record/enums", test_enums);

  return g_test_run ();
}
