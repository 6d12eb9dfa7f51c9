import { Alert } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { chainStatusSchema } from '../../../../src-shared/contract/audit';

type ChainStatusValue = z.infer<typeof chainStatusSchema>;

/** The result of re-checking every link of the audit hash chain. */
export function ChainStatus({ status }: { status: ChainStatusValue }) {
  const { t, i18n } = useTranslation();
  if (!status.ok) {
    return (
      <Alert severity="error" data-testid="chain-status">
        {t('audit:verify.broken', { id: status.firstBrokenId ?? '?' })}
      </Alert>
    );
  }
  const count = new Intl.NumberFormat(i18n.language).format(status.count);
  return (
    <Alert severity="success" data-testid="chain-status">
      {t('audit:verify.ok', { count, head: status.head.slice(0, 16) })}
    </Alert>
  );
}
