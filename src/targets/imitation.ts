/**
 * How a real server is set up to imitate a built-in profile: the same client id, secret,
 * redirect URIs and scopes, the same users and passwords (both from the seed, exactly as
 * the mock makes them), the same lifetimes and the same refresh token rotation, and the
 * profile's switches with a scenario's changes over them (`switches`), which each server
 * maps to its own settings as far as its definition says it can (`switch-fit.ts`). What a
 * server cannot be told to do differently stays as the server does it: that is what the
 * parity report shows.
 */
import { defaultUsers, loadProfile, profileClients } from '../../mocks/profiles.js';
import { deepMerge } from '../../mocks/provider/merge.js';
import { switchesSchema, type Switches, type User } from '../../mocks/provider/switches.js';
import type { Scenario } from '../scenario/schema.js';
import { HarnessError } from '../errors/harness-error.js';
import type { ScenarioChanges, ServerSettingsOverride, TargetClient } from './started-target.js';

export interface Imitation {
  profile: string;
  client: TargetClient;
  /** Whether the scenario named the client's id itself (`provider.clients[].client_id`): a server registers it as named, never under an id of its own (`client-id.ts`). */
  clientIdNamed: boolean;
  users: User[];
  /** Every scope the server must know: the client's, `openid`, the offline scope, the API's scopes and those the scenario's client asks for. */
  scopes: string[];
  /** Seconds; `null` (never) is not something a real server offers, see `seconds()`. */
  lifetimes: { accessToken: number; refreshToken: number; code: number; clientCredentials: number };
  rotateRefreshTokens: boolean;
  /** The profile's switches with the scenario's changes over them, validated (defaults filled in). */
  switches: Switches;
}

/** The changes `scenario` makes at the provider, for {@link imitationOf} (and for grouping scenarios by server set-up). */
export function scenarioChanges(scenario: Scenario): ScenarioChanges {
  const stepScopes = scenario.steps.flatMap((s) => s.clientCredentials?.scopes ?? []);
  return { switches: scenario.provider.switches, clients: scenario.provider.clients, scopes: [...scenario.client.scopes, ...stepScopes] };
}

const TEN_YEARS = 10 * 365 * 86_400;
const seconds = (v: number | null) => v ?? TEN_YEARS;

/** The settings a real server needs to behave like `profile`, with deliberate changes applied. */
export function imitationOf(profile: string, seed: number, override: ServerSettingsOverride = {}, changes: ScenarioChanges = {}): Imitation {
  let p;
  try {
    p = loadProfile(profile);
  } catch (e) {
    throw new HarnessError('PROFILE_UNKNOWN', (e as Error).message);
  }
  const sw = switchesSchema.parse(deepMerge(p.switches, changes.switches ?? {}));
  const first = profileClients(p, seed)[0]!;
  // A scenario's client change applies to the profile's client (by its id, or without one).
  const change = (changes.clients ?? []).find((c) => c.client_id === undefined || c.client_id === first.client_id) ?? {};
  const registered = { ...first, ...change } as typeof first;
  const clientScopes = registered.scopes.length ? registered.scopes : ['read', 'write'];
  return {
    profile,
    client: {
      id: registered.client_id,
      secret: registered.client_secret ?? '',
      redirectUri: registered.redirect_uris[0]!,
      redirectUris: [...registered.redirect_uris],
      scopes: clientScopes,
    },
    clientIdNamed: (change as { client_id?: unknown }).client_id !== undefined,
    users: p.users.length ? p.users : defaultUsers(seed),
    // A provider that never issues refresh tokens does not advertise an offline scope.
    scopes: [
      ...new Set([
        ...clientScopes,
        'openid',
        ...(sw.refresh.policy === 'never' ? [] : ['offline_access', sw.refresh.offlineScope]),
        ...[sw.api.readScope, sw.api.writeScope].filter((x) => x !== null),
        ...(changes.scopes ?? []),
      ]),
    ],
    lifetimes: {
      accessToken: override.accessTokenTtl ?? seconds(sw.lifetimes.accessToken),
      refreshToken: seconds(sw.lifetimes.refreshToken),
      code: sw.lifetimes.code,
      clientCredentials: seconds(sw.lifetimes.clientCredentialsToken),
    },
    rotateRefreshTokens: override.rotateRefreshTokens ?? sw.refresh.rotation === 'rotate',
    switches: sw,
  };
}

/** Picks the profile to imitate: the requested one if the server can, else the first it can. */
export function chooseProfile(server: string, imitable: readonly string[], requested: string | undefined): string {
  if (requested === undefined) return imitable[0]!;
  if (!imitable.includes(requested)) {
    throw new HarnessError('USAGE', `${server} cannot imitate profile "${requested}"; it can imitate: ${imitable.join(', ')}`);
  }
  return requested;
}
