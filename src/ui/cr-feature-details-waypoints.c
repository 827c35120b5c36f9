/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cr-feature-details"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "cr-feature-details-private.h"
#include "cr-itinerary.h"
#include "cr-time.h"
#include "cr-ui-utils.h"

/* The itinerary part of the details pane: its waypoints in route order,
 * each a row that opens on its name, planned time and position, with
 * the speed the leg to it implies; and a row to add one at a vertex of
 * the line. Every change is one undoable step through the history. */

typedef struct
{
  CrFeatureDetails *self;
  gint64 id;
  AdwExpanderRow *row;
  GtkLabel *number;
  GtkLabel *speed;
  GtkImage *warning;
  AdwEntryRow *name_entry;
  CrDatetimeRow *time_row;
  AdwActionRow *position_row;
  GtkButton *up;
  GtkButton *down;
  char *shown_name;       /* the name as read, to tell typing from it */
  gboolean time_pending;  /* a typed time waits for Enter or focus-out */
} WaypointRow;

/* Above this the planned times cannot be right: a motorcade in town
 * does not average 80 km/h, walkers do not average 10. */
#define MOTOR_LIMIT_KMH 80.0
#define WALK_LIMIT_KMH 10.0

typedef struct
{
  double x;
  double y;
  double along_m;
} Vertex;

static double
leg_limit_kmh (const char *kind)
{
  if (g_strcmp0 (kind, "procession") == 0 || g_strcmp0 (kind, "demonstration_route") == 0)
    return WALK_LIMIT_KMH;
  return MOTOR_LIMIT_KMH;
}

static void
collect_vertices (const CrGeometry *line,
                  GArray           *vertices)
{
  if (line->type == CR_GEOMETRY_LINESTRING)
    {
      /* Parts of a multi-line follow each other with no gap, as in
       * cr_line_length_m(). */
      double along = vertices->len > 0 ? g_array_index (vertices, Vertex, vertices->len - 1).along_m : 0;

      for (guint i = 0; i < line->n_coords; i++)
        {
          Vertex v = { line->coords[2 * i], line->coords[2 * i + 1], along };

          if (i > 0)
            {
              v.along_m += cr_geodesic_distance_m (line->coords[2 * i - 2], line->coords[2 * i - 1],
                                                   v.x, v.y);
              along = v.along_m;
            }
          g_array_append_val (vertices, v);
        }
      return;
    }
  for (guint i = 0; i < line->n_parts; i++)
    collect_vertices (line->parts[i], vertices);
}

static GArray *
line_vertices (CrFeatureDetails *self)
{
  GArray *vertices = g_array_new (FALSE, FALSE, sizeof (Vertex));
  CrGeometry *line = self->feature != NULL ? cr_feature_get_geometry (self->feature) : NULL;

  if (line != NULL)
    collect_vertices (line, vertices);
  return vertices;
}

static CrGeometry *
current_line (CrFeatureDetails *self)
{
  CrGeometry *line = self->feature != NULL ? cr_feature_get_geometry (self->feature) : NULL;

  if (line == NULL || (line->type != CR_GEOMETRY_LINESTRING && line->type != CR_GEOMETRY_MULTILINESTRING))
    return NULL;
  return line;
}

static CrWaypoint *
find_waypoint (CrFeatureDetails *self,
               gint64            id,
               guint            *index)
{
  for (guint i = 0; self->waypoints != NULL && i < self->waypoints->len; i++)
    {
      CrWaypoint *wp = g_ptr_array_index (self->waypoints, i);

      if (cr_record_get_id (CR_RECORD (wp)) == id)
        {
          if (index != NULL)
            *index = i;
          return wp;
        }
    }
  return NULL;
}

/* Editing one waypoint */

static gboolean
name_dirty (WaypointRow *wr)
{
  return g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (wr->name_entry)),
                    wr->shown_name ? wr->shown_name : "") != 0;
}

static void
commit_name (WaypointRow *wr)
{
  CrFeatureDetails *self = wr->self;
  g_autofree char *name = NULL;
  g_autoptr(CrWaypoint) edited = NULL;
  CrWaypoint *wp;

  if (!_cr_feature_details_can_edit (self) || !name_dirty (wr))
    return;
  wp = find_waypoint (self, wr->id, NULL);
  if (wp == NULL)
    return;
  name = cr_ui_entry_text (wr->name_entry);
  g_free (wr->shown_name);
  wr->shown_name = g_strdup (gtk_editable_get_text (GTK_EDITABLE (wr->name_entry)));
  _cr_feature_details_reset_apply (wr->name_entry);
  /* An empty name is allowed: the map then labels the waypoint with its
   * time alone. */
  if (g_strcmp0 (*name != '\0' ? name : NULL, cr_waypoint_get_name (wp)) == 0)
    return;
  edited = cr_record_copy (CR_RECORD (wp));
  cr_waypoint_set_name (edited, *name != '\0' ? name : NULL);
  _cr_feature_details_update (self, _("Rename Waypoint"), CR_RECORD (edited));
}

static void
commit_time (WaypointRow *wr)
{
  CrFeatureDetails *self = wr->self;
  GDateTime *at = cr_datetime_row_get_datetime (wr->time_row);
  g_autoptr(CrWaypoint) edited = NULL;
  CrWaypoint *wp;

  wr->time_pending = FALSE;
  if (!_cr_feature_details_can_edit (self) || !cr_datetime_row_get_valid (wr->time_row))
    return;
  wp = find_waypoint (self, wr->id, NULL);
  if (wp == NULL || cr_ui_same_time (at, cr_waypoint_get_planned_at (wp)))
    return;
  edited = cr_record_copy (CR_RECORD (wp));
  cr_waypoint_set_planned_at (edited, at);
  _cr_feature_details_update (self, _("Change Planned Time"), CR_RECORD (edited));
}

static void
name_apply_cb (WaypointRow *wr)
{
  commit_name (wr);
}

static void
time_changed_cb (WaypointRow *wr)
{
  if (_cr_feature_details_time_commit_now (wr->self, wr->time_row, &wr->time_pending))
    commit_time (wr);
}

/* Enter, or the focus out of the entry (see CrDatetimeRow::done). */
static void
time_done_cb (WaypointRow *wr)
{
  if (wr->time_pending)
    commit_time (wr);
}

/* The rows */

static void
waypoint_row_free (gpointer data)
{
  WaypointRow *wr = data;

  g_free (wr->shown_name);
  g_free (wr);
}

static GtkButton *
icon_button (const char *icon_name,
             const char *label,
             const char *action_name,
             gint64      id)
{
  GtkButton *button = GTK_BUTTON (gtk_button_new_from_icon_name (icon_name));

  gtk_widget_set_valign (GTK_WIDGET (button), GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (GTK_WIDGET (button), label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_widget_add_css_class (GTK_WIDGET (button), "flat");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action_name);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "x", id);
  return button;
}

/* The name is committed when the focus leaves its entry, as on Enter. */
static void
commit_on_leave (GtkWidget   *widget,
                 GCallback    leave,
                 WaypointRow *wr)
{
  GtkEventController *focus = gtk_event_controller_focus_new ();

  g_signal_connect_swapped (focus, "leave", leave, wr);
  gtk_widget_add_controller (widget, focus);
}

static WaypointRow *
waypoint_row_new (CrFeatureDetails *self,
                  CrWaypoint       *wp)
{
  WaypointRow *wr = g_new0 (WaypointRow, 1);
  gint64 id = cr_record_get_id (CR_RECORD (wp));
  GtkWidget *suffix = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkButton *remove;

  wr->self = self;
  wr->id = id;
  wr->row = ADW_EXPANDER_ROW (adw_expander_row_new ());
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (wr->row), FALSE);
  g_object_set_data_full (G_OBJECT (wr->row), "cr-waypoint-row", wr, waypoint_row_free);

  wr->number = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (wr->number), "dim-label");
  gtk_widget_add_css_class (GTK_WIDGET (wr->number), "numeric");
  gtk_label_set_width_chars (wr->number, 2);
  gtk_label_set_xalign (wr->number, 1);
  adw_expander_row_add_prefix (wr->row, GTK_WIDGET (wr->number));

  /* The speed of the leg that ends here. */
  wr->warning = GTK_IMAGE (gtk_image_new_from_icon_name ("dialog-warning-symbolic"));
  gtk_widget_add_css_class (GTK_WIDGET (wr->warning), "warning");
  gtk_accessible_update_property (GTK_ACCESSIBLE (wr->warning), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Check the planned times"), -1);
  wr->speed = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (wr->speed), "numeric");
  gtk_widget_set_valign (suffix, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (suffix), GTK_WIDGET (wr->warning));
  gtk_box_append (GTK_BOX (suffix), GTK_WIDGET (wr->speed));
  adw_expander_row_add_action (wr->row, suffix);
  g_object_set_data (G_OBJECT (wr->row), "speed-label", wr->speed);

  wr->name_entry = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (wr->name_entry), _("Name"));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (wr->name_entry), FALSE);
  adw_entry_row_set_show_apply_button (wr->name_entry, TRUE);
  g_signal_connect_swapped (wr->name_entry, "apply", G_CALLBACK (name_apply_cb), wr);
  commit_on_leave (GTK_WIDGET (wr->name_entry), G_CALLBACK (name_apply_cb), wr);
  adw_expander_row_add_row (wr->row, GTK_WIDGET (wr->name_entry));
  g_object_set_data (G_OBJECT (wr->row), "name-entry", wr->name_entry);

  wr->time_row = CR_DATETIME_ROW (cr_datetime_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (wr->time_row), _("Time"));
  g_signal_connect_swapped (wr->time_row, "notify::datetime", G_CALLBACK (time_changed_cb), wr);
  g_signal_connect_swapped (wr->time_row, "done", G_CALLBACK (time_done_cb), wr);
  adw_expander_row_add_row (wr->row, GTK_WIDGET (wr->time_row));
  g_object_set_data (G_OBJECT (wr->row), "time-row", wr->time_row);

  wr->position_row = ADW_ACTION_ROW (adw_action_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (wr->position_row), _("Position"));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (wr->position_row), FALSE);
  wr->up = icon_button ("go-up-symbolic", _("Move Earlier in the Route"), "details.move-waypoint-up", id);
  wr->down = icon_button ("go-down-symbolic", _("Move Later in the Route"), "details.move-waypoint-down", id);
  remove = icon_button ("user-trash-symbolic", _("Remove Waypoint"), "details.remove-waypoint", id);
  gtk_widget_add_css_class (GTK_WIDGET (remove), "error");
  adw_action_row_add_suffix (wr->position_row, GTK_WIDGET (wr->up));
  adw_action_row_add_suffix (wr->position_row, GTK_WIDGET (wr->down));
  adw_action_row_add_suffix (wr->position_row, GTK_WIDGET (remove));
  adw_expander_row_add_row (wr->row, GTK_WIDGET (wr->position_row));
  return wr;
}

/* "08:34", with the day when it is not the itinerary's first day. */
static char *
format_planned (GDateTime *at,
                GDateTime *first)
{
  g_autoptr(GDateTime) local = g_date_time_to_timezone (at, cr_time_zone_local ());
  g_autoptr(GDateTime) local_first = first ? g_date_time_to_timezone (first, cr_time_zone_local ()) : NULL;

  if (local_first != NULL && g_date_time_get_year (local) == g_date_time_get_year (local_first) &&
      g_date_time_get_day_of_year (local) == g_date_time_get_day_of_year (local_first))
    return g_date_time_format (local, "%H:%M");
  return g_date_time_format (local, "%d/%m %H:%M");
}

/* What the row says of the leg from @prev to @wp, and whether its
 * planned times look wrong. */
static void
describe_leg (CrFeatureDetails *self,
              const CrGeometry *line,
              CrWaypoint       *prev,
              CrWaypoint       *wp,
              GDateTime        *first,
              WaypointRow      *wr)
{
  GDateTime *at = cr_waypoint_get_planned_at (wp);
  g_autofree char *when = at != NULL ? format_planned (at, first) : g_strdup (_("No planned time"));
  g_autofree char *leg = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *speed_text = NULL;
  g_autofree char *advice = NULL;
  double limit = leg_limit_kmh (cr_feature_get_kind (self->feature));
  gboolean warn = FALSE;

  if (prev != NULL && line != NULL)
    {
      double d = fabs (cr_line_locate_m (line, cr_waypoint_get_lon (wp), cr_waypoint_get_lat (wp)) -
                       cr_line_locate_m (line, cr_waypoint_get_lon (prev), cr_waypoint_get_lat (prev)));
      g_autofree char *distance = _cr_format_length (d);
      GDateTime *prev_at = cr_waypoint_get_planned_at (prev);

      if (at != NULL && prev_at != NULL)
        {
          GTimeSpan span = g_date_time_difference (at, prev_at);
          double speed = cr_itinerary_leg_speed_kmh (line, prev, wp);

          if (span > 0)
            {
              g_autofree char *duration = _cr_format_duration (span);

              /* Translators: a leg of an itinerary: its length, then how long it takes */
              leg = g_strdup_printf (_("%s in %s"), distance, duration);
              /* Translators: an average speed */
              speed_text = g_strdup_printf (_("%.0f km/h"), speed);
              if (isfinite (speed) && speed > limit)
                {
                  warn = TRUE;
                  advice = g_strdup_printf (_("Faster than %.0f km/h: check the planned times."), limit);
                }
            }
          else if (span < 0)
            {
              warn = TRUE;
              /* Translators: a leg of an itinerary whose times go backwards */
              leg = g_strdup_printf (_("%s, planned before the previous waypoint"), distance);
              advice = g_strdup (_("Check the planned times or the order of the waypoints."));
            }
          else
            {
              warn = d >= 1;
              /* Translators: a leg of an itinerary with no time to cover it */
              leg = g_strdup_printf (_("%s, at the same time as the previous waypoint"), distance);
              if (warn)
                advice = g_strdup (_("Check the planned times."));
            }
        }
      else
        /* Translators: a leg of an itinerary without planned times */
        leg = g_strdup_printf (_("%s from the previous waypoint"), distance);
    }

  if (leg != NULL)
    /* Translators: a waypoint's planned time, then the leg that ends there */
    subtitle = g_strdup_printf (_("%s · %s"), when, leg);
  else
    subtitle = g_strdup (when);
  if (advice != NULL)
    {
      char *full = g_strconcat (subtitle, "\n", advice, NULL);

      g_free (subtitle);
      subtitle = full;
    }
  adw_expander_row_set_subtitle (wr->row, subtitle);

  gtk_label_set_text (wr->speed, speed_text ? speed_text : "");
  gtk_widget_set_visible (GTK_WIDGET (wr->speed), speed_text != NULL);
  gtk_widget_set_visible (GTK_WIDGET (wr->warning), warn);
  if (warn)
    {
      gtk_widget_add_css_class (GTK_WIDGET (wr->speed), "warning");
      gtk_widget_set_tooltip_text (GTK_WIDGET (wr->warning), advice);
    }
  else
    gtk_widget_remove_css_class (GTK_WIDGET (wr->speed), "warning");
  if (speed_text != NULL)
    {
      g_autofree char *description =
        /* Translators: read by screen readers next to a speed such as "24 km/h" */
        g_strdup (_("Average speed of the leg from the previous waypoint"));

      gtk_accessible_update_property (GTK_ACCESSIBLE (wr->speed), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                      advice != NULL ? advice : description, -1);
    }
}

static void
update_row (CrFeatureDetails *self,
            WaypointRow      *wr,
            guint             index,
            gboolean          force,
            GDateTime        *first)
{
  CrWaypoint *wp = g_ptr_array_index (self->waypoints, index);
  CrWaypoint *prev = index > 0 ? g_ptr_array_index (self->waypoints, index - 1) : NULL;
  const char *name = cr_waypoint_get_name (wp);
  guint n = self->waypoints->len;
  g_autofree char *number = g_strdup_printf ("%u", index + 1);
  /* Translators: the place of a waypoint in its itinerary, e.g. "2 of 7" */
  g_autofree char *position = g_strdup_printf (_("%u of %u"), index + 1, n);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (wr->row),
                                 name != NULL && *name != '\0' ? name : _("Unnamed Waypoint"));
  gtk_label_set_text (wr->number, number);
  describe_leg (self, current_line (self), prev, wp, first, wr);
  adw_action_row_set_subtitle (wr->position_row, position);
  gtk_widget_set_sensitive (GTK_WIDGET (wr->up), index > 0);
  gtk_widget_set_sensitive (GTK_WIDGET (wr->down), index + 1 < n);

  if (force || !name_dirty (wr))
    {
      gtk_editable_set_text (GTK_EDITABLE (wr->name_entry), name ? name : "");
      g_free (wr->shown_name);
      wr->shown_name = g_strdup (name ? name : "");
      _cr_feature_details_reset_apply (wr->name_entry);
    }
  if (force || !wr->time_pending)
    {
      cr_datetime_row_set_datetime (wr->time_row, cr_waypoint_get_planned_at (wp));
      wr->time_pending = FALSE;
    }
}

static void
remove_rows (CrFeatureDetails *self)
{
  for (guint i = 0; i < self->waypoint_rows->len; i++)
    {
      WaypointRow *wr = g_ptr_array_index (self->waypoint_rows, i);

      gtk_list_box_remove (self->waypoint_list, GTK_WIDGET (wr->row));
    }
  g_ptr_array_set_size (self->waypoint_rows, 0);
}

/* The add row says where the new waypoint goes. */
static void
update_add_row (CrFeatureDetails *self)
{
  g_autoptr(GArray) vertices = line_vertices (self);
  guint n = vertices->len;
  guint k = (guint) gtk_spin_button_get_value_as_int (self->vertex_spin);
  g_autofree char *subtitle = NULL;

  gtk_widget_set_sensitive (GTK_WIDGET (self->add_waypoint_row), n > 0);
  if (n == 0)
    {
      adw_action_row_set_subtitle (self->add_waypoint_row, NULL);
      return;
    }
  k = CLAMP (k, 1, n);
  if (k == n)
    subtitle = g_strdup (_("At the end of the line"));
  else if (k == 1)
    subtitle = g_strdup (_("At the start of the line"));
  else
    {
      g_autofree char *along = _cr_format_length (g_array_index (vertices, Vertex, k - 1).along_m);

      /* Translators: where a new waypoint goes: vertex number, number of
       * vertices, and the distance from the start of the line */
      subtitle = g_strdup_printf (_("At vertex %u of %u, %s from the start"), k, n, along);
    }
  adw_action_row_set_subtitle (self->add_waypoint_row, subtitle);
}

void
_cr_feature_details_vertex_changed (CrFeatureDetails *self)
{
  update_add_row (self);
}

void
_cr_feature_details_add_waypoint_clicked (CrFeatureDetails *self)
{
  int k = gtk_spin_button_get_value_as_int (self->vertex_spin);

  gtk_widget_activate_action (GTK_WIDGET (self), "details.add-waypoint", "i", k - 1);
}

void
_cr_feature_details_init_waypoints (CrFeatureDetails *self)
{
  self->waypoint_rows = g_ptr_array_new ();
  gtk_widget_set_visible (GTK_WIDGET (self->waypoints_group), FALSE);
}

void
_cr_feature_details_clear_waypoints (CrFeatureDetails *self)
{
  if (self->waypoint_rows != NULL)
    remove_rows (self);
  g_clear_pointer (&self->waypoints, g_ptr_array_unref);
  self->expand_waypoint_id = 0;
  gtk_widget_set_visible (GTK_WIDGET (self->waypoints_group), FALSE);
}

/**
 * _cr_feature_details_load_waypoints:
 * @force: drop what the user is typing in a waypoint's fields
 *
 * Reads the itinerary's waypoints again. The rows stay when the same
 * waypoints come in the same order, so an open row and what is typed in
 * it survive someone else's change.
 */
void
_cr_feature_details_load_waypoints (CrFeatureDetails *self,
                                    gboolean          force)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) list = NULL;
  g_autoptr(GPtrArray) waypoints = NULL;
  g_autoptr(GArray) vertices = NULL;
  GDateTime *first = NULL;
  gboolean same = TRUE;

  if (current_line (self) == NULL)
    {
      _cr_feature_details_clear_waypoints (self);
      return;
    }
  list = cr_store_list (self->store, CR_TYPE_WAYPOINT, "feature_id", self->feature_id, &error);
  if (list == NULL)
    {
      g_warning ("Cannot read the waypoints: %s", error->message);
      return;
    }
  waypoints = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    g_ptr_array_add (waypoints, g_list_model_get_item (list, i));

  same = self->waypoints != NULL && waypoints->len == self->waypoint_rows->len;
  for (guint i = 0; same && i < waypoints->len; i++)
    same = cr_record_get_id (g_ptr_array_index (waypoints, i)) ==
           ((WaypointRow *) g_ptr_array_index (self->waypoint_rows, i))->id;

  if (!same)
    {
      g_autoptr(GHashTable) expanded = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

      for (guint i = 0; i < self->waypoint_rows->len; i++)
        {
          WaypointRow *wr = g_ptr_array_index (self->waypoint_rows, i);

          if (adw_expander_row_get_expanded (wr->row))
            g_hash_table_add (expanded, g_memdup2 (&wr->id, sizeof wr->id));
        }
      remove_rows (self);
      for (guint i = 0; i < waypoints->len; i++)
        {
          CrWaypoint *wp = g_ptr_array_index (waypoints, i);
          WaypointRow *wr = waypoint_row_new (self, wp);

          gtk_list_box_insert (self->waypoint_list, GTK_WIDGET (wr->row), (int) i);
          g_ptr_array_add (self->waypoint_rows, wr);
          if (g_hash_table_contains (expanded, &wr->id) || wr->id == self->expand_waypoint_id)
            adw_expander_row_set_expanded (wr->row, TRUE);
        }
      force = TRUE;
    }
  self->expand_waypoint_id = 0;
  g_clear_pointer (&self->waypoints, g_ptr_array_unref);
  self->waypoints = g_steal_pointer (&waypoints);

  for (guint i = 0; i < self->waypoints->len && first == NULL; i++)
    first = cr_waypoint_get_planned_at (g_ptr_array_index (self->waypoints, i));
  for (guint i = 0; i < self->waypoints->len; i++)
    update_row (self, g_ptr_array_index (self->waypoint_rows, i), i, force, first);

  vertices = line_vertices (self);
  gtk_spin_button_set_range (self->vertex_spin, 1, MAX (vertices->len, 1));
  if (force && !same)
    gtk_spin_button_set_value (self->vertex_spin, MAX (vertices->len, 1));
  update_add_row (self);
  gtk_widget_set_visible (GTK_WIDGET (self->waypoints_group), TRUE);
}

/* Writes what is typed in the waypoints' fields and not committed yet. */
void
_cr_feature_details_flush_waypoints (CrFeatureDetails *self)
{
  /* A commit may rebuild the rows: look them up afresh each time. */
  for (guint i = 0; i < self->waypoint_rows->len; i++)
    {
      WaypointRow *wr = g_ptr_array_index (self->waypoint_rows, i);

      commit_name (wr);
      if (i < self->waypoint_rows->len)
        {
          wr = g_ptr_array_index (self->waypoint_rows, i);
          if (wr->time_pending)
            commit_time (wr);
        }
    }
}

/* Actions */

/* Gives the waypoints in @order the positions 0, 1, 2…, writing only
 * those that move; @gap leaves that position free for a new one. */
static gboolean
renumber (CrFeatureDetails *self,
          GPtrArray        *order,
          int               gap,
          GError          **error)
{
  for (guint i = 0; i < order->len; i++)
    {
      CrWaypoint *wp = g_ptr_array_index (order, i);
      int position = gap >= 0 && (int) i >= gap ? (int) i + 1 : (int) i;

      if (cr_waypoint_get_position (wp) != position)
        {
          g_autoptr(CrWaypoint) moved = cr_record_copy (CR_RECORD (wp));

          cr_waypoint_set_position (moved, position);
          if (!cr_history_update (self->history, CR_RECORD (moved), error))
            return FALSE;
        }
    }
  return TRUE;
}

static void
move_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  CrFeatureDetails *self = CR_FEATURE_DETAILS (widget);
  g_autoptr(GPtrArray) order = NULL;
  g_autoptr(GError) error = NULL;
  int delta = g_str_has_suffix (action_name, "-up") ? -1 : 1;
  guint index;
  gboolean ok;

  if (!_cr_feature_details_can_edit (self) || find_waypoint (self, g_variant_get_int64 (parameter), &index) == NULL)
    return;
  if ((delta < 0 && index == 0) || (delta > 0 && index + 1 >= self->waypoints->len))
    return;
  _cr_feature_details_flush_waypoints (self);
  if (find_waypoint (self, g_variant_get_int64 (parameter), &index) == NULL ||
      (delta < 0 && index == 0) || (delta > 0 && index + 1 >= self->waypoints->len))
    return;
  order = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < self->waypoints->len; i++)
    {
      guint from = i == index ? index + delta : i == index + delta ? index : i;

      g_ptr_array_add (order, g_object_ref (g_ptr_array_index (self->waypoints, from)));
    }
  if (!_cr_feature_details_begin (self, _("Move Waypoint")))
    return;
  ok = renumber (self, order, -1, &error);
  _cr_feature_details_end (self, ok, error);
}

static void
remove_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  CrFeatureDetails *self = CR_FEATURE_DETAILS (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(CrWaypoint) wp = NULL;
  CrWaypoint *found;
  gboolean ok;

  if (!_cr_feature_details_can_edit (self))
    return;
  found = find_waypoint (self, g_variant_get_int64 (parameter), NULL);
  if (found == NULL)
    return;
  wp = g_object_ref (found);
  if (!_cr_feature_details_begin (self, _("Remove Waypoint")))
    return;
  ok = cr_history_delete (self->history, CR_RECORD (wp), &error);
  _cr_feature_details_end (self, ok, error);
}

/* A new waypoint at vertex @parameter of the line (0 is the start), in
 * route order by its place along the line. Between two planned times it
 * gets the time the constant speed of that leg implies. */
static void
add_activated (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  CrFeatureDetails *self = CR_FEATURE_DETAILS (widget);
  g_autoptr(GArray) vertices = NULL;
  g_autoptr(CrWaypoint) wp = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) at = NULL;
  g_autofree char *name = NULL;
  CrGeometry *line = current_line (self);
  int k = g_variant_get_int32 (parameter);
  guint insert_at, n;
  Vertex v;
  gboolean ok;

  if (!_cr_feature_details_can_edit (self) || line == NULL || self->waypoints == NULL)
    return;
  _cr_feature_details_flush_waypoints (self);
  line = current_line (self);
  vertices = line_vertices (self);
  if (line == NULL || self->waypoints == NULL || k < 0 || (guint) k >= vertices->len)
    return;
  v = g_array_index (vertices, Vertex, k);
  n = self->waypoints->len;

  for (insert_at = 0; insert_at < n; insert_at++)
    {
      CrWaypoint *other = g_ptr_array_index (self->waypoints, insert_at);

      if (cr_line_locate_m (line, cr_waypoint_get_lon (other), cr_waypoint_get_lat (other)) > v.along_m)
        break;
    }
  if (insert_at > 0 && insert_at < n)
    {
      CrWaypoint *before = g_ptr_array_index (self->waypoints, insert_at - 1);
      CrWaypoint *after = g_ptr_array_index (self->waypoints, insert_at);
      GDateTime *t0 = cr_waypoint_get_planned_at (before);
      GDateTime *t1 = cr_waypoint_get_planned_at (after);
      double d0 = cr_line_locate_m (line, cr_waypoint_get_lon (before), cr_waypoint_get_lat (before));
      double d1 = cr_line_locate_m (line, cr_waypoint_get_lon (after), cr_waypoint_get_lat (after));

      if (t0 != NULL && t1 != NULL && g_date_time_compare (t1, t0) > 0 && d1 > d0)
        {
          GTimeSpan span = g_date_time_difference (t1, t0);
          GTimeSpan offset = (GTimeSpan) (span * CLAMP ((v.along_m - d0) / (d1 - d0), 0, 1));
          g_autoptr(GDateTime) exact = g_date_time_add (t0, offset);
          GTimeSpan into_minute = g_date_time_get_second (exact) * G_TIME_SPAN_SECOND +
                                  g_date_time_get_microsecond (exact);

          /* Planners think in whole minutes: the nearest one. */
          at = g_date_time_add (exact, into_minute >= 30 * G_TIME_SPAN_SECOND
                                         ? G_TIME_SPAN_MINUTE - into_minute : -into_minute);
        }
    }

  wp = cr_waypoint_new ();
  cr_waypoint_set_feature_id (wp, self->feature_id);
  cr_waypoint_set_position (wp, (int) insert_at);
  /* Translators: the name a new waypoint gets, with its number */
  name = g_strdup_printf (_("Waypoint %u"), n + 1);
  cr_waypoint_set_name (wp, name);
  cr_waypoint_set_lon (wp, v.x);
  cr_waypoint_set_lat (wp, v.y);
  cr_waypoint_set_planned_at (wp, at);

  if (!_cr_feature_details_begin (self, _("Add Waypoint")))
    return;
  ok = renumber (self, self->waypoints, (int) insert_at, &error) &&
       cr_history_insert (self->history, CR_RECORD (wp), &error);
  if (ok)
    self->expand_waypoint_id = cr_record_get_id (CR_RECORD (wp));
  _cr_feature_details_end (self, ok, error);
}

void
_cr_feature_details_install_waypoint_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "details.add-waypoint", "i", add_activated);
  gtk_widget_class_install_action (widget_class, "details.move-waypoint-up", "x", move_activated);
  gtk_widget_class_install_action (widget_class, "details.move-waypoint-down", "x", move_activated);
  gtk_widget_class_install_action (widget_class, "details.remove-waypoint", "x", remove_activated);
}
