/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cr-review-window"

#include "config.h"

#include <glib/gi18n.h>

#include "cr-a11y.h"
#include "cr-contact-cards.h"
#include "cr-directory-edit.h"
#include "cr-review-window.h"
#include "cr-store-contacts.h"
#include "cr-time.h"
#include "cr-ui-utils.h"

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
  adw_toast_overlay_add_toast (self->toast_overlay, cr_ui_error_toast_new (message, 0));
}

typedef struct
{
  CrReviewSession *session;
  GDateTime *stale_before;
  guint n;
  guint n_confirmed;
} CardsFill;

static GtkWidget *
make_card_cb (CrContact *contact,
              int        rank,
              guint      chain_length,
              gpointer   user_data)
{
  CardsFill *fill = user_data;
  gboolean confirmed = cr_review_session_is_confirmed (fill->session, cr_record_get_id (CR_RECORD (contact)));

  fill->n++;
  fill->n_confirmed += confirmed;
  return cr_contact_card_new (contact, rank, chain_length, fill->stale_before,
                              CR_CONTACT_CARD_EDITABLE | CR_CONTACT_CARD_REVIEW |
                              (confirmed ? CR_CONTACT_CARD_CONFIRMED : 0));
}

static void
fill (CrReviewWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = cr_time_now_utc ();
  g_autoptr(GDateTime) stale_before = g_date_time_add_days (now, -(int) self->period_days);
  CardsFill fill = { self->session, stale_before, 0, 0 };
  g_autofree char *status = NULL;

  if (!cr_contact_cards_fill (self->chain_box, self->others_box, self->store,
                              cr_review_session_get_partner_id (self->session), make_card_cb, &fill, &error))
    {
      show_error (self, error->message);
      return;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->chain_empty),
                          gtk_widget_get_first_child (GTK_WIDGET (self->chain_box)) == NULL);

  status = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u contact confirmed.",
                                         "%u of %u contacts confirmed.", fill.n),
                            fill.n_confirmed, fill.n);
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
  g_autofree char *name = cr_ui_entry_text (self->reviewer_row);

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
  CrContactEditor *editor;

  g_return_val_if_fail (CR_IS_REVIEW_WINDOW (self), NULL);

  editor = cr_contact_editor_new_for_id (GTK_WINDOW (self), self->history,
                                         cr_review_session_get_partner_id (self->session), contact_id, &error);
  if (editor == NULL)
    {
      show_error (self, error->message);
      return NULL;
    }
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
contact_removed_cb (GtkWidget    *widget,
                    const GError *error)
{
  if (error != NULL)
    show_error (CR_REVIEW_WINDOW (widget), error->message);
}

static void
remove_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  CrReviewWindow *self = CR_REVIEW_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (!cr_contact_cards_ask_remove (widget, GTK_WINDOW (self), self->history, g_variant_get_int64 (parameter),
                                    _("Remove a contact who no longer works for your organisation or "
                                      "is no longer to be called. The crisis centre sees the removal "
                                      "before accepting it."),
                                    contact_removed_cb, &error))
    show_error (self, error->message);
}

static void
chain_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  CrReviewWindow *self = CR_REVIEW_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (!cr_contact_cards_chain_action (self->history, cr_review_session_get_partner_id (self->session),
                                      g_variant_get_int64 (parameter), action_name, &error))
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

  cr_contact_cards_install_actions (widget_class, confirm_activated, edit_activated, remove_activated,
                                    chain_activated);
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
  cr_a11y_name_mnemonic_buttons (GTK_WIDGET (self));
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
