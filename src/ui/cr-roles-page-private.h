/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cr-map-renderer.h"
#include "cr-roles-page.h"

G_BEGIN_DECLS

/* What cr-roles-page.c and cr-roles-page-columns.c share. */

struct _CrRolesPage
{
  AdwBin parent_instance;

  /* Template widgets */
  GtkStack *stack;
  GtkDropDown *partner_filter;
  GtkDropDown *discipline_filter;
  GtkLabel *count_label;
  GtkStack *list_stack;
  GtkColumnView *column_view;
  AdwStatusPage *empty_page;
  GtkButton *empty_add_button;

  CrWindow *window; /* weak: the window owns the page */
  CrEventSidebar *sidebar;
  CrStore *store;
  CrHistory *history;
  CrMapRenderer *renderer;
  gint64 event_id;

  GListStore *roles;
  GtkSortListModel *sorted;
  GtkSingleSelection *selection;

  /* The partner filter's choices: "All partners", then the partners with
   * a role in the event. */
  GtkStringList *partner_names;
  GArray *partner_ids;

  /* What the cells show besides the role itself, by id. */
  GHashTable *partners; /* id → CrPartner */
  GHashTable *features; /* id → CrFeature */
  GHashTable *contacts; /* id → CrContact */
  GHashTable *kind_labels; /* kind code → label */
  GHashTable *ranks; /* contact id → SPOC chain rank + 1 */

  guint reload_idle;
  gboolean filling;
  gboolean reloading; /* the selection changes, but not by the user */
};

typedef enum
{
  COLUMN_DISCIPLINE,
  COLUMN_PARTNER,
  COLUMN_RESPONSIBILITY,
  COLUMN_SECTOR,
  COLUMN_CONTACT,
  N_COLUMNS
} Column;

const char *_cr_roles_page_partner_name         (CrRolesPage *self,
                                                 gint64       id);
void        _cr_roles_page_add_columns          (CrRolesPage *self);
void        _cr_roles_page_set_filter_factories (GtkDropDown *drop_down);

G_END_DECLS
