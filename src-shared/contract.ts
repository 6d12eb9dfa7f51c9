import type { z } from 'zod';
import { sessionChannels } from './contract/session';
import { staffChannels } from './contract/staff';
import { auditChannels } from './contract/audit';
import { jobChannels } from './contract/jobs';
import { settingsChannels } from './contract/settings';
import { verifyChannels } from './contract/verify';
import { backupChannels } from './contract/backup';
import { ledgerChannels } from './contract/ledger';
import { journalChannels } from './contract/journal';
import { memberChannels } from './contract/members';
import { walletChannels } from './contract/wallets';
import { demoChannels } from './contract/demo';
import { pointsChannels } from './contract/points';
import { cardChannels } from './contract/cards';
import { payoutChannels } from './contract/payouts';
import { reportChannels } from './contract/reports';
import { dashboardChannels } from './contract/dashboard';

/** Every channel the renderer, the CLI and tests can call. Each domain file adds its own. */
export const contract = {
  ...sessionChannels,
  ...staffChannels,
  ...auditChannels,
  ...jobChannels,
  ...settingsChannels,
  ...verifyChannels,
  ...backupChannels,
  ...ledgerChannels,
  ...journalChannels,
  ...memberChannels,
  ...walletChannels,
  ...demoChannels,
  ...pointsChannels,
  ...cardChannels,
  ...payoutChannels,
  ...reportChannels,
  ...dashboardChannels,
};

export type Contract = typeof contract;
export type ChannelName = keyof Contract;
/** The channels that may be called with `dryRun: true` (see ChannelDefinition.previewable). */
export type PreviewableChannel = { [C in ChannelName]: Contract[C] extends { previewable: true } ? C : never }[ChannelName];
/** What a caller sends: the channel's input, plus `dryRun` where the channel allows it. */
export type ChannelInput<C extends ChannelName> = z.input<Contract[C]['input']> & (C extends PreviewableChannel ? { dryRun?: boolean } : unknown);
export type ParsedInput<C extends ChannelName> = z.output<Contract[C]['input']>;
export type ChannelOutput<C extends ChannelName> = z.output<Contract[C]['output']>;
export const CHANNEL_NAMES = Object.keys(contract) as ChannelName[];

export function isChannelName(name: string): name is ChannelName {
  return Object.prototype.hasOwnProperty.call(contract, name);
}
