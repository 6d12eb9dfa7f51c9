import type { z } from 'zod';
import type { Access } from '../permissions';

/**
 * One IPC channel: what it takes, what it answers and who may call it. The router, the preload,
 * the CLI and the renderer's forms all read the same definition.
 */
export interface ChannelDefinition<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
  access: Access;
}

export function channel<I extends z.ZodType, O extends z.ZodType>(definition: ChannelDefinition<I, O>): ChannelDefinition<I, O> {
  return definition;
}
