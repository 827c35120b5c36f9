/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cjson/cJSON.h>

#include "cr-store.h"

G_BEGIN_DECLS

/* The SPOC review file: one partner's contacts as the crisis centre
 * exported them, and, once the SPOC has reviewed them in
 * `crisis-room --review FILE`, the contacts as the SPOC left them with
 * the confirmations. JSON; the format is described in
 * docs/design-notes.md ("The SPOC review file"). */

#define CR_REVIEW_FILE_FORMAT "crisis-room-review"
#define CR_REVIEW_FILE_VERSION 1

#define CR_REVIEW_ERROR (cr_review_error_quark ())
GQuark cr_review_error_quark (void);

typedef enum
{
  CR_REVIEW_ERROR_INVALID,      /* not a review file, or damaged */
  CR_REVIEW_ERROR_TOO_NEW,      /* written by a newer Crisis Room */
  CR_REVIEW_ERROR_NOT_REVIEWED, /* imported before the SPOC reviewed it */
  CR_REVIEW_ERROR_PARTNER,      /* the partner is not in this database */
} CrReviewError;

/**
 * CrReviewConfirmation:
 * @contact_id: the contact, as the file numbers it (negative for a
 *   contact the SPOC added)
 * @at: when the SPOC confirmed it
 */
typedef struct
{
  gint64 contact_id;
  GDateTime *at;
} CrReviewConfirmation;

/**
 * CrReviewFile:
 * @json: the whole document
 * @exported_at: when the crisis centre exported it
 * @exported_by: (nullable): who exported it
 * @partner: the partner, with its id in the crisis centre's database
 * @contacts: (element-type CrContact): its contacts as exported, with
 *   their ids and row versions
 * @spoc: (element-type gint64): its SPOC chain as exported
 * @reviewed: whether the SPOC saved a review
 * @reviewed_at: (nullable): when
 * @reviewed_by: (nullable): who
 * @reviewed_contacts: (element-type CrContact): the contacts as the SPOC
 *   left them: exported ids for the contacts kept, negative ids for the
 *   contacts the SPOC added
 * @reviewed_spoc: (element-type gint64): the chain as the SPOC left it
 * @confirmations: (element-type CrReviewConfirmation): the contacts the
 *   SPOC confirmed
 */
typedef struct
{
  cJSON *json;
  GDateTime *exported_at;
  char *exported_by;
  CrPartner *partner;
  GPtrArray *contacts;
  GArray *spoc;
  gboolean reviewed;
  GDateTime *reviewed_at;
  char *reviewed_by;
  GPtrArray *reviewed_contacts;
  GArray *reviewed_spoc;
  GArray *confirmations;
} CrReviewFile;

CrReviewFile *cr_review_file_parse        (const char      *data,
                                           gsize            len,
                                           GError         **error);
CrReviewFile *cr_review_file_load         (const char      *path,
                                           GError         **error);
void          cr_review_file_free         (CrReviewFile    *file);
CrContact    *cr_review_file_find_contact (GPtrArray       *contacts,
                                           gint64           id);
gboolean      cr_review_file_set_review   (CrReviewFile    *file,
                                           const char      *reviewed_by,
                                           GDateTime       *reviewed_at,
                                           GPtrArray       *contacts,
                                           GArray          *spoc,
                                           GArray          *confirmations);
char         *cr_review_file_to_data      (CrReviewFile    *file);
gboolean      cr_review_file_export       (CrStore         *store,
                                           gint64           partner_id,
                                           const char      *path,
                                           guint           *n_contacts,
                                           GError         **error);

/* The contact fields a SPOC reviews, as "contacts" column names. */
const char *const *cr_review_file_fields  (void);
char         *cr_review_contact_value     (CrContact       *contact,
                                           const char      *field);
void          cr_review_contact_set_value (CrContact       *contact,
                                           const char      *field,
                                           const char      *value);
const char   *cr_review_field_label       (const char      *field);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrReviewFile, cr_review_file_free)

G_END_DECLS
