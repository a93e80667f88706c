/**
 * What a started target offers the harness: where the authorization server is, the
 * client and users registered there, which built-in profiles it imitates, what a
 * scenario may ask of it, how to sign in, and how to stop it.
 */
import type { User } from '../../mocks/provider/switches.js';
import type { SwitchImitation } from './servers/imitation-data.js';
import type { TargetUserAgent } from '../user-agent/scenario-user-agent.js';
import type { VerifyConfigInput } from '../verify/config.js';
import type { UserAgentDriver } from '../user-agent/login-strategy.js';

/** The confidential client registered at the target (the reference client uses it). */
export interface TargetClient {
  id: string;
  secret: string;
  /** The redirect URI the client uses by default (the first registered one). */
  redirectUri: string;
  redirectUris: string[];
  /** Scopes the registration may receive. */
  scopes: string[];
}

/** What a scenario may ask of a target beyond the OAuth endpoints (see `selection.ts`). */
export interface TargetCapabilities {
  /** The user can refuse at the login or consent page (`connect.consent.deny`). */
  deny: boolean;
  /** The user can untick single scopes (`connect.consent.untick`). */
  untick: boolean;
  /** `callApi` resources the target serves (containers: `userinfo` only). */
  resources: readonly string[];
  /** The scenario's `provider.switches` and `provider.clients` can be applied. */
  providerChanges: boolean;
  /** A user's grants can be revoked at the server (`revokeGrantAtProvider`), e.g. at their account page. */
  revokeGrants?: boolean;
  /** Scopes the server requires in every authorization request (LemonLDAP::NG serves only `openid` ones): a `connect` of a scenario whose `client.scopes` lack one is skipped, naming it. */
  requiredScopes?: readonly string[];
}

export interface StartedTarget {
  /** For `CaseResult.target`: `container:oidc-provider`, `mock:rfc-strict`, `http://…`. */
  readonly label: string;
  readonly issuer: string;
  /** The discovery document (RFC 8414 or OpenID Connect Discovery). */
  readonly metadata: Readonly<Record<string, unknown>>;
  readonly client: TargetClient;
  /** Users by username, with the passwords they sign in with. */
  readonly users: ReadonlyMap<string, User>;
  /** Built-in profiles whose behaviour this target has, as started (e.g. `['rotating-refresh']`). */
  readonly profileLike: readonly string[];
  /** Real servers: the switch values they can be set to (their definition's); selection reads it. */
  readonly imitation?: SwitchImitation;
  readonly capabilities: TargetCapabilities;
  readonly userAgent: TargetUserAgent;
  /** The target's clock in ms (real time for real servers). */
  now(): number;
  /** Moves the target's clock (mock targets only). */
  advanceClock?(ms: number): void;
  /** Revokes a user's grants at the provider (the mock; a real server where its account page can). */
  revokeGrants?(username: string): void | Promise<void>;
  /** `runVerify` options for this target, without `plan` (issuer, client, fixtures, login). */
  verifyConfig(): Omit<VerifyConfigInput, 'plan'>;
  /** A user-agent driver for `verify` that signs in the way this server needs (e.g. Glewlwyd's login API over HTTP); else `login` of `verifyConfig()`. */
  verifyUserAgent?(): UserAgentDriver;
  /** Stops what `startTarget` started. Safe to call twice. */
  stop(): Promise<void>;
}

/** What a scenario changes at the provider, and the scopes its client asks for. */
export interface ScenarioChanges {
  switches?: Record<string, unknown>;
  clients?: readonly Record<string, unknown>[];
  /** The scopes the scenario's client asks for: a real server must know them to refuse those outside the registration. */
  scopes?: readonly string[];
}

/** Deliberate changes to a real server's settings, away from the profile it imitates. */
export interface ServerSettingsOverride {
  /** Access token lifetime in seconds. */
  accessTokenTtl?: number;
  /** Rotate refresh tokens on every use. */
  rotateRefreshTokens?: boolean;
}

/** A server the user runs (`http://…` targets): what the harness cannot discover. */
export interface UrlTargetSettings {
  client: { id: string; secret: string; redirectUri: string; scopes?: string[] };
  users: User[];
  /** Built-in profiles the server behaves like (default: none, so no scenario is selected). */
  profileLike?: string[];
  /** Login form field names, when not `username`/`login` and `password`. */
  loginFields?: { username?: string; password?: string };
}

export interface StartTargetOptions {
  /** The built-in profile to imitate; default: the first one the server can imitate. */
  profile?: string;
  /** Seeds the users' passwords and the client secret, as for the mock (default 1). */
  seed?: number;
  /** Container targets: settings changed on purpose (to show a parity difference). */
  settings?: ServerSettingsOverride;
  /** Mock targets: the scenario's switch overrides and client registration changes. */
  switches?: Record<string, unknown>;
  clients?: Record<string, unknown>[];
  /** Container targets: the scenario's changes to set the server up with, as far as its definition allows (`switch-fit.ts`). */
  changes?: ScenarioChanges;
  /** `http://…` targets: the client, users and login form. */
  url?: UrlTargetSettings;
  /** Container targets: the local base image to build on (default `$OAUTH_HARNESS_BASE_IMAGE`, else `debian:bookworm-slim`). */
  baseImage?: string;
}

/** A stop function that stops the server at most once (cleanup paths may call it twice). */
export function stopOnce(server: { stop(): Promise<unknown> }): () => Promise<void> {
  let stopping: Promise<void> | undefined;
  return () => (stopping ??= server.stop().then(() => undefined));
}
