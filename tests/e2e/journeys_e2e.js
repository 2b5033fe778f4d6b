#!/usr/bin/env node
// Two journeys of issue #12 in a real headless browser, each on a server and
// a temporary store of its own, every step clicked and typed on the pages:
//
// * the admin imports 20 factories of Jiading from a CSV (the bulk-import
//   format, docs/district-format.md): a row whose credit code has a wrong
//   check character is named with its line and the problem in Chinese and
//   nothing is stored; the fixed file stores all 20, listed with town and
//   industry by their Chinese names. One factory's edit form refused for a
//   bad credit code shows the problem next to the field and keeps every
//   value typed; with the code fixed it saves, "4.5亿" stored as 45000 万元.
//   Nothing is wider than a 390 px screen.
// * the commission, on the demo data (`serve --demo`), ranks with the
//   shipped config chosen by its title, filters by a town (and in English by
//   an industry) chosen by its visible name, reads the candidates with their
//   tier and level, and opens a candidate's diagnosis report from its row;
//   the ranking report's candidate table is within the page on screen and
//   prints on A4 landscape pages of its own; it opens the demand map from
//   the navigation, in both languages.
//
// Every page must load only same-origin resources and raise no console
// error or CSP violation (but the error statuses the journeys ask for).
//
// usage: node tests/e2e/journeys_e2e.js BINARY [SOURCE_DIR]
// Exits 77 (CTest's SKIP_RETURN_CODE) when playwright-core or chromium is
// missing; `bash scripts/setup-web-checks.sh` installs both.
'use strict';

const fs = require('fs');
const path = require('path');
const e2e = require('./e2e_support');

const { check, must, Api, newContext, signIn, forgive, visibleText, textProblems, overflow, withCheckCharacter } = e2e;
e2e.setup('e2e_journeys', 'journeys_e2e.js');

const ADMIN_PASSWORD = 'admin-journeys-pw-2026';
const DEMO_PASSWORD = 'demo-journeys-pw-2026';
const text = (page) => page.evaluate(() => document.body.innerText);
const CJK = /[\u3400-\u9fff]/;
const SNAKE = /\b[a-z][a-z0-9]*_[a-z0-9_]+\b/;

// ---------------------------------------------------------------- the CSV

const HEADINGS = ['统一社会信用代码', '企业名称', '镇街', '所属行业', '制造类型', '员工人数', '营业收入（万元）',
  '研发投入占营业收入比重', '单位产值综合能耗', '出口交货值', '有效发明专利'];
const TOWNS = ['安亭镇', '马陆镇', '南翔镇', '江桥镇', '外冈镇', '嘉定工业区', '徐行镇', '华亭镇', '菊园新区', '真新街道'];
const INDUSTRIES = ['汽车及零部件', '集成电路', '生物医药', '通用设备', '电子信息', '金属制品', '橡胶和塑料制品'];
const TYPES = ['离散型', '流程型', '混合型'];
// Revenue as the district's lists write it: with a unit, with a thousands
// separator (the cell then quoted), in 元.
const REVENUES = ['4.5亿', '3200', '1.2亿元', '8600万', '26,000', '5000000元', '9800', '2.35亿'];
const BAD_ROW = 8;  // on line 9, after the heading

/// The 20 factories: name, code, town, industry and the row's cells.
function factories() {
  const out = [];
  for (let i = 1; i <= 20; ++i) {
    const code = withCheckCharacter(`91310114MA1E2E${String(i).padStart(3, '0')}`);
    const f = {
      code,
      name: `上海嘉定测试${'甲乙丙丁戊己庚辛壬癸'[i % 10]}${i}号制造有限公司`,
      town: TOWNS[i % TOWNS.length],
      industry: INDUSTRIES[i % INDUSTRIES.length],
    };
    f.cells = [code, f.name, f.town, f.industry, TYPES[i % TYPES.length], i % 4 === 0 ? `${100 + i * 17}人` : String(40 + i * 23),
      REVENUES[(i - 1) % REVENUES.length], `${(1 + (i % 7) * 0.8).toFixed(1)}%`, (0.03 + i * 0.004).toFixed(3),
      String(i * 150), String(i % 9)];
    out.push(f);
  }
  return out;
}

/// A wrong check character for a code: the next one of the alphabet.
function wrongCheck(code) {
  const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  return code.slice(0, 17) + alphabet[(alphabet.indexOf(code[17]) + 1) % alphabet.length];
}

function csv(rows) {
  const cell = (c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c);
  return [HEADINGS, ...rows].map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
}

// ---------------------------------------------------------------- journey a

/// The list page's factories: [{ name, code, town, industry, edit }].
async function listed(page) {
  return page.locator('table.stack-narrow tbody tr').evaluateAll((rows) => rows.map((r) => {
    const td = r.querySelectorAll('td');
    return {
      name: td[0].innerText.trim(), code: td[1].innerText.trim(), town: td[2].innerText.trim(),
      industry: td[3].innerText.trim(), edit: r.querySelector('a[href^="/admin/factories/"]').getAttribute('href'),
    };
  }));
}

/// Chooses `file` in the import's file input (read into the text field by
/// the page's script) and sends it.
async function upload(page, file, marker) {
  await page.locator('#import input[type=file]').setInputFiles(file);
  await page.waitForFunction((m) => document.getElementById('import-csv').value.includes(m), marker);
  const [res] = await Promise.all([page.waitForNavigation(), page.locator('form[action="/admin/factory-import"] button[type=submit]').click()]);
  return res;
}

/// What the factory form shows: every field's value, the problems by field.
async function formState(page) {
  return page.locator('form[action^="/admin/factories/"]').evaluate((form) => {
    const values = {};
    for (const el of form.querySelectorAll('input[name]:not([type=hidden]), select[name]')) {
      values[el.name] = el.tagName === 'SELECT' ? el.options[el.selectedIndex].text : el.value;
    }
    const errors = {};
    for (const label of form.querySelectorAll('label.invalid')) {
      const field = label.querySelector('[name]');
      const error = label.querySelector('.field-error');
      errors[field ? field.name : '?'] = error ? error.innerText.trim() : '';
    }
    return { values, errors };
  });
}

async function importJourney(session, browser) {
  console.log('admin: bulk import of 20 factories, then one edited');
  const dir = session.tempDir('fa-journey-import-');
  const server = await session.startServer(dir);
  const base = server.url;
  // Seeding: the first-run admin's password change, through the API.
  const api = new Api(base);
  await api.login('admin', e2e.ADMIN_PASSWORD);
  await api.expect(200, 'POST', '/api/password', { current: e2e.ADMIN_PASSWORD, new: ADMIN_PASSWORD });

  const problems = [];
  const { context, page } = await newContext(browser, base, problems);
  await signIn(page, base, 'admin', ADMIN_PASSWORD);
  must(new URL(page.url()).pathname === '/', `the admin signs in to the dashboard (at ${page.url()})`);
  await Promise.all([page.waitForNavigation(), page.locator('nav.nav a[href="/admin/factories"]').click()]);
  must(new URL(page.url()).pathname === '/admin/factories', `the nav opens the factories (at ${page.url()})`);
  const before = (await listed(page)).length;

  // ---- a file with a wrong check character: nothing stored
  const all = factories();
  const bad = all[BAD_ROW - 1];
  const badCode = wrongCheck(bad.code);
  const badFile = path.join(dir, '规上企业名单-有误.csv');
  fs.writeFileSync(badFile, csv(all.map((f) => (f === bad ? [badCode, ...f.cells.slice(1)] : f.cells))));
  let res = await upload(page, badFile, badCode);
  check(res.status() === 400, `the refused import answers 400 (${res.status()})`);
  forgive(problems, /status of 400/);
  const alert = (await page.locator('.alert.error').allInnerTexts()).join(' ');
  check(alert.includes('未导入') && alert.includes('未保存任何企业'), `the page says nothing was imported (${alert})`);
  const reported = await page.locator('#import-problems tbody tr').evaluateAll((rows) =>
    rows.map((r) => [...r.querySelectorAll('td')].map((td) => td.innerText.trim())));
  const expected = `第 18 位校验码应为「${bad.code[17]}」而不是「${badCode[17]}」`;
  check(reported.length === 1 && reported[0][0] === String(BAD_ROW + 1) && reported[0][1] === '统一社会信用代码' &&
    reported[0][2].startsWith(expected),
  `the error report names line ${BAD_ROW + 1}, the credit code column and the check character in Chinese (${JSON.stringify(reported)})`);
  check(!SNAKE.test(reported.flat().join(' ')), 'the error report holds no internal id');
  check((await listed(page)).length === before, `nothing was imported: the list still has ${before} factories`);
  const stored = await (await context.request.get(`${base}/api/factories`)).json();
  check(stored.factories.length === before, `the store holds ${before} factories (${stored.factories.length})`);
  check((await page.locator('#import-csv').inputValue()).includes(badCode), 'the refused file is kept in the text field');

  // ---- the fixed file: 20 factories, town and industry by name
  const goodFile = path.join(dir, '规上企业名单.csv');
  fs.writeFileSync(goodFile, csv(all.map((f) => f.cells)));
  res = await upload(page, goodFile, bad.code);
  check(res.status() === 200, `the fixed import answers 200 (${res.status()})`);
  const notice = (await page.locator('.alert.notice').allInnerTexts()).join(' ');
  check(notice.includes('已导入：新建 20 家，更新 0 家。'), `the page says 20 were created (${notice})`);
  check(await page.locator('#import-problems').count() === 0, 'no problem is listed');
  const rows = await listed(page);
  check(rows.length === 20, `20 factories are listed (${rows.length})`);
  const wrong = all.filter((f) => {
    const r = rows.find((x) => x.name === f.name);
    return !r || r.code !== f.code || r.town !== f.town || r.industry !== f.industry;
  });
  check(wrong.length === 0, `every factory is listed with its code, town and industry by Chinese name${wrong.length ? ` (not: ${wrong.map((f) => f.name).join(', ')})` : ''}`);
  const listText = await visibleText(page);
  const ids = SNAKE.exec(listText) || /\b(automotive|integrated_circuits|biomedicine|general_machinery|electronics|discrete|process|mixed)\b/.exec(listText);
  check(!ids, `the list shows no internal id${ids ? ` ('${ids[0]}')` : ''}`);

  // "4.5亿" of the first row was stored as 45000 万元.
  const first = rows.find((r) => r.name === all[0].name);
  await Promise.all([page.waitForNavigation(), page.locator(`a[href="${first.edit}"]`).click()]);
  const imported = await formState(page);
  check(imported.values.revenue === '45000', `"4.5亿" in the file is stored as 45000 万元 (the form shows ${imported.values.revenue})`);

  // ---- one factory's edit form: a bad credit code refused, the typed values kept
  await page.goto(`${base}/admin/factories`);
  const target = all[2];
  const row = rows.find((r) => r.name === target.name);
  await Promise.all([page.waitForNavigation(), page.locator(`a[href="${row.edit}"]`).click()]);
  must(new URL(page.url()).pathname === row.edit, `the edit link opens the factory's form (at ${page.url()})`);
  check(await page.locator('h1').innerText() === `编辑企业 · ${target.name}`, `the form is titled with the factory's name (${await page.locator('h1').innerText()})`);
  const typed = {
    name: `${target.name}（更名）`, credit_code: '91310114ABC', employees: '1.2万', revenue: '4.5亿',
    rd_share: '4.2%', energy_intensity: '0.061', exports: '2,500', patents: '7件',
  };
  const chosen = { town: '菊园新区', industry: '人工智能', manufacturing_type: '混合型' };
  const form = page.locator(`form[action="${row.edit}"]`);
  for (const [k, v] of Object.entries(typed)) await form.locator(`input[name=${k}]`).fill(v);
  for (const [k, v] of Object.entries(chosen)) await form.locator(`select[name=${k}]`).selectOption({ label: v });
  [res] = await Promise.all([page.waitForNavigation(), form.locator('button[type=submit]').click()]);
  check(res.status() === 400, `the refused form answers 400 (${res.status()})`);
  forgive(problems, /status of 400/);
  const refused = await formState(page);
  check(JSON.stringify(Object.keys(refused.errors)) === '["credit_code"]' &&
    refused.errors.credit_code === '统一社会信用代码应为 18 位，现为 11 位。',
  `the problem is next to the credit code, in Chinese, and nowhere else (${JSON.stringify(refused.errors)})`);
  check(await form.locator('input[name=credit_code]').getAttribute('aria-invalid') === 'true', 'the credit code field is marked invalid');
  const lost = Object.entries({ ...typed, ...chosen }).filter(([k, v]) => refused.values[k] !== v);
  check(lost.length === 0, `every value typed is kept in the refused form${lost.length ? ` (lost: ${lost.map(([k, v]) => `${k} ${JSON.stringify(v)} → ${JSON.stringify(refused.values[k])}`).join(', ')})` : ''}`);
  const alertText = (await page.locator('.alert.error').allInnerTexts()).join(' ');
  check(alertText.includes('请修改标出的字段后再保存'), `the page asks to correct the marked field (${alertText})`);
  check(await page.locator('.alert.notice').count() === 0, 'nothing says it was saved');

  // ---- the code fixed: saved, the figures read in their units
  await form.locator('input[name=credit_code]').fill(target.code);
  [res] = await Promise.all([page.waitForNavigation(), form.locator('button[type=submit]').click()]);
  check(res.status() === 200 && (await page.locator('.alert.notice').innerText()).includes('已保存'), `the fixed form is saved (${res.status()})`);
  const saved = await formState(page);
  const want = {
    ...typed, ...chosen, credit_code: target.code, employees: '12000', revenue: '45000', rd_share: '4.2', exports: '2500', patents: '7',
  };
  const differs = Object.entries(want).filter(([k, v]) => saved.values[k] !== v);
  check(differs.length === 0 && Object.keys(saved.errors).length === 0,
    `the saved form shows what was typed, read in its units: revenue 45000 (万元), employees 12000${differs.length ? ` (differs: ${differs.map(([k, v]) => `${k} ${JSON.stringify(saved.values[k])}, expected ${JSON.stringify(v)}`).join(', ')})` : ''}`);
  check(await page.locator('label:has(input[name=revenue])').evaluate((l) => l.firstChild.textContent.trim()) === '营业收入（万元）',
    'the revenue field is labelled with its unit, 营业收入（万元）');
  await page.goto(`${base}/admin/factories`);
  const after = (await listed(page)).find((r) => r.edit === row.edit);
  check(after && after.name === typed.name && after.town === chosen.town && after.industry === chosen.industry,
    `the list shows the new name, town and industry by name (${JSON.stringify(after)})`);
  const zh = textProblems(await visibleText(page), 'zh');
  check(zh.length === 0, `the list page in Chinese holds no internal id or English (${zh.join('; ')})`);

  // ---- the users page: one line per user, each field in its column and
  // saved by the row's form (the fields are tied to it by their form
  // attribute)
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`${base}/admin/users`);
  const userRows = await page.locator('table.users tbody tr').evaluateAll((trs) => trs.map((tr) => ({
    user: tr.cells[0].innerText.trim(), height: tr.getBoundingClientRect().height,
    cut: [...tr.cells].some((td) => td.scrollWidth > td.clientWidth + 1) })));
  check(userRows.length > 0 && userRows.every((r) => r.height < 70 && !r.cut),
    `at 1280 px every user's row is one line with nothing cut (${JSON.stringify(userRows.filter((r) => r.height >= 70 || r.cut))})`);
  const adminRow = page.locator('table.users tbody tr', { has: page.locator('td.mono', { hasText: /^admin$/ }) });
  await adminRow.locator('input[name=display_name]').fill('区级管理员');
  await Promise.all([page.waitForNavigation(), adminRow.locator('button[type=submit]', { hasText: '保存' }).click()]);
  await page.goto(`${base}/admin/users`);
  check(await adminRow.locator('input[name=display_name]').inputValue() === '区级管理员',
    "the admin's row saves the display name typed into its column");

  // ---- a phone's width: nothing past the edge, the error report included
  await page.setViewportSize({ width: 390, height: 844 });
  for (const p of ['/admin/factories', row.edit]) {
    await page.goto(`${base}${p}`);
    const over = await overflow(page);
    check(over <= 0, `at 390 px ${p} has nothing past the page's edge (${over} px)`);
  }
  await page.goto(`${base}/admin/factories`);
  res = await upload(page, badFile, badCode);
  forgive(problems, /status of 400/);
  check(res.status() === 400 && await page.locator('#import-problems tbody tr').count() === 1,
    'at 390 px the file with the bad row is refused again');
  const over = await overflow(page);
  check(over <= 0, `at 390 px the import's error report has nothing past the page's edge (${over} px)`);
  check((await listed(page)).find((r) => r.edit === row.edit).name === typed.name, 'the refused file changed nothing');

  await context.close();
  check(problems.length === 0, `admin: no external request, console error or CSP violation${problems.length ? ':\n    ' + problems.join('\n    ') : ''}`);
}

// ---------------------------------------------------------------- journey b

const CONFIG_TITLE = { zh: '2026年度区级智能工厂认定候选排序（示例）', en: 'District smart-factory designation 2026, candidate ranking (example)' };

/// The ranking table's rows: [{ rank, name, town, industry, level, tier, report }].
async function ranked(page) {
  return page.locator('#ranking-table tbody tr').evaluateAll((rows) => rows.map((r) => {
    const td = r.querySelectorAll('td');
    const a = td[1].querySelector('a');
    return {
      rank: td[0].innerText.trim(), name: td[1].innerText.trim(), town: td[2].innerText.trim(),
      industry: td[3].innerText.trim(), level: td[4].innerText.trim(), tier: td[5].innerText.trim(),
      report: a ? a.getAttribute('href') : null,
    };
  }));
}

/// Chooses the config by its title and the filters by their visible names
/// on the ranking page, applies them; returns the rows.
async function rank(page, lang, filters) {
  const form = page.locator('form[action="/ranking"]');
  await form.locator('select[name=config]').selectOption({ label: CONFIG_TITLE[lang] });
  for (const k of ['town', 'industry']) await form.locator(`select[name=${k}]`).selectOption(filters[k] ? { label: filters[k] } : { index: 0 });
  const [res] = await Promise.all([page.waitForNavigation(), form.locator('button[type=submit]').click()]);
  const where = `${lang} ${JSON.stringify(filters)}`;
  check(res.status() === 200, `${where}: the ranking page answers 200 (${res.status()})`);
  const errors = await page.locator('.alert.error').count();
  const body = await text(page);
  check(errors === 0 && !body.includes('无法排序') && !/cannot rank/i.test(body), `${where}: no error box, nothing "cannot rank"`);
  check(await page.locator('section.card h2').first().innerText() === CONFIG_TITLE[lang], `${where}: the ranking is titled with the config's title`);
  for (const [k, v] of Object.entries(filters)) {
    const shown = await form.locator(`select[name=${k}]`).evaluate((s) => s.options[s.selectedIndex].text);
    check(shown === v, `${where}: the ${k} chosen stays selected (${shown})`);
  }
  return ranked(page);
}

function checkRows(rows, where, lang) {
  check(rows.length > 0, `${where}: candidates are listed (${rows.length})`);
  check(rows.every((r, i) => Number(r.rank) === i + 1 || /并列/.test(r.rank)), `${where}: ranked 1..${rows.length} (${rows.map((r) => r.rank).join(', ')})`);
  check(rows.every((r) => /^[1-5]$/.test(r.level)), `${where}: every candidate has its level (${rows.map((r) => r.level).join(', ')})`);
  const named = lang === 'zh' ? (t) => CJK.test(t) && !/[a-z]/i.test(t) : (t) => /^[A-Z][a-z]+( [a-z]+)* smart factory$/.test(t);
  check(rows.every((r) => named(r.tier)), `${where}: every candidate's tier is named, not an id (${rows.map((r) => r.tier).join(', ')})`);
  check(rows.every((r) => r.report && /^\/assessments\/\d+\/report$/.test(r.report)), `${where}: every row links to its report`);
}

async function commissionPass(page, base, lang, filter) {
  const unfiltered = await rank(page, lang, {});
  checkRows(unfiltered, `${lang} unfiltered`, lang);
  const filtered = await rank(page, lang, filter);
  checkRows(filtered, `${lang} ${JSON.stringify(filter)}`, lang);
  const [k, v] = Object.entries(filter)[0];
  const expected = unfiltered.filter((r) => r[k] === v).map((r) => r.name);
  check(filtered.length < unfiltered.length && JSON.stringify(filtered.map((r) => r.name).sort()) === JSON.stringify(expected.sort()),
    `${lang}: the filter ${k} = ${v} keeps just the candidates of ${v} (${filtered.length} of ${unfiltered.length}: ${filtered.map((r) => r.name).join(', ')})`);
  // The ranking page in its language: names people gave aside (the
  // factories, the signed-in user), zh holds no id or English, en no Chinese.
  const names = [...unfiltered.map((r) => r.name), await page.locator('.who-name').innerText()];
  const wrong = textProblems(await visibleText(page), lang, names);
  check(wrong.length === 0, `${lang}: the ranking page is in ${lang === 'zh' ? 'Chinese, with no internal id' : 'English'} (${wrong.join('; ')})`);
  // A row's report link opens that factory's diagnosis report.
  const row = filtered[0];
  const [res] = await Promise.all([page.waitForNavigation(), page.locator(`#ranking-table a[href="${row.report}"]`).click()]);
  check(res.status() === 200 && new URL(page.url()).pathname === row.report, `${lang}: the row's link opens the report ${row.report} (${res.status()})`);
  const report = await text(page);
  check(report.includes(row.name), `${lang}: the report names the factory ${row.name}`);
  check(await page.locator('nav.fa-webbar').isVisible(), `${lang}: the report page has the app's bar`);
  check(await page.locator('nav.fa-webbar a.fa-pdf').count() === 1, `${lang}: the bar offers the PDF`);
  check(lang === 'zh' ? report.includes('诊断') : /diagnos/i.test(report), `${lang}: it is the diagnosis report`);
  if (lang === 'zh') {
    const zh = textProblems(await visibleText(page), 'zh');
    check(zh.length === 0, `zh: the report shows no internal id or English (${zh.join('; ')})`);
  }
  await page.goBack();
}

/// The ranking report of the shipped config: on a 1280 px screen and on
/// the A4 landscape pages its candidate table prints on, every column is
/// within the page; the PDF puts that table, and only that, on landscape
/// pages.
async function rankingReportFits(page, base, lang) {
  await page.goto(`${base}/ranking/report?config=commission-2026&lang=${lang}`);
  const within = () => page.evaluate(() => {
    const t = document.querySelector('#ranking').getBoundingClientRect();
    const r = document.querySelector('.ranking-section').getBoundingClientRect();
    return { table: Math.round(t.right), page: Math.round(r.right) };
  });
  const screen = await within();
  check(screen.table <= screen.page, `${lang}: the ranking report's table is within its page at 1280 px (${screen.table} > ${screen.page})`);
  // A4 landscape less the 16 mm margins: 265 mm = 1001 CSS px.
  await page.emulateMedia({ media: 'print' });
  await page.setViewportSize({ width: 1001, height: 700 });
  const printed = await within();
  check(printed.table <= printed.page, `${lang}: the printed table is within an A4 landscape page (${printed.table} > ${printed.page})`);
  const pdf = (await page.pdf({ preferCSSPageSize: true })).toString('latin1');
  const boxes = [...pdf.matchAll(/\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/g)].map((m) => Number(m[1]) > Number(m[2]));
  const wide = boxes.filter((w) => w).length;
  check(wide >= 1 && wide < boxes.length, `${lang}: the PDF prints the candidate table on landscape pages and the rest upright (${wide} of ${boxes.length} landscape)`);
  await page.emulateMedia({ media: 'screen' });
  await page.setViewportSize({ width: 1280, height: 900 });
}

/// The demand map (docs/providers.md "Demand map"), opened from the
/// navigation: the example catalogue's providers against the demo's
/// factories, with what to attract next and the matchmaking events, in the
/// page's language; nothing wider than a 390 px screen.
async function demandMapPass(page, base, lang) {
  await page.goto(`${base}/?lang=${lang}`);
  const [res] = await Promise.all([page.waitForNavigation(), page.locator('nav.nav a[href="/demand"]').click()]);
  check(res.status() === 200 && new URL(page.url()).pathname === '/demand', `${lang}: the nav opens the demand map (${res.status()} at ${page.url()})`);
  const body = await text(page);
  check(body.includes(lang === 'zh' ? '服务需求地图' : 'Demand map for service providers'), `${lang}: the page is the demand map`);
  check(body.includes(lang === 'zh' ? '示例数据' : 'Example data'), `${lang}: it says the catalogue is made up`);
  const rows = await page.locator('table.scenarios tbody tr').count();
  check(rows > 0, `${lang}: scenarios are listed with their demand and supply (${rows})`);
  const events = await page.locator('.event').count();
  check(events > 0, `${lang}: matchmaking events are proposed (${events})`);
  const names = await page.locator('.event li').evaluateAll((items) => items.map((li) => li.firstChild.textContent.trim()));
  const wrong = textProblems(await visibleText(page), lang, names);
  check(wrong.length === 0, `${lang}: the demand map is in ${lang === 'zh' ? 'Chinese, with no internal id' : 'English'} (${wrong.join('; ')})`);
  await page.setViewportSize({ width: 390, height: 844 });
  const over = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  check(over <= 1, `${lang}: the demand map is no wider than a 390 px screen (${over} px over)`);
  await page.setViewportSize({ width: 1280, height: 900 });
}

/// The provider pages (docs/providers.md "The provider page"), from the
/// navigation: the catalogue's list, then one provider's page with what it
/// delivers, its engagements and the effect of its services; and the
/// portfolio's coverage of the diagnosis duty (docs/coverage.md). In the
/// page's language, nothing wider than a 390 px screen.
async function providerPagePass(page, base, lang) {
  await page.goto(`${base}/?lang=${lang}`);
  const [res] = await Promise.all([page.waitForNavigation(), page.locator('nav.nav a[href="/providers"]').click()]);
  check(res.status() === 200 && new URL(page.url()).pathname === '/providers', `${lang}: the nav opens the providers (${res.status()} at ${page.url()})`);
  const links = await page.locator('table a[href^="/providers/"]').count();
  check(links >= 50, `${lang}: the example catalogue's providers are listed (${links})`);
  const [opened] = await Promise.all([page.waitForNavigation(), page.locator('a[href="/providers/p01_mes"]').click()]);
  check(opened.status() === 200, `${lang}: a provider's page opens (${opened.status()})`);
  const body = await text(page);
  check(body.includes(lang === 'zh' ? '服务成效' : 'Effect of its services'), `${lang}: the provider page shows the effect of its services`);
  check(body.includes(lang === 'zh' ? '服务能力' : 'What it delivers'), `${lang}: and what it delivers`);
  // The factories' names are Chinese in both languages (examples/web/factories.csv).
  const factoryNames = fs.readFileSync(path.join(e2e.env.sourceDir, 'examples/web/factories.csv'), 'utf8')
    .split('\n').slice(1).filter(Boolean).map((line) => line.split(',')[1]);
  const wrong = textProblems(await visibleText(page), lang, factoryNames);
  check(wrong.length === 0, `${lang}: the provider page is in ${lang === 'zh' ? 'Chinese, with no internal id' : 'English'} (${wrong.join('; ')})`);
  await page.setViewportSize({ width: 390, height: 844 });
  const over = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  check(over <= 1, `${lang}: the provider page is no wider than a 390 px screen (${over} px over)`);
  await page.setViewportSize({ width: 1280, height: 900 });

  await page.goto(`${base}/portfolio?lang=${lang}`);
  const portfolio = await text(page);
  check(portfolio.includes(lang === 'zh' ? '规上企业数字化诊断覆盖' : 'Digital diagnosis of every above-scale manufacturer'),
        `${lang}: the portfolio shows the coverage of the diagnosis duty`);
  const duty = await page.locator('table.duty-counts tbody tr').count();
  check(duty > 0, `${lang}: the coverage is counted by town and industry (${duty} rows)`);
  // At 1280 px the sheet is A4's width: every table stays on it (the level
  // and tier counts have ten columns; their headings wrap, in Chinese
  // between a tier's words).
  const past = await page.locator('main.report table').evaluateAll((tables) => tables
    .filter((t) => t.getBoundingClientRect().right > t.parentElement.getBoundingClientRect().right + 0.5)
    .map((t) => `${t.className} ${Math.round(t.getBoundingClientRect().width)} px in ${Math.round(t.parentElement.getBoundingClientRect().width)}`));
  check(past.length === 0, `${lang}: at 1280 px every table of the portfolio stays on its sheet (${past.join('; ')})`);
}

/// A server with the demo data (`serve --demo`: the examples, the example
/// provider catalogue and engagements) in a temporary directory of its own.
function startDemo(session, prefix) {
  return session.startServer(session.tempDir(prefix), {
    args: ['--demo', '--quiet', '--examples', path.join(e2e.env.sourceDir, 'examples')],
    env: { FA_DEMO_PASSWORD: DEMO_PASSWORD },
    timeoutMs: 120000,
  });
}

/// The manufacturer's report names the service providers who can deliver
/// its recommendations: at least three, with the reasons, in the page's
/// language (docs/providers.md "Matching").
async function manufacturerJourney(session, browser) {
  console.log('manufacturer: reads its report and the providers it is matched with');
  const server = await startDemo(session, 'fa-journey-maker-');
  const base = server.url;
  const problems = [];
  const { context, page } = await newContext(browser, base, problems);
  await signIn(page, base, 'demo-manufacturer', DEMO_PASSWORD);
  for (const lang of ['zh', 'en']) {
    await page.goto(`${base}/?lang=${lang}`);
    const report = await page.locator('a[href*="/report"]').first().getAttribute('href');
    must(report, `${lang}: the manufacturer's page links its report`);
    await page.goto(base + report + (report.includes('?') ? '&' : '?') + 'lang=' + lang);
    const section = page.locator('section.providers');
    check(await section.count() === 1, `${lang}: the report has the section of matched providers`);
    const matched = await section.locator('ol.records > li').count();
    check(matched >= 3, `${lang}: at least three providers are proposed (${matched})`);
    const heading = await section.locator('h2').textContent();
    check(heading.includes(lang === 'zh' ? '可对接的服务商' : 'Service providers'), `${lang}: under its heading (${heading.trim()})`);
    await page.setViewportSize({ width: 390, height: 844 });
    const over = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    check(over <= 1, `${lang}: the report is no wider than a 390 px screen (${over} px over)`);
    await page.setViewportSize({ width: 1280, height: 900 });
    const forbidden = await page.request.get(`${base}/providers/p01_mes`, { maxRedirects: 0 });
    check(forbidden.status() === 403, `${lang}: a manufacturer may not open a provider's page (${forbidden.status()})`);
  }
  await context.close();
  check(problems.length === 0, `manufacturer: no external request, console error or CSP violation${problems.length ? ':\n    ' + problems.join('\n    ') : ''}`);
  // The first-run admin's password change, through the API.
  const api = new Api(base);
  await api.login('admin', e2e.ADMIN_PASSWORD);
  await api.expect(200, 'POST', '/api/password', { current: e2e.ADMIN_PASSWORD, new: ADMIN_PASSWORD });
  await otherProviderConsultant(browser, base);
  await providerAdminPass(browser, base);
}

/// The demo's factories (examples/web/factories.csv) are given to the
/// provider of demo-consultant (p02_iiot); demo-consultant-b works for
/// another (p19_consulting) and sees none of them, by the dashboard or by
/// address (docs/providers.md "In the web app"); the admin cannot assign
/// them to it.
async function otherProviderConsultant(browser, base) {
  console.log("consultant of another provider: cannot see the demo provider's factories");
  const problems = [];
  const factoryNames = fs.readFileSync(path.join(e2e.env.sourceDir, 'examples/web/factories.csv'), 'utf8')
    .split('\n').slice(1).filter(Boolean).map((line) => line.split(',')[1]);
  const own = await newContext(browser, base, problems);
  await signIn(own.page, base, 'demo-consultant', DEMO_PASSWORD);
  const ownLink = await own.page.locator('a[href^="/factories/"]').first().getAttribute('href');
  must(ownLink, "demo-consultant's dashboard links a factory of its provider");
  const report = await own.page.request.get(`${base}/assessments/1/report`, { maxRedirects: 0 });
  check(report.status() === 200, `demo-consultant opens a report of its provider's factory (${report.status()})`);
  await own.context.close();

  const other = await newContext(browser, base, problems);
  await signIn(other.page, base, 'demo-consultant-b', DEMO_PASSWORD);
  const dashboard = await text(other.page);
  const seen = factoryNames.filter((n) => dashboard.includes(n));
  check(seen.length === 0, `demo-consultant-b's dashboard lists none of the other provider's factories (${seen.join(', ')})`);
  for (const url of [ownLink, '/assessments/1/report', '/assessments/1/questionnaire']) {
    const r = await other.page.request.get(base + url, { maxRedirects: 0 });
    check(r.status() === 404, `demo-consultant-b gets 404 for ${url} of another provider's factory (${r.status()})`);
  }
  await other.context.close();

  // The admin tries to give the factory to demo-consultant-b: refused, in words.
  const admin = await newContext(browser, base, problems);
  await signIn(admin.page, base, 'admin', ADMIN_PASSWORD);
  const id = ownLink.split('/')[2];
  await admin.page.goto(`${base}/admin/factories/${id}?lang=zh`);
  const box = admin.page.locator('form[action="/admin/assignments"] label.choice', { hasText: '吴工' }).locator('input');
  await box.check();
  const [res] = await Promise.all([admin.page.waitForNavigation(), admin.page.locator('form[action="/admin/assignments"] button[type=submit]').click()]);
  check(res.status() === 409, `the admin's assignment of demo-consultant-b is refused (${res.status()})`);
  forgive(problems, /status of 409/);  // the refusal is the page's answer
  check((await text(admin.page)).includes('属于其他服务商'), 'and the page says the consultant works for another provider');
  await admin.context.close();
  check(problems.length === 0, `other provider: no external request, console error or CSP violation${problems.length ? ':\n    ' + problems.join('\n    ') : ''}`);
}

/// The admin's page of the catalogue and the engagements: in the page's
/// language, no wider than a 390 px screen; an engagement recorded through
/// its form shows in the list.
async function providerAdminPass(browser, base) {
  console.log('admin: the provider catalogue and the engagements');
  const problems = [];
  const { context, page } = await newContext(browser, base, problems);
  await signIn(page, base, 'admin', ADMIN_PASSWORD);
  for (const lang of ['zh', 'en']) {
    await page.goto(`${base}/providers?lang=${lang}`);
    const [res] = await Promise.all([page.waitForNavigation(), page.locator('a[href="/admin/providers"]').click()]);
    check(res.status() === 200, `${lang}: the providers list links the admin's page (${res.status()})`);
    const rows = await page.locator('table a[href^="/providers/"]').count();
    check(rows >= 50, `${lang}: the admin's page lists the catalogue (${rows})`);
    // People's names and the factories' (Chinese in both languages) are what was typed.
    const typed = ['examples/web/factories.csv', 'examples/web/users.csv'].flatMap((f) =>
      fs.readFileSync(path.join(e2e.env.sourceDir, f), 'utf8').split('\n').slice(1).filter(Boolean)
        .map((line) => line.split(',')[1]));
    const wrong = textProblems(await visibleText(page), lang, typed);
    check(wrong.length === 0, `${lang}: the admin's provider page is in ${lang === 'zh' ? 'Chinese, with no internal id' : 'English'} (${wrong.join('; ')})`);
    await page.setViewportSize({ width: 390, height: 844 });
    const over = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    check(over <= 1, `${lang}: the admin's provider page is no wider than a 390 px screen (${over} px over)`);
    await page.setViewportSize({ width: 1280, height: 900 });
  }
  await page.goto(`${base}/admin/providers?lang=zh`);
  const before = await page.locator('form[action$="/delete"]').count();
  await page.locator('select[name=provider]').selectOption('p02_iiot');
  await page.locator('select[name=factory]').selectOption({ index: 1 });
  await page.locator('input[name=scenario][value=scn_equipment_monitoring]').check();
  await page.locator('input[name=start]').fill('2026-03-02');
  await page.locator('input[name=end]').fill('2026-09-30');
  const [saved] = await Promise.all([page.waitForNavigation(), page.locator('form[action="/admin/engagements"] button[type=submit]').click()]);
  check(saved.status() === 200, `zh: an engagement is recorded through the form (${saved.status()})`);
  const after = await page.locator('form[action$="/delete"]').count();
  check(after === before + 1, `zh: and listed (${before} -> ${after})`);
  await context.close();
  check(problems.length === 0, `admin providers: no external request, console error or CSP violation${problems.length ? ':\n    ' + problems.join('\n    ') : ''}`);
}

async function commissionJourney(session, browser) {
  console.log('commission: ranks the demo data, filters, opens a report');
  const server = await startDemo(session, 'fa-journey-rank-');
  const base = server.url;
  const problems = [];
  const { context, page } = await newContext(browser, base, problems);
  await signIn(page, base, 'demo-commission', DEMO_PASSWORD);
  must(new URL(page.url()).pathname === '/', `demo-commission signs in to the dashboard (at ${page.url()})`);
  await Promise.all([page.waitForNavigation(), page.locator('nav.nav a[href="/ranking"]').click()]);
  must(new URL(page.url()).pathname === '/ranking', `the nav opens the ranking (at ${page.url()})`);
  await commissionPass(page, base, 'zh', { town: '安亭镇' });
  await rankingReportFits(page, base, 'zh');
  await demandMapPass(page, base, 'zh');
  await providerPagePass(page, base, 'zh');

  console.log('commission: the same in English');
  await page.goto(`${base}/ranking`);
  await Promise.all([page.waitForNavigation(), page.locator('a.lang').click()]);
  must(await page.locator('html').getAttribute('lang') === 'en', `the language switch opens the page in English (at ${page.url()})`);
  await commissionPass(page, base, 'en', { industry: 'Biomedicine' });
  await rankingReportFits(page, base, 'en');
  await demandMapPass(page, base, 'en');
  await providerPagePass(page, base, 'en');
  await context.close();
  check(problems.length === 0, `commission: no external request, console error or CSP violation${problems.length ? ':\n    ' + problems.join('\n    ') : ''}`);
}

e2e.main('e2e_journeys', 200000, async (session) => {
  const browser = await session.launchBrowser();
  await importJourney(session, browser);
  await commissionJourney(session, browser);
  await manufacturerJourney(session, browser);
});
