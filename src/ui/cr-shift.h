/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "cr-logbook-page.h"
#include "cr-store.h"
#include "cr-window.h"

G_BEGIN_DECLS

/* The operator on shift: asked at the first start and whenever the shift
 * changes, remembered in the settings, and given to the store, which
 * writes it with every tick and logbook entry. */

void              cr_shift_install       (CrWindow      *window,
                                          CrLogbookPage *logbook);
gboolean          cr_shift_set_operator  (CrStore       *store,
                                          GSettings     *settings,
                                          const char    *name);
AdwMessageDialog *cr_shift_ask_operator  (GtkWidget     *parent,
                                          CrStore       *store,
                                          GSettings     *settings,
                                          gboolean       first_start);
char             *cr_shift_button_label  (CrStore       *store);

G_END_DECLS
