/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define CR_TYPE_DATETIME_ROW (cr_datetime_row_get_type ())
G_DECLARE_FINAL_TYPE (CrDatetimeRow, cr_datetime_row, CR, DATETIME_ROW, AdwActionRow)

GtkWidget  *cr_datetime_row_new          (void);
GDateTime  *cr_datetime_row_get_datetime (CrDatetimeRow *self);
void        cr_datetime_row_set_datetime (CrDatetimeRow *self,
                                          GDateTime     *datetime);
gboolean    cr_datetime_row_get_nullable (CrDatetimeRow *self);
void        cr_datetime_row_set_nullable (CrDatetimeRow *self,
                                          gboolean       nullable);
gboolean    cr_datetime_row_get_valid    (CrDatetimeRow *self);
const char *cr_datetime_row_get_error    (CrDatetimeRow *self);

G_END_DECLS
