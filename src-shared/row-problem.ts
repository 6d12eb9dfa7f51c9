import { z } from 'zod';
import { ROW_CODE_MESSAGES } from './row-code-messages';
import { FILE_CODES, ROW_CODES, type ImportCode } from './row-codes';

// One problem found while validating an imported file, as a channel's answer carries it. Like a
// router error it has a stable code and an English message (for the CLI and logs); screens show
// the code's catalogue message in the reader's language instead, filled from the same fields.

export type MessageLanguage = keyof typeof ROW_CODE_MESSAGES;

/** What a message may quote: plain text and numbers, so every transport carries them as they are. */
export type ProblemValues = Readonly<Record<string, string | number>>;

export interface ProblemFields {
  code: ImportCode;
  column: string | null;
  details?: ProblemValues | undefined;
}

const PLACEHOLDER = /\{\{(\w+)\}\}/g;

/** The names a message quotes, in order: 'The field “{{column}}”…' → ['column']. */
export function placeholdersOf(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)].map((match) => match[1] ?? '');
}

/**
 * The template with each {{name}} replaced by its value. A name with no value is a bug in whoever
 * built the problem, so it throws rather than show braces to a person.
 */
export function fillPlaceholders(template: string, values: ProblemValues): string {
  return template.replace(PLACEHOLDER, (_, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`fillPlaceholders: no value for {{${name}}} in "${template}".`);
    return String(value);
  });
}

function messageValues(problem: ProblemFields): ProblemValues {
  return problem.column === null ? { ...problem.details } : { ...problem.details, column: problem.column };
}

/** The problem in words: the main process fills `message` with the English one, screens ask for theirs. */
export function rowProblemMessage(problem: ProblemFields, language: MessageLanguage): string {
  return fillPlaceholders(ROW_CODE_MESSAGES[language][problem.code], messageValues(problem));
}

function quotesOnlyWhatItHas(problem: ProblemFields): boolean {
  const values = messageValues(problem);
  return placeholdersOf(ROW_CODE_MESSAGES.en[problem.code]).every((name) => values[name] !== undefined);
}

const REFUSAL = { message: 'the problem lacks a value its message quotes (a column, or a detail)', path: ['column'] };

const problemFields = {
  /**
   * The column at fault as the file's header names it (a missing column by its English name,
   * `amount`); null when no one column is to blame (MALFORMED_ROW, EMPTY_FILE).
   */
  column: z.string().min(1).nullable(),
  /** English, for the CLI and logs; screens translate the code instead. */
  message: z.string().min(1),
  details: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
};

/** One code on one row; a row with three problems has three of these. */
export const rowProblemSchema = z
  .object({
    /**
     * The file line on which the row's record starts, the header being line 1: what an editor
     * shows, and what `paydesk payouts validate --json` prints. A quoted line break makes a record
     * span lines, so this is not the data-row count plus one.
     */
    line: z.number().int().min(2),
    code: z.enum(ROW_CODES),
    ...problemFields,
  })
  .refine(quotesOnlyWhatItHas, REFUSAL);

/** One code about the file as a whole, which no line can be blamed for. */
export const fileProblemSchema = z
  .object({
    code: z.enum(FILE_CODES),
    ...problemFields,
  })
  .refine(quotesOnlyWhatItHas, REFUSAL);

export type RowProblem = z.infer<typeof rowProblemSchema>;
export type FileProblem = z.infer<typeof fileProblemSchema>;
