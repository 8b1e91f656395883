#!/usr/bin/env bash
# Neovim (Debian's `neovim` package, installed by name if missing) with its built-in LSP client against
# `trial lsp`: the same diagnostics as `trial check` (line and code), completion without snippets for a client
# that has no snippet support, a hover, and a quick fix on a line with non-ASCII text before the diagnostic.
# Needs `npm run build` first. Exits non-zero on any difference.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
if ! command -v nvim >/dev/null; then
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo -n"
  echo "neovim: apt-get install neovim"
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends neovim >/dev/null
fi
echo "neovim: $(nvim --version | head -1)"
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
file="$work/sample.trial"
cp "$ROOT/examples/NCT04743739.trial" "$file"
# A misspelt site status after non-ASCII text on the same line (Ürümqi): the quick-fix case of docs/editors.md.
sed -i 's/^\(site "The First Affiliated Hospital of Xinjiang Medical University" in "Ürümqi", "Xinjiang", "China"\)$/\1 status recruting/' "$file"
grep -q 'status recruting' "$file" || { echo "neovim: could not prepare the sample"; exit 1; }
OUT="$work/nvim.out" FILE="$file" CLI="$ROOT/dist/cli.js" DIR="$work" \
  timeout 120 nvim --headless -u NONE -i NONE -n -c "luafile $ROOT/test/editors/neovim.lua" >/dev/null 2>&1 || true
[ -s "$work/nvim.out" ] || { echo "neovim: no output from the Lua driver"; exit 1; }
fail=0
grep '^diag ' "$work/nvim.out" | awk '{print $2, $3}' | sort > "$work/nvim.diags"
{ node "$ROOT/dist/cli.js" check "$file" --format json || true; } | node -e '
  const items = JSON.parse(require("fs").readFileSync(0, "utf8"));
  for (const d of items) console.log(`${d.range.start.line + 1} ${d.code}`);' | sort > "$work/cli.diags"
if diff -u "$work/cli.diags" "$work/nvim.diags"; then echo "neovim: diagnostics = trial check ($(wc -l < "$work/cli.diags") diagnostics)"; else echo "neovim: diagnostics differ from trial check"; fail=1; fi
comp=$(grep '^completion ' "$work/nvim.out")
echo "neovim: $comp"
[[ $comp =~ ^completion\ ([0-9]+)\ snippets\ 0$ ]] && [ "${BASH_REMATCH[1]}" -gt 0 ] || { echo "neovim: expected completion items and no snippets"; fail=1; }
hover=$(grep '^hover ' "$work/nvim.out"); echo "neovim: $hover"
[[ $hover == *milligram* ]] || { echo "neovim: the hover on mg/kg/d does not name the unit"; fail=1; }
action=$(grep '^codeaction ' "$work/nvim.out"); echo "neovim: $action"
[[ $action == *recruiting* ]] || { echo "neovim: no quick fix on the line with non-ASCII text"; fail=1; }
exit $fail
