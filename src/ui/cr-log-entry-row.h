/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "cr-records.h"

G_BEGIN_DECLS

#define CR_TYPE_LOG_ENTRY_ROW (cr_log_entry_row_get_type ())
G_DECLARE_FINAL_TYPE (CrLogEntryRow, cr_log_entry_row, CR, LOG_ENTRY_ROW, GtkBox)

CrLogEntryRow *cr_log_entry_row_new              (void);
void           cr_log_entry_row_set_entry        (CrLogEntryRow *self,
                                                  CrLogEntry    *entry,
                                                  gint64         corrected_by,
                                                  CrLogEntry    *corrects,
                                                  const char    *links,
                                                  GDateTime     *now);
CrLogEntry    *cr_log_entry_row_get_entry        (CrLogEntryRow *self);
gboolean       cr_log_entry_row_get_struck_through (CrLogEntryRow *self);
const char    *cr_log_entry_row_get_note         (CrLogEntryRow *self);
GtkButton     *cr_log_entry_row_get_correct_button (CrLogEntryRow *self);

G_END_DECLS
