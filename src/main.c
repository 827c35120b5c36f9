/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <signal.h>

#include "cr-application.h"
#include "cr-cli.h"
#include "cr-map-renderer.h"

/* The installed translations, or those built in the build tree when
 * running it without installing (`make run`). */
static const char *
cr_locale_dir (void)
{
  g_autofree char *installed = g_build_filename (LOCALEDIR, "fr", "LC_MESSAGES",
                                                 GETTEXT_PACKAGE ".mo", NULL);

  if (!g_file_test (installed, G_FILE_TEST_EXISTS) && g_file_test (BUILD_LOCALEDIR, G_FILE_TEST_IS_DIR))
    return BUILD_LOCALEDIR;
  return LOCALEDIR;
}

int
main (int   argc,
      char *argv[])
{
  g_auto(CrOptions) options = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(CrApplication) app = NULL;
  char *app_argv[] = { argv[0], NULL };

  /* A file grown past the size limit (ulimit -f) fails its write with
   * EFBIG, like a full disk, and the export says so and cleans up,
   * instead of the process being killed half-way through. */
  signal (SIGXFSZ, SIG_IGN);
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, cr_locale_dir ());
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (!cr_options_parse (&options, &argc, &argv, &error))
    {
      g_printerr ("crisis-room: %s\n", error->message);
      g_printerr (_("Run “crisis-room --help” to see the options.\n"));
      return CR_EXIT_USAGE;
    }
  if (cr_options_headless (&options))
    return cr_cli_run (&options);
  /* A bad review file is said on the terminal, before any window. */
  if (options.review != NULL)
    {
      int status = cr_cli_check_review (&options);

      if (status != CR_EXIT_OK)
        return status;
    }

  cr_map_renderer_keep_frame_memory ();
  app = cr_application_new (&options);
  return g_application_run (G_APPLICATION (app), 1, app_argv);
}
