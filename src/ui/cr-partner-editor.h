/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "cr-directory-edit.h"

G_BEGIN_DECLS

#define CR_TYPE_PARTNER_EDITOR (cr_partner_editor_get_type ())
G_DECLARE_FINAL_TYPE (CrPartnerEditor, cr_partner_editor, CR, PARTNER_EDITOR, AdwWindow)

CrPartnerEditor *cr_partner_editor_new  (GtkWindow       *parent,
                                         CrHistory       *history,
                                         CrPartner       *partner);
gboolean         cr_partner_editor_save (CrPartnerEditor *self,
                                         GError         **error);
GtkEditable     *cr_partner_editor_get_name_row (CrPartnerEditor *self);

G_END_DECLS
