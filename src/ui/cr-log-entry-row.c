/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cr-log-entry-row"

#include "config.h"

#include <glib/gi18n.h>

#include "cr-enum-types.h"
#include "cr-labels.h"
#include "cr-log-entry-row.h"
#include "cr-ops-utils.h"
#include "cr-time.h"

/**
 * CrLogEntryRow:
 *
 * One logbook entry in the list: when it occurred, its number, category,
 * author, the time the system recorded it, its text and links. An entry
 * that a later one corrects is struck through, with a link to its
 * correction; a correction says what it corrects. Nothing edits the
 * entry: "Correct…" asks the page for a new entry that corrects it.
 */
struct _CrLogEntryRow
{
  GtkBox parent_instance;

  GtkLabel *time_label;
  GtkLabel *date_label;
  GtkLabel *number_label;
  GtkLabel *category_label;
  GtkLabel *author_label;
  GtkLabel *recorded_label;
  GtkLabel *links_label;
  GtkLabel *text_label;
  GtkWidget *note_box;
  GtkLabel *note_label;
  GtkButton *show_button;
  GtkButton *correct_button;

  CrLogEntry *entry;
  gint64 target_id; /* the entry show_button goes to */
  gboolean struck;
};

G_DEFINE_FINAL_TYPE (CrLogEntryRow, cr_log_entry_row, GTK_TYPE_BOX)

enum
{
  CORRECT,
  SHOW_ENTRY,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GtkLabel *
label_new (const char *css_class,
           gboolean    dim)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  if (dim)
    gtk_widget_add_css_class (label, "dim-label");
  return GTK_LABEL (label);
}

static void
correct_clicked_cb (CrLogEntryRow *self)
{
  if (self->entry != NULL)
    g_signal_emit (self, signals[CORRECT], 0);
}

static void
show_clicked_cb (CrLogEntryRow *self)
{
  if (self->target_id > 0)
    g_signal_emit (self, signals[SHOW_ENTRY], 0, self->target_id);
}

static void
cr_log_entry_row_dispose (GObject *object)
{
  CrLogEntryRow *self = CR_LOG_ENTRY_ROW (object);

  g_clear_object (&self->entry);

  G_OBJECT_CLASS (cr_log_entry_row_parent_class)->dispose (object);
}

static void
cr_log_entry_row_class_init (CrLogEntryRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cr_log_entry_row_dispose;

  /**
   * CrLogEntryRow::correct:
   *
   * "Correct…" was clicked.
   */
  signals[CORRECT] = g_signal_new ("correct", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                                   NULL, G_TYPE_NONE, 0);
  /**
   * CrLogEntryRow::show-entry:
   * @entry_id: the correction, or the corrected entry
   *
   * The link to the correction (or to what it corrects) was clicked.
   */
  signals[SHOW_ENTRY] = g_signal_new ("show-entry", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                      NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
}

static void
cr_log_entry_row_init (CrLogEntryRow *self)
{
  GtkWidget *when = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *body = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);

  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_HORIZONTAL);
  gtk_box_set_spacing (GTK_BOX (self), 12);
  gtk_widget_add_css_class (GTK_WIDGET (self), "log-entry");

  self->time_label = label_new ("log-time", FALSE);
  self->date_label = label_new ("caption", TRUE);
  self->number_label = label_new ("caption", TRUE);
  gtk_widget_set_size_request (when, 64, -1);
  gtk_box_append (GTK_BOX (when), GTK_WIDGET (self->time_label));
  gtk_box_append (GTK_BOX (when), GTK_WIDGET (self->date_label));
  gtk_box_append (GTK_BOX (when), GTK_WIDGET (self->number_label));
  gtk_box_append (GTK_BOX (self), when);

  self->category_label = label_new ("log-category", FALSE);
  gtk_widget_set_valign (GTK_WIDGET (self->category_label), GTK_ALIGN_CENTER);
  self->author_label = label_new ("heading", FALSE);
  gtk_label_set_ellipsize (self->author_label, PANGO_ELLIPSIZE_END);
  self->recorded_label = label_new ("caption", TRUE);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->recorded_label),
                               _("Recorded by the system when the entry was written; it can never be changed"));
  self->links_label = label_new ("caption", TRUE);
  gtk_label_set_ellipsize (self->links_label, PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (GTK_WIDGET (self->links_label), TRUE);
  gtk_box_append (GTK_BOX (header), GTK_WIDGET (self->category_label));
  gtk_box_append (GTK_BOX (header), GTK_WIDGET (self->author_label));
  gtk_box_append (GTK_BOX (header), GTK_WIDGET (self->recorded_label));
  gtk_box_append (GTK_BOX (header), GTK_WIDGET (self->links_label));
  gtk_box_append (GTK_BOX (body), header);

  self->text_label = label_new ("log-text", FALSE);
  gtk_label_set_wrap (self->text_label, TRUE);
  gtk_label_set_wrap_mode (self->text_label, PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (self->text_label, TRUE);
  gtk_box_append (GTK_BOX (body), GTK_WIDGET (self->text_label));

  self->note_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  self->note_label = label_new ("log-note", FALSE);
  gtk_label_set_wrap (self->note_label, TRUE);
  gtk_label_set_wrap_mode (self->note_label, PANGO_WRAP_WORD_CHAR);
  gtk_widget_set_hexpand (GTK_WIDGET (self->note_label), TRUE);
  self->show_button = GTK_BUTTON (gtk_button_new ());
  gtk_widget_add_css_class (GTK_WIDGET (self->show_button), "flat");
  gtk_widget_add_css_class (GTK_WIDGET (self->show_button), "small-button");
  gtk_widget_set_valign (GTK_WIDGET (self->show_button), GTK_ALIGN_CENTER);
  g_signal_connect_swapped (self->show_button, "clicked", G_CALLBACK (show_clicked_cb), self);
  gtk_box_append (GTK_BOX (self->note_box), GTK_WIDGET (self->note_label));
  gtk_box_append (GTK_BOX (self->note_box), GTK_WIDGET (self->show_button));
  gtk_box_append (GTK_BOX (body), self->note_box);

  gtk_widget_set_hexpand (body, TRUE);
  gtk_box_append (GTK_BOX (self), body);

  self->correct_button = GTK_BUTTON (gtk_button_new_with_mnemonic (_("Co_rrect…")));
  gtk_widget_set_valign (GTK_WIDGET (self->correct_button), GTK_ALIGN_START);
  gtk_widget_add_css_class (GTK_WIDGET (self->correct_button), "flat");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->correct_button),
                               _("Write a correction: the entry stays, struck through"));
  g_signal_connect_swapped (self->correct_button, "clicked", G_CALLBACK (correct_clicked_cb), self);
  gtk_box_append (GTK_BOX (self), GTK_WIDGET (self->correct_button));
}

CrLogEntryRow *
cr_log_entry_row_new (void)
{
  return g_object_new (CR_TYPE_LOG_ENTRY_ROW, NULL);
}

static void
set_struck (GtkLabel *label,
            gboolean  struck)
{
  g_autoptr(PangoAttrList) attrs = NULL;

  if (struck)
    {
      attrs = pango_attr_list_new ();
      pango_attr_list_insert (attrs, pango_attr_strikethrough_new (TRUE));
    }
  gtk_label_set_attributes (label, attrs);
}

static char *
short_text (const char *text)
{
  if (text == NULL)
    return g_strdup ("");
  if (g_utf8_strlen (text, -1) <= 80)
    return g_strdup (text);
  {
    g_autofree char *start = g_utf8_substring (text, 0, 78);

    return g_strdup_printf ("%s…", start);
  }
}

/**
 * cr_log_entry_row_set_entry:
 * @corrected_by: the entry's latest correction, or 0
 * @corrects: (nullable): the entry @entry corrects
 * @links: (nullable): what the entry is linked to, as text
 * @now: the time the dates are relative to
 *
 * Shows @entry.
 */
void
cr_log_entry_row_set_entry (CrLogEntryRow *self,
                            CrLogEntry    *entry,
                            gint64         corrected_by,
                            CrLogEntry    *corrects,
                            const char    *links,
                            GDateTime     *now)
{
  GDateTime *occurred;
  GDateTime *recorded;
  CrLogCategory category;
  gint64 id;
  g_autofree char *time = NULL;
  g_autofree char *date = NULL;
  g_autofree char *today = NULL;
  g_autofree char *number = NULL;
  g_autofree char *recorded_text = NULL;
  g_autofree char *recorded_time = NULL;
  g_autofree char *accessible = NULL;

  g_return_if_fail (CR_IS_LOG_ENTRY_ROW (self));
  g_return_if_fail (CR_IS_LOG_ENTRY (entry));

  g_set_object (&self->entry, entry);
  id = cr_record_get_id (CR_RECORD (entry));
  recorded = cr_log_entry_get_recorded_at (entry);
  occurred = cr_log_entry_get_occurred_at (entry);
  if (occurred == NULL)
    occurred = recorded;
  category = cr_log_entry_get_category (entry);

  time = cr_time_format_local (occurred, "%H:%M");
  date = cr_time_format_local (occurred, "%d/%m/%Y");
  today = cr_time_format_local (now, "%d/%m/%Y");
  gtk_label_set_text (self->time_label, time ? time : "");
  gtk_label_set_text (self->date_label, date && g_strcmp0 (date, today) != 0 ? date : _("Today"));
  number = g_strdup_printf ("#%" G_GINT64_FORMAT, id);
  gtk_label_set_text (self->number_label, number);

  gtk_label_set_text (self->category_label, cr_log_category_label (category));
  for (int c = CR_LOG_CATEGORY_INFORMATION; c <= CR_LOG_CATEGORY_INCIDENT; c++)
    gtk_widget_remove_css_class (GTK_WIDGET (self->category_label), cr_enum_to_nick (CR_TYPE_LOG_CATEGORY, c));
  gtk_widget_add_css_class (GTK_WIDGET (self->category_label), cr_enum_to_nick (CR_TYPE_LOG_CATEGORY, category));
  gtk_label_set_text (self->author_label, cr_log_entry_get_author (entry));
  recorded_time = cr_time_format_local (recorded, "%d/%m %H:%M:%S");
  /* Translators: the system time an entry was written, e.g. "recorded 26/09 14:33:05" */
  recorded_text = g_strdup_printf (_("recorded %s"), recorded_time ? recorded_time : "");
  gtk_label_set_text (self->recorded_label, recorded_text);
  gtk_label_set_text (self->links_label, links != NULL ? links : "");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->links_label), links);
  gtk_label_set_text (self->text_label, cr_log_entry_get_text (entry));

  self->struck = corrected_by > 0;
  set_struck (self->text_label, self->struck);
  if (self->struck)
    gtk_widget_add_css_class (GTK_WIDGET (self), "corrected");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "corrected");

  self->target_id = 0;
  if (corrected_by > 0)
    {
      g_autofree char *note = NULL;
      g_autofree char *show = NULL;

      /* Translators: under an entry struck through; %lld is the number of its correction */
      note = g_strdup_printf (_("Corrected by entry #%lld."), (long long) corrected_by);
      gtk_label_set_text (self->note_label, note);
      set_struck (self->note_label, FALSE);
      /* Translators: a button that goes to entry #N */
      show = g_strdup_printf (_("Show #%lld"), (long long) corrected_by);
      gtk_button_set_label (self->show_button, show);
      self->target_id = corrected_by;
    }
  else if (cr_log_entry_get_corrects_id (entry) > 0)
    {
      gint64 corrected_id = cr_log_entry_get_corrects_id (entry);
      g_autofree char *note = NULL;
      g_autofree char *show = NULL;
      g_autofree char *old_text = short_text (corrects ? cr_log_entry_get_text (corrects) : NULL);

      /* Translators: under a correction: the number and text of the entry it corrects */
      note = g_strdup_printf (_("Corrects entry #%lld: “%s”"), (long long) corrected_id, old_text);
      gtk_label_set_text (self->note_label, note);
      show = g_strdup_printf (_("Show #%lld"), (long long) corrected_id);
      gtk_button_set_label (self->show_button, show);
      self->target_id = corrected_id;
    }
  gtk_widget_set_visible (self->note_box, self->target_id > 0);

  /* Translators: accessible name of an entry's "Correct…" button; %lld is its number */
  accessible = g_strdup_printf (_("Correct entry #%lld"), (long long) id);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->correct_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible, -1);
  if (self->target_id > 0)
    {
      g_autofree char *show_name = g_strdup_printf (_("Show entry #%lld"), (long long) self->target_id);

      gtk_accessible_update_property (GTK_ACCESSIBLE (self->show_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      show_name, -1);
    }
}

/**
 * cr_log_entry_row_get_entry:
 *
 * Returns: (transfer none) (nullable): the entry shown
 */
CrLogEntry *
cr_log_entry_row_get_entry (CrLogEntryRow *self)
{
  g_return_val_if_fail (CR_IS_LOG_ENTRY_ROW (self), NULL);

  return self->entry;
}

/* Whether the text shows struck through: a later entry corrects it. */
gboolean
cr_log_entry_row_get_struck_through (CrLogEntryRow *self)
{
  PangoAttrList *attrs;
  g_autoptr(PangoAttrIterator) iter = NULL;

  g_return_val_if_fail (CR_IS_LOG_ENTRY_ROW (self), FALSE);

  attrs = gtk_label_get_attributes (self->text_label);
  if (attrs == NULL)
    return FALSE;
  iter = pango_attr_list_get_iterator (attrs);
  return pango_attr_iterator_get (iter, PANGO_ATTR_STRIKETHROUGH) != NULL;
}

/* The note under the text: what corrects it, or what it corrects. */
const char *
cr_log_entry_row_get_note (CrLogEntryRow *self)
{
  g_return_val_if_fail (CR_IS_LOG_ENTRY_ROW (self), NULL);

  return gtk_widget_get_visible (self->note_box) ? gtk_label_get_text (self->note_label) : NULL;
}

/**
 * cr_log_entry_row_get_correct_button:
 *
 * Returns: (transfer none): the "Correct…" button
 */
GtkButton *
cr_log_entry_row_get_correct_button (CrLogEntryRow *self)
{
  g_return_val_if_fail (CR_IS_LOG_ENTRY_ROW (self), NULL);

  return self->correct_button;
}
