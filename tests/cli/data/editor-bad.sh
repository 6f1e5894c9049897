# A stand-in $EDITOR that adds a section the brief does not have.
set -e
printf '\n## Pricing\n\nA discount was promised.\n' >>"$1"
