/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "cr-phone.h"

G_BEGIN_DECLS

/* What "Needs review" finds. */
typedef enum
{
  CR_REVIEW_KIND_STALE,          /* verified longer ago than the review period */
  CR_REVIEW_KIND_NEVER_VERIFIED,
  CR_REVIEW_KIND_NO_SPOC,        /* partner without a SPOC */
  CR_REVIEW_KIND_NO_DEPUTY,      /* a SPOC and no deputy */
  CR_REVIEW_KIND_NO_24_7,        /* no contact of the partner has a 24/7 number */
  CR_REVIEW_KIND_INVALID_PHONE,
  CR_REVIEW_KIND_INVALID_EMAIL,
} CrReviewKind;

/* The one-click fix the window offers, and the store function behind it. */
typedef enum
{
  CR_REVIEW_FIX_CONFIRM,      /* cr_store_confirm_contacts() */
  CR_REVIEW_FIX_CHOOSE_SPOC,  /* cr_store_set_spoc_chain() */
  CR_REVIEW_FIX_ADD_DEPUTY,   /* cr_store_add_deputy() */
  CR_REVIEW_FIX_ADD_24_7,     /* cr_store_set_contact_phone() with CR_PHONE_FIELD_24_7 */
  CR_REVIEW_FIX_EDIT_PHONE,   /* cr_store_set_contact_phone() with the problem's field */
  CR_REVIEW_FIX_EDIT_EMAIL,   /* cr_store_set_contact_email() */
} CrReviewFix;

#define CR_TYPE_REVIEW_KIND (cr_review_kind_get_type ())
GType cr_review_kind_get_type (void) G_GNUC_CONST;
#define CR_TYPE_REVIEW_FIX (cr_review_fix_get_type ())
GType cr_review_fix_get_type (void) G_GNUC_CONST;

#define CR_TYPE_REVIEW_PROBLEM (cr_review_problem_get_type ())
G_DECLARE_FINAL_TYPE (CrReviewProblem, cr_review_problem, CR, REVIEW_PROBLEM, GObject)

CrReviewProblem *cr_review_problem_new              (CrReviewKind     kind,
                                                     gint64           partner_id,
                                                     const char      *partner_name,
                                                     gint64           contact_id,
                                                     const char      *contact_name,
                                                     const char      *message);
CrReviewKind     cr_review_problem_get_kind         (CrReviewProblem *self);
CrReviewFix      cr_review_problem_get_fix          (CrReviewProblem *self);
const char      *cr_review_problem_get_fix_label    (CrReviewProblem *self);
gint64           cr_review_problem_get_partner_id   (CrReviewProblem *self);
const char      *cr_review_problem_get_partner_name (CrReviewProblem *self);
gint64           cr_review_problem_get_contact_id   (CrReviewProblem *self);
const char      *cr_review_problem_get_contact_name (CrReviewProblem *self);
const char      *cr_review_problem_get_message      (CrReviewProblem *self);
CrPhoneField     cr_review_problem_get_phone_field  (CrReviewProblem *self);
void             cr_review_problem_set_phone_field  (CrReviewProblem *self,
                                                     CrPhoneField     field);

G_END_DECLS
