/**
 * Minimal argument parsing and error reporting shared by the CLI commands: `--name value`
 * pairs only, every problem one line on stderr and exit code 2.
 */

/** A problem with what the user asked for: reported as one line, exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** Parses `--key value` pairs; rejects unknown keys and missing values. */
export function parseArgs(argv: readonly string[], known: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('--')) throw new UsageError(`unexpected argument "${arg}" (options: ${known.map((k) => `--${k}`).join(' ')})`);
    const key = arg.slice(2);
    if (!known.includes(key)) throw new UsageError(`unknown option --${key} (options: ${known.map((k) => `--${k}`).join(' ')})`);
    const value = argv[i + 1];
    if (value === undefined || value.startsWith('--')) throw new UsageError(`--${key} needs a value`);
    out.set(key, value);
    i++;
  }
  return out;
}

/** Parses "1,2,3" into token ids. */
export function parseIds(text: string): number[] {
  const parts = text.split(',').map((s) => s.trim());
  if (parts.length === 0 || parts.some((p) => !/^\d+$/.test(p))) {
    throw new UsageError(`--ids must be comma-separated non-negative integers, got "${text.slice(0, 60)}"`);
  }
  return parts.map(Number);
}

/**
 * Runs a command body; any error becomes one line on stderr and exit code 2 (bad input
 * and malformed files are the only expected failures; anything else is still reported in
 * one line rather than a stack trace, with ATLAS_DEBUG=1 to see the stack).
 */
export async function runCli(name: string, body: () => Promise<void>): Promise<void> {
  // A reader that stops early (| head) is not an error of ours.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(0);
    throw e;
  });
  try {
    await body();
  } catch (e) {
    const err = e as Error;
    const message = (err?.message ?? String(e)).replace(/\s+/g, ' ').trim();
    process.stderr.write(`${name}: ${message}\n`);
    if (process.env.ATLAS_DEBUG) process.stderr.write(`${err?.stack ?? ''}\n`);
    process.exitCode = 2;
  }
}

/** Rounds to float32's meaningful digits so JSON stays readable and compact. */
export function round7(x: number): number {
  return Number.isFinite(x) ? Number(x.toPrecision(7)) : x;
}
