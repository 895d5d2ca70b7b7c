/* The Camunda 8 modeler (camunda-bpmn-js, with its Zeebe properties panel) as the diagram editor; problems found by the check are marked on the diagram. */
(function () {
  'use strict';
  var root = document.getElementById('process-editor');
  if (!root || !window.BpmnModeler) { return; }
  var modeler = new window.BpmnModeler({
    container: '#modeler-canvas',
    propertiesPanel: { parent: '#modeler-properties' }
  });
  var marked = [];

  function mark(problems) {
    var canvas = modeler.get('canvas');
    var overlays = modeler.get('overlays');
    var registry = modeler.get('elementRegistry');
    marked.forEach(function (id) { canvas.removeMarker(id, 'check-problem'); });
    overlays.remove({ type: 'check-problem' });
    marked = [];
    problems.forEach(function (p) {
      if (!p.elementId || !registry.get(p.elementId) || registry.get(p.elementId).type === 'bpmn:Process') { return; }
      if (marked.indexOf(p.elementId) < 0) {
        canvas.addMarker(p.elementId, 'check-problem');
        marked.push(p.elementId);
        var badge = document.createElement('div');
        badge.className = 'check-badge';
        badge.title = p.message;
        badge.textContent = '!';
        overlays.add(p.elementId, 'check-problem', { position: { top: -10, right: 10 }, html: badge });
      }
    });
    // A wide diagram fits the screen only when small: show the first problem at full size.
    if (marked.length) {
      canvas.zoom(1);
      canvas.scrollToElement(registry.get(marked[0]));
    }
  }

  window.FamilyJourneyModelEditor(root, {
    mimeType: 'application/xml',
    open: function (xml) {
      return modeler.importXML(xml).then(function () { modeler.get('canvas').zoom('fit-viewport'); });
    },
    text: function () { return modeler.saveXML({ format: true }).then(function (r) { return r.xml; }); },
    mark: mark
  });
}());
