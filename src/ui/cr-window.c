/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cr-window"

#include "config.h"

#include <glib/gi18n.h>

#include "cr-activation-page.h"
#include "cr-alerts-page.h"
#include "cr-basemap.h"
#include "cr-edit-tools.h"
#include "cr-event-sidebar.h"
#include "cr-export-actions.h"
#include "cr-feature-details.h"
#include "cr-history.h"
#include "cr-import-actions.h"
#include "cr-labels.h"
#include "cr-layers-panel.h"
#include "cr-logbook-page.h"
#include "cr-partners-page.h"
#include "cr-responsibility-popover.h"
#include "cr-roles-page.h"
#include "cr-shift.h"
#include "cr-time-control.h"
#include "cr-time.h"
#include "cr-ui-utils.h"
#include "cr-window.h"

/**
 * CrWindow:
 *
 * The main window: the events in a sidebar, the selected event's map.
 */
struct _CrWindow
{
  AdwApplicationWindow parent_instance;

  /* Template widgets */
  AdwToastOverlay *toast_overlay;
  AdwToast *undo_toast; /* weak: the last "Undone: …", while shown */
  AdwLeaflet *leaflet;
  CrEventSidebar *sidebar;
  GtkStack *content_stack;
  AdwViewSwitcherTitle *window_title;
  AdwViewStack *pages;
  GtkMenuButton *menu_button;
  GtkMenuButton *layers_button;
  GtkPopover *layers_popover;
  CrTimeControl *time_control;
  AdwFlap *details_flap;
  GtkBox *details_box;
  GtkWidget *zoom_box;
  GtkBox *tools_box;
  ShumateSimpleMap *map;

  CrStore *store;
  GSettings *settings;
  CrMapRenderer *renderer;
  CrFeatureLayer *feature_layer;
  CrHistory *history;
  CrBasemap *basemap;
  guint fit_tick;
};

G_DEFINE_FINAL_TYPE (CrWindow, cr_window, ADW_TYPE_APPLICATION_WINDOW)

static gboolean fit_tick_cb (GtkWidget     *widget,
                             GdkFrameClock *clock,
                             gpointer       user_data);

static void
fit_to_event (CrWindow *self,
              CrEvent  *event)
{
  g_autoptr(GError) error = NULL;
  ShumateViewport *viewport = shumate_simple_map_get_viewport (self->map);
  ShumateMapSource *source = shumate_viewport_get_reference_map_source (viewport);
  int width = gtk_widget_get_width (GTK_WIDGET (self->map));
  int height = gtk_widget_get_height (GTK_WIDGET (self->map));
  CrProjection proj;
  CrBBox bbox;

  if (!cr_store_get_event_extent (self->store, cr_record_get_id (CR_RECORD (event)), &bbox, &error))
    {
      if (error != NULL)
        g_warning ("%s", error->message);
      return;
    }
  /* Not allocated yet: fit on the first frame that knows the size. */
  if (width <= 1 || height <= 1)
    {
      if (self->fit_tick == 0)
        self->fit_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self->map), fit_tick_cb, self, NULL);
      return;
    }
  cr_projection_init_fit (&proj, &bbox, width, height,
                          shumate_map_source_get_tile_size (source), 48,
                          shumate_map_source_get_max_zoom_level (source));
  shumate_viewport_set_zoom_level (viewport, proj.zoom);
  shumate_location_set_location (SHUMATE_LOCATION (viewport), proj.center_lat, proj.center_lon);
}

static gboolean
fit_tick_cb (GtkWidget     *widget,
             GdkFrameClock *clock,
             gpointer       user_data)
{
  CrWindow *self = user_data;
  g_autoptr(CrEvent) event = NULL;

  if (gtk_widget_get_width (widget) <= 1 || gtk_widget_get_height (widget) <= 1)
    return G_SOURCE_CONTINUE;
  self->fit_tick = 0;
  event = cr_window_get_event (self);
  if (event != NULL)
    fit_to_event (self, event);
  return G_SOURCE_REMOVE;
}

static void
selection_changed_cb (CrWindow *self)
{
  g_autoptr(CrEvent) event = cr_window_get_event (self);
  g_autofree char *subtitle = NULL;

  cr_export_actions_update (self);
  if (event == NULL)
    {
      cr_map_renderer_set_event_id (self->renderer, 0);
      adw_view_switcher_title_set_title (self->window_title, _("Crisis Room"));
      adw_view_switcher_title_set_subtitle (self->window_title, NULL);
      gtk_stack_set_visible_child_name (self->content_stack, "no-event");
      return;
    }

  subtitle = cr_event_sidebar_describe (event);
  adw_view_switcher_title_set_title (self->window_title, cr_event_get_name (event));
  adw_view_switcher_title_set_subtitle (self->window_title, subtitle);
  gtk_stack_set_visible_child_name (self->content_stack, "map");
  if (cr_map_renderer_get_event_id (self->renderer) != cr_record_get_id (CR_RECORD (event)))
    {
      cr_map_renderer_set_event_id (self->renderer, cr_record_get_id (CR_RECORD (event)));
      cr_map_renderer_set_selected (self->renderer, 0);
      cr_history_clear (self->history);
      cr_time_control_set_span (self->time_control, cr_event_get_starts (event),
                                cr_event_get_ends (event));
      fit_to_event (self, event);
      g_settings_set_string (self->settings, "last-event", cr_event_get_name (event));
    }
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static void
show_sidebar_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  CrWindow *self = CR_WINDOW (widget);

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
search_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  CrWindow *self = CR_WINDOW (widget);
  GtkWidget *page = adw_view_stack_get_visible_child (self->pages);

  /* Ctrl+F searches what is shown: a page with a search of its own
   * ("page.search") gets it; the map, the events. */
  if (page != NULL && g_strcmp0 (adw_view_stack_get_visible_child_name (self->pages), "map") != 0 &&
      gtk_widget_activate_action (page, "page.search", NULL))
    return;
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
  cr_event_sidebar_focus_search (self->sidebar);
}

static void
zoom_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  CrWindow *self = CR_WINDOW (widget);
  ShumateMap *map = shumate_simple_map_get_map (self->map);

  if (g_str_equal (action_name, "win.zoom-in"))
    shumate_map_zoom_in (map);
  else if (g_str_equal (action_name, "win.zoom-out"))
    shumate_map_zoom_out (map);
  else
    {
      g_autoptr(CrEvent) event = cr_window_get_event (self);

      if (event != NULL)
        fit_to_event (self, event);
    }
}

static void
show_error (CrWindow *self,
            GError   *error)
{
  adw_toast_overlay_add_toast (self->toast_overlay, cr_ui_error_toast_new (error->message, 0));
}

static void
update_undo_actions (CrWindow *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo", cr_history_can_undo (self->history));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo", cr_history_can_redo (self->history));
}

static void
undo_toast_dismissed_cb (CrWindow *self)
{
  g_clear_weak_pointer (&self->undo_toast);
}

static void
undo_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  CrWindow *self = CR_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *label = NULL;
  gboolean undo = g_str_equal (action_name, "win.undo");

  label = g_strdup (undo ? cr_history_get_undo_label (self->history)
                         : cr_history_get_redo_label (self->history));
  if (!(undo ? cr_history_undo (self->history, &error) : cr_history_redo (self->history, &error)))
    {
      show_error (self, error);
      return;
    }
  if (label != NULL)
    {
      /* Translators: %s is what was undone, e.g. "Undone: Delete Feature" */
      g_autofree char *text = g_strdup_printf (undo ? _("Undone: %s") : _("Redone: %s"), label);

      AdwToast *toast;

      /* Each undo says so at once, in the last one's toast while it is
       * up, rather than in a new one queued behind it: ten quick undos
       * were ten toasts in turn, for a minute, long after the last. (Not
       * by dismissing it: libadwaita 1.2 frees a toast dismissed while
       * it slides in, then writes to it.) */
      if (self->undo_toast != NULL)
        {
          adw_toast_set_title (self->undo_toast, text);
          return;
        }
      toast = adw_toast_new (text);
      g_set_weak_pointer (&self->undo_toast, toast);
      /* Gone from sight, it is no longer the one to update. */
      g_signal_connect_object (toast, "dismissed", G_CALLBACK (undo_toast_dismissed_cb), self,
                               G_CONNECT_SWAPPED);
      adw_toast_overlay_add_toast (self->toast_overlay, toast);
    }
}

/* The wall screen is its own process on the same database: it follows
 * every change through the live-sharing watcher, and closing this window
 * leaves it running on the video wall. */
static void
open_wall_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  CrWindow *self = CR_WINDOW (widget);
  g_autoptr(CrEvent) event = cr_window_get_event (self);
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *self_exe = g_file_read_link ("/proc/self/exe", NULL);

  g_ptr_array_add (argv, self_exe ? self_exe : (char *) "crisis-room");
  g_ptr_array_add (argv, (char *) "--database");
  g_ptr_array_add (argv, (char *) cr_store_get_path (self->store));
  g_ptr_array_add (argv, (char *) "--wall");
  if (event != NULL)
    {
      g_ptr_array_add (argv, (char *) "--event");
      g_ptr_array_add (argv, (char *) cr_event_get_name (event));
    }
  g_ptr_array_add (argv, NULL);
  if (!g_spawn_async (NULL, (char **) argv->pdata, NULL,
                      self_exe ? G_SPAWN_DEFAULT : G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, &error))
    show_error (self, error);
}

static void
layers_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  CrWindow *self = CR_WINDOW (widget);

  if (g_strcmp0 (adw_view_stack_get_visible_child_name (self->pages), "map") == 0 &&
      g_strcmp0 (gtk_stack_get_visible_child_name (self->content_stack), "map") == 0)
    gtk_menu_button_popup (self->layers_button);
}

static void
time_changed_cb (CrWindow      *self,
                 GParamSpec    *pspec,
                 CrTimeControl *control)
{
  cr_map_renderer_set_time (self->renderer, cr_time_control_get_time (control));
}

static void
save_window_state (CrWindow *self)
{
  ShumateViewport *viewport = shumate_simple_map_get_viewport (self->map);
  int width, height;

  g_settings_set_double (self->settings, "map-latitude",
                         shumate_location_get_latitude (SHUMATE_LOCATION (viewport)));
  g_settings_set_double (self->settings, "map-longitude",
                         shumate_location_get_longitude (SHUMATE_LOCATION (viewport)));
  g_settings_set_double (self->settings, "map-zoom", shumate_viewport_get_zoom_level (viewport));

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized",
                          gtk_window_is_maximized (GTK_WINDOW (self)));
}

static gboolean
cr_window_close_request (GtkWindow *window)
{
  save_window_state (CR_WINDOW (window));

  return GTK_WINDOW_CLASS (cr_window_parent_class)->close_request (window);
}

static void
cr_window_dispose (GObject *object)
{
  CrWindow *self = CR_WINDOW (object);

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  if (self->fit_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self->map), self->fit_tick);
  self->fit_tick = 0;
  g_clear_weak_pointer (&self->undo_toast);
  g_clear_object (&self->basemap);
  gtk_widget_dispose_template (GTK_WIDGET (self), CR_TYPE_WINDOW);
  g_clear_object (&self->renderer);
  g_clear_object (&self->history);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (cr_window_parent_class)->dispose (object);
}

/* The zoom buttons go under the tools, lower when the tools show a hint
 * (two or three lines in French and Dutch), rather than under it. Two
 * overlays placed so, not one box holding both: a box takes the
 * pointer over all it spans, the map beside the buttons included. */
static gboolean
map_overlay_position_cb (GtkOverlay    *overlay,
                         GtkWidget     *widget,
                         GdkRectangle  *allocation,
                         CrWindow      *self)
{
  const int margin = 6;
  int tools_height, width, height;

  if (widget != self->zoom_box)
    return FALSE;
  gtk_widget_measure (GTK_WIDGET (self->tools_box), GTK_ORIENTATION_VERTICAL, -1, NULL, &tools_height, NULL,
                      NULL);
  gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &width, NULL, NULL);
  gtk_widget_measure (widget, GTK_ORIENTATION_VERTICAL, width, NULL, &height, NULL, NULL);
  *allocation = (GdkRectangle) { margin, margin + tools_height + margin, width, height };
  return TRUE;
}

static void
cr_window_class_init (CrWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = cr_window_dispose;
  window_class->close_request = cr_window_close_request;

  g_type_ensure (SHUMATE_TYPE_SIMPLE_MAP);
  g_type_ensure (CR_TYPE_EVENT_SIDEBAR);
  g_type_ensure (CR_TYPE_TIME_CONTROL);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/cr-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CrWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, CrWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, CrWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, CrWindow, content_stack);
  gtk_widget_class_bind_template_child (widget_class, CrWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, CrWindow, pages);
  gtk_widget_class_bind_template_child (widget_class, CrWindow, menu_button);
  gtk_widget_class_bind_template_child (widget_class, CrWindow, layers_button);
  gtk_widget_class_bind_template_child (widget_class, CrWindow, layers_popover);
  gtk_widget_class_bind_template_child (widget_class, CrWindow, time_control);
  gtk_widget_class_bind_template_child (widget_class, CrWindow, details_flap);
  gtk_widget_class_bind_template_child (widget_class, CrWindow, details_box);
  gtk_widget_class_bind_template_child (widget_class, CrWindow, zoom_box);
  gtk_widget_class_bind_template_callback (widget_class, map_overlay_position_cb);
  gtk_widget_class_bind_template_child (widget_class, CrWindow, tools_box);
  gtk_widget_class_bind_template_child (widget_class, CrWindow, map);

  gtk_widget_class_install_action (widget_class, "win.show-sidebar", NULL, show_sidebar_activated);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_activated);
  gtk_widget_class_install_action (widget_class, "win.zoom-in", NULL, zoom_activated);
  gtk_widget_class_install_action (widget_class, "win.zoom-out", NULL, zoom_activated);
  gtk_widget_class_install_action (widget_class, "win.zoom-fit", NULL, zoom_activated);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_activated);
  cr_export_actions_install (widget_class);
  cr_import_actions_install (widget_class);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, undo_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "win.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_y, GDK_CONTROL_MASK, "win.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_l, GDK_CONTROL_MASK, "win.layers", NULL);
  gtk_widget_class_install_action (widget_class, "win.layers", NULL, layers_activated);
  gtk_widget_class_install_action (widget_class, "win.open-wall", NULL, open_wall_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK, "win.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK, "win.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK, "win.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, GDK_CONTROL_MASK, "win.zoom-fit", NULL);
}

static void
cr_window_init (CrWindow *self)
{
  /* The menu button's name comes from the template: the button inside
   * it is labelled by it, so naming that one too would make screen
   * readers say "Main Menu" twice. */
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* The basemap cannot be shown (a missing offline file, a bad URL): the
 * map goes on without one, and the toast says why. */
static void
basemap_failed_cb (CrBasemap  *basemap,
                   const char *message,
                   CrWindow   *self)
{
  adw_toast_overlay_add_toast (self->toast_overlay, cr_ui_error_toast_new (message, 10));
}

/* The basemap (CrBasemap) follows the settings, or --basemap-mbtiles until
 * they change; without one, the map has a plain background. */
static void
setup_map (CrWindow *self)
{
  ShumateViewport *viewport = shumate_simple_map_get_viewport (self->map);
  CrApplication *application = CR_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));

  shumate_scale_set_unit (shumate_simple_map_get_scale (self->map), SHUMATE_UNIT_METRIC);

  /* The region-wide reference layers, under the event's features; a
   * right-click or a long press asks who is responsible there. */
  {
    g_autoptr(CrMapRenderer) reference = cr_map_renderer_new_reference (self->store);

    shumate_simple_map_add_overlay_layer (self->map, SHUMATE_LAYER (cr_feature_layer_new (viewport, reference)));
    cr_responsibility_popover_attach (self->map, self->store);
  }

  self->renderer = cr_map_renderer_new (self->store);
  self->feature_layer = cr_feature_layer_new (viewport, self->renderer);
  shumate_simple_map_add_overlay_layer (self->map, SHUMATE_LAYER (self->feature_layer));

  self->basemap = cr_basemap_new (self->settings, cr_application_get_basemap_mbtiles (application));
  g_signal_connect (self->basemap, "failed", G_CALLBACK (basemap_failed_cb), self);
  cr_basemap_attach (self->basemap, self->map);

  shumate_viewport_set_zoom_level (viewport, g_settings_get_double (self->settings, "map-zoom"));
  shumate_location_set_location (SHUMATE_LOCATION (viewport),
                                 g_settings_get_double (self->settings, "map-latitude"),
                                 g_settings_get_double (self->settings, "map-longitude"));
}

/* The details flap shows while a feature is selected. */
static void
feature_selected_cb (CrWindow *self)
{
  gboolean selected = cr_map_renderer_get_selected (self->renderer) != 0;
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  adw_flap_set_reveal_flap (self->details_flap, selected);
  /* Closing the pane that had the focus gives it back to the map (its
   * editing area, the one focusable layer), not to the next widget GTK
   * finds: the event list, whose typing searches, would take the tools'
   * keys (L, P, O…) as a search. */
  if (!selected && focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->details_box)))
    gtk_widget_child_focus (GTK_WIDGET (shumate_simple_map_get_map (self->map)), GTK_DIR_TAB_FORWARD);
}

/* What works on the map: undo, layers and legend, time, selection. */
static void
setup_tools (CrWindow *self)
{
  self->history = cr_history_new (self->store);
  g_signal_connect_swapped (self->history, "notify", G_CALLBACK (update_undo_actions), self);
  update_undo_actions (self);

  gtk_popover_set_child (self->layers_popover, GTK_WIDGET (cr_layers_panel_new (self->renderer)));
  g_signal_connect_swapped (self->time_control, "notify::time", G_CALLBACK (time_changed_cb), self);

  /* The drawing and editing tools; their layer also selects with a click. */
  gtk_box_append (self->tools_box, GTK_WIDGET (cr_edit_tools_new (self->map, self->renderer, self->history)));

  gtk_box_append (self->details_box, GTK_WIDGET (cr_feature_details_new (self->renderer, self->history)));
  g_signal_connect_object (self->renderer, "notify::selected", G_CALLBACK (feature_selected_cb), self,
                           G_CONNECT_SWAPPED);
}

CrWindow *
cr_window_new (CrApplication *application)
{
  CrWindow *self;
  g_autofree char *last_event = NULL;

  g_return_val_if_fail (CR_IS_APPLICATION (application), NULL);

  self = g_object_new (CR_TYPE_WINDOW, "application", application, NULL);
  self->store = g_object_ref (cr_application_get_store (application));
  self->settings = g_object_ref (cr_application_get_settings (application));

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
  if (g_strcmp0 (PROFILE, "development") == 0)
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");

  setup_map (self);
  setup_tools (self);
  cr_import_actions_attach (self);
  /* The partners' crisis SPOC directory, with "Needs review". */
  cr_window_add_page (self, GTK_WIDGET (cr_partners_page_new (self->store, self->history, self->settings)),
                      "partners", _("Partners"), "system-users-symbolic");
  /* Who does what in the event (the planner's); alert tests with the SPOCs. */
  cr_window_add_page (self, GTK_WIDGET (cr_roles_page_new (self)), "roles", _("Roles"), "view-grid-symbolic");
  cr_window_add_page (self, GTK_WIDGET (cr_alerts_page_new (self)), "alerts", _("Alert Tests"),
                      "call-start-symbolic");
  /* The operator's pages: the activation's checklist, the logbook. */
  {
    GtkWidget *logbook = cr_logbook_page_new (self);

    cr_window_add_page (self, cr_activation_page_new (self), "activation", _("Activation"),
                        "checkbox-checked-symbolic");
    cr_window_add_page (self, logbook, "logbook", _("Logbook"), "x-office-document-symbolic");
    cr_shift_install (self, CR_LOGBOOK_PAGE (logbook));
  }
  /* The sidebar lists the events and follows the store; the map, the
   * title and the tools follow its selection. */
  g_signal_connect_swapped (self->sidebar, "notify::selected-event",
                            G_CALLBACK (selection_changed_cb), self);
  cr_event_sidebar_set_store (self->sidebar, self->store);

  last_event = g_settings_get_string (self->settings, "last-event");
  if (!cr_window_select_event (self, last_event) &&
      g_list_model_get_n_items (cr_event_sidebar_get_model (self->sidebar)) > 0)
    {
      g_autoptr(CrEvent) first = g_list_model_get_item (cr_event_sidebar_get_model (self->sidebar), 0);

      cr_event_sidebar_select_event_id (self->sidebar, cr_record_get_id (CR_RECORD (first)));
    }
  return self;
}

/* Selects the event of that name, in any case; FALSE when there is none. */
gboolean
cr_window_select_event (CrWindow   *self,
                        const char *name)
{
  g_return_val_if_fail (CR_IS_WINDOW (self), FALSE);

  return cr_event_sidebar_select_event (self->sidebar, name);
}

/**
 * cr_window_get_event:
 *
 * Returns: (transfer full) (nullable): the selected event
 */
CrEvent *
cr_window_get_event (CrWindow *self)
{
  CrEvent *event;

  g_return_val_if_fail (CR_IS_WINDOW (self), NULL);

  event = cr_event_sidebar_get_selected_event (self->sidebar);
  return event ? g_object_ref (event) : NULL;
}

/**
 * cr_window_get_feature_layer:
 *
 * Returns: (transfer none): the layer drawing the event's features
 */
CrFeatureLayer *
cr_window_get_feature_layer (CrWindow *self)
{
  g_return_val_if_fail (CR_IS_WINDOW (self), NULL);

  return self->feature_layer;
}

/**
 * cr_window_get_basemap:
 *
 * Returns: (transfer none): what draws the map's background
 */
CrBasemap *
cr_window_get_basemap (CrWindow *self)
{
  g_return_val_if_fail (CR_IS_WINDOW (self), NULL);

  return self->basemap;
}

/**
 * cr_window_get_map:
 *
 * Returns: (transfer none): the map widget
 */
ShumateMap *
cr_window_get_map (CrWindow *self)
{
  g_return_val_if_fail (CR_IS_WINDOW (self), NULL);

  return shumate_simple_map_get_map (self->map);
}

/**
 * cr_window_get_events:
 *
 * Returns: (transfer none): the events the sidebar lists
 */
GListModel *
cr_window_get_events (CrWindow *self)
{
  g_return_val_if_fail (CR_IS_WINDOW (self), NULL);

  return cr_event_sidebar_get_model (self->sidebar);
}

/**
 * cr_window_get_event_sidebar:
 *
 * Returns: (transfer none): the sidebar listing the events
 */
CrEventSidebar *
cr_window_get_event_sidebar (CrWindow *self)
{
  g_return_val_if_fail (CR_IS_WINDOW (self), NULL);

  return self->sidebar;
}

/**
 * cr_window_get_history:
 *
 * Returns: (transfer none): the undo history every edit goes through
 */
CrHistory *
cr_window_get_history (CrWindow *self)
{
  g_return_val_if_fail (CR_IS_WINDOW (self), NULL);

  return self->history;
}

/**
 * cr_window_get_renderer:
 *
 * Returns: (transfer none): the renderer of the event's features; its
 *   "selected" property is the selection
 */
CrMapRenderer *
cr_window_get_renderer (CrWindow *self)
{
  g_return_val_if_fail (CR_IS_WINDOW (self), NULL);

  return self->renderer;
}

/* A toast over the map, for the window's helpers (exports…). */
void
cr_window_add_toast (CrWindow *self,
                     AdwToast *toast)
{
  g_return_if_fail (CR_IS_WINDOW (self));
  g_return_if_fail (ADW_IS_TOAST (toast));

  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/**
 * cr_window_add_page:
 * @page: (transfer none): the page's widget
 * @name: its name, for cr_window_show_page()
 * @title: its translated title, shown in the view switcher
 * @icon_name: its symbolic icon
 *
 * Adds a page beside the map (partners, roles, activation, logbook).
 */
void
cr_window_add_page (CrWindow   *self,
                    GtkWidget  *page,
                    const char *name,
                    const char *title,
                    const char *icon_name)
{
  AdwViewStackPage *stack_page;

  g_return_if_fail (CR_IS_WINDOW (self));
  g_return_if_fail (GTK_IS_WIDGET (page));

  stack_page = adw_view_stack_add_titled (self->pages, page, name, title);
  adw_view_stack_page_set_icon_name (stack_page, icon_name);
}

/* Shows the page of that name ("map", "partners", …). */
void
cr_window_show_page (CrWindow   *self,
                     const char *name)
{
  g_return_if_fail (CR_IS_WINDOW (self));

  adw_view_stack_set_visible_child_name (self->pages, name);
}
