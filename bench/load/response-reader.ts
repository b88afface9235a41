const HEAD_END = Buffer.from('\r\n\r\n');
const CHUNKED_END = Buffer.from('\r\n0\r\n\r\n');

/** Where the response starting at 0 ends, or -1 while it is still incomplete. */
function responseEnd(buf: Buffer, headEnd: number, head: string): number {
  const length = /\r\ncontent-length:[ \t]*(\d+)/i.exec(head)?.[1];
  if (length !== undefined) {
    const end = headEnd + 4 + Number(length);
    return buf.length >= end ? end : -1;
  }
  if (/\r\ntransfer-encoding:[^\r]*chunked/i.test(head)) {
    const at = buf.indexOf(CHUNKED_END, headEnd + 2);
    return at === -1 ? -1 : at + CHUNKED_END.length;
  }
  throw new Error('response has neither Content-Length nor chunked encoding');
}

/**
 * A minimal HTTP/1.1 response splitter for a keep-alive connection without pipelining: feed it the
 * socket's chunks; it calls `onResponse(status)` once per complete response.
 */
export function createResponseReader(onResponse: (status: number) => void): (chunk: Buffer) => void {
  let pending: Buffer | undefined;
  return (chunk) => {
    let buf = pending ? Buffer.concat([pending, chunk]) : chunk;
    pending = undefined;
    for (;;) {
      const headEnd = buf.indexOf(HEAD_END);
      if (headEnd === -1) break;
      const head = buf.toString('latin1', 0, headEnd);
      const end = responseEnd(buf, headEnd, head);
      if (end === -1) break;
      onResponse(Number(head.slice(9, 12)));
      if (end === buf.length) return;
      buf = buf.subarray(end);
    }
    pending = buf;
  };
}
