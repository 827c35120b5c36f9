/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-time"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cr-test-utils.h"
#include "cr-time.h"

/* Asserts that @text parses to the UTC instant @expected_utc (storage
 * form). */
static void
assert_parses_to (const char *text,
                  const char *expected_utc)
{
  g_autoptr(GDateTime) dt = cr_time_parse (text);
  g_autofree char *stored = NULL;

  if (dt == NULL)
    g_error ("“%s” did not parse", text);
  /* The result is in UTC. */
  g_assert_cmpint (g_date_time_get_utc_offset (dt), ==, 0);
  stored = cr_time_to_storage (dt);
  if (g_strcmp0 (stored, expected_utc) != 0)
    g_error ("“%s” parsed to %s, expected %s", text, stored, expected_utc);
}

static void
assert_not_a_time (const char *text)
{
  g_autoptr(GDateTime) dt = cr_time_parse (text);

  if (dt != NULL)
    {
      g_autofree char *stored = cr_time_to_storage (dt);

      g_error ("“%s” parsed to %s, expected nothing", text, stored);
    }
}

static void
test_storage_round_trip (void)
{
  const char *texts[] = {
    "2024-09-26T08:00:00.000Z",
    "2024-09-26T08:00:00.123Z",
    "1999-12-31T23:59:59.999Z",
    "2024-02-29T12:00:00.000Z",
    "2030-01-01T00:00:00.001Z",
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(GDateTime) dt = cr_time_from_storage (texts[i]);
      g_autofree char *back = NULL;

      g_assert_nonnull (dt);
      g_assert_cmpint (g_date_time_get_utc_offset (dt), ==, 0);
      back = cr_time_to_storage (dt);
      g_assert_cmpstr (back, ==, texts[i]);
    }

  /* Any zone is written as UTC, milliseconds always present. */
  {
    g_autoptr(GTimeZone) plus2 = g_time_zone_new_identifier ("+02:00");
    g_autoptr(GDateTime) dt = g_date_time_new (plus2, 2024, 9, 26, 10, 0, 0.5);
    g_autofree char *text = cr_time_to_storage (dt);

    g_assert_cmpstr (text, ==, "2024-09-26T08:00:00.500Z");
  }

  /* Microseconds are cut to milliseconds, never rounded up into the
   * next second. */
  {
    g_autoptr(GDateTime) dt = g_date_time_new_utc (2024, 12, 31, 23, 59, 59.9999);
    g_autofree char *text = cr_time_to_storage (dt);

    g_assert_cmpstr (text, ==, "2024-12-31T23:59:59.999Z");
  }

  /* Text written by other tools: an offset, or no fraction. */
  {
    g_autoptr(GDateTime) a = cr_time_from_storage ("2024-09-26T10:00:00+02:00");
    g_autoptr(GDateTime) b = cr_time_from_storage ("2024-09-26T08:00:00Z");
    g_autofree char *ta = cr_time_to_storage (a);
    g_autofree char *tb = cr_time_to_storage (b);

    g_assert_cmpstr (ta, ==, "2024-09-26T08:00:00.000Z");
    g_assert_cmpstr (tb, ==, "2024-09-26T08:00:00.000Z");
    g_assert_cmpint (g_date_time_get_utc_offset (a), ==, 0);
  }

  g_assert_null (cr_time_from_storage (NULL));
  g_assert_null (cr_time_from_storage (""));
  g_assert_null (cr_time_from_storage ("yesterday"));
  g_assert_null (cr_time_to_storage (NULL));
}

static void
test_parse_iso (void)
{
  /* With a zone: taken as written. */
  assert_parses_to ("2024-09-26T10:00:00Z", "2024-09-26T10:00:00.000Z");
  assert_parses_to ("2024-09-26T10:00:00.250Z", "2024-09-26T10:00:00.250Z");
  assert_parses_to ("2024-09-26T10:00:00+02:00", "2024-09-26T08:00:00.000Z");
  assert_parses_to ("2024-09-26T10:00:00-05:00", "2024-09-26T15:00:00.000Z");
  assert_parses_to ("2024-01-15T10:00:00+01:00", "2024-01-15T09:00:00.000Z");
  assert_parses_to ("  2024-09-26T10:00:00Z\n", "2024-09-26T10:00:00.000Z");

  /* Without a zone: Brussels time, summer +02:00, winter +01:00. */
  assert_parses_to ("2024-09-26T10:00:00", "2024-09-26T08:00:00.000Z");
  assert_parses_to ("2024-01-15T10:00:00", "2024-01-15T09:00:00.000Z");
  assert_parses_to ("2024-09-26T10:00", "2024-09-26T08:00:00.000Z");
  assert_parses_to ("2024-09-26 10:00", "2024-09-26T08:00:00.000Z");
  assert_parses_to ("2024-09-26T10:00Z", "2024-09-26T10:00:00.000Z");
  assert_parses_to ("2024-09-26T10:00+01:00", "2024-09-26T09:00:00.000Z");

  /* An ISO date alone: midnight in Brussels. */
  assert_parses_to ("2024-09-26", "2024-09-25T22:00:00.000Z");
  assert_parses_to ("2024-01-15", "2024-01-14T23:00:00.000Z");

  /* A space instead of the T, as spreadsheets write it. */
  assert_parses_to ("2024-09-26 10:00:00", "2024-09-26T08:00:00.000Z");
  assert_parses_to ("2024-01-15 10:00:00", "2024-01-15T09:00:00.000Z");
  assert_parses_to ("2024-09-26 10:00:00Z", "2024-09-26T10:00:00.000Z");
  assert_parses_to ("2024-09-26 10:00:00+02:00", "2024-09-26T08:00:00.000Z");
}

static void
test_parse_day_first (void)
{
  assert_parses_to ("26-09-2024 10:00:00", "2024-09-26T08:00:00.000Z");
  assert_parses_to ("15-01-2024 10:00:00", "2024-01-15T09:00:00.000Z");
  assert_parses_to ("26/09/2024 10:00", "2024-09-26T08:00:00.000Z");
  assert_parses_to ("15/01/2024 10:00", "2024-01-15T09:00:00.000Z");
  assert_parses_to ("26/09/2024 10:00:30", "2024-09-26T08:00:30.000Z");
  assert_parses_to ("26.09.2024 10:00", "2024-09-26T08:00:00.000Z");
  assert_parses_to ("1/2/2024 9:05", "2024-02-01T08:05:00.000Z");
  /* A date alone: midnight local time. */
  assert_parses_to ("26/09/2024", "2024-09-25T22:00:00.000Z");
  assert_parses_to ("26-09-2024", "2024-09-25T22:00:00.000Z");
}

static void
test_parse_garbage (void)
{
  const char *garbage[] = {
    "",
    "   ",
    "hello",
    "tomorrow 10:00",
    "2024",
    "2024-13-01",
    "2024-02-30",
    "2024-09-26T25:00:00Z",
    "32/01/2024 10:00",
    "29/02/2023 10:00",
    "26/13/2024 10:00",
    "26/09/2024 25:00",
    "26/09/2024 10:61",
    "26-09/2024 10:00",
    "26/09/2024 10",
    "26/09/2024 10:00 tomorrow",
    "26/09/2024T10:00",
    "10:00",
  };

  g_assert_null (cr_time_parse (NULL));
  for (guint i = 0; i < G_N_ELEMENTS (garbage); i++)
    assert_not_a_time (garbage[i]);
}

static void
test_parse_dst (void)
{
  /* 27 Oct 2024: 03:00 CEST becomes 02:00 CET. */
  assert_parses_to ("2024-10-27T01:30:00", "2024-10-26T23:30:00.000Z");
  assert_parses_to ("27/10/2024 01:30", "2024-10-26T23:30:00.000Z");
  assert_parses_to ("2024-10-27T03:30:00", "2024-10-27T02:30:00.000Z");
  assert_parses_to ("27/10/2024 03:30", "2024-10-27T02:30:00.000Z");
  assert_parses_to ("2024-10-26T12:00:00", "2024-10-26T10:00:00.000Z");
  assert_parses_to ("2024-10-28T12:00:00", "2024-10-28T11:00:00.000Z");
  /* 02:30 happens twice that night; either is a fair reading, but it
   * must be one of them. */
  {
    g_autoptr(GDateTime) dt = cr_time_parse ("27/10/2024 02:30");
    g_autofree char *text = NULL;

    g_assert_nonnull (dt);
    text = cr_time_to_storage (dt);
    g_assert_true (g_str_equal (text, "2024-10-27T00:30:00.000Z") ||
                   g_str_equal (text, "2024-10-27T01:30:00.000Z"));
  }

  /* 31 Mar 2024: 02:00 CET becomes 03:00 CEST. */
  assert_parses_to ("2024-03-31T01:30:00", "2024-03-31T00:30:00.000Z");
  assert_parses_to ("31/03/2024 01:30", "2024-03-31T00:30:00.000Z");
  assert_parses_to ("2024-03-31T03:30:00", "2024-03-31T01:30:00.000Z");
  assert_parses_to ("31-03-2024 03:30:00", "2024-03-31T01:30:00.000Z");
  assert_parses_to ("2024-03-30T12:00:00", "2024-03-30T11:00:00.000Z");
  assert_parses_to ("2024-04-01T12:00:00", "2024-04-01T10:00:00.000Z");
  /* 02:30 does not exist that night; whatever comes out lies between the
   * last winter and the first summer minute. */
  {
    g_autoptr(GDateTime) dt = cr_time_parse ("31/03/2024 02:30");
    g_autoptr(GDateTime) lo = g_date_time_new_utc (2024, 3, 31, 0, 30, 0);
    g_autoptr(GDateTime) hi = g_date_time_new_utc (2024, 3, 31, 1, 30, 0);

    g_assert_nonnull (dt);
    g_assert_cmpint (g_date_time_compare (dt, lo), >=, 0);
    g_assert_cmpint (g_date_time_compare (dt, hi), <=, 0);
  }
}

static void
test_format_local (void)
{
  static const struct
  {
    const char *utc;
    const char *local;
  } cases[] = {
    { "2024-09-26T08:00:00.000Z", "2024-09-26 10:00 +0200" },
    { "2024-01-15T09:00:00.000Z", "2024-01-15 10:00 +0100" },
    /* Both sides of the autumn change show 02:30, with their offsets. */
    { "2024-10-27T00:30:00.000Z", "2024-10-27 02:30 +0200" },
    { "2024-10-27T01:30:00.000Z", "2024-10-27 02:30 +0100" },
    /* Spring: 01:59 UTC+1 is followed by 03:00 UTC+2. */
    { "2024-03-31T00:59:00.000Z", "2024-03-31 01:59 +0100" },
    { "2024-03-31T01:00:00.000Z", "2024-03-31 03:00 +0200" },
    /* New Year's Eve: the local date is already the next year. */
    { "2024-12-31T23:30:00.000Z", "2025-01-01 00:30 +0100" },
  };

  /* The test environment runs in UTC, so any Brussels time below comes
   * from the app, not from the machine. */
  g_assert_cmpstr (g_getenv ("TZ"), ==, "UTC");

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GDateTime) dt = cr_time_from_storage (cases[i].utc);
      g_autofree char *text = cr_time_format_local (dt, "%Y-%m-%d %H:%M %z");

      g_assert_cmpstr (text, ==, cases[i].local);
    }
  g_assert_null (cr_time_format_local (NULL, "%H:%M"));

  /* The same instant, whatever zone the GDateTime carries. */
  {
    g_autoptr(GTimeZone) tokyo = g_time_zone_new_identifier ("Asia/Tokyo");
    g_autoptr(GDateTime) dt = g_date_time_new (tokyo, 2024, 9, 26, 17, 0, 0);
    g_autofree char *text = cr_time_format_local (dt, "%H:%M");

    g_assert_cmpstr (text, ==, "10:00");
  }

  /* Brussels, reported as such. */
  {
    GTimeZone *zone = cr_time_zone_local ();

    g_assert_nonnull (zone);
    g_assert_true (zone == cr_time_zone_local ());
    g_assert_cmpstr (g_time_zone_get_identifier (zone), ==, "Europe/Brussels");
  }
}

static void
test_now (void)
{
  g_autoptr(GDateTime) now = cr_time_now_utc ();
  g_autofree char *text = cr_time_to_storage (now);
  g_autoptr(GDateTime) back = cr_time_from_storage (text);

  g_assert_cmpint (g_date_time_get_utc_offset (now), ==, 0);
  g_assert_cmpuint (strlen (text), ==, strlen ("2024-09-26T08:00:00.000Z"));
  g_assert_true (g_str_has_suffix (text, "Z"));
  /* Storage keeps milliseconds: at most 1 ms lost. */
  g_assert_cmpint (g_date_time_difference (now, back), >=, 0);
  g_assert_cmpint (g_date_time_difference (now, back), <, 1000);
}

int
main (int   argc,
      char *argv[])
{
  /* The zone under test is the app's default, not an override. */
  g_unsetenv ("CR_TIME_ZONE");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/time/storage-round-trip", test_storage_round_trip);
  g_test_add_func ("/time/parse/iso", test_parse_iso);
  g_test_add_func ("/time/parse/day-first", test_parse_day_first);
  g_test_add_func ("/time/parse/garbage", test_parse_garbage);
  g_test_add_func ("/time/parse/dst", test_parse_dst);
  g_test_add_func ("/time/format-local", test_format_local);
  g_test_add_func ("/time/now", test_now);

  return g_test_run ();
}
