/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cr-shift"

#include "config.h"

#include <glib/gi18n.h>

#include "cr-application.h"
#include "cr-shift.h"
#include "cr-text-prompt.h"

/* The operator on shift. The store writes its operator with every tick,
 * logbook entry and audit row, so the name must be the person's, not the
 * workstation account's: it is asked at the first start, remembered in
 * the "operator-name" setting, and asked again with "Change Operator…"
 * or when a handover is recorded. */

static CrStore *
window_store (CrWindow *window)
{
  return cr_application_get_store (CR_APPLICATION (gtk_window_get_application (GTK_WINDOW (window))));
}

static GSettings *
window_settings (CrWindow *window)
{
  return cr_application_get_settings (CR_APPLICATION (gtk_window_get_application (GTK_WINDOW (window))));
}

/**
 * cr_shift_set_operator:
 * @name: the operator's name; blanks around it are dropped
 *
 * Makes @name the operator of @store and remembers it for the next start.
 *
 * Returns: %FALSE when @name is blank (nothing changes)
 */
gboolean
cr_shift_set_operator (CrStore    *store,
                       GSettings  *settings,
                       const char *name)
{
  g_autofree char *stripped = NULL;

  g_return_val_if_fail (CR_IS_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_SETTINGS (settings), FALSE);

  stripped = g_strstrip (g_strdup (name != NULL ? name : ""));
  if (*stripped == '\0')
    return FALSE;
  /* The store first: the settings' change signal tells the pages, which
   * show the store's operator. */
  cr_store_set_operator (store, stripped);
  g_settings_set_string (settings, "operator-name", stripped);
  return TRUE;
}

typedef struct
{
  CrStore *store;
  GSettings *settings;
} AskData;

static void
ask_data_free (gpointer data)
{
  AskData *ask = data;

  g_clear_object (&ask->store);
  g_clear_object (&ask->settings);
  g_free (ask);
}

static void
operator_given_cb (const char *name,
                   gpointer    user_data)
{
  AskData *ask = user_data;

  cr_shift_set_operator (ask->store, ask->settings, name);
}

/**
 * cr_shift_ask_operator:
 * @first_start: the first start on this workstation: no name known yet
 *
 * Asks the operator's name and makes it the store's operator.
 *
 * Returns: (transfer none): the prompt, shown
 */
AdwMessageDialog *
cr_shift_ask_operator (GtkWidget *parent,
                       CrStore   *store,
                       GSettings *settings,
                       gboolean   first_start)
{
  AdwMessageDialog *dialog;
  AskData *ask;

  g_return_val_if_fail (CR_IS_STORE (store), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  ask = g_new0 (AskData, 1);
  ask->store = g_object_ref (store);
  ask->settings = g_object_ref (settings);
  if (first_start)
    dialog = cr_text_prompt_new (parent, _("Who Is on Shift?"),
                                 _("Your name goes with every checklist tick and logbook entry of "
                                   "this shift. Change it when the next operator takes over."),
                                 _("Your first and last name"), _("_Start Shift"), FALSE,
                                 operator_given_cb, ask, ask_data_free);
  else
    {
      dialog = cr_text_prompt_new (parent, _("Change Operator"),
                                   _("The next checklist ticks and logbook entries will carry this "
                                     "name. To hand over a shift, record the handover from the "
                                     "Logbook page: it writes the handover in the logbook too."),
                                   _("First and last name of the operator on shift"), _("C_hange"),
                                   FALSE, operator_given_cb, ask, ask_data_free);
      cr_text_prompt_set_text (dialog, cr_store_get_operator (store));
    }
  return dialog;
}

/* "Shift: Alice Exemple", for the pages' headers. */
char *
cr_shift_button_label (CrStore *store)
{
  g_return_val_if_fail (CR_IS_STORE (store), NULL);

  /* Translators: a button in the page's header; %s is the operator's name */
  return g_strdup_printf (_("Shift: %s"), cr_store_get_operator (store));
}

static void
change_operator_activated (GSimpleAction *action,
                           GVariant      *parameter,
                           gpointer       user_data)
{
  CrWindow *window = user_data;

  cr_shift_ask_operator (GTK_WIDGET (window), window_store (window), window_settings (window), FALSE);
}

static void
logbook_compose_activated (GSimpleAction *action,
                           GVariant      *parameter,
                           gpointer       user_data)
{
  CrWindow *window = user_data;
  CrLogbookPage *logbook = g_object_get_data (G_OBJECT (window), "cr-logbook-page");

  cr_window_show_page (window, "logbook");
  if (logbook != NULL)
    cr_logbook_page_focus_composer (logbook);
}

static gboolean
ask_first_operator_cb (gpointer user_data)
{
  CrWindow *window = user_data;
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (window));
  g_autofree char *name = NULL;

  /* Closed meanwhile (a test, a quick quit): nobody to ask. */
  if (app == NULL || !gtk_widget_get_mapped (GTK_WIDGET (window)))
    return G_SOURCE_REMOVE;
  name = g_settings_get_string (window_settings (window), "operator-name");
  if (*name == '\0')
    cr_shift_ask_operator (GTK_WIDGET (window), window_store (window), window_settings (window), TRUE);
  return G_SOURCE_REMOVE;
}

static void
window_mapped_cb (CrWindow *window)
{
  g_signal_handlers_disconnect_by_func (window, window_mapped_cb, NULL);
  g_idle_add_full (G_PRIORITY_LOW, ask_first_operator_cb, g_object_ref (window), g_object_unref);
}

/**
 * cr_shift_install:
 * @logbook: the window's logbook page
 *
 * Adds the window's shift actions: win.change-operator, and
 * win.logbook-compose (Ctrl+Shift+L) which goes to the logbook's
 * composer; asks the operator's name once the window shows when none is
 * known yet.
 */
void
cr_shift_install (CrWindow      *window,
                  CrLogbookPage *logbook)
{
  static const GActionEntry actions[] = {
    { "change-operator", change_operator_activated, NULL, NULL, NULL },
    { "logbook-compose", logbook_compose_activated, NULL, NULL, NULL },
  };
  const char *compose_accels[] = { "<Control><Shift>l", NULL };
  g_autofree char *name = NULL;

  g_return_if_fail (CR_IS_WINDOW (window));
  g_return_if_fail (CR_IS_LOGBOOK_PAGE (logbook));

  g_object_set_data (G_OBJECT (window), "cr-logbook-page", logbook);
  g_action_map_add_action_entries (G_ACTION_MAP (window), actions, G_N_ELEMENTS (actions), window);
  gtk_application_set_accels_for_action (gtk_window_get_application (GTK_WINDOW (window)),
                                         "win.logbook-compose", compose_accels);

  name = g_settings_get_string (window_settings (window), "operator-name");
  if (*name == '\0')
    g_signal_connect (window, "map", G_CALLBACK (window_mapped_cb), NULL);
}
