/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cr-sheet"

#include "config.h"

#include <cjson/cJSON.h>
#include <glib/gi18n.h>
#include <string.h>

#include "cr-enum-types.h"
#include "cr-labels.h"
#include "cr-sheet-private.h"

/* The people of the sheet: each involved partner's SPOC chain and the
 * communications plan, with their phone numbers unless left out, and
 * the radio channels and talkgroups of the roles (see CrSheet). */

#define T(msgid) _cr_sheet_tr (self, msgid)

/* The number to call: the 24/7 line first, then the mobile, then the
 * office, with what it is. */
static char *
best_phone (CrSheet   *self,
            CrContact *contact)
{
  const char *number;
  g_autofree char *kept = NULL;

  if ((number = cr_contact_get_phone_24_7 (contact)) != NULL && *number != '\0')
    {
      kept = _cr_sheet_unbreakable (number);
      /* Translators: a phone number and what it is, e.g. "+32 2 000 00 74 (24/7)". */
      return g_strdup_printf (T (N_("%s (24/7)")), kept);
    }
  if ((number = cr_contact_get_phone_mobile (contact)) != NULL && *number != '\0')
    {
      kept = _cr_sheet_unbreakable (number);
      return g_strdup_printf (T (N_("%s (mobile)")), kept);
    }
  if ((number = cr_contact_get_phone_office (contact)) != NULL && *number != '\0')
    {
      kept = _cr_sheet_unbreakable (number);
      return g_strdup_printf (T (N_("%s (office)")), kept);
    }
  return NULL;
}

/* Name in bold, function below, and the number unless left out. */
char *
_cr_sheet_contact_markup (CrSheet   *self,
                          CrContact *contact,
                          gboolean   with_phone)
{
  g_autoptr(GString) markup = g_string_new (NULL);
  g_autofree char *name = _cr_sheet_escape (cr_contact_get_name (contact));

  g_string_append_printf (markup, "<b>%s</b>", name);
  if (cr_contact_get_function (contact) != NULL && *cr_contact_get_function (contact) != '\0')
    {
      g_autofree char *function = _cr_sheet_escape (cr_contact_get_function (contact));

      g_string_append_printf (markup, "\n<span foreground='#555555'>%s</span>", function);
    }
  if (with_phone && !self->options.no_phones)
    {
      g_autofree char *phone = best_phone (self, contact);

      if (phone != NULL)
        {
          g_autofree char *escaped = _cr_sheet_escape (phone);

          g_string_append_printf (markup, "\n%s", escaped);
        }
    }
  return g_string_free (g_steal_pointer (&markup), FALSE);
}

static CrContact *
first_of_chain (CrSheet *self,
                gint64   partner_id)
{
  g_autoptr(GListModel) chain = cr_store_list_spoc_chain (self->store, partner_id, NULL);

  return chain != NULL && g_list_model_get_n_items (chain) > 0 ? g_list_model_get_item (chain, 0)
                                                                : NULL;
}

/* The partners the event involves: a role, or a feature in their care. */
static GPtrArray *
involved_partners (SheetData *data)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);
  GPtrArray *partners = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer value;

  for (guint i = 0; i < data->roles->len; i++)
    {
      CrRole *role = g_ptr_array_index (data->roles, i);
      CrPartner *partner = _cr_sheet_lookup (data->partners, cr_role_get_partner_id (role));

      if (partner != NULL)
        g_hash_table_add (seen, partner);
    }
  for (guint i = 0; i < data->features_sorted->len; i++)
    {
      CrFeature *feature = g_ptr_array_index (data->features_sorted, i);
      CrPartner *partner = _cr_sheet_lookup (data->partners, cr_feature_get_partner_id (feature));

      if (partner != NULL)
        g_hash_table_add (seen, partner);
    }
  g_hash_table_iter_init (&iter, seen);
  while (g_hash_table_iter_next (&iter, &value, NULL))
    g_ptr_array_add (partners, value);
  return partners;
}

static int
compare_partners (gconstpointer a,
                  gconstpointer b)
{
  return g_utf8_collate (cr_partner_get_name (*(CrPartner **) a),
                         cr_partner_get_name (*(CrPartner **) b));
}

static char *
phone_cell (const char *number)
{
  g_autofree char *kept = _cr_sheet_unbreakable (number != NULL ? number : "");

  return _cr_sheet_escape (kept);
}

void
_cr_sheet_add_contacts (CrSheet   *self,
                        SheetData *data)
{
  g_autoptr(GPtrArray) partners = involved_partners (data);
  gboolean phones = !self->options.no_phones;
  SheetBlock *table;

  g_ptr_array_sort (partners, compare_partners);
  _cr_sheet_add_block (self, SHEET_BLOCK_HEADING, T (N_("Contacts: SPOC and deputies")));
  if (partners->len == 0)
    {
      _cr_sheet_add_block (self, SHEET_BLOCK_NOTE, T (N_("No partner has a role in this event yet.")));
      return;
    }
  if (phones)
    table = _cr_sheet_table_new (T (N_("Contacts: SPOC and deputies")), 6,
                       T (N_("Partner")), 1.9, T (N_("Chain")), 1.3, T (N_("Name and function")), 1.9,
                       T (N_("24/7 phone")), 1.75, T (N_("Mobile")), 1.75, T (N_("E-mail")), -1.9);
  else
    table = _cr_sheet_table_new (T (N_("Contacts: SPOC and deputies")), 5,
                       T (N_("Partner")), 2.5, T (N_("Chain")), 1.3, T (N_("Name and function")), 2.3,
                       T (N_("Availability")), 1.5, T (N_("E-mail")), -2.4);

  for (guint i = 0; i < partners->len; i++)
    {
      CrPartner *partner = g_ptr_array_index (partners, i);
      g_autoptr(GListModel) chain = cr_store_list_spoc_chain (self->store, cr_record_get_id (CR_RECORD (partner)),
                                                             NULL);
      g_autofree char *name = _cr_sheet_escape (cr_partner_get_name (partner));
      g_autofree char *label = g_strdup_printf ("<b>%s</b>", name);
      guint n = chain != NULL ? g_list_model_get_n_items (chain) : 0;

      if (n == 0)
        {
          char **cells = g_new0 (char *, 7);

          cells[0] = g_strdup (label);
          cells[1] = g_strdup_printf ("<i>%s</i>", T (N_("No SPOC designated")));
          _cr_sheet_table_add_row (table, cells)->shaded = i % 2 == 1;
          continue;
        }
      for (guint k = 0; k < n; k++)
        {
          g_autoptr(CrContact) contact = g_list_model_get_item (chain, k);
          char **cells = g_new0 (char *, 7);
          SheetRow *row;

          cells[0] = g_strdup (k == 0 ? label : "");
          if (k == 0)
            cells[1] = g_strdup_printf ("<b>%s</b>", T (N_("SPOC")));
          else
            /* Translators: the rank of a deputy SPOC: "Deputy 1", "Deputy 2". */
            cells[1] = g_strdup_printf (T (N_("Deputy %u")), k);
          cells[2] = _cr_sheet_contact_markup (self, contact, FALSE);
          if (phones)
            {
              cells[3] = phone_cell (cr_contact_get_phone_24_7 (contact));
              cells[4] = phone_cell (cr_contact_get_phone_mobile (contact));
              cells[5] = _cr_sheet_escape (cr_contact_get_email (contact));
            }
          else
            {
              cells[3] = _cr_sheet_escape (T (cr_label_msgid (CR_TYPE_AVAILABILITY, cr_contact_get_availability (contact))));
              cells[4] = _cr_sheet_escape (cr_contact_get_email (contact));
            }
          row = _cr_sheet_table_add_row (table, cells);
          row->shaded = i % 2 == 1;
          row->group_label = g_strdup (label);
        }
    }
  g_ptr_array_add (self->blocks, table);
}

/* "radio: 12" or "talkgroup = BXL-OPS-3" lines in free-text notes. */
static char *
notes_value (const char *notes,
             const char *key)
{
  g_auto(GStrv) lines = NULL;
  gsize key_len = strlen (key);

  if (notes == NULL)
    return NULL;
  lines = g_strsplit (notes, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = lines[i];

      while (g_ascii_isspace (*line))
        line++;
      if (g_ascii_strncasecmp (line, key, key_len) != 0)
        continue;
      line += key_len;
      while (*line == ' ' || *line == '\t')
        line++;
      if (*line != ':' && *line != '=')
        continue;
      line++;
      if (*g_strstrip ((char *) line) != '\0')
        return g_strdup (line);
    }
  return NULL;
}

static char *
property_value (const char *properties,
                const char *key)
{
  g_autoptr(cJSON) json = NULL;
  cJSON *item;

  if (properties == NULL || (json = cJSON_Parse (properties)) == NULL)
    return NULL;
  item = cJSON_GetObjectItemCaseSensitive (json, key);
  if (cJSON_IsString (item) && *item->valuestring != '\0')
    return g_strdup (item->valuestring);
  if (cJSON_IsNumber (item))
    return g_strdup_printf ("%g", item->valuedouble);
  return NULL;
}

/* "channel / talkgroup", either alone, or NULL. */
static char *
join_radio (char *radio,
            char *talkgroup)
{
  char *text;

  if (radio != NULL && talkgroup != NULL)
    text = g_strdup_printf ("%s / %s", radio, talkgroup);
  else
    text = g_strdup (radio != NULL ? radio : talkgroup);
  g_free (radio);
  g_free (talkgroup);
  return text;
}

static char *
radio_for_role (SheetData *data,
                CrRole    *role,
                CrContact *contact)
{
  CrFeature *sector = _cr_sheet_lookup (data->features, cr_role_get_sector_id (role));
  CrPartner *partner = _cr_sheet_lookup (data->partners, cr_role_get_partner_id (role));
  char *text = NULL;

  if (contact != NULL)
    text = join_radio (notes_value (cr_contact_get_notes (contact), "radio"),
                       notes_value (cr_contact_get_notes (contact), "talkgroup"));
  if (text == NULL && sector != NULL)
    text = join_radio (property_value (cr_feature_get_properties (sector), "radio"),
                       property_value (cr_feature_get_properties (sector), "talkgroup"));
  if (text == NULL && sector != NULL)
    text = join_radio (notes_value (cr_feature_get_notes (sector), "radio"),
                       notes_value (cr_feature_get_notes (sector), "talkgroup"));
  if (text == NULL && partner != NULL)
    text = join_radio (notes_value (cr_partner_get_notes (partner), "radio"),
                       notes_value (cr_partner_get_notes (partner), "talkgroup"));
  return text;
}

/* One line of the communications plan, as markup. */
typedef struct
{
  char *partner;
  char *function;
  char *contact;
  char *phone;
  char *radio;
} CommsLine;

static void
comms_line_free (gpointer data)
{
  CommsLine *line = data;

  g_free (line->partner);
  g_free (line->function);
  g_free (line->contact);
  g_free (line->phone);
  g_free (line->radio);
  g_free (line);
}

/* In the spirit of the ICS 205 form: who, for what, how to reach them. */
void
_cr_sheet_add_communications (CrSheet   *self,
                              SheetData *data)
{
  gboolean phones = !self->options.no_phones;
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (comms_line_free);
  gboolean any_radio = FALSE;
  SheetBlock *table;

  _cr_sheet_add_block (self, SHEET_BLOCK_HEADING, T (N_("Communications plan")));
  if (data->roles->len == 0)
    {
      _cr_sheet_add_block (self, SHEET_BLOCK_NOTE, T (N_("No role has been written for this event yet.")));
      return;
    }

  for (guint i = 0; i < data->roles->len; i++)
    {
      CrRole *role = g_ptr_array_index (data->roles, i);
      g_autoptr(CrContact) contact = NULL;
      g_autofree char *partner = _cr_sheet_escape (_cr_sheet_partner_name (data, cr_role_get_partner_id (role)));
      g_autofree char *discipline = _cr_sheet_escape (T (cr_label_msgid (CR_TYPE_DISCIPLINE, cr_role_get_discipline (role))));
      g_autofree char *radio = NULL;
      CrFeature *sector = _cr_sheet_lookup (data->features, cr_role_get_sector_id (role));
      CommsLine *line = g_new0 (CommsLine, 1);

      if (cr_role_get_contact_id (role) != 0)
        contact = cr_store_get (self->store, CR_TYPE_CONTACT, cr_role_get_contact_id (role), NULL);
      /* No contact for the role: the partner's SPOC answers for it. */
      if (contact == NULL)
        contact = first_of_chain (self, cr_role_get_partner_id (role));
      radio = radio_for_role (data, role, contact);
      any_radio |= radio != NULL;

      line->partner = g_strdup_printf ("<b>%s</b>", partner);
      if (sector != NULL)
        {
          g_autofree char *name = _cr_sheet_escape (cr_feature_get_name (sector));

          line->function = g_strdup_printf ("%s\n<span foreground='#555555'>%s</span>", discipline, name);
        }
      else
        line->function = g_strdup (discipline);
      line->contact = contact != NULL ? _cr_sheet_contact_markup (self, contact, FALSE) : g_strdup ("");
      if (contact != NULL)
        {
          g_autofree char *phone = best_phone (self, contact);

          line->phone = _cr_sheet_escape (phone);
        }
      line->radio = _cr_sheet_escape (radio);
      g_ptr_array_add (lines, line);
    }

  /* The radio column only when a role has a channel or a talkgroup. */
  if (phones && any_radio)
    table = _cr_sheet_table_new (T (N_("Communications plan")), 5, T (N_("Partner")), 2.4,
                       T (N_("Function")), 2.4, T (N_("Contact")), 2.2, T (N_("Phone")), 1.8,
                       T (N_("Radio channel / talkgroup")), 1.6);
  else if (phones)
    table = _cr_sheet_table_new (T (N_("Communications plan")), 4, T (N_("Partner")), 2.6,
                       T (N_("Function")), 2.6, T (N_("Contact")), 2.4, T (N_("Phone")), 2.0);
  else if (any_radio)
    table = _cr_sheet_table_new (T (N_("Communications plan")), 4, T (N_("Partner")), 2.6,
                       T (N_("Function")), 2.6, T (N_("Contact")), 2.4,
                       T (N_("Radio channel / talkgroup")), 2.0);
  else
    table = _cr_sheet_table_new (T (N_("Communications plan")), 3, T (N_("Partner")), 3.0,
                       T (N_("Function")), 3.0, T (N_("Contact")), 3.0);
  for (guint i = 0; i < lines->len; i++)
    {
      CommsLine *line = g_ptr_array_index (lines, i);
      char **cells = g_new0 (char *, 6);
      guint n = 0;

      cells[n++] = g_strdup (line->partner);
      cells[n++] = g_strdup (line->function);
      cells[n++] = g_strdup (line->contact);
      if (phones)
        cells[n++] = g_strdup (line->phone);
      if (any_radio)
        cells[n++] = g_strdup (line->radio);
      _cr_sheet_table_add_row (table, cells)->shaded = i % 2 == 1;
    }
  g_ptr_array_add (self->blocks, table);
}
