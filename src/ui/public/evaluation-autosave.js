// Autosave of an evaluation's sections (src/modules/evaluation): progressive enhancement of
// the plain form, which saves with its button without JavaScript. A few seconds after the
// last keystroke the same form is posted (with the header x-autosave: 1); the answer gives
// the new edit version, which the form then carries (optimistic locking, decision 022), and
// a line such as "Sparat 14.02". A refused save (someone else saved, or a field is too long)
// is said in the same line; the Save button then shows the whole answer.
(function () {
  'use strict';
  var form = document.querySelector('form.autosave');
  var status = document.getElementById('autosave-status');
  if (!form || !status || !window.fetch || !window.URLSearchParams || !window.FormData) return;
  var timer = null;
  var saving = false;
  var again = false;
  var stopped = false;

  function save() {
    if (stopped) return;
    if (saving) {
      again = true;
      return;
    }
    saving = true;
    status.textContent = status.getAttribute('data-saving') || '';
    var body = new URLSearchParams(new FormData(form));
    body.set('action', 'save');
    // (form.action would name the buttons called "action": the attribute is the address.)
    fetch(form.getAttribute('action') || '', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-autosave': '1' },
      body: body.toString(),
    })
      .then(function (response) {
        if (!response.ok) throw new Error(String(response.status));
        return response.json();
      })
      .then(function (answer) {
        var version = form.querySelector('input[name="version"]');
        if (version && answer.version) version.value = answer.version;
        status.textContent = answer.message || '';
      })
      .catch(function () {
        // Stop autosaving: the person decides with the Save button, which shows why.
        stopped = true;
        status.textContent = status.getAttribute('data-failed') || '';
      })
      .then(function () {
        saving = false;
        if (again) {
          again = false;
          save();
        }
      });
  }

  form.addEventListener('input', function () {
    if (timer) clearTimeout(timer);
    timer = setTimeout(save, 3000);
  });
  form.addEventListener('submit', function () {
    if (timer) clearTimeout(timer);
    stopped = true;
  });
})();
