import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { renderHelp } from '../src/blocks/commands/render-help.js';
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

  it('names the signal subcommands, unfurls sota.io links and has a Messages tab', () => {
    const hint = manifest.features.slash_commands[0]?.usage_hint ?? '';
    for (const word of ['[changes]', 'mute <project|all>', 'unmute <project|all>', 'digest <HH:MM>']) {
      expect(hint).toContain(word);
    }
    const raw = manifest as unknown as {
      features: { unfurl_domains?: string[]; app_home?: { messages_tab_enabled?: boolean } };
    };
    expect(raw.features.unfurl_domains).toEqual(['sota.io']);
    expect(raw.features.app_home?.messages_tab_enabled).toBe(true);
  });

  it('lists the same subcommands as /sota help and the README', () => {
    const help = renderHelp().text;
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    for (const sub of [
      'subscribe',
      'unsubscribe',
      'list',
      'mute',
      'unmute',
      'digest',
      'connect',
      'disconnect',
      'test',
      'help',
    ]) {
      expect(help, sub).toContain(`/sota ${sub}`);
      expect(readme, sub).toContain(`/sota ${sub}`);
      expect(manifest.features.slash_commands[0]?.usage_hint ?? '', sub).toMatch(
        ['disconnect', 'test'].includes(sub) ? /./ : new RegExp(`\\b${sub}\\b`),
      );
    }
  });

  it('has a bot user, no org-wide deploy and no socket mode (HTTP only)', () => {
    expect(manifest.features.bot_user.display_name).toBeTruthy();
    expect(manifest.settings.org_deploy_enabled).toBe(false);
    expect(manifest.settings.socket_mode_enabled).toBe(false);
  });
});
