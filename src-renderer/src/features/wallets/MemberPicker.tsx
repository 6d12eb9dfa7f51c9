import { useState, type Ref } from 'react';
import { Autocomplete, Box, InputAdornment, Stack, TextField, Typography } from '@mui/material';
import PersonSearch from '@mui/icons-material/PersonSearchOutlined';
import { keepPreviousData } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { MemberRow } from '../../../../src-shared/contract/members';
import { formatMemberNumber } from '../../../../src-shared/member-number';
import { useChannelQuery } from '../../api/queries';
import { MemberStatusChip } from '../members/MemberStatusChip';
import { useDebounced } from '../../hooks/use-debounced';

export type PickedMember = Pick<MemberRow, 'id' | 'memberNumber' | 'name' | 'phone' | 'status'>;

const RESULTS = 8;

function memberLabel(member: PickedMember): string {
  return `${member.name} · ${formatMemberNumber(member.memberNumber)}`;
}

export interface MemberPickerProps {
  label: string;
  value: PickedMember | null;
  onPick: (member: PickedMember | null) => void;
  /** A member who cannot be picked here (the payer, when picking a payee). */
  excludeId?: number;
  autoFocus?: boolean;
  inputRef?: Ref<HTMLInputElement>;
  /** Why the field still needs a member, shown under it. */
  errorText?: string | null;
}

function MemberOption({ member }: { member: PickedMember }) {
  return (
    <Stack direction="row" sx={{ gap: 1.5, alignItems: 'center', width: '100%' }}>
      <Box sx={{ flexGrow: 1 }}>
        <Typography variant="body2">{member.name}</Typography>
        <Typography variant="caption" color="text.secondary">
          {formatMemberNumber(member.memberNumber)} · {member.phone}
        </Typography>
      </Box>
      <MemberStatusChip status={member.status} />
    </Stack>
  );
}

const searchIcon = (
  <InputAdornment position="start">
    <PersonSearch />
  </InputAdornment>
);

/**
 * Finds a member by name substring, member number or phone as the teller types; arrow keys move
 * through the results and Enter takes the highlighted one (the first, until the arrows move).
 */
export function MemberPicker({ label, value, onPick, excludeId, autoFocus = false, inputRef, errorText = null }: MemberPickerProps) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const [typed, setTyped] = useState<string | null>(null);
  const settled = useDebounced(query.trim(), 200);
  const search = useChannelQuery('members.search', { query: settled, limit: RESULTS }, { enabled: settled !== '', placeholderData: keepPreviousData });
  const options = settled === '' ? [] : (search.data?.rows ?? []).filter((member) => member.id !== excludeId);
  return (
    <Autocomplete<PickedMember>
      options={options}
      value={value}
      inputValue={typed ?? (value ? memberLabel(value) : '')}
      onInputChange={(_event, text, reason) => {
        if (reason !== 'input') return;
        setTyped(text);
        setQuery(text);
      }}
      onChange={(_event, member) => {
        setTyped(null);
        setQuery('');
        onPick(member);
      }}
      filterOptions={(found) => found}
      getOptionLabel={memberLabel}
      getOptionDisabled={(member) => member.status === 'closed'}
      isOptionEqualToValue={(option, current) => option.id === current.id}
      autoHighlight
      clearOnEscape
      loading={search.isFetching}
      loadingText={t('common:loading')}
      noOptionsText={settled === '' ? t('wallets:picker.typeToSearch') : t('wallets:picker.noMatch')}
      renderOption={({ key, ...props }, member) => (
        <Box component="li" key={key} {...props}>
          <MemberOption member={member} />
        </Box>
      )}
      renderInput={(params) => (
        <TextField
          {...params}
          label={label}
          placeholder={t('wallets:picker.placeholder')}
          autoFocus={autoFocus}
          inputRef={inputRef}
          error={errorText !== null}
          helperText={errorText}
          slotProps={{
            ...params.slotProps,
            input: { ...params.slotProps.input, startAdornment: searchIcon },
          }}
        />
      )}
    />
  );
}
