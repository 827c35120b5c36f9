/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cr-datetime-row"

#include "config.h"

#include <glib/gi18n.h>

#include "cr-datetime-row.h"
#include "cr-time.h"
#include "cr-ui-utils.h"

/**
 * CrDatetimeRow:
 *
 * A list row to enter a date and time: typed in the entry
 * ("26/09/2024 08:00", or ISO 8601) or picked in a calendar popover with
 * hour and minute, always in Europe/Brussels local time
 * (cr_time_zone_local()), while #CrDatetimeRow:datetime holds UTC.
 *
 * Set #AdwPreferencesRow:title to say what the time is ("Starts"); the
 * entry takes it as its accessible name. A nullable row (the default)
 * has a clear button, and an empty entry means "not set".
 *
 * Text that is not a time never crashes nor loses what was typed: the
 * row turns red once the entry loses focus (or on Enter), the subtitle
 * says how to write it, #CrDatetimeRow:valid is %FALSE and
 * #CrDatetimeRow:datetime keeps the last good value. Dialogs disable
 * their default button while a row is not valid.
 */
struct _CrDatetimeRow
{
  AdwActionRow parent_instance;

  GtkEntry *entry;
  GtkMenuButton *calendar_button;
  GtkButton *clear_button;
  GtkCalendar *calendar;
  GtkSpinButton *hour_spin;
  GtkSpinButton *minute_spin;

  GDateTime *datetime; /* UTC, or NULL */
  char *error;         /* why the text is not a time, or NULL */
  char *subtitle;      /* the caller's subtitle while an error hides it */
  gboolean nullable;
  gboolean showing_error;
  guint updating;
};

G_DEFINE_FINAL_TYPE (CrDatetimeRow, cr_datetime_row, ADW_TYPE_ACTION_ROW)

enum
{
  PROP_0,
  PROP_DATETIME,
  PROP_NULLABLE,
  PROP_VALID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum
{
  DONE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

#define DISPLAY_FORMAT "%d/%m/%Y %H:%M"

/* The typed text as a UTC time. Years outside 1900–2200 are typing
 * slips ("26/09/24"), not dates the crisis centre plans for. */
static GDateTime *
parse_text (const char *text)
{
  g_autoptr(GDateTime) dt = cr_time_parse (text);
  int year;

  if (dt == NULL)
    return NULL;
  year = g_date_time_get_year (dt);
  if (year < 1900 || year > 2200)
    return NULL;
  return g_steal_pointer (&dt);
}

static void
update_accessible (CrDatetimeRow *self)
{
  const char *title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (self));

  gtk_accessible_update_property (GTK_ACCESSIBLE (self->entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  title != NULL && *title != '\0' ? title : _("Date and time"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  self->showing_error ? self->error
                                                      : _("Day/month/year and hour:minute, "
                                                          "Brussels time"),
                                  -1);
  gtk_accessible_update_state (GTK_ACCESSIBLE (self->entry),
                               GTK_ACCESSIBLE_STATE_INVALID,
                               self->showing_error ? GTK_ACCESSIBLE_INVALID_TRUE
                                                   : GTK_ACCESSIBLE_INVALID_FALSE,
                               -1);
}

/* The error shows once the user is done typing, and goes as soon as the
 * text is right again. */
static void
show_error (CrDatetimeRow *self,
            gboolean       show)
{
  show = show && self->error != NULL;
  if (show == self->showing_error)
    {
      if (show)
        adw_action_row_set_subtitle (ADW_ACTION_ROW (self), self->error);
      return;
    }
  self->showing_error = show;
  if (show)
    {
      g_free (self->subtitle);
      self->subtitle = g_strdup (adw_action_row_get_subtitle (ADW_ACTION_ROW (self)));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self), self->error);
      gtk_widget_add_css_class (GTK_WIDGET (self), "error");
      gtk_widget_add_css_class (GTK_WIDGET (self->entry), "error");
    }
  else
    {
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self), self->subtitle);
      g_clear_pointer (&self->subtitle, g_free);
      gtk_widget_remove_css_class (GTK_WIDGET (self), "error");
      gtk_widget_remove_css_class (GTK_WIDGET (self->entry), "error");
    }
  update_accessible (self);
}

static void
set_error (CrDatetimeRow *self,
           const char    *error)
{
  gboolean was_valid = self->error == NULL;

  g_free (self->error);
  self->error = g_strdup (error);
  if (error == NULL)
    show_error (self, FALSE);
  else if (self->showing_error)
    show_error (self, TRUE);
  if (was_valid != (error == NULL))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALID]);
}

/* The calendar and the spin buttons follow the time, in local time. */
static void
sync_picker (CrDatetimeRow *self)
{
  g_autoptr(GDateTime) local = NULL;

  if (self->datetime == NULL)
    return;
  local = g_date_time_to_timezone (self->datetime, cr_time_zone_local ());
  self->updating++;
  gtk_calendar_select_day (self->calendar, local);
  gtk_spin_button_set_value (self->hour_spin, g_date_time_get_hour (local));
  gtk_spin_button_set_value (self->minute_spin, g_date_time_get_minute (local));
  self->updating--;
}

static void
update_clear_button (CrDatetimeRow *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->entry));

  gtk_widget_set_visible (GTK_WIDGET (self->clear_button), self->nullable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->clear_button), *text != '\0');
}

/* Takes the time without touching the entry's text. */
static void
take_datetime (CrDatetimeRow *self,
               GDateTime     *datetime)
{
  g_autoptr(GDateTime) utc = datetime ? g_date_time_to_utc (datetime) : NULL;

  if (cr_ui_same_time (self->datetime, utc))
    return;
  g_clear_pointer (&self->datetime, g_date_time_unref);
  self->datetime = g_steal_pointer (&utc);
  sync_picker (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATETIME]);
}

static void
set_text (CrDatetimeRow *self,
          GDateTime     *datetime)
{
  g_autofree char *text = cr_time_format_local (datetime, DISPLAY_FORMAT);

  self->updating++;
  gtk_editable_set_text (GTK_EDITABLE (self->entry), text != NULL ? text : "");
  self->updating--;
  update_clear_button (self);
}

static void
entry_changed_cb (CrDatetimeRow *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->entry));
  g_autofree char *stripped = g_strstrip (g_strdup (text));
  g_autoptr(GDateTime) dt = NULL;

  update_clear_button (self);
  if (self->updating > 0)
    return;

  if (*stripped == '\0')
    {
      if (self->nullable)
        {
          set_error (self, NULL);
          take_datetime (self, NULL);
        }
      else
        set_error (self, _("Enter a date and time, for example 26/09/2024 08:00."));
      return;
    }
  dt = parse_text (stripped);
  if (dt == NULL)
    {
      g_autofree char *message =
        /* Translators: %s is what the user typed. */
        g_strdup_printf (_("“%s” is not a date and time. Write it like 26/09/2024 08:00."),
                         stripped);

      set_error (self, message);
      return;
    }
  set_error (self, NULL);
  take_datetime (self, dt);
}

/* Done typing: show what is wrong, or the time in its usual form. */
static void
commit_text (CrDatetimeRow *self)
{
  if (self->error != NULL)
    show_error (self, TRUE);
  else
    set_text (self, self->datetime);
}

static void
entry_activate_cb (CrDatetimeRow *self)
{
  commit_text (self);
  g_signal_emit (self, signals[DONE], 0);
}

static void
entry_leave_cb (CrDatetimeRow *self)
{
  commit_text (self);
  g_signal_emit (self, signals[DONE], 0);
}

static void
picker_changed_cb (CrDatetimeRow *self)
{
  g_autoptr(GDateTime) day = NULL;
  g_autoptr(GDateTime) local = NULL;

  if (self->updating > 0)
    return;
  day = gtk_calendar_get_date (self->calendar);
  local = g_date_time_new (cr_time_zone_local (),
                           g_date_time_get_year (day), g_date_time_get_month (day),
                           g_date_time_get_day_of_month (day),
                           gtk_spin_button_get_value_as_int (self->hour_spin),
                           gtk_spin_button_get_value_as_int (self->minute_spin), 0);
  if (local == NULL)
    return;
  set_error (self, NULL);
  take_datetime (self, local);
  set_text (self, self->datetime);
}

/* Opened on an empty row: start from today, 08:00 — the hour briefings
 * usually start. */
static void
popover_show_cb (CrDatetimeRow *self)
{
  g_autoptr(GDateTime) now = NULL;

  if (self->datetime != NULL)
    {
      sync_picker (self);
      return;
    }
  now = g_date_time_new_now (cr_time_zone_local ());
  self->updating++;
  gtk_calendar_select_day (self->calendar, now);
  gtk_spin_button_set_value (self->hour_spin, 8);
  gtk_spin_button_set_value (self->minute_spin, 0);
  self->updating--;
}

static gboolean
spin_output_cb (GtkSpinButton *spin,
                gpointer       user_data)
{
  g_autofree char *text = g_strdup_printf ("%02d", gtk_spin_button_get_value_as_int (spin));

  if (!g_str_equal (text, gtk_editable_get_text (GTK_EDITABLE (spin))))
    gtk_editable_set_text (GTK_EDITABLE (spin), text);
  return TRUE;
}

static void
clear_clicked_cb (CrDatetimeRow *self)
{
  cr_datetime_row_set_datetime (self, NULL);
  gtk_widget_grab_focus (GTK_WIDGET (self->entry));
}

static void
title_changed_cb (CrDatetimeRow *self)
{
  update_accessible (self);
}

static void
cr_datetime_row_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  CrDatetimeRow *self = CR_DATETIME_ROW (object);

  switch (prop_id)
    {
    case PROP_DATETIME:
      g_value_set_boxed (value, self->datetime);
      break;
    case PROP_NULLABLE:
      g_value_set_boolean (value, self->nullable);
      break;
    case PROP_VALID:
      g_value_set_boolean (value, self->error == NULL);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cr_datetime_row_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  CrDatetimeRow *self = CR_DATETIME_ROW (object);

  switch (prop_id)
    {
    case PROP_DATETIME:
      cr_datetime_row_set_datetime (self, g_value_get_boxed (value));
      break;
    case PROP_NULLABLE:
      cr_datetime_row_set_nullable (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cr_datetime_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), CR_TYPE_DATETIME_ROW);

  G_OBJECT_CLASS (cr_datetime_row_parent_class)->dispose (object);
}

static void
cr_datetime_row_finalize (GObject *object)
{
  CrDatetimeRow *self = CR_DATETIME_ROW (object);

  g_clear_pointer (&self->datetime, g_date_time_unref);
  g_free (self->error);
  g_free (self->subtitle);

  G_OBJECT_CLASS (cr_datetime_row_parent_class)->finalize (object);
}

static void
cr_datetime_row_class_init (CrDatetimeRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = cr_datetime_row_get_property;
  object_class->set_property = cr_datetime_row_set_property;
  object_class->dispose = cr_datetime_row_dispose;
  object_class->finalize = cr_datetime_row_finalize;

  /**
   * CrDatetimeRow:datetime: (nullable)
   *
   * The time, in UTC; %NULL when not set. While the text is not valid,
   * the last valid time.
   */
  properties[PROP_DATETIME] =
    g_param_spec_boxed ("datetime", NULL, NULL, G_TYPE_DATE_TIME,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * CrDatetimeRow:nullable:
   *
   * Whether "not set" is a value: a clear button, and an empty entry is
   * valid.
   */
  properties[PROP_NULLABLE] =
    g_param_spec_boolean ("nullable", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * CrDatetimeRow:valid:
   *
   * Whether the text is a time (or empty, when nullable).
   */
  properties[PROP_VALID] =
    g_param_spec_boolean ("valid", NULL, NULL, TRUE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CrDatetimeRow::done:
   *
   * The user is done typing: Enter, or the focus left the entry (for the
   * calendar button of the same row too). A time typed is committed
   * then, not at each keystroke.
   */
  signals[DONE] = g_signal_new ("done", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/cr-datetime-row.ui");
  gtk_widget_class_bind_template_child (widget_class, CrDatetimeRow, entry);
  gtk_widget_class_bind_template_child (widget_class, CrDatetimeRow, calendar_button);
  gtk_widget_class_bind_template_child (widget_class, CrDatetimeRow, clear_button);
  gtk_widget_class_bind_template_child (widget_class, CrDatetimeRow, calendar);
  gtk_widget_class_bind_template_child (widget_class, CrDatetimeRow, hour_spin);
  gtk_widget_class_bind_template_child (widget_class, CrDatetimeRow, minute_spin);
  gtk_widget_class_bind_template_callback (widget_class, entry_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, entry_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, entry_leave_cb);
  gtk_widget_class_bind_template_callback (widget_class, picker_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, popover_show_cb);
  gtk_widget_class_bind_template_callback (widget_class, spin_output_cb);
  gtk_widget_class_bind_template_callback (widget_class, clear_clicked_cb);
}

static void
cr_datetime_row_init (CrDatetimeRow *self)
{
  self->nullable = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));

  /* GTK 4.8's menu button does not pass its name on to the button
   * inside it, which is what screen readers see. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_widget_get_first_child (GTK_WIDGET (self->calendar_button))),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Pick a Date and Time"), -1);
  g_signal_connect (self, "notify::title", G_CALLBACK (title_changed_cb), NULL);
  update_accessible (self);
  update_clear_button (self);
}

GtkWidget *
cr_datetime_row_new (void)
{
  return g_object_new (CR_TYPE_DATETIME_ROW, NULL);
}

/**
 * cr_datetime_row_get_datetime:
 *
 * Returns: (transfer none) (nullable): the time in UTC, or %NULL when
 *   not set
 */
GDateTime *
cr_datetime_row_get_datetime (CrDatetimeRow *self)
{
  g_return_val_if_fail (CR_IS_DATETIME_ROW (self), NULL);

  return self->datetime;
}

/**
 * cr_datetime_row_set_datetime:
 * @datetime: (nullable): a time in any zone, or %NULL to clear (only
 *   meaningful when nullable)
 *
 * Shows @datetime in local time and drops any error.
 */
void
cr_datetime_row_set_datetime (CrDatetimeRow *self,
                              GDateTime     *datetime)
{
  g_return_if_fail (CR_IS_DATETIME_ROW (self));

  take_datetime (self, datetime);
  set_text (self, self->datetime);
  if (self->datetime == NULL && !self->nullable)
    set_error (self, _("Enter a date and time, for example 26/09/2024 08:00."));
  else
    set_error (self, NULL);
}

gboolean
cr_datetime_row_get_nullable (CrDatetimeRow *self)
{
  g_return_val_if_fail (CR_IS_DATETIME_ROW (self), FALSE);

  return self->nullable;
}

void
cr_datetime_row_set_nullable (CrDatetimeRow *self,
                              gboolean       nullable)
{
  g_return_if_fail (CR_IS_DATETIME_ROW (self));

  nullable = !!nullable;
  if (self->nullable == nullable)
    return;
  self->nullable = nullable;
  update_clear_button (self);
  /* An empty row is right or wrong depending on this. */
  if (self->datetime == NULL && *gtk_editable_get_text (GTK_EDITABLE (self->entry)) == '\0')
    set_error (self, nullable ? NULL : _("Enter a date and time, for example 26/09/2024 08:00."));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NULLABLE]);
}

/* Whether the text is a time, or empty in a nullable row. */
gboolean
cr_datetime_row_get_valid (CrDatetimeRow *self)
{
  g_return_val_if_fail (CR_IS_DATETIME_ROW (self), FALSE);

  return self->error == NULL;
}

/**
 * cr_datetime_row_get_error:
 *
 * Returns: (nullable): why the text is not a time, as the row shows it
 *   once the user is done typing; %NULL when valid
 */
const char *
cr_datetime_row_get_error (CrDatetimeRow *self)
{
  g_return_val_if_fail (CR_IS_DATETIME_ROW (self), NULL);

  return self->error;
}
