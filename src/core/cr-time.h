/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Times are stored as UTC ISO 8601 text with milliseconds, the GeoPackage
 * DATETIME form ("2024-09-26T08:00:00.000Z"), and shown in Europe/Brussels. */

GTimeZone *cr_time_zone_local          (void);
GDateTime *cr_time_now_utc             (void);
char      *cr_time_to_storage          (GDateTime   *dt);
GDateTime *cr_time_from_storage        (const char  *text);
GDateTime *cr_time_parse               (const char  *text);
char      *cr_time_format_local        (GDateTime   *dt,
                                        const char  *format);

G_END_DECLS
