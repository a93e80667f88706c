/**
 * The console's colours come from `util.styleText`, checked against stdout at each call:
 * plain text when stdout is not a terminal (CI logs, pipes) or `NO_COLOR` is set;
 * `FORCE_COLOR` turns them on anyway.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { bold, green, red } from '../../src/cli/console-output.js';

const saved = { NO_COLOR: process.env.NO_COLOR, FORCE_COLOR: process.env.FORCE_COLOR, NODE_DISABLE_COLORS: process.env.NODE_DISABLE_COLORS };
const setEnv = (env: Partial<Record<keyof typeof saved, string>>) => {
  for (const k of Object.keys(saved) as (keyof typeof saved)[]) {
    if (env[k] === undefined) delete process.env[k];
    else process.env[k] = env[k];
  }
};

describe('console colours', () => {
  afterEach(() => setEnv(saved));

  it('are plain when stdout is not a terminal', () => {
    setEnv({});
    expect(process.stdout.isTTY).toBeFalsy();
    expect(red('✗ failed')).toBe('✗ failed');
  });

  it('are plain with NO_COLOR', () => {
    setEnv({ NO_COLOR: '1' });
    expect(green('✓')).toBe('✓');
  });

  it('are on with FORCE_COLOR, as ANSI SGR sequences', () => {
    setEnv({ FORCE_COLOR: '1' });
    expect(red('x')).toBe('\u001b[31mx\u001b[39m');
    expect(bold('y')).toBe('\u001b[1my\u001b[22m');
  });
});
