/*
 * What the diagram and form editors share: open the version in service (or the person's draft),
 * save a draft, download, check and deploy, each on the server (ModelEndpoints). The editor itself
 * is an adapter: open(text) -> Promise, text() -> Promise<string>, mark(problems).
 */
(function () {
  'use strict';

  function meta(name) {
    var el = document.querySelector('meta[name="' + name + '"]');
    return el ? el.getAttribute('content') : null;
  }

  window.FamilyJourneyModelEditor = function (root, adapter) {
    var status = root.querySelector('.editor-status');
    var problemsList = root.querySelector('.check-problems');
    var draftNotice = root.querySelector('.draft-notice');
    var commentInput = root.querySelector('.deploy-comment');
    var csrfHeader = meta('csrf-header') || 'X-CSRF-TOKEN';
    var csrfToken = meta('csrf-token');
    var current = null;

    function say(key, arg, kind) {
      var text = status.dataset[key] || key;
      status.textContent = arg === undefined ? text : text.replace('{0}', arg);
      status.className = 'editor-status' + (kind ? ' ' + kind : '');
    }

    function call(url, method, body) {
      var headers = { 'Accept': 'application/json', 'X-Requested-With': 'fetch' };
      if (method !== 'GET' && csrfToken) { headers[csrfHeader] = csrfToken; }
      return fetch(url, { method: method, headers: headers, body: body, credentials: 'same-origin' })
        .then(function (r) {
          return r.text().then(function (t) {
            var json = null;
            try { json = t ? JSON.parse(t) : null; } catch (e) { json = null; }
            return { status: r.status, body: json };
          });
        });
    }

    function upload(text, extra) {
      var form = new FormData();
      form.append('file', new Blob([text], { type: adapter.mimeType }), root.dataset.fileName);
      Object.keys(extra || {}).forEach(function (k) { form.append(k, extra[k]); });
      return form;
    }

    function showProblems(problems) {
      problemsList.textContent = '';
      (problems || []).forEach(function (p) {
        var li = document.createElement('li');
        var where = p.elementName ? p.elementName + ' (' + p.elementId + ')' : p.elementId;
        if (where) {
          var strong = document.createElement('strong');
          strong.textContent = where + ': ';
          li.appendChild(strong);
        }
        li.appendChild(document.createTextNode(p.message));
        li.dataset.elementId = p.elementId || '';
        li.dataset.rule = p.rule || '';
        problemsList.appendChild(li);
      });
      adapter.mark(problems || []);
    }

    function failure(r) {
      if (r.body && r.body.problems) {
        showProblems(r.body.problems);
        say('msgFailed', r.body.problems.length, 'bad');
      } else {
        showProblems([]);
        say('msgError', r.body && r.body.detail ? r.body.detail : 'HTTP ' + r.status, 'bad');
      }
    }

    function open(text) {
      return adapter.open(text).catch(function (e) { say('msgError', e && e.message ? e.message : String(e), 'bad'); });
    }

    root.querySelector('.open-current').addEventListener('click', function () {
      draftNotice.hidden = true;
      open(current.content).then(function () { say('msgLoading', undefined); status.textContent = ''; });
    });

    root.querySelector('.save-draft').addEventListener('click', function () {
      adapter.text().then(function (text) { return call(root.dataset.draftUrl, 'POST', upload(text)); })
        .then(function (r) { if (r.status === 200) { say('msgSaved', new Date(r.body.savedAt).toLocaleString('en-GB'), 'ok'); } else { failure(r); } });
    });

    root.querySelector('.download').addEventListener('click', function () {
      adapter.text().then(function (text) {
        var a = document.createElement('a');
        a.href = URL.createObjectURL(new Blob([text], { type: adapter.mimeType }));
        a.download = root.dataset.fileName;
        document.body.appendChild(a);
        a.click();
        setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
      });
    });

    root.querySelector('.check').addEventListener('click', function () {
      adapter.text().then(function (text) { return call(root.dataset.checkUrl, 'POST', upload(text)); })
        .then(function (r) {
          if (r.status !== 200) { failure(r); return; }
          showProblems(r.body.problems);
          if (r.body.passed) { say('msgPassed', undefined, 'ok'); } else { say('msgFailed', r.body.problems.length, 'bad'); }
        });
    });

    root.querySelector('.deploy').addEventListener('click', function () {
      var comment = commentInput.value.trim();
      if (!comment) { say('msgComment', undefined, 'bad'); commentInput.focus(); return; }
      adapter.text().then(function (text) { return call(root.dataset.deployUrl, 'POST', upload(text, { comment: comment })); })
        .then(function (r) {
          if (r.status !== 201) { failure(r); return; }
          showProblems([]);
          draftNotice.hidden = true;
          commentInput.value = '';
          say('msgDeployed', r.body.version, 'ok');
          var link = document.createElement('a');
          link.href = root.dataset.listUrl;
          link.className = 'to-list';
          link.textContent = status.dataset.msgList;
          status.appendChild(document.createTextNode(' '));
          status.appendChild(link);
        });
    });

    call(root.dataset.editorUrl, 'GET').then(function (r) {
      if (r.status !== 200) { failure(r); return; }
      current = r.body;
      var text = current.content;
      if (current.draft) {
        draftNotice.hidden = false;
        draftNotice.querySelector('.draft-text').textContent =
          status.dataset.msgDraft.replace('{0}', new Date(current.draft.savedAt).toLocaleString('en-GB')) + ' ';
        text = current.draft.content;
      }
      open(text).then(function () { status.textContent = ''; root.classList.add('ready'); });
    });
  };
}());
