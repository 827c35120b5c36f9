/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "cr-store.h"

G_BEGIN_DECLS

/* A fresh temporary directory for this test case, removed with its
 * content when the test process exits. */
const char *cr_test_tmpdir        (void);
char       *cr_test_tmp_path      (const char *name);
/* A new store on a new file in cr_test_tmpdir(). */
CrStore    *cr_test_open_store    (void);
char       *cr_test_fixture_path  (const char *name);
/* The contact called @name exactly, or NULL. */
CrContact  *cr_test_find_contact  (CrStore    *store,
                                   const char *name);
/* The id of the contact called @name; asserts there is one. */
gint64      cr_test_contact_id    (CrStore    *store,
                                   const char *name);
/* The id of the partner called @name; asserts there is one. */
gint64      cr_test_partner_id    (CrStore    *store,
                                   const char *name);
/* Runs a command line, returns its exit status; output in @out/@err. */
int         cr_test_run           (const char *const *argv,
                                   char      **out,
                                   char      **err);
const char *cr_test_app_binary    (void);
gboolean    cr_test_have_program  (const char *name);

typedef gboolean (*CrTestCondition) (gpointer data);

/* Runs the main loop, without blocking, until @done (@data) holds or
 * @timeout_s seconds have passed; returns whether it holds. Assert on
 * the result: a test must never wait on time alone. */
gboolean    cr_test_wait_until    (CrTestCondition done,
                                   gpointer        data,
                                   guint           timeout_s);

G_END_DECLS
