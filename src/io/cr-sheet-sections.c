/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cr-sheet"

#include "config.h"

#include <cjson/cJSON.h>
#include <glib/gi18n.h>
#include <string.h>

#include "cr-enum-types.h"
#include "cr-labels.h"
#include "cr-sheet-private.h"
#include "cr-time.h"

/* What the sheet says: it reads the event, its roles, partners, contacts,
 * features and waypoints, and writes the title block and the sections
 * as blocks of text and tables, in the sheet's language. */

#define TIME_FORMAT "%d/%m/%Y %H:%M"

#define T(msgid) _cr_sheet_tr (self, msgid)

static void
sheet_row_free (gpointer data)
{
  SheetRow *row = data;

  g_strfreev (row->cells);
  g_free (row->group_label);
  g_free (row);
}

/* @title, then a column title and a weight (a double) for each column:
 * its share of the width, negative for a column that may break inside
 * words (e-mail addresses). */
SheetBlock *
_cr_sheet_table_new (const char *title,
                     guint       n_columns,
                     ...)
{
  SheetBlock *block = _cr_sheet_block_new (SHEET_BLOCK_TABLE, title);
  va_list args;

  block->n_columns = n_columns;
  block->titles = g_new0 (char *, n_columns + 1);
  block->weights = g_new0 (double, n_columns);
  block->rows = g_ptr_array_new_with_free_func (sheet_row_free);
  va_start (args, n_columns);
  for (guint i = 0; i < n_columns; i++)
    {
      block->titles[i] = g_strdup (va_arg (args, const char *));
      block->weights[i] = va_arg (args, double);
    }
  va_end (args);
  return block;
}

/* Takes @cells: an array of at least n_columns markup strings, any of
 * them %NULL for an empty cell. */
SheetRow *
_cr_sheet_table_add_row (SheetBlock  *table,
                         char       **cells)
{
  SheetRow *row = g_new0 (SheetRow, 1);

  row->cells = g_new0 (char *, table->n_columns + 1);
  for (guint i = 0; i < table->n_columns; i++)
    row->cells[i] = cells[i] != NULL ? cells[i] : g_strdup ("");
  g_free (cells);
  g_ptr_array_add (table->rows, row);
  return row;
}

void
_cr_sheet_add_block (CrSheet        *self,
                     SheetBlockType  type,
                     const char     *markup)
{
  g_ptr_array_add (self->blocks, _cr_sheet_block_new (type, markup));
}

char *
_cr_sheet_escape (const char *text)
{
  return g_markup_escape_text (text != NULL ? text : "", -1);
}

/* A number never breaks across lines: a misread digit is a wrong call. */
char *
_cr_sheet_unbreakable (const char *number)
{
  g_autoptr(GString) text = g_string_new (number);

  g_string_replace (text, " ", "\u00a0", 0);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static char *
format_time (GDateTime *time)
{
  return time != NULL ? cr_time_format_local (time, TIME_FORMAT) : g_strdup ("—");
}


static void
data_clear (SheetData *data)
{
  g_clear_pointer (&data->partners, g_hash_table_unref);
  g_clear_pointer (&data->features, g_hash_table_unref);
  g_clear_pointer (&data->kinds, g_hash_table_unref);
  g_clear_pointer (&data->features_sorted, g_ptr_array_unref);
  g_clear_pointer (&data->roles, g_ptr_array_unref);
}

static GHashTable *
index_by_id (GListModel *model)
{
  GHashTable *table = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);

  for (guint i = 0; model != NULL && i < g_list_model_get_n_items (model); i++)
    {
      CrRecord *record = g_list_model_get_item (model, i);
      gint64 *id = g_new (gint64, 1);

      *id = cr_record_get_id (record);
      g_hash_table_insert (table, id, record);
    }
  return table;
}

gpointer
_cr_sheet_lookup (GHashTable *table,
                  gint64      id)
{
  return id != 0 ? g_hash_table_lookup (table, &id) : NULL;
}

static CrFeatureKind *
kind_of (SheetData *data,
         CrFeature *feature)
{
  const char *code = cr_feature_get_kind (feature);

  return code != NULL ? g_hash_table_lookup (data->kinds, code) : NULL;
}

static const char *
kind_label (CrSheet       *self,
            CrFeatureKind *kind,
            const char    *code)
{
  const char *language = cr_catalog_get_language (self->catalog);
  const char *label = NULL;

  if (kind == NULL)
    return code != NULL ? code : "";
  if (g_str_equal (language, "fr"))
    label = cr_feature_kind_get_label_fr (kind);
  else if (g_str_equal (language, "nl"))
    label = cr_feature_kind_get_label_nl (kind);
  if (label == NULL || *label == '\0')
    label = cr_feature_kind_get_label_en (kind);
  return label != NULL ? label : cr_feature_kind_get_code (kind);
}

static int
compare_features (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  SheetData *data = user_data;
  CrFeature *fa = *(CrFeature **) a, *fb = *(CrFeature **) b;
  CrFeatureKind *ka = kind_of (data, fa), *kb = kind_of (data, fb);
  int oa = ka ? cr_feature_kind_get_sort_order (ka) : G_MAXINT;
  int ob = kb ? cr_feature_kind_get_sort_order (kb) : G_MAXINT;
  GDateTime *ta = cr_feature_get_active_from (fa), *tb = cr_feature_get_active_from (fb);

  if (oa != ob)
    return oa < ob ? -1 : 1;
  if (ta != NULL && tb != NULL && g_date_time_compare (ta, tb) != 0)
    return g_date_time_compare (ta, tb);
  if ((ta == NULL) != (tb == NULL))
    return ta == NULL ? -1 : 1;
  return g_utf8_collate (cr_feature_get_name (fa) ? cr_feature_get_name (fa) : "",
                         cr_feature_get_name (fb) ? cr_feature_get_name (fb) : "");
}

const char *
_cr_sheet_partner_name (SheetData *data,
                        gint64     partner_id)
{
  CrPartner *partner = _cr_sheet_lookup (data->partners, partner_id);

  return partner != NULL ? cr_partner_get_name (partner) : "";
}

static int
compare_roles (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  SheetData *data = user_data;
  CrRole *ra = *(CrRole **) a, *rb = *(CrRole **) b;

  if (cr_role_get_discipline (ra) != cr_role_get_discipline (rb))
    return cr_role_get_discipline (ra) < cr_role_get_discipline (rb) ? -1 : 1;
  return g_utf8_collate (_cr_sheet_partner_name (data, cr_role_get_partner_id (ra)),
                         _cr_sheet_partner_name (data, cr_role_get_partner_id (rb)));
}

static gboolean
read_data (CrSheet    *self,
           SheetData  *data,
           GError    **error)
{
  g_autoptr(GListModel) partners = NULL;
  g_autoptr(GListModel) features = NULL;
  g_autoptr(GListModel) kinds = NULL;
  g_autoptr(GListModel) roles = NULL;
  gint64 event_id = self->options.event_id;

  if ((partners = cr_store_list (self->store, CR_TYPE_PARTNER, NULL, 0, error)) == NULL ||
      (features = cr_store_list_features (self->store, event_id, error)) == NULL ||
      (kinds = cr_store_list_feature_kinds (self->store, error)) == NULL ||
      (roles = cr_store_list (self->store, CR_TYPE_ROLE, "event_id", event_id, error)) == NULL)
    return FALSE;

  data->partners = index_by_id (partners);
  data->features = index_by_id (features);
  data->kinds = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_object_unref);
  for (guint i = 0; i < g_list_model_get_n_items (kinds); i++)
    {
      CrFeatureKind *kind = g_list_model_get_item (kinds, i);

      g_hash_table_insert (data->kinds, (gpointer) cr_feature_kind_get_code (kind), kind);
    }
  data->features_sorted = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < g_list_model_get_n_items (features); i++)
    g_ptr_array_add (data->features_sorted, g_list_model_get_item (features, i));
  g_ptr_array_sort_with_data (data->features_sorted, compare_features, data);
  data->roles = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < g_list_model_get_n_items (roles); i++)
    g_ptr_array_add (data->roles, g_list_model_get_item (roles, i));
  g_ptr_array_sort_with_data (data->roles, compare_roles, data);
  return TRUE;
}

static char *
sector_markup (CrSheet   *self,
               SheetData *data,
               gint64     sector_id)
{
  CrFeature *sector = _cr_sheet_lookup (data->features, sector_id);
  g_autofree char *name = NULL;
  g_autofree char *kind = NULL;

  if (sector == NULL)
    return g_strdup ("");
  name = _cr_sheet_escape (cr_feature_get_name (sector));
  kind = _cr_sheet_escape (kind_label (self, kind_of (data, sector), cr_feature_get_kind (sector)));
  return g_strdup_printf ("%s\n<span foreground='#555555'>%s</span>", name, kind);
}

static void
add_roles (CrSheet   *self,
           SheetData *data)
{
  SheetBlock *table;

  _cr_sheet_add_block (self, SHEET_BLOCK_HEADING, T (N_("Roles and responsibilities")));
  if (data->roles->len == 0)
    {
      _cr_sheet_add_block (self, SHEET_BLOCK_NOTE, T (N_("No role has been written for this event yet.")));
      return;
    }
  table = _cr_sheet_table_new (T (N_("Roles and responsibilities")), 5,
                     T (N_("Partner")), 2.1, T (N_("Discipline")), 1.6,
                     T (N_("Responsibility")), 2.9, T (N_("Sector")), 2.0,
                     T (N_("Contact")), 2.0);
  for (guint i = 0; i < data->roles->len; i++)
    {
      CrRole *role = g_ptr_array_index (data->roles, i);
      g_autoptr(CrContact) contact = NULL;
      char **cells = g_new0 (char *, 6);

      if (cr_role_get_contact_id (role) != 0)
        contact = cr_store_get (self->store, CR_TYPE_CONTACT, cr_role_get_contact_id (role), NULL);
      {
        g_autofree char *name = _cr_sheet_escape (_cr_sheet_partner_name (data, cr_role_get_partner_id (role)));

        cells[0] = g_strdup_printf ("<b>%s</b>", name);
      }
      cells[1] = _cr_sheet_escape (T (cr_label_msgid (CR_TYPE_DISCIPLINE, cr_role_get_discipline (role))));
      cells[2] = _cr_sheet_escape (cr_role_get_responsibility (role));
      cells[3] = sector_markup (self, data, cr_role_get_sector_id (role));
      cells[4] = contact != NULL ? _cr_sheet_contact_markup (self, contact, TRUE) : g_strdup ("");
      _cr_sheet_table_add_row (table, cells)->shaded = i % 2 == 1;
    }
  g_ptr_array_add (self->blocks, table);
}

static char *
active_window (CrSheet   *self,
               CrFeature *feature)
{
  g_autofree char *from = format_time (cr_feature_get_active_from (feature));
  g_autofree char *to = format_time (cr_feature_get_active_to (feature));

  /* Translators: when a feature is active, e.g. "28/09/2024 06:00 – 28/09/2024 14:00". */
  return g_strdup_printf (T (N_("%s – %s")), from, to);
}

static void
add_itineraries (CrSheet   *self,
                 SheetData *data)
{
  g_autoptr(GString) without = g_string_new (NULL);
  guint n_itineraries = 0;

  _cr_sheet_add_block (self, SHEET_BLOCK_HEADING, T (N_("Itinerary timetables")));
  for (guint i = 0; i < data->features_sorted->len; i++)
    {
      CrFeature *feature = g_ptr_array_index (data->features_sorted, i);
      CrFeatureKind *kind = kind_of (data, feature);
      g_autoptr(GListModel) list = NULL;
      g_autoptr(GPtrArray) waypoints = g_ptr_array_new_with_free_func (g_object_unref);
      g_autofree char *name = NULL;
      g_autofree char *window = NULL;
      g_autofree char *label = NULL;
      g_autofree char *line = NULL;
      GDateTime *start = NULL;
      SheetBlock *table;
      const char *partner;

      if (kind == NULL || cr_feature_kind_get_group (kind) != CR_KIND_GROUP_ITINERARY)
        continue;
      n_itineraries++;
      name = _cr_sheet_escape (cr_feature_get_name (feature));
      list = cr_store_list (self->store, CR_TYPE_WAYPOINT, "feature_id",
                            cr_record_get_id (CR_RECORD (feature)), NULL);
      for (guint k = 0; list != NULL && k < g_list_model_get_n_items (list); k++)
        g_ptr_array_add (waypoints, g_list_model_get_item (list, k));
      if (waypoints->len == 0)
        {
          g_string_append_printf (without, "%s%s", without->len > 0 ? "\n" : "", name);
          continue;
        }

      _cr_sheet_add_block (self, SHEET_BLOCK_SUBHEADING, name);
      label = _cr_sheet_escape (kind_label (self, kind, cr_feature_get_kind (feature)));
      window = active_window (self, feature);
      partner = _cr_sheet_partner_name (data, cr_feature_get_partner_id (feature));
      if (*partner != '\0')
        {
          g_autofree char *escaped = _cr_sheet_escape (partner);

          line = g_strdup_printf ("%s · %s · %s", label, window, escaped);
        }
      else
        line = g_strdup_printf ("%s · %s", label, window);
      _cr_sheet_add_block (self, SHEET_BLOCK_NOTE, line);

      table = _cr_sheet_table_new (cr_feature_get_name (feature), 4, "#", 0.4, T (N_("Waypoint")), 4.0,
                         T (N_("Planned time")), 1.8, T (N_("Since the start")), 1.4);
      for (guint k = 0; k < waypoints->len; k++)
        {
          CrWaypoint *wp = g_ptr_array_index (waypoints, k);
          GDateTime *planned = cr_waypoint_get_planned_at (wp);
          char **cells = g_new0 (char *, 5);

          if (start == NULL)
            start = planned;
          cells[0] = g_strdup_printf ("%u", k + 1);
          cells[1] = _cr_sheet_escape (cr_waypoint_get_name (wp) ? cr_waypoint_get_name (wp) : "");
          if (planned != NULL)
            {
              g_autofree char *when = format_time (planned);

              cells[2] = g_strdup_printf ("<b>%s</b>", when);
            }
          else
            cells[2] = g_strdup ("—");
          if (planned != NULL && start != NULL)
            {
              GTimeSpan span = g_date_time_difference (planned, start);
              gint64 minutes = span / G_TIME_SPAN_MINUTE;

              cells[3] = g_strdup_printf ("%s%" G_GINT64_FORMAT ":%02d", minutes < 0 ? "−" : "+",
                                          ABS (minutes) / 60, (int) (ABS (minutes) % 60));
            }
          _cr_sheet_table_add_row (table, cells)->shaded = k % 2 == 1;
        }
      g_ptr_array_add (self->blocks, table);
    }
  if (n_itineraries == 0)
    _cr_sheet_add_block (self, SHEET_BLOCK_NOTE, T (N_("This event has no itinerary.")));
  else if (without->len > 0)
    {
      g_autofree char *text = g_strdup_printf ("<b>%s</b>\n%s",
                                               T (N_("Itineraries without planned times:")),
                                               without->str);

      _cr_sheet_add_block (self, SHEET_BLOCK_PARAGRAPH, text);
    }
}

/* Perimeters or points: name, kind, active from and to; at a chosen
 * time, whether each is active then. */
static void
add_feature_list (CrSheet     *self,
                  SheetData   *data,
                  CrKindGroup  group,
                  const char  *heading,
                  const char  *empty)
{
  g_autofree char *status_title = NULL;
  SheetBlock *table;
  guint n = 0;

  _cr_sheet_add_block (self, SHEET_BLOCK_HEADING, heading);
  if (self->options.at != NULL)
    {
      g_autofree char *when = cr_time_format_local (self->options.at, TIME_FORMAT);

      /* Translators: a column title; %s is the time the map shows. */
      status_title = g_strdup_printf (T (N_("At %s")), when);
      table = _cr_sheet_table_new (heading, 5, T (N_("Name")), 4.0, T (N_("Kind")), 1.8,
                         T (N_("Active from")), 1.6, T (N_("Active until")), 1.6, status_title, 1.3);
    }
  else
    table = _cr_sheet_table_new (heading, 4, T (N_("Name")), 4.4, T (N_("Kind")), 2.0,
                       T (N_("Active from")), 1.7, T (N_("Active until")), 1.7);

  for (guint i = 0; i < data->features_sorted->len; i++)
    {
      CrFeature *feature = g_ptr_array_index (data->features_sorted, i);
      CrFeatureKind *kind = kind_of (data, feature);
      GDateTime *from = cr_feature_get_active_from (feature);
      GDateTime *to = cr_feature_get_active_to (feature);
      char **cells = g_new0 (char *, 6);

      if ((kind != NULL ? cr_feature_kind_get_group (kind) : CR_KIND_GROUP_PERIMETER) != group)
        {
          g_free (cells);
          continue;
        }
      cells[0] = _cr_sheet_escape (cr_feature_get_name (feature));
      cells[1] = _cr_sheet_escape (kind_label (self, kind, cr_feature_get_kind (feature)));
      cells[2] = format_time (from);
      cells[3] = format_time (to);
      if (self->options.at != NULL)
        {
          if (from != NULL && g_date_time_compare (self->options.at, from) < 0)
            cells[4] = g_strdup (T (N_("Not yet")));
          else if (to != NULL && g_date_time_compare (self->options.at, to) >= 0)
            cells[4] = g_strdup (T (N_("Ended")));
          else
            cells[4] = g_strdup_printf ("<b>%s</b>", T (N_("Active")));
        }
      _cr_sheet_table_add_row (table, cells)->shaded = n++ % 2 == 1;
    }
  if (n == 0)
    {
      _cr_sheet_block_free (table);
      _cr_sheet_add_block (self, SHEET_BLOCK_NOTE, empty);
      return;
    }
  g_ptr_array_add (self->blocks, table);
}

static void
make_title (CrSheet *self,
            CrEvent *event)
{
  SheetTitle *title = &self->title;
  g_autoptr(GDateTime) now = cr_time_now_utc ();
  g_autoptr(GDateTime) last_change = NULL;
  g_autofree char *generated = cr_time_format_local (now, TIME_FORMAT);
  g_autofree char *starts = format_time (cr_event_get_starts (event));
  g_autofree char *ends = format_time (cr_event_get_ends (event));
  g_autofree char *revision_text = NULL;
  gint64 revision = 0;

  title->event_name = g_strdup (cr_event_get_name (event));
  /* Translators: an event's kind and status, e.g. "Visit · Ready". */
  title->kind_status = g_strdup_printf (T (N_("%s · %s")),
                                        T (cr_label_msgid (CR_TYPE_EVENT_KIND, cr_event_get_kind (event))),
                                        T (cr_label_msgid (CR_TYPE_EVENT_STATUS, cr_event_get_status (event))));
  /* Translators: the dates of an event. */
  title->dates = g_strdup_printf (T (N_("From %s to %s")), starts, ends);
  title->description = g_strdup (cr_event_get_description (event));
  if (self->options.at != NULL)
    {
      g_autofree char *when = cr_time_format_local (self->options.at, TIME_FORMAT);

      /* Translators: what the map of the sheet shows; %s is a date and time. */
      title->map_time = g_strdup_printf (T (N_("Map: situation at %s")), when);
    }
  else
    title->map_time = g_strdup (T (N_("Map: all phases, whatever their time")));

  if (!cr_store_get_revision (self->store, &revision, &last_change, NULL))
    revision = 0;
  revision_text = g_strdup_printf ("%" G_GINT64_FORMAT, revision);
  if (last_change != NULL)
    {
      g_autofree char *changed = cr_time_format_local (last_change, TIME_FORMAT);

      /* Translators: the version of the sheet: the database revision (a
       * number that grows with every change) and the time of its last change. */
      title->version = g_strdup_printf (T (N_("Version: revision %s, data as of %s")),
                                        revision_text, changed);
    }
  else
    title->version = g_strdup_printf (T (N_("Version: revision %s")), revision_text);
  /* Translators: when and by whom the sheet was made. */
  title->generated = g_strdup_printf (T (N_("Generated on %s by %s")), generated,
                                      cr_store_get_operator (self->store));
  if (self->options.classification != NULL && *self->options.classification != '\0')
    title->classification = g_strdup (self->options.classification);
  else
    title->classification = g_strdup (T (N_("Restricted distribution")));
  title->no_phones = self->options.no_phones;
}

gboolean
_cr_sheet_build (CrSheet  *self,
                 CrEvent  *event,
                 GError  **error)
{
  SheetData data = { 0 };

  if (!read_data (self, &data, error))
    {
      data_clear (&data);
      return FALSE;
    }
  make_title (self, event);

  add_roles (self, &data);
  _cr_sheet_add_contacts (self, &data);
  _cr_sheet_add_communications (self, &data);
  add_itineraries (self, &data);
  add_feature_list (self, &data, CR_KIND_GROUP_PERIMETER, T (N_("Perimeters")),
                    T (N_("This event has no perimeter.")));
  add_feature_list (self, &data, CR_KIND_GROUP_POINT, T (N_("Points")),
                    T (N_("This event has no point.")));
  data_clear (&data);
  return TRUE;
}
