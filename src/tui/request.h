/* request.h - every action of the console, by name.
 *
 * Keys never reach a view directly: the keymap turns a key into a request,
 * the current view handles it first and generic code second (tig's model).
 * The same names are the `:` commands and the action names of the `keys`
 * groups in the config, so a binding, a command and a help line can never
 * disagree. Add an action here, with a one-line description: help, command
 * completion and the key check pick it up.
 *
 * REQ_(group, ID, "name", "description")
 */
#ifndef COSELLDESK_TUI_REQUEST_H
#define COSELLDESK_TUI_REQUEST_H

#include <stdbool.h>
#include <stddef.h>

#define TUI_REQUESTS(REQ_) \
	REQ_(REQ_GROUP_MOVE, MOVE_UP,        "move-up",        "Move the cursor one row up") \
	REQ_(REQ_GROUP_MOVE, MOVE_DOWN,      "move-down",      "Move the cursor one row down") \
	REQ_(REQ_GROUP_MOVE, PAGE_UP,        "page-up",        "Move the cursor one page up") \
	REQ_(REQ_GROUP_MOVE, PAGE_DOWN,      "page-down",      "Move the cursor one page down") \
	REQ_(REQ_GROUP_MOVE, HALF_PAGE_UP,   "half-page-up",   "Move the cursor half a page up") \
	REQ_(REQ_GROUP_MOVE, HALF_PAGE_DOWN, "half-page-down", "Move the cursor half a page down") \
	REQ_(REQ_GROUP_MOVE, FIRST,          "first",          "Move the cursor to the first row") \
	REQ_(REQ_GROUP_MOVE, LAST,           "last",           "Move the cursor to the last row") \
	\
	REQ_(REQ_GROUP_VIEW, VIEW_QUEUE,       "view-queue",       "Show the triage queue") \
	REQ_(REQ_GROUP_VIEW, VIEW_FORM,        "view-form",        "Show the scoring form of the selected intro") \
	REQ_(REQ_GROUP_VIEW, VIEW_BRIEF,       "view-brief",       "Show the tier and brief editor") \
	REQ_(REQ_GROUP_VIEW, VIEW_ESCALATIONS, "view-escalations", "Show the open escalations") \
	REQ_(REQ_GROUP_VIEW, VIEW_DASHBOARD,   "view-dashboard",   "Show the desk-lead dashboard") \
	REQ_(REQ_GROUP_VIEW, HELP,             "help",             "Show the keys of this view") \
	REQ_(REQ_GROUP_VIEW, VIEWS,            "views",            "Switch to a named view (limit, sort, columns)") \
	REQ_(REQ_GROUP_VIEW, TOGGLE_DETAIL,    "toggle-detail",    "Show or hide the detail pane") \
	\
	REQ_(REQ_GROUP_FIND, SORT,         "sort",         "Sort by a column") \
	REQ_(REQ_GROUP_FIND, SORT_REVERSE, "sort-reverse", "Reverse the sort order") \
	REQ_(REQ_GROUP_FIND, LIMIT,        "limit",        "Show only rows matching a query") \
	REQ_(REQ_GROUP_FIND, SEARCH,       "search",       "Search the rows as you type") \
	REQ_(REQ_GROUP_FIND, SEARCH_NEXT,  "search-next",  "Move to the next search match") \
	REQ_(REQ_GROUP_FIND, SEARCH_PREV,  "search-prev",  "Move to the previous search match") \
	\
	REQ_(REQ_GROUP_TAG, TAG,        "tag",        "Tag or untag the selected row") \
	REQ_(REQ_GROUP_TAG, TAG_QUERY,  "tag-query",  "Tag every row matching a query") \
	REQ_(REQ_GROUP_TAG, TAG_PREFIX, "tag-prefix", "Apply the next action to every tagged row") \
	REQ_(REQ_GROUP_TAG, UNTAG_ALL,  "untag-all",  "Clear every tag") \
	\
	REQ_(REQ_GROUP_ACT, OPEN,            "open",            "Open the selected row") \
	REQ_(REQ_GROUP_ACT, SCORE,           "score",           "Score the selected intro") \
	REQ_(REQ_GROUP_ACT, BRIEF,           "brief",           "Edit the tier and brief of the selected intro") \
	REQ_(REQ_GROUP_ACT, ESCALATE,        "escalate",        "Raise an escalation") \
	REQ_(REQ_GROUP_ACT, RESOLVE,         "resolve",         "Resolve the selected escalation with a note") \
	REQ_(REQ_GROUP_ACT, ROUTE,           "route",           "Route to an AE") \
	REQ_(REQ_GROUP_ACT, ACCEPT,          "accept",          "Accept the suggestion (tier, AE)") \
	REQ_(REQ_GROUP_ACT, DECLINE,         "decline",         "Decline with a reason") \
	REQ_(REQ_GROUP_ACT, ASSIGN,          "assign",          "Assign a pod or owner") \
	REQ_(REQ_GROUP_ACT, OVERRIDE_TIER,   "override-tier",   "Override the suggested tier, with a reason") \
	REQ_(REQ_GROUP_ACT, EDIT_EXTERNAL,   "edit-external",   "Edit the text in $VISUAL or $EDITOR") \
	REQ_(REQ_GROUP_ACT, EXPORT_MARKDOWN, "export-markdown", "Export the brief as markdown") \
	REQ_(REQ_GROUP_ACT, DIAL_UP,         "dial-up",         "Raise the PQL bar by one point") \
	REQ_(REQ_GROUP_ACT, DIAL_DOWN,       "dial-down",       "Lower the PQL bar by one point") \
	REQ_(REQ_GROUP_ACT, NEXT_FIELD,      "next-field",      "Move to the next field of the form") \
	REQ_(REQ_GROUP_ACT, PREV_FIELD,      "prev-field",      "Move to the previous field of the form") \
	REQ_(REQ_GROUP_ACT, SAVE,            "save",            "Save the changes") \
	REQ_(REQ_GROUP_ACT, CANCEL,          "cancel",          "Discard the changes (asks first), or stop the running job") \
	REQ_(REQ_GROUP_ACT, UNDO,            "undo",            "Undo the last edit or bulk action") \
	REQ_(REQ_GROUP_ACT, EXPORT,          "export",          "Write the rows of this view to a file (:export csv|json FILE)") \
	REQ_(REQ_GROUP_ACT, IMPORT,          "import",          "Import a CSV file in the background (:import KIND FILE)") \
	REQ_(REQ_GROUP_ACT, RESCORE,         "rescore",         "Rescore with the weights of the config, in the background") \
	\
	REQ_(REQ_GROUP_MISC, PROMPT,       "prompt",       "Open the : command prompt") \
	REQ_(REQ_GROUP_MISC, REFRESH,      "refresh",      "Reload the data of this view") \
	REQ_(REQ_GROUP_MISC, REDRAW,       "redraw",       "Redraw the screen") \
	REQ_(REQ_GROUP_MISC, QUIT,         "quit",         "Close this view; quit from the home view") \
	REQ_(REQ_GROUP_MISC, EXIT,         "exit",         "Quit the console") \
	REQ_(REQ_GROUP_MISC, SAVE_DISPLAY, "save-display", "Write the screen as text to a file (:save-display FILE)") \
	REQ_(REQ_GROUP_MISC, MOUSE,        "mouse",        "Turn mouse capture on or off (:mouse on|off)") \
	REQ_(REQ_GROUP_MISC, DOCTOR,       "doctor",       "Show the terminal, colours, locale, theme and files in use") \
	REQ_(REQ_GROUP_MISC, NONE,         "none",         "Do nothing (binding a key to it unbinds the key)")

enum request_group {
	REQ_GROUP_MOVE,
	REQ_GROUP_VIEW,
	REQ_GROUP_FIND,
	REQ_GROUP_TAG,
	REQ_GROUP_ACT,
	REQ_GROUP_MISC,
	REQ_GROUP_COUNT
};

enum request {
#define REQUEST_ENUM_(group, id, name, help) REQ_##id,
	TUI_REQUESTS(REQUEST_ENUM_)
#undef REQUEST_ENUM_
	REQ_COUNT,
	REQ_UNKNOWN = -1
};

/* One request as a view receives it. */
struct request_call {
	enum request id;     /* what to do */
	const char *arg;     /* text after the command name (":sort score"), or NULL */
	bool on_tagged;      /* a tag-prefix came first: act on every tagged row */
};

/* The name ("move-up"), NULL when out of range. */
const char *request_name(enum request r);
/* The one-line description. */
const char *request_help(enum request r);
/* The group the help screen files it under. */
enum request_group request_group_of(enum request r);
/* The group's title ("Moving", "Tagging"). */
const char *request_group_title(enum request_group g);
/* Parse a name (exact, or with '_' for '-', case-insensitive); REQ_UNKNOWN when unknown. */
enum request request_from_name(const char *name);
/* Parse the first n bytes of s as a name. */
enum request request_from_name_n(const char *s, size_t n);

#endif
