import { useMemo } from 'react';
import { Box, Link } from '@mui/material';
import type { GridColDef } from '@mui/x-data-grid';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import type { Card } from '../../../../src-shared/contract/cards';
import { formatMemberNumber } from '../../../../src-shared/member-number';
import { DateTime } from '../../ui/DateTime';
import { useLimitsSummary } from '../card-programs/limits-summary';
import { ProgramModeChip } from '../card-programs/ProgramChips';
import { CardStateChip } from '../cards/CardStateChip';
import { groupCardNumber, printedExpiry } from '../cards/card-number-text';
import { memberPath } from '../members/member-paths';

/** Text that may be cut short keeps its whole in the cell's title, read on hover. */
function Titled({ text }: { text: string }) {
  return (
    <Box component="span" title={text} sx={{ overflow: 'hidden', textOverflow: 'ellipsis' }}>
      {text}
    </Box>
  );
}

/** The register's columns: the masked number, state, program, member (a link to their page), holder, expiry, issue time and limits. */
export function useRegisterColumns(): GridColDef<Card>[] {
  const { t } = useTranslation();
  const limitsSummary = useLimitsSummary();
  return useMemo(
    () => [
      {
        field: 'maskedPan',
        headerName: t('card-admin:register.field.maskedPan'),
        width: 196,
        sortable: false,
        valueFormatter: (value: string) => groupCardNumber(value),
        cellClassName: 'card-number',
      },
      {
        field: 'state',
        headerName: t('card-admin:register.field.state'),
        width: 130,
        sortable: false,
        renderCell: ({ row }) => (
          <Box sx={{ display: 'flex', alignItems: 'center', height: '100%' }}>
            <CardStateChip state={row.state} blockedByMember={row.blockedByMember} cancelReason={row.cancelReason} />
          </Box>
        ),
      },
      {
        field: 'program',
        headerName: t('card-admin:register.field.program'),
        flex: 1,
        minWidth: 100,
        sortable: false,
        valueGetter: (_value, row) => row.program.name,
        renderCell: ({ row }) => (
          <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', minWidth: 0 }}>
            <Titled text={row.program.name} />
            {row.program.mode === 'test' && <ProgramModeChip mode="test" />}
          </Box>
        ),
      },
      {
        field: 'member',
        headerName: t('card-admin:register.field.member'),
        flex: 1.2,
        minWidth: 150,
        sortable: false,
        valueGetter: (_value, row) => `${formatMemberNumber(row.member.memberNumber)} ${row.member.name}`,
        renderCell: ({ row, value }) => (
          <Link component={RouterLink} to={memberPath(row.member.id)} title={String(value)} underline="hover" sx={{ overflow: 'hidden', textOverflow: 'ellipsis' }}>
            {String(value)}
          </Link>
        ),
      },
      { field: 'holderName', headerName: t('card-admin:register.field.holder'), flex: 0.8, minWidth: 90, sortable: false, renderCell: ({ row }) => <Titled text={row.holderName} /> },
      { field: 'expiryMonth', headerName: t('card-admin:register.field.expiry'), width: 84, sortable: false, valueFormatter: (value: string) => printedExpiry(value) },
      { field: 'issuedAt', headerName: t('card-admin:register.field.issuedAt'), width: 120, sortable: false, renderCell: ({ row }) => <DateTime value={row.issuedAt} dateOnly /> },
      {
        field: 'limits',
        headerName: t('card-admin:register.field.limits'),
        flex: 1,
        minWidth: 100,
        sortable: false,
        valueGetter: (_value, row) => limitsSummary(row.limits, row.currency),
        renderCell: ({ value }) => <Titled text={String(value)} />,
      },
    ],
    [t, limitsSummary],
  );
}
