import { Box, Button, CardActionArea, Paper, Stack, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { Card } from '../../../../src-shared/contract/cards';
import { groupCardNumber, printedExpiry } from './card-number-text';
import { CardStateChip } from './CardStateChip';
import { CardVisual } from './CardVisual';

/** A link to the card that replaced this one, or that it replaced, by its masked number. */
function ReplacementLink({ label, target, onOpen }: { label: string; target: NonNullable<Card['replacedBy']>; onOpen: (cardId: number) => void }) {
  return (
    <Typography variant="caption" color="text.secondary" component="div">
      {label}{' '}
      <Button size="small" variant="text" onClick={() => onOpen(target.id)} sx={{ p: 0, minWidth: 0, verticalAlign: 'baseline', fontFamily: 'monospace', textTransform: 'none' }}>
        {groupCardNumber(target.maskedPan)}
      </Button>
    </Typography>
  );
}

/** One of the member's cards in the list: its front, state and expiry; choosing it opens its detail below. */
export function CardTile({ card, selected, onOpen }: { card: Card; selected: boolean; onOpen: (cardId: number) => void }) {
  const { t } = useTranslation();
  return (
    <Paper variant="outlined" data-testid="card-tile" data-masked={card.maskedPan} sx={{ p: 1.5, height: '100%', borderColor: selected ? 'primary.main' : 'divider', borderWidth: selected ? 2 : 1 }}>
      <CardActionArea onClick={() => onOpen(card.id)} aria-current={selected ? 'true' : undefined} aria-label={t('cards:list.open', { number: groupCardNumber(card.maskedPan) })} sx={{ borderRadius: 1 }}>
        <CardVisual card={card} maxWidth="100%" />
      </CardActionArea>
      <Stack sx={{ gap: 0.5, mt: 1 }}>
        <Stack direction="row" sx={{ justifyContent: 'space-between', alignItems: 'center', gap: 1, flexWrap: 'wrap' }}>
          <CardStateChip state={card.state} blockedByMember={card.blockedByMember} cancelReason={card.cancelReason} />
          <Box component="span" sx={{ typography: 'body2', color: 'text.secondary', whiteSpace: 'nowrap' }}>
            {t('cards:list.expires', { expiry: printedExpiry(card.expiryMonth) })}
          </Box>
        </Stack>
        {card.replaces && <ReplacementLink label={t('cards:list.replaces')} target={card.replaces} onOpen={onOpen} />}
        {card.replacedBy && <ReplacementLink label={t('cards:list.replacedBy')} target={card.replacedBy} onOpen={onOpen} />}
      </Stack>
    </Paper>
  );
}
