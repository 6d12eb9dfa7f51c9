import { useState } from 'react';
import { Alert, Button, CircularProgress, Snackbar } from '@mui/material';
import FileDownload from '@mui/icons-material/FileDownloadOutlined';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../api/error-text';
import { joinSentences } from '../format';
import { csvFileName, writeCsv, type CsvColumn } from '../../../../src-shared/csv/csv-writer';
import { saveFile } from './save-file';

export interface ExportCsvButtonProps<R> {
  /** The file's name before the date, in kebab-case: "chart-of-accounts". */
  fileSubject: string;
  columns: readonly CsvColumn<R>[];
  /** Every row the file holds, in order; may ask the main process page by page. */
  rows: () => Promise<readonly R[]> | readonly R[];
}

/** "Export CSV": gathers the rows, writes them with the one CSV writer and saves the file. */
export function ExportCsvButton<R>({ fileSubject, columns, rows }: ExportCsvButtonProps<R>) {
  const { t, i18n } = useTranslation();
  const describe = useErrorText();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const exportRows = async () => {
    setBusy(true);
    setError(null);
    try {
      saveFile(csvFileName(fileSubject), writeCsv(columns, await rows()), 'text/csv;charset=utf-8');
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button variant="outlined" disabled={busy} startIcon={busy ? <CircularProgress size={16} /> : <FileDownload />} onClick={() => void exportRows()}>
        {busy ? t('csv:exporting') : t('csv:export')}
      </Button>
      <Snackbar open={error !== null} onClose={() => setError(null)} anchorOrigin={{ vertical: 'bottom', horizontal: 'right' }}>
        <Alert severity="error" variant="filled" onClose={() => setError(null)}>
          {error !== null && joinSentences([t('csv:failed'), describe(error)], i18n.language)}
        </Alert>
      </Snackbar>
    </>
  );
}
