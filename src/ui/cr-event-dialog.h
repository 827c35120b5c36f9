/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "cr-store.h"

G_BEGIN_DECLS

#define CR_TYPE_EVENT_DIALOG (cr_event_dialog_get_type ())
G_DECLARE_FINAL_TYPE (CrEventDialog, cr_event_dialog, CR, EVENT_DIALOG, AdwWindow)

CrEventDialog *cr_event_dialog_new_create (CrStore       *store,
                                           GtkWindow     *parent);
CrEventDialog *cr_event_dialog_new_rename (CrStore       *store,
                                           CrEvent       *event,
                                           GtkWindow     *parent);

/* What a user types or picks, for tests and callers that prefill. */
void           cr_event_dialog_set_name   (CrEventDialog *self,
                                           const char    *name);
void           cr_event_dialog_set_kind   (CrEventDialog *self,
                                           CrEventKind    kind);
void           cr_event_dialog_set_status (CrEventDialog *self,
                                           CrEventStatus  status);
void           cr_event_dialog_set_starts (CrEventDialog *self,
                                           GDateTime     *starts);
void           cr_event_dialog_set_ends   (CrEventDialog *self,
                                           GDateTime     *ends);

gboolean       cr_event_dialog_save       (CrEventDialog *self);
const char    *cr_event_dialog_get_error  (CrEventDialog *self);

G_END_DECLS
