/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "cr-application.h"
#include "cr-cli.h"
#include "cr-test-utils.h"
#include "cr-window.h"

G_BEGIN_DECLS

/* The harness of the widget tests (`widget_tests` in tests/meson.build):
 * the whole application, started as `crisis-room` starts it, driven and
 * inspected through its widgets. Only the widget tests link it; the
 * plain tests need no display and no GTK.
 *
 * What every widget test keeps to:
 * - it runs through tests/xvfb-run-test, in its own X server and D-Bus
 *   session, never on the caller's display;
 * - it starts with cr_test_widgets_init(): no G_TEST_OPTION_ISOLATE_DIRS,
 *   which hides the system's XDG_DATA_DIRS, where GTK finds the MIME
 *   database it needs to load SVG icons (the application only touches
 *   the database file the test names);
 * - it runs the application with g_application_run() and a handler of
 *   its "activate" signal (cr_test_run_application()), so start-up,
 *   activation and shut-down are the real ones. */

/* g_test_init() without G_TEST_OPTION_ISOLATE_DIRS, then gtk_init(). */
void         cr_test_widgets_init       (int     *argc,
                                         char  ***argv);

/* ---- The application's whole life ---- */

/* Called after the application's own "startup" handler: its settings
 * exist, its window does not yet. */
typedef void (*CrTestStartupFunc)  (CrApplication *app,
                                    gpointer       user_data);
/* Called after the application's own "activate" handler, with the
 * window it opened (its active window). */
typedef void (*CrTestActivateFunc) (CrApplication *app,
                                    GtkWindow     *window,
                                    gpointer       user_data);

/* Runs the application that @options describe (`crisis-room` with no
 * arguments but those options) through g_application_run(): @startup,
 * if not NULL, after its start-up; @activate once its window is open;
 * then every toplevel window is destroyed (dialogs first), which ends
 * the run. Asserts that a window opened, that the exit status is 0 and
 * that nothing kept the application alive afterwards. */
void         cr_test_run_application    (const CrOptions   *options,
                                         CrTestStartupFunc  startup,
                                         CrTestActivateFunc activate,
                                         gpointer           user_data);
/* cr_test_run_application() on the database file @database (`crisis-room
 * --database FILE`), with the demo data (`--demo`) when @demo: for a
 * test that prepares the file, opens it again or reads it behind the
 * application's back. */
void         cr_test_run_database       (const char        *database,
                                         gboolean           demo,
                                         CrTestActivateFunc activate,
                                         gpointer           user_data);
/* cr_test_run_database() on a new database file in cr_test_tmpdir(). */
void         cr_test_run_window         (gboolean           demo,
                                         CrTestActivateFunc activate,
                                         gpointer           user_data);

/* The application's settings. The tests' memory backend lives as long
 * as the test process: what one test sets, the next one finds. */
GSettings   *cr_test_settings           (void);

/* The page of @type in @window, shown as the view switcher shows the
 * page called @name; asserts the window has one. */
gpointer     cr_test_show_page          (CrWindow   *window,
                                         GType       type,
                                         const char *name);

/* ---- The main loop ---- */

/* cr_test_wait_until() is in cr-test-utils.h: the plain tests wait too. */
/* A CrTestCondition: @widget (a GtkWidget) is mapped. */
gboolean     cr_test_widget_is_mapped   (gpointer widget);
/* @rounds rounds of one main loop iteration and a 1 ms pause (so at
 * least @rounds ms), for work that has nothing to wait on, such as
 * what must NOT happen. */
void         cr_test_spin               (guint rounds);
/* Dispatches what is pending now, without blocking. */
void         cr_test_iterate            (void);
/* cr_test_iterate() 50 times: also what the pending work queues in
 * turn (a page's reload on idle after a change). */
void         cr_test_drain              (void);

/* ---- The widget tree ---- */

typedef gboolean (*CrTestWidgetMatch) (GtkWidget    *widget,
                                       gconstpointer data);

/* The first widget under @root, @root included, depth first in the
 * widgets' order, for which @match (widget, @data) holds; or NULL. */
GtkWidget   *cr_test_find_widget_full   (GtkWidget        *root,
                                         CrTestWidgetMatch match,
                                         gconstpointer     data);
/* Every such widget, in that order (a new array that owns no widget). */
GPtrArray   *cr_test_find_widgets_full  (GtkWidget        *root,
                                         CrTestWidgetMatch match,
                                         gconstpointer     data);
/* The same for the widgets of @type. */
GtkWidget   *cr_test_find_widget        (GtkWidget *root,
                                         GType      type);
GPtrArray   *cr_test_find_widgets       (GtkWidget *root,
                                         GType      type);
/* The GtkLabel under @root whose text is @text exactly. */
GtkWidget   *cr_test_find_label         (GtkWidget  *root,
                                         const char *text);
/* The GtkButton under @root that activates @action_name (such as
 * "roles.edit"), with @target when not NULL. */
GtkWidget   *cr_test_find_button        (GtkWidget  *root,
                                         const char *action_name,
                                         GVariant   *target);
/* The visible toplevel window of @type opened last (dialogs are
 * toplevels of their own, not all of them the application's). */
GtkWindow   *cr_test_find_window        (GType type);

typedef enum
{
  CR_TEST_TEXT_ALL,     /* every label */
  CR_TEST_TEXT_VISIBLE, /* not under a hidden widget */
  CR_TEST_TEXT_MAPPED,  /* on screen: not under an unmapped widget */
} CrTestTextScope;

/* The text of the labels under @root, @root included, in the order of
 * the widgets, each followed by a newline. */
char        *cr_test_widget_text        (GtkWidget      *root,
                                         CrTestTextScope scope);

/* Asserts that the labels on screen under @root (CR_TEST_TEXT_MAPPED)
 * show @expected, within one label or across consecutive ones; if not,
 * fails at the caller's line, listing what they show. */
#define cr_test_assert_shows(root, expected) \
  cr_test_assert_shows_at (G_STRLOC, GTK_WIDGET (root), (expected))
void         cr_test_assert_shows_at    (const char *location,
                                         GtkWidget  *root,
                                         const char *expected);

G_END_DECLS
