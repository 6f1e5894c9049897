# A stand-in $EDITOR: writes two sections of the brief given as $1.
set -e
sed -i -e '/^## Partner relationship history/a\
Two joint wins with this partner in the last year.' \
	-e '/^## Recommended next step/a\
Discovery call with the VP Operations this week.' "$1"
