/**
 * The HTML report opened as a user opens it: in Debian's chromium, from a file, offline.
 * Checks the summary counts against results.json, filters, expands a failed scenario,
 * checks its sequence diagram and its diagnosis are visible, follows an evidence link,
 * and saves a screenshot under reports/.
 *
 * Needs /usr/bin/chromium (`apt-get install -y chromium`). Outside CI the suite is skipped
 * with one line when it is missing; under CI (`CI` set) it fails instead (see
 * test/support/system-requirements.ts).
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeReports } from '../../src/reports/write-reports.js';
import { loadExpectedFailures } from '../../src/results/expected-failures.js';
import type { RunResult } from '../../src/results/model.js';
import { EXPECTED_FAILURES, FIXTURES, runFixtures } from '../reports/run-fixtures.js';
import { CHROMIUM, needs } from '../support/system-requirements.js';

const SCREENSHOT = 'reports/html-report.png';
const browser = needs('report.html in chromium', ['chromium']);

describe.runIf(browser.ok)('report.html in chromium', () => {
  let browser: Browser;
  let page: Page;
  let run: RunResult;
  const outside: string[] = [];
  const errors: string[] = [];

  beforeAll(async () => {
    run = await runFixtures([FIXTURES, 'scenarios/diagnoses/diagnosis-scopes-denied-by-user.yaml', 'scenarios/diagnoses/diagnosis-refresh-token-reuse.yaml'], loadExpectedFailures(EXPECTED_FAILURES));
    const dir = mkdtempSync(join(tmpdir(), 'html-report-'));
    writeReports(run, ['json', 'html'], dir);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    // the report must not fetch anything: record and refuse every non-file request
    await page.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith('file:')) return route.continue();
      outside.push(url);
      return route.abort();
    });
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    await page.goto(pathToFileURL(join(dir, 'report.html')).toString());
    // the JSON written next to it is what the page must agree with
    run = JSON.parse(readFileSync(join(dir, 'results.json'), 'utf8')) as RunResult;
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('loads offline, without errors', () => {
    expect(outside).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('shows the summary counts of results.json', async () => {
    const count = async (k: string) => Number(await page.locator(`[data-count="${k}"]`).innerText());
    expect(await count('total')).toBe(run.summary.total);
    expect(await count('passed')).toBe(run.summary.passed);
    expect(await count('failed')).toBe(run.summary.failed);
    expect(await count('expected-failure')).toBe(run.summary.expectedFailures);
    expect(await count('skipped')).toBe(run.summary.skipped);
    expect(await page.locator('details.case').count()).toBe(run.cases.length);
  });

  it('filters the list by verdict and by text', async () => {
    await page.locator('.chip[data-filter="failed"]').click();
    expect(await page.locator('details.case:visible').count()).toBe(run.summary.failed);
    await page.locator('.chip[data-filter="all"]').click();
    await page.locator('#q').fill('refresh-token-reuse');
    expect(await page.locator('details.case:visible').count()).toBe(1);
    await page.locator('#q').fill('');
    expect(await page.locator('details.case:visible').count()).toBe(run.cases.length);
  });

  it('expands a failed scenario and shows its sequence diagram and its diagnosis with the fix', async () => {
    const failed = run.cases.find((c) => c.verdict === 'failed' && c.diagnoses.length)!;
    const section = page.locator(`details.case[data-id="${failed.id}"]`);
    await expect.poll(() => section.locator('.diagram svg').isVisible()).toBe(false);
    await section.locator(':scope > summary').click();
    expect(await section.getAttribute('open')).not.toBeNull();
    const svg = section.locator('.diagram svg.seq');
    expect(await svg.isVisible()).toBe(true);
    const box = await svg.boundingBox();
    expect(box!.width).toBeGreaterThan(300);
    expect(box!.height).toBeGreaterThan(150);
    expect(await svg.locator('.seq-name').allTextContents()).toEqual(expect.arrayContaining(['Client', 'Authorization']));
    expect(await svg.locator('.seq-msg').count()).toBeGreaterThanOrEqual(failed.exchanges.length * 2);
    const d = failed.diagnoses[0]!;
    const card = section.locator(`.diag[data-diagnosis="${d.id}"]`);
    expect(await card.isVisible()).toBe(true);
    expect(await card.locator('h4').innerText()).toContain(d.title);
    expect(await card.locator('p').innerText()).toBe(d.cause);
    expect(await card.locator('ol li').allInnerTexts()).toEqual(d.fix);
  });

  it('follows an evidence link to the exchange, opened', async () => {
    const failed = run.cases.find((c) => c.verdict === 'failed' && c.diagnoses.some((d) => d.evidence?.length))!;
    const section = page.locator(`details.case[data-id="${failed.id}"]`);
    if ((await section.getAttribute('open')) === null) await section.locator(':scope > summary').click();
    const link = section.locator('.diag .ev a').first();
    const target = (await link.getAttribute('href'))!.slice(1);
    await link.click();
    const exchange = page.locator(`[id="${target}"]`);
    await expect.poll(() => exchange.getAttribute('open')).not.toBeNull();
    expect(await exchange.locator('pre').first().isVisible()).toBe(true);
    expect(await exchange.locator('pre').first().innerText()).toMatch(/^(GET|POST) https:\/\//);
  });

  it('saves a screenshot under reports/', async () => {
    await page.evaluate(() => window.scrollTo(0, 0));
    mkdirSync('reports', { recursive: true });
    await page.screenshot({ path: SCREENSHOT, fullPage: true });
    expect(existsSync(resolve(SCREENSHOT))).toBe(true);
  });
});
