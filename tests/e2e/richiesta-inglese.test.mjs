// Browser tests of "Prepare your CIVIS request" in English (issue 34), at 390 px and 1366 px, over http and from
// file://: from the English result of the guided questions to the English page of the tool, whose furniture, checks
// and findings read in English, while the text prepared for the office stays Italian and the summary keeps the
// Italian names of the CIVIS fields beside the English. axe-core passes; nothing leaves the origin.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { pathToFileURL } from 'node:url';
import { avvia, chiudi, axe, origin, inPagina, SITE } from './sito.mjs';

before(avvia);
after(chiudi);

const TELEFONO = { width: 390, height: 844 };
const COMPUTER = { width: 1366, height: 900 };

// An avviso bonario to correct, with no CIVIS request yet: the result advises a first CIVIS request.
const CASO = 'atto=avviso_bonario&obiettivo=correggere&prima_richiesta_civis=nessuna'
  + '&data_elaborazione=2026-01-15&notifica.modo=pec&notifica.data=2026-02-02&richiedente=contribuente';

/** A minimal PDF with `extra` in its catalogue (generated, never copied). */
function pdf(extra = '') {
  return Buffer.from(`%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R ${extra} >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n`);
}
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000049454e44ae426082', 'hex');
const file = (name, buffer) => ({ name, mimeType: 'application/octet-stream', buffer });

for (const [come, base] of [['http', () => `${origin}/`], ['file://', () => pathToFileURL(SITE).href + '/']]) {
  for (const [nome, viewport] of [['phone', TELEFONO], ['desktop', COMPUTER]]) {
    test(`the request tool in English over ${come} (${nome}): from the English result to a checked request`, async () => {
      await inPagina({ viewport }, async ({ page }) => {
        await page.goto(base() + `assistente/index.html?oggi=2026-03-01#lingua=en&${CASO}`);
        await page.waitForSelector('.assistente[lang="en"] [data-esito]');
        const link = page.locator('.esito-lingua a[data-richiesta]');
        assert.equal(await link.textContent(), 'Prepare the CIVIS request: check numbers, text and attachments');
        await link.click();
        await page.waitForURL(/\/en\/richiesta\/index\.html#/);
        await page.waitForSelector('.richiesta-app[data-pronto="si"]');
        assert.equal(await page.getAttribute('html', 'lang'), 'en');
        // Nothing typed or chosen leaves the page from here on.
        const richieste = [];
        page.on('request', r => { if (!r.url().startsWith('data:')) richieste.push(r.url()); });

        // What the guided questions said, in English, and the way back keeps the language.
        assert.match(await page.textContent('.dal-percorso .callout-title'), /^From the guided questions$/);
        assert.match(await page.textContent('.dal-percorso'), /Recommended channel: .*Next deadline: /s);
        const ritorno = await page.getAttribute('.dal-percorso a', 'href');
        assert.match(ritorno, /^\.\.\/\.\.\/assistente\/index\.html#lingua=en&/);
        assert.match(await page.textContent('[data-allegati="nessuno"]'), /In the first CIVIS request you cannot attach documents.*«Consegna documenti e istanze»/s);
        await axe(page, `English request tool ${come} ${nome}`);

        // The checks answer in English; numbers and characters are put into the sentences.
        await page.getByLabel('Codice fiscale (tax code)').pressSequentially('RSSMRA85T10A562T');
        assert.match(await page.textContent('#codice-fiscale-esito'), /^The codice fiscale is not right: the last character/);
        await page.getByLabel('Codice fiscale (tax code)').fill('RSSMRA85T10A562S');
        await page.getByLabel('Codice fiscale (tax code)').press('End');
        assert.match(await page.textContent('#codice-fiscale-esito'), /Correct: in CIVIS, write RSSMRA85T10A562S/);
        await page.getByLabel('Which number do you have?').selectOption({ label: 'Cartella: codice atto (act code), 11 digits' });
        await page.locator('#numero-atto').pressSequentially('1234');
        assert.equal(await page.textContent('#numero-atto-esito'), 'The codice atto (act code) has 11 digits: you wrote 4. You find it on the cartella (payment demand).');
        await page.getByLabel('Which number do you have?').selectOption('comunicazione');
        await page.locator('#numero-atto').fill('1234 5678 90123');
        await page.locator('#numero-atto').press('End');
        assert.match(await page.textContent('#numero-atto-esito'), /Correct: in CIVIS, write 1234567890123/);

        // The outline's labels are English; the text prepared for the office is Italian, and says so.
        await page.getByLabel('Why do you think the comunicazione is wrong?').selectOption('versamento');
        await page.getByLabel('Date of the payment').fill('16/06/2025');
        await page.getByRole('button', { name: 'Prepare the text from the outline' }).click();
        assert.match(await page.inputValue('#testo-richiesta'), /^Motivo della richiesta: un pagamento fatto ma non considerato\.\nData del versamento: 16\/06\/2025$/);
        assert.equal(await page.getAttribute('#testo-richiesta', 'lang'), 'it');
        assert.match(await page.textContent('#testo-campo'), /The text we prepare is in Italian/);
        assert.match(await page.textContent('#testo-conteggio'), /^\d+ of 3000 characters\.$/);

        // A second request: the attachments' findings in English.
        await page.getByLabel('The second request', { exact: false }).check();
        await page.getByLabel('Numero di pratica della prima richiesta (case number of the first request)').pressSequentially('2026051100001');
        assert.match(await page.textContent('#protocollo-esito'), /2026051100001 — request made on 11\/05\/2026/);
        await page.setInputFiles('#file-allegati', [
          file('script.pdf', pdf('/OpenAction << /S /JavaScript /JS (app.alert(1)) >>')),
          file('scansione.pdf', PNG),
        ]);
        await page.waitForFunction(() => document.querySelectorAll('section[aria-labelledby="titolo-allegati"] .verdetto').length === 2);
        const verdetti = await page.$$eval('section[aria-labelledby="titolo-allegati"] .verdetto', els => els.map(e => e.textContent));
        assert.match(verdetti[0], /^script\.pdf — PDF: needs fixing.*The PDF contains JavaScript code, which is active content/s);
        assert.match(verdetti[1], /^scansione\.pdf — PNG image: needs fixing.*The file is a PNG image, but its name «scansione\.pdf» does not say so.*«scansione\.png»/s);
        assert.match(await page.textContent('.avanzamento-file'), /^Files checked: 2\. Files to fix: 2\.$/);

        // The summary: English words, the CIVIS field names kept in Italian for the form.
        const riepilogo = page.locator('#riepilogo');
        assert.match(await riepilogo.textContent(), /^4\. Summary to keep next to CIVIS/);
        assert.match(await riepilogo.textContent(), /Before you send the request, fix the points marked below\./);
        assert.equal(await page.getAttribute('#riepilogo dd[data-campo="Codice fiscale"]', 'data-campo'), 'Codice fiscale');
        assert.match(await page.textContent('#riepilogo dl'), /Numero di pratica della prima richiesta \(case number of the first request\)2026051100001 \(first request dated 11\/05\/2026\)/);
        assert.equal(await page.locator('.richiesta-app :text-matches("Scrivi|Controllati|da sistemare")').count(), 0, 'no Italian furniture left');
        await axe(page, `English request tool, filled in ${come} ${nome}`);
        assert.deepEqual(richieste.filter(u => !/\/(style|print)(\.[0-9a-f]{16})?\.css$/.test(u)), [], 'no request while checking');
      });
    });
  }
}

test('the English page names its source and the Italian page keeps the tool in Italian', async () => {
  await inPagina({ viewport: COMPUTER }, async ({ page }) => {
    await page.goto(`${origin}/en/richiesta/index.html`);
    await page.waitForSelector('.richiesta-app[data-pronto="si"]');
    assert.match(await page.textContent('.traduzione'), /Only the Italian/);
    assert.equal(await page.getAttribute('link[hreflang="it"]', 'href') !== null, true);
    await page.goto(`${origin}/richiesta/index.html`);
    await page.waitForSelector('.richiesta-app[data-pronto="si"]');
    assert.equal(await page.textContent('#titolo-atto'), "1. L'atto e chi chiede");
  });
});
