/** Native app redirect checks (RFC 8252). */
import asNatLoopbackOnlyPort from './as-nat-loopback-only-port.js';
import asNatLoopbackPort from './as-nat-loopback-port.js';

export const NATIVE_CHECKS = [asNatLoopbackPort, asNatLoopbackOnlyPort];
