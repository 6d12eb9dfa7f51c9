import { Box, Checkbox, FormControlLabel, MenuItem, Stack, TextField, Typography } from '@mui/material';
import { Controller, useWatch, type Control } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { CAP_PERIODS } from '../../../../src-shared/settings/loyalty-settings';
import { RuleField } from './RuleField';
import { RULE_FIELD_GRID, RulesSection } from './RulesSection';
import { NO_CAP, type LoyaltyForm } from './loyalty-form';

/** A cap on the points one kind of record earns: none, or at most a count per member per day, week or month. */
function CapFields({ control, name, readOnly }: { control: Control<LoyaltyForm>; name: 'referralCap' | 'reviewCap'; readOnly: boolean }) {
  const { t } = useTranslation();
  const cap = useWatch({ control, name });
  const capped = cap.period !== NO_CAP;
  const label = t(`loyalty:earning.${name}`);
  return (
    <Box role="group" aria-label={label}>
      <Typography variant="body2" sx={{ mb: 1 }}>
        {label}
      </Typography>
      <Stack direction="row" sx={{ gap: 1, alignItems: 'flex-start' }}>
        <RuleField
          control={control}
          name={`${name}.count`}
          label={t('loyalty:earning.capCount')}
          disabled={!capped}
          readOnly={readOnly}
          hint={capped ? t('loyalty:earning.capNote', { count: Number(cap.count) || 0, period: t(`loyalty:earning.period.${cap.period}`) }) : t('loyalty:earning.capNone')}
          width={150}
        />
        <Controller
          control={control}
          name={`${name}.period`}
          render={({ field }) => (
            <TextField
              select
              size="small"
              label={t('loyalty:earning.capPeriod')}
              value={field.value}
              onChange={field.onChange}
              onBlur={field.onBlur}
              inputRef={field.ref}
              sx={{ width: 140 }}
              slotProps={{ select: { readOnly } }}
            >
              {[NO_CAP, ...CAP_PERIODS].map((period) => (
                <MenuItem key={period} value={period}>
                  {t(`loyalty:earning.period.${period}`)}
                </MenuItem>
              ))}
            </TextField>
          )}
        />
      </Stack>
    </Box>
  );
}

/** α, β and γ, whether the tier multiplier reaches referrals and reviews, and their caps. */
export function EarningSection({ control, readOnly }: { control: Control<LoyaltyForm>; readOnly: boolean }) {
  const { t } = useTranslation();
  return (
    <RulesSection id="earning" title={t('loyalty:earning.title')} description={t('loyalty:earning.description')}>
      <Box sx={RULE_FIELD_GRID}>
        <RuleField control={control} name="pointsPerUnitPaid" label={t('loyalty:earning.pointsPerUnitPaid')} hint={t('loyalty:earning.pointsPerUnitPaidHint')} unit={t('loyalty:life.points')} readOnly={readOnly} />
        <RuleField control={control} name="pointsPerReferral" label={t('loyalty:earning.pointsPerReferral')} hint={t('loyalty:earning.pointsPerReferralHint')} unit={t('loyalty:life.points')} readOnly={readOnly} />
        <RuleField control={control} name="pointsPerReview" label={t('loyalty:earning.pointsPerReview')} unit={t('loyalty:life.points')} readOnly={readOnly} />
      </Box>
      <Controller
        control={control}
        name="multiplyAllRules"
        render={({ field }) => (
          <FormControlLabel
            control={<Checkbox checked={field.value} onChange={(event) => field.onChange(event.target.checked)} onBlur={field.onBlur} disabled={readOnly} />}
            label={t('loyalty:earning.multiplyAllRules')}
          />
        )}
      />
      <Box sx={RULE_FIELD_GRID}>
        <CapFields control={control} name="referralCap" readOnly={readOnly} />
        <CapFields control={control} name="reviewCap" readOnly={readOnly} />
      </Box>
    </RulesSection>
  );
}
