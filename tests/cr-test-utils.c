/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>

#include "cr-demo.h"
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

int
cr_test_run_app_argv (const char        *database,
                      const char *const *args,
                      char             **out,
                      char             **err)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();

  /* g_spawn_sync() overwrites them without freeing. */
  if (out != NULL)
    g_clear_pointer (out, g_free);
  if (err != NULL)
    g_clear_pointer (err, g_free);
  g_ptr_array_add (argv, (gpointer) cr_test_app_binary ());
  if (database != NULL)
    {
      g_ptr_array_add (argv, (gpointer) "--database");
      g_ptr_array_add (argv, (gpointer) database);
    }
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);
  return cr_test_run ((const char *const *) argv->pdata, out, err);
}

int
cr_test_run_app (char **out,
                 char **err,
                 ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  va_list ap;
  const char *arg;

  va_start (ap, err);
  while ((arg = va_arg (ap, const char *)) != NULL)
    g_ptr_array_add (args, (gpointer) arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);
  return cr_test_run_app_argv (NULL, (const char *const *) args->pdata, out, err);
}

gboolean
cr_test_have_program (const char *name)
{
  g_autofree char *path = g_find_program_in_path (name);

  return path != NULL;
}

CrStore *
cr_test_open_demo_store (void)
{
  g_autoptr(GError) error = NULL;
  CrStore *store = cr_test_open_store ();
  gboolean loaded = FALSE;

  g_assert_true (cr_demo_load (store, &loaded, &error));
  g_assert_no_error (error);
  g_assert_true (loaded);
  return store;
}

gint64
cr_test_add_partner (CrStore      *store,
                     const char   *name,
                     CrPartnerType type)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrPartner) partner = cr_partner_new ();

  cr_partner_set_name (partner, name);
  cr_partner_set_partner_type (partner, type);
  g_assert_true (cr_store_insert (store, CR_RECORD (partner), &error));
  g_assert_no_error (error);
  return cr_record_get_id (CR_RECORD (partner));
}

guint
cr_test_assert_same_directory (CrStore *a,
                               CrStore *b,
                               gboolean exact_times)
{
  g_autoptr(GListModel) partners = cr_store_list (a, CR_TYPE_PARTNER, NULL, 0, NULL);
  guint n_contacts = 0;

  for (guint i = 0; i < g_list_model_get_n_items (partners); i++)
    {
      g_autoptr(CrPartner) pa = g_list_model_get_item (partners, i);
      g_autoptr(CrPartner) pb = cr_store_find_partner (b, cr_partner_get_name (pa), NULL);
      g_autoptr(GListModel) ca = NULL;
      g_autoptr(GListModel) cb = NULL;

      g_assert_nonnull (pb);
      g_assert_cmpint (cr_partner_get_partner_type (pa), ==, cr_partner_get_partner_type (pb));
      ca = cr_store_list_partner_contacts (a, cr_record_get_id (CR_RECORD (pa)), NULL);
      cb = cr_store_list_partner_contacts (b, cr_record_get_id (CR_RECORD (pb)), NULL);
      g_assert_cmpuint (g_list_model_get_n_items (ca), ==, g_list_model_get_n_items (cb));
      for (guint k = 0; k < g_list_model_get_n_items (ca); k++)
        {
          g_autoptr(CrContact) x = g_list_model_get_item (ca, k);
          g_autoptr(CrContact) y = g_list_model_get_item (cb, k);
          GDateTime *vx = cr_contact_get_verified_at (x);
          GDateTime *vy = cr_contact_get_verified_at (y);

          g_assert_cmpstr (cr_contact_get_name (x), ==, cr_contact_get_name (y));
          g_assert_cmpstr (cr_contact_get_function (x), ==, cr_contact_get_function (y));
          /* Numbers come back as they were typed. */
          g_assert_cmpstr (cr_contact_get_phone_mobile (x), ==, cr_contact_get_phone_mobile (y));
          g_assert_cmpstr (cr_contact_get_phone_office (x), ==, cr_contact_get_phone_office (y));
          g_assert_cmpstr (cr_contact_get_phone_24_7 (x), ==, cr_contact_get_phone_24_7 (y));
          g_assert_cmpstr (cr_contact_get_email (x), ==, cr_contact_get_email (y));
          g_assert_cmpstr (cr_contact_get_language (x), ==, cr_contact_get_language (y));
          g_assert_cmpint (cr_contact_get_availability (x), ==, cr_contact_get_availability (y));
          g_assert_cmpstr (cr_contact_get_notes (x), ==, cr_contact_get_notes (y));
          g_assert_cmpstr (cr_contact_get_verified_by (x), ==, cr_contact_get_verified_by (y));
          g_assert_true ((vx == NULL) == (vy == NULL));
          if (vx != NULL)
            {
              GTimeSpan diff = g_date_time_difference (vx, vy);

              if (exact_times)
                g_assert_cmpint (diff, ==, 0);
              else
                g_assert_cmpint (ABS (diff), <, G_TIME_SPAN_SECOND);
            }
          g_assert_cmpint (cr_store_get_spoc_rank (a, cr_record_get_id (CR_RECORD (pa)),
                                                   cr_record_get_id (CR_RECORD (x)), NULL),
                           ==,
                           cr_store_get_spoc_rank (b, cr_record_get_id (CR_RECORD (pb)),
                                                   cr_record_get_id (CR_RECORD (y)), NULL));
          n_contacts++;
        }
    }
  return n_contacts;
}

CrGeometry *
cr_test_square_with_hole_new (double ox,
                              double oy)
{
  const double outer[] = { ox, oy, ox + 10, oy, ox + 10, oy + 10, ox, oy + 10, ox, oy };
  const double hole[] = { ox + 4, oy + 4, ox + 4, oy + 6, ox + 6, oy + 6,
                          ox + 6, oy + 4, ox + 4, oy + 4 };
  CrGeometry *polygon = cr_geometry_new (CR_GEOMETRY_POLYGON);

  cr_geometry_add_part (polygon, cr_geometry_new_linestring (outer, 5));
  cr_geometry_add_part (polygon, cr_geometry_new_linestring (hole, 5));
  return polygon;
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
