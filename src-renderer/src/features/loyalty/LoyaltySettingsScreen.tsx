import { Alert, Box, Chip, CircularProgress, Stack, Typography } from '@mui/material';
import HistoryEdu from '@mui/icons-material/HistoryEduOutlined';
import { useTranslation } from 'react-i18next';
import { can } from '../../../../src-shared/permissions';
import { useChannelQuery } from '../../api/queries';
import { useSession } from '../../session/session';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { PageFrame } from '../../ui/PageFrame';
import { LoyaltyRulesForm } from './LoyaltyRulesForm';

/** Admin → Loyalty: the tiers and the points scheme, readable with settings.read, changed with settings.manage after a preview of who moves. */
export function LoyaltySettingsScreen() {
  const { t } = useTranslation();
  const readOnly = !can(useSession().role, 'settings.manage');
  const rules = useChannelQuery('points.rules', {});
  const version = rules.data?.version;
  return (
    <PageFrame
      title={t('loyalty:title')}
      subtitle={t('loyalty:subtitle')}
      actions={version !== undefined && <Chip data-testid="loyalty-version" variant="outlined" label={version === 0 ? t('loyalty:versionDefaults') : t('loyalty:version', { version })} />}
    >
      <Stack direction="row" sx={{ gap: 1, alignItems: 'center', color: 'text.secondary' }}>
        <HistoryEdu fontSize="small" />
        <Typography variant="body2">{t('loyalty:audited')}</Typography>
      </Stack>
      {readOnly && <Alert severity="info">{t('loyalty:readOnly')}</Alert>}
      <ErrorAlert error={rules.error} />
      {rules.isPending && (
        <Box role="status" sx={{ display: 'flex', gap: 2, alignItems: 'center', p: 3 }}>
          <CircularProgress size={24} />
          <Typography color="text.secondary">{t('loyalty:loading')}</Typography>
        </Box>
      )}
      {rules.data && <LoyaltyRulesForm saved={rules.data} readOnly={readOnly} />}
    </PageFrame>
  );
}
