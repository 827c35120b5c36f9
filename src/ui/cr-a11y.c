/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cr-a11y"

#include "config.h"

#include <glib/gi18n.h>

#include "cr-a11y.h"

/**
 * cr_a11y_name_mnemonic_buttons:
 * @root: a widget whose buttons (itself included) to fix
 *
 * GTK 4.8 gives a button with a mnemonic ("_Edit…") two names that
 * screen readers read one after the other, "_Edit… Edit…": its label,
 * underline included, and the label widget it is labelled by. Dropping
 * the first leaves the one the user sees. Call it once the widgets have
 * their labels; a label set later brings the double name back.
 */
void
cr_a11y_name_mnemonic_buttons (GtkWidget *root)
{
  g_return_if_fail (GTK_IS_WIDGET (root));

  if (GTK_IS_BUTTON (root) && gtk_button_get_use_underline (GTK_BUTTON (root)) &&
      gtk_button_get_label (GTK_BUTTON (root)) != NULL)
    gtk_accessible_reset_property (GTK_ACCESSIBLE (root), GTK_ACCESSIBLE_PROPERTY_LABEL);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    cr_a11y_name_mnemonic_buttons (child);
}
