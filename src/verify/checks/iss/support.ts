/** Does the server do RFC 9207 (flag advertised, or `iss` seen anyway)? */
import type { CheckContext } from '../../context.js';

export function issAdvertised(ctx: CheckContext): boolean {
  return ctx.metadata.authorization_response_iss_parameter_supported === true;
}

export const NOT_SUPPORTED = 'the server neither advertises authorization_response_iss_parameter_supported nor returns iss (RFC 9207 not supported)';
