/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cr-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "cr-cli.h"
#include "cr-demo.h"
#include "cr-geojson.h"
#include "cr-labels.h"
#include "cr-store.h"
#include "cr-time.h"

/* The command line. Headless commands run here, before any display or
 * GApplication exists, so they work over SSH and in scripts. */

void
cr_options_clear (CrOptions *options)
{
  g_clear_pointer (&options->database, g_free);
  g_clear_pointer (&options->import_geojson, g_free);
  g_clear_pointer (&options->export_geojson, g_free);
  g_clear_pointer (&options->event, g_free);
  g_clear_pointer (&options->basemap_mbtiles, g_free);
  g_clear_pointer (&options->import_reference, g_free);
  g_clear_pointer (&options->layer, g_free);
}

/**
 * cr_options_parse:
 *
 * Parses and checks the command line. On a usage error returns %FALSE
 * with a translated message; the caller exits with %CR_EXIT_USAGE.
 * --help is handled by GOption itself (it prints and exits 0).
 */
gboolean
cr_options_parse (CrOptions  *options,
                  int        *argc,
                  char     ***argv,
                  GError    **error)
{
  const GOptionEntry entries[] = {
    { "database", 'd', 0, G_OPTION_ARG_FILENAME, &options->database,
      N_("Use the database file PATH instead of the default one"), N_("PATH") },
    { "demo", 0, 0, G_OPTION_ARG_NONE, &options->demo,
      N_("Load the demo event if it is not there yet (into demo.gpkg unless --database is given)"),
      NULL },
    { "import-geojson", 0, 0, G_OPTION_ARG_FILENAME, &options->import_geojson,
      N_("Import a GeoJSON file into the event named by --event, creating it if needed"),
      N_("FILE") },
    { "export-geojson", 0, 0, G_OPTION_ARG_FILENAME, &options->export_geojson,
      N_("Export the event named by --event as a GeoJSON file"), N_("FILE") },
    { "event", 'e', 0, G_OPTION_ARG_STRING, &options->event,
      N_("The event to import into or to export"), N_("NAME") },
    { "skip-invalid", 0, 0, G_OPTION_ARG_NONE, &options->skip_invalid,
      N_("With --import-geojson or --import-reference: import the valid features and list the "
         "invalid ones"), NULL },
    { "import-reference", 0, 0, G_OPTION_ARG_FILENAME, &options->import_reference,
      N_("Import a GeoJSON file (commune or police-zone boundaries, hospitals…) into the "
         "region-wide reference layer named by --layer, creating it if needed"), N_("FILE") },
    { "layer", 0, 0, G_OPTION_ARG_STRING, &options->layer,
      N_("The reference layer to import into"), N_("NAME") },
    { "list-events", 0, 0, G_OPTION_ARG_NONE, &options->list_events,
      N_("List the events of the database"), NULL },
    { "version", 0, 0, G_OPTION_ARG_NONE, &options->version,
      N_("Show the version"), NULL },
    { "basemap-mbtiles", 0, 0, G_OPTION_ARG_FILENAME, &options->basemap_mbtiles,
      N_("Show the offline map FILE (MBTiles) under the event, for this run only"), N_("FILE") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  guint n_commands;

  context = g_option_context_new (NULL);
  g_option_context_set_summary (context,
                                _("Crisis Room keeps the shared picture of an event or a crisis: "
                                  "perimeters, itineraries and points on a map, partners and "
                                  "their crisis contacts, activations and the logbook.\n\n"
                                  "Without a command, opens the window."));
  g_option_context_set_description (context,
                                    _("Headless commands exit with 0 on success, 1 when the input "
                                      "is bad and 2 on a usage error."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, argc, argv, error))
    return FALSE;

  if (*argc > 1)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                   _("Unexpected argument “%s”. Files are given with an option, "
                     "e.g. --import-geojson FILE."),
                   (*argv)[1]);
      return FALSE;
    }

  n_commands = (options->import_geojson != NULL) + (options->export_geojson != NULL) +
               (options->list_events != FALSE) + (options->import_reference != NULL);
  if (n_commands > 1)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                   _("Give one command at a time: --import-geojson, --import-reference, "
                     "--export-geojson or --list-events."));
      return FALSE;
    }
  if (options->import_reference != NULL && (options->layer == NULL || *options->layer == '\0'))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                   _("Name the reference layer with --layer NAME, e.g. --layer Communes."));
      return FALSE;
    }
  if (options->layer != NULL && options->import_reference == NULL)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                   _("--layer only applies to --import-reference."));
      return FALSE;
    }
  if (options->import_reference != NULL && options->event != NULL)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                   _("A reference layer belongs to no event: leave out --event, or use "
                     "--import-geojson to import into an event."));
      return FALSE;
    }
  if ((options->import_geojson != NULL || options->export_geojson != NULL) &&
      (options->event == NULL || *options->event == '\0'))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                   _("Name the event with --event NAME."));
      return FALSE;
    }
  if (options->skip_invalid && options->import_geojson == NULL && options->import_reference == NULL)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                   _("--skip-invalid only applies to --import-geojson and --import-reference."));
      return FALSE;
    }
  if (options->basemap_mbtiles != NULL && cr_options_headless (options))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                   _("--basemap-mbtiles only applies to the window: leave out --import-geojson, "
                     "--import-reference, --export-geojson, --list-events and --version."));
      return FALSE;
    }
  return TRUE;
}

/* TRUE when the command line asks for no window. */
gboolean
cr_options_headless (const CrOptions *options)
{
  return options->version || options->list_events || options->import_geojson != NULL ||
         options->export_geojson != NULL || options->import_reference != NULL;
}

char *
cr_options_database_path (const CrOptions *options)
{
  if (options->database != NULL)
    return g_strdup (options->database);
  if (options->demo)
    return cr_store_demo_path ();
  return cr_store_default_path ();
}

static void
print_error (const char *place,
             GError     *error)
{
  if (place != NULL)
    g_printerr ("crisis-room: %s: %s\n", place, error->message);
  else
    g_printerr ("crisis-room: %s\n", error->message);
}

static int
list_events (CrStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) events = cr_store_list_events (store, TRUE, &error);

  if (events == NULL)
    {
      print_error (cr_store_get_path (store), error);
      return CR_EXIT_BAD_INPUT;
    }
  for (guint i = 0; i < g_list_model_get_n_items (events); i++)
    {
      g_autoptr(CrEvent) event = g_list_model_get_item (events, i);
      g_autofree char *starts = cr_time_format_local (cr_event_get_starts (event), "%Y-%m-%d %H:%M");
      g_autofree char *ends = cr_time_format_local (cr_event_get_ends (event), "%Y-%m-%d %H:%M");
      gint64 n = cr_store_count (store, CR_TYPE_FEATURE, "event_id",
                                 cr_record_get_id (CR_RECORD (event)), NULL);

      /* Tab-separated so scripts can cut it; one event a line. */
      g_print ("%s\t%s\t%s\t%s\t%s\t%" G_GINT64_FORMAT "\n",
               cr_event_get_name (event),
               cr_event_kind_label (cr_event_get_kind (event)),
               cr_event_status_label (cr_event_get_status (event)),
               starts ? starts : "-", ends ? ends : "-", MAX (n, 0));
    }
  return CR_EXIT_OK;
}

static int
import_geojson (CrStore         *store,
                const CrOptions *options)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrGeojsonImportResult) result = NULL;
  CrGeojsonImportOptions import_options = { 0 };

  import_options.skip_invalid = options->skip_invalid;
  result = cr_geojson_import_file (store, options->import_geojson, options->event,
                                   &import_options, NULL, &error);
  if (result == NULL)
    {
      print_error (options->import_geojson, error);
      g_printerr (_("Nothing was imported; the database is unchanged.\n"));
      return CR_EXIT_BAD_INPUT;
    }

  for (guint i = 0; result->skipped != NULL && i < result->skipped->len; i++)
    {
      const CrGeojsonSkipped *s = &g_array_index (result->skipped, CrGeojsonSkipped, i);

      /* Translators: %u is the 1-based number of a feature in the file. */
      g_printerr (_("Skipped feature %u: %s\n"), s->index + 1, s->reason);
    }
  g_print (g_dngettext (GETTEXT_PACKAGE, "Imported %u feature into “%s”",
                        "Imported %u features into “%s”", result->n_features),
           result->n_features, options->event);
  if (result->n_waypoints > 0)
    g_print (g_dngettext (GETTEXT_PACKAGE, " with %u waypoint", " with %u waypoints",
                          result->n_waypoints),
             result->n_waypoints);
  g_print ("%s\n", result->event_created ? _(" (new event).") : ".");
  if (result->skipped != NULL && result->skipped->len > 0)
    g_print (g_dngettext (GETTEXT_PACKAGE, "%u invalid feature was skipped.\n",
                          "%u invalid features were skipped.\n", result->skipped->len),
             result->skipped->len);
  return CR_EXIT_OK;
}

static int
import_reference (CrStore         *store,
                  const CrOptions *options)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrGeojsonImportResult) result = NULL;
  g_autoptr(CrReferenceLayer) layer = NULL;
  CrGeojsonImportOptions import_options = { 0 };

  import_options.skip_invalid = options->skip_invalid;
  result = cr_geojson_import_reference_file (store, options->import_reference, options->layer,
                                             &import_options, NULL, &error);
  if (result == NULL)
    {
      print_error (options->import_reference, error);
      g_printerr (_("Nothing was imported; the database is unchanged.\n"));
      return CR_EXIT_BAD_INPUT;
    }

  for (guint i = 0; i < result->skipped->len; i++)
    {
      const CrGeojsonSkipped *s = &g_array_index (result->skipped, CrGeojsonSkipped, i);

      /* Translators: %u is the 1-based number of a feature in the file. */
      g_printerr (_("Skipped feature %u: %s\n"), s->index + 1, s->reason);
    }
  /* The layer's own name: an existing layer is found whatever the case. */
  layer = cr_store_get (store, CR_TYPE_REFERENCE_LAYER, result->layer_id, NULL);
  g_print (g_dngettext (GETTEXT_PACKAGE, "Imported %u feature into the reference layer “%s”",
                        "Imported %u features into the reference layer “%s”", result->n_features),
           result->n_features, layer != NULL ? cr_reference_layer_get_name (layer) : options->layer);
  g_print ("%s\n", result->layer_created ? _(" (new layer).") : ".");
  if (result->skipped->len > 0)
    g_print (g_dngettext (GETTEXT_PACKAGE, "%u invalid feature was skipped.\n",
                          "%u invalid features were skipped.\n", result->skipped->len),
             result->skipped->len);
  return CR_EXIT_OK;
}

static int
export_geojson (CrStore         *store,
                const CrOptions *options)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrEvent) event = cr_store_find_event (store, options->event, &error);

  if (event == NULL)
    {
      if (error == NULL)
        g_set_error (&error, CR_STORE_ERROR, CR_STORE_ERROR_NOT_FOUND,
                     _("There is no event named “%s”. See --list-events."), options->event);
      print_error (cr_store_get_path (store), error);
      return CR_EXIT_BAD_INPUT;
    }
  if (!cr_geojson_export_file (store, cr_record_get_id (CR_RECORD (event)),
                               options->export_geojson, &error))
    {
      print_error (options->export_geojson, error);
      return CR_EXIT_BAD_INPUT;
    }
  return CR_EXIT_OK;
}

/* Loads the demo when asked; shared by the window's start-up. */
static gboolean
load_demo (CrStore *store,
           GError **error)
{
  gboolean loaded = FALSE;

  if (!cr_demo_load (store, &loaded, error))
    return FALSE;
  if (loaded)
    g_debug ("Demo event loaded into %s", cr_store_get_path (store));
  return TRUE;
}

/**
 * cr_cli_run:
 *
 * Runs a headless command (cr_options_headless() is TRUE).
 *
 * Returns: the process exit status
 */
int
cr_cli_run (const CrOptions *options)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrStore) store = NULL;
  g_autofree char *path = NULL;

  if (options->version)
    {
      g_print ("crisis-room %s\n", PACKAGE_VERSION);
      return CR_EXIT_OK;
    }

  path = cr_options_database_path (options);
  store = cr_store_open (path, &error);
  if (store == NULL)
    {
      print_error (NULL, error);
      return CR_EXIT_BAD_INPUT;
    }
  if (options->demo && !load_demo (store, &error))
    {
      print_error (NULL, error);
      return CR_EXIT_BAD_INPUT;
    }

  if (options->list_events)
    return list_events (store);
  if (options->import_geojson != NULL)
    return import_geojson (store, options);
  if (options->import_reference != NULL)
    return import_reference (store, options);
  if (options->export_geojson != NULL)
    return export_geojson (store, options);
  g_return_val_if_reached (CR_EXIT_USAGE);
}
