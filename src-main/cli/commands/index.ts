import type { CliCommand } from '../command';
import { initCommand } from './init';
import { verifyCommand } from './verify';
import { staffAddCommand, staffDisableCommand, staffListCommand } from './staff';
import { backupCommand, rekeyCommand, restoreCommand } from './backup';
import { demoCommand } from './demo';
import { membersListCommand } from './members';
import { jobsRunCommand } from './jobs';
import { dbKeyCommand } from './db-key';
import { pointsRedeemCommand, pointsShowCommand } from './points';
import { cardStateCommands, cardsAuthorizeCommand, cardsCaptureCommand, cardsIssueCommand, cardsListCommand, cardsProgramsCommand, cardsVoidCommand } from './cards';
import { bankCardsLinkCommand, bankCardsListCommand } from './bank-cards';
import { PAYOUT_COMMANDS } from './payouts';
import { reportCommand } from './report';
import { exportJournalCommand } from './export';

/** Every CLI command; each domain adds its own file and one line here. */
export const COMMANDS: CliCommand[] = [initCommand, verifyCommand, staffListCommand, staffAddCommand, staffDisableCommand, backupCommand, restoreCommand, rekeyCommand, demoCommand, membersListCommand, jobsRunCommand, dbKeyCommand, pointsShowCommand, pointsRedeemCommand,
  cardsProgramsCommand, cardsListCommand, cardsIssueCommand, ...cardStateCommands, cardsAuthorizeCommand, cardsCaptureCommand, cardsVoidCommand, bankCardsLinkCommand, bankCardsListCommand,
  ...PAYOUT_COMMANDS, reportCommand, exportJournalCommand];
