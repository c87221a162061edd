// What every page adds when JavaScript runs (without it, each heading's "#" is a plain link to its section):
// "Copia il link a questa sezione" copies the section's address, so that a help desk can send it. Nothing is
// sent anywhere; the clipboard is written only on a click.
(function () {
  'use strict';
  // A page not in Italian carries its words (`#testi-pagina`), read once here for this script and the search's
  // (`window.civisTesti`, which runs after this one); Italian is the fallback.
  var el = document.getElementById('testi-pagina');
  var testi = {};
  try { testi = el ? JSON.parse(el.textContent) : {}; } catch (e) { testi = {}; }
  window.civisTesti = testi;
  if (!navigator.clipboard || !window.isSecureContext) return;
  var prima = (testi.anchor_label || 'Link a questa sezione') + ': ';
  var copia = testi.copy_anchor_label || 'Copia il link a questa sezione';
  document.querySelectorAll('a.ancora').forEach(function (a) {
    var etichetta = a.getAttribute('aria-label') || '';
    var titolo = etichetta.indexOf(prima) === 0 ? etichetta.slice(prima.length) : etichetta;
    a.setAttribute('aria-label', copia + ': ' + titolo);
    a.title = copia;
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
        nota.textContent = testi.link_copied || 'Link copiato';
        a.after(nota);
        setTimeout(function () { nota.remove(); }, 4000);
      }, function () { location.hash = a.getAttribute('href'); });
    });
  });
})();
