/**
 * The mutation families of a signed delivery: body bytes, the signature header, other headers,
 * framing and lengths, the request line. See webhook-mutations.ts for the oracle.
 */
import fc from 'fast-check';
import type { DeliveryModel, Mutation } from './delivery-model.js';

const SIGNATURE = 'x-sota-signature';

const withBody = (label: string, f: (b: Buffer) => Buffer): Mutation => ({
  label,
  apply: (m) => ({ ...m, body: f(m.body) }),
});

const mapSignature = (label: string, f: (v: string) => string): Mutation => ({
  label,
  apply: (m) => ({
    ...m,
    headers: m.headers.map(([n, v]): [string, string] =>
      n.toLowerCase() === SIGNATURE ? [n, f(v)] : [n, v],
    ),
  }),
});

const setHeader = (label: string, name: string, value: string | undefined): Mutation => ({
  label,
  apply: (m) => {
    const rest = m.headers.filter(([n]) => n.toLowerCase() !== name.toLowerCase());
    return { ...m, headers: value === undefined ? rest : [...rest, [name, value]] };
  },
});

const at = (b: Buffer, i: number) => (b.length === 0 ? 0 : i % b.length);

export const bodyMutations: fc.Arbitrary<Mutation>[] = [
  fc.tuple(fc.nat(), fc.integer({ min: 1, max: 255 })).map(([i, x]) =>
    withBody(`flip body byte ${i}^${x}`, (b) => {
      if (b.length === 0) return b;
      const c = Buffer.from(b);
      c[at(b, i)] = (c[at(b, i)] ?? 0) ^ x;
      return c;
    }),
  ),
  fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })).map(([i, byte]) =>
    withBody(`insert byte ${byte} at ${i}`, (b) => {
      const j = b.length === 0 ? 0 : i % (b.length + 1);
      return Buffer.concat([b.subarray(0, j), Buffer.from([byte]), b.subarray(j)]);
    }),
  ),
  fc
    .nat()
    .map((i) =>
      withBody(`delete body byte ${i}`, (b) =>
        Buffer.concat([b.subarray(0, at(b, i)), b.subarray(at(b, i) + 1)]),
      ),
    ),
  fc.nat().map((n) => withBody(`truncate body to ${n}`, (b) => b.subarray(0, n % Math.max(1, b.length)))),
  fc
    .uint8Array({ minLength: 1, maxLength: 64 })
    .map((bytes) => withBody('append bytes', (b) => Buffer.concat([b, Buffer.from(bytes)]))),
  fc.uint8Array({ maxLength: 300 }).map((bytes) => withBody('replace body', () => Buffer.from(bytes))),
  fc
    .constantFrom(' ', '\n', '\t')
    .map((ws) =>
      withBody(`whitespace after first colon`, (b) =>
        Buffer.from(b.toString('latin1').replace(':', `:${ws}`), 'latin1'),
      ),
    ),
];

const hexDigit = fc.constantFrom(...'0123456789abcdef'.split(''));

export const signatureMutations: fc.Arbitrary<Mutation>[] = [
  fc
    .tuple(fc.integer({ min: 7, max: 70 }), hexDigit)
    .map(([i, d]) =>
      mapSignature(`set signature char ${i} to ${d}`, (v) => `${v.slice(0, i)}${d}${v.slice(i + 1)}`),
    ),
  fc.constant(mapSignature('upper-case hex digits', (v) => `sha256=${v.slice(7).toUpperCase()}`)),
  fc
    .constantFrom('SHA256=', 'sha1=', 'sha512=', '', 'v0=', 'sha256:', 'sha256 =')
    .map((p) => mapSignature(`prefix ${JSON.stringify(p)}`, (v) => `${p}${v.slice(7)}`)),
  fc.integer({ min: 1, max: 70 }).map((k) => mapSignature(`drop last ${k} chars`, (v) => v.slice(0, -k))),
  fc
    .string({ unit: hexDigit, minLength: 1, maxLength: 3 })
    .map((s) => mapSignature(`append ${s}`, (v) => `${v}${s}`)),
  fc.constant(
    mapSignature('digest as base64', (v) => `sha256=${Buffer.from(v.slice(7), 'hex').toString('base64')}`),
  ),
  fc.constant(setHeader('drop signature', SIGNATURE, undefined)),
  fc.constant({
    label: 'signature header twice',
    apply: (m: DeliveryModel) => ({
      ...m,
      headers: [...m.headers, ...m.headers.filter(([n]) => n.toLowerCase() === SIGNATURE)],
    }),
  }),
  fc.constant(mapSignature('two signatures in one value', (v) => `${v},${v}`)),
  fc.constantFrom(' ', '  ', '\t').map((s) => mapSignature('spaces around the value', (v) => `${s}${v}${s}`)),
  fc
    .integer({ min: 8, max: 70 })
    .map((i) => mapSignature(`space inside at ${i}`, (v) => `${v.slice(0, i)} ${v.slice(i)}`)),
  fc
    .tuple(fc.integer({ min: 7, max: 70 }), fc.constantFrom('\u00e9', '\u00ff', '\u0080', '\u00a0'))
    .map(([i, c]) => mapSignature(`non-ASCII at ${i}`, (v) => `${v.slice(0, i)}${c}${v.slice(i + 1)}`)),
  fc.constantFrom('x-sota-signature', 'X-SOTA-SIGNATURE', 'x-Sota-signature').map((name) => ({
    label: `signature header named ${name}`,
    apply: (m: DeliveryModel) => ({
      ...m,
      headers: m.headers.map(([n, v]): [string, string] =>
        n.toLowerCase() === SIGNATURE ? [name, v] : [n, v],
      ),
    }),
  })),
];

/** Content types the app accepts (verified body) and some it must refuse. */
export const ACCEPTED_TYPES = new Set([
  'application/json',
  'application/json; charset=utf-8',
  'application/json;charset=UTF-8',
  'Application/JSON',
]);
const OTHER_TYPES = [
  'text/plain',
  'application/x-www-form-urlencoded',
  'application/json; charset=latin1',
  'multipart/form-data; boundary=x',
  'application/jsonx',
  '',
];

export const headerMutations: fc.Arbitrary<Mutation>[] = [
  fc
    .constantFrom(...ACCEPTED_TYPES, ...OTHER_TYPES, undefined)
    .map((t) => setHeader(`content-type ${JSON.stringify(t)}`, 'Content-Type', t)),
  fc
    .constantFrom('gzip', 'deflate', 'br', 'identity', 'IDENTITY', 'gzip, identity', 'x-unknown')
    .map((e) => setHeader(`content-encoding ${e}`, 'Content-Encoding', e)),
  fc.string({ unit: fc.constantFrom(...'abcXYZ019-_ '.split('')), maxLength: 30 }).map((v) => ({
    label: 'extra header',
    apply: (m: DeliveryModel) => ({ ...m, headers: [...m.headers, ['X-Extra', v] as [string, string]] }),
  })),
];

export const framingMutations: fc.Arbitrary<Mutation>[] = [
  fc
    .integer({ min: -40, max: 40 })
    .filter((d) => d !== 0)
    .map((d) => ({
      label: `content-length off by ${d}`,
      apply: (m: DeliveryModel) => ({ ...m, lengthDelta: d }),
    })),
  fc.array(fc.integer({ min: 1, max: 64 }), { minLength: 1, maxLength: 8 }).map((sizes) => ({
    label: 'chunked',
    apply: (m: DeliveryModel) => ({ ...m, framing: 'chunked' as const, chunkSizes: sizes }),
  })),
  fc.constant({ label: 'no framing', apply: (m: DeliveryModel) => ({ ...m, framing: 'none' as const }) }),
  fc.uint8Array({ minLength: 1, maxLength: 40 }).map((bytes) => ({
    label: 'bytes after the body (pipelined)',
    apply: (m: DeliveryModel) => ({
      ...m,
      body: Buffer.concat([m.body, Buffer.from(bytes)]),
      lengthDelta: m.lengthDelta - bytes.length,
    }),
  })),
];

export const requestLineMutations: fc.Arbitrary<Mutation>[] = [
  fc.constantFrom('GET', 'PUT', 'DELETE', 'PATCH', 'OPTIONS').map((method) => ({
    label: `method ${method}`,
    apply: (m: DeliveryModel) => ({ ...m, method }),
  })),
  fc.constantFrom('/', '//', '/x', '.json').map((tail) => ({
    label: `path + ${tail}`,
    apply: (m: DeliveryModel) => ({ ...m, path: `${m.path}${tail}` }),
  })),
  fc.tuple(fc.nat(), fc.constantFrom(...'AbZ09_-'.split(''))).map(([i, c]) => ({
    label: `hook id char ${i} -> ${c}`,
    apply: (m: DeliveryModel) => {
      const base = '/webhooks/sota/';
      const id = m.path.slice(base.length);
      const j = id.length === 0 ? 0 : i % id.length;
      return { ...m, path: `${base}${id.slice(0, j)}${c}${id.slice(j + 1)}` };
    },
  })),
  fc.constant({
    label: 'upper-case path',
    apply: (m: DeliveryModel) => ({ ...m, path: m.path.toUpperCase() }),
  }),
  fc.constantFrom('?', '?a=1', '?hook=other&x').map((query) => ({
    label: `query ${query}`,
    apply: (m: DeliveryModel) => ({ ...m, query }),
  })),
];
