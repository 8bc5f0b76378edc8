/**
 * node dist/bench/load.js demo|million [--bin PATH] [--label TEXT] [--sessions 50] [--requests 40]
 *
 * Many users at once, as the outside probe of issue 13 made them: 50 signed-in sessions (city analysts and
 * reviewers, a county analyst, hospital users) each make 40 requests, one after another with no pause, over
 * findings pages (with the filters analysts use), finding details (of rows their pages showed) and the overview.
 * The server is the real command (`fundguard serve`) in a process of its own; its resident memory is sampled
 * every 100 ms. The load runs twice (a warm-up round, then the measured round) so memory that keeps growing shows.
 *
 * demo      `npm start`'s workspace: the demo city, screened, with the demo accounts.
 * million   the 1 M-findings workspace of bench/workbench.ts (BENCH_WORKSPACE, prepared there).
 * --bin     another checkout's bin/fundguard.js or .cjs (to measure the server before a change in the same run).
 *
 * Prints a table and, on its last line, the figures as JSON.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { copyFile, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));

export interface Account {
  username: string;
  password: string;
}

/** Who signs in: 50 sessions by default, shared out over the accounts as the probe did. */
export interface LoadPlan {
  /** [account, sessions] */
  sessions: Array<[Account, number]>;
  requestsPerSession: number;
}

export interface LoadFigures {
  requests: number;
  errors: number;
  seconds: number;
  perSecond: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  byKind: Record<string, { n: number; p50Ms: number; p95Ms: number }>;
  /** The server's CPU time (all threads) per request of the measured round. */
  serverCpuMsPerRequest: number;
  /** The server's resident memory: before the measured round, its peak during it, after it. */
  rssMb: { before: number; peak: number; after: number };
  errorSamples: string[];
}

/** A small deterministic generator, so every run asks the same questions. */
function rng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 2 ** 32;
  };
}

const FILTERS = [
  '',
  '&level=definite',
  '&level=suspect',
  '&status=open',
  '&sort=-day',
  '&sort=amount',
  '&minAmount=100',
  '&q=%E5%8C%BB%E9%99%A2', // 医院
];

interface Session {
  cookie: string;
  seenIds: string[];
  codes: string[];
}

async function signIn(base: string, a: Account): Promise<Session> {
  const r = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(a),
  });
  if (r.status !== 200) throw new Error(`sign-in of ${a.username}: ${r.status} ${await r.text()}`);
  const cookie = r.headers.get('set-cookie')!.split(';')[0]!;
  return { cookie, seenIds: [], codes: [] };
}

function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * p) - 1)]!;
}

/** One round: every session makes its requests one after another; all sessions at once. */
async function round(base: string, sessions: Session[], perSession: number, seed: number) {
  const times: Array<{ kind: string; ms: number }> = [];
  let errors = 0;
  const errorSamples: string[] = [];
  const one = async (s: Session, k: number) => {
    const random = rng(seed * 7919 + k * 104729 + 1);
    for (let i = 0; i < perSession; i++) {
      const x = random();
      let kind: string;
      let url: string;
      if (x < 0.2) {
        kind = 'overview';
        url = '/api/overview';
      } else if (x < 0.6 || s.seenIds.length === 0) {
        kind = 'findings page';
        const filter = FILTERS[Math.floor(random() * FILTERS.length)]!;
        const code = s.codes.length && random() < 0.3 ? `&code=${s.codes[Math.floor(random() * s.codes.length)]}` : '';
        const page = 1 + Math.floor(random() * 5);
        url = `/api/findings?pageSize=50&page=${page}${filter}${code}`;
      } else {
        kind = 'finding detail';
        url = `/api/findings/${s.seenIds[Math.floor(random() * s.seenIds.length)]}`;
      }
      const started = performance.now();
      try {
        const r = await fetch(`${base}${url}`, { headers: { cookie: s.cookie } });
        const body = await r.text();
        const ms = performance.now() - started;
        if (r.status !== 200) {
          errors++;
          if (errorSamples.length < 5) errorSamples.push(`${r.status} ${url}: ${body.slice(0, 200)}`);
          continue;
        }
        times.push({ kind, ms });
        if (kind === 'findings page') {
          const items = (JSON.parse(body) as { items: Array<{ id: string; ruleCode: string }> }).items;
          for (const it of items.slice(0, 10)) if (!s.seenIds.includes(it.id)) s.seenIds.push(it.id);
          for (const it of items) if (!s.codes.includes(it.ruleCode)) s.codes.push(it.ruleCode);
        }
      } catch (e) {
        errors++;
        if (errorSamples.length < 5) errorSamples.push(`${url}: ${(e as Error).message}`);
      }
    }
  };
  const started = performance.now();
  await Promise.all(sessions.map((s, k) => one(s, k)));
  const seconds = (performance.now() - started) / 1000;
  return { times, errors, errorSamples, seconds };
}

/** The server's CPU time so far (user + system, all its threads), in seconds. */
async function cpuSeconds(pid: number): Promise<number> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

async function rssMb(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
  const m = /VmRSS:\s+(\d+) kB/.exec(status);
  return m ? Number(m[1]) / 1024 : 0;
}

/** Runs the plan against a server already listening at `base` (process `pid`, for its memory). */
export async function runLoad(base: string, pid: number, plan: LoadPlan): Promise<LoadFigures> {
  const sessions: Session[] = [];
  for (const [account, n] of plan.sessions) for (let i = 0; i < n; i++) sessions.push(await signIn(base, account));
  // Warm-up round (also fills each session's ids), then the measured one.
  await round(base, sessions, plan.requestsPerSession, 1);
  const before = await rssMb(pid);
  let peak = before;
  const sampler = setInterval(() => {
    void rssMb(pid).then((mb) => {
      peak = Math.max(peak, mb);
    });
  }, 100);
  const cpuBefore = await cpuSeconds(pid);
  const r = await round(base, sessions, plan.requestsPerSession, 2);
  const cpu = (await cpuSeconds(pid)) - cpuBefore;
  clearInterval(sampler);
  const after = await rssMb(pid);
  const all = r.times.map((t) => t.ms).sort((a, b) => a - b);
  const byKind: LoadFigures['byKind'] = {};
  for (const kind of [...new Set(r.times.map((t) => t.kind))].sort()) {
    const xs = r.times
      .filter((t) => t.kind === kind)
      .map((t) => t.ms)
      .sort((a, b) => a - b);
    byKind[kind] = { n: xs.length, p50Ms: percentile(xs, 0.5), p95Ms: percentile(xs, 0.95) };
  }
  const requests = r.times.length + r.errors;
  return {
    requests,
    errors: r.errors,
    seconds: r.seconds,
    perSecond: requests / r.seconds,
    p50Ms: percentile(all, 0.5),
    p95Ms: percentile(all, 0.95),
    p99Ms: percentile(all, 0.99),
    byKind,
    rssMb: { before, peak: Math.max(peak, after), after },
    serverCpuMsPerRequest: (cpu * 1000) / requests,
    errorSamples: r.errorSamples,
  };
}

/** Starts `fundguard serve` in a process of its own and waits until it answers. */
export async function startServer(
  bin: string,
  args: string[],
  env: Record<string, string> = {},
): Promise<{ base: string; child: ChildProcess; stop: () => Promise<void> }> {
  const port = 20000 + Math.floor(Math.random() * 20000);
  const child = spawn(process.execPath, [bin, 'serve', '--port', String(port), ...args], {
    cwd: resolve(bin, '..', '..'),
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 20 * 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server stopped:\n${output}`);
    if (/Fundguard workbench:/.test(output)) break;
    if (Date.now() > deadline) throw new Error(`the server did not start:\n${output}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    base,
    child,
    stop: async () => {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    },
  };
}

export function printLoad(label: string, f: LoadFigures): void {
  const ms = (x: number) => x.toFixed(0);
  console.log(
    `${label}: ${f.requests} requests in ${f.seconds.toFixed(1)} s = ${f.perSecond.toFixed(0)}/s, errors ${f.errors}, ` +
      `p50 ${ms(f.p50Ms)} ms, p95 ${ms(f.p95Ms)} ms, p99 ${ms(f.p99Ms)} ms; server CPU ${f.serverCpuMsPerRequest.toFixed(1)} ms a request, RSS ${ms(f.rssMb.before)} → peak ${ms(f.rssMb.peak)} → ${ms(f.rssMb.after)} MB`,
  );
  for (const [kind, k] of Object.entries(f.byKind))
    console.log(`  ${kind.padEnd(15)} ${String(k.n).padStart(5)}  p50 ${ms(k.p50Ms).padStart(5)} ms  p95 ${ms(k.p95Ms).padStart(5)} ms`);
  for (const e of f.errorSamples) console.log(`  error: ${e}`);
}

function flag(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
}

/** The probe's mix: 50 sessions shared out over the accounts. */
function planFor(accounts: { analyst: Account; reviewer: Account; county: Account; hospital: Account }, total: number, per: number) {
  const share = (f: number) => Math.max(1, Math.round(total * f));
  const sessions: Array<[Account, number]> = [
    [accounts.analyst, share(0.4)],
    [accounts.reviewer, share(0.2)],
    [accounts.county, share(0.2)],
  ];
  sessions.push([accounts.hospital, total - sessions.reduce((s, [, n]) => s + n, 0)]);
  return { sessions, requestsPerSession: per };
}

async function main(): Promise<void> {
  const mode = process.argv[2];
  const bin = resolve(flag('bin') ?? join(ROOT, 'bin', 'fundguard.cjs'));
  const sessions = Number(flag('sessions') ?? 50);
  const per = Number(flag('requests') ?? 40);
  const label = flag('label') ?? mode ?? '';
  const dir = await mkdtemp(join(tmpdir(), 'fg-load-'));
  try {
    let server: Awaited<ReturnType<typeof startServer>>;
    let plan: LoadPlan;
    if (mode === 'demo') {
      // The demo city itself is cached (bench/data or data/demo); the workspace is made anew from it.
      server = await startServer(bin, ['--demo', '--db', join(dir, 'workspace.duckdb')]);
      const pw = (u: string, p: string) => ({ username: u, password: p });
      plan = planFor(
        {
          analyst: pw('analyst', 'analyst-demo-2024'),
          reviewer: pw('reviewer', 'reviewer-demo-2024'),
          county: pw('county', 'county-demo-2024'),
          hospital: pw('hospital', 'hospital-demo-2024'),
        },
        sessions,
        per,
      );
    } else if (mode === 'million') {
      const db = process.env.BENCH_WORKSPACE;
      if (!db || !existsSync(db)) throw new Error('BENCH_WORKSPACE must name the workspace prepared by bench/workbench.ts');
      // A copy: the server under test may add indexes or migrate the store, and the prepared workspace stays as it was.
      const copy = join(dir, 'workspace.duckdb');
      await copyFile(resolve(db), copy);
      server = await startServer(bin, ['--db', copy]);
      const pw = (u: string) => ({ username: u, password: 'bench-password' });
      plan = planFor({ analyst: pw('city'), reviewer: pw('city'), county: pw('county'), hospital: pw('inst') }, sessions, per);
    } else throw new Error('usage: load.js demo|million [--bin PATH] [--label TEXT]');
    try {
      const pid = server.child.pid!;
      const figures = await runLoad(server.base, pid, plan);
      printLoad(label, figures);
      console.log(JSON.stringify({ label, mode, bin, ...figures }));
    } finally {
      await server.stop();
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
