import { useState } from 'react';
import { Button, CircularProgress } from '@mui/material';
import FileDownload from '@mui/icons-material/FileDownloadOutlined';
import { useTranslation } from 'react-i18next';
import { call } from '../../../api/call';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { saveFile } from '../../../ui/csv/save-file';

/**
 * The results as the main process writes them (RFC 4180, UTF-8 with a BOM, formulas neutralized,
 * the summary below the items), headers in the reader's language, saved as other exports are.
 */
export function ExportResultsButton({ batchId }: { batchId: number }) {
  const { t, i18n } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const exportResults = async () => {
    setBusy(true);
    setError(null);
    try {
      const { fileName, csv } = await call('payouts.exportCsv', { batchId, language: i18n.language === 'zh-CN' ? 'zh-CN' : 'en' });
      saveFile(fileName, csv, 'text/csv;charset=utf-8');
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button variant="outlined" disabled={busy} startIcon={busy ? <CircularProgress size={16} /> : <FileDownload />} onClick={() => void exportResults()}>
        {busy ? t('csv:exporting') : t('csv:export')}
      </Button>
      <ErrorAlert error={error} />
    </>
  );
}
