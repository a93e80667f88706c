/**
 * Build the user-agent driver from the `login` config (F9).
 */
import type { LoginConfig, VerifyConfig } from './config.js';
import type { UserAgentDriver } from '../user-agent/login-strategy.js';
import { createFormLoginDriver } from '../user-agent/form-login.js';
import { createPlaywrightDriver } from '../user-agent/playwright-login.js';

/** Replace `{{username}}` / `{{password}}` with the configured test user. */
function fill(value: string, user: VerifyConfig['fixtures']['user']): string {
  return value.replace(/\{\{(username|password)\}\}/g, (m, k: 'username' | 'password') => user?.[k] ?? m);
}

/** Origins the driver may visit: issuer, authorization endpoint, configured extras. */
export function driverOrigins(config: VerifyConfig, authorizationEndpoint: string | undefined, login: LoginConfig): string[] {
  const list = [config.issuer, authorizationEndpoint, ...login.allowedOrigins].filter((s): s is string => !!s);
  return [...new Set(list.map((u) => new URL(u).origin))];
}

/** The driver for `config.login`, or undefined when no login is configured. */
export function createDriver(config: VerifyConfig, authorizationEndpoint: string | undefined): UserAgentDriver | undefined {
  const login = config.login;
  if (!login) return undefined;
  const origins = driverOrigins(config, authorizationEndpoint, login);
  const user = config.fixtures.user;
  if (login.kind === 'form') {
    const fields = Object.fromEntries(Object.entries(login.fields).map(([k, v]) => [k, fill(v, user)]));
    return createFormLoginDriver({
      fields,
      allowedOrigins: origins,
      ...(login.submitSelector ? { submitSelector: login.submitSelector } : {}),
      ...(login.consentSelector ? { consentSelector: login.consentSelector } : {}),
      ...(login.denySelector ? { denySelector: login.denySelector } : {}),
    });
  }
  return createPlaywrightDriver({
    script: login.script,
    executablePath: login.executablePath,
    allowedOrigins: origins,
    ...(user ? { user } : {}),
  });
}
