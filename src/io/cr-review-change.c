/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cr-review-change"

#include "config.h"

#include <glib/gi18n.h>

#include "cr-review-change.h"
#include "cr-time.h"

/**
 * CrReviewChange:
 *
 * One line of the diff a returned review file shows at the crisis
 * centre: what the SPOC changed, what the database holds now, and
 * whether the operator accepts it. A change is a conflict when the
 * crisis centre changed the same thing since the export; conflicts start
 * rejected, everything else accepted.
 */
struct _CrReviewChange
{
  GObject parent_instance;

  CrReviewChangeKind kind;
  gint64 contact_id;
  gint64 file_contact_id;
  char *contact_name;
  char *field;
  char *field_label;
  char *old_value;
  char *new_value;
  GDateTime *time;
  gboolean conflict;
  gboolean accepted;
};

enum
{
  PROP_0,
  PROP_KIND,
  PROP_CONTACT_NAME,
  PROP_FIELD_LABEL,
  PROP_OLD_VALUE,
  PROP_NEW_VALUE,
  PROP_CONFLICT,
  PROP_ACCEPTED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (CrReviewChange, cr_review_change, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE (CrReviewChangeKind, cr_review_change_kind,
                    G_DEFINE_ENUM_VALUE (CR_REVIEW_CHANGE_FIELD, "field"),
                    G_DEFINE_ENUM_VALUE (CR_REVIEW_CHANGE_ADD_CONTACT, "add-contact"),
                    G_DEFINE_ENUM_VALUE (CR_REVIEW_CHANGE_REMOVE_CONTACT, "remove-contact"),
                    G_DEFINE_ENUM_VALUE (CR_REVIEW_CHANGE_SPOC_CHAIN, "spoc-chain"),
                    G_DEFINE_ENUM_VALUE (CR_REVIEW_CHANGE_CONFIRM, "confirm"))

static void
cr_review_change_finalize (GObject *object)
{
  CrReviewChange *self = CR_REVIEW_CHANGE (object);

  g_free (self->contact_name);
  g_free (self->field);
  g_free (self->field_label);
  g_free (self->old_value);
  g_free (self->new_value);
  g_clear_pointer (&self->time, g_date_time_unref);

  G_OBJECT_CLASS (cr_review_change_parent_class)->finalize (object);
}

static void
cr_review_change_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  CrReviewChange *self = CR_REVIEW_CHANGE (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    case PROP_CONTACT_NAME:
      g_value_set_string (value, self->contact_name);
      break;
    case PROP_FIELD_LABEL:
      g_value_set_string (value, self->field_label);
      break;
    case PROP_OLD_VALUE:
      g_value_set_string (value, self->old_value);
      break;
    case PROP_NEW_VALUE:
      g_value_set_string (value, self->new_value);
      break;
    case PROP_CONFLICT:
      g_value_set_boolean (value, self->conflict);
      break;
    case PROP_ACCEPTED:
      g_value_set_boolean (value, self->accepted);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cr_review_change_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  CrReviewChange *self = CR_REVIEW_CHANGE (object);

  switch (prop_id)
    {
    case PROP_ACCEPTED:
      cr_review_change_set_accepted (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cr_review_change_class_init (CrReviewChangeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cr_review_change_finalize;
  object_class->get_property = cr_review_change_get_property;
  object_class->set_property = cr_review_change_set_property;

  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL, CR_TYPE_REVIEW_CHANGE_KIND, CR_REVIEW_CHANGE_FIELD,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CONTACT_NAME] =
    g_param_spec_string ("contact-name", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_FIELD_LABEL] =
    g_param_spec_string ("field-label", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_OLD_VALUE] =
    g_param_spec_string ("old-value", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NEW_VALUE] =
    g_param_spec_string ("new-value", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CONFLICT] =
    g_param_spec_boolean ("conflict", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ACCEPTED] =
    g_param_spec_boolean ("accepted", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cr_review_change_init (CrReviewChange *self)
{
  self->accepted = TRUE;
}

/**
 * cr_review_change_new:
 * @contact_id: the contact in the crisis centre's database, or 0 for a
 *   contact the SPOC added (and for the SPOC chain)
 * @file_contact_id: the contact as the review file numbers it
 * @contact_name: (nullable): its name, to show
 */
CrReviewChange *
cr_review_change_new (CrReviewChangeKind  kind,
                      gint64              contact_id,
                      gint64              file_contact_id,
                      const char         *contact_name)
{
  CrReviewChange *self = g_object_new (CR_TYPE_REVIEW_CHANGE, NULL);

  self->kind = kind;
  self->contact_id = contact_id;
  self->file_contact_id = file_contact_id;
  self->contact_name = g_strdup (contact_name);
  return self;
}

CrReviewChangeKind
cr_review_change_get_kind (CrReviewChange *self)
{
  g_return_val_if_fail (CR_IS_REVIEW_CHANGE (self), 0);

  return self->kind;
}

gint64
cr_review_change_get_contact_id (CrReviewChange *self)
{
  g_return_val_if_fail (CR_IS_REVIEW_CHANGE (self), 0);

  return self->contact_id;
}

gint64
cr_review_change_get_file_contact_id (CrReviewChange *self)
{
  g_return_val_if_fail (CR_IS_REVIEW_CHANGE (self), 0);

  return self->file_contact_id;
}

const char *
cr_review_change_get_contact_name (CrReviewChange *self)
{
  g_return_val_if_fail (CR_IS_REVIEW_CHANGE (self), NULL);

  return self->contact_name;
}

/* The "contacts" column of a field change, or %NULL. */
const char *
cr_review_change_get_field (CrReviewChange *self)
{
  g_return_val_if_fail (CR_IS_REVIEW_CHANGE (self), NULL);

  return self->field;
}

const char *
cr_review_change_get_field_label (CrReviewChange *self)
{
  g_return_val_if_fail (CR_IS_REVIEW_CHANGE (self), NULL);

  return self->field_label;
}

/* What the crisis centre's database holds now (nullable). */
const char *
cr_review_change_get_old_value (CrReviewChange *self)
{
  g_return_val_if_fail (CR_IS_REVIEW_CHANGE (self), NULL);

  return self->old_value;
}

/* What the SPOC wrote (nullable). */
const char *
cr_review_change_get_new_value (CrReviewChange *self)
{
  g_return_val_if_fail (CR_IS_REVIEW_CHANGE (self), NULL);

  return self->new_value;
}

void
cr_review_change_set_values (CrReviewChange *self,
                             const char     *field,
                             const char     *field_label,
                             const char     *old_value,
                             const char     *new_value)
{
  g_return_if_fail (CR_IS_REVIEW_CHANGE (self));

  g_free (self->field);
  self->field = g_strdup (field);
  g_free (self->field_label);
  self->field_label = g_strdup (field_label);
  g_free (self->old_value);
  self->old_value = g_strdup (old_value);
  g_free (self->new_value);
  self->new_value = g_strdup (new_value);
}

gboolean
cr_review_change_get_conflict (CrReviewChange *self)
{
  g_return_val_if_fail (CR_IS_REVIEW_CHANGE (self), FALSE);

  return self->conflict;
}

/* Marks a conflict, which starts rejected. */
void
cr_review_change_set_conflict (CrReviewChange *self,
                               gboolean        conflict)
{
  g_return_if_fail (CR_IS_REVIEW_CHANGE (self));

  self->conflict = !!conflict;
  cr_review_change_set_accepted (self, !conflict);
}

gboolean
cr_review_change_get_accepted (CrReviewChange *self)
{
  g_return_val_if_fail (CR_IS_REVIEW_CHANGE (self), FALSE);

  return self->accepted;
}

void
cr_review_change_set_accepted (CrReviewChange *self,
                               gboolean        accepted)
{
  g_return_if_fail (CR_IS_REVIEW_CHANGE (self));

  accepted = !!accepted;
  if (self->accepted == accepted)
    return;
  self->accepted = accepted;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACCEPTED]);
}

/**
 * cr_review_change_get_time:
 *
 * Returns: (transfer none) (nullable): when the SPOC confirmed, for a
 *   confirmation
 */
GDateTime *
cr_review_change_get_time (CrReviewChange *self)
{
  g_return_val_if_fail (CR_IS_REVIEW_CHANGE (self), NULL);

  return self->time;
}

void
cr_review_change_set_time (CrReviewChange *self,
                           GDateTime      *time)
{
  g_return_if_fail (CR_IS_REVIEW_CHANGE (self));

  g_clear_pointer (&self->time, g_date_time_unref);
  self->time = time != NULL ? g_date_time_ref (time) : NULL;
}

/**
 * cr_review_change_describe:
 *
 * Returns: (transfer full): the change in one sentence, translated
 */
char *
cr_review_change_describe (CrReviewChange *self)
{
  const char *empty = _("(empty)");
  g_autofree char *text = NULL;

  g_return_val_if_fail (CR_IS_REVIEW_CHANGE (self), NULL);

  switch (self->kind)
    {
    case CR_REVIEW_CHANGE_FIELD:
      /* Translators: contact, field ("Mobile"), value in the database, value from the SPOC. */
      text = g_strdup_printf (_("%s: %s “%s” becomes “%s”."), self->contact_name, self->field_label,
                              self->old_value ? self->old_value : empty,
                              self->new_value ? self->new_value : empty);
      break;
    case CR_REVIEW_CHANGE_ADD_CONTACT:
      text = g_strdup_printf (_("%s is a new contact."), self->contact_name);
      break;
    case CR_REVIEW_CHANGE_REMOVE_CONTACT:
      text = g_strdup_printf (_("%s is no longer a contact of the partner."), self->contact_name);
      break;
    case CR_REVIEW_CHANGE_SPOC_CHAIN:
      text = g_strdup_printf (_("The SPOC and deputies become, in order: %s (were: %s)."),
                              self->new_value ? self->new_value : empty,
                              self->old_value ? self->old_value : empty);
      break;
    case CR_REVIEW_CHANGE_CONFIRM:
      {
        g_autofree char *day = cr_time_format_local (self->time, "%Y-%m-%d %H:%M");

        text = g_strdup_printf (_("%s was confirmed as right on %s."), self->contact_name,
                                day ? day : "");
      }
      break;
    default:
      g_return_val_if_reached (NULL);
    }
  if (self->conflict)
    {
      char *more = g_strconcat (text, " ",
                                _("The crisis centre changed this too since the export: "
                                  "check before accepting."),
                                NULL);

      g_free (text);
      text = more;
    }
  return g_steal_pointer (&text);
}
