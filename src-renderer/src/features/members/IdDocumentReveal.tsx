import { useState } from 'react';
import { Button, Stack } from '@mui/material';
import Visibility from '@mui/icons-material/VisibilityOutlined';
import { useTranslation } from 'react-i18next';
import type { Member } from '../../../../src-shared/contract/members';
import { can } from '../../../../src-shared/permissions';
import { useSession } from '../../session/session';
import { RevealDialog } from '../../ui/RevealDialog';

/**
 * The member's ID document as screens show it (`••••1234`), and for those who may reveal it, the
 * full number for a reason, for a limited time.
 */
export function IdDocumentReveal({ member }: { member: Member }) {
  const { t } = useTranslation();
  const { role } = useSession();
  const [revealing, setRevealing] = useState(false);
  if (member.idDocumentMasked === null) return <>—</>;
  return (
    <Stack direction="row" component="span" sx={{ alignItems: 'center', gap: 1 }}>
      {member.idDocumentMasked}
      {can(role, 'members.write') && (
        <Button size="small" startIcon={<Visibility />} onClick={() => setRevealing(true)} sx={{ py: 0 }}>
          {t('members:revealIdDocument.action')}
        </Button>
      )}
      <RevealDialog
        open={revealing}
        channel="members.revealIdDocument"
        input={{ id: member.id }}
        title={t('members:revealIdDocument.title', { name: member.name })}
        explanation={t('members:revealIdDocument.explanation')}
        rows={(answer) => [{ label: t('members:field.idDocument'), value: answer.idDocumentNumber ?? '—' }]}
        onClose={() => setRevealing(false)}
      />
    </Stack>
  );
}
