/**
 * `docs/requirements.md`, generated from the checks' own metadata (`id`, `level`,
 * `derived`, `specRef`, `mode`, `title`) and the plans: the requirement rows `verify`
 * implements, one check each, plus the manual-only rows no check can decide.
 *
 * The committed file must equal {@link requirementsMarkdown}'s output; rewrite it with
 * `WRITE_REQUIREMENTS_DOC=1 npx vitest run test/verify/requirements-doc.test.ts`.
 *
 * @see https://www.rfc-editor.org/rfc/rfc2119 and https://www.rfc-editor.org/rfc/rfc8174 (BCP 14 keywords behind the levels)
 */
import type { Check, CheckMode, Level } from './check.js';
import { ALL_CHECKS } from './checks/index.js';
import { PLAN_NAMES, planChecks, type PlanName } from './plans.js';
import { FIXTURES } from './requirements.js';

/** The command that rewrites `docs/requirements.md` (printed by the test when the file is stale). */
export const REGENERATE_REQUIREMENTS_DOC = 'WRITE_REQUIREMENTS_DOC=1 npx vitest run test/verify/requirements-doc.test.ts';

/** A requirement row that needs a human (mode M): listed in the doc, never run. */
export interface ManualRequirement {
  id: string;
  specRef: string;
  level: Level;
  mode: CheckMode;
  plans: readonly PlanName[];
  /** What the operator reviews instead of a check, in one or two sentences. */
  review: string;
}

/** The rows of the AS requirements that no black-box check can decide in a test run. */
export const MANUAL_REQUIREMENTS: readonly ManualRequirement[] = [
  {
    id: 'AS-RT-INACTIVITY',
    specRef: 'RFC 9700 §4.14.2',
    level: 'SHOULD',
    mode: 'M',
    plans: ['bcp'],
    review:
      'A refresh token the client has not used for a while stops working. Waiting out an idle timeout does not fit in a test run: look up the idle lifetime the server documents or is configured with.',
  },
  {
    id: 'AS-NAT-PUBLIC-TYPE',
    specRef: 'RFC 8252 §8.4, §8.5',
    level: 'MUST',
    mode: 'M',
    plans: ['bcp'],
    review:
      'Native apps are registered as public clients: a secret shipped inside an app proves nothing about who calls. Review the registrations (native clients use `token_endpoint_auth_method: none`).',
  },
];

/** Sections of the doc, in order: the area segment of the id (`AS-CA-…` → `CA`; every `RS-…` row → `RS`). */
const AREAS: readonly { key: string; heading: string }[] = [
  { key: 'MD', heading: 'Authorization server metadata (RFC 8414)' },
  { key: 'DISC', heading: 'OpenID Connect Discovery 1.0 (OpenID Providers only)' },
  { key: 'CA', heading: 'Client authentication at the token endpoint' },
  { key: 'TOK', heading: 'Token endpoint: requests and error responses' },
  { key: 'TR', heading: 'Successful token responses' },
  { key: 'CC', heading: 'Client credentials grant' },
  { key: 'AZ', heading: 'Authorization endpoint and redirect URIs' },
  { key: 'AC', heading: 'Authorization code exchange' },
  { key: 'PKCE', heading: 'PKCE (RFC 7636, RFC 9700)' },
  { key: 'ISS', heading: 'Issuer in authorization responses (RFC 9207)' },
  { key: 'RT', heading: 'Refresh tokens' },
  { key: 'REV', heading: 'Token revocation (RFC 7009)' },
  { key: 'INT', heading: 'Token introspection (RFC 7662)' },
  { key: 'NAT', heading: 'Native-app redirect URIs (RFC 8252)' },
  { key: 'DCR', heading: 'Dynamic client registration (RFC 7591)' },
  { key: 'SEC', heading: 'Guessability of codes and tokens' },
  { key: 'RS', heading: 'Resource server: bearer token use (RFC 6750)' },
];

const MODES: readonly [string, string][] = [
  ['A', 'automatic: plain HTTP requests with the endpoints and the primary confidential client (F1)'],
  ['UA', 'needs the login driver (`login` in `verify.yaml`) to sign a test user in, consent, and capture the redirect'],
  ['CFG', 'needs an extra fixture (F2–F11) configured in `verify.yaml`'],
  ['T', 'waits for a code or token to expire: needs a short lifetime configured (`lifetimes`)'],
  ['H', 'heuristic: black-box evidence only (entropy, throttling); reported as a warning at most'],
  ['M', 'manual: a human reviews documentation or configuration; there is no check'],
];

function areaOf(id: string): string {
  return id.startsWith('RS-') ? 'RS' : (id.split('-')[1] ?? '');
}

const cell = (s: string) => s.replace(/\|/g, '\\|');
const levelCell = (level: Level, derived?: boolean) => `${level}${derived ? '*' : ''}`;
const HEADER = ['| id | level | spec reference | mode | plans | requirement |', '| --- | --- | --- | --- | --- | --- |'];

/**
 * The markdown of `docs/requirements.md` for `checks` (default: every check, in plan
 * order, grouped by area). Pure: same checks, same text. Throws when a check's id names
 * an area the doc has no section for.
 */
export function requirementsMarkdown(checks: readonly Check[] = ALL_CHECKS): string {
  const plansOf = new Map<string, PlanName[]>();
  for (const plan of PLAN_NAMES) for (const c of planChecks(plan)) plansOf.set(c.id, [...(plansOf.get(c.id) ?? []), plan]);
  const known = new Set(AREAS.map((a) => a.key));
  const strays = checks.filter((c) => !known.has(areaOf(c.id))).map((c) => c.id);
  if (strays.length) throw new Error(`requirements doc: no section for the area of ${strays.join(', ')} (add it to AREAS in src/verify/requirements-doc.ts)`);

  const levels: Level[] = ['MUST', 'SHOULD', 'MAY', 'INFO'];
  const count = (level: Level, derived?: boolean) => checks.filter((c) => c.level === level && (derived === undefined || !!c.derived === derived)).length;
  const core = checks.filter((c) => plansOf.get(c.id)?.includes('rfc6749')).length;

  const lines = [
    '# Requirements checked by `verify`',
    '',
    'Generated from the checks\' metadata (`src/verify/checks/**`) by `src/verify/requirements-doc.ts`:',
    'do not edit by hand. After changing a check, rewrite this file with',
    `\`${REGENERATE_REQUIREMENTS_DOC}\` (the same test, run`,
    'without the variable, fails while the file is stale).',
    '',
    'Each row is one testable requirement of the OAuth 2.0 family that binds an authorization',
    'server (`AS-…`), the discovery document of an OpenID Provider (`OP-…`) or a resource server',
    '(`RS-…`). `oauth-harness verify` runs one check per row; each result carries the row\'s id',
    'and spec reference. The requirement column says, in one sentence, what the server must do.',
    '',
    '**Levels.** MUST stands for MUST, MUST NOT and REQUIRED; SHOULD for SHOULD, SHOULD NOT,',
    'RECOMMENDED and NOT RECOMMENDED; MAY for MAY and OPTIONAL; INFO rows carry no BCP 14 keyword',
    '(informational text or lower-case guidance). A `*` marks a derived row: the obligation follows',
    'from an error-code definition, ABNF, a default value or a passive sentence rather than from a',
    'keyword addressed to the server. Severity is the runner\'s: MUST → fail, SHOULD → warning,',
    'MAY and INFO → info; a heuristic (H) row never exceeds a warning.',
    '',
    '**Plans.** `rfc6749` covers RFC 6749, 6750, 7009, 7636, 7662, 8414, 7591 and OpenID Connect',
    'Discovery; `bcp` adds the rows that RFC 9700 (security BCP), RFC 9207 (`iss`) and RFC 8252',
    '(native apps) impose. `verify --plan NAME` runs the rows listing that plan.',
    '',
    '**Mode** (what a row needs to run; `UA+CFG` needs both):',
    '',
    '| mode | meaning |',
    '| --- | --- |',
    ...MODES.map(([m, meaning]) => `| ${m} | ${meaning} |`),
    '',
    '**Fixtures** (`verify.yaml`; a row whose fixture is missing is skipped with the reason):',
    '',
    '| fixture | what | key |',
    '| --- | --- | --- |',
    '| F1 | primary confidential client with a secret (the only one mode A needs) | `client` |',
    ...Object.entries(FIXTURES).map(([id, f]) => `| ${id} | ${f.name} | \`${f.key}\` |`),
    '',
    '## Counts',
    '',
    '| level | checks | of which derived (`*`) |',
    '| --- | --- | --- |',
    ...levels.map((l) => `| ${l} | ${count(l)} | ${count(l, true)} |`),
    `| all | ${checks.length} | ${checks.filter((c) => c.derived).length} |`,
    '',
    `\`rfc6749\` runs ${core} of them, \`bcp\` all ${checks.length}. ${MANUAL_REQUIREMENTS.length} more rows are manual-only (last section).`,
  ];

  for (const area of AREAS) {
    const rows = checks.filter((c) => areaOf(c.id) === area.key);
    if (!rows.length) continue;
    lines.push('', `## ${area.heading}`, '', ...HEADER);
    for (const c of rows) {
      lines.push(`| ${c.id} | ${levelCell(c.level, c.derived)} | ${cell(c.specRef)} | ${c.mode} | ${(plansOf.get(c.id) ?? []).join(', ')} | ${cell(c.title)} |`);
    }
  }

  lines.push(
    '',
    '## Manual-only requirements',
    '',
    'These rows have no automatic check: a black-box run cannot decide them. `verify` does not',
    'report them; review them by hand.',
    '',
    ...HEADER,
    ...MANUAL_REQUIREMENTS.map((m) => `| ${m.id} | ${m.level} | ${cell(m.specRef)} | ${m.mode} | ${m.plans.join(', ')} | ${cell(m.review)} |`),
  );
  return `${lines.join('\n')}\n`;
}
