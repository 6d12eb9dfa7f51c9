import { Alert, Button } from '@mui/material';
import FileDownload from '@mui/icons-material/FileDownloadOutlined';
import PlayArrow from '@mui/icons-material/PlayArrowOutlined';
import VerifiedUser from '@mui/icons-material/VerifiedUserOutlined';
import { useTranslation } from 'react-i18next';
import { useChannelQuery } from '../../api/queries';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { JobProgress } from '../../ui/JobProgress';
import { PageFrame } from '../../ui/PageFrame';
import { useVerifyRun } from './use-verify-run';
import { TechnicalDetail } from './TechnicalDetail';
import { saveCertificate } from './verify-certificate';
import { VerifyResult } from './VerifyResult';

/**
 * Integrity: the full verify (`paydesk verify`) run from the app as a job, each check with its
 * result and first row at fault, and the certificate to keep outside the workstation.
 */
export function VerifyScreen() {
  const { t } = useTranslation();
  const verify = useVerifyRun();
  // Re-read on opening: the page check after sign-in reports damage some time after the status was first read.
  const status = useChannelQuery('app.status', {}, { staleTime: 0 });
  const damagedPages = status.data?.damagedPages ?? null;
  const { result, job } = verify;
  const certificate = result?.certificate ?? null;

  return (
    <PageFrame
      title={t('verify:title')}
      subtitle={t('verify:subtitle')}
      actions={
        <>
          {certificate && (
            <Button variant="outlined" startIcon={<FileDownload />} onClick={() => saveCertificate(certificate)}>
              {t('verify:download')}
            </Button>
          )}
          <Button variant="contained" startIcon={<PlayArrow />} disabled={verify.running} onClick={verify.start}>
            {result ? t('verify:runAgain') : t('verify:run')}
          </Button>
        </>
      }
    >
      {damagedPages && (
        <Alert severity="error" role="alert" data-testid="damaged-pages">
          {t('verify:damagedPages')}
          <TechnicalDetail text={damagedPages} />
        </Alert>
      )}
      {(verify.running || (job && job.state !== 'done')) && <JobProgress job={job} label={t('verify:progress')} onCancel={verify.stop} />}
      <ErrorAlert error={verify.error} />
      {result ? (
        <VerifyResult result={result} trustedFingerprint={status.data?.session?.trustFingerprint ?? null} />
      ) : (
        !verify.running && <EmptyState icon={<VerifiedUser />} title={t('verify:empty.title')} hint={t('verify:empty.hint')} />
      )}
    </PageFrame>
  );
}
