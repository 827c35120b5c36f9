/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <shumate/shumate.h>

G_BEGIN_DECLS

#define CR_TYPE_TILE_DOWNLOADER (cr_tile_downloader_get_type ())
G_DECLARE_FINAL_TYPE (CrTileDownloader, cr_tile_downloader, CR, TILE_DOWNLOADER, ShumateDataSource)

CrTileDownloader *cr_tile_downloader_new              (const char       *url_template,
                                                       const char       *cache_dir,
                                                       const char       *cache_key);
const char       *cr_tile_downloader_get_url_template (CrTileDownloader *self);
const char       *cr_tile_downloader_get_user_agent   (CrTileDownloader *self);
const char       *cr_tile_downloader_get_cache_dir    (CrTileDownloader *self);
void              cr_tile_downloader_set_offline      (CrTileDownloader *self,
                                                       gboolean          offline);
gboolean          cr_tile_downloader_get_offline      (CrTileDownloader *self);
char             *cr_tile_downloader_get_tile_uri     (CrTileDownloader *self,
                                                       int               zoom,
                                                       int               x,
                                                       int               y);

G_END_DECLS
