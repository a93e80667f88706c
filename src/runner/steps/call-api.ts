/**
 * `callApi`: one call to the mock resource API (docs/behaviours.md §9–§10).
 */
import { ClientError } from '../../client/client-error.js';
import { oauthErrorCode } from '../../observe/wire.js';
import type { ClientDriver } from '../../drivers/driver.js';
import type { User } from '../../../mocks/provider/switches.js';
import type { Step } from '../../scenario/schema.js';
import type { ScenarioEnv, StepOutcome } from '../scenario-env.js';

type Resource = NonNullable<Step['callApi']>['resource'];

/** Where each resource lives under the issuer, and how it is called. */
export function resourceRequest(env: ScenarioEnv, resource: Resource): { url: string; method: string; headers: Record<string, string>; body?: string } {
  const base = `${env.provider.issuer}/api/0`;
  switch (resource) {
    case 'odata4':
      return { url: `${base}/odata/Account`, method: 'GET', headers: { accept: 'application/json' } };
    case 'odata3':
      return { url: `${base}/ServiceModel/EntityDataService.svc/AccountCollection/?$select=Name`, method: 'GET', headers: { accept: 'application/json;odata=verbose' } };
    case 'select-query':
      return {
        url: `${base}/DataService/json/SyncReply/SelectQuery`,
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({ rootSchemaName: 'Account', operationType: 0, columns: { items: { Name: { expression: { columnPath: 'Name' } } } } }),
      };
    case 'rest':
      return { url: `${base}/rest/AccountService/GetAccounts`, method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' };
    case 'basic-ws':
      return { url: `${env.provider.issuer}/api/ws/basic/Account`, method: 'GET', headers: { accept: 'application/json' } };
    case 'userinfo':
      return { url: `${env.provider.issuer}${env.provider.context.switches.paths.userinfo}`, method: 'GET', headers: { accept: 'application/json' } };
  }
}

/** Sends one API request (Bearer through the client, or a Basic web-service login) and reads the answer. */
export async function callResource(
  r: ReturnType<typeof resourceRequest>,
  step: NonNullable<Step['callApi']>,
  client: ClientDriver,
  user: User,
  fetchFn: typeof fetch,
): Promise<StepOutcome> {
  const method = step.method ?? r.method;
  let res: Response;
  if (step.auth === 'basic') {
    const password = step.wrongPassword ? `${user.password}-wrong` : user.password;
    const headers = { ...r.headers, authorization: `Basic ${Buffer.from(`${user.username}:${password}`).toString('base64')}` };
    res = await fetchFn(r.url, { method, headers, ...(r.body ? { body: r.body } : {}) });
  } else {
    res = await client.callApi(r.url, { method, headers: r.headers, ...(r.body ? { body: r.body } : {}), auth: step.auth === 'none' ? 'none' : 'bearer' });
  }
  const text = await res.text();
  if (res.ok) return { apiStatus: res.status };
  const headers: Record<string, string> = {};
  res.headers.forEach((v, k) => (headers[k] = v));
  const code = oauthErrorCode({ status: res.status, headers, body: text }) ?? 'api_error';
  throw Object.assign(new ClientError(code, `the API answered ${res.status}${code !== 'api_error' ? ` (${code})` : ''}`, res.status), { outcome: { apiStatus: res.status } });
}

export function callApi(env: ScenarioEnv, step: NonNullable<Step['callApi']>): Promise<StepOutcome> {
  return callResource(resourceRequest(env, step.resource), step, env.client, env.users.get(step.user)!, env.fetch);
}
