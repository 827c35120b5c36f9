/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  CR_REVIEW_CHANGE_FIELD,          /* a field of a contact corrected */
  CR_REVIEW_CHANGE_ADD_CONTACT,    /* a contact the SPOC added */
  CR_REVIEW_CHANGE_REMOVE_CONTACT, /* a contact the SPOC removed */
  CR_REVIEW_CHANGE_SPOC_CHAIN,     /* the SPOC and deputies reordered */
  CR_REVIEW_CHANGE_CONFIRM,        /* a contact confirmed as right */
} CrReviewChangeKind;

#define CR_TYPE_REVIEW_CHANGE_KIND (cr_review_change_kind_get_type ())
GType cr_review_change_kind_get_type (void) G_GNUC_CONST;

#define CR_TYPE_REVIEW_CHANGE (cr_review_change_get_type ())
G_DECLARE_FINAL_TYPE (CrReviewChange, cr_review_change, CR, REVIEW_CHANGE, GObject)

CrReviewChange     *cr_review_change_new              (CrReviewChangeKind kind,
                                                       gint64          contact_id,
                                                       gint64          file_contact_id,
                                                       const char     *contact_name);
CrReviewChangeKind  cr_review_change_get_kind         (CrReviewChange *self);
gint64              cr_review_change_get_contact_id   (CrReviewChange *self);
gint64              cr_review_change_get_file_contact_id (CrReviewChange *self);
const char         *cr_review_change_get_contact_name (CrReviewChange *self);
const char         *cr_review_change_get_field        (CrReviewChange *self);
const char         *cr_review_change_get_field_label  (CrReviewChange *self);
const char         *cr_review_change_get_old_value    (CrReviewChange *self);
const char         *cr_review_change_get_new_value    (CrReviewChange *self);
void                cr_review_change_set_values       (CrReviewChange *self,
                                                       const char     *field,
                                                       const char     *field_label,
                                                       const char     *old_value,
                                                       const char     *new_value);
gboolean            cr_review_change_get_conflict     (CrReviewChange *self);
void                cr_review_change_set_conflict     (CrReviewChange *self,
                                                       gboolean        conflict);
gboolean            cr_review_change_get_accepted     (CrReviewChange *self);
void                cr_review_change_set_accepted     (CrReviewChange *self,
                                                       gboolean        accepted);
GDateTime          *cr_review_change_get_time         (CrReviewChange *self);
void                cr_review_change_set_time         (CrReviewChange *self,
                                                       GDateTime      *time);
char               *cr_review_change_describe         (CrReviewChange *self);

G_END_DECLS
