import type { Config } from '../config/load-config.js';

export type OperatorKeyConfig = Pick<Config, 'slack' | 'sotaApiToken' | 'sotaApiTokenTeams'>;

/**
 * The operator's `SOTA_API_TOKEN` for one workspace, when that workspace may use it: always in
 * single-workspace mode; in multi-workspace mode only for the teams in `SOTA_API_TOKEN_TEAMS`
 * (none when that is unset), so a workspace installed through the open install page never reaches
 * the operator's projects.
 */
export function operatorTokenFor(config: OperatorKeyConfig, teamId: string): string | undefined {
  if (config.sotaApiToken === undefined) return undefined;
  if (config.slack.kind === 'single') return config.sotaApiToken;
  return config.sotaApiTokenTeams?.includes(teamId) ? config.sotaApiToken : undefined;
}

/** The one line said at start when the operator key is set but no workspace may use it. */
export function operatorKeyNotice(config: OperatorKeyConfig): string | undefined {
  if (config.slack.kind !== 'multi' || config.sotaApiToken === undefined) return undefined;
  if (config.sotaApiTokenTeams !== undefined) return undefined;
  return 'SOTA_API_TOKEN is set but SOTA_API_TOKEN_TEAMS is not: no workspace uses the operator key; each connects its own with /sota connect';
}
