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
  char *import_reference;
  char *layer;
} CrOptions;

void     cr_options_clear    (CrOptions  *options);
gboolean cr_options_parse    (CrOptions  *options,
                              int        *argc,
                              char     ***argv,
                              GError    **error);
gboolean cr_options_headless (const CrOptions *options);
char    *cr_options_database_path (const CrOptions *options);
int      cr_cli_run          (const CrOptions *options);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CrOptions, cr_options_clear)

G_END_DECLS
