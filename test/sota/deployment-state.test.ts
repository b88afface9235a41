import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type DeploymentEventRecord,
  normalizeDeploymentUrl,
  parseEventRecord,
  reduceDeployment,
} from '../../src/sota/deployment-state.js';

const meta = {
  projectId: '550e8400-e29b-41d4-a716-446655440000',
  projectName: 'my-app',
  deploymentId: '7c9e6679-7425-40de-944b-e07fc1f90ae7',
};

const started = (at = '2026-02-25T14:30:00Z', data = {}): DeploymentEventRecord => ({
  event: 'deploy.started',
  occurredAt: at,
  data,
});
const succeeded = (
  at = '2026-02-25T14:31:42Z',
  data: Record<string, unknown> = {},
): DeploymentEventRecord => ({
  event: 'deploy.succeeded',
  occurredAt: at,
  data: { url: 'https://my-app.sota.io', status: 'running', ...data },
});
const failed = (at = '2026-02-25T14:32:07Z', data: Record<string, unknown> = {}): DeploymentEventRecord => ({
  event: 'deploy.failed',
  occurredAt: at,
  data,
});

describe('reduceDeployment', () => {
  it('has nothing to show without events', () => {
    expect(reduceDeployment(meta, [])).toBeUndefined();
  });

  it('shows a started deployment', () => {
    expect(reduceDeployment(meta, [started('2026-02-25T14:30:00Z', { status: 'building' })])).toEqual({
      ...meta,
      status: 'started',
      sotaStatus: 'building',
      startedAt: '2026-02-25T14:30:00Z',
      finishedAt: undefined,
      url: undefined,
      errorMessage: undefined,
    });
  });

  it('shows the full lifecycle of a success', () => {
    expect(reduceDeployment(meta, [started(), succeeded()])).toEqual({
      ...meta,
      status: 'succeeded',
      sotaStatus: 'running',
      startedAt: '2026-02-25T14:30:00Z',
      finishedAt: '2026-02-25T14:31:42Z',
      url: 'https://my-app.sota.io',
      errorMessage: undefined,
    });
  });

  it('shows succeeded when it arrives before started, and a late started never moves it back', () => {
    const view = reduceDeployment(meta, [succeeded(), started()]);
    expect(view?.status).toBe('succeeded');
    expect(view?.startedAt).toBe('2026-02-25T14:30:00Z');
    expect(reduceDeployment(meta, [failed(), started('2026-02-25T14:40:00Z')])?.status).toBe('failed');
  });

  it('lets the later of succeeded and failed win, failed on a tie, whatever the arrival order', () => {
    const early = '2026-02-25T14:31:00Z';
    const late = '2026-02-25T14:35:00Z';
    expect(reduceDeployment(meta, [failed(late), succeeded(early)])?.status).toBe('failed');
    expect(reduceDeployment(meta, [succeeded(early), failed(late)])?.status).toBe('failed');
    expect(reduceDeployment(meta, [failed(early), succeeded(late)])?.status).toBe('succeeded');
    expect(reduceDeployment(meta, [succeeded(late), failed(early)])).toMatchObject({
      status: 'succeeded',
      finishedAt: late,
      url: 'https://my-app.sota.io',
    });
    expect(reduceDeployment(meta, [succeeded(late), failed(late)])?.status).toBe('failed');
    expect(reduceDeployment(meta, [failed(late), succeeded(late)])?.status).toBe('failed');
  });

  it('compares timestamps as instants, not as text', () => {
    const view = reduceDeployment(meta, [
      succeeded('2026-02-25T15:00:00+01:00'),
      failed('2026-02-25T14:30:00Z'),
    ]);
    expect(view?.status).toBe('failed');
  });

  it('gives the same view for any arrival order', () => {
    const events = [started(), succeeded(), failed('2026-02-25T14:31:42Z', { error: 'health check' })];
    fc.assert(
      fc.property(fc.shuffledSubarray(events, { minLength: 3, maxLength: 3 }), (order) => {
        expect(reduceDeployment(meta, order)).toEqual(reduceDeployment(meta, events));
      }),
    );
  });

  it('reads the failure text from error_message, else error; trimmed, strings only', () => {
    const reason = (data: Record<string, unknown>) =>
      reduceDeployment(meta, [failed(undefined, data)])?.errorMessage;
    expect(reason({ error_message: '  Build failed  ', error: 'other' })).toBe('Build failed');
    expect(reason({ error_message: null, error: 'Health check timed out' })).toBe('Health check timed out');
    expect(reason({ error_message: '   ', error: 'fallback' })).toBe('fallback');
    expect(reason({ error_message: 42, error: { text: 'x' } })).toBeUndefined();
    expect(reason({ error: '' })).toBeUndefined();
    expect(reason({})).toBeUndefined();
  });

  it('takes sotaStatus from the event that set the status', () => {
    const view = reduceDeployment(meta, [
      started(undefined, { status: 'building' }),
      failed(undefined, { status: 'failed' }),
    ]);
    expect(view?.sotaStatus).toBe('failed');
    expect(reduceDeployment(meta, [started(undefined, { status: 7 })])?.sotaStatus).toBeUndefined();
  });

  it('keeps the url only for a success, in a usable form', () => {
    const url = (value: unknown) => reduceDeployment(meta, [succeeded(undefined, { url: value })])?.url;
    expect(url('https://my-app.sota.io')).toBe('https://my-app.sota.io');
    expect(url('my-app.sota.io')).toBe('https://my-app.sota.io');
    expect(url('javascript:alert(1)')).toBeUndefined();
    expect(url(undefined)).toBeUndefined();
    expect(reduceDeployment(meta, [succeeded(), failed('2026-02-25T15:00:00Z')])?.url).toBeUndefined();
  });

  it('drops an empty project name', () => {
    expect(reduceDeployment({ ...meta, projectName: null }, [started()])?.projectName).toBeUndefined();
    expect(reduceDeployment({ ...meta, projectName: '  ' }, [started()])?.projectName).toBeUndefined();
  });
});

describe('normalizeDeploymentUrl', () => {
  it.each([
    ['https://my-app.sota.io', 'https://my-app.sota.io'],
    ['http://my-app.sota.io/', 'http://my-app.sota.io/'],
    ['my-app.sota.io', 'https://my-app.sota.io'],
    ['app.example.com:8443/path?q=1', 'https://app.example.com:8443/path?q=1'],
    [' https://MY-APP.sota.io/a b ', 'https://my-app.sota.io/a%20b'],
  ])('accepts %j as %j', (value, expected) => {
    expect(normalizeDeploymentUrl(value)).toBe(expected);
  });

  it.each([
    'javascript:alert(1)',
    'ftp://my-app.sota.io',
    'https://user:pass@my-app.sota.io',
    'not a url',
    'localhost',
    '',
    42,
    null,
  ])('refuses %j', (value) => {
    expect(normalizeDeploymentUrl(value)).toBeUndefined();
  });
});

describe('parseEventRecord', () => {
  const payload = {
    event: 'deploy.succeeded',
    project_id: meta.projectId,
    deployment_id: meta.deploymentId,
    timestamp: '2026-02-25T14:30:00Z',
    data: { url: 'https://my-app.sota.io', status: 'running', extra: true },
  };
  const stored = (body: unknown, event = 'deploy.succeeded') => ({
    event,
    occurredAt: '2026-02-25T14:30:00Z',
    payload: typeof body === 'string' ? body : JSON.stringify(body),
  });

  it('re-reads a stored payload into a record', () => {
    expect(parseEventRecord(stored(payload))).toEqual({
      event: 'deploy.succeeded',
      occurredAt: '2026-02-25T14:30:00Z',
      data: { url: 'https://my-app.sota.io', status: 'running', extra: true },
    });
  });

  it('gives an empty data object when the payload has none', () => {
    const { data: _unused, ...withoutData } = payload;
    expect(
      parseEventRecord(stored({ ...withoutData, event: 'deploy.started' }, 'deploy.started'))?.data,
    ).toEqual({});
  });

  it.each([
    ['bad JSON', stored('{"event":')],
    ['an empty payload', stored('')],
    ['an unknown event', stored({ ...payload, event: 'deploy.paused' }, 'deploy.paused')],
    ['a payload of another event than stored', stored(payload, 'deploy.failed')],
    ['a payload failing the schema', stored({ ...payload, deployment_id: 'nope' })],
    ['a number where a string belongs', stored({ ...payload, data: { url: 5 } })],
    ['JSON that is not an object', stored('[1,2,3]')],
  ])('returns undefined for %s', (_name, input) => {
    expect(parseEventRecord(input)).toBeUndefined();
  });

  it('never throws, whatever the stored text', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (event, text) => {
        expect(() => parseEventRecord({ event, occurredAt: '', payload: text })).not.toThrow();
      }),
    );
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    expect(parseEventRecord(stored(deep))).toBeUndefined();
  });
});
