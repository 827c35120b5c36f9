/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* Domain enumerations. The store keeps each value as its GEnum nick
 * (readable text in QGIS), so a nick is part of the file format:
 * never rename one, only add. */

typedef enum
{
  CR_EVENT_KIND_VISIT,             /*< nick=visit >*/
  CR_EVENT_KIND_DEMONSTRATION,     /*< nick=demonstration >*/
  CR_EVENT_KIND_SUMMIT,            /*< nick=summit >*/
  CR_EVENT_KIND_MATCH,             /*< nick=match >*/
  CR_EVENT_KIND_FESTIVAL,          /*< nick=festival >*/
  CR_EVENT_KIND_NATIONAL_DAY,      /*< nick=national-day >*/
  CR_EVENT_KIND_NEW_YEAR,          /*< nick=new-year >*/
  CR_EVENT_KIND_DELEGATION,        /*< nick=delegation >*/
  CR_EVENT_KIND_INCIDENT,          /*< nick=incident >*/
  CR_EVENT_KIND_EXERCISE,          /*< nick=exercise >*/
} CrEventKind;

typedef enum
{
  CR_EVENT_STATUS_PLANNING, /*< nick=planning >*/
  CR_EVENT_STATUS_READY,    /*< nick=ready >*/
  CR_EVENT_STATUS_ACTIVE,   /*< nick=active >*/
  CR_EVENT_STATUS_CLOSED,   /*< nick=closed >*/
} CrEventStatus;

typedef enum
{
  CR_KIND_GROUP_PERIMETER, /*< nick=perimeter >*/
  CR_KIND_GROUP_ITINERARY, /*< nick=itinerary >*/
  CR_KIND_GROUP_POINT,     /*< nick=point >*/
} CrKindGroup;

typedef enum
{
  CR_LINE_STYLE_SOLID,   /*< nick=solid >*/
  CR_LINE_STYLE_DASHED,  /*< nick=dashed >*/
  CR_LINE_STYLE_HATCHED, /*< nick=hatched >*/
} CrLineStyle;

typedef enum
{
  CR_PARTNER_TYPE_POLICE_ZONE,      /*< nick=police-zone >*/
  CR_PARTNER_TYPE_FIRE_EMS,         /*< nick=fire-ems >*/
  CR_PARTNER_TYPE_CIVIL_PROTECTION, /*< nick=civil-protection >*/
  CR_PARTNER_TYPE_COMMUNE,          /*< nick=commune >*/
  CR_PARTNER_TYPE_REGIONAL_BODY,    /*< nick=regional-body >*/
  CR_PARTNER_TYPE_FEDERAL_SERVICE,  /*< nick=federal-service >*/
  CR_PARTNER_TYPE_OTHER,            /*< nick=other >*/
} CrPartnerType;

typedef enum
{
  CR_AVAILABILITY_ALWAYS,       /*< nick=24-7 >*/
  CR_AVAILABILITY_OFFICE_HOURS, /*< nick=office-hours >*/
} CrAvailability;

typedef enum
{
  CR_DISCIPLINE_D1,    /*< nick=d1 >*/
  CR_DISCIPLINE_D2,    /*< nick=d2 >*/
  CR_DISCIPLINE_D3,    /*< nick=d3 >*/
  CR_DISCIPLINE_D4,    /*< nick=d4 >*/
  CR_DISCIPLINE_D5,    /*< nick=d5 >*/
  CR_DISCIPLINE_OTHER, /*< nick=other >*/
} CrDiscipline;

typedef enum
{
  CR_CELL_SITUATION,       /*< nick=situation >*/
  CR_CELL_OPERATIONS,      /*< nick=operations >*/
  CR_CELL_INFORMATION,     /*< nick=information >*/
  CR_CELL_PARTNER_LIAISON, /*< nick=partner-liaison >*/
  CR_CELL_LOGISTICS,       /*< nick=logistics >*/
  CR_CELL_LEGAL,           /*< nick=legal >*/
} CrCell;

typedef enum
{
  CR_ACTIVATION_LEVEL_MONITORING, /*< nick=monitoring >*/
  CR_ACTIVATION_LEVEL_PARTIAL,    /*< nick=partial >*/
  CR_ACTIVATION_LEVEL_FULL,       /*< nick=full >*/
} CrActivationLevel;

typedef enum
{
  CR_ITEM_STATE_OPEN,           /*< nick=open >*/
  CR_ITEM_STATE_DONE,           /*< nick=done >*/
  CR_ITEM_STATE_NOT_APPLICABLE, /*< nick=not-applicable >*/
} CrItemState;

typedef enum
{
  CR_LOG_CATEGORY_INFORMATION, /*< nick=information >*/
  CR_LOG_CATEGORY_DECISION,    /*< nick=decision >*/
  CR_LOG_CATEGORY_ACTION,      /*< nick=action >*/
  CR_LOG_CATEGORY_INCIDENT,    /*< nick=incident >*/
} CrLogCategory;

typedef enum
{
  CR_ALERT_CHANNEL_PHONE, /*< nick=phone >*/
  CR_ALERT_CHANNEL_SMS,   /*< nick=sms >*/
  CR_ALERT_CHANNEL_EMAIL, /*< nick=email >*/
} CrAlertChannel;

typedef enum
{
  CR_ALERT_OUTCOME_PENDING,       /*< nick=pending >*/
  CR_ALERT_OUTCOME_CONFIRMED,     /*< nick=confirmed >*/
  CR_ALERT_OUTCOME_NOT_CONFIRMED, /*< nick=not-confirmed >*/
  CR_ALERT_OUTCOME_NO_ANSWER,     /*< nick=no-answer >*/
  CR_ALERT_OUTCOME_UNREACHABLE,   /*< nick=unreachable >*/
} CrAlertOutcome;

const char *cr_enum_to_nick   (GType       enum_type,
                               int         value);
gboolean    cr_enum_from_nick (GType       enum_type,
                               const char *nick,
                               int        *value);

G_END_DECLS
