import { MenuItem, Stack, TextField } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { DateRangeFields, dayRangeQuery } from '../../ui/DateRangeFields';
import { actionName, type Words } from './audit-words';

export interface AuditFilterValues {
  actor: string;
  action: string;
  /** yyyy-mm-dd from a date field, or '' */
  from: string;
  to: string;
}

export const NO_FILTERS: AuditFilterValues = { actor: '', action: '', from: '', to: '' };

/** A date field's day, as the instants that bound it in local time. */
export function auditQueryFrom(filters: AuditFilterValues) {
  return {
    ...(filters.actor ? { actor: filters.actor } : {}),
    ...(filters.action ? { action: filters.action } : {}),
    ...dayRangeQuery(filters),
  };
}

/** The recorded actions by their names in the reader's language, in that language's order. */
function namedActions(actions: string[], words: Words): { action: string; name: string }[] {
  const collator = new Intl.Collator(words.language);
  return actions.map((action) => ({ action, name: actionName(action, words) })).sort((a, b) => collator.compare(a.name, b.name));
}

export function AuditFilters({ value, actors, actions, words, onChange }: { value: AuditFilterValues; actors: string[]; actions: string[]; words: Words; onChange: (next: AuditFilterValues) => void }) {
  const { t } = useTranslation();
  const set = (key: keyof AuditFilterValues) => (event: { target: { value: string } }) => onChange({ ...value, [key]: event.target.value });
  return (
    <Stack direction="row" sx={{ gap: 2, flexWrap: 'wrap' }} role="search" aria-label={t('audit:filters.label')}>
      <TextField select size="small" label={t('audit:field.actor')} value={value.actor} onChange={set('actor')} sx={{ minWidth: 180, width: 'auto' }}>
        <MenuItem value="">{t('audit:filters.any')}</MenuItem>
        {actors.map((actor) => (
          <MenuItem key={actor} value={actor}>
            {actor}
          </MenuItem>
        ))}
      </TextField>
      <TextField select size="small" label={t('audit:field.action')} value={value.action} onChange={set('action')} sx={{ minWidth: 220, width: 'auto' }}>
        <MenuItem value="">{t('audit:filters.any')}</MenuItem>
        {namedActions(actions, words).map(({ action, name }) => (
          <MenuItem key={action} value={action}>
            {name}
          </MenuItem>
        ))}
      </TextField>
      <DateRangeFields value={value} labels={{ from: t('audit:filters.from'), to: t('audit:filters.to') }} width={180} onChange={(range) => onChange({ ...value, ...range })} />
    </Stack>
  );
}
