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
}
