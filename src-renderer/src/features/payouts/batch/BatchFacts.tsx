import { Box, IconButton, Stack, Tooltip, Typography } from '@mui/material';
import ContentCopy from '@mui/icons-material/ContentCopyOutlined';
import Check from '@mui/icons-material/Check';
import { useTranslation } from 'react-i18next';
import type { Batch } from '../../../../../src-shared/contract/payouts';
import { DateTime } from '../../../ui/DateTime';
import { useClipboard } from '../../../ui/use-clipboard';
import { BatchStatusChip } from '../BatchStatusChip';

/** The first characters of a SHA-256 are enough to tell two batches apart by eye; the whole is copied. */
const SHORT_HASH = 12;

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <Box>
      <Typography variant="caption" color="text.secondary" component="p">
        {label}
      </Typography>
      <Typography variant="body2" component="div" sx={{ display: 'flex', alignItems: 'center', minHeight: 28 }}>
        {children}
      </Typography>
    </Box>
  );
}

function ContentHash({ hash }: { hash: string }) {
  const { t } = useTranslation();
  const { state, copy } = useClipboard();
  const label = t('payout-batch:facts.contentHash');
  const tip = state === 'copied' ? t('payout-batch:facts.copied') : state === 'failed' ? t('payout-batch:facts.copyFailed') : t('payout-batch:facts.copy');
  return (
    <Stack direction="row" sx={{ alignItems: 'center', gap: 0.5 }}>
      <Box component="code" title={hash} data-testid="content-hash" sx={{ fontFamily: '"Roboto Mono", ui-monospace, monospace' }}>
        {hash.slice(0, SHORT_HASH)}…
      </Box>
      <Tooltip title={tip}>
        <IconButton size="small" aria-label={`${t('payout-batch:facts.copy')} (${label})`} onClick={() => copy(hash)} color={state === 'copied' ? 'success' : 'default'}>
          {state === 'copied' ? <Check fontSize="small" /> : <ContentCopy fontSize="small" />}
        </IconButton>
      </Tooltip>
    </Stack>
  );
}

/** Who made the batch and when, what it pays in, its state, the content an approval signs, and how many approvals it has. */
export function BatchFacts({ batch }: { batch: Batch }) {
  const { t } = useTranslation();
  const approvers = batch.approvals.map((approval) => approval.approverName).join(t('payout-batch:facts.listSeparator'));
  return (
    <Stack direction="row" component="section" aria-label={t('payout-batch:facts.label')} sx={{ gap: 4, flexWrap: 'wrap', rowGap: 1 }}>
      <Fact label={t('payout-batch:facts.status')}>
        <span data-testid="batch-status">
          <BatchStatusChip status={batch.status} />
        </span>
      </Fact>
      <Fact label={t('payout-batch:facts.currency')}>{batch.currency}</Fact>
      <Fact label={t('payout-batch:facts.maker')}>{batch.createdBy}</Fact>
      <Fact label={t('payout-batch:facts.createdAt')}>
        <DateTime value={batch.createdAt} />
      </Fact>
      <Fact label={t('payout-batch:facts.contentHash')}>
        <ContentHash hash={batch.contentHash} />
      </Fact>
      {(batch.status === 'submitted' || batch.approvals.length > 0) && (
        <Fact label={t('payout-batch:facts.approvals')}>
          <span data-testid="approvals">
            {t('payout-batch:facts.approvalsOf', { count: batch.approvals.length, required: batch.approvalsRequired })}
            {approvers && ` — ${approvers}`}
          </span>
        </Fact>
      )}
      {batch.rejectReason !== null && <Fact label={t('payout-batch:facts.rejectReason')}>{batch.rejectReason}</Fact>}
    </Stack>
  );
}
