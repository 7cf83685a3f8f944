// The administrator's box: methods an application called that need confirmation, each with Allow and Deny. A decision
// is the portal's: the application gets ONAPPMETHODCONFIRM and the method runs (or is refused) for the token that asked.
'use strict';
window.CBH = window.CBH || {};

CBH.confirmations = (function () {
  let report = console.error;

  async function call(method, path, body) {
    const response = await fetch('api/' + path, {
      method, headers: method === 'GET' ? {} : { 'Content-Type': 'application/json' },
      body: method === 'GET' ? undefined : JSON.stringify(body || {}),
    });
    const data = await response.json().catch(() => ({}));
    if (!response.ok) throw new Error(data.error || `${method} ${path}: HTTP ${response.status}`);
    return data;
  }

  async function refresh() {
    const data = await call('GET', 'confirmations');
    const pending = data.confirmations.filter(c => c.state === 'pending');
    const box = document.getElementById('confirmations');
    const list = document.getElementById('confirmation-list');
    list.textContent = '';
    box.hidden = pending.length === 0;
    for (const c of pending) {
      const item = CBH.el('li');
      item.dataset.id = c.id;
      item.appendChild(CBH.el('span', 'method', c.method));
      item.appendChild(document.createTextNode(` · for ${c.userName || 'user ' + c.userId}`));
      item.appendChild(CBH.el('br'));
      for (const [label, allow] of [['Allow', true], ['Deny', false]]) {
        const b = CBH.el('button', allow ? 'allow' : 'deny', label);
        b.type = 'button';
        b.addEventListener('click', () => call('POST', `confirmations/${c.id}`, { allow }).then(refresh).catch(report));
        item.appendChild(b);
      }
      list.appendChild(item);
    }
  }

  function init(onError) {
    report = onError;
    refresh().catch(report);
  }

  return { init, refresh };
})();
