import type { ReactNode } from 'react';
import { Stack, Typography } from '@mui/material';

/** A titled part of a page (a member's wallets, their receipts, their lots), its heading one level below the page's. */
export function PageSection({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Stack component="section" sx={{ gap: 1 }}>
      <Typography variant="h6" component="h2">
        {title}
      </Typography>
      {children}
    </Stack>
  );
}
