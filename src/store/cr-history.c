/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cr-history"

#include "config.h"

#include <glib/gi18n.h>

#include "cr-feature.h"
#include "cr-history.h"
#include "cr-waypoint.h"

/**
 * CrHistory:
 *
 * Undo and redo of edits made through it. Every edit is still written at
 * once (there is no unsaved state): undoing writes the previous values
 * back, as a new change with its own audit row. One user action that
 * writes several rows (an itinerary and its waypoints) is one step:
 * wrap it in cr_history_begin()/cr_history_commit().
 *
 * A step that someone else's later change makes impossible (the row was
 * changed or deleted in another window) fails with the store's error and
 * stays on the stack, so nothing is overwritten silently.
 *
 * Deleting a feature also deletes its waypoints (ON DELETE CASCADE); the
 * history records them first, so undo brings them back.
 */

typedef enum
{
  OP_INSERT,
  OP_UPDATE,
  OP_DELETE,
} OpKind;

typedef struct
{
  OpKind kind;
  CrRecord *before; /* NULL for an insert */
  CrRecord *after;  /* NULL for a delete */
} Op;

typedef struct
{
  char *label;
  GArray *ops; /* Op, in the order they were done */
} Step;

struct _CrHistory
{
  GObject parent_instance;

  CrStore *store;
  GPtrArray *undo; /* Step */
  GPtrArray *redo; /* Step */
  Step *open;      /* being recorded between begin and commit */
  guint depth;
};

enum
{
  PROP_0,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (CrHistory, cr_history, G_TYPE_OBJECT)

static void
op_clear (gpointer data)
{
  Op *op = data;

  g_clear_object (&op->before);
  g_clear_object (&op->after);
}

static Step *
step_new (const char *label)
{
  Step *step = g_new0 (Step, 1);

  step->label = g_strdup (label);
  step->ops = g_array_new (FALSE, FALSE, sizeof (Op));
  g_array_set_clear_func (step->ops, op_clear);
  return step;
}

static void
step_free (gpointer data)
{
  Step *step = data;

  g_array_unref (step->ops);
  g_free (step->label);
  g_free (step);
}

static void
notify_state (CrHistory *self,
              gboolean   could_undo,
              gboolean   could_redo)
{
  if (could_undo != cr_history_can_undo (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  if (could_redo != cr_history_can_redo (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
}

static void
record_op (CrHistory *self,
           OpKind     kind,
           CrRecord  *before,
           CrRecord  *after)
{
  Op op = { kind, before ? cr_record_copy (before) : NULL, after ? cr_record_copy (after) : NULL };

  g_assert (self->open != NULL);
  g_array_append_val (self->open->ops, op);
}

/* A one-operation step, unless the caller opened one. */
static gboolean
auto_begin (CrHistory  *self,
            const char *label,
            GError    **error)
{
  return cr_history_begin (self, label, error);
}

gboolean
cr_history_insert (CrHistory *self,
                   CrRecord  *record,
                   GError   **error)
{
  g_return_val_if_fail (CR_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (CR_IS_RECORD (record), FALSE);

  if (!auto_begin (self, CR_IS_FEATURE (record) ? _("Add Feature") : _("Add"), error))
    return FALSE;
  if (!cr_store_insert (self->store, record, error))
    {
      cr_history_rollback (self);
      return FALSE;
    }
  record_op (self, OP_INSERT, NULL, record);
  return cr_history_commit (self, error);
}

/* Writes @record, remembering the row as it was in the file. */
gboolean
cr_history_update (CrHistory *self,
                   CrRecord  *record,
                   GError   **error)
{
  g_autoptr(CrRecord) before = NULL;

  g_return_val_if_fail (CR_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (CR_IS_RECORD (record), FALSE);

  if (!auto_begin (self, _("Edit"), error))
    return FALSE;
  before = cr_store_get (self->store, G_OBJECT_TYPE (record), cr_record_get_id (record), error);
  if (before == NULL || !cr_store_update (self->store, record, error))
    {
      cr_history_rollback (self);
      return FALSE;
    }
  record_op (self, OP_UPDATE, before, record);
  return cr_history_commit (self, error);
}

gboolean
cr_history_delete (CrHistory *self,
                   CrRecord  *record,
                   GError   **error)
{
  g_autoptr(CrRecord) before = NULL;
  g_autoptr(GListModel) waypoints = NULL;

  g_return_val_if_fail (CR_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (CR_IS_RECORD (record), FALSE);

  if (!auto_begin (self, CR_IS_FEATURE (record) ? _("Delete Feature") : _("Delete"), error))
    return FALSE;
  before = cr_store_get (self->store, G_OBJECT_TYPE (record), cr_record_get_id (record), error);
  if (before == NULL)
    goto fail;
  if (CR_IS_FEATURE (record))
    {
      /* Delete the waypoints ourselves, so undo knows to restore them. */
      waypoints = cr_store_list (self->store, CR_TYPE_WAYPOINT, "feature_id",
                                 cr_record_get_id (record), error);
      if (waypoints == NULL)
        goto fail;
      for (guint i = 0; i < g_list_model_get_n_items (waypoints); i++)
        {
          g_autoptr(CrRecord) wp = g_list_model_get_item (waypoints, i);

          if (!cr_store_delete (self->store, wp, error))
            goto fail;
          record_op (self, OP_DELETE, wp, NULL);
        }
    }
  if (!cr_store_delete (self->store, before, error))
    goto fail;
  record_op (self, OP_DELETE, before, NULL);
  return cr_history_commit (self, error);

fail:
  cr_history_rollback (self);
  return FALSE;
}

/**
 * cr_history_begin:
 * @label: what the user did, shown as "Undo @label"; an outer begin's
 *   label wins
 *
 * Starts one undoable step, and one store transaction. Nestable.
 */
gboolean
cr_history_begin (CrHistory  *self,
                  const char *label,
                  GError    **error)
{
  g_return_val_if_fail (CR_IS_HISTORY (self), FALSE);

  if (!cr_store_begin (self->store, error))
    return FALSE;
  if (self->depth++ == 0)
    self->open = step_new (label);
  return TRUE;
}

gboolean
cr_history_commit (CrHistory *self,
                   GError   **error)
{
  gboolean could_undo, could_redo;
  Step *step;

  g_return_val_if_fail (CR_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (self->depth > 0, FALSE);

  if (!cr_store_commit (self->store, error))
    {
      /* The store rolled this level back. */
      if (--self->depth == 0)
        g_clear_pointer (&self->open, step_free);
      return FALSE;
    }
  if (--self->depth > 0)
    return TRUE;

  step = g_steal_pointer (&self->open);
  if (step->ops->len == 0)
    {
      step_free (step);
      return TRUE;
    }
  could_undo = cr_history_can_undo (self);
  could_redo = cr_history_can_redo (self);
  g_ptr_array_add (self->undo, step);
  g_ptr_array_set_size (self->redo, 0);
  notify_state (self, could_undo, could_redo);
  return TRUE;
}

void
cr_history_rollback (CrHistory *self)
{
  g_return_if_fail (CR_IS_HISTORY (self));
  g_return_if_fail (self->depth > 0);

  cr_store_rollback (self->store);
  if (--self->depth == 0)
    g_clear_pointer (&self->open, step_free);
}

/* Puts the row back as @target says, whatever version it has now. */
static gboolean
restore (CrHistory *self,
         CrRecord  *target,
         GError   **error)
{
  g_autoptr(CrRecord) current = NULL;
  g_autoptr(CrRecord) copy = cr_record_copy (target);
  GParamSpec *version;

  current = cr_store_get (self->store, G_OBJECT_TYPE (target), cr_record_get_id (target), error);
  if (current == NULL)
    return FALSE;
  version = g_object_class_find_property (G_OBJECT_GET_CLASS (copy), "version");
  if (version != NULL)
    cr_record_set_int64 (copy, version, cr_record_get_int64 (current, version));
  return cr_store_update (self->store, copy, error);
}

static gboolean
apply_op (CrHistory *self,
          const Op  *op,
          gboolean   backwards,
          GError   **error)
{
  OpKind kind = op->kind;
  CrRecord *target = backwards ? op->before : op->after;
  CrRecord *gone = backwards ? op->after : op->before;

  switch (kind)
    {
    case OP_UPDATE:
      return restore (self, target, error);
    case OP_INSERT:
      if (backwards)
        return cr_store_delete (self->store, gone, error);
      else
        {
          g_autoptr(CrRecord) copy = cr_record_copy (target);

          return cr_store_insert (self->store, copy, error);
        }
    case OP_DELETE:
    default:
      if (backwards)
        {
          g_autoptr(CrRecord) copy = cr_record_copy (target);

          return cr_store_insert (self->store, copy, error);
        }
      return cr_store_delete (self->store, gone, error);
    }
}

static gboolean
replay (CrHistory *self,
        GPtrArray *from,
        GPtrArray *to,
        gboolean   backwards,
        GError   **error)
{
  gboolean could_undo = cr_history_can_undo (self);
  gboolean could_redo = cr_history_can_redo (self);
  Step *step;

  g_return_val_if_fail (self->depth == 0, FALSE);

  if (from->len == 0)
    return TRUE;
  step = g_ptr_array_index (from, from->len - 1);
  if (!cr_store_begin (self->store, error))
    return FALSE;
  for (guint i = 0; i < step->ops->len; i++)
    {
      guint k = backwards ? step->ops->len - 1 - i : i;

      if (!apply_op (self, &g_array_index (step->ops, Op, k), backwards, error))
        {
          cr_store_rollback (self->store);
          return FALSE;
        }
    }
  if (!cr_store_commit (self->store, error))
    return FALSE;
  g_ptr_array_add (to, g_ptr_array_steal_index (from, from->len - 1));
  notify_state (self, could_undo, could_redo);
  return TRUE;
}

gboolean
cr_history_undo (CrHistory *self,
                 GError   **error)
{
  g_return_val_if_fail (CR_IS_HISTORY (self), FALSE);

  return replay (self, self->undo, self->redo, TRUE, error);
}

gboolean
cr_history_redo (CrHistory *self,
                 GError   **error)
{
  g_return_val_if_fail (CR_IS_HISTORY (self), FALSE);

  return replay (self, self->redo, self->undo, FALSE, error);
}

gboolean
cr_history_can_undo (CrHistory *self)
{
  g_return_val_if_fail (CR_IS_HISTORY (self), FALSE);

  return self->undo->len > 0;
}

gboolean
cr_history_can_redo (CrHistory *self)
{
  g_return_val_if_fail (CR_IS_HISTORY (self), FALSE);

  return self->redo->len > 0;
}

/**
 * cr_history_get_undo_label:
 *
 * Returns: (nullable): what undo would undo
 */
const char *
cr_history_get_undo_label (CrHistory *self)
{
  g_return_val_if_fail (CR_IS_HISTORY (self), NULL);

  if (self->undo->len == 0)
    return NULL;
  return ((Step *) g_ptr_array_index (self->undo, self->undo->len - 1))->label;
}

/**
 * cr_history_get_redo_label:
 *
 * Returns: (nullable): what redo would redo
 */
const char *
cr_history_get_redo_label (CrHistory *self)
{
  g_return_val_if_fail (CR_IS_HISTORY (self), NULL);

  if (self->redo->len == 0)
    return NULL;
  return ((Step *) g_ptr_array_index (self->redo, self->redo->len - 1))->label;
}

/* Forgets every step, e.g. when another event is shown. */
void
cr_history_clear (CrHistory *self)
{
  gboolean could_undo, could_redo;

  g_return_if_fail (CR_IS_HISTORY (self));

  could_undo = cr_history_can_undo (self);
  could_redo = cr_history_can_redo (self);
  g_ptr_array_set_size (self->undo, 0);
  g_ptr_array_set_size (self->redo, 0);
  notify_state (self, could_undo, could_redo);
}

static void
cr_history_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  CrHistory *self = CR_HISTORY (object);

  switch (prop_id)
    {
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, cr_history_can_undo (self));
      break;
    case PROP_CAN_REDO:
      g_value_set_boolean (value, cr_history_can_redo (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cr_history_finalize (GObject *object)
{
  CrHistory *self = CR_HISTORY (object);

  g_clear_pointer (&self->open, step_free);
  g_ptr_array_unref (self->undo);
  g_ptr_array_unref (self->redo);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (cr_history_parent_class)->finalize (object);
}

static void
cr_history_class_init (CrHistoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cr_history_finalize;
  object_class->get_property = cr_history_get_property;

  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cr_history_init (CrHistory *self)
{
  self->undo = g_ptr_array_new_with_free_func (step_free);
  self->redo = g_ptr_array_new_with_free_func (step_free);
}

CrHistory *
cr_history_new (CrStore *store)
{
  CrHistory *self;

  g_return_val_if_fail (CR_IS_STORE (store), NULL);

  self = g_object_new (CR_TYPE_HISTORY, NULL);
  self->store = g_object_ref (store);
  return self;
}

/**
 * cr_history_get_store:
 *
 * Returns: (transfer none): the store
 */
CrStore *
cr_history_get_store (CrHistory *self)
{
  g_return_val_if_fail (CR_IS_HISTORY (self), NULL);

  return self->store;
}
