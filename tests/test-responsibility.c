/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <gtk/gtk.h>
#include <string.h>

#include "cr-application.h"
#include "cr-geojson.h"
#include "cr-responsibility-popover.h"
#include "cr-test-widgets.h"
#include "cr-window.h"

/* "Who is responsible here?" in the running application: the reference
 * layer drawn under the event, the popover at a point of the map with its
 * areas, partners and SPOC chains in order, and a partner linked and
 * unlinked through the chooser. The layer is the synthetic one of
 * tests/fixtures/reference/. Runs in its own X server. */

#define INNER_LON 4.35 /* in Inner and Outer */
#define INNER_LAT 50.85
#define HOLE_LON 4.32 /* in the Donut's hole: Outer only */
#define HOLE_LAT 50.82
#define OUTSIDE_LON 4.29 /* west of every sector, still on screen */
#define OUTSIDE_LAT 50.85

typedef struct
{
  CrApplication *app;
  CrWindow *window;
  CrStore *store;
  CrResponsibilityPopover *popover;
  gint64 inner;
  gint64 outer;
  gint64 police;
  gint64 fire;
  gint64 commune;
} Fixture;

static GtkWidget *
template_child (Fixture    *f,
                const char *name)
{
  return GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (f->popover), CR_TYPE_RESPONSIBILITY_POPOVER,
                                                    name));
}

/* What the areas page says, one label a line, in reading order. */
static char *
areas_text (Fixture *f)
{
  return cr_test_widget_text (template_child (f, "areas_box"), CR_TEST_TEXT_VISIBLE);
}

/* Asserts that @texts holds each of the NULL-terminated lines, in order. */
static void
assert_in_order (const char *texts,
                 ...)
{
  const char *from = texts;
  const char *expected;
  va_list args;

  va_start (args, texts);
  while ((expected = va_arg (args, const char *)) != NULL)
    {
      g_autofree char *line = g_strdup_printf ("%s\n", expected);
      const char *at = strstr (from, line);

      if (at == NULL)
        g_error ("“%s” missing, or out of order, in:\n%s", expected, texts);
      from = at + strlen (line);
    }
  va_end (args);
}

/* A button whose label, or tooltip, contains @text. */
static gboolean
is_button_saying (GtkWidget    *widget,
                  gconstpointer text)
{
  const char *label, *tooltip;

  if (!GTK_IS_BUTTON (widget))
    return FALSE;
  label = gtk_button_get_label (GTK_BUTTON (widget));
  tooltip = gtk_widget_get_tooltip_text (widget);
  return (label != NULL && strstr (label, text) != NULL) || (tooltip != NULL && strstr (tooltip, text) != NULL);
}

static GtkWidget *
button (Fixture    *f,
        const char *text,
        guint       index)
{
  g_autoptr(GPtrArray) found = cr_test_find_widgets_full (template_child (f, "areas_box"), is_button_saying, text);

  if (index >= found->len)
    g_error ("No button %u with “%s”", index, text);
  return g_ptr_array_index (found, index);
}

static void
collect_uris (GtkWidget *widget,
              GString   *out)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      const char *uri = g_object_get_data (G_OBJECT (child), "cr-uri");

      if (uri != NULL)
        g_string_append_printf (out, "%s\n", uri);
      collect_uris (child, out);
    }
}

/* Opens the popover where the map shows (@lon, @lat), as a right-click
 * there does. */
static void
popup_at_location (Fixture *f,
                   double   lon,
                   double   lat)
{
  GtkWidget *simple = gtk_widget_get_parent (GTK_WIDGET (f->popover));
  ShumateMap *map = cr_window_get_map (f->window);
  ShumateViewport *viewport = shumate_map_get_viewport (map);
  double x, y, sx, sy;

  shumate_viewport_location_to_widget_coords (viewport, GTK_WIDGET (map), lat, lon, &x, &y);
  g_assert_true (gtk_widget_translate_coordinates (GTK_WIDGET (map), simple, x, y, &sx, &sy));
  cr_responsibility_popover_popup_at (f->popover, sx, sy);
  cr_test_iterate ();
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (f->popover)));
}

static gboolean
map_allocated (gpointer data)
{
  Fixture *f = data;

  return gtk_widget_get_width (GTK_WIDGET (cr_window_get_map (f->window))) > 100;
}

static CrFeatureLayer *
reference_layer (Fixture *f)
{
  GtkWidget *map = GTK_WIDGET (cr_window_get_map (f->window));

  for (GtkWidget *child = gtk_widget_get_first_child (map); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (CR_IS_FEATURE_LAYER (child) &&
        cr_map_renderer_get_reference (cr_feature_layer_get_renderer (CR_FEATURE_LAYER (child))))
      return CR_FEATURE_LAYER (child);
  return NULL;
}

static gboolean
reference_drawn (gpointer data)
{
  Fixture *f = data;

  CrFeatureLayer *layer = reference_layer (f);

  return layer != NULL && cr_feature_layer_get_n_drawn (layer) > 0;
}

static gboolean
chooser_filtered (gpointer data)
{
  Fixture *f = data;

  GtkListBox *list = GTK_LIST_BOX (template_child (f, "partner_list"));

  return gtk_list_box_get_row_at_index (list, 0) != NULL && gtk_list_box_get_row_at_index (list, 1) == NULL;
}

static gint64
partner_area (Fixture *f,
              gint64   partner_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrPartner) partner = cr_store_get (f->store, CR_TYPE_PARTNER, partner_id, &error);

  g_assert_no_error (error);
  return cr_partner_get_area_feature_id (partner);
}

static void
body (Fixture *f)
{
  ShumateViewport *viewport = shumate_map_get_viewport (cr_window_get_map (f->window));
  CrFeatureLayer *layer;

  f->popover = CR_RESPONSIBILITY_POPOVER (cr_test_find_widget (GTK_WIDGET (f->window),
                                                           CR_TYPE_RESPONSIBILITY_POPOVER));
  g_assert_nonnull (f->popover);
  g_assert_true (SHUMATE_IS_SIMPLE_MAP (gtk_widget_get_parent (GTK_WIDGET (f->popover))));
  f->store = cr_application_get_store (f->app);

  g_assert_true (cr_test_wait_until (map_allocated, f, 20));
  shumate_viewport_set_zoom_level (viewport, 13);
  shumate_location_set_location (SHUMATE_LOCATION (viewport), INNER_LAT, INNER_LON);

  /* The reference layer is drawn, behind the event's layer. */
  layer = reference_layer (f);
  g_assert_nonnull (layer);
  g_assert_true (gtk_widget_get_prev_sibling (GTK_WIDGET (layer)) == NULL ||
                 !CR_IS_FEATURE_LAYER (gtk_widget_get_prev_sibling (GTK_WIDGET (layer))));
  g_assert_true (CR_IS_FEATURE_LAYER (gtk_widget_get_next_sibling (GTK_WIDGET (layer))));
  gtk_widget_queue_draw (GTK_WIDGET (layer));
  g_assert_true (cr_test_wait_until (reference_drawn, f, 20));

  /* Inner and Outer, the smallest first; each area's partners by name;
   * each partner's SPOC then deputies, with their numbers. */
  popup_at_location (f, INNER_LON, INNER_LAT);
  g_assert_cmpuint (g_list_model_get_n_items (cr_responsibility_popover_get_areas (f->popover)), ==, 2);
  g_assert_true (gtk_widget_get_visible (template_child (f, "areas_scroller")));
  g_assert_false (gtk_widget_get_visible (template_child (f, "empty_box")));
  {
    g_autofree char *text = areas_text (f);
    GString *uris = g_string_new (NULL);
    g_autofree char *uri_text = NULL;

    g_test_message ("%s", text);
    assert_in_order (text,
                     "Inner sector", "Sectors",
                     "Police zone (test)", "Police zone",
                     "SPOC · Anna Example", "Crisis SPOC",
                     "24/7 +32 2 000 00 01", "Mobile +32 470 00 00 01", "anna@police.example",
                     "Deputy 1 · Bert Example",
                     "24/7 +32 2 000 00 02",
                     "Deputy 2 · Carla Example",
                     "Outer sector", "Sectors",
                     "Commune (test)",
                     NULL);
    /* A partner without a chain says so; the fire service is not linked. */
    g_assert_nonnull (strstr (text, "No SPOC recorded for this partner"));
    g_assert_null (strstr (text, "Fire service"));
    g_assert_null (strstr (text, "Donut"));

    collect_uris (template_child (f, "areas_box"), uris);
    uri_text = g_string_free (uris, FALSE);
    assert_in_order (uri_text, "tel:+3220000001", "tel:+32470000001", "mailto:anna@police.example",
                     "tel:+3220000002", NULL);
  }
  gtk_popover_popdown (GTK_POPOVER (f->popover));

  /* In the Donut's hole: only Outer. */
  popup_at_location (f, HOLE_LON, HOLE_LAT);
  {
    g_autofree char *text = areas_text (f);

    g_assert_cmpuint (g_list_model_get_n_items (cr_responsibility_popover_get_areas (f->popover)), ==, 1);
    g_assert_null (strstr (text, "Donut"));
    assert_in_order (text, "Outer sector", "Commune (test)", NULL);
  }
  gtk_popover_popdown (GTK_POPOVER (f->popover));

  /* Nowhere: the empty state, which says what to do. */
  popup_at_location (f, OUTSIDE_LON, OUTSIDE_LAT);
  g_assert_cmpuint (g_list_model_get_n_items (cr_responsibility_popover_get_areas (f->popover)), ==, 0);
  g_assert_true (gtk_widget_get_visible (template_child (f, "empty_box")));
  g_assert_false (gtk_widget_get_visible (template_child (f, "areas_scroller")));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (template_child (f, "empty_hint"))),
                            "reference layer"));
  gtk_popover_popdown (GTK_POPOVER (f->popover));

  /* Link the fire service to Inner through the chooser. */
  popup_at_location (f, INNER_LON, INNER_LAT);
  g_signal_emit_by_name (button (f, "Link a Partner", 0), "clicked");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (template_child (f, "stack"))), ==, "link");
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (template_child (f, "link_title"))), "Inner sector"));
  gtk_editable_set_text (GTK_EDITABLE (template_child (f, "partner_search")), "fire serv");
  g_assert_true (cr_test_wait_until (chooser_filtered, f, 20));
  {
    GtkListBoxRow *row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (template_child (f, "partner_list")), 0);

    g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Fire service (test)");
    gtk_widget_activate (GTK_WIDGET (row));
  }
  g_assert_cmpint (partner_area (f, f->fire), ==, f->inner);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (template_child (f, "stack"))), ==, "areas");
  {
    g_autofree char *text = areas_text (f);

    assert_in_order (text, "Inner sector", "Fire service (test)", "Police zone (test)", "Outer sector", NULL);
  }

  /* Linking replaces: the commune moves from Outer to Inner. */
  g_signal_emit_by_name (button (f, "Link a Partner", 0), "clicked");
  gtk_editable_set_text (GTK_EDITABLE (template_child (f, "partner_search")), "commune");
  g_assert_true (cr_test_wait_until (chooser_filtered, f, 20));
  gtk_widget_activate (GTK_WIDGET (gtk_list_box_get_row_at_index (GTK_LIST_BOX (template_child (f, "partner_list")),
                                                                  0)));
  g_assert_cmpint (partner_area (f, f->commune), ==, f->inner);
  {
    g_autofree char *text = areas_text (f);

    assert_in_order (text, "Inner sector", "Commune (test)", "Fire service (test)", "Police zone (test)",
                     "Outer sector", "No partner is linked to this area yet.", NULL);
  }

  /* Unlink. */
  g_signal_emit_by_name (button (f, "Unlink Fire service", 0), "clicked");
  g_assert_cmpint (partner_area (f, f->fire), ==, 0);
  {
    g_autofree char *text = areas_text (f);

    g_assert_null (strstr (text, "Fire service"));
  }

  /* A change from elsewhere (another window) shows while it is open. */
  {
    g_autoptr(GError) error = NULL;
    g_autofree char *text = NULL;

    g_assert_true (cr_store_set_partner_area (f->store, f->fire, f->outer, &error));
    g_assert_no_error (error);
    cr_test_iterate ();
    text = areas_text (f);
    assert_in_order (text, "Outer sector", "Fire service (test)", NULL);
  }
  gtk_popover_popdown (GTK_POPOVER (f->popover));
}

/* Runs after the application's own activate, which opened the window. */
static void
activate_cb (CrApplication *app,
             GtkWindow     *window,
             gpointer       data)
{
  Fixture *f = data;

  f->app = app;
  f->window = CR_WINDOW (window);
  body (f);
}

static gint64
insert_partner (CrStore      *store,
                const char   *name,
                CrPartnerType type,
                gint64        area)
{
  g_autoptr(CrPartner) partner = cr_partner_new ();
  g_autoptr(GError) error = NULL;

  cr_partner_set_name (partner, name);
  cr_partner_set_partner_type (partner, type);
  cr_partner_set_area_feature_id (partner, area);
  g_assert_true (cr_store_insert (store, CR_RECORD (partner), &error));
  g_assert_no_error (error);
  return cr_record_get_id (CR_RECORD (partner));
}

static void
insert_spoc (CrStore    *store,
             gint64      partner,
             int         rank,
             const char *name,
             const char *phone_24_7,
             const char *mobile,
             const char *email)
{
  g_autoptr(CrContact) contact = cr_contact_new ();
  g_autoptr(CrSpocAssignment) assignment = cr_spoc_assignment_new ();
  g_autoptr(GError) error = NULL;

  cr_contact_set_partner_id (contact, partner);
  cr_contact_set_name (contact, name);
  cr_contact_set_function (contact, rank == 0 ? "Crisis SPOC" : "Deputy SPOC");
  cr_contact_set_phone_24_7 (contact, phone_24_7);
  cr_contact_set_phone_mobile (contact, mobile);
  cr_contact_set_email (contact, email);
  g_assert_true (cr_store_insert (store, CR_RECORD (contact), &error));
  g_assert_no_error (error);
  cr_spoc_assignment_set_partner_id (assignment, partner);
  cr_spoc_assignment_set_contact_id (assignment, cr_record_get_id (CR_RECORD (contact)));
  cr_spoc_assignment_set_rank (assignment, rank);
  g_assert_true (cr_store_insert (store, CR_RECORD (assignment), &error));
  g_assert_no_error (error);
}

static gint64
area_named (CrStore    *store,
            const char *name)
{
  g_autoptr(GListModel) all = cr_store_list (store, CR_TYPE_FEATURE, NULL, 0, NULL);

  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    {
      g_autoptr(CrFeature) feature = g_list_model_get_item (all, i);

      if (g_strcmp0 (cr_feature_get_name (feature), name) == 0)
        return cr_record_get_id (CR_RECORD (feature));
    }
  g_error ("No feature %s", name);
  return 0;
}

/* The database the application opens: the synthetic layer, three
 * partners, and a SPOC chain written out of order. */
static void
prepare_database (const char *path,
                  Fixture    *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrStore) store = cr_store_open (path, &error);
  g_autofree char *fixture = cr_test_fixture_path ("reference/sectors.geojson");
  g_autoptr(CrGeojsonImportResult) result = NULL;

  g_assert_no_error (error);
  /* The map shows with an event selected. */
  {
    g_autoptr(CrEvent) event = cr_event_new ();

    cr_event_set_name (event, "Exercise (test)");
    g_assert_true (cr_store_insert (store, CR_RECORD (event), &error));
    g_assert_no_error (error);
  }
  result = cr_geojson_import_reference_file (store, fixture, "Sectors", NULL, NULL, &error);
  g_assert_no_error (error);
  f->inner = area_named (store, "Inner sector");
  f->outer = area_named (store, "Outer sector");
  f->police = insert_partner (store, "Police zone (test)", CR_PARTNER_TYPE_POLICE_ZONE, f->inner);
  f->fire = insert_partner (store, "Fire service (test)", CR_PARTNER_TYPE_FIRE_EMS, 0);
  f->commune = insert_partner (store, "Commune (test)", CR_PARTNER_TYPE_COMMUNE, f->outer);
  insert_spoc (store, f->police, 2, "Carla Example", "+32 2 000 00 03", NULL, NULL);
  insert_spoc (store, f->police, 0, "Anna Example", "+32 2 000 00 01", "+32 470 00 00 01", "anna@police.example");
  insert_spoc (store, f->police, 1, "Bert Example", "+32 2 000 00 02", NULL, "bert@police.example");
}

static void
test_responsibility (void)
{
  g_autofree char *path = cr_test_tmp_path ("responsibility.gpkg");
  Fixture f = { 0 };

  prepare_database (path, &f);
  cr_test_run_database (path, FALSE, activate_cb, &f);
}

int
main (int   argc,
      char *argv[])
{
  cr_test_widgets_init (&argc, &argv);

  g_test_add_func ("/responsibility/popover", test_responsibility);

  return g_test_run ();
}
