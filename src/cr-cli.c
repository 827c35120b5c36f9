/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cr-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <stdio.h>

#include "cr-activation-report.h"
#include "cr-cli.h"
#include "cr-contact-export.h"
#include "cr-contact-import.h"
#include "cr-demo.h"
#include "cr-geojson.h"
#include "cr-handover.h"
#include "cr-labels.h"
#include "cr-map-print.h"
#include "cr-report-pdf.h"
#include "cr-review-file.h"
#include "cr-sheet.h"
#include "cr-store-contacts.h"
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
  g_clear_pointer (&options->export_activation_report, g_free);
  g_clear_pointer (&options->export_handover, g_free);
  g_clear_pointer (&options->from, g_free);
  g_clear_pointer (&options->to, g_free);
  g_clear_pointer (&options->export_sheet, g_free);
  g_clear_pointer (&options->export_map_png, g_free);
  g_clear_pointer (&options->at, g_free);
  g_clear_pointer (&options->language, g_free);
  g_clear_pointer (&options->size, g_free);
  g_clear_pointer (&options->import_contacts_csv, g_free);
  g_clear_pointer (&options->export_contacts_csv, g_free);
  g_clear_pointer (&options->export_vcard, g_free);
  g_clear_pointer (&options->partner, g_free);
  g_clear_pointer (&options->review, g_free);
}

static gboolean
check_time_option (const char *name,
                   const char *value,
                   GError    **error)
{
  g_autoptr(GDateTime) dt = cr_time_parse (value);

  if (dt != NULL)
    return TRUE;
  g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
               _("%s “%s” is not a date and time. Write it as 2024-09-26T06:00 (Brussels time) "
                 "or 2024-09-26T04:00Z."),
               name, value);
  return FALSE;
}

/* The options of the activation report and the handover. */
static gboolean
check_report_options (CrOptions *options,
                      GError   **error)
{
  if (options->export_activation_report != NULL)
    {
      if (options->activation <= 0)
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                       _("Give the number of the activation with --activation ID; "
                         "--list-activations shows them."));
          return FALSE;
        }
      switch (cr_report_format_for_path (options->export_activation_report))
        {
        case CR_REPORT_FORMAT_PDF:
        case CR_REPORT_FORMAT_CSV:
          break;
        case CR_REPORT_FORMAT_MARKDOWN:
        case CR_REPORT_FORMAT_UNKNOWN:
        default:
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                       _("An activation report is written as PDF or CSV: end the file name "
                         "with .pdf or .csv."));
          return FALSE;
        }
    }
  else if (options->activation != 0)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                   _("--activation only applies to --export-activation-report."));
      return FALSE;
    }

  if (options->export_handover != NULL)
    {
      g_autoptr(GDateTime) from = NULL;
      g_autoptr(GDateTime) to = NULL;

      if (options->from == NULL || options->to == NULL)
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                       _("Give the handover period with --from TIME and --to TIME, "
                         "e.g. --from 2024-09-26T06:00 --to 2024-09-26T14:00."));
          return FALSE;
        }
      if (!check_time_option ("--from", options->from, error) ||
          !check_time_option ("--to", options->to, error))
        return FALSE;
      from = cr_time_parse (options->from);
      to = cr_time_parse (options->to);
      if (g_date_time_compare (from, to) >= 0)
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                       _("The handover period ends before it starts: --to must come after --from."));
          return FALSE;
        }
      switch (cr_report_format_for_path (options->export_handover))
        {
        case CR_REPORT_FORMAT_PDF:
        case CR_REPORT_FORMAT_MARKDOWN:
          break;
        case CR_REPORT_FORMAT_CSV:
        case CR_REPORT_FORMAT_UNKNOWN:
        default:
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                       _("A handover is written as PDF or Markdown: end the file name with .pdf "
                         "or .md."));
          return FALSE;
        }
    }
  else if (options->from != NULL || options->to != NULL)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                   _("--from and --to only apply to --export-handover."));
      return FALSE;
    }
  return TRUE;
}

/* The options of the operational sheet and the map image. */
static gboolean
check_export_options (CrOptions *options,
                      GError   **error)
{
  gboolean exports = options->export_sheet != NULL || options->export_map_png != NULL;
  int width, height;

  if (exports && (options->event == NULL || *options->event == '\0'))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                   _("Name the event with --event NAME."));
      return FALSE;
    }
  if (options->at != NULL && !exports)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                   _("--at only applies to --export-sheet and --export-map-png."));
      return FALSE;
    }
  if (options->at != NULL && !check_time_option ("--at", options->at, error))
    return FALSE;
  if ((options->language != NULL || options->no_phones) && options->export_sheet == NULL)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                   _("--language and --no-phones only apply to --export-sheet."));
      return FALSE;
    }
  if (options->language != NULL && !g_str_equal (options->language, "fr") &&
      !g_str_equal (options->language, "nl") && !g_str_equal (options->language, "en"))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                   _("Unknown language “%s”: use --language fr, nl or en."), options->language);
      return FALSE;
    }
  if (options->size != NULL && options->export_map_png == NULL)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                   _("--size only applies to --export-map-png."));
      return FALSE;
    }
  if (options->size != NULL && !cr_map_print_parse_size (options->size, &width, &height))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                   _("“%s” is not an image size. Write it as WIDTHxHEIGHT in pixels, from 16 to "
                     "10000, e.g. 1920x1080."),
                   options->size);
      return FALSE;
    }
  return TRUE;
}

/* The options of the directory's imports and exports and of --review. */
static gboolean
check_contact_options (CrOptions *options,
                       GError   **error)
{
  if (options->partner != NULL && options->export_contacts_csv == NULL && options->export_vcard == NULL &&
      options->import_contacts_csv == NULL)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                   _("--partner only applies to --import-contacts-csv, --export-contacts-csv and "
                     "--export-vcard."));
      return FALSE;
    }
  if (options->partner != NULL && *options->partner == '\0')
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                   _("Name the partner with --partner NAME, or leave the option out to export "
                     "every partner."));
      return FALSE;
    }
  if (options->review != NULL && (options->database != NULL || options->demo))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                   _("--review opens the review file on its own: leave out --database and --demo."));
      return FALSE;
    }
  if (options->review != NULL && (cr_options_headless (options) || options->wall))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                   _("--review opens the review window on its own: leave out the other commands."));
      return FALSE;
    }
  return TRUE;
}

static gboolean
is_blank (const char *text)
{
  while (text != NULL && g_ascii_isspace (*text))
    text++;
  return text == NULL || *text == '\0';
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
      N_("The event to import into or export, or to show with --wall, --export-sheet or "
         "--export-map-png"), N_("NAME") },
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
    { "list-activations", 0, 0, G_OPTION_ARG_NONE, &options->list_activations,
      N_("List the activations of the database, with their number and progress"), NULL },
    { "verify-logbook", 0, 0, G_OPTION_ARG_NONE, &options->verify_logbook,
      N_("Check that no logbook entry was changed or deleted outside Crisis Room"), NULL },
    { "export-activation-report", 0, 0, G_OPTION_ARG_FILENAME, &options->export_activation_report,
      N_("Export the timeline of the activation given by --activation, as PDF or CSV according "
         "to the file’s extension"), N_("FILE") },
    { "activation", 0, 0, G_OPTION_ARG_INT64, &options->activation,
      N_("The number of the activation to report on (see --list-activations)"), N_("ID") },
    { "export-handover", 0, 0, G_OPTION_ARG_FILENAME, &options->export_handover,
      N_("Export the shift handover summary of the period --from … --to, as PDF or Markdown (.md) "
         "according to the file’s extension"), N_("FILE") },
    { "from", 0, 0, G_OPTION_ARG_STRING, &options->from,
      N_("Start of the handover period, e.g. 2024-09-26T06:00 (Brussels time unless a zone is "
         "given)"), N_("TIME") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &options->to,
      N_("End of the handover period"), N_("TIME") },
    { "version", 0, 0, G_OPTION_ARG_NONE, &options->version,
      N_("Show the version"), NULL },
    { "wall", 0, 0, G_OPTION_ARG_NONE, &options->wall,
      N_("Open the wall screen: full screen, read-only, made to be read from across the room "
         "(the event named by --event, else the active one)"), NULL },
    { "monitor", 0, 0, G_OPTION_ARG_INT, &options->monitor,
      N_("With --wall: show it on monitor N (0 is the first)"), N_("N") },
    { "basemap-mbtiles", 0, 0, G_OPTION_ARG_FILENAME, &options->basemap_mbtiles,
      N_("Show the offline map FILE (MBTiles) under the event, in the window and in exported "
         "sheets and maps, for this run only"), N_("FILE") },
    { "export-sheet", 0, 0, G_OPTION_ARG_FILENAME, &options->export_sheet,
      N_("Write the operational sheet of the event named by --event as a PDF file"), N_("FILE") },
    { "export-map-png", 0, 0, G_OPTION_ARG_FILENAME, &options->export_map_png,
      N_("Write the map of the event named by --event as a PNG image"), N_("FILE") },
    { "at", 0, 0, G_OPTION_ARG_STRING, &options->at,
      N_("With --export-sheet or --export-map-png: the map at TIME (Brussels time, e.g. "
         "2024-09-28T10:00) instead of every phase"), N_("TIME") },
    { "language", 0, 0, G_OPTION_ARG_STRING, &options->language,
      N_("With --export-sheet: the sheet in LANG (fr, nl or en) instead of the language of the "
         "interface"), N_("LANG") },
    { "no-phones", 0, 0, G_OPTION_ARG_NONE, &options->no_phones,
      N_("With --export-sheet: leave every phone number out, for wide distribution"), NULL },
    { "size", 0, 0, G_OPTION_ARG_STRING, &options->size,
      N_("With --export-map-png: the image size in pixels (default 1920x1080)"), N_("WxH") },
    { "import-contacts-csv", 0, 0, G_OPTION_ARG_FILENAME, &options->import_contacts_csv,
      N_("Import contacts from a CSV (or vCard) file; duplicates of existing contacts are "
         "merged when they are surely the same person"), N_("FILE") },
    { "export-contacts-csv", 0, 0, G_OPTION_ARG_FILENAME, &options->export_contacts_csv,
      N_("Export the contacts (of every partner, or of --partner) as a CSV file"), N_("FILE") },
    { "export-vcard", 0, 0, G_OPTION_ARG_FILENAME, &options->export_vcard,
      N_("Export the contacts (of every partner, or of --partner) as a vCard 4.0 file"), N_("FILE") },
    { "partner", 0, 0, G_OPTION_ARG_STRING, &options->partner,
      N_("With --export-contacts-csv or --export-vcard: only this partner’s contacts; with "
         "--import-contacts-csv: the partner of the rows that name no organisation"), N_("NAME") },
    { "review", 0, 0, G_OPTION_ARG_FILENAME, &options->review,
      N_("Open a SPOC review file sent by the crisis centre, to check and confirm your "
         "organisation’s contacts"), N_("FILE") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  guint n_commands;

  /* Not given: the default monitor. */
  options->monitor = -1;
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
               (options->list_events != FALSE) + (options->import_reference != NULL) +
               (options->list_activations != FALSE) + (options->verify_logbook != FALSE) +
               (options->export_activation_report != NULL) + (options->export_handover != NULL) +
               (options->export_sheet != NULL) + (options->export_map_png != NULL) +
               (options->import_contacts_csv != NULL) + (options->export_contacts_csv != NULL) +
               (options->export_vcard != NULL) + (options->review != NULL);
  if (n_commands > 1)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                   _("Give one command at a time: --import-geojson, --import-reference, "
                     "--export-geojson, --list-events, --list-activations, --verify-logbook, "
                     "--export-activation-report, --export-handover, --export-sheet, "
                     "--export-map-png, --import-contacts-csv, --export-contacts-csv, "
                     "--export-vcard or --review."));
      return FALSE;
    }
  if (!check_report_options (options, error) || !check_export_options (options, error) ||
      !check_contact_options (options, error))
    return FALSE;
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
  if ((options->import_geojson != NULL || options->export_geojson != NULL) && is_blank (options->event))
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
  if ((options->wall || options->monitor >= 0) && cr_options_headless (options))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                   _("--wall opens a window: leave out the headless commands."));
      return FALSE;
    }
  if (options->monitor >= 0 && !options->wall)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                   _("--monitor only applies to --wall."));
      return FALSE;
    }
  if (options->basemap_mbtiles != NULL && cr_options_headless (options) &&
      options->export_sheet == NULL && options->export_map_png == NULL)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                   _("--basemap-mbtiles only applies to the window, --export-sheet and "
                     "--export-map-png: leave out the other commands."));
      return FALSE;
    }
  return TRUE;
}

/* TRUE when the command line asks for no window. */
gboolean
cr_options_headless (const CrOptions *options)
{
  return options->version || options->list_events || options->import_geojson != NULL ||
         options->export_geojson != NULL || options->import_reference != NULL ||
         options->list_activations || options->verify_logbook ||
         options->export_activation_report != NULL || options->export_handover != NULL ||
         options->export_sheet != NULL || options->export_map_png != NULL ||
         options->import_contacts_csv != NULL || options->export_contacts_csv != NULL ||
         options->export_vcard != NULL;
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

/* The database the command runs on, for its errors. */
static const char *database_path;

/* Whether @error is about the database file itself (a full disk during
 * an import is not the imported file's fault), not about what was
 * written to it (a duplicate name, a value refused: the input's). */
static gboolean
is_database_error (const GError *error)
{
  if (error->domain != CR_STORE_ERROR)
    return FALSE;
  switch (error->code)
    {
    case CR_STORE_ERROR_OPEN:
    case CR_STORE_ERROR_NOT_OURS:
    case CR_STORE_ERROR_CORRUPT:
    case CR_STORE_ERROR_TOO_NEW:
    case CR_STORE_ERROR_READ_ONLY:
    case CR_STORE_ERROR_FULL:
    case CR_STORE_ERROR_BUSY:
    case CR_STORE_ERROR_FAILED:
      return TRUE;
    default:
      return FALSE;
    }
}

/* Prints @error as about @place, or about the database when it is. */
static void
print_error (const char *place,
             GError     *error)
{
  if (is_database_error (error) && database_path != NULL)
    place = database_path;
  if (place != NULL && strstr (error->message, place) == NULL)
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

static int
list_activations (CrStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) activations = cr_store_list_activations (store, TRUE, &error);
  g_autoptr(GDateTime) now = cr_time_now_utc ();

  if (activations == NULL)
    {
      print_error (cr_store_get_path (store), error);
      return CR_EXIT_BAD_INPUT;
    }
  for (guint i = 0; i < g_list_model_get_n_items (activations); i++)
    {
      g_autoptr(CrActivation) activation = g_list_model_get_item (activations, i);
      gint64 id = cr_record_get_id (CR_RECORD (activation));
      g_autofree char *opened = cr_time_format_local (cr_activation_get_opened_at (activation),
                                                      "%Y-%m-%d %H:%M");
      g_autofree char *closed = cr_time_format_local (cr_activation_get_closed_at (activation),
                                                      "%Y-%m-%d %H:%M");
      g_autoptr(GArray) progress = cr_store_get_activation_progress (store, id, now, &error);
      guint ticked = 0, total = 0, overdue = 0;

      if (progress == NULL)
        {
          print_error (cr_store_get_path (store), error);
          return CR_EXIT_BAD_INPUT;
        }
      for (guint j = 0; j < progress->len; j++)
        {
          const CrCellProgress *p = &g_array_index (progress, CrCellProgress, j);

          ticked += p->done + p->not_applicable;
          total += p->total;
          overdue += closed == NULL ? p->overdue : 0;
        }
      /* Tab-separated like --list-events: number, name, level, opened,
       * closed, ticked/total, overdue. */
      g_print ("%" G_GINT64_FORMAT "\t%s\t%s\t%s\t%s\t%u/%u\t%u\n", id, cr_activation_get_name (activation),
               cr_activation_level_label (cr_activation_get_level (activation)), opened,
               closed != NULL ? closed : "-", ticked, total, overdue);
    }
  return CR_EXIT_OK;
}

static int
verify_logbook (CrStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *head = NULL;
  gint64 bad = 0, last_id = 0;
  guint n_ok = 0;

  if (!cr_store_verify_logbook (store, &n_ok, &bad, &error))
    {
      print_error (cr_store_get_path (store), error);
      return CR_EXIT_BAD_INPUT;
    }
  head = cr_store_get_logbook_head (store, &last_id, &error);
  if (error != NULL)
    {
      print_error (cr_store_get_path (store), error);
      return CR_EXIT_BAD_INPUT;
    }
  if (n_ok == 0)
    g_print (_("The logbook has no entry to verify yet.\n"));
  else
    g_print (g_dngettext (GETTEXT_PACKAGE, "The logbook is intact: %u entry matches its hash.\n",
                          "The logbook is intact: all %u entries match their hash.\n", n_ok),
             n_ok);
  if (head != NULL)
    /* Translators: write the hash down: it lets a reader check later
     * that the logbook was not rewritten since. */
    g_print (_("Last entry: %lld, hash %s\n"), (long long) last_id, head);
  return CR_EXIT_OK;
}

static int
export_activation_report (CrStore         *store,
                          const CrOptions *options)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrActivationReport) report = NULL;

  report = cr_activation_report_new (store, options->activation, &error);
  if (report == NULL)
    {
      if (g_error_matches (error, CR_STORE_ERROR, CR_STORE_ERROR_NOT_FOUND))
        {
          g_clear_error (&error);
          g_set_error (&error, CR_STORE_ERROR, CR_STORE_ERROR_NOT_FOUND,
                       _("There is no activation %lld. See --list-activations."),
                       (long long) options->activation);
        }
      print_error (cr_store_get_path (store), error);
      return CR_EXIT_BAD_INPUT;
    }
  if (!cr_activation_report_export (report, options->export_activation_report, NULL, &error))
    {
      print_error (NULL, error);
      return CR_EXIT_BAD_INPUT;
    }
  return CR_EXIT_OK;
}

static int
export_handover (CrStore         *store,
                 const CrOptions *options)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrHandover) handover = NULL;
  g_autoptr(GDateTime) from = cr_time_parse (options->from);
  g_autoptr(GDateTime) to = cr_time_parse (options->to);

  handover = cr_handover_new (store, from, to, NULL, &error);
  if (handover == NULL)
    {
      print_error (cr_store_get_path (store), error);
      return CR_EXIT_BAD_INPUT;
    }
  if (!cr_handover_export (handover, options->export_handover, NULL, &error))
    {
      print_error (NULL, error);
      return CR_EXIT_BAD_INPUT;
    }
  return CR_EXIT_OK;
}

static CrEvent *
find_event (CrStore         *store,
            const CrOptions *options)
{
  g_autoptr(GError) error = NULL;
  CrEvent *event = cr_store_find_event (store, options->event, &error);

  if (event == NULL)
    {
      if (error == NULL)
        g_set_error (&error, CR_STORE_ERROR, CR_STORE_ERROR_NOT_FOUND,
                     _("There is no event named “%s”. See --list-events."), options->event);
      print_error (cr_store_get_path (store), error);
    }
  return event;
}

/* The window's settings when their schema is there (classification,
 * basemap); a plain command line works without. */
static GSettings *
cli_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchemaSource) build_source = NULL;
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema == NULL &&
      (build_source = g_settings_schema_source_new_from_directory (BUILD_SCHEMA_DIR, source, FALSE,
                                                                   NULL)) != NULL)
    schema = g_settings_schema_source_lookup (build_source, APP_ID, FALSE);
  if (schema == NULL || !g_settings_schema_has_key (schema, "basemap"))
    return NULL;
  return g_settings_new_full (schema, NULL, NULL);
}

/* --basemap-mbtiles, else the offline basemap of the settings. */
static char *
basemap_for_export (const CrOptions *options,
                    GSettings       *settings)
{
  g_autofree char *path = NULL;
  g_autoptr(CrMbtiles) mbtiles = NULL;
  g_autoptr(GError) error = NULL;

  if (options->basemap_mbtiles != NULL)
    return g_strdup (options->basemap_mbtiles);
  if (settings == NULL || g_settings_get_enum (settings, "basemap") != 3 /* mbtiles */)
    return NULL;
  path = g_settings_get_string (settings, "basemap-mbtiles");
  if (*path == '\0')
    return NULL;
  if ((mbtiles = cr_mbtiles_open (path, &error)) == NULL)
    {
      g_printerr (_("crisis-room: %s The map is drawn without a basemap.\n"), error->message);
      return NULL;
    }
  return g_steal_pointer (&path);
}

static int
export_sheet (CrStore         *store,
              const CrOptions *options)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrEvent) event = find_event (store, options);
  g_autoptr(GSettings) settings = NULL;
  g_autoptr(CrSheet) sheet = NULL;
  g_auto(CrSheetOptions) sheet_options = { 0 };

  if (event == NULL)
    return CR_EXIT_BAD_INPUT;
  settings = cli_settings ();
  sheet_options.event_id = cr_record_get_id (CR_RECORD (event));
  sheet_options.at = options->at != NULL ? cr_time_parse (options->at) : NULL;
  sheet_options.language = g_strdup (options->language);
  sheet_options.no_phones = options->no_phones;
  if (settings != NULL)
    {
      g_autoptr(GSettingsSchema) schema = NULL;

      g_object_get (settings, "settings-schema", &schema, NULL);
      if (g_settings_schema_has_key (schema, "sheet-classification"))
        sheet_options.classification = g_settings_get_string (settings, "sheet-classification");
    }
  sheet_options.basemap_mbtiles = basemap_for_export (options, settings);

  sheet = cr_sheet_new (store, &sheet_options, &error);
  if (sheet == NULL)
    {
      print_error (NULL, error);
      return CR_EXIT_BAD_INPUT;
    }
  if (!cr_sheet_export_pdf (sheet, options->export_sheet, NULL, NULL, NULL, &error))
    {
      /* The store's part is the audit entry: the database's. */
      print_error (error->domain == CR_STORE_ERROR ? cr_store_get_path (store) : NULL, error);
      return CR_EXIT_BAD_INPUT;
    }
  g_print (g_dngettext (GETTEXT_PACKAGE, "Wrote the operational sheet of “%s”, %u page, to %s.\n",
                        "Wrote the operational sheet of “%s”, %u pages, to %s.\n",
                        cr_sheet_get_n_pages (sheet)),
           cr_event_get_name (event), cr_sheet_get_n_pages (sheet), options->export_sheet);
  return CR_EXIT_OK;
}

static int
export_map_png (CrStore         *store,
                const CrOptions *options)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrEvent) event = find_event (store, options);
  g_autoptr(GSettings) settings = NULL;
  g_autoptr(CrMapRenderer) renderer = NULL;
  g_autoptr(CrMapPrint) print = NULL;
  g_autoptr(GDateTime) at = NULL;
  g_autofree char *basemap = NULL;
  int width = CR_MAP_PRINT_DEFAULT_WIDTH, height = CR_MAP_PRINT_DEFAULT_HEIGHT;

  if (event == NULL)
    return CR_EXIT_BAD_INPUT;
  if (options->size != NULL)
    cr_map_print_parse_size (options->size, &width, &height);
  renderer = cr_map_renderer_new (store);
  cr_map_renderer_set_event_id (renderer, cr_record_get_id (CR_RECORD (event)));
  if (options->at != NULL)
    {
      at = cr_time_parse (options->at);
      cr_map_renderer_set_time (renderer, at);
      cr_map_renderer_set_fade_inactive (renderer, FALSE);
    }
  print = cr_map_print_new (renderer);
  settings = cli_settings ();
  basemap = basemap_for_export (options, settings);
  if (basemap != NULL)
    {
      g_autoptr(CrMbtiles) mbtiles = cr_mbtiles_open (basemap, &error);

      if (mbtiles == NULL)
        {
          print_error (NULL, error);
          return CR_EXIT_BAD_INPUT;
        }
      cr_map_print_set_basemap (print, mbtiles);
    }
  if (!cr_map_print_write_png (print, options->export_map_png, width, height,
                               cr_map_print_png_scale (width, height), &error))
    {
      print_error (NULL, error);
      return CR_EXIT_BAD_INPUT;
    }
  g_print (_("Wrote the map of “%s”, %d × %d pixels, to %s.\n"), cr_event_get_name (event), width,
           height, options->export_map_png);
  return CR_EXIT_OK;
}

static int
import_contacts (CrStore         *store,
                 const CrOptions *options)
{
  const char *file = options->import_contacts_csv;
  g_autoptr(GError) error = NULL;
  g_autoptr(CrContactImport) import = cr_contact_import_new_for_file (file, &error);
  CrContactImportCounts counts = { 0 };
  GArray *problems, *warnings, *duplicates;
  guint n;

  /* A partner's own list, without an organisation column. */
  if (import != NULL && options->partner != NULL)
    cr_contact_import_set_default_partner (import, options->partner);
  if (import == NULL || !cr_contact_import_analyse (import, store, &error))
    {
      print_error (file, error);
      g_printerr (_("Nothing was imported; the database is unchanged.\n"));
      return CR_EXIT_BAD_INPUT;
    }

  problems = cr_contact_import_get_problems (import);
  for (guint i = 0; i < problems->len; i++)
    {
      const CrImportProblem *p = &g_array_index (problems, CrImportProblem, i);

      g_printerr ("crisis-room: %s:%u: %s\n", file, p->line, p->message);
    }
  if (problems->len > 0)
    {
      g_printerr (_("Nothing was imported; the database is unchanged. Correct the lines above "
                    "and import the file again.\n"));
      return CR_EXIT_BAD_INPUT;
    }

  warnings = cr_contact_import_get_warnings (import);
  for (guint i = 0; i < warnings->len; i++)
    {
      const CrImportProblem *p = &g_array_index (warnings, CrImportProblem, i);

      /* Translators: file, line, what is wrong with a number or an address. */
      g_printerr (_("crisis-room: %s:%u: %s (imported as written; “Needs review” lists it)\n"),
                  file, p->line, p->message);
    }

  if (!cr_contact_import_run (import, store, &counts, &error))
    {
      print_error (file, error);
      g_printerr (_("Nothing was imported; the database is unchanged.\n"));
      return CR_EXIT_BAD_INPUT;
    }

  duplicates = cr_contact_import_get_duplicates (import);
  for (guint i = 0; i < duplicates->len; i++)
    {
      const CrImportDuplicate *d = &g_array_index (duplicates, CrImportDuplicate, i);

      if (d->action == CR_DUPLICATE_ACTION_MERGE)
        g_print (d->reason == CR_DUPLICATE_SAME_EMAIL
                   ? _("Line %u: merged into “%s”, who has the same e-mail address.\n")
                   : _("Line %u: merged into “%s”, who has the same name and number.\n"),
                 d->line, d->contact_name);
      else if (d->action == CR_DUPLICATE_ACTION_ADD)
        g_print (_("Line %u: added as a new contact, although “%s” has the same number %s.\n"),
                 d->line, d->contact_name, d->value);
    }
  n = counts.n_added + counts.n_merged;
  g_print (g_dngettext (GETTEXT_PACKAGE, "Imported %u contact: %u new, %u merged.\n",
                        "Imported %u contacts: %u new, %u merged.\n", n),
           n, counts.n_added, counts.n_merged);
  if (counts.n_partners_created > 0)
    g_print (g_dngettext (GETTEXT_PACKAGE, "%u new partner was added.\n",
                          "%u new partners were added.\n", counts.n_partners_created),
             counts.n_partners_created);
  return CR_EXIT_OK;
}

static int
export_contacts (CrStore         *store,
                 const CrOptions *options)
{
  const char *file = options->export_vcard != NULL ? options->export_vcard : options->export_contacts_csv;
  CrContactsFormat format = options->export_vcard != NULL ? CR_CONTACTS_FORMAT_VCARD : CR_CONTACTS_FORMAT_CSV;
  g_autoptr(GError) error = NULL;
  g_autoptr(CrPartner) partner = NULL;
  guint n = 0;

  if (options->partner != NULL)
    {
      partner = cr_store_find_partner (store, options->partner, &error);
      if (partner == NULL)
        {
          if (error == NULL)
            g_set_error (&error, CR_STORE_ERROR, CR_STORE_ERROR_NOT_FOUND,
                         _("There is no partner named “%s”: check the name, as the window’s "
                           "Partners page shows it."), options->partner);
          print_error (cr_store_get_path (store), error);
          return CR_EXIT_BAD_INPUT;
        }
    }
  if (!cr_contacts_export_file (store, partner != NULL ? cr_record_get_id (CR_RECORD (partner)) : 0,
                                format, NULL, file, &n, &error))
    {
      print_error (file, error);
      return CR_EXIT_BAD_INPUT;
    }
  g_print (g_dngettext (GETTEXT_PACKAGE, "Exported %u contact to “%s”.\n",
                        "Exported %u contacts to “%s”.\n", n),
           n, file);
  return CR_EXIT_OK;
}

/**
 * cr_cli_check_review:
 *
 * `--review FILE` opens the review window; before any window, this checks
 * the file and says what it holds, so a bad file ends the command with a
 * message that names it (and %CR_EXIT_BAD_INPUT) instead of a window.
 *
 * Returns: %CR_EXIT_OK when the window can open on the file
 */
int
cr_cli_check_review (const CrOptions *options)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrReviewFile) file = cr_review_file_load (options->review, &error);
  g_autofree char *exported = NULL;

  if (file == NULL)
    {
      print_error (options->review, error);
      return CR_EXIT_BAD_INPUT;
    }
  exported = cr_time_format_local (file->exported_at, "%Y-%m-%d %H:%M");
  g_print (g_dngettext (GETTEXT_PACKAGE,
                        "Review file of “%s”: %u contact, exported on %s by %s.\n",
                        "Review file of “%s”: %u contacts, exported on %s by %s.\n",
                        file->contacts->len),
           cr_partner_get_name (file->partner), file->contacts->len,
           exported != NULL ? exported : "-", file->exported_by != NULL ? file->exported_by : "-");
  if (file->reviewed)
    {
      g_autofree char *reviewed = cr_time_format_local (file->reviewed_at, "%Y-%m-%d %H:%M");

      g_print (g_dngettext (GETTEXT_PACKAGE,
                            "Reviewed on %s by %s: %u contact confirmed.\n",
                            "Reviewed on %s by %s: %u contacts confirmed.\n",
                            file->confirmations->len),
               reviewed != NULL ? reviewed : "-", file->reviewed_by != NULL ? file->reviewed_by : "-",
               file->confirmations->len);
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

/* The files the command line writes, if any. */
static const char *
output_file (const CrOptions *options)
{
  const char *const outputs[] = {
    options->export_geojson, options->export_activation_report, options->export_handover,
    options->export_sheet, options->export_map_png, options->export_contacts_csv,
    options->export_vcard,
  };

  for (guint i = 0; i < G_N_ELEMENTS (outputs); i++)
    if (outputs[i] != NULL)
      return outputs[i];
  return NULL;
}

/* Whether the command adds nothing to the database: on a path that
 * does not exist, it would create an empty one, folders included, and
 * report on that. */
static gboolean
reads_only (const CrOptions *options)
{
  return !options->demo && options->import_geojson == NULL && options->import_reference == NULL &&
         options->import_contacts_csv == NULL;
}

/* Whether it writes nothing at all, not even an audit entry (as the
 * exports of personal data do): then the file is opened read-only and
 * left byte for byte as it was, a copy kept as evidence for
 * --verify-logbook included. */
static gboolean
writes_nothing (const CrOptions *options)
{
  return reads_only (options) && options->export_sheet == NULL && options->export_contacts_csv == NULL &&
         options->export_vcard == NULL;
}

static int
run_on (const CrOptions *options,
        const char      *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrStore) store = NULL;

  if (*path != '\0' && reads_only (options) && !g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_printerr (_("crisis-room: %s: There is no database there. Check the path, or give another "
                    "with --database.\n"), path);
      return CR_EXIT_BAD_INPUT;
    }
  store = writes_nothing (options) ? cr_store_open_read_only (path, &error) : cr_store_open (path, &error);
  if (store == NULL)
    {
      print_error (path, error);
      return CR_EXIT_BAD_INPUT;
    }
  /* Exporting a GeoJSON or a sheet onto the GeoPackage itself is an
   * easy slip, and it would replace the database. */
  if (output_file (options) != NULL && cr_store_is_own_file (store, output_file (options)))
    {
      g_printerr (_("crisis-room: %s: This is the database itself: an export there would replace "
                    "it. Choose another file name.\n"), output_file (options));
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
  if (options->list_activations)
    return list_activations (store);
  if (options->verify_logbook)
    return verify_logbook (store);
  if (options->export_activation_report != NULL)
    return export_activation_report (store, options);
  if (options->export_handover != NULL)
    return export_handover (store, options);
  if (options->export_sheet != NULL)
    return export_sheet (store, options);
  if (options->export_map_png != NULL)
    return export_map_png (store, options);
  if (options->import_contacts_csv != NULL)
    return import_contacts (store, options);
  if (options->export_contacts_csv != NULL || options->export_vcard != NULL)
    return export_contacts (store, options);
  g_return_val_if_reached (CR_EXIT_USAGE);
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
  g_autofree char *path = NULL;
  int status;

  if (options->version)
    {
      g_print ("crisis-room %s\n", PACKAGE_VERSION);
      return CR_EXIT_OK;
    }
  path = cr_options_database_path (options);
  database_path = path;
  status = run_on (options, path);
  database_path = NULL;
  return status;
}
