/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "cr-store.h"

G_BEGIN_DECLS

#define CR_TYPE_EVENT_COPY_DIALOG (cr_event_copy_dialog_get_type ())
G_DECLARE_FINAL_TYPE (CrEventCopyDialog, cr_event_copy_dialog, CR, EVENT_COPY_DIALOG, AdwWindow)

CrEventCopyDialog *cr_event_copy_dialog_new               (CrStore           *store,
                                                           gint64             source_event_id,
                                                           GtkWindow         *parent);

/* What a user picks or types, for tests and callers that prefill. */
gboolean           cr_event_copy_dialog_set_source        (CrEventCopyDialog *self,
                                                           gint64             event_id);
void               cr_event_copy_dialog_set_name          (CrEventCopyDialog *self,
                                                           const char        *name);
void               cr_event_copy_dialog_set_starts        (CrEventCopyDialog *self,
                                                           GDateTime         *starts);
void               cr_event_copy_dialog_set_copy_features (CrEventCopyDialog *self,
                                                           gboolean           copy);
void               cr_event_copy_dialog_set_copy_roles    (CrEventCopyDialog *self,
                                                           gboolean           copy);

const char        *cr_event_copy_dialog_get_name          (CrEventCopyDialog *self);
const char        *cr_event_copy_dialog_get_summary       (CrEventCopyDialog *self);
gboolean           cr_event_copy_dialog_save              (CrEventCopyDialog *self);
const char        *cr_event_copy_dialog_get_error         (CrEventCopyDialog *self);

G_END_DECLS
