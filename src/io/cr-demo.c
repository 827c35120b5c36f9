/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cr-demo"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "cr-alert-campaign.h"
#include "cr-alert-test.h"
#include "cr-checklist-template-item.h"
#include "cr-checklist-template.h"
#include "cr-contact.h"
#include "cr-demo.h"
#include "cr-enum-types.h"
#include "cr-geojson.h"
#include "cr-partner.h"
#include "cr-resources.h"
#include "cr-role.h"
#include "cr-spoc-assignment.h"
#include "cr-store-alerts.h"
#include "cr-time.h"

/* The demo event: demo.json (event, partners, contacts, SPOC chains,
 * roles, checklist template, an activation in progress with its ticks
 * and logbook, past alert tests) and papal-visit-2024.geojson (the features),
 * both in the GResource and described in data/demo/README.md. The
 * features go through the GeoJSON importer that user files go through,
 * so the demo shows what an import gives. Everything is written in one
 * transaction: a damaged demo file leaves the database as it was.
 */

#define DEMO_JSON "demo.json"
#define DEMO_GEOJSON "papal-visit-2024.geojson"
#define DEMO_RESOURCE_DIR RESOURCE_PREFIX "/demo/"
#define DEMO_FORMAT "crisis-room-demo"
#define DEMO_VERSION 1

typedef struct
{
  CrStore *store;
  GDateTime *now;
  /* Casefolded name -> CrPartner: those already in the store, then
   * those the demo adds. */
  GHashTable *partners;
  /* Partner names met in demo.json, casefolded, to refuse duplicates. */
  GHashTable *file_partners;
  /* Feature name -> gint64 id, or -1 when several features share it. */
  GHashTable *features;
} Loader;

G_DEFINE_QUARK (cr-demo-error-quark, cr_demo_error)

static gboolean invalid (GError    **error,
                         const char *format,
                         ...) G_GNUC_PRINTF (2, 3);

/* Every error about demo.json names the file and the place, and says
 * what to do about it. */
static gboolean
invalid (GError    **error,
         const char *format,
         ...)
{
  g_autofree char *problem = NULL;
  va_list args;

  va_start (args, format);
  problem = g_strdup_vprintf (format, args);
  va_end (args);
  /* Translators: the first %s is a file name, the second a sentence that
   * says what is wrong in it. */
  g_set_error (error, CR_DEMO_ERROR, CR_DEMO_ERROR_INVALID,
               _("%s: %s The demo data is damaged; reinstall Crisis Room to repair it."),
               DEMO_JSON, problem);
  return FALSE;
}

static char *
enum_nicks (GType type)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (type);
  g_autoptr(GString) nicks = g_string_new (NULL);

  for (guint i = 0; i < klass->n_values; i++)
    g_string_append_printf (nicks, "%s%s", i > 0 ? ", " : "", klass->values[i].value_nick);
  return g_string_free (g_steal_pointer (&nicks), FALSE);
}

/* The text at @key, or NULL when it is absent, null or empty. Fails when
 * it is something else than text, or missing while @required. */
static gboolean
get_string (cJSON       *object,
            const char  *key,
            gboolean     required,
            const char  *place,
            const char **value,
            GError     **error)
{
  cJSON *item = cJSON_GetObjectItemCaseSensitive (object, key);

  *value = NULL;
  if (item != NULL && !cJSON_IsNull (item) && !cJSON_IsString (item))
    return invalid (error, _("The “%s” of %s must be text."), key, place);
  if (item != NULL && cJSON_IsString (item) && item->valuestring[0] != '\0')
    *value = item->valuestring;
  if (*value == NULL && required)
    return invalid (error, _("%s has no “%s”."), place, key);
  return TRUE;
}

static gboolean
get_enum (cJSON      *object,
          const char *key,
          GType       type,
          int         default_value,
          const char *place,
          int        *value,
          GError    **error)
{
  const char *nick;

  if (!get_string (object, key, FALSE, place, &nick, error))
    return FALSE;
  *value = default_value;
  if (nick != NULL && !cr_enum_from_nick (type, nick, value))
    {
      g_autofree char *nicks = enum_nicks (type);

      return invalid (error, _("The “%s” of %s is “%s”, which is not one of: %s."),
                      key, place, nick, nicks);
    }
  return TRUE;
}

static gboolean
get_time (cJSON      *object,
          const char *key,
          const char *place,
          GDateTime **value,
          GError    **error)
{
  const char *text;

  *value = NULL;
  if (!get_string (object, key, FALSE, place, &text, error))
    return FALSE;
  if (text == NULL)
    return TRUE;
  *value = cr_time_parse (text);
  if (*value == NULL)
    return invalid (error,
                    _("The “%s” of %s, “%s”, is not a date and time such as "
                      "2024-09-28T08:00:00+02:00."),
                    key, place, text);
  return TRUE;
}

static gboolean
get_int (cJSON      *object,
         const char *key,
         int         default_value,
         const char *place,
         int        *value,
         GError    **error)
{
  cJSON *item = cJSON_GetObjectItemCaseSensitive (object, key);

  *value = default_value;
  if (item == NULL || cJSON_IsNull (item))
    return TRUE;
  if (!cJSON_IsNumber (item) || item->valuedouble != floor (item->valuedouble) ||
      fabs (item->valuedouble) > G_MAXINT)
    return invalid (error, _("The “%s” of %s must be a whole number."), key, place);
  *value = (int) item->valuedouble;
  return TRUE;
}

static gboolean
get_bool (cJSON      *object,
          const char *key,
          const char *place,
          gboolean   *value,
          GError    **error)
{
  cJSON *item = cJSON_GetObjectItemCaseSensitive (object, key);

  *value = FALSE;
  if (item == NULL || cJSON_IsNull (item))
    return TRUE;
  if (!cJSON_IsBool (item))
    return invalid (error, _("The “%s” of %s must be true or false."), key, place);
  *value = cJSON_IsTrue (item);
  return TRUE;
}

/* The list at @key, or NULL when absent. */
static gboolean
get_array (cJSON      *object,
           const char *key,
           const char *place,
           cJSON     **value,
           GError    **error)
{
  cJSON *item = cJSON_GetObjectItemCaseSensitive (object, key);

  *value = NULL;
  if (item == NULL || cJSON_IsNull (item))
    return TRUE;
  if (!cJSON_IsArray (item))
    return invalid (error, _("The “%s” of %s must be a list."), key, place);
  *value = item;
  return TRUE;
}

static gboolean
check_object (cJSON      *item,
              const char *place,
              GError    **error)
{
  if (!cJSON_IsObject (item))
    return invalid (error, _("%s must be an object, between braces."), place);
  return TRUE;
}

static CrPartner *
find_partner (Loader     *loader,
              const char *name)
{
  g_autofree char *key = g_utf8_casefold (name, -1);

  return g_hash_table_lookup (loader->partners, key);
}

static gboolean
load_contact (Loader     *loader,
              CrPartner  *partner,
              cJSON      *json,
              const char *place,
              CrContact **out,
              GError    **error)
{
  g_autoptr(CrContact) contact = cr_contact_new ();
  g_autoptr(GDateTime) verified_at = NULL;
  const char *name, *function, *mobile, *office, *always, *email, *language, *verified_by, *notes;
  int availability, days = -1;

  if (!check_object (json, place, error) ||
      !get_string (json, "name", TRUE, place, &name, error) ||
      !get_string (json, "function", FALSE, place, &function, error) ||
      !get_string (json, "phone_mobile", FALSE, place, &mobile, error) ||
      !get_string (json, "phone_office", FALSE, place, &office, error) ||
      !get_string (json, "phone_24_7", FALSE, place, &always, error) ||
      !get_string (json, "email", FALSE, place, &email, error) ||
      !get_string (json, "language", FALSE, place, &language, error) ||
      !get_enum (json, "availability", CR_TYPE_AVAILABILITY, CR_AVAILABILITY_OFFICE_HOURS, place,
                 &availability, error) ||
      !get_time (json, "verified_at", place, &verified_at, error) ||
      !get_int (json, "verified_days_ago", -1, place, &days, error) ||
      !get_string (json, "verified_by", FALSE, place, &verified_by, error) ||
      !get_string (json, "notes", FALSE, place, &notes, error))
    return FALSE;

  if (verified_at != NULL && days >= 0)
    return invalid (error, _("%s has both “verified_at” and “verified_days_ago”; keep one."), place);
  if (cJSON_GetObjectItemCaseSensitive (json, "verified_days_ago") != NULL && days < 0)
    return invalid (error, _("The “%s” of %s must be a whole number."), "verified_days_ago", place);
  /* Relative to the load, so the demo shows the same mix of fresh and
   * stale contacts whenever it is loaded. */
  if (days >= 0)
    verified_at = g_date_time_add_days (loader->now, -days);

  cr_contact_set_partner_id (contact, cr_record_get_id (CR_RECORD (partner)));
  cr_contact_set_name (contact, name);
  cr_contact_set_function (contact, function);
  cr_contact_set_phone_mobile (contact, mobile);
  cr_contact_set_phone_office (contact, office);
  cr_contact_set_phone_24_7 (contact, always);
  cr_contact_set_email (contact, email);
  cr_contact_set_language (contact, language);
  cr_contact_set_availability (contact, availability);
  cr_contact_set_verified_at (contact, verified_at);
  cr_contact_set_verified_by (contact, verified_by);
  cr_contact_set_notes (contact, notes);
  if (!cr_store_insert (loader->store, CR_RECORD (contact), error))
    return FALSE;
  *out = g_steal_pointer (&contact);
  return TRUE;
}

static gboolean
load_spoc_chain (Loader     *loader,
                 CrPartner  *partner,
                 cJSON      *spoc,
                 GHashTable *contacts,
                 guint       partner_index,
                 GError    **error)
{
  g_autoptr(GHashTable) used = g_hash_table_new (g_direct_hash, g_direct_equal);
  cJSON *item;
  int rank = 0;

  cJSON_ArrayForEach (item, spoc)
    {
      g_autoptr(CrSpocAssignment) assignment = NULL;
      g_autofree char *key = NULL;
      CrContact *contact;

      if (!cJSON_IsString (item))
        return invalid (error, _("SPOC %d of partner %u must be the name of one of its contacts."),
                        rank + 1, partner_index);
      key = g_utf8_casefold (item->valuestring, -1);
      contact = g_hash_table_lookup (contacts, key);
      if (contact == NULL)
        return invalid (error, _("SPOC %d of partner %u, “%s”, is not one of its contacts."),
                        rank + 1, partner_index, item->valuestring);
      if (!g_hash_table_add (used, contact))
        return invalid (error, _("SPOC %d of partner %u, “%s”, is already higher in the chain."),
                        rank + 1, partner_index, item->valuestring);

      assignment = cr_spoc_assignment_new ();
      cr_spoc_assignment_set_partner_id (assignment, cr_record_get_id (CR_RECORD (partner)));
      cr_spoc_assignment_set_contact_id (assignment, cr_record_get_id (CR_RECORD (contact)));
      cr_spoc_assignment_set_rank (assignment, rank++);
      if (!cr_store_insert (loader->store, CR_RECORD (assignment), error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
load_partner (Loader  *loader,
              cJSON   *json,
              guint    index,
              GError **error)
{
  g_autofree char *place = g_strdup_printf (_("partner %u"), index);
  g_autofree char *key = NULL;
  g_autoptr(CrPartner) partner = NULL;
  g_autoptr(GHashTable) contacts = NULL;
  const char *name, *languages, *address, *notes;
  cJSON *contacts_json, *spoc_json, *item;
  int type;
  guint n = 0;

  if (!check_object (json, place, error) ||
      !get_string (json, "name", TRUE, place, &name, error) ||
      !get_enum (json, "type", CR_TYPE_PARTNER_TYPE, CR_PARTNER_TYPE_OTHER, place, &type, error) ||
      !get_string (json, "languages", FALSE, place, &languages, error) ||
      !get_string (json, "address", FALSE, place, &address, error) ||
      !get_string (json, "notes", FALSE, place, &notes, error) ||
      !get_array (json, "contacts", place, &contacts_json, error) ||
      !get_array (json, "spoc", place, &spoc_json, error))
    return FALSE;

  key = g_utf8_casefold (name, -1);
  if (!g_hash_table_add (loader->file_partners, g_strdup (key)))
    return invalid (error, _("%s has the same name as an earlier partner, “%s”."), place, name);
  /* A partner the user already has keeps its own contacts and chain. */
  if (g_hash_table_contains (loader->partners, key))
    {
      g_debug ("Partner “%s” is already there; keeping it as it is", name);
      return TRUE;
    }

  partner = cr_partner_new ();
  cr_partner_set_name (partner, name);
  cr_partner_set_partner_type (partner, type);
  cr_partner_set_languages (partner, languages);
  cr_partner_set_address (partner, address);
  cr_partner_set_notes (partner, notes);
  if (!cr_store_insert (loader->store, CR_RECORD (partner), error))
    return FALSE;
  g_hash_table_insert (loader->partners, g_steal_pointer (&key), g_object_ref (partner));

  contacts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  cJSON_ArrayForEach (item, contacts_json)
    {
      g_autofree char *contact_place = g_strdup_printf (_("contact %u of partner %u"), ++n, index);
      CrContact *contact = NULL;
      char *contact_key;

      if (!load_contact (loader, partner, item, contact_place, &contact, error))
        return FALSE;
      contact_key = g_utf8_casefold (cr_contact_get_name (contact), -1);
      if (!g_hash_table_insert (contacts, contact_key, contact))
        return invalid (error, _("%s has the same name as another contact of the partner, “%s”."),
                        contact_place, cr_contact_get_name (contact));
    }
  return load_spoc_chain (loader, partner, spoc_json, contacts, index, error);
}

static gboolean
load_partners (Loader  *loader,
               cJSON   *root,
               GError **error)
{
  g_autoptr(GListModel) existing = NULL;
  cJSON *partners, *item;
  guint index = 0;

  existing = cr_store_list (loader->store, CR_TYPE_PARTNER, NULL, 0, error);
  if (existing == NULL)
    return FALSE;
  for (guint i = 0; i < g_list_model_get_n_items (existing); i++)
    {
      g_autoptr(CrPartner) partner = g_list_model_get_item (existing, i);

      g_hash_table_insert (loader->partners, g_utf8_casefold (cr_partner_get_name (partner), -1),
                           g_object_ref (partner));
    }

  if (!get_array (root, "partners", _("the file"), &partners, error))
    return FALSE;
  cJSON_ArrayForEach (item, partners)
    if (!load_partner (loader, item, ++index, error))
      return FALSE;
  return TRUE;
}

static CrEvent *
event_from_json (cJSON   *root,
                 GError **error)
{
  g_autoptr(CrEvent) event = cr_event_new ();
  g_autoptr(GDateTime) starts = NULL;
  g_autoptr(GDateTime) ends = NULL;
  const char *place = _("the event");
  const char *name, *description;
  cJSON *json = cJSON_GetObjectItemCaseSensitive (root, "event");
  int kind, status;

  if (json == NULL)
    {
      invalid (error, _("It has no “event”."));
      return NULL;
    }
  if (!check_object (json, place, error) ||
      !get_string (json, "name", TRUE, place, &name, error) ||
      !get_enum (json, "kind", CR_TYPE_EVENT_KIND, CR_EVENT_KIND_VISIT, place, &kind, error) ||
      !get_enum (json, "status", CR_TYPE_EVENT_STATUS, CR_EVENT_STATUS_PLANNING, place, &status,
                 error) ||
      !get_time (json, "starts", place, &starts, error) ||
      !get_time (json, "ends", place, &ends, error) ||
      !get_string (json, "description", FALSE, place, &description, error))
    return NULL;
  if (starts != NULL && ends != NULL && g_date_time_compare (ends, starts) < 0)
    {
      invalid (error, _("The event ends before it starts."));
      return NULL;
    }

  cr_event_set_name (event, name);
  cr_event_set_kind (event, kind);
  cr_event_set_status (event, status);
  cr_event_set_starts (event, starts);
  cr_event_set_ends (event, ends);
  cr_event_set_description (event, description);
  return g_steal_pointer (&event);
}

static gboolean
import_features (Loader   *loader,
                 CrEvent  *event,
                 GBytes   *geojson,
                 GError  **error)
{
  g_autoptr(CrGeojsonImportResult) result = NULL;
  g_autoptr(GListModel) features = NULL;
  CrGeojsonImportOptions options = { 0 };
  gint64 event_id = cr_record_get_id (CR_RECORD (event));

  /* A few dozen features: threads would cost more than they save. */
  options.n_threads = 1;
  result = cr_geojson_import_bytes (loader->store, geojson, DEMO_GEOJSON, cr_event_get_name (event),
                                    &options, NULL, error);
  if (result == NULL)
    {
      if (error != NULL && *error != NULL && strstr ((*error)->message, DEMO_GEOJSON) == NULL)
        g_prefix_error (error, "%s: ", DEMO_GEOJSON);
      return FALSE;
    }
  g_warn_if_fail (result->event_id == event_id);
  g_debug ("Demo: %u features, %u waypoints", result->n_features, result->n_waypoints);

  features = cr_store_list_features (loader->store, event_id, error);
  if (features == NULL)
    return FALSE;
  for (guint i = 0; i < g_list_model_get_n_items (features); i++)
    {
      g_autoptr(CrFeature) feature = g_list_model_get_item (features, i);
      const char *name = cr_feature_get_name (feature);
      gint64 *id = g_new (gint64, 1);

      if (name == NULL)
        {
          g_free (id);
          continue;
        }
      *id = g_hash_table_contains (loader->features, name) ? -1 : cr_record_get_id (CR_RECORD (feature));
      g_hash_table_insert (loader->features, g_strdup (name), id);
    }
  return TRUE;
}

static gboolean
find_contact (Loader     *loader,
              CrPartner  *partner,
              const char *name,
              gint64     *id,
              GError    **error)
{
  g_autoptr(GListModel) contacts = NULL;
  g_autofree char *key = g_utf8_casefold (name, -1);

  *id = 0;
  contacts = cr_store_list (loader->store, CR_TYPE_CONTACT, "partner_id",
                            cr_record_get_id (CR_RECORD (partner)), error);
  if (contacts == NULL)
    return FALSE;
  for (guint i = 0; i < g_list_model_get_n_items (contacts) && *id == 0; i++)
    {
      g_autoptr(CrContact) contact = g_list_model_get_item (contacts, i);
      g_autofree char *contact_key = g_utf8_casefold (cr_contact_get_name (contact), -1);

      if (g_str_equal (key, contact_key))
        *id = cr_record_get_id (CR_RECORD (contact));
    }
  return TRUE;
}

static gboolean
load_role (Loader  *loader,
           gint64   event_id,
           cJSON   *json,
           guint    index,
           GError **error)
{
  g_autofree char *place = g_strdup_printf (_("role %u"), index);
  g_autoptr(CrRole) role = cr_role_new ();
  const char *partner_name, *responsibility, *sector, *contact;
  gint64 contact_id = 0, *sector_id = NULL;
  CrPartner *partner;
  int discipline;

  if (!check_object (json, place, error) ||
      !get_string (json, "partner", TRUE, place, &partner_name, error) ||
      !get_enum (json, "discipline", CR_TYPE_DISCIPLINE, CR_DISCIPLINE_OTHER, place, &discipline,
                 error) ||
      !get_string (json, "responsibility", FALSE, place, &responsibility, error) ||
      !get_string (json, "sector", FALSE, place, &sector, error) ||
      !get_string (json, "contact", FALSE, place, &contact, error))
    return FALSE;

  partner = find_partner (loader, partner_name);
  if (partner == NULL)
    return invalid (error, _("The partner “%s” of %s is not in the file."), partner_name, place);
  if (sector != NULL)
    {
      sector_id = g_hash_table_lookup (loader->features, sector);
      if (sector_id == NULL)
        return invalid (error, _("The sector “%s” of %s is not the name of a feature of the event."),
                        sector, place);
      if (*sector_id < 0)
        return invalid (error, _("The sector “%s” of %s is the name of several features."),
                        sector, place);
    }
  if (contact != NULL)
    {
      if (!find_contact (loader, partner, contact, &contact_id, error))
        return FALSE;
      if (contact_id == 0)
        return invalid (error, _("The contact “%s” of %s is not a contact of its partner."),
                        contact, place);
    }

  cr_role_set_event_id (role, event_id);
  cr_role_set_partner_id (role, cr_record_get_id (CR_RECORD (partner)));
  cr_role_set_discipline (role, discipline);
  cr_role_set_responsibility (role, responsibility);
  cr_role_set_sector_id (role, sector_id != NULL ? *sector_id : 0);
  cr_role_set_contact_id (role, contact_id);
  return cr_store_insert (loader->store, CR_RECORD (role), error);
}

static gboolean
load_template_item (Loader              *loader,
                    CrChecklistTemplate *template,
                    cJSON               *json,
                    guint                index,
                    guint                template_index,
                    GError             **error)
{
  g_autofree char *place = g_strdup_printf (_("item %u of checklist template %u"), index,
                                            template_index);
  g_autoptr(CrChecklistTemplateItem) item = cr_checklist_template_item_new ();
  const char *text, *responsible, *partner_name, *partner_type;
  CrPartner *partner = NULL;
  gboolean mandatory;
  int cell, due, type;

  if (!check_object (json, place, error) ||
      !get_enum (json, "cell", CR_TYPE_CELL, CR_CELL_OPERATIONS, place, &cell, error) ||
      !get_string (json, "text", TRUE, place, &text, error) ||
      !get_string (json, "responsible", FALSE, place, &responsible, error) ||
      !get_int (json, "due_offset_min", 0, place, &due, error) ||
      !get_bool (json, "mandatory", place, &mandatory, error) ||
      !get_string (json, "partner", FALSE, place, &partner_name, error) ||
      !get_enum (json, "partner_type", CR_TYPE_PARTNER_TYPE, -1, place, &type, error))
    return FALSE;

  if (partner_name != NULL)
    {
      partner = find_partner (loader, partner_name);
      if (partner == NULL)
        return invalid (error, _("The partner “%s” of %s is not in the file."), partner_name, place);
    }
  partner_type = type >= 0 ? cr_enum_to_nick (CR_TYPE_PARTNER_TYPE, type) : NULL;

  cr_checklist_template_item_set_template_id (item, cr_record_get_id (CR_RECORD (template)));
  cr_checklist_template_item_set_position (item, (int) index - 1);
  cr_checklist_template_item_set_cell (item, cell);
  cr_checklist_template_item_set_text (item, text);
  cr_checklist_template_item_set_responsible (item, responsible);
  cr_checklist_template_item_set_due_offset_min (item, due);
  cr_checklist_template_item_set_mandatory (item, mandatory);
  cr_checklist_template_item_set_partner_id (item,
                                             partner != NULL ? cr_record_get_id (CR_RECORD (partner)) : 0);
  cr_checklist_template_item_set_partner_type (item, partner_type);
  return cr_store_insert (loader->store, CR_RECORD (item), error);
}

static gboolean
load_template (Loader     *loader,
               GHashTable *existing,
               cJSON      *json,
               guint       index,
               GError    **error)
{
  g_autofree char *place = g_strdup_printf (_("checklist template %u"), index);
  g_autoptr(CrChecklistTemplate) template = cr_checklist_template_new ();
  g_autofree char *key = NULL;
  const char *name, *description;
  cJSON *items, *item;
  int kind;
  guint n = 0;

  if (!check_object (json, place, error) ||
      !get_string (json, "name", TRUE, place, &name, error) ||
      !get_enum (json, "event_kind", CR_TYPE_EVENT_KIND, -1, place, &kind, error) ||
      !get_string (json, "description", FALSE, place, &description, error) ||
      !get_array (json, "items", place, &items, error))
    return FALSE;

  key = g_utf8_casefold (name, -1);
  if (!g_hash_table_add (existing, g_steal_pointer (&key)))
    {
      g_debug ("Checklist template “%s” is already there; keeping it as it is", name);
      return TRUE;
    }

  cr_checklist_template_set_name (template, name);
  cr_checklist_template_set_event_kind (template,
                                        kind >= 0 ? cr_enum_to_nick (CR_TYPE_EVENT_KIND, kind) : NULL);
  cr_checklist_template_set_description (template, description);
  if (!cr_store_insert (loader->store, CR_RECORD (template), error))
    return FALSE;
  cJSON_ArrayForEach (item, items)
    if (!load_template_item (loader, template, item, ++n, index, error))
      return FALSE;
  return TRUE;
}

static gboolean
load_templates (Loader  *loader,
                cJSON   *root,
                GError **error)
{
  g_autoptr(GHashTable) existing = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GListModel) templates = NULL;
  cJSON *list, *item;
  guint index = 0;

  if (!get_array (root, "checklist_templates", _("the file"), &list, error))
    return FALSE;
  templates = cr_store_list (loader->store, CR_TYPE_CHECKLIST_TEMPLATE, NULL, 0, error);
  if (templates == NULL)
    return FALSE;
  for (guint i = 0; i < g_list_model_get_n_items (templates); i++)
    {
      g_autoptr(CrChecklistTemplate) template = g_list_model_get_item (templates, i);

      g_hash_table_add (existing, g_utf8_casefold (cr_checklist_template_get_name (template), -1));
    }
  cJSON_ArrayForEach (item, list)
    if (!load_template (loader, existing, item, ++index, error))
      return FALSE;
  return TRUE;
}

/* ---- The activation in progress ---- */

typedef struct
{
  gint64 activation_id;
  GDateTime *opened_at;
  int minutes_max; /* nothing happens after now */
  GListModel *items;
  GArray *log_ids; /* of the demo's own entries, for "corrects" */
} DemoActivation;

/* A value the store refuses (an un-tick without a reason…) is an error of
 * demo.json, named as such. */
static gboolean
store_result (gboolean    ok,
              GError     *local_error,
              const char *place,
              GError    **error)
{
  if (ok)
    return TRUE;
  if (g_error_matches (local_error, CR_STORE_ERROR, CR_STORE_ERROR_INVALID))
    {
      /* Translators: a place in demo.json, then what is wrong there. */
      invalid (error, _("%s: %s"), place, local_error->message);
      g_error_free (local_error);
      return FALSE;
    }
  g_propagate_error (error, local_error);
  return FALSE;
}

static gboolean
load_activation_tick (Loader         *loader,
                      DemoActivation *demo,
                      cJSON          *json,
                      GDateTime      *at,
                      const char     *place,
                      GError        **error)
{
  g_autoptr(CrActivationItem) item = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *note;
  int index, state;
  gboolean ok;

  if (!get_int (json, "tick", 0, place, &index, error) ||
      !get_enum (json, "state", CR_TYPE_ITEM_STATE, CR_ITEM_STATE_DONE, place, &state, error) ||
      !get_string (json, "note", FALSE, place, &note, error))
    return FALSE;
  if (index < 1)
    return invalid (error, _("The “%s” of %s must be the number of a checklist item, from 1."),
                    "tick", place);
  /* A template the user already had may have fewer items: not an error
   * of the demo. */
  if ((guint) index > g_list_model_get_n_items (demo->items))
    {
      g_debug ("Demo: no checklist item %d; skipping %s", index, place);
      return TRUE;
    }
  item = g_list_model_get_item (demo->items, (guint) index - 1);
  ok = cr_store_set_item_state (loader->store, cr_record_get_id (CR_RECORD (item)), state, note, at,
                                &local_error);
  return store_result (ok, g_steal_pointer (&local_error), place, error);
}

static gboolean
load_activation_log (Loader         *loader,
                     DemoActivation *demo,
                     cJSON          *json,
                     GDateTime      *at,
                     const char     *place,
                     GError        **error)
{
  g_autoptr(CrLogEntry) entry = cr_log_entry_new ();
  g_autoptr(GError) local_error = NULL;
  const char *text, *partner_name;
  CrPartner *partner = NULL;
  int category, corrects;
  gboolean ok;
  gint64 id;

  if (!get_enum (json, "log", CR_TYPE_LOG_CATEGORY, CR_LOG_CATEGORY_INFORMATION, place, &category,
                 error) ||
      !get_string (json, "text", TRUE, place, &text, error) ||
      !get_string (json, "partner", FALSE, place, &partner_name, error) ||
      !get_int (json, "corrects", 0, place, &corrects, error))
    return FALSE;
  if (partner_name != NULL)
    {
      partner = find_partner (loader, partner_name);
      if (partner == NULL)
        return invalid (error, _("The partner “%s” of %s is not in the file."), partner_name, place);
    }
  if (corrects < 0 || (guint) corrects > demo->log_ids->len)
    return invalid (error, _("The “%s” of %s must be the number of an earlier logbook entry of "
                             "the activation, from 1."),
                    "corrects", place);

  cr_log_entry_set_category (entry, category);
  cr_log_entry_set_text (entry, text);
  cr_log_entry_set_occurred_at (entry, at);
  cr_log_entry_set_activation_id (entry, demo->activation_id);
  cr_log_entry_set_partner_id (entry, partner != NULL ? cr_record_get_id (CR_RECORD (partner)) : 0);
  /* Through the store's own append, like an operator's entry: the store
   * sets the recorded time, the author and the chained hash. */
  if (corrects > 0)
    ok = cr_store_correct_log_entry (loader->store, g_array_index (demo->log_ids, gint64, corrects - 1),
                                     entry, &local_error);
  else
    ok = cr_store_append_log_entry (loader->store, entry, &local_error);
  if (!store_result (ok, g_steal_pointer (&local_error), place, error))
    return FALSE;
  id = cr_record_get_id (CR_RECORD (entry));
  g_array_append_val (demo->log_ids, id);
  return TRUE;
}

static gboolean
load_activation_shift (Loader         *loader,
                       DemoActivation *demo,
                       cJSON          *json,
                       guint           index,
                       GError        **error)
{
  g_autofree char *place = g_strdup_printf (_("shift %u of the activation"), index);
  const char *operator_name;
  cJSON *events, *item;
  guint n = 0;

  if (!check_object (json, place, error) ||
      !get_string (json, "operator", TRUE, place, &operator_name, error) ||
      !get_array (json, "events", place, &events, error))
    return FALSE;

  cr_store_set_operator (loader->store, operator_name);
  cJSON_ArrayForEach (item, events)
    {
      g_autofree char *event_place = g_strdup_printf (_("event %u of shift %u of the activation"),
                                                      ++n, index);
      g_autoptr(GDateTime) at = NULL;
      int minutes;

      if (!check_object (item, event_place, error) ||
          !get_int (item, "minutes", -1, event_place, &minutes, error))
        return FALSE;
      if (minutes < 0 || minutes > demo->minutes_max)
        return invalid (error, _("The “%s” of %s must be between 0 and %d: minutes after the "
                                 "activation opened, and not later than now."),
                        "minutes", event_place, demo->minutes_max);
      at = g_date_time_add_minutes (demo->opened_at, minutes);
      if (cJSON_GetObjectItemCaseSensitive (item, "tick") != NULL)
        {
          if (!load_activation_tick (loader, demo, item, at, event_place, error))
            return FALSE;
        }
      else if (cJSON_GetObjectItemCaseSensitive (item, "log") != NULL)
        {
          if (!load_activation_log (loader, demo, item, at, event_place, error))
            return FALSE;
        }
      else
        return invalid (error, _("%s has neither “tick” nor “log”."), event_place);
    }
  return TRUE;
}

static gboolean
load_activation_cells (cJSON      *json,
                       const char *place,
                       guint      *cells,
                       GError    **error)
{
  cJSON *list, *item;

  *cells = 0;
  if (!get_array (json, "cells", place, &list, error))
    return FALSE;
  cJSON_ArrayForEach (item, list)
    {
      int cell;

      if (!cJSON_IsString (item) || !cr_enum_from_nick (CR_TYPE_CELL, item->valuestring, &cell))
        {
          g_autofree char *nicks = enum_nicks (CR_TYPE_CELL);

          return invalid (error, _("The “%s” of %s must be a list of cells among: %s."), "cells",
                          place, nicks);
        }
      *cells |= CR_CELL_MASK (cell);
    }
  if (*cells == 0)
    *cells = CR_CELL_MASK_ALL;
  return TRUE;
}

static gboolean
find_template (Loader     *loader,
               const char *name,
               gint64     *id,
               GError    **error)
{
  g_autoptr(GListModel) templates = cr_store_list (loader->store, CR_TYPE_CHECKLIST_TEMPLATE, NULL, 0,
                                                   error);
  g_autofree char *key = NULL;

  *id = 0;
  if (templates == NULL)
    return FALSE;
  key = g_utf8_casefold (name, -1);
  for (guint i = 0; i < g_list_model_get_n_items (templates) && *id == 0; i++)
    {
      g_autoptr(CrChecklistTemplate) template = g_list_model_get_item (templates, i);
      g_autofree char *template_key = g_utf8_casefold (cr_checklist_template_get_name (template), -1);

      if (g_str_equal (key, template_key))
        *id = cr_record_get_id (CR_RECORD (template));
    }
  return TRUE;
}

/* The activation in progress, with ticks across two shifts, a handover
 * and logbook entries, all through the store's API so that the journal
 * of ticks, the audit and the logbook's hash chain are what an operator
 * would have written. Times are relative to the load ("opened_hours_ago"),
 * so the demo always shows an activation in progress with some items
 * overdue; the logbook's recorded times are the load itself. */
static gboolean
load_activation (Loader  *loader,
                 cJSON   *root,
                 CrEvent *event,
                 GError **error)
{
  g_autofree char *first_operator = NULL;
  g_autofree char *original_operator = g_strdup (cr_store_get_operator (loader->store));
  CrActivationRequest request = { 0 };
  DemoActivation demo = { 0 };
  const char *place = _("the activation");
  const char *name, *template_name, *operator_name;
  cJSON *json = cJSON_GetObjectItemCaseSensitive (root, "activation");
  cJSON *shifts, *shift, *first;
  int level, hours;
  guint n = 0;
  gboolean ok = FALSE;

  if (json == NULL || cJSON_IsNull (json))
    return TRUE;
  if (!check_object (json, place, error) ||
      !get_string (json, "name", TRUE, place, &name, error) ||
      !get_enum (json, "level", CR_TYPE_ACTIVATION_LEVEL, CR_ACTIVATION_LEVEL_FULL, place, &level,
                 error) ||
      !load_activation_cells (json, place, &request.cells, error) ||
      !get_string (json, "template", FALSE, place, &template_name, error) ||
      !get_int (json, "opened_hours_ago", 10, place, &hours, error) ||
      !get_array (json, "shifts", place, &shifts, error))
    return FALSE;
  if (hours < 1 || hours > 72)
    return invalid (error, _("The “%s” of %s must be between 1 and 72."), "opened_hours_ago", place);
  if (template_name != NULL)
    {
      if (!find_template (loader, template_name, &request.template_id, error))
        return FALSE;
      if (request.template_id == 0)
        return invalid (error, _("The template “%s” of %s is not in the file."), template_name, place);
    }

  /* The first shift's operator opens the activation. */
  first = shifts != NULL ? cJSON_GetArrayItem (shifts, 0) : NULL;
  if (first != NULL && cJSON_IsObject (first) &&
      get_string (first, "operator", FALSE, place, &operator_name, NULL) && operator_name != NULL)
    first_operator = g_strdup (operator_name);

  demo.opened_at = g_date_time_add_hours (loader->now, -hours);
  demo.minutes_max = hours * 60;
  demo.log_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  request.event_id = cr_record_get_id (CR_RECORD (event));
  request.name = name;
  request.level = level;
  request.opened_at = demo.opened_at;
  if (first_operator != NULL)
    cr_store_set_operator (loader->store, first_operator);
  demo.activation_id = cr_store_open_activation (loader->store, &request, error);
  if (demo.activation_id == 0)
    goto out;
  demo.items = cr_store_list_activation_items (loader->store, demo.activation_id, 0, error);
  if (demo.items == NULL)
    goto out;
  cJSON_ArrayForEach (shift, shifts)
    if (!load_activation_shift (loader, &demo, shift, ++n, error))
      goto out;
  ok = TRUE;

out:
  cr_store_set_operator (loader->store, original_operator);
  g_clear_object (&demo.items);
  g_array_unref (demo.log_ids);
  g_date_time_unref (demo.opened_at);
  return ok;
}

/* ---- Past alert tests ---- */

/* The longest a demo alert test runs: with "started_days_ago" of two days
 * or more, it is over before the load, whatever the time of day. */
#define ALERT_MINUTES_MAX 720
#define ALERT_DAYS_MIN 2
#define ALERT_DAYS_MAX 365

typedef struct
{
  gint64 id;
  GDateTime *started_at;
  GDateTime *ended_at;
  int channel;
} DemoCampaign;

/* "4:05" (minutes and seconds) or "09:30" (hours and minutes): the two
 * numbers, the first at most @max_first. */
static gboolean
parse_clock (const char *text,
             guint       max_first,
             guint      *first,
             guint      *second)
{
  guint64 value;
  char *end;

  if (!g_ascii_isdigit (text[0]))
    return FALSE;
  value = g_ascii_strtoull (text, &end, 10);
  if (*end != ':' || value > max_first || !g_ascii_isdigit (end[1]) || !g_ascii_isdigit (end[2]) ||
      end[3] != '\0')
    return FALSE;
  *first = (guint) value;
  *second = (guint) ((end[1] - '0') * 10 + (end[2] - '0'));
  return *second < 60;
}

/* A time given as minutes and seconds after @start. */
static gboolean
parse_offset (const char  *text,
              GDateTime   *start,
              const char  *key,
              const char  *place,
              GDateTime  **value,
              GError     **error)
{
  guint minutes, seconds;

  *value = NULL;
  if (!parse_clock (text, ALERT_MINUTES_MAX, &minutes, &seconds))
    return invalid (error,
                    _("The “%s” of %s, “%s”, must be minutes and seconds after the start of the alert "
                      "test, such as “4:05”, at most %d minutes."),
                    key, place, text, ALERT_MINUTES_MAX);
  *value = g_date_time_add_seconds (start, minutes * 60.0 + seconds);
  return TRUE;
}

static gboolean
get_offset (cJSON       *object,
            const char  *key,
            GDateTime   *start,
            const char  *place,
            GDateTime  **value,
            GError     **error)
{
  const char *text;

  *value = NULL;
  if (!get_string (object, key, FALSE, place, &text, error))
    return FALSE;
  return text == NULL || parse_offset (text, start, key, place, value, error);
}

/* @days before @now at @hour:@minute in Brussels, moved back to the
 * Friday when that is a weekend: SPOCs are tested on working days,
 * whatever day the demo is loaded. */
static GDateTime *
working_day_before (GDateTime *now,
                    int        days,
                    guint      hour,
                    guint      minute)
{
  g_autoptr(GDateTime) local = g_date_time_to_timezone (now, cr_time_zone_local ());
  g_autoptr(GDateTime) day = g_date_time_add_days (local, -days);
  int weekday = g_date_time_get_day_of_week (day);

  if (weekday > 5)
    {
      GDateTime *friday = g_date_time_add_days (day, 5 - weekday);

      g_date_time_unref (day);
      day = friday;
    }
  return g_date_time_new (cr_time_zone_local (), g_date_time_get_year (day), g_date_time_get_month (day),
                          g_date_time_get_day_of_month (day), (int) hour, (int) minute, 0);
}

/* One partner's part: its first call, the contacts of its SPOC chain
 * that did not answer, then the answer or the operator giving up. */
static gboolean
load_alert_partner (Loader       *loader,
                    DemoCampaign *demo,
                    gint64        partner_id,
                    cJSON        *json,
                    const char   *place,
                    GError      **error)
{
  g_autoptr(GPtrArray) no_answers = g_ptr_array_new_with_free_func ((GDestroyNotify) g_date_time_unref);
  g_autoptr(GDateTime) called = NULL;
  g_autoptr(GDateTime) answered = NULL;
  g_autoptr(GDateTime) gave_up = NULL;
  g_autoptr(CrAlertTest) call = NULL;
  g_autoptr(GError) local_error = NULL;
  GDateTime *previous, *last;
  cJSON *list, *item;
  int channel, outcome;
  gint64 test_id;
  gboolean ok;

  if (!get_offset (json, "called", demo->started_at, place, &called, error) ||
      !get_enum (json, "channel", CR_TYPE_ALERT_CHANNEL, demo->channel, place, &channel, error) ||
      !get_array (json, "no_answer", place, &list, error) ||
      !get_offset (json, "answered", demo->started_at, place, &answered, error) ||
      !get_enum (json, "outcome", CR_TYPE_ALERT_OUTCOME, CR_ALERT_OUTCOME_CONFIRMED, place, &outcome, error) ||
      !get_offset (json, "gave_up", demo->started_at, place, &gave_up, error))
    return FALSE;
  cJSON_ArrayForEach (item, list)
    {
      GDateTime *at;

      if (!cJSON_IsString (item))
        return invalid (error, _("The “%s” of %s must be a list of times such as “4:05”."), "no_answer", place);
      if (!parse_offset (item->valuestring, demo->started_at, "no_answer", place, &at, error))
        return FALSE;
      g_ptr_array_add (no_answers, at);
    }
  if (outcome != CR_ALERT_OUTCOME_CONFIRMED && outcome != CR_ALERT_OUTCOME_NOT_CONFIRMED)
    return invalid (error, _("The “%s” of %s must be “%s” or “%s”."), "outcome", place, "confirmed",
                    "not-confirmed");
  if (answered != NULL && gave_up != NULL)
    return invalid (error, _("%s has both “answered” and “gave_up”; keep one."), place);
  if (called == NULL && (no_answers->len > 0 || answered != NULL))
    return invalid (error, _("%s has answers but no “called”: say when the first call started."), place);

  /* Each step after the one before, and all of them before the end. */
  previous = called;
  last = answered != NULL ? answered : gave_up;
  for (guint i = 0; i <= no_answers->len; i++)
    {
      GDateTime *at = i < no_answers->len ? g_ptr_array_index (no_answers, i) : last;

      if (at == NULL)
        continue;
      if ((previous != NULL && g_date_time_compare (at, previous) < 0) ||
          g_date_time_compare (at, demo->ended_at) > 0)
        return invalid (error, _("The times of %s are out of order: each must come after the one before "
                                 "it, and not after the “ended” of its alert test."),
                        place);
      previous = at;
    }
  if (called != NULL && g_date_time_compare (called, demo->ended_at) > 0)
    return invalid (error, _("The times of %s are out of order: each must come after the one before "
                             "it, and not after the “ended” of its alert test."),
                    place);

  call = cr_store_get_alert_call (loader->store, demo->id, partner_id, error);
  if (call == NULL)
    return FALSE;
  test_id = cr_record_get_id (CR_RECORD (call));
  if (called != NULL)
    {
      ok = cr_store_alert_call_start (loader->store, test_id, channel, called, &local_error);
      if (!store_result (ok, g_steal_pointer (&local_error), place, error))
        return FALSE;
    }
  for (guint i = 0; i < no_answers->len; i++)
    {
      gint64 next = 0;

      ok = cr_store_alert_call_no_answer (loader->store, test_id, g_ptr_array_index (no_answers, i), &next,
                                          &local_error);
      if (!store_result (ok, g_steal_pointer (&local_error), place, error))
        return FALSE;
      /* Nobody left: the partner is unreachable, and nothing may follow. */
      if (next == 0 && (i + 1 < no_answers->len || last != NULL))
        return invalid (error, _("%s goes on after the last contact of its partner’s SPOC chain did "
                                 "not answer."),
                        place);
      test_id = next;
    }
  if (answered != NULL)
    ok = cr_store_alert_call_answered (loader->store, test_id, outcome, answered, &local_error);
  else if (gave_up != NULL)
    ok = cr_store_alert_give_up (loader->store, test_id, gave_up, &local_error);
  else
    ok = TRUE;
  return store_result (ok, g_steal_pointer (&local_error), place, error);
}

/* When the alert test started: a fixed time ("started"), or days before
 * the load ("started_days_ago", at "started_time" in Brussels), so that
 * a recent test counts in the coverage of the last 12 months whenever
 * the demo is loaded. */
static gboolean
get_alert_start (Loader      *loader,
                 cJSON       *json,
                 const char  *place,
                 GDateTime  **started,
                 GError     **error)
{
  const char *time_text;
  guint hour = 10, minute = 0;
  int days;

  *started = NULL;
  if (!get_time (json, "started", place, started, error) ||
      !get_int (json, "started_days_ago", -1, place, &days, error) ||
      !get_string (json, "started_time", FALSE, place, &time_text, error))
    return FALSE;
  if (*started != NULL)
    {
      if (days >= 0 || time_text != NULL)
        return invalid (error, _("%s has both “started” and “started_days_ago”; keep one."), place);
      return TRUE;
    }
  if (cJSON_GetObjectItemCaseSensitive (json, "started_days_ago") == NULL)
    return invalid (error, _("%s has neither “started” nor “started_days_ago”."), place);
  if (days < ALERT_DAYS_MIN || days > ALERT_DAYS_MAX)
    return invalid (error, _("The “%s” of %s must be between %d and %d."), "started_days_ago", place,
                    ALERT_DAYS_MIN, ALERT_DAYS_MAX);
  if (time_text != NULL && !parse_clock (time_text, 23, &hour, &minute))
    return invalid (error, _("The “%s” of %s, “%s”, must be a time of day such as “09:30”."), "started_time",
                    place, time_text);
  *started = working_day_before (loader->now, days, hour, minute);
  return TRUE;
}

static gboolean
load_alert_test (Loader     *loader,
                 GHashTable *existing,
                 cJSON      *json,
                 guint       index,
                 GError    **error)
{
  g_autofree char *place = g_strdup_printf (_("alert test %u"), index);
  g_autofree char *key = NULL;
  g_autoptr(GDateTime) started = NULL;
  g_autoptr(GDateTime) ended = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GHashTable) seen = g_hash_table_new (g_direct_hash, g_direct_equal);
  g_autoptr(GError) local_error = NULL;
  DemoCampaign demo = { 0 };
  const char *name, *operator_name;
  cJSON *partners, *item;
  int target;
  guint n = 0;
  gboolean ok;

  if (!check_object (json, place, error) ||
      !get_string (json, "name", TRUE, place, &name, error) ||
      !get_string (json, "operator", FALSE, place, &operator_name, error) ||
      !get_alert_start (loader, json, place, &started, error) ||
      !get_int (json, "target_minutes", 15, place, &target, error) ||
      !get_enum (json, "channel", CR_TYPE_ALERT_CHANNEL, CR_ALERT_CHANNEL_PHONE, place, &demo.channel, error) ||
      !get_offset (json, "ended", started, place, &ended, error) ||
      !get_array (json, "partners", place, &partners, error))
    return FALSE;
  if (ended == NULL)
    return invalid (error, _("%s has no “%s”."), place, "ended");
  if (target < 1 || target > ALERT_MINUTES_MAX)
    return invalid (error, _("The “%s” of %s must be between %d and %d."), "target_minutes", place, 1,
                    ALERT_MINUTES_MAX);
  if (g_date_time_compare (ended, loader->now) > 0)
    return invalid (error, _("%s ends after now: the demo’s alert tests are all over."), place);

  key = g_utf8_casefold (name, -1);
  if (!g_hash_table_add (existing, g_steal_pointer (&key)))
    {
      g_debug ("Alert test “%s” is already there; keeping it as it is", name);
      return TRUE;
    }

  cJSON_ArrayForEach (item, partners)
    {
      g_autofree char *partner_place = g_strdup_printf (_("partner %u of alert test %u"), ++n, index);
      const char *partner_name;
      CrPartner *partner;
      gint64 id;

      if (!check_object (item, partner_place, error) ||
          !get_string (item, "partner", TRUE, partner_place, &partner_name, error))
        return FALSE;
      partner = find_partner (loader, partner_name);
      if (partner == NULL)
        return invalid (error, _("%s, “%s”, is not a partner of the file."), partner_place, partner_name);
      if (!g_hash_table_add (seen, partner))
        return invalid (error, _("%s, “%s”, is already earlier in the alert test."), partner_place, partner_name);
      id = cr_record_get_id (CR_RECORD (partner));
      g_array_append_val (ids, id);
    }
  /* No list would mean every partner to the store. */
  if (ids->len == 0)
    return invalid (error, _("%s has no “%s”."), place, "partners");

  if (operator_name != NULL)
    cr_store_set_operator (loader->store, operator_name);
  ok = cr_store_start_alert_campaign (loader->store, name, (const gint64 *) ids->data, ids->len, (guint) target,
                                      started, &demo.id, &local_error);
  if (!store_result (ok, g_steal_pointer (&local_error), place, error))
    return FALSE;
  demo.started_at = started;
  demo.ended_at = ended;
  n = 0;
  cJSON_ArrayForEach (item, partners)
    {
      g_autofree char *partner_place = g_strdup_printf (_("partner %u of alert test %u"), ++n, index);

      if (!load_alert_partner (loader, &demo, g_array_index (ids, gint64, n - 1), item, partner_place, error))
        return FALSE;
    }
  ok = cr_store_end_alert_campaign (loader->store, demo.id, ended, &local_error);
  return store_result (ok, g_steal_pointer (&local_error), place, error);
}

/* Past alert tests with the partners' SPOCs, through the store's
 * stopwatch API like an operator's calls. An alert test of the same name
 * is kept as it is, so that loading the demo again after its event was
 * deleted does not test the partners twice. */
static gboolean
load_alert_tests (Loader  *loader,
                  cJSON   *root,
                  GError **error)
{
  g_autoptr(GHashTable) existing = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GListModel) campaigns = NULL;
  g_autofree char *original_operator = NULL;
  cJSON *list, *item;
  guint index = 0;
  gboolean ok = TRUE;

  if (!get_array (root, "alert_tests", _("the file"), &list, error))
    return FALSE;
  if (list == NULL)
    return TRUE;
  campaigns = cr_store_list_alert_campaigns (loader->store, error);
  if (campaigns == NULL)
    return FALSE;
  for (guint i = 0; i < g_list_model_get_n_items (campaigns); i++)
    {
      g_autoptr(CrAlertCampaign) campaign = g_list_model_get_item (campaigns, i);

      g_hash_table_add (existing, g_utf8_casefold (cr_alert_campaign_get_name (campaign), -1));
    }

  original_operator = g_strdup (cr_store_get_operator (loader->store));
  cJSON_ArrayForEach (item, list)
    if (!(ok = load_alert_test (loader, existing, item, ++index, error)))
      break;
  cr_store_set_operator (loader->store, original_operator);
  return ok;
}

/* Everything but the transaction, which the caller holds. */
static gboolean
load_all (Loader  *loader,
          cJSON   *root,
          CrEvent *event,
          GBytes  *geojson,
          GError **error)
{
  cJSON *roles, *item;
  guint index = 0;

  /* Partners first: the importer resolves the features' "partner"
   * property against the partners there at import time. */
  if (!load_partners (loader, root, error))
    return FALSE;
  if (!cr_store_insert (loader->store, CR_RECORD (event), error))
    return FALSE;
  if (!import_features (loader, event, geojson, error))
    return FALSE;

  if (!get_array (root, "roles", _("the file"), &roles, error))
    return FALSE;
  cJSON_ArrayForEach (item, roles)
    if (!load_role (loader, cr_record_get_id (CR_RECORD (event)), item, ++index, error))
      return FALSE;

  if (!load_templates (loader, root, error))
    return FALSE;
  if (!load_activation (loader, root, event, error))
    return FALSE;
  return load_alert_tests (loader, root, error);
}

static cJSON *
parse_demo_json (GBytes  *bytes,
                 GError **error)
{
  g_autoptr(cJSON) root = NULL;
  const char *data, *end = NULL;
  gsize size;
  cJSON *format, *version;

  data = g_bytes_get_data (bytes, &size);
  root = cJSON_ParseWithLengthOpts (data, size, &end, FALSE);
  if (root == NULL)
    {
      guint line = 1;

      for (const char *p = data; p != NULL && end != NULL && p < end && p < data + size; p++)
        if (*p == '\n')
          line++;
      invalid (error, _("It is not valid JSON (near line %u)."), line);
      return NULL;
    }

  format = cJSON_GetObjectItemCaseSensitive (root, "format");
  if (!cJSON_IsObject (root) || !cJSON_IsString (format) ||
      g_strcmp0 (format->valuestring, DEMO_FORMAT) != 0)
    {
      invalid (error, _("It is not Crisis Room demo data (its “format” must be “%s”)."), DEMO_FORMAT);
      return NULL;
    }
  version = cJSON_GetObjectItemCaseSensitive (root, "version");
  if (!cJSON_IsNumber (version) || version->valuedouble < 1)
    {
      invalid (error, _("%s has no “%s”."), _("the file"), "version");
      return NULL;
    }
  if (version->valuedouble > DEMO_VERSION)
    {
      invalid (error, _("It is written for a newer Crisis Room (version %d; this one reads %d)."),
               version->valueint, DEMO_VERSION);
      return NULL;
    }
  return g_steal_pointer (&root);
}

static GBytes *
lookup_demo_file (const char *name,
                  GError    **error)
{
  g_autofree char *path = g_strconcat (DEMO_RESOURCE_DIR, name, NULL);
  g_autoptr(GError) local_error = NULL;
  GBytes *bytes;

  /* Through cr_get_resource(), which also keeps the resource object in a
   * link of the static library. */
  bytes = g_resource_lookup_data (cr_get_resource (), path, G_RESOURCE_LOOKUP_FLAGS_NONE,
                                  &local_error);
  if (bytes == NULL)
    g_set_error (error, CR_DEMO_ERROR, CR_DEMO_ERROR_MISSING,
                 _("The demo data “%s” is missing from this build of Crisis Room (%s). "
                   "Reinstall Crisis Room."),
                 name, local_error->message);
  return bytes;
}

/**
 * cr_demo_is_loaded:
 *
 * Returns: whether @store has the demo event
 */
gboolean
cr_demo_is_loaded (CrStore *store)
{
  g_autoptr(CrEvent) event = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (CR_IS_STORE (store), FALSE);

  event = cr_store_find_event (store, CR_DEMO_EVENT_NAME, &error);
  if (error != NULL)
    g_debug ("Cannot look for the demo event: %s", error->message);
  return event != NULL;
}

/**
 * cr_demo_load_from_bytes:
 * @demo_json: the content of demo.json
 * @geojson: the features of the event, as GeoJSON
 * @loaded: (out) (optional): %FALSE when an event of that name was there
 *   already, and nothing was written
 *
 * Loads the demo from the given data in one transaction (a savepoint when
 * the caller holds one): on error, nothing is written.
 *
 * Returns: %FALSE with @error set on failure
 */
gboolean
cr_demo_load_from_bytes (CrStore  *store,
                         GBytes   *demo_json,
                         GBytes   *geojson,
                         gboolean *loaded,
                         GError  **error)
{
  g_autoptr(cJSON) root = NULL;
  g_autoptr(CrEvent) event = NULL;
  g_autoptr(CrEvent) existing = NULL;
  g_autoptr(GError) local_error = NULL;
  Loader loader = { 0 };
  gboolean ok;

  g_return_val_if_fail (CR_IS_STORE (store), FALSE);
  g_return_val_if_fail (demo_json != NULL, FALSE);
  g_return_val_if_fail (geojson != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (loaded != NULL)
    *loaded = FALSE;
  root = parse_demo_json (demo_json, error);
  if (root == NULL)
    return FALSE;
  event = event_from_json (root, error);
  if (event == NULL)
    return FALSE;

  /* The check is inside the transaction, which holds the write lock, so
   * two windows started with --demo cannot both load it. */
  if (!cr_store_begin (store, error))
    return FALSE;
  existing = cr_store_find_event (store, cr_event_get_name (event), &local_error);
  if (local_error != NULL)
    {
      cr_store_rollback (store);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (existing != NULL)
    {
      cr_store_rollback (store);
      return TRUE;
    }

  loader.store = store;
  loader.now = cr_time_now_utc ();
  loader.partners = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  loader.file_partners = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  loader.features = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  ok = load_all (&loader, root, event, geojson, error);
  g_date_time_unref (loader.now);
  g_hash_table_unref (loader.partners);
  g_hash_table_unref (loader.file_partners);
  g_hash_table_unref (loader.features);

  if (!ok)
    {
      cr_store_rollback (store);
      return FALSE;
    }
  /* A failed outermost commit has already rolled back. */
  if (!cr_store_commit (store, error))
    return FALSE;
  if (loaded != NULL)
    *loaded = TRUE;
  return TRUE;
}

/**
 * cr_demo_load:
 * @loaded: (out) (optional): %FALSE when the demo was there already
 *
 * Adds the demo event, with its partners, contacts, roles and checklist
 * template, unless it is there already.
 *
 * Returns: %FALSE with @error set on failure; the database is then as it
 *   was
 */
gboolean
cr_demo_load (CrStore  *store,
              gboolean *loaded,
              GError  **error)
{
  g_autoptr(GBytes) demo_json = NULL;
  g_autoptr(GBytes) geojson = NULL;

  g_return_val_if_fail (CR_IS_STORE (store), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (loaded != NULL)
    *loaded = FALSE;
  if (cr_demo_is_loaded (store))
    return TRUE;
  demo_json = lookup_demo_file (DEMO_JSON, error);
  if (demo_json == NULL)
    return FALSE;
  geojson = lookup_demo_file (DEMO_GEOJSON, error);
  if (geojson == NULL)
    return FALSE;
  return cr_demo_load_from_bytes (store, demo_json, geojson, loaded, error);
}
