/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cr-import"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cr-application.h"
#include "cr-import-dialog.h"
#include "cr-labels.h"
#include "cr-ui-utils.h"

/**
 * CrImportDialog:
 *
 * Imports a GeoJSON file into the window's event, or as a region-wide
 * reference layer, in the steps a user goes through: the options (the
 * kind for features without one, the property keys of unusual files, the
 * layer's name), the progress with Cancel, then either a toast in the
 * window or the error with the feature it names, from where "Import the
 * Valid Ones" imports the rest and lists what was left out.
 *
 * The import runs in a GTask thread on a store of its own (a store
 * belongs to one thread) and is one transaction: an error or Cancel
 * leaves the file as it was. When it is done the window's store is
 * synced at once, so the map shows the new features without waiting for
 * the file monitor.
 */
struct _CrImportDialog
{
  AdwWindow parent_instance;

  /* Template widgets */
  AdwWindowTitle *window_title;
  GtkButton *cancel_button;
  GtkButton *action_button;
  GtkStack *stack;
  GtkLabel *target_label;
  AdwEntryRow *layer_row;
  AdwComboRow *kind_row;
  AdwExpanderRow *options_row;
  AdwEntryRow *name_key_row;
  AdwEntryRow *kind_key_row;
  AdwEntryRow *from_key_row;
  AdwEntryRow *to_key_row;
  GtkLabel *progress_label;
  GtkLabel *progress_hint;
  GtkProgressBar *progress_bar;
  GtkListBox *error_list;
  GtkLabel *error_hint;
  GtkLabel *skipped_title;
  GtkLabel *skipped_body;
  GtkListBox *skipped_list;

  CrWindow *window;
  CrStore *store;
  GFile *file;
  char *display_name;
  gboolean reference;
  gint64 event_id;
  char *target_name;       /* the event's or the layer's, as of the last start */
  GPtrArray *kind_codes;   /* in the order of kind_row; NULL for "by geometry" */
  GCancellable *cancellable;
  gboolean busy;
  gboolean close_when_done;
  gboolean skip_invalid;   /* of the last run */
  gboolean can_skip;
  double fraction;
  char *error_message;
  CrGeojsonImportResult *result;
  CrProgressFunc worker_progress;
  gpointer worker_progress_data;
};

G_DEFINE_FINAL_TYPE (CrImportDialog, cr_import_dialog, ADW_TYPE_WINDOW)

enum
{
  PROP_0,
  PROP_BUSY,
  PROP_FRACTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* What the worker thread gets: plain copies, nothing of the window. */
typedef struct
{
  char *database;
  char *operator_name;
  char *path;
  char *target_name;
  gboolean reference;
  char *name_key;
  char *kind_key;
  char *from_key;
  char *to_key;
  char *default_kind;
  gboolean skip_invalid;
  CrProgressFunc hook;
  gpointer hook_data;
  GMainContext *context;
  CrImportDialog *dialog; /* kept alive by the task's callback data */
} ImportJob;

static void
import_job_free (gpointer data)
{
  ImportJob *job = data;

  g_free (job->database);
  g_free (job->operator_name);
  g_free (job->path);
  g_free (job->target_name);
  g_free (job->name_key);
  g_free (job->kind_key);
  g_free (job->from_key);
  g_free (job->to_key);
  g_free (job->default_kind);
  g_main_context_unref (job->context);
  g_free (job);
}

typedef struct
{
  CrImportDialog *dialog;
  double fraction;
} Progress;

static void
progress_free (gpointer data)
{
  Progress *progress = data;

  g_object_unref (progress->dialog);
  g_free (progress);
}

static void
set_fraction (CrImportDialog *self,
              double          fraction)
{
  g_autofree char *text = NULL;

  fraction = CLAMP (fraction, 0.0, 1.0);
  if (fraction == self->fraction)
    return;
  self->fraction = fraction;
  gtk_progress_bar_set_fraction (self->progress_bar, fraction);
  /* Translators: how far an import is, e.g. "42%" (French: "42 %") */
  text = g_strdup_printf (_("%d%%"), (int) (fraction * 100));
  gtk_progress_bar_set_text (self->progress_bar, text);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FRACTION]);
}

static gboolean
progress_idle_cb (gpointer data)
{
  Progress *progress = data;

  /* Late reports, or a dialog destroyed with its window, show nothing. */
  if (progress->dialog->busy && progress->dialog->progress_bar != NULL)
    set_fraction (progress->dialog, progress->fraction);
  return G_SOURCE_REMOVE;
}

/* In the worker thread: on to the main loop, where the dialog lives. */
static void
thread_progress (double   fraction,
                 gpointer user_data)
{
  ImportJob *job = user_data;
  Progress *progress;

  if (job->hook != NULL)
    job->hook (fraction, job->hook_data);
  progress = g_new (Progress, 1);
  progress->dialog = g_object_ref (job->dialog);
  progress->fraction = fraction;
  g_main_context_invoke_full (job->context, G_PRIORITY_DEFAULT, progress_idle_cb, progress,
                              progress_free);
}

static const char *
nonempty (const char *text)
{
  return text != NULL && *text != '\0' ? text : NULL;
}

static void
import_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ImportJob *job = task_data;
  g_autoptr(GError) error = NULL;
  CrGeojsonImportResult *result = NULL;
  CrGeojsonImportOptions options = { 0 };
  CrStore *store;

  /* A worker's store: unwatched, so the main loop never calls into it. */
  store = cr_store_open_unwatched (job->database, &error);
  if (store != NULL)
    {
      if (job->operator_name != NULL)
        cr_store_set_operator (store, job->operator_name);
      options.name_key = nonempty (job->name_key);
      options.kind_key = nonempty (job->kind_key);
      options.from_key = nonempty (job->from_key);
      options.to_key = nonempty (job->to_key);
      options.default_kind = job->default_kind;
      options.skip_invalid = job->skip_invalid;
      options.progress = thread_progress;
      options.progress_data = job;
      if (job->reference)
        result = cr_geojson_import_reference_file (store, job->path, job->target_name, &options,
                                                   cancellable, &error);
      else
        result = cr_geojson_import_file (store, job->path, job->target_name, &options, cancellable,
                                         &error);
      g_object_unref (store);
    }

  if (result != NULL)
    g_task_return_pointer (task, result, (GDestroyNotify) cr_geojson_import_result_free);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

static void
set_busy (CrImportDialog *self,
          gboolean        busy)
{
  if (self->busy == busy)
    return;
  self->busy = busy;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static char *
layer_name (CrImportDialog *self)
{
  return cr_ui_entry_text (self->layer_row);
}

/* A reference layer needs a name. */
static void
update_action (CrImportDialog *self)
{
  gboolean sensitive = TRUE;

  if (self->reference && g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "options") == 0)
    {
      g_autofree char *name = layer_name (self);

      sensitive = *name != '\0';
    }
  gtk_widget_set_sensitive (GTK_WIDGET (self->action_button), sensitive);
}

/* The header bar's two buttons say what they do on each page. */
static void
set_page (CrImportDialog *self,
          const char     *page)
{
  gboolean options = g_str_equal (page, "options");
  gboolean progress = g_str_equal (page, "progress");
  gboolean error = g_str_equal (page, "error");

  gtk_stack_set_visible_child_name (self->stack, page);
  gtk_widget_set_sensitive (GTK_WIDGET (self->cancel_button), TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->cancel_button), !g_str_equal (page, "skipped"));
  gtk_button_set_label (self->cancel_button, options || progress ? _("_Cancel") : _("_Close"));

  gtk_widget_set_visible (GTK_WIDGET (self->action_button), !progress && (!error || self->can_skip));
  if (options)
    gtk_button_set_label (self->action_button, _("_Import"));
  else if (error)
    gtk_button_set_label (self->action_button, _("Import the _Valid Ones"));
  else
    gtk_button_set_label (self->action_button, _("_Close"));
  update_action (self);

  /* Enter does what the page is for, not what the first button in the
   * header bar does. */
  if (options && self->reference)
    gtk_widget_grab_focus (GTK_WIDGET (self->layer_row));
  else if (gtk_widget_get_visible (GTK_WIDGET (self->action_button)))
    gtk_widget_grab_focus (GTK_WIDGET (self->action_button));
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->cancel_button));
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

/* A toast in the window: the dialog may be gone when it is read. */
static void
announce (CrImportDialog *self)
{
  g_autofree char *text = NULL;
  g_autofree char *escaped = NULL;
  guint n = self->result->n_features;
  guint n_skipped = self->result->skipped->len;

  if (self->reference)
    text = g_strdup_printf (ngettext ("Imported %u feature into the reference layer “%s”",
                                      "Imported %u features into the reference layer “%s”", n),
                            n, self->target_name);
  else
    text = g_strdup_printf (ngettext ("Imported %u feature into “%s”",
                                      "Imported %u features into “%s”", n),
                            n, self->target_name);
  if (n_skipped > 0)
    {
      /* Translators: %s is "Imported 40 features into “Event”" */
      g_autofree char *with = g_strdup_printf (ngettext ("%s; %u invalid feature left out",
                                                         "%s; %u invalid features left out", n_skipped),
                                               text, n_skipped);

      g_free (text);
      text = g_steal_pointer (&with);
    }
  /* libadwaita 1.2 toast titles are markup. */
  escaped = g_markup_escape_text (text, -1);
  cr_window_add_toast (self->window, adw_toast_new (escaped));
}

/* The rows of the list of what was left out: the feature as people
 * count it, and why. */
static void
show_skipped (CrImportDialog *self)
{
  const GArray *skipped = self->result->skipped;
  g_autofree char *title = NULL;
  g_autofree char *body = NULL;

  title = g_strdup_printf (ngettext ("Imported %u Feature", "Imported %u Features", self->result->n_features),
                           self->result->n_features);
  gtk_label_set_text (self->skipped_title, title);
  body = g_strdup_printf (ngettext ("%u invalid feature was left out. Correct it in the file and "
                                    "import that one again if it is needed.",
                                    "%u invalid features were left out. Correct them in the file and "
                                    "import those again if they are needed.", skipped->len),
                          skipped->len);
  gtk_label_set_text (self->skipped_body, body);

  clear_list (self->skipped_list);
  for (guint i = 0; i < skipped->len; i++)
    {
      const CrGeojsonSkipped *s = &g_array_index (skipped, CrGeojsonSkipped, i);
      GtkWidget *row = adw_action_row_new ();
      /* Translators: a feature of the file, counted from 1 */
      g_autofree char *feature = g_strdup_printf (_("Feature %u"), s->index + 1);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), feature);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), s->reason);
      adw_preferences_row_set_title_selectable (ADW_PREFERENCES_ROW (row), TRUE);
      gtk_list_box_append (self->skipped_list, row);
    }
  set_page (self, "skipped");
}

static void
show_error (CrImportDialog *self,
            const GError   *error)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *label = gtk_label_new (error->message);

  g_free (self->error_message);
  self->error_message = g_strdup (error->message);
  /* A feature's problem (or a syntax error, which may be one feature's)
   * can be left out; a file that is no GeoJSON at all cannot. */
  self->can_skip = !self->skip_invalid && error->domain == CR_GEOJSON_ERROR &&
                   (error->code == CR_GEOJSON_ERROR_FEATURE || error->code == CR_GEOJSON_ERROR_SYNTAX);

  clear_list (self->error_list);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 50);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_widget_set_margin_top (label, 12);
  gtk_widget_set_margin_bottom (label, 12);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, error->message, -1);
  gtk_list_box_append (self->error_list, row);

  gtk_label_set_text (self->error_hint,
                      _("Correct the file and import it again, or import the valid features now and "
                        "leave the invalid ones out: they are listed afterwards."));
  gtk_widget_set_visible (GTK_WIDGET (self->error_hint), self->can_skip);
  set_page (self, "error");
}

static void
import_done_cb (GObject      *source,
                GAsyncResult *res,
                gpointer      user_data)
{
  g_autoptr(CrImportDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  CrGeojsonImportResult *result;

  result = g_task_propagate_pointer (G_TASK (res), &error);
  set_busy (self, FALSE);
  /* Destroyed with its window meanwhile: the import was cancelled, or it
   * committed just before, which the window's store hears of by itself. */
  if (self->window == NULL)
    {
      g_clear_pointer (&result, cr_geojson_import_result_free);
      return;
    }
  if (result == NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      cr_window_add_toast (self->window, adw_toast_new (_("Import cancelled; nothing was imported")));
      gtk_window_destroy (GTK_WINDOW (self));
      return;
    }
  if (result == NULL)
    {
      show_error (self, error);
      if (self->close_when_done)
        gtk_window_destroy (GTK_WINDOW (self));
      return;
    }

  g_clear_pointer (&self->result, cr_geojson_import_result_free);
  self->result = result;
  /* The window's store hears of the worker's commit now, not when the
   * file monitor wakes up: the map redraws with the new features. */
  cr_store_sync (self->store);
  announce (self);
  if (!self->reference && result->n_features > 0)
    {
      g_autoptr(CrEvent) event = cr_window_get_event (self->window);

      if (event != NULL && cr_record_get_id (CR_RECORD (event)) == result->event_id)
        gtk_widget_activate_action (GTK_WIDGET (self->window), "win.zoom-fit", NULL);
    }
  if (result->skipped->len > 0 && !self->close_when_done)
    show_skipped (self);
  else
    gtk_window_destroy (GTK_WINDOW (self));
}

static void
cancel_clicked_cb (CrImportDialog *self)
{
  if (self->busy)
    cr_import_dialog_cancel (self);
  else
    gtk_window_close (GTK_WINDOW (self));
}

static void
action_clicked_cb (CrImportDialog *self)
{
  const char *page = gtk_stack_get_visible_child_name (self->stack);

  if (self->busy || !gtk_widget_get_visible (GTK_WIDGET (self->action_button)) ||
      !gtk_widget_get_sensitive (GTK_WIDGET (self->action_button)))
    return;
  if (g_str_equal (page, "options"))
    cr_import_dialog_start (self, FALSE);
  else if (g_str_equal (page, "error"))
    cr_import_dialog_start (self, TRUE);
  else
    gtk_window_close (GTK_WINDOW (self));
}

static void
layer_changed_cb (CrImportDialog *self)
{
  update_action (self);
}

/* Closing while the import runs cancels it; the dialog goes when the
 * worker has rolled back. */
static gboolean
cr_import_dialog_close_request (GtkWindow *window)
{
  CrImportDialog *self = CR_IMPORT_DIALOG (window);

  if (self->busy)
    {
      self->close_when_done = TRUE;
      cr_import_dialog_cancel (self);
      return TRUE;
    }
  return GTK_WINDOW_CLASS (cr_import_dialog_parent_class)->close_request (window);
}

static void
cr_import_dialog_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  CrImportDialog *self = CR_IMPORT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;
    case PROP_FRACTION:
      g_value_set_double (value, self->fraction);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cr_import_dialog_dispose (GObject *object)
{
  CrImportDialog *self = CR_IMPORT_DIALOG (object);

  /* Destroyed while the import runs (its window closed): roll it back. */
  if (self->busy)
    g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), CR_TYPE_IMPORT_DIALOG);
  g_clear_object (&self->window);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (cr_import_dialog_parent_class)->dispose (object);
}

static void
cr_import_dialog_finalize (GObject *object)
{
  CrImportDialog *self = CR_IMPORT_DIALOG (object);

  g_clear_object (&self->file);
  g_clear_object (&self->cancellable);
  g_free (self->display_name);
  g_free (self->target_name);
  g_free (self->error_message);
  g_clear_pointer (&self->kind_codes, g_ptr_array_unref);
  g_clear_pointer (&self->result, cr_geojson_import_result_free);

  G_OBJECT_CLASS (cr_import_dialog_parent_class)->finalize (object);
}

static void
cr_import_dialog_class_init (CrImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->get_property = cr_import_dialog_get_property;
  object_class->dispose = cr_import_dialog_dispose;
  object_class->finalize = cr_import_dialog_finalize;
  window_class->close_request = cr_import_dialog_close_request;

  /**
   * CrImportDialog:busy:
   *
   * Whether an import runs.
   */
  properties[PROP_BUSY] = g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                                                G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY |
                                                G_PARAM_STATIC_STRINGS);
  /**
   * CrImportDialog:fraction:
   *
   * How far the running import is, as the progress bar shows it.
   */
  properties[PROP_FRACTION] = g_param_spec_double ("fraction", NULL, NULL, 0.0, 1.0, 0.0,
                                                   G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY |
                                                   G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/cr-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CrImportDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, CrImportDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, CrImportDialog, action_button);
  gtk_widget_class_bind_template_child (widget_class, CrImportDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, CrImportDialog, target_label);
  gtk_widget_class_bind_template_child (widget_class, CrImportDialog, layer_row);
  gtk_widget_class_bind_template_child (widget_class, CrImportDialog, kind_row);
  gtk_widget_class_bind_template_child (widget_class, CrImportDialog, options_row);
  gtk_widget_class_bind_template_child (widget_class, CrImportDialog, name_key_row);
  gtk_widget_class_bind_template_child (widget_class, CrImportDialog, kind_key_row);
  gtk_widget_class_bind_template_child (widget_class, CrImportDialog, from_key_row);
  gtk_widget_class_bind_template_child (widget_class, CrImportDialog, to_key_row);
  gtk_widget_class_bind_template_child (widget_class, CrImportDialog, progress_label);
  gtk_widget_class_bind_template_child (widget_class, CrImportDialog, progress_hint);
  gtk_widget_class_bind_template_child (widget_class, CrImportDialog, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, CrImportDialog, error_list);
  gtk_widget_class_bind_template_child (widget_class, CrImportDialog, error_hint);
  gtk_widget_class_bind_template_child (widget_class, CrImportDialog, skipped_title);
  gtk_widget_class_bind_template_child (widget_class, CrImportDialog, skipped_body);
  gtk_widget_class_bind_template_child (widget_class, CrImportDialog, skipped_list);
  gtk_widget_class_bind_template_callback (widget_class, cancel_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, action_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, layer_changed_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
cr_import_dialog_init (CrImportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  self->kind_codes = g_ptr_array_new_with_free_func (g_free);
}

/* The kinds the store knows, after "from the geometry". */
static void
fill_kinds (CrImportDialog *self)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  g_autoptr(GListModel) kinds = cr_store_list_feature_kinds (self->store, NULL);

  /* Translators: the default kind of imported features: "area", "line"
   * or "point" after each one's geometry */
  gtk_string_list_append (labels, _("From the geometry"));
  g_ptr_array_add (self->kind_codes, NULL);
  for (guint i = 0; kinds != NULL && i < g_list_model_get_n_items (kinds); i++)
    {
      g_autoptr(CrFeatureKind) kind = g_list_model_get_item (kinds, i);

      gtk_string_list_append (labels, cr_feature_kind_get_label (kind));
      g_ptr_array_add (self->kind_codes, g_strdup (cr_feature_kind_get_code (kind)));
    }
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (labels));
  adw_combo_row_set_selected (self->kind_row, 0);
}

static char *
name_from_file (const char *display_name)
{
  g_autofree char *name = g_strdup (display_name);
  char *dot = strrchr (name, '.');

  if (dot != NULL && dot != name)
    *dot = '\0';
  return g_steal_pointer (&name);
}

/**
 * cr_import_dialog_new:
 * @window: the window whose event gets the features (or whose store gets
 *   the reference layer), and which shows the toast at the end
 * @file: the GeoJSON file
 * @reference: import as a region-wide reference layer rather than into
 *   the window's event
 *
 * Returns: (transfer none): the dialog, on its options page, owned by GTK
 *   until destroyed; present it
 */
CrImportDialog *
cr_import_dialog_new (CrWindow *window,
                      GFile    *file,
                      gboolean  reference)
{
  CrImportDialog *self;
  GtkApplication *application;
  g_autofree char *text = NULL;

  g_return_val_if_fail (CR_IS_WINDOW (window), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  /* Not one of the application's windows: code that looks for the
   * active window expects a CrWindow. */
  application = gtk_window_get_application (GTK_WINDOW (window));
  self = g_object_new (CR_TYPE_IMPORT_DIALOG, "transient-for", window, NULL);
  self->window = g_object_ref (window);
  self->store = g_object_ref (cr_application_get_store (CR_APPLICATION (application)));
  self->file = g_object_ref (file);
  self->reference = reference;
  {
    g_autofree char *path = g_file_get_path (file);

    self->display_name = path != NULL ? g_filename_display_basename (path) : g_file_get_basename (file);
  }
  fill_kinds (self);

  if (reference)
    {
      g_autofree char *name = name_from_file (self->display_name);

      gtk_window_set_title (GTK_WINDOW (self), _("Import Reference Layer"));
      adw_window_title_set_title (self->window_title, _("Import Reference Layer"));
      text = g_strdup_printf (_("The features of “%s” become a reference layer, drawn under the map of "
                                "every event: commune or police-zone boundaries, hospitals, stations. If "
                                "a layer of that name exists, they are added to it."),
                              self->display_name);
      gtk_widget_set_visible (GTK_WIDGET (self->layer_row), TRUE);
      gtk_editable_set_text (GTK_EDITABLE (self->layer_row), name);
      gtk_label_set_text (self->progress_hint,
                          _("The features are saved together at the end: Cancel leaves the reference "
                            "layers as they were."));
    }
  else
    {
      g_autoptr(CrEvent) event = cr_window_get_event (window);

      self->event_id = event != NULL ? cr_record_get_id (CR_RECORD (event)) : 0;
      self->target_name = g_strdup (event != NULL ? cr_event_get_name (event) : "");
      text = g_strdup_printf (_("The features of “%s” are added to the event “%s”. If one of them is "
                                "invalid, nothing is imported and you are told which."),
                              self->display_name, self->target_name);
      gtk_label_set_text (self->progress_hint,
                          _("The features are saved together at the end: Cancel leaves the event as "
                            "it was."));
    }
  adw_window_title_set_subtitle (self->window_title, self->display_name);
  gtk_label_set_text (self->target_label, text);
  set_page (self, "options");
  return self;
}

gboolean
cr_import_dialog_get_reference (CrImportDialog *self)
{
  g_return_val_if_fail (CR_IS_IMPORT_DIALOG (self), FALSE);

  return self->reference;
}

/* "options", "progress", "error" or "skipped". */
const char *
cr_import_dialog_get_page (CrImportDialog *self)
{
  g_return_val_if_fail (CR_IS_IMPORT_DIALOG (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}

gboolean
cr_import_dialog_get_busy (CrImportDialog *self)
{
  g_return_val_if_fail (CR_IS_IMPORT_DIALOG (self), FALSE);

  return self->busy;
}

double
cr_import_dialog_get_fraction (CrImportDialog *self)
{
  g_return_val_if_fail (CR_IS_IMPORT_DIALOG (self), 0.0);

  return self->fraction;
}

void
cr_import_dialog_set_layer_name (CrImportDialog *self,
                                 const char     *name)
{
  g_return_if_fail (CR_IS_IMPORT_DIALOG (self));

  gtk_editable_set_text (GTK_EDITABLE (self->layer_row), name != NULL ? name : "");
}

char *
cr_import_dialog_get_layer_name (CrImportDialog *self)
{
  g_return_val_if_fail (CR_IS_IMPORT_DIALOG (self), NULL);

  return layer_name (self);
}

/* @code: a feature kind's code, or %NULL for the generic kind of each
 * feature's geometry. */
void
cr_import_dialog_set_default_kind (CrImportDialog *self,
                                   const char     *code)
{
  g_return_if_fail (CR_IS_IMPORT_DIALOG (self));

  for (guint i = 0; i < self->kind_codes->len; i++)
    if (g_strcmp0 (g_ptr_array_index (self->kind_codes, i), code) == 0)
      {
        adw_combo_row_set_selected (self->kind_row, i);
        return;
      }
  g_warning ("No feature kind “%s”", code);
}

/* Empty or %NULL keys mean "the usual ones". */
void
cr_import_dialog_set_property_keys (CrImportDialog *self,
                                    const char     *name_key,
                                    const char     *kind_key,
                                    const char     *from_key,
                                    const char     *to_key)
{
  g_return_if_fail (CR_IS_IMPORT_DIALOG (self));

  gtk_editable_set_text (GTK_EDITABLE (self->name_key_row), name_key != NULL ? name_key : "");
  gtk_editable_set_text (GTK_EDITABLE (self->kind_key_row), kind_key != NULL ? kind_key : "");
  gtk_editable_set_text (GTK_EDITABLE (self->from_key_row), from_key != NULL ? from_key : "");
  gtk_editable_set_text (GTK_EDITABLE (self->to_key_row), to_key != NULL ? to_key : "");
  adw_expander_row_set_expanded (self->options_row,
                                 nonempty (name_key) || nonempty (kind_key) || nonempty (from_key) ||
                                 nonempty (to_key));
}

/**
 * cr_import_dialog_start:
 * @skip_invalid: leave invalid features out and list them, rather than
 *   import nothing
 *
 * Starts the import with the options chosen, as the Import (or "Import
 * the Valid Ones") button does. It runs until the worker is done, then
 * the dialog shows the outcome or closes with a toast in the window.
 */
void
cr_import_dialog_start (CrImportDialog *self,
                        gboolean        skip_invalid)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *progress = NULL;
  ImportJob *job;
  guint kind;

  g_return_if_fail (CR_IS_IMPORT_DIALOG (self));
  g_return_if_fail (!self->busy);

  if (self->reference)
    {
      g_free (self->target_name);
      self->target_name = layer_name (self);
      if (*self->target_name == '\0')
        return;
    }
  else
    {
      /* By id, as the event is now: it may have been renamed meanwhile,
       * and the importer finds its event by name. */
      g_autoptr(GError) error = NULL;
      g_autoptr(CrEvent) event = cr_store_get (self->store, CR_TYPE_EVENT, self->event_id, &error);

      if (event == NULL)
        {
          if (error == NULL)
            g_set_error_literal (&error, CR_STORE_ERROR, CR_STORE_ERROR_NOT_FOUND,
                                 _("The event is gone. Choose an event, then import the file again."));
          self->skip_invalid = TRUE;
          show_error (self, error);
          return;
        }
      g_free (self->target_name);
      self->target_name = g_strdup (cr_event_get_name (event));
    }

  job = g_new0 (ImportJob, 1);
  job->database = g_strdup (cr_store_get_path (self->store));
  job->operator_name = g_strdup (cr_store_get_operator (self->store));
  job->path = g_file_get_path (self->file);
  job->target_name = g_strdup (self->target_name);
  job->reference = self->reference;
  job->name_key = cr_ui_entry_text (self->name_key_row);
  job->kind_key = cr_ui_entry_text (self->kind_key_row);
  job->from_key = cr_ui_entry_text (self->from_key_row);
  job->to_key = cr_ui_entry_text (self->to_key_row);
  kind = adw_combo_row_get_selected (self->kind_row);
  if (kind < self->kind_codes->len)
    job->default_kind = g_strdup (g_ptr_array_index (self->kind_codes, kind));
  job->skip_invalid = skip_invalid;
  job->hook = self->worker_progress;
  job->hook_data = self->worker_progress_data;
  job->context = g_main_context_ref_thread_default ();
  job->dialog = self;

  self->skip_invalid = skip_invalid;
  self->can_skip = FALSE;
  g_clear_pointer (&self->error_message, g_free);
  g_clear_pointer (&self->result, cr_geojson_import_result_free);
  self->fraction = -1;
  set_fraction (self, 0.0);
  if (self->reference)
    progress = g_strdup_printf (_("Importing “%s” as the reference layer “%s”…"), self->display_name,
                                self->target_name);
  else
    progress = g_strdup_printf (_("Importing “%s” into “%s”…"), self->display_name, self->target_name);
  gtk_label_set_text (self->progress_label, progress);
  set_busy (self, TRUE);
  set_page (self, "progress");

  /* The callback's reference keeps the dialog until it runs, in this
   * thread: a widget is never released from the worker. */
  task = g_task_new (NULL, self->cancellable, import_done_cb, g_object_ref (self));
  g_task_set_source_tag (task, cr_import_dialog_start);
  /* A Cancel that comes after the commit must not hide it. */
  g_task_set_check_cancellable (task, FALSE);
  g_task_set_task_data (task, job, import_job_free);
  if (job->path == NULL)
    {
      g_task_return_new_error (task, CR_GEOJSON_ERROR, CR_GEOJSON_ERROR_READ,
                               _("“%s” is not a local file. Copy it to a folder on this computer and "
                                 "import it from there."),
                               self->display_name);
      return;
    }
  g_task_run_in_thread (task, import_thread);
}

/* Cancels a running import, which rolls back: nothing is written. */
void
cr_import_dialog_cancel (CrImportDialog *self)
{
  g_return_if_fail (CR_IS_IMPORT_DIALOG (self));

  if (!self->busy)
    return;
  g_cancellable_cancel (self->cancellable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->cancel_button), FALSE);
  gtk_label_set_text (self->progress_label, _("Cancelling…"));
}

/* The message of the last failure, as the error page shows it. */
const char *
cr_import_dialog_get_error_message (CrImportDialog *self)
{
  g_return_val_if_fail (CR_IS_IMPORT_DIALOG (self), NULL);

  return self->error_message;
}

/* Whether the error page offers "Import the Valid Ones". */
gboolean
cr_import_dialog_get_can_skip (CrImportDialog *self)
{
  g_return_val_if_fail (CR_IS_IMPORT_DIALOG (self), FALSE);

  return self->can_skip;
}

/**
 * cr_import_dialog_get_result:
 *
 * Returns: (transfer none) (nullable): what the last successful run
 *   imported and left out
 */
const CrGeojsonImportResult *
cr_import_dialog_get_result (CrImportDialog *self)
{
  g_return_val_if_fail (CR_IS_IMPORT_DIALOG (self), NULL);

  return self->result;
}

/**
 * cr_import_dialog_get_cancellable:
 *
 * Returns: (transfer none): what Cancel cancels
 */
GCancellable *
cr_import_dialog_get_cancellable (CrImportDialog *self)
{
  g_return_val_if_fail (CR_IS_IMPORT_DIALOG (self), NULL);

  return self->cancellable;
}

/**
 * cr_import_dialog_set_worker_progress:
 * @func: (nullable): called in the worker thread with each progress
 *   report, before the dialog hears of it
 *
 * For tests, which cancel from there at a known point of the import.
 */
void
cr_import_dialog_set_worker_progress (CrImportDialog *self,
                                      CrProgressFunc  func,
                                      gpointer        user_data)
{
  g_return_if_fail (CR_IS_IMPORT_DIALOG (self));
  g_return_if_fail (!self->busy);

  self->worker_progress = func;
  self->worker_progress_data = user_data;
}
