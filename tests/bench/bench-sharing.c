/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <sys/resource.h>

#include "cr-store.h"

/* Change propagation between two processes on one database: a writer
 * commits 1,000 changes, each stamped with the monotonic clock (shared by
 * every process on the machine); this process receives them through its
 * store's file watcher and prints p50/p99 latency. Then the CPU an idle
 * process with an open store uses (goal < 1 %).
 *
 * Usage: bench-sharing [--quick]        (quick: 200 changes, 5 s idle)
 *        bench-sharing --writer FILE N  (internal) */

static int
run_writer (const char *path,
            int         n)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrStore) store = cr_store_open (path, &error);

  if (store == NULL)
    return 1;
  for (int i = 0; i < n; i++)
    {
      g_autoptr(CrEvent) event = cr_event_new ();
      g_autofree char *name = g_strdup_printf ("Latency %d", i);
      g_autofree char *stamp = NULL;

      cr_event_set_name (event, name);
      stamp = g_strdup_printf ("%" G_GINT64_FORMAT, g_get_monotonic_time ());
      cr_event_set_description (event, stamp);
      if (!cr_store_insert (store, CR_RECORD (event), &error))
        return 1;
      /* A steady stream, not one burst: each change is measured alone. */
      g_usleep (5000);
    }
  return 0;
}

typedef struct
{
  CrStore *store;
  GArray *latencies; /* double ms */
} Reader;

static void
changed_cb (CrStore    *store,
            const char *table,
            gint64      row_id,
            int         change,
            Reader     *r)
{
  g_autoptr(CrEvent) event = NULL;
  double ms;

  if (change != CR_STORE_CHANGE_INSERT)
    return;
  event = cr_store_get (store, CR_TYPE_EVENT, row_id, NULL);
  if (event == NULL || cr_event_get_description (event) == NULL)
    return;
  ms = (g_get_monotonic_time () - g_ascii_strtoll (cr_event_get_description (event), NULL, 10)) / 1000.0;
  g_array_append_val (r->latencies, ms);
}

static gboolean
quit_cb (gpointer loop)
{
  g_main_loop_quit (loop);
  return G_SOURCE_REMOVE;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
percentile (GArray *sorted,
            double  p)
{
  guint i = MIN (sorted->len - 1, (guint) (p * sorted->len));

  return g_array_index (sorted, double, i);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *count = NULL;
  g_autoptr(CrStore) store = NULL;
  gboolean quick;
  int n, idle_seconds;
  Reader r;
  GPid pid;
  struct rusage before, after;
  double cpu;
  gint64 start, deadline;

  if (argc == 4 && g_str_equal (argv[1], "--writer"))
    return run_writer (argv[2], atoi (argv[3]));
  quick = argc > 1 && g_str_equal (argv[1], "--quick");
  n = quick ? 200 : 1000;
  idle_seconds = quick ? 5 : 60;

  dir = g_dir_make_tmp ("cr-bench-sharing-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "shared.gpkg", NULL);
  store = cr_store_open (path, &error);
  g_assert_no_error (error);

  r.store = store;
  r.latencies = g_array_new (FALSE, FALSE, sizeof (double));
  g_signal_connect (store, "changed::events", G_CALLBACK (changed_cb), &r);

  count = g_strdup_printf ("%d", n);
  {
    const char *wargv[] = { argv[0], "--writer", path, count, NULL };

    g_spawn_async (NULL, (char **) wargv, NULL, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL, &pid, &error);
    g_assert_no_error (error);
  }
  deadline = g_get_monotonic_time () + 120 * G_USEC_PER_SEC;
  while ((int) r.latencies->len < n && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_spawn_close_pid (pid);

  g_array_sort (r.latencies, compare_doubles);
  g_print ("Change propagation between two processes (%d changes)\n", n);
  g_print ("%-12s %10s %10s %10s %10s\n", "received", "p50 ms", "p99 ms", "max ms", "goal");
  g_print ("%-12u %10.2f %10.2f %10.2f %10s\n", r.latencies->len,
           r.latencies->len ? percentile (r.latencies, 0.50) : NAN,
           r.latencies->len ? percentile (r.latencies, 0.99) : NAN,
           r.latencies->len ? g_array_index (r.latencies, double, r.latencies->len - 1) : NAN,
           "50 / 200");

  /* Idle: nothing changes; the watcher must not spin. */
  getrusage (RUSAGE_SELF, &before);
  start = g_get_monotonic_time ();
  deadline = start + idle_seconds * G_USEC_PER_SEC;
  {
    g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);

    g_timeout_add_seconds (idle_seconds, quit_cb, loop);
    g_main_loop_run (loop);
  }
  (void) deadline;
  getrusage (RUSAGE_SELF, &after);
  cpu = (after.ru_utime.tv_sec - before.ru_utime.tv_sec) + (after.ru_utime.tv_usec - before.ru_utime.tv_usec) / 1e6 +
        (after.ru_stime.tv_sec - before.ru_stime.tv_sec) + (after.ru_stime.tv_usec - before.ru_stime.tv_usec) / 1e6;
  g_print ("\nIdle process with an open store, %d s\n", idle_seconds);
  g_print ("%-12s %10s\n", "CPU %", "goal");
  g_print ("%-12.3f %10s\n", 100 * cpu / ((g_get_monotonic_time () - start) / 1e6), "< 1");

  g_array_unref (r.latencies);
  g_clear_object (&store);
  {
    g_autofree char *wal = g_strconcat (path, "-wal", NULL);
    g_autofree char *shm = g_strconcat (path, "-shm", NULL);

    g_unlink (wal);
    g_unlink (shm);
    g_unlink (path);
    g_rmdir (dir);
  }
  return 0;
}
