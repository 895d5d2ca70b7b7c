/*
 * Keeps a work tray current: the server sends an event when a task the user may see opens or
 * changes, and the page fetches itself again and swaps in the new list and counts. A screen reader
 * hears that the list was updated; focus and the filters stay where they were.
 */
(function () {
  'use strict';

  var page = document.querySelector('section.tasklist');
  if (!page || !window.EventSource) { return; }

  var live = document.getElementById('live');
  var timer = null;
  var source = new EventSource(page.dataset.eventsUrl, { withCredentials: true });

  function refresh() {
    fetch(window.location.href, { headers: { 'X-Requested-With': 'fetch' }, credentials: 'same-origin', redirect: 'manual' })
      .then(function (response) {
        if (response.type === 'opaqueredirect' || response.status !== 200) { source.close(); return null; }
        return response.text();
      })
      .then(function (html) {
        if (!html) { return; }
        var fresh = new DOMParser().parseFromString(html, 'text/html');
        ['task-results', 'tray-nav'].forEach(function (id) {
          var now = document.getElementById(id);
          var next = fresh.getElementById(id);
          if (now && next) { now.innerHTML = next.innerHTML; }
        });
        live.textContent = page.dataset.updated;
        page.setAttribute('data-refreshed', String(Date.now()));
      })
      .catch(function () { /* offline: the next event tries again */ });
  }

  source.addEventListener('task', function () {
    clearTimeout(timer);
    timer = setTimeout(refresh, 300);
  });
  source.addEventListener('open', function () { page.setAttribute('data-live', 'connected'); });
}());
