import { TextField } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { INPUT_LIMITS } from '../../../../src-shared/contract/common';
import { hintWithLimit, limitedHelperText } from '../../ui/form';

// The optional note a card change keeps in the card's history (activate, freeze, unfreeze,
// cancel, replace): the router allows INPUT_LIMITS.text characters, and the field turns red as
// soon as it holds more.

export function noteTooLong(note: string): boolean {
  return note.trim().length > INPUT_LIMITS.text;
}

export function CardNoteField({ value, onChange, autoFocus = false }: { value: string; onChange: (note: string) => void; autoFocus?: boolean }) {
  const { t, i18n } = useTranslation();
  return (
    <TextField
      autoFocus={autoFocus}
      multiline
      minRows={2}
      label={t('cards:field.note')}
      value={value}
      onChange={(event) => onChange(event.target.value)}
      error={noteTooLong(value)}
      helperText={limitedHelperText(hintWithLimit(t('cards:field.noteHint'), INPUT_LIMITS.text, t, i18n.language), value.trim().length, INPUT_LIMITS.text, t)}
    />
  );
}
