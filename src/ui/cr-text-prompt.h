/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* A message dialog that asks for a text the operator must give: the
 * reason an item does not apply or is un-ticked, a closing note, a name.
 * Its accept button stays disabled while the text is blank. */

typedef void (*CrTextPromptFunc) (const char *text,
                                  gpointer    user_data);

AdwMessageDialog *cr_text_prompt_new        (GtkWidget        *parent,
                                             const char       *heading,
                                             const char       *body,
                                             const char       *entry_label,
                                             const char       *accept_label,
                                             gboolean          multiline,
                                             CrTextPromptFunc  func,
                                             gpointer          user_data,
                                             GDestroyNotify    destroy);
void              cr_text_prompt_set_text   (AdwMessageDialog *dialog,
                                             const char       *text);
char             *cr_text_prompt_get_text   (AdwMessageDialog *dialog);
gboolean          cr_text_prompt_can_accept (AdwMessageDialog *dialog);
gboolean          cr_text_prompt_accept     (AdwMessageDialog *dialog);
AdwMessageDialog *cr_text_prompt_find       (const char       *heading);

G_END_DECLS
