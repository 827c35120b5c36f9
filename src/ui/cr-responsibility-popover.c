/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cr-responsibility"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cr-labels.h"
#include "cr-responsibility-popover.h"

/**
 * CrResponsibilityPopover:
 *
 * "Who is responsible here?": opened with a right-click or a long press on
 * the map, it lists the reference areas containing that point (smallest
 * first), the partners linked to each, and each partner's SPOC and
 * deputies in order with their 24/7 and mobile numbers and e-mail, one
 * click from the phone or mail application. An area gets a partner from
 * a small searchable chooser, on a second page of the popover.
 */
struct _CrResponsibilityPopover
{
  GtkPopover parent_instance;

  /* Template widgets */
  GtkStack *stack;
  GtkLabel *location_label;
  GtkScrolledWindow *areas_scroller;
  GtkBox *areas_box;
  GtkBox *empty_box;
  GtkLabel *empty_hint;
  GtkLabel *link_title;
  GtkSearchEntry *partner_search;
  GtkListBox *partner_list;
  GtkLabel *partner_empty_label;
  GtkLabel *link_error;

  CrStore *store;
  GListStore *areas;       /* CrFeature shown on the areas page */
  GListStore *partners;    /* CrPartner offered by the chooser */
  GtkFilterListModel *filtered_partners;
  GtkCustomFilter *partner_filter;
  GHashTable *area_names;  /* area id -> name, for the chooser's subtitles */
  double lon;
  double lat;
  gboolean has_location;
  gint64 chooser_area;     /* the area a partner is being chosen for */
  guint rebuild_source;
};

G_DEFINE_FINAL_TYPE (CrResponsibilityPopover, cr_responsibility_popover, GTK_TYPE_POPOVER)

static void rebuild (CrResponsibilityPopover *self);

/* What goes after "tel:": the digits, and a leading "+", of what was typed. */
static char *
tel_uri (const char *number)
{
  GString *uri = g_string_new ("tel:");

  for (const char *p = number; *p != '\0'; p++)
    if (g_ascii_isdigit (*p) || (*p == '+' && uri->len == 4))
      g_string_append_c (uri, *p);
  return g_string_free (uri, FALSE);
}

static char *
mailto_uri (const char *address)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (address));
  g_autofree char *escaped = g_uri_escape_string (trimmed, "@+", FALSE);

  return g_strconcat ("mailto:", escaped, NULL);
}

static gboolean
has_text (const char *text)
{
  return text != NULL && *text != '\0';
}

static void
open_uri_clicked_cb (GtkButton *button,
                     gpointer   user_data)
{
  const char *uri = g_object_get_data (G_OBJECT (button), "cr-uri");
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (button));

  g_debug ("Opening %s", uri);
  gtk_show_uri (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, uri, GDK_CURRENT_TIME);
}

static GtkWidget *
label_new (const char *text,
           const char *css_class,
           const char *css_class2)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  if (css_class2 != NULL)
    gtk_widget_add_css_class (label, css_class2);
  return label;
}

/* A flat button with an icon that opens @uri; @accessible_name says what
 * it does, for screen readers, where the visible label is only a number. */
static GtkWidget *
uri_button_new (const char *icon_name,
                const char *text,
                const char *uri,
                const char *accessible_name)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *content = adw_button_content_new ();

  adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (content), icon_name);
  adw_button_content_set_label (ADW_BUTTON_CONTENT (content), text);
  gtk_button_set_child (GTK_BUTTON (button), content);
  gtk_widget_set_halign (button, GTK_ALIGN_START);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, accessible_name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible_name, -1);
  g_object_set_data_full (G_OBJECT (button), "cr-uri", g_strdup (uri), g_free);
  g_signal_connect (button, "clicked", G_CALLBACK (open_uri_clicked_cb), NULL);
  return button;
}

static GtkWidget *
contact_widget (CrContact *contact,
                guint      position)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *phones;
  const char *name = cr_contact_get_name (contact);
  const char *function = cr_contact_get_function (contact);
  const char *phone_24_7 = cr_contact_get_phone_24_7 (contact);
  const char *mobile = cr_contact_get_phone_mobile (contact);
  const char *email = cr_contact_get_email (contact);
  g_autofree char *role = NULL;
  g_autofree char *title = NULL;

  if (position == 0)
    role = g_strdup (_("SPOC"));
  else
    /* Translators: the deputies of a SPOC, in order: "Deputy 1", "Deputy 2"… */
    role = g_strdup_printf (_("Deputy %u"), position);
  /* Translators: a contact in a SPOC chain: "SPOC · Name" or "Deputy 1 · Name". */
  title = g_strdup_printf (_("%s · %s"), role, name);
  gtk_widget_set_margin_start (box, 12);
  gtk_box_append (GTK_BOX (box), label_new (title, "heading", NULL));
  if (has_text (function))
    gtk_box_append (GTK_BOX (box), label_new (function, "caption", "dim-label"));

  /* The numbers side by side, the address under them: a chain of three
   * contacts still fits the popover without scrolling. */
  phones = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  if (has_text (phone_24_7))
    {
      g_autofree char *uri = tel_uri (phone_24_7);
      /* Translators: a phone number that answers day and night. */
      g_autofree char *text = g_strdup_printf (_("24/7 %s"), phone_24_7);
      /* Translators: what a button does: call a contact, by name, on a number. */
      g_autofree char *accessible = g_strdup_printf (_("Call %s day and night at %s"), name, phone_24_7);

      gtk_box_append (GTK_BOX (phones), uri_button_new ("call-start-symbolic", text, uri, accessible));
    }
  if (has_text (mobile))
    {
      g_autofree char *uri = tel_uri (mobile);
      g_autofree char *text = g_strdup_printf (_("Mobile %s"), mobile);
      g_autofree char *accessible = g_strdup_printf (_("Call %s on the mobile at %s"), name, mobile);

      gtk_box_append (GTK_BOX (phones), uri_button_new ("phone-symbolic", text, uri, accessible));
    }
  if (gtk_widget_get_first_child (phones) != NULL)
    gtk_box_append (GTK_BOX (box), phones);
  else
    g_object_unref (g_object_ref_sink (phones));
  if (has_text (email))
    {
      g_autofree char *uri = mailto_uri (email);
      g_autofree char *accessible = g_strdup_printf (_("Write to %s at %s"), name, email);

      gtk_box_append (GTK_BOX (box), uri_button_new ("mail-unread-symbolic", email, uri, accessible));
    }
  if (!has_text (phone_24_7) && !has_text (mobile) && !has_text (email))
    gtk_box_append (GTK_BOX (box),
                    label_new (_("No 24/7 number, mobile or e-mail: complete this contact on the "
                                 "Partners page."),
                               "caption", "dim-label"));
  return box;
}

static void
unlink_clicked_cb (GtkButton               *button,
                   CrResponsibilityPopover *self)
{
  g_autoptr(GError) error = NULL;
  gint64 partner_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "cr-partner-id"));

  if (!cr_store_set_partner_area (self->store, partner_id, 0, &error))
    {
      g_warning ("Cannot unlink partner %" G_GINT64_FORMAT ": %s", partner_id, error->message);
      gtk_widget_set_tooltip_text (GTK_WIDGET (button), error->message);
      return;
    }
  rebuild (self);
}

static GtkWidget *
partner_widget (CrResponsibilityPopover *self,
                CrPartner               *partner,
                CrFeature               *area)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) chain = cr_store_list_spoc_chain (self->store,
                                                          cr_record_get_id (CR_RECORD (partner)), &error);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *names = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *unlink = gtk_button_new_with_label (_("Unlink"));
  GtkWidget *name = label_new (cr_partner_get_name (partner), "heading", NULL);
  g_autofree char *accessible = NULL;

  gtk_widget_add_css_class (name, "accent");
  gtk_box_append (GTK_BOX (names), name);
  gtk_box_append (GTK_BOX (names),
                  label_new (cr_partner_type_label (cr_partner_get_partner_type (partner)), "caption",
                             "dim-label"));
  gtk_widget_set_hexpand (names, TRUE);
  gtk_box_append (GTK_BOX (header), names);

  /* Translators: a button that removes a partner's link to an area: partner, then area. */
  accessible = g_strdup_printf (_("Unlink %s from %s"), cr_partner_get_name (partner),
                                cr_feature_get_name (area) ? cr_feature_get_name (area) : _("this area"));
  gtk_widget_set_tooltip_text (unlink, accessible);
  gtk_accessible_update_property (GTK_ACCESSIBLE (unlink), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  gtk_widget_set_valign (unlink, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (unlink, "flat");
  g_object_set_data (G_OBJECT (unlink), "cr-partner-id",
                     GSIZE_TO_POINTER ((gsize) cr_record_get_id (CR_RECORD (partner))));
  g_signal_connect (unlink, "clicked", G_CALLBACK (unlink_clicked_cb), self);
  gtk_box_append (GTK_BOX (header), unlink);
  gtk_box_append (GTK_BOX (box), header);

  if (chain == NULL)
    gtk_box_append (GTK_BOX (box), label_new (error->message, "error", NULL));
  else if (g_list_model_get_n_items (chain) == 0)
    gtk_box_append (GTK_BOX (box),
                    label_new (_("No SPOC recorded for this partner: name one on the Partners page."),
                               "caption", "dim-label"));
  else
    for (guint i = 0; i < g_list_model_get_n_items (chain); i++)
      {
        g_autoptr(CrContact) contact = g_list_model_get_item (chain, i);

        gtk_box_append (GTK_BOX (box), contact_widget (contact, i));
      }
  return box;
}

static void
link_clicked_cb (GtkButton               *button,
                 CrResponsibilityPopover *self)
{
  cr_responsibility_popover_choose_partner (self, GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button),
                                                                                       "cr-area-id")));
}

static GtkWidget *
area_widget (CrResponsibilityPopover *self,
             CrFeature               *area,
             GHashTable              *layer_names)
{
  g_autoptr(GError) error = NULL;
  gint64 area_id = cr_record_get_id (CR_RECORD (area));
  g_autoptr(GListModel) partners = cr_store_list_area_partners (self->store, area_id, &error);
  const char *area_name = has_text (cr_feature_get_name (area)) ? cr_feature_get_name (area) : _("Unnamed area");
  const char *layer_name = g_hash_table_lookup (layer_names, &(gint64) { cr_feature_get_layer_id (area) });
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *names = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *link = gtk_button_new_with_label (_("Link a Partner…"));
  g_autofree char *accessible = NULL;

  gtk_widget_add_css_class (card, "card");
  g_object_set (card, "margin-start", 2, "margin-end", 2, "margin-top", 2, "margin-bottom", 2, NULL);
  gtk_widget_set_margin_start (header, 10);
  gtk_widget_set_margin_end (header, 6);
  gtk_widget_set_margin_top (header, 8);

  gtk_box_append (GTK_BOX (names), label_new (area_name, "title-4", NULL));
  if (layer_name != NULL)
    gtk_box_append (GTK_BOX (names), label_new (layer_name, "caption", "dim-label"));
  gtk_widget_set_hexpand (names, TRUE);
  gtk_box_append (GTK_BOX (header), names);

  /* Translators: a button that links a partner to an area; %s is the area. */
  accessible = g_strdup_printf (_("Link a partner to %s"), area_name);
  gtk_widget_set_tooltip_text (link, accessible);
  gtk_accessible_update_property (GTK_ACCESSIBLE (link), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  gtk_widget_set_valign (link, GTK_ALIGN_START);
  g_object_set_data (G_OBJECT (link), "cr-area-id", GSIZE_TO_POINTER ((gsize) area_id));
  g_signal_connect (link, "clicked", G_CALLBACK (link_clicked_cb), self);
  gtk_box_append (GTK_BOX (header), link);
  gtk_box_append (GTK_BOX (card), header);

  {
    GtkWidget *body = gtk_box_new (GTK_ORIENTATION_VERTICAL, 10);

    g_object_set (body, "margin-start", 10, "margin-end", 10, "margin-bottom", 10, NULL);
    if (partners == NULL)
      gtk_box_append (GTK_BOX (body), label_new (error->message, "error", NULL));
    else if (g_list_model_get_n_items (partners) == 0)
      gtk_box_append (GTK_BOX (body),
                      label_new (_("No partner is linked to this area yet."), "dim-label", NULL));
    else
      for (guint i = 0; i < g_list_model_get_n_items (partners); i++)
        {
          g_autoptr(CrPartner) partner = g_list_model_get_item (partners, i);

          gtk_box_append (GTK_BOX (body), partner_widget (self, partner, area));
        }
    gtk_box_append (GTK_BOX (card), body);
  }
  return card;
}

static void
clear_box (GtkBox *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))) != NULL)
    gtk_box_remove (box, child);
}

static GHashTable *
load_layer_names (CrResponsibilityPopover *self)
{
  GHashTable *names = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_autoptr(GListModel) layers = cr_store_list_reference_layers (self->store, NULL);

  for (guint i = 0; layers != NULL && i < g_list_model_get_n_items (layers); i++)
    {
      g_autoptr(CrReferenceLayer) layer = g_list_model_get_item (layers, i);
      gint64 id = cr_record_get_id (CR_RECORD (layer));

      g_hash_table_insert (names, g_memdup2 (&id, sizeof id), g_strdup (cr_reference_layer_get_name (layer)));
    }
  return names;
}

/* Builds the areas page from the store. */
static void
rebuild (CrResponsibilityPopover *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) areas = NULL;
  g_autoptr(GHashTable) layer_names = NULL;
  g_autoptr(GListModel) layers = NULL;
  guint n_areas;

  g_clear_handle_id (&self->rebuild_source, g_source_remove);
  clear_box (self->areas_box);
  g_list_store_remove_all (self->areas);
  if (!self->has_location)
    return;

  areas = cr_store_find_areas_at (self->store, self->lon, self->lat, &error);
  if (areas == NULL)
    {
      gtk_box_append (self->areas_box, label_new (error->message, "error", NULL));
      gtk_widget_set_visible (GTK_WIDGET (self->areas_scroller), TRUE);
      gtk_widget_set_visible (GTK_WIDGET (self->empty_box), FALSE);
      return;
    }
  layer_names = load_layer_names (self);
  n_areas = g_list_model_get_n_items (areas);
  for (guint i = 0; i < n_areas; i++)
    {
      g_autoptr(CrFeature) area = g_list_model_get_item (areas, i);

      g_list_store_append (self->areas, area);
      gtk_box_append (self->areas_box, area_widget (self, area, layer_names));
    }

  /* The empty state says what would fill it. */
  layers = cr_store_list_reference_layers (self->store, NULL);
  if (layers == NULL || g_list_model_get_n_items (layers) == 0)
    gtk_label_set_text (self->empty_hint,
                        _("Import commune or police-zone boundaries as a reference layer "
                          "(main menu, Import Reference Layer…), then link each partner to "
                          "its area."));
  else
    gtk_label_set_text (self->empty_hint,
                        _("No visible reference layer has an area at this point. Show a hidden "
                          "layer, or import a reference layer that covers it."));
  gtk_widget_set_visible (GTK_WIDGET (self->areas_scroller), n_areas > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->empty_box), n_areas == 0);
}

static gboolean
rebuild_idle_cb (gpointer user_data)
{
  CrResponsibilityPopover *self = user_data;

  self->rebuild_source = 0;
  rebuild (self);
  return G_SOURCE_REMOVE;
}

/* Another window, or the Partners page, changed what the popover shows:
 * once per batch of changes, while it is open. */
static void
store_changed_cb (CrStore                 *store,
                  const char              *table,
                  gint64                   row_id,
                  int                      change,
                  CrResponsibilityPopover *self)
{
  if (!gtk_widget_get_visible (GTK_WIDGET (self)) || self->rebuild_source != 0)
    return;
  self->rebuild_source = g_idle_add (rebuild_idle_cb, self);
}

/* The chooser */

static gboolean
partner_matches (gpointer item,
                 gpointer user_data)
{
  CrResponsibilityPopover *self = user_data;
  const char *search = gtk_editable_get_text (GTK_EDITABLE (self->partner_search));
  g_autofree char *needle = NULL;
  g_autofree char *haystack = NULL;
  g_autofree char *ascii_needle = NULL;
  g_autofree char *ascii_haystack = NULL;

  if (search == NULL || *search == '\0')
    return TRUE;
  /* Accents, case and dashes do not count: "saint gilles" finds
   * "Saint-Gilles", "siamu" finds "SIAMU". */
  haystack = g_strdup_printf ("%s %s", cr_partner_get_name (item),
                              cr_partner_type_label (cr_partner_get_partner_type (item)));
  ascii_needle = g_str_to_ascii (search, NULL);
  ascii_haystack = g_str_to_ascii (haystack, NULL);
  g_strdelimit (ascii_needle, "-'", ' ');
  g_strdelimit (ascii_haystack, "-'", ' ');
  g_free (needle);
  needle = g_ascii_strdown (g_strstrip (ascii_needle), -1);
  g_free (haystack);
  haystack = g_ascii_strdown (ascii_haystack, -1);
  return strstr (haystack, needle) != NULL;
}

static GtkWidget *
create_partner_row_cb (gpointer item,
                       gpointer user_data)
{
  CrResponsibilityPopover *self = user_data;
  CrPartner *partner = item;
  GtkWidget *row = adw_action_row_new ();
  gint64 area = cr_partner_get_area_feature_id (partner);
  g_autofree char *subtitle = NULL;
  const char *type = cr_partner_type_label (cr_partner_get_partner_type (partner));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), cr_partner_get_name (partner));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  if (area == self->chooser_area)
    /* Translators: partner type, then that it is already linked to the area being edited. */
    subtitle = g_strdup_printf (_("%s · already linked here"), type);
  else if (area != 0)
    {
      const char *other = g_hash_table_lookup (self->area_names, &area);

      /* Translators: partner type, then the area it is linked to now; choosing it moves the link. */
      subtitle = g_strdup_printf (_("%s · now linked to %s"), type, other ? other : _("another area"));
    }
  else
    subtitle = g_strdup (type);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "cr-partner", g_object_ref (partner), g_object_unref);
  return row;
}

static void
update_partner_empty (CrResponsibilityPopover *self)
{
  guint n_all = g_list_model_get_n_items (G_LIST_MODEL (self->partners));
  guint n_shown = g_list_model_get_n_items (G_LIST_MODEL (self->filtered_partners));

  if (n_all == 0)
    gtk_label_set_text (self->partner_empty_label,
                        _("There are no partners yet. Add them on the Partners page."));
  else
    gtk_label_set_text (self->partner_empty_label,
                        _("No partner matches the search. Try part of the name."));
  gtk_widget_set_visible (GTK_WIDGET (self->partner_empty_label), n_shown == 0);
  gtk_widget_set_visible (GTK_WIDGET (self->partner_list), n_shown > 0);
}

static void
partner_search_changed_cb (CrResponsibilityPopover *self)
{
  gtk_filter_changed (GTK_FILTER (self->partner_filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_partner_empty (self);
}

static void
link_partner (CrResponsibilityPopover *self,
              CrPartner               *partner)
{
  g_autoptr(GError) error = NULL;

  if (!cr_store_set_partner_area (self->store, cr_record_get_id (CR_RECORD (partner)), self->chooser_area,
                                  &error))
    {
      gtk_label_set_text (self->link_error, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->link_error), TRUE);
      return;
    }
  rebuild (self);
  gtk_stack_set_visible_child_name (self->stack, "areas");
}

static void
partner_activated_cb (CrResponsibilityPopover *self,
                      GtkListBoxRow           *row)
{
  link_partner (self, g_object_get_data (G_OBJECT (row), "cr-partner"));
}

/* Enter in the search links the only partner left. */
static void
partner_search_activate_cb (CrResponsibilityPopover *self)
{
  g_autoptr(CrPartner) partner = NULL;

  if (g_list_model_get_n_items (G_LIST_MODEL (self->filtered_partners)) != 1)
    return;
  partner = g_list_model_get_item (G_LIST_MODEL (self->filtered_partners), 0);
  link_partner (self, partner);
}

static void
back_clicked_cb (CrResponsibilityPopover *self)
{
  gtk_stack_set_visible_child_name (self->stack, "areas");
}

/* The map */

static void
map_pressed_cb (GtkGestureClick         *gesture,
                int                      n_press,
                double                   x,
                double                   y,
                CrResponsibilityPopover *self)
{
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  cr_responsibility_popover_popup_at (self, x, y);
}

static void
map_long_pressed_cb (GtkGestureLongPress     *gesture,
                     double                   x,
                     double                   y,
                     CrResponsibilityPopover *self)
{
  cr_responsibility_popover_popup_at (self, x, y);
}

/* Keyboard users ask about the centre of the map, with the Menu key. */
static gboolean
map_menu_key_cb (GtkWidget *widget,
                 GVariant  *args,
                 gpointer   user_data)
{
  CrResponsibilityPopover *self = user_data;

  cr_responsibility_popover_popup_at (self, gtk_widget_get_width (widget) / 2.0,
                                      gtk_widget_get_height (widget) / 2.0);
  return TRUE;
}

static void
map_destroy_cb (GtkWidget               *map,
                CrResponsibilityPopover *self)
{
  if (gtk_widget_get_parent (GTK_WIDGET (self)) == map)
    gtk_widget_unparent (GTK_WIDGET (self));
}

static void
cr_responsibility_popover_dispose (GObject *object)
{
  CrResponsibilityPopover *self = CR_RESPONSIBILITY_POPOVER (object);

  g_clear_handle_id (&self->rebuild_source, g_source_remove);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), CR_TYPE_RESPONSIBILITY_POPOVER);
  g_clear_object (&self->filtered_partners);
  g_clear_object (&self->partners);
  g_clear_object (&self->areas);
  g_clear_object (&self->store);
  g_clear_pointer (&self->area_names, g_hash_table_unref);

  G_OBJECT_CLASS (cr_responsibility_popover_parent_class)->dispose (object);
}

static void
cr_responsibility_popover_class_init (CrResponsibilityPopoverClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cr_responsibility_popover_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/cr-responsibility-popover.ui");
  gtk_widget_class_bind_template_child (widget_class, CrResponsibilityPopover, stack);
  gtk_widget_class_bind_template_child (widget_class, CrResponsibilityPopover, location_label);
  gtk_widget_class_bind_template_child (widget_class, CrResponsibilityPopover, areas_scroller);
  gtk_widget_class_bind_template_child (widget_class, CrResponsibilityPopover, areas_box);
  gtk_widget_class_bind_template_child (widget_class, CrResponsibilityPopover, empty_box);
  gtk_widget_class_bind_template_child (widget_class, CrResponsibilityPopover, empty_hint);
  gtk_widget_class_bind_template_child (widget_class, CrResponsibilityPopover, link_title);
  gtk_widget_class_bind_template_child (widget_class, CrResponsibilityPopover, partner_search);
  gtk_widget_class_bind_template_child (widget_class, CrResponsibilityPopover, partner_list);
  gtk_widget_class_bind_template_child (widget_class, CrResponsibilityPopover, partner_empty_label);
  gtk_widget_class_bind_template_child (widget_class, CrResponsibilityPopover, link_error);
  gtk_widget_class_bind_template_callback (widget_class, back_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, partner_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, partner_search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, partner_activated_cb);
}

static void
cr_responsibility_popover_init (CrResponsibilityPopover *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->areas = g_list_store_new (CR_TYPE_FEATURE);
  self->partners = g_list_store_new (CR_TYPE_PARTNER);
  self->partner_filter = gtk_custom_filter_new (partner_matches, self, NULL);
  self->filtered_partners = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->partners)),
                                                       GTK_FILTER (self->partner_filter));
  self->area_names = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  gtk_list_box_bind_model (self->partner_list, G_LIST_MODEL (self->filtered_partners),
                           create_partner_row_cb, self, NULL);
}

CrResponsibilityPopover *
cr_responsibility_popover_new (CrStore *store)
{
  CrResponsibilityPopover *self;
  static const char *const tables[] = {
    "changed::features", "changed::reference_layers", "changed::partners",
    "changed::contacts", "changed::spoc_assignments",
  };

  g_return_val_if_fail (CR_IS_STORE (store), NULL);

  self = g_object_new (CR_TYPE_RESPONSIBILITY_POPOVER, NULL);
  self->store = g_object_ref (store);
  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    g_signal_connect (store, tables[i], G_CALLBACK (store_changed_cb), self);
  return self;
}

/**
 * cr_responsibility_popover_attach:
 *
 * Gives @map the popover: a right-click, a long press (touch) or the Menu
 * key (the centre of the map) opens it for that point.
 *
 * Returns: (transfer none): the popover, a child of @map
 */
CrResponsibilityPopover *
cr_responsibility_popover_attach (ShumateSimpleMap *map,
                                  CrStore          *store)
{
  CrResponsibilityPopover *self;
  GtkGesture *click, *long_press;
  GtkEventController *keys;
  GtkShortcutTrigger *trigger;

  g_return_val_if_fail (SHUMATE_IS_SIMPLE_MAP (map), NULL);
  g_return_val_if_fail (CR_IS_STORE (store), NULL);

  self = cr_responsibility_popover_new (store);
  gtk_widget_set_parent (GTK_WIDGET (self), GTK_WIDGET (map));
  /* The map does not know this child: let it go when the map goes. */
  g_signal_connect_object (map, "destroy", G_CALLBACK (map_destroy_cb), self, 0);

  /* Capture: before the map's own gestures see the press. */
  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_SECONDARY);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (click), GTK_PHASE_CAPTURE);
  g_signal_connect_object (click, "pressed", G_CALLBACK (map_pressed_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (map), GTK_EVENT_CONTROLLER (click));

  /* Touch only: with a mouse, holding the button drags the map. */
  long_press = gtk_gesture_long_press_new ();
  gtk_gesture_single_set_touch_only (GTK_GESTURE_SINGLE (long_press), TRUE);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (long_press), GTK_PHASE_CAPTURE);
  g_signal_connect_object (long_press, "pressed", G_CALLBACK (map_long_pressed_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (map), GTK_EVENT_CONTROLLER (long_press));

  keys = gtk_shortcut_controller_new ();
  trigger = gtk_alternative_trigger_new (gtk_keyval_trigger_new (GDK_KEY_Menu, 0),
                                         gtk_keyval_trigger_new (GDK_KEY_F10, GDK_SHIFT_MASK));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (keys),
                                        gtk_shortcut_new (trigger,
                                                          gtk_callback_action_new (map_menu_key_cb, self, NULL)));
  gtk_widget_add_controller (GTK_WIDGET (map), keys);
  return self;
}

/**
 * cr_responsibility_popover_set_location:
 *
 * Fills the popover for the point (@lon, @lat), on its areas page.
 */
void
cr_responsibility_popover_set_location (CrResponsibilityPopover *self,
                                        double                   lon,
                                        double                   lat)
{
  g_autofree char *text = NULL;

  g_return_if_fail (CR_IS_RESPONSIBILITY_POPOVER (self));

  self->lon = lon;
  self->lat = lat;
  self->has_location = TRUE;
  /* Translators: a point on the map: latitude north, longitude east, in degrees. */
  text = g_strdup_printf (_("%.5f° N, %.5f° E"), lat, lon);
  gtk_label_set_text (self->location_label, text);
  gtk_stack_set_visible_child_full (self->stack, "areas", GTK_STACK_TRANSITION_TYPE_NONE);
  rebuild (self);
}

/**
 * cr_responsibility_popover_popup_at:
 * @x: x in the coordinates of the map the popover is attached to
 * @y: y likewise
 *
 * Opens the popover pointing at (@x, @y), for the point of the map there.
 */
void
cr_responsibility_popover_popup_at (CrResponsibilityPopover *self,
                                    double                   x,
                                    double                   y)
{
  GtkWidget *parent;
  ShumateMap *map;
  ShumateViewport *viewport;
  double map_x, map_y, lat = 0, lon = 0;

  g_return_if_fail (CR_IS_RESPONSIBILITY_POPOVER (self));

  parent = gtk_widget_get_parent (GTK_WIDGET (self));
  g_return_if_fail (SHUMATE_IS_SIMPLE_MAP (parent));

  map = shumate_simple_map_get_map (SHUMATE_SIMPLE_MAP (parent));
  viewport = shumate_simple_map_get_viewport (SHUMATE_SIMPLE_MAP (parent));
  if (!gtk_widget_translate_coordinates (parent, GTK_WIDGET (map), x, y, &map_x, &map_y))
    {
      map_x = x;
      map_y = y;
    }
  shumate_viewport_widget_coords_to_location (viewport, GTK_WIDGET (map), map_x, map_y, &lat, &lon);
  cr_responsibility_popover_set_location (self, lon, lat);
  /* A popover pointing outside its parent cannot be placed. */
  x = CLAMP (x, 0, MAX (gtk_widget_get_width (parent) - 1, 0));
  y = CLAMP (y, 0, MAX (gtk_widget_get_height (parent) - 1, 0));
  gtk_popover_set_pointing_to (GTK_POPOVER (self), &(GdkRectangle) { (int) x, (int) y, 1, 1 });
  gtk_popover_popup (GTK_POPOVER (self));
}

/**
 * cr_responsibility_popover_get_areas:
 *
 * Returns: (transfer none): the areas the popover lists, as #CrFeature
 */
GListModel *
cr_responsibility_popover_get_areas (CrResponsibilityPopover *self)
{
  g_return_val_if_fail (CR_IS_RESPONSIBILITY_POPOVER (self), NULL);

  return G_LIST_MODEL (self->areas);
}

/**
 * cr_responsibility_popover_choose_partner:
 *
 * Shows the chooser that links a partner to @area_id; what "Link a
 * Partner…" does.
 */
void
cr_responsibility_popover_choose_partner (CrResponsibilityPopover *self,
                                          gint64                   area_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) partners = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(CrFeature) area = NULL;
  g_autofree char *title = NULL;

  g_return_if_fail (CR_IS_RESPONSIBILITY_POPOVER (self));

  self->chooser_area = area_id;
  area = cr_store_get (self->store, CR_TYPE_FEATURE, area_id, &error);
  partners = area != NULL ? cr_store_list (self->store, CR_TYPE_PARTNER, NULL, 0, &error) : NULL;
  gtk_widget_set_visible (GTK_WIDGET (self->link_error), partners == NULL);
  if (partners == NULL)
    gtk_label_set_text (self->link_error, error->message);

  /* Names of the areas partners are linked to now: a new link moves them. */
  g_hash_table_remove_all (self->area_names);
  for (guint i = 0; partners != NULL && i < g_list_model_get_n_items (partners); i++)
    {
      g_autoptr(CrPartner) partner = g_list_model_get_item (partners, i);
      gint64 other = cr_partner_get_area_feature_id (partner);

      if (other != 0 && !g_hash_table_contains (self->area_names, &other))
        {
          g_autoptr(CrFeature) feature = cr_store_get (self->store, CR_TYPE_FEATURE, other, NULL);

          g_hash_table_insert (self->area_names, g_memdup2 (&other, sizeof other),
                               g_strdup (feature ? cr_feature_get_name (feature) : NULL));
        }
      g_ptr_array_add (items, g_steal_pointer (&partner));
    }
  g_list_store_splice (self->partners, 0, g_list_model_get_n_items (G_LIST_MODEL (self->partners)),
                       items->pdata, items->len);

  /* Translators: the title of the partner chooser; %s is the area. */
  title = g_strdup_printf (_("Link a Partner to %s"),
                           area && has_text (cr_feature_get_name (area)) ? cr_feature_get_name (area)
                                                                         : _("This Area"));
  gtk_label_set_text (self->link_title, title);
  gtk_editable_set_text (GTK_EDITABLE (self->partner_search), "");
  update_partner_empty (self);
  gtk_stack_set_visible_child_name (self->stack, "link");
  gtk_widget_grab_focus (GTK_WIDGET (self->partner_search));
}
