/** In-memory Retry-After holds per workspace, so this process never calls a workspace early. */
export interface WorkspaceHolds {
  /** Holds the workspace until `until` (epoch ms); never shortens an existing hold. */
  hold(teamId: string, until: number): void;
  /** When the workspace may be called again; 0 when it is not held. */
  heldUntil(teamId: string): number;
}

export function createWorkspaceHolds(now: () => number): WorkspaceHolds {
  const holds = new Map<string, number>();
  return {
    hold(teamId, until) {
      holds.set(teamId, Math.max(until, holds.get(teamId) ?? 0));
    },
    heldUntil(teamId) {
      const until = holds.get(teamId) ?? 0;
      if (until > now()) return until;
      holds.delete(teamId);
      return 0;
    },
  };
}
