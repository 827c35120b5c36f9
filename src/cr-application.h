/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "cr-cli.h"
#include "cr-store.h"

G_BEGIN_DECLS

#define CR_TYPE_APPLICATION (cr_application_get_type ())
G_DECLARE_FINAL_TYPE (CrApplication, cr_application, CR, APPLICATION, AdwApplication)

CrApplication *cr_application_new        (const CrOptions *options);
CrStore       *cr_application_get_store  (CrApplication   *self);
GSettings     *cr_application_get_settings (CrApplication *self);
const char    *cr_application_get_basemap_mbtiles (CrApplication *self);

G_END_DECLS
