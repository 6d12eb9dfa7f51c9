import { useEffect, useState } from 'react';
import { Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, LinearProgress, Stack, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { contract, type ChannelInput, type ChannelName, type ChannelOutput } from '../../../src-shared/contract';
import { useChannelMutation } from '../api/queries';
import { DetailRow } from './DetailRow';
import { ReasonDialog } from './ReasonDialog';

/** The channels that reveal a sealed value: they take a reason and say how long it may be shown. */
export type RevealChannel = {
  [C in ChannelName]: ChannelInput<C> extends { reason: string } ? (ChannelOutput<C> extends { visibleForSeconds: number } ? C : never) : never;
}[ChannelName];

export interface RevealedRow {
  label: string;
  value: string;
}

export interface RevealDialogProps<C extends RevealChannel> {
  open: boolean;
  channel: C;
  /** What the channel needs besides the reason, e.g. the member's id. */
  input: Omit<ChannelInput<C>, 'reason'>;
  title: string;
  /** The reason step's text: why the value is hidden and that the reveal is audited. */
  explanation: string;
  /** The revealed values as label/value rows (a card number and its CVV, an ID document). */
  rows: (answer: ChannelOutput<C>) => RevealedRow[];
  onClose: () => void;
}

/** The channel's own limit on the reason's length, stated in the reason step. */
function reasonLimit(channel: RevealChannel): number | undefined {
  const input: unknown = contract[channel].input;
  const reason: unknown = input instanceof z.ZodObject ? input.shape.reason : undefined;
  return reason instanceof z.ZodString ? (reason.maxLength ?? undefined) : undefined;
}

/**
 * Revealing a sealed value: ask for the reason (the main process audits it), show the clear
 * values for as long as the answer allows with a countdown, then hide them. The values live only
 * in this dialog's mutation and are dropped when it hides.
 */
export function RevealDialog<C extends RevealChannel>({ open, channel, input, title, explanation, rows, onClose }: RevealDialogProps<C>) {
  const { t } = useTranslation();
  const reveal = useChannelMutation(channel);
  const hide = () => {
    reveal.reset();
    onClose();
  };
  const answer = reveal.data;
  return (
    <>
      <ReasonDialog
        open={open && answer === undefined}
        title={title}
        explanation={explanation}
        confirmLabel={t('reveal:confirm')}
        busy={reveal.isPending}
        error={reveal.error}
        onClose={hide}
        onConfirm={(reason) => reveal.mutate({ ...input, reason } as ChannelInput<C>)}
        maxLength={reasonLimit(channel)}
      />
      {open && answer !== undefined && (
        <RevealedValues title={title} rows={rows(answer)} visibleForSeconds={(answer as { visibleForSeconds: number }).visibleForSeconds} onHide={hide} />
      )}
    </>
  );
}

/** Whole seconds left until `hideAt`, re-read four times a second; calls `onElapsed` at zero. */
function useSecondsLeft(visibleForSeconds: number, onElapsed: () => void): number {
  const [hideAt] = useState(() => Date.now() + visibleForSeconds * 1000);
  const [left, setLeft] = useState(visibleForSeconds);
  useEffect(() => {
    const timer = setInterval(() => setLeft(Math.max(0, Math.ceil((hideAt - Date.now()) / 1000))), 250);
    return () => clearInterval(timer);
  }, [hideAt]);
  useEffect(() => {
    if (left === 0) onElapsed();
  }, [left, onElapsed]);
  return left;
}

function RevealedValues({ title, rows, visibleForSeconds, onHide }: { title: string; rows: RevealedRow[]; visibleForSeconds: number; onHide: () => void }) {
  const { t } = useTranslation();
  const left = useSecondsLeft(visibleForSeconds, onHide);
  return (
    <Dialog open onClose={onHide} maxWidth="sm" fullWidth aria-labelledby="reveal-dialog-title">
      <DialogTitle id="reveal-dialog-title">{title}</DialogTitle>
      <DialogContent sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
        <Stack component="dl" data-testid="revealed-values" sx={{ m: 0, gap: 1 }}>
          {rows.map((row) => (
            <DetailRow key={row.label} label={row.label}>
              <Typography component="span" sx={{ fontFamily: 'monospace', fontSize: '1.25rem', letterSpacing: '0.08em' }}>
                {row.value}
              </Typography>
            </DetailRow>
          ))}
        </Stack>
        <Stack sx={{ gap: 0.5 }}>
          <LinearProgress variant="determinate" value={(left / visibleForSeconds) * 100} aria-label={t('reveal:timeLeft')} />
          <DialogContentText variant="body2" sx={{ fontVariantNumeric: 'tabular-nums' }}>
            {t('reveal:hidesIn', { count: left })}
          </DialogContentText>
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button variant="contained" onClick={onHide} autoFocus>
          {t('reveal:hide')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
