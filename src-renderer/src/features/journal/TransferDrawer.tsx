import { useState, type ReactNode } from 'react';
import { Box, Button, CircularProgress, Drawer, IconButton, List, ListItemButton, ListItemText, Stack, Tooltip, Typography } from '@mui/material';
import Close from '@mui/icons-material/Close';
import ReceiptLong from '@mui/icons-material/ReceiptLongOutlined';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { JournalTransfer } from '../../../../src-shared/contract/journal';
import { channelKey, useChannelQuery } from '../../api/queries';
import { DateTime } from '../../ui/DateTime';
import { DetailRow } from '../../ui/DetailRow';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { Money } from '../../ui/Money';
import { ReceiptDialog } from '../wallets/ReceiptDialog';
import { ChainLinkPanel } from './ChainLinkPanel';
import type { JournalWords } from './journal-words';
import { TransferLegs } from './TransferLegs';

interface TransferDrawerProps {
  openId: number | null;
  words: JournalWords;
  memo: (memo: string | null) => string;
  onOpen: (id: number) => void;
  onClose: () => void;
  onShowAccount: (code: string) => void;
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Stack component="section" aria-label={title} sx={{ gap: 1 }}>
      <Typography variant="subtitle2" component="h3">
        {title}
      </Typography>
      {children}
    </Stack>
  );
}

/** The transfers this one resolves, reverses or was committed with, each a step further in. */
function RelatedTransfers({ detail, words, onOpen }: { detail: JournalTransfer; words: JournalWords; onOpen: (id: number) => void }) {
  const { t } = useTranslation();
  if (detail.related.length === 0) return <Typography variant="body2" color="text.secondary">{t('journal:detail.noRelated')}</Typography>;
  return (
    <List dense disablePadding>
      {detail.related.map(({ relation, transfer }) => (
        <ListItemButton key={`${relation}-${transfer.id}`} onClick={() => onOpen(transfer.id)} sx={{ px: 1, borderRadius: 1 }}>
          <ListItemText
            primary={t('journal:detail.relatedItem', { relation: words.relation(relation), sequence: t('journal:sequence', { id: transfer.id }), kind: words.kind(transfer.kind) })}
            secondary={<DateTime value={transfer.createdAt} />}
          />
          <Money minor={transfer.amount} currency={transfer.currency} />
        </ListItemButton>
      ))}
    </List>
  );
}

function TransferDetail({ detail, words, memo, onOpen, onShowAccount }: { detail: JournalTransfer } & Omit<TransferDrawerProps, 'openId' | 'onClose'>) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [receiptOpen, setReceiptOpen] = useState(false);
  const { transfer } = detail;
  // Finance may reverse the operation from its receipt; the journal and this transfer then show the reversal.
  const closeReceipt = () => {
    setReceiptOpen(false);
    void queryClient.invalidateQueries({ queryKey: channelKey('ledger.journal') });
    void queryClient.invalidateQueries({ queryKey: channelKey('ledger.journalTransfer') });
  };
  return (
    <>
      <Typography variant="h4" component="p" sx={{ fontWeight: 500 }}>
        <Money minor={transfer.amount} currency={transfer.currency} />
      </Typography>
      <Box component="dl" sx={{ m: 0, display: 'grid', gap: 0.5 }}>
        <DetailRow label={t('journal:field.at')} dense>
          <DateTime value={transfer.createdAt} />
        </DetailRow>
        <DetailRow label={t('journal:field.state')} dense>
          {words.state(transfer.state)}
        </DetailRow>
        <DetailRow label={t('journal:field.actor')} dense>
          {transfer.actor}
        </DetailRow>
        <DetailRow label={t('journal:field.memo')} dense>
          {memo(transfer.memo) || '—'}
        </DetailRow>
        {transfer.expiresAt && (
          <DetailRow label={t('journal:detail.expiresAt')} dense>
            <DateTime value={transfer.expiresAt} />
          </DetailRow>
        )}
        <DetailRow label={t('journal:detail.receipt')} dense>
          {detail.receipt ? (
            <Button size="small" startIcon={<ReceiptLong />} onClick={() => setReceiptOpen(true)} sx={{ p: 0, minWidth: 0 }}>
              {detail.receipt.receiptNumber}
            </Button>
          ) : (
            t('journal:detail.noReceipt')
          )}
        </DetailRow>
      </Box>
      <Section title={t('journal:detail.legs')}>
        <TransferLegs transfer={transfer} debit={detail.debitAccount} credit={detail.creditAccount} words={words} onShowAccount={onShowAccount} />
      </Section>
      <Section title={t('journal:detail.related')}>
        <RelatedTransfers detail={detail} words={words} onOpen={onOpen} />
      </Section>
      <ChainLinkPanel chain={detail.chain} />
      <ReceiptDialog receiptNumber={receiptOpen ? (detail.receipt?.receiptNumber ?? null) : null} onClose={closeReceipt} />
    </>
  );
}

/** One transfer opened beside the journal: its legs, what it is linked to, its receipt and its chain link. */
export function TransferDrawer({ openId, onClose, ...rest }: TransferDrawerProps) {
  const { t } = useTranslation();
  const detail = useChannelQuery('ledger.journalTransfer', { id: openId ?? 0 }, { enabled: openId !== null });
  const title = openId === null ? '' : t('journal:detail.title', { id: openId });
  return (
    // Above the app bar (which sits above the sidebar's drawer), as a dialog would be.
    <Drawer anchor="right" open={openId !== null} onClose={onClose} sx={{ zIndex: (theme) => theme.zIndex.modal }} slotProps={{ paper: { sx: { width: { xs: '100%', sm: 560 } } } }}>
      {openId !== null && (
        <Stack component="section" aria-label={title} data-testid="journal-transfer" sx={{ p: 3, gap: 2 }}>
          <Stack direction="row" sx={{ alignItems: 'flex-start', justifyContent: 'space-between', gap: 2 }}>
            <Box>
              <Typography variant="overline" color="text.secondary">
                {title}
              </Typography>
              <Typography variant="h6" component="h2">
                {detail.data ? rest.words.kind(detail.data.transfer.kind) : t('common:loading')}
              </Typography>
            </Box>
            <Tooltip title={t('journal:detail.close')}>
              <IconButton aria-label={t('journal:detail.close')} onClick={onClose}>
                <Close />
              </IconButton>
            </Tooltip>
          </Stack>
          {detail.isPending && <CircularProgress aria-label={t('common:loading')} />}
          <ErrorAlert error={detail.error} />
          {detail.data && detail.data.transfer.id === openId && <TransferDetail detail={detail.data} {...rest} />}
        </Stack>
      )}
    </Drawer>
  );
}
