import { Box, Button, Paper, Stack, Typography } from '@mui/material';
import { ArrowForward } from '@mui/icons-material';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';

/** A settings section edited on a screen of its own (SettingsSection.editedAt): what it governs, and the way there. */
export function EditedElsewhereCard({ domain, path }: { domain: string; path: string }) {
  const { t } = useTranslation();
  const titleId = `settings-${domain}-title`;
  return (
    <Paper variant="outlined" component="section" aria-labelledby={titleId} sx={{ p: 3 }}>
      <Stack direction={{ xs: 'column', sm: 'row' }} sx={{ gap: 2, alignItems: { sm: 'center' }, justifyContent: 'space-between' }}>
        <Box>
          <Typography id={titleId} variant="subtitle1" component="h2">
            {t(`settings:section.${domain}.title`)}
          </Typography>
          <Typography variant="body2" color="text.secondary">
            {t(`settings:section.${domain}.description`)}
          </Typography>
        </Box>
        <Button component={RouterLink} to={path} variant="outlined" endIcon={<ArrowForward />} sx={{ flexShrink: 0 }}>
          {t('settings:openEditedAt')}
        </Button>
      </Stack>
    </Paper>
  );
}
