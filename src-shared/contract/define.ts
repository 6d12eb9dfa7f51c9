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
  /**
   * The query channels whose cached answers a successful call makes stale. The renderer
   * invalidates exactly these after a mutation, so the list lives beside the channel it belongs to.
   */
  invalidates?: readonly string[];
  /**
   * The channel may be called with `dryRun: true`: the router runs the real handler, under the
   * channel's own permission, inside a transaction it rolls back, and answers the same shape.
   * This is how a screen shows the main process's numbers (fee, balance after) before posting.
   */
  previewable?: true;
}

export function channel<const D extends ChannelDefinition>(definition: D): D {
  return definition;
}
