/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "cr-geometry.h"
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
/* Runs cr_test_app_binary() with "--database @database" (unless @database
 * is NULL), then @args, NULL-terminated. Frees what @out and @err held
 * first, so one pair serves many runs. */
int         cr_test_run_app_argv  (const char        *database,
                                   const char *const *args,
                                   char             **out,
                                   char             **err);
/* The same with the arguments after @err, up to NULL, and no database. */
int         cr_test_run_app       (char **out,
                                   char **err,
                                   ...) G_GNUC_NULL_TERMINATED;
gboolean    cr_test_have_program  (const char *name);

/* A new store, as cr_test_open_store(), with the demo data loaded. */
CrStore    *cr_test_open_demo_store (void);
/* Inserts a partner; returns its id. */
gint64      cr_test_add_partner   (CrStore      *store,
                                   const char   *name,
                                   CrPartnerType type);
/* Asserts that every contact of @a is in @b with the same values and
 * SPOC rank, under a partner of the same name and type; returns how many
 * contacts it compared. Without @exact_times, verification times may
 * differ by less than a second: some formats keep whole seconds only. */
guint       cr_test_assert_same_directory (CrStore *a,
                                           CrStore *b,
                                           gboolean exact_times);

/* The 10 x 10 square at (@ox, @oy) with a 2 x 2 hole in its middle;
 * exterior CCW, hole CW, as RFC 7946 wants. */
CrGeometry *cr_test_square_with_hole_new (double ox,
                                          double oy);

typedef gboolean (*CrTestCondition) (gpointer data);

/* Runs the main loop, without blocking, until @done (@data) holds or
 * @timeout_s seconds have passed; returns whether it holds. Assert on
 * the result: a test must never wait on time alone. */
gboolean    cr_test_wait_until    (CrTestCondition done,
                                   gpointer        data,
                                   guint           timeout_s);

G_END_DECLS
