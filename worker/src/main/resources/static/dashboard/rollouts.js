import { duration, el, number, reasons, table, time } from './dom.js';

// Which control applies in which rollout state (DESIGN.md §2): the buttons follow the state.
const CONTROLS = [
  { action: 'pause', label: 'Pause', states: ['RUNNING'] },
  { action: 'resume', label: 'Resume', states: ['PAUSED'] },
  { action: 'approve', label: 'Approve', states: ['AWAITING_APPROVAL'] },
  { action: 'rollback', label: 'Rollback', states: ['RUNNING', 'PAUSED', 'AWAITING_APPROVAL'], danger: true },
];

const DONE = ['SUCCEEDED', 'FAILED', 'TIMED_OUT', 'QUARANTINED'];

/**
 * @param canAct whether this operator may use the controls
 * @param onAction (rollout, action, reason) => void
 */
export function renderRollouts(rollouts, canAct, onAction) {
  const container = document.getElementById('rollouts');
  if (rollouts.length === 0) {
    container.replaceChildren(el('p', { class: 'empty' }, 'No rollouts yet.'));
    return;
  }
  container.replaceChildren(...rollouts.map((r) => rolloutCard(r, canAct, onAction)));
}

function rolloutCard(r, canAct, onAction) {
  const slug = r.id.replace(/[^A-Za-z0-9_-]/g, '_');
  return el(
    'article',
    { class: 'rollout', id: `rollout-${slug}`, 'data-rollout': r.id, 'data-state': r.state, 'aria-labelledby': `title-${slug}` },
    el('header', {},
      el('h3', { id: `title-${slug}` }, r.plan || r.id, ' ', el('span', { class: 'release' }, `→ ${r.release}`)),
      el('span', { class: `state state-${r.state}` }, r.state),
      r.currentPhase ? el('span', { class: 'phase-now' }, `phase: ${r.currentPhase}`) : null),
    el('p', { class: 'meta' }, `id ${r.id} · started ${time(r.startedAt)} · updated ${time(r.updatedAt)}`,
      r.source === 'store' ? ' · workflow not answering: showing the store' : ''),
    r.pause ? el('p', { class: 'pause' }, `Paused by ${r.pause.by || 'unknown'} at ${time(r.pause.at)}: ${r.pause.reason || 'no reason given'}`) : null,
    canAct ? controls(r, slug, onAction) : null,
    phasesTable(r),
    audit(r, slug),
  );
}

function controls(r, slug, onAction) {
  const applicable = CONTROLS.filter((c) => c.states.includes(r.state));
  if (applicable.length === 0) return null;
  const reasonId = `reason-${slug}`;
  return el('div', { class: 'controls' },
    el('label', { for: reasonId }, 'Reason'),
    el('input', { id: reasonId, type: 'text', class: 'reason', placeholder: 'why (kept in the audit trail)' }),
    applicable.map((c) => el('button', {
      type: 'button',
      class: c.danger ? 'danger' : null,
      'data-action': c.action,
      onclick: () => onAction(r, c.action, document.getElementById(reasonId).value),
    }, c.label)));
}

function phasesTable(r) {
  if (r.phases.length === 0) return el('p', { class: 'empty' }, 'Not prepared yet.');
  return table(`Phases of ${r.plan || r.id}`,
    ['Phase', 'State', 'Progress', 'Health', 'Gate', 'Failures', 'Deferred', 'Missed', 'Download p50 / p90', 'Install p50 / p90'],
    r.phases.map((p) => [
      el('span', { class: 'phase-name' }, p.name),
      el('span', { class: `state state-${p.state}` }, p.state),
      progress(p),
      health(p),
      gate(p.gate),
      reasons(p.failures, `failure reasons of ${p.name}`),
      reasons(p.deferred, `deferral reasons of ${p.name}`),
      reasons(p.missed, `missed reasons of ${p.name}`),
      timing(p.downloadMs),
      timing(p.installMs),
    ]));
}

/** A bar over the phase's target: succeeded, failed, in progress, waiting; and the figures. */
function progress(p) {
  const o = p.outcomes || {};
  const of = Math.max(p.target, p.assigned, 1);
  const parts = [
    ['ok', o.SUCCEEDED || 0, 'succeeded'],
    ['bad', (o.FAILED || 0) + (o.TIMED_OUT || 0) + (o.QUARANTINED || 0), 'failed'],
    ['busy', o.IN_PROGRESS || 0, 'in progress'],
    ['wait', (o.PENDING || 0) + (o.DEFERRED || 0), 'waiting'],
  ];
  const done = DONE.reduce((sum, k) => sum + (o[k] || 0), 0);
  const summary = `${number(p.assigned)} of ${number(p.target)} assigned, ${number(done)} done: ` +
    parts.map(([, n, label]) => `${number(n)} ${label}`).join(', ');
  return el('div', { class: 'progress-cell' },
    el('div', { class: 'bar', role: 'img', 'aria-label': summary },
      parts.map(([kind, n]) => el('span', { class: `seg ${kind}`, style: `width:${(100 * n) / of}%` }))),
    el('div', { class: 'figures' }, summary));
}

function health(p) {
  return el('span', {}, `${number(p.healthy)} healthy`, el('br'),
    el('span', { class: p.unhealthy > 0 ? 'warn' : null }, `${number(p.unhealthy)} unhealthy`));
}

function gate(g) {
  if (!g) return '–';
  const inputs = Object.entries(g.inputs || {});
  return el('div', { class: 'gate' },
    el('span', { class: `verdict verdict-${g.verdict}` }, g.verdict),
    g.reasons.length ? el('ul', { class: 'reasons' }, g.reasons.map((x) => el('li', {}, x))) : null,
    inputs.length ? el('details', {}, el('summary', {}, 'inputs'),
      el('dl', {}, inputs.map(([k, v]) => [el('dt', {}, k), el('dd', {}, format(v))]))) : null);
}

function timing(t) {
  if (!t || !t.devices) return '–';
  return el('span', {}, `${duration(t.p50Ms)} / ${duration(t.p90Ms)}`, el('br'),
    el('small', {}, `${number(t.devices)} devices`));
}

function audit(r, slug) {
  return el('details', { class: 'audit', id: `audit-${slug}` },
    el('summary', {}, `Audit trail (${r.audit.length} most recent)`),
    table(null, ['At', 'Event', 'By', 'Detail'],
      [...r.audit].reverse().map((a) => [time(a.at), a.event, a.by || '–', detail(a)])));
}

function detail(a) {
  const inputs = Object.entries(a.inputs || {});
  if (inputs.length === 0) return a.detail || '';
  return el('span', {}, a.detail || '', ' ',
    el('small', {}, inputs.map(([k, v]) => `${k}=${format(v)}`).join(', ')));
}

function format(v) {
  if (typeof v === 'number' && !Number.isInteger(v)) return v.toFixed(4);
  return typeof v === 'object' ? JSON.stringify(v) : String(v);
}
