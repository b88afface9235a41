import type { Store } from '../store/types.js';

/**
 * The store as the rest of the app sees it: every call behaves as before (callers still answer
 * 503 or retry), and a failure that means the store is gone for good is also reported to
 * `onFailure`, which ends the process.
 */
export function guardStore(store: Store, onFailure: (err: unknown, where: string) => void): Store {
  return new Proxy(store, {
    get(target, key, receiver) {
      const value = Reflect.get(target, key, receiver) as unknown;
      if (typeof value !== 'function') return value;
      const where = `store.${String(key)}`;
      return (...args: unknown[]) => {
        try {
          const result = (value as (...a: unknown[]) => unknown).apply(target, args);
          if (result instanceof Promise) {
            return result.catch((err: unknown) => {
              onFailure(err, where);
              throw err;
            });
          }
          return result;
        } catch (err) {
          onFailure(err, where);
          throw err;
        }
      };
    },
  });
}
