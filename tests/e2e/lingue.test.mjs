// Browser tests of the English pages (issue 34), at 390 px and 1366 px, over http and from file://: an English
// reader goes from the English home to an act's page; every page says it is a translation, that only the Italian
// is authoritative, links its Italian source and back (hreflang), searches its own index (Italian act names
// included), and passes axe-core. The wizard itself in English is walked in percorso-inglese.test.mjs.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { pathToFileURL } from 'node:url';
import { avvia, chiudi, axe, origin, open, SITE } from './sito.mjs';

before(avvia);
after(chiudi);

const TELEFONO = { width: 390, height: 844 };
const COMPUTER = { width: 1366, height: 900 };

for (const [come, base] of [['http', () => `${origin}/`], ['file://', () => pathToFileURL(SITE).href + '/']]) {
  for (const [nome, viewport] of [['phone', TELEFONO], ['desktop', COMPUTER]]) {
    test(`English over ${come} (${nome}): home → act page → Italian source and back, axe clean`, async () => {
      const { context, page, problems } = await open({ viewport });
      try {
        await page.goto(base() + 'en/index.html');
        assert.equal(await page.getAttribute('html', 'lang'), 'en');
        assert.match(await page.textContent('.ente'), /Unofficial guide.*Not a service of the Agenzia delle entrate/s);
        assert.match(await page.textContent('main'), /Which letter did you get\?/);
        assert.match(await page.textContent('main'), /Only the Italian version is authoritative/);
        const avvio = page.getByRole('link', { name: 'Start the guided questions' });
        assert.match(await avvio.getAttribute('href'), /assistente\/index\.html#lingua=en$/, 'the wizard in English');
        await axe(page, `English home ${come} ${nome}`);

        // The wizard's questions in English, beside the Italian words on screen.
        await page.getByRole('link', { name: 'every question and answer in Italian and English' }).click();
        await page.waitForURL(/\/en\/assistente\/index\.html$/);
        assert.match(await page.textContent('#domanda-atto'), /In Italian:\s*Che cosa hai ricevuto\?/);
        assert.match(await page.textContent('main'), /What did you receive\?/);
        // The deadlines a result can show: each Italian title with its rule in English.
        assert.match(await page.textContent('main'), /Pagare la cartella\s*Pay the cartella \(payment demand\)\s*The rule: 60 days from notification; August does not suspend this term/);
        assert.equal(await page.locator('#domanda-atto [lang="it"]').count(), 1, 'the Italian words are marked as Italian');
        await axe(page, `English question guide ${come} ${nome}`);
        await page.getByRole('link', { name: 'Open the guided questions' }).click();
        await page.waitForURL(/\/assistente\/index\.html#lingua=en$/);
        await page.waitForSelector('.assistente[lang="en"][data-pronto]');
        await page.goto(base() + 'en/index.html');

        await page.getByRole('link', { name: 'fermo', exact: true }).click();
        await page.waitForURL(/\/en\/fermo\/index\.html$/);
        assert.match(await page.textContent('h1'), /Preavviso di fermo/);
        assert.match(await page.textContent('main'), /Look for these words on your letter:.*«Preavviso di fermo amministrativo»/s);
        assert.match(await page.textContent('.traduzione'), /This is a translation.*Only the Italian version is authoritative.*checked against the Italian text on \d+ December 2026/s);
        assert.equal(await page.locator('link[rel="alternate"][hreflang="it"]').getAttribute('href'), '../../riscossione/fermo/index.html');
        await axe(page, `English act page ${come} ${nome}`);

        await page.locator('.traduzione a[hreflang="it"]').click();
        await page.waitForURL(/\/riscossione\/fermo\/index\.html$/);
        assert.equal(await page.getAttribute('html', 'lang'), 'it');
        assert.equal(await page.locator('link[rel="alternate"][hreflang="en"]').getAttribute('href'), '../../en/fermo/index.html');
        await page.locator('.lingue a[hreflang="en"]').click();
        await page.waitForURL(/\/en\/fermo\/index\.html$/);
        assert.deepEqual(problems, []);
      } finally {
        await context.close();
      }
    });
  }

  test(`English search over ${come}: its own index, English words and the Italian act names`, async () => {
    const { context, page, problems } = await open({ viewport: COMPUTER });
    try {
      await page.goto(base() + 'en/glossary/index.html');
      await page.waitForSelector('#cerca');
      assert.equal(await page.getAttribute('#cerca', 'placeholder'), 'Search the guide (key /)');
      // English words, the Italian act names the pages keep, and the English synonyms (sinonimi.en.yaml) that
      // lead to them: "garnishment" and "tax bill" are on no page.
      const attese = [
        ['vehicle', /\/en\/fermo\//], ['cartella', /\/en\/cartella\//], ['pignoramento', /\/en\/pignoramento\//],
        ['garnishment', /\/en\/pignoramento\//], ['tax bill', /\/en\/cartella\//],
        // Stemmed in English ("appeals" meets "appeal"), the Italian plurals joined to the names the pages keep.
        ['appeals', /\/en\/quale-giudice\//], ['avvisi bonari', /\/en\/avviso-bonario\//], ['cartelle', /\/en\/cartella\//],
      ];
      for (const [q, atteso] of attese) {
        await page.fill('#cerca', '');
        await page.locator('#cerca').pressSequentially(q);
        await page.waitForFunction(x => (document.getElementById('cerca-stato').textContent || '').includes(`«${x}»`), q);
        const stato = await page.textContent('#cerca-stato');
        assert.match(stato, /results? for «/, `the status is in English: ${stato}`);
        const link = await page.$$eval('#cerca-risultati a', as => as.map(a => a.href));
        assert.ok(link.length > 0 && link.every(h => /\/en\//.test(h)), `${q}: only English pages, ${link}`);
        assert.match(link[0], atteso, `${q} → ${link[0]}`);
      }
      // Every result, on the English page of all results, which searches the English index.
      const quanti = Number((await page.textContent('.ricerca-tutti a')).match(/^Show all results \((\d+)\)$/)[1]);
      await Promise.all([page.waitForURL(/\/en\/cerca\/index\.html#q=cartelle$/), page.click('.ricerca-tutti a')]);
      await page.waitForFunction(n => document.querySelectorAll('#risultati-tutti li').length === n, quanti);
      assert.equal(await page.textContent('h1'), 'Search results');
      const tutti = await page.$$eval('#risultati-tutti li a', as => as.map(a => a.href));
      assert.ok(tutti.every(h => /\/en\//.test(h)), `only English pages: ${tutti}`);
      await axe(page, `English search ${come}`);
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });
}
