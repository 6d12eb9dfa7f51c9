import { Box, LinearProgress, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { assessPassphrase } from '../../../src-shared/passphrase-policy';
import { joinSentences } from './format';

const COLORS = ['error', 'error', 'warning', 'success', 'success'] as const;

/** The same policy the main process enforces, shown while typing. */
export function PassphraseStrength({ value }: { value: string }) {
  const { t, i18n } = useTranslation();
  const { score, problems } = assessPassphrase(value);
  const label = value ? t(`common:passphrase.score.${score}`) : t('common:passphrase.empty');
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 0.5 }} data-testid="passphrase-strength">
      <LinearProgress
        variant="determinate"
        value={value ? ((score + 1) / 5) * 100 : 0}
        color={COLORS[score]}
        aria-label={t('common:passphrase.strength')}
        sx={{ height: 6, borderRadius: 3 }}
      />
      <Typography variant="caption" color="text.secondary">
        {t('common:passphrase.strengthIs', { score: label })}
        {value && problems.length > 0 && ` — ${joinSentences(problems.map((problem) => t(`common:passphrase.problem.${problem}`)), i18n.language)}`}
      </Typography>
    </Box>
  );
}
