import { Box, Drawer, IconButton, Stack, Tooltip, Typography } from '@mui/material';
import Close from '@mui/icons-material/Close';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '../../../../src-shared/contract/audit';
import { DateTime } from '../../ui/DateTime';
import { DetailRow } from '../../ui/DetailRow';
import { actionName, entityText } from './audit-words';
import { ChangeTable } from './ChangeTable';
import { describeChange } from './describe-change';
import { useAuditWords } from './use-audit-words';

/** One audit row opened beside the log: who did what to which entity, and the before/after table. */
export function AuditEntryDrawer({ entry, onClose }: { entry: AuditEntry | null; onClose: () => void }) {
  const { t } = useTranslation();
  const words = useAuditWords();
  return (
    // Above the app bar (which sits above the sidebar's drawer), as a dialog would be.
    <Drawer
      anchor="right"
      open={entry !== null}
      onClose={onClose}
      sx={{ zIndex: (theme) => theme.zIndex.modal }}
      slotProps={{ paper: { sx: { width: { xs: '100%', sm: 520 } } } }}
    >
      {entry && (
        <Stack component="section" aria-label={t('audit:detail.title', { id: entry.id })} data-testid="audit-entry" sx={{ p: 3, gap: 2 }}>
          <Stack direction="row" sx={{ alignItems: 'flex-start', justifyContent: 'space-between', gap: 2 }}>
            <Box>
              <Typography variant="overline" color="text.secondary">
                {t('audit:detail.title', { id: entry.id })}
              </Typography>
              <Typography variant="h6" component="h2">
                {actionName(entry.action, words)}
              </Typography>
            </Box>
            <Tooltip title={t('audit:detail.close')}>
              <IconButton aria-label={t('audit:detail.close')} onClick={onClose}>
                <Close />
              </IconButton>
            </Tooltip>
          </Stack>
          <Box component="dl" sx={{ m: 0, display: 'grid', gap: 0.5 }}>
            <DetailRow label={t('audit:field.at')} dense>
              <DateTime value={entry.at} />
            </DetailRow>
            <DetailRow label={t('audit:field.actor')} dense>
              {entry.actor}
            </DetailRow>
            <DetailRow label={t('audit:field.entity')} dense>
              {entityText(entry, words)}
            </DetailRow>
            <DetailRow label={t('audit:detail.code')} dense>
              <Box component="code">{entry.action}</Box>
            </DetailRow>
            <DetailRow label={t('audit:detail.hash')} dense>
              <Box component="code" sx={{ fontSize: 12, overflowWrap: 'anywhere' }}>
                {entry.hash}
              </Box>
            </DetailRow>
          </Box>
          <ChangeTable detail={describeChange(entry, words)} />
        </Stack>
      )}
    </Drawer>
  );
}
