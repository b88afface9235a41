import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { SUBSCRIBED_EVENTS } from '../src/slack/listeners/events/index.js';
import { BOT_SCOPES, SLASH_COMMAND } from '../src/slack/scopes.js';

interface Manifest {
  display_information: { name: string };
  features: {
    bot_user: { display_name: string };
    slash_commands: Array<{
      command: string;
      url: string;
      usage_hint?: string;
      description: string;
      should_escape?: boolean;
    }>;
  };
  oauth_config: { redirect_urls: string[]; scopes: { bot: string[]; user?: string[] } };
  settings: {
    event_subscriptions: { request_url: string; bot_events: string[]; user_events?: string[] };
    interactivity: { is_enabled: boolean; request_url: string };
    org_deploy_enabled: boolean;
    socket_mode_enabled: boolean;
  };
}

const manifest = parse(readFileSync(new URL('../manifest.yml', import.meta.url), 'utf8')) as Manifest;
const EVENTS_URL = 'https://YOUR-HOST/slack/events';

describe('manifest.yml', () => {
  it('declares exactly the slash command the app listens to, pointing at /slack/events, with a usage hint', () => {
    expect(manifest.features.slash_commands.map((c) => c.command)).toEqual([SLASH_COMMAND]);
    const [command] = manifest.features.slash_commands;
    expect(command?.url).toBe(EVENTS_URL);
    expect(command?.usage_hint).toMatch(/subscribe <project>/);
    for (const sub of [
      'unsubscribe',
      'list',
      'mention',
      'actions',
      'test',
      'connect',
      'disconnect',
      'help',
    ]) {
      expect(command?.usage_hint).toContain(sub);
    }
  });

  it('has Slack escape mentions, so /sota mention and /sota actions get <@U…> and <!subteam^S…>', () => {
    expect(manifest.features.slash_commands[0]?.should_escape).toBe(true);
  });

  it('sends events and interactivity to /slack/events and OAuth back to /slack/oauth_redirect', () => {
    expect(manifest.settings.event_subscriptions.request_url).toBe(EVENTS_URL);
    expect(manifest.settings.interactivity).toEqual({ is_enabled: true, request_url: EVENTS_URL });
    expect(manifest.oauth_config.redirect_urls).toEqual(['https://YOUR-HOST/slack/oauth_redirect']);
  });

  it('subscribes to exactly the events the code registers listeners for', () => {
    expect([...manifest.settings.event_subscriptions.bot_events].sort()).toEqual(
      [...SUBSCRIBED_EVENTS].sort(),
    );
    expect(manifest.settings.event_subscriptions.user_events).toBeUndefined();
  });

  it('asks for exactly the bot scopes the installer requests, and no user scopes', () => {
    expect([...manifest.oauth_config.scopes.bot].sort()).toEqual([...BOT_SCOPES].sort());
    expect(manifest.oauth_config.scopes.user).toBeUndefined();
  });

  it('has a bot user, no org-wide deploy and no socket mode (HTTP only)', () => {
    expect(manifest.features.bot_user.display_name).toBeTruthy();
    expect(manifest.settings.org_deploy_enabled).toBe(false);
    expect(manifest.settings.socket_mode_enabled).toBe(false);
  });
});
