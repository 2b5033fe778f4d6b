// Admin uploads (a rubric's YAML, a CSV of factories): a chosen file is read
// into the form's text field — the file input's data-fill names it, and
// data-name-into the field that takes the file's name — and the upload
// itself is an ordinary form post.
(function () {
  'use strict';
  var inputs = document.querySelectorAll('input[type=file][data-fill]');
  Array.prototype.forEach.call(inputs, function (input) {
    input.addEventListener('change', function () {
      var file = input.files && input.files[0];
      if (!file) return;
      var reader = new FileReader();
      reader.onload = function () {
        document.getElementById(input.getAttribute('data-fill')).value = reader.result;
        var name = input.getAttribute('data-name-into');
        if (name) document.getElementById(name).value = file.name;
      };
      reader.readAsText(file);
    });
  });
})();
