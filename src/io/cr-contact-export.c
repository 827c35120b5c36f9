/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cr-contact-export"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "cr-contact-export.h"
#include "cr-contact-import.h"
#include "cr-csv.h"
#include "cr-enum-types.h"
#include "cr-phone.h"
#include "cr-store-contacts.h"
#include "cr-time.h"
#include "cr-vcard.h"

/* The columns of a CSV export, in order: those the import maps by
 * themselves, so an export imports back as it is. */
static const CrContactColumn csv_columns[] = {
  CR_CONTACT_COLUMN_PARTNER,
  CR_CONTACT_COLUMN_PARTNER_TYPE,
  CR_CONTACT_COLUMN_NAME,
  CR_CONTACT_COLUMN_FUNCTION,
  CR_CONTACT_COLUMN_PHONE_MOBILE,
  CR_CONTACT_COLUMN_PHONE_OFFICE,
  CR_CONTACT_COLUMN_PHONE_24_7,
  CR_CONTACT_COLUMN_EMAIL,
  CR_CONTACT_COLUMN_LANGUAGE,
  CR_CONTACT_COLUMN_AVAILABILITY,
  CR_CONTACT_COLUMN_VERIFIED_AT,
  CR_CONTACT_COLUMN_VERIFIED_BY,
  CR_CONTACT_COLUMN_NOTES,
  CR_CONTACT_COLUMN_SPOC_RANK,
};

typedef void (*ContactFunc) (CrPartner *partner,
                             CrContact *contact,
                             int        rank,
                             gpointer   user_data);

/* Calls @func for every contact of @partner_id (or of every partner, by
 * type and name), the SPOC chain first. */
static gboolean
foreach_contact (CrStore    *store,
                 gint64      partner_id,
                 ContactFunc func,
                 gpointer    user_data,
                 guint      *n_contacts,
                 GError    **error)
{
  g_autoptr(GListModel) partners = NULL;
  guint n = 0;

  if (partner_id > 0)
    {
      CrPartner *partner = cr_store_get (store, CR_TYPE_PARTNER, partner_id, error);

      if (partner == NULL)
        return FALSE;
      partners = G_LIST_MODEL (g_list_store_new (CR_TYPE_PARTNER));
      g_list_store_append (G_LIST_STORE (partners), partner);
      g_object_unref (partner);
    }
  else
    {
      partners = cr_store_list_partners_by_type (store, error);
      if (partners == NULL)
        return FALSE;
    }

  for (guint i = 0; i < g_list_model_get_n_items (partners); i++)
    {
      g_autoptr(CrPartner) partner = g_list_model_get_item (partners, i);
      gint64 id = cr_record_get_id (CR_RECORD (partner));
      g_autoptr(GListModel) contacts = cr_store_list_partner_contacts (store, id, error);
      g_autoptr(GListModel) chain = NULL;
      guint n_chain;

      if (contacts == NULL)
        return FALSE;
      chain = cr_store_list_spoc_chain (store, id, error);
      if (chain == NULL)
        return FALSE;
      n_chain = g_list_model_get_n_items (chain);
      /* cr_store_list_partner_contacts() lists the chain first, in order. */
      for (guint k = 0; k < g_list_model_get_n_items (contacts); k++)
        {
          g_autoptr(CrContact) contact = g_list_model_get_item (contacts, k);

          func (partner, contact, k < n_chain ? (int) k : -1, user_data);
          n++;
        }
    }
  if (n_contacts != NULL)
    *n_contacts = n;
  return TRUE;
}

/* ---- CSV ---- */

typedef struct
{
  GString *out;
  char delimiter;
} CsvExport;

static void
csv_contact (CrPartner *partner,
             CrContact *contact,
             int        rank,
             gpointer   user_data)
{
  CsvExport *export = user_data;
  g_autofree char *verified = cr_time_to_storage (cr_contact_get_verified_at (contact));
  g_autofree char *rank_text = rank >= 0 ? g_strdup_printf ("%d", rank) : NULL;
  const char *fields[] = {
    cr_partner_get_name (partner),
    cr_enum_to_nick (CR_TYPE_PARTNER_TYPE, cr_partner_get_partner_type (partner)),
    cr_contact_get_name (contact),
    cr_contact_get_function (contact),
    cr_contact_get_phone_mobile (contact),
    cr_contact_get_phone_office (contact),
    cr_contact_get_phone_24_7 (contact),
    cr_contact_get_email (contact),
    cr_contact_get_language (contact),
    cr_enum_to_nick (CR_TYPE_AVAILABILITY, cr_contact_get_availability (contact)),
    verified,
    cr_contact_get_verified_by (contact),
    cr_contact_get_notes (contact),
    rank_text,
  };

  G_STATIC_ASSERT (G_N_ELEMENTS (fields) == G_N_ELEMENTS (csv_columns));
  cr_csv_append_row (export->out, fields, G_N_ELEMENTS (fields), export->delimiter);
}

/**
 * cr_contacts_export_csv:
 * @partner_id: a partner, or 0 for the whole directory
 * @options: (nullable): separator and byte-order mark; %NULL for
 *   semicolons with a BOM, what a Belgian spreadsheet opens as it is
 * @n_contacts: (out) (optional): the contacts written
 *
 * Returns: (transfer full): the CSV text, or %NULL with a store error
 */
char *
cr_contacts_export_csv (CrStore                  *store,
                        gint64                    partner_id,
                        const CrCsvExportOptions *options,
                        guint                    *n_contacts,
                        GError                  **error)
{
  static const CrCsvExportOptions defaults = { ';', TRUE };
  g_autoptr(GString) out = g_string_new (NULL);
  const char *header[G_N_ELEMENTS (csv_columns)];
  CsvExport export;

  g_return_val_if_fail (CR_IS_STORE (store), NULL);

  if (options == NULL)
    options = &defaults;
  g_return_val_if_fail (options->delimiter == ',' || options->delimiter == ';' ||
                        options->delimiter == '\t', NULL);

  if (options->bom)
    g_string_append (out, "\xEF\xBB\xBF");
  for (guint i = 0; i < G_N_ELEMENTS (csv_columns); i++)
    header[i] = cr_contact_column_header (csv_columns[i]);
  cr_csv_append_row (out, header, G_N_ELEMENTS (header), options->delimiter);
  export = (CsvExport) { out, options->delimiter };
  if (!foreach_contact (store, partner_id, csv_contact, &export, n_contacts, error))
    return NULL;
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* ---- vCard ---- */

static void
add_property (GString    *out,
              const char *name_and_params,
              const char *escaped_value)
{
  g_autofree char *line = g_strconcat (name_and_params, ":", escaped_value, NULL);

  cr_vcard_append_line (out, line);
}

static void
add_text (GString    *out,
          const char *name,
          const char *text)
{
  g_autofree char *escaped = NULL;

  if (text == NULL || *text == '\0')
    return;
  escaped = cr_vcard_escape (text);
  add_property (out, name, escaped);
}

/* The number as a tel: URI (RFC 3966), keeping the groups it was typed
 * with as visual separators: "+32 4 072 00 53" gives
 * "tel:+32-4-072-00-53", which imports back as typed. */
static char *
tel_uri (const char *typed)
{
  g_autofree char *e164 = cr_phone_to_e164 (typed, NULL);
  g_autofree char *trimmed = NULL;
  g_autoptr(GString) uri = NULL;
  GString *digits;
  gboolean separator = FALSE;

  if (e164 == NULL)
    return NULL;
  trimmed = g_strstrip (g_strdup (typed));
  digits = g_string_new (NULL);
  for (const char *p = trimmed; *p != '\0'; p++)
    if (g_ascii_isdigit (*p))
      g_string_append_c (digits, *p);
  uri = g_string_new ("tel:+");
  if (trimmed[0] == '+' && g_str_equal (digits->str, e164 + 1) && strchr (trimmed, '(') == NULL)
    {
      for (const char *p = trimmed + 1; *p != '\0'; p++)
        {
          if (g_ascii_isdigit (*p))
            {
              if (separator && uri->len > 5)
                g_string_append_c (uri, '-');
              g_string_append_c (uri, *p);
              separator = FALSE;
            }
          else
            separator = TRUE;
        }
    }
  else
    {
      g_autofree char *formatted = cr_phone_format (typed);

      g_string_append (uri, formatted + 1);
      g_strdelimit (uri->str, " ", '-');
    }
  g_string_free (digits, TRUE);
  return g_string_free (g_steal_pointer (&uri), FALSE);
}

static void
add_tel (GString    *out,
         const char *types,
         const char *typed)
{
  g_autofree char *uri = NULL;
  g_autofree char *params = NULL;

  if (typed == NULL || *typed == '\0')
    return;
  uri = tel_uri (typed);
  if (uri != NULL)
    {
      params = g_strdup_printf ("TEL;TYPE=%s;VALUE=uri", types);
      add_property (out, params, uri);
    }
  else
    {
      /* An invalid number is kept as typed, as text (§6.4.1 allows it). */
      g_autofree char *escaped = cr_vcard_escape (typed);

      params = g_strdup_printf ("TEL;TYPE=%s;VALUE=text", types);
      add_property (out, params, escaped);
    }
}

/* N: family name; given name. A directory stores one name; the first word
 * is taken as the given name, the rest as the family name, which keeps
 * "Van den Berg" whole. */
static char *
structured_name (const char *name)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (name != NULL ? name : ""));
  const char *space = strchr (trimmed, ' ');
  g_autofree char *given = NULL;
  g_autofree char *family = NULL;

  if (space == NULL)
    {
      family = cr_vcard_escape (trimmed);
      return g_strconcat (family, ";;;;", NULL);
    }
  given = g_strndup (trimmed, (gsize) (space - trimmed));
  family = g_strstrip (g_strdup (space + 1));
  {
    g_autofree char *given_escaped = cr_vcard_escape (given);
    g_autofree char *family_escaped = cr_vcard_escape (family);

    return g_strconcat (family_escaped, ";", given_escaped, ";;;", NULL);
  }
}

static void
vcard_contact (CrPartner *partner,
               CrContact *contact,
               int        rank,
               gpointer   user_data)
{
  GString *out = user_data;
  GDateTime *verified = cr_contact_get_verified_at (contact);
  g_autofree char *n = structured_name (cr_contact_get_name (contact));

  cr_vcard_append_line (out, "BEGIN:VCARD");
  cr_vcard_append_line (out, "VERSION:4.0");
  cr_vcard_append_line (out, "PRODID:-//Crisis Room//Crisis Room " PACKAGE_VERSION "//EN");
  add_text (out, "FN", cr_contact_get_name (contact));
  add_property (out, "N", n);
  add_text (out, "ORG", cr_partner_get_name (partner));
  add_text (out, "TITLE", cr_contact_get_function (contact));
  add_tel (out, "cell,voice", cr_contact_get_phone_mobile (contact));
  add_tel (out, "work,voice", cr_contact_get_phone_office (contact));
  add_tel (out, "voice,x-24-7;PREF=1", cr_contact_get_phone_24_7 (contact));
  add_text (out, "EMAIL;TYPE=work", cr_contact_get_email (contact));
  add_text (out, "LANG", cr_contact_get_language (contact));
  add_text (out, "NOTE", cr_contact_get_notes (contact));
  if (verified != NULL)
    {
      g_autoptr(GDateTime) utc = g_date_time_to_utc (verified);
      g_autofree char *rev = g_date_time_format (utc, "%Y%m%dT%H%M%SZ");

      add_property (out, "REV", rev);
    }
  add_text (out, "X-CRISISROOM-ORG-TYPE",
            cr_enum_to_nick (CR_TYPE_PARTNER_TYPE, cr_partner_get_partner_type (partner)));
  add_text (out, "X-CRISISROOM-AVAILABILITY",
            cr_enum_to_nick (CR_TYPE_AVAILABILITY, cr_contact_get_availability (contact)));
  add_text (out, "X-CRISISROOM-VERIFIED-BY", cr_contact_get_verified_by (contact));
  if (rank >= 0)
    {
      g_autofree char *text = g_strdup_printf ("%d", rank);

      add_property (out, "X-CRISISROOM-SPOC-RANK", text);
    }
  cr_vcard_append_line (out, "END:VCARD");
}

/**
 * cr_contacts_export_vcard:
 * @partner_id: a partner, or 0 for the whole directory
 * @n_contacts: (out) (optional): the cards written
 *
 * One vCard 4.0 per contact: FN, N, ORG, TITLE, TEL (tel: URIs, TYPE
 * cell, work or x-24-7), EMAIL, LANG, NOTE, REV (the last verification),
 * and X-CRISISROOM-* properties for what vCard has no word for, so the
 * app's import reads back everything it wrote. Lines end with CRLF and
 * fold at 75 octets.
 *
 * Returns: (transfer full): the vCard text, or %NULL with a store error
 */
char *
cr_contacts_export_vcard (CrStore *store,
                          gint64   partner_id,
                          guint   *n_contacts,
                          GError **error)
{
  g_autoptr(GString) out = g_string_new (NULL);

  g_return_val_if_fail (CR_IS_STORE (store), NULL);

  if (!foreach_contact (store, partner_id, vcard_contact, out, n_contacts, error))
    return NULL;
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* ---- Files ---- */

/**
 * cr_contacts_export_file:
 * @options: (nullable): for CSV; see cr_contacts_export_csv()
 * @n_contacts: (out) (optional): the contacts written
 *
 * Writes the export to @path, readable by its owner only, and the audit
 * log entry in one go: when either fails, neither is left.
 */
gboolean
cr_contacts_export_file (CrStore                  *store,
                         gint64                    partner_id,
                         CrContactsFormat          format,
                         const CrCsvExportOptions *options,
                         const char               *path,
                         guint                    *n_contacts,
                         GError                  **error)
{
  g_autofree char *text = NULL;
  guint n = 0;

  g_return_val_if_fail (CR_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!cr_store_begin (store, error))
    return FALSE;
  if (format == CR_CONTACTS_FORMAT_VCARD)
    text = cr_contacts_export_vcard (store, partner_id, &n, error);
  else
    text = cr_contacts_export_csv (store, partner_id, options, &n, error);
  if (text == NULL ||
      !cr_store_log_export (store, format == CR_CONTACTS_FORMAT_VCARD ? "vcard" : "csv", path,
                            partner_id, n, error))
    goto fail;
  if (!g_file_set_contents_full (path, text, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0600, error))
    goto fail;
  if (!cr_store_commit (store, error))
    {
      g_unlink (path);
      return FALSE;
    }
  if (n_contacts != NULL)
    *n_contacts = n;
  return TRUE;

fail:
  cr_store_rollback (store);
  return FALSE;
}

/**
 * cr_contacts_export_describe:
 *
 * What the window's confirmation says before an export: how many people's
 * personal data leaves the database, and what to do with the file.
 *
 * Returns: (transfer full): the text, translated
 */
char *
cr_contacts_export_describe (CrStore *store,
                             gint64   partner_id,
                             GError **error)
{
  g_autoptr(CrPartner) partner = NULL;
  gint64 n;

  g_return_val_if_fail (CR_IS_STORE (store), NULL);

  if (partner_id > 0)
    {
      partner = cr_store_get (store, CR_TYPE_PARTNER, partner_id, error);
      if (partner == NULL)
        return NULL;
      n = cr_store_count (store, CR_TYPE_CONTACT, "partner_id", partner_id, error);
    }
  else
    n = cr_store_count (store, CR_TYPE_CONTACT, NULL, 0, error);
  if (n < 0)
    return NULL;

  if (partner != NULL)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "The file will hold the personal data (name, phone "
                                         "numbers, e-mail address) of %u contact of “%s”. Keep it "
                                         "safe, share it only with those who need it, and delete "
                                         "it when it is no longer needed. The export is recorded "
                                         "in the audit log.",
                                         "The file will hold the personal data (names, phone "
                                         "numbers, e-mail addresses) of %u contacts of “%s”. Keep "
                                         "it safe, share it only with those who need it, and "
                                         "delete it when it is no longer needed. The export is "
                                         "recorded in the audit log.",
                                         (gulong) n),
                            (guint) n, cr_partner_get_name (partner));
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "The file will hold the personal data (name, phone "
                                       "numbers, e-mail address) of %u contact of the whole "
                                       "directory. Keep it safe, share it only with those who "
                                       "need it, and delete it when it is no longer needed. The "
                                       "export is recorded in the audit log.",
                                       "The file will hold the personal data (names, phone "
                                       "numbers, e-mail addresses) of %u contacts of the whole "
                                       "directory. Keep it safe, share it only with those who "
                                       "need it, and delete it when it is no longer needed. The "
                                       "export is recorded in the audit log.",
                                       (gulong) n),
                          (guint) n);
}
