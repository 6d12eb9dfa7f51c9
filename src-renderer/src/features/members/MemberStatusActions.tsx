import { useState } from 'react';
import { Button } from '@mui/material';
import AcUnit from '@mui/icons-material/AcUnit';
import LockOpen from '@mui/icons-material/LockOpenOutlined';
import PersonOff from '@mui/icons-material/PersonOffOutlined';
import { useTranslation } from 'react-i18next';
import { memberStatusChangeInput, type Member } from '../../../../src-shared/contract/members';
import { useChannelMutation } from '../../api/queries';
import { ReasonDialog } from '../../ui/ReasonDialog';

type StatusAction = 'freeze' | 'unfreeze' | 'close';

/**
 * Freeze (blocks every debit), unfreeze, and close (terminal; needs empty wallets), each with a
 * reason that goes into the member's history. A refusal is handed to the page to show.
 */
export function MemberStatusActions({ member, onError }: { member: Member; onError: (error: unknown) => void }) {
  const { t } = useTranslation();
  const [action, setAction] = useState<StatusAction | null>(null);
  const options = {
    onSuccess: () => setAction(null),
    onError: (error: unknown) => {
      setAction(null);
      onError(error);
    },
  };
  const freeze = useChannelMutation('members.freeze', options);
  const unfreeze = useChannelMutation('members.unfreeze', options);
  const close = useChannelMutation('members.close', options);
  const mutations = { freeze, unfreeze, close };
  if (member.status === 'closed') return null;
  const start = (next: StatusAction) => {
    onError(null);
    setAction(next);
  };
  return (
    <>
      {member.status === 'active' ? (
        <Button variant="outlined" startIcon={<AcUnit />} onClick={() => start('freeze')}>
          {t('members:freeze.action')}
        </Button>
      ) : (
        <Button variant="outlined" startIcon={<LockOpen />} onClick={() => start('unfreeze')}>
          {t('members:unfreeze.action')}
        </Button>
      )}
      <Button variant="outlined" color="error" startIcon={<PersonOff />} onClick={() => start('close')}>
        {t('members:close.action')}
      </Button>
      <ReasonDialog
        open={action !== null}
        title={action ? t(`members:${action}.title`, { name: member.name }) : ''}
        explanation={action ? t(`members:${action}.explanation`) : ''}
        confirmLabel={action ? t(`members:${action}.confirm`) : ''}
        busy={action !== null && mutations[action].isPending}
        onClose={() => setAction(null)}
        onConfirm={(reason) => action && mutations[action].mutate({ id: member.id, reason })}
        maxLength={memberStatusChangeInput.shape.reason.maxLength ?? undefined}
      />
    </>
  );
}
