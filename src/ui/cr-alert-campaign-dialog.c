/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cr-alert-campaign-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "cr-a11y.h"
#include "cr-alert-campaign-dialog.h"
#include "cr-labels.h"
#include "cr-store-contacts.h"
#include "cr-ui-utils.h"

/**
 * CrAlertCampaignDialog:
 *
 * What a new alert test is: its name, the channel, the target time, and
 * the partners it covers (all, or a selection). The dialog writes
 * nothing: #CrAlertCampaignDialog::start asks its owner to start the
 * campaign, and the dialog closes when that worked, or stays open with
 * the reason when it did not.
 */
struct _CrAlertCampaignDialog
{
  AdwWindow parent_instance;

  GtkButton *start_button;
  AdwEntryRow *name_row;
  AdwComboRow *channel_row;
  GtkSpinButton *target_spin;
  GtkSwitch *all_switch;
  AdwPreferencesGroup *partners_group;
  GtkLabel *error_label;

  CrStore *store;
  GPtrArray *checks; /* GtkCheckButton, each with its partner's "partner-id" */
};

G_DEFINE_FINAL_TYPE (CrAlertCampaignDialog, cr_alert_campaign_dialog, ADW_TYPE_WINDOW)

enum
{
  START,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gint64
check_partner_id (GtkWidget *check)
{
  return *(gint64 *) g_object_get_data (G_OBJECT (check), "partner-id");
}

static guint
n_chosen (CrAlertCampaignDialog *self)
{
  guint n = 0;

  for (guint i = 0; i < self->checks->len; i++)
    if (gtk_check_button_get_active (g_ptr_array_index (self->checks, i)))
      n++;
  return n;
}

static void
validate_cb (CrAlertCampaignDialog *self)
{
  g_autofree char *name = cr_ui_entry_text (self->name_row);
  gboolean all = gtk_switch_get_active (self->all_switch);

  gtk_widget_set_visible (GTK_WIDGET (self->partners_group), !all);
  gtk_widget_set_sensitive (GTK_WIDGET (self->start_button), *name != '\0' && (all || n_chosen (self) > 0));
}

static void
fill_partners (CrAlertCampaignDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) partners = cr_store_list_partners_by_type (self->store, &error);

  if (partners == NULL)
    {
      cr_alert_campaign_dialog_set_error (self, error->message);
      return;
    }
  for (guint i = 0; i < g_list_model_get_n_items (partners); i++)
    {
      g_autoptr(CrPartner) partner = g_list_model_get_item (partners, i);
      gint64 id = cr_record_get_id (CR_RECORD (partner));
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), cr_partner_get_name (partner));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   cr_partner_type_label (cr_partner_get_partner_type (partner)));
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      cr_partner_get_name (partner), -1);
      g_object_set_data_full (G_OBJECT (check), "partner-id", g_memdup2 (&id, sizeof id), g_free);
      g_signal_connect_swapped (check, "toggled", G_CALLBACK (validate_cb), self);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      adw_preferences_group_add (self->partners_group, row);
      g_ptr_array_add (self->checks, check);
    }
}

static void
start_clicked_cb (CrAlertCampaignDialog *self)
{
  cr_alert_campaign_dialog_start (self);
}

static void
cr_alert_campaign_dialog_dispose (GObject *object)
{
  CrAlertCampaignDialog *self = CR_ALERT_CAMPAIGN_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CR_TYPE_ALERT_CAMPAIGN_DIALOG);
  g_clear_object (&self->store);
  g_clear_pointer (&self->checks, g_ptr_array_unref);

  G_OBJECT_CLASS (cr_alert_campaign_dialog_parent_class)->dispose (object);
}

static void
cr_alert_campaign_dialog_class_init (CrAlertCampaignDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cr_alert_campaign_dialog_dispose;

  /**
   * CrAlertCampaignDialog::start:
   *
   * The user asks to start the campaign; the handler starts it and
   * returns %TRUE, or sets the dialog's error and returns %FALSE.
   */
  signals[START] = g_signal_new ("start", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                 g_signal_accumulator_true_handled, NULL, NULL, G_TYPE_BOOLEAN, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/cr-alert-campaign-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CrAlertCampaignDialog, start_button);
  gtk_widget_class_bind_template_child (widget_class, CrAlertCampaignDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, CrAlertCampaignDialog, channel_row);
  gtk_widget_class_bind_template_child (widget_class, CrAlertCampaignDialog, target_spin);
  gtk_widget_class_bind_template_child (widget_class, CrAlertCampaignDialog, all_switch);
  gtk_widget_class_bind_template_child (widget_class, CrAlertCampaignDialog, partners_group);
  gtk_widget_class_bind_template_child (widget_class, CrAlertCampaignDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, validate_cb);
  gtk_widget_class_bind_template_callback (widget_class, start_clicked_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
cr_alert_campaign_dialog_init (CrAlertCampaignDialog *self)
{
  g_autoptr(GtkStringList) channels = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  cr_a11y_name_mnemonic_buttons (GTK_WIDGET (self));
  self->checks = g_ptr_array_new ();

  for (CrAlertChannel c = CR_ALERT_CHANNEL_PHONE; c <= CR_ALERT_CHANNEL_EMAIL; c++)
    gtk_string_list_append (channels, cr_alert_channel_label (c));
  adw_combo_row_set_model (self->channel_row, G_LIST_MODEL (channels));
}

/**
 * cr_alert_campaign_dialog_new:
 * @name: the name it proposes
 * @target_minutes: the target it proposes (the alert-target-minutes
 *   setting)
 * @parent: (nullable): the window it belongs to
 *
 * Returns: (transfer none): the dialog, not yet shown; it is destroyed
 *   when closed
 */
CrAlertCampaignDialog *
cr_alert_campaign_dialog_new (CrStore    *store,
                              const char *name,
                              guint       target_minutes,
                              GtkWindow  *parent)
{
  CrAlertCampaignDialog *self;

  g_return_val_if_fail (CR_IS_STORE (store), NULL);

  self = g_object_new (CR_TYPE_ALERT_CAMPAIGN_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  fill_partners (self);
  cr_alert_campaign_dialog_set_name (self, name);
  cr_alert_campaign_dialog_set_target (self, target_minutes);
  validate_cb (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
  return self;
}

void
cr_alert_campaign_dialog_set_name (CrAlertCampaignDialog *self,
                                   const char            *name)
{
  g_return_if_fail (CR_IS_ALERT_CAMPAIGN_DIALOG (self));

  gtk_editable_set_text (GTK_EDITABLE (self->name_row), name != NULL ? name : "");
}

const char *
cr_alert_campaign_dialog_get_name (CrAlertCampaignDialog *self)
{
  g_return_val_if_fail (CR_IS_ALERT_CAMPAIGN_DIALOG (self), NULL);

  return gtk_editable_get_text (GTK_EDITABLE (self->name_row));
}

void
cr_alert_campaign_dialog_set_channel (CrAlertCampaignDialog *self,
                                      CrAlertChannel         channel)
{
  g_return_if_fail (CR_IS_ALERT_CAMPAIGN_DIALOG (self));

  adw_combo_row_set_selected (self->channel_row, (guint) channel);
}

CrAlertChannel
cr_alert_campaign_dialog_get_channel (CrAlertCampaignDialog *self)
{
  guint selected;

  g_return_val_if_fail (CR_IS_ALERT_CAMPAIGN_DIALOG (self), CR_ALERT_CHANNEL_PHONE);

  selected = adw_combo_row_get_selected (self->channel_row);
  return selected <= CR_ALERT_CHANNEL_EMAIL ? (CrAlertChannel) selected : CR_ALERT_CHANNEL_PHONE;
}

void
cr_alert_campaign_dialog_set_target (CrAlertCampaignDialog *self,
                                     guint                  minutes)
{
  g_return_if_fail (CR_IS_ALERT_CAMPAIGN_DIALOG (self));

  gtk_spin_button_set_value (self->target_spin, minutes);
}

guint
cr_alert_campaign_dialog_get_target (CrAlertCampaignDialog *self)
{
  g_return_val_if_fail (CR_IS_ALERT_CAMPAIGN_DIALOG (self), 0);

  return (guint) gtk_spin_button_get_value_as_int (self->target_spin);
}

/* Every partner (TRUE), or the ones chosen. */
void
cr_alert_campaign_dialog_set_all (CrAlertCampaignDialog *self,
                                  gboolean               all)
{
  g_return_if_fail (CR_IS_ALERT_CAMPAIGN_DIALOG (self));

  gtk_switch_set_active (self->all_switch, all);
}

void
cr_alert_campaign_dialog_set_partner (CrAlertCampaignDialog *self,
                                      gint64                 partner_id,
                                      gboolean               chosen)
{
  g_return_if_fail (CR_IS_ALERT_CAMPAIGN_DIALOG (self));

  for (guint i = 0; i < self->checks->len; i++)
    if (check_partner_id (g_ptr_array_index (self->checks, i)) == partner_id)
      gtk_check_button_set_active (g_ptr_array_index (self->checks, i), chosen);
}

/**
 * cr_alert_campaign_dialog_get_partners:
 *
 * Returns: (transfer full) (element-type gint64): the partners chosen,
 *   empty for every partner
 */
GArray *
cr_alert_campaign_dialog_get_partners (CrAlertCampaignDialog *self)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  g_return_val_if_fail (CR_IS_ALERT_CAMPAIGN_DIALOG (self), ids);

  if (gtk_switch_get_active (self->all_switch))
    return ids;
  for (guint i = 0; i < self->checks->len; i++)
    {
      GtkWidget *check = g_ptr_array_index (self->checks, i);
      gint64 id = check_partner_id (check);

      if (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)))
        g_array_append_val (ids, id);
    }
  return ids;
}

/**
 * cr_alert_campaign_dialog_start:
 *
 * What the start button does: checks the form, asks the owner to start
 * the campaign, and closes when it started.
 *
 * Returns: %TRUE when the campaign started
 */
gboolean
cr_alert_campaign_dialog_start (CrAlertCampaignDialog *self)
{
  g_autofree char *name = NULL;
  gboolean started = FALSE;

  g_return_val_if_fail (CR_IS_ALERT_CAMPAIGN_DIALOG (self), FALSE);

  name = cr_ui_entry_text (self->name_row);
  if (*name == '\0')
    {
      cr_alert_campaign_dialog_set_error (self, _("Name the alert test, e.g. “Alert test March”."));
      return FALSE;
    }
  if (!gtk_switch_get_active (self->all_switch) && n_chosen (self) == 0)
    {
      cr_alert_campaign_dialog_set_error (self, _("Choose the partners to test, or test them all."));
      return FALSE;
    }
  cr_alert_campaign_dialog_set_error (self, NULL);
  g_signal_emit (self, signals[START], 0, &started);
  if (started)
    gtk_window_close (GTK_WINDOW (self));
  return started;
}

void
cr_alert_campaign_dialog_set_error (CrAlertCampaignDialog *self,
                                    const char            *message)
{
  g_return_if_fail (CR_IS_ALERT_CAMPAIGN_DIALOG (self));

  cr_ui_show_error_label (self->error_label, message);
}

/**
 * cr_alert_campaign_dialog_get_error:
 *
 * Returns: (nullable): the message the dialog shows, or %NULL
 */
const char *
cr_alert_campaign_dialog_get_error (CrAlertCampaignDialog *self)
{
  g_return_val_if_fail (CR_IS_ALERT_CAMPAIGN_DIALOG (self), NULL);

  if (!gtk_widget_get_visible (GTK_WIDGET (self->error_label)))
    return NULL;
  return gtk_label_get_text (self->error_label);
}
