import { useState, type ReactElement } from 'react';
import { Button, Stack } from '@mui/material';
import PlayArrow from '@mui/icons-material/PlayArrowOutlined';
import AcUnit from '@mui/icons-material/AcUnitOutlined';
import LockOpen from '@mui/icons-material/LockOpenOutlined';
import Block from '@mui/icons-material/BlockOutlined';
import Autorenew from '@mui/icons-material/AutorenewOutlined';
import Visibility from '@mui/icons-material/VisibilityOutlined';
import { useTranslation } from 'react-i18next';
import type { Card, IssuedCard } from '../../../../src-shared/contract/cards';
import { useSession } from '../../session/session';
import { RevealDialog } from '../../ui/RevealDialog';
import { cardActions, type CardAction } from './card-actions';
import { groupCardNumber } from './card-number-text';
import { CancelCardDialog } from './CancelCardDialog';
import { CardChangeDialog, type CardChange } from './CardChangeDialog';

const ICONS: Record<CardAction, ReactElement> = {
  activate: <PlayArrow />,
  freeze: <AcUnit />,
  unfreeze: <LockOpen />,
  cancel: <Block />,
  replace: <Autorenew />,
  reveal: <Visibility />,
};

function isChange(action: CardAction | null): action is CardChange {
  return action === 'activate' || action === 'freeze' || action === 'unfreeze';
}

/** The moves the card's state allows that the signed-in role may make, each opening its dialog. */
export function CardActionsBar({ card, onReplaced }: { card: Card; onReplaced: (issued: IssuedCard) => void }) {
  const { t } = useTranslation();
  const { role } = useSession();
  const [open, setOpen] = useState<CardAction | null>(null);
  const actions = cardActions(card, role);
  if (actions.length === 0) return null;
  const close = () => setOpen(null);
  return (
    <>
      <Stack direction="row" sx={{ gap: 1, flexWrap: 'wrap' }} data-testid="card-actions">
        {actions.map((action, index) => (
          <Button
            key={action}
            size="small"
            variant={index === 0 ? 'contained' : 'outlined'}
            color={action === 'cancel' ? 'error' : 'primary'}
            startIcon={ICONS[action]}
            onClick={() => setOpen(action)}
          >
            {t(`cards:action.${action}`)}
          </Button>
        ))}
      </Stack>
      <CardChangeDialog card={card} change={isChange(open) ? open : null} onClose={close} />
      <CancelCardDialog card={card} end={open === 'cancel' || open === 'replace' ? open : null} onClose={close} onReplaced={onReplaced} />
      <RevealDialog
        open={open === 'reveal'}
        channel="cards.reveal"
        input={{ cardId: card.id }}
        title={t('cards:reveal.title', { number: groupCardNumber(card.maskedPan) })}
        explanation={t('cards:reveal.explanation')}
        rows={(answer) => [
          { label: t('cards:field.number'), value: groupCardNumber(answer.pan) },
          { label: t('cards:field.expiry'), value: answer.expiry },
          { label: t('cards:visual.cvv'), value: answer.cvv },
        ]}
        onClose={close}
      />
    </>
  );
}
