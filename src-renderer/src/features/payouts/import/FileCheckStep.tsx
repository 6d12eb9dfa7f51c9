import { Alert, Button, Paper, Stack, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { ValidationReport } from '../../../../../src-shared/contract/payouts';
import { importCodeSeverity } from '../../../../../src-shared/row-codes';
import { useRowProblemText } from '../../../api/row-problem-text';
import { FileFacts } from './FileFacts';

/** Rows shown before the full results: enough to see that the columns were read as meant. */
const PREVIEW_ROWS = 8;

function Preview({ report }: { report: ValidationReport }) {
  const { t } = useTranslation();
  const rows = report.rows.slice(0, PREVIEW_ROWS);
  const columns = ['line', 'reference', 'memberNo', 'amountText', 'currency', 'destination', 'note'] as const;
  return (
    <Stack sx={{ gap: 1 }}>
      <Typography variant="subtitle2" component="h3">
        {t('payouts:import.preview.title', { count: rows.length })}
      </Typography>
      <TableContainer component={Paper} variant="outlined">
        <Table size="small" aria-label={t('payouts:import.preview.title', { count: rows.length })}>
          <TableHead>
            <TableRow>
              {columns.map((column) => (
                <TableCell key={column} align={column === 'amountText' || column === 'line' ? 'right' : 'left'}>
                  {t(`payouts:import.field.${column}`)}
                </TableCell>
              ))}
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.map((row) => (
              <TableRow key={row.line}>
                {columns.map((column) => (
                  <TableCell
                    key={column}
                    align={column === 'amountText' || column === 'line' ? 'right' : 'left'}
                    sx={{ maxWidth: 220, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}
                    title={String(row[column])}
                  >
                    {row[column]}
                  </TableCell>
                ))}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableContainer>
    </Stack>
  );
}

interface FileCheckStepProps {
  fileName: string;
  report: ValidationReport;
  onBack: () => void;
  onNext: () => void;
}

/** Step 2: what the file is (encoding, delimiter, rows, fingerprint), its own problems (an error stops the import here), and its first rows. */
export function FileCheckStep({ fileName, report, onBack, onNext }: FileCheckStepProps) {
  const { t } = useTranslation();
  const describe = useRowProblemText();
  return (
    <Stack sx={{ gap: 2 }}>
      <FileFacts fileName={fileName} facts={report.file} />
      {report.fileProblems.map((problem, index) => {
        const severity = importCodeSeverity(problem.code);
        return (
          <Alert key={`${problem.code}-${index}`} severity={severity} data-testid="file-problem" data-code={problem.code}>
            {describe(problem)}
          </Alert>
        );
      })}
      {!report.importable && <Alert severity="info">{t('payouts:import.facts.blocked')}</Alert>}
      {report.rows.length > 0 && <Preview report={report} />}
      <Stack direction="row" sx={{ justifyContent: 'space-between' }}>
        <Button onClick={onBack}>{t('payouts:import.back')}</Button>
        <Button variant="contained" onClick={onNext} disabled={!report.importable}>
          {t('payouts:import.facts.next')}
        </Button>
      </Stack>
    </Stack>
  );
}
