import { describe, expect, it } from 'vitest';
import { parseTarget, SERVERS } from '../../../src/targets/index.js';
import { targetsText } from '../../../src/cli/commands/targets.js';

describe('targets come from the server registry', () => {
  it('lists every registered server with what it imitates, and parses its target', () => {
    const text = targetsText();
    expect(SERVERS.length).toBeGreaterThanOrEqual(2);
    for (const s of SERVERS) {
      expect(text).toContain(`container:${s.name}`);
      expect(text).toContain(`imitates: ${s.imitates.join(', ')}`);
      expect(parseTarget(`container:${s.name}`)).toEqual({ kind: 'container', server: s.name });
    }
    expect(() => parseTarget('container:keycloak')).toThrow(new RegExp(SERVERS.map((s) => `container:${s.name}`).join(', ')));
  });
});
