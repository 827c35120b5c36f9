/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Search as you type: text folded so that case, accents and punctuation
 * do not matter ("Saint-Gilles" and "saint gilles" fold alike), and
 * queries cut into words that each match the start of a word. A query
 * that looks like a phone number is one run of digits, so "0470 12"
 * finds "+32 470 12 34 56". */

char      *cr_search_fold          (const char        *text);
char     **cr_search_query_tokens  (const char        *query);
gboolean   cr_search_is_phone_query (const char       *query);
gboolean   cr_search_matches       (const char        *folded_text,
                                    const char *const *tokens);
gboolean   cr_search_starts_with   (const char        *folded_text,
                                    const char        *token);

G_END_DECLS
