import type { ReactNode } from 'react';
import { Box, Paper, Stack, Typography } from '@mui/material';
import AccountBalance from '@mui/icons-material/AccountBalanceOutlined';
import { useTranslation } from 'react-i18next';
import { ColorModeToggle, LanguageSwitch } from './PreferenceControls';

/** The frame around setup and unlock: a centred card, with language and theme reachable before sign-in. */
export function PublicFrame({ title, subtitle, width = 480, children }: { title: string; subtitle?: string; width?: number; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Box sx={{ minHeight: '100vh', display: 'flex', flexDirection: 'column', bgcolor: 'background.default' }}>
      <Stack direction="row" sx={{ alignItems: 'center', px: 3, py: 1.5, gap: 1 }}>
        <AccountBalance color="primary" />
        <Typography variant="h6" component="div" sx={{ flexGrow: 1 }}>
          {t('common:appName')}
        </Typography>
        <LanguageSwitch color="primary" />
        <ColorModeToggle color="primary" />
      </Stack>
      <Box sx={{ flexGrow: 1, display: 'flex', alignItems: 'center', justifyContent: 'center', p: 3 }}>
        <Paper variant="outlined" component="main" sx={{ width: '100%', maxWidth: width, p: { xs: 3, sm: 4 } }}>
          <Typography variant="h5" component="h1" gutterBottom>
            {title}
          </Typography>
          {subtitle && (
            <Typography variant="body2" color="text.secondary" sx={{ mb: 3 }}>
              {subtitle}
            </Typography>
          )}
          {children}
        </Paper>
      </Box>
    </Box>
  );
}
