/**
 * Everything one scenario run shares between its steps: the provider, the client, the
 * clock, and what was observed.
 */
import type { Clock } from '../../mocks/provider/clock.js';
import type { MockProvider } from '../../mocks/provider/provider.js';
import type { User } from '../../mocks/provider/switches.js';
import type { ClientError } from '../client/client-error.js';
import type { TokenSet } from '../client/reference-client.js';
import type { ClientDriver } from '../drivers/driver.js';
import type { ClientWarning } from '../client/warnings.js';
import type { Scenario } from '../scenario/schema.js';

export interface ScenarioEnv {
  scenario: Scenario;
  provider: MockProvider;
  /** The client under test: the reference client, a command, or a web client. */
  client: ClientDriver;
  clock: Clock;
  users: Map<string, User>;
  /** `fetch` for the harness's own user agent. */
  fetch: typeof fetch;
}

/** What one step did, as the expectations and diagnoses see it. */
export interface StepObservation {
  index: number;
  name: string;
  action: string;
  ok: boolean;
  error: ClientError | undefined;
  warnings: ClientWarning[];
  /** Exchange sequence numbers (provider-recorded) that happened during the step. */
  exchangeSeqs: number[];
  /** Connect steps: whether the provider sent the browser back to the client. */
  redirect?: 'issued' | 'none';
  /** Why the user agent did not come back (error page title and text). */
  userAgentDetail?: string;
  tokensBefore: TokenSet | undefined;
  tokensAfter: TokenSet | undefined;
  /** API steps: the response status. */
  apiStatus?: number;
}

/** A step's own outcome, set by its executor. */
export interface StepOutcome {
  redirect?: 'issued' | 'none';
  userAgentDetail?: string;
  apiStatus?: number;
}
