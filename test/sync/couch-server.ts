/**
 * A real CouchDB-protocol server for the sync tests (issue 22): pouchdb-server 4.2.0 from npm,
 * started on 127.0.0.1 with a free port, in its own temporary folder (it writes `log.txt` and
 * `config.json` into its working directory), stopped after. Data lives in a LevelDB folder, not
 * in memory, so a test can kill the server mid-sync and start it again on the same data and port
 * ("killing the server mid-sync loses nothing"). CouchDB itself is not in this machine's
 * registries; pouchdb-server speaks the same HTTP API (`_changes`, `_revs_diff`, `_bulk_docs`
 * with `new_edits: false`, `_local` documents, `open_revs`), which is all the client uses.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

/** The pouchdb-server entry script (run with this Node, so no PATH lookup). */
function serverBin(): string {
  const pkg = require.resolve('pouchdb-server/package.json');
  return join(dirname(pkg), 'bin', 'pouchdb-server');
}

/** A free TCP port on 127.0.0.1 (the OS picks it; closed again before the server takes it). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      const port = typeof a === 'object' && a ? a.port : 0;
      s.close(() => resolve(port));
    });
  });
}

/** A running test server. */
export interface CouchServer {
  /** `http://127.0.0.1:<port>` (no trailing slash). */
  readonly origin: string;
  /** Kill the process abruptly (SIGKILL: no shutdown, mid-request). Data on disk stays. */
  kill(): Promise<void>;
  /** Start it again on the same port and data. */
  restart(): Promise<void>;
  /** Stop it and delete its folder. */
  stop(): Promise<void>;
}

async function waitUp(origin: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`pouchdb-server exited with ${child.exitCode}`);
    try {
      const r = await fetch(`${origin}/`);
      if (r.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`pouchdb-server did not answer on ${origin} within ${timeoutMs} ms`);
}

/**
 * Start pouchdb-server on 127.0.0.1 and a free port, with its data in a fresh temporary folder.
 * @example
 * const couch = await startCouchServer();
 * await fetch(`${couch.origin}/shipmask-test`, { method: 'PUT' });
 * await couch.stop();
 */
export async function startCouchServer(options: { readonly timeoutMs?: number } = {}): Promise<CouchServer> {
  const dir = await mkdtemp(join(tmpdir(), 'shipmask-couch-'));
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  let child: ChildProcess | undefined;
  const start = async (): Promise<void> => {
    const c = spawn(
      process.execPath,
      [serverBin(), '--dir', join(dir, 'data'), '--host', '127.0.0.1', '--port', String(port), '--no-color'],
      { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] },
    );
    child = c;
    let err = '';
    c.stderr?.on('data', (b: Buffer) => {
      err = (err + b.toString()).slice(-2000);
    });
    try {
      await waitUp(origin, c, options.timeoutMs ?? 30_000);
    } catch (e) {
      c.kill('SIGKILL');
      throw new Error(`${(e as Error).message}\n${err}`, { cause: e });
    }
  };
  const kill = async (): Promise<void> => {
    const c = child;
    child = undefined;
    if (!c || c.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      c.once('exit', () => resolve());
      c.kill('SIGKILL');
    });
  };
  await start();
  return {
    origin,
    kill,
    restart: async () => {
      await kill();
      await start();
    },
    stop: async () => {
      await kill();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
