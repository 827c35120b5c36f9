/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cr-contact-card.h"
#include "cr-history.h"

G_BEGIN_DECLS

/* A partner's contacts as #CrContactCard, and what the cards'
 * "contacts.*" actions do: the same on the Partners page and in the
 * SPOC's review window, each giving only what differs. */

/* Makes the card of @contact; @rank and @chain_length as
 * cr_contact_card_new() takes them. */
typedef GtkWidget *(*CrContactCardFunc)    (CrContact    *contact,
                                            int           rank,
                                            guint         chain_length,
                                            gpointer      user_data);

/* Called once a removal asked for is done: @error is %NULL when the
 * contact was removed. */
typedef void       (*CrContactRemovedFunc) (GtkWidget    *host,
                                            const GError *error);

gboolean cr_contact_cards_fill            (GtkBox                      *chain_box,
                                           GtkBox                      *others_box,
                                           CrStore                     *store,
                                           gint64                       partner_id,
                                           CrContactCardFunc            make_card,
                                           gpointer                     user_data,
                                           GError                     **error);

void     cr_contact_cards_install_actions (GtkWidgetClass              *widget_class,
                                           GtkWidgetActionActivateFunc  confirm,
                                           GtkWidgetActionActivateFunc  edit,
                                           GtkWidgetActionActivateFunc  remove,
                                           GtkWidgetActionActivateFunc  chain);
gboolean cr_contact_cards_chain_action    (CrHistory                   *history,
                                           gint64                       partner_id,
                                           gint64                       contact_id,
                                           const char                  *action_name,
                                           GError                     **error);
gboolean cr_contact_cards_ask_remove      (GtkWidget                   *host,
                                           GtkWindow                   *parent,
                                           CrHistory                   *history,
                                           gint64                       contact_id,
                                           const char                  *body,
                                           CrContactRemovedFunc         done,
                                           GError                     **error);

G_END_DECLS
