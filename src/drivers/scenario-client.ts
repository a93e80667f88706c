/**
 * The provider and the client of one scenario run. The reference client talks to the
 * mock in-process (mocks/transports/in-process.ts: a fetch routed to the provider, nothing
 * global patched); an external client (command, web) talks HTTP, so its
 * mock runs on a node:http server on 127.0.0.1 (any free port), on a clock that follows
 * real time (the program reads the real clock; `advanceClock` moves both, see
 * shared-clock.ts).
 */
import { createClock, type Clock } from '../../mocks/provider/clock.js';
import { buildProvider } from '../../mocks/profiles.js';
import type { MockProvider } from '../../mocks/provider/provider.js';
import type { RegisteredClient } from '../../mocks/provider/switches.js';
import { createInProcessTransport } from '../../mocks/transports/in-process.js';
import { startNodeHttpServer } from '../../mocks/transports/node-http.js';
import { ReferenceClient } from '../client/reference-client.js';
import { resolveClientConfig } from '../client/client-config.js';
import type { Scenario } from '../scenario/schema.js';
import { CommandDriver } from './command/command-driver.js';
import type { ClientDriver } from './driver.js';
import type { DriverSpec } from './driver-spec.js';
import { ReferenceDriver } from './reference-driver.js';
import { WebDriver } from './web/web-driver.js';

export interface ScenarioClient {
  provider: MockProvider;
  clock: Clock;
  client: ClientDriver;
  /** For `CaseResult.client`. */
  label: string;
  /** How the harness itself reaches the provider (the user agent, API calls). */
  fetch: typeof fetch;
  /** Stops the client and the transport. */
  close(): Promise<void>;
}

export interface OpenOptions {
  seed: number;
  /** The origin of in-process issuers (run-scenario's IN_PROCESS_ORIGIN). */
  origin: string;
  /** Changes to the profile's client registrations (the scenario's `provider.clients`, resolved). */
  clients: Partial<RegisteredClient>[];
}

function build(scenario: Scenario, issuer: string, o: OpenOptions, clock: Clock): MockProvider {
  return buildProvider({ profile: scenario.provider.profile, issuer, switches: scenario.provider.switches, clients: o.clients, seed: o.seed, clock });
}

/** Builds the scenario's provider, mounts it, and starts the client the spec names. */
export async function openScenarioClient(scenario: Scenario, spec: DriverSpec, o: OpenOptions): Promise<ScenarioClient> {
  const profile = scenario.provider.profile;
  if (spec.kind === 'reference') {
    const clock = createClock(Date.UTC(2026, 0, 1));
    const provider = build(scenario, `${o.origin}/${profile}`, o, clock);
    const transport = createInProcessTransport();
    const unmount = transport.mount(provider);
    const client = new ReferenceDriver(new ReferenceClient(resolveClientConfig(scenario, provider, clock, transport.fetch)));
    return { provider, clock, client, label: spec.label ?? 'reference', fetch: transport.fetch, close: async () => void unmount() };
  }
  const clock = createClock(Date.now(), true);
  const server = await startNodeHttpServer({ port: 0, host: '127.0.0.1' });
  try {
    const provider = build(scenario, `${server.origin}/${profile}`, o, clock);
    server.mount(provider);
    const ctx = { provider, clock, config: resolveClientConfig(scenario, provider, clock), scenarioId: scenario.id };
    const client =
      spec.kind === 'command' ? new CommandDriver(spec.command, ctx) : await WebDriver.start(spec.web, ctx, { shareClock: scenario.steps.some((s) => s.advanceClock !== undefined) });
    return {
      provider,
      clock,
      client,
      label: spec.label ?? client.label,
      fetch: globalThis.fetch,
      close: async () => {
        await client.close();
        await server.close();
      },
    };
  } catch (e) {
    await server.close();
    throw e;
  }
}
