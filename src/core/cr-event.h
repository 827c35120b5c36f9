/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cr-enums.h"
#include "cr-record.h"

G_BEGIN_DECLS

#define CR_TYPE_EVENT (cr_event_get_type ())
G_DECLARE_FINAL_TYPE (CrEvent, cr_event, CR, EVENT, CrRecord)

CrEvent      *cr_event_new             (void);
const char   *cr_event_get_name        (CrEvent *self);
void          cr_event_set_name        (CrEvent    *self,
                                        const char *value);
CrEventKind   cr_event_get_kind        (CrEvent *self);
void          cr_event_set_kind        (CrEvent     *self,
                                        CrEventKind value);
CrEventStatus cr_event_get_status      (CrEvent *self);
void          cr_event_set_status      (CrEvent       *self,
                                        CrEventStatus value);
GDateTime    *cr_event_get_starts      (CrEvent *self);
void          cr_event_set_starts      (CrEvent   *self,
                                        GDateTime *value);
GDateTime    *cr_event_get_ends        (CrEvent *self);
void          cr_event_set_ends        (CrEvent   *self,
                                        GDateTime *value);
const char   *cr_event_get_description (CrEvent *self);
void          cr_event_set_description (CrEvent    *self,
                                        const char *value);
gboolean      cr_event_get_archived    (CrEvent *self);
void          cr_event_set_archived    (CrEvent  *self,
                                        gboolean value);
gint64        cr_event_get_version     (CrEvent *self);
void          cr_event_set_version     (CrEvent *self,
                                        gint64  value);

G_END_DECLS
