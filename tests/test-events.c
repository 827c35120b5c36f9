/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-events"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "cr-store-private.h"
#include "cr-test-utils.h"
#include "cr-time.h"

/* A new event from a past one, and duplicates: cr-store-events.c. */

#define DAY G_TIME_SPAN_DAY

typedef struct
{
  CrStore *store;
  gint64 event;
  gint64 partner;
  gint64 other_partner;
  gint64 contact;
  gint64 zone;       /* a circle, phased in time */
  gint64 itinerary;  /* with three waypoints */
  gint64 point;      /* no times at all */
  gint64 activation;
} Past;

/* Time in Brussels, for the dates as planners type them. */
static GDateTime *
brussels (int year,
          int month,
          int day,
          int hour,
          int minute)
{
  g_autoptr(GDateTime) local = g_date_time_new (cr_time_zone_local (), year, month, day, hour,
                                                minute, 0);

  return g_date_time_to_utc (local);
}

static void
insert_ok (CrStore  *store,
           gpointer  record)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (cr_store_insert (store, CR_RECORD (record), &error));
  g_assert_no_error (error);
}

static gint64
count (CrStore    *store,
       GType       type,
       const char *column,
       gint64      value)
{
  g_autoptr(GError) error = NULL;
  gint64 n = cr_store_count (store, type, column, value, &error);

  g_assert_no_error (error);
  return n;
}

static gint64
add_feature (Past       *p,
             const char *kind,
             const char *name,
             CrGeometry *geometry,
             GDateTime  *from,
             GDateTime  *to)
{
  g_autoptr(CrFeature) feature = cr_feature_new ();

  cr_feature_set_event_id (feature, p->event);
  cr_feature_set_kind (feature, kind);
  cr_feature_set_name (feature, name);
  cr_feature_set_geometry (feature, geometry);
  cr_feature_set_active_from (feature, from);
  cr_feature_set_active_to (feature, to);
  cr_feature_set_partner_id (feature, p->partner);
  cr_feature_set_notes (feature, "Barrières Nadar tous les 2 m");
  cr_feature_set_properties (feature, "{\"gates\":4}");
  insert_ok (p->store, feature);
  return cr_record_get_id (CR_RECORD (feature));
}

/* New Year's Eve 2024 in Brussels, as last year's planners left it:
 * archived, closed, with an activation and its logbook. */
static void
past_init (Past *p)
{
  g_autoptr(CrEvent) event = cr_event_new ();
  g_autoptr(CrPartner) partner = cr_partner_new ();
  g_autoptr(CrPartner) other = cr_partner_new ();
  g_autoptr(CrContact) contact = cr_contact_new ();
  g_autoptr(GDateTime) starts = brussels (2024, 12, 31, 23, 0);
  g_autoptr(GDateTime) ends = brussels (2025, 1, 1, 4, 0);
  g_autoptr(GDateTime) summer = brussels (2024, 7, 21, 10, 0);
  g_autoptr(GDateTime) summer_end = brussels (2024, 7, 21, 18, 30);
  g_autoptr(CrGeometry) circle = cr_geometry_new_circle (4.3525, 50.8467, 250, 32);
  g_autoptr(CrGeometry) point = cr_geometry_new_point (4.3572, 50.8466);
  const double route[] = { 4.3500, 50.8400, 4.3600, 50.8450, 4.3700, 50.8500 };
  g_autoptr(CrGeometry) line = cr_geometry_new_linestring (route, 3);
  g_autoptr(CrFeature) zone = NULL;
  g_autoptr(CrActivation) activation = cr_activation_new ();
  g_autoptr(CrLogEntry) entry = cr_log_entry_new ();

  p->store = cr_test_open_store ();

  cr_partner_set_name (partner, "Zone de police Bruxelles-Capitale/Ixelles");
  insert_ok (p->store, partner);
  p->partner = cr_record_get_id (CR_RECORD (partner));
  cr_partner_set_name (other, "SIAMU");
  insert_ok (p->store, other);
  p->other_partner = cr_record_get_id (CR_RECORD (other));
  cr_contact_set_partner_id (contact, p->partner);
  cr_contact_set_name (contact, "Dispatching");
  insert_ok (p->store, contact);
  p->contact = cr_record_get_id (CR_RECORD (contact));

  cr_event_set_name (event, "New Year's Eve 2024");
  cr_event_set_kind (event, CR_EVENT_KIND_NEW_YEAR);
  cr_event_set_status (event, CR_EVENT_STATUS_CLOSED);
  cr_event_set_starts (event, starts);
  cr_event_set_ends (event, ends);
  cr_event_set_description (event, "Fireworks at the Mont des Arts");
  cr_event_set_archived (event, TRUE);
  insert_ok (p->store, event);
  p->event = cr_record_get_id (CR_RECORD (event));

  p->zone = add_feature (p, "drone_ban_zone", "No drones", circle, starts, ends);
  zone = cr_store_get (p->store, CR_TYPE_FEATURE, p->zone, NULL);
  cr_feature_set_center_lon (zone, 4.3525);
  cr_feature_set_center_lat (zone, 50.8467);
  cr_feature_set_radius_m (zone, 250);
  g_assert_true (cr_store_update (p->store, CR_RECORD (zone), NULL));
  /* A summer time: the shift crosses both changes of clock. */
  p->itinerary = add_feature (p, "procession", "Parade", line, summer, summer_end);
  p->point = add_feature (p, "medical_post", "PMA Mont des Arts", point, NULL, NULL);

  for (int i = 0; i < 3; i++)
    {
      g_autoptr(CrWaypoint) waypoint = cr_waypoint_new ();
      g_autoptr(GDateTime) at = g_date_time_add_minutes (summer, 20 * i);
      g_autofree char *name = g_strdup_printf ("Stop %d", i + 1);

      cr_waypoint_set_feature_id (waypoint, p->itinerary);
      cr_waypoint_set_position (waypoint, i);
      cr_waypoint_set_name (waypoint, name);
      cr_waypoint_set_lon (waypoint, route[2 * i]);
      cr_waypoint_set_lat (waypoint, route[2 * i + 1]);
      cr_waypoint_set_planned_at (waypoint, at);
      insert_ok (p->store, waypoint);
    }

  {
    g_autoptr(CrRole) police = cr_role_new ();
    g_autoptr(CrRole) fire = cr_role_new ();

    cr_role_set_event_id (police, p->event);
    cr_role_set_partner_id (police, p->partner);
    cr_role_set_discipline (police, CR_DISCIPLINE_D3);
    cr_role_set_responsibility (police, "Closes the drone-ban zone");
    cr_role_set_sector_id (police, p->zone);
    cr_role_set_contact_id (police, p->contact);
    insert_ok (p->store, police);
    cr_role_set_event_id (fire, p->event);
    cr_role_set_partner_id (fire, p->other_partner);
    cr_role_set_discipline (fire, CR_DISCIPLINE_D1);
    cr_role_set_responsibility (fire, "Fireworks safety");
    insert_ok (p->store, fire);
  }

  cr_activation_set_event_id (activation, p->event);
  cr_activation_set_name (activation, "NYE 2024");
  cr_activation_set_opened_at (activation, starts);
  insert_ok (p->store, activation);
  p->activation = cr_record_get_id (CR_RECORD (activation));
  cr_log_entry_set_recorded_at (entry, starts);
  cr_log_entry_set_author (entry, "Test Operator");
  cr_log_entry_set_text (entry, "Fireworks started");
  cr_log_entry_set_activation_id (entry, p->activation);
  insert_ok (p->store, entry);
}

static void
past_clear (Past *p)
{
  g_clear_object (&p->store);
}

typedef struct
{
  GPtrArray *seen; /* "table:change[:row]" */
} Changes;

static void
changed_cb (CrStore    *store,
            const char *table,
            gint64      row_id,
            int         change,
            Changes    *c)
{
  g_ptr_array_add (c->seen, g_strdup_printf ("%s:%d", table, change));
}

static gboolean
seen (Changes    *c,
      const char *table,
      int         change)
{
  g_autofree char *key = g_strdup_printf ("%s:%d", table, change);

  for (guint i = 0; i < c->seen->len; i++)
    if (g_str_equal (c->seen->pdata[i], key))
      return TRUE;
  return FALSE;
}

static void
assert_shifted (GDateTime *old,
                GDateTime *copy,
                GTimeSpan  shift)
{
  g_assert_nonnull (old);
  g_assert_nonnull (copy);
  g_assert_cmpint (g_date_time_difference (copy, old), ==, shift);
}

static CrFeature *
find_copy (GListModel *features,
           const char *name)
{
  for (guint i = 0; i < g_list_model_get_n_items (features); i++)
    {
      g_autoptr(CrFeature) f = g_list_model_get_item (features, i);

      if (g_strcmp0 (cr_feature_get_name (f), name) == 0)
        return g_steal_pointer (&f);
    }
  g_assert_not_reached ();
}

static void
test_copy_shifts_everything (void)
{
  Past p = { 0 };
  Changes c = { g_ptr_array_new_with_free_func (g_free) };
  g_autoptr(GError) error = NULL;
  g_autoptr(CrEvent) old = NULL;
  g_autoptr(CrEvent) copy = NULL;
  g_autoptr(GListModel) old_features = NULL;
  g_autoptr(GListModel) new_features = NULL;
  g_autoptr(GListModel) roles = NULL;
  g_autofree char *local_start = NULL;
  GTimeSpan shift = 365 * DAY;
  gint64 new_id = 0, n_log, n_audit;

  past_init (&p);
  n_log = count (p.store, CR_TYPE_LOG_ENTRY, NULL, 0);
  n_audit = count (p.store, CR_TYPE_AUDIT_ENTRY, NULL, 0);
  g_signal_connect (p.store, "changed", G_CALLBACK (changed_cb), &c);

  g_assert_true (cr_store_copy_event (p.store, p.event, "New Year's Eve 2025", shift,
                                      CR_EVENT_COPY_ALL, &new_id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (new_id, >, p.event);

  /* The event: moved, back in planning, not archived, the rest kept. */
  old = cr_store_get (p.store, CR_TYPE_EVENT, p.event, NULL);
  copy = cr_store_get (p.store, CR_TYPE_EVENT, new_id, NULL);
  g_assert_cmpstr (cr_event_get_name (copy), ==, "New Year's Eve 2025");
  g_assert_cmpint (cr_event_get_kind (copy), ==, CR_EVENT_KIND_NEW_YEAR);
  g_assert_cmpint (cr_event_get_status (copy), ==, CR_EVENT_STATUS_PLANNING);
  g_assert_false (cr_event_get_archived (copy));
  g_assert_cmpstr (cr_event_get_description (copy), ==, "Fireworks at the Mont des Arts");
  assert_shifted (cr_event_get_starts (old), cr_event_get_starts (copy), shift);
  assert_shifted (cr_event_get_ends (old), cr_event_get_ends (copy), shift);
  /* 365 days after 31/12/2024 23:00 in Brussels, across both clock
   * changes: the same hour on 31/12/2025. */
  local_start = cr_time_format_local (cr_event_get_starts (copy), "%d/%m/%Y %H:%M");
  g_assert_cmpstr (local_start, ==, "31/12/2025 23:00");
  /* The past event is as it was. */
  g_assert_cmpint (cr_event_get_status (old), ==, CR_EVENT_STATUS_CLOSED);
  g_assert_true (cr_event_get_archived (old));

  /* Features: every field kept but the event and the active window. */
  old_features = cr_store_list_features (p.store, p.event, NULL);
  new_features = cr_store_list_features (p.store, new_id, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (new_features), ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (old_features), ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(CrFeature) o = g_list_model_get_item (old_features, i);
      g_autoptr(CrFeature) n = find_copy (new_features, cr_feature_get_name (o));

      g_assert_cmpint (cr_record_get_id (CR_RECORD (n)), !=, cr_record_get_id (CR_RECORD (o)));
      g_assert_cmpstr (cr_feature_get_kind (n), ==, cr_feature_get_kind (o));
      g_assert_true (cr_geometry_equal (cr_feature_get_geometry (n), cr_feature_get_geometry (o)));
      g_assert_cmpint (cr_feature_get_partner_id (n), ==, p.partner);
      g_assert_cmpstr (cr_feature_get_notes (n), ==, "Barrières Nadar tous les 2 m");
      g_assert_cmpstr (cr_feature_get_properties (n), ==, "{\"gates\":4}");
      g_assert_cmpint (cr_feature_get_version (n), ==, 1);
      if (cr_feature_get_active_from (o) != NULL)
        {
          assert_shifted (cr_feature_get_active_from (o), cr_feature_get_active_from (n), shift);
          assert_shifted (cr_feature_get_active_to (o), cr_feature_get_active_to (n), shift);
        }
      else
        {
          g_assert_null (cr_feature_get_active_from (n));
          g_assert_null (cr_feature_get_active_to (n));
        }
      if (cr_record_get_id (CR_RECORD (o)) == p.zone)
        {
          g_assert_cmpfloat (cr_feature_get_center_lon (n), ==, 4.3525);
          g_assert_cmpfloat (cr_feature_get_center_lat (n), ==, 50.8467);
          g_assert_cmpfloat (cr_feature_get_radius_m (n), ==, 250);
        }
      else
        g_assert_true (isnan (cr_feature_get_radius_m (n)));
    }

  /* The itinerary's waypoints, planned times moved; the summer parade
   * keeps its local hour too. */
  {
    g_autoptr(CrFeature) parade = find_copy (new_features, "Parade");
    g_autoptr(GListModel) old_wp = cr_store_list (p.store, CR_TYPE_WAYPOINT, "feature_id",
                                                  p.itinerary, NULL);
    g_autoptr(GListModel) new_wp = cr_store_list (p.store, CR_TYPE_WAYPOINT, "feature_id",
                                                  cr_record_get_id (CR_RECORD (parade)), NULL);
    g_autofree char *local = cr_time_format_local (cr_feature_get_active_from (parade),
                                                   "%d/%m/%Y %H:%M");

    g_assert_cmpstr (local, ==, "21/07/2025 10:00");
    g_assert_cmpuint (g_list_model_get_n_items (new_wp), ==, 3);
    for (guint i = 0; i < 3; i++)
      {
        g_autoptr(CrWaypoint) o = g_list_model_get_item (old_wp, i);
        g_autoptr(CrWaypoint) n = g_list_model_get_item (new_wp, i);

        g_assert_cmpint (cr_waypoint_get_position (n), ==, (int) i);
        g_assert_cmpstr (cr_waypoint_get_name (n), ==, cr_waypoint_get_name (o));
        g_assert_cmpfloat (cr_waypoint_get_lon (n), ==, cr_waypoint_get_lon (o));
        g_assert_cmpfloat (cr_waypoint_get_lat (n), ==, cr_waypoint_get_lat (o));
        assert_shifted (cr_waypoint_get_planned_at (o), cr_waypoint_get_planned_at (n), shift);
      }
    /* The past itinerary keeps its own. */
    g_assert_cmpuint (g_list_model_get_n_items (old_wp), ==, 3);
  }

  /* Roles: sector remapped to the copied zone, partner and contact kept. */
  roles = cr_store_list (p.store, CR_TYPE_ROLE, "event_id", new_id, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (roles), ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(CrRole) role = g_list_model_get_item (roles, i);

      if (cr_role_get_discipline (role) == CR_DISCIPLINE_D3)
        {
          g_autoptr(CrFeature) zone_copy = find_copy (new_features, "No drones");

          g_assert_cmpint (cr_role_get_sector_id (role), ==, cr_record_get_id (CR_RECORD (zone_copy)));
          g_assert_cmpint (cr_role_get_sector_id (role), !=, p.zone);
          g_assert_cmpint (cr_role_get_partner_id (role), ==, p.partner);
          g_assert_cmpint (cr_role_get_contact_id (role), ==, p.contact);
          g_assert_cmpstr (cr_role_get_responsibility (role), ==, "Closes the drone-ban zone");
        }
      else
        {
          g_assert_cmpint (cr_role_get_discipline (role), ==, CR_DISCIPLINE_D1);
          g_assert_cmpint (cr_role_get_sector_id (role), ==, 0);
          g_assert_cmpint (cr_role_get_partner_id (role), ==, p.other_partner);
          g_assert_cmpint (cr_role_get_contact_id (role), ==, 0);
        }
    }
  g_assert_cmpint (count (p.store, CR_TYPE_ROLE, "event_id", p.event), ==, 2);

  /* What happened last year stays last year's. */
  g_assert_cmpint (count (p.store, CR_TYPE_ACTIVATION, "event_id", new_id), ==, 0);
  g_assert_cmpint (count (p.store, CR_TYPE_ACTIVATION, "event_id", p.event), ==, 1);
  g_assert_cmpint (count (p.store, CR_TYPE_LOG_ENTRY, NULL, 0), ==, n_log);

  /* Audited: the event and each role as inserts, the features and the
   * waypoints in one summarising row each. */
  g_assert_cmpint (count (p.store, CR_TYPE_AUDIT_ENTRY, NULL, 0), ==, n_audit + 5);
  {
    g_autoptr(GListModel) audit = cr_store_list (p.store, CR_TYPE_AUDIT_ENTRY, NULL, 0, NULL);
    guint n = g_list_model_get_n_items (audit);
    guint n_copy = 0, n_role_inserts = 0, n_event_inserts = 0;

    for (guint i = n - 5; i < n; i++)
      {
        g_autoptr(CrAuditEntry) entry = g_list_model_get_item (audit, i);
        const char *table = cr_audit_entry_get_table_name (entry);
        const char *action = cr_audit_entry_get_action (entry);

        g_assert_cmpstr (cr_audit_entry_get_operator (entry), ==, "Test Operator");
        if (g_str_equal (action, "copy"))
          {
            n_copy++;
            g_assert_true (g_str_equal (table, "features") || g_str_equal (table, "waypoints"));
            g_assert_nonnull (strstr (cr_audit_entry_get_after (entry), "\"rows\":3"));
          }
        else if (g_str_equal (table, "roles"))
          n_role_inserts++;
        else if (g_str_equal (table, "events"))
          {
            n_event_inserts++;
            g_assert_cmpint (cr_audit_entry_get_row_id (entry), ==, new_id);
          }
      }
    g_assert_cmpuint (n_copy, ==, 2);
    g_assert_cmpuint (n_role_inserts, ==, 2);
    g_assert_cmpuint (n_event_inserts, ==, 1);
  }

  /* Views hear of it, after the commit. */
  g_assert_true (seen (&c, "events", CR_STORE_CHANGE_INSERT));
  g_assert_true (seen (&c, "features", CR_STORE_CHANGE_RELOAD));
  g_assert_true (seen (&c, "waypoints", CR_STORE_CHANGE_RELOAD));
  g_assert_true (seen (&c, "roles", CR_STORE_CHANGE_RELOAD));

  g_signal_handlers_disconnect_by_data (p.store, &c);
  g_ptr_array_unref (c.seen);
  past_clear (&p);
}

static void
test_copy_flags (void)
{
  Past p = { 0 };
  g_autoptr(GError) error = NULL;
  gint64 id = 0;

  past_init (&p);

  /* The event alone. */
  g_assert_true (cr_store_copy_event (p.store, p.event, "Event only", DAY, 0, &id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (p.store, CR_TYPE_FEATURE, "event_id", id), ==, 0);
  g_assert_cmpint (count (p.store, CR_TYPE_ROLE, "event_id", id), ==, 0);

  /* Features without roles. */
  g_assert_true (cr_store_copy_event (p.store, p.event, "Map only", DAY,
                                      CR_EVENT_COPY_FEATURES, &id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (p.store, CR_TYPE_FEATURE, "event_id", id), ==, 3);
  g_assert_cmpint (count (p.store, CR_TYPE_ROLE, "event_id", id), ==, 0);

  /* Roles without features: their sector would be last year's feature,
   * so they have none. */
  g_assert_true (cr_store_copy_event (p.store, p.event, "Roles only", DAY,
                                      CR_EVENT_COPY_ROLES, &id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (p.store, CR_TYPE_FEATURE, "event_id", id), ==, 0);
  g_assert_cmpint (count (p.store, CR_TYPE_ROLE, "event_id", id), ==, 2);
  g_assert_cmpint (count (p.store, CR_TYPE_ROLE, "sector_id", p.zone), ==, 1);
  {
    g_autoptr(GListModel) roles = cr_store_list (p.store, CR_TYPE_ROLE, "event_id", id, NULL);

    for (guint i = 0; i < g_list_model_get_n_items (roles); i++)
      {
        g_autoptr(CrRole) role = g_list_model_get_item (roles, i);

        g_assert_cmpint (cr_role_get_sector_id (role), ==, 0);
      }
  }

  /* A negative shift moves times earlier. */
  g_assert_true (cr_store_copy_event (p.store, p.event, "Rehearsal", -7 * DAY,
                                      CR_EVENT_COPY_FEATURES, &id, &error));
  g_assert_no_error (error);
  {
    g_autoptr(CrEvent) old = cr_store_get (p.store, CR_TYPE_EVENT, p.event, NULL);
    g_autoptr(CrEvent) copy = cr_store_get (p.store, CR_TYPE_EVENT, id, NULL);

    assert_shifted (cr_event_get_starts (old), cr_event_get_starts (copy), -7 * DAY);
  }
  past_clear (&p);
}

/* Nothing is written, and nobody hears of anything, when the copy fails
 * at the start or half-way. */
static void
test_copy_all_or_nothing (void)
{
  Past p = { 0 };
  Changes c = { g_ptr_array_new_with_free_func (g_free) };
  g_autoptr(GError) error = NULL;
  sqlite3 *raw = NULL;
  gint64 n_events, n_features, n_waypoints, n_roles, n_audit, id = 0;

  past_init (&p);
  n_events = count (p.store, CR_TYPE_EVENT, NULL, 0);
  n_features = count (p.store, CR_TYPE_FEATURE, NULL, 0);
  n_waypoints = count (p.store, CR_TYPE_WAYPOINT, NULL, 0);
  n_roles = count (p.store, CR_TYPE_ROLE, NULL, 0);
  n_audit = count (p.store, CR_TYPE_AUDIT_ENTRY, NULL, 0);
  g_signal_connect (p.store, "changed", G_CALLBACK (changed_cb), &c);

  /* A name that is taken, in another case. */
  g_assert_false (cr_store_copy_event (p.store, p.event, "NEW YEAR'S EVE 2024", DAY,
                                       CR_EVENT_COPY_ALL, &id, &error));
  g_assert_error (error, CR_STORE_ERROR, CR_STORE_ERROR_CONSTRAINT);
  g_assert_nonnull (strstr (error->message, "New Year's Eve 2024"));
  g_clear_error (&error);
  g_assert_false (cr_store_copy_event (p.store, p.event, "  ", DAY, CR_EVENT_COPY_ALL, &id,
                                       &error));
  g_assert_error (error, CR_STORE_ERROR, CR_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (cr_store_copy_event (p.store, 9999, "Nowhere", DAY, CR_EVENT_COPY_ALL, &id,
                                       &error));
  g_assert_error (error, CR_STORE_ERROR, CR_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Half-way: the event and features are written when the roles fail. */
  g_assert_cmpint (sqlite3_open (cr_store_get_path (p.store), &raw), ==, SQLITE_OK);
  sqlite3_busy_timeout (raw, 5000);
  g_assert_cmpint (sqlite3_exec (raw,
                                 "CREATE TRIGGER test_no_roles BEFORE INSERT ON roles"
                                 " BEGIN SELECT RAISE(ABORT, 'no roles today'); END",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_false (cr_store_copy_event (p.store, p.event, "New Year's Eve 2025", 365 * DAY,
                                       CR_EVENT_COPY_ALL, &id, &error));
  g_assert_error (error, CR_STORE_ERROR, CR_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);

  g_assert_cmpint (count (p.store, CR_TYPE_EVENT, NULL, 0), ==, n_events);
  g_assert_cmpint (count (p.store, CR_TYPE_FEATURE, NULL, 0), ==, n_features);
  g_assert_cmpint (count (p.store, CR_TYPE_WAYPOINT, NULL, 0), ==, n_waypoints);
  g_assert_cmpint (count (p.store, CR_TYPE_ROLE, NULL, 0), ==, n_roles);
  g_assert_cmpint (count (p.store, CR_TYPE_AUDIT_ENTRY, NULL, 0), ==, n_audit);
  g_assert_cmpuint (c.seen->len, ==, 0);
  {
    g_autoptr(CrEvent) none = cr_store_find_event (p.store, "New Year's Eve 2025", &error);

    g_assert_no_error (error);
    g_assert_null (none);
  }

  /* The store is not left inside a transaction: once the trigger is
   * gone, the same copy works. */
  g_assert_cmpint (sqlite3_exec (raw, "DROP TRIGGER test_no_roles", NULL, NULL, NULL), ==,
                   SQLITE_OK);
  sqlite3_close (raw);
  g_assert_true (cr_store_copy_event (p.store, p.event, "New Year's Eve 2025", 365 * DAY,
                                      CR_EVENT_COPY_ALL, &id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (p.store, CR_TYPE_ROLE, "event_id", id), ==, 2);
  g_assert_true (seen (&c, "events", CR_STORE_CHANGE_INSERT));

  g_signal_handlers_disconnect_by_data (p.store, &c);
  g_ptr_array_unref (c.seen);
  past_clear (&p);
}

static void
test_duplicate_names (void)
{
  Past p = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(CrEvent) old = NULL;
  g_autoptr(CrEvent) first = NULL;
  g_autoptr(CrEvent) second = NULL;
  g_autofree char *next = NULL;
  gint64 id1 = 0, id2 = 0;

  past_init (&p);
  g_assert_true (cr_store_duplicate_event (p.store, p.event, &id1, &error));
  g_assert_no_error (error);
  g_assert_true (cr_store_duplicate_event (p.store, p.event, &id2, &error));
  g_assert_no_error (error);

  old = cr_store_get (p.store, CR_TYPE_EVENT, p.event, NULL);
  first = cr_store_get (p.store, CR_TYPE_EVENT, id1, NULL);
  second = cr_store_get (p.store, CR_TYPE_EVENT, id2, NULL);
  g_assert_cmpstr (cr_event_get_name (first), ==, "New Year's Eve 2024 (copy)");
  g_assert_cmpstr (cr_event_get_name (second), ==, "New Year's Eve 2024 (copy 2)");
  /* Same times, the whole map and the roles. */
  assert_shifted (cr_event_get_starts (old), cr_event_get_starts (first), 0);
  assert_shifted (cr_event_get_ends (old), cr_event_get_ends (second), 0);
  g_assert_cmpint (cr_event_get_status (first), ==, CR_EVENT_STATUS_PLANNING);
  g_assert_cmpint (count (p.store, CR_TYPE_FEATURE, "event_id", id2), ==, 3);
  g_assert_cmpint (count (p.store, CR_TYPE_ROLE, "event_id", id2), ==, 2);

  /* A gap is filled: the first free number. */
  g_assert_true (cr_store_delete (p.store, CR_RECORD (first), &error));
  g_assert_no_error (error);
  next = cr_store_copy_event_name (p.store, cr_event_get_name (old), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (next, ==, "New Year's Eve 2024 (copy)");

  g_assert_false (cr_store_duplicate_event (p.store, 9999, NULL, &error));
  g_assert_error (error, CR_STORE_ERROR, CR_STORE_ERROR_NOT_FOUND);
  past_clear (&p);
}

static void
test_check_name (void)
{
  Past p = { 0 };
  g_autoptr(GError) error = NULL;

  past_init (&p);
  g_assert_true (cr_store_check_event_name (p.store, "National day 2025", 0, &error));
  g_assert_no_error (error);
  g_assert_false (cr_store_check_event_name (p.store, " \t", 0, &error));
  g_assert_error (error, CR_STORE_ERROR, CR_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (cr_store_check_event_name (p.store, "new year's eve 2024", 0, &error));
  g_assert_error (error, CR_STORE_ERROR, CR_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  /* An event may keep its own name, or change its case. */
  g_assert_true (cr_store_check_event_name (p.store, "NEW YEAR'S EVE 2024", p.event, &error));
  g_assert_no_error (error);
  past_clear (&p);
}

/* An event with no dates copies with none, whatever the shift. */
static void
test_copy_without_dates (void)
{
  g_autoptr(CrStore) store = cr_test_open_store ();
  g_autoptr(CrEvent) event = cr_event_new ();
  g_autoptr(CrEvent) copy = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = 0;

  cr_event_set_name (event, "Demonstration, date to be set");
  cr_event_set_kind (event, CR_EVENT_KIND_DEMONSTRATION);
  insert_ok (store, event);
  g_assert_true (cr_store_copy_event (store, cr_record_get_id (CR_RECORD (event)), "Next one",
                                      30 * DAY, CR_EVENT_COPY_ALL, &id, &error));
  g_assert_no_error (error);
  copy = cr_store_get (store, CR_TYPE_EVENT, id, NULL);
  g_assert_null (cr_event_get_starts (copy));
  g_assert_null (cr_event_get_ends (copy));
  g_assert_cmpint (cr_event_get_kind (copy), ==, CR_EVENT_KIND_DEMONSTRATION);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/events/copy/shifts-everything", test_copy_shifts_everything);
  g_test_add_func ("/events/copy/flags", test_copy_flags);
  g_test_add_func ("/events/copy/all-or-nothing", test_copy_all_or_nothing);
  g_test_add_func ("/events/copy/without-dates", test_copy_without_dates);
  g_test_add_func ("/events/duplicate/names", test_duplicate_names);
  g_test_add_func ("/events/check-name", test_check_name);

  return g_test_run ();
}
