/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "cr-contact.h"

G_BEGIN_DECLS

/* Phone numbers as people type them ("02/123.45.67", "0470 12 34 56",
 * "+32 (0)2 …", "0032 …"), read as Belgian unless they carry a country
 * code, and their E.164 form ("+3221234567"). The contact keeps what was
 * typed; the E.164 form is computed when needed (links, duplicates,
 * exports), so it can never disagree with the typed one. */

#define CR_PHONE_ERROR (cr_phone_error_quark ())
GQuark cr_phone_error_quark (void);

typedef enum
{
  CR_PHONE_ERROR_EMPTY,
  CR_PHONE_ERROR_CHARACTERS, /* letters or symbols besides the separators */
  CR_PHONE_ERROR_NO_PREFIX,  /* neither 0, 00 nor + in front */
  CR_PHONE_ERROR_TOO_SHORT,
  CR_PHONE_ERROR_TOO_LONG,
} CrPhoneError;

/* The three numbers of a contact. */
typedef enum
{
  CR_PHONE_FIELD_MOBILE,
  CR_PHONE_FIELD_OFFICE,
  CR_PHONE_FIELD_24_7,
} CrPhoneField;

#define CR_N_PHONE_FIELDS 3

#define CR_TYPE_PHONE_FIELD (cr_phone_field_get_type ())
GType        cr_phone_field_get_type   (void) G_GNUC_CONST;

char        *cr_phone_to_e164          (const char   *typed,
                                        GError      **error);
gboolean     cr_phone_is_valid         (const char   *typed);
gboolean     cr_phone_is_mobile        (const char   *typed);
char        *cr_phone_format           (const char   *typed);
char        *cr_phone_format_national  (const char   *typed);
char        *cr_phone_to_uri           (const char   *typed);
gboolean     cr_phone_equal            (const char   *a,
                                        const char   *b);

const char  *cr_phone_field_label      (CrPhoneField  field);
const char  *cr_phone_field_column     (CrPhoneField  field);
const char  *cr_phone_field_get        (CrContact    *contact,
                                        CrPhoneField  field);
void         cr_phone_field_set        (CrContact    *contact,
                                        CrPhoneField  field,
                                        const char   *typed);

G_END_DECLS
