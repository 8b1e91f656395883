-- Driven by test/editors/neovim.sh: Neovim's own LSP client (0.7+, no plugins) against `trial lsp`.
-- Writes what it saw to $OUT, one fact a line, for the shell script to compare with the CLI.
local out = assert(io.open(os.getenv('OUT'), 'w'))
local function say(...) out:write(table.concat({ ... }, ' ') .. '\n') end

vim.cmd('edit ' .. os.getenv('FILE'))
vim.bo.filetype = 'trial'
local id = vim.lsp.start_client({ name = 'trial', cmd = { 'node', os.getenv('CLI'), 'lsp' }, root_dir = os.getenv('DIR') })
vim.lsp.buf_attach_client(0, id)

local got = vim.wait(30000, function() return #vim.diagnostic.get(0) > 0 end, 50)
if not got then say('ERROR no diagnostics'); out:close(); vim.cmd('qa!') end
for _, d in ipairs(vim.diagnostic.get(0)) do
  say('diag', d.lnum + 1, d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code) or '-')
end

-- Completion after `type ` in an arm: Neovim 0.7 declares no snippet support, so no snippet may come back.
local client = vim.lsp.get_client_by_id(id)
local function request(method, params)
  local res = vim.lsp.buf_request_sync(0, method, params, 10000)
  return res and res[id] and res[id].result
end
local lines = vim.api.nvim_buf_get_lines(0, 0, -1, false)
local function find(pattern)
  for i, l in ipairs(lines) do local c = l:find(pattern, 1, true); if c then return i - 1, c - 1 end end
end
local tl, tc = find('type active comparator')
local items = request('textDocument/completion', { textDocument = { uri = vim.uri_from_bufnr(0) }, position = { line = tl, character = tc + 5 } })
items = items and (items.items or items) or {}
local snippets = 0
for _, it in ipairs(items) do if it.insertTextFormat == 2 then snippets = snippets + 1 end end
say('completion', #items, 'snippets', snippets)

-- Hover on a unit.
local hl, hc = find('mg/kg/d')
local h = request('textDocument/hover', { textDocument = { uri = vim.uri_from_bufnr(0) }, position = { line = hl, character = hc + 1 } })
say('hover', h and h.contents and (h.contents.value or ''):gsub('\n', ' '):sub(1, 60) or 'none')

-- A code action on the misspelt site status, on a line with non-ASCII text before it, with the diagnostics
-- Neovim itself sends back (its columns as it stores them).
local sl = find('status recruting')
local line_diags = vim.lsp.diagnostic.get_line_diagnostics(0, sl)
local sc = lines[sl + 1]:find('recruting', 1, true) - 1
local actions = request('textDocument/codeAction', {
  textDocument = { uri = vim.uri_from_bufnr(0) },
  range = { start = { line = sl, character = sc }, ['end'] = { line = sl, character = sc } },
  context = { diagnostics = line_diags },
}) or {}
local fix = '-'
for _, a in ipairs(actions) do if a.title:find('recruiting', 1, true) then fix = a.title end end
say('codeaction', fix)
say('client', client and client.name or '-')
out:close()
vim.lsp.stop_client(id)
vim.cmd('qa!')
