import type { NoticeKind } from './signal-types.js';

/** The tables of mutes, digests, notices and name checks (part of `Database` in schema.ts). */
export interface SignalTables {
  mutes: {
    team_id: string;
    channel_id: string;
    target: string;
    muted_at: number;
    until: number;
    created_by: string | null;
  };
  digests: {
    team_id: string;
    channel_id: string;
    time: string;
    time_zone: string;
    created_by: string | null;
    updated_at: number;
  };
  notices: {
    key: string;
    team_id: string;
    channel_id: string;
    kind: NoticeKind;
    /** `{ text, blocks }` as JSON; null for a claim with nothing to send. */
    message: string | null;
    state: 'pending' | 'sent' | 'skipped' | 'dropped';
    attempts: number;
    next_attempt_at: number;
    lease_owner: string | null;
    lease_until: number | null;
    ts: string | null;
    last_error: string | null;
    created_at: number;
    updated_at: number;
  };
  hook_name_checks: { hook_id: string; checked_at: number };
}
