// The raw events and REST calls panel: one line per activity entry, its masked JSON (and a webhook's raw form body)
// folded underneath.
'use strict';
window.CBH = window.CBH || {};

CBH.panel = (function () {
  const maxItems = 500;
  const list = () => document.getElementById('panel-list');
  const box = kind => kind === 'rest' ? 'panel-rest' : kind === 'typing' ? null : 'panel-events';
  const shown = kind => !box(kind) || document.getElementById(box(kind)).checked;
  const labels = { rest: 'REST', event: 'event', delivery: 'POST', typing: 'typing' };

  function add(entry) {
    const item = CBH.el('li', entry.kind);
    item.hidden = !shown(entry.kind);
    const details = CBH.el('details');
    const summary = CBH.el('summary');
    summary.appendChild(CBH.el('span', 'muted', entry.time + ' '));
    summary.appendChild(CBH.el('span', 'kind', labels[entry.kind] || entry.kind));
    summary.appendChild(document.createTextNode(' ' + entry.title));
    if (entry.kind === 'rest' || entry.kind === 'delivery') {
      const status = entry.status == null ? 'no answer' : entry.status;
      summary.appendChild(CBH.el('span', entry.error ? 'failed' : 'muted', ` → ${status}${entry.error ? ' ' + entry.error : ''}`));
    }
    if (entry.kind === 'typing') summary.appendChild(CBH.el('span', 'muted', ` bot ${entry.botId}, ${entry.seconds} s`));
    details.appendChild(summary);
    if (entry.body) details.appendChild(CBH.el('pre', '', JSON.stringify(entry.body, null, 2)));
    if (entry.raw) {
      details.appendChild(CBH.el('div', 'muted', 'Raw POST body (application/x-www-form-urlencoded):'));
      details.appendChild(CBH.el('pre', '', entry.raw));
    }
    item.appendChild(details);
    const ol = list();
    const atBottom = ol.scrollTop + ol.clientHeight >= ol.scrollHeight - 20;
    ol.appendChild(item);
    while (ol.children.length > maxItems) ol.removeChild(ol.firstChild);
    if (atBottom) ol.scrollTop = ol.scrollHeight;
  }

  function refilter() {
    for (const item of list().children) item.hidden = !shown(item.className);
  }

  function init() {
    const app = document.getElementById('app');
    if (localStorage.getItem('cbh.panel') === 'hidden') app.classList.add('panel-hidden');
    document.getElementById('panel-toggle').addEventListener('click', () => {
      app.classList.toggle('panel-hidden');
      localStorage.setItem('cbh.panel', app.classList.contains('panel-hidden') ? 'hidden' : 'shown');
    });
    document.getElementById('panel-events').addEventListener('change', refilter);
    document.getElementById('panel-rest').addEventListener('change', refilter);
    document.getElementById('panel-clear').addEventListener('click', () => { list().textContent = ''; });
  }

  return { add, init };
})();
