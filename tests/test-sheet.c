/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <cairo.h>
#include <glib/gstdio.h>
#include <math.h>
#include <sqlite3.h>
#include <string.h>

#include "cr-catalog.h"
#include "cr-demo.h"
#include "cr-enum-types.h"
#include "cr-labels.h"
#include "cr-map-print.h"
#include "cr-sheet.h"
#include "cr-test-mbtiles.h"
#include "cr-test-utils.h"
#include "cr-time.h"

/* The operational sheet of the demo event as a partner gets it: the PDF
 * read back with poppler's pdftotext and pdftoppm (skipped without them),
 * its pages, texts in the language asked for, no phone number when left
 * out, and the map page's pixels where the zones are; the catalogue
 * reader; the map image; the command line. */

/* Belgian numbers, international or national: +32 2 000 12 95, 0470 12 34 56. */
#define PHONE_PATTERN "(\\+32|\\b0)[ \\x{00a0}.]?\\d{1,3}([ \\x{00a0}.]?\\d{2,3}){2,}"

typedef struct
{
  CrStore *store;
  gint64 event_id;
} Demo;

static void
demo_open (Demo *demo)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrEvent) event = NULL;

  demo->store = cr_test_open_demo_store ();
  event = cr_store_find_event (demo->store, CR_DEMO_EVENT_NAME, &error);
  g_assert_no_error (error);
  g_assert_nonnull (event);
  demo->event_id = cr_record_get_id (CR_RECORD (event));
}

static void
demo_close (Demo *demo)
{
  g_clear_object (&demo->store);
}

static gboolean
have_poppler (void)
{
  if (cr_test_have_program ("pdftotext") && cr_test_have_program ("pdftoppm") &&
      cr_test_have_program ("pdfinfo"))
    return TRUE;
  g_test_skip ("pdftotext, pdftoppm or pdfinfo (poppler-utils) is missing");
  return FALSE;
}

/* A poppler tool, found in PATH. */
static int
run_tool (const char **argv,
          char       **out,
          char       **err)
{
  g_autofree char *program = g_find_program_in_path (argv[0]);

  g_assert_nonnull (program);
  argv[0] = program;
  return cr_test_run (argv, out, err);
}

static CrSheet *
make_sheet (Demo       *demo,
            const char *language,
            gboolean    no_phones,
            const char *at)
{
  g_autoptr(GError) error = NULL;
  g_auto(CrSheetOptions) options = { 0 };
  CrSheet *sheet;

  options.event_id = demo->event_id;
  options.language = g_strdup (language);
  options.no_phones = no_phones;
  options.at = at != NULL ? cr_time_parse (at) : NULL;
  sheet = cr_sheet_new (demo->store, &options, &error);
  g_assert_no_error (error);
  g_assert_nonnull (sheet);
  return sheet;
}

static char *
write_pdf (CrSheet    *sheet,
           const char *name)
{
  g_autoptr(GError) error = NULL;
  char *path = cr_test_tmp_path (name);

  g_assert_true (cr_sheet_export_pdf (sheet, path, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  return path;
}

/* @text with every run of white space, no-break spaces too (French puts
 * a narrow one before a colon; pdftotext gives a space), made one space. */
static char *
squeeze_spaces (const char *text)
{
  g_autoptr(GRegex) spaces = g_regex_new ("[\\s\\x{00a0}\\x{202f}]+", 0, 0, NULL);

  return g_regex_replace_literal (spaces, text, -1, 0, " ", 0, NULL);
}

/* The text of each page, one string a page, its spaces squeezed. */
static GStrv
pdf_pages (const char *pdf)
{
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", pdf, "-", NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_auto(GStrv) pages = NULL;
  GStrv result;
  guint n;

  g_assert_cmpint (run_tool (argv, &out, &err), ==, 0);
  pages = g_strsplit (out, "\f", -1);
  n = g_strv_length (pages);
  /* pdftotext ends every page with a form feed: the last piece is empty. */
  if (n > 0 && *g_strstrip (pages[n - 1]) == '\0')
    n--;
  result = g_new0 (char *, n + 1);
  for (guint i = 0; i < n; i++)
    result[i] = squeeze_spaces (pages[i]);
  return result;
}

static gboolean
contains (const char *text,
          const char *needle)
{
  g_autofree char *squeezed = squeeze_spaces (needle);

  return strstr (text, squeezed) != NULL;
}

#define assert_contains(text, needle) \
  G_STMT_START { \
    if (!contains ((text), (needle))) \
      g_error ("“%s” not found in: %.400s…", (needle), (text)); \
  } G_STMT_END

/* Which page has @needle first, or -1. */
static int
page_of (GStrv       pages,
         const char *needle)
{
  for (guint i = 0; pages[i] != NULL; i++)
    if (contains (pages[i], needle))
      return i;
  return -1;
}

/* Which page has @needle first from page @start on, or -1. */
static int
page_from (GStrv       pages,
           const char *needle,
           int         start)
{
  for (guint i = start; pages[i] != NULL; i++)
    if (contains (pages[i], needle))
      return i;
  return -1;
}

static void
test_catalog (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrCatalog) fr = NULL;
  g_autoptr(CrCatalog) nl = NULL;
  g_autoptr(CrCatalog) en = NULL;
  g_autoptr(CrCatalog) found = NULL;
  g_autoptr(CrCatalog) damaged = NULL;
  g_autofree char *fr_path = NULL;
  g_autofree char *nl_path = NULL;
  g_autofree char *bad_path = cr_test_tmp_path ("bad.mo");
  const char *build_root = g_getenv ("CR_BUILD_ROOT");

  g_assert_nonnull (build_root);
  fr_path = g_build_filename (build_root, "po", "fr", "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);
  nl_path = g_build_filename (build_root, "po", "nl", "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);
  if (!g_file_test (fr_path, G_FILE_TEST_EXISTS) || !g_file_test (nl_path, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("the build made no compiled translations (msgfmt missing?)");
      return;
    }

  fr = cr_catalog_new_from_file (fr_path, "fr", &error);
  g_assert_no_error (error);
  nl = cr_catalog_new_from_file (nl_path, "nl", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cr_catalog_gettext (fr, "D1 Rescue"), ==, "D1 Secours");
  g_assert_cmpstr (cr_catalog_gettext (nl, "D1 Rescue"), ==, "D1 Hulpverlening");
  g_assert_cmpstr (cr_catalog_gettext (fr, "Visit"), ==, "Visite");
  g_assert_cmpstr (cr_catalog_gettext (nl, "Visit"), ==, "Bezoek");
  g_assert_cmpstr (cr_catalog_get_language (fr), ==, "fr");
  /* English when the catalogue has nothing. */
  g_assert_cmpstr (cr_catalog_gettext (fr, "No such message, surely"), ==, "No such message, surely");
  /* Plural forms: French says singular for 0 and 1. */
  g_assert_cmpstr (cr_catalog_ngettext (fr, "Imported %u feature into “%s”",
                                        "Imported %u features into “%s”", 1),
                   ==, "%u élément importé dans “%s”");
  g_assert_cmpstr (cr_catalog_ngettext (fr, "Imported %u feature into “%s”",
                                        "Imported %u features into “%s”", 0),
                   ==, "%u élément importé dans “%s”");
  g_assert_cmpstr (cr_catalog_ngettext (fr, "Imported %u feature into “%s”",
                                        "Imported %u features into “%s”", 5),
                   ==, "%u éléments importés dans “%s”");
  g_assert_cmpstr (cr_catalog_ngettext (fr, "No such %u thing", "No such %u things", 2), ==,
                   "No such %u things");

  /* Found by language, whatever the process locale. */
  found = cr_catalog_new_for_language ("nl_BE.UTF-8", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cr_catalog_gettext (found, "D3 Police"), ==, "D3 Politie");
  en = cr_catalog_new_for_language ("en", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cr_catalog_gettext (en, "D1 Rescue"), ==, "D1 Rescue");
  g_assert_null (cr_catalog_new_for_language ("de", &error));
  g_assert_error (error, CR_CATALOG_ERROR, CR_CATALOG_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_true (g_file_set_contents (bad_path, "\xde\x12\x04\x95 not a catalogue at all, truncated",
                                      -1, NULL));
  damaged = cr_catalog_new_from_file (bad_path, "fr", &error);
  g_assert_null (damaged);
  g_assert_error (error, CR_CATALOG_ERROR, CR_CATALOG_ERROR_INVALID);
}

/* The sheet's copies of the labels must stay those cr-labels.c
 * translates, or the sheet would show them in English. */
/* The sheet writes labels in its own language from their messages: each
 * value of each enumeration it labels has one, which the interface's
 * label translates. */
static void
test_label_msgids (void)
{
  const GType types[] = { CR_TYPE_DISCIPLINE, CR_TYPE_EVENT_KIND, CR_TYPE_EVENT_STATUS,
                          CR_TYPE_AVAILABILITY };

  for (guint t = 0; t < G_N_ELEMENTS (types); t++)
    {
      g_autoptr(GEnumClass) klass = g_type_class_ref (types[t]);

      for (guint i = 0; i < klass->n_values; i++)
        {
          int value = klass->values[i].value;
          const char *label;

          if (types[t] == CR_TYPE_DISCIPLINE)
            label = cr_discipline_label (value);
          else if (types[t] == CR_TYPE_EVENT_KIND)
            label = cr_event_kind_label (value);
          else if (types[t] == CR_TYPE_EVENT_STATUS)
            label = cr_event_status_label (value);
          else
            label = cr_availability_label (value);
          g_assert_cmpstr (cr_label_msgid (types[t], value), !=, "");
          g_assert_cmpstr (g_dgettext (GETTEXT_PACKAGE, cr_label_msgid (types[t], value)), ==, label);
        }
      g_assert_cmpstr (cr_label_msgid (types[t], klass->maximum + 1), ==, "");
    }
}

static void
test_pages_english (void)
{
  Demo demo = { 0 };
  g_autoptr(CrSheet) sheet = NULL;
  g_autofree char *pdf = NULL;
  g_auto(GStrv) pages = NULL;
  guint n;
  int roles, contacts, comms, timetables, perimeters;

  if (!have_poppler ())
    return;
  demo_open (&demo);
  sheet = make_sheet (&demo, "en", FALSE, NULL);
  pdf = write_pdf (sheet, "sheet-en.pdf");
  pages = pdf_pages (pdf);
  n = g_strv_length (pages);

  /* A map page, then the roles, contacts, communications, timetables,
   * perimeters and points of 44 features and 16 roles: a handful of A4
   * pages, as many in the file as laid out. */
  g_assert_cmpuint (n, ==, cr_sheet_get_n_pages (sheet));
  g_assert_cmpuint (n, >=, 5);
  g_assert_cmpuint (n, <=, 10);
  g_assert_true (cr_sheet_page_is_map (sheet, 0));
  for (guint i = 1; i < n; i++)
    g_assert_false (cr_sheet_page_is_map (sheet, i));
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *number = g_strdup_printf ("Page %u of %u", i + 1, n);

      assert_contains (pages[i], number);
      assert_contains (pages[i], "Papal visit 2024 — exercise");
      assert_contains (pages[i], "Version: revision");
    }

  /* The first page: title block, map legend, attribution. */
  assert_contains (pages[0], "OPERATIONAL SHEET");
  assert_contains (pages[0], "RESTRICTED DISTRIBUTION");
  assert_contains (pages[0], "From 26/09/2024 06:00 to 29/09/2024 22:00");
  assert_contains (pages[0], "Map: all phases");
  assert_contains (pages[0], "Legend");
  assert_contains (pages[0], "Red zone (exclusion)");
  assert_contains (pages[0], "Gathering point");
  assert_contains (pages[0], "Waypoint with planned time");
  assert_contains (pages[0], "Crisis Room");
  g_assert_false (contains (pages[0], "Roles and responsibilities"));

  /* The sections, in order, after the map. */
  roles = page_of (pages, "Roles and responsibilities");
  contacts = page_of (pages, "Contacts: SPOC and deputies");
  comms = page_of (pages, "Communications plan");
  timetables = page_of (pages, "Itinerary timetables");
  perimeters = page_of (pages, "Perimeters");
  g_assert_cmpint (roles, ==, 1);
  g_assert_cmpint (contacts, >=, roles);
  g_assert_cmpint (comms, >=, contacts);
  g_assert_cmpint (timetables, >=, comms);
  g_assert_cmpint (perimeters, >=, timetables);
  g_assert_cmpint (page_of (pages, "Points"), >=, perimeters);

  /* Partners, their roles and contacts. */
  assert_contains (pages[roles], "SIAMU / DBDMH");
  assert_contains (pages[roles], "D1 Rescue");
  assert_contains (pages[roles], "D2 Medical and psychosocial");
  assert_contains (pages[roles], "Quentin Simulé");
  g_assert_cmpint (page_of (pages, "D3 Police"), ==, roles);
  g_assert_cmpint (page_of (pages, "D4 Logistics"), >=, roles);
  g_assert_cmpint (page_of (pages, "safe.brussels"), >=, roles);
  g_assert_cmpint (page_of (pages, "Vivaqua"), >=, roles);
  g_assert_cmpint (page_of (pages, "Alice Exemple"), >=, roles);
  g_assert_cmpint (page_of (pages, "+32 2 000 00 74"), >=, roles);
  /* Each partner's SPOC and deputies; a partner without a deputy shows
   * as it is. */
  g_assert_cmpint (page_of (pages, "Bram Voorbeeld"), >=, roles);
  g_assert_cmpint (page_of (pages, "Deputy 1"), >=, contacts);
  g_assert_cmpint (page_from (pages, "Yasmine Brouillon", contacts), >=, contacts);

  /* A table that goes on over the next page says so, with its header. */
  {
    int continued = page_of (pages, "Roles and responsibilities (continued)");

    g_assert_cmpint (continued, >, roles);
    assert_contains (pages[continued], "Responsibility");
    assert_contains (pages[continued], "Discipline");
  }

  /* The timetables: the motorcade's waypoints with their times. */
  g_assert_cmpint (page_of (pages, "28/09/2024 08:30"), >=, timetables);
  g_assert_cmpint (page_of (pages, "28/09/2024 12:30"), >=, timetables);
  g_assert_cmpint (page_of (pages, "Palais royal / Koninklijk Paleis"), >=, 0);
  g_assert_cmpint (page_of (pages, "+4:00"), >=, timetables);
  g_assert_cmpint (page_of (pages, "Place Simonis / Simonisplein"), >=, 0);

  /* Perimeters with their kind and active times. */
  g_assert_cmpint (page_from (pages, "Drone-ban zone", perimeters), >=, perimeters);
  g_assert_cmpint (page_of (pages, "28/09/2024 06:30 28/09/2024 09:30"), >=, perimeters);

  demo_close (&demo);
}

static void
assert_language (Demo       *demo,
                 const char *language,
                 const char *discipline,
                 const char *english_discipline)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrSheet) sheet = make_sheet (demo, language, FALSE, NULL);
  g_autoptr(CrCatalog) catalog = cr_catalog_new_for_language (language, &error);
  g_autofree char *name = g_strdup_printf ("sheet-%s.pdf", language);
  g_autofree char *pdf = write_pdf (sheet, name);
  g_auto(GStrv) pages = pdf_pages (pdf);
  g_autofree char *legend = NULL;
  g_autofree char *page = NULL;
  const char *headings[] = { "Roles and responsibilities", "Contacts: SPOC and deputies",
                             "Communications plan", "Itinerary timetables", "Perimeters", "Points" };

  g_assert_no_error (error);
  /* Every heading in the sheet's language; the translations are those of
   * the catalogue, English until the translators have been. */
  for (guint i = 0; i < G_N_ELEMENTS (headings); i++)
    g_assert_cmpint (page_of (pages, cr_catalog_gettext (catalog, headings[i])), >=, 1);
  legend = g_strdup (cr_catalog_gettext (catalog, "Legend"));
  assert_contains (pages[0], legend);
  page = g_strdup_printf (cr_catalog_gettext (catalog, "Page %u of %u"), 2, g_strv_length (pages));
  assert_contains (pages[1], page);

  /* Strings translated long ago show the language for sure. */
  g_assert_cmpint (page_of (pages, discipline), >=, 1);
  g_assert_cmpint (page_of (pages, english_discipline), ==, -1);
}

static void
test_pages_french_dutch (void)
{
  Demo demo = { 0 };
  g_autofree char *fr = NULL;
  g_autofree char *nl = NULL;

  if (!have_poppler ())
    return;
  fr = cr_catalog_find_file ("fr");
  nl = cr_catalog_find_file ("nl");
  if (fr == NULL || nl == NULL)
    {
      g_test_skip ("the build made no compiled translations (msgfmt missing?)");
      return;
    }
  demo_open (&demo);
  assert_language (&demo, "fr", "D1 Secours", "D1 Rescue");
  assert_language (&demo, "nl", "D1 Hulpverlening", "D1 Rescue");

  /* Kind labels come from the catalogue of kinds, in the language asked. */
  {
    g_autoptr(CrSheet) sheet = make_sheet (&demo, "nl", FALSE, NULL);
    g_autofree char *pdf = write_pdf (sheet, "sheet-nl-kinds.pdf");
    g_auto(GStrv) pages = pdf_pages (pdf);

    assert_contains (pages[0], "Verbodszone voor drones");
    g_assert_cmpint (page_from (pages, "Verkeersafsluiting", 1), >=, 1);
  }
  demo_close (&demo);
}

static void
test_no_phones (void)
{
  Demo demo = { 0 };
  g_autoptr(CrSheet) with = NULL;
  g_autoptr(CrSheet) without = NULL;
  g_autofree char *with_pdf = NULL;
  g_autofree char *without_pdf = NULL;
  g_auto(GStrv) with_pages = NULL;
  g_auto(GStrv) without_pages = NULL;
  g_autofree char *with_text = NULL;
  g_autofree char *without_text = NULL;
  g_autoptr(GRegex) phone = g_regex_new (PHONE_PATTERN, 0, 0, NULL);

  if (!have_poppler ())
    return;
  demo_open (&demo);
  with = make_sheet (&demo, "en", FALSE, NULL);
  without = make_sheet (&demo, "en", TRUE, NULL);
  with_pdf = write_pdf (with, "with.pdf");
  without_pdf = write_pdf (without, "without.pdf");
  with_pages = pdf_pages (with_pdf);
  without_pages = pdf_pages (without_pdf);
  with_text = g_strjoinv (" ", with_pages);
  without_text = g_strjoinv (" ", without_pages);

  /* The pattern finds the numbers when they are there… */
  g_assert_true (g_regex_match (phone, with_text, 0, NULL));
  g_assert_true (contains (with_text, "+32"));
  /* …and none is left without them; the people and their roles are. */
  if (g_regex_match (phone, without_text, 0, NULL))
    g_error ("A phone number is left in the sheet without phones: %s", without_text);
  g_assert_false (contains (without_text, "+32"));
  assert_contains (without_text, "Alice Exemple");
  assert_contains (without_text, "Communications plan");
  assert_contains (without_pages[0], "Phone numbers left out for wide distribution.");
  g_assert_false (contains (without_text, "24/7 phone"));
  demo_close (&demo);
}

/* The radio column shows once a role has a channel, from the contact's notes. */
static void
test_radio (void)
{
  Demo demo = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) contacts = NULL;
  g_autoptr(CrSheet) before = NULL;
  g_autoptr(CrSheet) after = NULL;
  g_autofree char *before_pdf = NULL;
  g_autofree char *after_pdf = NULL;
  g_auto(GStrv) before_pages = NULL;
  g_auto(GStrv) after_pages = NULL;
  g_autofree char *before_text = NULL;
  g_autofree char *after_text = NULL;
  gboolean changed = FALSE;

  if (!have_poppler ())
    return;
  demo_open (&demo);
  before = make_sheet (&demo, "en", FALSE, NULL);
  before_pdf = write_pdf (before, "radio-before.pdf");
  before_pages = pdf_pages (before_pdf);
  before_text = g_strjoinv (" ", before_pages);
  g_assert_false (contains (before_text, "Radio channel / talkgroup"));

  contacts = cr_store_list (demo.store, CR_TYPE_CONTACT, NULL, 0, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (contacts); i++)
    {
      g_autoptr(CrContact) contact = g_list_model_get_item (contacts, i);

      if (g_strcmp0 (cr_contact_get_name (contact), "Quentin Simulé") != 0)
        continue;
      cr_contact_set_notes (contact, "Reached on the ASTRID network.\nTalkgroup: DBDMH-OPS-2");
      g_assert_true (cr_store_update (demo.store, CR_RECORD (contact), &error));
      g_assert_no_error (error);
      changed = TRUE;
    }
  g_assert_true (changed);

  after = make_sheet (&demo, "en", FALSE, NULL);
  after_pdf = write_pdf (after, "radio-after.pdf");
  after_pages = pdf_pages (after_pdf);
  after_text = g_strjoinv (" ", after_pages);
  assert_contains (after_text, "Radio channel / talkgroup");
  assert_contains (after_text, "DBDMH-OPS-2");
  demo_close (&demo);
}

typedef struct
{
  cairo_surface_t *surface;
  CrProjection proj;
  double x, y, scale;
} MapImage;

static void
map_image_clear (MapImage *image)
{
  g_clear_pointer (&image->surface, cairo_surface_destroy);
}

/* With cairo, not GdkPixbuf: the tests' isolated data directories have
 * no MIME database for GdkPixbuf to recognise a PNG by. */
static cairo_surface_t *
load_png (const char *path)
{
  cairo_surface_t *surface = cairo_image_surface_create_from_png (path);

  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  return surface;
}

static void
surface_pixel (cairo_surface_t *surface,
               int              x,
               int              y,
               guint8           rgb[3])
{
  guint32 px;

  cairo_surface_flush (surface);
  g_assert_cmpint (x, >=, 0);
  g_assert_cmpint (y, >=, 0);
  g_assert_cmpint (x, <, cairo_image_surface_get_width (surface));
  g_assert_cmpint (y, <, cairo_image_surface_get_height (surface));
  px = *(guint32 *) (cairo_image_surface_get_data (surface) +
                     y * cairo_image_surface_get_stride (surface) + 4 * x);
  rgb[0] = (px >> 16) & 0xff;
  rgb[1] = (px >> 8) & 0xff;
  rgb[2] = px & 0xff;
}

/* The first page at 72 dpi: a pixel is a point. */
static void
render_map_page (CrSheet    *sheet,
                 const char *pdf,
                 MapImage   *image)
{
  g_autofree char *prefix = g_strconcat (pdf, "-page", NULL);
  g_autofree char *png = g_strconcat (prefix, ".png", NULL);
  const char *argv[] = { "pdftoppm", "-r", "72", "-f", "1", "-l", "1", "-singlefile", "-png", pdf,
                         prefix, NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (run_tool (argv, &out, &err), ==, 0);
  image->surface = load_png (png);
  g_assert_true (cr_sheet_get_map_projection (sheet, &image->x, &image->y, &image->scale, &image->proj));
}

static void
pixel (MapImage *image,
       int       x,
       int       y,
       guint8    rgb[3])
{
  surface_pixel (image->surface, x, y, rgb);
}

/* @fill over white at @opacity, as the renderer fills zones. */
static void
blend (const char *fill,
       double      opacity,
       guint8      rgb[3])
{
  unsigned int r, g, b;

  g_assert_cmpint (sscanf (fill, "#%2x%2x%2x", &r, &g, &b), ==, 3);
  rgb[0] = (guint8) round (r * opacity + 255 * (1 - opacity));
  rgb[1] = (guint8) round (g * opacity + 255 * (1 - opacity));
  rgb[2] = (guint8) round (b * opacity + 255 * (1 - opacity));
}

static gboolean
near (const guint8 a[3],
      const guint8 b[3],
      int          tolerance)
{
  return ABS (a[0] - b[0]) <= tolerance && ABS (a[1] - b[1]) <= tolerance &&
         ABS (a[2] - b[2]) <= tolerance;
}

/* The share of the pixels inside @geometry, moved by (@dlon, @dlat),
 * that have the colour @rgb. Labels and lines cover some of them. */
static double
share_of_colour (MapImage         *image,
                 const CrGeometry *geometry,
                 double            dlon,
                 double            dlat,
                 const guint8      rgb[3])
{
  CrBBox bbox;
  double x1, y1, x2, y2;
  guint inside = 0, matching = 0;

  g_assert_true (cr_geometry_get_bbox (geometry, &bbox));
  cr_projection_to_screen (&image->proj, bbox.min_x + dlon, bbox.max_y + dlat, &x1, &y1);
  cr_projection_to_screen (&image->proj, bbox.max_x + dlon, bbox.min_y + dlat, &x2, &y2);
  for (double py = y1; py <= y2; py += 1)
    for (double px = x1; px <= x2; px += 1)
      {
        double lon, lat;
        int ix = (int) floor (image->x + px * image->scale);
        int iy = (int) floor (image->y + py * image->scale);
        guint8 found[3];

        cr_projection_to_lonlat (&image->proj, px, py, &lon, &lat);
        if (!cr_geometry_contains_point (geometry, lon - dlon, lat - dlat))
          continue;
        if (ix < 0 || iy < 0 || ix >= cairo_image_surface_get_width (image->surface) ||
            iy >= cairo_image_surface_get_height (image->surface))
          continue;
        inside++;
        pixel (image, ix, iy, found);
        if (near (found, rgb, 14))
          matching++;
      }
  g_assert_cmpuint (inside, >, 20);
  return (double) matching / inside;
}

/* The share of the pixels inside @geometry that are clearly red, red
 * zone seen through the zones and hatching drawn over it. */
static double
share_of_red (MapImage         *image,
              const CrGeometry *geometry)
{
  CrBBox bbox;
  double x1, y1, x2, y2;
  guint inside = 0, red = 0;

  g_assert_true (cr_geometry_get_bbox (geometry, &bbox));
  cr_projection_to_screen (&image->proj, bbox.min_x, bbox.max_y, &x1, &y1);
  cr_projection_to_screen (&image->proj, bbox.max_x, bbox.min_y, &x2, &y2);
  for (double py = y1; py <= y2; py += 1)
    for (double px = x1; px <= x2; px += 1)
      {
        double lon, lat;
        guint8 rgb[3];

        cr_projection_to_lonlat (&image->proj, px, py, &lon, &lat);
        if (!cr_geometry_contains_point (geometry, lon, lat))
          continue;
        inside++;
        pixel (image, (int) floor (image->x + px * image->scale),
               (int) floor (image->y + py * image->scale), rgb);
        red += rgb[0] > rgb[1] + 40 && rgb[0] > rgb[2] + 30;
      }
  g_assert_cmpuint (inside, >, 20);
  return (double) red / inside;
}

static CrFeature *
feature_named (Demo       *demo,
               const char *prefix)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) features = cr_store_list_features (demo->store, demo->event_id, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (features); i++)
    {
      g_autoptr(CrFeature) feature = g_list_model_get_item (features, i);

      if (g_str_has_prefix (cr_feature_get_name (feature), prefix))
        return g_steal_pointer (&feature);
    }
  g_assert_not_reached ();
}

static void
test_map_page (void)
{
  Demo demo = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(CrSheet) sheet = NULL;
  g_autoptr(CrFeatureKind) red = NULL;
  g_autoptr(CrFeature) palace = NULL;
  g_autoptr(CrFeature) stadium = NULL;
  g_autofree char *pdf = NULL;
  g_autoptr(GHashTable) colours = g_hash_table_new (g_direct_hash, g_direct_equal);
  MapImage image = { 0 };
  guint8 red_fill[3];
  double inside, elsewhere;

  if (!have_poppler ())
    return;
  demo_open (&demo);
  /* Saturday 07:00: the palace's red zone is active (06:30–09:30), the
   * stadium's is not yet (from 11:00). */
  sheet = make_sheet (&demo, "en", FALSE, "2024-09-28T07:00:00+02:00");
  pdf = write_pdf (sheet, "map.pdf");
  render_map_page (sheet, pdf, &image);

  /* Not blank: the map area has many colours. */
  for (double y = image.y; y < image.y + image.proj.height * image.scale; y += 3)
    for (double x = image.x; x < image.x + image.proj.width * image.scale; x += 3)
      {
        guint8 rgb[3];

        pixel (&image, (int) x, (int) y, rgb);
        g_hash_table_add (colours, GUINT_TO_POINTER ((rgb[0] << 16) | (rgb[1] << 8) | rgb[2]));
      }
  g_assert_cmpuint (g_hash_table_size (colours), >, 50);

  red = cr_store_find_feature_kind (demo.store, "red_zone", &error);
  g_assert_no_error (error);
  blend (cr_feature_kind_get_fill_color (red), cr_feature_kind_get_fill_opacity (red), red_fill);

  /* The red zone's fill where the projection puts it, and not beside it. */
  palace = feature_named (&demo, "Zone rouge Palais royal");
  inside = share_of_colour (&image, cr_feature_get_geometry (palace), 0, 0, red_fill);
  elsewhere = share_of_colour (&image, cr_feature_get_geometry (palace), -0.015, 0, red_fill);
  g_assert_cmpfloat (inside, >, 0.5);
  g_assert_cmpfloat (elsewhere, <, 0.05);
  /* A zone not active at that time is not drawn. */
  stadium = feature_named (&demo, "Zone rouge Stade Roi Baudouin");
  g_assert_cmpfloat (share_of_colour (&image, cr_feature_get_geometry (stadium), 0, 0, red_fill), <,
                     0.05);
  map_image_clear (&image);

  /* With every phase, it is. */
  {
    g_autoptr(CrSheet) all = make_sheet (&demo, "en", FALSE, NULL);
    g_autofree char *all_pdf = write_pdf (all, "map-all.pdf");

    render_map_page (all, all_pdf, &image);
    /* Under the orange and yellow zones and the hatching of the drone
     * ban: darker than the red fill alone, but red. */
    g_assert_cmpfloat (share_of_red (&image, cr_feature_get_geometry (stadium)), >, 0.5);
    map_image_clear (&image);
  }
  demo_close (&demo);
}

static void
test_paper (void)
{
  Demo demo = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(CrSheet) sheet = NULL;
  g_auto(CrSheetOptions) options = { 0 };
  g_autofree char *pdf = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *argv[] = { "pdfinfo", "-f", "1", "-l", "3", NULL, NULL };
  double w, h;

  if (!have_poppler ())
    return;
  demo_open (&demo);
  options.event_id = demo.event_id;
  options.language = g_strdup ("en");
  options.landscape = TRUE;
  options.a3_map = TRUE;
  sheet = cr_sheet_new (demo.store, &options, &error);
  g_assert_no_error (error);
  cr_sheet_get_page_size (sheet, 0, &w, &h);
  g_assert_cmpfloat_with_epsilon (w, 1190.55, 0.1);
  g_assert_cmpfloat_with_epsilon (h, 841.89, 0.1);
  cr_sheet_get_page_size (sheet, 1, &w, &h);
  g_assert_cmpfloat_with_epsilon (w, 841.89, 0.1);
  g_assert_cmpfloat_with_epsilon (h, 595.28, 0.1);

  pdf = write_pdf (sheet, "a3.pdf");
  argv[5] = pdf;
  g_assert_cmpint (run_tool (argv, &out, &err), ==, 0);
  g_assert_true (g_regex_match_simple ("Page\\s+1 size:\\s+1190.55 x 841.89 pts \\(A3\\)", out, 0, 0));
  g_assert_true (g_regex_match_simple ("Page\\s+2 size:\\s+841.89 x 595.276 pts \\(A4\\)", out, 0, 0));
  g_assert_true (g_regex_match_simple ("Page\\s+3 size:\\s+841.89 x 595.276 pts \\(A4\\)", out, 0, 0));
  /* Every page but the map's is A4 landscape. */
  for (guint i = 1; i < cr_sheet_get_n_pages (sheet); i++)
    {
      cr_sheet_get_page_size (sheet, i, &w, &h);
      g_assert_cmpfloat (w, >, h);
    }
  demo_close (&demo);
}

/* An offline basemap is painted under the map; its attribution is printed. */
static void
test_basemap (void)
{
  Demo demo = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(CrSheet) sheet = NULL;
  g_auto(CrSheetOptions) options = { 0 };
  g_autofree char *mbtiles = cr_test_tmp_path ("green.mbtiles");
  g_autofree char *pdf = NULL;
  g_auto(GStrv) pages = NULL;
  g_autoptr(GBytes) tile = cr_test_tile_png (0x33aa33, NULL);
  const guint8 green[3] = { 0x33, 0xaa, 0x33 };
  MapImage image = { 0 };
  sqlite3 *db;
  guint total = 0, matching = 0;

  if (!have_poppler ())
    return;
  db = cr_test_mbtiles_create (mbtiles, TRUE);
  cr_test_mbtiles_set_metadata (db, "name", "Green test tiles");
  cr_test_mbtiles_set_metadata (db, "format", "png");
  cr_test_mbtiles_set_metadata (db, "bounds", CR_TEST_BRUSSELS_BOUNDS);
  cr_test_mbtiles_set_metadata (db, "minzoom", "10");
  cr_test_mbtiles_set_metadata (db, "maxzoom", "15");
  cr_test_mbtiles_set_metadata (db, "attribution", "© Green Test Tiles");
  for (int z = 10; z <= 15; z++)
    {
      int x0, y0, x1, y1;

      cr_test_lonlat_to_tile (4.24, 50.92, z, &x0, &y0);
      cr_test_lonlat_to_tile (4.48, 50.76, z, &x1, &y1);
      for (int x = x0; x <= x1; x++)
        for (int y = y0; y <= y1; y++)
          cr_test_mbtiles_put_tile (db, z, x, (1 << z) - 1 - y, tile);
    }
  cr_test_mbtiles_close (db);

  demo_open (&demo);
  options.event_id = demo.event_id;
  options.language = g_strdup ("en");
  options.basemap_mbtiles = g_strdup (mbtiles);
  sheet = cr_sheet_new (demo.store, &options, &error);
  g_assert_no_error (error);
  pdf = write_pdf (sheet, "basemap.pdf");
  pages = pdf_pages (pdf);
  assert_contains (pages[0], "© Green Test Tiles · Crisis Room");

  render_map_page (sheet, pdf, &image);
  for (double y = image.y + 5; y < image.y + image.proj.height * image.scale - 5; y += 4)
    for (double x = image.x + 5; x < image.x + image.proj.width * image.scale - 5; x += 4)
      {
        guint8 rgb[3];

        pixel (&image, (int) x, (int) y, rgb);
        total++;
        matching += near (rgb, green, 10);
      }
  /* Most of the map is basemap: the features, legend and labels cover the rest. */
  g_assert_cmpfloat ((double) matching / total, >, 0.4);
  map_image_clear (&image);

  /* A missing file is an error that names it. */
  g_free (options.basemap_mbtiles);
  options.basemap_mbtiles = g_strdup ("/nonexistent/basemap.mbtiles");
  g_assert_null (cr_sheet_new (demo.store, &options, &error));
  g_assert_error (error, CR_MBTILES_ERROR, CR_MBTILES_ERROR_NOT_FOUND);
  demo_close (&demo);
}

static void
test_png (void)
{
  Demo demo = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(CrMapRenderer) renderer = NULL;
  g_autoptr(CrMapPrint) print = NULL;
  cairo_surface_t *surface;
  g_autofree char *png = cr_test_tmp_path ("map.png");
  guint non_white = 0;
  int width, height;

  demo_open (&demo);
  renderer = cr_map_renderer_new (demo.store);
  cr_map_renderer_set_event_id (renderer, demo.event_id);
  print = cr_map_print_new (renderer);
  g_assert_true (cr_map_print_write_png (print, png, 800, 450, cr_map_print_png_scale (800, 450),
                                         &error));
  g_assert_no_error (error);
  surface = load_png (png);
  g_assert_cmpint (cairo_image_surface_get_width (surface), ==, 800);
  g_assert_cmpint (cairo_image_surface_get_height (surface), ==, 450);
  for (int y = 0; y < 450; y += 2)
    for (int x = 0; x < 800; x += 2)
      {
        guint8 p[3];

        surface_pixel (surface, x, y, p);
        non_white += p[0] < 240 || p[1] < 240 || p[2] < 240;
      }
  cairo_surface_destroy (surface);
  g_assert_cmpuint (non_white, >, 800 * 450 / 4 / 20);

  g_assert_true (cr_map_print_parse_size ("1920x1080", &width, &height));
  g_assert_cmpint (width, ==, 1920);
  g_assert_cmpint (height, ==, 1080);
  g_assert_true (cr_map_print_parse_size ("640×360", &width, &height));
  g_assert_cmpint (height, ==, 360);
  g_assert_false (cr_map_print_parse_size ("1920", &width, &height));
  g_assert_false (cr_map_print_parse_size ("0x100", &width, &height));
  g_assert_false (cr_map_print_parse_size ("100x100x", &width, &height));
  g_assert_false (cr_map_print_parse_size ("20000x100", &width, &height));

  /* A folder that is not there: an error, and no file. */
  g_assert_false (cr_map_print_write_png (print, "/nonexistent/dir/map.png", 100, 100, 1, &error));
  g_assert_nonnull (error);
  demo_close (&demo);
}

typedef struct
{
  GArray *progress;
  gboolean done;
  gboolean ok;
  GError *error;
} AsyncExport;

static void
async_progress_cb (double   fraction,
                   gpointer user_data)
{
  AsyncExport *export = user_data;

  /* Told in this thread, the one that asked. */
  g_assert_true (g_main_context_is_owner (g_main_context_default ()));
  g_array_append_val (export->progress, fraction);
}

static void
async_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  AsyncExport *export = user_data;

  export->ok = cr_sheet_export_pdf_finish (result, &export->error);
  export->done = TRUE;
}

/* The window's way: a worker thread on its own connection, progress in
 * this thread, cancel leaving no file. */
static void
test_async (void)
{
  Demo demo = { 0 };
  g_autofree char *pdf = cr_test_tmp_path ("async.pdf");
  g_autofree char *cancelled_pdf = cr_test_tmp_path ("cancelled.pdf");
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_auto(CrSheetOptions) options = { 0 };
  AsyncExport export = { g_array_new (FALSE, FALSE, sizeof (double)), FALSE, FALSE, NULL };
  g_autoptr(GDir) dir = NULL;
  const char *name;

  demo_open (&demo);
  options.event_id = demo.event_id;
  options.language = g_strdup ("en");
  cr_sheet_export_pdf_async (demo.store, &options, pdf, NULL, async_progress_cb, &export,
                             async_done_cb, &export);
  while (!export.done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_no_error (export.error);
  g_assert_true (export.ok);
  g_assert_true (g_file_test (pdf, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpuint (export.progress->len, >=, 5);
  for (guint i = 1; i < export.progress->len; i++)
    g_assert_cmpfloat (g_array_index (export.progress, double, i), >,
                       g_array_index (export.progress, double, i - 1));
  g_assert_cmpfloat (g_array_index (export.progress, double, export.progress->len - 1), ==, 1.0);

  export.done = FALSE;
  g_cancellable_cancel (cancellable);
  cr_sheet_export_pdf_async (demo.store, &options, cancelled_pdf, cancellable, NULL, NULL,
                             async_done_cb, &export);
  while (!export.done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (export.ok);
  g_assert_error (export.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&export.error);
  g_assert_false (g_file_test (cancelled_pdf, G_FILE_TEST_EXISTS));
  /* No temporary file left beside it either. */
  dir = g_dir_open (cr_test_tmpdir (), 0, NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_assert_false (g_str_has_prefix (name, "cancelled.pdf") || strstr (name, "cancelled.pdf.") != NULL);

  /* An unknown event fails in the worker, with the store's error. */
  export.done = FALSE;
  options.event_id = 999999;
  cr_sheet_export_pdf_async (demo.store, &options, pdf, NULL, NULL, NULL, async_done_cb, &export);
  while (!export.done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (export.ok);
  g_assert_error (export.error, CR_STORE_ERROR, CR_STORE_ERROR_NOT_FOUND);
  g_clear_error (&export.error);

  g_array_unref (export.progress);
  demo_close (&demo);
}

static void
test_cli (void)
{
  g_autofree char *db = cr_test_tmp_path ("cli.gpkg");
  g_autofree char *pdf = cr_test_tmp_path ("cli.pdf");
  g_autofree char *png = cr_test_tmp_path ("cli.png");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  cairo_surface_t *surface;

#define RUN(...) cr_test_run_app (&out, &err, __VA_ARGS__, NULL)

  /* Usage errors: 2. */
  g_assert_cmpint (RUN ("--database", db, "--export-sheet", pdf), ==, 2);
  assert_contains (err, "--event");
  g_assert_cmpint (RUN ("--database", db, "--export-map-png", png), ==, 2);
  g_assert_cmpint (RUN ("--database", db, "--export-sheet", pdf, "--event", "E", "--language", "de"),
                   ==, 2);
  g_assert_cmpint (RUN ("--database", db, "--export-sheet", pdf, "--event", "E", "--at", "soon"), ==,
                   2);
  g_assert_cmpint (RUN ("--database", db, "--export-map-png", png, "--event", "E", "--size", "big"),
                   ==, 2);
  g_assert_cmpint (RUN ("--database", db, "--export-map-png", png, "--event", "E", "--no-phones"), ==,
                   2);
  g_assert_cmpint (RUN ("--database", db, "--list-events", "--at", "2024-09-28T10:00"), ==, 2);
  g_assert_cmpint (RUN ("--database", db, "--export-sheet", pdf, "--export-map-png", png, "--event",
                        "E"),
                   ==, 2);
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));

  /* An event that is not there: 1, and no file. */
  g_assert_cmpint (RUN ("--database", db, "--demo", "--export-sheet", pdf, "--event", "No such event"),
                   ==, 1);
  assert_contains (err, "No such event");
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));

  /* The sheet, in Dutch, at a time, without phones. */
  g_assert_cmpint (RUN ("--database", db, "--export-sheet", pdf, "--event", CR_DEMO_EVENT_NAME,
                        "--language", "nl", "--at", "2024-09-28T10:00", "--no-phones"),
                   ==, 0);
  g_assert_true (g_file_test (pdf, G_FILE_TEST_EXISTS));
  assert_contains (out, pdf);
  if (cr_test_have_program ("pdftotext"))
    {
      g_auto(GStrv) pages = pdf_pages (pdf);
      g_autofree char *text = g_strjoinv (" ", pages);

      g_assert_false (contains (text, "+32"));
      assert_contains (text, "D1 Hulpverlening");
      assert_contains (pages[0], "28/09/2024 10:00");
    }

  /* The export is in the audit log, with what went with it. */
  {
    g_autoptr(CrStore) store = cr_store_open (db, &error);
    g_autoptr(GListModel) audit = NULL;
    g_autoptr(CrAuditEntry) last = NULL;
    gint64 revision_before, revision_after;

    g_assert_no_error (error);
    audit = cr_store_list (store, CR_TYPE_AUDIT_ENTRY, NULL, 0, &error);
    g_assert_no_error (error);
    last = g_list_model_get_item (audit, g_list_model_get_n_items (audit) - 1);
    g_assert_cmpstr (cr_audit_entry_get_action (last), ==, "export");
    g_assert_cmpstr (cr_audit_entry_get_table_name (last), ==, "events");
    assert_contains (cr_audit_entry_get_after (last), "\"phone_numbers\":false");
    assert_contains (cr_audit_entry_get_after (last), "\"language\":\"nl\"");

    /* An export changes nothing: the revision the sheet prints stays. */
    g_assert_true (cr_store_get_revision (store, &revision_before, NULL, &error));
    g_assert_true (cr_store_audit_export (store, "events", 1, "{}", &error));
    g_assert_no_error (error);
    g_assert_true (cr_store_get_revision (store, &revision_after, NULL, &error));
    g_assert_cmpint (revision_before, ==, revision_after);
    g_assert_cmpint (revision_before, >, 0);
  }

  /* When the audit log refuses the entry, there is no new sheet, and the
   * one there before is as it was: no names left unrecorded, none lost. */
  {
    g_autofree char *before = NULL;
    g_autofree char *after = NULL;
    g_autofree char *dir = g_path_get_dirname (pdf);
    g_autofree char *base = g_path_get_basename (pdf);
    g_autoptr(GDir) listing = NULL;
    const char *name;
    gsize before_len, after_len;
    sqlite3 *raw = NULL;

    g_assert_true (g_file_get_contents (pdf, &before, &before_len, NULL));
    g_assert_cmpint (sqlite3_open (db, &raw), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_exec (raw, "CREATE TRIGGER refuse_exports BEFORE INSERT ON audit "
                                        "WHEN NEW.action = 'export' BEGIN SELECT RAISE (ABORT, 'refused'); END",
                                   NULL, NULL, NULL), ==, SQLITE_OK);
    sqlite3_close (raw);
    g_assert_cmpint (RUN ("--database", db, "--export-sheet", pdf, "--event", CR_DEMO_EVENT_NAME,
                          "--language", "fr"),
                     ==, 1);
    assert_contains (err, db);
    g_assert_true (g_file_get_contents (pdf, &after, &after_len, NULL));
    g_assert_cmpmem (before, before_len, after, after_len);
    listing = g_dir_open (dir, 0, NULL);
    while ((name = g_dir_read_name (listing)) != NULL)
      g_assert_false (g_str_has_prefix (name, base) && !g_str_equal (name, base));
    g_assert_cmpint (sqlite3_open (db, &raw), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_exec (raw, "DROP TRIGGER refuse_exports", NULL, NULL, NULL), ==, SQLITE_OK);
    sqlite3_close (raw);
  }

  /* The map image at the size asked. */
  g_assert_cmpint (RUN ("--database", db, "--export-map-png", png, "--event", CR_DEMO_EVENT_NAME,
                        "--size", "640x360"),
                   ==, 0);
  surface = load_png (png);
  g_assert_cmpint (cairo_image_surface_get_width (surface), ==, 640);
  g_assert_cmpint (cairo_image_surface_get_height (surface), ==, 360);
  cairo_surface_destroy (surface);

  /* A folder that is not there: 1. */
  g_assert_cmpint (RUN ("--database", db, "--export-sheet", "/nonexistent/dir/sheet.pdf", "--event",
                        CR_DEMO_EVENT_NAME),
                   ==, 1);
#undef RUN
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/sheet/catalog", test_catalog);
  g_test_add_func ("/sheet/label-msgids", test_label_msgids);
  g_test_add_func ("/sheet/pages-english", test_pages_english);
  g_test_add_func ("/sheet/pages-french-dutch", test_pages_french_dutch);
  g_test_add_func ("/sheet/no-phones", test_no_phones);
  g_test_add_func ("/sheet/radio", test_radio);
  g_test_add_func ("/sheet/map-page", test_map_page);
  g_test_add_func ("/sheet/paper", test_paper);
  g_test_add_func ("/sheet/basemap", test_basemap);
  g_test_add_func ("/sheet/png", test_png);
  g_test_add_func ("/sheet/async", test_async);
  g_test_add_func ("/sheet/cli", test_cli);

  return g_test_run ();
}
