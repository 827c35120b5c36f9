/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cr-sheet"

#include "config.h"

#include <glib/gi18n.h>

#include "cr-sheet-print.h"

/**
 * CrSheetPrint:
 *
 * Prints an operational sheet with the same pages as its PDF: each page
 * asks for its own paper (the map on A3 landscape when the sheet has it),
 * and is drawn by cr_sheet_draw_page() in points from the paper's corner.
 */
struct _CrSheetPrint
{
  GtkPrintOperation parent_instance;

  CrSheet *sheet;
};

G_DEFINE_FINAL_TYPE (CrSheetPrint, cr_sheet_print, GTK_TYPE_PRINT_OPERATION)

/* The sheet's pages are A4 or A3, portrait or landscape. */
static GtkPageSetup *
page_setup_for (CrSheet *sheet,
                guint    page)
{
  GtkPageSetup *setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) paper = NULL;
  double width, height;

  cr_sheet_get_page_size (sheet, page, &width, &height);
  paper = gtk_paper_size_new (MAX (width, height) > 1000 ? GTK_PAPER_NAME_A3 : GTK_PAPER_NAME_A4);
  gtk_page_setup_set_paper_size_and_default_margins (setup, paper);
  gtk_page_setup_set_orientation (setup, width > height ? GTK_PAGE_ORIENTATION_LANDSCAPE
                                                         : GTK_PAGE_ORIENTATION_PORTRAIT);
  return setup;
}

static void
cr_sheet_print_request_page_setup (GtkPrintOperation *operation,
                                   GtkPrintContext   *context,
                                   int                page_nr,
                                   GtkPageSetup      *setup)
{
  CrSheetPrint *self = CR_SHEET_PRINT (operation);
  g_autoptr(GtkPageSetup) wanted = NULL;

  if (page_nr < 0 || (guint) page_nr >= cr_sheet_get_n_pages (self->sheet))
    return;
  wanted = page_setup_for (self->sheet, page_nr);
  gtk_page_setup_set_paper_size (setup, gtk_page_setup_get_paper_size (wanted));
  gtk_page_setup_set_orientation (setup, gtk_page_setup_get_orientation (wanted));
}

static void
cr_sheet_print_draw_page (GtkPrintOperation *operation,
                          GtkPrintContext   *context,
                          int                page_nr)
{
  CrSheetPrint *self = CR_SHEET_PRINT (operation);

  if (page_nr < 0 || (guint) page_nr >= cr_sheet_get_n_pages (self->sheet))
    return;
  cr_sheet_draw_page (self->sheet, gtk_print_context_get_cairo_context (context), page_nr);
}

static void
cr_sheet_print_dispose (GObject *object)
{
  CrSheetPrint *self = CR_SHEET_PRINT (object);

  g_clear_object (&self->sheet);

  G_OBJECT_CLASS (cr_sheet_print_parent_class)->dispose (object);
}

static void
cr_sheet_print_class_init (CrSheetPrintClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkPrintOperationClass *print_class = GTK_PRINT_OPERATION_CLASS (klass);

  object_class->dispose = cr_sheet_print_dispose;
  print_class->request_page_setup = cr_sheet_print_request_page_setup;
  print_class->draw_page = cr_sheet_print_draw_page;
}

static void
cr_sheet_print_init (CrSheetPrint *self)
{
}

/**
 * cr_sheet_print_new:
 *
 * Returns: (transfer full): a print operation for every page of @sheet
 */
CrSheetPrint *
cr_sheet_print_new (CrSheet *sheet)
{
  CrSheetPrint *self;
  g_autoptr(GtkPageSetup) setup = NULL;
  guint n;

  g_return_val_if_fail (CR_IS_SHEET (sheet), NULL);

  self = g_object_new (CR_TYPE_SHEET_PRINT, NULL);
  self->sheet = g_object_ref (sheet);
  n = cr_sheet_get_n_pages (sheet);
  /* The text pages set the default; the map page asks for its own. */
  setup = page_setup_for (sheet, n > 1 ? 1 : 0);
  gtk_print_operation_set_default_page_setup (GTK_PRINT_OPERATION (self), setup);
  gtk_print_operation_set_n_pages (GTK_PRINT_OPERATION (self), n);
  gtk_print_operation_set_unit (GTK_PRINT_OPERATION (self), GTK_UNIT_POINTS);
  /* The sheet has its own margins, measured from the paper's edge. */
  gtk_print_operation_set_use_full_page (GTK_PRINT_OPERATION (self), TRUE);
  gtk_print_operation_set_embed_page_setup (GTK_PRINT_OPERATION (self), FALSE);
  gtk_print_operation_set_job_name (GTK_PRINT_OPERATION (self), _("Operational sheet"));
  return self;
}

/**
 * cr_sheet_print_get_sheet:
 *
 * Returns: (transfer none): the sheet printed
 */
CrSheet *
cr_sheet_print_get_sheet (CrSheetPrint *self)
{
  g_return_val_if_fail (CR_IS_SHEET_PRINT (self), NULL);

  return self->sheet;
}
