import { describe, expect, it } from 'vitest';
import { basicAuthorization, encodeForm } from '../../src/http/form.js';
import { cacheDirectives, ChallengeSyntaxError, parseChallenges } from '../../src/http/headers.js';
import { findDuplicateMembers } from '../../src/http/json.js';

describe('form encoding (RFC 6749 App. B)', () => {
  it('encodes the RFC 6749 §2.3.1 special-character example', () => {
    expect(basicAuthorization('1PpG/Q 1', 'z/tZ9VwFZqApmIQ+ZH1I5pLk/uB4ud:X2/8bL+wfFTt1rFw=')).toBe(
      'Basic MVBwRyUyRlErMTp6JTJGdFo5VndGWnFBcG1JUSUyQlpIMUk1cExrJTJGdUI0dWQlM0FYMiUyRjhiTCUyQndmRlR0MXJGdyUzRA==',
    );
  });
  it('keeps repeated parameters', () => {
    expect(encodeForm([['a', '1'], ['a', '2 3']])).toBe('a=1&a=2+3');
  });
});

describe('WWW-Authenticate', () => {
  it('parses several challenges with quoted and token params', () => {
    expect(parseChallenges('Bearer realm="api", error="invalid_token", Basic realm=x')).toEqual([
      { scheme: 'Bearer', params: [['realm', 'api'], ['error', 'invalid_token']] },
      { scheme: 'Basic', params: [['realm', 'x']] },
    ]);
  });
  it('parses token68 and bare schemes', () => {
    expect(parseChallenges('Negotiate abc==, Bearer')).toEqual([
      { scheme: 'Negotiate', params: [], token68: 'abc==' },
      { scheme: 'Bearer', params: [] },
    ]);
  });
  it('rejects broken syntax', () => {
    expect(() => parseChallenges('Bearer realm=broken as, error="x"')).toThrow(ChallengeSyntaxError);
    expect(() => parseChallenges('Bearer realm="unterminated')).toThrow(ChallengeSyntaxError);
  });
});

describe('misc parsers', () => {
  it('reads Cache-Control directives case-insensitively', () => {
    expect([...cacheDirectives('No-Store, max-age=0')]).toEqual(['no-store', 'max-age']);
  });
  it('finds duplicate JSON members per object only', () => {
    expect(findDuplicateMembers('{"a":1,"b":{"a":2},"a":"x\\"a"}')).toEqual(['a']);
    expect(findDuplicateMembers('{"a":[{"b":1},{"b":2}]}')).toEqual([]);
  });
});
