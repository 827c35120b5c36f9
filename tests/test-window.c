/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <gtk/gtk.h>
#include <string.h>

#include "cr-application.h"
#include "cr-demo.h"
#include "cr-feature-details.h"
#include "cr-test-widgets.h"
#include "cr-layers-panel.h"
#include "cr-time-control.h"
#include "cr-time.h"
#include "cr-window.h"

/* The window as a user first sees it: opened on the demo database, the
 * demo event listed and selected, its features drawn on the map. Runs in
 * its own X server (tests/xvfb-run-test). */

typedef struct _Fixture Fixture;
struct _Fixture
{
  CrApplication *app;
  CrWindow *window;
  void (*body) (Fixture *f);
};

static gboolean
features_drawn (gpointer data)
{
  Fixture *f = data;

  return cr_feature_layer_get_n_drawn (cr_window_get_feature_layer (f->window)) > 0;
}

static void
activate_cb (CrApplication *app,
             GtkWindow     *window,
             gpointer       data)
{
  Fixture *f = data;

  f->app = app;
  f->window = CR_WINDOW (window);
  f->body (f);
}

/* The application's whole life, as `crisis-room --database FILE [--demo]`
 * runs it: g_application_run() with its start-up and shut-down. */
static void
run_in_application (gboolean demo,
                    void (*body) (Fixture *f))
{
  Fixture f = { .body = body };

  cr_test_run_window (demo, activate_cb, &f);
}

static void
demo_event_shown (Fixture *f)
{
  g_autoptr(CrEvent) event = NULL;
  CrStore *store = cr_application_get_store (f->app);
  gint64 n_features;

  g_assert_cmpuint (g_list_model_get_n_items (cr_window_get_events (f->window)), ==, 1);
  event = cr_window_get_event (f->window);
  g_assert_nonnull (event);
  g_assert_cmpstr (cr_event_get_name (event), ==, CR_DEMO_EVENT_NAME);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (f->window)), !=, NULL);

  /* The map is fitted to the event, so every feature is on screen. */
  g_assert_true (cr_test_wait_until (features_drawn, f, 20));
  n_features = cr_store_count (store, CR_TYPE_FEATURE, "event_id",
                               cr_record_get_id (CR_RECORD (event)), NULL);
  g_assert_cmpint (n_features, >, 10);
  g_assert_cmpint (cr_feature_layer_get_n_drawn (cr_window_get_feature_layer (f->window)), ==,
                   n_features);
}

static void
empty_database (Fixture *f)
{
  g_assert_cmpuint (g_list_model_get_n_items (cr_window_get_events (f->window)), ==, 0);
  g_assert_null (cr_window_get_event (f->window));
  g_assert_false (cr_window_select_event (f->window, "Anything"));
}

static void
event_appears_when_added (Fixture *f)
{
  CrStore *store = cr_application_get_store (f->app);
  g_autoptr(CrEvent) event = cr_event_new ();
  g_autoptr(CrEvent) shown = NULL;
  g_autoptr(GError) error = NULL;

  cr_event_set_name (event, "New Year's Eve 2025");
  cr_event_set_kind (event, CR_EVENT_KIND_NEW_YEAR);
  g_assert_true (cr_store_insert (store, CR_RECORD (event), &error));
  g_assert_no_error (error);

  /* The store's change signal refreshes the list without a restart. */
  g_assert_cmpuint (g_list_model_get_n_items (cr_window_get_events (f->window)), ==, 1);
  g_assert_true (cr_window_select_event (f->window, "new year's eve 2025"));
  shown = cr_window_get_event (f->window);
  g_assert_cmpint (cr_record_get_id (CR_RECORD (shown)), ==, cr_record_get_id (CR_RECORD (event)));
}

/* The time control drives the renderer's time; play moves it forward
 * within the event, and "All times" clears it. */
static void
time_control_drives_map (Fixture *f)
{
  CrTimeControl *control = cr_time_control_new ();
  CrMapRenderer *renderer = cr_window_get_renderer (f->window);
  g_autoptr(GDateTime) start = cr_time_parse ("2024-09-28T06:00:00+02:00");
  g_autoptr(GDateTime) end = cr_time_parse ("2024-09-28T08:00:00+02:00");
  g_autoptr(GDateTime) late = cr_time_parse ("2024-09-30T00:00:00+02:00");
  g_autoptr(GDateTime) mid = cr_time_parse ("2024-09-28T07:00:00+02:00");
  GDateTime *t;

  g_object_ref_sink (control);
  g_object_bind_property (control, "time", renderer, "time", G_BINDING_DEFAULT);
  cr_time_control_set_span (control, start, end);
  g_assert_null (cr_time_control_get_time (control));

  cr_time_control_set_time (control, mid);
  g_assert_true (g_date_time_equal (cr_map_renderer_get_time (renderer), mid));
  cr_time_control_step (control, 90 * G_TIME_SPAN_MINUTE);
  /* Clamped to the event's end. */
  g_assert_true (g_date_time_equal (cr_time_control_get_time (control), end));

  cr_time_control_set_time (control, start);
  cr_time_control_set_playing (control, TRUE);
  g_assert_true (cr_time_control_get_playing (control));
  while (g_date_time_compare (cr_time_control_get_time (control), start) == 0)
    g_main_context_iteration (NULL, TRUE);
  t = cr_time_control_get_time (control);
  g_assert_cmpint (g_date_time_compare (t, start), >, 0);
  g_assert_cmpint (g_date_time_compare (t, late), <, 0);
  cr_time_control_set_playing (control, FALSE);

  cr_time_control_set_time (control, NULL);
  g_assert_false (cr_time_control_get_playing (control));
  g_assert_null (cr_map_renderer_get_time (renderer));
  g_object_unref (control);
}

static gboolean
is_kind_check (GtkWidget    *widget,
               gconstpointer kind)
{
  return GTK_IS_CHECK_BUTTON (widget) && g_strcmp0 (g_object_get_data (G_OBJECT (widget), "kind"), kind) == 0;
}

/* The layers panel is a view of the renderer's switches. */
static void
layers_panel_switches (Fixture *f)
{
  CrMapRenderer *renderer = cr_window_get_renderer (f->window);
  CrLayersPanel *panel = g_object_ref_sink (cr_layers_panel_new (renderer));
  GtkWidget *check;

  /* The check button of the red zone's row. */
  check = cr_test_find_widget_full (GTK_WIDGET (panel), is_kind_check, "red_zone");
  g_assert_nonnull (check);
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), FALSE);
  g_assert_false (cr_map_renderer_get_kind_visible (renderer, "red_zone"));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
  g_assert_true (cr_map_renderer_get_kind_visible (renderer, "red_zone"));
  /* Changed elsewhere (a zone drawn in a hidden kind shows it): the
   * panel follows. */
  cr_map_renderer_set_kind_visible (renderer, "red_zone", FALSE);
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
  cr_map_renderer_set_group_visible (renderer, CR_KIND_GROUP_PERIMETER, FALSE);
  {
    GtkWidget *expander = gtk_widget_get_ancestor (check, ADW_TYPE_EXPANDER_ROW);
    g_autofree char *message = NULL;
    g_autofree char *again = NULL;

    g_assert_nonnull (expander);
    g_assert_false (adw_expander_row_get_enable_expansion (ADW_EXPANDER_ROW (expander)));
    message = cr_map_renderer_show_kind (renderer, "red_zone");
    g_assert_nonnull (strstr (message, "Red zone"));
    g_assert_true (adw_expander_row_get_enable_expansion (ADW_EXPANDER_ROW (expander)));
    /* Nothing hidden, nothing to say. */
    again = cr_map_renderer_show_kind (renderer, "red_zone");
    g_assert_null (again);
  }
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));

  cr_map_renderer_set_fade_inactive (renderer, TRUE);
  cr_map_renderer_set_show_labels (renderer, TRUE);
  g_object_unref (panel);
}

static gboolean
tiles_pending (gpointer data)
{
  return cr_map_renderer_get_tiles_pending (data);
}

static gboolean
tiles_complete (gpointer data)
{
  return !cr_map_renderer_get_tiles_pending (data);
}

/* The map's tiles are drawn on worker threads: with frames that do not
 * wait for them, a change first shows the stale ones, and the window
 * draws itself again, unasked, until it shows them all. */
static void
tiles_follow_changes (Fixture *f)
{
  CrMapRenderer *renderer = cr_feature_layer_get_renderer (cr_window_get_feature_layer (f->window));

  g_assert_true (cr_test_wait_until (features_drawn, f, 20));
  g_assert_true (cr_test_wait_until (tiles_complete, renderer, 20));
  cr_map_renderer_set_tile_wait (renderer, 0);
  cr_map_renderer_set_kind_visible (renderer, "red_zone", FALSE);
  g_assert_true (cr_test_wait_until (tiles_pending, renderer, 20));
  g_assert_true (cr_test_wait_until (tiles_complete, renderer, 20));
  cr_map_renderer_set_kind_visible (renderer, "red_zone", TRUE);
  g_assert_true (cr_test_wait_until (tiles_pending, renderer, 20));
  g_assert_true (cr_test_wait_until (tiles_complete, renderer, 20));
}

static void
test_tiles_follow_changes (void)
{
  run_in_application (TRUE, tiles_follow_changes);
}

static void
test_time_control (void)
{
  run_in_application (TRUE, time_control_drives_map);
}

static void
test_layers_panel (void)
{
  run_in_application (TRUE, layers_panel_switches);
}

static void
test_demo_event_shown (void)
{
  run_in_application (TRUE, demo_event_shown);
}

static void
test_empty_database (void)
{
  run_in_application (FALSE, empty_database);
}

static void
test_event_appears_when_added (void)
{
  run_in_application (FALSE, event_appears_when_added);
}

static gboolean
is_text (GtkWidget    *widget,
         gconstpointer data)
{
  return GTK_IS_TEXT (widget) && gtk_widget_get_mapped (widget);
}

static gboolean
is_details (GtkWidget    *widget,
            gconstpointer data)
{
  return CR_IS_FEATURE_DETAILS (widget);
}

/* A text field of the details pane, shown. */
static GtkWidget *
details_text (Fixture *f)
{
  GtkWidget *details = cr_test_find_widget_full (GTK_WIDGET (f->window), is_details, NULL);

  g_assert_nonnull (details);
  return cr_test_find_widget_full (details, is_text, NULL);
}

static gboolean
flap_open (gpointer data)
{
  return details_text (data) != NULL;
}

/* Closing the details pane while it has the focus gives the focus to
 * the map, where the tools' keys work, not to the event list. */
static void
details_closed_focus (Fixture *f)
{
  CrMapRenderer *renderer = cr_window_get_renderer (f->window);
  g_autoptr(CrEvent) event = cr_window_get_event (f->window);
  g_autoptr(GListModel) features = NULL;
  g_autoptr(CrFeature) feature = NULL;
  GtkWidget *map = GTK_WIDGET (cr_window_get_map (f->window));
  GtkWidget *text, *focus;

  g_assert_true (cr_test_wait_until (features_drawn, f, 20));
  features = cr_store_list (cr_application_get_store (f->app), CR_TYPE_FEATURE, "event_id",
                            cr_record_get_id (CR_RECORD (event)), NULL);
  feature = g_list_model_get_item (features, 0);
  cr_map_renderer_set_selected (renderer, cr_record_get_id (CR_RECORD (feature)));
  g_assert_true (cr_test_wait_until (flap_open, f, 20));
  text = details_text (f);
  g_assert_true (gtk_widget_grab_focus (text));
  cr_map_renderer_set_selected (renderer, 0);
  focus = gtk_root_get_focus (GTK_ROOT (f->window));
  g_assert_nonnull (focus);
  g_assert_true (focus == map || gtk_widget_is_ancestor (focus, map));
}

static void
test_details_closed_focus (void)
{
  run_in_application (TRUE, details_closed_focus);
}

typedef struct
{
  Fixture *f;
  const char *text;
} ToastWait;

static gboolean
is_label_with (GtkWidget    *widget,
               gconstpointer text)
{
  return GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
         g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0;
}

static gboolean
toast_shown (gpointer data)
{
  ToastWait *wait = data;

  return cr_test_find_widget_full (GTK_WIDGET (wait->f->window), is_label_with, wait->text) != NULL;
}

/* Quick undos each say what they undid at once, not queued behind the
 * one before for as long as it stays. */
static void
undo_toasts (Fixture *f)
{
  CrHistory *history = cr_window_get_history (f->window);
  CrStore *store = cr_application_get_store (f->app);
  g_autoptr(CrEvent) event = cr_window_get_event (f->window);
  const char *const names[] = { "First name", "Second name" };
  ToastWait wait = { f, "Undone: Rename First name" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(CrEvent) current = cr_store_get (store, CR_TYPE_EVENT, cr_record_get_id (CR_RECORD (event)), NULL);
      g_autoptr(CrEvent) renamed = CR_EVENT (cr_record_copy (CR_RECORD (current)));
      g_autofree char *label = g_strdup_printf ("Rename %s", names[i]);
      g_autoptr(GError) error = NULL;

      cr_event_set_name (renamed, names[i]);
      g_assert_true (cr_history_begin (history, label, &error));
      g_assert_true (cr_history_update (history, CR_RECORD (renamed), &error));
      g_assert_true (cr_history_commit (history, &error));
      g_assert_no_error (error);
    }
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  /* At once: queued, the second would wait for the first's five
   * seconds. */
  cr_test_iterate ();
  g_assert_true (toast_shown (&wait));
}

static void
test_undo_toasts (void)
{
  run_in_application (TRUE, undo_toasts);
}

static gboolean
is_zoom_in (GtkWidget    *widget,
            gconstpointer data)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), "win.zoom-in") == 0;
}

static gboolean
is_edit_tools (GtkWidget    *widget,
               gconstpointer data)
{
  return g_str_equal (G_OBJECT_TYPE_NAME (widget), "CrEditTools");
}

typedef struct
{
  GtkWidget *widget;
  int height;
} Taller;

static gboolean
taller (gpointer data)
{
  Taller *t = data;

  return gtk_widget_get_height (t->widget) > t->height;
}

/* The zoom buttons sit under the drawing tools, lower when the tools
 * show a hint, and the map beside them takes the pointer. */
static void
zoom_buttons_place (Fixture *f)
{
  GtkWidget *window = GTK_WIDGET (f->window);
  GtkWidget *map = GTK_WIDGET (cr_window_get_map (f->window));
  GtkWidget *zoom_in = cr_test_find_widget_full (window, is_zoom_in, NULL);
  GtkWidget *tools = cr_test_find_widget_full (window, is_edit_tools, NULL);
  graphene_rect_t zoom_bounds, tools_bounds;
  GtkWidget *picked;

  g_assert_nonnull (zoom_in);
  g_assert_nonnull (tools);
  gtk_window_present (GTK_WINDOW (f->window));
  g_assert_true (cr_test_wait_until (features_drawn, f, 20));
  for (guint hint = 0; hint < 2; hint++)
    {
      int height = gtk_widget_get_height (tools);

      /* The polygon tool shows a hint under the tools. */
      g_assert_true (gtk_widget_activate_action (window, "tool.tool", "s", hint ? "polygon" : "select"));
      if (hint)
        g_assert_true (cr_test_wait_until (taller, &(Taller) { tools, height }, 10));
      else
        cr_test_iterate ();
      g_assert_true (gtk_widget_compute_bounds (zoom_in, window, &zoom_bounds));
      g_assert_true (gtk_widget_compute_bounds (tools, window, &tools_bounds));
      g_assert_cmpfloat (zoom_bounds.origin.y, >=, tools_bounds.origin.y + tools_bounds.size.height);
      picked = gtk_widget_pick (window, zoom_bounds.origin.x + zoom_bounds.size.width + 40,
                                zoom_bounds.origin.y + zoom_bounds.size.height / 2, GTK_PICK_DEFAULT);
      g_assert_nonnull (picked);
      g_assert_true (picked == map || gtk_widget_is_ancestor (picked, map));
    }
}

static void
test_zoom_buttons_place (void)
{
  run_in_application (TRUE, zoom_buttons_place);
}

int
main (int   argc,
      char *argv[])
{
  cr_test_widgets_init (&argc, &argv);

  g_test_add_func ("/window/demo-event-shown", test_demo_event_shown);
  g_test_add_func ("/window/empty-database", test_empty_database);
  g_test_add_func ("/window/event-appears", test_event_appears_when_added);
  g_test_add_func ("/window/time-control", test_time_control);
  g_test_add_func ("/window/layers-panel", test_layers_panel);
  g_test_add_func ("/window/tiles-follow-changes", test_tiles_follow_changes);
  g_test_add_func ("/window/details-closed-focus", test_details_closed_focus);
  g_test_add_func ("/window/undo-toasts", test_undo_toasts);
  g_test_add_func ("/window/zoom-buttons-place", test_zoom_buttons_place);

  return g_test_run ();
}
