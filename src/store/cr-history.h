/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cr-store.h"

G_BEGIN_DECLS

#define CR_TYPE_HISTORY (cr_history_get_type ())
G_DECLARE_FINAL_TYPE (CrHistory, cr_history, CR, HISTORY, GObject)

CrHistory  *cr_history_new             (CrStore     *store);
CrStore    *cr_history_get_store       (CrHistory   *self);

gboolean    cr_history_insert          (CrHistory   *self,
                                        CrRecord    *record,
                                        GError     **error);
gboolean    cr_history_update          (CrHistory   *self,
                                        CrRecord    *record,
                                        GError     **error);
gboolean    cr_history_delete          (CrHistory   *self,
                                        CrRecord    *record,
                                        GError     **error);

gboolean    cr_history_begin           (CrHistory   *self,
                                        const char  *label,
                                        GError     **error);
gboolean    cr_history_commit          (CrHistory   *self,
                                        GError     **error);
void        cr_history_rollback        (CrHistory   *self);

gboolean    cr_history_can_undo        (CrHistory   *self);
gboolean    cr_history_can_redo        (CrHistory   *self);
const char *cr_history_get_undo_label  (CrHistory   *self);
const char *cr_history_get_redo_label  (CrHistory   *self);
gboolean    cr_history_undo            (CrHistory   *self,
                                        GError     **error);
gboolean    cr_history_redo            (CrHistory   *self,
                                        GError     **error);
void        cr_history_clear           (CrHistory   *self);

G_END_DECLS
