// What every page adds when JavaScript runs (without it, each heading's "#" is a plain link to its section):
// "Copia il link a questa sezione" copies the section's address, so that a help desk can send it. Nothing is
// sent anywhere; the clipboard is written only on a click.
(function () {
  'use strict';
  if (!navigator.clipboard || !window.isSecureContext) return;
  document.querySelectorAll('a.ancora').forEach(function (a) {
    var titolo = (a.getAttribute('aria-label') || '').replace(/^Link a questa sezione: /, '');
    a.setAttribute('aria-label', 'Copia il link a questa sezione: ' + titolo);
    a.title = 'Copia il link a questa sezione';
    a.addEventListener('click', function (e) {
      e.preventDefault();
      var indirizzo = location.href.split('#')[0] + a.getAttribute('href');
      history.replaceState(null, '', a.getAttribute('href'));
      navigator.clipboard.writeText(indirizzo).then(function () {
        var vecchio = a.parentNode.querySelector('.copiato');
        if (vecchio) vecchio.remove();
        var nota = document.createElement('span');
        nota.className = 'copiato';
        nota.setAttribute('role', 'status');
        nota.textContent = 'Link copiato';
        a.after(nota);
        setTimeout(function () { nota.remove(); }, 4000);
      }, function () { location.hash = a.getAttribute('href'); });
    });
  });
})();
