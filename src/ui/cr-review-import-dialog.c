/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cr-review-import-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "cr-review-import-dialog.h"
#include "cr-time.h"

/**
 * CrReviewImportDialog:
 *
 * A review file back from a SPOC: every change it holds, field by field
 * with the directory's value before and the SPOC's after, each with a
 * check box to accept or reject it. Conflicts (the crisis centre changed
 * the same thing since the export) are flagged and start rejected.
 * Apply writes the accepted changes in one transaction; accepted
 * confirmations set "last verified" to the SPOC's time and name.
 */
struct _CrReviewImportDialog
{
  AdwWindow parent_instance;

  AdwWindowTitle *window_title;
  GtkButton *apply_button;
  GtkLabel *intro_label;
  GtkLabel *error_label;
  GtkListBox *changes_list;

  CrStore *store;
  CrReviewImport *import;
  GPtrArray *toggles; /* GtkCheckButton per change */
};

G_DEFINE_FINAL_TYPE (CrReviewImportDialog, cr_review_import_dialog, ADW_TYPE_WINDOW)

enum
{
  APPLIED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
update_apply (CrReviewImportDialog *self)
{
  GListModel *changes = cr_review_import_get_changes (self->import);
  guint n = 0;
  g_autofree char *label = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (changes); i++)
    {
      g_autoptr(CrReviewChange) change = g_list_model_get_item (changes, i);

      n += cr_review_change_get_accepted (change);
    }
  /* Translators: the button that writes the accepted changes. */
  label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "_Apply %u Change", "_Apply %u Changes", n), n);
  gtk_button_set_label (self->apply_button, label);
  gtk_widget_set_sensitive (GTK_WIDGET (self->apply_button), n > 0);
}

static const char *
kind_label (CrReviewChange *change)
{
  switch (cr_review_change_get_kind (change))
    {
    case CR_REVIEW_CHANGE_FIELD:
      return cr_review_change_get_field_label (change);
    case CR_REVIEW_CHANGE_ADD_CONTACT:
      return _("New contact");
    case CR_REVIEW_CHANGE_REMOVE_CONTACT:
      return _("Contact removed");
    case CR_REVIEW_CHANGE_SPOC_CHAIN:
      return _("SPOC and deputies");
    case CR_REVIEW_CHANGE_CONFIRM:
      return _("Confirmed as right");
    default:
      return "";
    }
}

static GtkWidget *
value_label (const char *text,
             const char *style)
{
  GtkWidget *label = gtk_label_new (text != NULL && *text != '\0' ? text : _("(empty)"));

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_widget_set_hexpand (label, TRUE);
  if (style != NULL)
    gtk_widget_add_css_class (label, style);
  return label;
}

static void
diff_row (GtkGrid    *grid,
          int         row,
          const char *title,
          const char *value,
          const char *style)
{
  GtkWidget *label = gtk_label_new (title);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_valign (label, GTK_ALIGN_START);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_grid_attach (grid, label, 0, row, 1, 1);
  gtk_grid_attach (grid, value_label (value, style), 1, row, 1, 1);
}

/* Before and after, as the change has them; a confirmation or an added
 * or removed contact says it in a sentence instead. */
static GtkWidget *
diff_grid (CrReviewChange *change)
{
  GtkWidget *grid = gtk_grid_new ();
  const char *old_value = cr_review_change_get_old_value (change);
  const char *new_value = cr_review_change_get_new_value (change);
  CrReviewChangeKind kind = cr_review_change_get_kind (change);

  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 2);
  if (kind == CR_REVIEW_CHANGE_FIELD || kind == CR_REVIEW_CHANGE_SPOC_CHAIN ||
      old_value != NULL || new_value != NULL)
    {
      diff_row (GTK_GRID (grid), 0, _("Before"), old_value, "diff-before");
      diff_row (GTK_GRID (grid), 1, _("After"), new_value, "diff-after");
    }
  else
    {
      g_autofree char *text = cr_review_change_describe (change);

      gtk_grid_attach (GTK_GRID (grid), value_label (text, NULL), 0, 0, 2, 1);
    }
  return grid;
}

static void
toggled_cb (GtkCheckButton       *check,
            CrReviewImportDialog *self)
{
  CrReviewChange *change = g_object_get_data (G_OBJECT (check), "cr-change");

  cr_review_change_set_accepted (change, gtk_check_button_get_active (check));
  update_apply (self);
}

static GtkWidget *
change_row (CrReviewImportDialog *self,
            CrReviewChange       *change)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *title_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *check = gtk_check_button_new ();
  g_autofree char *description = cr_review_change_describe (change);
  g_autofree char *title_text = NULL;
  GtkWidget *title;

  gtk_widget_set_margin_top (box, 10);
  gtk_widget_set_margin_bottom (box, 10);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), cr_review_change_get_accepted (change));
  gtk_widget_set_valign (check, GTK_ALIGN_START);
  gtk_widget_set_tooltip_text (check, _("Accept this change"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, description, -1);
  g_object_set_data_full (G_OBJECT (check), "cr-change", g_object_ref (change), g_object_unref);
  g_signal_connect (check, "toggled", G_CALLBACK (toggled_cb), self);
  gtk_box_append (GTK_BOX (box), check);

  title_text = cr_review_change_get_contact_name (change) != NULL
                 /* Translators: a contact and what changed: "Hendrik Proef — Mobile". */
                 ? g_strdup_printf (_("%s — %s"), cr_review_change_get_contact_name (change),
                                    kind_label (change))
                 : g_strdup (kind_label (change));
  title = gtk_label_new (title_text);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_widget_add_css_class (title, "heading");
  gtk_box_append (GTK_BOX (title_box), title);
  if (cr_review_change_get_conflict (change))
    {
      GtkWidget *badge = gtk_label_new (_("Changed here too"));

      gtk_widget_set_tooltip_text (badge, _("The crisis centre changed this too since the export: "
                                            "check before accepting."));
      gtk_widget_add_css_class (badge, "conflict-badge");
      gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
      gtk_box_append (GTK_BOX (title_box), badge);
    }
  gtk_box_append (GTK_BOX (text), title_box);
  gtk_box_append (GTK_BOX (text), diff_grid (change));
  gtk_widget_set_hexpand (text, TRUE);
  gtk_box_append (GTK_BOX (box), text);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  g_ptr_array_add (self->toggles, check);
  return row;
}

/**
 * cr_review_import_dialog_apply:
 *
 * What the Apply button does: the accepted changes in one transaction.
 */
gboolean
cr_review_import_dialog_apply (CrReviewImportDialog *self,
                               GError              **error)
{
  g_autoptr(GError) local_error = NULL;
  guint n_applied = 0;

  g_return_val_if_fail (CR_IS_REVIEW_IMPORT_DIALOG (self), FALSE);

  if (!cr_review_import_apply (self->import, self->store, &n_applied, &local_error))
    {
      gtk_label_set_text (self->error_label, local_error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  g_signal_emit (self, signals[APPLIED], 0, n_applied);
  gtk_window_destroy (GTK_WINDOW (self));
  return TRUE;
}

static void
apply_clicked_cb (CrReviewImportDialog *self)
{
  cr_review_import_dialog_apply (self, NULL);
}

static void
cr_review_import_dialog_dispose (GObject *object)
{
  CrReviewImportDialog *self = CR_REVIEW_IMPORT_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_object (&self->import);
  g_clear_pointer (&self->toggles, g_ptr_array_unref);

  G_OBJECT_CLASS (cr_review_import_dialog_parent_class)->dispose (object);
}

static void
cr_review_import_dialog_class_init (CrReviewImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cr_review_import_dialog_dispose;

  /**
   * CrReviewImportDialog::applied:
   * @n_applied: how many changes were written
   */
  signals[APPLIED] = g_signal_new ("applied", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                                   NULL, G_TYPE_NONE, 1, G_TYPE_UINT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/cr-review-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CrReviewImportDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, CrReviewImportDialog, apply_button);
  gtk_widget_class_bind_template_child (widget_class, CrReviewImportDialog, intro_label);
  gtk_widget_class_bind_template_child (widget_class, CrReviewImportDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, CrReviewImportDialog, changes_list);
  gtk_widget_class_bind_template_callback (widget_class, apply_clicked_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
cr_review_import_dialog_init (CrReviewImportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->toggles = g_ptr_array_new ();
}

/**
 * cr_review_import_dialog_new:
 * @store: the crisis centre's directory
 * @import: the returned review file, compared with @store
 *
 * Returns: (transfer none): the dialog, not shown yet
 */
CrReviewImportDialog *
cr_review_import_dialog_new (GtkWindow      *parent,
                             CrStore        *store,
                             CrReviewImport *import)
{
  CrReviewImportDialog *self;
  GListModel *changes;
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *day = NULL;
  guint n;

  g_return_val_if_fail (CR_IS_STORE (store), NULL);
  g_return_val_if_fail (CR_IS_REVIEW_IMPORT (import), NULL);

  self = g_object_new (CR_TYPE_REVIEW_IMPORT_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->import = g_object_ref (import);

  /* Translators: %s is a partner organisation. */
  title = g_strdup_printf (_("Review of %s"), cr_review_import_get_partner_name (import));
  day = cr_time_format_local (cr_review_import_get_reviewed_at (import), "%d/%m/%Y %H:%M");
  /* Translators: who reviewed a partner's contacts, and when. */
  subtitle = g_strdup_printf (_("By %s on %s"),
                              cr_review_import_get_reviewer (import) ? cr_review_import_get_reviewer (import) : "—",
                              day != NULL ? day : "—");
  adw_window_title_set_title (self->window_title, title);
  adw_window_title_set_subtitle (self->window_title, subtitle);

  changes = cr_review_import_get_changes (import);
  n = g_list_model_get_n_items (changes);
  gtk_label_set_text (self->intro_label,
                      n == 0 ? _("The SPOC changed nothing and confirmed nothing: there is nothing to "
                                 "import.")
                             : _("Each change the SPOC made: the directory’s value before, the SPOC’s "
                                 "after. Untick what you do not accept. A change the crisis centre "
                                 "also made since the export starts unticked."));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CrReviewChange) change = g_list_model_get_item (changes, i);

      gtk_list_box_append (self->changes_list, change_row (self, change));
    }
  gtk_widget_set_visible (GTK_WIDGET (self->changes_list), n > 0);
  update_apply (self);
  return self;
}

/**
 * cr_review_import_dialog_get_import:
 *
 * Returns: (transfer none): the review compared
 */
CrReviewImport *
cr_review_import_dialog_get_import (CrReviewImportDialog *self)
{
  g_return_val_if_fail (CR_IS_REVIEW_IMPORT_DIALOG (self), NULL);

  return self->import;
}

/**
 * cr_review_import_dialog_get_toggle:
 *
 * Returns: (transfer none): the check box of the change at @index
 */
GtkCheckButton *
cr_review_import_dialog_get_toggle (CrReviewImportDialog *self,
                                    guint                 index)
{
  g_return_val_if_fail (CR_IS_REVIEW_IMPORT_DIALOG (self), NULL);
  g_return_val_if_fail (index < self->toggles->len, NULL);

  return g_ptr_array_index (self->toggles, index);
}
