/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cr-contact-import-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "cr-contact-import-dialog.h"
#include "cr-ui-utils.h"

/**
 * CrContactImportDialog:
 *
 * Imports contacts from a CSV (or vCard) file in the steps of
 * #CrContactImport: the file is read and its separator and encoding
 * shown; a table of its first rows has a drop-down over each column to
 * say what it holds; the check lists the rows that cannot be imported,
 * by line number and why (then nothing is imported), the numbers and
 * addresses imported as written, and the duplicates of existing
 * contacts, each with merge / add as new / skip; then the import, all or
 * nothing.
 *
 * Reading, checking and importing run in a worker thread with a store
 * of its own on the same file (a store belongs to one thread), so the
 * window stays responsive on a large file; the window's store then
 * picks the import up through live sharing. #CrContactImportDialog::finished
 * says how it went.
 */
struct _CrContactImportDialog
{
  AdwWindow parent_instance;

  AdwWindowTitle *window_title;
  GtkButton *cancel_button;
  GtkButton *next_button;
  GtkButton *back_button;
  GtkStack *stack;
  GtkLabel *busy_label;
  GtkProgressBar *progress;
  GtkLabel *format_label;
  GtkGrid *preview_grid;
  AdwEntryRow *default_partner_row;
  GtkBox *check_box;
  AdwStatusPage *error_page;

  CrStore *store;
  char *db_path;
  char *operator_name;
  char *file_path;
  CrContactImport *import;
  GPtrArray *column_drops;    /* GtkDropDown per column */
  GPtrArray *duplicate_drops; /* GtkDropDown per duplicate */
  GCancellable *cancellable;
  guint pulse_id;
  gboolean busy;
  gboolean importing;
  gboolean can_import;
};

G_DEFINE_FINAL_TYPE (CrContactImportDialog, cr_contact_import_dialog, ADW_TYPE_WINDOW)

enum
{
  FINISHED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

#define PREVIEW_ROWS 8

typedef enum
{
  OP_READ,
  OP_ANALYSE,
  OP_RUN,
} Op;

typedef struct
{
  Op op;
  char *path;     /* OP_READ: the file */
  char *db_path;  /* OP_ANALYSE, OP_RUN: the database */
  char *operator_name;
  CrContactImport *import;
  CrContactImportCounts counts;
} Job;

static void
job_free (Job *job)
{
  g_free (job->path);
  g_free (job->db_path);
  g_free (job->operator_name);
  g_clear_object (&job->import);
  g_free (job);
}

/* ---- Worker thread ---- */

static void
job_thread (GTask        *task,
            gpointer      source_object,
            gpointer      task_data,
            GCancellable *cancellable)
{
  Job *job = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(CrStore) store = NULL;

  if (job->op == OP_READ)
    {
      CrContactImport *import = cr_contact_import_new_for_file (job->path, &error);

      if (import == NULL)
        g_task_return_error (task, g_steal_pointer (&error));
      else
        g_task_return_pointer (task, import, g_object_unref);
      return;
    }

  /* A store belongs to one thread: this one opens its own on the file,
   * without the watcher that would report on the main loop. */
  store = cr_store_open_unwatched (job->db_path, &error);
  if (store == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (job->operator_name != NULL)
    cr_store_set_operator (store, job->operator_name);
  if (job->op == OP_ANALYSE ? cr_contact_import_analyse (job->import, store, &error)
                            : cr_contact_import_run (job->import, store, &job->counts, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

/* ---- Helpers ---- */

static gboolean
pulse_cb (gpointer user_data)
{
  CrContactImportDialog *self = user_data;

  gtk_progress_bar_pulse (self->progress);
  return G_SOURCE_CONTINUE;
}

static void
set_busy (CrContactImportDialog *self,
          const char            *text)
{
  self->busy = text != NULL;
  if (text != NULL)
    {
      gtk_label_set_text (self->busy_label, text);
      gtk_stack_set_visible_child_name (self->stack, "busy");
      if (self->pulse_id == 0)
        self->pulse_id = g_timeout_add (100, pulse_cb, self);
    }
  else
    g_clear_handle_id (&self->pulse_id, g_source_remove);
  gtk_widget_set_visible (GTK_WIDGET (self->next_button), text == NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->back_button), FALSE);
}

static void
show_error (CrContactImportDialog *self,
            const char            *message)
{
  set_busy (self, NULL);
  adw_status_page_set_description (self->error_page, message);
  gtk_stack_set_visible_child_name (self->stack, "error");
  gtk_widget_set_visible (GTK_WIDGET (self->next_button), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->back_button), self->import != NULL);
  gtk_button_set_label (self->cancel_button, _("_Close"));
  gtk_widget_set_sensitive (GTK_WIDGET (self->cancel_button), TRUE);
}

static void
start (CrContactImportDialog *self,
       Job                   *job,
       const char            *busy_text,
       GAsyncReadyCallback    callback)
{
  g_autoptr(GTask) task = g_task_new (NULL, self->cancellable, callback, g_object_ref (self));

  set_busy (self, busy_text);
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  g_task_run_in_thread (task, job_thread);
}

static const char *
delimiter_name (char delimiter)
{
  switch (delimiter)
    {
    case ';':
      return _("semicolon");
    case ',':
      return _("comma");
    case '\t':
      return _("tab");
    default:
      return "?";
    }
}

/* ---- Preview ---- */

static GtkStringList *
column_choices (void)
{
  GtkStringList *list = gtk_string_list_new (NULL);

  for (CrContactColumn column = 0; column < CR_N_CONTACT_COLUMNS; column++)
    gtk_string_list_append (list, cr_contact_column_label (column));
  return list;
}

static void
column_changed_cb (CrContactImportDialog *self)
{
  guint n_columns = self->column_drops->len;
  g_autofree CrContactColumn *mapping = g_new0 (CrContactColumn, n_columns);

  for (guint i = 0; i < n_columns; i++)
    mapping[i] = gtk_drop_down_get_selected (g_ptr_array_index (self->column_drops, i));
  cr_contact_import_set_mapping (self->import, mapping, n_columns);
}

static GtkWidget *
cell_label (const char *text,
            gboolean    header)
{
  g_autofree char *flat = g_strdup (text != NULL ? text : "");
  GtkWidget *label;

  /* A quoted field may hold line breaks: one line in the preview. */
  g_strdelimit (flat, "\r\n", ' ');
  label = gtk_label_new (flat);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 28);
  gtk_label_set_width_chars (GTK_LABEL (label), 8);
  if (header)
    gtk_widget_add_css_class (label, "heading");
  return label;
}

static void
fill_preview (CrContactImportDialog *self)
{
  CrContactImport *import = self->import;
  guint n_columns = cr_contact_import_get_n_columns (import);
  guint n_rows = cr_contact_import_get_n_rows (import);
  const char *const *headers = cr_contact_import_get_headers (import);
  guint n_mapped;
  const CrContactColumn *mapping = cr_contact_import_get_mapping (import, &n_mapped);
  g_autofree char *format = NULL;
  g_autofree char *rows_text = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->preview_grid))) != NULL)
    gtk_grid_remove (self->preview_grid, child);
  g_ptr_array_set_size (self->column_drops, 0);

  rows_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u row", "%u rows", n_rows), n_rows);
  if (cr_contact_import_is_vcard (import))
    /* Translators: what was found in the file: "vCard · 12 rows". */
    format = g_strdup_printf (_("vCard · %s"), rows_text);
  else
    /* Translators: what was found in a CSV file: separator, encoding, rows. */
    format = g_strdup_printf (_("Separator: %s · Encoding: %s · %s"),
                              delimiter_name (cr_contact_import_get_delimiter (import)),
                              cr_contact_import_get_had_bom (import) ? _("UTF-8 with byte-order mark")
                                                                     : _("UTF-8"),
                              rows_text);
  gtk_label_set_text (self->format_label, format);

  for (guint c = 0; c < n_columns; c++)
    {
      g_autoptr(GtkStringList) choices = column_choices ();
      GtkWidget *drop = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&choices)), NULL);
      const char *header = headers != NULL && headers[c] != NULL ? headers[c] : "";
      /* Translators: accessible name of the drop-down over a column; %s is the column's header. */
      g_autofree char *name = g_strdup_printf (_("What the column “%s” holds"), header);

      gtk_drop_down_set_selected (GTK_DROP_DOWN (drop), c < n_mapped ? mapping[c] : CR_CONTACT_COLUMN_IGNORE);
      gtk_widget_set_tooltip_text (drop, name);
      gtk_accessible_update_property (GTK_ACCESSIBLE (drop), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
      g_signal_connect_swapped (drop, "notify::selected", G_CALLBACK (column_changed_cb), self);
      gtk_widget_set_margin_top (drop, 6);
      gtk_grid_attach (self->preview_grid, drop, (int) c, 0, 1, 1);
      g_ptr_array_add (self->column_drops, drop);
      if (headers != NULL)
        gtk_grid_attach (self->preview_grid, cell_label (header, TRUE), (int) c, 1, 1, 1);
    }
  for (guint r = 0; r < n_rows && r < PREVIEW_ROWS; r++)
    {
      guint line;
      const char *const *fields = cr_contact_import_get_row (import, r, &line);

      for (guint c = 0; fields != NULL && c < n_columns && fields[c] != NULL; c++)
        gtk_grid_attach (self->preview_grid, cell_label (fields[c], FALSE), (int) c, (int) r + 2, 1, 1);
    }
  for (GtkWidget *w = gtk_widget_get_first_child (GTK_WIDGET (self->preview_grid)); w != NULL;
       w = gtk_widget_get_next_sibling (w))
    {
      gtk_widget_set_margin_start (w, 6);
      gtk_widget_set_margin_end (w, 6);
    }

  set_busy (self, NULL);
  gtk_stack_set_visible_child_name (self->stack, "preview");
  gtk_button_set_label (self->next_button, _("_Check"));
  gtk_widget_set_sensitive (GTK_WIDGET (self->next_button), TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->back_button), FALSE);
}

static void
read_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(CrContactImportDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  CrContactImport *import = g_task_propagate_pointer (G_TASK (result), &error);

  if (g_task_had_error (G_TASK (result)) && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (import == NULL)
    {
      show_error (self, error->message);
      return;
    }
  g_clear_object (&self->import);
  self->import = import;
  fill_preview (self);
}

/* ---- Check ---- */

static GtkWidget *
heading (const char *text,
         const char *style)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "heading");
  if (style != NULL)
    gtk_widget_add_css_class (label, style);
  return label;
}

static GtkWidget *
text_label (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  return label;
}

static GtkWidget *
line_list (GArray *problems)
{
  GtkWidget *list = gtk_list_box_new ();

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  for (guint i = 0; i < problems->len; i++)
    {
      const CrImportProblem *p = &g_array_index (problems, CrImportProblem, i);
      /* Translators: a line of the imported file and what is wrong with it. */
      g_autofree char *text = g_strdup_printf (_("Line %u: %s"), p->line, p->message);
      GtkWidget *label = text_label (text);

      /* The operator may copy a line to find it in the spreadsheet. */
      gtk_label_set_selectable (GTK_LABEL (label), TRUE);
      gtk_widget_set_margin_top (label, 8);
      gtk_widget_set_margin_bottom (label, 8);
      gtk_widget_set_margin_start (label, 12);
      gtk_widget_set_margin_end (label, 12);
      gtk_list_box_append (GTK_LIST_BOX (list), label);
    }
  return list;
}

static void
duplicate_changed_cb (GtkDropDown           *drop,
                      GParamSpec            *pspec,
                      CrContactImportDialog *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (drop), "cr-index"));

  cr_contact_import_set_duplicate_action (self->import, index, gtk_drop_down_get_selected (drop));
}

static GtkWidget *
duplicates_list (CrContactImportDialog *self,
                 GArray                *duplicates)
{
  GtkWidget *list = gtk_list_box_new ();
  const char *const actions[] = { N_("Merge"), N_("Add as new"), N_("Skip"), NULL };

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  g_ptr_array_set_size (self->duplicate_drops, 0);
  for (guint i = 0; i < duplicates->len; i++)
    {
      const CrImportDuplicate *d = &g_array_index (duplicates, CrImportDuplicate, i);
      GtkWidget *row = adw_action_row_new ();
      g_autoptr(GtkStringList) choices = gtk_string_list_new (NULL);
      GtkWidget *drop;
      /* Translators: a line of the file and the name on it. */
      g_autofree char *title = g_strdup_printf (_("Line %u: %s"), d->line, d->name);
      g_autofree char *subtitle = NULL;
      g_autofree char *name = NULL;

      if (d->reason == CR_DUPLICATE_SAME_EMAIL)
        /* Translators: an existing contact, its partner, and the address they share. */
        subtitle = g_strdup_printf (_("Same e-mail address as %s (%s): %s"), d->contact_name,
                                    d->partner_name != NULL ? d->partner_name : "—", d->value);
      else
        /* Translators: an existing contact, its partner, and the number they share. */
        subtitle = g_strdup_printf (_("Same number as %s (%s): %s"), d->contact_name,
                                    d->partner_name != NULL ? d->partner_name : "—", d->value);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      for (guint a = 0; actions[a] != NULL; a++)
        gtk_string_list_append (choices, _(actions[a]));
      drop = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&choices)), NULL);
      gtk_drop_down_set_selected (GTK_DROP_DOWN (drop), d->action);
      gtk_widget_set_valign (drop, GTK_ALIGN_CENTER);
      /* Translators: accessible name of the choice for a duplicate row. */
      name = g_strdup_printf (_("What to do with line %u"), d->line);
      gtk_accessible_update_property (GTK_ACCESSIBLE (drop), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
      g_object_set_data (G_OBJECT (drop), "cr-index", GUINT_TO_POINTER (i));
      g_signal_connect (drop, "notify::selected", G_CALLBACK (duplicate_changed_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), drop);
      g_ptr_array_add (self->duplicate_drops, drop);
      gtk_list_box_append (GTK_LIST_BOX (list), row);
    }
  return list;
}

static void
fill_check (CrContactImportDialog *self)
{
  GArray *problems = cr_contact_import_get_problems (self->import);
  GArray *warnings = cr_contact_import_get_warnings (self->import);
  GArray *duplicates = cr_contact_import_get_duplicates (self->import);
  const char *const *new_partners = cr_contact_import_get_new_partners (self->import);
  guint n = cr_contact_import_get_n_contacts (self->import);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->check_box))) != NULL)
    gtk_box_remove (self->check_box, child);

  self->can_import = problems->len == 0;
  if (problems->len > 0)
    {
      g_autofree char *title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                             "%u row cannot be imported",
                                                             "%u rows cannot be imported",
                                                             problems->len),
                                                problems->len);

      gtk_box_append (self->check_box, heading (title, "error"));
      gtk_box_append (self->check_box,
                      text_label (_("Nothing will be imported while a row is wrong: correct these "
                                    "lines in the file and import it again, or go back and change "
                                    "what the columns hold.")));
      gtk_box_append (self->check_box, line_list (problems));
    }
  else
    {
      g_autofree char *title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                             "Ready to import %u contact",
                                                             "Ready to import %u contacts", n),
                                                n);

      gtk_box_append (self->check_box, heading (title, NULL));
      if (new_partners != NULL && new_partners[0] != NULL)
        {
          g_autofree char *names = g_strjoinv (", ", (char **) new_partners);
          /* Translators: %s is a list of partner names. */
          g_autofree char *text = g_strdup_printf (_("New partners: %s"), names);

          gtk_box_append (self->check_box, text_label (text));
        }
      gtk_box_append (self->check_box,
                      text_label (_("The import is one step: everything or nothing.")));
    }
  if (duplicates->len > 0 && problems->len == 0)
    {
      gtk_box_append (self->check_box, heading (_("Already in the Directory"), NULL));
      gtk_box_append (self->check_box,
                      text_label (_("Merge writes the file’s values into the existing contact; "
                                    "add as new keeps both; skip leaves the row out.")));
      gtk_box_append (self->check_box, duplicates_list (self, duplicates));
    }
  if (warnings->len > 0 && problems->len == 0)
    {
      gtk_box_append (self->check_box, heading (_("Imported as Written"), "warning"));
      gtk_box_append (self->check_box,
                      text_label (_("These numbers and addresses are not valid; they are imported as "
                                    "they are and “Needs review” lists them.")));
      gtk_box_append (self->check_box, line_list (warnings));
    }

  set_busy (self, NULL);
  gtk_stack_set_visible_child_name (self->stack, "check");
  gtk_button_set_label (self->next_button, _("_Import"));
  gtk_widget_set_visible (GTK_WIDGET (self->next_button), TRUE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->next_button), self->can_import && n > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->back_button), !cr_contact_import_is_vcard (self->import));
}

static void
analyse_done_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(CrContactImportDialog) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_error (self, error->message);
      return;
    }
  fill_check (self);
}

static void
run_done_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(CrContactImportDialog) self = user_data;
  Job *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  guint n;

  self->importing = FALSE;
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      show_error (self, error->message);
      g_signal_emit (self, signals[FINISHED], 0, FALSE, error->message);
      return;
    }
  /* The window's store learns of the import now, not at the next
   * file-system notification. */
  cr_store_sync (self->store);
  n = job->counts.n_added + job->counts.n_merged;
  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Imported %u contact: %u new, %u merged",
                                          "Imported %u contacts: %u new, %u merged", n),
                             n, job->counts.n_added, job->counts.n_merged);
  set_busy (self, NULL);
  g_signal_emit (self, signals[FINISHED], 0, TRUE, message);
  gtk_window_destroy (GTK_WINDOW (self));
}

/* ---- Buttons ---- */

static void
next_clicked_cb (CrContactImportDialog *self)
{
  const char *step = gtk_stack_get_visible_child_name (self->stack);

  if (g_strcmp0 (step, "preview") == 0)
    cr_contact_import_dialog_check (self);
  else if (g_strcmp0 (step, "check") == 0)
    cr_contact_import_dialog_import (self);
}

static void
back_clicked_cb (CrContactImportDialog *self)
{
  if (self->import == NULL || self->busy)
    return;
  fill_preview (self);
}

/* ---- Class ---- */

static void
cr_contact_import_dialog_dispose (GObject *object)
{
  CrContactImportDialog *self = CR_CONTACT_IMPORT_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->pulse_id, g_source_remove);
  g_clear_object (&self->store);
  g_clear_object (&self->import);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->column_drops, g_ptr_array_unref);
  g_clear_pointer (&self->duplicate_drops, g_ptr_array_unref);
  g_clear_pointer (&self->db_path, g_free);
  g_clear_pointer (&self->operator_name, g_free);
  g_clear_pointer (&self->file_path, g_free);

  G_OBJECT_CLASS (cr_contact_import_dialog_parent_class)->dispose (object);
}

static gboolean
cr_contact_import_dialog_close_request (GtkWindow *window)
{
  CrContactImportDialog *self = CR_CONTACT_IMPORT_DIALOG (window);

  /* An import that started finishes: it is one transaction, and the
   * store must not be left to a thread nobody waits for. */
  if (self->importing)
    return TRUE;
  return GTK_WINDOW_CLASS (cr_contact_import_dialog_parent_class)->close_request (window);
}

static void
cr_contact_import_dialog_class_init (CrContactImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = cr_contact_import_dialog_dispose;
  window_class->close_request = cr_contact_import_dialog_close_request;

  /**
   * CrContactImportDialog::finished:
   * @success: whether the contacts were imported
   * @message: what happened, in words
   */
  signals[FINISHED] = g_signal_new ("finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                    NULL, NULL, G_TYPE_NONE, 2, G_TYPE_BOOLEAN, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/cr-contact-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CrContactImportDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, CrContactImportDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, CrContactImportDialog, next_button);
  gtk_widget_class_bind_template_child (widget_class, CrContactImportDialog, back_button);
  gtk_widget_class_bind_template_child (widget_class, CrContactImportDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, CrContactImportDialog, busy_label);
  gtk_widget_class_bind_template_child (widget_class, CrContactImportDialog, progress);
  gtk_widget_class_bind_template_child (widget_class, CrContactImportDialog, format_label);
  gtk_widget_class_bind_template_child (widget_class, CrContactImportDialog, preview_grid);
  gtk_widget_class_bind_template_child (widget_class, CrContactImportDialog, default_partner_row);
  gtk_widget_class_bind_template_child (widget_class, CrContactImportDialog, check_box);
  gtk_widget_class_bind_template_child (widget_class, CrContactImportDialog, error_page);
  gtk_widget_class_bind_template_callback (widget_class, next_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, back_clicked_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
cr_contact_import_dialog_init (CrContactImportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->column_drops = g_ptr_array_new ();
  self->duplicate_drops = g_ptr_array_new ();
  self->cancellable = g_cancellable_new ();
  gtk_widget_set_visible (GTK_WIDGET (self->next_button), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->back_button), FALSE);
}

/**
 * cr_contact_import_dialog_new:
 * @store: the window's store: the import runs on its file
 *
 * Returns: (transfer none): the dialog; load a file into it
 */
CrContactImportDialog *
cr_contact_import_dialog_new (GtkWindow *parent,
                              CrStore   *store)
{
  CrContactImportDialog *self;

  g_return_val_if_fail (CR_IS_STORE (store), NULL);

  self = g_object_new (CR_TYPE_CONTACT_IMPORT_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->db_path = g_strdup (cr_store_get_path (store));
  self->operator_name = g_strdup (cr_store_get_operator (store));
  return self;
}

/* Reads @path in the worker thread, then shows the preview. */
void
cr_contact_import_dialog_load_file (CrContactImportDialog *self,
                                    const char            *path)
{
  Job *job;
  g_autofree char *basename = NULL;

  g_return_if_fail (CR_IS_CONTACT_IMPORT_DIALOG (self));
  g_return_if_fail (path != NULL);
  g_return_if_fail (!self->busy);

  g_free (self->file_path);
  self->file_path = g_strdup (path);
  basename = g_path_get_basename (path);
  adw_window_title_set_subtitle (self->window_title, basename);
  job = g_new0 (Job, 1);
  job->op = OP_READ;
  job->path = g_strdup (path);
  start (self, job, _("Reading the file…"), read_done_cb);
}

gboolean
cr_contact_import_dialog_get_busy (CrContactImportDialog *self)
{
  g_return_val_if_fail (CR_IS_CONTACT_IMPORT_DIALOG (self), FALSE);

  return self->busy;
}

/* "busy", "preview", "check" or "error". */
const char *
cr_contact_import_dialog_get_step (CrContactImportDialog *self)
{
  g_return_val_if_fail (CR_IS_CONTACT_IMPORT_DIALOG (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}

/**
 * cr_contact_import_dialog_get_import:
 *
 * Returns: (transfer none) (nullable): the file being imported
 */
CrContactImport *
cr_contact_import_dialog_get_import (CrContactImportDialog *self)
{
  g_return_val_if_fail (CR_IS_CONTACT_IMPORT_DIALOG (self), NULL);

  return self->import;
}

/* What the drop-down over @column does. */
void
cr_contact_import_dialog_set_column (CrContactImportDialog *self,
                                     guint                  column,
                                     CrContactColumn        what)
{
  g_return_if_fail (CR_IS_CONTACT_IMPORT_DIALOG (self));
  g_return_if_fail (column < self->column_drops->len);

  gtk_drop_down_set_selected (g_ptr_array_index (self->column_drops, column), what);
}

/* What the Check button does: the analysis, in the worker thread. */
void
cr_contact_import_dialog_check (CrContactImportDialog *self)
{
  g_autofree char *partner = NULL;
  Job *job;

  g_return_if_fail (CR_IS_CONTACT_IMPORT_DIALOG (self));
  g_return_if_fail (self->import != NULL && !self->busy);

  partner = cr_ui_entry_text (self->default_partner_row);
  cr_contact_import_set_default_partner (self->import, partner);
  job = g_new0 (Job, 1);
  job->op = OP_ANALYSE;
  job->db_path = g_strdup (self->db_path);
  job->operator_name = g_strdup (self->operator_name);
  job->import = g_object_ref (self->import);
  start (self, job, _("Checking every row…"), analyse_done_cb);
}

void
cr_contact_import_dialog_set_duplicate_action (CrContactImportDialog *self,
                                               guint                  index,
                                               CrDuplicateAction      action)
{
  g_return_if_fail (CR_IS_CONTACT_IMPORT_DIALOG (self));
  g_return_if_fail (index < self->duplicate_drops->len);

  gtk_drop_down_set_selected (g_ptr_array_index (self->duplicate_drops, index), action);
}

/* What the Import button does: the import, in the worker thread. */
void
cr_contact_import_dialog_import (CrContactImportDialog *self)
{
  Job *job;

  g_return_if_fail (CR_IS_CONTACT_IMPORT_DIALOG (self));
  g_return_if_fail (self->import != NULL && !self->busy);

  if (!self->can_import)
    return;
  job = g_new0 (Job, 1);
  job->op = OP_RUN;
  job->db_path = g_strdup (self->db_path);
  job->operator_name = g_strdup (self->operator_name);
  job->import = g_object_ref (self->import);
  self->importing = TRUE;
  gtk_widget_set_sensitive (GTK_WIDGET (self->cancel_button), FALSE);
  start (self, job, _("Importing…"), run_done_cb);
}

static void
collect_text (GtkWidget *widget,
              GString   *out)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_visible (widget))
    {
      g_string_append (out, gtk_label_get_text (GTK_LABEL (widget)));
      g_string_append_c (out, '\n');
    }
  else if (ADW_IS_STATUS_PAGE (widget))
    {
      g_string_append (out, adw_status_page_get_title (ADW_STATUS_PAGE (widget)));
      g_string_append_c (out, '\n');
      if (adw_status_page_get_description (ADW_STATUS_PAGE (widget)) != NULL)
        g_string_append (out, adw_status_page_get_description (ADW_STATUS_PAGE (widget)));
      g_string_append_c (out, '\n');
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_text (child, out);
}

/**
 * cr_contact_import_dialog_get_text:
 *
 * Returns: (transfer full): the text the current step shows
 */
char *
cr_contact_import_dialog_get_text (CrContactImportDialog *self)
{
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (CR_IS_CONTACT_IMPORT_DIALOG (self), NULL);

  collect_text (gtk_stack_get_visible_child (self->stack), out);
  return g_string_free (out, FALSE);
}
