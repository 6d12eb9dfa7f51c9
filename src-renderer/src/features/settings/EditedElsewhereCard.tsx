import { Button, Paper, Stack } from '@mui/material';
import { ArrowForward } from '@mui/icons-material';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import { SectionHeading } from './SettingsCard';

/** A settings section edited on a screen of its own (SettingsSection.editedAt): what it governs, and the way there. */
export function EditedElsewhereCard({ domain, path }: { domain: string; path: string }) {
  const { t } = useTranslation();
  const titleId = `settings-${domain}-title`;
  return (
    <Paper variant="outlined" component="section" aria-labelledby={titleId} sx={{ p: 3 }}>
      <Stack direction={{ xs: 'column', sm: 'row' }} sx={{ gap: 2, alignItems: { sm: 'center' }, justifyContent: 'space-between' }}>
        <SectionHeading domain={domain} titleId={titleId} />
        <Button component={RouterLink} to={path} variant="outlined" endIcon={<ArrowForward />} sx={{ flexShrink: 0 }}>
          {t('settings:openEditedAt')}
        </Button>
      </Stack>
    </Paper>
  );
}
