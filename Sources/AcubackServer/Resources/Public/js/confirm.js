// A form that does something hard to take back (cancelling a visit) asks first, in its own words
// (`data-confirm`). Without script the step happens as the button says.
(function () {
  'use strict';
  document.addEventListener('submit', function (event) {
    var form = event.target;
    var question = form.getAttribute && form.getAttribute('data-confirm');
    if (question && !window.confirm(question)) { event.preventDefault(); }
  });
})();
