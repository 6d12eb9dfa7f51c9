import { Chip, Stack, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { importCodeSeverity, type RowCode } from '../../../../../src-shared/row-codes';
import { codeCounts } from './row-results-view';

interface CodeCountChipsProps {
  byCode: Readonly<Record<string, number>>;
  selected: RowCode | '';
  onSelect: (code: RowCode | '') => void;
}

/** One chip per code found, with how many rows carry it; a click shows only those rows, a second click all again. */
export function CodeCountChips({ byCode, selected, onSelect }: CodeCountChipsProps) {
  const { t, i18n } = useTranslation();
  const counts = codeCounts(byCode);
  const number = new Intl.NumberFormat(i18n.language);
  if (counts.length === 0) return null;
  return (
    <Stack direction="row" role="group" aria-label={t('payouts:import.results.byCode')} sx={{ gap: 1, flexWrap: 'wrap', alignItems: 'center' }}>
      <Typography variant="body2" color="text.secondary">
        {t('payouts:import.results.byCode')}
      </Typography>
      {counts.map(({ code, rows }) => {
        const isSelected = selected === code;
        return (
          <Chip
            key={code}
            data-testid="code-count"
            data-code={code}
            size="small"
            clickable
            color={importCodeSeverity(code) === 'error' ? 'error' : 'warning'}
            variant={isSelected ? 'filled' : 'outlined'}
            aria-pressed={isSelected}
            title={code}
            label={`${t(`payouts:code.${code}`)} · ${number.format(rows)}`}
            onClick={() => onSelect(isSelected ? '' : code)}
            sx={{ fontVariantNumeric: 'tabular-nums' }}
          />
        );
      })}
    </Stack>
  );
}
