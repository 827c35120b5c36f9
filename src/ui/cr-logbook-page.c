/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cr-logbook-page"

#include "config.h"

#include <glib/gi18n.h>

#include "cr-datetime-row.h"
#include "cr-labels.h"
#include "cr-logbook-page-private.h"
#include "cr-ops-utils.h"
#include "cr-time.h"

/**
 * CrLogbookPage:
 *
 * The logbook (main courante): every entry, newest or oldest first, with
 * the time it occurred and the time the system recorded it, its author,
 * category, text and links; filters by category, author, period and
 * words; a composer that appends an entry in one click (or Ctrl+Enter);
 * and "Verify Integrity", which checks the hash chain.
 *
 * Nothing here edits or deletes an entry: "Correct…" fills the composer
 * with the entry, and appending writes a new entry that corrects it; the
 * list then shows the original struck through, with a link to its
 * correction. The store sets the recorded time and the author (the
 * operator on shift).
 */
G_DEFINE_FINAL_TYPE (CrLogbookPage, cr_logbook_page, ADW_TYPE_BIN)

#define LAST_SHIFT (8 * G_TIME_SPAN_HOUR)

gint64 *
_cr_logbook_page_id_key (gint64 id)
{
  return g_memdup2 (&id, sizeof id);
}

const char *
_cr_logbook_page_name_of (GHashTable *names,
                          gint64      id)
{
  return id > 0 ? g_hash_table_lookup (names, &id) : NULL;
}

static gboolean
newest_first (CrLogbookPage *self)
{
  return !gtk_toggle_button_get_active (self->order_button);
}

/* ---- Names of what entries link to ---- */

static void
load_names (CrLogbookPage *self)
{
  g_autoptr(GListModel) partners = cr_store_list (self->store, CR_TYPE_PARTNER, NULL, 0, NULL);
  g_autoptr(GListModel) activations = cr_store_list_activations (self->store, TRUE, NULL);

  g_hash_table_remove_all (self->partner_names);
  for (guint i = 0; partners != NULL && i < g_list_model_get_n_items (partners); i++)
    {
      g_autoptr(CrPartner) partner = g_list_model_get_item (partners, i);

      g_hash_table_insert (self->partner_names, _cr_logbook_page_id_key (cr_record_get_id (CR_RECORD (partner))),
                           g_strdup (cr_partner_get_name (partner)));
    }
  g_hash_table_remove_all (self->activation_names);
  self->open_activation_id = 0;
  for (guint i = 0; activations != NULL && i < g_list_model_get_n_items (activations); i++)
    {
      g_autoptr(CrActivation) activation = g_list_model_get_item (activations, i);
      gint64 id = cr_record_get_id (CR_RECORD (activation));

      g_hash_table_insert (self->activation_names, _cr_logbook_page_id_key (id), g_strdup (cr_activation_get_name (activation)));
      /* The latest open one of the event (or incident) is the one entries
       * are linked to by default. */
      if (self->open_activation_id == 0 && !cr_activation_is_closed (activation) &&
          cr_activation_get_event_id (activation) == self->event_id)
        self->open_activation_id = id;
    }
}

/* A feature's name, also of another event's (a link from an old entry). */
static const char *
feature_name (CrLogbookPage *self,
              gint64         id)
{
  const char *name = _cr_logbook_page_name_of (self->feature_names, id);

  if (name == NULL && id > 0)
    {
      g_autoptr(CrFeature) feature = cr_store_get (self->store, CR_TYPE_FEATURE, id, NULL);
      /* Translators: a map feature without a name; %lld is its number */
      g_autofree char *fallback = g_strdup_printf (_("feature %lld"), (long long) id);

      name = feature != NULL && cr_feature_get_name (feature) != NULL ? cr_feature_get_name (feature) : fallback;
      g_hash_table_insert (self->feature_names, _cr_logbook_page_id_key (id), g_strdup (name));
      name = _cr_logbook_page_name_of (self->feature_names, id);
    }
  return name;
}

static char *
links_text (CrLogbookPage *self,
            CrLogEntry    *entry)
{
  g_autoptr(GString) text = g_string_new (NULL);
  const char *name;

  if ((name = feature_name (self, cr_log_entry_get_feature_id (entry))) != NULL)
    /* Translators: what a logbook entry is linked to */
    g_string_append_printf (text, _("Map: %s"), name);
  if ((name = _cr_logbook_page_name_of (self->partner_names, cr_log_entry_get_partner_id (entry))) != NULL)
    {
      if (text->len > 0)
        g_string_append (text, " · ");
      /* Translators: what a logbook entry is linked to */
      g_string_append_printf (text, _("Partner: %s"), name);
    }
  if ((name = _cr_logbook_page_name_of (self->activation_names, cr_log_entry_get_activation_id (entry))) != NULL)
    {
      if (text->len > 0)
        g_string_append (text, " · ");
      /* Translators: what a logbook entry is linked to */
      g_string_append_printf (text, _("Activation: %s"), name);
    }
  return text->len > 0 ? g_string_free (g_steal_pointer (&text), FALSE) : NULL;
}

/* ---- The list ---- */

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_utf8_collate (*(const char *const *) a, *(const char *const *) b);
}

static void
update_authors (CrLogbookPage *self,
                GListModel    *all)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autofree char *selected = NULL;
  guint position = 0, n;
  gboolean same;

  if (gtk_drop_down_get_selected (self->author_dropdown) > 0)
    selected = g_strdup (gtk_string_list_get_string (self->authors,
                                                     gtk_drop_down_get_selected (self->author_dropdown)));
  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    {
      g_autoptr(CrLogEntry) entry = g_list_model_get_item (all, i);
      const char *author = cr_log_entry_get_author (entry);
      char *key;

      if (author == NULL || *author == '\0')
        continue;
      key = g_utf8_casefold (author, -1);
      if (g_hash_table_contains (seen, key))
        {
          g_free (key);
          continue;
        }
      g_hash_table_insert (seen, key, g_strdup (author));
      g_ptr_array_add (names, g_hash_table_lookup (seen, key));
    }
  g_ptr_array_sort (names, compare_names);

  /* Unchanged: leave the drop-down alone, so it stays open and chosen. */
  n = g_list_model_get_n_items (G_LIST_MODEL (self->authors));
  same = n == names->len + 1;
  for (guint i = 0; same && i < names->len; i++)
    same = g_strcmp0 (gtk_string_list_get_string (self->authors, i + 1), g_ptr_array_index (names, i)) == 0;
  if (same)
    return;

  self->updating++;
  gtk_string_list_splice (self->authors, 1, n - 1, NULL);
  for (guint i = 0; i < names->len; i++)
    {
      gtk_string_list_append (self->authors, g_ptr_array_index (names, i));
      if (selected != NULL && g_utf8_collate (selected, g_ptr_array_index (names, i)) == 0)
        position = i + 1;
    }
  gtk_drop_down_set_selected (self->author_dropdown, position);
  self->updating--;
}

/* The filter button says what the filters keep: "Decision · Sophie
 * Specimen · since 06:00", or just "Filters". */
static void
update_filter_label (CrLogbookPage *self)
{
  GDateTime *from = cr_datetime_row_get_datetime (self->from_row);
  GDateTime *to = cr_datetime_row_get_datetime (self->to_row);
  g_autofree char *from_text = cr_ops_format_time (from, NULL);
  g_autofree char *to_text = cr_ops_format_time (to, NULL);
  g_autoptr(GString) text = g_string_new (NULL);
  guint author = gtk_drop_down_get_selected (self->author_dropdown);

  for (int c = CR_LOG_CATEGORY_INFORMATION; c <= CR_LOG_CATEGORY_INCIDENT; c++)
    if (gtk_toggle_button_get_active (self->category_buttons[c]))
      g_string_append_printf (text, "%s%s", text->len > 0 ? ", " : "", cr_log_category_label (c));
  if (author > 0 && author != GTK_INVALID_LIST_POSITION)
    g_string_append_printf (text, "%s%s", text->len > 0 ? " · " : "",
                            gtk_string_list_get_string (self->authors, author));
  if (from != NULL || to != NULL)
    {
      g_autofree char *range = NULL;

      if (from != NULL && to != NULL)
        /* Translators: a time range, e.g. "06:00 – 14:00" */
        range = g_strdup_printf (_("%s – %s"), from_text, to_text);
      else if (from != NULL)
        /* Translators: a time range without end, e.g. "since 06:00" */
        range = g_strdup_printf (_("since %s"), from_text);
      else
        /* Translators: a time range without start, e.g. "until 14:00" */
        range = g_strdup_printf (_("until %s"), to_text);
      g_string_append_printf (text, "%s%s", text->len > 0 ? " · " : "", range);
    }
  gtk_label_set_text (self->filter_label, text->len > 0 ? text->str : _("Filters"));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->filter_button),
                               text->len > 0 ? text->str : _("Filter by Category, Author and Time"));
  if (text->len > 0)
    gtk_widget_add_css_class (GTK_WIDGET (self->filter_button), "filtering");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->filter_button), "filtering");
}

static gboolean
filters_active (CrLogbookPage *self,
                CrLogFilter   *filter)
{
  return filter->categories != 0 || filter->author != NULL || filter->from != NULL || filter->to != NULL ||
         (filter->text != NULL && *filter->text != '\0');
}

static void
read_filter (CrLogbookPage *self,
             CrLogFilter   *filter)
{
  guint author = gtk_drop_down_get_selected (self->author_dropdown);

  *filter = (CrLogFilter) { 0 };
  for (int c = CR_LOG_CATEGORY_INFORMATION; c <= CR_LOG_CATEGORY_INCIDENT; c++)
    if (gtk_toggle_button_get_active (self->category_buttons[c]))
      filter->categories |= CR_LOG_CATEGORY_MASK (c);
  if (author > 0 && author != GTK_INVALID_LIST_POSITION)
    filter->author = gtk_string_list_get_string (self->authors, author);
  filter->from = cr_datetime_row_get_datetime (self->from_row);
  filter->to = cr_datetime_row_get_datetime (self->to_row);
  filter->text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
}

/**
 * cr_logbook_page_refresh:
 *
 * Shows the logbook as the store has it now. The page does it by itself
 * after every change of the store; tests call it to skip waiting.
 */
void
cr_logbook_page_refresh (CrLogbookPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) all = NULL;
  g_autoptr(GListModel) shown = NULL;
  g_autoptr(GHashTable) corrections = NULL;
  g_autoptr(GPtrArray) items = NULL;
  CrLogFilter filter;
  guint n;

  g_return_if_fail (CR_IS_LOGBOOK_PAGE (self));

  g_clear_handle_id (&self->refresh_source, g_source_remove);
  if (self->store == NULL)
    return;
  cr_ops_update_shift (self->shift_label, self->store);
  load_names (self);
  _cr_logbook_page_update_activation_check (self);

  all = cr_store_list_log_entries (self->store, NULL, &error);
  if (all != NULL)
    corrections = cr_store_get_log_corrections (self->store, &error);
  if (all == NULL || corrections == NULL)
    {
      cr_ops_show_error (GTK_WIDGET (self), error->message);
      return;
    }
  g_hash_table_remove_all (self->all_entries);
  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    {
      CrLogEntry *entry = g_list_model_get_item (all, i);

      g_hash_table_insert (self->all_entries, _cr_logbook_page_id_key (cr_record_get_id (CR_RECORD (entry))), entry);
    }
  g_clear_pointer (&self->corrections, g_hash_table_unref);
  self->corrections = g_steal_pointer (&corrections);
  update_authors (self, all);
  update_filter_label (self);

  read_filter (self, &filter);
  shown = cr_store_list_log_entries (self->store, &filter, &error);
  if (shown == NULL)
    {
      cr_ops_show_error (GTK_WIDGET (self), error->message);
      return;
    }
  n = g_list_model_get_n_items (shown);
  items = g_ptr_array_new_full (n, g_object_unref);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (items, g_list_model_get_item (shown, newest_first (self) ? n - 1 - i : i));
  g_list_store_splice (self->entries, 0, g_list_model_get_n_items (G_LIST_MODEL (self->entries)), items->pdata,
                       items->len);

  if (n > 0)
    gtk_stack_set_visible_child_name (self->list_stack, "list");
  else
    {
      gboolean filtered = filters_active (self, &filter);

      adw_status_page_set_title (self->empty_page, filtered ? _("No Matching Entry") : _("The Logbook Is Empty"));
      adw_status_page_set_description (self->empty_page,
                                       filtered ? _("No entry matches the filters. Change or clear them "
                                                    "to see more.")
                                                : _("Write the first entry below: what happened, what "
                                                    "was decided or done."));
      gtk_stack_set_visible_child_name (self->list_stack, "empty");
    }
}

static void
store_changed_cb (CrStore       *store,
                  const char    *table,
                  gint64         row_id,
                  CrStoreChange  change,
                  CrLogbookPage *self)
{
  if (change == CR_STORE_CHANGE_RELOAD || g_strcmp0 (table, "features") == 0 ||
      g_strcmp0 (table, "partners") == 0)
    _cr_logbook_page_load_choices (self);
  if (change == CR_STORE_CHANGE_RELOAD || g_strcmp0 (table, "logbook") == 0 ||
      g_strcmp0 (table, "activations") == 0 || g_strcmp0 (table, "partners") == 0 ||
      g_strcmp0 (table, "features") == 0)
    cr_ops_queue_idle (&self->refresh_source, (CrOpsPageFunc) cr_logbook_page_refresh, self);
}

static void
filters_changed_cb (CrLogbookPage *self)
{
  if (self->updating == 0)
    cr_logbook_page_refresh (self);
}

static void
order_toggled_cb (CrLogbookPage *self)
{
  gboolean newest = newest_first (self);

  gtk_button_set_icon_name (GTK_BUTTON (self->order_button),
                            newest ? "view-sort-descending-symbolic" : "view-sort-ascending-symbolic");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->order_button), newest ? _("Newest First") : _("Oldest First"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->order_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  newest ? _("Newest first") : _("Oldest first"), -1);
  cr_logbook_page_refresh (self);
}

static void
last_shift_clicked_cb (CrLogbookPage *self)
{
  g_autoptr(GDateTime) now = cr_time_now_utc ();
  g_autoptr(GDateTime) from = g_date_time_add (now, -LAST_SHIFT);

  cr_logbook_page_set_range (self, from, NULL);
}

static void
clear_filters (CrLogbookPage *self)
{
  self->updating++;
  for (int c = CR_LOG_CATEGORY_INFORMATION; c <= CR_LOG_CATEGORY_INCIDENT; c++)
    gtk_toggle_button_set_active (self->category_buttons[c], FALSE);
  gtk_drop_down_set_selected (self->author_dropdown, 0);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  cr_datetime_row_set_datetime (self->from_row, NULL);
  cr_datetime_row_set_datetime (self->to_row, NULL);
  self->updating--;
  cr_logbook_page_refresh (self);
}

static void
clear_filters_clicked_cb (CrLogbookPage *self)
{
  clear_filters (self);
}

static void
operator_changed_cb (CrLogbookPage *self)
{
  cr_ops_update_shift (self->shift_label, self->store);
}

/* Shows the entry, clearing the filters when they hide it. */
void
_cr_logbook_page_show_entry (CrLogbookPage *self,
                             gint64         id)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->entries));

  for (int pass = 0; pass < 2; pass++)
    {
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(CrRecord) entry = g_list_model_get_item (G_LIST_MODEL (self->entries), i);

          if (cr_record_get_id (entry) != id)
            continue;
          gtk_single_selection_set_selected (self->selection, i);
          gtk_widget_activate_action (GTK_WIDGET (self->entries_view), "list.scroll-to-item", "u", i);
          return;
        }
      if (pass == 0)
        {
          clear_filters (self);
          n = g_list_model_get_n_items (G_LIST_MODEL (self->entries));
        }
    }
}

static void
row_show_entry_cb (CrLogbookPage *self,
                   gint64         id)
{
  _cr_logbook_page_show_entry (self, id);
}

static void
row_correct_cb (CrLogbookPage *self,
                CrLogEntryRow *row)
{
  CrLogEntry *entry = cr_log_entry_row_get_entry (row);

  if (entry != NULL)
    cr_logbook_page_start_correction (self, cr_record_get_id (CR_RECORD (entry)));
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              CrLogbookPage            *self)
{
  CrLogEntryRow *row = cr_log_entry_row_new ();

  g_signal_connect_object (row, "correct", G_CALLBACK (row_correct_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (row, "show-entry", G_CALLBACK (row_show_entry_cb), self, G_CONNECT_SWAPPED);
  gtk_list_item_set_child (item, GTK_WIDGET (row));
  gtk_list_item_set_activatable (item, FALSE);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             CrLogbookPage            *self)
{
  CrLogEntry *entry = gtk_list_item_get_item (item);
  gint64 id = cr_record_get_id (CR_RECORD (entry));
  gint64 corrects_id = cr_log_entry_get_corrects_id (entry);
  gint64 *corrected_by = self->corrections ? g_hash_table_lookup (self->corrections, &id) : NULL;
  g_autofree char *links = links_text (self, entry);
  g_autoptr(GDateTime) now = cr_time_now_utc ();

  cr_log_entry_row_set_entry (CR_LOG_ENTRY_ROW (gtk_list_item_get_child (item)), entry,
                              corrected_by ? *corrected_by : 0,
                              corrects_id > 0 ? g_hash_table_lookup (self->all_entries, &corrects_id) : NULL,
                              links, now);
}

/* ---- Integrity ---- */

static void
verify_show_clicked_cb (CrLogbookPage *self)
{
  if (self->verify_bad_id > 0)
    _cr_logbook_page_show_entry (self, self->verify_bad_id);
}

static void
verify_dismiss_clicked_cb (CrLogbookPage *self)
{
  gtk_revealer_set_reveal_child (self->verify_revealer, FALSE);
}

static void
verify_clicked_cb (CrLogbookPage *self)
{
  cr_logbook_page_verify (self);
}

static void
handover_activated (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  CrHandoverDialog *dialog = cr_logbook_page_open_handover (CR_LOGBOOK_PAGE (widget));

  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- Object ---- */

static void
cr_logbook_page_dispose (GObject *object)
{
  CrLogbookPage *self = CR_LOGBOOK_PAGE (object);

  cr_ops_page_unwatch (GTK_WIDGET (self), CR_TYPE_LOGBOOK_PAGE, &self->store, &self->settings,
                       &self->refresh_source, &self->clock_source);
  g_clear_object (&self->entries);
  g_clear_object (&self->selection);
  g_clear_object (&self->authors);
  g_clear_pointer (&self->all_entries, g_hash_table_unref);
  g_clear_pointer (&self->corrections, g_hash_table_unref);
  g_clear_pointer (&self->feature_names, g_hash_table_unref);
  g_clear_pointer (&self->partner_names, g_hash_table_unref);
  g_clear_pointer (&self->activation_names, g_hash_table_unref);
  g_clear_pointer (&self->feature_ids, g_array_unref);
  g_clear_pointer (&self->partner_ids, g_array_unref);

  G_OBJECT_CLASS (cr_logbook_page_parent_class)->dispose (object);
}

static void
cr_logbook_page_class_init (CrLogbookPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cr_logbook_page_dispose;

  g_type_ensure (CR_TYPE_DATETIME_ROW);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/cr-logbook-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CrLogbookPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, CrLogbookPage, category_box);
  gtk_widget_class_bind_template_child (widget_class, CrLogbookPage, author_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CrLogbookPage, filter_button);
  gtk_widget_class_bind_template_child (widget_class, CrLogbookPage, filter_label);
  gtk_widget_class_bind_template_child (widget_class, CrLogbookPage, from_row);
  gtk_widget_class_bind_template_child (widget_class, CrLogbookPage, to_row);
  gtk_widget_class_bind_template_child (widget_class, CrLogbookPage, order_button);
  gtk_widget_class_bind_template_child (widget_class, CrLogbookPage, shift_label);
  gtk_widget_class_bind_template_child (widget_class, CrLogbookPage, verify_revealer);
  gtk_widget_class_bind_template_child (widget_class, CrLogbookPage, verify_box);
  gtk_widget_class_bind_template_child (widget_class, CrLogbookPage, verify_icon);
  gtk_widget_class_bind_template_child (widget_class, CrLogbookPage, verify_title);
  gtk_widget_class_bind_template_child (widget_class, CrLogbookPage, verify_detail);
  gtk_widget_class_bind_template_child (widget_class, CrLogbookPage, verify_show_button);
  gtk_widget_class_bind_template_child (widget_class, CrLogbookPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, CrLogbookPage, entries_view);
  gtk_widget_class_bind_template_child (widget_class, CrLogbookPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, CrLogbookPage, composer);
  gtk_widget_class_bind_template_child (widget_class, CrLogbookPage, correcting_revealer);
  gtk_widget_class_bind_template_child (widget_class, CrLogbookPage, correcting_label);
  gtk_widget_class_bind_template_child (widget_class, CrLogbookPage, category_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CrLogbookPage, occurred_row);
  gtk_widget_class_bind_template_child (widget_class, CrLogbookPage, feature_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CrLogbookPage, partner_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CrLogbookPage, activation_check);
  gtk_widget_class_bind_template_child (widget_class, CrLogbookPage, activation_label);
  gtk_widget_class_bind_template_child (widget_class, CrLogbookPage, text_view);
  gtk_widget_class_bind_template_child (widget_class, CrLogbookPage, append_button);
  gtk_widget_class_bind_template_child (widget_class, CrLogbookPage, append_content);
  gtk_widget_class_bind_template_callback (widget_class, filters_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, order_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, last_shift_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, clear_filters_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, verify_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, verify_show_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, verify_dismiss_clicked_cb);

  gtk_widget_class_install_action (widget_class, "logbook.handover", NULL, handover_activated);
  _cr_logbook_page_composer_class_init (widget_class);
}

static void
cr_logbook_page_init (CrLogbookPage *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  self->entries = g_list_store_new (CR_TYPE_LOG_ENTRY);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->entries)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), self);
  gtk_list_view_set_factory (self->entries_view, factory);
  gtk_list_view_set_model (self->entries_view, GTK_SELECTION_MODEL (self->selection));

  self->all_entries = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  self->feature_names = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  self->partner_names = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  self->activation_names = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  self->feature_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->partner_ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  /* Category filters: none pressed means every category. */
  for (int c = CR_LOG_CATEGORY_INFORMATION; c <= CR_LOG_CATEGORY_INCIDENT; c++)
    {
      GtkWidget *button = gtk_toggle_button_new_with_label (cr_log_category_label (c));
      /* Translators: tooltip of a category filter button; %s is the category */
      g_autofree char *tooltip = g_strdup_printf (_("Show the “%s” entries"), cr_log_category_label (c));

      gtk_widget_set_tooltip_text (button, tooltip);
      g_signal_connect_swapped (button, "toggled", G_CALLBACK (filters_changed_cb), self);
      gtk_box_append (self->category_box, button);
      self->category_buttons[c] = GTK_TOGGLE_BUTTON (button);
    }
  self->authors = gtk_string_list_new (NULL);
  gtk_string_list_append (self->authors, _("All Authors"));
  self->updating++;
  gtk_drop_down_set_model (self->author_dropdown, G_LIST_MODEL (self->authors));
  self->updating--;
  _cr_logbook_page_setup_dropdown (self->author_dropdown);

  _cr_logbook_page_composer_init (self);

  /* GTK 4.8's menu button does not pass its name on to the button
   * inside it, which is what screen readers see. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_widget_get_first_child (GTK_WIDGET (self->filter_button))),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Filters"), -1);
  _cr_logbook_page_name_dropdown (self->author_dropdown, _("Author"));
}

/**
 * cr_logbook_page_new_for_store:
 *
 * Returns: (transfer floating): a page showing the logbook of @store
 */
CrLogbookPage *
cr_logbook_page_new_for_store (CrStore   *store,
                               GSettings *settings)
{
  CrLogbookPage *self;

  g_return_val_if_fail (CR_IS_STORE (store), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (CR_TYPE_LOGBOOK_PAGE, NULL);
  cr_ops_page_watch (self, &self->store, &self->settings, store, settings, G_CALLBACK (store_changed_cb),
                     G_CALLBACK (operator_changed_cb));
  _cr_logbook_page_load_choices (self);
  cr_logbook_page_refresh (self);
  return self;
}

/**
 * cr_logbook_page_new:
 *
 * Returns: (transfer floating): the window's logbook page; its composer
 *   links entries to the features and the activation of the event
 *   selected in the window's sidebar
 */
GtkWidget *
cr_logbook_page_new (CrWindow *window)
{
  g_return_val_if_fail (CR_IS_WINDOW (window), NULL);

  return cr_ops_page_new_for_window (window, (CrOpsPageNewFunc) cr_logbook_page_new_for_store,
                                     (CrOpsPageEventFunc) cr_logbook_page_set_event);
}

/**
 * cr_logbook_page_set_event:
 * @event: (nullable): the event whose features and activation the
 *   composer offers to link
 */
void
cr_logbook_page_set_event (CrLogbookPage *self,
                           CrEvent       *event)
{
  gint64 id;

  g_return_if_fail (CR_IS_LOGBOOK_PAGE (self));

  id = event != NULL ? cr_record_get_id (CR_RECORD (event)) : 0;
  if (id == self->event_id)
    return;
  self->event_id = id;
  gtk_drop_down_set_selected (self->feature_dropdown, 0);
  _cr_logbook_page_load_choices (self);
  cr_logbook_page_refresh (self);
}

/**
 * cr_logbook_page_get_entries:
 *
 * Returns: (transfer none): the #CrLogEntry shown, in their order
 */
GListModel *
cr_logbook_page_get_entries (CrLogbookPage *self)
{
  g_return_val_if_fail (CR_IS_LOGBOOK_PAGE (self), NULL);

  return G_LIST_MODEL (self->entries);
}

void
cr_logbook_page_set_newest_first (CrLogbookPage *self,
                                  gboolean       newest)
{
  g_return_if_fail (CR_IS_LOGBOOK_PAGE (self));

  gtk_toggle_button_set_active (self->order_button, !newest);
}

/* @categories: CR_LOG_CATEGORY_MASK() bits, 0 for every category */
void
cr_logbook_page_set_categories (CrLogbookPage *self,
                                guint          categories)
{
  g_return_if_fail (CR_IS_LOGBOOK_PAGE (self));

  self->updating++;
  for (int c = CR_LOG_CATEGORY_INFORMATION; c <= CR_LOG_CATEGORY_INCIDENT; c++)
    gtk_toggle_button_set_active (self->category_buttons[c], (categories & CR_LOG_CATEGORY_MASK (c)) != 0);
  self->updating--;
  filters_changed_cb (self);
}

/* @author: (nullable): one of the logbook's authors, or %NULL for all */
void
cr_logbook_page_set_author (CrLogbookPage *self,
                            const char    *author)
{
  guint position = 0;

  g_return_if_fail (CR_IS_LOGBOOK_PAGE (self));

  for (guint i = 1; author != NULL && i < g_list_model_get_n_items (G_LIST_MODEL (self->authors)); i++)
    if (g_utf8_collate (gtk_string_list_get_string (self->authors, i), author) == 0)
      position = i;
  gtk_drop_down_set_selected (self->author_dropdown, position);
}

void
cr_logbook_page_set_search_text (CrLogbookPage *self,
                                 const char    *text)
{
  g_return_if_fail (CR_IS_LOGBOOK_PAGE (self));

  self->updating++;
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text != NULL ? text : "");
  self->updating--;
  /* Without waiting for the entry's delay. */
  filters_changed_cb (self);
}

void
cr_logbook_page_set_range (CrLogbookPage *self,
                           GDateTime     *from,
                           GDateTime     *to)
{
  g_return_if_fail (CR_IS_LOGBOOK_PAGE (self));

  self->updating++;
  cr_datetime_row_set_datetime (self->from_row, from);
  cr_datetime_row_set_datetime (self->to_row, to);
  self->updating--;
  filters_changed_cb (self);
}

/**
 * cr_logbook_page_verify:
 *
 * What "Verify Integrity" does: walks the hash chain
 * (cr_store_verify_logbook()) and shows, prominently, how many entries
 * are intact and the last hash — or the first entry that does not match.
 *
 * Returns: %TRUE when the logbook is intact
 */
gboolean
cr_logbook_page_verify (CrLogbookPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *head = NULL;
  g_autofree char *title = NULL;
  g_autofree char *detail = NULL;
  gint64 bad_id = 0, last_id = 0;
  guint n_ok = 0;
  gboolean ok;

  g_return_val_if_fail (CR_IS_LOGBOOK_PAGE (self), FALSE);

  ok = cr_store_verify_logbook (self->store, &n_ok, &bad_id, &error);
  if (!ok && !g_error_matches (error, CR_STORE_ERROR, CR_STORE_ERROR_CORRUPT))
    {
      cr_ops_show_error (GTK_WIDGET (self), error->message);
      return FALSE;
    }
  self->verify_bad_id = bad_id;
  gtk_widget_remove_css_class (self->verify_box, "intact");
  gtk_widget_remove_css_class (self->verify_box, "broken");
  if (ok)
    {
      head = cr_store_get_logbook_head (self->store, &last_id, NULL);
      if (last_id == 0)
        {
          title = g_strdup (_("The logbook has no entry to verify yet"));
          detail = g_strdup (_("Every entry will be sealed with a hash chained to the one before it."));
        }
      else
        {
          /* Translators: %u is a number of entries */
          title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "The logbook is intact: %u entry checked",
                                                "The logbook is intact: all %u entries checked", n_ok),
                                   n_ok);
          /* Translators: the last entry's number and its hash */
          detail = g_strdup_printf (_("No entry was changed or deleted outside Crisis Room. The last entry, "
                                      "#%lld, seals the logbook with the hash %s — note it in the shift "
                                      "report: if it ever changes, the logbook was rewritten."),
                                    (long long) last_id, head != NULL ? head : "");
        }
      gtk_widget_add_css_class (self->verify_box, "intact");
      gtk_image_set_from_icon_name (self->verify_icon, "security-high-symbolic");
    }
  else
    {
      if (bad_id > 0)
        /* Translators: %lld is the number of the first logbook entry that does not match */
        title = g_strdup_printf (_("Logbook entry #%lld was changed or deleted outside Crisis Room"),
                                 (long long) bad_id);
      else
        title = g_strdup (_("The logbook's protection was removed"));
      detail = g_strdup (error->message);
      gtk_widget_add_css_class (self->verify_box, "broken");
      gtk_image_set_from_icon_name (self->verify_icon, "dialog-warning-symbolic");
    }
  gtk_label_set_text (self->verify_title, title);
  gtk_label_set_text (self->verify_detail, detail);
  if (bad_id > 0 && g_hash_table_contains (self->all_entries, &bad_id))
    {
      /* Translators: a button that shows entry #N */
      g_autofree char *show = g_strdup_printf (_("Show Entry #%lld"), (long long) bad_id);

      gtk_button_set_label (self->verify_show_button, show);
      gtk_widget_set_visible (GTK_WIDGET (self->verify_show_button), TRUE);
    }
  else
    gtk_widget_set_visible (GTK_WIDGET (self->verify_show_button), FALSE);
  gtk_revealer_set_reveal_child (self->verify_revealer, TRUE);
  /* Said aloud too: the result is why the button was pressed. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->verify_box), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  return ok;
}

/* The result of the last verification, as shown. */
const char *
cr_logbook_page_get_verify_title (CrLogbookPage *self)
{
  g_return_val_if_fail (CR_IS_LOGBOOK_PAGE (self), NULL);

  return gtk_revealer_get_reveal_child (self->verify_revealer) ? gtk_label_get_text (self->verify_title) : NULL;
}

/* Returns: the first entry that did not match at the last verification,
 * or 0 */
gint64
cr_logbook_page_get_verify_bad_id (CrLogbookPage *self)
{
  g_return_val_if_fail (CR_IS_LOGBOOK_PAGE (self), 0);

  return self->verify_bad_id;
}

/**
 * cr_logbook_page_open_handover:
 *
 * Returns: (transfer none): the handover dialog, not yet presented
 */
CrHandoverDialog *
cr_logbook_page_open_handover (CrLogbookPage *self)
{
  g_return_val_if_fail (CR_IS_LOGBOOK_PAGE (self), NULL);

  return cr_handover_dialog_new (self->store, self->settings, cr_ops_parent_window (GTK_WIDGET (self)));
}

/**
 * cr_logbook_page_find_row:
 *
 * Returns: (transfer none) (nullable): the row showing that entry, when
 *   the list has made one (it makes rows for what is on screen)
 */
CrLogEntryRow *
cr_logbook_page_find_row (CrLogbookPage *self,
                          gint64         entry_id)
{
  GtkWidget *widget;

  g_return_val_if_fail (CR_IS_LOGBOOK_PAGE (self), NULL);

  /* A depth-first walk of the list's widgets. */
  widget = GTK_WIDGET (self->entries_view);
  while (widget != NULL)
    {
      if (CR_IS_LOG_ENTRY_ROW (widget))
        {
          CrLogEntry *entry = cr_log_entry_row_get_entry (CR_LOG_ENTRY_ROW (widget));

          if (entry != NULL && cr_record_get_id (CR_RECORD (entry)) == entry_id &&
              gtk_widget_get_visible (gtk_widget_get_parent (widget)))
            return CR_LOG_ENTRY_ROW (widget);
        }
      if (!CR_IS_LOG_ENTRY_ROW (widget) && gtk_widget_get_first_child (widget) != NULL)
        widget = gtk_widget_get_first_child (widget);
      else
        {
          while (widget != NULL && widget != GTK_WIDGET (self->entries_view) &&
                 gtk_widget_get_next_sibling (widget) == NULL)
            widget = gtk_widget_get_parent (widget);
          if (widget == NULL || widget == GTK_WIDGET (self->entries_view))
            break;
          widget = gtk_widget_get_next_sibling (widget);
        }
    }
  return NULL;
}
