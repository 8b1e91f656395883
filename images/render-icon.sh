#!/usr/bin/env bash
# Renders images/icon.svg to the 128×128 images/icon.png the marketplace needs (vsce refuses an SVG icon),
# with Debian's chromium (apt-get install chromium) headless. Run after editing the SVG; commit both.
set -euo pipefail
cd "$(dirname "$0")"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
printf '<html><body style="margin:0"><img src="file://%s/icon.svg" width="128" height="128"></body></html>' "$PWD" > "$tmp/icon.html"
chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --default-background-color=00000000 \
  --window-size=128,128 --screenshot="$tmp/icon.png" "file://$tmp/icon.html" 2>/dev/null
mv "$tmp/icon.png" icon.png
echo "images/icon.png: $(file -b icon.png)"
