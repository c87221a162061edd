// The guide's search box (a classic script, so it runs from file:// too). Without JavaScript the header keeps its
// link to the A–Z page; with it the link becomes a search box. Nothing is loaded until the box gets the focus:
// then the index's root file and the small WebAssembly module that stems the query with the same Rust code that
// stemmed the pages (civis-ricerca). Every part of the index is a classic script that calls
// civisRicerca.parte(name, data), so no fetch is needed. What is typed never leaves the page.
/* global civisRicercaMod: the module's glue (a global lexical binding of its own classic script) */
(function () {
  'use strict';
  var contenitore = document.querySelector('.ricerca[data-radice]');
  if (!contenitore) return;
  var radiceSito = contenitore.getAttribute('data-radice');
  // One index per language: a translated page names its own (`en/ricerca/`).
  var indiceLingua = contenitore.getAttribute('data-indice');
  // The language's folder (`../en/`), where its index, its A–Z page and its page of all results are.
  var radiceLingua = radiceSito + (indiceLingua ? indiceLingua.replace(/ricerca\/$/, '') : '');
  var base = radiceSito + (indiceLingua || 'ricerca/');
  // A page not in Italian carries its words (`#testi-pagina`, read by sito.js, which runs first); Italian is the
  // fallback.
  var testiPagina = window.civisTesti || {};
  function T(chiave, italiano, valori) {
    var s = testiPagina[chiave] || italiano;
    Object.keys(valori || {}).forEach(function (n) { s = s.split('{' + n + '}').join(valori[n]); });
    return s;
  }
  // The module's loader, named by its content's fingerprint: the page says which.
  var caricatore = contenitore.getAttribute('data-modulo') || base + 'pkg/avvio.js';
  var linkAz = contenitore.querySelector('a');
  var MASSIMO = 10;

  // Registration functions the index's scripts and the module call.
  var attese = {};
  var parti = {};
  var R = window.civisRicerca = {
    radice: function (dati) { R.indice = dati; arriva('radice', dati); },
    // A part is the base64 of its gzipped JSON, inflated here (postings compress several times over).
    parte: function (nome, dati) {
      var testo = atob(dati), byte = new Uint8Array(testo.length);
      for (var i = 0; i < testo.length; i++) byte[i] = testo.charCodeAt(i);
      new Response(new Blob([byte]).stream().pipeThrough(new DecompressionStream('gzip'))).text().then(
        function (json) { arriva(nome, JSON.parse(json)); },
        function (e) { var a = attese[nome]; if (a) a.rifiuta(e); });
    },
    pronto: function () { arriva('modulo', true); }
  };
  function arriva(nome, dati) {
    parti[nome] = dati;
    var a = attese[nome];
    if (a) a.risolvi(dati);
  }
  function carica(nome, src) {
    if (attese[nome]) return attese[nome].promessa;
    var a = attese[nome] = {};
    a.promessa = new Promise(function (risolvi, rifiuta) {
      a.risolvi = risolvi;
      a.rifiuta = rifiuta;
      var s = document.createElement('script');
      s.src = src || (base + nome + '.js');
      s.onerror = function () { rifiuta(new Error(nome)); };
      document.head.appendChild(s);
    });
    if (nome in parti) a.risolvi(parti[nome]);
    return a.promessa;
  }
  var preparata = null;
  function prepara() {
    if (!preparata) {
      preparata = Promise.all([carica('radice'), carica('modulo', caricatore)]).then(function () {
        civisRicercaMod.sinonimi(R.indice.s);
        R.chiaviI = new Set(R.indice.i);
        R.chiaviB = new Set(R.indice.b);
      });
    }
    return preparata;
  }

  // The box.
  contenitore.setAttribute('role', 'search');
  contenitore.innerHTML = '';
  var etichetta = document.createElement('label');
  etichetta.htmlFor = 'cerca';
  etichetta.className = 'nascosto';
  etichetta.textContent = T('search_label', 'Cerca nella guida');
  var campo = document.createElement('input');
  campo.type = 'search';
  campo.id = 'cerca';
  // The "/" shortcut is only worth naming to someone with a keyboard and a mouse, not on a phone.
  var tastiera = window.matchMedia && window.matchMedia('(hover: hover) and (pointer: fine)').matches;
  campo.placeholder = tastiera ? T('search_label', 'Cerca nella guida') + ' ' + T('search_key_hint', '(tasto /)') : T('search_label', 'Cerca nella guida');
  campo.autocomplete = 'off';
  campo.spellcheck = false;
  campo.setAttribute('aria-describedby', 'cerca-stato');
  campo.setAttribute('aria-controls', 'cerca-risultati');
  var pannello = document.createElement('div');
  pannello.className = 'ricerca-pannello';
  pannello.hidden = true;
  var stato = document.createElement('p');
  stato.id = 'cerca-stato';
  stato.className = 'ricerca-stato';
  stato.setAttribute('aria-live', 'polite');
  var lista = document.createElement('ul');
  lista.id = 'cerca-risultati';
  lista.setAttribute('aria-label', T('search_results', 'Risultati della ricerca'));
  var az = document.createElement('p');
  az.className = 'ricerca-az';
  var azLink = document.createElement('a');
  azLink.href = linkAz ? linkAz.getAttribute('href') : radiceSito + 'indice-az/index.html';
  azLink.textContent = T('search_az_link', 'Indice dalla A alla Z');
  az.appendChild(azLink);
  var tuttiLink = document.createElement('p');
  tuttiLink.className = 'ricerca-tutti';
  tuttiLink.hidden = true;
  tuttiLink.appendChild(document.createElement('a'));
  pannello.appendChild(stato);
  pannello.appendChild(lista);
  pannello.appendChild(tuttiLink);
  pannello.appendChild(az);
  contenitore.appendChild(etichetta);
  contenitore.appendChild(campo);
  contenitore.appendChild(pannello);

  // The index.
  function sanifica(t) { return t.replace(/[^a-z0-9]/g, '_'); }
  function chiaveDi(insieme, termine) {
    var t = sanifica(termine);
    for (var n = Math.min(t.length, 8); n > 0; n--) if (insieme.has(t.slice(0, n))) return t.slice(0, n);
    return null;
  }
  function chiaviPrefisso(insieme, prefisso) {
    var p = sanifica(prefisso), out = [];
    insieme.forEach(function (k) { if (k.indexOf(p) === 0) out.push(k); });
    var k = chiaveDi(insieme, prefisso);
    if (k) out.push(k);
    return out;
  }
  var liste = {};
  function leggiLista(testo) {
    var m = new Map(), doc = 0;
    testo.split(',').forEach(function (voce) {
      var i = voce.indexOf(':');
      doc += parseInt(i < 0 ? voce : voce.slice(0, i), 36);
      m.set(doc, i < 0 ? 1 : parseInt(voce.slice(i + 1), 36));
    });
    return m;
  }
  function postings(cartella, termine) {
    var id = cartella + ' ' + termine;
    if (id in liste) return liste[id];
    var insieme = cartella === 'i' ? R.chiaviI : R.chiaviB;
    var k = chiaveDi(insieme, termine);
    var parte = k && parti[cartella + '/' + k];
    return (liste[id] = parte && parte[termine] ? leggiLista(parte[termine]) : null);
  }
  function termini(prefisso) {
    var out = [];
    chiaviPrefisso(R.chiaviI, prefisso).forEach(function (k) {
      var parte = parti['i/' + k] || {};
      Object.keys(parte).forEach(function (t) { if (t.indexOf(prefisso) === 0 && out.indexOf(t) < 0) out.push(t); });
    });
    return out;
  }
  function idf(df) { return Math.log(1 + R.indice.n / df); }

  // The word still being typed, matched by prefix too: the query's last concept when it is one word with no
  // synonyms, of three letters or more, and nothing typed after it. Null otherwise.
  function inCorso(concetti, q) {
    var ultimo = concetti[concetti.length - 1];
    if (/\s$/.test(q) || ultimo.length !== 1 || ultimo[0].length !== 1 || ultimo[0][0].length < 3) return null;
    return ultimo[0][0];
  }

  // One concept's scores: for each alternative, the documents with all its stems (the word being typed,
  // `prefisso`, also matches longer stems); a two-word alternative found as a phrase counts more.
  function punteggi(concetto, prefisso, trovate) {
    var punti = new Map();
    // A synonym weighs like the word typed (Equitalia → Agenzia delle entrate-Riscossione): each alternative's
    // score is its stems' mean weight times the rarest stem's idf among all the alternatives, so common words of
    // a long name do not sink it below a rare old name.
    var idfMassimo = 0;
    concetto.forEach(function (alt) {
      alt.forEach(function (s) { var l = postings('i', s); if (l) idfMassimo = Math.max(idfMassimo, idf(l.size)); });
    });
    concetto.forEach(function (alt) {
      var mappe = alt.map(function (s) {
        if (s === prefisso) {
          var unione = new Map(), tutti = termini(s), esatto = tutti.indexOf(s) >= 0;
          tutti.forEach(function (t) {
            var l = postings('i', t);
            if (!l) return;
            trovate.push(t);
            // While a word is typed, longer words that start like it are found too; once the word itself is in
            // the index, they count far less than it.
            var w = idf(l.size) * (t === s || !esatto ? 1 : 0.1);
            l.forEach(function (p, d) { unione.set(d, Math.max(unione.get(d) || 0, p * w)); });
          });
          return unione.size ? unione : null;
        }
        var l = postings('i', s);
        if (!l) return null;
        trovate.push(s);
        var w = idf(l.size), pesata = new Map();
        l.forEach(function (p, d) { pesata.set(d, p * w); });
        return pesata;
      });
      if (mappe.some(function (m) { return !m; })) return;
      mappe.sort(function (a, b) { return a.size - b.size; });
      var frasi = [];
      for (var k = 0; k + 1 < alt.length; k++) frasi.push(postings('b', alt[k] + ' ' + alt[k + 1]));
      mappe[0].forEach(function (_, d) {
        if (!mappe.every(function (m) { return m.has(d); })) return;
        var p = mappe.reduce(function (a, m) { return a + m.get(d); }, 0);
        if (concetto.length > 1 && idfMassimo > 0) {
          var idfAlt = alt.reduce(function (a, s) { var l = postings('i', s); return a + (l ? idf(l.size) : 0); }, 0);
          if (idfAlt > 0) p = p / idfAlt * idfMassimo;
        }
        if (frasi.length && frasi.every(function (f) { return f && f.has(d); })) p *= 1.5;
        if (alt.corretta) p *= 0.5;
        if (p > (punti.get(d) || 0)) punti.set(d, p);
      });
    });
    return punti;
  }

  // The two-word phrases to look up: between neighbouring concepts, the words as typed (each concept's first
  // alternative: the exact phrase of the query, not of its synonyms); inside each alternative, its own words.
  function coppie(concetti) {
    var out = [];
    for (var i = 0; i + 1 < concetti.length; i++) {
      var a = concetti[i][0], b = concetti[i + 1][0];
      out.push([i, a[a.length - 1] + ' ' + b[0]]);
    }
    concetti.forEach(function (c) {
      c.forEach(function (a) { for (var k = 0; k + 1 < a.length; k++) out.push([-1, a[k] + ' ' + a[k + 1]]); });
    });
    return out;
  }

  // Typos: a stem the index does not have (and that no longer word starts with, for the word being typed) is
  // matched by edit distance against the vocabulary parts of nearby lengths, in the Rust module. The correction
  // is added as a further alternative, weighing half: results of a corrected word rank below exact ones.
  function correggi(concetti, prefisso, q) {
    var trovato = function (alt) {
      return alt.every(function (s) { return postings('i', s) || (s === prefisso && termini(s).length); });
    };
    var mancanti = [];
    concetti.forEach(function (c) {
      if (c.some(trovato)) return;
      c.forEach(function (alt) { alt.forEach(function (s) { if (!trovato([s]) && mancanti.indexOf(s) < 0) mancanti.push(s); }); });
    });
    if (!mancanti.length || !R.indice.v) return Promise.resolve([]);
    var lunghezze = {};
    mancanti.forEach(function (m) {
      R.indice.v.forEach(function (n) { if (Math.abs(n - m.length) <= 2) lunghezze[n] = true; });
    });
    var nomi = Object.keys(lunghezze);
    return Promise.all(nomi.map(function (n) { return carica('v/' + n); })).then(function () {
      // The synonyms' own words count too: "esattoriale" is on no page, but "cartella esattoriale" is a synonym.
      var deiSinonimi = R.indice.s.split(/[\n|> ]+/).filter(Boolean).map(function (s) { return s + ':1'; });
      var vocabolario = nomi.map(function (n) { return parti['v/' + n]; }).concat(deiSinonimi).join(' ');
      var corrette = {}, elenco = [];
      mancanti.forEach(function (m) {
        var c = civisRicercaMod.correggi(m, vocabolario);
        if (c) { corrette[m] = c; elenco.push(c); }
      });
      if (!elenco.length) return [];
      // The query again with the corrected stems, so that its phrases meet their synonyms
      // ("cartela esatoriale" → "cartella esattoriale" = "cartella di pagamento").
      var radici = civisRicercaMod.radici(q).split(' ').filter(Boolean).map(function (s) { return corrette[s] || s; });
      var nuovi = civisRicercaMod.concetti_di_radici(radici.join(' ')).split('\n').filter(Boolean).map(function (l) {
        return l.split('|').map(function (a) {
          var alt = a.split(' ');
          alt.corretta = alt.some(function (s) { return elenco.indexOf(s) >= 0; });
          return alt;
        });
      });
      concetti.length = 0;
      nuovi.forEach(function (c) { concetti.push(c); });
      var richieste = [];
      concetti.forEach(function (c) {
        c.forEach(function (a) { a.forEach(function (s) { var k = chiaveDi(R.chiaviI, s); if (k) richieste.push(carica('i/' + k)); }); });
      });
      return Promise.all(richieste).then(function () { return elenco; });
    });
  }

  // The corrected words as the pages write them: the first highlighted word of the results for each stem.
  function comeCorretta(docs, corrette) {
    return corrette.map(function (c) {
      for (var i = 0; i < docs.length; i++) {
        var t = docs[i][3] || '', r = civisRicercaMod.evidenzia(t, c).split(',').filter(Boolean)[0];
        if (r) { var x = r.split('-').map(Number); return t.slice(x[0], x[1]).toLowerCase(); }
      }
      return c + '…';
    }).join(' ');
  }

  var turno = 0;
  var mostrata = null;
  var massimo = MASSIMO;
  function cerca(q, dopo) {
    var mio = ++turno, t0 = performance.now();
    if (q.trim().length < 2) { mostra(mio, q, [], []); return; }
    prepara().then(function () {
      var concetti = civisRicercaMod.concetti(q).split('\n').filter(Boolean).map(function (l) {
        return l.split('|').map(function (a) { return a.split(' '); });
      });
      if (!concetti.length) { mostra(mio, q, [], []); return; }
      var prefisso = inCorso(concetti, q);
      var richieste = [];
      concetti.forEach(function (c) {
        c.forEach(function (a) {
          a.forEach(function (s) {
            var k = chiaveDi(R.chiaviI, s);
            if (k) richieste.push(carica('i/' + k));
          });
        });
      });
      if (prefisso) chiaviPrefisso(R.chiaviI, prefisso).forEach(function (k) { richieste.push(carica('i/' + k)); });
      var frasi = coppie(concetti).slice(0, 24);
      frasi.forEach(function (f) {
        var k = chiaveDi(R.chiaviB, f[1]);
        if (k) richieste.push(carica('b/' + k));
      });
      return Promise.all(richieste).then(function () { return correggi(concetti, prefisso, q); }).then(function (corrette) {
        var trovate = [];
        var perConcetto = concetti.map(function (c, i) { return punteggi(c, i === concetti.length - 1 ? prefisso : null, trovate); });
        var totale = new Map();
        perConcetto[0].forEach(function (p, d) {
          if (!perConcetto.every(function (m) { return m.has(d); })) return;
          totale.set(d, perConcetto.reduce(function (a, m) { return a + m.get(d); }, 0));
        });
        // The words typed next to each other, found next to each other: the exact phrase comes first.
        frasi.forEach(function (f) {
          if (f[0] < 0) return;
          var l = postings('b', f[1]);
          if (l) l.forEach(function (_, d) { if (totale.has(d)) totale.set(d, totale.get(d) * 3); });
        });
        var ordinati = Array.from(totale.entries()).sort(function (a, b) { return b[1] - a[1] || a[0] - b[0]; }).slice(0, massimo);
        var blocchi = ordinati.map(function (e) { return carica('d/' + Math.floor(e[0] / R.indice.blocco)); });
        return Promise.all(blocchi).then(function () {
          var docs = ordinati.map(function (e) { return parti['d/' + Math.floor(e[0] / R.indice.blocco)][e[0] % R.indice.blocco]; });
          mostra(mio, q, docs, trovate, totale.size, corrette.length ? comeCorretta(docs, corrette) : null);
          // For measurements (bench/ricerca): how long the query took, from its start to the results on screen.
          if (mio === turno) contenitore.dispatchEvent(new CustomEvent('civis-ricerca', { detail: { ms: performance.now() - t0, risultati: totale.size } }));
          if (dopo && mio === turno) dopo();
        });
      });
    }).catch(function (e) {
      if (window.console) console.warn('ricerca: ' + e);
      if (mio === turno) annuncia(T('search_unavailable', 'La ricerca non è disponibile in questa pagina: usa l\'indice dalla A alla Z.'));
    });
  }

  function annuncia(testo) { pannello.hidden = false; stato.textContent = testo; }

  function estratto(testo, radici) {
    var intervalli = civisRicercaMod.evidenzia(testo, radici.join(' ')).split(',').filter(Boolean).map(function (x) {
      return x.split('-').map(Number);
    });
    var inizio = 0;
    if (intervalli.length) {
      inizio = Math.max(0, intervalli[0][0] - 70);
      if (inizio > 0) { var spazio = testo.indexOf(' ', inizio); inizio = spazio < 0 ? inizio : spazio + 1; }
    }
    var fine = Math.min(testo.length, inizio + 220);
    var f = document.createDocumentFragment();
    if (inizio > 0) f.appendChild(document.createTextNode('… '));
    var pos = inizio;
    intervalli.forEach(function (r) {
      if (r[0] < pos || r[1] > fine) return;
      f.appendChild(document.createTextNode(testo.slice(pos, r[0])));
      var m = document.createElement('mark');
      m.textContent = testo.slice(r[0], r[1]);
      f.appendChild(m);
      pos = r[1];
    });
    f.appendChild(document.createTextNode(testo.slice(pos, fine) + (fine < testo.length ? ' …' : '')));
    return f;
  }

  function mostra(mio, q, docs, radici, quanti, corretta) {
    if (mio !== turno) return;
    mostrata = q;
    lista.textContent = '';
    if (q.trim().length < 2) { pannello.hidden = true; stato.textContent = ''; return; }
    docs.forEach(function (d) {
      var li = document.createElement('li');
      var a = document.createElement('a');
      a.href = radiceSito + d[0];
      var titolo = document.createElement('span');
      titolo.className = 'risultato-titolo';
      titolo.textContent = d[2] ? d[1] + ' › ' + d[2] : d[1];
      var testo = document.createElement('span');
      testo.className = 'risultato-estratto';
      testo.appendChild(estratto(d[3] || '', radici));
      a.appendChild(titolo);
      a.appendChild(testo);
      li.appendChild(a);
      lista.appendChild(li);
    });
    var v = { q: q.trim(), c: corretta, n: docs.length, m: quanti };
    var per = corretta ? T('search_corrected', 'per «{c}» (hai scritto «{q}»)', v) : T('search_for', 'per «{q}»', v);
    var conto = quanti > docs.length ? T('search_first', 'I primi {n} di {m} risultati', v)
      : docs.length === 1 ? T('search_one', '1 risultato') : T('search_many', '{n} risultati', v);
    annuncia(docs.length ? conto + ' ' + per + '.' + (paginaTutti ? '' : ' ' + T('search_enter', 'Premi Invio per aprire il primo.'))
      : T('search_none', 'Nessun risultato per «{q}». Prova con un\'altra parola o apri l\'indice dalla A alla Z.', v));
    // The page of all the results, in the language's own folder (`en/cerca/`), which searches its index.
    tuttiLink.hidden = Boolean(paginaTutti) || !(quanti > docs.length);
    if (!tuttiLink.hidden) {
      tuttiLink.firstChild.textContent = T('search_all', 'Mostra tutti i risultati ({n})', { n: quanti });
      tuttiLink.firstChild.href = radiceLingua + 'cerca/index.html#q=' + encodeURIComponent(q.trim());
    }
  }

  // The page of all the results (`cerca/`): the query is in the fragment (never sent anywhere, kept by the
  // history), every result is listed in the page's own section.
  var paginaTutti = document.getElementById('risultati-tutti');
  if (paginaTutti) {
    massimo = Infinity;
    paginaTutti.appendChild(pannello);
    pannello.classList.add('ricerca-pagina');
    var daFrammento = function () {
      var m = /(?:^|&)q=([^&]*)/.exec(location.hash.slice(1));
      var q = m ? decodeURIComponent(m[1].replace(/\+/g, ' ')) : '';
      campo.value = q;
      if (q) cerca(q);
    };
    window.addEventListener('hashchange', daFrammento);
    daFrammento();
  }

  // Keyboard: "/" focuses the box; arrows move through the results; Enter opens the first; Escape closes.
  var attesa = null;
  campo.addEventListener('focus', function () { prepara().catch(function () {}); });
  campo.addEventListener('input', function () {
    clearTimeout(attesa);
    var q = campo.value;
    // On the page of all the results the query goes into the fragment, so "back" and a reload keep it.
    if (paginaTutti && history.replaceState) history.replaceState(null, '', '#q=' + encodeURIComponent(q.trim()));
    attesa = setTimeout(function () { cerca(q); }, 60);
  });
  function link() { return Array.prototype.slice.call(lista.querySelectorAll('a')); }
  campo.addEventListener('keydown', function (e) {
    var l = link();
    if (e.key === 'ArrowDown' && l.length) { e.preventDefault(); l[0].focus(); }
    else if (e.key === 'Enter') {
      e.preventDefault();
      clearTimeout(attesa);
      if (mostrata === campo.value && l.length) { location.href = l[0].href; return; }
      cerca(campo.value, function () { var n = link(); if (n.length) location.href = n[0].href; });
    }
    else if (e.key === 'Escape') { campo.value = ''; mostra(++turno, '', [], []); }
  });
  lista.addEventListener('keydown', function (e) {
    var l = link(), i = l.indexOf(document.activeElement);
    if (e.key === 'ArrowDown' && i + 1 < l.length) { e.preventDefault(); l[i + 1].focus(); }
    else if (e.key === 'ArrowUp') { e.preventDefault(); (i > 0 ? l[i - 1] : campo).focus(); }
    else if (e.key === 'Escape') { e.preventDefault(); campo.focus(); }
  });
  document.addEventListener('keydown', function (e) {
    if (e.key !== '/' || e.ctrlKey || e.metaKey || e.altKey) return;
    var t = e.target, nome = t && t.tagName;
    if (nome === 'INPUT' || nome === 'TEXTAREA' || nome === 'SELECT' || (t && t.isContentEditable)) return;
    e.preventDefault();
    campo.focus();
  });
})();
