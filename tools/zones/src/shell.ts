import { execFileSync, spawnSync } from 'node:child_process';

/** Runs a command, returning its stdout; throws with the command line and its stderr when it fails. */
export function sh(command: string, args: string[], input?: string): string {
  try {
    // cwd /: commands run as the postgres user must not start in a folder they cannot open.
    return execFileSync(command, args, { cwd: '/', encoding: 'utf8', input, stdio: ['pipe', 'pipe', 'pipe'] });
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr?.trim();
    throw new Error(`${command} ${args.join(' ')} failed${stderr ? `: ${stderr}` : ''}`);
  }
}

/** Runs a command whose failure is expected and harmless (teardown of something already gone). */
export function shQuiet(command: string, args: string[]): boolean {
  return spawnSync(command, args, { stdio: 'ignore' }).status === 0;
}

/** The same command, inside a network namespace. */
export function inNamespace(namespace: string, command: string, args: string[], input?: string): string {
  return sh('ip', ['netns', 'exec', namespace, command, ...args], input);
}
