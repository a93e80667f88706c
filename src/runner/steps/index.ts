/**
 * The step executors, one per action of the scenario format. An executor returns what it
 * observed, or throws a `ClientError` (with an optional `outcome`) when the client failed.
 */
import { parseDuration } from '../../../mocks/provider/clock.js';
import type { Step, StepAction } from '../../scenario/schema.js';
import type { ScenarioEnv, StepOutcome } from '../scenario-env.js';
import { callApi } from './call-api.js';
import { connect } from './connect.js';

type Executor = (env: ScenarioEnv, step: Step) => Promise<StepOutcome>;

export const EXECUTORS: Record<StepAction, Executor> = {
  connect: (env, s) => connect(env, s.connect!),
  callApi: (env, s) => callApi(env, s.callApi!),
  clientCredentials: async (env, s) => {
    await env.client.clientCredentials(s.clientCredentials!.scopes);
    return {};
  },
  refresh: async (env, s) => {
    await Promise.all(Array.from({ length: s.refresh!.concurrent }, () => env.client.refresh()));
    return {};
  },
  advanceClock: async (env, s) => {
    env.clock.advance(parseDuration(s.advanceClock!));
    return {};
  },
  revoke: async (env, s) => {
    await env.client.revoke(s.revoke!.token);
    return {};
  },
  disconnect: async (env) => {
    await env.client.disconnect();
    return {};
  },
  dropTokens: async (env) => {
    await env.client.dropTokens();
    return {};
  },
  revokeGrantAtProvider: async (env, s) => {
    env.provider.revokeGrants(s.revokeGrantAtProvider!.user);
    return {};
  },
};

/** The action key of a step. */
export function actionOf(step: Step): StepAction {
  return (Object.keys(EXECUTORS) as StepAction[]).find((a) => step[a] !== undefined)!;
}
