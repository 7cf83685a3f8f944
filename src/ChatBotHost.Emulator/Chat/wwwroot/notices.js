// What the host wants the person at the page to see, e.g. a bot whose source does not compile (with file, line and
// column): a banner while there is anything to say. Polled, since the host's state is not part of the activity stream.
'use strict';

(function () {
  async function refresh() {
    const response = await fetch('api/notices');
    if (!response.ok) return;
    const data = await response.json();
    const box = document.getElementById('notices');
    box.textContent = '';
    for (const line of data.notices) {
      const item = document.createElement('div');
      item.textContent = line;
      box.appendChild(item);
    }
    box.hidden = data.notices.length === 0;
  }

  function loop() {
    refresh().catch(() => {}).finally(() => setTimeout(loop, 2000));
  }

  loop();
})();
