/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cr-store"

#include "config.h"

#include <glib/gi18n.h>

#include "cr-email.h"
#include "cr-phone.h"
#include "cr-store-contacts.h"
#include "cr-store-private.h"
#include "cr-time.h"

/* "Needs review": the rules a directory of crisis contacts must keep, read
 * from three queries (partners, contacts, SPOC chains) and checked here,
 * so a rule is C, tested without SQL, and the whole directory is checked
 * in one pass. Every problem names the store function that fixes it
 * (cr_review_problem_get_fix()). */

typedef struct
{
  GListStore *problems;
  GDateTime *threshold; /* verified before this: stale */
  guint period_days;
} Review;

static void
add_problem (Review          *review,
             CrReviewProblem *problem)
{
  g_list_store_append (review->problems, problem);
  g_object_unref (problem);
}

static void
check_contact (Review    *review,
               CrPartner *partner,
               CrContact *contact)
{
  gint64 partner_id = partner != NULL ? cr_record_get_id (CR_RECORD (partner)) : 0;
  const char *partner_name = partner != NULL ? cr_partner_get_name (partner) : NULL;
  gint64 contact_id = cr_record_get_id (CR_RECORD (contact));
  const char *name = cr_contact_get_name (contact);
  GDateTime *verified = cr_contact_get_verified_at (contact);
  const char *email = cr_contact_get_email (contact);

  if (verified == NULL)
    add_problem (review, cr_review_problem_new (CR_REVIEW_KIND_NEVER_VERIFIED, partner_id,
                                                partner_name, contact_id, name,
                                                _("Never verified: check the details with the "
                                                  "contact and confirm them.")));
  else if (g_date_time_compare (verified, review->threshold) < 0)
    {
      g_autofree char *day = cr_time_format_local (verified, "%Y-%m-%d");
      g_autofree char *message = NULL;

      message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "Last verified on %s, more than %u day ago: check "
                                              "the details with the contact and confirm them.",
                                              "Last verified on %s, more than %u days ago: check "
                                              "the details with the contact and confirm them.",
                                              review->period_days),
                                 day, review->period_days);
      add_problem (review, cr_review_problem_new (CR_REVIEW_KIND_STALE, partner_id, partner_name,
                                                  contact_id, name, message));
    }

  for (CrPhoneField field = 0; field < CR_N_PHONE_FIELDS; field++)
    {
      const char *typed = cr_phone_field_get (contact, field);
      g_autoptr(GError) error = NULL;
      g_autofree char *e164 = NULL;
      g_autofree char *message = NULL;
      CrReviewProblem *problem;

      if (typed == NULL || *typed == '\0')
        continue;
      e164 = cr_phone_to_e164 (typed, &error);
      if (e164 != NULL)
        continue;
      /* Translators: a phone field ("Mobile"), then what is wrong with its number. */
      message = g_strdup_printf (_("%s: %s"), cr_phone_field_label (field), error->message);
      problem = cr_review_problem_new (CR_REVIEW_KIND_INVALID_PHONE, partner_id, partner_name,
                                       contact_id, name, message);
      cr_review_problem_set_phone_field (problem, field);
      add_problem (review, problem);
    }

  if (email != NULL && *email != '\0')
    {
      g_autoptr(GError) error = NULL;

      if (!cr_email_check (email, &error))
        add_problem (review, cr_review_problem_new (CR_REVIEW_KIND_INVALID_EMAIL, partner_id,
                                                    partner_name, contact_id, name,
                                                    error->message));
    }
}

static void
check_partner (Review     *review,
               CrPartner  *partner,
               GListModel *contacts,
               GListModel *chain)
{
  gint64 partner_id = cr_record_get_id (CR_RECORD (partner));
  const char *partner_name = cr_partner_get_name (partner);
  guint n_contacts = g_list_model_get_n_items (contacts);
  guint n_chain = g_list_model_get_n_items (chain);
  gboolean any_24_7 = FALSE;

  if (n_chain == 0)
    add_problem (review, cr_review_problem_new (CR_REVIEW_KIND_NO_SPOC, partner_id, partner_name, 0,
                                                NULL,
                                                n_contacts == 0
                                                  ? _("No crisis SPOC and no contacts: add the "
                                                      "partner’s contacts, then choose its SPOC.")
                                                  : _("No crisis SPOC: choose the contact the "
                                                      "crisis centre calls first.")));
  else if (n_chain == 1)
    {
      g_autoptr(CrContact) spoc = g_list_model_get_item (chain, 0);
      g_autofree char *message = g_strdup_printf (_("%s is the only SPOC: add a deputy to call "
                                                    "when they do not answer."),
                                                  cr_contact_get_name (spoc));

      add_problem (review, cr_review_problem_new (CR_REVIEW_KIND_NO_DEPUTY, partner_id,
                                                  partner_name, 0, NULL, message));
    }

  for (guint i = 0; i < n_contacts && !any_24_7; i++)
    {
      g_autoptr(CrContact) contact = g_list_model_get_item (contacts, i);

      any_24_7 = cr_phone_is_valid (cr_contact_get_phone_24_7 (contact));
    }
  if (!any_24_7)
    add_problem (review, cr_review_problem_new (CR_REVIEW_KIND_NO_24_7, partner_id, partner_name, 0,
                                                NULL,
                                                _("No valid 24/7 number: add a number that "
                                                  "answers at night and at weekends.")));

  for (guint i = 0; i < n_contacts; i++)
    {
      g_autoptr(CrContact) contact = g_list_model_get_item (contacts, i);

      check_contact (review, partner, contact);
    }
}

/**
 * cr_store_list_review_problems:
 * @partner_id: one partner, or 0 for the whole directory
 * @period_days: the review period (the review-period-days setting): a
 *   contact verified longer ago needs review
 * @now: the time to judge by
 *
 * Every problem of the directory: contacts verified longer ago than the
 * period or never, partners without a SPOC, a SPOC without a deputy, no
 * valid 24/7 number, invalid phone numbers and e-mail addresses.
 *
 * Returns: (transfer full): #CrReviewProblem, partner by partner (by
 *   name), the partner's own problems first, then its contacts' (SPOC
 *   chain first); contacts of no partner last
 */
GListModel *
cr_store_list_review_problems (CrStore   *self,
                               gint64     partner_id,
                               guint      period_days,
                               GDateTime *now,
                               GError   **error)
{
  g_autoptr(GListModel) partners = NULL;
  g_autoptr(GListStore) problems = g_list_store_new (CR_TYPE_REVIEW_PROBLEM);
  g_autoptr(GDateTime) threshold = NULL;
  Review review;
  guint n;

  g_return_val_if_fail (CR_IS_STORE (self), NULL);
  g_return_val_if_fail (now != NULL, NULL);

  threshold = g_date_time_add_days (now, -(int) MIN (period_days, G_MAXINT / 2));
  review = (Review) { problems, threshold, period_days };

  if (partner_id > 0)
    {
      CrPartner *partner = cr_store_get (self, CR_TYPE_PARTNER, partner_id, error);

      if (partner == NULL)
        return NULL;
      partners = G_LIST_MODEL (g_list_store_new (CR_TYPE_PARTNER));
      g_list_store_append (G_LIST_STORE (partners), partner);
      g_object_unref (partner);
    }
  else
    {
      partners = _cr_store_list_query (self, CR_TYPE_PARTNER, NULL, "\"name\" COLLATE NOCASE, \"id\"",
                                       NULL, 0, error);
      if (partners == NULL)
        return NULL;
    }

  n = g_list_model_get_n_items (partners);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CrPartner) partner = g_list_model_get_item (partners, i);
      gint64 id = cr_record_get_id (CR_RECORD (partner));
      g_autoptr(GListModel) contacts = cr_store_list_partner_contacts (self, id, error);
      g_autoptr(GListModel) chain = NULL;

      if (contacts == NULL)
        return NULL;
      chain = cr_store_list_spoc_chain (self, id, error);
      if (chain == NULL)
        return NULL;
      check_partner (&review, partner, contacts, chain);
    }

  if (partner_id == 0)
    {
      g_autoptr(GListModel) orphans = cr_store_list (self, CR_TYPE_CONTACT, "partner_id", 0, error);

      if (orphans == NULL)
        return NULL;
      for (guint i = 0; i < g_list_model_get_n_items (orphans); i++)
        {
          g_autoptr(CrContact) contact = g_list_model_get_item (orphans, i);

          check_contact (&review, NULL, contact);
        }
    }
  return G_LIST_MODEL (g_steal_pointer (&problems));
}
