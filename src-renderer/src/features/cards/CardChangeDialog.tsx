import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Card } from '../../../../src-shared/contract/cards';
import { useChannelMutation } from '../../api/queries';
import { FormDialogFrame } from '../../ui/FormDialogFrame';
import { groupCardNumber } from './card-number-text';
import { CardDialog } from './CardDialog';
import { CardNoteField, noteTooLong } from './CardNoteField';

// Activate, freeze and unfreeze: one step each way, with an optional note for the card's history.
// A refusal (CARD_STATE_INVALID when someone else moved the card first) is said in the dialog.

export type CardChange = 'activate' | 'freeze' | 'unfreeze';
const CHANNELS = { activate: 'cards.activate', freeze: 'cards.freeze', unfreeze: 'cards.unfreeze' } as const;

interface ChangeProps {
  card: Card;
  change: CardChange;
  onClose: () => void;
}

function ChangeForm({ card, change, onClose }: ChangeProps) {
  const { t } = useTranslation();
  const [note, setNote] = useState('');
  const mutation = useChannelMutation(CHANNELS[change], { onSuccess: onClose });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!noteTooLong(note)) mutation.mutate({ cardId: card.id, note: note.trim() || undefined });
  };
  return (
    <FormDialogFrame
      title={t(`cards:change.${change}.title`, { number: groupCardNumber(card.maskedPan) })}
      explanation={t(`cards:change.${change}.explanation`)}
      submitLabel={t(`cards:action.${change}`)}
      busy={mutation.isPending}
      formError={mutation.error}
      onSubmit={submit}
      onClose={onClose}
    >
      <CardNoteField autoFocus value={note} onChange={setNote} />
    </FormDialogFrame>
  );
}

export function CardChangeDialog({ change, ...props }: Omit<ChangeProps, 'change'> & { change: CardChange | null }) {
  return (
    <CardDialog open={change !== null} onClose={props.onClose}>
      {change && <ChangeForm change={change} {...props} />}
    </CardDialog>
  );
}
