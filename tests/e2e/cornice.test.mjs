// Browser tests of the frame every page shares, at 390 px (a phone) and 1366 px (a desktop): who runs the guide
// and that it is not the Agenzia's, the menu button on phones, the wizard's start button on the home page, the
// accessibility statement, the search shortcut named only to keyboard users, focus rings for keyboards only,
// "Copia il link a questa sezione" on headings. axe-core on each.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { avvia, chiudi, axe, origin, inPagina } from './sito.mjs';

before(avvia);
after(chiudi);

const TELEFONO = { width: 390, height: 844 };
const COMPUTER = { width: 1366, height: 900 };

test('phone: the header says whose guide it is, the menu opens from its button above the page', () => inPagina({ viewport: TELEFONO }, async ({ page }) => {
  await page.goto(`${origin}/civis/index.html`);
  assert.match(await page.textContent('.ente'), /Guida non ufficiale.*Chi la cura: .+·\s*Non è un servizio dell'Agenzia delle entrate/s);
  assert.ok(!(await page.isVisible('#navigazione')), 'the menu is closed');
  await page.click('label.pulsante-menu');
  assert.ok(await page.isVisible('#navigazione'), 'the button opens it');
  const menu = await page.locator('#navigazione').boundingBox();
  const main = await page.locator('main').boundingBox();
  assert.ok(menu.y < main.y, 'the open menu comes before the page, not 4,000 px down');
  await axe(page, 'phone, menu open');
  await page.click('label.pulsante-menu');
  assert.ok(!(await page.isVisible('#navigazione')), 'and closes it');
  // The keyboard reaches it: the control is the checkbox the label names.
  await page.focus('#apri-menu');
  await page.keyboard.press('Space');
  assert.ok(await page.isVisible('#navigazione'));
}));

test('desktop: the menu is always there, no menu button', () => inPagina({ viewport: COMPUTER }, async ({ page }) => {
  await page.goto(`${origin}/civis/index.html`);
  assert.ok(await page.isVisible('#navigazione'));
  assert.ok(!(await page.isVisible('label.pulsante-menu')));
  assert.match(await page.textContent('.ente'), /Guida non ufficiale/);
}));

for (const [nome, viewport] of [['phone', TELEFONO], ['desktop', COMPUTER]]) {
  test(`home (${nome}): the start button is on the first screen and opens the wizard; the footer links the accessibility statement`, () => inPagina({ viewport }, async ({ page }) => {
    await page.goto(`${origin}/index.html`);
    const avvio = page.getByRole('link', { name: 'Inizia il percorso guidato' });
    const box = await avvio.boundingBox();
    assert.ok(box && box.y + box.height <= viewport.height, `start button at ${box?.y}`);
    await axe(page, `home ${nome}`);
    await avvio.click();
    await page.waitForURL(/assistente\/index\.html$/);
    await page.goto(`${origin}/index.html`);
    await page.getByRole('link', { name: 'Dichiarazione di accessibilità' }).last().click();
    await page.waitForURL(/accessibilita\/index\.html$/);
    assert.match(await page.textContent('main'), /parzialmente conforme/);
    assert.match(await page.textContent('main'), /Segnala un problema/);
    await axe(page, `accessibility statement ${nome}`);
  }));
}

test('the search box names the "/" shortcut to keyboard users only', async () => {
  await inPagina({ viewport: TELEFONO, isMobile: true, hasTouch: true }, async ({ page }) => {
    await page.goto(`${origin}/civis/index.html`);
    assert.equal(await page.getAttribute('#cerca', 'placeholder'), 'Cerca nella guida');
  });
  await inPagina({ viewport: COMPUTER }, async ({ page }) => {
    await page.goto(`${origin}/civis/index.html`);
    assert.equal(await page.getAttribute('#cerca', 'placeholder'), 'Cerca nella guida (tasto /)');
  });
});

test('focus rings for keyboard users only: none on the heading the wizard focuses, one on a control reached by Tab', () => inPagina({ viewport: COMPUTER }, async ({ page }) => {
  // A step the app renders (the start page's first question is the pre-rendered one until the first choice).
  await page.goto(`${origin}/assistente/index.html#atto=cartella`);
  await page.waitForSelector('form.domanda');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'domanda');
  assert.equal(await page.$eval('#domanda', e => getComputedStyle(e).outlineStyle), 'none');
  await page.keyboard.press('Tab');
  const anello = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
  assert.equal(anello, 'solid', 'the next control shows where the keyboard is');
}));

test('"Copia il link a questa sezione" copies the section\'s address; without JavaScript it is a link to it', async () => {
  await inPagina({ viewport: COMPUTER, permissions: ['clipboard-read', 'clipboard-write'] }, async ({ page }) => {
    await page.goto(`${origin}/civis/index.html`);
    const ancora = page.locator('h2 a.ancora').first();
    const href = await ancora.getAttribute('href');
    assert.match(await ancora.getAttribute('aria-label'), /^Copia il link a questa sezione: /);
    await ancora.click();
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), `${origin}/civis/index.html${href}`);
    assert.equal(await page.locator('.copiato[role="status"]').textContent(), 'Link copiato');
    assert.ok(page.url().endsWith(href), 'the address bar shows it too');
    await axe(page, 'link copied');
  });
  await inPagina({ javaScriptEnabled: false }, async ({ page }) => {
    await page.goto(`${origin}/civis/index.html`);
    const ancora = page.locator('h2 a.ancora').first();
    assert.match(await ancora.getAttribute('aria-label'), /^Link a questa sezione: /);
  });
});
