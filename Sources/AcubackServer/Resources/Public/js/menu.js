// On a phone the main menu folds behind a Menu button, so the page starts near the top of the
// screen; on wider screens the button stays hidden by the stylesheet. Without script the menu is
// simply shown.
(function () {
  'use strict';
  var toggle = document.getElementById('menu-toggle');
  if (!toggle) { return; }
  document.documentElement.classList.add('menu-folds');
  toggle.hidden = false;
  toggle.addEventListener('click', function () {
    var open = document.documentElement.classList.toggle('menu-open');
    toggle.setAttribute('aria-expanded', open ? 'true' : 'false');
  });
})();
