// Admin rubric upload: reads a chosen YAML file into the form's text field
// (the upload itself is an ordinary form post).
(function () {
  'use strict';
  var input = document.getElementById('rubric-file');
  if (!input) return;
  input.addEventListener('change', function () {
    var file = input.files && input.files[0];
    if (!file) return;
    var reader = new FileReader();
    reader.onload = function () {
      document.getElementById('rubric-text').value = reader.result;
      document.getElementById('rubric-file-name').value = file.name;
    };
    reader.readAsText(file);
  });
})();
