/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cr-partner-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "cr-a11y.h"
#include "cr-labels.h"
#include "cr-partner-editor.h"
#include "cr-store-contacts.h"
#include "cr-ui-utils.h"

/**
 * CrPartnerEditor:
 *
 * Adds a partner organisation or changes one: name, type, languages,
 * address, notes and the area of responsibility (an area of a reference
 * layer). Save is one undoable step; what the store refuses (a name
 * already taken) shows in the dialog, which stays open.
 */
struct _CrPartnerEditor
{
  AdwWindow parent_instance;

  AdwWindowTitle *window_title;
  GtkButton *save_button;
  GtkLabel *error_label;
  AdwEntryRow *name_row;
  AdwComboRow *type_row;
  GtkToggleButton *fr_button;
  GtkToggleButton *nl_button;
  GtkToggleButton *en_button;
  AdwEntryRow *address_row;
  AdwEntryRow *notes_row;
  AdwComboRow *area_row;

  CrHistory *history;
  CrPartner *partner; /* a copy, or NULL when adding */
  GArray *area_ids;   /* gint64, parallel to the area row's model; 0 first */
};

G_DEFINE_FINAL_TYPE (CrPartnerEditor, cr_partner_editor, ADW_TYPE_WINDOW)

enum
{
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
validate_cb (CrPartnerEditor *self)
{
  g_autofree char *name = cr_ui_entry_text (self->name_row);

  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), *name != '\0');
  cr_ui_show_error_label (self->error_label, NULL);
}

static gboolean
is_area (CrFeature *feature)
{
  CrGeometry *geometry = cr_feature_get_geometry (feature);

  return geometry != NULL &&
         (geometry->type == CR_GEOMETRY_POLYGON || geometry->type == CR_GEOMETRY_MULTIPOLYGON);
}

/* "None", then every area of every reference layer: "Name (Layer)". */
static void
fill_areas (CrPartnerEditor *self,
            CrStore         *store,
            gint64           current)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GListModel) layers = cr_store_list_reference_layers (store, NULL);
  gint64 none = 0;
  guint selected = 0;

  gtk_string_list_append (names, _("None"));
  g_array_append_val (self->area_ids, none);
  for (guint i = 0; layers != NULL && i < g_list_model_get_n_items (layers); i++)
    {
      g_autoptr(CrReferenceLayer) layer = g_list_model_get_item (layers, i);
      g_autoptr(GListModel) features = cr_store_list (store, CR_TYPE_FEATURE, "layer_id",
                                                      cr_record_get_id (CR_RECORD (layer)), NULL);

      for (guint j = 0; features != NULL && j < g_list_model_get_n_items (features); j++)
        {
          g_autoptr(CrFeature) feature = g_list_model_get_item (features, j);
          gint64 id = cr_record_get_id (CR_RECORD (feature));
          g_autofree char *label = NULL;

          if (!is_area (feature) && id != current)
            continue;
          /* Translators: an area and its reference layer: "Saint-Gilles (Communes)". */
          label = g_strdup_printf (_("%s (%s)"),
                                   cr_feature_get_name (feature) != NULL ? cr_feature_get_name (feature)
                                                                         : _("Unnamed area"),
                                   cr_reference_layer_get_name (layer));
          if (id == current)
            selected = self->area_ids->len;
          gtk_string_list_append (names, label);
          g_array_append_val (self->area_ids, id);
        }
    }
  adw_combo_row_set_model (self->area_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->area_row, selected);
  gtk_widget_set_sensitive (GTK_WIDGET (self->area_row), self->area_ids->len > 1);
  if (self->area_ids->len == 1)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (self->area_row),
                                 _("Import commune or police-zone boundaries as a reference layer "
                                   "to choose one"));
}

static char *
languages_text (CrPartnerEditor *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) codes = NULL;

  if (gtk_toggle_button_get_active (self->fr_button))
    g_strv_builder_add (builder, "fr");
  if (gtk_toggle_button_get_active (self->nl_button))
    g_strv_builder_add (builder, "nl");
  if (gtk_toggle_button_get_active (self->en_button))
    g_strv_builder_add (builder, "en");
  /* Codes the buttons do not offer ("de") stay as they were. */
  if (self->partner != NULL && cr_partner_get_languages (self->partner) != NULL)
    {
      g_auto(GStrv) old = g_strsplit_set (cr_partner_get_languages (self->partner), ", ", -1);

      for (char **code = old; *code != NULL; code++)
        if (**code != '\0' && g_ascii_strcasecmp (*code, "fr") != 0 &&
            g_ascii_strcasecmp (*code, "nl") != 0 && g_ascii_strcasecmp (*code, "en") != 0)
          g_strv_builder_add (builder, *code);
    }
  codes = g_strv_builder_end (builder);
  return codes[0] != NULL ? g_strjoinv (",", codes) : NULL;
}

/**
 * cr_partner_editor_save:
 *
 * What the Save button does: one undoable step.
 */
gboolean
cr_partner_editor_save (CrPartnerEditor *self,
                        GError         **error)
{
  g_autoptr(CrPartner) partner = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *address = NULL;
  g_autofree char *notes = NULL;
  g_autofree char *languages = NULL;
  guint area;

  g_return_val_if_fail (CR_IS_PARTNER_EDITOR (self), FALSE);

  name = cr_ui_entry_text (self->name_row);
  if (*name == '\0')
    {
      g_set_error_literal (&local_error, CR_STORE_ERROR, CR_STORE_ERROR_INVALID,
                           _("Give the partner a name, as the organisation calls itself."));
      goto fail;
    }
  partner = self->partner != NULL ? cr_record_copy (CR_RECORD (self->partner)) : cr_partner_new ();
  address = cr_ui_entry_text (self->address_row);
  notes = cr_ui_entry_text (self->notes_row);
  languages = languages_text (self);
  cr_partner_set_name (partner, name);
  cr_partner_set_partner_type (partner, adw_combo_row_get_selected (self->type_row));
  cr_partner_set_languages (partner, languages);
  cr_partner_set_address (partner, *address != '\0' ? address : NULL);
  cr_partner_set_notes (partner, *notes != '\0' ? notes : NULL);
  area = adw_combo_row_get_selected (self->area_row);
  cr_partner_set_area_feature_id (partner, area < self->area_ids->len
                                             ? g_array_index (self->area_ids, gint64, area) : 0);
  if (!cr_directory_save_partner (self->history, partner, &local_error))
    goto fail;
  g_signal_emit (self, signals[SAVED], 0, cr_record_get_id (CR_RECORD (partner)));
  gtk_window_destroy (GTK_WINDOW (self));
  return TRUE;

fail:
  cr_ui_show_error_label (self->error_label, local_error->message);
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

static void
save_clicked_cb (CrPartnerEditor *self)
{
  cr_partner_editor_save (self, NULL);
}

static void
cr_partner_editor_dispose (GObject *object)
{
  CrPartnerEditor *self = CR_PARTNER_EDITOR (object);

  g_clear_object (&self->history);
  g_clear_object (&self->partner);
  g_clear_pointer (&self->area_ids, g_array_unref);

  G_OBJECT_CLASS (cr_partner_editor_parent_class)->dispose (object);
}

static void
cr_partner_editor_class_init (CrPartnerEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cr_partner_editor_dispose;

  /**
   * CrPartnerEditor::saved:
   * @partner_id: the partner written
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                                 NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/cr-partner-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, CrPartnerEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, CrPartnerEditor, save_button);
  gtk_widget_class_bind_template_child (widget_class, CrPartnerEditor, error_label);
  gtk_widget_class_bind_template_child (widget_class, CrPartnerEditor, name_row);
  gtk_widget_class_bind_template_child (widget_class, CrPartnerEditor, type_row);
  gtk_widget_class_bind_template_child (widget_class, CrPartnerEditor, fr_button);
  gtk_widget_class_bind_template_child (widget_class, CrPartnerEditor, nl_button);
  gtk_widget_class_bind_template_child (widget_class, CrPartnerEditor, en_button);
  gtk_widget_class_bind_template_child (widget_class, CrPartnerEditor, address_row);
  gtk_widget_class_bind_template_child (widget_class, CrPartnerEditor, notes_row);
  gtk_widget_class_bind_template_child (widget_class, CrPartnerEditor, area_row);
  gtk_widget_class_bind_template_callback (widget_class, save_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, validate_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
cr_partner_editor_init (CrPartnerEditor *self)
{
  g_autoptr(GtkStringList) types = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  cr_a11y_name_mnemonic_buttons (GTK_WIDGET (self));
  self->area_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (CrPartnerType type = CR_PARTNER_TYPE_POLICE_ZONE; type <= CR_PARTNER_TYPE_OTHER; type++)
    gtk_string_list_append (types, cr_partner_type_label (type));
  adw_combo_row_set_model (self->type_row, G_LIST_MODEL (types));
}

/**
 * cr_partner_editor_new:
 * @partner: (nullable): the partner to change, or %NULL to add one
 *
 * Returns: (transfer none): the dialog, not shown yet
 */
CrPartnerEditor *
cr_partner_editor_new (GtkWindow *parent,
                       CrHistory *history,
                       CrPartner *partner)
{
  CrPartnerEditor *self;
  g_auto(GStrv) languages = NULL;

  g_return_val_if_fail (CR_IS_HISTORY (history), NULL);
  g_return_val_if_fail (partner == NULL || CR_IS_PARTNER (partner), NULL);

  self = g_object_new (CR_TYPE_PARTNER_EDITOR, "transient-for", parent, NULL);
  self->history = g_object_ref (history);
  fill_areas (self, cr_history_get_store (history),
              partner != NULL ? cr_partner_get_area_feature_id (partner) : 0);
  if (partner == NULL)
    {
      adw_window_title_set_title (self->window_title, _("New Partner"));
      cr_ui_set_button_label (self->save_button, _("_Add"));
      adw_combo_row_set_selected (self->type_row, CR_PARTNER_TYPE_OTHER);
      validate_cb (self);
      return self;
    }

  self->partner = cr_record_copy (CR_RECORD (partner));
  adw_window_title_set_title (self->window_title, _("Edit Partner"));
  adw_window_title_set_subtitle (self->window_title, cr_partner_get_name (partner));
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), cr_partner_get_name (partner));
  adw_combo_row_set_selected (self->type_row, cr_partner_get_partner_type (partner));
  gtk_editable_set_text (GTK_EDITABLE (self->address_row),
                         cr_partner_get_address (partner) ? cr_partner_get_address (partner) : "");
  gtk_editable_set_text (GTK_EDITABLE (self->notes_row),
                         cr_partner_get_notes (partner) ? cr_partner_get_notes (partner) : "");
  languages = g_strsplit_set (cr_partner_get_languages (partner) ? cr_partner_get_languages (partner) : "",
                              ", ", -1);
  for (char **code = languages; *code != NULL; code++)
    {
      if (g_ascii_strcasecmp (*code, "fr") == 0)
        gtk_toggle_button_set_active (self->fr_button, TRUE);
      else if (g_ascii_strcasecmp (*code, "nl") == 0)
        gtk_toggle_button_set_active (self->nl_button, TRUE);
      else if (g_ascii_strcasecmp (*code, "en") == 0)
        gtk_toggle_button_set_active (self->en_button, TRUE);
    }
  validate_cb (self);
  return self;
}

GtkEditable *
cr_partner_editor_get_name_row (CrPartnerEditor *self)
{
  g_return_val_if_fail (CR_IS_PARTNER_EDITOR (self), NULL);

  return GTK_EDITABLE (self->name_row);
}
