/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cr-partners-page"

#include "config.h"

#include <glib/gi18n.h>

#include "cr-a11y.h"
#include "cr-contact-cards.h"
#include "cr-contact-editor.h"
#include "cr-labels.h"
#include "cr-partner-editor.h"
#include "cr-partners-page-private.h"
#include "cr-search.h"
#include "cr-store-contacts.h"
#include "cr-time.h"
#include "cr-ops-utils.h"
#include "cr-ui-utils.h"

/**
 * CrPartnersPage:
 *
 * The crisis SPOC directory, a page beside the map: on the left the
 * partner organisations grouped by type, with search as you type over
 * names, organisations, functions, numbers and addresses, and the "Needs
 * review" list with each problem's fix; on the right the chosen partner
 * with its SPOC, deputies in order and other contacts.
 *
 * Every change is one store write, through the window's #CrHistory
 * where it can be undone; the page follows the store's "changed"
 * signals, so changes made elsewhere (another window, an import) show
 * at once.
 */

G_DEFINE_FINAL_TYPE (CrPartnersPage, cr_partners_page, ADW_TYPE_BIN)

enum
{
  TRANSFER_FINISHED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

#define SEARCH_LIMIT 50
#define SIDEBAR_CHARS 34

static void show_partner (CrPartnersPage *self);
static void fill_list (CrPartnersPage *self);

/* ---- Helpers shared with the other files of the page ---- */

void
_cr_partners_page_toast (CrPartnersPage *self,
                         AdwToast       *toast)
{
  cr_ops_add_toast (GTK_WIDGET (self), toast);
}

/* An error stays until dismissed. */
void
_cr_partners_page_error (CrPartnersPage *self,
                         const char     *message)
{
  cr_ops_show_error (GTK_WIDGET (self), message);
}

GtkWindow *
_cr_partners_page_window (CrPartnersPage *self)
{
  return cr_ops_parent_window (GTK_WIDGET (self));
}

/* Verifications before this need review. */
GDateTime *
_cr_partners_page_stale_before (CrPartnersPage *self)
{
  g_autoptr(GDateTime) now = cr_time_now_utc ();

  return g_date_time_add_days (now, -(int) g_settings_get_uint (self->settings, "review-period-days"));
}

void
_cr_partners_page_transfer_finished (CrPartnersPage *self,
                                     gboolean        success,
                                     const char     *message)
{
  g_signal_emit (self, signals[TRANSFER_FINISHED], 0, success, message);
}

static gboolean
pulse_cb (gpointer user_data)
{
  CrPartnersPage *self = user_data;

  gtk_progress_bar_pulse (self->progress_bar);
  return G_SOURCE_CONTINUE;
}

/* Work in a worker thread shows under the search (a toast would have to
 * be dismissed mid-animation, which libadwaita 1.2 does not survive);
 * %NULL when it is over. */
void
_cr_partners_page_progress (CrPartnersPage *self,
                            const char     *text)
{
  if (text != NULL)
    {
      gtk_label_set_text (self->progress_label, text);
      if (self->pulse_id == 0)
        self->pulse_id = g_timeout_add (100, pulse_cb, self);
    }
  else
    g_clear_handle_id (&self->pulse_id, g_source_remove);
  gtk_revealer_set_reveal_child (self->progress_revealer, text != NULL);
}

static void
undo_toast (CrPartnersPage *self,
            const char     *title)
{
  AdwToast *toast = adw_toast_new (title);

  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo");
  _cr_partners_page_toast (self, toast);
}

static CrPartner *
find_partner (CrPartnersPage *self,
              gint64          id)
{
  for (guint i = 0; self->partners != NULL && i < g_list_model_get_n_items (self->partners); i++)
    {
      g_autoptr(CrPartner) partner = g_list_model_get_item (self->partners, i);

      if (cr_record_get_id (CR_RECORD (partner)) == id)
        return g_steal_pointer (&partner);
    }
  return NULL;
}

/* ---- Loading ---- */

static guint
count_for (GHashTable *table,
           gint64      id)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (table, &id));
}

static void
count_add (GHashTable *table,
           gint64      id)
{
  guint n = count_for (table, id);

  g_hash_table_replace (table, g_memdup2 (&id, sizeof id), GUINT_TO_POINTER (n + 1));
}

/* The partners, their SPOCs and contact counts, and the directory's
 * problems: a handful of indexed queries for the whole directory. */
static void
load (CrPartnersPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = cr_time_now_utc ();
  guint period = g_settings_get_uint (self->settings, "review-period-days");
  GListModel *partners;
  GListModel *problems;
  g_autofree char *period_text = NULL;
  guint n_problems;

  partners = cr_store_list_partners_by_type (self->store, &error);
  if (partners == NULL)
    {
      _cr_partners_page_error (self, error->message);
      return;
    }
  g_clear_object (&self->partners);
  self->partners = partners;

  problems = cr_store_list_review_problems (self->store, 0, period, now, &error);
  if (problems == NULL)
    {
      _cr_partners_page_error (self, error->message);
      problems = G_LIST_MODEL (g_list_store_new (CR_TYPE_REVIEW_PROBLEM));
    }
  g_clear_object (&self->problems);
  self->problems = problems;

  g_hash_table_remove_all (self->n_problems);
  n_problems = g_list_model_get_n_items (problems);
  for (guint i = 0; i < n_problems; i++)
    {
      g_autoptr(CrReviewProblem) problem = g_list_model_get_item (problems, i);

      count_add (self->n_problems, cr_review_problem_get_partner_id (problem));
    }

  g_hash_table_remove_all (self->spoc_names);
  g_hash_table_remove_all (self->n_contacts);
  for (guint i = 0; i < g_list_model_get_n_items (partners); i++)
    {
      g_autoptr(CrPartner) partner = g_list_model_get_item (partners, i);
      gint64 id = cr_record_get_id (CR_RECORD (partner));
      g_autoptr(GListModel) chain = cr_store_list_spoc_chain (self->store, id, NULL);
      gint64 n = cr_store_count (self->store, CR_TYPE_CONTACT, "partner_id", id, NULL);

      if (chain != NULL && g_list_model_get_n_items (chain) > 0)
        {
          g_autoptr(CrContact) spoc = g_list_model_get_item (chain, 0);

          g_hash_table_replace (self->spoc_names, g_memdup2 (&id, sizeof id),
                                g_strdup (cr_contact_get_name (spoc)));
        }
      g_hash_table_replace (self->n_contacts, g_memdup2 (&id, sizeof id),
                            GUINT_TO_POINTER ((guint) MAX (n, 0)));
    }

  adw_view_stack_page_set_badge_number (self->review_stack_page, n_problems);
  adw_view_stack_page_set_needs_attention (self->review_stack_page, n_problems > 0);
  period_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "Contacts not confirmed in the last %u day need "
                                              "review (see Preferences).",
                                              "Contacts not confirmed in the last %u days need "
                                              "review (see Preferences).",
                                              period),
                                 period);
  gtk_label_set_text (self->period_label, period_text);
}

static gboolean
reload_cb (gpointer user_data)
{
  CrPartnersPage *self = user_data;

  self->reload_id = 0;
  cr_partners_page_refresh (self);
  return G_SOURCE_REMOVE;
}

/* Changes come in bursts (an import, a chain rewritten): one reload for
 * a burst, when the main loop is idle again. */
void
_cr_partners_page_schedule_reload (CrPartnersPage *self)
{
  if (self->reload_id == 0)
    self->reload_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, reload_cb, self, NULL);
}

static void
store_changed_cb (CrPartnersPage *self,
                  const char     *table,
                  gint64          row_id,
                  int             change,
                  CrStore        *store)
{
  if (g_strcmp0 (table, "partners") == 0 || g_strcmp0 (table, "contacts") == 0 ||
      g_strcmp0 (table, "spoc_assignments") == 0 || change == CR_STORE_CHANGE_RELOAD)
    _cr_partners_page_schedule_reload (self);
}

/* ---- The partner list, and search results ---- */

/* A heading for each partner type; contact rows (search hits) follow
 * their partner's row, in its group. */
static void
header_func (GtkListBoxRow *row,
             GtkListBoxRow *before,
             gpointer       user_data)
{
  gint64 group = cr_ui_get_id (GTK_WIDGET (row), "cr-group");
  GtkWidget *header;

  if (g_object_get_data (G_OBJECT (row), "cr-group") == NULL ||
      (before != NULL && cr_ui_get_id (GTK_WIDGET (before), "cr-group") == group))
    {
      gtk_list_box_row_set_header (row, NULL);
      return;
    }
  header = gtk_label_new (group >= 0 ? cr_partner_type_label ((CrPartnerType) group) : _("No partner"));
  gtk_label_set_xalign (GTK_LABEL (header), 0);
  gtk_widget_add_css_class (header, "heading");
  gtk_widget_add_css_class (header, "partner-type-header");
  gtk_list_box_row_set_header (row, header);
}

static GtkWidget *
partner_row_new (CrPartnersPage *self,
                 CrPartner      *partner)
{
  gint64 id = cr_record_get_id (CR_RECORD (partner));
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *name = gtk_label_new (cr_partner_get_name (partner));
  const char *spoc = g_hash_table_lookup (self->spoc_names, &id);
  guint n_contacts = count_for (self->n_contacts, id);
  guint n_problems = count_for (self->n_problems, id);
  g_autofree char *contacts_text = NULL;
  g_autofree char *subtitle = NULL;
  GtkWidget *subtitle_label;

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_wrap (GTK_LABEL (name), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (name), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (GTK_LABEL (name), 2);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  /* A long name wraps in the sidebar instead of widening it. */
  gtk_label_set_max_width_chars (GTK_LABEL (name), SIDEBAR_CHARS);
  gtk_box_append (GTK_BOX (text), name);

  contacts_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u contact", "%u contacts", n_contacts),
                                   n_contacts);
  if (spoc != NULL)
    /* Translators: a partner's SPOC and its number of contacts: "SPOC Alice Exemple · 4 contacts". */
    subtitle = g_strdup_printf (_("SPOC %s · %s"), spoc, contacts_text);
  else
    /* Translators: %s is the number of contacts, "4 contacts". */
    subtitle = g_strdup_printf (_("No SPOC · %s"), contacts_text);
  subtitle_label = gtk_label_new (subtitle);
  gtk_label_set_xalign (GTK_LABEL (subtitle_label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (subtitle_label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (subtitle_label), SIDEBAR_CHARS);
  gtk_widget_add_css_class (subtitle_label, "dim-label");
  gtk_widget_add_css_class (subtitle_label, "caption");
  gtk_box_append (GTK_BOX (text), subtitle_label);
  gtk_widget_set_hexpand (text, TRUE);
  gtk_box_append (GTK_BOX (box), text);

  if (n_problems > 0)
    {
      g_autofree char *count = g_strdup_printf ("%u", n_problems);
      g_autofree char *tooltip = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                               "%u problem needs review",
                                                               "%u problems need review",
                                                               n_problems),
                                                  n_problems);
      GtkWidget *badge = gtk_label_new (count);

      gtk_widget_add_css_class (badge, "problem-count");
      gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (badge, tooltip);
      gtk_accessible_update_property (GTK_ACCESSIBLE (badge), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
      gtk_box_append (GTK_BOX (box), badge);
    }

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  cr_partner_get_name (partner), -1);
  cr_ui_set_id (row, "cr-partner", id);
  cr_ui_set_id (row, "cr-group", cr_partner_get_partner_type (partner));
  return row;
}

static GtkWidget *
contact_row_new (CrContact *contact,
                 gint64     group)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *icon = gtk_image_new_from_icon_name ("avatar-default-symbolic");
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *name = gtk_label_new (cr_contact_get_name (contact));
  g_autoptr(GStrvBuilder) details = g_strv_builder_new ();
  g_auto(GStrv) parts = NULL;
  g_autofree char *subtitle = NULL;

  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_valign (icon, GTK_ALIGN_START);
  gtk_widget_add_css_class (icon, "dim-label");
  gtk_box_append (GTK_BOX (box), icon);
  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (name), SIDEBAR_CHARS);
  gtk_box_append (GTK_BOX (text), name);
  if (cr_contact_get_function (contact) != NULL)
    g_strv_builder_add (details, cr_contact_get_function (contact));
  for (CrPhoneField field = 0; field < CR_N_PHONE_FIELDS; field++)
    if (cr_phone_field_get (contact, field) != NULL)
      {
        g_strv_builder_add (details, cr_phone_field_get (contact, field));
        break;
      }
  if (cr_contact_get_email (contact) != NULL)
    g_strv_builder_add (details, cr_contact_get_email (contact));
  parts = g_strv_builder_end (details);
  subtitle = g_strjoinv (" · ", parts);
  if (*subtitle != '\0')
    {
      GtkWidget *label = gtk_label_new (subtitle);

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_max_width_chars (GTK_LABEL (label), SIDEBAR_CHARS);
      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_add_css_class (label, "caption");
      gtk_box_append (GTK_BOX (text), label);
    }
  gtk_widget_set_hexpand (text, TRUE);
  gtk_box_append (GTK_BOX (box), text);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  cr_contact_get_name (contact), -1);
  cr_ui_set_id (row, "cr-partner", cr_contact_get_partner_id (contact));
  cr_ui_set_id (row, "cr-contact", cr_record_get_id (CR_RECORD (contact)));
  cr_ui_set_id (row, "cr-group", group);
  return row;
}

static char *
partner_search_text (CrPartner *partner)
{
  g_autofree char *text = g_strjoin (" ", cr_partner_get_name (partner),
                                     cr_partner_type_label (cr_partner_get_partner_type (partner)),
                                     cr_partner_get_address (partner) ? cr_partner_get_address (partner) : "",
                                     cr_partner_get_notes (partner) ? cr_partner_get_notes (partner) : "",
                                     NULL);

  return cr_search_fold (text);
}

/* The search as you type: contacts from the store's indexes (names,
 * organisations, functions, e-mail, numbers in any usual form), and
 * partners whose name, type, address or notes match. Each partner shows
 * with its matching contacts under it, partners grouped by type. */
static void
fill_search (CrPartnersPage *self)
{
  g_auto(GStrv) tokens = cr_search_query_tokens (self->search_text);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) hits = NULL;
  g_autoptr(GHashTable) by_partner = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                            (GDestroyNotify) g_ptr_array_unref);
  gboolean truncated = FALSE;
  guint n_rows = 0;

  hits = cr_store_search_contacts (self->store, self->search_text, SEARCH_LIMIT, &truncated, &error);
  if (hits == NULL)
    {
      _cr_partners_page_error (self, error->message);
      return;
    }
  for (guint i = 0; i < hits->len; i++)
    {
      g_autoptr(CrContact) contact = cr_store_get (self->store, CR_TYPE_CONTACT,
                                                   g_array_index (hits, gint64, i), NULL);
      gint64 partner_id;
      GPtrArray *list;

      if (contact == NULL)
        continue;
      partner_id = cr_contact_get_partner_id (contact);
      list = g_hash_table_lookup (by_partner, &partner_id);
      if (list == NULL)
        {
          list = g_ptr_array_new_with_free_func (g_object_unref);
          g_hash_table_insert (by_partner, g_memdup2 (&partner_id, sizeof partner_id), list);
        }
      g_ptr_array_add (list, g_steal_pointer (&contact));
    }

  for (guint i = 0; i < g_list_model_get_n_items (self->partners); i++)
    {
      g_autoptr(CrPartner) partner = g_list_model_get_item (self->partners, i);
      gint64 id = cr_record_get_id (CR_RECORD (partner));
      GPtrArray *contacts = g_hash_table_lookup (by_partner, &id);
      g_autofree char *folded = NULL;

      if (contacts == NULL)
        {
          folded = partner_search_text (partner);
          if (!cr_search_matches (folded, (const char *const *) tokens))
            continue;
        }
      gtk_list_box_append (self->partner_list, partner_row_new (self, partner));
      n_rows++;
      for (guint j = 0; contacts != NULL && j < contacts->len; j++)
        {
          gtk_list_box_append (self->partner_list,
                               contact_row_new (g_ptr_array_index (contacts, j),
                                                cr_partner_get_partner_type (partner)));
          n_rows++;
        }
    }

  /* Contacts of no partner (a partner removed in QGIS…). */
  {
    gint64 none = 0;
    GPtrArray *orphans = g_hash_table_lookup (by_partner, &none);

    for (guint j = 0; orphans != NULL && j < orphans->len; j++)
      {
        gtk_list_box_append (self->partner_list, contact_row_new (g_ptr_array_index (orphans, j), -1));
        n_rows++;
      }
  }

  if (truncated)
    {
      GtkWidget *row = gtk_list_box_row_new ();
      GtkWidget *label = gtk_label_new (_("More contacts match: keep typing to narrow the search."));

      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (label), SIDEBAR_CHARS);
      gtk_widget_add_css_class (label, "dim-label");
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (row), FALSE);
      gtk_list_box_append (self->partner_list, row);
    }
  gtk_stack_set_visible_child_name (self->list_stack, n_rows > 0 ? "list" : "empty");
}

static void
select_row_of (CrPartnersPage *self,
               gint64          partner_id)
{
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->partner_list)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (GTK_IS_LIST_BOX_ROW (row) && g_object_get_data (G_OBJECT (row), "cr-contact") == NULL &&
        cr_ui_get_id (row, "cr-partner") == partner_id && partner_id != 0)
      {
        gtk_list_box_select_row (self->partner_list, GTK_LIST_BOX_ROW (row));
        return;
      }
  gtk_list_box_unselect_all (self->partner_list);
}

static void
fill_list (CrPartnersPage *self)
{
  g_auto(GStrv) tokens = cr_search_query_tokens (self->search_text);

  cr_ui_remove_children (GTK_WIDGET (self->partner_list));
  if (self->partners == NULL)
    return;
  if (tokens[0] != NULL)
    fill_search (self);
  else
    {
      for (guint i = 0; i < g_list_model_get_n_items (self->partners); i++)
        {
          g_autoptr(CrPartner) partner = g_list_model_get_item (self->partners, i);

          gtk_list_box_append (self->partner_list, partner_row_new (self, partner));
        }
      gtk_stack_set_visible_child_name (self->list_stack, "list");
    }
  select_row_of (self, self->selected_id);
}

static void
search_changed_cb (CrPartnersPage *self)
{
  cr_partners_page_set_search_text (self, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

static void
activate_row (CrPartnersPage *self,
              GtkWidget      *row)
{
  gint64 partner_id = cr_ui_get_id (row, "cr-partner");

  self->focus_contact_id = cr_ui_get_id (row, "cr-contact");
  if (partner_id == 0)
    return;
  cr_partners_page_select_partner (self, partner_id);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

/* Enter in the search shows the first result. */
static void
search_activate_cb (CrPartnersPage *self)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->partner_list, 0);

  if (row != NULL && gtk_list_box_row_get_activatable (row))
    activate_row (self, GTK_WIDGET (row));
}

static void
partner_row_activated_cb (CrPartnersPage *self,
                          GtkListBoxRow  *row)
{
  activate_row (self, GTK_WIDGET (row));
}

static void
review_row_activated_cb (CrPartnersPage *self,
                         GtkListBoxRow  *row)
{
  activate_row (self, GTK_WIDGET (row));
}

/* ---- The partner's details ---- */

static void
add_info (CrPartnersPage *self,
          int            *row,
          const char     *title,
          const char     *value)
{
  GtkWidget *title_label;
  GtkWidget *value_label;

  if (value == NULL || *value == '\0')
    return;
  title_label = gtk_label_new (title);
  value_label = gtk_label_new (value);
  gtk_label_set_xalign (GTK_LABEL (title_label), 0);
  gtk_widget_set_valign (title_label, GTK_ALIGN_START);
  gtk_widget_add_css_class (title_label, "dim-label");
  gtk_label_set_xalign (GTK_LABEL (value_label), 0);
  gtk_label_set_wrap (GTK_LABEL (value_label), TRUE);
  gtk_label_set_selectable (GTK_LABEL (value_label), TRUE);
  gtk_widget_set_hexpand (value_label, TRUE);
  gtk_grid_attach (self->info_grid, title_label, 0, *row, 1, 1);
  gtk_grid_attach (self->info_grid, value_label, 1, *row, 1, 1);
  (*row)++;
}

static char *
languages_label (const char *codes)
{
  g_auto(GStrv) split = g_strsplit_set (codes != NULL ? codes : "", ", ", -1);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) names = NULL;

  for (char **code = split; *code != NULL; code++)
    if (**code != '\0')
      g_strv_builder_add (builder, cr_contact_language_label (*code));
  names = g_strv_builder_end (builder);
  return g_strjoinv (", ", names);
}

static char *
area_label (CrPartnersPage *self,
            CrPartner      *partner)
{
  gint64 area_id = cr_partner_get_area_feature_id (partner);
  g_autoptr(CrFeature) area = NULL;
  g_autoptr(CrReferenceLayer) layer = NULL;

  if (area_id == 0)
    return g_strdup (_("None linked"));
  area = cr_store_get (self->store, CR_TYPE_FEATURE, area_id, NULL);
  if (area == NULL)
    return g_strdup (_("None linked"));
  layer = cr_feature_get_layer_id (area) > 0
            ? cr_store_get (self->store, CR_TYPE_REFERENCE_LAYER, cr_feature_get_layer_id (area), NULL)
            : NULL;
  if (layer != NULL)
    /* Translators: an area and its reference layer: "Saint-Gilles (Communes)". */
    return g_strdup_printf (_("%s (%s)"),
                            cr_feature_get_name (area) ? cr_feature_get_name (area) : _("Unnamed area"),
                            cr_reference_layer_get_name (layer));
  return g_strdup (cr_feature_get_name (area) ? cr_feature_get_name (area) : _("Unnamed area"));
}

static void
fill_info (CrPartnersPage *self,
           CrPartner      *partner)
{
  g_autofree char *languages = languages_label (cr_partner_get_languages (partner));
  g_autofree char *area = area_label (self, partner);
  g_autofree char *summary = NULL;
  int row = 0;

  cr_ui_remove_children (GTK_WIDGET (self->info_grid));
  gtk_label_set_text (self->partner_name, cr_partner_get_name (partner));
  summary = *languages != '\0'
              /* Translators: a partner's type and languages: "Police zone · French, Dutch". */
              ? g_strdup_printf (_("%s · %s"), cr_partner_type_label (cr_partner_get_partner_type (partner)),
                                 languages)
              : g_strdup (cr_partner_type_label (cr_partner_get_partner_type (partner)));
  gtk_label_set_text (self->partner_summary, summary);
  add_info (self, &row, _("Address"), cr_partner_get_address (partner));
  add_info (self, &row, _("Area of responsibility"), area);
  add_info (self, &row, _("Notes"), cr_partner_get_notes (partner));
}

static void
fill_partner_problems (CrPartnersPage *self,
                       gint64          partner_id)
{
  guint n = 0;

  cr_ui_remove_children (GTK_WIDGET (self->partner_problems));
  for (guint i = 0; self->problems != NULL && i < g_list_model_get_n_items (self->problems); i++)
    {
      g_autoptr(CrReviewProblem) problem = g_list_model_get_item (self->problems, i);

      if (cr_review_problem_get_partner_id (problem) != partner_id)
        continue;
      gtk_list_box_append (self->partner_problems, _cr_partners_review_row (self, problem, TRUE));
      n++;
    }
  gtk_widget_set_visible (self->problems_group, n > 0);
}

typedef struct
{
  gint64 focus_contact_id;
  GDateTime *stale_before;
  GtkWidget *focus;
} CardsFill;

static GtkWidget *
make_card_cb (CrContact *contact,
              int        rank,
              guint      chain_length,
              gpointer   user_data)
{
  CardsFill *fill = user_data;
  GtkWidget *card = cr_contact_card_new (contact, rank, chain_length, fill->stale_before,
                                         CR_CONTACT_CARD_EDITABLE);

  if (cr_record_get_id (CR_RECORD (contact)) == fill->focus_contact_id)
    {
      gtk_widget_add_css_class (card, "search-hit");
      fill->focus = card;
    }
  return card;
}

static void
fill_contacts (CrPartnersPage *self,
               gint64          partner_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) stale_before = _cr_partners_page_stale_before (self);
  CardsFill fill = { self->focus_contact_id, stale_before, NULL };

  if (!cr_contact_cards_fill (self->chain_box, self->others_box, self->store, partner_id, make_card_cb,
                              &fill, &error))
    {
      _cr_partners_page_error (self, error->message);
      return;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->chain_empty),
                          gtk_widget_get_first_child (GTK_WIDGET (self->chain_box)) == NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->others_empty),
                          gtk_widget_get_first_child (GTK_WIDGET (self->others_box)) == NULL);

  /* A search hit or a problem's contact: bring its card into view, once
   * (a later reload must not take the focus from what the user does). */
  if (fill.focus != NULL)
    gtk_widget_child_focus (fill.focus, GTK_DIR_TAB_FORWARD);
  self->focus_contact_id = 0;
}

static void
update_actions (CrPartnersPage *self)
{
  gboolean selected = self->selected_id != 0;
  const char *const actions[] = {
    "partners.edit", "partners.remove", "partners.confirm", "partners.add-contact",
    "partners.export-csv", "partners.export-vcard", "partners.export-review-sheet",
    "partners.export-review-file",
  };

  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), actions[i], selected);
}

static void
show_partner (CrPartnersPage *self)
{
  g_autoptr(CrPartner) partner = self->selected_id != 0 ? find_partner (self, self->selected_id) : NULL;

  if (partner == NULL)
    {
      self->selected_id = 0;
      gtk_stack_set_visible_child_name (self->detail_stack, "empty");
      update_actions (self);
      return;
    }
  fill_info (self, partner);
  fill_partner_problems (self, self->selected_id);
  fill_contacts (self, self->selected_id);
  gtk_stack_set_visible_child_name (self->detail_stack, "partner");
  update_actions (self);
}

/* ---- Editing ---- */

static void
contact_saved_cb (CrPartnersPage  *self,
                  gint64           contact_id,
                  CrContactEditor *editor)
{
  self->focus_contact_id = contact_id;
  cr_partners_page_refresh (self);
}

CrContactEditor *
_cr_partners_page_edit_contact (CrPartnersPage *self,
                                gint64          partner_id,
                                gint64          contact_id,
                                const char     *field,
                                CrChainRole     role)
{
  g_autoptr(GError) error = NULL;
  CrContactEditor *editor;

  editor = cr_contact_editor_new_for_id (_cr_partners_page_window (self), self->history, partner_id,
                                         contact_id, &error);
  if (editor == NULL)
    {
      _cr_partners_page_error (self, error->message);
      return NULL;
    }
  if (contact_id == 0)
    cr_contact_editor_set_role (editor, role);
  g_signal_connect_object (editor, "saved", G_CALLBACK (contact_saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (editor));
  if (field != NULL)
    cr_contact_editor_focus_field (editor, field);
  return editor;
}

static void
partner_saved_cb (CrPartnersPage  *self,
                  gint64           partner_id,
                  CrPartnerEditor *editor)
{
  cr_partners_page_refresh (self);
  cr_partners_page_select_partner (self, partner_id);
}

/* @partner: (nullable): the partner to change, or %NULL to add one */
static void
edit_partner (CrPartnersPage *self,
              CrPartner      *partner)
{
  CrPartnerEditor *editor = cr_partner_editor_new (_cr_partners_page_window (self), self->history, partner);

  g_signal_connect_object (editor, "saved", G_CALLBACK (partner_saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
new_partner_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  edit_partner (CR_PARTNERS_PAGE (widget), NULL);
}

static void
edit_partner_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  CrPartnersPage *self = CR_PARTNERS_PAGE (widget);
  g_autoptr(CrPartner) partner = find_partner (self, self->selected_id);

  if (partner != NULL)
    edit_partner (self, partner);
}

static void
remove_partner_response_cb (AdwMessageDialog *dialog,
                            const char       *response,
                            CrPartnersPage   *self)
{
  gint64 id = cr_ui_get_id (GTK_WIDGET (dialog), "cr-partner");
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "remove") != 0)
    return;
  if (!cr_directory_remove_partner (self->history, id, &error))
    {
      _cr_partners_page_error (self, error->message);
      return;
    }
  undo_toast (self, _("Partner removed"));
}

static void
remove_partner_activated (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  CrPartnersPage *self = CR_PARTNERS_PAGE (widget);
  g_autoptr(CrPartner) partner = find_partner (self, self->selected_id);
  g_autofree char *heading = NULL;
  AdwMessageDialog *dialog;

  if (partner == NULL)
    return;
  /* Translators: %s is a partner organisation. */
  heading = g_strdup_printf (_("Remove %s?"), cr_partner_get_name (partner));
  dialog = cr_ui_remove_dialog_new (_cr_partners_page_window (self), heading,
                                    _("Its contacts, SPOC chain and roles in events are removed "
                                      "with it. Undo brings them back."));
  cr_ui_set_id (dialog, "cr-partner", self->selected_id);
  g_signal_connect_object (dialog, "response", G_CALLBACK (remove_partner_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
confirm_partner_activated (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  CrPartnersPage *self = CR_PARTNERS_PAGE (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(CrPartner) partner = find_partner (self, self->selected_id);
  g_autofree char *title = NULL;

  if (partner == NULL)
    return;
  if (!cr_store_confirm_partner (self->store, self->selected_id, NULL, NULL, &error))
    {
      _cr_partners_page_error (self, error->message);
      return;
    }
  /* Translators: a partner's contacts were confirmed; %s is the operator. */
  title = g_strdup_printf (_("Every contact confirmed today by %s"), cr_store_get_operator (self->store));
  _cr_partners_page_toast (self, adw_toast_new (title));
}

static void
add_contact_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  CrPartnersPage *self = CR_PARTNERS_PAGE (widget);

  if (self->selected_id != 0)
    _cr_partners_page_edit_contact (self, self->selected_id, 0, NULL, CR_CHAIN_ROLE_NONE);
}

static void
confirm_contact_activated (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  CrPartnersPage *self = CR_PARTNERS_PAGE (widget);
  gint64 id = g_variant_get_int64 (parameter);
  g_autoptr(GError) error = NULL;
  g_autoptr(CrContact) contact = NULL;
  g_autofree char *title = NULL;

  if (!cr_store_confirm_contacts (self->store, &id, 1, NULL, NULL, &error))
    {
      _cr_partners_page_error (self, error->message);
      return;
    }
  contact = cr_store_get (self->store, CR_TYPE_CONTACT, id, NULL);
  /* Translators: a contact's name, and who confirmed it. */
  title = g_strdup_printf (_("%s confirmed today by %s"),
                           contact != NULL ? cr_contact_get_name (contact) : "",
                           cr_store_get_operator (self->store));
  _cr_partners_page_toast (self, adw_toast_new (title));
}

static void
edit_contact_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  CrPartnersPage *self = CR_PARTNERS_PAGE (widget);

  _cr_partners_page_edit_contact (self, self->selected_id, g_variant_get_int64 (parameter), NULL,
                                  CR_CHAIN_ROLE_NONE);
}

static void
contact_removed_cb (GtkWidget    *widget,
                    const GError *error)
{
  CrPartnersPage *self = CR_PARTNERS_PAGE (widget);

  if (error != NULL)
    _cr_partners_page_error (self, error->message);
  else
    undo_toast (self, _("Contact removed"));
}

static void
remove_contact_activated (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  CrPartnersPage *self = CR_PARTNERS_PAGE (widget);
  g_autoptr(GError) error = NULL;

  if (!cr_contact_cards_ask_remove (widget, _cr_partners_page_window (self), self->history,
                                    g_variant_get_int64 (parameter),
                                    _("Their numbers and address leave the directory, and the "
                                      "next deputy moves up the SPOC chain. Undo brings them back."),
                                    contact_removed_cb, &error))
    _cr_partners_page_error (self, error->message);
}

static void
chain_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  CrPartnersPage *self = CR_PARTNERS_PAGE (widget);
  gint64 id = g_variant_get_int64 (parameter);
  g_autoptr(GError) error = NULL;
  g_autoptr(CrContact) contact = cr_store_get (self->store, CR_TYPE_CONTACT, id, &error);

  if (contact == NULL)
    {
      _cr_partners_page_error (self, error->message);
      return;
    }
  self->focus_contact_id = id;
  if (!cr_contact_cards_chain_action (self->history, cr_contact_get_partner_id (contact), id, action_name,
                                      &error))
    _cr_partners_page_error (self, error->message);
}

static void
search_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  cr_partners_page_focus_search (CR_PARTNERS_PAGE (widget));
}

static void
back_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  adw_leaflet_navigate (CR_PARTNERS_PAGE (widget)->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
show_review_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  CrPartnersPage *self = CR_PARTNERS_PAGE (widget);

  cr_partners_page_show_review (self, g_strcmp0 (adw_view_stack_get_visible_child_name (self->sidebar_stack),
                                                 "review") != 0);
}

/* ---- Class ---- */

static void
cr_partners_page_dispose (GObject *object)
{
  CrPartnersPage *self = CR_PARTNERS_PAGE (object);

  g_clear_handle_id (&self->reload_id, g_source_remove);
  g_clear_handle_id (&self->pulse_id, g_source_remove);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);
  /* No gtk_widget_dispose_template(): AdwBin unparents its child itself,
   * and GTK 4.8 would unparent it a second time. */
  g_clear_object (&self->store);
  g_clear_object (&self->history);
  g_clear_object (&self->settings);
  g_clear_object (&self->partners);
  g_clear_object (&self->problems);

  G_OBJECT_CLASS (cr_partners_page_parent_class)->dispose (object);
}

static void
cr_partners_page_finalize (GObject *object)
{
  CrPartnersPage *self = CR_PARTNERS_PAGE (object);

  g_hash_table_unref (self->n_problems);
  g_hash_table_unref (self->spoc_names);
  g_hash_table_unref (self->n_contacts);
  g_free (self->search_text);

  G_OBJECT_CLASS (cr_partners_page_parent_class)->finalize (object);
}

static void
cr_partners_page_class_init (CrPartnersPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cr_partners_page_dispose;
  object_class->finalize = cr_partners_page_finalize;

  /**
   * CrPartnersPage::transfer-finished:
   * @success: whether the file was written or imported
   * @message: (nullable): what happened, as the toast says it
   *
   * An export or import started from the page is over.
   */
  signals[TRANSFER_FINISHED] = g_signal_new ("transfer-finished", G_TYPE_FROM_CLASS (klass),
                                             G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 2,
                                             G_TYPE_BOOLEAN, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/cr-partners-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CrPartnersPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, CrPartnersPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, CrPartnersPage, menu_button);
  gtk_widget_class_bind_template_child (widget_class, CrPartnersPage, sidebar_stack);
  gtk_widget_class_bind_template_child (widget_class, CrPartnersPage, review_stack_page);
  gtk_widget_class_bind_template_child (widget_class, CrPartnersPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, CrPartnersPage, partner_list);
  gtk_widget_class_bind_template_child (widget_class, CrPartnersPage, no_match_page);
  gtk_widget_class_bind_template_child (widget_class, CrPartnersPage, period_label);
  gtk_widget_class_bind_template_child (widget_class, CrPartnersPage, review_stack);
  gtk_widget_class_bind_template_child (widget_class, CrPartnersPage, review_list);
  gtk_widget_class_bind_template_child (widget_class, CrPartnersPage, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, CrPartnersPage, detail_scroll);
  gtk_widget_class_bind_template_child (widget_class, CrPartnersPage, partner_name);
  gtk_widget_class_bind_template_child (widget_class, CrPartnersPage, partner_summary);
  gtk_widget_class_bind_template_child (widget_class, CrPartnersPage, info_grid);
  gtk_widget_class_bind_template_child (widget_class, CrPartnersPage, problems_group);
  gtk_widget_class_bind_template_child (widget_class, CrPartnersPage, partner_problems);
  gtk_widget_class_bind_template_child (widget_class, CrPartnersPage, chain_box);
  gtk_widget_class_bind_template_child (widget_class, CrPartnersPage, chain_empty);
  gtk_widget_class_bind_template_child (widget_class, CrPartnersPage, others_box);
  gtk_widget_class_bind_template_child (widget_class, CrPartnersPage, others_empty);
  gtk_widget_class_bind_template_child (widget_class, CrPartnersPage, export_button);
  gtk_widget_class_bind_template_child (widget_class, CrPartnersPage, back_button);
  gtk_widget_class_bind_template_child (widget_class, CrPartnersPage, progress_revealer);
  gtk_widget_class_bind_template_child (widget_class, CrPartnersPage, progress_label);
  gtk_widget_class_bind_template_child (widget_class, CrPartnersPage, progress_bar);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, partner_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, review_row_activated_cb);

  gtk_widget_class_install_action (widget_class, "page.search", NULL, search_activated);
  gtk_widget_class_install_action (widget_class, "partners.back", NULL, back_activated);
  gtk_widget_class_install_action (widget_class, "partners.show-review", NULL, show_review_activated);
  gtk_widget_class_install_action (widget_class, "partners.new", NULL, new_partner_activated);
  gtk_widget_class_install_action (widget_class, "partners.edit", NULL, edit_partner_activated);
  gtk_widget_class_install_action (widget_class, "partners.remove", NULL, remove_partner_activated);
  gtk_widget_class_install_action (widget_class, "partners.confirm", NULL, confirm_partner_activated);
  gtk_widget_class_install_action (widget_class, "partners.add-contact", NULL, add_contact_activated);
  cr_contact_cards_install_actions (widget_class, confirm_contact_activated, edit_contact_activated,
                                    remove_contact_activated, chain_activated);
  _cr_partners_transfer_install (widget_class);

  /* Inside the page these win over the window's own Ctrl+F (the event
   * search); from elsewhere the window asks the visible page. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "page.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "partners.show-review", NULL);
}

static void
cr_partners_page_init (CrPartnersPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->n_problems = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->spoc_names = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  self->n_contacts = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  gtk_list_box_set_header_func (self->partner_list, header_func, NULL, NULL);
  /* The menu buttons need nothing more: the button inside each is
   * labelled by the menu button, named in the template. */
  cr_a11y_name_mnemonic_buttons (GTK_WIDGET (self));
  update_actions (self);
}

/**
 * cr_partners_page_new:
 * @history: the window's history, through which every edit is written
 * @settings: the application's settings (review-period-days)
 *
 * Returns: (transfer floating): the page
 */
CrPartnersPage *
cr_partners_page_new (CrStore   *store,
                      CrHistory *history,
                      GSettings *settings)
{
  CrPartnersPage *self;

  g_return_val_if_fail (CR_IS_STORE (store), NULL);
  g_return_val_if_fail (CR_IS_HISTORY (history), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (CR_TYPE_PARTNERS_PAGE, NULL);
  self->store = g_object_ref (store);
  self->history = g_object_ref (history);
  self->settings = g_object_ref (settings);
  g_signal_connect_object (store, "changed", G_CALLBACK (store_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (settings, "changed::review-period-days",
                           G_CALLBACK (_cr_partners_page_schedule_reload), self, G_CONNECT_SWAPPED);
  cr_partners_page_refresh (self);
  return self;
}

/**
 * cr_partners_page_refresh:
 *
 * Reads the directory again now, instead of when the main loop is idle
 * after a change.
 */
void
cr_partners_page_refresh (CrPartnersPage *self)
{
  g_return_if_fail (CR_IS_PARTNERS_PAGE (self));

  g_clear_handle_id (&self->reload_id, g_source_remove);
  load (self);
  fill_list (self);
  _cr_partners_review_fill (self);
  show_partner (self);
}

void
cr_partners_page_focus_search (CrPartnersPage *self)
{
  g_return_if_fail (CR_IS_PARTNERS_PAGE (self));

  adw_view_stack_set_visible_child_name (self->sidebar_stack, "partners");
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/**
 * cr_partners_page_set_search_text:
 *
 * Searches at once, as typing does after its short delay.
 */
void
cr_partners_page_set_search_text (CrPartnersPage *self,
                                  const char     *text)
{
  g_return_if_fail (CR_IS_PARTNERS_PAGE (self));

  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)), text) != 0)
    {
      g_signal_handlers_block_by_func (self->search_entry, search_changed_cb, self);
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text != NULL ? text : "");
      g_signal_handlers_unblock_by_func (self->search_entry, search_changed_cb, self);
    }
  if (g_strcmp0 (self->search_text, text) == 0 && self->partners != NULL)
    return;
  g_free (self->search_text);
  self->search_text = g_strdup (text);
  adw_view_stack_set_visible_child_name (self->sidebar_stack, "partners");
  fill_list (self);
}

void
cr_partners_page_select_partner (CrPartnersPage *self,
                                 gint64          partner_id)
{
  g_return_if_fail (CR_IS_PARTNERS_PAGE (self));

  self->selected_id = partner_id;
  select_row_of (self, partner_id);
  show_partner (self);
}

gint64
cr_partners_page_get_selected_partner (CrPartnersPage *self)
{
  g_return_val_if_fail (CR_IS_PARTNERS_PAGE (self), 0);

  return self->selected_id;
}

/* Shows the "Needs review" list instead of the partners. */
void
cr_partners_page_show_review (CrPartnersPage *self,
                              gboolean        review)
{
  g_return_if_fail (CR_IS_PARTNERS_PAGE (self));

  adw_view_stack_set_visible_child_name (self->sidebar_stack, review ? "review" : "partners");
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

/**
 * cr_partners_page_get_problems:
 *
 * Returns: (transfer none): the #CrReviewProblem the page lists
 */
GListModel *
cr_partners_page_get_problems (CrPartnersPage *self)
{
  g_return_val_if_fail (CR_IS_PARTNERS_PAGE (self), NULL);

  return self->problems;
}

/* The widgets the tests look into. */
GtkWidget *
cr_partners_page_get_partner_list (CrPartnersPage *self)
{
  g_return_val_if_fail (CR_IS_PARTNERS_PAGE (self), NULL);

  return GTK_WIDGET (self->partner_list);
}

GtkWidget *
cr_partners_page_get_review_list (CrPartnersPage *self)
{
  g_return_val_if_fail (CR_IS_PARTNERS_PAGE (self), NULL);

  return GTK_WIDGET (self->review_list);
}

GtkWidget *
cr_partners_page_get_detail (CrPartnersPage *self)
{
  g_return_val_if_fail (CR_IS_PARTNERS_PAGE (self), NULL);

  return GTK_WIDGET (self->detail_stack);
}

/**
 * cr_partners_page_edit_contact:
 * @contact_id: a contact of the selected partner, or 0 to add one to it
 *
 * What a card's edit button (or "Add Contact") does.
 *
 * Returns: (transfer none) (nullable): the contact editor, shown
 */
CrContactEditor *
cr_partners_page_edit_contact (CrPartnersPage *self,
                               gint64          contact_id)
{
  g_return_val_if_fail (CR_IS_PARTNERS_PAGE (self), NULL);

  return _cr_partners_page_edit_contact (self, self->selected_id, contact_id, NULL, CR_CHAIN_ROLE_NONE);
}
