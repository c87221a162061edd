// Browser tests of the search box, over http and from file://: the queries people type find the pages they
// should, Enter opens the deep link at its heading, "/" focuses the box, nothing is requested before the box has
// the focus and nothing ever goes to another origin, no CSP violation, axe-core clean with the results open;
// without JavaScript the box is a link to the A–Z page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { SITE, avvia, chiudi, open, axe, origin, inPagina } from './sito.mjs';

before(async () => {
  assert.ok(existsSync(join(SITE, 'ricerca/radice.js')), `no search index in ${SITE}: run civis-guida build first`);
  await avvia();
});

after(chiudi);

/** Types a query as a person would and returns the results' links (relative to the site) and titles. */
async function search(page, q) {
  await page.fill('#cerca', '');
  await page.locator('#cerca').pressSequentially(q);
  await page.waitForFunction(x => (document.getElementById('cerca-stato').textContent || '').includes(`«${x}»`), q);
  return page.$$eval('#cerca-risultati a', as => as.map(a => ({
    url: a.href.replace(/^.*?\/(?=[^/]+\/index\.html|index\.html)/, '').replace(/^(file|http):.*?\/sito\//, ''),
    href: a.href,
    titolo: a.querySelector('.risultato-titolo').textContent,
    mark: Array.from(a.querySelectorAll('mark')).map(m => m.textContent),
  })));
}

const path = href => new URL(href).pathname + new URL(href).hash;

for (const [come, base] of [['http', () => `${origin}/`], ['file://', () => pathToFileURL(SITE).href + '/']]) {
  test(`search over ${come}: Italian forms, synonyms, accents, the exact phrase, Enter opens the deep link`, async () => {
    const { context, page, problems } = await open();
    const requests = [];
    page.on('request', r => requests.push(r.url()));
    try {
      await page.goto(base() + 'civis/prima-richiesta/index.html');
      await page.waitForSelector('#cerca');
      await page.waitForTimeout(200);
      assert.deepEqual(requests.filter(u => /\/ricerca\/(?!ricerca\.[0-9a-f]{16}\.js$)/.test(u)), [], 'nothing of the index before the focus');
      await page.keyboard.press('/');
      assert.equal(await page.evaluate(() => document.activeElement.id), 'cerca', '"/" focuses the box');

      const ricorsi = await search(page, 'ricorsi');
      assert.match(path(ricorsi[0].href), /\/ricorsi\/ricorso-tributario\/index\.html$/, 'ricorsi finds the page on the ricorso');
      assert.ok(ricorsi.some(r => r.mark.some(m => /^ricors/i.test(m))), 'the match is highlighted');

      const pec = await search(page, 'PEC piena');
      assert.match(path(pec[0].href), /\/notifica\/index\.html#pec$/, 'the section on the full PEC box comes first');

      // Issue 29: the loss of the instalment plan and the unread PEC, found by what people type; the negation
      // «non» never decides a match.
      const decaduta = await search(page, 'rateizzazione decaduta');
      assert.match(path(decaduta[0].href), /\/cartelle\/pagamento-e-rateazione\/index\.html#decadenza-rate$/, `${decaduta.map(r => r.href)}`);
      const nonLetta = await search(page, 'pec non letta');
      assert.match(path(nonLetta[0].href), /\/notifica\/index\.html#pec$/, `${nonLetta.map(r => r.href)}`);

      const cartella = await search(page, 'cartella esattoriale');
      assert.match(path(cartella[0].href), /\/cartelle\/index\.html$/, 'cartella esattoriale = cartella di pagamento');

      const perche = await search(page, 'perche');
      assert.ok(perche.length > 0 && perche.some(r => r.mark.includes('perché')), 'perche finds perché');

      // The browser stems as the build did: inflected forms typed here find the forms the pages use.
      for (const [scritta, trovata] of [['notifiche', /^notific/i], ['comunicazioni', /^comunicazion/i], ['sanzioni', /^sanzion/i],
        ['dell\'avviso', /^avvis/i], ['pagamenti', /^pagament/i], ['prescrizioni', /^prescrizion/i]]) {
        const r = await search(page, scritta);
        assert.ok(r.some(x => x.mark.some(m => trovata.test(m) && m.toLowerCase() !== scritta)), `${scritta}: ${JSON.stringify(r.slice(0, 3))}`);
      }

      const rate = await search(page, 'rateizzare cartella');
      assert.match(path(rate[0].href), /\/cartelle\/pagamento-e-rateazione\/index\.html$/, 'rateizzare finds rateazione through the synonyms, the title first');

      const equitalia = await search(page, 'Equitalia');
      assert.ok(equitalia.length > 0, 'Equitalia leads to Agenzia delle entrate-Riscossione');

      assert.ok((await search(page, 'zzzqqq')).length === 0);
      assert.match(await page.textContent('#cerca-stato'), /Nessun risultato/);

      await search(page, 'ricorsi');
      await axe(page, `search results (${come})`);
      // Arrow keys move through the results; Escape goes back to the box.
      await page.keyboard.press('ArrowDown');
      assert.equal(await page.evaluate(() => document.activeElement.closest('#cerca-risultati') !== null), true);
      await page.keyboard.press('Escape');
      assert.equal(await page.evaluate(() => document.activeElement.id), 'cerca');

      await search(page, 'PEC piena');
      await Promise.all([page.waitForURL(/notifica\/index\.html#pec$/), page.keyboard.press('Enter')]);
      assert.ok(await page.$('h2#pec'), 'the deep link lands on its heading');

      assert.deepEqual(requests.filter(u => !u.startsWith(base()) && !/^(data|blob):/.test(u)), [], 'no request leaves the site');
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });
}

for (const [come, base] of [['http', () => `${origin}/`], ['file://', () => pathToFileURL(SITE).href + '/']]) {
  test(`search that forgives over ${come}: typos, questions in words, old names, the collection phase, all the results`, async () => {
    const { context, page, problems } = await open();
    const requests = [];
    page.on('request', r => requests.push(r.url()));
    try {
      await page.goto(base() + 'index.html');
      await page.waitForSelector('#cerca');
      await page.focus('#cerca');
      const primi3 = async (q, atteso, perche) => {
        const r = await search(page, q);
        assert.ok(r.slice(0, 3).some(x => atteso.test(path(x.href))), `${q}: ${perche}: ${JSON.stringify(r.slice(0, 3).map(x => path(x.href)))}`);
        return r;
      };
      await primi3('ricoso', /\/ricorsi\/ricorso-tributario\/index\.html$/, 'a typo finds the ricorso');
      assert.match(await page.textContent('#cerca-stato'), /per «ricorso» \(hai scritto «ricoso»\)/, 'the page says what it searched');
      await primi3('cartela esatoriale', /\/cartelle\/index\.html$/, 'two typos, then the synonym of the phrase');
      await primi3('quanto tempo ho per pagare', /\/(riscossione\/termine-scaduto|notifica)\/index\.html/, 'a question in words');
      await primi3('non ho pagato', /\/riscossione\/termine-scaduto\/index\.html$/, 'after a missed term');
      await primi3('equitalia', /\/(riscossione|cartelle)\//, 'the old name finds the agency that replaced it');
      await primi3('ganascia fiscale', /\/riscossione\/fermo\/index\.html/, 'the colloquial name of the fermo');
      await primi3('fermo auto', /\/riscossione\/fermo\/index\.html/, 'fermo auto');
      await primi3('pignoramento stipendio', /\/riscossione\/pignoramento\/index\.html/, 'wages');
      await primi3('conto pignorato', /\/riscossione\/(pignoramento|pignorabili)\/index\.html/, 'the bank account');
      assert.ok((await search(page, 'sospensione feriale')).length > 1, 'more than one section on the summer suspension');
      const cf = await search(page, 'codice fiscale');
      const testi = await page.$$eval('#cerca-risultati .risultato-estratto', e => e.map(x => x.textContent));
      assert.equal(new Set(testi).size, testi.length, `the same section is not returned twice: ${JSON.stringify(testi)}`);
      assert.ok(cf.length > 0);

      // All the results: the link opens a page listing every one of them; back and forward keep the query.
      await search(page, 'ricorso');
      const quanti = Number((await page.textContent('.ricerca-tutti a')).match(/\((\d+)\)/)[1]);
      assert.ok(quanti > 10);
      await Promise.all([page.waitForURL(/cerca\/index\.html#q=ricorso$/), page.click('.ricerca-tutti a')]);
      await page.waitForFunction(n => document.querySelectorAll('#risultati-tutti li').length === n, quanti);
      await page.goBack();
      await page.goForward();
      await page.waitForFunction(n => document.querySelectorAll('#risultati-tutti li').length === n, quanti);
      assert.equal(await page.inputValue('#cerca'), 'ricorso');
      await axe(page, `all the results (${come})`);

      assert.deepEqual(requests.filter(u => !u.startsWith(base()) && !/^(data|blob):/.test(u)), [], 'no request leaves the site');
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });
}

test('without JavaScript the search box is a link to the A–Z page, which links every topic', async () => {
  const { context, page } = await open({ javaScriptEnabled: false });
  try {
    await page.goto(`${origin}/cartelle/index.html`);
    await page.click('.ricerca a');
    await page.waitForURL(/indice-az\/index\.html$/);
    assert.match(await page.textContent('h1'), /Indice dalla A alla Z/);
    await page.click('a[href="../glossario/index.html#avviso-bonario"]');
    await page.waitForURL(/glossario\/index\.html#avviso-bonario$/);
  } finally {
    await context.close();
  }
  // axe-core runs as a script, so the A–Z page is checked in a browser with JavaScript.
  await inPagina({}, async ({ page }) => {
    await page.goto(`${origin}/indice-az/index.html`);
    await axe(page, 'A–Z page');
  });
});
