/** Dynamic client registration checks (RFC 7591). */
import asDcrDefaultAuth from './as-dcr-default-auth.js';
import asDcrEcho from './as-dcr-echo.js';
import asDcrErrors from './as-dcr-errors.js';
import asDcrNoStore from './as-dcr-no-store.js';
import asDcrRequest from './as-dcr-request.js';
import asDcrResponse from './as-dcr-response.js';

export const DCR_CHECKS = [asDcrRequest, asDcrResponse, asDcrEcho, asDcrErrors, asDcrNoStore, asDcrDefaultAuth];
