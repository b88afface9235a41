/**
 * Posts a message to a Slack response_url (valid for 30 minutes, 5 uses). Used where Bolt gives
 * no `respond`, e.g. after a modal submission. Returns whether Slack accepted it; never throws.
 */
export async function respondViaUrl(
  responseUrl: string,
  message: { text: string; response_type?: 'ephemeral' | 'in_channel'; replace_original?: boolean },
  timeoutMs = 5000,
): Promise<boolean> {
  try {
    const res = await fetch(responseUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ response_type: 'ephemeral', ...message }),
      signal: AbortSignal.timeout(timeoutMs),
    });
    await res.arrayBuffer();
    return res.ok;
  } catch {
    return false;
  }
}
