/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cr-contact-import"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "cr-contact-import.h"
#include "cr-email.h"
#include "cr-enum-types.h"
#include "cr-input.h"
#include "cr-labels.h"
#include "cr-phone.h"
#include "cr-search.h"
#include "cr-store-contacts.h"
#include "cr-time.h"
#include "cr-vcard.h"

/**
 * CrContactImport:
 *
 * One import of contacts, from the file read to the rows written: see
 * cr-contact-import.h for the steps. A vCard file is turned into a table
 * with the canonical header, so both formats share the preview, the
 * analysis and the import.
 */
struct _CrContactImport
{
  GObject parent_instance;

  gboolean vcard;
  CrCsvTable *table; /* row 0 is the header */
  GArray *mapping;   /* CrContactColumn, one per column */
  char *default_partner;

  gboolean analysed;
  GArray *rows;       /* ImportRow */
  GArray *problems;   /* CrImportProblem */
  GArray *warnings;   /* CrImportProblem */
  GArray *duplicates; /* CrImportDuplicate */
  GPtrArray *new_partners;
};

typedef struct
{
  guint row;
  guint line;
  char *values[CR_N_CONTACT_COLUMNS];
  CrPartnerType partner_type;
  gboolean has_availability;
  CrAvailability availability;
  GDateTime *verified_at;
  int rank;       /* -1: not in the chain */
  int duplicate;  /* index in duplicates, or -1 */
} ImportRow;

G_DEFINE_FINAL_TYPE (CrContactImport, cr_contact_import, G_TYPE_OBJECT)

G_DEFINE_QUARK (cr-import-error-quark, cr_import_error)

/* The canonical header (what the exports write; not translated, so a file
 * exported in one language imports in any other), the label of the
 * mapping choice, and header words seen in spreadsheets, folded. */
static const struct
{
  const char *header;
  const char *label;
  const char *synonyms;
} columns[CR_N_CONTACT_COLUMNS] = {
  [CR_CONTACT_COLUMN_IGNORE] = { "", N_("Do not import"), "" },
  [CR_CONTACT_COLUMN_PARTNER] = { "Organisation", N_("Organisation"),
    "organisation|organization|organisatie|partner|partenaire|org|organisme|institution|"
    "instelling|service|dienst|entreprise|company|bedrijf|ou|organisation partenaire" },
  [CR_CONTACT_COLUMN_PARTNER_TYPE] = { "Organisation type", N_("Organisation type"),
    "organisation type|organization type|partner type|type|type de partenaire|"
    "type d organisation|type organisation|soort|soort organisatie|type partner" },
  [CR_CONTACT_COLUMN_NAME] = { "Name", N_("Name"),
    "name|nom|naam|full name|nom complet|volledige naam|contact|display name|fn|"
    "nom et prenom|naam en voornaam|contactpersoon|personne de contact|contact person" },
  [CR_CONTACT_COLUMN_GIVEN_NAME] = { "First name", N_("First name"),
    "first name|given name|firstname|prenom|voornaam" },
  [CR_CONTACT_COLUMN_FAMILY_NAME] = { "Last name", N_("Last name"),
    "last name|family name|lastname|surname|nom de famille|achternaam|familienaam" },
  [CR_CONTACT_COLUMN_FUNCTION] = { "Function", N_("Function"),
    "function|fonction|functie|title|titre|job title|role|poste|position" },
  [CR_CONTACT_COLUMN_PHONE_MOBILE] = { "Mobile", N_("Mobile"),
    "mobile|gsm|portable|mobile phone|cell|cellphone|cell phone|mobiel|mobiele telefoon|"
    "telephone mobile|gsm nummer|numero gsm|numero de gsm|phone mobile" },
  [CR_CONTACT_COLUMN_PHONE_OFFICE] = { "Office phone", N_("Office phone"),
    "office phone|office|phone|telephone|tel|telefoon|bureau|telephone bureau|"
    "telephone fixe|vaste lijn|fixe|work phone|phone office|telefoon kantoor|werk" },
  [CR_CONTACT_COLUMN_PHONE_24_7] = { "24/7 phone", N_("24/7 phone"),
    "24 7 phone|24 7|24h|24 24|permanence|phone 24 7|numero 24 7|24 7 nummer|wachtdienst|"
    "permanentie|24 uur|telephone 24 7|telefoon 24 7|tel 24 7|numero de permanence" },
  [CR_CONTACT_COLUMN_EMAIL] = { "E-mail", N_("E-mail"),
    "e mail|email|mail|courriel|adresse e mail|adresse email|e mailadres|emailadres|"
    "email address|e mail address" },
  [CR_CONTACT_COLUMN_LANGUAGE] = { "Language", N_("Language"), "language|langue|taal|lang" },
  [CR_CONTACT_COLUMN_AVAILABILITY] = { "Availability", N_("Availability"),
    "availability|disponibilite|beschikbaarheid|bereikbaarheid" },
  [CR_CONTACT_COLUMN_VERIFIED_AT] = { "Last verified", N_("Last verified"),
    "last verified|verified|verified at|verifie le|date de verification|derniere verification|"
    "geverifieerd op|laatst geverifieerd|verificatiedatum" },
  [CR_CONTACT_COLUMN_VERIFIED_BY] = { "Verified by", N_("Verified by"),
    "verified by|verifie par|geverifieerd door" },
  [CR_CONTACT_COLUMN_NOTES] = { "Notes", N_("Notes"),
    "notes|note|remarques|remarque|opmerkingen|opmerking|commentaire|commentaires|comments|"
    "comment|remarks" },
  [CR_CONTACT_COLUMN_SPOC_RANK] = { "SPOC rank", N_("SPOC rank"),
    "spoc rank|spoc|rank|rang|rang spoc|spoc rang|spoc order|ordre spoc|volgorde" },
};

static void
problem_clear (gpointer data)
{
  CrImportProblem *problem = data;

  g_free (problem->message);
}

static void
duplicate_clear (gpointer data)
{
  CrImportDuplicate *duplicate = data;

  g_free (duplicate->name);
  g_free (duplicate->contact_name);
  g_free (duplicate->partner_name);
  g_free (duplicate->value);
}

static void
row_clear (gpointer data)
{
  ImportRow *row = data;

  for (guint i = 0; i < CR_N_CONTACT_COLUMNS; i++)
    g_free (row->values[i]);
  g_clear_pointer (&row->verified_at, g_date_time_unref);
}

static void
clear_analysis (CrContactImport *self)
{
  self->analysed = FALSE;
  g_array_set_size (self->rows, 0);
  g_array_set_size (self->problems, 0);
  g_array_set_size (self->warnings, 0);
  g_array_set_size (self->duplicates, 0);
  g_ptr_array_set_size (self->new_partners, 0);
}

static void
cr_contact_import_finalize (GObject *object)
{
  CrContactImport *self = CR_CONTACT_IMPORT (object);

  g_clear_pointer (&self->table, cr_csv_table_free);
  g_clear_pointer (&self->mapping, g_array_unref);
  g_clear_pointer (&self->rows, g_array_unref);
  g_clear_pointer (&self->problems, g_array_unref);
  g_clear_pointer (&self->warnings, g_array_unref);
  g_clear_pointer (&self->duplicates, g_array_unref);
  g_clear_pointer (&self->new_partners, g_ptr_array_unref);
  g_free (self->default_partner);

  G_OBJECT_CLASS (cr_contact_import_parent_class)->finalize (object);
}

static void
cr_contact_import_class_init (CrContactImportClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cr_contact_import_finalize;
}

static void
cr_contact_import_init (CrContactImport *self)
{
  self->mapping = g_array_new (FALSE, TRUE, sizeof (CrContactColumn));
  self->rows = g_array_new (FALSE, TRUE, sizeof (ImportRow));
  g_array_set_clear_func (self->rows, row_clear);
  self->problems = g_array_new (FALSE, TRUE, sizeof (CrImportProblem));
  g_array_set_clear_func (self->problems, problem_clear);
  self->warnings = g_array_new (FALSE, TRUE, sizeof (CrImportProblem));
  g_array_set_clear_func (self->warnings, problem_clear);
  self->duplicates = g_array_new (FALSE, TRUE, sizeof (CrImportDuplicate));
  g_array_set_clear_func (self->duplicates, duplicate_clear);
  self->new_partners = g_ptr_array_new_null_terminated (0, g_free, TRUE);
}

/* ---- Columns ---- */

const char *
cr_contact_column_label (CrContactColumn column)
{
  g_return_val_if_fail ((guint) column < CR_N_CONTACT_COLUMNS, "");

  return _(columns[column].label);
}

/* The header the exports write for @column. */
const char *
cr_contact_column_header (CrContactColumn column)
{
  g_return_val_if_fail ((guint) column < CR_N_CONTACT_COLUMNS, "");

  return columns[column].header;
}

/**
 * cr_contact_column_from_header:
 *
 * Returns: the column a header names (in English, French or Dutch, as
 *   the exports or a spreadsheet write it), or
 *   %CR_CONTACT_COLUMN_IGNORE when it names none
 */
CrContactColumn
cr_contact_column_from_header (const char *header)
{
  g_autofree char *folded = cr_search_fold (header);

  if (*folded == '\0')
    return CR_CONTACT_COLUMN_IGNORE;
  for (guint c = 1; c < CR_N_CONTACT_COLUMNS; c++)
    {
      g_auto(GStrv) synonyms = g_strsplit (columns[c].synonyms, "|", -1);
      g_autofree char *label = cr_search_fold (_(columns[c].label));

      if (g_strv_contains ((const char *const *) synonyms, folded) || g_str_equal (label, folded))
        return c;
    }
  return CR_CONTACT_COLUMN_IGNORE;
}

static void
propose_mapping (CrContactImport *self)
{
  CrCsvRow *header = g_ptr_array_index (self->table->rows, 0);
  gboolean taken[CR_N_CONTACT_COLUMNS] = { FALSE };

  g_array_set_size (self->mapping, header->n_fields);
  for (guint i = 0; i < header->n_fields; i++)
    {
      CrContactColumn c = cr_contact_column_from_header (header->fields[i]);

      /* The first column of a kind wins; a second "Phone" is left to the
       * user. */
      if (c != CR_CONTACT_COLUMN_IGNORE && taken[c])
        c = CR_CONTACT_COLUMN_IGNORE;
      taken[c] = TRUE;
      g_array_index (self->mapping, CrContactColumn, i) = c;
    }
  /* "Nom" next to "Prénom" is the family name, not the full name. */
  if (taken[CR_CONTACT_COLUMN_GIVEN_NAME] && taken[CR_CONTACT_COLUMN_NAME] &&
      !taken[CR_CONTACT_COLUMN_FAMILY_NAME])
    for (guint i = 0; i < header->n_fields; i++)
      {
        g_autofree char *folded = cr_search_fold (header->fields[i]);

        if (g_array_index (self->mapping, CrContactColumn, i) == CR_CONTACT_COLUMN_NAME &&
            (g_str_equal (folded, "nom") || g_str_equal (folded, "naam") || g_str_equal (folded, "name")))
          g_array_index (self->mapping, CrContactColumn, i) = CR_CONTACT_COLUMN_FAMILY_NAME;
      }
}

/* ---- Reading ---- */

/**
 * cr_contact_import_new_csv:
 *
 * Reads a CSV file's text (UTF-8, with or without BOM; the separator is
 * detected) and proposes a mapping from its header line.
 *
 * Returns: (transfer full): the import, or %NULL with a #CR_CSV_ERROR
 */
CrContactImport *
cr_contact_import_new_csv (const char *data,
                           gsize       len,
                           GError    **error)
{
  g_autoptr(CrContactImport) self = NULL;
  g_autoptr(CrCsvTable) table = cr_csv_parse (data, len, 0, error);

  if (table == NULL)
    return NULL;
  self = g_object_new (CR_TYPE_CONTACT_IMPORT, NULL);
  self->table = g_steal_pointer (&table);
  propose_mapping (self);
  return g_steal_pointer (&self);
}

/* "tel:+32-470-12-34-56;ext=2" as the number typed: "+32 470 12 34 56". */
static char *
tel_value (const CrVcardProperty *property)
{
  const char *value = property->value;
  g_autofree char *number = NULL;

  if (g_ascii_strncasecmp (value, "tel:", 4) != 0)
    return cr_vcard_unescape (value);
  number = g_strndup (value + 4, strcspn (value + 4, ";"));
  g_strdelimit (number, "-.", ' ');
  return g_strdup (number);
}

/* REV, a vCard timestamp ("20240926T080000Z"), in storage form. */
static char *
rev_value (const char *value)
{
  int y, mo, d, h = 0, mi = 0, s = 0;
  g_autoptr(GDateTime) dt = NULL;

  if (sscanf (value, "%4d%2d%2dT%2d%2d%2dZ", &y, &mo, &d, &h, &mi, &s) >= 3)
    {
      g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();

      dt = g_date_time_new (utc, y, mo, d, h, mi, s);
    }
  if (dt == NULL)
    dt = cr_time_parse (value);
  return cr_time_to_storage (dt);
}

static void
put (char      **values,
     CrContactColumn column,
     char       *value)
{
  if (values[column] == NULL)
    values[column] = value;
  else
    g_free (value);
}

static void
card_to_values (const CrVcard *card,
                char         **values)
{
  const CrVcardProperty *prodid = cr_vcard_get (card, "PRODID");
  gboolean ours = prodid != NULL && strstr (prodid->value, "Crisis Room") != NULL;

  for (guint i = 0; i < card->properties->len; i++)
    {
      const CrVcardProperty *p = g_ptr_array_index (card->properties, i);

      if (g_str_equal (p->name, "FN"))
        put (values, CR_CONTACT_COLUMN_NAME, cr_vcard_unescape (p->value));
      else if (g_str_equal (p->name, "N"))
        {
          g_auto(GStrv) parts = cr_vcard_split (p->value, ';');

          if (parts[0] != NULL)
            put (values, CR_CONTACT_COLUMN_FAMILY_NAME, g_strdup (parts[0]));
          if (parts[0] != NULL && parts[1] != NULL)
            put (values, CR_CONTACT_COLUMN_GIVEN_NAME, g_strdup (parts[1]));
        }
      else if (g_str_equal (p->name, "ORG"))
        {
          g_auto(GStrv) parts = cr_vcard_split (p->value, ';');

          put (values, CR_CONTACT_COLUMN_PARTNER, g_strdup (parts[0]));
        }
      else if (g_str_equal (p->name, "TITLE"))
        put (values, CR_CONTACT_COLUMN_FUNCTION, cr_vcard_unescape (p->value));
      else if (g_str_equal (p->name, "TEL"))
        {
          static const CrContactColumn order[] = {
            CR_CONTACT_COLUMN_PHONE_OFFICE, CR_CONTACT_COLUMN_PHONE_MOBILE, CR_CONTACT_COLUMN_PHONE_24_7,
          };
          CrContactColumn slot = CR_CONTACT_COLUMN_PHONE_OFFICE;

          if (cr_vcard_property_has_type (p, "x-24-7"))
            slot = CR_CONTACT_COLUMN_PHONE_24_7;
          else if (cr_vcard_property_has_type (p, "cell"))
            slot = CR_CONTACT_COLUMN_PHONE_MOBILE;
          for (guint k = 0; values[slot] != NULL && k < G_N_ELEMENTS (order); k++)
            slot = order[k];
          if (values[slot] == NULL)
            values[slot] = tel_value (p);
        }
      else if (g_str_equal (p->name, "EMAIL"))
        put (values, CR_CONTACT_COLUMN_EMAIL, cr_vcard_unescape (p->value));
      else if (g_str_equal (p->name, "LANG"))
        put (values, CR_CONTACT_COLUMN_LANGUAGE, cr_vcard_unescape (p->value));
      else if (g_str_equal (p->name, "NOTE"))
        put (values, CR_CONTACT_COLUMN_NOTES, cr_vcard_unescape (p->value));
      else if (g_str_equal (p->name, "REV") && ours)
        put (values, CR_CONTACT_COLUMN_VERIFIED_AT, rev_value (p->value));
      else if (g_str_equal (p->name, "X-CRISISROOM-ORG-TYPE"))
        put (values, CR_CONTACT_COLUMN_PARTNER_TYPE, cr_vcard_unescape (p->value));
      else if (g_str_equal (p->name, "X-CRISISROOM-AVAILABILITY"))
        put (values, CR_CONTACT_COLUMN_AVAILABILITY, cr_vcard_unescape (p->value));
      else if (g_str_equal (p->name, "X-CRISISROOM-VERIFIED-BY"))
        put (values, CR_CONTACT_COLUMN_VERIFIED_BY, cr_vcard_unescape (p->value));
      else if (g_str_equal (p->name, "X-CRISISROOM-SPOC-RANK"))
        put (values, CR_CONTACT_COLUMN_SPOC_RANK, cr_vcard_unescape (p->value));
    }
  /* FN is the name; N only fills in for a card without one. */
  if (values[CR_CONTACT_COLUMN_NAME] != NULL && *values[CR_CONTACT_COLUMN_NAME] != '\0')
    {
      g_clear_pointer (&values[CR_CONTACT_COLUMN_GIVEN_NAME], g_free);
      g_clear_pointer (&values[CR_CONTACT_COLUMN_FAMILY_NAME], g_free);
    }
}

/**
 * cr_contact_import_new_vcard:
 *
 * Reads a vCard file (4.0, or 3.0): each card is a row with the
 * canonical columns, mapped as they are.
 *
 * Returns: (transfer full): the import, or %NULL with a #CR_VCARD_ERROR
 */
CrContactImport *
cr_contact_import_new_vcard (const char *data,
                             gsize       len,
                             GError    **error)
{
  g_autoptr(CrContactImport) self = NULL;
  g_autoptr(GPtrArray) cards = cr_vcard_parse (data, len, error);
  const char *header[CR_N_CONTACT_COLUMNS];

  if (cards == NULL)
    return NULL;
  self = g_object_new (CR_TYPE_CONTACT_IMPORT, NULL);
  self->vcard = TRUE;
  self->table = cr_csv_table_new (',');
  for (guint c = 1; c < CR_N_CONTACT_COLUMNS; c++)
    header[c - 1] = columns[c].header;
  cr_csv_table_add_row (self->table, 0, header, CR_N_CONTACT_COLUMNS - 1);
  for (guint i = 0; i < cards->len; i++)
    {
      const CrVcard *card = g_ptr_array_index (cards, i);
      char *values[CR_N_CONTACT_COLUMNS] = { NULL };

      card_to_values (card, values);
      cr_csv_table_add_row (self->table, card->line, (const char *const *) values + 1,
                            CR_N_CONTACT_COLUMNS - 1);
      for (guint c = 0; c < CR_N_CONTACT_COLUMNS; c++)
        g_free (values[c]);
    }
  g_array_set_size (self->mapping, CR_N_CONTACT_COLUMNS - 1);
  for (guint c = 1; c < CR_N_CONTACT_COLUMNS; c++)
    g_array_index (self->mapping, CrContactColumn, c - 1) = c;
  return g_steal_pointer (&self);
}

static gboolean
looks_like_vcard (const char *data,
                  gsize       len)
{
  gsize i = len >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;

  while (i < len && g_ascii_isspace (data[i]))
    i++;
  return len - i >= 11 && g_ascii_strncasecmp (data + i, "BEGIN:VCARD", 11) == 0;
}

/**
 * cr_contact_import_new_for_file:
 *
 * Reads a CSV or vCard file, told apart by its content.
 *
 * Returns: (transfer full): the import, or %NULL with an error
 */
CrContactImport *
cr_contact_import_new_for_file (const char *path,
                                GError    **error)
{
  g_autofree char *data = NULL;
  gsize len;

  g_return_val_if_fail (path != NULL, NULL);

  data = cr_input_read_file (path, &len, error);
  if (data == NULL)
    return NULL;
  if (looks_like_vcard (data, len))
    return cr_contact_import_new_vcard (data, len, error);
  return cr_contact_import_new_csv (data, len, error);
}

/* ---- Preview ---- */

char
cr_contact_import_get_delimiter (CrContactImport *self)
{
  g_return_val_if_fail (CR_IS_CONTACT_IMPORT (self), ',');

  return self->table->delimiter;
}

gboolean
cr_contact_import_get_had_bom (CrContactImport *self)
{
  g_return_val_if_fail (CR_IS_CONTACT_IMPORT (self), FALSE);

  return self->table->had_bom;
}

gboolean
cr_contact_import_is_vcard (CrContactImport *self)
{
  g_return_val_if_fail (CR_IS_CONTACT_IMPORT (self), FALSE);

  return self->vcard;
}

guint
cr_contact_import_get_n_columns (CrContactImport *self)
{
  g_return_val_if_fail (CR_IS_CONTACT_IMPORT (self), 0);

  return self->mapping->len;
}

/**
 * cr_contact_import_get_headers:
 *
 * Returns: (transfer none) (array zero-terminated=1): the header line
 */
const char *const *
cr_contact_import_get_headers (CrContactImport *self)
{
  CrCsvRow *header;

  g_return_val_if_fail (CR_IS_CONTACT_IMPORT (self), NULL);

  header = g_ptr_array_index (self->table->rows, 0);
  return (const char *const *) header->fields;
}

/* The rows after the header. */
guint
cr_contact_import_get_n_rows (CrContactImport *self)
{
  g_return_val_if_fail (CR_IS_CONTACT_IMPORT (self), 0);

  return self->table->rows->len - 1;
}

/**
 * cr_contact_import_get_row:
 * @row: 0 for the first row after the header
 * @line: (out) (optional): its line in the file
 *
 * Returns: (transfer none) (array zero-terminated=1): the row's fields as
 *   read, for the preview; a row may have fewer or more fields than the
 *   header
 */
const char *const *
cr_contact_import_get_row (CrContactImport *self,
                           guint            row,
                           guint           *line)
{
  CrCsvRow *r;

  g_return_val_if_fail (CR_IS_CONTACT_IMPORT (self), NULL);
  g_return_val_if_fail (row + 1 < self->table->rows->len, NULL);

  r = g_ptr_array_index (self->table->rows, row + 1);
  if (line != NULL)
    *line = r->line;
  return (const char *const *) r->fields;
}

/**
 * cr_contact_import_get_mapping:
 * @n_columns: (out): the number of columns
 *
 * Returns: (transfer none) (array length=n_columns): what each column
 *   of the file holds
 */
const CrContactColumn *
cr_contact_import_get_mapping (CrContactImport *self,
                               guint           *n_columns)
{
  g_return_val_if_fail (CR_IS_CONTACT_IMPORT (self), NULL);

  *n_columns = self->mapping->len;
  return (const CrContactColumn *) self->mapping->data;
}

/**
 * cr_contact_import_set_mapping:
 * @mapping: (array length=n_columns): one entry per column of the file
 *
 * Replaces the mapping; the analysis must then be run again.
 */
void
cr_contact_import_set_mapping (CrContactImport       *self,
                               const CrContactColumn *mapping,
                               guint                  n_columns)
{
  g_return_if_fail (CR_IS_CONTACT_IMPORT (self));
  g_return_if_fail (n_columns == self->mapping->len);

  for (guint i = 0; i < n_columns; i++)
    g_return_if_fail ((guint) mapping[i] < CR_N_CONTACT_COLUMNS);
  memcpy (self->mapping->data, mapping, n_columns * sizeof (CrContactColumn));
  clear_analysis (self);
}

/**
 * cr_contact_import_set_default_partner:
 * @partner_name: (nullable): the partner of the rows that name none
 *
 * For a file without an organisation column: one partner's own list.
 */
void
cr_contact_import_set_default_partner (CrContactImport *self,
                                       const char      *partner_name)
{
  g_return_if_fail (CR_IS_CONTACT_IMPORT (self));

  g_free (self->default_partner);
  self->default_partner = partner_name != NULL && *partner_name != '\0' ? g_strdup (partner_name) : NULL;
  clear_analysis (self);
}

/* ---- Analysis ---- */

static void
add_message (GArray     *array,
             guint       line,
             char       *message)
{
  CrImportProblem problem = { line, message };

  g_array_append_val (array, problem);
}

/* A cell as it is kept: composed Unicode, trimmed, unguarded; NULL when
 * empty. */
static char *
clean_value (const char *field,
             gboolean    single_line)
{
  g_autofree char *unguarded = cr_csv_unguard (field);
  g_autofree char *composed = NULL;
  char *trimmed;

  if (unguarded == NULL)
    return NULL;
  composed = g_utf8_normalize (unguarded, -1, G_NORMALIZE_DEFAULT_COMPOSE);
  if (composed == NULL)
    return NULL;
  if (single_line)
    g_strdelimit (composed, "\r\n\t", ' ');
  trimmed = g_strstrip (g_steal_pointer (&composed));
  if (*trimmed == '\0')
    {
      g_free (trimmed);
      return NULL;
    }
  return trimmed;
}

static gboolean
parse_partner_type (const char    *text,
                    CrPartnerType *type)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (CR_TYPE_PARTNER_TYPE);
  g_autofree char *folded = cr_search_fold (text);

  for (guint i = 0; i < klass->n_values; i++)
    {
      g_autofree char *nick = cr_search_fold (klass->values[i].value_nick);
      g_autofree char *label = cr_search_fold (cr_partner_type_label (klass->values[i].value));

      if (g_str_equal (folded, nick) || g_str_equal (folded, label))
        {
          *type = klass->values[i].value;
          return TRUE;
        }
    }
  return FALSE;
}

static gboolean
parse_availability (const char     *text,
                    CrAvailability *availability)
{
  static const char *const always[] = {
    "24 7", "247", "24h", "24 24", "24 7 24", "always", "toujours", "altijd", "permanent", NULL,
  };
  static const char *const office[] = {
    "office hours", "office", "bureau", "heures de bureau", "kantooruren", "kantoor",
    "werkuren", "working hours", NULL,
  };
  g_autofree char *folded = cr_search_fold (text);
  g_autofree char *always_label = cr_search_fold (cr_availability_label (CR_AVAILABILITY_ALWAYS));
  g_autofree char *office_label = cr_search_fold (cr_availability_label (CR_AVAILABILITY_OFFICE_HOURS));

  if (g_strv_contains (always, folded) || g_str_equal (folded, always_label))
    *availability = CR_AVAILABILITY_ALWAYS;
  else if (g_strv_contains (office, folded) || g_str_equal (folded, office_label))
    *availability = CR_AVAILABILITY_OFFICE_HOURS;
  else
    return FALSE;
  return TRUE;
}

/* A language as a lower-case tag: "FR", "Français", "Nederlands" give
 * "fr", "nl"; a tag as written stays ("de", "en-gb"). */
static char *
parse_language (const char *text)
{
  static const struct
  {
    const char *tag;
    const char *names;
  } known[] = {
    { "fr", "|fr|francais|french|frans|" },
    { "nl", "|nl|nederlands|dutch|neerlandais|vlaams|flamand|" },
    { "en", "|en|english|anglais|engels|" },
    { "de", "|de|deutsch|german|allemand|duits|" },
  };
  g_autofree char *folded = cr_search_fold (text);
  g_autofree char *key = g_strdup_printf ("|%s|", folded);
  g_autofree char *lower = g_ascii_strdown (text, -1);

  for (guint i = 0; i < G_N_ELEMENTS (known); i++)
    if (strstr (known[i].names, key) != NULL)
      return g_strdup (known[i].tag);
  if (g_regex_match_simple ("^[a-z]{2,3}(-[a-z0-9]{2,8})?$", lower, 0, 0))
    return g_steal_pointer (&lower);
  return NULL;
}

static gboolean
parse_rank (const char *text,
            int        *rank)
{
  g_autofree char *folded = cr_search_fold (text);
  guint64 value;

  if (g_str_equal (folded, "spoc"))
    {
      *rank = 0;
      return TRUE;
    }
  if (!g_ascii_string_to_unsigned (folded, 10, 0, 99, &value, NULL))
    return FALSE;
  *rank = (int) value;
  return TRUE;
}

typedef struct
{
  GHashTable *partners;   /* casefolded name -> CrPartner */
  GHashTable *emails;     /* normalised e-mail -> CrContact */
  GHashTable *phones;     /* E.164 -> CrContact (the first) */
  GHashTable *file_emails; /* normalised e-mail -> line */
} Index;

static void
index_clear (Index *index)
{
  g_clear_pointer (&index->partners, g_hash_table_unref);
  g_clear_pointer (&index->emails, g_hash_table_unref);
  g_clear_pointer (&index->phones, g_hash_table_unref);
  g_clear_pointer (&index->file_emails, g_hash_table_unref);
}

static gboolean
index_store (Index   *index,
             CrStore *store,
             GError **error)
{
  g_autoptr(GListModel) partners = cr_store_list (store, CR_TYPE_PARTNER, NULL, 0, error);
  g_autoptr(GListModel) contacts = NULL;

  if (partners == NULL)
    return FALSE;
  contacts = cr_store_list (store, CR_TYPE_CONTACT, NULL, 0, error);
  if (contacts == NULL)
    return FALSE;

  index->partners = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  index->emails = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  index->phones = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  index->file_emails = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < g_list_model_get_n_items (partners); i++)
    {
      CrPartner *partner = g_list_model_get_item (partners, i);

      g_hash_table_replace (index->partners, g_utf8_casefold (cr_partner_get_name (partner), -1), partner);
    }
  for (guint i = 0; i < g_list_model_get_n_items (contacts); i++)
    {
      g_autoptr(CrContact) contact = g_list_model_get_item (contacts, i);
      char *email = cr_email_normalize (cr_contact_get_email (contact));

      if (email != NULL && !g_hash_table_contains (index->emails, email))
        g_hash_table_insert (index->emails, email, g_object_ref (contact));
      else
        g_free (email);
      for (CrPhoneField f = 0; f < CR_N_PHONE_FIELDS; f++)
        {
          char *e164 = cr_phone_to_e164 (cr_phone_field_get (contact, f), NULL);

          if (e164 != NULL && !g_hash_table_contains (index->phones, e164))
            g_hash_table_insert (index->phones, e164, g_object_ref (contact));
          else
            g_free (e164);
        }
    }
  return TRUE;
}

static const char *
partner_name_of (Index     *index,
                 CrContact *contact)
{
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, index->partners);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    if (cr_record_get_id (value) == cr_contact_get_partner_id (contact))
      return cr_partner_get_name (value);
  return NULL;
}

static void
find_duplicate (CrContactImport *self,
                Index           *index,
                ImportRow       *row)
{
  const char *email = row->values[CR_CONTACT_COLUMN_EMAIL];
  g_autofree char *key = cr_email_normalize (email);
  CrContact *existing = NULL;
  CrImportDuplicate duplicate = { 0 };
  g_autofree char *shared = NULL;

  if (key != NULL && (existing = g_hash_table_lookup (index->emails, key)) != NULL)
    {
      duplicate.reason = CR_DUPLICATE_SAME_EMAIL;
      shared = g_strdup (email);
    }
  for (guint c = CR_CONTACT_COLUMN_PHONE_MOBILE; existing == NULL && c <= CR_CONTACT_COLUMN_PHONE_24_7; c++)
    {
      g_autofree char *e164 = cr_phone_to_e164 (row->values[c], NULL);

      if (e164 != NULL && (existing = g_hash_table_lookup (index->phones, e164)) != NULL)
        {
          duplicate.reason = CR_DUPLICATE_SAME_PHONE;
          shared = g_steal_pointer (&e164);
        }
    }
  if (existing == NULL)
    return;

  duplicate.row = row->row;
  duplicate.line = row->line;
  duplicate.name = g_strdup (row->values[CR_CONTACT_COLUMN_NAME]);
  duplicate.contact_id = cr_record_get_id (CR_RECORD (existing));
  duplicate.contact_name = g_strdup (cr_contact_get_name (existing));
  duplicate.partner_name = g_strdup (partner_name_of (index, existing));
  duplicate.value = g_steal_pointer (&shared);
  /* One person, surely, when the e-mail is the same, or the number and
   * the name; a shared number alone is more often a desk's. */
  if (duplicate.reason == CR_DUPLICATE_SAME_EMAIL)
    duplicate.action = CR_DUPLICATE_ACTION_MERGE;
  else
    {
      g_autofree char *a = cr_search_fold (duplicate.name);
      g_autofree char *b = cr_search_fold (duplicate.contact_name);

      duplicate.action = g_str_equal (a, b) ? CR_DUPLICATE_ACTION_MERGE : CR_DUPLICATE_ACTION_ADD;
    }
  row->duplicate = (int) self->duplicates->len;
  g_array_append_val (self->duplicates, duplicate);
}

/* Reads one data row through the mapping; FALSE when it is blank. */
static gboolean
read_row (CrContactImport *self,
          guint            r,
          ImportRow       *row)
{
  CrCsvRow *raw = g_ptr_array_index (self->table->rows, r + 1);
  gboolean any = FALSE;

  row->row = r;
  row->line = raw->line;
  row->rank = -1;
  row->duplicate = -1;
  for (guint i = 0; i < raw->n_fields && i < self->mapping->len; i++)
    {
      CrContactColumn c = g_array_index (self->mapping, CrContactColumn, i);
      char *value;

      if (c == CR_CONTACT_COLUMN_IGNORE)
        continue;
      value = clean_value (raw->fields[i], c != CR_CONTACT_COLUMN_NOTES);
      any |= value != NULL;
      put (row->values, c, value);
    }
  if (row->values[CR_CONTACT_COLUMN_NAME] == NULL)
    {
      const char *given = row->values[CR_CONTACT_COLUMN_GIVEN_NAME];
      const char *family = row->values[CR_CONTACT_COLUMN_FAMILY_NAME];

      if (given != NULL || family != NULL)
        row->values[CR_CONTACT_COLUMN_NAME] =
          g_strstrip (g_strjoin (" ", given ? given : "", family ? family : "", NULL));
    }
  if (row->values[CR_CONTACT_COLUMN_PARTNER] == NULL && self->default_partner != NULL && any)
    row->values[CR_CONTACT_COLUMN_PARTNER] = g_strdup (self->default_partner);
  return any;
}

static gboolean
is_blank (const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isspace (*p))
      return FALSE;
  return TRUE;
}

static void
check_row (CrContactImport *self,
           Index           *index,
           ImportRow       *row)
{
  CrCsvRow *raw = g_ptr_array_index (self->table->rows, row->row + 1);
  char **v = row->values;
  guint n_problems = self->problems->len;

  for (guint i = self->mapping->len; i < raw->n_fields; i++)
    if (!is_blank (raw->fields[i]))
      {
        add_message (self->problems, row->line,
                     g_strdup_printf (_("This line has %u fields but the header has %u: check "
                                        "the quotes and separators of the line."),
                                      raw->n_fields, self->mapping->len));
        break;
      }

  if (v[CR_CONTACT_COLUMN_NAME] == NULL)
    add_message (self->problems, row->line,
                 g_strdup (_("No name: fill in the contact’s name, or delete the line.")));
  if (v[CR_CONTACT_COLUMN_PARTNER] == NULL)
    add_message (self->problems, row->line,
                 g_strdup (_("No organisation: fill in the partner the contact belongs to.")));

  row->partner_type = CR_PARTNER_TYPE_OTHER;
  if (v[CR_CONTACT_COLUMN_PARTNER_TYPE] != NULL &&
      !parse_partner_type (v[CR_CONTACT_COLUMN_PARTNER_TYPE], &row->partner_type))
    add_message (self->problems, row->line,
                 g_strdup_printf (_("“%s” is not a kind of organisation: write police-zone, "
                                    "fire-ems, civil-protection, commune, regional-body, "
                                    "federal-service or other."),
                                  v[CR_CONTACT_COLUMN_PARTNER_TYPE]));

  if (v[CR_CONTACT_COLUMN_AVAILABILITY] != NULL)
    {
      row->has_availability = parse_availability (v[CR_CONTACT_COLUMN_AVAILABILITY], &row->availability);
      if (!row->has_availability)
        add_message (self->problems, row->line,
                     g_strdup_printf (_("“%s” is not an availability: write 24/7 or office hours."),
                                      v[CR_CONTACT_COLUMN_AVAILABILITY]));
    }

  if (v[CR_CONTACT_COLUMN_LANGUAGE] != NULL)
    {
      char *tag = parse_language (v[CR_CONTACT_COLUMN_LANGUAGE]);

      if (tag == NULL)
        add_message (self->problems, row->line,
                     g_strdup_printf (_("“%s” is not a language: write fr, nl or en."),
                                      v[CR_CONTACT_COLUMN_LANGUAGE]));
      else
        {
          g_free (v[CR_CONTACT_COLUMN_LANGUAGE]);
          v[CR_CONTACT_COLUMN_LANGUAGE] = tag;
        }
    }

  if (v[CR_CONTACT_COLUMN_VERIFIED_AT] != NULL)
    {
      row->verified_at = cr_time_parse (v[CR_CONTACT_COLUMN_VERIFIED_AT]);
      if (row->verified_at == NULL)
        add_message (self->problems, row->line,
                     g_strdup_printf (_("“%s” is not a date: write it as 2024-09-26 or 26/09/2024."),
                                      v[CR_CONTACT_COLUMN_VERIFIED_AT]));
    }

  if (v[CR_CONTACT_COLUMN_SPOC_RANK] != NULL && !parse_rank (v[CR_CONTACT_COLUMN_SPOC_RANK], &row->rank))
    add_message (self->problems, row->line,
                 g_strdup_printf (_("“%s” is not a SPOC rank: write 0 for the SPOC, 1, 2… for "
                                    "the deputies in order, or leave it empty."),
                                  v[CR_CONTACT_COLUMN_SPOC_RANK]));

  /* Invalid numbers and addresses are imported as typed: the file is
   * often the only copy, and "Needs review" lists them. */
  for (guint c = CR_CONTACT_COLUMN_PHONE_MOBILE; c <= CR_CONTACT_COLUMN_PHONE_24_7; c++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *e164 = NULL;

      if (v[c] == NULL)
        continue;
      e164 = cr_phone_to_e164 (v[c], &error);
      if (e164 == NULL)
        add_message (self->warnings, row->line,
                     /* Translators: a column ("Mobile"), then what is wrong with its number. */
                     g_strdup_printf (_("%s: %s"), cr_contact_column_label (c), error->message));
    }
  if (v[CR_CONTACT_COLUMN_EMAIL] != NULL)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *key = cr_email_normalize (v[CR_CONTACT_COLUMN_EMAIL]);
      gpointer first_line;

      if (!cr_email_check (v[CR_CONTACT_COLUMN_EMAIL], &error))
        add_message (self->warnings, row->line, g_strdup (error->message));
      if (g_hash_table_lookup_extended (index->file_emails, key, NULL, &first_line))
        add_message (self->problems, row->line,
                     g_strdup_printf (_("Same e-mail address as line %u: keep one of the two "
                                        "lines, or correct the address."),
                                      GPOINTER_TO_UINT (first_line)));
      else
        g_hash_table_insert (index->file_emails, g_steal_pointer (&key), GUINT_TO_POINTER (row->line));
    }

  if (self->problems->len == n_problems)
    {
      g_autofree char *partner_key = g_utf8_casefold (v[CR_CONTACT_COLUMN_PARTNER], -1);

      find_duplicate (self, index, row);
      if (!g_hash_table_contains (index->partners, partner_key))
        {
          gboolean listed = FALSE;

          for (guint i = 0; i < self->new_partners->len && !listed; i++)
            {
              g_autofree char *other = g_utf8_casefold (g_ptr_array_index (self->new_partners, i), -1);

              listed = g_str_equal (other, partner_key);
            }
          if (!listed)
            g_ptr_array_add (self->new_partners, g_strdup (v[CR_CONTACT_COLUMN_PARTNER]));
        }
    }
}

/**
 * cr_contact_import_analyse:
 *
 * Checks every row with the current mapping against the store. Bad rows,
 * warnings and duplicates are then in the getters; the import can run
 * only when there are no bad rows.
 *
 * Returns: %FALSE with %CR_IMPORT_ERROR_MAPPING when no column holds the
 *   name or the organisation, or with a store error
 */
gboolean
cr_contact_import_analyse (CrContactImport *self,
                           CrStore         *store,
                           GError         **error)
{
  gboolean has[CR_N_CONTACT_COLUMNS] = { FALSE };
  Index index = { 0 };

  g_return_val_if_fail (CR_IS_CONTACT_IMPORT (self), FALSE);
  g_return_val_if_fail (CR_IS_STORE (store), FALSE);

  clear_analysis (self);
  for (guint i = 0; i < self->mapping->len; i++)
    has[g_array_index (self->mapping, CrContactColumn, i)] = TRUE;
  if (!has[CR_CONTACT_COLUMN_NAME] && !has[CR_CONTACT_COLUMN_GIVEN_NAME] && !has[CR_CONTACT_COLUMN_FAMILY_NAME])
    {
      g_set_error_literal (error, CR_IMPORT_ERROR, CR_IMPORT_ERROR_MAPPING,
                           _("No column holds the contacts’ names: choose it in the preview, "
                             "or name the column “Name” in the file."));
      return FALSE;
    }
  if (!has[CR_CONTACT_COLUMN_PARTNER] && self->default_partner == NULL)
    {
      g_set_error_literal (error, CR_IMPORT_ERROR, CR_IMPORT_ERROR_MAPPING,
                           _("No column holds the organisation: choose it in the preview, name "
                             "the column “Organisation” in the file, or import into one partner."));
      return FALSE;
    }

  if (!index_store (&index, store, error))
    {
      index_clear (&index);
      return FALSE;
    }
  for (guint r = 0; r + 1 < self->table->rows->len; r++)
    {
      ImportRow row = { 0 };

      if (!read_row (self, r, &row))
        {
          row_clear (&row);
          continue;
        }
      g_array_append_val (self->rows, row);
      check_row (self, &index, &g_array_index (self->rows, ImportRow, self->rows->len - 1));
    }
  index_clear (&index);
  self->analysed = TRUE;
  return TRUE;
}

/**
 * cr_contact_import_get_problems:
 *
 * Returns: (transfer none) (element-type CrImportProblem): the rows that
 *   cannot be imported, by line
 */
GArray *
cr_contact_import_get_problems (CrContactImport *self)
{
  g_return_val_if_fail (CR_IS_CONTACT_IMPORT (self), NULL);

  return self->problems;
}

/**
 * cr_contact_import_get_warnings:
 *
 * Returns: (transfer none) (element-type CrImportProblem): invalid
 *   numbers and addresses, imported as written
 */
GArray *
cr_contact_import_get_warnings (CrContactImport *self)
{
  g_return_val_if_fail (CR_IS_CONTACT_IMPORT (self), NULL);

  return self->warnings;
}

/**
 * cr_contact_import_get_duplicates:
 *
 * Returns: (transfer none) (element-type CrImportDuplicate): the rows
 *   that match an existing contact
 */
GArray *
cr_contact_import_get_duplicates (CrContactImport *self)
{
  g_return_val_if_fail (CR_IS_CONTACT_IMPORT (self), NULL);

  return self->duplicates;
}

/**
 * cr_contact_import_get_new_partners:
 *
 * Returns: (transfer none) (array zero-terminated=1): the partners the
 *   import will create, as the file names them
 */
const char *const *
cr_contact_import_get_new_partners (CrContactImport *self)
{
  g_return_val_if_fail (CR_IS_CONTACT_IMPORT (self), NULL);

  return (const char *const *) self->new_partners->pdata;
}

/* The contacts of the file (blank rows left out). */
guint
cr_contact_import_get_n_contacts (CrContactImport *self)
{
  g_return_val_if_fail (CR_IS_CONTACT_IMPORT (self), 0);

  return self->rows->len;
}

void
cr_contact_import_set_duplicate_action (CrContactImport   *self,
                                        guint              index,
                                        CrDuplicateAction  action)
{
  g_return_if_fail (CR_IS_CONTACT_IMPORT (self));
  g_return_if_fail (index < self->duplicates->len);

  g_array_index (self->duplicates, CrImportDuplicate, index).action = action;
}

/* ---- Import ---- */

/* Writes the row's values into @contact: every value the file has; the
 * verification only when it is newer than the one the contact has. */
static void
apply_row (ImportRow *row,
           CrContact *contact)
{
  char **v = row->values;
  GDateTime *verified = cr_contact_get_verified_at (contact);

  cr_contact_set_name (contact, v[CR_CONTACT_COLUMN_NAME]);
  if (v[CR_CONTACT_COLUMN_FUNCTION] != NULL)
    cr_contact_set_function (contact, v[CR_CONTACT_COLUMN_FUNCTION]);
  if (v[CR_CONTACT_COLUMN_PHONE_MOBILE] != NULL)
    cr_contact_set_phone_mobile (contact, v[CR_CONTACT_COLUMN_PHONE_MOBILE]);
  if (v[CR_CONTACT_COLUMN_PHONE_OFFICE] != NULL)
    cr_contact_set_phone_office (contact, v[CR_CONTACT_COLUMN_PHONE_OFFICE]);
  if (v[CR_CONTACT_COLUMN_PHONE_24_7] != NULL)
    cr_contact_set_phone_24_7 (contact, v[CR_CONTACT_COLUMN_PHONE_24_7]);
  if (v[CR_CONTACT_COLUMN_EMAIL] != NULL)
    cr_contact_set_email (contact, v[CR_CONTACT_COLUMN_EMAIL]);
  if (v[CR_CONTACT_COLUMN_LANGUAGE] != NULL)
    cr_contact_set_language (contact, v[CR_CONTACT_COLUMN_LANGUAGE]);
  if (row->has_availability)
    cr_contact_set_availability (contact, row->availability);
  if (v[CR_CONTACT_COLUMN_NOTES] != NULL)
    cr_contact_set_notes (contact, v[CR_CONTACT_COLUMN_NOTES]);
  if (row->verified_at != NULL && (verified == NULL || g_date_time_compare (row->verified_at, verified) > 0))
    {
      cr_contact_set_verified_at (contact, row->verified_at);
      cr_contact_set_verified_by (contact, v[CR_CONTACT_COLUMN_VERIFIED_BY]);
    }
}

typedef struct
{
  int rank;
  guint line;
  gint64 contact_id;
} ChainEntry;

static int
compare_chain_entries (gconstpointer a,
                       gconstpointer b)
{
  const ChainEntry *x = a, *y = b;

  if (x->rank != y->rank)
    return x->rank - y->rank;
  return (int) x->line - (int) y->line;
}

static gint64
ensure_partner (CrStore     *store,
                GHashTable  *partners,
                ImportRow   *row,
                guint       *n_created,
                GError     **error)
{
  const char *name = row->values[CR_CONTACT_COLUMN_PARTNER];
  g_autofree char *key = g_utf8_casefold (name, -1);
  g_autoptr(CrPartner) partner = NULL;
  g_autoptr(GError) local_error = NULL;
  gpointer id;

  if (g_hash_table_lookup_extended (partners, key, NULL, &id))
    return (gint64) GPOINTER_TO_SIZE (id);

  partner = cr_store_find_partner (store, name, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return 0;
    }
  if (partner == NULL)
    {
      partner = cr_partner_new ();
      cr_partner_set_name (partner, name);
      cr_partner_set_partner_type (partner, row->partner_type);
      if (!cr_store_insert (store, CR_RECORD (partner), error))
        return 0;
      (*n_created)++;
    }
  g_hash_table_insert (partners, g_steal_pointer (&key),
                       GSIZE_TO_POINTER ((gsize) cr_record_get_id (CR_RECORD (partner))));
  return cr_record_get_id (CR_RECORD (partner));
}

static gboolean
write_rows (CrContactImport       *self,
            CrStore               *store,
            CrContactImportCounts *counts,
            GError               **error)
{
  g_autoptr(GHashTable) partners = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) chains = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                        (GDestroyNotify) g_array_unref);
  GHashTableIter iter;
  gpointer key, value;

  for (guint i = 0; i < self->rows->len; i++)
    {
      ImportRow *row = &g_array_index (self->rows, ImportRow, i);
      CrDuplicateAction action = CR_DUPLICATE_ACTION_ADD;
      g_autoptr(CrContact) contact = NULL;
      gint64 partner_id;

      partner_id = ensure_partner (store, partners, row, &counts->n_partners_created, error);
      if (partner_id <= 0)
        return FALSE;
      if (row->duplicate >= 0)
        action = g_array_index (self->duplicates, CrImportDuplicate, row->duplicate).action;

      switch (action)
        {
        case CR_DUPLICATE_ACTION_SKIP:
          counts->n_skipped++;
          continue;
        case CR_DUPLICATE_ACTION_MERGE:
          /* The contact stays with its partner: a file does not move
           * people between organisations behind the user's back. */
          contact = cr_store_get (store, CR_TYPE_CONTACT,
                                  g_array_index (self->duplicates, CrImportDuplicate,
                                                 row->duplicate).contact_id, error);
          if (contact == NULL)
            return FALSE;
          apply_row (row, contact);
          if (!cr_store_update (store, CR_RECORD (contact), error))
            return FALSE;
          counts->n_merged++;
          break;
        case CR_DUPLICATE_ACTION_ADD:
        default:
          contact = cr_contact_new ();
          cr_contact_set_partner_id (contact, partner_id);
          apply_row (row, contact);
          if (!cr_store_insert (store, CR_RECORD (contact), error))
            return FALSE;
          counts->n_added++;
          break;
        }

      if (row->rank >= 0 && cr_contact_get_partner_id (contact) == partner_id)
        {
          GArray *chain = g_hash_table_lookup (chains, &partner_id);
          ChainEntry entry = { row->rank, row->line, cr_record_get_id (CR_RECORD (contact)) };

          if (chain == NULL)
            {
              chain = g_array_new (FALSE, FALSE, sizeof (ChainEntry));
              g_hash_table_insert (chains, g_memdup2 (&partner_id, sizeof partner_id), chain);
            }
          g_array_append_val (chain, entry);
        }
    }

  /* A partner whose rows give SPOC ranks gets exactly that chain. */
  g_hash_table_iter_init (&iter, chains);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      GArray *chain = value;
      g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

      g_array_sort (chain, compare_chain_entries);
      for (guint i = 0; i < chain->len; i++)
        {
          gint64 id = g_array_index (chain, ChainEntry, i).contact_id;
          gboolean seen = FALSE;

          for (guint k = 0; k < ids->len && !seen; k++)
            seen = g_array_index (ids, gint64, k) == id;
          if (!seen)
            g_array_append_val (ids, id);
        }
      if (!cr_store_set_spoc_chain (store, *(gint64 *) key, (const gint64 *) ids->data, ids->len, error))
        return FALSE;
    }
  return TRUE;
}

/**
 * cr_contact_import_run:
 * @counts: (out caller-allocates) (optional): what was done
 *
 * Imports the analysed rows in one transaction: creates the partners the
 * file names that do not exist, adds or merges the contacts as decided
 * for the duplicates, and sets the SPOC chains the file gives. Refuses
 * while there are bad rows; on any failure nothing is imported.
 */
gboolean
cr_contact_import_run (CrContactImport       *self,
                       CrStore               *store,
                       CrContactImportCounts *counts,
                       GError               **error)
{
  CrContactImportCounts local = { 0 };

  g_return_val_if_fail (CR_IS_CONTACT_IMPORT (self), FALSE);
  g_return_val_if_fail (CR_IS_STORE (store), FALSE);

  if (!self->analysed && !cr_contact_import_analyse (self, store, error))
    return FALSE;
  if (self->problems->len > 0)
    {
      const CrImportProblem *first = &g_array_index (self->problems, CrImportProblem, 0);

      g_set_error (error, CR_IMPORT_ERROR, CR_IMPORT_ERROR_BAD_ROWS,
                   g_dngettext (GETTEXT_PACKAGE,
                                "%u line cannot be imported (line %u: %s) so nothing was "
                                "imported: correct the file and import it again.",
                                "%u lines cannot be imported (the first, line %u: %s) so nothing "
                                "was imported: correct the file and import it again.",
                                self->problems->len),
                   self->problems->len, first->line, first->message);
      return FALSE;
    }
  if (self->rows->len == 0)
    {
      g_set_error_literal (error, CR_IMPORT_ERROR, CR_IMPORT_ERROR_NOTHING,
                           _("The file holds no contact: check that it has rows under its header."));
      return FALSE;
    }

  if (!cr_store_begin (store, error))
    return FALSE;
  if (!write_rows (self, store, &local, error))
    {
      cr_store_rollback (store);
      return FALSE;
    }
  if (!cr_store_commit (store, error))
    return FALSE;
  if (counts != NULL)
    *counts = local;
  return TRUE;
}
