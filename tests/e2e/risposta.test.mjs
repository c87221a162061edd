// Browser tests of the answer around the dates (issue 33, contract Version 4), at a phone's and a desktop's width:
// the plumber who wants to stop the fermo reads the preavviso's term first with what stops it; wages garnished on a
// cartella never received lead to the judge of the debt, for each kind of debt; a person a few days late reads how
// late and only the case that applies today; a deadline with two readings leads with the earlier date, in the
// headline, in print and in the calendar. axe-core on every result. Each result is also saved as a picture in
// target/e2e-schermate/ (for reviewing the layout; nothing asserts on the pictures).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO, avvia, chiudi, axe, origin, inPagina, engine, expected, risposteDellaPagina } from './sito.mjs';

const DIMENSIONI = { telefono: { width: 390, height: 844 }, desktop: { width: 1366, height: 768 } };
const SCHERMATE = join(REPO, 'target/e2e-schermate');

before(async () => {
  mkdirSync(SCHERMATE, { recursive: true });
  await avvia();
});

after(chiudi);

const testo = (page, sel) => page.$eval(sel, e => e.textContent.replace(/\s+/g, ' ').trim());

/** Opens a result in the app, checks it shows the engine's channels and dates, runs axe and saves a picture. */
async function risultato(page, oggi, frammento, nome) {
  await page.goto(`${origin}/assistente/index.html?oggi=${oggi}#${frammento}`);
  await page.waitForSelector('[data-esito]');
  const canali = await page.$$eval('[data-canale]', els => els.map(e => e.dataset.canale));
  const scadenze = Object.fromEntries(await page.$$eval('[data-scadenza]', els => els.map(e => [e.dataset.scadenza, e.dataset.data])));
  assert.deepEqual({ canali, scadenze }, expected(engine(oggi, await risposteDellaPagina(page))), nome);
  await axe(page, nome);
  const larghezza = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(larghezza <= page.viewportSize().width, `${nome}: the page is ${larghezza} px wide`);
  await page.screenshot({ path: join(SCHERMATE, `${nome}.png`), fullPage: true });
}

for (const [dimensione, viewport] of Object.entries(DIMENSIONI)) {
  test(`${dimensione}: the plumber who wants to stop the fermo reads the 30 days first, with what stops it`, () =>
    inPagina({ viewport }, async ({ page }) => {
      const f = 'atto=preavviso_fermo&natura_debito=imposte&cartella_notificata=si&veicolo_strumentale=true'
        + '&obiettivo=evitare&notifica.modo=raccomandata&notifica.data=2026-11-20&debito_complessivo=';
      await risultato(page, '2026-12-07', f, `idraulico-${dimensione}`);
      assert.equal(await testo(page, '.risposta .frase'),
        'Paga, o dimostra che il veicolo ti serve per lavorare, entro lunedì 21 dicembre 2026.');
      assert.equal(await testo(page, '.risposta .giorni'), 'mancano 14 giorni');
      assert.equal(await page.getAttribute('.risposta .canale [data-canale]', 'data-canale'), 'ader');
      const passi = await page.$$eval('.procedura li', ls => ls.map(l => l.textContent));
      assert.match(passi[0], /dimostra ad Agenzia delle entrate-Riscossione che il veicolo serve/);
      assert.ok(passi.some(p => /non impedisce da solo il fermo/.test(p)), 'a challenge stops nothing by itself');
      // The appeal is there, with its own channel and date, after the term that prevents the fermo.
      assert.equal(await page.getAttribute('.scadenza[data-scadenza="ricorso"]', 'data-data'), '2027-01-19');
      if (dimensione === 'telefono') {
        const box = await page.locator('.risposta .canale').boundingBox();
        assert.ok(box.y + box.height <= viewport.height, 'the answer and its channel are in the first screen');
      }
    }));

  test(`${dimensione}: wages garnished on a cartella never received go to the judge of the debt`, () =>
    inPagina({ viewport }, async ({ page }) => {
      const casi = {
        imposte: ['ricorso', /^Presenta ricorso entro venerdì 29 gennaio 2027\.$/],
        tributi_locali: ['ricorso', /^Presenta ricorso entro venerdì 29 gennaio 2027\.$/],
        contributi: ['giudice_lavoro', /^Presenta ricorso al Tribunale, sezione lavoro, entro lunedì 11 gennaio 2027\.$/],
        multe: ['giudice_pace', /^Presenta opposizione al giudice di pace entro mercoledì 30 dicembre 2026\.$/],
        altro: ['giudice_esecuzione', /^Presenta opposizione al Tribunale entro lunedì 21 dicembre 2026\.$/],
        non_so: ['giudice_esecuzione', /^Presenta opposizione al Tribunale entro lunedì 21 dicembre 2026\.$/],
      };
      for (const [natura, [canale, frase]] of Object.entries(casi)) {
        const f = `atto=pignoramento_terzi&pignoramento_presso=stipendio&natura_debito=${natura}&cartella_notificata=no`
          + '&obiettivo=contestare&notifica.modo=pec&notifica.data=2026-11-30&debito_complessivo=&importo=';
        await risultato(page, '2026-12-07', f, `pignoramento-${natura}-${dimensione}`);
        assert.match(await testo(page, '.risposta .frase'), frase, natura);
        assert.equal(await page.getAttribute('.risposta .canale [data-canale]', 'data-canale'), canale, natura);
        const altri = await page.$$eval('.puoi-anche [data-canale]', as => as.map(a => a.dataset.canale));
        if (['contributi', 'multe', 'altro'].includes(natura)) {
          assert.ok(!altri.includes('ricorso') && !(await page.$('[data-scadenza="ricorso"]')), `${natura}: never the tax court`);
        }
        if (natura === 'non_so') {
          for (const c of ['ricorso', 'giudice_lavoro', 'giudice_pace']) assert.ok(altri.includes(c), `non_so lists ${c}`);
          assert.match(await testo(page, '.procedura'), /dettaglio degli addebiti/);
        }
      }
    }));

  test(`${dimensione}: a few days late on an avviso bonario, the days of delay and only the case that applies`, () =>
    inPagina({ viewport }, async ({ page }) => {
      const f = 'atto=avviso_bonario&obiettivo=pagare&prima_richiesta_civis=nessuna&data_elaborazione=2026-09-01'
        + '&notifica.modo=pec&notifica.data=2026-09-20';
      await risultato(page, '2026-11-24', f, `ritardo-5-giorni-${dimensione}`);
      assert.match(await testo(page, '.risposta .ritardo'), /^Sei in ritardo di 5 giorni sul termine «pagare o inviare chiarimenti \(sanzione ridotta\)» \(scadeva giovedì 19 novembre 2026\)\.$/);
      assert.match(await testo(page, '.risposta .frase'), /^Paga subito: il pagamento vale ancora se lo fai entro giovedì 26 novembre 2026\.$/);
      let procedura = await testo(page, '.procedura');
      assert.match(procedura, /^Paga subito/, '«paga subito» first');
      assert.doesNotMatch(procedura, /più di 7 giorni/, 'not the case after the days of grace');
      assert.match(await page.textContent('main'), /Sanzione ridotta/, 'the reduction still holds');

      await risultato(page, '2026-11-28', f, `ritardo-9-giorni-${dimensione}`);
      assert.match(await testo(page, '.risposta .ritardo'), /^Sei in ritardo di 9 giorni/);
      procedura = await testo(page, '.procedura');
      assert.match(procedura, /^Sono passati più di 7 giorni/);
      assert.doesNotMatch(procedura, /vale ancora/, 'not the case of the days of grace');
      assert.doesNotMatch(await page.textContent('main'), /Sanzione ridotta/, 'no reduced sanction to promise');
    }));

  test(`${dimensione}: a deadline with two readings leads with the earlier date, in print and in the calendar`, () =>
    inPagina({ viewport, acceptDownloads: true }, async ({ page }) => {
      const f = 'atto=cartella&origine=controllo_automatizzato&obiettivo=sospendere&motivo_sospensione=sgravio'
        + '&notifica.modo=pec&notifica.data=2026-12-02&anno_presentazione=';
      await risultato(page, '2026-12-07', f, `prudente-${dimensione}`);
      assert.equal(await testo(page, '.risposta .frase'), 'Presenta la dichiarazione di sospensione legale entro venerdì 29 gennaio 2027.');
      assert.equal(await testo(page, '.risposta .giorni'), 'mancano 53 giorni', 'counted to the earlier date');
      const prudenza = await page.$$eval('.risposta .prudenza', ps => ps.map(p => p.textContent));
      assert.ok(prudenza.some(p => p.includes('domenica 31 gennaio 2027')), `${prudenza}`);
      await page.emulateMedia({ media: 'print' });
      assert.ok(await page.isVisible('.risposta .prudenza'), 'the other reading is printed');
      assert.match(await testo(page, '.risposta .frase'), /venerdì 29 gennaio 2027/);
      await page.emulateMedia({ media: 'screen' });
      const [download] = await Promise.all([page.waitForEvent('download'),
        page.getByRole('button', { name: 'Aggiungi al calendario' }).click()]);
      const evento = readFileSync(await download.path(), 'utf8').replace(/\r\n /g, '')
        .split('BEGIN:VEVENT').find(e => e.includes('UID:sospensione_legale'));
      assert.match(evento, /DTSTART;VALUE=DATE:20270129/);
      assert.match(evento, /DESCRIPTION:Ultimo giorno secondo la lettura meno prudente: domenica 31 gennaio 2027\./);
    }));
}
