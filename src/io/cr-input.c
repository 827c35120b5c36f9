/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cr-io"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "cr-input.h"

/* Files a user names to be read (imports, review files): a folder named
 * by mistake gets a message that says so rather than a raw system error.
 * A file read whole may be a pipe (/dev/stdin, `<(iconv …)`); a file
 * mapped (GeoJSON, read in place) must be a regular one. */

/* Whether @path is a file to read: a regular one, or with @streams a
 * pipe or character device too. */
static gboolean
check (const char  *path,
       gboolean     streams,
       GError     **error)
{
  g_autofree char *display = g_filename_display_name (path);
  GStatBuf buf;

  if (g_stat (path, &buf) != 0)
    {
      int saved = errno;

      if (saved == ENOENT || saved == ENOTDIR)
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                     _("“%s” does not exist. Check the file’s name and folder."), display);
      else
        g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                     _("“%s” cannot be read (%s). Check that you may read it."), display,
                     g_strerror (saved));
      return FALSE;
    }
  if (S_ISDIR (buf.st_mode))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY,
                   _("“%s” is a folder. Choose a file in it."), display);
      return FALSE;
    }
  if (!S_ISREG (buf.st_mode) && !(streams && (S_ISFIFO (buf.st_mode) || S_ISCHR (buf.st_mode))))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                   _("“%s” is not a file but a device or a pipe. Choose a file."), display);
      return FALSE;
    }
  return TRUE;
}

/**
 * cr_input_check_file:
 *
 * Returns: %TRUE if @path is a regular file (or a link to one), as a
 *   file mapped in memory must be; else %FALSE with a #G_IO_ERROR naming
 *   it and saying what to do
 */
gboolean
cr_input_check_file (const char  *path,
                     GError     **error)
{
  return check (path, FALSE, error);
}

/**
 * cr_input_read_file:
 *
 * Returns: (transfer full): the contents of the file at @path (a regular
 *   file, or a pipe or device to read to its end), NUL-terminated; %NULL
 *   with @error set, naming it and saying what to do
 */
char *
cr_input_read_file (const char  *path,
                    gsize       *length,
                    GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *display = NULL;
  char *data = NULL;

  if (!check (path, TRUE, error))
    return NULL;
  if (g_file_get_contents (path, &data, length, &local_error))
    return data;
  display = g_filename_display_name (path);
  g_set_error (error, local_error->domain, local_error->code,
               _("“%s” cannot be read (%s). Check that you may read it."), display,
               local_error->message);
  return NULL;
}
