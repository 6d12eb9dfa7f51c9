import { Button, MenuItem, Stack, TextField } from '@mui/material';
import FilterAltOff from '@mui/icons-material/FilterAltOffOutlined';
import { useTranslation } from 'react-i18next';
import { AmountField } from '../../ui/AmountField';
import { DateRangeFields } from '../../ui/DateRangeFields';
import type { JournalWords } from './journal-words';
import { NO_JOURNAL_FILTERS, isFiltered, type JournalFilterProblems, type JournalFilterValues } from './journal-view';

export interface JournalFilterOptions {
  /** The operator's accounts: code and name. */
  accounts: { code: string; name: string }[];
  kinds: string[];
  actors: string[];
  currencies: string[];
}

interface JournalFiltersProps {
  value: JournalFilterValues;
  problems: JournalFilterProblems;
  options: JournalFilterOptions;
  words: JournalWords;
  onChange: (next: JournalFilterValues) => void;
}

/** One list of choices with "Any" first; a value the list lacks (a member's wallet opened from the chart) is kept as its own entry. */
function Choice({ label, value, choices, width, onChange }: { label: string; value: string; choices: { value: string; label: string }[]; width: number; onChange: (value: string) => void }) {
  const { t } = useTranslation();
  const all = value && !choices.some((choice) => choice.value === value) ? [{ value, label: value }, ...choices] : choices;
  return (
    <TextField select size="small" label={label} value={value} onChange={(event) => onChange(event.target.value)} sx={{ width }}>
      <MenuItem value="">{t('journal:filters.any')}</MenuItem>
      {all.map((choice) => (
        <MenuItem key={choice.value} value={choice.value}>
          {choice.label}
        </MenuItem>
      ))}
    </TextField>
  );
}

/** The journal's filters; each change asks again from the first page. Amounts need their currency, so they wait for one. */
export function JournalFilters({ value, problems, options, words, onChange }: JournalFiltersProps) {
  const { t } = useTranslation();
  const set = (key: keyof JournalFilterValues) => (next: string) => onChange({ ...value, [key]: next });
  const amount = (key: 'minAmount' | 'maxAmount', serverError: string | null) =>
    value.currency ? (
      <AmountField
        size="small"
        label={t(`journal:filters.${key}`)}
        currency={value.currency}
        value={value[key]}
        onValueChange={set(key)}
        showProblem={value[key].trim() !== ''}
        serverError={serverError}
        sx={{ width: 170 }}
      />
    ) : (
      <TextField size="small" label={t(`journal:filters.${key}`)} disabled value="" helperText={t('journal:filters.currencyFirst')} sx={{ width: 170 }} />
    );
  return (
    <Stack direction="row" role="search" aria-label={t('journal:filters.label')} sx={{ gap: 2, flexWrap: 'wrap', alignItems: 'flex-start' }}>
      <Choice
        label={t('journal:field.account')}
        value={value.account}
        width={260}
        choices={options.accounts.map((account) => ({ value: account.code, label: `${account.code} · ${account.name}` }))}
        onChange={set('account')}
      />
      <TextField
        size="small"
        label={t('journal:field.member')}
        value={value.member}
        onChange={(event) => set('member')(event.target.value)}
        error={problems.memberNumber}
        helperText={problems.memberNumber ? t('journal:filters.memberNumber') : undefined}
        slotProps={{ htmlInput: { inputMode: 'numeric', spellCheck: false } }}
        sx={{ width: 170 }}
      />
      <Choice label={t('journal:field.kind')} value={value.kind} width={170} choices={options.kinds.map((kind) => ({ value: kind, label: words.kind(kind) }))} onChange={set('kind')} />
      <Choice label={t('journal:field.actor')} value={value.actor} width={150} choices={options.actors.map((actor) => ({ value: actor, label: actor }))} onChange={set('actor')} />
      <DateRangeFields value={value} labels={{ from: t('journal:filters.from'), to: t('journal:filters.to') }} width={170} onChange={(range) => onChange({ ...value, ...range })} />
      <Choice
        label={t('journal:field.currency')}
        value={value.currency}
        width={120}
        choices={options.currencies.map((currency) => ({ value: currency, label: currency }))}
        // Amounts are read in the currency's units: another currency (or none) starts them over.
        onChange={(currency) => onChange({ ...value, currency, minAmount: '', maxAmount: '' })}
      />
      {amount('minAmount', null)}
      {amount('maxAmount', problems.amountsReversed ? t('journal:filters.amountsReversed') : null)}
      {isFiltered(value) && (
        <Button startIcon={<FilterAltOff />} onClick={() => onChange(NO_JOURNAL_FILTERS)} sx={{ height: 40 }}>
          {t('journal:filters.clear')}
        </Button>
      )}
    </Stack>
  );
}
