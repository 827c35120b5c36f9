/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cr-review-problem"

#include "config.h"

#include <glib/gi18n.h>

#include "cr-review-problem.h"

/**
 * CrReviewProblem:
 *
 * One line of "Needs review": what is wrong, with which partner or
 * contact, and which fix the window offers for it. Read-only: the store
 * lists the problems afresh after every change.
 */
struct _CrReviewProblem
{
  GObject parent_instance;

  CrReviewKind kind;
  CrPhoneField phone_field;
  gint64 partner_id;
  gint64 contact_id;
  char *partner_name;
  char *contact_name;
  char *message;
};

enum
{
  PROP_0,
  PROP_KIND,
  PROP_FIX,
  PROP_PARTNER_ID,
  PROP_PARTNER_NAME,
  PROP_CONTACT_ID,
  PROP_CONTACT_NAME,
  PROP_MESSAGE,
  PROP_FIX_LABEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (CrReviewProblem, cr_review_problem, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE (CrReviewKind, cr_review_kind,
                    G_DEFINE_ENUM_VALUE (CR_REVIEW_KIND_STALE, "stale"),
                    G_DEFINE_ENUM_VALUE (CR_REVIEW_KIND_NEVER_VERIFIED, "never-verified"),
                    G_DEFINE_ENUM_VALUE (CR_REVIEW_KIND_NO_SPOC, "no-spoc"),
                    G_DEFINE_ENUM_VALUE (CR_REVIEW_KIND_NO_DEPUTY, "no-deputy"),
                    G_DEFINE_ENUM_VALUE (CR_REVIEW_KIND_NO_24_7, "no-24-7"),
                    G_DEFINE_ENUM_VALUE (CR_REVIEW_KIND_INVALID_PHONE, "invalid-phone"),
                    G_DEFINE_ENUM_VALUE (CR_REVIEW_KIND_INVALID_EMAIL, "invalid-email"))

G_DEFINE_ENUM_TYPE (CrReviewFix, cr_review_fix,
                    G_DEFINE_ENUM_VALUE (CR_REVIEW_FIX_CONFIRM, "confirm"),
                    G_DEFINE_ENUM_VALUE (CR_REVIEW_FIX_CHOOSE_SPOC, "choose-spoc"),
                    G_DEFINE_ENUM_VALUE (CR_REVIEW_FIX_ADD_DEPUTY, "add-deputy"),
                    G_DEFINE_ENUM_VALUE (CR_REVIEW_FIX_ADD_24_7, "add-24-7"),
                    G_DEFINE_ENUM_VALUE (CR_REVIEW_FIX_EDIT_PHONE, "edit-phone"),
                    G_DEFINE_ENUM_VALUE (CR_REVIEW_FIX_EDIT_EMAIL, "edit-email"))

static void
cr_review_problem_finalize (GObject *object)
{
  CrReviewProblem *self = CR_REVIEW_PROBLEM (object);

  g_free (self->partner_name);
  g_free (self->contact_name);
  g_free (self->message);

  G_OBJECT_CLASS (cr_review_problem_parent_class)->finalize (object);
}

static void
cr_review_problem_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  CrReviewProblem *self = CR_REVIEW_PROBLEM (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    case PROP_FIX:
      g_value_set_enum (value, cr_review_problem_get_fix (self));
      break;
    case PROP_PARTNER_ID:
      g_value_set_int64 (value, self->partner_id);
      break;
    case PROP_PARTNER_NAME:
      g_value_set_string (value, self->partner_name);
      break;
    case PROP_CONTACT_ID:
      g_value_set_int64 (value, self->contact_id);
      break;
    case PROP_CONTACT_NAME:
      g_value_set_string (value, self->contact_name);
      break;
    case PROP_MESSAGE:
      g_value_set_string (value, self->message);
      break;
    case PROP_FIX_LABEL:
      g_value_set_string (value, cr_review_problem_get_fix_label (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cr_review_problem_class_init (CrReviewProblemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cr_review_problem_finalize;
  object_class->get_property = cr_review_problem_get_property;

  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL, CR_TYPE_REVIEW_KIND, CR_REVIEW_KIND_STALE,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_FIX] =
    g_param_spec_enum ("fix", NULL, NULL, CR_TYPE_REVIEW_FIX, CR_REVIEW_FIX_CONFIRM,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_PARTNER_ID] =
    g_param_spec_int64 ("partner-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_PARTNER_NAME] =
    g_param_spec_string ("partner-name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CONTACT_ID] =
    g_param_spec_int64 ("contact-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CONTACT_NAME] =
    g_param_spec_string ("contact-name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_MESSAGE] =
    g_param_spec_string ("message", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_FIX_LABEL] =
    g_param_spec_string ("fix-label", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cr_review_problem_init (CrReviewProblem *self)
{
}

/**
 * cr_review_problem_new:
 * @contact_id: the contact, or 0 when the problem is the partner's
 * @message: the problem in words, translated
 */
CrReviewProblem *
cr_review_problem_new (CrReviewKind  kind,
                       gint64        partner_id,
                       const char   *partner_name,
                       gint64        contact_id,
                       const char   *contact_name,
                       const char   *message)
{
  CrReviewProblem *self = g_object_new (CR_TYPE_REVIEW_PROBLEM, NULL);

  self->kind = kind;
  self->partner_id = partner_id;
  self->partner_name = g_strdup (partner_name);
  self->contact_id = contact_id;
  self->contact_name = g_strdup (contact_name);
  self->message = g_strdup (message);
  return self;
}

CrReviewKind
cr_review_problem_get_kind (CrReviewProblem *self)
{
  g_return_val_if_fail (CR_IS_REVIEW_PROBLEM (self), 0);

  return self->kind;
}

CrReviewFix
cr_review_problem_get_fix (CrReviewProblem *self)
{
  g_return_val_if_fail (CR_IS_REVIEW_PROBLEM (self), 0);

  switch (self->kind)
    {
    case CR_REVIEW_KIND_STALE:
    case CR_REVIEW_KIND_NEVER_VERIFIED:
      return CR_REVIEW_FIX_CONFIRM;
    case CR_REVIEW_KIND_NO_SPOC:
      return CR_REVIEW_FIX_CHOOSE_SPOC;
    case CR_REVIEW_KIND_NO_DEPUTY:
      return CR_REVIEW_FIX_ADD_DEPUTY;
    case CR_REVIEW_KIND_NO_24_7:
      return CR_REVIEW_FIX_ADD_24_7;
    case CR_REVIEW_KIND_INVALID_PHONE:
      return CR_REVIEW_FIX_EDIT_PHONE;
    case CR_REVIEW_KIND_INVALID_EMAIL:
      return CR_REVIEW_FIX_EDIT_EMAIL;
    default:
      g_return_val_if_reached (CR_REVIEW_FIX_CONFIRM);
    }
}

/* The label of the fix button. */
const char *
cr_review_problem_get_fix_label (CrReviewProblem *self)
{
  g_return_val_if_fail (CR_IS_REVIEW_PROBLEM (self), NULL);

  switch (cr_review_problem_get_fix (self))
    {
    case CR_REVIEW_FIX_CONFIRM:
      return _("Confirmed today");
    case CR_REVIEW_FIX_CHOOSE_SPOC:
      return _("Choose the SPOC…");
    case CR_REVIEW_FIX_ADD_DEPUTY:
      return _("Add a deputy…");
    case CR_REVIEW_FIX_ADD_24_7:
      return _("Add a 24/7 number…");
    case CR_REVIEW_FIX_EDIT_PHONE:
      return _("Correct the number…");
    case CR_REVIEW_FIX_EDIT_EMAIL:
      return _("Correct the address…");
    default:
      g_return_val_if_reached (NULL);
    }
}

gint64
cr_review_problem_get_partner_id (CrReviewProblem *self)
{
  g_return_val_if_fail (CR_IS_REVIEW_PROBLEM (self), 0);

  return self->partner_id;
}

const char *
cr_review_problem_get_partner_name (CrReviewProblem *self)
{
  g_return_val_if_fail (CR_IS_REVIEW_PROBLEM (self), NULL);

  return self->partner_name;
}

/* 0 when the problem is the partner's (no SPOC, no deputy, no 24/7). */
gint64
cr_review_problem_get_contact_id (CrReviewProblem *self)
{
  g_return_val_if_fail (CR_IS_REVIEW_PROBLEM (self), 0);

  return self->contact_id;
}

const char *
cr_review_problem_get_contact_name (CrReviewProblem *self)
{
  g_return_val_if_fail (CR_IS_REVIEW_PROBLEM (self), NULL);

  return self->contact_name;
}

const char *
cr_review_problem_get_message (CrReviewProblem *self)
{
  g_return_val_if_fail (CR_IS_REVIEW_PROBLEM (self), NULL);

  return self->message;
}

/* Which number is invalid, for %CR_REVIEW_KIND_INVALID_PHONE. */
CrPhoneField
cr_review_problem_get_phone_field (CrReviewProblem *self)
{
  g_return_val_if_fail (CR_IS_REVIEW_PROBLEM (self), 0);

  return self->phone_field;
}

void
cr_review_problem_set_phone_field (CrReviewProblem *self,
                                   CrPhoneField     field)
{
  g_return_if_fail (CR_IS_REVIEW_PROBLEM (self));

  self->phone_field = field;
}
