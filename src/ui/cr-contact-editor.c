/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cr-contact-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "cr-a11y.h"
#include "cr-contact-editor.h"
#include "cr-email.h"
#include "cr-phone.h"
#include "cr-ui-utils.h"

/**
 * CrContactEditor:
 *
 * Adds a contact to a partner or changes one: name, function, place in
 * the SPOC chain, the three numbers (checked as typed, their E.164 form
 * beside them), e-mail address, language, availability and notes. Save
 * writes the contact and its place in the chain as one undoable step of
 * the history; what the store refuses (someone else changed the contact
 * meanwhile, an invalid number) shows in the dialog, which stays open
 * so nothing typed is lost. #CrContactEditor::saved tells the contact's
 * id.
 */
struct _CrContactEditor
{
  AdwWindow parent_instance;

  AdwWindowTitle *window_title;
  GtkButton *save_button;
  GtkLabel *error_label;
  AdwEntryRow *name_row;
  AdwEntryRow *function_row;
  AdwComboRow *role_row;
  AdwEntryRow *mobile_row;
  AdwEntryRow *office_row;
  AdwEntryRow *h24_row;
  AdwEntryRow *email_row;
  GtkLabel *mobile_check;
  GtkLabel *office_check;
  GtkLabel *h24_check;
  GtkLabel *email_check;
  AdwComboRow *language_row;
  AdwComboRow *availability_row;
  AdwEntryRow *notes_row;

  CrHistory *history;
  CrContact *contact; /* a copy: NULL until saved when adding */
  gint64 partner_id;
};

G_DEFINE_FINAL_TYPE (CrContactEditor, cr_contact_editor, ADW_TYPE_WINDOW)

enum
{
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *const languages[] = { NULL, "fr", "nl", "en" };

static AdwEntryRow *
phone_row (CrContactEditor *self,
           CrPhoneField     field)
{
  switch (field)
    {
    case CR_PHONE_FIELD_MOBILE:
      return self->mobile_row;
    case CR_PHONE_FIELD_OFFICE:
      return self->office_row;
    case CR_PHONE_FIELD_24_7:
    default:
      return self->h24_row;
    }
}

static GtkLabel *
phone_check (CrContactEditor *self,
             CrPhoneField     field)
{
  switch (field)
    {
    case CR_PHONE_FIELD_MOBILE:
      return self->mobile_check;
    case CR_PHONE_FIELD_OFFICE:
      return self->office_check;
    case CR_PHONE_FIELD_24_7:
    default:
      return self->h24_check;
    }
}

static void
set_row_error (AdwEntryRow *row,
               gboolean     error)
{
  if (error)
    gtk_widget_add_css_class (GTK_WIDGET (row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
}

/* Checks the form: the name is needed; a number or an address, when
 * given, must be valid. Each row says what it found on its right. */
static gboolean
check (CrContactEditor *self,
       char           **message)
{
  g_autofree char *name = cr_ui_entry_text (self->name_row);
  g_autofree char *email = cr_ui_entry_text (self->email_row);
  gboolean ok = *name != '\0';

  for (CrPhoneField field = 0; field < CR_N_PHONE_FIELDS; field++)
    {
      g_autofree char *typed = cr_ui_entry_text (phone_row (self, field));
      g_autoptr(GError) error = NULL;
      g_autofree char *e164 = NULL;
      GtkLabel *label = phone_check (self, field);

      if (*typed == '\0')
        {
          gtk_label_set_text (label, "");
          set_row_error (phone_row (self, field), FALSE);
          continue;
        }
      e164 = cr_phone_to_e164 (typed, &error);
      set_row_error (phone_row (self, field), e164 == NULL);
      gtk_label_set_text (label, e164 != NULL ? e164 : _("Invalid"));
      gtk_widget_set_tooltip_text (GTK_WIDGET (label), e164 != NULL ? NULL : error->message);
      if (e164 == NULL && ok)
        {
          ok = FALSE;
          if (message != NULL && *message == NULL)
            /* Translators: a phone field ("Mobile"), then what is wrong with its number. */
            *message = g_strdup_printf (_("%s: %s"), cr_phone_field_label (field), error->message);
        }
    }
  if (*email == '\0')
    {
      gtk_label_set_text (self->email_check, "");
      set_row_error (self->email_row, FALSE);
    }
  else
    {
      g_autoptr(GError) error = NULL;
      gboolean valid = cr_email_check (email, &error);

      set_row_error (self->email_row, !valid);
      gtk_label_set_text (self->email_check, valid ? _("Valid") : _("Invalid"));
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->email_check), valid ? NULL : error->message);
      if (!valid && ok)
        {
          ok = FALSE;
          if (message != NULL && *message == NULL)
            *message = g_strdup (error->message);
        }
    }
  if (*name == '\0' && message != NULL && *message == NULL)
    *message = g_strdup (_("Give the contact a name: a person or a desk (“Dispatching”)."));
  return ok;
}

static void
validate_cb (CrContactEditor *self)
{
  check (self, NULL);
  cr_ui_show_error_label (self->error_label, NULL);
}

static void
set_optional (CrContact  *contact,
              void      (*setter) (CrContact *, const char *),
              const char *value)
{
  setter (contact, value != NULL && *value != '\0' ? value : NULL);
}

/**
 * cr_contact_editor_save:
 *
 * What the Save button does: checks the form and writes the contact
 * with its place in the SPOC chain, as one undoable step.
 *
 * Returns: %TRUE when written; else the error also shows in the dialog
 */
gboolean
cr_contact_editor_save (CrContactEditor *self,
                        GError         **error)
{
  g_autofree char *message = NULL;
  g_autoptr(CrContact) contact = NULL;
  g_autoptr(GError) local_error = NULL;
  guint language;

  g_return_val_if_fail (CR_IS_CONTACT_EDITOR (self), FALSE);

  if (!check (self, &message))
    {
      cr_ui_show_error_label (self->error_label, message);
      g_set_error_literal (error, CR_STORE_ERROR, CR_STORE_ERROR_INVALID, message);
      return FALSE;
    }

  contact = self->contact != NULL ? cr_record_copy (CR_RECORD (self->contact)) : cr_contact_new ();
  if (self->contact == NULL)
    cr_contact_set_partner_id (contact, self->partner_id);
  {
    g_autofree char *name = cr_ui_entry_text (self->name_row);
    g_autofree char *function = cr_ui_entry_text (self->function_row);
    g_autofree char *email = cr_ui_entry_text (self->email_row);
    g_autofree char *notes = cr_ui_entry_text (self->notes_row);

    cr_contact_set_name (contact, name);
    set_optional (contact, cr_contact_set_function, function);
    set_optional (contact, cr_contact_set_email, email);
    set_optional (contact, cr_contact_set_notes, notes);
  }
  for (CrPhoneField field = 0; field < CR_N_PHONE_FIELDS; field++)
    {
      g_autofree char *typed = cr_ui_entry_text (phone_row (self, field));

      cr_phone_field_set (contact, field, *typed != '\0' ? typed : NULL);
    }
  language = adw_combo_row_get_selected (self->language_row);
  cr_contact_set_language (contact, language < G_N_ELEMENTS (languages) ? languages[language] : NULL);
  cr_contact_set_availability (contact, adw_combo_row_get_selected (self->availability_row) == 0
                                          ? CR_AVAILABILITY_ALWAYS
                                          : CR_AVAILABILITY_OFFICE_HOURS);

  if (!cr_directory_save_contact (self->history, contact,
                                  self->partner_id > 0 ? (CrChainRole) adw_combo_row_get_selected (self->role_row)
                                                       : CR_CHAIN_ROLE_NONE,
                                  &local_error))
    {
      cr_ui_show_error_label (self->error_label, local_error->message);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  g_signal_emit (self, signals[SAVED], 0, cr_record_get_id (CR_RECORD (contact)));
  gtk_window_destroy (GTK_WINDOW (self));
  return TRUE;
}

static void
save_clicked_cb (CrContactEditor *self)
{
  cr_contact_editor_save (self, NULL);
}

static void
cr_contact_editor_dispose (GObject *object)
{
  CrContactEditor *self = CR_CONTACT_EDITOR (object);

  g_clear_object (&self->history);
  g_clear_object (&self->contact);

  G_OBJECT_CLASS (cr_contact_editor_parent_class)->dispose (object);
}

static void
cr_contact_editor_class_init (CrContactEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cr_contact_editor_dispose;

  /**
   * CrContactEditor::saved:
   * @contact_id: the contact written
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                                 NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/cr-contact-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, CrContactEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, CrContactEditor, save_button);
  gtk_widget_class_bind_template_child (widget_class, CrContactEditor, error_label);
  gtk_widget_class_bind_template_child (widget_class, CrContactEditor, name_row);
  gtk_widget_class_bind_template_child (widget_class, CrContactEditor, function_row);
  gtk_widget_class_bind_template_child (widget_class, CrContactEditor, role_row);
  gtk_widget_class_bind_template_child (widget_class, CrContactEditor, mobile_row);
  gtk_widget_class_bind_template_child (widget_class, CrContactEditor, office_row);
  gtk_widget_class_bind_template_child (widget_class, CrContactEditor, h24_row);
  gtk_widget_class_bind_template_child (widget_class, CrContactEditor, email_row);
  gtk_widget_class_bind_template_child (widget_class, CrContactEditor, mobile_check);
  gtk_widget_class_bind_template_child (widget_class, CrContactEditor, office_check);
  gtk_widget_class_bind_template_child (widget_class, CrContactEditor, h24_check);
  gtk_widget_class_bind_template_child (widget_class, CrContactEditor, email_check);
  gtk_widget_class_bind_template_child (widget_class, CrContactEditor, language_row);
  gtk_widget_class_bind_template_child (widget_class, CrContactEditor, availability_row);
  gtk_widget_class_bind_template_child (widget_class, CrContactEditor, notes_row);
  gtk_widget_class_bind_template_callback (widget_class, save_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, validate_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
cr_contact_editor_init (CrContactEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  cr_a11y_name_mnemonic_buttons (GTK_WIDGET (self));
}

static void
set_row (AdwEntryRow *row,
         const char  *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
}

/**
 * cr_contact_editor_new:
 * @history: where the change is written, as one undoable step
 * @partner_id: the contact's partner
 * @contact: (nullable): the contact to change, or %NULL to add one
 *
 * Returns: (transfer none): the dialog, not shown yet
 */
CrContactEditor *
cr_contact_editor_new (GtkWindow *parent,
                       CrHistory *history,
                       gint64     partner_id,
                       CrContact *contact)
{
  CrContactEditor *self;
  CrStore *store;

  g_return_val_if_fail (CR_IS_HISTORY (history), NULL);
  g_return_val_if_fail (contact == NULL || CR_IS_CONTACT (contact), NULL);

  self = g_object_new (CR_TYPE_CONTACT_EDITOR, "transient-for", parent, NULL);
  self->history = g_object_ref (history);
  store = cr_history_get_store (history);
  self->partner_id = contact != NULL ? cr_contact_get_partner_id (contact) : partner_id;
  gtk_widget_set_visible (GTK_WIDGET (self->role_row), self->partner_id > 0);

  if (contact == NULL)
    {
      adw_window_title_set_title (self->window_title, _("New Contact"));
      cr_ui_set_button_label (self->save_button, _("_Add"));
      adw_combo_row_set_selected (self->availability_row, 1);
      validate_cb (self);
      return self;
    }

  self->contact = cr_record_copy (CR_RECORD (contact));
  adw_window_title_set_title (self->window_title, _("Edit Contact"));
  adw_window_title_set_subtitle (self->window_title, cr_contact_get_name (contact));
  set_row (self->name_row, cr_contact_get_name (contact));
  set_row (self->function_row, cr_contact_get_function (contact));
  set_row (self->mobile_row, cr_contact_get_phone_mobile (contact));
  set_row (self->office_row, cr_contact_get_phone_office (contact));
  set_row (self->h24_row, cr_contact_get_phone_24_7 (contact));
  set_row (self->email_row, cr_contact_get_email (contact));
  set_row (self->notes_row, cr_contact_get_notes (contact));
  for (guint i = 1; i < G_N_ELEMENTS (languages); i++)
    if (g_strcmp0 (cr_contact_get_language (contact), languages[i]) == 0)
      adw_combo_row_set_selected (self->language_row, i);
  adw_combo_row_set_selected (self->availability_row,
                              cr_contact_get_availability (contact) == CR_AVAILABILITY_ALWAYS ? 0 : 1);
  if (self->partner_id > 0)
    adw_combo_row_set_selected (self->role_row,
                                cr_directory_get_role (store, self->partner_id,
                                                       cr_record_get_id (CR_RECORD (contact))));
  validate_cb (self);
  return self;
}

/**
 * cr_contact_editor_new_for_id:
 * @contact_id: the contact to change, or 0 to add one to @partner_id
 *
 * Returns: (transfer none) (nullable): the dialog, not shown yet, or
 *   %NULL with @error when the contact cannot be read
 */
CrContactEditor *
cr_contact_editor_new_for_id (GtkWindow  *parent,
                              CrHistory  *history,
                              gint64      partner_id,
                              gint64      contact_id,
                              GError    **error)
{
  g_autoptr(CrContact) contact = NULL;

  g_return_val_if_fail (CR_IS_HISTORY (history), NULL);

  if (contact_id != 0)
    {
      contact = cr_store_get (cr_history_get_store (history), CR_TYPE_CONTACT, contact_id, error);
      if (contact == NULL)
        return NULL;
    }
  return cr_contact_editor_new (parent, history, partner_id, contact);
}

void
cr_contact_editor_set_role (CrContactEditor *self,
                            CrChainRole      role)
{
  g_return_if_fail (CR_IS_CONTACT_EDITOR (self));

  adw_combo_row_set_selected (self->role_row, role);
}

/**
 * cr_contact_editor_get_field:
 * @field: a contact column: "name", "function", "phone_mobile",
 *   "phone_office", "phone_24_7", "email" or "notes"
 *
 * Returns: (transfer none) (nullable): the row that edits it
 */
GtkEditable *
cr_contact_editor_get_field (CrContactEditor *self,
                             const char      *field)
{
  struct { const char *name; AdwEntryRow *row; } rows[] = {
    { "name", self->name_row },
    { "function", self->function_row },
    { "phone_mobile", self->mobile_row },
    { "phone_office", self->office_row },
    { "phone_24_7", self->h24_row },
    { "email", self->email_row },
    { "notes", self->notes_row },
  };

  g_return_val_if_fail (CR_IS_CONTACT_EDITOR (self), NULL);

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    if (g_strcmp0 (field, rows[i].name) == 0)
      return GTK_EDITABLE (rows[i].row);
  return NULL;
}

/* Puts the cursor in @field, for the "Needs review" fix of that field. */
void
cr_contact_editor_focus_field (CrContactEditor *self,
                               const char      *field)
{
  GtkEditable *row = cr_contact_editor_get_field (self, field);

  g_return_if_fail (row != NULL);

  gtk_widget_grab_focus (GTK_WIDGET (row));
}
