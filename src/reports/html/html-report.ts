/**
 * The single-file HTML report (`report.html`): summary counts, a filterable list of
 * cases and, per case, its diagnoses with their fixes, its steps, a sequence diagram of
 * the HTTP exchange, and every request and response, expandable. Everything is inline
 * (no network needed to open it) and everything that came from a run is escaped.
 */
import escapeHtml from 'escape-html';
import type { CaseResult, DiagnosisResult, Exchange, RunResult } from '../../results/model.js';
import { SCRIPT, STYLE } from './html-assets.js';
import { advisory, isFailure } from '../summary.js';
import { discoveryFallbacks, renderSequenceDiagram } from './sequence-diagram.js';

const VERDICT_TEXT: Record<CaseResult['verdict'], string> = {
  passed: 'passed',
  failed: 'failed',
  skipped: 'skipped',
  inconclusive: 'not tested',
  'expected-failure': 'expected failure',
  fixed: 'fixed?',
};

/** Escapes, then shows redaction markers as chips (same fingerprint = same secret). */
function text(s: string): string {
  return escapeHtml(s).replace(/\[redacted:([0-9a-f]{8})\]/g, '<span class="redacted" title="secret removed; fingerprint $1">•••$1</span>');
}

function prettyBody(body: string | undefined, headers: Record<string, string>): string {
  if (!body) return '';
  const type = Object.entries(headers).find(([k]) => k.toLowerCase() === 'content-type')?.[1] ?? '';
  if (/json/.test(type) || /^\s*[{[]/.test(body)) {
    try {
      return JSON.stringify(JSON.parse(body), null, 2);
    } catch {
      /* not JSON after all */
    }
  }
  if (/x-www-form-urlencoded/.test(type) || (!/html/.test(type) && /^[\w.%-]+=[^\s]*$/.test(body))) {
    try {
      return [...new URLSearchParams(body)].map(([k, v]) => `${k}=${v}`).join('\n');
    } catch {
      /* keep raw */
    }
  }
  return body.length > 6000 ? `${body.slice(0, 6000)}\n… (${body.length - 6000} more characters)` : body;
}

function messageBlock(title: string, startLine: string, headers: Record<string, string>, body: string | undefined): string {
  const lines = Object.entries(headers).map(([k, v]) => `<span class="hname">${escapeHtml(k)}:</span> ${text(v)}`);
  const pretty = prettyBody(body, headers);
  return `<div><h5>${escapeHtml(title)}</h5><pre>${text(startLine)}${lines.length ? `\n${lines.join('\n')}` : ''}${pretty ? `\n\n${text(pretty)}` : ''}</pre></div>`;
}

function exchangeDetails(e: Exchange, prefix: string, hot: boolean, probe: boolean): string {
  let path = e.request.url;
  try {
    const u = new URL(e.request.url);
    path = `${u.pathname}${u.search}`;
  } catch {
    /* keep the raw URL */
  }
  const s = Math.floor(e.response.status / 100);
  const where = [e.endpoint, e.step].filter(Boolean).join(' · ');
  return `<details class="ex${hot ? ' hot' : ''}" id="${escapeHtml(prefix)}-ex-${e.seq}"><summary><span>#${e.seq}</span><span class="who">${escapeHtml(e.from)} → ${escapeHtml(e.to)}</span><span class="u" title="${escapeHtml(path)}">${escapeHtml(e.request.method)} ${text(path.length > 160 ? `${path.slice(0, 159)}…` : path)}</span><span class="st s${s}${probe ? ' probe' : ''}"${probe ? ' title="expected: no metadata here, read from the next discovery URL"' : ''}>${e.response.status}</span>${where ? `<span class="ep">${escapeHtml(where)}</span>` : ''}</summary>
<div class="msg">${messageBlock('Request', `${e.request.method} ${e.request.url}`, e.request.headers, e.request.body)}${messageBlock('Response', `HTTP ${e.response.status}`, e.response.headers, e.response.body)}</div></details>`;
}

/**
 * A diagnosis card. On a passing case an error-level diagnosis is what the scenario set
 * out to show (it expects the failure), so it is drawn as expected, not as an error.
 */
function diagnosisCard(d: DiagnosisResult, prefix: string, expected = false): string {
  const ev = d.evidence?.length ? `<div class="ev">Evidence: ${d.evidence.map((n) => `<a href="#${escapeHtml(prefix)}-ex-${n}">#${n}</a>`).join(', ')}${d.specRef ? ` · ${escapeHtml(d.specRef)}` : ''}</div>` : d.specRef ? `<div class="ev">${escapeHtml(d.specRef)}</div>` : '';
  return `<section class="diag ${expected ? 'expected' : d.level}" data-diagnosis="${escapeHtml(d.id)}"><h4><span class="lvl">${expected ? 'diagnosis, as expected' : d.level === 'error' ? 'diagnosis' : 'warning'}</span>${text(d.title)}<span class="did">${escapeHtml(d.id)}</span></h4><p>${text(d.cause)}</p><ol>${d.fix.map((f) => `<li>${text(f)}</li>`).join('')}</ol>${ev}</section>`;
}

function stepsTable(c: CaseResult): string {
  if (!c.steps.length) return '<p class="empty">No steps ran.</p>';
  const rows = c.steps.map((s) => {
    const items = s.expectations.map((x) => `<li class="${x.passed ? 'ok' : 'ko'}">${x.passed ? '✓' : '✗'} <code>${escapeHtml(x.path)}</code> ${text(x.message)}</li>`).join('');
    return `<tr><td class="${s.passed ? 'ok' : 'ko'}">${s.passed ? '✓' : '✗'}</td><td><div class="sname">${text(s.name)}</div>${s.detail ? `<div class="sdetail">${text(s.detail)}</div>` : ''}${items ? `<ul>${items}</ul>` : ''}</td></tr>`;
  });
  return `<table class="steps">${rows.join('')}</table>`;
}

const MAX_EXCHANGES = 300;

function caseSection(c: CaseResult, i: number): string {
  const prefix = `c${i}`;
  const hot = new Set(c.diagnoses.flatMap((d) => d.evidence ?? []));
  const search = [c.id, c.title, c.target, c.client, c.verdict, c.file, c.message, ...c.diagnoses.map((d) => `${d.id} ${d.title}`)].filter(Boolean).join(' ').toLowerCase();
  const expected = (d: DiagnosisResult) => c.verdict === 'passed' && d.level === 'error';
  const chips = c.diagnoses.map((d) => `<span class="dchip ${expected(d) ? 'expected' : d.level}"${expected(d) ? ' title="diagnosed as the scenario expects"' : ''}>${escapeHtml(d.id)}</span>`).join('');
  const failed = c.steps.flatMap((s) => s.expectations.filter((x) => !x.passed));
  const firstFailure = failed[0] ? `${failed[0].path}: ${failed[0].message}` : c.verdict === 'failed' || c.verdict === 'fixed' ? c.message : undefined;
  const meta: [string, string | undefined][] = [
    ['Target', c.target],
    ['Client', c.client],
    ['File', c.file],
    ['Spec', c.specRef],
    ['Not tested', c.verdict === 'inconclusive' ? c.message : undefined],
    ['Expected failure', c.expectedFailureReason],
    ['Duration', `${c.durationMs} ms`],
  ];
  const probes = discoveryFallbacks(c.exchanges);
  const ex = c.exchanges.slice(0, MAX_EXCHANGES).map((e) => exchangeDetails(e, prefix, hot.has(e.seq), probes.has(e.seq))).join('\n');
  const more = c.exchanges.length > MAX_EXCHANGES ? `<p class="empty">… ${c.exchanges.length - MAX_EXCHANGES} more exchanges are in results.json.</p>` : '';
  const diagram = renderSequenceDiagram(c.exchanges, { idPrefix: prefix, highlight: hot });
  const warnings = c.warnings?.length ? `<h3>Client warnings</h3><ul class="warnlist">${c.warnings.map((w) => `<li><code>${escapeHtml(w.code)}</code> ${text(w.message)}</li>`).join('')}</ul>` : '';
  return `<details class="case" id="${prefix}" data-id="${escapeHtml(c.id)}" data-verdict="${c.verdict}"${c.diagnoses.length ? ' data-diagnosed=""' : ''} data-search="${escapeHtml(search)}">
<summary><span class="verdict ${c.verdict}">${VERDICT_TEXT[c.verdict]}</span><span class="case-id">${escapeHtml(c.id)}</span><span class="case-title">${text(c.title)}</span>${chips ? `<span class="dchips">${chips}</span>` : ''}<span class="case-side">${escapeHtml(c.target)} · ${c.durationMs} ms</span></summary>
<div class="case-body">
<dl class="kv">${meta.filter(([, v]) => v).map(([k, v]) => `<dt>${k}</dt><dd>${text(v!)}</dd>`).join('')}</dl>
${firstFailure ? `<div class="failmsg">${text(firstFailure)}</div>` : ''}
<h3>Diagnoses</h3>${c.diagnoses.length ? c.diagnoses.map((d) => diagnosisCard(d, prefix, expected(d))).join('') : '<p class="empty">No diagnosis.</p>'}
<h3>Steps</h3>${stepsTable(c)}
${warnings}
<h3>Sequence diagram</h3>${diagram ? `<div class="diagram">${diagram}</div>` : '<p class="empty">No HTTP exchange was recorded.</p>'}
<h3>Exchanges</h3>${ex || '<p class="empty">None.</p>'}${more}
</div></details>`;
}

function countButton(kind: string, n: number, label: string, filter: string): string {
  return `<button type="button" class="count ${kind}" data-filter="${filter}"><span class="n" data-count="${kind}">${n}</span><span class="l">${label}</span></button>`;
}

/**
 * The order cases are listed in: failures first (failed, fixed), then SHOULD/MAY findings,
 * expected failures and any other verdict, then passed, then skipped; run order within each.
 */
export function reportOrder(cases: readonly CaseResult[]): CaseResult[] {
  const rank = (c: CaseResult) => (isFailure(c) ? 0 : advisory(c) ? 1 : c.verdict === 'passed' ? 3 : c.verdict === 'skipped' ? 4 : 2);
  return [...cases].sort((a, b) => rank(a) - rank(b));
}

/** Renders a run as one self-contained HTML page. */
export function renderHtml(run: RunResult): string {
  const s = run.summary;
  const diagnosed = run.cases.filter((c) => c.diagnoses.length).length;
  const title = `oauth-harness ${run.command}: ${s.failed ? `${s.failed} failed` : 'all passed'}`;
  const counts = [
    countButton('total', s.total, 'total', 'all'),
    countButton('passed', s.passed, 'passed', 'passed'),
    countButton('failed', s.failed, 'failed', 'failed'),
    countButton('expected-failure', s.expectedFailures, 'expected failures', 'expected-failure'),
    countButton('skipped', s.skipped, 'skipped', 'skipped'),
    ...(s.inconclusive ? [countButton('inconclusive', s.inconclusive, 'not tested (inconclusive)', 'inconclusive')] : []),
    ...(s.fixed ? [countButton('fixed', s.fixed, 'fixed (still listed)', 'fixed')] : []),
    countButton('warnings', diagnosed, 'with diagnoses', 'diagnosed'),
  ].join('');
  const chips = [
    ['all', 'All'],
    ['failed', 'Failed'],
    ['passed', 'Passed'],
    ['expected-failure', 'Expected failures'],
    ['skipped', 'Skipped'],
    ...(s.inconclusive ? [['inconclusive', 'Not tested']] : []),
    ['diagnosed', 'With diagnoses'],
  ].map(([f, l]) => `<button type="button" class="chip" data-filter="${f}" aria-pressed="${f === 'all'}">${l}</button>`).join('');
  const started = run.startedAt.replace('T', ' ').replace(/\.\d+Z$/, ' UTC');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
<title>${escapeHtml(title)}</title><style>${STYLE}</style></head>
<body>
<header class="top"><h1>${escapeHtml(title)}</h1><div class="meta">${escapeHtml(`${run.tool} ${run.command} · started ${started} · ${(run.durationMs / 1000).toFixed(1)} s${run.seed !== undefined ? ` · seed ${run.seed}` : ''} · results schema v${run.schemaVersion}`)}</div></header>
<main>
<section class="summary" aria-label="Summary">${counts}</section>
<div class="bar"><input id="q" type="search" placeholder="Filter by id, title, target or diagnosis…" aria-label="Filter cases"><div class="chips" role="group" aria-label="Verdict">${chips}</div><button type="button" class="plain" id="expand">expand all</button><button type="button" class="plain" id="collapse">collapse all</button><span class="shown" id="shown"></span></div>
<section id="cases">
${reportOrder(run.cases).map(caseSection).join('\n')}
</section>
<footer>Secrets (client secrets, tokens, codes, passwords, PKCE verifiers) are replaced by <span class="redacted">•••fingerprint</span>: the same secret always has the same fingerprint.</footer>
</main>
<script>${SCRIPT}</script>
</body></html>
`;
}
