/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cr-review-window"

#include "config.h"

#include <glib/gi18n.h>

#include "cr-contact-card.h"
#include "cr-directory-edit.h"
#include "cr-review-window.h"
#include "cr-store-contacts.h"
#include "cr-time.h"

/**
 * CrReviewWindow:
 *
 * `crisis-room --review FILE` at a partner's SPOC: that one partner's
 * contacts, and nothing else — no events, no map, no other partner (the
 * session's store holds nothing else). The SPOC corrects a contact, adds
 * or removes one, reorders the deputies, and confirms each contact that
 * is right; every change is saved into the review file at once, which
 * the SPOC then sends back to the crisis centre.
 */
struct _CrReviewWindow
{
  AdwApplicationWindow parent_instance;

  AdwToastOverlay *toast_overlay;
  AdwWindowTitle *window_title;
  GtkLabel *partner_label;
  GtkLabel *intro_label;
  GtkLabel *status_label;
  AdwEntryRow *reviewer_row;
  GtkLabel *chain_empty;
  GtkBox *chain_box;
  GtkBox *others_box;

  CrReviewSession *session;
  CrStore *store;
  CrHistory *history;
  guint refresh_id;
  guint period_days;
};

G_DEFINE_FINAL_TYPE (CrReviewWindow, cr_review_window, ADW_TYPE_APPLICATION_WINDOW)

#define DEFAULT_PERIOD_DAYS 180

static void
show_error (CrReviewWindow *self,
            const char     *message)
{
  AdwToast *toast = adw_toast_new ("");
  GtkWidget *label = gtk_label_new (message);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 60);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  adw_toast_set_custom_title (toast, label);
  adw_toast_set_timeout (toast, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
remove_children (GtkBox *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))) != NULL)
    gtk_box_remove (box, child);
}

static void
fill (CrReviewWindow *self)
{
  gint64 partner_id = cr_review_session_get_partner_id (self->session);
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) contacts = cr_store_list_partner_contacts (self->store, partner_id, &error);
  g_autoptr(GArray) chain = cr_directory_get_chain (self->store, partner_id, NULL);
  g_autoptr(GDateTime) now = cr_time_now_utc ();
  g_autoptr(GDateTime) stale_before = g_date_time_add_days (now, -(int) self->period_days);
  g_autofree char *status = NULL;
  guint n, n_confirmed = 0;

  remove_children (self->chain_box);
  remove_children (self->others_box);
  if (contacts == NULL || chain == NULL)
    {
      if (error != NULL)
        show_error (self, error->message);
      return;
    }
  n = g_list_model_get_n_items (contacts);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CrContact) contact = g_list_model_get_item (contacts, i);
      gint64 id = cr_record_get_id (CR_RECORD (contact));
      gboolean confirmed = cr_review_session_is_confirmed (self->session, id);
      int rank = -1;

      for (guint j = 0; j < chain->len; j++)
        if (g_array_index (chain, gint64, j) == id)
          rank = (int) j;
      n_confirmed += confirmed;
      gtk_box_append (rank >= 0 ? self->chain_box : self->others_box,
                      cr_contact_card_new (contact, rank, chain->len, stale_before,
                                           CR_CONTACT_CARD_EDITABLE | CR_CONTACT_CARD_REVIEW |
                                           (confirmed ? CR_CONTACT_CARD_CONFIRMED : 0)));
    }
  gtk_widget_set_visible (GTK_WIDGET (self->chain_empty), chain->len == 0);

  status = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u contact confirmed.",
                                         "%u of %u contacts confirmed.", n),
                            n_confirmed, n);
  gtk_label_set_text (self->status_label, status);
}

/**
 * cr_review_window_save:
 *
 * Writes the review into the file, as every change does.
 */
gboolean
cr_review_window_save (CrReviewWindow *self,
                       GError        **error)
{
  g_return_val_if_fail (CR_IS_REVIEW_WINDOW (self), FALSE);

  return cr_review_session_save (self->session, NULL, error);
}

/* After every change: the file holds it at once (nothing unsaved), and
 * the cards show it. */
static gboolean
refresh_cb (gpointer user_data)
{
  CrReviewWindow *self = user_data;
  g_autoptr(GError) error = NULL;

  self->refresh_id = 0;
  if (!cr_review_window_save (self, &error))
    show_error (self, error->message);
  fill (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_refresh (CrReviewWindow *self)
{
  if (self->refresh_id == 0)
    self->refresh_id = g_idle_add (refresh_cb, self);
}

static void
store_changed_cb (CrReviewWindow *self)
{
  schedule_refresh (self);
}

static void
reviewer_apply_cb (CrReviewWindow *self)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->reviewer_row))));

  if (*name == '\0')
    {
      gtk_editable_set_text (GTK_EDITABLE (self->reviewer_row), cr_review_session_get_reviewer (self->session));
      show_error (self, _("Write your name: the crisis centre sees it beside your confirmations."));
      return;
    }
  cr_review_session_set_reviewer (self->session, name);
  schedule_refresh (self);
}

/* ---- Actions ---- */

static void
confirm_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  CrReviewWindow *self = CR_REVIEW_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (!cr_review_session_confirm (self->session, g_variant_get_int64 (parameter), NULL, &error))
    show_error (self, error->message);
  schedule_refresh (self);
}

static void
confirm_all_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  CrReviewWindow *self = CR_REVIEW_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (!cr_review_session_confirm_all (self->session, NULL, &error))
    show_error (self, error->message);
  else
    adw_toast_overlay_add_toast (self->toast_overlay,
                                 adw_toast_new (_("Every contact confirmed and saved in the review file")));
  schedule_refresh (self);
}

static void
editor_saved_cb (CrReviewWindow *self)
{
  schedule_refresh (self);
}

/**
 * cr_review_window_edit_contact:
 * @contact_id: the contact, or 0 to add one
 *
 * Returns: (transfer none): the contact editor, shown
 */
CrContactEditor *
cr_review_window_edit_contact (CrReviewWindow *self,
                               gint64          contact_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrContact) contact = NULL;
  CrContactEditor *editor;

  g_return_val_if_fail (CR_IS_REVIEW_WINDOW (self), NULL);

  if (contact_id != 0 && (contact = cr_store_get (self->store, CR_TYPE_CONTACT, contact_id, &error)) == NULL)
    {
      show_error (self, error->message);
      return NULL;
    }
  editor = cr_contact_editor_new (GTK_WINDOW (self), self->history,
                                  cr_review_session_get_partner_id (self->session), contact);
  g_signal_connect_object (editor, "saved", G_CALLBACK (editor_saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (editor));
  return editor;
}

static void
edit_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  cr_review_window_edit_contact (CR_REVIEW_WINDOW (widget), g_variant_get_int64 (parameter));
}

static void
add_contact_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  cr_review_window_edit_contact (CR_REVIEW_WINDOW (widget), 0);
}

static void
remove_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    CrReviewWindow   *self)
{
  gint64 *id = g_object_get_data (G_OBJECT (dialog), "cr-contact");
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "remove") != 0)
    return;
  if (!cr_directory_remove_contact (self->history, *id, &error))
    show_error (self, error->message);
}

static void
remove_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  CrReviewWindow *self = CR_REVIEW_WINDOW (widget);
  gint64 id = g_variant_get_int64 (parameter);
  g_autoptr(GError) error = NULL;
  g_autoptr(CrContact) contact = cr_store_get (self->store, CR_TYPE_CONTACT, id, &error);
  g_autofree char *heading = NULL;
  AdwMessageDialog *dialog;

  if (contact == NULL)
    {
      show_error (self, error->message);
      return;
    }
  /* Translators: %s is a contact's name. */
  heading = g_strdup_printf (_("Remove %s?"), cr_contact_get_name (contact));
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), heading,
                                                       _("Remove a contact who no longer works for "
                                                         "your organisation or is no longer to be "
                                                         "called. The crisis centre sees the removal "
                                                         "before accepting it.")));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "remove", _("_Remove"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "remove", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "cr-contact", g_memdup2 (&id, sizeof id), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (remove_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
chain_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  CrReviewWindow *self = CR_REVIEW_WINDOW (widget);
  gint64 id = g_variant_get_int64 (parameter);
  gint64 partner_id = cr_review_session_get_partner_id (self->session);
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (g_str_equal (action_name, "contacts.move-up"))
    ok = cr_directory_move_in_chain (self->history, partner_id, id, -1, &error);
  else if (g_str_equal (action_name, "contacts.move-down"))
    ok = cr_directory_move_in_chain (self->history, partner_id, id, 1, &error);
  else if (g_str_equal (action_name, "contacts.make-spoc"))
    ok = cr_directory_set_role (self->history, partner_id, id, CR_CHAIN_ROLE_SPOC, &error);
  else if (g_str_equal (action_name, "contacts.make-deputy"))
    ok = cr_directory_set_role (self->history, partner_id, id, CR_CHAIN_ROLE_DEPUTY, &error);
  else
    ok = cr_directory_set_role (self->history, partner_id, id, CR_CHAIN_ROLE_NONE, &error);
  if (!ok)
    show_error (self, error->message);
}

static void
undo_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  CrReviewWindow *self = CR_REVIEW_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  gboolean undo = g_str_equal (action_name, "win.undo");

  if (!(undo ? cr_history_undo (self->history, &error) : cr_history_redo (self->history, &error)))
    show_error (self, error->message);
}

static void
update_undo (CrReviewWindow *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo", cr_history_can_undo (self->history));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo", cr_history_can_redo (self->history));
}

/* ---- Class ---- */

static void
cr_review_window_dispose (GObject *object)
{
  CrReviewWindow *self = CR_REVIEW_WINDOW (object);

  /* What is pending goes into the file before the window goes. */
  if (self->refresh_id != 0)
    {
      g_autoptr(GError) error = NULL;

      g_clear_handle_id (&self->refresh_id, g_source_remove);
      if (!cr_review_session_save (self->session, NULL, &error))
        g_warning ("%s", error->message);
    }
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  if (self->history != NULL)
    g_signal_handlers_disconnect_by_data (self->history, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), CR_TYPE_REVIEW_WINDOW);
  g_clear_object (&self->history);
  g_clear_object (&self->store);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (cr_review_window_parent_class)->dispose (object);
}

static void
cr_review_window_class_init (CrReviewWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  const char *const chain_actions[] = {
    "contacts.move-up", "contacts.move-down", "contacts.make-spoc", "contacts.make-deputy",
    "contacts.leave-chain",
  };

  object_class->dispose = cr_review_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/cr-review-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CrReviewWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, CrReviewWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, CrReviewWindow, partner_label);
  gtk_widget_class_bind_template_child (widget_class, CrReviewWindow, intro_label);
  gtk_widget_class_bind_template_child (widget_class, CrReviewWindow, status_label);
  gtk_widget_class_bind_template_child (widget_class, CrReviewWindow, reviewer_row);
  gtk_widget_class_bind_template_child (widget_class, CrReviewWindow, chain_empty);
  gtk_widget_class_bind_template_child (widget_class, CrReviewWindow, chain_box);
  gtk_widget_class_bind_template_child (widget_class, CrReviewWindow, others_box);
  gtk_widget_class_bind_template_callback (widget_class, reviewer_apply_cb);

  gtk_widget_class_install_action (widget_class, "contacts.confirm", "x", confirm_activated);
  gtk_widget_class_install_action (widget_class, "contacts.edit", "x", edit_activated);
  gtk_widget_class_install_action (widget_class, "contacts.remove", "x", remove_activated);
  for (guint i = 0; i < G_N_ELEMENTS (chain_actions); i++)
    gtk_widget_class_install_action (widget_class, chain_actions[i], "x", chain_activated);
  gtk_widget_class_install_action (widget_class, "win.confirm-all", NULL, confirm_all_activated);
  gtk_widget_class_install_action (widget_class, "win.add-contact", NULL, add_contact_activated);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_activated);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, undo_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "win.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "win.add-contact", NULL);
}

static void
cr_review_window_init (CrReviewWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->period_days = DEFAULT_PERIOD_DAYS;
}

/**
 * cr_review_window_new:
 * @session: the review file, opened
 *
 * Returns: (transfer none): the window
 */
CrReviewWindow *
cr_review_window_new (GtkApplication  *application,
                      CrReviewSession *session)
{
  CrReviewWindow *self;
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *intro = NULL;
  g_autofree char *exported = NULL;
  g_autofree char *basename = NULL;
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  g_return_val_if_fail (GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (CR_IS_REVIEW_SESSION (session), NULL);

  self = g_object_new (CR_TYPE_REVIEW_WINDOW, "application", application, NULL);
  self->session = g_object_ref (session);
  self->store = g_object_ref (cr_review_session_get_store (session));
  self->history = cr_history_new (self->store);
  g_signal_connect_swapped (self->history, "notify", G_CALLBACK (update_undo), self);
  update_undo (self);
  g_signal_connect_object (self->store, "changed", G_CALLBACK (store_changed_cb), self, G_CONNECT_SWAPPED);

  /* The review period where this machine has Crisis Room's settings. */
  if (source != NULL && (schema = g_settings_schema_source_lookup (source, APP_ID, TRUE)) != NULL &&
      g_settings_schema_has_key (schema, "review-period-days"))
    {
      g_autoptr(GSettings) settings = g_settings_new_full (schema, NULL, NULL);

      self->period_days = g_settings_get_uint (settings, "review-period-days");
    }

  /* Translators: %s is a partner organisation. */
  title = g_strdup_printf (_("Review of %s"), cr_review_session_get_partner_name (session));
  exported = cr_time_format_local (cr_review_session_get_exported_at (session), "%d/%m/%Y");
  /* Translators: who sent the review file, and when. */
  subtitle = g_strdup_printf (_("Sent by %s on %s"),
                              cr_review_session_get_exported_by (session) != NULL
                                ? cr_review_session_get_exported_by (session) : _("the crisis centre"),
                              exported != NULL ? exported : "—");
  adw_window_title_set_title (self->window_title, _("Crisis Contacts Review"));
  adw_window_title_set_subtitle (self->window_title, subtitle);
  gtk_window_set_title (GTK_WINDOW (self), title);
  gtk_label_set_text (self->partner_label, cr_review_session_get_partner_name (session));
  basename = g_path_get_basename (cr_review_session_get_path (session));
  intro = g_strdup_printf (_("The crisis centre asks you to check your organisation’s crisis "
                             "contacts. Correct what is wrong with a contact’s edit button, add who "
                             "is missing, put the SPOC and deputies in the order to call them, then "
                             "confirm each contact that is right. Every change is saved in “%s” at "
                             "once: send that file back to the crisis centre when you are done."),
                           basename);
  gtk_label_set_text (self->intro_label, intro);
  gtk_editable_set_text (GTK_EDITABLE (self->reviewer_row), cr_review_session_get_reviewer (session));
  fill (self);
  return self;
}

/**
 * cr_review_window_get_session:
 *
 * Returns: (transfer none): the review shown
 */
CrReviewSession *
cr_review_window_get_session (CrReviewWindow *self)
{
  g_return_val_if_fail (CR_IS_REVIEW_WINDOW (self), NULL);

  return self->session;
}
