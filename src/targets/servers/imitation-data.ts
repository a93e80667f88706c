/**
 * The data a server definition gives about what it can imitate (see server-definition.ts
 * and docs/adding-a-server.md): plain types, read by selection (`switch-fit.ts`) and carried
 * by a started target.
 */
/**
 * The values one switch can take on a server, and the server's own setting that gives
 * them (for `oauth-harness targets` and docs/adding-a-server.md):
 * - `any`: every valid value (a lifetime in seconds, a path), but those in `except`;
 * - `oneOf`: exactly these values (compared as JSON; `oneOf: [false]` for what the server
 *   always does by itself, with `setting` saying so);
 * - `subsetOf`: a list whose members all come from these (`clientAuth.methods`).
 */
export type SwitchValues =
  | { readonly any: true; readonly except?: readonly unknown[]; readonly setting: string }
  | { readonly oneOf: readonly unknown[]; readonly setting: string }
  | { readonly subsetOf: readonly string[]; readonly setting: string };

/** Why the server keeps its own way on a switch; with `subsetOf`, only for lists whose members all come from it. */
export type OwnWay = string | { readonly why: string; readonly subsetOf: readonly string[] };

/**
 * Which switches a server can imitate. Keys are switch paths, `group.name` as in
 * mocks/provider/switches.ts (`refresh.rotation`, `lifetimes.accessToken`).
 */
export interface SwitchImitation {
  /** Switches the server can be set to, with the values it takes. A scenario that sets a switch (or a value) not listed here is skipped, naming it. */
  readonly switches: Readonly<Record<string, SwitchValues>>;
  /**
   * Switches a *profile* sets that the server keeps doing its own way, each with why. The
   * profile's scenarios still run (the parity report shows where the server differs);
   * a scenario that sets one of these itself (`provider.switches`) is skipped.
   */
  readonly ownWay?: Readonly<Record<string, OwnWay>>;
  /** Fields of a client registration (`provider.clients`) the server can take, e.g. `client_secret`, `scopes`. */
  readonly clientFields: readonly string[];
  /**
   * The server's own way with client ids, when it cannot take the profile's as the reference
   * client sends it: the profile's client is registered under its id with every character but
   * letters and digits dropped (`harness-client` → `harnessclient`), with why. A client id a
   * scenario names itself (`provider.clients[].client_id`) is registered as named. See
   * `src/targets/client-id.ts`.
   */
  readonly clientId?: ClientIdWay;
}

/** How a server registers the profile's client id, and why (see {@link SwitchImitation.clientId}). */
export interface ClientIdWay {
  /** The only characters its ids keep: letters and digits, what form-encoding (RFC 6749 §2.3.1) leaves unchanged. */
  readonly keep: 'letters-and-digits';
  readonly why: string;
}
