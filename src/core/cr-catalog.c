/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cr-catalog"

#include "config.h"

#include <glib/gi18n.h>
#include <libintl.h>
#include <string.h>

#include "cr-catalog.h"
#include "cr-labels.h"

/**
 * CrCatalog:
 *
 * The app's translations in one language, whatever the language of the
 * process: the operational sheet is printed in French for one partner and
 * in Dutch for the next while the window stays in English. gettext itself
 * follows the process locale (changing it in a running GTK program is not
 * safe), so this reads the compiled catalogue (.mo) that the build makes
 * from the po/ files, and looks messages up itself.
 *
 * Strings are marked with N_() as usual, so xgettext finds them, and
 * looked up here at run time. A message the catalogue lacks comes out in
 * English. The "UI" catalogue (cr_catalog_new_for_ui()) just asks gettext,
 * for callers that draw in the language of the interface.
 *
 * Immutable once made: usable from any thread.
 */
struct _CrCatalog
{
  GObject parent_instance;

  char *language;       /* "en", "fr", "nl"…; NULL for the UI's */
  GBytes *data;         /* the .mo file */
  GHashTable *messages; /* msgid (into @data) -> translation (into @data) */
  GHashTable *lengths;  /* msgid -> length of its translation, plural forms included */
  gboolean plural_gt_one; /* "plural=(n > 1)", French; else n != 1 */
};

G_DEFINE_FINAL_TYPE (CrCatalog, cr_catalog, G_TYPE_OBJECT)

G_DEFINE_QUARK (cr-catalog-error-quark, cr_catalog_error)

#define MO_MAGIC 0x950412deu
#define MO_MAGIC_SWAPPED 0xde120495u

static void
cr_catalog_finalize (GObject *object)
{
  CrCatalog *self = CR_CATALOG (object);

  g_clear_pointer (&self->messages, g_hash_table_unref);
  g_clear_pointer (&self->lengths, g_hash_table_unref);
  g_clear_pointer (&self->data, g_bytes_unref);
  g_free (self->language);

  G_OBJECT_CLASS (cr_catalog_parent_class)->finalize (object);
}

static void
cr_catalog_class_init (CrCatalogClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cr_catalog_finalize;
}

static void
cr_catalog_init (CrCatalog *self)
{
}

/* "fr_BE.UTF-8" -> "fr"; NULL when not a language code. */
static char *
normalize_language (const char *language)
{
  gsize n = 0;

  if (language == NULL)
    return NULL;
  while (g_ascii_isalpha (language[n]))
    n++;
  if (n < 2 || n > 3)
    return NULL;
  return g_ascii_strdown (language, n);
}

static guint32
read_u32 (const guint8 *data,
          gsize         offset,
          gboolean      swapped)
{
  guint32 value;

  memcpy (&value, data + offset, sizeof value);
  return swapped ? GUINT32_SWAP_LE_BE (value) : value;
}

/* A string table entry (length, offset) that stays inside the file and
 * is NUL-terminated, as msgfmt writes it. */
static const char *
read_string (const guint8 *data,
             gsize         size,
             gsize         entry,
             gboolean      swapped,
             guint32      *length)
{
  guint32 len, offset;

  if (entry + 8 > size)
    return NULL;
  len = read_u32 (data, entry, swapped);
  offset = read_u32 (data, entry + 4, swapped);
  if ((gsize) offset > size || (gsize) len >= size - offset || data[offset + len] != '\0')
    return NULL;
  *length = len;
  return (const char *) data + offset;
}

static gboolean
parse (CrCatalog   *self,
       const char  *path,
       GError     **error)
{
  gsize size;
  const guint8 *data = g_bytes_get_data (self->data, &size);
  guint32 magic, n, originals, translations;
  gboolean swapped;

  if (size < 28)
    goto invalid;
  memcpy (&magic, data, sizeof magic);
  if (magic != MO_MAGIC && magic != MO_MAGIC_SWAPPED)
    goto invalid;
  swapped = magic == MO_MAGIC_SWAPPED;
  if (read_u32 (data, 4, swapped) >> 16 > 1)
    goto invalid; /* a major revision this reader does not know */
  n = read_u32 (data, 8, swapped);
  originals = read_u32 (data, 12, swapped);
  translations = read_u32 (data, 16, swapped);
  if ((guint64) originals + 8 * (guint64) n > size || (guint64) translations + 8 * (guint64) n > size)
    goto invalid;

  for (guint32 i = 0; i < n; i++)
    {
      guint32 id_len, str_len;
      const char *id = read_string (data, size, originals + 8 * (gsize) i, swapped, &id_len);
      const char *str = read_string (data, size, translations + 8 * (gsize) i, swapped, &str_len);

      if (id == NULL || str == NULL)
        goto invalid;
      if (*id == '\0')
        {
          /* The header: only the plural rule matters here. */
          const char *rule = strstr (str, "plural=");

          self->plural_gt_one = rule != NULL && (strncmp (rule, "plural=(n > 1)", 14) == 0 ||
                                                 strncmp (rule, "plural=n > 1", 12) == 0 ||
                                                 strncmp (rule, "plural=(n>1)", 12) == 0 ||
                                                 strncmp (rule, "plural=n>1", 10) == 0);
          continue;
        }
      /* A plural entry's key is "msgid\0msgid_plural": the msgid is
       * its first string, which is what lookups give. */
      g_hash_table_insert (self->messages, (gpointer) id, (gpointer) str);
      g_hash_table_insert (self->lengths, (gpointer) id, GUINT_TO_POINTER (str_len));
    }
  return TRUE;

invalid:
  g_set_error (error, CR_CATALOG_ERROR, CR_CATALOG_ERROR_INVALID,
               _("The translation file “%s” is damaged or not a compiled gettext catalogue. "
                 "Reinstall Crisis Room, or rebuild it."),
               path);
  return FALSE;
}

/**
 * cr_catalog_new_from_file:
 * @path: a compiled catalogue (.mo)
 * @language: (nullable): its language code, for the feature-kind labels
 *
 * Returns: (transfer full): the catalogue, or %NULL with @error set
 */
CrCatalog *
cr_catalog_new_from_file (const char  *path,
                          const char  *language,
                          GError     **error)
{
  g_autoptr(CrCatalog) self = NULL;
  g_autoptr(GMappedFile) file = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  file = g_mapped_file_new (path, FALSE, &local_error);
  if (file == NULL)
    {
      g_set_error (error, CR_CATALOG_ERROR, CR_CATALOG_ERROR_NOT_FOUND,
                   _("Cannot read the translation file “%s”: %s. Reinstall Crisis Room, or "
                     "rebuild it."),
                   path, local_error->message);
      return NULL;
    }
  self = g_object_new (CR_TYPE_CATALOG, NULL);
  self->language = normalize_language (language);
  if (self->language == NULL)
    self->language = g_strdup ("en");
  self->data = g_mapped_file_get_bytes (file);
  self->messages = g_hash_table_new (g_str_hash, g_str_equal);
  self->lengths = g_hash_table_new (g_str_hash, g_str_equal);
  if (!parse (self, path, error))
    return NULL;
  return g_steal_pointer (&self);
}

/**
 * cr_catalog_find_file:
 * @language: a language code ("fr", "nl")
 *
 * Where the compiled catalogue of @language is: in the directory gettext
 * was bound to (main() chooses the installed or the build tree's one),
 * the installed LOCALEDIR, or the build tree's po/.
 *
 * Returns: (transfer full) (nullable): its path, or %NULL when there is none
 */
char *
cr_catalog_find_file (const char *language)
{
  g_autofree char *code = normalize_language (language);
  const char *dirs[3];

  if (code == NULL)
    return NULL;
  dirs[0] = bindtextdomain (GETTEXT_PACKAGE, NULL);
  dirs[1] = LOCALEDIR;
  dirs[2] = BUILD_LOCALEDIR;
  for (guint i = 0; i < G_N_ELEMENTS (dirs); i++)
    {
      g_autofree char *path = NULL;

      if (dirs[i] == NULL)
        continue;
      path = g_build_filename (dirs[i], code, "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);
      if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
        return g_steal_pointer (&path);
    }
  return NULL;
}

/**
 * cr_catalog_new_for_language:
 * @language: "en", "fr", "nl" (a locale name such as "fr_BE.UTF-8" works too)
 *
 * English needs no file: its catalogue gives every message as it is.
 *
 * Returns: (transfer full): the catalogue, or %NULL with @error set when
 *   the language has no compiled catalogue
 */
CrCatalog *
cr_catalog_new_for_language (const char  *language,
                             GError     **error)
{
  g_autofree char *code = normalize_language (language);
  g_autofree char *path = NULL;
  CrCatalog *self;

  if (code == NULL || g_str_equal (code, "en"))
    {
      if (code == NULL && language != NULL && *language != '\0')
        {
          g_set_error (error, CR_CATALOG_ERROR, CR_CATALOG_ERROR_NOT_FOUND,
                       _("“%s” is not a language code. Use fr, nl or en."), language);
          return NULL;
        }
      self = g_object_new (CR_TYPE_CATALOG, NULL);
      self->language = g_strdup ("en");
      return self;
    }
  path = cr_catalog_find_file (code);
  if (path == NULL)
    {
      g_set_error (error, CR_CATALOG_ERROR, CR_CATALOG_ERROR_NOT_FOUND,
                   _("There is no translation into “%s”. Use fr, nl or en, or reinstall Crisis "
                     "Room if one of those is missing."),
                   code);
      return NULL;
    }
  return cr_catalog_new_from_file (path, code, error);
}

/**
 * cr_catalog_new_for_ui:
 *
 * The language of the interface: lookups go to gettext.
 *
 * Returns: (transfer full): the catalogue
 */
CrCatalog *
cr_catalog_new_for_ui (void)
{
  return g_object_new (CR_TYPE_CATALOG, NULL);
}

/* "en", "fr" or "nl": which label of a feature kind to show. */
const char *
cr_catalog_get_language (CrCatalog *self)
{
  g_return_val_if_fail (CR_IS_CATALOG (self), "en");

  return self->language != NULL ? self->language : cr_ui_language ();
}

const char *
cr_catalog_gettext (CrCatalog  *self,
                    const char *msgid)
{
  const char *str;

  g_return_val_if_fail (CR_IS_CATALOG (self), msgid);
  g_return_val_if_fail (msgid != NULL, NULL);

  if (self->language == NULL)
    return g_dgettext (GETTEXT_PACKAGE, msgid);
  if (self->messages == NULL)
    return msgid;
  str = g_hash_table_lookup (self->messages, msgid);
  return str != NULL && *str != '\0' ? str : msgid;
}

/* As C_(): @context disambiguates the same English word. */
const char *
cr_catalog_pgettext (CrCatalog  *self,
                     const char *context,
                     const char *msgid)
{
  g_autofree char *key = NULL;
  const char *str;

  g_return_val_if_fail (CR_IS_CATALOG (self), msgid);
  g_return_val_if_fail (context != NULL && msgid != NULL, msgid);

  key = g_strconcat (context, "\004", msgid, NULL);
  if (self->language == NULL)
    return g_dpgettext (GETTEXT_PACKAGE, key, strlen (context) + 1);
  if (self->messages == NULL)
    return msgid;
  str = g_hash_table_lookup (self->messages, key);
  return str != NULL && *str != '\0' ? str : msgid;
}

const char *
cr_catalog_ngettext (CrCatalog  *self,
                     const char *msgid,
                     const char *msgid_plural,
                     gulong      n)
{
  const char *str, *end;
  guint form, length;

  g_return_val_if_fail (CR_IS_CATALOG (self), msgid);
  g_return_val_if_fail (msgid != NULL && msgid_plural != NULL, msgid);

  if (self->language == NULL)
    return g_dngettext (GETTEXT_PACKAGE, msgid, msgid_plural, n);
  form = self->plural_gt_one ? n > 1 : n != 1;
  str = self->messages != NULL ? g_hash_table_lookup (self->messages, msgid) : NULL;
  if (str == NULL || *str == '\0')
    return form == 0 ? msgid : msgid_plural;
  /* The forms follow one another, each NUL-terminated; a catalogue with
   * fewer forms than asked gives its last one. */
  length = GPOINTER_TO_UINT (g_hash_table_lookup (self->lengths, msgid));
  end = str + length;
  for (; form > 0; form--)
    {
      const char *next = str + strlen (str) + 1;

      if (next >= end)
        break;
      str = next;
    }
  return str;
}
