/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cr-roles-page"

#include "config.h"

#include <glib/gi18n.h>

#include "cr-labels.h"
#include "cr-ops-utils.h"
#include "cr-roles-page-private.h"

/* The roles page's matrix: what each cell of a role says, how a column
 * sorts, and the filters' drop-downs, whose partner names are long. */

/* ---- What a cell says ---- */

const char *
_cr_roles_page_partner_name (CrRolesPage *self,
                             gint64       id)
{
  CrPartner *partner = g_hash_table_lookup (self->partners, &id);

  return partner != NULL ? cr_partner_get_name (partner) : "";
}

static const char *
feature_name (CrRolesPage *self,
              gint64       id)
{
  CrFeature *feature = g_hash_table_lookup (self->features, &id);

  if (feature == NULL)
    return "";
  return cr_feature_get_name (feature) && *cr_feature_get_name (feature) ? cr_feature_get_name (feature)
                                                                          : _("Unnamed");
}

static const char *
contact_name (CrRolesPage *self,
              gint64       id)
{
  CrContact *contact = g_hash_table_lookup (self->contacts, &id);

  return contact != NULL ? cr_contact_get_name (contact) : "";
}

/* The title and the dimmed second line of a cell. */
static void
describe_cell (CrRolesPage  *self,
               CrRole       *role,
               Column        column,
               const char  **title,
               char        **detail)
{
  *detail = NULL;
  switch (column)
    {
    case COLUMN_DISCIPLINE:
      *title = cr_discipline_label (cr_role_get_discipline (role));
      break;
    case COLUMN_PARTNER:
      *title = _cr_roles_page_partner_name (self, cr_role_get_partner_id (role));
      break;
    case COLUMN_RESPONSIBILITY:
      *title = cr_role_get_responsibility (role) ? cr_role_get_responsibility (role) : "";
      break;
    case COLUMN_SECTOR:
      {
        gint64 id = cr_role_get_sector_id (role);
        CrFeature *feature = g_hash_table_lookup (self->features, &id);

        *title = id > 0 ? feature_name (self, id) : "";
        if (feature != NULL)
          *detail = g_strdup (g_hash_table_lookup (self->kind_labels, cr_feature_get_kind (feature)));
      }
      break;
    case COLUMN_CONTACT:
      {
        gint64 id = cr_role_get_contact_id (role);
        CrContact *contact = g_hash_table_lookup (self->contacts, &id);
        int rank = GPOINTER_TO_INT (g_hash_table_lookup (self->ranks, &id)) - 1;

        *title = contact_name (self, id);
        if (rank == 0)
          *detail = g_strdup (_("SPOC"));
        else if (rank > 0)
          *detail = g_strdup_printf (_("Deputy %d"), rank);
        else if (contact != NULL && cr_contact_get_function (contact) != NULL)
          *detail = g_strdup (cr_contact_get_function (contact));
      }
      break;
    case N_COLUMNS:
    default:
      g_assert_not_reached ();
    }
}

static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               CrRolesPage              *self)
{
  Column column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "column"));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *detail = gtk_label_new (NULL);

  gtk_widget_set_valign (box, GTK_ALIGN_START);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (title), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (detail), 0);
  gtk_label_set_wrap (GTK_LABEL (detail), TRUE);
  gtk_widget_add_css_class (detail, "dim-label");
  gtk_widget_add_css_class (detail, "caption");
  switch (column)
    {
    case COLUMN_DISCIPLINE:
      gtk_label_set_width_chars (GTK_LABEL (title), 12);
      gtk_label_set_max_width_chars (GTK_LABEL (title), 16);
      gtk_widget_add_css_class (title, "heading");
      break;
    case COLUMN_RESPONSIBILITY:
      gtk_label_set_width_chars (GTK_LABEL (title), 28);
      gtk_label_set_max_width_chars (GTK_LABEL (title), 70);
      break;
    case COLUMN_PARTNER:
    case COLUMN_SECTOR:
      gtk_label_set_width_chars (GTK_LABEL (title), 18);
      gtk_label_set_max_width_chars (GTK_LABEL (title), 30);
      break;
    case COLUMN_CONTACT:
    case N_COLUMNS:
    default:
      gtk_label_set_width_chars (GTK_LABEL (title), 12);
      gtk_label_set_max_width_chars (GTK_LABEL (title), 20);
      break;
    }
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), detail);
  gtk_list_item_set_child (item, box);
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              CrRolesPage              *self)
{
  Column column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "column"));
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *title = gtk_widget_get_first_child (box);
  GtkWidget *detail = gtk_widget_get_next_sibling (title);
  CrRole *role = gtk_list_item_get_item (item);
  g_autofree char *detail_text = NULL;
  const char *title_text;

  describe_cell (self, role, column, &title_text, &detail_text);
  if (column == COLUMN_SECTOR && cr_role_get_sector_id (role) <= 0)
    {
      /* Say it, rather than leave a hole in the matrix. */
      gtk_label_set_text (GTK_LABEL (title), _("No sector"));
      gtk_widget_add_css_class (title, "dim-label");
    }
  else
    {
      gtk_label_set_text (GTK_LABEL (title), title_text);
      gtk_widget_remove_css_class (title, "dim-label");
    }
  gtk_label_set_text (GTK_LABEL (detail), detail_text ? detail_text : "");
  gtk_widget_set_visible (detail, detail_text != NULL && *detail_text != '\0');
}

static int
compare_column_cb (gconstpointer a,
                   gconstpointer b,
                   gpointer      user_data)
{
  CrRolesPage *self = g_object_get_data (G_OBJECT (user_data), "page");
  Column column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (user_data), "column"));
  CrRole *ra = (CrRole *) a;
  CrRole *rb = (CrRole *) b;
  g_autofree char *da = NULL;
  g_autofree char *db = NULL;
  const char *ta, *tb;
  int result;

  if (column == COLUMN_DISCIPLINE)
    result = (int) cr_role_get_discipline (ra) - (int) cr_role_get_discipline (rb);
  else
    {
      describe_cell (self, ra, column, &ta, &da);
      describe_cell (self, rb, column, &tb, &db);
      result = g_utf8_collate (ta, tb);
    }
  if (result == 0 && column != COLUMN_PARTNER)
    result = g_utf8_collate (_cr_roles_page_partner_name (self, cr_role_get_partner_id (ra)),
                             _cr_roles_page_partner_name (self, cr_role_get_partner_id (rb)));
  return result < 0 ? GTK_ORDERING_SMALLER : result > 0 ? GTK_ORDERING_LARGER : GTK_ORDERING_EQUAL;
}

void
_cr_roles_page_add_columns (CrRolesPage *self)
{
  static const struct
  {
    const char *title;
    gboolean expand;
  } columns[] = {
    [COLUMN_DISCIPLINE] = { N_("Discipline"), FALSE },
    [COLUMN_PARTNER] = { N_("Partner"), FALSE },
    [COLUMN_RESPONSIBILITY] = { N_("Responsibility"), TRUE },
    [COLUMN_SECTOR] = { N_("Sector"), FALSE },
    [COLUMN_CONTACT] = { N_("Contact"), FALSE },
  };

  for (Column c = 0; c < N_COLUMNS; c++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      g_autoptr(GtkColumnViewColumn) column = NULL;
      GtkCustomSorter *sorter;

      g_object_set_data (G_OBJECT (factory), "column", GINT_TO_POINTER (c));
      g_signal_connect (factory, "setup", G_CALLBACK (setup_cell_cb), self);
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cell_cb), self);
      column = gtk_column_view_column_new (_(columns[c].title), factory);
      gtk_column_view_column_set_expand (column, columns[c].expand);
      gtk_column_view_column_set_resizable (column, TRUE);

      sorter = gtk_custom_sorter_new (NULL, NULL, NULL);
      g_object_set_data (G_OBJECT (sorter), "page", self);
      g_object_set_data (G_OBJECT (sorter), "column", GINT_TO_POINTER (c));
      gtk_custom_sorter_set_sort_func (sorter, compare_column_cb, sorter, NULL);
      gtk_column_view_column_set_sorter (column, GTK_SORTER (sorter));
      g_object_unref (sorter);

      gtk_column_view_append_column (self->column_view, column);
    }
}

/* ---- Filters ---- */

void
_cr_roles_page_set_filter_factories (GtkDropDown *drop_down)
{
  cr_ops_set_label_factories (drop_down, -1, 32, PANGO_WRAP_WORD_CHAR);
}
