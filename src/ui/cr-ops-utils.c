/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cr-ops"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cr-ops-utils.h"
#include "cr-ui-utils.h"
#include "cr-shift.h"
#include "cr-time.h"
#include "cr-window.h"

/* The window a dialog of @widget belongs to, if it is in one. */
GtkWindow *
cr_ops_parent_window (GtkWidget *widget)
{
  GtkRoot *root = gtk_widget_get_root (widget);

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

/**
 * cr_ops_add_toast:
 * @toast: (transfer full): the toast
 *
 * Toasts go to the nearest overlay: the window's for its pages
 * (cr_window_add_toast()), a dialog's own when it has one, else the
 * window the dialog belongs to; without any (a test), to the log.
 */
void
cr_ops_add_toast (GtkWidget *widget,
                  AdwToast  *toast)
{
  GtkWidget *overlay;
  GtkRoot *root;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (ADW_IS_TOAST (toast));

  root = gtk_widget_get_root (widget);
  if (CR_IS_WINDOW (root))
    {
      cr_window_add_toast (CR_WINDOW (root), toast);
      return;
    }
  overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);
  if (overlay != NULL)
    {
      adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
      return;
    }
  if (GTK_IS_WINDOW (root) && CR_IS_WINDOW (gtk_window_get_transient_for (GTK_WINDOW (root))))
    {
      cr_window_add_toast (CR_WINDOW (gtk_window_get_transient_for (GTK_WINDOW (root))), toast);
      return;
    }
  g_message ("%s", adw_toast_get_title (toast));
  /* A plain GObject, not floating: this is the caller's reference. */
  g_object_unref (toast);
}

/* An error stays until dismissed, and may be long: a wrapping label. */
void
cr_ops_show_error (GtkWidget  *widget,
                   const char *message)
{
  cr_ops_add_toast (widget, cr_ui_error_toast_new (message, 0));
}

static void
open_uri_cb (AdwToast  *toast,
             GtkWidget *widget)
{
  gtk_show_uri (cr_ops_parent_window (widget), g_object_get_data (G_OBJECT (toast), "cr-uri"),
                GDK_CURRENT_TIME);
}

/**
 * cr_ops_open_toast_new:
 * @button_label: what the button says ("_Open", "Open _Folder")
 * @file: what the button opens
 *
 * Returns: (transfer full): a toast with a button that opens @file
 */
AdwToast *
cr_ops_open_toast_new (GtkWidget  *widget,
                       const char *title,
                       const char *button_label,
                       GFile      *file)
{
  AdwToast *toast = adw_toast_new (title);

  adw_toast_set_button_label (toast, button_label);
  g_object_set_data_full (G_OBJECT (toast), "cr-uri", g_file_get_uri (file), g_free);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (open_uri_cb), widget, 0);
  return toast;
}

/* "Written", with a button that opens the file. */
void
cr_ops_show_done (GtkWidget  *widget,
                  const char *title,
                  const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  cr_ops_add_toast (widget, cr_ops_open_toast_new (widget, title, _("_Open"), file));
}

/**
 * cr_ops_progress_toast:
 * @title: what is going on, or "" with @custom_title
 * @custom_title: (nullable): shown instead of @title (a progress bar)
 * @cancellable: what its Cancel button cancels
 *
 * Shows a toast that stays until the work is done, with a Cancel button.
 *
 * The overlay drops its reference once the toast is dismissed, by the
 * user too (its close button, Escape) or when the window goes: the
 * caller keeps the one returned for as long as it may touch the toast.
 * Dismissing a toast already dismissed does nothing, and the Cancel
 * button is connected to @cancellable only for as long as it lives.
 *
 * Returns: (transfer full): the toast, to cr_ops_progress_toast_dismiss()
 *   when done
 */
AdwToast *
cr_ops_progress_toast (GtkWidget    *widget,
                       const char   *title,
                       GtkWidget    *custom_title,
                       GCancellable *cancellable)
{
  gint64 now = g_get_monotonic_time ();
  AdwToast *toast;

  g_return_val_if_fail (G_IS_CANCELLABLE (cancellable), NULL);

  toast = adw_toast_new (title);
  if (custom_title != NULL)
    adw_toast_set_custom_title (toast, custom_title);
  adw_toast_set_timeout (toast, 0);
  /* Shown at once, so that its show animation starts now (see below). */
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_object_set_data_full (G_OBJECT (toast), "cr-shown-at", g_memdup2 (&now, sizeof now), g_free);
  adw_toast_set_button_label (toast, _("_Cancel"));
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (g_cancellable_cancel), cancellable,
                           G_CONNECT_SWAPPED);
  cr_ops_add_toast (widget, g_object_ref (toast));
  return toast;
}

/* libadwaita 1.2 frees a toast's bookkeeping when its hide animation
 * ends but leaves its show animation running: a toast dismissed while it
 * still slides in makes the overlay read freed memory a frame later (a
 * quick export did). A progress toast therefore stays until it has been
 * fully shown; it is read, too, rather than flashed. */
#define PROGRESS_TOAST_MIN_MS 1000

static gboolean
dismiss_toast_cb (gpointer data)
{
  adw_toast_dismiss (ADW_TOAST (data));
  return G_SOURCE_REMOVE;
}

/**
 * cr_ops_progress_toast_dismiss:
 * @toast: a toast of cr_ops_progress_toast()
 *
 * Dismisses @toast, once it has been up long enough to be safe to.
 * Toasts added meanwhile wait behind it.
 */
void
cr_ops_progress_toast_dismiss (AdwToast *toast)
{
  const gint64 *shown_at;
  gint64 elapsed_ms;

  g_return_if_fail (ADW_IS_TOAST (toast));

  shown_at = g_object_get_data (G_OBJECT (toast), "cr-shown-at");
  g_return_if_fail (shown_at != NULL);
  elapsed_ms = (g_get_monotonic_time () - *shown_at) / 1000;
  if (elapsed_ms >= PROGRESS_TOAST_MIN_MS)
    adw_toast_dismiss (toast);
  else
    g_timeout_add_full (G_PRIORITY_DEFAULT, (guint) (PROGRESS_TOAST_MIN_MS - elapsed_ms), dismiss_toast_cb,
                        g_object_ref (toast), g_object_unref);
}

/* Why an export did not write its file: cancelled, or an error. */
void
cr_ops_show_export_error (GtkWidget    *widget,
                          const GError *error)
{
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    cr_ops_add_toast (widget, adw_toast_new (_("Export cancelled; no file was written")));
  else
    cr_ops_show_error (widget, error->message);
}

/**
 * cr_ops_format_time:
 * @now: (nullable): the time it is; %NULL for the clock
 *
 * Returns: (transfer full): @dt in Brussels time, "14:32" on the day of
 *   @now, "26/09 14:32" on another day of its year, else with the year
 */
char *
cr_ops_format_time (GDateTime *dt,
                    GDateTime *now)
{
  g_autoptr(GDateTime) clock = NULL;
  g_autofree char *day = NULL;
  g_autofree char *today = NULL;

  if (dt == NULL)
    return g_strdup ("");
  if (now == NULL)
    now = clock = cr_time_now_utc ();
  day = cr_time_format_local (dt, "%Y-%m-%d");
  today = cr_time_format_local (now, "%Y-%m-%d");
  if (g_str_equal (day, today))
    return cr_time_format_local (dt, "%H:%M");
  /* Translators: a date and time in Brussels, strftime format; keep it short */
  if (strncmp (day, today, 4) == 0)
    return cr_time_format_local (dt, _("%d/%m %H:%M"));
  /* Translators: a date and time in Brussels, strftime format */
  return cr_time_format_local (dt, _("%d/%m/%Y %H:%M"));
}

/* "25 min", "2 h", "2 h 05", "3 d 4 h": how long, rounded down to the
 * minute. */
char *
cr_ops_format_duration (GTimeSpan span)
{
  gint64 minutes = ABS (span) / G_TIME_SPAN_MINUTE;
  gint64 hours = minutes / 60;
  gint64 days = hours / 24;

  if (minutes < 60)
    /* Translators: a duration in minutes */
    return g_strdup_printf (_("%d min"), (int) minutes);
  if (hours < 24)
    {
      if (minutes % 60 == 0)
        /* Translators: a duration in hours */
        return g_strdup_printf (_("%d h"), (int) hours);
      /* Translators: a duration in hours and minutes, e.g. "2 h 05" */
      return g_strdup_printf (_("%d h %02d"), (int) hours, (int) (minutes % 60));
    }
  /* Translators: a duration in days and hours */
  return g_strdup_printf (_("%d d %d h"), (int) days, (int) (hours % 24));
}

/* "T+0", "T+15 min", "T+2 h": when an item is due after the start. */
char *
cr_ops_format_offset (GTimeSpan span)
{
  g_autofree char *duration = NULL;

  if (span < G_TIME_SPAN_MINUTE && span > -G_TIME_SPAN_MINUTE)
    return g_strdup ("T+0");
  duration = cr_ops_format_duration (span);
  return g_strdup_printf ("T%s%s", span < 0 ? "−" : "+", duration);
}

/* A file name from an activation's or a report's: no slash, no leading
 * dot. */
char *
cr_ops_file_name (const char *name,
                  const char *suffix)
{
  return cr_ops_file_name_or (name, NULL, suffix);
}

/* The same, with @fallback for a name that is %NULL or leaves nothing. */
char *
cr_ops_file_name_or (const char *name,
                     const char *fallback,
                     const char *suffix)
{
  g_autoptr(GString) text = g_string_new (name != NULL ? name : fallback);

  g_string_replace (text, "/", "-", 0);
  g_string_replace (text, "\\", "-", 0);
  while (text->len > 0 && text->str[0] == '.')
    g_string_erase (text, 0, 1);
  if (text->len == 0 && fallback != NULL)
    g_string_append (text, fallback);
  g_string_append (text, suffix);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* ---- File choosers ---- */

/**
 * cr_ops_file_chooser_new:
 * @action: %GTK_FILE_CHOOSER_ACTION_SAVE (an export) or
 *   %GTK_FILE_CHOOSER_ACTION_OPEN
 * @filter: (nullable): the files it shows
 * @current_name: (nullable): the name it proposes, when saving
 *
 * Returns: (transfer full): a modal native chooser on @widget's window,
 *   for cr_ops_file_chooser_run()
 */
GtkFileChooserNative *
cr_ops_file_chooser_new (GtkWidget            *widget,
                         GtkFileChooserAction  action,
                         const char           *title,
                         GtkFileFilter        *filter,
                         const char           *current_name)
{
  gboolean save = action == GTK_FILE_CHOOSER_ACTION_SAVE;
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (title, cr_ops_parent_window (widget), action,
                                         save ? _("_Export") : _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  if (filter != NULL)
    gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  if (current_name != NULL)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), current_name);
  return chooser;
}

typedef struct
{
  CrOpsFileFunc callback;
  gpointer user_data;
} ChooserCall;

static void
chooser_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     ChooserCall     *call)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
  call->callback (file, call->user_data);
  g_free (call);
}

/* Shows @chooser, which it takes; @callback is called once, with what
 * was chosen or %NULL. */
void
cr_ops_file_chooser_run (GtkFileChooserNative *chooser,
                         CrOpsFileFunc         callback,
                         gpointer              user_data)
{
  ChooserCall *call = g_new (ChooserCall, 1);

  call->callback = callback;
  call->user_data = user_data;
  g_signal_connect (chooser, "response", G_CALLBACK (chooser_response_cb), call);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

typedef struct
{
  CrOpsPathFunc chosen;
  gpointer job;
  GDestroyNotify job_free;
} PathCall;

static void
path_file_cb (GFile    *file,
              gpointer  user_data)
{
  PathCall *call = user_data;
  g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;

  /* A file that is not on this computer (a portal's URI) has no path. */
  if (path != NULL)
    call->chosen (call->job, path);
  else
    call->job_free (call->job);
  g_free (call);
}

/**
 * cr_ops_choose_path:
 * @chosen: called with @job and the local file chosen
 * @job: (transfer full): what the caller needs then
 * @job_free: frees @job when nothing was chosen
 *
 * Asks for a file (cr_ops_file_chooser_new()), to export to or to open.
 */
void
cr_ops_choose_path (GtkWidget            *widget,
                    GtkFileChooserAction  action,
                    const char           *title,
                    GtkFileFilter        *filter,
                    const char           *current_name,
                    CrOpsPathFunc         chosen,
                    gpointer              job,
                    GDestroyNotify        job_free)
{
  PathCall *call = g_new (PathCall, 1);

  call->chosen = chosen;
  call->job = job;
  call->job_free = job_free;
  cr_ops_file_chooser_run (cr_ops_file_chooser_new (widget, action, title, filter, current_name), path_file_cb,
                           call);
}

/* ---- Exporting ---- */

typedef struct
{
  GtkWidget *widget;
  CrOpsExport export;
  char *suffix;
  char *done_message;
  char *path;
  GCancellable *cancellable;
  AdwToast *toast;
} ExportJob;

static void
export_job_free (gpointer data)
{
  ExportJob *job = data;

  g_clear_object (&job->widget);
  if (job->export.report != NULL)
    job->export.report_unref (job->export.report);
  g_free (job->suffix);
  g_free (job->done_message);
  g_free (job->path);
  g_clear_object (&job->cancellable);
  g_clear_object (&job->toast);
  g_free (job);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ExportJob, export_job_free)

/* What is needed once the file is chosen: the strings of @export are
 * only the caller's until it returns. */
static ExportJob *
export_job_new (GtkWidget         *widget,
                const CrOpsExport *export)
{
  ExportJob *job = g_new0 (ExportJob, 1);

  job->widget = g_object_ref (widget);
  job->export = *export;
  job->export.title = job->export.file_name = job->export.filter_name = NULL;
  job->export.suffix = job->export.done_message = NULL;
  job->export.report = export->report_ref (export->report);
  job->suffix = g_strdup (export->suffix);
  job->done_message = g_strdup (export->done_message);
  return job;
}

static void
exported_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(ExportJob) job = user_data;
  g_autoptr(GError) error = NULL;

  cr_ops_progress_toast_dismiss (job->toast);
  if (!job->export.finish (result, &error))
    cr_ops_show_export_error (job->widget, error);
  else
    cr_ops_show_done (job->widget, job->done_message, job->path);
}

static void
start_export (ExportJob *job)
{
  job->cancellable = g_cancellable_new ();
  job->toast = cr_ops_progress_toast (job->widget, _("Exporting…"), NULL, job->cancellable);
  job->export.export (job->export.report, job->path, job->cancellable, exported_cb, job);
}

static void
export_path_cb (gpointer    data,
                const char *path)
{
  ExportJob *job = data;
  g_autofree char *dot_suffix = g_strdup_printf (".%s", job->suffix);
  g_autofree char *lower = g_ascii_strdown (path, -1);

  /* The chooser may give a name without the extension that says the
   * format. */
  job->path = g_str_has_suffix (lower, dot_suffix) ? g_strdup (path) : g_strconcat (path, dot_suffix, NULL);
  start_export (job);
}

/**
 * cr_ops_export_choose:
 *
 * Asks where to write the report (a native file chooser), then writes it
 * in a worker thread; a toast says when it is done, with a button that
 * opens it, or why not.
 */
void
cr_ops_export_choose (GtkWidget         *widget,
                      const CrOpsExport *export)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *pattern = NULL;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (export != NULL);

  gtk_file_filter_set_name (filter, export->filter_name);
  pattern = g_strdup_printf ("*.%s", export->suffix);
  gtk_file_filter_add_pattern (filter, pattern);
  cr_ops_choose_path (widget, GTK_FILE_CHOOSER_ACTION_SAVE, export->title, filter, export->file_name,
                      export_path_cb, export_job_new (widget, export), export_job_free);
}

/* The same without asking: for tests, and for callers that know where. */
void
cr_ops_export_to_path (GtkWidget         *widget,
                       const CrOpsExport *export,
                       const char        *path)
{
  ExportJob *job;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (export != NULL);
  g_return_if_fail (path != NULL);

  job = export_job_new (widget, export);
  job->path = g_strdup (path);
  start_export (job);
}

/* ---- The pages' plumbing ---- */

typedef struct
{
  CrOpsPageEventFunc set_event;
  gpointer page;
} FollowEvent;

static void
follow_event_cb (CrEventSidebar *sidebar,
                 GParamSpec     *pspec,
                 FollowEvent    *follow)
{
  follow->set_event (follow->page, cr_event_sidebar_get_selected_event (sidebar));
}

static void
follow_event_free (gpointer  data,
                   GClosure *closure)
{
  g_free (data);
}

/**
 * cr_ops_page_new_for_window:
 * @new_for_store: makes the page, on the window's store and settings
 * @set_event: shows an event on the page (or none)
 *
 * Returns: (transfer floating): a page of the window that follows the
 *   event selected in its sidebar, for as long as the page lives
 */
GtkWidget *
cr_ops_page_new_for_window (CrWindow           *window,
                            CrOpsPageNewFunc    new_for_store,
                            CrOpsPageEventFunc  set_event)
{
  CrApplication *app = CR_APPLICATION (gtk_window_get_application (GTK_WINDOW (window)));
  CrEventSidebar *sidebar = cr_window_get_event_sidebar (window);
  FollowEvent *follow = g_new (FollowEvent, 1);
  GClosure *closure;

  follow->set_event = set_event;
  follow->page = new_for_store (cr_application_get_store (app), cr_application_get_settings (app));
  /* What g_signal_connect_object() does, with two pointers of data. */
  closure = g_cclosure_new (G_CALLBACK (follow_event_cb), follow, follow_event_free);
  g_object_watch_closure (G_OBJECT (follow->page), closure);
  g_signal_connect_closure (sidebar, "notify::selected-event", closure, FALSE);
  set_event (follow->page, cr_event_sidebar_get_selected_event (sidebar));
  return GTK_WIDGET (follow->page);
}

/**
 * cr_ops_page_watch:
 * @page_store: the page's field for the store
 * @page_settings: the page's field for the settings
 * @store_changed: called with the store's "changed" signal, @page last
 * @operator_changed: called, swapped, when the operator on shift changes
 *
 * An operations page's start: it keeps @store and @settings, and hears
 * of their changes until cr_ops_page_unwatch().
 */
void
cr_ops_page_watch (gpointer    page,
                   CrStore   **page_store,
                   GSettings **page_settings,
                   CrStore    *store,
                   GSettings  *settings,
                   GCallback   store_changed,
                   GCallback   operator_changed)
{
  *page_store = g_object_ref (store);
  *page_settings = g_object_ref (settings);
  g_signal_connect (store, "changed", store_changed, page);
  g_signal_connect_swapped (settings, "changed::operator-name", operator_changed, page);
}

/**
 * cr_ops_page_unwatch:
 * @refresh_source: the page's pending refresh, or 0
 * @clock_source: the page's clock, or 0
 *
 * An operations page's dispose, before its own fields: nothing the store,
 * the settings or the main loop say reaches the page any more; then its
 * template goes (cr_ops_dispose_template()), while the store and the
 * settings are still there for what the widgets do as they go; then the
 * page lets go of them.
 */
void
cr_ops_page_unwatch (GtkWidget  *page,
                     GType       page_type,
                     CrStore   **page_store,
                     GSettings **page_settings,
                     guint      *refresh_source,
                     guint      *clock_source)
{
  g_clear_handle_id (refresh_source, g_source_remove);
  g_clear_handle_id (clock_source, g_source_remove);
  if (*page_store != NULL)
    g_signal_handlers_disconnect_by_data (*page_store, page);
  if (*page_settings != NULL)
    g_signal_handlers_disconnect_by_data (*page_settings, page);
  cr_ops_dispose_template (page, page_type);
  g_clear_object (page_store);
  g_clear_object (page_settings);
}

typedef struct
{
  guint *source_id;
  CrOpsPageFunc func;
  gpointer page;
} IdleCall;

static gboolean
idle_cb (gpointer data)
{
  IdleCall *call = data;

  *call->source_id = 0;
  call->func (call->page);
  return G_SOURCE_REMOVE;
}

/**
 * cr_ops_queue_idle:
 * @source_id: the page's, which g_clear_handle_id() in its dispose
 * @func: what to do, once
 *
 * A change may come as many signals (an import, a tick that writes the
 * item, its journal and the logbook): the page refreshes once they are
 * all in, when the main loop is idle.
 */
void
cr_ops_queue_idle (guint         *source_id,
                   CrOpsPageFunc  func,
                   gpointer       page)
{
  IdleCall *call;

  if (*source_id != 0)
    return;
  call = g_new (IdleCall, 1);
  call->source_id = source_id;
  call->func = func;
  call->page = page;
  *source_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, idle_cb, call, g_free);
}

/* The label of the pages' "operator on shift" button. */
void
cr_ops_update_shift (GtkLabel *label,
                     CrStore  *store)
{
  g_autofree char *text = cr_shift_button_label (store);

  gtk_label_set_text (label, text);
}

/* GTK 4.8's drop-down does not pass its name on to the button inside
 * it, which is what screen readers see. */
void
cr_ops_name_drop_down (GtkDropDown *drop_down,
                       const char  *name)
{
  GtkWidget *button = gtk_widget_get_first_child (GTK_WIDGET (drop_down));

  gtk_accessible_update_property (GTK_ACCESSIBLE (drop_down), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  if (button != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}

static void
setup_label_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  in_list)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_width_chars (GTK_LABEL (label),
                             GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "cr-width-chars")));
  if (in_list != NULL)
    {
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label),
                               GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "cr-wrap-mode")));
      gtk_label_set_max_width_chars (GTK_LABEL (label), 48);
    }
  else
    {
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 28);
    }
  gtk_list_item_set_child (item, label);
}

static void
bind_label_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  in_list)
{
  GtkStringObject *string = gtk_list_item_get_item (item);

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)), gtk_string_object_get_string (string));
}

/**
 * cr_ops_set_label_factories:
 * @drop_down: a drop-down of #GtkStringObject
 * @button_width_chars: the width of its button's label, or -1
 * @list_width_chars: the width of its list's labels, or -1
 * @list_wrap_mode: how its list's labels wrap
 *
 * Shows the strings as labels: ellipsized on one line in the button, so
 * that a long partner name does not widen the page, and wrapped in the
 * list.
 */
void
cr_ops_set_label_factories (GtkDropDown   *drop_down,
                            int            button_width_chars,
                            int            list_width_chars,
                            PangoWrapMode  list_wrap_mode)
{
  for (int in_list = 0; in_list < 2; in_list++)
    {
      g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

      g_object_set_data (G_OBJECT (factory), "cr-width-chars",
                         GINT_TO_POINTER (in_list ? list_width_chars : button_width_chars));
      g_object_set_data (G_OBJECT (factory), "cr-wrap-mode", GINT_TO_POINTER (list_wrap_mode));
      g_signal_connect (factory, "setup", G_CALLBACK (setup_label_cb), GINT_TO_POINTER (in_list));
      g_signal_connect (factory, "bind", G_CALLBACK (bind_label_cb), GINT_TO_POINTER (in_list));
      if (in_list)
        gtk_drop_down_set_list_factory (drop_down, factory);
      else
        gtk_drop_down_set_factory (drop_down, factory);
    }
}

/* The id of the choice at @position of a drop-down or a combo row, whose
 * choices' ids @ids holds in their order; 0 for none. */
gint64
cr_ops_id_at (GArray *ids,
              guint   position)
{
  return position < ids->len ? g_array_index (ids, gint64, position) : 0;
}

/* Returns: where @id is in @ids, or %GTK_INVALID_LIST_POSITION */
guint
cr_ops_position_of (GArray *ids,
                    gint64  id)
{
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      return i;
  return GTK_INVALID_LIST_POSITION;
}

static gboolean
page_shortcut_cb (GtkWidget *widget,
                  GVariant  *args,
                  gpointer   page)
{
  /* Only while the page shows: other pages use the same keys. */
  if (!gtk_widget_get_mapped (GTK_WIDGET (page)))
    return FALSE;
  return gtk_widget_activate_action (GTK_WIDGET (page), g_variant_get_string (args, NULL), NULL);
}

/* A shortcut of @controller (managed scope: from anywhere in the window)
 * that activates @action of @page while the page shows. */
void
cr_ops_add_page_shortcut (GtkWidget             *page,
                          GtkShortcutController *controller,
                          guint                  keyval,
                          GdkModifierType        modifiers,
                          const char            *action)
{
  GtkShortcut *shortcut = gtk_shortcut_new (gtk_keyval_trigger_new (keyval, modifiers),
                                            gtk_callback_action_new (page_shortcut_cb, page, NULL));

  gtk_shortcut_set_arguments (shortcut, g_variant_new_string (action));
  gtk_shortcut_controller_add_shortcut (controller, shortcut);
}

/**
 * cr_ops_dispose_template:
 * @bin: an #AdwBin built from a template
 * @bin_type: the type whose template it is
 *
 * gtk_widget_dispose_template() for a page that is an #AdwBin, in its
 * dispose before chaining up.
 *
 * The bin's own dispose (after the page's) unparents its child. GTK 4.8's
 * gtk_widget_dispose_template() unparents a template child that is a
 * direct child of @bin, and drops the template's reference: were the
 * bin's child bound to a field, it would be freed there, and the bin
 * would then unparent freed memory (valgrind: an invalid read in
 * gtk_widget_unparent() from the bin's dispose). So the bin lets go of
 * its child first; then the template's references go and its fields are
 * %NULL, whichever widgets are bound.
 */
void
cr_ops_dispose_template (GtkWidget *bin,
                         GType      bin_type)
{
  g_return_if_fail (ADW_IS_BIN (bin));

  adw_bin_set_child (ADW_BIN (bin), NULL);
  gtk_widget_dispose_template (bin, bin_type);
}
