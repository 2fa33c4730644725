import * as api from './api.js';
import { renderFleet } from './fleet.js';
import { renderRollouts } from './rollouts.js';
import { renderSupport } from './support.js';

const REFRESH_MS = 5000;
const ROLES_THAT_ACT = ['operator', 'admin'];

// whether the controls show: the role may act, or the server has no whoami (it still decides)
let canAct = true;
let timer = null;

function say(message, isError = false) {
  const status = document.getElementById('status');
  status.textContent = message;
  status.classList.toggle('error', isError);
}

async function identify() {
  const answer = await api.whoami();
  const who = document.getElementById('who');
  if (answer.ok && answer.body) {
    canAct = ROLES_THAT_ACT.includes(answer.body.role);
    who.textContent = `· signed in as ${answer.body.name} (${answer.body.role})`;
  } else if (answer.status === 404) {
    canAct = true; // a server without roles: every control is shown, the server still decides
    who.textContent = '';
  } else if (answer.status === 401) {
    who.textContent = '· not signed in';
  }
}

/** Re-rendering replaces the cards: keep what the operator is typing, reading and focused on. */
function keepingUserState(render) {
  const typed = new Map([...document.querySelectorAll('input.reason')].map((i) => [i.id, i.value]));
  const open = new Set([...document.querySelectorAll('details[open]')].map((d) => d.id).filter(Boolean));
  const focused = document.activeElement && document.activeElement.id;
  render();
  typed.forEach((value, id) => {
    const input = document.getElementById(id);
    if (input) input.value = value;
  });
  open.forEach((id) => document.getElementById(id)?.setAttribute('open', ''));
  if (focused) document.getElementById(focused)?.focus();
}

async function refresh() {
  clearTimeout(timer);
  const answer = await api.getDashboard();
  if (answer.ok) {
    const d = answer.body;
    keepingUserState(() => {
      renderFleet(d.fleet);
      renderRollouts(d.rollouts, canAct, act);
      renderSupport(d.support);
    });
    document.getElementById('refreshed').textContent = `Updated ${new Date(d.generatedAt).toLocaleTimeString('en-GB')}.`;
    document.body.dataset.loaded = 'true';
  } else if (answer.status === 401 || answer.status === 403) {
    say(`Not allowed: ${api.problem(answer)}. Paste an operator token above.`, true);
    document.getElementById('token').focus();
  } else {
    say(`Could not refresh: ${api.problem(answer)}`, true);
  }
  timer = setTimeout(refresh, REFRESH_MS);
}

async function act(rollout, action, reason) {
  if (action === 'rollback' &&
      !window.confirm(`Roll back ${rollout.plan || rollout.id}? Every updated device is offered its previous version.`)) {
    return;
  }
  const request = { reason: reason || `${action} from the dashboard` };
  if (action === 'approve') {
    request.phase = rollout.currentPhase;
    request.comment = reason || '';
  }
  say(`${action} ${rollout.id}: sending…`);
  const answer = await api.act(rollout.id, action, request);
  if (answer.ok) {
    say(`${action} ${rollout.id}: done, the rollout is now ${answer.body?.state ?? 'updated'}.`);
  } else {
    say(`${action} ${rollout.id} refused: ${api.problem(answer)}`, true);
  }
  await refresh();
}

function wireTokenForm() {
  const form = document.getElementById('token-form');
  const input = document.getElementById('token');
  input.value = api.token();
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    api.setToken(input.value.trim());
    say('Token saved for this tab.');
    await identify();
    await refresh();
  });
  document.getElementById('forget-token').addEventListener('click', () => {
    api.setToken('');
    input.value = '';
    say('Token forgotten.');
  });
}

api.adoptTokenFromFragment();
wireTokenForm();
identify().then(refresh);
