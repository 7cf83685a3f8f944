// BB-code to HTML (imbot.v2 spec §6.2). Safety first: the whole text is HTML-escaped before any tag is recognised,
// and a tag becomes markup only through the fixed templates below, with URLs, colours and sizes checked by pattern.
'use strict';
window.CBH = window.CBH || {};

CBH.escapeHtml = function (text) {
  return String(text).replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
};

CBH.unescapeHtml = function (html) {
  return String(html).replace(/&(amp|lt|gt|quot|#39);/g, (m, e) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" }[e]));
};

CBH.bbcode = (function () {
  // Applied to escaped text, so quotes and angle brackets are already entities here. Values put into attributes may
  // hold no bracket, so a later pass can never find a tag inside an attribute and break out of its quotes.
  const safeUrl = url => /^(https?:\/\/|\/)[^\s\[\]<>"']*$/i.test(url) ? url : null;
  const color = c => /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.test(c) ? c : null;
  const link = (url, label) => {
    const href = safeUrl(url.trim());
    return href ? `<a class="bb-link" href="${href}" target="_blank" rel="noopener noreferrer">${label}</a>` : label;
  };
  const action = (kind, value, label) =>
    `<a class="bb-action" data-action="${kind}" data-value="${encodeURIComponent(CBH.unescapeHtml(value))}">${label}</a>`;

  const simple = [
    [/\[b\]([\s\S]*?)\[\/b\]/gi, '<b>$1</b>'],
    [/\[i\]([\s\S]*?)\[\/i\]/gi, '<i>$1</i>'],
    [/\[u\]([\s\S]*?)\[\/u\]/gi, '<u>$1</u>'],
    [/\[s\]([\s\S]*?)\[\/s\]/gi, '<s>$1</s>'],
    // Sizes and colours travel as data attributes and are applied by CBH.wireBbActions: the page's policy forbids inline styles.
    [/\[size=(\d{1,2})\]([\s\S]*?)\[\/size\]/gi, (m, n, t) => `<span data-size="${Math.min(30, Math.max(8, +n))}">${t}</span>`],
    [/\[color=([^\]]+)\]([\s\S]*?)\[\/color\]/gi, (m, c, t) => color(c) ? `<span data-color="${color(c)}">${t}</span>` : t],
    [/\[url=([^\]]+)\]([\s\S]*?)\[\/url\]/gi, (m, u, t) => link(u, t)],
    [/\[url\]([\s\S]*?)\[\/url\]/gi, (m, u) => link(u, u)],
    [/\[user=all\]/gi, '<span class="bb-mention">@all</span>'],
    [/\[user=(\d+)\]([\s\S]*?)\[\/user\]/gi, (m, id, name) => `<span class="bb-mention" data-user="${id}">@${name}</span>`],
    [/\[user=(\d+)\]/gi, (m, id) => `<span class="bb-mention" data-user="${id}">@user ${id}</span>`],
    [/\[chat=([\w|]+)\]([\s\S]*?)\[\/chat\]/gi, '<span class="bb-mention">$2</span>'],
    [/\[context=[\w/]+\]([\s\S]*?)\[\/context\]/gi, '<span class="bb-mention">$1</span>'],
    [/\[put=([^\]]+)\]([\s\S]*?)\[\/put\]/gi, (m, v, t) => action('put', v, t)],
    [/\[put\]([\s\S]*?)\[\/put\]/gi, (m, t) => action('put', t, t)],
    [/\[send=([^\]]+)\]([\s\S]*?)\[\/send\]/gi, (m, v, t) => action('send', v, t)],
    [/\[send\]([\s\S]*?)\[\/send\]/gi, (m, t) => action('send', t, t)],
    [/\[call=([+\d\s()-]+)\]([\s\S]*?)\[\/call\]/gi, (m, n, t) => `<a class="bb-link" href="tel:${n.replace(/\s/g, '')}">${t}</a>`],
    [/\[call\]([+\d\s()-]+)\[\/call\]/gi, (m, n) => `<a class="bb-link" href="tel:${n.replace(/\s/g, '')}">${n}</a>`],
    [/\[img size=(small|medium|large)\]([^\s[]+)\s*\[\/img\]/gi,
      (m, size, u) => safeUrl(u) && /^https?:/i.test(u) ? `<img class="bb-img ${size}" src="${u}" alt="">` : u],
    [/\[icon=([^\s\]]+)[^\]]*\]/gi, (m, u) => safeUrl(u) && /^https?:/i.test(u) ? `<img class="bb-icon" src="${u}" alt="">` : ''],
    [/\[timestamp=(\d+)[^\]]*\]/gi, (m, t) => CBH.escapeHtml(new Date(+t * 1000).toLocaleString())],
    [/\[disk=(\d+)\]/gi, '[file #$1]'],
    [/\[br\]/gi, '\n'],
  ];

  function quotes(html) {
    // ">>line" quotes one line; a block between two "------" lines is a full quote.
    const lines = html.split('\n').map(l => l.startsWith('&gt;&gt;') ? `<blockquote>${l.slice(8)}</blockquote>` : l);
    return lines.join('\n').replace(/(^|\n)-{6,}\n([\s\S]*?)\n-{6,}(?=\n|$)/g, '$1<blockquote>$2</blockquote>')
      .replace(/<\/blockquote>\n/g, '</blockquote>');
  }

  return function (text) {
    let html = CBH.escapeHtml(text || '');
    const code = [];
    // [code] content stays verbatim: pulled out before any other tag is touched.
    html = html.replace(/\[code\]([\s\S]*?)\[\/code\]/gi, (m, body) => { code.push(body); return `\u0000${code.length - 1}\u0000`; });
    for (let pass = 0; pass < 3; pass++) {  // a few passes resolve nesting such as [b][i]..[/i][/b]
      for (const [pattern, replacement] of simple) html = html.replace(pattern, replacement);
    }
    html = quotes(html);
    return html.replace(/\u0000(\d+)\u0000/g, (m, i) => `<pre><code>${code[+i]}</code></pre>`);
  };
})();

// Finishes rendered BB-code: sizes and colours become styles, [put]/[send] links become actions (data attributes,
// never inline handlers).
CBH.wireBbActions = function (root, handlers) {
  root.querySelectorAll('[data-size]').forEach(e => { e.style.fontSize = `${Number(e.dataset.size)}px`; });
  root.querySelectorAll('[data-color]').forEach(e => {
    if (/^#([0-9a-f]{3}|[0-9a-f]{6})$/i.test(e.dataset.color)) e.style.color = e.dataset.color;
  });
  root.querySelectorAll('.bb-action').forEach(a => a.addEventListener('click', () => {
    const value = decodeURIComponent(a.dataset.value);
    if (a.dataset.action === 'send') handlers.send(value); else handlers.put(value);
  }));
};
