/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cr-review-import"

#include "config.h"

#include <glib/gi18n.h>

#include "cr-review-import.h"
#include "cr-store-contacts.h"

/**
 * CrReviewImport:
 *
 * The diff of a returned review file. Three versions of each contact
 * meet: as exported (the file's first part), as the SPOC left it (its
 * review) and as the database holds it now. What the SPOC changed is a
 * change; when the database changed the same thing since the export, the
 * change is a conflict and starts rejected.
 */
struct _CrReviewImport
{
  GObject parent_instance;

  CrReviewFile *file;
  gint64 partner_id;
  char *partner_name;
  GListStore *changes;
};

G_DEFINE_FINAL_TYPE (CrReviewImport, cr_review_import, G_TYPE_OBJECT)

static void
cr_review_import_finalize (GObject *object)
{
  CrReviewImport *self = CR_REVIEW_IMPORT (object);

  g_clear_pointer (&self->file, cr_review_file_free);
  g_free (self->partner_name);
  g_clear_object (&self->changes);

  G_OBJECT_CLASS (cr_review_import_parent_class)->finalize (object);
}

static void
cr_review_import_class_init (CrReviewImportClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cr_review_import_finalize;
}

static void
cr_review_import_init (CrReviewImport *self)
{
  self->changes = g_list_store_new (CR_TYPE_REVIEW_CHANGE);
}

static void
add_change (CrReviewImport *self,
            CrReviewChange *change)
{
  g_list_store_append (self->changes, change);
  g_object_unref (change);
}

static char *
chain_names (GArray    *ids,
             GPtrArray *contacts)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  for (guint i = 0; i < ids->len; i++)
    {
      CrContact *contact = cr_review_file_find_contact (contacts, g_array_index (ids, gint64, i));

      if (contact != NULL)
        g_ptr_array_add (names, (gpointer) cr_contact_get_name (contact));
    }
  if (names->len == 0)
    return NULL;
  g_ptr_array_add (names, NULL);
  return g_strjoinv (", ", (char **) names->pdata);
}

static gboolean
same_ids (GArray *a,
          GArray *b)
{
  if (a->len != b->len)
    return FALSE;
  for (guint i = 0; i < a->len; i++)
    if (g_array_index (a, gint64, i) != g_array_index (b, gint64, i))
      return FALSE;
  return TRUE;
}

/* The changes the SPOC made to one contact they kept. */
static void
diff_contact (CrReviewImport *self,
              CrContact      *reviewed,
              CrContact      *exported,
              CrContact      *current)
{
  const char *const *fields = cr_review_file_fields ();
  gint64 id = cr_record_get_id (CR_RECORD (reviewed));

  for (guint i = 0; fields[i] != NULL; i++)
    {
      g_autofree char *new_value = cr_review_contact_value (reviewed, fields[i]);
      g_autofree char *base = cr_review_contact_value (exported, fields[i]);
      g_autofree char *now = cr_review_contact_value (current, fields[i]);
      CrReviewChange *change;

      /* Unchanged by the SPOC, or already so in the database. */
      if (g_strcmp0 (new_value, base) == 0 || g_strcmp0 (new_value, now) == 0)
        continue;
      change = cr_review_change_new (CR_REVIEW_CHANGE_FIELD, id, id, cr_contact_get_name (current));
      cr_review_change_set_values (change, fields[i], cr_review_field_label (fields[i]), now, new_value);
      cr_review_change_set_conflict (change, g_strcmp0 (now, base) != 0);
      add_change (self, change);
    }
}

static gboolean
diff (CrReviewImport *self,
      CrStore        *store,
      GError        **error)
{
  CrReviewFile *file = self->file;
  g_autoptr(GListModel) chain = NULL;
  g_autoptr(GArray) current_chain = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) current_contacts = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < file->reviewed_contacts->len; i++)
    {
      CrContact *reviewed = g_ptr_array_index (file->reviewed_contacts, i);
      gint64 id = cr_record_get_id (CR_RECORD (reviewed));
      g_autoptr(CrContact) current = NULL;

      if (id > 0)
        {
          g_autoptr(GError) local_error = NULL;

          current = cr_store_get (store, CR_TYPE_CONTACT, id, &local_error);
          if (current == NULL && !g_error_matches (local_error, CR_STORE_ERROR, CR_STORE_ERROR_NOT_FOUND))
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              return FALSE;
            }
          if (current != NULL && cr_contact_get_partner_id (current) != self->partner_id)
            g_clear_object (&current);
        }
      if (current != NULL)
        {
          diff_contact (self, reviewed, cr_review_file_find_contact (file->contacts, id), current);
          g_ptr_array_add (current_contacts, g_object_ref (current));
        }
      else
        {
          CrReviewChange *change = cr_review_change_new (CR_REVIEW_CHANGE_ADD_CONTACT, 0, id,
                                                         cr_contact_get_name (reviewed));

          /* Kept by the SPOC but deleted at the crisis centre meanwhile. */
          if (id > 0)
            cr_review_change_set_conflict (change, TRUE);
          add_change (self, change);
        }
    }

  for (guint i = 0; i < file->contacts->len; i++)
    {
      CrContact *exported = g_ptr_array_index (file->contacts, i);
      gint64 id = cr_record_get_id (CR_RECORD (exported));
      g_autoptr(CrContact) current = NULL;
      CrReviewChange *change;

      if (cr_review_file_find_contact (file->reviewed_contacts, id) != NULL)
        continue;
      current = cr_store_get (store, CR_TYPE_CONTACT, id, NULL);
      if (current == NULL || cr_contact_get_partner_id (current) != self->partner_id)
        continue;
      change = cr_review_change_new (CR_REVIEW_CHANGE_REMOVE_CONTACT, id, id, cr_contact_get_name (current));
      cr_review_change_set_conflict (change, cr_contact_get_version (current) != cr_contact_get_version (exported));
      add_change (self, change);
    }

  chain = cr_store_list_spoc_chain (store, self->partner_id, error);
  if (chain == NULL)
    return FALSE;
  for (guint i = 0; i < g_list_model_get_n_items (chain); i++)
    {
      g_autoptr(CrContact) contact = g_list_model_get_item (chain, i);
      gint64 id = cr_record_get_id (CR_RECORD (contact));

      g_array_append_val (current_chain, id);
      g_ptr_array_add (current_contacts, g_object_ref (contact));
    }
  if (!same_ids (file->spoc, file->reviewed_spoc) && !same_ids (current_chain, file->reviewed_spoc))
    {
      CrReviewChange *change = cr_review_change_new (CR_REVIEW_CHANGE_SPOC_CHAIN, 0, 0, NULL);
      g_autofree char *old_names = chain_names (current_chain, current_contacts);
      g_autofree char *new_names = chain_names (file->reviewed_spoc, file->reviewed_contacts);

      cr_review_change_set_values (change, NULL, _("SPOC and deputies"), old_names, new_names);
      cr_review_change_set_conflict (change, !same_ids (current_chain, file->spoc));
      add_change (self, change);
    }

  for (guint i = 0; i < file->confirmations->len; i++)
    {
      const CrReviewConfirmation *c = &g_array_index (file->confirmations, CrReviewConfirmation, i);
      CrContact *reviewed = cr_review_file_find_contact (file->reviewed_contacts, c->contact_id);
      CrReviewChange *change;

      change = cr_review_change_new (CR_REVIEW_CHANGE_CONFIRM, MAX (c->contact_id, 0), c->contact_id,
                                     cr_contact_get_name (reviewed));
      cr_review_change_set_time (change, c->at);
      add_change (self, change);
    }
  return TRUE;
}

/**
 * cr_review_import_new:
 * @file: (transfer full): a review file, reviewed
 *
 * Returns: (transfer full): the diff of @file against @store, or %NULL
 *   with a #CR_REVIEW_ERROR (not reviewed yet, partner not in the
 *   database) or a store error
 */
CrReviewImport *
cr_review_import_new (CrStore      *store,
                      CrReviewFile *file,
                      GError      **error)
{
  g_autoptr(CrReviewFile) owned = file;
  g_autoptr(CrReviewImport) self = NULL;
  g_autoptr(CrPartner) partner = NULL;
  const char *name;

  g_return_val_if_fail (CR_IS_STORE (store), NULL);
  g_return_val_if_fail (file != NULL, NULL);

  name = cr_partner_get_name (file->partner);
  if (!file->reviewed)
    {
      g_set_error (error, CR_REVIEW_ERROR, CR_REVIEW_ERROR_NOT_REVIEWED,
                   _("The SPOC of “%s” has not reviewed this file yet: send it to them, and "
                     "import the file they send back."), name);
      return NULL;
    }

  /* The partner by its id when it still has the same name, else by name
   * (a database restored from a backup may number it differently). */
  partner = cr_store_get (store, CR_TYPE_PARTNER, cr_record_get_id (CR_RECORD (file->partner)), NULL);
  if (partner != NULL)
    {
      g_autofree char *a = g_utf8_casefold (cr_partner_get_name (partner), -1);
      g_autofree char *b = g_utf8_casefold (name, -1);

      if (!g_str_equal (a, b))
        g_clear_object (&partner);
    }
  if (partner == NULL)
    {
      g_autoptr(GError) local_error = NULL;

      partner = cr_store_find_partner (store, name, &local_error);
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
    }
  if (partner == NULL)
    {
      g_set_error (error, CR_REVIEW_ERROR, CR_REVIEW_ERROR_PARTNER,
                   _("This review file is for “%s”, which is not in this database: import it "
                     "into the database it was exported from."), name);
      return NULL;
    }

  self = g_object_new (CR_TYPE_REVIEW_IMPORT, NULL);
  self->file = g_steal_pointer (&owned);
  self->partner_id = cr_record_get_id (CR_RECORD (partner));
  self->partner_name = g_strdup (cr_partner_get_name (partner));
  if (!diff (self, store, error))
    return NULL;
  return g_steal_pointer (&self);
}

/**
 * cr_review_import_load:
 *
 * Returns: (transfer full): the diff of the file at @path, or %NULL
 *   with an error
 */
CrReviewImport *
cr_review_import_load (CrStore    *store,
                       const char *path,
                       GError    **error)
{
  CrReviewFile *file;

  g_return_val_if_fail (CR_IS_STORE (store), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  file = cr_review_file_load (path, error);
  if (file == NULL)
    return NULL;
  return cr_review_import_new (store, file, error);
}

/**
 * cr_review_import_get_changes:
 *
 * Returns: (transfer none): the #CrReviewChange, contact by contact,
 *   then the removals, the SPOC chain and the confirmations
 */
GListModel *
cr_review_import_get_changes (CrReviewImport *self)
{
  g_return_val_if_fail (CR_IS_REVIEW_IMPORT (self), NULL);

  return G_LIST_MODEL (self->changes);
}

gint64
cr_review_import_get_partner_id (CrReviewImport *self)
{
  g_return_val_if_fail (CR_IS_REVIEW_IMPORT (self), 0);

  return self->partner_id;
}

const char *
cr_review_import_get_partner_name (CrReviewImport *self)
{
  g_return_val_if_fail (CR_IS_REVIEW_IMPORT (self), NULL);

  return self->partner_name;
}

const char *
cr_review_import_get_reviewer (CrReviewImport *self)
{
  g_return_val_if_fail (CR_IS_REVIEW_IMPORT (self), NULL);

  return self->file->reviewed_by;
}

/**
 * cr_review_import_get_reviewed_at:
 *
 * Returns: (transfer none) (nullable): when the SPOC saved the review
 */
GDateTime *
cr_review_import_get_reviewed_at (CrReviewImport *self)
{
  g_return_val_if_fail (CR_IS_REVIEW_IMPORT (self), NULL);

  return self->file->reviewed_at;
}

static gint64 *
lookup_id (GHashTable *ids,
           gint64      file_id)
{
  return g_hash_table_lookup (ids, &file_id);
}

static void
map_id (GHashTable *ids,
        gint64      file_id,
        gint64      id)
{
  g_hash_table_replace (ids, g_memdup2 (&file_id, sizeof file_id), g_memdup2 (&id, sizeof id));
}

static gboolean
apply_changes (CrReviewImport *self,
               CrStore        *store,
               guint          *n_applied,
               GError        **error)
{
  GListModel *changes = G_LIST_MODEL (self->changes);
  guint n = g_list_model_get_n_items (changes);
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_autoptr(GHashTable) removed = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  const char *reviewer = self->file->reviewed_by;
  static const CrReviewChangeKind order[] = {
    CR_REVIEW_CHANGE_ADD_CONTACT, CR_REVIEW_CHANGE_FIELD, CR_REVIEW_CHANGE_REMOVE_CONTACT,
    CR_REVIEW_CHANGE_SPOC_CHAIN, CR_REVIEW_CHANGE_CONFIRM,
  };

  /* The contacts the database has keep their ids. */
  for (guint i = 0; i < self->file->reviewed_contacts->len; i++)
    {
      gint64 id = cr_record_get_id (g_ptr_array_index (self->file->reviewed_contacts, i));

      if (id > 0)
        map_id (ids, id, id);
    }

  /* Additions first: the chain and the confirmations need their ids. */
  for (guint p = 0; p < G_N_ELEMENTS (order); p++)
    {
      CrReviewChangeKind pass = order[p];

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(CrReviewChange) change = g_list_model_get_item (changes, i);
          gint64 file_id = cr_review_change_get_file_contact_id (change);

          if (cr_review_change_get_kind (change) != pass || !cr_review_change_get_accepted (change))
            continue;

          switch (pass)
            {
            case CR_REVIEW_CHANGE_ADD_CONTACT:
              {
                g_autoptr(CrContact) contact =
                  cr_record_copy (CR_RECORD (cr_review_file_find_contact (self->file->reviewed_contacts, file_id)));

                /* A new contact is verified by its confirmation only. */
                cr_record_set_id (CR_RECORD (contact), 0);
                cr_contact_set_partner_id (contact, self->partner_id);
                cr_contact_set_verified_at (contact, NULL);
                cr_contact_set_verified_by (contact, NULL);
                if (!cr_store_insert (store, CR_RECORD (contact), error))
                  return FALSE;
                map_id (ids, file_id, cr_record_get_id (CR_RECORD (contact)));
              }
              break;
            case CR_REVIEW_CHANGE_FIELD:
              {
                g_autoptr(CrContact) contact = cr_store_get (store, CR_TYPE_CONTACT,
                                                             cr_review_change_get_contact_id (change), error);

                if (contact == NULL)
                  return FALSE;
                cr_review_contact_set_value (contact, cr_review_change_get_field (change),
                                             cr_review_change_get_new_value (change));
                if (!cr_store_update (store, CR_RECORD (contact), error))
                  return FALSE;
              }
              break;
            case CR_REVIEW_CHANGE_REMOVE_CONTACT:
              {
                g_autoptr(CrContact) contact = cr_store_get (store, CR_TYPE_CONTACT,
                                                             cr_review_change_get_contact_id (change), error);

                if (contact == NULL || !cr_store_delete (store, CR_RECORD (contact), error))
                  return FALSE;
                g_hash_table_add (removed, g_memdup2 (&file_id, sizeof file_id));
              }
              break;
            case CR_REVIEW_CHANGE_SPOC_CHAIN:
              {
                g_autoptr(GArray) chain = g_array_new (FALSE, FALSE, sizeof (gint64));
                GArray *wanted = self->file->reviewed_spoc;

                /* Members whose addition was rejected are left out. */
                for (guint k = 0; k < wanted->len; k++)
                  {
                    gint64 *id = lookup_id (ids, g_array_index (wanted, gint64, k));

                    if (id != NULL && !g_hash_table_contains (removed, &g_array_index (wanted, gint64, k)))
                      g_array_append_val (chain, *id);
                  }
                if (!cr_store_set_spoc_chain (store, self->partner_id, (const gint64 *) chain->data,
                                              chain->len, error))
                  return FALSE;
              }
              break;
            case CR_REVIEW_CHANGE_CONFIRM:
              {
                gint64 *id = lookup_id (ids, file_id);
                g_autoptr(CrContact) contact = NULL;

                if (id == NULL || g_hash_table_contains (removed, &file_id))
                  continue;
                contact = cr_store_get (store, CR_TYPE_CONTACT, *id, NULL);
                if (contact == NULL)
                  continue;
                if (!cr_store_confirm_contacts (store, id, 1, reviewer, cr_review_change_get_time (change),
                                                error))
                  return FALSE;
              }
              break;
            default:
              g_assert_not_reached ();
            }
          (*n_applied)++;
        }
    }
  return TRUE;
}

/**
 * cr_review_import_apply:
 * @n_applied: (out) (optional): the changes applied
 *
 * Applies the accepted changes in one transaction: all of them or, on
 * failure, none.
 */
gboolean
cr_review_import_apply (CrReviewImport *self,
                        CrStore        *store,
                        guint          *n_applied,
                        GError        **error)
{
  guint n = 0;

  g_return_val_if_fail (CR_IS_REVIEW_IMPORT (self), FALSE);
  g_return_val_if_fail (CR_IS_STORE (store), FALSE);

  if (!cr_store_begin (store, error))
    return FALSE;
  if (!apply_changes (self, store, &n, error))
    {
      cr_store_rollback (store);
      return FALSE;
    }
  if (!cr_store_commit (store, error))
    return FALSE;
  if (n_applied != NULL)
    *n_applied = n;
  return TRUE;
}
