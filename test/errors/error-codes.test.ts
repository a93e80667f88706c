import { describe, expect, it } from 'vitest';
import { HarnessError, VerifyError } from '../../src/index.js';
import { exitCodeForError } from '../../src/verify/exit-code.js';
import { parseVerifyConfig } from '../../src/verify/config-loader.js';

describe('the error module (src/errors/), as the package root exports it', () => {
  it('VerifyError keeps its stable code, its issues and exit code 2', () => {
    const e = new VerifyError('DISCOVERY_FAILED', 'no metadata at https://as.example', ['a', 'b']);
    expect(e).toBeInstanceOf(Error);
    expect(e).toMatchObject({ name: 'VerifyError', code: 'DISCOVERY_FAILED', issues: ['a', 'b'], exitCode: 2 });
    expect(exitCodeForError(e)).toBe(2);
    expect(exitCodeForError(new HarnessError('USAGE', 'bad flag'))).toBe(2);
    expect(exitCodeForError(new Error('bug'))).toBe(1);
  });

  it('verify throws the root-exported class for a bad config', () => {
    let thrown: unknown;
    try {
      parseVerifyConfig('issuer: 42\n', 'verify.yaml');
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(VerifyError);
    expect((thrown as VerifyError).code).toBe('CONFIG_INVALID');
  });
});
