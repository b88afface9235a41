import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseSotaCommand } from '../../src/slack/commands/parse-command.js';
import { KNOWN_EVENTS } from '../../src/sota/event.js';

describe('parseSotaCommand', () => {
  it('treats empty text and help as help', () => {
    expect(parseSotaCommand('')).toEqual({ kind: 'help' });
    expect(parseSotaCommand('   ')).toEqual({ kind: 'help' });
    expect(parseSotaCommand('help')).toEqual({ kind: 'help' });
    expect(parseSotaCommand('HELP')).toEqual({ kind: 'help' });
  });

  it('subscribes to all three events when none is given', () => {
    expect(parseSotaCommand('subscribe my-app')).toEqual({
      kind: 'subscribe',
      project: 'my-app',
      events: ['deploy.started', 'deploy.succeeded', 'deploy.failed'],
    });
  });

  it('accepts short and long event names in any order, deduplicated, in canonical order', () => {
    expect(parseSotaCommand('subscribe my-app failed deploy.started FAILED')).toEqual({
      kind: 'subscribe',
      project: 'my-app',
      events: ['deploy.started', 'deploy.failed'],
    });
    expect(parseSotaCommand('  subscribe\tapi   succeeded ')).toEqual({
      kind: 'subscribe',
      project: 'api',
      events: ['deploy.succeeded'],
    });
  });

  it('keeps the project exactly as typed (ids and slugs are resolved later)', () => {
    const id = '550e8400-e29b-41d4-a716-446655440000';
    expect(parseSotaCommand(`subscribe ${id}`)).toMatchObject({ kind: 'subscribe', project: id });
    expect(parseSotaCommand('unsubscribe My-App')).toEqual({ kind: 'unsubscribe', project: 'My-App' });
    expect(parseSotaCommand('test web')).toEqual({ kind: 'test', project: 'web' });
  });

  it('explains an unknown event name and lists the valid ones', () => {
    const parsed = parseSotaCommand('subscribe my-app deployed');
    expect(parsed.kind).toBe('invalid');
    if (parsed.kind !== 'invalid') return;
    expect(parsed.reason).toContain('deployed');
    expect(parsed.reason).toContain('started, succeeded, failed');
  });

  it('asks for the project when it is missing', () => {
    for (const text of ['subscribe', 'unsubscribe', 'test']) {
      const parsed = parseSotaCommand(text);
      expect(parsed.kind).toBe('invalid');
      if (parsed.kind === 'invalid') expect(parsed.reason).toContain(`/sota ${text} <project`);
    }
  });

  it('refuses extra words after commands that take none or one', () => {
    for (const text of [
      'list all',
      'connect sota_abc',
      'disconnect now',
      'help me',
      'unsubscribe a b',
      'test a b',
    ]) {
      expect(parseSotaCommand(text).kind, text).toBe('invalid');
    }
  });

  it('names an unknown subcommand, escaped so it cannot mention or link', () => {
    const parsed = parseSotaCommand('<!channel> hi');
    expect(parsed.kind).toBe('invalid');
    if (parsed.kind !== 'invalid') return;
    expect(parsed.reason).toContain('&lt;!channel&gt;');
    expect(parsed.reason).not.toContain('<!channel>');
  });

  it('never throws and always yields a known kind', () => {
    const kinds = ['subscribe', 'unsubscribe', 'test', 'list', 'connect', 'disconnect', 'help', 'invalid'];
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        const parsed = parseSotaCommand(text);
        expect(kinds).toContain(parsed.kind);
        if (parsed.kind === 'subscribe') {
          expect(parsed.events.length).toBeGreaterThan(0);
          for (const e of parsed.events) expect(KNOWN_EVENTS).toContain(e);
        }
        if (parsed.kind === 'invalid') expect(parsed.reason).not.toMatch(/[<>]/);
      }),
    );
  });
});
