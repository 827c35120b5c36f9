/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cr-contact-card"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cr-contact-card.h"
#include "cr-email.h"
#include "cr-labels.h"
#include "cr-phone.h"
#include "cr-time.h"

/**
 * CrContactCard:
 *
 * One contact as the partner screens and the review window show it:
 * name, function, its place in the SPOC chain, the three numbers as
 * typed with their E.164 form beside them (links that open the system's
 * dialler), the e-mail address (a mailto: link), language, availability
 * and the last verification. What is wrong is flagged in words: an
 * invalid number or address, a verification older than the review
 * period.
 *
 * Its buttons activate "contacts.*" actions with the contact's id
 * ("x"), which the page or window holding the card installs: confirm,
 * edit, remove, move-up, move-down, make-spoc, make-deputy, leave-chain.
 */
struct _CrContactCard
{
  AdwBin parent_instance;

  CrContact *contact;
};

G_DEFINE_FINAL_TYPE (CrContactCard, cr_contact_card, ADW_TYPE_BIN)

/* Translated name of a language code as contacts store it. */
const char *
cr_contact_language_label (const char *code)
{
  if (code == NULL || *code == '\0')
    return NULL;
  if (g_ascii_strcasecmp (code, "fr") == 0)
    return _("French");
  if (g_ascii_strcasecmp (code, "nl") == 0)
    return _("Dutch");
  if (g_ascii_strcasecmp (code, "en") == 0)
    return _("English");
  if (g_ascii_strcasecmp (code, "de") == 0)
    return _("German");
  return code;
}

/* "SPOC", "Deputy 1"…, or NULL outside the chain. */
char *
cr_contact_rank_label (int rank)
{
  if (rank < 0)
    return NULL;
  if (rank == 0)
    return g_strdup (_("SPOC"));
  /* Translators: the place of a deputy in the SPOC chain: "Deputy 1" is called first. */
  return g_strdup_printf (_("Deputy %d"), rank);
}

/* "20/09/2024 by Duty officer", or "Never verified". */
char *
cr_contact_describe_verified (CrContact *contact)
{
  GDateTime *at = cr_contact_get_verified_at (contact);
  const char *by = cr_contact_get_verified_by (contact);
  g_autofree char *day = NULL;

  if (at == NULL)
    return g_strdup (_("Never verified"));
  day = cr_time_format_local (at, "%d/%m/%Y");
  if (by != NULL && *by != '\0')
    /* Translators: when a contact was last verified, and by whom: "20/09/2024 by Alice". */
    return g_strdup_printf (_("%s by %s"), day, by);
  return g_steal_pointer (&day);
}

static GtkWidget *
dim_label (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_selectable (GTK_LABEL (label), FALSE);
  gtk_widget_add_css_class (label, "dim-label");
  return label;
}

static GtkWidget *
value_label (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_widget_set_hexpand (label, TRUE);
  return label;
}

/* A flagged value: a warning icon and what is wrong, in words. */
static GtkWidget *
problem_box (const char *value,
             const char *problem)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
  GtkWidget *label;
  g_autofree char *text = NULL;

  gtk_widget_add_css_class (box, "warning");
  gtk_widget_set_valign (icon, GTK_ALIGN_START);
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Needs review"), -1);
  gtk_box_append (GTK_BOX (box), icon);
  text = value != NULL ? g_strdup_printf ("%s — %s", value, problem) : g_strdup (problem);
  label = value_label (text);
  gtk_box_append (GTK_BOX (box), label);
  return box;
}

static void
attach_row (GtkGrid    *grid,
            int        *row,
            const char *title,
            GtkWidget  *value)
{
  GtkWidget *label = dim_label (title);

  gtk_widget_set_valign (label, GTK_ALIGN_START);
  gtk_widget_set_valign (value, GTK_ALIGN_START);
  gtk_grid_attach (grid, label, 0, *row, 1, 1);
  gtk_grid_attach (grid, value, 1, *row, 1, 1);
  (*row)++;
}

static GtkWidget *
link_button (const char *uri,
             const char *text,
             const char *tooltip)
{
  GtkWidget *button = gtk_link_button_new_with_label (uri, text);

  /* GtkLinkButton opens the URI with gtk_show_uri(): the system's
   * dialler or mail program. */
  gtk_widget_set_halign (button, GTK_ALIGN_START);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_widget_add_css_class (button, "contact-link");
  return button;
}

static void
add_phone (GtkGrid      *grid,
           int          *row,
           CrContact    *contact,
           CrPhoneField  field)
{
  const char *typed = cr_phone_field_get (contact, field);
  g_autoptr(GError) error = NULL;
  g_autofree char *e164 = NULL;
  GtkWidget *box;

  if (typed == NULL || *typed == '\0')
    return;
  e164 = cr_phone_to_e164 (typed, &error);
  if (e164 == NULL)
    {
      /* The message quotes the number as typed. */
      attach_row (grid, row, cr_phone_field_label (field), problem_box (NULL, error->message));
      return;
    }

  {
    g_autofree char *uri = cr_phone_to_uri (typed);
    /* Translators: tooltip of a phone number link; %s is the number in E.164 form. */
    g_autofree char *tooltip = g_strdup_printf (_("Call %s"), e164);
    /* Translators: the E.164 form of a number shown beside it as typed. */
    g_autofree char *normalised = g_strdup_printf (_("E.164 %s"), e164);
    GtkWidget *link = link_button (uri, typed, tooltip);
    GtkWidget *e164_label = dim_label (normalised);

    box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
    gtk_widget_set_hexpand (box, TRUE);
    gtk_label_set_wrap (GTK_LABEL (e164_label), FALSE);
    gtk_widget_set_valign (link, GTK_ALIGN_BASELINE);
    gtk_widget_set_valign (e164_label, GTK_ALIGN_BASELINE);
    gtk_box_append (GTK_BOX (box), link);
    gtk_box_append (GTK_BOX (box), e164_label);
    attach_row (grid, row, cr_phone_field_label (field), box);
  }
}

static void
add_email (GtkGrid   *grid,
           int       *row,
           CrContact *contact)
{
  const char *email = cr_contact_get_email (contact);
  g_autoptr(GError) error = NULL;

  if (email == NULL || *email == '\0')
    return;
  if (!cr_email_check (email, &error))
    {
      attach_row (grid, row, _("E-mail"),
                  problem_box (strstr (error->message, email) == NULL ? email : NULL, error->message));
      return;
    }

  {
    g_autofree char *uri = cr_email_to_uri (email);
    /* Translators: tooltip of an e-mail link; %s is the address. */
    g_autofree char *tooltip = g_strdup_printf (_("Write to %s"), email);

    attach_row (grid, row, _("E-mail"), link_button (uri, email, tooltip));
  }
}

static void
add_verified (GtkGrid   *grid,
              int       *row,
              CrContact *contact,
              GDateTime *stale_before)
{
  GDateTime *at = cr_contact_get_verified_at (contact);
  g_autofree char *text = cr_contact_describe_verified (contact);

  if (at == NULL)
    attach_row (grid, row, _("Last verified"),
                problem_box (NULL, _("Never verified: check the details with the contact and "
                                     "confirm them.")));
  else if (stale_before != NULL && g_date_time_compare (at, stale_before) < 0)
    attach_row (grid, row, _("Last verified"),
                problem_box (text, _("older than the review period: check and confirm again")));
  else
    attach_row (grid, row, _("Last verified"), value_label (text));
}

static GtkWidget *
icon_button (const char *icon_name,
             const char *label,
             const char *action,
             gint64      contact_id)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "x", contact_id);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  return button;
}

static void
append_item (GMenu      *menu,
             const char *label,
             const char *action,
             gint64      contact_id)
{
  g_autoptr(GMenuItem) item = g_menu_item_new (label, NULL);

  g_menu_item_set_action_and_target_value (item, action, g_variant_new_int64 (contact_id));
  g_menu_append_item (menu, item);
}

static GtkWidget *
more_button (gint64 contact_id,
             int    rank)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) chain = g_menu_new ();
  g_autoptr(GMenu) danger = g_menu_new ();
  GtkWidget *button = gtk_menu_button_new ();
  const char *label = _("More Actions");

  if (rank != 0)
    append_item (chain, _("Make SPOC"), "contacts.make-spoc", contact_id);
  if (rank <= 0)
    append_item (chain, _("Make Deputy"), "contacts.make-deputy", contact_id);
  if (rank >= 0)
    append_item (chain, _("Remove from the SPOC Chain"), "contacts.leave-chain", contact_id);
  append_item (danger, _("Remove Contact…"), "contacts.remove", contact_id);
  g_menu_append_section (menu, NULL, G_MENU_MODEL (chain));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (danger));

  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "view-more-symbolic");
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (button), G_MENU_MODEL (menu));
  gtk_widget_set_tooltip_text (button, label);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  /* The button inside takes its name from this one (it is labelled by
   * it): naming it too would make screen readers say the name twice. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  return button;
}

static GtkWidget *
build_header (CrContact          *contact,
              int                 rank,
              guint               chain_length,
              CrContactCardFlags  flags)
{
  gint64 id = cr_record_get_id (CR_RECORD (contact));
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *titles = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *name_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *name = gtk_label_new (cr_contact_get_name (contact));
  g_autofree char *rank_text = cr_contact_rank_label (rank);
  const char *function = cr_contact_get_function (contact);

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_wrap (GTK_LABEL (name), TRUE);
  gtk_label_set_selectable (GTK_LABEL (name), TRUE);
  gtk_widget_add_css_class (name, "heading");
  gtk_box_append (GTK_BOX (name_box), name);
  if (rank_text != NULL)
    {
      GtkWidget *badge = gtk_label_new (rank_text);

      gtk_widget_add_css_class (badge, "contact-rank");
      if (rank == 0)
        gtk_widget_add_css_class (badge, "spoc");
      gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
      gtk_box_append (GTK_BOX (name_box), badge);
    }
  gtk_box_append (GTK_BOX (titles), name_box);
  if (function != NULL && *function != '\0')
    gtk_box_append (GTK_BOX (titles), dim_label (function));
  gtk_widget_set_hexpand (titles, TRUE);
  gtk_box_append (GTK_BOX (header), titles);

  if (flags & CR_CONTACT_CARD_EDITABLE)
    {
      GtkWidget *confirm;

      if (rank > 0)
        gtk_box_append (GTK_BOX (header), icon_button ("go-up-symbolic", _("Move Up in the SPOC Chain"),
                                                       "contacts.move-up", id));
      if (rank >= 0 && rank + 1 < (int) chain_length)
        gtk_box_append (GTK_BOX (header), icon_button ("go-down-symbolic",
                                                       _("Move Down in the SPOC Chain"),
                                                       "contacts.move-down", id));

      if (flags & CR_CONTACT_CARD_CONFIRMED)
        {
          confirm = gtk_button_new_with_label (_("Confirmed"));
          gtk_widget_set_sensitive (confirm, FALSE);
        }
      else if (flags & CR_CONTACT_CARD_REVIEW)
        {
          confirm = gtk_button_new_with_label (_("Details Are Right"));
          gtk_widget_set_tooltip_text (confirm, _("Confirm that this contact’s details are right as "
                                                  "shown"));
          gtk_actionable_set_action_name (GTK_ACTIONABLE (confirm), "contacts.confirm");
          gtk_actionable_set_action_target (GTK_ACTIONABLE (confirm), "x", id);
        }
      else
        {
          /* No mnemonic: every card has one, and Alt+T is the partner's. */
          confirm = gtk_button_new_with_label (_("Confirmed Today"));
          gtk_widget_set_tooltip_text (confirm, _("Record that these details were checked today, "
                                                  "and by whom"));
          gtk_actionable_set_action_name (GTK_ACTIONABLE (confirm), "contacts.confirm");
          gtk_actionable_set_action_target (GTK_ACTIONABLE (confirm), "x", id);
        }
      gtk_widget_set_valign (confirm, GTK_ALIGN_CENTER);
      gtk_widget_set_name (confirm, "confirm-button");
      gtk_box_append (GTK_BOX (header), confirm);
      gtk_box_append (GTK_BOX (header), icon_button ("document-edit-symbolic", _("Edit Contact"),
                                                     "contacts.edit", id));
      gtk_box_append (GTK_BOX (header), more_button (id, rank));
    }
  return header;
}

static void
build (CrContactCard      *self,
       int                 rank,
       guint               chain_length,
       GDateTime          *stale_before,
       CrContactCardFlags  flags)
{
  CrContact *contact = self->contact;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  GtkWidget *grid = gtk_grid_new ();
  const char *language = cr_contact_language_label (cr_contact_get_language (contact));
  const char *notes = cr_contact_get_notes (contact);
  int row = 0;

  gtk_widget_add_css_class (box, "card");
  gtk_widget_add_css_class (box, "contact-card");
  gtk_box_append (GTK_BOX (box), build_header (contact, rank, chain_length, flags));

  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 2);
  for (CrPhoneField field = 0; field < CR_N_PHONE_FIELDS; field++)
    add_phone (GTK_GRID (grid), &row, contact, field);
  add_email (GTK_GRID (grid), &row, contact);
  if (language != NULL)
    attach_row (GTK_GRID (grid), &row, _("Language"), value_label (language));
  attach_row (GTK_GRID (grid), &row, _("Availability"),
              value_label (cr_availability_label (cr_contact_get_availability (contact))));
  add_verified (GTK_GRID (grid), &row, contact, stale_before);
  if (notes != NULL && *notes != '\0')
    attach_row (GTK_GRID (grid), &row, _("Notes"), value_label (notes));
  gtk_box_append (GTK_BOX (box), grid);

  adw_bin_set_child (ADW_BIN (self), box);
}

static void
cr_contact_card_dispose (GObject *object)
{
  CrContactCard *self = CR_CONTACT_CARD (object);

  g_clear_object (&self->contact);

  G_OBJECT_CLASS (cr_contact_card_parent_class)->dispose (object);
}

static void
cr_contact_card_class_init (CrContactCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cr_contact_card_dispose;
}

static void
cr_contact_card_init (CrContactCard *self)
{
}

/**
 * cr_contact_card_new:
 * @rank: 0 for the SPOC, 1… for the deputies, -1 outside the chain
 * @chain_length: how many contacts the chain has (for "move down")
 * @stale_before: (nullable): verifications before this need review
 *
 * Returns: (transfer floating): the card
 */
GtkWidget *
cr_contact_card_new (CrContact          *contact,
                     int                 rank,
                     guint               chain_length,
                     GDateTime          *stale_before,
                     CrContactCardFlags  flags)
{
  CrContactCard *self;

  g_return_val_if_fail (CR_IS_CONTACT (contact), NULL);

  self = g_object_new (CR_TYPE_CONTACT_CARD, NULL);
  self->contact = g_object_ref (contact);
  build (self, rank, chain_length, stale_before, flags);
  return GTK_WIDGET (self);
}

/**
 * cr_contact_card_get_contact:
 *
 * Returns: (transfer none): the contact shown
 */
CrContact *
cr_contact_card_get_contact (CrContactCard *self)
{
  g_return_val_if_fail (CR_IS_CONTACT_CARD (self), NULL);

  return self->contact;
}
