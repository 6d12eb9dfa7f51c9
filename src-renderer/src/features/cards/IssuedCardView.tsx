import { Alert, Button, DialogActions, DialogContent, DialogTitle, Stack } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { IssuedCard } from '../../../../src-shared/contract/cards';
import { groupCardNumber } from './card-number-text';
import { CardVisual } from './CardVisual';
import { CopyableValue } from './CopyableValue';

/**
 * The one time a new card's number, expiry and CVV are on screen without a reveal: the router
 * keeps no CVV and answers every later call masked. Closing drops them.
 */
export function IssuedCardView({ issued, title, onDone }: { issued: IssuedCard; title: string; onDone: () => void }) {
  const { t } = useTranslation();
  return (
    <>
      <DialogTitle>{title}</DialogTitle>
      <DialogContent>
        <Stack sx={{ gap: 2, pt: 1, alignItems: 'stretch' }} data-testid="issued-card">
          <Stack sx={{ alignItems: 'center' }}>
            <CardVisual card={issued.card} revealed={{ pan: issued.pan, cvv: issued.cvv }} />
          </Stack>
          <Alert severity="warning" data-testid="issued-once">
            {t('cards:issued.onlyOnce')}
          </Alert>
          <Stack component="dl" sx={{ m: 0, gap: 0.5 }}>
            <CopyableValue label={t('cards:field.number')} value={groupCardNumber(issued.pan)} copyText={issued.pan} testId="issued-pan" />
            <CopyableValue label={t('cards:field.expiry')} value={issued.expiry} testId="issued-expiry" />
            <CopyableValue label={t('cards:visual.cvv')} value={issued.cvv} testId="issued-cvv" />
          </Stack>
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button variant="contained" onClick={onDone} autoFocus>
          {t('cards:issued.done')}
        </Button>
      </DialogActions>
    </>
  );
}
