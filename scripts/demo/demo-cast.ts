/** Who and what the demo plays with: one workspace and its admin, two channels, two sota.io projects. */
export const DEMO_TEAM = { id: 'T0DEMO', name: 'Acme' } as const;
export const DEMO_USER = { id: 'U0ALEX', name: 'alex' } as const;
export const DEMO_BOT_TOKEN = 'xoxb-demo-0000000000-local-only';

export const DEMO_CHANNELS = {
  deploys: { id: 'C0DEPLOYS', name: 'deploys' },
  shopAlerts: { id: 'C0SHOPALERTS', name: 'shop-alerts' },
} as const;

export const DEMO_PROJECTS = {
  shop: { name: 'Shop Frontend', slug: 'shop' },
  payments: { name: 'Payments API', slug: 'payments-api' },
} as const;

/** The `/sota` commands the demo runs before its day starts: who follows what. */
export const DEMO_SUBSCRIPTIONS = [
  { channel: DEMO_CHANNELS.deploys, text: 'subscribe shop' },
  { channel: DEMO_CHANNELS.deploys, text: 'subscribe payments-api' },
  { channel: DEMO_CHANNELS.shopAlerts, text: 'subscribe shop failed changes' },
] as const;

/**
 * Who may press Redeploy / Roll back: @alex, picked from Slack's list (so it arrives escaped). alex
 * is a workspace admin, who may decide it.
 */
export const DEMO_ACTIONS_COMMAND = {
  channel: DEMO_CHANNELS.deploys,
  text: `actions <@${DEMO_USER.id}|${DEMO_USER.name}>`,
} as const;

export type DemoChannelKey = keyof typeof DEMO_CHANNELS;
export type DemoProjectKey = keyof typeof DEMO_PROJECTS;

/** `#deploys` for a channel id of the cast, `@alex (DM)` for the demo user, the id itself otherwise. */
export function channelLabel(channelId: string): string {
  if (channelId === DEMO_USER.id) return `@${DEMO_USER.name} (DM)`;
  const found = Object.values(DEMO_CHANNELS).find((c) => c.id === channelId);
  return found ? `#${found.name}` : channelId;
}
