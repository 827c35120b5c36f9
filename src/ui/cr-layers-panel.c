/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cr-layers-panel"

#include "config.h"

#include <glib/gi18n.h>

#include "cr-labels.h"
#include "cr-layers-panel.h"

/**
 * CrLayersPanel:
 *
 * What the map shows: a switch per group (perimeters, itineraries,
 * points) and a check per kind, each kind with its legend sample drawn by
 * the map's own renderer, so the legend always matches the map; and
 * whether features outside their active time are faded or hidden.
 */
struct _CrLayersPanel
{
  GtkWidget parent_instance;

  CrMapRenderer *renderer;
  GtkWidget *box;
  char *layers_signature; /* ids and names of the reference layers shown */
};

G_DEFINE_FINAL_TYPE (CrLayersPanel, cr_layers_panel, GTK_TYPE_WIDGET)

static const struct
{
  CrKindGroup group;
  const char *title;
} groups[] = {
  { CR_KIND_GROUP_PERIMETER, N_("Perimeters") },
  { CR_KIND_GROUP_ITINERARY, N_("Itineraries") },
  { CR_KIND_GROUP_POINT, N_("Points") },
};

static void
draw_swatch_cb (GtkDrawingArea *area,
                cairo_t        *cr,
                int             width,
                int             height,
                gpointer        user_data)
{
  CrLayersPanel *self = user_data;
  const char *kind = g_object_get_data (G_OBJECT (area), "kind");

  cr_map_renderer_draw_swatch (self->renderer, cr, kind, 0, 0, width, height);
}

static void
kind_toggled_cb (GtkCheckButton *check,
                 CrLayersPanel  *self)
{
  cr_map_renderer_set_kind_visible (self->renderer, g_object_get_data (G_OBJECT (check), "kind"),
                                    gtk_check_button_get_active (check));
}

static void
group_toggled_cb (AdwExpanderRow *row,
                  GParamSpec     *pspec,
                  CrLayersPanel  *self)
{
  CrKindGroup group = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "group"));

  cr_map_renderer_set_group_visible (self->renderer, group, adw_expander_row_get_enable_expansion (row));
}

static void
reference_toggled_cb (GtkSwitch     *toggle,
                      GParamSpec    *pspec,
                      CrLayersPanel *self)
{
  g_autoptr(GError) error = NULL;
  gint64 layer_id = *(gint64 *) g_object_get_data (G_OBJECT (toggle), "layer-id");

  if (!cr_store_set_reference_layer_visible (cr_map_renderer_get_store (self->renderer), layer_id,
                                             gtk_switch_get_active (toggle), &error))
    g_warning ("Cannot show or hide the reference layer: %s", error->message);
}

/* Region-wide reference layers (commune or police-zone boundaries…):
 * whether each is shown is kept in the file, for every window. */
static GtkWidget *
reference_layers_group (CrLayersPanel *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) layers =
    cr_store_list_reference_layers (cr_map_renderer_get_store (self->renderer), &error);
  AdwExpanderRow *expander;
  GtkWidget *list;

  if (layers == NULL || g_list_model_get_n_items (layers) == 0)
    return NULL;
  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  expander = ADW_EXPANDER_ROW (adw_expander_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), _("Reference Layers"));
  adw_expander_row_set_expanded (expander, TRUE);
  for (guint i = 0; i < g_list_model_get_n_items (layers); i++)
    {
      g_autoptr(CrReferenceLayer) layer = g_list_model_get_item (layers, i);
      AdwActionRow *row = ADW_ACTION_ROW (adw_action_row_new ());
      GtkWidget *toggle = gtk_switch_new ();
      gint64 *id = g_new (gint64, 1);

      *id = cr_record_get_id (CR_RECORD (layer));
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), cr_reference_layer_get_name (layer));
      if (cr_reference_layer_get_description (layer) != NULL)
        adw_action_row_set_subtitle (row, cr_reference_layer_get_description (layer));
      gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
      gtk_switch_set_active (GTK_SWITCH (toggle), cr_reference_layer_get_visible (layer));
      g_object_set_data_full (G_OBJECT (toggle), "layer-id", id, g_free);
      gtk_accessible_update_property (GTK_ACCESSIBLE (toggle), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      cr_reference_layer_get_name (layer), -1);
      g_signal_connect (toggle, "notify::active", G_CALLBACK (reference_toggled_cb), self);
      adw_action_row_add_suffix (row, toggle);
      adw_action_row_set_activatable_widget (row, toggle);
      adw_expander_row_add_row (expander, GTK_WIDGET (row));
    }
  gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (expander));
  return list;
}

static GtkWidget *
kind_row (CrLayersPanel *self,
          CrFeatureKind *kind)
{
  AdwActionRow *row = ADW_ACTION_ROW (adw_action_row_new ());
  GtkWidget *check = gtk_check_button_new ();
  GtkWidget *swatch = gtk_drawing_area_new ();
  const char *code = cr_feature_kind_get_code (kind);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), cr_feature_kind_get_label (kind));
  g_object_set_data_full (G_OBJECT (check), "kind", g_strdup (code), g_free);
  g_object_set_data_full (G_OBJECT (swatch), "kind", g_strdup (code), g_free);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check),
                               cr_map_renderer_get_kind_visible (self->renderer, code));
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  cr_feature_kind_get_label (kind), -1);
  g_signal_connect (check, "toggled", G_CALLBACK (kind_toggled_cb), self);

  gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (swatch), 28);
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (swatch), 20);
  gtk_widget_set_valign (swatch, GTK_ALIGN_CENTER);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (swatch), draw_swatch_cb, self, NULL);

  adw_action_row_add_prefix (row, check);
  adw_action_row_add_suffix (row, swatch);
  adw_action_row_set_activatable_widget (row, check);
  return GTK_WIDGET (row);
}

static void
rebuild (CrLayersPanel *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) kinds = NULL;
  GtkWidget *child;
  GtkWidget *list;
  GtkWidget *row;

  while ((child = gtk_widget_get_first_child (self->box)) != NULL)
    gtk_box_remove (GTK_BOX (self->box), child);

  kinds = cr_store_list_feature_kinds (cr_map_renderer_get_store (self->renderer), &error);
  if (kinds == NULL)
    {
      gtk_box_append (GTK_BOX (self->box), gtk_label_new (error->message));
      return;
    }

  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  for (guint g = 0; g < G_N_ELEMENTS (groups); g++)
    {
      AdwExpanderRow *expander = ADW_EXPANDER_ROW (adw_expander_row_new ());

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), _(groups[g].title));
      adw_expander_row_set_show_enable_switch (expander, TRUE);
      adw_expander_row_set_enable_expansion (expander,
                                             cr_map_renderer_get_group_visible (self->renderer,
                                                                                groups[g].group));
      g_object_set_data (G_OBJECT (expander), "group", GINT_TO_POINTER (groups[g].group));
      g_signal_connect (expander, "notify::enable-expansion", G_CALLBACK (group_toggled_cb), self);
      for (guint i = 0; i < g_list_model_get_n_items (kinds); i++)
        {
          g_autoptr(CrFeatureKind) kind = g_list_model_get_item (kinds, i);

          if (cr_feature_kind_get_group (kind) == groups[g].group)
            adw_expander_row_add_row (expander, kind_row (self, kind));
        }
      gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (expander));
    }
  gtk_box_append (GTK_BOX (self->box), list);

  list = reference_layers_group (self);
  if (list != NULL)
    gtk_box_append (GTK_BOX (self->box), list);

  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  row = adw_action_row_new ();
  {
    GtkWidget *labels = gtk_switch_new ();

    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Labels"));
    gtk_widget_set_valign (labels, GTK_ALIGN_CENTER);
    g_object_bind_property (self->renderer, "show-labels", labels, "active",
                            G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
    gtk_accessible_update_property (GTK_ACCESSIBLE (labels), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    _("Labels"), -1);
    adw_action_row_add_suffix (ADW_ACTION_ROW (row), labels);
    adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), labels);
  }
  gtk_list_box_append (GTK_LIST_BOX (list), row);
  row = adw_action_row_new ();
  {
    GtkWidget *fade = gtk_switch_new ();

    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Fade Inactive Features"));
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                 _("Features outside their active time are faded instead of hidden"));
    gtk_widget_set_valign (fade, GTK_ALIGN_CENTER);
    g_object_bind_property (self->renderer, "fade-inactive", fade, "active",
                            G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
    gtk_accessible_update_property (GTK_ACCESSIBLE (fade), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    _("Fade Inactive Features"), -1);
    adw_action_row_add_suffix (ADW_ACTION_ROW (row), fade);
    adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), fade);
  }
  gtk_list_box_append (GTK_LIST_BOX (list), row);
  gtk_box_append (GTK_BOX (self->box), list);
}

/* Rebuilds only when layers come or go or are renamed: a switch that
 * shows or hides one must not be replaced under the pointer. */
static void
reference_layers_changed_cb (CrStore       *store,
                             const char    *table,
                             gint64         row_id,
                             int            change,
                             CrLayersPanel *self)
{
  g_autoptr(GListModel) layers = cr_store_list_reference_layers (store, NULL);
  g_autoptr(GString) signature = g_string_new (NULL);

  for (guint i = 0; layers != NULL && i < g_list_model_get_n_items (layers); i++)
    {
      g_autoptr(CrReferenceLayer) layer = g_list_model_get_item (layers, i);

      g_string_append_printf (signature, "%" G_GINT64_FORMAT ":%s\n",
                              cr_record_get_id (CR_RECORD (layer)), cr_reference_layer_get_name (layer));
    }
  if (g_strcmp0 (signature->str, self->layers_signature) == 0)
    return;
  g_free (self->layers_signature);
  self->layers_signature = g_strdup (signature->str);
  rebuild (self);
}

static void
kinds_changed_cb (CrStore       *store,
                  const char    *table,
                  gint64         row_id,
                  int            change,
                  CrLayersPanel *self)
{
  rebuild (self);
}

/* The checks and switches as the renderer has them, when something else
 * changed them (drawing in a hidden kind shows it). Setting one the way
 * it is does nothing, nor does the renderer told what it has. */
static void
sync_widget (CrLayersPanel *self,
             GtkWidget     *widget)
{
  const char *kind = g_object_get_data (G_OBJECT (widget), "kind");

  if (GTK_IS_CHECK_BUTTON (widget) && kind != NULL)
    gtk_check_button_set_active (GTK_CHECK_BUTTON (widget),
                                 cr_map_renderer_get_kind_visible (self->renderer, kind));
  else if (ADW_IS_EXPANDER_ROW (widget))
    adw_expander_row_set_enable_expansion (
      ADW_EXPANDER_ROW (widget),
      cr_map_renderer_get_group_visible (self->renderer,
                                         GPOINTER_TO_INT (g_object_get_data (G_OBJECT (widget), "group"))));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    sync_widget (self, child);
}

static void
visibility_changed_cb (CrLayersPanel *self)
{
  if (self->box != NULL)
    sync_widget (self, self->box);
}

static void
cr_layers_panel_dispose (GObject *object)
{
  CrLayersPanel *self = CR_LAYERS_PANEL (object);

  if (self->renderer != NULL)
    {
      g_signal_handlers_disconnect_by_data (cr_map_renderer_get_store (self->renderer), self);
      g_signal_handlers_disconnect_by_data (self->renderer, self);
    }
  g_clear_object (&self->renderer);
  g_clear_pointer (&self->box, gtk_widget_unparent);
  g_clear_pointer (&self->layers_signature, g_free);

  G_OBJECT_CLASS (cr_layers_panel_parent_class)->dispose (object);
}

static void
cr_layers_panel_class_init (CrLayersPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cr_layers_panel_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "cr-layers-panel");
}

static void
cr_layers_panel_init (CrLayersPanel *self)
{
  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_set_margin_top (self->box, 6);
  gtk_widget_set_margin_bottom (self->box, 6);
  gtk_widget_set_margin_start (self->box, 6);
  gtk_widget_set_margin_end (self->box, 6);
  gtk_widget_set_size_request (self->box, 340, -1);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));
}

CrLayersPanel *
cr_layers_panel_new (CrMapRenderer *renderer)
{
  CrLayersPanel *self;

  g_return_val_if_fail (CR_IS_MAP_RENDERER (renderer), NULL);

  self = g_object_new (CR_TYPE_LAYERS_PANEL, NULL);
  self->renderer = g_object_ref (renderer);
  g_signal_connect (cr_map_renderer_get_store (renderer), "changed::feature_kinds",
                    G_CALLBACK (kinds_changed_cb), self);
  g_signal_connect (cr_map_renderer_get_store (renderer), "changed::reference_layers",
                    G_CALLBACK (reference_layers_changed_cb), self);
  g_signal_connect_swapped (renderer, "visibility-changed", G_CALLBACK (visibility_changed_cb), self);
  reference_layers_changed_cb (cr_map_renderer_get_store (renderer), NULL, 0, 0, self);
  return self;
}
