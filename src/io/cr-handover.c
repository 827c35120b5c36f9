/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cr-handover"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cr-handover.h"
#include "cr-labels.h"
#include "cr-report-writer.h"
#include "cr-time.h"

/* The shift handover summary: what the incoming shift must know about a
 * period. Made from the store on the caller's thread (a few indexed
 * queries), then written as Markdown or PDF, possibly in a worker thread:
 * a CrHandover holds only read-only data.
 *
 * What counts in the period [from, to):
 * - activations opened before its end and not closed before its start;
 *   their items are those open when the summary is made, overdue when
 *   due before the end of the period (or now, when earlier);
 * - decisions and incidents that were recorded or occurred in it;
 * - changes of map features (the audit log) and alert tests started
 *   in it. */

static void
handover_activation_free (gpointer data)
{
  CrHandoverActivation *a = data;

  g_clear_object (&a->activation);
  g_clear_pointer (&a->open_items, g_ptr_array_unref);
  g_clear_pointer (&a->progress, g_array_unref);
  g_free (a);
}

static void
handover_clear (gpointer data)
{
  CrHandover *self = data;

  g_free (self->operator_name);
  g_clear_pointer (&self->from, g_date_time_unref);
  g_clear_pointer (&self->to, g_date_time_unref);
  g_clear_pointer (&self->generated_at, g_date_time_unref);
  g_clear_pointer (&self->activations, g_ptr_array_unref);
  g_clear_pointer (&self->log_entries, g_ptr_array_unref);
  g_clear_pointer (&self->corrections, g_hash_table_unref);
  g_clear_pointer (&self->feature_changes, g_ptr_array_unref);
  g_clear_pointer (&self->alert_tests, g_ptr_array_unref);
  g_clear_pointer (&self->partner_names, g_hash_table_unref);
  g_free (self->logbook_head);
}

CrHandover *
cr_handover_ref (CrHandover *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return g_atomic_rc_box_acquire (self);
}

void
cr_handover_unref (CrHandover *self)
{
  if (self != NULL)
    g_atomic_rc_box_release_full (self, handover_clear);
}

static gboolean
in_period (GDateTime *dt,
           GDateTime *from,
           GDateTime *to)
{
  return dt != NULL && g_date_time_compare (dt, from) >= 0 && g_date_time_compare (dt, to) < 0;
}

static GPtrArray *
model_to_array (GListModel *model)
{
  GPtrArray *array = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    g_ptr_array_add (array, g_list_model_get_item (model, i));
  return array;
}

static int
compare_open_items (gconstpointer a,
                    gconstpointer b,
                    gpointer      user_data)
{
  CrActivationItem *x = *(CrActivationItem **) a;
  CrActivationItem *y = *(CrActivationItem **) b;
  GDateTime *overdue_at = user_data;
  GDateTime *dx = cr_activation_item_get_due_at (x);
  GDateTime *dy = cr_activation_item_get_due_at (y);
  gboolean ox = dx != NULL && g_date_time_compare (dx, overdue_at) < 0;
  gboolean oy = dy != NULL && g_date_time_compare (dy, overdue_at) < 0;

  if (ox != oy)
    return ox ? -1 : 1;
  if (dx == NULL || dy == NULL)
    {
      if (dx != dy)
        return dx == NULL ? 1 : -1;
    }
  else if (g_date_time_compare (dx, dy) != 0)
    return g_date_time_compare (dx, dy);
  return cr_activation_item_get_position (x) - cr_activation_item_get_position (y);
}

static gboolean
add_activation (CrHandover   *self,
                CrStore      *store,
                CrActivation *activation,
                GDateTime    *overdue_at,
                GError      **error)
{
  g_autoptr(GListModel) items = NULL;
  CrHandoverActivation *a;
  gint64 id = cr_record_get_id (CR_RECORD (activation));

  items = cr_store_list_activation_items (store, id, 0, error);
  if (items == NULL)
    return FALSE;
  a = g_new0 (CrHandoverActivation, 1);
  a->activation = g_object_ref (activation);
  a->open_items = g_ptr_array_new_with_free_func (g_object_unref);
  g_ptr_array_add (self->activations, a);
  a->progress = cr_store_get_activation_progress (store, id, overdue_at, error);
  if (a->progress == NULL)
    return FALSE;
  if (cr_activation_is_closed (activation))
    return TRUE;

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(CrActivationItem) item = g_list_model_get_item (items, i);
      GDateTime *due = cr_activation_item_get_due_at (item);

      if (cr_activation_item_get_state (item) != CR_ITEM_STATE_OPEN)
        continue;
      if (due != NULL && g_date_time_compare (due, overdue_at) < 0)
        a->n_overdue++;
      g_ptr_array_add (a->open_items, g_steal_pointer (&item));
    }
  g_ptr_array_sort_with_data (a->open_items, compare_open_items, overdue_at);
  return TRUE;
}

/**
 * cr_handover_new:
 * @from: start of the period
 * @to: end of the period, after @from
 * @now: (nullable): the time of the summary; %NULL for now
 *
 * Gathers the summary of the period from @store, on the caller's thread.
 *
 * Returns: (transfer full): the summary, or %NULL with @error set
 */
CrHandover *
cr_handover_new (CrStore   *store,
                 GDateTime *from,
                 GDateTime *to,
                 GDateTime *now,
                 GError   **error)
{
  g_autoptr(CrHandover) self = NULL;
  g_autoptr(GListModel) activations = NULL;
  g_autoptr(GListModel) entries = NULL;
  g_autoptr(GListModel) changes = NULL;
  g_autoptr(GListModel) tests = NULL;
  g_autoptr(GListModel) partners = NULL;
  g_autoptr(GError) local_error = NULL;
  GDateTime *overdue_at;
  CrLogFilter filter = { 0 };

  g_return_val_if_fail (CR_IS_STORE (store), NULL);
  g_return_val_if_fail (from != NULL && to != NULL, NULL);

  if (g_date_time_compare (from, to) >= 0)
    {
      g_set_error (error, CR_STORE_ERROR, CR_STORE_ERROR_INVALID,
                   _("The handover period ends before it starts. Check its start and end."));
      return NULL;
    }

  self = g_atomic_rc_box_new0 (CrHandover);
  self->operator_name = g_strdup (cr_store_get_operator (store));
  self->from = g_date_time_to_utc (from);
  self->to = g_date_time_to_utc (to);
  self->generated_at = now != NULL ? g_date_time_to_utc (now) : cr_time_now_utc ();
  self->activations = g_ptr_array_new_with_free_func (handover_activation_free);
  overdue_at = g_date_time_compare (self->generated_at, self->to) < 0 ? self->generated_at : self->to;

  activations = cr_store_list_activations (store, TRUE, error);
  if (activations == NULL)
    return NULL;
  for (guint i = 0; i < g_list_model_get_n_items (activations); i++)
    {
      g_autoptr(CrActivation) activation = g_list_model_get_item (activations, i);
      GDateTime *closed = cr_activation_get_closed_at (activation);

      if (g_date_time_compare (cr_activation_get_opened_at (activation), self->to) >= 0)
        continue;
      if (closed != NULL && g_date_time_compare (closed, self->from) < 0)
        continue;
      if (!add_activation (self, store, activation, overdue_at, error))
        return NULL;
    }

  filter.categories = CR_LOG_CATEGORY_MASK (CR_LOG_CATEGORY_DECISION) |
                      CR_LOG_CATEGORY_MASK (CR_LOG_CATEGORY_INCIDENT);
  entries = cr_store_list_log_entries (store, &filter, error);
  if (entries == NULL)
    return NULL;
  self->log_entries = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr(CrLogEntry) entry = g_list_model_get_item (entries, i);

      if (in_period (cr_log_entry_get_recorded_at (entry), self->from, self->to) ||
          in_period (cr_log_entry_get_occurred_at (entry), self->from, self->to))
        g_ptr_array_add (self->log_entries, g_steal_pointer (&entry));
    }
  self->corrections = cr_store_get_log_corrections (store, error);
  if (self->corrections == NULL)
    return NULL;

  changes = cr_store_list_audit (store, "features", self->from, self->to, error);
  if (changes == NULL)
    return NULL;
  self->feature_changes = model_to_array (changes);

  tests = cr_store_list (store, CR_TYPE_ALERT_TEST, NULL, 0, error);
  if (tests == NULL)
    return NULL;
  self->alert_tests = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < g_list_model_get_n_items (tests); i++)
    {
      g_autoptr(CrAlertTest) test = g_list_model_get_item (tests, i);

      if (in_period (cr_alert_test_get_started_at (test), self->from, self->to))
        g_ptr_array_add (self->alert_tests, g_steal_pointer (&test));
    }
  partners = cr_store_list (store, CR_TYPE_PARTNER, NULL, 0, error);
  if (partners == NULL)
    return NULL;
  self->partner_names = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  for (guint i = 0; i < g_list_model_get_n_items (partners); i++)
    {
      g_autoptr(CrPartner) partner = g_list_model_get_item (partners, i);
      gint64 *id = g_new (gint64, 1);

      *id = cr_record_get_id (CR_RECORD (partner));
      g_hash_table_insert (self->partner_names, id, g_strdup (cr_partner_get_name (partner)));
    }

  self->logbook_head = cr_store_get_logbook_head (store, &self->logbook_last_id, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  return g_steal_pointer (&self);
}

/* ---- Shared wording ---- */

static gint64
correction_of (CrHandover *self,
               CrLogEntry *entry)
{
  gint64 id = cr_record_get_id (CR_RECORD (entry));
  gint64 *correction = g_hash_table_lookup (self->corrections, &id);

  return correction != NULL ? *correction : 0;
}

static const char *
partner_name (CrHandover *self,
              gint64      id)
{
  const char *name = g_hash_table_lookup (self->partner_names, &id);

  return name != NULL ? name : "–";
}

static char *
feature_change_text (CrAuditEntry *change,
                     const char  **action_label)
{
  const char *action = cr_audit_entry_get_action (change);
  const char *json_text = cr_audit_entry_get_after (change);
  g_autoptr(cJSON) json = NULL;
  cJSON *name;

  if (json_text == NULL)
    json_text = cr_audit_entry_get_before (change);
  if (json_text != NULL)
    json = cJSON_Parse (json_text);

  if (g_strcmp0 (action, "insert") == 0)
    *action_label = _("Added");
  else if (g_strcmp0 (action, "update") == 0)
    *action_label = _("Changed");
  else if (g_strcmp0 (action, "delete") == 0)
    *action_label = _("Deleted");
  else if (g_strcmp0 (action, "import") == 0)
    *action_label = _("Imported");
  else if (g_strcmp0 (action, "copy") == 0)
    *action_label = _("Copied");
  else
    *action_label = action != NULL ? action : "";

  if (g_strcmp0 (action, "import") == 0 && json != NULL)
    {
      cJSON *n = cJSON_GetObjectItemCaseSensitive (json, "features");
      cJSON *source = cJSON_GetObjectItemCaseSensitive (json, "source");
      int count = cJSON_IsNumber (n) ? n->valueint : 0;

      /* Translators: %d features imported from the file %s. */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d feature from %s", "%d features from %s",
                                           (gulong) count),
                              count, cJSON_IsString (source) ? source->valuestring : "–");
    }
  if (g_strcmp0 (action, "copy") == 0 && json != NULL)
    {
      cJSON *n = cJSON_GetObjectItemCaseSensitive (json, "rows");
      int count = cJSON_IsNumber (n) ? n->valueint : 0;

      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d feature copied from another event",
                                           "%d features copied from another event", (gulong) count),
                              count);
    }
  name = json != NULL ? cJSON_GetObjectItemCaseSensitive (json, "name") : NULL;
  if (cJSON_IsString (name) && name->valuestring[0] != '\0')
    return g_strdup (name->valuestring);
  /* Translators: a map feature without a name, by its number. */
  return g_strdup_printf (_("Feature %lld"), (long long) cr_audit_entry_get_row_id (change));
}

static char *
progress_text (GArray *progress)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < progress->len; i++)
    {
      const CrCellProgress *p = &g_array_index (progress, CrCellProgress, i);

      if (text->len > 0)
        g_string_append (text, " · ");
      /* Translators: progress of a cell: "Legal 2/5", ticked of all. */
      g_string_append_printf (text, _("%s %u/%u"), cr_cell_label (p->cell), p->done + p->not_applicable,
                              p->total);
      if (p->overdue > 0)
        /* Translators: after a cell's progress. */
        g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, " (%u overdue)", " (%u overdue)",
                                                   p->overdue),
                                p->overdue);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static char *
activation_title (CrActivation *activation)
{
  g_autofree char *opened = cr_report_format_time (cr_activation_get_opened_at (activation));

  /* Translators: an activation: its name, level, when and by whom it
   * was opened. */
  return g_strdup_printf (_("%s — level %s, opened %s by %s"), cr_activation_get_name (activation),
                          cr_activation_level_label (cr_activation_get_level (activation)), opened,
                          cr_activation_get_opened_by (activation) != NULL
                            ? cr_activation_get_opened_by (activation) : "–");
}

static char *
closed_text (CrActivation *activation)
{
  g_autofree char *closed = cr_report_format_time (cr_activation_get_closed_at (activation));

  /* Translators: when an activation was closed, and its closing note. */
  return g_strdup_printf (_("Closed %s by %s: %s"), closed,
                          cr_activation_get_closed_by (activation) != NULL
                            ? cr_activation_get_closed_by (activation) : "–",
                          cr_activation_get_closing_note (activation) != NULL
                            ? cr_activation_get_closing_note (activation) : "");
}

static gboolean
is_overdue (CrActivationItem *item,
            CrHandover       *self)
{
  GDateTime *due = cr_activation_item_get_due_at (item);
  GDateTime *overdue_at = g_date_time_compare (self->generated_at, self->to) < 0
                            ? self->generated_at : self->to;

  return due != NULL && g_date_time_compare (due, overdue_at) < 0;
}

static char *
seal_text (CrHandover *self)
{
  if (self->logbook_head == NULL)
    return g_strdup (_("The logbook is empty."));
  /* Translators: the hash lets a reader check later that the logbook
   * was not rewritten. */
  return g_strdup_printf (_("Logbook sealed up to entry %lld by the hash %s."),
                          (long long) self->logbook_last_id, self->logbook_head);
}

/* ---- Markdown ---- */

/* User text inside Markdown: on one line, without characters that would
 * turn into formatting. */
static void
append_md (GString    *out,
           const char *text)
{
  if (text == NULL)
    return;
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '\n' || *p == '\r')
        {
          g_string_append_c (out, ' ');
          continue;
        }
      if (strchr ("\\`*_~[]<>#|", *p) != NULL)
        g_string_append_c (out, '\\');
      g_string_append_c (out, *p);
    }
}

static void
append_md_time (GString   *out,
                GDateTime *dt)
{
  g_autofree char *text = cr_report_format_time (dt);

  g_string_append (out, text);
}

/**
 * cr_handover_to_markdown:
 *
 * Returns: (transfer full): the summary as Markdown, for the clipboard
 *   or a .md file; plain enough to read as text
 */
char *
cr_handover_to_markdown (CrHandover *self)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *seal = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  g_string_append_printf (out, "# %s\n\n", _("Shift handover"));
  g_string_append_printf (out, "- **%s** ", _("Period:"));
  append_md_time (out, self->from);
  g_string_append (out, " – ");
  append_md_time (out, self->to);
  g_string_append_printf (out, "\n- **%s** ", _("Handed over by:"));
  append_md (out, self->operator_name);
  g_string_append_printf (out, "\n- **%s** ", _("Made at:"));
  append_md_time (out, self->generated_at);
  g_string_append_printf (out, "\n- %s\n", _("Times are Brussels local time (CET in winter, CEST in summer)."));

  g_string_append_printf (out, "\n## %s\n\n", _("Activations"));
  if (self->activations->len == 0)
    g_string_append_printf (out, "%s\n\n", _("No activation during this period."));
  for (guint i = 0; i < self->activations->len; i++)
    {
      CrHandoverActivation *a = g_ptr_array_index (self->activations, i);
      g_autofree char *title = activation_title (a->activation);
      g_autofree char *progress = progress_text (a->progress);

      g_string_append (out, "### ");
      append_md (out, title);
      g_string_append (out, "\n\n");
      if (cr_activation_is_closed (a->activation))
        {
          g_autofree char *closed = closed_text (a->activation);

          append_md (out, closed);
          g_string_append (out, "\n\n");
        }
      if (*progress != '\0')
        {
          g_string_append_printf (out, "**%s** ", _("Progress:"));
          append_md (out, progress);
          g_string_append (out, "\n\n");
        }
      if (cr_activation_is_closed (a->activation))
        continue;
      if (a->open_items->len == 0)
        {
          g_string_append_printf (out, "%s\n\n", _("Every item is ticked."));
          continue;
        }
      g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "**%u open item, %u overdue:**\n\n",
                                                "**%u open items, %u overdue:**\n\n",
                                                a->open_items->len),
                              a->open_items->len, a->n_overdue);
      for (guint j = 0; j < a->open_items->len; j++)
        {
          CrActivationItem *item = g_ptr_array_index (a->open_items, j);

          g_string_append (out, "- ");
          if (is_overdue (item, self))
            g_string_append_printf (out, "**%s** ", _("OVERDUE"));
          /* Translators: before the due time of a checklist item. */
          g_string_append_printf (out, "%s ", _("due"));
          append_md_time (out, cr_activation_item_get_due_at (item));
          g_string_append (out, " · ");
          append_md (out, cr_cell_label (cr_activation_item_get_cell (item)));
          g_string_append (out, " · ");
          append_md (out, cr_activation_item_get_text (item));
          if (cr_activation_item_get_responsible (item) != NULL)
            {
              g_string_append (out, " (");
              append_md (out, cr_activation_item_get_responsible (item));
              g_string_append (out, ")");
            }
          g_string_append (out, "\n");
        }
      g_string_append (out, "\n");
    }

  g_string_append_printf (out, "## %s\n\n", _("Decisions and incidents"));
  if (self->log_entries->len == 0)
    g_string_append_printf (out, "%s\n", _("No decision or incident logged during this period."));
  for (guint i = 0; i < self->log_entries->len; i++)
    {
      CrLogEntry *entry = g_ptr_array_index (self->log_entries, i);
      gint64 correction = correction_of (self, entry);

      g_string_append_printf (out, "- %s", correction > 0 ? "~~" : "");
      append_md_time (out, cr_log_entry_get_occurred_at (entry));
      g_string_append_printf (out, " · **%s** · ", cr_log_category_label (cr_log_entry_get_category (entry)));
      append_md (out, cr_log_entry_get_author (entry));
      g_string_append (out, ": ");
      append_md (out, cr_log_entry_get_text (entry));
      g_string_append_printf (out, "%s", correction > 0 ? "~~" : "");
      g_string_append_printf (out, " (#%" G_GINT64_FORMAT, cr_record_get_id (CR_RECORD (entry)));
      if (cr_log_entry_get_corrects_id (entry) > 0)
        g_string_append_printf (out, _(", corrects #%lld"), (long long) cr_log_entry_get_corrects_id (entry));
      if (correction > 0)
        g_string_append_printf (out, _(", corrected by #%lld"), (long long) correction);
      g_string_append (out, ")\n");
    }

  g_string_append_printf (out, "\n## %s\n\n", _("Map features changed"));
  if (self->feature_changes->len == 0)
    g_string_append_printf (out, "%s\n", _("No feature changed during this period."));
  for (guint i = 0; i < self->feature_changes->len; i++)
    {
      CrAuditEntry *change = g_ptr_array_index (self->feature_changes, i);
      const char *action;
      g_autofree char *what = feature_change_text (change, &action);

      g_string_append (out, "- ");
      append_md_time (out, cr_audit_entry_get_at (change));
      g_string_append (out, " · ");
      append_md (out, cr_audit_entry_get_operator (change));
      g_string_append (out, " · ");
      append_md (out, action);
      g_string_append (out, ": ");
      append_md (out, what);
      g_string_append (out, "\n");
    }

  g_string_append_printf (out, "\n## %s\n\n", _("Alert tests"));
  if (self->alert_tests->len == 0)
    g_string_append_printf (out, "%s\n", _("No alert test during this period."));
  for (guint i = 0; i < self->alert_tests->len; i++)
    {
      CrAlertTest *test = g_ptr_array_index (self->alert_tests, i);

      g_string_append (out, "- ");
      append_md_time (out, cr_alert_test_get_started_at (test));
      g_string_append (out, " · ");
      append_md (out, partner_name (self, cr_alert_test_get_partner_id (test)));
      g_string_append (out, " · ");
      append_md (out, cr_alert_channel_label (cr_alert_test_get_channel (test)));
      g_string_append (out, " · ");
      append_md (out, cr_alert_outcome_label (cr_alert_test_get_outcome (test)));
      if (cr_alert_test_get_answered_at (test) != NULL)
        {
          g_string_append_printf (out, " · %s ", _("answered"));
          append_md_time (out, cr_alert_test_get_answered_at (test));
        }
      g_string_append (out, "\n");
    }

  seal = seal_text (self);
  g_string_append (out, "\n---\n\n");
  append_md (out, seal);
  g_string_append (out, "\n");
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* ---- PDF ---- */

static char *
escape (const char *text)
{
  return g_markup_escape_text (text != NULL ? text : "", -1);
}

static void
add_text (CrReportDoc *doc,
          const char  *text)
{
  g_autofree char *markup = escape (text);

  cr_report_doc_add_paragraph (doc, markup);
}

static CrReportDoc *
build_doc (CrHandover *self)
{
  CrReportDoc *doc = cr_report_doc_new (_("Shift handover"));
  g_autofree char *from = cr_report_format_time (self->from);
  g_autofree char *to = cr_report_format_time (self->to);
  g_autofree char *made = cr_report_format_time (self->generated_at);
  g_autofree char *operator_name = escape (self->operator_name);
  g_autofree char *seal = NULL;
  g_autofree char *seal_markup = NULL;
  char *line;

  line = g_strdup_printf ("<b>%s</b> %s – %s", _("Period:"), from, to);
  cr_report_doc_add_line (doc, line);
  g_free (line);
  line = g_strdup_printf ("<b>%s</b> %s", _("Handed over by:"), operator_name);
  cr_report_doc_add_line (doc, line);
  g_free (line);
  line = g_strdup_printf ("<b>%s</b> %s", _("Made at:"), made);
  cr_report_doc_add_line (doc, line);
  g_free (line);
  {
    g_autofree char *zone = escape (_("Times are Brussels local time (CET in winter, CEST in summer)."));

    cr_report_doc_add_line (doc, zone);
  }

  cr_report_doc_add_heading (doc, _("Activations"));
  if (self->activations->len == 0)
    add_text (doc, _("No activation during this period."));
  for (guint i = 0; i < self->activations->len; i++)
    {
      CrHandoverActivation *a = g_ptr_array_index (self->activations, i);
      g_autofree char *title = activation_title (a->activation);
      g_autofree char *title_markup = escape (title);
      g_autofree char *progress = progress_text (a->progress);
      g_autofree char *progress_markup = escape (progress);
      const double widths[] = { 0.20, 0.16, 0.46, 0.18 };
      const char *headers[] = { _("Due"), _("Cell"), _("Item"), _("Responsible") };

      line = g_strdup_printf ("<b>%s</b>", title_markup);
      cr_report_doc_add_paragraph (doc, line);
      g_free (line);
      if (cr_activation_is_closed (a->activation))
        {
          g_autofree char *closed = closed_text (a->activation);
          g_autofree char *closed_markup = escape (closed);

          cr_report_doc_add_paragraph (doc, closed_markup);
        }
      if (*progress != '\0')
        {
          line = g_strdup_printf ("<b>%s</b> %s", _("Progress:"), progress_markup);
          cr_report_doc_add_paragraph (doc, line);
          g_free (line);
        }
      if (cr_activation_is_closed (a->activation))
        continue;
      if (a->open_items->len == 0)
        {
          add_text (doc, _("Every item is ticked."));
          continue;
        }
      cr_report_doc_begin_table (doc, G_N_ELEMENTS (widths), widths, headers);
      for (guint j = 0; j < a->open_items->len; j++)
        {
          CrActivationItem *item = g_ptr_array_index (a->open_items, j);
          g_autofree char *due = cr_report_format_time (cr_activation_item_get_due_at (item));
          g_autofree char *due_markup = NULL;
          g_autofree char *text = escape (cr_activation_item_get_text (item));
          g_autofree char *responsible = escape (cr_activation_item_get_responsible (item));
          g_autofree char *cell = escape (cr_cell_label (cr_activation_item_get_cell (item)));
          const char *cells[4];

          if (is_overdue (item, self))
            due_markup = g_strdup_printf ("<span foreground=\"#c01c28\"><b>%s</b>\n%s</span>",
                                          _("OVERDUE"), due);
          else
            due_markup = g_strdup (due);
          cells[0] = due_markup;
          cells[1] = cell;
          cells[2] = text;
          cells[3] = responsible;
          cr_report_doc_add_row (doc, cells);
        }
      cr_report_doc_end_table (doc);
    }

  cr_report_doc_add_heading (doc, _("Decisions and incidents"));
  if (self->log_entries->len == 0)
    add_text (doc, _("No decision or incident logged during this period."));
  else
    {
      const double widths[] = { 0.19, 0.15, 0.17, 0.49 };
      const char *headers[] = { _("Occurred"), _("Category"), _("Author"), _("Text") };

      cr_report_doc_begin_table (doc, G_N_ELEMENTS (widths), widths, headers);
      for (guint i = 0; i < self->log_entries->len; i++)
        {
          CrLogEntry *entry = g_ptr_array_index (self->log_entries, i);
          gint64 correction = correction_of (self, entry);
          g_autofree char *time = cr_report_format_time (cr_log_entry_get_occurred_at (entry));
          g_autofree char *author = escape (cr_log_entry_get_author (entry));
          g_autofree char *text = escape (cr_log_entry_get_text (entry));
          g_autofree char *cell = NULL;
          g_autofree char *category = escape (cr_log_category_label (cr_log_entry_get_category (entry)));
          g_autoptr(GString) notes = g_string_new (NULL);
          const char *cells[4];

          g_string_append_printf (notes, " <small>(#%" G_GINT64_FORMAT, cr_record_get_id (CR_RECORD (entry)));
          if (cr_log_entry_get_corrects_id (entry) > 0)
            g_string_append_printf (notes, _(", corrects #%lld"),
                                    (long long) cr_log_entry_get_corrects_id (entry));
          if (correction > 0)
            g_string_append_printf (notes, _(", corrected by #%lld"), (long long) correction);
          g_string_append (notes, ")</small>");
          cell = correction > 0 ? g_strdup_printf ("<s>%s</s>%s", text, notes->str)
                                : g_strdup_printf ("%s%s", text, notes->str);
          cells[0] = time;
          cells[1] = category;
          cells[2] = author;
          cells[3] = cell;
          cr_report_doc_add_row (doc, cells);
        }
      cr_report_doc_end_table (doc);
    }

  cr_report_doc_add_heading (doc, _("Map features changed"));
  if (self->feature_changes->len == 0)
    add_text (doc, _("No feature changed during this period."));
  else
    {
      const double widths[] = { 0.20, 0.18, 0.14, 0.48 };
      const char *headers[] = { _("Time"), _("Operator"), _("Change"), _("Feature") };

      cr_report_doc_begin_table (doc, G_N_ELEMENTS (widths), widths, headers);
      for (guint i = 0; i < self->feature_changes->len; i++)
        {
          CrAuditEntry *change = g_ptr_array_index (self->feature_changes, i);
          const char *action;
          g_autofree char *what = feature_change_text (change, &action);
          g_autofree char *time = cr_report_format_time (cr_audit_entry_get_at (change));
          g_autofree char *operator_markup = escape (cr_audit_entry_get_operator (change));
          g_autofree char *action_markup = escape (action);
          g_autofree char *what_markup = escape (what);
          const char *cells[] = { time, operator_markup, action_markup, what_markup };

          cr_report_doc_add_row (doc, cells);
        }
      cr_report_doc_end_table (doc);
    }

  cr_report_doc_add_heading (doc, _("Alert tests"));
  if (self->alert_tests->len == 0)
    add_text (doc, _("No alert test during this period."));
  else
    {
      const double widths[] = { 0.20, 0.34, 0.12, 0.14, 0.20 };
      const char *headers[] = { _("Started"), _("Partner"), _("Channel"), _("Outcome"), _("Answered") };

      cr_report_doc_begin_table (doc, G_N_ELEMENTS (widths), widths, headers);
      for (guint i = 0; i < self->alert_tests->len; i++)
        {
          CrAlertTest *test = g_ptr_array_index (self->alert_tests, i);
          g_autofree char *started = cr_report_format_time (cr_alert_test_get_started_at (test));
          g_autofree char *answered = cr_report_format_time (cr_alert_test_get_answered_at (test));
          g_autofree char *partner = escape (partner_name (self, cr_alert_test_get_partner_id (test)));
          g_autofree char *channel = escape (cr_alert_channel_label (cr_alert_test_get_channel (test)));
          g_autofree char *outcome = escape (cr_alert_outcome_label (cr_alert_test_get_outcome (test)));
          const char *cells[] = { started, partner, channel, outcome, answered };

          cr_report_doc_add_row (doc, cells);
        }
      cr_report_doc_end_table (doc);
    }

  seal = seal_text (self);
  seal_markup = escape (seal);
  line = g_strdup_printf ("<small>%s</small>", seal_markup);
  cr_report_doc_add_paragraph (doc, "");
  cr_report_doc_add_paragraph (doc, line);
  g_free (line);
  return doc;
}

static char *
build_markdown (CrHandover *self,
                gsize      *length)
{
  char *text = cr_handover_to_markdown (self);

  *length = strlen (text);
  return text;
}

static void
format_error (const char  *path,
              GError     **error)
{
  g_set_error (error, CR_REPORT_ERROR, CR_REPORT_ERROR_FORMAT,
               _("“%s”: a handover is written as PDF or Markdown. "
                 "Give the file name the extension .pdf or .md."),
               path);
}

static const CrReportWriter writer = {
  .build_pdf = (CrReportDoc * (*) (gpointer)) build_doc,
  .text_format = CR_REPORT_FORMAT_MARKDOWN,
  .build_text = (char *(*) (gpointer, gsize *)) build_markdown,
  .format_error = format_error,
  .ref = (gpointer (*) (gpointer)) cr_handover_ref,
  .unref = (void (*) (gpointer)) cr_handover_unref,
};

/**
 * cr_handover_write_pdf:
 *
 * Writes the summary as an A4 PDF. May run in a worker thread.
 */
gboolean
cr_handover_write_pdf (CrHandover   *self,
                       const char   *path,
                       GCancellable *cancellable,
                       GError      **error)
{
  return cr_report_writer_write_pdf (&writer, self, path, cancellable, error);
}

/**
 * cr_handover_export:
 * @path: a file ending in .pdf, or .md (also .markdown, .txt) for
 *   Markdown
 *
 * Writes the summary in the format the file name asks for.
 *
 * Returns: %FALSE with @error set; %CR_REPORT_ERROR_FORMAT for another
 *   extension
 */
gboolean
cr_handover_export (CrHandover   *self,
                    const char   *path,
                    GCancellable *cancellable,
                    GError      **error)
{
  return cr_report_writer_export (&writer, self, path, cancellable, error);
}

/**
 * cr_handover_export_async:
 *
 * Like cr_handover_export(), in a worker thread: the window stays
 * responsive while a long PDF is written.
 */
void
cr_handover_export_async (CrHandover          *self,
                          const char          *path,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  cr_report_writer_export_async (&writer, self, path, cancellable, cr_handover_export_async, callback, user_data);
}

gboolean
cr_handover_export_finish (GAsyncResult *result,
                           GError      **error)
{
  return cr_report_writer_export_finish (result, cr_handover_export_async, error);
}
