// The card bridge's way back into the login (CardReturnResource): the bridge sends the browser to
// .../myna-card/return?client_id=...&tab_id=...#assertion=<JWS>. The fragment never reaches a server;
// this script posts it, from the realm's own origin, so the login's session cookie goes with it.
(function () {
  'use strict';
  var form = document.getElementById('myna-card-return-form');
  var params = new URLSearchParams(window.location.hash.substring(1));
  var assertion = params.get('assertion');
  // Out of the address bar and the history: a reload or the back button must not post it again.
  window.history.replaceState(null, '', window.location.pathname + window.location.search);
  if (!form || !assertion) {
    document.getElementById('myna-card-return-sending').hidden = true;
    document.getElementById('myna-card-return-missing').hidden = false;
    return;
  }
  form.elements.namedItem('assertion').value = assertion;
  form.submit();
})();
