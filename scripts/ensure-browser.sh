#!/bin/sh
# Make sure headless Debian Chromium is installed for the browser tests (tests/views).
# Exits 0 at once when /usr/bin/chromium exists; otherwise installs chromium and
# chromium-driver with apt-get (needs root). Playwright never downloads a browser here.
set -eu
if [ -x /usr/bin/chromium ]; then
    exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then
        SUDO=sudo
    else
        echo "ensure-browser: /usr/bin/chromium is missing and this is not root;" \
             "install it with: apt-get install -y chromium chromium-driver" >&2
        exit 1
    fi
else
    SUDO=
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update
$SUDO apt-get install -y --no-install-recommends chromium chromium-driver
test -x /usr/bin/chromium
