import type { Compilable, CompiledQuery } from 'kysely';

const MARK = '\u0000value:';

/**
 * A query built and compiled once, its values bound on each call: on hot paths (ingest, the
 * queue) building a query costs far more than running it. `build` gets stand-ins for the values,
 * to be used only where the query binds a parameter (never in `sql.lit` or an identifier).
 */
export function prepared<K extends string, R>(
  keys: readonly K[],
  build: (values: Record<K, never>) => Compilable<R>,
): (values: Record<K, unknown>) => CompiledQuery<R> {
  let compiled: CompiledQuery<R> | undefined;
  let slots: Array<K | undefined> = [];
  return (values) => {
    if (!compiled) {
      compiled = build(Object.fromEntries(keys.map((k) => [k, `${MARK}${k}`])) as Record<K, never>).compile();
      slots = compiled.parameters.map((p) =>
        typeof p === 'string' && p.startsWith(MARK) ? (p.slice(MARK.length) as K) : undefined,
      );
    }
    const constants = compiled.parameters;
    return { ...compiled, parameters: slots.map((k, i) => (k === undefined ? constants[i] : values[k])) };
  };
}
