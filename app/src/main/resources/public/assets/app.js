// StraitCheck: the pages' only script, served by the app (no CDN, no inline script: CSP).
// Pages work without it; it adds small conveniences declared by data- attributes.
(function () {
  'use strict';

  // <button data-confirm="message">: asks before the form is sent.
  document.addEventListener('submit', function (event) {
    var button = event.submitter;
    var message = (button && button.dataset.confirm) || event.target.dataset.confirm;
    if (message && !window.confirm(message)) {
      event.preventDefault();
    }
  });
})();
