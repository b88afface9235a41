import { describeFailureKind, type FailureKind, failureKind } from './failure-kind.js';

export type OutboundService = 'Slack' | 'sota.io';

/** What a log line carries about a failed outbound call: which service, which call, how it failed. */
export interface OutboundFailureFields {
  service: OutboundService;
  method: string;
  failure: FailureKind | undefined;
}

export function outboundFailure(
  service: OutboundService,
  method: string,
  err: unknown,
): OutboundFailureFields {
  return { service, method, failure: failureKind(err) };
}

/** "Slack chat.postMessage: connection refused", for a log message or an answer; undefined when an answer came. */
export function describeOutboundFailure(fields: OutboundFailureFields): string | undefined {
  return fields.failure
    ? `${fields.service} ${fields.method}: ${describeFailureKind(fields.failure)}`
    : undefined;
}
