// The Trial view's script (loaded with the page's nonce; no eval, no inline handlers). It shows the
// fragments the extension renders, switches tabs, and asks the extension to move the cursor when an
// element that names its source line is clicked or activated with Enter/Space.
(function () {
  const vscode = acquireVsCodeApi();
  const state = vscode.getState() || { tab: 'calendar' };
  const tabs = Array.from(document.querySelectorAll('[role="tab"]'));
  const panels = { calendar: document.getElementById('calendar'), soa: document.getElementById('soa'), preview: document.getElementById('preview') };
  const title = document.getElementById('title');

  function select(name, focus) {
    if (!panels[name]) name = 'calendar';
    for (const t of tabs) {
      const on = t.dataset.tab === name;
      t.setAttribute('aria-selected', String(on));
      t.tabIndex = on ? 0 : -1;
      if (on && focus) t.focus();
    }
    for (const [key, panel] of Object.entries(panels)) panel.hidden = key !== name;
    state.tab = name;
    vscode.setState(state);
  }

  for (const t of tabs) {
    t.addEventListener('click', () => select(t.dataset.tab, false));
    t.addEventListener('keydown', (e) => {
      const i = tabs.indexOf(t);
      if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') {
        const next = tabs[(i + (e.key === 'ArrowRight' ? 1 : tabs.length - 1)) % tabs.length];
        select(next.dataset.tab, true);
        e.preventDefault();
      }
    });
  }

  function reveal(el) {
    const line = Number(el.getAttribute('data-line'));
    const character = Number(el.getAttribute('data-character'));
    if (Number.isInteger(line) && Number.isInteger(character)) vscode.postMessage({ type: 'reveal', line, character });
  }
  document.addEventListener('click', (e) => {
    const el = e.target instanceof Element ? e.target.closest('.src') : null;
    if (el) reveal(el);
  });
  document.addEventListener('keydown', (e) => {
    if (e.key !== 'Enter' && e.key !== ' ') return;
    const el = e.target instanceof Element ? e.target.closest('.src') : null;
    if (el) {
      reveal(el);
      e.preventDefault();
    }
  });

  window.addEventListener('message', (event) => {
    const m = event.data;
    if (!m || m.type !== 'update' || typeof m.calendar !== 'string') return;
    // The fragments are rendered by the extension from the core's data, every text escaped there.
    panels.calendar.innerHTML = m.calendar;
    panels.soa.innerHTML = m.soa;
    panels.preview.innerHTML = m.preview;
    title.textContent = m.title;
    document.body.dataset.version = String(m.version);
  });

  select(state.tab, false);
  vscode.postMessage({ type: 'ready' });
})();
