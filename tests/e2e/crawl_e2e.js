#!/usr/bin/env node
// Crawls the web app as each role in Chinese and in English (issue #12,
// item 6), on the demo data (`serve --demo`, examples/web/README.md): every
// kind of page reachable by links from the dashboard, the diagnosis and
// ranking reports included, up to FA_CRAWL_PER_TYPE (3) pages of each kind. Fails on
//   * a Chinese page whose visible text holds an internal id (snake_case
//     words, "node:", a role id) or an English phrase of four words or more;
//   * an English page whose visible text holds Chinese outside the names
//     people gave (factories, users, evidence — the store's data);
//   * a page wider than the window at 390 px (horizontal overflow);
//   * a page that answers an error status.
// Text in .mono, code, .id and .cand-id elements (credit codes, usernames,
// hashes, the reference codes of requirements and ranking criteria: ids a
// person needs, set apart as such) is not checked, nor the language switch. One screenshot per page type at 1280 px
// and at 390 px goes to FA_SCREENSHOT_DIR (default: a temporary folder; its
// path is printed).
//
// usage: node tests/e2e/crawl_e2e.js BINARY [SOURCE_DIR]
// Exits 77 (CTest's SKIP_RETURN_CODE) when playwright-core or chromium is
// missing; `bash scripts/setup-web-checks.sh` installs both.
'use strict';

const fs = require('fs');
const path = require('path');
const e2e = require('./e2e_support');

const { fail, visibleText, textProblems, smallOrFaintText, Api } = e2e;
e2e.setup('e2e_crawl', 'crawl_e2e.js');

const DEMO_PASSWORD = 'demo-crawl-pw-2026';
const MAX_PAGES = Number(process.env.FA_CRAWL_PAGES || 60);  // per role and language
const PER_TYPE = Number(process.env.FA_CRAWL_PER_TYPE || 3);  // pages of one type (path with ids) per role and language

/// Signs in through the API; returns the client, its session cookie inside.
async function signIn(base, username, password, newPassword) {
  const api = new Api(base);
  await api.login(username, password);
  if (newPassword) await api.expect(200, 'POST', '/api/password', { current: password, new: newPassword });
  return api;
}

/// The names people gave, which may be in either language on any page.
async function knownNames(base, api) {
  const names = new Set();
  for (const f of (await api.expect(200, 'GET', '/api/factories')).factories) names.add(f.name);
  for (const u of (await api.expect(200, 'GET', '/api/users')).users) names.add(u.display_name);
  return [...names].filter((n) => n).sort((a, b) => b.length - a.length);
}

/// "/assessments/12/report?x" → "/assessments/{id}/report"; a provider's
/// page ("/providers/p01_mes") → "/providers/{id}", so the 50 providers of
/// the example catalogue are one page type, not fifty.
const pageType = (url) =>
  new URL(url).pathname.replace(/\/\d+/g, '/{id}').replace(/^\/providers\/[^/]+/, '/providers/{id}');

async function crawl(browser, base, api, role, lang, names, shots) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.addCookies(api.browserCookies());
  const page = await context.newPage();
  const queue = [`${base}/?lang=${lang}`];
  const seen = new Set();
  const typed = new Set();
  const perType = new Map();
  let visited = 0;
  while (queue.length && visited < MAX_PAGES) {
    const url = queue.shift();
    const key = url.replace(/[?&]lang=\w+/, '');
    if (seen.has(key)) continue;
    seen.add(key);
    const kind = pageType(url);
    perType.set(kind, (perType.get(kind) || 0) + 1);
    if (perType.get(kind) > PER_TYPE) continue;
    const res = await page.goto(url);
    ++visited;
    const where = `${role}/${lang} ${new URL(url).pathname}`;
    if (!res || res.status() >= 400) {
      fail(`${where}: status ${res ? res.status() : 'none'}`);
      continue;
    }
    // Reports and the printable questionnaire quote the consultant's evidence and notes.
    const evidence = /\/(report|questionnaire\.html)$/.test(new URL(url).pathname);
    if (!(evidence && lang === 'en')) for (const p of textProblems(await visibleText(page), lang, names)) fail(`${where}: ${p}`);
    // Reports are read and printed: no text under 12 px or under 4.5:1 contrast.
    if (/\/report$|\/portfolio$|\/demand$|\/questionnaire\.html$/.test(new URL(url).pathname))
      for (const p of await smallOrFaintText(page)) fail(`${where}: text hard to read: ${p}`);
    const type = pageType(url);
    if (!typed.has(type)) {
      typed.add(type);
      const file = `${role}-${lang}-${type.replace(/[^a-z0-9]+/gi, '_').replace(/^_|_$/g, '') || 'home'}`;
      await page.screenshot({ path: path.join(shots, `${file}-1280.png`), fullPage: true });
      await page.setViewportSize({ width: 390, height: 844 });
      await page.reload();
      const over = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      if (over > 1) fail(`${where}: ${over} px wider than the window at 390 px`);
      await page.screenshot({ path: path.join(shots, `${file}-390.png`), fullPage: true });
      await page.setViewportSize({ width: 1280, height: 900 });
    }
    // Not the language switch: it would carry the crawl into the other language.
    const links = await page.$$eval('a[href]:not(.lang)', (as) => as.map((a) => a.href));
    for (const l of links) {
      const u = new URL(l, url);
      // Downloads (PDF, XLSX workbooks) are not pages.
      if (u.origin !== base || /^\/(api|static)\//.test(u.pathname) || /pdf|logout|\.(xlsx|yaml)$/.test(u.pathname)) continue;
      if (/format=csv/.test(u.search)) continue;
      u.hash = '';
      queue.push(u.toString());
    }
  }
  console.log(`  ${role}/${lang}: ${visited} pages, ${typed.size} page types`);
  await context.close();
}

e2e.main('e2e_crawl', 570000, async (session) => {
  const dir = session.tempDir('fa-crawl-');
  const shots = process.env.FA_SCREENSHOT_DIR || path.join(dir, 'screenshots');
  if (!process.env.FA_SCREENSHOT_DIR) session.keepDir(dir);  // the screenshots are in it
  fs.mkdirSync(shots, { recursive: true });
  console.log(`e2e_crawl: screenshots in ${shots}`);
  const server = await session.startServer(dir, {
    args: ['--demo', '--quiet', '--examples', path.join(e2e.env.sourceDir, 'examples')],
    env: { FA_DEMO_PASSWORD: DEMO_PASSWORD },
    timeoutMs: 120000,
  });
  const base = server.url;
  const admin = await signIn(base, 'admin', e2e.ADMIN_PASSWORD, 'admin-crawl-changed-pw');
  const names = await knownNames(base, admin);
  const browser = await session.launchBrowser();
  const roles = [['admin', admin]];
  for (const r of ['demo-consultant', 'demo-manufacturer', 'demo-commission'])
    roles.push([r.replace('demo-', ''), await signIn(base, r, DEMO_PASSWORD)]);
  const only = process.env.FA_CRAWL_ROLES ? process.env.FA_CRAWL_ROLES.split(',') : null;
  for (const [role, api] of roles)
    for (const lang of ['zh', 'en']) if (!only || only.includes(role)) await crawl(browser, base, api, role, lang, names, shots);
  if (!e2e.running(server)) {
    fail(`the server stopped (${server.proc.exitCode ?? server.proc.signalCode}):\n${server.log.slice(-20000)}`);
  }
});
