// Keyboards (spec §6.3) and attachments (spec §6.4), built as DOM nodes: bot-supplied strings only ever become text,
// checked URLs, or BB-code rendered by CBH.bbcode.
'use strict';
window.CBH = window.CBH || {};

CBH.el = function (tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined && text !== null) node.textContent = String(text);
  return node;
};

CBH.hex = c => typeof c === 'string' && /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.test(c) ? c : null;
CBH.httpUrl = u => typeof u === 'string' && /^(https?:\/\/|\/)[^\s]*$/i.test(u) ? u : null;
const yes = v => v === 'Y' || v === true || v === 'y';

// Renders a keyboard; actions.command(command, params), actions.put(text), actions.send(text), actions.dialog(id).
CBH.keyboard = function (keyboard, message, actions, pressed) {
  const buttons = Array.isArray(keyboard) ? keyboard : (keyboard && keyboard.BUTTONS) || [];
  const box = CBH.el('div', 'keyboard');
  let row = CBH.el('div', 'kb-row');
  buttons.forEach((b, index) => {
    if (!b || typeof b !== 'object') return;
    if (b.TYPE === 'NEWLINE') { box.appendChild(row); row = CBH.el('div', 'kb-row'); return; }
    if (b.CONTEXT === 'MOBILE') return; // this is the desktop client
    const button = CBH.el('button', 'kb-btn', b.TEXT || '');
    button.type = 'button';
    if (b.DISPLAY === 'LINE') button.classList.add('line');
    if (['primary', 'secondary', 'alert'].includes(b.BG_COLOR_TOKEN)) button.classList.add(b.BG_COLOR_TOKEN);
    const key = `${message.id}:${index}`;
    // The portal remembers pressed BLOCK buttons (message.pressed); the local set covers the moment before it answers.
    const blocked = Array.isArray(message.pressed) && message.pressed.includes(index);
    const disabled = yes(b.DISABLED) || blocked || pressed.has(key);
    button.disabled = disabled;
    const bg = CBH.hex(disabled && b.OFF_BG_COLOR ? b.OFF_BG_COLOR : b.BG_COLOR);
    const fg = CBH.hex(disabled && b.OFF_TEXT_COLOR ? b.OFF_TEXT_COLOR : b.TEXT_COLOR);
    if (bg) { button.style.background = bg; button.style.borderColor = bg; }
    if (fg) button.style.color = fg;
    if (Number(b.WIDTH) > 0) { button.style.flex = '0 0 auto'; button.style.width = `${Number(b.WIDTH)}px`; }
    if (b.COMMAND) button.dataset.command = String(b.COMMAND);
    button.addEventListener('click', () => {
      if (yes(b.BLOCK) && b.COMMAND) { pressed.add(key); button.disabled = true; }
      if (b.COMMAND) actions.command(String(b.COMMAND), b.COMMAND_PARAMS == null ? '' : String(b.COMMAND_PARAMS));
      else if (b.LINK && CBH.httpUrl(b.LINK)) window.open(b.LINK, '_blank', 'noopener');
      else if (b.ACTION === 'PUT') actions.put(String(b.ACTION_VALUE || ''));
      else if (b.ACTION === 'SEND') actions.send(String(b.ACTION_VALUE || ''));
      else if (b.ACTION === 'COPY') navigator.clipboard && navigator.clipboard.writeText(String(b.ACTION_VALUE || ''));
      else if (b.ACTION === 'CALL') window.location.href = 'tel:' + String(b.ACTION_VALUE || '').replace(/[^+\d]/g, '');
      else if (b.ACTION === 'DIALOG') actions.dialog(String(b.ACTION_VALUE || ''));
    });
    row.appendChild(button);
  });
  box.appendChild(row);
  return box;
};

CBH.attach = function (attach) {
  const blocks = Array.isArray(attach) ? attach : (attach && attach.BLOCKS) || [];
  const box = CBH.el('div', 'attach');
  if (attach && !Array.isArray(attach)) {
    if (['primary', 'secondary', 'alert'].includes(attach.COLOR_TOKEN)) box.classList.add(attach.COLOR_TOKEN);
    if (CBH.hex(attach.COLOR)) box.style.borderColor = attach.COLOR;
  }
  blocks.forEach(block => {
    if (!block || typeof block !== 'object') return;
    const [type, value] = Object.entries(block)[0] || [];
    const render = attachBlocks[type];
    if (render) box.appendChild(render(value));
  });
  return box;
};

function bbNode(tag, className, text) {
  const node = CBH.el(tag, className);
  node.innerHTML = CBH.bbcode(text); // CBH.bbcode escapes first
  CBH.wireBbActions(node, CBH.bbHandlers);
  return node;
}

function linkTo(url, label) {
  const href = CBH.httpUrl(url);
  const a = CBH.el(href ? 'a' : 'span', href ? 'bb-link' : '', label || url || '');
  if (href) { a.href = href; a.target = '_blank'; a.rel = 'noopener noreferrer'; }
  return a;
}

const asList = v => Array.isArray(v) ? v : (v ? [v] : []);

const attachBlocks = {
  MESSAGE: text => bbNode('div', 'att-message', text),
  LINK: v => {
    const card = CBH.el('div', 'att-link');
    if (CBH.httpUrl(v.PREVIEW)) { const img = CBH.el('img'); img.src = v.PREVIEW; img.alt = ''; card.appendChild(img); }
    const body = CBH.el('div');
    body.appendChild(linkTo(v.LINK, v.NAME));
    // HTML is never trusted as markup: shown as BB-code text, like DESC.
    if (v.HTML || v.DESC) body.appendChild(bbNode('div', 'muted', v.HTML || v.DESC));
    card.appendChild(body);
    return card;
  },
  USER: v => {
    const row = CBH.el('div', 'att-user');
    if (CBH.httpUrl(v.AVATAR)) { const img = CBH.el('img'); img.src = v.AVATAR; img.alt = ''; row.appendChild(img); }
    row.appendChild(v.LINK ? linkTo(v.LINK, v.NAME) : CBH.el('strong', '', v.NAME));
    return row;
  },
  GRID: items => {
    items = asList(items);
    const display = (items[0] && items[0].DISPLAY) || 'BLOCK';
    const grid = CBH.el('div', 'att-grid ' + display.toLowerCase());
    if (display === 'ROW' || display === 'TABLE') {
      const table = CBH.el('table');
      items.forEach(i => {
        const tr = CBH.el('tr');
        tr.appendChild(CBH.el('td', 'name', i.NAME || ''));
        const td = bbNode('td', 'value', i.VALUE || '');
        if (CBH.hex(i.COLOR)) td.style.color = i.COLOR;
        tr.appendChild(td);
        table.appendChild(tr);
      });
      grid.appendChild(table);
      return grid;
    }
    items.forEach(i => {
      const cell = CBH.el('div', 'cell');
      if (Number(i.WIDTH) > 0) cell.style.width = `${Number(i.WIDTH)}px`;
      if (i.NAME) cell.appendChild(CBH.el('div', 'name', i.NAME));
      const value = i.LINK ? linkTo(i.LINK, i.VALUE) : bbNode('div', 'value', i.VALUE || '');
      if (CBH.hex(i.COLOR)) value.style.color = i.COLOR;
      cell.appendChild(value);
      grid.appendChild(cell);
    });
    return grid;
  },
  IMAGE: images => {
    const box = CBH.el('div', 'att-images');
    asList(images).forEach(i => {
      const url = CBH.httpUrl(i.PREVIEW) || CBH.httpUrl(i.LINK);
      if (!url) return;
      const img = CBH.el('img'); img.src = url; img.alt = i.NAME || '';
      box.appendChild(img);
    });
    return box;
  },
  FILE: files => {
    const box = CBH.el('div', 'att-files');
    asList(files).forEach(f => {
      const row = CBH.el('div', 'att-file');
      row.appendChild(CBH.el('span', '', '📄'));
      row.appendChild(linkTo(f.LINK, f.NAME || f.LINK));
      if (Number(f.SIZE) > 0) row.appendChild(CBH.el('span', 'muted', `${(Number(f.SIZE) / 1024).toFixed(1)} KB`));
      box.appendChild(row);
    });
    return box;
  },
  DELIMITER: v => {
    const hr = CBH.el('hr', 'att-delimiter');
    hr.style.width = `${Number((v && v.SIZE) || 200)}px`;
    if (v && CBH.hex(v.COLOR)) hr.style.borderTopColor = v.COLOR;
    return hr;
  },
};
