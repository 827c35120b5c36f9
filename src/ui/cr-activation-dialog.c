/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cr-activation-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "cr-activation-dialog.h"
#include "cr-datetime-row.h"
#include "cr-enum-types.h"
#include "cr-labels.h"
#include "cr-time.h"
#include "cr-ui-utils.h"

/**
 * CrActivationDialog:
 *
 * Opens an activation: for the selected event or for an unplanned
 * incident, with its name (the commune first), level, start time T, the
 * cells activated and the checklist template. The dialog says how many
 * items the checklist will have; "Open" writes it through the store in
 * one transaction (cr_store_open_activation()), and what the store
 * refuses shows in the dialog, which stays open.
 */
struct _CrActivationDialog
{
  AdwWindow parent_instance;

  AdwWindowTitle *window_title;
  GtkButton *accept_button;
  AdwComboRow *for_row;
  AdwEntryRow *name_row;
  AdwComboRow *level_row;
  CrDatetimeRow *start_row;
  GtkFlowBox *cells_box;
  AdwComboRow *template_row;
  GtkLabel *summary_label;
  GtkLabel *error_label;

  CrStore *store;
  CrEvent *event;
  GtkCheckButton *cell_checks[CR_CELL_LEGAL + 1];
  GArray *template_ids; /* gint64 per row of template_row; 0 for the kind's */
  guint n_items;
};

G_DEFINE_FINAL_TYPE (CrActivationDialog, cr_activation_dialog, ADW_TYPE_WINDOW)

enum
{
  OPENED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
is_incident (CrActivationDialog *self)
{
  return self->event == NULL || adw_combo_row_get_selected (self->for_row) == 1;
}

static CrEventKind
event_kind (CrActivationDialog *self)
{
  return is_incident (self) ? CR_EVENT_KIND_INCIDENT : cr_event_get_kind (self->event);
}

static gint64
template_id (CrActivationDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->template_row);

  if (self->template_ids == NULL || selected >= self->template_ids->len)
    return 0;
  return g_array_index (self->template_ids, gint64, selected);
}

static guint
count_items (CrActivationDialog *self,
             guint               cells)
{
  g_autoptr(GListModel) templates = NULL;
  gint64 id = template_id (self);
  guint n = 0;

  if (cells == 0)
    return 0;
  if (id > 0)
    {
      g_autoptr(GListModel) items = cr_store_list_template_items (self->store, id, cells, NULL);

      return items ? g_list_model_get_n_items (items) : 0;
    }
  templates = cr_store_list_checklist_templates (self->store, event_kind (self), NULL);
  for (guint i = 0; templates != NULL && i < g_list_model_get_n_items (templates); i++)
    {
      g_autoptr(CrRecord) template = g_list_model_get_item (templates, i);
      g_autoptr(GListModel) items = cr_store_list_template_items (self->store, cr_record_get_id (template),
                                                                  cells, NULL);

      n += items ? g_list_model_get_n_items (items) : 0;
    }
  return n;
}

static gboolean
is_blank (const char *text)
{
  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

/* The accept button works when the form can be opened; the summary says
 * what the checklist will hold. */
static void
validate_cb (CrActivationDialog *self)
{
  guint cells;
  gboolean ok;

  if (self->store == NULL)
    return;
  cells = cr_activation_dialog_get_cells (self);
  self->n_items = count_items (self, cells);
  if (cells == 0)
    gtk_label_set_text (self->summary_label, _("Choose at least one cell to activate."));
  else
    {
      g_autofree char *text = NULL;

      if (self->n_items == 0)
        text = g_strdup (_("No checklist item for these cells: the activation will have an empty "
                           "checklist. Choose another checklist or more cells."));
      else
        text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             "The checklist will have %u item, each due at T plus its delay.",
                                             "The checklist will have %u items, each due at T plus its delay.",
                                             self->n_items),
                                self->n_items);
      gtk_label_set_text (self->summary_label, text);
    }
  ok = cells != 0 && !is_blank (gtk_editable_get_text (GTK_EDITABLE (self->name_row))) &&
       cr_datetime_row_get_valid (self->start_row) && cr_datetime_row_get_datetime (self->start_row) != NULL;
  gtk_widget_set_sensitive (GTK_WIDGET (self->accept_button), ok);
  if (!cr_datetime_row_get_valid (self->start_row))
    cr_ui_show_error_label (self->error_label, cr_datetime_row_get_error (self->start_row));
  else
    cr_ui_show_error_label (self->error_label, NULL);
}

/* The templates of the kind: "the kind's" first (every template that
 * applies), then each by name. */
static void
fill_templates (CrActivationDialog *self)
{
  g_autoptr(GListModel) templates = NULL;
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autofree char *all = NULL;
  gint64 none = 0;

  g_clear_pointer (&self->template_ids, g_array_unref);
  self->template_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  /* Translators: the checklist of an activation: every template that
   * applies to this kind of event; %s is the kind, e.g. "Visit" */
  all = g_strdup_printf (_("Standard for “%s”"), cr_event_kind_label (event_kind (self)));
  gtk_string_list_append (names, all);
  g_array_append_val (self->template_ids, none);
  templates = cr_store_list_checklist_templates (self->store, event_kind (self), NULL);
  for (guint i = 0; templates != NULL && i < g_list_model_get_n_items (templates); i++)
    {
      g_autoptr(CrChecklistTemplate) template = g_list_model_get_item (templates, i);
      gint64 id = cr_record_get_id (CR_RECORD (template));

      gtk_string_list_append (names, cr_checklist_template_get_name (template));
      g_array_append_val (self->template_ids, id);
    }
  adw_combo_row_set_model (self->template_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->template_row, 0);
}

static void
for_changed_cb (CrActivationDialog *self)
{
  if (self->store == NULL)
    return;
  fill_templates (self);
  validate_cb (self);
}

static void
accept_clicked_cb (CrActivationDialog *self)
{
  cr_activation_dialog_save (self);
}

static void
cr_activation_dialog_dispose (GObject *object)
{
  CrActivationDialog *self = CR_ACTIVATION_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CR_TYPE_ACTIVATION_DIALOG);
  g_clear_object (&self->store);
  g_clear_object (&self->event);
  g_clear_pointer (&self->template_ids, g_array_unref);

  G_OBJECT_CLASS (cr_activation_dialog_parent_class)->dispose (object);
}

static void
cr_activation_dialog_class_init (CrActivationDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cr_activation_dialog_dispose;

  /**
   * CrActivationDialog::opened:
   * @activation_id: the new activation
   *
   * Emitted once the store has it, before the dialog closes.
   */
  signals[OPENED] = g_signal_new ("opened", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  g_type_ensure (CR_TYPE_DATETIME_ROW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/cr-activation-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CrActivationDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, CrActivationDialog, accept_button);
  gtk_widget_class_bind_template_child (widget_class, CrActivationDialog, for_row);
  gtk_widget_class_bind_template_child (widget_class, CrActivationDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, CrActivationDialog, level_row);
  gtk_widget_class_bind_template_child (widget_class, CrActivationDialog, start_row);
  gtk_widget_class_bind_template_child (widget_class, CrActivationDialog, cells_box);
  gtk_widget_class_bind_template_child (widget_class, CrActivationDialog, template_row);
  gtk_widget_class_bind_template_child (widget_class, CrActivationDialog, summary_label);
  gtk_widget_class_bind_template_child (widget_class, CrActivationDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, validate_cb);
  gtk_widget_class_bind_template_callback (widget_class, for_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, accept_clicked_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
cr_activation_dialog_init (CrActivationDialog *self)
{
  g_autoptr(GtkStringList) levels = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  for (int level = CR_ACTIVATION_LEVEL_MONITORING; level <= CR_ACTIVATION_LEVEL_FULL; level++)
    gtk_string_list_append (levels, cr_activation_level_label (level));
  adw_combo_row_set_model (self->level_row, G_LIST_MODEL (levels));
  adw_combo_row_set_selected (self->level_row, CR_ACTIVATION_LEVEL_FULL);

  for (int cell = CR_CELL_SITUATION; cell <= CR_CELL_LEGAL; cell++)
    {
      GtkWidget *check = gtk_check_button_new_with_label (cr_cell_label (cell));

      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
      g_signal_connect_swapped (check, "toggled", G_CALLBACK (validate_cb), self);
      self->cell_checks[cell] = GTK_CHECK_BUTTON (check);
      gtk_flow_box_append (self->cells_box, check);
    }
  cr_datetime_row_set_nullable (self->start_row, FALSE);
}

/**
 * cr_activation_dialog_new:
 * @event: (nullable): the event selected, or %NULL: an unplanned incident
 * @parent: (nullable): the window it belongs to
 *
 * Returns: (transfer none): the dialog, not yet shown; it is destroyed
 *   when closed
 */
CrActivationDialog *
cr_activation_dialog_new (CrStore   *store,
                          CrEvent   *event,
                          GtkWindow *parent)
{
  CrActivationDialog *self;
  g_autoptr(GtkStringList) targets = gtk_string_list_new (NULL);
  g_autoptr(GDateTime) now = cr_time_now_utc ();

  g_return_val_if_fail (CR_IS_STORE (store), NULL);
  g_return_val_if_fail (event == NULL || CR_IS_EVENT (event), NULL);

  self = g_object_new (CR_TYPE_ACTIVATION_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  if (event != NULL)
    {
      self->event = g_object_ref (event);
      gtk_string_list_append (targets, cr_event_get_name (event));
      adw_window_title_set_subtitle (self->window_title, cr_event_get_name (event));
    }
  gtk_string_list_append (targets, _("Unplanned incident (no event)"));
  adw_combo_row_set_model (self->for_row, G_LIST_MODEL (targets));
  adw_combo_row_set_selected (self->for_row, 0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->for_row), event != NULL);
  cr_datetime_row_set_datetime (self->start_row, now);
  fill_templates (self);
  validate_cb (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
  return self;
}

void
cr_activation_dialog_set_name (CrActivationDialog *self,
                               const char         *name)
{
  g_return_if_fail (CR_IS_ACTIVATION_DIALOG (self));

  gtk_editable_set_text (GTK_EDITABLE (self->name_row), name != NULL ? name : "");
}

void
cr_activation_dialog_set_level (CrActivationDialog *self,
                                CrActivationLevel   level)
{
  g_return_if_fail (CR_IS_ACTIVATION_DIALOG (self));
  g_return_if_fail (level <= CR_ACTIVATION_LEVEL_FULL);

  adw_combo_row_set_selected (self->level_row, level);
}

/* @cells: CR_CELL_MASK() bits */
void
cr_activation_dialog_set_cells (CrActivationDialog *self,
                                guint               cells)
{
  g_return_if_fail (CR_IS_ACTIVATION_DIALOG (self));

  for (int cell = CR_CELL_SITUATION; cell <= CR_CELL_LEGAL; cell++)
    gtk_check_button_set_active (self->cell_checks[cell], (cells & CR_CELL_MASK (cell)) != 0);
}

/* Returns: the cells ticked, as CR_CELL_MASK() bits */
guint
cr_activation_dialog_get_cells (CrActivationDialog *self)
{
  guint cells = 0;

  g_return_val_if_fail (CR_IS_ACTIVATION_DIALOG (self), 0);

  for (int cell = CR_CELL_SITUATION; cell <= CR_CELL_LEGAL; cell++)
    if (self->cell_checks[cell] != NULL && gtk_check_button_get_active (self->cell_checks[cell]))
      cells |= CR_CELL_MASK (cell);
  return cells;
}

/* An unplanned incident: the activation belongs to no event. */
void
cr_activation_dialog_set_incident (CrActivationDialog *self,
                                   gboolean            incident)
{
  g_return_if_fail (CR_IS_ACTIVATION_DIALOG (self));

  if (self->event != NULL)
    adw_combo_row_set_selected (self->for_row, incident ? 1 : 0);
}

void
cr_activation_dialog_set_start (CrActivationDialog *self,
                                GDateTime          *start)
{
  g_return_if_fail (CR_IS_ACTIVATION_DIALOG (self));
  g_return_if_fail (start != NULL);

  cr_datetime_row_set_datetime (self->start_row, start);
}

/* How many items the checklist will have, as the dialog says. */
guint
cr_activation_dialog_get_n_items (CrActivationDialog *self)
{
  g_return_val_if_fail (CR_IS_ACTIVATION_DIALOG (self), 0);

  return self->n_items;
}

/**
 * cr_activation_dialog_save:
 *
 * What "Open" does: opens the activation through the store, emits
 * #CrActivationDialog::opened and closes. When the store refuses, the
 * dialog stays open and says why.
 *
 * Returns: the new activation's id, or 0
 */
gint64
cr_activation_dialog_save (CrActivationDialog *self)
{
  g_autoptr(GError) error = NULL;
  CrActivationRequest request = { 0 };
  g_autofree char *name = NULL;
  gint64 id;

  g_return_val_if_fail (CR_IS_ACTIVATION_DIALOG (self), 0);

  if (!cr_datetime_row_get_valid (self->start_row))
    {
      cr_ui_show_error_label (self->error_label, cr_datetime_row_get_error (self->start_row));
      return 0;
    }
  name = cr_ui_entry_text (self->name_row);
  request.event_id = is_incident (self) ? 0 : cr_record_get_id (CR_RECORD (self->event));
  request.name = name;
  request.level = adw_combo_row_get_selected (self->level_row);
  request.cells = cr_activation_dialog_get_cells (self);
  request.opened_at = cr_datetime_row_get_datetime (self->start_row);
  request.template_id = template_id (self);
  id = cr_store_open_activation (self->store, &request, &error);
  if (id == 0)
    {
      cr_ui_show_error_label (self->error_label, error->message);
      return 0;
    }
  g_signal_emit (self, signals[OPENED], 0, id);
  gtk_window_close (GTK_WINDOW (self));
  return id;
}
