/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cr-role-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "cr-a11y.h"
#include "cr-enum-types.h"
#include "cr-labels.h"
#include "cr-ops-utils.h"
#include "cr-role-dialog.h"
#include "cr-store-contacts.h"
#include "cr-ui-utils.h"

/**
 * CrRoleDialog:
 *
 * Adds a role to an event or edits one: partner, discipline,
 * responsibility, sector (a perimeter, itinerary or point of the event)
 * and the partner's contact for the event. Saving is one undoable step
 * of the window's history; what the store refuses shows in the dialog,
 * which stays open so nothing typed is lost.
 */
struct _CrRoleDialog
{
  AdwWindow parent_instance;

  AdwWindowTitle *window_title;
  GtkButton *accept_button;
  AdwComboRow *partner_row;
  AdwComboRow *discipline_row;
  GtkTextView *responsibility_view;
  AdwComboRow *sector_row;
  AdwComboRow *contact_row;
  GtkLabel *error_label;

  CrHistory *history;
  CrStore *store;
  gint64 event_id;
  CrRole *role; /* the role edited, or NULL when adding */

  /* Each chooser: the names it shows, the ids behind them, and a second
   * line (the partner's type, the sector's kind, the contact's place in
   * the SPOC chain). */
  GtkStringList *partner_names;
  GArray *partner_ids;
  GPtrArray *partner_details;
  GtkStringList *sector_names;
  GArray *sector_ids;
  GPtrArray *sector_details;
  GtkStringList *contact_names;
  GArray *contact_ids;
  GPtrArray *contact_details;
  gint64 contacts_partner_id; /* whose contacts the contact chooser lists */
};

G_DEFINE_FINAL_TYPE (CrRoleDialog, cr_role_dialog, ADW_TYPE_WINDOW)

enum
{
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gint64
selected_id (AdwComboRow *row,
             GArray      *ids)
{
  return cr_ops_id_at (ids, adw_combo_row_get_selected (row));
}

/* Replaces a chooser's content; the details first, so that rows bound
 * during the splice find theirs. */
static void
fill_chooser (GtkStringList *names,
              GArray        *ids,
              GPtrArray     *details,
              GPtrArray     *new_names,
              GArray        *new_ids,
              GPtrArray     *new_details)
{
  guint n_old = g_list_model_get_n_items (G_LIST_MODEL (names));

  g_ptr_array_set_size (details, 0);
  for (guint i = 0; i < new_details->len; i++)
    g_ptr_array_add (details, g_strdup (g_ptr_array_index (new_details, i)));
  g_array_set_size (ids, 0);
  g_array_append_vals (ids, new_ids->data, new_ids->len);
  g_ptr_array_add (new_names, NULL);
  gtk_string_list_splice (names, 0, n_old, (const char *const *) new_names->pdata);
}

static char *
get_responsibility (CrRoleDialog *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->responsibility_view);
  GtkTextIter start, end;
  char *text;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  return g_strstrip (text);
}

static void
validate_cb (CrRoleDialog *self)
{
  g_autofree char *text = get_responsibility (self);

  gtk_widget_set_sensitive (GTK_WIDGET (self->accept_button),
                            *text != '\0' && selected_id (self->partner_row, self->partner_ids) > 0);
}

/* ---- Choices ---- */

static void
fill_partners (CrRoleDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) partners = cr_store_list_partners_by_type (self->store, &error);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autoptr(GPtrArray) details = g_ptr_array_new ();
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  if (partners == NULL)
    {
      cr_ui_show_error_label (self->error_label, error->message);
      return;
    }
  for (guint i = 0; i < g_list_model_get_n_items (partners); i++)
    {
      g_autoptr(CrPartner) partner = g_list_model_get_item (partners, i);
      gint64 id = cr_record_get_id (CR_RECORD (partner));

      g_ptr_array_add (names, (gpointer) cr_partner_get_name (partner));
      g_ptr_array_add (details, (gpointer) cr_partner_type_label (cr_partner_get_partner_type (partner)));
      g_array_append_val (ids, id);
    }
  fill_chooser (self->partner_names, self->partner_ids, self->partner_details, names, ids, details);
}

static int
compare_kind_order (gconstpointer a,
                    gconstpointer b,
                    gpointer      user_data)
{
  GHashTable *order = user_data;
  CrFeature *fa = *(CrFeature **) a;
  CrFeature *fb = *(CrFeature **) b;
  int oa = GPOINTER_TO_INT (g_hash_table_lookup (order, cr_feature_get_kind (fa)));
  int ob = GPOINTER_TO_INT (g_hash_table_lookup (order, cr_feature_get_kind (fb)));

  if (oa != ob)
    return oa < ob ? -1 : 1;
  return g_utf8_collate (cr_feature_get_name (fa) ? cr_feature_get_name (fa) : "",
                         cr_feature_get_name (fb) ? cr_feature_get_name (fb) : "");
}

/* The event's features, kind by kind in the catalogue's order, so that
 * perimeters, itineraries and points each come together. */
static void
fill_sectors (CrRoleDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) features = cr_store_list_features (self->store, self->event_id, &error);
  g_autoptr(GListModel) kinds = NULL;
  g_autoptr(GHashTable) order = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) labels = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) sorted = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autoptr(GPtrArray) details = g_ptr_array_new ();
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 none = 0;

  if (features == NULL || (kinds = cr_store_list_feature_kinds (self->store, &error)) == NULL)
    {
      cr_ui_show_error_label (self->error_label, error->message);
      return;
    }
  for (guint i = 0; i < g_list_model_get_n_items (kinds); i++)
    {
      g_autoptr(CrFeatureKind) kind = g_list_model_get_item (kinds, i);

      /* The kinds live as long as the list, until this function returns. */
      g_hash_table_insert (order, (gpointer) cr_feature_kind_get_code (kind),
                           GINT_TO_POINTER (cr_feature_kind_get_group (kind) * 10000 +
                                            cr_feature_kind_get_sort_order (kind)));
      g_hash_table_insert (labels, (gpointer) cr_feature_kind_get_code (kind),
                           (gpointer) cr_feature_kind_get_label (kind));
    }
  for (guint i = 0; i < g_list_model_get_n_items (features); i++)
    g_ptr_array_add (sorted, g_list_model_get_item (features, i));
  g_ptr_array_sort_with_data (sorted, compare_kind_order, order);

  g_ptr_array_add (names, (gpointer) C_("sector", "None"));
  g_ptr_array_add (details, (gpointer) _("The role is not tied to a place"));
  g_array_append_val (ids, none);
  for (guint i = 0; i < sorted->len; i++)
    {
      CrFeature *feature = g_ptr_array_index (sorted, i);
      const char *label = g_hash_table_lookup (labels, cr_feature_get_kind (feature));
      gint64 id = cr_record_get_id (CR_RECORD (feature));

      g_ptr_array_add (names, (gpointer) (cr_feature_get_name (feature) && *cr_feature_get_name (feature)
                                          ? cr_feature_get_name (feature) : _("Unnamed")));
      g_ptr_array_add (details, (gpointer) (label ? label : cr_feature_get_kind (feature)));
      g_array_append_val (ids, id);
    }
  fill_chooser (self->sector_names, self->sector_ids, self->sector_details, names, ids, details);
}

/* The partner's contacts, the SPOC first, then the deputies in order,
 * then the others. */
static void
fill_contacts (CrRoleDialog *self,
               gint64        partner_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) contacts = NULL;
  g_autoptr(GListModel) chain = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autoptr(GPtrArray) details = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 none = 0;

  self->contacts_partner_id = partner_id;
  g_ptr_array_add (names, (gpointer) C_("contact", "None"));
  g_ptr_array_add (details, g_strdup (_("Nobody named for this event")));
  g_array_append_val (ids, none);
  if (partner_id > 0)
    {
      contacts = cr_store_list_partner_contacts (self->store, partner_id, &error);
      if (contacts != NULL)
        chain = cr_store_list_spoc_chain (self->store, partner_id, &error);
      if (contacts == NULL || chain == NULL)
        {
          cr_ui_show_error_label (self->error_label, error->message);
          return;
        }
    }
  for (guint i = 0; contacts != NULL && i < g_list_model_get_n_items (contacts); i++)
    {
      g_autoptr(CrContact) contact = g_list_model_get_item (contacts, i);
      gint64 id = cr_record_get_id (CR_RECORD (contact));
      const char *function = cr_contact_get_function (contact);
      int rank = -1;

      for (guint j = 0; j < g_list_model_get_n_items (chain); j++)
        {
          g_autoptr(CrRecord) link = g_list_model_get_item (chain, j);

          if (cr_record_get_id (link) == id)
            rank = (int) j;
        }
      g_ptr_array_add (names, (gpointer) cr_contact_get_name (contact));
      if (rank == 0)
        g_ptr_array_add (details, g_strdup (_("SPOC")));
      else if (rank > 0)
        /* Translators: the contact's place in the partner's SPOC chain */
        g_ptr_array_add (details, g_strdup_printf (_("Deputy %d"), rank));
      else
        g_ptr_array_add (details, g_strdup (function ? function : ""));
      g_array_append_val (ids, id);
    }
  /* The names belong to the contacts, alive until the splice is done. */
  fill_chooser (self->contact_names, self->contact_ids, self->contact_details, names, ids, details);
}

/* ---- Factories: a name, with its detail underneath in the list ---- */

static void
setup_item_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  gboolean in_list = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "in-list"));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *detail = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_xalign (GTK_LABEL (detail), 0);
  gtk_widget_add_css_class (detail, "dim-label");
  gtk_widget_add_css_class (detail, "caption");
  if (in_list)
    {
      gtk_label_set_wrap (GTK_LABEL (title), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (title), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_max_width_chars (GTK_LABEL (title), 48);
      gtk_label_set_width_chars (GTK_LABEL (title), 30);
    }
  else
    {
      /* In the row itself, one line: partner and place names are long. */
      gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
      gtk_label_set_max_width_chars (GTK_LABEL (title), 36);
      gtk_widget_set_visible (detail, FALSE);
    }
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), detail);
  gtk_list_item_set_child (item, box);
}

static void
bind_item_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  GPtrArray *details = user_data;
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *title = gtk_widget_get_first_child (box);
  GtkWidget *detail = gtk_widget_get_next_sibling (title);
  GtkStringObject *name = gtk_list_item_get_item (item);
  guint position = gtk_list_item_get_position (item);
  const char *text = position < details->len ? g_ptr_array_index (details, position) : NULL;

  gtk_label_set_text (GTK_LABEL (title), gtk_string_object_get_string (name));
  gtk_label_set_text (GTK_LABEL (detail), text != NULL ? text : "");
  if (GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "in-list")))
    gtk_widget_set_visible (detail, text != NULL && *text != '\0');
}

static void
set_factories (AdwComboRow *row,
               GPtrArray   *details)
{
  for (int in_list = 0; in_list < 2; in_list++)
    {
      g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

      g_object_set_data (G_OBJECT (factory), "in-list", GINT_TO_POINTER (in_list));
      g_signal_connect (factory, "setup", G_CALLBACK (setup_item_cb), details);
      g_signal_connect (factory, "bind", G_CALLBACK (bind_item_cb), details);
      if (in_list)
        adw_combo_row_set_list_factory (row, factory);
      else
        adw_combo_row_set_factory (row, factory);
    }
}

/* ---- Callbacks ---- */

/* Another partner: its contacts, its SPOC proposed. */
static void
partner_selected_cb (CrRoleDialog *self)
{
  gint64 partner_id = selected_id (self->partner_row, self->partner_ids);

  if (partner_id != self->contacts_partner_id)
    {
      fill_contacts (self, partner_id);
      adw_combo_row_set_selected (self->contact_row, self->contact_ids->len > 1 ? 1 : 0);
    }
  validate_cb (self);
}

static void
accept_clicked_cb (CrRoleDialog *self)
{
  cr_role_dialog_save (self);
}

static void
cr_role_dialog_dispose (GObject *object)
{
  CrRoleDialog *self = CR_ROLE_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CR_TYPE_ROLE_DIALOG);
  g_clear_object (&self->history);
  g_clear_object (&self->store);
  g_clear_object (&self->role);
  g_clear_object (&self->partner_names);
  g_clear_object (&self->sector_names);
  g_clear_object (&self->contact_names);

  G_OBJECT_CLASS (cr_role_dialog_parent_class)->dispose (object);
}

static void
cr_role_dialog_finalize (GObject *object)
{
  CrRoleDialog *self = CR_ROLE_DIALOG (object);

  g_clear_pointer (&self->partner_ids, g_array_unref);
  g_clear_pointer (&self->partner_details, g_ptr_array_unref);
  g_clear_pointer (&self->sector_ids, g_array_unref);
  g_clear_pointer (&self->sector_details, g_ptr_array_unref);
  g_clear_pointer (&self->contact_ids, g_array_unref);
  g_clear_pointer (&self->contact_details, g_ptr_array_unref);

  G_OBJECT_CLASS (cr_role_dialog_parent_class)->finalize (object);
}

static void
cr_role_dialog_class_init (CrRoleDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cr_role_dialog_dispose;
  object_class->finalize = cr_role_dialog_finalize;

  /**
   * CrRoleDialog::saved:
   * @role_id: the role added or edited
   *
   * Emitted once the store has the change, before the dialog closes.
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                 NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/cr-role-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CrRoleDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, CrRoleDialog, accept_button);
  gtk_widget_class_bind_template_child (widget_class, CrRoleDialog, partner_row);
  gtk_widget_class_bind_template_child (widget_class, CrRoleDialog, discipline_row);
  gtk_widget_class_bind_template_child (widget_class, CrRoleDialog, responsibility_view);
  gtk_widget_class_bind_template_child (widget_class, CrRoleDialog, sector_row);
  gtk_widget_class_bind_template_child (widget_class, CrRoleDialog, contact_row);
  gtk_widget_class_bind_template_child (widget_class, CrRoleDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, accept_clicked_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
cr_role_dialog_init (CrRoleDialog *self)
{
  g_autoptr(GEnumClass) disciplines = g_type_class_ref (CR_TYPE_DISCIPLINE);
  g_autoptr(GtkStringList) discipline_names = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  self->partner_names = gtk_string_list_new (NULL);
  self->partner_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->partner_details = g_ptr_array_new_with_free_func (g_free);
  self->sector_names = gtk_string_list_new (NULL);
  self->sector_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->sector_details = g_ptr_array_new_with_free_func (g_free);
  self->contact_names = gtk_string_list_new (NULL);
  self->contact_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->contact_details = g_ptr_array_new_with_free_func (g_free);
  self->contacts_partner_id = -1;

  for (guint i = 0; i < disciplines->n_values; i++)
    gtk_string_list_append (discipline_names, cr_discipline_label (disciplines->values[i].value));
  adw_combo_row_set_model (self->discipline_row, G_LIST_MODEL (discipline_names));

  set_factories (self->partner_row, self->partner_details);
  set_factories (self->sector_row, self->sector_details);
  set_factories (self->contact_row, self->contact_details);
  adw_combo_row_set_model (self->partner_row, G_LIST_MODEL (self->partner_names));
  adw_combo_row_set_model (self->sector_row, G_LIST_MODEL (self->sector_names));
  adw_combo_row_set_model (self->contact_row, G_LIST_MODEL (self->contact_names));

  g_signal_connect_swapped (gtk_text_view_get_buffer (self->responsibility_view), "changed",
                            G_CALLBACK (validate_cb), self);
}

/**
 * cr_role_dialog_new:
 * @history: the window's history: saving is one undoable step
 * @event_id: the event the role belongs to
 * @role: (nullable): the role to edit, or %NULL to add one
 * @parent: (nullable): the window it belongs to
 *
 * Returns: (transfer none): the dialog, not yet shown; it is destroyed
 *   when closed
 */
CrRoleDialog *
cr_role_dialog_new (CrHistory *history,
                    gint64     event_id,
                    CrRole    *role,
                    GtkWindow *parent)
{
  g_autoptr(CrEvent) event = NULL;
  CrRoleDialog *self;
  const char *title;

  g_return_val_if_fail (CR_IS_HISTORY (history), NULL);
  g_return_val_if_fail (role == NULL || CR_IS_ROLE (role), NULL);

  self = g_object_new (CR_TYPE_ROLE_DIALOG, "transient-for", parent, NULL);
  self->history = g_object_ref (history);
  self->store = g_object_ref (cr_history_get_store (history));
  self->event_id = event_id;
  self->role = role ? cr_record_copy (CR_RECORD (role)) : NULL;

  title = role ? _("Edit Role") : _("Add Role");
  gtk_window_set_title (GTK_WINDOW (self), title);
  adw_window_title_set_title (self->window_title, title);
  gtk_button_set_label (self->accept_button, role ? _("_Save") : _("_Add"));
  cr_a11y_name_mnemonic_buttons (GTK_WIDGET (self));

  event = cr_store_get (self->store, CR_TYPE_EVENT, event_id, NULL);
  if (event != NULL)
    adw_window_title_set_subtitle (self->window_title, cr_event_get_name (event));

  fill_partners (self);
  fill_sectors (self);
  /* Signals only now: filling must not propose a contact over the role's. */
  g_signal_connect_swapped (self->partner_row, "notify::selected", G_CALLBACK (partner_selected_cb), self);
  if (role != NULL)
    {
      cr_role_dialog_set_partner (self, cr_role_get_partner_id (role));
      cr_role_dialog_set_discipline (self, cr_role_get_discipline (role));
      cr_role_dialog_set_responsibility (self, cr_role_get_responsibility (role));
      cr_role_dialog_set_sector (self, cr_role_get_sector_id (role));
      cr_role_dialog_set_contact (self, cr_role_get_contact_id (role));
    }
  else
    partner_selected_cb (self);
  validate_cb (self);
  /* A new role starts with its partner; an edit, usually with its text. */
  gtk_widget_grab_focus (role ? GTK_WIDGET (self->responsibility_view) : GTK_WIDGET (self->partner_row));
  return self;
}

void
cr_role_dialog_set_partner (CrRoleDialog *self,
                            gint64        partner_id)
{
  guint position;

  g_return_if_fail (CR_IS_ROLE_DIALOG (self));

  position = cr_ops_position_of (self->partner_ids, partner_id);
  if (position != GTK_INVALID_LIST_POSITION)
    adw_combo_row_set_selected (self->partner_row, position);
  /* The row may have been on it already: the contacts must follow. */
  if (self->contacts_partner_id != partner_id && position != GTK_INVALID_LIST_POSITION)
    partner_selected_cb (self);
}

void
cr_role_dialog_set_discipline (CrRoleDialog *self,
                               CrDiscipline  discipline)
{
  g_return_if_fail (CR_IS_ROLE_DIALOG (self));

  adw_combo_row_set_selected (self->discipline_row, (guint) discipline);
}

void
cr_role_dialog_set_responsibility (CrRoleDialog *self,
                                   const char   *text)
{
  g_return_if_fail (CR_IS_ROLE_DIALOG (self));

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->responsibility_view),
                            text != NULL ? text : "", -1);
}

/* Returns FALSE when the feature is not one of the event's. */
gboolean
cr_role_dialog_set_sector (CrRoleDialog *self,
                           gint64        feature_id)
{
  guint position;

  g_return_val_if_fail (CR_IS_ROLE_DIALOG (self), FALSE);

  position = cr_ops_position_of (self->sector_ids, feature_id);
  if (position == GTK_INVALID_LIST_POSITION)
    return FALSE;
  adw_combo_row_set_selected (self->sector_row, position);
  return TRUE;
}

/* Returns FALSE when the contact is not one of the partner's. */
gboolean
cr_role_dialog_set_contact (CrRoleDialog *self,
                            gint64        contact_id)
{
  guint position;

  g_return_val_if_fail (CR_IS_ROLE_DIALOG (self), FALSE);

  position = cr_ops_position_of (self->contact_ids, contact_id);
  if (position == GTK_INVALID_LIST_POSITION)
    return FALSE;
  adw_combo_row_set_selected (self->contact_row, position);
  return TRUE;
}

gint64
cr_role_dialog_get_contact (CrRoleDialog *self)
{
  g_return_val_if_fail (CR_IS_ROLE_DIALOG (self), 0);

  return selected_id (self->contact_row, self->contact_ids);
}

/**
 * cr_role_dialog_get_contact_names:
 *
 * Returns: (transfer none): what the contact chooser lists: "None",
 *   then the partner's contacts, the SPOC first
 */
GListModel *
cr_role_dialog_get_contact_names (CrRoleDialog *self)
{
  g_return_val_if_fail (CR_IS_ROLE_DIALOG (self), NULL);

  return G_LIST_MODEL (self->contact_names);
}

/**
 * cr_role_dialog_get_sector_names:
 *
 * Returns: (transfer none): what the sector chooser lists: "None", then
 *   the event's features kind by kind
 */
GListModel *
cr_role_dialog_get_sector_names (CrRoleDialog *self)
{
  g_return_val_if_fail (CR_IS_ROLE_DIALOG (self), NULL);

  return G_LIST_MODEL (self->sector_names);
}

/**
 * cr_role_dialog_save:
 *
 * What the accept button does: writes the role as one undoable step,
 * emits #CrRoleDialog::saved and closes. When the store refuses, the
 * dialog stays open and says why.
 *
 * Returns: %TRUE when the role is stored
 */
gboolean
cr_role_dialog_save (CrRoleDialog *self)
{
  g_autoptr(CrRole) role = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  g_return_val_if_fail (CR_IS_ROLE_DIALOG (self), FALSE);

  text = get_responsibility (self);
  if (selected_id (self->partner_row, self->partner_ids) <= 0)
    {
      cr_ui_show_error_label (self->error_label, _("Choose the partner that takes this role."));
      return FALSE;
    }
  if (*text == '\0')
    {
      cr_ui_show_error_label (self->error_label,
                              _("Say what the partner is responsible for, e.g. "
                                "“Police coordination of the stadium”."));
      return FALSE;
    }

  role = self->role ? cr_record_copy (CR_RECORD (self->role)) : cr_role_new ();
  cr_role_set_event_id (role, self->event_id);
  cr_role_set_partner_id (role, selected_id (self->partner_row, self->partner_ids));
  cr_role_set_discipline (role, (CrDiscipline) adw_combo_row_get_selected (self->discipline_row));
  cr_role_set_responsibility (role, text);
  cr_role_set_sector_id (role, selected_id (self->sector_row, self->sector_ids));
  cr_role_set_contact_id (role, selected_id (self->contact_row, self->contact_ids));

  if (!cr_store_check_role (self->store, role, &error) ||
      !cr_ui_history_step (self->history, self->role ? _("Edit Role") : _("Add Role"),
                           self->role ? cr_history_update : cr_history_insert, CR_RECORD (role), &error))
    {
      cr_ui_show_error_label (self->error_label, error->message);
      return FALSE;
    }
  g_signal_emit (self, signals[SAVED], 0, cr_record_get_id (CR_RECORD (role)));
  gtk_window_close (GTK_WINDOW (self));
  return TRUE;
}

/**
 * cr_role_dialog_get_error:
 *
 * Returns: (nullable): the message the dialog shows, or %NULL
 */
const char *
cr_role_dialog_get_error (CrRoleDialog *self)
{
  g_return_val_if_fail (CR_IS_ROLE_DIALOG (self), NULL);

  if (!gtk_widget_get_visible (GTK_WIDGET (self->error_label)))
    return NULL;
  return gtk_label_get_text (self->error_label);
}
