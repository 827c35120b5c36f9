/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <gtk/gtk.h>
#include <string.h>

#include "cr-application.h"
#include "cr-contact-card.h"
#include "cr-contact-import-dialog.h"
#include "cr-event-sidebar.h"
#include "cr-partners-page.h"
#include "cr-review-import-dialog.h"
#include "cr-review-window.h"
#include "cr-store-contacts.h"
#include "cr-test-widgets.h"
#include "cr-window.h"

/* The SPOC review round trip as the people involved do it: the crisis
 * centre exports a partner's review file from the Partners page; the
 * SPOC's `crisis-room --review FILE` window shows that partner's
 * contacts and nothing else, corrects and confirms; the file comes back
 * and its diff is accepted change by change. Then the CSV import dialog
 * on a Belgian spreadsheet export. Runs in its own X server. */

#define MIDI "Zone de police Midi – Politiezone Zuid (5341)"

typedef struct _Fixture Fixture;
struct _Fixture
{
  CrApplication *app;
  CrWindow *window;
  CrPartnersPage *page;
  CrStore *store;
  void (*body) (Fixture *f);
  gboolean finished;
  gboolean success;
  char *message;
};

static void
transfer_finished_cb (CrPartnersPage *page,
                      gboolean        success,
                      const char     *message,
                      Fixture        *f)
{
  f->finished = TRUE;
  f->success = success;
  g_free (f->message);
  f->message = g_strdup (message);
}

static gboolean
transfer_done (gpointer data)
{
  return ((Fixture *) data)->finished;
}

static void
activate_cb (CrApplication *app,
             GtkWindow     *window,
             gpointer       data)
{
  Fixture *f = data;

  f->app = app;
  f->window = CR_WINDOW (window);
  f->store = cr_application_get_store (app);
  cr_store_set_operator (f->store, "Centre Operator");
  f->page = cr_test_show_page (f->window, CR_TYPE_PARTNERS_PAGE, "partners");
  g_signal_connect (f->page, "transfer-finished", G_CALLBACK (transfer_finished_cb), f);
  f->body (f);
}

static void
run_in_application (void (*body) (Fixture *f))
{
  Fixture f = { .body = body };

  cr_test_run_window (TRUE, activate_cb, &f);
  g_free (f.message);
}

/* The export of a review file, from the page: the dialog that says
 * what personal data leaves, then the file, written in a worker thread. */
static char *
export_review_file (Fixture *f,
                    gint64   partner_id)
{
  char *path = cr_test_tmp_path ("midi.crreview");
  AdwMessageDialog *dialog;
  GStatBuf st;

  dialog = cr_partners_page_export (f->page, CR_PARTNERS_EXPORT_REVIEW_FILE, partner_id, path);
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "audit log"));
  f->finished = FALSE;
  adw_message_dialog_response (dialog, "export");
  g_assert_true (cr_test_wait_until (transfer_done, f, 30));
  g_assert_true (f->success);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  return path;
}

/* ---- The round trip ---- */

static gboolean
file_reviewed (gpointer data)
{
  g_autoptr(CrReviewFile) file = cr_review_file_load (data, NULL);

  return file != NULL && file->reviewed && file->confirmations->len > 0;
}

static CrReviewChange *
find_change (GListModel        *changes,
             CrReviewChangeKind kind,
             const char        *name,
             guint             *index)
{
  for (guint i = 0; i < g_list_model_get_n_items (changes); i++)
    {
      g_autoptr(CrReviewChange) change = g_list_model_get_item (changes, i);

      if (cr_review_change_get_kind (change) == kind &&
          (name == NULL || g_strcmp0 (cr_review_change_get_contact_name (change), name) == 0))
        {
          *index = i;
          return change;
        }
    }
  return NULL;
}

static void
round_trip (Fixture *f)
{
  g_autoptr(CrPartner) midi = cr_store_find_partner (f->store, MIDI, NULL);
  gint64 midi_id = cr_record_get_id (CR_RECORD (midi));
  gint64 hendrik = cr_test_contact_id (f->store, "Hendrik Proef");
  gint64 gaelle = cr_test_contact_id (f->store, "Gaëlle Modèle");
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CrReviewSession) session = NULL;
  CrReviewWindow *review;
  CrReviewImportDialog *dialog;
  CrContactEditor *editor;
  GListModel *changes;
  guint index, n_rejected = 0;

  cr_partners_page_select_partner (f->page, midi_id);
  path = export_review_file (f, midi_id);

  /* At the SPOC's: that partner's contacts, and nothing else. */
  session = cr_review_session_open (path, &error);
  g_assert_no_error (error);
  review = cr_review_window_new (GTK_APPLICATION (f->app), session);
  g_object_add_weak_pointer (G_OBJECT (review), (gpointer *) &review);
  gtk_window_present (GTK_WINDOW (review));
  {
    g_autoptr(GPtrArray) cards = cr_test_find_widgets (GTK_WIDGET (review), CR_TYPE_CONTACT_CARD);
    g_autofree char *text = cr_test_widget_text (GTK_WIDGET (review), CR_TEST_TEXT_ALL);

    g_assert_cmpuint (cards->len, ==, 2);
    for (guint i = 0; i < cards->len; i++)
      g_assert_cmpint (cr_contact_get_partner_id (cr_contact_card_get_contact (g_ptr_array_index (cards, i))), ==,
                       midi_id);
    g_assert_nonnull (strstr (text, "Gaëlle Modèle"));
    g_assert_nonnull (strstr (text, "Hendrik Proef"));
    /* No other partner's contact, no event, no map. */
    g_assert_null (strstr (text, "Alice Exemple"));
    g_assert_null (strstr (text, "Bruxelles-Nord"));
    g_assert_null (strstr (text, "Papal visit"));
    g_assert_null (cr_test_find_widget (GTK_WIDGET (review), SHUMATE_TYPE_SIMPLE_MAP));
    g_assert_null (cr_test_find_widget (GTK_WIDGET (review), CR_TYPE_EVENT_SIDEBAR));
    g_assert_null (cr_test_find_widget (GTK_WIDGET (review), CR_TYPE_PARTNERS_PAGE));
  }

  /* The SPOC says who they are, corrects Hendrik's number, adds a
   * deputy and confirms Gaëlle; every change is saved at once. */
  {
    GtkWidget *row = cr_test_find_widget (GTK_WIDGET (review), ADW_TYPE_ENTRY_ROW);

    gtk_editable_set_text (GTK_EDITABLE (row), "Gaëlle Modèle");
    g_signal_emit_by_name (row, "apply");
    g_assert_cmpstr (cr_review_session_get_reviewer (session), ==, "Gaëlle Modèle");
  }
  editor = cr_review_window_edit_contact (review, hendrik);
  g_assert_nonnull (editor);
  gtk_editable_set_text (cr_contact_editor_get_field (editor, "phone_mobile"), "+32 470 04 00 00");
  g_assert_true (cr_contact_editor_save (editor, &error));
  g_assert_no_error (error);
  editor = cr_review_window_edit_contact (review, 0);
  gtk_editable_set_text (cr_contact_editor_get_field (editor, "name"), "Nouvelle Recrue");
  gtk_editable_set_text (cr_contact_editor_get_field (editor, "email"), "n.recrue@pzmidi.example");
  cr_contact_editor_set_role (editor, CR_CHAIN_ROLE_DEPUTY);
  g_assert_true (cr_contact_editor_save (editor, &error));
  g_assert_no_error (error);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (review), "contacts.confirm", "x", gaelle));
  g_assert_true (cr_review_session_is_confirmed (session, gaelle));
  g_assert_true (cr_test_wait_until (file_reviewed, path, 30));
  {
    g_autoptr(GPtrArray) cards = NULL;

    cr_test_drain ();
    cards = cr_test_find_widgets (GTK_WIDGET (review), CR_TYPE_CONTACT_CARD);
    g_assert_cmpuint (cards->len, ==, 3);
  }
  gtk_window_destroy (GTK_WINDOW (review));
  g_assert_null (review);
  g_clear_object (&session);

  /* Back at the crisis centre: a diff to accept change by change. */
  dialog = CR_REVIEW_IMPORT_DIALOG (cr_partners_page_import_review_file (f->page, path));
  g_assert_nonnull (dialog);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  changes = cr_review_import_get_changes (cr_review_import_dialog_get_import (dialog));
  {
    CrReviewChange *change = find_change (changes, CR_REVIEW_CHANGE_FIELD, "Hendrik Proef", &index);
    g_autofree char *text = cr_test_widget_text (GTK_WIDGET (dialog), CR_TEST_TEXT_ALL);

    g_assert_nonnull (change);
    /* Before and after, per field. */
    g_assert_cmpstr (cr_review_change_get_old_value (change), ==, "+32 4 070 04");
    g_assert_cmpstr (cr_review_change_get_new_value (change), ==, "+32 470 04 00 00");
    g_assert_nonnull (strstr (text, "+32 4 070 04\n"));
    g_assert_nonnull (strstr (text, "+32 470 04 00 00\n"));
    g_assert_true (gtk_check_button_get_active (cr_review_import_dialog_get_toggle (dialog, index)));
  }
  g_assert_nonnull (find_change (changes, CR_REVIEW_CHANGE_CONFIRM, "Gaëlle Modèle", &index));
  /* The operator does not take the new deputy (nor the chain with her). */
  g_assert_nonnull (find_change (changes, CR_REVIEW_CHANGE_ADD_CONTACT, "Nouvelle Recrue", &index));
  gtk_check_button_set_active (cr_review_import_dialog_get_toggle (dialog, index), FALSE);
  n_rejected++;
  if (find_change (changes, CR_REVIEW_CHANGE_SPOC_CHAIN, NULL, &index) != NULL)
    {
      gtk_check_button_set_active (cr_review_import_dialog_get_toggle (dialog, index), FALSE);
      n_rejected++;
    }
  g_assert_true (cr_review_import_dialog_apply (dialog, &error));
  g_assert_no_error (error);
  g_assert_null (dialog);
  g_assert_cmpuint (n_rejected, >=, 1);

  {
    g_autoptr(CrContact) h = cr_store_get (f->store, CR_TYPE_CONTACT, hendrik, NULL);
    g_autoptr(CrContact) g = cr_store_get (f->store, CR_TYPE_CONTACT, gaelle, NULL);
    g_autoptr(CrContact) recrue = cr_test_find_contact (f->store, "Nouvelle Recrue");
    g_autoptr(GListModel) chain = cr_store_list_spoc_chain (f->store, midi_id, NULL);

    g_assert_cmpstr (cr_contact_get_phone_mobile (h), ==, "+32 470 04 00 00");
    /* The accepted confirmation: "last verified" is the SPOC's. */
    g_assert_cmpstr (cr_contact_get_verified_by (g), ==, "Gaëlle Modèle");
    /* Hendrik was corrected, not confirmed: his verification stays. */
    g_assert_cmpstr (cr_contact_get_verified_by (h), !=, "Gaëlle Modèle");
    g_assert_null (recrue);
    g_assert_cmpuint (g_list_model_get_n_items (chain), ==, 2);
  }
  cr_test_drain ();
  /* The page shows the result: Hendrik's number is valid now. */
  {
    g_autofree char *text = cr_test_widget_text (cr_partners_page_get_detail (f->page), CR_TEST_TEXT_ALL);

    g_assert_nonnull (strstr (text, "E.164 +32470040000"));
  }
}

static void
test_round_trip (void)
{
  run_in_application (round_trip);
}

/* ---- crisis-room --review FILE ---- */

static char *review_path;

static void
review_activate_cb (CrApplication *app,
                    GtkWindow     *window,
                    gpointer       user_data)
{
  g_autoptr(GPtrArray) cards = cr_test_find_widgets (GTK_WIDGET (window), CR_TYPE_CONTACT_CARD);

  /* The review window, and only it. */
  g_assert_true (CR_IS_REVIEW_WINDOW (window));
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (app))), ==, 1);
  g_assert_cmpuint (cards->len, ==, 2);
  g_assert_cmpstr (cr_review_session_get_partner_name (cr_review_window_get_session (CR_REVIEW_WINDOW (window))), ==,
                   MIDI);
}

static void
export_only (Fixture *f)
{
  g_autoptr(CrPartner) midi = cr_store_find_partner (f->store, MIDI, NULL);

  review_path = export_review_file (f, cr_record_get_id (CR_RECORD (midi)));
}

static GString *printed;

static void
print_to_string (const char *text)
{
  g_string_append (printed, text);
}

static void
test_cli_review (void)
{
  CrOptions options = { 0 };
  GPrintFunc old_print;

  run_in_application (export_only);
  options.review = review_path;
  /* What the command says of the file before its window opens. */
  printed = g_string_new (NULL);
  old_print = g_set_print_handler (print_to_string);
  g_assert_cmpint (cr_cli_check_review (&options), ==, CR_EXIT_OK);
  g_set_print_handler (old_print);
  g_assert_true (g_str_has_prefix (printed->str, "Review file of “" MIDI "”: 2 contacts, exported on "));
  g_string_free (printed, TRUE);
  cr_test_run_application (&options, NULL, review_activate_cb, NULL);
  g_clear_pointer (&review_path, g_free);
}

/* ---- CSV import ---- */

static gboolean
dialog_idle (gpointer data)
{
  CrContactImportDialog *dialog = data;

  return !cr_contact_import_dialog_get_busy (dialog);
}

static gboolean
import_done (gpointer data)
{
  return *(CrContactImportDialog **) data == NULL;
}

/* A Belgian spreadsheet's export: UTF-8 with a byte-order mark,
 * semicolons, a quoted field across lines, Alice Exemple again (same
 * e-mail), and, with @bad, a row without a name. */
static char *
write_csv (gboolean bad)
{
  char *path = cr_test_tmp_path (bad ? "bad.csv" : "good.csv");
  g_autoptr(GString) csv = g_string_new ("\xEF\xBB\xBF");

  g_string_append (csv, "Organisation;Nom;Fonction;GSM;E-mail;Remarques\r\n");
  g_string_append (csv, "Vivaqua;Céline Nouvelle;Permanence;0470 55 66 77;c.nouvelle@vivaqua.example;"
                        "\"Joignable la nuit;\r\nvia le dispatching\"\r\n");
  g_string_append (csv, "Zone de police Bruxelles-Capitale/Ixelles – Politiezone Brussel Hoofdstad/Elsene (5339);"
                        "Alice Exemple;Crisis SPOC (chef);+32 4 072 00 53;alice.exemple@polbru.example;\r\n");
  if (bad)
    g_string_append (csv, "Vivaqua;;Dispatching;02 123 45 67;;\r\n");
  g_assert_true (g_file_set_contents (path, csv->str, csv->len, NULL));
  return path;
}

static void
csv_import (Fixture *f)
{
  g_autofree char *bad = write_csv (TRUE);
  g_autofree char *good = write_csv (FALSE);
  gint64 n_before = cr_store_count (f->store, CR_TYPE_CONTACT, NULL, 0, NULL);
  CrContactImportDialog *dialog;
  GArray *duplicates;

  /* A bad row: its line shown, nothing imported. */
  dialog = CR_CONTACT_IMPORT_DIALOG (cr_partners_page_import_contacts (f->page, bad));
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  g_assert_true (cr_test_wait_until (dialog_idle, dialog, 30));
  g_assert_cmpstr (cr_contact_import_dialog_get_step (dialog), ==, "preview");
  g_assert_cmpint (cr_contact_import_get_delimiter (cr_contact_import_dialog_get_import (dialog)), ==, ';');
  g_assert_true (cr_contact_import_get_had_bom (cr_contact_import_dialog_get_import (dialog)));
  {
    g_autofree char *text = cr_contact_import_dialog_get_text (dialog);

    g_assert_nonnull (strstr (text, "semicolon"));
    g_assert_nonnull (strstr (text, "byte-order mark"));
  }
  /* The header was understood in French; "Remarques" are notes. */
  {
    guint n;
    const CrContactColumn *mapping = cr_contact_import_get_mapping (cr_contact_import_dialog_get_import (dialog), &n);

    g_assert_cmpuint (n, ==, 6);
    g_assert_cmpint (mapping[1], ==, CR_CONTACT_COLUMN_NAME);
    g_assert_cmpint (mapping[5], ==, CR_CONTACT_COLUMN_NOTES);
  }
  cr_contact_import_dialog_check (dialog);
  g_assert_true (cr_test_wait_until (dialog_idle, dialog, 30));
  g_assert_cmpstr (cr_contact_import_dialog_get_step (dialog), ==, "check");
  {
    g_autofree char *text = cr_contact_import_dialog_get_text (dialog);

    /* The quoted field spans lines 2 and 3: the bad row is line 5. */
    g_assert_nonnull (strstr (text, "Line 5: "));
    g_assert_nonnull (strstr (text, "Nothing will be imported"));
  }
  cr_contact_import_dialog_import (dialog);
  cr_test_drain ();
  g_assert_cmpint (cr_store_count (f->store, CR_TYPE_CONTACT, NULL, 0, NULL), ==, n_before);
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_null (dialog);

  /* Without it: the duplicate offered for merge, then the import. */
  dialog = CR_CONTACT_IMPORT_DIALOG (cr_partners_page_import_contacts (f->page, good));
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  g_assert_true (cr_test_wait_until (dialog_idle, dialog, 30));
  cr_contact_import_dialog_check (dialog);
  g_assert_true (cr_test_wait_until (dialog_idle, dialog, 30));
  g_assert_cmpstr (cr_contact_import_dialog_get_step (dialog), ==, "check");
  duplicates = cr_contact_import_get_duplicates (cr_contact_import_dialog_get_import (dialog));
  g_assert_cmpuint (duplicates->len, ==, 1);
  g_assert_cmpstr (g_array_index (duplicates, CrImportDuplicate, 0).contact_name, ==, "Alice Exemple");
  g_assert_cmpint (g_array_index (duplicates, CrImportDuplicate, 0).action, ==, CR_DUPLICATE_ACTION_MERGE);
  cr_contact_import_dialog_set_duplicate_action (dialog, 0, CR_DUPLICATE_ACTION_SKIP);
  g_assert_cmpint (g_array_index (duplicates, CrImportDuplicate, 0).action, ==, CR_DUPLICATE_ACTION_SKIP);
  cr_contact_import_dialog_set_duplicate_action (dialog, 0, CR_DUPLICATE_ACTION_MERGE);
  f->finished = FALSE;
  cr_contact_import_dialog_import (dialog);
  g_assert_true (cr_test_wait_until (import_done, &dialog, 30));
  g_assert_true (f->finished && f->success);

  g_assert_cmpint (cr_store_count (f->store, CR_TYPE_CONTACT, NULL, 0, NULL), ==, n_before + 1);
  {
    g_autoptr(CrContact) celine = cr_test_find_contact (f->store, "Céline Nouvelle");
    g_autoptr(CrContact) alice = cr_test_find_contact (f->store, "Alice Exemple");

    g_assert_nonnull (celine);
    /* The quoted field kept its separator and its line break. */
    g_assert_true (g_str_has_prefix (cr_contact_get_notes (celine), "Joignable la nuit;"));
    g_assert_nonnull (strchr (cr_contact_get_notes (celine), '\n'));
    g_assert_true (g_str_has_suffix (cr_contact_get_notes (celine), "via le dispatching"));
    g_assert_cmpstr (cr_contact_get_function (alice), ==, "Crisis SPOC (chef)");
  }
}

static void
test_csv_import (void)
{
  run_in_application (csv_import);
}

/* ---- Exported, then imported back ---- */

static void
export_and_back (Fixture          *f,
                 CrPartnersExport  what,
                 gint64            partner_id,
                 const char       *name)
{
  g_autofree char *path = cr_test_tmp_path (name);
  gint64 n_before = cr_store_count (f->store, CR_TYPE_CONTACT, NULL, 0, NULL);
  AdwMessageDialog *confirm;
  CrContactImportDialog *dialog;
  g_autoptr(GListModel) audit_before = cr_store_list_audit (f->store, "contacts", NULL, NULL, NULL);
  g_autoptr(GListModel) audit_after = NULL;
  GArray *duplicates;
  guint n;

  confirm = cr_partners_page_export (f->page, what, partner_id, path);
  g_assert_nonnull (confirm);
  f->finished = FALSE;
  adw_message_dialog_response (confirm, "export");
  g_assert_true (cr_test_wait_until (transfer_done, f, 30));
  g_assert_true (f->success);
  /* Personal data left: the audit log says so. */
  audit_after = cr_store_list_audit (f->store, "contacts", NULL, NULL, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (audit_after), ==, g_list_model_get_n_items (audit_before) + 1);

  dialog = CR_CONTACT_IMPORT_DIALOG (cr_partners_page_import_contacts (f->page, path));
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  g_assert_true (cr_test_wait_until (dialog_idle, dialog, 30));
  g_assert_cmpint (cr_contact_import_is_vcard (cr_contact_import_dialog_get_import (dialog)), ==,
                   what == CR_PARTNERS_EXPORT_VCARD);
  cr_contact_import_dialog_check (dialog);
  g_assert_true (cr_test_wait_until (dialog_idle, dialog, 30));
  g_assert_cmpstr (cr_contact_import_dialog_get_step (dialog), ==, "check");
  /* Every contact is already there: each offered for merge. */
  n = cr_contact_import_get_n_contacts (cr_contact_import_dialog_get_import (dialog));
  duplicates = cr_contact_import_get_duplicates (cr_contact_import_dialog_get_import (dialog));
  g_assert_cmpuint (n, >, 0);
  g_assert_cmpuint (duplicates->len, ==, n);
  for (guint i = 0; i < duplicates->len; i++)
    g_assert_cmpint (g_array_index (duplicates, CrImportDuplicate, i).action, ==, CR_DUPLICATE_ACTION_MERGE);
  f->finished = FALSE;
  cr_contact_import_dialog_import (dialog);
  g_assert_true (cr_test_wait_until (import_done, &dialog, 30));
  g_assert_true (f->success);
  g_assert_cmpint (cr_store_count (f->store, CR_TYPE_CONTACT, NULL, 0, NULL), ==, n_before);
}

static void
round_trips (Fixture *f)
{
  g_autoptr(CrPartner) midi = cr_store_find_partner (f->store, MIDI, NULL);

  export_and_back (f, CR_PARTNERS_EXPORT_VCARD, 0, "all.vcf");
  export_and_back (f, CR_PARTNERS_EXPORT_CSV, 0, "all.csv");
  export_and_back (f, CR_PARTNERS_EXPORT_REVIEW_SHEET, cr_record_get_id (CR_RECORD (midi)), "midi.csv");
}

static void
test_export_import (void)
{
  run_in_application (round_trips);
}

int
main (int   argc,
      char *argv[])
{
  cr_test_widgets_init (&argc, &argv);

  g_test_add_func ("/review-window/round-trip", test_round_trip);
  g_test_add_func ("/review-window/cli", test_cli_review);
  g_test_add_func ("/review-window/csv-import", test_csv_import);
  g_test_add_func ("/review-window/export-import", test_export_import);

  return g_test_run ();
}
