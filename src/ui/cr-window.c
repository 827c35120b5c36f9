/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cr-window"

#include "config.h"

#include <glib/gi18n.h>

#include "cr-labels.h"
#include "cr-time.h"
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
  AdwLeaflet *leaflet;
  GtkSearchEntry *search_entry;
  GtkStack *sidebar_stack;
  GtkListView *event_list;
  GtkStack *content_stack;
  AdwWindowTitle *window_title;
  GtkMenuButton *menu_button;
  ShumateSimpleMap *map;

  CrStore *store;
  GSettings *settings;
  GListStore *events;
  GtkFilterListModel *filtered;
  GtkStringFilter *filter;
  GtkSingleSelection *selection;
  CrMapRenderer *renderer;
  CrFeatureLayer *feature_layer;
  ShumateMapSource *reference_source;
  guint fit_tick;
};

G_DEFINE_FINAL_TYPE (CrWindow, cr_window, ADW_TYPE_APPLICATION_WINDOW)

static char *
event_subtitle (CrEvent *event)
{
  g_autofree char *starts = cr_time_format_local (cr_event_get_starts (event), "%d/%m/%Y");
  g_autofree char *ends = cr_time_format_local (cr_event_get_ends (event), "%d/%m/%Y");
  const char *kind = cr_event_kind_label (cr_event_get_kind (event));

  if (starts != NULL && ends != NULL && g_strcmp0 (starts, ends) != 0)
    /* Translators: event kind, first and last day, e.g. "Visit · 26/09/2024 – 29/09/2024" */
    return g_strdup_printf (_("%s · %s – %s"), kind, starts, ends);
  if (starts != NULL)
    /* Translators: event kind and day, e.g. "Football match · 14/10/2024" */
    return g_strdup_printf (_("%s · %s"), kind, starts);
  return g_strdup (kind);
}

static void
update_sidebar_page (CrWindow *self)
{
  const char *page;

  if (g_list_model_get_n_items (G_LIST_MODEL (self->events)) == 0)
    page = "empty";
  else if (g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) == 0)
    page = "no-match";
  else
    page = "list";
  gtk_stack_set_visible_child_name (self->sidebar_stack, page);
}

static guint
find_event_position (GListModel *model,
                     gint64      id)
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(CrEvent) event = g_list_model_get_item (model, i);

      if (cr_record_get_id (CR_RECORD (event)) == id)
        return i;
    }
  return GTK_INVALID_LIST_POSITION;
}

static void
reload_events (CrWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) events = cr_store_list_events (self->store, FALSE, &error);
  g_autoptr(CrEvent) current = cr_window_get_event (self);
  gint64 current_id = current ? cr_record_get_id (CR_RECORD (current)) : 0;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  guint position;

  if (events == NULL)
    {
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      return;
    }
  for (guint i = 0; i < g_list_model_get_n_items (events); i++)
    g_ptr_array_add (items, g_list_model_get_item (events, i));
  g_list_store_splice (self->events, 0, g_list_model_get_n_items (G_LIST_MODEL (self->events)),
                       items->pdata, items->len);

  position = find_event_position (G_LIST_MODEL (self->selection), current_id);
  if (position != GTK_INVALID_LIST_POSITION)
    gtk_single_selection_set_selected (self->selection, position);
  update_sidebar_page (self);
}

static gboolean fit_tick_cb (GtkWidget     *widget,
                             GdkFrameClock *clock,
                             gpointer       user_data);

static void
fit_to_event (CrWindow *self,
              CrEvent  *event)
{
  g_autoptr(GError) error = NULL;
  ShumateViewport *viewport = shumate_simple_map_get_viewport (self->map);
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
                          shumate_map_source_get_tile_size (self->reference_source), 48,
                          shumate_map_source_get_max_zoom_level (self->reference_source));
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

  if (event == NULL)
    {
      cr_map_renderer_set_event_id (self->renderer, 0);
      adw_window_title_set_title (self->window_title, _("Crisis Room"));
      adw_window_title_set_subtitle (self->window_title, NULL);
      gtk_stack_set_visible_child_name (self->content_stack, "no-event");
      return;
    }

  subtitle = event_subtitle (event);
  adw_window_title_set_title (self->window_title, cr_event_get_name (event));
  adw_window_title_set_subtitle (self->window_title, subtitle);
  gtk_stack_set_visible_child_name (self->content_stack, "map");
  if (cr_map_renderer_get_event_id (self->renderer) != cr_record_get_id (CR_RECORD (event)))
    {
      cr_map_renderer_set_event_id (self->renderer, cr_record_get_id (CR_RECORD (event)));
      fit_to_event (self, event);
      g_settings_set_string (self->settings, "last-event", cr_event_get_name (event));
    }
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static void
search_changed_cb (CrWindow       *self,
                   GtkSearchEntry *entry)
{
  gtk_string_filter_set_search (self->filter, gtk_editable_get_text (GTK_EDITABLE (entry)));
  update_sidebar_page (self);
}

static void
store_changed_cb (CrStore    *store,
                  const char *table,
                  gint64      row_id,
                  int         change,
                  CrWindow   *self)
{
  reload_events (self);
  selection_changed_cb (self);
}

static void
setup_event_row_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *item,
                    gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *subtitle = gtk_label_new (NULL);

  gtk_widget_add_css_class (box, "event-row");
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (title, "heading");
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_label_set_ellipsize (GTK_LABEL (subtitle), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_widget_add_css_class (subtitle, "subtitle");
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), subtitle);
  gtk_list_item_set_child (item, box);
}

static void
bind_event_row_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *item,
                   gpointer                  user_data)
{
  CrEvent *event = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *title = gtk_widget_get_first_child (box);
  GtkWidget *subtitle = gtk_widget_get_next_sibling (title);
  g_autofree char *text = event_subtitle (event);

  gtk_label_set_text (GTK_LABEL (title), cr_event_get_name (event));
  gtk_label_set_text (GTK_LABEL (subtitle), text);
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

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
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
  gtk_widget_dispose_template (GTK_WIDGET (self), CR_TYPE_WINDOW);
  g_clear_object (&self->selection);
  g_clear_object (&self->renderer);
  g_clear_object (&self->reference_source);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (cr_window_parent_class)->dispose (object);
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
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/cr-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CrWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, CrWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, CrWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, CrWindow, sidebar_stack);
  gtk_widget_class_bind_template_child (widget_class, CrWindow, event_list);
  gtk_widget_class_bind_template_child (widget_class, CrWindow, content_stack);
  gtk_widget_class_bind_template_child (widget_class, CrWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, CrWindow, menu_button);
  gtk_widget_class_bind_template_child (widget_class, CrWindow, map);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);

  gtk_widget_class_install_action (widget_class, "win.show-sidebar", NULL, show_sidebar_activated);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_activated);
  gtk_widget_class_install_action (widget_class, "win.zoom-in", NULL, zoom_activated);
  gtk_widget_class_install_action (widget_class, "win.zoom-out", NULL, zoom_activated);
  gtk_widget_class_install_action (widget_class, "win.zoom-fit", NULL, zoom_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK, "win.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK, "win.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK, "win.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, GDK_CONTROL_MASK, "win.zoom-fit", NULL);
}

static void
cr_window_init (CrWindow *self)
{
  g_autoptr(GtkListItemFactory) factory = NULL;
  g_autoptr(GtkExpression) name = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  /* GTK 4.8's menu button does not pass its tooltip on to the button
   * inside it, which is what screen readers see. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_widget_get_first_child (GTK_WIDGET (self->menu_button))),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Main Menu"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->menu_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Main Menu"), -1);

  self->events = g_list_store_new (CR_TYPE_EVENT);
  name = gtk_property_expression_new (CR_TYPE_EVENT, NULL, "name");
  self->filter = gtk_string_filter_new (g_steal_pointer (&name));
  self->filtered = gtk_filter_list_model_new (G_LIST_MODEL (self->events),
                                              GTK_FILTER (self->filter));
  self->selection = gtk_single_selection_new (G_LIST_MODEL (self->filtered));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_swapped (self->selection, "notify::selected-item",
                            G_CALLBACK (selection_changed_cb), self);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_event_row_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_event_row_cb), NULL);
  gtk_list_view_set_factory (self->event_list, factory);
  gtk_list_view_set_model (self->event_list, GTK_SELECTION_MODEL (self->selection));
}

/* No basemap yet: the viewport still needs a reference source for its
 * projection and zoom range. Its tiles are never requested, so nothing
 * goes to the network. */
static void
setup_map (CrWindow *self)
{
  ShumateViewport *viewport = shumate_simple_map_get_viewport (self->map);

  self->reference_source =
    SHUMATE_MAP_SOURCE (shumate_raster_renderer_new_from_url ("https://tile.openstreetmap.org/{z}/{x}/{y}.png"));
  shumate_map_source_set_max_zoom_level (self->reference_source, 19);
  shumate_viewport_set_reference_map_source (viewport, self->reference_source);
  gtk_widget_add_css_class (GTK_WIDGET (shumate_simple_map_get_map (self->map)), "cr-no-basemap");
  shumate_scale_set_unit (shumate_simple_map_get_scale (self->map), SHUMATE_UNIT_METRIC);

  self->renderer = cr_map_renderer_new (self->store);
  self->feature_layer = cr_feature_layer_new (viewport, self->renderer);
  shumate_simple_map_add_overlay_layer (self->map, SHUMATE_LAYER (self->feature_layer));

  shumate_viewport_set_zoom_level (viewport, g_settings_get_double (self->settings, "map-zoom"));
  shumate_location_set_location (SHUMATE_LOCATION (viewport),
                                 g_settings_get_double (self->settings, "map-latitude"),
                                 g_settings_get_double (self->settings, "map-longitude"));
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
  g_signal_connect (self->store, "changed::events", G_CALLBACK (store_changed_cb), self);
  reload_events (self);

  last_event = g_settings_get_string (self->settings, "last-event");
  if (!cr_window_select_event (self, last_event) &&
      g_list_model_get_n_items (G_LIST_MODEL (self->selection)) > 0)
    gtk_single_selection_set_selected (self->selection, 0);
  return self;
}

/* Selects the event of that name, in any case; FALSE when there is none. */
gboolean
cr_window_select_event (CrWindow   *self,
                        const char *name)
{
  g_autofree char *folded = NULL;
  GListModel *model;

  g_return_val_if_fail (CR_IS_WINDOW (self), FALSE);

  if (name == NULL || *name == '\0')
    return FALSE;
  folded = g_utf8_casefold (name, -1);
  model = G_LIST_MODEL (self->selection);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(CrEvent) event = g_list_model_get_item (model, i);
      g_autofree char *event_folded = g_utf8_casefold (cr_event_get_name (event), -1);

      if (g_str_equal (event_folded, folded))
        {
          gtk_single_selection_set_selected (self->selection, i);
          return TRUE;
        }
    }
  return FALSE;
}

/**
 * cr_window_get_event:
 *
 * Returns: (transfer full) (nullable): the selected event
 */
CrEvent *
cr_window_get_event (CrWindow *self)
{
  gpointer item;

  g_return_val_if_fail (CR_IS_WINDOW (self), NULL);

  item = gtk_single_selection_get_selected_item (self->selection);
  return item ? g_object_ref (item) : NULL;
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

  return G_LIST_MODEL (self->selection);
}
