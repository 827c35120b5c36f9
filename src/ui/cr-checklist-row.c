/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cr-checklist-row"

#include "config.h"

#include <glib/gi18n.h>

#include "cr-checklist-row.h"
#include "cr-ops-utils.h"

/**
 * CrChecklistRow:
 *
 * One item of an activation's checklist: its text, who is responsible,
 * when it is due (T+offset and the Brussels clock time), whether it is
 * mandatory, and its state with who set it, when and why.
 *
 * The row never changes the item itself: its check button and its "N/A"
 * button emit #CrChecklistRow::toggle-requested and
 * #CrChecklistRow::not-applicable-requested, and the page asks the store
 * (and the operator, for a reason). The check shows the stored state
 * until the store says otherwise.
 */
struct _CrChecklistRow
{
  AdwActionRow parent_instance;

  GtkCheckButton *check;
  GtkWidget *mandatory_pill;
  GtkWidget *overdue_pill;
  GtkButton *not_applicable_button;

  CrActivationItem *item;
  gboolean overdue;
  guint updating;
};

G_DEFINE_FINAL_TYPE (CrChecklistRow, cr_checklist_row, ADW_TYPE_ACTION_ROW)

enum
{
  TOGGLE_REQUESTED,
  NOT_APPLICABLE_REQUESTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
set_class (GtkWidget  *widget,
           const char *css_class,
           gboolean    set)
{
  if (set)
    gtk_widget_add_css_class (widget, css_class);
  else
    gtk_widget_remove_css_class (widget, css_class);
}

/* The check always shows the stored state: a click asks, the store
 * decides, and the next update shows what it decided. */
static void
show_state (CrChecklistRow *self)
{
  CrItemState state = self->item ? cr_activation_item_get_state (self->item) : CR_ITEM_STATE_OPEN;

  self->updating++;
  gtk_check_button_set_active (self->check, state != CR_ITEM_STATE_OPEN);
  gtk_check_button_set_inconsistent (self->check, state == CR_ITEM_STATE_NOT_APPLICABLE);
  self->updating--;
}

static void
check_toggled_cb (CrChecklistRow *self)
{
  if (self->updating > 0 || self->item == NULL)
    return;
  show_state (self);
  g_signal_emit (self, signals[TOGGLE_REQUESTED], 0);
}

static void
not_applicable_clicked_cb (CrChecklistRow *self)
{
  if (self->item != NULL)
    g_signal_emit (self, signals[NOT_APPLICABLE_REQUESTED], 0);
}

static char *
state_line (CrChecklistRow *self,
            GDateTime      *now)
{
  CrActivationItem *item = self->item;
  GDateTime *at = cr_activation_item_get_state_at (item);
  const char *by = cr_activation_item_get_state_by (item);
  const char *note = cr_activation_item_get_state_note (item);
  g_autofree char *time = cr_ops_format_time (at, now);

  if (by == NULL)
    by = "";
  switch (cr_activation_item_get_state (item))
    {
    case CR_ITEM_STATE_DONE:
      if (note != NULL && *note != '\0')
        /* Translators: an item's state: time, operator, note */
        return g_strdup_printf (_("Done at %s by %s — %s"), time, by, note);
      /* Translators: an item's state: time, operator */
      return g_strdup_printf (_("Done at %s by %s"), time, by);
    case CR_ITEM_STATE_NOT_APPLICABLE:
      /* Translators: an item's state: operator, time, the reason */
      return g_strdup_printf (_("Not applicable (%s, %s): %s"), by, time, note != NULL ? note : "");
    case CR_ITEM_STATE_OPEN:
    default:
      break;
    }
  if (self->overdue)
    {
      GTimeSpan span = g_date_time_difference (now, cr_activation_item_get_due_at (item));
      g_autofree char *late = NULL;

      if (span < G_TIME_SPAN_MINUTE)
        return g_strdup (_("Overdue: it was due a moment ago"));
      late = cr_ops_format_duration (span);
      /* Translators: how late an open item is, e.g. "Overdue by 25 min" */
      return g_strdup_printf (_("Overdue by %s"), late);
    }
  if (at != NULL && note != NULL)
    /* Translators: an item un-ticked: time, operator, the reason */
    return g_strdup_printf (_("Un-ticked at %s by %s: %s"), time, by, note);
  return NULL;
}

static void
cr_checklist_row_dispose (GObject *object)
{
  CrChecklistRow *self = CR_CHECKLIST_ROW (object);

  g_clear_object (&self->item);

  G_OBJECT_CLASS (cr_checklist_row_parent_class)->dispose (object);
}

static void
cr_checklist_row_class_init (CrChecklistRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cr_checklist_row_dispose;

  /**
   * CrChecklistRow::toggle-requested:
   *
   * The check was clicked: tick an open item, un-tick a ticked one.
   */
  signals[TOGGLE_REQUESTED] = g_signal_new ("toggle-requested", G_TYPE_FROM_CLASS (klass),
                                            G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /**
   * CrChecklistRow::not-applicable-requested:
   *
   * The "N/A" button was clicked.
   */
  signals[NOT_APPLICABLE_REQUESTED] = g_signal_new ("not-applicable-requested", G_TYPE_FROM_CLASS (klass),
                                                    G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                                    G_TYPE_NONE, 0);
}

static GtkWidget *
pill_new (const char *text,
          const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (label, "item-pill");
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

static void
cr_checklist_row_init (CrChecklistRow *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self), FALSE);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (self), 0);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (self), 0);
  gtk_widget_add_css_class (GTK_WIDGET (self), "checklist-item");

  self->check = GTK_CHECK_BUTTON (gtk_check_button_new ());
  gtk_widget_set_valign (GTK_WIDGET (self->check), GTK_ALIGN_CENTER);
  g_signal_connect_swapped (self->check, "toggled", G_CALLBACK (check_toggled_cb), self);
  adw_action_row_add_prefix (ADW_ACTION_ROW (self), GTK_WIDGET (self->check));
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (self), GTK_WIDGET (self->check));

  self->overdue_pill = pill_new (_("Overdue"), "overdue");
  gtk_widget_set_visible (self->overdue_pill, FALSE);
  gtk_box_append (GTK_BOX (box), self->overdue_pill);
  self->mandatory_pill = pill_new (_("Mandatory"), "mandatory");
  gtk_widget_set_tooltip_text (self->mandatory_pill, _("The checklist requires this item: do it, or mark it not applicable with a reason"));
  gtk_box_append (GTK_BOX (box), self->mandatory_pill);

  self->not_applicable_button = GTK_BUTTON (gtk_button_new_with_label (_("N/A…")));
  gtk_widget_set_valign (GTK_WIDGET (self->not_applicable_button), GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (GTK_WIDGET (self->not_applicable_button), "flat");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->not_applicable_button), _("Mark Not Applicable, with a Reason"));
  g_signal_connect_swapped (self->not_applicable_button, "clicked", G_CALLBACK (not_applicable_clicked_cb), self);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->not_applicable_button));
  adw_action_row_add_suffix (ADW_ACTION_ROW (self), box);
}

CrChecklistRow *
cr_checklist_row_new (void)
{
  return g_object_new (CR_TYPE_CHECKLIST_ROW, NULL);
}

/**
 * cr_checklist_row_update:
 * @item: the item as stored
 * @opened_at: the activation's start, T
 * @now: the time to tell overdue items by
 * @read_only: the activation is closed: nothing in the row edits
 *
 * Shows @item as it is now.
 */
void
cr_checklist_row_update (CrChecklistRow   *self,
                         CrActivationItem *item,
                         GDateTime        *opened_at,
                         GDateTime        *now,
                         gboolean          read_only)
{
  GDateTime *due_at;
  CrItemState state;
  const char *responsible;
  const char *text;
  g_autofree char *offset = NULL;
  g_autofree char *due = NULL;
  g_autofree char *line = NULL;
  g_autofree char *status = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *na_label = NULL;

  g_return_if_fail (CR_IS_CHECKLIST_ROW (self));
  g_return_if_fail (CR_IS_ACTIVATION_ITEM (item));
  g_return_if_fail (now != NULL);

  g_set_object (&self->item, item);
  due_at = cr_activation_item_get_due_at (item);
  state = cr_activation_item_get_state (item);
  self->overdue = !read_only && state == CR_ITEM_STATE_OPEN && due_at != NULL &&
                  g_date_time_compare (due_at, now) < 0;

  text = cr_activation_item_get_text (item);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), text);

  responsible = cr_activation_item_get_responsible (item);
  due = cr_ops_format_time (due_at, now);
  if (opened_at != NULL && due_at != NULL)
    offset = cr_ops_format_offset (g_date_time_difference (due_at, opened_at));
  if (responsible != NULL && *responsible != '\0')
    /* Translators: who is responsible for an item, when it is due after
     * the start (T+15 min) and at what time */
    line = g_strdup_printf (_("%s · %s, due %s"), responsible, offset ? offset : "", due);
  else
    /* Translators: when an item is due after the start (T+15 min) and at what time */
    line = g_strdup_printf (_("%s, due %s"), offset ? offset : "", due);
  status = state_line (self, now);
  subtitle = status != NULL ? g_strdup_printf ("%s\n%s", line, status) : g_strdup (line);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), subtitle);

  show_state (self);
  gtk_widget_set_sensitive (GTK_WIDGET (self->check), !read_only);
  gtk_widget_set_visible (GTK_WIDGET (self->not_applicable_button), !read_only && state == CR_ITEM_STATE_OPEN);
  gtk_widget_set_visible (self->mandatory_pill, cr_activation_item_get_mandatory (item));
  gtk_widget_set_visible (self->overdue_pill, self->overdue);

  set_class (GTK_WIDGET (self), "overdue", self->overdue);
  set_class (GTK_WIDGET (self), "done", state == CR_ITEM_STATE_DONE);
  set_class (GTK_WIDGET (self), "not-applicable", state == CR_ITEM_STATE_NOT_APPLICABLE);

  /* What a screen reader says of the check is what a click does; the
   * row's title, which labels the check too, says which item. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  state == CR_ITEM_STATE_OPEN ? _("Tick done") : _("Un-tick"), -1);
  /* Translators: accessible name of an item's "N/A" button; %s is the item */
  na_label = g_strdup_printf (_("Mark not applicable: %s"), text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->not_applicable_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, na_label, -1);
}

/**
 * cr_checklist_row_get_item:
 *
 * Returns: (transfer none) (nullable): the item shown
 */
CrActivationItem *
cr_checklist_row_get_item (CrChecklistRow *self)
{
  g_return_val_if_fail (CR_IS_CHECKLIST_ROW (self), NULL);

  return self->item;
}

/* Whether the item is open and past its due time. */
gboolean
cr_checklist_row_get_overdue (CrChecklistRow *self)
{
  g_return_val_if_fail (CR_IS_CHECKLIST_ROW (self), FALSE);

  return self->overdue;
}

/**
 * cr_checklist_row_get_check_button:
 *
 * Returns: (transfer none): the check that ticks and un-ticks
 */
GtkCheckButton *
cr_checklist_row_get_check_button (CrChecklistRow *self)
{
  g_return_val_if_fail (CR_IS_CHECKLIST_ROW (self), NULL);

  return self->check;
}

/**
 * cr_checklist_row_get_not_applicable_button:
 *
 * Returns: (transfer none): the "N/A…" button
 */
GtkButton *
cr_checklist_row_get_not_applicable_button (CrChecklistRow *self)
{
  g_return_val_if_fail (CR_IS_CHECKLIST_ROW (self), NULL);

  return self->not_applicable_button;
}
