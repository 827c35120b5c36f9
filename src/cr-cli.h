/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Exit statuses of headless commands. */
#define CR_EXIT_OK 0
#define CR_EXIT_BAD_INPUT 1
#define CR_EXIT_USAGE 2

typedef struct
{
  char *database;
  gboolean demo;
  char *import_geojson;
  char *export_geojson;
  char *event;
  gboolean skip_invalid;
  gboolean list_events;
  gboolean version;
  char *basemap_mbtiles; /* window only: an offline basemap for this run */
  gboolean wall;         /* the wall-screen window instead of the main one */
  int monitor;           /* --wall: the monitor, from 0; -1 for the default */
  char *import_reference;
  char *layer;
  gboolean list_activations;
  gboolean verify_logbook;
  char *export_activation_report;
  gint64 activation;
  char *export_handover;
  char *from;
  char *to;
  char *export_sheet;
  char *export_map_png;
  char *at;       /* --export-sheet/--export-map-png: the time the map shows */
  char *language; /* --export-sheet */
  gboolean no_phones;
  char *size;     /* --export-map-png: WxH */
  char *import_contacts_csv;
  char *export_contacts_csv;
  char *export_vcard;
  char *partner;  /* --export-contacts-csv/--export-vcard: one partner only */
  char *review;   /* a SPOC's review file */
} CrOptions;

void     cr_options_clear    (CrOptions  *options);
gboolean cr_options_parse    (CrOptions  *options,
                              int        *argc,
                              char     ***argv,
                              GError    **error);
gboolean cr_options_headless (const CrOptions *options);
char    *cr_options_database_path (const CrOptions *options);
int      cr_cli_run          (const CrOptions *options);
int      cr_cli_check_review (const CrOptions *options);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CrOptions, cr_options_clear)

G_END_DECLS
