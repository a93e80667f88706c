/**
 * oauth-harness: OAuth 2.0 provider quirks as scenario files, a mock provider for your
 * own tests, and verdicts and diagnoses read off the traffic.
 *
 * - {@link createMockProvider}: a mock authorization server + API in your test's process
 *   (reach it with `oauthHandlers()` from `oauth-harness/msw`, or call `handle()`).
 * - {@link startMockServer}: the same on a loopback HTTP server.
 * - {@link runScenarios}: scenario files run from code, results as in results.json.
 * - `oauth-harness/vitest`: a fixture and matchers.
 *
 * @see https://www.rfc-editor.org/rfc/rfc6749
 * @packageDocumentation
 */
import { listProfiles } from '../mocks/profile-files.js';
import { DIAGNOSES } from './diagnoses/catalog.js';
import { diagnose as diagnoseInput } from './diagnoses/diagnose.js';
import { VERDICTS } from './drivers/client-verdicts.js';
import type { DiagnosisResult, Exchange } from './results/model.js';
import { loadScenarioPaths } from './scenario/load.js';
import type { Scenario } from './scenario/schema.js';

export { createMockProvider } from './api/mock-provider.js';
export type { OAuthMockProvider, CreateMockProviderOptions, MockClient, MockUser, ClientChange, SwitchOverrides, DeepPartial, AuthorizeOptions, AuthorizeResult } from './api/mock-provider.js';
export { startMockServer } from './api/mock-server.js';
export type { MockServer, StartMockServerOptions, IssuerInfo } from './api/mock-server.js';
export { runScenarios } from './api/run-scenarios.js';
export type { RunScenariosOptions } from './api/run-scenarios.js';
export { HarnessError, type HarnessErrorCode } from './errors/harness-error.js';
export { VerifyError, type VerifyErrorCode } from './errors/verify-error.js';
export { ClientError, type ClientReactionCode } from './client/client-error.js';
export type { RunResult, CaseResult, Exchange, DiagnosisResult, StepResult, ExpectationResult, Verdict, Severity } from './results/model.js';
export type { ClientVerdict, VerdictOutcome } from './drivers/client-verdicts.js';
export type { Scenario } from './scenario/schema.js';

/** The built-in provider profiles (`rfc-strict`, `google-like`, …), sorted. */
export const PROFILES: readonly string[] = Object.freeze(listProfiles());

/** The ids of every diagnosis the harness can name, e.g. `credentials-wrong-placement`. */
export const DIAGNOSIS_IDS: readonly string[] = Object.freeze(DIAGNOSES.map((d) => d.id));

/** The ids of every client verdict, e.g. `credentials-placement`, `state`, `pkce-s256`. */
export const VERDICT_IDS: readonly string[] = Object.freeze(VERDICTS.map((v) => v.id));

/**
 * Loads and validates scenario files (files or folders, recursively). Throws a
 * `SCENARIO_INVALID` {@link HarnessError} listing every problem as `file:line:col: field: message`.
 */
export function loadScenarios(paths: string[]): Scenario[] {
  return loadScenarioPaths(paths);
}

/**
 * Names the causes that recorded exchanges show (the same objects as results.json's
 * `diagnoses`). Works on any traffic: the mock's, a real server's, a recording.
 * `options.family` declares which real provider the traffic is from (`google`,
 * `salesforce`, …: see the scenario format's `provider.family`); host names are never read.
 */
export function diagnose(exchanges: Exchange[], options: { family?: string } = {}): DiagnosisResult[] {
  return diagnoseInput({ exchanges, reactions: [], provider: { family: options.family } });
}
