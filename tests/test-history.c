/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "cr-history.h"
#include "cr-test-utils.h"

/* Undo and redo write the previous values back; every step is a real
 * change in the file, and someone else's later change is never
 * overwritten silently. */

static CrFeature *
new_line (gint64 event_id)
{
  const double coords[] = { 4.30, 50.85, 4.31, 50.86, 4.32, 50.87 };
  g_autoptr(CrGeometry) line = cr_geometry_new_linestring (coords, 3);
  CrFeature *feature = cr_feature_new ();

  cr_feature_set_event_id (feature, event_id);
  cr_feature_set_kind (feature, "motorcade");
  cr_feature_set_name (feature, "Motorcade");
  cr_feature_set_geometry (feature, line);
  return feature;
}

static gint64
new_event (CrStore *store)
{
  g_autoptr(CrEvent) event = cr_event_new ();
  g_autoptr(GError) error = NULL;

  cr_event_set_name (event, "History test");
  g_assert_true (cr_store_insert (store, CR_RECORD (event), &error));
  g_assert_no_error (error);
  return cr_record_get_id (CR_RECORD (event));
}

static void
test_insert_undo_redo (void)
{
  g_autoptr(CrStore) store = cr_test_open_store ();
  g_autoptr(CrHistory) history = cr_history_new (store);
  g_autoptr(CrFeature) feature = new_line (new_event (store));
  g_autoptr(CrFeature) back = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  g_assert_false (cr_history_can_undo (history));
  g_assert_true (cr_history_insert (history, CR_RECORD (feature), &error));
  g_assert_no_error (error);
  id = cr_record_get_id (CR_RECORD (feature));
  g_assert_true (cr_history_can_undo (history));
  g_assert_cmpstr (cr_history_get_undo_label (history), ==, "Add Feature");

  g_assert_true (cr_history_undo (history, &error));
  g_assert_no_error (error);
  g_assert_cmpint (cr_store_count (store, CR_TYPE_FEATURE, NULL, 0, NULL), ==, 0);
  g_assert_false (cr_history_can_undo (history));
  g_assert_true (cr_history_can_redo (history));

  /* Redo brings back the same row, same id. */
  g_assert_true (cr_history_redo (history, &error));
  g_assert_no_error (error);
  back = cr_store_get (store, CR_TYPE_FEATURE, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cr_feature_get_name (back), ==, "Motorcade");
  g_assert_true (cr_geometry_equal (cr_feature_get_geometry (back), cr_feature_get_geometry (feature)));
}

static void
test_update_undo_redo (void)
{
  g_autoptr(CrStore) store = cr_test_open_store ();
  g_autoptr(CrHistory) history = cr_history_new (store);
  g_autoptr(CrFeature) feature = new_line (new_event (store));
  g_autoptr(CrFeature) back = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CrGeometry) moved = NULL;
  gint64 audit_before;

  g_assert_true (cr_store_insert (store, CR_RECORD (feature), &error));
  cr_feature_set_name (feature, "Motorcade (revised)");
  moved = cr_geometry_new_point (4.35, 50.85);
  cr_feature_set_geometry (feature, moved);
  g_assert_true (cr_history_update (history, CR_RECORD (feature), &error));
  g_assert_no_error (error);

  audit_before = cr_store_count (store, CR_TYPE_AUDIT_ENTRY, NULL, 0, NULL);
  g_assert_true (cr_history_undo (history, &error));
  g_assert_no_error (error);
  back = cr_store_get (store, CR_TYPE_FEATURE, cr_record_get_id (CR_RECORD (feature)), &error);
  g_assert_cmpstr (cr_feature_get_name (back), ==, "Motorcade");
  g_assert_cmpint (cr_feature_get_geometry (back)->type, ==, CR_GEOMETRY_LINESTRING);
  /* Undo is a change like any other: audited. */
  g_assert_cmpint (cr_store_count (store, CR_TYPE_AUDIT_ENTRY, NULL, 0, NULL), ==, audit_before + 1);
  g_clear_object (&back);

  g_assert_true (cr_history_redo (history, &error));
  back = cr_store_get (store, CR_TYPE_FEATURE, cr_record_get_id (CR_RECORD (feature)), &error);
  g_assert_cmpstr (cr_feature_get_name (back), ==, "Motorcade (revised)");
  g_assert_cmpint (cr_feature_get_geometry (back)->type, ==, CR_GEOMETRY_POINT);
}

static void
test_delete_restores_waypoints (void)
{
  g_autoptr(CrStore) store = cr_test_open_store ();
  g_autoptr(CrHistory) history = cr_history_new (store);
  g_autoptr(CrFeature) feature = new_line (new_event (store));
  g_autoptr(GListModel) waypoints = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  g_assert_true (cr_store_insert (store, CR_RECORD (feature), &error));
  id = cr_record_get_id (CR_RECORD (feature));
  for (int i = 0; i < 3; i++)
    {
      g_autoptr(CrWaypoint) wp = cr_waypoint_new ();
      g_autoptr(GDateTime) at = g_date_time_new_utc (2024, 9, 28, 8, 10 * i, 0);

      cr_waypoint_set_feature_id (wp, id);
      cr_waypoint_set_position (wp, i);
      cr_waypoint_set_lon (wp, 4.30 + 0.01 * i);
      cr_waypoint_set_lat (wp, 50.85 + 0.01 * i);
      cr_waypoint_set_planned_at (wp, at);
      g_assert_true (cr_store_insert (store, CR_RECORD (wp), &error));
    }

  g_assert_true (cr_history_delete (history, CR_RECORD (feature), &error));
  g_assert_no_error (error);
  g_assert_cmpint (cr_store_count (store, CR_TYPE_WAYPOINT, NULL, 0, NULL), ==, 0);
  g_assert_cmpstr (cr_history_get_undo_label (history), ==, "Delete Feature");

  g_assert_true (cr_history_undo (history, &error));
  g_assert_no_error (error);
  waypoints = cr_store_list (store, CR_TYPE_WAYPOINT, "feature_id", id, &error);
  g_assert_cmpuint (g_list_model_get_n_items (waypoints), ==, 3);
}

static void
test_group_is_one_step (void)
{
  g_autoptr(CrStore) store = cr_test_open_store ();
  g_autoptr(CrHistory) history = cr_history_new (store);
  gint64 event_id = new_event (store);
  g_autoptr(GError) error = NULL;

  g_assert_true (cr_history_begin (history, "Draw itinerary", &error));
  for (int i = 0; i < 3; i++)
    {
      g_autoptr(CrFeature) feature = new_line (event_id);

      g_assert_true (cr_history_insert (history, CR_RECORD (feature), &error));
    }
  g_assert_true (cr_history_commit (history, &error));
  g_assert_cmpstr (cr_history_get_undo_label (history), ==, "Draw itinerary");
  g_assert_cmpint (cr_store_count (store, CR_TYPE_FEATURE, NULL, 0, NULL), ==, 3);

  g_assert_true (cr_history_undo (history, &error));
  g_assert_cmpint (cr_store_count (store, CR_TYPE_FEATURE, NULL, 0, NULL), ==, 0);
  g_assert_false (cr_history_can_undo (history));

  /* A failed step records nothing. */
  g_assert_true (cr_history_begin (history, "Broken", &error));
  {
    g_autoptr(CrFeature) feature = new_line (event_id);

    g_assert_true (cr_history_insert (history, CR_RECORD (feature), &error));
  }
  cr_history_rollback (history);
  g_assert_cmpint (cr_store_count (store, CR_TYPE_FEATURE, NULL, 0, NULL), ==, 0);
  g_assert_false (cr_history_can_undo (history));
  g_assert_true (cr_history_can_redo (history));
}

static void
test_undo_refuses_to_overwrite (void)
{
  g_autoptr(CrStore) store = cr_test_open_store ();
  g_autoptr(CrStore) other = NULL;
  g_autoptr(CrHistory) history = cr_history_new (store);
  g_autoptr(CrFeature) feature = new_line (new_event (store));
  g_autoptr(CrFeature) theirs = NULL;
  g_autoptr(CrFeature) back = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (cr_store_insert (store, CR_RECORD (feature), &error));
  g_assert_true (cr_history_delete (history, CR_RECORD (feature), &error));

  /* Someone re-creates a row with that id meanwhile: undo cannot put ours
   * back and says so; the stack keeps the step. */
  other = cr_store_open (cr_store_get_path (store), &error);
  g_assert_no_error (error);
  theirs = new_line (cr_feature_get_event_id (feature));
  cr_record_set_id (CR_RECORD (theirs), cr_record_get_id (CR_RECORD (feature)));
  cr_feature_set_name (theirs, "Theirs");
  g_assert_true (cr_store_insert (other, CR_RECORD (theirs), &error));

  g_assert_false (cr_history_undo (history, &error));
  g_assert_error (error, CR_STORE_ERROR, CR_STORE_ERROR_CONSTRAINT);
  g_assert_true (cr_history_can_undo (history));
  back = cr_store_get (store, CR_TYPE_FEATURE, cr_record_get_id (CR_RECORD (feature)), NULL);
  g_assert_cmpstr (cr_feature_get_name (back), ==, "Theirs");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/history/insert", test_insert_undo_redo);
  g_test_add_func ("/history/update", test_update_undo_redo);
  g_test_add_func ("/history/delete-waypoints", test_delete_restores_waypoints);
  g_test_add_func ("/history/group", test_group_is_one_step);
  g_test_add_func ("/history/no-overwrite", test_undo_refuses_to_overwrite);

  return g_test_run ();
}
