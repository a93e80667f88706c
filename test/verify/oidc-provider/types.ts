/**
 * The slice of oidc-provider's (untyped) API the fixture uses. oidc-provider ships no
 * TypeScript declarations; these describe exactly what is called, nothing more.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

/** Koa context, as far as the fixture's middleware touches it. */
export interface KoaContext {
  method: string;
  path: string;
  url: string;
  query: Record<string, string | string[] | undefined>;
  headers: Record<string, string | string[] | undefined>;
  req: IncomingMessage;
  res: ServerResponse;
  status: number;
  body: unknown;
  type: string;
  set(name: string, value: string): void;
  redirect(url: string): void;
}

export type KoaMiddleware = (ctx: KoaContext, next: () => Promise<void>) => Promise<void>;

export interface InteractionDetails {
  uid: string;
  prompt: { name: string; details: Record<string, unknown> };
  params: Record<string, unknown>;
  session?: { accountId?: string };
  grantId?: string;
}

export interface GrantInstance {
  addOIDCScope(scope: string): void;
  addOIDCClaims(claims: string[]): void;
  addResourceScope(indicator: string, scope: string): void;
  save(): Promise<string>;
}

export interface TokenInstance {
  scope?: string;
  aud?: string | string[];
  clientId?: string;
  isExpired?: boolean;
}

export interface TokenModel {
  find(value: string): Promise<TokenInstance | undefined>;
}

export interface ProviderInstance {
  issuer: string;
  callback(): (req: IncomingMessage, res: ServerResponse) => void;
  use(middleware: KoaMiddleware): void;
  on(event: string, listener: (...args: unknown[]) => void): void;
  interactionDetails(req: IncomingMessage, res: ServerResponse): Promise<InteractionDetails>;
  interactionResult(req: IncomingMessage, res: ServerResponse, result: Record<string, unknown>, options?: { mergeWithLastSubmission?: boolean }): Promise<string>;
  Grant: {
    new (init: { accountId: string; clientId: string }): GrantInstance;
    find(id: string): Promise<GrantInstance | undefined>;
  };
  AccessToken: TokenModel;
  ClientCredentials: TokenModel;
}

export type ProviderConstructor = new (issuer: string, configuration: Record<string, unknown>) => ProviderInstance;

/** Load oidc-provider (a dev dependency) without needing its type declarations. */
export async function loadProvider(): Promise<ProviderConstructor> {
  const specifier = 'oidc-provider';
  const mod = (await import(specifier)) as { default: ProviderConstructor };
  return mod.default;
}
