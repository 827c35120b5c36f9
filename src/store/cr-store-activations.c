/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cr-store"

#include "config.h"

#include <glib/gi18n.h>

#include "cr-enum-types.h"
#include "cr-labels.h"
#include "cr-store-private.h"
#include "cr-time.h"

/* Checklist templates, activations, and the ticks of their items.
 *
 * Opening an activation copies the matching template items into
 * activation_items, each due at T + its offset: T and the due times are
 * UTC instants, so "T+60" is sixty real minutes, also across a change of
 * daylight-saving time. Ticks change the item's state and are journalled
 * in item_ticks (append-only); un-ticking also writes a logbook entry.
 * A closed activation is read-only: checked here for a clear message,
 * and by triggers (migration 5) for everything else. */

static gboolean
closed_error (GError **error)
{
  g_set_error (error, CR_STORE_ERROR, CR_STORE_ERROR_READ_ONLY,
               _("This activation is closed, so neither it nor its checklist can be "
                 "changed any more. Write a logbook entry to add to its record."));
  return FALSE;
}

/* @dt (or now) at the precision the store keeps, so what the caller gets
 * back equals what a later read gives. */
static GDateTime *
stored_time (GDateTime *dt)
{
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *text = NULL;

  if (dt == NULL)
    dt = now = cr_time_now_utc ();
  text = cr_time_to_storage (dt);
  return cr_time_from_storage (text);
}

static gboolean
log_activation (CrStore       *self,
                gint64         activation_id,
                CrLogCategory  category,
                GDateTime     *occurred_at,
                const char    *text,
                GError       **error)
{
  g_autoptr(CrLogEntry) entry = cr_log_entry_new ();

  cr_log_entry_set_category (entry, category);
  cr_log_entry_set_occurred_at (entry, occurred_at);
  cr_log_entry_set_activation_id (entry, activation_id);
  cr_log_entry_set_text (entry, text);
  return cr_store_append_log_entry (self, entry, error);
}

/* ---- Templates ---- */

/**
 * cr_store_list_checklist_templates:
 * @event_kind: a #CrEventKind, or -1 for every template
 *
 * Returns: (transfer full): the #CrChecklistTemplate of that kind and
 *   those without a kind (they apply to any event), by name; %NULL with
 *   @error set
 */
GListModel *
cr_store_list_checklist_templates (CrStore *self,
                                   int      event_kind,
                                   GError **error)
{
  CrStoreParam param = { 0 };

  g_return_val_if_fail (CR_IS_STORE (self), NULL);

  if (event_kind < 0)
    return cr_store_list (self, CR_TYPE_CHECKLIST_TEMPLATE, NULL, 0, error);
  param.text = cr_enum_to_nick (CR_TYPE_EVENT_KIND, event_kind);
  g_return_val_if_fail (param.text != NULL, NULL);
  return _cr_store_list_query (self, CR_TYPE_CHECKLIST_TEMPLATE,
                               "\"event_kind\" = ? OR \"event_kind\" IS NULL", "\"name\"",
                               &param, 1, error);
}

static GListModel *
filter_cells (GListModel *items,
              GType       type,
              guint       cells)
{
  GListStore *kept;

  if (items == NULL || cells == 0)
    return items;
  kept = g_list_store_new (type);
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (items, i);
      CrCell cell;

      if (type == CR_TYPE_ACTIVATION_ITEM)
        cell = cr_activation_item_get_cell (CR_ACTIVATION_ITEM (item));
      else
        cell = cr_checklist_template_item_get_cell (CR_CHECKLIST_TEMPLATE_ITEM (item));
      if (cells & CR_CELL_MASK (cell))
        g_list_store_append (kept, item);
    }
  g_object_unref (items);
  return G_LIST_MODEL (kept);
}

/**
 * cr_store_list_template_items:
 * @cells: only the items of these cells (CR_CELL_MASK() bits), or 0 for
 *   all
 *
 * Returns: (transfer full): the #CrChecklistTemplateItem of the template
 *   in their order; %NULL with @error set
 */
GListModel *
cr_store_list_template_items (CrStore *self,
                              gint64   template_id,
                              guint    cells,
                              GError **error)
{
  g_return_val_if_fail (CR_IS_STORE (self), NULL);

  return filter_cells (cr_store_list (self, CR_TYPE_CHECKLIST_TEMPLATE_ITEM, "template_id",
                                      template_id, error),
                       CR_TYPE_CHECKLIST_TEMPLATE_ITEM, cells);
}

/**
 * cr_store_append_template_item:
 *
 * Inserts @item at the end of its template (its position is set).
 */
gboolean
cr_store_append_template_item (CrStore                 *self,
                               CrChecklistTemplateItem *item,
                               GError                 **error)
{
  sqlite3_stmt *stmt;
  int rc, position = 0;

  g_return_val_if_fail (CR_IS_STORE (self), FALSE);
  g_return_val_if_fail (CR_IS_CHECKLIST_TEMPLATE_ITEM (item), FALSE);

  if (!cr_store_begin (self, error))
    return FALSE;
  stmt = _cr_store_prepare (self,
                            "SELECT COALESCE(max(position), -1) + 1 FROM checklist_template_items"
                            " WHERE template_id = ?",
                            error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, cr_checklist_template_item_get_template_id (item));
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    position = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    {
      _cr_store_set_error (error, self->db, rc);
      goto fail;
    }
  cr_checklist_template_item_set_position (item, position);
  if (!cr_store_insert (self, CR_RECORD (item), error))
    goto fail;
  return cr_store_commit (self, error);

fail:
  cr_store_rollback (self);
  return FALSE;
}

/**
 * cr_store_move_template_item:
 * @position: the new place, from 0; beyond the end means last
 *
 * Moves an item within its template and numbers the items 0, 1, 2… again,
 * in one transaction.
 */
gboolean
cr_store_move_template_item (CrStore *self,
                             gint64   item_id,
                             int      position,
                             GError **error)
{
  g_autoptr(CrChecklistTemplateItem) moved = NULL;
  g_autoptr(GListModel) items = NULL;
  g_autoptr(GPtrArray) order = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_val_if_fail (CR_IS_STORE (self), FALSE);

  if (!cr_store_begin (self, error))
    return FALSE;
  moved = cr_store_get (self, CR_TYPE_CHECKLIST_TEMPLATE_ITEM, item_id, error);
  if (moved == NULL)
    goto fail;
  items = cr_store_list (self, CR_TYPE_CHECKLIST_TEMPLATE_ITEM, "template_id",
                         cr_checklist_template_item_get_template_id (moved), error);
  if (items == NULL)
    goto fail;
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      CrChecklistTemplateItem *item = g_list_model_get_item (items, i);

      if (cr_record_get_id (CR_RECORD (item)) == item_id)
        g_object_unref (item);
      else
        g_ptr_array_add (order, item);
    }
  position = CLAMP (position, 0, (int) order->len);
  g_ptr_array_insert (order, position, g_object_ref (moved));
  for (guint i = 0; i < order->len; i++)
    {
      CrChecklistTemplateItem *item = g_ptr_array_index (order, i);

      if (cr_checklist_template_item_get_position (item) == (int) i)
        continue;
      cr_checklist_template_item_set_position (item, (int) i);
      if (!cr_store_update (self, CR_RECORD (item), error))
        goto fail;
    }
  return cr_store_commit (self, error);

fail:
  cr_store_rollback (self);
  return FALSE;
}

/* ---- Activations ---- */

static gboolean
instantiate_template (CrStore      *self,
                      CrActivation *activation,
                      gint64        template_id,
                      guint        *position,
                      GError      **error)
{
  g_autoptr(GListModel) items = NULL;
  gint64 activation_id = cr_record_get_id (CR_RECORD (activation));
  GDateTime *start = cr_activation_get_opened_at (activation);

  items = cr_store_list_template_items (self, template_id, cr_activation_get_cell_mask (activation),
                                        error);
  if (items == NULL)
    return FALSE;
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(CrChecklistTemplateItem) template_item = g_list_model_get_item (items, i);
      g_autoptr(CrActivationItem) item = cr_activation_item_new ();
      /* Real minutes after T: UTC arithmetic, whatever the local clock
       * does in between. */
      g_autoptr(GDateTime) due_at =
        g_date_time_add_minutes (start, cr_checklist_template_item_get_due_offset_min (template_item));

      cr_activation_item_set_activation_id (item, activation_id);
      cr_activation_item_set_template_item_id (item, cr_record_get_id (CR_RECORD (template_item)));
      cr_activation_item_set_position (item, (int) (*position)++);
      cr_activation_item_set_cell (item, cr_checklist_template_item_get_cell (template_item));
      cr_activation_item_set_text (item, cr_checklist_template_item_get_text (template_item));
      cr_activation_item_set_responsible (item,
                                          cr_checklist_template_item_get_responsible (template_item));
      cr_activation_item_set_due_at (item, due_at);
      cr_activation_item_set_mandatory (item, cr_checklist_template_item_get_mandatory (template_item));
      cr_activation_item_set_partner_id (item, cr_checklist_template_item_get_partner_id (template_item));
      cr_activation_item_set_partner_type (item,
                                           cr_checklist_template_item_get_partner_type (template_item));
      cr_activation_item_set_state (item, CR_ITEM_STATE_OPEN);
      if (!cr_store_insert (self, CR_RECORD (item), error))
        return FALSE;
    }
  return TRUE;
}

static char *
cells_labels (guint cells)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (int cell = CR_CELL_SITUATION; cell <= CR_CELL_LEGAL; cell++)
    if (cells & CR_CELL_MASK (cell))
      g_string_append_printf (text, "%s%s", text->len > 0 ? ", " : "", cr_cell_label (cell));
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/**
 * cr_store_open_activation:
 *
 * Opens an activation and instantiates its checklist: the items of the
 * matching templates (see #CrActivationRequest) that belong to an
 * activated cell, in template order, each due at T plus its offset. Logs
 * the opening. All in one transaction.
 *
 * Returns: the new activation's id, or 0 with @error set
 */
gint64
cr_store_open_activation (CrStore                   *self,
                          const CrActivationRequest *request,
                          GError                   **error)
{
  g_autoptr(CrActivation) activation = cr_activation_new ();
  g_autoptr(GDateTime) opened_at = NULL;
  g_autoptr(GPtrArray) templates = g_ptr_array_new ();
  g_autoptr(GListModel) template_list = NULL;
  g_autofree char *name = NULL;
  g_autofree char *cells = NULL;
  g_autofree char *text = NULL;
  CrEventKind kind = CR_EVENT_KIND_INCIDENT;
  guint position = 0;
  gint64 id;

  g_return_val_if_fail (CR_IS_STORE (self), 0);
  g_return_val_if_fail (request != NULL, 0);

  if (!_cr_store_has_text (request->name))
    {
      g_set_error (error, CR_STORE_ERROR, CR_STORE_ERROR_INVALID,
                   _("Name the activation, starting with the commune, e.g. "
                     "“SCHAERBEEK – building fire”."));
      return 0;
    }
  if ((request->cells & CR_CELL_MASK_ALL) == 0 || (request->cells & ~CR_CELL_MASK_ALL) != 0)
    {
      g_set_error (error, CR_STORE_ERROR, CR_STORE_ERROR_INVALID,
                   _("Choose at least one cell to activate."));
      return 0;
    }
  if (request->level > CR_ACTIVATION_LEVEL_FULL)
    {
      g_set_error (error, CR_STORE_ERROR, CR_STORE_ERROR_INVALID,
                   _("Choose the level of the activation: monitoring, partial or full."));
      return 0;
    }

  name = g_strstrip (g_strdup (request->name));
  opened_at = stored_time (request->opened_at);

  if (!cr_store_begin (self, error))
    return 0;

  if (request->event_id > 0)
    {
      g_autoptr(CrEvent) event = cr_store_get (self, CR_TYPE_EVENT, request->event_id, error);

      if (event == NULL)
        goto fail;
      kind = cr_event_get_kind (event);
    }
  if (request->template_id > 0)
    {
      g_autoptr(CrChecklistTemplate) template = NULL;
      g_autoptr(GError) local_error = NULL;

      template = cr_store_get (self, CR_TYPE_CHECKLIST_TEMPLATE, request->template_id, &local_error);
      if (template == NULL)
        {
          if (g_error_matches (local_error, CR_STORE_ERROR, CR_STORE_ERROR_NOT_FOUND))
            g_set_error (error, CR_STORE_ERROR, CR_STORE_ERROR_NOT_FOUND,
                         _("The checklist template chosen for the activation no longer exists. "
                           "Choose another one."));
          else
            g_propagate_error (error, g_steal_pointer (&local_error));
          goto fail;
        }
      g_ptr_array_add (templates, GSIZE_TO_POINTER (request->template_id));
    }
  else
    {
      template_list = cr_store_list_checklist_templates (self, kind, error);
      if (template_list == NULL)
        goto fail;
      for (guint i = 0; i < g_list_model_get_n_items (template_list); i++)
        {
          g_autoptr(CrRecord) template = g_list_model_get_item (template_list, i);

          g_ptr_array_add (templates, GSIZE_TO_POINTER (cr_record_get_id (template)));
        }
    }

  cr_activation_set_event_id (activation, request->event_id);
  cr_activation_set_name (activation, name);
  cr_activation_set_level (activation, request->level);
  cr_activation_set_cell_mask (activation, request->cells);
  cr_activation_set_opened_at (activation, opened_at);
  cr_activation_set_opened_by (activation, cr_store_get_operator (self));
  if (!cr_store_insert (self, CR_RECORD (activation), error))
    goto fail;
  id = cr_record_get_id (CR_RECORD (activation));

  for (guint i = 0; i < templates->len; i++)
    if (!instantiate_template (self, activation, (gint64) GPOINTER_TO_SIZE (templates->pdata[i]),
                               &position, error))
      goto fail;

  cells = cells_labels (request->cells);
  /* Translators: a logbook entry. The first %s is the activation's name,
   * the second its level, the third the list of cells. */
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "Activation opened: %s. Level: %s. Cells: %s. "
                                       "%u checklist item.",
                                       "Activation opened: %s. Level: %s. Cells: %s. "
                                       "%u checklist items.",
                                       position),
                          name, cr_activation_level_label (request->level), cells, position);
  if (!log_activation (self, id, CR_LOG_CATEGORY_DECISION, opened_at, text, error))
    goto fail;

  if (!cr_store_commit (self, error))
    return 0;
  return id;

fail:
  cr_store_rollback (self);
  return 0;
}

/**
 * cr_store_close_activation:
 * @closing_note: why it ends and what remains to do; required
 * @closed_at: (nullable): when it ended; %NULL for now
 *
 * Closes the activation and logs it. From then on the activation and its
 * items are read-only (%CR_STORE_ERROR_READ_ONLY), also for the generic
 * cr_store_update() and for raw SQL.
 */
gboolean
cr_store_close_activation (CrStore    *self,
                           gint64      activation_id,
                           const char *closing_note,
                           GDateTime  *closed_at,
                           GError    **error)
{
  g_autoptr(CrActivation) activation = NULL;
  g_autoptr(GDateTime) at = NULL;
  g_autoptr(GListModel) open_items = NULL;
  g_autofree char *note = NULL;
  g_autofree char *text = NULL;
  guint n_open = 0;

  g_return_val_if_fail (CR_IS_STORE (self), FALSE);

  if (!_cr_store_has_text (closing_note))
    {
      g_set_error (error, CR_STORE_ERROR, CR_STORE_ERROR_INVALID,
                   _("Write a closing note: why the activation ends and what, if anything, "
                     "remains to do."));
      return FALSE;
    }
  note = g_strstrip (g_strdup (closing_note));
  at = stored_time (closed_at);
  {
    g_autoptr(GDateTime) now = cr_time_now_utc ();

    if (g_date_time_difference (at, now) > G_TIME_SPAN_MINUTE)
      {
        g_set_error (error, CR_STORE_ERROR, CR_STORE_ERROR_INVALID,
                     _("An activation cannot be closed in the future. Check the closing time."));
        return FALSE;
      }
  }

  if (!cr_store_begin (self, error))
    return FALSE;
  activation = cr_store_get (self, CR_TYPE_ACTIVATION, activation_id, error);
  if (activation == NULL)
    goto fail;
  if (cr_activation_is_closed (activation))
    {
      closed_error (error);
      goto fail;
    }
  if (g_date_time_compare (at, cr_activation_get_opened_at (activation)) < 0)
    {
      g_set_error (error, CR_STORE_ERROR, CR_STORE_ERROR_INVALID,
                   _("An activation cannot close before it opened. Check the closing time."));
      goto fail;
    }

  open_items = cr_store_list (self, CR_TYPE_ACTIVATION_ITEM, "activation_id", activation_id, error);
  if (open_items == NULL)
    goto fail;
  for (guint i = 0; i < g_list_model_get_n_items (open_items); i++)
    {
      g_autoptr(CrActivationItem) item = g_list_model_get_item (open_items, i);

      if (cr_activation_item_get_state (item) == CR_ITEM_STATE_OPEN)
        n_open++;
    }

  /* Translators: a logbook entry; %s are the activation's name and the
   * closing note. */
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "Activation closed: %s. %s (%u checklist item was still open.)",
                                       "Activation closed: %s. %s (%u checklist items were still open.)",
                                       n_open),
                          cr_activation_get_name (activation), note, n_open);
  if (!log_activation (self, activation_id, CR_LOG_CATEGORY_DECISION, at, text, error))
    goto fail;

  cr_activation_set_closed_at (activation, at);
  cr_activation_set_closed_by (activation, cr_store_get_operator (self));
  cr_activation_set_closing_note (activation, note);
  if (!cr_store_update (self, CR_RECORD (activation), error))
    goto fail;
  return cr_store_commit (self, error);

fail:
  cr_store_rollback (self);
  return FALSE;
}

/**
 * cr_store_list_activations:
 * @include_closed: %FALSE for the activations in progress only
 *
 * Returns: (transfer full): the #CrActivation, latest opened first;
 *   %NULL with @error set
 */
GListModel *
cr_store_list_activations (CrStore  *self,
                           gboolean  include_closed,
                           GError  **error)
{
  g_return_val_if_fail (CR_IS_STORE (self), NULL);

  return _cr_store_list_query (self, CR_TYPE_ACTIVATION,
                               include_closed ? NULL : "\"closed_at\" IS NULL",
                               "\"opened_at\" DESC, \"id\" DESC", NULL, 0, error);
}

/**
 * cr_store_list_activation_items:
 * @cells: only the items of these cells (CR_CELL_MASK() bits), or 0 for
 *   all
 *
 * Returns: (transfer full): the #CrActivationItem in checklist order;
 *   %NULL with @error set
 */
GListModel *
cr_store_list_activation_items (CrStore *self,
                                gint64   activation_id,
                                guint    cells,
                                GError **error)
{
  g_return_val_if_fail (CR_IS_STORE (self), NULL);

  return filter_cells (cr_store_list (self, CR_TYPE_ACTIVATION_ITEM, "activation_id",
                                      activation_id, error),
                       CR_TYPE_ACTIVATION_ITEM, cells);
}

static gboolean
insert_tick (CrStore          *self,
             CrActivationItem *item,
             CrItemState       previous,
             GError          **error)
{
  g_autoptr(GDateTime) now = cr_time_now_utc ();
  g_autofree char *at = cr_time_to_storage (cr_activation_item_get_state_at (item));
  g_autofree char *recorded_at = cr_time_to_storage (now);
  sqlite3_stmt *stmt;
  int rc;

  /* Not through cr_store_insert(): the item's update has just written
   * the audit row for this very change. */
  stmt = _cr_store_prepare (self,
                            "INSERT INTO item_ticks (item_id, activation_id, state, previous_state,"
                            " at, recorded_at, operator, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, cr_record_get_id (CR_RECORD (item)));
  sqlite3_bind_int64 (stmt, 2, cr_activation_item_get_activation_id (item));
  sqlite3_bind_text (stmt, 3, cr_enum_to_nick (CR_TYPE_ITEM_STATE, cr_activation_item_get_state (item)),
                     -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, cr_enum_to_nick (CR_TYPE_ITEM_STATE, previous), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, at, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, recorded_at, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, cr_activation_item_get_state_by (item), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 8, cr_activation_item_get_state_note (item), -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (rc != SQLITE_DONE)
    return _cr_store_set_error (error, self->db, rc);
  _cr_store_queue_change (self, "item_ticks", sqlite3_last_insert_rowid (self->db),
                          CR_STORE_CHANGE_INSERT);
  return TRUE;
}

/**
 * cr_store_set_item_state:
 * @state: %CR_ITEM_STATE_DONE or %CR_ITEM_STATE_NOT_APPLICABLE to tick,
 *   %CR_ITEM_STATE_OPEN to un-tick
 * @note: (nullable): a note; the reason, required for not applicable and
 *   for un-ticking
 * @at: (nullable): when it was done; %NULL for now
 *
 * Ticks or un-ticks an item, recording the time and the operator
 * (cr_store_get_operator()) in the item and in the journal of ticks
 * (cr_store_list_item_ticks()), with an audit row. Un-ticking also writes
 * a logbook entry with the reason. Setting the state an item already has
 * changes nothing (two operators ticking the same item).
 *
 * Returns: %FALSE with @error set: %CR_STORE_ERROR_INVALID without a
 *   required reason, %CR_STORE_ERROR_READ_ONLY when the activation is
 *   closed
 */
gboolean
cr_store_set_item_state (CrStore     *self,
                         gint64       item_id,
                         CrItemState  state,
                         const char  *note,
                         GDateTime   *at,
                         GError     **error)
{
  g_autoptr(CrActivationItem) item = NULL;
  g_autoptr(CrActivation) activation = NULL;
  g_autoptr(GDateTime) when = NULL;
  g_autoptr(GDateTime) now = cr_time_now_utc ();
  g_autofree char *reason = _cr_store_has_text (note) ? g_strstrip (g_strdup (note)) : NULL;
  CrItemState previous;

  g_return_val_if_fail (CR_IS_STORE (self), FALSE);
  g_return_val_if_fail (state <= CR_ITEM_STATE_NOT_APPLICABLE, FALSE);

  if (state == CR_ITEM_STATE_NOT_APPLICABLE && reason == NULL)
    {
      g_set_error (error, CR_STORE_ERROR, CR_STORE_ERROR_INVALID,
                   _("Say why this item does not apply."));
      return FALSE;
    }
  if (state == CR_ITEM_STATE_OPEN && reason == NULL)
    {
      g_set_error (error, CR_STORE_ERROR, CR_STORE_ERROR_INVALID,
                   _("Say why you un-tick this item; the reason goes into the logbook."));
      return FALSE;
    }
  when = stored_time (at);
  /* A minute of grace for clocks of different workstations. */
  if (g_date_time_difference (when, now) > G_TIME_SPAN_MINUTE)
    {
      g_set_error (error, CR_STORE_ERROR, CR_STORE_ERROR_INVALID,
                   _("An item cannot be done in the future. Check the time."));
      return FALSE;
    }

  if (!cr_store_begin (self, error))
    return FALSE;
  item = cr_store_get (self, CR_TYPE_ACTIVATION_ITEM, item_id, error);
  if (item == NULL)
    goto fail;
  activation = cr_store_get (self, CR_TYPE_ACTIVATION, cr_activation_item_get_activation_id (item),
                             error);
  if (activation == NULL)
    goto fail;
  if (cr_activation_is_closed (activation))
    {
      closed_error (error);
      goto fail;
    }
  previous = cr_activation_item_get_state (item);
  if (previous == state)
    {
      cr_store_rollback (self);
      return TRUE;
    }

  cr_activation_item_set_state (item, state);
  cr_activation_item_set_state_at (item, when);
  cr_activation_item_set_state_by (item, cr_store_get_operator (self));
  cr_activation_item_set_state_note (item, reason);
  if (!cr_store_update (self, CR_RECORD (item), error))
    goto fail;
  if (!insert_tick (self, item, previous, error))
    goto fail;

  if (state == CR_ITEM_STATE_OPEN)
    {
      g_autofree char *text = NULL;

      if (previous == CR_ITEM_STATE_DONE)
        /* Translators: a logbook entry; the first %s is the checklist
         * item, the second the reason given. */
        text = g_strdup_printf (_("Un-ticked “%s”, which was done. Reason: %s"),
                                cr_activation_item_get_text (item), reason);
      else
        text = g_strdup_printf (_("Un-ticked “%s”, which was marked not applicable. Reason: %s"),
                                cr_activation_item_get_text (item), reason);
      if (!log_activation (self, cr_activation_item_get_activation_id (item), CR_LOG_CATEGORY_ACTION,
                           when, text, error))
        goto fail;
    }
  return cr_store_commit (self, error);

fail:
  cr_store_rollback (self);
  return FALSE;
}

/**
 * cr_store_list_overdue_items:
 * @activation_id: an activation, or 0 for every activation in progress
 * @now: the time to compare the due times with
 *
 * Returns: (transfer full): the open #CrActivationItem due before @now,
 *   of activations in progress, the most overdue first; %NULL with
 *   @error set
 */
GListModel *
cr_store_list_overdue_items (CrStore   *self,
                             gint64     activation_id,
                             GDateTime *now,
                             GError   **error)
{
  g_autofree char *now_text = NULL;
  CrStoreParam params[2] = { { 0 } };

  g_return_val_if_fail (CR_IS_STORE (self), NULL);
  g_return_val_if_fail (now != NULL, NULL);

  now_text = cr_time_to_storage (now);
  params[0].text = now_text;
  params[1].value = activation_id;
  return _cr_store_list_query (self, CR_TYPE_ACTIVATION_ITEM,
                               activation_id > 0
                                 ? "\"state\" = 'open' AND \"due_at\" < ? AND \"activation_id\" = ?"
                                   " AND \"activation_id\" IN"
                                   " (SELECT id FROM activations WHERE closed_at IS NULL)"
                                 : "\"state\" = 'open' AND \"due_at\" < ? AND \"activation_id\" IN"
                                   " (SELECT id FROM activations WHERE closed_at IS NULL)",
                               "\"due_at\", \"activation_id\", \"position\"",
                               params, activation_id > 0 ? 2 : 1, error);
}

/**
 * cr_store_list_item_ticks:
 *
 * Returns: (transfer full): the #CrItemTick of the activation's items,
 *   in the order they were done; %NULL with @error set
 */
GListModel *
cr_store_list_item_ticks (CrStore *self,
                          gint64   activation_id,
                          GError **error)
{
  g_return_val_if_fail (CR_IS_STORE (self), NULL);

  return cr_store_list (self, CR_TYPE_ITEM_TICK, "activation_id", activation_id, error);
}

/**
 * cr_store_get_activation_progress:
 * @now: the time to compare the due times with
 *
 * Returns: (transfer full) (element-type CrCellProgress): one entry per
 *   cell that is activated or has items, in the order of #CrCell; %NULL
 *   with @error set
 */
GArray *
cr_store_get_activation_progress (CrStore   *self,
                                  gint64     activation_id,
                                  GDateTime *now,
                                  GError   **error)
{
  g_autoptr(CrActivation) activation = NULL;
  g_autoptr(GArray) progress = NULL;
  g_autofree char *now_text = NULL;
  CrCellProgress cells[CR_CELL_LEGAL + 1] = { { 0 } };
  sqlite3_stmt *stmt;
  guint mask;
  int rc;

  g_return_val_if_fail (CR_IS_STORE (self), NULL);
  g_return_val_if_fail (now != NULL, NULL);

  activation = cr_store_get (self, CR_TYPE_ACTIVATION, activation_id, error);
  if (activation == NULL)
    return NULL;
  mask = cr_activation_get_cell_mask (activation);

  now_text = cr_time_to_storage (now);
  stmt = _cr_store_prepare (self,
                            "SELECT cell, count(*), sum(state = 'done'), sum(state = 'not-applicable'),"
                            " sum(state = 'open' AND due_at < ?)"
                            " FROM activation_items WHERE activation_id = ? GROUP BY cell",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, now_text, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, activation_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int cell;

      if (!cr_enum_from_nick (CR_TYPE_CELL, (const char *) sqlite3_column_text (stmt, 0), &cell))
        continue;
      mask |= CR_CELL_MASK (cell);
      cells[cell].total = (guint) sqlite3_column_int (stmt, 1);
      cells[cell].done = (guint) sqlite3_column_int (stmt, 2);
      cells[cell].not_applicable = (guint) sqlite3_column_int (stmt, 3);
      cells[cell].overdue = (guint) sqlite3_column_int (stmt, 4);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _cr_store_set_error (error, self->db, rc);
      return NULL;
    }

  progress = g_array_new (FALSE, TRUE, sizeof (CrCellProgress));
  for (int cell = CR_CELL_SITUATION; cell <= CR_CELL_LEGAL; cell++)
    if (mask & CR_CELL_MASK (cell))
      {
        cells[cell].cell = cell;
        g_array_append_val (progress, cells[cell]);
      }
  return g_steal_pointer (&progress);
}

/**
 * cr_store_list_audit:
 * @table: the table whose changes to list, e.g. "features"
 * @from: (nullable): from this time on
 * @to: (nullable): before this time
 *
 * Returns: (transfer full): the #CrAuditEntry rows in the order they were
 *   written; %NULL with @error set
 */
GListModel *
cr_store_list_audit (CrStore    *self,
                     const char *table,
                     GDateTime  *from,
                     GDateTime  *to,
                     GError    **error)
{
  g_autofree char *from_text = cr_time_to_storage (from);
  g_autofree char *to_text = cr_time_to_storage (to);
  /* Text bounds: "9999" alone would compare as a number (the column is
   * DATETIME, of numeric affinity), and every text is above numbers. */
  CrStoreParam params[3] = { { table, 0 }, { from_text ? from_text : "", 0 },
                             { to_text ? to_text : "9999-12-31T23:59:59.999Z", 0 } };

  g_return_val_if_fail (CR_IS_STORE (self), NULL);
  g_return_val_if_fail (table != NULL, NULL);

  return _cr_store_list_query (self, CR_TYPE_AUDIT_ENTRY,
                               "\"table_name\" = ? AND \"at\" >= ? AND \"at\" < ?", "\"id\"",
                               params, 3, error);
}
