/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cr-time"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "cr-time.h"

/**
 * cr_time_zone_local:
 *
 * The zone times are shown in: Europe/Brussels, whatever the machine's own
 * zone (a wall screen in a data centre may run in UTC). CR_TIME_ZONE
 * overrides it, for tests.
 *
 * Returns: (transfer none): a zone that lives as long as the process
 */
GTimeZone *
cr_time_zone_local (void)
{
  static GTimeZone *zone;

  if (g_once_init_enter (&zone))
    {
      const char *id = g_getenv ("CR_TIME_ZONE");
      GTimeZone *tz = g_time_zone_new_identifier (id != NULL ? id : "Europe/Brussels");

      /* Without tzdata, fall back to the machine's zone rather than UTC. */
      if (tz == NULL)
        tz = g_time_zone_new_local ();
      g_once_init_leave (&zone, tz);
    }
  return zone;
}

GDateTime *
cr_time_now_utc (void)
{
  return g_date_time_new_now_utc ();
}

char *
cr_time_to_storage (GDateTime *dt)
{
  g_autoptr(GDateTime) utc = NULL;

  if (dt == NULL)
    return NULL;
  utc = g_date_time_to_utc (dt);
  return g_strdup_printf ("%04d-%02d-%02dT%02d:%02d:%02d.%03dZ",
                          g_date_time_get_year (utc), g_date_time_get_month (utc),
                          g_date_time_get_day_of_month (utc), g_date_time_get_hour (utc),
                          g_date_time_get_minute (utc), g_date_time_get_second (utc),
                          g_date_time_get_microsecond (utc) / 1000);
}

GDateTime *
cr_time_from_storage (const char *text)
{
  g_autoptr(GTimeZone) utc_zone = NULL;
  GDateTime *dt;

  if (text == NULL || *text == '\0')
    return NULL;
  utc_zone = g_time_zone_new_utc ();
  dt = g_date_time_new_from_iso8601 (text, utc_zone);
  if (dt != NULL)
    {
      GDateTime *utc = g_date_time_to_utc (dt);

      g_date_time_unref (dt);
      return utc;
    }
  return NULL;
}

/* "dd-mm-yyyy HH:MM[:SS]" or "dd/mm/yyyy …" in local time, as Belgian
 * spreadsheets and exports write them. */
static GDateTime *
parse_day_first (const char *text)
{
  int d, mo, y, h = 0, mi = 0, consumed = 0;
  double s = 0;
  char sep1, sep2;
  int n;

  n = sscanf (text, "%2d%c%2d%c%4d%n", &d, &sep1, &mo, &sep2, &y, &consumed);
  if (n < 5 || sep1 != sep2 || (sep1 != '-' && sep1 != '/' && sep1 != '.'))
    return NULL;
  text += consumed;
  if (*text != '\0')
    {
      int consumed2 = 0;

      n = sscanf (text, " %2d:%2d%n", &h, &mi, &consumed2);
      if (n < 2)
        return NULL;
      text += consumed2;
      if (*text == ':')
        {
          int consumed3 = 0;

          if (sscanf (text, ":%lf%n", &s, &consumed3) < 1)
            return NULL;
          text += consumed3;
        }
      if (*text != '\0')
        return NULL;
    }
  return g_date_time_new (cr_time_zone_local (), y, mo, d, h, mi, s);
}

/**
 * cr_time_parse:
 * @text: ISO 8601 ("2024-09-26T10:00:00Z", with an offset, or without a
 *   zone), an ISO date alone, or "dd-mm-yyyy HH:MM:SS"
 *
 * Times without a zone are read as Europe/Brussels local time, the way
 * the crisis centre writes them.
 *
 * Returns: (transfer full) (nullable): the time in UTC, or %NULL when
 *   @text is not a time
 */
GDateTime *
cr_time_parse (const char *text)
{
  g_autoptr(GDateTime) dt = NULL;
  g_autofree char *stripped = NULL;

  if (text == NULL)
    return NULL;
  stripped = g_strstrip (g_strdup (text));
  if (*stripped == '\0')
    return NULL;

  /* ISO date alone: midnight local time. */
  if (strlen (stripped) == 10 && stripped[4] == '-' && stripped[7] == '-')
    {
      int y, mo, d;

      if (sscanf (stripped, "%4d-%2d-%2d", &y, &mo, &d) == 3)
        dt = g_date_time_new (cr_time_zone_local (), y, mo, d, 0, 0, 0);
    }
  else
    {
      /* GLib wants the "T"; accept the common "YYYY-MM-DD HH:MM:SS" too. */
      if (strlen (stripped) > 10 && stripped[4] == '-' && stripped[10] == ' ')
        stripped[10] = 'T';
      dt = g_date_time_new_from_iso8601 (stripped, cr_time_zone_local ());
      /* GLib wants seconds, but "2024-09-26T10:00" is ISO 8601 too. */
      if (dt == NULL && strlen (stripped) >= 16 && stripped[10] == 'T' && stripped[13] == ':' &&
          (stripped[16] == '\0' || strchr ("Z+-", stripped[16]) != NULL))
        {
          g_autofree char *with_seconds = g_strdup_printf ("%.16s:00%s", stripped, stripped + 16);

          dt = g_date_time_new_from_iso8601 (with_seconds, cr_time_zone_local ());
        }
      if (dt == NULL)
        dt = parse_day_first (stripped);
    }
  if (dt == NULL)
    return NULL;
  return g_date_time_to_utc (dt);
}

char *
cr_time_format_local (GDateTime  *dt,
                      const char *format)
{
  g_autoptr(GDateTime) local = NULL;

  if (dt == NULL)
    return NULL;
  local = g_date_time_to_timezone (dt, cr_time_zone_local ());
  return g_date_time_format (local, format);
}
