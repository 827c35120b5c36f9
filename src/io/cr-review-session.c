/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cr-review-session"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "cr-review-session.h"
#include "cr-store-contacts.h"
#include "cr-time.h"

/**
 * CrReviewSession:
 *
 * A SPOC's review of their own organisation's contacts. The session
 * store holds the contacts with the ids the crisis centre gave them, so
 * that the returned file says which of its contacts changed; contacts the
 * SPOC adds get ids above every exported one (AUTOINCREMENT never reuses
 * an id) and leave as negative ids in the file.
 */
struct _CrReviewSession
{
  GObject parent_instance;

  char *path;
  char *folder;
  CrStore *store;
  CrReviewFile *file;
  char *reviewer;
  GHashTable *confirmed; /* store contact id -> GDateTime */
};

G_DEFINE_FINAL_TYPE (CrReviewSession, cr_review_session, G_TYPE_OBJECT)

static void
remove_folder (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;

  if (dir == NULL)
    return;
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (folder, name, NULL);

      if (g_unlink (path) != 0)
        g_warning ("Could not remove %s", path);
    }
  if (g_rmdir (folder) != 0)
    g_warning ("Could not remove %s", folder);
}

static void
cr_review_session_finalize (GObject *object)
{
  CrReviewSession *self = CR_REVIEW_SESSION (object);

  /* The session store holds personal data: it goes with the session. */
  g_clear_object (&self->store);
  if (self->folder != NULL)
    remove_folder (self->folder);
  g_free (self->folder);
  g_free (self->path);
  g_clear_pointer (&self->file, cr_review_file_free);
  g_free (self->reviewer);
  g_clear_pointer (&self->confirmed, g_hash_table_unref);

  G_OBJECT_CLASS (cr_review_session_parent_class)->finalize (object);
}

static void
cr_review_session_class_init (CrReviewSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cr_review_session_finalize;
}

static void
cr_review_session_init (CrReviewSession *self)
{
  self->confirmed = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                           (GDestroyNotify) g_date_time_unref);
}

static void
remember_confirmation (CrReviewSession *self,
                       gint64           contact_id,
                       GDateTime       *at)
{
  g_hash_table_replace (self->confirmed, g_memdup2 (&contact_id, sizeof contact_id),
                        g_date_time_ref (at));
}

/* Fills the session store from the file: the SPOC's own review when
 * there is one (the SPOC goes on where they stopped), else the export. */
static gboolean
load (CrReviewSession *self,
      GError         **error)
{
  CrReviewFile *file = self->file;
  gboolean reviewed = file->reviewed;
  GPtrArray *contacts = reviewed ? file->reviewed_contacts : file->contacts;
  GArray *spoc = reviewed ? file->reviewed_spoc : file->spoc;
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_autoptr(GArray) chain = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(CrPartner) partner = cr_record_copy (CR_RECORD (file->partner));
  gint64 partner_id = cr_record_get_id (CR_RECORD (partner));
  gint64 next_new = 0;

  /* Added contacts are numbered above every exported one, even one the
   * SPOC deleted, so no id ever means two contacts. */
  for (guint i = 0; i < file->contacts->len; i++)
    next_new = MAX (next_new, cr_record_get_id (g_ptr_array_index (file->contacts, i)));

  if (!cr_store_begin (self->store, error))
    return FALSE;
  if (!cr_store_insert (self->store, CR_RECORD (partner), error))
    goto fail;
  /* Exported contacts first, with their ids; added ones after. */
  for (int pass = 0; pass < 2; pass++)
    for (guint i = 0; i < contacts->len; i++)
      {
        g_autoptr(CrContact) contact = cr_record_copy (g_ptr_array_index (contacts, i));
        gint64 file_id = cr_record_get_id (CR_RECORD (contact));
        gint64 store_id;

        if ((pass == 0) != (file_id > 0))
          continue;
        if (file_id < 0)
          cr_record_set_id (CR_RECORD (contact), ++next_new);
        cr_contact_set_partner_id (contact, partner_id);
        if (!cr_store_insert (self->store, CR_RECORD (contact), error))
          goto fail;
        store_id = cr_record_get_id (CR_RECORD (contact));
        g_hash_table_insert (ids, g_memdup2 (&file_id, sizeof file_id),
                             g_memdup2 (&store_id, sizeof store_id));
      }
  for (guint i = 0; i < spoc->len; i++)
    {
      gint64 *store_id = g_hash_table_lookup (ids, &g_array_index (spoc, gint64, i));

      g_array_append_val (chain, *store_id);
    }
  if (!cr_store_set_spoc_chain (self->store, partner_id, (const gint64 *) chain->data, chain->len, error))
    goto fail;
  for (guint i = 0; reviewed && i < file->confirmations->len; i++)
    {
      const CrReviewConfirmation *c = &g_array_index (file->confirmations, CrReviewConfirmation, i);
      gint64 *store_id = g_hash_table_lookup (ids, &c->contact_id);

      remember_confirmation (self, *store_id, c->at);
    }
  return cr_store_commit (self->store, error);

fail:
  cr_store_rollback (self->store);
  return FALSE;
}

/**
 * cr_review_session_open:
 * @path: a review file exported by the crisis centre (or already
 *   reviewed, to go on with it)
 *
 * Returns: (transfer full): the session, or %NULL with an error that
 *   says what is wrong with the file
 */
CrReviewSession *
cr_review_session_open (const char *path,
                        GError    **error)
{
  g_autoptr(CrReviewSession) self = NULL;
  g_autoptr(CrReviewFile) file = NULL;
  g_autofree char *db_path = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  file = cr_review_file_load (path, error);
  if (file == NULL)
    return NULL;

  self = g_object_new (CR_TYPE_REVIEW_SESSION, NULL);
  self->path = g_strdup (path);
  self->file = g_steal_pointer (&file);
  self->folder = g_dir_make_tmp ("crisis-room-review-XXXXXX", error);
  if (self->folder == NULL)
    return NULL;
  db_path = g_build_filename (self->folder, "review.gpkg", NULL);
  self->store = cr_store_open (db_path, error);
  if (self->store == NULL)
    return NULL;
  if (self->file->reviewed && self->file->reviewed_by != NULL && *self->file->reviewed_by != '\0')
    self->reviewer = g_strdup (self->file->reviewed_by);
  else
    self->reviewer = g_strdup (cr_store_get_operator (self->store));
  cr_store_set_operator (self->store, self->reviewer);
  if (!load (self, error))
    return NULL;
  return g_steal_pointer (&self);
}

/**
 * cr_review_session_get_store:
 *
 * Returns: (transfer none): the store holding the partner and its
 *   contacts, for the review window to show and edit
 */
CrStore *
cr_review_session_get_store (CrReviewSession *self)
{
  g_return_val_if_fail (CR_IS_REVIEW_SESSION (self), NULL);

  return self->store;
}

const char *
cr_review_session_get_path (CrReviewSession *self)
{
  g_return_val_if_fail (CR_IS_REVIEW_SESSION (self), NULL);

  return self->path;
}

gint64
cr_review_session_get_partner_id (CrReviewSession *self)
{
  g_return_val_if_fail (CR_IS_REVIEW_SESSION (self), 0);

  return cr_record_get_id (CR_RECORD (self->file->partner));
}

const char *
cr_review_session_get_partner_name (CrReviewSession *self)
{
  g_return_val_if_fail (CR_IS_REVIEW_SESSION (self), NULL);

  return cr_partner_get_name (self->file->partner);
}

/**
 * cr_review_session_get_exported_at:
 *
 * Returns: (transfer none) (nullable): when the crisis centre exported
 *   the file
 */
GDateTime *
cr_review_session_get_exported_at (CrReviewSession *self)
{
  g_return_val_if_fail (CR_IS_REVIEW_SESSION (self), NULL);

  return self->file->exported_at;
}

const char *
cr_review_session_get_exported_by (CrReviewSession *self)
{
  g_return_val_if_fail (CR_IS_REVIEW_SESSION (self), NULL);

  return self->file->exported_by;
}

/* Who reviews: written with the confirmations and in the file. */
const char *
cr_review_session_get_reviewer (CrReviewSession *self)
{
  g_return_val_if_fail (CR_IS_REVIEW_SESSION (self), NULL);

  return self->reviewer;
}

void
cr_review_session_set_reviewer (CrReviewSession *self,
                                const char      *name)
{
  g_return_if_fail (CR_IS_REVIEW_SESSION (self));
  g_return_if_fail (name != NULL && *name != '\0');

  g_free (self->reviewer);
  self->reviewer = g_strdup (name);
  cr_store_set_operator (self->store, name);
}

/**
 * cr_review_session_confirm:
 * @at: (nullable): when, or %NULL for now
 *
 * The SPOC confirms that the contact's details are right (as they are
 * now in the session, corrections included).
 */
gboolean
cr_review_session_confirm (CrReviewSession *self,
                           gint64           contact_id,
                           GDateTime       *at,
                           GError         **error)
{
  g_autoptr(GDateTime) now = NULL;

  g_return_val_if_fail (CR_IS_REVIEW_SESSION (self), FALSE);

  if (at == NULL)
    at = now = cr_time_now_utc ();
  if (!cr_store_confirm_contacts (self->store, &contact_id, 1, self->reviewer, at, error))
    return FALSE;
  remember_confirmation (self, contact_id, at);
  return TRUE;
}

/* Confirms every contact of the session. */
gboolean
cr_review_session_confirm_all (CrReviewSession *self,
                               GDateTime       *at,
                               GError         **error)
{
  g_autoptr(GListModel) contacts = NULL;
  g_autoptr(GDateTime) now = NULL;

  g_return_val_if_fail (CR_IS_REVIEW_SESSION (self), FALSE);

  if (at == NULL)
    at = now = cr_time_now_utc ();
  contacts = cr_store_list (self->store, CR_TYPE_CONTACT, NULL, 0, error);
  if (contacts == NULL || !cr_store_begin (self->store, error))
    return FALSE;
  for (guint i = 0; i < g_list_model_get_n_items (contacts); i++)
    {
      g_autoptr(CrRecord) contact = g_list_model_get_item (contacts, i);
      gint64 id = cr_record_get_id (contact);

      if (!cr_store_confirm_contacts (self->store, &id, 1, self->reviewer, at, error))
        {
          cr_store_rollback (self->store);
          return FALSE;
        }
    }
  if (!cr_store_commit (self->store, error))
    return FALSE;
  for (guint i = 0; i < g_list_model_get_n_items (contacts); i++)
    {
      g_autoptr(CrRecord) contact = g_list_model_get_item (contacts, i);

      remember_confirmation (self, cr_record_get_id (contact), at);
    }
  return TRUE;
}

gboolean
cr_review_session_is_confirmed (CrReviewSession *self,
                                gint64           contact_id)
{
  g_return_val_if_fail (CR_IS_REVIEW_SESSION (self), FALSE);

  return g_hash_table_contains (self->confirmed, &contact_id);
}

/**
 * cr_review_session_save:
 * @at: (nullable): the time of the review, or %NULL for now
 *
 * Writes the contacts as they are now, the SPOC chain and the
 * confirmations into the review file, which the SPOC then sends back.
 * The part the crisis centre exported stays as it was.
 */
gboolean
cr_review_session_save (CrReviewSession *self,
                        GDateTime       *at,
                        GError         **error)
{
  g_autoptr(GListModel) contacts = NULL;
  g_autoptr(GListModel) chain = NULL;
  g_autoptr(GPtrArray) reviewed = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GArray) spoc = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) confirmations = g_array_new (FALSE, FALSE, sizeof (CrReviewConfirmation));
  g_autoptr(GHashTable) file_ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *data = NULL;
  gint64 partner_id;
  gint64 next_new = -1;

  g_return_val_if_fail (CR_IS_REVIEW_SESSION (self), FALSE);

  if (at == NULL)
    at = now = cr_time_now_utc ();
  partner_id = cr_review_session_get_partner_id (self);
  contacts = cr_store_list_partner_contacts (self->store, partner_id, error);
  if (contacts == NULL)
    return FALSE;
  chain = cr_store_list_spoc_chain (self->store, partner_id, error);
  if (chain == NULL)
    return FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (contacts); i++)
    {
      g_autoptr(CrContact) contact = g_list_model_get_item (contacts, i);
      gint64 store_id = cr_record_get_id (CR_RECORD (contact));
      gint64 file_id = cr_review_file_find_contact (self->file->contacts, store_id) != NULL
                         ? store_id : next_new--;
      CrContact *copy = cr_record_copy (CR_RECORD (contact));

      cr_record_set_id (CR_RECORD (copy), file_id);
      g_ptr_array_add (reviewed, copy);
      g_hash_table_insert (file_ids, g_memdup2 (&store_id, sizeof store_id),
                           g_memdup2 (&file_id, sizeof file_id));
    }
  for (guint i = 0; i < g_list_model_get_n_items (chain); i++)
    {
      g_autoptr(CrRecord) contact = g_list_model_get_item (chain, i);
      gint64 store_id = cr_record_get_id (contact);

      g_array_append_val (spoc, *(gint64 *) g_hash_table_lookup (file_ids, &store_id));
    }
  {
    GHashTableIter iter;
    gpointer key, value;

    g_hash_table_iter_init (&iter, self->confirmed);
    while (g_hash_table_iter_next (&iter, &key, &value))
      {
        gint64 *file_id = g_hash_table_lookup (file_ids, key);
        CrReviewConfirmation c;

        /* A contact confirmed, then deleted, is not confirmed. */
        if (file_id == NULL)
          continue;
        c.contact_id = *file_id;
        c.at = value;
        g_array_append_val (confirmations, c);
      }
  }

  cr_review_file_set_review (self->file, self->reviewer, at, reviewed, spoc, confirmations);
  data = cr_review_file_to_data (self->file);
  return g_file_set_contents_full (self->path, data, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0600, error);
}
