/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <cjson/cJSON.h>
#include <glib/gstdio.h>

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

  return g_test_run ();
}
