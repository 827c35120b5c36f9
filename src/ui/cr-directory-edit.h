/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cr-history.h"
#include "cr-records.h"

G_BEGIN_DECLS

/* The directory's edits as the partner screens and the review window make
 * them: each is one undoable step of a #CrHistory, so one transaction,
 * with every row it writes recorded (SPOC assignments included), so that
 * undo puts back a removed contact together with its place in the SPOC
 * chain. */

/* A contact's place in its partner's SPOC chain. */
typedef enum
{
  CR_CHAIN_ROLE_NONE,   /* another contact: duty officer, desk… */
  CR_CHAIN_ROLE_SPOC,   /* the first one called */
  CR_CHAIN_ROLE_DEPUTY, /* called when the ones before do not answer */
} CrChainRole;

GArray     *cr_directory_get_chain       (CrStore     *store,
                                          gint64       partner_id,
                                          GError     **error);
int         cr_directory_chain_index     (GArray      *chain,
                                          gint64       contact_id);
CrChainRole cr_directory_get_role        (CrStore     *store,
                                          gint64       partner_id,
                                          gint64       contact_id);
gboolean    cr_directory_set_chain       (CrHistory   *history,
                                          gint64       partner_id,
                                          const gint64 *contact_ids,
                                          guint        n_contacts,
                                          const char  *label,
                                          GError     **error);
gboolean    cr_directory_set_role        (CrHistory   *history,
                                          gint64       partner_id,
                                          gint64       contact_id,
                                          CrChainRole  role,
                                          GError     **error);
gboolean    cr_directory_move_in_chain   (CrHistory   *history,
                                          gint64       partner_id,
                                          gint64       contact_id,
                                          int          delta,
                                          GError     **error);
gboolean    cr_directory_save_contact    (CrHistory   *history,
                                          CrContact   *contact,
                                          CrChainRole  role,
                                          GError     **error);
gboolean    cr_directory_remove_contact  (CrHistory   *history,
                                          gint64       contact_id,
                                          GError     **error);
gboolean    cr_directory_save_partner    (CrHistory   *history,
                                          CrPartner   *partner,
                                          GError     **error);
gboolean    cr_directory_remove_partner  (CrHistory   *history,
                                          gint64       partner_id,
                                          GError     **error);

G_END_DECLS
