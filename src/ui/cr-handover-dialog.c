/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cr-handover-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cr-datetime-row.h"
#include "cr-handover-dialog.h"
#include "cr-handover.h"
#include "cr-ops-utils.h"
#include "cr-shift.h"
#include "cr-text-prompt.h"
#include "cr-time.h"
#include "cr-ui-utils.h"
#include "cr-window.h"

/**
 * CrHandoverDialog:
 *
 * The shift handover: for a period (by default since the last handover
 * recorded in the logbook, or the last eight hours), what the next
 * operator must know — open and overdue checklist items, decisions and
 * incidents, map features changed, alert tests — as cr_handover makes
 * it. It can be copied (Markdown text), exported as Markdown or PDF, and
 * recorded: a logbook entry "Shift handover to …" written by the
 * outgoing operator, after which the next operator is on shift.
 */
struct _CrHandoverDialog
{
  AdwWindow parent_instance;

  AdwToastOverlay *toast_overlay;
  AdwWindowTitle *window_title;
  CrDatetimeRow *from_row;
  CrDatetimeRow *to_row;
  GtkLabel *error_label;
  GtkTextView *summary_view;

  CrStore *store;
  GSettings *settings;
  CrHandover *handover;
  char *markdown;
  guint updating;
};

G_DEFINE_FINAL_TYPE (CrHandoverDialog, cr_handover_dialog, ADW_TYPE_WINDOW)

#define DEFAULT_PERIOD (8 * G_TIME_SPAN_HOUR)
/* An older handover is another day's: the period is the last 8 hours. */
#define MAX_SINCE_HANDOVER (24 * G_TIME_SPAN_HOUR)

/* ---- Showing the Markdown ---- */

static void
ensure_tags (GtkTextBuffer *buffer)
{
  GtkTextTagTable *table = gtk_text_buffer_get_tag_table (buffer);

  if (gtk_text_tag_table_lookup (table, "h1") != NULL)
    return;
  gtk_text_buffer_create_tag (buffer, "h1", "weight", PANGO_WEIGHT_BOLD, "scale", 1.5,
                              "pixels-below-lines", 8, NULL);
  gtk_text_buffer_create_tag (buffer, "h2", "weight", PANGO_WEIGHT_BOLD, "scale", 1.25,
                              "pixels-above-lines", 14, "pixels-below-lines", 4, NULL);
  gtk_text_buffer_create_tag (buffer, "h3", "weight", PANGO_WEIGHT_BOLD, "scale", 1.05,
                              "pixels-above-lines", 8, "pixels-below-lines", 2, NULL);
  gtk_text_buffer_create_tag (buffer, "bold", "weight", PANGO_WEIGHT_BOLD, NULL);
  gtk_text_buffer_create_tag (buffer, "strike", "strikethrough", TRUE, NULL);
  gtk_text_buffer_create_tag (buffer, "bullet", "left-margin", 36, "indent", -14, NULL);
  gtk_text_buffer_create_tag (buffer, "rule", "pixels-above-lines", 12, "scale", 0.85, NULL);
}

/* Inline marks: **bold** and ~~struck through~~, the only ones the
 * handover writes; the rest is plain text. */
static void
insert_inline (GtkTextBuffer *buffer,
               GtkTextIter   *iter,
               const char    *text,
               const char    *line_tag)
{
  gboolean bold = FALSE, strike = FALSE;
  const char *p = text;

  while (*p != '\0')
    {
      const char *next_bold = strstr (p, "**");
      const char *next_strike = strstr (p, "~~");
      const char *next = next_bold;
      const char *tags[3] = { NULL, NULL, NULL };
      int n = 0;

      if (next == NULL || (next_strike != NULL && next_strike < next))
        next = next_strike;
      if (next == NULL)
        next = p + strlen (p);
      if (line_tag != NULL)
        tags[n++] = line_tag;
      if (bold)
        tags[n++] = "bold";
      if (strike && n < 3)
        tags[n++] = "strike";
      if (next > p)
        gtk_text_buffer_insert_with_tags_by_name (buffer, iter, p, (int) (next - p), tags[0], tags[1], tags[2],
                                                  NULL);
      if (*next == '\0')
        break;
      if (strncmp (next, "**", 2) == 0)
        bold = !bold;
      else
        strike = !strike;
      p = next + 2;
    }
}

static void
show_markdown (CrHandoverDialog *self,
               const char       *markdown)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->summary_view);
  g_auto(GStrv) lines = g_strsplit (markdown, "\n", -1);
  GtkTextIter iter;

  ensure_tags (buffer);
  gtk_text_buffer_set_text (buffer, "", 0);
  gtk_text_buffer_get_end_iter (buffer, &iter);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = lines[i];

      /* No blank line at the very end. */
      if (lines[i + 1] == NULL && *line == '\0')
        break;
      if (g_str_has_prefix (line, "### "))
        insert_inline (buffer, &iter, line + 4, "h3");
      else if (g_str_has_prefix (line, "## "))
        insert_inline (buffer, &iter, line + 3, "h2");
      else if (g_str_has_prefix (line, "# "))
        insert_inline (buffer, &iter, line + 2, "h1");
      else if (g_str_has_prefix (line, "- "))
        {
          gtk_text_buffer_insert_with_tags_by_name (buffer, &iter, "•  ", -1, "bullet", NULL);
          insert_inline (buffer, &iter, line + 2, "bullet");
        }
      else if (g_str_equal (line, "---"))
        gtk_text_buffer_insert_with_tags_by_name (buffer, &iter, "—", -1, "rule", NULL);
      else
        insert_inline (buffer, &iter, line, NULL);
      if (lines[i + 1] != NULL)
        gtk_text_buffer_insert (buffer, &iter, "\n", 1);
    }
}

/* The summary of the period as the store has it now. */
static void
update_summary (CrHandoverDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = cr_time_now_utc ();
  g_autofree char *from_text = NULL;
  g_autofree char *to_text = NULL;
  g_autofree char *subtitle = NULL;
  GDateTime *from = cr_datetime_row_get_datetime (self->from_row);
  GDateTime *to = cr_datetime_row_get_datetime (self->to_row);
  CrHandover *handover;

  if (self->store == NULL || self->updating > 0 || from == NULL || to == NULL)
    return;
  if (g_date_time_compare (from, to) >= 0)
    {
      cr_ui_show_error_label (self->error_label,
                              _("The period ends before it starts. Change its start or its end."));
      return;
    }
  handover = cr_handover_new (self->store, from, to, now, &error);
  if (handover == NULL)
    {
      cr_ui_show_error_label (self->error_label, error->message);
      return;
    }
  cr_ui_show_error_label (self->error_label, NULL);
  g_clear_pointer (&self->handover, cr_handover_unref);
  self->handover = handover;
  g_free (self->markdown);
  self->markdown = cr_handover_to_markdown (handover);
  show_markdown (self, self->markdown);

  from_text = cr_ops_format_time (from, now);
  to_text = cr_ops_format_time (to, now);
  /* Translators: the handover's period, e.g. "06:00 – 14:00" */
  subtitle = g_strdup_printf (_("%s – %s"), from_text, to_text);
  adw_window_title_set_subtitle (self->window_title, subtitle);
}

static void
period_changed_cb (CrHandoverDialog *self)
{
  update_summary (self);
}

/* ---- Copy, export ---- */

static void
copy_clicked_cb (CrHandoverDialog *self)
{
  cr_handover_dialog_copy (self);
}

static gpointer
handover_ref (gpointer handover)
{
  return cr_handover_ref (handover);
}

static void
handover_unref (gpointer handover)
{
  cr_handover_unref (handover);
}

static void
handover_export (gpointer             handover,
                 const char          *path,
                 GCancellable        *cancellable,
                 GAsyncReadyCallback  callback,
                 gpointer             user_data)
{
  cr_handover_export_async (handover, path, cancellable, callback, user_data);
}

static void
export (CrHandoverDialog *self,
        gboolean          pdf,
        const char       *path)
{
  CrOpsExport export = { 0 };
  g_autofree char *day = NULL;
  g_autofree char *file_name = NULL;

  if (self->handover == NULL)
    return;
  day = cr_time_format_local (self->handover->to, "%Y-%m-%d %Hh%M");
  /* Translators: the file name of a handover summary; %s is a date and time */
  file_name = g_strdup_printf (_("Shift handover %s.%s"), day, pdf ? "pdf" : "md");
  export.title = pdf ? _("Export Handover as PDF") : _("Export Handover as Markdown");
  export.file_name = file_name;
  export.filter_name = pdf ? _("PDF documents") : _("Markdown documents");
  export.suffix = pdf ? "pdf" : "md";
  export.done_message = _("Handover summary exported");
  export.report = self->handover;
  export.report_ref = handover_ref;
  export.report_unref = handover_unref;
  export.export = handover_export;
  export.finish = cr_handover_export_finish;
  if (path != NULL)
    cr_ops_export_to_path (GTK_WIDGET (self), &export, path);
  else
    cr_ops_export_choose (GTK_WIDGET (self), &export);
}

static void
export_pdf_clicked_cb (CrHandoverDialog *self)
{
  export (self, TRUE, NULL);
}

static void
export_markdown_clicked_cb (CrHandoverDialog *self)
{
  export (self, FALSE, NULL);
}

/* ---- Recording the handover ---- */

typedef struct
{
  CrHandoverDialog *dialog;
} RecordRequest;

static void
record_request_free (gpointer data)
{
  RecordRequest *request = data;

  g_clear_object (&request->dialog);
  g_free (request);
}

static char *
handover_text (CrHandover *handover,
               const char *next_operator)
{
  g_autoptr(GString) text = g_string_new (NULL);
  guint n_open = 0, n_overdue = 0;

  for (guint i = 0; i < handover->activations->len; i++)
    {
      CrHandoverActivation *activation = g_ptr_array_index (handover->activations, i);

      n_open += activation->open_items->len;
      n_overdue += activation->n_overdue;
    }
  /* Translators: a logbook entry; %s is the next operator's name */
  g_string_append_printf (text, _("Shift handover to %s."), next_operator);
  g_string_append_c (text, ' ');
  /* Translators: part of the handover's logbook entry */
  g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u checklist item open", "%u checklist items open",
                                             n_open),
                          n_open);
  /* Translators: part of the handover's logbook entry, after "N checklist items open" */
  g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, ", %u overdue.", ", %u overdue.", n_overdue),
                          n_overdue);
  if (handover->logbook_head != NULL)
    {
      g_string_append_c (text, ' ');
      /* Translators: part of the handover's logbook entry: the entry
       * number and hash that seal the logbook the summary was made from */
      g_string_append_printf (text, _("Summary made up to logbook entry %lld, hash %s."),
                              (long long) handover->logbook_last_id, handover->logbook_head);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
next_operator_cb (const char *name,
                  gpointer    user_data)
{
  RecordRequest *request = user_data;
  CrHandoverDialog *self = request->dialog;
  g_autoptr(CrLogEntry) entry = cr_log_entry_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *done = NULL;
  GtkWindow *parent;

  if (self->handover == NULL)
    return;
  text = handover_text (self->handover, name);
  cr_log_entry_set_category (entry, CR_LOG_CATEGORY_INFORMATION);
  cr_log_entry_set_text (entry, text);
  /* With one activation in progress, the handover is part of its record
   * (and of its report). */
  {
    CrActivation *in_progress = NULL;
    guint n_open = 0;

    for (guint i = 0; i < self->handover->activations->len; i++)
      {
        CrHandoverActivation *activation = g_ptr_array_index (self->handover->activations, i);

        if (!cr_activation_is_closed (activation->activation))
          {
            in_progress = activation->activation;
            n_open++;
          }
      }
    if (n_open == 1)
      cr_log_entry_set_activation_id (entry, cr_record_get_id (CR_RECORD (in_progress)));
  }
  /* Written by the outgoing operator; then the next one is on shift. */
  if (!cr_store_append_log_entry (self->store, entry, &error))
    {
      cr_ui_show_error_label (self->error_label, error->message);
      return;
    }
  cr_shift_set_operator (self->store, self->settings, name);

  /* Translators: %s is the next operator's name */
  done = g_strdup_printf (_("Handover recorded in the logbook; %s is on shift"), name);
  parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  if (CR_IS_WINDOW (parent))
    cr_window_add_toast (CR_WINDOW (parent), adw_toast_new (done));
  gtk_window_close (GTK_WINDOW (self));
}

static void
record_clicked_cb (CrHandoverDialog *self)
{
  cr_handover_dialog_record (self);
}

/* ---- Object ---- */

static void
store_changed_cb (CrHandoverDialog *self)
{
  update_summary (self);
}

static void
cr_handover_dialog_dispose (GObject *object)
{
  CrHandoverDialog *self = CR_HANDOVER_DIALOG (object);

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), CR_TYPE_HANDOVER_DIALOG);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->handover, cr_handover_unref);
  g_clear_pointer (&self->markdown, g_free);

  G_OBJECT_CLASS (cr_handover_dialog_parent_class)->dispose (object);
}

static void
cr_handover_dialog_class_init (CrHandoverDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cr_handover_dialog_dispose;

  g_type_ensure (CR_TYPE_DATETIME_ROW);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/cr-handover-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CrHandoverDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, CrHandoverDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, CrHandoverDialog, from_row);
  gtk_widget_class_bind_template_child (widget_class, CrHandoverDialog, to_row);
  gtk_widget_class_bind_template_child (widget_class, CrHandoverDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, CrHandoverDialog, summary_view);
  gtk_widget_class_bind_template_callback (widget_class, period_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, copy_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, export_pdf_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, export_markdown_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, record_clicked_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
cr_handover_dialog_init (CrHandoverDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  cr_datetime_row_set_nullable (self->from_row, FALSE);
  cr_datetime_row_set_nullable (self->to_row, FALSE);
}

/* Case and accents aside, whether @text starts with @prefix. */
static gboolean
starts_with (const char *text,
             const char *prefix)
{
  g_autofree char *folded_text = g_utf8_casefold (text, -1);
  g_autofree char *folded_prefix = g_utf8_casefold (prefix, -1);

  return g_str_has_prefix (folded_text, folded_prefix);
}

/* When the last handover was recorded, if it was today; else %NULL. */
static GDateTime *
last_handover (CrStore   *store,
               GDateTime *now)
{
  /* Translators: must be the start of "Shift handover to %s." */
  const char *prefix = _("Shift handover to");
  CrLogFilter filter = { 0 };
  g_autoptr(GListModel) entries = NULL;
  g_autoptr(GDateTime) since = g_date_time_add (now, -MAX_SINCE_HANDOVER);

  filter.categories = CR_LOG_CATEGORY_MASK (CR_LOG_CATEGORY_INFORMATION);
  filter.from = since;
  entries = cr_store_list_log_entries (store, &filter, NULL);
  for (guint i = entries != NULL ? g_list_model_get_n_items (entries) : 0; i > 0; i--)
    {
      g_autoptr(CrLogEntry) entry = g_list_model_get_item (entries, i - 1);
      const char *text = cr_log_entry_get_text (entry);
      GDateTime *at = cr_log_entry_get_occurred_at (entry);

      if (at == NULL)
        at = cr_log_entry_get_recorded_at (entry);
      /* The entries of another language's interface too. */
      if (at != NULL && text != NULL && (starts_with (text, prefix) || starts_with (text, "Shift handover to")) &&
          g_date_time_compare (at, now) < 0)
        return g_date_time_ref (at);
    }
  return NULL;
}

/**
 * cr_handover_dialog_new:
 * @settings: where the operator's name is remembered
 * @parent: (nullable): the window it belongs to
 *
 * Returns: (transfer none): the dialog, for the period since the last
 *   handover (or the last eight hours) until now, not yet presented; it
 *   is destroyed when closed
 */
CrHandoverDialog *
cr_handover_dialog_new (CrStore   *store,
                        GSettings *settings,
                        GtkWindow *parent)
{
  CrHandoverDialog *self;
  g_autoptr(GDateTime) now = cr_time_now_utc ();
  g_autoptr(GDateTime) from = NULL;

  g_return_val_if_fail (CR_IS_STORE (store), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (CR_TYPE_HANDOVER_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->settings = g_object_ref (settings);
  from = last_handover (store, now);
  if (from == NULL)
    from = g_date_time_add (now, -DEFAULT_PERIOD);
  cr_handover_dialog_set_period (self, from, now);
  g_signal_connect_swapped (store, "changed", G_CALLBACK (store_changed_cb), self);
  return self;
}

void
cr_handover_dialog_set_period (CrHandoverDialog *self,
                               GDateTime        *from,
                               GDateTime        *to)
{
  g_return_if_fail (CR_IS_HANDOVER_DIALOG (self));
  g_return_if_fail (from != NULL && to != NULL);

  self->updating++;
  cr_datetime_row_set_datetime (self->from_row, from);
  cr_datetime_row_set_datetime (self->to_row, to);
  self->updating--;
  update_summary (self);
}

/**
 * cr_handover_dialog_get_from:
 *
 * Returns: (transfer none) (nullable): the start of the period
 */
GDateTime *
cr_handover_dialog_get_from (CrHandoverDialog *self)
{
  g_return_val_if_fail (CR_IS_HANDOVER_DIALOG (self), NULL);

  return cr_datetime_row_get_datetime (self->from_row);
}

/**
 * cr_handover_dialog_get_markdown:
 *
 * Returns: (nullable): the summary as Markdown, what "Copy" copies
 */
const char *
cr_handover_dialog_get_markdown (CrHandoverDialog *self)
{
  g_return_val_if_fail (CR_IS_HANDOVER_DIALOG (self), NULL);

  return self->markdown;
}

/**
 * cr_handover_dialog_get_shown_text:
 *
 * Returns: (transfer full): the text the dialog shows
 */
char *
cr_handover_dialog_get_shown_text (CrHandoverDialog *self)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  g_return_val_if_fail (CR_IS_HANDOVER_DIALOG (self), NULL);

  buffer = gtk_text_view_get_buffer (self->summary_view);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* "Copy to Clipboard": the Markdown text, which reads as plain text in
 * an e-mail or a chat. */
void
cr_handover_dialog_copy (CrHandoverDialog *self)
{
  g_return_if_fail (CR_IS_HANDOVER_DIALOG (self));

  if (self->markdown == NULL)
    return;
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), self->markdown);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (_("Handover summary copied to the clipboard")));
}

/* Exports the summary to @path (.pdf or .md) in a worker thread. */
void
cr_handover_dialog_export (CrHandoverDialog *self,
                           const char       *path)
{
  g_return_if_fail (CR_IS_HANDOVER_DIALOG (self));
  g_return_if_fail (path != NULL);

  export (self, g_str_has_suffix (path, ".pdf"), path);
}

/**
 * cr_handover_dialog_record:
 *
 * What "Record Handover…" does: asks the next operator's name, writes the
 * handover in the logbook and makes the next operator the one on shift.
 *
 * Returns: (transfer none): the prompt
 */
AdwMessageDialog *
cr_handover_dialog_record (CrHandoverDialog *self)
{
  RecordRequest *request;
  g_autofree char *body = NULL;

  g_return_val_if_fail (CR_IS_HANDOVER_DIALOG (self), NULL);

  request = g_new0 (RecordRequest, 1);
  request->dialog = g_object_ref (self);
  /* Translators: %s is the outgoing operator's name */
  body = g_strdup_printf (_("%s writes “Shift handover to …” in the logbook, with the number of open "
                            "items and the logbook’s seal. Then the next operator is on shift: the next "
                            "ticks and entries carry their name."),
                          cr_store_get_operator (self->store));
  return cr_text_prompt_new (GTK_WIDGET (self), _("Record Handover?"), body, _("Name of the next operator"),
                             _("_Record Handover"), FALSE, next_operator_cb, request, record_request_free);
}
