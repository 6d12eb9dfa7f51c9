import { Box, Paper, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { ChainTip } from '../../../../src-shared/contract/verify';

const MONO = '"Roboto Mono", "DejaVu Sans Mono", Consolas, monospace';

/** Where each hash chain ended when verify read it: the heads an auditor quotes in reports. */
export function ChainHeads({ chains }: { chains: Record<string, ChainTip> }) {
  const { t, i18n } = useTranslation();
  const number = new Intl.NumberFormat(i18n.language);
  const nameOf = (chain: string) => (i18n.exists(`verify:chains.name.${chain}`) ? t(`verify:chains.name.${chain}`) : chain);
  return (
    <Paper variant="outlined" sx={{ p: 2, display: 'flex', flexDirection: 'column', gap: 1 }}>
      <Typography variant="subtitle1" component="h2">
        {t('verify:chains.title')}
      </Typography>
      <Typography variant="body2" color="text.secondary">
        {t('verify:chains.hint')}
      </Typography>
      <TableContainer>
        <Table size="small" aria-label={t('verify:chains.title')} data-testid="verify-chains">
          <TableHead>
            <TableRow>
              <TableCell>{t('verify:chains.column.chain')}</TableCell>
              <TableCell align="right">{t('verify:chains.column.length')}</TableCell>
              <TableCell>{t('verify:chains.column.last')}</TableCell>
              <TableCell>{t('verify:chains.column.head')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {Object.entries(chains).map(([chain, tip]) => (
              <TableRow key={chain}>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>{nameOf(chain)}</TableCell>
                <TableCell align="right" sx={{ fontVariantNumeric: 'tabular-nums' }}>
                  {number.format(tip.length)}
                </TableCell>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>{tip.lastId === null ? t('verify:chains.empty') : `${tip.table}#${tip.lastId}`}</TableCell>
                <TableCell>
                  <Box component="code" sx={{ fontFamily: MONO, fontSize: 12, overflowWrap: 'anywhere', userSelect: 'all' }}>
                    {tip.head}
                  </Box>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableContainer>
    </Paper>
  );
}
