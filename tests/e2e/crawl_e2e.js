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
const os = require('os');
const path = require('path');
const { spawn } = require('child_process');

const SKIP = 77;
const CHROMIUM = process.env.FA_CHROMIUM || '/usr/bin/chromium';
const TOOLS = process.env.FA_TOOLS_DIR || '/opt/fa-tools';
const binary = process.argv[2];
const sourceDir = path.resolve(process.argv[3] || path.join(__dirname, '..', '..'));

function skip(why) {
  if (process.env.FA_REQUIRE_CHECKS === '1') {
    console.log(`e2e_crawl: required, cannot run: ${why} (run: bash scripts/setup-web-checks.sh)`);
    process.exit(1);
  }
  console.log(`e2e_crawl: skipped: ${why} (run: bash scripts/setup-web-checks.sh)`);
  process.exit(SKIP);
}
if (!binary) {
  console.error('usage: node crawl_e2e.js BINARY [SOURCE_DIR]');
  process.exit(2);
}
let playwright;
try {
  playwright = require(path.join(TOOLS, 'node_modules', 'playwright-core'));
} catch (e) {
  try {
    playwright = require('playwright-core');
  } catch (e2) {
    skip(`playwright-core is not installed in ${TOOLS}/node_modules`);
  }
}
if (!fs.existsSync(CHROMIUM)) skip(`${CHROMIUM} is missing`);

const ADMIN_PASSWORD = 'admin-first-run-pw';
const DEMO_PASSWORD = 'demo-crawl-pw-2026';
const MAX_PAGES = Number(process.env.FA_CRAWL_PAGES || 60);  // per role and language
const PER_TYPE = Number(process.env.FA_CRAWL_PER_TYPE || 3);  // pages of one type (path with ids) per role and language
const failures = [];
function fail(what) {
  console.log(`  FAILED: ${what}`);
  failures.push(what);
}

function startServer(dir) {
  const args = ['serve', '--listen', '127.0.0.1:0', '--db', path.join(dir, 'fa.db'), '--demo', '--quiet',
    '--rubrics', path.join(sourceDir, 'rubrics'), '--ranking', path.join(sourceDir, 'examples', 'ranking'),
    '--examples', path.join(sourceDir, 'examples')];
  const env = { ...process.env, FA_ADMIN_PASSWORD: ADMIN_PASSWORD, FA_DEMO_PASSWORD: DEMO_PASSWORD };
  const proc = spawn(binary, args, { cwd: sourceDir, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const server = { proc, log: '', url: null };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start in 120 s:\n${server.log}`)), 120000);
    const onData = (chunk) => {
      server.log += chunk.toString();
      const m = /listening on (http:\/\/127\.0\.0\.1:\d+)\//.exec(server.log);
      if (m && !server.url) {
        server.url = m[1];
        clearTimeout(timer);
        resolve(server);
      }
    };
    proc.stdout.on('data', onData);
    proc.stderr.on('data', onData);
    proc.on('exit', (code, sig) => {
      if (!server.url) {
        clearTimeout(timer);
        reject(new Error(`server exited (${code ?? sig}) before listening:\n${server.log}`));
      }
    });
  });
}

async function api(base, jar, method, p, body) {
  const headers = { Cookie: Object.entries(jar.cookies).map(([k, v]) => `${k}=${v}`).join('; ') };
  if (method !== 'GET') headers['X-CSRF-Token'] = jar.csrf;
  if (body) headers['Content-Type'] = 'application/json';
  const res = await fetch(base + p, { method, headers, body: body ? JSON.stringify(body) : undefined, redirect: 'manual' });
  for (const c of res.headers.getSetCookie()) {
    const [pair] = c.split(';');
    const eq = pair.indexOf('=');
    jar.cookies[pair.slice(0, eq)] = pair.slice(eq + 1);
  }
  const text = await res.text();
  if (res.status >= 300) throw new Error(`${method} ${p}: ${res.status} ${text.slice(0, 300)}`);
  return JSON.parse(text);
}

/// Signs in through the API; returns the session cookie.
async function signIn(base, username, password, newPassword) {
  const jar = { cookies: {}, csrf: '' };
  jar.csrf = (await api(base, jar, 'GET', '/api/csrf')).csrf;
  jar.csrf = (await api(base, jar, 'POST', '/api/login', { username, password })).csrf;
  if (newPassword) await api(base, jar, 'POST', '/api/password', { current: password, new: newPassword });
  return jar;
}

/// The names people gave, which may be in either language on any page.
async function knownNames(base, jar) {
  const names = new Set();
  for (const f of (await api(base, jar, 'GET', '/api/factories')).factories) names.add(f.name);
  for (const u of (await api(base, jar, 'GET', '/api/users')).users) names.add(u.display_name);
  return [...names].filter((n) => n).sort((a, b) => b.length - a.length);
}

/// The page's visible text without ids people need (.mono, code, pre).
async function visibleText(page) {
  return page.evaluate(() => {
    const clone = document.body.cloneNode(true);
    clone.querySelectorAll('.mono, code, pre, .id, .cand-id, script, style, [hidden], .sr-only, a.lang')
      .forEach((e) => e.remove());
    document.body.appendChild(clone);
    clone.style.position = 'absolute';
    const text = clone.innerText;
    clone.remove();
    return text;
  });
}

const CJK = /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]/;
function textProblems(text, lang, names) {
  const out = [];
  if (lang === 'zh') {
    const id = /\b[a-z][a-z0-9]*_[a-z0-9_]+\b/.exec(text);
    if (id) out.push(`internal id '${id[0]}'`);
    if (/\bnode:/.test(text)) out.push("'node:'");
    const role = /(?<![\w-])(admin|consultant|manufacturer|commission)(?![\w-])/.exec(text);
    if (role) out.push(`role id '${role[0]}'`);
    const english = /[A-Za-z]{2,}(?:[ ,'’-]+[A-Za-z]{2,}){3,}/.exec(text);
    if (english) out.push(`English '${english[0]}'`);
  } else {
    let rest = text;
    for (const n of names) rest = rest.split(n).join(' ');
    const line = rest.split('\n').find((l) => CJK.test(l));
    if (line) out.push(`Chinese '${line.trim().slice(0, 80)}'`);
  }
  return out;
}

/// "/assessments/12/report?x" → "/assessments/{id}/report".
const pageType = (url) => new URL(url).pathname.replace(/\/\d+/g, '/{id}');

async function crawl(browser, base, jar, role, lang, names, shots) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const host = new URL(base).hostname;
  await context.addCookies(Object.entries(jar.cookies).map(([name, value]) => ({ name, value, domain: host, path: '/' })));
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
    const evidence = /\/report$/.test(new URL(url).pathname);  // reports quote the consultant's evidence
    if (!(evidence && lang === 'en')) for (const p of textProblems(await visibleText(page), lang, names)) fail(`${where}: ${p}`);
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
    const links = await page.$$eval('a[href]', (as) => as.map((a) => a.href));
    for (const l of links) {
      const u = new URL(l, url);
      if (u.origin !== base || /^\/(api|static)\//.test(u.pathname) || /pdf|logout/.test(u.pathname)) continue;
      if (/format=csv/.test(u.search)) continue;
      u.hash = '';
      queue.push(u.toString());
    }
  }
  console.log(`  ${role}/${lang}: ${visited} pages, ${typed.size} page types`);
  await context.close();
}

(async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fa-crawl-'));
  const shots = process.env.FA_SCREENSHOT_DIR || path.join(dir, 'screenshots');
  fs.mkdirSync(shots, { recursive: true });
  let server;
  let browser;
  try {
    server = await startServer(dir);
    const base = server.url;
    const admin = await signIn(base, 'admin', ADMIN_PASSWORD, 'admin-crawl-changed-pw');
    const names = await knownNames(base, admin);
    browser = await playwright.chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
    const roles = [['admin', admin]];
    for (const r of ['demo-consultant', 'demo-manufacturer', 'demo-commission'])
      roles.push([r.replace('demo-', ''), await signIn(base, r, DEMO_PASSWORD)]);
    const only = process.env.FA_CRAWL_ROLES ? process.env.FA_CRAWL_ROLES.split(',') : null;
    for (const [role, jar] of roles)
      for (const lang of ['zh', 'en']) if (!only || only.includes(role)) await crawl(browser, base, jar, role, lang, names, shots);
  } catch (e) {
    fail(e.stack || String(e));
  } finally {
    if (browser) await browser.close();
    if (server && server.proc.exitCode !== null) fail(`the server stopped (${server.proc.exitCode}):\n${server.log.slice(-20000)}`);
    if (server && server.proc.signalCode) fail(`the server died of ${server.proc.signalCode}:\n${server.log.slice(-20000)}`);
    if (server) server.proc.kill('SIGTERM');
  }
  console.log(`e2e_crawl: screenshots in ${shots}`);
  if (failures.length) {
    console.log(`e2e_crawl: ${failures.length} failures`);
    process.exit(1);
  }
  console.log('e2e_crawl: passed');
})();
