/**
 * The issuers `serve` mounts, one per path segment: the provider currently behind each
 * (a loaded scenario replaces it), its queued consent decisions, and the step marks
 * that give recorded exchanges a step for the client verdicts.
 */
import type { Clock } from '../../mocks/provider/clock.js';
import type { ProviderRequest, ProviderResponse } from '../../mocks/provider/http.js';
import type { MockProvider } from '../../mocks/provider/provider.js';
import type { NodeHttpServer } from '../../mocks/transports/node-http.js';
import { decide, isLoginPage, type ConsentDecision } from './auto-consent.js';

/** A step boundary set through the admin API: exchanges after `afterSeq` belong to it. */
export interface StepMark {
  afterSeq: number;
  name: string;
  action: string;
  tamper?: string;
}

export interface Issuer {
  segment: string;
  provider: MockProvider;
  consent: ConsentDecision[];
  marks: StepMark[];
}

export class IssuerRegistry {
  readonly issuers = new Map<string, Issuer>();

  constructor(
    private readonly server: NodeHttpServer,
    readonly clock: Clock,
  ) {}

  /** Mounts (or replaces) the provider at its issuer's first path segment. */
  mount(provider: MockProvider): Issuer {
    const segment = new URL(provider.issuer).pathname.split('/')[1] ?? '';
    const existing = this.issuers.get(segment);
    const issuer: Issuer = { segment, provider, consent: [], marks: [] };
    this.issuers.set(segment, issuer);
    if (!existing) this.server.mountPath(segment, (req) => this.handle(segment, req));
    return issuer;
  }

  get(segment: string): Issuer | undefined {
    return this.issuers.get(segment);
  }

  private handle(segment: string, req: ProviderRequest): ProviderResponse | Promise<ProviderResponse> {
    const issuer = this.issuers.get(segment)!;
    // Only a login page can take a queued consent decision: other requests get the
    // provider's own answer, without another async step (this runs on every request).
    if (req.path !== issuer.provider.context.switches.paths.authorize) return issuer.provider.handle(req);
    return this.withConsent(issuer, req);
  }

  private async withConsent(issuer: Issuer, req: ProviderRequest): Promise<ProviderResponse> {
    const res = await issuer.provider.handle(req);
    if (issuer.consent.length && req.path === issuer.provider.context.switches.paths.authorize && isLoginPage(res)) {
      return decide(issuer.provider, req, res, issuer.consent.shift()!);
    }
    return res;
  }
}
