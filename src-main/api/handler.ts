import type { ChannelName, ChannelOutput, ParsedInput } from '../../src-shared/contract';
import type { Session } from '../../src-shared/contract/session';
import type { Store } from '../store/store';
import type { Signer } from '../trust/signer';
import type { AppState } from './app-state';

/** What a handler sees: the router's state, and (for non-public channels) the store and session. */
export interface CallContext {
  app: AppState;
  now: Date;
  /** True in a dry run of a previewable channel: the handler must answer synchronously, and everything it writes is rolled back. */
  dryRun?: boolean;
  /** Throws LOCKED when nobody is signed in; public channels must not touch it. */
  readonly store: Store;
  readonly session: Session;
  /** The signed-in person's signing key: what they sign (certificates, checkpoints, verify certificates) is theirs alone. */
  readonly signer: Signer;
}

export type Handler<C extends ChannelName> = (input: ParsedInput<C>, ctx: CallContext) => ChannelOutput<C> | Promise<ChannelOutput<C>>;

export type HandlerMap<C extends ChannelName = ChannelName> = { [K in C]: Handler<K> };
