/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <cjson/cJSON.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <sys/resource.h>
#include <sys/stat.h>

#include "cr-test-utils.h"

/* The command line as a user runs it: the real binary, exit statuses,
 * what it prints, and what it leaves in the database. */

static gint64
count_rows (const char *db_path,
            const char *table)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrStore) store = cr_store_open (db_path, &error);
  GType type = g_str_equal (table, "features") ? CR_TYPE_FEATURE : CR_TYPE_EVENT;

  g_assert_no_error (error);
  return cr_store_count (store, type, NULL, 0, NULL);
}

static void
test_version (void)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (cr_test_run_app (&out, &err, "--version", NULL), ==, 0);
  g_assert_cmpstr (out, ==, "crisis-room " PACKAGE_VERSION "\n");
}

static void
test_help (void)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (cr_test_run_app (&out, &err, "--help", NULL), ==, 0);
  /* Every option the README promises is documented. */
  g_assert_nonnull (strstr (out, "--database"));
  g_assert_nonnull (strstr (out, "--demo"));
  g_assert_nonnull (strstr (out, "--import-geojson=FILE"));
  g_assert_nonnull (strstr (out, "--export-geojson=FILE"));
  g_assert_nonnull (strstr (out, "--event=NAME"));
  g_assert_nonnull (strstr (out, "--skip-invalid"));
  g_assert_nonnull (strstr (out, "--list-events"));
  g_assert_nonnull (strstr (out, "--version"));
}

static void
test_usage_errors (void)
{
  g_autofree char *db = cr_test_tmp_path ("usage.gpkg");
  g_autofree char *fixture = cr_test_fixture_path ("cli/zones.geojson");
  const char *const *cases[] = {
    (const char *[]) { "--no-such-option", NULL },
    (const char *[]) { "--import-geojson", fixture, NULL },
    (const char *[]) { "--export-geojson", "out.geojson", NULL },
    (const char *[]) { "--list-events", "--import-geojson", fixture, "--event", "E", NULL },
    (const char *[]) { "--skip-invalid", "--list-events", NULL },
    (const char *[]) { "stray-argument", NULL },
    (const char *[]) { "--import-geojson", fixture, "--event", "   ", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;

      g_assert_cmpint (cr_test_run_app_argv (db, cases[i], &out, &err), ==, 2);
      g_assert_true (g_str_has_prefix (err, "crisis-room: "));
      g_assert_nonnull (strstr (err, "--help"));
    }
  /* A usage error never touches the database. */
  g_assert_false (g_file_test (db, G_FILE_TEST_EXISTS));
}

static void
test_import_list_export (void)
{
  g_autofree char *db = cr_test_tmp_path ("cli.gpkg");
  g_autofree char *fixture = cr_test_fixture_path ("cli/zones.geojson");
  g_autofree char *export_path = cr_test_tmp_path ("export.geojson");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(cJSON) json = NULL;
  cJSON *features;

  g_assert_cmpint (cr_test_run_app (&out, &err, "--database", db, "--import-geojson", fixture,
                                    "--event", "Papal visit test", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "2"));
  g_assert_nonnull (strstr (out, "Papal visit test"));
  g_assert_cmpint (count_rows (db, "features"), ==, 2);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* Importing again into the same event (any case) adds, does not create. */
  g_assert_cmpint (cr_test_run_app (&out, &err, "--database", db, "--import-geojson", fixture,
                                    "--event", "PAPAL VISIT TEST", NULL), ==, 0);
  g_assert_cmpint (count_rows (db, "features"), ==, 4);
  g_assert_cmpint (count_rows (db, "events"), ==, 1);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (cr_test_run_app (&out, &err, "--database", db, "--list-events", NULL), ==, 0);
  g_assert_true (g_str_has_prefix (out, "Papal visit test\t"));
  g_assert_true (g_str_has_suffix (out, "\t4\n"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (cr_test_run_app (&out, &err, "--database", db, "--export-geojson", export_path,
                                    "--event", "Papal visit test", NULL), ==, 0);
  g_assert_true (g_file_get_contents (export_path, &contents, NULL, NULL));
  json = cJSON_Parse (contents);
  g_assert_nonnull (json);
  g_assert_cmpstr (cJSON_GetObjectItem (json, "type")->valuestring, ==, "FeatureCollection");
  features = cJSON_GetObjectItem (json, "features");
  g_assert_cmpint (cJSON_GetArraySize (features), ==, 4);
}

static void
test_bad_input_leaves_database_unchanged (void)
{
  g_autofree char *db = cr_test_tmp_path ("bad.gpkg");
  g_autofree char *good = cr_test_fixture_path ("cli/zones.geojson");
  g_autofree char *bad = cr_test_fixture_path ("cli/bad-ring.geojson");
  g_autofree char *truncated = cr_test_fixture_path ("cli/truncated.geojson");
  g_autofree char *missing = cr_test_tmp_path ("missing.geojson");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (cr_test_run_app (&out, &err, "--database", db, "--import-geojson", good,
                                    "--event", "E", NULL), ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* A ring of three positions: refused, named, nothing written. */
  g_assert_cmpint (cr_test_run_app (&out, &err, "--database", db, "--import-geojson", bad,
                                    "--event", "E", NULL), ==, 1);
  g_assert_nonnull (strstr (err, bad));
  g_assert_nonnull (strstr (err, "Broken zone"));
  g_assert_cmpint (count_rows (db, "features"), ==, 2);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* Into a new event: the event is not created either. */
  g_assert_cmpint (cr_test_run_app (&out, &err, "--database", db, "--import-geojson", bad,
                                    "--event", "Other", NULL), ==, 1);
  g_assert_cmpint (count_rows (db, "events"), ==, 1);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (cr_test_run_app (&out, &err, "--database", db, "--import-geojson", truncated,
                                    "--event", "E", NULL), ==, 1);
  g_assert_nonnull (strstr (err, truncated));
  g_assert_cmpint (count_rows (db, "features"), ==, 2);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (cr_test_run_app (&out, &err, "--database", db, "--import-geojson", missing,
                                    "--event", "E", NULL), ==, 1);
  g_assert_nonnull (strstr (err, missing));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* --skip-invalid imports the good one and names the skipped one. */
  g_assert_cmpint (cr_test_run_app (&out, &err, "--database", db, "--import-geojson", bad,
                                    "--event", "E", "--skip-invalid", NULL), ==, 0);
  g_assert_nonnull (strstr (err, "2"));
  g_assert_cmpint (count_rows (db, "features"), ==, 3);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* Exporting an event that does not exist. */
  g_assert_cmpint (cr_test_run_app (&out, &err, "--database", db, "--export-geojson", missing,
                                    "--event", "Nope", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "Nope"));
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
}

static void
test_database_not_ours (void)
{
  g_autofree char *db = cr_test_tmp_path ("garbage.gpkg");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_true (g_file_set_contents (db, "this is not a database, just text\n", -1, NULL));
  g_assert_cmpint (cr_test_run_app (&out, &err, "--database", db, "--list-events", NULL), ==, 1);
  g_assert_nonnull (strstr (err, db));
}

static void
test_demo_headless (void)
{
  g_autofree char *data_home = cr_test_tmp_path ("xdg-data");
  g_autofree char *demo_db = g_build_filename (data_home, "crisis-room", "demo.gpkg", NULL);
  g_autofree char *normal_db = g_build_filename (data_home, "crisis-room", "crisis-room.gpkg", NULL);
  const char *argv[] = { cr_test_app_binary (), "--demo", "--list-events", NULL };
  g_auto(GStrv) envp = g_environ_setenv (g_get_environ (), "XDG_DATA_HOME", data_home, TRUE);
  g_autofree char *out = NULL;
  g_autofree char *out2 = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  for (guint round = 0; round < 2; round++)
    {
      g_spawn_sync (NULL, (char **) argv, envp, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                    round == 0 ? &out : &out2, NULL, &status, &error);
      g_assert_no_error (error);
      g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 0);
    }
  /* The demo goes into demo.gpkg beside the normal file, and only once. */
  g_assert_true (g_file_test (demo_db, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (normal_db, G_FILE_TEST_EXISTS));
  g_assert_true (g_str_has_prefix (out, "Papal visit 2024 — exercise\t"));
  g_assert_cmpstr (out, ==, out2);
}

/* The slip of exporting onto the GeoPackage itself, under its name or
 * another (a link): refused, the database whole. */
static void
test_export_onto_database (void)
{
  g_autofree char *db = cr_test_tmp_path ("onto.gpkg");
  g_autofree char *link = cr_test_tmp_path ("onto-link.geojson");
  g_autofree char *fixture = cr_test_fixture_path ("cli/zones.geojson");
  const char *outputs[] = { "--export-geojson", "--export-sheet", "--export-contacts-csv" };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (cr_test_run_app (&out, &err, "--database", db, "--import-geojson", fixture,
                                    "--event", "E", NULL), ==, 0);
  g_assert_cmpint (symlink (db, link), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (outputs); i++)
    for (guint named = 0; named < 2; named++)
      {
        const char *target = named == 0 ? db : link;

        g_assert_cmpint (cr_test_run_app (&out, &err, "--database", db, outputs[i], target, "--event", "E",
                                          NULL), ==, 1);
        g_assert_nonnull (strstr (err, "the database itself"));
        g_assert_nonnull (strstr (err, target));
        g_assert_cmpint (count_rows (db, "features"), ==, 2);
      }
}

/* A database path that names nothing: no temporary database, and for a
 * command that only reads, no new file nor folder. */
static void
test_database_path (void)
{
  g_autofree char *typo_dir = cr_test_tmp_path ("typo");
  g_autofree char *typo = g_build_filename (typo_dir, "sub", "x.gpkg", NULL);
  g_autofree char *export_path = cr_test_tmp_path ("typo.geojson");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (cr_test_run_app (&out, &err, "--database", "", "--list-events", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "No database file was named"));

  g_assert_cmpint (cr_test_run_app (&out, &err, "--database", typo, "--list-events", NULL), ==, 1);
  g_assert_nonnull (strstr (err, typo));
  g_assert_nonnull (strstr (err, "no database there"));
  g_assert_cmpint (cr_test_run_app (&out, &err, "--database", typo, "--verify-logbook", NULL), ==, 1);
  g_assert_cmpint (cr_test_run_app (&out, &err, "--database", typo, "--export-geojson", export_path,
                                    "--event", "E", NULL), ==, 1);
  g_assert_false (g_file_test (typo_dir, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (export_path, G_FILE_TEST_EXISTS));

  /* The default database, not made yet: the same. */
  {
    g_autofree char *data_home = cr_test_tmp_path ("fresh-data");
    const char *argv[] = { cr_test_app_binary (), "--list-events", NULL };
    g_auto(GStrv) envp = g_environ_setenv (g_get_environ (), "XDG_DATA_HOME", data_home, TRUE);
    g_autofree char *fresh_err = NULL;
    g_autoptr(GError) error = NULL;
    int status;

    g_spawn_sync (NULL, (char **) argv, envp, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL, &fresh_err,
                  &status, &error);
    g_assert_no_error (error);
    g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 1);
    g_assert_nonnull (strstr (fresh_err, "no database there"));
    g_assert_false (g_file_test (data_home, G_FILE_TEST_EXISTS));
  }
}

/* A folder, or a pipe where a file is mapped (GeoJSON), named as the
 * file to import: said at once (the pipe was read for ever), nothing
 * written. */
static void
test_input_not_a_file (void)
{
  g_autofree char *db = cr_test_tmp_path ("inputs.gpkg");
  g_autofree char *fixture = cr_test_fixture_path ("cli/zones.geojson");
  g_autofree char *folder = cr_test_tmp_path ("a-folder.geojson");
  g_autofree char *pipe = cr_test_tmp_path ("a-pipe.geojson");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (cr_test_run_app (&out, &err, "--database", db, "--import-geojson", fixture,
                                    "--event", "E", NULL), ==, 0);
  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  g_assert_cmpint (mkfifo (pipe, 0600), ==, 0);

  g_assert_cmpint (cr_test_run_app (&out, &err, "--database", db, "--import-geojson", folder,
                                    "--event", "E", NULL), ==, 1);
  g_assert_nonnull (strstr (err, folder));
  g_assert_nonnull (strstr (err, "is a folder"));
  g_assert_cmpint (cr_test_run_app (&out, &err, "--database", db, "--import-reference", pipe,
                                    "--layer", "L", NULL), ==, 1);
  g_assert_nonnull (strstr (err, pipe));
  g_assert_nonnull (strstr (err, "a device or a pipe"));
  g_assert_cmpint (cr_test_run_app (&out, &err, "--database", db, "--import-contacts-csv", folder, NULL), ==, 1);
  g_assert_nonnull (strstr (err, "is a folder"));
  g_assert_cmpint (count_rows (db, "features"), ==, 2);
  g_assert_cmpint (count_rows (db, "events"), ==, 1);

  /* A file read whole may be a pipe: contacts from standard input. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GSubprocess) process = NULL;
    g_autofree char *stdout_text = NULL;
    g_autofree char *stderr_text = NULL;

    process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                  G_SUBPROCESS_FLAGS_STDERR_PIPE,
                                &error, cr_test_app_binary (), "--database", db, "--import-contacts-csv",
                                "/dev/stdin", NULL);
    g_assert_no_error (error);
    g_assert_true (g_subprocess_communicate_utf8 (process, "Organisation;Name;Mobile\n"
                                                           "Jette;Isabelle Hypothèse;0479 19 08 00\n",
                                                  NULL, &stdout_text, &stderr_text, &error));
    g_assert_no_error (error);
    g_assert_true (g_subprocess_get_if_exited (process));
    g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 0);
    g_assert_nonnull (strstr (stdout_text, "Imported 1 contact"));
  }
}

static void
limit_file_size (gpointer data)
{
  struct rlimit limit = { GPOINTER_TO_UINT (data), GPOINTER_TO_UINT (data) };

  setrlimit (RLIMIT_FSIZE, &limit);
}

/* The files in @dir whose names start with @prefix. */
static guint
count_files (const char *dir,
             const char *prefix)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n = 0;

  g_assert_nonnull (d);
  while ((name = g_dir_read_name (d)) != NULL)
    n += g_str_has_prefix (name, prefix);
  return n;
}

/* A file that cannot grow past a few pages (ulimit -f, as a nearly full
 * disk): the export fails, says so, and leaves no file and no
 * temporary one; a file of that name before stays as it was. The
 * process is not killed by the limit half-way (SIGXFSZ). */
static void
test_file_size_limit (void)
{
  g_autofree char *dir = cr_test_tmp_path ("limited");
  g_autofree char *db = g_build_filename (dir, "demo.gpkg", NULL);
  g_autofree char *report = g_build_filename (dir, "report.pdf", NULL);
  const char *argv[] = { cr_test_app_binary (), "--database", db, "--export-activation-report", report,
                         "--activation", "1", NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *kept = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir (dir, 0700), ==, 0);
  g_assert_cmpint (cr_test_run_app (&out, &err, "--database", db, "--demo", "--list-activations", NULL), ==, 0);
  /* Unlimited, the report takes more than the limit below; the database's
   * own files (its shared memory: 32 KiB) fit. */
  g_assert_cmpint (cr_test_run_app (&out, &err, "--database", db, "--export-activation-report", report,
                                    "--activation", "1", NULL), ==, 0);
  {
    GStatBuf buf;

    g_assert_cmpint (g_stat (report, &buf), ==, 0);
    g_assert_cmpint (buf.st_size, >, 48 * 1024);
  }
  g_assert_cmpint (g_unlink (report), ==, 0);

  for (guint before = 0; before < 2; before++)
    {
      int status = 0;

      if (before)
        g_assert_true (g_file_set_contents (report, "OLD", -1, NULL));
      g_clear_pointer (&out, g_free);
      g_clear_pointer (&err, g_free);
      g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, limit_file_size, GUINT_TO_POINTER (40 * 1024),
                    &out, &err, &status, &error);
      g_assert_no_error (error);
      g_assert_true (WIFEXITED (status));
      g_assert_cmpint (WEXITSTATUS (status), ==, 1);
      g_assert_nonnull (strstr (err, "report.pdf"));
      g_assert_cmpuint (count_files (dir, "report.pdf"), ==, before);
      if (before)
        {
          g_assert_true (g_file_get_contents (report, &kept, NULL, NULL));
          g_assert_cmpstr (kept, ==, "OLD");
        }
    }
}

/* Commands that write nothing leave the file byte for byte as it was,
 * even one in another journal mode than Crisis Room's (a copy kept as
 * evidence, checked with --verify-logbook). */
static void
test_reading_leaves_bytes (void)
{
  g_autofree char *db = cr_test_tmp_path ("evidence.gpkg");
  g_autofree char *fixture = cr_test_fixture_path ("cli/zones.geojson");
  g_autofree char *export_path = cr_test_tmp_path ("evidence.geojson");
  g_autofree char *before = NULL;
  g_autofree char *wal = g_strconcat (db, "-wal", NULL);
  gsize before_len;
  const char *const *commands[] = {
    (const char *[]) { "--list-events", NULL },
    (const char *[]) { "--verify-logbook", NULL },
    (const char *[]) { "--list-activations", NULL },
    (const char *[]) { "--export-geojson", export_path, "--event", "E", NULL },
  };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (cr_test_run_app (&out, &err, "--database", db, "--import-geojson", fixture,
                                    "--event", "E", NULL), ==, 0);
  {
    sqlite3 *raw = NULL;

    g_assert_cmpint (sqlite3_open (db, &raw), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_exec (raw, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL), ==, SQLITE_OK);
    sqlite3_close (raw);
  }
  g_assert_true (g_file_get_contents (db, &before, &before_len, NULL));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autofree char *after = NULL;
      gsize after_len;

      g_assert_cmpint (cr_test_run_app_argv (db, commands[i], &out, &err), ==, 0);
      g_assert_true (g_file_get_contents (db, &after, &after_len, NULL));
      g_assert_cmpmem (after, after_len, before, before_len);
      g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
    }
  g_assert_true (g_file_test (export_path, G_FILE_TEST_EXISTS));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/cli/version", test_version);
  g_test_add_func ("/cli/help", test_help);
  g_test_add_func ("/cli/usage-errors", test_usage_errors);
  g_test_add_func ("/cli/import-list-export", test_import_list_export);
  g_test_add_func ("/cli/bad-input", test_bad_input_leaves_database_unchanged);
  g_test_add_func ("/cli/not-ours", test_database_not_ours);
  g_test_add_func ("/cli/demo-headless", test_demo_headless);
  g_test_add_func ("/cli/export-onto-database", test_export_onto_database);
  g_test_add_func ("/cli/database-path", test_database_path);
  g_test_add_func ("/cli/input-not-a-file", test_input_not_a_file);
  g_test_add_func ("/cli/file-size-limit", test_file_size_limit);
  g_test_add_func ("/cli/reading-leaves-bytes", test_reading_leaves_bytes);

  return g_test_run ();
}
