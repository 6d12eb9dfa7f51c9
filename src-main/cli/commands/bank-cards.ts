import type { BankCard } from '../../../src-shared/contract/cards';
import type { Router } from '../../api/router';
import { expectOk, stringOption, type CliCommand } from '../command';
import { UNLOCK_OPTIONS, withUnlockedRouter } from '../unlock';
import { soleArgument, stdinSecret } from './cards';

// `bank-cards link|list`: a member's own bank cards (payout destinations) for scripts and
// acceptance tests. The card number comes on standard input, never in argv; lists show the last
// four digits only.

function bankCardLine(card: BankCard): string {
  const flags = [card.isDefault ? 'default' : null, card.unlinkedAt ? `unlinked ${card.unlinkedAt.slice(0, 10)}` : null].filter(Boolean).join(', ');
  const warning = card.alsoLinkedTo.length > 0 ? `  ⚠ also linked to ${card.alsoLinkedTo.map((m) => m.memberNumber).join(', ')}` : '';
  return `#${String(card.id).padEnd(6)} ${card.brand.padEnd(10)} ${card.maskedPan}  ${card.expiryMonth}  ${card.holderName}${card.bankName ? `  ${card.bankName}` : ''}${flags ? `  (${flags})` : ''}${warning}`;
}

async function memberIdOf(router: Router, memberNumber: string): Promise<number> {
  return expectOk(await router.invoke('members.get', { memberNumber })).id;
}

export const bankCardsLinkCommand: CliCommand = {
  name: 'bank-cards link',
  summary: "Link a member's own bank card (a payout destination). Standard input holds the card number.",
  usage: 'bank-cards link MEMBER --card-stdin --holder NAME --expiry MM/YY --data DIR [--bank NAME] [--default] [--user NAME] [--json]',
  options: { ...UNLOCK_OPTIONS, 'card-stdin': { type: 'boolean' }, holder: { type: 'string' }, expiry: { type: 'string' }, bank: { type: 'string' }, default: { type: 'boolean' } },
  async run(ctx) {
    const memberNumber = soleArgument(ctx, 'member');
    const holderName = stringOption(ctx, 'holder', true)!;
    const expiry = stringOption(ctx, 'expiry', true)!;
    const bankName = stringOption(ctx, 'bank');
    const pan = await stdinSecret(ctx, 'card-stdin');
    return withUnlockedRouter(ctx, async (router) => {
      const memberId = await memberIdOf(router, memberNumber);
      const card = expectOk(await router.invoke('bankCards.link', { memberId, pan, holderName, expiry, ...(bankName ? { bankName } : {}), makeDefault: ctx.values.default === true }));
      return { exitCode: 0, json: card, text: bankCardLine(card) };
    });
  },
};

export const bankCardsListCommand: CliCommand = {
  name: 'bank-cards list',
  summary: "A member's linked bank cards, last four digits only; --all includes unlinked ones.",
  usage: 'bank-cards list MEMBER --data DIR [--all] [--user NAME | --recovery-key-stdin | --recovery] [--json]',
  options: { ...UNLOCK_OPTIONS, all: { type: 'boolean' } },
  async run(ctx) {
    const memberNumber = soleArgument(ctx, 'member');
    return withUnlockedRouter(ctx, async (router) => {
      const memberId = await memberIdOf(router, memberNumber);
      const cards = expectOk(await router.invoke('bankCards.list', { memberId, includeUnlinked: ctx.values.all === true }));
      const lines = cards.length === 0 ? ['No bank cards linked.'] : cards.map(bankCardLine);
      return { exitCode: 0, json: cards, text: lines.join('\n') };
    });
  },
};
