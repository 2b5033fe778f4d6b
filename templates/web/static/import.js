// The answers-file import page (templates/web/import.html): reads a chosen
// file into the form's text field and name; the import itself is an
// ordinary form post, so pasting the text works without script.
(function () {
  'use strict';
  var input = document.getElementById('import-file');
  if (!input) return;
  input.addEventListener('change', function () {
    var file = input.files && input.files[0];
    if (!file) return;
    var reader = new FileReader();
    reader.onload = function () {
      document.getElementById('import-text').value = reader.result;
      document.getElementById('import-file-name').value = file.name;
    };
    reader.readAsText(file);
  });
})();
