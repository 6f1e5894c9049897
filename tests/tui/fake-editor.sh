#!/bin/sh
# tests/tui/fake-editor.sh FILE - a stand-in for $EDITOR in the scripted
# sessions: edits the brief in FILE with sed, as a person would in vi.
# FAKE_EDITOR says what to do (default: write):
#   write   fill three sections (one of them two lines long), once
#   bad     add a heading that is no section ("## Pricing"); run again on a
#           file holding it, it renames it to a real one, as a person
#           fixing the mistake would
#   keep    change nothing
#   fail    exit 1 without touching the file
set -eu
file=${1:?usage: fake-editor.sh FILE}
case ${FAKE_EDITOR:-write} in
write)
	# once: a second run on its own text changes nothing
	grep -q '^Three co-sold deals' "$file" && exit 0
	sed -i \
		-e '/^## Partner relationship history$/a\
Three co-sold deals since 2024; the alliances lead is the sponsor.' \
		-e '/^## Recommended next step$/a\
Joint discovery call with the plant IT lead this week.\
Send the reference architecture first.' \
		-e '/^## Named contacts$/a\
Contact 4 (customer); alliances@harbor.example (partner)' \
		"$file"
	;;
bad)
	if grep -q '^## Pricing$' "$file"; then
		sed -i -e 's/^## Pricing$/## Competitive context/' -e '0,/^## Competitive context$/{/^## Competitive context$/d}' "$file"
	else
		printf '\n## Pricing\nList price, no discount.\n' >>"$file"
	fi
	;;
keep)
	;;
fail)
	exit 1
	;;
*)
	echo "fake-editor.sh: unknown FAKE_EDITOR '$FAKE_EDITOR'" >&2
	exit 2
	;;
esac
