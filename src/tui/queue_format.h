/* queue_format.h - the words and numbers of a queue row, for the screen and
 * for :export, so both say the same thing. */
#ifndef COSELLDESK_TUI_QUEUE_FORMAT_H
#define COSELLDESK_TUI_QUEUE_FORMAT_H

#include <stdbool.h>
#include <stddef.h>

#include "coselldesk/domain.h"
#include "coselldesk/settings.h"
#include "coselldesk/store.h"

/* Dollars in a few characters: "$950", "$55K", "$1.2M", "$12M"; "-" unknown. */
void queue_format_money(long long dollars, char *buf, size_t size);

/* The mapping signal in a few letters: "mutual", "theirs", "ours",
 * "collide", "none". */
const char *queue_signal_short(enum mapping_signal sig);

/* The flags as letters: C conflict, D duplicate, E escalated, G gaming. */
void queue_format_flags(const struct queue_row *r, char *buf, size_t size);

/* One cell of a row as data (what :export writes): the text in buf, and
 * *number set when the column is a number (acv in whole dollars, score,
 * tier). *null is set when the row has no value there (unscored, unknown
 * ACV, no owner...). now is the clock the ages are counted from. */
void queue_format_value(const struct queue_row *r, enum settings_column c, long long now,
			char *buf, size_t size, bool *number, bool *null);

#endif
