/**
 * Reading the oauth-harness command protocol (clients/README.md) from Node adapters:
 * environment variables, the state file, exit codes. Everything OAuth is done by the
 * library each adapter is about.
 */
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';

export const UNSUPPORTED = 3;

export const env = (name, fallback = '') => process.env[`OAUTH_HARNESS_${name}`] ?? fallback;

export function scopes() {
  const delimiter = env('SCOPE_DELIMITER', ' ') || ' ';
  return env('SCOPE').split(delimiter).filter(Boolean);
}

export const authorizationParams = () => Object.fromEntries(new URLSearchParams(env('AUTHORIZATION_PARAMS')));

export function loadState() {
  try {
    return JSON.parse(readFileSync(env('STATE_FILE'), 'utf8'));
  } catch (e) {
    if (e.code === 'ENOENT') return {};
    throw e;
  }
}

export function saveState(state) {
  const file = env('STATE_FILE');
  writeFileSync(`${file}.tmp`, JSON.stringify(state));
  renameSync(`${file}.tmp`, file);
}

export const clearState = () => rmSync(env('STATE_FILE'), { force: true });

export function storedToken() {
  const token = loadState().token;
  if (!token) throw new Error('not connected');
  return token;
}

/** The API call the step asks for. */
export function apiRequest() {
  const body = env('API_BODY');
  return { method: env('API_METHOD', 'GET'), url: env('API_URL'), headers: JSON.parse(env('API_HEADERS') || '{}'), body: body === '' ? undefined : body, auth: env('API_AUTH', 'bearer') };
}

/** Runs the handler of OAUTH_HARNESS_STEP; a thrown error is a failed step (exit 1). */
export async function run(handlers) {
  const step = env('STEP');
  const handler = handlers[step];
  if (!handler) {
    process.stderr.write(`this client does not support the step "${step}"\n`);
    process.exit(UNSUPPORTED);
  }
  try {
    process.exitCode = (await handler()) ?? 0;
  } catch (e) {
    process.stderr.write(`${e?.name ?? 'Error'}: ${e?.message ?? e}${e?.code ? ` (${e.code})` : ''}\n`);
    process.exitCode = 1;
  }
}
