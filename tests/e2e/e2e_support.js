// What the browser end-to-end scripts share (questionnaire_e2e.js,
// crawl_e2e.js, journeys_e2e.js): the skip when the browser tools are
// missing, loading playwright-core, a server of its own on a temporary store
// whose URL is read from its log, the JSON API client used for seeding,
// signing in through the page, the watchers that collect console errors,
// CSP violations and requests leaving the origin, the check/must reporting
// and the run that cleans up after itself.
//
//   const e2e = require('./e2e_support');
//   const env = e2e.setup('e2e_x', 'x_e2e.js');  // exits 77 when skipped
//   e2e.main('e2e_x', 240000, async (session) => {
//     const server = await session.startServer(session.tempDir('fa-x-'));
//     const browser = await session.launchBrowser();
//     ...
//   });
'use strict';

const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawn } = require('child_process');

const SKIP = 77;
const CHROMIUM = process.env.FA_CHROMIUM || '/usr/bin/chromium';
const TOOLS = process.env.FA_TOOLS_DIR || '/opt/fa-tools';
/// The first-run admin's password every script's server starts with.
const ADMIN_PASSWORD = 'admin-first-run-pw';
/// The system's temporary folder (before launchBrowser points TMPDIR elsewhere).
const TMP = os.tmpdir();

const env = { name: 'e2e', binary: null, sourceDir: null, playwright: null };

// ---------------------------------------------------------------- setup

/// Reads `BINARY [SOURCE_DIR]` from the command line and loads
/// playwright-core; exits 77 (CTest's SKIP_RETURN_CODE) with a message when
/// playwright-core or chromium is missing, 1 instead under
/// FA_REQUIRE_CHECKS=1.
function setup(name, script) {
  env.name = name;
  env.binary = process.argv[2];
  env.sourceDir = path.resolve(process.argv[3] || path.join(__dirname, '..', '..'));
  if (!env.binary) {
    console.error(`usage: node ${script} BINARY [SOURCE_DIR]`);
    process.exit(2);
  }
  const skip = (why) => {
    if (process.env.FA_REQUIRE_CHECKS === '1') {
      console.log(`${name}: required, cannot run: ${why} (run: bash scripts/setup-web-checks.sh)`);
      process.exit(1);
    }
    console.log(`${name}: skipped: ${why} (run: bash scripts/setup-web-checks.sh)`);
    process.exit(SKIP);
  };
  try {
    env.playwright = require(path.join(TOOLS, 'node_modules', 'playwright-core'));
  } catch (e) {
    try {
      env.playwright = require('playwright-core');
    } catch (e2) {
      skip(`playwright-core is not installed in ${TOOLS}/node_modules`);
    }
  }
  if (!fs.existsSync(CHROMIUM)) skip(`${CHROMIUM} is missing`);
  if (!fs.existsSync(env.binary)) {
    console.error(`${name}: no such binary: ${env.binary}`);
    process.exit(1);
  }
  return env;
}

// ---------------------------------------------------------------- reporting

const failures = [];
function check(ok, what) {
  if (ok) {
    console.log(`  ok: ${what}`);
  } else {
    console.log(`  FAILED: ${what}`);
    failures.push(what);
  }
  return ok;
}
function must(ok, what) {
  check(ok, what);
  if (!ok) throw new Error(`cannot go on: ${what}`);
}
const fail = (what) => check(false, what);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// ---------------------------------------------------------------- the server

/// Starts `factory-assess serve` on `dir`/fa.db at a free port with the
/// shipped rubrics and ranking configs (and `args`); resolves with
/// { proc, log, url } once it prints its URL. `onSpawn` gets the server
/// before it is ready, so a caller can stop one that never starts.
function startServer(dir, { args = [], env: extraEnv = {}, timeoutMs = 30000, onSpawn } = {}) {
  const all = ['serve', '--listen', '127.0.0.1:0', '--db', path.join(dir, 'fa.db'), ...args,
    '--rubrics', path.join(env.sourceDir, 'rubrics'), '--ranking', path.join(env.sourceDir, 'examples', 'ranking')];
  const procEnv = { ...process.env, FA_ADMIN_PASSWORD: ADMIN_PASSWORD, ...extraEnv };
  const proc = spawn(env.binary, all, { cwd: env.sourceDir, env: procEnv, stdio: ['ignore', 'pipe', 'pipe'] });
  const server = { proc, log: '', url: null };
  if (onSpawn) onSpawn(server);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start in ${timeoutMs / 1000} s:\n${server.log}`)), timeoutMs);
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

/// Whether the server is still running (it did not stop or crash).
const running = (server) => server.proc.exitCode === null && server.proc.signalCode === null;

/// Stops the server (SIGTERM) and waits up to 12 s for it to exit.
async function stopServer(server) {
  if (!running(server)) return;
  server.proc.kill('SIGTERM');
  await new Promise((r) => {
    if (!running(server)) r();
    else server.proc.on('exit', r);
    setTimeout(r, 12000);
  });
}

// ---------------------------------------------------------------- the JSON API

/// A JSON API client with a cookie jar and the session's CSRF token (for
/// seeding; the journeys themselves go through the pages).
class Api {
  constructor(base) {
    this.base = base;
    this.cookies = {};
    this.csrf = '';
  }

  async send(method, p, body) {
    const headers = {};
    const jar = Object.entries(this.cookies).map(([k, v]) => `${k}=${v}`).join('; ');
    if (jar) headers.Cookie = jar;
    if (method !== 'GET' && this.csrf) headers['X-CSRF-Token'] = this.csrf;
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const res = await fetch(this.base + p, {
      method, headers, redirect: 'manual', body: body === undefined ? undefined : JSON.stringify(body),
    });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      if (!value || /Max-Age=0/i.test(c)) delete this.cookies[name];
      else this.cookies[name] = value;
    }
    const text = await res.text();
    let json = null;
    try {
      json = JSON.parse(text);
    } catch (e) {
      // not JSON
    }
    return { status: res.status, json, text };
  }

  async expect(status, method, p, body) {
    const r = await this.send(method, p, body);
    if (r.status !== status) {
      throw new Error(`${method} ${p}: expected ${status}, got ${r.status}: ${r.text.slice(0, 500)}`);
    }
    return r.json;
  }

  async login(username, password) {
    this.csrf = (await this.expect(200, 'GET', '/api/csrf')).csrf;
    const r = await this.expect(200, 'POST', '/api/login', { username, password });
    this.csrf = r.csrf;
    return r.user;
  }

  /// The session cookies, for a browser context (context.addCookies).
  browserCookies() {
    const domain = new URL(this.base).hostname;
    return Object.entries(this.cookies).map(([name, value]) => ({ name, value, domain, path: '/' }));
  }
}

// ---------------------------------------------------------------- the browser

/// Launches Debian's chromium headless; its fresh profile (playwright's
/// --user-data-dir, removed at close) goes under `profileDir`.
async function launchBrowser(profileDir) {
  process.env.TMPDIR = profileDir;
  return env.playwright.chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    // playwright passes a fresh --user-data-dir and downloads nothing.
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
}

/// Watches a page: every request must stay on `origin`; console errors,
/// page errors and CSP violations are collected in `problems`.
function watch(page, origin, problems) {
  page.on('request', (req) => {
    const u = req.url();
    if (!u.startsWith(origin + '/') && !u.startsWith('data:') && u !== 'about:blank') {
      problems.push(`external request: ${u}`);
    }
  });
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console error on ${page.url()}: ${msg.text()}`);
  });
  page.on('pageerror', (err) => problems.push(`page error on ${page.url()}: ${err.message}`));
}

/// A fresh browser context (zh-CN unless `options` say otherwise) whose page
/// is watched; CSP violations are reported through the console.
async function newContext(browser, origin, problems, options = {}) {
  const context = await browser.newContext({ locale: 'zh-CN', ...options });
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`);
    });
  });
  const page = await context.newPage();
  page.setDefaultTimeout(15000);
  watch(page, origin, problems);
  return { context, page };
}

/// Drops the problems matching `re` collected since index `since` (an
/// error status a test asked for is logged by the browser as a console
/// error).
function forgive(problems, re, since = 0) {
  problems.splice(since, problems.length - since, ...problems.slice(since).filter((p) => !re.test(p)));
}

/// Signs in through the login page.
async function signIn(page, base, username, password) {
  await page.goto(`${base}/login`);
  await page.locator('input[name=username]').fill(username);
  await page.locator('input[name=password]').fill(password);
  await Promise.all([page.waitForNavigation(), page.locator('form[action="/login"] button[type=submit]').click()]);
}

// ---------------------------------------------------------------- page text

/// The page's visible text without ids people need (.mono, code, pre, .id,
/// .cand-id), without what people typed where it is marked as such
/// (.typed: the audit log's names, evidence and notes) and without the
/// language switch.
async function visibleText(page) {
  return page.evaluate(() => {
    const clone = document.body.cloneNode(true);
    clone.querySelectorAll('.mono, code, pre, .id, .cand-id, .typed, script, style, [hidden], .sr-only, a.lang')
      .forEach((e) => e.remove());
    document.body.appendChild(clone);
    clone.style.position = 'absolute';
    const text = clone.innerText;
    clone.remove();
    return text;
  });
}

const CJK = /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]/;
/// What is wrong with a page's visible text in `lang`: on a zh page an
/// internal id (snake_case, "node:", a role id) or an English phrase of four
/// words or more; on an en page Chinese outside `names` (what people typed).
function textProblems(text, lang, names = []) {
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

/// Text a reader may not be able to read (WCAG AA): smaller than 12 px, or
/// with a contrast ratio under 4.5:1 against the first opaque background
/// behind it. Chart text (SVG), sub- and superscripts aside. One line per
/// kind of element, with how many and an example.
async function smallOrFaintText(page) {
  return page.evaluate(() => {
    const rgb = (s) => {
      const m = /rgba?\(([^)]+)\)/.exec(s);
      if (!m) return null;
      const p = m[1].split(',').map(Number);
      return { r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1 };
    };
    const lum = (c) => {
      const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
      return 0.2126 * f(c.r) + 0.7152 * f(c.g) + 0.0722 * f(c.b);
    };
    const behind = (el) => {
      for (let e = el; e; e = e.parentElement) {
        const c = rgb(getComputedStyle(e).backgroundColor);
        if (c && c.a > 0.5) return c;
      }
      return { r: 255, g: 255, b: 255, a: 1 };
    };
    const kinds = new Map();
    const seen = new Set();
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (!el || seen.has(el) || !n.textContent.trim() || el.closest('svg, sub, sup, script, style')) continue;
      seen.add(el);
      const st = getComputedStyle(el);
      if (st.visibility === 'hidden' || el.getClientRects().length === 0) continue;
      const size = parseFloat(st.fontSize);
      const fg = rgb(st.color), bg = behind(el);
      const [a, b] = [lum(fg), lum(bg)];
      const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
      const what = `${el.tagName.toLowerCase()}${el.className ? '.' + String(el.className).split(' ').join('.') : ''}`;
      const add = (problem) => {
        const k = `${what}: ${problem}`;
        const e = kinds.get(k) || { n: 0, example: n.textContent.trim().slice(0, 24) };
        e.n++;
        kinds.set(k, e);
      };
      if (size < 11.95) add(`${size.toFixed(1)} px`);
      if (ratio < 4.5) add(`contrast ${ratio.toFixed(2)}:1`);
    }
    return [...kinds].map(([k, e]) => `${k} (${e.n}×, e.g. "${e.example}")`);
  });
}

/// How many px the page is wider than its window (≤ 0: no overflow).
const overflow = (page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

// ---------------------------------------------------------------- data

/// A credit code's first 17 characters with the GB 32100 check character
/// the server requires (answers/credit_code.cpp).
function withCheckCharacter(first17) {
  const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  const weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
  let sum = 0;
  for (let i = 0; i < 17; ++i) sum += alphabet.indexOf(first17[i]) * weights[i];
  return first17 + alphabet[(31 - (sum % 31)) % 31];
}

// ---------------------------------------------------------------- the run

/// Runs `body(session)` under a watchdog of `timeoutMs`, then closes the
/// browsers, stops the servers (printing the end of their logs when a check
/// failed), removes the temporary folders and exits 1 when a check failed
/// or the body threw. `session` offers:
///   tempDir(prefix)            a folder removed at the end
///   keepDir(dir)               … not removed after all
///   startServer(dir, options)  startServer() above, stopped at the end
///   launchBrowser()            a browser, its profile in a folder of its own
async function main(name, timeoutMs, body) {
  const dirs = [];
  const servers = [];
  const browsers = [];
  const session = {
    tempDir(prefix) {
      const d = fs.mkdtempSync(path.join(TMP, prefix));
      dirs.push(d);
      return d;
    },
    keepDir(d) {
      const i = dirs.indexOf(d);
      if (i >= 0) dirs.splice(i, 1);
    },
    startServer(dir, options = {}) {
      return startServer(dir, { ...options, onSpawn: (s) => servers.push(s) });
    },
    async launchBrowser() {
      const browser = await launchBrowser(session.tempDir('fa-e2e-browser-'));
      browsers.push(browser);
      return browser;
    },
  };
  const watchdog = setTimeout(() => {
    console.log(`${name}: FAILED: timed out after ${timeoutMs / 1000} s`);
    for (const s of servers) s.proc.kill('SIGKILL');
    process.exit(1);
  }, timeoutMs);
  let threw = false;
  try {
    await body(session);
  } catch (e) {
    threw = true;
    console.log(`${name}: FAILED: ${e.stack || e}`);
  } finally {
    for (const b of browsers) await b.close().catch(() => {});
    const ok = !threw && failures.length === 0;
    for (const s of servers) {
      await stopServer(s);
      if (!ok) console.log(`--- server log ---\n${s.log.split('\n').slice(-40).join('\n')}`);
    }
    for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
    clearTimeout(watchdog);
  }
  if (threw || failures.length) {
    console.log(`${name}: ${failures.length} check(s) failed${failures.length ? ':\n  ' + failures.join('\n  ') : ''}`);
    process.exit(1);
  }
  console.log(`${name}: all checks passed`);
}

module.exports = {
  ADMIN_PASSWORD, CHROMIUM, env, setup,
  check, must, fail, failures, sleep,
  startServer, stopServer, running, Api,
  launchBrowser, watch, newContext, forgive, signIn,
  visibleText, textProblems, smallOrFaintText, overflow, withCheckCharacter,
  main,
};
