/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>

#include "cr-test-utils.h"

/* Live sharing between processes on one file: a writer process commits,
 * this process receives every change, in order, with the right content,
 * without polling. The writer is this same program, started with
 * "--writer FILE N". */

static const char *self_path;

static int
run_writer (const char *path,
            int         n)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrStore) store = cr_store_open (path, &error);

  if (store == NULL)
    return 1;
  cr_store_set_operator (store, "Writer");
  for (int i = 0; i < n; i++)
    {
      g_autoptr(CrEvent) event = cr_event_new ();
      g_autofree char *name = g_strdup_printf ("Shared %d", i);

      cr_event_set_name (event, name);
      if (!cr_store_insert (store, CR_RECORD (event), &error))
        return 1;
      /* Every other one is renamed right away: an update to follow. */
      if (i % 2 == 1)
        {
          g_autofree char *renamed = g_strdup_printf ("Shared %d (renamed)", i);

          cr_event_set_name (event, renamed);
          if (!cr_store_update (store, CR_RECORD (event), &error))
            return 1;
        }
      g_usleep (2000);
    }
  return 0;
}

typedef struct
{
  CrStore *store;
  GArray *rows;    /* gint64 row ids in arrival order */
  GArray *changes; /* int */
  guint expected;
} Received;

static void
changed_cb (CrStore    *store,
            const char *table,
            gint64      row_id,
            int         change,
            Received   *r)
{
  if (!g_str_equal (table, "events"))
    return;
  g_array_append_val (r->rows, row_id);
  g_array_append_val (r->changes, change);
}

static GPid
spawn_writer (const char *path,
              int         n)
{
  g_autofree char *count = g_strdup_printf ("%d", n);
  const char *argv[] = { self_path, "--writer", path, count, NULL };
  g_autoptr(GError) error = NULL;
  GPid pid;

  g_spawn_async (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL, &pid, &error);
  g_assert_no_error (error);
  return pid;
}

static gboolean
all_received (gpointer data)
{
  Received *r = data;

  return r->rows->len >= r->expected;
}

static void
test_changes_arrive_in_order (void)
{
  g_autoptr(CrStore) store = cr_test_open_store ();
  Received r = { store, g_array_new (FALSE, FALSE, sizeof (gint64)),
                 g_array_new (FALSE, FALSE, sizeof (int)), 0 };
  const int n = 20;
  GPid pid;

  g_signal_connect (store, "changed", G_CALLBACK (changed_cb), &r);
  r.expected = n + n / 2;
  pid = spawn_writer (cr_store_get_path (store), n);
  g_assert_true (cr_test_wait_until (all_received, &r, 20));
  g_spawn_close_pid (pid);

  /* insert, insert, update, insert, insert, update…, in the writer's order */
  for (guint i = 0, k = 0; i < (guint) n; i++)
    {
      g_autoptr(CrEvent) event = NULL;
      gint64 id = g_array_index (r.rows, gint64, k);

      g_assert_cmpint (g_array_index (r.changes, int, k), ==, CR_STORE_CHANGE_INSERT);
      event = cr_store_get (store, CR_TYPE_EVENT, id, NULL);
      g_assert_nonnull (event);
      g_assert_true (g_str_has_prefix (cr_event_get_name (event), "Shared "));
      g_assert_cmpint (atoi (cr_event_get_name (event) + 7), ==, (int) i);
      k++;
      if (i % 2 == 1)
        {
          g_assert_cmpint (g_array_index (r.rows, gint64, k), ==, id);
          g_assert_cmpint (g_array_index (r.changes, int, k), ==, CR_STORE_CHANGE_UPDATE);
          g_assert_true (g_str_has_suffix (cr_event_get_name (event), "(renamed)"));
          k++;
        }
    }
  g_assert_cmpuint (r.rows->len, ==, r.expected);
  g_array_unref (r.rows);
  g_array_unref (r.changes);
}

/* Our own changes are announced once, at commit, not again by the
 * watcher. */
static void
test_own_changes_once (void)
{
  g_autoptr(CrStore) store = cr_test_open_store ();
  g_autoptr(CrStore) other = NULL;
  Received r = { store, g_array_new (FALSE, FALSE, sizeof (gint64)),
                 g_array_new (FALSE, FALSE, sizeof (int)), 0 };
  g_autoptr(CrEvent) mine = cr_event_new ();
  g_autoptr(CrEvent) theirs = cr_event_new ();
  g_autoptr(GError) error = NULL;

  g_signal_connect (store, "changed", G_CALLBACK (changed_cb), &r);
  cr_event_set_name (mine, "Mine");
  g_assert_true (cr_store_insert (store, CR_RECORD (mine), &error));
  g_assert_cmpuint (r.rows->len, ==, 1);

  /* Someone else's change, then a look: theirs arrives, mine does not
   * come back. */
  other = cr_store_open (cr_store_get_path (store), &error);
  cr_event_set_name (theirs, "Theirs");
  g_assert_true (cr_store_insert (other, CR_RECORD (theirs), &error));
  r.expected = 2;
  g_assert_true (cr_test_wait_until (all_received, &r, 10));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpuint (cr_store_sync (store), ==, 0);
  g_assert_cmpuint (r.rows->len, ==, 2);
  g_assert_cmpint (g_array_index (r.rows, gint64, 1), ==, cr_record_get_id (CR_RECORD (theirs)));
  g_array_unref (r.rows);
  g_array_unref (r.changes);
}

/* Two operators on one feature: the second save meets the first. */
static void
test_concurrent_edit_conflict (void)
{
  g_autoptr(CrStore) store = cr_test_open_store ();
  g_autoptr(CrStore) other = NULL;
  g_autoptr(CrEvent) event = cr_event_new ();
  g_autoptr(CrFeature) feature = cr_feature_new ();
  g_autoptr(CrFeature) theirs = NULL;
  g_autoptr(CrFeature) back = NULL;
  g_autoptr(CrGeometry) point = cr_geometry_new_point (4.35, 50.85);
  g_autoptr(GError) error = NULL;

  cr_event_set_name (event, "Conflict");
  g_assert_true (cr_store_insert (store, CR_RECORD (event), &error));
  cr_feature_set_event_id (feature, cr_record_get_id (CR_RECORD (event)));
  cr_feature_set_kind (feature, "cp_ops");
  cr_feature_set_name (feature, "CP-Ops");
  cr_feature_set_geometry (feature, point);
  g_assert_true (cr_store_insert (store, CR_RECORD (feature), &error));

  other = cr_store_open (cr_store_get_path (store), &error);
  theirs = cr_store_get (other, CR_TYPE_FEATURE, cr_record_get_id (CR_RECORD (feature)), &error);
  cr_feature_set_name (theirs, "CP-Ops (moved)");
  g_assert_true (cr_store_update (other, CR_RECORD (theirs), &error));

  cr_feature_set_name (feature, "CP-Ops North");
  g_assert_false (cr_store_update (store, CR_RECORD (feature), &error));
  g_assert_error (error, CR_STORE_ERROR, CR_STORE_ERROR_CONFLICT);
  back = cr_store_get (store, CR_TYPE_FEATURE, cr_record_get_id (CR_RECORD (feature)), NULL);
  g_assert_cmpstr (cr_feature_get_name (back), ==, "CP-Ops (moved)");
}

static gboolean
is_unavailable (gpointer data)
{
  return !cr_store_get_available (data);
}

static gboolean
is_available (gpointer data)
{
  return cr_store_get_available (data);
}

/* The file disappears (a share unmounted, a restore in progress): the
 * store says so, and reconnects when it is back. */
static void
test_unavailable_and_back (void)
{
  g_autoptr(CrStore) store = cr_test_open_store ();
  g_autofree char *aside = g_strconcat (cr_store_get_path (store), ".aside", NULL);
  g_autoptr(CrEvent) event = cr_event_new ();
  g_autoptr(GListModel) events = NULL;
  g_autoptr(GError) error = NULL;

  cr_event_set_name (event, "Before");
  g_assert_true (cr_store_insert (store, CR_RECORD (event), &error));
  g_assert_true (cr_store_get_available (store));
  g_assert_null (cr_store_get_unavailable_since (store));

  g_assert_cmpint (g_rename (cr_store_get_path (store), aside), ==, 0);
  g_assert_true (cr_test_wait_until (is_unavailable, store, 60));
  g_assert_nonnull (cr_store_get_unavailable_since (store));

  g_assert_cmpint (g_rename (aside, cr_store_get_path (store)), ==, 0);
  g_assert_true (cr_test_wait_until (is_available, store, 60));
  events = cr_store_list_events (store, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (events), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  if (argc == 4 && g_str_equal (argv[1], "--writer"))
    return run_writer (argv[2], atoi (argv[3]));

  self_path = argv[0];
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/sharing/in-order", test_changes_arrive_in_order);
  g_test_add_func ("/sharing/own-once", test_own_changes_once);
  g_test_add_func ("/sharing/conflict", test_concurrent_edit_conflict);
  g_test_add_func ("/sharing/unavailable", test_unavailable_and_back);

  return g_test_run ();
}
