#!/usr/bin/env node
/**
 * `sota-slack <command> [options]`: runs dist/cli/<command>.js when the package is built, or
 * src/cli/<command>.ts through tsx in a checkout. Every file in src/cli is a command.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const COMMAND_NAME = /^[a-z][a-z0-9-]*$/;

function namesIn(dir, suffix) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((file) => file.endsWith(suffix))
    .map((file) => file.slice(0, -suffix.length));
}

function availableCommands() {
  const names = [...namesIn(join(root, 'dist', 'cli'), '.js'), ...namesIn(join(root, 'src', 'cli'), '.ts')];
  return [...new Set(names)].filter((name) => COMMAND_NAME.test(name)).sort();
}

function tsxLoader() {
  try {
    return import.meta.resolve('tsx');
  } catch {
    return undefined;
  }
}

/** The node arguments that run a command, or a sentence saying why it cannot run. */
function resolveCommand(name) {
  if (!COMMAND_NAME.test(name)) return { problem: `unknown command "${name}"` };
  const built = join(root, 'dist', 'cli', `${name}.js`);
  if (existsSync(built)) return { args: [built] };
  const source = join(root, 'src', 'cli', `${name}.ts`);
  if (!existsSync(source)) return { problem: `unknown command "${name}"` };
  const loader = tsxLoader();
  if (!loader) return { problem: `"${name}" is not built: run \`npm run build\` first` };
  return { args: ['--import', loader, source] };
}

function usage() {
  const list = availableCommands()
    .map((name) => `  ${name}`)
    .join('\n');
  return `Usage: sota-slack <command> [options]\nCommands:\n${list}\nRun a command with --help to see its options.\n`;
}

const [name, ...rest] = process.argv.slice(2);
if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
  process.stdout.write(usage());
} else {
  const command = resolveCommand(name);
  if (command.problem) {
    process.stderr.write(`sota-slack: ${command.problem}\n\n${usage()}`);
    process.exitCode = 1;
  } else {
    const child = spawn(process.execPath, [...command.args, ...rest], { stdio: 'inherit' });
    child.on('exit', (code, signal) => {
      process.exitCode = code ?? (signal ? 1 : 0);
    });
  }
}
