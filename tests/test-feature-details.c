/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <gtk/gtk.h>
#include <math.h>
#include <string.h>

#include "cr-application.h"
#include "cr-datetime-row.h"
#include "cr-demo.h"
#include "cr-feature-details.h"
#include "cr-itinerary.h"
#include "cr-test-widgets.h"
#include "cr-time.h"
#include "cr-window.h"

/* The details pane of the map's selection, in the real window on the
 * demo event: what it shows, that each edit is written at once as one
 * undo step, inline errors that write nothing, waypoints, measurements,
 * circles, and a conflicting change from another connection. Runs in its
 * own X server (tests/xvfb-run-test). */

typedef struct _Fixture Fixture;
struct _Fixture
{
  CrWindow *window;
  CrFeatureDetails *details;
  CrStore *store;
  CrHistory *history;
  CrMapRenderer *renderer;
  char *path;
  void (*body) (Fixture *f);
};

static gpointer
child (Fixture    *f,
       const char *name)
{
  GObject *object = gtk_widget_get_template_child (GTK_WIDGET (f->details), CR_TYPE_FEATURE_DETAILS, name);

  g_assert_nonnull (object);
  return object;
}

static gboolean
is_type (GtkWidget    *widget,
         gconstpointer type)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, GPOINTER_TO_SIZE (type));
}

static void
activate_cb (CrApplication *app,
             GtkWindow     *window,
             gpointer       data)
{
  Fixture *f = data;

  f->window = CR_WINDOW (window);
  f->details = CR_FEATURE_DETAILS (cr_test_find_widget (GTK_WIDGET (f->window), CR_TYPE_FEATURE_DETAILS));
  g_assert_nonnull (f->details);
  f->store = cr_application_get_store (app);
  f->history = cr_window_get_history (f->window);
  f->renderer = cr_window_get_renderer (f->window);
  g_assert_cmpint (cr_map_renderer_get_event_id (f->renderer), !=, 0);
  f->body (f);
}

/* The application's whole life on a fresh copy of the demo. */
static void
run_in_application (void (*body) (Fixture *f))
{
  g_autofree char *path = cr_test_tmp_path ("details.gpkg");
  Fixture f = { .path = path, .body = body };

  cr_test_run_database (path, TRUE, activate_cb, &f);
}

static CrFeature *
find_feature (Fixture    *f,
              const char *name_part)
{
  g_autoptr(GListModel) features =
    cr_store_list_features (f->store, cr_map_renderer_get_event_id (f->renderer), NULL);

  for (guint i = 0; i < g_list_model_get_n_items (features); i++)
    {
      g_autoptr(CrFeature) feature = g_list_model_get_item (features, i);

      if (strstr (cr_feature_get_name (feature), name_part) != NULL)
        return g_steal_pointer (&feature);
    }
  g_assert_not_reached ();
}

static CrFeature *
reread (Fixture   *f,
        CrFeature *feature)
{
  g_autoptr(GError) error = NULL;
  CrFeature *now = cr_store_get (f->store, CR_TYPE_FEATURE, cr_record_get_id (CR_RECORD (feature)), &error);

  g_assert_no_error (error);
  return now;
}

static CrFeature *
select_feature (Fixture    *f,
                const char *name_part)
{
  CrFeature *feature = find_feature (f, name_part);

  cr_map_renderer_set_selected (f->renderer, cr_record_get_id (CR_RECORD (feature)));
  cr_test_iterate ();
  g_assert_cmpint (cr_feature_details_get_feature_id (f->details), ==, cr_record_get_id (CR_RECORD (feature)));
  return feature;
}

static gboolean
flap_revealed (Fixture *f)
{
  AdwFlap *flap = ADW_FLAP (gtk_widget_get_ancestor (GTK_WIDGET (f->details), ADW_TYPE_FLAP));

  return adw_flap_get_reveal_flap (flap);
}

static const char *
label_text (Fixture    *f,
            const char *name)
{
  return gtk_label_get_text (GTK_LABEL (child (f, name)));
}

static gboolean
visible (Fixture    *f,
         const char *name)
{
  return gtk_widget_get_visible (GTK_WIDGET (child (f, name)));
}

static char *
notes_text (Fixture *f)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (child (f, "notes_view")));
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* The units the pane uses, so a wrong value shows up as a wrong string. */
static char *
expected_length (double m)
{
  if (m < 1000)
    return g_strdup_printf ("%.0f m", m);
  if (m < 10000)
    return g_strdup_printf ("%.2f km", m / 1000);
  return g_strdup_printf ("%.1f km", m / 1000);
}

static char *
expected_area (double m2)
{
  if (m2 < 10000)
    return g_strdup_printf ("%.0f m²", m2);
  if (m2 < 1000000)
    return g_strdup_printf ("%.2f ha", m2 / 10000);
  return g_strdup_printf ("%.2f km²", m2 / 1000000);
}

static void
set_entry_and_apply (gpointer    row,
                     const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text);
  g_signal_emit_by_name (row, "apply");
}

static guint
kind_position (AdwComboRow *row,
               const char  *code)
{
  GListModel *model = adw_combo_row_get_model (row);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(CrFeatureKind) kind = g_list_model_get_item (model, i);

      if (g_str_equal (cr_feature_kind_get_code (kind), code))
        return i;
    }
  return GTK_INVALID_LIST_POSITION;
}

static GPtrArray *
waypoint_rows (Fixture *f)
{
  GPtrArray *rows = g_ptr_array_new ();
  GtkWidget *list = child (f, "waypoint_list");

  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL; row = gtk_widget_get_next_sibling (row))
    if (ADW_IS_EXPANDER_ROW (row))
      g_ptr_array_add (rows, row);
  return rows;
}

static GListModel *
list_waypoints (Fixture   *f,
                CrFeature *feature)
{
  g_autoptr(GError) error = NULL;
  GListModel *list = cr_store_list (f->store, CR_TYPE_WAYPOINT, "feature_id",
                                    cr_record_get_id (CR_RECORD (feature)), &error);

  g_assert_no_error (error);
  return list;
}

/* Tests */

static void
shows_selection (Fixture *f)
{
  g_autoptr(CrFeature) zone = NULL;
  g_autoptr(CrPartner) partner = NULL;
  g_autofree char *notes = NULL;
  g_autofree char *area = NULL;
  g_autofree char *perimeter = NULL;
  AdwComboRow *kind_row = child (f, "kind_row");
  AdwComboRow *partner_row = child (f, "partner_row");
  GListModel *kinds;

  g_assert_false (flap_revealed (f));
  zone = select_feature (f, "Zone rouge Basilique");
  g_assert_true (flap_revealed (f));

  g_assert_cmpstr (label_text (f, "title_label"), ==, cr_feature_get_name (zone));
  g_assert_cmpstr (label_text (f, "kind_label"), ==, "Red zone (exclusion)");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (child (f, "name_row"))), ==, cr_feature_get_name (zone));
  g_assert_cmpstr (cr_feature_kind_get_code (adw_combo_row_get_selected_item (kind_row)), ==, "red_zone");
  /* A polygon can only become another perimeter kind. */
  kinds = adw_combo_row_get_model (kind_row);
  g_assert_cmpuint (g_list_model_get_n_items (kinds), >, 3);
  for (guint i = 0; i < g_list_model_get_n_items (kinds); i++)
    {
      g_autoptr(CrFeatureKind) kind = g_list_model_get_item (kinds, i);

      g_assert_cmpint (cr_feature_kind_get_group (kind), ==, CR_KIND_GROUP_PERIMETER);
    }
  partner = cr_store_get (f->store, CR_TYPE_PARTNER, cr_feature_get_partner_id (zone), NULL);
  g_assert_nonnull (partner);
  g_assert_cmpstr (gtk_string_object_get_string (adw_combo_row_get_selected_item (partner_row)), ==,
                   cr_partner_get_name (partner));
  g_assert_true (g_date_time_equal (cr_datetime_row_get_datetime (child (f, "from_row")),
                                    cr_feature_get_active_from (zone)));
  g_assert_true (g_date_time_equal (cr_datetime_row_get_datetime (child (f, "to_row")),
                                    cr_feature_get_active_to (zone)));
  notes = notes_text (f);
  g_assert_cmpstr (notes, ==, cr_feature_get_notes (zone));

  /* Measurements of a polygon, not of a line; no waypoints. */
  area = expected_area (cr_geometry_area_m2 (cr_feature_get_geometry (zone)));
  perimeter = expected_length (cr_geometry_length_m (cr_feature_get_geometry (zone)));
  g_assert_cmpstr (label_text (f, "area_value"), ==, area);
  g_assert_cmpstr (label_text (f, "perimeter_value"), ==, perimeter);
  g_assert_true (visible (f, "area_row"));
  g_assert_false (visible (f, "length_row"));
  g_assert_false (visible (f, "radius_row"));
  g_assert_false (visible (f, "waypoints_group"));

  /* A point: its kinds are point kinds. */
  g_clear_object (&zone);
  zone = select_feature (f, "PMA Basilique");
  g_assert_cmpstr (cr_feature_kind_get_code (adw_combo_row_get_selected_item (kind_row)), ==, "medical_post");
  g_assert_true (visible (f, "location_row"));
  g_assert_false (visible (f, "area_row"));

  /* The close button empties the selection and hides the pane. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->details), "details.close", NULL));
  g_assert_cmpint (cr_map_renderer_get_selected (f->renderer), ==, 0);
  g_assert_cmpint (cr_feature_details_get_feature_id (f->details), ==, 0);
  g_assert_false (flap_revealed (f));
}

static void
assert_undo_restores (Fixture    *f,
                      CrFeature  *before,
                      const char *label)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrFeature) now = NULL;

  g_assert_true (cr_history_can_undo (f->history));
  g_assert_cmpstr (cr_history_get_undo_label (f->history), ==, label);
  g_assert_true (cr_history_undo (f->history, &error));
  g_assert_no_error (error);
  now = reread (f, before);
  cr_feature_set_version (now, cr_feature_get_version (before));
  g_assert_true (cr_record_equal (CR_RECORD (now), CR_RECORD (before)));
  /* One step each: nothing more to undo than the edits before. */
  g_assert_false (cr_history_can_undo (f->history));
}

static void
edits_are_written (Fixture *f)
{
  g_autoptr(CrFeature) zone = select_feature (f, "Zone rouge Basilique");
  g_autoptr(CrFeature) now = NULL;
  g_autoptr(GDateTime) later = NULL;
  g_autofree char *notes = NULL;
  AdwComboRow *kind_row = child (f, "kind_row");
  AdwComboRow *partner_row = child (f, "partner_row");
  GtkTextView *notes_view = child (f, "notes_view");

  g_assert_false (cr_history_can_undo (f->history));

  /* Name: written on apply; undo puts the old one back in the store and
   * in the pane. */
  set_entry_and_apply (child (f, "name_row"), "  Zone rouge élargie  ");
  now = reread (f, zone);
  g_assert_cmpstr (cr_feature_get_name (now), ==, "Zone rouge élargie");
  g_assert_cmpstr (label_text (f, "title_label"), ==, "Zone rouge élargie");
  /* The field has nothing of its own to undo once the name is stored:
   * its undo blanked it while the store kept the name. */
  {
    GtkWidget *text = cr_test_find_widget_full (GTK_WIDGET (child (f, "name_row")), is_type,
                                                GSIZE_TO_POINTER (GTK_TYPE_TEXT));

    gtk_widget_activate_action (text, "text.undo", NULL);
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (child (f, "name_row"))), ==, "Zone rouge élargie");
  }
  assert_undo_restores (f, zone, "Rename Feature");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (child (f, "name_row"))), ==, cr_feature_get_name (zone));

  /* Kind; one the layers panel hid is shown again, or the zone would
   * vanish. */
  cr_map_renderer_set_kind_visible (f->renderer, "orange_zone", FALSE);
  adw_combo_row_set_selected (kind_row, kind_position (kind_row, "orange_zone"));
  g_assert_true (cr_map_renderer_get_kind_visible (f->renderer, "orange_zone"));
  g_clear_object (&now);
  now = reread (f, zone);
  g_assert_cmpstr (cr_feature_get_kind (now), ==, "orange_zone");
  assert_undo_restores (f, zone, "Change Kind");
  g_assert_cmpstr (cr_feature_kind_get_code (adw_combo_row_get_selected_item (kind_row)), ==, "red_zone");

  /* Partner: none */
  adw_combo_row_set_selected (partner_row, 0);
  g_clear_object (&now);
  now = reread (f, zone);
  g_assert_cmpint (cr_feature_get_partner_id (now), ==, 0);
  assert_undo_restores (f, zone, "Change Responsible Partner");
  g_assert_cmpuint (adw_combo_row_get_selected (partner_row), !=, 0);

  /* Active until: a time set (not typed) is written at once. */
  later = g_date_time_add_hours (cr_feature_get_active_to (zone), 2);
  cr_datetime_row_set_datetime (child (f, "to_row"), later);
  g_clear_object (&now);
  now = reread (f, zone);
  g_assert_true (g_date_time_equal (cr_feature_get_active_to (now), later));
  assert_undo_restores (f, zone, "Change Active Time");
  g_assert_true (g_date_time_equal (cr_datetime_row_get_datetime (child (f, "to_row")),
                                    cr_feature_get_active_to (zone)));

  /* A time typed: written when the user is done, for Tab too, which
   * goes to the calendar button of the same row. */
  gtk_window_present (GTK_WINDOW (f->window));
  cr_test_iterate ();
  {
    GtkWidget *row = GTK_WIDGET (child (f, "to_row"));
    GtkWidget *text = cr_test_find_widget_full (row, is_type, GSIZE_TO_POINTER (GTK_TYPE_TEXT));
    GtkWidget *calendar = cr_test_find_widget_full (row, is_type, GSIZE_TO_POINTER (GTK_TYPE_MENU_BUTTON));
    g_autoptr(GDateTime) typed = g_date_time_add_hours (cr_feature_get_active_to (zone), 3);
    g_autoptr(GDateTime) local = g_date_time_to_timezone (typed, cr_time_zone_local ());
    g_autofree char *written = g_date_time_format (local, "%d/%m/%Y %H:%M");

    g_assert_true (gtk_widget_grab_focus (text));
    gtk_editable_set_text (GTK_EDITABLE (text), written);
    cr_test_iterate ();
    g_clear_object (&now);
    now = reread (f, zone);
    g_assert_true (g_date_time_equal (cr_feature_get_active_to (now), cr_feature_get_active_to (zone)));
    g_assert_true (gtk_widget_child_focus (calendar, GTK_DIR_TAB_FORWARD));
    g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (f->window)), row));
    cr_test_iterate ();
    g_clear_object (&now);
    now = reread (f, zone);
    g_assert_true (g_date_time_equal (cr_feature_get_active_to (now), typed));
    assert_undo_restores (f, zone, "Change Active Time");
  }

  /* Notes: written when the focus leaves the text. */
  gtk_widget_grab_focus (GTK_WIDGET (notes_view));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (notes_view), "Sweep at 05:00.", -1);
  gtk_widget_grab_focus (GTK_WIDGET (child (f, "name_row")));
  cr_test_iterate ();
  g_clear_object (&now);
  now = reread (f, zone);
  g_assert_cmpstr (cr_feature_get_notes (now), ==, "Sweep at 05:00.");
  assert_undo_restores (f, zone, "Edit Notes");
  notes = notes_text (f);
  g_assert_cmpstr (notes, ==, cr_feature_get_notes (zone));
}

static void
invalid_values_write_nothing (Fixture *f)
{
  g_autoptr(CrFeature) zone = select_feature (f, "Zone rouge Basilique");
  g_autoptr(CrFeature) now = NULL;
  g_autoptr(GDateTime) early = g_date_time_add_hours (cr_feature_get_active_from (zone), -3);

  /* "Until" before "From": an inline error, nothing written. */
  cr_datetime_row_set_datetime (child (f, "to_row"), early);
  g_assert_true (visible (f, "time_error"));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (child (f, "to_row")), "error"));
  g_assert_false (cr_history_can_undo (f->history));
  now = reread (f, zone);
  g_assert_true (g_date_time_equal (cr_feature_get_active_to (now), cr_feature_get_active_to (zone)));
  /* Moving "From" earlier makes the pair right: both are written, the
   * error goes. */
  {
    g_autoptr(GDateTime) earlier = g_date_time_add_hours (early, -1);

    cr_datetime_row_set_datetime (child (f, "from_row"), earlier);
    g_assert_false (visible (f, "time_error"));
    g_clear_object (&now);
    now = reread (f, zone);
    g_assert_true (g_date_time_equal (cr_feature_get_active_from (now), earlier));
    g_assert_true (g_date_time_equal (cr_feature_get_active_to (now), early));
    assert_undo_restores (f, zone, "Change Active Time");
  }

  /* An empty name */
  set_entry_and_apply (child (f, "name_row"), "   ");
  g_assert_true (visible (f, "name_error"));
  g_assert_false (cr_history_can_undo (f->history));
  g_clear_object (&now);
  now = reread (f, zone);
  g_assert_cmpstr (cr_feature_get_name (now), ==, cr_feature_get_name (zone));
  set_entry_and_apply (child (f, "name_row"), cr_feature_get_name (zone));
  g_assert_false (visible (f, "name_error"));
  g_assert_false (cr_history_can_undo (f->history));
  g_assert_null (cr_feature_details_get_problem (f->details));
}

/* A line 1 112 m due north, with two waypoints two minutes apart. */
static CrFeature *
add_known_itinerary (Fixture *f)
{
  static const double coords[] = { 4.35, 50.85, 4.35, 50.855, 4.35, 50.86 };
  g_autoptr(CrGeometry) line = cr_geometry_new_linestring (coords, 3);
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) t0 = g_date_time_new (utc, 2024, 9, 28, 8, 0, 0);
  g_autoptr(GDateTime) t1 = g_date_time_new (utc, 2024, 9, 28, 8, 2, 0);
  g_autoptr(GError) error = NULL;
  CrFeature *feature = cr_feature_new ();

  cr_feature_set_event_id (feature, cr_map_renderer_get_event_id (f->renderer));
  cr_feature_set_kind (feature, "motorcade");
  cr_feature_set_name (feature, "Test motorcade");
  cr_feature_set_geometry (feature, line);
  g_assert_true (cr_store_insert (f->store, CR_RECORD (feature), &error));
  g_assert_no_error (error);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(CrWaypoint) wp = cr_waypoint_new ();

      cr_waypoint_set_feature_id (wp, cr_record_get_id (CR_RECORD (feature)));
      cr_waypoint_set_position (wp, (int) i);
      cr_waypoint_set_name (wp, i == 0 ? "South" : "North");
      cr_waypoint_set_lon (wp, coords[i * 4]);
      cr_waypoint_set_lat (wp, coords[i * 4 + 1]);
      cr_waypoint_set_planned_at (wp, i == 0 ? t0 : t1);
      g_assert_true (cr_store_insert (f->store, CR_RECORD (wp), &error));
      g_assert_no_error (error);
    }
  return feature;
}

static const char *
speed_text (GtkWidget *row)
{
  GtkLabel *speed = g_object_get_data (G_OBJECT (row), "speed-label");

  g_assert_nonnull (speed);
  return gtk_widget_get_visible (GTK_WIDGET (speed)) ? gtk_label_get_text (speed) : NULL;
}

static gboolean
speed_warns (GtkWidget *row)
{
  GtkLabel *speed = g_object_get_data (G_OBJECT (row), "speed-label");

  return gtk_widget_has_css_class (GTK_WIDGET (speed), "warning");
}

static void
itinerary_measurements (Fixture *f)
{
  g_autoptr(CrFeature) motorcade = select_feature (f, "Cortège papal");
  g_autoptr(CrFeature) known = NULL;
  g_autoptr(GListModel) waypoints = list_waypoints (f, motorcade);
  g_autoptr(GPtrArray) rows = waypoint_rows (f);
  g_autofree char *length = expected_length (cr_line_length_m (cr_feature_get_geometry (motorcade)));

  /* The demo motorcade: one row per waypoint, each leg's speed. */
  g_assert_true (visible (f, "waypoints_group"));
  g_assert_cmpuint (rows->len, ==, g_list_model_get_n_items (waypoints));
  g_assert_cmpuint (rows->len, >, 3);
  g_assert_cmpstr (label_text (f, "length_value"), ==, length);
  g_assert_null (speed_text (g_ptr_array_index (rows, 0)));
  for (guint i = 1; i < rows->len; i++)
    {
      g_autoptr(CrWaypoint) a = g_list_model_get_item (waypoints, i - 1);
      g_autoptr(CrWaypoint) b = g_list_model_get_item (waypoints, i);
      g_autofree char *expected =
        g_strdup_printf ("%.0f km/h", cr_itinerary_leg_speed_kmh (cr_feature_get_geometry (motorcade), a, b));

      g_assert_cmpstr (adw_preferences_row_get_title (g_ptr_array_index (rows, i)), ==, cr_waypoint_get_name (b));
      g_assert_cmpstr (speed_text (g_ptr_array_index (rows, i)), ==, expected);
    }

  /* A known geometry: 1.11 km in 2 minutes is 33 km/h, plausible. */
  known = add_known_itinerary (f);
  cr_map_renderer_set_selected (f->renderer, cr_record_get_id (CR_RECORD (known)));
  g_ptr_array_unref (rows);
  rows = waypoint_rows (f);
  g_assert_cmpuint (rows->len, ==, 2);
  g_assert_cmpstr (label_text (f, "length_value"), ==, "1.11 km");
  g_assert_cmpstr (speed_text (g_ptr_array_index (rows, 1)), ==, "33 km/h");
  g_assert_false (speed_warns (g_ptr_array_index (rows, 1)));
  g_assert_cmpstr (label_text (f, "duration_value"), ==, "2 min");

  /* 1.11 km in 30 seconds is 133 km/h: a warning. */
  {
    g_autoptr(GListModel) list = list_waypoints (f, known);
    g_autoptr(CrWaypoint) north = g_list_model_get_item (list, 1);
    g_autoptr(CrWaypoint) south = g_list_model_get_item (list, 0);
    g_autoptr(GDateTime) soon = g_date_time_add_seconds (cr_waypoint_get_planned_at (south), 30);
    g_autoptr(GDateTime) before = g_date_time_add_minutes (cr_waypoint_get_planned_at (south), -5);
    CrDatetimeRow *time_row = g_object_get_data (G_OBJECT (g_ptr_array_index (rows, 1)), "time-row");
    g_autoptr(CrWaypoint) now = NULL;

    cr_datetime_row_set_datetime (time_row, soon);
    now = cr_store_get (f->store, CR_TYPE_WAYPOINT, cr_record_get_id (CR_RECORD (north)), NULL);
    g_assert_true (g_date_time_equal (cr_waypoint_get_planned_at (now), soon));
    g_assert_cmpstr (speed_text (g_ptr_array_index (rows, 1)), ==, "133 km/h");
    g_assert_true (speed_warns (g_ptr_array_index (rows, 1)));

    /* Times going backwards: no speed, a warning. */
    cr_datetime_row_set_datetime (time_row, before);
    g_assert_null (speed_text (g_ptr_array_index (rows, 1)));
    g_assert_true (gtk_widget_get_visible (gtk_widget_get_prev_sibling (
      GTK_WIDGET (g_object_get_data (G_OBJECT (g_ptr_array_index (rows, 1)), "speed-label")))));

    /* Each time edit was one step. */
    g_assert_cmpstr (cr_history_get_undo_label (f->history), ==, "Change Planned Time");
    g_assert_true (cr_history_undo (f->history, NULL));
    g_assert_true (cr_history_undo (f->history, NULL));
    g_assert_false (cr_history_can_undo (f->history));
    g_clear_object (&now);
    now = cr_store_get (f->store, CR_TYPE_WAYPOINT, cr_record_get_id (CR_RECORD (north)), NULL);
    g_assert_true (g_date_time_equal (cr_waypoint_get_planned_at (now), cr_waypoint_get_planned_at (north)));
    g_assert_cmpstr (speed_text (g_ptr_array_index (rows, 1)), ==, "33 km/h");
  }
}

static void
waypoints_are_edited (Fixture *f)
{
  g_autoptr(CrFeature) known = add_known_itinerary (f);
  g_autoptr(GListModel) list = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(CrWaypoint) middle = NULL;
  g_autoptr(CrWaypoint) first = NULL;
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) halfway = g_date_time_new (utc, 2024, 9, 28, 8, 1, 0);
  gint64 middle_id;

  cr_map_renderer_set_selected (f->renderer, cr_record_get_id (CR_RECORD (known)));

  /* Add at the middle vertex: it goes between the two, in route order,
   * with the time half-way. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->details), "details.add-waypoint", "i", 1));
  list = list_waypoints (f, known);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 3);
  middle = g_list_model_get_item (list, 1);
  middle_id = cr_record_get_id (CR_RECORD (middle));
  g_assert_cmpint (cr_waypoint_get_position (middle), ==, 1);
  g_assert_cmpfloat_with_epsilon (cr_waypoint_get_lat (middle), 50.855, 1e-9);
  g_assert_true (g_date_time_equal (cr_waypoint_get_planned_at (middle), halfway));
  rows = waypoint_rows (f);
  g_assert_cmpuint (rows->len, ==, 3);
  g_assert_cmpstr (cr_history_get_undo_label (f->history), ==, "Add Waypoint");

  /* Rename it. */
  set_entry_and_apply (g_object_get_data (G_OBJECT (g_ptr_array_index (rows, 1)), "name-entry"), "Middle");
  g_clear_object (&middle);
  middle = cr_store_get (f->store, CR_TYPE_WAYPOINT, middle_id, NULL);
  g_assert_cmpstr (cr_waypoint_get_name (middle), ==, "Middle");
  g_assert_cmpstr (adw_preferences_row_get_title (g_ptr_array_index (rows, 1)), ==, "Middle");

  /* Move it up: it becomes the first, in the store's order too. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->details), "details.move-waypoint-up", "x",
                                             middle_id));
  g_clear_object (&list);
  list = list_waypoints (f, known);
  first = g_list_model_get_item (list, 0);
  g_assert_cmpint (cr_record_get_id (CR_RECORD (first)), ==, middle_id);
  g_ptr_array_unref (rows);
  rows = waypoint_rows (f);
  g_assert_cmpstr (adw_preferences_row_get_title (g_ptr_array_index (rows, 0)), ==, "Middle");
  g_assert_cmpstr (cr_history_get_undo_label (f->history), ==, "Move Waypoint");
  g_assert_true (cr_history_undo (f->history, NULL));
  g_clear_object (&list);
  g_clear_object (&first);
  list = list_waypoints (f, known);
  first = g_list_model_get_item (list, 0);
  g_assert_cmpstr (cr_waypoint_get_name (first), ==, "South");

  /* Remove it. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->details), "details.remove-waypoint", "x",
                                             middle_id));
  g_clear_object (&list);
  list = list_waypoints (f, known);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 2);
  g_ptr_array_unref (rows);
  rows = waypoint_rows (f);
  g_assert_cmpuint (rows->len, ==, 2);
  g_assert_cmpstr (cr_history_get_undo_label (f->history), ==, "Remove Waypoint");
  g_assert_true (cr_history_undo (f->history, NULL));
  g_clear_object (&list);
  list = list_waypoints (f, known);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 3);

  /* Add at the end of the line. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->details), "details.add-waypoint", "i", 2));
  g_clear_object (&list);
  list = list_waypoints (f, known);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 4);
  {
    g_autoptr(CrWaypoint) last = g_list_model_get_item (list, 3);

    g_assert_cmpint (cr_waypoint_get_position (last), ==, 3);
    g_assert_cmpfloat_with_epsilon (cr_waypoint_get_lat (last), 50.86, 1e-9);
  }
  g_assert_null (cr_feature_details_get_problem (f->details));
}

static void
circle_radius (Fixture *f)
{
  g_autoptr(CrFeature) ban = select_feature (f, "Interdiction de drones Basilique");
  g_autoptr(CrFeature) now = NULL;
  g_autoptr(CrGeometry) expected = NULL;
  g_autofree char *area = NULL;
  AdwEntryRow *radius_row = child (f, "radius_row");

  g_assert_true (visible (f, "radius_row"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (radius_row)), ==, "1500");

  /* Not a radius: an inline error, nothing written. */
  set_entry_and_apply (radius_row, "far");
  g_assert_true (visible (f, "radius_error"));
  g_assert_false (cr_history_can_undo (f->history));
  set_entry_and_apply (radius_row, "0");
  g_assert_true (visible (f, "radius_error"));
  g_assert_false (cr_history_can_undo (f->history));

  /* 1 km: the circle is drawn again around the same centre. */
  set_entry_and_apply (radius_row, "1 000 m");
  g_assert_false (visible (f, "radius_error"));
  now = reread (f, ban);
  g_assert_cmpfloat (cr_feature_get_radius_m (now), ==, 1000);
  g_assert_cmpfloat (cr_feature_get_center_lon (now), ==, cr_feature_get_center_lon (ban));
  g_assert_cmpfloat (cr_feature_get_center_lat (now), ==, cr_feature_get_center_lat (ban));
  expected = cr_geometry_new_circle (cr_feature_get_center_lon (ban), cr_feature_get_center_lat (ban), 1000, 64);
  g_assert_true (cr_geometry_equal (cr_feature_get_geometry (now), expected));
  /* A 64-gon of 1 km radius: 3.14 km², 6.28 km around. */
  area = expected_area (cr_geometry_area_m2 (expected));
  g_assert_cmpstr (label_text (f, "area_value"), ==, area);
  g_assert_cmpstr (label_text (f, "area_value"), ==, "3.14 km²");
  g_assert_cmpstr (label_text (f, "perimeter_value"), ==, "6.28 km");

  assert_undo_restores (f, ban, "Change Radius");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (radius_row)), ==, "1500");
}

static void
conflict_offers_reload (Fixture *f)
{
  g_autoptr(CrFeature) zone = select_feature (f, "Zone rouge Basilique");
  g_autoptr(CrStore) other = NULL;
  g_autoptr(CrFeature) theirs = NULL;
  g_autoptr(CrFeature) now = NULL;
  g_autoptr(GError) error = NULL;

  /* Someone else, through another connection to the same file. */
  other = cr_store_open (f->path, &error);
  g_assert_no_error (error);
  theirs = cr_store_get (other, CR_TYPE_FEATURE, cr_record_get_id (CR_RECORD (zone)), &error);
  g_assert_no_error (error);
  cr_feature_set_name (theirs, "Their name");
  g_assert_true (cr_store_update (other, CR_RECORD (theirs), &error));
  g_assert_no_error (error);

  /* Our edit is refused: the pane says so and keeps what we typed. */
  set_entry_and_apply (child (f, "name_row"), "Our name");
  g_assert_nonnull (cr_feature_details_get_problem (f->details));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (child (f, "problem_revealer"))));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (child (f, "name_row"))), ==, "Our name");
  g_assert_false (cr_history_can_undo (f->history));
  now = reread (f, zone);
  g_assert_cmpstr (cr_feature_get_name (now), ==, "Their name");

  /* Reload shows their change. */
  cr_feature_details_reload (f->details);
  g_assert_null (cr_feature_details_get_problem (f->details));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (child (f, "problem_revealer"))));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (child (f, "name_row"))), ==, "Their name");

  /* Now the edit goes through. */
  set_entry_and_apply (child (f, "name_row"), "Our name");
  g_clear_object (&now);
  now = reread (f, zone);
  g_assert_cmpstr (cr_feature_get_name (now), ==, "Our name");
  g_assert_null (cr_feature_details_get_problem (f->details));
}

static void
follows_the_store (Fixture *f)
{
  g_autoptr(CrFeature) zone = select_feature (f, "Zone rouge Basilique");
  g_autoptr(CrFeature) edited = cr_record_copy (CR_RECORD (zone));
  g_autoptr(GError) error = NULL;
  g_autoptr(CrFeature) back = NULL;

  /* A change made elsewhere in this process (another window). */
  cr_feature_set_name (edited, "Renamed elsewhere");
  g_assert_true (cr_store_update (f->store, CR_RECORD (edited), &error));
  g_assert_no_error (error);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (child (f, "name_row"))), ==, "Renamed elsewhere");

  /* Deleting from the pane closes it; undo brings the feature back. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->details), "details.delete", NULL));
  back = cr_store_get (f->store, CR_TYPE_FEATURE, cr_record_get_id (CR_RECORD (zone)), NULL);
  g_assert_null (back);
  g_assert_cmpint (cr_map_renderer_get_selected (f->renderer), ==, 0);
  g_assert_false (flap_revealed (f));
  g_assert_cmpstr (cr_history_get_undo_label (f->history), ==, "Delete Feature");
  g_assert_true (cr_history_undo (f->history, &error));
  g_assert_no_error (error);
  back = cr_store_get (f->store, CR_TYPE_FEATURE, cr_record_get_id (CR_RECORD (zone)), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cr_feature_get_name (back), ==, "Renamed elsewhere");

  /* Deleted by someone else while shown: the pane closes. */
  cr_map_renderer_set_selected (f->renderer, cr_record_get_id (CR_RECORD (zone)));
  g_assert_true (flap_revealed (f));
  g_assert_true (cr_store_delete (f->store, CR_RECORD (back), &error));
  g_assert_no_error (error);
  g_assert_cmpint (cr_feature_details_get_feature_id (f->details), ==, 0);
  g_assert_false (flap_revealed (f));
}

/* Each test runs the whole application, on its own copy of the demo. */
#define TEST(body) \
  static void test_##body (void) { run_in_application (body); }

TEST (shows_selection)
TEST (edits_are_written)
TEST (invalid_values_write_nothing)
TEST (itinerary_measurements)
TEST (waypoints_are_edited)
TEST (circle_radius)
TEST (conflict_offers_reload)
TEST (follows_the_store)

int
main (int   argc,
      char *argv[])
{
  cr_test_widgets_init (&argc, &argv);

  g_test_add_func ("/feature-details/shows-selection", test_shows_selection);
  g_test_add_func ("/feature-details/edits", test_edits_are_written);
  g_test_add_func ("/feature-details/invalid-values", test_invalid_values_write_nothing);
  g_test_add_func ("/feature-details/itinerary-measurements", test_itinerary_measurements);
  g_test_add_func ("/feature-details/waypoints", test_waypoints_are_edited);
  g_test_add_func ("/feature-details/circle-radius", test_circle_radius);
  g_test_add_func ("/feature-details/conflict", test_conflict_offers_reload);
  g_test_add_func ("/feature-details/follows-store", test_follows_the_store);

  return g_test_run ();
}
