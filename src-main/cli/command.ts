import type { ParseArgsConfig } from 'node:util';
import { AppError } from '../../src-shared/errors';
import type { Answer } from '../../src-shared/result';

export type OptionSpec = NonNullable<ParseArgsConfig['options']>;
export type OptionValues = Record<string, string | boolean | string[] | boolean[] | undefined>;

export interface CliContext {
  values: OptionValues;
  positionals: string[];
  env: NodeJS.ProcessEnv;
  /** Writes to stderr, never stdout (stdout carries the one JSON document with --json). */
  log(line: string): void;
}

export interface CliOutcome {
  /** 0, or 1 when verification or validation found problems. */
  exitCode: 0 | 1;
  json: unknown;
  text: string;
}

export interface CliCommand {
  /** One or two words: `init`, `staff add`. */
  name: string;
  summary: string;
  usage: string;
  options: OptionSpec;
  run(ctx: CliContext): Promise<CliOutcome>;
}

export function stringOption(ctx: CliContext, name: string, required = false): string | undefined {
  const value = ctx.values[name];
  if (typeof value === 'string' && value.length > 0) return value;
  if (required) throw new AppError('INVALID_INPUT', `--${name} is required.`, { field: name });
  return undefined;
}

/** Unwraps a router answer; a refusal becomes the thrown AppError the CLI maps to an exit code. */
export function expectOk<T>(answer: Answer<T>): T {
  if (!answer.ok) throw new AppError(answer.error.code, answer.error.message, answer.error.details);
  return answer.value;
}
