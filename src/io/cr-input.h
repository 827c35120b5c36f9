/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

gboolean cr_input_check_file (const char  *path,
                              GError     **error);
char    *cr_input_read_file  (const char  *path,
                              gsize       *length,
                              GError     **error);

G_END_DECLS
