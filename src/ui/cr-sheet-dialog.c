/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cr-sheet"

#include "config.h"

#include <glib/gi18n.h>

#include "cr-labels.h"
#include "cr-sheet-dialog.h"
#include "cr-time.h"

/**
 * CrSheetDialog:
 *
 * The choices before an operational sheet is exported or printed: its
 * language (whatever the interface's), the paper, the time the map
 * shows, and whether phone numbers go with it. With phone numbers the
 * button says so: pressing it is the user's consent to export personal
 * data, which the audit log then records.
 */
struct _CrSheetDialog
{
  AdwMessageDialog parent_instance;

  AdwComboRow *language_row;
  AdwComboRow *paper_row;
  AdwComboRow *time_row;
  GtkSwitch *a3_switch;
  GtkSwitch *phones_switch;

  gboolean print;
  GDateTime *map_time;
};

G_DEFINE_FINAL_TYPE (CrSheetDialog, cr_sheet_dialog, ADW_TYPE_MESSAGE_DIALOG)

/* In the order of the language row. */
static const char *const languages[] = { "fr", "nl", "en" };

static void
phones_changed_cb (CrSheetDialog *self)
{
  gboolean phones = gtk_switch_get_active (self->phones_switch);
  const char *label;

  if (self->print)
    label = phones ? _("_Print With Phone Numbers…") : _("_Print…");
  else
    label = phones ? _("_Export With Phone Numbers…") : _("_Export…");
  adw_message_dialog_set_response_label (ADW_MESSAGE_DIALOG (self), "export", label);
}

static void
cr_sheet_dialog_finalize (GObject *object)
{
  CrSheetDialog *self = CR_SHEET_DIALOG (object);

  g_clear_pointer (&self->map_time, g_date_time_unref);

  G_OBJECT_CLASS (cr_sheet_dialog_parent_class)->finalize (object);
}

static void
cr_sheet_dialog_class_init (CrSheetDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = cr_sheet_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/cr-sheet-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CrSheetDialog, language_row);
  gtk_widget_class_bind_template_child (widget_class, CrSheetDialog, paper_row);
  gtk_widget_class_bind_template_child (widget_class, CrSheetDialog, time_row);
  gtk_widget_class_bind_template_child (widget_class, CrSheetDialog, a3_switch);
  gtk_widget_class_bind_template_child (widget_class, CrSheetDialog, phones_switch);
  gtk_widget_class_bind_template_callback (widget_class, phones_changed_cb);
}

static void
cr_sheet_dialog_init (CrSheetDialog *self)
{
  const char *ui = cr_ui_language ();

  gtk_widget_init_template (GTK_WIDGET (self));
  /* The interface's language first guess; Brussels partners read French
   * or Dutch. */
  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    if (g_str_equal (ui, languages[i]))
      adw_combo_row_set_selected (self->language_row, i);
}

/**
 * cr_sheet_dialog_new:
 * @print: for printing rather than exporting a PDF
 * @map_time: (nullable): the time the window's map shows, offered as
 *   the map's time
 *
 * Returns: (transfer floating): the dialog; the "export" response goes on
 */
CrSheetDialog *
cr_sheet_dialog_new (GtkWindow *parent,
                     gboolean   print,
                     GDateTime *map_time)
{
  CrSheetDialog *self = g_object_new (CR_TYPE_SHEET_DIALOG, "transient-for", parent, "modal", TRUE,
                                      NULL);
  g_autoptr(GtkStringList) times = gtk_string_list_new (NULL);

  self->print = print;
  if (print)
    adw_message_dialog_set_heading (ADW_MESSAGE_DIALOG (self), _("Print Operational Sheet"));
  gtk_string_list_append (times, _("Every phase"));
  if (map_time != NULL)
    {
      g_autofree char *when = cr_time_format_local (map_time, "%d/%m/%Y %H:%M");
      /* Translators: a choice for the map of the sheet; %s is the time
       * the window's map shows. */
      g_autofree char *text = g_strdup_printf (_("The situation at %s"), when);

      self->map_time = g_date_time_ref (map_time);
      gtk_string_list_append (times, text);
    }
  adw_combo_row_set_model (self->time_row, G_LIST_MODEL (times));
  adw_combo_row_set_selected (self->time_row, map_time != NULL ? 1 : 0);
  gtk_widget_set_visible (GTK_WIDGET (self->time_row), map_time != NULL);
  phones_changed_cb (self);
  return self;
}

/* Fills in what the dialog chose; the event and the rest stay. */
void
cr_sheet_dialog_get_options (CrSheetDialog  *self,
                             CrSheetOptions *options)
{
  guint language;

  g_return_if_fail (CR_IS_SHEET_DIALOG (self));
  g_return_if_fail (options != NULL);

  language = adw_combo_row_get_selected (self->language_row);
  g_free (options->language);
  options->language = g_strdup (languages[MIN (language, G_N_ELEMENTS (languages) - 1)]);
  options->landscape = adw_combo_row_get_selected (self->paper_row) == 1;
  options->a3_map = gtk_switch_get_active (self->a3_switch);
  options->no_phones = !gtk_switch_get_active (self->phones_switch);
  g_clear_pointer (&options->at, g_date_time_unref);
  if (self->map_time != NULL && adw_combo_row_get_selected (self->time_row) == 1)
    options->at = g_date_time_ref (self->map_time);
}
