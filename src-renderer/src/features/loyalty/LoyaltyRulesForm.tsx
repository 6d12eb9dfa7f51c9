import { useEffect, useMemo, useState } from 'react';
import { Alert, Paper, Snackbar, Stack, Button, Typography } from '@mui/material';
import { useForm, useWatch, type Control, type Path, type Resolver } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import type { TierChangePreview as Changes } from '../../../../src-shared/contract/points';
import type { LoyaltyRules, SavedLoyalty } from '../../../../src-shared/settings/loyalty-settings';
import { ApiError, call } from '../../api/call';
import { useChannelMutation } from '../../api/queries';
import { useErrorText } from '../../api/error-text';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { EarningSection } from './EarningSection';
import { PointsLifeSection } from './PointsLifeSection';
import { SaveRulesDialog } from './SaveRulesDialog';
import { TierChangePreview } from './TierChangePreview';
import { TierTable } from './TierTable';
import { formPath, loyaltyFormSchema, rulesToForm, type LoyaltyForm } from './loyalty-form';
import { useCurrencyRates } from './use-currency-rates';
import { useRulesPreview } from './use-rules-preview';

/** A reset that drops what was typed: the form keeps typed values only when the saved ones refresh under it. */
const DISCARD_CHANGES = { keepDirtyValues: false } as const;
const REASONS = new Set(['tier_id_repeated', 'first_tier_not_zero', 'threshold_not_rising']);

/** The rules in the form when they are valid and not the saved ones; whether the form holds a problem. */
function useEditedRules(control: Control<LoyaltyForm>, saved: LoyaltyRules): { edited: LoyaltyRules | null; invalid: boolean } {
  const { t } = useTranslation();
  const values = useWatch({ control }) as LoyaltyForm;
  return useMemo(() => {
    const read = loyaltyFormSchema(t).safeParse(values);
    if (!read.success) return { edited: null, invalid: true };
    return { edited: JSON.stringify(read.data) === JSON.stringify(saved) ? null : read.data, invalid: false };
  }, [values, saved, t]);
}

/**
 * A refusal of the rules on the field it names (the router names `rules.tiers.1.threshold` and
 * why), in our words; any other refusal above the Save button.
 */
function useRulesRefusal(setError: (path: Path<LoyaltyForm>, error: { type: string; message: string }) => void) {
  const { t } = useTranslation();
  const describe = useErrorText();
  const [formError, setFormError] = useState<unknown>(null);
  const report = (error: unknown) => {
    const field = error instanceof ApiError && error.code === 'INVALID_INPUT' && error.field?.startsWith('rules.') ? error.field.slice('rules.'.length) : undefined;
    if (!field) return setFormError(error);
    const reason = error instanceof ApiError && typeof error.details.reason === 'string' && REASONS.has(error.details.reason) ? error.details.reason : null;
    setFormError(null);
    setError(formPath(field.split('.')) as Path<LoyaltyForm>, { type: 'server', message: reason ? t(`loyalty:problem.${reason}`) : describe(error) });
  };
  return { formError, report, clear: () => setFormError(null) };
}

/** Every rule of the points scheme, the change preview, and Save with its confirmation. */
export function LoyaltyRulesForm({ saved, readOnly }: { saved: SavedLoyalty; readOnly: boolean }) {
  const { t } = useTranslation();
  const rates = useCurrencyRates();
  const resolver = useMemo(() => zodResolver(loyaltyFormSchema(t)) as unknown as Resolver<LoyaltyForm, unknown, LoyaltyRules>, [t]);
  const values = useMemo(() => rulesToForm(saved.rules), [saved]);
  const form = useForm<LoyaltyForm, unknown, LoyaltyRules>({ resolver, values, mode: 'onChange', resetOptions: { keepDirtyValues: true } });
  // The fields see the form's text; only submit sees the rules the schema makes of it.
  const control = form.control as unknown as Control<LoyaltyForm>;
  const { edited, invalid } = useEditedRules(control, saved.rules);
  // The problems shown are said again in a language just chosen (the resolver speaks the new one).
  useEffect(() => {
    if (Object.keys(form.formState.errors).length > 0) void form.trigger();
  }, [form, resolver]);
  const { preview, settling } = useRulesPreview(readOnly ? null : edited);
  const refusal = useRulesRefusal(form.setError);
  const [checking, setChecking] = useState<{ rules: LoyaltyRules; changes: Changes } | null>(null);
  const [savedNotice, setSavedNotice] = useState<{ version: number; changes: Changes; open: boolean } | null>(null);
  const update = useChannelMutation('points.updateRules', {
    onSuccess: (result) => {
      setChecking(null);
      form.reset(rulesToForm(result.saved.rules), DISCARD_CHANGES);
      setSavedNotice({ version: result.saved.version, changes: result.changes, open: true });
    },
    onError: (error) => {
      setChecking(null);
      refusal.report(error);
    },
  });
  // Save asks first, naming who would move: the same dry run the preview shows, asked again for exactly these rules.
  const submit = form.handleSubmit(async (rules) => {
    refusal.clear();
    try {
      const { changes } = await call('points.updateRules', { rules, dryRun: true });
      setChecking({ rules, changes });
    } catch (error) {
      refusal.report(error);
    }
  });
  const reset = () => {
    refusal.clear();
    form.reset(values, DISCARD_CHANGES);
  };
  const changed = form.formState.isDirty;
  return (
    <Stack component="form" onSubmit={submit} noValidate sx={{ gap: 2 }} aria-label={t('loyalty:title')}>
      <TierTable control={control} readOnly={readOnly} savedIds={saved.rules.tiers.map((tier) => tier.id)} currencyRates={rates.text} />
      {!readOnly && <TierChangePreview saved={saved.rules} edited={edited} invalid={invalid && changed} changes={preview.data} error={preview.error} settling={settling} />}
      <EarningSection control={control} readOnly={readOnly} />
      <PointsLifeSection control={control} readOnly={readOnly} currency={rates.firstCurrency} />
      {!readOnly && (
        <Paper variant="outlined" sx={{ p: 2, position: 'sticky', bottom: 0, zIndex: 2 }}>
          <ErrorAlert error={refusal.formError} />
          <Stack direction="row" sx={{ gap: 1, alignItems: 'center', justifyContent: 'flex-end', flexWrap: 'wrap' }}>
            {changed && (
              <Typography variant="body2" color="text.secondary" sx={{ mr: 'auto' }}>
                {t('loyalty:save.unsaved')}
              </Typography>
            )}
            <Button onClick={reset} disabled={!changed || update.isPending}>
              {t('loyalty:save.reset')}
            </Button>
            <Button type="submit" variant="contained" disabled={!changed || form.formState.isSubmitting || update.isPending}>
              {t('loyalty:save.action')}
            </Button>
          </Stack>
        </Paper>
      )}
      <SaveRulesDialog
        pending={checking && { version: saved.version + 1, changes: checking.changes }}
        busy={update.isPending}
        onConfirm={() => checking && update.mutate({ rules: checking.rules })}
        onClose={() => setChecking(null)}
      />
      <Snackbar open={savedNotice?.open ?? false} autoHideDuration={6000} onClose={() => setSavedNotice((shown) => shown && { ...shown, open: false })} anchorOrigin={{ vertical: 'bottom', horizontal: 'right' }}>
        <Alert severity="success" variant="filled" onClose={() => setSavedNotice((shown) => shown && { ...shown, open: false })}>
          {savedNotice && t('loyalty:save.saved', { version: savedNotice.version, up: savedNotice.changes.up, down: savedNotice.changes.down })}
        </Alert>
      </Snackbar>
    </Stack>
  );
}
