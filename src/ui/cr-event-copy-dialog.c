/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cr-event-copy-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cr-datetime-row.h"
#include "cr-event-copy-dialog.h"
#include "cr-event-sidebar.h"
#include "cr-time.h"
#include "cr-ui-utils.h"

/**
 * CrEventCopyDialog:
 *
 * "New event from a past one": choose the past event, name the new one
 * and give its start; every time of the copy moves by new start − old
 * start (cr_store_copy_event()). Prefilled for the usual case, the same
 * event a year later: the start a year on, the year in the name too.
 */
struct _CrEventCopyDialog
{
  AdwWindow parent_instance;

  GtkButton *accept_button;
  AdwComboRow *source_row;
  AdwEntryRow *name_row;
  CrDatetimeRow *starts_row;
  AdwActionRow *features_row;
  AdwActionRow *roles_row;
  GtkCheckButton *features_check;
  GtkCheckButton *roles_check;
  GtkLabel *summary_label;
  GtkLabel *error_label;

  CrStore *store;
  GListStore *events;
  guint n_features;
  guint n_roles;
  /* The name the dialog last suggested: while the entry still holds it,
   * the user has not typed one and a new start may change it. */
  char *suggested_name;
  guint updating;
};

G_DEFINE_FINAL_TYPE (CrEventCopyDialog, cr_event_copy_dialog, ADW_TYPE_WINDOW)

enum
{
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static CrEvent *
get_source (CrEventCopyDialog *self)
{
  return adw_combo_row_get_selected_item (self->source_row);
}

static int
local_year (GDateTime *dt)
{
  g_autoptr(GDateTime) local = g_date_time_to_timezone (dt, cr_time_zone_local ());

  return g_date_time_get_year (local);
}

/* @name with the year of the old start, where it stands alone, turned
 * into the year of the new start: "New Year's Eve 2024" → "… 2025". */
static char *
replace_year (const char *name,
              GDateTime  *old_start,
              GDateTime  *new_start)
{
  g_autofree char *old_year = NULL;
  g_autofree char *new_year = NULL;
  GString *result;
  const char *p = name;
  const char *hit;

  if (old_start == NULL || new_start == NULL)
    return g_strdup (name);
  old_year = g_strdup_printf ("%d", local_year (old_start));
  new_year = g_strdup_printf ("%d", local_year (new_start));
  result = g_string_new (NULL);
  while ((hit = strstr (p, old_year)) != NULL)
    {
      gboolean alone = (hit == name || !g_ascii_isdigit (hit[-1])) &&
                       !g_ascii_isdigit (hit[strlen (old_year)]);

      g_string_append_len (result, p, hit - p);
      g_string_append (result, alone ? new_year : old_year);
      p = hit + strlen (old_year);
    }
  g_string_append (result, p);
  return g_string_free (result, FALSE);
}

static char *
describe_span (GTimeSpan span)
{
  int days = (int) (span / G_TIME_SPAN_DAY);
  int hours = (int) ((span % G_TIME_SPAN_DAY) / G_TIME_SPAN_HOUR);
  int minutes = (int) ((span % G_TIME_SPAN_HOUR) / G_TIME_SPAN_MINUTE);
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  if (days > 0)
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%d day",
                                                       "%d days", days), days));
  if (hours > 0)
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%d hour",
                                                       "%d hours", hours), hours));
  if (minutes > 0 || parts->len == 0)
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%d minute",
                                                       "%d minutes", minutes),
                                             minutes));
  g_ptr_array_add (parts, NULL);
  /* Translators: joins "365 days", "2 hours" and "30 minutes". */
  return g_strjoinv (_(", "), (char **) parts->pdata);
}

static GTimeSpan
get_shift (CrEventCopyDialog *self)
{
  CrEvent *source = get_source (self);
  GDateTime *new_start = cr_datetime_row_get_datetime (self->starts_row);

  if (source == NULL || cr_event_get_starts (source) == NULL || new_start == NULL)
    return 0;
  return g_date_time_difference (new_start, cr_event_get_starts (source));
}

static void
update_summary (CrEventCopyDialog *self)
{
  gboolean features = gtk_check_button_get_active (self->features_check);
  gboolean roles = gtk_check_button_get_active (self->roles_check);
  g_autofree char *features_text = NULL;
  g_autofree char *roles_text = NULL;
  g_autofree char *what = NULL;
  g_autofree char *when = NULL;
  g_autofree char *summary = NULL;
  GTimeSpan shift = get_shift (self);

  features_text = g_strdup_printf (ngettext ("%u feature",
                                             "%u features", self->n_features),
                                   self->n_features);
  roles_text = g_strdup_printf (ngettext ("%u role",
                                          "%u roles", self->n_roles),
                                self->n_roles);
  if (features && roles)
    /* Translators: "43 features and 16 roles" */
    what = g_strdup_printf (_("Copies the event, %s and %s."), features_text, roles_text);
  else if (features)
    what = g_strdup_printf (_("Copies the event and %s."), features_text);
  else if (roles)
    what = g_strdup_printf (_("Copies the event and %s."), roles_text);
  else
    what = g_strdup (_("Copies the event alone."));

  if (shift == 0)
    when = g_strdup (_("Every date and time stays as it was."));
  else
    {
      g_autofree char *span = describe_span (ABS (shift));

      if (shift > 0)
        /* Translators: %s is a span of time, "365 days" or "2 days, 3 hours". */
        when = g_strdup_printf (_("Every date and time moves %s later."), span);
      else
        when = g_strdup_printf (_("Every date and time moves %s earlier."), span);
    }
  summary = g_strdup_printf ("%s %s", what, when);
  gtk_label_set_text (self->summary_label, summary);
}

static gboolean
check (CrEventCopyDialog *self,
       gboolean           saving,
       char             **message)
{
  g_autoptr(GError) error = NULL;
  gboolean name_ok;

  if (get_source (self) == NULL)
    {
      if (saving)
        *message = g_strdup (_("Choose the past event to copy."));
      return FALSE;
    }
  name_ok = cr_store_check_event_name (self->store,
                                       gtk_editable_get_text (GTK_EDITABLE (self->name_row)), 0,
                                       &error);
  if (!name_ok)
    {
      gboolean shown = saving || !g_error_matches (error, CR_STORE_ERROR, CR_STORE_ERROR_INVALID);

      if (shown)
        {
          gtk_widget_add_css_class (GTK_WIDGET (self->name_row), "error");
          *message = g_strdup (error->message);
        }
      else
        gtk_widget_remove_css_class (GTK_WIDGET (self->name_row), "error");
      return FALSE;
    }
  gtk_widget_remove_css_class (GTK_WIDGET (self->name_row), "error");
  if (!cr_datetime_row_get_valid (self->starts_row))
    {
      if (saving)
        *message = g_strdup (cr_datetime_row_get_error (self->starts_row));
      return FALSE;
    }
  return TRUE;
}

static void
validate_cb (CrEventCopyDialog *self)
{
  g_autofree char *message = NULL;

  if (self->store == NULL || self->updating > 0)
    return;
  gtk_widget_set_sensitive (GTK_WIDGET (self->accept_button), check (self, FALSE, &message));
  cr_ui_show_error_label (self->error_label, message);
  update_summary (self);
}

/* Suggests a name, unless the user typed one. */
static void
suggest_name (CrEventCopyDialog *self)
{
  CrEvent *source = get_source (self);
  const char *current = gtk_editable_get_text (GTK_EDITABLE (self->name_row));
  g_autofree char *name = NULL;

  if (source == NULL)
    return;
  if (*current != '\0' && g_strcmp0 (current, self->suggested_name) != 0)
    return;
  name = replace_year (cr_event_get_name (source), cr_event_get_starts (source),
                       cr_datetime_row_get_datetime (self->starts_row));
  if (!cr_store_check_event_name (self->store, name, 0, NULL))
    {
      g_autofree char *free_name = cr_store_copy_event_name (self->store, name, NULL);

      if (free_name != NULL)
        {
          g_free (name);
          name = g_steal_pointer (&free_name);
        }
    }
  g_free (self->suggested_name);
  self->suggested_name = g_strdup (name);
  self->updating++;
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), name);
  self->updating--;
}

static void
name_changed_cb (CrEventCopyDialog *self)
{
  validate_cb (self);
}

static void
starts_changed_cb (CrEventCopyDialog *self)
{
  if (self->updating > 0)
    return;
  suggest_name (self);
  validate_cb (self);
}

static void
source_changed_cb (CrEventCopyDialog *self)
{
  CrEvent *source = get_source (self);
  g_autoptr(GError) error = NULL;
  g_autofree char *description = NULL;
  g_autofree char *features_text = NULL;
  g_autofree char *roles_text = NULL;
  GDateTime *old_start;
  gint64 id;

  if (self->store == NULL || source == NULL)
    return;
  id = cr_record_get_id (CR_RECORD (source));
  description = cr_event_sidebar_describe (source);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->source_row), description);

  self->n_features = (guint) MAX (0, cr_store_count (self->store, CR_TYPE_FEATURE, "event_id", id,
                                                     &error));
  if (error == NULL)
    self->n_roles = (guint) MAX (0, cr_store_count (self->store, CR_TYPE_ROLE, "event_id", id,
                                                    &error));
  if (error != NULL)
    g_warning ("Could not count what the event holds: %s", error->message);
  features_text = g_strdup_printf (ngettext ("%u feature on the map, with its waypoints",
                                             "%u features on the map, with their waypoints",
                                             self->n_features),
                                   self->n_features);
  roles_text = g_strdup_printf (ngettext ("%u role, each sector pointing at the copied feature",
                                          "%u roles, each sector pointing at the copied feature",
                                          self->n_roles),
                                self->n_roles);
  adw_action_row_set_subtitle (self->features_row, features_text);
  adw_action_row_set_subtitle (self->roles_row, roles_text);

  /* The same event a year on, at the same local time. Without a start
   * there is nothing to move from: times are copied as they are. */
  old_start = cr_event_get_starts (source);
  self->updating++;
  if (old_start != NULL)
    {
      g_autoptr(GDateTime) local = g_date_time_to_timezone (old_start, cr_time_zone_local ());
      g_autoptr(GDateTime) next = g_date_time_add_years (local, 1);

      cr_datetime_row_set_nullable (self->starts_row, FALSE);
      cr_datetime_row_set_datetime (self->starts_row, next);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->starts_row), NULL);
      gtk_widget_set_sensitive (GTK_WIDGET (self->starts_row), TRUE);
    }
  else
    {
      cr_datetime_row_set_nullable (self->starts_row, TRUE);
      cr_datetime_row_set_datetime (self->starts_row, NULL);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->starts_row),
                                   _("The past event has no start, so its times are copied as they are."));
      gtk_widget_set_sensitive (GTK_WIDGET (self->starts_row), FALSE);
    }
  self->updating--;

  /* A new source: a new suggestion, whatever was typed for the old one. */
  g_clear_pointer (&self->suggested_name, g_free);
  self->updating++;
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), "");
  self->updating--;
  suggest_name (self);
  validate_cb (self);
}

static void
accept_clicked_cb (CrEventCopyDialog *self)
{
  cr_event_copy_dialog_save (self);
}

static void
cr_event_copy_dialog_dispose (GObject *object)
{
  CrEventCopyDialog *self = CR_EVENT_COPY_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CR_TYPE_EVENT_COPY_DIALOG);
  g_clear_object (&self->store);
  g_clear_object (&self->events);
  g_clear_pointer (&self->suggested_name, g_free);

  G_OBJECT_CLASS (cr_event_copy_dialog_parent_class)->dispose (object);
}

static void
cr_event_copy_dialog_class_init (CrEventCopyDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cr_event_copy_dialog_dispose;

  /**
   * CrEventCopyDialog::saved:
   * @event_id: the new event
   *
   * Emitted once the store has the copy, before the dialog closes.
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                 NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  g_type_ensure (CR_TYPE_DATETIME_ROW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/cr-event-copy-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CrEventCopyDialog, accept_button);
  gtk_widget_class_bind_template_child (widget_class, CrEventCopyDialog, source_row);
  gtk_widget_class_bind_template_child (widget_class, CrEventCopyDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, CrEventCopyDialog, starts_row);
  gtk_widget_class_bind_template_child (widget_class, CrEventCopyDialog, features_row);
  gtk_widget_class_bind_template_child (widget_class, CrEventCopyDialog, roles_row);
  gtk_widget_class_bind_template_child (widget_class, CrEventCopyDialog, features_check);
  gtk_widget_class_bind_template_child (widget_class, CrEventCopyDialog, roles_check);
  gtk_widget_class_bind_template_child (widget_class, CrEventCopyDialog, summary_label);
  gtk_widget_class_bind_template_child (widget_class, CrEventCopyDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, source_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, name_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, starts_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, validate_cb);
  gtk_widget_class_bind_template_callback (widget_class, accept_clicked_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
cr_event_copy_dialog_init (CrEventCopyDialog *self)
{
  g_autoptr(GtkExpression) name = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  name = gtk_property_expression_new (CR_TYPE_EVENT, NULL, "name");
  adw_combo_row_set_expression (self->source_row, name);
}

static guint
find_event (GListModel *model,
            gint64      id)
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(CrEvent) event = g_list_model_get_item (model, i);

      if (cr_record_get_id (CR_RECORD (event)) == id)
        return i;
    }
  return GTK_INVALID_LIST_POSITION;
}

/* Without a choice: the latest event that has begun, the likeliest to
 * recur; else the latest. */
static guint
default_source (GListModel *model)
{
  g_autoptr(GDateTime) now = cr_time_now_utc ();

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(CrEvent) event = g_list_model_get_item (model, i);
      GDateTime *starts = cr_event_get_starts (event);

      if (starts != NULL && g_date_time_compare (starts, now) <= 0)
        return i;
    }
  return 0;
}

/**
 * cr_event_copy_dialog_new:
 * @source_event_id: the event to offer first, or 0 for the latest past one
 * @parent: (nullable): the window it belongs to
 *
 * Returns: (transfer none): the dialog, not yet shown; it is destroyed
 *   when closed
 */
CrEventCopyDialog *
cr_event_copy_dialog_new (CrStore   *store,
                          gint64     source_event_id,
                          GtkWindow *parent)
{
  CrEventCopyDialog *self;
  g_autoptr(GListModel) events = NULL;
  g_autoptr(GError) error = NULL;
  guint position = GTK_INVALID_LIST_POSITION;

  g_return_val_if_fail (CR_IS_STORE (store), NULL);

  self = g_object_new (CR_TYPE_EVENT_COPY_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->events = g_list_store_new (CR_TYPE_EVENT);

  /* Archived events too: last year's is most often archived. */
  events = cr_store_list_events (store, TRUE, &error);
  if (events == NULL)
    cr_ui_show_error_label (self->error_label, error->message);
  else
    for (guint i = 0; i < g_list_model_get_n_items (events); i++)
      {
        g_autoptr(CrEvent) event = g_list_model_get_item (events, i);

        g_list_store_append (self->events, event);
      }

  if (source_event_id > 0)
    position = find_event (G_LIST_MODEL (self->events), source_event_id);
  if (position == GTK_INVALID_LIST_POSITION)
    position = default_source (G_LIST_MODEL (self->events));
  self->updating++;
  adw_combo_row_set_model (self->source_row, G_LIST_MODEL (self->events));
  self->updating--;
  if (g_list_model_get_n_items (G_LIST_MODEL (self->events)) > 0)
    {
      if (adw_combo_row_get_selected (self->source_row) == position)
        source_changed_cb (self);
      else
        adw_combo_row_set_selected (self->source_row, position);
    }
  else
    validate_cb (self);
  return self;
}

/* Returns: whether there is such an event to copy */
gboolean
cr_event_copy_dialog_set_source (CrEventCopyDialog *self,
                                 gint64             event_id)
{
  guint position;

  g_return_val_if_fail (CR_IS_EVENT_COPY_DIALOG (self), FALSE);

  position = find_event (G_LIST_MODEL (self->events), event_id);
  if (position == GTK_INVALID_LIST_POSITION)
    return FALSE;
  adw_combo_row_set_selected (self->source_row, position);
  return TRUE;
}

void
cr_event_copy_dialog_set_name (CrEventCopyDialog *self,
                               const char        *name)
{
  g_return_if_fail (CR_IS_EVENT_COPY_DIALOG (self));

  gtk_editable_set_text (GTK_EDITABLE (self->name_row), name != NULL ? name : "");
}

void
cr_event_copy_dialog_set_starts (CrEventCopyDialog *self,
                                 GDateTime         *starts)
{
  g_return_if_fail (CR_IS_EVENT_COPY_DIALOG (self));

  cr_datetime_row_set_datetime (self->starts_row, starts);
}

void
cr_event_copy_dialog_set_copy_features (CrEventCopyDialog *self,
                                        gboolean           copy)
{
  g_return_if_fail (CR_IS_EVENT_COPY_DIALOG (self));

  gtk_check_button_set_active (self->features_check, copy);
}

void
cr_event_copy_dialog_set_copy_roles (CrEventCopyDialog *self,
                                     gboolean           copy)
{
  g_return_if_fail (CR_IS_EVENT_COPY_DIALOG (self));

  gtk_check_button_set_active (self->roles_check, copy);
}

const char *
cr_event_copy_dialog_get_name (CrEventCopyDialog *self)
{
  g_return_val_if_fail (CR_IS_EVENT_COPY_DIALOG (self), NULL);

  return gtk_editable_get_text (GTK_EDITABLE (self->name_row));
}

/* What will be copied and how far times move, as the dialog says it. */
const char *
cr_event_copy_dialog_get_summary (CrEventCopyDialog *self)
{
  g_return_val_if_fail (CR_IS_EVENT_COPY_DIALOG (self), NULL);

  return gtk_label_get_text (self->summary_label);
}

/**
 * cr_event_copy_dialog_save:
 *
 * What the accept button does: copies through the store, emits
 * #CrEventCopyDialog::saved and closes; when something is wrong the
 * dialog stays open and says what.
 *
 * Returns: %TRUE when the new event is stored
 */
gboolean
cr_event_copy_dialog_save (CrEventCopyDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  CrEventCopyFlags flags = 0;
  gint64 new_id = 0;

  g_return_val_if_fail (CR_IS_EVENT_COPY_DIALOG (self), FALSE);

  if (!check (self, TRUE, &message))
    {
      cr_ui_show_error_label (self->error_label, message);
      gtk_widget_set_sensitive (GTK_WIDGET (self->accept_button), FALSE);
      return FALSE;
    }
  if (gtk_check_button_get_active (self->features_check))
    flags |= CR_EVENT_COPY_FEATURES;
  if (gtk_check_button_get_active (self->roles_check))
    flags |= CR_EVENT_COPY_ROLES;
  if (!cr_store_copy_event (self->store, cr_record_get_id (CR_RECORD (get_source (self))),
                            gtk_editable_get_text (GTK_EDITABLE (self->name_row)),
                            get_shift (self), flags, &new_id, &error))
    {
      cr_ui_show_error_label (self->error_label, error->message);
      return FALSE;
    }
  g_signal_emit (self, signals[SAVED], 0, new_id);
  gtk_window_close (GTK_WINDOW (self));
  return TRUE;
}

/**
 * cr_event_copy_dialog_get_error:
 *
 * Returns: (nullable): the message the dialog shows, or %NULL
 */
const char *
cr_event_copy_dialog_get_error (CrEventCopyDialog *self)
{
  g_return_val_if_fail (CR_IS_EVENT_COPY_DIALOG (self), NULL);

  if (!gtk_widget_get_visible (GTK_WIDGET (self->error_label)))
    return NULL;
  return gtk_label_get_text (self->error_label);
}
