/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cr-spoc-assignment"

#include "config.h"

#include "cr-spoc-assignment.h"

/**
 * CrSpocAssignment:
 *
 * A contact's place in a partner's SPOC chain: rank 0 is the SPOC, then the deputies in order.
 */
struct _CrSpocAssignment
{
  CrRecord parent_instance;
};

enum
{
  PROP_0,
  PROP_PARTNER_ID,
  PROP_CONTACT_ID,
  PROP_RANK,
  PROP_VERSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (CrSpocAssignment, cr_spoc_assignment, CR_TYPE_RECORD)

static void
cr_spoc_assignment_class_init (CrSpocAssignmentClass *klass)
{
  properties[PROP_PARTNER_ID] =
    g_param_spec_int64 ("partner-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CONTACT_ID] =
    g_param_spec_int64 ("contact-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RANK] =
    g_param_spec_int ("rank", NULL, NULL, G_MININT, G_MAXINT, 0,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_VERSION] =
    g_param_spec_int64 ("version", NULL, NULL, G_MININT64, G_MAXINT64, 1,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  cr_record_class_install_fields (CR_RECORD_CLASS (klass), "spoc_assignments", N_PROPS, properties);
}

static void
cr_spoc_assignment_init (CrSpocAssignment *self)
{
}

CrSpocAssignment *
cr_spoc_assignment_new (void)
{
  return g_object_new (CR_TYPE_SPOC_ASSIGNMENT, NULL);
}

gint64
cr_spoc_assignment_get_partner_id (CrSpocAssignment *self)
{
  g_return_val_if_fail (CR_IS_SPOC_ASSIGNMENT (self), 0);

  return cr_record_get_int64 (CR_RECORD (self), properties[PROP_PARTNER_ID]);
}

void
cr_spoc_assignment_set_partner_id (CrSpocAssignment *self,
                                   gint64           value)
{
  g_return_if_fail (CR_IS_SPOC_ASSIGNMENT (self));

  cr_record_set_int64 (CR_RECORD (self), properties[PROP_PARTNER_ID], value);
}

gint64
cr_spoc_assignment_get_contact_id (CrSpocAssignment *self)
{
  g_return_val_if_fail (CR_IS_SPOC_ASSIGNMENT (self), 0);

  return cr_record_get_int64 (CR_RECORD (self), properties[PROP_CONTACT_ID]);
}

void
cr_spoc_assignment_set_contact_id (CrSpocAssignment *self,
                                   gint64           value)
{
  g_return_if_fail (CR_IS_SPOC_ASSIGNMENT (self));

  cr_record_set_int64 (CR_RECORD (self), properties[PROP_CONTACT_ID], value);
}

int
cr_spoc_assignment_get_rank (CrSpocAssignment *self)
{
  g_return_val_if_fail (CR_IS_SPOC_ASSIGNMENT (self), 0);

  return cr_record_get_int (CR_RECORD (self), properties[PROP_RANK]);
}

void
cr_spoc_assignment_set_rank (CrSpocAssignment *self,
                             int              value)
{
  g_return_if_fail (CR_IS_SPOC_ASSIGNMENT (self));

  cr_record_set_int (CR_RECORD (self), properties[PROP_RANK], value);
}

gint64
cr_spoc_assignment_get_version (CrSpocAssignment *self)
{
  g_return_val_if_fail (CR_IS_SPOC_ASSIGNMENT (self), 0);

  return cr_record_get_int64 (CR_RECORD (self), properties[PROP_VERSION]);
}

void
cr_spoc_assignment_set_version (CrSpocAssignment *self,
                                gint64           value)
{
  g_return_if_fail (CR_IS_SPOC_ASSIGNMENT (self));

  cr_record_set_int64 (CR_RECORD (self), properties[PROP_VERSION], value);
}
