/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cr-application"

#include "config.h"

#include <glib/gi18n.h>

#include "cr-application.h"
#include "cr-basemap.h"
#include "cr-demo.h"
#include "cr-preferences-window.h"
#include "cr-review-session.h"
#include "cr-review-window.h"
#include "cr-wall-window.h"
#include "cr-window.h"

/**
 * CrApplication:
 *
 * Opens the database named on the command line and shows the window.
 *
 * Not unique (G_APPLICATION_NON_UNIQUE): every `crisis-room` is its own
 * process with its own database, so an operator window and a wall screen
 * can run side by side, on one file or on different ones.
 */
struct _CrApplication
{
  AdwApplication parent_instance;

  char *database_path;
  gboolean demo;
  char *basemap_mbtiles;
  gboolean wall;
  int monitor;
  char *wall_event;
  char *review_path;       /* --review: a SPOC's review file, and nothing else */
  CrReviewSession *review;
  CrStore *store;
  GSettings *settings;
  char *startup_error;
};

G_DEFINE_FINAL_TYPE (CrApplication, cr_application, ADW_TYPE_APPLICATION)

static void
quit_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  g_application_quit (G_APPLICATION (user_data));
}

static void
about_activated (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  CrApplication *self = user_data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  const char *developers[] = { _("The Crisis Room developers"), NULL };

  adw_show_about_window (window,
                         "application-name", _("Crisis Room"),
                         "application-icon", APP_ID,
                         "developer-name", _("The Crisis Room developers"),
                         "version", PACKAGE_VERSION,
                         "comments", _("The shared picture of an event or a crisis, "
                                       "for a crisis centre and its partners"),
                         "website", "https://github.com/crisisroom/crisis-room",
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "developers", developers,
                         /* Translators: put your names here, one per line. */
                         "translator-credits", _("translator-credits"),
                         NULL);
}

static void
preferences_activated (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  CrApplication *self = user_data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  CrPreferencesWindow *preferences;

  if (self->settings == NULL)
    return;
  preferences = cr_preferences_window_new (self->settings, window);
  gtk_window_set_application (GTK_WINDOW (preferences), GTK_APPLICATION (self));
  gtk_window_present (GTK_WINDOW (preferences));
}

static const GActionEntry app_actions[] = {
  { "preferences", preferences_activated, NULL, NULL, NULL },
  { "quit", quit_activated, NULL, NULL, NULL },
  { "about", about_activated, NULL, NULL, NULL },
};

static void
error_response_cb (AdwMessageDialog *dialog,
                   const char       *response,
                   gpointer          user_data)
{
  g_application_quit (G_APPLICATION (user_data));
}

/* Without a database there is nothing to show: say why, then quit. */
static void
show_startup_error (CrApplication *self)
{
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (NULL,
                                                       self->review_path != NULL
                                                         ? _("Cannot Open the Review File")
                                                         : _("Cannot Open the Database"),
                                                       self->startup_error));
  adw_message_dialog_add_response (dialog, "close", _("_Quit"));
  gtk_window_set_application (GTK_WINDOW (dialog), GTK_APPLICATION (self));
  g_signal_connect (dialog, "response", G_CALLBACK (error_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The installed schema, or, when running from the build tree without
 * installing (`make run`), the one compiled there. */
static GSettings *
new_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GSettingsSchemaSource) build_source = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, "io.github.crisisroom.CrisisRoom", TRUE);
  if (schema == NULL)
    {
      build_source = g_settings_schema_source_new_from_directory (BUILD_SCHEMA_DIR, source, FALSE,
                                                                  NULL);
      if (build_source != NULL)
        schema = g_settings_schema_source_lookup (build_source, "io.github.crisisroom.CrisisRoom",
                                                  FALSE);
    }
  if (schema == NULL)
    g_error ("The settings schema io.github.crisisroom.CrisisRoom is not installed; "
             "install Crisis Room or run it from its build directory.");
  return g_settings_new_full (schema, NULL, NULL);
}

static void
cr_application_startup (GApplication *application)
{
  CrApplication *self = CR_APPLICATION (application);
  g_autoptr(GError) error = NULL;
  g_autofree char *operator_name = NULL;
  const char *quit_accels[] = { "<Control>q", NULL };
  const char *preferences_accels[] = { "<Control>comma", NULL };

  G_APPLICATION_CLASS (cr_application_parent_class)->startup (application);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions, G_N_ELEMENTS (app_actions),
                                   self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.preferences",
                                         preferences_accels);
  /* Before any map exists: tile servers must see who asks. */
  cr_basemap_init_user_agent ();

  self->settings = new_settings ();
  /* A SPOC's review: the file's own store, which holds that one partner
   * and nothing else; no database of the crisis centre is opened. */
  if (self->review_path != NULL)
    {
      self->review = cr_review_session_open (self->review_path, &error);
      if (self->review == NULL)
        {
          self->startup_error = g_strdup_printf ("%s: %s", self->review_path, error->message);
          g_warning ("%s", self->startup_error);
          return;
        }
      self->store = g_object_ref (cr_review_session_get_store (self->review));
      return;
    }
  self->store = cr_store_open (self->database_path, &error);
  if (self->store != NULL && self->demo)
    {
      gboolean loaded;

      if (!cr_demo_load (self->store, &loaded, &error))
        g_clear_object (&self->store);
    }
  if (self->store == NULL)
    {
      self->startup_error = g_strdup (error->message);
      g_warning ("%s", error->message);
      return;
    }

  operator_name = g_settings_get_string (self->settings, "operator-name");
  if (*operator_name != '\0')
    cr_store_set_operator (self->store, operator_name);
}

static void
force_dark_cb (GApplication *application)
{
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
}

/* Full screen on the chosen monitor (or the default one). */
static void
present_wall (GtkWindow *window,
              int        monitor)
{
  GListModel *monitors = gdk_display_get_monitors (gtk_widget_get_display (GTK_WIDGET (window)));
  g_autoptr(GdkMonitor) chosen = NULL;

  if (monitor >= 0 && (guint) monitor < g_list_model_get_n_items (monitors))
    chosen = g_list_model_get_item (monitors, monitor);
  else if (monitor >= 0)
    g_warning ("There is no monitor %d; using the default one", monitor);
  if (chosen == NULL && g_list_model_get_n_items (monitors) > 0)
    chosen = g_list_model_get_item (monitors, 0);
  if (chosen != NULL)
    {
      GdkRectangle geometry;

      /* The monitor's size even where nothing honours full screen (a
       * bare X server driving the video wall). */
      gdk_monitor_get_geometry (chosen, &geometry);
      gtk_window_set_default_size (window, geometry.width, geometry.height);
      gtk_window_fullscreen_on_monitor (window, chosen);
    }
  else
    gtk_window_fullscreen (window);
  gtk_window_present (window);
}

static void
cr_application_activate (GApplication *application)
{
  CrApplication *self = CR_APPLICATION (application);
  GtkWindow *window;

  if (self->store == NULL)
    {
      show_startup_error (self);
      return;
    }
  window = gtk_application_get_active_window (GTK_APPLICATION (self));
  if (window == NULL && self->review != NULL)
    window = GTK_WINDOW (cr_review_window_new (GTK_APPLICATION (self), self->review));
  if (window == NULL && self->wall)
    {
      window = GTK_WINDOW (cr_wall_window_new (self, self->wall_event));
      present_wall (window, self->monitor);
      return;
    }
  if (window == NULL)
    window = GTK_WINDOW (cr_window_new (self));
  gtk_window_present (window);
}

static void
cr_application_finalize (GObject *object)
{
  CrApplication *self = CR_APPLICATION (object);

  g_clear_object (&self->store);
  g_clear_object (&self->review);
  g_clear_object (&self->settings);
  g_free (self->database_path);
  g_free (self->review_path);
  g_free (self->basemap_mbtiles);
  g_free (self->wall_event);
  g_free (self->startup_error);

  G_OBJECT_CLASS (cr_application_parent_class)->finalize (object);
}

static void
cr_application_class_init (CrApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = cr_application_finalize;
  app_class->startup = cr_application_startup;
  app_class->activate = cr_application_activate;
}

static void
cr_application_init (CrApplication *self)
{
}

CrApplication *
cr_application_new (const CrOptions *options)
{
  CrApplication *self;

  self = g_object_new (CR_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_NON_UNIQUE,
                       "resource-base-path", RESOURCE_PREFIX,
                       NULL);
  self->database_path = cr_options_database_path (options);
  self->demo = options->demo;
  self->basemap_mbtiles = g_strdup (options->basemap_mbtiles);
  self->wall = options->wall;
  self->monitor = options->monitor;
  self->wall_event = g_strdup (options->event);
  self->review_path = g_strdup (options->review);
  /* The wall is dark whatever the desktop's style: a video wall in a
   * crisis room, read from afar. */
  if (self->wall)
    g_signal_connect (self, "startup", G_CALLBACK (force_dark_cb), NULL);
  return self;
}

/**
 * cr_application_get_store:
 *
 * Returns: (transfer none): the open database
 */
CrStore *
cr_application_get_store (CrApplication *self)
{
  g_return_val_if_fail (CR_IS_APPLICATION (self), NULL);

  return self->store;
}

/**
 * cr_application_get_settings:
 *
 * Returns: (transfer none): the application's settings
 */
GSettings *
cr_application_get_settings (CrApplication *self)
{
  g_return_val_if_fail (CR_IS_APPLICATION (self), NULL);

  return self->settings;
}

/**
 * cr_application_get_basemap_mbtiles:
 *
 * Returns: (nullable): the MBTiles file given with --basemap-mbtiles
 */
const char *
cr_application_get_basemap_mbtiles (CrApplication *self)
{
  g_return_val_if_fail (CR_IS_APPLICATION (self), NULL);

  return self->basemap_mbtiles;
}
