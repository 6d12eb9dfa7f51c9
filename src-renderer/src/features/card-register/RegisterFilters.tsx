import { Button, InputAdornment, MenuItem, Stack, TextField } from '@mui/material';
import FilterAltOff from '@mui/icons-material/FilterAltOffOutlined';
import Search from '@mui/icons-material/Search';
import { useTranslation } from 'react-i18next';
import { CARD_STATES, type CardProgram, type CardState } from '../../../../src-shared/contract/cards';
import { isFiltered, type RegisterView } from './register-view';

interface RegisterFiltersProps {
  view: RegisterView;
  programs: readonly CardProgram[];
  onChange: (changes: Partial<RegisterView>) => void;
  onClear: () => void;
}

/** Search by member number, name or last four digits; a program; a state. Each change asks again from the first page. */
export function RegisterFilters({ view, programs, onChange, onClear }: RegisterFiltersProps) {
  const { t } = useTranslation();
  // A program in the URL that is gone stays choosable, so the field never goes blank.
  const programChoices = view.programId && !programs.some((program) => String(program.id) === view.programId) ? [...programs, { id: Number(view.programId), name: `#${view.programId}` }] : programs;
  return (
    <Stack direction="row" role="search" aria-label={t('card-admin:register.filter.label')} sx={{ gap: 2, flexWrap: 'wrap' }}>
      <TextField
        size="small"
        autoFocus
        label={t('card-admin:register.search.label')}
        placeholder={t('card-admin:register.search.placeholder')}
        value={view.query}
        onChange={(event) => onChange({ query: event.target.value })}
        autoComplete="off"
        sx={{ flex: 1, minWidth: 260 }}
        slotProps={{
          input: {
            startAdornment: (
              <InputAdornment position="start">
                <Search />
              </InputAdornment>
            ),
          },
        }}
      />
      <TextField select size="small" label={t('card-admin:register.filter.program')} value={view.programId} onChange={(event) => onChange({ programId: event.target.value })} sx={{ width: 220 }}>
        <MenuItem value="">{t('card-admin:register.filter.anyProgram')}</MenuItem>
        {programChoices.map((program) => (
          <MenuItem key={program.id} value={String(program.id)}>
            {program.name}
          </MenuItem>
        ))}
      </TextField>
      <TextField select size="small" label={t('card-admin:register.filter.state')} value={view.state} onChange={(event) => onChange({ state: event.target.value as CardState | '' })} sx={{ width: 180 }}>
        <MenuItem value="">{t('card-admin:register.filter.anyState')}</MenuItem>
        {CARD_STATES.map((state) => (
          <MenuItem key={state} value={state}>
            {t(`cards:state.${state}`)}
          </MenuItem>
        ))}
      </TextField>
      {isFiltered(view) && (
        <Button startIcon={<FilterAltOff />} onClick={onClear} sx={{ height: 40 }}>
          {t('card-admin:register.filter.clear')}
        </Button>
      )}
    </Stack>
  );
}
