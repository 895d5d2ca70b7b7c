/*
 * The caseload import page: reads the chosen CSV file, asks the server to check it (a dry run: every
 * bad row with its line, column and problem) or to import it, then follows the import's progress
 * every half second. The status line is read out to screen readers.
 */
(function () {
  'use strict';
  var box = document.getElementById('case-import');
  if (!box) { return; }
  var base = box.dataset.base;
  var texts = document.getElementById('import-messages').dataset;
  var status = document.getElementById('import-status');
  var bar = document.getElementById('import-progress');
  var problems = document.getElementById('import-problems');
  var cases = document.getElementById('import-cases');
  var header = document.querySelector('meta[name="csrf-header"]');
  var token = document.querySelector('meta[name="csrf-token"]');

  function format(template, values) {
    return template.replace(/\{(\d+)\}/g, function (all, i) { return values[Number(i)]; });
  }

  function headers(extra) {
    var h = { 'Accept': 'application/json', 'X-Requested-With': 'fetch' };
    if (header && token) { h[header.content] = token.content; }
    Object.keys(extra || {}).forEach(function (k) { h[k] = extra[k]; });
    return h;
  }

  function showProblems(list) {
    var body = problems.querySelector('tbody');
    body.textContent = '';
    list.forEach(function (p) {
      var row = document.createElement('tr');
      [String(p.line), p.field, p.reason].forEach(function (text) {
        var cell = document.createElement('td');
        cell.textContent = text;
        row.appendChild(cell);
      });
      body.appendChild(row);
    });
    problems.hidden = list.length === 0;
  }

  function showCases(list) {
    cases.textContent = '';
    list.forEach(function (reference) {
      var item = document.createElement('li');
      var link = document.createElement('a');
      link.href = '/cases/' + encodeURIComponent(reference);
      link.textContent = reference;
      item.appendChild(link);
      cases.appendChild(item);
    });
  }

  function poll(url) {
    fetch(url, { headers: headers(), credentials: 'same-origin' }).then(function (r) { return r.json(); }).then(function (job) {
      bar.value = job.percent;
      showCases(job.cases);
      showProblems(job.failures);
      if (job.state === 'RUNNING') {
        status.textContent = format(texts.running, [job.done, job.total]);
        setTimeout(function () { poll(url); }, 500);
      } else {
        status.textContent = format(job.state === 'DONE' ? texts.done : texts.failed, [job.cases.length, job.total]);
      }
    });
  }

  function send(dryRun) {
    var file = document.getElementById('file').files[0];
    if (!file) { status.textContent = texts.nofile; return; }
    file.text().then(function (csv) {
      return fetch(base + '?dryRun=' + dryRun, { method: 'POST', body: csv, credentials: 'same-origin',
        headers: headers({ 'Content-Type': 'text/csv' }) });
    }).then(function (response) { return response.json(); }).then(function (result) {
      showProblems(result.problems || []);
      if (result.id) {
        bar.hidden = false;
        bar.value = 0;
        poll(base + '/' + encodeURIComponent(result.id));
      } else if ((result.problems || []).length > 0) {
        status.textContent = format(texts.invalid, [result.problems.length, result.rows]);
      } else {
        status.textContent = format(texts.valid, [result.validRows]);
      }
    });
  }

  document.getElementById('check').addEventListener('click', function () { send(true); });
  document.getElementById('run').addEventListener('click', function () { send(false); });
}());
