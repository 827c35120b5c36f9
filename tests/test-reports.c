/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-reports"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "cr-activation-report.h"
#include "cr-handover.h"
#include "cr-report-pdf.h"
#include "cr-test-utils.h"
#include "cr-time.h"

/* The shift handover (Markdown, PDF) and the activation report (CSV,
 * PDF): their content for a seeded period, CSV that parses back, PDF text
 * read back with pdftotext, the asynchronous export and the command
 * line. */

static GDateTime *
utc (const char *iso)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_iso8601 (iso, NULL);

  g_assert_nonnull (dt);
  return g_date_time_to_utc (dt);
}

typedef struct
{
  CrStore *store;
  gint64 activation;
  gint64 partner;
  gint64 decision;   /* corrected */
  gint64 correction;
} Seed;

static void
tick (CrStore    *store,
      gint64      activation,
      guint       index,
      CrItemState state,
      const char *note,
      const char *at_iso)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) items = cr_store_list_activation_items (store, activation, 0, &error);
  g_autoptr(CrActivationItem) item = NULL;
  g_autoptr(GDateTime) at = utc (at_iso);

  g_assert_no_error (error);
  item = g_list_model_get_item (items, index);
  g_assert_true (cr_store_set_item_state (store, cr_record_get_id (CR_RECORD (item)), state, note, at, &error));
  g_assert_no_error (error);
}

static gint64
log_entry (CrStore      *store,
           gint64        activation,
           CrLogCategory category,
           const char   *occurred_iso,
           const char   *text)
{
  g_autoptr(CrLogEntry) entry = cr_log_entry_new ();
  g_autoptr(GDateTime) occurred = utc (occurred_iso);
  g_autoptr(GError) error = NULL;

  cr_log_entry_set_category (entry, category);
  cr_log_entry_set_occurred_at (entry, occurred);
  cr_log_entry_set_activation_id (entry, activation);
  cr_log_entry_set_text (entry, text);
  g_assert_true (cr_store_append_log_entry (store, entry, &error));
  g_assert_no_error (error);
  return cr_record_get_id (CR_RECORD (entry));
}

/* The day shift of 26 September 2024, 06:00–14:00 CEST: an activation
 * opened at 08:00 with four items (T+0, T+15, T+60, T+480), ticks by two
 * operators, log entries in and out of the shift, a correction, an alert
 * test, and a map feature added (now). */
static void
seed (Seed *s)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrEvent) event = cr_event_new ();
  g_autoptr(CrChecklistTemplate) template = cr_checklist_template_new ();
  g_autoptr(CrPartner) partner = cr_partner_new ();
  g_autoptr(CrAlertTest) test = cr_alert_test_new ();
  g_autoptr(CrFeature) feature = cr_feature_new ();
  g_autoptr(GDateTime) opened = utc ("2024-09-26T08:00:00+02:00");
  g_autoptr(GDateTime) started = utc ("2024-09-26T10:00:00+02:00");
  g_autoptr(GDateTime) answered = utc ("2024-09-26T10:04:00+02:00");
  g_autoptr(CrGeometry) point = cr_geometry_new_point (4.3173, 50.8668);
  const struct
  {
    CrCell cell;
    const char *text;
    int offset;
  } items[] = {
    { CR_CELL_SITUATION, "Open the logbook", 0 },
    { CR_CELL_LEGAL, "Draft the drone-ban order", 15 },
    { CR_CELL_PARTNER_LIAISON, "Alert the regional SPOCs, \"all of them\"", 60 },
    { CR_CELL_SITUATION, "Evening SITREP", 480 },
  };
  CrActivationRequest request = { 0 };

  s->store = cr_test_open_store ();
  cr_store_set_operator (s->store, "Day Operator");

  cr_event_set_name (event, "Visite papale");
  cr_event_set_kind (event, CR_EVENT_KIND_VISIT);
  g_assert_true (cr_store_insert (s->store, CR_RECORD (event), &error));
  g_assert_no_error (error);
  cr_checklist_template_set_name (template, "Visit");
  cr_checklist_template_set_event_kind (template, "visit");
  g_assert_true (cr_store_insert (s->store, CR_RECORD (template), &error));
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (items); i++)
    {
      g_autoptr(CrChecklistTemplateItem) item = cr_checklist_template_item_new ();

      cr_checklist_template_item_set_template_id (item, cr_record_get_id (CR_RECORD (template)));
      cr_checklist_template_item_set_cell (item, items[i].cell);
      cr_checklist_template_item_set_text (item, items[i].text);
      cr_checklist_template_item_set_responsible (item, "Duty officer");
      cr_checklist_template_item_set_due_offset_min (item, items[i].offset);
      g_assert_true (cr_store_append_template_item (s->store, item, &error));
      g_assert_no_error (error);
    }

  request.event_id = cr_record_get_id (CR_RECORD (event));
  request.name = "KOEKELBERG – Papal visit";
  request.level = CR_ACTIVATION_LEVEL_FULL;
  request.cells = CR_CELL_MASK_ALL;
  request.opened_at = opened;
  s->activation = cr_store_open_activation (s->store, &request, &error);
  g_assert_no_error (error);

  tick (s->store, s->activation, 0, CR_ITEM_STATE_DONE, NULL, "2024-09-26T08:05:00+02:00");
  tick (s->store, s->activation, 1, CR_ITEM_STATE_DONE, NULL, "2024-09-26T08:10:00+02:00");
  cr_store_set_operator (s->store, "Night Operator");
  tick (s->store, s->activation, 1, CR_ITEM_STATE_OPEN, "Not signed after all, see the minister's office",
        "2024-09-26T08:30:00+02:00");
  cr_store_set_operator (s->store, "Day Operator");

  s->decision = log_entry (s->store, s->activation, CR_LOG_CATEGORY_DECISION, "2024-09-26T09:00:00+02:00",
                           "Close the Léopold II tunnel at 09:00");
  log_entry (s->store, s->activation, CR_LOG_CATEGORY_INCIDENT, "2024-09-26T09:40:00+02:00",
             "Crowd surge at *gate C*");
  log_entry (s->store, s->activation, CR_LOG_CATEGORY_INFORMATION, "2024-09-26T09:50:00+02:00",
             "Weather: showers expected");
  log_entry (s->store, s->activation, CR_LOG_CATEGORY_INCIDENT, "2024-09-26T15:00:00+02:00",
             "Afternoon incident, after the shift");
  log_entry (s->store, s->activation, CR_LOG_CATEGORY_ACTION, "2024-09-26T10:30:00+02:00",
             "=1+2 said the caller, \"twice\", then\nhung up");
  {
    g_autoptr(CrLogEntry) correction = cr_log_entry_new ();

    cr_log_entry_set_category (correction, CR_LOG_CATEGORY_DECISION);
    cr_log_entry_set_occurred_at (correction, started);
    cr_log_entry_set_text (correction, "Close the Léopold II tunnel at 09:30, not 09:00");
    g_assert_true (cr_store_correct_log_entry (s->store, s->decision, correction, &error));
    g_assert_no_error (error);
    s->correction = cr_record_get_id (CR_RECORD (correction));
  }

  cr_partner_set_name (partner, "SIAMU / DBDMH");
  g_assert_true (cr_store_insert (s->store, CR_RECORD (partner), &error));
  g_assert_no_error (error);
  s->partner = cr_record_get_id (CR_RECORD (partner));
  cr_alert_test_set_partner_id (test, s->partner);
  cr_alert_test_set_channel (test, CR_ALERT_CHANNEL_SMS);
  cr_alert_test_set_started_at (test, started);
  cr_alert_test_set_answered_at (test, answered);
  cr_alert_test_set_outcome (test, CR_ALERT_OUTCOME_CONFIRMED);
  g_assert_true (cr_store_insert (s->store, CR_RECORD (test), &error));
  g_assert_no_error (error);

  cr_feature_set_event_id (feature, cr_record_get_id (CR_RECORD (event)));
  cr_feature_set_kind (feature, "medical_post");
  cr_feature_set_name (feature, "PMA Basilique");
  cr_feature_set_geometry (feature, point);
  g_assert_true (cr_store_insert (s->store, CR_RECORD (feature), &error));
  g_assert_no_error (error);
}

static void
seed_clear (Seed *s)
{
  g_clear_object (&s->store);
}

static CrHandover *
day_shift (Seed *s)
{
  g_autoptr(GDateTime) from = utc ("2024-09-26T06:00:00+02:00");
  g_autoptr(GDateTime) to = utc ("2024-09-26T14:00:00+02:00");
  g_autoptr(GError) error = NULL;
  CrHandover *handover;

  cr_store_set_operator (s->store, "Outgoing Operator");
  handover = cr_handover_new (s->store, from, to, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (handover);
  return handover;
}

static void
assert_contains (const char *text,
                 const char *part)
{
  if (strstr (text, part) == NULL)
    g_error ("“%s” not found in:\n%s", part, text);
}

static void
assert_lacks (const char *text,
              const char *part)
{
  if (strstr (text, part) != NULL)
    g_error ("“%s” found in:\n%s", part, text);
}

/* ---- Handover ---- */

static void
test_handover (void)
{
  Seed s;
  g_autoptr(CrHandover) handover = NULL;
  g_autofree char *markdown = NULL;
  CrHandoverActivation *a;

  seed (&s);
  handover = day_shift (&s);

  /* The data. */
  g_assert_cmpstr (handover->operator_name, ==, "Outgoing Operator");
  g_assert_cmpuint (handover->activations->len, ==, 1);
  a = g_ptr_array_index (handover->activations, 0);
  g_assert_cmpint (cr_record_get_id (CR_RECORD (a->activation)), ==, s.activation);
  /* Open: the un-ticked order (due 08:15), the SPOCs (09:00), the evening
   * SITREP (16:00); overdue at the end of the shift: the first two. */
  g_assert_cmpuint (a->open_items->len, ==, 3);
  g_assert_cmpuint (a->n_overdue, ==, 2);
  {
    CrActivationItem *first = g_ptr_array_index (a->open_items, 0);
    CrActivationItem *last = g_ptr_array_index (a->open_items, 2);

    g_assert_cmpstr (cr_activation_item_get_text (first), ==, "Draft the drone-ban order");
    g_assert_cmpstr (cr_activation_item_get_text (last), ==, "Evening SITREP");
  }
  /* Decisions and incidents of the shift: the opening, the decision, the
   * incident, the correction; not the information, not the afternoon. */
  g_assert_cmpuint (handover->log_entries->len, ==, 4);
  g_assert_cmpuint (handover->alert_tests->len, ==, 1);
  /* The feature was added now, long after that shift. */
  g_assert_cmpuint (handover->feature_changes->len, ==, 0);
  g_assert_nonnull (handover->logbook_head);

  markdown = cr_handover_to_markdown (handover);
  g_test_message ("%s", markdown);
  assert_contains (markdown, "# Shift handover");
  assert_contains (markdown, "2024-09-26 06:00 CEST – 2024-09-26 14:00 CEST");
  assert_contains (markdown, "Outgoing Operator");
  assert_contains (markdown, "KOEKELBERG – Papal visit — level Full, opened 2024-09-26 08:00 CEST by Day Operator");
  assert_contains (markdown, "**3 open items, 2 overdue:**");
  assert_contains (markdown, "- **OVERDUE** due 2024-09-26 08:15 CEST · Legal · Draft the drone-ban order");
  assert_contains (markdown, "- due 2024-09-26 16:00 CEST · Situation · Evening SITREP");
  assert_lacks (markdown, "Open the logbook");
  assert_contains (markdown, "Situation 1/2");
  assert_contains (markdown, "Legal 0/1 (1 overdue)");
  /* The corrected decision struck through, pointing at its correction. */
  {
    g_autofree char *struck = g_strdup_printf ("~~2024-09-26 09:00 CEST · **Decision** · Day Operator: "
                                               "Close the Léopold II tunnel at 09:00~~ (#%" G_GINT64_FORMAT
                                               ", corrected by #%" G_GINT64_FORMAT ")",
                                               s.decision, s.correction);
    g_autofree char *correction = g_strdup_printf ("Close the Léopold II tunnel at 09:30, not 09:00 (#%"
                                                   G_GINT64_FORMAT ", corrects #%" G_GINT64_FORMAT ")",
                                                   s.correction, s.decision);

    assert_contains (markdown, struck);
    assert_contains (markdown, correction);
  }
  /* User text cannot turn into formatting. */
  assert_contains (markdown, "Crowd surge at \\*gate C\\*");
  assert_lacks (markdown, "Weather");
  assert_lacks (markdown, "Afternoon incident");
  assert_contains (markdown, "No feature changed during this period.");
  assert_contains (markdown, "2024-09-26 10:00 CEST · SIAMU / DBDMH · SMS · Confirmed · answered 2024-09-26 10:04 CEST");
  assert_contains (markdown, handover->logbook_head);
  seed_clear (&s);
}

/* Entries recorded during the period count even when they say they
 * occurred before it; feature changes come from the audit log. */
static void
test_handover_now (void)
{
  Seed s;
  g_autoptr(GDateTime) now = cr_time_now_utc ();
  g_autoptr(GDateTime) from = g_date_time_add_hours (now, -1);
  g_autoptr(GDateTime) to = g_date_time_add_hours (now, 1);
  g_autoptr(CrHandover) handover = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *markdown = NULL;

  seed (&s);
  handover = cr_handover_new (s.store, from, to, NULL, &error);
  g_assert_no_error (error);
  /* Every decision and incident was recorded now: also the afternoon. */
  g_assert_cmpuint (handover->log_entries->len, ==, 5);
  g_assert_cmpuint (handover->feature_changes->len, ==, 1);
  g_assert_cmpuint (handover->alert_tests->len, ==, 0);
  markdown = cr_handover_to_markdown (handover);
  assert_contains (markdown, "Added: PMA Basilique");
  assert_contains (markdown, "No alert test during this period.");

  /* A period that ends before it starts is refused. */
  g_clear_pointer (&handover, cr_handover_unref);
  handover = cr_handover_new (s.store, to, from, NULL, &error);
  g_assert_null (handover);
  g_assert_error (error, CR_STORE_ERROR, CR_STORE_ERROR_INVALID);
  seed_clear (&s);
}

static char *
pdf_text (const char *path)
{
  g_autofree char *program = g_find_program_in_path ("pdftotext");
  const char *argv[] = { program, "-layout", path, "-", NULL };
  g_autofree char *err = NULL;
  char *out = NULL;

  g_assert_nonnull (program);
  g_assert_cmpint (cr_test_run (argv, &out, &err), ==, 0);
  return out;
}

/* Reports name operators and people the logbook speaks of: for their
 * owner only, whatever the umask. */
static void
assert_private (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
}

static void
test_handover_pdf (void)
{
  Seed s;
  g_autoptr(CrHandover) handover = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = cr_test_tmp_path ("handover.pdf");
  g_autofree char *md_path = cr_test_tmp_path ("handover.md");
  g_autofree char *text = NULL;
  g_autofree char *md = NULL;
  g_autofree char *expected_md = NULL;
  g_autofree char *contents = NULL;

  seed (&s);
  handover = day_shift (&s);
  g_assert_true (cr_handover_export (handover, path, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  assert_private (path);

  /* Markdown by the extension. */
  g_assert_true (cr_handover_export (handover, md_path, NULL, &error));
  g_assert_no_error (error);
  assert_private (md_path);
  g_assert_true (g_file_get_contents (md_path, &md, NULL, NULL));
  expected_md = cr_handover_to_markdown (handover);
  g_assert_cmpstr (md, ==, expected_md);

  if (!cr_test_have_program ("pdftotext"))
    {
      g_test_skip ("pdftotext (poppler-utils) is not installed");
      seed_clear (&s);
      return;
    }
  text = pdf_text (path);
  g_test_message ("%s", text);
  assert_contains (text, "Shift handover");
  assert_contains (text, "2024-09-26 06:00 CEST – 2024-09-26 14:00 CEST");
  assert_contains (text, "Outgoing Operator");
  assert_contains (text, "KOEKELBERG – Papal visit");
  assert_contains (text, "OVERDUE");
  assert_contains (text, "Draft the drone-ban order");
  assert_contains (text, "Decisions and incidents");
  assert_contains (text, "Crowd surge at *gate C*");
  assert_contains (text, "SIAMU / DBDMH");
  assert_contains (text, "Page 1 of 2");
  assert_contains (text, "Page 2 of 2");
  assert_lacks (text, "Weather");
  seed_clear (&s);
}

/* ---- Activation report ---- */

/* RFC 4180, strictly: CRLF after every record, quotes doubled inside
 * quoted fields. */
static GPtrArray *
parse_csv (const char *text)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) field = g_string_new (NULL);
  const char *p = text;

  while (*p != '\0')
    {
      if (*p == '"')
        {
          for (p++;; p++)
            {
              g_assert_true (*p != '\0');
              if (*p == '"' && p[1] == '"')
                {
                  g_string_append_c (field, '"');
                  p++;
                }
              else if (*p == '"')
                {
                  p++;
                  break;
                }
              else
                g_string_append_c (field, *p);
            }
        }
      else
        while (*p != ',' && *p != '\r' && *p != '\0')
          {
            g_assert_true (*p != '\n' && *p != '"');
            g_string_append_c (field, *p++);
          }
      g_ptr_array_add (fields, g_strdup (field->str));
      g_string_truncate (field, 0);
      if (*p == ',')
        p++;
      else
        {
          g_assert_true (p[0] == '\r' && p[1] == '\n');
          p += 2;
          g_ptr_array_add (fields, NULL);
          g_ptr_array_add (rows, g_ptr_array_steal (fields, NULL));
        }
    }
  return rows;
}

static void
test_activation_csv (void)
{
  Seed s;
  g_autoptr(CrActivationReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *path = cr_test_tmp_path ("timeline.csv");
  g_autofree char *csv = NULL;
  gsize length;
  char **header;
  guint n_ticks = 0, n_log = 0;

  seed (&s);
  report = cr_activation_report_new (s.store, s.activation, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (report->event_name, ==, "Visite papale");
  g_assert_cmpuint (report->n_items, ==, 4);
  /* Three ticks, eight entries: the opening, the un-tick, six written. */
  g_assert_cmpuint (report->timeline->len, ==, 11);

  g_assert_true (cr_activation_report_export (report, path, NULL, &error));
  g_assert_no_error (error);
  assert_private (path);
  g_assert_true (g_file_get_contents (path, &csv, &length, NULL));
  g_assert_true (g_utf8_validate (csv, (gssize) length, NULL));
  /* UTF-8 with a byte order mark, for spreadsheets. */
  g_assert_true (g_str_has_prefix (csv, "\xEF\xBB\xBF"));
  rows = parse_csv (csv + 3);
  g_assert_cmpuint (rows->len, ==, 12);
  header = g_ptr_array_index (rows, 0);
  g_assert_cmpuint (g_strv_length (header), ==, 12);
  g_assert_cmpstr (header[0], ==, "Time");
  g_assert_cmpstr (header[6], ==, "Text");

  for (guint i = 1; i < rows->len; i++)
    {
      char **row = g_ptr_array_index (rows, i);
      char **previous = g_ptr_array_index (rows, i - 1);
      g_autoptr(GDateTime) at = NULL;

      g_assert_cmpuint (g_strv_length (row), ==, 12);
      /* Local time with its offset, in the order things happened. */
      at = g_date_time_new_from_iso8601 (row[0], NULL);
      g_assert_nonnull (at);
      g_assert_true (g_str_has_suffix (row[0], "+02:00"));
      if (i > 1)
        {
          g_autoptr(GDateTime) before = g_date_time_new_from_iso8601 (previous[0], NULL);

          g_assert_cmpint (g_date_time_compare (before, at), <=, 0);
        }
      if (g_str_equal (row[2], "Tick"))
        n_ticks++;
      else
        {
          g_assert_cmpstr (row[2], ==, "Logbook");
          n_log++;
        }
    }
  g_assert_cmpuint (n_ticks, ==, 3);
  g_assert_cmpuint (n_log, ==, 8);

  {
    char **opening = g_ptr_array_index (rows, 1);
    char **done = g_ptr_array_index (rows, 2);
    char **untick = g_ptr_array_index (rows, 4);
    char **untick_log = g_ptr_array_index (rows, 5);

    g_assert_cmpstr (opening[0], ==, "2024-09-26T08:00:00+02:00");
    g_assert_cmpstr (opening[5], ==, "Decision");
    g_assert_cmpstr (done[0], ==, "2024-09-26T08:05:00+02:00");
    g_assert_cmpstr (done[3], ==, "Situation");
    g_assert_cmpstr (done[4], ==, "Day Operator");
    g_assert_cmpstr (done[5], ==, "Done");
    g_assert_cmpstr (done[6], ==, "Open the logbook");
    g_assert_cmpstr (untick[0], ==, "2024-09-26T08:30:00+02:00");
    g_assert_cmpstr (untick[4], ==, "Night Operator");
    g_assert_cmpstr (untick[5], ==, "Un-ticked (was done)");
    g_assert_cmpstr (untick[7], ==, "Not signed after all, see the minister's office");
    /* The logbook line of the un-tick follows the tick it explains. */
    g_assert_cmpstr (untick_log[2], ==, "Logbook");
    g_assert_cmpstr (untick_log[5], ==, "Action");
    g_assert_true (g_str_has_suffix (untick_log[6], "Reason: Not signed after all, see the minister's office"));
  }
  /* Commas, quotes and new lines come back as written; a text that a
   * spreadsheet would run as a formula is shown as text. */
  {
    gboolean found_quoted = FALSE, found_corrected = FALSE;

    for (guint i = 1; i < rows->len; i++)
      {
        char **row = g_ptr_array_index (rows, i);

        if (g_str_has_suffix (row[6], "hung up"))
          {
            g_assert_cmpstr (row[6], ==, "'=1+2 said the caller, \"twice\", then\nhung up");
            found_quoted = TRUE;
          }
        if (g_strcmp0 (row[6], "Close the Léopold II tunnel at 09:00") == 0)
          {
            g_autofree char *correction = g_strdup_printf ("%" G_GINT64_FORMAT, s.correction);

            g_assert_cmpstr (row[11], ==, correction);
            found_corrected = TRUE;
          }
      }
    g_assert_true (found_quoted);
    g_assert_true (found_corrected);
  }
  seed_clear (&s);
}

static void
test_activation_pdf (void)
{
  Seed s;
  g_autoptr(CrActivationReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = cr_test_tmp_path ("report.pdf");
  g_autofree char *text = NULL;

  seed (&s);
  /* Enough entries for several pages. */
  for (guint i = 0; i < 60; i++)
    {
      g_autofree char *entry = g_strdup_printf ("Patrol report number %u: nothing to report near the "
                                                "Basilica, the stadium or the palace.", i);

      log_entry (s.store, s.activation, CR_LOG_CATEGORY_INFORMATION, "2024-09-26T12:00:00+02:00", entry);
    }
  report = cr_activation_report_new (s.store, s.activation, &error);
  g_assert_no_error (error);
  g_assert_true (cr_activation_report_write_pdf (report, path, NULL, &error));
  g_assert_no_error (error);

  if (!cr_test_have_program ("pdftotext"))
    {
      g_test_skip ("pdftotext (poppler-utils) is not installed");
      seed_clear (&s);
      return;
    }
  text = pdf_text (path);
  assert_contains (text, "Activation report: KOEKELBERG – Papal visit");
  assert_contains (text, "Visite papale");
  assert_contains (text, "2024-09-26 08:00 CEST");
  /* Narrow columns wrap: short words only. */
  assert_contains (text, "Un-ticked");
  assert_contains (text, "Night");
  assert_contains (text, "Patrol report number 59");
  assert_contains (text, "Page 1 of ");
  /* The table's header repeats on every page, and every page says how
   * many there are. */
  {
    g_auto(GStrv) pages = g_strsplit (text, "\f", -1);
    guint n_pages = 0;
    g_autofree char *last = NULL;

    for (guint i = 0; pages[i] != NULL; i++)
      if (strstr (pages[i], "Page ") != NULL)
        n_pages++;
    g_assert_cmpuint (n_pages, >=, 2);
    last = g_strdup_printf ("Page %u of %u", n_pages, n_pages);
    assert_contains (text, last);
    assert_contains (pages[n_pages - 1], "Operator");
  }
  seed_clear (&s);
}

typedef struct
{
  gboolean done;
  gboolean ok;
  GError *error;
} Export;

static void
export_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  Export *e = user_data;

  e->ok = cr_activation_report_export_finish (result, &e->error);
  e->done = TRUE;
}

static void
handover_done_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  Export *e = user_data;

  e->ok = cr_handover_export_finish (result, &e->error);
  e->done = TRUE;
}

static void
wait_for (Export *e)
{
  while (!e->done)
    g_main_context_iteration (NULL, TRUE);
}

static void
test_async (void)
{
  Seed s;
  g_autoptr(CrActivationReport) report = NULL;
  g_autoptr(CrHandover) handover = NULL;
  g_autoptr(GCancellable) cancelled = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = cr_test_tmp_path ("async.pdf");
  g_autofree char *handover_path = cr_test_tmp_path ("async-handover.pdf");
  g_autofree char *never = cr_test_tmp_path ("never.pdf");

  seed (&s);
  report = cr_activation_report_new (s.store, s.activation, &error);
  g_assert_no_error (error);
  handover = day_shift (&s);
  /* The store may be dropped: the report holds its own data. */
  seed_clear (&s);

  {
    Export e = { 0 };

    cr_activation_report_export_async (report, path, NULL, export_done_cb, &e);
    wait_for (&e);
    g_assert_no_error (e.error);
    g_assert_true (e.ok);
    g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  }
  {
    Export e = { 0 };

    cr_handover_export_async (handover, handover_path, NULL, handover_done_cb, &e);
    wait_for (&e);
    g_assert_no_error (e.error);
    g_assert_true (e.ok);
    g_assert_true (g_file_test (handover_path, G_FILE_TEST_IS_REGULAR));
  }
  /* Cancelled: no file. */
  {
    Export e = { 0 };

    g_cancellable_cancel (cancelled);
    cr_activation_report_export_async (report, never, cancelled, export_done_cb, &e);
    wait_for (&e);
    g_assert_false (e.ok);
    g_assert_error (e.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
    g_clear_error (&e.error);
    g_assert_false (g_file_test (never, G_FILE_TEST_EXISTS));
  }
}

static void
test_formats (void)
{
  Seed s;
  g_autoptr(CrActivationReport) report = NULL;
  g_autoptr(CrHandover) handover = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *txt = cr_test_tmp_path ("report.docx");
  g_autofree char *csv = cr_test_tmp_path ("handover.csv");
  g_autofree char *nowhere = g_build_filename (cr_test_tmpdir (), "no-such-folder", "report.pdf", NULL);

  g_assert_cmpint (cr_report_format_for_path ("a.PDF"), ==, CR_REPORT_FORMAT_PDF);
  g_assert_cmpint (cr_report_format_for_path ("a.csv"), ==, CR_REPORT_FORMAT_CSV);
  g_assert_cmpint (cr_report_format_for_path ("a.md"), ==, CR_REPORT_FORMAT_MARKDOWN);
  g_assert_cmpint (cr_report_format_for_path ("a.pdf.odt"), ==, CR_REPORT_FORMAT_UNKNOWN);

  seed (&s);
  report = cr_activation_report_new (s.store, s.activation, &error);
  g_assert_no_error (error);
  g_assert_false (cr_activation_report_export (report, txt, NULL, &error));
  g_assert_error (error, CR_REPORT_ERROR, CR_REPORT_ERROR_FORMAT);
  g_clear_error (&error);
  g_assert_false (g_file_test (txt, G_FILE_TEST_EXISTS));
  handover = day_shift (&s);
  g_assert_false (cr_handover_export (handover, csv, NULL, &error));
  g_assert_error (error, CR_REPORT_ERROR, CR_REPORT_ERROR_FORMAT);
  g_clear_error (&error);
  g_assert_false (cr_activation_report_export (report, nowhere, NULL, &error));
  g_assert_error (error, CR_REPORT_ERROR, CR_REPORT_ERROR_WRITE);
  g_clear_error (&error);

  /* No such activation. */
  g_clear_pointer (&report, cr_activation_report_unref);
  report = cr_activation_report_new (s.store, 4242, &error);
  g_assert_null (report);
  g_assert_error (error, CR_STORE_ERROR, CR_STORE_ERROR_NOT_FOUND);
  seed_clear (&s);
}

/* The zone is shown, so the two 02:30 of the night the clocks go back
 * can be told apart. */
static void
test_times (void)
{
  g_autoptr(GDateTime) summer = utc ("2024-10-27T00:30:00Z");
  g_autoptr(GDateTime) winter = utc ("2024-10-27T01:30:00Z");
  g_autofree char *a = cr_report_format_time (summer);
  g_autofree char *b = cr_report_format_time (winter);
  g_autofree char *none = cr_report_format_time (NULL);

  g_assert_cmpstr (a, ==, "2024-10-27 02:30 CEST");
  g_assert_cmpstr (b, ==, "2024-10-27 02:30 CET");
  g_assert_cmpstr (none, ==, "–");
}

/* ---- Command line ---- */

static void
test_cli (void)
{
  Seed s;
  g_autofree char *db = NULL;
  g_autofree char *csv = cr_test_tmp_path ("cli.csv");
  g_autofree char *pdf = cr_test_tmp_path ("cli.pdf");
  g_autofree char *md = cr_test_tmp_path ("cli.md");
  g_autofree char *id = NULL;

  seed (&s);
  db = g_strdup (cr_store_get_path (s.store));
  id = g_strdup_printf ("%" G_GINT64_FORMAT, s.activation);
  seed_clear (&s);

  {
    g_autofree char *out = NULL;
    g_autofree char *err = NULL;

    g_assert_cmpint (cr_test_run_app (&out, &err, "--help", NULL), ==, 0);
    assert_contains (out, "--verify-logbook");
    assert_contains (out, "--export-activation-report=FILE");
    assert_contains (out, "--activation=ID");
    assert_contains (out, "--export-handover=FILE");
    assert_contains (out, "--from=TIME");
    assert_contains (out, "--to=TIME");
    assert_contains (out, "--list-activations");
  }
  {
    g_autofree char *out = NULL;
    g_autofree char *err = NULL;
    g_autofree char *line = g_strdup_printf ("%s\tKOEKELBERG – Papal visit\tFull\t2024-09-26 08:00\t-\t1/4\t",
                                             id);

    g_assert_cmpint (cr_test_run_app (&out, &err, "--database", db, "--list-activations", NULL),
                     ==, 0);
    assert_contains (out, line);
  }
  {
    g_autofree char *out = NULL;
    g_autofree char *err = NULL;
    g_autofree char *contents = NULL;

    g_assert_cmpint (cr_test_run_app (&out, &err, "--database", db,
                                      "--export-activation-report", csv, "--activation", id, NULL),
                     ==, 0);
    g_assert_true (g_file_get_contents (csv, &contents, NULL, NULL));
    assert_contains (contents, "Draft the drone-ban order");
  }
  {
    g_autofree char *out = NULL;
    g_autofree char *err = NULL;

    g_assert_cmpint (cr_test_run_app (&out, &err, "--database", db,
                                      "--export-activation-report", pdf, "--activation", id, NULL),
                     ==, 0);
    g_assert_true (g_file_test (pdf, G_FILE_TEST_IS_REGULAR));
  }
  {
    g_autofree char *out = NULL;
    g_autofree char *err = NULL;
    g_autofree char *contents = NULL;

    g_assert_cmpint (cr_test_run_app (&out, &err, "--database", db, "--export-handover", md,
                                      "--from", "2024-09-26T06:00", "--to", "2024-09-26 14:00",
                                      NULL), ==, 0);
    g_assert_true (g_file_get_contents (md, &contents, NULL, NULL));
    assert_contains (contents, "2024-09-26 06:00 CEST – 2024-09-26 14:00 CEST");
    assert_contains (contents, "Crowd surge");
  }
  /* Bad input: exit 1, named. */
  {
    g_autofree char *out = NULL;
    g_autofree char *err = NULL;

    g_assert_cmpint (cr_test_run_app (&out, &err, "--database", db,
                                      "--export-activation-report", csv, "--activation", "4242",
                                      NULL), ==, 1);
    assert_contains (err, "no activation 4242");
  }
  /* Usage errors: exit 2. */
  {
    const char *const *cases[] = {
      (const char *[]) { "--export-activation-report", csv, NULL },
      (const char *[]) { "--export-activation-report", md, "--activation", "1", NULL },
      (const char *[]) { "--activation", "1", NULL },
      (const char *[]) { "--export-handover", md, "--from", "2024-09-26T06:00", NULL },
      (const char *[]) { "--export-handover", md, "--from", "yesterday", "--to", "2024-09-26T06:00", NULL },
      (const char *[]) { "--export-handover", md, "--from", "2024-09-26T14:00", "--to", "2024-09-26T06:00",
                         NULL },
      (const char *[]) { "--export-handover", csv, "--from", "2024-09-26T06:00", "--to", "2024-09-26T14:00",
                         NULL },
      (const char *[]) { "--from", "2024-09-26T06:00", "--list-events", NULL },
      (const char *[]) { "--verify-logbook", "--list-events", NULL },
    };

    for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
      {
        g_autofree char *out = NULL;
        g_autofree char *err = NULL;

        g_assert_cmpint (cr_test_run_app_argv (db, cases[i], &out, &err), ==, 2);
        g_test_message ("%s", err);
        g_assert_cmpstr (err, !=, "");
      }
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/reports/times", test_times);
  g_test_add_func ("/reports/handover", test_handover);
  g_test_add_func ("/reports/handover-now", test_handover_now);
  g_test_add_func ("/reports/handover-pdf", test_handover_pdf);
  g_test_add_func ("/reports/activation-csv", test_activation_csv);
  g_test_add_func ("/reports/activation-pdf", test_activation_pdf);
  g_test_add_func ("/reports/async", test_async);
  g_test_add_func ("/reports/formats", test_formats);
  g_test_add_func ("/reports/cli", test_cli);

  return g_test_run ();
}
