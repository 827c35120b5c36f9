/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cr-event-sidebar"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cr-enum-types.h"
#include "cr-event-copy-dialog.h"
#include "cr-event-dialog.h"
#include "cr-event-sidebar.h"
#include "cr-labels.h"
#include "cr-time.h"
#include "cr-ops-utils.h"
#include "cr-ui-utils.h"

/**
 * CrEventSidebar:
 *
 * The events of the database in a list: search as you type, filters by
 * status, kind and archived state, and the actions on events (new, new
 * from a past one, rename, duplicate, archive) as "sidebar.*" actions,
 * in the header's menus and in each row's context menu.
 *
 * The selected event (#CrEventSidebar:selected-event) is what the
 * window shows. It stays selected while a search or a filter hides its
 * row, so typing a search never blanks the map; it goes when the event
 * is deleted, or archived while archived events are hidden.
 *
 * The list follows the store: every change goes through it, and
 * "changed::events" reloads the list.
 */
struct _CrEventSidebar
{
  GtkWidget parent_instance;

  /* Template widgets */
  GtkWidget *box;
  AdwHeaderBar *header_bar;
  AdwSplitButton *new_button;
  GtkMenuButton *filter_button;
  GtkSearchEntry *search_entry;
  GtkLabel *filter_label;
  GtkStack *stack;
  GtkListView *list_view;
  AdwStatusPage *no_match_page;
  GMenuModel *row_menu;

  GtkWidget *row_popover;
  CrStore *store;
  GListStore *events; /* every event, archived ones too */
  GtkCustomFilter *filter;
  GtkFilterListModel *filtered;
  GtkSingleSelection *selection;
  CrEvent *selected;

  char **search_tokens; /* folded */
  char *filter_status;  /* a CrEventStatus nick, or NULL for any */
  char *filter_kind;    /* a CrEventKind nick, or NULL for any */
  gboolean show_archived;
  guint syncing;
};

G_DEFINE_FINAL_TYPE (CrEventSidebar, cr_event_sidebar, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_STORE,
  PROP_SELECTED_EVENT,
  PROP_FILTER_STATUS,
  PROP_FILTER_KIND,
  PROP_SHOW_ARCHIVED,
  PROP_SHOW_END_TITLE_BUTTONS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void reload (CrEventSidebar *self);

/* Search without regard to case or accents: "fete" finds "Fête". */
static char *
fold (const char *text)
{
  g_autofree char *decomposed = g_utf8_normalize (text != NULL ? text : "", -1, G_NORMALIZE_NFKD);
  g_autoptr(GString) bare = g_string_new (NULL);

  for (const char *p = decomposed; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_ismark (c))
        g_string_append_unichar (bare, c);
    }
  return g_utf8_casefold (bare->str, -1);
}

char *
cr_event_sidebar_describe (CrEvent *event)
{
  g_autofree char *starts = NULL;
  g_autofree char *ends = NULL;
  const char *kind;

  g_return_val_if_fail (CR_IS_EVENT (event), NULL);

  starts = cr_time_format_local (cr_event_get_starts (event), "%d/%m/%Y");
  ends = cr_time_format_local (cr_event_get_ends (event), "%d/%m/%Y");
  kind = cr_event_kind_label (cr_event_get_kind (event));
  if (starts != NULL && ends != NULL && g_strcmp0 (starts, ends) != 0)
    /* Translators: event kind, first and last day, e.g. "Visit · 26/09/2024 – 29/09/2024" */
    return g_strdup_printf (_("%s · %s – %s"), kind, starts, ends);
  if (starts != NULL)
    /* Translators: event kind and day, e.g. "Football match · 14/10/2024" */
    return g_strdup_printf (_("%s · %s"), kind, starts);
  return g_strdup (kind);
}

static gboolean
passes_archive (CrEventSidebar *self,
                CrEvent        *event)
{
  return self->show_archived || !cr_event_get_archived (event);
}

static gboolean
event_matches (CrEventSidebar *self,
               CrEvent        *event)
{
  g_autofree char *haystack = NULL;
  g_autofree char *folded = NULL;

  if (!passes_archive (self, event))
    return FALSE;
  if (self->filter_status != NULL &&
      g_strcmp0 (cr_enum_to_nick (CR_TYPE_EVENT_STATUS, cr_event_get_status (event)),
                 self->filter_status) != 0)
    return FALSE;
  if (self->filter_kind != NULL &&
      g_strcmp0 (cr_enum_to_nick (CR_TYPE_EVENT_KIND, cr_event_get_kind (event)),
                 self->filter_kind) != 0)
    return FALSE;
  if (self->search_tokens == NULL)
    return TRUE;

  /* Every word somewhere in the name, the kind or the status. */
  haystack = g_strjoin (" ", cr_event_get_name (event),
                        cr_event_kind_label (cr_event_get_kind (event)),
                        cr_event_status_label (cr_event_get_status (event)), NULL);
  folded = fold (haystack);
  for (char **token = self->search_tokens; *token != NULL; token++)
    if (strstr (folded, *token) == NULL)
      return FALSE;
  return TRUE;
}

static gboolean
filter_func (gpointer item,
             gpointer user_data)
{
  return event_matches (user_data, item);
}

static gboolean
filters_active (CrEventSidebar *self)
{
  return self->search_tokens != NULL || self->filter_status != NULL || self->filter_kind != NULL;
}

static guint
find_position (GListModel *model,
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

static void
show_error (CrEventSidebar *self,
            const char     *message)
{
  cr_ops_add_toast (GTK_WIDGET (self), cr_ui_error_toast_new (message, 10));
}

static void
update_actions (CrEventSidebar *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean has_store = self->store != NULL;
  gboolean has_event = has_store && self->selected != NULL;
  gboolean archived = has_event && cr_event_get_archived (self->selected);
  gboolean any = self->events != NULL && g_list_model_get_n_items (G_LIST_MODEL (self->events)) > 0;

  gtk_widget_action_set_enabled (widget, "sidebar.new", has_store);
  gtk_widget_action_set_enabled (widget, "sidebar.new-from-past", has_store && any);
  gtk_widget_action_set_enabled (widget, "sidebar.new-from-selected", has_event);
  gtk_widget_action_set_enabled (widget, "sidebar.rename", has_event);
  gtk_widget_action_set_enabled (widget, "sidebar.duplicate", has_event);
  gtk_widget_action_set_enabled (widget, "sidebar.archive", has_event && !archived);
  gtk_widget_action_set_enabled (widget, "sidebar.unarchive", has_event && archived);
  gtk_widget_action_set_enabled (widget, "sidebar.context-menu", has_event);
  gtk_widget_action_set_enabled (widget, "sidebar.clear-filters",
                                 filters_active (self) || !self->show_archived);
}

static void
update_page (CrEventSidebar *self)
{
  const char *page;

  if (g_list_model_get_n_items (G_LIST_MODEL (self->events)) == 0)
    page = "empty";
  else if (g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) == 0)
    page = "no-match";
  else
    page = "list";
  if (g_str_equal (page, "no-match"))
    adw_status_page_set_description (self->no_match_page,
                                     filters_active (self)
                                       ? _("Try another search, or change the filters.")
                                       : _("Every event is archived. Show archived events to see them."));
  gtk_stack_set_visible_child_name (self->stack, page);
}

/* The filters in effect, under the search entry: a hidden status or
 * kind filter would make events seem lost. */
static void
update_filter_label (CrEventSidebar *self)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();
  g_autofree char *text = NULL;
  int value;

  if (self->filter_status != NULL &&
      cr_enum_from_nick (CR_TYPE_EVENT_STATUS, self->filter_status, &value))
    g_ptr_array_add (parts, (gpointer) cr_event_status_label (value));
  if (self->filter_kind != NULL && cr_enum_from_nick (CR_TYPE_EVENT_KIND, self->filter_kind, &value))
    g_ptr_array_add (parts, (gpointer) cr_event_kind_label (value));
  if (self->show_archived)
    g_ptr_array_add (parts, (gpointer) _("Archived events shown"));
  g_ptr_array_add (parts, NULL);
  /* Translators: separates the filters in effect, "Planning · Visit". */
  text = g_strjoinv (_(" · "), (char **) parts->pdata);
  gtk_label_set_text (self->filter_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->filter_label), parts->len > 1);
  if (parts->len > 1)
    gtk_widget_add_css_class (GTK_WIDGET (self->filter_button), "accent");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->filter_button), "accent");
}

/* The list's highlight follows the selected event, when its row shows. */
static void
sync_selection (CrEventSidebar *self)
{
  guint position = GTK_INVALID_LIST_POSITION;

  if (self->selected != NULL)
    position = find_position (G_LIST_MODEL (self->filtered),
                              cr_record_get_id (CR_RECORD (self->selected)));
  self->syncing++;
  gtk_single_selection_set_selected (self->selection, position);
  self->syncing--;
}

static void
set_selected (CrEventSidebar *self,
              CrEvent        *event)
{
  if (self->selected == event)
    return;
  g_set_object (&self->selected, event);
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_EVENT]);
}

static void
refilter (CrEventSidebar *self)
{
  self->syncing++;
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  self->syncing--;
  /* Archived events hidden: the selected one can no longer be shown. */
  if (self->selected != NULL && !passes_archive (self, self->selected))
    set_selected (self, NULL);
  sync_selection (self);
  update_page (self);
  update_filter_label (self);
  update_actions (self);
}

static void
selection_changed_cb (CrEventSidebar *self)
{
  gpointer item;

  if (self->syncing > 0)
    return;
  item = gtk_single_selection_get_selected_item (self->selection);
  if (item != NULL)
    set_selected (self, item);
}

static void
search_changed_cb (CrEventSidebar *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *folded = fold (text);
  g_auto(GStrv) words = g_strsplit_set (g_strstrip (folded), " \t", -1);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (char **w = words; *w != NULL; w++)
    if (**w != '\0')
      g_strv_builder_add (builder, *w);
  g_clear_pointer (&self->search_tokens, g_strfreev);
  self->search_tokens = g_strv_builder_end (builder);
  if (self->search_tokens[0] == NULL)
    g_clear_pointer (&self->search_tokens, g_strfreev);
  refilter (self);
}

static void
stop_search_cb (CrEventSidebar *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

/* Enter in the search: the first match, as in GNOME Settings. */
static void
search_activate_cb (CrEventSidebar *self)
{
  g_autoptr(CrEvent) first = NULL;

  if (g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) == 0)
    return;
  first = g_list_model_get_item (G_LIST_MODEL (self->filtered), 0);
  set_selected (self, first);
  sync_selection (self);
}

static void
store_changed_cb (CrStore        *store,
                  const char     *table,
                  gint64          row_id,
                  int             change,
                  CrEventSidebar *self)
{
  reload (self);
}

/* ---- Rows ---- */

static void
popup_row_menu (CrEventSidebar *self,
                GtkWidget      *widget,
                double          x,
                double          y)
{
  graphene_point_t point;

  if (!gtk_widget_compute_point (widget, GTK_WIDGET (self), &GRAPHENE_POINT_INIT (x, y), &point))
    return;
  gtk_popover_set_pointing_to (GTK_POPOVER (self->row_popover),
                               &(GdkRectangle) { (int) point.x, (int) point.y, 1, 1 });
  gtk_popover_popup (GTK_POPOVER (self->row_popover));
}

/* A right click or a long press selects the row, then offers what can
 * be done with it. */
static void
row_menu_requested (GtkListItem *item,
                    GtkWidget   *widget,
                    double       x,
                    double       y)
{
  CrEventSidebar *self = CR_EVENT_SIDEBAR (gtk_widget_get_ancestor (widget, CR_TYPE_EVENT_SIDEBAR));
  CrEvent *event = gtk_list_item_get_item (item);

  if (self == NULL || event == NULL)
    return;
  set_selected (self, event);
  sync_selection (self);
  popup_row_menu (self, widget, x, y);
}

static void
row_click_cb (GtkGestureClick *gesture,
              int              n_press,
              double           x,
              double           y,
              GtkListItem     *item)
{
  GtkWidget *widget = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (gesture));

  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  row_menu_requested (item, widget, x, y);
}

static void
row_long_press_cb (GtkGestureLongPress *gesture,
                   double               x,
                   double               y,
                   GtkListItem         *item)
{
  GtkWidget *widget = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (gesture));

  row_menu_requested (item, widget, x, y);
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *subtitle = gtk_label_new (NULL);
  GtkWidget *badge = gtk_label_new (NULL);
  GtkGesture *click = gtk_gesture_click_new ();
  GtkGesture *long_press = gtk_gesture_long_press_new ();

  gtk_widget_add_css_class (row, "event-row");
  gtk_widget_set_margin_top (row, 6);
  gtk_widget_set_margin_bottom (row, 6);
  gtk_widget_set_hexpand (texts, TRUE);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (title, "heading");
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_label_set_ellipsize (GTK_LABEL (subtitle), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_widget_add_css_class (subtitle, "subtitle");
  gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (texts), title);
  gtk_box_append (GTK_BOX (texts), subtitle);
  gtk_box_append (GTK_BOX (row), texts);
  gtk_box_append (GTK_BOX (row), badge);

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_SECONDARY);
  g_signal_connect (click, "pressed", G_CALLBACK (row_click_cb), item);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (click));
  gtk_gesture_single_set_touch_only (GTK_GESTURE_SINGLE (long_press), TRUE);
  g_signal_connect (long_press, "pressed", G_CALLBACK (row_long_press_cb), item);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (long_press));

  gtk_list_item_set_child (item, row);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  user_data)
{
  CrEvent *event = gtk_list_item_get_item (item);
  GtkWidget *row = gtk_list_item_get_child (item);
  GtkWidget *texts = gtk_widget_get_first_child (row);
  GtkWidget *title = gtk_widget_get_first_child (texts);
  GtkWidget *subtitle = gtk_widget_get_next_sibling (title);
  GtkWidget *badge = gtk_widget_get_next_sibling (texts);
  CrEventStatus status = cr_event_get_status (event);
  const char *classes[] = { "event-status", cr_enum_to_nick (CR_TYPE_EVENT_STATUS, status), NULL };
  g_autofree char *description = cr_event_sidebar_describe (event);
  g_autofree char *accessible = NULL;

  gtk_label_set_text (GTK_LABEL (title), cr_event_get_name (event));
  if (cr_event_get_archived (event))
    {
      /* Translators: an event's kind and dates, then that it is archived. */
      g_autofree char *archived = g_strdup_printf (_("%s · Archived"), description);

      g_free (description);
      description = g_steal_pointer (&archived);
    }
  gtk_label_set_text (GTK_LABEL (subtitle), description);
  gtk_label_set_text (GTK_LABEL (badge), cr_event_status_label (status));
  gtk_widget_set_css_classes (badge, classes);
  gtk_widget_set_opacity (texts, cr_event_get_archived (event) ? 0.6 : 1.0);

  /* Translators: an event in the list, as screen readers say it: name,
   * kind and dates, status. */
  accessible = g_strdup_printf (_("%s, %s, %s"), cr_event_get_name (event), description,
                                cr_event_status_label (status));
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
}

/* ---- Dialogs and actions ---- */

static GtkWindow *
parent_window (CrEventSidebar *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

/* A new or renamed event: select it, and make sure its row shows. */
static void
dialog_saved_cb (GtkWindow      *dialog,
                 gint64          event_id,
                 CrEventSidebar *self)
{
  cr_event_sidebar_select_event_id (self, event_id);
}

static void
new_activated (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  CrEventSidebar *self = CR_EVENT_SIDEBAR (widget);
  CrEventDialog *dialog = cr_event_dialog_new_create (self->store, parent_window (self));

  g_signal_connect_object (dialog, "saved", G_CALLBACK (dialog_saved_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
new_from_past_activated (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  CrEventSidebar *self = CR_EVENT_SIDEBAR (widget);
  gint64 source_id = 0;
  CrEventCopyDialog *dialog;

  /* From the row's menu: that event; from the New menu: the likeliest. */
  if (g_str_equal (action_name, "sidebar.new-from-selected") && self->selected != NULL)
    source_id = cr_record_get_id (CR_RECORD (self->selected));
  dialog = cr_event_copy_dialog_new (self->store, source_id, parent_window (self));
  g_signal_connect_object (dialog, "saved", G_CALLBACK (dialog_saved_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
rename_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  CrEventSidebar *self = CR_EVENT_SIDEBAR (widget);
  CrEventDialog *dialog;

  if (self->selected == NULL)
    return;
  dialog = cr_event_dialog_new_rename (self->store, self->selected, parent_window (self));
  g_signal_connect_object (dialog, "saved", G_CALLBACK (dialog_saved_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
duplicate_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  CrEventSidebar *self = CR_EVENT_SIDEBAR (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(CrEvent) copy = NULL;
  gint64 new_id = 0;

  if (self->selected == NULL)
    return;
  if (!cr_store_duplicate_event (self->store, cr_record_get_id (CR_RECORD (self->selected)),
                                 &new_id, &error))
    {
      show_error (self, error->message);
      return;
    }
  cr_event_sidebar_select_event_id (self, new_id);
  if (self->selected != NULL && cr_record_get_id (CR_RECORD (self->selected)) == new_id)
    /* Translators: %s is the name of the new copy of an event. */
    cr_ops_add_toast (GTK_WIDGET (self), adw_toast_new_format (_("Duplicated as “%s”"),
                                                              cr_event_get_name (self->selected)));
}

static gboolean
set_archived (CrEventSidebar *self,
              gint64          event_id,
              gboolean        archived)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrEvent) event = cr_store_get (self->store, CR_TYPE_EVENT, event_id, &error);

  if (event != NULL && cr_event_get_archived (event) != archived)
    {
      cr_event_set_archived (event, archived);
      if (!cr_store_update (self->store, CR_RECORD (event), &error))
        g_clear_object (&event);
    }
  if (event == NULL)
    {
      show_error (self, error->message);
      return FALSE;
    }
  return TRUE;
}

static void
undo_archive_cb (AdwToast       *toast,
                 CrEventSidebar *self)
{
  gint64 *event_id = g_object_get_data (G_OBJECT (toast), "event-id");

  if (set_archived (self, *event_id, FALSE))
    cr_event_sidebar_select_event_id (self, *event_id);
}

static void
archive_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  CrEventSidebar *self = CR_EVENT_SIDEBAR (widget);
  gboolean archive = g_str_equal (action_name, "sidebar.archive");
  g_autoptr(CrEvent) event = NULL;
  gint64 id;
  AdwToast *toast;

  if (self->selected == NULL)
    return;
  event = g_object_ref (self->selected);
  id = cr_record_get_id (CR_RECORD (event));
  if (!set_archived (self, id, archive))
    return;
  if (!archive)
    return;

  /* Archiving hides the event: say where it went, and offer it back. */
  /* Translators: %s is an event's name. */
  toast = adw_toast_new_format (_("“%s” archived"), cr_event_get_name (event));
  adw_toast_set_button_label (toast, _("_Undo"));
  g_object_set_data_full (G_OBJECT (toast), "event-id", g_memdup2 (&id, sizeof id), g_free);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (undo_archive_cb), self, 0);
  cr_ops_add_toast (GTK_WIDGET (self), toast);
}

static void
clear_filters_activated (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  CrEventSidebar *self = CR_EVENT_SIDEBAR (widget);
  gboolean had_filters = filters_active (self);

  g_object_freeze_notify (G_OBJECT (self));
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  g_object_set (self, "filter-status", NULL, "filter-kind", NULL, NULL);
  /* Nothing but archived events: show them. */
  if (!had_filters)
    g_object_set (self, "show-archived", TRUE, NULL);
  g_object_thaw_notify (G_OBJECT (self));
}

/* The Menu key, or Shift+F10: the menu of the focused row. */
static void
context_menu_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  CrEventSidebar *self = CR_EVENT_SIDEBAR (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;
  graphene_rect_t bounds;

  if (self->selected == NULL)
    return;
  if (focus == NULL || !gtk_widget_is_ancestor (focus, GTK_WIDGET (self->list_view)) ||
      !gtk_widget_compute_bounds (focus, GTK_WIDGET (self), &bounds))
    {
      if (!gtk_widget_compute_bounds (GTK_WIDGET (self->list_view), GTK_WIDGET (self), &bounds))
        return;
      bounds.size.height = 0;
    }
  gtk_popover_set_pointing_to (GTK_POPOVER (self->row_popover),
                               &(GdkRectangle) { (int) (bounds.origin.x + 24),
                                                 (int) (bounds.origin.y + bounds.size.height),
                                                 1, 1 });
  gtk_popover_popup (GTK_POPOVER (self->row_popover));
}

static GMenuModel *
build_filter_menu (void)
{
  GMenu *menu = g_menu_new ();
  g_autoptr(GMenu) status = g_menu_new ();
  g_autoptr(GMenu) kinds = g_menu_new ();
  g_autoptr(GMenu) kind_section = g_menu_new ();
  g_autoptr(GMenu) archived = g_menu_new ();
  g_autoptr(GEnumClass) status_class = g_type_class_ref (CR_TYPE_EVENT_STATUS);
  g_autoptr(GEnumClass) kind_class = g_type_class_ref (CR_TYPE_EVENT_KIND);
  g_autoptr(GMenuItem) kind_item = NULL;
  g_autoptr(GMenuItem) any_status = NULL;
  g_autoptr(GMenuItem) any_kind = NULL;

  any_status = g_menu_item_new (_("Any Status"), NULL);
  g_menu_item_set_action_and_target (any_status, "sidebar.filter-status", "s", "");
  g_menu_append_item (status, any_status);
  for (guint i = 0; i < status_class->n_values; i++)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (cr_event_status_label (status_class->values[i].value), NULL);

      g_menu_item_set_action_and_target (item, "sidebar.filter-status", "s",
                                         status_class->values[i].value_nick);
      g_menu_append_item (status, item);
    }
  g_menu_append_section (menu, _("Status"), G_MENU_MODEL (status));

  any_kind = g_menu_item_new (_("Any Kind"), NULL);
  g_menu_item_set_action_and_target (any_kind, "sidebar.filter-kind", "s", "");
  g_menu_append_item (kinds, any_kind);
  for (guint i = 0; i < kind_class->n_values; i++)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (cr_event_kind_label (kind_class->values[i].value), NULL);

      g_menu_item_set_action_and_target (item, "sidebar.filter-kind", "s",
                                         kind_class->values[i].value_nick);
      g_menu_append_item (kinds, item);
    }
  kind_item = g_menu_item_new_submenu (_("_Kind"), G_MENU_MODEL (kinds));
  g_menu_append_item (kind_section, kind_item);
  g_menu_append_section (menu, NULL, G_MENU_MODEL (kind_section));

  g_menu_append (archived, _("Show _Archived Events"), "sidebar.show-archived");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (archived));
  return G_MENU_MODEL (menu);
}

/* ---- Loading ---- */

static void
reload (CrEventSidebar *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) events = NULL;
  guint n_old, n_new;
  gboolean same_rows;
  CrEvent *still_selected = NULL;

  if (self->store == NULL)
    return;
  events = cr_store_list_events (self->store, TRUE, &error);
  if (events == NULL)
    {
      show_error (self, error->message);
      return;
    }

  n_old = g_list_model_get_n_items (G_LIST_MODEL (self->events));
  n_new = g_list_model_get_n_items (events);
  same_rows = n_old == n_new;
  for (guint i = 0; same_rows && i < n_new; i++)
    {
      g_autoptr(CrEvent) a = g_list_model_get_item (G_LIST_MODEL (self->events), i);
      g_autoptr(CrEvent) b = g_list_model_get_item (events, i);

      same_rows = cr_record_get_id (CR_RECORD (a)) == cr_record_get_id (CR_RECORD (b));
    }

  self->syncing++;
  if (same_rows)
    {
      /* Only the rows that changed are rebuilt: the others keep their
       * place and focus. */
      for (guint i = 0; i < n_new; i++)
        {
          g_autoptr(CrEvent) a = g_list_model_get_item (G_LIST_MODEL (self->events), i);
          g_autoptr(CrEvent) b = g_list_model_get_item (events, i);

          if (!cr_record_equal (CR_RECORD (a), CR_RECORD (b)))
            g_list_store_splice (self->events, i, 1, (gpointer *) &b, 1);
        }
    }
  else
    {
      g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

      for (guint i = 0; i < n_new; i++)
        g_ptr_array_add (items, g_list_model_get_item (events, i));
      g_list_store_splice (self->events, 0, n_old, items->pdata, items->len);
    }
  self->syncing--;

  if (self->selected != NULL)
    {
      guint position = find_position (G_LIST_MODEL (self->events),
                                      cr_record_get_id (CR_RECORD (self->selected)));

      if (position != GTK_INVALID_LIST_POSITION)
        {
          still_selected = g_list_model_get_item (G_LIST_MODEL (self->events), position);
          if (!passes_archive (self, still_selected))
            g_clear_object (&still_selected);
        }
    }
  set_selected (self, still_selected);
  g_clear_object (&still_selected);
  sync_selection (self);
  update_page (self);
  update_actions (self);
}

/* ---- GtkWidget ---- */

static void
cr_event_sidebar_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  CrEventSidebar *self = CR_EVENT_SIDEBAR (widget);

  gtk_widget_measure (self->box, orientation, for_size, minimum, natural, minimum_baseline,
                      natural_baseline);
}

static void
cr_event_sidebar_size_allocate (GtkWidget *widget,
                                int        width,
                                int        height,
                                int        baseline)
{
  CrEventSidebar *self = CR_EVENT_SIDEBAR (widget);

  gtk_widget_allocate (self->box, width, height, baseline, NULL);
  /* The row menu is a child too, and must follow the rows. */
  gtk_popover_present (GTK_POPOVER (self->row_popover));
}

static gboolean
cr_event_sidebar_grab_focus (GtkWidget *widget)
{
  CrEventSidebar *self = CR_EVENT_SIDEBAR (widget);

  return gtk_widget_grab_focus (GTK_WIDGET (self->list_view));
}

/* ---- GObject ---- */

static void
cr_event_sidebar_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  CrEventSidebar *self = CR_EVENT_SIDEBAR (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_SELECTED_EVENT:
      g_value_set_object (value, self->selected);
      break;
    case PROP_FILTER_STATUS:
      g_value_set_string (value, self->filter_status != NULL ? self->filter_status : "");
      break;
    case PROP_FILTER_KIND:
      g_value_set_string (value, self->filter_kind != NULL ? self->filter_kind : "");
      break;
    case PROP_SHOW_ARCHIVED:
      g_value_set_boolean (value, self->show_archived);
      break;
    case PROP_SHOW_END_TITLE_BUTTONS:
      g_value_set_boolean (value, adw_header_bar_get_show_end_title_buttons (self->header_bar));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* "" and NULL are "any", anything else must be a nick of @type. */
static gboolean
set_nick_filter (char      **field,
                 GType       type,
                 const char *nick)
{
  int value;

  if (nick != NULL && (*nick == '\0' || !cr_enum_from_nick (type, nick, &value)))
    {
      if (*nick != '\0')
        g_warning ("Unknown %s “%s”; showing every one", g_type_name (type), nick);
      nick = NULL;
    }
  if (g_strcmp0 (*field, nick) == 0)
    return FALSE;
  g_free (*field);
  *field = g_strdup (nick);
  return TRUE;
}

static void
cr_event_sidebar_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  CrEventSidebar *self = CR_EVENT_SIDEBAR (object);

  switch (prop_id)
    {
    case PROP_STORE:
      cr_event_sidebar_set_store (self, g_value_get_object (value));
      break;
    case PROP_FILTER_STATUS:
      if (set_nick_filter (&self->filter_status, CR_TYPE_EVENT_STATUS, g_value_get_string (value)))
        {
          refilter (self);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_FILTER_KIND:
      if (set_nick_filter (&self->filter_kind, CR_TYPE_EVENT_KIND, g_value_get_string (value)))
        {
          refilter (self);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_SHOW_ARCHIVED:
      if (self->show_archived != g_value_get_boolean (value))
        {
          self->show_archived = g_value_get_boolean (value);
          refilter (self);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_SHOW_END_TITLE_BUTTONS:
      if (adw_header_bar_get_show_end_title_buttons (self->header_bar) != g_value_get_boolean (value))
        {
          adw_header_bar_set_show_end_title_buttons (self->header_bar, g_value_get_boolean (value));
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cr_event_sidebar_dispose (GObject *object)
{
  CrEventSidebar *self = CR_EVENT_SIDEBAR (object);

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->store);
  g_clear_pointer (&self->row_popover, gtk_widget_unparent);
  gtk_widget_dispose_template (GTK_WIDGET (self), CR_TYPE_EVENT_SIDEBAR);
  g_clear_object (&self->selection);
  g_clear_object (&self->selected);

  G_OBJECT_CLASS (cr_event_sidebar_parent_class)->dispose (object);
}

static void
cr_event_sidebar_finalize (GObject *object)
{
  CrEventSidebar *self = CR_EVENT_SIDEBAR (object);

  g_strfreev (self->search_tokens);
  g_free (self->filter_status);
  g_free (self->filter_kind);

  G_OBJECT_CLASS (cr_event_sidebar_parent_class)->finalize (object);
}

static void
cr_event_sidebar_class_init (CrEventSidebarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = cr_event_sidebar_get_property;
  object_class->set_property = cr_event_sidebar_set_property;
  object_class->dispose = cr_event_sidebar_dispose;
  object_class->finalize = cr_event_sidebar_finalize;
  widget_class->measure = cr_event_sidebar_measure;
  widget_class->size_allocate = cr_event_sidebar_size_allocate;
  widget_class->grab_focus = cr_event_sidebar_grab_focus;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, CR_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * CrEventSidebar:selected-event: (nullable)
   *
   * The event the user chose. A new object (same id) after the store
   * reloads a changed event; %NULL when none.
   */
  properties[PROP_SELECTED_EVENT] =
    g_param_spec_object ("selected-event", NULL, NULL, CR_TYPE_EVENT,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * CrEventSidebar:filter-status:
   *
   * Show only the events with this status (a #CrEventStatus nick), or
   * every one when "".
   */
  properties[PROP_FILTER_STATUS] =
    g_param_spec_string ("filter-status", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * CrEventSidebar:filter-kind:
   *
   * Show only the events of this kind (a #CrEventKind nick), or every
   * one when "".
   */
  properties[PROP_FILTER_KIND] =
    g_param_spec_string ("filter-kind", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SHOW_ARCHIVED] =
    g_param_spec_boolean ("show-archived", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* The window's buttons, in the sidebar's header when it is alone on
   * screen (a narrow, folded window). */
  properties[PROP_SHOW_END_TITLE_BUTTONS] =
    g_param_spec_boolean ("show-end-title-buttons", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/cr-event-sidebar.ui");
  gtk_widget_class_bind_template_child (widget_class, CrEventSidebar, box);
  gtk_widget_class_bind_template_child (widget_class, CrEventSidebar, header_bar);
  gtk_widget_class_bind_template_child (widget_class, CrEventSidebar, new_button);
  gtk_widget_class_bind_template_child (widget_class, CrEventSidebar, filter_button);
  gtk_widget_class_bind_template_child (widget_class, CrEventSidebar, search_entry);
  gtk_widget_class_bind_template_child (widget_class, CrEventSidebar, filter_label);
  gtk_widget_class_bind_template_child (widget_class, CrEventSidebar, stack);
  gtk_widget_class_bind_template_child (widget_class, CrEventSidebar, list_view);
  gtk_widget_class_bind_template_child (widget_class, CrEventSidebar, no_match_page);
  gtk_widget_class_bind_template_child (widget_class, CrEventSidebar, row_menu);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);

  gtk_widget_class_install_action (widget_class, "sidebar.new", NULL, new_activated);
  gtk_widget_class_install_action (widget_class, "sidebar.new-from-past", NULL,
                                   new_from_past_activated);
  gtk_widget_class_install_action (widget_class, "sidebar.new-from-selected", NULL,
                                   new_from_past_activated);
  gtk_widget_class_install_action (widget_class, "sidebar.rename", NULL, rename_activated);
  gtk_widget_class_install_action (widget_class, "sidebar.duplicate", NULL, duplicate_activated);
  gtk_widget_class_install_action (widget_class, "sidebar.archive", NULL, archive_activated);
  gtk_widget_class_install_action (widget_class, "sidebar.unarchive", NULL, archive_activated);
  gtk_widget_class_install_action (widget_class, "sidebar.clear-filters", NULL,
                                   clear_filters_activated);
  gtk_widget_class_install_action (widget_class, "sidebar.context-menu", NULL,
                                   context_menu_activated);
  gtk_widget_class_install_property_action (widget_class, "sidebar.filter-status", "filter-status");
  gtk_widget_class_install_property_action (widget_class, "sidebar.filter-kind", "filter-kind");
  gtk_widget_class_install_property_action (widget_class, "sidebar.show-archived", "show-archived");

  /* While the focus is in the list: the row's own actions. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F2, 0, "sidebar.rename", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_d, GDK_CONTROL_MASK,
                                       "sidebar.duplicate", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Menu, 0, "sidebar.context-menu", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F10, GDK_SHIFT_MASK,
                                       "sidebar.context-menu", NULL);

  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

/* AdwSplitButton 1.2 names neither of its halves: the button, then the
 * arrow's menu button and the button inside that. */
static void
name_split_button (AdwSplitButton *split)
{
  GtkWidget *button = gtk_widget_get_first_child (GTK_WIDGET (split));

  if (button == NULL)
    return;
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("New Event"), -1);
  for (GtkWidget *c = gtk_widget_get_next_sibling (button); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      if (!GTK_IS_MENU_BUTTON (c))
        continue;
      gtk_accessible_update_property (GTK_ACCESSIBLE (c), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("More Ways to Create an Event"), -1);
      if (gtk_widget_get_first_child (c) != NULL)
        gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_widget_get_first_child (c)),
                                        GTK_ACCESSIBLE_PROPERTY_LABEL,
                                        _("More Ways to Create an Event"), -1);
    }
}

static void
cr_event_sidebar_init (CrEventSidebar *self)
{
  g_autoptr(GtkListItemFactory) factory = NULL;
  g_autoptr(GMenuModel) filter_menu = NULL;
  GtkEventController *shortcuts;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->events = g_list_store_new (CR_TYPE_EVENT);
  self->filter = gtk_custom_filter_new (filter_func, self, NULL);
  self->filtered = gtk_filter_list_model_new (G_LIST_MODEL (self->events), GTK_FILTER (self->filter));
  self->selection = gtk_single_selection_new (G_LIST_MODEL (self->filtered));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, FALSE);
  g_signal_connect_swapped (self->selection, "notify::selected-item",
                            G_CALLBACK (selection_changed_cb), self);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), NULL);
  gtk_list_view_set_factory (self->list_view, factory);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));

  self->row_popover = gtk_popover_menu_new_from_model (self->row_menu);
  gtk_popover_set_has_arrow (GTK_POPOVER (self->row_popover), FALSE);
  gtk_widget_set_halign (self->row_popover, GTK_ALIGN_START);
  gtk_widget_set_parent (self->row_popover, GTK_WIDGET (self));

  filter_menu = build_filter_menu ();
  gtk_menu_button_set_menu_model (self->filter_button, filter_menu);
  /* Typing in the list searches. */
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self->list_view));

  /* GTK 4.8's menu buttons do not pass their name on to the button
   * inside, which is what screen readers see. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_widget_get_first_child (GTK_WIDGET (self->filter_button))),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Filter Events"), -1);
  name_split_button (self->new_button);

  /* New events from anywhere in the window. */
  shortcuts = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (shortcuts), GTK_SHORTCUT_SCOPE_MANAGED);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_n, GDK_CONTROL_MASK),
                                                          gtk_named_action_new ("sidebar.new")));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_n, GDK_CONTROL_MASK | GDK_SHIFT_MASK),
                                                          gtk_named_action_new ("sidebar.new-from-past")));
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);

  update_actions (self);
  update_page (self);
  update_filter_label (self);
}

GtkWidget *
cr_event_sidebar_new (void)
{
  return g_object_new (CR_TYPE_EVENT_SIDEBAR, NULL);
}

/**
 * cr_event_sidebar_get_store:
 *
 * Returns: (transfer none) (nullable): the store the events come from
 */
CrStore *
cr_event_sidebar_get_store (CrEventSidebar *self)
{
  g_return_val_if_fail (CR_IS_EVENT_SIDEBAR (self), NULL);

  return self->store;
}

/* Lists @store's events, and follows its changes. */
void
cr_event_sidebar_set_store (CrEventSidebar *self,
                            CrStore        *store)
{
  g_return_if_fail (CR_IS_EVENT_SIDEBAR (self));
  g_return_if_fail (store == NULL || CR_IS_STORE (store));

  if (self->store == store)
    return;
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_set_object (&self->store, store);
  set_selected (self, NULL);
  if (store != NULL)
    {
      g_signal_connect (store, "changed::events", G_CALLBACK (store_changed_cb), self);
      reload (self);
    }
  else
    g_list_store_remove_all (self->events);
  update_actions (self);
  update_page (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

/**
 * cr_event_sidebar_get_selected_event:
 *
 * Returns: (transfer none) (nullable): the selected event
 */
CrEvent *
cr_event_sidebar_get_selected_event (CrEventSidebar *self)
{
  g_return_val_if_fail (CR_IS_EVENT_SIDEBAR (self), NULL);

  return self->selected;
}

/**
 * cr_event_sidebar_select_event_id:
 *
 * Selects the event with that id. When a search or a filter hides it,
 * they are cleared so that its row shows.
 *
 * Returns: %FALSE when there is no such event
 */
gboolean
cr_event_sidebar_select_event_id (CrEventSidebar *self,
                                  gint64          event_id)
{
  g_autoptr(CrEvent) event = NULL;
  guint position;

  g_return_val_if_fail (CR_IS_EVENT_SIDEBAR (self), FALSE);

  position = find_position (G_LIST_MODEL (self->events), event_id);
  if (position == GTK_INVALID_LIST_POSITION)
    return FALSE;
  event = g_list_model_get_item (G_LIST_MODEL (self->events), position);
  if (!event_matches (self, event))
    {
      g_object_freeze_notify (G_OBJECT (self));
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
      /* The search refilters when idle: the filter needs it now. */
      g_clear_pointer (&self->search_tokens, g_strfreev);
      g_object_set (self, "filter-status", NULL, "filter-kind", NULL, NULL);
      if (cr_event_get_archived (event))
        g_object_set (self, "show-archived", TRUE, NULL);
      refilter (self);
      g_object_thaw_notify (G_OBJECT (self));
    }
  set_selected (self, event);
  sync_selection (self);
  position = gtk_single_selection_get_selected (self->selection);
  if (position != GTK_INVALID_LIST_POSITION)
    gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", position);
  return TRUE;
}

/**
 * cr_event_sidebar_select_event:
 * @name: an event's name, in any case
 *
 * Returns: %FALSE when there is no such event (archived ones count only
 *   while shown)
 */
gboolean
cr_event_sidebar_select_event (CrEventSidebar *self,
                               const char     *name)
{
  g_autofree char *folded = NULL;
  GListModel *model;

  g_return_val_if_fail (CR_IS_EVENT_SIDEBAR (self), FALSE);

  if (name == NULL || *name == '\0')
    return FALSE;
  folded = g_utf8_casefold (name, -1);
  model = G_LIST_MODEL (self->events);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(CrEvent) event = g_list_model_get_item (model, i);
      g_autofree char *event_folded = g_utf8_casefold (cr_event_get_name (event), -1);

      if (g_str_equal (event_folded, folded) && passes_archive (self, event))
        return cr_event_sidebar_select_event_id (self, cr_record_get_id (CR_RECORD (event)));
    }
  return FALSE;
}

/**
 * cr_event_sidebar_get_model:
 *
 * Returns: (transfer none): the events the list shows, after search and
 *   filters, as a #GtkSingleSelection of #CrEvent
 */
GListModel *
cr_event_sidebar_get_model (CrEventSidebar *self)
{
  g_return_val_if_fail (CR_IS_EVENT_SIDEBAR (self), NULL);

  return G_LIST_MODEL (self->selection);
}

/* As if typed in the search entry, but filtering at once. */
void
cr_event_sidebar_set_search_text (CrEventSidebar *self,
                                  const char     *text)
{
  g_return_if_fail (CR_IS_EVENT_SIDEBAR (self));

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text != NULL ? text : "");
  search_changed_cb (self);
}

void
cr_event_sidebar_focus_search (CrEventSidebar *self)
{
  g_return_if_fail (CR_IS_EVENT_SIDEBAR (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}
