/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* E-mail addresses as a directory needs them: plausible enough to reach
 * someone (one "@", a domain with a dot, no spaces), not the whole of
 * RFC 5322, whose quoted local parts no crisis contact uses. */

#define CR_EMAIL_ERROR (cr_email_error_quark ())
GQuark cr_email_error_quark (void);

typedef enum
{
  CR_EMAIL_ERROR_EMPTY,
  CR_EMAIL_ERROR_SPACE,
  CR_EMAIL_ERROR_NO_AT,
  CR_EMAIL_ERROR_MANY_AT,
  CR_EMAIL_ERROR_LOCAL_PART, /* before the "@" */
  CR_EMAIL_ERROR_DOMAIN,     /* after the "@" */
} CrEmailError;

gboolean  cr_email_check      (const char  *email,
                               GError     **error);
gboolean  cr_email_is_valid   (const char  *email);
char     *cr_email_normalize  (const char  *email);
char     *cr_email_to_uri     (const char  *email);

G_END_DECLS
