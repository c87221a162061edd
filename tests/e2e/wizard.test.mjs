// Browser tests of the wizard in Debian's headless Chromium (playwright-core from tools/npm), against the site
// built by `civis-guida build`: a person's clicks and keystrokes through the shared scenarios, the dates and
// channel compared with the engine's own answer (`civis-guida advise`), the pre-filled link, "Cambia", the
// pages without JavaScript, the site opened from disk, no request to another origin, axe-core on every step.
//
// Environment: E2E_SITE (built site), CIVIS_GUIDA (the binary), SHARED_SCENARIOS (default ../shared/scenarios).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { REPO, SITE, CIVIS, avvia, chiudi, open, axe, origin, browser, inPagina } from './sito.mjs';

const SHARED = process.env.SHARED_SCENARIOS ?? join(REPO, '../shared/scenarios');

before(async () => {
  assert.ok(existsSync(join(SITE, 'assistente/pkg/civis_wizard_bg.wasm')), `no wizard bundle in ${SITE}: run civis-guida build first`);
  assert.ok(existsSync(SHARED), `no shared scenarios at ${SHARED}`);
  await avvia();
});

after(chiudi);

/** The engine's answer for the same case. */
function engine(oggi, risposte) {
  return JSON.parse(execFileSync(CIVIS, ['advise', '--today', oggi, '-'], { input: JSON.stringify(risposte) }));
}

/** What the result page shows: channels in order and deadlines by id. */
async function shown(page) {
  await page.waitForSelector('[data-esito]');
  const canali = await page.$$eval('[data-canale]', els => els.map(e => e.dataset.canale));
  const scadenze = Object.fromEntries(await page.$$eval('[data-scadenza]', els => els.map(e => [e.dataset.scadenza, e.dataset.data])));
  return { canali, scadenze };
}

function expected(advice) {
  return {
    canali: advice.canali.map(c => c.id),
    scadenze: Object.fromEntries(advice.scadenze.map(s => [s.id, s.data])),
  };
}

const value = (risposte, key) => key.split('.').reduce((o, k) => (o ?? {})[k], risposte);

/** Answers the current question as a person would: clicks a label, types the date, or skips an optional one. */
async function answerOne(page, risposte) {
  const form = await page.$('form.domanda');
  const key = await form.getAttribute('data-chiave');
  const tipo = await form.getAttribute('data-tipo');
  const v = value(risposte, key);
  const focused = await page.evaluate(() => document.activeElement?.id);
  assert.equal(focused, 'domanda', `focus on the question heading at ${key}`);
  await axe(page, `question ${key}`);
  if (v === undefined) {
    await page.getByRole('button', { name: 'Non lo so, salta' }).click();
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
    await page.waitForSelector('form.domanda, [data-esito]');
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
      assert.deepEqual(got, expected(engine(sc.oggi, sc.risposte)));
      if (sc.atteso.canale_principale) assert.equal(got.canali[0], sc.atteso.canale_principale);
      for (const [id, data] of Object.entries(sc.atteso.scadenze ?? {})) assert.equal(got.scadenze[id], data);
      await axe(page, 'result');
      assert.deepEqual(problems, []);
    } finally { await context.close(); }
  });
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
    const esito = document.querySelector('.canale-principale') ? {
      canali: [...document.querySelectorAll('[data-canale]')].map(e => `${e.dataset.canale}: ${text(e)}`),
      passi: [...document.querySelectorAll('.procedura li')].map(text),
      pagine: [...document.querySelectorAll('.da-leggere li')].map(text),
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
        await app.page.waitForSelector('form.domanda, [data-esito]');
        const chiave = await app.page.$eval('form.domanda', f => f.dataset.chiave).catch(() => null);
        const valori = await app.page.$$eval('input[type="radio"]', els => els.map(e => e.value));
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
        const etichetta = v === undefined ? 'Non lo so, salta' : q.opzioni[q.valori.indexOf(v)];
        assert.ok(etichetta, `scenario ${sc.nome}: no choice «${v}» for «${s.heading}»`);
        await statico.page.getByRole('link', { name: etichetta, exact: false }).first().click();
      }
      // Every question of the pages without JavaScript is asked by the app with the same options and the same
      // answers before it; the app also asks the questions that only change dates, left out here.
      const domandeStatiche = new Set(passiStatici.map(x => x.heading));
      for (const s of passiStatici.slice(0, -1)) {
        const a = passiApp.find(p => p.heading === s.heading);
        assert.deepEqual(a.opzioni, s.opzioni, `options of «${s.heading}»`);
        assert.deepEqual(a.progresso.filter(r => domandeStatiche.has(r.split(' = ')[0])), s.progresso, `answers shown before «${s.heading}»`);
      }
      const fineApp = passiApp.at(-1).esito, fineStatica = passiStatici.at(-1).esito;
      assert.ok(fineApp && fineStatica, 'both reach the outcome');
      assert.deepEqual(fineApp.canali, fineStatica.canali, 'channels');
      assert.deepEqual(fineApp.passi, fineStatica.passi, 'procedure');
      assert.deepEqual(fineApp.pagine, fineStatica.pagine, 'pages to read, with the same titles');
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

test('the result as a person reads it on a phone: channel and nearest deadline first, checks apart, notes by the dates, a link to share', async () => {
  const phone = { viewport: { width: 390, height: 844 } };
  const { context, page, problems } = await open(phone);
  try {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
    const risposte = { atto: 'cartella', origine: 'controllo_automatizzato', obiettivo: 'contestare',
      notifica: { modo: 'pec', data: '2026-07-15' }, anno_presentazione: 2023 };
    await page.goto(`${origin}/assistente/index.html?oggi=2026-07-20#atto=cartella&origine=controllo_automatizzato&obiettivo=contestare`
      + '&notifica.modo=pec&notifica.data=2026-07-15&anno_presentazione=2023&importo=&richiedente=');
    const got = await shown(page);
    assert.deepEqual(got, expected(engine('2026-07-20', risposte)));
    // First screen: the recommended channel and the nearest deadline.
    for (const sel of ['.canale-principale [data-canale]', '[data-prossima]']) {
      const box = await page.locator(sel).first().boundingBox();
      assert.ok(box && box.y + box.height <= 844, `${sel} is in the first screen (${JSON.stringify(box)})`);
    }
    assert.match(await page.textContent('[data-prossima]'), /Chiedere la sospensione legale.*domenica 13 settembre 2026 · mancano 55 giorni/);
    // The answers come after the outcome.
    const [esito, risposteY] = await Promise.all([page.locator('.canale-principale').boundingBox(), page.locator('.passi-percorso').boundingBox()]);
    assert.ok(risposteY.y > esito.y, 'the answers come after the outcome');
    // A check is a statement, never a countdown; a deadline is a date with the days left.
    const verifica = await page.textContent('.verifiche');
    assert.match(verifica, /La cartella doveva esserti notificata entro il 31 dicembre 2026: è arrivata in tempo\./);
    assert.doesNotMatch(verifica, /mancano|manca 1 giorno|scade oggi|scaduto/);
    assert.match(await page.textContent('[data-scadenza="ricorso"]'), /mercoledì 14 ottobre 2026 · mancano 86 giorni/);
    // An unshifted Sunday says so next to the date.
    assert.match(await page.textContent('[data-scadenza="sospensione_legale"] .in-breve'),
      /Cade di domenica e la legge non dice se il termine slitta: per prudenza agisci entro venerdì 11 settembre 2026\./);
    await axe(page, 'result on a phone');
    // "Copia il link" copies a link that opens the same result elsewhere.
    await page.getByRole('button', { name: 'Copia il link' }).click();
    await page.waitForFunction(() => document.body.textContent.includes('Link copiato.'));
    assert.match(await page.textContent('.esito'), /Il link contiene le tue risposte e le tue date: resta sul tuo dispositivo/);
    const link = await page.evaluate(() => navigator.clipboard.readText());
    assert.match(link, /#atto=cartella&origine=controllo_automatizzato&obiettivo=contestare/);
    const altro = await open(phone);
    try {
      await altro.page.goto(link);
      assert.deepEqual(await shown(altro.page), got);
    } finally {
      await altro.context.close();
    }
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('the pre-rendered result on a phone: channel first, checks apart, no page navigation, help-desk links that work', async () => {
  const { context, page, problems } = await open({ viewport: { width: 390, height: 844 }, javaScriptEnabled: false });
  try {
    await page.goto(`${origin}/assistente/cartella/controllo_automatizzato/contestare/index.html`);
    const box = await page.locator('.canale-principale [data-canale]').first().boundingBox();
    assert.ok(box.y + box.height <= 844, 'the channel is in the first screen');
    assert.match(await page.textContent('.verifiche'), /Termine entro cui la cartella doveva essere notificata/);
    assert.equal(await page.$('nav.precedente-successiva'), null, 'no links to unrelated pages inside the wizard');
    assert.ok(await page.getByRole('link', { name: 'Torna alla guida' }).isVisible());
    assert.ok(await page.getByRole('link', { name: 'Ricomincia' }).isVisible());
    await page.goto(`${origin}/assistente/index.html`);
    const esempi = await page.$$eval('.per-operatori a', as => as.map(a => a.getAttribute('href')));
    assert.ok(esempi.length >= 3 && esempi.every(h => h.includes('#atto=')), `${esempi}`);
    assert.ok(esempi.every(h => !/data|importo|anno/.test(h.split('#')[1])), 'no personal data in the examples');
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
  // axe on the same pre-rendered page (it loads no script of its own), then the first example, opened with
  // JavaScript, goes straight to the next question.
  const app = await open({ viewport: { width: 390, height: 844 } });
  try {
    await app.page.goto(`${origin}/assistente/cartella/controllo_automatizzato/contestare/index.html`);
    await axe(app.page, 'pre-rendered result on a phone');
    await app.page.goto(`${origin}/assistente/index.html?oggi=2026-07-20#atto=cartella&origine=controllo_automatizzato`);
    await app.page.waitForSelector('form.domanda[data-chiave="obiettivo"]');
  } finally {
    await app.context.close();
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
    await page.locator('[data-scadenza="pagamento_cartella"] summary').click();
    assert.match(await page.textContent('[data-scadenza="pagamento_cartella"]'), /Sulla data di notifica: .*ottavo/);
    // The avviso telematico question offers only Entratel; the paper acts' question never offers it.
    await page.goto(`${origin}/assistente/index.html?oggi=2026-03-20#atto=avviso_telematico&obiettivo=pagare&prima_richiesta_civis=chiusa_parziale`);
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
    + '&notifica.data=2026-07-15&notifica.data_ritiro=&anno_presentazione=&importo=2400&richiedente=';
  await page.goto(`${origin}/assistente/index.html?oggi=2026-07-20#${fragment}`);
  assert.deepEqual(await shown(page), expected(engine('2026-07-20', risposte)));
  assert.match(await page.textContent('[data-scadenza="ricorso"]'), /mercoledì 14 ottobre 2026 · mancano 86 giorni/);
  const pdf = (await page.pdf({ format: 'A4' })).toString('latin1');
  assert.equal((pdf.match(/\/Type\s*\/Page[^s]/g) ?? []).length, 1, 'the printed result fits one A4 page');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Aggiungi al calendario' }).click()]);
  const ics = readFileSync(await download.path(), 'utf8');
  assert.equal(download.suggestedFilename(), 'scadenze-civis.ics');
  assert.equal((ics.match(/BEGIN:VEVENT/g) ?? []).length, 3, 'one event per dated deadline');
  assert.match(ics, /DTSTART;VALUE=DATE:20261014/);
  await page.getByRole('link', { name: 'Cambia la risposta a «Quale data trovi?»' }).click();
  await page.waitForSelector('form.domanda[data-chiave="notifica.data"]');
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
