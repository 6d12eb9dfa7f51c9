import type { TFunction } from 'i18next';
import type { z } from 'zod';
import i18next from 'i18next';
import { assessPassphrase } from '../../../src-shared/passphrase-policy';
import { joinSentences } from './format';

/**
 * The checks a form adds on top of the contract's schema when someone chooses a passphrase: the
 * shared policy (the main process enforces the same one) and a matching confirmation.
 */
export function passphraseRules<K extends string>(field: K, t: TFunction) {
  return (value: Record<K, string> & { confirm: string }, ctx: z.RefinementCtx): void => {
    const passphrase = value[field];
    const { acceptable, problems } = assessPassphrase(passphrase);
    if (passphrase && !acceptable) {
      const sentences = problems.map((problem) => t(`common:passphrase.problem.${problem}`));
      ctx.addIssue({ code: 'custom', path: [field], message: joinSentences(sentences, i18next.language) });
    }
    if (value.confirm !== passphrase) {
      ctx.addIssue({ code: 'custom', path: ['confirm'], message: t('common:passphrase.mismatch') });
    }
  };
}
