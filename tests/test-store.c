/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-store"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cr-activation.h"
#include "cr-activation-item.h"
#include "cr-alert-campaign.h"
#include "cr-alert-test.h"
#include "cr-audit-entry.h"
#include "cr-checklist-template.h"
#include "cr-checklist-template-item.h"
#include "cr-contact.h"
#include "cr-log-entry.h"
#include "cr-partner.h"
#include "cr-role.h"
#include "cr-spoc-assignment.h"
#include "cr-store-private.h"
#include "cr-test-utils.h"
#include "cr-time.h"
#include "cr-waypoint.h"
#include "cr-wkb.h"

/* ---- Raw SQLite access, to check what the store wrote ---- */

static sqlite3 *
raw_open (const char *path)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 5000);
  return db;
}

static gint64
raw_int (sqlite3    *db,
         const char *sql)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 v;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    g_error ("%s: %s", sql, sqlite3_errmsg (db));
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  v = sqlite3_column_int64 (stmt, 0);
  return v;
}

static char *
raw_text (sqlite3    *db,
          const char *sql)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    g_error ("%s: %s", sql, sqlite3_errmsg (db));
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return NULL;
  return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
}

static void
raw_exec_ok (sqlite3    *db,
             const char *sql)
{
  char *msg = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &msg) != SQLITE_OK)
    g_error ("%s: %s", sql, msg);
}

/* The store's own connection, through the private header. */
static gint64
store_int (CrStore    *store,
           const char *sql)
{
  return raw_int (store->db, sql);
}

static GDateTime *
utc (const char *text)
{
  GDateTime *dt = cr_time_from_storage (text);

  g_assert_nonnull (dt);
  return dt;
}

/* ---- Geometry helpers ---- */

static CrGeometry *
box_polygon (double x0,
             double y0,
             double x1,
             double y1)
{
  const double xy[] = { x0, y0, x1, y0, x1, y1, x0, y1, x0, y0 };
  CrGeometry *polygon = cr_geometry_new (CR_GEOMETRY_POLYGON);

  cr_geometry_add_part (polygon, cr_geometry_new_linestring (xy, 5));
  return polygon;
}

static CrGeometry *
box_with_hole (double x0,
               double y0,
               double x1,
               double y1)
{
  CrGeometry *polygon = box_polygon (x0, y0, x1, y1);
  double dx = (x1 - x0) / 4, dy = (y1 - y0) / 4;
  const double hole[] = { x0 + dx, y0 + dy, x0 + dx, y1 - dy, x1 - dx, y1 - dy, x1 - dx, y0 + dy,
                          x0 + dx, y0 + dy };

  cr_geometry_add_part (polygon, cr_geometry_new_linestring (hole, 5));
  return polygon;
}

static CrGeometry *
segment (double x0,
         double y0,
         double x1,
         double y1)
{
  const double xy[] = { x0, y0, x1, y1 };

  return cr_geometry_new_linestring (xy, 2);
}

/* ---- Dependencies for the rows under test ---- */

typedef struct
{
  CrStore *store;
  gint64 event;
  gint64 feature;
  gint64 partner;
  gint64 contact;
  gint64 template_;
  gint64 template_item;
  gint64 activation;
  gint64 campaign;
} Deps;

static void
insert_ok (CrStore  *store,
           gpointer  record)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (cr_store_insert (store, CR_RECORD (record), &error));
  g_assert_no_error (error);
  g_assert_cmpint (cr_record_get_id (CR_RECORD (record)), >, 0);
}

static gint64
insert_event (CrStore    *store,
              const char *name)
{
  g_autoptr(CrEvent) event = cr_event_new ();

  cr_event_set_name (event, name);
  insert_ok (store, event);
  return cr_record_get_id (CR_RECORD (event));
}

static gint64
insert_feature (CrStore    *store,
                gint64      event_id,
                const char *kind,
                CrGeometry *geometry)
{
  g_autoptr(CrFeature) feature = cr_feature_new ();

  cr_feature_set_event_id (feature, event_id);
  cr_feature_set_kind (feature, kind);
  cr_feature_set_geometry (feature, geometry);
  insert_ok (store, feature);
  return cr_record_get_id (CR_RECORD (feature));
}

static gint64
insert_partner (CrStore    *store,
                const char *name)
{
  g_autoptr(CrPartner) partner = cr_partner_new ();

  cr_partner_set_name (partner, name);
  insert_ok (store, partner);
  return cr_record_get_id (CR_RECORD (partner));
}

static void
deps_init (Deps *d)
{
  d->store = cr_test_open_store ();
  d->event = insert_event (d->store, "Base event");
  {
    g_autoptr(CrGeometry) g = box_polygon (4.3, 50.8, 4.4, 50.9);

    d->feature = insert_feature (d->store, d->event, "red_zone", g);
  }
  d->partner = insert_partner (d->store, "Base partner");
  {
    g_autoptr(CrContact) c = cr_contact_new ();

    cr_contact_set_partner_id (c, d->partner);
    cr_contact_set_name (c, "Base contact");
    insert_ok (d->store, c);
    d->contact = cr_record_get_id (CR_RECORD (c));
  }
  {
    g_autoptr(CrChecklistTemplate) t = cr_checklist_template_new ();

    cr_checklist_template_set_name (t, "Base template");
    insert_ok (d->store, t);
    d->template_ = cr_record_get_id (CR_RECORD (t));
  }
  {
    g_autoptr(CrChecklistTemplateItem) i = cr_checklist_template_item_new ();

    cr_checklist_template_item_set_template_id (i, d->template_);
    cr_checklist_template_item_set_text (i, "Base item");
    insert_ok (d->store, i);
    d->template_item = cr_record_get_id (CR_RECORD (i));
  }
  {
    g_autoptr(CrActivation) a = cr_activation_new ();
    g_autoptr(GDateTime) opened = utc ("2024-09-26T05:00:00.000Z");

    cr_activation_set_event_id (a, d->event);
    cr_activation_set_name (a, "Base activation");
    cr_activation_set_opened_at (a, opened);
    insert_ok (d->store, a);
    d->activation = cr_record_get_id (CR_RECORD (a));
  }
  {
    g_autoptr(CrAlertCampaign) c = cr_alert_campaign_new ();

    cr_alert_campaign_set_name (c, "Base campaign");
    insert_ok (d->store, c);
    d->campaign = cr_record_get_id (CR_RECORD (c));
  }
}

static void
deps_clear (Deps *d)
{
  g_clear_object (&d->store);
}

/* ---- One case per table ---- */

typedef struct
{
  const char *name;
  CrRecord *(*make) (Deps *d, const char **column, gint64 *value);
  void (*mutate) (CrRecord *record, Deps *d);
  gboolean append_only;
} CrudCase;

static CrRecord *
make_event (Deps        *d,
            const char **column,
            gint64      *value)
{
  CrEvent *e = cr_event_new ();
  g_autoptr(GDateTime) starts = utc ("2024-09-26T06:00:00.000Z");
  g_autoptr(GDateTime) ends = utc ("2024-09-29T18:30:00.500Z");

  cr_event_set_name (e, "Visite papale 2024");
  cr_event_set_kind (e, CR_EVENT_KIND_VISIT);
  cr_event_set_status (e, CR_EVENT_STATUS_READY);
  cr_event_set_starts (e, starts);
  cr_event_set_ends (e, ends);
  cr_event_set_description (e, "Basilique de Koekelberg, Heysel");
  cr_event_set_archived (e, TRUE);
  *column = "archived";
  *value = 1;
  return CR_RECORD (e);
}

static void
mutate_event (CrRecord *r,
              Deps     *d)
{
  cr_event_set_name (CR_EVENT (r), "Visite papale 2024 (bis)");
  cr_event_set_status (CR_EVENT (r), CR_EVENT_STATUS_ACTIVE);
  cr_event_set_ends (CR_EVENT (r), NULL);
}

static CrRecord *
make_feature_kind (Deps        *d,
                   const char **column,
                   gint64      *value)
{
  CrFeatureKind *k = cr_feature_kind_new ();

  cr_feature_kind_set_code (k, "test_barrier");
  cr_feature_kind_set_group (k, CR_KIND_GROUP_ITINERARY);
  cr_feature_kind_set_label_en (k, "Barrier");
  cr_feature_kind_set_label_fr (k, "Barrière");
  cr_feature_kind_set_label_nl (k, "Afsluiting");
  cr_feature_kind_set_stroke_color (k, "#123456");
  cr_feature_kind_set_fill_opacity (k, 0.5);
  cr_feature_kind_set_line_style (k, CR_LINE_STYLE_DASHED);
  cr_feature_kind_set_line_width (k, 3.5);
  cr_feature_kind_set_icon_name (k, "cr-kind-barrier-symbolic");
  cr_feature_kind_set_sort_order (k, 999);
  *column = "sort_order";
  *value = 999;
  return CR_RECORD (k);
}

static void
mutate_feature_kind (CrRecord *r,
                     Deps     *d)
{
  cr_feature_kind_set_label_fr (CR_FEATURE_KIND (r), "Barrière Nadar");
  cr_feature_kind_set_fill_opacity (CR_FEATURE_KIND (r), 0.25);
  cr_feature_kind_set_fill_color (CR_FEATURE_KIND (r), "#abcdef");
}

static CrRecord *
make_feature (Deps        *d,
              const char **column,
              gint64      *value)
{
  CrFeature *f = cr_feature_new ();
  g_autoptr(CrGeometry) g = box_with_hole (4.31, 50.84, 4.33, 50.86);
  g_autoptr(GDateTime) from = utc ("2024-09-26T06:00:00.000Z");
  g_autoptr(GDateTime) to = utc ("2024-09-26T20:00:00.999Z");

  cr_feature_set_event_id (f, d->event);
  cr_feature_set_kind (f, "red_zone");
  cr_feature_set_name (f, "Zone rouge Basilique");
  cr_feature_set_geometry (f, g);
  cr_feature_set_active_from (f, from);
  cr_feature_set_active_to (f, to);
  cr_feature_set_partner_id (f, d->partner);
  cr_feature_set_notes (f, "Accès badge uniquement");
  cr_feature_set_properties (f, "{\"gates\":4}");
  cr_feature_set_center_lon (f, 4.32);
  cr_feature_set_center_lat (f, 50.85);
  cr_feature_set_radius_m (f, 700);
  *column = "event_id";
  *value = d->event;
  return CR_RECORD (f);
}

static void
mutate_feature (CrRecord *r,
                Deps     *d)
{
  g_autoptr(CrGeometry) line = segment (4.3, 50.8, 4.35, 50.85);

  cr_feature_set_geometry (CR_FEATURE (r), line);
  cr_feature_set_kind (CR_FEATURE (r), "motorcade");
  cr_feature_set_radius_m (CR_FEATURE (r), NAN);
  cr_feature_set_partner_id (CR_FEATURE (r), 0);
}

static CrRecord *
make_waypoint (Deps        *d,
               const char **column,
               gint64      *value)
{
  CrWaypoint *w = cr_waypoint_new ();
  g_autoptr(GDateTime) at = utc ("2024-09-27T09:15:00.000Z");

  cr_waypoint_set_feature_id (w, d->feature);
  cr_waypoint_set_position (w, 3);
  cr_waypoint_set_name (w, "Porte de Namur");
  cr_waypoint_set_lon (w, 4.3621);
  cr_waypoint_set_lat (w, 50.8386);
  cr_waypoint_set_planned_at (w, at);
  *column = "feature_id";
  *value = d->feature;
  return CR_RECORD (w);
}

static void
mutate_waypoint (CrRecord *r,
                 Deps     *d)
{
  cr_waypoint_set_planned_at (CR_WAYPOINT (r), NULL);
  cr_waypoint_set_position (CR_WAYPOINT (r), 4);
  cr_waypoint_set_lat (CR_WAYPOINT (r), -0.5);
}

static CrRecord *
make_partner (Deps        *d,
              const char **column,
              gint64      *value)
{
  CrPartner *p = cr_partner_new ();

  cr_partner_set_name (p, "Zone de police Bruxelles-Capitale/Ixelles");
  cr_partner_set_partner_type (p, CR_PARTNER_TYPE_POLICE_ZONE);
  cr_partner_set_languages (p, "fr,nl");
  cr_partner_set_address (p, "Rue du Marché au Charbon 30, 1000 Bruxelles");
  cr_partner_set_notes (p, "Dispatching 24/7");
  cr_partner_set_area_feature_id (p, d->feature);
  *column = "area_feature_id";
  *value = d->feature;
  return CR_RECORD (p);
}

static void
mutate_partner (CrRecord *r,
                Deps     *d)
{
  cr_partner_set_languages (CR_PARTNER (r), "fr,nl,en");
  cr_partner_set_partner_type (CR_PARTNER (r), CR_PARTNER_TYPE_OTHER);
  cr_partner_set_address (CR_PARTNER (r), NULL);
}

static CrRecord *
make_contact (Deps        *d,
              const char **column,
              gint64      *value)
{
  CrContact *c = cr_contact_new ();
  g_autoptr(GDateTime) at = utc ("2024-06-01T08:00:00.000Z");

  cr_contact_set_partner_id (c, d->partner);
  cr_contact_set_name (c, "Marie Dupont");
  cr_contact_set_function (c, "Officier de liaison");
  cr_contact_set_phone_mobile (c, "+32 470 00 00 01");
  cr_contact_set_phone_office (c, "+32 2 000 00 01");
  cr_contact_set_phone_24_7 (c, "+32 2 000 00 99");
  cr_contact_set_email (c, "marie.dupont@example.be");
  cr_contact_set_language (c, "fr");
  cr_contact_set_availability (c, CR_AVAILABILITY_ALWAYS);
  cr_contact_set_verified_at (c, at);
  cr_contact_set_verified_by (c, "Test Operator");
  cr_contact_set_notes (c, "SPOC principal");
  *column = "partner_id";
  *value = d->partner;
  return CR_RECORD (c);
}

static void
mutate_contact (CrRecord *r,
                Deps     *d)
{
  g_autoptr(GDateTime) at = utc ("2024-09-01T08:00:00.000Z");

  cr_contact_set_phone_24_7 (CR_CONTACT (r), "+32 2 000 00 98");
  cr_contact_set_verified_at (CR_CONTACT (r), at);
  cr_contact_set_availability (CR_CONTACT (r), CR_AVAILABILITY_OFFICE_HOURS);
}

static CrRecord *
make_spoc (Deps        *d,
           const char **column,
           gint64      *value)
{
  CrSpocAssignment *s = cr_spoc_assignment_new ();

  cr_spoc_assignment_set_partner_id (s, d->partner);
  cr_spoc_assignment_set_contact_id (s, d->contact);
  cr_spoc_assignment_set_rank (s, 1);
  *column = "partner_id";
  *value = d->partner;
  return CR_RECORD (s);
}

static void
mutate_spoc (CrRecord *r,
             Deps     *d)
{
  cr_spoc_assignment_set_rank (CR_SPOC_ASSIGNMENT (r), 2);
}

static CrRecord *
make_role (Deps        *d,
           const char **column,
           gint64      *value)
{
  CrRole *role = cr_role_new ();

  cr_role_set_event_id (role, d->event);
  cr_role_set_partner_id (role, d->partner);
  cr_role_set_discipline (role, CR_DISCIPLINE_D3);
  cr_role_set_responsibility (role, "Bouclage du périmètre rouge");
  cr_role_set_sector_id (role, d->feature);
  cr_role_set_contact_id (role, d->contact);
  *column = "event_id";
  *value = d->event;
  return CR_RECORD (role);
}

static void
mutate_role (CrRecord *r,
             Deps     *d)
{
  cr_role_set_discipline (CR_ROLE (r), CR_DISCIPLINE_D1);
  cr_role_set_sector_id (CR_ROLE (r), 0);
}

static CrRecord *
make_template (Deps        *d,
               const char **column,
               gint64      *value)
{
  CrChecklistTemplate *t = cr_checklist_template_new ();

  cr_checklist_template_set_name (t, "Sommet européen");
  cr_checklist_template_set_event_kind (t, "summit");
  cr_checklist_template_set_description (t, "Activation type sommet");
  *column = "version";
  *value = 1;
  return CR_RECORD (t);
}

static void
mutate_template (CrRecord *r,
                 Deps     *d)
{
  cr_checklist_template_set_description (CR_CHECKLIST_TEMPLATE (r), NULL);
  cr_checklist_template_set_event_kind (CR_CHECKLIST_TEMPLATE (r), "visit");
}

static CrRecord *
make_template_item (Deps        *d,
                    const char **column,
                    gint64      *value)
{
  CrChecklistTemplateItem *i = cr_checklist_template_item_new ();

  cr_checklist_template_item_set_template_id (i, d->template_);
  cr_checklist_template_item_set_position (i, 2);
  cr_checklist_template_item_set_cell (i, CR_CELL_LEGAL);
  cr_checklist_template_item_set_text (i, "Arrêté d'interdiction de drones");
  cr_checklist_template_item_set_responsible (i, "Cellule juridique");
  cr_checklist_template_item_set_due_offset_min (i, 30);
  cr_checklist_template_item_set_mandatory (i, TRUE);
  cr_checklist_template_item_set_partner_id (i, d->partner);
  cr_checklist_template_item_set_partner_type (i, "commune");
  *column = "template_id";
  *value = d->template_;
  return CR_RECORD (i);
}

static void
mutate_template_item (CrRecord *r,
                      Deps     *d)
{
  cr_checklist_template_item_set_mandatory (CR_CHECKLIST_TEMPLATE_ITEM (r), FALSE);
  cr_checklist_template_item_set_due_offset_min (CR_CHECKLIST_TEMPLATE_ITEM (r), -15);
}

static CrRecord *
make_activation (Deps        *d,
                 const char **column,
                 gint64      *value)
{
  CrActivation *a = cr_activation_new ();
  g_autoptr(GDateTime) opened = utc ("2024-09-26T05:30:00.000Z");

  cr_activation_set_event_id (a, d->event);
  cr_activation_set_name (a, "Phase 1");
  cr_activation_set_level (a, CR_ACTIVATION_LEVEL_FULL);
  cr_activation_set_cells (a, "operations,information");
  cr_activation_set_opened_at (a, opened);
  cr_activation_set_opened_by (a, "Test Operator");
  *column = "event_id";
  *value = d->event;
  return CR_RECORD (a);
}

/* Not closing it: a closed activation is read-only (test-activation.c),
 * and this test goes on to update and delete the row. */
static void
mutate_activation (CrRecord *r,
                   Deps     *d)
{
  cr_activation_set_name (CR_ACTIVATION (r), "Phase 2");
  cr_activation_set_level (CR_ACTIVATION (r), CR_ACTIVATION_LEVEL_PARTIAL);
  cr_activation_set_cells (CR_ACTIVATION (r), "situation,operations,legal");
}

static CrRecord *
make_activation_item (Deps        *d,
                      const char **column,
                      gint64      *value)
{
  CrActivationItem *i = cr_activation_item_new ();
  g_autoptr(GDateTime) due = utc ("2024-09-26T06:00:00.000Z");
  g_autoptr(GDateTime) state_at = utc ("2024-09-26T05:58:00.000Z");

  cr_activation_item_set_activation_id (i, d->activation);
  cr_activation_item_set_template_item_id (i, d->template_item);
  cr_activation_item_set_position (i, 1);
  cr_activation_item_set_cell (i, CR_CELL_SITUATION);
  cr_activation_item_set_text (i, "Premier point de situation");
  cr_activation_item_set_responsible (i, "Officier de garde");
  cr_activation_item_set_due_at (i, due);
  cr_activation_item_set_mandatory (i, TRUE);
  cr_activation_item_set_partner_id (i, d->partner);
  cr_activation_item_set_partner_type (i, "police-zone");
  cr_activation_item_set_state (i, CR_ITEM_STATE_DONE);
  cr_activation_item_set_state_at (i, state_at);
  cr_activation_item_set_state_by (i, "Test Operator");
  cr_activation_item_set_state_note (i, "Fait");
  *column = "activation_id";
  *value = d->activation;
  return CR_RECORD (i);
}

static void
mutate_activation_item (CrRecord *r,
                        Deps     *d)
{
  cr_activation_item_set_state (CR_ACTIVATION_ITEM (r), CR_ITEM_STATE_NOT_APPLICABLE);
  cr_activation_item_set_state_note (CR_ACTIVATION_ITEM (r), "Sans objet");
  cr_activation_item_set_template_item_id (CR_ACTIVATION_ITEM (r), 0);
}

static CrRecord *
make_log_entry (Deps        *d,
                const char **column,
                gint64      *value)
{
  CrLogEntry *l = cr_log_entry_new ();
  g_autoptr(GDateTime) recorded = utc ("2024-09-26T12:30:00.000Z");
  g_autoptr(GDateTime) occurred = utc ("2024-09-26T12:21:00.000Z");

  cr_log_entry_set_recorded_at (l, recorded);
  cr_log_entry_set_occurred_at (l, occurred);
  cr_log_entry_set_author (l, "Test Operator");
  cr_log_entry_set_category (l, CR_LOG_CATEGORY_DECISION);
  cr_log_entry_set_text (l, "Fermeture du tunnel Léopold II");
  cr_log_entry_set_feature_id (l, d->feature);
  cr_log_entry_set_partner_id (l, d->partner);
  cr_log_entry_set_activation_id (l, d->activation);
  cr_log_entry_set_hash (l, "0123abcd");
  *column = "activation_id";
  *value = d->activation;
  return CR_RECORD (l);
}

static CrRecord *
make_campaign (Deps        *d,
               const char **column,
               gint64      *value)
{
  CrAlertCampaign *c = cr_alert_campaign_new ();
  g_autoptr(GDateTime) started = utc ("2024-03-12T09:00:00.000Z");

  cr_alert_campaign_set_name (c, "Test d'alerte mars 2024");
  cr_alert_campaign_set_started_at (c, started);
  cr_alert_campaign_set_target_minutes (c, 20);
  cr_alert_campaign_set_notes (c, "Tous les SPOC régionaux");
  *column = "target_minutes";
  *value = 20;
  return CR_RECORD (c);
}

static void
mutate_campaign (CrRecord *r,
                 Deps     *d)
{
  g_autoptr(GDateTime) ended = utc ("2024-03-12T11:00:00.000Z");

  cr_alert_campaign_set_ended_at (CR_ALERT_CAMPAIGN (r), ended);
  cr_alert_campaign_set_notes (CR_ALERT_CAMPAIGN (r), "Terminé");
}

static CrRecord *
make_alert_test (Deps        *d,
                 const char **column,
                 gint64      *value)
{
  CrAlertTest *t = cr_alert_test_new ();
  g_autoptr(GDateTime) started = utc ("2024-03-12T09:01:00.000Z");
  g_autoptr(GDateTime) answered = utc ("2024-03-12T09:07:30.000Z");

  cr_alert_test_set_campaign_id (t, d->campaign);
  cr_alert_test_set_partner_id (t, d->partner);
  cr_alert_test_set_contact_id (t, d->contact);
  cr_alert_test_set_channel (t, CR_ALERT_CHANNEL_SMS);
  cr_alert_test_set_started_at (t, started);
  cr_alert_test_set_answered_at (t, answered);
  cr_alert_test_set_outcome (t, CR_ALERT_OUTCOME_CONFIRMED);
  cr_alert_test_set_notes (t, "OK");
  *column = "campaign_id";
  *value = d->campaign;
  return CR_RECORD (t);
}

static void
mutate_alert_test (CrRecord *r,
                   Deps     *d)
{
  cr_alert_test_set_outcome (CR_ALERT_TEST (r), CR_ALERT_OUTCOME_NO_ANSWER);
  cr_alert_test_set_answered_at (CR_ALERT_TEST (r), NULL);
  cr_alert_test_set_contact_id (CR_ALERT_TEST (r), 0);
}

static const CrudCase crud_cases[] = {
  { "event", make_event, mutate_event, FALSE },
  { "feature-kind", make_feature_kind, mutate_feature_kind, FALSE },
  { "feature", make_feature, mutate_feature, FALSE },
  { "waypoint", make_waypoint, mutate_waypoint, FALSE },
  { "partner", make_partner, mutate_partner, FALSE },
  { "contact", make_contact, mutate_contact, FALSE },
  { "spoc-assignment", make_spoc, mutate_spoc, FALSE },
  { "role", make_role, mutate_role, FALSE },
  { "checklist-template", make_template, mutate_template, FALSE },
  { "checklist-template-item", make_template_item, mutate_template_item, FALSE },
  { "activation", make_activation, mutate_activation, FALSE },
  { "activation-item", make_activation_item, mutate_activation_item, FALSE },
  { "log-entry", make_log_entry, NULL, TRUE },
  { "alert-campaign", make_campaign, mutate_campaign, FALSE },
  { "alert-test", make_alert_test, mutate_alert_test, FALSE },
};

static GParamSpec *
version_field (CrRecord *record)
{
  return g_object_class_find_property (G_OBJECT_GET_CLASS (record), "version");
}

static gboolean
list_contains_equal (GListModel *list,
                     CrRecord   *record)
{
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(CrRecord) item = g_list_model_get_item (list, i);

      if (cr_record_equal (item, record))
        return TRUE;
    }
  return FALSE;
}

static void
test_crud (gconstpointer data)
{
  const CrudCase *c = data;
  Deps d = { 0 };
  g_autoptr(CrRecord) record = NULL;
  g_autoptr(CrRecord) got = NULL;
  g_autoptr(CrRecord) before_update = NULL;
  g_autoptr(GListModel) list = NULL;
  g_autoptr(GError) error = NULL;
  const char *column = NULL;
  gint64 value = 0, n_all, n_filtered;
  GParamSpec *version;
  GType type;

  deps_init (&d);
  record = c->make (&d, &column, &value);
  type = G_OBJECT_TYPE (record);
  version = version_field (record);
  g_assert_true (c->append_only || version != NULL);

  n_all = cr_store_count (d.store, type, NULL, 0, &error);
  g_assert_no_error (error);
  n_filtered = cr_store_count (d.store, type, column, value, &error);
  g_assert_no_error (error);

  /* Insert: an id, and version 1 whatever the record said. */
  if (version != NULL)
    cr_record_set_int64 (record, version, 5);
  insert_ok (d.store, record);
  if (version != NULL)
    g_assert_cmpint (cr_record_get_int64 (record, version), ==, 1);
  g_assert_cmpint (cr_store_count (d.store, type, NULL, 0, NULL), ==, n_all + 1);
  g_assert_cmpint (cr_store_count (d.store, type, column, value, NULL), ==, n_filtered + 1);

  /* Get: every field as written. */
  got = cr_store_get (d.store, type, cr_record_get_id (record), &error);
  g_assert_no_error (error);
  g_assert_nonnull (got);
  g_assert_true (G_OBJECT_TYPE (got) == type);
  if (!cr_record_equal (got, record))
    {
      g_autoptr(cJSON) a = cr_record_to_json (got);
      g_autoptr(cJSON) b = cr_record_to_json (record);
      g_autofree char *ta = cJSON_Print (a);
      g_autofree char *tb = cJSON_Print (b);

      g_error ("read back %s, wrote %s", ta, tb);
    }

  /* List, filtered and not. */
  list = cr_store_list (d.store, type, column, value, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_list_model_get_n_items (list), ==, n_filtered + 1);
  g_assert_true (g_list_model_get_item_type (list) == type);
  g_assert_true (list_contains_equal (list, record));
  g_clear_object (&list);
  list = cr_store_list (d.store, type, NULL, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_list_model_get_n_items (list), ==, n_all + 1);
  g_assert_true (list_contains_equal (list, record));
  g_clear_object (&list);
  /* A value nothing has. */
  list = cr_store_list (d.store, type, column, 987654, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_list_model_get_n_items (list), ==, 0);
  g_clear_object (&list);

  if (c->append_only)
    {
      g_assert_false (cr_store_update (d.store, record, &error));
      g_assert_error (error, CR_STORE_ERROR, CR_STORE_ERROR_READ_ONLY);
      g_clear_error (&error);
      g_assert_false (cr_store_delete (d.store, record, &error));
      g_assert_error (error, CR_STORE_ERROR, CR_STORE_ERROR_READ_ONLY);
      g_clear_error (&error);
      g_clear_object (&got);
      got = cr_store_get (d.store, type, cr_record_get_id (record), &error);
      g_assert_no_error (error);
      g_assert_true (cr_record_equal (got, record));
      deps_clear (&d);
      return;
    }

  /* Update: the new values, and the next version. */
  before_update = cr_record_copy (record);
  c->mutate (record, &d);
  g_assert_false (cr_record_equal (record, before_update));
  g_assert_true (cr_store_update (d.store, record, &error));
  g_assert_no_error (error);
  g_assert_cmpint (cr_record_get_int64 (record, version), ==, 2);
  g_clear_object (&got);
  got = cr_store_get (d.store, type, cr_record_get_id (record), &error);
  g_assert_no_error (error);
  g_assert_true (cr_record_equal (got, record));
  g_assert_cmpint (cr_store_count (d.store, type, NULL, 0, NULL), ==, n_all + 1);

  /* An update without change still bumps the version. */
  g_assert_true (cr_store_update (d.store, record, &error));
  g_assert_no_error (error);
  g_assert_cmpint (cr_record_get_int64 (record, version), ==, 3);

  /* Delete. */
  g_assert_true (cr_store_delete (d.store, record, &error));
  g_assert_no_error (error);
  g_clear_object (&got);
  got = cr_store_get (d.store, type, cr_record_get_id (record), &error);
  g_assert_null (got);
  g_assert_error (error, CR_STORE_ERROR, CR_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (cr_store_count (d.store, type, NULL, 0, NULL), ==, n_all);
  /* Twice: gone. */
  g_assert_false (cr_store_delete (d.store, record, &error));
  g_assert_error (error, CR_STORE_ERROR, CR_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (cr_store_update (d.store, record, &error));
  g_assert_error (error, CR_STORE_ERROR, CR_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* The store is still usable: no transaction was left open. */
  g_assert_cmpuint (d.store->tx_depth, ==, 0);
  deps_clear (&d);
}

/* ---- Creating a file ---- */

static void
test_create (void)
{
  g_autoptr(CrStore) store = cr_test_open_store ();
  g_autoptr(GError) error = NULL;
  const char *path = cr_store_get_path (store);
  GStatBuf st;
  sqlite3 *db;
  g_autofree char *mode = NULL;
  g_autoptr(GListModel) kinds = NULL;
  g_autoptr(CrFeatureKind) red = NULL;
  g_autoptr(CrFeatureKind) drone = NULL;
  g_autoptr(CrFeatureKind) pma = NULL;

  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpint (cr_store_get_schema_version (store), ==, cr_store_latest_schema_version ());
  g_assert_cmpint (cr_store_latest_schema_version (), >=, 3);
  g_assert_cmpstr (cr_store_get_operator (store), ==, "Test Operator");

  /* Personal data: for the owner only. */
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  {
    const char *suffixes[] = { "-wal", "-shm" };

    for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
      {
        g_autofree char *side = g_strconcat (path, suffixes[i], NULL);

        g_assert_cmpint (g_stat (side, &st), ==, 0);
        g_assert_cmpint (st.st_mode & 0777, ==, 0600);
      }
  }

  /* Foreign keys on the store's connection. */
  g_assert_cmpint (store_int (store, "PRAGMA foreign_keys"), ==, 1);

  /* What any reader sees in the file. */
  db = raw_open (path);
  mode = raw_text (db, "PRAGMA journal_mode");
  g_assert_cmpstr (mode, ==, "wal");
  g_assert_cmpint (raw_int (db, "PRAGMA application_id"), ==, 0x47504B47);
  g_assert_cmpint (raw_int (db, "PRAGMA user_version"), ==, 10200);
  g_assert_cmpint (raw_int (db, "SELECT value FROM cr_meta WHERE key = 'schema_version'"), ==,
                   cr_store_latest_schema_version ());
  g_assert_cmpint (raw_int (db, "SELECT count(*) FROM gpkg_spatial_ref_sys WHERE srs_id = 4326"), ==, 1);
  g_assert_cmpint (raw_int (db, "SELECT count(*) FROM gpkg_geometry_columns"
                                " WHERE table_name = 'features' AND column_name = 'geometry'"), ==, 1);
  sqlite3_close (db);

  /* The header is in the file itself, not only in the WAL. */
  {
    g_autofree char *contents = NULL;
    gsize len;
    guint32 app_id, user_version;

    g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
    g_assert_cmpuint (len, >=, 100);
    memcpy (&app_id, contents + 68, 4);
    memcpy (&user_version, contents + 60, 4);
    g_assert_cmphex (GUINT32_FROM_BE (app_id), ==, 0x47504B47);
    g_assert_cmpuint (GUINT32_FROM_BE (user_version), ==, 10200);
  }

  /* The seeded kind catalogue, in three languages. */
  kinds = cr_store_list_feature_kinds (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (kinds), >=, 20);
  for (guint i = 0; i < g_list_model_get_n_items (kinds); i++)
    {
      g_autoptr(CrFeatureKind) k = g_list_model_get_item (kinds, i);

      g_assert_true (cr_feature_kind_get_builtin (k));
      g_assert_cmpuint (strlen (cr_feature_kind_get_label_en (k)), >, 0);
      g_assert_cmpuint (strlen (cr_feature_kind_get_label_fr (k)), >, 0);
      g_assert_cmpuint (strlen (cr_feature_kind_get_label_nl (k)), >, 0);
      g_assert_true (g_str_has_prefix (cr_feature_kind_get_stroke_color (k), "#"));
      if (i > 0)
        {
          g_autoptr(CrFeatureKind) prev = g_list_model_get_item (kinds, i - 1);

          g_assert_cmpint (cr_feature_kind_get_sort_order (prev), <=, cr_feature_kind_get_sort_order (k));
        }
    }
  red = cr_store_find_feature_kind (store, "red_zone", &error);
  g_assert_no_error (error);
  g_assert_nonnull (red);
  g_assert_cmpint (cr_feature_kind_get_group (red), ==, CR_KIND_GROUP_PERIMETER);
  g_assert_cmpstr (cr_feature_kind_get_label_en (red), ==, "Red zone (exclusion)");
  g_assert_cmpstr (cr_feature_kind_get_label_fr (red), ==, "Zone rouge (exclusion)");
  g_assert_cmpstr (cr_feature_kind_get_label_nl (red), ==, "Rode zone (uitsluiting)");
  g_assert_cmpfloat (cr_feature_kind_get_fill_opacity (red), ==, 0.30);
  drone = cr_store_find_feature_kind (store, "drone_ban_zone", NULL);
  g_assert_cmpstr (cr_feature_kind_get_label_fr (drone), ==, "Zone d'interdiction de drones");
  g_assert_cmpint (cr_feature_kind_get_line_style (drone), ==, CR_LINE_STYLE_HATCHED);
  pma = cr_store_find_feature_kind (store, "medical_post", NULL);
  g_assert_cmpint (cr_feature_kind_get_group (pma), ==, CR_KIND_GROUP_POINT);
  g_assert_cmpstr (cr_feature_kind_get_label_nl (pma), ==, "Vooruitgeschoven medische post (VMP)");
  g_assert_null (cr_store_find_feature_kind (store, "no_such_kind", &error));
  g_assert_no_error (error);
}

static void
test_reopen (void)
{
  g_autofree char *path = cr_test_tmp_path ("nested/folders/reopen.gpkg");
  g_autoptr(GError) error = NULL;
  g_autoptr(CrStore) store = cr_store_open (path, &error);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(CrEvent) found = NULL;
  GStatBuf st;
  gint64 id;

  /* Missing folders are made, for the owner only. */
  g_assert_no_error (error);
  g_assert_nonnull (store);
  g_assert_cmpint (g_stat (dir, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);
  g_assert_cmpstr (cr_store_get_path (store), ==, path);
  /* Some operator name is always there for the audit log. */
  g_assert_nonnull (cr_store_get_operator (store));
  g_assert_cmpuint (strlen (cr_store_get_operator (store)), >, 0);

  id = insert_event (store, "Nouvel An 2025");
  g_clear_object (&store);

  store = cr_store_open (path, &error);
  g_assert_no_error (error);
  found = cr_store_find_event (store, "NOUVEL AN 2025", &error);
  g_assert_no_error (error);
  g_assert_nonnull (found);
  g_assert_cmpint (cr_record_get_id (CR_RECORD (found)), ==, id);
  g_assert_null (cr_store_find_event (store, "Nouvel An 2026", &error));
  g_assert_no_error (error);
}

/* ---- Audit ---- */

static CrAuditEntry *
last_audit (CrStore *store)
{
  g_autoptr(GListModel) list = cr_store_list (store, CR_TYPE_AUDIT_ENTRY, NULL, 0, NULL);
  guint n = g_list_model_get_n_items (list);

  g_assert_cmpuint (n, >, 0);
  return g_list_model_get_item (list, n - 1);
}

static cJSON *
parse_json (const char *text)
{
  cJSON *json = cJSON_Parse (text);

  g_assert_nonnull (json);
  return json;
}

static void
assert_recent (GDateTime *at,
               GDateTime *t0)
{
  g_autoptr(GDateTime) t1 = cr_time_now_utc ();

  g_assert_nonnull (at);
  g_assert_cmpint (g_date_time_get_utc_offset (at), ==, 0);
  /* Storage keeps milliseconds: allow for the cut. */
  g_assert_cmpint (g_date_time_difference (at, t0), >=, -1000);
  g_assert_cmpint (g_date_time_difference (t1, at), >=, 0);
}

static void
test_audit (void)
{
  g_autoptr(CrStore) store = cr_test_open_store ();
  g_autoptr(CrEvent) event = cr_event_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) t0 = cr_time_now_utc ();
  gint64 n_audit = cr_store_count (store, CR_TYPE_AUDIT_ENTRY, NULL, 0, NULL);
  gint64 id;

  cr_store_set_operator (store, "Alice Martin");
  g_assert_cmpstr (cr_store_get_operator (store), ==, "Alice Martin");

  cr_event_set_name (event, "Sommet OTAN");
  cr_event_set_kind (event, CR_EVENT_KIND_SUMMIT);
  insert_ok (store, event);
  id = cr_record_get_id (CR_RECORD (event));
  g_assert_cmpint (cr_store_count (store, CR_TYPE_AUDIT_ENTRY, NULL, 0, NULL), ==, n_audit + 1);
  {
    g_autoptr(CrAuditEntry) a = last_audit (store);
    g_autoptr(cJSON) after = parse_json (cr_audit_entry_get_after (a));

    g_assert_cmpstr (cr_audit_entry_get_operator (a), ==, "Alice Martin");
    g_assert_cmpstr (cr_audit_entry_get_table_name (a), ==, "events");
    g_assert_cmpint (cr_audit_entry_get_row_id (a), ==, id);
    g_assert_cmpstr (cr_audit_entry_get_action (a), ==, "insert");
    g_assert_null (cr_audit_entry_get_before (a));
    assert_recent (cr_audit_entry_get_at (a), t0);
    g_assert_cmpfloat (cJSON_GetObjectItem (after, "id")->valuedouble, ==, id);
    g_assert_cmpstr (cJSON_GetObjectItem (after, "name")->valuestring, ==, "Sommet OTAN");
    g_assert_cmpstr (cJSON_GetObjectItem (after, "kind")->valuestring, ==, "summit");
    g_assert_cmpfloat (cJSON_GetObjectItem (after, "version")->valuedouble, ==, 1);
  }
  /* Stored as UTC text, the GeoPackage way. */
  {
    g_autofree char *sql = g_strdup_printf ("SELECT at FROM audit WHERE table_name = 'events' AND row_id = %"
                                            G_GINT64_FORMAT, id);
    g_autofree char *at = raw_text (store->db, sql);

    g_assert_nonnull (at);
    g_assert_cmpuint (strlen (at), ==, 24);
    g_assert_cmpint (at[10], ==, 'T');
    g_assert_cmpint (at[23], ==, 'Z');
  }

  cr_store_set_operator (store, "Bob Peeters");
  cr_event_set_name (event, "Sommet OTAN 2025");
  g_assert_true (cr_store_update (store, CR_RECORD (event), &error));
  g_assert_no_error (error);
  {
    g_autoptr(CrAuditEntry) a = last_audit (store);
    g_autoptr(cJSON) before = parse_json (cr_audit_entry_get_before (a));
    g_autoptr(cJSON) after = parse_json (cr_audit_entry_get_after (a));

    g_assert_cmpstr (cr_audit_entry_get_operator (a), ==, "Bob Peeters");
    g_assert_cmpstr (cr_audit_entry_get_action (a), ==, "update");
    g_assert_cmpint (cr_audit_entry_get_row_id (a), ==, id);
    g_assert_cmpstr (cJSON_GetObjectItem (before, "name")->valuestring, ==, "Sommet OTAN");
    g_assert_cmpfloat (cJSON_GetObjectItem (before, "version")->valuedouble, ==, 1);
    g_assert_cmpstr (cJSON_GetObjectItem (after, "name")->valuestring, ==, "Sommet OTAN 2025");
    g_assert_cmpfloat (cJSON_GetObjectItem (after, "version")->valuedouble, ==, 2);
    assert_recent (cr_audit_entry_get_at (a), t0);
  }

  g_assert_true (cr_store_delete (store, CR_RECORD (event), &error));
  g_assert_no_error (error);
  {
    g_autoptr(CrAuditEntry) a = last_audit (store);
    g_autoptr(cJSON) before = parse_json (cr_audit_entry_get_before (a));

    g_assert_cmpstr (cr_audit_entry_get_action (a), ==, "delete");
    g_assert_cmpstr (cr_audit_entry_get_table_name (a), ==, "events");
    g_assert_cmpint (cr_audit_entry_get_row_id (a), ==, id);
    g_assert_null (cr_audit_entry_get_after (a));
    g_assert_cmpstr (cJSON_GetObjectItem (before, "name")->valuestring, ==, "Sommet OTAN 2025");
  }
  g_assert_cmpint (cr_store_count (store, CR_TYPE_AUDIT_ENTRY, NULL, 0, NULL), ==, n_audit + 3);
  g_assert_cmpint (cr_store_count (store, CR_TYPE_AUDIT_ENTRY, "row_id", id, NULL), ==, 3);

  /* Geometry is summarised in the audit, not copied. */
  {
    g_autoptr(CrGeometry) g = box_polygon (4.3, 50.8, 4.4, 50.9);
    g_autoptr(CrAuditEntry) a = NULL;
    g_autoptr(cJSON) after = NULL;
    cJSON *geometry;

    insert_feature (store, 0, "area", g);
    a = last_audit (store);
    after = parse_json (cr_audit_entry_get_after (a));
    geometry = cJSON_GetObjectItem (after, "geometry");
    g_assert_cmpstr (cJSON_GetObjectItem (geometry, "type")->valuestring, ==, "Polygon");
    g_assert_cmpfloat (cJSON_GetObjectItem (geometry, "positions")->valuedouble, ==, 5);
    g_assert_true (cJSON_IsNull (cJSON_GetObjectItem (after, "event_id")));
  }
}

/* ---- Optimistic concurrency ---- */

static void
test_conflict (void)
{
  g_autoptr(CrStore) store = cr_test_open_store ();
  g_autoptr(CrPartner) a = NULL;
  g_autoptr(CrPartner) b = NULL;
  g_autoptr(CrPartner) now = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = insert_partner (store, "Bruxelles Prévention & Sécurité");
  gint64 n_audit;

  a = cr_store_get (store, CR_TYPE_PARTNER, id, &error);
  g_assert_no_error (error);
  b = cr_store_get (store, CR_TYPE_PARTNER, id, &error);
  g_assert_no_error (error);

  cr_partner_set_notes (a, "Edited by A");
  g_assert_true (cr_store_update (store, CR_RECORD (a), &error));
  g_assert_no_error (error);
  g_assert_cmpint (cr_partner_get_version (a), ==, 2);
  n_audit = cr_store_count (store, CR_TYPE_AUDIT_ENTRY, NULL, 0, NULL);

  cr_partner_set_notes (b, "Edited by B");
  cr_partner_set_languages (b, "nl");
  g_assert_false (cr_store_update (store, CR_RECORD (b), &error));
  g_assert_error (error, CR_STORE_ERROR, CR_STORE_ERROR_CONFLICT);
  g_clear_error (&error);
  /* B keeps its edit and its version, to show or retry. */
  g_assert_cmpint (cr_partner_get_version (b), ==, 1);
  g_assert_cmpstr (cr_partner_get_notes (b), ==, "Edited by B");

  now = cr_store_get (store, CR_TYPE_PARTNER, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cr_partner_get_notes (now), ==, "Edited by A");
  g_assert_null (cr_partner_get_languages (now));
  g_assert_cmpint (cr_partner_get_version (now), ==, 2);
  g_assert_true (cr_record_equal (CR_RECORD (now), CR_RECORD (a)));
  /* Nothing audited for the refused write. */
  g_assert_cmpint (cr_store_count (store, CR_TYPE_AUDIT_ENTRY, NULL, 0, NULL), ==, n_audit);
  g_assert_cmpuint (store->tx_depth, ==, 0);

  /* After reloading, B can write. */
  cr_partner_set_version (b, cr_partner_get_version (now));
  g_assert_true (cr_store_update (store, CR_RECORD (b), &error));
  g_assert_no_error (error);
  g_assert_cmpint (cr_partner_get_version (b), ==, 3);
}

/* ---- Signals ---- */

typedef struct
{
  CrStore *store;
  GPtrArray *log;
  guint n_events_detail;
  gboolean seen_inside_tx;
  gboolean seen_uncommitted;
} Changes;

static void
changed_cb (CrStore    *store,
            const char *table,
            gint64      row_id,
            int         change,
            Changes    *c)
{
  g_ptr_array_add (c->log, g_strdup_printf ("%s:%" G_GINT64_FORMAT ":%d", table, row_id, change));
  if (store->tx_depth != 0)
    c->seen_inside_tx = TRUE;
  /* Another connection must see the change already: it committed. */
  if (row_id > 0 && change != CR_STORE_CHANGE_DELETE)
    {
      sqlite3 *other = raw_open (cr_store_get_path (store));
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM \"%s\" WHERE id = %" G_GINT64_FORMAT,
                                              table, row_id);

      if (raw_int (other, sql) != 1)
        c->seen_uncommitted = TRUE;
      sqlite3_close (other);
    }
}

static void
events_detail_cb (CrStore    *store,
                  const char *table,
                  gint64      row_id,
                  int         change,
                  Changes    *c)
{
  g_assert_cmpstr (table, ==, "events");
  c->n_events_detail++;
}

static void
changes_init (Changes *c,
              CrStore *store)
{
  c->store = store;
  c->log = g_ptr_array_new_with_free_func (g_free);
  g_signal_connect (store, "changed", G_CALLBACK (changed_cb), c);
  g_signal_connect (store, "changed::events", G_CALLBACK (events_detail_cb), c);
}

static void
changes_clear (Changes *c)
{
  g_signal_handlers_disconnect_by_data (c->store, c);
  g_clear_pointer (&c->log, g_ptr_array_unref);
}

static char *
change_str (const char *table,
            gint64      id,
            int         change)
{
  return g_strdup_printf ("%s:%" G_GINT64_FORMAT ":%d", table, id, change);
}

static void
assert_change (Changes    *c,
               guint       index,
               const char *table,
               gint64      id,
               int         change)
{
  g_autofree char *expected = change_str (table, id, change);

  g_assert_cmpuint (index, <, c->log->len);
  g_assert_cmpstr (g_ptr_array_index (c->log, index), ==, expected);
}

static void
test_changed_signal (void)
{
  g_autoptr(CrStore) store = cr_test_open_store ();
  g_autoptr(CrEvent) event = cr_event_new ();
  g_autoptr(GError) error = NULL;
  Changes c = { 0 };
  gint64 p1, p2, p3;

  changes_init (&c, store);

  cr_event_set_name (event, "Match Belgique-France");
  insert_ok (store, event);
  g_assert_cmpuint (c.log->len, ==, 1);
  assert_change (&c, 0, "events", cr_record_get_id (CR_RECORD (event)), CR_STORE_CHANGE_INSERT);
  g_assert_cmpuint (c.n_events_detail, ==, 1);

  cr_event_set_kind (event, CR_EVENT_KIND_MATCH);
  g_assert_true (cr_store_update (store, CR_RECORD (event), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (c.log->len, ==, 2);
  assert_change (&c, 1, "events", cr_record_get_id (CR_RECORD (event)), CR_STORE_CHANGE_UPDATE);

  /* Several writes in one transaction: nothing until the commit, then
   * once per row, in order. */
  g_assert_true (cr_store_begin (store, &error));
  p1 = insert_partner (store, "Partner 1");
  p2 = insert_partner (store, "Partner 2");
  p3 = insert_partner (store, "Partner 3");
  g_assert_cmpuint (c.log->len, ==, 2);
  g_assert_true (cr_store_commit (store, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (c.log->len, ==, 5);
  assert_change (&c, 2, "partners", p1, CR_STORE_CHANGE_INSERT);
  assert_change (&c, 3, "partners", p2, CR_STORE_CHANGE_INSERT);
  assert_change (&c, 4, "partners", p3, CR_STORE_CHANGE_INSERT);
  /* The partners did not reach the "changed::events" handler. */
  g_assert_cmpuint (c.n_events_detail, ==, 2);

  g_assert_true (cr_store_delete (store, CR_RECORD (event), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (c.log->len, ==, 6);
  assert_change (&c, 5, "events", cr_record_get_id (CR_RECORD (event)), CR_STORE_CHANGE_DELETE);
  g_assert_cmpuint (c.n_events_detail, ==, 3);

  /* A failed write says nothing. */
  {
    g_autoptr(CrPartner) dup = cr_partner_new ();

    cr_partner_set_name (dup, "PARTNER 1");
    g_assert_false (cr_store_insert (store, CR_RECORD (dup), &error));
    g_assert_error (error, CR_STORE_ERROR, CR_STORE_ERROR_CONSTRAINT);
    g_clear_error (&error);
    g_assert_cmpint (cr_record_get_id (CR_RECORD (dup)), ==, 0);
  }
  g_assert_cmpuint (c.log->len, ==, 6);

  /* Emitting by hand, for changes made elsewhere. */
  cr_store_emit_changed (store, "events", 0, CR_STORE_CHANGE_RELOAD);
  assert_change (&c, 6, "events", 0, CR_STORE_CHANGE_RELOAD);
  g_assert_cmpuint (c.n_events_detail, ==, 4);

  g_assert_false (c.seen_inside_tx);
  g_assert_false (c.seen_uncommitted);
  changes_clear (&c);
}

/* ---- Transactions ---- */

static void
test_rollback_on_error (void)
{
  g_autoptr(CrStore) store = cr_test_open_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(CrPartner) a = cr_partner_new ();
  g_autoptr(CrPartner) b = cr_partner_new ();
  g_autoptr(CrPartner) dup = cr_partner_new ();
  gint64 n_audit = cr_store_count (store, CR_TYPE_AUDIT_ENTRY, NULL, 0, NULL);
  gint64 n_partners = cr_store_count (store, CR_TYPE_PARTNER, NULL, 0, NULL);
  Changes c = { 0 };

  changes_init (&c, store);

  cr_partner_set_name (a, "SIAMU");
  cr_partner_set_name (b, "Protection civile");
  cr_partner_set_name (dup, "siamu");

  g_assert_true (cr_store_begin (store, &error));
  insert_ok (store, a);
  insert_ok (store, b);
  g_assert_false (cr_store_insert (store, CR_RECORD (dup), &error));
  g_assert_error (error, CR_STORE_ERROR, CR_STORE_ERROR_CONSTRAINT);
  /* The message names what went wrong and says what to do. */
  g_assert_nonnull (strstr (error->message, "name"));
  g_clear_error (&error);
  cr_store_rollback (store);

  g_assert_cmpuint (store->tx_depth, ==, 0);
  g_assert_cmpint (cr_store_count (store, CR_TYPE_PARTNER, NULL, 0, NULL), ==, n_partners);
  g_assert_cmpint (cr_store_count (store, CR_TYPE_AUDIT_ENTRY, NULL, 0, NULL), ==, n_audit);
  g_assert_cmpuint (c.log->len, ==, 0);

  /* The next write works and is announced normally. */
  g_assert_true (cr_store_insert (store, CR_RECORD (dup), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (c.log->len, ==, 1);

  /* A dangling reference is refused too. */
  {
    g_autoptr(CrContact) contact = cr_contact_new ();

    cr_contact_set_name (contact, "Nobody");
    cr_contact_set_partner_id (contact, 424242);
    g_assert_false (cr_store_insert (store, CR_RECORD (contact), &error));
    g_assert_error (error, CR_STORE_ERROR, CR_STORE_ERROR_CONSTRAINT);
    g_clear_error (&error);
    g_assert_cmpint (cr_store_count (store, CR_TYPE_CONTACT, NULL, 0, NULL), ==, 0);
  }
  /* And a NOT NULL column left empty. */
  {
    g_autoptr(CrPartner) unnamed = cr_partner_new ();

    g_assert_false (cr_store_insert (store, CR_RECORD (unnamed), &error));
    g_assert_error (error, CR_STORE_ERROR, CR_STORE_ERROR_CONSTRAINT);
    g_clear_error (&error);
  }
  g_assert_cmpuint (c.log->len, ==, 1);
  g_assert_cmpuint (store->tx_depth, ==, 0);
  changes_clear (&c);
}

static void
test_nested_transactions (void)
{
  g_autoptr(CrStore) store = cr_test_open_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(CrEvent) found = NULL;
  gint64 a, b, c_id;
  Changes c = { 0 };

  changes_init (&c, store);

  g_assert_true (cr_store_begin (store, &error));
  a = insert_event (store, "Outer A");
  g_assert_true (cr_store_begin (store, &error));
  b = insert_event (store, "Inner B");
  g_assert_cmpuint (store->tx_depth, ==, 2);
  cr_store_rollback (store);
  g_assert_cmpuint (store->tx_depth, ==, 1);
  c_id = insert_event (store, "Outer C");
  g_assert_cmpuint (c.log->len, ==, 0);
  g_assert_true (cr_store_commit (store, &error));
  g_assert_no_error (error);

  found = cr_store_get (store, CR_TYPE_EVENT, a, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cr_event_get_name (found), ==, "Outer A");
  g_clear_object (&found);
  /* The rolled-back id is free again: C may have taken it. */
  g_assert_cmpint (b, >, a);
  g_assert_null (cr_store_find_event (store, "Inner B", &error));
  g_assert_no_error (error);
  found = cr_store_find_event (store, "Outer C", &error);
  g_assert_nonnull (found);
  g_assert_cmpint (cr_record_get_id (CR_RECORD (found)), ==, c_id);
  g_clear_object (&found);
  g_assert_cmpint (cr_store_count (store, CR_TYPE_EVENT, NULL, 0, NULL), ==, 2);

  /* Only what survived is announced. */
  g_assert_cmpuint (c.log->len, ==, 2);
  assert_change (&c, 0, "events", a, CR_STORE_CHANGE_INSERT);
  assert_change (&c, 1, "events", c_id, CR_STORE_CHANGE_INSERT);

  /* An inner commit waits for the outer one. */
  g_assert_true (cr_store_begin (store, &error));
  g_assert_true (cr_store_begin (store, &error));
  b = insert_event (store, "Inner D");
  g_assert_true (cr_store_commit (store, &error));
  g_assert_cmpuint (c.log->len, ==, 2);
  g_assert_true (cr_store_commit (store, &error));
  g_assert_cmpuint (c.log->len, ==, 3);
  assert_change (&c, 2, "events", b, CR_STORE_CHANGE_INSERT);

  /* An outer rollback takes the committed inner work with it. */
  g_assert_true (cr_store_begin (store, &error));
  g_assert_true (cr_store_begin (store, &error));
  insert_event (store, "Inner E");
  g_assert_true (cr_store_commit (store, &error));
  cr_store_rollback (store);
  g_assert_null (cr_store_find_event (store, "Inner E", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (c.log->len, ==, 3);
  g_assert_cmpuint (store->tx_depth, ==, 0);

  g_assert_false (c.seen_inside_tx);
  g_assert_false (c.seen_uncommitted);
  changes_clear (&c);
}

/* ---- Append-only tables ---- */

static void
test_append_only (void)
{
  g_autoptr(CrStore) store = cr_test_open_store ();
  g_autoptr(CrLogEntry) entry = cr_log_entry_new ();
  g_autoptr(CrLogEntry) correction = cr_log_entry_new ();
  g_autoptr(CrAuditEntry) audit = NULL;
  g_autoptr(GDateTime) now = cr_time_now_utc ();
  g_autoptr(GError) error = NULL;
  const char *raw_writes[] = {
    "UPDATE logbook SET text = 'rewritten'",
    "DELETE FROM logbook",
    "UPDATE audit SET operator = 'someone else'",
    "DELETE FROM audit",
  };
  gint64 n_audit;
  sqlite3 *db;

  cr_log_entry_set_recorded_at (entry, now);
  cr_log_entry_set_author (entry, "Test Operator");
  cr_log_entry_set_text (entry, "Foule dense porte C");
  cr_log_entry_set_category (entry, CR_LOG_CATEGORY_INCIDENT);
  insert_ok (store, entry);

  /* Corrections are new entries pointing at the old one. */
  cr_log_entry_set_recorded_at (correction, now);
  cr_log_entry_set_author (correction, "Test Operator");
  cr_log_entry_set_text (correction, "Porte D, pas C");
  cr_log_entry_set_corrects_id (correction, cr_record_get_id (CR_RECORD (entry)));
  insert_ok (store, correction);

  cr_log_entry_set_text (entry, "rewritten");
  g_assert_false (cr_store_update (store, CR_RECORD (entry), &error));
  g_assert_error (error, CR_STORE_ERROR, CR_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_false (cr_store_delete (store, CR_RECORD (entry), &error));
  g_assert_error (error, CR_STORE_ERROR, CR_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);

  audit = last_audit (store);
  g_assert_false (cr_store_update (store, CR_RECORD (audit), &error));
  g_assert_error (error, CR_STORE_ERROR, CR_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_false (cr_store_delete (store, CR_RECORD (audit), &error));
  g_assert_error (error, CR_STORE_ERROR, CR_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);

  /* The file itself refuses, whoever writes: another program... */
  n_audit = cr_store_count (store, CR_TYPE_AUDIT_ENTRY, NULL, 0, NULL);
  db = raw_open (cr_store_get_path (store));
  for (guint i = 0; i < G_N_ELEMENTS (raw_writes); i++)
    {
      int rc = sqlite3_exec (db, raw_writes[i], NULL, NULL, NULL);

      g_assert_cmpint (rc & 0xff, ==, SQLITE_CONSTRAINT);
      g_assert_nonnull (strstr (sqlite3_errmsg (db), "append-only"));
    }
  sqlite3_close (db);

  /* ...or the store's own connection, with the error a user gets. */
  for (guint i = 0; i < G_N_ELEMENTS (raw_writes); i++)
    {
      g_assert_false (_cr_store_exec (store->db, raw_writes[i], &error));
      g_assert_error (error, CR_STORE_ERROR, CR_STORE_ERROR_READ_ONLY);
      g_clear_error (&error);
    }

  {
    g_autoptr(CrLogEntry) got = cr_store_get (store, CR_TYPE_LOG_ENTRY, cr_record_get_id (CR_RECORD (entry)), &error);

    g_assert_no_error (error);
    g_assert_cmpstr (cr_log_entry_get_text (got), ==, "Foule dense porte C");
  }
  g_assert_cmpint (cr_store_count (store, CR_TYPE_LOG_ENTRY, NULL, 0, NULL), ==, 2);
  g_assert_cmpint (cr_store_count (store, CR_TYPE_AUDIT_ENTRY, NULL, 0, NULL), ==, n_audit);
  g_assert_cmpuint (store->tx_depth, ==, 0);
}

/* ---- R*Tree ---- */

static gboolean
rtree_row (CrStore *store,
           gint64   id,
           CrBBox  *bbox)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean found;

  g_assert_cmpint (sqlite3_prepare_v2 (store->db, "SELECT minx, maxx, miny, maxy FROM rtree_features_geometry"
                                                  " WHERE id = ?", -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_int64 (stmt, 1, id);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  if (found)
    {
      bbox->min_x = sqlite3_column_double (stmt, 0);
      bbox->max_x = sqlite3_column_double (stmt, 1);
      bbox->min_y = sqlite3_column_double (stmt, 2);
      bbox->max_y = sqlite3_column_double (stmt, 3);
    }
  return found;
}

/* The R*Tree keeps 32-bit floats, rounded outwards. */
static void
assert_rtree_matches (CrStore    *store,
                      gint64      id,
                      CrGeometry *geometry)
{
  CrBBox expected, got;

  g_assert_true (cr_geometry_get_bbox (geometry, &expected));
  g_assert_true (rtree_row (store, id, &got));
  g_assert_cmpfloat (got.min_x, <=, expected.min_x);
  g_assert_cmpfloat (got.min_y, <=, expected.min_y);
  g_assert_cmpfloat (got.max_x, >=, expected.max_x);
  g_assert_cmpfloat (got.max_y, >=, expected.max_y);
  g_assert_cmpfloat (expected.min_x - got.min_x, <, 1e-5);
  g_assert_cmpfloat (expected.min_y - got.min_y, <, 1e-5);
  g_assert_cmpfloat (got.max_x - expected.max_x, <, 1e-5);
  g_assert_cmpfloat (got.max_y - expected.max_y, <, 1e-5);
}

static void
test_rtree (void)
{
  g_autoptr(CrStore) store = cr_test_open_store ();
  g_autoptr(CrGeometry) poly = box_with_hole (4.30, 50.80, 4.34, 50.83);
  g_autoptr(CrGeometry) line = segment (-1.5, 40, 2.5, 41);
  g_autoptr(CrGeometry) point = cr_geometry_new_point (4.3517, 50.8467);
  g_autoptr(CrGeometry) empty = cr_geometry_new (CR_GEOMETRY_MULTIPOLYGON);
  g_autoptr(CrFeature) feature = cr_feature_new ();
  g_autoptr(GError) error = NULL;
  gint64 event = insert_event (store, "R-tree");
  gint64 id, other, nothing;
  CrBBox bbox;

  cr_feature_set_event_id (feature, event);
  cr_feature_set_kind (feature, "red_zone");
  cr_feature_set_geometry (feature, poly);
  insert_ok (store, feature);
  id = cr_record_get_id (CR_RECORD (feature));
  assert_rtree_matches (store, id, poly);

  other = insert_feature (store, event, "cp_ops", point);
  assert_rtree_matches (store, other, point);
  nothing = insert_feature (store, event, "area", NULL);
  g_assert_false (rtree_row (store, nothing, &bbox));
  g_assert_cmpint (store_int (store, "SELECT count(*) FROM rtree_features_geometry"), ==, 2);

  /* New geometry: the index follows. */
  cr_feature_set_geometry (feature, line);
  g_assert_true (cr_store_update (store, CR_RECORD (feature), &error));
  g_assert_no_error (error);
  assert_rtree_matches (store, id, line);

  /* No geometry, or an empty one: out of the index. */
  cr_feature_set_geometry (feature, NULL);
  g_assert_true (cr_store_update (store, CR_RECORD (feature), &error));
  g_assert_false (rtree_row (store, id, &bbox));
  cr_feature_set_geometry (feature, poly);
  g_assert_true (cr_store_update (store, CR_RECORD (feature), &error));
  assert_rtree_matches (store, id, poly);
  cr_feature_set_geometry (feature, empty);
  g_assert_true (cr_store_update (store, CR_RECORD (feature), &error));
  g_assert_no_error (error);
  g_assert_false (rtree_row (store, id, &bbox));
  cr_feature_set_geometry (feature, point);
  g_assert_true (cr_store_update (store, CR_RECORD (feature), &error));
  assert_rtree_matches (store, id, point);

  /* An update of other columns leaves the index alone. */
  cr_feature_set_name (feature, "Renamed");
  g_assert_true (cr_store_update (store, CR_RECORD (feature), &error));
  assert_rtree_matches (store, id, point);

  /* Deleting removes the entry; the others stay. */
  g_assert_true (cr_store_delete (store, CR_RECORD (feature), &error));
  g_assert_no_error (error);
  g_assert_false (rtree_row (store, id, &bbox));
  assert_rtree_matches (store, other, point);

  /* Deleting the event takes its features, and their index entries. */
  {
    g_autoptr(CrEvent) e = cr_store_get (store, CR_TYPE_EVENT, event, &error);

    g_assert_true (cr_store_delete (store, CR_RECORD (e), &error));
    g_assert_no_error (error);
  }
  g_assert_cmpint (store_int (store, "SELECT count(*) FROM features"), ==, 0);
  g_assert_cmpint (store_int (store, "SELECT count(*) FROM rtree_features_geometry"), ==, 0);

  /* The SQL functions the triggers rely on, on any blob. */
  g_assert_cmpint (store_int (store, "SELECT ST_IsEmpty(NULL) IS NULL"), ==, 1);
  g_assert_cmpint (store_int (store, "SELECT ST_MinX(x'00') IS NULL"), ==, 1);
  g_assert_cmpint (store_int (store, "SELECT ST_MinX('text') IS NULL"), ==, 1);
}

/* ---- Viewport query ---- */

typedef struct
{
  GArray *ids;
  guint stop_after;
  gboolean blobs_ok;
} Hits;

static gboolean
hit_cb (const CrFeatureView *feature,
        gpointer             user_data)
{
  Hits *hits = user_data;
  g_autoptr(CrGeometry) g = cr_gpkg_blob_read (feature->blob, feature->blob_len, NULL, NULL);

  if (g == NULL || feature->kind == NULL)
    hits->blobs_ok = FALSE;
  g_array_append_val (hits->ids, feature->id);
  return hits->stop_after == 0 || hits->ids->len < hits->stop_after;
}

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return (x > y) - (x < y);
}

static GArray *
query_box (CrStore *store,
           gint64   event,
           double   x0,
           double   y0,
           double   x1,
           double   y1)
{
  const CrBBox box = { x0, y0, x1, y1 };
  g_autoptr(GError) error = NULL;
  Hits hits = { g_array_new (FALSE, FALSE, sizeof (gint64)), 0, TRUE };

  g_assert_true (cr_store_foreach_feature_in_bbox (store, event, &box, hit_cb, &hits, &error));
  g_assert_no_error (error);
  g_assert_true (hits.blobs_ok);
  /* The query promises no order. */
  g_array_sort (hits.ids, compare_ids);
  return hits.ids;
}

static void
assert_ids (GArray *ids,
            guint   n,
            ...)
{
  va_list args;

  g_assert_cmpuint (ids->len, ==, n);
  va_start (args, n);
  for (guint i = 0; i < n; i++)
    g_assert_cmpint (g_array_index (ids, gint64, i), ==, va_arg (args, gint64));
  va_end (args);
  g_array_unref (ids);
}

static void
test_bbox_query (void)
{
  g_autoptr(CrStore) store = cr_test_open_store ();
  g_autoptr(CrGeometry) poly = box_polygon (4.30, 50.80, 4.32, 50.82);
  g_autoptr(CrGeometry) line = segment (4.40, 50.90, 4.41, 50.91);
  g_autoptr(CrGeometry) point = cr_geometry_new_point (4.35, 50.85);
  g_autoptr(CrGeometry) edge = box_polygon (4.34, 50.70, 4.35, 50.71);
  g_autoptr(CrGeometry) empty = cr_geometry_new (CR_GEOMETRY_LINESTRING);
  gint64 event = insert_event (store, "Viewport");
  gint64 elsewhere = insert_event (store, "Elsewhere");
  gint64 a, b, p, e, other, reference;

  a = insert_feature (store, event, "red_zone", poly);
  b = insert_feature (store, event, "motorcade", line);
  p = insert_feature (store, event, "cp_ops", point);
  e = insert_feature (store, event, "area", edge);
  insert_feature (store, event, "area", NULL);
  insert_feature (store, event, "area", empty);
  /* Same place, other event: never listed. */
  other = insert_feature (store, elsewhere, "red_zone", poly);
  reference = insert_feature (store, 0, "red_zone", poly);

  assert_ids (query_box (store, event, 4.31, 50.81, 4.36, 50.86), 2, a, p);
  assert_ids (query_box (store, event, 4.0, 50.0, 5.0, 51.0), 4, a, b, p, e);
  assert_ids (query_box (store, event, 4.405, 50.905, 4.406, 50.906), 1, b);
  assert_ids (query_box (store, event, 5.0, 51.0, 6.0, 52.0), 0);
  /* Touching counts. */
  assert_ids (query_box (store, event, 4.32, 50.82, 4.33, 50.83), 1, a);
  assert_ids (query_box (store, event, 4.35, 50.85, 4.35, 50.85), 1, p);
  /* Just past the edge: not a hit, however the index rounds. */
  assert_ids (query_box (store, event, 4.3500001, 50.69, 4.36, 50.72), 0);
  assert_ids (query_box (store, event, 4.3200001, 50.80, 4.33, 50.82), 0);
  assert_ids (query_box (store, event, 4.33, 50.7100001, 4.36, 50.72), 0);
  /* Event 0 is the reference layers (no event), as for cr_store_list(). */
  assert_ids (query_box (store, 0, 4.0, 50.0, 5.0, 51.0), 1, reference);
  assert_ids (query_box (store, elsewhere, 4.0, 50.0, 5.0, 51.0), 1, other);

  /* The callback can stop the walk. */
  {
    const CrBBox all = { -180, -90, 180, 90 };
    Hits hits = { g_array_new (FALSE, FALSE, sizeof (gint64)), 2, TRUE };
    g_autoptr(GError) error = NULL;

    g_assert_true (cr_store_foreach_feature_in_bbox (store, event, &all, hit_cb, &hits, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (hits.ids->len, ==, 2);
    g_array_unref (hits.ids);
  }
}

static void
test_event_extent (void)
{
  g_autoptr(CrStore) store = cr_test_open_store ();
  g_autoptr(CrGeometry) poly = box_polygon (4.30, 50.80, 4.32, 50.82);
  g_autoptr(CrGeometry) point = cr_geometry_new_point (4.45, 50.75);
  g_autoptr(GError) error = NULL;
  gint64 event = insert_event (store, "Extent");
  gint64 empty_event = insert_event (store, "No features");
  gint64 other = insert_event (store, "Other");
  CrBBox bbox;

  insert_feature (store, event, "red_zone", poly);
  insert_feature (store, event, "cp_ops", point);
  insert_feature (store, event, "area", NULL);
  {
    g_autoptr(CrGeometry) far = box_polygon (-10, -10, -9, -9);

    insert_feature (store, other, "area", far);
  }

  g_assert_true (cr_store_get_event_extent (store, event, &bbox, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat_with_epsilon (bbox.min_x, 4.30, 1e-5);
  g_assert_cmpfloat_with_epsilon (bbox.min_y, 50.75, 1e-5);
  g_assert_cmpfloat_with_epsilon (bbox.max_x, 4.45, 1e-5);
  g_assert_cmpfloat_with_epsilon (bbox.max_y, 50.82, 1e-5);
  g_assert_cmpfloat (bbox.min_x, <=, 4.30);
  g_assert_cmpfloat (bbox.max_x, >=, 4.45);

  g_assert_false (cr_store_get_event_extent (store, empty_event, &bbox, &error));
  g_assert_no_error (error);
  g_assert_true (cr_bbox_is_empty (&bbox));
  g_assert_false (cr_store_get_event_extent (store, 4242, &bbox, &error));
  g_assert_no_error (error);

  /* Event 0: the reference layers. */
  g_assert_false (cr_store_get_event_extent (store, 0, &bbox, &error));
  g_assert_no_error (error);
  {
    g_autoptr(CrGeometry) reference = box_polygon (3, 50, 5, 51);

    insert_feature (store, 0, "area", reference);
  }
  g_assert_true (cr_store_get_event_extent (store, 0, &bbox, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat_with_epsilon (bbox.min_x, 3, 1e-5);
  g_assert_cmpfloat_with_epsilon (bbox.max_y, 51, 1e-5);
}

/* ---- Bulk writing ---- */

static CrFeatureRow
feature_row (gint64        event_id,
             const char   *kind,
             const char   *name,
             GBytes       *blob)
{
  CrFeatureRow row = { 0 };

  row.event_id = event_id;
  row.kind = kind;
  row.name = name;
  row.geometry = blob ? g_bytes_get_data (blob, &row.geometry_len) : NULL;
  row.center_lon = row.center_lat = row.radius_m = NAN;
  return row;
}

static void
test_feature_writer (void)
{
  g_autoptr(CrStore) store = cr_test_open_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(CrGeometry) zone = box_with_hole (4.30, 50.80, 4.32, 50.82);
  g_autoptr(CrGeometry) route = segment (4.33, 50.84, 4.36, 50.85);
  g_autoptr(CrGeometry) circle = cr_geometry_new_circle (4.35, 50.85, 300, 32);
  g_autoptr(GBytes) zone_blob = cr_gpkg_blob_new (zone, CR_SRS_WGS84);
  g_autoptr(GBytes) route_blob = cr_gpkg_blob_new (route, CR_SRS_WGS84);
  g_autoptr(GBytes) circle_blob = cr_gpkg_blob_new (circle, CR_SRS_WGS84);
  g_autoptr(GListModel) features = NULL;
  g_autoptr(GListModel) waypoints = NULL;
  gint64 existing = insert_event (store, "Visite papale 2024");
  gint64 event_id, again, zone_id = 0, route_id = 0, circle_id = 0;
  gboolean created = TRUE;
  Changes c = { 0 };

  changes_init (&c, store);

  {
    g_autoptr(CrFeatureWriter) writer = cr_store_feature_writer_new (store, &error);
    CrFeatureRow row;

    g_assert_no_error (error);
    g_assert_nonnull (writer);

    /* An existing event, found without regard to case. */
    event_id = cr_feature_writer_ensure_event (writer, "VISITE PAPALE 2024", &created, &error);
    g_assert_no_error (error);
    g_assert_cmpint (event_id, ==, existing);
    g_assert_false (created);

    /* A new one, then found again. */
    event_id = cr_feature_writer_ensure_event (writer, "Import uMap", &created, &error);
    g_assert_no_error (error);
    g_assert_cmpint (event_id, >, existing);
    g_assert_true (created);
    again = cr_feature_writer_ensure_event (writer, "import umap", &created, &error);
    g_assert_no_error (error);
    g_assert_cmpint (again, ==, event_id);
    g_assert_false (created);
    g_assert_cmpint (cr_feature_writer_ensure_event (writer, "import umap", NULL, &error), ==, event_id);

    row = feature_row (event_id, "red_zone", "Zone rouge", zone_blob);
    row.active_from = "2024-09-26T06:00:00.000Z";
    row.notes = "Importé";
    row.properties = "{\"source\":\"umap\"}";
    g_assert_true (cr_feature_writer_add (writer, &row, &zone_id, &error));
    g_assert_no_error (error);
    row = feature_row (event_id, "motorcade", "Cortège", route_blob);
    g_assert_true (cr_feature_writer_add (writer, &row, &route_id, &error));
    g_assert_no_error (error);
    row = feature_row (event_id, "area", "Cercle", circle_blob);
    row.center_lon = 4.35;
    row.center_lat = 50.85;
    row.radius_m = 300;
    g_assert_true (cr_feature_writer_add (writer, &row, &circle_id, &error));
    g_assert_no_error (error);
    g_assert_cmpint (route_id, >, zone_id);

    g_assert_true (cr_feature_writer_add_waypoint (writer, route_id, 0, "Départ", 4.33, 50.84,
                                                   "2024-09-26T08:00:00.000Z", &error));
    g_assert_true (cr_feature_writer_add_waypoint (writer, route_id, 1, "Arrivée", 4.36, 50.85, NULL, &error));
    g_assert_no_error (error);

    /* Nothing announced, nothing visible to others, before the commit. */
    g_assert_cmpuint (c.log->len, ==, 0);
    {
      sqlite3 *other = raw_open (cr_store_get_path (store));

      g_assert_cmpint (raw_int (other, "SELECT count(*) FROM features"), ==, 0);
      sqlite3_close (other);
    }

    g_assert_true (cr_feature_writer_commit (writer, "import", "{\"file\":\"umap.json\",\"features\":3}", &error));
    g_assert_no_error (error);
  }

  /* One event insert, then the features and waypoints reloaded. */
  g_assert_cmpuint (c.log->len, ==, 3);
  assert_change (&c, 0, "events", event_id, CR_STORE_CHANGE_INSERT);
  assert_change (&c, 1, "features", 0, CR_STORE_CHANGE_RELOAD);
  assert_change (&c, 2, "waypoints", 0, CR_STORE_CHANGE_RELOAD);
  g_assert_false (c.seen_inside_tx);
  g_assert_false (c.seen_uncommitted);
  g_assert_cmpuint (store->tx_depth, ==, 0);

  features = cr_store_list_features (store, event_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (features), ==, 3);
  {
    g_autoptr(CrFeature) f = cr_store_get (store, CR_TYPE_FEATURE, zone_id, &error);
    g_autoptr(CrFeature) r = cr_store_get (store, CR_TYPE_FEATURE, route_id, &error);
    g_autoptr(CrFeature) ci = cr_store_get (store, CR_TYPE_FEATURE, circle_id, &error);
    g_autofree char *from = NULL;

    g_assert_no_error (error);
    g_assert_cmpstr (cr_feature_get_name (f), ==, "Zone rouge");
    g_assert_cmpstr (cr_feature_get_kind (f), ==, "red_zone");
    g_assert_cmpstr (cr_feature_get_notes (f), ==, "Importé");
    g_assert_cmpstr (cr_feature_get_properties (f), ==, "{\"source\":\"umap\"}");
    g_assert_true (cr_geometry_equal (cr_feature_get_geometry (f), zone));
    from = cr_time_to_storage (cr_feature_get_active_from (f));
    g_assert_cmpstr (from, ==, "2024-09-26T06:00:00.000Z");
    g_assert_null (cr_feature_get_active_to (f));
    g_assert_cmpint (cr_feature_get_partner_id (f), ==, 0);
    g_assert_true (isnan (cr_feature_get_radius_m (f)));
    g_assert_cmpint (cr_feature_get_version (f), ==, 1);
    g_assert_true (cr_geometry_equal (cr_feature_get_geometry (r), route));
    g_assert_cmpfloat (cr_feature_get_center_lon (ci), ==, 4.35);
    g_assert_cmpfloat (cr_feature_get_center_lat (ci), ==, 50.85);
    g_assert_cmpfloat (cr_feature_get_radius_m (ci), ==, 300);
    assert_rtree_matches (store, zone_id, zone);
  }
  waypoints = cr_store_list (store, CR_TYPE_WAYPOINT, "feature_id", route_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (waypoints), ==, 2);
  {
    g_autoptr(CrWaypoint) w0 = g_list_model_get_item (waypoints, 0);
    g_autoptr(CrWaypoint) w1 = g_list_model_get_item (waypoints, 1);

    g_assert_cmpstr (cr_waypoint_get_name (w0), ==, "Départ");
    g_assert_nonnull (cr_waypoint_get_planned_at (w0));
    g_assert_cmpstr (cr_waypoint_get_name (w1), ==, "Arrivée");
    g_assert_null (cr_waypoint_get_planned_at (w1));
    g_assert_cmpfloat (cr_waypoint_get_lon (w1), ==, 4.36);
  }
  /* One audit row for the batch. */
  {
    g_autoptr(CrAuditEntry) a = last_audit (store);

    g_assert_cmpstr (cr_audit_entry_get_action (a), ==, "import");
    g_assert_cmpstr (cr_audit_entry_get_table_name (a), ==, "features");
    g_assert_cmpint (cr_audit_entry_get_row_id (a), ==, 0);
    g_assert_cmpstr (cr_audit_entry_get_operator (a), ==, "Test Operator");
    g_assert_cmpstr (cr_audit_entry_get_after (a), ==, "{\"file\":\"umap.json\",\"features\":3}");
  }

  changes_clear (&c);
}

static void
test_feature_writer_abandon (void)
{
  g_autoptr(CrStore) store = cr_test_open_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(CrGeometry) zone = box_polygon (4.30, 50.80, 4.32, 50.82);
  g_autoptr(GBytes) blob = cr_gpkg_blob_new (zone, CR_SRS_WGS84);
  gint64 n_audit = cr_store_count (store, CR_TYPE_AUDIT_ENTRY, NULL, 0, NULL);
  Changes c = { 0 };

  changes_init (&c, store);

  /* Freed without a commit: nothing stays. */
  {
    g_autoptr(CrFeatureWriter) writer = cr_store_feature_writer_new (store, &error);
    CrFeatureRow row;
    gint64 event_id, id = 0;

    g_assert_no_error (error);
    event_id = cr_feature_writer_ensure_event (writer, "Abandoned import", NULL, &error);
    g_assert_no_error (error);
    row = feature_row (event_id, "red_zone", "Zone", blob);
    g_assert_true (cr_feature_writer_add (writer, &row, &id, &error));
    g_assert_true (cr_feature_writer_add_waypoint (writer, id, 0, NULL, 4.3, 50.8, NULL, &error));
    g_assert_no_error (error);
  }
  g_assert_cmpuint (store->tx_depth, ==, 0);
  g_assert_null (cr_store_find_event (store, "Abandoned import", &error));
  g_assert_no_error (error);
  g_assert_cmpint (cr_store_count (store, CR_TYPE_FEATURE, NULL, 0, NULL), ==, 0);
  g_assert_cmpint (cr_store_count (store, CR_TYPE_WAYPOINT, NULL, 0, NULL), ==, 0);
  g_assert_cmpint (cr_store_count (store, CR_TYPE_AUDIT_ENTRY, NULL, 0, NULL), ==, n_audit);
  g_assert_cmpint (store_int (store, "SELECT count(*) FROM rtree_features_geometry"), ==, 0);
  g_assert_cmpuint (c.log->len, ==, 0);

  /* A bad row fails alone; the caller then gives up the batch. */
  {
    g_autoptr(CrFeatureWriter) writer = cr_store_feature_writer_new (store, &error);
    CrFeatureRow row = feature_row (0, "red_zone", "Good", blob);

    g_assert_true (cr_feature_writer_add (writer, &row, NULL, &error));
    row = feature_row (0, "no_such_kind", "Bad", blob);
    g_assert_false (cr_feature_writer_add (writer, &row, NULL, &error));
    g_assert_error (error, CR_STORE_ERROR, CR_STORE_ERROR_CONSTRAINT);
    g_clear_error (&error);
    g_assert_false (cr_feature_writer_add_waypoint (writer, 999999, 0, NULL, 0, 0, NULL, &error));
    g_assert_error (error, CR_STORE_ERROR, CR_STORE_ERROR_CONSTRAINT);
    g_clear_error (&error);
  }
  g_assert_cmpint (cr_store_count (store, CR_TYPE_FEATURE, NULL, 0, NULL), ==, 0);
  g_assert_cmpuint (c.log->len, ==, 0);

  /* Inside a caller's transaction, the writer's commit waits for it. */
  g_assert_true (cr_store_begin (store, &error));
  {
    g_autoptr(CrFeatureWriter) writer = cr_store_feature_writer_new (store, &error);
    CrFeatureRow row = feature_row (0, "red_zone", "Nested", blob);

    g_assert_true (cr_feature_writer_add (writer, &row, NULL, &error));
    g_assert_true (cr_feature_writer_commit (writer, "import", NULL, &error));
    g_assert_no_error (error);
  }
  g_assert_cmpuint (c.log->len, ==, 0);
  cr_store_rollback (store);
  g_assert_cmpint (cr_store_count (store, CR_TYPE_FEATURE, NULL, 0, NULL), ==, 0);
  g_assert_cmpuint (c.log->len, ==, 0);

  /* The store is usable after all this. */
  insert_event (store, "After");
  g_assert_cmpuint (c.log->len, ==, 1);
  changes_clear (&c);
}

/* ---- Reference filters ---- */

static void
test_reference_filter (void)
{
  g_autoptr(CrStore) store = cr_test_open_store ();
  g_autoptr(CrGeometry) g = cr_geometry_new_point (4.35, 50.85);
  g_autoptr(GListModel) list = NULL;
  g_autoptr(GError) error = NULL;
  gint64 event = insert_event (store, "Filter");

  insert_feature (store, event, "cp_ops", g);
  insert_feature (store, event, "cp_ops", g);
  insert_feature (store, 0, "cp_ops", g);

  /* A reference of 0 means "none": NULL in the file. */
  g_assert_cmpint (store_int (store, "SELECT count(*) FROM features WHERE event_id IS NULL"), ==, 1);
  list = cr_store_list (store, CR_TYPE_FEATURE, "event_id", 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);
  g_assert_cmpint (cr_store_count (store, CR_TYPE_FEATURE, "event_id", 0, &error), ==, 1);
  g_assert_no_error (error);
  g_assert_cmpint (cr_store_count (store, CR_TYPE_FEATURE, "event_id", event, &error), ==, 2);
  g_clear_object (&list);
  list = cr_store_list_features (store, 0, &error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);
}

/* ---- Events ---- */

static void
test_list_events (void)
{
  g_autoptr(CrStore) store = cr_test_open_store ();
  g_autoptr(GListModel) list = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) early = utc ("2024-01-01T00:00:00.000Z");
  g_autoptr(GDateTime) late = utc ("2024-12-31T00:00:00.000Z");
  g_autoptr(CrEvent) a = cr_event_new ();
  g_autoptr(CrEvent) b = cr_event_new ();
  g_autoptr(CrEvent) archived = cr_event_new ();

  cr_event_set_name (a, "Early");
  cr_event_set_starts (a, early);
  cr_event_set_name (b, "Late");
  cr_event_set_starts (b, late);
  cr_event_set_name (archived, "Archived");
  cr_event_set_archived (archived, TRUE);
  insert_ok (store, a);
  insert_ok (store, b);
  insert_ok (store, archived);

  list = cr_store_list_events (store, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 2);
  {
    g_autoptr(CrEvent) first = g_list_model_get_item (list, 0);

    /* Latest first. */
    g_assert_cmpstr (cr_event_get_name (first), ==, "Late");
  }
  g_clear_object (&list);
  list = cr_store_list_events (store, TRUE, &error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 3);

  /* The file refuses an event that ends before it starts. */
  cr_event_set_ends (a, early);
  cr_event_set_starts (a, late);
  g_assert_false (cr_store_update (store, CR_RECORD (a), &error));
  g_assert_error (error, CR_STORE_ERROR, CR_STORE_ERROR_CONSTRAINT);
}

/* ---- Errors on opening ---- */

static void
test_open_garbage (void)
{
  g_autofree char *path = cr_test_tmp_path ("garbage.gpkg");
  g_autoptr(GError) error = NULL;
  g_autoptr(CrStore) store = NULL;
  guint8 junk[8192];

  for (guint i = 0; i < sizeof junk; i++)
    junk[i] = (guint8) (i * 7919 + 13);
  g_assert_true (g_file_set_contents (path, (const char *) junk, sizeof junk, NULL));

  store = cr_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, CR_STORE_ERROR, CR_STORE_ERROR_CORRUPT);
  g_assert_nonnull (strstr (error->message, path));

  /* The file is left as it was. */
  {
    g_autofree char *contents = NULL;
    gsize len;

    g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
    g_assert_cmpmem (contents, len, junk, sizeof junk);
  }
}

static void
test_open_not_ours (void)
{
  g_autofree char *path = cr_test_tmp_path ("other-app.sqlite");
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CrStore) store = NULL;
  g_autofree char *mode = NULL;
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  raw_exec_ok (db, "CREATE TABLE recipes (id INTEGER PRIMARY KEY, title TEXT);"
                   "INSERT INTO recipes (title) VALUES ('Stoemp');");
  sqlite3_close (db);

  store = cr_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, CR_STORE_ERROR, CR_STORE_ERROR_NOT_OURS);
  g_assert_nonnull (strstr (error->message, path));

  /* The other application's file is untouched: no new table, and still
   * in its own journal mode. */
  db = raw_open (path);
  g_assert_cmpint (raw_int (db, "SELECT count(*) FROM sqlite_master"), ==, 1);
  g_assert_cmpint (raw_int (db, "SELECT count(*) FROM recipes"), ==, 1);
  mode = raw_text (db, "PRAGMA journal_mode");
  g_assert_cmpstr (mode, ==, "delete");
  sqlite3_close (db);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
}

static void
test_open_too_new (void)
{
  g_autofree char *path = NULL;
  g_autofree char *sql = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CrStore) store = cr_test_open_store ();
  int newer = cr_store_latest_schema_version () + 1;
  sqlite3 *db;

  path = g_strdup (cr_store_get_path (store));
  insert_event (store, "From the future");
  g_clear_object (&store);

  db = raw_open (path);
  sql = g_strdup_printf ("UPDATE cr_meta SET value = '%d' WHERE key = 'schema_version'", newer);
  raw_exec_ok (db, sql);
  sqlite3_close (db);

  store = cr_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, CR_STORE_ERROR, CR_STORE_ERROR_TOO_NEW);

  /* Left for the newer version to open. */
  db = raw_open (path);
  g_assert_cmpint (raw_int (db, "SELECT value FROM cr_meta WHERE key = 'schema_version'"), ==, newer);
  g_assert_cmpint (raw_int (db, "SELECT count(*) FROM events"), ==, 1);
  sqlite3_close (db);
}

static void
test_open_no_folder (void)
{
  g_autofree char *file = cr_test_tmp_path ("a-file");
  g_autofree char *path = g_build_filename (file, "sub", "x.gpkg", NULL);
  g_autofree char *dir_path = cr_test_tmp_path ("a-folder");
  g_autoptr(GError) error = NULL;
  g_autoptr(CrStore) store = NULL;

  /* A file where a folder should be: no one can make the folder. */
  g_assert_true (g_file_set_contents (file, "x", 1, NULL));
  store = cr_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, CR_STORE_ERROR, CR_STORE_ERROR_OPEN);
  g_clear_error (&error);

  /* A folder where the file should be. */
  g_assert_cmpint (g_mkdir (dir_path, 0700), ==, 0);
  store = cr_store_open (dir_path, &error);
  g_assert_null (store);
  g_assert_error (error, CR_STORE_ERROR, CR_STORE_ERROR_OPEN);
}

/* Opens @path and checks that reading works and every write fails with
 * CR_STORE_ERROR_READ_ONLY, leaving the data as it was. */
static void
check_read_only (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrStore) store = cr_store_open (path, &error);
  g_autoptr(GListModel) events = NULL;
  g_autoptr(CrEvent) event = NULL;
  g_autoptr(CrEvent) fresh = cr_event_new ();

  g_assert_no_error (error);
  g_assert_nonnull (store);

  events = cr_store_list_events (store, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (events), ==, 1);
  event = g_list_model_get_item (events, 0);
  g_assert_cmpstr (cr_event_get_name (event), ==, "Read-only");

  cr_event_set_name (fresh, "New");
  g_assert_false (cr_store_insert (store, CR_RECORD (fresh), &error));
  g_assert_error (error, CR_STORE_ERROR, CR_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_cmpint (cr_record_get_id (CR_RECORD (fresh)), ==, 0);

  cr_event_set_name (event, "Changed");
  g_assert_false (cr_store_update (store, CR_RECORD (event), &error));
  g_assert_error (error, CR_STORE_ERROR, CR_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_false (cr_store_delete (store, CR_RECORD (event), &error));
  g_assert_error (error, CR_STORE_ERROR, CR_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);

  g_clear_object (&events);
  events = cr_store_list_events (store, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (events), ==, 1);
  g_clear_object (&event);
  event = g_list_model_get_item (events, 0);
  g_assert_cmpstr (cr_event_get_name (event), ==, "Read-only");
  g_assert_cmpint (cr_event_get_version (event), ==, 1);
  g_assert_cmpuint (store->tx_depth, ==, 0);
}

#define NOBODY 65534

static void
test_open_read_only (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;

  if (g_test_subprocess ())
    {
      /* Root ignores permissions: look at the file as an ordinary user. */
      if (setgid (NOBODY) != 0 || setuid (NOBODY) != 0)
        {
          g_test_skip ("Cannot drop root privileges to test a read-only file");
          return;
        }
      check_read_only (g_getenv ("CR_TEST_READ_ONLY_PATH"));
      /* Tell the parent the checks ran, rather than being skipped. */
      dir = g_path_get_dirname (g_getenv ("CR_TEST_READ_ONLY_PATH"));
      path = g_build_filename (dir, "checked", NULL);
      g_assert_true (g_file_set_contents (path, "", 0, NULL));
      return;
    }

  dir = cr_test_tmp_path ("read-only");
  path = g_build_filename (dir, "ro.gpkg", NULL);
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(CrStore) store = cr_store_open (path, &error);

    g_assert_no_error (error);
    insert_event (store, "Read-only");
  }
  g_assert_cmpint (g_chmod (path, 0444), ==, 0);

  if (getuid () != 0)
    {
      check_read_only (path);
      return;
    }

  /* The file and its folder belong to an ordinary user, who may not
   * write the file; the folder stays writable for SQLite's -shm. */
  if (chown (dir, NOBODY, NOBODY) != 0 || chown (path, NOBODY, NOBODY) != 0 ||
      g_chmod (cr_test_tmpdir (), 0711) != 0)
    {
      g_test_skip ("Cannot hand the file to an ordinary user");
      return;
    }
  g_setenv ("CR_TEST_READ_ONLY_PATH", path, TRUE);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
  {
    g_autofree char *checked = g_build_filename (dir, "checked", NULL);

    if (!g_file_test (checked, G_FILE_TEST_EXISTS))
      g_test_skip ("Could not drop root privileges to test a read-only file");
  }
}

/* ---- Disk full ---- */

static void
test_disk_full (void)
{
  g_autoptr(CrStore) store = cr_test_open_store ();
  g_autoptr(GError) error = NULL;
  g_autofree char *big = g_strnfill (64 * 1024, 'x');
  g_autofree char *sql = NULL;
  gint64 n_partners, n_audit;
  gboolean full = FALSE;
  Changes c = { 0 };

  /* A file that may not grow: SQLite's own "database or disk is full",
   * reached through the store's ordinary write path. */
  sql = g_strdup_printf ("PRAGMA max_page_count = %" G_GINT64_FORMAT,
                         store_int (store, "PRAGMA page_count") + 8);
  store_int (store, sql);
  changes_init (&c, store);

  for (guint i = 0; i < 100 && !full; i++)
    {
      g_autoptr(CrPartner) p = cr_partner_new ();
      g_autofree char *name = g_strdup_printf ("Partner %u", i);

      n_partners = cr_store_count (store, CR_TYPE_PARTNER, NULL, 0, NULL);
      n_audit = cr_store_count (store, CR_TYPE_AUDIT_ENTRY, NULL, 0, NULL);
      g_ptr_array_set_size (c.log, 0);
      cr_partner_set_name (p, name);
      cr_partner_set_notes (p, big);
      if (!cr_store_insert (store, CR_RECORD (p), &error))
        {
          full = TRUE;
          g_assert_error (error, CR_STORE_ERROR, CR_STORE_ERROR_FULL);
          g_assert_nonnull (strstr (error->message, "space"));
          g_clear_error (&error);
          /* Nothing of the failed write stays, nothing is announced. */
          g_assert_cmpint (cr_store_count (store, CR_TYPE_PARTNER, NULL, 0, NULL), ==, n_partners);
          g_assert_cmpint (cr_store_count (store, CR_TYPE_AUDIT_ENTRY, NULL, 0, NULL), ==, n_audit);
          g_assert_cmpuint (c.log->len, ==, 0);
          g_assert_cmpint (cr_record_get_id (CR_RECORD (p)), ==, 0);
        }
    }
  g_assert_true (full);
  g_assert_cmpuint (store->tx_depth, ==, 0);
  changes_clear (&c);

  /* The mapping itself, for every code a full disk comes as. */
  g_assert_false (_cr_store_set_error (&error, NULL, SQLITE_FULL));
  g_assert_error (error, CR_STORE_ERROR, CR_STORE_ERROR_FULL);
  g_clear_error (&error);
  g_assert_false (_cr_store_set_error (&error, store->db, SQLITE_FULL));
  g_assert_error (error, CR_STORE_ERROR, CR_STORE_ERROR_FULL);
  g_clear_error (&error);
}

static void
test_error_mapping (void)
{
  static const struct
  {
    int rc;
    CrStoreError code;
  } cases[] = {
    { SQLITE_FULL, CR_STORE_ERROR_FULL },
    { SQLITE_READONLY, CR_STORE_ERROR_READ_ONLY },
    { SQLITE_READONLY_DBMOVED, CR_STORE_ERROR_READ_ONLY },
    { SQLITE_BUSY, CR_STORE_ERROR_BUSY },
    { SQLITE_BUSY_SNAPSHOT, CR_STORE_ERROR_BUSY },
    { SQLITE_LOCKED, CR_STORE_ERROR_BUSY },
    { SQLITE_CORRUPT, CR_STORE_ERROR_CORRUPT },
    { SQLITE_NOTADB, CR_STORE_ERROR_CORRUPT },
    { SQLITE_CANTOPEN, CR_STORE_ERROR_OPEN },
    { SQLITE_PERM, CR_STORE_ERROR_OPEN },
    { SQLITE_IOERR_WRITE, CR_STORE_ERROR_FAILED },
    { SQLITE_CONSTRAINT, CR_STORE_ERROR_CONSTRAINT },
    { SQLITE_ERROR, CR_STORE_ERROR_FAILED },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (_cr_store_set_error (&error, NULL, cases[i].rc));
      g_assert_error (error, CR_STORE_ERROR, (int) cases[i].code);
      g_assert_cmpuint (strlen (error->message), >, 10);
    }
  /* No error wanted: no crash. */
  g_assert_false (_cr_store_set_error (NULL, NULL, SQLITE_FULL));
}

/* ---- A damaged file ---- */

static void
test_corrupt (void)
{
  g_autoptr(CrStore) store = cr_test_open_store ();
  g_autofree char *path = g_strdup (cr_store_get_path (store));
  g_autofree char *notes = g_strnfill (300, 'n');
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) list = NULL;
  gint64 page_size, page;
  sqlite3 *db;

  g_assert_true (cr_store_begin (store, &error));
  for (guint i = 0; i < 2000; i++)
    {
      g_autoptr(CrPartner) p = cr_partner_new ();
      g_autofree char *name = g_strdup_printf ("Partner %04u", i);

      cr_partner_set_name (p, name);
      cr_partner_set_notes (p, notes);
      insert_ok (store, p);
    }
  g_assert_true (cr_store_commit (store, &error));
  g_clear_object (&store);

  /* A leaf page of the partners table, in the middle of the file. */
  db = raw_open (path);
  page_size = raw_int (db, "PRAGMA page_size");
  {
    g_autoptr(sqlite3_stmt) stmt = NULL;
    GArray *pages = g_array_new (FALSE, FALSE, sizeof (gint64));

    g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT pageno FROM dbstat WHERE name = 'partners'"
                                             " AND pagetype = 'leaf' ORDER BY pageno", -1, &stmt, NULL),
                     ==, SQLITE_OK);
    while (sqlite3_step (stmt) == SQLITE_ROW)
      {
        gint64 n = sqlite3_column_int64 (stmt, 0);

        g_array_append_val (pages, n);
      }
    g_assert_cmpuint (pages->len, >, 10);
    page = g_array_index (pages, gint64, pages->len / 2);
    g_array_unref (pages);
  }
  sqlite3_close (db);

  {
    g_autofree char *contents = NULL;
    gsize len;

    g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
    g_assert_cmpuint (len, >=, (gsize) (page * page_size));
    memset (contents + (page - 1) * page_size, 0xa5, page_size);
    g_assert_true (g_file_set_contents (path, contents, len, NULL));
  }

  /* The schema is intact, so the file opens... */
  store = cr_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);
  /* ...but reading the damaged table fails cleanly. */
  list = cr_store_list (store, CR_TYPE_PARTNER, NULL, 0, &error);
  g_assert_null (list);
  g_assert_error (error, CR_STORE_ERROR, CR_STORE_ERROR_CORRUPT);
  g_clear_error (&error);
  /* Again: the failure left no statement half-run. */
  list = cr_store_list (store, CR_TYPE_PARTNER, NULL, 0, &error);
  g_assert_null (list);
  g_assert_error (error, CR_STORE_ERROR, CR_STORE_ERROR_CORRUPT);
  g_assert_nonnull (strstr (error->message, "backup"));
  g_clear_error (&error);
  /* Other tables still read. */
  {
    g_autoptr(GListModel) kinds = cr_store_list_feature_kinds (store, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (kinds), >=, 20);
  }
  g_assert_cmpuint (store->tx_depth, ==, 0);
}

/* ---- Other programs read the file ---- */

static void
populate_for_gdal (CrStore *store,
                   gint64  *n_features)
{
  g_autoptr(CrGeometry) point = cr_geometry_new_point (4.3517, 50.8467);
  g_autoptr(CrGeometry) line = segment (4.33, 50.84, 4.36, 50.85);
  g_autoptr(CrGeometry) polygon = box_with_hole (4.30, 50.80, 4.32, 50.82);
  g_autoptr(CrGeometry) multipoint = cr_geometry_new (CR_GEOMETRY_MULTIPOINT);
  g_autoptr(CrGeometry) multiline = cr_geometry_new (CR_GEOMETRY_MULTILINESTRING);
  g_autoptr(CrGeometry) multipolygon = cr_geometry_new (CR_GEOMETRY_MULTIPOLYGON);
  g_autoptr(CrGeometry) collection = cr_geometry_new (CR_GEOMETRY_COLLECTION);
  g_autoptr(CrGeometry) circle = cr_geometry_new_circle (4.35, 50.85, 500, 64);
  gint64 event = insert_event (store, "GDAL");

  cr_geometry_add_part (multipoint, cr_geometry_new_point (4.31, 50.81));
  cr_geometry_add_part (multipoint, cr_geometry_new_point (4.32, 50.82));
  cr_geometry_add_part (multiline, segment (4.30, 50.80, 4.31, 50.81));
  cr_geometry_add_part (multiline, segment (4.32, 50.82, 4.33, 50.83));
  cr_geometry_add_part (multipolygon, box_polygon (4.30, 50.80, 4.31, 50.81));
  cr_geometry_add_part (multipolygon, box_with_hole (4.32, 50.82, 4.34, 50.84));
  cr_geometry_add_part (collection, cr_geometry_new_point (4.35, 50.85));
  cr_geometry_add_part (collection, segment (4.35, 50.85, 4.36, 50.86));

  insert_feature (store, event, "cp_ops", point);
  insert_feature (store, event, "motorcade", line);
  insert_feature (store, event, "red_zone", polygon);
  insert_feature (store, event, "media_point", multipoint);
  insert_feature (store, event, "emergency_route", multiline);
  insert_feature (store, event, "drone_ban_zone", multipolygon);
  insert_feature (store, event, "area", collection);
  insert_feature (store, 0, "area", circle);
  insert_feature (store, event, "area", NULL);
  *n_features = 9;
  insert_partner (store, "SIAMU");
}

static void
test_gdal (void)
{
  const char *validator = "/usr/lib/python3/dist-packages/osgeo_utils/samples/validate_gpkg.py";
  g_autoptr(CrStore) store = cr_test_open_store ();
  g_autofree char *path = g_strdup (cr_store_get_path (store));
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *expected = NULL;
  gint64 n_features = 0;
  int status;

  if (!g_file_test ("/usr/bin/python3", G_FILE_TEST_IS_EXECUTABLE) ||
      !g_file_test (validator, G_FILE_TEST_EXISTS) || !cr_test_have_program ("ogrinfo"))
    {
      g_test_skip ("GDAL's validate_gpkg.py or ogrinfo is missing");
      return;
    }

  populate_for_gdal (store, &n_features);
  g_clear_object (&store);

  {
    /* Every problem listed (-k), warnings counted as errors: the
     * validator prints them bare, without a "Warning" prefix. */
    const char *argv[] = { "/usr/bin/python3", validator, "-k", "--warning-as-error", "--extra", path, NULL };

    status = cr_test_run (argv, &out, &err);
    if (status != 0 || strstr (out, "Warning") != NULL || strstr (out, "Error") != NULL ||
        strstr (err, "Warning") != NULL || strstr (err, "Error") != NULL || *out != '\0')
      g_error ("validate_gpkg.py exited with %d:\n%s\n%s", status, out, err);
  }
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  {
    g_autofree char *ogrinfo = g_find_program_in_path ("ogrinfo");
    const char *argv[] = { ogrinfo, "-ro", "-so", path, "features", NULL };

    status = cr_test_run (argv, &out, &err);
    if (status != 0)
      g_error ("ogrinfo exited with %d:\n%s\n%s", status, out, err);
    expected = g_strdup_printf ("Feature Count: %" G_GINT64_FORMAT "\n", n_features);
    if (strstr (out, expected) == NULL)
      g_error ("ogrinfo did not report %s:\n%s", expected, out);
    g_assert_nonnull (strstr (out, "Geometry: Unknown (any)"));
    g_assert_nonnull (strstr (out, "WGS 84"));
  }

  /* GDAL reading left the file openable by us. */
  {
    g_autoptr(GError) error = NULL;

    store = cr_store_open (path, &error);
    g_assert_no_error (error);
    g_assert_cmpint (cr_store_count (store, CR_TYPE_FEATURE, NULL, 0, NULL), ==, n_features);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/store/create", test_create);
  g_test_add_func ("/store/reopen", test_reopen);
  for (guint i = 0; i < G_N_ELEMENTS (crud_cases); i++)
    {
      g_autofree char *name = g_strdup_printf ("/store/crud/%s", crud_cases[i].name);

      g_test_add_data_func (name, &crud_cases[i], test_crud);
    }
  g_test_add_func ("/store/reference-filter", test_reference_filter);
  g_test_add_func ("/store/list-events", test_list_events);
  g_test_add_func ("/store/audit", test_audit);
  g_test_add_func ("/store/conflict", test_conflict);
  g_test_add_func ("/store/changed-signal", test_changed_signal);
  g_test_add_func ("/store/rollback-on-error", test_rollback_on_error);
  g_test_add_func ("/store/nested-transactions", test_nested_transactions);
  g_test_add_func ("/store/append-only", test_append_only);
  g_test_add_func ("/store/rtree", test_rtree);
  g_test_add_func ("/store/bbox-query", test_bbox_query);
  g_test_add_func ("/store/event-extent", test_event_extent);
  g_test_add_func ("/store/feature-writer/commit", test_feature_writer);
  g_test_add_func ("/store/feature-writer/abandon", test_feature_writer_abandon);
  g_test_add_func ("/store/errors/garbage", test_open_garbage);
  g_test_add_func ("/store/errors/not-ours", test_open_not_ours);
  g_test_add_func ("/store/errors/too-new", test_open_too_new);
  g_test_add_func ("/store/errors/no-folder", test_open_no_folder);
  g_test_add_func ("/store/errors/read-only", test_open_read_only);
  g_test_add_func ("/store/errors/disk-full", test_disk_full);
  g_test_add_func ("/store/errors/mapping", test_error_mapping);
  g_test_add_func ("/store/errors/corrupt", test_corrupt);
  g_test_add_func ("/store/gdal", test_gdal);

  return g_test_run ();
}
