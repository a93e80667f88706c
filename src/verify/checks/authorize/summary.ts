/** One-line description of an authorization run. */
import { type AuthorizationRun, describeRun } from '../../flows/authorize.js';

export function attemptSummary(run: AuthorizationRun): string {
  return describeRun(run);
}
