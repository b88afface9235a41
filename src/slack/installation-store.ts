import type { Installation, InstallationQuery, InstallationStore } from '@slack/bolt';
import type { SubscriptionStore, WorkspaceStore } from '../store/types.js';
import { resumeWorkspace } from './resume-workspace.js';

/** Thrown when Bolt asks for a workspace that has no installation (Bolt then answers 401). */
export class MissingInstallationError extends Error {
  readonly code = 'installation_missing';
  constructor(teamId: string | undefined) {
    super(`No installation for workspace ${teamId ?? '(none)'}`);
    this.name = 'MissingInstallationError';
  }
}

/**
 * Bolt's InstallationStore over our store. Installations are kept per workspace (org-wide installs
 * are not offered); the store seals the installation JSON and bot token at rest.
 */
export function createInstallationStore(
  store: WorkspaceStore & SubscriptionStore,
  now: () => number,
): InstallationStore {
  return {
    async storeInstallation(installation: Installation): Promise<void> {
      const teamId = installation.team?.id;
      const botToken = installation.bot?.token;
      if (!teamId || !botToken) throw new Error('Only workspace installs with a bot token are supported');
      await store.saveInstallation({
        teamId,
        enterpriseId: installation.enterprise?.id ?? null,
        installationJson: JSON.stringify(installation),
        botToken,
        botUserId: installation.bot?.userId ?? null,
        installedAt: now(),
      });
      await resumeWorkspace(store, teamId);
    },
    async fetchInstallation(query: InstallationQuery<boolean>): Promise<Installation> {
      const { teamId } = query;
      const record = teamId ? await store.getInstallation(teamId) : undefined;
      if (!record) throw new MissingInstallationError(teamId);
      return JSON.parse(record.installationJson) as Installation;
    },
    async deleteInstallation(query: InstallationQuery<boolean>): Promise<void> {
      const { teamId } = query;
      if (teamId) await store.forgetWorkspace(teamId);
    },
  };
}
