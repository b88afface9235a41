/** Where a sampled function belongs, by its file and name (first matching rule wins). */
const RULES: Array<[string, RegExp]> = [
  ['idle', /^\(idle\)$/],
  ['garbage collection', /^\(garbage collector\)$/],
  ['SQLite: statements and durable commits', /better-sqlite3|\/store\/sqlite\//],
  ['delivery worker and Slack client', /\/delivery\/|@slack\/|undici|\/blocks\//],
  [
    'HMAC and crypto',
    /^(Hmac|digest|update|timingSafeEqual|createCipherBase|Decipher)\b|node:crypto|internal\/crypto/,
  ],
  [
    'JSON parsing and event validation',
    /zod|parse-webhook-event|assess-webhook-event|JSON\.parse|decodeJson/,
  ],
  ['logging', /pino|sonic-boom/],
  ['metrics', /prom-client/],
  ['webhook route and HTTP edge (our code)', /\/http\//],
  ['node:http parsing and responses', /_http_|node:http|parserOn|HTTPParser/],
  ['socket I/O', /^(writev|writeGeneric|onStreamRead|afterWrite)$|stream_base|node:net|internal\/streams/],
  [
    'module loading (start-up)',
    /loader|compileSourceTextModule|wrapSafe|package_json|realpath|internalModuleStat|^(lstat|openFileHandle|read)$/,
  ],
];

export function categoryOf(functionName: string, url: string): string {
  const text = `${functionName} ${url}`;
  for (const [name, pattern] of RULES) {
    if (pattern.test(url) || pattern.test(functionName) || pattern.test(text)) return name;
  }
  return 'other (runtime, promises, timers)';
}
