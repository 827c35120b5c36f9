/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cr-feature-details"

#include "config.h"

#include <glib/gi18n.h>

#include "cr-feature-details-private.h"

/**
 * CrFeatureDetails:
 *
 * The details pane of the map's selection (the renderer's "selected"
 * feature): name, kind, responsible partner, active window, notes; for
 * itineraries the waypoints with their planned times and the speeds they
 * imply; for perimeters the area and perimeter, and the radius of a
 * circle.
 *
 * There is no Save button: each committed change (Enter or focus-out for
 * text, a choice in a list, a time set) is written at once through the
 * window's #CrHistory, as one undoable step. A value that cannot be
 * right (an empty name, an end before the start) is shown as an inline
 * error and not written. Edits apply to the feature as last read, so a
 * change someone else made meanwhile is never overwritten silently: the
 * store refuses the write, the pane says so and offers to reload.
 *
 * The pane follows the store: any change to the feature or its waypoints
 * (undo, another window) is shown at once, without losing what the user
 * is typing; when the feature is deleted, the pane closes.
 */

G_DEFINE_FINAL_TYPE (CrFeatureDetails, cr_feature_details, ADW_TYPE_BIN)

static void load_feature (CrFeatureDetails *self,
                          gboolean          force);

/* Problems the store reports */

static void
set_problem (CrFeatureDetails *self,
             const char       *message)
{
  if (g_strcmp0 (self->problem, message) == 0)
    return;
  g_free (self->problem);
  self->problem = g_strdup (message);
  if (message != NULL)
    gtk_label_set_text (self->problem_label, message);
  gtk_revealer_set_reveal_child (self->problem_revealer, message != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->problem_revealer), message != NULL);
}

void
_cr_feature_details_show_error (CrFeatureDetails *self,
                                const GError     *error)
{
  if (error == NULL)
    return;
  if (g_error_matches (error, CR_STORE_ERROR, CR_STORE_ERROR_CONFLICT))
    set_problem (self, _("Someone else changed this feature meanwhile, so your change was not saved. "
                         "Reload to see their version, then make your change again."));
  else if (g_error_matches (error, CR_STORE_ERROR, CR_STORE_ERROR_NOT_FOUND))
    set_problem (self, _("This feature or one of its waypoints was deleted meanwhile, so your change "
                         "was not saved. Reload to see what is left."));
  else
    set_problem (self, error->message);
}

/* Writing */

gboolean
_cr_feature_details_can_edit (CrFeatureDetails *self)
{
  return !self->disposed && self->loading == 0 && self->feature != NULL;
}

/* Opens one undoable step named @label; everything written until
 * _cr_feature_details_end() is undone together. */
gboolean
_cr_feature_details_begin (CrFeatureDetails *self,
                           const char       *label)
{
  g_autoptr(GError) error = NULL;

  if (!cr_history_begin (self->history, label, &error))
    {
      _cr_feature_details_show_error (self, error);
      return FALSE;
    }
  self->writing++;
  return TRUE;
}

/* Commits the step when @ok, else rolls it back and shows @error. The
 * store's change signals arrive during the step: the pane reads the
 * feature again once, here. */
gboolean
_cr_feature_details_end (CrFeatureDetails *self,
                         gboolean          ok,
                         GError           *error)
{
  g_autoptr(GError) commit_error = NULL;

  if (ok)
    {
      ok = cr_history_commit (self->history, &commit_error);
      if (!ok)
        error = commit_error;
    }
  else
    cr_history_rollback (self->history);
  self->writing--;
  if (!ok)
    _cr_feature_details_show_error (self, error);
  if (self->writing == 0 && self->reload_pending)
    {
      self->reload_pending = FALSE;
      if (self->problem == NULL)
        load_feature (self, FALSE);
    }
  return ok;
}

/* Writes @edited, a changed copy of the feature or of one of its
 * waypoints as last read, as one undoable step. */
gboolean
_cr_feature_details_update (CrFeatureDetails *self,
                            const char       *label,
                            CrRecord         *edited)
{
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (!_cr_feature_details_begin (self, label))
    return FALSE;
  ok = cr_history_update (self->history, edited, &error);
  return _cr_feature_details_end (self, ok, error);
}

/* Whether the user is typing in @widget's text right now: a typed value
 * is committed on Enter or when the focus leaves, not at each key. */
gboolean
_cr_feature_details_typing_in (GtkWidget *widget)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  return focus != NULL && GTK_IS_TEXT (focus) && gtk_widget_is_ancestor (focus, widget) &&
         gtk_widget_get_ancestor (focus, GTK_TYPE_POPOVER) == NULL;
}

/* A time picked in the calendar, or cleared, is committed at once; a
 * typed one waits for Enter or focus-out (*@pending is then set), so
 * that half a time is never written. Widgets being filled are no edit. */
gboolean
_cr_feature_details_time_commit_now (CrFeatureDetails *self,
                                     CrDatetimeRow    *row,
                                     gboolean         *pending)
{
  if (self->loading > 0)
    return FALSE;
  if (_cr_feature_details_typing_in (GTK_WIDGET (row)))
    {
      *pending = TRUE;
      return FALSE;
    }
  return TRUE;
}

/* AdwEntryRow 1.2 keeps its apply button until "apply": after a commit
 * on focus-out, or a value read from the store, it has nothing to apply.
 * Nor has its text field anything to undo: the text is stored, and
 * Ctrl+Z goes to the window's undo, which also restores the store (the
 * field's own undo blanked it, the store unchanged). */
void
_cr_feature_details_reset_apply (AdwEntryRow *row)
{
  adw_entry_row_set_show_apply_button (row, FALSE);
  adw_entry_row_set_show_apply_button (row, TRUE);
  gtk_editable_set_enable_undo (GTK_EDITABLE (row), FALSE);
  gtk_editable_set_enable_undo (GTK_EDITABLE (row), TRUE);
}

/* Waypoint list callbacks that live in the template */

static void
vertex_changed_cb (CrFeatureDetails *self)
{
  _cr_feature_details_vertex_changed (self);
}

static void
add_waypoint_clicked_cb (CrFeatureDetails *self)
{
  _cr_feature_details_add_waypoint_clicked (self);
}

/* Reading the feature */

static void
draw_swatch_cb (GtkDrawingArea *area,
                cairo_t        *cr,
                int             width,
                int             height,
                gpointer        user_data)
{
  CrFeatureDetails *self = user_data;

  if (self->feature != NULL)
    cr_map_renderer_draw_swatch (self->renderer, cr, cr_feature_get_kind (self->feature), 0, 0,
                                 width, height);
}

static void
close_pane (CrFeatureDetails *self)
{
  cr_map_renderer_set_selected (self->renderer, 0);
}

/* Shows the feature as the store has it. Unless @force, a field the user
 * is still editing keeps what they typed. */
static void
load_feature (CrFeatureDetails *self,
              gboolean          force)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrFeature) feature = NULL;

  if (self->feature_id == 0 || self->disposed)
    return;
  feature = cr_store_get (self->store, CR_TYPE_FEATURE, self->feature_id, &error);
  if (feature == NULL)
    {
      if (g_error_matches (error, CR_STORE_ERROR, CR_STORE_ERROR_NOT_FOUND))
        close_pane (self);
      else
        _cr_feature_details_show_error (self, error);
      return;
    }
  g_set_object (&self->feature, feature);

  self->loading++;
  _cr_feature_details_load_fields (self, force);
  _cr_feature_details_load_waypoints (self, force);
  _cr_feature_details_update_measurements (self);
  self->loading--;
}

/* Writes what the user typed and did not commit yet, before the pane
 * shows another feature. */
static void
flush (CrFeatureDetails *self)
{
  if (self->feature == NULL)
    return;
  _cr_feature_details_flush_fields (self);
  _cr_feature_details_flush_waypoints (self);
}

/* libadwaita 1.2 has no adw_preferences_page_scroll_to_top(). */
static void
scroll_to_top (CrFeatureDetails *self)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->page)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_SCROLLED_WINDOW (child))
      gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (child)), 0);
}

static void
show_feature (CrFeatureDetails *self,
              gint64            feature_id)
{
  if (feature_id == self->feature_id)
    return;
  flush (self);
  self->feature_id = feature_id;
  g_clear_object (&self->feature);
  g_clear_pointer (&self->shown_name, g_free);
  g_clear_pointer (&self->shown_notes, g_free);
  g_clear_pointer (&self->shown_radius, g_free);
  self->times_pending = FALSE;
  set_problem (self, NULL);
  _cr_feature_details_clear_field_errors (self);
  _cr_feature_details_clear_waypoints (self);
  if (feature_id != 0)
    {
      load_feature (self, TRUE);
      scroll_to_top (self);
    }
}

/* Store and renderer signals */

static void
selected_changed_cb (CrFeatureDetails *self)
{
  show_feature (self, cr_map_renderer_get_selected (self->renderer));
}

static void
features_changed_cb (CrStore          *store,
                     const char       *table,
                     gint64            row_id,
                     int               change,
                     CrFeatureDetails *self)
{
  if (self->feature_id == 0 || (change != CR_STORE_CHANGE_RELOAD && row_id != self->feature_id))
    return;
  if (self->writing > 0)
    {
      self->reload_pending = TRUE;
      return;
    }
  if (change == CR_STORE_CHANGE_DELETE)
    {
      close_pane (self);
      return;
    }
  /* After a refused write the user decides when to reload. */
  if (self->problem == NULL)
    load_feature (self, FALSE);
}

static void
waypoints_changed_cb (CrStore          *store,
                      const char       *table,
                      gint64            row_id,
                      int               change,
                      CrFeatureDetails *self)
{
  if (self->feature == NULL)
    return;
  if (self->writing > 0)
    {
      self->reload_pending = TRUE;
      return;
    }
  if (self->problem == NULL && self->waypoints != NULL)
    {
      self->loading++;
      _cr_feature_details_load_waypoints (self, FALSE);
      _cr_feature_details_update_measurements (self);
      self->loading--;
    }
}

static void
partners_changed_cb (CrFeatureDetails *self)
{
  _cr_feature_details_partners_changed (self);
}

static void
kinds_changed_cb (CrFeatureDetails *self)
{
  _cr_feature_details_kinds_changed (self);
}

/* Actions */

static void
close_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  close_pane (CR_FEATURE_DETAILS (widget));
}

static void
reload_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  CrFeatureDetails *self = CR_FEATURE_DETAILS (widget);

  set_problem (self, NULL);
  _cr_feature_details_refill_lists (self);
  load_feature (self, TRUE);
}

/* The map's tools delete the selection their way when they can (they
 * may have a drawing in progress to cancel); without them, the pane
 * deletes it itself, as one undoable step. */
static void
delete_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  CrFeatureDetails *self = CR_FEATURE_DETAILS (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(CrFeature) feature = NULL;
  gboolean ok;

  if (!_cr_feature_details_can_edit (self))
    return;
  if (gtk_widget_activate_action (widget, "tool.delete", NULL))
    return;
  feature = g_object_ref (self->feature);
  if (!_cr_feature_details_begin (self, _("Delete Feature")))
    return;
  ok = cr_history_delete (self->history, CR_RECORD (feature), &error);
  _cr_feature_details_end (self, ok, error);
}

/* Class */

static void
cr_feature_details_dispose (GObject *object)
{
  CrFeatureDetails *self = CR_FEATURE_DETAILS (object);

  self->disposed = TRUE;
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  if (self->renderer != NULL)
    g_signal_handlers_disconnect_by_data (self->renderer, self);
  _cr_feature_details_clear_waypoints (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), CR_TYPE_FEATURE_DETAILS);
  g_clear_object (&self->feature);
  g_clear_object (&self->kinds);
  g_clear_object (&self->partner_names);
  g_clear_object (&self->renderer);
  g_clear_object (&self->history);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (cr_feature_details_parent_class)->dispose (object);
}

static void
cr_feature_details_finalize (GObject *object)
{
  CrFeatureDetails *self = CR_FEATURE_DETAILS (object);

  g_clear_pointer (&self->partner_ids, g_array_unref);
  g_clear_pointer (&self->waypoints, g_ptr_array_unref);
  g_clear_pointer (&self->waypoint_rows, g_ptr_array_unref);
  g_free (self->shown_name);
  g_free (self->shown_notes);
  g_free (self->shown_radius);
  g_free (self->problem);

  G_OBJECT_CLASS (cr_feature_details_parent_class)->finalize (object);
}

/* The flap gives the pane its fixed width: long names and notes wrap in
 * it instead of widening it over the map. */
static void
cr_feature_details_measure (GtkWidget      *widget,
                            GtkOrientation  orientation,
                            int             for_size,
                            int            *minimum,
                            int            *natural,
                            int            *minimum_baseline,
                            int            *natural_baseline)
{
  GTK_WIDGET_CLASS (cr_feature_details_parent_class)->measure (widget, orientation, for_size, minimum,
                                                               natural, minimum_baseline, natural_baseline);
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    *natural = *minimum;
}

static void
cr_feature_details_class_init (CrFeatureDetailsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cr_feature_details_dispose;
  object_class->finalize = cr_feature_details_finalize;
  widget_class->measure = cr_feature_details_measure;

  g_type_ensure (CR_TYPE_DATETIME_ROW);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/cr-feature-details.ui");
  gtk_widget_class_bind_template_child (widget_class, CrFeatureDetails, kind_swatch);
  gtk_widget_class_bind_template_child (widget_class, CrFeatureDetails, title_label);
  gtk_widget_class_bind_template_child (widget_class, CrFeatureDetails, kind_label);
  gtk_widget_class_bind_template_child (widget_class, CrFeatureDetails, problem_revealer);
  gtk_widget_class_bind_template_child (widget_class, CrFeatureDetails, problem_label);
  gtk_widget_class_bind_template_child (widget_class, CrFeatureDetails, page);
  gtk_widget_class_bind_template_child (widget_class, CrFeatureDetails, name_row);
  gtk_widget_class_bind_template_child (widget_class, CrFeatureDetails, name_error);
  gtk_widget_class_bind_template_child (widget_class, CrFeatureDetails, kind_row);
  gtk_widget_class_bind_template_child (widget_class, CrFeatureDetails, partner_row);
  gtk_widget_class_bind_template_child (widget_class, CrFeatureDetails, from_row);
  gtk_widget_class_bind_template_child (widget_class, CrFeatureDetails, to_row);
  gtk_widget_class_bind_template_child (widget_class, CrFeatureDetails, time_error);
  gtk_widget_class_bind_template_child (widget_class, CrFeatureDetails, measure_group);
  gtk_widget_class_bind_template_child (widget_class, CrFeatureDetails, area_row);
  gtk_widget_class_bind_template_child (widget_class, CrFeatureDetails, area_value);
  gtk_widget_class_bind_template_child (widget_class, CrFeatureDetails, perimeter_row);
  gtk_widget_class_bind_template_child (widget_class, CrFeatureDetails, perimeter_value);
  gtk_widget_class_bind_template_child (widget_class, CrFeatureDetails, radius_row);
  gtk_widget_class_bind_template_child (widget_class, CrFeatureDetails, radius_error);
  gtk_widget_class_bind_template_child (widget_class, CrFeatureDetails, length_row);
  gtk_widget_class_bind_template_child (widget_class, CrFeatureDetails, length_value);
  gtk_widget_class_bind_template_child (widget_class, CrFeatureDetails, duration_row);
  gtk_widget_class_bind_template_child (widget_class, CrFeatureDetails, duration_value);
  gtk_widget_class_bind_template_child (widget_class, CrFeatureDetails, location_row);
  gtk_widget_class_bind_template_child (widget_class, CrFeatureDetails, location_value);
  gtk_widget_class_bind_template_child (widget_class, CrFeatureDetails, waypoints_group);
  gtk_widget_class_bind_template_child (widget_class, CrFeatureDetails, waypoint_list);
  gtk_widget_class_bind_template_child (widget_class, CrFeatureDetails, add_waypoint_row);
  gtk_widget_class_bind_template_child (widget_class, CrFeatureDetails, vertex_spin);
  gtk_widget_class_bind_template_child (widget_class, CrFeatureDetails, notes_view);
  _cr_feature_details_bind_field_callbacks (widget_class);
  gtk_widget_class_bind_template_callback (widget_class, vertex_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_waypoint_clicked_cb);

  gtk_widget_class_install_action (widget_class, "details.close", NULL, close_activated);
  gtk_widget_class_install_action (widget_class, "details.reload", NULL, reload_activated);
  gtk_widget_class_install_action (widget_class, "details.delete", NULL, delete_activated);
  _cr_feature_details_install_waypoint_actions (widget_class);
}

static void
cr_feature_details_init (CrFeatureDetails *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* A flap that expands takes all the room the map does not need. */
  gtk_widget_set_hexpand (GTK_WIDGET (self), FALSE);

  _cr_feature_details_init_fields (self);
  gtk_drawing_area_set_draw_func (self->kind_swatch, draw_swatch_cb, self, NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->problem_revealer), FALSE);
  _cr_feature_details_init_waypoints (self);
}

/**
 * cr_feature_details_new:
 * @renderer: the map's renderer: its "selected" feature is shown
 * @history: where every edit goes, so it can be undone
 *
 * Returns: (transfer floating): the pane
 */
CrFeatureDetails *
cr_feature_details_new (CrMapRenderer *renderer,
                        CrHistory     *history)
{
  CrFeatureDetails *self;

  g_return_val_if_fail (CR_IS_MAP_RENDERER (renderer), NULL);
  g_return_val_if_fail (CR_IS_HISTORY (history), NULL);
  g_return_val_if_fail (cr_history_get_store (history) == cr_map_renderer_get_store (renderer), NULL);

  self = g_object_new (CR_TYPE_FEATURE_DETAILS, NULL);
  self->renderer = g_object_ref (renderer);
  self->history = g_object_ref (history);
  self->store = g_object_ref (cr_history_get_store (history));
  g_signal_connect_swapped (renderer, "notify::selected", G_CALLBACK (selected_changed_cb), self);
  g_signal_connect (self->store, "changed::features", G_CALLBACK (features_changed_cb), self);
  g_signal_connect (self->store, "changed::waypoints", G_CALLBACK (waypoints_changed_cb), self);
  g_signal_connect_swapped (self->store, "changed::partners", G_CALLBACK (partners_changed_cb), self);
  g_signal_connect_swapped (self->store, "changed::feature_kinds", G_CALLBACK (kinds_changed_cb), self);
  _cr_feature_details_refill_lists (self);
  show_feature (self, cr_map_renderer_get_selected (renderer));
  return self;
}

/* The feature shown, 0 for none. */
gint64
cr_feature_details_get_feature_id (CrFeatureDetails *self)
{
  g_return_val_if_fail (CR_IS_FEATURE_DETAILS (self), 0);

  return self->feature_id;
}

/**
 * cr_feature_details_get_feature:
 *
 * Returns: (transfer none) (nullable): the feature as last read from the
 *   store
 */
CrFeature *
cr_feature_details_get_feature (CrFeatureDetails *self)
{
  g_return_val_if_fail (CR_IS_FEATURE_DETAILS (self), NULL);

  return self->feature;
}

/**
 * cr_feature_details_get_problem:
 *
 * Returns: (nullable): why the last change was not saved, as the pane
 *   shows it above the fields with its Reload button; %NULL when all is
 *   saved
 */
const char *
cr_feature_details_get_problem (CrFeatureDetails *self)
{
  g_return_val_if_fail (CR_IS_FEATURE_DETAILS (self), NULL);

  return self->problem;
}

/* Reads the feature again from the store, dropping what was not saved. */
void
cr_feature_details_reload (CrFeatureDetails *self)
{
  g_return_if_fail (CR_IS_FEATURE_DETAILS (self));

  gtk_widget_activate_action (GTK_WIDGET (self), "details.reload", NULL);
}

