import { Box, Checkbox, FormControlLabel, Stack } from '@mui/material';
import { Controller, useWatch, type Control } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { formatAmount, minorDigits, POINTS_CURRENCY } from '../../../../src-shared/money';
import { RuleField } from './RuleField';
import { RULE_FIELD_GRID, RulesSection } from './RulesSection';
import type { LoyaltyForm } from './loyalty-form';

/** "250 PTS → CN¥2.00" at the rate typed: what whole-unit redemption does with a remainder; nothing while it is not a number. */
function useRedemptionExample(control: Control<LoyaltyForm>, currency: string | undefined): string | undefined {
  const { t, i18n } = useTranslation();
  const rate = Number(useWatch({ control, name: 'pointsPerRedemptionUnit' }));
  if (!currency || !Number.isSafeInteger(rate) || rate < 1) return undefined;
  const points = rate * 2 + Math.floor(rate / 2);
  const twoUnits = 2 * 10 ** minorDigits(currency);
  const example = t('loyalty:life.redemptionExample', { points: formatAmount(points, POINTS_CURRENCY, i18n.language), amount: formatAmount(twoUnits, currency, i18n.language) });
  return t('loyalty:life.redemptionHint', { example });
}

/** The pending window, lot expiry (or never), the redemption rate and the tier window. */
export function PointsLifeSection({ control, readOnly, currency }: { control: Control<LoyaltyForm>; readOnly: boolean; currency: string | undefined }) {
  const { t } = useTranslation();
  const neverExpire = useWatch({ control, name: 'neverExpire' });
  const redemptionExample = useRedemptionExample(control, currency);
  return (
    <RulesSection id="life" title={t('loyalty:life.title')} description={t('loyalty:life.description')}>
      <Box sx={RULE_FIELD_GRID}>
        <RuleField control={control} name="pendingDays" label={t('loyalty:life.pendingDays')} hint={t('loyalty:life.pendingDaysHint')} unit={t('loyalty:life.days')} readOnly={readOnly} />
        <Stack>
          <RuleField control={control} name="expiryMonths" label={t('loyalty:life.expiryMonths')} unit={t('loyalty:life.months')} disabled={neverExpire} readOnly={readOnly} />
          <Controller
            control={control}
            name="neverExpire"
            render={({ field }) => (
              <FormControlLabel
                control={<Checkbox checked={field.value} onChange={(event) => field.onChange(event.target.checked)} onBlur={field.onBlur} disabled={readOnly} />}
                label={t('loyalty:life.neverExpire')}
              />
            )}
          />
        </Stack>
        <RuleField
          control={control}
          name="pointsPerRedemptionUnit"
          label={t('loyalty:life.pointsPerRedemptionUnit')}
          hint={redemptionExample}
          unit={t('loyalty:life.points')}
          readOnly={readOnly}
        />
        <RuleField control={control} name="tierWindowMonths" label={t('loyalty:life.tierWindowMonths')} hint={t('loyalty:life.tierWindowHint')} unit={t('loyalty:life.months')} readOnly={readOnly} />
      </Box>
    </RulesSection>
  );
}
