/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cr-feature-details"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "cr-feature-details-private.h"
#include "cr-itinerary.h"
#include "cr-labels.h"
#include "cr-ops-utils.h"
#include "cr-ui-utils.h"

/* The feature's own fields in the details pane: header, name, kind,
 * responsible partner, active window, notes, the radius of a circle,
 * and the measurements of its geometry. Each commit is one undoable
 * step; a value that cannot be right gets an inline error and is not
 * written. */

#define CIRCLE_SEGMENTS 64
#define MIN_RADIUS_M 1.0
#define MAX_RADIUS_M 50000.0
#define MAX_NAME_CHARS 200

/* Formatting */

/* Distances: metres below a kilometre, then kilometres. */
char *
_cr_format_length (double metres)
{
  if (metres < 1000)
    /* Translators: a distance in metres */
    return g_strdup_printf (_("%.0f m"), metres);
  if (metres < 10000)
    /* Translators: a distance in kilometres */
    return g_strdup_printf (_("%.2f km"), metres / 1000);
  /* Translators: a distance in kilometres */
  return g_strdup_printf (_("%.1f km"), metres / 1000);
}

/* Areas: square metres for a crossroads, hectares for a square or a
 * park, square kilometres for a drone ban. */
static char *
format_area (double m2)
{
  if (m2 < 10000)
    /* Translators: an area in square metres */
    return g_strdup_printf (_("%.0f m²"), m2);
  if (m2 < 1000000)
    /* Translators: an area in hectares */
    return g_strdup_printf (_("%.2f ha"), m2 / 10000);
  /* Translators: an area in square kilometres */
  return g_strdup_printf (_("%.2f km²"), m2 / 1000000);
}

char *
_cr_format_duration (GTimeSpan span)
{
  gint64 minutes = (span + G_TIME_SPAN_MINUTE / 2) / G_TIME_SPAN_MINUTE;

  if (minutes < 60)
    /* Translators: a duration in minutes */
    return g_strdup_printf (_("%d min"), (int) minutes);
  /* Translators: a duration in hours and minutes */
  return g_strdup_printf (_("%d h %02d min"), (int) (minutes / 60), (int) (minutes % 60));
}

static int
geometry_family (const CrGeometry *geometry)
{
  if (geometry == NULL)
    return -1;
  switch (geometry->type)
    {
    case CR_GEOMETRY_POINT:
    case CR_GEOMETRY_MULTIPOINT:
      return CR_KIND_GROUP_POINT;
    case CR_GEOMETRY_LINESTRING:
    case CR_GEOMETRY_MULTILINESTRING:
      return CR_KIND_GROUP_ITINERARY;
    case CR_GEOMETRY_POLYGON:
    case CR_GEOMETRY_MULTIPOLYGON:
      return CR_KIND_GROUP_PERIMETER;
    case CR_GEOMETRY_COLLECTION:
    default:
      return -1;
    }
}

static gboolean
is_circle (CrFeature *feature)
{
  return isfinite (cr_feature_get_center_lon (feature)) &&
         isfinite (cr_feature_get_center_lat (feature)) &&
         isfinite (cr_feature_get_radius_m (feature)) &&
         cr_feature_get_radius_m (feature) > 0;
}

/* "1500", "1 500 m", "1,5 km": the radius in metres. */
static gboolean
parse_radius (const char *text,
              double     *metres)
{
  g_autoptr(GString) number = g_string_new (NULL);
  double factor = 1;
  char *end = NULL;
  double value;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || c == 0x00A0 || c == 0x202F || c == 0x2009)
        continue;
      g_string_append_unichar (number, c == ',' ? '.' : g_unichar_tolower (c));
    }
  if (g_str_has_suffix (number->str, "km"))
    {
      factor = 1000;
      g_string_truncate (number, number->len - 2);
    }
  else if (g_str_has_suffix (number->str, "m"))
    g_string_truncate (number, number->len - 1);
  if (number->len == 0)
    return FALSE;
  value = g_ascii_strtod (number->str, &end);
  if (end == NULL || *end != '\0' || !isfinite (value))
    return FALSE;
  *metres = value * factor;
  return TRUE;
}

/* Writing */

static CrFeature *
edit_copy (CrFeatureDetails *self)
{
  return cr_record_copy (CR_RECORD (self->feature));
}

static void
set_inline_error (GtkWidget  *row,
                  GtkLabel   *label,
                  const char *message)
{
  if (message != NULL)
    {
      gtk_label_set_text (label, message);
      gtk_widget_add_css_class (row, "error");
    }
  else
    gtk_widget_remove_css_class (row, "error");
  gtk_widget_set_visible (GTK_WIDGET (label), message != NULL);
  gtk_accessible_update_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_INVALID,
                               message != NULL ? GTK_ACCESSIBLE_INVALID_TRUE : GTK_ACCESSIBLE_INVALID_FALSE,
                               -1);
  if (message != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                    message, -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

/* Name */

static gboolean
name_dirty (CrFeatureDetails *self)
{
  return g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->name_row)),
                    self->shown_name ? self->shown_name : "") != 0;
}

static void
commit_name (CrFeatureDetails *self)
{
  g_autofree char *name = NULL;
  g_autoptr(CrFeature) edited = NULL;

  if (!_cr_feature_details_can_edit (self) || !name_dirty (self))
    return;
  name = cr_ui_entry_text (self->name_row);
  if (*name == '\0')
    {
      set_inline_error (GTK_WIDGET (self->name_row), self->name_error,
                        _("Enter a name: it labels the feature on the map and in the operational sheet."));
      return;
    }
  if (g_utf8_strlen (name, -1) > MAX_NAME_CHARS)
    {
      g_autofree char *message =
        g_strdup_printf (_("Shorten the name to %d characters or fewer."), MAX_NAME_CHARS);

      set_inline_error (GTK_WIDGET (self->name_row), self->name_error, message);
      return;
    }
  set_inline_error (GTK_WIDGET (self->name_row), self->name_error, NULL);
  _cr_feature_details_reset_apply (self->name_row);
  if (g_strcmp0 (name, cr_feature_get_name (self->feature)) == 0)
    return;
  edited = edit_copy (self);
  cr_feature_set_name (edited, name);
  /* What was typed is now what the store has, whatever happens next. */
  g_free (self->shown_name);
  self->shown_name = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row)));
  _cr_feature_details_update (self, _("Rename Feature"), CR_RECORD (edited));
}

static void
name_apply_cb (CrFeatureDetails *self)
{
  commit_name (self);
}

/* The error goes as soon as the text is right again. */
static void
name_changed_cb (CrFeatureDetails *self)
{
  g_autofree char *name = NULL;

  if (self->loading > 0 || !gtk_widget_get_visible (GTK_WIDGET (self->name_error)))
    return;
  name = cr_ui_entry_text (self->name_row);
  if (*name != '\0' && g_utf8_strlen (name, -1) <= MAX_NAME_CHARS)
    set_inline_error (GTK_WIDGET (self->name_row), self->name_error, NULL);
}

/* Kind */

/* Returns: (transfer none): the kind in the offered list, which keeps it */
static CrFeatureKind *
find_kind (CrFeatureDetails *self,
           const char       *code,
           guint            *position)
{
  GListModel *kinds = G_LIST_MODEL (self->kinds);

  for (guint i = 0; i < g_list_model_get_n_items (kinds); i++)
    {
      CrFeatureKind *kind = g_list_model_get_item (kinds, i);

      g_object_unref (kind);
      if (g_strcmp0 (cr_feature_kind_get_code (kind), code) == 0)
        {
          if (position != NULL)
            *position = i;
          return kind;
        }
    }
  return NULL;
}

/* Only kinds drawn like the geometry make sense: a polygon can be any
 * perimeter kind, a line any itinerary kind, a point any point kind.
 * The current kind stays offered even when it does not fit (imported
 * data), so the row always shows it. */
static void
fill_kinds (CrFeatureDetails *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) all = NULL;
  const char *current = cr_feature_get_kind (self->feature);
  int family = geometry_family (cr_feature_get_geometry (self->feature));

  if (!self->kinds_stale && family == self->kinds_family && find_kind (self, current, NULL) != NULL)
    return;
  all = cr_store_list_feature_kinds (self->store, &error);
  if (all == NULL)
    {
      g_warning ("Cannot list the feature kinds: %s", error->message);
      return;
    }
  g_list_store_remove_all (self->kinds);
  /* The catalogue comes sorted by group, then by the order planners know. */
  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    {
      g_autoptr(CrFeatureKind) kind = g_list_model_get_item (all, i);

      if (family < 0 || (int) cr_feature_kind_get_group (kind) == family ||
          g_strcmp0 (cr_feature_kind_get_code (kind), current) == 0)
        g_list_store_append (self->kinds, kind);
    }
  self->kinds_family = family;
  self->kinds_stale = FALSE;
}

static void
kind_selected_cb (CrFeatureDetails *self)
{
  CrFeatureKind *kind = adw_combo_row_get_selected_item (self->kind_row);
  g_autoptr(CrFeature) edited = NULL;

  if (!_cr_feature_details_can_edit (self) || kind == NULL ||
      g_strcmp0 (cr_feature_kind_get_code (kind), cr_feature_get_kind (self->feature)) == 0)
    return;
  edited = edit_copy (self);
  cr_feature_set_kind (edited, cr_feature_kind_get_code (kind));
  if (_cr_feature_details_update (self, _("Change Kind"), CR_RECORD (edited)))
    {
      /* A kind the layers panel hides would make the feature vanish. */
      g_autofree char *message = cr_map_renderer_show_kind (self->renderer, cr_feature_kind_get_code (kind));

      if (message != NULL)
        cr_ops_add_toast (GTK_WIDGET (self), adw_toast_new (message));
    }
}

static char *
kind_label_cb (CrFeatureKind *kind)
{
  return g_strdup (kind != NULL ? cr_feature_kind_get_label (kind) : "");
}

/* Partner */

static void
fill_partners (CrFeatureDetails *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) partners = cr_store_list (self->store, CR_TYPE_PARTNER, NULL, 0, &error);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  guint n_old = g_list_model_get_n_items (G_LIST_MODEL (self->partner_names));
  gint64 none = 0;

  if (partners == NULL)
    {
      g_warning ("Cannot list the partners: %s", error->message);
      return;
    }
  g_array_set_size (self->partner_ids, 0);
  g_array_append_val (self->partner_ids, none);
  g_ptr_array_add (names, g_strdup (C_("partner", "None")));
  for (guint i = 0; i < g_list_model_get_n_items (partners); i++)
    {
      g_autoptr(CrPartner) partner = g_list_model_get_item (partners, i);
      gint64 id = cr_record_get_id (CR_RECORD (partner));

      g_array_append_val (self->partner_ids, id);
      g_ptr_array_add (names, g_strdup (cr_partner_get_name (partner)));
    }
  g_ptr_array_add (names, NULL);
  gtk_string_list_splice (self->partner_names, 0, n_old, (const char *const *) names->pdata);
}

static void
partner_selected_cb (CrFeatureDetails *self)
{
  guint selected = adw_combo_row_get_selected (self->partner_row);
  g_autoptr(CrFeature) edited = NULL;
  gint64 id;

  if (!_cr_feature_details_can_edit (self) || selected >= self->partner_ids->len)
    return;
  id = g_array_index (self->partner_ids, gint64, selected);
  if (id == cr_feature_get_partner_id (self->feature))
    return;
  edited = edit_copy (self);
  cr_feature_set_partner_id (edited, id);
  _cr_feature_details_update (self, _("Change Responsible Partner"), CR_RECORD (edited));
}

static guint
partner_position (CrFeatureDetails *self,
                  gint64            id)
{
  for (guint i = 0; i < self->partner_ids->len; i++)
    if (g_array_index (self->partner_ids, gint64, i) == id)
      return i;
  return GTK_INVALID_LIST_POSITION;
}

/* Active from / until */

static gboolean
times_dirty (CrFeatureDetails *self)
{
  return self->times_pending || gtk_widget_get_visible (GTK_WIDGET (self->time_error));
}

static void
commit_times (CrFeatureDetails *self)
{
  GDateTime *from = cr_datetime_row_get_datetime (self->from_row);
  GDateTime *to = cr_datetime_row_get_datetime (self->to_row);
  g_autoptr(CrFeature) edited = NULL;

  self->times_pending = FALSE;
  /* Text that is not a time: the row itself says how to write it. */
  if (!_cr_feature_details_can_edit (self) || !cr_datetime_row_get_valid (self->from_row) ||
      !cr_datetime_row_get_valid (self->to_row))
    return;
  if (from != NULL && to != NULL && g_date_time_compare (to, from) < 0)
    {
      set_inline_error (GTK_WIDGET (self->to_row), self->time_error,
                        _("“Until” is before “From”. Choose an end after the start, or clear one of them."));
      return;
    }
  set_inline_error (GTK_WIDGET (self->to_row), self->time_error, NULL);
  if (cr_ui_same_time (from, cr_feature_get_active_from (self->feature)) &&
      cr_ui_same_time (to, cr_feature_get_active_to (self->feature)))
    return;
  edited = edit_copy (self);
  cr_feature_set_active_from (edited, from);
  cr_feature_set_active_to (edited, to);
  _cr_feature_details_update (self, _("Change Active Time"), CR_RECORD (edited));
}

/* A time picked in the calendar, or cleared, is set at once; a typed
 * one when the user is done typing. */
static void
time_changed_cb (CrFeatureDetails *self,
                 GParamSpec       *pspec,
                 CrDatetimeRow    *row)
{
  if (_cr_feature_details_time_commit_now (self, row, &self->times_pending))
    commit_times (self);
}

/* Enter, or the focus out of the entry: to the next row, or to the
 * calendar button beside it (Tab), which is still the row. */
static void
time_done_cb (CrFeatureDetails *self)
{
  if (self->times_pending)
    commit_times (self);
}

/* Notes */

static char *
notes_text (CrFeatureDetails *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->notes_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static gboolean
notes_dirty (CrFeatureDetails *self)
{
  g_autofree char *text = notes_text (self);

  return g_strcmp0 (text, self->shown_notes ? self->shown_notes : "") != 0;
}

static void
commit_notes (CrFeatureDetails *self)
{
  g_autofree char *text = NULL;
  g_autoptr(CrFeature) edited = NULL;
  const char *stored;

  if (!_cr_feature_details_can_edit (self) || !notes_dirty (self))
    return;
  text = notes_text (self);
  g_free (self->shown_notes);
  self->shown_notes = g_strdup (text);
  stored = cr_feature_get_notes (self->feature);
  if (g_strcmp0 (text, stored ? stored : "") == 0)
    return;
  edited = edit_copy (self);
  cr_feature_set_notes (edited, *text != '\0' ? text : NULL);
  _cr_feature_details_update (self, _("Edit Notes"), CR_RECORD (edited));
}

static void
notes_leave_cb (CrFeatureDetails *self)
{
  commit_notes (self);
}

/* Radius of a circle */

static gboolean
radius_dirty (CrFeatureDetails *self)
{
  return g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->radius_row)),
                    self->shown_radius ? self->shown_radius : "") != 0;
}

static char *
radius_text (double radius_m)
{
  return g_strdup_printf ("%.0f", radius_m);
}

/* A new radius redraws the circle around the same centre. */
static void
commit_radius (CrFeatureDetails *self)
{
  g_autoptr(CrFeature) edited = NULL;
  g_autoptr(CrGeometry) circle = NULL;
  double radius;

  if (!_cr_feature_details_can_edit (self) || !is_circle (self->feature) || !radius_dirty (self))
    return;
  if (!parse_radius (gtk_editable_get_text (GTK_EDITABLE (self->radius_row)), &radius) ||
      radius < MIN_RADIUS_M || radius > MAX_RADIUS_M)
    {
      set_inline_error (GTK_WIDGET (self->radius_row), self->radius_error,
                        _("Enter the radius in metres, from 1 to 50 000, for example 1500."));
      return;
    }
  set_inline_error (GTK_WIDGET (self->radius_row), self->radius_error, NULL);
  _cr_feature_details_reset_apply (self->radius_row);
  g_free (self->shown_radius);
  self->shown_radius = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->radius_row)));
  if (fabs (radius - cr_feature_get_radius_m (self->feature)) < 0.01)
    return;
  circle = cr_geometry_new_circle (cr_feature_get_center_lon (self->feature),
                                   cr_feature_get_center_lat (self->feature), radius, CIRCLE_SEGMENTS);
  edited = edit_copy (self);
  cr_feature_set_geometry (edited, circle);
  cr_feature_set_radius_m (edited, radius);
  _cr_feature_details_update (self, _("Change Radius"), CR_RECORD (edited));
}

static void
radius_apply_cb (CrFeatureDetails *self)
{
  commit_radius (self);
}

/* Header and measurements */

static void
update_header (CrFeatureDetails *self)
{
  const char *name = cr_feature_get_name (self->feature);
  const char *code = cr_feature_get_kind (self->feature);
  CrFeatureKind *kind = find_kind (self, code, NULL);
  const char *kind_label = kind != NULL ? cr_feature_kind_get_label (kind) : code;

  gtk_label_set_text (self->title_label, name != NULL && *name != '\0' ? name : _("Unnamed Feature"));
  gtk_label_set_text (self->kind_label, kind_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->kind_swatch), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  kind_label, -1);
  gtk_widget_queue_draw (GTK_WIDGET (self->kind_swatch));
}

void
_cr_feature_details_update_measurements (CrFeatureDetails *self)
{
  CrGeometry *geometry = self->feature != NULL ? cr_feature_get_geometry (self->feature) : NULL;
  int family = geometry_family (geometry);
  gboolean polygon = family == CR_KIND_GROUP_PERIMETER;
  gboolean line = family == CR_KIND_GROUP_ITINERARY;
  gboolean point = family == CR_KIND_GROUP_POINT && !cr_geometry_is_empty (geometry);
  GDateTime *first = NULL, *last = NULL;

  if (polygon)
    {
      g_autofree char *area = format_area (cr_geometry_area_m2 (geometry));
      g_autofree char *perimeter = _cr_format_length (cr_geometry_length_m (geometry));

      gtk_label_set_text (self->area_value, area);
      gtk_label_set_text (self->perimeter_value, perimeter);
    }
  if (line)
    {
      g_autofree char *length = _cr_format_length (cr_line_length_m (geometry));

      gtk_label_set_text (self->length_value, length);
      for (guint i = 0; self->waypoints != NULL && i < self->waypoints->len; i++)
        {
          GDateTime *at = cr_waypoint_get_planned_at (g_ptr_array_index (self->waypoints, i));

          if (at == NULL)
            continue;
          if (first == NULL)
            first = at;
          last = at;
        }
    }
  if (first != NULL && last != NULL && g_date_time_difference (last, first) > 0)
    {
      g_autofree char *duration = _cr_format_duration (g_date_time_difference (last, first));

      gtk_label_set_text (self->duration_value, duration);
    }
  else
    first = NULL;
  if (point)
    {
      const CrGeometry *p = geometry->type == CR_GEOMETRY_POINT ? geometry : geometry->parts[0];
      g_autofree char *location = p->n_coords > 0
        ? g_strdup_printf ("%.5f, %.5f", p->coords[1], p->coords[0]) : NULL;

      gtk_label_set_text (self->location_value, location ? location : "");
      point = location != NULL;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->area_row), polygon);
  gtk_widget_set_visible (GTK_WIDGET (self->perimeter_row), polygon);
  gtk_widget_set_visible (GTK_WIDGET (self->radius_row), polygon && is_circle (self->feature));
  gtk_widget_set_visible (GTK_WIDGET (self->length_row), line);
  gtk_widget_set_visible (GTK_WIDGET (self->duration_row), line && first != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->location_row), point);
  gtk_widget_set_visible (GTK_WIDGET (self->measure_group), polygon || line || point);
  adw_preferences_group_set_title (self->measure_group,
                                   polygon ? _("Size") : line ? _("Route") : "");
  if (!polygon || !is_circle (self->feature))
    gtk_widget_set_visible (GTK_WIDGET (self->radius_error), FALSE);
}

/* Store changes */

/* The partners changed in the store: their list is read again. */
void
_cr_feature_details_partners_changed (CrFeatureDetails *self)
{
  self->loading++;
  fill_partners (self);
  if (self->feature != NULL)
    adw_combo_row_set_selected (self->partner_row,
                                partner_position (self, cr_feature_get_partner_id (self->feature)));
  self->loading--;
}

/* The kind catalogue changed: labels, styles, the kinds offered. */
void
_cr_feature_details_kinds_changed (CrFeatureDetails *self)
{
  self->kinds_stale = TRUE;
  if (self->feature != NULL && self->writing == 0)
    {
      guint position = GTK_INVALID_LIST_POSITION;

      self->loading++;
      fill_kinds (self);
      if (find_kind (self, cr_feature_get_kind (self->feature), &position) != NULL)
        adw_combo_row_set_selected (self->kind_row, position);
      update_header (self);
      self->loading--;
    }
}

/* Setting up, reading, writing what is pending */

void
_cr_feature_details_init_fields (CrFeatureDetails *self)
{
  g_autoptr(GtkExpression) kind_label = NULL;

  self->kinds = g_list_store_new (CR_TYPE_FEATURE_KIND);
  self->kinds_family = -2;
  self->partner_names = gtk_string_list_new (NULL);
  self->partner_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->loading++;
  kind_label = gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL,
                                            G_CALLBACK (kind_label_cb), NULL, NULL);
  adw_combo_row_set_expression (self->kind_row, kind_label);
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (self->kinds));
  adw_combo_row_set_model (self->partner_row, G_LIST_MODEL (self->partner_names));
  cr_ui_combo_row_set_list_factory (self->kind_row);
  cr_ui_combo_row_set_list_factory (self->partner_row);
  self->loading--;
}

void
_cr_feature_details_bind_field_callbacks (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, name_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, name_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, kind_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, partner_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, time_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, time_done_cb);
  gtk_widget_class_bind_template_callback (widget_class, notes_leave_cb);
  gtk_widget_class_bind_template_callback (widget_class, radius_apply_cb);
}

/* Reads the partners and the kinds again, e.g. before a reload. */
void
_cr_feature_details_refill_lists (CrFeatureDetails *self)
{
  self->kinds_stale = TRUE;
  self->loading++;
  fill_partners (self);
  self->loading--;
}

void
_cr_feature_details_clear_field_errors (CrFeatureDetails *self)
{
  set_inline_error (GTK_WIDGET (self->name_row), self->name_error, NULL);
  set_inline_error (GTK_WIDGET (self->to_row), self->time_error, NULL);
  set_inline_error (GTK_WIDGET (self->radius_row), self->radius_error, NULL);
}

/* Writes what the user typed and did not commit yet. */
void
_cr_feature_details_flush_fields (CrFeatureDetails *self)
{
  commit_name (self);
  if (self->times_pending)
    commit_times (self);
  commit_notes (self);
  commit_radius (self);
}

/**
 * _cr_feature_details_load_fields:
 * @force: drop what the user is still typing
 *
 * Shows the fields of the feature just read into self->feature.
 */
void
_cr_feature_details_load_fields (CrFeatureDetails *self,
                                 gboolean          force)
{
  CrFeature *feature = self->feature;
  guint position = GTK_INVALID_LIST_POSITION;

  fill_kinds (self);
  update_header (self);


  if (force || !name_dirty (self))
    {
      const char *name = cr_feature_get_name (feature);

      gtk_editable_set_text (GTK_EDITABLE (self->name_row), name ? name : "");
      g_free (self->shown_name);
      self->shown_name = g_strdup (name ? name : "");
      _cr_feature_details_reset_apply (self->name_row);
      set_inline_error (GTK_WIDGET (self->name_row), self->name_error, NULL);
    }

  if (find_kind (self, cr_feature_get_kind (feature), &position) != NULL)
    adw_combo_row_set_selected (self->kind_row, position);

  position = partner_position (self, cr_feature_get_partner_id (feature));
  if (position == GTK_INVALID_LIST_POSITION)
    {
      /* A partner added since the list was read. */
      fill_partners (self);
      position = partner_position (self, cr_feature_get_partner_id (feature));
    }
  adw_combo_row_set_selected (self->partner_row, position != GTK_INVALID_LIST_POSITION ? position : 0);

  if (force || !times_dirty (self))
    {
      cr_datetime_row_set_datetime (self->from_row, cr_feature_get_active_from (feature));
      cr_datetime_row_set_datetime (self->to_row, cr_feature_get_active_to (feature));
      self->times_pending = FALSE;
      set_inline_error (GTK_WIDGET (self->to_row), self->time_error, NULL);
    }

  if (force || !notes_dirty (self))
    {
      const char *notes = cr_feature_get_notes (feature);

      gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->notes_view), notes ? notes : "", -1);
      g_free (self->shown_notes);
      self->shown_notes = g_strdup (notes ? notes : "");
    }

  if (is_circle (feature) && (force || !radius_dirty (self)))
    {
      g_autofree char *radius = radius_text (cr_feature_get_radius_m (feature));

      gtk_editable_set_text (GTK_EDITABLE (self->radius_row), radius);
      g_free (self->shown_radius);
      self->shown_radius = g_steal_pointer (&radius);
      _cr_feature_details_reset_apply (self->radius_row);
      set_inline_error (GTK_WIDGET (self->radius_row), self->radius_error, NULL);
    }
}
