// Browser tests of the wizard in Debian's headless Chromium (playwright-core from tools/npm), against the site
// built by `civis-guida build`: a person's clicks and keystrokes through the shared scenarios, the dates and
// channel compared with the engine's own answer (`civis-guida advise`), the pre-filled link, "Cambia", the
// pages without JavaScript, the site opened from disk, no request to another origin, axe-core on every step.
//
// Environment: E2E_SITE (built site), CIVIS_GUIDA (the binary), SHARED_SCENARIOS (default: the copy of the shared
// sample cases in tests/scenari-condivisi, so that a clone with nothing beside it runs them).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { REPO, SITE, avvia, chiudi, open, axe, axeSenzaScript, origin, browser, inPagina, engine, expected, risposteDellaPagina, conImpronta } from './sito.mjs';

const SHARED = process.env.SHARED_SCENARIOS ?? join(REPO, 'tests/scenari-condivisi');

before(async () => {
  assert.ok(conImpronta('assistente/pkg', 'civis_wizard_bg.wasm'), `no wizard bundle in ${SITE}: run civis-guida build first`);
  assert.ok(existsSync(SHARED), `no shared scenarios at ${SHARED}`);
  await avvia();
});

after(chiudi);

/** What the result page shows: channels in order and deadlines by id. */
async function shown(page) {
  await page.waitForSelector('[data-esito]');
  const canali = await page.$$eval('[data-canale]', els => els.map(e => e.dataset.canale));
  const scadenze = Object.fromEntries(await page.$$eval('[data-scadenza]', els => els.map(e => [e.dataset.scadenza, e.dataset.data])));
  return { canali, scadenze };
}

const value = (risposte, key) => key.split('.').reduce((o, k) => (o ?? {})[k], risposte);

/** The pre-rendered first question of the start page, which the app leaves as it is until the first choice. */
const PRIMA = '#wizard-root ul.scelte[data-chiave]';

/** The key of the question on screen: the app's form, or the start page's pre-rendered first question. */
const chiaveCorrente = page => page.$eval(`form.domanda, ${PRIMA}`, f => f.dataset.chiave).catch(() => null);

/** The start page's first question, answered by its links: the app takes over at the click, on the next step. */
async function answerFirst(page, risposte) {
  const key = await page.$eval(PRIMA, u => u.dataset.chiave);
  const v = value(risposte, key);
  await axe(page, `question ${key} (pre-rendered)`);
  const salta = page.getByRole('link', { name: 'Non lo so, salta' });
  if (v === undefined && await salta.count()) await salta.click();
  else if (v === undefined) await page.locator('a.scelta[data-frammento]').first().click();
  else await page.click(`a.scelta[data-valore="${v}"]`);
  await page.waitForSelector('#wizard-root[data-montata] [data-pronto]');
}

/** Answers the current question as a person would: clicks a link or a label, types the date, or skips an
 * optional one. */
async function answerOne(page, risposte) {
  if (await page.$(PRIMA)) return answerFirst(page, risposte);
  const form = await page.$('form.domanda');
  const key = await form.getAttribute('data-chiave');
  const tipo = await form.getAttribute('data-tipo');
  const v = value(risposte, key);
  const focused = await page.evaluate(() => document.activeElement?.id);
  assert.equal(focused, 'domanda', `focus on the question heading at ${key}`);
  await axe(page, `question ${key}`);
  const salta = page.getByRole('button', { name: 'Non lo so, salta' });
  if (v === undefined && await salta.count()) {
    await salta.click();
  } else if (v === undefined) {
    // A question every person can answer (no "Non lo so"): its first option is the answer `advise` assumes.
    await page.locator('label[for^="scelta-"]').first().click();
    await page.getByRole('button', { name: 'Continua' }).click();
  } else if (tipo === 'scelta') {
    await page.click(`label[for="scelta-${v}"]`);
    await page.getByRole('button', { name: 'Continua' }).click();
  } else if (tipo === 'data') {
    const [y, m, d] = v.split('-');
    await page.getByLabel('Giorno').pressSequentially(String(Number(d)));
    await page.getByLabel('Mese').pressSequentially(String(Number(m)));
    await page.getByLabel('Anno').pressSequentially(y);
    await page.keyboard.press('Enter');
  } else {
    await page.locator('#valore').pressSequentially(String(v));
    await page.keyboard.press('Enter');
  }
  await page.waitForFunction(k => !document.querySelector(`form.domanda[data-chiave="${k}"]`) || document.querySelector('#errore'), key);
  assert.equal(await page.$('#errore'), null, `no validation error at ${key}`);
}

/** Answers every question as a person would, up to the result; returns the number of questions. */
async function answer(page, risposte) {
  for (let step = 0; step < 20; step++) {
    await page.waitForSelector(`form.domanda, ${PRIMA}, [data-esito]`);
    if (await page.$('[data-esito]')) return step;
    await answerOne(page, risposte);
  }
  throw new Error('too many questions');
}

const scenarios = readdirSync(SHARED).filter(f => f.endsWith('.json')).map(f => JSON.parse(readFileSync(join(SHARED, f), 'utf8')))
  .filter(s => !s.atteso.errore);

for (const sc of scenarios) {
  test(`scenario ${sc.nome}: the wizard shows the engine's channel and dates`, async () => {
    const { context, page, problems } = await open();
    try {
      await page.goto(`${origin}/assistente/index.html?oggi=${sc.oggi}`);
      await page.waitForSelector('[data-pronto]');
      await answer(page, sc.risposte);
      const got = await shown(page);
      // The engine asked with the answers the person gave (the wizard always asks, for example, what the debt is
      // for, where `advise` may be called without it).
      const advice = engine(sc.oggi, await risposteDellaPagina(page));
      assert.deepEqual(got, expected(advice));
      if (sc.atteso.canale_principale) assert.equal(advice.canali[0].id, sc.atteso.canale_principale);
      for (const [id, data] of Object.entries(sc.atteso.scadenze ?? {})) assert.equal(got.scadenze[id], data);
      await axe(page, 'result');
      assert.deepEqual(problems, []);
    } finally { await context.close(); }
  });
}

/** The link a person follows on a pre-rendered page for the answer `v` to the question the app showed as `q`:
 * the choice's label, "Non lo so, salta", or, where a question cannot be skipped, its first option (the answer
 * `advise` assumes when it is left out). */
async function etichettaStatica(page, q, v) {
  if (v !== undefined) return q.opzioni[q.valori.indexOf(String(v))];
  return (await page.getByRole('link', { name: 'Non lo so, salta' }).count()) ? 'Non lo so, salta' : q.opzioni[0];
}

/** The app's outcome and the pre-rendered one agree: in time, the same channels, procedure and pages; once the
 * deadline has passed (the app knows the dates, the pages say it in words), the app's outcome is the pages' own
 * "Se il termine è già passato". */
function confronta(fineApp, fineStatica) {
  assert.ok(fineApp && fineStatica, 'both reach the outcome');
  if (fineApp.scaduta) {
    assert.ok(fineStatica.dopo, 'the pages without JavaScript say what to do after the deadline');
    assert.equal(fineApp.canali[0].split(':')[0], fineStatica.dopo.canale, 'channel after the deadline');
    assert.deepEqual(fineApp.passi, fineStatica.dopo.passi, 'procedure after the deadline');
  } else {
    assert.deepEqual(fineApp.canali, fineStatica.canali, 'channels');
    assert.deepEqual(fineApp.passi, fineStatica.passi, 'procedure');
    assert.deepEqual(fineApp.pagine, fineStatica.pagine, 'pages to read, with the same titles');
    // The app also cites the laws behind the dates it computed (notification, for one), which the pages
    // without JavaScript do not compute: theirs are a part of the app's. The testi unici are the exception: the
    // pages, without dates, say that from 1 January 2027 an article is restated; the app cites a testo unico only
    // when the case's dates reach that day.
    const testiUnici = /^D\.Lgs\. (33\/2025|175\/2024):/;
    const mancanti = fineStatica.fonti.filter(f => !fineApp.fonti.includes(f) && !testiUnici.test(f));
    assert.deepEqual(mancanti, [], 'laws cited without JavaScript and not by the app');
  }
}

/** What a step shows, read the same way from the app and from a pre-rendered page. */
async function step(page) {
  return page.evaluate(() => {
    const text = e => e.textContent.replace(/\s+/g, ' ').trim();
    const progresso = [...document.querySelectorAll('.passi-percorso li')].map(li =>
      `${text(li.querySelector('.domanda-fatta'))} = ${text(li.querySelector('strong'))}`);
    const heading = text(document.querySelector('#domanda'));
    const opzioni = [...document.querySelectorAll('form.domanda label[for^="scelta-"], ul.scelte a.scelta')]
      .map(e => e.childNodes[0].textContent.trim());
    const esito = document.querySelector('.risposta') ? {
      scaduta: document.querySelector('.risposta').classList.contains('scaduta'),
      canali: [...document.querySelectorAll('[data-canale]')].map(e => `${e.dataset.canale}: ${text(e)}`),
      passi: [...document.querySelectorAll('.procedura li')].map(text),
      pagine: [...document.querySelectorAll('.da-leggere ul:not(.fonti) li')].map(text),
      fonti: [...document.querySelectorAll('.da-leggere .fonti li')].map(text),
      // Pages without JavaScript: what to do once the deadline has passed.
      dopo: document.querySelector('.se-scaduto') ? {
        canale: document.querySelector('[data-canale-dopo]')?.dataset.canaleDopo ?? null,
        passi: [...document.querySelectorAll('.procedura-dopo li')].map(text),
      } : null,
    } : null;
    return { progresso, heading, opzioni, esito };
  });
}

for (const sc of scenarios) {
  test(`scenario ${sc.nome}: the app and the pages without JavaScript show the same steps and outcome`, async () => {
    const app = await open();
    const statico = await open({ javaScriptEnabled: false });
    try {
      // The app, answered as a person would; every step recorded with its choices' values.
      // No fixed "today": the app uses the browser's date, the pages the build's date, as for a real visitor.
      await app.page.goto(`${origin}/assistente/index.html`);
      await app.page.waitForSelector('[data-pronto]');
      const passiApp = [];
      for (let i = 0; i < 20; i++) {
        await app.page.waitForSelector(`form.domanda, ${PRIMA}, [data-esito]`);
        const chiave = await chiaveCorrente(app.page);
        const valori = await app.page.$$eval('input[type="radio"], a.scelta[data-valore]', els => els.map(e => e.value ?? e.dataset.valore));
        passiApp.push({ ...(await step(app.page)), chiave, valori });
        if (!chiave) break;
        await answerOne(app.page, sc.risposte);
      }
      // The pre-rendered pages, following the scenario's choices by their links.
      await statico.page.goto(`${origin}/assistente/index.html`);
      const passiStatici = [];
      for (let i = 0; i < 20; i++) {
        const s = await step(statico.page);
        passiStatici.push(s);
        if (s.esito) break;
        const q = passiApp.find(p => p.heading === s.heading);
        assert.ok(q, `the page without JavaScript asks «${s.heading}», which the app never asked`);
        const v = value(sc.risposte, q.chiave);
        const etichetta = await etichettaStatica(statico.page, q, v);
        assert.ok(etichetta, `scenario ${sc.nome}: no choice «${v}» for «${s.heading}»`);
        await statico.page.getByRole("link", { name: etichetta, exact: true }).first().click();
      }
      // Every question of the pages without JavaScript is asked by the app with the same options and the same
      // answers before it; the app also asks the questions that only change dates, left out here.
      const domandeStatiche = new Set(passiStatici.map(x => x.heading));
      for (const s of passiStatici.slice(0, -1)) {
        const a = passiApp.find(p => p.heading === s.heading);
        assert.deepEqual(a.opzioni, s.opzioni, `options of «${s.heading}»`);
        assert.deepEqual(a.progresso.filter(r => domandeStatiche.has(r.split(' = ')[0])), s.progresso, `answers shown before «${s.heading}»`);
      }
      confronta(passiApp.at(-1).esito, passiStatici.at(-1).esito);
      assert.deepEqual([...app.problems, ...statico.problems], []);
    } finally {
      await app.context.close();
      await statico.context.close();
    }
  });
}

test('without JavaScript, Cambia keeps the later answers too', () => inPagina({ javaScriptEnabled: false }, async ({ page }) => {
  await page.goto(`${origin}/assistente/cartella/controllo_automatizzato/contestare/index.html`);
  assert.match(await page.textContent('h1'), /Che cosa fare/);
  await page.getByRole('link', { name: 'Cambia la risposta a «Da che cosa deriva la cartella?»' }).click();
  assert.equal(await page.textContent('h1'), 'Da che cosa deriva la cartella?');
  await page.getByRole('link', { name: 'Dal controllo formale della dichiarazione' }).click();
  assert.match(await page.textContent('h1'), /Che cosa fare/, 'straight to the outcome: the goal was kept');
  assert.match(await page.textContent('.passi-percorso'), /Contestarlo davanti al giudice/);
  assert.match(await page.textContent('.passi-percorso'), /Dal controllo formale della dichiarazione/);
}));

test('on a 390 px phone the progress shows the current step, the answers on request (steppers pattern)', () => inPagina({ viewport: { width: 390, height: 844 } }, async ({ page }) => {
  await page.goto(`${origin}/assistente/index.html?oggi=2026-07-20#atto=cartella&origine=controllo_automatizzato`);
  await page.waitForSelector('form.domanda[data-chiave="obiettivo"]');
  assert.equal(await page.isVisible('.passi-percorso ol'), false, 'answers hidden on a phone');
  assert.match(await page.textContent('.passi-percorso p'), /Domanda 3/);
  await page.getByText('Mostra le risposte date (2)').click();
  assert.equal(await page.isVisible('.passi-percorso ol'), true, 'shown on request');
  await axe(page, 'phone progress');
}));

const TELEFONO = { width: 390, height: 844 }, DESKTOP = { width: 1366, height: 768 };
const CONTESTARE = 'atto=cartella&origine=controllo_automatizzato&obiettivo=contestare&notifica.modo=pec'
  + '&notifica.data=2026-07-15&anno_presentazione=2023&importo=&richiedente=';

for (const [nome, viewport] of [['phone', TELEFONO], ['desktop', DESKTOP]]) {
  test(`the answer first (${nome}): contesting a cartella of 15 July, the first date is the appeal's, then the others by date, one warning block`, () => inPagina({ viewport }, async ({ page }) => {
    await page.goto(`${origin}/assistente/index.html?oggi=2026-07-20#${CONTESTARE}`);
    await page.waitForSelector('[data-esito]');
    assert.equal(await page.textContent('.risposta .frase'), 'Presenta ricorso entro mercoledì 14 ottobre 2026.');
    assert.match(await page.textContent('.risposta .giorni'), /mancano 86 giorni/);
    assert.equal(await page.getAttribute('.risposta .canale [data-canale]', 'data-canale'), 'ricorso');
    const box = await page.locator('.risposta .frase').boundingBox();
    assert.ok(box.y + box.height <= viewport.height, `the answer is in the first screen (${JSON.stringify(box)})`);
    // The first date on the page is the appeal's; the other deadlines follow in date order.
    const date = await page.$$eval('[data-data]', els => els.map(e => [e.dataset.scadenza, e.dataset.data]).filter(([, d]) => d));
    assert.deepEqual(date[0], ['ricorso', '2026-10-14'], `${JSON.stringify(date)}`);
    const altre = date.slice(1).filter(([id]) => id !== 'decadenza_cartella').map(([, d]) => d);
    assert.deepEqual(altre, [...altre].sort(), 'the other deadlines in date order');
    // One warning block, after the dates; the answers given come last.
    assert.equal(await page.locator('.avvisi aside').count(), 1);
    const y = async sel => (await page.locator(sel).first().boundingBox()).y;
    assert.ok(await y('.avvisi') > await y('[data-scadenza="sospensione_legale"]'), 'warnings after the other dates');
    assert.ok(await y('.passi-percorso') > await y('.procedura'), 'the answers after the procedure');
    // A check is a statement, never a countdown.
    const verifica = await page.textContent('.verifiche');
    assert.match(verifica, /La cartella doveva esserti notificata entro il 31 dicembre 2026: è arrivata in tempo\./);
    assert.doesNotMatch(verifica, /mancano|manca 1 giorno|scade oggi|scaduto/);
    // The official service is a plain link to another site, never loaded by the page.
    assert.equal(await page.getAttribute('.risposta .servizio', 'href'), 'https://www.giustiziatributaria.gov.it');
    await axe(page, `result, ${nome}`);
  }));

  test(`a missed term leads (${nome}): the same cartella seen in December, the outcome for a passed deadline`, () => inPagina({ viewport }, async ({ page }) => {
    await page.goto(`${origin}/assistente/index.html?oggi=2026-12-03#${CONTESTARE}`);
    await page.waitForSelector('[data-esito]');
    assert.equal(await page.getAttribute('[data-esito]', 'data-esito'), 'cartella-ricorso-scaduto');
    assert.ok(await page.$('.risposta.scaduta'));
    assert.equal(await page.textContent('.risposta .frase'),
      'Il termine per «notificare il ricorso alla Corte di giustizia tributaria» è scaduto mercoledì 14 ottobre 2026.');
    assert.notEqual(await page.getAttribute('.risposta .canale [data-canale]', 'data-canale'), 'ricorso');
    assert.match(await page.textContent('.procedura'), /autotutela/);
    assert.match(await page.textContent('[data-avviso="termine_scaduto"]'), /Notificare il ricorso.*mercoledì 14 ottobre 2026/);
    // Nothing already passed goes to the calendar: the button is there only when something is ahead.
    assert.equal(await page.getByRole('button', { name: 'Aggiungi al calendario' }).count(), 0);
    await axe(page, `missed term, ${nome}`);
  }));
}

test('amounts as Italians write them: «1.250,50» is 1250.5 in the link, «1.250» is asked back', () => inPagina({}, async ({ page }) => {
  await page.goto(`${origin}/assistente/index.html?oggi=2026-07-20#atto=cartella&origine=controllo_automatizzato&obiettivo=contestare&notifica.modo=pec&notifica.data=2026-07-15&anno_presentazione=2023`);
  await page.waitForSelector('form.domanda[data-chiave="importo"]');
  await page.locator('#valore').pressSequentially('1.250');
  await page.keyboard.press('Enter');
  await page.waitForSelector('#errore');
  assert.match(await page.textContent('#errore'), /1\.250 euro oppure 1,25 euro/);
  await page.fill('#valore', '1.250,50');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => location.hash.includes('importo='));
  assert.match(await page.evaluate(() => location.hash), /importo=1250\.5(&|$)/);
  await page.waitForSelector('form.domanda, [data-esito]');
  assert.match(await page.textContent('.passi-percorso'), /1\.250,50 euro/);
  for (const scritto of ['1 250,50', '€ 1250']) {
    await page.goto(`${origin}/assistente/index.html?oggi=2026-07-20#atto=cartella&origine=controllo_automatizzato&obiettivo=contestare&notifica.modo=pec&notifica.data=2026-07-15&anno_presentazione=2023`);
    await page.waitForSelector('form.domanda[data-chiave="importo"]');
    await page.locator('#valore').pressSequentially(scritto);
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => location.hash.includes('importo='));
    assert.doesNotMatch(await page.evaluate(() => location.hash), /importo=[^&]*[ ,€]/, scritto);
  }
}));

test('the start page loads before its module is fetched; with answers in the fragment the module is fetched at once', () => inPagina({}, async ({ page }) => {
  // When the module was requested, against the page's own milestones (same clock: the performance timeline).
  const tempi = () => page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0];
    const wasm = performance.getEntriesByType('resource').find(r => /civis_wizard_bg\.[0-9a-f]{16}\.wasm$/.test(r.name));
    return { wasm: wasm?.startTime, caricata: nav.loadEventStart, dcl: nav.domContentLoadedEventEnd };
  });
  await page.goto(`${origin}/assistente/index.html`);
  await page.waitForSelector('#wizard-root [data-pronto], #wizard-root[data-pronto]');
  const vuoto = await tempi();
  // The loader waits for the load event, then one animation frame: the paint's own timestamp is when the frame
  // was presented, which may come after that callback, so only the load is compared.
  assert.ok(vuoto.wasm !== undefined, JSON.stringify(vuoto));
  assert.ok(vuoto.wasm >= vuoto.caricata, `the module waits for the page's load: ${JSON.stringify(vuoto)}`);
  assert.equal(await page.getAttribute('#wizard-root', 'data-montata'), null, 'the pre-rendered first question stays until a choice');
  await page.goto(`${origin}/assistente/index.html?oggi=2026-07-20#atto=cartella`);
  await page.waitForSelector('form.domanda');
  const pieno = await tempi();
  assert.ok(pieno.wasm !== undefined && pieno.wasm < pieno.dcl, `with answers the loader fetches at once: ${JSON.stringify(pieno)}`);
}));

test('a help-desk link with a bad value opens its question with the message and keeps every other answer', async () => {
  const link = 'atto=cartella&origine=controllo_automatizzato&obiettivo=pagare&notifica.modo=pec&notifica.data=2026-02-30';
  await inPagina({}, async ({ page }) => {
    await page.goto(`${origin}/assistente/index.html?oggi=2026-07-20#${link}`);
    await page.waitForSelector('form.domanda[data-chiave="notifica.data"]');
    assert.match(await page.textContent('[role="alert"]'), /non esiste nel calendario/);
    const risposte = await page.$$eval('.passi-percorso li strong', els => els.map(e => e.textContent));
    assert.deepEqual(risposte, ['Una cartella di pagamento', 'Dal controllo automatico della dichiarazione', 'Pagare', 'Via PEC']);
    assert.equal(await page.$('.esito-errore'), null, 'not a dead end');
    await axe(page, 'bad link');
  });
  // With JavaScript on, the start page leads with the citizen's question and links to the help desks' page, whose
  // links open the app with the first answers given.
  await inPagina({}, async ({ page }) => {
    await page.goto(`${origin}/assistente/index.html`);
    await page.waitForSelector('[data-pronto]');
    assert.equal(await page.textContent('h1'), 'Che cosa hai ricevuto?');
    await page.click('.per-operatori a');
    await page.waitForURL(/assistente\/sportelli\/index\.html$/);
    const esempi = await page.$$eval('.collegamenti-precompilati a[href*="#atto="]', as => as.map(a => a.getAttribute('href')));
    assert.ok(esempi.length >= 6 && esempi.every(h => /^(\.\.\/)+assistente\/index\.html#atto=/.test(h)), `${esempi}`);
    await page.click('a[href$="index.html#atto=preavviso_fermo"]');
    await page.waitForSelector('form.domanda[data-chiave="natura_debito"]');
  });
});

test('print carries the date and the address, black on white; the .ics has no past event and keeps the prudence notes', () => inPagina({ acceptDownloads: true }, async ({ page }) => {
  // 10 July 2026: the sospensione legale (Sunday 6 September, unshifted) is ahead, payment and appeal too.
  await page.goto(`${origin}/assistente/index.html?oggi=2026-07-10#atto=cartella&origine=controllo_automatizzato&obiettivo=contestare&notifica.modo=pec&notifica.data=2026-07-08&anno_presentazione=2023&importo=&richiedente=`);
  await page.waitForSelector('[data-esito]');
  await page.emulateMedia({ media: 'print' });
  assert.ok(await page.isVisible('.solo-stampa'));
  assert.match(await page.textContent('.solo-stampa'), /Stampato il venerdì 10 luglio 2026 da http:\/\/127\.0\.0\.1:\d+\/assistente\/index\.html\?oggi=2026-07-10#atto=cartella/);
  const colori = await page.evaluate(() => getComputedStyle(document.body).color + ' ' + getComputedStyle(document.body).backgroundColor);
  assert.match(colori, /rgb\(0, 0, 0\) rgb\(255, 255, 255\)|rgb\(0, 0, 0\) rgba\(0, 0, 0, 0\)/);
  await page.emulateMedia({ media: 'screen' });
  assert.equal(await page.isVisible('.solo-stampa'), false);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Aggiungi al calendario' }).click()]);
  const ics = readFileSync(await download.path(), 'utf8');
  assert.equal((ics.match(/BEGIN:VEVENT/g) ?? []).length, 3, ics);
  // The prudent day leads in the calendar too; the other reading and why are in the description.
  const evento = ics.replace(/\r\n /g, '').split('BEGIN:VEVENT').find(e => e.includes('UID:sospensione_legale'));
  assert.match(evento, /DTSTART;VALUE=DATE:20260904/);
  assert.match(evento, /DESCRIPTION:Ultimo giorno secondo la lettura meno prudente: domenica 6 settembre 2026\.\\nCade di domenica e la legge non dice se il termine slitta: per prudenza agisci entro venerdì 4 settembre 2026/);
  // Later, with the payment day passed, the calendar only gets what is ahead.
  await page.goto(`${origin}/assistente/index.html?oggi=2026-09-20#atto=cartella&origine=controllo_automatizzato&obiettivo=contestare&notifica.modo=pec&notifica.data=2026-07-08&anno_presentazione=2023&importo=&richiedente=`);
  await page.waitForSelector('[data-esito]');
  const [dopo] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Aggiungi al calendario' }).click()]);
  const futuro = readFileSync(await dopo.path(), 'utf8');
  assert.equal((futuro.match(/BEGIN:VEVENT/g) ?? []).length, 1, futuro);
  assert.match(futuro, /UID:ricorso-/);
}));

/** A case walked in the app (with a fixed today) and in the pages without JavaScript, compared step by step. */
async function percorriEConfronta(oggi, risposte) {
  const app = await open();
  const statico = await open({ javaScriptEnabled: false });
  try {
    await app.page.goto(`${origin}/assistente/index.html?oggi=${oggi}`);
    await app.page.waitForSelector('[data-pronto]');
    const passiApp = [];
    for (let i = 0; i < 20; i++) {
      await app.page.waitForSelector(`form.domanda, ${PRIMA}, [data-esito]`);
      const chiave = await chiaveCorrente(app.page);
      const valori = await app.page.$$eval('input[type="radio"], a.scelta[data-valore]', els => els.map(e => e.value ?? e.dataset.valore));
      passiApp.push({ ...(await step(app.page)), chiave, valori });
      if (!chiave) break;
      await answerOne(app.page, risposte);
    }
    await axe(app.page, 'app outcome');
    const advice = engine(oggi, risposte);
    assert.deepEqual(await shown(app.page), expected(advice), 'the app shows the engine\'s channels and dates');
    await statico.page.goto(`${origin}/assistente/index.html`);
    const passiStatici = [];
    for (let i = 0; i < 20; i++) {
      const s = await step(statico.page);
      passiStatici.push(s);
      if (s.esito) break;
      const q = passiApp.find(p => p.heading === s.heading);
      assert.ok(q, `the page without JavaScript asks «${s.heading}», which the app never asked`);
      const v = value(risposte, q.chiave);
      const etichetta = await etichettaStatica(statico.page, q, v);
      assert.ok(etichetta, `no choice «${v}» for «${s.heading}»`);
      await statico.page.getByRole("link", { name: etichetta, exact: true }).first().click();
    }
    await axeSenzaScript(statico.page.url(), 'pre-rendered outcome');
    confronta(passiApp.at(-1).esito, passiStatici.at(-1).esito);
    assert.deepEqual([...app.problems, ...statico.problems], []);
    return { advice, app: passiApp.at(-1).esito, statico: passiStatici.at(-1).esito };
  } finally {
    await app.context.close();
    await statico.context.close();
  }
}

test('after the cartella: a preavviso di fermo, in the app and without JavaScript', async () => {
  const { advice, app } = await percorriEConfronta('2026-07-20', { atto: 'preavviso_fermo', cartella_notificata: 'si',
    veicolo_strumentale: false, obiettivo: 'pagare', notifica: { modo: 'pec', data: '2026-07-16' } });
  assert.equal(advice.scadenza_principale, 'pagamento_preavviso');
  assert.equal(Object.fromEntries(advice.scadenze.map(s => [s.id, s.data])).pagamento_preavviso, '2026-08-17');
  assert.match(app.canali[0], /^ader:/);
});

test('after the cartella: wages seized on a cartella never received, in the app and without JavaScript', async () => {
  const { advice, app } = await percorriEConfronta('2026-07-20', { atto: 'pignoramento_terzi', pignoramento_presso: 'stipendio',
    cartella_notificata: 'no', obiettivo: 'contestare', notifica: { modo: 'raccomandata', data: '2026-07-15' } });
  assert.equal(advice.scadenza_principale, 'ricorso');
  const date = Object.fromEntries(advice.scadenze.map(s => [s.id, s.data]));
  assert.equal(date.ricorso, '2026-10-14', 'the tax court: August not counted');
  assert.equal(date.opposizione_atti_esecutivi, '2026-08-04', 'the Tribunale: August counted');
  assert.match(app.canali[0], /^ricorso:/);
  assert.ok(advice.avvisi.some(a => a.id === 'limiti_stipendio'));
});

test('after the cartella: an INPS avviso di addebito in July, in the app and without JavaScript', async () => {
  const { advice, app } = await percorriEConfronta('2026-07-04', { atto: 'avviso_addebito_inps', obiettivo: 'contestare',
    notifica: { modo: 'pec', data: '2026-07-03' } });
  assert.equal(advice.scadenza_principale, 'opposizione_inps');
  assert.equal(Object.fromEntries(advice.scadenze.map(s => [s.id, s.data])).opposizione_inps, '2026-08-12', 'labour court: August counted');
  assert.match(app.canali[0], /^giudice_lavoro:/);
});

test('a cartella whose terms have passed, in the app and without JavaScript', async () => {
  const { advice, app } = await percorriEConfronta('2026-12-03', { atto: 'cartella', origine: 'controllo_automatizzato',
    obiettivo: 'pagare', notifica: { modo: 'pec', data: '2026-07-15' } });
  assert.equal(advice.esito, 'cartella-pagare-termine-scaduto');
  assert.ok(advice.avvisi.some(a => a.id === 'termine_scaduto'));
  assert.ok(app.scaduta);
});

test('the pre-rendered result on a phone: the answer first, checks apart, no page navigation, help-desk links that work', async () => {
  const { context, page, problems } = await open({ viewport: TELEFONO, javaScriptEnabled: false });
  try {
    await page.goto(`${origin}/assistente/cartella/controllo_automatizzato/contestare/index.html`);
    assert.match(await page.textContent('.risposta .frase'), /^Presenta ricorso entro il termine: 60 giorni dalla notifica, agosto escluso/);
    const box = await page.locator('.risposta [data-canale]').first().boundingBox();
    assert.ok(box.y + box.height <= TELEFONO.height, 'the channel is in the first screen');
    assert.match(await page.textContent('.verifiche'), /Termine entro cui la cartella doveva essere notificata/);
    assert.match(await page.textContent('.se-scaduto'), /Se il termine è già passato/);
    assert.equal(await page.$('nav.precedente-successiva'), null, 'no links to unrelated pages inside the wizard');
    assert.ok(await page.getByRole('link', { name: 'Torna alla guida' }).isVisible());
    assert.ok(await page.getByRole('link', { name: 'Ricomincia' }).isVisible());
    await page.goto(`${origin}/assistente/index.html`);
    assert.equal(await page.textContent('h1'), 'Che cosa hai ricevuto?', 'the citizen\'s question first');
    await page.click('.per-operatori a');
    const esempi = await page.$$eval('.collegamenti-precompilati a[href*="#atto="]', as => as.map(a => a.getAttribute('href')));
    assert.ok(esempi.length >= 6, `${esempi}`);
    assert.ok(esempi.every(h => !/data|importo|anno/.test(h.split('#')[1])), 'no personal data in the examples');
    const larghezza = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(larghezza <= TELEFONO.width, `the code lines wrap: the page is ${larghezza} px wide`);
    await page.getByRole('link', { name: 'La stessa pagina senza JavaScript' }).first().click();
    await page.waitForSelector('ul.scelte a.scelta');
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('legal pass: a cartella by irreperibilità assoluta counts from the next day and says the other reading; the new term after a partial CIVIS outcome', async () => {
  const { context, page, problems } = await open();
  try {
    const cartella = { atto: 'cartella', origine: 'controllo_automatizzato', obiettivo: 'pagare',
      notifica: { modo: 'irreperibilita_assoluta', data: '2026-03-02' } };
    await page.goto(`${origin}/assistente/index.html?oggi=2026-03-20#atto=cartella&origine=controllo_automatizzato&obiettivo=pagare`
      + '&notifica.modo=irreperibilita_assoluta&notifica.data=2026-03-02&anno_presentazione=&richiedente=');
    assert.deepEqual(await shown(page), expected(engine('2026-03-20', cartella)));
    assert.equal((await shown(page)).scadenze.pagamento_cartella, '2026-05-04');
    await page.locator('.risposta summary').click();
    assert.match(await page.textContent('.risposta'), /Sulla data di notifica: .*ottavo/);
    // The avviso telematico question offers only Entratel; the paper acts' question never offers it.
    await page.goto(`${origin}/assistente/index.html?oggi=2026-03-20#atto=avviso_telematico&obiettivo=pagare&prima_richiesta_civis=chiusa_parziale&data_elaborazione=`);
    await page.waitForSelector('form.domanda[data-chiave="notifica.modo"]');
    assert.deepEqual(await page.$$eval('input[type="radio"]', els => els.map(e => e.value)), ['entratel']);
    await page.goto(`${origin}/assistente/index.html?oggi=2026-03-20#atto=cartella&origine=controllo_automatizzato&obiettivo=pagare`);
    await page.waitForSelector('form.domanda[data-chiave="notifica.modo"]');
    assert.ok(!(await page.$$eval('input[type="radio"]', els => els.map(e => e.value))).includes('entratel'));
    // A partially accepted request: the wizard asks for the updated communication and counts from it.
    const parziale = { atto: 'avviso_bonario', obiettivo: 'pagare', prima_richiesta_civis: 'chiusa_parziale',
      data_elaborazione: '2026-01-15', notifica: { modo: 'pec', data: '2026-02-02' }, data_comunicazione_aggiornata: '2026-04-10' };
    await page.goto(`${origin}/assistente/index.html?oggi=2026-04-20#atto=avviso_bonario&obiettivo=pagare&prima_richiesta_civis=chiusa_parziale`
      + '&data_elaborazione=2026-01-15&notifica.modo=pec&notifica.data=2026-02-02');
    await answer(page, parziale);
    const got = await shown(page);
    assert.deepEqual(got, expected(engine('2026-04-20', parziale)));
    assert.equal(got.scadenze.pagamento_avviso, '2026-06-09');
    assert.ok(await page.$('[data-avviso="nuovo_termine_comunicazione_aggiornata"]'));
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('a pre-filled link opens the result; Cambia keeps the later answers; errors are announced', () => inPagina({}, async ({ page }) => {
  const risposte = { atto: 'cartella', origine: 'controllo_automatizzato', obiettivo: 'contestare',
    notifica: { modo: 'pec', data: '2026-07-15' }, importo: 2400 };
  const fragment = 'atto=cartella&origine=controllo_automatizzato&obiettivo=contestare&notifica.modo=pec'
    + '&notifica.data=2026-07-15&anno_presentazione=&importo=2400&richiedente=';
  await page.goto(`${origin}/assistente/index.html?oggi=2026-07-20#${fragment}`);
  assert.deepEqual(await shown(page), expected(engine('2026-07-20', risposte)));
  const pdf = (await page.pdf({ format: 'A4' })).toString('latin1');
  assert.ok((pdf.match(/\/Type\s*\/Page[^s]/g) ?? []).length <= 2, 'the printed result fits two A4 pages');
  await page.getByRole('link', { name: 'Cambia la risposta a «In che giorno è arrivata la PEC?»' }).click();
  await page.waitForSelector('form.domanda[data-chiave="notifica.data"]');
  assert.equal(await page.textContent('h1'), 'In che giorno è arrivata la PEC?', 'the date question names the PEC receipt');
  await page.getByLabel('Giorno').pressSequentially('30');
  await page.getByLabel('Mese').pressSequentially('2');
  await page.getByLabel('Anno').pressSequentially('2026');
  await page.keyboard.press('Enter');
  await page.waitForSelector('#errore');
  assert.match(await page.textContent('[role="alert"]'), /non esiste/);
  assert.equal(await page.getAttribute('#giorno', 'aria-invalid'), 'true');
  await axe(page, 'validation error');
  await page.fill('#giorno', '16');
  await page.fill('#mese', '7');
  await page.keyboard.press('Enter');
  const later = { ...risposte, notifica: { modo: 'pec', data: '2026-07-16' } };
  assert.deepEqual(await shown(page), expected(engine('2026-07-20', later)), 'the later answers were kept');
  await page.goBack();
  await page.waitForSelector('form.domanda[data-chiave="notifica.data"]');
}));

test('without JavaScript the pre-rendered pages lead to the rules in words', () => inPagina({ javaScriptEnabled: false }, async ({ page }) => {
  await page.goto(`${origin}/assistente/index.html`);
  await page.getByRole('link', { name: 'Una cartella di pagamento' }).click();
  await page.getByRole('link', { name: 'Dal controllo automatico della dichiarazione' }).click();
  await page.getByRole('link', { name: 'Contestarlo davanti al giudice' }).click();
  assert.equal(await page.textContent('h1'), 'Che cosa fare');
  assert.match(await page.textContent('main'), /60 giorni dalla notifica, agosto escluso/);
  assert.equal(await page.getAttribute('.canale a', 'href'), '../../../../ricorsi/ricorso-tributario/index.html');
}));

test('the pre-rendered pages pass axe and the site works when opened from disk', async () => {
  const { context, page, problems } = await open();
  try {
    await page.goto(`${origin}/assistente/cartella/controllo_automatizzato/contestare/index.html`);
    await axe(page, 'pre-rendered outcome');
    // From disk with JavaScript the full app runs (next test); without it the pre-rendered links work.
    const senzaJs = await open({ javaScriptEnabled: false });
    try {
      await senzaJs.page.goto(pathToFileURL(join(SITE, 'assistente/index.html')).href);
      await senzaJs.page.getByRole('link', { name: 'Una cartella di pagamento' }).click();
      await senzaJs.page.waitForURL(/assistente\/cartella\/index\.html$/);
      assert.equal(await senzaJs.page.textContent('h1'), 'Da che cosa deriva la cartella?');
    } finally {
      await senzaJs.context.close();
    }
    await page.goto(pathToFileURL(join(SITE, 'index.html')).href);
    await page.getByRole('link', { name: 'Che cos\'è CIVIS' }).first().click();
    await page.waitForURL(/civis\/index\.html$/);
    assert.deepEqual(problems.filter(p => !p.startsWith('page error')), []);
  } finally { await context.close(); }
});

test('the full app from file://: a scenario typed and clicked to its result, with the engine\'s dates, print and .ics', async () => {
  const sc = scenarios.find(s => s.nome === 'cartella-ricorso-luglio') ?? scenarios[0];
  const { context, page, problems } = await open({ acceptDownloads: true });
  try {
    await page.goto(`${pathToFileURL(join(SITE, 'assistente/index.html')).href}?oggi=${sc.oggi}`);
    await page.waitForSelector('[data-pronto]', { timeout: 15000 });
    await answer(page, sc.risposte);
    assert.deepEqual(await shown(page), expected(engine(sc.oggi, sc.risposte)));
    const pdf = (await page.pdf({ format: 'A4' })).toString('latin1');
    assert.ok((pdf.match(/\/Type\s*\/Page[^s]/g) ?? []).length >= 1, 'prints');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Aggiungi al calendario' }).click()]);
    assert.match(readFileSync(await download.path(), 'utf8'), /BEGIN:VEVENT/);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('no page violates the Content-Security-Policy, on http and from disk', async () => {
  const pagine = ['index.html', 'civis/prima-richiesta/index.html', 'glossario/index.html', '404.html',
    'assistente/index.html', 'assistente/cartella/controllo_automatizzato/contestare/index.html'];
  for (const base of [`${origin}/`, pathToFileURL(SITE).href + '/']) {
    const { context, page, problems } = await open();
    try {
      for (const p of pagine) {
        await page.goto(base + p);
        if (p === 'assistente/index.html') await page.waitForSelector('[data-pronto]', { timeout: 15000 });
        const meta = await page.$eval('meta[http-equiv="Content-Security-Policy"]', m => m.content);
        for (const d of ["object-src 'none'", "base-uri 'none'", "form-action 'self'", "script-src 'self' 'wasm-unsafe-eval'"]) {
          assert.ok(meta.includes(d), `${p}: ${d} in ${meta}`);
        }
      }
      assert.deepEqual(problems, [], base);
    } finally {
      await context.close();
    }
  }
});
