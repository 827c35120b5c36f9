/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cr-partners-page"

#include "config.h"

#include <glib/gi18n.h>

#include "cr-partners-page-private.h"
#include "cr-store-contacts.h"
#include "cr-ui-utils.h"

/* "Needs review" on the Partners page: every problem the store's review
 * rules find, each with its fix one click away. Confirming is done at
 * once (the store's "Confirmed today"); choosing a SPOC or a deputy asks
 * which contact; a missing or wrong number or address opens the
 * contact's editor on that field. */

static void
fix_clicked_cb (GtkButton       *button,
                CrReviewProblem *problem)
{
  GtkWidget *page = gtk_widget_get_ancestor (GTK_WIDGET (button), CR_TYPE_PARTNERS_PAGE);

  if (page != NULL)
    _cr_partners_review_fix (CR_PARTNERS_PAGE (page), problem);
}

static const char *
partner_problem_title (CrReviewProblem *problem)
{
  switch (cr_review_problem_get_kind (problem))
    {
    case CR_REVIEW_KIND_NO_SPOC:
      return _("No SPOC");
    case CR_REVIEW_KIND_NO_DEPUTY:
      return _("No deputy");
    case CR_REVIEW_KIND_NO_24_7:
      return _("No 24/7 number");
    case CR_REVIEW_KIND_STALE:
    case CR_REVIEW_KIND_NEVER_VERIFIED:
    case CR_REVIEW_KIND_INVALID_PHONE:
    case CR_REVIEW_KIND_INVALID_EMAIL:
    default:
      return _("The partner");
    }
}

/**
 * _cr_partners_review_row:
 * @wide: the fix button beside the text (the partner's details), or
 *   under it (the sidebar)
 *
 * Returns: (transfer floating): a row saying what is wrong, with the
 *   button of its fix
 */
GtkWidget *
_cr_partners_review_row (CrPartnersPage  *self,
                         CrReviewProblem *problem,
                         gboolean         wide)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (wide ? GTK_ORIENTATION_HORIZONTAL : GTK_ORIENTATION_VERTICAL, wide ? 12 : 4);
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
  const char *contact = cr_review_problem_get_contact_name (problem);
  GtkWidget *title;
  GtkWidget *message;
  GtkWidget *button;
  g_autofree char *accessible = NULL;

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_add_css_class (icon, "warning");
  gtk_box_append (GTK_BOX (title_box), icon);
  title = gtk_label_new (contact != NULL ? contact : partner_problem_title (problem));
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (title), 36);
  gtk_widget_add_css_class (title, "heading");
  gtk_widget_set_hexpand (title, TRUE);
  gtk_box_append (GTK_BOX (title_box), title);
  gtk_box_append (GTK_BOX (text), title_box);
  message = gtk_label_new (cr_review_problem_get_message (problem));
  gtk_label_set_xalign (GTK_LABEL (message), 0);
  gtk_label_set_wrap (GTK_LABEL (message), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (message), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_max_width_chars (GTK_LABEL (message), 36);
  gtk_box_append (GTK_BOX (text), message);
  gtk_widget_set_hexpand (text, TRUE);
  gtk_box_append (GTK_BOX (box), text);

  button = gtk_button_new_with_label (cr_review_problem_get_fix_label (problem));
  gtk_widget_set_name (button, "fix-button");
  gtk_widget_set_halign (button, GTK_ALIGN_END);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "fix-button");
  g_object_set_data_full (G_OBJECT (button), "cr-problem", g_object_ref (problem), g_object_unref);
  g_signal_connect_data (button, "clicked", G_CALLBACK (fix_clicked_cb), g_object_ref (problem),
                         (GClosureNotify) (void (*) (void)) g_object_unref, 0);
  gtk_box_append (GTK_BOX (box), button);

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  /* Translators: a problem of the directory for screen readers: who, then what is wrong. */
  accessible = g_strdup_printf (_("%s: %s"), gtk_label_get_text (GTK_LABEL (title)),
                                cr_review_problem_get_message (problem));
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  cr_ui_set_id (row, "cr-partner", cr_review_problem_get_partner_id (problem));
  cr_ui_set_id (row, "cr-contact", cr_review_problem_get_contact_id (problem));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), cr_review_problem_get_partner_id (problem) != 0);
  return row;
}

static void
review_header_func (GtkListBoxRow *row,
                    GtkListBoxRow *before,
                    gpointer       user_data)
{
  const char *partner = g_object_get_data (G_OBJECT (row), "cr-partner-name");
  GtkWidget *header;

  if (before != NULL && g_strcmp0 (g_object_get_data (G_OBJECT (before), "cr-partner-name"), partner) == 0)
    {
      gtk_list_box_row_set_header (row, NULL);
      return;
    }
  header = gtk_label_new (partner != NULL ? partner : _("Contacts of no partner"));
  gtk_label_set_xalign (GTK_LABEL (header), 0);
  gtk_label_set_wrap (GTK_LABEL (header), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (header), 36);
  gtk_widget_add_css_class (header, "heading");
  gtk_widget_add_css_class (header, "partner-type-header");
  gtk_list_box_row_set_header (row, header);
}

void
_cr_partners_review_fill (CrPartnersPage *self)
{
  guint n = self->problems != NULL ? g_list_model_get_n_items (self->problems) : 0;

  gtk_list_box_set_header_func (self->review_list, review_header_func, NULL, NULL);
  cr_ui_remove_children (GTK_WIDGET (self->review_list));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CrReviewProblem) problem = g_list_model_get_item (self->problems, i);
      GtkWidget *row = _cr_partners_review_row (self, problem, FALSE);

      g_object_set_data_full (G_OBJECT (row), "cr-partner-name",
                              g_strdup (cr_review_problem_get_partner_name (problem)), g_free);
      gtk_list_box_append (self->review_list, row);
    }
  gtk_stack_set_visible_child_name (self->review_stack, n > 0 ? "list" : "empty");
}

/* ---- Choosing the SPOC or a deputy ---- */

static void
choose_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    CrPartnersPage   *self)
{
  gint64 partner_id = cr_ui_get_id (dialog, "cr-partner");
  CrChainRole role = (CrChainRole) cr_ui_get_id (dialog, "cr-role");
  GtkCheckButton *chosen = NULL;
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "new") == 0)
    {
      _cr_partners_page_edit_contact (self, partner_id, 0, NULL, role);
      return;
    }
  if (g_strcmp0 (response, "choose") != 0)
    return;
  for (GtkCheckButton *check = g_object_get_data (G_OBJECT (dialog), "cr-first-check"); check != NULL;
       check = g_object_get_data (G_OBJECT (check), "cr-next-check"))
    if (gtk_check_button_get_active (check))
      chosen = check;
  if (chosen == NULL)
    return;
  if (!cr_directory_set_role (self->history, partner_id, cr_ui_get_id (chosen, "cr-contact"),
                              role, &error))
    _cr_partners_page_error (self, error->message);
}

/* Asks which of the partner's contacts becomes the SPOC (or a deputy);
 * "New Contact…" when the right one is not in the directory yet. */
static void
choose_contact (CrPartnersPage *self,
                gint64          partner_id,
                CrChainRole     role)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) contacts = cr_store_list_partner_contacts (self->store, partner_id, &error);
  g_autoptr(GArray) chain = cr_directory_get_chain (self->store, partner_id, NULL);
  GtkWidget *list = gtk_list_box_new ();
  GtkCheckButton *first = NULL;
  GtkCheckButton *last = NULL;
  AdwMessageDialog *dialog;

  if (contacts == NULL || chain == NULL)
    {
      if (error != NULL)
        _cr_partners_page_error (self, error->message);
      return;
    }
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (_cr_partners_page_window (self),
                                                       role == CR_CHAIN_ROLE_SPOC ? _("Choose the SPOC")
                                                                                  : _("Add a Deputy"),
                                                       role == CR_CHAIN_ROLE_SPOC
                                                         ? _("The crisis centre calls the SPOC first.")
                                                         : _("Deputies are called in order when the "
                                                             "SPOC does not answer.")));
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  for (guint i = 0; i < g_list_model_get_n_items (contacts); i++)
    {
      g_autoptr(CrContact) contact = g_list_model_get_item (contacts, i);
      gint64 id = cr_record_get_id (CR_RECORD (contact));
      GtkWidget *check;

      if (role == CR_CHAIN_ROLE_DEPUTY && cr_directory_chain_index (chain, id) >= 0)
        continue;
      check = gtk_check_button_new_with_label (cr_contact_get_name (contact));
      if (cr_contact_get_function (contact) != NULL)
        gtk_widget_set_tooltip_text (check, cr_contact_get_function (contact));
      cr_ui_set_id (check, "cr-contact", id);
      if (first == NULL)
        {
          first = GTK_CHECK_BUTTON (check);
          gtk_check_button_set_active (first, TRUE);
          g_object_set_data (G_OBJECT (dialog), "cr-first-check", check);
        }
      else
        {
          gtk_check_button_set_group (GTK_CHECK_BUTTON (check), first);
          g_object_set_data (G_OBJECT (last), "cr-next-check", check);
        }
      last = GTK_CHECK_BUTTON (check);
      gtk_widget_set_margin_top (check, 6);
      gtk_widget_set_margin_bottom (check, 6);
      gtk_widget_set_margin_start (check, 6);
      gtk_list_box_append (GTK_LIST_BOX (list), check);
    }
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "new", _("_New Contact…"), NULL);
  if (first != NULL)
    {
      adw_message_dialog_set_extra_child (dialog, list);
      adw_message_dialog_add_response (dialog, "choose", _("C_hoose"));
      adw_message_dialog_set_response_appearance (dialog, "choose", ADW_RESPONSE_SUGGESTED);
      adw_message_dialog_set_default_response (dialog, "choose");
    }
  else
    {
      g_object_ref_sink (list);
      g_object_unref (list);
      adw_message_dialog_set_body (dialog, _("No other contact of this partner can take this place: "
                                             "add one."));
      adw_message_dialog_set_response_appearance (dialog, "new", ADW_RESPONSE_SUGGESTED);
      adw_message_dialog_set_default_response (dialog, "new");
    }
  adw_message_dialog_set_close_response (dialog, "cancel");
  cr_ui_set_id (dialog, "cr-partner", partner_id);
  cr_ui_set_id (dialog, "cr-role", role);
  g_signal_connect_object (dialog, "response", G_CALLBACK (choose_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The contact whose 24/7 number to fill in: the SPOC, else the first. */
static gint64
contact_for_24_7 (CrPartnersPage *self,
                  gint64          partner_id)
{
  g_autoptr(GListModel) contacts = cr_store_list_partner_contacts (self->store, partner_id, NULL);
  g_autoptr(CrContact) first = NULL;

  if (contacts == NULL || g_list_model_get_n_items (contacts) == 0)
    return 0;
  first = g_list_model_get_item (contacts, 0);
  return cr_record_get_id (CR_RECORD (first));
}

/* The fix of a problem: applied at once when it needs nothing more
 * (a confirmation), else the dialog or editor that does it. */
void
_cr_partners_review_fix (CrPartnersPage  *self,
                         CrReviewProblem *problem)
{
  gint64 partner_id = cr_review_problem_get_partner_id (problem);
  gint64 contact_id = cr_review_problem_get_contact_id (problem);
  g_autoptr(GError) error = NULL;

  switch (cr_review_problem_get_fix (problem))
    {
    case CR_REVIEW_FIX_CONFIRM:
      {
        g_autofree char *title = NULL;

        if (!cr_store_confirm_contacts (self->store, &contact_id, 1, NULL, NULL, &error))
          {
            _cr_partners_page_error (self, error->message);
            return;
          }
        /* Translators: a contact's name, and who confirmed it. */
        title = g_strdup_printf (_("%s confirmed today by %s"), cr_review_problem_get_contact_name (problem),
                                 cr_store_get_operator (self->store));
        _cr_partners_page_toast (self, adw_toast_new (title));
        break;
      }
    case CR_REVIEW_FIX_CHOOSE_SPOC:
      choose_contact (self, partner_id, CR_CHAIN_ROLE_SPOC);
      break;
    case CR_REVIEW_FIX_ADD_DEPUTY:
      choose_contact (self, partner_id, CR_CHAIN_ROLE_DEPUTY);
      break;
    case CR_REVIEW_FIX_ADD_24_7:
      if (contact_id == 0)
        contact_id = contact_for_24_7 (self, partner_id);
      _cr_partners_page_edit_contact (self, partner_id, contact_id, "phone_24_7",
                                      contact_id == 0 ? CR_CHAIN_ROLE_SPOC : CR_CHAIN_ROLE_NONE);
      break;
    case CR_REVIEW_FIX_EDIT_PHONE:
      _cr_partners_page_edit_contact (self, partner_id, contact_id,
                                      cr_phone_field_column (cr_review_problem_get_phone_field (problem)),
                                      CR_CHAIN_ROLE_NONE);
      break;
    case CR_REVIEW_FIX_EDIT_EMAIL:
      _cr_partners_page_edit_contact (self, partner_id, contact_id, "email", CR_CHAIN_ROLE_NONE);
      break;
    default:
      g_return_if_reached ();
    }
}
