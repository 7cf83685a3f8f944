// Files on the chat page: the paper clip that attaches one to the open dialog, and the file chips under a message.
window.CBH = window.CBH || {};

CBH.files = {
  // A message's files as links that download them; names are text, never markup.
  render(files) {
    const row = CBH.el('div', 'files');
    files.forEach(f => {
      const link = CBH.el('a', 'file', `📄 ${f.name} (${CBH.files.size(f.size)})`);
      link.href = `api/files/${f.id}`;
      link.download = f.name;
      row.appendChild(link);
    });
    return row;
  },

  size(bytes) {
    return bytes < 1024 ? `${bytes} B` : bytes < 1048576 ? `${(bytes / 1024).toFixed(1)} KB` : `${(bytes / 1048576).toFixed(1)} MB`;
  },

  // send(name, base64) posts the file; the text typed so far goes with it.
  init(button, input, send) {
    button.addEventListener('click', () => input.click());
    input.addEventListener('change', () => {
      const file = input.files[0];
      input.value = '';
      if (!file) return;
      const reader = new FileReader();
      reader.onload = () => send(file.name, String(reader.result).replace(/^data:[^,]*,/, ''));
      reader.readAsDataURL(file);
    });
  },
};
