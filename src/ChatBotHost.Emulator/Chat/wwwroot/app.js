// The chat page: dialog list, history, composer (with @mentions and /commands), message actions, live updates.
// Everything the user does goes to the emulator's user-side API; bots' answers arrive through the activity stream.
'use strict';

(function () {
  const reactions = [['like', '👍'], ['dislike', '👎'], ['redHeart', '❤️'], ['faceWithTearsOfJoy', '😂'],
    ['fire', '🔥'], ['wonder', '😮'], ['cry', '😢'], ['clappingHands', '👏']];
  const emoji = code => (reactions.find(r => r[0] === code) || [code, code])[1];
  const state = { me: null, dialogs: [], current: null, rendered: '', pressed: new Set(), editing: null, typing: null };
  const $ = id => document.getElementById(id);
  const text = $('composer-text');

  async function api(method, path, body) {
    const response = await fetch('api/' + path, {
      // Every change is sent as JSON, even without a body: the API refuses anything else (cross-site form posts).
      method, headers: method === 'GET' ? {} : { 'Content-Type': 'application/json' },
      body: method === 'GET' ? undefined : JSON.stringify(body || {}),
    });
    if (!response.ok) {
      const problem = await response.json().catch(() => ({}));
      throw new Error(problem.error || `${method} ${path}: HTTP ${response.status}`);
    }
    return response.status === 204 ? null : response.json();
  }

  const fail = error => { console.error(error); showNotice(error.message); };
  function showNotice(message) {
    const note = CBH.el('div', 'msg system', message);
    $('messages').appendChild(note);
    setTimeout(() => note.remove(), 5000);
  }

  function avatar(name, id) {
    const node = CBH.el('div', 'avatar', (name || '?').trim().charAt(0).toUpperCase());
    node.style.background = `hsl(${(Number(id) * 67) % 360} 45% 48%)`;
    return node;
  }

  // Dialog list
  async function loadDialogs() {
    const data = await api('GET', 'dialogs');
    state.me = data.me;
    state.dialogs = data.dialogs;
    $('me-name').textContent = data.me.name;
    if (state.current) state.current = state.dialogs.find(d => d.dialogId === state.current.dialogId) || state.current;
    // Rebuilt only when something shown changed, so the list does not flicker under the pointer on every event.
    const key = JSON.stringify([data.dialogs, state.current && state.current.dialogId]);
    if (key === state.listed) return;
    state.listed = key;
    const nav = $('dialogs');
    nav.textContent = '';
    if (!data.dialogs.length) nav.appendChild(CBH.el('p', 'hint', 'Waiting for the bots to register…'));
    for (const d of data.dialogs) {
      const item = CBH.el('button', 'dialog' + (state.current && state.current.dialogId === d.dialogId ? ' active' : ''));
      item.type = 'button';
      item.dataset.dialogId = d.dialogId;
      if (d.code) item.dataset.code = d.code;
      item.appendChild(avatar(d.title, d.botId || d.chatId));
      const body = CBH.el('div', 'dialog-body');
      body.appendChild(CBH.el('div', 'dialog-title', d.title));
      body.appendChild(CBH.el('div', 'dialog-last', d.lastText ? d.lastText.replace(/\[[^\]]*\]/g, '') : d.subtitle));
      item.appendChild(body);
      item.addEventListener('click', () => openDialog(d.dialogId).catch(fail));
      nav.appendChild(item);
    }
  }

  async function openDialog(dialogId) {
    let dialog = state.dialogs.find(d => d.dialogId === dialogId);
    if (!dialog) return showNotice(`No dialog ${dialogId}.`);
    state.current = dialog;
    state.rendered = '';
    state.typing = null;
    cancelEdit();
    if (dialog.kind === 'private' && !dialog.opened) await api('POST', `dialogs/${encodeURIComponent(dialogId)}/open`);
    await loadDialogs();
    dialog = state.current;
    $('chat-title').textContent = dialog.title;
    $('chat-subtitle').textContent = dialog.subtitle;
    $('chat-avatar').replaceWith(Object.assign(avatar(dialog.title, dialog.botId || dialog.chatId), { id: 'chat-avatar' }));
    $('messages').textContent = '';
    updateComposer();
    await loadMessages();
    text.focus();
  }

  function updateComposer() {
    const enabled = !!state.current && state.current.textFieldEnabled !== false;
    text.disabled = !enabled;
    $('send').disabled = $('attach').disabled = !enabled;
    text.placeholder = !state.current ? 'Pick a dialog' : enabled
      ? (state.current.kind === 'group' ? 'Write a message… (@ mentions a bot, / lists commands)' : 'Write a message… (/ lists commands)')
      : 'The bot turned the text field off; use the buttons.';
  }

  // Messages
  async function loadMessages() {
    if (!state.current) return;
    const dialogId = state.current.dialogId;
    const data = await api('GET', `dialogs/${encodeURIComponent(dialogId)}/messages`);
    if (!state.current || state.current.dialogId !== dialogId) return;
    const json = JSON.stringify(data.messages);
    if (json === state.rendered) return;
    state.rendered = json;
    const box = $('messages');
    const atBottom = box.scrollTop + box.clientHeight >= box.scrollHeight - 40;
    box.textContent = '';
    data.messages.forEach(m => box.appendChild(renderMessage(m)));
    if (state.typing && data.messages.some(m => m.fromBot && m.authorId === state.typing.botId && m.id > state.typing.afterId)) hideTyping();
    if (atBottom || state.justSent) box.scrollTop = box.scrollHeight;
    state.justSent = false;
  }

  function renderMessage(m) {
    const node = CBH.el('div', 'msg' + (m.mine ? ' mine' : '') + (m.isSystem ? ' system' : ''));
    node.dataset.id = m.id;
    node.dataset.from = m.isSystem ? 'system' : m.fromBot ? 'bot' : m.mine ? 'me' : 'user';
    if (!m.mine) node.appendChild(CBH.el('div', 'msg-author', m.authorName));
    const body = CBH.el('div', 'msg-text');
    body.innerHTML = CBH.bbcode(m.text); // escapes first, then the documented tags only
    CBH.wireBbActions(body, CBH.bbHandlers);
    node.appendChild(body);
    if (m.attach) node.appendChild(CBH.attach(m.attach));
    if (m.files && m.files.length) node.appendChild(CBH.files.render(m.files));
    if (m.keyboard) node.appendChild(CBH.keyboard(m.keyboard, m, keyboardActions(m), state.pressed));
    if (m.reactions.length) {
      const row = CBH.el('div', 'reactions');
      m.reactions.forEach(r => {
        const chip = CBH.el('button', 'reaction' + (r.mine ? ' mine' : ''), `${emoji(r.reaction)} ${r.count}`);
        chip.type = 'button';
        chip.title = r.reaction;
        chip.addEventListener('click', () => react(m.id, r.reaction, !r.mine));
        row.appendChild(chip);
      });
      node.appendChild(row);
    }
    const time = new Date(m.date).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
    node.appendChild(CBH.el('div', 'msg-meta', (m.isEdited ? 'edited · ' : '') + (m.viaCommandAnswer ? 'answer · ' : '') + time));
    if (!m.isSystem) node.appendChild(messageActions(m, node));
    return node;
  }

  function messageActions(m, node) {
    const bar = CBH.el('div', 'msg-actions');
    const add = (label, title, action) => {
      const b = CBH.el('button', '', label); b.type = 'button'; b.title = title; b.addEventListener('click', action); bar.appendChild(b);
    };
    add('☺', 'React', () => {
      const old = node.querySelector('.reaction-picker');
      if (old) return old.remove();
      const picker = CBH.el('div', 'reaction-picker');
      reactions.forEach(([code, face]) => {
        const b = CBH.el('button', '', face); b.type = 'button'; b.title = code;
        b.addEventListener('click', () => react(m.id, code, true));
        picker.appendChild(b);
      });
      node.appendChild(picker);
    });
    if (m.mine) {
      add('✎', 'Edit', () => startEdit(m));
      add('🗑', 'Delete', () => api('DELETE', `messages/${m.id}`).then(loadMessages).catch(fail));
    }
    return bar;
  }

  function keyboardActions(m) {
    return {
      command: (command, params) => api('POST', `messages/${m.id}/press`, { command, params }).then(loadMessages).catch(fail),
      put: putText,
      send: sendText,
      dialog: id => openDialog(id).catch(fail),
    };
  }

  const react = (id, reaction, add) => api('POST', `messages/${id}/reactions`, { reaction, add }).then(loadMessages).catch(fail);

  // Composer
  function putText(value) { text.value = value; text.focus(); }

  async function sendText(value) {
    if (!state.current || !value.trim()) return;
    state.justSent = true;
    await api('POST', `dialogs/${encodeURIComponent(state.current.dialogId)}/messages`, { text: value }).catch(fail);
    await loadMessages();
  }

  function startEdit(m) {
    state.editing = m.id;
    text.value = m.text;
    $('editing').hidden = false;
    text.focus();
  }

  function cancelEdit() { state.editing = null; $('editing').hidden = true; }

  async function submit() {
    const value = text.value;
    if (!value.trim()) return;
    text.value = '';
    hidePopup();
    if (state.editing) {
      const id = state.editing;
      cancelEdit();
      await api('PUT', `messages/${id}`, { text: value }).catch(fail);
      await loadMessages();
    } else {
      await sendText(value);
    }
  }

  // The @ and / pop-up: bots to mention in a group, commands anywhere.
  function showPopup(items) {
    const popup = $('popup');
    popup.textContent = '';
    if (!items.length) return hidePopup();
    items.forEach(([label, insert]) => {
      const b = CBH.el('button', '', label); b.type = 'button';
      b.addEventListener('mousedown', e => { e.preventDefault(); insert(); hidePopup(); text.focus(); });
      popup.appendChild(b);
    });
    popup.hidden = false;
  }
  function hidePopup() { $('popup').hidden = true; }

  function suggest() {
    const d = state.current;
    if (!d) return hidePopup();
    const before = text.value.slice(0, text.selectionStart);
    const mention = /(^|\s)@([^\s@]*)$/.exec(before);
    if (mention && d.kind === 'group') {
      const typed = mention[2].toLowerCase();
      return showPopup(d.members.filter(b => b.name.toLowerCase().startsWith(typed)).map(b => [
        `@${b.name} — ${b.type}${b.needsMention ? ' (hears only mentions)' : ' (hears everything)'}`,
        () => {
          const start = before.length - mention[2].length - 1;
          text.value = text.value.slice(0, start) + `[USER=${b.id}]${b.name}[/USER] ` + text.value.slice(text.selectionStart);
        },
      ]));
    }
    const command = /^\/(\S*)$/.exec(before);
    if (command) {
      return showPopup(d.commands.filter(c => c.command.slice(1).startsWith(command[1])).map(c => [
        `${c.command} ${c.params} — ${c.title}${d.kind === 'group' ? ' (' + c.bot + ')' : ''}`,
        () => { text.value = c.command + ' '; },
      ]));
    }
    hidePopup();
  }

  // Typing indicator and live updates
  function showTyping(entry) {
    const bot = state.dialogs.flatMap(d => d.members).find(b => b.id === entry.botId);
    const lastId = Math.max(0, ...Array.from(document.querySelectorAll('#messages .msg[data-id]')).map(n => Number(n.dataset.id)));
    state.typing = { botId: entry.botId, afterId: lastId };
    clearTimeout(state.typingTimer);
    state.typingTimer = setTimeout(hideTyping, Math.min(entry.seconds || 30, 60) * 1000);
    $('typing').textContent = `${bot ? bot.name : 'The bot'} is typing…`;
    $('typing').hidden = false;
  }
  function hideTyping() { state.typing = null; $('typing').hidden = true; }

  let refreshTimer = null;
  function scheduleRefresh() {
    clearTimeout(refreshTimer);
    refreshTimer = setTimeout(() => loadDialogs().then(loadMessages).then(CBH.confirmations.refresh).catch(fail), 100);
  }

  function listen() {
    const source = new EventSource('api/activity');
    source.onmessage = e => {
      const entry = JSON.parse(e.data);
      CBH.panel.add(entry);
      if (entry.kind === 'typing') {
        if (state.current && state.current.chatId === entry.chatId) showTyping(entry);
        return;
      }
      scheduleRefresh();
    };
  }

  // Start
  CBH.bbHandlers = { send: sendText, put: putText }; // [send]/[put] links, in message text and in attachments
  CBH.panel.init();
  CBH.confirmations.init(fail);
  $('composer').addEventListener('submit', e => { e.preventDefault(); submit(); });
  CBH.files.init($('attach'), $('attach-file'), (name, content) => state.current && api('POST',
    `dialogs/${encodeURIComponent(state.current.dialogId)}/files`, { name, content, text: text.value }).then(() => { text.value = ''; return loadMessages(); }).catch(fail));
  text.addEventListener('keydown', e => {
    if (e.key === 'Enter' && !e.shiftKey) { e.preventDefault(); submit(); }
    if (e.key === 'Escape') { hidePopup(); cancelEdit(); }
  });
  text.addEventListener('input', suggest);
  text.addEventListener('blur', () => setTimeout(hidePopup, 150));
  $('edit-cancel').addEventListener('click', () => { cancelEdit(); text.value = ''; });
  updateComposer();
  loadDialogs().catch(fail);
  listen();
})();
