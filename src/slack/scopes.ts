/**
 * The bot scopes the app asks for when installed, and nothing more. manifest.yml lists the same set
 * (test/manifest.test.ts keeps them equal).
 * - commands: the `/sota` slash command.
 * - chat:write: post and update deployment messages, their thread replies, and `/sota test`.
 * - chat:write.public: post in public channels the bot was never invited to.
 * - channels:read, groups:read: `conversations.info` on `/sota subscribe`, to tell a public channel
 *   from a private one the bot is not a member of.
 * - users:read: `users.info`, to tell workspace admins and owners, who may change the sota.io key
 *   and who may press the action buttons.
 * - usergroups:read: `usergroups.users.list`, to tell whether a presser of Redeploy / Roll back is in
 *   a user group the workspace allowed.
 * - links:read, links:write: `link_shared` for `https://<slug>.sota.io` links and `chat.unfurl`, to show a
 *   followed project's live deployment under the link.
 */
export const BOT_SCOPES = [
  'commands',
  'chat:write',
  'chat:write.public',
  'channels:read',
  'groups:read',
  'users:read',
  'usergroups:read',
  'links:read',
  'links:write',
] as const;

/** The slash command the app listens to (manifest.yml declares the same). */
export const SLASH_COMMAND = '/sota';
