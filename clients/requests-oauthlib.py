#!/usr/bin/python3
"""requests-oauthlib (Debian's python3-requests-oauthlib) driven by the oauth-harness
command protocol, configured the way its documentation shows:
https://requests-oauthlib.readthedocs.io/en/latest/oauth2_workflow.html

- Web Application Flow: OAuth2Session.authorization_url, then fetch_token with the
  callback URL (the library checks state). No PKCE: requests-oauthlib 1.3 has none.
- Credentials: fetch_token(client_secret=...) sends an HTTP Basic header; with
  include_client_id=True it sends them in the body (or the query of a GET,
  fetch_token(method='GET')).
- Refresh: refresh_token(url, **extra) with extra = client_id/client_secret (body), or
  auth=HTTPBasicAuth. Automatic refresh: auto_refresh_url + token_updater.
- No revocation API: revoke is unsupported, disconnect only forgets the token.
"""
import os
import sys

# Documented for testing against plain-HTTP servers (the mock is on http://127.0.0.1).
os.environ.setdefault('OAUTHLIB_INSECURE_TRANSPORT', '1')

import requests  # noqa: E402
from oauthlib.oauth2 import BackendApplicationClient  # noqa: E402
from requests.auth import HTTPBasicAuth  # noqa: E402
from requests_oauthlib import OAuth2Session  # noqa: E402

import _harness as h  # noqa: E402

CLIENT_ID = h.env('CLIENT_ID')
SECRET = h.env('CLIENT_SECRET')
BASIC = h.env('CLIENT_AUTH') == 'client_secret_basic'
TOKEN_URL = h.env('TOKEN_ENDPOINT')


def credentials():
    """fetch_token arguments for the configured placement."""
    return {'client_secret': SECRET} if BASIC else {'include_client_id': True, 'client_secret': SECRET}


def refresh_credentials():
    return {'auth': HTTPBasicAuth(CLIENT_ID, SECRET)} if BASIC else {'client_id': CLIENT_ID, 'client_secret': SECRET}


def save_token(token):
    h.save_state({**h.load_state(), 'token': token})


def authorize():
    session = OAuth2Session(CLIENT_ID, redirect_uri=h.env('REDIRECT_URI'), scope=h.scopes() or None)
    url, state = session.authorization_url(h.env('AUTHORIZATION_ENDPOINT'), **h.authorization_params())
    h.save_state({'state': state})
    print(url)


def callback():
    state = h.load_state().get('state')
    session = OAuth2Session(CLIENT_ID, redirect_uri=h.env('REDIRECT_URI'), scope=h.scopes() or None, state=state)
    token = session.fetch_token(TOKEN_URL, authorization_response=h.env('CALLBACK_URL'), method=h.env('TOKEN_REQUEST_METHOD', 'POST'), **credentials())
    h.save_state({'token': token})


def client_credentials():
    session = OAuth2Session(client=BackendApplicationClient(client_id=CLIENT_ID), scope=h.scopes() or None)
    save_token(session.fetch_token(token_url=TOKEN_URL, **credentials()))


def refresh():
    token = h.load_state().get('token')
    if not token:
        raise RuntimeError('not connected')
    session = OAuth2Session(CLIENT_ID, token=token, scope=h.scopes() or None)
    save_token(session.refresh_token(TOKEN_URL, **refresh_credentials()))


def call_api():
    method, url, headers, body = h.api_request()
    if h.env('API_AUTH') == 'none':
        response = requests.request(method, url, headers=headers, data=body)
    else:
        token = h.load_state().get('token')
        if not token:
            raise RuntimeError('not connected')
        auto = {'auto_refresh_url': TOKEN_URL, 'token_updater': save_token} if token.get('refresh_token') else {}
        if auto and not BASIC:
            auto['auto_refresh_kwargs'] = {'client_id': CLIENT_ID, 'client_secret': SECRET}
        session = OAuth2Session(CLIENT_ID, token=token, **auto)
        extra = {'client_id': CLIENT_ID, 'client_secret': SECRET} if auto and BASIC else {}
        response = session.request(method, url, headers=headers, data=body, **extra)
    print(response.status_code)
    return 0 if response.ok else 1


def disconnect():
    print('requests-oauthlib has no token revocation: the token is only forgotten', file=sys.stderr)
    h.clear_state()


h.run({
    'authorize': authorize,
    'callback': callback,
    'client-credentials': client_credentials,
    'refresh': refresh,
    'call-api': call_api,
    'disconnect': disconnect,
})
