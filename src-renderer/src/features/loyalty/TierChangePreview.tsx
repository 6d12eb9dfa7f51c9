import { useMemo } from 'react';
import { Alert, Box, Chip, LinearProgress, Stack, Typography } from '@mui/material';
import ArrowDownward from '@mui/icons-material/ArrowDownward';
import ArrowUpward from '@mui/icons-material/ArrowUpward';
import { DataGrid, type GridColDef } from '@mui/x-data-grid';
import { useTranslation } from 'react-i18next';
import type { TierChangePreview as Changes } from '../../../../src-shared/contract/points';
import type { LoyaltyRules } from '../../../../src-shared/settings/loyalty-settings';
import { formatMemberNumber } from '../../../../src-shared/member-number';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { TierChip } from '../points/TierChip';
import { usePointsFormat } from '../points/points-format';
import { RulesSection } from './RulesSection';

type MovedMember = Changes['members'][number];

/** The compact grid's header and row heights: the grid is as tall as its rows, up to 400 px, then scrolls. */
const COMPACT_HEADER = 40;
const COMPACT_ROW = 36;

function useMoveColumns(saved: LoyaltyRules, edited: LoyaltyRules | null): GridColDef<MovedMember>[] {
  const { t } = useTranslation();
  const points = usePointsFormat();
  return useMemo(
    () => [
      {
        field: 'member',
        headerName: t('loyalty:preview.member'),
        flex: 1,
        minWidth: 180,
        sortable: false,
        valueGetter: (_value, row) => row.member.name,
        renderCell: ({ row }) => (
          <span title={row.member.name}>
            {row.member.name}{' '}
            <Typography component="span" variant="body2" color="text.secondary" sx={{ fontVariantNumeric: 'tabular-nums' }}>
              {formatMemberNumber(row.member.memberNumber)}
            </Typography>
          </span>
        ),
      },
      {
        field: 'move',
        headerName: t('loyalty:preview.move'),
        width: 220,
        sortable: false,
        renderCell: ({ row }) => (
          <Stack direction="row" sx={{ gap: 1, alignItems: 'center', height: '100%' }}>
            <TierChip rules={saved} tier={row.from} />
            <span aria-hidden>→</span>
            <TierChip rules={edited ?? saved} tier={row.to} />
          </Stack>
        ),
      },
      {
        field: 'qualifying',
        headerName: t('loyalty:preview.qualifying'),
        width: 170,
        align: 'right',
        headerAlign: 'right',
        sortable: false,
        valueFormatter: (value: number) => points(value),
      },
    ],
    [t, points, saved, edited],
  );
}

function MoveCounts({ changes }: { changes: Changes }) {
  const { t } = useTranslation();
  if (changes.up === 0 && changes.down === 0) return <Alert severity="success">{t('loyalty:preview.nobody')}</Alert>;
  return (
    <Stack direction="row" sx={{ gap: 1, flexWrap: 'wrap' }} data-testid="tier-move-counts">
      <Chip icon={<ArrowUpward />} color="success" variant="outlined" label={t('loyalty:preview.up', { count: changes.up })} />
      <Chip icon={<ArrowDownward />} color="warning" variant="outlined" label={t('loyalty:preview.down', { count: changes.down })} />
    </Stack>
  );
}

export interface TierChangePreviewProps {
  saved: LoyaltyRules;
  /** The rules in the form, when valid and not the saved ones. */
  edited: LoyaltyRules | null;
  /** The form holds a problem: nothing can be previewed until it is corrected. */
  invalid: boolean;
  changes: Changes | undefined;
  error: unknown;
  settling: boolean;
}

/** Who saving the edited rules would move up and down, the first of them by name: the router's dry run, nothing saved. */
export function TierChangePreview({ saved, edited, invalid, changes, error, settling }: TierChangePreviewProps) {
  const { t } = useTranslation();
  const columns = useMoveColumns(saved, edited);
  const shown = edited && changes;
  return (
    <RulesSection id="preview" title={t('loyalty:preview.title')} description={t('loyalty:preview.description')}>
      <Box aria-live="polite" data-testid="tier-change-preview">
        {invalid && <Alert severity="warning">{t('loyalty:preview.invalid')}</Alert>}
        {!invalid && !edited && <Typography color="text.secondary">{t('loyalty:preview.unchanged')}</Typography>}
        {edited && <ErrorAlert error={error} />}
        {edited && settling && !changes && <Typography color="text.secondary">{t('loyalty:preview.working')}</Typography>}
        {shown && (
          <Stack sx={{ gap: 2, opacity: settling ? 0.6 : 1 }}>
            <MoveCounts changes={changes} />
            {changes.members.length > 0 && (
              <>
                {changes.members.length < changes.up + changes.down && (
                  <Typography variant="body2" color="text.secondary">
                    {t('loyalty:preview.listed', { shown: changes.members.length, count: changes.up + changes.down })}
                  </Typography>
                )}
                <Box sx={{ height: Math.min(400, COMPACT_HEADER + COMPACT_ROW * changes.members.length + 2) }}>
                  <DataGrid
                    rows={changes.members}
                    getRowId={(row) => row.member.id}
                    columns={columns}
                    label={t('loyalty:preview.grid')}
                    density="compact"
                    hideFooter
                    disableColumnMenu
                    disableRowSelectionOnClick
                  />
                </Box>
              </>
            )}
          </Stack>
        )}
        {settling && edited && <LinearProgress sx={{ mt: 1 }} aria-label={t('loyalty:preview.working')} />}
      </Box>
    </RulesSection>
  );
}
