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

// --- school pages ---
// <input type="radio" data-shows="id"> / data-hides="id": the questions that only some answers ask
// (a leader's civil-servant questions) appear and go with the answer. The server ignores them
// when they do not apply, so the form works the same without this.
(function () {
  'use strict';
  document.addEventListener('change', function (event) {
    var input = event.target;
    var shows = input.dataset && input.dataset.shows;
    var hides = input.dataset && input.dataset.hides;
    var target = document.getElementById(shows || hides || '');
    if (target && input.checked) {
      target.hidden = !shows;
    }
  });
})();

// --- rulebook pages ---
// data-reload-after="2": the page reloads itself after that many seconds (an impact analysis
// running). The CSP forbids inline script, so this behaviour is here.
(function () {
  'use strict';
  document.addEventListener('DOMContentLoaded', function () {
    var waiting = document.querySelector('[data-reload-after]');
    if (waiting) {
      var seconds = parseFloat(waiting.dataset.reloadAfter) || 2;
      window.setTimeout(function () { window.location.reload(); }, seconds * 1000);
    }
  });
})();
