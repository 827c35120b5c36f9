/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cr-store-private.h"

G_BEGIN_DECLS

/* Shared by the directory's store files: cr-store-contacts.c,
 * cr-store-review.c, cr-store-roles.c and cr-store-alerts.c. */

/* Rows of @type matching @where, whose parameters ?1…?n are @args, in
 * the order @order_by (SQL, column names from the record class). */
GListModel *_cr_store_list_query (CrStore       *self,
                                  GType          type,
                                  const char    *where,
                                  const char    *order_by,
                                  const gint64  *args,
                                  guint          n_args,
                                  GError       **error);

G_END_DECLS
