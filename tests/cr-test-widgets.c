/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cr-test"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cr-test-widgets.h"

void
cr_test_widgets_init (int    *argc,
                      char ***argv)
{
  g_test_init (argc, argv, NULL);
  gtk_init ();
}

/* ---- The application's whole life ---- */

typedef struct
{
  CrTestStartupFunc startup;
  CrTestActivateFunc activate;
  gpointer user_data;
  gboolean activated;
} Run;

static void
startup_cb (GApplication *app,
            Run          *run)
{
  run->startup (CR_APPLICATION (app), run->user_data);
}

/* Destroying one window may destroy others (its dialogs), and the test
 * may have destroyed the main one already: hold them all, and destroy
 * the main window last. */
static void
destroy_toplevels (GtkWindow *main_window)
{
  GList *toplevels = gtk_window_list_toplevels ();
  gboolean main_open = FALSE;

  for (GList *l = toplevels; l != NULL; l = l->next)
    g_object_ref (l->data);
  for (GList *l = toplevels; l != NULL; l = l->next)
    if (l->data != main_window)
      gtk_window_destroy (GTK_WINDOW (l->data));
    else
      main_open = TRUE;
  if (main_open)
    gtk_window_destroy (main_window);
  g_list_free_full (toplevels, g_object_unref);
}

/* Connected after the application's own handler, which opened the
 * window. The last window closing ends g_application_run(). */
static void
activate_cb (GApplication *app,
             Run          *run)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  g_assert_nonnull (window);
  run->activated = TRUE;
  run->activate (CR_APPLICATION (app), window, run->user_data);
  destroy_toplevels (window);
}

void
cr_test_run_application (const CrOptions   *options,
                         CrTestStartupFunc  startup,
                         CrTestActivateFunc activate,
                         gpointer           user_data)
{
  char *argv[] = { (char *) "crisis-room", NULL };
  Run run = { startup, activate, user_data, FALSE };
  CrApplication *app = cr_application_new (options);

  if (startup != NULL)
    g_signal_connect_after (app, "startup", G_CALLBACK (startup_cb), &run);
  g_signal_connect_after (app, "activate", G_CALLBACK (activate_cb), &run);
  g_assert_cmpint (g_application_run (G_APPLICATION (app), 1, argv), ==, 0);
  g_assert_true (run.activated);
  g_object_add_weak_pointer (G_OBJECT (app), (gpointer *) &app);
  g_object_unref (app);
  g_assert_null (app);
}

void
cr_test_run_database (const char        *database,
                      gboolean           demo,
                      CrTestActivateFunc activate,
                      gpointer           user_data)
{
  CrOptions options = { 0 };

  options.database = (char *) database;
  options.demo = demo;
  cr_test_run_application (&options, NULL, activate, user_data);
}

void
cr_test_run_window (gboolean           demo,
                    CrTestActivateFunc activate,
                    gpointer           user_data)
{
  g_autofree char *name = g_strdup_printf ("%s.gpkg", g_get_prgname ());
  g_autofree char *path = cr_test_tmp_path (name);

  cr_test_run_database (path, demo, activate, user_data);
}

GSettings *
cr_test_settings (void)
{
  return g_settings_new ("io.github.crisisroom.CrisisRoom");
}

gpointer
cr_test_show_page (CrWindow   *window,
                   GType       type,
                   const char *name)
{
  GtkWidget *page = cr_test_find_widget (GTK_WIDGET (window), type);

  g_assert_nonnull (page);
  cr_window_show_page (window, name);
  return page;
}

/* ---- The main loop ---- */

gboolean
cr_test_widget_is_mapped (gpointer widget)
{
  return gtk_widget_get_mapped (GTK_WIDGET (widget));
}

void
cr_test_spin (guint rounds)
{
  for (guint i = 0; i < rounds; i++)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

void
cr_test_iterate (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

void
cr_test_drain (void)
{
  for (int i = 0; i < 50; i++)
    cr_test_iterate ();
}

/* ---- The widget tree ---- */

static void
collect (GtkWidget        *widget,
         CrTestWidgetMatch match,
         gconstpointer     data,
         GPtrArray        *out,
         gboolean          first_only)
{
  if (match (widget, data))
    {
      g_ptr_array_add (out, widget);
      if (first_only)
        return;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      collect (child, match, data, out, first_only);
      if (first_only && out->len > 0)
        return;
    }
}

GtkWidget *
cr_test_find_widget_full (GtkWidget        *root,
                          CrTestWidgetMatch match,
                          gconstpointer     data)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  collect (root, match, data, found, TRUE);
  return found->len > 0 ? g_ptr_array_index (found, 0) : NULL;
}

GPtrArray *
cr_test_find_widgets_full (GtkWidget        *root,
                           CrTestWidgetMatch match,
                           gconstpointer     data)
{
  GPtrArray *found = g_ptr_array_new ();

  collect (root, match, data, found, FALSE);
  return found;
}

static gboolean
is_of_type (GtkWidget    *widget,
            gconstpointer data)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, *(const GType *) data);
}

GtkWidget *
cr_test_find_widget (GtkWidget *root,
                     GType      type)
{
  return cr_test_find_widget_full (root, is_of_type, &type);
}

GPtrArray *
cr_test_find_widgets (GtkWidget *root,
                      GType      type)
{
  return cr_test_find_widgets_full (root, is_of_type, &type);
}

static gboolean
is_label (GtkWidget    *widget,
          gconstpointer text)
{
  return GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0;
}

GtkWidget *
cr_test_find_label (GtkWidget  *root,
                    const char *text)
{
  return cr_test_find_widget_full (root, is_label, text);
}

typedef struct
{
  const char *action_name;
  GVariant *target;
} Action;

static gboolean
is_button_for (GtkWidget    *widget,
               gconstpointer data)
{
  const Action *action = data;
  GVariant *target;

  if (!GTK_IS_BUTTON (widget) ||
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action->action_name) != 0)
    return FALSE;
  if (action->target == NULL)
    return TRUE;
  target = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (widget));
  return target != NULL && g_variant_equal (target, action->target);
}

GtkWidget *
cr_test_find_button (GtkWidget  *root,
                     const char *action_name,
                     GVariant   *target)
{
  g_autoptr(GVariant) sunk = target != NULL ? g_variant_ref_sink (target) : NULL;
  Action action = { action_name, sunk };

  return cr_test_find_widget_full (root, is_button_for, &action);
}

GtkWindow *
cr_test_find_window (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = g_list_model_get_n_items (toplevels); i > 0; i--)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i - 1);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (window))
        return GTK_WINDOW (window);
    }
  return NULL;
}

static void
append_text (GtkWidget      *widget,
             CrTestTextScope scope,
             GString        *out)
{
  if ((scope == CR_TEST_TEXT_VISIBLE && !gtk_widget_get_visible (widget)) ||
      (scope == CR_TEST_TEXT_MAPPED && !gtk_widget_get_mapped (widget)))
    return;
  if (GTK_IS_LABEL (widget))
    g_string_append_printf (out, "%s\n", gtk_label_get_text (GTK_LABEL (widget)));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    append_text (child, scope, out);
}

char *
cr_test_widget_text (GtkWidget      *root,
                     CrTestTextScope scope)
{
  GString *out = g_string_new (NULL);

  append_text (root, scope, out);
  return g_string_free (out, FALSE);
}

void
cr_test_assert_shows_at (const char *location,
                         GtkWidget  *root,
                         const char *expected)
{
  g_autofree char *text = cr_test_widget_text (root, CR_TEST_TEXT_MAPPED);

  if (strstr (text, expected) == NULL)
    g_error ("%s: “%s” is not shown; the %s shows:\n%s", location, expected, G_OBJECT_TYPE_NAME (root), text);
}
