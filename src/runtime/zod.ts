import { createRequire } from 'node:module';

/**
 * zod's CommonJS build: its ES module build is about 95 ES modules (70 of them locales) that Node 20
 * loads one by one through its module loader at every start; the CommonJS build of the same code
 * loads faster and keeps about 2 MB less. Every module of the app takes `z` from here (types still
 * come from 'zod'), so one copy is loaded.
 */
const require = createRequire(import.meta.url);

export const { z } = require('zod') as typeof import('zod');
