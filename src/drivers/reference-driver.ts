/**
 * The reference client as a driver: a thin adapter, so the steps drive every client the
 * same way.
 */
import type { ReferenceClient, TokenSet } from '../client/reference-client.js';
import type { ClientWarning } from '../client/warnings.js';
import type { CallApiInit, ClientDriver, ClientRun } from './driver.js';

export class ReferenceDriver implements ClientDriver {
  readonly kind = 'reference' as const;
  readonly label = 'reference';
  readonly runs: readonly ClientRun[] = [];

  constructor(readonly client: ReferenceClient) {}

  get config() {
    return this.client.config;
  }
  get tokens(): TokenSet | undefined {
    return this.client.tokens;
  }
  beginConnect(user: string) {
    return this.client.beginConnect(user);
  }
  completeConnect(callbackUrl: string) {
    return this.client.completeConnect(callbackUrl);
  }
  clientCredentials(scopes?: string[]) {
    return this.client.clientCredentials(scopes);
  }
  refresh() {
    return this.client.refresh();
  }
  callApi(url: string, init?: CallApiInit) {
    return this.client.callApi(url, init);
  }
  revoke(which?: 'refresh' | 'access') {
    return this.client.revoke(which);
  }
  disconnect() {
    return this.client.disconnect();
  }
  dropTokens() {
    this.client.dropTokens();
  }
  drainWarnings(): ClientWarning[] {
    return this.client.drainWarnings();
  }
  async close(): Promise<void> {}
}
