/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cr-roles-page"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "cr-a11y.h"
#include "cr-enum-types.h"
#include "cr-labels.h"
#include "cr-map-renderer.h"
#include "cr-ops-utils.h"
#include "cr-roles-page-private.h"
#include "cr-store-contacts.h"
#include "cr-ui-utils.h"

/**
 * CrRolesPage:
 *
 * Who does what during the selected event: one line per role (partner ×
 * discipline), with the responsibility, the sector on the map and the
 * partner's contact for the event, read like the operational sheet.
 * Filtered by partner or discipline, sorted by any column. Adding,
 * editing and removing are undoable steps of the window's history;
 * selecting a role selects its sector on the map.
 */

G_DEFINE_FINAL_TYPE (CrRolesPage, cr_roles_page, ADW_TYPE_BIN)

/* The width of the window's feature details, over the map. */
#define DETAILS_WIDTH 360

static void reload (CrRolesPage *self);

static gint64 *
id_key (gint64 id)
{
  return g_memdup2 (&id, sizeof id);
}

/* ---- Filters ---- */

/* The partners with a role in the event, and the one filtered by even
 * when its last role is gone. The list changes only when its content
 * does: it is the drop-down's model, and this runs when its selection
 * changes. */
static void
fill_partner_filter (CrRolesPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) partners = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 current = cr_roles_page_get_partner_filter (self);
  guint n_old = g_list_model_get_n_items (G_LIST_MODEL (self->partner_names));
  gboolean same;
  guint position = 0;
  gint64 all = 0;

  partners = self->event_id > 0 ? cr_store_list_role_partners (self->store, self->event_id, &error) : NULL;
  if (partners == NULL && error != NULL)
    g_warning ("Cannot list the partners of the event: %s", error->message);
  g_array_append_val (ids, all);
  g_ptr_array_add (names, (gpointer) _("All partners"));
  for (guint i = 0; partners != NULL && i < g_list_model_get_n_items (partners); i++)
    {
      g_autoptr(CrPartner) partner = g_list_model_get_item (partners, i);
      gint64 id = cr_record_get_id (CR_RECORD (partner));

      if (id == current)
        position = ids->len;
      g_array_append_val (ids, id);
      /* The partners stay in the cache as long as the names are used. */
      g_ptr_array_add (names, (gpointer) _cr_roles_page_partner_name (self, id));
    }
  if (current > 0 && position == 0 && g_hash_table_contains (self->partners, &current))
    {
      position = ids->len;
      g_array_append_val (ids, current);
      g_ptr_array_add (names, (gpointer) _cr_roles_page_partner_name (self, current));
    }

  same = n_old == ids->len;
  for (guint i = 0; same && i < ids->len; i++)
    same = g_array_index (ids, gint64, i) == g_array_index (self->partner_ids, gint64, i) &&
           g_strcmp0 (gtk_string_list_get_string (self->partner_names, i), g_ptr_array_index (names, i)) == 0;
  if (same)
    return;

  g_array_set_size (self->partner_ids, 0);
  g_array_append_vals (self->partner_ids, ids->data, ids->len);
  g_ptr_array_add (names, NULL);
  self->filling = TRUE;
  gtk_string_list_splice (self->partner_names, 0, n_old, (const char *const *) names->pdata);
  gtk_drop_down_set_selected (self->partner_filter, position);
  self->filling = FALSE;
}

static void
filter_changed_cb (CrRolesPage *self)
{
  if (!self->filling)
    reload (self);
}

/* ---- Loading ---- */

static void
cache_records (GHashTable *table,
               GListModel *records)
{
  g_hash_table_remove_all (table);
  for (guint i = 0; records != NULL && i < g_list_model_get_n_items (records); i++)
    {
      CrRecord *record = g_list_model_get_item (records, i);

      g_hash_table_insert (table, id_key (cr_record_get_id (record)), record);
    }
}

static gboolean
load_caches (CrRolesPage *self,
             GError     **error)
{
  g_autoptr(GListModel) partners = NULL;
  g_autoptr(GListModel) features = NULL;
  g_autoptr(GListModel) contacts = NULL;
  g_autoptr(GListModel) kinds = NULL;

  if ((partners = cr_store_list (self->store, CR_TYPE_PARTNER, NULL, 0, error)) == NULL ||
      (features = cr_store_list_features (self->store, self->event_id, error)) == NULL ||
      (contacts = cr_store_list (self->store, CR_TYPE_CONTACT, NULL, 0, error)) == NULL ||
      (kinds = cr_store_list_feature_kinds (self->store, error)) == NULL)
    return FALSE;
  cache_records (self->partners, partners);
  cache_records (self->features, features);
  cache_records (self->contacts, contacts);
  g_hash_table_remove_all (self->kind_labels);
  for (guint i = 0; i < g_list_model_get_n_items (kinds); i++)
    {
      g_autoptr(CrFeatureKind) kind = g_list_model_get_item (kinds, i);

      g_hash_table_insert (self->kind_labels, g_strdup (cr_feature_kind_get_code (kind)),
                           g_strdup (cr_feature_kind_get_label (kind)));
    }
  return TRUE;
}

/* The SPOC chain ranks of the contacts the roles name. */
static void
load_ranks (CrRolesPage *self,
            GListModel  *roles)
{
  g_autoptr(GHashTable) done = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  g_hash_table_remove_all (self->ranks);
  for (guint i = 0; i < g_list_model_get_n_items (roles); i++)
    {
      g_autoptr(CrRole) role = g_list_model_get_item (roles, i);
      gint64 partner_id = cr_role_get_partner_id (role);
      g_autoptr(GListModel) chain = NULL;

      if (g_hash_table_contains (done, &partner_id))
        continue;
      g_hash_table_add (done, id_key (partner_id));
      chain = cr_store_list_spoc_chain (self->store, partner_id, NULL);
      for (guint j = 0; chain != NULL && j < g_list_model_get_n_items (chain); j++)
        {
          g_autoptr(CrRecord) contact = g_list_model_get_item (chain, j);

          g_hash_table_insert (self->ranks, id_key (cr_record_get_id (contact)), GINT_TO_POINTER (j + 1));
        }
    }
}

static void
update_count (CrRolesPage *self,
              guint        n_shown)
{
  gint64 total = cr_store_count (self->store, CR_TYPE_ROLE, "event_id", self->event_id, NULL);
  g_autofree char *text = NULL;

  if ((gint64) n_shown == total)
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u role", "%u roles", n_shown), n_shown);
  else
    /* Translators: "3 of 16 roles", when a filter hides some */
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %d role", "%u of %d roles", (gulong) total),
                            n_shown, (int) total);
  gtk_label_set_text (self->count_label, text);
}

static void
update_actions (CrRolesPage *self)
{
  CrRole *role = gtk_single_selection_get_selected_item (self->selection);
  gboolean editable = self->event_id > 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "roles.add", editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "roles.edit", role != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "roles.remove", role != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "roles.show-on-map",
                                 role != NULL && cr_role_get_sector_id (role) > 0);
}

static void
reload (CrRolesPage *self)
{
  g_autoptr(CrEvent) event = self->window ? cr_window_get_event (self->window) : NULL;
  g_autoptr(GListModel) roles = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  CrRole *selected = gtk_single_selection_get_selected_item (self->selection);
  gint64 selected_id = selected ? cr_record_get_id (CR_RECORD (selected)) : 0;
  gint64 event_id = event ? cr_record_get_id (CR_RECORD (event)) : 0;
  gboolean filtered;

  g_clear_handle_id (&self->reload_idle, g_source_remove);
  if (self->store == NULL)
    return;
  if (event_id != self->event_id)
    {
      /* Another event: its partners, and no role selected. */
      self->event_id = event_id;
      selected_id = 0;
      self->filling = TRUE;
      gtk_drop_down_set_selected (self->partner_filter, 0);
      self->filling = FALSE;
    }
  if (event_id == 0)
    {
      g_list_store_remove_all (self->roles);
      gtk_stack_set_visible_child_name (self->stack, "no-event");
      update_actions (self);
      return;
    }
  gtk_stack_set_visible_child_name (self->stack, "roles");

  if (!load_caches (self, &error) ||
      (roles = cr_store_list_roles (self->store, event_id, cr_roles_page_get_partner_filter (self),
                                    cr_roles_page_get_discipline_filter (self), &error)) == NULL)
    {
      g_warning ("Cannot read the roles of the event: %s", error->message);
      return;
    }
  fill_partner_filter (self);
  load_ranks (self, roles);

  for (guint i = 0; i < g_list_model_get_n_items (roles); i++)
    g_ptr_array_add (items, g_list_model_get_item (roles, i));
  self->reloading = TRUE;
  g_list_store_splice (self->roles, 0, g_list_model_get_n_items (G_LIST_MODEL (self->roles)),
                       items->pdata, items->len);
  /* The sort keys (names) may have changed without the roles changing. */
  gtk_sorter_changed (gtk_column_view_get_sorter (self->column_view), GTK_SORTER_CHANGE_DIFFERENT);

  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  if (selected_id > 0)
    cr_roles_page_select_role (self, selected_id);
  self->reloading = FALSE;

  filtered = cr_roles_page_get_partner_filter (self) > 0 || cr_roles_page_get_discipline_filter (self) >= 0;
  update_count (self, items->len);
  if (items->len > 0)
    gtk_stack_set_visible_child_name (self->list_stack, "list");
  else
    {
      adw_status_page_set_title (self->empty_page, filtered ? _("No Matching Roles") : _("No Roles Yet"));
      adw_status_page_set_description (self->empty_page,
                                       filtered ? _("No role of the event matches the filters. Choose "
                                                    "“All partners” and “All disciplines” to see every role.")
                                                : _("Add the role of each partner: who is responsible for "
                                                    "what, where, and whom to call."));
      gtk_widget_set_visible (GTK_WIDGET (self->empty_add_button), !filtered);
      gtk_stack_set_visible_child_name (self->list_stack, "empty");
    }
  update_actions (self);
}

/* A change may come as many signals (an import, an undo of several
 * rows): reload once they are all in. */
static void
store_changed_cb (CrRolesPage *self)
{
  cr_ops_queue_idle (&self->reload_idle, (CrOpsPageFunc) reload, self);
}

static void
event_changed_cb (CrRolesPage *self)
{
  reload (self);
}

/* ---- Selection and actions ---- */

/* The selected role's sector is the map's selection: switching to the
 * map shows it highlighted, with its details. A reload keeps the role
 * selected without taking the map's selection back, which the user may
 * have changed on the map since. */
static void
selection_changed_cb (CrRolesPage *self)
{
  CrRole *role = gtk_single_selection_get_selected_item (self->selection);

  update_actions (self);
  if (role != NULL && self->renderer != NULL && !self->reloading &&
      cr_map_renderer_get_event_id (self->renderer) == cr_role_get_event_id (role))
    cr_map_renderer_set_selected (self->renderer, cr_role_get_sector_id (role));
}

static void
row_activated_cb (CrRolesPage *self,
                  guint        position)
{
  gtk_single_selection_set_selected (self->selection, position);
  cr_roles_page_edit_role (self);
}

static void
dialog_saved_cb (CrRolesPage  *self,
                 gint64        role_id,
                 CrRoleDialog *dialog)
{
  reload (self);
  if (!cr_roles_page_select_role (self, role_id))
    {
      /* Hidden by the filters: show every role rather than lose it. */
      self->filling = TRUE;
      gtk_drop_down_set_selected (self->partner_filter, 0);
      gtk_drop_down_set_selected (self->discipline_filter, 0);
      self->filling = FALSE;
      reload (self);
      cr_roles_page_select_role (self, role_id);
    }
}

static void
role_action_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  CrRolesPage *self = CR_ROLES_PAGE (widget);

  if (g_str_equal (action_name, "roles.add"))
    cr_roles_page_add_role (self);
  else if (g_str_equal (action_name, "roles.edit"))
    cr_roles_page_edit_role (self);
  else if (g_str_equal (action_name, "roles.remove"))
    cr_roles_page_remove_role (self);
  else
    cr_roles_page_show_on_map (self);
}

static void
show_error (CrRolesPage *self,
            const char  *message)
{
  cr_ops_show_error (GTK_WIDGET (self), message);
}

/* ---- GObject ---- */

static void
cr_roles_page_dispose (GObject *object)
{
  CrRolesPage *self = CR_ROLES_PAGE (object);

  g_clear_handle_id (&self->reload_idle, g_source_remove);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  if (self->sidebar != NULL)
    g_signal_handlers_disconnect_by_data (self->sidebar, self);
  g_clear_object (&self->sidebar);
  if (self->window != NULL)
    {
      g_object_remove_weak_pointer (G_OBJECT (self->window), (gpointer *) &self->window);
      self->window = NULL;
    }
  cr_ops_dispose_template (GTK_WIDGET (self), CR_TYPE_ROLES_PAGE);
  g_clear_object (&self->selection);
  g_clear_object (&self->sorted);
  g_clear_object (&self->roles);
  g_clear_object (&self->partner_names);
  g_clear_object (&self->store);
  g_clear_object (&self->history);
  g_clear_object (&self->renderer);

  G_OBJECT_CLASS (cr_roles_page_parent_class)->dispose (object);
}

static void
cr_roles_page_finalize (GObject *object)
{
  CrRolesPage *self = CR_ROLES_PAGE (object);

  g_clear_pointer (&self->partner_ids, g_array_unref);
  g_clear_pointer (&self->partners, g_hash_table_unref);
  g_clear_pointer (&self->features, g_hash_table_unref);
  g_clear_pointer (&self->contacts, g_hash_table_unref);
  g_clear_pointer (&self->kind_labels, g_hash_table_unref);
  g_clear_pointer (&self->ranks, g_hash_table_unref);

  G_OBJECT_CLASS (cr_roles_page_parent_class)->finalize (object);
}

static void
cr_roles_page_class_init (CrRolesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cr_roles_page_dispose;
  object_class->finalize = cr_roles_page_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/cr-roles-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CrRolesPage, stack);
  gtk_widget_class_bind_template_child (widget_class, CrRolesPage, partner_filter);
  gtk_widget_class_bind_template_child (widget_class, CrRolesPage, discipline_filter);
  gtk_widget_class_bind_template_child (widget_class, CrRolesPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, CrRolesPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, CrRolesPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, CrRolesPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, CrRolesPage, empty_add_button);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);

  gtk_widget_class_install_action (widget_class, "roles.add", NULL, role_action_activated);
  gtk_widget_class_install_action (widget_class, "roles.edit", NULL, role_action_activated);
  gtk_widget_class_install_action (widget_class, "roles.remove", NULL, role_action_activated);
  gtk_widget_class_install_action (widget_class, "roles.show-on-map", NULL, role_action_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "roles.remove", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Delete, 0, "roles.remove", NULL);
}

static void
cr_roles_page_init (CrRolesPage *self)
{
  g_autoptr(GEnumClass) disciplines = g_type_class_ref (CR_TYPE_DISCIPLINE);
  g_autoptr(GtkStringList) discipline_names = gtk_string_list_new (NULL);
  GtkEventController *shortcuts;

  gtk_widget_init_template (GTK_WIDGET (self));
  cr_a11y_name_mnemonic_buttons (GTK_WIDGET (self));

  self->partners = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  self->features = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  self->contacts = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  self->kind_labels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->ranks = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  self->roles = g_list_store_new (CR_TYPE_ROLE);
  self->sorted = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->roles)),
                                          g_object_ref (gtk_column_view_get_sorter (self->column_view)));
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->sorted)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_swapped (self->selection, "notify::selected-item", G_CALLBACK (selection_changed_cb), self);
  _cr_roles_page_add_columns (self);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));

  self->partner_names = gtk_string_list_new (NULL);
  self->partner_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  _cr_roles_page_set_filter_factories (self->partner_filter);
  gtk_drop_down_set_model (self->partner_filter, G_LIST_MODEL (self->partner_names));

  gtk_string_list_append (discipline_names, _("All disciplines"));
  for (guint i = 0; i < disciplines->n_values; i++)
    gtk_string_list_append (discipline_names, cr_discipline_label (disciplines->values[i].value));
  _cr_roles_page_set_filter_factories (self->discipline_filter);
  gtk_drop_down_set_model (self->discipline_filter, G_LIST_MODEL (discipline_names));
  cr_ops_name_drop_down (self->partner_filter, _("Filter by partner"));
  cr_ops_name_drop_down (self->discipline_filter, _("Filter by discipline"));

  shortcuts = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (shortcuts), GTK_SHORTCUT_SCOPE_MANAGED);
  cr_ops_add_page_shortcut (GTK_WIDGET (self), GTK_SHORTCUT_CONTROLLER (shortcuts), GDK_KEY_m, GDK_CONTROL_MASK,
                            "roles.show-on-map");
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);

  update_actions (self);
}

/**
 * cr_roles_page_new:
 * @window: the main window: its event, history, renderer and map
 *
 * Returns: (transfer floating): the roles page, following the window's
 *   selected event
 */
CrRolesPage *
cr_roles_page_new (CrWindow *window)
{
  CrRolesPage *self;

  g_return_val_if_fail (CR_IS_WINDOW (window), NULL);

  self = g_object_new (CR_TYPE_ROLES_PAGE, NULL);
  self->window = window;
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &self->window);
  self->history = g_object_ref (cr_window_get_history (window));
  self->store = g_object_ref (cr_history_get_store (self->history));
  self->renderer = g_object_ref (cr_window_get_renderer (window));

  self->sidebar = g_object_ref (cr_window_get_event_sidebar (window));
  g_signal_connect_swapped (self->sidebar, "notify::selected-event", G_CALLBACK (event_changed_cb), self);
  for (guint i = 0; i < 5; i++)
    {
      static const char *const signals[] = { "changed::roles", "changed::partners", "changed::contacts",
                                             "changed::features", "changed::spoc_assignments" };

      g_signal_connect_swapped (self->store, signals[i], G_CALLBACK (store_changed_cb), self);
    }
  reload (self);
  return self;
}

/**
 * cr_roles_page_get_roles:
 *
 * Returns: (transfer none): the #CrRole shown, filtered and sorted as
 *   they are shown
 */
GListModel *
cr_roles_page_get_roles (CrRolesPage *self)
{
  g_return_val_if_fail (CR_IS_ROLES_PAGE (self), NULL);

  return G_LIST_MODEL (self->sorted);
}

/* Shows only @partner_id's roles, or every partner's with 0. */
void
cr_roles_page_set_partner_filter (CrRolesPage *self,
                                  gint64       partner_id)
{
  guint position = 0;

  g_return_if_fail (CR_IS_ROLES_PAGE (self));

  for (guint i = 0; i < self->partner_ids->len; i++)
    if (g_array_index (self->partner_ids, gint64, i) == partner_id)
      position = i;
  gtk_drop_down_set_selected (self->partner_filter, position);
}

gint64
cr_roles_page_get_partner_filter (CrRolesPage *self)
{
  guint selected;

  g_return_val_if_fail (CR_IS_ROLES_PAGE (self), 0);

  selected = gtk_drop_down_get_selected (self->partner_filter);
  return selected < self->partner_ids->len ? g_array_index (self->partner_ids, gint64, selected) : 0;
}

/* Shows only the roles of @discipline (a #CrDiscipline), or every
 * discipline's with -1. */
void
cr_roles_page_set_discipline_filter (CrRolesPage *self,
                                     int          discipline)
{
  g_return_if_fail (CR_IS_ROLES_PAGE (self));
  g_return_if_fail (discipline >= -1 && discipline <= CR_DISCIPLINE_OTHER);

  gtk_drop_down_set_selected (self->discipline_filter, (guint) (discipline + 1));
}

int
cr_roles_page_get_discipline_filter (CrRolesPage *self)
{
  guint selected;

  g_return_val_if_fail (CR_IS_ROLES_PAGE (self), -1);

  selected = gtk_drop_down_get_selected (self->discipline_filter);
  return selected == GTK_INVALID_LIST_POSITION ? -1 : (int) selected - 1;
}

/* Selects the role, when it is shown; FALSE when it is not. */
gboolean
cr_roles_page_select_role (CrRolesPage *self,
                           gint64       role_id)
{
  GListModel *model;

  g_return_val_if_fail (CR_IS_ROLES_PAGE (self), FALSE);

  model = G_LIST_MODEL (self->sorted);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(CrRole) role = g_list_model_get_item (model, i);

      if (cr_record_get_id (CR_RECORD (role)) == role_id)
        {
          gtk_single_selection_set_selected (self->selection, i);
          return TRUE;
        }
    }
  return FALSE;
}

/**
 * cr_roles_page_get_selected_role:
 *
 * Returns: (transfer none) (nullable): the selected role
 */
CrRole *
cr_roles_page_get_selected_role (CrRolesPage *self)
{
  g_return_val_if_fail (CR_IS_ROLES_PAGE (self), NULL);

  return gtk_single_selection_get_selected_item (self->selection);
}

static CrRoleDialog *
open_dialog (CrRolesPage *self,
             CrRole      *role)
{
  CrRoleDialog *dialog;

  if (self->event_id <= 0)
    return NULL;
  dialog = cr_role_dialog_new (self->history, self->event_id, role, cr_ops_parent_window (GTK_WIDGET (self)));
  g_signal_connect_object (dialog, "saved", G_CALLBACK (dialog_saved_cb), self, G_CONNECT_SWAPPED);
  if (role == NULL)
    {
      /* What the planner is looking at is most likely what they add. */
      if (cr_roles_page_get_partner_filter (self) > 0)
        cr_role_dialog_set_partner (dialog, cr_roles_page_get_partner_filter (self));
      if (cr_roles_page_get_discipline_filter (self) >= 0)
        cr_role_dialog_set_discipline (dialog, cr_roles_page_get_discipline_filter (self));
    }
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

/**
 * cr_roles_page_add_role:
 *
 * Opens the dialog for a new role of the event.
 *
 * Returns: (transfer none) (nullable): the dialog, or %NULL without an
 *   event
 */
CrRoleDialog *
cr_roles_page_add_role (CrRolesPage *self)
{
  g_return_val_if_fail (CR_IS_ROLES_PAGE (self), NULL);

  return open_dialog (self, NULL);
}

/**
 * cr_roles_page_edit_role:
 *
 * Opens the dialog on the selected role.
 *
 * Returns: (transfer none) (nullable): the dialog, or %NULL without a
 *   selected role
 */
CrRoleDialog *
cr_roles_page_edit_role (CrRolesPage *self)
{
  CrRole *role;

  g_return_val_if_fail (CR_IS_ROLES_PAGE (self), NULL);

  role = gtk_single_selection_get_selected_item (self->selection);
  return role != NULL ? open_dialog (self, role) : NULL;
}

/**
 * cr_roles_page_remove_role:
 *
 * Removes the selected role, as one undoable step; a toast offers the
 * undo.
 *
 * Returns: %TRUE when the role is removed
 */
gboolean
cr_roles_page_remove_role (CrRolesPage *self)
{
  g_autoptr(CrRole) role = NULL;
  g_autoptr(GError) error = NULL;
  guint position;
  AdwToast *toast;

  g_return_val_if_fail (CR_IS_ROLES_PAGE (self), FALSE);

  if (gtk_single_selection_get_selected_item (self->selection) == NULL)
    return FALSE;
  role = g_object_ref (gtk_single_selection_get_selected_item (self->selection));
  position = gtk_single_selection_get_selected (self->selection);
  if (!cr_ui_history_step (self->history, _("Remove Role"), cr_history_delete, CR_RECORD (role), &error))
    {
      show_error (self, error->message);
      return FALSE;
    }
  reload (self);
  /* Keep the keyboard where it was: on the next role. */
  if (g_list_model_get_n_items (G_LIST_MODEL (self->sorted)) > 0)
    gtk_single_selection_set_selected (self->selection,
                                       MIN (position, g_list_model_get_n_items (G_LIST_MODEL (self->sorted)) - 1));

  toast = adw_toast_new (_("Role removed"));
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo");
  if (self->window != NULL)
    cr_window_add_toast (self->window, toast);
  else
    g_object_unref (g_object_ref_sink (toast));
  return TRUE;
}

/**
 * cr_roles_page_show_on_map:
 *
 * Switches to the map, with the selected role's sector selected and
 * fitted in view.
 */
void
cr_roles_page_show_on_map (CrRolesPage *self)
{
  g_autoptr(CrFeature) feature = NULL;
  g_autoptr(GError) error = NULL;
  CrRole *role;
  ShumateMap *map;
  ShumateViewport *viewport;
  ShumateMapSource *source;
  CrProjection proj;
  CrBBox bbox;
  int width, height, shift = 0;

  g_return_if_fail (CR_IS_ROLES_PAGE (self));

  role = gtk_single_selection_get_selected_item (self->selection);
  if (role == NULL || cr_role_get_sector_id (role) <= 0 || self->window == NULL)
    return;
  feature = cr_store_get (self->store, CR_TYPE_FEATURE, cr_role_get_sector_id (role), &error);
  if (feature == NULL)
    {
      show_error (self, error->message);
      return;
    }
  cr_map_renderer_set_selected (self->renderer, cr_role_get_sector_id (role));
  cr_window_show_page (self->window, "map");
  if (cr_feature_get_geometry (feature) == NULL || !cr_geometry_get_bbox (cr_feature_get_geometry (feature), &bbox))
    return;

  map = cr_window_get_map (self->window);
  viewport = shumate_map_get_viewport (map);
  source = shumate_viewport_get_reference_map_source (viewport);
  if (source == NULL)
    return;
  width = gtk_widget_get_width (GTK_WIDGET (map));
  height = gtk_widget_get_height (GTK_WIDGET (map));
  if (width <= 1 || height <= 1)
    {
      /* Never shown yet: the page's own size is a close guess. */
      width = MAX (gtk_widget_get_width (GTK_WIDGET (self)), 640);
      height = MAX (gtk_widget_get_height (GTK_WIDGET (self)), 480);
    }
  /* The window shows the selection's details over the map's right side:
   * fit the sector in what stays visible. */
  if (width > 2 * DETAILS_WIDTH)
    shift = DETAILS_WIDTH;
  /* Not closer than street level, for a point. */
  cr_projection_init_fit (&proj, &bbox, width - shift, height, shumate_map_source_get_tile_size (source), 64,
                          MIN (17, shumate_map_source_get_max_zoom_level (source)));
  shumate_viewport_set_zoom_level (viewport, proj.zoom);
  shumate_location_set_location (SHUMATE_LOCATION (viewport), proj.center_lat,
                                 proj.center_lon + shift / 2.0 * 360.0 /
                                                     (shumate_map_source_get_tile_size (source) * exp2 (proj.zoom)));
}
