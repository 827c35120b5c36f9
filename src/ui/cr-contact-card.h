/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "cr-records.h"

G_BEGIN_DECLS

/**
 * CrContactCardFlags:
 * @CR_CONTACT_CARD_EDITABLE: show the buttons that change the contact
 * @CR_CONTACT_CARD_CONFIRMED: the SPOC confirmed it in this review
 *   session (the review window)
 * @CR_CONTACT_CARD_REVIEW: shown to the partner's SPOC, who confirms
 *   that the details are right rather than "confirmed today"
 */
typedef enum
{
  CR_CONTACT_CARD_EDITABLE = 1 << 0,
  CR_CONTACT_CARD_CONFIRMED = 1 << 1,
  CR_CONTACT_CARD_REVIEW = 1 << 2,
} CrContactCardFlags;

#define CR_TYPE_CONTACT_CARD (cr_contact_card_get_type ())
G_DECLARE_FINAL_TYPE (CrContactCard, cr_contact_card, CR, CONTACT_CARD, AdwBin)

GtkWidget  *cr_contact_card_new            (CrContact          *contact,
                                            int                 rank,
                                            guint               chain_length,
                                            GDateTime          *stale_before,
                                            CrContactCardFlags  flags);
CrContact  *cr_contact_card_get_contact    (CrContactCard      *self);

const char *cr_contact_language_label      (const char         *code);
char       *cr_contact_rank_label          (int                 rank);
char       *cr_contact_describe_verified   (CrContact          *contact);

G_END_DECLS
