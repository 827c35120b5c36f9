/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cr-activation-page"

#include "config.h"

#include <glib/gi18n.h>

#include "cr-activation-page-private.h"
#include "cr-labels.h"
#include "cr-ops-utils.h"
#include "cr-time.h"

/**
 * CrActivationPage:
 *
 * The checklist of an activation, beside the map: the selected event's
 * activation in progress (or an unplanned incident's), its items grouped
 * by cell with the progress of each cell, and the past activations.
 *
 * One click ticks an item done; marking it not applicable and un-ticking
 * ask a reason. The store records the time and the operator, and journals
 * every change; the page only asks it and shows what it says, so changes
 * from other windows and processes (the store's "changed" signal) show
 * the same way. Items past their due time stand out, and a filter shows
 * them alone. A closed activation shows read-only, under a banner.
 */

G_DEFINE_FINAL_TYPE (CrActivationPage, cr_activation_page, ADW_TYPE_BIN)

static GDateTime *
page_now (CrActivationPage *self)
{
  return self->fixed_now ? g_date_time_ref (self->fixed_now) : cr_time_now_utc ();
}

gboolean
_cr_activation_page_is_read_only (CrActivationPage *self)
{
  return self->activation == NULL || cr_activation_is_closed (self->activation);
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static void
clear_box (GtkBox *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))) != NULL)
    gtk_box_remove (box, child);
}

/* "Open since 26/09 08:00", "Closed 26/09 18:00". */
static char *
describe_activation (CrActivation *activation,
                     GDateTime    *now)
{
  g_autofree char *opened = cr_ops_format_time (cr_activation_get_opened_at (activation), now);

  if (cr_activation_is_closed (activation))
    {
      g_autofree char *closed = cr_ops_format_time (cr_activation_get_closed_at (activation), now);

      /* Translators: an activation's level, start and end */
      return g_strdup_printf (_("%s · %s – closed %s"),
                              cr_activation_level_label (cr_activation_get_level (activation)), opened, closed);
    }
  /* Translators: an activation's level and start */
  return g_strdup_printf (_("%s · in progress since %s"),
                          cr_activation_level_label (cr_activation_get_level (activation)), opened);
}

static GtkWidget *
activation_row_new (CrActivation *activation,
                    GDateTime    *now,
                    gboolean      shown)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *subtitle = describe_activation (activation, now);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), cr_activation_get_name (activation));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 2);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  if (shown)
    adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("object-select-symbolic"));
  else
    adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  g_object_set_data (G_OBJECT (row), "activation-id",
                     GINT_TO_POINTER ((int) cr_record_get_id (CR_RECORD (activation))));
  return row;
}

static GtkWidget *
placeholder_new (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_set_margin_top (label, 12);
  gtk_widget_set_margin_bottom (label, 12);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  return label;
}

/* The activation to show when none was chosen: the latest open one of
 * the event (or, without an event, of an unplanned incident). */
static CrActivation *
default_activation (CrActivationPage *self,
                    GListModel       *activations)
{
  for (guint i = 0; i < g_list_model_get_n_items (activations); i++)
    {
      g_autoptr(CrActivation) activation = g_list_model_get_item (activations, i);

      if (cr_activation_get_event_id (activation) == self->event_id && !cr_activation_is_closed (activation))
        return g_steal_pointer (&activation);
    }
  return NULL;
}

static void
fill_selector (CrActivationPage *self,
               GListModel       *activations,
               GDateTime        *now)
{
  gint64 shown = self->activation ? cr_record_get_id (CR_RECORD (self->activation)) : 0;
  guint n_event = 0, n_incident = 0, n_past = 0;

  clear_list (self->event_list);
  clear_list (self->incident_list);
  clear_list (self->past_list);
  for (guint i = 0; i < g_list_model_get_n_items (activations); i++)
    {
      g_autoptr(CrActivation) activation = g_list_model_get_item (activations, i);
      gint64 id = cr_record_get_id (CR_RECORD (activation));
      gint64 event_id = cr_activation_get_event_id (activation);

      if (event_id == 0)
        {
          gtk_list_box_append (self->incident_list, activation_row_new (activation, now, id == shown));
          n_incident++;
        }
      else if (event_id == self->event_id)
        {
          gtk_list_box_append (self->event_list, activation_row_new (activation, now, id == shown));
          n_event++;
        }
      if (event_id == self->event_id && cr_activation_is_closed (activation))
        {
          gtk_list_box_append (self->past_list, activation_row_new (activation, now, FALSE));
          n_past++;
        }
    }
  if (n_event == 0)
    gtk_list_box_append (self->event_list, placeholder_new (self->event_id != 0
                                                              ? _("No activation for this event yet.")
                                                              : _("No event is selected.")));
  if (n_incident == 0)
    gtk_list_box_append (self->incident_list, placeholder_new (_("No unplanned incident.")));
  gtk_widget_set_visible (GTK_WIDGET (self->past_group), n_past > 0);
  gtk_label_set_text (self->event_heading, self->event_name ? self->event_name : _("No Event Selected"));
  gtk_label_set_text (self->activations_label,
                      self->activation ? cr_activation_get_name (self->activation) : _("Activations"));
}

static GtkWidget *
cell_group_new (CrCellProgress *progress)
{
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *suffix = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *bar = gtk_level_bar_new_for_interval (0, 1);
  GtkWidget *count = gtk_label_new (NULL);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), cr_cell_label (progress->cell));
  gtk_widget_set_valign (bar, GTK_ALIGN_CENTER);
  gtk_widget_set_size_request (bar, 120, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (bar), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  cr_cell_label (progress->cell), -1);
  gtk_widget_add_css_class (count, "numeric");
  gtk_widget_add_css_class (count, "cell-count");
  gtk_box_append (GTK_BOX (suffix), bar);
  gtk_box_append (GTK_BOX (suffix), count);
  gtk_widget_set_valign (suffix, GTK_ALIGN_END);
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group), suffix);
  g_object_set_data (G_OBJECT (group), "bar", bar);
  g_object_set_data (G_OBJECT (group), "count", count);
  g_object_set_data (G_OBJECT (group), "cell", GINT_TO_POINTER (progress->cell));
  return group;
}

static void
update_cell_group (GtkWidget      *group,
                   CrCellProgress *progress)
{
  GtkWidget *bar = g_object_get_data (G_OBJECT (group), "bar");
  GtkWidget *count = g_object_get_data (G_OBJECT (group), "count");
  guint settled = progress->done + progress->not_applicable;
  g_autofree char *fraction = g_strdup_printf ("%u/%u", settled, progress->total);
  g_autoptr(GString) description = g_string_new (NULL);

  gtk_level_bar_set_value (GTK_LEVEL_BAR (bar), progress->total > 0 ? (double) settled / progress->total : 0);
  gtk_label_set_text (GTK_LABEL (count), fraction);
  /* Translators: a cell's progress; %u are numbers of items */
  g_string_append_printf (description, g_dngettext (GETTEXT_PACKAGE, "%u of %u item done", "%u of %u items done",
                                                    progress->total),
                          progress->done, progress->total);
  if (progress->not_applicable > 0)
    g_string_append_printf (description, g_dngettext (GETTEXT_PACKAGE, ", %u not applicable",
                                                      ", %u not applicable", progress->not_applicable),
                            progress->not_applicable);
  if (progress->overdue > 0)
    g_string_append_printf (description, g_dngettext (GETTEXT_PACKAGE, ", %u overdue", ", %u overdue",
                                                      progress->overdue),
                            progress->overdue);
  if (progress->total == 0)
    g_string_assign (description, _("No checklist item for this cell."));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description->str);
  if (progress->overdue > 0)
    gtk_widget_add_css_class (count, "overdue");
  else
    gtk_widget_remove_css_class (count, "overdue");
}

static GtkWidget *
find_group (CrActivationPage *self,
            CrCell            cell)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->cells_box)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GPOINTER_TO_INT (g_object_get_data (G_OBJECT (child), "cell")) == (int) cell)
      return child;
  return NULL;
}

static gboolean
same_items (CrActivationPage *self,
            GListModel       *items)
{
  if (self->item_ids == NULL || self->item_ids->len != g_list_model_get_n_items (items))
    return FALSE;
  for (guint i = 0; i < self->item_ids->len; i++)
    {
      g_autoptr(CrRecord) item = g_list_model_get_item (items, i);

      if (g_array_index (self->item_ids, gint64, i) != cr_record_get_id (item))
        return FALSE;
    }
  return TRUE;
}

/* The groups of cells and their rows: rebuilt only when the items
 * themselves change (another activation), else updated in place, so a
 * tick keeps the focus and the scroll position. */
static void
fill_items (CrActivationPage *self,
            GListModel       *items,
            GArray           *progress,
            GDateTime        *now)
{
  GDateTime *opened_at = cr_activation_get_opened_at (self->activation);
  gboolean read_only = _cr_activation_page_is_read_only (self);
  gboolean overdue_only = gtk_toggle_button_get_active (self->overdue_button);
  gboolean rebuild = !same_items (self, items);
  guint n_visible = 0;

  if (rebuild)
    {
      clear_box (self->cells_box);
      g_hash_table_remove_all (self->rows);
      g_clear_pointer (&self->item_ids, g_array_unref);
      self->item_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
      for (guint i = 0; i < progress->len; i++)
        gtk_box_append (self->cells_box, cell_group_new (&g_array_index (progress, CrCellProgress, i)));
    }
  for (guint i = 0; i < progress->len; i++)
    {
      CrCellProgress *p = &g_array_index (progress, CrCellProgress, i);
      GtkWidget *group = find_group (self, p->cell);

      if (group != NULL)
        update_cell_group (group, p);
    }

  self->n_overdue = 0;
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(CrActivationItem) item = g_list_model_get_item (items, i);
      gint64 id = cr_record_get_id (CR_RECORD (item));
      CrChecklistRow *row = g_hash_table_lookup (self->rows, &id);
      gboolean visible;

      if (row == NULL)
        {
          GtkWidget *group = find_group (self, cr_activation_item_get_cell (item));

          if (group == NULL)
            continue;
          row = cr_checklist_row_new ();
          g_signal_connect_object (row, "toggle-requested", G_CALLBACK (_cr_activation_page_toggle_requested_cb), self,
                                   G_CONNECT_SWAPPED);
          g_signal_connect_object (row, "not-applicable-requested",
                                   G_CALLBACK (_cr_activation_page_not_applicable_requested_cb), self, G_CONNECT_SWAPPED);
          adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (row));
          g_hash_table_insert (self->rows, g_memdup2 (&id, sizeof id), row);
          g_array_append_val (self->item_ids, id);
        }
      cr_checklist_row_update (row, item, opened_at, now, read_only);
      if (cr_checklist_row_get_overdue (row))
        self->n_overdue++;
      visible = !overdue_only || cr_checklist_row_get_overdue (row);
      gtk_widget_set_visible (GTK_WIDGET (row), visible);
      n_visible += visible;
    }

  /* With the overdue filter, a cell without overdue items hides. */
  for (GtkWidget *group = gtk_widget_get_first_child (GTK_WIDGET (self->cells_box)); group != NULL;
       group = gtk_widget_get_next_sibling (group))
    {
      gboolean any = !overdue_only;

      for (guint i = 0; !any && i < self->item_ids->len; i++)
        {
          CrChecklistRow *row = g_hash_table_lookup (self->rows, &g_array_index (self->item_ids, gint64, i));

          any = row != NULL && gtk_widget_get_visible (GTK_WIDGET (row)) &&
                gtk_widget_is_ancestor (GTK_WIDGET (row), group);
        }
      gtk_widget_set_visible (group, any);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->no_overdue_label), overdue_only && n_visible == 0);
}

static void
fill_header (CrActivationPage *self,
             GArray           *progress,
             GDateTime        *now)
{
  CrActivation *activation = self->activation;
  g_autofree char *opened = cr_ops_format_time (cr_activation_get_opened_at (activation), now);
  g_autofree char *details = NULL;
  g_autofree char *overall = NULL;
  guint total = 0, settled = 0;

  gtk_label_set_text (self->name_label, cr_activation_get_name (activation));
  if (cr_activation_is_closed (activation))
    {
      g_autofree char *closed = cr_ops_format_time (cr_activation_get_closed_at (activation), now);
      g_autofree char *banner = NULL;

      /* Translators: the banner of a closed activation: when, who, the closing note */
      banner = g_strdup_printf (_("Closed at %s by %s: %s\nA closed activation is read-only; "
                                  "write in the logbook to add to its record."),
                                closed, cr_activation_get_closed_by (activation),
                                cr_activation_get_closing_note (activation));
      gtk_label_set_text (self->closed_label, banner);
    }
  gtk_widget_set_visible (self->closed_banner, cr_activation_is_closed (activation));

  {
    g_autofree char *elapsed = cr_ops_format_duration (g_date_time_difference (now, cr_activation_get_opened_at (activation)));

    if (cr_activation_is_closed (activation))
      /* Translators: level, the start time and who opened it */
      details = g_strdup_printf (_("%s activation · opened at %s by %s"),
                                 cr_activation_level_label (cr_activation_get_level (activation)), opened,
                                 cr_activation_get_opened_by (activation));
    else
      /* Translators: level, the start time, who opened it, and the time since (T+2 h 05) */
      details = g_strdup_printf (_("%s activation · opened at %s by %s · now T+%s"),
                                 cr_activation_level_label (cr_activation_get_level (activation)), opened,
                                 cr_activation_get_opened_by (activation), elapsed);
  }
  gtk_label_set_text (self->details_label, details);

  for (guint i = 0; i < progress->len; i++)
    {
      CrCellProgress *p = &g_array_index (progress, CrCellProgress, i);

      total += p->total;
      settled += p->done + p->not_applicable;
    }
  gtk_level_bar_set_value (self->overall_bar, total > 0 ? (double) settled / total : 0);
  /* Translators: the checklist's progress, e.g. "12 of 19 items done or not applicable" */
  overall = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u item done or not applicable",
                                          "%u of %u items done or not applicable", total),
                             settled, total);
  gtk_label_set_text (self->overall_label, overall);
}

static void
update_actions (CrActivationPage *self)
{
  gboolean shown = self->activation != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "activation.close", shown && !_cr_activation_page_is_read_only (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "activation.export-report", shown);
  gtk_widget_set_visible (GTK_WIDGET (self->close_button), shown && !_cr_activation_page_is_read_only (self));
  gtk_widget_set_sensitive (GTK_WIDGET (self->overdue_button), shown && !_cr_activation_page_is_read_only (self));
}

static void
update_overdue_button (CrActivationPage *self)
{
  g_autofree char *text = NULL;

  if (self->n_overdue > 0)
    {
      /* Translators: the overdue filter, with the number of overdue items */
      text = g_strdup_printf (_("Overdue (%u)"), self->n_overdue);
      gtk_widget_add_css_class (GTK_WIDGET (self->overdue_button), "has-overdue");
    }
  else
    {
      text = g_strdup (_("Overdue"));
      gtk_widget_remove_css_class (GTK_WIDGET (self->overdue_button), "has-overdue");
    }
  gtk_label_set_text (self->overdue_label, text);
}

/**
 * cr_activation_page_refresh:
 *
 * Shows the store as it is now. The page does it by itself after every
 * change of the store; tests call it to skip waiting.
 */
void
cr_activation_page_refresh (CrActivationPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) activations = NULL;
  g_autoptr(GListModel) items = NULL;
  g_autoptr(GArray) progress = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(CrActivation) shown = NULL;

  g_return_if_fail (CR_IS_ACTIVATION_PAGE (self));

  g_clear_handle_id (&self->refresh_source, g_source_remove);
  if (self->store == NULL)
    return;
  now = page_now (self);
  cr_ops_update_shift (self->shift_label, self->store);
  activations = cr_store_list_activations (self->store, TRUE, &error);
  if (activations == NULL)
    {
      cr_ops_show_error (GTK_WIDGET (self), error->message);
      return;
    }

  /* The activation chosen stays shown, also once closed; else the
   * event's open one. */
  if (self->activation != NULL)
    {
      gint64 id = cr_record_get_id (CR_RECORD (self->activation));

      for (guint i = 0; shown == NULL && i < g_list_model_get_n_items (activations); i++)
        {
          g_autoptr(CrActivation) activation = g_list_model_get_item (activations, i);

          if (cr_record_get_id (CR_RECORD (activation)) == id)
            shown = g_steal_pointer (&activation);
        }
    }
  if (shown == NULL)
    shown = default_activation (self, activations);
  g_set_object (&self->activation, shown);
  fill_selector (self, activations, now);

  if (self->activation == NULL)
    {
      g_autofree char *description = NULL;

      if (self->event_name != NULL)
        /* Translators: %s is the event's name */
        description = g_strdup_printf (_("“%s” has no activation in progress. Open one when the crisis "
                                         "centre is activated for it; its checklist comes from the "
                                         "templates of the event’s kind."),
                                       self->event_name);
      else
        description = g_strdup (_("No unplanned incident has an activation in progress. Open one for an "
                                  "incident, or choose an event in the list to see its activations."));
      adw_status_page_set_description (self->empty_page, description);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      g_clear_pointer (&self->item_ids, g_array_unref);
      g_hash_table_remove_all (self->rows);
      clear_box (self->cells_box);
      self->n_overdue = 0;
      update_overdue_button (self);
      update_actions (self);
      return;
    }

  items = cr_store_list_activation_items (self->store, cr_record_get_id (CR_RECORD (self->activation)), 0,
                                          &error);
  if (items != NULL)
    progress = cr_store_get_activation_progress (self->store, cr_record_get_id (CR_RECORD (self->activation)),
                                                 now, &error);
  if (items == NULL || progress == NULL)
    {
      cr_ops_show_error (GTK_WIDGET (self), error->message);
      return;
    }
  fill_header (self, progress, now);
  fill_items (self, items, progress, now);
  update_overdue_button (self);
  update_actions (self);
  gtk_stack_set_visible_child_name (self->stack, "activation");
}

static void
queue_refresh (CrActivationPage *self)
{
  cr_ops_queue_idle (&self->refresh_source, (CrOpsPageFunc) cr_activation_page_refresh, self);
}

static void
store_changed_cb (CrStore          *store,
                  const char       *table,
                  gint64            row_id,
                  CrStoreChange     change,
                  CrActivationPage *self)
{
  if (change == CR_STORE_CHANGE_RELOAD || g_strcmp0 (table, "activations") == 0 ||
      g_strcmp0 (table, "activation_items") == 0 || g_strcmp0 (table, "events") == 0)
    queue_refresh (self);
}

/* Overdue is a matter of time: look again every half minute. */
static gboolean
clock_cb (gpointer user_data)
{
  CrActivationPage *self = user_data;

  if (self->fixed_now == NULL && gtk_widget_get_mapped (GTK_WIDGET (self)))
    queue_refresh (self);
  return G_SOURCE_CONTINUE;
}

static void
activation_row_activated_cb (CrActivationPage *self,
                             GtkListBoxRow    *row)
{
  gint64 id = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "activation-id"));

  if (id <= 0)
    return;
  gtk_popover_popdown (self->activations_popover);
  cr_activation_page_show_activation (self, id);
}

static void
overdue_toggled_cb (CrActivationPage *self)
{
  cr_activation_page_refresh (self);
}

static void
operator_changed_cb (CrActivationPage *self)
{
  cr_ops_update_shift (self->shift_label, self->store);
}

/* ---- Object ---- */

static void
cr_activation_page_dispose (GObject *object)
{
  CrActivationPage *self = CR_ACTIVATION_PAGE (object);

  cr_ops_page_unwatch (GTK_WIDGET (self), CR_TYPE_ACTIVATION_PAGE, &self->store, &self->settings,
                       &self->refresh_source, &self->clock_source);
  g_clear_object (&self->activation);
  g_clear_pointer (&self->fixed_now, g_date_time_unref);
  g_clear_pointer (&self->event_name, g_free);
  g_clear_pointer (&self->rows, g_hash_table_unref);
  g_clear_pointer (&self->item_ids, g_array_unref);

  G_OBJECT_CLASS (cr_activation_page_parent_class)->dispose (object);
}

static void
cr_activation_page_class_init (CrActivationPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cr_activation_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/cr-activation-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CrActivationPage, activations_button);
  gtk_widget_class_bind_template_child (widget_class, CrActivationPage, activations_label);
  gtk_widget_class_bind_template_child (widget_class, CrActivationPage, activations_popover);
  gtk_widget_class_bind_template_child (widget_class, CrActivationPage, event_heading);
  gtk_widget_class_bind_template_child (widget_class, CrActivationPage, event_list);
  gtk_widget_class_bind_template_child (widget_class, CrActivationPage, incident_list);
  gtk_widget_class_bind_template_child (widget_class, CrActivationPage, overdue_button);
  gtk_widget_class_bind_template_child (widget_class, CrActivationPage, overdue_label);
  gtk_widget_class_bind_template_child (widget_class, CrActivationPage, shift_label);
  gtk_widget_class_bind_template_child (widget_class, CrActivationPage, close_button);
  gtk_widget_class_bind_template_child (widget_class, CrActivationPage, stack);
  gtk_widget_class_bind_template_child (widget_class, CrActivationPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, CrActivationPage, past_group);
  gtk_widget_class_bind_template_child (widget_class, CrActivationPage, past_list);
  gtk_widget_class_bind_template_child (widget_class, CrActivationPage, closed_banner);
  gtk_widget_class_bind_template_child (widget_class, CrActivationPage, closed_label);
  gtk_widget_class_bind_template_child (widget_class, CrActivationPage, name_label);
  gtk_widget_class_bind_template_child (widget_class, CrActivationPage, details_label);
  gtk_widget_class_bind_template_child (widget_class, CrActivationPage, overall_bar);
  gtk_widget_class_bind_template_child (widget_class, CrActivationPage, overall_label);
  gtk_widget_class_bind_template_child (widget_class, CrActivationPage, no_overdue_label);
  gtk_widget_class_bind_template_child (widget_class, CrActivationPage, cells_box);
  gtk_widget_class_bind_template_callback (widget_class, activation_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, overdue_toggled_cb);

  _cr_activation_page_install_actions (widget_class);
}

static void
cr_activation_page_init (CrActivationPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->rows = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->clock_source = g_timeout_add_seconds (30, clock_cb, self);

  /* GTK 4.8's menu button does not pass its name on to the button
   * inside it, which is what screen readers see. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_widget_get_first_child (GTK_WIDGET (self->activations_button))),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Choose the Activation Shown"), -1);
}

/**
 * cr_activation_page_new_for_store:
 *
 * Returns: (transfer floating): a page showing the activations of
 *   @store; cr_activation_page_set_event() chooses the event
 */
CrActivationPage *
cr_activation_page_new_for_store (CrStore   *store,
                                  GSettings *settings)
{
  CrActivationPage *self;

  g_return_val_if_fail (CR_IS_STORE (store), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (CR_TYPE_ACTIVATION_PAGE, NULL);
  cr_ops_page_watch (self, &self->store, &self->settings, store, settings, G_CALLBACK (store_changed_cb),
                     G_CALLBACK (operator_changed_cb));
  cr_activation_page_refresh (self);
  return self;
}

/**
 * cr_activation_page_new:
 *
 * Returns: (transfer floating): the window's activation page, which
 *   follows the event selected in its sidebar
 */
GtkWidget *
cr_activation_page_new (CrWindow *window)
{
  g_return_val_if_fail (CR_IS_WINDOW (window), NULL);

  return cr_ops_page_new_for_window (window, (CrOpsPageNewFunc) cr_activation_page_new_for_store,
                                     (CrOpsPageEventFunc) cr_activation_page_set_event);
}

/**
 * cr_activation_page_set_event:
 * @event: (nullable): the event whose activations to show; %NULL for
 *   the unplanned incidents
 */
void
cr_activation_page_set_event (CrActivationPage *self,
                              CrEvent          *event)
{
  gint64 id;

  g_return_if_fail (CR_IS_ACTIVATION_PAGE (self));

  id = event != NULL ? cr_record_get_id (CR_RECORD (event)) : 0;
  g_clear_pointer (&self->event_name, g_free);
  self->event_name = event != NULL ? g_strdup (cr_event_get_name (event)) : NULL;
  if (id != self->event_id)
    {
      self->event_id = id;
      g_clear_object (&self->activation);
    }
  cr_activation_page_refresh (self);
}

/* Returns: the activation shown, or 0 */
gint64
cr_activation_page_get_activation_id (CrActivationPage *self)
{
  g_return_val_if_fail (CR_IS_ACTIVATION_PAGE (self), 0);

  return self->activation ? cr_record_get_id (CR_RECORD (self->activation)) : 0;
}

/* Shows that activation, open or closed, of any event or incident. */
void
cr_activation_page_show_activation (CrActivationPage *self,
                                    gint64            activation_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrActivation) activation = NULL;

  g_return_if_fail (CR_IS_ACTIVATION_PAGE (self));

  activation = cr_store_get (self->store, CR_TYPE_ACTIVATION, activation_id, &error);
  if (activation == NULL)
    {
      cr_ops_show_error (GTK_WIDGET (self), error->message);
      return;
    }
  g_set_object (&self->activation, activation);
  cr_activation_page_refresh (self);
}

/* Whether nothing on the page can change the checklist: no activation,
 * or a closed one. */
gboolean
cr_activation_page_get_read_only (CrActivationPage *self)
{
  g_return_val_if_fail (CR_IS_ACTIVATION_PAGE (self), TRUE);

  return _cr_activation_page_is_read_only (self);
}

/**
 * cr_activation_page_set_now:
 * @now: (nullable): the time to tell overdue items by; %NULL for the clock
 *
 * For tests: a fixed "now".
 */
void
cr_activation_page_set_now (CrActivationPage *self,
                            GDateTime        *now)
{
  g_return_if_fail (CR_IS_ACTIVATION_PAGE (self));

  g_clear_pointer (&self->fixed_now, g_date_time_unref);
  if (now != NULL)
    self->fixed_now = g_date_time_ref (now);
  cr_activation_page_refresh (self);
}

/* The "Overdue" filter: only the open items past their due time. */
void
cr_activation_page_set_overdue_only (CrActivationPage *self,
                                     gboolean          overdue_only)
{
  g_return_if_fail (CR_IS_ACTIVATION_PAGE (self));

  gtk_toggle_button_set_active (self->overdue_button, overdue_only);
}

guint
cr_activation_page_get_n_overdue (CrActivationPage *self)
{
  g_return_val_if_fail (CR_IS_ACTIVATION_PAGE (self), 0);

  return self->n_overdue;
}

/**
 * cr_activation_page_find_row:
 *
 * Returns: (transfer none) (nullable): the row of that item
 */
CrChecklistRow *
cr_activation_page_find_row (CrActivationPage *self,
                             gint64            item_id)
{
  g_return_val_if_fail (CR_IS_ACTIVATION_PAGE (self), NULL);

  return g_hash_table_lookup (self->rows, &item_id);
}
