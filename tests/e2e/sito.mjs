// What the browser tests share: the built site served on a local port, Debian's headless Chromium driven by
// playwright-core (from tools/npm), a page that records requests to other origins, script errors and CSP
// violations, and axe-core. Environment: E2E_SITE (built site), CIVIS_GUIDA (the binary).
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import { join, extname, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { execFileSync } from 'node:child_process';

export const REPO = fileURLToPath(new URL('../../', import.meta.url));
export const require = createRequire(join(REPO, 'tools/npm/package.json'));
const { chromium } = require('playwright-core');
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
export const SITE = process.env.E2E_SITE ?? join(REPO, 'target/test-site');

/** The file of `cartella` (relative to the site) named `nome` before its content's fingerprint (`avvio.js` for
 * `avvio.0123456789abcdef.js`), or null. */
export function conImpronta(cartella, nome) {
  const [radice, ...estensioni] = nome.split('.');
  const forma = new RegExp(`^${radice}\\.[0-9a-f]{16}\\.${estensioni.join('\\.')}$`);
  const dir = join(SITE, cartella);
  const trovato = existsSync(dir) ? readdirSync(dir).find(f => forma.test(f)) : undefined;
  return trovato ? join(dir, trovato) : null;
}
export const CIVIS = process.env.CIVIS_GUIDA ?? join(REPO, 'target/debug/civis-guida');
const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync'];
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.wasm': 'application/wasm' };

let server;
/** The local server's origin and the browser, set by `avvia`. */
export let origin, browser;

/** Serves the built site on a free port (brotli copies included) and starts Chromium. */
export async function avvia() {
  server = createServer((req, res) => {
    let path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    let file = join(SITE, path);
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) { res.writeHead(404); res.end('404'); return; }
    // The build's brotli copy when the browser accepts it, as a static host serves it: every test then runs on
    // the compressed files too.
    const br = /\bbr\b/.test(req.headers['accept-encoding'] ?? '') && existsSync(`${file}.br`);
    res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', 'Vary': 'Accept-Encoding',
      ...(br ? { 'Content-Encoding': 'br' } : {}) });
    res.end(readFileSync(br ? `${file}.br` : file));
  });
  await new Promise(r => server.listen(0, '127.0.0.1', r));
  origin = `http://127.0.0.1:${server.address().port}`;
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: FLAGS });
}

/** Stops the browser and the server. */
export async function chiudi() {
  await browser?.close();
  server?.close();
}

/** A page that records requests to other origins and script errors. */
export async function open(options = {}) {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  const problems = [];
  page.on('request', r => {
    const u = new URL(r.url());
    if (!['data:', 'blob:', 'file:'].includes(u.protocol) && u.origin !== origin) problems.push(`request to another origin: ${r.url()}`);
  });
  page.on('pageerror', e => problems.push(`page error: ${e}`));
  // Any Content-Security-Policy violation is a problem, on http and on file://.
  await context.addInitScript(() => document.addEventListener('securitypolicyviolation',
    e => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`)));
  page.on('console', m => { if (/CSP violation|Content Security Policy/.test(m.text())) problems.push(m.text()); });
  return { context, page, problems };
}

/** axe-core on the current state of the page: no WCAG 2.1 A/AA violation. */
export async function axe(page, where) {
  // Injected through DevTools, not as an inline script: the pages' CSP (rightly) refuses inline scripts.
  if (!(await page.evaluate(() => typeof window.axe !== 'undefined'))) await page.evaluate(AXE);
  const violations = await page.evaluate(async () => (await window.axe.run(document, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
  })).violations.map(v => `${v.id}: ${v.nodes.map(n => n.target.join(' ')).join(', ')}`));
  assert.deepEqual(violations, [], `axe violations at ${where}`);
}

/** axe-core on a page as a visitor without JavaScript sees it. axe itself needs timers, which a context with
 * JavaScript disabled does not run, so the page's own scripts are blocked instead. */
export async function axeSenzaScript(url, where) {
  const { context, page } = await open();
  try {
    await page.route(/\.(js|wasm)$/, r => r.abort());
    await page.goto(url);
    await axe(page, where);
  } finally {
    await context.close();
  }
}

/** Runs `fn({ page, context, problems })` in a fresh browser context, then fails on any problem recorded (another
 * origin, a script error, a CSP violation) and closes the context. */
export async function inPagina(options, fn) {
  const { context, page, problems } = await open(options);
  try {
    await fn({ page, context, problems });
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
}

/** The engine's answer for the same case. */
export function engine(oggi, risposte) {
  return JSON.parse(execFileSync(CIVIS, ['advise', '--today', oggi, '-'], { input: JSON.stringify(risposte) }));
}

/** What the result must show for the engine's advice: first the channel of the deadline the answer leads with (in
 * the days of grace, the grace deadline's; once passed, the outcome's first channel), then the outcome's others;
 * each deadline on its day to act by (the prudent one when readings differ). In the days of grace the missed
 * deadline is said in words, not shown with a date. */
export function expected(advice) {
  const trova = id => advice.scadenze.find(s => s.id === id);
  const guida = trova(advice.tolleranza) ?? trova(advice.scadenza_principale);
  const primo = guida && !guida.scaduta ? guida.canale : advice.canali[0]?.id;
  const ids = advice.canali.map(c => c.id);
  const canali = primo ? [primo, ...ids.filter(c => c !== primo)] : ids;
  const scadenze = advice.scadenze.filter(s => !(advice.tolleranza && s.id === advice.scadenza_principale));
  return { canali, scadenze: Object.fromEntries(scadenze.map(s => [s.id, s.entro_prudente ?? s.data])) };
}


/** The answers in the page's fragment, as `advise` reads them: `notifica.*` in an object, amounts and years as
 * numbers, skipped questions left out. */
export async function risposteDellaPagina(page) {
  const frammento = await page.evaluate(() => location.hash.slice(1));
  const risposte = {};
  for (const [k, v] of new URLSearchParams(frammento)) {
    if (v === '') continue;
    const valore = ['importo', 'debito_complessivo', 'anno_presentazione'].includes(k) ? Number(v) : v;
    if (k.startsWith('notifica.')) (risposte.notifica ??= {})[k.slice(9)] = valore;
    else risposte[k] = valore;
  }
  return risposte;
}
