import { el, number, table, time } from './dom.js';

export function renderSupport(support) {
  document.getElementById('support-total').textContent =
    `(${number(support.total)} open${support.total > support.cases.length ? `, newest ${support.cases.length} shown` : ''})`;
  const container = document.getElementById('support');
  if (support.cases.length === 0) {
    container.replaceChildren(el('p', { class: 'empty' }, 'Nobody is waiting for support.'));
    return;
  }
  container.replaceChildren(
    table('Devices in the support queue, newest first',
      ['Entered', 'Device', 'Rollout / phase', 'Why', 'Error', 'Attempts', 'Model / version', 'Likely cause', 'Next steps'],
      support.cases.map((c) => [
        time(c.enteredAt),
        el('code', {}, c.deviceId),
        `${c.rolloutId} / ${c.phase || '–'}`,
        c.reason,
        el('span', {}, el('code', {}, c.errorCode || '–'), c.errorDetail ? el('small', {}, el('br'), c.errorDetail) : null),
        number(c.attempts),
        `${c.hardwareModel || '–'} / ${c.version || '–'}`,
        c.cause || '–',
        c.nextSteps ? el('span', { class: 'steps' }, c.nextSteps, c.retryable === true ? el('small', {}, el('br'), 'retryable') : null) : '–',
      ])));
}
