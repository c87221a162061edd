// The browser half of bench/ricerca: serves the built site (with both indexes) on 127.0.0.1 and measures each search
// in headless Chromium, each first query in a fresh context (cold cache). Prints one JSON line.
// usage: node bench/ricerca-browser.mjs PUBLIC RARE_WORD
import { createServer } from 'node:http';
import { brotliCompressSync } from 'node:zlib';
import { readFileSync, statSync, existsSync, writeFileSync } from 'node:fs';
import { join, extname, normalize } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';

const REPO = fileURLToPath(new URL('../', import.meta.url));
const require = createRequire(join(REPO, 'tools/npm/package.json'));
const { chromium } = require('playwright-core');
const [PUBLIC, RARA] = process.argv.slice(2);
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css', '.wasm': 'application/wasm', '.json': 'application/json' };
const PAROLE = { comune: 'pagamento', rara: RARA };
const CALDE = ['ricorso', 'scadenza', 'dichiarazione controllo', 'agenzia', 'sanzione ufficio', RARA];
const PAGINA = 's3/p5/index.html';

// Pagefind's own API on a plain page of the same site (no CSP, no UI).
writeFileSync(join(PUBLIC, 'bench-pagefind.html'), '<!DOCTYPE html><html lang="it"><head><meta charset="utf-8"><title>bench</title></head><body></body></html>');

const server = createServer((req, res) => {
  let file = join(PUBLIC, normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname)).replace(/^(\.\.[/\\])+/, ''));
  if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
  if (!existsSync(file)) { res.writeHead(404); res.end(); return; }
  // As a static host with compression serves them: the build's brotli copy when there is one, other text
  // compressed on the fly (Pagefind ships its index already gzipped, its scripts and module plain).
  const br = /\bbr\b/.test(req.headers['accept-encoding'] ?? '');
  const tipo = TYPES[extname(file)] ?? 'application/octet-stream';
  let corpo = readFileSync(file), codifica = {};
  if (br && existsSync(`${file}.br`)) { corpo = readFileSync(`${file}.br`); codifica = { 'Content-Encoding': 'br' }; }
  else if (br && (/^text\/|json|wasm/.test(tipo))) { corpo = brotliCompressSync(corpo); codifica = { 'Content-Encoding': 'br' }; }
  res.writeHead(200, { 'Content-Type': tipo, 'Vary': 'Accept-Encoding', ...codifica });
  res.end(corpo);
});
await new Promise(r => server.listen(0, '127.0.0.1', r));
const origin = `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update'] });

/** Collects the search's responses in a context (pages and workers alike: Pagefind searches in a worker), the
 * page's own ricerca.js, loaded with every page, left out; `totale()` waits for every body and adds up the bytes
 * transferred (compressed, as they cross the network) and the bytes once decompressed. */
function contatore(context, prefix) {
  const risposte = [];
  context.on('response', r => { if (r.url().includes(prefix) && !/\/ricerca(\.[0-9a-f]{16})?\.js$/.test(r.url())) risposte.push(r); });
  return async () => {
    await Promise.all(risposte.map(r => r.finished()));
    const corpi = await Promise.all(risposte.map(r => r.body().then(b => b.length)));
    const trasferiti = await Promise.all(risposte.map(r => r.request().sizes().then(s => s.responseBodySize)));
    const somma = v => v.reduce((a, b) => a + b, 0);
    return { byte: somma(trasferiti), decompressi: somma(corpi), richieste: corpi.length };
  };
}

async function civis(q, context) {
  const page = await context.newPage();
  await page.goto(`${origin}/${PAGINA}`);
  await page.waitForSelector('#cerca');
  const totale = contatore(context, '/ricerca/');
  await page.focus('#cerca');
  const ms = await page.evaluate(q => new Promise(ok => {
    document.querySelector('.ricerca').addEventListener('civis-ricerca', e => ok(e.detail), { once: true });
    const campo = document.getElementById('cerca');
    campo.value = q;
    campo.dispatchEvent(new Event('input'));
  }), q);
  return { page, ...ms, ...(await totale()) };
}

async function pagefind(q, context) {
  const page = await context.newPage();
  await page.goto(`${origin}/bench-pagefind.html`);
  const totale = contatore(context, '/pagefind/');
  const r = await page.evaluate(async q => {
    const t0 = performance.now();
    window.pf = window.pf || await import('/pagefind/pagefind.js');
    const s = await window.pf.search(q);
    await Promise.all(s.results.slice(0, 10).map(x => x.data()));
    return { ms: performance.now() - t0, risultati: s.results.length };
  }, q);
  return { page, ...r, ...(await totale()) };
}

const mediana = v => { const s = [...v].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const out = { parole: PAROLE, calde: CALDE, civis: {}, pagefind: {} };
for (const [nome, motore] of [['civis', civis], ['pagefind', pagefind]]) {
  for (const [tipo, q] of Object.entries(PAROLE)) {
    const context = await browser.newContext();
    const { page, ...r } = await motore(q, context);
    out[nome][tipo] = r;
    if (tipo === 'comune') {
      const tempi = [];
      for (let giro = 0; giro < 3; giro++) {
        for (const w of CALDE) {
          if (nome === 'civis') {
            tempi.push(await page.evaluate(w => new Promise(ok => {
              document.querySelector('.ricerca').addEventListener('civis-ricerca', e => ok(e.detail.ms), { once: true });
              const campo = document.getElementById('cerca');
              campo.value = w + (campo.value.endsWith(' ') ? '' : ' ');
              campo.dispatchEvent(new Event('input'));
            }), w));
          } else {
            tempi.push(await page.evaluate(async w => {
              const t0 = performance.now();
              const s = await window.pf.search(w);
              await Promise.all(s.results.slice(0, 10).map(x => x.data()));
              return performance.now() - t0;
            }, w));
          }
        }
      }
      out[nome].caldo = mediana(tempi.slice(CALDE.length));
    }
    await context.close();
  }
}

// From file://: our search on a page opened from disk; Pagefind's API on the harness page opened from disk.
{
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(pathToFileURL(join(PUBLIC, PAGINA)).href);
  await page.focus('#cerca');
  await page.locator('#cerca').pressSequentially('pagamento');
  out.civis.file = await page.waitForSelector('#cerca-risultati a', { timeout: 10000 }).then(() => true, () => false);
  await page.goto(pathToFileURL(join(PUBLIC, 'bench-pagefind.html')).href);
  out.pagefind.file = await page.evaluate(async () => {
    try {
      const pf = await import('./pagefind/pagefind.js');
      const s = await pf.search('pagamento');
      return (await Promise.all(s.results.slice(0, 1).map(x => x.data()))).length > 0;
    } catch { return false; }
  });
  await context.close();
}
await browser.close();
server.close();
console.log(JSON.stringify(out));
