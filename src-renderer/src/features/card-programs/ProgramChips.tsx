import { Chip } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { CardProgram } from '../../../../src-shared/contract/cards';

/** Test or live: a test program's cards are for trying the terminal out. */
export function ProgramModeChip({ mode }: { mode: CardProgram['mode'] }) {
  const { t } = useTranslation();
  return <Chip size="small" variant="outlined" color={mode === 'live' ? 'primary' : 'warning'} label={t(`card-admin:programs.mode.${mode}`)} data-testid="program-mode" />;
}

/** Open to new cards, or closed (its cards go on working). */
export function ProgramStatusChip({ status }: { status: CardProgram['status'] }) {
  const { t } = useTranslation();
  return <Chip size="small" variant={status === 'open' ? 'filled' : 'outlined'} color={status === 'open' ? 'success' : 'default'} label={t(`card-admin:programs.status.${status}`)} data-testid="program-status" />;
}
