import { Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { TierChangePreview } from '../../../../src-shared/contract/points';
import { ConfirmDialog } from '../../ui/ConfirmDialog';

export interface SaveRulesDialogProps {
  /** The version the save would make and who it would move; null: closed. */
  pending: { version: number; changes: TierChangePreview } | null;
  busy: boolean;
  onConfirm: () => void;
  onClose: () => void;
}

/** Asks before the rules are saved, naming how many members move up and down with them. */
export function SaveRulesDialog({ pending, busy, onConfirm, onClose }: SaveRulesDialogProps) {
  const { t } = useTranslation();
  const changes = pending?.changes;
  const moves =
    changes && (changes.up > 0 || changes.down > 0)
      ? t('loyalty:save.confirmMoves', { up: t('loyalty:preview.up', { count: changes.up }), down: t('loyalty:preview.down', { count: changes.down }) })
      : t('loyalty:save.confirmNobody');
  return (
    <ConfirmDialog open={pending !== null} title={t('loyalty:save.confirmTitle', { version: pending?.version ?? 0 })} confirmLabel={t('loyalty:save.confirm')} onConfirm={onConfirm} onClose={onClose} busy={busy}>
      <Typography data-testid="save-rules-moves">{moves}</Typography>
      <Typography variant="body2" color="text.secondary">
        {t('loyalty:save.confirmAudit')}
      </Typography>
    </ConfirmDialog>
  );
}
