import { spawn } from 'node:child_process';

export interface ChildRun {
  /** SIGKILL when the kill landed, null when the child ended on its own first. */
  signal: NodeJS.Signals | null;
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs a bundled test child on plain node and SIGKILLs it `delayMs` after it prints `ready`,
 * unless it ends first. The crash tests use it to stop work at arbitrary moments.
 */
export function runChildKilledAfterReady(script: string, args: string[], env: Record<string, string>, delayMs: number): Promise<ChildRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      if (!stdout.includes('ready\n') && (stdout + chunk).includes('ready\n')) setTimeout(() => child.kill('SIGKILL'), delayMs);
      stdout += chunk;
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('exit', (code, signal) => resolve({ signal, code, stdout, stderr }));
  });
}
