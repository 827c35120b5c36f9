/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "cr-role-dialog.h"
#include "cr-window.h"

G_BEGIN_DECLS

#define CR_TYPE_ROLES_PAGE (cr_roles_page_get_type ())
G_DECLARE_FINAL_TYPE (CrRolesPage, cr_roles_page, CR, ROLES_PAGE, AdwBin)

CrRolesPage  *cr_roles_page_new                   (CrWindow    *window);

GListModel   *cr_roles_page_get_roles             (CrRolesPage *self);
void          cr_roles_page_set_partner_filter    (CrRolesPage *self,
                                                   gint64       partner_id);
gint64        cr_roles_page_get_partner_filter    (CrRolesPage *self);
void          cr_roles_page_set_discipline_filter (CrRolesPage *self,
                                                   int          discipline);
int           cr_roles_page_get_discipline_filter (CrRolesPage *self);

gboolean      cr_roles_page_select_role           (CrRolesPage *self,
                                                   gint64       role_id);
CrRole       *cr_roles_page_get_selected_role     (CrRolesPage *self);

CrRoleDialog *cr_roles_page_add_role              (CrRolesPage *self);
CrRoleDialog *cr_roles_page_edit_role             (CrRolesPage *self);
gboolean      cr_roles_page_remove_role           (CrRolesPage *self);
void          cr_roles_page_show_on_map           (CrRolesPage *self);

G_END_DECLS
