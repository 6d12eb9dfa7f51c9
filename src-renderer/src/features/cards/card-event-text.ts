import type { TFunction } from 'i18next';
import { CANCEL_REASONS, type CancelReason, type CardEvent } from '../../../../src-shared/contract/cards';

// A card's history in words: what each change was (from its states), and why, when it says.

export type CardEventKind = 'issued' | 'issuedReplacement' | 'activated' | 'frozen' | 'unfrozen' | 'cancelled';

export function cardEventKind(event: Pick<CardEvent, 'fromState' | 'toState' | 'reason'>): CardEventKind {
  if (event.fromState === null) return event.reason === 'replacement' ? 'issuedReplacement' : 'issued';
  if (event.toState === 'cancelled') return 'cancelled';
  if (event.toState === 'frozen') return 'frozen';
  return event.fromState === 'frozen' ? 'unfrozen' : 'activated';
}

function isCancelReason(reason: string | null): reason is CancelReason {
  return (CANCEL_REASONS as readonly (string | null)[]).includes(reason);
}

/** The change, with a cancellation's reason: "Cancelled · lost". */
export function cardEventText(event: Pick<CardEvent, 'fromState' | 'toState' | 'reason'>, t: TFunction): string {
  const kind = t(`cards:event.${cardEventKind(event)}`);
  return isCancelReason(event.reason) ? t('cards:event.because', { change: kind, reason: t(`cards:cancelReason.${event.reason}`) }) : kind;
}
