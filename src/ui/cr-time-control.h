/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define CR_TYPE_TIME_CONTROL (cr_time_control_get_type ())
G_DECLARE_FINAL_TYPE (CrTimeControl, cr_time_control, CR, TIME_CONTROL, GtkWidget)

CrTimeControl *cr_time_control_new        (void);
void           cr_time_control_set_span   (CrTimeControl *self,
                                           GDateTime     *start,
                                           GDateTime     *end);
GDateTime     *cr_time_control_get_time   (CrTimeControl *self);
void           cr_time_control_set_time   (CrTimeControl *self,
                                           GDateTime     *time);
gboolean       cr_time_control_get_playing (CrTimeControl *self);
void           cr_time_control_set_playing (CrTimeControl *self,
                                            gboolean       playing);
void           cr_time_control_step       (CrTimeControl *self,
                                           GTimeSpan      span);

G_END_DECLS
