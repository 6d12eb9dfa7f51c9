import { Box, Chip, Paper, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, Typography } from '@mui/material';
import { alpha } from '@mui/material/styles';
import CheckCircle from '@mui/icons-material/CheckCircleOutlineOutlined';
import ErrorOutline from '@mui/icons-material/ErrorOutlineOutlined';
import { useTranslation } from 'react-i18next';
import type { CheckResult } from '../../../../src-shared/contract/verify';
import { useCheckWords } from './check-words';
import { TechnicalDetail } from './TechnicalDetail';

const MONO = '"Roboto Mono", "DejaVu Sans Mono", Consolas, monospace';

/** Failed checks first, each group in the order verify ran them. */
function failuresFirst(checks: readonly CheckResult[]): CheckResult[] {
  return [...checks.filter((check) => !check.ok), ...checks.filter((check) => check.ok)];
}

/** Every check verify made: what it proves, its result, what it looked at, and the first row at fault. */
export function CheckTable({ checks }: { checks: readonly CheckResult[] }) {
  const { t } = useTranslation();
  const wordsOf = useCheckWords();
  return (
    <TableContainer component={Paper} variant="outlined">
      <Table size="small" aria-label={t('verify:checksLabel')} data-testid="verify-checks">
        <TableHead>
          <TableRow>
            <TableCell>{t('verify:column.check')}</TableCell>
            <TableCell sx={{ width: 104 }}>{t('verify:column.result')}</TableCell>
            <TableCell sx={{ width: '22%' }}>{t('verify:column.counts')}</TableCell>
            <TableCell sx={{ width: '18%' }}>{t('verify:column.firstViolation')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {failuresFirst(checks).map((check) => {
            const words = wordsOf(check);
            return (
              <TableRow
                key={check.name}
                data-check={check.name}
                sx={check.ok ? undefined : { bgcolor: (theme) => alpha(theme.palette.error.main, theme.palette.mode === 'dark' ? 0.16 : 0.06) }}
              >
                <TableCell sx={{ verticalAlign: 'top' }}>
                  <Typography variant="body2" sx={{ fontWeight: 500 }}>
                    {words.name}
                  </Typography>
                  {words.description && (
                    <Typography variant="body2" color="text.secondary">
                      {words.description}
                    </Typography>
                  )}
                  {!check.ok && <TechnicalDetail text={check.detail} />}
                </TableCell>
                <TableCell sx={{ verticalAlign: 'top' }}>
                  <Chip
                    size="small"
                    color={check.ok ? 'success' : 'error'}
                    icon={check.ok ? <CheckCircle /> : <ErrorOutline />}
                    label={t(check.ok ? 'verify:result.ok' : 'verify:result.failed')}
                  />
                </TableCell>
                <TableCell sx={{ verticalAlign: 'top', fontVariantNumeric: 'tabular-nums' }}>
                  {words.counts.map((phrase) => (
                    <Box key={phrase}>{phrase}</Box>
                  ))}
                </TableCell>
                <TableCell sx={{ verticalAlign: 'top' }}>
                  {check.firstViolation ? (
                    <Box component="code" data-testid="first-violation" sx={{ fontFamily: MONO, fontSize: 13, color: 'error.main', overflowWrap: 'anywhere' }}>
                      {check.firstViolation}
                    </Box>
                  ) : (
                    <Typography variant="body2" color="text.secondary">
                      {t('verify:chains.empty')}
                    </Typography>
                  )}
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </TableContainer>
  );
}
