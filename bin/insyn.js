#!/usr/bin/env node
// Runs the Insyn command line on the project's pinned Node 24 (the system Node may be older).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const pinned = path.join(root, 'node_modules', '.bin', 'node');
const major = Number(process.versions.node.split('.')[0]);
const node = major >= 24 ? process.execPath : existsSync(pinned) ? pinned : process.execPath;
const result = spawnSync(
  node,
  ['--import', path.join(root, 'src', 'register-tsx.ts'), path.join(root, 'src', 'cli', 'insyn.ts'), ...process.argv.slice(2)],
  { stdio: 'inherit' },
);
process.exit(result.status ?? 1);
