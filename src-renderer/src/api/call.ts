import type { ChannelInput, ChannelName, ChannelOutput } from '../../../src-shared/contract';
import { ERROR_CODES, type AppErrorShape, type ErrorCode, type ErrorDetails } from '../../../src-shared/errors';
import type { Answer } from '../../../src-shared/result';
import './bridge';

/** A refusal from the main process, carried to the screen with its stable code. */
export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly details: ErrorDetails;

  constructor(shape: AppErrorShape) {
    super(shape.message);
    this.name = 'ApiError';
    this.code = shape.code;
    this.details = shape.details ?? {};
  }

  /** The input field the main process blamed, if any. */
  get field(): string | undefined {
    return typeof this.details.field === 'string' ? this.details.field : undefined;
  }
}

export function isErrorCode(code: string): code is ErrorCode {
  return (ERROR_CODES as readonly string[]).includes(code);
}

/** Job errors arrive as plain {code, message}; unknown codes become INTERNAL so they still translate. */
export function apiErrorFrom(error: { code: string; message: string }): ApiError {
  return new ApiError({ code: isErrorCode(error.code) ? error.code : 'INTERNAL', message: error.message });
}

/** The one way screens talk to the main process. Resolves with the value or throws an ApiError. */
export async function call<C extends ChannelName>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
  const send = window.paydesk?.[channel] as ((input: ChannelInput<C>) => Promise<Answer<ChannelOutput<C>>>) | undefined;
  if (typeof send !== 'function') {
    throw new ApiError({ code: 'INTERNAL', message: `call: the bridge has no channel ${channel}.` });
  }
  const answer = await send(input);
  if (!answer.ok) throw new ApiError(answer.error);
  return answer.value;
}
