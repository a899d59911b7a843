// The card bridge's page: shows progress while the card signs and keeps the form from being sent twice.
// The page works without it; the bridge itself allows one card operation per request at a time.
'use strict';
document.addEventListener('DOMContentLoaded', function () {
  var form = document.getElementById('sign-form');
  if (!form) {
    return;
  }
  var button = document.getElementById('submit');
  var progress = document.getElementById('progress');
  form.addEventListener('submit', function (event) {
    if (form.getAttribute('aria-busy') === 'true') {
      event.preventDefault();
      return;
    }
    form.setAttribute('aria-busy', 'true');
    progress.hidden = false;
    // After this event the form is sent: disabling the button now does not stop that submission.
    window.setTimeout(function () { button.disabled = true; }, 0);
  });
  // Coming back to the page (history), the form is usable again.
  window.addEventListener('pageshow', function () {
    form.removeAttribute('aria-busy');
    progress.hidden = true;
    button.disabled = false;
  });
});
