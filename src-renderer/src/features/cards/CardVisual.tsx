import { Box, Stack, Typography, useTheme } from '@mui/material';
import Contactless from '@mui/icons-material/Contactless';
import { useTranslation } from 'react-i18next';
import type { Card } from '../../../../src-shared/contract/cards';
import { groupCardNumber, printedExpiry } from './card-number-text';

/** What a card's front shows; a whole `Card` from the router fits. */
export type CardFace = Pick<Card, 'maskedPan' | 'holderName' | 'expiryMonth'> & {
  program: Pick<Card['program'], 'name' | 'mode'>;
  state?: Card['state'];
};

/** The clear number and CVV, for the issue answer and a reveal only. */
export interface RevealedCardNumber {
  pan: string;
  cvv: string;
}

// An ID-1 card's sides (ISO/IEC 7810): 85.60 × 53.98 mm. Sizes inside are in container units
// (cqi) so the front keeps its proportions at any width, in a dialog or a narrow column.
const ID1_RATIO = '85.6 / 53.98';
const BACKGROUNDS = {
  live: 'linear-gradient(135deg, #1a237e 0%, #283593 45%, #00838f 100%)',
  test: 'linear-gradient(135deg, #37474f 0%, #455a64 50%, #6d4c41 100%)',
};

function EmvChip() {
  return (
    <Box
      aria-hidden
      sx={{
        width: '12cqi',
        aspectRatio: '4 / 3',
        borderRadius: '1.5cqi',
        background: 'linear-gradient(135deg, #f9e08b 0%, #d4a935 55%, #f3d27a 100%)',
        boxShadow: 'inset 0 0 0 0.4cqi rgba(0,0,0,0.18)',
      }}
    />
  );
}

function Caption({ children }: { children: string }) {
  return (
    <Typography component="span" sx={{ display: 'block', fontSize: '2.8cqi', lineHeight: 1.2, opacity: 0.75, textTransform: 'uppercase', letterSpacing: '0.06em' }}>
      {children}
    </Typography>
  );
}

/**
 * A card's front: program, number (masked unless `revealed` is given), holder and expiry, and a
 * badge on test programs' cards. A cancelled card is drawn faded.
 */
export function CardVisual({ card, revealed, maxWidth = 360 }: { card: CardFace; revealed?: RevealedCardNumber; maxWidth?: number | string }) {
  const { t } = useTranslation();
  const theme = useTheme();
  const number = groupCardNumber(revealed?.pan ?? card.maskedPan);
  const expiry = printedExpiry(card.expiryMonth);
  return (
    <Box
      role="group"
      aria-label={t('cards:visual.label', { program: card.program.name, number: groupCardNumber(card.maskedPan) })}
      data-testid="card-visual"
      sx={{ containerType: 'inline-size', width: '100%', maxWidth }}
    >
      <Stack
        sx={{
          aspectRatio: ID1_RATIO,
          borderRadius: '4.5cqi',
          p: '5.5cqi',
          color: '#fff',
          background: BACKGROUNDS[card.program.mode],
          justifyContent: 'space-between',
          boxShadow: theme.palette.mode === 'dark' ? 'inset 0 0 0 1px rgba(255,255,255,0.18)' : '0 6px 18px rgba(26,35,126,0.28)',
          filter: card.state === 'cancelled' ? 'grayscale(1)' : undefined,
          opacity: card.state === 'cancelled' ? 0.7 : 1,
          userSelect: revealed ? 'text' : 'none',
        }}
      >
        <Stack direction="row" sx={{ justifyContent: 'space-between', alignItems: 'flex-start', gap: '2cqi' }}>
          <Typography component="span" sx={{ fontSize: '5cqi', fontWeight: 600, lineHeight: 1.2, overflowWrap: 'anywhere' }}>
            {card.program.name}
          </Typography>
          {card.program.mode === 'test' && (
            <Box component="span" sx={{ flexShrink: 0, fontSize: '3cqi', fontWeight: 700, px: '2cqi', py: '0.6cqi', borderRadius: '1.5cqi', bgcolor: 'warning.main', color: 'warning.contrastText', letterSpacing: '0.06em' }}>
              {t('cards:visual.test')}
            </Box>
          )}
        </Stack>
        <Stack direction="row" sx={{ alignItems: 'center', gap: '3cqi' }}>
          <EmvChip />
          <Contactless aria-hidden sx={{ fontSize: '7cqi', opacity: 0.85 }} />
        </Stack>
        <Typography component="span" data-testid="card-visual-number" sx={{ fontFamily: '"Roboto Mono", ui-monospace, monospace', fontSize: '6.4cqi', letterSpacing: '0.08em', whiteSpace: 'nowrap', textShadow: '0 1px 1px rgba(0,0,0,0.35)' }}>
          {number}
        </Typography>
        <Stack direction="row" sx={{ justifyContent: 'space-between', alignItems: 'flex-end', gap: '3cqi' }}>
          <Box sx={{ minWidth: 0 }}>
            <Caption>{t('cards:visual.holder')}</Caption>
            <Typography component="span" sx={{ display: 'block', fontSize: '4.2cqi', textTransform: 'uppercase', whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' }}>
              {card.holderName}
            </Typography>
          </Box>
          <Stack direction="row" sx={{ gap: '4cqi', flexShrink: 0 }}>
            <Box>
              <Caption>{t('cards:visual.validThru')}</Caption>
              <Typography component="span" sx={{ display: 'block', fontSize: '4.2cqi', fontFamily: 'monospace' }}>
                {expiry}
              </Typography>
            </Box>
            {revealed && (
              <Box>
                <Caption>{t('cards:visual.cvv')}</Caption>
                <Typography component="span" data-testid="card-visual-cvv" sx={{ display: 'block', fontSize: '4.2cqi', fontFamily: 'monospace' }}>
                  {revealed.cvv}
                </Typography>
              </Box>
            )}
          </Stack>
        </Stack>
      </Stack>
    </Box>
  );
}
