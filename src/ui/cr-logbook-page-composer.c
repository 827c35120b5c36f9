/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cr-logbook-page"

#include "config.h"

#include <glib/gi18n.h>

#include "cr-labels.h"
#include "cr-logbook-page-private.h"
#include "cr-ops-utils.h"
#include "cr-time.h"

/* The Logbook page's composer: category, the time it occurred (the
 * clock's until the operator sets it), links to a map feature, a partner
 * and the activation in progress, and the text. "Append" (Ctrl+Enter)
 * writes a new entry, or a correction of the entry chosen with
 * "Correct…"; nothing ever rewrites an entry. */

/* ---- The composer's choices ---- */

static void
fill_choices (GtkDropDown *dropdown,
              GArray      *ids,
              const char  *none,
              GListModel  *records,
              const char *(*get_name) (gpointer record),
              gint64       keep)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  gint64 zero = 0;
  guint selected = 0;

  g_array_set_size (ids, 0);
  gtk_string_list_append (names, none);
  g_array_append_val (ids, zero);
  for (guint i = 0; records != NULL && i < g_list_model_get_n_items (records); i++)
    {
      g_autoptr(CrRecord) record = g_list_model_get_item (records, i);
      gint64 id = cr_record_get_id (record);
      const char *name = get_name (record);
      g_autofree char *fallback = g_strdup_printf ("#%lld", (long long) id);

      gtk_string_list_append (names, name != NULL && *name != '\0' ? name : fallback);
      g_array_append_val (ids, id);
      if (id == keep)
        selected = ids->len - 1;
    }
  gtk_drop_down_set_model (dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (dropdown, selected);
}

static const char *
get_feature_name (gpointer record)
{
  return cr_feature_get_name (record);
}

static const char *
get_partner_name (gpointer record)
{
  return cr_partner_get_name (record);
}

static gint64
selected_id (GtkDropDown *dropdown,
             GArray      *ids)
{
  return cr_ops_id_at (ids, gtk_drop_down_get_selected (dropdown));
}

static void
select_id (GtkDropDown *dropdown,
           GArray      *ids,
           gint64       id)
{
  guint position = cr_ops_position_of (ids, id);

  gtk_drop_down_set_selected (dropdown, position != GTK_INVALID_LIST_POSITION ? position : 0);
}

void
_cr_logbook_page_load_choices (CrLogbookPage *self)
{
  g_autoptr(GListModel) features = NULL;
  g_autoptr(GListModel) partners = cr_store_list (self->store, CR_TYPE_PARTNER, NULL, 0, NULL);
  gint64 feature = selected_id (self->feature_dropdown, self->feature_ids);
  gint64 partner = selected_id (self->partner_dropdown, self->partner_ids);

  if (self->event_id > 0)
    features = cr_store_list_features (self->store, self->event_id, NULL);
  g_hash_table_remove_all (self->feature_names);
  for (guint i = 0; features != NULL && i < g_list_model_get_n_items (features); i++)
    {
      g_autoptr(CrFeature) f = g_list_model_get_item (features, i);

      if (cr_feature_get_name (f) != NULL)
        g_hash_table_insert (self->feature_names, _cr_logbook_page_id_key (cr_record_get_id (CR_RECORD (f))),
                             g_strdup (cr_feature_get_name (f)));
    }
  fill_choices (self->feature_dropdown, self->feature_ids, _("No map feature"), features, get_feature_name,
                feature);
  fill_choices (self->partner_dropdown, self->partner_ids, _("No partner"), partners, get_partner_name, partner);
  gtk_widget_set_sensitive (GTK_WIDGET (self->feature_dropdown), features != NULL &&
                                                                   g_list_model_get_n_items (features) > 0);
}

void
_cr_logbook_page_update_activation_check (CrLogbookPage *self)
{
  const char *name = _cr_logbook_page_name_of (self->activation_names, self->open_activation_id);

  if (name != NULL)
    {
      /* Translators: the composer's check that links the entry to the activation in progress */
      g_autofree char *label = g_strdup_printf (_("Activation: %s"), name);

      gtk_label_set_text (self->activation_label, label);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->activation_check), label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->activation_check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      label, -1);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->activation_check), name != NULL);
}

/* ---- Composer ---- */

static char *
composer_text (CrLogbookPage *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
}

static void
text_changed_cb (CrLogbookPage *self)
{
  g_autofree char *text = composer_text (self);

  gtk_widget_set_sensitive (GTK_WIDGET (self->append_button), *text != '\0');
}

/* "Occurred" follows the clock until the operator sets it. */
static void
reset_occurred (CrLogbookPage *self)
{
  g_autoptr(GDateTime) now = cr_time_now_utc ();

  self->updating++;
  cr_datetime_row_set_datetime (self->occurred_row, now);
  self->updating--;
  self->occurred_touched = FALSE;
}

static void
occurred_changed_cb (CrLogbookPage *self)
{
  if (self->updating == 0)
    self->occurred_touched = TRUE;
}

static void
stop_correcting (CrLogbookPage *self)
{
  self->correcting_id = 0;
  gtk_revealer_set_reveal_child (self->correcting_revealer, FALSE);
  adw_button_content_set_label (self->append_content, _("_Append"));
}

static void
cancel_correction_clicked_cb (CrLogbookPage *self)
{
  stop_correcting (self);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->text_view), "", 0);
  reset_occurred (self);
}

static void
append_clicked_cb (CrLogbookPage *self)
{
  cr_logbook_page_append (self);
}

static gboolean
append_shortcut_cb (GtkWidget *widget,
                    GVariant  *args,
                    gpointer   user_data)
{
  cr_logbook_page_append (CR_LOGBOOK_PAGE (user_data));
  return TRUE;
}

static gboolean
clock_cb (gpointer user_data)
{
  CrLogbookPage *self = user_data;

  if (!self->occurred_touched && !gtk_widget_has_focus (GTK_WIDGET (self->occurred_row)))
    reset_occurred (self);
  return G_SOURCE_CONTINUE;
}

/* GTK 4.8's drop-down does not pass its name on to the button inside
 * it, which is what screen readers see. */
void
_cr_logbook_page_name_dropdown (GtkDropDown *dropdown,
                                const char  *name)
{
  GtkWidget *button = gtk_widget_get_first_child (GTK_WIDGET (dropdown));

  if (button != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}

/* Drop-down items as labels; the button's ellipsized, so a long partner
 * name does not widen the composer. */
void
_cr_logbook_page_setup_dropdown (GtkDropDown *dropdown)
{
  g_autoptr(GtkExpression) expression = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");

  cr_ops_set_label_factories (dropdown, 12, -1, PANGO_WRAP_WORD);
  gtk_drop_down_set_expression (dropdown, expression);
}

void
_cr_logbook_page_composer_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, cancel_correction_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, occurred_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, append_clicked_cb);
}

void
_cr_logbook_page_composer_init (CrLogbookPage *self)
{
  g_autoptr(GtkStringList) categories = gtk_string_list_new (NULL);
  GtkEventController *shortcuts;

  for (int c = CR_LOG_CATEGORY_INFORMATION; c <= CR_LOG_CATEGORY_INCIDENT; c++)
    gtk_string_list_append (categories, cr_log_category_label (c));
  gtk_drop_down_set_model (self->category_dropdown, G_LIST_MODEL (categories));
  _cr_logbook_page_setup_dropdown (self->feature_dropdown);
  _cr_logbook_page_setup_dropdown (self->partner_dropdown);
  cr_datetime_row_set_nullable (self->occurred_row, FALSE);
  reset_occurred (self);
  g_signal_connect_swapped (gtk_text_view_get_buffer (self->text_view), "changed", G_CALLBACK (text_changed_cb),
                            self);
  text_changed_cb (self);

  /* Ctrl+Enter appends, wherever the focus is in the composer: caught
   * before the text view, which would take Enter. */
  shortcuts = gtk_shortcut_controller_new ();
  gtk_event_controller_set_propagation_phase (shortcuts, GTK_PHASE_CAPTURE);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_alternative_trigger_new (
                                                            gtk_keyval_trigger_new (GDK_KEY_Return, GDK_CONTROL_MASK),
                                                            gtk_keyval_trigger_new (GDK_KEY_KP_Enter, GDK_CONTROL_MASK)),
                                                          gtk_callback_action_new (append_shortcut_cb, self, NULL)));
  gtk_widget_add_controller (self->composer, shortcuts);

  self->clock_source = g_timeout_add_seconds (30, clock_cb, self);
  _cr_logbook_page_name_dropdown (self->category_dropdown, _("Category of the entry"));
  _cr_logbook_page_name_dropdown (self->feature_dropdown, _("Map feature linked"));
  _cr_logbook_page_name_dropdown (self->partner_dropdown, _("Partner linked"));
}

/* ---- Public ---- */

/* Ctrl+Shift+L: the text of a new entry. */
void
cr_logbook_page_focus_composer (CrLogbookPage *self)
{
  g_return_if_fail (CR_IS_LOGBOOK_PAGE (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->text_view));
}

/* Fills the composer, as typing would. */
void
cr_logbook_page_compose (CrLogbookPage *self,
                         CrLogCategory  category,
                         const char    *text)
{
  g_return_if_fail (CR_IS_LOGBOOK_PAGE (self));
  g_return_if_fail (category <= CR_LOG_CATEGORY_INCIDENT);

  gtk_drop_down_set_selected (self->category_dropdown, category);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->text_view), text != NULL ? text : "", -1);
}

/* Whether the new entry links to the activation in progress. */
void
cr_logbook_page_set_link_activation (CrLogbookPage *self,
                                     gboolean       link)
{
  g_return_if_fail (CR_IS_LOGBOOK_PAGE (self));

  gtk_check_button_set_active (self->activation_check, link);
}

/**
 * cr_logbook_page_append:
 *
 * What "Append" (Ctrl+Enter) does: writes the composer's entry — or the
 * correction being written — through the store, then empties the
 * composer. What the store refuses shows in a toast, and the text stays.
 *
 * Returns: %TRUE when the entry is in the logbook
 */
gboolean
cr_logbook_page_append (CrLogbookPage *self)
{
  g_autoptr(CrLogEntry) entry = cr_log_entry_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  gboolean ok;

  g_return_val_if_fail (CR_IS_LOGBOOK_PAGE (self), FALSE);

  text = composer_text (self);
  if (*text == '\0')
    {
      cr_logbook_page_focus_composer (self);
      return FALSE;
    }
  if (!cr_datetime_row_get_valid (self->occurred_row))
    {
      cr_ops_show_error (GTK_WIDGET (self), cr_datetime_row_get_error (self->occurred_row));
      return FALSE;
    }
  cr_log_entry_set_category (entry, gtk_drop_down_get_selected (self->category_dropdown));
  cr_log_entry_set_text (entry, text);
  /* Untouched, "occurred" is the recorded time, to the second. */
  if (self->occurred_touched)
    cr_log_entry_set_occurred_at (entry, cr_datetime_row_get_datetime (self->occurred_row));
  cr_log_entry_set_feature_id (entry, selected_id (self->feature_dropdown, self->feature_ids));
  cr_log_entry_set_partner_id (entry, selected_id (self->partner_dropdown, self->partner_ids));
  if (gtk_widget_get_visible (GTK_WIDGET (self->activation_check)) &&
      gtk_check_button_get_active (self->activation_check))
    cr_log_entry_set_activation_id (entry, self->open_activation_id);

  if (self->correcting_id > 0)
    ok = cr_store_correct_log_entry (self->store, self->correcting_id, entry, &error);
  else
    ok = cr_store_append_log_entry (self->store, entry, &error);
  if (!ok)
    {
      cr_ops_show_error (GTK_WIDGET (self), error->message);
      return FALSE;
    }

  stop_correcting (self);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->text_view), "", 0);
  gtk_drop_down_set_selected (self->feature_dropdown, 0);
  gtk_drop_down_set_selected (self->partner_dropdown, 0);
  gtk_check_button_set_active (self->activation_check, TRUE);
  reset_occurred (self);
  cr_logbook_page_refresh (self);
  _cr_logbook_page_show_entry (self, cr_record_get_id (CR_RECORD (entry)));
  cr_logbook_page_focus_composer (self);
  return TRUE;
}

/**
 * cr_logbook_page_start_correction:
 *
 * What "Correct…" does: fills the composer with the entry, to write a
 * correction of it. The entry itself never changes.
 */
void
cr_logbook_page_start_correction (CrLogbookPage *self,
                                  gint64         entry_id)
{
  CrLogEntry *entry;
  g_autofree char *label = NULL;
  g_autofree char *when = NULL;
  GDateTime *occurred;

  g_return_if_fail (CR_IS_LOGBOOK_PAGE (self));

  entry = g_hash_table_lookup (self->all_entries, &entry_id);
  if (entry == NULL)
    return;
  occurred = cr_log_entry_get_occurred_at (entry);
  if (occurred == NULL)
    occurred = cr_log_entry_get_recorded_at (entry);
  self->correcting_id = entry_id;
  cr_logbook_page_compose (self, cr_log_entry_get_category (entry), cr_log_entry_get_text (entry));
  self->updating++;
  cr_datetime_row_set_datetime (self->occurred_row, occurred);
  self->updating--;
  self->occurred_touched = TRUE;
  select_id (self->feature_dropdown, self->feature_ids, cr_log_entry_get_feature_id (entry));
  select_id (self->partner_dropdown, self->partner_ids, cr_log_entry_get_partner_id (entry));
  gtk_check_button_set_active (self->activation_check,
                               cr_log_entry_get_activation_id (entry) == self->open_activation_id);

  when = cr_ops_format_time (occurred, NULL);
  /* Translators: above the composer; the number, author and time of the
   * entry being corrected */
  label = g_strdup_printf (_("Correcting entry #%lld (%s, %s). It stays in the logbook as written, struck "
                             "through, with a link to this correction."),
                           (long long) entry_id, cr_log_entry_get_author (entry), when);
  gtk_label_set_text (self->correcting_label, label);
  gtk_revealer_set_reveal_child (self->correcting_revealer, TRUE);
  adw_button_content_set_label (self->append_content, _("_Append Correction"));
  cr_logbook_page_focus_composer (self);
}

/* Returns: the entry the composer corrects, or 0 */
gint64
cr_logbook_page_get_correcting_id (CrLogbookPage *self)
{
  g_return_val_if_fail (CR_IS_LOGBOOK_PAGE (self), 0);

  return self->correcting_id;
}
