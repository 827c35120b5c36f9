/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-activation"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cr-store-private.h"
#include "cr-test-utils.h"
#include "cr-time.h"

/* Checklist templates, activations, ticks and their journal, progress,
 * overdue items (also across the change to winter time), and closed
 * activations being read-only for every writer. */

static GDateTime *
utc (const char *iso)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_iso8601 (iso, NULL);

  g_assert_nonnull (dt);
  return g_date_time_to_utc (dt);
}

static char *
storage (GDateTime *dt)
{
  g_assert_nonnull (dt);
  return cr_time_to_storage (dt);
}

static gint64
add_event (CrStore    *store,
           const char *name,
           CrEventKind kind)
{
  g_autoptr(CrEvent) event = cr_event_new ();
  g_autoptr(GError) error = NULL;

  cr_event_set_name (event, name);
  cr_event_set_kind (event, kind);
  g_assert_true (cr_store_insert (store, CR_RECORD (event), &error));
  g_assert_no_error (error);
  return cr_record_get_id (CR_RECORD (event));
}

static gint64
add_template (CrStore    *store,
              const char *name,
              const char *kind)
{
  g_autoptr(CrChecklistTemplate) template = cr_checklist_template_new ();
  g_autoptr(GError) error = NULL;

  cr_checklist_template_set_name (template, name);
  cr_checklist_template_set_event_kind (template, kind);
  g_assert_true (cr_store_insert (store, CR_RECORD (template), &error));
  g_assert_no_error (error);
  return cr_record_get_id (CR_RECORD (template));
}

static gint64
add_item (CrStore    *store,
          gint64      template_id,
          CrCell      cell,
          const char *text,
          int         due_offset_min)
{
  g_autoptr(CrChecklistTemplateItem) item = cr_checklist_template_item_new ();
  g_autoptr(GError) error = NULL;

  cr_checklist_template_item_set_template_id (item, template_id);
  cr_checklist_template_item_set_cell (item, cell);
  cr_checklist_template_item_set_text (item, text);
  cr_checklist_template_item_set_responsible (item, "Duty officer");
  cr_checklist_template_item_set_due_offset_min (item, due_offset_min);
  cr_checklist_template_item_set_mandatory (item, due_offset_min < 60);
  cr_checklist_template_item_set_partner_type (item, cell == CR_CELL_PARTNER_LIAISON ? "regional-body" : NULL);
  g_assert_true (cr_store_append_template_item (store, item, &error));
  g_assert_no_error (error);
  return cr_record_get_id (CR_RECORD (item));
}

static gint64
open_activation (CrStore    *store,
                 gint64      event_id,
                 guint       cells,
                 const char *opened_at,
                 gint64      template_id)
{
  g_autoptr(GDateTime) at = opened_at != NULL ? utc (opened_at) : NULL;
  g_autoptr(GError) error = NULL;
  CrActivationRequest request = { event_id, "SCHAERBEEK – building fire", CR_ACTIVATION_LEVEL_PARTIAL,
                                  cells, at, template_id };
  gint64 id = cr_store_open_activation (store, &request, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static GListModel *
items_of (CrStore *store,
          gint64   activation_id)
{
  g_autoptr(GError) error = NULL;
  GListModel *items = cr_store_list_activation_items (store, activation_id, 0, &error);

  g_assert_no_error (error);
  return items;
}

static CrActivationItem *
item_at (CrStore *store,
         gint64   activation_id,
         guint    index)
{
  g_autoptr(GListModel) items = items_of (store, activation_id);

  g_assert_cmpuint (index, <, g_list_model_get_n_items (items));
  return g_list_model_get_item (items, index);
}

static CrActivationItem *
reload_item (CrStore          *store,
             CrActivationItem *item)
{
  g_autoptr(GError) error = NULL;
  CrActivationItem *fresh = cr_store_get (store, CR_TYPE_ACTIVATION_ITEM,
                                          cr_record_get_id (CR_RECORD (item)), &error);

  g_assert_no_error (error);
  return fresh;
}

static GListModel *
log_of (CrStore *store,
        gint64   activation_id)
{
  g_autoptr(GError) error = NULL;
  CrLogFilter filter = { 0 };
  GListModel *entries;

  filter.activation_id = activation_id;
  entries = cr_store_list_log_entries (store, &filter, &error);
  g_assert_no_error (error);
  return entries;
}

typedef struct
{
  CrStore *store;
  gint64 event;
  gint64 visit;    /* template for visits */
  gint64 summit;   /* template for summits */
  gint64 any;      /* template without a kind */
  gint64 incident; /* template for unplanned incidents */
} Fixture;

static void
fixture_init (Fixture *f)
{
  f->store = cr_test_open_store ();
  f->event = add_event (f->store, "Visite papale", CR_EVENT_KIND_VISIT);
  f->visit = add_template (f->store, "Visit", "visit");
  add_item (f->store, f->visit, CR_CELL_SITUATION, "Open the logbook", 0);
  add_item (f->store, f->visit, CR_CELL_LEGAL, "Draft the drone-ban order", 15);
  add_item (f->store, f->visit, CR_CELL_PARTNER_LIAISON, "Alert the regional SPOCs", 30);
  add_item (f->store, f->visit, CR_CELL_SITUATION, "First SITREP", 60);
  add_item (f->store, f->visit, CR_CELL_LOGISTICS, "Meals and relief", 120);
  f->summit = add_template (f->store, "Summit", "summit");
  add_item (f->store, f->summit, CR_CELL_SITUATION, "Summit: accreditations", 10);
  f->any = add_template (f->store, "Every activation", NULL);
  add_item (f->store, f->any, CR_CELL_SITUATION, "Name the duty officer", 5);
  add_item (f->store, f->any, CR_CELL_INFORMATION, "Warn the spokesperson", 20);
  f->incident = add_template (f->store, "Incident", "incident");
  add_item (f->store, f->incident, CR_CELL_OPERATIONS, "Reach the CP-Ops", 10);
}

static void
fixture_clear (Fixture *f)
{
  g_clear_object (&f->store);
}

/* ---- Templates ---- */

static void
test_templates (void)
{
  Fixture f;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) templates = NULL;
  g_autoptr(GListModel) items = NULL;
  g_autoptr(GListModel) legal = NULL;
  const char *expected[] = { "Open the logbook", "Draft the drone-ban order", "Alert the regional SPOCs",
                             "First SITREP", "Meals and relief" };

  fixture_init (&f);

  /* By kind: those of the kind and those without one, by name. */
  templates = cr_store_list_checklist_templates (f.store, CR_EVENT_KIND_VISIT, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (templates), ==, 2);
  {
    g_autoptr(CrChecklistTemplate) first = g_list_model_get_item (templates, 0);
    g_autoptr(CrChecklistTemplate) second = g_list_model_get_item (templates, 1);

    g_assert_cmpstr (cr_checklist_template_get_name (first), ==, "Every activation");
    g_assert_cmpstr (cr_checklist_template_get_name (second), ==, "Visit");
  }
  g_clear_object (&templates);
  templates = cr_store_list_checklist_templates (f.store, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (templates), ==, 4);

  /* Appended items are numbered in order. */
  items = cr_store_list_template_items (f.store, f.visit, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr(CrChecklistTemplateItem) item = g_list_model_get_item (items, i);

      g_assert_cmpint (cr_checklist_template_item_get_position (item), ==, (int) i);
      g_assert_cmpstr (cr_checklist_template_item_get_text (item), ==, expected[i]);
    }

  /* By cell. */
  legal = cr_store_list_template_items (f.store, f.visit, CR_CELL_MASK (CR_CELL_LEGAL), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (legal), ==, 1);

  /* Moving the last item first numbers them all again. */
  {
    g_autoptr(CrChecklistTemplateItem) last = g_list_model_get_item (items, 4);
    g_autoptr(GListModel) moved = NULL;
    g_autoptr(CrChecklistTemplateItem) first = NULL;
    g_autoptr(CrChecklistTemplateItem) second = NULL;

    g_assert_true (cr_store_move_template_item (f.store, cr_record_get_id (CR_RECORD (last)), 0, &error));
    g_assert_no_error (error);
    moved = cr_store_list_template_items (f.store, f.visit, 0, &error);
    g_assert_no_error (error);
    first = g_list_model_get_item (moved, 0);
    second = g_list_model_get_item (moved, 1);
    g_assert_cmpstr (cr_checklist_template_item_get_text (first), ==, "Meals and relief");
    g_assert_cmpint (cr_checklist_template_item_get_position (first), ==, 0);
    g_assert_cmpstr (cr_checklist_template_item_get_text (second), ==, "Open the logbook");
    g_assert_cmpint (cr_checklist_template_item_get_position (second), ==, 1);
    /* Beyond the end means last. */
    g_assert_true (cr_store_move_template_item (f.store, cr_record_get_id (CR_RECORD (first)), 99, &error));
    g_assert_no_error (error);
    g_clear_object (&moved);
    moved = cr_store_list_template_items (f.store, f.visit, 0, &error);
    g_clear_object (&first);
    first = g_list_model_get_item (moved, 4);
    g_assert_cmpstr (cr_checklist_template_item_get_text (first), ==, "Meals and relief");
    g_assert_cmpint (cr_checklist_template_item_get_position (first), ==, 4);
  }
  fixture_clear (&f);
}

/* ---- Opening ---- */

static void
test_instantiate (void)
{
  Fixture f;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) items = NULL;
  g_autoptr(GListModel) entries = NULL;
  g_autoptr(CrActivation) activation = NULL;
  g_autoptr(GDateTime) t = utc ("2024-09-26T08:00:00+02:00");
  const struct
  {
    const char *text;
    CrCell cell;
    int offset;
  } expected[] = {
    /* "Every activation" (by name, first), then "Visit"; only the
     * activated cells: situation, legal, information. */
    { "Name the duty officer", CR_CELL_SITUATION, 5 },
    { "Warn the spokesperson", CR_CELL_INFORMATION, 20 },
    { "Open the logbook", CR_CELL_SITUATION, 0 },
    { "Draft the drone-ban order", CR_CELL_LEGAL, 15 },
    { "First SITREP", CR_CELL_SITUATION, 60 },
  };
  guint cells = CR_CELL_MASK (CR_CELL_SITUATION) | CR_CELL_MASK (CR_CELL_LEGAL) |
                CR_CELL_MASK (CR_CELL_INFORMATION);
  gint64 id;

  fixture_init (&f);
  id = open_activation (f.store, f.event, cells, "2024-09-26T08:00:00+02:00", 0);

  activation = cr_store_get (f.store, CR_TYPE_ACTIVATION, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cr_activation_get_name (activation), ==, "SCHAERBEEK – building fire");
  g_assert_cmpint (cr_activation_get_level (activation), ==, CR_ACTIVATION_LEVEL_PARTIAL);
  g_assert_cmpstr (cr_activation_get_cells (activation), ==, "situation,information,legal");
  g_assert_cmpuint (cr_activation_get_cell_mask (activation), ==, cells);
  g_assert_cmpstr (cr_activation_get_opened_by (activation), ==, "Test Operator");
  g_assert_true (g_date_time_equal (cr_activation_get_opened_at (activation), t));
  g_assert_false (cr_activation_is_closed (activation));

  items = items_of (f.store, id);
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr(CrActivationItem) item = g_list_model_get_item (items, i);
      g_autoptr(GDateTime) due = g_date_time_add_minutes (t, expected[i].offset);
      g_autoptr(CrChecklistTemplateItem) source = NULL;

      g_assert_cmpstr (cr_activation_item_get_text (item), ==, expected[i].text);
      g_assert_cmpint (cr_activation_item_get_cell (item), ==, expected[i].cell);
      g_assert_cmpint (cr_activation_item_get_position (item), ==, (int) i);
      g_assert_true (g_date_time_equal (cr_activation_item_get_due_at (item), due));
      g_assert_cmpint (cr_activation_item_get_state (item), ==, CR_ITEM_STATE_OPEN);
      g_assert_cmpstr (cr_activation_item_get_responsible (item), ==, "Duty officer");
      g_assert_cmpint (cr_activation_item_get_mandatory (item), ==, expected[i].offset < 60);
      source = cr_store_get (f.store, CR_TYPE_CHECKLIST_TEMPLATE_ITEM,
                             cr_activation_item_get_template_item_id (item), &error);
      g_assert_no_error (error);
      g_assert_cmpstr (cr_checklist_template_item_get_text (source), ==, expected[i].text);
    }

  /* The opening is in the logbook, linked to the activation. */
  entries = log_of (f.store, id);
  g_assert_cmpuint (g_list_model_get_n_items (entries), ==, 1);
  {
    g_autoptr(CrLogEntry) entry = g_list_model_get_item (entries, 0);

    g_assert_cmpint (cr_log_entry_get_category (entry), ==, CR_LOG_CATEGORY_DECISION);
    g_assert_nonnull (strstr (cr_log_entry_get_text (entry), "SCHAERBEEK – building fire"));
    g_assert_nonnull (strstr (cr_log_entry_get_text (entry), "5 checklist items"));
    g_assert_true (g_date_time_equal (cr_log_entry_get_occurred_at (entry), t));
  }

  /* A chosen template, whatever its kind. */
  g_clear_object (&items);
  id = open_activation (f.store, f.event, CR_CELL_MASK_ALL, NULL, f.summit);
  items = items_of (f.store, id);
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, 1);
  {
    g_autoptr(CrActivationItem) item = g_list_model_get_item (items, 0);

    g_assert_cmpstr (cr_activation_item_get_text (item), ==, "Summit: accreditations");
  }

  /* An unplanned incident: the incident templates and those without a
   * kind. */
  g_clear_object (&items);
  id = open_activation (f.store, 0, CR_CELL_MASK (CR_CELL_OPERATIONS) | CR_CELL_MASK (CR_CELL_SITUATION),
                        NULL, 0);
  items = items_of (f.store, id);
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, 2);
  {
    g_autoptr(CrActivation) incident = cr_store_get (f.store, CR_TYPE_ACTIVATION, id, &error);
    g_autoptr(CrActivationItem) first = g_list_model_get_item (items, 0);
    g_autoptr(CrActivationItem) second = g_list_model_get_item (items, 1);

    g_assert_no_error (error);
    g_assert_cmpint (cr_activation_get_event_id (incident), ==, 0);
    g_assert_cmpstr (cr_activation_item_get_text (first), ==, "Name the duty officer");
    g_assert_cmpstr (cr_activation_item_get_text (second), ==, "Reach the CP-Ops");
  }
  fixture_clear (&f);
}

static void
test_open_errors (void)
{
  Fixture f;
  gint64 n_activations, n_items, n_log, n_audit;
  struct
  {
    CrActivationRequest request;
    int code;
  } cases[] = {
    { { 0, NULL, CR_ACTIVATION_LEVEL_FULL, CR_CELL_MASK_ALL, NULL, 0 }, CR_STORE_ERROR_INVALID },
    { { 0, "  ", CR_ACTIVATION_LEVEL_FULL, CR_CELL_MASK_ALL, NULL, 0 }, CR_STORE_ERROR_INVALID },
    { { 0, "IXELLES – gas leak", CR_ACTIVATION_LEVEL_FULL, 0, NULL, 0 }, CR_STORE_ERROR_INVALID },
    { { 0, "IXELLES – gas leak", CR_ACTIVATION_LEVEL_FULL, 1u << 12, NULL, 0 }, CR_STORE_ERROR_INVALID },
    { { 4242, "IXELLES – gas leak", CR_ACTIVATION_LEVEL_FULL, CR_CELL_MASK_ALL, NULL, 0 },
      CR_STORE_ERROR_NOT_FOUND },
    { { 0, "IXELLES – gas leak", CR_ACTIVATION_LEVEL_FULL, CR_CELL_MASK_ALL, NULL, 4242 },
      CR_STORE_ERROR_NOT_FOUND },
  };

  fixture_init (&f);
  n_activations = cr_store_count (f.store, CR_TYPE_ACTIVATION, NULL, 0, NULL);
  n_items = cr_store_count (f.store, CR_TYPE_ACTIVATION_ITEM, NULL, 0, NULL);
  n_log = cr_store_count (f.store, CR_TYPE_LOG_ENTRY, NULL, 0, NULL);
  n_audit = cr_store_count (f.store, CR_TYPE_AUDIT_ENTRY, NULL, 0, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_cmpint (cr_store_open_activation (f.store, &cases[i].request, &error), ==, 0);
      g_assert_error (error, CR_STORE_ERROR, cases[i].code);
      g_test_message ("%s", error->message);
    }
  /* Nothing half-written. */
  g_assert_cmpint (cr_store_count (f.store, CR_TYPE_ACTIVATION, NULL, 0, NULL), ==, n_activations);
  g_assert_cmpint (cr_store_count (f.store, CR_TYPE_ACTIVATION_ITEM, NULL, 0, NULL), ==, n_items);
  g_assert_cmpint (cr_store_count (f.store, CR_TYPE_LOG_ENTRY, NULL, 0, NULL), ==, n_log);
  g_assert_cmpint (cr_store_count (f.store, CR_TYPE_AUDIT_ENTRY, NULL, 0, NULL), ==, n_audit);
  g_assert_cmpuint (f.store->tx_depth, ==, 0);
  fixture_clear (&f);
}

/* ---- Due and overdue across the change to winter time ---- */

static void
assert_local (GDateTime  *dt,
              const char *expected)
{
  g_autofree char *text = cr_time_format_local (dt, "%Y-%m-%d %H:%M %Z");

  g_assert_cmpstr (text, ==, expected);
}

static guint
n_overdue (CrStore    *store,
           gint64      activation_id,
           const char *now_iso)
{
  g_autoptr(GDateTime) now = utc (now_iso);
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) overdue = cr_store_list_overdue_items (store, activation_id, now, &error);

  g_assert_no_error (error);
  return g_list_model_get_n_items (overdue);
}

static void
test_dst (void)
{
  g_autoptr(CrStore) store = cr_test_open_store ();
  gint64 event = add_event (store, "Nuit du changement d'heure", CR_EVENT_KIND_FESTIVAL);
  gint64 template = add_template (store, "Night", "festival");
  gint64 early, late;

  add_item (store, template, CR_CELL_SITUATION, "T+60", 60);
  add_item (store, template, CR_CELL_SITUATION, "T+120", 120);

  /* 27 October 2024: at 03:00 CEST (01:00 UTC) the clocks go back to
   * 02:00 CET, so 02:30 happens twice. Due times are real minutes after
   * T, never wall-clock arithmetic. */
  early = open_activation (store, event, CR_CELL_MASK_ALL, "2024-10-27T01:30:00+02:00", 0);
  {
    g_autoptr(CrActivationItem) t60 = item_at (store, early, 0);
    g_autoptr(CrActivationItem) t120 = item_at (store, early, 1);
    g_autofree char *due60 = storage (cr_activation_item_get_due_at (t60));
    g_autofree char *due120 = storage (cr_activation_item_get_due_at (t120));

    /* 01:30 CEST + 60 min: 02:30 CEST, still summer time. */
    g_assert_cmpstr (due60, ==, "2024-10-27T00:30:00.000Z");
    assert_local (cr_activation_item_get_due_at (t60), "2024-10-27 02:30 CEST");
    /* + 120 min: 02:30 again on the wall clock, but the second one, in
     * winter time; local arithmetic would have said 03:30. */
    g_assert_cmpstr (due120, ==, "2024-10-27T01:30:00.000Z");
    assert_local (cr_activation_item_get_due_at (t120), "2024-10-27 02:30 CET");
  }

  /* Opened at the first 02:30 (CEST): T+60 is the second 02:30 (CET),
   * sixty real minutes later. */
  late = open_activation (store, event, CR_CELL_MASK_ALL, "2024-10-27T02:30:00+02:00", 0);
  {
    g_autoptr(CrActivationItem) t60 = item_at (store, late, 0);
    g_autoptr(CrActivation) activation = cr_store_get (store, CR_TYPE_ACTIVATION, late, NULL);
    g_autofree char *due60 = storage (cr_activation_item_get_due_at (t60));

    assert_local (cr_activation_get_opened_at (activation), "2024-10-27 02:30 CEST");
    g_assert_cmpstr (due60, ==, "2024-10-27T01:30:00.000Z");
    assert_local (cr_activation_item_get_due_at (t60), "2024-10-27 02:30 CET");
    g_assert_cmpint (g_date_time_difference (cr_activation_item_get_due_at (t60),
                                             cr_activation_get_opened_at (activation)),
                     ==, 60 * G_TIME_SPAN_MINUTE);
  }

  /* Overdue, with "now" given: at 02:45 CEST only the first activation's
   * T+60 is overdue; at 02:45 CET, an hour later, three items are. */
  g_assert_cmpuint (n_overdue (store, early, "2024-10-27T02:29:00+02:00"), ==, 0);
  g_assert_cmpuint (n_overdue (store, early, "2024-10-27T02:45:00+02:00"), ==, 1);
  g_assert_cmpuint (n_overdue (store, late, "2024-10-27T02:45:00+02:00"), ==, 0);
  g_assert_cmpuint (n_overdue (store, 0, "2024-10-27T02:45:00+02:00"), ==, 1);
  g_assert_cmpuint (n_overdue (store, early, "2024-10-27T02:45:00+01:00"), ==, 2);
  g_assert_cmpuint (n_overdue (store, late, "2024-10-27T02:45:00+01:00"), ==, 1);
  g_assert_cmpuint (n_overdue (store, 0, "2024-10-27T02:45:00+01:00"), ==, 3);
  /* Due exactly now is not yet overdue. */
  g_assert_cmpuint (n_overdue (store, late, "2024-10-27T02:30:00+01:00"), ==, 0);

  /* A ticked item is not overdue any more. */
  {
    g_autoptr(CrActivationItem) t60 = item_at (store, early, 0);
    g_autoptr(GDateTime) at = utc ("2024-10-27T02:50:00+02:00");
    g_autoptr(GError) error = NULL;

    g_assert_true (cr_store_set_item_state (store, cr_record_get_id (CR_RECORD (t60)), CR_ITEM_STATE_DONE,
                                            NULL, at, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (n_overdue (store, early, "2024-10-27T02:45:00+01:00"), ==, 1);
  }
}

/* ---- Ticks ---- */

static CrAuditEntry *
last_audit (CrStore    *store,
            const char *table)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) audit = cr_store_list_audit (store, table, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (audit), >, 0);
  return g_list_model_get_item (audit, g_list_model_get_n_items (audit) - 1);
}

static void
test_tick (void)
{
  Fixture f;
  g_autoptr(GError) error = NULL;
  g_autoptr(CrActivationItem) item = NULL;
  g_autoptr(CrActivationItem) other = NULL;
  g_autoptr(CrActivationItem) fresh = NULL;
  g_autoptr(GListModel) ticks = NULL;
  g_autoptr(GListModel) entries = NULL;
  g_autoptr(GDateTime) first_shift = utc ("2024-09-26T08:20:00+02:00");
  g_autoptr(GDateTime) second_shift = utc ("2024-09-26T22:05:00+02:00");
  g_autoptr(GDateTime) future = NULL;
  g_autoptr(GDateTime) now = cr_time_now_utc ();
  gint64 id, item_id, n_log;

  fixture_init (&f);
  id = open_activation (f.store, f.event, CR_CELL_MASK_ALL, "2024-09-26T08:00:00+02:00", f.visit);
  item = item_at (f.store, id, 1);
  other = item_at (f.store, id, 4);
  item_id = cr_record_get_id (CR_RECORD (item));

  /* Ticked by the day shift, at the time it was done. */
  cr_store_set_operator (f.store, "Day Operator");
  g_assert_true (cr_store_set_item_state (f.store, item_id, CR_ITEM_STATE_DONE, NULL, first_shift, &error));
  g_assert_no_error (error);
  fresh = reload_item (f.store, item);
  g_assert_cmpint (cr_activation_item_get_state (fresh), ==, CR_ITEM_STATE_DONE);
  g_assert_true (g_date_time_equal (cr_activation_item_get_state_at (fresh), first_shift));
  g_assert_cmpstr (cr_activation_item_get_state_by (fresh), ==, "Day Operator");
  g_assert_cmpint (cr_activation_item_get_version (fresh), ==, 2);
  {
    g_autoptr(CrAuditEntry) audit = last_audit (f.store, "activation_items");

    g_assert_cmpstr (cr_audit_entry_get_action (audit), ==, "update");
    g_assert_cmpstr (cr_audit_entry_get_operator (audit), ==, "Day Operator");
    g_assert_cmpint (cr_audit_entry_get_row_id (audit), ==, item_id);
    g_assert_nonnull (strstr (cr_audit_entry_get_before (audit), "\"state\":\"open\""));
    g_assert_nonnull (strstr (cr_audit_entry_get_after (audit), "\"state\":\"done\""));
  }

  /* The same state again (a second operator ticking too) changes nothing. */
  g_assert_true (cr_store_set_item_state (f.store, item_id, CR_ITEM_STATE_DONE, "again", NULL, &error));
  g_assert_no_error (error);
  g_clear_object (&fresh);
  fresh = reload_item (f.store, item);
  g_assert_cmpint (cr_activation_item_get_version (fresh), ==, 2);

  /* Not applicable and un-ticking need a reason. */
  cr_store_set_operator (f.store, "Night Operator");
  g_assert_false (cr_store_set_item_state (f.store, cr_record_get_id (CR_RECORD (other)),
                                           CR_ITEM_STATE_NOT_APPLICABLE, " ", NULL, &error));
  g_assert_error (error, CR_STORE_ERROR, CR_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (cr_store_set_item_state (f.store, item_id, CR_ITEM_STATE_OPEN, NULL, NULL, &error));
  g_assert_error (error, CR_STORE_ERROR, CR_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (cr_store_set_item_state (f.store, cr_record_get_id (CR_RECORD (other)),
                                          CR_ITEM_STATE_NOT_APPLICABLE, "Relief by the federal centre",
                                          second_shift, &error));
  g_assert_no_error (error);

  /* Un-ticking by the night shift: logged, with the reason. */
  n_log = cr_store_count (f.store, CR_TYPE_LOG_ENTRY, NULL, 0, NULL);
  g_assert_true (cr_store_set_item_state (f.store, item_id, CR_ITEM_STATE_OPEN,
                                          "The order was not signed after all", second_shift, &error));
  g_assert_no_error (error);
  g_assert_cmpint (cr_store_count (f.store, CR_TYPE_LOG_ENTRY, NULL, 0, NULL), ==, n_log + 1);
  g_clear_object (&fresh);
  fresh = reload_item (f.store, item);
  g_assert_cmpint (cr_activation_item_get_state (fresh), ==, CR_ITEM_STATE_OPEN);
  g_assert_cmpstr (cr_activation_item_get_state_by (fresh), ==, "Night Operator");
  g_assert_cmpstr (cr_activation_item_get_state_note (fresh), ==, "The order was not signed after all");
  entries = log_of (f.store, id);
  {
    g_autoptr(CrLogEntry) entry = g_list_model_get_item (entries, g_list_model_get_n_items (entries) - 1);
    g_autoptr(CrAuditEntry) audit = last_audit (f.store, "activation_items");

    g_assert_cmpint (cr_log_entry_get_category (entry), ==, CR_LOG_CATEGORY_ACTION);
    g_assert_cmpstr (cr_log_entry_get_author (entry), ==, "Night Operator");
    g_assert_nonnull (strstr (cr_log_entry_get_text (entry), "Draft the drone-ban order"));
    g_assert_nonnull (strstr (cr_log_entry_get_text (entry), "The order was not signed after all"));
    g_assert_true (g_date_time_equal (cr_log_entry_get_occurred_at (entry), second_shift));
    g_assert_cmpint (cr_audit_entry_get_row_id (audit), ==, item_id);
    g_assert_cmpstr (cr_audit_entry_get_operator (audit), ==, "Night Operator");
    g_assert_nonnull (strstr (cr_audit_entry_get_after (audit), "\"state\":\"open\""));
  }

  /* The journal keeps every change, in order, with who and when. */
  ticks = cr_store_list_item_ticks (f.store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (ticks), ==, 3);
  {
    g_autoptr(CrItemTick) done = g_list_model_get_item (ticks, 0);
    g_autoptr(CrItemTick) untick = g_list_model_get_item (ticks, 2);

    g_assert_cmpint (cr_item_tick_get_item_id (done), ==, item_id);
    g_assert_cmpint (cr_item_tick_get_state (done), ==, CR_ITEM_STATE_DONE);
    g_assert_cmpint (cr_item_tick_get_previous_state (done), ==, CR_ITEM_STATE_OPEN);
    g_assert_cmpstr (cr_item_tick_get_operator (done), ==, "Day Operator");
    g_assert_true (g_date_time_equal (cr_item_tick_get_at (done), first_shift));
    /* Recorded by the store's clock, not the time given. */
    g_assert_cmpint (g_date_time_difference (now, cr_item_tick_get_recorded_at (done)), <=,
                     G_TIME_SPAN_SECOND);
    g_assert_cmpint (cr_item_tick_get_state (untick), ==, CR_ITEM_STATE_OPEN);
    g_assert_cmpint (cr_item_tick_get_previous_state (untick), ==, CR_ITEM_STATE_DONE);
    g_assert_cmpstr (cr_item_tick_get_note (untick), ==, "The order was not signed after all");
  }

  /* No tick in the future, and the journal is append-only. */
  future = g_date_time_add_hours (now, 2);
  g_assert_false (cr_store_set_item_state (f.store, item_id, CR_ITEM_STATE_DONE, NULL, future, &error));
  g_assert_error (error, CR_STORE_ERROR, CR_STORE_ERROR_INVALID);
  g_clear_error (&error);
  {
    g_autoptr(CrItemTick) tick = g_list_model_get_item (ticks, 0);

    g_assert_false (cr_store_delete (f.store, CR_RECORD (tick), &error));
    g_assert_error (error, CR_STORE_ERROR, CR_STORE_ERROR_READ_ONLY);
    g_clear_error (&error);
    g_assert_false (_cr_store_exec (f.store->db, "UPDATE item_ticks SET operator = 'Someone else'", &error));
    g_assert_error (error, CR_STORE_ERROR, CR_STORE_ERROR_READ_ONLY);
  }
  fixture_clear (&f);
}

static void
test_progress (void)
{
  Fixture f;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) progress = NULL;
  g_autoptr(GDateTime) now = utc ("2024-09-26T08:45:00+02:00");
  g_autoptr(GDateTime) at = utc ("2024-09-26T08:10:00+02:00");
  guint cells = CR_CELL_MASK (CR_CELL_SITUATION) | CR_CELL_MASK (CR_CELL_LEGAL) |
                CR_CELL_MASK (CR_CELL_OPERATIONS) | CR_CELL_MASK (CR_CELL_PARTNER_LIAISON);
  gint64 id;

  fixture_init (&f);
  /* Situation: T+0, T+60; legal: T+15; liaison: T+30; operations: none. */
  id = open_activation (f.store, f.event, cells, "2024-09-26T08:00:00+02:00", f.visit);
  {
    g_autoptr(CrActivationItem) open_logbook = item_at (f.store, id, 0);
    g_autoptr(CrActivationItem) drones = item_at (f.store, id, 1);

    g_assert_true (cr_store_set_item_state (f.store, cr_record_get_id (CR_RECORD (open_logbook)),
                                            CR_ITEM_STATE_DONE, NULL, at, &error));
    g_assert_no_error (error);
    g_assert_true (cr_store_set_item_state (f.store, cr_record_get_id (CR_RECORD (drones)),
                                            CR_ITEM_STATE_NOT_APPLICABLE, "No drone threat", at, &error));
    g_assert_no_error (error);
  }

  progress = cr_store_get_activation_progress (f.store, id, now, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (progress->len, ==, 4);
  {
    const CrCellProgress *situation = &g_array_index (progress, CrCellProgress, 0);
    const CrCellProgress *operations = &g_array_index (progress, CrCellProgress, 1);
    const CrCellProgress *liaison = &g_array_index (progress, CrCellProgress, 2);
    const CrCellProgress *legal = &g_array_index (progress, CrCellProgress, 3);

    g_assert_cmpint (situation->cell, ==, CR_CELL_SITUATION);
    g_assert_cmpuint (situation->total, ==, 2);
    g_assert_cmpuint (situation->done, ==, 1);
    g_assert_cmpuint (situation->overdue, ==, 0);
    /* Activated, without items: still shown. */
    g_assert_cmpint (operations->cell, ==, CR_CELL_OPERATIONS);
    g_assert_cmpuint (operations->total, ==, 0);
    g_assert_cmpint (liaison->cell, ==, CR_CELL_PARTNER_LIAISON);
    g_assert_cmpuint (liaison->total, ==, 1);
    g_assert_cmpuint (liaison->overdue, ==, 1);
    g_assert_cmpint (legal->cell, ==, CR_CELL_LEGAL);
    g_assert_cmpuint (legal->not_applicable, ==, 1);
    g_assert_cmpuint (legal->done + legal->not_applicable, ==, legal->total);
    g_assert_cmpuint (legal->overdue, ==, 0);
  }

  /* Filtered by cell. */
  {
    g_autoptr(GListModel) situation = cr_store_list_activation_items (f.store, id,
                                                                      CR_CELL_MASK (CR_CELL_SITUATION),
                                                                      &error);

    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (situation), ==, 2);
  }
  fixture_clear (&f);
}

/* ---- Closing ---- */

static void
test_closed (void)
{
  Fixture f;
  g_autoptr(GError) error = NULL;
  g_autoptr(CrActivation) activation = NULL;
  g_autoptr(CrActivationItem) item = NULL;
  g_autoptr(CrActivationItem) extra = cr_activation_item_new ();
  g_autoptr(GDateTime) closed_at = utc ("2024-09-29T22:00:00+02:00");
  g_autoptr(GDateTime) too_early = utc ("2024-09-26T07:00:00+02:00");
  g_autoptr(GDateTime) late = utc ("2024-09-29T23:00:00+02:00");
  g_autoptr(GListModel) entries = NULL;
  gint64 id, n_items;
  sqlite3 *db;
  const char *raw_writes[] = {
    "UPDATE activations SET name = 'Rewritten'",
    "UPDATE activations SET closed_at = NULL",
    "DELETE FROM activations",
    "UPDATE activation_items SET state = 'done'",
    "DELETE FROM activation_items",
    "INSERT INTO activation_items (activation_id, text) SELECT id, 'Late' FROM activations",
  };

  fixture_init (&f);
  id = open_activation (f.store, f.event, CR_CELL_MASK_ALL, "2024-09-26T08:00:00+02:00", f.visit);
  item = item_at (f.store, id, 0);
  g_assert_true (cr_store_set_item_state (f.store, cr_record_get_id (CR_RECORD (item)), CR_ITEM_STATE_DONE,
                                          NULL, too_early, &error));
  g_assert_no_error (error);

  /* A closing note is required, and the end comes after the start. */
  g_assert_false (cr_store_close_activation (f.store, id, "   ", NULL, &error));
  g_assert_error (error, CR_STORE_ERROR, CR_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (cr_store_close_activation (f.store, id, "Fin", too_early, &error));
  g_assert_error (error, CR_STORE_ERROR, CR_STORE_ERROR_INVALID);
  g_clear_error (&error);
  {
    g_autoptr(GDateTime) now = cr_time_now_utc ();
    g_autoptr(GDateTime) tomorrow = g_date_time_add_days (now, 1);

    g_assert_false (cr_store_close_activation (f.store, id, "Fin", tomorrow, &error));
    g_assert_error (error, CR_STORE_ERROR, CR_STORE_ERROR_INVALID);
    g_clear_error (&error);
  }

  g_assert_true (cr_store_close_activation (f.store, id, "End of the visit; nothing left to do.",
                                            closed_at, &error));
  g_assert_no_error (error);
  activation = cr_store_get (f.store, CR_TYPE_ACTIVATION, id, &error);
  g_assert_no_error (error);
  g_assert_true (cr_activation_is_closed (activation));
  g_assert_true (g_date_time_equal (cr_activation_get_closed_at (activation), closed_at));
  g_assert_cmpstr (cr_activation_get_closed_by (activation), ==, "Test Operator");
  g_assert_cmpstr (cr_activation_get_closing_note (activation), ==, "End of the visit; nothing left to do.");
  entries = log_of (f.store, id);
  {
    g_autoptr(CrLogEntry) entry = g_list_model_get_item (entries, g_list_model_get_n_items (entries) - 1);

    g_assert_nonnull (strstr (cr_log_entry_get_text (entry), "End of the visit"));
    g_assert_nonnull (strstr (cr_log_entry_get_text (entry), "4 checklist items were still open"));
  }

  /* Read-only through the store's API… */
  g_assert_false (cr_store_close_activation (f.store, id, "Again", late, &error));
  g_assert_error (error, CR_STORE_ERROR, CR_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_false (cr_store_set_item_state (f.store, cr_record_get_id (CR_RECORD (item)), CR_ITEM_STATE_OPEN,
                                           "Reopen", NULL, &error));
  g_assert_error (error, CR_STORE_ERROR, CR_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);
  cr_activation_set_name (activation, "Renamed");
  g_assert_false (cr_store_update (f.store, CR_RECORD (activation), &error));
  g_assert_error (error, CR_STORE_ERROR, CR_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_false (cr_store_delete (f.store, CR_RECORD (activation), &error));
  g_assert_error (error, CR_STORE_ERROR, CR_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_clear_object (&item);
  item = item_at (f.store, id, 1);
  cr_activation_item_set_state (item, CR_ITEM_STATE_DONE);
  g_assert_false (cr_store_update (f.store, CR_RECORD (item), &error));
  g_assert_error (error, CR_STORE_ERROR, CR_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_false (cr_store_delete (f.store, CR_RECORD (item), &error));
  g_assert_error (error, CR_STORE_ERROR, CR_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);
  cr_activation_item_set_activation_id (extra, id);
  cr_activation_item_set_text (extra, "Added afterwards");
  g_assert_false (cr_store_insert (f.store, CR_RECORD (extra), &error));
  g_assert_error (error, CR_STORE_ERROR, CR_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_cmpuint (f.store->tx_depth, ==, 0);

  /* …and for any other program on the file. */
  n_items = cr_store_count (f.store, CR_TYPE_ACTIVATION_ITEM, "activation_id", id, NULL);
  g_assert_cmpint (sqlite3_open_v2 (cr_store_get_path (f.store), &db, SQLITE_OPEN_READWRITE, NULL), ==,
                   SQLITE_OK);
  sqlite3_busy_timeout (db, 5000);
  for (guint i = 0; i < G_N_ELEMENTS (raw_writes); i++)
    {
      int rc = sqlite3_exec (db, raw_writes[i], NULL, NULL, NULL);

      g_assert_cmpint (rc & 0xff, ==, SQLITE_CONSTRAINT);
      g_assert_nonnull (strstr (sqlite3_errmsg (db), "activation is closed"));
    }
  sqlite3_close (db);
  g_assert_cmpint (cr_store_count (f.store, CR_TYPE_ACTIVATION_ITEM, "activation_id", id, NULL), ==, n_items);

  /* A closed activation has nothing overdue, and is not in progress. */
  {
    g_autoptr(GDateTime) now = utc ("2024-10-01T00:00:00Z");
    g_autoptr(GListModel) overdue = cr_store_list_overdue_items (f.store, 0, now, &error);
    g_autoptr(GListModel) in_progress = cr_store_list_activations (f.store, FALSE, &error);
    g_autoptr(GListModel) all = cr_store_list_activations (f.store, TRUE, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (overdue), ==, 0);
    g_assert_cmpuint (g_list_model_get_n_items (in_progress), ==, 0);
    g_assert_cmpuint (g_list_model_get_n_items (all), ==, 1);
  }

  /* The event can still go: the activation stays, as the record. */
  {
    g_autoptr(CrEvent) event = cr_store_get (f.store, CR_TYPE_EVENT, f.event, &error);
    g_autoptr(CrActivation) kept = NULL;

    g_assert_no_error (error);
    g_assert_true (cr_store_delete (f.store, CR_RECORD (event), &error));
    g_assert_no_error (error);
    kept = cr_store_get (f.store, CR_TYPE_ACTIVATION, id, &error);
    g_assert_no_error (error);
    g_assert_cmpint (cr_activation_get_event_id (kept), ==, 0);
    g_assert_cmpstr (cr_activation_get_name (kept), ==, "SCHAERBEEK – building fire");
  }
  fixture_clear (&f);
}

static void
test_cells_text (void)
{
  g_autofree char *all = cr_cells_to_text (CR_CELL_MASK_ALL);
  g_autofree char *none = cr_cells_to_text (0);

  g_assert_cmpstr (all, ==, "situation,operations,information,partner-liaison,logistics,legal");
  g_assert_null (none);
  g_assert_cmpuint (cr_cells_from_text (all), ==, CR_CELL_MASK_ALL);
  /* Unknown nicks, from a newer release or QGIS, are skipped. */
  g_assert_cmpuint (cr_cells_from_text ("legal, kitchen,situation"), ==,
                    CR_CELL_MASK (CR_CELL_LEGAL) | CR_CELL_MASK (CR_CELL_SITUATION));
  g_assert_cmpuint (cr_cells_from_text (NULL), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/activation/cells-text", test_cells_text);
  g_test_add_func ("/activation/templates", test_templates);
  g_test_add_func ("/activation/instantiate", test_instantiate);
  g_test_add_func ("/activation/open-errors", test_open_errors);
  g_test_add_func ("/activation/dst", test_dst);
  g_test_add_func ("/activation/tick", test_tick);
  g_test_add_func ("/activation/progress", test_progress);
  g_test_add_func ("/activation/closed", test_closed);

  return g_test_run ();
}
