/**
 * The step executors for a target reached over HTTP: the same actions as
 * `src/runner/steps`, with the target's user agent for `connect`, the target's own
 * endpoints for `callApi`, and the target's hooks (mock only) for the clock and grants.
 */
import { parseDuration } from '../../mocks/provider/clock.js';
import type { ClientDriver } from '../drivers/driver.js';
import type { ScenarioEnv, StepOutcome } from '../runner/scenario-env.js';
import { callResource, resourceRequest } from '../runner/steps/call-api.js';
import { connectWith } from '../runner/steps/connect.js';
import type { Scenario, Step, StepAction } from '../scenario/schema.js';
import { endpointOf } from './discovery.js';
import type { TargetRecorder } from './recorder.js';
import type { StartedTarget } from './started-target.js';

export interface TargetEnv {
  scenario: Scenario;
  target: StartedTarget;
  client: ClientDriver;
  recorder: TargetRecorder;
  /** The client's recorded `fetch` (Basic-auth web service calls). */
  fetch: typeof fetch;
}

type TargetExecutor = (env: TargetEnv, step: Step) => Promise<StepOutcome>;

function connect(env: TargetEnv, step: NonNullable<Step['connect']>): Promise<StepOutcome> {
  return connectWith(env.client, env.target.users.get(step.user)!, step, (url, redirectUri, choice) => env.target.userAgent.authorize(url, redirectUri, choice, env.recorder.userAgentFetch()));
}

/** Where a resource is: the discovered userinfo endpoint, or (mock targets) the mock's API paths. */
function resourceAt(env: TargetEnv, resource: NonNullable<Step['callApi']>['resource']): ReturnType<typeof resourceRequest> {
  const userinfo = endpointOf(env.target.metadata, 'userinfo_endpoint');
  if (resource === 'userinfo' && userinfo) return { url: userinfo, method: 'GET', headers: { accept: 'application/json' } };
  // Only mock targets serve the other resources; resourceRequest reads nothing but these two fields.
  const paths = { userinfo: new URL(userinfo ?? `${env.target.issuer}/userinfo`).pathname.slice(new URL(env.target.issuer).pathname.length) };
  const mockLike = { provider: { issuer: env.target.issuer, context: { switches: { paths } } } } as unknown as ScenarioEnv;
  return resourceRequest(mockLike, resource);
}

function callApi(env: TargetEnv, step: NonNullable<Step['callApi']>): Promise<StepOutcome> {
  const r = resourceAt(env, step.resource);
  env.recorder.markApi(r.url);
  return callResource(r, step, env.client, env.target.users.get(step.user)!, env.fetch);
}

const done = async (p: unknown): Promise<StepOutcome> => {
  await p;
  return {};
};

/** One executor per action; `selection.ts` keeps a scenario away from a target lacking a hook. */
export const TARGET_EXECUTORS: Record<StepAction, TargetExecutor> = {
  connect: (env, s) => connect(env, s.connect!),
  callApi: (env, s) => callApi(env, s.callApi!),
  clientCredentials: (env, s) => done(env.client.clientCredentials(s.clientCredentials!.scopes)),
  refresh: (env, s) => done(Promise.all(Array.from({ length: s.refresh!.concurrent }, () => env.client.refresh()))),
  advanceClock: (env, s) => done(env.target.advanceClock!(parseDuration(s.advanceClock!))),
  revoke: (env, s) => done(env.client.revoke(s.revoke!.token)),
  disconnect: (env) => done(env.client.disconnect()),
  dropTokens: (env) => done(env.client.dropTokens()),
  revokeGrantAtProvider: (env, s) => done(env.target.revokeGrants!(s.revokeGrantAtProvider!.user)),
};
