/**
 * The servers of the throughput comparison: how to start each, pinned, and read its
 * token endpoint and client credentials from its first output line.
 */
import { join } from 'node:path';
import { packageRoot } from '../../../mocks/package-root.js';
import { startChild } from '../proc.js';
import type { PeerReady } from './ready.js';

export type TargetId = 'mock' | 'oauth2-mock-server' | 'oidc-provider' | 'bare-node-http';

export interface Target {
  id: TargetId;
  label: string;
  start(core: number | undefined): Promise<{ ready: PeerReady; pid: number; stop: () => Promise<void> }>;
}

/** What `oauth-harness serve --json` prints (only the fields used here). */
interface ServeJson {
  issuers: { token_endpoint: string; client_id: string; client_secret: string | null }[];
}

const peerScript = (name: string) => join(packageRoot(), 'dist', 'src', 'bench', 'peers', `${name}.js`);

function peer(id: TargetId, label: string, script: string): Target {
  return {
    id,
    label,
    async start(core) {
      const s = await startChild<PeerReady>([peerScript(script)], { core });
      return { ready: s.ready, pid: s.child.pid!, stop: s.stop };
    },
  };
}

/** The standalone mock: the real CLI process, `oauth-harness serve --profile rfc-strict`. */
export const mockTarget: Target = {
  id: 'mock',
  label: 'oauth-harness serve (rfc-strict)',
  async start(core) {
    const bin = join(packageRoot(), 'bin', 'oauth-harness.js');
    const s = await startChild<ServeJson>([bin, 'serve', '--profile', 'rfc-strict', '--port', '0', '--json'], { core });
    const i = s.ready.issuers[0]!;
    return { ready: { token_endpoint: i.token_endpoint, client_id: i.client_id, client_secret: i.client_secret ?? '' }, pid: s.child.pid!, stop: s.stop };
  },
};

export const TARGETS: Target[] = [
  mockTarget,
  peer('oauth2-mock-server', 'oauth2-mock-server 8 (Ed25519 JWTs)', 'oauth2-mock-server'),
  peer('oidc-provider', 'oidc-provider 9 (opaque tokens)', 'oidc-provider'),
  peer('bare-node-http', 'bare node:http, fixed body', 'bare-http'),
];
