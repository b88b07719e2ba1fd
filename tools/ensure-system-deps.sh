#!/usr/bin/env bash
# Makes sure the Debian packages the test suite needs are present: Chromium for the browser
# tests, PostgreSQL for the PostgreSQL source tests, poppler-utils (pdftotext) to read the
# report's PDFs, and a Chinese font (fonts-wqy-microhei, 1.6 MB) without which Chromium draws the
# Chinese pages and PDFs as boxes (npm run report:pdf refuses to print them). As root it installs
# what is missing; otherwise it says exactly what to install and fails (a missing tool is never a
# skipped test).
set -euo pipefail

need=()
[ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ] || need+=(chromium)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
command -v pdftotext >/dev/null 2>&1 || need+=(poppler-utils)
# fontconfig's own list is what Chromium sees on Linux; any font covering Simplified Chinese will do.
[ -n "$(fc-list ':lang=zh-cn' 2>/dev/null)" ] || need+=(fonts-wqy-microhei)
[ ${#need[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -ne 0 ]; then
  echo "The tests need Debian packages that are not installed: ${need[*]}" >&2
  echo "Install them with:  sudo apt-get update && sudo apt-get install -y ${need[*]}" >&2
  exit 1
fi
echo "Installing ${need[*]} from Debian (needed by the tests)..." >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
