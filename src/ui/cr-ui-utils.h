/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "cr-history.h"

G_BEGIN_DECLS

/* Small things the pages and windows all do the same way: errors that
 * stay until read (cr_ops_add_toast() shows them), lists emptied before a
 * refill, typed text read and a form's error line shown the same way,
 * times that may be unset compared, row ids kept on widgets, asking
 * before a removal, a change of one record as one undoable step, and
 * the lists of combo rows. */

AdwToast         *cr_ui_error_toast_new    (const char  *message,
                                            guint        timeout);

void              cr_ui_remove_children    (GtkWidget   *container);
void              cr_ui_set_button_label   (GtkButton   *button,
                                            const char  *label);

char             *cr_ui_entry_text         (gpointer     editable);
void              cr_ui_show_error_label   (GtkLabel    *label,
                                            const char  *message);
gboolean          cr_ui_same_time          (GDateTime   *a,
                                            GDateTime   *b);

void              cr_ui_set_id             (gpointer     object,
                                            const char  *key,
                                            gint64       id);
gint64            cr_ui_get_id             (gpointer     object,
                                            const char  *key);

AdwMessageDialog *cr_ui_remove_dialog_new  (GtkWindow   *parent,
                                            const char  *heading,
                                            const char  *body);

/* cr_history_insert(), cr_history_update() or cr_history_delete(). */
typedef gboolean (*CrUiHistoryWriteFunc)   (CrHistory   *history,
                                            CrRecord    *record,
                                            GError     **error);
gboolean          cr_ui_history_step       (CrHistory   *history,
                                            const char  *label,
                                            CrUiHistoryWriteFunc write,
                                            CrRecord    *record,
                                            GError     **error);

void              cr_ui_combo_row_set_list_factory (AdwComboRow *row);

G_END_DECLS
