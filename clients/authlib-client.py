#!/usr/bin/python3
"""Authlib (Debian's python3-authlib) driven by the oauth-harness command protocol,
configured the way its documentation shows:
https://docs.authlib.org/en/latest/client/oauth2.html

- OAuth2Session(client_id, client_secret, token_endpoint_auth_method=...,
  code_challenge_method='S256'); create_authorization_url(url, code_verifier=...);
  fetch_token(url, authorization_response=..., code_verifier=...) (the library checks
  state). A GET token request is fetch_token(method='GET').
- Authlib has no "credentials in the query string" method: client_secret_post is used.
- Refresh: refresh_token(url, refresh_token=...). Automatic refresh: token_endpoint +
  update_token ("Auto Update Token").
- Revocation: revoke_token(url, token=..., token_type_hint=...).
"""
from authlib.common.security import generate_token
from authlib.integrations.requests_client import OAuth2Session
import requests

import _harness as h

AUTH_METHOD = {'client_secret_basic': 'client_secret_basic', 'client_secret_post': 'client_secret_post', 'client_secret_query': 'client_secret_post'}[h.env('CLIENT_AUTH')]
TOKEN_URL = h.env('TOKEN_ENDPOINT')
REVOKE_URL = h.env('REVOCATION_ENDPOINT')
PKCE = h.env('PKCE') != 'never'


def session(**kw):
    return OAuth2Session(
        h.env('CLIENT_ID'), h.env('CLIENT_SECRET'),
        token_endpoint_auth_method=AUTH_METHOD, revocation_endpoint_auth_method=AUTH_METHOD,
        scope=h.scopes() or None, redirect_uri=h.env('REDIRECT_URI'),
        code_challenge_method='S256' if PKCE else None, **kw)


def save_token(token, refresh_token=None, access_token=None):
    h.save_state({**h.load_state(), 'token': dict(token)})


def stored_token():
    token = h.load_state().get('token')
    if not token:
        raise RuntimeError('not connected')
    return token


def authorize():
    verifier = generate_token(48) if PKCE else None
    url, state = session().create_authorization_url(h.env('AUTHORIZATION_ENDPOINT'), code_verifier=verifier, **h.authorization_params())
    h.save_state({'state': state, 'code_verifier': verifier})
    print(url)


def callback():
    pending = h.load_state()
    extra = {'code_verifier': pending['code_verifier']} if pending.get('code_verifier') else {}
    token = session(state=pending.get('state')).fetch_token(TOKEN_URL, authorization_response=h.env('CALLBACK_URL'), method=h.env('TOKEN_REQUEST_METHOD', 'POST'), **extra)
    h.save_state({'token': dict(token)})


def client_credentials():
    save_token(session().fetch_token(TOKEN_URL, grant_type='client_credentials'))


def refresh():
    token = stored_token()
    save_token(session(token=token).refresh_token(TOKEN_URL, refresh_token=token.get('refresh_token')))


def call_api():
    method, url, headers, body = h.api_request()
    if h.env('API_AUTH') == 'none':
        response = requests.request(method, url, headers=headers, data=body)
    else:
        client = session(token=stored_token(), token_endpoint=TOKEN_URL, update_token=save_token)
        response = client.request(method, url, headers=headers, data=body)
    print(response.status_code)
    return 0 if response.ok else 1


def revoke(which=None):
    if not REVOKE_URL:
        return h.UNSUPPORTED
    token = stored_token()
    kind = 'refresh_token' if (which or h.env('REVOKE', 'refresh')) == 'refresh' and token.get('refresh_token') else 'access_token'
    response = session(token=token).revoke_token(REVOKE_URL, token=token[kind], token_type_hint=kind)
    print(response.status_code)
    return 0 if response.ok else 1


def disconnect():
    code = revoke('refresh') if REVOKE_URL and h.load_state().get('token') else 0
    h.clear_state()
    return code


h.run({
    'authorize': authorize,
    'callback': callback,
    'client-credentials': client_credentials,
    'refresh': refresh,
    'call-api': call_api,
    'revoke': revoke,
    'disconnect': disconnect,
})
