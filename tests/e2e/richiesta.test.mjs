// Browser tests of "Prepara la richiesta" in headless Chromium, over http and from file://: the way in from the
// wizard's CIVIS outcome (channel and deadline carried in the fragment), the identifiers and the codice fiscale
// typed as a person would, the guided outline composing the text, the counter, files chosen with the real file
// input (fixtures generated here), the verdicts, the printable summary; no request to another origin, no CSP
// violation, axe-core clean.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { SITE, REPO, avvia, chiudi, open, axe, origin, inPagina, conImpronta } from './sito.mjs';

before(async () => {
  assert.ok(conImpronta('richiesta/pkg', 'civis_richiesta_app_bg.wasm'), `no request bundle in ${SITE}: run civis-guida build first`);
  await avvia();
});

after(chiudi);

/** A minimal PDF with `extra` in its catalogue (the fixtures are generated, never copied). */
function pdf(extra = '') {
  return Buffer.from(`%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R ${extra} >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n`);
}
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000049454e44ae426082', 'hex');
/** Files of the crafted attachment corpus (tests/allegati, written by its genera.py). */
const CORPUS = join(REPO, 'tests/allegati');
const corpus = path => readFileSync(join(CORPUS, path));
const file = (name, buffer) => ({ name, mimeType: 'application/octet-stream', buffer });

/** The verdict shown for each file, by name. */
async function verdicts(page, count) {
  await page.waitForFunction(n => document.querySelectorAll('.allegati-scelti .verdetto, section[aria-labelledby="titolo-allegati"] .verdetto').length >= n, count);
  return Object.fromEntries(await page.$$eval('section[aria-labelledby="titolo-allegati"] .verdetto',
    els => els.map(e => [e.dataset.file, e.querySelector('.giudizio').textContent + ' | ' + e.textContent])));
}

/** Fills in and checks a whole second request on the page already open. */
async function secondRequest(page) {
  await page.waitForSelector('.richiesta-app[data-pronto="si"]');
  // From here on nothing may be requested at all: identifiers, text and files stay in the page.
  const requests = [];
  page.on('request', r => { if (!r.url().startsWith('data:')) requests.push(r.url()); });
  await axe(page, 'request page, empty');
  await page.getByLabel('La seconda richiesta', { exact: false }).check();
  await page.getByLabel('Codice fiscale').pressSequentially('RSSMRA85T10A562T');
  const cf = await page.textContent('#codice-fiscale-esito');
  assert.match(cf, /non torna/, 'a wrong check character is named as such');
  assert.doesNotMatch(cf, /«S»/, 'the right check character is not revealed');
  // A message that has not changed is not written again (a screen reader would read it again at each keystroke).
  await page.evaluate(() => {
    window.riscritture = 0;
    new MutationObserver(m => { window.riscritture += m.length; })
      .observe(document.getElementById('codice-fiscale-esito'), { childList: true, subtree: true, characterData: true });
  });
  await page.locator('#numero-atto').pressSequentially('12');
  assert.equal(await page.evaluate(() => window.riscritture), 0, 'typing elsewhere leaves the codice fiscale\'s message alone');
  await page.locator('#numero-atto').fill('');
  await page.getByLabel('Codice fiscale').focus();
  await page.keyboard.press('End');
  await page.getByLabel('Codice fiscale').press('Backspace');
  await page.getByLabel('Codice fiscale').pressSequentially('S');
  assert.match(await page.textContent('#codice-fiscale-esito'), /Corretto: in CIVIS scrivi RSSMRA85T10A562S/);
  await page.getByLabel('Numero della comunicazione o dell\'avviso telematico').pressSequentially('1234 5678 90123');
  assert.match(await page.textContent('#numero-atto-esito'), /1234567890123/);
  assert.equal(await page.evaluate(() => document.activeElement.id), 'numero-atto', 'the field keeps the focus while its message changes');
  // Another kind of number: the field's label, help and check follow it, and what was typed stays.
  await page.getByLabel('Quale numero hai?').selectOption({ label: 'Cartella: codice atto (11 cifre)' });
  assert.match(await page.textContent('label[for="numero-atto"]'), /[Cc]odice atto/);
  assert.match(await page.textContent('#numero-atto-aiuto'), /11 cifre/);
  assert.equal(await page.getAttribute('#numero-atto', 'aria-invalid'), 'true', '13 digits are not a codice atto');
  assert.equal(await page.inputValue('#numero-atto'), '1234 5678 90123');
  await page.getByLabel('Quale numero hai?').selectOption({ label: 'Numero della comunicazione o dell\'avviso telematico (13 cifre)' });
  assert.equal(await page.getAttribute('#numero-atto', 'aria-invalid'), 'false');
  // Each identifier links the guide's explanation of where to find it, and the link leads to a real section.
  for (const href of await page.$$eval('a.dove-trovarlo', as => as.map(a => a.href))) {
    const [file, anchor] = decodeURIComponent(new URL(href).pathname).split('#').concat(new URL(href).hash.slice(1));
    const html = readFileSync(join(SITE, file.replace(/^.*?\/(civis\/)/, '$1')), 'utf8');
    if (anchor) assert.ok(html.includes(`id="${anchor}"`), `${href}: no #${anchor}`);
  }
  assert.equal(await page.$$eval('a.dove-trovarlo', as => as.length), 2, 'the act\'s number and the first request\'s protocol');
  await page.getByLabel('Numero di pratica della prima richiesta').pressSequentially('2026051100001');
  assert.match(await page.textContent('#protocollo-esito'), /richiesta del 11\/05\/2026/);
  await page.getByLabel('Perché pensi che la comunicazione sia sbagliata?').selectOption('versamento');
  await page.getByLabel('Data del versamento').fill('16/06/2025');
  await page.getByLabel('Importo versato').fill('1.250,00 euro');
  await page.getByRole('button', { name: 'Prepara il testo dalla traccia' }).click();
  const testo = await page.inputValue('#testo-richiesta');
  assert.match(testo, /^Motivo della richiesta: un pagamento fatto ma non considerato\.\nData del versamento: 16\/06\/2025\nImporto versato: 1\.250,00 euro$/);
  assert.equal(await page.getAttribute('#testo-conteggio', 'data-caratteri'), String(testo.length + 2), 'line breaks count 2');
  await page.setInputFiles('#file-allegati', [
    file('pulito.pdf', pdf()),
    file('script.pdf', pdf('/OpenAction << /S /JavaScript /JS (app.alert(1)) >>')),
    file('scansione.pdf', PNG),
    file('ricevuta.pdf', pdf('/Title (MODELLO F24 delega irrevocabile)')),
    file('firmato.pdf.p7m', corpus('puliti/pdf_semplice.pdf.p7m')),
    file('foto.png', corpus('attivi/png_con_docx_in_coda.png')),
  ]);
  const v = await verdicts(page, 6);
  assert.match(v['pulito.pdf'], /^si può allegare/);
  assert.match(v['script.pdf'], /^da sistemare.*JavaScript/s);
  assert.match(v['scansione.pdf'], /^da sistemare.*un'immagine PNG.*non lo dice/s);
  assert.doesNotMatch(v['scansione.pdf'], /rinominat/, 'no guess of how the name came to be wrong');
  assert.match(v['ricevuta.pdf'], /^si può allegare.*F24/s);
  assert.match(v['firmato.pdf.p7m'], /^si può allegare.*PDF, firmato digitalmente \(CAdES/s);
  assert.match(v['foto.png'], /^da sistemare.*nascosto/s);
  const messaggi = await page.$$eval('section[aria-labelledby="titolo-allegati"] .verdetto', els => els.map(e => e.querySelectorAll('li').length));
  assert.ok(messaggi.every(n => n <= 1), `one message per file at most: ${messaggi}`);
  await axe(page, 'request page, filled in');
  assert.equal(await page.getAttribute('[data-pronta]', 'data-pronta'), 'false', 'a file with JavaScript blocks the request');
  await page.setInputFiles('#file-allegati', [file('pulito.pdf', pdf())]);
  await page.waitForFunction(() => document.querySelector('[data-pronta]').dataset.pronta === 'true');
  // The summary is what prints; the form does not.
  await page.emulateMedia({ media: 'print' });
  assert.ok(await page.isVisible('.riepilogo'));
  assert.ok(!(await page.isVisible('#file-allegati')));
  assert.match(await page.textContent('.riepilogo'), /1234567890123[\s\S]*2026051100001/);
  await page.emulateMedia({ media: 'screen' });
  // (From file:// Chromium reads the stylesheets again when the print media is emulated: those are not data.)
  assert.deepEqual(requests.filter(u => !/\/(style|print)(\.[0-9a-f]{16})?\.css$/.test(u)), [], 'no request while filling in and checking');
}

test('from the wizard\'s CIVIS outcome to a checked second request, over http', () => inPagina({}, async ({ page }) => {
  await page.goto(`${origin}/assistente/index.html?oggi=2026-03-01#atto=avviso_bonario&obiettivo=correggere&prima_richiesta_civis=nessuna`
    + '&data_elaborazione=2026-01-15&notifica.modo=pec&notifica.data=2026-02-02&richiedente=contribuente');
  await page.waitForSelector('[data-esito]');
  // The deadline that answers the goal travels with the request.
  const data = await page.getAttribute('.risposta[data-principale]', 'data-data');
  await page.click('a[data-richiesta]');
  await page.waitForSelector('.richiesta-app[data-pronto="si"]');
  assert.equal(await page.getAttribute('[data-termine]', 'data-termine'), data, 'the deadline carried from the wizard');
  assert.match(await page.textContent('.dal-percorso'), /Richiesta di assistenza CIVIS/);
  assert.match(await page.textContent('[data-allegati="nessuno"]'), /Consegna documenti e istanze/, 'a first request has no attachments');
  await page.goto(`${origin}/richiesta/index.html?oggi=2026-11-25`);
  await secondRequest(page);
}));

test('the same request from file://, from the wizard\'s outcome to the files chosen on the disk-opened page', () => inPagina({}, async ({ page }) => {
  await page.goto(`${pathToFileURL(join(SITE, 'assistente/index.html')).href}?oggi=2026-03-01#atto=avviso_bonario&obiettivo=correggere`
    + '&prima_richiesta_civis=nessuna&data_elaborazione=2026-01-15&notifica.modo=pec&notifica.data=2026-02-02&richiedente=contribuente');
  await page.waitForSelector('[data-esito]');
  await page.click('a[data-richiesta]');
  await page.waitForSelector('.richiesta-app[data-pronto="si"]');
  assert.ok(await page.getAttribute('[data-termine]', 'data-termine'), 'the deadline carried from the wizard, from disk too');
  await page.goto(`${pathToFileURL(join(SITE, 'richiesta/index.html')).href}?oggi=2026-11-25`);
  await secondRequest(page);
}));

test('a second request about a cartella is refused at its number, with no attachments', () => inPagina({}, async ({ page }) => {
  await page.goto(`${origin}/richiesta/index.html?oggi=2026-11-25`);
  await page.waitForSelector('.richiesta-app[data-pronto="si"]');
  await page.getByLabel('La seconda richiesta', { exact: false }).check();
  assert.ok(await page.isVisible('#file-allegati'), 'a communication\'s second request takes files');
  await page.getByLabel('Quale numero hai?').selectOption({ label: 'Cartella: identificativo della cartella (17 cifre)' });
  await page.waitForSelector('[data-allegati="cartella"]');
  assert.equal(await page.$('#file-allegati'), null, 'no file input');
  assert.match(await page.textContent('#numero-atto-esito'), /seconda richiesta CIVIS non esiste/);
  await page.locator('#numero-atto').pressSequentially('068 2026 0012 3456 78');
  assert.match(await page.textContent('#numero-atto-esito'), /seconda richiesta CIVIS non esiste/, 'whatever the number');
  const riepilogo = await page.textContent('.riepilogo');
  assert.match(riepilogo, /seconda richiesta CIVIS non esiste/);
  assert.doesNotMatch(riepilogo, /Allegati/);
  assert.equal(await page.getAttribute('[data-pronta]', 'data-pronta'), 'false');
  await axe(page, 'request page, second request about a cartella');
}));

test('eleven files, a file over 20 MB and a text over 3,000 characters are refused', () => inPagina({}, async ({ page }) => {
  await page.goto(`${origin}/richiesta/index.html#richiesta=seconda`);
  await page.waitForSelector('.richiesta-app[data-pronto="si"]');
  await page.setInputFiles('#file-allegati', Array.from({ length: 11 }, (_, i) => file(`f${i}.pdf`, pdf())));
  await page.waitForSelector('[role="alert"]');
  assert.match(await page.textContent('[role="alert"]'), /al massimo 10 file: ne hai scelti 11/);
  // A file's name is shown as text, whatever it holds.
  await page.setInputFiles('#file-allegati', [file('<img src=x onerror=alert(1)>.pdf', pdf())]);
  const nome = await page.waitForSelector('.verdetto strong');
  assert.equal(await nome.textContent(), '<img src=x onerror=alert(1)>.pdf');
  assert.equal(await page.$$eval('section[aria-labelledby="titolo-allegati"] img', i => i.length), 0);
  const grande = Buffer.concat([pdf(), Buffer.alloc(21_000_000, 32)]);
  await page.setInputFiles('#file-allegati', [file('grande.pdf', grande)]);
  assert.match((await verdicts(page, 1))['grande.pdf'], /^da sistemare.*21,0 MB/s);
  await page.fill('#testo-richiesta', 'a'.repeat(3001));
  assert.match(await page.textContent('#testo-conteggio'), /togline 1/);
  assert.ok(await page.isDisabled('#copia-testo'), 'a text over the limit cannot be copied');
  await axe(page, 'request page with problems');
}));

test('without JavaScript the page explains the checks to do by hand', async () => {
  const { context, page } = await open({ javaScriptEnabled: false });
  try {
    await page.goto(`${origin}/richiesta/index.html`);
    assert.match(await page.textContent('main'), /Senza JavaScript/);
    assert.match(await page.textContent('main'), /20\.000\.000 di byte/);
    await page.goto(`${origin}/civis/seconda-richiesta/index.html`);
    assert.ok(await page.$('a[href="../../richiesta/index.html"]'), 'the CIVIS pages link the tool');
  } finally {
    await context.close();
  }
});
