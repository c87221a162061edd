// Browser tests of the wizard in English (issue 34), at 390 px and 1366 px, over http and from file://: an English
// reader goes from the English home into the guided questions, which answer in English (the language stays in the
// fragment, so every link the app writes carries it), to a result whose printout and copied summary carry the
// same answer in Italian beside it, for the help desk. axe-core passes on each screen; nothing leaves the origin.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { pathToFileURL } from 'node:url';
import { avvia, chiudi, axe, origin, inPagina, SITE } from './sito.mjs';

before(avvia);
after(chiudi);

const TELEFONO = { width: 390, height: 844 };
const COMPUTER = { width: 1366, height: 900 };

// A plumber's work van: a preavviso di fermo received by registered letter on 20 November 2026. The 30 days end on
// Sunday 20 December, moved to Monday 21 (the same case as the view's unit test, in Italian).
const CASO = 'atto=preavviso_fermo&natura_debito=imposte&cartella_notificata=si&veicolo_strumentale=true&obiettivo=evitare&notifica.modo=raccomandata';

/** Catches what the page copies, without the clipboard permission (which `file://` cannot be granted). */
async function catturaAppunti(context) {
  await context.addInitScript(() => {
    window.__copiato = [];
    Object.defineProperty(navigator, 'clipboard', {
      value: { writeText: async t => { window.__copiato.push(t); } },
      configurable: true,
    });
  });
}

for (const [come, base] of [['http', () => `${origin}/`], ['file://', () => pathToFileURL(SITE).href + '/']]) {
  for (const [nome, viewport] of [['phone', TELEFONO], ['desktop', COMPUTER]]) {
    test(`the wizard in English over ${come} (${nome}): home → questions → bilingual printout`, async () => {
      await inPagina({ viewport }, async ({ page, context }) => {
        await catturaAppunti(context);
        await page.goto(base() + 'en/index.html');
        const avvio = page.getByRole('link', { name: 'Start the guided questions' });
        assert.equal(await avvio.getAttribute('hreflang'), null, 'the wizard speaks English: no "in Italian"');
        await avvio.click();
        await page.waitForURL(/\/assistente\/index\.html#lingua=en$/);
        await page.waitForSelector('.assistente[lang="en"][data-pronto]');
        assert.equal(await page.textContent('#domanda'), 'What did you receive?');
        assert.match(await page.textContent('.assistente'), /Continue/);
        await axe(page, `English first question ${come} ${nome}`);

        // A help desk's link: the answers so far and the language, in the fragment; "today" fixed in the query.
        await page.goto(base() + `assistente/index.html?oggi=2026-12-07#lingua=en&${CASO}`);
        await page.waitForSelector('.assistente[lang="en"] form[data-chiave="notifica.data"]');
        await page.getByRole('button', { name: 'Continue' }).click();
        assert.match(await page.textContent('#errore'), /Write the date in numbers: day, month and year/);
        // The engine's reasons read in English, with the date in English words.
        await page.getByLabel('Day').fill('20');
        await page.getByLabel('Month').fill('11');
        await page.getByLabel('Year').fill('2027');
        await page.getByRole('button', { name: 'Continue' }).click();
        assert.match(await page.textContent('#errore'), /The date 20 November 2027 is in the future/);
        assert.equal(await page.locator('#errore [lang="it"]').count(), 0);
        await page.getByLabel('Year').fill('2026');
        await page.getByRole('button', { name: 'Continue' }).click();
        await page.waitForURL(/lingua=en/);
        // The total debt is optional: skipped.
        await page.getByRole('button', { name: "I don't know, skip" }).click();
        await page.waitForSelector('.esito');
        assert.match(page.url(), /lingua=en/, 'the language stays in the fragment');
        assert.equal(await page.textContent('#domanda'), 'What to do');
        const frase = await page.textContent('.esito-lingua .frase');
        assert.equal(frase, 'Pay, or prove that you need the vehicle for work, by Monday 21 December 2026.');
        assert.equal(await page.textContent('.esito-lingua .risposta .giorni'), '14 days left');
        assert.match(await page.textContent('.esito-lingua .procedura'), /Within 30 days of notification, show Agenzia delle entrate-Riscossione/);
        assert.match(await page.textContent('.esito-lingua .passi-percorso'), /20 November 2026/);
        // Every link the app writes keeps the language.
        for (const href of await page.locator('.esito-lingua .passi-percorso a').evaluateAll(as => as.map(a => a.getAttribute('href')))) {
          assert.match(href, /lingua=en/);
        }
        // How the date was computed, step by step in English, the rules' names in English too.
        assert.equal(await page.textContent('.esito-lingua .risposta summary'), 'How we computed the date');
        const passi = await page.textContent('.esito-lingua .risposta details ol');
        assert.match(passi, /You gave the date the raccomandata \(registered letter\) was delivered.*: 20 November 2026\./);
        assert.match(passi, /Day 30 is Sunday 20 December 2026\..*That day is Sunday: if the last day falls on a Saturday, a Sunday or a public holiday, the deadline moves to the next working day/s);
        assert.match(passi, /Last day to act: Monday 21 December 2026\./);
        assert.equal(await page.locator('.esito-lingua .risposta details [lang="it"]').count(), 0);
        // On screen, the Italian copy is hidden.
        assert.equal(await page.locator('.esito-italiano').isVisible(), false);
        await axe(page, `English result ${come} ${nome}`);

        // The copied summary: English, then the same answer in Italian.
        await page.getByRole('button', { name: 'Copy the summary (English and Italian)' }).click();
        const [copiato] = await page.evaluate(() => window.__copiato);
        assert.match(copiato, /^What to do\nPay, or prove that you need the vehicle for work, by Monday 21 December 2026\./);
        assert.match(copiato, /The same answer in Italian, for whoever helps you\n\nChe cosa fare\nPaga, o dimostra che il veicolo ti serve per lavorare, entro lunedì 21 dicembre 2026\./);
        assert.match(await page.textContent('.esito [aria-live="polite"]'), /Summary copied\./);

        // The printout: both languages, side by side.
        await page.emulateMedia({ media: 'print' });
        const inglese = page.locator('.esito-lingua');
        const italiano = page.locator('.esito-italiano');
        assert.equal(await italiano.isVisible(), true, 'the Italian copy is printed');
        assert.equal(await italiano.getAttribute('lang'), 'it');
        assert.equal(await page.textContent('.esito-italiano .frase'), 'Paga, o dimostra che il veicolo ti serve per lavorare, entro lunedì 21 dicembre 2026.');
        assert.match(await italiano.textContent(), /Come procedere/);
        const [a, b] = [await inglese.boundingBox(), await italiano.boundingBox()];
        assert.ok(b.x > a.x + a.width / 2 && Math.abs(a.y - b.y) < 5, `side by side: ${JSON.stringify([a, b])}`);
        await page.emulateMedia({ media: 'screen' });

        // The same answers in Italian and back, for a help desk that reads Italian.
        await page.locator('.lingua-percorso a[hreflang="it"]').click();
        await page.waitForSelector('.assistente[lang="it"] .esito');
        assert.equal(await page.textContent('.esito-lingua .frase'), 'Paga, o dimostra che il veicolo ti serve per lavorare, entro lunedì 21 dicembre 2026.');
        assert.doesNotMatch(page.url(), /lingua=/);
        // The top bar's language links lead to the same answers too (without JavaScript: to the English guide).
        const testata = l => page.locator(`nav.lingue a[hreflang="${l}"]`);
        assert.ok(await testata('it').isHidden(), 'the current language is not offered');
        assert.match(await testata('en').getAttribute('href'), /^#.*notifica\.data=2026-11-20.*&lingua=en$/);
        await testata('en').click();
        await page.waitForSelector('.assistente[lang="en"] .esito');
        assert.equal(await page.textContent('.esito-lingua .frase'), 'Pay, or prove that you need the vehicle for work, by Monday 21 December 2026.');
        assert.ok(await testata('en').isHidden() && await testata('it').isVisible(), 'Italian offered back');
        assert.doesNotMatch(await testata('it').getAttribute('href'), /lingua=/);
        assert.equal(await page.textContent('.lingua-percorso a'), 'Italiano');

        // Start again stays in English.
        await page.getByRole('link', { name: 'Start again' }).click();
        await page.waitForSelector('.assistente[lang="en"] form[data-chiave="atto"]');
        assert.equal(await page.textContent('#domanda'), 'What did you receive?');
      });
    });
  }
}

test('an unknown language in the fragment leaves the wizard in Italian', async () => {
  await inPagina({ viewport: COMPUTER }, async ({ page }) => {
    await page.goto(`${origin}/assistente/index.html#lingua=xx&atto=cartella`);
    await page.waitForSelector('.assistente[lang="it"][data-pronto]');
    assert.equal(await page.textContent('#domanda'), 'Da che cosa deriva la cartella?');
  });
});

// Without JavaScript the English reader gets the same steps as plain English pages (`en/assistente/…`), from the
// English home, down to an outcome that states each deadline's rule in English.
for (const [come, base] of [['http', () => `${origin}/`], ['file://', () => pathToFileURL(SITE).href + '/']]) {
  for (const [nome, viewport] of [['phone', TELEFONO], ['desktop', COMPUTER]]) {
    test(`without JavaScript, the questions in English over ${come} (${nome}): home → steps → outcome`, async () => {
      await inPagina({ viewport, javaScriptEnabled: false }, async ({ page }) => {
        await page.goto(base() + 'en/index.html');
        await page.getByRole('link', { name: 'One question at a time, also without JavaScript' }).click();
        await page.waitForURL(/\/en\/assistente\/index\.html#primo-passo$/);
        assert.equal(await page.textContent('#primo-passo + p strong'), 'What did you receive?');
        await page.locator('.primo-passo a.scelta[data-valore="preavviso_fermo"]').click();
        await page.waitForURL(/\/en\/assistente\/preavviso_fermo\/index\.html$/);
        assert.equal(await page.getAttribute('html', 'lang'), 'en');
        assert.equal(await page.textContent('#domanda'), 'What is the debt for?');
        await page.locator('a.scelta[data-valore="imposte"]').click();
        assert.match(await page.textContent('.passi-percorso'), /Question 3/);
        const passo = page.url();
        // Through the remaining questions by their first choice, to the outcome.
        for (let i = 0; i < 8 && !(await page.locator('.risposta').count()); i++) {
          await page.locator('a.scelta').first().click();
        }
        assert.equal(await page.textContent('#domanda'), 'What to do');
        assert.match(page.url(), /\/en\/assistente\/preavviso_fermo\/imposte\//);
        assert.match(await page.textContent('.procedura'), /within 30 days of notification/);
        assert.match(await page.textContent('.assistente'), /Start again/);
        assert.doesNotMatch(await page.textContent('.assistente'), /Che cosa fare|Come procedere|Ricomincia/);
        // A guidance page not translated says so, and is marked as Italian.
        const italiane = page.locator('.da-leggere ul:not(.fonti) li:has(a[hreflang="it"])');
        for (const li of await italiane.all()) assert.match(await li.textContent(), /\(in Italian\)$/);
        const esito = page.url();
        // axe runs as a script: the same pages, checked in a page that runs scripts.
        await inPagina({ viewport }, async ({ page }) => {
          for (const [url, dove] of [[passo, 'step'], [esito, 'outcome']]) {
            await page.goto(url);
            await axe(page, `English ${dove} without JavaScript ${come} ${nome}`);
          }
        });
      });
    });
  }
}
