/*
 * Long exports (a subject access PDF, the funder report PDF) are made by a job on the server: the
 * button starts it (202 with a status address), the page asks how far it is every half second and
 * moves the progress bar, then offers the file. The status line is read out to screen readers.
 */
(function () {
  'use strict';

  function format(template, values) {
    return template.replace(/\{(\d+)\}/g, function (all, i) { return values[Number(i)]; });
  }

  function getJson(url) {
    return fetch(url, { headers: { 'Accept': 'application/json', 'X-Requested-With': 'fetch' }, credentials: 'same-origin' })
      .then(function (response) {
        if (response.status === 401) { throw new Error('signed-out'); }
        if (!response.ok && response.status !== 202) { throw new Error('HTTP ' + response.status); }
        return response.json();
      });
  }

  function start(box) {
    var button = box.querySelector('.export-start');
    var bar = box.querySelector('progress');
    var status = box.querySelector('.export-status');
    var link = box.querySelector('.export-download');
    var url = box.dataset.startUrl;
    // The page's own filters (the funder report's dates) travel with the request.
    var form = box.dataset.form && document.getElementById(box.dataset.form);
    if (form) {
      url += (url.indexOf('?') < 0 ? '?' : '&') + new URLSearchParams(new FormData(form)).toString();
    }
    button.disabled = true;
    link.hidden = true;
    box.querySelector('.export-progress').hidden = false;
    bar.value = 0;
    status.textContent = box.dataset.msgStarted;
    box.setAttribute('data-state', 'RUNNING');

    function poll(statusUrl) {
      getJson(statusUrl).then(function (job) {
        bar.value = job.percent;
        bar.textContent = job.percent + '%';
        if (job.state === 'DONE') {
          status.textContent = box.dataset.msgDone;
          link.href = job.downloadUrl;
          link.hidden = false;
          button.disabled = false;
          box.setAttribute('data-state', 'DONE');
          link.focus();
        } else if (job.state === 'FAILED') {
          fail(job.message);
        } else {
          status.textContent = format(box.dataset.msgProgress, [job.percent, job.step || '']);
          setTimeout(function () { poll(statusUrl); }, 500);
        }
      }).catch(function (e) { fail(e.message === 'signed-out' ? box.dataset.msgSignedOut : null); });
    }

    function fail(message) {
      status.textContent = message || box.dataset.msgFailed;
      button.disabled = false;
      box.setAttribute('data-state', 'FAILED');
    }

    getJson(url).then(function (job) { poll(job.statusUrl); })
      .catch(function (e) { fail(e.message === 'signed-out' ? box.dataset.msgSignedOut : null); });
  }

  Array.prototype.forEach.call(document.querySelectorAll('.export-job'), function (box) {
    box.querySelector('.export-start').addEventListener('click', function () { start(box); });
  });
}());
