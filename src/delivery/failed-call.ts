import {
  describeOutboundFailure,
  type OutboundFailureFields,
  outboundFailure,
} from '../net/outbound-failure.js';

/** The Slack method each failed call's error came from, so the log line that handles it can name it. */
const methods = new WeakMap<object, string>();

export function rememberFailedCall(err: unknown, method: string): void {
  if (typeof err === 'object' && err !== null) methods.set(err, method);
}

/** Service, method and kind of failure of an error a Slack call threw; undefined for any other error. */
export function failedCallOf(err: unknown): OutboundFailureFields | undefined {
  const method = typeof err === 'object' && err !== null ? methods.get(err) : undefined;
  return method === undefined ? undefined : outboundFailure('Slack', method, err);
}

/** " (Slack chat.update: connection refused)" for a log message, or "" when Slack answered. */
export function failedCallSuffix(call: OutboundFailureFields | undefined): string {
  const words = call ? describeOutboundFailure(call) : undefined;
  return words ? ` (${words})` : '';
}
