/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "cr-directory-edit.h"

G_BEGIN_DECLS

#define CR_TYPE_CONTACT_EDITOR (cr_contact_editor_get_type ())
G_DECLARE_FINAL_TYPE (CrContactEditor, cr_contact_editor, CR, CONTACT_EDITOR, AdwWindow)

CrContactEditor *cr_contact_editor_new         (GtkWindow       *parent,
                                                CrHistory       *history,
                                                gint64           partner_id,
                                                CrContact       *contact);
CrContactEditor *cr_contact_editor_new_for_id  (GtkWindow       *parent,
                                                CrHistory       *history,
                                                gint64           partner_id,
                                                gint64           contact_id,
                                                GError         **error);
void             cr_contact_editor_set_role    (CrContactEditor *self,
                                                CrChainRole      role);
GtkEditable     *cr_contact_editor_get_field   (CrContactEditor *self,
                                                const char      *field);
void             cr_contact_editor_focus_field (CrContactEditor *self,
                                                const char      *field);
gboolean         cr_contact_editor_save        (CrContactEditor *self,
                                                GError         **error);

G_END_DECLS
