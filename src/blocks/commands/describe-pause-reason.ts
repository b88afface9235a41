const REASONS: Record<string, string> = {
  not_in_channel: 'I was removed from this channel',
  channel_not_found:
    'I cannot see this channel any more (it was deleted, or it is private and I am not in it)',
  is_archived: 'this channel was archived',
  invalid_auth: 'my access to this workspace was revoked — reinstall the app',
  token_revoked: 'my access to this workspace was revoked — reinstall the app',
  account_inactive: 'my access to this workspace was revoked — reinstall the app',
  missing_scope: 'the app is missing a Slack permission — reinstall it',
  invalid_blocks: 'Slack refused a deployment message',
  msg_too_long: 'Slack refused a deployment message as too long',
};

/** Why a subscription is paused, in words, from the Slack error code that paused it. */
export function describePauseReason(code: string | null): string {
  if (code === null || code === '') return 'it was paused';
  return REASONS[code] ?? `Slack answered \`${code.replace(/[^a-z0-9_.-]/gi, '')}\``;
}
