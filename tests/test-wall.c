/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <gtk/gtk.h>

#include "cr-application.h"
#include "cr-test-widgets.h"
#include "cr-wall-window.h"

/* The wall screen as the room sees it: read-only, no personal numbers,
 * a stale banner when the file goes away, and legible at 720p and 4K
 * (screenshots are written for a person to look at). Runs in its own X
 * server (tests/xvfb-run-test). */

typedef struct _Fixture Fixture;
struct _Fixture
{
  CrApplication *app;
  CrWallWindow *wall;
  void (*body) (Fixture *f);
};

static void
activate_cb (CrApplication *app,
             GtkWindow     *window,
             gpointer       data)
{
  Fixture *f = data;

  f->app = app;
  f->wall = CR_WALL_WINDOW (window);
  f->body (f);
}

static void
run_wall (void (*body) (Fixture *f))
{
  g_autofree char *path = cr_test_tmp_path ("wall.gpkg");
  CrOptions options = { 0 };
  Fixture f = { .body = body };

  options.database = path;
  options.demo = TRUE;
  options.wall = TRUE;
  options.monitor = -1;
  cr_test_run_application (&options, NULL, activate_cb, &f);
}

static void
read_only_and_private (Fixture *f)
{
  g_autoptr(GPtrArray) widgets = cr_test_find_widgets (GTK_WIDGET (f->wall), GTK_TYPE_WIDGET);
  g_autoptr(GListModel) contacts = NULL;
  CrStore *store = cr_application_get_store (f->app);
  guint n_labels = 0;

  g_assert_nonnull (cr_wall_window_get_event (f->wall));
  contacts = cr_store_list (store, CR_TYPE_CONTACT, NULL, 0, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (contacts), >, 10);

  for (guint i = 0; i < widgets->len; i++)
    {
      GtkWidget *w = g_ptr_array_index (widgets, i);

      /* Nothing to type in, no menu, no button a passer-by could press. */
      g_assert_false (GTK_IS_EDITABLE (w));
      g_assert_false (GTK_IS_MENU_BUTTON (w));
      g_assert_false (GTK_IS_POPOVER (w));
      if (GTK_IS_BUTTON (w))
        g_assert_false (gtk_widget_get_visible (w) && gtk_widget_get_child_visible (w) &&
                        gtk_widget_is_drawable (w));
      if (GTK_IS_LABEL (w))
        {
          const char *text = gtk_label_get_text (GTK_LABEL (w));

          n_labels++;
          for (guint k = 0; k < g_list_model_get_n_items (contacts); k++)
            {
              g_autoptr(CrContact) c = g_list_model_get_item (contacts, k);
              const char *personal[] = {
                cr_contact_get_phone_mobile (c), cr_contact_get_phone_office (c),
                cr_contact_get_phone_24_7 (c), cr_contact_get_email (c),
              };

              for (guint p = 0; p < G_N_ELEMENTS (personal); p++)
                if (personal[p] != NULL && *personal[p] != '\0')
                  g_assert_null (strstr (text, personal[p]));
            }
        }
    }
  /* It does show things: the clock, the activation, the logbook, and
   * who the demo's latest alert test did not reach, in calling order. */
  g_assert_cmpuint (n_labels, >, 10);
  cr_test_assert_shows (f->wall, "Partners reached: 15/17");
  cr_test_assert_shows (f->wall, "Not reached: Zone de police Midi – Politiezone Zuid (5341), Vivaqua");
}

static gboolean
is_stale (gpointer data)
{
  Fixture *f = data;

  return cr_wall_window_get_stale (f->wall);
}

static gboolean
is_fresh (gpointer data)
{
  Fixture *f = data;

  return !cr_wall_window_get_stale (f->wall);
}

static void
stale_and_recover (Fixture *f)
{
  CrStore *store = cr_application_get_store (f->app);
  g_autofree char *aside = g_strconcat (cr_store_get_path (store), ".moved", NULL);

  g_assert_false (cr_wall_window_get_stale (f->wall));
  g_assert_cmpint (g_rename (cr_store_get_path (store), aside), ==, 0);
  g_assert_true (cr_test_wait_until (is_stale, f, 10));
  g_assert_cmpint (g_rename (aside, cr_store_get_path (store)), ==, 0);
  g_assert_true (cr_test_wait_until (is_fresh, f, 10));
}

typedef struct
{
  GtkWidget *window;
  int width;
  int height;
} Sized;

static gboolean
allocated_to (gpointer data)
{
  Sized *s = data;

  /* Mapped too: a window allocated but not yet mapped (a busy X server)
   * paints nothing, and the snapshot below had no node. */
  return gtk_widget_get_mapped (s->window) && gtk_widget_get_width (s->window) == s->width &&
         gtk_widget_get_height (s->window) == s->height;
}

/* Renders the window at a size to a PNG beside the test's build files. */
static void
screenshot (Fixture *f,
            int      width,
            int      height)
{
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *name = g_strdup_printf ("wall-%dx%d.png", width, height);
  g_autofree char *path = g_test_build_filename (G_TEST_BUILT, name, NULL);
  GtkSnapshot *snapshot;
  GskRenderer *renderer;
  g_autofree guchar *pixels = NULL;
  gsize stride = (gsize) width * 4;
  guint64 sum = 0, sum2 = 0, n;

  /* A wall window of that size (a real one keeps its monitor's size). */
  CrWallWindow *wall = cr_wall_window_new (f->app, NULL);
  Sized sized = { GTK_WIDGET (wall), width, height };

  gtk_window_set_default_size (GTK_WINDOW (wall), width, height);
  gtk_window_present (GTK_WINDOW (wall));
  if (!cr_test_wait_until (allocated_to, &sized, 20))
    g_printerr ("got %dx%d for %dx%d\n", gtk_widget_get_width (sized.window), gtk_widget_get_height (sized.window), width, height);
  g_assert_true (allocated_to (&sized));
  /* Let the scaled style and the map's fit settle. */
  for (int i = 0; i < 200; i++)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (2000);
    }

  paintable = gtk_widget_paintable_new (GTK_WIDGET (wall));
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  renderer = gtk_native_get_renderer (GTK_NATIVE (wall));
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("Wall screenshot: %s", path);

  /* Produced and not blank: the pixels vary. */
  g_assert_cmpint (gdk_texture_get_width (texture), ==, width);
  pixels = g_malloc (stride * height);
  gdk_texture_download (texture, pixels, stride);
  n = (guint64) width * height;
  for (guint64 i = 0; i < n; i++)
    {
      guint v = pixels[4 * i] + pixels[4 * i + 1] + pixels[4 * i + 2];

      sum += v;
      sum2 += (guint64) v * v;
    }
  g_assert_cmpfloat ((double) sum2 / n - ((double) sum / n) * ((double) sum / n), >, 100.0);
  g_clear_object (&paintable);
  gtk_window_destroy (GTK_WINDOW (wall));
}

static void
screenshots (Fixture *f)
{
  screenshot (f, 1280, 720);
  screenshot (f, 3840, 2160);
}

static void
test_read_only (void)
{
  run_wall (read_only_and_private);
}

static void
test_stale (void)
{
  run_wall (stale_and_recover);
}

static void
test_screenshots (void)
{
  run_wall (screenshots);
}

int
main (int   argc,
      char *argv[])
{
  cr_test_widgets_init (&argc, &argv);

  g_test_add_func ("/wall/read-only-private", test_read_only);
  g_test_add_func ("/wall/stale", test_stale);
  g_test_add_func ("/wall/screenshots", test_screenshots);

  return g_test_run ();
}
