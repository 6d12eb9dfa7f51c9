import { parseArgs } from 'node:util';
import { AppError, isAppError } from '../../src-shared/errors';
import { INPUT_LIMITS } from '../../src-shared/contract/common';
import { EXIT, exitCodeFor } from './exit-codes';
import type { CliCommand, CliContext } from './command';
import { COMMANDS } from './commands';

// `npm run paydesk -- <command>`: plain Node, the same router as the app (DESIGN.md §8).

function findCommand(argv: string[]): { command: CliCommand; rest: string[] } | null {
  const two = COMMANDS.find((c) => c.name === `${argv[0]} ${argv[1]}`);
  if (two) return { command: two, rest: argv.slice(2) };
  const one = COMMANDS.find((c) => c.name === argv[0]);
  return one ? { command: one, rest: argv.slice(1) } : null;
}

/** A message may carry what was typed (a path, an option name): print enough to find it, never megabytes of it. */
const PRINTED_MAX = 500;

function clip(text: string): string {
  return text.length > PRINTED_MAX ? `${text.slice(0, PRINTED_MAX)}… (${text.length} characters)` : text;
}

/** No option value or argument is longer than the longest path a channel takes; refused before anything opens it. */
function assertArgumentSizes(values: CliContext['values'], positionals: string[]): void {
  for (const [name, value] of Object.entries(values)) {
    const texts = Array.isArray(value) ? value : [value];
    if (texts.some((text) => typeof text === 'string' && text.length > INPUT_LIMITS.path)) {
      throw new AppError('INVALID_INPUT', `--${clip(name)} is longer than ${INPUT_LIMITS.path} characters.`, { field: name });
    }
  }
  if (positionals.some((text) => text.length > INPUT_LIMITS.path)) {
    throw new AppError('INVALID_INPUT', `An argument is longer than ${INPUT_LIMITS.path} characters.`);
  }
}

function usage(): string {
  return ['usage: paydesk <command> [options]', '', ...COMMANDS.map((c) => `  ${c.usage}\n      ${c.summary}`)].join('\n');
}

export async function runCli(argv: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const found = findCommand(argv);
  if (!found) {
    process.stderr.write(`${usage()}\n`);
    return argv.length === 0 || argv[0] === 'help' || argv[0] === '--help' ? EXIT.ok : EXIT.usage;
  }
  const { command, rest } = found;
  let json = false;
  try {
    const parsed = parseArgs({ args: rest, options: { ...command.options, json: { type: 'boolean' } }, allowPositionals: true, strict: true });
    json = parsed.values.json === true;
    assertArgumentSizes(parsed.values, parsed.positionals);
    const ctx: CliContext = { values: parsed.values, positionals: parsed.positionals, env, log: (line) => process.stderr.write(`${line}\n`) };
    const outcome = await command.run(ctx);
    process.stdout.write(`${json ? JSON.stringify(outcome.json) : outcome.text}\n`);
    return outcome.exitCode;
  } catch (error) {
    if (isAppError(error)) {
      const shape = { ...error.toShape(), message: clip(error.message) };
      if (json) process.stdout.write(`${JSON.stringify({ error: shape })}\n`);
      process.stderr.write(`paydesk ${command.name}: ${error.code}: ${shape.message}\n`);
      return exitCodeFor(error.code);
    }
    const message = clip((error as Error).message);
    if ((error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`paydesk ${command.name}: ${message}\nusage: paydesk ${command.usage}\n`);
      return EXIT.usage;
    }
    process.stderr.write(`paydesk ${command.name}: internal error: ${message}\n`);
    return EXIT.damaged;
  }
}

if (process.argv[1] && /cli[/\\]main\.(ts|js|mjs)$/.test(process.argv[1])) {
  runCli(process.argv.slice(2)).then((code) => process.exit(code));
}
