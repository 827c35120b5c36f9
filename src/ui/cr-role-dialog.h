/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "cr-history.h"
#include "cr-records.h"

G_BEGIN_DECLS

#define CR_TYPE_ROLE_DIALOG (cr_role_dialog_get_type ())
G_DECLARE_FINAL_TYPE (CrRoleDialog, cr_role_dialog, CR, ROLE_DIALOG, AdwWindow)

CrRoleDialog *cr_role_dialog_new                (CrHistory     *history,
                                                 gint64         event_id,
                                                 CrRole        *role,
                                                 GtkWindow     *parent);

/* What a user picks or types, for tests and callers that prefill. */
void          cr_role_dialog_set_partner        (CrRoleDialog  *self,
                                                 gint64         partner_id);
void          cr_role_dialog_set_discipline     (CrRoleDialog  *self,
                                                 CrDiscipline   discipline);
void          cr_role_dialog_set_responsibility (CrRoleDialog  *self,
                                                 const char    *text);
gboolean      cr_role_dialog_set_sector         (CrRoleDialog  *self,
                                                 gint64         feature_id);
gboolean      cr_role_dialog_set_contact        (CrRoleDialog  *self,
                                                 gint64         contact_id);
gint64        cr_role_dialog_get_contact        (CrRoleDialog  *self);
GListModel   *cr_role_dialog_get_contact_names  (CrRoleDialog  *self);
GListModel   *cr_role_dialog_get_sector_names   (CrRoleDialog  *self);

gboolean      cr_role_dialog_save               (CrRoleDialog  *self);
const char   *cr_role_dialog_get_error          (CrRoleDialog  *self);

G_END_DECLS
