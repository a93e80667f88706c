"""Reading the oauth-harness command protocol (clients/README.md) from Python adapters.

Only the protocol lives here: environment variables, the state file, exit codes.
Everything OAuth is done by the library each adapter is about.
"""
import json
import os
import sys
from urllib.parse import parse_qsl

UNSUPPORTED = 3  # exit code: this client cannot do this step


def env(name, default=''):
    return os.environ.get('OAUTH_HARNESS_' + name, default)


def scopes():
    delimiter = env('SCOPE_DELIMITER', ' ') or ' '
    return [s for s in env('SCOPE').split(delimiter) if s]


def authorization_params():
    return dict(parse_qsl(env('AUTHORIZATION_PARAMS')))


def load_state():
    try:
        with open(env('STATE_FILE'), encoding='utf-8') as f:
            return json.load(f)
    except FileNotFoundError:
        return {}


def save_state(state):
    path = env('STATE_FILE')
    tmp = path + '.tmp'
    with open(tmp, 'w', encoding='utf-8') as f:
        json.dump(state, f)
    os.replace(tmp, path)


def clear_state():
    try:
        os.remove(env('STATE_FILE'))
    except FileNotFoundError:
        pass


def api_request():
    """The API call the step asks for: method, url, headers, body."""
    return env('API_METHOD', 'GET'), env('API_URL'), json.loads(env('API_HEADERS') or '{}'), env('API_BODY') or None


def run(handlers):
    """Runs the handler of OAUTH_HARNESS_STEP; an exception is a failed step (exit 1)."""
    step = env('STEP')
    handler = handlers.get(step)
    if handler is None:
        print(f'this client does not support the step "{step}"', file=sys.stderr)
        sys.exit(UNSUPPORTED)
    try:
        code = handler()
    except Exception as e:  # the library's own error is the client's reaction
        print(f'{type(e).__name__}: {e}', file=sys.stderr)
        sys.exit(1)
    sys.exit(code or 0)
