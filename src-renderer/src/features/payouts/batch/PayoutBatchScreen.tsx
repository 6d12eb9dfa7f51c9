import { Alert, Box, Button, CircularProgress, Tab, Tabs } from '@mui/material';
import ArrowBack from '@mui/icons-material/ArrowBack';
import { Link as RouterLink, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Batch } from '../../../../../src-shared/contract/payouts';
import { useChannelQuery } from '../../../api/queries';
import { useRowProblemText } from '../../../api/row-problem-text';
import { EmptyState } from '../../../ui/EmptyState';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { PageFrame } from '../../../ui/PageFrame';
import { PAYOUTS_PATH } from '../payout-paths';
import { BatchActions } from './BatchActions';
import { BatchFacts } from './BatchFacts';
import { batchIdFrom } from './batch-path';
import { BatchSummary } from './BatchSummary';
import { BatchTimeline } from './BatchTimeline';
import { ItemsPanel } from './ItemsPanel';
import { useBatchExecution } from './use-batch-execution';
import { useItemsView } from './use-items-view';

function FileWarnings({ batch }: { batch: Batch }) {
  const problemText = useRowProblemText();
  if (batch.fileProblems.length === 0) return null;
  return (
    <Alert severity="warning" data-testid="file-problems">
      {batch.fileProblems.map((problem) => problemText(problem)).join(' ')}
    </Alert>
  );
}

function BatchPage({ batch }: { batch: Batch }) {
  const { t } = useTranslation();
  const items = useItemsView();
  const execution = useBatchExecution(batch);
  return (
    <PageFrame
      title={batch.fileName}
      subtitle={t('payout-batch:subtitle', { id: batch.id })}
      actions={
        <Button component={RouterLink} to={PAYOUTS_PATH} startIcon={<ArrowBack />}>
          {t('payout-batch:backToList')}
        </Button>
      }
    >
      <BatchFacts batch={batch} />
      <BatchSummary batch={batch} paying={execution.running} />
      <FileWarnings batch={batch} />
      <BatchActions batch={batch} execution={execution} />
      <Box sx={{ borderBottom: 1, borderColor: 'divider' }}>
        <Tabs value={items.view.tab} onChange={(_event, tab: typeof items.view.tab) => items.setTab(tab)} aria-label={t('payout-batch:tabs.label')}>
          <Tab value="items" label={t('payout-batch:tabs.items')} />
          <Tab value="timeline" label={t('payout-batch:tabs.timeline')} />
        </Tabs>
      </Box>
      {items.view.tab === 'items' ? <ItemsPanel batch={batch} items={items} /> : <BatchTimeline batch={batch} />}
    </PageFrame>
  );
}

/** One payout batch: what it is and pays, its items with every problem, the steps its status offers, and its timeline. */
export function PayoutBatchScreen() {
  const { t } = useTranslation();
  const batchId = batchIdFrom(useParams().batchId);
  const batch = useChannelQuery('payouts.get', { batchId: batchId ?? 0 }, { enabled: batchId !== null });
  if (batchId === null || batch.error?.code === 'PAYOUT_BATCH_NOT_FOUND') {
    return (
      <PageFrame title={t('payout-batch:notFound.title')}>
        <EmptyState
          title={t('payout-batch:notFound.title')}
          hint={t('payout-batch:notFound.hint')}
          action={
            <Button component={RouterLink} to={PAYOUTS_PATH}>
              {t('payout-batch:backToList')}
            </Button>
          }
        />
      </PageFrame>
    );
  }
  if (batch.error) {
    return (
      <PageFrame title={t('payout-batch:title')}>
        <ErrorAlert error={batch.error} />
      </PageFrame>
    );
  }
  if (!batch.data) {
    return (
      <Box sx={{ display: 'grid', placeItems: 'center', p: 6 }}>
        <CircularProgress aria-label={t('common:loading')} />
      </Box>
    );
  }
  return <BatchPage key={batch.data.id} batch={batch.data} />;
}
