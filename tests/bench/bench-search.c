/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bench-search"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <time.h>

#include "cr-search.h"
#include "cr-store-contacts.h"
#include "cr-store-private.h"

/* Search-as-you-type latency over a generated directory (100 000
 * contacts by default, or the number given as the first argument): every
 * query is typed one character at a time, as a user does, and each
 * keystroke's cr_store_search_contacts() (50 results) is timed. Prints
 * p50/p99/max per kind of query and over all, as wall-clock time (what
 * the user waits) and as the thread's CPU time (what the search costs,
 * whatever else the machine runs: on a loaded machine the wall-clock
 * p99 is a scheduler time slice); asserts nothing. The goal is p99 ≤ 2 ms.
 *
 * The directory is obviously fictitious: names made of words for
 * "example" and "test", partners numbered, fixed lines +32 2 0xx xx xx
 * and "mobiles" +32 4 0xx xx xx (no subscriber number starts with 0 after
 * the area code, so none can be dialled), addresses at .example. */

#define DEFAULT_CONTACTS 100000
#define CONTACTS_PER_PARTNER 40
#define PASSES 5
#define LIMIT 50

static const char *const given[] = {
  "Alice", "Bram", "Chloé", "Dirk", "Emma", "Floris", "Gaëlle", "Hendrik", "Inès", "Jasper",
  "Karim", "Lotte", "Marc", "Nadia", "Olivier", "Pieter", "Quentin", "Roos", "Sven", "Théo",
  "Ulla", "Victor", "Wendy", "Xavier", "Yasmine", "Zeger", "Amélie", "Bert", "Camille", "Daan",
};

static const char *const family[] = {
  "Exemple", "Voorbeeld", "Fictif", "Demo", "Essai", "Fictief", "Modèle", "Proef", "Témoin", "Nep",
  "Specimen", "Oefening", "Factice", "Exercice", "Bidon", "Verzonnen", "Simulé", "Denkbeeldig",
  "Testpersoon", "Fantôme", "Proefpersoon", "Pseudonyme", "Model", "Maquette", "Brouillon",
  "Schets", "Ébauche", "Kladversie", "Prototype", "Dummy", "Figurant", "Anonyme", "Onbekend",
};

static const char *const places[] = {
  "Anderlecht", "Auderghem", "Berchem-Sainte-Agathe", "BRUXELLES", "Etterbeek", "Evere", "Forest",
  "Ganshoren", "Ixelles", "Jette", "Koekelberg", "Molenbeek-Saint-Jean", "Saint-Gilles",
  "Saint-Josse-ten-Noode", "Schaerbeek", "Uccle", "Watermael-Boitsfort", "Woluwe-Saint-Lambert",
  "Woluwe-Saint-Pierre",
};

static const char *const kinds[] = {
  "Commune de", "Zone de police", "CPAS de", "Service incendie", "Gemeente", "Politiezone",
  "Exercice", "Test",
};

static const char *const functions[] = {
  "Crisis SPOC", "Deputy SPOC", "Duty officer", "Dispatch desk", "Emergency planning officer (PLANU)",
  "Communication officer", "Secretariat", "Liaison officer", "Fonctionnaire PLANU", "Wachtofficier",
};

typedef struct
{
  const char *kind;
  const char *query;
} Query;

/* Typed one character at a time: every prefix is a keystroke. */
static const Query queries[] = {
  { "name", "chloe fictif" },
  { "name", "Hendrik Proef" },
  { "name", "ébauche" },
  { "name", "zeger schets" },
  { "partner", "saint gilles" },
  { "partner", "bruxelles" },
  { "partner", "zone de police ixelles" },
  { "partner", "gemeente jette 12" },
  { "function", "planu" },
  { "function", "liaison" },
  { "e-mail", "amelie.ebauche@" },
  { "phone", "+32 4 012 34" },
  { "phone", "0401234" },
  { "phone", "02 034 56" },
  { "phone", "0032 2 0" },
  { "none", "nobody at all" },
  /* A typo after the sixth letter of a common word: the worst case of
   * the words cut to the prefix index's length. */
  { "typo", "saint gillesz" },
  { "typo", "exemplairement" },
};

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
percentile (GArray *sorted,
            double  p)
{
  guint index;

  if (sorted->len == 0)
    return 0;
  index = (guint) (p * (sorted->len - 1) + 0.5);
  return g_array_index (sorted, double, MIN (index, sorted->len - 1));
}

static double
clock_ms (clockid_t clock)
{
  struct timespec ts;

  clock_gettime (clock, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

static double
now_ms (void)
{
  return clock_ms (CLOCK_MONOTONIC);
}

static double
cpu_ms (void)
{
  return clock_ms (CLOCK_THREAD_CPUTIME_ID);
}

typedef struct
{
  GArray *wall;
  GArray *cpu;
} Times;

static Times *
times_new (void)
{
  Times *t = g_new0 (Times, 1);

  t->wall = g_array_new (FALSE, FALSE, sizeof (double));
  t->cpu = g_array_new (FALSE, FALSE, sizeof (double));
  return t;
}

static void
times_free (gpointer data)
{
  Times *t = data;

  g_array_unref (t->wall);
  g_array_unref (t->cpu);
  g_free (t);
}

static void
print_row (const char *name,
           Times      *t)
{
  g_array_sort (t->wall, compare_doubles);
  g_array_sort (t->cpu, compare_doubles);
  g_print ("%-10s %10u %9.3f %9.3f %9.3f %9.3f %9.3f %9.3f\n", name, t->wall->len,
           percentile (t->wall, 0.5), percentile (t->wall, 0.99),
           g_array_index (t->wall, double, t->wall->len - 1),
           percentile (t->cpu, 0.5), percentile (t->cpu, 0.99),
           g_array_index (t->cpu, double, t->cpu->len - 1));
}

static void
fill (CrStore *store,
      guint    n_contacts)
{
  sqlite3 *db = store->db;
  g_autoptr(sqlite3_stmt) partner_stmt = NULL;
  g_autoptr(sqlite3_stmt) contact_stmt = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (20240926);
  guint n_partners = (n_contacts + CONTACTS_PER_PARTNER - 1) / CONTACTS_PER_PARTNER;
  g_autoptr(GArray) partner_ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), n_partners);
  g_autoptr(GError) error = NULL;

  g_assert_true (cr_store_begin (store, &error));
  g_assert_cmpint (sqlite3_prepare_v2 (db, "INSERT INTO partners (name, partner_type) VALUES (?, 'other')",
                                       -1, &partner_stmt, NULL), ==, SQLITE_OK);
  for (guint i = 0; i < n_partners; i++)
    {
      g_autofree char *name = g_strdup_printf ("%s %s %u", kinds[i % G_N_ELEMENTS (kinds)],
                                               places[(i / G_N_ELEMENTS (kinds)) % G_N_ELEMENTS (places)], i);
      gint64 id;

      sqlite3_bind_text (partner_stmt, 1, name, -1, SQLITE_TRANSIENT);
      g_assert_cmpint (sqlite3_step (partner_stmt), ==, SQLITE_DONE);
      sqlite3_reset (partner_stmt);
      id = sqlite3_last_insert_rowid (db);
      g_array_append_val (partner_ids, id);
    }

  g_assert_cmpint (sqlite3_prepare_v2 (db, "INSERT INTO contacts (partner_id, name, function, phone_mobile,"
                                       " phone_office, phone_24_7, email, availability)"
                                       " VALUES (?, ?, ?, ?, ?, ?, ?, '24-7')",
                                       -1, &contact_stmt, NULL), ==, SQLITE_OK);
  for (guint i = 0; i < n_contacts; i++)
    {
      const char *g = given[g_rand_int_range (rand, 0, G_N_ELEMENTS (given))];
      const char *f = family[g_rand_int_range (rand, 0, G_N_ELEMENTS (family))];
      g_autofree char *name = g_strdup_printf ("%s %s", g, f);
      g_autofree char *folded = cr_search_fold (name);
      int m = g_rand_int_range (rand, 0, 1000000);
      int o = g_rand_int_range (rand, 0, 1000000);
      /* Typed in the ways people type them. */
      g_autofree char *mobile = (i % 2) ? g_strdup_printf ("+32 4 0%02d %02d %02d", m / 10000, m / 100 % 100, m % 100)
                                        : g_strdup_printf ("040%02d/%02d.%02d", m / 10000, m / 100 % 100, m % 100);
      g_autofree char *office = g_strdup_printf ("02 0%02d %02d %02d", o / 10000, o / 100 % 100, o % 100);
      g_autofree char *email = g_strdup_printf ("%s.%u@test%u.example", g_strdelimit (folded, " ", '.'), i,
                                                i / CONTACTS_PER_PARTNER);

      sqlite3_bind_int64 (contact_stmt, 1, g_array_index (partner_ids, gint64, i / CONTACTS_PER_PARTNER));
      sqlite3_bind_text (contact_stmt, 2, name, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (contact_stmt, 3, functions[g_rand_int_range (rand, 0, G_N_ELEMENTS (functions))], -1,
                         SQLITE_STATIC);
      sqlite3_bind_text (contact_stmt, 4, mobile, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (contact_stmt, 5, office, -1, SQLITE_TRANSIENT);
      if (i % 5 == 0)
        sqlite3_bind_text (contact_stmt, 6, office, -1, SQLITE_TRANSIENT);
      else
        sqlite3_bind_null (contact_stmt, 6);
      sqlite3_bind_text (contact_stmt, 7, email, -1, SQLITE_TRANSIENT);
      g_assert_cmpint (sqlite3_step (contact_stmt), ==, SQLITE_DONE);
      sqlite3_reset (contact_stmt);
    }
  g_assert_true (cr_store_commit (store, &error));
  g_assert_no_error (error);
}

static void
remove_folder (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (folder, name, NULL);

      g_unlink (path);
    }
  g_rmdir (folder);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrStore) store = NULL;
  g_autofree char *folder = g_dir_make_tmp ("crisis-room-bench-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autoptr(GHashTable) by_kind = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, times_free);
  Times *all = times_new ();
  guint n_contacts = argc > 1 ? (guint) g_ascii_strtoull (argv[1], NULL, 10) : DEFAULT_CONTACTS;
  double t0, fill_ms;
  GStatBuf st;
  static const char *const order[] = { "name", "partner", "function", "e-mail", "phone", "none", "typo" };

  g_assert_no_error (error);
  if (n_contacts == 0)
    n_contacts = DEFAULT_CONTACTS;
  path = g_build_filename (folder, "bench.gpkg", NULL);
  store = cr_store_open (path, &error);
  g_assert_no_error (error);

  t0 = now_ms ();
  fill (store, n_contacts);
  fill_ms = now_ms () - t0;
  g_stat (path, &st);
  g_print ("# Search as you type over %u generated contacts\n", n_contacts);
  g_print ("# %u partners, inserted and indexed in %.1f s; database %.1f MB\n",
           (n_contacts + CONTACTS_PER_PARTNER - 1) / CONTACTS_PER_PARTNER, fill_ms / 1000,
           st.st_size / 1e6);

  for (guint pass = 0; pass <= PASSES; pass++)
    for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
      {
        const char *text = queries[q].query;
        Times *times = g_hash_table_lookup (by_kind, queries[q].kind);

        if (times == NULL)
          {
            times = times_new ();
            g_hash_table_insert (by_kind, (gpointer) queries[q].kind, times);
          }
        for (const char *end = g_utf8_next_char (text); ; end = g_utf8_next_char (end))
          {
            g_autofree char *typed = g_strndup (text, (gsize) (end - text));
            g_autoptr(GArray) ids = NULL;
            double start = now_ms (), start_cpu = cpu_ms (), ms, cpu;

            ids = cr_store_search_contacts (store, typed, LIMIT, NULL, &error);
            ms = now_ms () - start;
            cpu = cpu_ms () - start_cpu;
            g_assert_no_error (error);
            /* The first pass warms the caches, as the first keystrokes of
             * a session do. */
            if (pass > 0)
              {
                g_array_append_val (times->wall, ms);
                g_array_append_val (times->cpu, cpu);
                g_array_append_val (all->wall, ms);
                g_array_append_val (all->cpu, cpu);
              }
            if (*end == '\0')
              break;
          }
      }

  g_print ("\n%-10s %10s %29s %29s\n", "", "", "wall clock (ms)", "thread CPU (ms)");
  g_print ("%-10s %10s %9s %9s %9s %9s %9s %9s\n", "queries", "keystrokes", "p50", "p99", "max",
           "p50", "p99", "max");
  for (guint k = 0; k < G_N_ELEMENTS (order); k++)
    print_row (order[k], g_hash_table_lookup (by_kind, order[k]));
  print_row ("all", all);
  times_free (all);
  g_print ("\n# goal: p99 <= 2 ms\n");

  g_clear_object (&store);
  remove_folder (folder);
  return 0;
}
