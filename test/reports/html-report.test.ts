/**
 * The HTML report as a file: self-contained (nothing to fetch), everything from a run
 * escaped, counts that match the run, a diagram and expandable exchanges per case, and
 * evidence links that lead somewhere.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { renderHtml } from '../../src/reports/html/html-report.js';
import { loadExpectedFailures } from '../../src/results/expected-failures.js';
import type { RunResult } from '../../src/results/model.js';
import { EXPECTED_FAILURES, runFixtures } from './run-fixtures.js';

let run: RunResult;
let html: string;

beforeAll(async () => {
  run = await runFixtures(undefined, loadExpectedFailures(EXPECTED_FAILURES));
  html = renderHtml(run);
}, 60_000);

describe('report.html', () => {
  it('needs no network: no external scripts, styles, images, fonts or frames, and a CSP that forbids them', () => {
    expect(html).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">/);
    expect(html).not.toMatch(/<(script|img|iframe|link|object|embed|source|video|audio)\b[^>]*\s(src|href|data)=/i);
    expect(html).not.toMatch(/@import|url\(\s*['"]?https?:/i);
    expect(html).not.toMatch(/<link\b/i);
  });

  it('shows the run summary counts', () => {
    const count = (k: string) => Number(new RegExp(`data-count="${k}">(\\d+)<`).exec(html)?.[1]);
    expect(count('total')).toBe(run.summary.total);
    expect(count('passed')).toBe(run.summary.passed);
    expect(count('failed')).toBe(run.summary.failed);
    expect(count('expected-failure')).toBe(run.summary.expectedFailures);
    expect(count('skipped')).toBe(run.summary.skipped);
  });

  it('has one collapsible section per case with its diagnoses, steps, diagram and exchanges', () => {
    for (const c of run.cases) {
      const start = html.indexOf(`data-id="${c.id}"`);
      expect(start).toBeGreaterThan(0);
      const next = html.indexOf('<details class="case"', start);
      const section = html.slice(start, next > 0 ? next : html.indexOf('<footer>', start));
      expect(section).toContain(`data-verdict="${c.verdict}"`);
      for (const d of c.diagnoses) expect(section).toContain(`data-diagnosis="${d.id}"`);
      expect(section).toContain('<svg class="seq"');
      for (const e of c.exchanges) expect(section).toMatch(new RegExp(`<details class="ex[^"]*" id="c\\d+-ex-${e.seq}"`));
    }
  });

  it('links every piece of evidence and every diagram arrow to an exchange that exists', () => {
    const ids = new Set([...html.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]));
    const links = [...html.matchAll(/href="#([^"]+)"/g)].map((m) => m[1]!);
    expect(links.length).toBeGreaterThan(10);
    for (const l of links) expect(ids.has(l), l).toBe(true);
  });

  it('escapes everything that comes from a run', () => {
    const evil = '<img src=x onerror=alert(1)>"\'&';
    const c = run.cases[0]!;
    const e = c.exchanges[0]!;
    const page = renderHtml({
      ...run,
      cases: [
        {
          ...c,
          id: evil,
          title: evil,
          target: evil,
          message: evil,
          steps: [{ name: evil, passed: false, detail: evil, expectations: [{ path: evil, passed: false, message: evil }] }],
          diagnoses: [{ id: evil, level: 'error', title: evil, cause: evil, fix: [evil], evidence: [e.seq] }],
          exchanges: [{ ...e, step: evil, endpoint: evil, request: { ...e.request, url: `https://x.test/${evil}`, headers: { [evil]: evil }, body: evil }, response: { ...e.response, headers: { 'content-type': 'text/html', evil }, body: `<script>alert(1)</script>${evil}` } }],
          warnings: [{ code: evil, message: evil }],
        },
      ],
    });
    expect(page).not.toContain('<img src=x');
    expect(page).not.toContain('<script>alert(1)');
    expect(page.match(/<script>/g)?.length).toBe(1);
    expect(page).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  it('shows redaction markers as fingerprints', () => {
    expect(html).toMatch(/<span class="redacted" title="secret removed; fingerprint [0-9a-f]{8}">•••[0-9a-f]{8}<\/span>/);
    expect(html).not.toMatch(/\[redacted:[0-9a-f]{8}\]/);
  });
});

describe('report.html: what a reader sees first', () => {
  const listed = (page: string) => [...page.matchAll(/<details class="case" id="c\d+" data-id="([^"]+)" data-verdict="([a-z-]+)"/g)].map((m) => `${m[2]} ${m[1]}`);

  it('lists failures first, then expected failures, then passed cases, each in run order', () => {
    expect(run.cases.map((c) => c.verdict)).not.toEqual([...run.cases.map((c) => c.verdict)].sort());
    expect(listed(html)).toEqual(['failed body-credentials-expected-to-work', 'failed expired-token-not-refreshed', 'expected-failure wrong-secret-listed', 'passed google-without-offline']);
  });

  it('draws no error chip or error card on a passing case: its error-level diagnosis is the one the scenario expects', () => {
    const failing = run.cases.find((c) => c.verdict === 'failed' && c.diagnoses.some((d) => d.level === 'error'))!;
    const passing = { ...failing, id: 'now-passing', verdict: 'passed' as const };
    const page = renderHtml({ ...run, cases: [failing, passing] });
    const section = (id: string) => {
      const start = page.indexOf(`data-id="${id}"`);
      const next = page.indexOf('<details class="case"', start);
      return page.slice(start, next > 0 ? next : page.indexOf('<footer>'));
    };
    expect(section(failing.id)).toMatch(/<span class="dchip error">/);
    expect(section(failing.id)).toMatch(/<section class="diag error"/);
    expect(section('now-passing')).not.toMatch(/dchip error|diag error/);
    expect(section('now-passing')).toMatch(/<span class="dchip expected" title="diagnosed as the scenario expects">/);
    expect(section('now-passing')).toMatch(/<section class="diag expected"[^>]*><h4><span class="lvl">diagnosis, as expected<\/span>/);
  });
});
