/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cr-preferences"

#include "config.h"

#include <glib/gi18n.h>

#include "cr-basemap.h"
#include "cr-mbtiles.h"
#include "cr-preferences-window.h"
#include "cr-ui-utils.h"

/**
 * CrPreferencesWindow:
 *
 * The application's settings. The "Map" page chooses the basemap; the
 * open window follows every change at once.
 */
struct _CrPreferencesWindow
{
  AdwPreferencesWindow parent_instance;

  /* Template widgets */
  AdwComboRow *basemap_row;
  AdwPreferencesGroup *osm_group;
  AdwPreferencesGroup *custom_group;
  AdwEntryRow *url_row;
  AdwPreferencesGroup *mbtiles_group;
  AdwActionRow *mbtiles_row;

  GSettings *settings;
  GtkFileChooserNative *chooser;
};

G_DEFINE_FINAL_TYPE (CrPreferencesWindow, cr_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

/* The "basemap" key's nicks, in the combo row's order. */
static const char *const basemap_nicks[] = { "none", "osm", "custom", "mbtiles" };

static gboolean
basemap_get_mapping (GValue   *value,
                     GVariant *variant,
                     gpointer  user_data)
{
  const char *nick = g_variant_get_string (variant, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (basemap_nicks); i++)
    if (g_str_equal (nick, basemap_nicks[i]))
      {
        g_value_set_uint (value, i);
        return TRUE;
      }
  return FALSE;
}

static GVariant *
basemap_set_mapping (const GValue       *value,
                     const GVariantType *expected_type,
                     gpointer            user_data)
{
  guint position = g_value_get_uint (value);

  if (position >= G_N_ELEMENTS (basemap_nicks))
    return NULL;
  return g_variant_new_string (basemap_nicks[position]);
}

static gboolean
mbtiles_subtitle_mapping (GValue   *value,
                          GVariant *variant,
                          gpointer  user_data)
{
  const char *path = g_variant_get_string (variant, NULL);

  if (*path == '\0')
    g_value_set_string (value, _("No file chosen"));
  else
    g_value_take_string (value, g_filename_display_name (path));
  return TRUE;
}

static void
set_description (AdwPreferencesGroup *group,
                 const char          *text)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);

  adw_preferences_group_set_description (group, escaped);
}

static void
basemap_selected_cb (CrPreferencesWindow *self)
{
  guint selected = adw_combo_row_get_selected (self->basemap_row);

  gtk_widget_set_visible (GTK_WIDGET (self->osm_group), selected == CR_BASEMAP_OSM);
  gtk_widget_set_visible (GTK_WIDGET (self->custom_group), selected == CR_BASEMAP_CUSTOM);
  gtk_widget_set_visible (GTK_WIDGET (self->mbtiles_group), selected == CR_BASEMAP_MBTILES);
}

/* Says at once what is wrong with the URL being typed. */
static void
url_changed_cb (CrPreferencesWindow *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->url_row));
  g_autoptr(GError) error = NULL;

  if (*text == '\0' || cr_basemap_check_url (text, &error))
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->url_row), "error");
      set_description (self->custom_group,
                       _("The address of a tile service, with {z}, {x} and {y} where the zoom "
                         "level, column and row go, e.g. https://tiles.example.org/{z}/{x}/{y}.png. "
                         "Press Enter to use it."));
      return;
    }
  gtk_widget_add_css_class (GTK_WIDGET (self->url_row), "error");
  set_description (self->custom_group, error->message);
}

static void
url_apply_cb (CrPreferencesWindow *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->url_row));

  if (*text != '\0' && !cr_basemap_check_url (text, NULL))
    {
      /* url_changed_cb already says why. */
      gtk_widget_error_bell (GTK_WIDGET (self->url_row));
      return;
    }
  g_settings_set_string (self->settings, "basemap-url", text);
}

static void
policy_activated_cb (CrPreferencesWindow *self)
{
  gtk_show_uri (GTK_WINDOW (self), CR_BASEMAP_OSM_POLICY_URL, GDK_CURRENT_TIME);
}

/* Shows what the chosen file holds, or why it cannot be used. */
static void
update_mbtiles_status (CrPreferencesWindow *self,
                       CrMbtiles           *mbtiles,
                       GError              *error)
{
  g_autofree char *text = NULL;

  if (error != NULL)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->mbtiles_row), "error");
      set_description (self->mbtiles_group, error->message);
      return;
    }
  gtk_widget_remove_css_class (GTK_WIDGET (self->mbtiles_row), "error");
  if (mbtiles != NULL)
    /* Translators: an offline map's name and its zoom levels, e.g. "Brussels, zoom levels 10 to 16". */
    text = g_strdup_printf (_("%s, zoom levels %u to %u. Shown without any network."),
                            cr_mbtiles_get_name (mbtiles), cr_mbtiles_get_min_zoom (mbtiles),
                            cr_mbtiles_get_max_zoom (mbtiles));
  else
    text = g_strdup (_("An MBTiles file of PNG or JPEG tiles, e.g. made with QGIS, shows the map "
                       "without any network."));
  set_description (self->mbtiles_group, text);
}

static void
check_current_mbtiles (CrPreferencesWindow *self)
{
  g_autofree char *path = g_settings_get_string (self->settings, "basemap-mbtiles");
  g_autoptr(CrMbtiles) mbtiles = NULL;
  g_autoptr(GError) error = NULL;

  if (*path != '\0')
    mbtiles = cr_mbtiles_open (path, &error);
  update_mbtiles_status (self, mbtiles, error);
}

static void
chooser_response_cb (CrPreferencesWindow  *self,
                     int                   response,
                     GtkFileChooserNative *chooser)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (file != NULL)
    path = g_file_get_path (file);
  if (path != NULL)
    cr_preferences_window_set_mbtiles (self, path);
  g_clear_object (&self->chooser);
}

static void
choose_mbtiles_cb (CrPreferencesWindow *self)
{
  g_autoptr(GtkFileFilter) mbtiles = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();
  g_autofree char *current = g_settings_get_string (self->settings, "basemap-mbtiles");

  if (self->chooser != NULL)
    {
      gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
      return;
    }
  self->chooser = gtk_file_chooser_native_new (_("Choose an Offline Map"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"),
                                               _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_filter_set_name (mbtiles, _("MBTiles files"));
  gtk_file_filter_add_suffix (mbtiles, "mbtiles");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), mbtiles);
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), all);
  gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (self->chooser), mbtiles);
  if (*current != '\0')
    {
      g_autoptr(GFile) file = g_file_new_for_path (current);
      g_autoptr(GFile) folder = g_file_get_parent (file);

      if (folder != NULL)
        gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (self->chooser), folder, NULL);
    }
  g_signal_connect_swapped (self->chooser, "response", G_CALLBACK (chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
cr_preferences_window_dispose (GObject *object)
{
  CrPreferencesWindow *self = CR_PREFERENCES_WINDOW (object);

  if (self->chooser != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->chooser, self);
      gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
      g_clear_object (&self->chooser);
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), CR_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (cr_preferences_window_parent_class)->dispose (object);
}

static void
cr_preferences_window_class_init (CrPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cr_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/cr-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CrPreferencesWindow, basemap_row);
  gtk_widget_class_bind_template_child (widget_class, CrPreferencesWindow, osm_group);
  gtk_widget_class_bind_template_child (widget_class, CrPreferencesWindow, custom_group);
  gtk_widget_class_bind_template_child (widget_class, CrPreferencesWindow, url_row);
  gtk_widget_class_bind_template_child (widget_class, CrPreferencesWindow, mbtiles_group);
  gtk_widget_class_bind_template_child (widget_class, CrPreferencesWindow, mbtiles_row);
  gtk_widget_class_bind_template_callback (widget_class, url_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, url_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, policy_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, choose_mbtiles_cb);
}

static void
cr_preferences_window_init (CrPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  cr_ui_combo_row_set_list_factory (self->basemap_row);
}

/**
 * cr_preferences_window_new:
 * @settings: the application's settings
 * @parent: (nullable): the window it belongs to
 */
CrPreferencesWindow *
cr_preferences_window_new (GSettings *settings,
                           GtkWindow *parent)
{
  CrPreferencesWindow *self;
  g_autofree char *url = NULL;

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);

  self = g_object_new (CR_TYPE_PREFERENCES_WINDOW, "transient-for", parent, NULL);
  self->settings = g_object_ref (settings);

  g_signal_connect_swapped (self->basemap_row, "notify::selected",
                            G_CALLBACK (basemap_selected_cb), self);
  g_settings_bind_with_mapping (settings, "basemap", self->basemap_row, "selected",
                                G_SETTINGS_BIND_DEFAULT, basemap_get_mapping, basemap_set_mapping,
                                NULL, NULL);
  basemap_selected_cb (self);

  url = g_settings_get_string (settings, "basemap-url");
  gtk_editable_set_text (GTK_EDITABLE (self->url_row), url);
  url_changed_cb (self);

  g_settings_bind_with_mapping (settings, "basemap-mbtiles", self->mbtiles_row, "subtitle",
                                G_SETTINGS_BIND_GET, mbtiles_subtitle_mapping, NULL, NULL, NULL);
  check_current_mbtiles (self);
  return self;
}

/**
 * cr_preferences_window_set_mbtiles:
 * @path: an MBTiles file
 *
 * What choosing a file does: the file becomes the offline basemap if it
 * can be read; if not, the window says why and the setting is unchanged.
 *
 * Returns: whether the file was taken
 */
gboolean
cr_preferences_window_set_mbtiles (CrPreferencesWindow *self,
                                   const char          *path)
{
  g_autoptr(CrMbtiles) mbtiles = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (CR_IS_PREFERENCES_WINDOW (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  mbtiles = cr_mbtiles_open (path, &error);
  update_mbtiles_status (self, mbtiles, error);
  if (mbtiles == NULL)
    return FALSE;
  g_settings_set_string (self->settings, "basemap-mbtiles", path);
  return TRUE;
}
