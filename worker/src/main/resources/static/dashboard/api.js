// Talks to /mgmt/v1 with the operator's token (Authorization: Bearer ...). The token comes from
// the URL fragment (#token=..., removed from the address bar at once) or the token form, and is
// kept in sessionStorage: it never goes into a URL the server logs.
const KEY = 'rollout.dashboard.token';

export function adoptTokenFromFragment() {
  const match = /(?:^#|&)token=([^&]+)/.exec(window.location.hash);
  if (match) {
    setToken(decodeURIComponent(match[1]));
    history.replaceState(null, '', window.location.pathname + window.location.search);
  }
}

// a link with another #token= opened in the same tab changes only the fragment: no reload
window.addEventListener('hashchange', adoptTokenFromFragment);

export function token() {
  return sessionStorage.getItem(KEY) || '';
}

export function setToken(value) {
  if (value) {
    sessionStorage.setItem(KEY, value);
  } else {
    sessionStorage.removeItem(KEY);
  }
}

function headers(extra) {
  const h = { Accept: 'application/json', ...extra };
  if (token()) {
    h.Authorization = 'Bearer ' + token();
  }
  return h;
}

/** The answer as {ok, status, body}; body is the parsed JSON or null. Never throws on 4xx/5xx. */
async function call(method, path, body) {
  let response;
  try {
    response = await fetch(path, {
      method,
      headers: headers(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      body: body === undefined ? undefined : JSON.stringify(body),
      cache: 'no-store',
    });
  } catch (e) {
    return { ok: false, status: 0, body: { code: 'UNREACHABLE', message: 'the server did not answer' } };
  }
  let parsed = null;
  try {
    parsed = await response.json();
  } catch (e) {
    parsed = null;
  }
  return { ok: response.ok, status: response.status, body: parsed };
}

export const getDashboard = () => call('GET', '/mgmt/v1/dashboard');
export const whoami = () => call('GET', '/mgmt/v1/whoami');
export const act = (rolloutId, action, request) =>
  call('POST', `/mgmt/v1/rollouts/${encodeURIComponent(rolloutId)}/${action}`, request);

/** A line for people from an error answer: the API's message, else the status. */
export function problem(answer) {
  if (answer.body && answer.body.message) {
    return answer.body.code ? `${answer.body.message} (${answer.body.code})` : answer.body.message;
  }
  return answer.status ? `HTTP ${answer.status}` : 'the server did not answer';
}
