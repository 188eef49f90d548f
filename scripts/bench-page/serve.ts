/** Building and serving for the browser benchmarks: `vite build`, then `vite preview` on 127.0.0.1. */
import { spawn } from 'node:child_process';
import { join } from 'node:path';

export const ROOT = join(import.meta.dirname, '..', '..');

/** Runs a command in the repository root; rejects if it fails. */
export function run(cmd: string, argv: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const p = spawn(cmd, argv, { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
    p.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${cmd} ${argv.join(' ')} exited ${code}`))));
  });
}

/** `vite build`, of the app or, with a config, of another root. */
export function viteBuild(config?: string): Promise<void> {
  return run('npx', ['vite', 'build', '--logLevel', 'warn', ...(config ? ['--config', config] : [])]);
}

/** Starts `vite preview` and resolves once it answers; call the returned function to stop it. */
export async function vitePreview(port: number, config?: string): Promise<() => void> {
  const argv = ['vite', 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort', ...(config ? ['--config', config] : [])];
  // Its own process group, so stopping it also stops the vite process npx starts.
  const server = spawn('npx', argv, { cwd: ROOT, stdio: 'ignore', detached: true });
  const stop = () => {
    if (server.pid && server.exitCode === null) process.kill(-server.pid);
  };
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/`)).ok) return stop;
    } catch {
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  stop();
  throw new Error(`vite preview did not answer on port ${port}`);
}
