/**
 * Real Postgres, Redis and an S3-compatible server (s3rver) on loopback, each with its own data
 * directory in a temporary folder and a free port. As root, Postgres runs as the `postgres` user.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import S3rver from 's3rver';

export interface Service {
  url: string;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

function pgBin(name: string): string {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).sort((a, b) => Number(b) - Number(a)) : [];
  for (const v of versions) if (existsSync(join(root, v, 'bin', name))) return join(root, v, 'bin', name);
  throw new Error(`${name} not found under ${root}: install postgresql (scripts/system-deps.sh test)`);
}

/** As root: the unprivileged `postgres` system user (Postgres refuses to run as root); otherwise ourselves. */
function pgUser(): { uid: number; gid: number } | Record<string, never> {
  if (userInfo().uid !== 0) return {};
  return { uid: Number(execFileSync('id', ['-u', 'postgres']).toString().trim()), gid: Number(execFileSync('id', ['-g', 'postgres']).toString().trim()) };
}

function waitFor(child: ChildProcess, pattern: RegExp, what: string, timeoutMs = 30_000): Promise<void> {
  let out = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${what} did not start:\n${out}`)), timeoutMs);
    const check = (c: Buffer) => {
      out += c.toString();
      if (pattern.test(out)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on('data', check);
    child.stderr?.on('data', check);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${what} exited with ${code}:\n${out}`));
    });
  });
}

function stopChild(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill(signal);
  });
}

/** A fresh Postgres cluster (fsync off: test data). `url` points at the `postgres` database; see `createDatabase`. */
export async function startPostgres(): Promise<Service & { createDatabase(name: string): Promise<string> }> {
  const dir = await mkdtemp(join(tmpdir(), 'ia-pg-'));
  const data = join(dir, 'data');
  mkdirSync(data);
  const user = pgUser();
  if ('uid' in user) {
    chmodSync(dir, 0o755);
    chownSync(dir, user.uid, user.gid);
    chownSync(data, user.uid, user.gid);
  }
  execFileSync(pgBin('initdb'), ['-D', data, '-U', 'postgres', '-A', 'trust', '--no-locale', '-E', 'UTF8'], { stdio: 'pipe', cwd: dir, ...user });
  const port = await freePort();
  const args = ['-D', data, '-p', String(port), '-k', dir, '-c', 'listen_addresses=127.0.0.1', '-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off', '-c', 'max_connections=200'];
  const child = spawn(pgBin('postgres'), args, { stdio: ['ignore', 'pipe', 'pipe'], cwd: dir, ...user });
  await waitFor(child, /ready to accept connections/, 'postgres');
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  return {
    url,
    async createDatabase(name: string) {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        await client.query(`create database "${name.replace(/"/g, '')}"`);
      } finally {
        await client.end();
      }
      return `postgres://postgres@127.0.0.1:${port}/${name}`;
    },
    async stop() {
      await stopChild(child, 'SIGINT'); // fast shutdown
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** A Redis without persistence. */
export async function startRedis(): Promise<Service> {
  const dir = await mkdtemp(join(tmpdir(), 'ia-redis-'));
  const port = await freePort();
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '', '--appendonly', 'no', '--daemonize', 'no'], { stdio: ['ignore', 'pipe', 'pipe'] });
  await waitFor(child, /Ready to accept connections/i, 'redis-server');
  return {
    url: `redis://127.0.0.1:${port}`,
    async stop() {
      await stopChild(child, 'SIGTERM');
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** An S3-compatible server in this process (s3rver), with `bucket` created. */
export async function startS3(bucket = 'ia-test'): Promise<Service & { bucket: string; env: Record<string, string> }> {
  const dir = await mkdtemp(join(tmpdir(), 'ia-s3-'));
  const server = new S3rver({ port: 0, address: '127.0.0.1', directory: dir, silent: true, configureBuckets: [{ name: bucket, configs: [] }] });
  const { port } = (await server.run()) as { port: number };
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    bucket,
    // s3rver accepts this fixed key pair.
    env: { S3_ENDPOINT: url, S3_BUCKET: bucket, S3_REGION: 'us-east-1', S3_ACCESS_KEY_ID: 'S3RVER', S3_SECRET_ACCESS_KEY: 'S3RVER', S3_FORCE_PATH_STYLE: 'true' },
    async stop() {
      await server.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
