/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cr-review-file"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "cr-enum-types.h"
#include "cr-input.h"
#include "cr-phone.h"
#include "cr-review-file.h"
#include "cr-store-contacts.h"
#include "cr-time.h"

G_DEFINE_QUARK (cr-review-error-quark, cr_review_error)

static const char *const fields[] = {
  "name", "function", "phone_mobile", "phone_office", "phone_24_7", "email", "language",
  "availability", "notes", NULL,
};

/* ---- Contact fields ---- */

/**
 * cr_review_file_fields:
 *
 * Returns: (transfer none) (array zero-terminated=1): the fields a SPOC
 *   reviews, in the order they are shown
 */
const char *const *
cr_review_file_fields (void)
{
  return fields;
}

const char *
cr_review_field_label (const char *field)
{
  if (g_str_equal (field, "name"))
    return _("Name");
  if (g_str_equal (field, "function"))
    return _("Function");
  if (g_str_equal (field, "phone_mobile"))
    return cr_phone_field_label (CR_PHONE_FIELD_MOBILE);
  if (g_str_equal (field, "phone_office"))
    return cr_phone_field_label (CR_PHONE_FIELD_OFFICE);
  if (g_str_equal (field, "phone_24_7"))
    return cr_phone_field_label (CR_PHONE_FIELD_24_7);
  if (g_str_equal (field, "email"))
    return _("E-mail");
  if (g_str_equal (field, "language"))
    return _("Language");
  if (g_str_equal (field, "availability"))
    return _("Availability");
  if (g_str_equal (field, "notes"))
    return _("Notes");
  g_return_val_if_reached (field);
}

/**
 * cr_review_contact_value:
 *
 * Returns: (transfer full) (nullable): the field as text (availability
 *   as its nick), %NULL when empty
 */
char *
cr_review_contact_value (CrContact  *contact,
                         const char *field)
{
  const char *value = NULL;

  if (g_str_equal (field, "name"))
    value = cr_contact_get_name (contact);
  else if (g_str_equal (field, "function"))
    value = cr_contact_get_function (contact);
  else if (g_str_equal (field, "phone_mobile"))
    value = cr_contact_get_phone_mobile (contact);
  else if (g_str_equal (field, "phone_office"))
    value = cr_contact_get_phone_office (contact);
  else if (g_str_equal (field, "phone_24_7"))
    value = cr_contact_get_phone_24_7 (contact);
  else if (g_str_equal (field, "email"))
    value = cr_contact_get_email (contact);
  else if (g_str_equal (field, "language"))
    value = cr_contact_get_language (contact);
  else if (g_str_equal (field, "availability"))
    value = cr_enum_to_nick (CR_TYPE_AVAILABILITY, cr_contact_get_availability (contact));
  else if (g_str_equal (field, "notes"))
    value = cr_contact_get_notes (contact);
  else
    g_return_val_if_reached (NULL);
  return value != NULL && *value != '\0' ? g_strdup (value) : NULL;
}

void
cr_review_contact_set_value (CrContact  *contact,
                             const char *field,
                             const char *value)
{
  if (value != NULL && *value == '\0')
    value = NULL;
  if (g_str_equal (field, "name"))
    cr_contact_set_name (contact, value);
  else if (g_str_equal (field, "function"))
    cr_contact_set_function (contact, value);
  else if (g_str_equal (field, "phone_mobile"))
    cr_contact_set_phone_mobile (contact, value);
  else if (g_str_equal (field, "phone_office"))
    cr_contact_set_phone_office (contact, value);
  else if (g_str_equal (field, "phone_24_7"))
    cr_contact_set_phone_24_7 (contact, value);
  else if (g_str_equal (field, "email"))
    cr_contact_set_email (contact, value);
  else if (g_str_equal (field, "language"))
    cr_contact_set_language (contact, value);
  else if (g_str_equal (field, "availability"))
    {
      int v;

      if (cr_enum_from_nick (CR_TYPE_AVAILABILITY, value, &v))
        cr_contact_set_availability (contact, v);
    }
  else if (g_str_equal (field, "notes"))
    cr_contact_set_notes (contact, value);
  else
    g_return_if_reached ();
}

static cJSON *
contact_to_json (CrContact *contact)
{
  cJSON *json = cJSON_CreateObject ();
  g_autofree char *verified = cr_time_to_storage (cr_contact_get_verified_at (contact));

  cJSON_AddNumberToObject (json, "id", (double) cr_record_get_id (CR_RECORD (contact)));
  cJSON_AddNumberToObject (json, "version", (double) cr_contact_get_version (contact));
  for (guint i = 0; fields[i] != NULL; i++)
    {
      g_autofree char *value = cr_review_contact_value (contact, fields[i]);

      if (value != NULL)
        cJSON_AddStringToObject (json, fields[i], value);
      else
        cJSON_AddNullToObject (json, fields[i]);
    }
  if (verified != NULL)
    cJSON_AddStringToObject (json, "verified_at", verified);
  else
    cJSON_AddNullToObject (json, "verified_at");
  if (cr_contact_get_verified_by (contact) != NULL)
    cJSON_AddStringToObject (json, "verified_by", cr_contact_get_verified_by (contact));
  else
    cJSON_AddNullToObject (json, "verified_by");
  return json;
}

static cJSON *
ids_to_json (GArray *ids)
{
  cJSON *json = cJSON_CreateArray ();

  for (guint i = 0; ids != NULL && i < ids->len; i++)
    cJSON_AddItemToArray (json, cJSON_CreateNumber ((double) g_array_index (ids, gint64, i)));
  return json;
}

/* ---- Reading ---- */

static gboolean
damaged (GError    **error,
         const char *detail)
{
  g_set_error (error, CR_REVIEW_ERROR, CR_REVIEW_ERROR_INVALID,
               _("The review file is damaged (%s): ask the crisis centre to send it again."),
               detail);
  return FALSE;
}

static gboolean
get_text (cJSON       *object,
          const char  *key,
          const char  *place,
          const char **value,
          GError     **error)
{
  cJSON *item = cJSON_GetObjectItemCaseSensitive (object, key);

  *value = NULL;
  if (item == NULL || cJSON_IsNull (item))
    return TRUE;
  if (!cJSON_IsString (item) || !g_utf8_validate (item->valuestring, -1, NULL))
    {
      /* Translators: the first %s is a key of the file, the second a place in it ("contact 2"). */
      g_autofree char *detail = g_strdup_printf (_("“%s” of %s is not text"), key, place);

      return damaged (error, detail);
    }
  *value = item->valuestring;
  return TRUE;
}

static gboolean
get_id (cJSON       *object,
        const char  *place,
        gint64      *id,
        GError     **error)
{
  cJSON *item = cJSON_GetObjectItemCaseSensitive (object, "id");

  if (!cJSON_IsNumber (item) || item->valuedouble != (double) (gint64) item->valuedouble ||
      item->valuedouble == 0)
    {
      g_autofree char *detail = g_strdup_printf (_("%s has no valid “id”"), place);

      return damaged (error, detail);
    }
  *id = (gint64) item->valuedouble;
  return TRUE;
}

static gboolean
get_time (cJSON       *object,
          const char  *key,
          const char  *place,
          GDateTime  **value,
          GError     **error)
{
  const char *text;

  *value = NULL;
  if (!get_text (object, key, place, &text, error))
    return FALSE;
  if (text == NULL)
    return TRUE;
  *value = cr_time_parse (text);
  if (*value == NULL)
    {
      g_autofree char *detail = g_strdup_printf (_("“%s” of %s is not a time"), key, place);

      return damaged (error, detail);
    }
  return TRUE;
}

static CrContact *
contact_from_json (cJSON      *json,
                   gint64      partner_id,
                   const char *place,
                   GError    **error)
{
  g_autoptr(CrContact) contact = cr_contact_new ();
  g_autoptr(GDateTime) verified = NULL;
  const char *verified_by;
  cJSON *version;
  gint64 id;

  if (!cJSON_IsObject (json))
    {
      g_autofree char *detail = g_strdup_printf (_("%s is not an object"), place);

      damaged (error, detail);
      return NULL;
    }
  if (!get_id (json, place, &id, error))
    return NULL;
  cr_record_set_id (CR_RECORD (contact), id);
  cr_contact_set_partner_id (contact, partner_id);
  version = cJSON_GetObjectItemCaseSensitive (json, "version");
  if (cJSON_IsNumber (version))
    cr_contact_set_version (contact, (gint64) version->valuedouble);
  for (guint i = 0; fields[i] != NULL; i++)
    {
      const char *value;
      int availability;

      if (!get_text (json, fields[i], place, &value, error))
        return NULL;
      if (g_str_equal (fields[i], "availability") && value != NULL &&
          !cr_enum_from_nick (CR_TYPE_AVAILABILITY, value, &availability))
        {
          g_autofree char *detail = g_strdup_printf (_("“%s” of %s is not 24-7 or office-hours"),
                                                     fields[i], place);

          damaged (error, detail);
          return NULL;
        }
      cr_review_contact_set_value (contact, fields[i], value);
    }
  if (cr_contact_get_name (contact) == NULL)
    {
      g_autofree char *detail = g_strdup_printf (_("%s has no name"), place);

      damaged (error, detail);
      return NULL;
    }
  if (!get_time (json, "verified_at", place, &verified, error) ||
      !get_text (json, "verified_by", place, &verified_by, error))
    return NULL;
  cr_contact_set_verified_at (contact, verified);
  cr_contact_set_verified_by (contact, verified_by);
  return g_steal_pointer (&contact);
}

/**
 * cr_review_file_find_contact:
 * @contacts: (element-type CrContact): contacts of the file
 *
 * Returns: (transfer none) (nullable): the contact the file numbers @id
 */
CrContact *
cr_review_file_find_contact (GPtrArray *contacts,
                             gint64     id)
{
  for (guint i = 0; contacts != NULL && i < contacts->len; i++)
    if (cr_record_get_id (g_ptr_array_index (contacts, i)) == id)
      return g_ptr_array_index (contacts, i);
  return NULL;
}

static gboolean
read_contacts (cJSON      *array,
               gint64      partner_id,
               const char *what,
               gboolean    allow_new,
               GPtrArray  *out,
               GError    **error)
{
  cJSON *item;
  guint n = 0;

  if (!cJSON_IsArray (array))
    {
      g_autofree char *detail = g_strdup_printf (_("%s is not a list"), what);

      return damaged (error, detail);
    }
  cJSON_ArrayForEach (item, array)
    {
      /* Translators: a place in a review file, e.g. "contact 2". */
      g_autofree char *place = g_strdup_printf (_("contact %u"), ++n);
      CrContact *contact = contact_from_json (item, partner_id, place, error);
      gint64 id;

      if (contact == NULL)
        return FALSE;
      id = cr_record_get_id (CR_RECORD (contact));
      if ((id < 0 && !allow_new) || cr_review_file_find_contact (out, id) != NULL)
        {
          g_autofree char *detail = g_strdup_printf (_("%s has a wrong or repeated “id”"), place);

          g_object_unref (contact);
          return damaged (error, detail);
        }
      g_ptr_array_add (out, contact);
    }
  return TRUE;
}

static gboolean
read_chain (cJSON      *array,
            GPtrArray  *contacts,
            GArray     *out,
            GError    **error)
{
  cJSON *item;

  if (array == NULL || cJSON_IsNull (array))
    return TRUE;
  if (!cJSON_IsArray (array))
    return damaged (error, _("the SPOC chain is not a list"));
  cJSON_ArrayForEach (item, array)
    {
      gint64 id;

      if (!cJSON_IsNumber (item))
        return damaged (error, _("the SPOC chain names a contact that is not in the file"));
      id = (gint64) item->valuedouble;
      if (cr_review_file_find_contact (contacts, id) == NULL)
        return damaged (error, _("the SPOC chain names a contact that is not in the file"));
      g_array_append_val (out, id);
    }
  return TRUE;
}

static gboolean
read_review (CrReviewFile *file,
             cJSON        *review,
             GError      **error)
{
  gint64 partner_id = cr_record_get_id (CR_RECORD (file->partner));
  const char *by;
  cJSON *confirmed, *item;

  file->reviewed = TRUE;
  if (!get_time (review, "reviewed_at", _("the review"), &file->reviewed_at, error) ||
      !get_text (review, "reviewed_by", _("the review"), &by, error))
    return FALSE;
  file->reviewed_by = g_strdup (by);
  if (!read_contacts (cJSON_GetObjectItemCaseSensitive (review, "contacts"), partner_id,
                      _("the reviewed contacts"), TRUE, file->reviewed_contacts, error))
    return FALSE;
  for (guint i = 0; i < file->reviewed_contacts->len; i++)
    {
      gint64 id = cr_record_get_id (g_ptr_array_index (file->reviewed_contacts, i));

      if (id > 0 && cr_review_file_find_contact (file->contacts, id) == NULL)
        return damaged (error, _("a reviewed contact was not exported"));
    }
  if (!read_chain (cJSON_GetObjectItemCaseSensitive (review, "spoc"), file->reviewed_contacts,
                   file->reviewed_spoc, error))
    return FALSE;

  confirmed = cJSON_GetObjectItemCaseSensitive (review, "confirmed");
  if (confirmed != NULL && !cJSON_IsArray (confirmed))
    return damaged (error, _("the confirmations are not a list"));
  cJSON_ArrayForEach (item, confirmed)
    {
      CrReviewConfirmation confirmation = { 0 };

      if (!get_id (item, _("a confirmation"), &confirmation.contact_id, error) ||
          !get_time (item, "at", _("a confirmation"), &confirmation.at, error))
        return FALSE;
      if (confirmation.at == NULL ||
          cr_review_file_find_contact (file->reviewed_contacts, confirmation.contact_id) == NULL)
        {
          g_clear_pointer (&confirmation.at, g_date_time_unref);
          return damaged (error, _("a confirmation names a contact that is not in the file"));
        }
      g_array_append_val (file->confirmations, confirmation);
    }
  return TRUE;
}

static void
confirmation_clear (gpointer data)
{
  CrReviewConfirmation *confirmation = data;

  g_clear_pointer (&confirmation->at, g_date_time_unref);
}

static CrReviewFile *
review_file_new (void)
{
  CrReviewFile *file = g_new0 (CrReviewFile, 1);

  file->contacts = g_ptr_array_new_with_free_func (g_object_unref);
  file->spoc = g_array_new (FALSE, FALSE, sizeof (gint64));
  file->reviewed_contacts = g_ptr_array_new_with_free_func (g_object_unref);
  file->reviewed_spoc = g_array_new (FALSE, FALSE, sizeof (gint64));
  file->confirmations = g_array_new (FALSE, TRUE, sizeof (CrReviewConfirmation));
  g_array_set_clear_func (file->confirmations, confirmation_clear);
  return file;
}

void
cr_review_file_free (CrReviewFile *file)
{
  if (file == NULL)
    return;
  g_clear_pointer (&file->json, cJSON_Delete);
  g_clear_pointer (&file->exported_at, g_date_time_unref);
  g_free (file->exported_by);
  g_clear_object (&file->partner);
  g_ptr_array_unref (file->contacts);
  g_array_unref (file->spoc);
  g_clear_pointer (&file->reviewed_at, g_date_time_unref);
  g_free (file->reviewed_by);
  g_ptr_array_unref (file->reviewed_contacts);
  g_array_unref (file->reviewed_spoc);
  g_array_unref (file->confirmations);
  g_free (file);
}

static gboolean
read_partner (CrReviewFile *file,
              cJSON        *json,
              GError      **error)
{
  const char *name, *type, *languages, *address, *notes;
  gint64 id;
  int type_value = CR_PARTNER_TYPE_OTHER;

  if (!cJSON_IsObject (json))
    return damaged (error, _("it names no partner"));
  if (!get_id (json, _("the partner"), &id, error) ||
      !get_text (json, "name", _("the partner"), &name, error) ||
      !get_text (json, "type", _("the partner"), &type, error) ||
      !get_text (json, "languages", _("the partner"), &languages, error) ||
      !get_text (json, "address", _("the partner"), &address, error) ||
      !get_text (json, "notes", _("the partner"), &notes, error))
    return FALSE;
  if (name == NULL || *name == '\0' || id <= 0)
    return damaged (error, _("the partner has no name"));
  if (type != NULL)
    cr_enum_from_nick (CR_TYPE_PARTNER_TYPE, type, &type_value);
  file->partner = cr_partner_new ();
  cr_record_set_id (CR_RECORD (file->partner), id);
  cr_partner_set_name (file->partner, name);
  cr_partner_set_partner_type (file->partner, type_value);
  cr_partner_set_languages (file->partner, languages);
  cr_partner_set_address (file->partner, address);
  cr_partner_set_notes (file->partner, notes);
  return TRUE;
}

/**
 * cr_review_file_parse:
 *
 * Returns: (transfer full): the file, checked, or %NULL with a
 *   #CR_REVIEW_ERROR that says what to do
 */
CrReviewFile *
cr_review_file_parse (const char *data,
                      gsize       len,
                      GError    **error)
{
  g_autoptr(CrReviewFile) file = review_file_new ();
  cJSON *format, *version, *review;
  const char *by;

  file->json = cJSON_ParseWithLength (data, len);
  format = cJSON_GetObjectItemCaseSensitive (file->json, "format");
  if (!cJSON_IsObject (file->json) || !cJSON_IsString (format) ||
      !g_str_equal (format->valuestring, CR_REVIEW_FILE_FORMAT))
    {
      g_set_error_literal (error, CR_REVIEW_ERROR, CR_REVIEW_ERROR_INVALID,
                           _("This is not a Crisis Room review file: open the file the crisis "
                             "centre sent (it ends in .crreview)."));
      return NULL;
    }
  version = cJSON_GetObjectItemCaseSensitive (file->json, "version");
  if (!cJSON_IsNumber (version) || version->valuedouble < 1)
    {
      damaged (error, _("it has no version"));
      return NULL;
    }
  if (version->valuedouble > CR_REVIEW_FILE_VERSION)
    {
      g_set_error_literal (error, CR_REVIEW_ERROR, CR_REVIEW_ERROR_TOO_NEW,
                           _("This review file was written by a newer version of Crisis Room: "
                             "update Crisis Room to open it."));
      return NULL;
    }

  if (!get_time (file->json, "exported_at", _("the file"), &file->exported_at, error) ||
      !get_text (file->json, "exported_by", _("the file"), &by, error) ||
      !read_partner (file, cJSON_GetObjectItemCaseSensitive (file->json, "partner"), error) ||
      !read_contacts (cJSON_GetObjectItemCaseSensitive (file->json, "contacts"),
                      cr_record_get_id (CR_RECORD (file->partner)), _("the contacts"), FALSE,
                      file->contacts, error) ||
      !read_chain (cJSON_GetObjectItemCaseSensitive (file->json, "spoc"), file->contacts,
                   file->spoc, error))
    return NULL;
  file->exported_by = g_strdup (by);

  review = cJSON_GetObjectItemCaseSensitive (file->json, "review");
  if (review != NULL && !cJSON_IsNull (review))
    {
      if (!cJSON_IsObject (review))
        {
          damaged (error, _("the review is not an object"));
          return NULL;
        }
      if (!read_review (file, review, error))
        return NULL;
    }
  return g_steal_pointer (&file);
}

/**
 * cr_review_file_load:
 *
 * Returns: (transfer full): the file, or %NULL with an error
 */
CrReviewFile *
cr_review_file_load (const char *path,
                     GError    **error)
{
  g_autofree char *data = NULL;
  gsize len;

  g_return_val_if_fail (path != NULL, NULL);

  data = cr_input_read_file (path, &len, error);
  if (data == NULL)
    return NULL;
  return cr_review_file_parse (data, len, error);
}

/* ---- Writing ---- */

/**
 * cr_review_file_set_review:
 * @contacts: (element-type CrContact): the contacts as the SPOC left
 *   them, numbered as the file numbers them
 * @spoc: (element-type gint64): the chain
 * @confirmations: (element-type CrReviewConfirmation): the confirmations
 *
 * Puts the SPOC's review into the document (replacing an earlier one);
 * the exported part stays as it was.
 */
gboolean
cr_review_file_set_review (CrReviewFile *file,
                           const char   *reviewed_by,
                           GDateTime    *reviewed_at,
                           GPtrArray    *contacts,
                           GArray       *spoc,
                           GArray       *confirmations)
{
  cJSON *review = cJSON_CreateObject ();
  cJSON *list = cJSON_CreateArray ();
  cJSON *confirmed = cJSON_CreateArray ();
  g_autofree char *at = cr_time_to_storage (reviewed_at);

  g_return_val_if_fail (file != NULL, FALSE);
  g_return_val_if_fail (reviewed_at != NULL, FALSE);

  cJSON_AddStringToObject (review, "reviewed_at", at);
  if (reviewed_by != NULL)
    cJSON_AddStringToObject (review, "reviewed_by", reviewed_by);
  else
    cJSON_AddNullToObject (review, "reviewed_by");
  for (guint i = 0; i < contacts->len; i++)
    cJSON_AddItemToArray (list, contact_to_json (g_ptr_array_index (contacts, i)));
  cJSON_AddItemToObject (review, "contacts", list);
  cJSON_AddItemToObject (review, "spoc", ids_to_json (spoc));
  for (guint i = 0; i < confirmations->len; i++)
    {
      const CrReviewConfirmation *c = &g_array_index (confirmations, CrReviewConfirmation, i);
      g_autofree char *when = cr_time_to_storage (c->at);
      cJSON *item = cJSON_CreateObject ();

      cJSON_AddNumberToObject (item, "id", (double) c->contact_id);
      cJSON_AddStringToObject (item, "at", when);
      cJSON_AddItemToArray (confirmed, item);
    }
  cJSON_AddItemToObject (review, "confirmed", confirmed);

  cJSON_DeleteItemFromObjectCaseSensitive (file->json, "review");
  cJSON_AddItemToObject (file->json, "review", review);
  return TRUE;
}

/**
 * cr_review_file_to_data:
 *
 * Returns: (transfer full): the document as indented JSON
 */
char *
cr_review_file_to_data (CrReviewFile *file)
{
  char *text = cJSON_Print (file->json);
  char *copy = g_strconcat (text, "\n", NULL);

  cJSON_free (text);
  return copy;
}

/**
 * cr_review_file_export:
 * @n_contacts: (out) (optional): the contacts written
 *
 * Writes the review file of one partner for its SPOC: the partner and
 * its contacts, nothing else of the database. The file is readable by
 * its owner only and the export is written to the audit log, in one go.
 */
gboolean
cr_review_file_export (CrStore    *store,
                       gint64      partner_id,
                       const char *path,
                       guint      *n_contacts,
                       GError    **error)
{
  g_autoptr(CrPartner) partner = NULL;
  g_autoptr(GListModel) contacts = NULL;
  g_autoptr(GListModel) chain = NULL;
  g_autoptr(cJSON) json = cJSON_CreateObject ();
  g_autoptr(GDateTime) now = cr_time_now_utc ();
  g_autofree char *now_text = cr_time_to_storage (now);
  g_autofree char *text = NULL;
  g_autoptr(GArray) chain_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  cJSON *partner_json, *list;
  char *printed;
  guint n;

  g_return_val_if_fail (CR_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!cr_store_begin (store, error))
    return FALSE;
  partner = cr_store_get (store, CR_TYPE_PARTNER, partner_id, error);
  if (partner == NULL)
    goto fail;
  contacts = cr_store_list_partner_contacts (store, partner_id, error);
  if (contacts == NULL)
    goto fail;
  chain = cr_store_list_spoc_chain (store, partner_id, error);
  if (chain == NULL)
    goto fail;

  cJSON_AddStringToObject (json, "format", CR_REVIEW_FILE_FORMAT);
  cJSON_AddNumberToObject (json, "version", CR_REVIEW_FILE_VERSION);
  cJSON_AddStringToObject (json, "exported_at", now_text);
  cJSON_AddStringToObject (json, "exported_by", cr_store_get_operator (store));
  partner_json = cJSON_AddObjectToObject (json, "partner");
  cJSON_AddNumberToObject (partner_json, "id", (double) partner_id);
  cJSON_AddStringToObject (partner_json, "name", cr_partner_get_name (partner));
  cJSON_AddStringToObject (partner_json, "type",
                           cr_enum_to_nick (CR_TYPE_PARTNER_TYPE, cr_partner_get_partner_type (partner)));
  if (cr_partner_get_languages (partner) != NULL)
    cJSON_AddStringToObject (partner_json, "languages", cr_partner_get_languages (partner));
  if (cr_partner_get_address (partner) != NULL)
    cJSON_AddStringToObject (partner_json, "address", cr_partner_get_address (partner));
  if (cr_partner_get_notes (partner) != NULL)
    cJSON_AddStringToObject (partner_json, "notes", cr_partner_get_notes (partner));
  list = cJSON_AddArrayToObject (json, "contacts");
  n = g_list_model_get_n_items (contacts);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CrContact) contact = g_list_model_get_item (contacts, i);

      cJSON_AddItemToArray (list, contact_to_json (contact));
    }
  for (guint i = 0; i < g_list_model_get_n_items (chain); i++)
    {
      g_autoptr(CrRecord) contact = g_list_model_get_item (chain, i);
      gint64 id = cr_record_get_id (contact);

      g_array_append_val (chain_ids, id);
    }
  cJSON_AddItemToObject (json, "spoc", ids_to_json (chain_ids));
  cJSON_AddNullToObject (json, "review");

  printed = cJSON_Print (json);
  text = g_strconcat (printed, "\n", NULL);
  cJSON_free (printed);
  if (!cr_store_log_export (store, "review", path, partner_id, n, error) ||
      !g_file_set_contents_full (path, text, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0600, error))
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
