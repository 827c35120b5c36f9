/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* vCard 4.0 (RFC 6350) at the level of content lines: writing with
 * escaping and folding, reading with unfolding and unescaping. What the
 * properties mean for a contact is in cr-contact-export.c and
 * cr-contact-import.c. Reading also accepts vCard 3.0, as phones and
 * mail programs still write it. */

#define CR_VCARD_ERROR (cr_vcard_error_quark ())
GQuark cr_vcard_error_quark (void);

typedef enum
{
  CR_VCARD_ERROR_NOT_VCARD,
  CR_VCARD_ERROR_ENCODING,
  CR_VCARD_ERROR_SYNTAX,
} CrVcardError;

/**
 * CrVcardProperty:
 * @line: the 1-based line where the property starts
 * @name: the property name, upper case, without its group
 * @params: (array zero-terminated=1): "NAME=value" strings, names in
 *   upper case, values without their quotes
 * @value: the raw value: still escaped (see cr_vcard_unescape())
 */
typedef struct
{
  guint line;
  char *name;
  char **params;
  char *value;
} CrVcardProperty;

/**
 * CrVcard:
 * @line: the line of its BEGIN:VCARD
 * @properties: (element-type CrVcardProperty): in file order, BEGIN,
 *   VERSION and END left out
 */
typedef struct
{
  guint line;
  GPtrArray *properties;
} CrVcard;

/* Writing */
void        cr_vcard_append_line       (GString          *out,
                                        const char       *line);
char       *cr_vcard_escape            (const char       *text);

/* Reading */
GPtrArray  *cr_vcard_parse             (const char       *data,
                                        gsize             len,
                                        GError          **error);
char       *cr_vcard_unescape          (const char       *value);
char      **cr_vcard_split             (const char       *value,
                                        char              separator);
const CrVcardProperty *cr_vcard_get    (const CrVcard    *card,
                                        const char       *name);
char       *cr_vcard_property_get_param (const CrVcardProperty *property,
                                        const char       *name);
gboolean    cr_vcard_property_has_type (const CrVcardProperty *property,
                                        const char       *type);

G_END_DECLS
