import { useState } from 'react';
import { Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { CardProgram } from '../../../../src-shared/contract/cards';
import { useErrorText } from '../../api/error-text';
import { useChannelMutation } from '../../api/queries';
import { ConfirmDialog } from '../../ui/ConfirmDialog';

/** What the programs screen asks before doing: closing, reopening or deleting one program. */
export type ProgramChange = { kind: 'close' | 'reopen' | 'delete'; program: CardProgram };

/** The question before a program is closed, reopened or deleted, and the change once confirmed. */
export function ProgramChangeDialog({ change, onClose }: { change: ProgramChange | null; onClose: () => void }) {
  const { t } = useTranslation();
  const describe = useErrorText();
  // The last change keeps its words while the dialog closes.
  const [shown, setShown] = useState(change);
  if (change && change !== shown) setShown(change);
  const setStatus = useChannelMutation('cards.setProgramStatus', { onSuccess: onClose });
  const remove = useChannelMutation('cards.deleteProgram', { onSuccess: onClose });
  const mutation = shown?.kind === 'delete' ? remove : setStatus;
  const confirm = () => {
    if (!shown) return;
    const programId = shown.program.id;
    if (shown.kind === 'delete') remove.mutate({ programId });
    else setStatus.mutate({ programId, status: shown.kind === 'close' ? 'closed' : 'open' });
  };
  const close = () => {
    setStatus.reset();
    remove.reset();
    onClose();
  };
  const kind = shown?.kind ?? 'close';
  return (
    <ConfirmDialog
      open={change !== null}
      title={t(`card-admin:programs.confirm.${kind}Title`, { name: shown?.program.name ?? '' })}
      confirmLabel={t(`card-admin:programs.action.${kind}`)}
      danger={kind === 'delete'}
      busy={mutation.isPending}
      error={mutation.error ? describe(mutation.error) : null}
      onConfirm={confirm}
      onClose={close}
    >
      <Typography>{t(`card-admin:programs.confirm.${kind}Body`, { count: shown?.program.cards ?? 0 })}</Typography>
    </ConfirmDialog>
  );
}
