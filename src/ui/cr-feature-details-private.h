/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cr-datetime-row.h"
#include "cr-feature-details.h"

G_BEGIN_DECLS

struct _CrFeatureDetails
{
  AdwBin parent_instance;

  /* Template widgets */
  GtkDrawingArea *kind_swatch;
  GtkLabel *title_label;
  GtkLabel *kind_label;
  GtkRevealer *problem_revealer;
  GtkLabel *problem_label;
  AdwPreferencesPage *page;
  AdwEntryRow *name_row;
  GtkLabel *name_error;
  AdwComboRow *kind_row;
  AdwComboRow *partner_row;
  CrDatetimeRow *from_row;
  CrDatetimeRow *to_row;
  GtkLabel *time_error;
  AdwPreferencesGroup *measure_group;
  AdwActionRow *area_row;
  GtkLabel *area_value;
  AdwActionRow *perimeter_row;
  GtkLabel *perimeter_value;
  AdwEntryRow *radius_row;
  GtkLabel *radius_error;
  AdwActionRow *length_row;
  GtkLabel *length_value;
  AdwActionRow *duration_row;
  GtkLabel *duration_value;
  AdwActionRow *location_row;
  GtkLabel *location_value;
  AdwPreferencesGroup *waypoints_group;
  GtkListBox *waypoint_list;
  AdwActionRow *add_waypoint_row;
  GtkSpinButton *vertex_spin;
  GtkTextView *notes_view;

  CrMapRenderer *renderer;
  CrHistory *history;
  CrStore *store;

  GListStore *kinds;            /* CrFeatureKind the kind row offers */
  int kinds_family;             /* CrKindGroup offered, or -1 for all */
  gboolean kinds_stale;
  GtkStringList *partner_names; /* "None", then the partners */
  GArray *partner_ids;          /* gint64 parallel to partner_names, 0 first */

  gint64 feature_id;
  CrFeature *feature;           /* as last read from the store */
  char *shown_name;             /* what the entries showed when read, */
  char *shown_notes;            /* to tell the user's typing from them */
  char *shown_radius;
  gboolean times_pending;       /* a typed time waits for Enter or focus-out */
  char *problem;                /* a write the store refused, or NULL */

  GPtrArray *waypoints;         /* CrWaypoint, route order */
  GPtrArray *waypoint_rows;     /* WaypointRow, parallel to waypoints */
  gint64 expand_waypoint_id;    /* just added: open its row */

  guint loading;                /* filling widgets: their signals are not edits */
  guint writing;                /* our own write: reload once, at its end */
  gboolean reload_pending;
  gboolean disposed;
};

/* cr-feature-details.c */
gboolean  _cr_feature_details_begin          (CrFeatureDetails *self,
                                              const char       *label);
gboolean  _cr_feature_details_end            (CrFeatureDetails *self,
                                              gboolean          ok,
                                              GError           *error);
gboolean  _cr_feature_details_update         (CrFeatureDetails *self,
                                              const char       *label,
                                              CrRecord         *edited);
gboolean  _cr_feature_details_can_edit       (CrFeatureDetails *self);
gboolean  _cr_feature_details_typing_in      (GtkWidget        *widget);
gboolean  _cr_feature_details_time_commit_now (CrFeatureDetails *self,
                                              CrDatetimeRow    *row,
                                              gboolean         *pending);
void      _cr_feature_details_reset_apply    (AdwEntryRow      *row);
void      _cr_feature_details_show_error   (CrFeatureDetails *self,
                                              const GError     *error);

/* cr-feature-details-fields.c */
void      _cr_feature_details_init_fields      (CrFeatureDetails *self);
void      _cr_feature_details_bind_field_callbacks (GtkWidgetClass *widget_class);
void      _cr_feature_details_load_fields      (CrFeatureDetails *self,
                                                gboolean          force);
void      _cr_feature_details_flush_fields     (CrFeatureDetails *self);
void      _cr_feature_details_clear_field_errors (CrFeatureDetails *self);
void      _cr_feature_details_refill_lists     (CrFeatureDetails *self);
void      _cr_feature_details_partners_changed (CrFeatureDetails *self);
void      _cr_feature_details_kinds_changed    (CrFeatureDetails *self);
void      _cr_feature_details_update_measurements (CrFeatureDetails *self);
char     *_cr_format_length                    (double            metres);
char     *_cr_format_duration                  (GTimeSpan         span);

/* cr-feature-details-waypoints.c */
void      _cr_feature_details_init_waypoints   (CrFeatureDetails *self);
void      _cr_feature_details_load_waypoints   (CrFeatureDetails *self,
                                                gboolean          force);
void      _cr_feature_details_clear_waypoints  (CrFeatureDetails *self);
void      _cr_feature_details_flush_waypoints  (CrFeatureDetails *self);
void      _cr_feature_details_install_waypoint_actions (GtkWidgetClass *widget_class);
void      _cr_feature_details_vertex_changed   (CrFeatureDetails *self);
void      _cr_feature_details_add_waypoint_clicked (CrFeatureDetails *self);

G_END_DECLS
