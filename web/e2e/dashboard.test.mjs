#!/usr/bin/env node
// Browser test of the vigie dashboard against a real `vigie serve`.
//
//   node web/e2e/dashboard.test.mjs --vigie build/vigie [--out DIR] [--web web/dist] [--keep]
//
// Ingests the bundled corpus and an XSS fixture into a temporary database, starts
// `vigie serve --port 0` on it, drives Debian's chromium (/usr/bin/chromium) through every
// view with playwright-core, and saves a screenshot per check in --out (default out/e2e).
// Exit 0 when every check passes, 1 when one fails, 2 on a setup error, 77 when chromium is
// missing. The server is always stopped. Plain node: no test framework to download.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const CHROMIUM = '/usr/bin/chromium';
const here = path.dirname(fileURLToPath(import.meta.url));
const webDir = path.resolve(here, '..');
const repo = path.resolve(webDir, '..');

function usage(msg) {
  if (msg) console.error(`dashboard.test: ${msg}`);
  console.error('usage: node web/e2e/dashboard.test.mjs --vigie PATH_TO_vigie [--out DIR] [--web DIST_DIR] [--keep]');
  process.exit(2);
}

function parseArgs(argv) {
  const args = { vigie: null, out: path.join(repo, 'out', 'e2e'), web: path.join(webDir, 'dist'), keep: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      if (i + 1 >= argv.length) usage(`${a} needs a value`);
      return argv[++i];
    };
    if (a === '--vigie') args.vigie = path.resolve(value());
    else if (a === '--out') args.out = path.resolve(value());
    else if (a === '--web') args.web = path.resolve(value());
    else if (a === '--keep') args.keep = true;
    else if (a === '-h' || a === '--help') usage();
    else usage(`unknown argument ${a}`);
  }
  if (!args.vigie) usage('--vigie is required');
  return args;
}

const args = parseArgs(process.argv.slice(2));
if (!fs.existsSync(CHROMIUM)) {
  console.log('SKIP: chromium not installed');
  process.exit(77);
}
function setupError(msg) {
  console.error(`dashboard.test: ${msg}`);
  process.exit(2);
}
if (!fs.existsSync(args.vigie)) setupError(`no vigie binary at ${args.vigie}`);
if (!fs.existsSync(path.join(args.web, 'index.html'))) setupError(`no ${args.web}/index.html: run scripts/build-web first`);

let chromium;
try {
  ({ chromium } = await import('playwright-core'));
} catch {
  setupError('playwright-core is missing: run `npm ci` in web/ (scripts/build-web does)');
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'vigie-e2e-'));
const db = path.join(tmp, 'e2e.db');
fs.mkdirSync(args.out, { recursive: true });
const servers = []; // every `vigie serve` started, all stopped by cleanup()
let browser = null;

async function cleanup() {
  if (browser) await browser.close().catch(() => {});
  browser = null;
  await Promise.all(servers.map(stopServer));
  servers.length = 0;
  if (!args.keep) fs.rmSync(tmp, { recursive: true, force: true });
}
for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, () => {
    void cleanup().finally(() => process.exit(130));
  });
}

/** Ingests the corpus and the XSS fixture (one run, as a user would). */
function ingest() {
  // fixtures/turn.jsonl: eight made-up dispatches in which Kenya and Uganda go from a trade
  // pact to border clashes in 2023, so that one relation has a shift to show.
  const inputs = ['data/corpus/seeds.jsonl', 'data/corpus/wikinews', 'web/e2e/fixtures/xss.jsonl', 'web/e2e/fixtures/turn.jsonl'].map((p) => path.join(repo, p));
  const r = spawnSync(args.vigie, ['ingest', '--db', db, '--quiet', ...inputs], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  if (r.status !== 0) throw new Error(`vigie ingest failed (status ${r.status}): ${r.stderr || r.error}`);
}

/** Starts `vigie serve --port 0` and returns its base URL, read from its stderr. */
function startServer(extra = []) {
  return new Promise((resolve, reject) => {
    const proc = spawn(args.vigie, ['serve', '--db', db, '--port', '0', '--web', args.web, ...extra], { stdio: ['ignore', 'pipe', 'pipe'] });
    servers.push(proc);
    let stderr = '';
    const timer = setTimeout(() => reject(new Error(`vigie serve printed no "listening on" line in 15 s; stderr:\n${stderr}`)), 15000);
    proc.stdout.resume();
    proc.stderr.setEncoding('utf8');
    proc.stderr.on('data', (chunk) => {
      stderr += chunk;
      const m = /vigie serve: listening on (http:\/\/\S+)/.exec(stderr);
      if (m) {
        clearTimeout(timer);
        resolve(m[1].replace(/\/$/, ''));
      }
    });
    proc.on('error', (err) => {
      clearTimeout(timer);
      reject(new Error(`cannot start vigie serve: ${err.message}`));
    });
    proc.on('exit', (code, sig) => {
      clearTimeout(timer);
      reject(new Error(`vigie serve exited (${code ?? sig}) before listening; stderr:\n${stderr}`));
    });
  });
}

/** Stops a server: SIGTERM, then SIGKILL if it is still there after 3 s. */
async function stopServer(proc) {
  if (proc.exitCode !== null || proc.signalCode !== null) return;
  const exited = new Promise((r) => proc.once('exit', () => r(true)));
  proc.kill('SIGTERM');
  if (!(await Promise.race([exited, new Promise((r) => setTimeout(() => r(false), 3000))]))) proc.kill('SIGKILL');
}

function assert(cond, msg) {
  if (!cond) throw new Error(msg);
}

async function main() {
  ingest();
  const base = await startServer();
  console.log(`# server at ${base}, database ${db}`);

  const api = async (p) => {
    const res = await fetch(`${base}/api/${p}`);
    if (!res.ok) throw new Error(`GET /api/${p}: ${res.status} ${await res.text()}`);
    return res.json();
  };

  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.setDefaultTimeout(15000);
  const problems = []; // uncaught errors, CSP violations, dialogs: each fails the run
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  page.on('dialog', (d) => {
    problems.push(`unexpected dialog: ${d.message()}`);
    void d.dismiss();
  });
  page.on('console', (msg) => {
    if (msg.type() === 'error' && /Content Security Policy|Refused to/i.test(msg.text())) problems.push(`CSP: ${msg.text()}`);
  });

  // #app gets data-ready="1" when a view has rendered. Dropping it before an action that
  // navigates makes the next wait see the new view, not the one still on screen.
  const unready = () => page.evaluate(() => document.getElementById('app')?.removeAttribute('data-ready')).catch(() => {});
  const ready = () => page.waitForSelector('#app[data-ready="1"]');
  const go = async (hash) => {
    await unready();
    await page.goto(`${base}/${hash}`);
    await ready();
  };
  const noErrorBox = async () => {
    const err = await page.locator('[data-testid="error"]').allTextContents();
    assert(err.length === 0, `the view shows an error: ${err.join(' | ')}`);
  };

  let passed = 0;
  let failed = 0;
  let n = 0;
  const check = async (name, fn) => {
    n++;
    const shot = path.join(args.out, `${String(n).padStart(2, '0')}-${name.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}.png`);
    try {
      await fn();
      passed++;
      console.log(`ok ${n} - ${name}`);
    } catch (err) {
      failed++;
      console.log(`not ok ${n} - ${name}\n  ${String(err.message ?? err).split('\n').join('\n  ')}`);
    }
    await page.screenshot({ path: shot, fullPage: true }).catch(() => {});
  };

  await check('home shows stats and the busiest relations', async () => {
    await go('#/');
    await noErrorBox();
    const stats = await api('stats');
    assert(stats.events > 0, 'the database has no event');
    const shown = await page.locator('[data-testid="stats"] [data-stat="events"] strong').textContent();
    assert(Number(shown) === stats.events, `home shows ${shown} events, /api/stats says ${stats.events}`);
    assert(await page.locator('[data-testid="top-dyads"] tbody tr').count() > 0, 'no top dyad listed');
    assert(await page.locator('[data-testid="top-actors"] tbody tr').count() > 0, 'no top actor listed');
  });

  await check('relation DZA-RUS by year: chart, shifts, events with evidence', async () => {
    await go('#/relation?a=DZA&b=RUS&by=year');
    await noErrorBox();
    const chart = page.locator('[data-testid="relation-chart"]');
    await chart.locator('canvas').first().waitFor();
    const periods = (await chart.getAttribute('data-periods')).split(',');
    assert(periods.includes('2022') && periods.includes('2024'), `chart periods are ${periods}, want 2022 and 2024`);
    // The shifts listed are the API's (the Algeria-Russia turn of 2024 rests on too few
    // deduplicated events in this small corpus to pass the test by year; the next check
    // shows one on the Kenya-Uganda fixture).
    const shifts = await page.locator('[data-testid="shift"]').evaluateAll((els) => els.map((e) => e.dataset.period));
    const apiShifts = (await api('shifts?a=DZA&b=RUS&by=year')).map((x) => x.period);
    assert(shifts.join() === apiShifts.join(), `shifts listed ${shifts}, API has ${apiShifts}`);

    // Click the 2024 column of the chart itself (grid margins as set in views/relation.ts).
    const categories = (await chart.getAttribute('data-categories')).split(',');
    const idx = categories.indexOf('2024');
    const box = await chart.boundingBox();
    const left = 48;
    const right = 56;
    await page.mouse.click(box.x + left + ((box.width - left - right) * (idx + 0.5)) / categories.length, box.y + box.height * 0.6);
    const list = page.locator('[data-testid="period-events"][data-period="2024"] [data-testid="event"]');
    await list.first().waitFor();

    // The highlighted words are the evidence span, counted in code points.
    const want = await api('events?a=DZA&b=RUS&from=2024-01-01&to=2024-12-31&limit=50');
    assert(want.events.length === (await list.count()), `listed ${await list.count()} events, API has ${want.events.length}`);
    const ev = want.events[0];
    const card = page.locator(`[data-testid="event"][data-event-id="${ev.id}"]`);
    const marked = await card.locator('.sentence mark.evidence').first().textContent();
    const expected = Array.from(ev.text).slice(ev.evidence[0], ev.evidence[1]).join('');
    assert(marked === expected, `evidence highlighted "${marked}", want "${expected}"`);
    const badge = await card.locator('[data-testid="modality-badge"]').first().textContent();
    assert(['asserted', 'negated', 'reported', 'speculative'].includes(badge), `modality badge "${badge}"`);
    assert(await card.locator('a[data-testid="document-link"]').count() === 1, 'no link to the source document');

    await page.locator('[data-testid="period-button"][data-period="2022"]').click();
    await page.locator('[data-testid="period-events"][data-period="2022"] [data-testid="event"]').first().waitFor();
    assert(page.url().includes('period=2022'), `the URL does not keep the chosen period: ${page.url()}`);
  });

  await check('a relation that turned shows its shift', async () => {
    const turns = await api('shifts?a=KEN&b=UGA&by=month');
    assert(turns.length > 0, 'the Kenya-Uganda fixture has no shift by month');
    const t = turns[0];
    await go(`#/relation?a=${t.a}&b=${t.b}&by=month`);
    await noErrorBox();
    await page.locator('[data-testid="relation-chart"] canvas').first().waitFor();
    await page.locator('[data-testid="shift"]').first().waitFor();
    const listed = await page.locator('[data-testid="shift"]').evaluateAll((els) => els.map((e) => e.dataset.period));
    assert(listed.includes(t.period), `${t.a}-${t.b}: shift ${t.period} not listed (${listed})`);
  });

  await check('event explorer filters change the list', async () => {
    await go('#/events');
    await noErrorBox();
    const all = await page.locator('[data-testid="event-list"]').getAttribute('data-count');
    await page.fill('[data-testid="filter-a"]', 'MLI');
    await page.fill('[data-testid="filter-b"]', 'ukr');
    await unready();
    await page.click('[data-testid="filter-submit"]');
    await page.waitForURL(/a=MLI&b=UKR/);
    await ready();
    await noErrorBox();
    const events = page.locator('[data-testid="event"]');
    const count = await events.count();
    assert(count > 0 && String(count) !== all, `a=MLI&b=UKR lists ${count} events (unfiltered: ${all})`);
    for (const text of await events.locator('header').allTextContents()) {
      assert(text.includes('MLI') && text.includes('UKR'), `event outside the dyad: ${text}`);
    }
    await events.first().locator('[data-testid="event-expand"]').click();
    await events.first().locator('[data-testid="mention"]').first().waitFor();

    await go('#/events?quad=4');
    await noErrorBox();
    const quads = await page.locator('[data-testid="event"]').evaluateAll((els) => els.map((e) => e.className));
    assert(quads.length > 0, 'quad=4 lists no event');
    assert(quads.every((c) => c.includes('quad-4')), `quad=4 lists other classes: ${quads.filter((c) => !c.includes('quad-4'))}`);
    assert((await page.locator('[data-testid="filter-quad"]').inputValue()) === '4', 'the quad filter does not show the active value');
  });

  await check('search Zaouatine, open the document, comments apart', async () => {
    await go('#/search');
    await page.fill('[data-testid="search-input"]', 'Zaouatine');
    await unready();
    await page.press('[data-testid="search-input"]', 'Enter');
    await ready();
    const hit = page.locator('[data-testid="search-result"]').first();
    await hit.waitFor();
    const mark = await hit.locator('[data-testid="snippet"] mark').first().textContent();
    assert(/zaouatine/i.test(mark), `snippet marks "${mark}"`);
    await unready();
    await hit.locator('[data-testid="search-result-link"]').click();
    await page.waitForURL(/#\/document\//);
    await ready();
    await noErrorBox();
    const body = await page.locator('[data-testid="document-body"]').textContent();
    assert(body.includes('Zaouatine'), 'the document body does not contain the searched word');
    const comments = page.locator('[data-testid="document-comments"] [data-testid="comment"]');
    assert(await comments.count() > 0, 'seed article 003 has reader comments, none shown');
    const inBody = await page.locator('[data-testid="document-body"] [data-testid="comment"]').count();
    assert(inBody === 0, 'comments are rendered inside the article body');
    const commentText = (await comments.first().textContent()).trim().slice(0, 40);
    assert(!body.includes(commentText), `a comment's text also appears in the article body: "${commentText}"`);
    assert(await page.locator('[data-testid="document-body"] [data-testid="evidence-sentence"]').count() > 0, 'no evidence sentence highlighted in the body');
  });

  await check('XSS document renders markup as text', async () => {
    await go('#/document/e2e-xss-001');
    await noErrorBox();
    const title = await page.locator('[data-testid="document-title"]').textContent();
    assert(title.includes('<script>window.__xss=1</script>') && title.includes('<b>bold</b>'), `title not shown as text: ${title}`);
    const body = await page.locator('[data-testid="document-body"]').textContent();
    assert(body.includes('<script>') && body.includes('<img src=x'), 'body markup not shown as text');
    const injected = await page.locator('main script, main b, main img').count();
    assert(injected === 0, `${injected} element(s) injected from document text`);
    const xss = await page.evaluate(() => window.__xss);
    assert(xss === undefined, `window.__xss = ${xss}`);
    await page.screenshot({ path: path.join(args.out, 'xss-document.png'), fullPage: true });

    await go('#/search?q=bold');
    await page.locator('[data-testid="search-result"][data-doc-id="e2e-xss-001"]').waitFor();
    assert(await page.locator('main b, main script').count() === 0, 'search snippet injected markup');
    // The article's own "[1]" is text; only the searched word is marked.
    const hit = page.locator('[data-testid="search-result"][data-doc-id="e2e-xss-001"]');
    assert((await hit.textContent()).includes('[1]'), 'a bracket of the article is lost');
    const marks = await hit.locator('mark').allTextContents();
    assert(marks.length > 0 && marks.every((m) => m.toLowerCase() === 'bold'), `marks: ${marks}`);
    assert((await page.evaluate(() => window.__xss)) === undefined, 'window.__xss set from a snippet');
  });

  await check('map renders event locations', async () => {
    await go('#/map');
    await noErrorBox();
    await page.locator('[data-testid="map-chart"] canvas').first().waitFor();
    const places = Number(await page.locator('[data-testid="map-chart"]').getAttribute('data-places'));
    assert(places > 0, 'no place on the map');
    assert(await page.locator('[data-testid="place-row"]').count() > 0, 'no place listed');
  });

  await check('actor page links to its relations', async () => {
    await go('#/actor/DZA');
    await noErrorBox();
    const rel = await page.locator('[data-testid="actor-relations"] a[data-testid="relation-link"]').allTextContents();
    assert(rel.includes('RUS'), `DZA relations: ${rel}`);
  });

  await check('alerts view loads', async () => {
    await go('#/alerts');
    await noErrorBox();
    await page.locator('[data-testid="watches"]').waitFor();
    await page.locator('[data-testid="alerts"]').waitFor();
    const href = await page.locator('[data-testid="atom-link"]').getAttribute('href');
    const res = await fetch(new URL(href, `${base}/`));
    assert(res.ok, `Atom feed ${href}: ${res.status}`);
  });

  await check('?token= is passed on to every API call', async () => {
    const token = 'e2e-secret';
    const secured = await startServer(['--token', token]);
    const denied = await fetch(`${secured}/api/stats`);
    assert(denied.status === 401, `/api/stats without the token answers ${denied.status}, want 401`);
    await page.goto(`${secured}/?token=${token}#/relation?a=DZA&b=RUS&by=year`);
    await ready();
    await noErrorBox();
    await page.locator('[data-testid="relation-chart"] canvas').first().waitFor();
    await page.locator('[data-testid="period-button"][data-period="2024"]').click();
    await page.locator('[data-testid="period-events"] [data-testid="event"]').first().waitFor();
    await page.goto(`${secured}/#/`);
    await ready();
    const err = await page.locator('[data-testid="error"]').textContent();
    assert(err.includes('401'), `without the token the home page shows "${err}"`);
  });

  await check('no uncaught error, CSP violation or dialog', async () => {
    assert(problems.length === 0, problems.join('\n'));
  });

  console.log(`# screenshots in ${args.out}`);
  console.log(`${passed} passed, ${failed} failed`);
  return failed === 0 ? 0 : 1;
}

let status = 1;
try {
  status = await main();
} catch (err) {
  console.error(`dashboard.test: ${err.message ?? err}`);
  status = 2;
} finally {
  await cleanup();
}
process.exit(status);
