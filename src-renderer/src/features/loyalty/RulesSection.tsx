import type { ReactNode } from 'react';
import { Box, Paper, Stack, Typography } from '@mui/material';

/** The fields of a section side by side, as many to a row as fit. */
export const RULE_FIELD_GRID = { display: 'grid', gap: 2, gridTemplateColumns: 'repeat(auto-fill, minmax(260px, 1fr))', alignItems: 'start' } as const;

/** One part of the rules on the Loyalty screen: its title, what it governs, its fields. */
export function RulesSection({ id, title, description, children }: { id: string; title: string; description: string; children: ReactNode }) {
  const titleId = `loyalty-${id}-title`;
  return (
    <Paper variant="outlined" component="section" aria-labelledby={titleId} sx={{ p: 3 }}>
      <Stack sx={{ gap: 2 }}>
        <Box>
          <Typography id={titleId} variant="subtitle1" component="h2">
            {title}
          </Typography>
          <Typography variant="body2" color="text.secondary">
            {description}
          </Typography>
        </Box>
        {children}
      </Stack>
    </Paper>
  );
}
