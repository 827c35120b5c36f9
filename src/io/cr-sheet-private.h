/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <pango/pangocairo.h>

#include "cr-map-print.h"
#include "cr-sheet.h"

G_BEGIN_DECLS

/* The sheet as blocks of text and tables (cr-sheet.c reads the store and
 * writes them, in the sheet's language), laid out on pages
 * (cr-sheet-layout.c). Every string here is already translated; user
 * data in markup is escaped. */

typedef enum
{
  SHEET_BLOCK_HEADING,    /* a section title */
  SHEET_BLOCK_SUBHEADING, /* an itinerary's name */
  SHEET_BLOCK_PARAGRAPH,  /* markup */
  SHEET_BLOCK_NOTE,       /* small grey markup, e.g. "no role yet" */
  SHEET_BLOCK_TABLE,
} SheetBlockType;

typedef struct
{
  char **cells;       /* markup, one per column; NULL or "" for nothing */
  char *group_label;  /* markup for the first cell when the row starts a page mid-group */
  gboolean shaded;
  /* Measured for the text pages' width; first on a page, with the
   * group label. */
  double height;
  double height_first;
} SheetRow;

typedef struct
{
  SheetBlockType type;
  char *markup;      /* heading, paragraph; a table's title for "(continued)" */
  guint n_columns;
  char **titles;     /* the table's column titles, plain text */
  double *weights;   /* relative column widths */
  double *widths;    /* laid out, in points: the weights, widened where a word needs it */
  GPtrArray *rows;   /* SheetRow */
  double height;     /* measured: a text block, or a table's header row */
} SheetBlock;

typedef struct
{
  SheetBlock *block;
  guint first_row;   /* a table's rows [first_row, end_row) on this page */
  guint end_row;
  gboolean continued;
  double y;
} SheetPlaced;

typedef struct
{
  double width;
  double height;
  gboolean is_map;
  GArray *placed;    /* SheetPlaced */
} SheetPage;

/* The title block of the first page. */
typedef struct
{
  char *event_name;
  char *kind_status;   /* "Visit · Ready" */
  char *dates;
  char *description;
  char *map_time;      /* "Situation at …" or "All phases" */
  char *version;
  char *generated;
  char *classification;
  gboolean no_phones;
} SheetTitle;

struct _CrSheet
{
  GObject parent_instance;

  CrStore *store;
  CrSheetOptions options;
  CrCatalog *catalog;
  CrMapPrint *map;
  CrMbtiles *mbtiles;

  SheetTitle title;
  GPtrArray *blocks;   /* SheetBlock */
  GPtrArray *pages;    /* SheetPage */

  /* Where the map went on the first page, once drawn. */
  gboolean map_drawn;
  double map_x, map_y, map_scale;
  CrProjection map_projection;
};

/* cr-sheet.c */
const char   *_cr_sheet_tr             (CrSheet      *self,
                                        const char   *msgid) G_GNUC_FORMAT (2);
SheetBlock   *_cr_sheet_block_new      (SheetBlockType type,
                                        const char   *markup);
void          _cr_sheet_block_free     (gpointer      data);

/* What the sheet reads once and looks up often. */
typedef struct
{
  GHashTable *partners; /* id -> CrPartner */
  GHashTable *features; /* id -> CrFeature */
  GHashTable *kinds;    /* code -> CrFeatureKind */
  GPtrArray *features_sorted; /* CrFeature, catalogue order then start */
  GPtrArray *roles;     /* CrRole, by discipline then partner */
} SheetData;

/* cr-sheet-sections.c */
gboolean      _cr_sheet_build          (CrSheet      *self,
                                        CrEvent      *event,
                                        GError      **error);
char         *_cr_sheet_escape         (const char   *text);
char         *_cr_sheet_unbreakable    (const char   *number);
SheetBlock   *_cr_sheet_table_new      (const char   *title,
                                        guint         n_columns,
                                        ...);
SheetRow     *_cr_sheet_table_add_row  (SheetBlock   *table,
                                        char        **cells);
void          _cr_sheet_add_block      (CrSheet      *self,
                                        SheetBlockType type,
                                        const char   *markup);
gpointer      _cr_sheet_lookup         (GHashTable   *table,
                                        gint64        id);
const char   *_cr_sheet_partner_name   (SheetData    *data,
                                        gint64        partner_id);

/* cr-sheet-contacts.c */
char         *_cr_sheet_contact_markup (CrSheet      *self,
                                        CrContact    *contact,
                                        gboolean      with_phone);
void          _cr_sheet_add_contacts   (CrSheet      *self,
                                        SheetData    *data);
void          _cr_sheet_add_communications (CrSheet  *self,
                                        SheetData    *data);

/* cr-sheet-layout.c */
void          _cr_sheet_paginate       (CrSheet      *self);
void          _cr_sheet_draw_page      (CrSheet      *self,
                                        cairo_t      *cr,
                                        guint         page);
void          _cr_sheet_page_free      (gpointer      data);

G_END_DECLS
