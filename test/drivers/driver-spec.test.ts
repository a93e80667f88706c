import { describe, expect, it } from 'vitest';
import { overrideDriver, parseClientOption } from '../../src/drivers/driver-spec.js';
import { scenario } from './verdict-fixtures.js';

describe('--client', () => {
  it('parses reference, command: and web:', () => {
    expect(parseClientOption('reference')).toEqual({ kind: 'reference' });
    expect(parseClientOption('command:python3 my_client.py --verbose')).toMatchObject({ kind: 'command', command: { run: 'python3 my_client.py --verbose', timeout: '20s' } });
    expect(parseClientOption('web:node app.mjs')).toMatchObject({ kind: 'web', web: { start: 'node app.mjs', login: '/login', callback: '/callback', api: '/call-api' } });
  });
  it('refuses anything else with a usage error', () => {
    for (const bad of ['', 'command:', 'python3 x.py', 'docker:img']) expect(() => parseClientOption(bad)).toThrow(/--client: expected reference, command:/);
  });
  it('keeps the scenario settings of the same kind and replaces the command', () => {
    const s = scenario({ provider: { profile: 'rfc-strict' }, client: { driver: 'command', command: { run: 'old', timeout: '5s', env: { A: '1' } } }, steps: [{ connect: {} }] });
    expect(overrideDriver(s, parseClientOption('command:new'))).toMatchObject({ kind: 'command', command: { run: 'new', timeout: '5s', env: { A: '1' } } });
    expect(overrideDriver(s, undefined)).toMatchObject({ kind: 'command', command: { run: 'old' } });
    expect(overrideDriver(s, parseClientOption('reference'))).toEqual({ kind: 'reference' });
  });
});

describe('withClientOption', () => {
  it('rewrites every scenario to the given client, and leaves them alone without the option', async () => {
    const { withClientOption } = await import('../../src/drivers/driver-spec.js');
    const s = scenario({ provider: { profile: 'rfc-strict' }, steps: [{ connect: {} }] });
    expect(withClientOption([s], undefined)).toEqual([s]);
    const [c] = withClientOption([s], 'command:./my-client');
    expect(c!.client).toMatchObject({ driver: 'command', command: { run: './my-client', timeout: '20s' } });
    expect(s.client.driver).toBe('reference');
  });
});
