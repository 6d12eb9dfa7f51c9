import { useState, type FormEvent } from 'react';
import { MenuItem, TextField } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { CANCEL_REASONS, type Card, type CancelReason, type IssuedCard } from '../../../../src-shared/contract/cards';
import { useChannelMutation } from '../../api/queries';
import { FormDialogFrame } from '../../ui/FormDialogFrame';
import { useFormKey } from '../points/use-form-key';
import { groupCardNumber } from './card-number-text';
import { CardDialog } from './CardDialog';
import { CardNoteField, noteTooLong } from './CardNoteField';

// Cancelling is final and says why (lost, stolen, damaged, expired, other). Replacing cancels
// with the reason and issues a new card under the same program, linked both ways; the tab then
// shows the new card's number once, as at issue (this dialog's card is gone from view by then).

export type CardEnd = 'cancel' | 'replace';

interface EndProps {
  card: Card;
  end: CardEnd;
  onClose: () => void;
  /** The replacement with its number, for the tab to show once and open. */
  onReplaced: (issued: IssuedCard) => void;
}

function EndForm({ card, end, onClose, onReplaced }: EndProps) {
  const { t } = useTranslation();
  const [reason, setReason] = useState<CancelReason | ''>('');
  const [note, setNote] = useState('');
  const [tried, setTried] = useState(false);
  const idempotencyKey = useFormKey(`${reason}|${note.trim()}`);
  const cancel = useChannelMutation('cards.cancel', { onSuccess: onClose });
  const replace = useChannelMutation('cards.replace', {
    onSuccess: (issued) => {
      onReplaced(issued);
      onClose();
    },
  });
  const mutation = end === 'cancel' ? cancel : replace;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (reason === '' || noteTooLong(note)) return;
    const input = { cardId: card.id, reason, note: note.trim() || undefined };
    if (end === 'cancel') cancel.mutate(input);
    else replace.mutate({ ...input, idempotencyKey });
  };
  return (
    <FormDialogFrame
      title={t(`cards:${end}.title`, { number: groupCardNumber(card.maskedPan) })}
      explanation={t(`cards:${end}.explanation`)}
      submitLabel={t(`cards:action.${end}`)}
      busy={mutation.isPending}
      formError={mutation.error}
      onSubmit={submit}
      onClose={onClose}
    >
      <TextField
        select
        required
        autoFocus
        label={t('cards:field.cancelReason')}
        value={reason}
        onChange={(event) => setReason(event.target.value as CancelReason)}
        error={tried && reason === ''}
        helperText={tried && reason === '' ? t('cards:cancel.pickReason') : ' '}
      >
        {CANCEL_REASONS.map((option) => (
          <MenuItem key={option} value={option}>
            {t(`cards:cancelReasonOption.${option}`)}
          </MenuItem>
        ))}
      </TextField>
      <CardNoteField value={note} onChange={setNote} />
    </FormDialogFrame>
  );
}

export function CancelCardDialog({ end, ...props }: Omit<EndProps, 'end'> & { end: CardEnd | null }) {
  return (
    <CardDialog open={end !== null} onClose={props.onClose}>
      {end && <EndForm end={end} {...props} />}
    </CardDialog>
  );
}
