/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <shumate/shumate.h>

#include "cr-mbtiles.h"

G_BEGIN_DECLS

#define CR_TYPE_MBTILES_SOURCE (cr_mbtiles_source_get_type ())
G_DECLARE_FINAL_TYPE (CrMbtilesSource, cr_mbtiles_source, CR, MBTILES_SOURCE, ShumateDataSource)

CrMbtilesSource *cr_mbtiles_source_new         (CrMbtiles       *mbtiles);
CrMbtiles       *cr_mbtiles_source_get_mbtiles (CrMbtilesSource *self);
GBytes          *cr_mbtiles_source_empty_tile  (void);

G_END_DECLS
