/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-demo"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "cr-alert-campaign.h"
#include "cr-alert-test.h"
#include "cr-audit-entry.h"
#include "cr-checklist-template-item.h"
#include "cr-checklist-template.h"
#include "cr-contact.h"
#include "cr-demo.h"
#include "cr-enum-types.h"
#include "cr-partner.h"
#include "cr-role.h"
#include "cr-spoc-assignment.h"
#include "cr-store-alerts.h"
#include "cr-test-utils.h"
#include "cr-time.h"
#include "cr-waypoint.h"

#define DEMO_DIR RESOURCE_PREFIX "/demo/"
/* data/demo/README.md describes the same numbers. */
#define N_FEATURES 44
#define N_POLICE_ZONES 6
#define VALIDATE_GPKG "/usr/lib/python3/dist-packages/osgeo_utils/samples/validate_gpkg.py"

#define BASILICA_RED "Zone rouge Basilique / Rode zone Basiliek"
#define BASILICA_ORANGE "Zone orange Basilique / Oranje zone Basiliek"
#define BASILICA_YELLOW "Zone jaune Basilique / Gele zone Basiliek"
#define STADIUM_RED "Zone rouge Stade Roi Baudouin / Rode zone Koning Boudewijnstadion"
#define STADIUM_ORANGE "Zone orange Stade Roi Baudouin / Oranje zone Koning Boudewijnstadion"
#define STADIUM_YELLOW "Zone jaune Heysel / Gele zone Heizel"
#define PALACE_RED "Zone rouge Palais royal / Rode zone Koninklijk Paleis"
#define LAEKEN_RED "Zone rouge Château de Laeken / Rode zone Kasteel van Laken"
#define BASILICA_DRONES "Interdiction de drones Basilique (1 500 m) / Droneverbod Basiliek (1 500 m)"
#define MOTORCADE "Cortège papal samedi / Pauselijk konvooi zaterdag"

typedef struct
{
  gint64 events;
  gint64 features;
  gint64 waypoints;
  gint64 partners;
  gint64 contacts;
  gint64 spocs;
  gint64 roles;
  gint64 templates;
  gint64 items;
  gint64 audit;
  gint64 activations;
  gint64 log_entries;
  gint64 alert_campaigns;
  gint64 alert_tests;
} Counts;

static GBytes *
demo_resource (const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_strconcat (DEMO_DIR, name, NULL);
  GBytes *bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);

  g_assert_no_error (error);
  return bytes;
}

static cJSON *
demo_resource_json (const char *name)
{
  g_autoptr(GBytes) bytes = demo_resource (name);
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);
  cJSON *json = cJSON_ParseWithLength (data, size);

  g_assert_nonnull (json);
  return json;
}

static GBytes *
json_bytes (cJSON *json)
{
  char *text = cJSON_PrintUnformatted (json);

  return g_bytes_new_with_free_func (text, strlen (text), cJSON_free, text);
}

/* Sets @key of @object, whether it was there or not. */
static void
set_item (cJSON      *object,
          const char *key,
          cJSON      *item)
{
  if (cJSON_GetObjectItemCaseSensitive (object, key) != NULL)
    cJSON_ReplaceItemInObjectCaseSensitive (object, key, item);
  else
    cJSON_AddItemToObject (object, key, item);
}

static gint64
count (CrStore *store,
       GType    type)
{
  g_autoptr(GError) error = NULL;
  gint64 n = cr_store_count (store, type, NULL, 0, &error);

  g_assert_no_error (error);
  return n;
}

static Counts
count_all (CrStore *store)
{
  Counts c = {
    count (store, CR_TYPE_EVENT),
    count (store, CR_TYPE_FEATURE),
    count (store, CR_TYPE_WAYPOINT),
    count (store, CR_TYPE_PARTNER),
    count (store, CR_TYPE_CONTACT),
    count (store, CR_TYPE_SPOC_ASSIGNMENT),
    count (store, CR_TYPE_ROLE),
    count (store, CR_TYPE_CHECKLIST_TEMPLATE),
    count (store, CR_TYPE_CHECKLIST_TEMPLATE_ITEM),
    count (store, CR_TYPE_AUDIT_ENTRY),
    count (store, CR_TYPE_ACTIVATION),
    count (store, CR_TYPE_LOG_ENTRY),
    count (store, CR_TYPE_ALERT_CAMPAIGN),
    count (store, CR_TYPE_ALERT_TEST),
  };
  return c;
}

static void
assert_counts_equal (const Counts *a,
                     const Counts *b)
{
  g_assert_cmpint (a->events, ==, b->events);
  g_assert_cmpint (a->features, ==, b->features);
  g_assert_cmpint (a->waypoints, ==, b->waypoints);
  g_assert_cmpint (a->partners, ==, b->partners);
  g_assert_cmpint (a->contacts, ==, b->contacts);
  g_assert_cmpint (a->spocs, ==, b->spocs);
  g_assert_cmpint (a->roles, ==, b->roles);
  g_assert_cmpint (a->templates, ==, b->templates);
  g_assert_cmpint (a->items, ==, b->items);
  g_assert_cmpint (a->audit, ==, b->audit);
  g_assert_cmpint (a->activations, ==, b->activations);
  g_assert_cmpint (a->log_entries, ==, b->log_entries);
  g_assert_cmpint (a->alert_campaigns, ==, b->alert_campaigns);
  g_assert_cmpint (a->alert_tests, ==, b->alert_tests);
}

static GListModel *
list (CrStore    *store,
      GType       type,
      const char *column,
      gint64      value)
{
  g_autoptr(GError) error = NULL;
  GListModel *model = cr_store_list (store, type, column, value, &error);

  g_assert_no_error (error);
  g_assert_nonnull (model);
  return model;
}

static CrStore *
open_with_demo (void)
{
  g_autoptr(GError) error = NULL;
  CrStore *store = cr_test_open_store ();
  gboolean loaded = FALSE;

  g_assert_false (cr_demo_is_loaded (store));
  g_assert_true (cr_demo_load (store, &loaded, &error));
  g_assert_no_error (error);
  g_assert_true (loaded);
  g_assert_true (cr_demo_is_loaded (store));
  return store;
}

static CrEvent *
demo_event (CrStore *store)
{
  g_autoptr(GError) error = NULL;
  CrEvent *event = cr_store_find_event (store, CR_DEMO_EVENT_NAME, &error);

  g_assert_no_error (error);
  g_assert_nonnull (event);
  return event;
}

static GListModel *
demo_features (CrStore *store)
{
  g_autoptr(CrEvent) event = demo_event (store);
  g_autoptr(GError) error = NULL;
  GListModel *features = cr_store_list_features (store, cr_record_get_id (CR_RECORD (event)), &error);

  g_assert_no_error (error);
  return features;
}

static CrFeature *
find_feature (GListModel *features,
              const char *name)
{
  for (guint i = 0; i < g_list_model_get_n_items (features); i++)
    {
      g_autoptr(CrFeature) feature = g_list_model_get_item (features, i);

      if (g_strcmp0 (cr_feature_get_name (feature), name) == 0)
        return g_steal_pointer (&feature);
    }
  g_error ("No feature “%s” in the demo", name);
}

static CrPartner *
find_partner_containing (CrStore    *store,
                         const char *part)
{
  g_autoptr(GListModel) partners = list (store, CR_TYPE_PARTNER, NULL, 0);

  for (guint i = 0; i < g_list_model_get_n_items (partners); i++)
    {
      g_autoptr(CrPartner) partner = g_list_model_get_item (partners, i);

      if (strstr (cr_partner_get_name (partner), part) != NULL)
        return g_steal_pointer (&partner);
    }
  g_error ("No partner with “%s” in its name", part);
}

static char *
storage (GDateTime *dt)
{
  g_assert_nonnull (dt);
  return cr_time_to_storage (dt);
}

static void
assert_ring_inside (CrFeature  *inner,
                    CrFeature  *outer)
{
  CrGeometry *a = cr_feature_get_geometry (inner);
  CrGeometry *b = cr_feature_get_geometry (outer);
  CrGeometry *ring;

  g_assert_nonnull (a);
  g_assert_nonnull (b);
  g_assert_cmpint (a->type, ==, CR_GEOMETRY_POLYGON);
  ring = a->parts[0];
  for (guint i = 0; i < ring->n_coords; i++)
    g_assert_true (cr_geometry_contains_point (b, ring->coords[2 * i], ring->coords[2 * i + 1]));
}

static void
assert_site_in (GListModel *features,
                const char *zone,
                double      lon,
                double      lat)
{
  g_autoptr(CrFeature) feature = find_feature (features, zone);

  g_assert_cmpstr (cr_feature_get_kind (feature), ==, "red_zone");
  g_assert_true (cr_geometry_contains_point (cr_feature_get_geometry (feature), lon, lat));
}

static void
test_demo_event (void)
{
  g_autoptr(CrStore) store = open_with_demo ();
  g_autoptr(CrEvent) event = demo_event (store);
  g_autofree char *starts = storage (cr_event_get_starts (event));
  g_autofree char *ends = storage (cr_event_get_ends (event));

  g_assert_cmpstr (cr_event_get_name (event), ==, CR_DEMO_EVENT_NAME);
  g_assert_cmpint (cr_event_get_kind (event), ==, CR_EVENT_KIND_VISIT);
  g_assert_cmpint (cr_event_get_status (event), ==, CR_EVENT_STATUS_READY);
  /* 06:00 and 22:00 in Brussels summer time. */
  g_assert_cmpstr (starts, ==, "2024-09-26T04:00:00.000Z");
  g_assert_cmpstr (ends, ==, "2024-09-29T20:00:00.000Z");
  g_assert_nonnull (cr_event_get_description (event));
  g_assert_cmpint (count (store, CR_TYPE_EVENT), ==, 1);
}

static void
test_demo_features (void)
{
  g_autoptr(CrStore) store = open_with_demo ();
  g_autoptr(CrEvent) event = demo_event (store);
  g_autoptr(GListModel) features = demo_features (store);
  g_autoptr(cJSON) geojson = demo_resource_json ("papal-visit-2024.geojson");
  g_autoptr(GDateTime) event_starts = g_date_time_ref (cr_event_get_starts (event));
  g_autoptr(GDateTime) event_ends = g_date_time_ref (cr_event_get_ends (event));
  g_autoptr(GHashTable) kinds_used = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  cJSON *items, *item;

  g_assert_cmpuint (g_list_model_get_n_items (features), ==, N_FEATURES);
  g_assert_cmpint (count (store, CR_TYPE_FEATURE), ==, N_FEATURES);
  items = cJSON_GetObjectItemCaseSensitive (geojson, "features");
  g_assert_cmpint (cJSON_GetArraySize (items), ==, N_FEATURES);

  for (guint i = 0; i < g_list_model_get_n_items (features); i++)
    {
      g_autoptr(CrFeature) feature = g_list_model_get_item (features, i);
      g_autoptr(GError) error = NULL;
      g_autoptr(CrFeatureKind) kind = NULL;
      CrGeometry *geometry = cr_feature_get_geometry (feature);
      GDateTime *from = cr_feature_get_active_from (feature);
      GDateTime *to = cr_feature_get_active_to (feature);

      /* Every kind is one the store seeds, and fits the geometry. */
      kind = cr_store_find_feature_kind (store, cr_feature_get_kind (feature), &error);
      g_assert_no_error (error);
      g_assert_nonnull (kind);
      g_assert_true (cr_feature_kind_get_builtin (kind));
      g_hash_table_add (kinds_used, g_strdup (cr_feature_kind_get_code (kind)));
      g_assert_nonnull (geometry);
      switch (cr_feature_kind_get_group (kind))
        {
        case CR_KIND_GROUP_PERIMETER:
          g_assert_cmpint (geometry->type, ==, CR_GEOMETRY_POLYGON);
          g_assert_cmpfloat (cr_ring_signed_area (geometry->parts[0]->coords,
                                                  geometry->parts[0]->n_coords), >, 0);
          break;
        case CR_KIND_GROUP_ITINERARY:
          g_assert_cmpint (geometry->type, ==, CR_GEOMETRY_LINESTRING);
          break;
        case CR_KIND_GROUP_POINT:
        default:
          g_assert_cmpint (geometry->type, ==, CR_GEOMETRY_POINT);
          break;
        }

      /* Time-phased inside the event. */
      g_assert_nonnull (from);
      g_assert_nonnull (to);
      g_assert_cmpint (g_date_time_compare (from, to), <, 0);
      g_assert_cmpint (g_date_time_compare (event_starts, from), <=, 0);
      g_assert_cmpint (g_date_time_compare (to, event_ends), <=, 0);
    }
  /* Something of every perimeter and point kind but the generic ones. */
  g_assert_cmpuint (g_hash_table_size (kinds_used), >=, 17);
  g_assert_false (g_hash_table_contains (kinds_used, "area"));
  g_assert_false (g_hash_table_contains (kinds_used, "point"));

  /* The "partner" property resolved to the partner of that name. */
  cJSON_ArrayForEach (item, items)
    {
      cJSON *props = cJSON_GetObjectItemCaseSensitive (item, "properties");
      cJSON *name = cJSON_GetObjectItemCaseSensitive (props, "name");
      cJSON *partner_name = cJSON_GetObjectItemCaseSensitive (props, "partner");
      g_autoptr(CrFeature) feature = find_feature (features, name->valuestring);

      if (partner_name == NULL)
        g_assert_cmpint (cr_feature_get_partner_id (feature), ==, 0);
      else
        {
          g_autoptr(GError) error = NULL;
          g_autoptr(CrPartner) partner =
            cr_store_get (store, CR_TYPE_PARTNER, cr_feature_get_partner_id (feature), &error);

          g_assert_no_error (error);
          g_assert_cmpstr (cr_partner_get_name (partner), ==, partner_name->valuestring);
        }
    }
}

static void
test_demo_sites (void)
{
  g_autoptr(CrStore) store = open_with_demo ();
  g_autoptr(GListModel) features = demo_features (store);
  const char *nested[][3] = {
    { BASILICA_RED, BASILICA_ORANGE, BASILICA_YELLOW },
    { STADIUM_RED, STADIUM_ORANGE, STADIUM_YELLOW },
  };

  assert_site_in (features, BASILICA_RED, 4.3173, 50.8668);
  assert_site_in (features, STADIUM_RED, 4.3286, 50.8959);
  assert_site_in (features, PALACE_RED, 4.3621, 50.8417);
  assert_site_in (features, LAEKEN_RED, 4.3581, 50.8833);

  /* The sites are far apart: each red zone holds only its own site. */
  {
    g_autoptr(CrFeature) red = find_feature (features, BASILICA_RED);

    g_assert_false (cr_geometry_contains_point (cr_feature_get_geometry (red), 4.3286, 50.8959));
    g_assert_false (cr_geometry_contains_point (cr_feature_get_geometry (red), 4.3621, 50.8417));
  }

  for (guint i = 0; i < G_N_ELEMENTS (nested); i++)
    {
      g_autoptr(CrFeature) red = find_feature (features, nested[i][0]);
      g_autoptr(CrFeature) orange = find_feature (features, nested[i][1]);
      g_autoptr(CrFeature) yellow = find_feature (features, nested[i][2]);

      g_assert_cmpstr (cr_feature_get_kind (orange), ==, "orange_zone");
      g_assert_cmpstr (cr_feature_get_kind (yellow), ==, "yellow_zone");
      assert_ring_inside (red, orange);
      assert_ring_inside (orange, yellow);
    }
}

static void
test_demo_drone_ban (void)
{
  g_autoptr(CrStore) store = open_with_demo ();
  g_autoptr(GListModel) features = demo_features (store);
  g_autoptr(CrFeature) basilica = find_feature (features, BASILICA_DRONES);
  CrGeometry *ring;
  guint n_circles = 0;

  g_assert_cmpstr (cr_feature_get_kind (basilica), ==, "drone_ban_zone");
  g_assert_cmpfloat_with_epsilon (cr_feature_get_center_lon (basilica), 4.3173, 1e-9);
  g_assert_cmpfloat_with_epsilon (cr_feature_get_center_lat (basilica), 50.8668, 1e-9);
  g_assert_cmpfloat_with_epsilon (cr_feature_get_radius_m (basilica), 1500, 1e-9);

  /* The polygon is that circle: 64 segments, every vertex 1 500 m away. */
  ring = cr_feature_get_geometry (basilica)->parts[0];
  g_assert_cmpuint (ring->n_coords, ==, 65);
  for (guint i = 0; i < ring->n_coords; i++)
    g_assert_cmpfloat_with_epsilon (cr_geodesic_distance_m (4.3173, 50.8668, ring->coords[2 * i],
                                                            ring->coords[2 * i + 1]),
                                    1500, 0.5);
  g_assert_true (cr_geometry_contains_point (cr_feature_get_geometry (basilica), 4.3173, 50.8668));

  /* Every drone-ban zone of the demo is a circle with its centre inside. */
  for (guint i = 0; i < g_list_model_get_n_items (features); i++)
    {
      g_autoptr(CrFeature) feature = g_list_model_get_item (features, i);

      if (g_strcmp0 (cr_feature_get_kind (feature), "drone_ban_zone") != 0)
        continue;
      n_circles++;
      g_assert_false (isnan (cr_feature_get_radius_m (feature)));
      g_assert_cmpfloat (cr_feature_get_radius_m (feature), >, 0);
      g_assert_true (cr_geometry_contains_point (cr_feature_get_geometry (feature),
                                                 cr_feature_get_center_lon (feature),
                                                 cr_feature_get_center_lat (feature)));
    }
  g_assert_cmpuint (n_circles, >=, 2);
}

static void
test_demo_motorcade (void)
{
  g_autoptr(CrStore) store = open_with_demo ();
  g_autoptr(GListModel) features = demo_features (store);
  g_autoptr(CrFeature) motorcade = find_feature (features, MOTORCADE);
  g_autoptr(GListModel) waypoints = NULL;
  g_autoptr(GDateTime) previous = NULL;
  CrGeometry *line = cr_feature_get_geometry (motorcade);
  guint n;

  g_assert_cmpstr (cr_feature_get_kind (motorcade), ==, "motorcade");
  waypoints = list (store, CR_TYPE_WAYPOINT, "feature_id", cr_record_get_id (CR_RECORD (motorcade)));
  n = g_list_model_get_n_items (waypoints);
  g_assert_cmpuint (n, >=, 5);
  g_assert_cmpuint (n, <=, 8);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CrWaypoint) waypoint = g_list_model_get_item (waypoints, i);
      GDateTime *planned = cr_waypoint_get_planned_at (waypoint);
      gboolean on_line = FALSE;

      g_assert_cmpint (cr_waypoint_get_position (waypoint), ==, (int) i);
      g_assert_nonnull (cr_waypoint_get_name (waypoint));
      g_assert_nonnull (planned);
      if (previous != NULL)
        g_assert_cmpint (g_date_time_compare (previous, planned), <, 0);
      g_clear_pointer (&previous, g_date_time_unref);
      previous = g_date_time_ref (planned);

      /* Each waypoint is a vertex of the route. */
      for (guint k = 0; k < line->n_coords && !on_line; k++)
        on_line = cr_geodesic_distance_m (cr_waypoint_get_lon (waypoint), cr_waypoint_get_lat (waypoint),
                                          line->coords[2 * k], line->coords[2 * k + 1]) < 1;
      g_assert_true (on_line);
    }

  /* Royal Palace first, the stadium last, passing by Laeken and the
   * Basilica, whose red zones hold those stops. */
  {
    g_autoptr(CrWaypoint) first = g_list_model_get_item (waypoints, 0);
    g_autoptr(CrWaypoint) last = g_list_model_get_item (waypoints, n - 1);
    g_autoptr(CrFeature) palace = find_feature (features, PALACE_RED);
    g_autoptr(CrFeature) stadium = find_feature (features, STADIUM_RED);

    g_assert_true (cr_geometry_contains_point (cr_feature_get_geometry (palace),
                                               cr_waypoint_get_lon (first), cr_waypoint_get_lat (first)));
    g_assert_true (cr_geometry_contains_point (cr_feature_get_geometry (stadium),
                                               cr_waypoint_get_lon (last), cr_waypoint_get_lat (last)));
  }
  {
    g_autoptr(CrFeature) laeken = find_feature (features, LAEKEN_RED);
    g_autoptr(CrFeature) basilica = find_feature (features, BASILICA_RED);
    gboolean at_laeken = FALSE, at_basilica = FALSE;

    for (guint i = 0; i < n; i++)
      {
        g_autoptr(CrWaypoint) waypoint = g_list_model_get_item (waypoints, i);
        double lon = cr_waypoint_get_lon (waypoint), lat = cr_waypoint_get_lat (waypoint);

        at_laeken |= cr_geometry_contains_point (cr_feature_get_geometry (laeken), lon, lat);
        at_basilica |= cr_geometry_contains_point (cr_feature_get_geometry (basilica), lon, lat);
      }
    g_assert_true (at_laeken);
    g_assert_true (at_basilica);
  }
}

static gboolean
phone_is_fictitious (const char *phone)
{
  g_autoptr(GString) digits = g_string_new (NULL);

  for (const char *p = phone; *p != '\0'; p++)
    if (g_ascii_isdigit (*p))
      g_string_append_c (digits, *p);
  if (!g_str_has_prefix (phone, "+32 "))
    return FALSE;
  /* +32 2 000 …: no Brussels subscriber number starts with 0. */
  if (g_str_has_prefix (digits->str, "322000"))
    return TRUE;
  /* +32 4 0xx …: no Liège subscriber number starts with 0 either. The
   * demo's "mobiles" use it because every real 04xx mobile block is
   * assigned to an operator. */
  return g_str_has_prefix (digits->str, "3240");
}

static gboolean
phone_is_well_formed (const char *phone)
{
  return g_regex_match_simple ("^\\+32 2 000 \\d\\d \\d\\d$", phone, 0, 0) ||
         g_regex_match_simple ("^\\+32 4 0\\d\\d \\d\\d \\d\\d$", phone, 0, 0);
}

static void
test_demo_partners (void)
{
  g_autoptr(CrStore) store = open_with_demo ();
  g_autoptr(GListModel) partners = list (store, CR_TYPE_PARTNER, NULL, 0);
  g_autoptr(GListModel) contacts = list (store, CR_TYPE_CONTACT, NULL, 0);
  g_autoptr(GDateTime) now = cr_time_now_utc ();
  const char *zones[] = { "(5339)", "(5340)", "(5341)", "(5342)", "(5343)", "(5344)" };
  guint n_police = 0, n_single_spoc = 0, n_bad_phones = 0, n_bad_emails = 0;
  guint n_stale = 0, n_fresh = 0, n_unverified = 0, n_without_24_7 = 0;

  g_assert_cmpuint (g_list_model_get_n_items (partners), >=, 15);
  for (guint i = 0; i < G_N_ELEMENTS (zones); i++)
    {
      g_autoptr(CrPartner) zone = find_partner_containing (store, zones[i]);

      g_assert_cmpint (cr_partner_get_partner_type (zone), ==, CR_PARTNER_TYPE_POLICE_ZONE);
      g_assert_cmpstr (cr_partner_get_languages (zone), ==, "fr,nl");
    }

  for (guint i = 0; i < g_list_model_get_n_items (partners); i++)
    {
      g_autoptr(CrPartner) partner = g_list_model_get_item (partners, i);
      gint64 id = cr_record_get_id (CR_RECORD (partner));
      g_autoptr(GListModel) spocs = list (store, CR_TYPE_SPOC_ASSIGNMENT, "partner_id", id);
      g_autoptr(GListModel) own = list (store, CR_TYPE_CONTACT, "partner_id", id);
      gboolean any_24_7 = FALSE;
      guint n_spocs = g_list_model_get_n_items (spocs);

      if (cr_partner_get_partner_type (partner) == CR_PARTNER_TYPE_POLICE_ZONE)
        n_police++;
      g_assert_cmpuint (g_list_model_get_n_items (own), >=, 2);
      g_assert_cmpuint (g_list_model_get_n_items (own), <=, 4);

      /* A SPOC at rank 0, then deputies 1, 2…, all of this partner. */
      g_assert_cmpuint (n_spocs, >=, 1);
      if (n_spocs == 1)
        n_single_spoc++;
      for (guint k = 0; k < n_spocs; k++)
        {
          g_autoptr(CrSpocAssignment) spoc = g_list_model_get_item (spocs, k);
          g_autoptr(GError) error = NULL;
          g_autoptr(CrContact) contact =
            cr_store_get (store, CR_TYPE_CONTACT, cr_spoc_assignment_get_contact_id (spoc), &error);

          g_assert_no_error (error);
          g_assert_cmpint (cr_spoc_assignment_get_rank (spoc), ==, (int) k);
          g_assert_cmpint (cr_contact_get_partner_id (contact), ==, id);
        }
      for (guint k = 0; k < g_list_model_get_n_items (own); k++)
        {
          g_autoptr(CrContact) contact = g_list_model_get_item (own, k);

          any_24_7 |= cr_contact_get_phone_24_7 (contact) != NULL;
        }
      if (!any_24_7)
        n_without_24_7++;
    }
  g_assert_cmpuint (n_police, ==, N_POLICE_ZONES);

  /* No real personal data: every number is in a fictitious block, every
   * address at the reserved .example domain. */
  for (guint i = 0; i < g_list_model_get_n_items (contacts); i++)
    {
      g_autoptr(CrContact) contact = g_list_model_get_item (contacts, i);
      const char *phones[] = {
        cr_contact_get_phone_mobile (contact),
        cr_contact_get_phone_office (contact),
        cr_contact_get_phone_24_7 (contact),
      };
      const char *email = cr_contact_get_email (contact);
      GDateTime *verified = cr_contact_get_verified_at (contact);

      g_assert_cmpint (cr_contact_get_partner_id (contact), >, 0);
      g_assert_nonnull (cr_contact_get_name (contact));
      g_assert_nonnull (email);
      g_assert_true (g_str_has_suffix (email, ".example"));
      if (!g_regex_match_simple ("^[a-z0-9._-]+@[a-z0-9.-]+\\.example$", email, 0, 0))
        n_bad_emails++;
      for (guint k = 0; k < G_N_ELEMENTS (phones); k++)
        {
          if (phones[k] == NULL)
            continue;
          if (!phone_is_fictitious (phones[k]))
            g_error ("%s has a phone number outside the fictitious blocks: %s",
                     cr_contact_get_name (contact), phones[k]);
          if (!phone_is_well_formed (phones[k]))
            n_bad_phones++;
        }
      g_assert_nonnull (cr_contact_get_language (contact));

      if (verified == NULL)
        n_unverified++;
      else if (g_date_time_difference (now, verified) > 180 * G_TIME_SPAN_DAY)
        n_stale++;
      else
        n_fresh++;
    }
  /* The flaws on purpose of data/demo/README.md, and no others. */
  g_assert_cmpuint (n_bad_phones, ==, 2);
  g_assert_cmpuint (n_bad_emails, ==, 2);
  g_assert_cmpuint (n_single_spoc, >=, 1);
  g_assert_cmpuint (n_without_24_7, >=, 1);
  g_assert_cmpuint (n_unverified, >=, 1);
  g_assert_cmpuint (n_stale, >=, 5);
  g_assert_cmpuint (n_fresh, >, n_stale);
}

static void
test_demo_roles (void)
{
  g_autoptr(CrStore) store = open_with_demo ();
  g_autoptr(CrEvent) event = demo_event (store);
  gint64 event_id = cr_record_get_id (CR_RECORD (event));
  g_autoptr(GListModel) roles = list (store, CR_TYPE_ROLE, "event_id", event_id);
  gboolean disciplines[CR_DISCIPLINE_OTHER + 1] = { FALSE };
  guint n_sectors = 0, n_contacts = 0;

  g_assert_cmpuint (g_list_model_get_n_items (roles), >=, 10);
  for (guint i = 0; i < g_list_model_get_n_items (roles); i++)
    {
      g_autoptr(CrRole) role = g_list_model_get_item (roles, i);
      g_autoptr(GError) error = NULL;
      g_autoptr(CrPartner) partner = cr_store_get (store, CR_TYPE_PARTNER,
                                                   cr_role_get_partner_id (role), &error);

      g_assert_no_error (error);
      g_assert_nonnull (cr_role_get_responsibility (role));
      disciplines[cr_role_get_discipline (role)] = TRUE;
      if (cr_role_get_sector_id (role) != 0)
        {
          g_autoptr(CrFeature) sector = cr_store_get (store, CR_TYPE_FEATURE,
                                                      cr_role_get_sector_id (role), &error);

          g_assert_no_error (error);
          g_assert_cmpint (cr_feature_get_event_id (sector), ==, event_id);
          n_sectors++;
        }
      if (cr_role_get_contact_id (role) != 0)
        {
          g_autoptr(CrContact) contact = cr_store_get (store, CR_TYPE_CONTACT,
                                                       cr_role_get_contact_id (role), &error);

          g_assert_no_error (error);
          g_assert_cmpint (cr_contact_get_partner_id (contact), ==,
                           cr_record_get_id (CR_RECORD (partner)));
          n_contacts++;
        }
    }
  for (guint d = CR_DISCIPLINE_D1; d <= CR_DISCIPLINE_D5; d++)
    g_assert_true (disciplines[d]);
  g_assert_cmpuint (n_sectors, >=, 10);
  g_assert_cmpuint (n_contacts, ==, g_list_model_get_n_items (roles));
}

static void
test_demo_template (void)
{
  g_autoptr(CrStore) store = open_with_demo ();
  g_autoptr(GListModel) templates = list (store, CR_TYPE_CHECKLIST_TEMPLATE, NULL, 0);
  g_autoptr(CrChecklistTemplate) template = NULL;
  g_autoptr(GListModel) items = NULL;
  gboolean cells[CR_CELL_LEGAL + 1] = { FALSE };
  gboolean drone_order = FALSE, regional_bodies = FALSE, named_partner = FALSE;
  int previous_due = G_MININT;
  guint n_mandatory = 0;

  g_assert_cmpuint (g_list_model_get_n_items (templates), ==, 1);
  template = g_list_model_get_item (templates, 0);
  g_assert_cmpstr (cr_checklist_template_get_event_kind (template), ==, "visit");
  items = list (store, CR_TYPE_CHECKLIST_TEMPLATE_ITEM, "template_id",
                cr_record_get_id (CR_RECORD (template)));
  g_assert_cmpuint (g_list_model_get_n_items (items), >=, 12);

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(CrChecklistTemplateItem) item = g_list_model_get_item (items, i);
      const char *partner_type = cr_checklist_template_item_get_partner_type (item);
      int value;

      g_assert_cmpint (cr_checklist_template_item_get_position (item), ==, (int) i);
      g_assert_nonnull (cr_checklist_template_item_get_text (item));
      g_assert_nonnull (cr_checklist_template_item_get_responsible (item));
      cells[cr_checklist_template_item_get_cell (item)] = TRUE;
      /* Listed in the order they fall due. */
      g_assert_cmpint (cr_checklist_template_item_get_due_offset_min (item), >=, previous_due);
      previous_due = cr_checklist_template_item_get_due_offset_min (item);
      if (cr_checklist_template_item_get_mandatory (item))
        n_mandatory++;
      if (partner_type != NULL)
        g_assert_true (cr_enum_from_nick (CR_TYPE_PARTNER_TYPE, partner_type, &value));
      regional_bodies |= g_strcmp0 (partner_type, "regional-body") == 0;
      drone_order |= cr_checklist_template_item_get_cell (item) == CR_CELL_LEGAL &&
                     strstr (cr_checklist_template_item_get_text (item), "drones") != NULL;
      if (cr_checklist_template_item_get_partner_id (item) != 0)
        {
          g_autoptr(GError) error = NULL;
          g_autoptr(CrPartner) partner = cr_store_get (store, CR_TYPE_PARTNER,
                                                       cr_checklist_template_item_get_partner_id (item),
                                                       &error);

          g_assert_no_error (error);
          named_partner = TRUE;
        }
    }
  for (guint c = 0; c < G_N_ELEMENTS (cells); c++)
    g_assert_true (cells[c]);
  g_assert_true (drone_order);
  g_assert_true (regional_bodies);
  g_assert_true (named_partner);
  g_assert_cmpuint (n_mandatory, >, 0);
  g_assert_cmpuint (n_mandatory, <, g_list_model_get_n_items (items));
}

/* The activation in progress: two shifts, ticks by two operators at
 * different times, a handover, logbook entries with a correction, all
 * sealed in the hash chain. */
static void
test_demo_activation (void)
{
  g_autoptr(CrStore) store = open_with_demo ();
  g_autoptr(CrEvent) event = demo_event (store);
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) activations = list (store, CR_TYPE_ACTIVATION, "event_id",
                                            cr_record_get_id (CR_RECORD (event)));
  g_autoptr(CrActivation) activation = NULL;
  g_autoptr(GListModel) items = NULL;
  g_autoptr(GListModel) ticks = NULL;
  g_autoptr(GListModel) entries = NULL;
  g_autoptr(GListModel) overdue = NULL;
  g_autoptr(GHashTable) operators = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) authors = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GDateTime) now = cr_time_now_utc ();
  CrLogFilter filter = { 0 };
  GDateTime *first = NULL, *last = NULL;
  guint n_unticks = 0, n_corrections = 0, n_partner_links = 0;
  guint n_ok = 0;
  gint64 id;

  g_assert_cmpuint (g_list_model_get_n_items (activations), ==, 1);
  activation = g_list_model_get_item (activations, 0);
  id = cr_record_get_id (CR_RECORD (activation));
  g_assert_false (cr_activation_is_closed (activation));
  g_assert_cmpint (cr_activation_get_level (activation), ==, CR_ACTIVATION_LEVEL_FULL);
  g_assert_cmpuint (cr_activation_get_cell_mask (activation), ==, CR_CELL_MASK_ALL);
  g_assert_true (g_str_has_prefix (cr_activation_get_name (activation), "KOEKELBERG – "));
  g_assert_cmpstr (cr_activation_get_opened_by (activation), ==, "Sophie Specimen");
  g_assert_cmpint (g_date_time_compare (cr_activation_get_opened_at (activation), now), <, 0);

  /* The whole template, instantiated. */
  items = list (store, CR_TYPE_ACTIVATION_ITEM, "activation_id", id);
  g_assert_cmpint (g_list_model_get_n_items (items), ==, count (store, CR_TYPE_CHECKLIST_TEMPLATE_ITEM));

  /* Ticks across two shifts, by two operators, hours apart; nothing in
   * the future. */
  ticks = cr_store_list_item_ticks (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (ticks), >=, 10);
  for (guint i = 0; i < g_list_model_get_n_items (ticks); i++)
    {
      g_autoptr(CrItemTick) tick = g_list_model_get_item (ticks, i);
      GDateTime *at = cr_item_tick_get_at (tick);

      g_hash_table_add (operators, (gpointer) g_intern_string (cr_item_tick_get_operator (tick)));
      g_assert_cmpint (g_date_time_compare (at, now), <=, 0);
      if (first == NULL || g_date_time_compare (at, first) < 0)
        first = at;
      if (last == NULL || g_date_time_compare (at, last) > 0)
        last = at;
      if (cr_item_tick_get_state (tick) == CR_ITEM_STATE_OPEN)
        {
          g_assert_nonnull (cr_item_tick_get_note (tick));
          n_unticks++;
        }
    }
  g_assert_cmpuint (g_hash_table_size (operators), ==, 2);
  g_assert_true (g_hash_table_contains (operators, "Sophie Specimen"));
  g_assert_true (g_hash_table_contains (operators, "Thomas Testeur"));
  g_assert_cmpint (g_date_time_difference (last, first), >=, 6 * G_TIME_SPAN_HOUR);
  g_assert_cmpuint (n_unticks, ==, 1);

  /* In progress: some items done, some still open, some overdue now. */
  overdue = cr_store_list_overdue_items (store, id, now, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (overdue), >, 0);
  g_assert_cmpuint (g_list_model_get_n_items (overdue), <, g_list_model_get_n_items (items) / 2);

  /* The logbook: at least five entries, a correction, two authors, a
   * handover, and an intact chain. */
  filter.activation_id = id;
  entries = cr_store_list_log_entries (store, &filter, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (entries), >=, 5);
  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr(CrLogEntry) entry = g_list_model_get_item (entries, i);

      g_hash_table_add (authors, (gpointer) g_intern_string (cr_log_entry_get_author (entry)));
      g_assert_nonnull (cr_log_entry_get_hash (entry));
      if (cr_log_entry_get_corrects_id (entry) > 0)
        {
          g_autoptr(CrLogEntry) corrected = cr_store_get (store, CR_TYPE_LOG_ENTRY,
                                                          cr_log_entry_get_corrects_id (entry), &error);

          g_assert_no_error (error);
          g_assert_cmpint (cr_store_find_log_correction (store, cr_log_entry_get_corrects_id (entry), NULL),
                           ==, cr_record_get_id (CR_RECORD (entry)));
          g_assert_cmpstr (cr_log_entry_get_author (corrected), !=, cr_log_entry_get_author (entry));
          n_corrections++;
        }
      if (cr_log_entry_get_partner_id (entry) > 0)
        n_partner_links++;
    }
  g_assert_cmpuint (n_corrections, ==, 1);
  g_assert_cmpuint (n_partner_links, >=, 2);
  g_assert_cmpuint (g_hash_table_size (authors), ==, 2);
  g_assert_true (cr_store_verify_logbook (store, &n_ok, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_ok, ==, g_list_model_get_n_items (entries));

  /* The operator of the store is the user's again. */
  g_assert_cmpstr (cr_store_get_operator (store), ==, "Test Operator");
}

/* Two past alert tests with the SPOCs: one a few weeks before the visit,
 * one recent enough to count in the coverage of the last 12 months
 * whenever the demo is loaded. */
static void
test_demo_alert_tests (void)
{
  g_autoptr(CrStore) store = open_with_demo ();
  g_autoptr(CrEvent) event = demo_event (store);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = cr_time_now_utc ();
  g_autoptr(GListModel) campaigns = cr_store_list_alert_campaigns (store, &error);
  g_autoptr(CrAlertCampaign) older = NULL;
  g_autoptr(CrAlertCoverage) coverage = NULL;
  g_autoptr(GHashTable) channels = g_hash_table_new (g_direct_hash, g_direct_equal);
  GTimeSpan ahead;
  guint n_deputies = 0;

  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (campaigns), ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(CrAlertCampaign) campaign = g_list_model_get_item (campaigns, i);
      gint64 id = cr_record_get_id (CR_RECORD (campaign));
      g_autoptr(CrAlertSummary) summary = cr_store_get_alert_summary (store, id, &error);
      g_autoptr(GListModel) calls = cr_store_list_alert_tests (store, id, &error);
      GTimeSpan fastest = G_MAXINT64, slowest = 0;

      g_assert_no_error (error);
      /* Over, and every partner's part settled: most answered, not all. */
      g_assert_nonnull (cr_alert_campaign_get_ended_at (campaign));
      g_assert_cmpint (g_date_time_compare (cr_alert_campaign_get_ended_at (campaign), now), <, 0);
      g_assert_cmpuint (summary->n_pending, ==, 0);
      g_assert_cmpuint (summary->n_reached, >, summary->n_partners * 3 / 4);
      g_assert_cmpuint (summary->n_unreachable, >=, 1);
      g_assert_cmpuint (summary->n_within_target, <, summary->n_reached);
      for (guint k = 0; k < summary->partners->len; k++)
        {
          const CrAlertPartnerResult *result = &g_array_index (summary->partners, CrAlertPartnerResult, k);
          g_autoptr(GListModel) chain = NULL;
          g_autoptr(CrRecord) spoc = NULL;

          if (result->answered_by == 0)
            continue;
          chain = cr_store_list_spoc_chain (store, result->partner_id, &error);
          g_assert_no_error (error);
          spoc = g_list_model_get_item (chain, 0);
          /* A deputy, after the SPOC did not answer. */
          if (result->answered_by != cr_record_get_id (spoc))
            {
              g_assert_cmpuint (result->n_calls, >=, 2);
              n_deputies++;
            }
          fastest = MIN (fastest, result->response);
          slowest = MAX (slowest, result->response);
        }
      g_assert_cmpint (fastest, <, G_TIME_SPAN_MINUTE);
      g_assert_cmpint (slowest, >, (GTimeSpan) summary->target_minutes * G_TIME_SPAN_MINUTE);
      for (guint k = 0; k < g_list_model_get_n_items (calls); k++)
        {
          g_autoptr(CrAlertTest) call = g_list_model_get_item (calls, k);

          if (cr_alert_test_get_started_at (call) != NULL)
            g_hash_table_add (channels, GINT_TO_POINTER (cr_alert_test_get_channel (call)));
        }
    }
  g_assert_cmpuint (n_deputies, >=, 2);
  g_assert_cmpuint (g_hash_table_size (channels), >=, 2);

  older = g_list_model_get_item (campaigns, 1);
  ahead = g_date_time_difference (cr_event_get_starts (event), cr_alert_campaign_get_started_at (older));
  g_assert_cmpint (ahead, >, 7 * G_TIME_SPAN_DAY);
  g_assert_cmpint (ahead, <, 60 * G_TIME_SPAN_DAY);

  coverage = cr_store_get_alert_coverage (store, now, &error);
  g_assert_no_error (error);
  g_assert_cmpint (coverage->n_partners, ==, count (store, CR_TYPE_PARTNER));
  g_assert_cmpuint (coverage->n_tested, >, coverage->n_partners / 2);
  g_assert_cmpuint (coverage->untested->len, >, 0);
  g_assert_cmpuint (coverage->n_tested + coverage->untested->len, ==, coverage->n_partners);
}

static void
test_demo_twice (void)
{
  g_autoptr(CrStore) store = open_with_demo ();
  g_autoptr(GError) error = NULL;
  g_autoptr(CrEvent) event = demo_event (store);
  Counts first = count_all (store), second, third;
  gboolean loaded = TRUE;

  g_assert_true (cr_demo_load (store, &loaded, &error));
  g_assert_no_error (error);
  g_assert_false (loaded);
  second = count_all (store);
  assert_counts_equal (&first, &second);

  /* Without the event, a load brings it back and reuses the partners and
   * the template that are still there. */
  g_assert_true (cr_store_delete (store, CR_RECORD (event), &error));
  g_assert_no_error (error);
  g_assert_false (cr_demo_is_loaded (store));
  g_assert_cmpint (count (store, CR_TYPE_FEATURE), ==, 0);
  loaded = FALSE;
  g_assert_true (cr_demo_load (store, &loaded, &error));
  g_assert_no_error (error);
  g_assert_true (loaded);
  third = count_all (store);
  g_assert_cmpint (third.events, ==, 1);
  g_assert_cmpint (third.features, ==, N_FEATURES);
  g_assert_cmpint (third.waypoints, ==, first.waypoints);
  g_assert_cmpint (third.roles, ==, first.roles);
  g_assert_cmpint (third.partners, ==, first.partners);
  g_assert_cmpint (third.contacts, ==, first.contacts);
  g_assert_cmpint (third.spocs, ==, first.spocs);
  g_assert_cmpint (third.templates, ==, first.templates);
  g_assert_cmpint (third.items, ==, first.items);
  /* The alert tests are there by name: not run again. */
  g_assert_cmpint (third.alert_campaigns, ==, first.alert_campaigns);
  g_assert_cmpint (third.alert_tests, ==, first.alert_tests);
}

/* A load that fails must leave every table as it was, and the store
 * usable: the next load succeeds. */
static void
assert_fails_unchanged (GBytes     *demo_json,
                        GBytes     *geojson,
                        const char *file,
                        const char *place)
{
  g_autoptr(CrStore) store = cr_test_open_store ();
  g_autoptr(GError) error = NULL;
  Counts before = count_all (store), after;
  gboolean loaded = TRUE;

  g_assert_false (cr_demo_load_from_bytes (store, demo_json, geojson, &loaded, &error));
  g_assert_nonnull (error);
  g_assert_false (loaded);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, file));
  if (place != NULL)
    g_assert_nonnull (strstr (error->message, place));
  after = count_all (store);
  assert_counts_equal (&before, &after);
  g_assert_false (cr_demo_is_loaded (store));

  g_clear_error (&error);
  g_assert_true (cr_demo_load (store, &loaded, &error));
  g_assert_no_error (error);
  g_assert_true (loaded);
}

static void
test_demo_rollback (void)
{
  g_autoptr(GBytes) geojson = demo_resource ("papal-visit-2024.geojson");
  g_autoptr(GBytes) demo = demo_resource ("demo.json");

  /* The import fails after the partners are in. */
  {
    static const char text[] =
      "{\"type\": \"FeatureCollection\", \"features\": ["
      "{\"type\": \"Feature\", \"properties\": {\"name\": \"ok\", \"kind\": \"point\"},"
      " \"geometry\": {\"type\": \"Point\", \"coordinates\": [4.35, 50.85]}},"
      "{\"type\": \"Feature\", \"properties\": {\"name\": \"broken\", \"kind\": \"point\"},"
      " \"geometry\": {\"type\": \"Point\", \"coordinates\": [4.35]}}]}";
    g_autoptr(GBytes) bad = g_bytes_new_static (text, sizeof text - 1);

    assert_fails_unchanged (demo, bad, "papal-visit-2024.geojson", NULL);
  }

  /* A role fails after the features are in: the import's savepoint goes
   * with the rest. */
  {
    g_autoptr(cJSON) json = demo_resource_json ("demo.json");
    g_autoptr(GBytes) bytes = NULL;
    cJSON *role = cJSON_GetArrayItem (cJSON_GetObjectItemCaseSensitive (json, "roles"), 2);

    set_item (role, "sector", cJSON_CreateString ("Nowhere"));
    bytes = json_bytes (json);
    assert_fails_unchanged (bytes, geojson, "demo.json", "role 3");
  }

  /* The template fails last of all. */
  {
    g_autoptr(cJSON) json = demo_resource_json ("demo.json");
    g_autoptr(GBytes) bytes = NULL;
    cJSON *templates = cJSON_GetObjectItemCaseSensitive (json, "checklist_templates");
    cJSON *items = cJSON_GetObjectItemCaseSensitive (cJSON_GetArrayItem (templates, 0), "items");
    cJSON *item = cJSON_GetArrayItem (items, cJSON_GetArraySize (items) - 1);

    set_item (item, "cell", cJSON_CreateString ("kitchen"));
    bytes = json_bytes (json);
    assert_fails_unchanged (bytes, geojson, "demo.json", "kitchen");
  }
}

static void
assert_invalid (cJSON      *json,
                const char *first_place,
                const char *second_place)
{
  g_autoptr(CrStore) store = cr_test_open_store ();
  g_autoptr(GBytes) geojson = demo_resource ("papal-visit-2024.geojson");
  g_autoptr(GBytes) bytes = json_bytes (json);
  g_autoptr(GError) error = NULL;

  g_assert_false (cr_demo_load_from_bytes (store, bytes, geojson, NULL, &error));
  g_assert_error (error, CR_DEMO_ERROR, CR_DEMO_ERROR_INVALID);
  g_test_message ("%s", error->message);
  g_assert_true (g_str_has_prefix (error->message, "demo.json: "));
  g_assert_nonnull (strstr (error->message, first_place));
  if (second_place != NULL)
    g_assert_nonnull (strstr (error->message, second_place));
  g_assert_cmpint (count (store, CR_TYPE_PARTNER), ==, 0);
  g_assert_cmpint (count (store, CR_TYPE_EVENT), ==, 0);
}

static cJSON *
nth (cJSON      *json,
     const char *key,
     int         index)
{
  cJSON *item = cJSON_GetArrayItem (cJSON_GetObjectItemCaseSensitive (json, key), index);

  g_assert_nonnull (item);
  return item;
}

static void
test_demo_errors (void)
{
  g_autoptr(GBytes) geojson = demo_resource ("papal-visit-2024.geojson");

  /* Not JSON: the line is named. */
  {
    g_autoptr(CrStore) store = cr_test_open_store ();
    static const char text[] = "{\n\"format\": \"crisis-room-demo\",\n\"version\" 1\n}";
    g_autoptr(GBytes) bytes = g_bytes_new_static (text, sizeof text - 1);
    g_autoptr(GError) error = NULL;

    g_assert_false (cr_demo_load_from_bytes (store, bytes, geojson, NULL, &error));
    g_assert_error (error, CR_DEMO_ERROR, CR_DEMO_ERROR_INVALID);
    g_assert_true (g_str_has_prefix (error->message, "demo.json: "));
    g_assert_nonnull (strstr (error->message, "line 3"));
  }
  {
    g_autoptr(cJSON) json = demo_resource_json ("demo.json");

    set_item (json, "format", cJSON_CreateString ("something"));
    assert_invalid (json, "crisis-room-demo", NULL);
  }
  {
    g_autoptr(cJSON) json = demo_resource_json ("demo.json");

    set_item (json, "version", cJSON_CreateNumber (2));
    assert_invalid (json, "newer", NULL);
  }
  {
    g_autoptr(cJSON) json = demo_resource_json ("demo.json");

    cJSON_DeleteItemFromObjectCaseSensitive (nth (json, "partners", 2), "name");
    assert_invalid (json, "partner 3 has no “name”", NULL);
  }
  {
    g_autoptr(cJSON) json = demo_resource_json ("demo.json");

    set_item (nth (json, "partners", 0), "type",
                                            cJSON_CreateString ("police"));
    assert_invalid (json, "partner 1", "police-zone");
  }
  {
    g_autoptr(cJSON) json = demo_resource_json ("demo.json");
    cJSON *contact = nth (nth (json, "partners", 4), "contacts", 1);

    set_item (contact, "phone_mobile", cJSON_CreateNumber (470));
    assert_invalid (json, "contact 2 of partner 5", "phone_mobile");
  }
  {
    g_autoptr(cJSON) json = demo_resource_json ("demo.json");
    cJSON *contact = nth (nth (json, "partners", 1), "contacts", 0);

    set_item (contact, "verified_at", cJSON_CreateString ("last Tuesday"));
    assert_invalid (json, "contact 1 of partner 2", "last Tuesday");
  }
  {
    g_autoptr(cJSON) json = demo_resource_json ("demo.json");
    cJSON *spoc = cJSON_GetObjectItemCaseSensitive (nth (json, "partners", 3), "spoc");

    cJSON_AddItemToArray (spoc, cJSON_CreateString ("Nobody Known"));
    assert_invalid (json, "partner 4", "Nobody Known");
  }
  {
    g_autoptr(cJSON) json = demo_resource_json ("demo.json");

    set_item (nth (json, "roles", 0), "contact",
                                            cJSON_CreateString ("Quentin Simulé"));
    assert_invalid (json, "role 1", "Quentin Simulé");
  }
  {
    g_autoptr(cJSON) json = demo_resource_json ("demo.json");
    cJSON *event = cJSON_GetObjectItemCaseSensitive (json, "event");

    set_item (event, "ends", cJSON_CreateString ("2024-09-01T00:00:00Z"));
    assert_invalid (json, "ends before it starts", NULL);
  }
  {
    g_autoptr(cJSON) json = demo_resource_json ("demo.json");
    cJSON *shift = nth (cJSON_GetObjectItemCaseSensitive (json, "activation"), "shifts", 1);

    set_item (nth (shift, "events", 1), "state", cJSON_CreateString ("half-done"));
    assert_invalid (json, "event 2 of shift 2 of the activation", "half-done");
  }
  {
    g_autoptr(cJSON) json = demo_resource_json ("demo.json");
    cJSON *shift = nth (cJSON_GetObjectItemCaseSensitive (json, "activation"), "shifts", 0);

    set_item (nth (shift, "events", 0), "minutes", cJSON_CreateNumber (100000));
    assert_invalid (json, "event 1 of shift 1 of the activation", "minutes");
  }
  {
    g_autoptr(cJSON) json = demo_resource_json ("demo.json");
    cJSON *shift = nth (cJSON_GetObjectItemCaseSensitive (json, "activation"), "shifts", 1);

    /* An un-tick without a reason, refused by the store, named here. */
    cJSON_DeleteItemFromObjectCaseSensitive (nth (shift, "events", 1), "note");
    assert_invalid (json, "event 2 of shift 2 of the activation", "reason");
  }
  {
    g_autoptr(cJSON) json = demo_resource_json ("demo.json");
    cJSON *partners = cJSON_GetObjectItemCaseSensitive (json, "partners");

    cJSON_AddItemToArray (partners, cJSON_Duplicate (cJSON_GetArrayItem (partners, 0), TRUE));
    assert_invalid (json, "partner 21", "same name");
  }
  {
    g_autoptr(cJSON) json = demo_resource_json ("demo.json");
    cJSON *partner = nth (nth (json, "alert_tests", 1), "partners", 2);

    set_item (partner, "partner", cJSON_CreateString ("Nobody Known"));
    assert_invalid (json, "partner 3 of alert test 2", "Nobody Known");
  }
  {
    g_autoptr(cJSON) json = demo_resource_json ("demo.json");
    cJSON *partner = nth (nth (json, "alert_tests", 0), "partners", 16);

    /* Its SPOC has no deputy: nobody is left to answer. */
    set_item (partner, "answered", cJSON_CreateString ("40:00"));
    assert_invalid (json, "partner 17 of alert test 1", "SPOC chain");
  }
}

/* The demo database is a valid GeoPackage that GDAL reads: what a planner
 * opening it in QGIS relies on. */
static void
test_demo_geopackage (void)
{
  g_autofree char *path = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *expected = g_strdup_printf ("Feature Count: %d", N_FEATURES);
  g_autofree char *ogrinfo = g_find_program_in_path ("ogrinfo");

  if (!g_file_test (VALIDATE_GPKG, G_FILE_TEST_EXISTS) ||
      !g_file_test ("/usr/bin/python3", G_FILE_TEST_IS_EXECUTABLE) ||
      ogrinfo == NULL)
    {
      g_test_skip ("validate_gpkg.py (python3-gdal) or ogrinfo (gdal-bin) is not installed");
      return;
    }

  {
    g_autoptr(CrStore) store = open_with_demo ();

    path = g_strdup (cr_store_get_path (store));
  }

  {
    const char *argv[] = { "/usr/bin/python3", VALIDATE_GPKG, path, NULL };
    int status = cr_test_run (argv, &out, &err);

    g_test_message ("validate_gpkg.py: %s%s", out, err);
    g_assert_cmpint (status, ==, 0);
  }
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  {
    const char *argv[] = { ogrinfo, "-ro", "-so", path, "features", NULL };
    int status = cr_test_run (argv, &out, &err);

    g_test_message ("ogrinfo: %s%s", out, err);
    g_assert_cmpint (status, ==, 0);
    g_assert_nonnull (strstr (out, expected));
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/demo/event", test_demo_event);
  g_test_add_func ("/demo/features", test_demo_features);
  g_test_add_func ("/demo/sites", test_demo_sites);
  g_test_add_func ("/demo/drone-ban", test_demo_drone_ban);
  g_test_add_func ("/demo/motorcade", test_demo_motorcade);
  g_test_add_func ("/demo/partners", test_demo_partners);
  g_test_add_func ("/demo/roles", test_demo_roles);
  g_test_add_func ("/demo/template", test_demo_template);
  g_test_add_func ("/demo/activation", test_demo_activation);
  g_test_add_func ("/demo/alert-tests", test_demo_alert_tests);
  g_test_add_func ("/demo/twice", test_demo_twice);
  g_test_add_func ("/demo/rollback", test_demo_rollback);
  g_test_add_func ("/demo/errors", test_demo_errors);
  g_test_add_func ("/demo/geopackage", test_demo_geopackage);

  return g_test_run ();
}
