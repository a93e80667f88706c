/** What every bench server prints as its first stdout line once it listens. */
export interface PeerReady {
  token_endpoint: string;
  client_id: string;
  client_secret: string;
}

/** Prints the ready line (the bench reads it, see `../proc.ts`). */
export function announce(ready: PeerReady): void {
  process.stdout.write(`${JSON.stringify(ready)}\n`);
}

/** Stops on SIGTERM/SIGINT. */
export function stopOnSignal(close: () => unknown): void {
  const stop = () => {
    void Promise.resolve(close()).finally(() => process.exit(0));
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}
