/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>

#include "cr-store-contacts.h"
#include "cr-test-utils.h"

static char *tmpdir;
static guint counter;

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    while ((name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *child = g_build_filename (path, name, NULL);

        if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
          remove_tree (child);
        else
          g_unlink (child);
      }
  g_rmdir (path);
}

static void
cleanup (void)
{
  if (tmpdir != NULL && g_getenv ("CR_TEST_KEEP_TMP") == NULL)
    remove_tree (tmpdir);
  g_clear_pointer (&tmpdir, g_free);
}

const char *
cr_test_tmpdir (void)
{
  if (tmpdir == NULL)
    {
      g_autoptr(GError) error = NULL;

      tmpdir = g_dir_make_tmp ("crisis-room-test-XXXXXX", &error);
      g_assert_no_error (error);
      atexit (cleanup);
    }
  return tmpdir;
}

char *
cr_test_tmp_path (const char *name)
{
  g_autofree char *unique = g_strdup_printf ("%u-%s", ++counter, name);

  return g_build_filename (cr_test_tmpdir (), unique, NULL);
}

CrStore *
cr_test_open_store (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = cr_test_tmp_path ("test.gpkg");
  CrStore *store = cr_store_open (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  cr_store_set_operator (store, "Test Operator");
  return store;
}

char *
cr_test_fixture_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "fixtures", name, NULL);
}

CrContact *
cr_test_find_contact (CrStore    *store,
                      const char *name)
{
  g_autoptr(GListModel) all = cr_store_list (store, CR_TYPE_CONTACT, NULL, 0, NULL);

  g_assert_nonnull (all);
  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    {
      g_autoptr(CrContact) contact = g_list_model_get_item (all, i);

      if (g_strcmp0 (cr_contact_get_name (contact), name) == 0)
        return g_steal_pointer (&contact);
    }
  return NULL;
}

gint64
cr_test_contact_id (CrStore    *store,
                    const char *name)
{
  g_autoptr(CrContact) contact = cr_test_find_contact (store, name);

  g_assert_nonnull (contact);
  return cr_record_get_id (CR_RECORD (contact));
}

gint64
cr_test_partner_id (CrStore    *store,
                    const char *name)
{
  g_autoptr(CrPartner) partner = cr_store_find_partner (store, name, NULL);

  g_assert_nonnull (partner);
  return cr_record_get_id (CR_RECORD (partner));
}

int
cr_test_run (const char *const *argv,
             char             **out,
             char             **err)
{
  g_autoptr(GError) error = NULL;
  int status = -1;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, out, err, &status, &error);
  g_assert_no_error (error);
  if (WIFEXITED (status))
    return WEXITSTATUS (status);
  return -1;
}

const char *
cr_test_app_binary (void)
{
  const char *path = g_getenv ("CR_APP_BINARY");

  g_assert_nonnull (path);
  return path;
}

gboolean
cr_test_have_program (const char *name)
{
  g_autofree char *path = g_find_program_in_path (name);

  return path != NULL;
}

gboolean
cr_test_wait_until (CrTestCondition done,
                    gpointer        data,
                    guint           timeout_s)
{
  gint64 deadline = g_get_monotonic_time () + timeout_s * G_USEC_PER_SEC;

  while (!done (data))
    {
      if (g_get_monotonic_time () > deadline)
        return FALSE;
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  return TRUE;
}
