import Module, { createRequire } from 'node:module';

/**
 * Makes the CommonJS module `specifier`, as the file `requirer` would `require` it, load when one of
 * its exports is first read instead of when it is required: until then `require` returns a stand-in
 * that loads the real module on its first read and forwards every read to it. For modules a package
 * requires at its top but uses only on a path the app may never take, e.g. Bolt's Socket Mode
 * receiver. Nothing changes when the module is already loaded.
 */
export function loadOnFirstUse(specifier: string, requirer: string): void {
  const require = createRequire(requirer);
  const file = require.resolve(specifier);
  if (require.cache[file]) return;
  let real: object | undefined;
  const load = (): object => {
    if (real === undefined) {
      delete require.cache[file];
      real = require(file) as object;
    }
    return real;
  };
  const standIn = new Module(file);
  standIn.filename = file;
  standIn.loaded = true;
  standIn.exports = new Proxy(
    {},
    {
      get: (_target, key) => Reflect.get(load(), key),
      has: (_target, key) => Reflect.has(load(), key),
      ownKeys: () => Reflect.ownKeys(load()),
      getOwnPropertyDescriptor: (_target, key) => {
        const own = Reflect.getOwnPropertyDescriptor(load(), key);
        if (!own) return undefined;
        return {
          value: Reflect.get(load(), key),
          writable: false,
          enumerable: own.enumerable,
          configurable: true,
        };
      },
    },
  );
  require.cache[file] = standIn;
}
