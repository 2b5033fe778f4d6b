#!/usr/bin/env node
// The questionnaire workbook taken offline and back (issue #15, docs/
// workbook.md "In the web app") in a real headless browser, on the demo data
// (`serve --demo`): the demo consultant downloads the workbook of the open
// draft from the questionnaire page, an answer is then changed on the web,
// the workbook is filled in with another writer (openpyxl,
// tests/data/workbook/fill_workbook.py: two new answers, one changed, one
// the web changed since), uploaded from the import page; the preview counts
// them, shows option labels (no ids, no English on the zh page) and fits a
// 390 px screen; the conflict is taken from the workbook, the changes are
// applied (from the English preview), and the questionnaire shows them. A
// workbook with an invalid cell is refused with the cell named and nothing
// saved.
//
// usage: node tests/e2e/workbook_e2e.js BINARY [SOURCE_DIR]
// Exits 77 (CTest's SKIP_RETURN_CODE) when playwright-core, chromium or
// python3-openpyxl is missing; `bash scripts/setup-web-checks.sh` installs
// the first two.
'use strict';

const fs = require('fs');
const path = require('path');
const { execFileSync } = require('child_process');
const e2e = require('./e2e_support');

const { check, must, newContext, signIn, visibleText, textProblems, overflow } = e2e;
e2e.setup('e2e_workbook', 'workbook_e2e.js');

const DEMO_PASSWORD = 'demo-workbook-pw-2026';
const text = (page) => page.evaluate(() => document.body.innerText);

try {
  execFileSync('/usr/bin/python3', ['-c', 'import openpyxl'], { stdio: 'ignore' });
} catch (e) {
  console.log('e2e_workbook: skipped: python3-openpyxl is not installed');
  process.exit(77);
}

/// `form` filled with `rows` ([id, value, evidence, note]) into `out`.
function fill(form, rows, out, dir) {
  const tsv = path.join(dir, `${path.basename(out)}.tsv`);
  const esc = (s) => String(s || '').replace(/\n/g, '\\n');
  fs.writeFileSync(tsv, rows.map((r) => ['answer', r[0], esc(r[1]), esc(r[2]), esc(r[3])].join('\t')).join('\n') + '\n');
  execFileSync('/usr/bin/python3', [path.join(e2e.env.sourceDir, 'tests/data/workbook/fill_workbook.py'), form, tsv, out, 'shared']);
}

async function json(page, method, url, body, csrf) {
  const r = await page.request.fetch(url, {
    method, headers: body ? { 'Content-Type': 'application/json', 'X-CSRF-Token': csrf } : {},
    data: body ? JSON.stringify(body) : undefined,
  });
  must(r.ok(), `${method} ${url} answers ${r.status()}: ${(await r.text()).slice(0, 300)}`);
  return r.json();
}

/// Uploads `file` from the import page; returns the response's status.
async function upload(page, q, file) {
  await page.goto(`${q}/import#workbook`);
  await page.locator('#workbook-file').setInputFiles(file);
  const [res] = await Promise.all([page.waitForNavigation(), page.locator('#workbook button[type=submit]').click()]);
  return res.status();
}

async function fits(page, where, shots) {
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    const over = await overflow(page);
    check(over <= 0, `${where}: nothing wider than a ${width} px screen (${over} px over)`);
    if (shots) await page.screenshot({ path: path.join(shots, `${where.replace(/\W+/g, '-')}-${width}.png`), fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

e2e.main('e2e_workbook', 240000, async (session) => {
  const server = await session.startServer(session.tempDir('fa-workbook-'), {
    args: ['--demo', '--quiet', '--examples', path.join(e2e.env.sourceDir, 'examples')],
    env: { FA_DEMO_PASSWORD: DEMO_PASSWORD },
    timeoutMs: 120000,
  });
  const base = server.url;
  const dir = session.tempDir('fa-workbook-files-');
  const shots = process.env.FA_SCREENSHOT_DIR || '';
  if (shots) fs.mkdirSync(shots, { recursive: true });
  const browser = await session.launchBrowser();
  const problems = [];
  const { context, page } = await newContext(browser, base, problems, { acceptDownloads: true });
  await signIn(page, base, 'demo-consultant', DEMO_PASSWORD);
  const me = await json(page, 'GET', `${base}/api/me`);
  const draft = (await json(page, 'GET', `${base}/api/assessments`)).assessments.find((a) => a.status === 'draft');
  must(draft, 'the demo consultant has an open draft');
  const q = `${base}/assessments/${draft.id}`;

  console.log('workbook: downloaded from the questionnaire page');
  await page.goto(`${q}?lang=zh`);
  check(await page.locator(`a[href="/assessments/${draft.id}/import#workbook"]`).count() === 1,
    'the questionnaire links the workbook upload beside the download');
  const [download] = await Promise.all([page.waitForEvent('download'),
    page.locator(`a[href="/assessments/${draft.id}/workbook.xlsx"]`).click()]);
  const form = path.join(dir, 'form.xlsx');
  await download.saveAs(form);
  check(fs.readFileSync(form).subarray(0, 2).toString() === 'PK', 'the download is an XLSX workbook');

  // Changed on the web after the download.
  const saved = (await json(page, 'GET', `${base}/api/assessments/${draft.id}/answers`)).answers;
  const of = (id) => saved.find((a) => a.criterion === id);
  const plan = of('org.l2.plan_tracking');
  const team = of('org.l2.dedicated_team');
  must(plan && team && !of('skills.l2.it_staff') && !of('data.l2.collection_plan'), 'the draft answers as the demo file does');
  await json(page, 'PUT', `${base}/api/assessments/${draft.id}/answers/org.l2.plan_tracking`,
    { value: 1, evidence: plan.evidence, note: plan.note, version: plan.version }, me.csrf);

  // Filled in offline with another writer.
  const filled = path.join(dir, 'filled.xlsx');
  fill(form, [
    ['skills.l2.it_staff', '0.5', '信息化专员 1 名（兼职）', ''],
    ['data.l2.collection_plan', '1', '《数据采集清单》2027 版', ''],
    ['org.l2.dedicated_team', team.value === 1 ? '0.8' : '1', team.evidence, team.note],
    ['org.l2.plan_tracking', '0.5', plan.evidence, plan.note],
  ], filled, dir);

  console.log('workbook: an invalid cell refuses the whole upload');
  const bad = path.join(dir, 'bad.xlsx');
  fill(form, [['skills.l2.it_staff', '0.7', '', ''], ['data.l2.collection_plan', '1', '', '']], bad, dir);
  const version = (await json(page, 'GET', `${base}/api/assessments/${draft.id}`)).version;
  check(await upload(page, q, bad) === 400, 'the invalid workbook is refused (400)');
  const refused = await text(page);
  check(refused.includes('未保存任何答案') && /![A-Z]+\d+：/.test(refused),
    `the problem is named at its cell, nothing saved (${refused.slice(0, 300).replace(/\n/g, ' | ')})`);
  check((await json(page, 'GET', `${base}/api/assessments/${draft.id}`)).version === version, 'nothing was saved');
  e2e.forgive(problems, /status of 400/);

  console.log('workbook: the preview, in Chinese');
  check(await upload(page, q, filled) === 200, 'the filled workbook previews (200)');
  const preview = await text(page);
  check(preview.includes('新增 2 项，修改 1 项，冲突 1 项'), `the preview counts 2 new, 1 changed, 1 conflict (${preview.slice(0, 400).replace(/\n/g, ' | ')})`);
  check(preview.includes('部分满足') && preview.includes('全部满足'), 'values are shown by their labels');
  const zh = textProblems(await visibleText(page), 'zh');
  check(zh.length === 0, `the preview shows no internal id or English (${zh.join('; ')})`);
  check(await page.locator('input[type=radio][value=web]:checked').count() === 1, 'the conflict keeps the web answer by default');
  await fits(page, 'upload preview zh', shots);
  check((await json(page, 'GET', `${base}/api/assessments/${draft.id}`)).version === version, 'the preview saved nothing');

  console.log('workbook: the preview in English');
  await page.goto(`${q}/import?lang=en`);
  check(await upload(page, q, filled) === 200, 'the same workbook previews again in English (200)');
  const en = await text(page);
  check(en.includes('2 new, 1 changed, 1 in conflict, 9 unchanged.') && en.includes('partly met'), `the English preview counts (${en.slice(0, 300).replace(/\n/g, ' | ')})`);
  const names = ['上海华亭某针织服饰有限公司', await page.locator('.who-name').innerText()];
  const enProblems = textProblems(await visibleText(page), 'en', names);
  check(enProblems.length === 0, `the English preview has no Chinese but the names people gave (${enProblems.join('; ')})`);
  await fits(page, 'upload preview en', shots);
  console.log('workbook: applied, the conflict taken from the workbook');
  await page.locator('input[type=radio][value=workbook]').check();
  const [applied] = await Promise.all([page.waitForNavigation(), page.locator('form[action$="/import-workbook/apply"] button[type=submit]').click()]);
  check(applied.status() === 200 && new URL(page.url()).pathname === `/assessments/${draft.id}`,
    `the apply opens the questionnaire (${applied.status()} ${page.url()})`);
  const after = (await json(page, 'GET', `${base}/api/assessments/${draft.id}/answers`)).answers;
  const now = (id) => (after.find((a) => a.criterion === id) || {}).value;
  check(now('skills.l2.it_staff') === 0.5 && now('data.l2.collection_plan') === 1 && now('org.l2.plan_tracking') === 0.5 &&
    now('org.l2.dedicated_team') === (team.value === 1 ? 0.8 : 1), 'the four answers are saved as the workbook gives them');
  check((await text(page)).includes('4 answers saved from the Excel workbook.'), 'the questionnaire says how many answers the workbook saved');
  const item = page.locator('fieldset[data-criterion="skills.l2.it_staff"]');
  check(await item.locator('input[type=radio][value="0.5"]').isChecked() &&
    await item.locator('textarea.q-evidence').inputValue() === '信息化专员 1 名（兼职）',
    'the questionnaire shows the applied answer and its evidence');
  const conflict = page.locator('fieldset[data-criterion="org.l2.plan_tracking"] input[type=radio][value="0.5"]');
  check(await conflict.isChecked(), 'the conflict taken from the workbook shows on the questionnaire');

  await page.goto(`${q}?lang=zh`);
  await context.close();
  check(problems.length === 0, `no external request, console error or CSP violation${problems.length ? ':\n    ' + problems.join('\n    ') : ''}`);
});
