import type { ComponentType } from 'react';
import { CardSection } from './CardSection';
import { CounterSection } from './CounterSection';
import { PayoutSection } from './PayoutSection';
import { SessionSection } from './SessionSection';
import { WalletSection } from './WalletSection';
import type { SectionState } from './use-section-form';

/** Each src-shared settings section's card, by its domain; section-forms.test.ts holds every section to one. */
export const SECTION_CARDS: Readonly<Record<string, ComponentType<SectionState>>> = {
  session: SessionSection,
  wallets: WalletSection,
  counter: CounterSection,
  cards: CardSection,
  payouts: PayoutSection,
};
