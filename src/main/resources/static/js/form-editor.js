/* form-js's editor for the forms of forms/; the check's problems name the field (component id). */
(function () {
  'use strict';
  var root = document.getElementById('form-editor');
  if (!root || !window.FormEditor) { return; }
  var editor = new window.FormEditor.FormEditor({ container: document.getElementById('form-editor-canvas') });

  window.FamilyJourneyModelEditor(root, {
    mimeType: 'application/json',
    open: function (text) { return editor.importSchema(JSON.parse(text)); },
    text: function () { return Promise.resolve(JSON.stringify(editor.saveSchema(), null, 2)); },
    mark: function () { /* the problem list names the fields; form-js has no overlay API */ }
  });
}());
