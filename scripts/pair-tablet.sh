# Sourced by scripts/bench.sh and scripts/chaos.sh: pairs a kiosk tablet as a manager
# would, with the first pairing code the demo printed in a server's log.
#   pair_tablet <base url> <server log> <cookie jar>
# sets `center` (the tablet's center) and `cookie` (the tablet's cookie, name=value).
pair_tablet() {
  local code location
  code="$(grep -o 'kiosk/pair?code=[A-Z0-9-]*' "$2" | head -1 | cut -d= -f2)"
  location="$(curl -s -o /dev/null -c "$3" -w '%{redirect_url}' -d "code=$code" "$1/kiosk/pair")"
  center="$(printf '%s' "$location" | sed -E 's#.*/kiosk/([^/?]+).*#\1#')"
  cookie="$(awk '$6 == "frontdesk_kiosk" { print $6 "=" $7 }' "$3")"
  [ -n "$center" ] && [ -n "$cookie" ] || { echo "could not pair a tablet" >&2; return 1; }
}
