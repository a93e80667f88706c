import { describe, expect, it } from 'vitest';
import { hasOptional, requireOptional } from '../../src/errors/optional-dependency.js';

const none = (id: string): string => {
  throw Object.assign(new Error(`Cannot find module '${id}'`), { code: 'MODULE_NOT_FOUND' });
};

describe('optional dependencies', () => {
  it('finds an installed package and misses an absent one', () => {
    expect(hasOptional('zod')).toBe(true);
    expect(hasOptional('testcontainers', none)).toBe(false);
  });

  it('names the package, what needs it and the install command, as a usage error (exit 2)', () => {
    expect(() => requireOptional('testcontainers', '--target container:glewlwyd', none)).toThrow(
      expect.objectContaining({ code: 'DEPENDENCY_MISSING', exitCode: 2, message: 'install testcontainers to use --target container:glewlwyd: npm i -D testcontainers' }),
    );
    expect(() => requireOptional('zod', 'anything')).not.toThrow();
  });
});
