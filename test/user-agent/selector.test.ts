/** The login config's selectors (`login.submitSelector`, …): compound selectors only. */
import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../src/user-agent/html.js';
import { matchesSelector } from '../../src/user-agent/selector.js';

describe('selector', () => {
  const form = parseHtml('<form><button name=decision value=approve class="btn primary">Allow</button></form>', 'https://as.example/').forms[0]!;
  it('matches simple selectors', () => {
    const allow = form.controls[0]!;
    expect(matchesSelector(allow, 'button.primary[value=approve]')).toBe(true);
    expect(matchesSelector(allow, 'button[value="deny"], input')).toBe(false);
    expect(() => matchesSelector(allow, 'form > button')).toThrow(/unsupported selector/);
  });
});
