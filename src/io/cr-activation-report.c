/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cr-activation-report"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cr-activation-report.h"
#include "cr-labels.h"
#include "cr-report-writer.h"
#include "cr-time.h"

/* The activation report: the timeline of one activation, its ticks (from
 * the journal of ticks, so an item ticked, un-ticked and ticked again
 * shows three times) and its logbook entries, as CSV for spreadsheets and
 * PDF for the record.
 *
 * The CSV follows RFC 4180 (comma separator, CRLF line ends, fields with
 * a comma, quote or line break between double quotes, quotes doubled),
 * in UTF-8 with a byte order mark: without the mark, Excel, which is what
 * most partners open a CSV with, reads UTF-8 as Windows-1252 and mangles
 * every accent of French and Dutch text; LibreOffice and CSV libraries
 * skip the mark. Times are ISO 8601 with their offset
 * (2024-10-27T02:30:00+01:00), unambiguous on the night the clocks go
 * back. A text that starts with =, +, - or @ gets a leading apostrophe,
 * so a spreadsheet shows it rather than running it as a formula. */

static void
timeline_entry_free (gpointer data)
{
  CrTimelineEntry *e = data;

  g_clear_pointer (&e->at, g_date_time_unref);
  g_clear_pointer (&e->recorded_at, g_date_time_unref);
  g_free (e->operator_name);
  g_free (e->text);
  g_free (e->note);
  g_free (e);
}

static void
report_clear (gpointer data)
{
  CrActivationReport *self = data;

  g_clear_object (&self->activation);
  g_free (self->event_name);
  g_clear_pointer (&self->progress, g_array_unref);
  g_clear_pointer (&self->timeline, g_ptr_array_unref);
  g_free (self->operator_name);
  g_clear_pointer (&self->generated_at, g_date_time_unref);
  g_free (self->logbook_head);
}

CrActivationReport *
cr_activation_report_ref (CrActivationReport *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return g_atomic_rc_box_acquire (self);
}

void
cr_activation_report_unref (CrActivationReport *self)
{
  if (self != NULL)
    g_atomic_rc_box_release_full (self, report_clear);
}

static GDateTime *
ref_or_null (GDateTime *dt)
{
  return dt != NULL ? g_date_time_ref (dt) : NULL;
}

static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  const CrTimelineEntry *x = *(CrTimelineEntry **) a;
  const CrTimelineEntry *y = *(CrTimelineEntry **) b;
  int c = g_date_time_compare (x->at, y->at);

  if (c != 0)
    return c;
  c = g_date_time_compare (x->recorded_at, y->recorded_at);
  if (c != 0)
    return c;
  /* At the same time, a tick before the logbook line that explains it
   * (an un-tick and its reason). */
  if (x->kind != y->kind)
    return x->kind == CR_TIMELINE_TICK ? -1 : 1;
  return x->kind == CR_TIMELINE_LOG ? (x->log_id > y->log_id) - (x->log_id < y->log_id)
                                    : (x->item_id > y->item_id) - (x->item_id < y->item_id);
}

/**
 * cr_activation_report_new:
 *
 * Gathers the report of an activation from @store, on the caller's
 * thread.
 *
 * Returns: (transfer full): the report, or %NULL with @error set
 */
CrActivationReport *
cr_activation_report_new (CrStore *store,
                          gint64   activation_id,
                          GError **error)
{
  g_autoptr(CrActivationReport) self = NULL;
  g_autoptr(GListModel) items = NULL;
  g_autoptr(GListModel) ticks = NULL;
  g_autoptr(GListModel) entries = NULL;
  g_autoptr(GHashTable) by_id = NULL;
  g_autoptr(GHashTable) corrections = NULL;
  g_autoptr(GError) local_error = NULL;
  CrLogFilter filter = { 0 };
  GDateTime *progress_at;

  g_return_val_if_fail (CR_IS_STORE (store), NULL);

  self = g_atomic_rc_box_new0 (CrActivationReport);
  self->activation = cr_store_get (store, CR_TYPE_ACTIVATION, activation_id, error);
  if (self->activation == NULL)
    return NULL;
  self->operator_name = g_strdup (cr_store_get_operator (store));
  self->generated_at = cr_time_now_utc ();
  self->timeline = g_ptr_array_new_with_free_func (timeline_entry_free);

  if (cr_activation_get_event_id (self->activation) > 0)
    {
      g_autoptr(CrEvent) event = cr_store_get (store, CR_TYPE_EVENT,
                                               cr_activation_get_event_id (self->activation), error);

      if (event == NULL)
        return NULL;
      self->event_name = g_strdup (cr_event_get_name (event));
    }

  progress_at = cr_activation_is_closed (self->activation)
                  ? cr_activation_get_closed_at (self->activation) : self->generated_at;
  self->progress = cr_store_get_activation_progress (store, activation_id, progress_at, error);
  if (self->progress == NULL)
    return NULL;

  items = cr_store_list_activation_items (store, activation_id, 0, error);
  if (items == NULL)
    return NULL;
  self->n_items = g_list_model_get_n_items (items);
  by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  for (guint i = 0; i < self->n_items; i++)
    {
      CrActivationItem *item = g_list_model_get_item (items, i);
      gint64 *id = g_new (gint64, 1);

      *id = cr_record_get_id (CR_RECORD (item));
      g_hash_table_insert (by_id, id, item);
    }

  ticks = cr_store_list_item_ticks (store, activation_id, error);
  if (ticks == NULL)
    return NULL;
  for (guint i = 0; i < g_list_model_get_n_items (ticks); i++)
    {
      g_autoptr(CrItemTick) tick = g_list_model_get_item (ticks, i);
      gint64 item_id = cr_item_tick_get_item_id (tick);
      CrActivationItem *item = g_hash_table_lookup (by_id, &item_id);
      CrTimelineEntry *e = g_new0 (CrTimelineEntry, 1);

      e->kind = CR_TIMELINE_TICK;
      e->at = ref_or_null (cr_item_tick_get_at (tick));
      e->recorded_at = ref_or_null (cr_item_tick_get_recorded_at (tick));
      e->operator_name = g_strdup (cr_item_tick_get_operator (tick));
      e->text = g_strdup (item != NULL ? cr_activation_item_get_text (item) : "");
      e->note = g_strdup (cr_item_tick_get_note (tick));
      e->cell = item != NULL ? cr_activation_item_get_cell (item) : CR_CELL_OPERATIONS;
      e->state = cr_item_tick_get_state (tick);
      e->previous_state = cr_item_tick_get_previous_state (tick);
      e->item_id = item_id;
      if (e->at == NULL)
        e->at = ref_or_null (e->recorded_at);
      if (e->at == NULL || e->recorded_at == NULL)
        {
          timeline_entry_free (e);
          continue;
        }
      g_ptr_array_add (self->timeline, e);
    }

  corrections = cr_store_get_log_corrections (store, error);
  if (corrections == NULL)
    return NULL;
  filter.activation_id = activation_id;
  entries = cr_store_list_log_entries (store, &filter, error);
  if (entries == NULL)
    return NULL;
  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr(CrLogEntry) entry = g_list_model_get_item (entries, i);
      gint64 id = cr_record_get_id (CR_RECORD (entry));
      gint64 *correction = g_hash_table_lookup (corrections, &id);
      CrTimelineEntry *e = g_new0 (CrTimelineEntry, 1);

      e->kind = CR_TIMELINE_LOG;
      e->recorded_at = ref_or_null (cr_log_entry_get_recorded_at (entry));
      e->at = ref_or_null (cr_log_entry_get_occurred_at (entry));
      if (e->at == NULL)
        e->at = ref_or_null (e->recorded_at);
      e->operator_name = g_strdup (cr_log_entry_get_author (entry));
      e->text = g_strdup (cr_log_entry_get_text (entry));
      e->category = cr_log_entry_get_category (entry);
      e->log_id = id;
      e->corrects_id = cr_log_entry_get_corrects_id (entry);
      e->corrected_by = correction != NULL ? *correction : 0;
      if (e->at == NULL)
        {
          timeline_entry_free (e);
          continue;
        }
      g_ptr_array_add (self->timeline, e);
    }
  g_ptr_array_sort (self->timeline, compare_entries);

  self->logbook_head = cr_store_get_logbook_head (store, &self->logbook_last_id, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  return g_steal_pointer (&self);
}

/* What happened, in words: "Done", "Un-ticked (was done)", "Decision". */
static char *
what_text (const CrTimelineEntry *e)
{
  if (e->kind == CR_TIMELINE_LOG)
    return g_strdup (cr_log_category_label (e->category));
  if (e->state == CR_ITEM_STATE_OPEN)
    return g_strdup (e->previous_state == CR_ITEM_STATE_DONE
                       ? _("Un-ticked (was done)")
                       : _("Un-ticked (was not applicable)"));
  return g_strdup (cr_item_state_label (e->state));
}

/* ---- CSV ---- */

static char *
iso_local (GDateTime *dt)
{
  if (dt == NULL)
    return g_strdup ("");
  return cr_time_format_local (dt, "%Y-%m-%dT%H:%M:%S%:z");
}

static void
append_field (GString    *out,
              const char *value,
              gboolean    text,
              gboolean    last)
{
  const char *v = value != NULL ? value : "";
  gboolean formula = text && strchr ("=+-@", v[0]) != NULL && v[0] != '\0';

  if (formula || strpbrk (v, ",\"\r\n") != NULL)
    {
      g_string_append_c (out, '"');
      if (formula)
        g_string_append_c (out, '\'');
      for (const char *p = v; *p != '\0'; p++)
        {
          if (*p == '"')
            g_string_append_c (out, '"');
          g_string_append_c (out, *p);
        }
      g_string_append_c (out, '"');
    }
  else
    g_string_append (out, v);
  g_string_append (out, last ? "\r\n" : ",");
}

static void
append_id (GString *out,
           gint64   id,
           gboolean last)
{
  g_autofree char *text = id > 0 ? g_strdup_printf ("%" G_GINT64_FORMAT, id) : NULL;

  append_field (out, text, FALSE, last);
}

/**
 * cr_activation_report_to_csv:
 * @length: (out) (optional): its length in bytes
 *
 * Returns: (transfer full): the timeline as CSV (RFC 4180, UTF-8 with a
 *   byte order mark), one row per tick or logbook entry under a header
 *   row
 */
char *
cr_activation_report_to_csv (CrActivationReport *self,
                             gsize              *length)
{
  g_autoptr(GString) out = g_string_new ("\xEF\xBB\xBF");
  const char *headers[] = {
    _("Time"), _("Recorded"), _("Type"), _("Cell"), _("Operator"), _("What"), _("Text"),
    _("Note"), _("Item"), _("Logbook entry"), _("Corrects entry"), _("Corrected by entry"),
  };

  g_return_val_if_fail (self != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (headers); i++)
    append_field (out, headers[i], FALSE, i + 1 == G_N_ELEMENTS (headers));
  for (guint i = 0; i < self->timeline->len; i++)
    {
      const CrTimelineEntry *e = g_ptr_array_index (self->timeline, i);
      g_autofree char *at = iso_local (e->at);
      g_autofree char *recorded = iso_local (e->recorded_at);
      g_autofree char *what = what_text (e);
      gboolean tick = e->kind == CR_TIMELINE_TICK;

      append_field (out, at, FALSE, FALSE);
      append_field (out, recorded, FALSE, FALSE);
      append_field (out, tick ? _("Tick") : _("Logbook"), FALSE, FALSE);
      append_field (out, tick ? cr_cell_label (e->cell) : "", FALSE, FALSE);
      append_field (out, e->operator_name, TRUE, FALSE);
      append_field (out, what, FALSE, FALSE);
      append_field (out, e->text, TRUE, FALSE);
      append_field (out, e->note, TRUE, FALSE);
      append_id (out, e->item_id, FALSE);
      append_id (out, e->log_id, FALSE);
      append_id (out, e->corrects_id, FALSE);
      append_id (out, e->corrected_by, TRUE);
    }
  if (length != NULL)
    *length = out->len;
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* ---- PDF ---- */

static char *
escape (const char *text)
{
  return g_markup_escape_text (text != NULL ? text : "", -1);
}

static void
add_line (CrReportDoc *doc,
          const char  *label,
          const char  *value)
{
  g_autofree char *label_markup = escape (label);
  g_autofree char *value_markup = escape (value);
  g_autofree char *line = g_strdup_printf ("<b>%s</b> %s", label_markup, value_markup);

  cr_report_doc_add_line (doc, line);
}

static char *
cells_text (guint cells)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (int cell = CR_CELL_SITUATION; cell <= CR_CELL_LEGAL; cell++)
    if (cells & CR_CELL_MASK (cell))
      g_string_append_printf (text, "%s%s", text->len > 0 ? ", " : "", cr_cell_label (cell));
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static CrReportDoc *
build_doc (CrActivationReport *self)
{
  CrActivation *a = self->activation;
  CrReportDoc *doc = NULL;
  g_autofree char *title = NULL;
  g_autofree char *opened = cr_report_format_time (cr_activation_get_opened_at (a));
  g_autofree char *made = cr_report_format_time (self->generated_at);
  g_autofree char *cells = cells_text (cr_activation_get_cell_mask (a));
  g_autofree char *value = NULL;
  g_autofree char *zone = escape (_("Times are Brussels local time (CET in winter, CEST in summer)."));

  /* Translators: the title of an activation report; %s is its name. */
  title = g_strdup_printf (_("Activation report: %s"), cr_activation_get_name (a));
  doc = cr_report_doc_new (title);
  add_line (doc, _("Event:"), self->event_name != NULL ? self->event_name : _("Unplanned incident"));
  add_line (doc, _("Level:"), cr_activation_level_label (cr_activation_get_level (a)));
  add_line (doc, _("Cells:"), cells);
  /* Translators: a time and who did it. */
  value = g_strdup_printf (_("%s by %s"), opened,
                           cr_activation_get_opened_by (a) != NULL ? cr_activation_get_opened_by (a) : "–");
  add_line (doc, _("Opened:"), value);
  g_clear_pointer (&value, g_free);
  if (cr_activation_is_closed (a))
    {
      g_autofree char *closed = cr_report_format_time (cr_activation_get_closed_at (a));

      value = g_strdup_printf (_("%s by %s"), closed,
                               cr_activation_get_closed_by (a) != NULL ? cr_activation_get_closed_by (a) : "–");
      add_line (doc, _("Closed:"), value);
      g_clear_pointer (&value, g_free);
      add_line (doc, _("Closing note:"), cr_activation_get_closing_note (a));
    }
  else
    add_line (doc, _("Closed:"), _("not yet, in progress"));
  value = g_strdup_printf (_("%s by %s"), made, self->operator_name);
  add_line (doc, _("Report made:"), value);
  g_clear_pointer (&value, g_free);
  cr_report_doc_add_line (doc, zone);

  cr_report_doc_add_heading (doc, _("Progress"));
  if (self->progress->len == 0)
    {
      g_autofree char *none = escape (_("This activation has no checklist."));

      cr_report_doc_add_paragraph (doc, none);
    }
  else
    {
      const double widths[] = { 0.31, 0.23, 0.23, 0.23 };
      const char *headers[] = { _("Cell"), _("Ticked"), _("Not applicable"), _("Overdue") };

      cr_report_doc_begin_table (doc, G_N_ELEMENTS (widths), widths, headers);
      for (guint i = 0; i < self->progress->len; i++)
        {
          const CrCellProgress *p = &g_array_index (self->progress, CrCellProgress, i);
          g_autofree char *cell = escape (cr_cell_label (p->cell));
          g_autofree char *ticked = g_strdup_printf ("%u / %u", p->done + p->not_applicable, p->total);
          g_autofree char *na = g_strdup_printf ("%u", p->not_applicable);
          g_autofree char *overdue = p->overdue > 0
                                       ? g_strdup_printf ("<span foreground=\"#c01c28\"><b>%u</b></span>",
                                                          p->overdue)
                                       : g_strdup ("0");
          const char *row[] = { cell, ticked, na, overdue };

          cr_report_doc_add_row (doc, row);
        }
      cr_report_doc_end_table (doc);
    }

  cr_report_doc_add_heading (doc, _("Timeline"));
  if (self->timeline->len == 0)
    {
      g_autofree char *none = escape (_("Nothing was ticked or logged yet."));

      cr_report_doc_add_paragraph (doc, none);
    }
  else
    {
      const double widths[] = { 0.19, 0.16, 0.17, 0.48 };
      const char *headers[] = { _("Time"), _("Operator"), _("What"), _("Text") };

      cr_report_doc_begin_table (doc, G_N_ELEMENTS (widths), widths, headers);
      for (guint i = 0; i < self->timeline->len; i++)
        {
          const CrTimelineEntry *e = g_ptr_array_index (self->timeline, i);
          g_autofree char *at = cr_report_format_time (e->at);
          g_autofree char *operator_markup = escape (e->operator_name);
          g_autofree char *what = what_text (e);
          g_autofree char *what_markup = escape (what);
          g_autofree char *text = escape (e->text);
          g_autoptr(GString) cell = g_string_new (NULL);
          const char *row[4];

          if (e->kind == CR_TIMELINE_TICK)
            {
              g_autofree char *cell_label = escape (cr_cell_label (e->cell));

              g_string_append_printf (cell, "<i>%s</i> · %s", cell_label, text);
              if (e->note != NULL)
                {
                  g_autofree char *note = escape (e->note);

                  g_string_append_printf (cell, "\n<i>%s</i>", note);
                }
            }
          else
            {
              if (e->corrected_by > 0)
                g_string_append_printf (cell, "<s>%s</s>", text);
              else
                g_string_append (cell, text);
              g_string_append_printf (cell, " <small>(#%" G_GINT64_FORMAT, e->log_id);
              if (e->corrects_id > 0)
                g_string_append_printf (cell, _(", corrects #%lld"), (long long) e->corrects_id);
              if (e->corrected_by > 0)
                g_string_append_printf (cell, _(", corrected by #%lld"), (long long) e->corrected_by);
              g_string_append (cell, ")</small>");
            }
          row[0] = at;
          row[1] = operator_markup;
          row[2] = what_markup;
          row[3] = cell->str;
          cr_report_doc_add_row (doc, row);
        }
      cr_report_doc_end_table (doc);
    }

  if (self->logbook_head != NULL)
    {
      g_autofree char *seal = g_strdup_printf (_("Logbook sealed up to entry %lld by the hash %s."),
                                               (long long) self->logbook_last_id, self->logbook_head);
      g_autofree char *seal_markup = escape (seal);
      g_autofree char *line = g_strdup_printf ("<small>%s</small>", seal_markup);

      cr_report_doc_add_paragraph (doc, "");
      cr_report_doc_add_paragraph (doc, line);
    }
  return doc;
}

static void
format_error (const char  *path,
              GError     **error)
{
  g_set_error (error, CR_REPORT_ERROR, CR_REPORT_ERROR_FORMAT,
               _("“%s”: an activation report is written as PDF or CSV. "
                 "Give the file name the extension .pdf or .csv."),
               path);
}

static const CrReportWriter writer = {
  .build_pdf = (CrReportDoc * (*) (gpointer)) build_doc,
  .text_format = CR_REPORT_FORMAT_CSV,
  .build_text = (char *(*) (gpointer, gsize *)) cr_activation_report_to_csv,
  .format_error = format_error,
  .ref = (gpointer (*) (gpointer)) cr_activation_report_ref,
  .unref = (void (*) (gpointer)) cr_activation_report_unref,
};

/**
 * cr_activation_report_write_pdf:
 *
 * Writes the report as an A4 PDF. May run in a worker thread.
 */
gboolean
cr_activation_report_write_pdf (CrActivationReport *self,
                                const char         *path,
                                GCancellable       *cancellable,
                                GError            **error)
{
  return cr_report_writer_write_pdf (&writer, self, path, cancellable, error);
}

/**
 * cr_activation_report_export:
 * @path: a file ending in .pdf or .csv
 *
 * Writes the report in the format the file name asks for.
 *
 * Returns: %FALSE with @error set; %CR_REPORT_ERROR_FORMAT for another
 *   extension
 */
gboolean
cr_activation_report_export (CrActivationReport *self,
                             const char         *path,
                             GCancellable       *cancellable,
                             GError            **error)
{
  return cr_report_writer_export (&writer, self, path, cancellable, error);
}

/**
 * cr_activation_report_export_async:
 *
 * Like cr_activation_report_export(), in a worker thread.
 */
void
cr_activation_report_export_async (CrActivationReport  *self,
                                   const char          *path,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  cr_report_writer_export_async (&writer, self, path, cancellable, cr_activation_report_export_async, callback,
                                 user_data);
}

gboolean
cr_activation_report_export_finish (GAsyncResult *result,
                                    GError      **error)
{
  return cr_report_writer_export_finish (result, cr_activation_report_export_async, error);
}
