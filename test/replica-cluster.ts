// A private PostgreSQL primary and its streaming replica on loopback, for the read-replica test:
// initdb, pg_basebackup -R, two postmasters on free ports, removed afterwards. Uses the server
// binaries of the machine's PostgreSQL (pg_config --bindir); as root, it runs them as the
// `postgres` user (initdb refuses root).
import { execFileSync } from 'node:child_process';
import { appendFileSync, chmodSync, chownSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface ReplicaCluster {
  primaryUrl: string;
  replicaUrl: string;
  /** Stops the replica's postmaster (fast shutdown). */
  stopReplica(): void;
  /** Stops both and removes their directories. */
  destroy(): void;
}

function binDir(): string | undefined {
  try {
    const dir = execFileSync('pg_config', ['--bindir'], { encoding: 'utf8' }).trim();
    return existsSync(path.join(dir, 'initdb')) && existsSync(path.join(dir, 'pg_basebackup')) ? dir : undefined;
  } catch {
    return undefined;
  }
}

function postgresUser(): { uid: number; gid: number } | undefined {
  try {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    return { uid, gid };
  } catch {
    return undefined;
  }
}

/** Why a private cluster cannot be made here, or undefined when it can. */
export function replicaClusterUnavailable(): string | undefined {
  if (!binDir()) return 'no PostgreSQL server binaries (initdb, pg_basebackup from pg_config --bindir)';
  if (process.getuid?.() === 0 && !postgresUser()) return 'running as root without a postgres user to run initdb as';
  return undefined;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export async function startReplicaCluster(): Promise<ReplicaCluster> {
  const bin = binDir();
  if (!bin) throw new Error('no PostgreSQL server binaries');
  const asRoot = process.getuid?.() === 0;
  const owner = asRoot ? postgresUser() : undefined;
  const root = mkdtempSync(path.join(tmpdir(), 'insyn-replica-'));
  if (owner) {
    chownSync(root, owner.uid, owner.gid);
    chmodSync(root, 0o700);
  }
  const run = (tool: string, args: string[]) => {
    const [command, argv] = owner ? ['runuser', ['-u', 'postgres', '--', path.join(bin, tool), ...args]] : [path.join(bin, tool), args];
    return execFileSync(command, argv, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 60_000 });
  };
  const primaryDir = path.join(root, 'primary');
  const replicaDir = path.join(root, 'replica');
  const [primaryPort, replicaPort] = [await freePort(), await freePort()];
  const started: string[] = [];
  const stop = (dir: string) => {
    if (!started.includes(dir)) return;
    try {
      run('pg_ctl', ['-D', dir, '-m', 'fast', '-w', 'stop']);
    } catch {
      // already stopped
    }
    started.splice(started.indexOf(dir), 1);
  };
  const destroy = () => {
    stop(replicaDir);
    stop(primaryDir);
    rmSync(root, { recursive: true, force: true });
  };
  try {
    run('initdb', ['-D', primaryDir, '-U', 'postgres', '--auth=trust', '--no-sync', '-E', 'UTF8', '--locale=C']);
    // Loopback only, no Unix socket (its default directory belongs to the machine's cluster), and
    // no durability work: this cluster lives for one test file.
    const settings = (port: number) =>
      [
        `port = ${port}`,
        "listen_addresses = '127.0.0.1'",
        "unix_socket_directories = ''",
        'fsync = off',
        'synchronous_commit = off',
        'full_page_writes = off',
        'max_connections = 40',
        'shared_buffers = 32MB',
        'wal_level = replica',
        'max_wal_senders = 4',
        'hot_standby = on',
        '',
      ].join('\n');
    appendFileSync(path.join(primaryDir, 'postgresql.conf'), settings(primaryPort));
    appendFileSync(path.join(primaryDir, 'pg_hba.conf'), 'host replication postgres 127.0.0.1/32 trust\n');
    run('pg_ctl', ['-D', primaryDir, '-l', path.join(root, 'primary.log'), '-w', 'start']);
    started.push(primaryDir);
    // -R writes standby.signal and primary_conninfo: the copy starts as a streaming replica.
    run('pg_basebackup', [
      '-h',
      '127.0.0.1',
      '-p',
      String(primaryPort),
      '-U',
      'postgres',
      '-D',
      replicaDir,
      '-R',
      '-X',
      'stream',
      '-c',
      'fast',
    ]);
    appendFileSync(path.join(replicaDir, 'postgresql.conf'), `port = ${replicaPort}\n`);
    run('pg_ctl', ['-D', replicaDir, '-l', path.join(root, 'replica.log'), '-w', 'start']);
    started.push(replicaDir);
  } catch (error) {
    destroy();
    throw error;
  }
  return {
    primaryUrl: `postgres://postgres@127.0.0.1:${primaryPort}/postgres`,
    replicaUrl: `postgres://postgres@127.0.0.1:${replicaPort}/postgres`,
    stopReplica: () => stop(replicaDir),
    destroy,
  };
}
