import type { ReactNode } from 'react';
import { Box, Typography } from '@mui/material';
import InboxOutlined from '@mui/icons-material/InboxOutlined';

/** What an empty list says instead of nothing: what would be here, and how to get it there. */
export function EmptyState({ title, hint, icon, action }: { title: string; hint?: string; icon?: ReactNode; action?: ReactNode }) {
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', alignItems: 'center', justifyContent: 'center', textAlign: 'center', gap: 1, py: 6, px: 2, height: '100%' }}>
      <Box sx={{ color: 'text.disabled', '& svg': { fontSize: 48 } }}>{icon ?? <InboxOutlined />}</Box>
      <Typography variant="subtitle1">{title}</Typography>
      {hint && (
        <Typography variant="body2" color="text.secondary" sx={{ maxWidth: 420 }}>
          {hint}
        </Typography>
      )}
      {action}
    </Box>
  );
}
