/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cr-text-prompt"

#include "config.h"

#include <glib/gi18n.h>

#include "cr-text-prompt.h"

/* What a prompt keeps, as data on its dialog. */
typedef struct
{
  GtkWidget *entry;      /* a GtkEntry, or NULL */
  GtkTextBuffer *buffer; /* the text view's, or NULL */
  CrTextPromptFunc func;
  gpointer user_data;
  GDestroyNotify destroy;
} Prompt;

#define PROMPT_KEY "cr-text-prompt"

static void
prompt_free (Prompt *prompt)
{
  if (prompt->destroy != NULL)
    prompt->destroy (prompt->user_data);
  g_clear_object (&prompt->buffer);
  g_free (prompt);
}

static Prompt *
get_prompt (AdwMessageDialog *dialog)
{
  return g_object_get_data (G_OBJECT (dialog), PROMPT_KEY);
}

static gboolean
is_blank (const char *text)
{
  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

/**
 * cr_text_prompt_get_text:
 *
 * Returns: (transfer full): the text, without the blanks around it
 */
char *
cr_text_prompt_get_text (AdwMessageDialog *dialog)
{
  Prompt *prompt;
  char *text;

  g_return_val_if_fail (ADW_IS_MESSAGE_DIALOG (dialog), NULL);
  prompt = get_prompt (dialog);
  g_return_val_if_fail (prompt != NULL, NULL);

  if (prompt->entry != NULL)
    text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (prompt->entry)));
  else
    {
      GtkTextIter start, end;

      gtk_text_buffer_get_bounds (prompt->buffer, &start, &end);
      text = gtk_text_buffer_get_text (prompt->buffer, &start, &end, FALSE);
    }
  return g_strstrip (text);
}

static void
text_changed_cb (AdwMessageDialog *dialog)
{
  g_autofree char *text = cr_text_prompt_get_text (dialog);

  adw_message_dialog_set_response_enabled (dialog, "accept", !is_blank (text));
}

static void
response_cb (AdwMessageDialog *dialog,
             const char       *response,
             gpointer          user_data)
{
  Prompt *prompt = get_prompt (dialog);
  g_autofree char *text = NULL;
  CrTextPromptFunc func;

  if (!g_str_equal (response, "accept") || prompt->func == NULL)
    return;
  text = cr_text_prompt_get_text (dialog);
  if (is_blank (text))
    return;
  /* Once: a second response (a test, a double click) does nothing. */
  func = prompt->func;
  prompt->func = NULL;
  func (text, prompt->user_data);
}

/**
 * cr_text_prompt_new:
 * @parent: a widget of the window the dialog belongs to
 * @entry_label: what to type, the entry's accessible name and hint
 * @multiline: a text view of a few lines instead of an entry
 * @func: called with the text when the operator accepts
 *
 * Returns: (transfer none): the dialog, shown; it is destroyed when
 *   closed, and then @destroy is called on @user_data
 */
AdwMessageDialog *
cr_text_prompt_new (GtkWidget        *parent,
                    const char       *heading,
                    const char       *body,
                    const char       *entry_label,
                    const char       *accept_label,
                    gboolean          multiline,
                    CrTextPromptFunc  func,
                    gpointer          user_data,
                    GDestroyNotify    destroy)
{
  AdwMessageDialog *dialog;
  Prompt *prompt = g_new0 (Prompt, 1);
  GtkRoot *root = parent != NULL ? gtk_widget_get_root (parent) : NULL;
  GtkWidget *child;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                       heading, body));
  gtk_window_set_destroy_with_parent (GTK_WINDOW (dialog), TRUE);
  gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);
  prompt->func = func;
  prompt->user_data = user_data;
  prompt->destroy = destroy;
  g_object_set_data_full (G_OBJECT (dialog), PROMPT_KEY, prompt, (GDestroyNotify) prompt_free);

  if (multiline)
    {
      GtkWidget *view = gtk_text_view_new ();

      gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
      gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (view), FALSE);
      gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 6);
      gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 6);
      gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 6);
      gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 6);
      gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL, entry_label, -1);
      prompt->buffer = g_object_ref (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)));
      g_signal_connect_object (prompt->buffer, "changed", G_CALLBACK (text_changed_cb), dialog,
                               G_CONNECT_SWAPPED);
      child = gtk_scrolled_window_new ();
      gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (child), GTK_POLICY_NEVER,
                                      GTK_POLICY_AUTOMATIC);
      gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (child), 96);
      gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (child), view);
      gtk_widget_add_css_class (child, "card");
      gtk_widget_set_tooltip_text (child, entry_label);
    }
  else
    {
      child = prompt->entry = gtk_entry_new ();
      gtk_entry_set_placeholder_text (GTK_ENTRY (child), entry_label);
      gtk_entry_set_activates_default (GTK_ENTRY (child), TRUE);
      gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL, entry_label, -1);
      g_signal_connect_swapped (child, "changed", G_CALLBACK (text_changed_cb), dialog);
    }
  adw_message_dialog_set_extra_child (dialog, child);

  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "accept", accept_label, NULL);
  adw_message_dialog_set_response_appearance (dialog, "accept", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "accept");
  adw_message_dialog_set_close_response (dialog, "cancel");
  adw_message_dialog_set_response_enabled (dialog, "accept", FALSE);
  g_signal_connect (dialog, "response", G_CALLBACK (response_cb), NULL);

  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (prompt->entry != NULL ? prompt->entry : gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (child)));
  return dialog;
}

void
cr_text_prompt_set_text (AdwMessageDialog *dialog,
                         const char       *text)
{
  Prompt *prompt;

  g_return_if_fail (ADW_IS_MESSAGE_DIALOG (dialog));
  prompt = get_prompt (dialog);
  g_return_if_fail (prompt != NULL);

  if (prompt->entry != NULL)
    gtk_editable_set_text (GTK_EDITABLE (prompt->entry), text != NULL ? text : "");
  else
    gtk_text_buffer_set_text (prompt->buffer, text != NULL ? text : "", -1);
}

/* Whether the accept button is enabled: the text is not blank. */
gboolean
cr_text_prompt_can_accept (AdwMessageDialog *dialog)
{
  g_return_val_if_fail (ADW_IS_MESSAGE_DIALOG (dialog), FALSE);

  return adw_message_dialog_get_response_enabled (dialog, "accept");
}

/**
 * cr_text_prompt_accept:
 *
 * What the accept button does; nothing while it is disabled.
 *
 * Returns: %TRUE when the dialog accepted and closed
 */
gboolean
cr_text_prompt_accept (AdwMessageDialog *dialog)
{
  g_return_val_if_fail (ADW_IS_MESSAGE_DIALOG (dialog), FALSE);

  if (!cr_text_prompt_can_accept (dialog))
    return FALSE;
  adw_message_dialog_response (dialog, "accept");
  gtk_window_close (GTK_WINDOW (dialog));
  return TRUE;
}

/**
 * cr_text_prompt_find:
 * @heading: (nullable): the prompt's heading, or %NULL for any prompt
 *
 * Returns: (transfer none) (nullable): the prompt shown with that heading
 */
AdwMessageDialog *
cr_text_prompt_find (const char *heading)
{
  g_autoptr(GListModel) windows = gtk_window_get_toplevels ();

  g_object_ref (windows);
  for (guint i = 0; i < g_list_model_get_n_items (windows); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (windows, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && get_prompt (ADW_MESSAGE_DIALOG (window)) != NULL &&
          gtk_widget_get_visible (GTK_WIDGET (window)) &&
          (heading == NULL ||
           g_strcmp0 (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (window)), heading) == 0))
        return ADW_MESSAGE_DIALOG (window);
    }
  return NULL;
}
