/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "cr-store.h"

G_BEGIN_DECLS

#define CR_DEMO_EVENT_NAME "Papal visit 2024 — exercise"

#define CR_DEMO_ERROR (cr_demo_error_quark ())
GQuark cr_demo_error_quark (void);

typedef enum
{
  CR_DEMO_ERROR_MISSING, /* the demo data is not in this build */
  CR_DEMO_ERROR_INVALID, /* the demo data is malformed; the message names the place */
} CrDemoError;

gboolean cr_demo_is_loaded       (CrStore   *store);
gboolean cr_demo_load            (CrStore   *store,
                                  gboolean  *loaded,
                                  GError   **error);

/* The loader itself, on data given by the caller; for the tests. */
gboolean cr_demo_load_from_bytes (CrStore   *store,
                                  GBytes    *demo_json,
                                  GBytes    *geojson,
                                  gboolean  *loaded,
                                  GError   **error);

G_END_DECLS
