/*
 * The task page: renders the task's Camunda form with form-js, saves a draft as the worker types,
 * and completes the task. The server checks every answer; its errors are shown next to the fields
 * and in a summary that links to them, and nothing the worker typed is thrown away.
 * No inline script (CSP): addresses and texts come from data- attributes of #task-form.
 */
(function () {
  'use strict';

  var root = document.getElementById('task-form');
  if (!root || !window.FormViewer) { return; }

  /*
   * Dates in UK order. form-js's date picker takes its display and typing format from the browser's
   * default locale (new Intl.DateTimeFormat('default')), so an en-US browser shows mm/dd/yyyy and reads
   * 01/12/2026 as 12 January. form-js has no option for it, so on this page the default locale is the
   * page's own (lang="en-GB"): the picker shows and reads dd/mm/yyyy. Only the display changes: the
   * value form-js keeps and submits stays ISO yyyy-MM-dd, which the server checks.
   */
  (function useThePageLocaleForDates() {
    var pageLocale = document.documentElement.lang || 'en-GB';
    var Native = Intl.DateTimeFormat;
    var PageDateTimeFormat = function (locales, options) {
      return new Native(locales === undefined || locales === 'default' ? pageLocale : locales, options);
    };
    PageDateTimeFormat.prototype = Native.prototype;
    PageDateTimeFormat.supportedLocalesOf = Native.supportedLocalesOf;
    Intl.DateTimeFormat = PageDateTimeFormat;
  }());

  var d = root.dataset;
  var statusLine = document.getElementById('form-status');
  var summary = document.getElementById('error-summary');
  var conflictBox = document.getElementById('conflict');
  var submitButton = document.getElementById('submit-task');
  var container = document.getElementById('form-container');
  var csrfHeader = meta('csrf-header') || 'X-CSRF-TOKEN';
  var csrfToken = meta('csrf-token');

  var form = null;
  var fields = {};          // key -> {id, label, values}
  var draftTimer = null;
  var pendingDraft = null;  // answers not yet saved (signed out, offline)
  var done = false;

  function meta(name) {
    var el = document.querySelector('meta[name="' + name + '"]');
    return el ? el.getAttribute('content') : null;
  }

  function text(template) {
    var args = Array.prototype.slice.call(arguments, 1);
    return (template || '').replace(/\{(\d+)\}/g, function (m, i) { return args[i] !== undefined ? args[i] : m; });
  }

  function timeOf(iso) {
    var date = iso ? new Date(iso) : new Date();
    return date.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/London' });
  }

  function setStatus(message) { statusLine.textContent = message; }

  function request(method, url, body, retried) {
    var headers = { 'Accept': 'application/json', 'X-Requested-With': 'fetch' };
    if (body !== undefined) { headers['Content-Type'] = 'application/json'; }
    if (method !== 'GET' && csrfToken) { headers[csrfHeader] = csrfToken; }
    return fetch(url, {
      method: method, headers: headers, credentials: 'same-origin', redirect: 'manual',
      body: body === undefined ? undefined : JSON.stringify(body),
      keepalive: method !== 'GET' && document.visibilityState === 'hidden'
    }).then(function (response) {
      if (response.status === 403 && !retried && method !== 'GET') {
        // The session may be new (signed in again in another tab): fetch its token, try once more.
        return refreshToken().then(function () { return request(method, url, body, true); });
      }
      return response.text().then(function (raw) {
        var json = null;
        try { json = raw ? JSON.parse(raw) : null; } catch (notJson) { json = null; }
        return { status: response.type === 'opaqueredirect' ? 401 : response.status, body: json };
      });
    });
  }

  function refreshToken() {
    return request('GET', d.formUrl).then(function (r) {
      if (r.status === 200 && r.body && r.body.csrfToken) { csrfToken = r.body.csrfToken; }
    });
  }

  /* Only the form's own fields travel: never the choices or variables it was opened with. */
  function answers() {
    var data = form._getState().data || {};
    var out = {};
    Object.keys(fields).forEach(function (key) { if (data[key] !== undefined) { out[key] = data[key]; } });
    return out;
  }

  function collectFields(components) {
    (components || []).forEach(function (c) {
      var key = c.type === 'dynamiclist' ? c.path : c.key;
      if (key && c.type !== 'group') {
        fields[key] = { id: c.id, label: c.label || c.dateLabel || key, values: c.values || null, valuesKey: c.valuesKey };
      }
      if (c.components && c.type !== 'dynamiclist') { collectFields(c.components); }
    });
  }

  function signedOut() {
    setStatus('');
    showSummary(d.msgSignedOut, [], true);
  }

  /* ---- drafts ---- */

  function scheduleDraft() {
    if (done) { return; }
    pendingDraft = answers();
    clearTimeout(draftTimer);
    draftTimer = setTimeout(saveDraft, 800);
  }

  function saveDraft() {
    if (!pendingDraft || done) { return Promise.resolve(); }
    var sending = pendingDraft;
    return request('POST', d.draftUrl, sending).then(function (r) {
      if (r.status === 200) {
        if (pendingDraft === sending) { pendingDraft = null; }
        setStatus(text(d.msgDraftSaved, timeOf(r.body && r.body.savedAt)));
      } else if (r.status === 401) {
        signedOut();
      } else if (r.status === 409) {
        showConflict(r.body);
      } else {
        setStatus(d.msgDraftFailed);
      }
    }).catch(function () { setStatus(d.msgOffline); });
  }

  /* ---- errors and conflicts ---- */

  function fieldKey(path) { return String(path || '').split(/[.\[]/)[0]; }

  function showErrors(problems) {
    var errors = {};
    var items = [];
    problems.forEach(function (p) {
      var f = fields[fieldKey(p.field)];
      var label = f ? f.label : p.field;
      var message = label + ' ' + p.message;
      if (f) { (errors[f.id] = errors[f.id] || []).push(message); }
      items.push({ id: f ? f.id : null, message: message });
    });
    form._setState({ errors: errors });
    showSummary(d.msgErrorTitle, items, false);
  }

  function showSummary(title, items, isSignIn) {
    summary.innerHTML = '';
    var heading = document.createElement('h2');
    heading.textContent = title;
    summary.appendChild(heading);
    if (isSignIn) {
      var link = document.createElement('a');
      link.href = d.loginUrl;
      link.target = '_blank';
      link.rel = 'noopener';
      link.textContent = d.msgSignIn;
      summary.appendChild(link);
    }
    var list = document.createElement('ul');
    items.forEach(function (item) {
      var li = document.createElement('li');
      if (item.id) {
        var a = document.createElement('a');
        a.href = '#';
        a.textContent = item.message;
        a.addEventListener('click', function (e) { e.preventDefault(); focusField(item.id); });
        li.appendChild(a);
      } else {
        li.textContent = item.message;
      }
      list.appendChild(li);
    });
    if (items.length) { summary.appendChild(list); }
    summary.hidden = false;
    summary.focus();
  }

  function focusField(componentId) {
    var input = container.querySelector('[id$="-' + componentId + '"], [id*="-' + componentId + '-"]');
    if (input) { input.focus(); input.scrollIntoView({ block: 'center' }); }
  }

  function describe(key, value) {
    var f = fields[key];
    if (f && f.values) {
      var match = f.values.filter(function (o) { return o.value === value; })[0];
      if (match) { return match.label; }
    }
    return Array.isArray(value) ? value.join(', ') : String(value);
  }

  function showConflict(problem) {
    done = true;
    pendingDraft = null;
    submitButton.hidden = true;
    if (form) { form.setProperty('readOnly', true); }
    conflictBox.innerHTML = '';
    var heading = document.createElement('h2');
    heading.textContent = d.msgConflictTitle;
    var detail = document.createElement('p');
    detail.textContent = (problem && problem.detail) || '';
    conflictBox.appendChild(heading);
    conflictBox.appendChild(detail);
    if (problem && problem.outcome && typeof problem.outcome === 'object') {
      var caption = document.createElement('p');
      caption.textContent = text(d.msgOutcome, problem.completedBy || '');
      var list = document.createElement('dl');
      Object.keys(problem.outcome).forEach(function (key) {
        var dt = document.createElement('dt');
        dt.textContent = fields[key] ? fields[key].label : key;
        var dd = document.createElement('dd');
        dd.textContent = describe(key, problem.outcome[key]);
        list.appendChild(dt);
        list.appendChild(dd);
      });
      conflictBox.appendChild(caption);
      conflictBox.appendChild(list);
    }
    var back = document.createElement('a');
    back.href = d.listUrl;
    back.textContent = d.msgBack;
    conflictBox.appendChild(back);
    conflictBox.hidden = false;
    conflictBox.focus();
  }

  /* ---- completing ---- */

  function complete() {
    if (done) { return; }
    clearTimeout(draftTimer);
    var data = form ? answers() : {};
    if (form) { form.submit(); } // shows form-js's own checks at once; the server decides
    submitButton.disabled = true;
    setStatus(d.msgSubmitting);
    request('POST', d.completeUrl, data).then(function (r) {
      if (r.status === 200 && r.body && r.body.redirect) {
        done = true;
        window.location.assign(r.body.redirect);
        return;
      }
      submitButton.disabled = false;
      setStatus('');
      if (r.status === 400 && r.body && r.body.errors) {
        showErrors(r.body.errors);
      } else if (r.status === 409) {
        showConflict(r.body);
      } else if (r.status === 401) {
        pendingDraft = data;
        signedOut();
      } else {
        showSummary((r.body && r.body.detail) || d.msgUnavailable, [], false);
      }
    }).catch(function () {
      submitButton.disabled = false;
      pendingDraft = data;
      showSummary(d.msgOffline, [], false);
    });
  }

  /* ---- start ---- */

  function start(opened) {
    if (opened.csrfToken) { csrfToken = opened.csrfToken; }
    var schema = opened.schema || { type: 'default', components: [] };
    collectFields(schema.components);
    form = new window.FormViewer.Form({ container: container });
    return form.importSchema(schema, opened.data || {}).then(function () {
      if (opened.readOnly) {
        form.setProperty('readOnly', true);
        setStatus(d.msgReadOnly);
        return;
      }
      form.on('field.updated', scheduleDraft);
      submitButton.hidden = false;
      submitButton.addEventListener('click', complete);
      setStatus(opened.draftSavedAt ? text(d.msgDraftRestored, timeOf(opened.draftSavedAt)) : '');
    });
  }

  // A closed tab or a navigation sends the last keystrokes (keepalive outlives the page).
  document.addEventListener('visibilitychange', function () {
    if (document.visibilityState === 'hidden' && pendingDraft) { saveDraft(); }
  });
  window.addEventListener('pagehide', function () { if (pendingDraft) { saveDraft(); } });

  request('GET', d.formUrl).then(function (r) {
    if (r.status === 401) { signedOut(); return; }
    if (r.status !== 200) { setStatus(d.msgLoadFailed); return; }
    return start(r.body);
  }).catch(function () { setStatus(d.msgLoadFailed); });
}());
