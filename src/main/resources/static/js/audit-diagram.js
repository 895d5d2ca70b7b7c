/*
 * Draws the process versions a case ran on with bpmn-js's navigated viewer (pan and zoom), and marks
 * the path the case took: elements passed in green, those open now in amber, and the flows between
 * two passed elements. The same facts are said in words under the diagram, for those who cannot see it.
 */
(function () {
  'use strict';

  var panel = document.getElementById('process-diagram');
  if (!panel) { return; }
  var status = panel.querySelector('.diagram-status');
  if (!window.BpmnJS) { status.textContent = panel.dataset.msgFailed; return; }

  var choices = panel.querySelector('.diagram-choices');
  var viewer = new window.BpmnJS({ container: panel.querySelector('.diagram-canvas') });

  function format(template, values) {
    return template.replace(/\{(\d+)\}/g, function (all, i) { return values[Number(i)]; });
  }

  function nameOf(element) {
    var name = element.businessObject && element.businessObject.name;
    return name ? name.replace(/\s+/g, ' ').trim() : element.id;
  }

  function mark(diagram) {
    var registry = viewer.get('elementRegistry');
    var canvas = viewer.get('canvas');
    var passed = {};
    var done = diagram.completed.filter(function (id) { return registry.get(id); });
    var active = diagram.active.filter(function (id) { return registry.get(id); });
    done.forEach(function (id) { passed[id] = true; canvas.addMarker(id, 'path-done'); });
    active.forEach(function (id) { passed[id] = true; canvas.addMarker(id, 'path-active'); });
    registry.filter(function (e) { return e.type === 'bpmn:SequenceFlow'; }).forEach(function (flow) {
      if (flow.source && flow.target && passed[flow.source.id] && passed[flow.target.id]) {
        canvas.addMarker(flow.id, 'path-done');
      }
    });
    canvas.zoom('fit-viewport', 'auto');
    panel.setAttribute('data-shown', diagram.bpmnProcessId);
    panel.setAttribute('data-marked-done', String(done.length));
    panel.setAttribute('data-marked-active', String(active.length));
    status.textContent = format(panel.dataset.msgSummary, [diagram.bpmnProcessId, diagram.version, done.length,
      active.length, active.map(function (id) { return nameOf(registry.get(id)); }).join(', ') || '—']);
  }

  function show(diagram, button) {
    Array.prototype.forEach.call(choices.querySelectorAll('button'), function (b) {
      b.setAttribute('aria-pressed', String(b === button));
    });
    viewer.importXML(diagram.xml).then(function () { mark(diagram); })
      .catch(function () { status.textContent = panel.dataset.msgFailed; });
  }

  fetch(panel.dataset.url, { headers: { 'Accept': 'application/json', 'X-Requested-With': 'fetch' }, credentials: 'same-origin' })
    .then(function (response) {
      if (!response.ok) { throw new Error('HTTP ' + response.status); }
      return response.json();
    })
    .then(function (data) {
      if (!data.diagrams.length) { status.textContent = panel.dataset.msgFailed; return; }
      data.diagrams.forEach(function (diagram, i) {
        var button = document.createElement('button');
        button.type = 'button';
        button.className = 'diagram-choice';
        button.textContent = diagram.bpmnProcessId + ' v' + diagram.version;
        button.addEventListener('click', function () { show(diagram, button); });
        choices.appendChild(button);
        if (i === 0) { show(diagram, button); }
      });
    })
    .catch(function () { status.textContent = panel.dataset.msgFailed; });
}());
