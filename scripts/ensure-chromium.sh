#!/usr/bin/env bash
# Makes sure a Chromium exists for the browser tests. A fresh machine has none: install
# Debian's package (the only browser build this network can fetch), unless CHROME_PATH
# already names a browser.
set -euo pipefail
if [ -n "${CHROME_PATH:-}" ] && [ -x "${CHROME_PATH}" ]; then exit 0; fi
if [ -x /usr/bin/chromium ]; then exit 0; fi
echo "Chromium is missing: installing Debian's chromium with apt-get (about 30 s)..."
sudo_if_needed=()
if [ "$(id -u)" != "0" ]; then sudo_if_needed=(sudo); fi
"${sudo_if_needed[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${sudo_if_needed[@]}" apt-get install -y -qq chromium >/dev/null
test -x /usr/bin/chromium || { echo "Chromium did not install: /usr/bin/chromium is missing." >&2; exit 1; }
