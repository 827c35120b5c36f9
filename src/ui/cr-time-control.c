/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cr-time-control"

#include "config.h"

#include <glib/gi18n.h>

#include "cr-time-control.h"
#include "cr-time.h"
#include "cr-ui-utils.h"

/**
 * CrTimeControl:
 *
 * "Show the map at": a switch between every feature whatever its time
 * and one moment; a slider over the event's span, a "Now" button and
 * play, which moves the time forward one planning minute every tick so a
 * planner watches the day unfold (perimeters opening and closing, the
 * convoy moving along its route).
 *
 * The "time" property is %NULL when the map shows all times.
 */

/* While playing: simulated time per tick. */
#define PLAY_STEP (G_TIME_SPAN_MINUTE)
#define PLAY_INTERVAL_MS 100

struct _CrTimeControl
{
  GtkWidget parent_instance;

  GtkToggleButton *enabled;
  GtkScale *scale;
  GtkLabel *label;
  GtkButton *now_button;
  GtkToggleButton *play_button;

  GDateTime *start;
  GDateTime *end;
  GDateTime *time;
  guint play_source;
  gboolean updating;
};

enum
{
  PROP_0,
  PROP_TIME,
  PROP_PLAYING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (CrTimeControl, cr_time_control, GTK_TYPE_WIDGET)

static void
update_widgets (CrTimeControl *self)
{
  gboolean on = self->time != NULL;

  self->updating = TRUE;
  gtk_toggle_button_set_active (self->enabled, on);
  gtk_widget_set_sensitive (GTK_WIDGET (self->scale), on && self->start != NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->play_button), on && self->start != NULL);
  if (on)
    {
      /* Translators: the time the map shows, e.g. "Sat 28/09 08:45" */
      g_autofree char *text = cr_time_format_local (self->time, _("%a %d/%m %H:%M"));

      gtk_label_set_text (self->label, text);
      if (self->start != NULL)
        gtk_range_set_value (GTK_RANGE (self->scale),
                             g_date_time_difference (self->time, self->start) / (double) G_TIME_SPAN_MINUTE);
    }
  else
    gtk_label_set_text (self->label, _("All times"));
  self->updating = FALSE;
}

static void
set_time_internal (CrTimeControl *self,
                   GDateTime     *time)
{
  if (cr_ui_same_time (self->time, time))
    {
      update_widgets (self);
      return;
    }
  g_clear_pointer (&self->time, g_date_time_unref);
  if (time != NULL)
    self->time = g_date_time_ref (time);
  update_widgets (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TIME]);
}

/* Clamps @time into the event's span, when there is one. */
static GDateTime *
clamp_to_span (CrTimeControl *self,
               GDateTime     *time)
{
  if (self->start != NULL && g_date_time_compare (time, self->start) < 0)
    return g_date_time_ref (self->start);
  if (self->end != NULL && g_date_time_compare (time, self->end) > 0)
    return g_date_time_ref (self->end);
  return g_date_time_ref (time);
}

static void
enabled_toggled_cb (CrTimeControl   *self,
                    GtkToggleButton *button)
{
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GDateTime) time = NULL;

  if (self->updating)
    return;
  if (!gtk_toggle_button_get_active (button))
    {
      cr_time_control_set_playing (self, FALSE);
      set_time_internal (self, NULL);
      return;
    }
  /* Start at now if it is within the event, else at its start. */
  now = cr_time_now_utc ();
  time = self->start != NULL ? clamp_to_span (self, now) : g_date_time_ref (now);
  set_time_internal (self, time);
}

static void
scale_changed_cb (CrTimeControl *self,
                  GtkRange      *range)
{
  g_autoptr(GDateTime) time = NULL;

  if (self->updating || self->start == NULL)
    return;
  time = g_date_time_add_minutes (self->start, (int) gtk_range_get_value (range));
  set_time_internal (self, time);
}

static void
now_clicked_cb (CrTimeControl *self,
                GtkButton     *button)
{
  g_autoptr(GDateTime) now = cr_time_now_utc ();

  cr_time_control_set_playing (self, FALSE);
  set_time_internal (self, now);
}

static gboolean
play_tick_cb (gpointer user_data)
{
  CrTimeControl *self = user_data;

  if (self->time == NULL || (self->end != NULL && g_date_time_compare (self->time, self->end) >= 0))
    {
      /* Removes this source; returning REMOVE as well is harmless. */
      cr_time_control_set_playing (self, FALSE);
      return G_SOURCE_REMOVE;
    }
  cr_time_control_step (self, PLAY_STEP);
  return G_SOURCE_CONTINUE;
}

static void
play_toggled_cb (CrTimeControl   *self,
                 GtkToggleButton *button)
{
  if (self->updating)
    return;
  cr_time_control_set_playing (self, gtk_toggle_button_get_active (button));
}

static char *
format_scale_value_cb (GtkScale *scale,
                       double    value,
                       gpointer  user_data)
{
  CrTimeControl *self = user_data;
  g_autoptr(GDateTime) time = NULL;

  if (self->start == NULL)
    return g_strdup ("");
  time = g_date_time_add_minutes (self->start, (int) value);
  return cr_time_format_local (time, "%H:%M");
}

static void
cr_time_control_dispose (GObject *object)
{
  CrTimeControl *self = CR_TIME_CONTROL (object);
  GtkWidget *child;

  g_clear_handle_id (&self->play_source, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), CR_TYPE_TIME_CONTROL);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (cr_time_control_parent_class)->dispose (object);
}

static void
cr_time_control_finalize (GObject *object)
{
  CrTimeControl *self = CR_TIME_CONTROL (object);

  g_clear_pointer (&self->start, g_date_time_unref);
  g_clear_pointer (&self->end, g_date_time_unref);
  g_clear_pointer (&self->time, g_date_time_unref);

  G_OBJECT_CLASS (cr_time_control_parent_class)->finalize (object);
}

static void
cr_time_control_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  CrTimeControl *self = CR_TIME_CONTROL (object);

  switch (prop_id)
    {
    case PROP_TIME:
      g_value_set_boxed (value, self->time);
      break;
    case PROP_PLAYING:
      g_value_set_boolean (value, self->play_source != 0);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cr_time_control_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  CrTimeControl *self = CR_TIME_CONTROL (object);

  switch (prop_id)
    {
    case PROP_TIME:
      cr_time_control_set_time (self, g_value_get_boxed (value));
      break;
    case PROP_PLAYING:
      cr_time_control_set_playing (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cr_time_control_class_init (CrTimeControlClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cr_time_control_dispose;
  object_class->finalize = cr_time_control_finalize;
  object_class->get_property = cr_time_control_get_property;
  object_class->set_property = cr_time_control_set_property;

  properties[PROP_TIME] =
    g_param_spec_boxed ("time", NULL, NULL, G_TYPE_DATE_TIME,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PLAYING] =
    g_param_spec_boolean ("playing", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/cr-time-control.ui");
  gtk_widget_class_bind_template_child (widget_class, CrTimeControl, enabled);
  gtk_widget_class_bind_template_child (widget_class, CrTimeControl, scale);
  gtk_widget_class_bind_template_child (widget_class, CrTimeControl, label);
  gtk_widget_class_bind_template_child (widget_class, CrTimeControl, now_button);
  gtk_widget_class_bind_template_child (widget_class, CrTimeControl, play_button);
  gtk_widget_class_bind_template_callback (widget_class, enabled_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, scale_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, now_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, play_toggled_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "cr-time-control");
}

static void
cr_time_control_init (CrTimeControl *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_scale_set_format_value_func (self->scale, format_scale_value_cb, self, NULL);
  update_widgets (self);
}

CrTimeControl *
cr_time_control_new (void)
{
  return g_object_new (CR_TYPE_TIME_CONTROL, NULL);
}

/* The event's span the slider covers; NULLs for an event without dates
 * (then only "Now" and "All times" apply). */
void
cr_time_control_set_span (CrTimeControl *self,
                          GDateTime     *start,
                          GDateTime     *end)
{
  double minutes = 0;

  g_return_if_fail (CR_IS_TIME_CONTROL (self));

  g_clear_pointer (&self->start, g_date_time_unref);
  g_clear_pointer (&self->end, g_date_time_unref);
  if (start != NULL && end != NULL && g_date_time_compare (end, start) > 0)
    {
      self->start = g_date_time_ref (start);
      self->end = g_date_time_ref (end);
      minutes = g_date_time_difference (end, start) / (double) G_TIME_SPAN_MINUTE;
    }
  self->updating = TRUE;
  gtk_range_set_range (GTK_RANGE (self->scale), 0, MAX (minutes, 1));
  gtk_range_set_increments (GTK_RANGE (self->scale), 15, 60);
  self->updating = FALSE;
  cr_time_control_set_playing (self, FALSE);
  update_widgets (self);
}

/**
 * cr_time_control_get_time:
 *
 * Returns: (transfer none) (nullable): the time shown, %NULL for all
 */
GDateTime *
cr_time_control_get_time (CrTimeControl *self)
{
  g_return_val_if_fail (CR_IS_TIME_CONTROL (self), NULL);

  return self->time;
}

void
cr_time_control_set_time (CrTimeControl *self,
                          GDateTime     *time)
{
  g_return_if_fail (CR_IS_TIME_CONTROL (self));

  if (time == NULL)
    cr_time_control_set_playing (self, FALSE);
  set_time_internal (self, time);
}

gboolean
cr_time_control_get_playing (CrTimeControl *self)
{
  g_return_val_if_fail (CR_IS_TIME_CONTROL (self), FALSE);

  return self->play_source != 0;
}

void
cr_time_control_set_playing (CrTimeControl *self,
                             gboolean       playing)
{
  g_return_if_fail (CR_IS_TIME_CONTROL (self));

  playing = playing && self->start != NULL;
  if (playing == (self->play_source != 0))
    {
      self->updating = TRUE;
      gtk_toggle_button_set_active (self->play_button, playing);
      self->updating = FALSE;
      return;
    }
  if (playing)
    {
      /* From the end, play starts over. */
      if (self->time == NULL || g_date_time_compare (self->time, self->end) >= 0)
        set_time_internal (self, self->start);
      self->play_source = g_timeout_add (PLAY_INTERVAL_MS, play_tick_cb, self);
    }
  else
    g_clear_handle_id (&self->play_source, g_source_remove);
  self->updating = TRUE;
  gtk_toggle_button_set_active (self->play_button, playing);
  gtk_button_set_icon_name (GTK_BUTTON (self->play_button),
                            playing ? "media-playback-pause-symbolic" : "media-playback-start-symbolic");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->play_button), playing ? _("Pause") : _("Play"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->play_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  playing ? _("Pause") : _("Play"), -1);
  self->updating = FALSE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLAYING]);
}

/* Moves the time by @span (negative: back), within the event's span. */
void
cr_time_control_step (CrTimeControl *self,
                      GTimeSpan      span)
{
  g_autoptr(GDateTime) moved = NULL;
  g_autoptr(GDateTime) clamped = NULL;

  g_return_if_fail (CR_IS_TIME_CONTROL (self));

  if (self->time == NULL)
    return;
  moved = g_date_time_add (self->time, span);
  clamped = clamp_to_span (self, moved);
  set_time_internal (self, clamped);
}
