/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cr-alert-row"

#include "config.h"

#include <glib/gi18n.h>

#include "cr-a11y.h"
#include "cr-alert-row.h"
#include "cr-labels.h"
#include "cr-phone.h"

/**
 * CrAlertRow:
 *
 * One partner of an alert test, as a stopwatch: who to call and their
 * numbers, "Calling… 02:41" while the phone rings, who answered and how
 * long it took. The buttons activate the page's `alerts.*` actions with
 * the partner's id; the row itself writes nothing and keeps no state:
 * cr_alert_row_update() tells it everything.
 */
struct _CrAlertRow
{
  GtkListBoxRow parent_instance;

  GtkImage *icon;
  GtkLabel *name_label;
  GtkLabel *status_label;
  GtkLabel *callee_label;
  GtkFlowBox *links_box;
  GtkLabel *history_label;
  GtkLabel *next_label;
  GtkLabel *time_label;
  GtkBox *buttons_box;
  GtkButton *call_button;
  GtkButton *answered_button;
  GtkButton *no_answer_button;
  GtkButton *give_up_button;
  GtkButton *confirmed_button;
  GtkButton *not_confirmed_button;
  GtkButton *back_button;

  gint64 partner_id;
  GDateTime *first_call; /* what the stopwatch counts from, while calling */
  GDateTime *call_started; /* the current call's start */
  char *callee; /* "Bram Voorbeeld (deputy 1)" while calling */
  GPtrArray *links; /* the URIs links_box shows */
  int state; /* the State shown, or -1 */
  guint settle_id;
  CrAlertChannel channel;
  guint target_minutes;
  gboolean calling;
};

G_DEFINE_FINAL_TYPE (CrAlertRow, cr_alert_row, GTK_TYPE_LIST_BOX_ROW)

typedef enum
{
  STATE_NOT_CALLED,
  STATE_CALLING,
  STATE_ANSWERED, /* waiting for the operator to say whether it was confirmed */
  STATE_DONE,
} State;

/* ---- Formatting ---- */

/**
 * cr_alert_format_stopwatch:
 *
 * Returns: (transfer full): "00:42", "12:05", "1:02:03"
 */
char *
cr_alert_format_stopwatch (GTimeSpan span)
{
  gint64 seconds = MAX (span, 0) / G_TIME_SPAN_SECOND;

  if (seconds >= 3600)
    return g_strdup_printf ("%d:%02d:%02d", (int) (seconds / 3600), (int) (seconds / 60 % 60),
                            (int) (seconds % 60));
  return g_strdup_printf ("%02d:%02d", (int) (seconds / 60), (int) (seconds % 60));
}

/**
 * cr_alert_format_duration:
 *
 * Returns: (transfer full): a response time in words: "42 s",
 *   "4 min 12 s", "1 h 05 min"
 */
char *
cr_alert_format_duration (GTimeSpan span)
{
  gint64 seconds = MAX (span, 0) / G_TIME_SPAN_SECOND;

  if (seconds < 60)
    /* Translators: a duration in seconds */
    return g_strdup_printf (_("%d s"), (int) seconds);
  if (seconds < 3600)
    /* Translators: a duration in minutes and seconds, e.g. "4 min 05 s" */
    return g_strdup_printf (_("%d min %02d s"), (int) (seconds / 60), (int) (seconds % 60));
  /* Translators: a duration in hours and minutes, e.g. "1 h 05 min" */
  return g_strdup_printf (_("%d h %02d min"), (int) (seconds / 3600), (int) (seconds / 60 % 60));
}

/* ---- Who is called ---- */

static int
chain_rank (GListModel *chain,
            gint64      contact_id)
{
  for (guint i = 0; chain != NULL && i < g_list_model_get_n_items (chain); i++)
    {
      g_autoptr(CrRecord) contact = g_list_model_get_item (chain, i);

      if (cr_record_get_id (contact) == contact_id)
        return (int) i;
    }
  return -1;
}

static CrContact *
find_contact (const CrAlertRowState *state,
              gint64                 contact_id)
{
  return contact_id > 0 && state->contacts != NULL ? g_hash_table_lookup (state->contacts, &contact_id) : NULL;
}

/* "SPOC", "Deputy 2", or nothing for a contact out of the chain. */
static char *
rank_label (int rank)
{
  if (rank == 0)
    return g_strdup (_("SPOC"));
  if (rank > 0)
    return g_strdup_printf (_("Deputy %d"), rank);
  return NULL;
}

/* "Alice Exemple (SPOC)" */
static char *
describe_contact (const CrAlertRowState *state,
                  gint64                 contact_id)
{
  CrContact *contact = find_contact (state, contact_id);
  g_autofree char *rank = rank_label (chain_rank (state->chain, contact_id));
  const char *name = contact != NULL ? cr_contact_get_name (contact) : _("a former contact");

  if (rank == NULL)
    return g_strdup (name);
  /* Translators: a contact's name and place in the SPOC chain, e.g. "Alice Exemple (SPOC)" */
  return g_strdup_printf (_("%s (%s)"), name, rank);
}

/* The next contact of the chain not called yet, or 0. */
static gint64
next_in_chain (const CrAlertRowState *state)
{
  for (guint i = 0; i < g_list_model_get_n_items (state->chain); i++)
    {
      g_autoptr(CrRecord) contact = g_list_model_get_item (state->chain, i);
      gboolean called = FALSE;

      for (guint j = 0; j < g_list_model_get_n_items (state->calls) && !called; j++)
        {
          g_autoptr(CrAlertTest) call = g_list_model_get_item (state->calls, j);

          called = cr_alert_test_get_contact_id (call) == cr_record_get_id (contact);
        }
      if (!called)
        return cr_record_get_id (contact);
    }
  return 0;
}

static void
launched_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GtkWidget) link = user_data;
  g_autoptr(GError) error = NULL;

  if (!g_app_info_launch_default_for_uri_finish (result, &error))
    {
      const char *number = g_object_get_data (G_OBJECT (link), "number");
      GtkWidget *overlay = gtk_widget_get_ancestor (link, ADW_TYPE_TOAST_OVERLAY);
      g_autofree char *text = NULL;

      /* A crisis-room PC often has no softphone: the number goes to the
       * clipboard, for the desk phone or a softphone to paste. */
      gdk_clipboard_set_text (gtk_widget_get_clipboard (link), number);
      /* Translators: %s is a phone number or an e-mail address */
      text = g_strdup_printf (_("No application here can call or write to %s: it is copied, paste it where "
                                "you call from."), number);
      g_debug ("Cannot open %s: %s", gtk_link_button_get_uri (GTK_LINK_BUTTON (link)), error->message);
      if (overlay != NULL)
        adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (text));
    }
}

/* tel: and mailto: go to the system's handler; without one, GTK would
 * show an error dialog that helps nobody in the middle of a call. */
static gboolean
activate_link_cb (GtkLinkButton *link,
                  gpointer       user_data)
{
  g_autoptr(GAppLaunchContext) context = NULL;

  context = G_APP_LAUNCH_CONTEXT (gdk_display_get_app_launch_context (gtk_widget_get_display (GTK_WIDGET (link))));
  g_app_info_launch_default_for_uri_async (gtk_link_button_get_uri (link), context, NULL, launched_cb,
                                           g_object_ref (link));
  return TRUE;
}

static void
add_link (CrAlertRow *self,
          const char *kind,
          const char *text,
          const char *uri)
{
  /* Translators: a phone number or address with its kind, e.g. "24/7: +32 2 000 00 74" */
  g_autofree char *label = g_strdup_printf (_("%s: %s"), kind, text);
  GtkWidget *widget;

  if (uri != NULL)
    {
      widget = gtk_link_button_new_with_label (uri, label);
      gtk_widget_set_tooltip_text (widget, uri);
      g_object_set_data_full (G_OBJECT (widget), "number", g_strdup (text), g_free);
      g_signal_connect (widget, "activate-link", G_CALLBACK (activate_link_cb), NULL);
      g_ptr_array_add (self->links, g_strdup (uri));
    }
  else
    {
      /* Translators: a number a phone cannot dial, shown as typed for the operator to read */
      g_autofree char *invalid = g_strdup_printf (_("%s (not a valid number)"), label);

      widget = gtk_label_new (invalid);
      gtk_label_set_selectable (GTK_LABEL (widget), TRUE);
      gtk_widget_add_css_class (widget, "warning");
    }
  gtk_widget_set_halign (widget, GTK_ALIGN_START);
  gtk_flow_box_append (self->links_box, widget);
  /* The link takes the focus, not the flow box's cell around it. */
  gtk_widget_set_focusable (gtk_widget_get_parent (widget), FALSE);
}

/* The numbers to call (or the address to write to), most reachable
 * first: the 24/7 number, the mobile, the office; as many on a line as
 * the row's width allows. */
static void
show_links (CrAlertRow            *self,
            const CrAlertRowState *state,
            CrContact             *contact)
{
  static const struct
  {
    CrPhoneField field;
    const char *label;
  } order[] = {
    /* Short: three of them share a line. */
    { CR_PHONE_FIELD_24_7, N_("24/7") },
    { CR_PHONE_FIELD_MOBILE, N_("Mobile") },
    { CR_PHONE_FIELD_OFFICE, N_("Office") },
  };
  GtkWidget *child;

  g_ptr_array_set_size (self->links, 0);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->links_box))) != NULL)
    gtk_flow_box_remove (self->links_box, child);
  if (contact != NULL && state->channel == CR_ALERT_CHANNEL_EMAIL && cr_contact_get_email (contact) != NULL &&
      *cr_contact_get_email (contact) != '\0')
    {
      g_autofree char *uri = g_strconcat ("mailto:", cr_contact_get_email (contact), NULL);

      add_link (self, _("E-mail"), cr_contact_get_email (contact), uri);
    }
  for (guint i = 0; contact != NULL && i < G_N_ELEMENTS (order); i++)
    {
      const char *typed = cr_phone_field_get (contact, order[i].field);
      g_autofree char *uri = NULL;
      g_autofree char *text = NULL;

      if (typed == NULL || *typed == '\0')
        continue;
      /* An SMS goes to a mobile. */
      if (state->channel == CR_ALERT_CHANNEL_SMS && !cr_phone_is_mobile (typed))
        continue;
      uri = cr_phone_to_uri (typed);
      text = cr_phone_format (typed);
      add_link (self, _(order[i].label), text ? text : typed, uri);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->links_box),
                          gtk_widget_get_first_child (GTK_WIDGET (self->links_box)) != NULL);
}

static void
set_label (GtkLabel   *label,
           const char *text)
{
  gtk_label_set_text (label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (label), text != NULL && *text != '\0');
}

static void
show_buttons (CrAlertRow *self,
              State       state,
              gboolean    can_call)
{
  gtk_widget_set_visible (GTK_WIDGET (self->call_button), state == STATE_NOT_CALLED && can_call);
  gtk_widget_set_visible (GTK_WIDGET (self->answered_button), state == STATE_CALLING);
  gtk_widget_set_visible (GTK_WIDGET (self->no_answer_button), state == STATE_CALLING);
  gtk_widget_set_visible (GTK_WIDGET (self->give_up_button), state == STATE_NOT_CALLED || state == STATE_CALLING);
  gtk_widget_set_visible (GTK_WIDGET (self->confirmed_button), state == STATE_ANSWERED);
  gtk_widget_set_visible (GTK_WIDGET (self->not_confirmed_button), state == STATE_ANSWERED);
  gtk_widget_set_visible (GTK_WIDGET (self->back_button), state == STATE_ANSWERED);
  gtk_widget_set_visible (GTK_WIDGET (self->buttons_box), state != STATE_DONE);
}

static gboolean
settle_cb (gpointer user_data)
{
  CrAlertRow *self = user_data;

  self->settle_id = 0;
  gtk_widget_set_sensitive (GTK_WIDGET (self->buttons_box), TRUE);
  return G_SOURCE_REMOVE;
}

/* "Call SPOC", then "Answered" in the same place: a double click must
 * not record an answer at 00:00. The buttons of a new state wait a
 * moment before they take clicks. */
static void
settle_buttons (CrAlertRow *self,
                State       state)
{
  if (self->state == (int) state)
    return;
  if (self->state >= 0)
    {
      gtk_widget_set_sensitive (GTK_WIDGET (self->buttons_box), FALSE);
      g_clear_handle_id (&self->settle_id, g_source_remove);
      self->settle_id = g_timeout_add (600, settle_cb, self);
    }
  self->state = (int) state;
}

static void
set_style (GtkWidget  *widget,
           const char *style)
{
  static const char *const styles[] = { "success", "warning", "error", "accent", "dim-label" };

  for (guint i = 0; i < G_N_ELEMENTS (styles); i++)
    gtk_widget_remove_css_class (widget, styles[i]);
  if (style != NULL)
    gtk_widget_add_css_class (widget, style);
}

static void
set_time_style (CrAlertRow *self,
                const char *style)
{
  set_style (GTK_WIDGET (self->time_label), style);
}

static void
set_time (CrAlertRow *self,
          const char *text)
{
  set_label (self->time_label, text);
}

/* The icon says how the partner's part went, in the same colours. */
static void
set_icon (CrAlertRow *self,
          const char *icon_name,
          const char *style)
{
  gtk_image_set_from_icon_name (self->icon, icon_name);
  set_style (GTK_WIDGET (self->icon), style);
}

/* While calling: the time since the partner's first call, which is what
 * the response time will be, and whether it is past the target. */
static void
update_stopwatch (CrAlertRow *self,
                  GDateTime  *now)
{
  GTimeSpan elapsed = g_date_time_difference (now, self->first_call);
  g_autofree char *clock = cr_alert_format_stopwatch (elapsed);
  g_autofree char *status = NULL;

  if (self->channel == CR_ALERT_CHANNEL_PHONE)
    /* Translators: the stopwatch while the phone rings, e.g. "Calling Alice Exemple (SPOC)… 00:42" */
    status = g_strdup_printf (_("Calling %s… %s"), self->callee, clock);
  else
    /* Translators: the stopwatch while waiting for a reply to an SMS or e-mail */
    status = g_strdup_printf (_("Waiting for %s to reply… %s"), self->callee, clock);
  set_label (self->status_label, status);
  set_time (self, clock);
  set_time_style (self, elapsed > (GTimeSpan) self->target_minutes * G_TIME_SPAN_MINUTE ? "warning" : NULL);
}

/* ---- GObject ---- */

static void
cr_alert_row_finalize (GObject *object)
{
  CrAlertRow *self = CR_ALERT_ROW (object);

  g_clear_pointer (&self->first_call, g_date_time_unref);
  g_clear_pointer (&self->call_started, g_date_time_unref);
  g_free (self->callee);
  g_ptr_array_unref (self->links);

  G_OBJECT_CLASS (cr_alert_row_parent_class)->finalize (object);
}

static void
cr_alert_row_dispose (GObject *object)
{
  CrAlertRow *self = CR_ALERT_ROW (object);

  g_clear_handle_id (&self->settle_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (object), CR_TYPE_ALERT_ROW);

  G_OBJECT_CLASS (cr_alert_row_parent_class)->dispose (object);
}

static void
cr_alert_row_class_init (CrAlertRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cr_alert_row_dispose;
  object_class->finalize = cr_alert_row_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/cr-alert-row.ui");
  gtk_widget_class_bind_template_child (widget_class, CrAlertRow, icon);
  gtk_widget_class_bind_template_child (widget_class, CrAlertRow, name_label);
  gtk_widget_class_bind_template_child (widget_class, CrAlertRow, status_label);
  gtk_widget_class_bind_template_child (widget_class, CrAlertRow, callee_label);
  gtk_widget_class_bind_template_child (widget_class, CrAlertRow, links_box);
  gtk_widget_class_bind_template_child (widget_class, CrAlertRow, history_label);
  gtk_widget_class_bind_template_child (widget_class, CrAlertRow, next_label);
  gtk_widget_class_bind_template_child (widget_class, CrAlertRow, time_label);
  gtk_widget_class_bind_template_child (widget_class, CrAlertRow, buttons_box);
  gtk_widget_class_bind_template_child (widget_class, CrAlertRow, call_button);
  gtk_widget_class_bind_template_child (widget_class, CrAlertRow, answered_button);
  gtk_widget_class_bind_template_child (widget_class, CrAlertRow, no_answer_button);
  gtk_widget_class_bind_template_child (widget_class, CrAlertRow, give_up_button);
  gtk_widget_class_bind_template_child (widget_class, CrAlertRow, confirmed_button);
  gtk_widget_class_bind_template_child (widget_class, CrAlertRow, not_confirmed_button);
  gtk_widget_class_bind_template_child (widget_class, CrAlertRow, back_button);
}

static void
cr_alert_row_init (CrAlertRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  cr_a11y_name_mnemonic_buttons (GTK_WIDGET (self));
  self->links = g_ptr_array_new_with_free_func (g_free);
  self->state = -1;
}

/**
 * cr_alert_row_new:
 *
 * Returns: (transfer floating): the row of @partner_id, empty until
 *   cr_alert_row_update()
 */
CrAlertRow *
cr_alert_row_new (gint64 partner_id)
{
  CrAlertRow *self = g_object_new (CR_TYPE_ALERT_ROW, NULL);
  GtkButton *buttons[] = {
    self->call_button, self->answered_button, self->no_answer_button, self->give_up_button,
    self->confirmed_button, self->not_confirmed_button, self->back_button,
  };

  self->partner_id = partner_id;
  for (guint i = 0; i < G_N_ELEMENTS (buttons); i++)
    gtk_actionable_set_action_target_value (GTK_ACTIONABLE (buttons[i]), g_variant_new_int64 (partner_id));
  return self;
}

gint64
cr_alert_row_get_partner_id (CrAlertRow *self)
{
  g_return_val_if_fail (CR_IS_ALERT_ROW (self), 0);

  return self->partner_id;
}

/* Shows @state; see #CrAlertRowState. */
void
cr_alert_row_update (CrAlertRow            *self,
                     const CrAlertRowState *state)
{
  g_autoptr(CrAlertTest) current = NULL;
  g_autoptr(GString) history = g_string_new (NULL);
  g_autofree char *callee = NULL;
  g_autofree char *status = NULL;
  g_autofree char *next = NULL;
  g_autofree char *call_label = NULL;
  g_autofree char *callee_line = NULL;
  CrAlertOutcome outcome;
  GDateTime *first_call = NULL;
  CrContact *contact;
  guint n_calls;
  State row_state;

  g_return_if_fail (CR_IS_ALERT_ROW (self));
  g_return_if_fail (state != NULL && CR_IS_PARTNER (state->partner) && state->now != NULL);

  n_calls = g_list_model_get_n_items (state->calls);
  g_return_if_fail (n_calls > 0);
  current = g_list_model_get_item (state->calls, n_calls - 1);
  outcome = cr_alert_test_get_outcome (current);
  contact = find_contact (state, cr_alert_test_get_contact_id (current));
  callee = describe_contact (state, cr_alert_test_get_contact_id (current));
  self->channel = cr_alert_test_get_started_at (current) != NULL ? cr_alert_test_get_channel (current)
                                                                 : state->channel;
  self->target_minutes = state->target_minutes;

  /* The calls nobody answered, and when the first one started. */
  for (guint i = 0; i < n_calls; i++)
    {
      g_autoptr(CrAlertTest) call = g_list_model_get_item (state->calls, i);

      if (first_call == NULL && cr_alert_test_get_started_at (call) != NULL)
        first_call = cr_alert_test_get_started_at (call);
      if (i + 1 < n_calls && cr_alert_test_get_outcome (call) == CR_ALERT_OUTCOME_NO_ANSWER)
        {
          g_autofree char *who = describe_contact (state, cr_alert_test_get_contact_id (call));

          if (history->len > 0)
            g_string_append_c (history, '\n');
          /* Translators: an escalation: nobody answered this contact */
          g_string_append_printf (history, _("No answer from %s"), who);
        }
    }

  gtk_label_set_text (self->name_label, cr_partner_get_name (state->partner));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  cr_partner_get_name (state->partner), -1);

  if (outcome != CR_ALERT_OUTCOME_PENDING)
    row_state = STATE_DONE;
  else if (cr_alert_test_get_started_at (current) == NULL)
    row_state = STATE_NOT_CALLED;
  else if (cr_alert_test_get_answered_at (current) != NULL)
    /* Answered, the outcome not said yet. */
    row_state = STATE_ANSWERED;
  else
    row_state = STATE_CALLING;
  if (state->ended && row_state != STATE_DONE)
    row_state = STATE_DONE;

  g_clear_pointer (&self->first_call, g_date_time_unref);
  g_clear_pointer (&self->call_started, g_date_time_unref);
  g_clear_pointer (&self->callee, g_free);
  self->calling = FALSE;
  set_time_style (self, NULL);

  switch (row_state)
    {
    case STATE_NOT_CALLED:
      if (cr_alert_test_get_contact_id (current) > 0)
        {
          int rank = chain_rank (state->chain, cr_alert_test_get_contact_id (current));
          g_autofree char *rank_text = rank_label (rank);

          status = g_strdup (_("Not called yet"));
          /* Translators: who to call, e.g. "Call Alice Exemple (SPOC)" */
          callee_line = g_strdup_printf (_("Call %s"), callee);
          if (state->channel == CR_ALERT_CHANNEL_PHONE)
            call_label = rank > 0 ? g_strdup_printf (_("Call Deputy %d"), rank) : g_strdup (_("Call SPOC"));
          else if (state->channel == CR_ALERT_CHANNEL_SMS)
            call_label = g_strdup (_("SMS Sent"));
          else
            call_label = g_strdup (_("E-mail Sent"));
          set_icon (self, "call-start-symbolic", NULL);
        }
      else
        {
          status = g_strdup (_("Nobody to call: the partner has no SPOC. Record it as unreachable, and "
                               "choose its SPOC in the directory."));
          set_icon (self, "dialog-warning-symbolic", "warning");
        }
      set_time (self, "");
      show_links (self, state, contact);
      break;

    case STATE_CALLING:
      {
        gint64 next_id = next_in_chain (state);

        self->calling = TRUE;
        self->first_call = g_date_time_ref (first_call);
        self->call_started = g_date_time_ref (cr_alert_test_get_started_at (current));
        self->callee = g_strdup (callee);
        if (next_id > 0)
          {
            g_autofree char *who = describe_contact (state, next_id);

            /* Translators: the escalation to come, e.g. "If nobody answers: Bram Voorbeeld (deputy 1)" */
            next = g_strdup_printf (_("If nobody answers: %s"), who);
          }
        else
          next = g_strdup (_("If nobody answers, the partner is unreachable: nobody is left in its SPOC chain."));
        set_icon (self, "call-outgoing-symbolic", "accent");
        show_links (self, state, contact);
        update_stopwatch (self, state->now);
      }
      break;

    case STATE_ANSWERED:
      {
        g_autofree char *took = cr_alert_format_duration (g_date_time_difference (cr_alert_test_get_answered_at (current), first_call));

        /* Translators: e.g. "Alice Exemple (SPOC) answered after 4 min 12 s. Was the alert confirmed?" */
        status = g_strdup_printf (_("%s answered after %s. Was the alert confirmed?"), callee, took);
        g_free (took);
        took = cr_alert_format_stopwatch (g_date_time_difference (cr_alert_test_get_answered_at (current), first_call));
        set_time (self, took);
        set_icon (self, "call-incoming-symbolic", "accent");
        show_links (self, state, NULL);
      }
      break;

    case STATE_DONE:
    default:
      show_links (self, state, NULL);
      if (outcome == CR_ALERT_OUTCOME_CONFIRMED || outcome == CR_ALERT_OUTCOME_NOT_CONFIRMED)
        {
          GTimeSpan response = g_date_time_difference (cr_alert_test_get_answered_at (current), first_call);
          g_autofree char *took = cr_alert_format_duration (response);
          gboolean within = response <= (GTimeSpan) state->target_minutes * G_TIME_SPAN_MINUTE;

          if (outcome == CR_ALERT_OUTCOME_CONFIRMED)
            /* Translators: e.g. "Confirmed by Bram Voorbeeld (deputy 1) after 6 min 12 s" */
            status = g_strdup_printf (_("Confirmed by %s after %s"), callee, took);
          else
            /* Translators: someone answered but could not confirm the alert */
            status = g_strdup_printf (_("Answered by %s after %s, not confirmed"), callee, took);
          g_free (took);
          took = cr_alert_format_stopwatch (response);
          set_time (self, took);
          set_time_style (self, within ? "success" : "warning");
          gtk_widget_set_tooltip_text (GTK_WIDGET (self->time_label),
                                       within ? _("Reached within the target") : _("Reached after the target"));
          if (outcome == CR_ALERT_OUTCOME_CONFIRMED)
            set_icon (self, "emblem-ok-symbolic", "success");
          else
            set_icon (self, "dialog-warning-symbolic", "warning");
        }
      else if (outcome == CR_ALERT_OUTCOME_UNREACHABLE)
        {
          status = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Unreachable: nobody answered (%u call)",
                                                 "Unreachable: nobody answered (%u calls)", n_calls),
                                    n_calls);
          set_time (self, "—");
          set_time_style (self, "error");
          gtk_widget_set_tooltip_text (GTK_WIDGET (self->time_label), _("Unreachable"));
          set_icon (self, "call-missed-symbolic", "error");
        }
      else
        {
          status = g_strdup (_("Not reached: the campaign ended before anyone answered"));
          set_time (self, "—");
          set_time_style (self, "dim-label");
          set_icon (self, "call-missed-symbolic", "dim-label");
        }
      break;
    }

  if (row_state != STATE_CALLING)
    set_label (self->status_label, status);
  set_label (self->callee_label, callee_line);
  set_label (self->history_label, history->str);
  set_label (self->next_label, next);
  if (call_label != NULL)
    gtk_button_set_label (self->call_button, call_label);
  show_buttons (self, row_state, cr_alert_test_get_contact_id (current) > 0);
  settle_buttons (self, row_state);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->give_up_button),
                               cr_alert_test_get_contact_id (current) > 0
                                 ? _("Record the partner as unreachable without calling the rest of its SPOC chain")
                                 : _("Record the partner as unreachable"));
}

/**
 * cr_alert_row_tick:
 *
 * Moves the stopwatch on to @now.
 *
 * Returns: %TRUE while the row is calling (and needs ticks)
 */
gboolean
cr_alert_row_tick (CrAlertRow *self,
                   GDateTime  *now)
{
  g_return_val_if_fail (CR_IS_ALERT_ROW (self), FALSE);

  if (!self->calling)
    return FALSE;
  update_stopwatch (self, now);
  return TRUE;
}

gboolean
cr_alert_row_get_calling (CrAlertRow *self)
{
  g_return_val_if_fail (CR_IS_ALERT_ROW (self), FALSE);

  return self->calling;
}

/* What the row says of the partner: "Not called yet", "Calling…". */
const char *
cr_alert_row_get_status (CrAlertRow *self)
{
  g_return_val_if_fail (CR_IS_ALERT_ROW (self), NULL);

  return gtk_label_get_text (self->status_label);
}

/* Who to call next, before the first call: "Call Alice Exemple (SPOC)". */
const char *
cr_alert_row_get_callee (CrAlertRow *self)
{
  g_return_val_if_fail (CR_IS_ALERT_ROW (self), NULL);

  return gtk_label_get_text (self->callee_label);
}

/* The escalations so far: "No answer from Alice Exemple (SPOC)". */
const char *
cr_alert_row_get_history (CrAlertRow *self)
{
  g_return_val_if_fail (CR_IS_ALERT_ROW (self), NULL);

  return gtk_label_get_text (self->history_label);
}

/**
 * cr_alert_row_get_links:
 *
 * Returns: (transfer container) (element-type utf8): the URIs of the
 *   numbers (and address) shown, `tel:` (and `mailto:`)
 */
GPtrArray *
cr_alert_row_get_links (CrAlertRow *self)
{
  GPtrArray *uris = g_ptr_array_new ();

  g_return_val_if_fail (CR_IS_ALERT_ROW (self), uris);

  for (guint i = 0; i < self->links->len; i++)
    g_ptr_array_add (uris, g_ptr_array_index (self->links, i));
  return uris;
}
