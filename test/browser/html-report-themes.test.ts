/**
 * report.html in chromium, in light and in dark mode, on the whole built-in catalog plus
 * the failing report fixtures: failures are listed first, the collapsed page is a short
 * line per case, no diagram label is cut inside a path segment, the expected discovery 404
 * is drawn apart from a real error, evidence links are readable (WCAG contrast ≥ 4.5 on
 * their background), and a passing case carries no red diagnosis chip. Screenshots of each
 * mode are saved under reports/ (html-report-light.png, html-report-dark.png and the
 * expanded failing case, …-case.png).
 *
 * Needs /usr/bin/chromium; skipped with one line without it, failing under CI.
 */
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeReports } from '../../src/reports/write-reports.js';
import { loadExpectedFailures } from '../../src/results/expected-failures.js';
import type { RunResult } from '../../src/results/model.js';
import { catalogDir } from '../../src/runner/select-scenarios.js';
import { EXPECTED_FAILURES, FIXTURES, runFixtures } from '../reports/run-fixtures.js';
import { CHROMIUM, needs } from '../support/system-requirements.js';

const machine = needs('report.html themes in chromium', ['chromium']);
const FAILING = 'body-credentials-expected-to-work';

describe.runIf(machine.ok)('report.html in chromium, light and dark', () => {
  let browser: Browser;
  let run: RunResult;
  let file: string;

  beforeAll(async () => {
    run = await runFixtures([FIXTURES, catalogDir()], loadExpectedFailures(EXPECTED_FAILURES));
    const dir = mkdtempSync(join(tmpdir(), 'html-themes-'));
    writeReports(run, ['html'], dir);
    file = pathToFileURL(join(dir, 'report.html')).toString();
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
    mkdirSync('reports', { recursive: true });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
  });

  const open = async (scheme: 'light' | 'dark'): Promise<Page> => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, colorScheme: scheme });
    await page.route('**/*', (route) => (route.request().url().startsWith('file:') ? route.continue() : route.abort()));
    await page.goto(file);
    return page;
  };

  describe.each(['light', 'dark'] as const)('%s', (scheme) => {
    let page: Page;
    beforeAll(async () => {
      page = await open(scheme);
    }, 60_000);
    afterAll(async () => {
      await page?.close();
    });

    it('lists the failures first', async () => {
      const verdicts = await page.locator('details.case').evaluateAll((els) => els.map((e) => e.getAttribute('data-verdict')));
      const failures = run.cases.filter((c) => c.verdict === 'failed').length;
      expect(failures).toBeGreaterThan(0);
      expect(verdicts.slice(0, failures)).toEqual(Array(failures).fill('failed'));
      expect(verdicts.indexOf('passed')).toBeGreaterThan(verdicts.lastIndexOf('expected-failure'));
    });

    it('is a short line per case when collapsed, and saves a screenshot', async () => {
      const heights = await page.locator('details.case').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().height));
      expect(heights.length).toBe(run.cases.length);
      expect(Math.max(...heights)).toBeLessThanOrEqual(40);
      const page_ = await page.evaluate(() => document.documentElement.scrollHeight);
      expect(page_).toBeLessThan(400 + heights.length * 42);
      await page.screenshot({ path: `reports/html-report-${scheme}.png`, clip: { x: 0, y: 0, width: 1280, height: 1400 } });
    });

    it('colours no diagnosis chip of a passing case as an error', async () => {
      const fail = await page.locator(`details.case[data-id="${FAILING}"] .dchip.error`).first().evaluate((e) => getComputedStyle(e).color);
      const chips = await page.locator('details.case[data-verdict="passed"] .dchip').evaluateAll((els) => els.map((e) => ({ cls: e.className, color: getComputedStyle(e).color })));
      expect(chips.length).toBeGreaterThan(20);
      expect(chips.filter((c) => c.color === fail || /\berror\b/.test(c.cls))).toEqual([]);
    });

    it('opens the failing case: labels cut only at segments, the discovery 404 apart from the 401, evidence links readable', async () => {
      const section = page.locator(`details.case[data-id="${FAILING}"]`);
      await section.locator(':scope > summary').click();
      const arrows = await section.locator('.seq-msg').evaluateAll((els) =>
        els.map((g) => ({ cls: g.getAttribute('class')!, title: g.querySelector('title')!.textContent!, label: g.querySelector('.seq-label')!.textContent!, stroke: getComputedStyle(g.querySelector('line')!).stroke, dash: getComputedStyle(g.querySelector('line')!).strokeDasharray })),
      );
      for (const a of arrows.filter((x) => x.label.includes('…'))) {
        const path = new URL(a.title.split(' ')[2]!).pathname;
        expect(a.label, a.title).toMatch(/^[A-Z]+ …\//);
        expect(path.endsWith(a.label.replace(/^[A-Z]+ …/, ''))).toBe(true);
      }
      const probe = arrows.find((a) => /seq-probe/.test(a.cls))!;
      const error = arrows.find((a) => /seq-error/.test(a.cls))!;
      expect(probe.title).toMatch(/^#1 HTTP 404: no metadata at this URL/);
      expect(error.title).toMatch(/HTTP 401: 401 invalid_client/);
      expect(probe.stroke).not.toBe(error.stroke);
      expect(probe.dash).not.toBe(error.dash);
      const link = section.locator('.diag .ev a').first();
      const contrast = await link.evaluate((a) => {
        const rgb = (c: string) => c.match(/[\d.]+/g)!.slice(0, 3).map(Number);
        const lum = (c: string) => {
          const [r, g, b] = rgb(c).map((v) => {
            const s = v / 255;
            return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
          });
          return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
        };
        let bg = 'rgba(0, 0, 0, 0)';
        for (let e: Element | null = a; e && /rgba\(.*, 0\)|transparent/.test(bg); e = e.parentElement) bg = getComputedStyle(e).backgroundColor;
        const [l1, l2] = [lum(getComputedStyle(a).color), lum(bg)].sort((x, y) => y - x);
        return (l1! + 0.05) / (l2! + 0.05);
      });
      expect(contrast).toBeGreaterThanOrEqual(4.5);
      await section.screenshot({ path: `reports/html-report-${scheme}-case.png` });
    });
  });
});
