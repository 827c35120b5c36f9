/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cr-edit-tools"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "cr-edit-tools.h"
#include "cr-feature-kind.h"
#include "cr-labels.h"

/**
 * CrEditTools:
 *
 * The map's tool buttons (select, move, zone, zone by radius, line,
 * point, delete), the kind the next feature drawn gets, and a line
 * saying what the tool expects. Its "tool" actions and their keys
 * (S, M, P, C, L, O, Delete, Enter, Backspace, Esc) are installed on the
 * window it is in, so the details pane can use "tool.delete" too; the
 * keys are left to text fields that have the focus.
 */
struct _CrEditTools
{
  GtkWidget parent_instance;

  GtkDropDown *kind_dropdown;
  GtkLabel *hint_label;

  CrEditLayer *layer;
  CrMapRenderer *renderer;
  GSimpleActionGroup *actions;
  GListStore *kinds;
  GtkCustomFilter *kind_filter;
  GtkFilterListModel *tool_kinds;
  gboolean syncing_kind;

  GtkWidget *window;
  GtkEventController *shortcuts;
};

G_DEFINE_FINAL_TYPE (CrEditTools, cr_edit_tools, GTK_TYPE_WIDGET)

static const struct
{
  guint keyval;
  const char *action;
} keys[] = {
  { GDK_KEY_s, "select" },
  { GDK_KEY_m, "move" },
  { GDK_KEY_p, "polygon" },
  { GDK_KEY_c, "circle" },
  { GDK_KEY_l, "line" },
  { GDK_KEY_o, "point" },
  { GDK_KEY_Delete, "delete-selection" },
  { GDK_KEY_KP_Delete, "delete-selection" },
  { GDK_KEY_Return, "finish" },
  { GDK_KEY_KP_Enter, "finish" },
  { GDK_KEY_ISO_Enter, "finish" },
  { GDK_KEY_BackSpace, "remove-last-vertex" },
  { GDK_KEY_Escape, "cancel" },
};

static void
set_enabled (CrEditTools *self,
             const char  *name,
             gboolean     enabled)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self->actions), name);

  g_simple_action_set_enabled (G_SIMPLE_ACTION (action), enabled);
}

/* What each action can do now. */
static void
update_actions (CrEditTools *self)
{
  static const char *const tools[] = { "tool", "select", "move", "polygon", "line", "point", "circle" };
  gboolean has_event = cr_map_renderer_get_event_id (self->renderer) != 0;
  gboolean selected = cr_map_renderer_get_selected (self->renderer) != 0;
  gboolean sketching = cr_edit_layer_is_sketching (self->layer);
  gboolean dragging = cr_edit_layer_is_dragging (self->layer);
  gboolean has_vertex = cr_edit_layer_get_selected_vertex (self->layer, NULL, NULL);
  gboolean idle = !sketching && !dragging;

  for (guint i = 0; i < G_N_ELEMENTS (tools); i++)
    set_enabled (self, tools[i], has_event);
  set_enabled (self, "delete", selected && !dragging);
  set_enabled (self, "delete-vertex", has_vertex && !dragging);
  set_enabled (self, "delete-selection", selected && idle);
  set_enabled (self, "finish", cr_edit_layer_can_finish (self->layer));
  set_enabled (self, "remove-last-vertex", sketching && !dragging);
  set_enabled (self, "cancel", sketching || dragging || has_vertex || selected ||
                               cr_edit_layer_get_tool (self->layer) != CR_EDIT_TOOL_SELECT);
}

static void
update_hint (CrEditTools *self)
{
  const char *hint = cr_edit_layer_get_hint (self->layer);

  gtk_label_set_label (self->hint_label, hint != NULL ? hint : "");
  gtk_widget_set_visible (GTK_WIDGET (self->hint_label), hint != NULL);
}

static CrKindGroup
group_for_tool (CrEditTool tool)
{
  switch (tool)
    {
    case CR_EDIT_TOOL_LINE:
      return CR_KIND_GROUP_ITINERARY;
    case CR_EDIT_TOOL_POINT:
      return CR_KIND_GROUP_POINT;
    case CR_EDIT_TOOL_POLYGON:
    case CR_EDIT_TOOL_CIRCLE:
    case CR_EDIT_TOOL_SELECT:
    case CR_EDIT_TOOL_MOVE:
    default:
      return CR_KIND_GROUP_PERIMETER;
    }
}

static gboolean
kind_matches (gpointer item,
              gpointer user_data)
{
  CrEditTools *self = user_data;

  return cr_feature_kind_get_group (CR_FEATURE_KIND (item)) ==
         group_for_tool (cr_edit_layer_get_tool (self->layer));
}

/* The drop-down shows the kinds of the tool's group, the tool's own
 * kind selected. */
static void
sync_kind_dropdown (CrEditTools *self)
{
  CrEditTool tool = cr_edit_layer_get_tool (self->layer);
  gboolean drawing = tool != CR_EDIT_TOOL_SELECT && tool != CR_EDIT_TOOL_MOVE;
  const char *kind;
  guint n;

  gtk_widget_set_visible (GTK_WIDGET (self->kind_dropdown), drawing);
  if (!drawing)
    return;
  self->syncing_kind = TRUE;
  gtk_filter_changed (GTK_FILTER (self->kind_filter), GTK_FILTER_CHANGE_DIFFERENT);
  kind = cr_edit_layer_get_kind (self->layer, tool);
  n = g_list_model_get_n_items (G_LIST_MODEL (self->tool_kinds));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CrFeatureKind) item = g_list_model_get_item (G_LIST_MODEL (self->tool_kinds), i);

      if (g_strcmp0 (cr_feature_kind_get_code (item), kind) == 0)
        {
          gtk_drop_down_set_selected (self->kind_dropdown, i);
          break;
        }
    }
  self->syncing_kind = FALSE;
}

static void
load_kinds (CrEditTools *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) kinds = cr_store_list_feature_kinds (cr_map_renderer_get_store (self->renderer),
                                                             &error);

  if (kinds == NULL)
    {
      g_warning ("Cannot list the feature kinds: %s", error->message);
      return;
    }
  /* Refilling moves the drop-down's selection: not a choice of the user. */
  self->syncing_kind = TRUE;
  g_list_store_remove_all (self->kinds);
  for (guint i = 0; i < g_list_model_get_n_items (kinds); i++)
    {
      g_autoptr(GObject) kind = g_list_model_get_item (kinds, i);

      g_list_store_append (self->kinds, kind);
    }
  self->syncing_kind = FALSE;
  sync_kind_dropdown (self);
}

/* Actions */

static CrEditTools *
tools_from (gpointer user_data)
{
  return CR_EDIT_TOOLS (user_data);
}

static void
tool_change_state (GSimpleAction *action,
                   GVariant      *value,
                   gpointer       user_data)
{
  CrEditTools *self = tools_from (user_data);
  CrEditTool tool;

  if (cr_edit_tool_from_string (g_variant_get_string (value, NULL), &tool))
    cr_edit_layer_set_tool (self->layer, tool);
}

static void
set_tool_activated (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  CrEditTools *self = tools_from (user_data);
  CrEditTool tool;

  if (cr_edit_tool_from_string (g_action_get_name (G_ACTION (action)), &tool))
    cr_edit_layer_set_tool (self->layer, tool);
}

/* Actions that only pass on to the layer, told apart by name as in
 * set_tool_activated(). */
static const struct
{
  const char *action;
  gboolean (*run) (CrEditLayer *layer);
} layer_commands[] = {
  { "delete", cr_edit_layer_delete_feature },
  { "delete-vertex", cr_edit_layer_delete_vertex },
  { "delete-selection", cr_edit_layer_delete },
  { "finish", cr_edit_layer_finish },
  { "remove-last-vertex", cr_edit_layer_remove_last_vertex },
  { "cancel", cr_edit_layer_cancel },
};

static void
layer_command_activated (GSimpleAction *action,
                         GVariant      *parameter,
                         gpointer       user_data)
{
  CrEditTools *self = tools_from (user_data);
  const char *name = g_action_get_name (G_ACTION (action));

  for (guint i = 0; i < G_N_ELEMENTS (layer_commands); i++)
    if (g_str_equal (name, layer_commands[i].action))
      {
        layer_commands[i].run (self->layer);
        return;
      }
  g_assert_not_reached ();
}

static const GActionEntry action_entries[] = {
  { "tool", NULL, "s", "'select'", tool_change_state },
  { "select", set_tool_activated },
  { "move", set_tool_activated },
  { "polygon", set_tool_activated },
  { "line", set_tool_activated },
  { "point", set_tool_activated },
  { "circle", set_tool_activated },
  { "delete", layer_command_activated },
  { "delete-vertex", layer_command_activated },
  { "delete-selection", layer_command_activated },
  { "finish", layer_command_activated },
  { "remove-last-vertex", layer_command_activated },
  { "cancel", layer_command_activated },
};

/* Single keys belong to a text field that has the focus, and to the
 * map only while it is shown. */
static gboolean
shortcut_cb (GtkWidget *widget,
             GVariant  *args,
             gpointer   user_data)
{
  CrEditTools *self = user_data;
  const char *name = g_variant_get_string (args, NULL);
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (widget));

  if (focus != NULL && (GTK_IS_EDITABLE (focus) || GTK_IS_TEXT_VIEW (focus)))
    return FALSE;
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)) ||
      !g_action_group_get_action_enabled (G_ACTION_GROUP (self->actions), name))
    return FALSE;
  g_action_group_activate_action (G_ACTION_GROUP (self->actions), name, NULL);
  return TRUE;
}

/* Callbacks */

static void
layer_changed_cb (CrEditTools *self)
{
  update_actions (self);
}

static void
tool_changed_cb (CrEditTools *self)
{
  const char *name = cr_edit_tool_to_string (cr_edit_layer_get_tool (self->layer));
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self->actions), "tool");

  g_simple_action_set_state (G_SIMPLE_ACTION (action), g_variant_new_string (name));
  sync_kind_dropdown (self);
  update_actions (self);
}

static void
message_cb (CrEditLayer *layer,
            const char  *message,
            CrEditTools *self)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  g_autofree char *escaped = g_markup_escape_text (message, -1);

  if (overlay == NULL)
    {
      g_message ("%s", message);
      return;
    }
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (escaped));
}

static void
kind_selected_cb (CrEditTools *self)
{
  CrFeatureKind *kind = gtk_drop_down_get_selected_item (self->kind_dropdown);
  CrEditTool tool = cr_edit_layer_get_tool (self->layer);

  if (self->syncing_kind || kind == NULL || tool == CR_EDIT_TOOL_SELECT || tool == CR_EDIT_TOOL_MOVE)
    return;
  cr_edit_layer_set_kind (self->layer, tool, cr_feature_kind_get_code (kind));
}

static void
kinds_changed_cb (CrStore     *store,
                  const char  *table,
                  gint64       row_id,
                  int          change,
                  CrEditTools *self)
{
  load_kinds (self);
}

static void
draw_swatch_cb (GtkDrawingArea *area,
                cairo_t        *cr,
                int             width,
                int             height,
                gpointer        user_data)
{
  CrEditTools *self = user_data;
  const char *kind = g_object_get_data (G_OBJECT (area), "kind");

  if (kind != NULL)
    cr_map_renderer_draw_swatch (self->renderer, cr, kind, 0, 0, width, height);
}

static void
setup_kind_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               CrEditTools              *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *swatch = gtk_drawing_area_new ();

  gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (swatch), 22);
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (swatch), 14);
  gtk_widget_set_valign (swatch, GTK_ALIGN_CENTER);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (swatch), draw_swatch_cb, self, NULL);
  gtk_box_append (GTK_BOX (box), swatch);
  gtk_box_append (GTK_BOX (box), gtk_label_new (NULL));
  gtk_list_item_set_child (item, box);
}

static void
bind_kind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              CrEditTools              *self)
{
  CrFeatureKind *kind = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *swatch = gtk_widget_get_first_child (box);

  g_object_set_data_full (G_OBJECT (swatch), "kind", g_strdup (cr_feature_kind_get_code (kind)), g_free);
  gtk_widget_queue_draw (swatch);
  gtk_label_set_label (GTK_LABEL (gtk_widget_get_next_sibling (swatch)), cr_feature_kind_get_label (kind));
}

/* Overrides */

static void
cr_edit_tools_root (GtkWidget *widget)
{
  CrEditTools *self = CR_EDIT_TOOLS (widget);
  GtkRoot *root;

  GTK_WIDGET_CLASS (cr_edit_tools_parent_class)->root (widget);

  root = gtk_widget_get_root (widget);
  if (!GTK_IS_WINDOW (root))
    return;
  self->window = GTK_WIDGET (root);
  gtk_widget_insert_action_group (self->window, "tool", G_ACTION_GROUP (self->actions));
  self->shortcuts = gtk_shortcut_controller_new ();
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      GtkShortcut *shortcut = gtk_shortcut_new (gtk_keyval_trigger_new (keys[i].keyval, 0),
                                                gtk_callback_action_new (shortcut_cb, self, NULL));

      gtk_shortcut_set_arguments (shortcut, g_variant_new_string (keys[i].action));
      gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (self->shortcuts), shortcut);
    }
  gtk_widget_add_controller (self->window, self->shortcuts);
  g_object_set_data (G_OBJECT (self->window), "cr-edit-tools", self);
}

static void
cr_edit_tools_unroot (GtkWidget *widget)
{
  CrEditTools *self = CR_EDIT_TOOLS (widget);

  if (self->window != NULL)
    {
      gtk_widget_remove_controller (self->window, self->shortcuts);
      gtk_widget_insert_action_group (self->window, "tool", NULL);
      g_object_set_data (G_OBJECT (self->window), "cr-edit-tools", NULL);
      self->shortcuts = NULL;
      self->window = NULL;
    }

  GTK_WIDGET_CLASS (cr_edit_tools_parent_class)->unroot (widget);
}

static void
cr_edit_tools_dispose (GObject *object)
{
  CrEditTools *self = CR_EDIT_TOOLS (object);
  GtkWidget *child;

  if (self->renderer != NULL)
    g_signal_handlers_disconnect_by_data (cr_map_renderer_get_store (self->renderer), self);
  gtk_widget_dispose_template (GTK_WIDGET (self), CR_TYPE_EDIT_TOOLS);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->layer);
  g_clear_object (&self->renderer);
  g_clear_object (&self->actions);
  g_clear_object (&self->tool_kinds);
  g_clear_object (&self->kinds);

  G_OBJECT_CLASS (cr_edit_tools_parent_class)->dispose (object);
}

static void
cr_edit_tools_class_init (CrEditToolsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cr_edit_tools_dispose;
  widget_class->root = cr_edit_tools_root;
  widget_class->unroot = cr_edit_tools_unroot;

  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_TOOLBAR);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/cr-edit-tools.ui");
  gtk_widget_class_bind_template_child (widget_class, CrEditTools, kind_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CrEditTools, hint_label);
}

static void
cr_edit_tools_init (CrEditTools *self)
{
  GtkListItemFactory *factory;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->actions = g_simple_action_group_new ();
  g_action_map_add_action_entries (G_ACTION_MAP (self->actions), action_entries,
                                   G_N_ELEMENTS (action_entries), self);

  self->kinds = g_list_store_new (CR_TYPE_FEATURE_KIND);
  self->kind_filter = gtk_custom_filter_new (kind_matches, self, NULL);
  self->tool_kinds = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->kinds)),
                                                GTK_FILTER (self->kind_filter));
  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_kind_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_kind_cb), self);
  gtk_drop_down_set_factory (self->kind_dropdown, factory);
  g_object_unref (factory);
  g_signal_connect_swapped (self->kind_dropdown, "notify::selected", G_CALLBACK (kind_selected_cb), self);
}

/**
 * cr_edit_tools_new:
 * @map: the map to draw on; the tools put their #CrEditLayer on it
 * @renderer: draws the event's features; its "selected" property is the
 *   selection the tools edit
 * @history: where every edit goes
 *
 * Returns: (transfer floating): the tools, to put over the map
 */
CrEditTools *
cr_edit_tools_new (ShumateSimpleMap *map,
                   CrMapRenderer    *renderer,
                   CrHistory        *history)
{
  CrEditTools *self;
  CrStore *store;

  g_return_val_if_fail (SHUMATE_IS_SIMPLE_MAP (map), NULL);
  g_return_val_if_fail (CR_IS_MAP_RENDERER (renderer), NULL);
  g_return_val_if_fail (CR_IS_HISTORY (history), NULL);

  self = g_object_new (CR_TYPE_EDIT_TOOLS, NULL);
  self->renderer = g_object_ref (renderer);
  self->layer = g_object_ref_sink (cr_edit_layer_new (shumate_simple_map_get_viewport (map), renderer,
                                                      history));
  cr_edit_layer_attach (self->layer, map);

  g_signal_connect_object (self->layer, "changed", G_CALLBACK (layer_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->layer, "notify::tool", G_CALLBACK (tool_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->layer, "notify::hint", G_CALLBACK (update_hint), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->layer, "message", G_CALLBACK (message_cb), self, 0);
  g_signal_connect_object (renderer, "notify::selected", G_CALLBACK (layer_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (renderer, "notify::event-id", G_CALLBACK (layer_changed_cb), self,
                           G_CONNECT_SWAPPED);
  store = cr_map_renderer_get_store (renderer);
  g_signal_connect (store, "changed::feature_kinds", G_CALLBACK (kinds_changed_cb), self);

  gtk_drop_down_set_model (self->kind_dropdown, G_LIST_MODEL (self->tool_kinds));
  load_kinds (self);
  update_hint (self);
  update_actions (self);
  return self;
}

/**
 * cr_edit_tools_get_layer:
 *
 * Returns: (transfer none): the layer that draws and edits on the map
 */
CrEditLayer *
cr_edit_tools_get_layer (CrEditTools *self)
{
  g_return_val_if_fail (CR_IS_EDIT_TOOLS (self), NULL);

  return self->layer;
}

/**
 * cr_edit_tools_get_actions:
 *
 * Returns: (transfer none): the "tool" actions
 */
GActionGroup *
cr_edit_tools_get_actions (CrEditTools *self)
{
  g_return_val_if_fail (CR_IS_EDIT_TOOLS (self), NULL);

  return G_ACTION_GROUP (self->actions);
}

/**
 * cr_edit_tools_from_window:
 *
 * Returns: (transfer none) (nullable): the tools shown in @window
 */
CrEditTools *
cr_edit_tools_from_window (GtkWindow *window)
{
  g_return_val_if_fail (GTK_IS_WINDOW (window), NULL);

  return g_object_get_data (G_OBJECT (window), "cr-edit-tools");
}
