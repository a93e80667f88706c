/**
 * `docs/requirements.md` is generated from the checks' metadata: the committed file must
 * be exactly the generated text, so a check whose level, spec reference, mode or title
 * changes cannot leave the doc behind. `WRITE_REQUIREMENTS_DOC=1` rewrites the file.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ALL_CHECKS } from '../../src/verify/checks/index.js';
import { MANUAL_REQUIREMENTS, REGENERATE_REQUIREMENTS_DOC, requirementsMarkdown } from '../../src/verify/requirements-doc.js';

const DOC = fileURLToPath(new URL('../../docs/requirements.md', import.meta.url));

describe('docs/requirements.md', () => {
  it.runIf(process.env.WRITE_REQUIREMENTS_DOC === '1')('is rewritten from the checks', () => {
    writeFileSync(DOC, requirementsMarkdown());
  });

  it('is the text generated from the checks (not stale)', () => {
    const committed = existsSync(DOC) ? readFileSync(DOC, 'utf8') : '(missing)';
    expect(committed, `docs/requirements.md is stale: it no longer matches the checks' metadata. Regenerate it with\n  ${REGENERATE_REQUIREMENTS_DOC}\n`).toBe(requirementsMarkdown());
  });

  it('lists every check once and the manual-only rows, and no check for a manual row', () => {
    const text = requirementsMarkdown();
    for (const id of [...ALL_CHECKS.map((c) => c.id), ...MANUAL_REQUIREMENTS.map((m) => m.id)]) {
      expect(text.split('\n').filter((l) => l.startsWith(`| ${id} |`)), id).toHaveLength(1);
    }
    expect(MANUAL_REQUIREMENTS.map((m) => m.id)).toEqual(['AS-RT-INACTIVITY', 'AS-NAT-PUBLIC-TYPE']);
    expect(ALL_CHECKS.filter((c) => MANUAL_REQUIREMENTS.some((m) => m.id === c.id))).toEqual([]);
  });

  it('changes when a check changes (the staleness test can fail)', () => {
    const [first, ...rest] = ALL_CHECKS;
    const changed = requirementsMarkdown([{ ...first!, level: first!.level === 'MUST' ? 'SHOULD' : 'MUST' }, ...rest]);
    expect(changed).not.toBe(requirementsMarkdown());
  });

  it('refuses a check whose area has no section', () => {
    expect(() => requirementsMarkdown([{ ...ALL_CHECKS[0]!, id: 'AS-NOPE-X' }])).toThrow(/no section for the area of AS-NOPE-X/);
  });
});
