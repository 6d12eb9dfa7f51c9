import { MenuItem, Stack, TextField } from '@mui/material';
import { useTranslation } from 'react-i18next';

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
    ...(filters.from ? { from: new Date(`${filters.from}T00:00:00`).toISOString() } : {}),
    ...(filters.to ? { to: new Date(`${filters.to}T23:59:59.999`).toISOString() } : {}),
  };
}

export function AuditFilters({ value, actors, actions, onChange }: { value: AuditFilterValues; actors: string[]; actions: string[]; onChange: (next: AuditFilterValues) => void }) {
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
        {actions.map((action) => (
          <MenuItem key={action} value={action}>
            {action}
          </MenuItem>
        ))}
      </TextField>
      <TextField size="small" type="date" label={t('audit:filters.from')} value={value.from} onChange={set('from')} slotProps={{ inputLabel: { shrink: true } }} sx={{ width: 180 }} />
      <TextField size="small" type="date" label={t('audit:filters.to')} value={value.to} onChange={set('to')} slotProps={{ inputLabel: { shrink: true } }} sx={{ width: 180 }} />
    </Stack>
  );
}
