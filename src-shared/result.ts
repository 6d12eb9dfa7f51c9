import type { AppErrorShape } from './errors';

/** Every channel answers with this envelope, whatever the transport. */
export type Answer<T> = { ok: true; value: T } | { ok: false; error: AppErrorShape };
