/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-review"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <sys/stat.h>

#include "cr-demo.h"
#include "cr-review-import.h"
#include "cr-review-session.h"
#include "cr-store-contacts.h"
#include "cr-test-utils.h"
#include "cr-time.h"

/* "Needs review": the rules and their one-click fixes; the SPOC review
 * round trip: export, the SPOC's restricted session, the diff at the
 * crisis centre, accept and reject, confirmations. */

static gint64
add_contact (CrStore    *store,
             gint64      partner_id,
             const char *name,
             GDateTime  *verified_at,
             const char *phone_24_7)
{
  g_autoptr(CrContact) contact = cr_contact_new ();

  cr_contact_set_partner_id (contact, partner_id);
  cr_contact_set_name (contact, name);
  cr_contact_set_verified_at (contact, verified_at);
  cr_contact_set_verified_by (contact, verified_at != NULL ? "Test Operator" : NULL);
  cr_contact_set_phone_24_7 (contact, phone_24_7);
  g_assert_true (cr_store_insert (store, CR_RECORD (contact), NULL));
  return cr_record_get_id (CR_RECORD (contact));
}

static void
set_field (CrStore      *store,
           gint64        contact_id,
           CrPhoneField  field,
           const char   *phone,
           const char   *email)
{
  g_autoptr(CrContact) contact = cr_store_get (store, CR_TYPE_CONTACT, contact_id, NULL);

  if (phone != NULL)
    cr_phone_field_set (contact, field, phone);
  if (email != NULL)
    cr_contact_set_email (contact, email);
  g_assert_true (cr_store_update (store, CR_RECORD (contact), NULL));
}

static GListModel *
problems (CrStore   *store,
          gint64     partner_id,
          guint      period,
          GDateTime *now)
{
  g_autoptr(GError) error = NULL;
  GListModel *list = cr_store_list_review_problems (store, partner_id, period, now, &error);

  g_assert_no_error (error);
  g_assert_nonnull (list);
  return list;
}

/* The problems as "kind:partner:contact" lines, in order. */
static char *
describe (GListModel *list)
{
  g_autoptr(GEnumClass) kinds = g_type_class_ref (CR_TYPE_REVIEW_KIND);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(CrReviewProblem) p = g_list_model_get_item (list, i);

      g_string_append_printf (out, "%s:%s:%s\n", g_enum_get_value (kinds, cr_review_problem_get_kind (p))->value_nick,
                              cr_review_problem_get_partner_name (p) ? cr_review_problem_get_partner_name (p) : "-",
                              cr_review_problem_get_contact_name (p) ? cr_review_problem_get_contact_name (p) : "-");
    }
  return g_string_free (out, FALSE);
}

typedef struct
{
  CrStore *store;
  GDateTime *now;
  gint64 clean, no_spoc, empty, single;
  gint64 clean_spoc, clean_deputy, lone, single_spoc, stale, never, orphan;
} Directory;

static void
directory_init (Directory *d)
{
  g_autoptr(GDateTime) fresh = NULL;
  g_autoptr(GDateTime) old = NULL;

  d->store = cr_test_open_store ();
  d->now = g_date_time_new_utc (2024, 9, 26, 8, 0, 0);
  fresh = g_date_time_add_days (d->now, -10);
  old = g_date_time_add_days (d->now, -200);

  d->clean = cr_test_add_partner (d->store, "A clean partner", CR_PARTNER_TYPE_OTHER);
  d->clean_spoc = add_contact (d->store, d->clean, "Clean SPOC", fresh, "02 000 00 11");
  d->clean_deputy = add_contact (d->store, d->clean, "Clean deputy", fresh, NULL);
  g_assert_true (cr_store_set_spoc_chain (d->store, d->clean, (gint64[]) { d->clean_spoc, d->clean_deputy }, 2, NULL));

  d->no_spoc = cr_test_add_partner (d->store, "B partner without SPOC", CR_PARTNER_TYPE_OTHER);
  d->lone = add_contact (d->store, d->no_spoc, "Lone contact", fresh, "02 000 00 22");

  d->empty = cr_test_add_partner (d->store, "C empty partner", CR_PARTNER_TYPE_OTHER);

  d->single = cr_test_add_partner (d->store, "D single SPOC", CR_PARTNER_TYPE_OTHER);
  d->single_spoc = add_contact (d->store, d->single, "Single SPOC", fresh, "+32 4 070 04");
  d->stale = add_contact (d->store, d->single, "Stale contact", old, NULL);
  d->never = add_contact (d->store, d->single, "Never verified", NULL, NULL);
  g_assert_true (cr_store_set_spoc_chain (d->store, d->single, &d->single_spoc, 1, NULL));
  set_field (d->store, d->stale, CR_PHONE_FIELD_MOBILE, "0470 12 34 5", "stale contact@d.example");

  d->orphan = add_contact (d->store, 0, "Orphan", fresh, NULL);
  set_field (d->store, d->orphan, CR_PHONE_FIELD_MOBILE, NULL, "orphan.example");
}

static void
directory_clear (Directory *d)
{
  g_clear_object (&d->store);
  g_clear_pointer (&d->now, g_date_time_unref);
}

static void
test_rules (void)
{
  Directory d;
  g_autoptr(GListModel) list = NULL;
  g_autoptr(GListModel) one = NULL;
  g_autofree char *text = NULL;
  g_autofree char *one_text = NULL;

  directory_init (&d);
  list = problems (d.store, 0, 180, d.now);
  text = describe (list);
  g_assert_cmpstr (text, ==,
                   "no-spoc:B partner without SPOC:-\n"
                   "no-spoc:C empty partner:-\n"
                   "no-24-7:C empty partner:-\n"
                   "no-deputy:D single SPOC:-\n"
                   /* Its only 24/7 number is invalid. */
                   "no-24-7:D single SPOC:-\n"
                   "invalid-phone:D single SPOC:Single SPOC\n"
                   "never-verified:D single SPOC:Never verified\n"
                   "stale:D single SPOC:Stale contact\n"
                   "invalid-phone:D single SPOC:Stale contact\n"
                   "invalid-email:D single SPOC:Stale contact\n"
                   "invalid-email:-:Orphan\n");

  /* Each problem names its fix and says what to do. */
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(CrReviewProblem) p = g_list_model_get_item (list, i);
      static const CrReviewFix fixes[] = {
        [CR_REVIEW_KIND_STALE] = CR_REVIEW_FIX_CONFIRM,
        [CR_REVIEW_KIND_NEVER_VERIFIED] = CR_REVIEW_FIX_CONFIRM,
        [CR_REVIEW_KIND_NO_SPOC] = CR_REVIEW_FIX_CHOOSE_SPOC,
        [CR_REVIEW_KIND_NO_DEPUTY] = CR_REVIEW_FIX_ADD_DEPUTY,
        [CR_REVIEW_KIND_NO_24_7] = CR_REVIEW_FIX_ADD_24_7,
        [CR_REVIEW_KIND_INVALID_PHONE] = CR_REVIEW_FIX_EDIT_PHONE,
        [CR_REVIEW_KIND_INVALID_EMAIL] = CR_REVIEW_FIX_EDIT_EMAIL,
      };

      g_assert_cmpint (cr_review_problem_get_fix (p), ==, fixes[cr_review_problem_get_kind (p)]);
      g_assert_nonnull (cr_review_problem_get_fix_label (p));
      g_assert_cmpuint (strlen (cr_review_problem_get_message (p)), >, 10);
      if (cr_review_problem_get_kind (p) == CR_REVIEW_KIND_INVALID_PHONE &&
          cr_review_problem_get_contact_id (p) == d.stale)
        {
          g_assert_cmpint (cr_review_problem_get_phone_field (p), ==, CR_PHONE_FIELD_MOBILE);
          g_assert_true (g_str_has_prefix (cr_review_problem_get_message (p), "Mobile: "));
        }
      if (cr_review_problem_get_kind (p) == CR_REVIEW_KIND_NO_DEPUTY)
        g_assert_nonnull (strstr (cr_review_problem_get_message (p), "Single SPOC"));
      if (cr_review_problem_get_kind (p) == CR_REVIEW_KIND_STALE)
        g_assert_nonnull (strstr (cr_review_problem_get_message (p), "2024-03-10"));
    }

  /* One partner's problems only. */
  one = problems (d.store, d.no_spoc, 180, d.now);
  one_text = describe (one);
  g_assert_cmpstr (one_text, ==, "no-spoc:B partner without SPOC:-\n");
  directory_clear (&d);
}

static void
test_period (void)
{
  g_autoptr(CrStore) store = cr_test_open_store ();
  g_autoptr(GDateTime) now = g_date_time_new_utc (2024, 9, 26, 8, 0, 0);
  g_autoptr(GDateTime) hundred_days = g_date_time_add_days (now, -100);
  g_autoptr(GDateTime) exactly = g_date_time_add_days (now, -180);
  g_autoptr(GDateTime) one_more_second = g_date_time_add_seconds (exactly, -1);
  gint64 partner = cr_test_add_partner (store, "P", CR_PARTNER_TYPE_OTHER);
  gint64 a = add_contact (store, partner, "A", hundred_days, "02 000 00 11");
  gint64 b = add_contact (store, partner, "B", exactly, NULL);
  gint64 c = add_contact (store, partner, "C", one_more_second, NULL);
  g_autofree char *text = NULL;

  g_assert_true (cr_store_set_spoc_chain (store, partner, (gint64[]) { a, b, c }, 3, NULL));
  {
    g_autoptr(GListModel) list = problems (store, 0, 180, now);

    text = describe (list);
    /* Older than the period: stale; exactly the period: not yet. */
    g_assert_cmpstr (text, ==, "stale:P:C\n");
  }
  g_clear_pointer (&text, g_free);
  {
    g_autoptr(GListModel) list = problems (store, 0, 90, now);

    text = describe (list);
    g_assert_cmpstr (text, ==, "stale:P:A\nstale:P:B\nstale:P:C\n");
  }
  g_clear_pointer (&text, g_free);
  {
    g_autoptr(GListModel) list = problems (store, 0, 365, now);

    g_assert_cmpuint (g_list_model_get_n_items (list), ==, 0);
  }
}

static gboolean
has_problem (CrStore      *store,
             GDateTime    *now,
             CrReviewKind  kind,
             gint64        contact_id)
{
  g_autoptr(GListModel) list = problems (store, 0, 180, now);

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(CrReviewProblem) p = g_list_model_get_item (list, i);

      if (cr_review_problem_get_kind (p) == kind && cr_review_problem_get_contact_id (p) == contact_id)
        return TRUE;
    }
  return FALSE;
}

/* Every problem goes away with its fix. */
static void
test_fixes (void)
{
  Directory d;
  g_autoptr(GError) error = NULL;

  directory_init (&d);
  g_assert_true (has_problem (d.store, d.now, CR_REVIEW_KIND_STALE, d.stale));
  g_assert_true (cr_store_confirm_contacts (d.store, (gint64[]) { d.stale, d.never }, 2, NULL, d.now, &error));
  g_assert_false (has_problem (d.store, d.now, CR_REVIEW_KIND_STALE, d.stale));
  g_assert_false (has_problem (d.store, d.now, CR_REVIEW_KIND_NEVER_VERIFIED, d.never));

  g_assert_true (has_problem (d.store, d.now, CR_REVIEW_KIND_NO_DEPUTY, 0));
  g_assert_true (cr_store_add_deputy (d.store, d.single, d.stale, &error));
  g_assert_false (has_problem (d.store, d.now, CR_REVIEW_KIND_NO_DEPUTY, 0));

  g_assert_true (cr_store_set_spoc_chain (d.store, d.no_spoc, &d.lone, 1, &error));
  g_assert_no_error (error);

  g_assert_true (cr_store_set_contact_phone (d.store, d.single_spoc, CR_PHONE_FIELD_24_7, "+32 4 070 04 00", &error));
  g_assert_no_error (error);
  g_assert_false (has_problem (d.store, d.now, CR_REVIEW_KIND_INVALID_PHONE, d.single_spoc));
  g_assert_true (cr_store_set_contact_phone (d.store, d.stale, CR_PHONE_FIELD_MOBILE, "0470 12 34 56", &error));
  g_assert_true (cr_store_set_contact_email (d.store, d.stale, "stale.contact@d.example", &error));
  g_assert_no_error (error);

  {
    g_autoptr(GListModel) single = problems (d.store, d.single, 180, d.now);
    g_autoptr(GListModel) no_spoc = problems (d.store, d.no_spoc, 180, d.now);
    g_autofree char *text = describe (no_spoc);

    g_assert_cmpuint (g_list_model_get_n_items (single), ==, 0);
    /* A SPOC alone is not enough: it needs a deputy now. */
    g_assert_cmpstr (text, ==, "no-deputy:B partner without SPOC:-\n");
  }
  directory_clear (&d);
}

/* The demo's flaws, as its README lists them, are all found. */
static void
test_demo (void)
{
  g_autoptr(CrStore) store = cr_test_open_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = cr_time_now_utc ();
  g_autoptr(GListModel) list = NULL;
  g_autofree char *text = NULL;
  gboolean loaded;
  guint counts[CR_REVIEW_KIND_INVALID_EMAIL + 1] = { 0 };

  g_assert_true (cr_demo_load (store, &loaded, &error));
  g_assert_no_error (error);
  list = problems (store, 0, 180, now);
  text = describe (list);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(CrReviewProblem) p = g_list_model_get_item (list, i);

      counts[cr_review_problem_get_kind (p)]++;
    }
  g_assert_cmpuint (counts[CR_REVIEW_KIND_INVALID_PHONE], ==, 2);
  g_assert_nonnull (strstr (text, "invalid-phone:Zone de police Midi – Politiezone Zuid (5341):Hendrik Proef\n"));
  g_assert_nonnull (strstr (text, "invalid-phone:Sibelga:Daan Dummy\n"));
  g_assert_cmpuint (counts[CR_REVIEW_KIND_INVALID_EMAIL], ==, 2);
  g_assert_nonnull (strstr (text, "invalid-email:STIB-MIVB:Victor Pseudonyme\n"));
  g_assert_nonnull (strstr (text, "invalid-email:Commune de Jette / Gemeente Jette:Joris Veronderstel\n"));
  g_assert_cmpuint (counts[CR_REVIEW_KIND_NO_DEPUTY], ==, 2);
  g_assert_nonnull (strstr (text, "no-deputy:Bruxelles-Propreté / Net Brussel:-\n"));
  g_assert_nonnull (strstr (text, "no-deputy:Commune de Ganshoren / Gemeente Ganshoren:-\n"));
  g_assert_cmpuint (counts[CR_REVIEW_KIND_NO_SPOC], ==, 0);
  g_assert_nonnull (strstr (text, "no-24-7:Vivaqua:-\n"));
  g_assert_null (strstr (text, "no-24-7:Commune de Koekelberg"));
  g_assert_cmpuint (counts[CR_REVIEW_KIND_NEVER_VERIFIED], ==, 2);
  g_assert_nonnull (strstr (text, ":Pieter Verzonnen\n"));
  g_assert_nonnull (strstr (text, ":Lies Gefingeerd\n"));
  g_assert_nonnull (strstr (text, "stale:Zone de police Bruxelles-Ouest – Politiezone Brussel-West (5340):"
                                  "Floris Fictief\n"));
  g_assert_nonnull (strstr (text, ":Marc Factice\n"));
  g_assert_null (strstr (text, ":Chloé Fictif\n"));
  /* "About a third" of the contacts are stale. */
  g_assert_cmpuint (counts[CR_REVIEW_KIND_STALE], >=, 10);
  g_assert_cmpuint (counts[CR_REVIEW_KIND_STALE], <=, 20);
}

/* ---- The SPOC review round trip ---- */

typedef struct
{
  CrStore *store;
  gint64 partner, gaelle, hendrik, desk, old;
  char *path;
} Centre;

static void
centre_init (Centre *c)
{
  g_autoptr(GDateTime) verified = g_date_time_new_utc (2024, 3, 1, 9, 0, 0);
  g_autoptr(GError) error = NULL;
  guint n = 0;

  c->store = cr_test_open_store ();
  cr_test_add_partner (c->store, "Another partner", CR_PARTNER_TYPE_OTHER);
  c->partner = cr_test_add_partner (c->store, "Zone de police Midi", CR_PARTNER_TYPE_OTHER);
  c->gaelle = add_contact (c->store, c->partner, "Gaëlle Modèle", verified, "+32 2 000 05 92");
  c->hendrik = add_contact (c->store, c->partner, "Hendrik Proef", verified, "+32 2 000 06 66");
  c->desk = add_contact (c->store, c->partner, "Dispatching Midi", verified, "+32 2 000 05 55");
  c->old = add_contact (c->store, c->partner, "Parti Ailleurs", verified, NULL);
  add_contact (c->store, 1, "Not exported", verified, NULL);
  set_field (c->store, c->hendrik, CR_PHONE_FIELD_MOBILE, "+32 4 070 04", "hendrik.proef@pzmidi.example");
  set_field (c->store, c->gaelle, CR_PHONE_FIELD_MOBILE, NULL, "gaelle.modele@pzmidi.example");
  g_assert_true (cr_store_set_spoc_chain (c->store, c->partner, (gint64[]) { c->gaelle, c->hendrik }, 2, NULL));

  c->path = cr_test_tmp_path ("midi.crreview");
  g_assert_true (cr_review_file_export (c->store, c->partner, c->path, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 4);
}

static void
centre_clear (Centre *c)
{
  g_clear_object (&c->store);
  g_clear_pointer (&c->path, g_free);
}

static gint64
find_id (CrStore    *store,
         const char *name)
{
  g_autoptr(GListModel) all = cr_store_list (store, CR_TYPE_CONTACT, NULL, 0, NULL);

  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    {
      g_autoptr(CrContact) contact = g_list_model_get_item (all, i);

      if (g_str_equal (cr_contact_get_name (contact), name))
        return cr_record_get_id (CR_RECORD (contact));
    }
  return 0;
}

/* What the SPOC does: corrects, adds, removes, reorders, confirms. */
static void
spoc_reviews (const char *path,
              GDateTime  *at)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrReviewSession) session = cr_review_session_open (path, &error);
  CrStore *store;
  gint64 partner, hendrik, desk, old, recrue;

  g_assert_no_error (error);
  g_assert_nonnull (session);
  store = cr_review_session_get_store (session);
  partner = cr_review_session_get_partner_id (session);
  g_assert_cmpstr (cr_review_session_get_partner_name (session), ==, "Zone de police Midi");
  g_assert_cmpstr (cr_review_session_get_exported_by (session), ==, "Test Operator");
  /* Restricted: the one partner and its own contacts, nothing else. */
  g_assert_cmpint (cr_store_count (store, CR_TYPE_PARTNER, NULL, 0, NULL), ==, 1);
  g_assert_cmpint (cr_store_count (store, CR_TYPE_CONTACT, NULL, 0, NULL), ==, 4);
  g_assert_cmpint (cr_store_count (store, CR_TYPE_EVENT, NULL, 0, NULL), ==, 0);
  g_assert_cmpint (find_id (store, "Not exported"), ==, 0);

  cr_review_session_set_reviewer (session, "Gaëlle Modèle");
  hendrik = find_id (store, "Hendrik Proef");
  desk = find_id (store, "Dispatching Midi");
  old = find_id (store, "Parti Ailleurs");
  g_assert_true (cr_store_set_contact_phone (store, hendrik, CR_PHONE_FIELD_MOBILE, "+32 470 04 00 00", &error));
  {
    g_autoptr(CrContact) contact = cr_store_get (store, CR_TYPE_CONTACT, desk, &error);

    cr_contact_set_function (contact, "Dispatch (24/7)");
    g_assert_true (cr_store_update (store, CR_RECORD (contact), &error));
  }
  {
    g_autoptr(CrContact) contact = cr_store_get (store, CR_TYPE_CONTACT, old, &error);

    g_assert_true (cr_store_delete (store, CR_RECORD (contact), &error));
  }
  {
    g_autoptr(CrContact) contact = cr_contact_new ();

    cr_contact_set_partner_id (contact, partner);
    cr_contact_set_name (contact, "Nouvelle Recrue");
    cr_contact_set_phone_mobile (contact, "0478 00 11 22");
    g_assert_true (cr_store_insert (store, CR_RECORD (contact), &error));
    recrue = cr_record_get_id (CR_RECORD (contact));
  }
  g_assert_true (cr_store_add_deputy (store, partner, recrue, &error));
  g_assert_true (cr_review_session_confirm (session, find_id (store, "Gaëlle Modèle"), at, &error));
  g_assert_true (cr_review_session_confirm (session, recrue, at, &error));
  g_assert_no_error (error);
  g_assert_true (cr_review_session_save (session, at, &error));
  g_assert_no_error (error);
}

static CrReviewChange *
find_change (GListModel         *changes,
             CrReviewChangeKind  kind,
             const char         *name)
{
  for (guint i = 0; i < g_list_model_get_n_items (changes); i++)
    {
      g_autoptr(CrReviewChange) change = g_list_model_get_item (changes, i);

      if (cr_review_change_get_kind (change) == kind &&
          g_strcmp0 (cr_review_change_get_contact_name (change), name) == 0)
        return change;
    }
  return NULL;
}

static void
test_round_trip (void)
{
  Centre c;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) reviewed_at = g_date_time_new_utc (2024, 9, 20, 14, 30, 0);
  g_autoptr(CrReviewImport) import = NULL;
  g_autoptr(GListModel) chain = NULL;
  GListModel *changes;
  CrReviewChange *change;
  guint n_applied = 0;
  GStatBuf st;

  centre_init (&c);
  /* The export is personal data: for its owner, and in the audit log. */
  g_assert_cmpint (g_stat (c.path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  spoc_reviews (c.path, reviewed_at);

  /* Meanwhile the crisis centre changed the desk's function too, and
   * Gaëlle's address, which the SPOC did not touch. */
  {
    g_autoptr(CrContact) desk = cr_store_get (c.store, CR_TYPE_CONTACT, c.desk, NULL);

    cr_contact_set_function (desk, "Central desk");
    g_assert_true (cr_store_update (c.store, CR_RECORD (desk), NULL));
  }
  set_field (c.store, c.gaelle, CR_PHONE_FIELD_MOBILE, NULL, "g.modele@pzmidi.example");

  import = cr_review_import_load (c.store, c.path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cr_review_import_get_partner_id (import), ==, c.partner);
  g_assert_cmpstr (cr_review_import_get_reviewer (import), ==, "Gaëlle Modèle");
  g_assert_true (g_date_time_equal (cr_review_import_get_reviewed_at (import), reviewed_at));
  changes = cr_review_import_get_changes (import);
  g_assert_cmpuint (g_list_model_get_n_items (changes), ==, 7);

  change = find_change (changes, CR_REVIEW_CHANGE_FIELD, "Hendrik Proef");
  g_assert_nonnull (change);
  g_assert_cmpstr (cr_review_change_get_field (change), ==, "phone_mobile");
  g_assert_cmpstr (cr_review_change_get_old_value (change), ==, "+32 4 070 04");
  g_assert_cmpstr (cr_review_change_get_new_value (change), ==, "+32 470 04 00 00");
  g_assert_false (cr_review_change_get_conflict (change));
  g_assert_true (cr_review_change_get_accepted (change));
  {
    g_autofree char *text = cr_review_change_describe (change);

    g_assert_nonnull (strstr (text, "Hendrik Proef: Mobile “+32 4 070 04” becomes “+32 470 04 00 00”"));
  }

  /* Both sides changed the desk's function: a conflict, rejected. */
  change = find_change (changes, CR_REVIEW_CHANGE_FIELD, "Dispatching Midi");
  g_assert_nonnull (change);
  g_assert_cmpstr (cr_review_change_get_old_value (change), ==, "Central desk");
  g_assert_cmpstr (cr_review_change_get_new_value (change), ==, "Dispatch (24/7)");
  g_assert_true (cr_review_change_get_conflict (change));
  g_assert_false (cr_review_change_get_accepted (change));

  g_assert_nonnull (find_change (changes, CR_REVIEW_CHANGE_ADD_CONTACT, "Nouvelle Recrue"));
  g_assert_nonnull (find_change (changes, CR_REVIEW_CHANGE_CONFIRM, "Nouvelle Recrue"));
  g_assert_nonnull (find_change (changes, CR_REVIEW_CHANGE_CONFIRM, "Gaëlle Modèle"));
  change = find_change (changes, CR_REVIEW_CHANGE_SPOC_CHAIN, NULL);
  g_assert_nonnull (change);
  g_assert_cmpstr (cr_review_change_get_old_value (change), ==, "Gaëlle Modèle, Hendrik Proef");
  g_assert_cmpstr (cr_review_change_get_new_value (change), ==, "Gaëlle Modèle, Hendrik Proef, Nouvelle Recrue");
  /* The operator keeps the contact the SPOC removed. */
  change = find_change (changes, CR_REVIEW_CHANGE_REMOVE_CONTACT, "Parti Ailleurs");
  g_assert_nonnull (change);
  cr_review_change_set_accepted (change, FALSE);
  /* Gaëlle's address is not a change: the SPOC left it as exported. */
  g_assert_null (find_change (changes, CR_REVIEW_CHANGE_FIELD, "Gaëlle Modèle"));

  g_assert_true (cr_review_import_apply (import, c.store, &n_applied, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_applied, ==, 5);

  {
    g_autoptr(CrContact) hendrik = cr_store_get (c.store, CR_TYPE_CONTACT, c.hendrik, NULL);
    g_autoptr(CrContact) desk = cr_store_get (c.store, CR_TYPE_CONTACT, c.desk, NULL);
    g_autoptr(CrContact) gaelle = cr_store_get (c.store, CR_TYPE_CONTACT, c.gaelle, NULL);
    g_autoptr(CrContact) recrue = cr_store_get (c.store, CR_TYPE_CONTACT, find_id (c.store, "Nouvelle Recrue"), NULL);
    g_autoptr(CrContact) old = cr_store_get (c.store, CR_TYPE_CONTACT, c.old, NULL);

    g_assert_cmpstr (cr_contact_get_phone_mobile (hendrik), ==, "+32 470 04 00 00");
    /* Not confirmed by the SPOC: its verification is the old one. */
    g_assert_cmpint (g_date_time_get_month (cr_contact_get_verified_at (hendrik)), ==, 3);
    g_assert_cmpstr (cr_contact_get_function (desk), ==, "Central desk");
    /* Accepted confirmations set "last verified": the SPOC's time and name. */
    g_assert_true (g_date_time_equal (cr_contact_get_verified_at (gaelle), reviewed_at));
    g_assert_cmpstr (cr_contact_get_verified_by (gaelle), ==, "Gaëlle Modèle");
    g_assert_cmpstr (cr_contact_get_email (gaelle), ==, "g.modele@pzmidi.example");
    g_assert_nonnull (recrue);
    g_assert_cmpint (cr_contact_get_partner_id (recrue), ==, c.partner);
    g_assert_true (g_date_time_equal (cr_contact_get_verified_at (recrue), reviewed_at));
    g_assert_nonnull (old);
    chain = cr_store_list_spoc_chain (c.store, c.partner, NULL);
    g_assert_cmpuint (g_list_model_get_n_items (chain), ==, 3);
    g_assert_cmpint (cr_store_get_spoc_rank (c.store, c.partner, cr_record_get_id (CR_RECORD (recrue)), NULL), ==, 2);
  }
  centre_clear (&c);
}

/* The SPOC can stop and go on: the saved review opens again as left. */
static void
test_session_resume (void)
{
  Centre c;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) at = g_date_time_new_utc (2024, 9, 20, 14, 30, 0);
  g_autoptr(CrReviewSession) session = NULL;
  g_autoptr(CrReviewFile) file = NULL;
  g_autofree char *folder = NULL;
  CrStore *store;
  gint64 recrue;

  centre_init (&c);
  spoc_reviews (c.path, at);
  session = cr_review_session_open (c.path, &error);
  g_assert_no_error (error);
  store = cr_review_session_get_store (session);
  g_assert_cmpstr (cr_review_session_get_reviewer (session), ==, "Gaëlle Modèle");
  g_assert_cmpint (cr_store_count (store, CR_TYPE_CONTACT, NULL, 0, NULL), ==, 4);
  g_assert_cmpint (find_id (store, "Parti Ailleurs"), ==, 0);
  recrue = find_id (store, "Nouvelle Recrue");
  g_assert_cmpint (recrue, >, c.old);
  g_assert_true (cr_review_session_is_confirmed (session, recrue));
  g_assert_true (cr_review_session_is_confirmed (session, c.gaelle));
  g_assert_false (cr_review_session_is_confirmed (session, c.hendrik));
  g_assert_cmpint (cr_store_get_spoc_rank (store, c.partner, recrue, NULL), ==, 2);

  /* Saving again keeps one new contact, under the same number. */
  g_assert_true (cr_review_session_confirm_all (session, at, &error));
  g_assert_true (cr_review_session_save (session, at, &error));
  g_assert_no_error (error);
  file = cr_review_file_load (c.path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (file->reviewed_contacts->len, ==, 4);
  g_assert_nonnull (cr_review_file_find_contact (file->reviewed_contacts, -1));
  g_assert_null (cr_review_file_find_contact (file->reviewed_contacts, -2));
  g_assert_cmpuint (file->confirmations->len, ==, 4);
  g_assert_cmpuint (file->contacts->len, ==, 4);

  /* The session's own database goes with the session. */
  folder = g_path_get_dirname (cr_store_get_path (store));
  g_assert_true (g_file_test (folder, G_FILE_TEST_IS_DIR));
  g_clear_object (&session);
  g_assert_false (g_file_test (folder, G_FILE_TEST_EXISTS));
  centre_clear (&c);
}

static void
test_errors (void)
{
  Centre c;
  g_autoptr(GError) error = NULL;
  g_autofree char *exported = NULL;
  static const struct
  {
    const char *text;
    CrReviewError code;
  } files[] = {
    { "not json at all", CR_REVIEW_ERROR_INVALID },
    { "{\"format\": \"crisis-room-demo\", \"version\": 1}", CR_REVIEW_ERROR_INVALID },
    { "{\"format\": \"crisis-room-review\", \"version\": 2}", CR_REVIEW_ERROR_TOO_NEW },
    { "{\"format\": \"crisis-room-review\", \"version\": 1, \"partner\": {\"id\": 3, \"name\": \"P\"},"
      " \"contacts\": [{\"id\": 4}], \"spoc\": []}", CR_REVIEW_ERROR_INVALID },
    { "{\"format\": \"crisis-room-review\", \"version\": 1, \"partner\": {\"id\": 3, \"name\": \"P\"},"
      " \"contacts\": [{\"id\": 4, \"name\": \"A\"}], \"spoc\": [5]}", CR_REVIEW_ERROR_INVALID },
    { "{\"format\": \"crisis-room-review\", \"version\": 1, \"partner\": {\"id\": 3, \"name\": \"P\"},"
      " \"contacts\": [{\"id\": 4, \"name\": \"A\", \"availability\": \"sometimes\"}]}", CR_REVIEW_ERROR_INVALID },
    { "{\"format\": \"crisis-room-review\", \"version\": 1, \"partner\": {\"id\": 3, \"name\": \"P\"},"
      " \"contacts\": [], \"review\": {\"reviewed_at\": \"2024-09-01T00:00:00Z\","
      " \"contacts\": [{\"id\": 9, \"name\": \"Not exported\"}]}}", CR_REVIEW_ERROR_INVALID },
  };

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autoptr(CrReviewFile) file = cr_review_file_parse (files[i].text, strlen (files[i].text), &error);

      g_assert_null (file);
      g_assert_error (error, CR_REVIEW_ERROR, (int) files[i].code);
      g_clear_error (&error);
    }

  centre_init (&c);
  /* Imported before the SPOC reviewed it. */
  {
    g_autoptr(CrReviewImport) import = cr_review_import_load (c.store, c.path, &error);

    g_assert_null (import);
    g_assert_error (error, CR_REVIEW_ERROR, CR_REVIEW_ERROR_NOT_REVIEWED);
    g_assert_nonnull (strstr (error->message, "Zone de police Midi"));
    g_clear_error (&error);
  }
  /* Into a database without that partner. */
  spoc_reviews (c.path, NULL);
  {
    g_autoptr(CrStore) other = cr_test_open_store ();
    g_autoptr(CrReviewImport) import = cr_review_import_load (other, c.path, &error);

    g_assert_null (import);
    g_assert_error (error, CR_REVIEW_ERROR, CR_REVIEW_ERROR_PARTNER);
    g_clear_error (&error);
  }
  /* The same name in other capitals is still the same partner. */
  {
    g_autoptr(CrPartner) partner = cr_store_get (c.store, CR_TYPE_PARTNER, c.partner, NULL);
    g_autoptr(CrReviewImport) import = NULL;

    cr_partner_set_name (partner, "ZONE DE POLICE MIDI");
    g_assert_true (cr_store_update (c.store, CR_RECORD (partner), NULL));
    import = cr_review_import_load (c.store, c.path, &error);
    g_assert_no_error (error);
    g_assert_cmpint (cr_review_import_get_partner_id (import), ==, c.partner);
  }
  centre_clear (&c);
}

static void
test_cli (void)
{
  Centre c;
  g_autofree char *bad = cr_test_tmp_path ("bad.crreview");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  centre_init (&c);
  g_assert_true (g_file_set_contents (bad, "{\"format\": \"crisis-room-review\"}", -1, NULL));
  /* A good file opens the review window: tests/test-review-window.c. */
  {
    const char *argv[] = { cr_test_app_binary (), "--review", bad, NULL };

    g_assert_cmpint (cr_test_run (argv, &out, &err), ==, 1);
    g_assert_nonnull (strstr (err, "bad.crreview"));
    g_assert_nonnull (strstr (err, "ask the crisis centre"));
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
  }
  {
    const char *argv[] = { cr_test_app_binary (), "--review", c.path, "--database", bad, NULL };

    g_assert_cmpint (cr_test_run (argv, &out, &err), ==, 2);
  }
  centre_clear (&c);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/review/rules", test_rules);
  g_test_add_func ("/review/period", test_period);
  g_test_add_func ("/review/fixes", test_fixes);
  g_test_add_func ("/review/demo", test_demo);
  g_test_add_func ("/review/round-trip", test_round_trip);
  g_test_add_func ("/review/session-resume", test_session_resume);
  g_test_add_func ("/review/errors", test_errors);
  g_test_add_func ("/review/cli", test_cli);

  return g_test_run ();
}
