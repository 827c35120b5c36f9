/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cr-wall"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "cr-basemap.h"
#include "cr-labels.h"
#include "cr-store-alerts.h"
#include "cr-time.h"
#include "cr-wall-window.h"

/**
 * CrWallWindow:
 *
 * The crisis room's video wall: read-only, dark, read from five metres.
 * The map of the event as it is now (time-phased perimeters, convoys),
 * the local time and UTC, the open activation's progress per cell and
 * its overdue items, the latest logbook entries with decisions and
 * incidents standing out, the next itinerary passages with countdowns,
 * and how many partners the latest alert test reached.
 *
 * Nothing here edits anything and no personal numbers or e-mails are
 * shown (names only; the setting "wall-show-phone-numbers" is for the
 * rooms that want them, and there are none to show today). Everything
 * follows the store, including changes other processes make; if the
 * file disappears, a banner says since when the picture is stale, and it
 * recovers by itself. Type scales with the window's height, from 720p
 * to 4K.
 */

#define MAX_LOG_ENTRIES 6
#define MAX_PASSAGES 6
#define CURSOR_HIDE_SECONDS 3
/* Text size at 1080 lines; everything else is in em. */
#define BASE_FONT_PX 20.0

struct _CrWallWindow
{
  AdwApplicationWindow parent_instance;

  GtkRevealer *stale_revealer;
  GtkLabel *stale_label;
  ShumateSimpleMap *map;
  GtkBox *logbook_list;
  GtkBox *side;
  GtkLabel *event_label;
  GtkLabel *clock_label;
  GtkLabel *utc_label;
  GtkBox *activation_box;
  GtkLabel *activation_label;
  GtkGrid *cells_grid;
  GtkLabel *overdue_label;
  GtkGrid *passages_grid;
  GtkLabel *partners_label;
  GtkLabel *unreachable_label;

  CrStore *store;
  GSettings *settings;
  CrEvent *event;
  CrMapRenderer *renderer;
  CrFeatureLayer *feature_layer;
  CrBasemap *basemap;
  GtkCssProvider *css;
  GDateTime *fixed_now; /* tests */

  double font_px;
  int fitted_width;
  int fitted_height;
  guint clock_source;
  guint refresh_source;
  guint cursor_source;
  guint scale_source;
  int allocated_width;
  int allocated_height;
  int last_minute;
};

G_DEFINE_FINAL_TYPE (CrWallWindow, cr_wall_window, ADW_TYPE_APPLICATION_WINDOW)

static GDateTime *
now_utc (CrWallWindow *self)
{
  return self->fixed_now ? g_date_time_ref (self->fixed_now) : cr_time_now_utc ();
}

static void
clear_children (GtkWidget *widget)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (widget)) != NULL)
    {
      if (GTK_IS_GRID (widget))
        gtk_grid_remove (GTK_GRID (widget), child);
      else
        gtk_box_remove (GTK_BOX (widget), child);
    }
}

static GtkWidget *
label_new (const char *text,
           const char *css_class,
           gboolean    ellipsize)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (ellipsize)
    gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

/* The event shown: the one named, else the active one, else the latest. */
static CrEvent *
choose_event (CrStore    *store,
              const char *name)
{
  g_autoptr(GListModel) events = NULL;
  CrEvent *found = NULL;

  if (name != NULL)
    return cr_store_find_event (store, name, NULL);
  events = cr_store_list_events (store, FALSE, NULL);
  for (guint i = 0; events != NULL && i < g_list_model_get_n_items (events); i++)
    {
      g_autoptr(CrEvent) event = g_list_model_get_item (events, i);

      if (cr_event_get_status (event) == CR_EVENT_STATUS_ACTIVE)
        return g_steal_pointer (&event);
      if (found == NULL)
        found = g_steal_pointer (&event);
    }
  return found;
}

static void
update_clock (CrWallWindow *self)
{
  g_autoptr(GDateTime) now = now_utc (self);
  g_autofree char *local = cr_time_format_local (now, "%H:%M:%S");
  g_autofree char *utc_time = g_date_time_format (now, "%H:%M");
  g_autofree char *date = cr_time_format_local (now, "%A %e %B %Y");
  /* Translators: under the wall clock: the date, then UTC, e.g. "Saturday 28 September 2024 · 06:32 UTC" */
  g_autofree char *utc = g_strdup_printf (_("%s · %s UTC"), date, utc_time);

  gtk_label_set_text (self->clock_label, local);
  gtk_label_set_text (self->utc_label, utc);
}

static void
refresh_event (CrWallWindow *self)
{
  g_autoptr(CrEvent) fresh = NULL;

  if (self->event == NULL)
    {
      gtk_label_set_text (self->event_label, _("No event"));
      return;
    }
  fresh = cr_store_get (self->store, CR_TYPE_EVENT, cr_record_get_id (CR_RECORD (self->event)), NULL);
  if (fresh != NULL)
    g_set_object (&self->event, fresh);
  gtk_label_set_text (self->event_label, cr_event_get_name (self->event));
}

static void
refresh_activation (CrWallWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) activations = cr_store_list_activations (self->store, FALSE, &error);
  g_autoptr(CrActivation) activation = NULL;
  g_autoptr(GDateTime) now = now_utc (self);
  g_autoptr(GArray) progress = NULL;
  g_autofree char *title = NULL;
  guint overdue = 0;
  int row = 0;

  clear_children (GTK_WIDGET (self->cells_grid));
  for (guint i = 0; activations != NULL && i < g_list_model_get_n_items (activations); i++)
    {
      g_autoptr(CrActivation) a = g_list_model_get_item (activations, i);

      if (activation == NULL ||
          (self->event != NULL &&
           cr_activation_get_event_id (a) == cr_record_get_id (CR_RECORD (self->event))))
        g_set_object (&activation, a);
    }
  if (activation == NULL)
    {
      gtk_label_set_text (self->activation_label, _("No open activation"));
      gtk_label_set_text (self->overdue_label, "");
      return;
    }

  /* Translators: wall screen: "Activation: full — SCHAERBEEK – building fire" */
  title = g_strdup_printf (_("Activation: %s — %s"),
                           cr_activation_level_label (cr_activation_get_level (activation)),
                           cr_activation_get_name (activation));
  gtk_label_set_text (self->activation_label, title);

  progress = cr_store_get_activation_progress (self->store, cr_record_get_id (CR_RECORD (activation)),
                                               now, &error);
  for (guint i = 0; progress != NULL && i < progress->len; i++)
    {
      const CrCellProgress *p = &g_array_index (progress, CrCellProgress, i);
      GtkWidget *bar = gtk_level_bar_new_for_interval (0, MAX (p->total, 1));
      g_autofree char *count = g_strdup_printf ("%u/%u", p->done + p->not_applicable, p->total);

      if (p->total == 0)
        continue;
      gtk_level_bar_set_value (GTK_LEVEL_BAR (bar), p->done + p->not_applicable);
      gtk_widget_set_hexpand (bar, TRUE);
      gtk_widget_set_valign (bar, GTK_ALIGN_CENTER);
      gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_LOW);
      gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_HIGH);
      gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_FULL);
      gtk_grid_attach (self->cells_grid, label_new (cr_cell_label (p->cell), NULL, TRUE), 0, row, 1, 1);
      gtk_grid_attach (self->cells_grid, bar, 1, row, 1, 1);
      gtk_grid_attach (self->cells_grid, label_new (count, "numeric", FALSE), 2, row, 1, 1);
      overdue += p->overdue;
      row++;
    }
  if (overdue > 0)
    {
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Overdue: %u item",
                                                            "Overdue: %u items", overdue),
                                               overdue);

      gtk_label_set_text (self->overdue_label, text);
    }
  else
    gtk_label_set_text (self->overdue_label, _("Nothing overdue"));
}

static void
refresh_logbook (CrWallWindow *self)
{
  g_autoptr(GError) error = NULL;
  CrLogFilter filter = { 0 };
  g_autoptr(GListModel) entries = cr_store_list_log_entries (self->store, &filter, &error);
  guint n;

  clear_children (GTK_WIDGET (self->logbook_list));
  if (entries == NULL || (n = g_list_model_get_n_items (entries)) == 0)
    {
      gtk_box_append (self->logbook_list, label_new (_("No entries yet"), "dim-label", FALSE));
      return;
    }
  /* The latest first, as they are read from across the room. */
  for (guint i = 0; i < MIN (n, MAX_LOG_ENTRIES); i++)
    {
      g_autoptr(CrLogEntry) entry = g_list_model_get_item (entries, n - 1 - i);
      CrLogCategory category = cr_log_entry_get_category (entry);
      GDateTime *when = cr_log_entry_get_occurred_at (entry) ? cr_log_entry_get_occurred_at (entry)
                                                             : cr_log_entry_get_recorded_at (entry);
      g_autofree char *time = cr_time_format_local (when, "%H:%M");
      g_autofree char *category_text = g_utf8_strup (cr_log_category_label (category), -1);
      g_autofree char *text = g_strdup_printf ("%s  %s  %s", time, category_text,
                                               cr_log_entry_get_text (entry));
      GtkWidget *label = label_new (text, NULL, TRUE);

      if (category == CR_LOG_CATEGORY_DECISION)
        gtk_widget_add_css_class (label, "wall-log-decision");
      else if (category == CR_LOG_CATEGORY_INCIDENT)
        gtk_widget_add_css_class (label, "wall-log-incident");
      gtk_box_append (self->logbook_list, label);
    }
}

typedef struct
{
  GDateTime *at;
  char *text;
} Passage;

static void
passage_clear (gpointer data)
{
  Passage *p = data;

  g_date_time_unref (p->at);
  g_free (p->text);
}

static int
compare_passages (gconstpointer a,
                  gconstpointer b)
{
  return g_date_time_compare (((const Passage *) a)->at, ((const Passage *) b)->at);
}

static void
refresh_passages (CrWallWindow *self)
{
  g_autoptr(GDateTime) now = now_utc (self);
  g_autoptr(GListModel) features = NULL;
  g_autoptr(GArray) passages = g_array_new (FALSE, FALSE, sizeof (Passage));
  g_autoptr(GListModel) kinds = cr_store_list_feature_kinds (self->store, NULL);
  g_autoptr(GHashTable) itinerary_kinds = g_hash_table_new (g_str_hash, g_str_equal);

  g_array_set_clear_func (passages, passage_clear);
  clear_children (GTK_WIDGET (self->passages_grid));
  if (self->event == NULL)
    return;
  for (guint i = 0; kinds != NULL && i < g_list_model_get_n_items (kinds); i++)
    {
      g_autoptr(CrFeatureKind) kind = g_list_model_get_item (kinds, i);

      if (cr_feature_kind_get_group (kind) == CR_KIND_GROUP_ITINERARY)
        g_hash_table_add (itinerary_kinds, (gpointer) g_intern_string (cr_feature_kind_get_code (kind)));
    }
  features = cr_store_list_features (self->store, cr_record_get_id (CR_RECORD (self->event)), NULL);
  for (guint i = 0; features != NULL && i < g_list_model_get_n_items (features); i++)
    {
      g_autoptr(CrFeature) feature = g_list_model_get_item (features, i);
      g_autoptr(GListModel) waypoints = NULL;

      if (!g_hash_table_contains (itinerary_kinds, g_intern_string (cr_feature_get_kind (feature))))
        continue;
      waypoints = cr_store_list (self->store, CR_TYPE_WAYPOINT, "feature_id",
                                 cr_record_get_id (CR_RECORD (feature)), NULL);
      for (guint k = 0; waypoints != NULL && k < g_list_model_get_n_items (waypoints); k++)
        {
          g_autoptr(CrWaypoint) wp = g_list_model_get_item (waypoints, k);
          GDateTime *at = cr_waypoint_get_planned_at (wp);
          Passage p;

          if (at == NULL || g_date_time_compare (at, now) < 0)
            continue;
          p.at = g_date_time_ref (at);
          p.text = g_strdup (cr_waypoint_get_name (wp) ? cr_waypoint_get_name (wp)
                                                       : cr_feature_get_name (feature));
          g_array_append_val (passages, p);
        }
    }
  g_array_sort (passages, compare_passages);
  if (passages->len == 0)
    gtk_grid_attach (self->passages_grid, label_new (_("No passage planned from now on"), "dim-label", FALSE),
                     0, 0, 2, 1);
  for (guint i = 0; i < MIN (passages->len, MAX_PASSAGES); i++)
    {
      const Passage *p = &g_array_index (passages, Passage, i);
      gint64 minutes = g_date_time_difference (p->at, now) / G_TIME_SPAN_MINUTE;
      g_autofree char *when = NULL;

      if (minutes < 60)
        when = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "in %d min", "in %d min", (int) minutes),
                                (int) minutes);
      else
        when = cr_time_format_local (p->at, "%H:%M");
      gtk_grid_attach (self->passages_grid, label_new (p->text, NULL, TRUE), 0, i, 1, 1);
      gtk_grid_attach (self->passages_grid, label_new (when, "numeric", FALSE), 1, i, 1, 1);
    }
}

/* Reachability from the latest alert test campaign: names only. */
static void
refresh_partners (CrWallWindow *self)
{
  g_autoptr(GListModel) campaigns = cr_store_list (self->store, CR_TYPE_ALERT_CAMPAIGN, NULL, 0, NULL);
  g_autoptr(CrAlertCampaign) latest = NULL;
  g_autoptr(CrAlertSummary) summary = NULL;
  g_autoptr(GString) unreachable = g_string_new (NULL);
  g_autofree char *title = NULL;

  for (guint i = 0; campaigns != NULL && i < g_list_model_get_n_items (campaigns); i++)
    {
      g_autoptr(CrAlertCampaign) c = g_list_model_get_item (campaigns, i);

      if (latest == NULL || (cr_alert_campaign_get_started_at (c) != NULL &&
                             (cr_alert_campaign_get_started_at (latest) == NULL ||
                              g_date_time_compare (cr_alert_campaign_get_started_at (c),
                                                   cr_alert_campaign_get_started_at (latest)) > 0)))
        g_set_object (&latest, c);
    }
  if (latest == NULL)
    {
      gtk_label_set_text (self->partners_label, _("Partners: no alert test yet"));
      gtk_label_set_text (self->unreachable_label, "");
      return;
    }
  /* The store's own reading of the calls, as the Alert Tests page shows it. */
  summary = cr_store_get_alert_summary (self->store, cr_record_get_id (CR_RECORD (latest)), NULL);
  if (summary == NULL)
    {
      gtk_label_set_text (self->partners_label, "");
      gtk_label_set_text (self->unreachable_label, "");
      return;
    }
  /* Translators: wall screen: partners reached in the latest alert test, e.g. "Partners reached: 14/16" */
  title = g_strdup_printf (_("Partners reached: %u/%u"), summary->n_reached, summary->n_partners);
  gtk_label_set_text (self->partners_label, title);
  for (guint i = 0; i < summary->partners->len; i++)
    {
      const CrAlertPartnerResult *result = &g_array_index (summary->partners, CrAlertPartnerResult, i);
      g_autoptr(CrPartner) partner = NULL;

      if (result->outcome == CR_ALERT_OUTCOME_CONFIRMED || result->outcome == CR_ALERT_OUTCOME_NOT_CONFIRMED)
        continue;
      partner = cr_store_get (self->store, CR_TYPE_PARTNER, result->partner_id, NULL);
      if (partner != NULL)
        g_string_append_printf (unreachable, "%s%s", unreachable->len ? ", " : "", cr_partner_get_name (partner));
    }
  if (unreachable->len > 0)
    {
      /* Translators: wall screen, the partners an alert test did not reach */
      g_autofree char *text = g_strdup_printf (_("Not reached: %s"), unreachable->str);

      gtk_label_set_text (self->unreachable_label, text);
    }
  else
    gtk_label_set_text (self->unreachable_label, "");
}

static void
fit_map (CrWallWindow *self)
{
  ShumateViewport *viewport = shumate_simple_map_get_viewport (self->map);
  ShumateMapSource *source = shumate_viewport_get_reference_map_source (viewport);
  int width = gtk_widget_get_width (GTK_WIDGET (self->map));
  int height = gtk_widget_get_height (GTK_WIDGET (self->map));
  CrProjection proj;
  CrBBox bbox;

  if (self->event == NULL || source == NULL || width <= 1 || height <= 1)
    return;
  if (!cr_store_get_event_extent (self->store, cr_record_get_id (CR_RECORD (self->event)), &bbox, NULL))
    return;
  cr_projection_init_fit (&proj, &bbox, width, height, shumate_map_source_get_tile_size (source),
                          32 * self->font_px / BASE_FONT_PX, shumate_map_source_get_max_zoom_level (source));
  shumate_viewport_set_zoom_level (viewport, proj.zoom);
  shumate_location_set_location (SHUMATE_LOCATION (viewport), proj.center_lat, proj.center_lon);
  self->fitted_width = width;
  self->fitted_height = height;
}

/**
 * cr_wall_window_refresh:
 *
 * Re-reads everything from the store; called on every change.
 */
void
cr_wall_window_refresh (CrWallWindow *self)
{
  g_autoptr(GDateTime) now = NULL;

  g_return_if_fail (CR_IS_WALL_WINDOW (self));

  now = now_utc (self);
  cr_map_renderer_set_time (self->renderer, now);
  update_clock (self);
  refresh_event (self);
  refresh_activation (self);
  refresh_logbook (self);
  refresh_passages (self);
  refresh_partners (self);
}

static gboolean
refresh_idle_cb (gpointer user_data)
{
  CrWallWindow *self = user_data;

  self->refresh_source = 0;
  cr_wall_window_refresh (self);
  return G_SOURCE_REMOVE;
}

static void
store_changed_cb (CrWallWindow *self)
{
  /* A burst of changes is one refresh. */
  if (self->refresh_source == 0)
    self->refresh_source = g_idle_add (refresh_idle_cb, self);
}

static void
available_changed_cb (CrWallWindow *self)
{
  GDateTime *since = cr_store_get_unavailable_since (self->store);

  if (since != NULL)
    {
      g_autofree char *time = cr_time_format_local (since, "%H:%M");
      /* Translators: wall-screen banner when the database cannot be read; %s is a time */
      g_autofree char *text = g_strdup_printf (_("The database cannot be read: this picture has been "
                                                 "stale since %s"),
                                               time);

      gtk_label_set_text (self->stale_label, text);
    }
  gtk_revealer_set_reveal_child (self->stale_revealer, since != NULL);
  if (since == NULL)
    store_changed_cb (self);
}

static gboolean
clock_tick_cb (gpointer user_data)
{
  CrWallWindow *self = user_data;
  g_autoptr(GDateTime) now = now_utc (self);
  int minute = g_date_time_get_minute (now);

  update_clock (self);
  /* Countdowns and the map's time move once a minute; a stale picture
   * is checked for recovery then too. */
  if (minute != self->last_minute)
    {
      self->last_minute = minute;
      cr_store_sync (self->store);
      cr_wall_window_refresh (self);
    }
  return G_SOURCE_CONTINUE;
}

static gboolean
hide_cursor_cb (gpointer user_data)
{
  CrWallWindow *self = user_data;

  self->cursor_source = 0;
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "none");
  return G_SOURCE_REMOVE;
}

static void
motion_cb (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           CrWallWindow             *self)
{
  gtk_widget_set_cursor (GTK_WIDGET (self), NULL);
  g_clear_handle_id (&self->cursor_source, g_source_remove);
  self->cursor_source = g_timeout_add_seconds (CURSOR_HIDE_SECONDS, hide_cursor_cb, self);
}

static gboolean
apply_scale_cb (gpointer user_data)
{
  CrWallWindow *self = user_data;
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  double font_px = round (BASE_FONT_PX * CLAMP (height / 1080.0, 0.5, 3.0));

  self->scale_source = 0;
  if (font_px != self->font_px)
    {
      g_autofree char *css = g_strdup_printf ("window.wall { font-size: %.0fpx; }", font_px);

      self->font_px = font_px;
      gtk_css_provider_load_from_data (self->css, css, -1);
      cr_map_renderer_set_scale (self->renderer, font_px / BASE_FONT_PX * 1.3);
    }
  gtk_widget_set_size_request (GTK_WIDGET (self->side), (int) (width * 0.3), -1);
  if (gtk_widget_get_width (GTK_WIDGET (self->map)) != self->fitted_width ||
      gtk_widget_get_height (GTK_WIDGET (self->map)) != self->fitted_height)
    fit_map (self);
  return G_SOURCE_REMOVE;
}

/* Type from 720p to 4K: one base size for the window, em everywhere.
 * Style and size requests change after the allocation, never during. */
static void
cr_wall_window_size_allocate (GtkWidget *widget,
                              int        width,
                              int        height,
                              int        baseline)
{
  CrWallWindow *self = CR_WALL_WINDOW (widget);

  GTK_WIDGET_CLASS (cr_wall_window_parent_class)->size_allocate (widget, width, height, baseline);
  if ((width != self->allocated_width || height != self->allocated_height ||
       gtk_widget_get_width (GTK_WIDGET (self->map)) != self->fitted_width) &&
      self->scale_source == 0)
    self->scale_source = g_idle_add (apply_scale_cb, self);
  self->allocated_width = width;
  self->allocated_height = height;
}

static void
cr_wall_window_dispose (GObject *object)
{
  CrWallWindow *self = CR_WALL_WINDOW (object);

  g_clear_handle_id (&self->clock_source, g_source_remove);
  g_clear_handle_id (&self->refresh_source, g_source_remove);
  g_clear_handle_id (&self->cursor_source, g_source_remove);
  g_clear_handle_id (&self->scale_source, g_source_remove);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  if (self->css != NULL)
    gtk_style_context_remove_provider_for_display (gtk_widget_get_display (GTK_WIDGET (self)),
                                                   GTK_STYLE_PROVIDER (self->css));
  gtk_widget_dispose_template (GTK_WIDGET (self), CR_TYPE_WALL_WINDOW);
  g_clear_object (&self->css);
  g_clear_object (&self->renderer);
  g_clear_object (&self->basemap);
  g_clear_object (&self->event);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->fixed_now, g_date_time_unref);

  G_OBJECT_CLASS (cr_wall_window_parent_class)->dispose (object);
}

static void
cr_wall_window_class_init (CrWallWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cr_wall_window_dispose;
  widget_class->size_allocate = cr_wall_window_size_allocate;

  g_type_ensure (SHUMATE_TYPE_SIMPLE_MAP);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/cr-wall-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CrWallWindow, stale_revealer);
  gtk_widget_class_bind_template_child (widget_class, CrWallWindow, stale_label);
  gtk_widget_class_bind_template_child (widget_class, CrWallWindow, map);
  gtk_widget_class_bind_template_child (widget_class, CrWallWindow, logbook_list);
  gtk_widget_class_bind_template_child (widget_class, CrWallWindow, side);
  gtk_widget_class_bind_template_child (widget_class, CrWallWindow, event_label);
  gtk_widget_class_bind_template_child (widget_class, CrWallWindow, clock_label);
  gtk_widget_class_bind_template_child (widget_class, CrWallWindow, utc_label);
  gtk_widget_class_bind_template_child (widget_class, CrWallWindow, activation_box);
  gtk_widget_class_bind_template_child (widget_class, CrWallWindow, activation_label);
  gtk_widget_class_bind_template_child (widget_class, CrWallWindow, cells_grid);
  gtk_widget_class_bind_template_child (widget_class, CrWallWindow, overdue_label);
  gtk_widget_class_bind_template_child (widget_class, CrWallWindow, passages_grid);
  gtk_widget_class_bind_template_child (widget_class, CrWallWindow, partners_label);
  gtk_widget_class_bind_template_child (widget_class, CrWallWindow, unreachable_label);
}

static void
cr_wall_window_init (CrWallWindow *self)
{
  GtkEventController *motion;

  gtk_widget_init_template (GTK_WIDGET (self));
  /* Full screen on a video wall: no title bar, no shadow, every pixel
   * for the picture. */
  gtk_window_set_decorated (GTK_WINDOW (self), FALSE);
  self->last_minute = -1;
  self->css = gtk_css_provider_new ();
  gtk_style_context_add_provider_for_display (gtk_widget_get_display (GTK_WIDGET (self)),
                                              GTK_STYLE_PROVIDER (self->css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION + 1);
  motion = gtk_event_controller_motion_new ();
  g_signal_connect (motion, "motion", G_CALLBACK (motion_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);
  self->cursor_source = g_timeout_add_seconds (CURSOR_HIDE_SECONDS, hide_cursor_cb, self);
}

/**
 * cr_wall_window_new:
 * @event_name: (nullable): the event to show; %NULL for the active one
 *   (else the latest)
 */
CrWallWindow *
cr_wall_window_new (CrApplication *application,
                    const char    *event_name)
{
  CrWallWindow *self;
  ShumateViewport *viewport;

  g_return_val_if_fail (CR_IS_APPLICATION (application), NULL);

  self = g_object_new (CR_TYPE_WALL_WINDOW, "application", application, NULL);
  self->store = g_object_ref (cr_application_get_store (application));
  self->settings = g_object_ref (cr_application_get_settings (application));
  self->event = choose_event (self->store, event_name);

  viewport = shumate_simple_map_get_viewport (self->map);
  self->renderer = cr_map_renderer_new (self->store);
  if (self->event != NULL)
    cr_map_renderer_set_event_id (self->renderer, cr_record_get_id (CR_RECORD (self->event)));
  self->feature_layer = cr_feature_layer_new (viewport, self->renderer);
  shumate_simple_map_add_overlay_layer (self->map, SHUMATE_LAYER (self->feature_layer));
  self->basemap = cr_basemap_new (self->settings, cr_application_get_basemap_mbtiles (application));
  cr_basemap_attach (self->basemap, self->map);
  shumate_scale_set_unit (shumate_simple_map_get_scale (self->map), SHUMATE_UNIT_METRIC);

  g_signal_connect_swapped (self->store, "changed", G_CALLBACK (store_changed_cb), self);
  g_signal_connect_swapped (self->store, "notify::available", G_CALLBACK (available_changed_cb), self);
  self->clock_source = g_timeout_add_seconds (1, clock_tick_cb, self);
  cr_wall_window_refresh (self);
  return self;
}

/**
 * cr_wall_window_get_event:
 *
 * Returns: (transfer none) (nullable): the event shown
 */
CrEvent *
cr_wall_window_get_event (CrWallWindow *self)
{
  g_return_val_if_fail (CR_IS_WALL_WINDOW (self), NULL);

  return self->event;
}

gboolean
cr_wall_window_get_stale (CrWallWindow *self)
{
  g_return_val_if_fail (CR_IS_WALL_WINDOW (self), FALSE);

  return gtk_revealer_get_reveal_child (self->stale_revealer);
}

/**
 * cr_wall_window_get_feature_layer:
 *
 * Returns: (transfer none): the map's feature layer
 */
CrFeatureLayer *
cr_wall_window_get_feature_layer (CrWallWindow *self)
{
  g_return_val_if_fail (CR_IS_WALL_WINDOW (self), NULL);

  return self->feature_layer;
}

/* Shows the wall as at @now instead of the clock's time: for tests, and
 * for rehearsing an exercise's timeline. */
void
cr_wall_window_set_now (CrWallWindow *self,
                        GDateTime    *now)
{
  g_return_if_fail (CR_IS_WALL_WINDOW (self));

  g_clear_pointer (&self->fixed_now, g_date_time_unref);
  if (now != NULL)
    self->fixed_now = g_date_time_ref (now);
  cr_wall_window_refresh (self);
}
